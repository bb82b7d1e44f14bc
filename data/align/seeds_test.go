package align_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

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
	assert.GreaterOrEqual(t, m["align.f1"], 0.75)
}

// TestSweep prints the seeds' score over a grid of tunables (ALIGN_SWEEP=1).
func TestSweep(t *testing.T) {
	if os.Getenv("ALIGN_SWEEP") == "" {
		t.Skip("set ALIGN_SWEEP=1 to sweep the tunables")
	}
	srcs := readSources(t, sharedDir(t, "seeds"))
	gold := ""
	if os.Getenv("ALIGN_SET") == "ferry" {
		srcs = readSources(t, filepath.Join("testdata", "ferry"))
		gold = filepath.Join("testdata", "ferry", "gold.json")
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
			al := align.New(srcs)
			res := al.Align(al.Base())
			m := score(t, srcs, res, gold)
			t.Logf("%-50s f1 %.3f R %.3f P %.3f", desc, m["align.f1"], m["align.link_recall"], m["align.pair_precision"])
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
