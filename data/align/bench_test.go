package align_test

import (
	"os"
	"testing"

	"parallax/data/align"
)

// BenchmarkAlignSeeds aligns the five seed articles (matching, clustering,
// ordering), structure analysis excluded.
func BenchmarkAlignSeeds(b *testing.B) {
	srcs := readSources(b, sharedDir(b, "seeds"))
	b.ResetTimer()
	for b.Loop() {
		align.New(srcs).Align(0)
	}
}

// BenchmarkAlignLarge aligns the versions in $ALIGN_LARGE (a directory
// written by gen-versions.py, e.g. 50 versions of 10,000 words), or skips.
func BenchmarkAlignLarge(b *testing.B) {
	dir := os.Getenv("ALIGN_LARGE")
	if dir == "" {
		b.Skip("set ALIGN_LARGE to a directory of generated versions")
	}
	srcs := readSources(b, dir)
	b.ResetTimer()
	for b.Loop() {
		align.New(srcs).Align(0)
	}
}
