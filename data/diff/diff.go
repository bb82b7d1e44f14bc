package diff

import (
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"

	"parallax/data"
)

// Op is what an edit does.
type Op int8

// Edit operations, from the base's point of view: Delete is base text the
// other side lacks, Insert is text only the other side has.
const (
	Equal Op = iota
	Insert
	Delete
)

// String names the operation as the JSON report spells it.
func (o Op) String() string {
	switch o {
	case Equal:
		return "equal"
	case Insert:
		return "insert"
	case Delete:
		return "delete"
	}
	return "unknown"
}

// Edit is a run of text with its operation.
type Edit struct {
	Op   Op
	Text string
}

// maxSymbols is how many distinct tokens fit in the rune alphabet once the
// surrogate range is skipped.
const maxSymbols = utf8.MaxRune - 0x800

// Words diffs b against base a word by word: each token of data.Tokenize is
// one symbol, so an edit never splits a word or a number. Concatenating the
// Equal and Delete texts gives a back; Equal and Insert texts give b.
// Adjacent edits of the same operation are merged.
func Words(a, b string) []Edit {
	if a == b || a == "" || b == "" {
		return WordsTokens(a, nil, b, nil)
	}
	return WordsTokens(a, data.Tokenize(a), b, data.Tokenize(b))
}

// WordsTokens is Words for texts already tokenised: ta and tb must be
// data.Tokenize(a) and data.Tokenize(b).
func WordsTokens(a string, ta []data.Token, b string, tb []data.Token) []Edit {
	if a == b {
		if a == "" {
			return nil
		}
		return []Edit{{Equal, a}}
	}
	if a == "" {
		return []Edit{{Insert, b}}
	}
	if b == "" {
		return []Edit{{Delete, a}}
	}
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	clear(sc.sym)
	sym := sc.sym
	texts := sc.texts[:0]
	defer func() {
		sc.texts = texts[:0]
		if len(sym) > 4096 { // a huge cell: do not keep clearing its table
			sc.sym, sc.texts = map[string]rune{}, nil
		}
	}()
	encode := func(text string, toks []data.Token) []rune {
		rs := make([]rune, len(toks))
		for i, t := range toks {
			s := text[t.Start:t.End]
			r, ok := sym[s]
			if !ok {
				r = symbol(len(texts))
				sym[s] = r
				texts = append(texts, s)
			}
			rs[i] = r
		}
		return rs
	}
	ra, rb := encode(a, ta), encode(b, tb)
	if len(texts) >= maxSymbols {
		return []Edit{{Delete, a}, {Insert, b}}
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	diffs := dmp.DiffMainRunes(ra, rb, false)
	out := make([]Edit, 0, len(diffs))
	var sb strings.Builder
	for _, d := range diffs {
		var op Op
		switch d.Type {
		case diffmatchpatch.DiffInsert:
			op = Insert
		case diffmatchpatch.DiffDelete:
			op = Delete
		default:
			op = Equal
		}
		sb.Reset()
		for _, r := range d.Text {
			sb.WriteString(texts[index(r)])
		}
		if sb.Len() == 0 {
			continue
		}
		if n := len(out); n > 0 && out[n-1].Op == op {
			out[n-1].Text += sb.String()
			continue
		}
		out = append(out, Edit{op, sb.String()})
	}
	return out
}

// scratch is a diff's symbol table, kept between diffs: a comparison
// diffs thousands of small cells.
type scratch struct {
	sym   map[string]rune
	texts []string
}

var scratchPool = sync.Pool{New: func() any { return &scratch{sym: map[string]rune{}} }}

// symbol maps the k-th distinct token to a rune, skipping the surrogate
// range, which does not survive a round trip through a Go string.
func symbol(k int) rune {
	r := rune(k)
	if r >= 0xD800 {
		r += 0x800
	}
	return r
}

func index(r rune) int {
	if r >= 0xE000 {
		r -= 0x800
	}
	return int(r)
}

// Texts rebuilds the two sides of a diff: the base (Equal and Delete) and
// the other (Equal and Insert).
func Texts(edits []Edit) (a, b string) {
	var sa, sb strings.Builder
	for _, e := range edits {
		if e.Op != Insert {
			sa.WriteString(e.Text)
		}
		if e.Op != Delete {
			sb.WriteString(e.Text)
		}
	}
	return sa.String(), sb.String()
}
