package facts

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"parallax/data"
	"parallax/data/align"
	"parallax/data/load"
)

// A story fixture is a directory of versions (*.txt) with expect.txt:
//
//	conflict: a:substring | c:substring   one Disagree fact holds both mentions
//	same: a:substring | b:substring       one fact holds both (agreeing)
//	apart: a:substring | a:substring      never together in a Disagree fact
//
// "a" names a.txt; the substring must lie inside a mention (or hold one).
type expectation struct {
	kind string
	x, y ref
}

type ref struct{ file, text string }

func loadStory(t testing.TB, dir string) ([]*data.Source, []expectation) {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	sort.Strings(files)
	var srcs []*data.Source
	for _, f := range files {
		if filepath.Base(f) == "expect.txt" {
			continue
		}
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		s := load.Text(strings.TrimSuffix(filepath.Base(f), ".txt"), string(b))
		simpleAnalyze(s)
		srcs = append(srcs, s)
	}
	var exps []expectation
	fh, err := os.Open(filepath.Join(dir, "expect.txt"))
	require.NoError(t, err)
	defer fh.Close()
	sc := bufio.NewScanner(fh)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		kind, rest, _ := strings.Cut(line, ":")
		a, b, _ := strings.Cut(rest, "|")
		parse := func(s string) ref {
			f, txt, _ := strings.Cut(strings.TrimSpace(s), ":")
			return ref{f, txt}
		}
		exps = append(exps, expectation{strings.TrimSpace(kind), parse(a), parse(b)})
	}
	return srcs, exps
}

// simpleAnalyze splits a fixture into paragraphs at blank lines (the first
// is the headline) and sentences after ". ", so that the fixtures test the
// facts, not the structure heuristics.
func simpleAnalyze(s *data.Source) {
	s.Paragraphs, s.Sentences = nil, nil
	at := 0
	for _, block := range strings.SplitAfter(s.Text, "\n\n") {
		start, end := at, at+len(block)
		at = end
		t := strings.TrimSpace(block)
		if t == "" {
			continue
		}
		start += strings.Index(block, t)
		end = start + len(t)
		kind := data.KindBody
		if len(s.Paragraphs) == 0 {
			kind = data.KindHeadline
		}
		pi := len(s.Paragraphs)
		p := data.Paragraph{Kind: kind, Start: start, End: end, First: len(s.Sentences)}
		ss := start
		for i := start; i < end; i++ {
			if i == end-1 || (s.Text[i] == '.' && i+2 < end && s.Text[i+1] == ' ' && s.Text[i+2] >= 'A' && s.Text[i+2] <= 'Z' && !strings.HasSuffix(s.Text[ss:i], " Dec") && !strings.HasSuffix(s.Text[ss:i], " Jan")) {
				s.Sentences = append(s.Sentences, data.Sentence{ID: fmt.Sprintf("p%ds%d", pi+1, p.N+1), Para: pi, Start: ss, End: i + 1})
				p.N++
				ss = i + 2
			}
		}
		s.Paragraphs = append(s.Paragraphs, p)
	}
}

// stubRows puts every story sentence in a row of its own, as an aligner
// that found nothing would.
func stubRows(srcs []*data.Source) []align.Row {
	var rows []align.Row
	for si, s := range srcs {
		for i := range s.Sentences {
			if !s.Story(i) {
				continue
			}
			r := align.Row{Cells: make([]align.Cell, len(srcs))}
			r.Cells[si].Sentences = []int{i}
			rows = append(rows, r)
		}
	}
	return rows
}

// factOf returns the index of the fact holding a mention that overlaps the
// referenced text, or -1.
func factOf(srcs []*data.Source, res Result, r ref) (int, bool) {
	for si, s := range srcs {
		if s.ID != r.file {
			continue
		}
		at := strings.Index(s.Text, r.text)
		if at < 0 {
			return -1, false
		}
		end := at + len(r.text)
		for fi, f := range res.Numbers {
			for _, m := range f.Mentions {
				if m.Source == si && m.Start < end && at < m.End {
					return fi, true
				}
			}
		}
		return -1, true
	}
	return -1, false
}

type storyScore struct{ conflicts, caught, alarms, goodAlarms, same, sameOK, apart, apartOK int }

func checkStory(t *testing.T, srcs []*data.Source, exps []expectation, res Result) storyScore {
	var sc storyScore
	real := map[int]bool{}
	for _, e := range exps {
		fx, okx := factOf(srcs, res, e.x)
		fy, oky := factOf(srcs, res, e.y)
		require.True(t, okx && oky, "expectation %v names text that is not in the story", e)
		together := fx >= 0 && fx == fy
		switch e.kind {
		case "conflict":
			sc.conflicts++
			if together && res.Numbers[fx].Verdict == Disagree {
				sc.caught++
				real[fx] = true
			} else {
				t.Logf("missed conflict %v (facts %d, %d)", e, fx, fy)
			}
		case "same":
			sc.same++
			if together {
				sc.sameOK++
			} else {
				t.Logf("not together %v (facts %d, %d)", e, fx, fy)
			}
		case "apart":
			sc.apart++
			if !(together && res.Numbers[fx].Verdict == Disagree) {
				sc.apartOK++
			} else {
				t.Logf("wrongly flagged together %v", e)
			}
		}
	}
	for fi, f := range res.Numbers {
		if f.Verdict == Disagree {
			sc.alarms++
			if real[fi] {
				sc.goodAlarms++
			} else {
				var parts []string
				for _, m := range f.Mentions {
					parts = append(parts, srcs[m.Source].ID+":"+m.Text)
				}
				t.Logf("false alarm %q: %s", f.Label, strings.Join(parts, " | "))
			}
		}
	}
	return sc
}

func TestStories(t *testing.T) {
	dirs, _ := filepath.Glob(filepath.Join("testdata", "stories", "*"))
	require.NotEmpty(t, dirs)
	for _, mode := range []string{"aligned", "stub rows"} {
		var tot storyScore
		for _, dir := range dirs {
			srcs, exps := loadStory(t, dir)
			var rows []align.Row
			if mode == "aligned" {
				rows = align.Align(srcs, align.ChooseBase(srcs)).Rows
			} else {
				rows = stubRows(srcs)
			}
			res := Find(srcs, rows)
			var sc storyScore
			t.Run(mode+"/"+filepath.Base(dir), func(t *testing.T) {
				sc = checkStory(t, srcs, exps, res)
			})
			tot.conflicts += sc.conflicts
			tot.caught += sc.caught
			tot.alarms += sc.alarms
			tot.goodAlarms += sc.goodAlarms
			tot.same += sc.same
			tot.sameOK += sc.sameOK
			tot.apart += sc.apart
			tot.apartOK += sc.apartOK
		}
		recall := float64(tot.caught) / float64(tot.conflicts)
		precision := 1.0
		if tot.alarms > 0 {
			precision = float64(tot.goodAlarms) / float64(tot.alarms)
		}
		t.Logf("%s: conflict recall %.2f (%d/%d), precision %.2f (%d/%d), same %d/%d, apart %d/%d", mode, recall, tot.caught, tot.conflicts,
			precision, tot.goodAlarms, tot.alarms, tot.sameOK, tot.same, tot.apartOK, tot.apart)
		assert.Equal(t, tot.apart, tot.apartOK, mode)
		if mode == "aligned" {
			assert.GreaterOrEqual(t, recall, 0.8, mode)
			assert.GreaterOrEqual(t, precision, 0.8, mode)
		}
	}
}

// One version each of unrelated stories: whatever their figures, nothing
// they say can disagree, so nothing may be flagged.
func TestUnrelatedStoriesNeverDisagree(t *testing.T) {
	var srcs []*data.Source
	for _, f := range []string{"quake/a.txt", "wildfire/b.txt", "trial/c.txt", "outbreak/a.txt", "rates/b.txt", "election/c.txt", "shipwreck/a.txt", "results/b.txt", "derailment/a.txt"} {
		b, err := os.ReadFile(filepath.Join("testdata", "stories", f))
		require.NoError(t, err)
		s := load.Text(strings.ReplaceAll(f, "/", "-"), string(b))
		simpleAnalyze(s)
		srcs = append(srcs, s)
	}
	for _, rows := range [][]align.Row{align.Align(srcs, align.ChooseBase(srcs)).Rows, stubRows(srcs)} {
		for _, f := range Find(srcs, rows).Numbers {
			if f.Verdict == Disagree {
				var parts []string
				for _, m := range f.Mentions {
					parts = append(parts, srcs[m.Source].ID+":"+m.Text)
				}
				t.Errorf("unrelated figures flagged: %s", strings.Join(parts, " | "))
			}
		}
	}
}
