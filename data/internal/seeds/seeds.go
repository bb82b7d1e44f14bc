// Package seeds finds the real articles beside the repository (../shared/seeds)
// for tests and benchmarks, which skip with a clear message when they are absent.
package seeds

import (
	"os"
	"path/filepath"
	"sort"
	"testing"
)

// Files returns the seed article paths, or skips tb when they are not there.
func Files(tb testing.TB) []string {
	tb.Helper()
	dir := Dir()
	if dir == "" {
		tb.Skip("seed articles absent: expected ../shared/seeds beside the repository")
	}
	m, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	sort.Strings(m)
	if len(m) == 0 {
		tb.Skip("seed articles absent: ../shared/seeds holds no .txt files")
	}
	return m
}

// Dir returns the seeds directory, walking up from the working directory, or "".
func Dir() string {
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	for d := wd; ; d = filepath.Dir(d) {
		p := filepath.Join(d, "shared", "seeds")
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p
		}
		if filepath.Dir(d) == d {
			return ""
		}
	}
}

// Gold returns the path of the seeds' gold file, or "".
func Gold() string {
	d := Dir()
	if d == "" {
		return ""
	}
	p := filepath.Join(filepath.Dir(d), "eval", "seeds-gold.json")
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}
