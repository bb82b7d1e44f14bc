package structure

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/data"
)

// Analyze fills src.Paragraphs and src.Sentences from src.Text: it finds the
// paragraphs, gives each a kind, and splits each into sentences. It never
// fails; text without any visible character gives no paragraphs.
func Analyze(src *data.Source) {
	src.PrepareTokens()
	src.Paragraphs, src.Sentences = nil, nil
	text := src.Text
	paras := segment(text)
	classify(text, paras)
	for pi, p := range paras {
		first := len(src.Sentences)
		var spans []span
		if p.kind != data.KindBody && p.kind != data.KindBoilerplate {
			spans = oneOrSplitLong(text, p.start, p.end)
		} else {
			spans = p.sentences(text)
		}
		if len(spans) == 0 {
			// cannot happen for a trimmed non-empty paragraph; keep the
			// invariant "every paragraph has a sentence" regardless
			spans = []span{{p.start, p.end}}
		}
		for si, s := range spans {
			src.Sentences = append(src.Sentences, data.Sentence{
				ID:    "p" + strconv.Itoa(pi+1) + "s" + strconv.Itoa(si+1),
				Para:  pi,
				Start: s.start,
				End:   s.end,
			})
		}
		src.Paragraphs = append(src.Paragraphs, data.Paragraph{
			Kind:  p.kind,
			Start: p.start,
			End:   p.end,
			First: first,
			N:     len(src.Sentences) - first,
		})
	}
}

// oneOrSplitLong keeps a heading, caption, byline, dateline or list item as
// one sentence unless it is long and holds several sentences.
func oneOrSplitLong(text string, start, end int) []span {
	if wordCount(text[start:end]) <= 25 {
		return []span{{start, end}}
	}
	return splitSentences(text, start, end)
}

// line is one trimmed, non-blank line of the text.
type line struct {
	start, end int // trimmed byte span
	indent     int // leading spaces and tabs before the text
	gap        int // blank lines before this one (0 inside a block)
	runes      int
	text       string
}

// para is a paragraph under construction.
type para struct {
	start, end int
	lines      []line
	gap        int // blank lines before the paragraph
	kind       data.Kind
	bullet     bool
	mdHeading  bool
	spans      []span // its sentences, once split (by features)
}

// sentences splits the paragraph into sentences once.
func (p *para) sentences(text string) []span {
	if p.spans == nil {
		p.spans = splitSentences(text, p.start, p.end)
	}
	return p.spans
}

func (p *para) text(t string) string { return t[p.start:p.end] }

// splitLines returns the non-blank lines of text, each with the number of
// blank lines before it, grouped into blocks (runs without a blank line).
func splitBlocks(text string) [][]line {
	var blocks [][]line
	var cur []line
	gap := 0
	at := 0
	for at <= len(text) {
		lend, next := lineEnd(text, at)
		s, e := trimSpan(text, at, lend)
		if s >= e {
			if len(cur) > 0 {
				blocks = append(blocks, cur)
				cur = nil
			}
			gap++
		} else {
			ind := 0
			for _, r := range text[at:s] {
				if r == '\t' {
					ind += 4
				} else {
					ind++
				}
			}
			g := 0
			if len(cur) == 0 {
				g = gap
			}
			cur = append(cur, line{start: s, end: e, indent: ind, gap: g, runes: utf8.RuneCountInString(text[s:e]), text: text[s:e]})
			gap = 0
		}
		if next < 0 {
			break
		}
		at = next
	}
	if len(cur) > 0 {
		blocks = append(blocks, cur)
	}
	return blocks
}

// lineEnd returns the end of the line starting at byte at and where the next
// line starts (-1 at the end of the text). "\n", "\r\n", a lone "\r" and the
// Unicode line and paragraph separators all end a line.
func lineEnd(text string, at int) (int, int) {
	i := strings.IndexAny(text[at:], "\n\r\u2028\u2029")
	if i < 0 {
		return len(text), -1
	}
	i += at
	switch {
	case text[i] == '\r' && i+1 < len(text) && text[i+1] == '\n':
		return i, i + 2
	case text[i] == '\n' || text[i] == '\r':
		return i, i + 1
	}
	return i, i + 3 // U+2028 and U+2029 take three bytes
}

// segment finds the paragraphs of text.
func segment(text string) []*para {
	blocks := splitBlocks(text)
	width, wrapped := wrapWidth(blocks)
	var out []*para
	for _, b := range blocks {
		bw, bwrapped := width, wrapped
		if !bwrapped {
			bw, bwrapped = wrapWidth([][]line{b})
		}
		var cur *para
		if n := len(out); n > 0 && brokenAcrossBlank(out[n-1], b[0]) {
			// a sentence broken by a stray blank line (text copied from a
			// PDF or a page layout) goes on in this block
			cur = out[n-1]
		}
		for _, l := range b {
			if cur != nil && joinsAny(cur, l, bw, bwrapped) {
				cur.end = l.end
				cur.lines = append(cur.lines, l)
				continue
			}
			cur = &para{start: l.start, end: l.end, lines: []line{l}, gap: l.gap}
			cur.bullet = isBulletLine(l.text)
			cur.mdHeading = strings.HasPrefix(l.text, "#")
			out = append(out, cur)
		}
	}
	return out
}

// joinsAny reports whether line l continues cur: across a blank line when
// brokenAcrossBlank said so (l is then cur's first line after the gap), or
// within a block by joins.
func joinsAny(cur *para, l line, width int, wrapped bool) bool {
	last := cur.lines[len(cur.lines)-1]
	if l.gap > 0 {
		return brokenAcrossBlank(cur, l)
	}
	return joins(cur, last, l, width, wrapped)
}

// brokenAcrossBlank reports a paragraph that stops mid-sentence before a
// blank line, continued by a block starting in lower case: a paragraph
// opening with a capital, a long last line without final punctuation, and a
// next line that is not a list item.
func brokenAcrossBlank(p *para, next line) bool {
	last := p.lines[len(p.lines)-1]
	if p.bullet || p.mdHeading || isBulletLine(next.text) || isLink(next.text) || last.runes < 40 {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(p.lines[0].text); !unicode.IsUpper(r) {
		return false // text in one case: nothing tells a broken sentence
	}
	if endsTerminal(last.text) || strings.HasSuffix(last.text, ":") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(next.text)
	return unicode.IsLower(r)
}

// wrapWidth decides whether the lines of blocks are hard-wrapped prose and
// at which width: no line is much longer than the width, and most lines that
// continue within a block reach close to it without ending a sentence.
func wrapWidth(blocks [][]line) (int, bool) {
	maxAll := 0
	for _, b := range blocks {
		for _, l := range b {
			if l.runes > maxAll {
				maxAll = l.runes
			}
		}
	}
	if maxAll > 200 || maxAll < 30 {
		return 0, false
	}
	nonFinal, evidence := 0, 0
	for _, b := range blocks {
		for i := 0; i+1 < len(b); i++ {
			if isBulletLine(b[i+1].text) || strings.HasPrefix(b[i].text, "#") {
				continue
			}
			nonFinal++
			if b[i].runes*10 >= maxAll*6 && !endsTerminal(b[i].text) {
				evidence++
			}
		}
	}
	if evidence >= 2 && evidence*2 >= nonFinal {
		return maxAll, true
	}
	return 0, false
}

// joins reports whether line b continues the paragraph cur whose last line is a.
func joins(cur *para, a, b line, width int, wrapped bool) bool {
	if isBulletLine(b.text) || strings.HasPrefix(b.text, "#") || cur.mdHeading || isLink(b.text) {
		return false
	}
	if cur.bullet {
		// only an indented line continues a list item
		return b.indent >= 2 && b.indent > cur.lines[0].indent
	}
	first := firstWord(b.text)
	fr, _ := utf8.DecodeRuneInString(b.text)
	lower := unicode.IsLower(fr)
	term := endsTerminal(a.text) || strings.HasSuffix(a.text, ":")
	if wrapped {
		if b.indent >= 2 && b.indent > a.indent+1 {
			return false // a first-line indent opens a paragraph
		}
		wouldFit := a.runes+1+utf8.RuneCountInString(first) <= width
		if term {
			return !wouldFit
		}
		return lower || !wouldFit || a.runes*100 >= width*85 && !titleCase(a.text)
	}
	if term {
		return false
	}
	return lower || strings.HasSuffix(a.text, ",") || strings.HasSuffix(a.text, "-") && !strings.HasSuffix(a.text, " -")
}

// isLink reports a line that starts with a web address.
func isLink(s string) bool {
	return strings.HasPrefix(s, "http://") || strings.HasPrefix(s, "https://") || strings.HasPrefix(s, "www.")
}

func firstWord(s string) string {
	if i := strings.IndexFunc(s, isSpaceRune); i >= 0 {
		return s[:i]
	}
	return s
}

// endsTerminal reports whether s ends with sentence punctuation, perhaps
// followed by closing quotes or brackets.
func endsTerminal(s string) bool {
	for len(s) > 0 {
		r, w := utf8.DecodeLastRuneInString(s)
		if isCloser(r) {
			s = s[:len(s)-w]
			continue
		}
		return isEnder(r)
	}
	return false
}

// isBulletLine reports a list item: "- ", "* ", "• ", "1. ", "2) ", "a) ".
func isBulletLine(s string) bool {
	r, w := utf8.DecodeRuneInString(s)
	switch r {
	case '-', '*', '•', '·', '◦', '▪', '■', '●', '–', '—', '+', '►', '▶', '✓', '✔':
		if w < len(s) {
			r2, _ := utf8.DecodeRuneInString(s[w:])
			return isSpaceRune(r2)
		}
		return false
	}
	// numbered: up to 3 digits then "." or ")" then space
	i := 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && (s[i+1] == ' ' || s[i+1] == '\t') {
		return true
	}
	return false
}
