// Package hostile is the corpus of bad and unusual inputs that the command
// line and the window are both tested against, with the documented outcome
// of each (README: "Files that cannot be used").
package hostile

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf16"

	"github.com/stretchr/testify/require"
)

// Case is one bad or unusual input and its documented outcome when it
// is compared with two good sources: skipped with a one-line reason, or used.
type Case struct {
	Name   string
	Make   func(t testing.TB, dir string) string // writes the input, returns its path
	Reason string                                // "" when the input is usable; else a substring of the one-line reason
	// WindowReason, when set, is the window's outcome where it differs
	// from the command line's (a dropped folder is opened, not refused).
	WindowReason string
}

func file(name string, b []byte) func(testing.TB, string) string {
	return func(t testing.TB, dir string) string {
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

// Cases is the corpus of bad inputs: each is written at test time (the large
// ones sparse or generated), so nothing large is kept in the repository.
var Cases = []Case{
	{"empty file", file("empty.txt", nil), "empty", ""},
	{"only whitespace", file("blank.txt", []byte(" \n\t\r\n  \n")), "whitespace", ""},
	{"png image", file("photo.txt", pngHeader), "binary", ""},
	{"zip archive", file("bundle.zip", zipOf(map[string]string{"a.txt": "hello"})), "binary", ""},
	{"docx that is not Word", file("fake.docx", []byte("this is not a zip at all")), "Word", ""},
	{"docx zip without document", file("empty.docx", zipOf(map[string]string{"x.xml": "<x/>"})), "Word", ""},
	{"invalid utf-8 (latin-1)", file("latin1.txt", []byte("Caf\xe9 owners in S\xe3o Paulo said the price rose 12% since August.\n")), "", ""},
	{"utf-16 without bom", file("wide.txt", utf16le("The council met on Tuesday and voted 7 to 2.\n", false)), "", ""},
	{"utf-16 with bom", file("wide-bom.txt", utf16le("The council met on Tuesday and voted 7 to 2.\n", true)), "", ""},
	{"mixed line endings", file("mixed.txt", []byte("Line one.\r\nLine two.\rLine three.\n")), "", ""},
	{"html with scripts and no article", file("chrome.html", []byte(`<html><head><script>alert(1)</script><style>p{}</style></head><body><iframe src="x"></iframe><script>var a=1;</script></body></html>`)), "no article", ""},
	{"navigation only page", file("nav.html", []byte(`<html><body><nav><a href="/">Home</a> <a href="/w">World</a> <a href="/s">Sport</a></nav></body></html>`)), "no article", ""},
	{"directory", func(t testing.TB, dir string) string {
		p := filepath.Join(dir, "folder")
		require.NoError(t, os.Mkdir(p, 0o755))
		return p
	}, "directory", "no text, markdown, html or word files in folder"},
	{"missing path", func(t testing.TB, dir string) string { return filepath.Join(dir, "missing.txt") }, "no such file", ""},
	{"symbolic link loop", func(t testing.TB, dir string) string {
		a, b := filepath.Join(dir, "loop-a.txt"), filepath.Join(dir, "loop-b.txt")
		require.NoError(t, os.Symlink(b, a))
		require.NoError(t, os.Symlink(a, b))
		return a
	}, "link", ""},
	{"too large", func(t testing.TB, dir string) string {
		p := filepath.Join(dir, "huge.txt")
		f, err := os.Create(p)
		require.NoError(t, err)
		require.NoError(t, f.Truncate(200<<20)) // sparse: costs no disk
		require.NoError(t, f.Close())
		return p
	}, "too large", ""},
	{"ten megabytes without a line break", func(t testing.TB, dir string) string {
		p := filepath.Join(dir, "oneline.txt")
		require.NoError(t, os.WriteFile(p, bytes.Repeat([]byte("word and more words "), 10<<20/20), 0o644))
		return p
	}, "", ""},
	{"arabic", file("arabic.txt", []byte("قال المتحدث إن 12 شخصا أصيبوا في الحادث يوم الثلاثاء.\n")), "", ""},
	{"chinese", file("chinese.txt", []byte("官员说，星期二的事故中有十二人受伤。\n")), "", ""},
	{"no punctuation", file("nopunct.txt", []byte("the council met on tuesday and voted seven to two\n")), "", ""},
	{"only numbers", file("numbers.txt", []byte("12 14 15.5 2025 1,200 3:40\n")), "", ""},
	{"markup in text", file("markup.txt", []byte("A reader wrote <script>alert(1)</script> and <img src=x onerror=alert(2)> and <a href=\"javascript:alert(3)\">this</a>.\n")), "", ""},
}

// Hash is the SHA-256 of a file's content, "unreadable" when it cannot be
// read: inputs must be byte-identical after every run.
func Hash(path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		return "unreadable"
	}
	return fmt.Sprintf("%x", sha256.Sum256(b))
}
