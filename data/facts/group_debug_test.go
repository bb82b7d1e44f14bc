package facts

import (
	"fmt"
	"os"
	"testing"
)

// The debug tests print link scores for tuning; they run only when asked:
//
//	FACTS_LINKS=count:people go test -run DebugLinks -v ./data/facts/
//	FACTS_FILES="a.txt b.txt" picks other files than the seeds.

func TestDebugPairs(t *testing.T) {
	if os.Getenv("FACTS_DEBUG") == "" {
		t.Skip()
	}
	srcs, rows := loadSeeds(t)
	ms := collect(srcs, rows)
	w := buildIDF(ms, srcs)
	for i, a := range ms {
		for _, b := range ms[i+1:] {
			if a.Source == b.Source && a.Sentence == b.Sentence {
				continue
			}
			s := w.link(a, b)
			if s < 0 || dimension(a.Number) != os.Getenv("FACTS_DEBUG") {
				continue
			}
			fmt.Printf("%.3f ctx=%.3f %d:%q(r%d) ~ %d:%q(r%d) %v\n", s, w.ctxSim(a, b), a.Source, a.Text, a.Row, b.Source, b.Text, b.Row, compare(a.claim, b.claim))
		}
	}
}

func TestDebugSweep(t *testing.T) {
	if os.Getenv("FACTS_SWEEP") == "" {
		t.Skip()
	}
	srcs, rows := loadSeeds(t)
	for _, win := range []int{5, 8, 12} {
		for _, nw := range []float64{1, 2, 3, 5} {
			for _, ip := range []float64{0.5, 1} {
				nearWindow, nearWeight, idfPow = win, nw, ip
				ms := collect(srcs, rows)
				w := buildIDF(ms, srcs)
				get := func(src int, text string, row int) *mention {
					for _, m := range ms {
						if m.Source == src && m.Text == text && (row < 0 || m.Row == row) {
							return m
						}
					}
					t.Fatalf("no %d %q", src, text)
					return nil
				}
				p70 := get(3, "nearly 70 people", -1)
				p75 := get(2, "at least 75 people", -1)
				p75b := get(0, "at least 75 people", -1)
				sep4 := get(1, "Since September", -1)
				sep5 := get(1, "since September", -1)
				aug0 := get(0, "since August", -1)
				aug1 := get(1, "since August", -1)
				aug2 := get(2, "since August", -1)
				oct := get(0, "In October", -1)
				fmt.Printf("win=%d nw=%.0f ip=%.1f | 70~75 %.2f %.2f | sep4~aug %.2f %.2f %.2f | sep5~aug %.2f %.2f | aug1~aug0 %.2f | oct~sep5 %.2f\n", win, nw, ip,
					w.ctxSim(p70, p75), w.ctxSim(p70, p75b), w.ctxSim(sep4, aug0), w.ctxSim(sep4, aug1), w.ctxSim(sep4, aug2), w.ctxSim(sep5, aug0), w.ctxSim(sep5, aug2), w.ctxSim(aug1, aug0), w.ctxSim(oct, sep5))
			}
		}
	}
}

func TestDebugLinks(t *testing.T) {
	dim := os.Getenv("FACTS_LINKS")
	if dim == "" {
		t.Skip()
	}
	srcs, rows := loadSeeds(t)
	ms := collect(srcs, rows)
	markSole(ms)
	w := buildIDF(ms, srcs)
	w.cooc = cooccur(group(ms, w))
	for i, a := range ms {
		for _, b := range ms[i+1:] {
			s := w.link(a, b)
			if s < 0 || dimension(a.Number) != dim {
				continue
			}
			fmt.Printf("%.3f ctx=%.3f %d:%q(r%d) ~ %d:%q(r%d) %v\n", s, w.ctxSim(a, b), a.Source, a.Text, a.Row, b.Source, b.Text, b.Row, compare(a.claim, b.claim))
		}
	}
}

func BenchmarkFactsFiles(b *testing.B) {
	if os.Getenv("FACTS_FILES") == "" {
		b.Skip("set FACTS_FILES")
	}
	srcs, rows := loadSeeds(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ms := collect(srcs, rows)
		markSole(ms)
		w := buildIDF(ms, srcs)
		w.cooc = cooccur(group(ms, w))
		group(ms, w)
	}
}
