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
