package cli

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"parallax/data/engine"
)

const storyA = `Harbour bridge reopens after storm

The Kestrel Bay bridge reopened on Monday after a storm closed it for two days.
At least 40 people were hurt when the storm struck, officials said.
"We will rebuild the sea wall before winter," Mayor Ana Lindqvist said.
`

const storyB = `Storm-hit bridge opens again

Officials said nearly 35 people were injured in the storm.
The bridge at Kestrel Bay opened again on Monday, 48 hours after the storm closed it.
"We will rebuild the wall before winter," said Lindqvist.
`

func writeFiles(t *testing.T, files map[string]string) string {
	dir := t.TempDir()
	for name, text := range files {
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
	}
	return dir
}

func run(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Compare(args, &out, &errb)
	return code, out.String(), errb.String()
}

func TestCompareExitCodes(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": storyA, "b.txt": storyB, "empty.txt": "  \n"})
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	cases := []struct {
		name     string
		args     []string
		code     int
		stderr   string // a substring of the standard error, "" for none expected
		stdoutOK bool
	}{
		{"two files", []string{a, b}, ExitOK, "", true},
		{"json", []string{"--format", "json", a, b}, ExitOK, "", true},
		{"html", []string{"--format=html", a, b}, ExitOK, "", true},
		{"no files", nil, ExitUsage, "no files given", false},
		{"unknown flag", []string{"--colour", a, b}, ExitUsage, "flag provided but not defined", false},
		{"unknown format", []string{"--format", "pdf", a, b}, ExitUsage, `unknown format "pdf"`, false},
		{"unknown base", []string{"--base", "zzz", a, b}, ExitUsage, `no source has the ID "zzz"`, false},
		{"one file", []string{a}, ExitTooFew, "need at least two usable sources, have 1", false},
		{"missing file skipped", []string{a, filepath.Join(dir, "nope.txt"), b}, ExitOK, "nope.txt", true},
		{"empty file skipped, too few", []string{a, filepath.Join(dir, "empty.txt")}, ExitTooFew, "empty.txt", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			code, out, errs := run(c.args...)
			assert.Equal(t, c.code, code, errs)
			if c.stderr != "" {
				assert.Contains(t, errs, c.stderr)
			}
			assert.Equal(t, c.stdoutOK, out != "", "standard output")
			assert.NotContains(t, errs, "goroutine ", "no stack trace reaches the user")
			for _, line := range strings.Split(strings.TrimSpace(errs), "\n") {
				assert.NotContains(t, line, "\t", "messages are single plain lines")
			}
		})
	}
}

func TestCompareJSONContract(t *testing.T) {
	dir := writeFiles(t, map[string]string{"first.txt": storyA, "second.md": storyB})
	code, out, errs := run("--format", "json", "--base", "second", filepath.Join(dir, "first.txt"), filepath.Join(dir, "second.md"))
	require.Equal(t, ExitOK, code, errs)
	var doc struct {
		Format  string `json:"format"`
		Base    string `json:"base"`
		Sources []struct {
			ID         string `json:"id"`
			Text       string `json:"text"`
			Paragraphs []struct {
				Kind      string `json:"kind"`
				Start     int    `json:"start"`
				End       int    `json:"end"`
				Sentences []struct {
					ID         string `json:"id"`
					Start, End int
				} `json:"sentences"`
			} `json:"paragraphs"`
		} `json:"sources"`
		Rows []struct {
			Cells []struct {
				Source    string   `json:"source"`
				Sentences []string `json:"sentences"`
			} `json:"cells"`
		} `json:"rows"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	assert.Equal(t, "parallax.comparison/1", doc.Format)
	assert.Equal(t, "second", doc.Base)
	require.Len(t, doc.Sources, 2)
	assert.Equal(t, "first", doc.Sources[0].ID)
	ids := map[string]bool{}
	for _, s := range doc.Sources {
		assert.NotEmpty(t, s.Paragraphs)
		for _, p := range s.Paragraphs {
			assert.True(t, 0 <= p.Start && p.Start < p.End && p.End <= len(s.Text))
			for _, se := range p.Sentences {
				assert.True(t, p.Start <= se.Start && se.Start < se.End && se.End <= p.End)
				ids[s.ID+"/"+se.ID] = true
			}
		}
	}
	seen := map[string]bool{}
	for _, r := range doc.Rows {
		for _, c := range r.Cells {
			for _, sid := range c.Sentences {
				key := c.Source + "/" + sid
				assert.True(t, ids[key], "row names an unknown sentence %s", key)
				assert.False(t, seen[key], "sentence %s in two rows", key)
				seen[key] = true
			}
		}
	}
}

// A bug anywhere in the comparison is reported in one line naming the inputs,
// never as a stack trace.
func TestComparePanicIsOneLine(t *testing.T) {
	Writers["boom"] = func(io.Writer, *engine.Comparison) error { panic("index out of range\n\tgoroutine 1") }
	defer delete(Writers, "boom")
	dir := writeFiles(t, map[string]string{"a.txt": storyA, "b.txt": storyB})
	code, _, errs := run("--format", "boom", filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt"))
	assert.Equal(t, ExitInternal, code)
	assert.Equal(t, "parallax: internal error while comparing a.txt, b.txt (please report it): index out of range goroutine 1\n", errs)
}
