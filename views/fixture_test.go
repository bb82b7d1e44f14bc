package views

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/require"

	"parallax/data"
	"parallax/data/align"
	"parallax/data/diff"
	"parallax/data/engine"
	"parallax/data/facts"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

// assertMarkup compares the canvas with testdata/name, rewriting it with -update.
func assertMarkup(t *testing.T, name string, c fyne.Canvas) {
	t.Helper()
	if *update {
		path := filepath.Join("testdata", name)
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(test.RenderToMarkup(c)), 0o644))
	}
	test.AssertRendersToMarkup(t, name, c)
}

// source builds an analysed source from paragraphs of sentences; a
// paragraph starting with "#" is a headline, one starting with "~" is
// boilerplate.
func source(id string, paras ...[]string) *data.Source {
	s := &data.Source{ID: id, Name: id + ".txt", Format: "txt", Encoding: "utf-8"}
	var b strings.Builder
	for pi, sents := range paras {
		if pi > 0 {
			b.WriteString("\n\n")
		}
		kind := data.KindBody
		if strings.HasPrefix(sents[0], "#") {
			kind = data.KindHeadline
			sents = append([]string{strings.TrimPrefix(sents[0], "#")}, sents[1:]...)
		}
		if strings.HasPrefix(sents[0], "~") {
			kind = data.KindBoilerplate
			sents = append([]string{strings.TrimPrefix(sents[0], "~")}, sents[1:]...)
		}
		p := data.Paragraph{Kind: kind, Start: b.Len(), First: len(s.Sentences), N: len(sents)}
		for si, t := range sents {
			if si > 0 {
				b.WriteString(" ")
			}
			s.Sentences = append(s.Sentences, data.Sentence{ID: "p" + itoa(pi+1) + "s" + itoa(si+1), Para: pi, Start: b.Len(), End: b.Len() + len(t)})
			b.WriteString(t)
		}
		p.End = b.Len()
		s.Paragraphs = append(s.Paragraphs, p)
	}
	s.Text = b.String()
	return s
}

// fixture is a small invented comparison of three versions of a story.
func fixture() *engine.Comparison {
	a := source("wire",
		[]string{"#Flood closes river road"},
		[]string{"Heavy rain flooded the river road on Monday.", "About 40 homes were evacuated, officials said."},
		[]string{"\"We acted quickly,\" the mayor said."},
		[]string{"~Subscribe to our newsletter."})
	b := source("daily",
		[]string{"#Flood closes the river road"},
		[]string{"Heavy rain flooded the river road on Monday.", "About 60 homes were evacuated, officials said."},
		[]string{"\"We acted fast,\" the mayor said.", "Schools stay open."})
	c := source("herald",
		[]string{"#Flood closes river road"},
		[]string{"Rain flooded the river road on Monday night.", "About 40 homes were evacuated."})
	srcs := []*data.Source{a, b, c}
	cells := func(ia, ib, ic []int) []align.Cell {
		return []align.Cell{{Sentences: ia}, {Sentences: ib}, {Sentences: ic}}
	}
	rows := []align.Row{
		{Cells: cells([]int{0}, []int{0}, []int{0}), Passage: 0},
		{Cells: cells([]int{1}, []int{1}, []int{1}), Passage: 1},
		{Cells: cells([]int{2}, []int{2}, []int{2}), Passage: 1},
		{Cells: cells([]int{3}, []int{3}, nil), Passage: 2},
		{Cells: cells(nil, []int{4}, nil), Passage: 2},
	}
	c0 := &engine.Comparison{
		Sources:  srcs,
		Base:     0,
		Rows:     rows,
		Passages: []align.Passage{{BasePara: 0, First: 0, N: 1}, {BasePara: 1, First: 1, N: 2}, {BasePara: 2, First: 3, N: 2}},
	}
	c0.Diffs = make([][][]diff.Edit, len(rows))
	for r, row := range rows {
		c0.Diffs[r] = make([][]diff.Edit, len(srcs))
		for s := 1; s < len(srcs); s++ {
			if len(row.Cells[s].Sentences) == 0 || len(row.Cells[0].Sentences) == 0 {
				continue
			}
			c0.Diffs[r][s] = wordDiff(engine.CellText(a, row.Cells[0]), engine.CellText(srcs[s], row.Cells[s]))
		}
	}
	c0.Similarity = [][]engine.Similarity{
		{{Aligned: 1, Identical: 1}, {Aligned: 0.9, Identical: 0.8}, {Aligned: 0.7, Identical: 0.6}},
		{{Aligned: 0.9, Identical: 0.8}, {Aligned: 1, Identical: 1}, {Aligned: 0.6, Identical: 0.5}},
		{{Aligned: 0.7, Identical: 0.6}, {Aligned: 0.6, Identical: 0.5}, {Aligned: 1, Identical: 1}},
	}
	num := func(src *data.Source, si, s, row int, text string, outlier bool) facts.Number {
		start := strings.Index(src.Text, text)
		return facts.Number{Source: si, Sentence: s, Row: row, Start: start, End: start + len(text), Text: text,
			Value: 40, Kind: "count", Unit: "homes", Display: strings.TrimPrefix(text, "About "), Outlier: outlier, Conflict: outlier}
	}
	c0.Facts.Numbers = []facts.NumberFact{{
		Label: "homes evacuated", Verdict: facts.Disagree, Majority: "40",
		Mentions: []facts.Number{num(a, 0, 2, 2, "About 40", false), num(b, 1, 2, 2, "About 60", true), num(c, 2, 2, 2, "About 40", false)},
		Rows:     []int{2},
	}}
	quote := func(src *data.Source, si, row int, text, class string) facts.Quote {
		start := strings.Index(src.Text, text)
		return facts.Quote{Source: si, Sentence: 3, Row: row, Start: start, End: start + len(text), Text: text, Speaker: "the mayor", Class: class}
	}
	c0.Facts.Quotes = []facts.QuoteFact{{
		Speaker: "the mayor", Verdict: facts.Disagree,
		Mentions: []facts.Quote{quote(a, 0, 3, "We acted quickly,", ""), quote(b, 1, 3, "We acted fast,", "reworded")},
		Rows:     []int{3},
	}}
	return c0
}

// wordDiff is a tiny word diff for the fixture (longest common prefix and
// suffix of words), so the goldens do not depend on the engine's diff.
func wordDiff(a, b string) []diff.Edit {
	if a == b {
		return []diff.Edit{{Op: diff.Equal, Text: a}}
	}
	wa, wb := strings.SplitAfter(a, " "), strings.SplitAfter(b, " ")
	p := 0
	for p < len(wa) && p < len(wb) && wa[p] == wb[p] {
		p++
	}
	q := 0
	for q < len(wa)-p && q < len(wb)-p && wa[len(wa)-1-q] == wb[len(wb)-1-q] {
		q++
	}
	var out []diff.Edit
	add := func(op diff.Op, ws []string) {
		if t := strings.Join(ws, ""); t != "" {
			out = append(out, diff.Edit{Op: op, Text: t})
		}
	}
	add(diff.Equal, wa[:p])
	add(diff.Delete, wa[p:len(wa)-q])
	add(diff.Insert, wb[p:len(wb)-q])
	add(diff.Equal, wa[len(wa)-q:])
	return out
}
