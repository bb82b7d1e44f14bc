package app

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"parallax/data"
	"parallax/data/engine"
	"parallax/data/load"
	"parallax/views"
)

// harness is an App whose background work reports through a channel, so a
// test decides when results reach the "main goroutine".
type harness struct {
	*App
	t     *testing.T
	done  chan func()
	mu    sync.Mutex
	loads [][]string // the paths of every loadFiles call
	block chan struct{}
	// progress receives the progress line's updates, which run only when
	// a test runs them
	progress chan func()
}

func newHarness(t *testing.T) *harness {
	t.Helper()
	test.NewTempApp(t)
	views.InfoLifetime = 0 // notices stay while the test reads them
	a := New(fyne.CurrentApp())
	h := &harness{App: a, t: t, done: make(chan func(), 64)}
	a.do = func(f func()) { h.done <- f }
	h.progress = make(chan func(), 1024)
	a.doProgress = func(f func()) {
		select {
		case h.progress <- f:
		default: // a test that does not look at the progress line
		}
	}
	a.loadFiles = func(paths []string, opt load.Options, _ func(engine.Progress)) ([]*data.Source, []*data.Problem) {
		h.mu.Lock()
		h.loads = append(h.loads, append([]string(nil), paths...))
		block := h.block
		h.mu.Unlock()
		if block != nil {
			<-block
		}
		var srcs []*data.Source
		var probs []*data.Problem
		for _, p := range paths {
			if strings.HasSuffix(p, ".bad") {
				probs = append(probs, &data.Problem{Path: p, Reason: "not a text document"})
				continue
			}
			srcs = append(srcs, &data.Source{ID: strings.TrimSuffix(filepath.Base(p), filepath.Ext(p)), Name: filepath.Base(p), Path: p, Text: "x"})
		}
		return srcs, probs
	}
	a.compare = func(srcs []*data.Source, opt engine.Options) *engine.Comparison {
		base := 0
		for i, s := range srcs {
			if s.ID == opt.Base {
				base = i
			}
		}
		return &engine.Comparison{Sources: srcs, Base: base}
	}
	t.Cleanup(func() { a.win.Close() })
	return h
}

// next runs the next result handed to the main goroutine. It waits as long
// as the test may run (go test -timeout), not a fixed time: under the race
// detector a large input takes many times longer, and speed is measured by
// benchmarks, not asserted here.
func (h *harness) next() {
	h.t.Helper()
	wait := time.Hour
	if d, ok := h.t.Deadline(); ok {
		wait = time.Until(d) - 5*time.Second
	}
	select {
	case f := <-h.done:
		f()
	case <-time.After(wait):
		h.t.Fatal("no result from the background work before the test's deadline")
	}
}

func (h *harness) names() []string {
	var out []string
	for _, s := range h.srcs {
		out = append(out, s.Name)
	}
	return out
}

func touch(t *testing.T, dir string, names ...string) {
	t.Helper()
	for _, n := range names {
		p := filepath.Join(dir, n)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte("Some text."), 0o644))
	}
}

func TestOnDroppedExpandsFoldersAndAdds(t *testing.T) {
	h := newHarness(t)
	dir := t.TempDir()
	touch(t, dir, "folder/b.md", "folder/a.txt", "folder/photo.png", "folder/.hidden.txt", "folder/sub/deep.txt", "folder/page.HTML", "loose.txt")

	h.onDropped([]fyne.URI{storage.NewFileURI(filepath.Join(dir, "folder")), storage.NewFileURI(filepath.Join(dir, "loose.txt"))})
	assert.True(t, h.Busy())
	h.next()
	assert.False(t, h.Busy())
	require.Len(t, h.loads, 1)
	f := filepath.Join(dir, "folder")
	assert.Equal(t, []string{filepath.Join(f, "a.txt"), filepath.Join(f, "b.md"), filepath.Join(f, "page.HTML"), filepath.Join(dir, "loose.txt")}, h.loads[0])
	assert.Equal(t, []string{"a.txt", "b.md", "page.HTML", "loose.txt"}, h.names())
	assert.Equal(t, "Parallax — 4 sources", h.Title())

	// a later drop adds to the open comparison; only the new file is read
	touch(t, dir, "more.txt")
	h.onDropped([]fyne.URI{storage.NewFileURI(filepath.Join(dir, "more.txt")), storage.NewFileURI(filepath.Join(dir, "loose.txt"))})
	h.next()
	require.Len(t, h.loads, 2)
	assert.Equal(t, []string{filepath.Join(dir, "more.txt")}, h.loads[1], "loose.txt is already there")
	assert.Equal(t, []string{"a.txt", "b.md", "page.HTML", "loose.txt", "more.txt"}, h.names())
	assert.Contains(t, strings.Join(h.notices.Texts(), "\n"), "Already in the comparison: loose.txt")
}

func TestOnDroppedEmptyFolderAndProblems(t *testing.T) {
	h := newHarness(t)
	dir := t.TempDir()
	touch(t, dir, "empty/photo.png", "a.txt", "b.txt", "c.bad")
	h.onDropped([]fyne.URI{
		storage.NewFileURI(filepath.Join(dir, "empty")),
		storage.NewFileURI(filepath.Join(dir, "a.txt")),
		storage.NewFileURI(filepath.Join(dir, "b.txt")),
		storage.NewFileURI(filepath.Join(dir, "c.bad")),
	})
	h.next()
	notes := strings.Join(h.notices.Texts(), "\n")
	assert.Contains(t, notes, "No text, Markdown, HTML or Word files in empty")
	assert.Contains(t, notes, "Skipped 1 file: c.bad: not a text document")
	assert.Equal(t, []string{"a.txt", "b.txt"}, h.names(), "the others still load")
}

func TestNewDropSupersedesWork(t *testing.T) {
	h := newHarness(t)
	dir := t.TempDir()
	touch(t, dir, "a.txt", "b.txt", "c.txt")
	h.block = make(chan struct{})
	h.onDropped([]fyne.URI{storage.NewFileURI(filepath.Join(dir, "a.txt")), storage.NewFileURI(filepath.Join(dir, "b.txt"))})
	h.onDropped([]fyne.URI{storage.NewFileURI(filepath.Join(dir, "c.txt"))})
	close(h.block)
	h.next()
	h.next()
	// the first job's result is dropped; the second holds every file
	assert.Equal(t, []string{"a.txt", "b.txt", "c.txt"}, h.names())
	assert.Equal(t, 2, h.gen)
	assert.False(t, h.Busy())
	assert.Equal(t, "Parallax — 3 sources", h.Title())

	// closing drops work under way too
	h.block = make(chan struct{})
	touch(t, dir, "d.txt")
	h.onDropped([]fyne.URI{storage.NewFileURI(filepath.Join(dir, "d.txt"))})
	h.CloseComparison()
	close(h.block)
	h.next()
	assert.Nil(t, h.Comparison())
	assert.Equal(t, "Parallax", h.Title())
}

func TestPanicInJobIsReported(t *testing.T) {
	h := newHarness(t)
	dir := t.TempDir()
	touch(t, dir, "a.txt", "b.txt")
	real := h.compare
	h.compare = func([]*data.Source, engine.Options) *engine.Comparison { panic("index out of range") }
	h.onDropped([]fyne.URI{storage.NewFileURI(filepath.Join(dir, "a.txt")), storage.NewFileURI(filepath.Join(dir, "b.txt"))})
	h.next()
	assert.Contains(t, strings.Join(h.notices.Texts(), "\n"), "Internal error while comparing a.txt, b.txt (please report it)")
	assert.False(t, h.Busy())

	// the app keeps running
	h.compare = real
	h.onDropped([]fyne.URI{storage.NewFileURI(filepath.Join(dir, "a.txt")), storage.NewFileURI(filepath.Join(dir, "b.txt"))})
	h.next()
	assert.Equal(t, []string{"a.txt", "b.txt"}, h.names())

	// a panic in a handler becomes a notice too
	h.safe("testing", func() { panic("boom") })
	assert.Contains(t, strings.Join(h.notices.Texts(), "\n"), "Internal error while testing (please report it): boom")
}

func TestSourceManagement(t *testing.T) {
	h := newHarness(t)
	dir := t.TempDir()
	touch(t, dir, "a.txt", "b.txt", "c.txt")
	h.addPaths([]string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt"), filepath.Join(dir, "c.txt")})
	h.next()
	assert.Equal(t, 0, h.comp.Base)

	h.makeBase(2)
	h.next()
	assert.Equal(t, 2, h.comp.Base)
	assert.Equal(t, "c", h.baseID)
	assert.Len(t, h.loads, 1, "a new base reads nothing again")

	h.renameSource(0, "  The Wire  ")
	assert.Equal(t, "The Wire", h.srcs[0].Name)

	h.removeSource(2)
	h.next()
	assert.Equal(t, []string{"The Wire", "b.txt"}, h.names())
	assert.NotEqual(t, "c", h.baseID, "the removed base is forgotten")

	h.addPasted("", "   ")
	assert.Contains(t, strings.Join(h.notices.Texts(), "\n"), "Nothing to paste")
	h.addPasted("", "A pasted story. It has two sentences.")
	h.next()
	assert.Equal(t, []string{"The Wire", "b.txt", "Pasted 1"}, h.names())
}

func TestRecentComparisons(t *testing.T) {
	h := newHarness(t)
	dir := t.TempDir()
	touch(t, dir, "a.txt", "b.txt")
	h.addPaths([]string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")})
	h.next()
	rec := h.recent()
	require.Len(t, rec, 1)
	assert.Equal(t, []string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")}, rec[0])
	h.openRecent(rec[0])
	h.next()
	assert.Len(t, h.recent(), 1, "the same comparison is not listed twice")
}

func TestExportAtomic(t *testing.T) {
	h := newHarness(t)
	dir := t.TempDir()
	h.loadFiles = engine.LoadFilesProgress
	h.compare = engine.Compare
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Rain fell on Monday. About 40 homes were evacuated."), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "b.txt"), []byte("Rain fell on Monday. About 60 homes were evacuated."), 0o644))
	h.addPaths([]string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")})
	h.next()
	require.NotNil(t, h.comp)

	out := filepath.Join(dir, "out.json")
	require.NoError(t, os.WriteFile(out, []byte("old"), 0o644))
	h.export(out)
	b, err := os.ReadFile(out)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"parallax.comparison/1"`)

	// a failing writer leaves the old file and no temporary file
	err = writeFileAtomic(out, func(*os.File) error { return errors.New("disk full") })
	assert.Error(t, err)
	b, _ = os.ReadFile(out)
	assert.Contains(t, string(b), `"parallax.comparison/1"`)
	left, _ := filepath.Glob(filepath.Join(dir, ".out.json.tmp*"))
	assert.Empty(t, left)

	h.export(filepath.Join(dir, "out.xyz"))
	assert.Contains(t, strings.Join(h.notices.Texts(), "\n"), "Cannot export to out.xyz")
}

func TestSample(t *testing.T) {
	h := newHarness(t)
	h.compare = engine.Compare
	h.OpenSample()
	h.next()
	require.NotNil(t, h.comp)
	assert.GreaterOrEqual(t, len(h.srcs), 2)
	assert.True(t, strings.HasPrefix(h.Title(), "Parallax — "))
}

func TestAsURL(t *testing.T) {
	tests := []struct {
		in string
		ok bool
	}{
		{"https://example.org/news/story", true},
		{"  http://example.org/a  \n", true},
		{"example.org/story", false},
		{"ftp://example.org/a", false},
		{"Some text with https://example.org inside", false},
		{"", false},
	}
	for _, tt := range tests {
		_, ok := asURL(tt.in)
		assert.Equal(t, tt.ok, ok, tt.in)
	}
}

func TestOpenArgs(t *testing.T) {
	h := newHarness(t)
	dir := t.TempDir()
	touch(t, dir, "folder/a.txt", "folder/b.md", "c.txt")
	h.openArgs([]string{filepath.Join(dir, "folder"), filepath.Join(dir, "c.txt")})
	h.next()
	assert.Equal(t, []string{"a.txt", "b.md", "c.txt"}, h.names())
}

func TestWindowSizeRemembered(t *testing.T) {
	h := newHarness(t)
	h.win.Resize(fyne.NewSize(900, 600))
	h.saveWindowSize()
	assert.InDelta(t, 900, h.prefs.Float(prefWinW), 1)
	assert.InDelta(t, 600, h.prefs.Float(prefWinH), 1)
	h.applyTheme("dark")
	assert.Equal(t, "dark", h.prefs.String(prefTheme))
	h.applyTheme("nonsense")
	assert.Equal(t, "system", h.prefs.String(prefTheme))
}
