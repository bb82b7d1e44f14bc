package report

import (
	"fmt"
	"strings"
	"time"

	"parallax/data"
	"parallax/data/align"
	"parallax/data/diff"
	"parallax/data/engine"
	"parallax/data/facts"
)

// The fixture: an invented story (a bridge in an invented town) told by
// three invented outlets, aligned, diffed and checked by hand, so that the
// goldens depend only on the writers.

type para struct {
	kind      data.Kind
	sentences []string
}

// buildSource lays paragraphs out as text (sentences joined by a space,
// paragraphs by a blank line) with their offsets.
func buildSource(id string, paras ...para) *data.Source {
	s := &data.Source{ID: id, Name: id + ".txt", Path: "stories/" + id + ".txt", Format: "txt", Encoding: "utf-8"}
	var b strings.Builder
	for pi, p := range paras {
		if pi > 0 {
			b.WriteString("\n\n")
		}
		dp := data.Paragraph{Kind: p.kind, Start: b.Len(), First: len(s.Sentences), N: len(p.sentences)}
		for k, t := range p.sentences {
			if k > 0 {
				b.WriteString(" ")
			}
			s.Sentences = append(s.Sentences, data.Sentence{ID: fmt.Sprintf("p%ds%d", pi+1, k+1), Para: pi, Start: b.Len(), End: b.Len() + len(t)})
			b.WriteString(t)
		}
		dp.End = b.Len()
		s.Paragraphs = append(s.Paragraphs, dp)
	}
	s.Text = b.String()
	return s
}

func body(s ...string) para { return para{data.KindBody, s} }

// wordDiff is a plain LCS over tokens: the test's own, so that the goldens
// do not move when the diff package is tuned.
func wordDiff(a, b string) []diff.Edit {
	ta, tb := data.Tokenize(a), data.Tokenize(b)
	n, m := len(ta), len(tb)
	l := make([][]int, n+1)
	for i := range l {
		l[i] = make([]int, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[ta[i].Start:ta[i].End] == b[tb[j].Start:tb[j].End] {
				l[i][j] = l[i+1][j+1] + 1
			} else {
				l[i][j] = max(l[i+1][j], l[i][j+1])
			}
		}
	}
	var out []diff.Edit
	add := func(op diff.Op, t string) {
		if k := len(out) - 1; k >= 0 && out[k].Op == op {
			out[k].Text += t
			return
		}
		out = append(out, diff.Edit{Op: op, Text: t})
	}
	i, j := 0, 0
	for i < n || j < m {
		switch {
		case i < n && j < m && a[ta[i].Start:ta[i].End] == b[tb[j].Start:tb[j].End]:
			add(diff.Equal, a[ta[i].Start:ta[i].End])
			i, j = i+1, j+1
		case j < m && (i == n || l[i][j+1] >= l[i+1][j]):
			add(diff.Insert, b[tb[j].Start:tb[j].End])
			j++
		default:
			add(diff.Delete, a[ta[i].Start:ta[i].End])
			i++
		}
	}
	return out
}

// mention finds the k-th occurrence of text in source si and returns its span.
func mention(c *engine.Comparison, si int, text string) (start, end, sentence int) {
	s := c.Sources[si]
	start = strings.Index(s.Text, text)
	if start < 0 {
		panic("fixture: no " + text + " in " + s.ID)
	}
	end = start + len(text)
	for i, se := range s.Sentences {
		if se.Start <= start && start < se.End {
			sentence = i
		}
	}
	return
}

func num(c *engine.Comparison, si, row int, text string, value float64, hedge, kind, unit, disp string, outlier bool) facts.Number {
	st, en, se := mention(c, si, text)
	return facts.Number{Source: si, Sentence: se, Row: row, Start: st, End: en, Text: text, Value: value, Hi: value,
		Hedge: hedge, Kind: kind, Unit: unit, Display: disp, Outlier: outlier}
}

func quote(c *engine.Comparison, si, row int, text, speaker, class string) facts.Quote {
	st, en, se := mention(c, si, text)
	return facts.Quote{Source: si, Sentence: se, Row: row, Start: st, End: en, Text: text, Speaker: speaker, Class: class}
}

func cells(n int, pairs ...int) []align.Cell {
	cs := make([]align.Cell, n)
	for k := 0; k+1 < len(pairs); k += 2 {
		cs[pairs[k]].Sentences = append(cs[pairs[k]].Sentences, pairs[k+1])
	}
	return cs
}

func fixture() *engine.Comparison {
	alpha := buildSource("alpha",
		para{data.KindHeadline, []string{"Bridge collapse in Marlow Creek kills 12"}},
		body("At least 12 people died when the Dorn Street bridge fell on Tuesday.",
			"Mayor Ana Petrova said: \u201cWe will rebuild it within a year.\u201d"),
		body("The bridge carried 4,000 cars a day."))
	alpha.Title = "Bridge collapse in Marlow Creek"
	bravo := buildSource("bravo",
		para{data.KindHeadline, []string{"Twelve killed as Marlow Creek bridge falls"}},
		body("Twelve people died when the Dorn Street bridge fell on Tuesday.",
			"\u201cWe will rebuild it,\u201d Mayor Ana Petrova said."),
		body("Engineers had warned about cracks in 2019."),
		para{data.KindBoilerplate, []string{"Comments (48)"}})
	charlie := buildSource("charlie",
		body("At least 12 people died when the old Dorn Street bridge fell on Tuesday."),
		body("The bridge carried 3,000 cars a day.",
			"Mayor Ana Petrova said the town would \u201cbuild a better bridge.\u201d"))
	srcs := []*data.Source{alpha, bravo, charlie}
	c := &engine.Comparison{Sources: srcs, Base: 0}
	c.Rows = []align.Row{
		{Cells: cells(3, 0, 0, 1, 0), Passage: 0},
		{Cells: cells(3, 0, 1, 1, 1, 2, 0), Passage: 1},
		{Cells: cells(3, 0, 2, 1, 2, 2, 2), Passage: 1},
		{Cells: cells(3, 1, 3), Passage: 2},
		{Cells: cells(3, 0, 3, 2, 1), Passage: 3},
	}
	c.Passages = []align.Passage{{BasePara: 0, First: 0, N: 1}, {BasePara: 1, First: 1, N: 2}, {BasePara: -1, First: 3, N: 1}, {BasePara: 2, First: 4, N: 1}}
	c.Diffs = make([][][]diff.Edit, len(c.Rows))
	for ri, r := range c.Rows {
		c.Diffs[ri] = make([][]diff.Edit, len(srcs))
		bt := engine.CellText(srcs[0], r.Cells[0])
		for si := 1; si < len(srcs); si++ {
			if len(r.Cells[si].Sentences) > 0 {
				c.Diffs[ri][si] = wordDiff(bt, engine.CellText(srcs[si], r.Cells[si]))
			}
		}
	}
	c.Similarity = [][]engine.Similarity{
		{{Aligned: 1, Identical: 1}, {Aligned: 0.75, Identical: 0.6}, {Aligned: 0.8, Identical: 0.7}},
		{{Aligned: 0.75, Identical: 0.6}, {Aligned: 1, Identical: 1}, {Aligned: 0.5, Identical: 0.4}},
		{{Aligned: 0.8, Identical: 0.7}, {Aligned: 0.5, Identical: 0.4}, {Aligned: 1, Identical: 1}},
	}
	c.Facts.Numbers = []facts.NumberFact{
		{Label: "people killed", Verdict: facts.Compatible, Majority: "12+", Rows: []int{1}, Mentions: []facts.Number{
			num(c, 0, 1, "At least 12 people", 12, "at least", "count", "people", "12+", false),
			num(c, 1, 1, "Twelve people", 12, "", "count", "people", "12", false),
			num(c, 2, 1, "At least 12 people", 12, "at least", "count", "people", "12+", false),
		}},
		{Label: "cars a day", Verdict: facts.Disagree, Majority: "4,000", Rows: []int{4}, Mentions: []facts.Number{
			num(c, 0, 4, "4,000 cars", 4000, "", "count", "cars", "4,000", false),
			num(c, 2, 4, "3,000 cars", 3000, "", "count", "cars", "3,000", true),
		}},
		{Label: "year of warnings", Verdict: facts.Single, Majority: "2019", Rows: []int{3}, Mentions: []facts.Number{
			num(c, 1, 3, "2019", 2019, "", "year", "", "2019", false),
		}},
	}
	c.Facts.Quotes = []facts.QuoteFact{
		{Speaker: "Ana Petrova", Verdict: facts.Disagree, Rows: []int{2}, Mentions: []facts.Quote{
			quote(c, 0, 2, "We will rebuild it within a year.", "Ana Petrova", ""),
			quote(c, 1, 2, "We will rebuild it,", "Ana Petrova", "trimmed"),
			quote(c, 2, 2, "build a better bridge.", "Ana Petrova", "reworded"),
		}},
	}
	c.Problems = []*data.Problem{{Path: "stories/missing.txt", Reason: "cannot read"}}
	return c
}

// fixtureOptions are notes and dates as a saved comparison gives them.
func fixtureOptions() Options {
	t := time.Date(2025, 11, 12, 9, 30, 0, 0, time.UTC)
	return Options{
		Notes: Notes{
			Numbers: map[int]Note{1: {Status: StatusError, Source: "charlie", Text: "City traffic data says 4,000."}},
			Quotes:  map[int]Note{0: {Status: StatusChecked, Text: "Recording confirms alpha's wording."}},
			Rows:    map[int]Note{3: {Status: StatusDisputed, Text: "Only bravo reports the warnings."}},
		},
		Dates: map[string]time.Time{"alpha": t, "bravo": t.Add(time.Hour), "charlie": t.Add(2 * time.Hour)},
	}
}

// hostile is a comparison whose sources hold markup, a script, an ANSI escape
// and spreadsheet formulas.
func hostile() *engine.Comparison {
	a := buildSource("evil<script>",
		body("Officials said <script>alert('x')</script> 40 people were hurt.",
			"See <img src=x onerror=alert(1)> and <a href=\"javascript:alert(2)\">this link</a>."),
		body("=HYPERLINK(\"http://example.invalid\",\"click\") \x1b[31mred\x1b[0m"))
	a.Title = "<script>document.title</script>"
	b := buildSource("plain",
		body("Officials said 41 people were hurt.", "See javascript:void(0) here."),
		body("@SUM(1+1) | *bold* [link](javascript:alert(3))"))
	srcs := []*data.Source{a, b}
	c := &engine.Comparison{Sources: srcs, Base: 0}
	c.Rows = []align.Row{
		{Cells: cells(2, 0, 0, 1, 0)}, {Cells: cells(2, 0, 1, 1, 1), Passage: 1}, {Cells: cells(2, 0, 2, 1, 2), Passage: 2},
	}
	c.Passages = []align.Passage{{BasePara: 0, First: 0, N: 1}, {BasePara: 0, First: 1, N: 1}, {BasePara: 1, First: 2, N: 1}}
	c.Diffs = make([][][]diff.Edit, 3)
	for ri, r := range c.Rows {
		c.Diffs[ri] = [][]diff.Edit{nil, wordDiff(engine.CellText(a, r.Cells[0]), engine.CellText(b, r.Cells[1]))}
	}
	c.Facts.Numbers = []facts.NumberFact{{Label: "<b>people</b> hurt", Verdict: facts.Disagree, Majority: "<i>40</i>", Rows: []int{0},
		Mentions: []facts.Number{
			num(c, 0, 0, "<script>alert('x')</script> 40 people", 40, "", "count", "people", "<svg onload=alert(4)>", true),
			num(c, 1, 0, "41 people", 41, "", "count", "people", "41", false),
		}}}
	c.Facts.Quotes = []facts.QuoteFact{{Speaker: "<img src=x onerror=alert(5)>", Verdict: facts.Disagree, Rows: []int{1},
		Mentions: []facts.Quote{
			quote(c, 0, 1, "<a href=\"javascript:alert(2)\">this link</a>", "=cmd", ""),
			quote(c, 1, 1, "javascript:void(0)", "x", "other speaker"),
		}}}
	c.Problems = []*data.Problem{{Path: "<script>bad.html", Reason: "binary <file>"}}
	return c
}
