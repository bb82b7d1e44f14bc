package views

import (
	"image"
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/data/diff"
)

// Cell states of the coverage map.
const (
	covEmpty = iota
	covBase
	covSame
	covDiffers
	covConflict
)

// CoverageMap draws rows × sources as small coloured cells: which source
// has which part of the story, and how close it is to the base. A tap
// reports the row under the pointer.
type CoverageMap struct {
	widget.BaseWidget
	m      *Model
	states [][]uint8 // [row][source]
	OnTap  func(row int)
}

// NewCoverageMap returns a coverage map of m.
func NewCoverageMap(m *Model) *CoverageMap {
	c := &CoverageMap{}
	c.ExtendBaseWidget(c)
	c.SetModel(m)
	return c
}

// SetModel shows a new comparison; its cell states were computed with the
// model (NewModel), off the main goroutine.
func (c *CoverageMap) SetModel(m *Model) {
	c.m = m
	c.states = m.cover
	c.Refresh()
}

// coverState is the coverage map's state of source s in row r.
func (m *Model) coverState(r, s int) uint8 {
	if !m.Has(r, s) {
		return covEmpty
	}
	if m.Conflict[r] {
		for _, mk := range m.cellMarks(r, s) {
			if mk.conflict {
				return covConflict
			}
		}
	}
	if s == m.C.Base {
		return covBase
	}
	if !m.Has(r, m.C.Base) {
		return covDiffers
	}
	if r < len(m.C.Diffs) && s < len(m.C.Diffs[r]) {
		for _, e := range m.C.Diffs[r][s] {
			if e.Op != diff.Equal {
				return covDiffers
			}
		}
	}
	return covSame
}

// colours of the states, from the current theme.
func coverageColours() [5]color.Color {
	return [5]color.Color{
		covEmpty:    theme.Color(theme.ColorNameInputBackground),
		covBase:     tint(theme.ColorNamePrimary, 150),
		covSame:     tint(theme.ColorNameSuccess, 200),
		covDiffers:  tint(theme.ColorNameWarning, 210),
		covConflict: theme.Color(theme.ColorNameError),
	}
}

// headH is the height of the source numbers above the map.
const headH float32 = 20

// Tapped reports the row under the pointer.
func (c *CoverageMap) Tapped(ev *fyne.PointEvent) {
	n := len(c.states)
	h := c.Size().Height - headH
	if n == 0 || h <= 0 || c.OnTap == nil || ev.Position.Y < headH {
		return
	}
	r := int((ev.Position.Y - headH) / h * float32(n))
	c.OnTap(clamp(r, n))
}

// CreateRenderer draws the map with one raster under a row of numbers.
func (c *CoverageMap) CreateRenderer() fyne.WidgetRenderer {
	r := &coverRenderer{c: c, ras: canvas.NewRaster(func(w, h int) image.Image { return c.draw(w, h) })}
	return r
}

type coverRenderer struct {
	c     *CoverageMap
	ras   *canvas.Raster
	texts []*canvas.Text
	objs  []fyne.CanvasObject
}

func (r *coverRenderer) Layout(size fyne.Size) {
	r.ras.Move(fyne.NewPos(0, headH))
	r.ras.Resize(fyne.NewSize(size.Width, size.Height-headH))
	n := len(r.texts)
	if n == 0 {
		return
	}
	cw := size.Width / float32(n)
	step := 1
	for cw > 0 && cw*float32(step) < 22 {
		step++
	}
	for i, t := range r.texts {
		t.Hidden = i%step != 0
		ts := t.MinSize()
		t.Move(fyne.NewPos(cw*float32(i)+(cw-ts.Width)/2, 0))
		t.Resize(ts)
	}
}

func (r *coverRenderer) MinSize() fyne.Size { return fyne.NewSize(160, 200) }

func (r *coverRenderer) Refresh() {
	n := 0
	if len(r.c.states) > 0 {
		n = len(r.c.states[0])
	}
	if n != len(r.texts) {
		r.texts = make([]*canvas.Text, n)
		for i := range r.texts {
			r.texts[i] = canvas.NewText(itoa(i+1), theme.Color(theme.ColorNamePlaceHolder))
			r.texts[i].TextSize = theme.CaptionTextSize()
		}
	}
	r.objs = []fyne.CanvasObject{r.ras}
	for _, t := range r.texts {
		t.Color = theme.Color(theme.ColorNamePlaceHolder)
		r.objs = append(r.objs, t)
	}
	r.Layout(r.c.Size())
	canvas.Refresh(r.ras)
}

func (r *coverRenderer) Objects() []fyne.CanvasObject {
	if r.objs == nil {
		r.Refresh()
	}
	return r.objs
}

func (r *coverRenderer) Destroy() {}

func (c *CoverageMap) draw(w, h int) image.Image {
	img := image.NewNRGBA(image.Rect(0, 0, w, h))
	defer func() { _ = recover() }() // a broken comparison draws a partial map
	rows := len(c.states)
	if rows == 0 || w <= 0 || h <= 0 {
		return img
	}
	srcs := len(c.states[0])
	if srcs == 0 {
		return img
	}
	cols := coverageColours()
	gap := 1
	if w/srcs < 4 {
		gap = 0
	}
	for y := 0; y < h; y++ {
		r0 := y * rows / h
		r1 := max(r0+1, (y+1)*rows/h)
		for x := 0; x < w; x++ {
			s := x * srcs / w
			if gap > 0 && (x+1)*srcs/w != s {
				continue // a thin gap between sources
			}
			// the worst state of the rows under this pixel
			st := uint8(0)
			for r := r0; r < r1 && r < rows; r++ {
				st = max(st, c.states[r][s])
			}
			img.Set(x, y, cols[st])
		}
	}
	return img
}

// OverviewView shows the coverage map and the source-similarity matrix.
type OverviewView struct {
	Content *fyne.Container

	m      *Model
	cover  *CoverageMap
	matrix *widget.Table
	names  *widget.Label

	OnRowTapped  func(row int)
	OnPairTapped func(a, b int)
}

// NewOverviewView returns an empty overview.
func NewOverviewView() *OverviewView {
	v := &OverviewView{m: NewModel(nil)}
	v.cover = NewCoverageMap(v.m)
	v.cover.OnTap = func(r int) { call(v.OnRowTapped, r) }
	v.matrix = widget.NewTableWithHeaders(
		func() (int, int) { n := v.m.Sources(); return n, n },
		func() fyne.CanvasObject {
			bg := canvas.NewRectangle(color.Transparent)
			bg.SetMinSize(fyne.NewSize(matrixColumn, 0)) // the columns' width: see SetModel
			l := widget.NewLabel("100%")
			l.Alignment = fyne.TextAlignCenter
			return container.NewStack(bg, l)
		},
		v.updateMatrixCell)
	v.matrix.CreateHeader = func() fyne.CanvasObject {
		l := widget.NewLabel("00") // no wider than a cell (the row headers' width is set)
		l.Truncation = fyne.TextTruncateEllipsis
		return l
	}
	v.matrix.UpdateHeader = func(id widget.TableCellID, o fyne.CanvasObject) {
		l := o.(*widget.Label)
		switch {
		case id.Row < 0 && id.Col >= 0 && id.Col < v.m.Sources():
			l.SetText(itoa(id.Col + 1))
		case id.Col < 0 && id.Row >= 0 && id.Row < v.m.Sources():
			l.SetText(itoa(id.Row+1) + " " + v.m.C.Sources[id.Row].Name)
		default:
			l.SetText("")
		}
	}
	v.matrix.SetColumnWidth(-1, 170)
	v.matrix.OnSelected = func(id widget.TableCellID) {
		if id.Row >= 0 && id.Col >= 0 && id.Row != id.Col && v.OnPairTapped != nil {
			v.OnPairTapped(id.Row, id.Col)
		}
		v.matrix.UnselectAll()
	}
	cols := coverageColours()
	key := func(i int, text string) fyne.CanvasObject {
		r := canvas.NewRectangle(cols[i])
		r.SetMinSize(fyne.NewSize(14, 14))
		return container.NewHBox(container.NewCenter(r), widget.NewLabel(text))
	}
	coverKey := container.NewVBox(key(covBase, "base"), key(covSame, "same wording"), key(covDiffers, "different wording"),
		key(covConflict, "conflicting number"), key(covEmpty, "missing"))
	wrapped := func(text string) *widget.Label {
		l := widget.NewLabelWithStyle(text, fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
		l.Wrapping = fyne.TextWrapWord
		return l
	}
	left := container.NewBorder(
		wrapped("Coverage: rows from top to bottom, sources from left to right (numbered as in the matrix). Click to jump to the row."),
		nil, nil, coverKey, v.cover)
	right := container.NewBorder(
		wrapped("Similarity: share of the aligned text worded identically. Click a pair to compare it."),
		nil, nil, nil, v.matrix)
	split := container.NewHSplit(left, right)
	split.Offset = 0.4
	v.Content = container.NewStack(split)
	return v
}

// SetModel shows a new comparison.
func (v *OverviewView) SetModel(m *Model) {
	v.m = m
	v.cover.SetModel(m)
	// Every column has the cells' own width (matrixColumn): setting the
	// width of each would refresh the table once per source.
	v.matrix.Refresh()
}

// matrixColumn is the width of the similarity matrix's columns.
const matrixColumn float32 = 56

func (v *OverviewView) updateMatrixCell(id widget.TableCellID, o fyne.CanvasObject) {
	c := o.(*fyne.Container)
	bg, l := c.Objects[0].(*canvas.Rectangle), c.Objects[1].(*widget.Label)
	m := v.m
	if m.C == nil || id.Row >= len(m.C.Similarity) || id.Col >= len(m.C.Similarity[id.Row]) {
		l.SetText("")
		bg.FillColor = color.Transparent
		bg.Refresh()
		return
	}
	sim := m.C.Similarity[id.Row][id.Col]
	p := int(sim.Identical*100 + 0.5)
	if id.Row == id.Col {
		l.SetText("—")
		bg.FillColor = color.Transparent
	} else {
		l.SetText(itoa(p) + "%")
		bg.FillColor = tint(theme.ColorNamePrimary, uint8(25+sim.Identical*220))
	}
	bg.Refresh()
}
