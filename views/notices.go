package views

import (
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// NoticeKind is how serious a notice is.
type NoticeKind int

// Notice kinds.
const (
	NoticeInfo NoticeKind = iota
	NoticeWarning
	NoticeError
)

// Notices is a strip of dismissable messages at the top of the window and
// a progress line; it never blocks the window.
type Notices struct {
	Content *fyne.Container

	list     *fyne.Container
	progress *fyne.Container
	bar      *widget.ProgressBar
	infinite *widget.ProgressBarInfinite
	label    *widget.Label
	texts    []string
}

// NewNotices returns an empty strip.
func NewNotices() *Notices {
	n := &Notices{list: container.NewVBox(), bar: widget.NewProgressBar(), infinite: widget.NewProgressBarInfinite(), label: widget.NewLabel("")}
	n.infinite.Stop()
	n.progress = container.NewBorder(nil, nil, n.label, nil, container.NewStack(n.bar, n.infinite))
	n.progress.Hide()
	n.Content = container.NewVBox(n.progress, n.list)
	return n
}

// Add shows a message until the user closes it.
func (n *Notices) Add(kind NoticeKind, text string) {
	icon, col := theme.InfoIcon(), theme.ColorNamePrimary
	switch kind {
	case NoticeWarning:
		icon, col = theme.WarningIcon(), theme.ColorNameWarning
	case NoticeError:
		icon, col = theme.ErrorIcon(), theme.ColorNameError
	}
	bg := canvas.NewRectangle(tint(col, 40))
	bg.StrokeColor = theme.Color(col)
	bg.StrokeWidth = 1
	bg.CornerRadius = 4
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	var row *fyne.Container
	closeBtn := widget.NewButtonWithIcon("", theme.CancelIcon(), func() { n.remove(row) })
	closeBtn.Importance = widget.LowImportance
	row = container.NewStack(bg, container.NewBorder(nil, nil, widget.NewIcon(icon), closeBtn, l))
	n.list.Add(row)
	n.texts = append(n.texts, text)
	if kind == NoticeInfo && InfoLifetime > 0 {
		time.AfterFunc(InfoLifetime, func() { fyne.Do(func() { n.remove(row) }) })
	}
}

// InfoLifetime is how long an information notice stays; warnings and
// errors stay until closed.
var InfoLifetime = 10 * time.Second

func (n *Notices) remove(row fyne.CanvasObject) {
	for i, o := range n.list.Objects {
		if o == row {
			n.texts = append(n.texts[:i], n.texts[i+1:]...)
			n.list.Remove(row)
			return
		}
	}
}

// Clear removes every message.
func (n *Notices) Clear() {
	n.list.RemoveAll()
	n.texts = nil
}

// Texts are the messages shown, for tests.
func (n *Notices) Texts() []string { return append([]string(nil), n.texts...) }

// SetProgress shows work in progress: a fraction in [0,1], or a negative
// value for work of unknown length. An empty text hides the line.
func (n *Notices) SetProgress(text string, fraction float64) {
	if text == "" {
		n.infinite.Stop()
		n.progress.Hide()
		return
	}
	n.label.SetText(text)
	if fraction < 0 {
		n.bar.Hide()
		n.label.Show()
		n.infinite.Show()
		n.infinite.Start()
	} else {
		// the text goes inside the bar, so the bar does not move sideways
		// as the stages' names change
		n.label.Hide()
		n.infinite.Stop()
		n.infinite.Hide()
		n.bar.Show()
		n.bar.TextFormatter = func() string { return text + "  " + itoa(int(fraction*100+0.5)) + "%" }
		n.bar.SetValue(fraction)
	}
	n.progress.Show()
}

// Progress is the progress line's text and fraction ("" when hidden), for
// tests.
func (n *Notices) Progress() (string, float64) {
	if !n.progress.Visible() {
		return "", 0
	}
	if n.bar.Visible() {
		return n.label.Text, n.bar.Value
	}
	return n.label.Text, -1
}

// Shortcuts lists the keyboard shortcuts (for F1).
var Shortcuts = [][2]string{
	{"Ctrl+O", "Open files"},
	{"Ctrl+V", "Paste text (or a web address) as a new source"},
	{"Ctrl+E", "Export the comparison (JSON, text, HTML, Markdown, CSV)"},
	{"Ctrl+S", "Save the comparison with your corrections and notes (.parallax)"},
	{"Ctrl+Shift+S", "Save the comparison under another name"},
	{"Ctrl+W", "Close the comparison"},
	{"Ctrl+F", "Find"},
	{"Alt+Down", "Next difference"},
	{"Alt+Up", "Previous difference"},
	{"Alt+N", "Next number conflict"},
	{"F1", "This list"},
}

// ShortcutsContent is the body of the shortcuts dialog.
func ShortcutsContent() fyne.CanvasObject {
	g := container.NewGridWithColumns(2)
	for _, s := range Shortcuts {
		g.Add(widget.NewLabelWithStyle(s[0], fyne.TextAlignTrailing, fyne.TextStyle{Bold: true, Monospace: true}))
		g.Add(widget.NewLabel(s[1]))
	}
	return g
}
