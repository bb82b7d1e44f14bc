package cli

import (
	"bytes"
	"encoding/csv"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"parallax/data/report"
	"parallax/data/workspace"
)

const storyC = `Kestrel Bay bridge back in use

The bridge reopened on Monday. At least 40 people were hurt in the storm.
`

func TestCompareSaveAndReopen(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": storyA, "b.txt": storyB, "c.txt": storyC})
	a, b, c := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt"), filepath.Join(dir, "c.txt")
	saved := filepath.Join(dir, "story.parallax")

	// --save alone writes the file and no report
	code, out, errs := run("--save", saved, "--base", "b", a, b)
	require.Equal(t, ExitOK, code, errs)
	assert.Empty(t, out)
	assert.Contains(t, errs, "saved "+saved+" (2 sources)")

	// the same comparison from the saved file, without the original files
	_, want, _ := run("--format", "json", "--base", "b", a, b)
	require.NoError(t, os.Remove(a))
	require.NoError(t, os.Remove(b))
	code, got, errs := run("--format", "json", saved)
	require.Equal(t, ExitOK, code, errs)
	assert.Equal(t, want, got)

	// a saved comparison plus a new file, saved again with --format too
	saved2 := filepath.Join(dir, "more.parallax")
	code, out, errs = run("--format", "md", "--save", saved2, saved, c)
	require.Equal(t, ExitOK, code, errs)
	assert.Contains(t, out, "3 sources")
	ws, err := workspace.Open(saved2)
	require.NoError(t, err)
	assert.Len(t, ws.Records, 3)
	assert.Equal(t, "b", ws.Options.Base)
}

func TestCompareWorkspaceNotesInExports(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": storyA, "b.txt": storyB})
	saved := filepath.Join(dir, "s.parallax")
	code, _, errs := run("--save", saved, filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt"))
	require.Equal(t, ExitOK, code, errs)
	ws, err := workspace.Open(saved)
	require.NoError(t, err)
	c, _ := ws.Compare()
	require.NotEmpty(t, c.Rows)
	ws.SetNote(workspace.Note{Target: workspace.RowTarget(c, 0), Status: report.StatusChecked, Text: "Confirmed by phone"})
	require.NoError(t, workspace.Save(saved, ws))

	for _, f := range []string{"text", "html", "md", "json"} {
		code, out, errs := run("--format", f, saved)
		require.Equal(t, ExitOK, code, errs)
		assert.Contains(t, out, "Confirmed by phone", f)
	}
}

func TestCompareNewFormats(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": storyA, "b.txt": storyB})
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	code, out, errs := run("--format", "csv", a, b)
	require.Equal(t, ExitOK, code, errs)
	recs, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	require.NoError(t, err)
	assert.Equal(t, report.CSVHeader, recs[0])

	code, out, errs = run("--format", "md", a, b)
	require.Equal(t, ExitOK, code, errs)
	assert.True(t, strings.HasPrefix(out, "# Parallax comparison"), out)
}

func TestCompareSaveRefusals(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": storyA, "b.txt": storyB, "bad.parallax": `{"format": "parallax.workspace/1", "sources": [`,
		"new.parallax": `{"format": "parallax.workspace/9"}`})
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	before, _ := os.ReadFile(a)

	code, _, errs := run("--save", a, a, b)
	assert.Equal(t, ExitUsage, code)
	assert.Contains(t, errs, "--save needs a file name ending in .parallax")
	after, _ := os.ReadFile(a)
	assert.Equal(t, before, after, "the input is untouched")

	// damaged and newer files are skipped with a message naming them; the others still compared
	bad, newer := filepath.Join(dir, "bad.parallax"), filepath.Join(dir, "new.parallax")
	code, _, errs = run(bad, newer, a, b)
	assert.Equal(t, ExitOK, code)
	assert.Contains(t, errs, bad+": not a Parallax comparison (damaged: unexpected end of JSON)")
	assert.Contains(t, errs, newer+": made by a newer Parallax (format 9)")

	// a directory that does not exist: the save fails, nothing else breaks
	code, _, errs = run("--save", filepath.Join(dir, "no", "x.parallax"), a, b)
	assert.Equal(t, ExitSave, code)
	assert.Contains(t, errs, "cannot save")
	var buf bytes.Buffer
	buf.WriteString(errs)
	assert.NotContains(t, buf.String(), "goroutine")
}
