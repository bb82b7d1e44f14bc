package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/data/diff"
)

// pairWidth is the narrowest width of each of the pair view's two columns;
// they grow to fill the view.
const pairWidth float32 = 320

// PairView shows two sources side by side in one table, so both sides
// always scroll together. The right side is coloured against the left.
type PairView struct {
	Content *fyne.Container

	m      *Model
	a, b   int
	rows   []int // model rows where either side has content
	cache  map[int][]diff.Edit
	left   *widget.Select
	right  *widget.Select
	holder *fyne.Container
	table  *widget.Table
	width  float32

	// Diff words the right side against the left (the engine's diff.Words).
	Diff func(a, b string) []diff.Edit

	OnRowSelected func(row int)
}

// NewPairView returns an empty pair view.
func NewPairView() *PairView {
	v := &PairView{Diff: diff.Words}
	v.holder = container.New(&widthLayout{onWidth: func(w float32) {
		if w > 10 && (w-v.width > 4 || v.width-w > 4) {
			v.width = w
			fyne.Do(v.build)
		}
	}})
	v.left = widget.NewSelect(nil, func(string) { v.pick() })
	v.right = widget.NewSelect(nil, func(string) { v.pick() })
	swap := widget.NewButtonWithIcon("Swap", theme.ViewRefreshIcon(), func() { v.SetPair(v.b, v.a) })
	wide := func(o fyne.CanvasObject) fyne.CanvasObject {
		return container.NewGridWrap(fyne.NewSize(240, o.MinSize().Height), o)
	}
	bar := container.NewHBox(widget.NewLabel("Left:"), wide(v.left), widget.NewLabel("Right:"), wide(v.right), swap)
	v.Content = container.NewBorder(container.NewHScroll(bar), nil, nil, nil, v.holder)
	v.SetModel(NewModel(nil))
	return v
}

// SetModel shows a new comparison, pairing the base with the next source.
func (v *PairView) SetModel(m *Model) {
	v.m = m
	var names []string
	if m.C != nil {
		for _, s := range m.C.Sources {
			names = append(names, s.Name)
		}
	}
	v.left.Options, v.right.Options = names, names
	a := 0
	if m.C != nil && m.C.Base >= 0 {
		a = m.C.Base
	}
	b := 0
	if a == 0 {
		b = 1
	}
	v.SetPair(a, b)
}

// Pair is the pair shown.
func (v *PairView) Pair() (int, int) { return v.a, v.b }

// SetPair shows sources a (left) and b (right).
func (v *PairView) SetPair(a, b int) {
	n := v.m.Sources()
	if n == 0 {
		v.a, v.b = 0, 0
		v.rows = nil
		v.build()
		return
	}
	a, b = clamp(a, n), clamp(b, n)
	v.a, v.b = a, b
	v.left.SetSelectedIndex(a)
	v.right.SetSelectedIndex(b)
	v.refresh()
}

func clamp(i, n int) int {
	if i < 0 {
		return 0
	}
	if i >= n {
		return n - 1
	}
	return i
}

func (v *PairView) pick() {
	a, b := v.left.SelectedIndex(), v.right.SelectedIndex()
	if a < 0 || b < 0 || (a == v.a && b == v.b && v.rows != nil) {
		return
	}
	v.a, v.b = a, b
	v.refresh()
}

func (v *PairView) refresh() {
	v.cache = map[int][]diff.Edit{}
	v.rows = v.rows[:0]
	for r := 0; r < v.m.Rows(); r++ {
		if v.m.Has(r, v.a) || v.m.Has(r, v.b) {
			v.rows = append(v.rows, r)
		}
	}
	v.build()
}

func (v *PairView) build() {
	t := &widget.Table{
		Length: func() (int, int) {
			if v.m.Sources() == 0 {
				return 0, 0
			}
			return len(v.rows), 2
		},
		CreateCell:       newCell,
		UpdateCell:       v.updateCell,
		ShowHeaderRow:    true,
		ShowHeaderColumn: true,
		CreateHeader:     newHeader,
		UpdateHeader:     v.updateHeader,
	}
	t.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Row < len(v.rows) {
			call(v.OnRowSelected, v.rows[id.Row])
		}
	}
	mt := measure()
	colW := max(pairWidth, (v.width-rowHeaderWidth-theme.Padding()*4)/2)
	t.SetColumnWidth(0, colW)
	t.SetColumnWidth(1, colW)
	t.SetColumnWidth(-1, rowHeaderWidth)
	var rt *widget.RichText
	if len(v.rows)*2 <= exactCells {
		rt = widget.NewRichText()
		rt.Wrapping = fyne.TextWrapWord
	}
	for i, r := range v.rows {
		if rt == nil {
			t.SetRowHeight(i, mt.linesFor(max(v.m.cellChars(r, v.a), v.m.cellChars(r, v.b)), colW)*mt.lineH+mt.pad)
			continue
		}
		var need float32
		for col := 0; col < 2; col++ {
			rt.Segments = v.segments(i, col)
			rt.Refresh()
			rt.Resize(fyne.NewSize(colW, 10))
			need = max(need, rt.MinSize().Height)
		}
		t.SetRowHeight(i, need+2)
	}
	t.ExtendBaseWidget(t)
	v.table = t
	v.holder.Objects = []fyne.CanvasObject{t}
	v.holder.Refresh()
}

// edits diffs row r's right cell against its left cell, once.
func (v *PairView) edits(r int) []diff.Edit {
	if e, ok := v.cache[r]; ok {
		return e
	}
	e := v.Diff(v.m.CellText(r, v.a), v.m.CellText(r, v.b))
	v.cache[r] = e
	return e
}

func (v *PairView) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	bg, mt := cellParts(o)
	rt := &mt.RichText
	defer guard(rt)
	bg.FillColor = nil
	rt.Segments = v.segments(id.Row, id.Col)
	bg.Refresh()
	rt.Refresh()
}

// segments renders line i's left (col 0) or right (col 1) cell; the right
// one is coloured against the left.
func (v *PairView) segments(i, col int) []widget.RichTextSegment {
	if i < 0 || i >= len(v.rows) {
		return nil
	}
	r, m := v.rows[i], v.m
	side := v.a
	if col == 1 {
		side = v.b
	}
	switch {
	case !m.Has(r, side):
		return []widget.RichTextSegment{seg("—", StyleDim)}
	case col == 0 || !m.Has(r, v.a):
		st := StyleSame
		if col == 1 || !m.Has(r, v.b) {
			st = StyleAdded
		}
		return styled(m.CellText(r, side), 0, m.cellMarks(r, side), st)
	case Rewritten(v.edits(r)):
		return append([]widget.RichTextSegment{seg("REWORDED ", StyleTag)}, styled(m.CellText(r, side), 0, m.cellMarks(r, side), StyleSame)...)
	}
	return EditSegments(v.edits(r), m.cellMarks(r, v.b), m.cellMarks(r, v.a))
}

func (v *PairView) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	rt, btn := headerParts(o)
	btn.Hide()
	m := v.m
	switch {
	case id.Row < 0 && id.Col >= 0 && m.Sources() > 0:
		side := v.a
		if id.Col == 1 {
			side = v.b
		}
		rt.set([]widget.RichTextSegment{seg(m.SourceLabel(side), widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}})})
	case id.Col < 0 && id.Row >= 0 && id.Row < len(v.rows):
		rt.set([]widget.RichTextSegment{seg(itoa(v.rows[id.Row]+1), StyleHeading)})
	default:
		rt.set(nil)
	}
}
