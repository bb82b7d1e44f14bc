package data

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var tokenizeCases = []struct {
	in    string
	norms []string // non-space tokens
	kinds []TokenKind
}{
	{"at least 75 killed", []string{"at", "least", "75", "killed"}, []TokenKind{Word, Word, Number, Word}},
	{"12,000 troops", []string{"12000", "troops"}, []TokenKind{Number, Word}},
	{"2,5 per cent", []string{"2.5", "per", "cent"}, []TokenKind{Number, Word, Word}},
	{"3:40 a.m.", []string{"3:40", "a", ".", "m", "."}, []TokenKind{Number, Word, Punct, Word, Punct}},
	{"Colombia’s long-standing", []string{"colombia's", "long-standing"}, []TokenKind{Word, Word}},
	{"“Quote,” he said.", []string{"\"", "quote", ",", "\"", "he", "said", "."}, []TokenKind{Punct, Word, Punct, Punct, Word, Word, Punct}},
	{"$1.2bn and 75+", []string{"$", "1.2bn", "and", "75", "+"}, []TokenKind{Punct, Word, Word, Number, Punct}},
	{"总统说", []string{"总", "统", "说"}, []TokenKind{Word, Word, Word}},
	{"", nil, nil},
}

func TestTokenize(t *testing.T) {
	for _, c := range tokenizeCases {
		t.Run(c.in, func(t *testing.T) {
			toks := Tokenize(c.in)
			var norms []string
			var kinds []TokenKind
			for _, tk := range toks {
				if tk.Kind != Space {
					norms = append(norms, tk.Norm)
					kinds = append(kinds, tk.Kind)
				}
			}
			assert.Equal(t, c.norms, norms)
			assert.Equal(t, c.kinds, kinds)
			requireCovers(t, c.in, toks)
		})
	}
}

func requireCovers(t testing.TB, text string, toks []Token) {
	var b strings.Builder
	at := 0
	for _, tk := range toks {
		require.Equal(t, at, tk.Start, "tokens must be contiguous")
		require.Greater(t, tk.End, tk.Start, "tokens must not be empty")
		b.WriteString(text[tk.Start:tk.End])
		at = tk.End
	}
	require.Equal(t, text, b.String())
}

func FuzzTokenize(f *testing.F) {
	for _, c := range tokenizeCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		requireCovers(t, s, Tokenize(s))
	})
}

// checkSpans asserts that Source.Tokens, cut from the whole text's tokens,
// equals tokenising each span afresh.
func checkSpans(t testing.TB, text string, spans [][2]int) {
	s := &Source{Text: text}
	s.PrepareTokens()
	prefix := []Token{{Start: 0, End: 1, Kind: Punct, Norm: "x"}}
	for _, sp := range spans {
		want := Tokenize(text[sp[0]:sp[1]])
		require.Equal(t, want, s.Tokens(sp[0], sp[1]), "span %v of %q", sp, text)
		shifted := append([]Token(nil), prefix...)
		for _, tk := range want {
			tk.Start, tk.End = tk.Start+7, tk.End+7
			shifted = append(shifted, tk)
		}
		require.Equal(t, shifted, s.AppendTokens(append([]Token(nil), prefix...), sp[0], sp[1], 7), "appended span %v of %q", sp, text)
	}
}

func TestSourceTokens(t *testing.T) {
	texts := []string{"At 3:40 a.m. on Friday, 12,000 troops – “not 2,5” – left. Colombia’s long-standing 2.5m F-16s. 总统说 ok"}
	for _, c := range tokenizeCases {
		texts = append(texts, c.in)
	}
	for _, text := range texts {
		var spans [][2]int
		for i := 0; i <= len(text); i++ {
			for j := i; j <= len(text); j++ {
				spans = append(spans, [2]int{i, j})
			}
		}
		checkSpans(t, text, spans)
	}
	// out of range spans give nothing; without PrepareTokens it tokenises
	s := &Source{Text: "one two"}
	assert.Nil(t, s.Tokens(-1, 3))
	assert.Nil(t, s.Tokens(2, 99))
	assert.Equal(t, Tokenize("two"), s.Tokens(4, 7))
	// a copy shares the tokens; a changed text is tokenised afresh
	s.PrepareTokens()
	cp := *s
	cp.Text = "ten six"
	assert.Equal(t, Tokenize("six"), cp.Tokens(4, 7))
}

func FuzzSourceTokens(f *testing.F) {
	for _, c := range tokenizeCases {
		f.Add(c.in, uint16(0), uint16(len(c.in)))
		f.Add(c.in, uint16(1), uint16(len(c.in)/2))
	}
	f.Fuzz(func(t *testing.T, text string, a, b uint16) {
		i, j := int(a)%(len(text)+1), int(b)%(len(text)+1)
		if i > j {
			i, j = j, i
		}
		checkSpans(t, text, [][2]int{{i, j}, {0, i}, {j, len(text)}})
	})
}

// BenchmarkTokenize tokenises an English news paragraph.
func BenchmarkTokenize(b *testing.B) {
	text := strings.Repeat("At 3:40 a.m. on Friday, the river rose 2.5 metres and 12,000 residents of Vellmouth’s low-lying districts were told to leave; “we have never seen it this high,” the mayor said. ", 50)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		Tokenize(text)
	}
}

func TestDerived(t *testing.T) {
	s := &Source{Text: "one two"}
	calls := 0
	mk := func() any { calls++; return calls }
	assert.Equal(t, 1, s.Derived("k", mk), "without an analysis mk runs each time")
	assert.Equal(t, 2, s.Derived("k", mk))
	s.PrepareTokens()
	assert.Equal(t, 3, s.Derived("k", mk))
	assert.Equal(t, 3, s.Derived("k", mk), "kept")
	assert.Equal(t, 4, s.Derived("other", mk), "by key")
	cp := *s
	assert.Equal(t, 3, cp.Derived("k", mk), "a copy shares the store")
	cp.Text = "changed"
	assert.Equal(t, 5, cp.Derived("k", mk), "a changed text is not served old values")
	s.PrepareTokens()
	assert.Equal(t, 6, s.Derived("k", mk), "a new analysis starts empty")
}
