// Package app is the desktop application: the window, menus, loading files,
// running the engine in the background and publishing its result to the views.
package app

import (
	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
)

// Main opens the window and returns the process's exit code when it closes.
// STUB: replaced by the desktop work.
func Main(args []string) int {
	a := fyneapp.NewWithID("io.parallax.app")
	w := a.NewWindow("Parallax")
	w.SetContent(widget.NewLabel("Drop two or more versions of a story"))
	w.Resize(fyne.NewSize(1100, 720))
	w.ShowAndRun()
	return 0
}
