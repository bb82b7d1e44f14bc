package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"parallax/data/engine"
	"parallax/data/report"
	"parallax/data/workspace"
	"parallax/views"
)

// story writes three short versions of a story and returns their paths.
func story(t *testing.T, dir string) []string {
	t.Helper()
	texts := map[string]string{
		"wire.txt": "Flood closes river road\n\nHeavy rain flooded the river road on Monday. About 40 homes were evacuated, officials said.\n\n" +
			"The mayor said crews worked through the night. Schools will reopen on Wednesday.",
		"daily.txt": "Flood closes the river road\n\nHeavy rain flooded the river road on Monday. About 60 homes were evacuated, officials said.\n\n" +
			"Crews worked through the night, the mayor said. Schools will reopen on Wednesday.",
		"herald.txt": "Flood closes river road\n\nRain flooded the river road on Monday night. About 40 homes were evacuated.\n\n" +
			"Schools will reopen on Wednesday, the council said.",
	}
	var paths []string
	for _, n := range []string{"wire.txt", "daily.txt", "herald.txt"} {
		p := filepath.Join(dir, n)
		require.NoError(t, os.WriteFile(p, []byte(texts[n]), 0o644))
		paths = append(paths, p)
	}
	return paths
}

// realHarness is a harness running the real loader and engine.
func realHarness(t *testing.T) *harness {
	h := newHarness(t)
	h.loadFiles = engine.LoadFilesProgress
	h.compare = engine.Compare
	return h
}

// rowsOf names each row's sentences by source ID and sentence ID.
func rowsOf(c *engine.Comparison) [][]string {
	var out [][]string
	for _, r := range c.Rows {
		var row []string
		for si, cell := range r.Cells {
			for _, i := range cell.Sentences {
				row = append(row, c.Sources[si].ID+"/"+c.Sources[si].Sentences[i].ID)
			}
		}
		out = append(out, row)
	}
	return out
}

// rowOf is the row holding sentence i of the source with this ID.
func rowOf(c *engine.Comparison, id string, i int) int {
	for r, row := range c.Rows {
		for si, cell := range row.Cells {
			if c.Sources[si].ID != id {
				continue
			}
			for _, k := range cell.Sentences {
				if k == i {
					return r
				}
			}
		}
	}
	return -1
}

// numberFact is the index of the number fact with this label.
func numberFact(t *testing.T, c *engine.Comparison, label string) int {
	t.Helper()
	for i, f := range c.Facts.Numbers {
		if f.Label == label {
			return i
		}
	}
	t.Fatalf("no number fact %q", label)
	return -1
}

func drop(h *harness, paths ...string) {
	var uris []fyne.URI
	for _, p := range paths {
		uris = append(uris, storage.NewFileURI(p))
	}
	h.onDropped(uris)
}

func TestSaveOpenGivesTheSameComparison(t *testing.T) {
	h := realHarness(t)
	dir := t.TempDir()
	paths := story(t, dir)
	drop(h, paths...)
	h.next()
	require.NotNil(t, h.comp)
	h.makeBase(1)
	h.next()
	h.renameSource(2, "The Herald")
	require.Equal(t, "daily", h.comp.Sources[h.comp.Base].ID)
	// a correction and a note travel with the file
	unlinkRow := rowOf(h.comp, "herald", 2)
	require.GreaterOrEqual(t, unlinkRow, 0)
	corr, err := views.UnlinkSource(h.comp, unlinkRow, 2)
	require.NoError(t, err)
	h.Correct(corr)
	h.next()
	homes := numberFact(t, h.comp, "homes evacuated")
	h.SetNote(workspace.Note{Target: workspace.NumberTarget(h.comp, homes), Status: report.StatusError, Source: "daily", Text: "Council says 40."})
	before := rowsOf(h.comp)
	names := h.names()

	file := filepath.Join(dir, "flood.parallax")
	require.True(t, h.SaveTo(file))
	assert.Equal(t, file, h.SavedPath())
	h.CloseComparison()
	for _, p := range paths {
		require.NoError(t, os.Remove(p)) // the saved file needs no originals
	}

	drop(h, file)
	h.next()
	require.NotNil(t, h.comp)
	assert.Equal(t, before, rowsOf(h.comp), "same rows after save and open")
	assert.Equal(t, names, h.names())
	assert.Equal(t, "daily", h.comp.Sources[h.comp.Base].ID, "same base")
	assert.Len(t, h.Corrections(), 1)
	require.Len(t, h.Notes(), 1)
	assert.Equal(t, "Council says 40.", h.ws.Notes().Numbers[numberFact(t, h.comp, "homes evacuated")].Text, "the note is shown again")
	assert.Equal(t, file, h.SavedPath())
	assert.Equal(t, "Saved: flood.parallax", h.recentLabels()[0], "listed among the recent comparisons")

	// Ctrl+S saves to the same file again
	require.NoError(t, os.Remove(file))
	h.bound[scSave.ShortcutName()]()
	_, err = os.Stat(file)
	assert.NoError(t, err)
}

// recentLabels is what the empty state lists.
func (h *harness) recentLabels() []string {
	var out []string
	for _, paths := range h.recent() {
		l := recentLabel(paths)
		if l == "" {
			l = strings.Join(paths, ", ")
		}
		out = append(out, l)
	}
	return out
}

func TestCorrectionSurvivesRecompute(t *testing.T) {
	h := realHarness(t)
	dir := t.TempDir()
	paths := story(t, dir)
	drop(h, paths[0], paths[1])
	h.next()
	c := h.comp
	// the evacuation sentences are aligned; unlink daily's
	r := rowOf(c, "daily", 2)
	require.Equal(t, r, rowOf(c, "wire", 2), "the engine aligns the two evacuation sentences")
	corr, err := views.UnlinkSource(c, r, 1)
	require.NoError(t, err)
	h.Correct(corr)
	h.next()
	assert.NotEqual(t, rowOf(h.comp, "wire", 2), rowOf(h.comp, "daily", 2), "unlinked")

	// a source added: the corrections are applied again
	drop(h, paths[2])
	h.next()
	require.Len(t, h.comp.Sources, 3)
	assert.NotEqual(t, rowOf(h.comp, "wire", 2), rowOf(h.comp, "daily", 2), "still unlinked after a source was added")
	// the base changed
	h.makeBase(2)
	h.next()
	assert.Equal(t, "herald", h.comp.Sources[h.comp.Base].ID)
	assert.NotEqual(t, rowOf(h.comp, "wire", 2), rowOf(h.comp, "daily", 2), "still unlinked after the base changed")
	assertOneRowEach(t, h.comp)

	// undo brings the engine's alignment back
	h.UndoCorrection()
	h.next()
	assert.Equal(t, rowOf(h.comp, "wire", 2), rowOf(h.comp, "daily", 2))
}

// assertOneRowEach checks that every story sentence is in exactly one row.
func assertOneRowEach(t *testing.T, c *engine.Comparison) {
	t.Helper()
	seen := map[[2]int]int{}
	for _, r := range c.Rows {
		for si, cell := range r.Cells {
			for _, i := range cell.Sentences {
				seen[[2]int{si, i}]++
			}
		}
	}
	for k, n := range seen {
		assert.Equal(t, 1, n, "sentence %v", k)
	}
}

func TestDamagedParallaxIsRefused(t *testing.T) {
	h := realHarness(t)
	dir := t.TempDir()
	bad := filepath.Join(dir, "broken.parallax")
	require.NoError(t, os.WriteFile(bad, []byte("PK\x03\x04 this is not really a zip"), 0o644))
	newer := filepath.Join(dir, "future.parallax")
	require.NoError(t, os.WriteFile(newer, []byte(`{"format":"parallax.workspace/9","sources":[]}`), 0o644))

	drop(h, bad)
	assert.False(t, h.Busy(), "nothing to compare")
	notes := strings.Join(h.notices.Texts(), "\n")
	assert.Contains(t, notes, "broken.parallax: not a Parallax comparison (damaged")
	assert.Nil(t, h.comp)

	h.OpenWorkspace(newer)
	assert.Contains(t, strings.Join(h.notices.Texts(), "\n"), "future.parallax: made by a newer Parallax (format 9)")

	// a damaged file among good ones: the others still load
	paths := story(t, dir)
	drop(h, bad, paths[0], paths[1])
	h.next()
	assert.Len(t, h.srcs, 2)
	assert.Contains(t, strings.Join(h.notices.Texts(), "\n"), "broken.parallax")
}

func TestExportCarriesNotes(t *testing.T) {
	h := realHarness(t)
	dir := t.TempDir()
	drop(h, story(t, dir)...)
	h.next()
	homes := numberFact(t, h.comp, "homes evacuated")
	h.SetNote(workspace.Note{Target: workspace.NumberTarget(h.comp, homes), Status: report.StatusError, Source: "daily", Text: "Council confirms 40 homes."})
	require.Contains(t, h.ws.Notes().Numbers, homes)

	for _, name := range []string{"out.html", "out.csv", "out.md", "out.json", "out.txt"} {
		p := filepath.Join(dir, name)
		h.export(p)
		b, err := os.ReadFile(p)
		require.NoError(t, err, name)
		assert.Contains(t, string(b), "Council confirms 40 homes.", name)
	}
	h.export(filepath.Join(dir, "out.pdf"))
	assert.Contains(t, strings.Join(h.notices.Texts(), "\n"), "Cannot export to out.pdf")
	_, err := os.Stat(filepath.Join(dir, "out.pdf"))
	assert.True(t, os.IsNotExist(err))
}

// seeds finds the five real articles next to the repository, or skips.
func seeds(t *testing.T) []string {
	t.Helper()
	dir, err := os.Getwd()
	require.NoError(t, err)
	for {
		if files, _ := filepath.Glob(filepath.Join(dir, "shared", "seeds", "*.txt")); len(files) > 0 {
			return files
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Skip("the seed articles (shared/seeds beside the repository) are not here")
		}
		dir = parent
	}
}

func TestSaveOpenSeeds(t *testing.T) {
	files := seeds(t)
	h := realHarness(t)
	drop(h, files...)
	h.next()
	require.Len(t, h.srcs, len(files))
	// move the second sentence of the first row with two sources to the row after it
	c := h.comp
	for r := 0; r+1 < len(c.Rows); r++ {
		if len(c.Rows[r].Cells[1].Sentences) > 0 && len(c.Rows[r].Cells[0].Sentences) > 0 {
			corr, err := views.MoveSentence(c, r, 1, 0, r+1)
			require.NoError(t, err)
			h.Correct(corr)
			h.next()
			break
		}
	}
	require.Len(t, h.Corrections(), 1)
	before := rowsOf(h.comp)
	file := filepath.Join(t.TempDir(), "seeds.parallax")
	require.True(t, h.SaveTo(file))
	h.CloseComparison()
	h.OpenWorkspace(file)
	h.next()
	assert.Equal(t, before, rowsOf(h.comp))
	assertOneRowEach(t, h.comp)
}

func TestCloseAsksAboutUnsavedWork(t *testing.T) {
	h := realHarness(t)
	dir := t.TempDir()
	drop(h, story(t, dir)...)
	h.next()
	h.SetNote(workspace.Note{Target: workspace.RowTarget(h.comp, 1), Status: report.StatusChecked})
	assert.True(t, h.unsaved())
	h.bound[scClose.ShortcutName()]()
	assert.NotNil(t, h.comp, "not closed: the user is asked first")
	assert.NotNil(t, h.win.Canvas().Overlays().Top(), "the question is shown")

	// opening a saved comparison asks too
	other := filepath.Join(dir, "other.parallax")
	require.NoError(t, workspace.Save(other, h.document()))
	drop(h, other)
	assert.Empty(t, h.SavedPath(), "not opened yet: the user is asked first")

	require.True(t, h.SaveTo(filepath.Join(dir, "x.parallax")))
	assert.False(t, h.unsaved())
	h.bound[scClose.ShortcutName()]()
	assert.Nil(t, h.comp, "saved work closes at once")
}

func TestListAndRemoveCorrections(t *testing.T) {
	h := realHarness(t)
	dir := t.TempDir()
	paths := story(t, dir)
	drop(h, paths[0], paths[1])
	h.next()
	r := rowOf(h.comp, "daily", 2)
	corr, err := views.UnlinkSource(h.comp, r, 1)
	require.NoError(t, err)
	assert.Equal(t, "Unlinked daily.txt “About 60 homes were evacuated, officials said.” from its row", views.DescribeCorrection(h.comp, corr))
	h.Correct(corr)
	h.next()
	link, err := views.LinkRows(h.comp, rowOf(h.comp, "wire", 2), rowOf(h.comp, "daily", 2))
	require.NoError(t, err)
	assert.Contains(t, views.DescribeCorrection(h.comp, link), "Linked wire.txt “About 40 homes")
	h.Correct(link)
	h.next()
	assert.Equal(t, rowOf(h.comp, "wire", 2), rowOf(h.comp, "daily", 2), "linked again")

	h.showCorrections()
	assert.NotNil(t, h.win.Canvas().Overlays().Top())
	h.RemoveCorrection(1)
	h.next()
	require.Len(t, h.Corrections(), 1)
	assert.Equal(t, workspace.OpUnlink, h.Corrections()[0].Op)
	assert.NotEqual(t, rowOf(h.comp, "wire", 2), rowOf(h.comp, "daily", 2))
}
