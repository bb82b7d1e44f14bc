package align_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"parallax/data"
	"parallax/data/align"
)

func TestSeedsScore(t *testing.T) {
	srcs := readSources(t, sharedDir(t, "seeds"))
	al := align.New(srcs)
	base := al.Base()
	res := al.Align(base)
	m := score(t, srcs, res, "")
	t.Logf("base %s: align.f1 %.3f recall %.3f precision %.3f (%d rows)", srcs[base].ID,
		m["align.f1"], m["align.link_recall"], m["align.pair_precision"], len(res.Rows))
	// a regression floor, below the measured figure (see doc.go)
	assert.GreaterOrEqual(t, m["align.f1"], 0.80)
}

// TestSweep prints the align scores over a grid of tunables, e.g.
// ALIGN_SWEEP="minLink=0.15,0.2;maxRun=2,3", on the seeds, the ferry fixture
// and the engine's held-out stories.
func TestSweep(t *testing.T) {
	if os.Getenv("ALIGN_SWEEP") == "" {
		t.Skip("set ALIGN_SWEEP to sweep the tunables")
	}
	type set struct {
		name, gold string
		srcs       []*data.Source
	}
	var sets []set
	if dir, ok := trySharedDir("seeds"); ok {
		sets = append(sets, set{"seeds", "", readSources(t, dir)})
	}
	dirs, _ := filepath.Glob(filepath.Join("..", "engine", "testdata", "stories", "*", "gold.json"))
	dirs = append(dirs, filepath.Join("testdata", "ferry", "gold.json"))
	for _, g := range dirs {
		sets = append(sets, set{filepath.Base(filepath.Dir(g)), g, readSources(t, filepath.Dir(g))})
	}
	var grid [][2]any
	for _, f := range strings.Split(os.Getenv("ALIGN_SWEEP"), ";") {
		name, vals, ok := strings.Cut(f, "=")
		if !ok {
			continue
		}
		grid = append(grid, [2]any{name, strings.Split(vals, ",")})
	}
	var rec func(i int, desc string)
	rec = func(i int, desc string) {
		if i == len(grid) {
			line, sum, lo := "", 0.0, 1.0
			for _, st := range sets {
				al := align.New(st.srcs)
				m := score(t, st.srcs, al.Align(al.Base()), st.gold)
				f1 := m["align.f1"]
				line += fmt.Sprintf(" %s %.3f", st.name[:min(5, len(st.name))], f1)
				sum += f1
				lo = min(lo, f1)
			}
			t.Logf("%-40s mean %.3f min %.3f |%s", desc, sum/float64(len(sets)), lo, line)
			return
		}
		name := grid[i][0].(string)
		for _, v := range grid[i][1].([]string) {
			x, _ := strconv.ParseFloat(v, 64)
			restore := align.SetParam(name, x)
			rec(i+1, desc+" "+name+"="+v)
			restore()
		}
	}
	rec(0, "")
}

func TestFixtureScore(t *testing.T) {
	dir := filepath.Join("testdata", "ferry")
	srcs := readSources(t, dir)
	al := align.New(srcs)
	base := al.Base()
	res := al.Align(base)
	m := score(t, srcs, res, filepath.Join(dir, "gold.json"))
	t.Logf("base %s: align.f1 %.3f recall %.3f precision %.3f (%d rows)", srcs[base].ID,
		m["align.f1"], m["align.link_recall"], m["align.pair_precision"], len(res.Rows))
	assert.GreaterOrEqual(t, m["align.f1"], 0.95)
}
