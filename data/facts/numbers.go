package facts

import (
	"math"
	"strconv"
	"strings"

	"parallax/data"
)

// tok is a non-space token of a sentence.
type tok struct {
	start, end int    // byte span in the source text
	kind       uint8  // wordTok, numTok, punctTok
	raw, norm  string // the text; data.Token.Norm
	sp         bool   // space before it
}

const (
	wordTok = uint8(data.Word)
	numTok  = uint8(data.Number)
	punct   = uint8(data.Punct)
)

// tokens returns the non-space tokens of text, with offsets shifted by base.
func tokens(text string, base int) []tok {
	return tokensFrom(text, base, data.Tokenize(text))
}

// tokensFrom is tokens over text's tokens already made.
func tokensFrom(text string, base int, dt []data.Token) []tok {
	n := 0
	for _, t := range dt {
		if t.Kind != data.Space {
			n++
		}
	}
	return appendToks(make([]tok, 0, n), text, base, dt)
}

// appendToks appends tokensFrom(text, base, dt) to out.
func appendToks(out []tok, text string, base int, dt []data.Token) []tok {
	sp := true
	for _, t := range dt {
		if t.Kind == data.Space {
			sp = true
			continue
		}
		out = append(out, tok{start: t.Start + base, end: t.End + base, kind: uint8(t.Kind),
			raw: text[t.Start:t.End], norm: t.Norm, sp: sp})
		sp = false
	}
	return out
}

// hedges: phrase (lower-case words) → canonical hedge.
var hedgePhrases = []struct {
	words []string
	hedge string
}{
	{[]string{"at", "least"}, "at least"},
	{[]string{"no", "fewer", "than"}, "at least"},
	{[]string{"no", "less", "than"}, "at least"},
	{[]string{"a", "minimum", "of"}, "at least"},
	{[]string{"more", "than"}, "more than"},
	{[]string{"just", "over"}, "more than"},
	{[]string{"over"}, "more than"},
	{[]string{"above"}, "more than"},
	{[]string{"upwards", "of"}, "more than"},
	{[]string{"in", "excess", "of"}, "more than"},
	{[]string{"at", "most"}, "at most"},
	{[]string{"up", "to"}, "at most"},
	{[]string{"as", "many", "as"}, "at most"},
	{[]string{"as", "much", "as"}, "at most"},
	{[]string{"no", "more", "than"}, "at most"},
	{[]string{"a", "maximum", "of"}, "at most"},
	{[]string{"less", "than"}, "less than"},
	{[]string{"fewer", "than"}, "less than"},
	{[]string{"just", "under"}, "less than"},
	{[]string{"under"}, "less than"},
	{[]string{"below"}, "less than"},
	{[]string{"nearly"}, "nearly"},
	{[]string{"almost"}, "nearly"},
	{[]string{"close", "to"}, "nearly"},
	{[]string{"approaching"}, "nearly"},
	{[]string{"about"}, "about"},
	{[]string{"around"}, "about"},
	{[]string{"roughly"}, "about"},
	{[]string{"approximately"}, "about"},
	{[]string{"some"}, "about"},
	{[]string{"an", "estimated"}, "about"},
	{[]string{"estimated"}, "about"},
	{[]string{"circa"}, "about"},
	{[]string{"between"}, "between"},
	{[]string{"passes"}, "more than"},
	{[]string{"passed"}, "more than"},
	{[]string{"tops"}, "more than"},
	{[]string{"topped"}, "more than"},
	{[]string{"exceeds"}, "more than"},
	{[]string{"exceeded"}, "more than"},
	{[]string{"surpasses"}, "more than"},
	{[]string{"surpassed"}, "more than"},
}

// hedgeByFirst lists, for each first word, the indices of the hedge phrases
// that open with it, in the order of hedgePhrases.
var hedgeByFirst = func() map[string][]int {
	m := map[string][]int{}
	for k, h := range hedgePhrases {
		m[h.words[0]] = append(m[h.words[0]], k)
	}
	return m
}()

func hedgeAt(ts []tok, i int) (string, int) {
	if i >= len(ts) || ts[i].kind != wordTok {
		return "", i
	}
	for _, hk := range hedgeByFirst[ts[i].norm] {
		h := hedgePhrases[hk]
		if i+len(h.words) > len(ts) {
			continue
		}
		ok := true
		for k, w := range h.words {
			if ts[i+k].kind != wordTok || ts[i+k].norm != w {
				ok = false
				break
			}
		}
		if ok {
			return h.hedge, i + len(h.words)
		}
	}
	return "", i
}

var currencySymbols = map[string]string{
	"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₩": "KRW", "₺": "TRY", "₦": "NGN",
}

// currency codes written before or after a figure ("USD 5m", "5 million euros").
var currencyCodes = map[string]string{
	"usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "cny": "CNY", "inr": "INR",
	"cop": "COP", "mxn": "MXN", "brl": "BRL", "chf": "CHF", "cad": "CAD", "aud": "AUD", "rub": "RUB",
	"rs": "INR",
}

var currencyWords = map[string]string{
	"dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pound": "GBP", "pounds": "GBP",
	"sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "rupee": "INR", "rupees": "INR",
	"peso": "peso", "pesos": "peso", "real": "BRL", "reais": "BRL", "rouble": "RUB", "roubles": "RUB",
	"ruble": "RUB", "rubles": "RUB", "franc": "CHF", "francs": "CHF", "won": "KRW", "lira": "TRY",
	"naira": "NGN", "rand": "ZAR", "shekel": "ILS", "shekels": "ILS", "bolivar": "VES", "bolivars": "VES",
}

// prefixes before "$": "US$", "A$", "C$", "NZ$", "HK$", "R$".
var dollarPrefixes = map[string]string{"us": "USD", "a": "AUD", "c": "CAD", "ca": "CAD", "nz": "NZD", "hk": "HKD", "r": "BRL", "s": "SGD"}

var magnitudes = map[string]float64{
	"thousand": 1e3, "k": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "mln": 1e6, "millions": 1e6,
	"billion": 1e9, "bn": 1e9, "b": 1e9, "bln": 1e9, "trillion": 1e12, "tn": 1e12, "trn": 1e12,
	"lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
}

// unitInfo describes a unit of measure.
type unitInfo struct {
	kind, unit string
	scale      float64 // to the kind's base unit: metres, kilograms, hours, points, litres, km/h, hectares
	exact      bool    // the conversion is exact
}

var units = map[string]unitInfo{
	"km": {"length", "km", 1000, true}, "kilometre": {"length", "km", 1000, true}, "kilometres": {"length", "km", 1000, true},
	"kilometer": {"length", "km", 1000, true}, "kilometers": {"length", "km", 1000, true},
	"m": {"length", "m", 1, true}, "metre": {"length", "m", 1, true}, "metres": {"length", "m", 1, true},
	"meter": {"length", "m", 1, true}, "meters": {"length", "m", 1, true},
	"cm": {"length", "cm", 0.01, true}, "centimetre": {"length", "cm", 0.01, true}, "centimetres": {"length", "cm", 0.01, true},
	"centimeter": {"length", "cm", 0.01, true}, "centimeters": {"length", "cm", 0.01, true},
	"mm": {"length", "mm", 0.001, true}, "millimetre": {"length", "mm", 0.001, true}, "millimetres": {"length", "mm", 0.001, true},
	"millimeter": {"length", "mm", 0.001, true}, "millimeters": {"length", "mm", 0.001, true},
	"mile": {"length", "mi", 1609.344, true}, "miles": {"length", "mi", 1609.344, true},
	"ft": {"length", "ft", 0.3048, true}, "foot": {"length", "ft", 0.3048, true}, "feet": {"length", "ft", 0.3048, true},
	"inch": {"length", "in", 0.0254, true}, "inches": {"length", "in", 0.0254, true},
	"yard": {"length", "yd", 0.9144, true}, "yards": {"length", "yd", 0.9144, true},
	"kg": {"mass", "kg", 1, true}, "kilogram": {"mass", "kg", 1, true}, "kilograms": {"mass", "kg", 1, true},
	"kilo": {"mass", "kg", 1, true}, "kilos": {"mass", "kg", 1, true},
	"g": {"mass", "g", 0.001, true}, "gram": {"mass", "g", 0.001, true}, "grams": {"mass", "g", 0.001, true},
	"mg":    {"mass", "mg", 1e-6, true},
	"tonne": {"mass", "t", 1000, true}, "tonnes": {"mass", "t", 1000, true},
	"lb": {"mass", "lb", 0.45359237, true}, "lbs": {"mass", "lb", 0.45359237, true},
	"l": {"volume", "l", 1, true}, "litre": {"volume", "l", 1, true}, "litres": {"volume", "l", 1, true},
	"liter": {"volume", "l", 1, true}, "liters": {"volume", "l", 1, true}, "ml": {"volume", "ml", 0.001, true},
	"barrel": {"volume", "bbl", 158.987294928, true}, "barrels": {"volume", "bbl", 158.987294928, true},
	"hectare": {"area", "ha", 1, true}, "hectares": {"area", "ha", 1, true}, "acre": {"area", "acre", 0.40468564224, true},
	"acres": {"area", "acre", 0.40468564224, true},
	"mph":   {"speed", "mph", 1.609344, true}, "kph": {"speed", "km/h", 1, true},
	"second": {"duration", "s", 1.0 / 3600, true}, "seconds": {"duration", "s", 1.0 / 3600, true},
	"secs":   {"duration", "s", 1.0 / 3600, true},
	"minute": {"duration", "min", 1.0 / 60, true}, "minutes": {"duration", "min", 1.0 / 60, true},
	"mins": {"duration", "min", 1.0 / 60, true},
	"hour": {"duration", "h", 1, true}, "hours": {"duration", "h", 1, true}, "hrs": {"duration", "h", 1, true},
	"day": {"duration", "day", 24, true}, "days": {"duration", "day", 24, true},
	"week": {"duration", "week", 168, true}, "weeks": {"duration", "week", 168, true},
	"fortnight": {"duration", "week", 336, true},
	"month":     {"duration", "month", 730.5, false}, "months": {"duration", "month", 730.5, false},
	"year": {"duration", "year", 8766, false}, "years": {"duration", "year", 8766, false},
	"decade": {"duration", "year", 87660, false}, "decades": {"duration", "year", 87660, false},
	"century": {"duration", "year", 876600, false}, "centuries": {"duration", "year", 876600, false},
}

// funcWords end a counted-noun phrase.
var funcWords = toSet("the a an of in on at to for from by with and or but nor have has had were was is are be been being " +
	"will would could should may might can must that which who whom whose since after before as than while when " +
	"per each who into onto over under about around this these those its their his her our your my it they he she we " +
	"not no so if then also only just more most less least up down out off said says say told according including " +
	"between among during through across against within without via near amid despite toward towards do does did")

func toSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// people-words: a count of these counts people, with the verb they imply.
var personWords = map[string]string{
	"dead": "killed", "killed": "killed", "deaths": "killed", "death": "killed", "fatalities": "killed",
	"lives": "killed", "injured": "injured", "wounded": "injured", "hurt": "injured",
	"arrested": "arrested", "detained": "arrested", "missing": "missing", "displaced": "displaced",
	"evacuated": "evacuated", "casualties": "casualties",
}

var irregularPlurals = map[string]string{
	"people": "people", "persons": "people", "person": "people", "men": "man", "women": "woman",
	"children": "child", "police": "police", "personnel": "personnel", "staff": "staff", "crew": "crew",
	"aircraft": "aircraft", "troops": "troop", "feet": "foot", "sheep": "sheep", "fish": "fish",
	"cattle": "cattle", "series": "series", "species": "species", "news": "news", "data": "data",
}

// lemma returns a plural noun's singular ("vessels" → "vessel"), and whether
// the word looked plural.
func lemma(w string) (string, bool) {
	if l, ok := irregularPlurals[w]; ok {
		return l, w != "person"
	}
	if strings.HasSuffix(w, "men") && len(w) > 4 {
		return w[:len(w)-3] + "man", true
	}
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y", true
	case n > 4 && (strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes")):
		return w[:n-2], true
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is") && !strings.HasSuffix(w, "'s"):
		return w[:n-1], true
	}
	return w, false
}

// Extract finds the quantities, dates and times of text (one sentence),
// whose first byte is at offset base of the source text. The mentions carry
// Start, End, Text, Value, Hi, Hedge, Kind, Unit, Display; the caller fills
// Source, Sentence and Row.
func Extract(text string, base int) []Number {
	return extract(text, base, tokens(text, base))
}

// extract is Extract over text's tokens already made.
func extract(text string, base int, ts []tok) []Number {
	var out []Number
	for i := 0; i < len(ts); {
		if !mayStartMention(ts[i]) {
			i++
			continue
		}
		n, next, ok := mentionAt(ts, i)
		if !ok {
			i++
			continue
		}
		n.Text = text[n.Start-base : n.End-base]
		if !finite(n.Value) || !finite(n.Hi) || !finite(n.Base) || !finite(n.BaseHi) {
			i = next
			continue
		}
		if n.Unit != "" && (n.Kind == "count" || n.Kind == "ordinal") {
			n.Noun = n.Unit
			if w := ts[next-1]; w.kind == wordTok {
				if l, _ := lemma(w.norm); l == n.Unit {
					n.Noun = w.norm
				}
			}
			n.Display = display(n)
		}
		// "the number of cholera cases has risen to 1,243", "the death toll
		// rose to 75": the noun was named before the figure
		if n.Kind == "count" && n.Unit == "" {
			n.Unit, n.Noun = nounNamedBefore(ts, n.Start)
			if n.Unit != "" {
				n.Display = display(n)
			}
		}
		// "killing 1,020 people and injuring more than 3,000": the second
		// figure counts the noun of the first
		if n.Kind == "count" && n.Unit == "" && len(out) > 0 {
			p := out[len(out)-1]
			if p.Kind == "count" && p.Unit != "" && (ellipsis(ts, p.End, n.Start) || ofThem(ts, next)) {
				n.Unit, n.Noun = p.Unit, p.Noun
				n.Display = display(n)
			}
		}
		out = append(out, n)
		i = next
	}
	return out
}

// ofThem reports "of them" (or those, these) at token k: "2,000 stores …
// shut 40 of them".
func ofThem(ts []tok, k int) bool {
	return k+1 < len(ts) && ts[k].norm == "of" && (ts[k+1].norm == "them" || ts[k+1].norm == "those" || ts[k+1].norm == "these")
}

// ellipsis reports whether the words between two figures make the second
// count what the first counts: "20 people and injured 30", "5 killed, 12
// wounded" — a conjunction and at most two lower-case words.
func ellipsis(ts []tok, a, b int) bool {
	n, conj := 0, false
	for _, t := range ts {
		if t.start < a || t.end > b {
			continue
		}
		n++
		switch {
		case t.norm == "and" || t.norm == "or" || t.norm == "while" || t.raw == ",":
			conj = true
		case t.kind == wordTok && isCap(t.raw), t.kind == punct:
			return false
		}
	}
	return conj && n <= 3
}

// mayStartMention reports whether mentionAt may find a mention at token t:
// any token but a word; a word that starts with a digit or holds a dash
// ("mid-August", "two-day"); or one of mentionWords (by its lower case).
// Most words are none of these, so they skip mentionAt. A new way for
// mentionAt to start a mention must be covered here (TestMayStartMention
// checks it on the seeds, and the fuzz target on anything).
func mayStartMention(t tok) bool {
	if t.kind != wordTok || t.norm == "" {
		return true
	}
	if c := t.norm[0]; c >= '0' && c <= '9' {
		return true
	}
	if mentionLens[t.norm[0]]&(1<<min(len(t.norm), 31)) != 0 && mentionWords[t.norm] {
		return true
	}
	return indexDash(t.norm) >= 0
}

// mentionLens holds, for each first byte of the mentionWords, a bit for
// each of their lengths (31 for longer ones): a word whose bit is not set
// is none of them, without a look-up.
var mentionLens = func() (l [256]uint32) {
	for w := range mentionWords {
		l[w[0]] |= 1 << min(len(w), 31)
	}
	return l
}()

// mentionWords are the words (lower case) mentionAt may start at: time
// relations ("since"), time hedges ("around", "shortly"), "midnight",
// "noon", "a" ("a single day"), months, their abbreviations and weekdays,
// the first words of hedges ("at least"), currency codes and prefixes, and
// the words that may start a number.
var mentionWords = func() map[string]bool {
	m := toSet("midnight noon midday around about approximately roughly shortly just soon after before until a an")
	addKeys(m, monthNames)
	addKeys(m, monthAbbr)
	addKeys(m, weekdayNames)
	addKeys(m, timeRel)
	addKeys(m, hedgeByFirst)
	addKeys(m, currencyCodes)
	addKeys(m, dollarPrefixes)
	addKeys(m, numberStarts)
	return m
}()

// addKeys adds the keys of from to the set m.
func addKeys[V any](m map[string]bool, from map[string]V) {
	for w := range from {
		m[w] = true
	}
}

// mentionAt reads a mention starting at token i.
func mentionAt(ts []tok, i int) (Number, int, bool) {
	// inside a word like "F-16" or "COVID-19": the tokenizer keeps those as
	// words; a number glued after letters and a hyphen is skipped here.
	if i > 0 && !ts[i].sp && ts[i-1].kind == punct && (ts[i-1].raw == "-" || ts[i-1].raw == "/") && i > 1 && !ts[i-1].sp && ts[i-2].kind == wordTok && !isQuantityWord(ts[i-2]) {
		return Number{}, i, false
	}
	start := i
	// time relation: "since August", "on Tuesday", "in 2025"
	if r, ok := timeRel[ts[i].norm]; ok && ts[i].kind == wordTok && i+1 < len(ts) {
		if n, j, ok := dateAt(ts, i+1); ok {
			n.Rel = r
			return finish(ts, n, start, j), j, true
		}
		if y, j := yearAt(ts, i+1); y > 0 && !countFollows(ts, j) {
			n := Number{Kind: "year", Value: float64(y), Display: strconv.Itoa(y), Rel: r}
			return finish(ts, n, start, j), j, true
		}
	}
	// "mid-August"
	if ts[i].kind == wordTok && strings.HasPrefix(ts[i].norm, "mid-") {
		if m, ok := monthNames[ts[i].norm[4:]]; ok {
			n := Number{Kind: "month", Value: float64(m), Display: monthLong[m], Rel: "in"}
			return finish(ts, n, i, i+1), i + 1, true
		}
	}
	if t, j, ok := timeAt(ts, i); ok {
		return finish(ts, t, i, j), j, true
	}
	if d, j, ok := aDurationAt(ts, i); ok {
		return finish(ts, d, i, j), j, true
	}
	if n, j, ok := dateAt(ts, i); ok {
		return finish(ts, n, i, j), j, true
	}
	hedge, j := hedgeAt(ts, i)
	if hedge != "" {
		if n, k, ok := quantityAt(ts, j, hedge); ok {
			return finish(ts, n, i, k), k, true
		}
		return Number{}, i, false
	}
	if n, k, ok := quantityAt(ts, i, ""); ok {
		return finish(ts, n, i, k), k, true
	}
	return Number{}, i, false
}

func isQuantityWord(t tok) bool {
	_, ok := currencyCodes[t.norm]
	return ok
}

func finish(ts []tok, n Number, i, j int) Number {
	n.Start, n.End = ts[i].start, ts[j-1].end
	n.Row, n.Fact = -1, -1
	if n.Hi == 0 {
		n.Hi = n.Value
	}
	if n.Base == 0 && n.BaseHi == 0 {
		n.Base, n.BaseHi = n.Value, n.Hi
	}
	if n.tol == 0 {
		n.tol = 0.5
	}
	if n.Display == "" {
		n.Display = display(n)
	}
	return n
}

// countFollows reports whether a counted plural noun follows at token j, so
// that "1500 soldiers" is a count, not a year.
func countFollows(ts []tok, j int) bool {
	if j < len(ts) && ts[j].kind == wordTok && !funcWords[ts[j].norm] {
		_, pl := lemma(ts[j].norm)
		return pl
	}
	return false
}

// numberAt reads a bare number at token i: digits ("12,000", "2.5"), digits
// with a glued magnitude or suffix ("2.5m", "1.2bn", "21st", "210mm"), or
// number words ("twelve thousand"). suffix is the glued letters, lower case.
func numberAt(ts []tok, i int) (v NumWords, j int, suffix string, ok bool) {
	if i >= len(ts) {
		return v, i, "", false
	}
	t := ts[i]
	switch t.kind {
	case numTok:
		if strings.Contains(t.norm, ":") {
			return v, i, "", false
		}
		norm := t.norm
		if len(t.raw) > 1 && t.raw[0] == '0' && t.raw[1] != '.' && t.raw[1] != ',' {
			// "01632 960441": a phone number or a code
			return v, i, "", false
		}
		if strings.Count(norm, ".") > 1 {
			// "1.234.567": dots grouping thousands
			parts := strings.Split(norm, ".")
			for _, p := range parts[1:] {
				if len(p) != 3 {
					return v, i, "", false
				}
			}
			norm = strings.Join(parts, "")
		}
		f, err := strconv.ParseFloat(norm, 64)
		if err != nil {
			return v, i, "", false
		}
		j := i + 1
		// "12 000": a space grouping thousands
		if allDigits(t.raw) && len(t.raw) <= 3 && t.raw[0] != '0' {
			for j < len(ts) && ts[j].kind == numTok && ts[j].sp && len(ts[j].raw) == 3 && allDigits(ts[j].raw) &&
				ts[j].start-ts[j-1].end == len(" ") {
				f = f*1000 + float64(atoi(ts[j].raw))
				j++
			}
		}
		return NumWords{Value: f, Hi: f, N: j - i}, j, "", true
	case wordTok:
		if c := t.norm[0]; c >= '0' && c <= '9' {
			k := 0
			for k < len(t.norm) && (t.norm[k] >= '0' && t.norm[k] <= '9' || t.norm[k] == '.' || t.norm[k] == ',') {
				k++
			}
			num, suf := t.norm[:k], t.norm[k:]
			f, err := strconv.ParseFloat(data.NormNumber(num), 64)
			if err != nil {
				return v, i, "", false
			}
			return NumWords{Value: f, Hi: f, N: 1}, i + 1, suf, true
		}
		// number words over consecutive word tokens
		if !mayStartNumber(t.norm) {
			return v, i, "", false
		}
		if (t.norm == "a" || t.norm == "an") && !(i+1 < len(ts) && ts[i+1].kind == wordTok && ts[i+1].sp && scaleAfterA(ts[i+1].norm)) {
			// "a" starts a number only before "hundred", "dozen", a scale
			// word or "quarter" (what ParseNumberWords would say, sooner)
			return v, i, "", false
		}
		var words []string
		for k := i; k < len(ts) && k < i+8 && ts[k].kind == wordTok; k++ {
			if k > i && !ts[k].sp {
				break
			}
			words = append(words, ts[k].raw)
		}
		nw, ok := ParseNumberWords(words)
		if !ok {
			// "two-day", "five-year-old": a number word glued to a unit
			if k := strings.IndexByte(t.norm, '-'); k > 0 {
				if nw, ok := ParseNumberWords([]string{t.norm[:k]}); ok && !nw.Vague && !nw.Ordinal {
					if _, unit := units[strings.SplitN(t.norm[k+1:], "-", 2)[0]]; unit {
						return nw, i + 1, t.norm[k:], true
					}
				}
			}
			return v, i, "", false
		}
		return nw, i + nw.N, "", true
	}
	return v, i, "", false
}

// measureWords name a scale written before its figure.
var measureWords = toSet("magnitude category level grade stage phase size")

var determiners = toSet("the its his her their our your my a an this that")

var ordinalSuffix = map[string]bool{"st": true, "nd": true, "rd": true, "th": true}

// quantityAt reads a quantity at token i: currency, number, magnitude, range,
// unit or percent, and the counted noun.
func quantityAt(ts []tok, i int, hedge string) (Number, int, bool) {
	n, k, ok := quantity(ts, i, hedge)
	if !ok {
		return n, k, ok
	}
	// the rounding tolerance follows the magnitude and the unit
	if n.raw != 0 && n.Value != 0 {
		n.tol *= n.Value / n.raw
		if n.Base != 0 {
			n.tol *= n.Base / n.Value
		}
	}
	return n, k, ok
}

func quantity(ts []tok, i int, hedge string) (Number, int, bool) {
	n := Number{Hedge: hedge}
	cur := ""
	j := i
	// currency before the figure: "$", "US$", "€", "USD"
	if j < len(ts) {
		if c, ok := currencySymbols[ts[j].raw]; ok && j+1 < len(ts) && !ts[j+1].sp {
			cur, j = c, j+1
		} else if ts[j].kind == wordTok && j+2 < len(ts) && ts[j+1].raw == "$" && !ts[j+1].sp && !ts[j+2].sp {
			if c, ok := dollarPrefixes[ts[j].norm]; ok && isCap(ts[j].raw) {
				cur, j = c, j+2
			}
		} else if c, ok := currencyCodes[ts[j].norm]; ok && (ts[j].raw == strings.ToUpper(ts[j].raw) || ts[j].norm == "rs") && j+1 < len(ts) && (ts[j+1].kind == numTok || ts[j+1].kind == wordTok && ts[j+1].norm[0] >= '0' && ts[j+1].norm[0] <= '9') {
			cur, j = c, j+1
		}
	}
	v, k, suf, ok := numberAt(ts, j)
	if !ok {
		return n, i, false
	}
	isWords := ts[j].kind == wordTok && suf == "" && !(ts[j].norm[0] >= '0' && ts[j].norm[0] <= '9')
	// "one of", "no one": a pronoun, not a quantity
	if isWords && v.Value == 1 && !v.Ordinal && (k >= len(ts) || ts[k].norm == "of" || ts[k].norm == "another" || ts[k].kind != wordTok) {
		return n, i, false
	}
	if isWords && v.Value == 1 && !v.Ordinal && j > 0 && (ts[j-1].norm == "no" || ts[j-1].norm == "any" || ts[j-1].norm == "every" || ts[j-1].norm == "the" || ts[j-1].norm == "this" || ts[j-1].norm == "that" || ts[j-1].norm == "each") {
		return n, i, false
	}
	if isWords && v.Value < 1 && !v.Vague && k+1 < len(ts) && ts[k].norm == "of" {
		// "half of the voters", "two-thirds of its members": a share
		e := k + 1
		for e < len(ts) && (determiners[ts[e].norm] || ts[e].norm == "all") {
			e++
		}
		if noun, end := nounAt(ts, e, false); noun != "" {
			n.Kind, n.Unit, n.Value, n.Hi, n.raw = "fraction", noun, v.Value, v.Value, v.Value
			return n, end, true
		}
	}
	n.Value, n.Hi = v.Value, v.Hi
	n.raw = v.Value
	n.tol = 0.5
	if ts[j].kind != wordTok || suf != "" {
		if d := strings.IndexAny(ts[j].norm, "."); d >= 0 {
			dec := 0
			for q := d + 1; q < len(ts[j].norm) && ts[j].norm[q] >= '0' && ts[j].norm[q] <= '9'; q++ {
				dec++
			}
			n.tol = 0.5 * math.Pow(10, -float64(dec))
		} else if v.Value >= 10000 && v.Value == math.Trunc(v.Value) {
			// "a crowd of 45,000" is a rounded 44,812; "10,000" is too
			// round to say how it was rounded
			sig := sigDigits(v.Value)
			tz := len(strconv.FormatFloat(v.Value, 'f', 0, 64)) - len(sig)
			if tz >= 3 && len(sig) >= 2 {
				n.tol = 0.5 * math.Pow(10, float64(tz))
			}
		}
	}
	if v.Vague {
		n.Hedge = "vague"
	}
	ordinal := v.Ordinal
	if ordinal && isWords && !(j > 0 && determiners[ts[j-1].norm]) && !(j > 0 && strings.HasSuffix(ts[j-1].norm, "'s")) {
		// "first began", "second, ...": an adverb, not a rank
		return n, i, false
	}
	if ordinalSuffix[suf] {
		ordinal, suf = true, ""
	}
	// glued suffix: magnitude ("2.5m"), unit ("210mm"), time handled elsewhere
	unit := unitInfo{}
	if suf != "" {
		if mg, ok := magnitudes[suf]; ok {
			n.Value *= mg
			n.Hi *= mg
		} else if suf == "pc" || suf == "pct" {
			n.Kind, n.Unit = "percent", "%"
			return n, k, true
		} else if (suf == "c" || suf == "f") && strings.HasSuffix(ts[j].raw, strings.ToUpper(suf)) {
			return temperature(n, strings.ToUpper(suf)), k, true
		} else if u, ok := units[suf]; ok {
			unit = u
		} else if strings.HasPrefix(suf, "-") {
			// "30-year-old", "10-day": a compound adjective
			parts := strings.Split(suf[1:], "-")
			if u, ok := units[parts[0]]; ok {
				unit = u
				if len(parts) > 1 && parts[1] == "old" {
					n.Kind = "age"
				}
			} else {
				return n, i, false
			}
		} else {
			return n, i, false
		}
	}
	// spaced magnitude: "2.5 million", "1,200 million", "$5 bn"
	if k < len(ts) && ts[k].kind == wordTok && suf == "" && !v.Vague {
		if mg, ok := magnitudes[ts[k].norm]; ok && (ts[k].norm != "m" && ts[k].norm != "b" || cur != "") && ts[k].norm != "millions" {
			n.Value *= mg
			n.Hi *= mg
			k++
		}
	}
	// a "+" right after: "75+"
	if k < len(ts) && ts[k].raw == "+" && !ts[k].sp && n.Hedge == "" {
		n.Hedge = "at least"
		k++
	}
	// range: "10 to 12", "10-12", "between 10 and 12"
	if k+1 < len(ts) && !ordinal {
		sep := ts[k]
		dash := sep.kind == punct && (sep.norm == "-") && !sep.sp && !ts[k+1].sp
		word := sep.kind == wordTok && (sep.norm == "to" && hedge != "at most" || sep.norm == "and" && hedge == "between")
		if dash || word {
			jj := k + 1
			if c, ok := currencySymbols[ts[jj].raw]; ok && c == cur {
				jj++
			}
			if v2, k2, suf2, ok := numberAt(ts, jj); ok && (suf2 == suf || suf2 == "") && v2.Value >= v.Value && !v2.Ordinal {
				hi := v2.Value
				mult := 1.0
				if v.Value != 0 {
					mult = n.Value / v.Value
				}
				if suf2 == suf && suf != "" {
					hi *= mult
				} else if k2 < len(ts) {
					if mg, ok := magnitudes[ts[k2].norm]; ok && (ts[k2].norm != "m" || cur != "") {
						hi *= mg
						if mult == 1 {
							n.Value *= mg
						}
						k2++
					} else {
						hi *= mult
					}
				} else {
					hi *= mult
				}
				if hi >= n.Value {
					n.Hi = hi
					k = k2
					if n.Hedge == "between" {
						n.Hedge = ""
					}
				}
			}
		}
	}
	if n.Hedge == "between" {
		n.Hedge = ""
	}
	// "75 or more"
	if k+1 < len(ts) && ts[k].norm == "or" && (ts[k+1].norm == "more" || ts[k+1].norm == "fewer" || ts[k+1].norm == "less") && n.Hedge == "" {
		if ts[k+1].norm == "more" {
			n.Hedge = "at least"
		} else {
			n.Hedge = "at most"
		}
		k += 2
	}
	// "three-quarters of a percentage point", "half a point"
	if v.Value < 1 && isWords && k+1 < len(ts) {
		kk := k
		if ts[kk].norm == "of" {
			kk++
		}
		if kk < len(ts) && (ts[kk].norm == "a" || ts[kk].norm == "an") {
			kk++
		}
		if kk > k && kk < len(ts) && (ts[kk].norm == "percentage" || ts[kk].norm == "point") {
			k = kk
			if ts[kk].norm == "point" {
				n.Kind, n.Unit = "points", "points"
				return n, k + 1, true
			}
		}
	}
	switch {
	case cur != "":
		n.Kind, n.Unit = "money", cur
		// "US$5m dollars" is rare; a currency word right after is absorbed
		if k < len(ts) && currencyWords[ts[k].norm] == cur {
			k++
		}
		return n, k, true
	case k < len(ts) && ts[k].raw == "%":
		n.Kind, n.Unit = "percent", "%"
		return n, k + 1, true
	case k+1 < len(ts) && ts[k].norm == "per" && ts[k+1].norm == "cent":
		n.Kind, n.Unit = "percent", "%"
		return n, k + 2, true
	case k < len(ts) && (ts[k].norm == "percent" || ts[k].norm == "pct"):
		n.Kind, n.Unit = "percent", "%"
		return n, k + 1, true
	case k+1 < len(ts) && ts[k].norm == "percentage" && (ts[k+1].norm == "points" || ts[k+1].norm == "point"):
		n.Kind, n.Unit = "points", "points"
		return n, k + 2, true
	case k+1 < len(ts) && ts[k].norm == "basis" && (ts[k+1].norm == "points" || ts[k+1].norm == "point"):
		// "75 basis points" is 0.75 percentage points
		n.Kind, n.Unit = "points", "points"
		n.Value, n.Hi = n.Value/100, n.Hi/100
		return n, k + 2, true
	case k < len(ts) && (ts[k].norm == "bps" || ts[k].norm == "bp"):
		n.Kind, n.Unit = "points", "points"
		n.Value, n.Hi = n.Value/100, n.Hi/100
		return n, k + 1, true
	}
	if k < len(ts) && ts[k].kind == wordTok {
		if c, ok := currencyWords[ts[k].norm]; ok && !ordinal && !(c == "GBP" && k+1 < len(ts) && ts[k+1].norm == "of") && !(ts[k].norm == "won" || ts[k].norm == "real") {
			n.Kind, n.Unit = "money", c
			return n, k + 1, true
		}
		if c, ok := currencyCodes[ts[k].norm]; ok && ts[k].raw == strings.ToUpper(ts[k].raw) && !ordinal {
			n.Kind, n.Unit = "money", c
			return n, k + 1, true
		}
		if (ts[k].norm == "pounds" || ts[k].norm == "pound") && !ordinal {
			unit = unitInfo{"mass", "lb", 0.45359237, true}
			k++
		}
	}
	if unit.kind == "" && suf == "" && k+1 < len(ts) && ts[k].raw == "-" && !ts[k].sp && !ts[k+1].sp && ts[k+1].kind == wordTok && !ordinal {
		parts := strings.Split(ts[k+1].norm, "-")
		if u, ok := units[parts[0]]; ok && len(parts[0]) > 2 {
			unit = u
			if len(parts) > 1 && parts[len(parts)-1] == "old" {
				n.Kind = "age"
			}
			k += 2
		} else if len(parts) == 1 && !funcWords[parts[0]] && len(parts[0]) > 3 {
			// "6.8-magnitude earthquake": a measure named after the figure
			n.Kind, n.Unit = "measure", parts[0]
			return n, k + 2, true
		}
	}
	// "40 degrees Celsius", "40 degrees", "40°C"
	if unit.kind == "" && k < len(ts) && !ordinal && (ts[k].norm == "degrees" || ts[k].norm == "degree" || ts[k].raw == "°") {
		scale, e := "C", k+1
		if e < len(ts) {
			switch ts[e].norm {
			case "celsius", "centigrade", "c":
				e++
			case "fahrenheit", "f":
				scale = "F"
				e++
			}
		}
		return temperature(n, scale), e, true
	}
	if unit.kind == "" && k < len(ts) && ts[k].kind == wordTok && !ordinal {
		if u, ok := units[ts[k].norm]; ok && !(len(ts[k].norm) <= 2 && ts[k].sp == false && false) {
			// single letters ("m", "g", "l") only right after digits
			if len(ts[k].norm) > 1 || ts[j].kind == numTok {
				unit = u
				k++
				// "km/h", "kilometres per hour", "miles an hour"
				if u.unit == "km" && k+1 < len(ts) && ts[k].raw == "/" && ts[k+1].norm == "h" {
					unit = unitInfo{"speed", "km/h", 1, true}
					k += 2
				} else if u.kind == "length" && k+1 < len(ts) && (ts[k].norm == "per" || ts[k].norm == "an") && ts[k+1].norm == "hour" {
					unit = unitInfo{"speed", u.unit + "/h", u.scale / 1000, true}
					k += 2
				}
			}
		} else if ts[k].norm == "nautical" && k+1 < len(ts) && (ts[k+1].norm == "miles" || ts[k+1].norm == "mile") {
			unit = unitInfo{"length", "nmi", 1852, true}
			k += 2
		} else if ts[k].norm == "square" && k+1 < len(ts) {
			if u, ok := units[ts[k+1].norm]; ok && u.kind == "length" {
				unit = unitInfo{"area", "sq " + u.unit, u.scale * u.scale / 10000, true}
				k += 2
			}
		}
	}
	if unit.kind != "" {
		if n.Kind == "" {
			n.Kind = unit.kind
		}
		n.Unit = unit.unit
		n.Base, n.BaseHi = n.Value*unit.scale, n.Hi*unit.scale
		// "10-day-old"? "30 years old"
		if k+1 < len(ts) && ts[k].norm == "old" {
			n.Kind = "age"
			k++
		}
		return n, k, true
	}
	if ordinal {
		n.Kind = "ordinal"
		noun, e := nounAt(ts, k, true)
		n.Unit = noun
		if noun != "" {
			k = e
		}
		return n, k, true
	}
	// year: a four-digit whole number without separators, not counting a noun
	if ts[j].kind == numTok && len(ts[j].raw) == 4 && allDigits(ts[j].raw) && hedge == "" && n.Value >= 1000 && n.Value < 2200 && n.Hi == n.Value && !countFollows(ts, k) {
		if n.Value >= 1800 {
			n.Kind = "year"
			return n, k, true
		}
	}
	// "seven of the nine board members"
	if k+2 < len(ts) && ts[k].norm == "of" && (ts[k+1].norm == "the" || ts[k+1].norm == "its" || ts[k+1].norm == "their") {
		at := k + 2
		// "52 of the parliament's 100 seats"
		if at+1 < len(ts) && ts[at].kind == wordTok && strings.HasSuffix(ts[at].norm, "'s") {
			at++
		}
		if v2, k2, suf2, ok := numberAt(ts, at); ok && suf2 == "" && !v2.Ordinal && v2.Value >= n.Value {
			if noun, e := nounAt(ts, k2, false); noun != "" {
				n.Kind, n.Unit = "count", noun
				return n, e, true
			}
		}
	}
	// "magnitude 6.8", "Category 4": a measure named before the figure
	if j > 0 && ts[j-1].kind == wordTok && measureWords[ts[j-1].norm] && hedge == "" && cur == "" {
		n.Kind, n.Unit = "measure", ts[j-1].norm
		return n, k, true
	}
	// a counted noun: "600 soldiers", "75 people", "dozens of people"
	of := k < len(ts) && ts[k].norm == "of" && (v.Vague || (k > j && (ts[k-1].norm == "dozen" || ts[k-1].norm == "million" || ts[k-1].norm == "thousand" || ts[k-1].norm == "hundred" || ts[k-1].norm == "billion")))
	if of {
		noun, e := nounAt(ts, k+1, false)
		if noun != "" {
			n.Kind = "count"
			n.Unit = noun
			return n, e, true
		}
	}
	noun, e := nounAt(ts, k, n.Value == 1 && n.Hi == 1)
	if n.Kind == "" {
		n.Kind = "count"
	}
	if noun != "" {
		n.Unit = noun
		k = e
	} else if isWords && !v.Vague && v.Value < 1 {
		// "half" with no noun is not a quantity worth comparing
		return n, i, false
	} else if isWords && v.Value <= 10 && !v.Vague {
		// "two" alone is usually a pronoun ("the two met"); keep it only with a noun
		return n, i, false
	}
	return n, k, true
}

// nounAt finds the counted noun in the words at token k: the first plural
// word within a few modifiers ("600 US soldiers" → "soldier"), or a people
// word ("75 dead" → "people"). It returns the normalised noun and the index
// after it, or "" when no noun follows.
func nounAt(ts []tok, k int, singular bool) (string, int) {
	var run []int
	for e := k; e < len(ts) && e < k+4; e++ {
		t := ts[e]
		if t.kind != wordTok || funcWords[t.norm] {
			break
		}
		if _, isM := monthNames[t.norm]; isM && isCap(t.raw) {
			break
		}
		if _, isW := weekdayNames[t.norm]; isW {
			break
		}
		if _, isU := magnitudes[t.norm]; isU && e == k {
			break
		}
		if c := t.norm[0]; c >= '0' && c <= '9' {
			break
		}
		run = append(run, e)
		if _, ok := personWords[t.norm]; ok {
			break
		}
		if _, pl := lemma(t.norm); pl {
			// "police officers", "fire engines": a collective noun used as
			// a modifier gives way to the noun after it
			if nounModifiers[t.norm] && e+1 < len(ts) && ts[e+1].kind == wordTok {
				if _, pl2 := lemma(ts[e+1].norm); pl2 && !funcWords[ts[e+1].norm] {
					run = run[:len(run)-1]
					continue
				}
			}
			break
		}
	}
	if len(run) == 0 {
		return "", k
	}
	for _, e := range run {
		w := ts[e].norm
		if _, ok := personWords[w]; ok {
			return "people", e + 1
		}
		if l, pl := lemma(w); pl {
			return l, e + 1
		}
	}
	// no plural: a singular noun after "one" ("one man"); anything else is
	// likely a verb ("the two met")
	if !singular {
		return "", k
	}
	e := run[0]
	for _, x := range run[:len(run)-1] {
		if !modifiers[ts[x].norm] {
			break
		}
		e = x + 1
	}
	w := ts[e].norm
	if strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ly") || len(w) < 3 {
		return "", k
	}
	return w, e + 1
}

// nounModifiers are collective nouns that also modify others ("police
// officers").
var nounModifiers = toSet("police military security staff personnel crew cattle fish")

// modifiers come between a figure and its noun: "its first such move".
var modifiers = toSet("such same other own new last next major big small straight consecutive full official successive single")

// display writes a mention's normalised value for people.
func display(n Number) string {
	v := fmtNum(n.Value)
	if n.Hi != n.Value {
		v += "–" + fmtNum(n.Hi)
	}
	switch n.Kind {
	case "money":
		sym := map[string]string{"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}[n.Unit]
		if sym != "" {
			v = sym + moneyNum(n.Value)
			if n.Hi != n.Value {
				v += "–" + sym + moneyNum(n.Hi)
			}
		} else {
			v = moneyNum(n.Value) + " " + n.Unit
		}
	case "percent":
		v += "%"
	case "points":
		if n.Unit == "basis points" {
			v = fmtNum(n.Base) + " points"
			if n.BaseHi != n.Base {
				v = fmtNum(n.Base) + "–" + fmtNum(n.BaseHi) + " points"
			}
		} else {
			v += " points"
		}
	case "ordinal":
		v = ordinalString(n.Value)
		if n.Noun != "" {
			v += " " + n.Noun
		} else if n.Unit != "" {
			v += " " + n.Unit
		}
	case "year":
	case "count":
		if n.Noun != "" {
			v += " " + n.Noun
		} else if n.Unit != "" {
			v += " " + n.Unit
		}
	case "duration", "age":
		u := n.Unit
		if (u == "day" || u == "week" || u == "month" || u == "year") && !(n.Value == 1 && n.Hi == 1) {
			u += "s"
		}
		v += " " + u
	default:
		if n.Unit != "" {
			v += " " + n.Unit
		}
	}
	switch n.Hedge {
	case "":
	case "at least":
		if n.Kind == "count" || n.Kind == "" {
			v = strings.Replace(v, " ", "+ ", 1)
			if !strings.Contains(v, "+") {
				v += "+"
			}
		} else {
			v = "at least " + v
		}
	case "vague":
		v = "vague " + v
	default:
		v = n.Hedge + " " + v
	}
	return v
}

func fmtNum(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1e15 {
		s := strconv.FormatInt(int64(f), 10)
		if len(s) > 4 {
			var b strings.Builder
			for i, c := range s {
				if i > 0 && (len(s)-i)%3 == 0 {
					b.WriteByte(',')
				}
				b.WriteRune(c)
			}
			return b.String()
		}
		return s
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

func moneyNum(f float64) string {
	switch {
	case f >= 1e12:
		return fmtNum(f/1e12) + " trillion"
	case f >= 1e9:
		return fmtNum(f/1e9) + " billion"
	case f >= 1e6:
		return fmtNum(f/1e6) + " million"
	}
	return fmtNum(f)
}

func ordinalString(f float64) string {
	i := int64(f)
	s := strconv.FormatInt(i, 10)
	switch {
	case i%100 >= 11 && i%100 <= 13:
		return s + "th"
	case i%10 == 1:
		return s + "st"
	case i%10 == 2:
		return s + "nd"
	case i%10 == 3:
		return s + "rd"
	}
	return s + "th"
}

// mayStartNumber reports whether a lower-case word can begin a number in
// words, so that most words skip the parser.
func mayStartNumber(w string) bool {
	if k := indexDash(w); k > 0 {
		w = w[:k]
	}
	return numberStarts[w]
}

// numberStarts are the words mayStartNumber accepts: smallNums,
// ordinalNums, vagueNums, "a", "an", "half" and "tens".
var numberStarts = func() map[string]bool {
	m := toSet("a an half tens")
	addKeys(m, smallNums)
	addKeys(m, ordinalNums)
	addKeys(m, vagueNums)
	return m
}()

// indexDash is strings.IndexAny(w, "-‐–"), without decoding w.
func indexDash(w string) int {
	for k := 0; k < len(w); k++ {
		switch w[k] {
		case '-':
			return k
		case 0xE2: // ‐ is E2 80 90, – is E2 80 93
			if k+2 < len(w) && w[k+1] == 0x80 && (w[k+2] == 0x90 || w[k+2] == 0x93) {
				return k
			}
		}
	}
	return -1
}

// scaleAfterA reports whether w (lower case) may be read as a number after
// "a": it starts with "hundred", "dozen", "quarter" or a scale word.
func scaleAfterA(w string) bool {
	for _, p := range [...]string{"hundred", "dozen", "quarter", "thousand", "million", "billion", "trillion"} {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// nounNamedBefore finds the counted noun of a bare figure named earlier in
// its sentence: "the number of suspected cases … to 1,243" (case), "the
// death toll … to 75" (people).
func nounNamedBefore(ts []tok, at int) (string, string) {
	end := 0
	for end < len(ts) && ts[end].start < at {
		end++
	}
	for k := end - 1; k >= 0 && k >= end-12; k-- {
		switch ts[k].norm {
		case "toll":
			return "people", "people"
		case "number", "total":
			if k+1 < end && ts[k+1].norm == "of" {
				for e := k + 2; e < end && e < k+6; e++ {
					if ts[e].kind != wordTok || funcWords[ts[e].norm] {
						break
					}
					if l, pl := lemma(ts[e].norm); pl {
						return l, ts[e].norm
					}
				}
			}
		}
	}
	return "", ""
}

func atoi(s string) int {
	n, _ := strconv.Atoi(s)
	return n
}

// aDurationAt reads "a single day", "a full week", "in a day", "for an
// hour": one unit of time written with "a".
func aDurationAt(ts []tok, i int) (Number, int, bool) {
	if i+1 >= len(ts) || (ts[i].norm != "a" && ts[i].norm != "an") {
		return Number{}, i, false
	}
	j := i + 1
	mod := false
	switch ts[j].norm {
	case "single", "full", "whole", "entire":
		mod = true
		j++
	}
	if j >= len(ts) {
		return Number{}, i, false
	}
	u, ok := units[ts[j].norm]
	if !ok || u.kind != "duration" || strings.HasSuffix(ts[j].norm, "s") {
		return Number{}, i, false
	}
	if !mod && !(i > 0 && (ts[i-1].norm == "in" || ts[i-1].norm == "for" || ts[i-1].norm == "within")) {
		return Number{}, i, false
	}
	if j+1 < len(ts) && (ts[j+1].norm == "ago" || ts[j+1].norm == "later" || ts[j+1].norm == "earlier") {
		return Number{}, i, false
	}
	n := Number{Kind: "duration", Value: 1, Hi: 1, Unit: u.unit, Base: u.scale, BaseHi: u.scale, raw: 1, tol: 0.5 * u.scale}
	return n, j + 1, true
}

// temperature makes n a temperature on scale "C" or "F"; Base is Celsius.
func temperature(n Number, scale string) Number {
	n.Kind, n.Unit = "temperature", "°"+scale
	n.Base, n.BaseHi = n.Value, n.Hi
	if scale == "F" {
		n.Base, n.BaseHi = (n.Value-32)*5/9, (n.Hi-32)*5/9
	}
	return n
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }
