package facts

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"parallax/data/internal/seeds"
)

// extractCases: each sentence and the mention expected in it (Text is the
// whole mention's span).
var extractCases = []struct {
	name     string
	sentence string
	text     string
	value    float64
	hi       float64 // 0: same as value
	base     float64 // 0: same as value
	hedge    string
	kind     string
	unit     string
}{
	// digits, separators, decimals
	{"thousands separator", "Some 12,000 troops were sent.", "Some 12,000 troops", 12000, 0, 0, "about", "count", "troop"},
	{"decimal", "Prices rose 2.5 times.", "2.5 times", 2.5, 0, 0, "", "count", "time"},
	{"decimal comma", "Die Inflation lag bei 2,5 percent.", "2,5 percent", 2.5, 0, 0, "", "percent", "%"},
	{"dotted thousands", "Attendance was 1.234.567 visitors.", "1.234.567 visitors", 1234567, 0, 0, "", "count", "visitor"},
	{"spaced thousands", "Some 12 000 troops were sent.", "Some 12 000 troops", 12000, 0, 0, "about", "count", "troop"},
	{"lakh", "About 10 lakh people voted.", "About 10 lakh people", 1e6, 0, 0, "about", "count", "people"},
	{"crore", "The fund is Rs 5 crore.", "Rs 5 crore", 5e7, 0, 0, "", "money", "INR"},
	// spelled numbers
	{"word count", "The deployment includes eight warships.", "eight warships", 8, 0, 0, "", "count", "warship"},
	{"hyphenated words", "Thirty-one soldiers died.", "Thirty-one soldiers", 31, 0, 0, "", "count", "soldier"},
	{"words with scale", "They sent twelve thousand troops.", "twelve thousand troops", 12000, 0, 0, "", "count", "troop"},
	{"a dozen", "A dozen fire engines arrived.", "A dozen fire engines", 12, 0, 0, "", "count", "engine"},
	{"dozens vague", "Dozens of people fled.", "Dozens of people", 24, 99, 0, "vague", "count", "people"},
	{"a hundred", "About a hundred people gathered.", "About a hundred people", 100, 0, 0, "about", "count", "people"},
	{"one million", "One million voters took part.", "One million voters", 1e6, 0, 0, "", "count", "voter"},
	{"two and a half", "The talks lasted two and a half days.", "two and a half days", 2.5, 0, 60, "", "duration", "day"},
	{"seven of the nine", "Seven of the nine board members agreed.", "Seven of the nine board members", 7, 0, 0, "", "count", "member"},
	// magnitudes
	{"million", "The city has 2.5 million residents.", "2.5 million residents", 2.5e6, 0, 0, "", "count", "resident"},
	{"glued m", "It reaches 2.5m people.", "2.5m people", 2.5e6, 0, 0, "", "count", "people"},
	{"dollar bn", "A $1.2bn deal was signed.", "$1.2bn", 1.2e9, 0, 0, "", "money", "USD"},
	{"1,200 million", "The loan is worth 1,200 million dollars.", "1,200 million dollars", 1.2e9, 0, 0, "", "money", "USD"},
	// money
	{"US$", "It paid US$5 million.", "US$5 million", 5e6, 0, 0, "", "money", "USD"},
	{"euro sign", "Fines of €300 were issued.", "€300", 300, 0, 0, "", "money", "EUR"},
	{"pound sign", "Tickets cost £45.", "£45", 45, 0, 0, "", "money", "GBP"},
	{"code before", "The fund holds USD 40m.", "USD 40m", 4e7, 0, 0, "", "money", "USD"},
	{"pesos", "Each family got 500,000 pesos.", "500,000 pesos", 5e5, 0, 0, "", "money", "peso"},
	{"euros words", "The budget is 3 billion euros.", "3 billion euros", 3e9, 0, 0, "", "money", "EUR"},
	// percentages and points
	{"percent sign", "The rate is 9.25%.", "9.25%", 9.25, 0, 0, "", "percent", "%"},
	{"per cent", "Inflation hit 9.5 per cent.", "9.5 per cent", 9.5, 0, 0, "", "percent", "%"},
	{"percent word", "Turnout was 61 percent.", "61 percent", 61, 0, 0, "", "percent", "%"},
	{"percentage points", "It rose 0.75 percentage points.", "0.75 percentage points", 0.75, 0, 0, "", "points", "points"},
	{"basis points", "It rose 75 basis points.", "75 basis points", 0.75, 0, 0, "", "points", "points"},
	{"fraction of a point", "It rose three-quarters of a percentage point.", "three-quarters of a percentage point", 0.75, 0, 0, "", "points", "points"},
	{"half a point", "It rose by half a point.", "half a point", 0.5, 0, 0, "", "points", "points"},
	{"pc", "Shares fell 14pc on Monday.", "14pc", 14, 0, 0, "", "percent", "%"},
	// ordinals
	{"ordinal word", "It was the fourth increase.", "fourth increase", 4, 0, 0, "", "ordinal", "increase"},
	{"ordinal digits", "The 21st century began.", "21st century", 21, 0, 0, "", "ordinal", "century"},
	// ranges
	{"range to", "Between 10 to 12 people were hurt.", "Between 10 to 12 people", 10, 12, 0, "", "count", "people"},
	{"range dash", "Some 10-12 soldiers died.", "Some 10-12 soldiers", 10, 12, 0, "about", "count", "soldier"},
	{"range between", "Between 10 and 12 people died.", "Between 10 and 12 people", 10, 12, 0, "", "count", "people"},
	{"range money", "It costs $2m-$3m.", "$2m-$3m", 2e6, 3e6, 0, "", "money", "USD"},
	// counts and hedges
	{"soldiers", "They sent 600 soldiers.", "600 soldiers", 600, 0, 0, "", "count", "soldier"},
	{"adjective before noun", "They sent 600 US soldiers.", "600 US soldiers", 600, 0, 0, "", "count", "soldier"},
	{"at least", "At least 75 people have been killed.", "At least 75 people", 75, 0, 0, "at least", "count", "people"},
	{"more than", "More than 200 sailors left.", "More than 200 sailors", 200, 0, 0, "more than", "count", "sailor"},
	{"over", "Over 3,000 were hurt.", "Over 3,000", 3000, 0, 0, "more than", "count", ""},
	{"nearly", "Nearly 70 people died.", "Nearly 70 people", 70, 0, 0, "nearly", "count", "people"},
	{"almost", "Almost 70 people died.", "Almost 70 people", 70, 0, 0, "nearly", "count", "people"},
	{"about", "About 90 firefighters came.", "About 90 firefighters", 90, 0, 0, "about", "count", "firefighter"},
	{"around", "Around 90 firefighters came.", "Around 90 firefighters", 90, 0, 0, "about", "count", "firefighter"},
	{"some", "Some 90 firefighters came.", "Some 90 firefighters", 90, 0, 0, "about", "count", "firefighter"},
	{"up to", "Up to 40 boats sank.", "Up to 40 boats", 40, 0, 0, "at most", "count", "boat"},
	{"fewer than", "Fewer than 40 boats sank.", "Fewer than 40 boats", 40, 0, 0, "less than", "count", "boat"},
	{"plus sign", "With 75+ dead, it is grim.", "75+ dead", 75, 0, 0, "at least", "count", "people"},
	{"or more", "It killed 75 or more people.", "75 or more people", 75, 0, 0, "at least", "count", "people"},
	{"passes", "The toll passes 1,000.", "passes 1,000", 1000, 0, 0, "more than", "count", "people"},
	{"number of", "The number of cholera cases has risen to 1,243.", "1,243", 1243, 0, 0, "", "count", "case"},
	{"people word", "The blast left 12 dead.", "12 dead", 12, 0, 0, "", "count", "people"},
	{"collective modifier", "Twelve police officers were hurt.", "Twelve police officers", 12, 0, 0, "", "count", "officer"},
	{"irregular plural", "Three women were arrested.", "Three women", 3, 0, 0, "", "count", "woman"},
	{"ellipsis noun", "It killed 20 people and injured 30.", "30", 30, 0, 0, "", "count", "people"},
	{"of them", "It has 2,000 stores and will shut 40 of them.", "40", 40, 0, 0, "", "count", "store"},
	{"measure before", "A magnitude 6.8 quake hit.", "6.8", 6.8, 0, 0, "", "measure", "magnitude"},
	{"measure compound", "A 6.8-magnitude quake hit.", "6.8-magnitude", 6.8, 0, 0, "", "measure", "magnitude"},
	// durations
	{"days", "The fire burned for two days.", "two days", 2, 0, 48, "", "duration", "day"},
	{"hours", "The order lasts 48 hours.", "48 hours", 48, 0, 0, "", "duration", "h"},
	{"hour compound", "Under a 48-hour order.", "48-hour", 48, 0, 0, "", "duration", "h"},
	{"years", "Its first such move in 30 years.", "30 years", 30, 0, 30 * 8766, "", "duration", "year"},
	{"age", "A 30-year-old man was held.", "30-year-old", 30, 0, 30 * 8766, "", "age", "year"},
	{"a single day", "The rain fell in a single day.", "a single day", 1, 0, 24, "", "duration", "day"},
	{"for an hour", "They talked for an hour.", "an hour", 1, 0, 1, "", "duration", "h"},
	{"word compound", "A two-day strike began.", "two-day", 2, 0, 48, "", "duration", "day"},
	// units
	{"millimetres", "Rain reached 210 mm.", "210 mm", 210, 0, 0.21, "", "length", "mm"},
	{"centimetres", "Rain reached 21 cm.", "21 cm", 21, 0, 0.21, "", "length", "cm"},
	{"glued km", "It is 70km away.", "70km", 70, 0, 70000, "", "length", "km"},
	{"kg", "Police seized 40 kg of cocaine.", "40 kg", 40, 0, 40, "", "mass", "kg"},
	{"tonnes", "It carried 4,000 tonnes of fish.", "4,000 tonnes", 4000, 0, 4e6, "", "mass", "t"},
	{"speed", "Winds of 90 km/h are forecast.", "90 km/h", 90, 0, 90, "", "speed", "km/h"},
	{"speed words", "Winds of 90 kilometres per hour are forecast.", "90 kilometres per hour", 90, 0, 90, "", "speed", "km/h"},
	{"hectares", "It burned 12,000 hectares.", "12,000 hectares", 12000, 0, 12000, "", "area", "ha"},
	{"square km", "It burned 120 square kilometres.", "120 square kilometres", 120, 0, 12000, "", "area", "sq km"},
	{"fraction of", "Two-thirds of the voters stayed home.", "Two-thirds of the voters", 2.0 / 3, 0, 0, "", "fraction", "voter"},
	{"half of", "Half of all homes lost power.", "Half of all homes", 0.5, 0, 0, "", "fraction", "home"},
	{"celsius glued", "It reached 40C on Monday.", "40C", 40, 0, 0, "", "temperature", "°C"},
	{"degrees", "It reached 104 degrees Fahrenheit.", "104 degrees Fahrenheit", 104, 0, 40, "", "temperature", "°F"},
	// years
	{"year", "The law passed in 2025.", "in 2025", 2025, 0, 0, "", "year", ""},
	{"year alone", "The 2019 survey found leaks.", "2019", 2019, 0, 0, "", "year", ""},
	{"four digits counted", "They sent 1500 soldiers.", "1500 soldiers", 1500, 0, 0, "", "count", "soldier"},
	{"not a year", "It has 2,025 members.", "2,025 members", 2025, 0, 0, "", "count", "member"},
}

// mentionWith returns the mention whose text contains want.
func mentionWith(ns []Number, want string) (Number, bool) {
	for _, n := range ns {
		if n.Text == want {
			return n, true
		}
	}
	for _, n := range ns {
		if strings.Contains(n.Text, want) {
			return n, true
		}
	}
	return Number{}, false
}

func TestExtract(t *testing.T) {
	for _, c := range extractCases {
		t.Run(c.name, func(t *testing.T) {
			ns := Extract(c.sentence, 100)
			n, ok := mentionWith(ns, c.text)
			require.True(t, ok, "no mention %q in %q; got %v", c.text, c.sentence, texts(ns))
			assert.Equal(t, c.text, n.Text)
			assert.Equal(t, c.sentence[n.Start-100:n.End-100], n.Text)
			assert.InDelta(t, c.value, n.Value, 1e-9*max(1, c.value), "value")
			hi, base := c.hi, c.base
			if hi == 0 {
				hi = c.value
			}
			if base == 0 {
				base = c.value
			}
			assert.InDelta(t, hi, n.Hi, 1e-9*max(1, hi), "hi")
			assert.InDelta(t, base, n.Base, 1e-6*max(1, base), "base")
			assert.Equal(t, c.hedge, n.Hedge, "hedge")
			assert.Equal(t, c.kind, n.Kind, "kind")
			assert.Equal(t, c.unit, n.Unit, "unit")
			assert.NotEmpty(t, n.Display)
		})
	}
}

func texts(ns []Number) []string {
	var out []string
	for _, n := range ns {
		out = append(out, n.Text)
	}
	return out
}

// Things that are not quantities worth comparing.
func TestExtractNothing(t *testing.T) {
	for _, s := range []string{
		"One of the men said no one would go.",
		"The two met in private.",
		"The F-16 and the COVID-19 response.",
		"Petro first began the talks.",
		"March on, said the protesters who may leave.",
		"",
		"   ",
	} {
		assert.Empty(t, texts(Extract(s, 0)), s)
	}
}

func FuzzExtractNumbers(f *testing.F) {
	for _, c := range extractCases {
		f.Add(c.sentence)
	}
	for _, c := range dateCases {
		f.Add(c.sentence)
	}
	f.Add("12/13/14/15 -5 1e9 $$ 3:99 99:99 a.m. 0x10 ٣ ١٢")
	f.Add(strings.Repeat("9", 400) + " people and a trillion trillion trillion trillion trillion trillion trillion dollars")
	f.Fuzz(func(t *testing.T, s string) {
		mustStartMention(t, s)
		last := 0
		for _, n := range Extract(s, 0) {
			if n.Start < last || n.End <= n.Start || n.End > len(s) {
				t.Fatalf("%q: bad span %d-%d after %d", s, n.Start, n.End, last)
			}
			if s[n.Start:n.End] != n.Text {
				t.Fatalf("%q: text %q does not match span", s, n.Text)
			}
			if n.Hi < n.Value || n.Kind == "" || !finite(n.Value) || !finite(n.Hi) {
				t.Fatalf("%q: bad mention %+v", s, n)
			}
			last = n.End
		}
	})
}

// mustStartMention fails when mentionAt finds a mention at a token that
// mayStartMention would have skipped: extract would then miss it.
func mustStartMention(t testing.TB, s string) {
	ts := tokens(s, 0)
	for i := range ts {
		if _, _, ok := mentionAt(ts, i); ok && !mayStartMention(ts[i]) {
			t.Fatalf("%q: mentionAt reads a mention at %q, which mayStartMention skips", s, ts[i].raw)
		}
	}
}

// mayStartMention lets through every token a mention starts at: the test
// sentences, the invented stories and the seed articles.
func TestMayStartMention(t *testing.T) {
	var texts []string
	for _, c := range extractCases {
		texts = append(texts, c.sentence)
	}
	for _, c := range dateCases {
		texts = append(texts, c.sentence)
	}
	stories, _ := filepath.Glob(filepath.Join("testdata", "stories", "*", "*"))
	for _, p := range stories {
		if b, err := os.ReadFile(p); err == nil {
			texts = append(texts, strings.Split(string(b), "\n")...)
		}
	}
	if dir := seeds.Dir(); dir != "" {
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		for _, p := range files {
			if b, err := os.ReadFile(p); err == nil {
				texts = append(texts, strings.Split(string(b), "\n")...)
			}
		}
	}
	require.NotEmpty(t, texts)
	for _, s := range texts {
		mustStartMention(t, s)
	}
}
