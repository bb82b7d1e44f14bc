package facts

import (
	"encoding/json"
	"flag"
	"fmt"
	"math"
	"math/rand"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"parallax/data"
	"parallax/data/align"
	"parallax/data/internal/seeds"
	"parallax/data/load"
	"parallax/data/structure"
)

func init() {
	// The golden files are refreshed with -update; another test file of this
	// package may define the flag already.
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files under testdata")
	}
}

func qUpdating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

// qSource builds a source with one body paragraph per non-blank line and one
// sentence per paragraph, so that these tests do not depend on the splitter.
func qSource(id, text string) *data.Source {
	s := &data.Source{ID: id, Name: id, Text: text}
	at := 0
	for _, line := range strings.SplitAfter(text, "\n") {
		start := at
		at += len(line)
		t := strings.TrimSpace(line)
		if t == "" {
			continue
		}
		start += strings.Index(line, t)
		pi := len(s.Paragraphs)
		s.Paragraphs = append(s.Paragraphs, data.Paragraph{Kind: data.KindBody, Start: start, End: start + len(t), First: len(s.Sentences), N: 1})
		s.Sentences = append(s.Sentences, data.Sentence{ID: "s" + string(rune('a'+pi%26)), Para: pi, Start: start, End: start + len(t)})
	}
	return s
}

type wantQuote struct {
	text    string   // the quoted words (Source.Text[Start:End])
	speaker string   // "" when none
	parts   []string // for interrupted or continued quotations
	partial bool
}

var quoteCases = []struct {
	name string
	text string
	want []wantQuote
}{
	// quotation forms
	{"curly", "“The bridge will open in May,” Ilse Marrow said.",
		[]wantQuote{{text: "The bridge will open in May", speaker: "Ilse Marrow"}}},
	{"straight", `"We have no money left," said Tomas Reyno.`,
		[]wantQuote{{text: "We have no money left", speaker: "Tomas Reyno"}}},
	{"single marks as quotes", "The mayor called it ‘a dark day for the valley’ and left.",
		[]wantQuote{{text: "a dark day for the valley", speaker: "the mayor", partial: true}}},
	{"straight single marks", "Her reply was 'not today, not ever' before the vote.",
		[]wantQuote{{text: "not today, not ever", partial: true}}},
	{"guillemets", "«Nous resterons ici», a déclaré Anouk Berthe.",
		[]wantQuote{{text: "Nous resterons ici", speaker: "Anouk Berthe"}}},
	{"low-nine opening", "„Wir bleiben hier“, sagte Jens Arvid.",
		[]wantQuote{{text: "Wir bleiben hier", speaker: "Jens Arvid"}}},
	{"corner brackets", "記者会見で「調査を続ける」と述べた。",
		[]wantQuote{{text: "調査を続ける", partial: true}}},
	{"single guillemets inside guillemets", "«Il a dit ‹jamais› devant nous», a dit Paul Roche.",
		[]wantQuote{{text: "Il a dit ‹jamais› devant nous", speaker: "Paul Roche"}}},
	{"straight marks right after a colon", `Ada Kern said:"Prices will fall."`,
		[]wantQuote{{text: "Prices will fall.", speaker: "Ada Kern"}}},
	{"closing single marks typed as openers", "’We will stay,’ said Ola Brenn.",
		[]wantQuote{{text: "We will stay", speaker: "Ola Brenn"}}},
	{"apostrophes are not quotes", "Colombia’s farmers don’t trust the ’90s rules, the growers’ union said.", nil},
	{"straight apostrophes are not quotes", "It's the farmers' year, rock 'n' roll and the '80s are back.", nil},
	{"possessive inside single quotes", "She called it ‘the workers’ last stand’ on Monday.",
		[]wantQuote{{text: "the workers’ last stand", partial: true}}},
	{"nested quotes belong to the outer", "“He told me ‘never again’ and walked out,” Ruth Okafor said.",
		[]wantQuote{{text: "He told me ‘never again’ and walked out", speaker: "Ruth Okafor"}}},
	{"spanning sentences", "“The river rose fast. Nobody was ready. We lost everything,” said Bram Tolle.",
		[]wantQuote{{text: "The river rose fast. Nobody was ready. We lost everything", speaker: "Bram Tolle"}}},
	{"spanning paragraphs re-opened", "Teodor Valk said: “The first winter was the hardest.\n“We had no heating and no water.\n“Then the aid came,” he said.",
		[]wantQuote{{text: "The first winter was the hardest.\n“We had no heating and no water.\n“Then the aid came", speaker: "Teodor Valk",
			parts: []string{"The first winter was the hardest.", "We had no heating and no water.", "Then the aid came"}}}},
	{"spanning paragraphs, speaker at the end", "“The first winter was the hardest. We said nothing.\n“Then the aid came,” Teodor Valk said.",
		[]wantQuote{{text: "The first winter was the hardest. We said nothing.\n“Then the aid came", speaker: "Teodor Valk",
			parts: []string{"The first winter was the hardest. We said nothing.", "Then the aid came"}}}},
	{"partial quotation", "Sara Linde called the raids “unlawful” violations of the treaty.",
		[]wantQuote{{text: "unlawful", speaker: "Sara Linde", partial: true}}},
	{"partial quotation woven in", "Gale Posner said the plant must “stop all exports at once” until May.",
		[]wantQuote{{text: "stop all exports at once", speaker: "Gale Posner", partial: true}}},
	{"interrupted", "“The boat may have carried nets,” Owen Brack said, “but nobody had judged its crew.”",
		[]wantQuote{{text: "The boat may have carried nets,” Owen Brack said, “but nobody had judged its crew.", speaker: "Owen Brack",
			parts: []string{"The boat may have carried nets", "but nobody had judged its crew."}}}},
	{"continued in the next sentence", "“We acted within the law,” Nadia Forss said at the hearing. “There was no other choice.”",
		[]wantQuote{{text: "We acted within the law,” Nadia Forss said at the hearing. “There was no other choice.", speaker: "Nadia Forss",
			parts: []string{"We acted within the law", "There was no other choice."}}}},
	{"two speakers are two quotations", "“Prices will fall,” Ada Kern said. “They will not,” Lev Ostrov replied.",
		[]wantQuote{{text: "Prices will fall", speaker: "Ada Kern"}, {text: "They will not", speaker: "Lev Ostrov"}}},
	{"next sentence with its own speaker", "“Prices will fall,” Ada Kern said. “They will not,” fumed Lev Ostrov.",
		[]wantQuote{{text: "Prices will fall", speaker: "Ada Kern"}, {text: "They will not", speaker: "Lev Ostrov"}}},
	{"paraphrase is not a quotation", "Ada Kern said prices would fall by the summer.", nil},
	{"unclosed double mark ends at the paragraph", "Ada Kern said: “Prices will fall by the summer\nThe market closed early.",
		[]wantQuote{{text: "Prices will fall by the summer", speaker: "Ada Kern"}}},
	{"inch mark is not a quote", "The 12\" pipe burst, and water flooded the cellar.", nil},
	{"empty marks", "He shrugged: “ ”.", nil},

	// attribution forms
	{"X said", "“We will rebuild,” Mayor Lena Ortt said.", []wantQuote{{text: "We will rebuild", speaker: "Lena Ortt"}}},
	{"said X with titles", "“We will rebuild,” said U.S. Housing Secretary Mark Delaine, visiting the site.",
		[]wantQuote{{text: "We will rebuild", speaker: "Mark Delaine"}}},
	{"X says", "Ruth Okafor says the plan is “a fantasy”.", []wantQuote{{text: "a fantasy", speaker: "Ruth Okafor", partial: true}}},
	{"according to X", "The plan is “dead on arrival,” according to Senator Paul Wren.",
		[]wantQuote{{text: "dead on arrival", speaker: "Paul Wren", partial: true}}},
	{"X told reporters", "“Nobody was hurt,” Chief Ana Pell told reporters.", []wantQuote{{text: "Nobody was hurt", speaker: "Ana Pell"}}},
	{"X wrote", "“The vote was rigged,” Dmitri Sorel wrote on his blog.", []wantQuote{{text: "The vote was rigged", speaker: "Dmitri Sorel"}}},
	{"X added", "Ines Kalb added: “We expect more rain.”", []wantQuote{{text: "We expect more rain.", speaker: "Ines Kalb"}}},
	{"X declared", "President Hugo Vantar declared, “The border is closed.”", []wantQuote{{text: "The border is closed.", speaker: "Hugo Vantar"}}},
	{"in a statement X", "In a statement, Ola Brenn said the firm was “deeply sorry”.",
		[]wantQuote{{text: "deeply sorry", speaker: "Ola Brenn", partial: true}}},
	{"colon introduction", "Ola Brenn: “We are deeply sorry.”", []wantQuote{{text: "We are deeply sorry.", speaker: "Ola Brenn"}}},
	{"adjacent unknown verb", "“Nobody listened to us,” Piet Varga fumed.", []wantQuote{{text: "Nobody listened to us", speaker: "Piet Varga"}}},
	{"pronoun after a named speaker", "Governor Rita Mole visited the camp on Friday.\n“We will not leave them alone,” she said.",
		[]wantQuote{{text: "We will not leave them alone", speaker: "Rita Mole"}}},
	{"she skips a man named since", "Ms Marta Kosk warned the council in March. Mr Piet Ambros denied it. “I wrote to them twice,” she said.",
		[]wantQuote{{text: "I wrote to them twice", speaker: "Marta Kosk"}}},
	{"he learnt from an earlier pronoun", "Nils Orr met Vera Lind on Monday. Lind said she was hopeful.\nOrr spoke later. “We are close,” he said. “Not yet,” she said.",
		[]wantQuote{{text: "We are close", speaker: "Orr"}, {text: "Not yet", speaker: "Lind"}}},
	{"pronoun in the same paragraph", "Omar Sadik announced the deal on Monday. “It took two years,” he added.",
		[]wantQuote{{text: "It took two years", speaker: "Omar Sadik"}}},
	{"title resolves to the person named with it", "Trade Minister Omar Sadik announced the deal. The minister emphasized that “nothing is signed yet”.",
		[]wantQuote{{text: "nothing is signed yet", speaker: "Omar Sadik", partial: true}}},
	{"leader resolves to the last named speaker", "President Omar Sadik announced the deal. The veteran leader emphasized that “nothing is signed yet”.",
		[]wantQuote{{text: "nothing is signed yet", speaker: "Omar Sadik", partial: true}}},
	{"an unknown title stays a description", "Omar Sadik announced the deal. The trade minister emphasized that “nothing is signed yet”.",
		[]wantQuote{{text: "nothing is signed yet", speaker: "the trade minister", partial: true}}},
	{"the United States is not a verb", "The United States “will not negotiate”, Ada Kern said.",
		[]wantQuote{{text: "will not negotiate", speaker: "Ada Kern", partial: true}}},
	{"appositive", "Tara Quist, a spokeswoman for the port, said: “The cranes are safe.”",
		[]wantQuote{{text: "The cranes are safe.", speaker: "Tara Quist"}}},
	{"name between commas", "The Prime Minister, Alan Grieve, said the strike was ‘a cynical stunt’.",
		[]wantQuote{{text: "a cynical stunt", speaker: "Alan Grieve", partial: true}}},
	{"according to a lower-case title", "According to union leader Maria Kettle, the plan “will cost jobs”.",
		[]wantQuote{{text: "will cost jobs", speaker: "Maria Kettle", partial: true}}},
	{"said Mr. X's deputy, Y", "“We are not going anywhere,” said Mr. Kettle's deputy, Ben Oduya.",
		[]wantQuote{{text: "We are not going anywhere", speaker: "Ben Oduya"}}},
	{"claimed names the claimant, not the object", "Finance Minister Lio Hart claimed that Vera Dunn had “broken every promise”.",
		[]wantQuote{{text: "broken every promise", speaker: "Lio Hart", partial: true}}},
	{"participle takes its sentence's speaker", "Vera Dunn rejected the plan, calling it “reckless”.",
		[]wantQuote{{text: "reckless", speaker: "Vera Dunn", partial: true}}},
	{"participle after a dateline", "OSLO (Wire) - Finance Minister Karen Blythe on Thursday defended the rise, calling it “painful but necessary”.",
		[]wantQuote{{text: "painful but necessary", speaker: "Karen Blythe", partial: true}}},
	{"pronoun after a sentence-opening person", "Opposition leader Tom Hadley disagreed. “They have lost control,” he said.",
		[]wantQuote{{text: "They have lost control", speaker: "Tom Hadley"}}},
	{"a possessive is not part of the name", "Labour's Tom Hadley said prices were “out of control”.",
		[]wantQuote{{text: "out of control", speaker: "Tom Hadley", partial: true}}},
	{"passive names the agent", "Trump was described by Petro as “a tyrant”.",
		[]wantQuote{{text: "a tyrant", speaker: "Petro", partial: true}}},
	{"quoted as saying", "The paper quoted Ada Kern as saying “prices will fall”.",
		[]wantQuote{{text: "prices will fall", speaker: "Ada Kern", partial: true}}},
	{"an institution speaks", "“The talks were productive,” the White House said.",
		[]wantQuote{{text: "The talks were productive", speaker: "White House"}}},
	{"group speaker", "“The water is safe,” officials said.", []wantQuote{{text: "The water is safe", speaker: "officials"}}},
	{"they is not resolved", "Rita Mole met the families. “We want answers,” they said.",
		[]wantQuote{{text: "We want answers"}}},
	{"no speaker", "The word “sustainable” appears twelve times in the report.",
		[]wantQuote{{text: "sustainable", partial: true}}},
}

func TestQuoteForms(t *testing.T) {
	for _, tc := range quoteCases {
		t.Run(tc.name, func(t *testing.T) {
			src := qSource("a", tc.text)
			facts := FindQuotes([]*data.Source{src}, nil)
			var got []Quote
			for _, f := range facts {
				got = append(got, f.Mentions...)
			}
			require.Len(t, got, len(tc.want), "quotes: %+v", got)
			for i, w := range tc.want {
				q := got[i]
				assert.Equal(t, w.text, q.Text, "text")
				assert.Equal(t, w.speaker, q.Speaker, "speaker")
				assert.Equal(t, w.partial, q.Partial, "partial")
				var parts []string
				for _, p := range q.Parts {
					parts = append(parts, src.Text[p[0]:p[1]])
				}
				assert.Equal(t, w.parts, parts, "parts")
				checkQuote(t, src, q)
			}
		})
	}
}

var classCases = []struct {
	name    string
	texts   []string
	verdict Verdict
	classes []string // per mention, in source order; "" for the reference
}{
	{"verbatim ignoring case and marks",
		[]string{"“The harbour will reopen on Monday,” Kai Lund said.",
			"Kai Lund said \"the harbour will reopen on Monday.\""},
		Agree, []string{"", "verbatim"}},
	{"U.S. and US are the same word",
		[]string{"“We stopped all talks with U.S. agencies,” Pia Holm said.",
			"“We stopped all talks with US agencies,” Pia Holm said."},
		Agree, []string{"", "verbatim"}},
	{"trimmed",
		[]string{"“The harbour will reopen on Monday, once the divers finish,” Kai Lund said.",
			"Kai Lund said the harbour “will reopen on Monday”."},
		Agree, []string{"", "trimmed"}},
	{"trimmed with an ellipsis",
		[]string{"“The harbour will reopen on Monday, once the divers finish their survey,” Kai Lund said.",
			"“The harbour will reopen … once the divers finish their survey,” Kai Lund said."},
		Agree, []string{"", "trimmed"}},
	{"an editor's insertion in brackets",
		[]string{"“He has let the gangs grow,” Olle Brandt said.",
			"“He [Rivera] has let the gangs grow,” Olle Brandt said."},
		Agree, []string{"", "verbatim"}},
	{"a few words of a longer quotation, same speaker",
		[]string{"“I told them the bridge needed to close before winter came,” Marta Kosk said.",
			"Marta Kosk said the bridge “needed to close”."},
		Agree, []string{"", "trimmed"}},
	{"the same sentences in another order",
		[]string{"“The crew kept calm,” Ilse Varga said. “Nobody panicked on board.”",
			"“Nobody panicked on board,” Ilse Varga said. “The crew kept calm.”"},
		Agree, []string{"", "trimmed"}},
	{"reworded",
		[]string{"“The harbour will reopen on Monday once the divers finish,” Kai Lund said.",
			"“The harbour should reopen Monday after the divers are done,” Kai Lund said."},
		Disagree, []string{"", "reworded"}},
	{"other speaker",
		[]string{"“The harbour will reopen on Monday once the divers finish,” Kai Lund said.",
			"“The harbour will reopen on Monday once the divers finish,” Mayor Edda Voss said."},
		Disagree, []string{"", "other speaker"}},
	{"majority wording is the reference",
		[]string{"“Nobody expected the dam to fail so quickly,” Jon Ekker said.",
			"“Nobody expected the dam to fail so fast,” Jon Ekker said.",
			"“Nobody expected the dam to fail so quickly,” said Jon Ekker."},
		Disagree, []string{"", "reworded", "verbatim"}},
	{"last name matches the full name",
		[]string{"“The clinic stays open all winter,” Health Minister Marta Solberg said.",
			"“The clinic stays open all winter,” Solberg said."},
		Agree, []string{"", "verbatim"}},
	{"a description never conflicts with a name",
		[]string{"“The water is safe to drink again,” officials said.",
			"“The water is safe to drink again,” Mayor Edda Voss said."},
		Agree, []string{"", "verbatim"}},
	{"contractions are the same words",
		[]string{"“We won't be bullied by anyone,” Alan Grieve said.",
			"“We will not be bullied by anyone,” Alan Grieve said."},
		Agree, []string{"", "verbatim"}},
	{"two longer wordings of a shared opening differ",
		[]string{"“We will not be bullied,” Alan Grieve said.\n“We will not be bullied by anyone at all,” said Grieve.",
			"“We will not be bullied,” Alan Grieve said.\n“We will not be bullied by anybody at all,” Grieve said."},
		Disagree, nil},
	{"different stretches of one statement agree",
		[]string{"“Rivera has let the gangs grow for years. We will stop the flow of guns into the city,” said Olle Brandt.",
			"“Rivera has let the gangs grow for years,” Olle Brandt said.",
			"“We will stop the flow of guns into the city,” Olle Brandt said."},
		Agree, []string{"", "trimmed", "trimmed"}},
	{"single source",
		[]string{"“The clinic stays open all winter,” Marta Solberg said.",
			"The clinic will stay open, the minister said."},
		Single, []string{""}},
	{"two parts of a longer statement differ",
		[]string{"“Rivera has let the gangs grow,” said Olle Brandt. “We will stop the flow of guns.”",
			"Olle Brandt said Rivera “has let the gangs grow and ignored every warning”.",
			"Olle Brandt said Rivera had “let the gangs grow”."},
		Disagree, nil},
}

func TestQuoteClasses(t *testing.T) {
	for _, tc := range classCases {
		t.Run(tc.name, func(t *testing.T) {
			var srcs []*data.Source
			for i, text := range tc.texts {
				srcs = append(srcs, qSource(string(rune('a'+i)), text))
			}
			facts := FindQuotes(srcs, nil)
			require.NotEmpty(t, facts)
			f := facts[0]
			assert.Equal(t, tc.verdict, f.Verdict, "%+v", facts)
			if tc.classes != nil {
				var classes []string
				for _, m := range f.Mentions {
					classes = append(classes, m.Class)
				}
				assert.Equal(t, tc.classes, classes)
			}
			for _, f := range facts {
				for _, m := range f.Mentions {
					checkQuote(t, srcs[m.Source], m)
				}
			}
		})
	}
}

func TestQuoteRows(t *testing.T) {
	a := qSource("a", "The storm hit at dawn.\n“We lost the roof,” Ivo Sand said.")
	b := qSource("b", "“We lost the roof,” Ivo Sand said.\nThe storm hit at dawn.")
	rows := []align.Row{
		{Cells: []align.Cell{{Sentences: []int{0}}, {Sentences: []int{1}}}},
		{Cells: []align.Cell{{Sentences: []int{1}}, {Sentences: []int{0}}}},
	}
	facts := FindQuotes([]*data.Source{a, b}, rows)
	require.Len(t, facts, 1)
	f := facts[0]
	assert.Equal(t, []int{1}, f.Rows)
	assert.Equal(t, Agree, f.Verdict)
	assert.Equal(t, "Ivo Sand", f.Speaker)
	for _, m := range f.Mentions {
		assert.Equal(t, 1, m.Row)
	}
	assert.Equal(t, 1, f.Mentions[0].Sentence)
	assert.Equal(t, 0, f.Mentions[1].Sentence)

	// a sentence in no row
	facts = FindQuotes([]*data.Source{a}, nil)
	require.Len(t, facts, 1)
	assert.Equal(t, -1, facts[0].Mentions[0].Row)
	assert.Empty(t, facts[0].Rows)
}

func TestQuotesInSource(t *testing.T) {
	a := qSource("a", "“The harbour will reopen on Monday once the divers finish,” Kai Lund said.\n“We lost the roof,” Ivo Sand said.")
	b := qSource("b", "“The harbour should reopen Monday after the divers are done,” Kai Lund said.")
	res := Result{Quotes: FindQuotes([]*data.Source{a, b}, nil)}
	qs := res.QuotesInSource(0)
	require.Len(t, qs, 2)
	assert.Less(t, qs[0].Start, qs[1].Start)
	for _, q := range qs {
		assert.Equal(t, q.Source, 0)
		f := res.Quotes[q.Fact]
		assert.Contains(t, f.Mentions, q)
	}
	other := res.QuotesInSource(1)
	require.Len(t, other, 1)
	assert.True(t, other[0].Conflict || qs[0].Conflict, "the reworded mention is coloured")
	assert.False(t, qs[1].Conflict)
}

func TestQuotesSkipBoilerplate(t *testing.T) {
	s := qSource("a", "“Best deals of the week,” our editors say.\n“We will rebuild,” Lena Ortt said.")
	s.Paragraphs[0].Kind = data.KindBoilerplate
	facts := FindQuotes([]*data.Source{s}, nil)
	require.Len(t, facts, 1)
	assert.Equal(t, "We will rebuild", facts[0].Mentions[0].Text)
}

func TestQuotesDeterministic(t *testing.T) {
	var srcs []*data.Source
	for i, tc := range classCases {
		srcs = append(srcs, qSource(string(rune('a'+i%26))+"x", strings.Join(tc.texts, "\n")))
	}
	first := FindQuotes(srcs, nil)
	for range 3 {
		assert.Equal(t, first, FindQuotes(srcs, nil))
	}
}

const qTestMarks = "“”\"„«»‘’'「」『』‹›"

// checkQuote asserts the span invariants of a mention.
func checkQuote(t testing.TB, src *data.Source, q Quote) {
	t.Helper()
	require.True(t, 0 <= q.Start && q.Start < q.End && q.End <= len(src.Text), "span %d..%d of %d", q.Start, q.End, len(src.Text))
	assert.Equal(t, src.Text[q.Start:q.End], q.Text)
	assert.True(t, utf8.RuneStart(src.Text[q.Start]), "start inside a character")
	assert.True(t, q.End == len(src.Text) || utf8.RuneStart(src.Text[q.End]), "end inside a character")
	parts := q.Parts
	if len(parts) == 0 {
		parts = [][2]int{{q.Start, q.End}}
	}
	for _, p := range parts {
		// the marks are outside the quoted words: an opening mark before,
		// a closing mark (or the paragraph end) after
		before := strings.TrimRightFunc(src.Text[:p[0]], unicode.IsSpace)
		r, _ := utf8.DecodeLastRuneInString(before)
		assert.True(t, strings.ContainsRune(qTestMarks, r), "no opening mark before %q", src.Text[p[0]:p[1]])
		after := strings.TrimLeftFunc(src.Text[p[1]:], func(r rune) bool {
			return r == ',' || r == ';' || r == ':' || r != '\n' && r != '\r' && (unicode.IsSpace(r) || unicode.Is(unicode.Cf, r))
		})
		r, _ = utf8.DecodeRuneInString(after)
		assert.True(t, after == "" || r == '\n' || r == '\r' || strings.ContainsRune(qTestMarks, r),
			"no closing mark after %q", src.Text[p[0]:p[1]])
	}
	prev := q.Start
	for _, p := range q.Parts {
		assert.True(t, prev <= p[0] && p[0] < p[1] && p[1] <= q.End, "part %v outside %d..%d", p, q.Start, q.End)
		prev = p[1]
	}
	if len(q.Parts) > 0 {
		assert.Equal(t, q.Start, q.Parts[0][0])
		assert.Equal(t, q.End, q.Parts[len(q.Parts)-1][1])
	}
	assert.True(t, q.Sentence >= -1 && q.Sentence < len(src.Sentences))
}

func FuzzQuotes(f *testing.F) {
	for _, tc := range quoteCases {
		f.Add(tc.text)
	}
	for _, tc := range classCases {
		f.Add(strings.Join(tc.texts, "\n"))
	}
	f.Fuzz(func(t *testing.T, text string) {
		text = strings.ToValidUTF8(text, "\uFFFD") // Source.Text is always UTF-8
		a := qSource("a", text)
		b := qSource("b", "“"+text+"”, he said. ‘"+text)
		srcs := []*data.Source{a, b}
		facts := FindQuotes(srcs, nil)
		for _, f := range facts {
			require.NotEmpty(t, f.Mentions)
			for _, m := range f.Mentions {
				checkQuote(t, srcs[m.Source], m)
			}
		}
		// the real splitter too
		c := &data.Source{ID: "c", Text: text}
		structure.Analyze(c)
		for _, f := range FindQuotes([]*data.Source{c}, nil) {
			for _, m := range f.Mentions {
				checkQuote(t, c, m)
			}
		}
	})
}

// TestQuotesStory runs the whole chain on an invented three-outlet story and
// compares the quotation facts with a golden file (refresh with -update).
func TestQuotesStory(t *testing.T) {
	paths, err := filepath.Glob(filepath.Join("testdata", "quotes_story", "*.txt"))
	require.NoError(t, err)
	require.NotEmpty(t, paths)
	var srcs []*data.Source
	for _, p := range paths {
		s, err := load.File(p, load.Options{})
		require.NoError(t, err)
		structure.Analyze(s)
		srcs = append(srcs, s)
	}
	res := align.Align(srcs, align.ChooseBase(srcs))
	facts := FindQuotes(srcs, res.Rows)
	type gm struct {
		Source, Text, Speaker, Class string
		Partial                      bool `json:",omitempty"`
	}
	type gf struct {
		Speaker  string
		Verdict  Verdict
		Mentions []gm
	}
	var got []gf
	for _, f := range facts {
		g := gf{Speaker: f.Speaker, Verdict: f.Verdict}
		for _, m := range f.Mentions {
			checkQuote(t, srcs[m.Source], m)
			g.Mentions = append(g.Mentions, gm{srcs[m.Source].ID, m.Text, m.Speaker, m.Class, m.Partial})
		}
		got = append(got, g)
	}
	js, err := json.MarshalIndent(got, "", " ")
	require.NoError(t, err)
	golden := filepath.Join("testdata", "quotes_story.golden.json")
	if qUpdating() {
		require.NoError(t, os.WriteFile(golden, append(js, '\n'), 0o644))
	}
	want, err := os.ReadFile(golden)
	require.NoError(t, err, "run with -update to create it")
	assert.Equal(t, string(want), string(js)+"\n")
}

// qSeedSources loads and aligns the real articles, or skips.
func qSeedSources(tb testing.TB) ([]*data.Source, []align.Row) {
	paths := seeds.Files(tb)
	var srcs []*data.Source
	for _, p := range paths {
		s, err := load.File(p, load.Options{})
		require.NoError(tb, err)
		structure.Analyze(s)
		srcs = append(srcs, s)
	}
	return srcs, align.Align(srcs, align.ChooseBase(srcs)).Rows
}

// TestQuotesSeeds checks shapes only (no article text is kept in the repo):
// the seeds quote one speaker in several differently worded ways.
func TestQuotesSeeds(t *testing.T) {
	srcs, rows := qSeedSources(t)
	facts := FindQuotes(srcs, rows)
	disagree := 0
	for _, f := range facts {
		for _, m := range f.Mentions {
			checkQuote(t, srcs[m.Source], m)
			assert.True(t, srcs[m.Source].Story(max(m.Sentence, 0)))
		}
		if f.Verdict == Disagree {
			disagree++
			assert.GreaterOrEqual(t, len(f.Mentions), 2)
		}
	}
	assert.GreaterOrEqual(t, disagree, 4, "differently worded quotations across outlets")
}

func BenchmarkQuotesSeeds(b *testing.B) {
	srcs, rows := qSeedSources(b)
	b.ReportAllocs()
	for b.Loop() {
		b.StopTimer()
		forget(srcs) // from cold: no quotations kept from the run before
		b.StartTimer()
		FindQuotes(srcs, rows)
	}
}

// BenchmarkQuotesMany: three sources of 400 paragraphs, each with two
// quotations that share most of their words with the others.
func BenchmarkQuotesMany(b *testing.B) {
	var sb strings.Builder
	for i := range 400 {
		fmt.Fprintf(&sb, "“Plan %d will cost the city %d dollars,” Mayor Ann Lee%d said. She added: “It will rain on day %d.”\n", i, i*7, i%50, i)
	}
	srcs := []*data.Source{qSource("a", sb.String()), qSource("b", sb.String()), qSource("c", sb.String())}
	b.ReportAllocs()
	for b.Loop() {
		FindQuotes(srcs, nil)
	}
}

// qSortPairs sorts by the radix what qPairOrder sorts, ties included.
func TestQSortPairs(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	for _, size := range []int{0, 1, 100, 5000, 70000} {
		n := 1 + size/8
		seen := map[[2]int]bool{}
		var pairs []qQpair
		for len(pairs) < size {
			i, j := r.Intn(n), r.Intn(n)
			if seen[[2]int{i, j}] {
				continue
			}
			seen[[2]int{i, j}] = true
			// few distinct scores, so many ties; some far apart
			score := 0.55 + float64(r.Intn(50))/100
			if r.Intn(10) == 0 {
				score = math.Nextafter(score, 2) * float64(1+r.Intn(1000))
			}
			pairs = append(pairs, qQpair{i, j, score})
		}
		want := slices.Clone(pairs)
		slices.SortFunc(want, qPairOrder)
		qSortPairs(pairs, n)
		require.Equal(t, want, pairs, "size %d", size)
	}
}
