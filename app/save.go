package app

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/widget"

	"parallax/data"
	"parallax/data/engine"
	"parallax/data/report"
	"parallax/data/workspace"
	"parallax/views"
)

// workState is the user's own work on the comparison: the corrections to the
// alignment, the verdicts and notes, and the .parallax file it was opened
// from or saved to. It lives on the main goroutine; jobs get a copy of the
// corrections.
type workState struct {
	path  string                 // the .parallax file, "" until saved or opened
	corr  []workspace.Correction // in the order they were made
	notes []workspace.Note       // on facts and rows
	dates map[string]time.Time   // when each source was loaded, by ID
	lost  map[string]bool        // corrections already reported as no longer applying
	saved bool                   // nothing changed since the last save or open
}

var (
	scSave   = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault}
	scSaveAs = &desktop.CustomShortcut{KeyName: fyne.KeyS, Modifier: fyne.KeyModifierShortcutDefault | fyne.KeyModifierShift}
)

// isWorkspacePath reports whether a path names a saved comparison.
func isWorkspacePath(p string) bool { return strings.EqualFold(filepath.Ext(p), workspace.Ext) }

// splitWorkspaces opens the first saved comparison among paths (a later
// one's sources join it) and returns the other paths, to be added to it.
// It reports whether a saved comparison was opened.
func (a *App) splitWorkspaces(paths []string) (rest []string, opened bool) {
	var ws *workspace.Workspace
	var wsPath string
	for _, p := range paths {
		if !isWorkspacePath(p) {
			rest = append(rest, p)
			continue
		}
		w, err := workspace.Open(p)
		if err != nil {
			a.workspaceProblem(p, err)
			continue
		}
		if ws == nil {
			ws, wsPath = w, p
			continue
		}
		ws.AddSources(w.Sources()...)
		ws.Corrections = append(ws.Corrections, w.Corrections...)
		ws.Notes = append(ws.Notes, w.Notes...)
	}
	if ws == nil {
		return rest, false
	}
	if a.unsaved() {
		// ask first; the other files join the opened comparison afterwards
		later := rest
		a.askDiscard("Open "+filepath.Base(wsPath), func() {
			a.openWorkspace(wsPath, ws)
			if len(later) > 0 {
				a.addPaths(later)
			}
		})
		return nil, true
	}
	a.openWorkspace(wsPath, ws)
	return rest, true
}

// workspaceProblem names a saved comparison that cannot be opened.
func (a *App) workspaceProblem(p string, err error) {
	pr, ok := err.(*data.Problem)
	if !ok {
		pr = &data.Problem{Path: p, Reason: oneLine(err.Error())}
	}
	a.problemsNotice([]*data.Problem{pr})
}

// OpenWorkspace opens a saved comparison, replacing the one shown; a
// damaged or newer file is named in a notice.
func (a *App) OpenWorkspace(path string) {
	ws, err := workspace.Open(path)
	if err != nil {
		a.workspaceProblem(path, err)
		return
	}
	a.openWorkspace(path, ws)
}

// openWorkspace shows a saved comparison: its sources, base, corrections and
// notes, recomputed in the background.
func (a *App) openWorkspace(path string, ws *workspace.Workspace) {
	a.CloseComparison()
	a.work = workState{path: path, corr: ws.Corrections, notes: ws.Notes, dates: ws.Dates(), saved: true}
	a.baseID = ws.Options.Base
	a.prefs.SetString(prefFolder, filepath.Dir(path))
	// the sources are analysed by the job, off the main goroutine
	srcs := make([]*data.Source, 0, len(ws.Records))
	for _, r := range ws.Records {
		srcs = append(srcs, &data.Source{ID: r.ID, Name: r.Name, Path: r.Path, Title: r.Title, Format: r.Format,
			Encoding: r.Encoding, Text: r.Text})
	}
	if len(srcs) == 0 {
		a.notices.Add(views.NoticeWarning, filepath.Base(path)+" holds no sources")
		a.rememberRecent()
		return
	}
	a.addSources(srcs)
}

// document is the comparison as a workspace to save or to export: the
// sources' text and metadata, the base, the corrections and the notes.
func (a *App) document() *workspace.Workspace {
	ws := &workspace.Workspace{Format: workspace.FormatID, Options: workspace.Options{Base: a.baseID},
		Corrections: a.work.corr, Notes: a.work.notes}
	if a.work.dates == nil {
		a.work.dates = map[string]time.Time{}
	}
	now := time.Now().UTC().Truncate(time.Second)
	for _, s := range a.srcs {
		d, ok := a.work.dates[s.ID]
		if !ok {
			d = now
			a.work.dates[s.ID] = d
		}
		ws.Records = append(ws.Records, workspace.Source{ID: s.ID, Name: s.Name, Path: s.Path, Title: s.Title,
			Format: s.Format, Encoding: s.Encoding, LoadedAt: d, Text: s.Text})
	}
	return ws
}

// SaveTo writes the comparison to a .parallax file (atomically: a failed
// save leaves the old file intact) and remembers it.
func (a *App) SaveTo(path string) bool {
	if a.comp == nil || len(a.srcs) == 0 {
		a.notices.Add(views.NoticeInfo, "Nothing to save yet: open a comparison first.")
		return false
	}
	if !isWorkspacePath(path) {
		path += workspace.Ext
	}
	if err := workspace.Save(path, a.document()); err != nil {
		a.notices.Add(views.NoticeError, "Could not save "+filepath.Base(path)+": "+oneLine(err.Error()))
		return false
	}
	a.work.path, a.work.saved = path, true
	a.prefs.SetString(prefFolder, filepath.Dir(path))
	a.notices.Add(views.NoticeInfo, "Saved the comparison to "+path)
	a.rememberRecent()
	return true
}

// save writes to the file the comparison came from, or asks for one.
func (a *App) save() {
	if a.work.path == "" {
		a.showSaveAs()
		return
	}
	a.SaveTo(a.work.path)
}

// showSaveAs asks where to save the comparison. It asks for a name and a
// folder rather than using the file dialog, whose writer would empty an
// existing file before the atomic save could replace it.
func (a *App) showSaveAs() {
	if a.comp == nil {
		a.notices.Add(views.NoticeInfo, "Nothing to save yet: open a comparison first.")
		return
	}
	path := views.NewEscEntry()
	path.SetText(a.suggestedPath(workspace.Ext))
	browse := a.folderButton(path)
	items := []*widget.FormItem{
		widget.NewFormItem("File", container.NewBorder(nil, nil, nil, browse, path)),
		widget.NewFormItem("", widget.NewLabel("Holds the sources' text, the base, your corrections and notes.")),
	}
	d := dialog.NewForm("Save the comparison", "Save", "Cancel", items, func(ok bool) {
		if ok {
			a.safe("saving", func() { a.SaveTo(strings.TrimSpace(path.Text)) })
		}
	}, a.win)
	d.Resize(fyne.NewSize(620, 200))
	views.Escapable(d).Show()
}

// suggestedPath is where a new file for the comparison goes: beside the
// saved comparison, named after it, or in the last folder used.
func (a *App) suggestedPath(ext string) string {
	if a.work.path != "" {
		return strings.TrimSuffix(a.work.path, filepath.Ext(a.work.path)) + ext
	}
	return filepath.Join(a.lastFolder(), "comparison"+ext)
}

// showOpenWorkspace asks for a saved comparison to open.
func (a *App) showOpenWorkspace() {
	fd := dialog.NewFileOpen(func(r fyne.URIReadCloser, err error) {
		if r == nil {
			return
		}
		p := r.URI().Path()
		r.Close()
		a.safe("opening", func() { a.OpenWorkspace(p) })
	}, a.win)
	fd.SetFilter(storage.NewExtensionFileFilter([]string{workspace.Ext}))
	setLocation(fd, a.lastFolder())
	fd.Resize(fyne.NewSize(720, 520))
	fd.Show()
}

// ReportOptions are the notes and dates every export carries.
func (a *App) ReportOptions() report.Options {
	if a.comp == nil {
		return report.Options{}
	}
	return a.document().ReportOptions(a.comp)
}

// Export writes the comparison to path, the format chosen by the extension
// (html, csv, md, json, txt), atomically, with the notes.
func (a *App) Export(path string) bool {
	if a.comp == nil {
		a.notices.Add(views.NoticeInfo, "Nothing to export yet: open a comparison first.")
		return false
	}
	format := workspace.FormatForPath(path)
	if format == "" {
		a.notices.Add(views.NoticeWarning, "Cannot export to "+filepath.Base(path)+": use .html, .txt, .json, .md or .csv")
		return false
	}
	if err := workspace.Export(path, format, a.comp, a.ReportOptions()); err != nil {
		a.notices.Add(views.NoticeError, "Could not write "+filepath.Base(path)+": "+oneLine(err.Error()))
		return false
	}
	a.prefs.SetString(prefFolder, filepath.Dir(path))
	a.notices.Add(views.NoticeInfo, "Exported the comparison as "+format+" to "+path)
	return true
}

// jobCorrections is the copy of the corrections a job applies after
// comparing.
func (a *App) jobCorrections() []workspace.Correction {
	return append([]workspace.Correction(nil), a.work.corr...)
}

// applyCorrections replays the corrections on a fresh comparison (in the
// job's goroutine) and returns those that no longer apply.
func applyCorrections(c *engine.Comparison, corr []workspace.Correction) []workspace.Correction {
	if c == nil || len(corr) == 0 {
		return nil
	}
	return workspace.Apply(c, corr)
}

// Correct records a correction to the alignment and recomputes: the
// comparison is compared again and every correction replayed, so the
// correction is kept through later recomputes too.
func (a *App) Correct(c workspace.Correction) {
	if a.comp == nil {
		return
	}
	a.work.corr = append(a.work.corr, c)
	a.work.saved = false
	a.recompute()
}

// UndoCorrection drops the last correction and recomputes.
func (a *App) UndoCorrection() {
	if len(a.work.corr) == 0 {
		a.notices.Add(views.NoticeInfo, "No correction to undo.")
		return
	}
	a.work.corr = a.work.corr[:len(a.work.corr)-1]
	a.work.saved = false
	a.recompute()
}

// RemoveCorrection drops correction i and recomputes.
func (a *App) RemoveCorrection(i int) {
	if i < 0 || i >= len(a.work.corr) {
		return
	}
	a.work.corr = append(append([]workspace.Correction(nil), a.work.corr[:i]...), a.work.corr[i+1:]...)
	a.work.saved = false
	a.recompute()
}

// showCorrections lists the corrections made, each with a Remove button.
func (a *App) showCorrections() {
	var d dialog.Dialog
	descs := make([]string, len(a.work.corr))
	for i, c := range a.work.corr {
		descs[i] = views.DescribeCorrection(a.comp, c)
	}
	list := views.CorrectionsList(descs, func(i int) {
		d.Hide()
		a.safe("removing a correction", func() { a.RemoveCorrection(i) })
	})
	d = dialog.NewCustom("Corrections to the alignment", "Close", list, a.win)
	d.Resize(fyne.NewSize(720, 420))
	views.Escapable(d).Show()
}

// Corrections is the corrections made so far.
func (a *App) Corrections() []workspace.Correction { return a.work.corr }

// SetNote records a verdict and a note and shows it.
func (a *App) SetNote(n workspace.Note) {
	ws := &workspace.Workspace{Notes: a.work.notes}
	ws.SetNote(n)
	a.work.notes = ws.Notes
	a.work.saved = false
	a.showNotes()
}

// Notes is the notes recorded so far.
func (a *App) Notes() []workspace.Note { return a.work.notes }

// SavedPath is the .parallax file of the comparison, or "".
func (a *App) SavedPath() string { return a.work.path }

// showNotes hands the notes, found in the comparison shown, to the views.
func (a *App) showNotes() {
	if a.ws == nil {
		return
	}
	var n report.Notes
	if a.comp != nil && len(a.work.notes) > 0 { // finding none costs a pass over every fact
		n = a.document().ReportNotes(a.comp)
	}
	a.ws.SetNotes(n)
}

// afterJob runs when a job's comparison is shown: the notes are found in it
// again and corrections that no longer apply are named once.
func (a *App) afterJob(lost []workspace.Correction) {
	a.showNotes()
	var fresh int
	for _, c := range lost {
		b, _ := json.Marshal(c)
		if a.work.lost == nil {
			a.work.lost = map[string]bool{}
		}
		if !a.work.lost[string(b)] {
			a.work.lost[string(b)] = true
			fresh++
		}
	}
	switch {
	case fresh == 1:
		a.notices.Add(views.NoticeInfo, "1 correction no longer applies: a sentence it names is gone.")
	case fresh > 1:
		a.notices.Add(views.NoticeInfo, plural(fresh, "correction")+" no longer apply: a sentence they name is gone.")
	}
}

// wireWork connects the views' correction and note actions to the app.
func (a *App) wireWork(w *views.Workspace) {
	w.OnCorrect = func(c workspace.Correction) { a.safe("correcting", func() { a.Correct(c) }) }
	w.OnNote = func(n workspace.Note) { a.safe("noting", func() { a.SetNote(n) }) }
	w.OnUndoCorrection = a.safeF("undoing", a.UndoCorrection)
}

// pushRecent puts a comparison first in the recent list.
func (a *App) pushRecent(paths []string) {
	key := strings.Join(paths, "\x00")
	list := [][]string{paths}
	for _, old := range a.recent() {
		if strings.Join(old, "\x00") != key && len(list) < maxRecent {
			list = append(list, old)
		}
	}
	b, _ := json.Marshal(list)
	a.prefs.SetString(prefRecent, string(b))
	a.refreshRecent()
}

// recentLabel names a recent saved comparison, or "" for a list of files.
func recentLabel(paths []string) string {
	if len(paths) == 1 && isWorkspacePath(paths[0]) {
		return "Saved: " + filepath.Base(paths[0])
	}
	return ""
}

// reviewMenu holds the corrections to the alignment and the verdicts and
// notes, acting on the selected row or fact.
func (a *App) reviewMenu() *fyne.Menu {
	act := func(label, action string) *fyne.MenuItem {
		return fyne.NewMenuItem(label, a.safeF(label, func() {
			if a.comp != nil {
				a.workspace().ShowAction(action)
			}
		}))
	}
	return fyne.NewMenu("Review",
		act("Link the selected row with row…", views.ActionLink),
		act("Unlink a source from the selected row…", views.ActionUnlink),
		act("Move a sentence of the selected row to row…", views.ActionMove),
		fyne.NewMenuItem("Undo the last correction", a.safeF("undoing", a.UndoCorrection)),
		fyne.NewMenuItem("List the corrections…", a.safeF("corrections", a.showCorrections)),
		fyne.NewMenuItemSeparator(),
		act("Verdict and note on the selected row…", views.ActionRowNote),
		act("Verdict and note on the selected fact…", views.ActionFactNote),
	)
}

// unsaved reports whether corrections or notes were made since the
// comparison was last saved or opened.
func (a *App) unsaved() bool {
	return !a.work.saved && (len(a.work.corr) > 0 || len(a.work.notes) > 0)
}

// askDiscard runs then, first asking whether to drop corrections and notes
// not saved yet.
func (a *App) askDiscard(what string, then func()) {
	if !a.unsaved() {
		then()
		return
	}
	d := dialog.NewConfirm("Corrections and notes not saved",
		"Your corrections and notes are not saved (File → Save, Ctrl+S).\n"+what+" without saving them?",
		func(ok bool) {
			if ok {
				a.safe(strings.ToLower(what), then)
			}
		}, a.win)
	d.SetConfirmText(what)
	d.SetDismissText("Cancel")
	views.Escapable(d).Show()
}

// closeAsking closes the comparison (Ctrl+W), asking first when work is unsaved.
func (a *App) closeAsking() { a.askDiscard("Close", a.CloseComparison) }
