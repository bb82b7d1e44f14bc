package views

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"parallax/data/report"
	"parallax/data/workspace"
)

func TestFactsPanelNotesGolden(t *testing.T) {
	p := NewFactsPanel()
	win := window(t, p.Content, 420, 520)
	c := fixture()
	p.SetModel(NewModel(c))
	p.SetNotes(report.Notes{
		Numbers: map[int]report.Note{0: {Status: report.StatusError, Source: "daily", Text: "The fire service confirmed 40 homes."}},
		Quotes:  map[int]report.Note{0: {Status: report.StatusChecked, Text: "Wording checked against the video."}},
		Rows:    map[int]report.Note{4: {Status: report.StatusDisputed, Text: "Only the Daily says so; ask the school board."}},
	})
	n, ok := p.noteOf(0)
	require.True(t, ok)
	assert.Equal(t, report.StatusError, n.Status)
	assertMarkup(t, "facts_notes.xml", win.Canvas())

	// the selected fact is the one a note goes to
	assert.Equal(t, -1, p.selectedFact())
	p.SelectFact(1)
	assert.Equal(t, 1, p.selectedFact())
	target, label, ok := p.FactTarget(1)
	require.True(t, ok)
	assert.Equal(t, workspace.TargetQuote, target.Kind)
	assert.Equal(t, "quotation of the mayor", label)
}

func TestNoteSegments(t *testing.T) {
	name := func(id string) string { return id + ".txt" }
	for _, tc := range []struct {
		note report.Note
		want string
	}{
		{report.Note{Status: report.StatusChecked}, "▸ CHECKED"},
		{report.Note{Status: report.StatusDisputed, Text: " two\nlines "}, "▸ DISPUTED  two lines"},
		{report.Note{Status: report.StatusError, Source: "b"}, "▸ ERROR IN B.TXT"},
		{report.Note{Text: "call the agency"}, "▸ NOTE  call the agency"},
	} {
		var got string
		for _, s := range NoteSegments(tc.note, name) {
			got += s.Textual()
		}
		assert.Equal(t, tc.want, got)
	}
}

func TestNoteForm(t *testing.T) {
	window(t, NewFactsPanel().Content, 100, 100)
	f := NewNoteForm([]string{"wire.txt", "daily.txt"}, []string{"wire", "daily"},
		report.Note{Status: report.StatusError, Source: "daily", Text: "old"})
	assert.Equal(t, "Error in a source", f.Status.Selected)
	assert.Equal(t, "daily.txt", f.Source.Selected)
	assert.False(t, f.Source.Disabled())
	f.Text.SetText("  Confirmed with the council.  ")
	target := workspace.Target{Kind: workspace.TargetRow}
	assert.Equal(t, workspace.Note{Target: target, Status: report.StatusError, Source: "daily", Text: "Confirmed with the council."}, f.Note(target))

	f.Status.SetSelectedIndex(1)
	assert.True(t, f.Source.Disabled())
	assert.Equal(t, workspace.Note{Target: target, Status: report.StatusChecked, Text: "Confirmed with the council."}, f.Note(target))
}

func TestWorkspaceRowNotes(t *testing.T) {
	w := NewWorkspace()
	window(t, w.Content, 1280, 640)
	w.SetModel(NewModel(fixture()))
	w.SetNotes(report.Notes{Rows: map[int]report.Note{2: {Status: report.StatusDisputed, Text: "officials disagree"}}})
	w.ShowRow(2)
	assert.Contains(t, w.Status(), "DISPUTED  officials disagree")
	assert.Equal(t, "3 N≠ d", textOf(w.Columns.rowMarks(disp{dispRow, 2})))
	assert.Equal(t, "2 ≠", textOf(w.Columns.rowMarks(disp{dispRow, 1})))

	// listed under the facts; a click shows the row
	w.ShowRow(0)
	box := w.Facts.rowBox
	require.Len(t, box.Objects, 3)
	item := box.Objects[2].(*fyne.Container).Objects
	assert.Equal(t, "Row 3  ▸ DISPUTED  officials disagree", textOf(item[1].(*widget.RichText).Segments))
	test.Tap(item[0].(*widget.Button))
	assert.Equal(t, 2, w.Columns.Selected())
}

func TestCorrectionsFromRows(t *testing.T) {
	c := fixture()
	// link rows 4 and 5 (model rows 3 and 4)
	corr, err := LinkRows(c, 3, 4)
	require.NoError(t, err)
	assert.Equal(t, workspace.OpLink, corr.Op)
	require.Len(t, corr.Sentences, 2)
	assert.Equal(t, workspace.Ref(c, 0, 3), corr.Sentences[0])
	assert.Equal(t, workspace.Ref(c, 1, 4), corr.Sentences[1])
	_, err = LinkRows(c, 3, 3)
	assert.Error(t, err)
	_, err = LinkRows(c, 3, 9)
	assert.EqualError(t, err, "no row 10 (rows 1 to 5)")

	corr, err = UnlinkSource(c, 2, 2)
	require.NoError(t, err)
	assert.Equal(t, workspace.Unlink(workspace.Ref(c, 2, 2)), corr)
	_, err = UnlinkSource(c, 3, 2)
	assert.Error(t, err, "herald has nothing in row 4")

	corr, err = MoveSentence(c, 4, 1, 0, 3)
	require.NoError(t, err)
	assert.Equal(t, workspace.Move(workspace.Ref(c, 0, 3), workspace.Ref(c, 1, 4)), corr)
	_, err = MoveSentence(c, 4, 1, 1, 3)
	assert.Error(t, err)

	r, err := parseRow(" #12 ")
	require.NoError(t, err)
	assert.Equal(t, 11, r)
	_, err = parseRow("twelve")
	assert.Error(t, err)
}

func textOf(segs []widget.RichTextSegment) string {
	s := ""
	for _, sg := range segs {
		s += sg.Textual()
	}
	return s
}

func TestRowActionDialogs(t *testing.T) {
	w := NewWorkspace()
	win := window(t, w.Content, 1280, 640)
	w.SetModel(NewModel(fixture()))
	var got []workspace.Correction
	w.OnCorrect = func(c workspace.Correction) { got = append(got, c) }
	var notes []workspace.Note
	w.OnNote = func(n workspace.Note) { notes = append(notes, n) }

	w.ShowAction(ActionLink)
	assert.Contains(t, w.Status(), "select a row first")
	assert.Nil(t, win.Canvas().Overlays().Top())

	w.ShowRow(3)
	w.ShowAction(ActionLink)
	top := win.Canvas().Overlays().Top()
	require.NotNil(t, top, "the link dialog is shown")
	entry := findEntry(top)
	require.NotNil(t, entry)
	test.Type(entry, "5")
	test.Tap(findButtonIn(t, top, "Link"))
	require.Len(t, got, 1)
	assert.Equal(t, workspace.OpLink, got[0].Op)
	assert.Contains(t, w.Status(), "correction applied")

	// a row number out of range is refused in the status line
	w.ShowAction(ActionLink)
	top = win.Canvas().Overlays().Top()
	test.Type(findEntry(top), "99")
	test.Tap(findButtonIn(t, top, "Link"))
	assert.Len(t, got, 1)
	assert.Contains(t, w.Status(), "no row 99")

	w.ShowAction(ActionRowNote)
	top = win.Canvas().Overlays().Top()
	require.NotNil(t, top, "the note dialog is shown")
	test.Type(findEntry(top), "Checked with the council")
	test.Tap(findButtonIn(t, top, "Save note"))
	require.Len(t, notes, 1)
	assert.Equal(t, workspace.TargetRow, notes[0].Target.Kind)
	assert.Equal(t, "Checked with the council", notes[0].Text)

	w.ShowAction(ActionFactNote)
	assert.Contains(t, w.Status(), "click a fact")
}

// find walks o, its containers and its widgets' renderers, and returns the
// first object ok accepts.
func find(o fyne.CanvasObject, ok func(fyne.CanvasObject) bool) fyne.CanvasObject {
	if o == nil {
		return nil
	}
	if ok(o) {
		return o
	}
	var kids []fyne.CanvasObject
	switch x := o.(type) {
	case *fyne.Container:
		kids = x.Objects
	case fyne.Widget:
		kids = test.WidgetRenderer(x).Objects()
	}
	for _, c := range kids {
		if f := find(c, ok); f != nil {
			return f
		}
	}
	return nil
}

func findEntry(o fyne.CanvasObject) *EscEntry {
	e, _ := find(o, func(o fyne.CanvasObject) bool { _, ok := o.(*EscEntry); return ok }).(*EscEntry)
	return e
}

func findButtonIn(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	b, _ := find(o, func(o fyne.CanvasObject) bool { b, ok := o.(*widget.Button); return ok && b.Text == text }).(*widget.Button)
	require.NotNil(t, b, "no button %q", text)
	return b
}
