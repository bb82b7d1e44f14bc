package engine

import (
	"os"
	"strconv"
	"testing"

	"parallax/data"
	"parallax/data/align"
	"parallax/data/diff"
	"parallax/data/facts"
	"parallax/data/internal/par"
	"parallax/data/internal/seeds"
	"parallax/data/load"
	"parallax/data/structure"
)

// BenchmarkStages times each stage of a comparison on its own, on 50
// generated versions of 5,000 words (PARALLAX_LARGE_N and PARALLAX_LARGE_W
// change the set), so that `make bench` shows where the time goes. Each
// stage runs as Compare runs it (on every core) and reports its CPU time
// beside the wall time. Each run starts cold: what the stages keep with
// each source (Source.Derived) is dropped first, as for a first comparison.
func BenchmarkStages(b *testing.B) {
	n, w := envInt("PARALLAX_LARGE_N", 50), envInt("PARALLAX_LARGE_W", 5000)
	files := seeds.Large(b, n, w)
	srcs, probs := LoadFiles(files, load.Options{})
	if len(probs) > 0 {
		b.Fatalf("unreadable generated version: %v", probs[0])
	}
	al := align.New(srcs)
	base := al.Base()
	rows := al.Align(base).Rows
	diffs := make([][][]diff.Edit, len(rows))
	par.Each(len(rows), func(r int) { diffs[r] = RowDiffs(srcs, rows[r], base) })

	stage := func(name string, f func()) {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			c0 := seeds.CPUTime()
			for b.Loop() {
				for _, s := range srcs {
					s.PrepareTokens() // keeps the tokens, drops what was derived
				}
				f()
			}
			if c := seeds.CPUTime() - c0; c > 0 {
				b.ReportMetric(c/float64(b.N), "cpu-s/op")
			}
		})
	}
	stage("load", func() {
		par.Each(len(files), func(i int) {
			if _, err := load.File(files[i], load.Options{}); err != nil {
				b.Fatal(err)
			}
		})
	})
	stage("structure", func() {
		par.Each(len(srcs), func(i int) { structure.Analyze(&data.Source{Text: srcs[i].Text}) })
	})
	stage("align", func() {
		a := align.New(srcs)
		a.Align(a.Base())
	})
	stage("diff", func() {
		par.Each(len(rows), func(r int) { RowDiffs(srcs, rows[r], base) })
	})
	stage("similarity", func() { similarity(srcs, rows, diffs) })
	stage("facts", func() { facts.Find(srcs, rows) })
	stage("compare", func() { Compare(srcs, Options{}) })
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}
