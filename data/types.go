package data

import (
	"fmt"
	"slices"
	"sync"
)

// Kind classifies a paragraph.
type Kind string

// Paragraph kinds. Only KindBoilerplate is kept out of the alignment; the
// others are story text of different roles.
const (
	KindHeadline    Kind = "headline"
	KindSubheading  Kind = "subheading"
	KindBody        Kind = "body"
	KindBullet      Kind = "bullet"
	KindCaption     Kind = "caption"
	KindDateline    Kind = "dateline"
	KindByline      Kind = "byline"
	KindBoilerplate Kind = "boilerplate"
)

// IsStory reports whether paragraphs of this kind are aligned as story text.
// Captions, datelines and bylines describe the article rather than tell the
// story, so they are kept out of the rows like boilerplate.
func (k Kind) IsStory() bool {
	switch k {
	case KindHeadline, KindSubheading, KindBody, KindBullet:
		return true
	}
	return false
}

// Source is one version of the story.
type Source struct {
	ID       string // file name without extension, unique within a comparison
	Name     string // display name: the file's base name, or what the user typed
	Path     string // where it was read from; empty for pasted text
	Title    string // the document's own title where the format has one
	Format   string // "txt", "md", "html", "docx", "paste", ...
	Encoding string // the input's detected encoding, e.g. "utf-8", "utf-16le", "windows-1252"
	Text     string // decoded text: UTF-8, NFC, "\n" line ends; every offset refers to it

	Paragraphs []Paragraph
	Sentences  []Sentence // every sentence of every paragraph, in reading order

	an *analysis // set by PrepareTokens
}

// analysis holds what is derived from the analysed source alone: its
// tokens, and what the stages keep with Derived.
type analysis struct {
	text    string
	tokens  []Token
	mu      sync.Mutex
	derived map[any]any
}

// Paragraph is a block of the source's text.
type Paragraph struct {
	Kind       Kind
	Start, End int // byte span in Source.Text, end exclusive, trimmed of surrounding space
	First, N   int // its sentences are Source.Sentences[First : First+N]
}

// Sentence is one sentence (or a headline, caption, bullet) of a paragraph.
type Sentence struct {
	ID         string // unique within its source, stable for the same text: "p3s2"
	Para       int    // index of its paragraph in Source.Paragraphs
	Start, End int    // byte span in Source.Text, end exclusive
}

// Story reports whether sentence i belongs to story text (not boilerplate,
// caption, dateline or byline). A sentence index, paragraph index or span out
// of range (a malformed Source) is not story, so callers never index past the
// text.
func (s *Source) Story(i int) bool {
	if i < 0 || i >= len(s.Sentences) {
		return false
	}
	se := s.Sentences[i]
	return se.Para >= 0 && se.Para < len(s.Paragraphs) && se.Start >= 0 && se.Start <= se.End &&
		se.End <= len(s.Text) && s.Paragraphs[se.Para].Kind.IsStory()
}

// SentenceText returns the text of sentence i.
func (s *Source) SentenceText(i int) string {
	se := s.Sentences[i]
	return s.Text[se.Start:se.End]
}

// ParagraphText returns the text of paragraph i.
func (s *Source) ParagraphText(i int) string {
	p := s.Paragraphs[i]
	return s.Text[p.Start:p.End]
}

// Problem is an input that could not be used, with a one-line reason.
type Problem struct {
	Path   string // the file as the user named it
	Reason string // one line, lower case, no trailing period: "empty file"
}

func (p *Problem) Error() string { return fmt.Sprintf("%s: %s", p.Path, p.Reason) }

// Tokens returns the tokens of s.Text[start:end] with offsets relative to
// start: exactly what Tokenize(s.Text[start:end]) returns. After
// PrepareTokens, spans are cut from the tokens of the whole text instead of
// tokenised again (a span whose ends fall inside a token is still tokenised
// afresh). The returned slice is the caller's own.
func (s *Source) Tokens(start, end int) []Token {
	if start < 0 || end > len(s.Text) || start > end {
		return nil
	}
	if c := s.an; c != nil && c.text == s.Text {
		if lo, hi, ok := c.span(start, end); ok {
			return appendShifted(make([]Token, 0, hi-lo), c.tokens[lo:hi], -start)
		}
	}
	return Tokenize(s.Text[start:end])
}

// AppendTokens appends the tokens of s.Text[start:end] to dst with their
// offsets moved by shift-start, so that a caller joining several spans
// gets one list without intermediate copies. Out of range spans add
// nothing.
func (s *Source) AppendTokens(dst []Token, start, end, shift int) []Token {
	if start < 0 || end > len(s.Text) || start > end {
		return dst
	}
	if c := s.an; c != nil && c.text == s.Text {
		if lo, hi, ok := c.span(start, end); ok {
			return appendShifted(dst, c.tokens[lo:hi], shift-start)
		}
	}
	return appendShifted(dst, Tokenize(s.Text[start:end]), shift)
}

// span returns the cached tokens that tile [start, end) exactly.
func (c *analysis) span(start, end int) (lo, hi int, ok bool) {
	all := c.tokens
	lo, _ = slices.BinarySearchFunc(all, start, func(t Token, x int) int { return t.Start - x })
	hi, _ = slices.BinarySearchFunc(all, end, func(t Token, x int) int { return t.Start - x })
	if lo >= hi || all[lo].Start != start || all[hi-1].End != end {
		return 0, 0, false
	}
	return lo, hi, true
}

func appendShifted(dst, toks []Token, by int) []Token {
	n := len(dst)
	dst = append(dst, toks...)
	if by != 0 {
		for i := n; i < len(dst); i++ {
			dst[i].Start += by
			dst[i].End += by
		}
	}
	return dst
}

// Derived returns the value mk makes from this source for key, made once
// and kept with the source's analysis. The stages keep there what they
// derive from one source alone, so that a comparison made again after a
// source was added, the base changed or a correction made analyses only the
// sources it has not seen. mk must depend on nothing but the source (its
// text, paragraphs and sentences) and its value must never be changed.
// Before PrepareTokens, or after the text was replaced, mk runs every time.
// Safe for concurrent use; two first calls at once may both run mk.
func (s *Source) Derived(key any, mk func() any) any {
	c := s.an
	if c == nil || c.text != s.Text {
		return mk()
	}
	c.mu.Lock()
	v, ok := c.derived[key]
	c.mu.Unlock()
	if ok {
		return v
	}
	v = mk()
	c.mu.Lock()
	defer c.mu.Unlock()
	if old, ok := c.derived[key]; ok {
		return old
	}
	if c.derived == nil {
		c.derived = map[any]any{}
	}
	c.derived[key] = v
	return v
}

// PrepareTokens tokenises the whole text once, for Tokens, and starts an
// empty store for Derived. It is called when the source is analysed (its
// paragraphs and sentences made), before the source is shared between
// goroutines; a copy of the source shares both.
func (s *Source) PrepareTokens() {
	c := &analysis{text: s.Text}
	if s.an != nil && s.an.text == s.Text {
		c.tokens = s.an.tokens
	} else {
		c.tokens = Tokenize(s.Text)
	}
	s.an = c
}
