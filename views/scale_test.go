package views

import (
	"fmt"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"parallax/data"
	"parallax/data/align"
	"parallax/data/diff"
	"parallax/data/engine"
	"parallax/data/facts"
)

// bigFixture is an invented comparison of nSrc versions of rows sentences
// each, shaped like a wire story republished by many outlets: most rows
// are in every source, a few words differ, every tenth row states a number
// (every seventh source disagrees) and every twentieth holds a quotation.
// Every 25th row is missing from a third of the sources.
func bigFixture(nSrc, rows int) *engine.Comparison {
	words := strings.Fields("officials said on Tuesday that the storm had closed roads across the region and that crews expected to reopen most of them by the weekend while schools stayed shut")
	sentence := func(r, s int) string {
		var b strings.Builder
		n := 14 + r%17
		for k := 0; k < n; k++ {
			if k > 0 {
				b.WriteByte(' ')
			}
			w := words[(r*7+k)%len(words)]
			if k == 3 && s%5 == 1 {
				w = "reportedly"
			}
			b.WriteString(w)
		}
		if r%10 == 0 {
			if s%7 == 3 {
				fmt.Fprintf(&b, " and %d people were hurt", 60+r%9)
			} else {
				fmt.Fprintf(&b, " and %d people were hurt", 40+r%9)
			}
		}
		if r%20 == 5 {
			b.WriteString(` and "we will rebuild," the mayor said`)
		}
		b.WriteByte('.')
		return b.String()
	}
	has := func(r, s int) bool { return r%25 != 24 || s%3 != 2 }
	c := &engine.Comparison{Base: 0}
	for s := 0; s < nSrc; s++ {
		src := &data.Source{ID: fmt.Sprintf("outlet-%02d", s+1), Name: fmt.Sprintf("outlet-%02d.txt", s+1), Format: "txt"}
		var b strings.Builder
		for r := 0; r < rows; r++ {
			if !has(r, s) {
				continue
			}
			if b.Len() > 0 {
				b.WriteString("\n\n")
			}
			t := sentence(r, s)
			p := data.Paragraph{Kind: data.KindBody, Start: b.Len(), End: b.Len() + len(t), First: len(src.Sentences), N: 1}
			src.Sentences = append(src.Sentences, data.Sentence{ID: fmt.Sprintf("p%ds1", len(src.Paragraphs)+1), Para: len(src.Paragraphs), Start: b.Len(), End: b.Len() + len(t)})
			src.Paragraphs = append(src.Paragraphs, p)
			b.WriteString(t)
		}
		src.Text = b.String()
		c.Sources = append(c.Sources, src)
	}
	next := make([]int, nSrc) // each source's next sentence
	for r := 0; r < rows; r++ {
		row := align.Row{Cells: make([]align.Cell, nSrc), Passage: r / 4}
		for s := range nSrc {
			if has(r, s) {
				row.Cells[s].Sentences = []int{next[s]}
				next[s]++
			}
		}
		c.Rows = append(c.Rows, row)
		if r%4 == 0 {
			c.Passages = append(c.Passages, align.Passage{BasePara: r, First: r, N: min(4, rows-r)})
		}
	}
	c.Diffs = make([][][]diff.Edit, rows)
	for r, row := range c.Rows {
		c.Diffs[r] = make([][]diff.Edit, nSrc)
		for s := 1; s < nSrc; s++ {
			if len(row.Cells[s].Sentences) > 0 && len(row.Cells[0].Sentences) > 0 {
				c.Diffs[r][s] = wordDiff(engine.CellText(c.Sources[0], row.Cells[0]), engine.CellText(c.Sources[s], row.Cells[s]))
			}
		}
	}
	c.Similarity = make([][]engine.Similarity, nSrc)
	for i := range c.Similarity {
		c.Similarity[i] = make([]engine.Similarity, nSrc)
		for j := range c.Similarity[i] {
			c.Similarity[i][j] = engine.Similarity{Aligned: 1, Identical: 1 - float64((i+j)%10)/20}
		}
	}
	for r := 0; r < rows; r++ {
		if r%10 == 0 {
			f := facts.NumberFact{Label: "people hurt", Verdict: facts.Disagree, Majority: fmt.Sprint(40 + r%9), Rows: []int{r}}
			for s := range nSrc {
				if !has(r, s) {
					continue
				}
				src := c.Sources[s]
				se := src.Sentences[c.Rows[r].Cells[s].Sentences[0]]
				text := src.Text[se.Start:se.End]
				i := strings.Index(text, " people were hurt")
				j := strings.LastIndex(text[:i], " ") + 1
				f.Mentions = append(f.Mentions, facts.Number{Source: s, Sentence: c.Rows[r].Cells[s].Sentences[0], Row: r,
					Start: se.Start + j, End: se.Start + i, Text: text[j:i], Display: text[j:i] + " people", Conflict: s%7 == 3, Outlier: s%7 == 3})
			}
			c.Facts.Numbers = append(c.Facts.Numbers, f)
		}
		if r%20 == 5 {
			q := facts.QuoteFact{Speaker: "the mayor", Verdict: facts.Agree, Rows: []int{r}}
			for s := range nSrc {
				if has(r, s) {
					q.Mentions = append(q.Mentions, facts.Quote{Source: s, Row: r, Text: "we will rebuild,", Speaker: "the mayor"})
				}
			}
			c.Facts.Quotes = append(c.Facts.Quotes, q)
		}
	}
	return c
}

// countCells wraps the columns view's table so that every cell and header
// built or filled is counted.
type cellCounts struct{ create, update, header int }

func countCells(v *ColumnsView) *cellCounts {
	n := &cellCounts{}
	t := v.table
	create, update, header := t.CreateCell, t.UpdateCell, t.UpdateHeader
	t.CreateCell = func() fyne.CanvasObject { n.create++; return create() }
	t.UpdateCell = func(id widget.TableCellID, o fyne.CanvasObject) { n.update++; update(id, o) }
	t.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) { n.header++; header(id, o) }
	return n
}

// The columns view of fifty sources builds only the cells on screen, and a
// scroll step fills only the cells that came into view.
func TestColumnsBuildOnlyVisibleCells(t *testing.T) {
	test.NewTempApp(t)
	v := NewColumnsView()
	m := NewModel(bigFixture(50, 1000))
	v.SetModel(m)
	n := countCells(v)
	win := test.NewTempWindow(t, v.Content)
	win.Resize(fyne.NewSize(1200, 700))
	// 1200 px hold at most four columns of 320 px; 700 px at most a
	// dozen lines of text; the 50 × 1,250 lines are never all built
	assert.Less(t, n.create, 80, "cells created for the first screen")
	assert.Less(t, n.update, 80, "cells filled for the first screen")
	first := n.update

	c := win.Canvas()
	for i := 0; i < 20; i++ {
		test.Scroll(c, fyne.NewPos(600, 400), 0, -40)
	}
	t.Logf("cells: %d created, %d filled on the first screen, %d after scrolling; headers filled %d", n.create, first, n.update, n.header)
	assert.Less(t, n.update-first, 80, "twenty scroll steps of 40 px fill only the cells they reveal")
	assert.Less(t, n.create, 120)
}

func BenchmarkNewModel50x1000(b *testing.B) {
	c := bigFixture(50, 1000)
	b.ResetTimer()
	for b.Loop() {
		NewModel(c)
	}
}

// BenchmarkWorkspaceSetModel50x1000 is the work on the main goroutine when
// a comparison of fifty sources is shown.
func BenchmarkWorkspaceSetModel50x1000(b *testing.B) {
	test.NewTempApp(b)
	w := NewWorkspace()
	win := test.NewTempWindow(b, w.Content)
	win.Resize(fyne.NewSize(1200, 760))
	m := NewModel(bigFixture(50, 1000))
	for b.Loop() {
		w.SetModel(m)
	}
}

// BenchmarkColumnsScroll50x1000 is one scroll step of the columns view.
func BenchmarkColumnsScroll50x1000(b *testing.B) {
	test.NewTempApp(b)
	v := NewColumnsView()
	win := test.NewTempWindow(b, v.Content)
	win.Resize(fyne.NewSize(1200, 760))
	v.SetModel(NewModel(bigFixture(50, 1000)))
	c := win.Canvas()
	dy := float32(-40)
	i := 0
	for b.Loop() {
		if i++; i%200 == 0 {
			dy = -dy // down 200 steps, up 200 steps
		}
		test.Scroll(c, fyne.NewPos(600, 400), 0, dy)
	}
}

func TestBigFixture(t *testing.T) {
	c := bigFixture(5, 100)
	require.Len(t, c.Sources, 5)
	m := NewModel(c)
	assert.True(t, m.Conflict[0])
	assert.Contains(t, m.CellText(10, 3), "61 people")
}

func TestGroupMentions(t *testing.T) {
	name := func(s int) string { return "s" + itoa(s) }
	tests := []struct {
		name string
		keys []string // wording of each mention
		srcs []int    // its source
		want []string // who names each line
	}{
		{"few mentions: one line each", []string{"a", "a", "b"}, []int{0, 1, 2}, []string{"s0", "s1", "s2"}},
		{"many: one line per wording", []string{"a", "a", "b", "a", "a", "a", "b", "a", "a"}, []int{0, 1, 2, 3, 4, 5, 6, 7, 8},
			[]string{"s0, s1, s3, s4 and 3 more", "s2, s6"}},
		{"a source repeating a wording", []string{"a", "a", "a", "a", "a", "a", "a", "a", "b"}, []int{0, 0, 0, 1, 1, 2, 2, 3, 4},
			[]string{"s0, s1, s2, s3 (8×)", "s4"}},
		{"five sources are all named", []string{"a", "a", "a", "a", "a", "b", "b", "b", "b"}, []int{0, 1, 2, 3, 4, 5, 6, 7, 8},
			[]string{"s0, s1, s2, s3, s4", "s5, s6, s7, s8"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			gs := groupMentions(len(tt.keys), func(i int) (string, int) { return tt.keys[i], tt.srcs[i] })
			var got []string
			for _, g := range gs {
				got = append(got, g.who(name))
			}
			assert.Equal(t, tt.want, got)
		})
	}
}

// With fifty sources a fact lists each wording once, not fifty lines.
func TestFactsGroupedAtFiftySources(t *testing.T) {
	test.NewTempApp(t)
	p := NewFactsPanel()
	p.SetModel(NewModel(bigFixture(50, 100)))
	require.Equal(t, 15, p.Items())
	lines := p.segmentsLines(0)
	require.Len(t, lines, 3, "the title, the majority's wording and the disagreeing one")
	var b strings.Builder
	for _, sg := range lines[2] {
		b.WriteString(sg.(*widget.TextSegment).Text)
	}
	assert.Equal(t, "• outlet-04.txt, outlet-11.txt, outlet-18.txt, outlet-25.txt and 3 more: 60  (60 people)  (disagrees)", b.String())
}

// The overview's similarity matrix of fifty sources (2,500 cells) and the
// facts list fill only what is on screen.
func TestOverviewAndFactsBuildOnlyVisible(t *testing.T) {
	test.NewTempApp(t)
	m := NewModel(bigFixture(50, 1000))

	o := NewOverviewView()
	cells := 0
	update := o.matrix.UpdateCell
	o.matrix.UpdateCell = func(id widget.TableCellID, c fyne.CanvasObject) { cells++; update(id, c) }
	test.NewTempWindow(t, o.Content).Resize(fyne.NewSize(1000, 700))
	o.SetModel(m)
	assert.Less(t, cells, 250, "matrix cells filled of 2,500")
	assert.Len(t, o.cover.states, 1000)

	p := NewFactsPanel()
	test.NewTempWindow(t, p.Content).Resize(fyne.NewSize(320, 700))
	p.SetModel(m)
	require.Equal(t, 150, p.Items())
	items := 0
	updateItem := p.list.UpdateItem
	p.list.UpdateItem = func(id widget.ListItemID, o fyne.CanvasObject) { items++; updateItem(id, o) }
	p.list.Refresh()
	t.Logf("matrix cells filled: %d; facts filled: %d", cells, items)
	assert.Less(t, items, 30, "facts filled of 150")
}

// BenchmarkSelectRow50x1000 is a click on a row of the columns view.
func BenchmarkSelectRow50x1000(b *testing.B) {
	test.NewTempApp(b)
	v := NewColumnsView()
	win := test.NewTempWindow(b, v.Content)
	win.Resize(fyne.NewSize(1200, 760))
	v.SetModel(NewModel(bigFixture(50, 1000)))
	v.SelectRow(990) // near the end: the table walks the rows above
	i := 0
	for b.Loop() {
		i++
		v.onCellSelected(widget.TableCellID{Row: v.rowLine[990-i%4], Col: 0})
	}
}
