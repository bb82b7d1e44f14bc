package align_test

import (
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"parallax/data"
	"parallax/data/align"
)

// checkInvariants asserts what every alignment must satisfy.
func checkInvariants(t *testing.T, srcs []*data.Source, res align.Result, base int) {
	t.Helper()
	seen := make([]map[int]int, len(srcs))
	for s := range srcs {
		seen[s] = map[int]int{}
	}
	lastBase := -1
	for ri, row := range res.Rows {
		require.Len(t, row.Cells, len(srcs), "row %d", ri)
		filled := 0
		for s, cell := range row.Cells {
			if len(cell.Sentences) > 0 {
				filled++
			}
			for n, i := range cell.Sentences {
				require.True(t, i >= 0 && i < len(srcs[s].Sentences), "row %d source %d: sentence %d out of range", ri, s, i)
				assert.True(t, srcs[s].Story(i), "row %d holds non-story sentence %s of %s", ri, srcs[s].Sentences[i].ID, srcs[s].ID)
				if prev, dup := seen[s][i]; dup {
					t.Errorf("sentence %s of %s in rows %d and %d", srcs[s].Sentences[i].ID, srcs[s].ID, prev, ri)
				}
				seen[s][i] = ri
				if n > 0 {
					assert.Greater(t, i, cell.Sentences[n-1], "row %d source %d: cell not in reading order", ri, s)
				}
			}
		}
		assert.Positive(t, filled, "row %d is empty", ri)
		if b := row.Cells[base].Sentences; len(b) > 0 {
			assert.Greater(t, b[0], lastBase, "row %d: base sentences out of order", ri)
			lastBase = b[len(b)-1]
		}
		require.True(t, row.Passage >= 0 && row.Passage < len(res.Passages), "row %d: passage %d", ri, row.Passage)
		p := res.Passages[row.Passage]
		assert.True(t, ri >= p.First && ri < p.First+p.N, "row %d outside its passage", ri)
	}
	for s, src := range srcs {
		for i := range src.Sentences {
			if src.Story(i) {
				_, ok := seen[s][i]
				assert.True(t, ok, "story sentence %s of %s in no row", src.Sentences[i].ID, src.ID)
			}
		}
	}
	// passages tile the rows in order
	next := 0
	for pi, p := range res.Passages {
		assert.Equal(t, next, p.First, "passage %d does not start where the last ended", pi)
		assert.Positive(t, p.N, "passage %d is empty", pi)
		next = p.First + p.N
		if p.BasePara >= 0 {
			for r := p.First; r < p.First+p.N; r++ {
				if b := res.Rows[r].Cells[base].Sentences; len(b) > 0 {
					assert.Equal(t, p.BasePara, srcs[base].Sentences[b[0]].Para, "row %d: base paragraph differs from its passage's", r)
				}
			}
		} else {
			assert.Equal(t, -1, p.BasePara)
			for r := p.First; r < p.First+p.N; r++ {
				assert.Empty(t, res.Rows[r].Cells[base].Sentences, "row %d with a base sentence in a passage the base lacks", r)
			}
		}
	}
	assert.Equal(t, len(res.Rows), next, "passages do not cover every row")
}

func sets(t *testing.T) map[string][]*data.Source {
	out := map[string][]*data.Source{
		"ferry": readSources(t, filepath.Join("testdata", "ferry")),
	}
	if dir, ok := trySharedDir("seeds"); ok {
		out["seeds"] = readSources(t, dir)
	}
	return out
}

func TestInvariants(t *testing.T) {
	for name, srcs := range sets(t) {
		al := align.New(srcs)
		for base := range srcs {
			t.Run(fmt.Sprintf("%s/base%d", name, base), func(t *testing.T) {
				checkInvariants(t, srcs, al.Align(base), base)
			})
		}
	}
}

func TestDeterministic(t *testing.T) {
	for name, srcs := range sets(t) {
		t.Run(name, func(t *testing.T) {
			first := align.New(srcs)
			want := first.Align(first.Base())
			for range 3 {
				al := align.New(srcs)
				assert.Equal(t, first.Base(), al.Base())
				assert.Equal(t, want, al.Align(al.Base()))
			}
			assert.Equal(t, first.Base(), align.ChooseBase(srcs))
			assert.Equal(t, want, align.Align(srcs, first.Base()))
		})
	}
}

// TestFerryRows checks the invented fixture's hard cases by content: a
// reordered paragraph, a sentence split in two, a merged sentence, content
// only one outlet has, and boilerplate kept out.
func TestFerryRows(t *testing.T) {
	srcs := readSources(t, filepath.Join("testdata", "ferry"))
	res := align.New(srcs).Align(0)
	rowOf := func(src, prefix string) int {
		t.Helper()
		for ri, row := range res.Rows {
			for s, cell := range row.Cells {
				if srcs[s].ID != src {
					continue
				}
				for _, i := range cell.Sentences {
					if len(srcs[s].SentenceText(i)) >= len(prefix) && srcs[s].SentenceText(i)[:len(prefix)] == prefix {
						return ri
					}
				}
			}
		}
		t.Fatalf("%s: no row holds %q", src, prefix)
		return -1
	}
	// the operator paragraph moved up in coastal-times still meets the others
	assert.Equal(t, rowOf("harbour-gazette", "Tidewater Lines"), rowOf("coastal-times", "Its operator"))
	assert.Equal(t, rowOf("harbour-gazette", "Tidewater Lines"), rowOf("daily-wire", "Tidewater Lines"))
	// a split: two coastal-times sentences against one
	assert.Equal(t, rowOf("coastal-times", "Two crew members"), rowOf("coastal-times", "One of them"))
	assert.Equal(t, rowOf("harbour-gazette", "The three injured"), rowOf("coastal-times", "One of them"))
	// reordered quotation halves
	assert.Equal(t, rowOf("harbour-gazette", "“Nobody panicked"), rowOf("island-radio", "“Nobody panicked"))
	// a merged sentence (lead and time in one) meets the lead
	assert.Equal(t, rowOf("harbour-gazette", "The passenger ferry"), rowOf("island-radio", "A ferry with more"))
	// only one outlet mentions refunds: a row of one cell
	r := res.Rows[rowOf("coastal-times", "Passengers will receive")]
	assert.Equal(t, 1, r.Filled())
	// the mayor paragraph the base lacks sits in one row for the two outlets
	assert.Equal(t, rowOf("island-radio", "Marrow Island mayor"), rowOf("daily-wire", "The island’s mayor"))
}

func TestEdgeCases(t *testing.T) {
	assert.Empty(t, align.Align(nil, 0).Rows)
	assert.Equal(t, 0, align.ChooseBase(nil))
	one := &data.Source{ID: "one", Text: "A lone sentence. Another one."}
	analyze(one)
	res := align.Align([]*data.Source{one}, 0)
	checkInvariants(t, []*data.Source{one}, res, 0)
	empty := &data.Source{ID: "empty", Text: ""}
	analyze(empty)
	srcs := []*data.Source{one, empty}
	res = align.Align(srcs, 1)
	checkInvariants(t, srcs, res, 1)
	// a base out of range falls back to the default
	res = align.Align(srcs, 7)
	assert.NotEmpty(t, res.Rows)
}

// FuzzAlign checks the invariants on arbitrary texts: two or three sources
// made from the fuzzer's strings (the third a shuffled copy of the first's
// lines, so that reordering and duplicates are exercised).
func FuzzAlign(f *testing.F) {
	f.Add("Ferry runs aground.\n\nThree hurt. 112 passengers.", "Three people hurt when a ferry ran aground.\n\nIt carried 112 passengers.")
	f.Add("A. B. C.", "")
	f.Add("Same line.\nSame line.\nSame line.", "Same line.")
	f.Add("Headline\n\nBody text here, with 1,200 words.\n\nSubheading\n\nMore body.", "Body text here.\n\nSubheading\n\nMore body, 1,200.")
	f.Fuzz(func(t *testing.T, a, b string) {
		lines := strings.Split(a, "\n")
		slices.Reverse(lines)
		var srcs []*data.Source
		for i, text := range []string{a, b, strings.Join(lines, "\n")} {
			s := &data.Source{ID: fmt.Sprint(i), Text: text}
			analyze(s)
			srcs = append(srcs, s)
		}
		al := align.New(srcs)
		for base := range srcs {
			checkInvariants(t, srcs, al.Align(base), base)
		}
	})
}

// TestManySources covers the partner selection used beyond 13 sources:
// sixteen versions made from the ferry fixture by rotating its paragraphs.
func TestManySources(t *testing.T) {
	ferry := readSources(t, filepath.Join("testdata", "ferry"))
	var srcs []*data.Source
	for i := range 16 {
		paras := strings.Split(strings.TrimSpace(ferry[i%len(ferry)].Text), "\n\n")
		r := i / len(ferry) % len(paras)
		paras = append(paras[r:], paras[:r]...)
		s := &data.Source{ID: fmt.Sprint("v", i), Text: strings.Join(paras, "\n\n") + "\n"}
		analyze(s)
		srcs = append(srcs, s)
	}
	al := align.New(srcs)
	res := al.Align(al.Base())
	checkInvariants(t, srcs, res, al.Base())
	again := align.New(srcs)
	assert.Equal(t, al.Base(), again.Base())
	assert.Equal(t, res, again.Align(again.Base()))
	// every version's lead sits in one row: the copies of a text are found
	// although not every pair of sources is matched directly
	lead := -1
	for ri, row := range res.Rows {
		for s, cell := range row.Cells {
			for _, i := range cell.Sentences {
				if strings.HasPrefix(srcs[s].SentenceText(i), "The passenger ferry Saltwind") {
					if lead < 0 {
						lead = ri
					}
					assert.Equal(t, lead, ri, "%s", srcs[s].ID)
				}
			}
		}
	}
	assert.GreaterOrEqual(t, lead, 0)
}
