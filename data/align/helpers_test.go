package align_test

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"parallax/data"
	"parallax/data/align"
	"parallax/data/structure"
)

// sharedDir walks up from the package directory to the directory holding
// shared/NAME (the team's seeds and scorer live next to the repository).
func sharedDir(t testing.TB, name string) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Skip("no working directory")
	}
	for {
		p := filepath.Join(dir, "shared", name)
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Skipf("shared/%s not found above the package directory: skipping", name)
		}
		dir = up
	}
}

// trySharedDir is sharedDir without the skip.
func trySharedDir(name string) (string, bool) {
	dir, err := os.Getwd()
	if err != nil {
		return "", false
	}
	for {
		p := filepath.Join(dir, "shared", name)
		if st, err := os.Stat(p); err == nil && st.IsDir() {
			return p, true
		}
		up := filepath.Dir(dir)
		if up == dir {
			return "", false
		}
		dir = up
	}
}

// readSources reads every .txt file of dir (sorted) as a source and runs
// the structure analysis on it. With ALIGN_NAIVE=1 it uses the naive
// splitter below instead of data/structure.
func readSources(t testing.TB, dir string) []*data.Source {
	t.Helper()
	names, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(names) == 0 {
		t.Skipf("no .txt files in %s", dir)
	}
	sort.Strings(names)
	var srcs []*data.Source
	for _, n := range names {
		b, err := os.ReadFile(n)
		if err != nil {
			t.Fatalf("%s: %v", n, err)
		}
		base := filepath.Base(n)
		src := &data.Source{ID: strings.TrimSuffix(base, ".txt"), Name: base, Format: "txt", Encoding: "utf-8",
			Text: strings.ReplaceAll(string(b), "\r\n", "\n")}
		analyze(src)
		srcs = append(srcs, src)
	}
	return srcs
}

func analyze(src *data.Source) {
	if os.Getenv("ALIGN_NAIVE") == "1" {
		naiveAnalyze(src)
		return
	}
	structure.Analyze(src)
}

// naiveAnalyze is a throwaway structure pass for tests: one paragraph a
// line, sentences split after . ! ? before a capital, short lines without a
// final stop as headings.
func naiveAnalyze(src *data.Source) {
	src.Paragraphs, src.Sentences = nil, nil
	at := 0
	for _, line := range strings.SplitAfter(src.Text, "\n") {
		start := at
		at += len(line)
		t := strings.TrimSpace(line)
		if t == "" {
			continue
		}
		start += strings.Index(line, t)
		end := start + len(t)
		kind := data.KindBody
		last, _ := utf8.DecodeLastRuneInString(t)
		if !strings.ContainsRune(".!?”\"", last) && len(strings.Fields(t)) <= 14 {
			kind = data.KindSubheading
			if len(src.Paragraphs) == 0 {
				kind = data.KindHeadline
			}
		}
		pi := len(src.Paragraphs)
		p := data.Paragraph{Kind: kind, Start: start, End: end, First: len(src.Sentences)}
		s0 := start
		for i := start; i < end; i++ {
			c := src.Text[i]
			if c != '.' && c != '!' && c != '?' {
				continue
			}
			j := i + 1
			for j < end && strings.ContainsRune("\"”’)", rune(src.Text[j])) || j+2 < end && src.Text[j:j+3] == "”" {
				if src.Text[j] == 0xe2 {
					j += 3
				} else {
					j++
				}
			}
			if j >= end || src.Text[j] != ' ' {
				continue
			}
			r, _ := utf8.DecodeRuneInString(src.Text[j+1:])
			if !unicode.IsUpper(r) && r != '“' && r != '"' {
				continue
			}
			// abbreviations: a short capitalised token before the stop
			w := src.Text[s0:i]
			if k := strings.LastIndexAny(w, " ("); k >= 0 {
				w = w[k+1:]
			}
			if len(w) <= 3 && c == '.' {
				continue
			}
			src.Sentences = append(src.Sentences, data.Sentence{ID: fmt.Sprintf("p%ds%d", pi+1, p.N+1), Para: pi, Start: s0, End: j})
			p.N++
			s0 = j + 1
		}
		src.Sentences = append(src.Sentences, data.Sentence{ID: fmt.Sprintf("p%ds%d", pi+1, p.N+1), Para: pi, Start: s0, End: end})
		p.N++
		src.Paragraphs = append(src.Paragraphs, p)
	}
}

// comparisonJSON writes the parts of the parallax.comparison/1 contract the
// scorer reads.
func comparisonJSON(srcs []*data.Source, res align.Result) ([]byte, error) {
	type jsent struct {
		ID    string `json:"id"`
		Start int    `json:"start"`
		End   int    `json:"end"`
	}
	type jpara struct {
		Kind      string  `json:"kind"`
		Start     int     `json:"start"`
		End       int     `json:"end"`
		Sentences []jsent `json:"sentences"`
	}
	type jsrc struct {
		ID         string  `json:"id"`
		Text       string  `json:"text"`
		Paragraphs []jpara `json:"paragraphs"`
	}
	type jcell struct {
		Source    string   `json:"source"`
		Sentences []string `json:"sentences"`
	}
	type jrow struct {
		Cells []jcell `json:"cells"`
	}
	doc := struct {
		Format  string `json:"format"`
		Sources []jsrc `json:"sources"`
		Rows    []jrow `json:"rows"`
	}{Format: "parallax.comparison/1"}
	for _, s := range srcs {
		js := jsrc{ID: s.ID, Text: s.Text}
		for _, p := range s.Paragraphs {
			jp := jpara{Kind: string(p.Kind), Start: p.Start, End: p.End, Sentences: []jsent{}}
			for _, se := range s.Sentences[p.First : p.First+p.N] {
				jp.Sentences = append(jp.Sentences, jsent{se.ID, se.Start, se.End})
			}
			js.Paragraphs = append(js.Paragraphs, jp)
		}
		doc.Sources = append(doc.Sources, js)
	}
	for _, r := range res.Rows {
		var jr jrow
		for si, c := range r.Cells {
			if len(c.Sentences) == 0 {
				continue
			}
			jc := jcell{Source: srcs[si].ID}
			for _, i := range c.Sentences {
				jc.Sentences = append(jc.Sentences, srcs[si].Sentences[i].ID)
			}
			jr.Cells = append(jr.Cells, jc)
		}
		doc.Rows = append(doc.Rows, jr)
	}
	return json.Marshal(doc)
}

// score runs the team's scorer on an alignment and returns its metrics.
func score(t *testing.T, srcs []*data.Source, res align.Result, gold string) map[string]float64 {
	t.Helper()
	eval := sharedDir(t, "eval")
	if gold == "" {
		gold = filepath.Join(eval, "seeds-gold.json")
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found: skipping the score")
	}
	b, err := comparisonJSON(srcs, res)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "comparison.json")
	if err := os.WriteFile(out, b, 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(py, filepath.Join(eval, "score.py"), "--gold", gold, "--comparison", out, "--json")
	got, err := cmd.Output()
	if err != nil {
		t.Fatalf("score.py: %v", err)
	}
	m := map[string]any{}
	if err := json.Unmarshal(got, &m); err != nil {
		t.Fatalf("score.py output: %v", err)
	}
	res2 := map[string]float64{}
	for k, v := range m {
		if f, ok := v.(float64); ok {
			res2[k] = f
		}
	}
	if p := os.Getenv("ALIGN_DUMP"); p != "" {
		_ = os.WriteFile(p, b, 0o644)
	}
	return res2
}
