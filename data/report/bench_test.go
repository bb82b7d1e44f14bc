package report

import (
	"io"
	"os"
	"path/filepath"
	"testing"

	"parallax/data/engine"
	"parallax/data/load"
)

// seedFiles finds the shared seed articles by walking up from the package
// directory; nil when they are not there.
func seedFiles() []string {
	dir, _ := os.Getwd()
	for {
		m, _ := filepath.Glob(filepath.Join(dir, "shared", "seeds", "*.txt"))
		if len(m) > 0 {
			return m
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return nil
		}
		dir = parent
	}
}

// BenchmarkWriters writes every format for the seeds' comparison.
func BenchmarkWriters(b *testing.B) {
	files := seedFiles()
	if len(files) == 0 {
		b.Skip("the shared seeds are not next to the repository")
	}
	srcs, _ := engine.LoadFiles(files, load.Options{})
	c := engine.Compare(srcs, engine.Options{})
	for _, w := range writers {
		b.Run(w.name, func(b *testing.B) {
			for b.Loop() {
				if err := w.w(io.Discard, c, Options{}); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
