package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"
)

// Fyne's dialogs do not close on Escape. The app's dialogs are registered
// with Escapable; Escape then dismisses the newest one still open, as its
// Cancel or Close button would. The key reaches us through the window's
// canvas when nothing has the focus, and through EscEntry when a text box
// has it (a focused widget.Entry swallows Escape).

// openDialogs are the registered dialogs still open, newest last. Main
// goroutine only.
var openDialogs []dialog.Dialog

// Escapable registers d so that Escape dismisses it while it is open, and
// returns it.
func Escapable(d dialog.Dialog) dialog.Dialog {
	openDialogs = append(openDialogs, d)
	d.SetOnClosed(func() {
		for i := len(openDialogs) - 1; i >= 0; i-- {
			if openDialogs[i] == d {
				openDialogs = append(openDialogs[:i], openDialogs[i+1:]...)
				break
			}
		}
	})
	return d
}

// DismissTopDialog dismisses the newest registered dialog still open and
// reports whether there was one.
func DismissTopDialog() bool {
	if len(openDialogs) == 0 {
		return false
	}
	openDialogs[len(openDialogs)-1].Dismiss() // its OnClosed unregisters it
	return true
}

// OpenDialogs is the number of registered dialogs open, for tests.
func OpenDialogs() int { return len(openDialogs) }

// EscEntry is a text entry on which Escape dismisses the newest open
// dialog (Escapable).
type EscEntry struct {
	widget.Entry
}

// NewEscEntry returns a one-line EscEntry.
func NewEscEntry() *EscEntry {
	e := &EscEntry{}
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip) // as widget.NewEntry
	e.ExtendBaseWidget(e)
	return e
}

// NewEscMultiLineEntry returns a multi-line EscEntry.
func NewEscMultiLineEntry() *EscEntry {
	e := &EscEntry{}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip) // as widget.NewMultiLineEntry
	e.ExtendBaseWidget(e)
	return e
}

// TypedKey dismisses the newest dialog on Escape; other keys edit.
func (e *EscEntry) TypedKey(k *fyne.KeyEvent) {
	if k.Name == fyne.KeyEscape && DismissTopDialog() {
		return
	}
	e.Entry.TypedKey(k)
}

// ShowDialog shows d in win, registered with Escapable, with the keyboard
// in focus (a text box the user will type in first), when focus is not nil.
func ShowDialog(d dialog.Dialog, win fyne.Window, focus fyne.Focusable) {
	Escapable(d).Show()
	if focus != nil && win != nil {
		win.Canvas().Focus(focus)
	}
}
