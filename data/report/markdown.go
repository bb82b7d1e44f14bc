package report

import (
	"bufio"
	"fmt"
	"io"
	"strings"
	"unicode"

	"parallax/data/engine"
	"parallax/data/facts"
)

// Markdown writes a summary of the comparison.
func Markdown(w io.Writer, c *engine.Comparison) error { return MarkdownWith(w, c, Options{}) }

// MarkdownWith writes a summary of the comparison: one paragraph saying what
// disagrees, the numbers and quotations tables with verdicts and notes, and
// the sources. Every text from a source is escaped, so that a Markdown
// renderer shows it as text (no links, no HTML, no table breaks).
func MarkdownWith(w io.Writer, c *engine.Comparison, opt Options) error {
	v := newView(c, opt)
	bw := bufio.NewWriter(w)
	p := func(format string, a ...any) { fmt.Fprintf(bw, format, a...) }

	title := "Parallax comparison"
	if v.hasBase() && strings.TrimSpace(c.Sources[c.Base].Title) != "" {
		title += ": " + mdEsc(c.Sources[c.Base].Title)
	}
	p("# %s\n\n", title)
	p("%s\n\n", mdEsc(Summary(c)))
	if v.hasBase() {
		p("Base: %s. Aligned rows: %d.\n\n", mdEsc(v.baseID()), len(c.Rows))
	}

	p("## Numbers\n\n")
	if len(c.Facts.Numbers) == 0 {
		p("No numbers compared.\n\n")
	} else {
		p("| Fact | Verdict | Majority | Wording by source | Note |\n|---|---|---|---|---|\n")
		for fi, f := range c.Facts.Numbers {
			var ws []string
			for _, m := range f.Mentions {
				s := mdEsc(v.srcID(m.Source)) + ": \u201c" + mdEsc(m.Text) + "\u201d"
				if d := display(m); d != oneLine(m.Text) {
					s += " = " + mdEsc(d)
				}
				if m.Outlier {
					s = "**" + s + " (outlier)**"
				}
				ws = append(ws, s)
			}
			verdict := verdictWord(f.Verdict)
			if f.Verdict == facts.Disagree {
				verdict = "**" + verdict + "**"
			}
			p("| %s | %s | %s | %s | %s |\n", mdEsc(numberLabel(f)), verdict, mdEsc(f.Majority),
				strings.Join(ws, "<br>"), mdEsc(noteText(opt.Notes.Numbers, fi)))
		}
		p("\n")
	}

	p("## Quotations\n\n")
	if len(c.Facts.Quotes) == 0 {
		p("No quotations compared.\n\n")
	} else {
		p("| Speaker | Verdict | Wording by source | Note |\n|---|---|---|---|\n")
		for qi, q := range c.Facts.Quotes {
			var ws []string
			for _, m := range q.Mentions {
				cl := m.Class
				if cl == "" {
					cl = "reference"
				}
				s := mdEsc(v.srcID(m.Source)) + " (" + mdEsc(cl) + "): \u201c" + mdEsc(m.Text) + "\u201d"
				if m.Speaker != "" && m.Speaker != q.Speaker {
					s += ", said by " + mdEsc(m.Speaker)
				}
				ws = append(ws, s)
			}
			sp := q.Speaker
			if sp == "" {
				sp = "unknown speaker"
			}
			verdict := verdictWord(q.Verdict)
			if q.Verdict == facts.Disagree {
				verdict = "**" + verdict + "**"
			}
			p("| %s | %s | %s | %s |\n", mdEsc(sp), verdict, strings.Join(ws, "<br>"), mdEsc(noteText(opt.Notes.Quotes, qi)))
		}
		p("\n")
	}

	if len(opt.Notes.Rows) > 0 {
		p("## Notes on rows\n\n")
		for ri := range c.Rows {
			if n, ok := opt.Notes.Rows[ri]; ok {
				p("- Row %d: %s\n", ri+1, mdEsc(n.String()))
			}
		}
		p("\n")
	}

	p("## Sources\n\n| ID | File | Title | Format | Encoding | Loaded |\n|---|---|---|---|---|---|\n")
	for si, s := range c.Sources {
		id := mdEsc(s.ID)
		if si == c.Base {
			id += " (base)"
		}
		p("| %s | %s | %s | %s | %s | %s |\n", id, mdEsc(v.file(si)), mdEsc(s.Title), mdEsc(s.Format), mdEsc(s.Encoding), v.date(si))
	}
	if len(c.Problems) > 0 {
		p("\n## Skipped files\n\n")
		for _, pr := range c.Problems {
			p("- %s\n", mdEsc(pr.Error()))
		}
	}
	return bw.Flush()
}

func noteText(m map[int]Note, i int) string {
	if n, ok := m[i]; ok {
		return n.String()
	}
	return ""
}

// mdEsc makes a text inert in Markdown (and in a table cell): one line, with
// every character Markdown gives a meaning to escaped with a backslash, and
// < > & written as entities so that no renderer sees HTML.
func mdEsc(s string) string {
	s = termSafe(s)
	var b strings.Builder
	rs := []rune(s)
	for k, r := range rs {
		if r == '_' && k > 0 && k+1 < len(rs) && isAlnum(rs[k-1]) && isAlnum(rs[k+1]) {
			b.WriteRune(r) // inside a word "_" emphasises nothing
			continue
		}
		switch r {
		case '<':
			b.WriteString("&lt;")
			continue
		case '>':
			b.WriteString("&gt;")
			continue
		case '&':
			b.WriteString("&amp;")
			continue
		case '\\', '`', '*', '_', '[', ']', '|', '~':
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

func isAlnum(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
