package align

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"parallax/data"
)

func TestFeatures(t *testing.T) {
	for _, tc := range []struct {
		text string
		want []string
	}{
		{"Twelve thousand people left.", []string{"#12000", "people", "left"}},
		{"About 12,000 people were moved.", []string{"#12000", "people", "mov"}},
		{"Thirty-one villages flooded.", []string{"#31", "village", "flood"}},
		{"Six hundred troops and 600 soldiers", []string{"#600", "troop", "#600", "soldier"}},
		{"The government pledged €20m in aid, or 20 million euros.", []string{"government", "pledg", "#20000000", "aid", "#20000000", "euro"}},
		{"2.5 million votes", []string{"#2500000", "vote"}},
		{"In 2019 the strikes killed 75", []string{"#2019", "strike", "kill", "#75"}},
		{"One of them saw one hundred boats", []string{"saw", "#100", "boat"}},
		{"Colombia’s President spoke", []string{"colombia", "president", "spoke"}},
		{"Shares dropped 14pc", []string{"share", "drop", "#14"}},
		{"Trading halted at 2:15 p.m. today", []string{"trad", "halt", "#t14:15", "today"}},
		{"Trading halted at 14:15.", []string{"trad", "halt", "#t14:15"}},
		{"It burst at 2 a.m. on Tuesday", []string{"burst", "#t2:00", "tuesday"}},
		{"It burst around 02:00", []string{"burst", "around", "#t2:00"}},
		{"Doors open at 9.30pm", []string{"door", "open", "#t21:30"}},
		{"Rates rose 9.30 points", []string{"rate", "rose", "#9.30", "point"}},
	} {
		var got []string
		for _, w := range features(tc.text, data.Tokenize(tc.text)).words {
			if !strings.HasPrefix(w, "~") {
				got = append(got, w)
			}
		}
		assert.Equal(t, tc.want, got, tc.text)
	}
}

// TestApproxNumbers: figures a few per cent apart share a neighbourhood
// term; figures far apart and years do not.
func TestApproxNumbers(t *testing.T) {
	approx := func(text string) map[string]bool {
		m := map[string]bool{}
		for _, w := range features(text, data.Tokenize(text)).words {
			if strings.HasPrefix(w, "~") {
				m[w] = true
			}
		}
		return m
	}
	shares := func(a, b string) bool {
		for w := range approx(a) {
			if approx(b)[w] {
				return true
			}
		}
		return false
	}
	for _, tc := range []struct {
		a, b string
		want bool
	}{
		{"nearly 70 people", "at least 75 people", true},
		{"9.25% a year", "9.5 per cent a year", true},
		{"twelve thousand homes", "12,500 homes", true},
		{"70 people", "700 people", false},
		{"in 2017", "in 2019", false},
	} {
		assert.Equal(t, tc.want, shares(tc.a, tc.b), tc.a+" / "+tc.b)
	}
}

func TestStem(t *testing.T) {
	for in, want := range map[string]string{
		"strikes": "strike", "killed": "kill", "killing": "kill", "stopped": "stop",
		"countries": "country", "bus": "bus", "process": "process", "analysis": "analysis",
		"colombia's": "colombia", "classes": "class",
	} {
		assert.Equal(t, want, stem(in), in)
	}
}
