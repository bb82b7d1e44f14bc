package views

import (
	"errors"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"parallax/data/engine"
	"parallax/data/report"
	"parallax/data/workspace"
)

// workHooks are the verification workspace's callbacks and state, part of
// Workspace: corrections to the alignment and verdicts and notes.
type workHooks struct {
	// OnCorrect is given a correction the user made to the alignment.
	OnCorrect func(workspace.Correction)
	// OnNote is given a verdict and note on a fact or a row.
	OnNote func(workspace.Note)
	// OnUndoCorrection asks to drop the last correction.
	OnUndoCorrection func()

	notes report.Notes
}

// LinkRows returns the correction putting rows r and other (model rows) in
// one row.
func LinkRows(c *engine.Comparison, r, other int) (workspace.Correction, error) {
	if err := checkRow(c, other); err != nil {
		return workspace.Correction{}, err
	}
	if r == other {
		return workspace.Correction{}, errors.New("that is this row")
	}
	a, ok := firstRef(c, r)
	b, ok2 := firstRef(c, other)
	if !ok || !ok2 {
		return workspace.Correction{}, errors.New("an empty row")
	}
	return workspace.Link(a, b), nil
}

// UnlinkSource returns the correction moving source src's sentences of row
// r out to a row of their own.
func UnlinkSource(c *engine.Comparison, r, src int) (workspace.Correction, error) {
	if err := checkRow(c, r); err != nil {
		return workspace.Correction{}, err
	}
	if src < 0 || src >= len(c.Sources) || len(c.Rows[r].Cells[src].Sentences) == 0 {
		return workspace.Correction{}, errors.New("that source has nothing in this row")
	}
	var refs []workspace.SentenceRef
	for _, i := range c.Rows[r].Cells[src].Sentences {
		refs = append(refs, workspace.Ref(c, src, i))
	}
	return workspace.Unlink(refs...), nil
}

// MoveSentence returns the correction moving the k-th sentence of source
// src in row r to row to.
func MoveSentence(c *engine.Comparison, r, src, k, to int) (workspace.Correction, error) {
	if err := checkRow(c, to); err != nil {
		return workspace.Correction{}, err
	}
	if err := checkRow(c, r); err != nil || src < 0 || src >= len(c.Sources) || k < 0 || k >= len(c.Rows[r].Cells[src].Sentences) {
		return workspace.Correction{}, errors.New("no such sentence")
	}
	if r == to {
		return workspace.Correction{}, errors.New("the sentence is in that row already")
	}
	dest, ok := firstRef(c, to)
	if !ok {
		return workspace.Correction{}, errors.New("an empty row")
	}
	return workspace.Move(dest, workspace.Ref(c, src, c.Rows[r].Cells[src].Sentences[k])), nil
}

func checkRow(c *engine.Comparison, r int) error {
	if c == nil || r < 0 || r >= len(c.Rows) {
		n := 0
		if c != nil {
			n = len(c.Rows)
		}
		return errors.New("no row " + strconv.Itoa(r+1) + " (rows 1 to " + strconv.Itoa(n) + ")")
	}
	return nil
}

func firstRef(c *engine.Comparison, r int) (workspace.SentenceRef, bool) {
	if r < 0 || r >= len(c.Rows) {
		return workspace.SentenceRef{}, false
	}
	for si, cell := range c.Rows[r].Cells {
		if len(cell.Sentences) > 0 {
			return workspace.Ref(c, si, cell.Sentences[0]), true
		}
	}
	return workspace.SentenceRef{}, false
}

// parseRow reads a row number as the user sees it (1-based).
func parseRow(s string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "#")))
	if err != nil {
		return 0, errors.New("type a row number")
	}
	return n - 1, nil
}

// windowFor finds the window showing o.
func windowFor(o fyne.CanvasObject) fyne.Window {
	app := fyne.CurrentApp()
	if app == nil {
		return nil
	}
	c := app.Driver().CanvasForObject(o)
	for _, w := range app.Driver().AllWindows() {
		if c == nil || w.Canvas() == c {
			return w
		}
	}
	return nil
}

// RowMenu is the menu of actions on row r: copying it, correcting the
// alignment, a verdict and note. The toolbar's Row button adds undo and the
// selected fact's note (WorkMenu); the row header's ⋯ button and a right
// click on a cell show this one.
func (w *Workspace) RowMenu(r int) *fyne.Menu {
	ok := r >= 0 && w.m.C != nil && r < w.m.Rows()
	rowItem := func(label string, f func(int)) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, func() { f(r) })
		it.Disabled = !ok
		return it
	}
	return fyne.NewMenu("",
		rowItem("Copy row", func(int) { w.CopyRow() }),
		rowItem("Copy passage", func(int) { w.CopyPassage() }),
		fyne.NewMenuItemSeparator(),
		rowItem("Link with row…", w.showLink),
		rowItem("Unlink a source…", w.showUnlink),
		rowItem("Move a sentence to row…", w.showMove),
		fyne.NewMenuItemSeparator(),
		rowItem("Verdict and note…", w.showRowNote),
	)
}

// WorkMenu is the toolbar's Row menu: the selected row's actions, undo, and
// the verdict on the selected fact.
func (w *Workspace) WorkMenu() *fyne.Menu {
	menu := w.RowMenu(w.Columns.Selected())
	fi := w.Facts.selectedFact()
	noteFact := fyne.NewMenuItem("Verdict and note on the selected fact…", func() { w.showFactNote(fi) })
	noteFact.Disabled = fi < 0
	undo := fyne.NewMenuItem("Undo the last correction", func() { callf(w.OnUndoCorrection) })
	menu.Items = append(menu.Items, noteFact, fyne.NewMenuItemSeparator(), undo)
	return menu
}

// FactMenu is the menu of actions on the i-th fact of the facts panel.
func (w *Workspace) FactMenu(i int) *fyne.Menu {
	show := fyne.NewMenuItem("Show its rows", func() { w.Facts.SelectFact(i) })
	note := fyne.NewMenuItem("Verdict and note…", func() { w.showFactNote(i) })
	if i < 0 || i >= w.Facts.Items() {
		show.Disabled, note.Disabled = true, true
	}
	return fyne.NewMenu("", show, note)
}

// ShowWorkActions opens the toolbar's Row menu under at.
func (w *Workspace) ShowWorkActions(at fyne.CanvasObject) {
	showMenuUnder(w.WorkMenu(), at)
}

// showMenuUnder pops menu up below the object at.
func showMenuUnder(menu *fyne.Menu, at fyne.CanvasObject) {
	c := fyne.CurrentApp().Driver().CanvasForObject(at)
	if c == nil {
		return
	}
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(at)
	widget.ShowPopUpMenuAtPosition(menu, c, pos.AddXY(0, at.Size().Height))
}

// showMenuAt pops menu up at an absolute position of o's canvas.
func showMenuAt(menu *fyne.Menu, o fyne.CanvasObject, pos fyne.Position) {
	if c := fyne.CurrentApp().Driver().CanvasForObject(o); c != nil {
		widget.ShowPopUpMenuAtPosition(menu, c, pos)
	}
}

// correct hands a correction to the app, or says why there is none.
func (w *Workspace) correct(corr workspace.Correction, err error) {
	if err != nil {
		w.findMsg = err.Error()
		w.refreshStatus()
		return
	}
	if w.OnCorrect != nil {
		w.OnCorrect(corr)
	}
	w.findMsg = "correction applied"
	w.refreshStatus()
}

func (w *Workspace) form(title, confirm string, items []*widget.FormItem, done func()) {
	win := windowFor(w.Content)
	if win == nil {
		return
	}
	d := dialog.NewForm(title, confirm, "Cancel", items, func(ok bool) {
		if ok {
			done()
		}
	}, win)
	d.Resize(fyne.NewSize(560, 200))
	var focus fyne.Focusable
	for _, it := range items {
		if e, ok := it.Widget.(*EscEntry); ok {
			focus = e
			break
		}
	}
	ShowDialog(d, win, focus)
}

func (w *Workspace) showLink(r int) {
	e := NewEscEntry()
	e.SetPlaceHolder("row number, e.g. " + itoa(min(r+2, w.m.Rows())))
	w.form("Link row "+itoa(r+1)+" with another row", "Link", []*widget.FormItem{
		widget.NewFormItem("Row", e),
		widget.NewFormItem("", widget.NewLabel("Both rows become one: their sentences are aligned together.")),
	}, func() {
		to, err := parseRow(e.Text)
		if err != nil {
			w.correct(workspace.Correction{}, err)
			return
		}
		w.correct(LinkRows(w.m.C, r, to))
	})
}

// rowSources lists the sources with sentences in row r, in column order.
func (w *Workspace) rowSources(r int) (names []string, srcs []int) {
	for _, s := range w.m.Order {
		if w.m.Has(r, s) {
			names = append(names, w.m.C.Sources[s].Name)
			srcs = append(srcs, s)
		}
	}
	return names, srcs
}

func (w *Workspace) showUnlink(r int) {
	names, srcs := w.rowSources(r)
	sel := widget.NewSelect(names, nil)
	if len(names) > 0 {
		sel.SetSelectedIndex(len(names) - 1)
	}
	w.form("Unlink a source from row "+itoa(r+1), "Unlink", []*widget.FormItem{
		widget.NewFormItem("Source", sel),
		widget.NewFormItem("", widget.NewLabel("Its sentences leave this row for a row of their own.")),
	}, func() {
		i := sel.SelectedIndex()
		if i < 0 {
			return
		}
		w.correct(UnlinkSource(w.m.C, r, srcs[i]))
	})
}

func (w *Workspace) showMove(r int) {
	type sent struct{ src, k int }
	var labels []string
	var list []sent
	for _, s := range w.m.Order {
		for k, i := range w.m.C.Rows[r].Cells[s].Sentences {
			t := strings.Join(strings.Fields(w.m.C.Sources[s].SentenceText(i)), " ")
			if len([]rune(t)) > 60 {
				t = string([]rune(t)[:60]) + "…"
			}
			labels = append(labels, w.m.C.Sources[s].Name+": "+t)
			list = append(list, sent{s, k})
		}
	}
	sel := widget.NewSelect(labels, nil)
	if len(labels) > 0 {
		sel.SetSelectedIndex(0)
	}
	e := NewEscEntry()
	e.SetPlaceHolder("row number")
	w.form("Move a sentence of row "+itoa(r+1), "Move", []*widget.FormItem{
		widget.NewFormItem("Sentence", sel),
		widget.NewFormItem("To row", e),
	}, func() {
		i := sel.SelectedIndex()
		if i < 0 {
			return
		}
		to, err := parseRow(e.Text)
		if err != nil {
			w.correct(workspace.Correction{}, err)
			return
		}
		w.correct(MoveSentence(w.m.C, r, list[i].src, list[i].k, to))
	})
}

// Work actions for the main menu.
const (
	ActionLink     = "link"     // link the selected row with another
	ActionUnlink   = "unlink"   // unlink a source from the selected row
	ActionMove     = "move"     // move a sentence of the selected row
	ActionRowNote  = "row note" // verdict and note on the selected row
	ActionFactNote = "fact note"
)

// ShowAction opens the dialog of a work action on the selected row or fact,
// or says in the status line what to select first.
func (w *Workspace) ShowAction(action string) {
	if w.m.C == nil {
		return
	}
	if action == ActionFactNote {
		if i := w.Facts.selectedFact(); i >= 0 {
			w.showFactNote(i)
			return
		}
		w.findMsg = "click a fact in the facts panel first"
		w.refreshStatus()
		return
	}
	r := w.Columns.Selected()
	if r < 0 {
		w.findMsg = "select a row first"
		w.refreshStatus()
		return
	}
	switch action {
	case ActionLink:
		w.showLink(r)
	case ActionUnlink:
		w.showUnlink(r)
	case ActionMove:
		w.showMove(r)
	case ActionRowNote:
		w.showRowNote(r)
	}
}

// DescribeCorrection says in words what a correction does, quoting the
// sentences it names as they read in c ("?" for one that is gone).
func DescribeCorrection(c *engine.Comparison, corr workspace.Correction) string {
	quote := func(r workspace.SentenceRef) string {
		name, text := r.Source, "?"
		if c != nil {
			for _, s := range c.Sources {
				if s.ID != r.Source {
					continue
				}
				name = s.Name
				for i, se := range s.Sentences {
					if se.ID == r.Sentence {
						text = strings.Join(strings.Fields(s.SentenceText(i)), " ")
						break
					}
				}
			}
		}
		if rs := []rune(text); len(rs) > 50 {
			text = string(rs[:50]) + "…"
		}
		return name + " “" + text + "”"
	}
	var parts []string
	for _, r := range corr.Sentences {
		parts = append(parts, quote(r))
	}
	list := strings.Join(parts, ", ")
	switch corr.Op {
	case workspace.OpLink:
		return "Linked " + strings.Join(parts, " with ")
	case workspace.OpUnlink:
		return "Unlinked " + list + " from its row"
	case workspace.OpMove:
		to := "?"
		if corr.To != nil {
			to = quote(*corr.To)
		}
		return "Moved " + list + " to the row of " + to
	}
	return corr.Op + " " + list
}

// CorrectionsList is the content of the dialog listing the corrections,
// each with a button that removes it.
func CorrectionsList(descs []string, onRemove func(i int)) fyne.CanvasObject {
	if len(descs) == 0 {
		return widget.NewLabel("No corrections yet. Select a row, then use the Review menu.")
	}
	box := container.NewVBox()
	for i, d := range descs {
		i := i
		l := widget.NewLabel(itoa(i+1) + ". " + d)
		l.Wrapping = fyne.TextWrapWord
		rm := widget.NewButton("Remove", func() { onRemove(i) })
		rm.Importance = widget.LowImportance
		box.Add(container.NewBorder(nil, nil, nil, rm, l))
	}
	return container.NewVScroll(box)
}
