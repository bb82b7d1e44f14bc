package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"parallax/data/diff"
	"parallax/data/engine"
	"parallax/data/facts"
)

// textWidth is where Text wraps its lines.
const textWidth = 100

// Text writes a plain-text comparison for a terminal.
func Text(w io.Writer, c *engine.Comparison) error { return TextWith(w, c, Options{}) }

// TextWith writes a plain-text comparison for a terminal: a header, the
// aligned passages with each source's words marked against the base's as
// git's word diff does ([-deleted-] {+inserted+}), the facts and the
// similarity of every pair of sources. It writes plain ASCII markers and no
// colours, and replaces control characters in the sources' text.
func TextWith(w io.Writer, c *engine.Comparison, opt Options) error {
	v := newView(c, opt)
	bw := bufio.NewWriter(w)
	t := &textOut{w: bw}

	t.line("Parallax comparison")
	t.wrap("", "", termSafe(Summary(c)))
	t.blank()
	t.line("Sources (%d):", len(c.Sources))
	idw := 0
	for _, s := range c.Sources {
		idw = max(idw, utf8.RuneCountInString(termSafe(s.ID)))
	}
	for si, s := range c.Sources {
		extra := []string{}
		if f := v.file(si); f != "" && f != s.ID {
			extra = append(extra, termSafe(f))
		}
		if s.Title != "" {
			extra = append(extra, "\""+termSafe(s.Title)+"\"")
		}
		if d := v.date(si); d != "" {
			extra = append(extra, "loaded "+d)
		}
		story := 0
		for i := range s.Sentences {
			if s.Sentences[i].Para >= 0 && s.Sentences[i].Para < len(s.Paragraphs) && s.Story(i) {
				story++
			}
		}
		extra = append(extra, fmt.Sprintf("%d story %s", story, plural(story, "sentence", "sentences")))
		tag := "  "
		if si == c.Base {
			tag = "* "
		}
		t.wrap(fmt.Sprintf("%s%-*s  ", tag, idw, termSafe(s.ID)), strings.Repeat(" ", idw+4), strings.Join(extra, ", "))
	}
	if v.hasBase() {
		t.line("  (* the base: the others' words are compared with it)")
	}
	if len(c.Problems) > 0 {
		t.blank()
		t.line("Skipped (%d):", len(c.Problems))
		for _, p := range c.Problems {
			t.wrap("  ", "    ", termSafe(p.Error()))
		}
	}
	t.blank()
	t.line("Legend: [-words-] in the base only, {+words+} in this source only, - nothing in this source,")
	t.line("        (only in X) a row only one source has.")

	t.blank()
	t.rule("Aligned text")
	textRows(t, v, idw)

	t.blank()
	t.rule("Facts")
	textFacts(t, v, idw)

	t.blank()
	t.rule("Similarity")
	textSimilarity(t, v, idw)
	if t.err != nil {
		return t.err
	}
	return bw.Flush()
}

func textRows(t *textOut, v *view, idw int) {
	c := v.c
	if len(c.Rows) == 0 {
		t.line("(no rows)")
		return
	}
	ind := strings.Repeat(" ", idw+5)
	done := make([]bool, len(c.Rows))
	printRow := func(ri int) {
		done[ri] = true
		fl := v.filled(ri)
		head := fmt.Sprintf("Row %d", ri+1)
		switch {
		case len(fl) == 1:
			head += " (only in " + termSafe(v.srcID(fl[0])) + ")"
		case len(fl) > 1 && v.hasBase() && len(v.cell(ri, c.Base).Sentences) == 0:
			head += " (not in the base)"
		}
		if n, ok := v.opt.Notes.Rows[ri]; ok {
			head += "  note: " + termSafe(n.String())
		}
		t.line("%s", head)
		for si := range c.Sources {
			segs := v.segments(ri, si, v.opt.Color)
			txt := "-"
			if len(segs) > 0 {
				txt = markWords(segs, v.opt.Color)
			} else if len(fl) == 1 || len(c.Sources) > 8 {
				continue // a lone cell, or too many sources to list the empty ones
			}
			t.wrap(fmt.Sprintf("  %-*s | ", idw, termSafe(c.Sources[si].ID)), ind[:len(ind)-2]+"| ", txt)
		}
	}
	for pi, p := range c.Passages {
		if p.First < 0 || p.N <= 0 || p.First+p.N > len(c.Rows) {
			continue
		}
		t.blank()
		if p.BasePara >= 0 {
			t.line("== Passage %d (base paragraph %d) ==", pi+1, p.BasePara+1)
		} else {
			t.line("== Passage %d (not in the base) ==", pi+1)
		}
		for ri := p.First; ri < p.First+p.N; ri++ {
			printRow(ri)
		}
	}
	first := true
	for ri := range c.Rows {
		if !done[ri] {
			if first {
				t.blank()
				t.line("== Rows outside any passage ==")
				first = false
			}
			printRow(ri)
		}
	}
}

func textFacts(t *textOut, v *view, idw int) {
	c := v.c
	ind := strings.Repeat(" ", idw+8)
	count := map[facts.Verdict]int{}
	for _, f := range c.Facts.Numbers {
		count[f.Verdict]++
	}
	t.line("Numbers: %d %s (%d disagree, %d compatible, %d agree, %d in one source only)", len(c.Facts.Numbers),
		plural(len(c.Facts.Numbers), "fact", "facts"), count[facts.Disagree], count[facts.Compatible], count[facts.Agree], count[facts.Single])
	for fi, f := range c.Facts.Numbers {
		flag := "  "
		if f.Verdict == facts.Disagree {
			flag = "! "
		}
		head := fmt.Sprintf("%s%s: %s", flag, termSafe(numberLabel(f)), strings.ToUpper(verdictWord(f.Verdict)))
		if f.Majority != "" {
			head += " (majority " + termSafe(f.Majority) + ")"
		}
		if len(f.Rows) > 0 {
			head += " " + rowList(f.Rows)
		}
		t.wrap("", "    ", head)
		for _, m := range f.Mentions {
			s := fmt.Sprintf("\"%s\" = %s", termSafe(oneLine(m.Text)), termSafe(display(m)))
			if m.Outlier {
				s += "  << outlier"
			}
			t.wrap(fmt.Sprintf("      %-*s ", idw, termSafe(v.srcID(m.Source))), ind, s)
		}
		if n, ok := v.opt.Notes.Numbers[fi]; ok {
			t.wrap("      note: ", ind, termSafe(n.String()))
		}
	}
	t.blank()
	qd := 0
	for _, q := range c.Facts.Quotes {
		if q.Verdict == facts.Disagree {
			qd++
		}
	}
	t.line("Quotations: %d (%d worded differently)", len(c.Facts.Quotes), qd)
	for qi, q := range c.Facts.Quotes {
		flag := "  "
		if q.Verdict == facts.Disagree {
			flag = "! "
		}
		sp := q.Speaker
		if sp == "" {
			sp = "unknown speaker"
		}
		head := fmt.Sprintf("%s%s: %s", flag, termSafe(sp), strings.ToUpper(verdictWord(q.Verdict)))
		if len(q.Rows) > 0 {
			head += " " + rowList(q.Rows)
		}
		t.wrap("", "    ", head)
		for _, m := range q.Mentions {
			cl := m.Class
			if cl == "" {
				cl = "reference"
			}
			if m.Speaker != "" && m.Speaker != q.Speaker {
				cl += ", said by " + m.Speaker
			}
			t.wrap(fmt.Sprintf("      %-*s ", idw, termSafe(v.srcID(m.Source))), ind,
				fmt.Sprintf("(%s) \"%s\"", termSafe(cl), termSafe(oneLine(m.Text))))
		}
		if n, ok := v.opt.Notes.Quotes[qi]; ok {
			t.wrap("      note: ", ind, termSafe(n.String()))
		}
	}
}

func rowList(rows []int) string {
	var b strings.Builder
	b.WriteString(plural(len(rows), "(row ", "(rows "))
	for k, r := range rows {
		if k > 0 {
			b.WriteString(", ")
		}
		if k == 8 {
			fmt.Fprintf(&b, "... %d more", len(rows)-k)
			break
		}
		fmt.Fprintf(&b, "%d", r+1)
	}
	b.WriteString(")")
	return b.String()
}

func textSimilarity(t *textOut, v *view, idw int) {
	c := v.c
	n := len(c.Sources)
	if len(c.Similarity) != n {
		t.line("(not computed)")
		return
	}
	t.line("Each cell: aligned%% / identical%% (share of story sentences in shared rows /")
	t.line("share of aligned words worded alike).")
	t.blank()
	colw := max(idw, 7)
	var b strings.Builder
	b.WriteString(strings.Repeat(" ", idw+2))
	for j := range c.Sources {
		fmt.Fprintf(&b, " %*s", colw, termSafe(c.Sources[j].ID))
	}
	t.line("%s", strings.TrimRight(b.String(), " "))
	for i := range c.Sources {
		b.Reset()
		fmt.Fprintf(&b, "  %-*s", idw, termSafe(c.Sources[i].ID))
		for j := range c.Sources {
			cell := "-"
			if i != j && j < len(c.Similarity[i]) {
				s := c.Similarity[i][j]
				cell = fmt.Sprintf("%d/%d", pct(s.Aligned), pct(s.Identical))
			}
			fmt.Fprintf(&b, " %*s", colw, cell)
		}
		t.line("%s", b.String())
	}
}

func pct(f float64) int {
	if f != f || f < 0 {
		return 0
	}
	return int(f*100 + 0.5)
}

// textOut writes lines, wrapping long ones.
type textOut struct {
	w   *bufio.Writer
	err error
}

func (t *textOut) line(format string, a ...any) {
	if t.err != nil {
		return
	}
	_, t.err = fmt.Fprintf(t.w, format+"\n", a...)
}

func (t *textOut) blank() { t.line("") }

func (t *textOut) rule(title string) {
	t.line("%s", "--- "+title+" "+strings.Repeat("-", max(3, textWidth-len(title)-5)))
}

// wrap writes first+s, wrapped at textWidth with cont before each
// continuation line. Words longer than a line are kept whole.
func (t *textOut) wrap(first, cont, s string) {
	prefix := first
	width := textWidth - utf8.RuneCountInString(prefix)
	var line strings.Builder
	n := 0
	flush := func() {
		t.line("%s", strings.TrimRight(prefix+line.String(), " "))
		line.Reset()
		n = 0
		prefix = cont
		width = textWidth - utf8.RuneCountInString(cont)
	}
	words := strings.Split(s, " ")
	for k, wd := range words {
		wl := utf8.RuneCountInString(wd)
		if n > 0 && n+1+wl > width {
			flush()
		} else if k > 0 {
			line.WriteByte(' ')
			n++
		}
		line.WriteString(wd)
		n += wl
	}
	flush()
}

// ANSI escapes for Options.Color.
const (
	ansiReset    = "\x1b[0m"
	ansiDeleted  = "\x1b[31m"
	ansiInserted = "\x1b[32m"
	ansiConflict = "\x1b[1;4m"
)

// markWords writes a cell's segments with git's word-diff markers, and with
// colours (red deletions, green insertions, conflicting numbers bold and
// underlined) when color is set. The markers stay in colour too, so the
// colours are never the only cue.
func markWords(segs []segment, color bool) string {
	var b strings.Builder
	open := diff.Equal
	closeRun := func() {
		switch open {
		case diff.Delete:
			b.WriteString("-]")
		case diff.Insert:
			b.WriteString("+}")
		}
		if color && open != diff.Equal {
			b.WriteString(ansiReset)
		}
		open = diff.Equal
	}
	for _, sg := range segs {
		if sg.Op != open {
			closeRun()
			switch sg.Op {
			case diff.Delete:
				if color {
					b.WriteString(ansiDeleted)
				}
				b.WriteString("[-")
			case diff.Insert:
				if color {
					b.WriteString(ansiInserted)
				}
				b.WriteString("{+")
			}
			open = sg.Op
		}
		txt := termSafe(sg.Text)
		if color && sg.Mark >= markConflict && strings.TrimSpace(txt) != "" {
			b.WriteString(ansiConflict + txt + ansiReset)
			switch open { // the reset ended the run's colour too
			case diff.Delete:
				b.WriteString(ansiDeleted)
			case diff.Insert:
				b.WriteString(ansiInserted)
			}
			continue
		}
		b.WriteString(txt)
	}
	closeRun()
	return b.String()
}
