package facts

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/data"
)

// This file finds the quotation marks of a source's story paragraphs and pairs
// them into quotations. See quotes.go for the overview.

// qSpan is a byte span in Source.Text, end exclusive.
type qSpan struct{ start, end int }

// Mark families: a closing mark only closes an opening mark of its family.
const (
	qFamDouble = iota + 1
	qFamSingle
	qFamGuil
	qFamCorner  // 「…」
	qFamCorner2 // 『…』
	qFamSGuil   // ‹…›
)

type qOpenMark struct {
	fam      int
	straight bool
	pos, end int // byte span of the mark itself
}

// qRawQuote is one pair of marks (or a run of re-opened paragraphs) before
// joining and attribution.
type qRawQuote struct {
	para  int     // paragraph of the opening mark
	outer qSpan   // marks included; used to mask quoted text
	parts []qSpan // the quoted words, marks and edge punctuation excluded
	comma bool    // the quoted words end with a comma ("…noon," the harbour master said)
	term  bool    // the quoted words end with . ! or ?
}

// qScanQuotes returns the top-level quotations of the story paragraphs of src,
// in text order. Nested quotations belong to their outer one.
func qScanQuotes(src *data.Source) []qRawQuote {
	var out []qRawQuote
	var carry *qRawQuote // a quotation left open at a paragraph end that re-opens in the next
	var carryFam int
	for pi, p := range src.Paragraphs {
		if !p.Kind.IsStory() || p.Start < 0 || p.End > len(src.Text) || p.Start >= p.End {
			carry = nil
			continue
		}
		var stack qStack
		var cur *qRawQuote // the quotation being continued from the previous paragraph
		i := p.Start
		if carry != nil {
			// The multi-paragraph convention: the paragraph opens with the same
			// family of mark and the quotation goes on.
			j := qSkipSpace(src.Text, i, p.End)
			if r, w := utf8.DecodeRuneInString(src.Text[j:]); j < p.End && qOpenFamily(r) == carryFam {
				cur = carry
				stack.push(qOpenMark{fam: carryFam, straight: r == '"' || r == '\'', pos: j, end: j + w})
				i = j + w
			} else {
				out = append(out, *carry)
			}
			carry = nil
		}
		for i < p.End {
			r, w := utf8.DecodeRuneInString(src.Text[i:])
			if !qIsMarkRune(r) {
				i += w
				continue
			}
			prev := qPrevRune(src.Text, i, p.Start)
			next := qNextRune(src.Text, i+w, p.End)
			act, fam := qClassifyMark(src.Text, r, prev, next, i, w, p.End, &stack)
			switch act {
			case qActOpen:
				stack.push(qOpenMark{fam: fam, straight: r == '"' || r == '\'', pos: i, end: i + w})
			case qActClose:
				if stack.n[fam] > 0 {
					om, k := stack.popTo(fam)
					if k == 0 {
						q := qRawQuote{para: pi, outer: qSpan{om.pos, i + w}}
						if cur != nil {
							q = *cur
							cur = nil
							q.outer.end = i + w
						}
						q.addPart(src.Text, om.end, i)
						if len(q.parts) > 0 {
							out = append(out, q)
						}
					}
				}
			}
			i += w
		}
		if len(stack.marks) == 0 {
			continue
		}
		// Left open at the paragraph end.
		om := stack.marks[0]
		if om.fam == qFamSingle {
			continue // most likely an apostrophe read as a mark
		}
		q := qRawQuote{para: pi, outer: qSpan{om.pos, p.End}}
		if cur != nil {
			q = *cur
			q.outer.end = p.End
		}
		q.addPart(src.Text, om.end, p.End)
		if len(q.parts) == 0 {
			continue
		}
		if pi+1 < len(src.Paragraphs) && src.Paragraphs[pi+1].Kind.IsStory() {
			qq := q
			carry, carryFam = &qq, om.fam
			continue
		}
		out = append(out, q)
	}
	if carry != nil {
		out = append(out, *carry)
	}
	return out
}

// addPart appends the quoted words between start and end: surrounding space
// and a trailing comma, colon or semicolon are not part of them.
func (q *qRawQuote) addPart(text string, start, end int) {
	for start < end {
		r, w := utf8.DecodeRuneInString(text[start:])
		if !unicode.IsSpace(r) {
			break
		}
		start += w
	}
	q.comma, q.term = false, false
	for end > start {
		r, w := utf8.DecodeLastRuneInString(text[start:end])
		if unicode.IsSpace(r) {
			end -= w
			continue
		}
		if r == ',' || r == ';' || r == ':' {
			q.comma = q.comma || r == ','
			end -= w
			continue
		}
		break
	}
	if end > start {
		r, _ := utf8.DecodeLastRuneInString(text[start:end])
		q.term = r == '.' || r == '!' || r == '?' || r == '…'
	}
	if !qHasWord(text[start:end]) {
		return
	}
	q.parts = append(q.parts, qSpan{start, end})
}

func qHasWord(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
	}
	return false
}

const (
	qActNone = iota
	qActOpen
	qActClose
)

func qIsMarkRune(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»', '\'', '‘', '’', '「', '」', '『', '』', '‹', '›':
		return true
	}
	return false
}

// qOpenFamily is the family of r when r can open a quotation, else 0.
func qOpenFamily(r rune) int {
	switch r {
	case '"', '“', '„':
		return qFamDouble
	case '«':
		return qFamGuil
	case '「':
		return qFamCorner
	case '『':
		return qFamCorner2
	case '‹':
		return qFamSGuil
	case '\'', '‘':
		return qFamSingle
	}
	return 0
}

// qStack holds the open marks of a paragraph, with a count per family.
type qStack struct {
	marks []qOpenMark
	n     [8]int
	last  int // cached end of the last closing single mark of the paragraph; 0 unknown
}

func (s *qStack) push(m qOpenMark) {
	s.marks = append(s.marks, m)
	s.n[m.fam]++
}

// popTo pops the innermost open mark of fam and everything opened after it,
// and returns it with its depth (0: a top-level quotation). The family must
// be on the stack.
func (s *qStack) popTo(fam int) (qOpenMark, int) {
	k := len(s.marks) - 1
	for s.marks[k].fam != fam {
		s.n[s.marks[k].fam]--
		k--
	}
	m := s.marks[k]
	s.n[fam]--
	s.marks = s.marks[:k]
	return m, k
}

func (s *qStack) on(fam int) bool { return s.n[fam] > 0 }

func (s *qStack) top() int {
	if len(s.marks) == 0 {
		return 0
	}
	return s.marks[len(s.marks)-1].fam
}

// qOpenCtx: a mark that stands before a word and after space, a bracket, a
// dash or another mark.
func qOpenCtx(prev, next rune) bool {
	return (prev == ' ' || unicode.IsSpace(prev) || strings.ContainsRune("([{—–-/“‘\"'«„:", prev)) &&
		!unicode.IsSpace(next) && next != ' '
}

// qCloseCtx: a mark after a word or punctuation and before space, punctuation
// or the paragraph end.
func qCloseCtx(prev, next rune) bool {
	return !unicode.IsSpace(prev) && prev != ' ' &&
		(unicode.IsSpace(next) || next == ' ' || unicode.IsPunct(next) || unicode.IsSymbol(next))
}

func qClassifyMark(text string, r, prev, next rune, i, w, pend int, stack *qStack) (int, int) {
	switch r {
	case '“':
		if stack.top() == qFamDouble && !qOpenCtx(prev, next) && qCloseCtx(prev, next) {
			return qActClose, qFamDouble // „…“ or a closing mark typed the wrong way round
		}
		return qActOpen, qFamDouble
	case '„':
		return qActOpen, qFamDouble
	case '”':
		if !stack.on(qFamDouble) && qOpenCtx(prev, next) && !qCloseCtx(prev, next) {
			return qActOpen, qFamDouble
		}
		return qActClose, qFamDouble
	case '«':
		return qActOpen, qFamGuil
	case '「':
		return qActOpen, qFamCorner
	case '」':
		return qActClose, qFamCorner
	case '『':
		return qActOpen, qFamCorner2
	case '』':
		return qActClose, qFamCorner2
	case '‹':
		return qActOpen, qFamSGuil
	case '›':
		return qActClose, qFamSGuil
	case '»':
		if !stack.on(qFamGuil) && qOpenCtx(prev, next) {
			return qActOpen, qFamGuil
		}
		return qActClose, qFamGuil
	case '"':
		oc, cc := qOpenCtx(prev, next), qCloseCtx(prev, next)
		if stack.on(qFamDouble) && (cc || !oc) {
			return qActClose, qFamDouble
		}
		if oc {
			return qActOpen, qFamDouble
		}
		return qActNone, 0
	case '‘', '\'', '’':
		if qIsWordRune(prev) && qIsWordRune(next) {
			return qActNone, 0 // don’t, Colombia’s
		}
		oc, cc := qOpenCtx(prev, next), qCloseCtx(prev, next)
		if oc && !cc && (r != '’' || qIsLetter(next) && stack.laterSingleClose(text, i+w, pend)) {
			// (a ’ typed the wrong way round opens only when a mark can close it)
			if qElision(text[i+w : pend]) {
				return qActNone, 0 // ’90s, ’em
			}
			return qActOpen, qFamSingle
		}
		if cc && r != '‘' && stack.on(qFamSingle) {
			// "the farmers’ union": a plural possessive, when a closing mark follows
			if (prev == 's' || prev == 'S') && stack.laterSingleClose(text, i+w, pend) {
				j := qSkipSpace(text, i+w, pend)
				if r2, _ := utf8.DecodeRuneInString(text[j:]); j < pend && unicode.IsLower(r2) {
					return qActNone, 0
				}
			}
			return qActClose, qFamSingle
		}
		return qActNone, 0
	}
	return qActNone, 0
}

// qElision reports whether the text after an apostrophe-like mark makes it an
// qElision rather than an opening mark: ’90s, ’em, ’til, ’n’.
func qElision(after string) bool {
	n := 0
	for n < len(after) && after[n] >= '0' && after[n] <= '9' {
		n++
	}
	if n == 2 && (len(after) == 2 || !qIsWordByte(after[2]) || after[2] == 's') {
		return true
	}
	qWord := after
	for k, r := range after {
		if !unicode.IsLetter(r) {
			qWord = after[:k]
			break
		}
	}
	switch strings.ToLower(qWord) {
	case "em", "til", "tis", "twas", "cause", "n", "bout", "round", "nuff", "kay":
		return true
	}
	return false
}

func qIsWordByte(b byte) bool {
	return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9'
}

// laterSingleClose reports whether a closing single mark follows in the
// paragraph; the last one is found once per paragraph.
func (s *qStack) laterSingleClose(text string, from, pend int) bool {
	if s.last == 0 {
		s.last = -1
		for i := pend; i > 0; {
			r, w := utf8.DecodeLastRuneInString(text[:i])
			i -= w
			if i < from-1 {
				break
			}
			if r == '’' || r == '\'' {
				prev := qPrevRune(text, i, 0)
				next := qNextRune(text, i+w, pend)
				if !(qIsWordRune(prev) && qIsWordRune(next)) && qCloseCtx(prev, next) {
					s.last = i
					break
				}
			}
		}
	}
	return s.last >= from
}

func qIsLetter(r rune) bool { return unicode.IsLetter(r) }

func qIsWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func qPrevRune(text string, i, lo int) rune {
	if i <= lo {
		return ' '
	}
	r, _ := utf8.DecodeLastRuneInString(text[lo:i])
	return r
}

func qNextRune(text string, i, hi int) rune {
	if i >= hi {
		return ' '
	}
	r, _ := utf8.DecodeRuneInString(text[i:hi])
	return r
}

func qSkipSpace(text string, i, hi int) int {
	for i < hi {
		r, w := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsSpace(r) {
			break
		}
		i += w
	}
	return i
}
