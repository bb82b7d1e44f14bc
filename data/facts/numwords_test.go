package facts

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

var numberWordCases = []struct {
	in      string
	value   float64
	n       int // words read
	ordinal bool
	vague   bool
	ok      bool
}{
	{"eight warships", 8, 1, false, false, true},
	{"Thirty-one soldiers", 31, 1, false, false, true},
	{"twelve thousand troops", 12000, 2, false, false, true},
	{"a dozen boats", 12, 2, false, false, true},
	{"two dozen eggs", 24, 2, false, false, true},
	{"half a dozen", 6, 3, false, false, true},
	{"dozens of people", 24, 1, false, true, true},
	{"hundreds of thousands", 200000, 3, false, true, true},
	{"tens of thousands of people", 20000, 3, false, true, true},
	{"two and a half days", 2.5, 4, false, false, true},
	{"two and a half million", 2.5e6, 5, false, false, true},
	{"a hundred", 100, 2, false, false, true},
	{"one hundred and five", 105, 4, false, false, true},
	{"one million", 1e6, 2, false, false, true},
	{"half a million", 5e5, 3, false, false, true},
	{"half", 0.5, 1, false, false, true},
	{"fourth", 4, 1, true, false, true},
	{"twenty-first century", 21, 1, true, false, true},
	{"one hundred and first", 101, 4, true, false, true},
	{"nine hundred ninety-nine", 999, 3, false, false, true},
	{"three million four hundred thousand", 3.4e6, 5, false, false, true},
	{"seventy five", 75, 2, false, false, true},
	{"zero", 0, 1, false, false, true},
	{"twelve fifteen", 12, 1, false, false, true},
	{"a", 0, 0, false, false, false},
	{"and two", 0, 0, false, false, false},
	{"thirty-something", 0, 0, false, false, false},
	{"people", 0, 0, false, false, false},
	{"", 0, 0, false, false, false},
}

func TestNumberWords(t *testing.T) {
	for _, c := range numberWordCases {
		t.Run(c.in, func(t *testing.T) {
			got, ok := ParseNumberWords(strings.Fields(c.in))
			assert.Equal(t, c.ok, ok)
			if !c.ok {
				return
			}
			assert.InDelta(t, c.value, got.Value, 1e-9)
			assert.Equal(t, c.n, got.N)
			assert.Equal(t, c.ordinal, got.Ordinal)
			assert.Equal(t, c.vague, got.Vague)
		})
	}
}

func FuzzNumberWords(f *testing.F) {
	for _, c := range numberWordCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		words := strings.Fields(s)
		got, ok := ParseNumberWords(words)
		if !ok {
			return
		}
		if got.N < 1 || got.N > len(words) {
			t.Fatalf("%q: read %d of %d words", s, got.N, len(words))
		}
		if got.Hi < got.Value {
			t.Fatalf("%q: hi %v below value %v", s, got.Hi, got.Value)
		}
	})
}
