// Package app is the desktop application: the window, menus, loading files,
// running the engine in the background and publishing its result to the views.
//
// All state lives on the Fyne main goroutine. Long work (reading files,
// comparing, fetching web pages) runs in goroutines that hand their result
// back through one fyne.Do call; a generation counter lets a newer drop
// supersede work still under way.
package app

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"fyne.io/fyne/v2"
	fyneapp "fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/storage"

	"parallax/assets"
	"parallax/data"
	"parallax/data/engine"
	"parallax/data/load"
	"parallax/views"
)

// AppID is the application's ID (preferences and the desktop entry use it).
const AppID = "io.parallax.app"

// processStart is when the process started, for the timing log.
var processStart = time.Now()

// App is the running application.
type App struct {
	fa    fyne.App
	win   fyne.Window
	prefs fyne.Preferences

	// the comparison; main goroutine only
	srcs    []*data.Source // sources of the shown comparison
	comp    *engine.Comparison
	baseID  string
	pending []item // inputs dropped since, not yet compared

	readMu   sync.Mutex
	read     map[string]readSource // sources jobs have read for waiting paths (see takeRead)
	shownGen int                   // the generation of the last job shown or dropped
	gen      int                   // generation of the newest job; older jobs' results are dropped
	busy     bool
	dropped  time.Time // when the last drop arrived, for the timing log
	pasted   int       // pasted sources so far, for their names
	work     workState // corrections, notes and the saved file (save.go)

	bound   map[string]func() // the keyboard shortcuts by name, for tests
	body    *fyne.Container
	notices *views.Notices
	empty   *views.EmptyState
	ws      *views.Workspace

	// seams, replaced by tests
	do            func(func())
	doProgress    func(func()) // for progress updates, which tests keep apart from results
	progressEvery time.Duration
	loadFiles     func([]string, load.Options, func(engine.Progress)) ([]*data.Source, []*data.Problem)
	compare       func([]*data.Source, engine.Options) *engine.Comparison
	fetch         fetcher
	loadOpt       load.Options
	debug         bool
	onShown       func() // run once the window is shown (Main turns the GC back on)
}

// item is one input waiting to be compared: a path, or a source already
// read (pasted text, a fetched page, the sample).
type item struct {
	path string
	src  *data.Source
}

func (it item) name() string {
	if it.src != nil {
		return it.src.Name
	}
	return filepath.Base(it.path)
}

// Main opens the window and returns the process's exit code when it closes.
//
//	parallax             the empty window
//	parallax --sample    the window on the sample story
//	parallax FILE...     the window on those files
func Main(args []string) (code int) {
	// Without a display the GLFW driver panics deep in Show; say it in one
	// line instead of a stack trace.
	shown := false
	defer func() {
		if r := recover(); r != nil {
			if shown {
				panic(r) // not about the display
			}
			fmt.Fprintf(os.Stderr, "parallax: cannot open the window: %s (is DISPLAY or WAYLAND_DISPLAY set to a running display server?)\n", oneLine(fmt.Sprint(r)))
			code = 1
		}
	}()
	var paths []string
	sample := false
	for _, a := range args {
		switch a {
		case "-sample", "--sample":
			sample = true
		case "-h", "-help", "--help":
			fmt.Println("usage: parallax [--sample] [FILE...]\n       parallax compare [--format F] FILE...")
			return 0
		default:
			paths = append(paths, a)
		}
	}
	// Starting up allocates a lot (fonts, the window) but keeps little: the
	// collector waits until the first frame is shown instead of competing
	// with it for the CPU.
	gc := debug.SetGCPercent(-1)
	var restore sync.Once
	gcOn := func() { restore.Do(func() { debug.SetGCPercent(gc) }) }
	time.AfterFunc(3*time.Second, gcOn) // in case the window never shows
	fa := fyneapp.NewWithID(AppID)
	t0 := time.Now()
	a := New(fa)
	a.onShown = func() { shown = true; gcOn() }
	a.logf("app created %v, window built in %v", t0.Sub(processStart), time.Since(t0))
	if sample {
		a.OpenSample()
	}
	if len(paths) > 0 {
		a.openArgs(paths)
	}
	a.win.ShowAndRun()
	return 0
}

// openArgs opens the command line's files, folders and web addresses as if
// they were dropped on the window.
func (a *App) openArgs(args []string) {
	var uris []fyne.URI
	for _, p := range args {
		if u, ok := asURL(p); ok {
			if pu, err := storage.ParseURI(u); err == nil {
				uris = append(uris, pu)
				continue
			}
		}
		if abs, err := filepath.Abs(p); err == nil {
			p = abs
		}
		uris = append(uris, storage.NewFileURI(p))
	}
	a.safe("opening the files", func() { a.onDropped(uris) })
}

// New builds the window of fa (not shown yet).
func New(fa fyne.App) *App {
	a := &App{
		fa:            fa,
		prefs:         fa.Preferences(),
		do:            fyne.Do,
		doProgress:    fyne.Do,
		progressEvery: progressEvery,
		loadFiles:     engine.LoadFilesProgress,
		compare:       engine.Compare,
		fetch:         defaultFetcher(),
		debug:         os.Getenv("PARALLAX_DEBUG") != "",
	}
	t, laps := time.Now(), []string{}
	lap := func(what string) { laps = append(laps, fmt.Sprintf("%s %v", what, time.Since(t))); t = time.Now() }
	fa.SetIcon(fyne.NewStaticResource(assets.IconName, assets.Icon))
	lap("icon")
	a.applyTheme(a.prefs.StringWithFallback(prefTheme, "system"))
	lap("theme")
	a.win = fa.NewWindow("Parallax")
	lap("window")
	a.notices = views.NewNotices()
	a.empty = views.NewEmptyState(len(assets.SampleFiles()) > 0)
	lap("empty")
	a.body = container.NewStack(a.empty.Content)
	a.win.SetContent(container.NewBorder(a.notices.Content, nil, nil, nil, a.body))
	lap("content")
	a.wire()
	a.win.SetMainMenu(a.menu())
	lap("menu")
	a.shortcuts()
	a.win.SetOnDropped(func(_ fyne.Position, uris []fyne.URI) { a.safe("drop", func() { a.onDropped(uris) }) })
	w, h := a.prefs.FloatWithFallback(prefWinW, 1200), a.prefs.FloatWithFallback(prefWinH, 760)
	a.win.Resize(fyne.NewSize(float32(w), float32(h)))
	a.win.SetCloseIntercept(func() {
		a.saveWindowSize()
		a.askDiscard("Quit", a.win.Close) // save.go
	})
	lap("rest")
	a.refreshRecent()
	lap("recent")
	a.logf("  window steps: %s", strings.Join(laps, ", "))
	fa.Lifecycle().SetOnStarted(func() {
		a.logf("window shown %v after the process started", time.Since(processStart))
		if a.onShown != nil {
			a.onShown()
		}
	})
	return a
}

// saveWindowSize remembers the window's size for the next start.
func (a *App) saveWindowSize() {
	s := a.win.Canvas().Size()
	if s.Width > 100 && s.Height > 100 {
		a.prefs.SetFloat(prefWinW, float64(s.Width))
		a.prefs.SetFloat(prefWinH, float64(s.Height))
	}
}

// wire connects the views' callbacks to the app, each behind a recover.
func (a *App) wire() {
	e := a.empty
	e.OnOpen = a.safeF("open", a.showOpenFiles)
	e.OnFolder = a.safeF("open folder", a.showOpenFolder)
	e.OnPaste = a.safeF("paste", a.showPasteDialog)
	e.OnURL = a.safeF("web address", a.showURLDialog)
	e.OnSample = a.safeF("sample", a.OpenSample)
	e.OnRecent = func(r views.Recent) { a.safe("recent", func() { a.openRecent(r.Paths) }) }
	e.OnForget = a.safeF("recent", func() { a.prefs.SetString(prefRecent, ""); a.refreshRecent() })

}

// workspace returns the comparison's views, built on first use so the
// empty window appears sooner.
func (a *App) workspace() *views.Workspace {
	if a.ws != nil {
		return a.ws
	}
	a.ws = views.NewWorkspace()
	w := a.ws
	w.OnCopy = func(s string) { a.fa.Clipboard().SetContent(s) }
	w.OnShowBoilerplate = func(b bool) { a.prefs.SetBool(prefBoiler, b) }
	w.OnAddSources = a.safeF("open", a.showOpenFiles)
	w.Columns.OnMakeBase = func(i int) { a.safe("make base", func() { a.makeBase(i) }) }
	w.Columns.OnRenameSource = func(i int) { a.safe("rename", func() { a.showRename(i) }) }
	w.Columns.OnRemoveSource = func(i int) { a.safe("remove", func() { a.removeSource(i) }) }
	w.SetShowBoilerplate(a.prefs.BoolWithFallback(prefBoiler, false))
	w.Timing = func(view string, d time.Duration) { a.logf("  %s view: %v", view, d) }
	a.wireWork(w)
	return w
}

// safe runs a handler; a panic becomes a notice and the app keeps running.
func (a *App) safe(what string, f func()) {
	shown := false
	defer func() {
		if r := recover(); r != nil {
			if shown {
				panic(r) // not about the display
			}
			a.internalError(what, r)
		}
	}()
	f()
}

func (a *App) safeF(what string, f func()) func() { return func() { a.safe(what, f) } }

func (a *App) internalError(what string, r any) {
	fmt.Fprintf(os.Stderr, "parallax: internal error while %s (please report it): %v\n", what, r)
	if a.debug {
		os.Stderr.Write(debug.Stack())
	}
	a.notices.Add(views.NoticeError, "Internal error while "+what+" (please report it): "+oneLine(fmt.Sprint(r)))
}

func oneLine(s string) string {
	s = strings.ReplaceAll(s, "\n", " ")
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}

// Title is the window title: "Parallax", then the story or the number of
// sources while a comparison is open.
func (a *App) Title() string { return a.win.Title() }

func (a *App) refreshTitle() {
	if a.comp == nil || len(a.srcs) == 0 {
		a.win.SetTitle("Parallax")
		return
	}
	a.win.SetTitle("Parallax — " + views.Title(a.comp))
}

// showWorkspace swaps the empty state for the comparison or back.
func (a *App) showWorkspace(on bool) {
	show := a.empty.Content
	if on {
		show = a.workspace().Content
	}
	if len(a.body.Objects) == 1 && a.body.Objects[0] == show {
		return // already shown: a refresh would redraw every view again
	}
	a.body.Objects = []fyne.CanvasObject{show}
	a.body.Refresh()
}

// problemsNotice names every unusable input with its reason.
func (a *App) problemsNotice(probs []*data.Problem) {
	if len(probs) == 0 {
		return
	}
	lines := make([]string, len(probs))
	for i, p := range probs {
		lines[i] = filepath.Base(p.Path) + ": " + p.Reason
	}
	head := "Skipped 1 file: "
	if len(probs) > 1 {
		head = fmt.Sprintf("Skipped %d files:\n", len(probs))
		for i := range lines {
			lines[i] = "• " + lines[i]
		}
	}
	a.notices.Add(views.NoticeWarning, head+strings.Join(lines, "\n"))
}

// writerFor returns the report writer for an export file name.
func writerFor(name string, writers map[string]func(io.Writer, *engine.Comparison) error) (func(io.Writer, *engine.Comparison) error, string) {
	ext := strings.ToLower(strings.TrimPrefix(filepath.Ext(name), "."))
	keys := map[string][]string{
		"json": {"json"}, "txt": {"text"}, "text": {"text"}, "html": {"html"}, "htm": {"html"},
		"md": {"markdown", "md"}, "markdown": {"markdown", "md"}, "csv": {"csv"},
	}
	for _, k := range keys[ext] {
		if w, ok := writers[k]; ok {
			return w, k
		}
	}
	return nil, ""
}
