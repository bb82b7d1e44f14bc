package assets

import (
	"encoding/json"
	"html"
	"path"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type goldFile struct {
	Sources []string `json:"sources"`
	Groups  []struct {
		ID      string       `json:"id"`
		Members []goldMember `json:"members"`
	} `json:"groups"`
	Boilerplate []goldMember `json:"boilerplate"`
	Numbers     []struct {
		ID     string       `json:"id"`
		Values []goldMember `json:"values"`
		Agree  bool         `json:"agree"`
	} `json:"numbers"`
	Quotes []struct {
		ID      string       `json:"id"`
		Members []goldMember `json:"members"`
		Agree   bool         `json:"agree"`
	} `json:"quotes"`
}

type goldMember struct {
	Source string `json:"source"`
	Text   string `json:"text"`
}

var (
	tagRE   = regexp.MustCompile(`(?s)<(style|script)[^>]*>.*?</(style|script)>|<[^>]+>`)
	quoteRE = strings.NewReplacer("“", `"`, "”", `"`, "‘", "'", "’", "'", "–", "-", "—", "-")
)

// loose is the scorer's loose match: quotation marks and dashes folded,
// runs of space collapsed, case ignored.
func loose(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(quoteRE.Replace(s)), " "))
}

// Every text the gold names is in its version (for the saved page, in its
// text without tags), so the gold stays in step with the sample.
func TestGoldTextsAreInTheirSources(t *testing.T) {
	b, err := Sample.ReadFile(path.Join(SampleDir, "gold.json"))
	require.NoError(t, err)
	var g goldFile
	require.NoError(t, json.Unmarshal(b, &g))

	text := map[string]string{}
	for _, f := range SampleFiles() {
		s := string(f.Bytes)
		if path.Ext(f.Name) == ".html" {
			s = html.UnescapeString(tagRE.ReplaceAllString(s, " "))
		}
		text[strings.TrimSuffix(f.Name, path.Ext(f.Name))] = loose(s)
	}
	require.Len(t, g.Sources, len(text))
	for _, id := range g.Sources {
		require.Contains(t, text, id, "gold source is a sample file")
	}

	check := func(where string, m goldMember) {
		assert.Contains(t, text[m.Source], loose(m.Text), "%s: %s", where, m.Source)
	}
	for _, gr := range g.Groups {
		for _, m := range gr.Members {
			check(gr.ID, m)
		}
	}
	for _, m := range g.Boilerplate {
		check("boilerplate", m)
	}
	conflicts := 0
	for _, n := range g.Numbers {
		for _, m := range n.Values {
			check(n.ID, m)
		}
		if !n.Agree {
			conflicts++
		}
	}
	for _, q := range g.Quotes {
		for _, m := range q.Members {
			check(q.ID, m)
		}
	}
	assert.GreaterOrEqual(t, conflicts, 4, "the sample's number conflicts are labelled")
	assert.NotEmpty(t, g.Quotes)
}
