package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"

	"parallax/views"
)

var (
	scOpen     = &desktop.CustomShortcut{KeyName: fyne.KeyO, Modifier: fyne.KeyModifierShortcutDefault}
	scExport   = &desktop.CustomShortcut{KeyName: fyne.KeyE, Modifier: fyne.KeyModifierShortcutDefault}
	scClose    = &desktop.CustomShortcut{KeyName: fyne.KeyW, Modifier: fyne.KeyModifierShortcutDefault}
	scFind     = &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	scNext     = &desktop.CustomShortcut{KeyName: fyne.KeyDown, Modifier: fyne.KeyModifierAlt}
	scPrev     = &desktop.CustomShortcut{KeyName: fyne.KeyUp, Modifier: fyne.KeyModifierAlt}
	scConflict = &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierAlt}
)

func (a *App) menu() *fyne.MainMenu {
	item := func(label string, sc fyne.Shortcut, f func()) *fyne.MenuItem {
		it := fyne.NewMenuItem(label, a.safeF(label, f))
		it.Shortcut = sc
		return it
	}
	themeItems := []*fyne.MenuItem{}
	for _, t := range []struct{ key, label string }{{"system", "System theme"}, {"light", "Light theme"}, {"dark", "Dark theme"}} {
		t := t
		it := fyne.NewMenuItem(t.label, nil)
		it.Action = func() {
			a.safe("changing the theme", func() {
				a.applyTheme(t.key)
				for _, o := range themeItems {
					o.Checked = o == it
				}
				a.win.MainMenu().Refresh()
			})
		}
		it.Checked = a.prefs.StringWithFallback(prefTheme, "system") == t.key
		themeItems = append(themeItems, it)
	}
	file := fyne.NewMenu("File",
		item("Open files…", scOpen, a.showOpenFiles),
		item("Open folder…", nil, a.showOpenFolder),
		item("Open a web address…", nil, a.showURLDialog),
		item("Paste text as a source…", &fyne.ShortcutPaste{}, a.showPasteDialog),
		item("Open the sample story", nil, a.OpenSample),
		item("Open a saved comparison…", nil, a.showOpenWorkspace),
		fyne.NewMenuItemSeparator(),
		item("Save", scSave, a.save),
		item("Save as…", scSaveAs, a.showSaveAs),
		item("Export…", scExport, a.showExport),
		item("Close comparison", scClose, a.closeAsking),
	)
	view := fyne.NewMenu("View",
		item("Next difference", scNext, func() { a.workspace().NextDifference(1) }),
		item("Previous difference", scPrev, func() { a.workspace().NextDifference(-1) }),
		item("Next number conflict", scConflict, func() { a.workspace().NextConflict() }),
		item("Find…", scFind, func() { a.workspace().FocusFind() }),
		fyne.NewMenuItemSeparator(),
		themeItems[0], themeItems[1], themeItems[2],
	)
	review := a.reviewMenu() // save.go
	help := fyne.NewMenu("Help",
		item("Keyboard shortcuts", nil, a.showShortcuts),
		item("About Parallax", nil, a.showAbout),
	)
	return fyne.NewMainMenu(file, view, review, help)
}

// shortcuts binds the keyboard shortcuts on the window's canvas (they work
// whenever the focused widget does not take the key itself).
func (a *App) shortcuts() {
	c := a.win.Canvas()
	a.bound = map[string]func(){}
	bind := func(sc fyne.Shortcut, what string, f func()) {
		run := func() { a.safe(what, f) }
		a.bound[sc.ShortcutName()] = run
		c.AddShortcut(sc, func(fyne.Shortcut) { run() })
	}
	bind(scOpen, "open", a.showOpenFiles)
	bind(scExport, "exporting", a.showExport)
	bind(scSave, "saving", a.save)
	bind(scSaveAs, "saving", a.showSaveAs)
	bind(scClose, "closing", a.closeAsking)
	bind(scFind, "find", func() { a.workspace().FocusFind() })
	bind(scNext, "moving", func() { a.workspace().NextDifference(1) })
	bind(scPrev, "moving", func() { a.workspace().NextDifference(-1) })
	bind(scConflict, "moving", func() { a.workspace().NextConflict() })
	bind(&fyne.ShortcutPaste{}, "paste", a.pasteClipboard)
	c.SetOnTypedKey(func(ev *fyne.KeyEvent) {
		switch ev.Name {
		case fyne.KeyF1:
			a.safe("help", a.showShortcuts)
		case fyne.KeyEscape:
			views.DismissTopDialog()
		}
	})
}
