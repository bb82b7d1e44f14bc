package cli

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// hostileCase is one bad or unusual input and its documented outcome when it
// is compared with two good sources: skipped with a one-line reason, or used.
type hostileCase struct {
	name   string
	make   func(t *testing.T, dir string) string // writes the input, returns its path
	reason string                                // "" when the input is usable; else a substring of the reason
}

func file(name string, b []byte) func(*testing.T, string) string {
	return func(t *testing.T, dir string) string {
		p := filepath.Join(dir, name)
		require.NoError(t, os.WriteFile(p, b, 0o644))
		return p
	}
}

func utf16le(s string, bom bool) []byte {
	var b []byte
	if bom {
		b = append(b, 0xFF, 0xFE)
	}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

func zipOf(files map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for name, body := range files {
		w, _ := zw.Create(name)
		_, _ = w.Write([]byte(body))
	}
	_ = zw.Close()
	return buf.Bytes()
}

var pngHeader = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa\x00\x00\x00\x00IEND\xaeB`\x82")

var hostileCases = []hostileCase{
	{"empty file", file("empty.txt", nil), "empty"},
	{"only whitespace", file("blank.txt", []byte(" \n\t\r\n  \n")), "whitespace"},
	{"png image", file("photo.txt", pngHeader), "binary"},
	{"zip archive", file("bundle.zip", zipOf(map[string]string{"a.txt": "hello"})), "binary"},
	{"docx that is not Word", file("fake.docx", []byte("this is not a zip at all")), "Word"},
	{"docx zip without document", file("empty.docx", zipOf(map[string]string{"x.xml": "<x/>"})), "Word"},
	{"invalid utf-8 (latin-1)", file("latin1.txt", []byte("Caf\xe9 owners in S\xe3o Paulo said the price rose 12% since August.\n")), ""},
	{"utf-16 without bom", file("wide.txt", utf16le("The council met on Tuesday and voted 7 to 2.\n", false)), ""},
	{"utf-16 with bom", file("wide-bom.txt", utf16le("The council met on Tuesday and voted 7 to 2.\n", true)), ""},
	{"mixed line endings", file("mixed.txt", []byte("Line one.\r\nLine two.\rLine three.\n")), ""},
	{"html with scripts and no article", file("chrome.html", []byte(`<html><head><script>alert(1)</script><style>p{}</style></head><body><iframe src="x"></iframe><script>var a=1;</script></body></html>`)), "no article"},
	{"navigation only page", file("nav.html", []byte(`<html><body><nav><a href="/">Home</a> <a href="/w">World</a> <a href="/s">Sport</a></nav></body></html>`)), "no article"},
	{"directory", func(t *testing.T, dir string) string {
		p := filepath.Join(dir, "folder")
		require.NoError(t, os.Mkdir(p, 0o755))
		return p
	}, "directory"},
	{"missing path", func(t *testing.T, dir string) string { return filepath.Join(dir, "missing.txt") }, "no such file"},
	{"symbolic link loop", func(t *testing.T, dir string) string {
		a, b := filepath.Join(dir, "loop-a.txt"), filepath.Join(dir, "loop-b.txt")
		require.NoError(t, os.Symlink(b, a))
		require.NoError(t, os.Symlink(a, b))
		return a
	}, "link"},
	{"too large", func(t *testing.T, dir string) string {
		p := filepath.Join(dir, "huge.txt")
		f, err := os.Create(p)
		require.NoError(t, err)
		require.NoError(t, f.Truncate(200<<20)) // sparse: costs no disk
		require.NoError(t, f.Close())
		return p
	}, "too large"},
	{"ten megabytes without a line break", func(t *testing.T, dir string) string {
		p := filepath.Join(dir, "oneline.txt")
		require.NoError(t, os.WriteFile(p, bytes.Repeat([]byte("word and more words "), 10<<20/20), 0o644))
		return p
	}, ""},
	{"arabic", file("arabic.txt", []byte("قال المتحدث إن 12 شخصا أصيبوا في الحادث يوم الثلاثاء.\n")), ""},
	{"chinese", file("chinese.txt", []byte("官员说，星期二的事故中有十二人受伤。\n")), ""},
	{"no punctuation", file("nopunct.txt", []byte("the council met on tuesday and voted seven to two\n")), ""},
	{"only numbers", file("numbers.txt", []byte("12 14 15.5 2025 1,200 3:40\n")), ""},
	{"markup in text", file("markup.txt", []byte("A reader wrote <script>alert(1)</script> and <img src=x onerror=alert(2)> and <a href=\"javascript:alert(3)\">this</a>.\n")), ""},
}

func sha(t *testing.T, p string) string {
	b, err := os.ReadFile(p)
	if err != nil {
		return "unreadable"
	}
	return fmt.Sprintf("%x", sha256.Sum256(b))
}

// Each hostile input beside two good sources: exit 0, the good ones compared,
// the bad one named in one line with its reason, no stack trace, and every
// input byte-identical afterwards.
func TestHostileInputs(t *testing.T) {
	for _, c := range hostileCases {
		t.Run(c.name, func(t *testing.T) {
			dir := t.TempDir()
			good := writeFiles(t, map[string]string{"a.txt": storyA, "b.txt": storyB})
			bad := c.make(t, dir)
			inputs := []string{filepath.Join(good, "a.txt"), bad, filepath.Join(good, "b.txt")}
			before := map[string]string{}
			for _, p := range inputs {
				before[p] = sha(t, p)
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
			if c.reason == "" {
				assert.Len(t, doc.Sources, 3, "a usable input is compared: %s", errs)
				assert.Empty(t, strings.TrimSpace(errs))
			} else {
				assert.Len(t, doc.Sources, 2)
				lines := strings.Split(strings.TrimSpace(errs), "\n")
				require.Len(t, lines, 1, "one line per unusable file: %q", errs)
				assert.Contains(t, lines[0], filepath.Base(bad), "the message names the file")
				assert.Contains(t, strings.ToLower(lines[0]), strings.ToLower(c.reason))
			}
			assert.NotContains(t, errs, "goroutine ")
			assert.NotContains(t, errs, "panic")
			for _, p := range inputs {
				assert.Equal(t, before[p], sha(t, p), "input %s was changed", filepath.Base(p))
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
	assert.Contains(t, out, `"id": "a-2"`, "the second copy gets a unique id")
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
