package facts

import "strings"

// NumWords is a number spelled in words, as ParseNumberWords reads it.
type NumWords struct {
	Value   float64 // the value; for a vague quantity ("dozens") its lower bound
	Hi      float64 // upper bound of a vague quantity; equals Value otherwise
	N       int     // how many words were read
	Ordinal bool    // "fourth", "twenty-first"
	Vague   bool    // "dozens", "hundreds", "tens of thousands"
}

var smallNums = map[string]float64{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
	"eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
	"fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

var ordinalNums = map[string]float64{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
	"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
	"thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
	"seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
	"thirtieth": 30, "fortieth": 40, "fiftieth": 50, "sixtieth": 60,
	"seventieth": 70, "eightieth": 80, "ninetieth": 90,
	"hundredth": 100, "thousandth": 1e3, "millionth": 1e6, "billionth": 1e9,
}

// fractions after a count: "three-quarters", "a quarter", "two thirds".
var fractionNums = map[string]float64{"quarter": 0.25, "quarters": 0.25, "thirds": 1.0 / 3}

var scaleNums = map[string]float64{
	"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
}

// vagueNums are plural scale words used as rough quantities: "dozens of
// people" is somewhere from two dozen to a hundred.
var vagueNums = map[string][2]float64{
	"dozens": {24, 99}, "scores": {40, 99}, "hundreds": {200, 999},
	"thousands": {2000, 9999}, "millions": {2e6, 999e6}, "billions": {2e9, 999e9},
}

// splitWords lowers the words and splits hyphenated ones ("Thirty-one"), and
// returns for each part the index of the word it came from.
func splitWords(words []string) (parts []string, from []int) {
	for i, w := range words {
		w = strings.ToLower(w)
		for _, p := range strings.FieldsFunc(w, func(r rune) bool { return r == '-' || r == '‐' || r == '–' }) {
			parts = append(parts, p)
			from = append(from, i)
		}
		if strings.Trim(w, "-‐–") == "" {
			parts = append(parts, w)
			from = append(from, i)
		}
	}
	return parts, from
}

// ParseNumberWords reads the longest number spelled in words at the start of
// words (one word per element; hyphenated words such as "thirty-one" are
// fine): "eight", "twelve thousand", "a dozen", "two and a half", "one
// hundred and five", "half a million", "twenty-first", "dozens", "tens of
// thousands". It reports ok=false when words does not start with a number.
// A hyphenated word is read whole or not at all.
func ParseNumberWords(words []string) (NumWords, bool) {
	parts, from := splitWords(words)
	var (
		total, group float64 // total so far; the group below the last scale word
		seen         bool    // a number word was read
		best         NumWords
		ok           bool
	)
	accept := func(i int, v NumWords) {
		// only whole words: the next part must start a new word
		if i < len(parts) && from[i] == from[i-1] {
			return
		}
		v.N = from[i-1] + 1
		best, ok = v, true
	}
	i := 0
	// vague quantities: "dozens", "hundreds", "tens of thousands", "hundreds of thousands"
	if len(parts) > 0 {
		if r, found := vagueNums[parts[0]]; found {
			v := NumWords{Value: r[0], Hi: r[1], Vague: true}
			accept(1, v)
			if len(parts) >= 3 && parts[1] == "of" {
				if r2, f2 := vagueNums[parts[2]]; f2 && r2[0] > r[0] {
					base := r2[0] / 2 // "hundreds of thousands": 200 × 1000
					accept(3, NumWords{Value: r[0] * base, Hi: r[1] * base, Vague: true})
				}
			}
			return best, ok
		}
		if parts[0] == "tens" && len(parts) >= 3 && parts[1] == "of" {
			if r2, f2 := vagueNums[parts[2]]; f2 {
				base := r2[0] / 2
				accept(3, NumWords{Value: 20 * base, Hi: 99 * base, Vague: true})
			}
			return best, ok
		}
	}
	for i < len(parts) {
		p := parts[i]
		switch {
		case p == "a" || p == "an":
			// "a hundred", "a dozen", "a million", "a half" (after "and")
			if i+1 >= len(parts) {
				return best, ok
			}
			nx := parts[i+1]
			if nx == "hundred" || nx == "dozen" || scaleNums[nx] > 0 || nx == "quarter" {
				if seen {
					return best, ok
				}
				group += 1
				seen = true
				i++
				continue
			}
			return best, ok
		case p == "and":
			// "one hundred and five", "two and a half"
			if !seen || i+1 >= len(parts) {
				return best, ok
			}
			if i+2 < len(parts) && (parts[i+1] == "a" || parts[i+1] == "an") && parts[i+2] == "half" {
				v := total + group + 0.5
				accept(i+3, NumWords{Value: v, Hi: v})
				// "two and a half million"
				if i+3 < len(parts) {
					if s, f := scaleNums[parts[i+3]]; f {
						accept(i+4, NumWords{Value: v * s, Hi: v * s})
					}
				}
				return best, ok
			}
			if _, f := smallNums[parts[i+1]]; f {
				i++
				continue
			}
			if _, f := ordinalNums[parts[i+1]]; f {
				i++
				continue
			}
			return best, ok
		case p == "half":
			// "half" alone, "half a million", "half a dozen"
			if seen {
				return best, ok
			}
			if i+2 < len(parts) && (parts[i+1] == "a" || parts[i+1] == "an") {
				if s, f := scaleNums[parts[i+2]]; f {
					accept(i+3, NumWords{Value: s / 2, Hi: s / 2})
					return best, ok
				}
				if parts[i+2] == "dozen" {
					accept(i+3, NumWords{Value: 6, Hi: 6})
					return best, ok
				}
			}
			accept(i+1, NumWords{Value: 0.5, Hi: 0.5})
			return best, ok
		case p == "hundred":
			if !seen {
				return best, ok
			}
			if group == 0 {
				group = 1
			}
			group *= 100
			i++
			v := total + group
			accept(i, NumWords{Value: v, Hi: v})
			continue
		case p == "dozen":
			if !seen {
				return best, ok
			}
			group *= 12
			i++
			v := total + group
			accept(i, NumWords{Value: v, Hi: v})
			return best, ok
		case scaleNums[p] > 0:
			if !seen {
				return best, ok
			}
			if group == 0 {
				group = 1
			}
			total += group * scaleNums[p]
			group = 0
			i++
			accept(i, NumWords{Value: total, Hi: total})
			continue
		}
		if fr, f := fractionNums[p]; f && seen && total == 0 && group > 0 && group < 10 && (p != "quarter" || group == 1) {
			v := group * fr
			accept(i+1, NumWords{Value: v, Hi: v})
			return best, ok
		}
		if v, f := smallNums[p]; f {
			// "twenty one": a unit after a ten; otherwise a new number starts
			if seen && group != 0 {
				last := int(group) % 100
				if !(last == 0 && v < 100) && !(v < 10 && last >= 20 && last%10 == 0) {
					return best, ok
				}
			}
			group += v
			seen = true
			i++
			val := total + group
			accept(i, NumWords{Value: val, Hi: val})
			continue
		}
		if v, f := ordinalNums[p]; f {
			if seen && group != 0 && v < 10 {
				last := int(group) % 100
				if !(last >= 20 && last%10 == 0) && last != 0 {
					return best, ok
				}
			}
			switch {
			case v >= 100 && seen:
				if group == 0 {
					group = 1
				}
				val := total + group*v
				accept(i+1, NumWords{Value: val, Hi: val, Ordinal: true})
			case v >= 100:
				accept(i+1, NumWords{Value: v, Hi: v, Ordinal: true})
			default:
				val := total + group + v
				accept(i+1, NumWords{Value: val, Hi: val, Ordinal: true})
			}
			return best, ok
		}
		break
	}
	return best, ok
}
