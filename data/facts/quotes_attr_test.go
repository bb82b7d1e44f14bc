package facts

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"parallax/data"
)

// Speaker attribution: one quotation per case (invented sentences), one
// sentence a line.
var attrCases = []struct {
	name    string
	text    string
	speaker string
}{
	{"pronoun after a titled subject in the sentence before",
		"Regional governor Tilde Marsk blamed the ministry for the collapse. “We asked for help four times,” he told reporters in Vell.",
		"Tilde Marsk"},
	{"pronoun takes the person named in the sentence just before",
		"Governor Tilde Marsk wants the minister to resign.\nHis rival, Finance Minister Jonas Wehl, took a softer line. “This is not the day for anger,” he said in Orm.",
		"Jonas Wehl"},
	{"pronoun after an introduction with is",
		"Rita Sunde, who speaks for the savers, said: “We won.” She said the others were “relieved”.\nAmong them is Karl Betz, a retired baker who lost his savings in 2019. “I trusted the bank,” he said.",
		"Karl Betz"},
	{"pronoun after an appositive introduction",
		"Mayor Lars Ekdahl opened the shelter on Monday.\nTomas Vinter, a resident of the harbour district, watched the water rise. “It came so fast,” he said.",
		"Tomas Vinter"},
	{"pronoun after a role opening the sentence before",
		"Marta Kosk, who runs the shelter, said the town was ready.\nThe mayor agreed. “We have enough beds,” he said.",
		"the mayor"},
	{"pronoun after a titled role opening the sentence before",
		"Mayor Edda Voss opened the shelter. Marta Kosk, who runs it, thanked the volunteers.\nThe mayor was less upbeat. “We need more beds,” she said.",
		"Edda Voss"},
	{"pronoun after a titled person when the subject is a body",
		"Rita Mole spoke first. The ministry said on Monday that it had asked the regional director Tom Berg to resign. “I will not go,” he said.",
		"Tom Berg"},
	{"the subject before a titled person it names",
		"Governor Tilde Marsk blamed Interior Minister Jonas Wehl for the delay. “We warned them,” he said.",
		"Tilde Marsk"},
	{"a pronoun subject before a titled person it names",
		"Pavel Orr spoke first.\nHe also criticised President Dan Ure. “It was a mistake,” he said.",
		"Pavel Orr"},
	{"possessive organisation, then the person after a comma",
		"“It will hurt, but it will not sink them,” said Norfell’s head of credit research, Ida Lemberg.",
		"Ida Lemberg"},
	{"pronoun skips an organisation",
		"Harald Quint runs the savings fund.\nBrenmoor said the fund was safe. “Nobody will lose a penny,” he said.",
		"Harald Quint"},
	{"his office speaks for him",
		"Aid chief Marten Holl echoed the warning, asking what his office called “a failure of will”.",
		"Marten Holl"},
	{"a role, its body, then the person after a comma",
		"“The strike goes on,” said the head of the dockers’ union, Bram Oduya.",
		"Bram Oduya"},
	{"a group at a body is a description",
		"Officials at the Norfell Water Authority said the river was “safe again”.",
		"officials at the norfell water authority"},
	{"he with only a body named before points to nobody",
		"Analysts at Norfell Research said the bank would survive. “It will hurt,” he said.",
		""},
	{"an organisation speaks for itself",
		"“We are cooperating with the inspectors,” the company said.",
		"the company"},
	{"it is the body that spoke last",
		"The company said it would pay for the repairs. “We are shocked by the damage,” it said.",
		"the company"},
	{"it is the body a sentence opened with",
		"Norfell Bank issued a statement on Friday. “We regret the delay,” it said.",
		"Norfell Bank"},
	{"a spokeswoman for a body is a description",
		"“We will appeal,” a spokeswoman for the bank said.",
		"a spokeswoman for the bank"},
	{"a spokesman of a ministry after the verb",
		"“The roads stay closed,” said a spokesman for the transport ministry.",
		"a spokesman for the transport ministry"},
}

func TestQuoteAttribution(t *testing.T) {
	for _, tc := range attrCases {
		t.Run(tc.name, func(t *testing.T) {
			src := qSource("a", tc.text)
			facts := FindQuotes([]*data.Source{src}, nil)
			var got []Quote
			for _, f := range facts {
				got = append(got, f.Mentions...)
			}
			require.NotEmpty(t, got)
			last := got[len(got)-1]
			assert.Equal(t, tc.speaker, last.Speaker, "%q", last.Text)
		})
	}
}

// A description names a different speaker when its role differs from the
// role the named speaker is known by; a vague description never does.
var attrClassCases = []struct {
	name    string
	texts   []string
	verdict Verdict
	classes []string
}{
	{"a spokeswoman is not the chief executive",
		[]string{"“We will appeal the ruling at once,” chief executive Nils Orrby said.",
			"“We will appeal the ruling at once,” a spokeswoman for the bank said."},
		Disagree, []string{"", "other speaker"}},
	{"the mayor is not a spokesman for the port",
		[]string{"“The quay will reopen after the storm,” Mayor Edda Voss said.",
			"“The quay will reopen after the storm,” said a spokesman for the port."},
		Disagree, []string{"", "other speaker"}},
	{"the same role agrees",
		[]string{"“The plant is safe for the workers,” said Ruth Vell, a spokeswoman for the firm.",
			"“The plant is safe for the workers,” a spokeswoman for the firm said."},
		Agree, []string{"", "verbatim"}},
	{"a role given to someone else is not the speaker's",
		[]string{"The judge thanked Ada Rell. “We will appeal the ruling at once,” Ada Rell said.",
			"“We will appeal the ruling at once,” a spokeswoman for the bank said."},
		Agree, []string{"", "verbatim"}},
	{"lay roles never conflict",
		[]string{"“The water came up to the windows,” said Agnes Tull, a pensioner.",
			"“The water came up to the windows,” a resident said."},
		Agree, []string{"", "verbatim"}},
	{"a vague description agrees",
		[]string{"“The plant is safe for the workers,” chief executive Nils Orrby said.",
			"“The plant is safe for the workers,” officials said."},
		Agree, []string{"", "verbatim"}},
}

func TestQuoteAttributionClasses(t *testing.T) {
	for _, tc := range attrClassCases {
		t.Run(tc.name, func(t *testing.T) {
			var srcs []*data.Source
			for i, text := range tc.texts {
				srcs = append(srcs, qSource(string(rune('a'+i)), text))
			}
			facts := FindQuotes(srcs, nil)
			require.NotEmpty(t, facts)
			f := facts[0]
			assert.Equal(t, tc.verdict, f.Verdict, "%+v", facts)
			var classes []string
			for _, m := range f.Mentions {
				classes = append(classes, m.Class)
			}
			assert.Equal(t, tc.classes, classes)
		})
	}
}

func FuzzQuoteAttribution(f *testing.F) {
	for _, tc := range attrCases {
		f.Add(tc.text)
	}
	for _, tc := range attrClassCases {
		for _, s := range tc.texts {
			f.Add(s)
		}
	}
	f.Fuzz(func(t *testing.T, text string) {
		src := qSource("a", text)
		for _, fact := range FindQuotes([]*data.Source{src}, nil) {
			for _, m := range fact.Mentions {
				if m.Start < 0 || m.End > len(text) || m.Start > m.End {
					t.Fatalf("span %d..%d out of %d", m.Start, m.End, len(text))
				}
			}
		}
	})
}
