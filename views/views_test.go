package views

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"parallax/data/diff"
)

func window(t *testing.T, content fyne.CanvasObject, w, h float32) fyne.Window {
	t.Helper()
	test.NewTempApp(t)
	win := test.NewTempWindow(t, content)
	win.Resize(fyne.NewSize(w, h))
	return win
}

func TestEmptyStateGolden(t *testing.T) {
	test.NewTempApp(t)
	e := NewEmptyState(true)
	e.SetRecent([]Recent{{Label: "3 files: wire.txt, daily.txt, herald.txt", Paths: []string{"a", "b", "c"}}})
	opened := false
	e.OnOpen = func() { opened = true }
	win := test.NewTempWindow(t, e.Content)
	win.Resize(fyne.NewSize(900, 640))
	assertMarkup(t, "empty_state.xml", win.Canvas())
	test.Tap(findButton(t, e.Content, "Open files…"))
	assert.True(t, opened)
}

func findButton(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	var found *widget.Button
	var walk func(o fyne.CanvasObject)
	walk = func(o fyne.CanvasObject) {
		switch w := o.(type) {
		case *widget.Button:
			if w.Text == text {
				found = w
			}
		case *fyne.Container:
			for _, c := range w.Objects {
				walk(c)
			}
		}
	}
	walk(o)
	require.NotNil(t, found, "no button %q", text)
	return found
}

func TestColumnsViewGolden(t *testing.T) {
	v := NewColumnsView()
	win := window(t, v.Content, 1100, 420)
	v.SetModel(NewModel(fixture()))
	assert.Equal(t, 8, v.Lines(), "3 passage headings and 5 rows")
	assertMarkup(t, "columns.xml", win.Canvas())

	v.SelectRow(2)
	assert.Equal(t, 2, v.Selected())
	assertMarkup(t, "columns_selected.xml", win.Canvas())
}

func TestColumnsFiltersAndNavigation(t *testing.T) {
	v := NewColumnsView()
	window(t, v.Content, 1100, 420)
	v.SetModel(NewModel(fixture()))

	tests := []struct {
		filter Filter
		lines  int
	}{
		{FilterAll, 8},
		{FilterDifferences, 8}, // every row differs somewhere
		{FilterNumbers, 2},
		{FilterQuotes, 2},
		{FilterUnique, 2},
	}
	for _, tt := range tests {
		v.SetFilter(tt.filter)
		assert.Equal(t, tt.lines, v.Lines(), FilterNames[tt.filter])
	}
	v.SetFilter(FilterAll)
	v.SetShowBoilerplate(true)
	assert.Equal(t, 8+2, v.Lines(), "a heading and one line of boilerplate")
	v.SetShowBoilerplate(false)

	require.True(t, v.NextDifference(1))
	assert.Equal(t, 0, v.Selected())
	require.True(t, v.NextConflict(1))
	assert.Equal(t, 2, v.Selected())
	require.True(t, v.NextDifference(1))
	assert.Equal(t, 3, v.Selected())
	require.True(t, v.NextDifference(-1))
	assert.Equal(t, 2, v.Selected())
	assert.False(t, v.NextConflict(1), "row 2 is the only conflict")

	require.True(t, v.Find("SCHOOLS", 1))
	assert.Equal(t, 4, v.Selected())
	assert.False(t, v.Find("no such words", 1))
	assert.Equal(t, 4, v.Selected())

	// selecting a hidden row shows every row again
	v.SetFilter(FilterQuotes)
	v.SelectRow(0)
	assert.Equal(t, 0, v.Selected())
	assert.Equal(t, 8, v.Lines())
}

func TestCellSegments(t *testing.T) {
	test.NewTempApp(t)
	m := NewModel(fixture())
	text := func(segs []widget.RichTextSegment) (all string, styles []widget.RichTextStyle) {
		for _, s := range segs {
			ts := s.(*widget.TextSegment)
			all += ts.Text
			styles = append(styles, ts.Style)
		}
		return
	}
	// the daily's conflicting "About 60" is marked as a conflict, the base's
	// "About 40" it lacks as missing
	segs := m.CellSegments(2, 1)
	all, styles := text(segs)
	assert.Contains(t, all, "60 homes")
	var conflict, missing bool
	for i, s := range segs {
		ts := s.(*widget.TextSegment)
		if styles[i] == StyleConflict && ts.Text == "60" {
			conflict = true
		}
		if styles[i].TextStyle.Strikethrough && ts.Text != "" {
			missing = true
		}
	}
	assert.True(t, conflict, "conflicting number styled: %v", all)
	assert.True(t, missing)

	// an empty cell is a dash; a unique row is tagged
	all, _ = text(m.CellSegments(4, 0))
	assert.Equal(t, "— only in daily.txt", all)
	all, _ = text(m.CellSegments(3, 2))
	assert.Equal(t, "—", all)
	all, _ = text(m.CellSegments(4, 1))
	assert.Equal(t, "ONLY HERE Schools stay open.", all)
	assert.Equal(t, "wire.txt: Heavy rain flooded the river road on Monday.\ndaily.txt: Heavy rain flooded the river road on Monday.\nherald.txt: Rain flooded the river road on Monday night.\n", m.RowPlain(1))
	assert.Equal(t, "Flood closes river road (3 sources)", m.Title())
}

func TestEditSegmentsRoundTrip(t *testing.T) {
	test.NewTempApp(t)
	edits := []diff.Edit{{Op: diff.Equal, Text: "About "}, {Op: diff.Delete, Text: "40"}, {Op: diff.Insert, Text: "60"}, {Op: diff.Equal, Text: " homes"}}
	segs := EditSegments(edits, nil, nil)
	var got string
	for _, s := range segs {
		got += s.(*widget.TextSegment).Text
	}
	assert.Equal(t, "About 4060 homes", got)
	assert.Equal(t, StyleMissing, segs[1].(*widget.TextSegment).Style)
	assert.Equal(t, StyleAdded, segs[2].(*widget.TextSegment).Style)
}

func TestPairViewGolden(t *testing.T) {
	v := NewPairView()
	v.Diff = wordDiff
	win := window(t, v.Content, 1100, 360)
	v.SetModel(NewModel(fixture()))
	a, b := v.Pair()
	assert.Equal(t, [2]int{0, 1}, [2]int{a, b})
	v.SetPair(1, 2)
	assertMarkup(t, "pair.xml", win.Canvas())
}

func TestOverviewGolden(t *testing.T) {
	v := NewOverviewView()
	win := window(t, v.Content, 1000, 420)
	v.SetModel(NewModel(fixture()))
	var row = -1
	var pa, pb = -1, -1
	v.OnRowTapped = func(r int) { row = r }
	v.OnPairTapped = func(a, b int) { pa, pb = a, b }
	assertMarkup(t, "overview.xml", win.Canvas())

	v.cover.Resize(fyne.NewSize(200, 500))
	v.cover.Tapped(&fyne.PointEvent{Position: fyne.NewPos(10, 499)})
	assert.Equal(t, 4, row)
	v.cover.Tapped(&fyne.PointEvent{Position: fyne.NewPos(10, headH+1)})
	assert.Equal(t, 0, row)
	v.cover.Tapped(&fyne.PointEvent{Position: fyne.NewPos(10, 499)})
	assert.Equal(t, 4, row)
	v.matrix.OnSelected(widget.TableCellID{Row: 0, Col: 2})
	assert.Equal(t, [2]int{0, 2}, [2]int{pa, pb})

	img := v.cover.draw(30, 50)
	assert.NotNil(t, img)
}

func TestFactsPanelGolden(t *testing.T) {
	p := NewFactsPanel()
	win := window(t, p.Content, 420, 420)
	p.SetModel(NewModel(fixture()))
	assert.Equal(t, 2, p.Items())
	var rows []int
	p.OnFactSelected = func(r []int) { rows = r }
	assertMarkup(t, "facts.xml", win.Canvas())
	p.list.Select(1)
	assert.Equal(t, []int{3}, rows)
}

func TestWorkspaceGolden(t *testing.T) {
	w := NewWorkspace()
	win := window(t, w.Content, 1280, 640)
	w.SetModel(NewModel(fixture()))
	var copied string
	w.OnCopy = func(s string) { copied = s }
	assertMarkup(t, "workspace.xml", win.Canvas())

	w.Facts.OnFactSelected([]int{2})
	assert.Equal(t, 2, w.Columns.Selected())
	w.CopyRow()
	assert.Contains(t, copied, "daily.txt: About 60 homes were evacuated, officials said.")
	w.CopyPassage()
	assert.Contains(t, copied, "wire.txt:\nHeavy rain flooded the river road on Monday. About 40 homes")
	w.SetFind("mayor")
	w.FindNext(1)
	assert.Equal(t, 3, w.Columns.Selected())
	assert.Contains(t, w.Status(), "row 4 of 5")
}

func TestNotices(t *testing.T) {
	test.NewTempApp(t)
	n := NewNotices()
	win := test.NewTempWindow(t, n.Content)
	win.Resize(fyne.NewSize(600, 200))
	n.Add(NoticeWarning, "skipped photo.jpg: not a text document")
	n.SetProgress("Comparing 5 sources…", -1)
	assert.Equal(t, []string{"skipped photo.jpg: not a text document"}, n.Texts())
	text, frac := n.Progress()
	assert.Equal(t, "Comparing 5 sources…", text)
	assert.Equal(t, -1.0, frac)
	n.SetProgress("Comparing wording…", 0.625)
	text, frac = n.Progress()
	assert.Equal(t, "Comparing wording…", text)
	assert.Equal(t, 0.625, frac)
	assert.Equal(t, "Comparing wording…  63%", n.bar.TextFormatter(), "the stage is told inside the bar")
	assert.False(t, n.label.Visible())
	n.SetProgress("", 0)
	text, _ = n.Progress()
	assert.Empty(t, text)
	assertMarkup(t, "notices.xml", win.Canvas())
	n.Clear()
	assert.Empty(t, n.Texts())
}

func TestRewrittenAndBaseFirst(t *testing.T) {
	test.NewTempApp(t)
	tests := []struct {
		edits []diff.Edit
		want  bool
	}{
		{[]diff.Edit{{Op: diff.Equal, Text: "a b c d"}, {Op: diff.Insert, Text: "e"}}, false},
		{[]diff.Edit{{Op: diff.Delete, Text: "a b c d"}, {Op: diff.Insert, Text: "w x y z"}, {Op: diff.Equal, Text: "the"}}, true},
		{nil, false},
		// a long addition to a sentence kept whole is not a rewrite
		{[]diff.Edit{{Op: diff.Equal, Text: "a b c d e"}, {Op: diff.Delete, Text: "f"}, {Op: diff.Insert, Text: "g h i j k l m n"}}, false},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Rewritten(tt.edits), "%v", tt.edits)
	}
	c := fixture()
	c.Base = 2
	m := NewModel(c)
	assert.Equal(t, []int{2, 0, 1}, m.Order)
}

func TestMarkMatches(t *testing.T) {
	segs := []widget.RichTextSegment{seg("Heavy rain flooded ", StyleSame), seg("the river Road", StyleAdded)}
	out := MarkMatches(segs, "r")
	var marked []string
	for _, s := range out {
		ts := s.(*widget.TextSegment)
		if ts.Style.TextStyle.Underline {
			marked = append(marked, ts.Text)
		}
	}
	assert.Equal(t, []string{"r", "r", "r", "R"}, marked)
	assert.Len(t, MarkMatches(segs, ""), 2)
}

func TestBrokenComparisonDoesNotPanic(t *testing.T) {
	c := fixture()
	c.Rows[1].Cells[1].Sentences = []int{99} // an index past the source's sentences
	v := NewColumnsView()
	window(t, v.Content, 1100, 420)
	assert.NotPanics(t, func() { v.SetModel(NewModel(c)) })
}

func TestRowAndFactMenus(t *testing.T) {
	w := NewWorkspace()
	win := window(t, w.Content, 1280, 640)
	w.SetModel(NewModel(fixture()))
	var copied string
	w.OnCopy = func(s string) { copied = s }

	labels := func(m *fyne.Menu) (out []string) {
		for _, it := range m.Items {
			if !it.IsSeparator {
				out = append(out, it.Label)
			}
		}
		return out
	}
	assert.Equal(t, []string{"Copy row", "Copy passage", "Link with row…", "Unlink a source…", "Move a sentence to row…", "Verdict and note…"}, labels(w.RowMenu(2)))
	assert.True(t, w.RowMenu(-1).Items[0].Disabled, "no row: nothing to act on")
	assert.Contains(t, labels(w.WorkMenu()), "Undo the last correction")
	assert.Equal(t, []string{"Show its rows", "Verdict and note…"}, labels(w.FactMenu(0)))

	// A right click on a cell selects its row and opens the row's menu.
	var menuRow = -1
	w.Columns.OnRowMenu = func(r int, _ fyne.CanvasObject, _ fyne.Position) { menuRow = r }
	cell := newCell()
	w.Columns.updateCell(widget.TableCellID{Row: w.Columns.rowLine[2], Col: 1}, cell)
	_, mt := cellParts(cell)
	test.TapSecondary(mt)
	require.Equal(t, 2, menuRow, "a right click on a row's cell")
	assert.Equal(t, 2, w.Columns.Selected())

	factMenu := -1
	w.Facts.OnFactMenu = func(i int, _ fyne.CanvasObject, _ fyne.Position) { factMenu = i }
	for _, o := range test.LaidOutObjects(win.Canvas().Content()) {
		if mt, ok := o.(*menuText); ok && factMenu < 0 {
			test.TapSecondary(mt)
		}
	}
	assert.GreaterOrEqual(t, factMenu, 0, "a right click on a fact")
	w.RowMenu(menuRow).Items[0].Action()
	assert.Contains(t, copied, "daily.txt:")
}
