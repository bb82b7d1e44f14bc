package cli

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"parallax/app/internal/hostile"
)

// Each hostile input beside two good sources: exit 0, the good ones compared,
// the bad one named in one line with its reason, no stack trace, and every
// input byte-identical afterwards.
func TestHostileInputs(t *testing.T) {
	for _, c := range hostile.Cases {
		t.Run(c.Name, func(t *testing.T) {
			dir := t.TempDir()
			good := writeFiles(t, map[string]string{"a.txt": storyA, "b.txt": storyB})
			bad := c.Make(t, dir)
			inputs := []string{filepath.Join(good, "a.txt"), bad, filepath.Join(good, "b.txt")}
			before := map[string]string{}
			for _, p := range inputs {
				before[p] = hostile.Hash(p)
			}
			code, out, errs := run(append([]string{"--format", "json"}, inputs...)...)
			require.Equal(t, ExitOK, code, errs)
			var doc struct {
				Sources []struct{ ID, Text string } `json:"sources"`
			}
			require.NoError(t, json.Unmarshal([]byte(out), &doc))
			ids := []string{}
			for _, s := range doc.Sources {
				ids = append(ids, s.ID)
			}
			assert.Contains(t, ids, "a")
			assert.Contains(t, ids, "b")
			if c.Reason == "" {
				assert.Len(t, doc.Sources, 3, "a usable input is compared: %s", errs)
				assert.Empty(t, strings.TrimSpace(errs))
			} else {
				assert.Len(t, doc.Sources, 2)
				lines := strings.Split(strings.TrimSpace(errs), "\n")
				require.Len(t, lines, 1, "one line per unusable file: %q", errs)
				assert.Contains(t, lines[0], filepath.Base(bad), "the message names the file")
				assert.Contains(t, strings.ToLower(lines[0]), strings.ToLower(c.Reason))
			}
			assert.NotContains(t, errs, "goroutine ")
			assert.NotContains(t, errs, "panic")
			for _, p := range inputs {
				assert.Equal(t, before[p], hostile.Hash(p), "input %s was changed", filepath.Base(p))
			}
		})
	}
}

func TestUnreadableFile(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("permissions differ on Windows")
	}
	dir := writeFiles(t, map[string]string{"a.txt": storyA, "b.txt": storyB, "secret.txt": storyB})
	secret := filepath.Join(dir, "secret.txt")
	require.NoError(t, os.Chmod(secret, 0))
	defer os.Chmod(secret, 0o644)
	if f, err := os.Open(secret); err == nil {
		f.Close()
		t.Skip("running with privileges that read any file (root): permission denial cannot be staged")
	}
	code, _, errs := run(filepath.Join(dir, "a.txt"), secret, filepath.Join(dir, "b.txt"))
	assert.Equal(t, ExitOK, code)
	assert.Contains(t, errs, "secret.txt")
	assert.Contains(t, errs, "permission denied")
}

func TestSameFileTwice(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.txt": storyA, "b.txt": storyB})
	a := filepath.Join(dir, "a.txt")
	code, out, errs := run("--format", "json", a, a, filepath.Join(dir, "b.txt"))
	require.Equal(t, ExitOK, code, errs)
	var doc struct{ Sources []struct{ ID string } }
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	var ids []string
	for _, s := range doc.Sources {
		ids = append(ids, s.ID)
	}
	assert.Equal(t, []string{"a", "a-2", "b"}, ids, "the second copy gets a unique id")
}

func TestAllIdenticalAndManySources(t *testing.T) {
	files := map[string]string{}
	for i := 0; i < 100; i++ {
		files[fmt.Sprintf("copy%03d.txt", i)] = storyA
	}
	dir := writeFiles(t, files)
	paths, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	code, out, errs := run(append([]string{"--format", "json"}, paths...)...)
	require.Equal(t, ExitOK, code, errs)
	var doc struct {
		Sources []json.RawMessage `json:"sources"`
		Rows    []struct {
			Cells []json.RawMessage `json:"cells"`
		} `json:"rows"`
	}
	require.NoError(t, json.Unmarshal([]byte(out), &doc))
	assert.Len(t, doc.Sources, 100)
}
