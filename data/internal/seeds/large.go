package seeds

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"sync"
	"testing"
)

var (
	largeMu   sync.Mutex
	largeDirs = map[[2]int]string{}
)

// Large returns n generated versions of about w words each, written by
// ../shared/eval/gen-versions.py from the seed articles (or the files in
// $PARALLAX_LARGE_DIR when set), for the scale benchmarks. It skips tb when
// the generator, the seeds or python3 are missing. A set is generated once
// per machine: it is kept in the temporary directory for later runs.
func Large(tb testing.TB, n, w int) []string {
	tb.Helper()
	dir := os.Getenv("PARALLAX_LARGE_DIR")
	if dir == "" {
		var err error
		if dir, err = generate(n, w); err != nil {
			tb.Skip(err.Error())
		}
	}
	var files []string
	for _, pat := range []string{"*.txt", "*.md", "*.html"} {
		m, _ := filepath.Glob(filepath.Join(dir, pat))
		files = append(files, m...)
	}
	sort.Strings(files)
	if len(files) == 0 {
		tb.Skipf("no versions in %s", dir)
	}
	return files
}

func generate(n, w int) (string, error) {
	largeMu.Lock()
	defer largeMu.Unlock()
	if d, ok := largeDirs[[2]int{n, w}]; ok {
		return d, nil
	}
	sd := Dir()
	if sd == "" {
		return "", fmt.Errorf("seed articles absent: expected ../shared/seeds beside the repository")
	}
	gen := filepath.Join(filepath.Dir(sd), "eval", "gen-versions.py")
	if _, err := os.Stat(gen); err != nil {
		return "", fmt.Errorf("generator absent: expected ../shared/eval/gen-versions.py beside the repository")
	}
	if _, err := exec.LookPath("python3"); err != nil {
		return "", fmt.Errorf("python3 absent: cannot generate the large set")
	}
	final := filepath.Join(os.TempDir(), fmt.Sprintf("parallax-bench-%dx%d", n, w))
	if m, _ := filepath.Glob(filepath.Join(final, "*")); len(m) >= n {
		largeDirs[[2]int{n, w}] = final
		return final, nil
	}
	dir, err := os.MkdirTemp("", fmt.Sprintf("parallax-bench-%dx%d-", n, w))
	if err != nil {
		return "", err
	}
	if out, err := exec.Command("python3", gen, sd, dir, strconv.Itoa(n), strconv.Itoa(w)).CombinedOutput(); err != nil {
		os.RemoveAll(dir)
		return "", fmt.Errorf("generator failed: %v: %s", err, out)
	}
	// whole or not at all: a run cut short leaves no partial set behind
	os.RemoveAll(final)
	if err := os.Rename(dir, final); err != nil {
		largeDirs[[2]int{n, w}] = dir
		return dir, nil
	}
	largeDirs[[2]int{n, w}] = final
	return final, nil
}
