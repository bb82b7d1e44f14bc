package align

import (
	"testing"

	"github.com/stretchr/testify/assert"
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
	} {
		assert.Equal(t, tc.want, features(tc.text).words, tc.text)
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
