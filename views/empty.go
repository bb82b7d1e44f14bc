package views

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Recent is one recent comparison offered by the empty state.
type Recent struct {
	Label string // what the user sees: "5 files: a.txt, b.txt, …"
	Paths []string
}

// EmptyState is what the window shows before a comparison: a large drop
// area and the ways to get articles in.
type EmptyState struct {
	Content fyne.CanvasObject

	recent    *fyne.Container
	status    *widget.Label
	OnOpen    func()
	OnFolder  func()
	OnPaste   func()
	OnURL     func()
	OnSample  func()
	OnRecent  func(r Recent)
	OnForget  func()
	hasSample bool
}

// NewEmptyState builds the empty state. hasSample offers the sample story.
func NewEmptyState(hasSample bool) *EmptyState {
	e := &EmptyState{recent: container.NewVBox(), status: widget.NewLabel(""), hasSample: hasSample}
	e.status.Alignment = fyne.TextAlignCenter
	e.status.Wrapping = fyne.TextWrapWord

	border := canvas.NewRectangle(color.Transparent)
	border.StrokeColor = theme.Color(theme.ColorNamePrimary)
	border.StrokeWidth = 2
	border.CornerRadius = 12
	border.SetMinSize(fyne.NewSize(560, 220))
	icon := widget.NewIcon(theme.DownloadIcon())
	iconBox := container.NewGridWrap(fyne.NewSize(64, 64), icon)
	big := canvas.NewText("Drop two or more versions of a story", theme.Color(theme.ColorNameForeground))
	big.TextSize = theme.TextSize() * 1.7
	big.TextStyle.Bold = true
	big.Alignment = fyne.TextAlignCenter
	// Regular, not italic: every text style the first frame uses costs a
	// font lookup before the window can show.
	hint := widget.NewLabelWithStyle("files (.txt, .md, .html, .docx…), folders, or a web address — anywhere on this window",
		fyne.TextAlignCenter, fyne.TextStyle{})
	drop := container.NewStack(border, container.NewPadded(container.NewVBox(
		layout.NewSpacer(), container.NewCenter(iconBox), container.NewCenter(big), hint, layout.NewSpacer())))

	open := widget.NewButtonWithIcon("Open files…", theme.FileIcon(), func() { callf(e.OnOpen) })
	open.Importance = widget.HighImportance
	folder := widget.NewButtonWithIcon("Open folder…", theme.FolderOpenIcon(), func() { callf(e.OnFolder) })
	paste := widget.NewButtonWithIcon("Paste text as a source", theme.ContentPasteIcon(), func() { callf(e.OnPaste) })
	url := widget.NewButtonWithIcon("Open a web address…", theme.ComputerIcon(), func() { callf(e.OnURL) })
	buttons := container.NewHBox(layout.NewSpacer(), open, folder, paste, url, layout.NewSpacer())
	var sample fyne.CanvasObject = layout.NewSpacer()
	if hasSample {
		b := widget.NewButtonWithIcon("Open the sample story", theme.DocumentIcon(), func() { callf(e.OnSample) })
		sample = container.NewCenter(b)
	}
	recentTitle := widget.NewLabelWithStyle("Recent comparisons", fyne.TextAlignCenter, fyne.TextStyle{Bold: true})
	e.Content = container.NewCenter(container.NewVBox(
		drop, buttons, sample, e.status, widget.NewSeparator(), recentTitle, container.NewCenter(e.recent)))
	e.SetRecent(nil)
	return e
}

func callf(f func()) {
	if f != nil {
		f()
	}
}

// SetStatus shows a line under the buttons (e.g. "Loading 3 files…").
func (e *EmptyState) SetStatus(s string) { e.status.SetText(s) }

// SetRecent lists the recent comparisons.
func (e *EmptyState) SetRecent(list []Recent) {
	e.recent.Objects = nil
	if len(list) == 0 {
		none := widget.NewLabelWithStyle("None yet", fyne.TextAlignCenter, fyne.TextStyle{})
		none.Importance = widget.LowImportance
		e.recent.Add(none)
	}
	for _, r := range list {
		r := r
		b := widget.NewButtonWithIcon(r.Label, theme.HistoryIcon(), func() {
			if e.OnRecent != nil {
				e.OnRecent(r)
			}
		})
		b.Alignment = widget.ButtonAlignLeading
		b.Importance = widget.LowImportance
		e.recent.Add(b)
	}
	if len(list) > 0 {
		forget := widget.NewButton("Forget recent comparisons", func() { callf(e.OnForget) })
		forget.Importance = widget.LowImportance
		e.recent.Add(forget)
	}
	e.recent.Refresh()
}
