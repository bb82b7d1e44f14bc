package facts

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"parallax/data"
	"parallax/data/align"
	"parallax/data/internal/seeds"
	"parallax/data/load"
	"parallax/data/structure"
)

// Find never panics on malformed sources: paragraph indices and spans out of
// range, rows naming sentences or sources that do not exist. The bad
// sentences are skipped; the good ones keep their facts.
func TestFindMalformed(t *testing.T) {
	text := "Officials said 12 people died. \u201cWe will rebuild the harbour wall,\u201d the mayor said."
	good := []data.Sentence{{Para: 0, Start: 0, End: 30}, {Para: 0, Start: 31, End: len(text)}}
	para := []data.Paragraph{{Kind: data.KindBody, Start: 0, End: len(text), N: 2}}
	cases := []struct {
		name  string
		paras []data.Paragraph
		sents []data.Sentence
	}{
		{"paragraph index too big", para, append([]data.Sentence{{Para: 7, Start: 0, End: 30}}, good[1])},
		{"negative paragraph index", para, append([]data.Sentence{{Para: -1, Start: 0, End: 30}}, good[1])},
		{"sentence past the text", para, append([]data.Sentence{good[0]}, data.Sentence{Para: 0, Start: 31, End: 999})},
		{"sentence backwards", para, []data.Sentence{{Para: 0, Start: 30, End: 2}, good[1]}},
		{"paragraph past the text", []data.Paragraph{{Kind: data.KindBody, Start: 0, End: 999, N: 2}}, good},
		{"paragraph backwards", []data.Paragraph{{Kind: data.KindBody, Start: 50, End: 3, N: 2}}, good},
		{"no paragraphs", nil, good},
		{"no sentences", para, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			odd := &data.Source{ID: "odd", Text: text, Paragraphs: c.paras, Sentences: c.sents}
			ok := &data.Source{ID: "ok", Text: text, Paragraphs: para, Sentences: good}
			srcs := []*data.Source{odd, nil, ok}
			rows := []align.Row{
				{Cells: []align.Cell{{Sentences: []int{0, 5}}, {Sentences: []int{0}}, {Sentences: []int{0}}}},
				{Cells: []align.Cell{{Sentences: []int{-1, 1}}, {}, {Sentences: []int{1}}, {Sentences: []int{3}}}},
			}
			var res Result
			require.NotPanics(t, func() { res = Find(srcs, rows) })
			require.NotPanics(t, func() { FindQuotes(srcs, nil) })
			// the well-formed source keeps its number and its quotation
			assert.NotEmpty(t, res.NumbersInSource(2))
			assert.NotEmpty(t, res.QuotesInSource(2))
		})
	}
}

// The facts of many versions do not depend on how the work is shared among
// cores: the same input gives the same result every time.
func TestFindParallelDeterministic(t *testing.T) {
	srcs, rows := loadSeeds(t)
	// twenty sources: the seeds four times over
	var many []*data.Source
	for range 4 {
		many = append(many, srcs...)
	}
	var rs []align.Row
	for _, r := range rows {
		var cells []align.Cell
		for range 4 {
			cells = append(cells, r.Cells...)
		}
		rs = append(rs, align.Row{Cells: cells})
	}
	first := Find(many, rs)
	for range 3 {
		again := Find(many, rs)
		require.Equal(t, first.Numbers, again.Numbers)
		require.Equal(t, first.Quotes, again.Quotes)
	}
}

// BenchmarkFactsLarge times the facts stage alone on 50 generated versions
// of 5,000 words (or the set in PARALLAX_LARGE_DIR), loaded, analysed and
// aligned once before the clock starts.
func BenchmarkFactsLarge(b *testing.B) {
	files := seeds.Large(b, 50, 5000)
	var srcs []*data.Source
	for _, p := range files {
		s, err := load.File(p, load.Options{})
		require.NoError(b, err)
		structure.Analyze(s)
		srcs = append(srcs, s)
	}
	load.UniqueIDs(srcs)
	rows := align.Align(srcs, align.ChooseBase(srcs)).Rows
	b.ResetTimer()
	c0 := seeds.CPUTime()
	for i := 0; i < b.N; i++ {
		forget(srcs) // from cold, as a first comparison
		Find(srcs, rows)
	}
	if c := seeds.CPUTime() - c0; c > 0 {
		b.ReportMetric(c/float64(b.N), "cpu-s/op")
	}
}
