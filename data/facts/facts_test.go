package facts

import (
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"parallax/data"
	"parallax/data/align"
	"parallax/data/internal/seeds"
	"parallax/data/load"
	"parallax/data/structure"
)

func loadSeeds(tb testing.TB) ([]*data.Source, []align.Row) {
	tb.Helper()
	files := seeds.Files(tb)
	if d := os.Getenv("FACTS_FILES"); d != "" {
		files = strings.Fields(d)
	}
	var srcs []*data.Source
	for _, p := range files {
		s, err := load.File(p, load.Options{})
		require.NoError(tb, err)
		structure.Analyze(s)
		srcs = append(srcs, s)
	}
	load.UniqueIDs(srcs)
	return srcs, align.Align(srcs, align.ChooseBase(srcs)).Rows
}

// goldNumbers reads the number facts of the seeds' gold file at test time.
type goldNumbers struct {
	Numbers []struct {
		Values []struct {
			Source string `json:"source"`
			Text   string `json:"text"`
			Value  any    `json:"value"`
		} `json:"values"`
		Agree bool `json:"agree"`
	} `json:"numbers"`
}

// TestSeedsNumbers scores the seeds the way the evaluation script does:
// gold mentions found, values read right, disagreements flagged and real.
func TestSeedsNumbers(t *testing.T) {
	srcs, rows := loadSeeds(t)
	t.Run("aligned", func(t *testing.T) { seedsNumbers(t, srcs, rows, true) })
	// with rows that link nothing the grouping leans on context alone
	t.Run("stub rows", func(t *testing.T) { seedsNumbers(t, srcs, stubRows(srcs), false) })
}

func seedsNumbers(t *testing.T, srcs []*data.Source, rows []align.Row, strict bool) {
	gp := seeds.Gold()
	if gp == "" {
		t.Skip("gold file absent: expected ../shared/eval/seeds-gold.json beside the repository")
	}
	b, err := os.ReadFile(gp)
	require.NoError(t, err)
	var gold goldNumbers
	require.NoError(t, json.Unmarshal(b, &gold))
	res := Find(srcs, rows)

	srcIdx := map[string]int{}
	for i, s := range srcs {
		srcIdx[s.ID] = i
	}
	type gv struct {
		fact, src, start, end int
		value                 any
	}
	var gvs []gv
	for fi, f := range gold.Numbers {
		for _, v := range f.Values {
			si, ok := srcIdx[v.Source]
			if !ok {
				continue
			}
			at := strings.Index(srcs[si].Text, v.Text)
			if at < 0 {
				continue
			}
			gvs = append(gvs, gv{fi, si, at, at + len(v.Text), v.Value})
		}
	}
	overlaps := func(m Number, g gv) bool { return m.Source == g.src && m.Start < g.end && g.start < m.End }
	found, numeric, ok := 0, 0, 0
	for _, g := range gvs {
		var hits []Number
		for _, f := range res.Numbers {
			for _, m := range f.Mentions {
				if overlaps(m, g) {
					hits = append(hits, m)
				}
			}
		}
		if len(hits) == 0 {
			t.Logf("gold mention not found: %s %q", srcs[g.src].ID, srcs[g.src].Text[g.start:g.end])
			continue
		}
		found++
		if x, isNum := g.value.(float64); isNum {
			numeric++
			for _, h := range hits {
				if h.Value == x {
					ok++
					break
				}
			}
		}
	}
	conflicts := map[int]bool{}
	for fi, f := range gold.Numbers {
		srcSet := map[string]bool{}
		for _, v := range f.Values {
			srcSet[v.Source] = true
		}
		if !f.Agree && len(srcSet) > 1 {
			conflicts[fi] = true
		}
	}
	caught := map[int]bool{}
	alarms, good := 0, 0
	for _, f := range res.Numbers {
		if f.Verdict != Disagree || len(f.Mentions) < 2 {
			continue
		}
		alarms++
		vals := map[int]map[string]bool{}
		for _, m := range f.Mentions {
			for _, g := range gvs {
				if overlaps(m, g) {
					if vals[g.fact] == nil {
						vals[g.fact] = map[string]bool{}
					}
					vb, _ := json.Marshal(g.value)
					vals[g.fact][string(vb)] = true
				}
			}
		}
		real := false
		for fi := range conflicts {
			if len(vals[fi]) >= 2 {
				caught[fi], real = true, true
			}
		}
		if real {
			good++
		} else {
			t.Logf("flagged disagreement not in the gold: %q", f.Label)
		}
	}
	ratio := func(a, b int) float64 {
		if b == 0 {
			return 1
		}
		return float64(a) / float64(b)
	}
	t.Logf("numbers.found %.3f value_ok %.3f conflict_recall %.3f conflict_precision %.3f",
		ratio(found, len(gvs)), ratio(ok, numeric), ratio(len(caught), len(conflicts)), ratio(good, alarms))
	if !strict {
		return
	}
	assert.GreaterOrEqual(t, ratio(found, len(gvs)), 0.90, "numbers.found")
	assert.GreaterOrEqual(t, ratio(ok, numeric), 0.90, "numbers.value_ok")
	assert.GreaterOrEqual(t, ratio(len(caught), len(conflicts)), 0.95, "numbers.conflict_recall")
	assert.GreaterOrEqual(t, ratio(good, alarms), 0.80, "numbers.conflict_precision")
}

// Find over a small invented story: boilerplate stays out, facts carry rows,
// NumbersInSentence gives the spans to colour.
func TestFindStory(t *testing.T) {
	mk := func(id, text string) *data.Source {
		s := load.Text(id, text)
		structure.Analyze(s)
		return s
	}
	srcs := []*data.Source{
		mk("a", "Floods kill dozens in river town\n\nAt least 40 people were killed when the river burst its banks on Monday, officials said.\n\nComments (48)\n"),
		mk("b", "River town flood toll rises\n\nNearly 35 people were killed when the river burst its banks on Monday, the mayor said.\n\nComments (12)\n"),
	}
	rows := align.Align(srcs, 0).Rows
	res := Find(srcs, rows)
	var conflict *NumberFact
	for i, f := range res.Numbers {
		for _, m := range f.Mentions {
			assert.NotContains(t, m.Text, "48", "boilerplate number compared")
			assert.NotContains(t, m.Text, "12", "boilerplate number compared")
			assert.True(t, srcs[m.Source].Story(m.Sentence))
			assert.Equal(t, srcs[m.Source].Text[m.Start:m.End], m.Text)
			assert.Equal(t, i, m.Fact)
		}
		if f.Verdict == Disagree {
			conflict = &res.Numbers[i]
		}
	}
	require.NotNil(t, conflict, "the death tolls disagree")
	assert.Equal(t, "people killed", conflict.Label)
	assert.NotEmpty(t, conflict.Rows)
	var colour []string
	for si := range srcs {
		for i := range srcs[si].Sentences {
			for _, n := range res.NumbersInSentence(si, i) {
				if n.Conflict {
					colour = append(colour, n.Text)
				}
			}
		}
	}
	assert.Len(t, colour, 1)
	assert.Len(t, res.Conflicts(), 1)
	for _, r := range conflict.Rows {
		assert.Contains(t, res.NumbersInRow(r), conflict.Mentions[0].Fact)
	}
	assert.NotEmpty(t, res.NumbersInSource(1))
}

// Find never panics on odd sources: nil, empty, sentences out of range.
func TestFindOdd(t *testing.T) {
	empty := load.Text("e", "")
	structure.Analyze(empty)
	odd := &data.Source{ID: "odd", Text: "12 people",
		Paragraphs: []data.Paragraph{{Kind: data.KindBody, Start: 0, End: 9, N: 2}},
		Sentences:  []data.Sentence{{Para: 0, Start: 0, End: 9}, {Para: 5, Start: 0, End: 99}}}
	assert.NotPanics(t, func() { Find([]*data.Source{nil, empty}, nil) })
	assert.NotPanics(t, func() { Find(nil, nil) })
	// the number side skips sentences whose paragraph or span is out of range
	assert.NotPanics(t, func() {
		ms := collect([]*data.Source{nil, empty, odd}, nil)
		markSole(ms)
		w := buildIDF(ms, []*data.Source{nil, empty, odd})
		group(ms, w)
	})
}

// forget drops what the sources keep from earlier comparisons (each
// source's pass and quotations), so that Find starts cold.
func forget(srcs []*data.Source) {
	for _, s := range srcs {
		s.PrepareTokens()
	}
}

// BenchmarkFactsSeeds times Find on the seeds from cold: nothing kept from
// the run before.
func BenchmarkFactsSeeds(b *testing.B) {
	srcs, rows := loadSeeds(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		forget(srcs)
		b.StartTimer()
		Find(srcs, rows)
	}
}

// BenchmarkFactsSeedsAgain times Find made again on the same sources (as
// after adding a source or changing the base): each source's pass and
// quotations are kept from the first.
func BenchmarkFactsSeedsAgain(b *testing.B) {
	srcs, rows := loadSeeds(b)
	Find(srcs, rows)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Find(srcs, rows)
	}
}

// What Find keeps with each source gives the same facts as a cold start,
// also when a source is added and the sources are numbered anew.
func TestFindKept(t *testing.T) {
	srcs, rows := loadSeeds(t)
	forget(srcs)
	cold := Find(srcs, rows)
	require.Equal(t, cold, Find(srcs, rows), "again, from what is kept")
	// a source added in front: every other source moves up one
	more := append([]*data.Source{srcs[len(srcs)-1]}, srcs...)
	var rs []align.Row
	for _, r := range rows {
		rs = append(rs, align.Row{Cells: append([]align.Cell{r.Cells[len(r.Cells)-1]}, r.Cells...)})
	}
	warm := Find(more, rs)
	forget(more)
	require.Equal(t, Find(more, rs), warm, "sources numbered anew")
}

// The same input gives the same facts, in the same order, every time.
func TestFindDeterministic(t *testing.T) {
	srcs, rows := loadSeeds(t)
	first := Find(srcs, rows)
	for i := 0; i < 5; i++ {
		require.Equal(t, first.Numbers, Find(srcs, rows).Numbers)
	}
	for i := 1; i < len(first.Numbers); i++ {
		a, b := first.Numbers[i-1], first.Numbers[i]
		if len(a.Rows) > 0 && len(b.Rows) > 0 {
			assert.LessOrEqual(t, a.Rows[0], b.Rows[0], "facts sorted by first row")
		}
	}
}
