package views

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
)

func TestEscapeDismissesTheNewestDialog(t *testing.T) {
	test.NewTempApp(t)
	win := test.NewTempWindow(t, NewEscEntry())
	win.Resize(fyne.NewSize(600, 400))

	cases := []struct {
		name string
		key  func(e *EscEntry)
	}{
		{"escape in a text box", func(e *EscEntry) { e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape}) }},
		{"escape with nothing focused", func(*EscEntry) { DismissTopDialog() }},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			e := NewEscEntry()
			var answers []bool
			first := dialog.NewConfirm("First", "?", func(ok bool) { answers = append(answers, ok) }, win)
			second := dialog.NewCustomConfirm("Second", "OK", "Cancel", e, func(ok bool) { answers = append(answers, ok) }, win)
			Escapable(first).Show()
			Escapable(second).Show()
			assert.Equal(t, 2, OpenDialogs())

			c.key(e)
			assert.Equal(t, []bool{false}, answers, "the newest dialog is cancelled")
			assert.Equal(t, 1, OpenDialogs())
			c.key(e)
			assert.Equal(t, []bool{false, false}, answers)
			assert.Equal(t, 0, OpenDialogs())
			assert.False(t, DismissTopDialog(), "nothing left to close")
		})
	}

	// Other keys still edit, and a dialog closed by its button is forgotten.
	e := NewEscEntry()
	e.TypedRune('a')
	e.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	d := dialog.NewInformation("Info", "text", win)
	Escapable(d).Show()
	d.Hide()
	assert.Equal(t, 0, OpenDialogs())
}
