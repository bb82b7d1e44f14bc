package views

import (
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Workspace is the window's content while a comparison is open: a toolbar
// for navigation and filters, the columns, pair and overview views in tabs,
// the facts panel beside them and the legend below.
type Workspace struct {
	Content fyne.CanvasObject

	Columns  *ColumnsView
	Pair     *PairView
	Overview *OverviewView
	Facts    *FactsPanel
	Tabs     *container.AppTabs

	m       *Model
	filter  *widget.Select
	boiler  *widget.Check
	find    *EscEntry
	status  *widget.Label
	findMsg string

	// OnCopy receives text for the clipboard.
	OnCopy func(text string)
	// OnShowBoilerplate is told when the boilerplate toggle changes.
	OnShowBoilerplate func(show bool)
	// OnAddSources asks for more sources (the toolbar's + button).
	OnAddSources func()
	// Timing, when set, is told how long each view took to show a model.
	Timing func(view string, d time.Duration)

	workHooks // corrections, verdicts and notes (correct.go, notes.go)
}

// NewWorkspace builds the workspace.
func NewWorkspace() *Workspace {
	w := &Workspace{
		Columns:  NewColumnsView(),
		Pair:     NewPairView(),
		Overview: NewOverviewView(),
		Facts:    NewFactsPanel(),
		m:        NewModel(nil),
		status:   widget.NewLabel(""),
	}
	w.status.Truncation = fyne.TextTruncateEllipsis
	w.Columns.OnRowSelected = func(int) { w.refreshStatus() }
	w.Columns.OnRowMenu = func(r int, o fyne.CanvasObject, pos fyne.Position) { showMenuAt(w.RowMenu(r), o, pos) }
	w.Facts.OnFactMenu = func(i int, o fyne.CanvasObject, pos fyne.Position) { showMenuAt(w.FactMenu(i), o, pos) }
	w.Pair.OnRowSelected = func(r int) { w.Columns.SelectRow(r); w.refreshStatus() }
	w.Overview.OnRowTapped = func(r int) { w.ShowRow(r) }
	w.Overview.OnPairTapped = func(a, b int) {
		w.Pair.SetPair(a, b)
		w.Tabs.SelectIndex(1)
	}
	w.Facts.OnFactSelected = func(rows []int) {
		w.Tabs.SelectIndex(0)
		w.Columns.Highlight(rows)
		w.refreshStatus()
	}

	w.filter = widget.NewSelect(FilterNames, func(string) {
		w.Columns.SetFilter(Filter(w.filter.SelectedIndex()))
		w.refreshStatus()
	})
	w.filter.SetSelectedIndex(0)
	w.boiler = widget.NewCheck("Show boilerplate", func(b bool) {
		w.Columns.SetShowBoilerplate(b)
		if w.OnShowBoilerplate != nil {
			w.OnShowBoilerplate(b)
		}
	})
	w.find = NewEscEntry()
	w.find.SetPlaceHolder("Find (Ctrl+F)")
	w.find.OnSubmitted = func(string) { w.FindNext(1) }
	findBox := container.NewGridWrap(fyne.NewSize(190, w.find.MinSize().Height), w.find)

	tb := func(label string, icon fyne.Resource, f func()) *widget.Button {
		b := widget.NewButtonWithIcon(label, icon, f)
		b.Importance = widget.LowImportance
		return b
	}
	// Copying, corrections and notes live in the Row menu (and on each
	// row's ⋯ button), so the toolbar fits the default window.
	work := tb("Row", theme.MenuDropDownIcon(), nil)
	work.IconPlacement = widget.ButtonIconTrailingText
	work.OnTapped = func() { w.ShowWorkActions(work) }
	add := tb("Add…", theme.ContentAddIcon(), func() { callf(w.OnAddSources) })
	prev := tb("Previous", theme.MoveUpIcon(), func() { w.NextDifference(-1) })
	next := tb("Next", theme.MoveDownIcon(), func() { w.NextDifference(1) })
	conflict := tb("Next conflict", theme.WarningIcon(), func() { w.NextConflict() })
	bar := container.NewHBox(
		add,
		widget.NewSeparator(),
		prev, next, conflict,
		widget.NewSeparator(),
		w.filter, w.boiler,
		widget.NewSeparator(),
		findBox,
		tb("", theme.SearchIcon(), func() { w.FindNext(1) }),
		widget.NewSeparator(),
		work,
	)
	// Narrower than the whole bar, the navigation buttons lose their
	// labels (their icons stay); narrower still, the bar scrolls sideways.
	labels := map[*widget.Button]string{add: add.Text, prev: prev.Text, next: next.Text, conflict: conflict.Text}
	full := bar.MinSize().Width
	compact := false
	barScroll := container.NewHScroll(bar)
	barBox := container.New(&widthLayout{onWidth: func(width float32) {
		if c := width > 10 && width < full; c != compact {
			compact = c
			fyne.Do(func() {
				for b, text := range labels {
					if compact {
						b.SetText("")
					} else {
						b.SetText(text)
					}
				}
				bar.Refresh() // lay the buttons out at their new sizes
				barScroll.Refresh()
			})
		}
	}}, barScroll)
	w.Tabs = container.NewAppTabs(
		container.NewTabItemWithIcon("Columns", theme.ViewFullScreenIcon(), w.Columns.Content),
		container.NewTabItemWithIcon("Pair", theme.ViewRestoreIcon(), w.Pair.Content),
		container.NewTabItemWithIcon("Overview", theme.GridIcon(), w.Overview.Content),
	)
	split := container.NewHSplit(w.Tabs, w.Facts.Content)
	split.Offset = 0.74
	w.status.Alignment = fyne.TextAlignTrailing
	statusBox := container.NewGridWrap(fyne.NewSize(300, w.status.MinSize().Height), w.status)
	bottom := container.NewVBox(widget.NewSeparator(), container.NewBorder(nil, nil, nil, statusBox, Legend()))
	w.Content = container.NewBorder(container.NewVBox(barBox, widget.NewSeparator()), bottom, nil, nil, split)
	return w
}

// SetModel shows a comparison.
func (w *Workspace) SetModel(m *Model) {
	w.m = m
	t := time.Now()
	lap := func(view string) {
		if w.Timing != nil {
			w.Timing(view, time.Since(t))
		}
		t = time.Now()
	}
	w.Columns.SetModel(m)
	lap("columns")
	w.Pair.SetModel(m)
	lap("pair")
	w.Overview.SetModel(m)
	lap("overview")
	w.Facts.SetModel(m)
	lap("facts")
	w.refreshStatus()
}

// RefreshTheme redraws every view in the current theme's colours, keeping
// the selection, the filter and the pair.
func (w *Workspace) RefreshTheme() {
	w.Columns.rebuildKeepSelection()
	w.Pair.build()
	w.Overview.cover.SetModel(w.m)
	w.Overview.matrix.Refresh()
	w.Facts.build()
}

// SetShowBoilerplate sets the boilerplate toggle.
func (w *Workspace) SetShowBoilerplate(b bool) { w.boiler.SetChecked(b) }

// ShowRow switches to the columns view and selects row r.
func (w *Workspace) ShowRow(r int) {
	w.Tabs.SelectIndex(0)
	w.Columns.SelectRow(r)
	w.refreshStatus()
}

// NextDifference moves to the next (1) or previous (-1) differing row.
func (w *Workspace) NextDifference(dir int) {
	w.Tabs.SelectIndex(0)
	w.findMsg = ""
	if !w.Columns.NextDifference(dir) {
		w.findMsg = "no more differences"
	}
	w.refreshStatus()
}

// NextConflict moves to the next row with a number conflict.
func (w *Workspace) NextConflict() {
	w.Tabs.SelectIndex(0)
	w.findMsg = ""
	if !w.Columns.NextConflict(1) {
		w.findMsg = "no further number conflict"
	}
	w.refreshStatus()
}

// FocusFind puts the keyboard in the find box.
func (w *Workspace) FocusFind() {
	if c := fyne.CurrentApp().Driver().CanvasForObject(w.find); c != nil {
		c.Focus(w.find)
	}
}

// FindNext moves to the next row containing the find box's text.
func (w *Workspace) FindNext(dir int) {
	w.Tabs.SelectIndex(0)
	w.findMsg = ""
	if !w.Columns.Find(w.find.Text, dir) && strings.TrimSpace(w.find.Text) != "" {
		w.findMsg = "“" + w.find.Text + "” not found"
	}
	w.refreshStatus()
}

// SetFind sets the find box's text (for tests and the app).
func (w *Workspace) SetFind(q string) { w.find.SetText(q) }

// CopyRow copies the selected row, every source's wording.
func (w *Workspace) CopyRow() {
	r := w.Columns.Selected()
	if r < 0 || w.OnCopy == nil {
		w.findMsg = "select a row first"
		w.refreshStatus()
		return
	}
	w.OnCopy(w.m.RowPlain(r))
	w.findMsg = "row copied"
	w.refreshStatus()
}

// CopyPassage copies the passage of the selected row.
func (w *Workspace) CopyPassage() {
	r := w.Columns.Selected()
	if r < 0 || w.OnCopy == nil {
		w.findMsg = "select a row first"
		w.refreshStatus()
		return
	}
	w.OnCopy(w.m.PassagePlain(w.m.C.Rows[r].Passage))
	w.findMsg = "passage copied"
	w.refreshStatus()
}

func (w *Workspace) refreshStatus() {
	m := w.m
	if m.C == nil {
		w.status.SetText("")
		return
	}
	s := plural(m.Sources(), "source") + " · " + plural(m.Rows(), "row")
	if r := w.Columns.Selected(); r >= 0 {
		s = "row " + itoa(r+1) + " of " + itoa(m.Rows()) + " · " + plural(m.Sources(), "source") + w.rowNoteStatus(r)
	}
	if b := m.C.Base; b >= 0 && b < len(m.C.Sources) {
		s += " · base " + m.C.Sources[b].Name
	}
	if w.findMsg != "" {
		s += " · " + w.findMsg
	}
	w.status.SetText(s)
}

// Status is the status line's text, for tests.
func (w *Workspace) Status() string { return w.status.Text }
