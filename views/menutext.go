package views

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/widget"
)

// menuText is a wrapped RichText that opens a menu on a secondary tap (a
// right click): the columns view's cells and the facts panel's items.
// Primary taps still reach the table or list around it.
type menuText struct {
	widget.RichText
	onMenu func(pos fyne.Position) // the absolute position of the tap
}

func newMenuText() *menuText {
	t := &menuText{}
	t.Wrapping = fyne.TextWrapWord
	t.Scroll = container.ScrollNone // as widget.NewRichText: a cell must not scroll
	t.ExtendBaseWidget(t)
	return t
}

// TappedSecondary opens the menu.
func (t *menuText) TappedSecondary(e *fyne.PointEvent) {
	if t.onMenu != nil {
		t.onMenu(e.AbsolutePosition)
	}
}
