package views

import (
	"sort"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/data/facts"
	"parallax/data/report"
	"parallax/data/workspace"
)

// StatusLabels are the verdicts offered in the note dialog, in the order
// of StatusValues.
var (
	StatusLabels = []string{"No verdict", "Checked", "Disputed", "Error in a source"}
	StatusValues = []string{"", report.StatusChecked, report.StatusDisputed, report.StatusError}
)

// factNotes is the facts panel's part of the verification workspace: the
// notes on its facts and the fact last clicked.
type factNotes struct {
	selPlus1 int // the item last selected, plus one; 0 for none
	num      map[*facts.NumberFact]report.Note
	quo      map[*facts.QuoteFact]report.Note
	rowBox   *fyne.Container // the notes on rows, under the facts
	onRow    func(row int)   // a click on a row's note
}

// maxRowNotes is how many notes on rows the facts panel lists.
const maxRowNotes = 8

// rowNotesBox is the part of the facts panel listing the notes on rows
// (empty until there are some).
func (p *FactsPanel) rowNotesBox() fyne.CanvasObject {
	if p.rowBox == nil {
		p.rowBox = container.NewVBox()
		p.rowBox.Hide()
	}
	return p.rowBox
}

// setRowNotes lists the notes on rows, each a button that shows its row.
func (p *FactsPanel) setRowNotes(rows map[int]report.Note) {
	if p.rowBox == nil {
		return
	}
	p.rowBox.Objects = nil
	p.rowBox.Hide()
	if len(rows) > 0 {
		p.rowBox.Show()
		p.rowBox.Add(widget.NewSeparator())
		p.rowBox.Add(widget.NewLabelWithStyle("Notes on rows", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}))
		keys := make([]int, 0, len(rows))
		for r := range rows {
			keys = append(keys, r)
		}
		sort.Ints(keys)
		for k, r := range keys {
			if k == maxRowNotes {
				p.rowBox.Add(widget.NewLabel("and " + plural(len(keys)-k, "more note") + " (rows marked in the row numbers)"))
				break
			}
			rt := widget.NewRichText(append([]widget.RichTextSegment{seg("Row "+itoa(r+1)+"  ", StyleHeading)}, NoteSegments(rows[r], p.sourceName)...)...)
			rt.Wrapping = fyne.TextWrapWord
			r := r
			b := widget.NewButton("", func() {
				if p.onRow != nil {
					p.onRow(r)
				}
			})
			b.Importance = widget.LowImportance
			p.rowBox.Add(container.NewStack(b, rt))
		}
	}
	if p.Content != nil {
		p.Content.Refresh() // lays the panel out again for the box's new height
	} else {
		p.rowBox.Refresh()
	}
}

// rowNotes is the columns view's part: the notes on rows, shown as a mark
// in the row header.
type rowNotes struct {
	rowNote map[int]report.Note
}

// SetNotes shows the verdicts and notes (found in the comparison shown) in
// the facts panel and the columns' row headers.
func (w *Workspace) SetNotes(n report.Notes) {
	w.notes = n
	w.Facts.onRow = w.ShowRow
	w.Facts.SetNotes(n)
	had := len(w.Columns.rowNote) > 0
	w.Columns.rowNote = n.Rows
	if w.Columns.table != nil && (had || len(n.Rows) > 0) {
		w.Columns.table.Refresh()
	}
	w.refreshStatus()
}

// Notes is the notes shown.
func (w *Workspace) Notes() report.Notes { return w.notes }

// SetNotes shows the notes on facts under each fact: a badge for the
// verdict and the note's text.
func (p *FactsPanel) SetNotes(n report.Notes) {
	had := len(p.num)+len(p.quo) > 0
	p.num, p.quo = map[*facts.NumberFact]report.Note{}, map[*facts.QuoteFact]report.Note{}
	if c := p.m.C; c != nil {
		for i, note := range n.Numbers {
			if i >= 0 && i < len(c.Facts.Numbers) {
				p.num[&c.Facts.Numbers[i]] = note
			}
		}
		for i, note := range n.Quotes {
			if i >= 0 && i < len(c.Facts.Quotes) {
				p.quo[&c.Facts.Quotes[i]] = note
			}
		}
	}
	p.setRowNotes(n.Rows)
	if had || len(p.num)+len(p.quo) > 0 {
		p.build() // no notes before or now: the list is already right
	}
}

// SelectFact selects the i-th fact listed, as a click does.
func (p *FactsPanel) SelectFact(i int) {
	if p.list != nil && i >= 0 && i < len(p.items) {
		p.list.Select(i)
	}
}

// selectedFact is the item last clicked, or -1.
func (p *FactsPanel) selectedFact() int {
	if i := p.selPlus1 - 1; i >= 0 && i < len(p.items) {
		return i
	}
	return -1
}

// noteOf is the note on item i.
func (p *FactsPanel) noteOf(i int) (report.Note, bool) {
	if i < 0 || i >= len(p.items) {
		return report.Note{}, false
	}
	if f := p.items[i]; f.number != nil {
		n, ok := p.num[f.number]
		return n, ok
	}
	n, ok := p.quo[p.items[i].quote]
	return n, ok
}

// noteLines is the line a fact's note adds under it: the verdict as a
// badge, then the note's text.
func (p *FactsPanel) noteLines(f fact) [][]widget.RichTextSegment {
	var n report.Note
	var ok bool
	if f.number != nil {
		n, ok = p.num[f.number]
	} else {
		n, ok = p.quo[f.quote]
	}
	if !ok {
		return nil
	}
	return [][]widget.RichTextSegment{NoteSegments(n, p.sourceName)}
}

// sourceName names a source by its ID.
func (p *FactsPanel) sourceName(id string) string {
	if p.m.C != nil {
		for _, s := range p.m.C.Sources {
			if s.ID == id {
				return s.Name
			}
		}
	}
	return id
}

// NoteSegments shows a note: its verdict as a badge in words (CHECKED,
// DISPUTED, ERROR IN name, or NOTE), then its text.
func NoteSegments(n report.Note, name func(id string) string) []widget.RichTextSegment {
	st := widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameCaptionText}
	badge := "NOTE"
	switch n.Status {
	case report.StatusChecked:
		badge, st.ColorName = "CHECKED", theme.ColorNameSuccess
	case report.StatusDisputed:
		badge, st.ColorName = "DISPUTED", theme.ColorNameWarning
		st.TextStyle.Italic = true
	case report.StatusError:
		badge, st.ColorName = "ERROR IN "+strings.ToUpper(name(n.Source)), theme.ColorNameError
		st.TextStyle.Underline = true
	default:
		st.ColorName = theme.ColorNamePrimary
	}
	out := []widget.RichTextSegment{seg("▸ "+badge, st)}
	if t := strings.Join(strings.Fields(n.Text), " "); t != "" {
		out = append(out, seg("  "+t, widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Italic: true}}))
	}
	return out
}

// noteMark is the row header's mark for a row with a note.
func (v *ColumnsView) noteMark(r int) []widget.RichTextSegment {
	n, ok := v.rowNote[r]
	if !ok {
		return nil
	}
	st := widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}, ColorName: theme.ColorNamePrimary}
	mark := "*"
	switch n.Status {
	case report.StatusChecked:
		st.ColorName, mark = theme.ColorNameSuccess, "c"
	case report.StatusDisputed:
		st.ColorName, mark = theme.ColorNameWarning, "d"
	case report.StatusError:
		st.ColorName, mark = theme.ColorNameError, "e"
		st.TextStyle.Underline = true
	}
	return []widget.RichTextSegment{seg(" "+mark, st)}
}

// rowNoteStatus is what the status line says of the selected row's note.
func (w *Workspace) rowNoteStatus(r int) string {
	n, ok := w.notes.Rows[r]
	if !ok {
		return ""
	}
	var b strings.Builder
	for _, s := range NoteSegments(n, w.Facts.sourceName) {
		b.WriteString(s.(*widget.TextSegment).Text)
	}
	return " · " + strings.TrimPrefix(b.String(), "▸ ")
}

// NoteForm is the note dialog's content: the verdict, the source in error
// and the note's text.
type NoteForm struct {
	Content *fyne.Container
	Status  *widget.Select
	Source  *widget.Select
	Text    *EscEntry
	ids     []string
}

// NewNoteForm builds a note form showing cur; names and ids are the
// sources that can be in error.
func NewNoteForm(names, ids []string, cur report.Note) *NoteForm {
	f := &NoteForm{Source: widget.NewSelect(names, nil), Text: NewEscMultiLineEntry(), ids: ids}
	f.Status = widget.NewSelect(StatusLabels, func(string) {
		if f.Status.SelectedIndex() == 3 {
			f.Source.Enable()
		} else {
			f.Source.Disable()
		}
	})
	f.Text.Wrapping = fyne.TextWrapWord
	f.Text.SetPlaceHolder("What you checked, with whom, and what you found")
	f.Text.SetMinRowsVisible(5)
	f.Text.SetText(cur.Text)
	for i, id := range ids {
		if id == cur.Source {
			f.Source.SetSelectedIndex(i)
		}
	}
	f.Status.SetSelectedIndex(0)
	for i, v := range StatusValues {
		if v == cur.Status {
			f.Status.SetSelectedIndex(i)
		}
	}
	if f.Source.SelectedIndex() < 0 && len(ids) > 0 {
		f.Source.SetSelectedIndex(0)
	}
	f.Content = container.NewVBox(
		widget.NewForm(widget.NewFormItem("Verdict", f.Status), widget.NewFormItem("Source in error", f.Source)),
		widget.NewLabel("Note"), f.Text)
	return f
}

// Note is the form's verdict and note on target.
func (f *NoteForm) Note(target workspace.Target) workspace.Note {
	n := workspace.Note{Target: target, Text: strings.TrimSpace(f.Text.Text)}
	if i := f.Status.SelectedIndex(); i > 0 {
		n.Status = StatusValues[i]
	}
	if n.Status == report.StatusError {
		if i := f.Source.SelectedIndex(); i >= 0 && i < len(f.ids) {
			n.Source = f.ids[i]
		}
	}
	return n
}

// showNote opens the note dialog for target with the note it has.
func (w *Workspace) showNote(title string, target workspace.Target, cur report.Note) {
	win := windowFor(w.Content)
	if win == nil || w.m.C == nil {
		return
	}
	var names, ids []string
	for _, s := range w.m.Order {
		names = append(names, w.m.C.Sources[s].Name)
		ids = append(ids, w.m.C.Sources[s].ID)
	}
	f := NewNoteForm(names, ids, cur)
	d := dialog.NewCustomConfirm(title, "Save note", "Cancel", f.Content, func(ok bool) {
		if ok && w.OnNote != nil {
			w.OnNote(f.Note(target))
		}
	}, win)
	d.Resize(fyne.NewSize(560, 360))
	ShowDialog(d, win, f.Text)
}

// FactTarget names the i-th fact listed in the facts panel for a note.
func (p *FactsPanel) FactTarget(i int) (workspace.Target, string, bool) {
	c := p.m.C
	if c == nil || i < 0 || i >= len(p.items) {
		return workspace.Target{}, "", false
	}
	if f := p.items[i]; f.number != nil {
		for k := range c.Facts.Numbers {
			if &c.Facts.Numbers[k] == f.number {
				label := f.number.Label
				if label == "" {
					label = "number"
				}
				return workspace.NumberTarget(c, k), label, true
			}
		}
		return workspace.Target{}, "", false
	}
	for k := range c.Facts.Quotes {
		if &c.Facts.Quotes[k] == p.items[i].quote {
			return workspace.QuoteTarget(c, k), "quotation of " + c.Facts.Quotes[k].Speaker, true
		}
	}
	return workspace.Target{}, "", false
}

func (w *Workspace) showFactNote(i int) {
	t, label, ok := w.Facts.FactTarget(i)
	if !ok {
		return
	}
	cur, _ := w.Facts.noteOf(i)
	w.showNote("Verdict and note: "+label, t, cur)
}

func (w *Workspace) showRowNote(r int) {
	if w.m.C == nil || r < 0 || r >= w.m.Rows() {
		return
	}
	w.showNote("Verdict and note: row "+itoa(r+1), workspace.RowTarget(w.m.C, r), w.notes.Rows[r])
}
