package diff

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var wordsCases = []struct {
	name string
	a, b string
	want []Edit
}{
	{"both empty", "", "", nil},
	{"same", "The mayor spoke.", "The mayor spoke.", []Edit{{Equal, "The mayor spoke."}}},
	{"only base", "gone", "", []Edit{{Delete, "gone"}}},
	{"only other", "", "new", []Edit{{Insert, "new"}}},
	{"changed number", "at least 75 people", "at least 80 people",
		[]Edit{{Equal, "at least "}, {Delete, "75"}, {Insert, "80"}, {Equal, " people"}}},
	{"number with separator is one token", "cost 12,000 dollars", "cost 12,500 dollars",
		[]Edit{{Equal, "cost "}, {Delete, "12,000"}, {Insert, "12,500"}, {Equal, " dollars"}}},
	{"word never split", "the fishermen left", "the fisherman left",
		[]Edit{{Equal, "the "}, {Delete, "fishermen"}, {Insert, "fisherman"}, {Equal, " left"}}},
	{"inserted words merge", "the boat sank", "the old wooden boat sank",
		[]Edit{{Equal, "the "}, {Insert, "old wooden "}, {Equal, "boat sank"}}},
	{"case is a change", "Harbour closed", "harbour closed",
		[]Edit{{Delete, "Harbour"}, {Insert, "harbour"}, {Equal, " closed"}}},
	{"curly quotes differ", "“No,” she said", "\"No,\" she said",
		[]Edit{{Delete, "“"}, {Insert, "\""}, {Equal, "No,"}, {Delete, "”"}, {Insert, "\""}, {Equal, " she said"}}},
	{"unicode words", "Bogotá y Medellín", "Bogotá o Medellín",
		[]Edit{{Equal, "Bogotá "}, {Delete, "y"}, {Insert, "o"}, {Equal, " Medellín"}}},
	{"han characters", "東京都", "京都府",
		[]Edit{{Delete, "東"}, {Equal, "京都"}, {Insert, "府"}}},
	{"spacing", "a  b", "a b", []Edit{{Equal, "a"}, {Delete, "  "}, {Insert, " "}, {Equal, "b"}}},
}

func TestWords(t *testing.T) {
	for _, tc := range wordsCases {
		t.Run(tc.name, func(t *testing.T) {
			got := Words(tc.a, tc.b)
			assert.Equal(t, tc.want, got)
			checkRoundTrip(t, tc.a, tc.b, got)
		})
	}
}

func TestWordsManySymbols(t *testing.T) {
	// more distinct tokens than the surrogate gap: symbols must skip it
	var a, b []byte
	for i := 0; i < 60000; i++ {
		w := []byte{byte('a' + i%26), byte('a' + i/26%26), byte('a' + i/676%26), byte('a' + i/17576%26), ' '}
		a = append(a, w...)
		if i%1000 != 7 {
			b = append(b, w...)
		}
	}
	checkRoundTrip(t, string(a), string(b), Words(string(a), string(b)))
}

func TestOpString(t *testing.T) {
	assert.Equal(t, "equal", Equal.String())
	assert.Equal(t, "insert", Insert.String())
	assert.Equal(t, "delete", Delete.String())
	assert.Equal(t, "unknown", Op(9).String())
}

func checkRoundTrip(t *testing.T, a, b string, edits []Edit) {
	t.Helper()
	ga, gb := Texts(edits)
	require.Equal(t, a, ga, "base side")
	require.Equal(t, b, gb, "other side")
	for i, e := range edits {
		require.NotEmpty(t, e.Text, "edit %d is empty", i)
		if i > 0 {
			require.NotEqual(t, edits[i-1].Op, e.Op, "edits %d and %d not merged", i-1, i)
		}
	}
}

func FuzzWords(f *testing.F) {
	for _, tc := range wordsCases {
		f.Add(tc.a, tc.b)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		checkRoundTrip(t, a, b, Words(a, b))
	})
}

func BenchmarkWords(b *testing.B) {
	x := "Officials said at least 75 people had been killed in 19 strikes since September, and the harbour stayed closed on Tuesday."
	y := "At least 80 people were killed in 21 strikes since early September, officials said; the harbour remained shut on Tuesday."
	for b.Loop() {
		Words(x, y)
	}
}
