package load

import (
	"os"
	"path/filepath"
	"strings"

	"parallax/data"
)

// Options bounds what Load accepts.
type Options struct {
	MaxBytes int64 // files larger than this are refused without being read; 0 means DefaultMaxBytes
}

// DefaultMaxBytes is the largest input file accepted by default.
const DefaultMaxBytes = 50 << 20

// File reads one file into a Source (Text decoded; no paragraphs yet). The
// error is a *data.Problem naming the file with a one-line reason.
// STUB: plain UTF-8 text only; replaced by the loader work.
func File(path string, opt Options) (*data.Source, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, &data.Problem{Path: path, Reason: "cannot read"}
	}
	if strings.TrimSpace(string(b)) == "" {
		return nil, &data.Problem{Path: path, Reason: "empty file"}
	}
	base := filepath.Base(path)
	return &data.Source{
		ID: strings.TrimSuffix(base, filepath.Ext(base)), Name: base, Path: path,
		Format: "txt", Encoding: "utf-8", Text: strings.ReplaceAll(string(b), "\r\n", "\n"),
	}, nil
}

// UniqueIDs makes the IDs of srcs unique in place ("a", "a-2", "a-3"), keeping the first as it is.
func UniqueIDs(srcs []*data.Source) {
	seen := map[string]bool{}
	for _, s := range srcs {
		id := s.ID
		for n := 2; seen[id]; n++ {
			id = s.ID + "-" + itoa(n)
		}
		seen[id] = true
		s.ID = id
	}
}

func itoa(n int) string {
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
