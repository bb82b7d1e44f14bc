package views

import (
	"math"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// ColumnWidth is the narrowest width of one source's column; columns grow
// to fill the view when there are few sources.
const ColumnWidth float32 = 320

// rowHeaderWidth is the width of the row-number column.
const rowHeaderWidth float32 = 58

// rowMenuHeaderWidth is the columns view's row-number column, which also
// holds the row's ⋯ menu button.
const rowMenuHeaderWidth float32 = 100

// dispKind is what a line of the columns view shows.
type dispKind int8

const (
	dispRow     dispKind = iota // an aligned row
	dispPassage                 // the heading of a passage
	dispBoilerH                 // the heading of the text outside the story
	dispBoiler                  // the k-th paragraph outside the story of each source
)

// disp is one line of the columns view.
type disp struct {
	kind dispKind
	n    int // row, passage or boilerplate index
}

// ColumnsView shows one column per source, passages aligned across columns
// and the sentence rows inside them. Only the visible cells are built (a
// widget.Table), so it stays fast with fifty sources and thousands of rows.
type ColumnsView struct {
	Content *fyne.Container

	m          *Model
	filter     Filter
	showBoiler bool
	lines      []disp
	rowLine    []int // model row -> line, -1 when filtered out
	selected   int   // model row, -1 for none
	highlight  map[int]bool
	table      *widget.Table
	width      float32 // the view's width the table was built for
	colW       float32
	find       string          // lower-case text to mark in the cells, from Find
	exact      map[int]float32 // measured row heights at exactW, by model row
	exactW     float32
	// shown is the cell each cell object last showed: the table keeps only
	// the visible cells' objects (and a few spare), so a row is redrawn
	// through them rather than by asking the table for all its sources
	shown map[fyne.CanvasObject]widget.TableCellID

	OnRowSelected  func(row int)
	OnMakeBase     func(src int)
	OnRenameSource func(src int)
	OnRemoveSource func(src int)
	// OnRowMenu opens the actions on row r at an absolute position of o's
	// canvas (the row header's ⋯ button, a right click on a cell).
	OnRowMenu func(r int, o fyne.CanvasObject, pos fyne.Position)

	rowNotes // verdicts and notes on rows (notes.go)
}

// NewColumnsView returns an empty columns view.
func NewColumnsView() *ColumnsView {
	v := &ColumnsView{selected: -1, colW: ColumnWidth}
	v.Content = container.New(&widthLayout{onWidth: func(w float32) {
		if w > 10 && (w-v.width > 4 || v.width-w > 4) {
			v.width = w
			if v.m.Sources() > 0 && v.fitWidth() != v.colW {
				fyne.Do(v.rebuildKeepSelection)
			}
		}
	}})
	v.SetModel(NewModel(nil))
	return v
}

// SetModel shows a new comparison.
func (v *ColumnsView) SetModel(m *Model) {
	v.m = m
	v.selected = -1
	v.highlight = nil
	v.exact = nil
	v.refreshLines()
}

// SetFilter shows only the rows that pass f.
func (v *ColumnsView) SetFilter(f Filter) {
	v.filter = f
	v.refreshLines()
}

// SetShowBoilerplate shows or hides the text outside the story.
func (v *ColumnsView) SetShowBoilerplate(show bool) {
	v.showBoiler = show
	v.refreshLines()
}

// Selected is the selected model row, or -1.
func (v *ColumnsView) Selected() int { return v.selected }

// Lines is the number of lines shown (rows and headings), for tests.
func (v *ColumnsView) Lines() int { return len(v.lines) }

// refreshLines rebuilds the list of lines and a fresh table for them.
func (v *ColumnsView) refreshLines() {
	v.lines = v.lines[:0]
	m := v.m
	v.rowLine = make([]int, m.Rows())
	for i := range v.rowLine {
		v.rowLine[i] = -1
	}
	if m.C != nil {
		for p, pa := range m.C.Passages {
			head := false
			for r := pa.First; r < pa.First+pa.N && r < len(m.C.Rows); r++ {
				if !m.Keep(r, v.filter) {
					continue
				}
				if !head {
					v.lines = append(v.lines, disp{dispPassage, p})
					head = true
				}
				v.rowLine[r] = len(v.lines)
				v.lines = append(v.lines, disp{dispRow, r})
			}
		}
		if v.showBoiler {
			most := 0
			for _, b := range m.Boiler {
				most = max(most, len(b))
			}
			if most > 0 {
				v.lines = append(v.lines, disp{dispBoilerH, 0})
				for k := 0; k < most; k++ {
					v.lines = append(v.lines, disp{dispBoiler, k})
				}
			}
		}
	}
	v.buildTable()
}

// fitWidth is the column width for the view's width: the columns fill the
// view when they can, and never get narrower than ColumnWidth.
func (v *ColumnsView) fitWidth() float32 {
	n := v.m.Sources()
	if n == 0 || v.width <= 0 {
		return ColumnWidth
	}
	w := (v.width - rowMenuHeaderWidth - theme.Padding()*float32(n+2)) / float32(n)
	return max(ColumnWidth, min(w, 900))
}

func (v *ColumnsView) rebuildKeepSelection() {
	v.buildTable()
	if v.selected >= 0 && v.selected < len(v.rowLine) && v.rowLine[v.selected] >= 0 {
		v.table.ScrollTo(widget.TableCellID{Row: v.rowLine[v.selected], Col: 0})
	}
}

// metrics estimates text sizes for row heights.
type metrics struct {
	charW, lineH, pad float32
}

func measure() metrics {
	sample := "The quick brown fox, 12 people said on Tuesday; officials expect more. "
	sz := fyne.MeasureText(sample, theme.TextSize(), fyne.TextStyle{})
	charW := sz.Width / float32(len(sample))
	if charW <= 0 {
		charW = 7
	}
	lineH := sz.Height + theme.Padding()/2
	if lineH <= 0 {
		lineH = 20
	}
	return metrics{charW: charW * 1.04, lineH: lineH, pad: theme.InnerPadding()*2 + 2}
}

// linesFor estimates how many wrapped lines n characters take in a column.
func (mt metrics) linesFor(n int, width float32) float32 {
	usable := width - mt.pad - mt.charW*4 // a long word wraps early
	if usable < 40 {
		usable = 40
	}
	return float32(math.Ceil(float64(float32(n) * mt.charW / usable)))
}

func (v *ColumnsView) lineHeight(mt metrics, l disp) float32 {
	m := v.m
	switch l.kind {
	case dispPassage, dispBoilerH:
		return mt.lineH + mt.pad/2
	case dispBoiler:
		most := 1
		for s := range m.C.Sources {
			most = max(most, len(m.BoilerText(s, l.n)))
		}
		return mt.linesFor(most, v.colW)*mt.lineH + mt.pad
	}
	if h, ok := v.exact[l.n]; ok {
		return h
	}
	return mt.linesFor(m.rowChars[l.n], v.colW)*mt.lineH + mt.pad
}

// exactCells is the largest number of cells whose heights are measured
// exactly; larger comparisons estimate them from their length.
const exactCells = 600

// measureRows measures the wrapped height of every row of a comparison
// small enough, at the current column width.
func (v *ColumnsView) measureRows() {
	m := v.m
	if m.Rows()*m.Sources() > exactCells {
		v.exact = nil
		return
	}
	if v.exact != nil && v.exactW == v.colW {
		return
	}
	v.exact, v.exactW = map[int]float32{}, v.colW
	rt := widget.NewRichText()
	rt.Wrapping = fyne.TextWrapWord
	for r := 0; r < m.Rows(); r++ {
		var need float32
		for s := 0; s < m.Sources(); s++ {
			rt.Segments = m.CellSegments(r, s)
			rt.Refresh()
			rt.Resize(fyne.NewSize(v.colW, 10))
			need = max(need, rt.MinSize().Height)
		}
		v.exact[r] = need + 2
	}
}

// buildTable makes a new table for the current lines. Heights are set
// before the widget is extended, so setting thousands of them does not
// refresh the table thousands of times.
func (v *ColumnsView) buildTable() {
	t := &widget.Table{
		Length: func() (int, int) {
			if v.m.C == nil {
				return 0, 0
			}
			return len(v.lines), len(v.m.C.Sources)
		},
		CreateCell:       newCell,
		UpdateCell:       v.updateCell,
		ShowHeaderRow:    true,
		ShowHeaderColumn: true,
		CreateHeader:     newHeader,
		UpdateHeader:     v.updateHeader,
	}
	t.OnSelected = v.onCellSelected
	mt := measure()
	v.colW = v.fitWidth()
	v.measureRows()
	if v.m.C != nil {
		for s := range v.m.C.Sources {
			t.SetColumnWidth(s, v.colW)
		}
		for i, l := range v.lines {
			t.SetRowHeight(i, v.lineHeight(mt, l))
		}
	}
	t.SetColumnWidth(-1, rowMenuHeaderWidth)
	t.ExtendBaseWidget(t)
	v.table = t
	v.shown = map[fyne.CanvasObject]widget.TableCellID{}
	v.Content.Objects = []fyne.CanvasObject{t}
	v.Content.Refresh()
}

func newCell() fyne.CanvasObject {
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	bg.FillColor = nil
	return container.NewStack(bg, newMenuText())
}

func cellParts(o fyne.CanvasObject) (*canvas.Rectangle, *menuText) {
	c := o.(*fyne.Container)
	return c.Objects[0].(*canvas.Rectangle), c.Objects[1].(*menuText)
}

func (v *ColumnsView) updateCell(id widget.TableCellID, o fyne.CanvasObject) {
	bg, mt := cellParts(o)
	rt := &mt.RichText
	defer guard(rt)
	mt.onMenu = nil
	if v.shown != nil {
		v.shown[o] = id
	}
	if id.Row < 0 || id.Row >= len(v.lines) || v.m.C == nil || id.Col >= len(v.m.C.Sources) {
		rt.Segments = nil
		rt.Refresh()
		return
	}
	l := v.lines[id.Row]
	if l.kind == dispRow {
		r := l.n
		mt.onMenu = func(pos fyne.Position) { v.openRowMenu(r, mt, pos) }
	}
	m := v.m
	src := m.Order[id.Col]
	bg.FillColor = nil
	switch l.kind {
	case dispPassage:
		bg.FillColor = theme.Color(theme.ColorNameHeaderBackground)
		rt.Segments = nil
		if id.Col == 0 {
			rt.Segments = []widget.RichTextSegment{seg(passageTitle(m, l.n), StyleHeading)}
		}
	case dispBoilerH:
		bg.FillColor = theme.Color(theme.ColorNameHeaderBackground)
		rt.Segments = nil
		if id.Col == 0 {
			rt.Segments = []widget.RichTextSegment{seg("Outside the story: boilerplate, captions, datelines, bylines", StyleHeading)}
		}
	case dispBoiler:
		rt.Segments = []widget.RichTextSegment{seg(m.BoilerText(src, l.n), StyleDim)}
	default:
		r := l.n
		switch {
		case r == v.selected:
			bg.FillColor = tint(theme.ColorNameForeground, 30)
		case v.highlight[r]:
			bg.FillColor = tint(theme.ColorNameWarning, 48)
		case m.Unique[r] >= 0 && m.Unique[r] == src:
			bg.FillColor = tint(theme.ColorNameWarning, 22)
		}
		rt.Segments = m.CellSegments(r, src)
		if v.find != "" && m.Matches(r, v.find) {
			rt.Segments = MarkMatches(rt.Segments, v.find)
		}
	}
	bg.Refresh()
	rt.Refresh()
}

func passageTitle(m *Model, p int) string {
	pa := m.C.Passages[p]
	if pa.BasePara < 0 {
		return "Passage " + itoa(p+1) + " · not in the base"
	}
	return "Passage " + itoa(p+1) + " · base paragraph " + itoa(pa.BasePara+1)
}

// newHeader is the template for the column headers (name and a menu button)
// and the row headers (number and marks).
func newHeader() fyne.CanvasObject {
	rt := &quietText{dirty: true}
	rt.Truncation = fyne.TextTruncateEllipsis
	rt.Scroll = container.ScrollNone
	rt.ExtendBaseWidget(rt)
	btn := &quietButton{}
	btn.Icon = theme.MoreVerticalIcon()
	btn.Importance = widget.LowImportance
	btn.ExtendBaseWidget(btn)
	// in a box, so the button keeps its height at the top of a tall row
	return container.NewBorder(nil, nil, nil, container.NewVBox(btn), rt)
}

// quietText is a header's text. The table refreshes every visible header
// at each scroll step; quietText lays its text out again only when it
// changed (set), which is most of what a scroll step would cost.
type quietText struct {
	widget.RichText
	dirty bool
}

// Refresh redraws the text if it changed since it was last drawn.
func (t *quietText) Refresh() {
	if !t.dirty {
		return
	}
	t.dirty = false
	t.RichText.Refresh()
}

// set shows segs, unless the same text in the same styles is shown.
func (t *quietText) set(segs []widget.RichTextSegment) {
	if sameSegments(t.Segments, segs) {
		return
	}
	t.Segments = segs
	t.dirty = true
	t.Refresh()
}

// quietButton is a header's menu button: drawn once, then only redrawn by
// its own hover and press (a refresh of the table around it would
// rasterise its icon again at each scroll step). A new theme builds new
// headers (Workspace.RefreshTheme).
type quietButton struct {
	widget.Button
	drawn bool
}

// Refresh draws the button the first time.
func (b *quietButton) Refresh() {
	if b.drawn {
		return
	}
	b.drawn = true
	b.Button.Refresh()
}

// headerButton shows or hides a header's menu button.
type headerButton struct {
	*quietButton
	box *fyne.Container
}

func (h headerButton) Show() { h.quietButton.Show(); h.box.Show() }
func (h headerButton) Hide() { h.quietButton.Hide(); h.box.Hide() }

func headerParts(o fyne.CanvasObject) (*quietText, headerButton) {
	c := o.(*fyne.Container)
	var rt *quietText
	var btn headerButton
	for _, ob := range c.Objects {
		switch w := ob.(type) {
		case *quietText:
			rt = w
		case *fyne.Container:
			btn = headerButton{w.Objects[0].(*quietButton), w}
		}
	}
	return rt, btn
}

func (v *ColumnsView) updateHeader(id widget.TableCellID, o fyne.CanvasObject) {
	rt, btn := headerParts(o)
	defer guard(&rt.RichText)
	m := v.m
	var segs []widget.RichTextSegment
	switch {
	case id.Row < 0 && id.Col >= 0 && m.C != nil && id.Col < len(m.C.Sources):
		st := widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}}
		src := m.Order[id.Col]
		segs = []widget.RichTextSegment{seg(m.C.Sources[src].Name, st)}
		if src == m.C.Base {
			segs = append(segs, seg("  BASE", widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePrimary, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameCaptionText}))
		}
		btn.OnTapped = func() { v.showSourceMenu(src, btn.quietButton) }
		btn.Show()
	case id.Col < 0 && id.Row >= 0 && id.Row < len(v.lines):
		l := v.lines[id.Row]
		segs = v.rowMarks(l)
		if l.kind == dispRow && v.OnRowMenu != nil {
			btn.OnTapped = func() {
				pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(btn.quietButton)
				v.openRowMenu(l.n, btn.quietButton, pos.AddXY(0, btn.Size().Height))
			}
			btn.Show()
		} else {
			btn.Hide()
		}
	default:
		btn.Hide()
	}
	rt.set(segs)
}

// sameSegments reports whether two lists of text segments show the same
// text in the same styles.
func sameSegments(a, b []widget.RichTextSegment) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, ok1 := a[i].(*widget.TextSegment)
		y, ok2 := b[i].(*widget.TextSegment)
		if !ok1 || !ok2 || x.Text != y.Text || x.Style != y.Style {
			return false
		}
	}
	return true
}

// rowMarks is the row header: the row's number and letters for what it holds.
func (v *ColumnsView) rowMarks(l disp) []widget.RichTextSegment {
	if l.kind != dispRow {
		return nil
	}
	r, m := l.n, v.m
	out := []widget.RichTextSegment{seg(itoa(r+1)+" ", StyleHeading)}
	if m.Conflict[r] {
		out = append(out, seg("N", StyleConflict))
	}
	if m.Quotes[r] {
		out = append(out, seg("Q", widget.RichTextStyle{Inline: true, ColorName: theme.ColorNameWarning, TextStyle: fyne.TextStyle{Bold: true, Italic: true}}))
	}
	if m.Unique[r] >= 0 {
		out = append(out, seg("1", StyleUnique))
	} else if m.Differs[r] {
		out = append(out, seg("≠", StyleAdded))
	}
	return append(out, v.noteMark(r)...)
}

func (v *ColumnsView) showSourceMenu(src int, at fyne.CanvasObject) {
	c := fyne.CurrentApp().Driver().CanvasForObject(at)
	if c == nil {
		return
	}
	menu := fyne.NewMenu("",
		fyne.NewMenuItem("Make base", func() { call(v.OnMakeBase, src) }),
		fyne.NewMenuItem("Rename…", func() { call(v.OnRenameSource, src) }),
		fyne.NewMenuItem("Remove", func() { call(v.OnRemoveSource, src) }),
	)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(at)
	widget.ShowPopUpMenuAtPosition(menu, c, pos.AddXY(0, at.Size().Height))
}

// openRowMenu selects row r and opens its actions at pos.
func (v *ColumnsView) openRowMenu(r int, o fyne.CanvasObject, pos fyne.Position) {
	if v.OnRowMenu == nil || r < 0 || r >= v.m.Rows() {
		return
	}
	if r != v.selected {
		v.setSelected(r)
		call(v.OnRowSelected, r)
	}
	v.OnRowMenu(r, o, pos)
}

func call(f func(int), i int) {
	if f != nil {
		f(i)
	}
}

func (v *ColumnsView) onCellSelected(id widget.TableCellID) {
	if id.Row < 0 || id.Row >= len(v.lines) || v.lines[id.Row].kind != dispRow {
		return
	}
	v.setSelected(v.lines[id.Row].n)
	call(v.OnRowSelected, v.selected)
}

func (v *ColumnsView) setSelected(r int) {
	old := v.selected
	v.selected = r
	v.refreshRow(old)
	v.refreshRow(r)
}

// refreshRow redraws every visible cell of model row r. Each RefreshItem
// lays the whole table out again, so only the cells on screen are asked
// for, not one per source.
func (v *ColumnsView) refreshRow(r int) {
	if r < 0 || r >= len(v.rowLine) || v.rowLine[r] < 0 || v.table == nil {
		return
	}
	line := v.rowLine[r]
	var ids []widget.TableCellID
	for _, id := range v.shown {
		if id.Row == line {
			ids = append(ids, id)
		}
	}
	for _, id := range ids {
		v.table.RefreshItem(id)
	}
}

// SelectRow selects model row r and scrolls to it. A row hidden by the
// filter shows all rows again first.
func (v *ColumnsView) SelectRow(r int) {
	if r < 0 || r >= v.m.Rows() {
		return
	}
	if v.rowLine[r] < 0 {
		v.filter = FilterAll
		v.refreshLines()
	}
	v.setSelected(r)
	v.table.ScrollTo(widget.TableCellID{Row: v.rowLine[r], Col: 0})
}

// Highlight marks rows (a fact's rows) and selects the first of them.
func (v *ColumnsView) Highlight(rows []int) {
	v.highlight = map[int]bool{}
	for _, r := range rows {
		v.highlight[r] = true
	}
	if v.table != nil {
		v.table.Refresh()
	}
	if len(rows) > 0 {
		v.SelectRow(rows[0])
		v.showOutlier(rows[0])
	}
}

// Next selects the next (dir 1) or previous (dir -1) shown row, after the
// selected one, that satisfies ok, and reports whether there was one.
func (v *ColumnsView) Next(dir int, ok func(r int) bool) bool {
	n := v.m.Rows()
	if n == 0 {
		return false
	}
	r := v.selected
	for k := 0; k < n; k++ {
		r += dir
		if r < 0 || r >= n {
			return false
		}
		if v.rowLine[r] >= 0 && ok(r) {
			v.SelectRow(r)
			return true
		}
	}
	return false
}

// NextDifference moves to the next or previous row that differs.
func (v *ColumnsView) NextDifference(dir int) bool {
	return v.Next(dir, func(r int) bool { return v.m.Differs[r] })
}

// NextConflict moves to the next row with a number conflict and scrolls
// sideways to the first source that states a conflicting number.
func (v *ColumnsView) NextConflict(dir int) bool {
	if !v.Next(dir, func(r int) bool { return v.m.Conflict[r] }) {
		return false
	}
	v.showOutlier(v.selected)
	return true
}

// showOutlier scrolls sideways to the first column of row r that holds a
// conflicting number.
func (v *ColumnsView) showOutlier(r int) {
	m := v.m
	if r < 0 || r >= m.Rows() || v.rowLine[r] < 0 {
		return
	}
	for col, s := range m.Order {
		if !m.Has(r, s) {
			continue
		}
		for _, mk := range m.cellMarks(r, s) {
			if mk.conflict {
				v.table.ScrollTo(widget.TableCellID{Row: v.rowLine[r], Col: col})
				return
			}
		}
	}
}

// Find moves to the next row containing q (any case).
func (v *ColumnsView) Find(q string, dir int) bool {
	q = strings.ToLower(strings.TrimSpace(q))
	if q != v.find {
		v.find = q
		if v.table != nil {
			v.table.Refresh()
		}
	}
	if q == "" {
		return false
	}
	if v.Next(dir, func(r int) bool { return v.m.Matches(r, q) }) {
		return true
	}
	// wrap around once
	old := v.selected
	if dir > 0 {
		v.selected = -1
	} else {
		v.selected = v.m.Rows()
	}
	if v.Next(dir, func(r int) bool { return v.m.Matches(r, q) }) {
		return true
	}
	v.selected = old
	return false
}

// MarkMatches splits segments at the occurrences of q (lower case) and
// marks them bold and underlined, keeping their colours.
func MarkMatches(segs []widget.RichTextSegment, q string) []widget.RichTextSegment {
	if q == "" {
		return segs
	}
	var out []widget.RichTextSegment
	for _, sg := range segs {
		ts, ok := sg.(*widget.TextSegment)
		if !ok {
			out = append(out, sg)
			continue
		}
		text, low := ts.Text, strings.ToLower(ts.Text)
		if len(low) != len(text) { // lower-casing changed the length: leave it
			out = append(out, sg)
			continue
		}
		cur := 0
		for {
			i := strings.Index(low[cur:], q)
			if i < 0 {
				break
			}
			a, b := cur+i, cur+i+len(q)
			if a > cur {
				out = append(out, seg(text[cur:a], ts.Style))
			}
			st := ts.Style
			st.TextStyle.Bold, st.TextStyle.Underline = true, true
			out = append(out, seg(text[a:b], st))
			cur = b
		}
		if cur < len(text) {
			out = append(out, seg(text[cur:], ts.Style))
		}
	}
	return out
}
