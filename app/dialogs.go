package app

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"parallax/app/cli"
	"parallax/views"
)

// showOpenFiles lets the user tick several files of a folder at once (the
// standard file dialog picks one file at a time). It starts in the last
// folder used.
func (a *App) showOpenFiles() {
	dir := a.lastFolder()
	var files []string
	checked := map[string]bool{}
	folderEntry := views.NewEscEntry()
	hint := widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Italic: true})
	list := widget.NewList(
		func() int { return len(files) },
		func() fyne.CanvasObject { return widget.NewCheck("file name", nil) },
		func(id widget.ListItemID, o fyne.CanvasObject) {
			c := o.(*widget.Check)
			p := files[id]
			c.OnChanged = nil
			c.SetText(filepath.Base(p))
			c.SetChecked(checked[p])
			c.OnChanged = func(b bool) { checked[p] = b }
		})
	load := func(d string) {
		dir = d
		files = expandFolder(d)
		checked = map[string]bool{}
		folderEntry.SetText(d)
		hint.SetText("")
		if len(files) == 0 {
			hint.SetText("No text, Markdown, HTML or Word files in this folder")
		}
		list.Refresh()
	}
	folderEntry.OnSubmitted = func(d string) {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			load(d)
		} else {
			hint.SetText("Not a folder: " + d)
		}
	}
	load(dir)
	var dlg dialog.Dialog
	all := widget.NewButton("Select all", func() {
		for _, f := range files {
			checked[f] = true
		}
		list.Refresh()
	})
	change := widget.NewButton("Other folder…", func() {
		fd := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if u != nil {
				load(u.Path())
			}
		}, a.win)
		setLocation(fd, dir)
		fd.Show()
	})
	single := widget.NewButton("One file elsewhere…", func() {
		fd := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
			if r == nil {
				return
			}
			p := r.URI().Path()
			r.Close()
			dlg.Hide()
			a.prefs.SetString(prefFolder, filepath.Dir(p))
			a.safe("open", func() { a.addPaths(a.dedupe([]string{p})) })
		}, a.win)
		setLocation(fd, dir)
		fd.Show()
	})
	top := container.NewBorder(nil, nil, widget.NewLabel("Folder:"), container.NewHBox(change, single), folderEntry)
	body := container.NewBorder(top, container.NewVBox(hint, all), nil, nil, list)
	dlg = dialog.NewCustomConfirm("Open versions of a story", "Open", "Cancel", body, func(ok bool) {
		if !ok {
			return
		}
		var paths []string
		for _, f := range files {
			if checked[f] {
				paths = append(paths, f)
			}
		}
		a.prefs.SetString(prefFolder, dir)
		if len(paths) > 0 {
			a.safe("open", func() { a.addPaths(a.dedupe(paths)) })
		}
	}, a.win)
	dlg.Resize(fyne.NewSize(620, 480))
	views.Escapable(dlg).Show()
}

// folderButton offers a folder picker that keeps the file name typed in path
// and changes only its folder.
func (a *App) folderButton(path *views.EscEntry) *widget.Button {
	return widget.NewButton("Folder…", func() {
		fd := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
			if u != nil {
				path.SetText(filepath.Join(u.Path(), filepath.Base(path.Text)))
			}
		}, a.win)
		setLocation(fd, filepath.Dir(path.Text))
		fd.Show()
	})
}

func setLocation(fd *dialog.FileDialog, dir string) {
	if l, err := storage.ListerForURI(storage.NewFileURI(dir)); err == nil {
		fd.SetLocation(l)
	}
}

// showOpenFolder adds every supported file of a folder.
func (a *App) showOpenFolder() {
	fd := dialog.NewFolderOpen(func(u fyne.ListableURI, err error) {
		if u == nil {
			return
		}
		a.prefs.SetString(prefFolder, u.Path())
		a.safe("open folder", func() { a.onDropped([]fyne.URI{u}) })
	}, a.win)
	setLocation(fd, a.lastFolder())
	fd.Show()
}

// showPasteDialog asks for a name and the text of a new source, prefilled
// with the clipboard.
func (a *App) showPasteDialog() {
	name := views.NewEscEntry()
	name.SetPlaceHolder(fmt.Sprintf("Pasted %d", a.pasted+1))
	text := views.NewEscMultiLineEntry()
	text.Wrapping = fyne.TextWrapWord
	text.SetPlaceHolder("Paste the article's text here, or a web address")
	text.SetText(a.fa.Clipboard().Content())
	body := container.NewBorder(container.NewBorder(nil, nil, widget.NewLabel("Name:"), nil, name), nil, nil, nil, text)
	d := dialog.NewCustomConfirm("Paste text as a new source", "Add", "Cancel", body, func(ok bool) {
		if ok {
			a.safe("paste", func() { a.addPasted(name.Text, text.Text) })
		}
	}, a.win)
	d.Resize(fyne.NewSize(640, 480))
	views.Escapable(d).Show()
}

// pasteClipboard adds the clipboard as a source right away (Ctrl+V).
func (a *App) pasteClipboard() {
	text := a.fa.Clipboard().Content()
	if strings.TrimSpace(text) == "" {
		a.showPasteDialog()
		return
	}
	a.addPasted("", text)
}

// showURLDialog asks for a web address to fetch.
func (a *App) showURLDialog() {
	e := views.NewEscEntry()
	e.SetPlaceHolder("https://…")
	if u, ok := asURL(a.fa.Clipboard().Content()); ok {
		e.SetText(u)
	}
	d := dialog.NewForm("Open a web address", "Fetch", "Cancel", []*widget.FormItem{widget.NewFormItem("Address", e)}, func(ok bool) {
		if !ok {
			return
		}
		a.safe("web address", func() {
			u, good := asURL(e.Text)
			if !good {
				a.notices.Add(views.NoticeWarning, "Not a web address: "+oneLine(e.Text))
				return
			}
			a.fetchURL(u)
		})
	}, a.win)
	d.Resize(fyne.NewSize(560, 160))
	views.ShowDialog(d, a.win, e)
}

// showRename asks for a source's new name.
func (a *App) showRename(i int) {
	if i < 0 || i >= len(a.srcs) {
		return
	}
	e := views.NewEscEntry()
	e.SetText(a.srcs[i].Name)
	views.ShowDialog(dialog.NewForm("Rename "+a.srcs[i].Name, "Rename", "Cancel", []*widget.FormItem{widget.NewFormItem("Name", e)}, func(ok bool) {
		if ok {
			a.safe("rename", func() { a.renameSource(i, e.Text) })
		}
	}, a.win), a.win, e)
}

// showExport asks where to write the comparison; the extension picks the
// format. The file is written atomically.
func (a *App) showExport() {
	if a.comp == nil {
		a.notices.Add(views.NoticeInfo, "Nothing to export yet: open a comparison first.")
		return
	}
	formats := []string{"HTML report (.html)", "Plain text (.txt)", "JSON (.json)"}
	exts := []string{".html", ".txt", ".json"}
	if w, _ := writerFor("x.md", cli.Writers); w != nil {
		formats, exts = append(formats, "Markdown (.md)"), append(exts, ".md")
	}
	if w, _ := writerFor("x.csv", cli.Writers); w != nil {
		formats, exts = append(formats, "CSV table (.csv)"), append(exts, ".csv")
	}
	path := views.NewEscEntry()
	path.SetText(a.suggestedPath(".html")) // save.go
	format := widget.NewSelect(formats, func(s string) {
		for i, f := range formats {
			if f == s {
				p := path.Text
				path.SetText(strings.TrimSuffix(p, filepath.Ext(p)) + exts[i])
			}
		}
	})
	format.SetSelectedIndex(0)
	browse := a.folderButton(path)
	items := []*widget.FormItem{
		widget.NewFormItem("Format", format),
		widget.NewFormItem("File", container.NewBorder(nil, nil, nil, browse, path)),
	}
	d := dialog.NewForm("Export the comparison", "Export", "Cancel", items, func(ok bool) {
		if ok {
			a.safe("exporting", func() { a.export(path.Text) })
		}
	}, a.win)
	d.Resize(fyne.NewSize(620, 200))
	views.Escapable(d).Show()
}

// export writes the comparison to path in the format its extension names,
// atomically, with the verdicts and notes (see Export in save.go).
func (a *App) export(path string) { a.Export(path) }

// writeFileAtomic writes a temporary file beside path and renames it over
// path, so a crash leaves the old file intact.
func writeFileAtomic(path string, write func(*os.File) error) (err error) {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if err = write(f); err != nil {
		return err
	}
	mode := os.FileMode(0o644)
	if st, e := os.Stat(path); e == nil {
		mode = st.Mode().Perm() // keep the old file's permissions
	}
	if err = f.Chmod(mode); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	return os.Rename(f.Name(), path)
}

// showShortcuts lists the keyboard shortcuts (F1).
func (a *App) showShortcuts() {
	views.Escapable(dialog.NewCustom("Keyboard shortcuts", "Close", views.ShortcutsContent(), a.win)).Show()
}

func (a *App) showAbout() {
	views.Escapable(dialog.NewInformation("About Parallax",
		"Parallax aligns several outlets' versions of one news story,\nshows their word differences and flags where numbers,\ndates and quotations disagree.", a.win)).Show()
}
