package app

import (
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"parallax/app/internal/hostile"
	"parallax/data/engine"
)

// TestHostileDropFromTheWindow drops bad inputs with two good ones on the
// window: every bad one is named in a notice with its reason, the good ones
// are compared, nothing panics and no input is written.
func TestHostileDropFromTheWindow(t *testing.T) {
	h := newHarness(t)
	h.loadFiles = engine.LoadFilesProgress
	h.compare = engine.Compare
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, b, 0o644))
		return p
	}
	good1 := write("wire.txt", []byte("Flood closes river road\n\nHeavy rain flooded the river road on Monday. About 40 homes were evacuated, officials said.\n"))
	good2 := write("daily.txt", []byte("Flood closes the river road\n\nHeavy rain flooded the river road on Monday. About 60 homes were evacuated, officials said.\n"))
	bad := map[string]string{
		write("empty.txt", nil):                                 "empty.txt",
		write("blank.txt", []byte("  \n\t \n")):                 "blank.txt",
		write("photo.txt", []byte("\x89PNG\r\n\x1a\n\x00\x00")): "photo.txt",
		filepath.Join(dir, "missing.txt"):                       "missing.txt",
	}
	emptyDir := filepath.Join(dir, "nothing-here")
	require.NoError(t, os.Mkdir(emptyDir, 0o755))
	hashes := map[string][32]byte{}
	for _, p := range []string{good1, good2} {
		b, _ := os.ReadFile(p)
		hashes[p] = sha256.Sum256(b)
	}

	uris := []fyne.URI{storage.NewFileURI(good1), storage.NewFileURI(good2), storage.NewFileURI(good1), storage.NewFileURI(emptyDir)}
	for p := range bad {
		uris = append(uris, storage.NewFileURI(p))
	}
	h.onDropped(uris)
	h.next()

	notes := strings.Join(h.notices.Texts(), "\n")
	for _, name := range bad {
		assert.Contains(t, notes, name+": ", "the notice names %s with a reason", name)
	}
	assert.Contains(t, notes, "No text, Markdown, HTML or Word files in nothing-here")
	assert.Contains(t, notes, "Already in the comparison: wire.txt")
	assert.NotContains(t, notes, "goroutine", "no stack trace")
	require.NotNil(t, h.comp)
	assert.Equal(t, []string{"wire.txt", "daily.txt"}, h.names())
	assert.True(t, strings.HasPrefix(h.Title(), "Parallax — "))
	for p, sum := range hashes {
		b, _ := os.ReadFile(p)
		assert.Equal(t, sum, sha256.Sum256(b), "%s unchanged", p)
	}
}

func TestShortcuts(t *testing.T) {
	h := newHarness(t)
	dir := t.TempDir()
	touch(t, dir, "a.txt", "b.txt")
	h.addPaths([]string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")})
	h.next()
	require.NotNil(t, h.comp)
	press := func(sc fyne.Shortcut) {
		f, ok := h.bound[sc.ShortcutName()]
		require.True(t, ok, "%s is bound", sc.ShortcutName())
		f()
	}
	for _, sc := range []fyne.Shortcut{scOpen, scExport, scFind, scNext, scPrev, scConflict} {
		_, ok := h.bound[sc.ShortcutName()]
		assert.True(t, ok, "%s is bound", sc.ShortcutName())
	}
	press(scClose)
	assert.Nil(t, h.comp, "Ctrl+W closes the comparison")
	assert.Equal(t, "Parallax", h.Title())

	h.fa.Clipboard().SetContent("A pasted story. It is short.")
	press(&fyne.ShortcutPaste{})
	h.next()
	assert.Equal(t, []string{"Pasted 1"}, h.names(), "Ctrl+V pastes the clipboard as a source")
}

// TestHostileCorpusFromTheWindow drops each input of the shared hostile
// corpus between two good files: a usable one becomes a third source; an
// unusable one is named in a notice with its reason while the good ones are
// still compared; nothing panics and no input is written.
func TestHostileCorpusFromTheWindow(t *testing.T) {
	story := func(n int) []byte {
		return []byte(fmt.Sprintf("Flood closes river road\n\nHeavy rain flooded the river road on Monday. About %d homes were evacuated, officials said.\n", n))
	}
	for _, c := range hostile.Cases {
		t.Run(c.Name, func(t *testing.T) {
			h := newHarness(t)
			h.loadFiles = engine.LoadFilesProgress
			h.compare = engine.Compare
			dir := t.TempDir()
			good1, good2 := filepath.Join(dir, "wire.txt"), filepath.Join(dir, "daily.txt")
			require.NoError(t, os.WriteFile(good1, story(40), 0o644))
			require.NoError(t, os.WriteFile(good2, story(60), 0o644))
			bad := c.Make(t, t.TempDir())
			inputs := []string{good1, bad, good2}
			before := map[string]string{}
			for _, p := range inputs {
				before[p] = hostile.Hash(p)
			}
			h.onDropped([]fyne.URI{storage.NewFileURI(good1), storage.NewFileURI(bad), storage.NewFileURI(good2)})
			h.next()

			require.NotNil(t, h.comp, "the good files are compared")
			names := h.names()
			assert.Contains(t, names, "wire.txt")
			assert.Contains(t, names, "daily.txt")
			notes := strings.Join(h.notices.Texts(), "\n")
			assert.NotContains(t, notes, "goroutine", "no stack trace")
			assert.NotContains(t, strings.ToLower(notes), "internal error")
			reason := c.Reason
			if c.WindowReason != "" {
				reason = c.WindowReason
			}
			if reason == "" {
				assert.Len(t, names, 3, "a usable input is compared: %s", notes)
			} else {
				assert.Len(t, names, 2)
				assert.Contains(t, notes, filepath.Base(bad), "the notice names the file")
				assert.Contains(t, strings.ToLower(notes), strings.ToLower(reason))
			}
			for _, p := range inputs {
				assert.Equal(t, before[p], hostile.Hash(p), "%s unchanged", filepath.Base(p))
			}
		})
	}
}
