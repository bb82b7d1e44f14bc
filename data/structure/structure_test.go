package structure

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"parallax/data"
	"parallax/data/internal/lazyre"
	"parallax/data/internal/seeds"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// sentenceCases: one paragraph in, its sentences out.
var sentenceCases = []struct {
	name string
	in   string
	want []string
}{
	{"plain", "The boat sank. Nobody was hurt.", []string{"The boat sank.", "Nobody was hurt."}},
	{"titles", "Mr. Smith met Dr. Jones and Mrs. Lee. They talked.", []string{"Mr. Smith met Dr. Jones and Mrs. Lee.", "They talked."}},
	{"ranks", "Gen. Ortiz, Sen. Warren and Rep. Diaz met Gov. Hale at St. Mary's. Talks went well.", []string{"Gen. Ortiz, Sen. Warren and Rep. Diaz met Gov. Hale at St. Mary's.", "Talks went well."}},
	{"acronym inside", "The U.S. military and U.N. officials said so.", []string{"The U.S. military and U.N. officials said so."}},
	{"acronym before name", "Officials at the U.S. State Department declined to comment.", []string{"Officials at the U.S. State Department declined to comment."}},
	{"acronym at end", "He moved to the U.K. The move was sudden.", []string{"He moved to the U.K.", "The move was sudden."}},
	{"month", "It happened on Nov. 12 in the capital. Police came on Dec. 3.", []string{"It happened on Nov. 12 in the capital.", "Police came on Dec. 3."}},
	{"month at end", "The law took effect in Jan. The courts objected.", []string{"The law took effect in Jan.", "The courts objected."}},
	{"am pm inside", "The meeting ended at 5 p.m. on Tuesday.", []string{"The meeting ended at 5 p.m. on Tuesday."}},
	{"am pm at end", "The meeting ended at 5 p.m. The talks resume today.", []string{"The meeting ended at 5 p.m.", "The talks resume today."}},
	{"am before name", "At 3 a.m. Eastern time the strike began.", []string{"At 3 a.m. Eastern time the strike began."}},
	{"decimals", "Growth was 2.5 percent, or 12,000 jobs. That is a record.", []string{"Growth was 2.5 percent, or 12,000 jobs.", "That is a record."}},
	{"money", "He earned $1.5m last year. That was a lot.", []string{"He earned $1.5m last year.", "That was a lot."}},
	{"eg ie", "Some fruit, e.g. apples, i.e. the red ones, cost more. Really.", []string{"Some fruit, e.g. apples, i.e. the red ones, cost more.", "Really."}},
	{"company", "Acme Inc. said profits rose. Shares of Acme Co. fell.", []string{"Acme Inc. said profits rose.", "Shares of Acme Co. fell."}},
	{"company at end", "She joined Acme Ltd. The firm grew.", []string{"She joined Acme Ltd.", "The firm grew."}},
	{"junior", "Martin Luther King Jr. spoke there. Crowds came.", []string{"Martin Luther King Jr. spoke there.", "Crowds came."}},
	{"initials", "J. Smith and K. L. Jones wrote the report.", []string{"J. Smith and K. L. Jones wrote the report."}},
	{"number sign", "He lives at No. 5 on the street. It is old.", []string{"He lives at No. 5 on the street.", "It is old."}},
	{"no as word", "The answer was no. Then he left.", []string{"The answer was no.", "Then he left."}},
	{"street at end", "They met on Main St. The talks went well.", []string{"They met on Main St.", "The talks went well."}},
	{"saint", "He grew up in St. Louis and moved.", []string{"He grew up in St. Louis and moved."}},
	{"time zone", "The strike began at 10 a.m. EST. The boats sank.", []string{"The strike began at 10 a.m. EST.", "The boats sank."}},
	{"plain word", "Nobody moved and the boat sat. Petro spoke.", []string{"Nobody moved and the boat sat.", "Petro spoke."}},
	{"senior", "John Smith Sr. said it. The son agreed.", []string{"John Smith Sr. said it.", "The son agreed."}},
	{"versus", "It was Brazil vs. Argentina in the final.", []string{"It was Brazil vs. Argentina in the final."}},
	{"et al", "Smith et al. found the same result.", []string{"Smith et al. found the same result."}},
	{"year end", "She was born in 1990. In 2020 she won.", []string{"She was born in 1990.", "In 2020 she won."}},
	{"quote continues", "“The pier was empty by noon,” the harbour master said, “but the sheds were still full.”", []string{"“The pier was empty by noon,” the harbour master said, “but the sheds were still full.”"}},
	{"quote of sentences", "“It was wrong. There was no need,” she said.", []string{"“It was wrong.", "There was no need,” she said."}},
	{"quote closes sentence", "She said: “Go home.” He went.", []string{"She said: “Go home.”", "He went."}},
	{"straight quotes", `"We will not stop." The minister left.`, []string{`"We will not stop."`, "The minister left."}},
	{"exclamation then lower", "“Stop!” the officer shouted. Nobody moved.", []string{"“Stop!” the officer shouted.", "Nobody moved."}},
	{"question then speaker", "“Why now?” Ortiz asked. He got no answer.", []string{"“Why now?” Ortiz asked.", "He got no answer."}},
	{"question then said", "“Who knew?” said the mayor. Nobody did.", []string{"“Who knew?” said the mayor.", "Nobody did."}},
	{"brackets", "He said it again (twice.) Then he left.", []string{"He said it again (twice.)", "Then he left."}},
	{"ellipsis inside", "He hesitated... then left the room.", []string{"He hesitated... then left the room."}},
	{"ellipsis ends", "He waited... Nothing happened.", []string{"He waited...", "Nothing happened."}},
	{"ellipsis char", "He waited… Nothing happened.", []string{"He waited…", "Nothing happened."}},
	{"teaser", "The talks began on Friday after the....", []string{"The talks began on Friday after the...."}},
	{"questions", "Is it true? Yes! It is.", []string{"Is it true?", "Yes!", "It is."}},
	{"interrobang", "Really?! Yes.", []string{"Really?!", "Yes."}},
	{"no punctuation", "a line of words without any punctuation", []string{"a line of words without any punctuation"}},
	{"no space after period", "See example.com for details. Then call.", []string{"See example.com for details.", "Then call."}},
	{"arabic", "قال الرئيس إن البلاد ستعلق التعاون؟ نعم. وأضاف أن القرار نهائي۔", []string{"قال الرئيس إن البلاد ستعلق التعاون؟", "نعم.", "وأضاف أن القرار نهائي۔"}},
	{"chinese", "总统宣布暂停合作。美国尚未回应！这是真的吗？", []string{"总统宣布暂停合作。", "美国尚未回应！", "这是真的吗？"}},
	{"chinese quotes", "他说：“我们不会停止。”记者问道。", []string{"他说：“我们不会停止。”", "记者问道。"}},
	{"hindi", "सरकार ने पुल बंद किया। मरम्मत शुरू हुई।", []string{"सरकार ने पुल बंद किया।", "मरम्मत शुरू हुई।"}},
	{"full-width decimal", "增长了３．５％。很好。", []string{"增长了３．５％。", "很好。"}},
	{"japanese", "橋が閉鎖された。修理が始まった。", []string{"橋が閉鎖された。", "修理が始まった。"}},
	{"surrounding space", "  \tOne.  Two.\n ", []string{"One.", "Two."}},
	{"only space", " \n\t ", nil},
	{"empty", "", nil},
}

func TestSentences(t *testing.T) {
	for _, c := range sentenceCases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, s := range splitSentences(c.in, 0, len(c.in)) {
				got = append(got, c.in[s.start:s.end])
			}
			assert.Equal(t, c.want, got)
			checkSpans(t, c.in, splitSentences(c.in, 0, len(c.in)))
		})
	}
}

func TestLongUnpunctuated(t *testing.T) {
	in := strings.Repeat("word ", 500)
	spans := splitSentences(in, 0, len(in))
	require.Greater(t, len(spans), 3)
	for _, s := range spans {
		assert.LessOrEqual(t, wordCount(in[s.start:s.end]), 2*chunkWords)
	}
	checkSpans(t, in, spans)
}

// para is a paragraph expected of Analyze: its kind and its text's start.
type wantPara struct {
	kind   data.Kind
	prefix string
	n      int // sentences; 0 means do not check
}

// paragraphCases: a document in, its paragraphs out.
var paragraphCases = []struct {
	name string
	in   string
	want []wantPara
}{
	{"blank-line blocks", "Harbour Bridge Closed After Storm\n\nBy Ana Ruiz\n\nThe bridge closed on Monday. Crews began repairs.\n\nRepairs Under Way\n\nWork will take two weeks, officials said.\n",
		[]wantPara{{data.KindHeadline, "Harbour Bridge", 1}, {data.KindByline, "By Ana", 1}, {data.KindBody, "The bridge closed", 2}, {data.KindSubheading, "Repairs Under", 1}, {data.KindBody, "Work will", 1}}},
	{"one paragraph a line", "Harbour Bridge Closed After Storm\nThe bridge closed on Monday after a storm damaged two of its cables overnight.\nCrews began repairs on Tuesday. They expect to finish soon.\n",
		[]wantPara{{data.KindHeadline, "Harbour Bridge", 1}, {data.KindBody, "The bridge closed", 1}, {data.KindBody, "Crews began", 2}}},
	{"headline glued to body", "Harbour Bridge Closed After Storm\nThe bridge closed on Monday after a storm damaged two of its cables overnight, the port authority said.\n\nCrews began repairs on Tuesday and expect to finish within a fortnight, weather permitting.\n",
		[]wantPara{{data.KindHeadline, "Harbour Bridge", 1}, {data.KindBody, "The bridge closed", 1}, {data.KindBody, "Crews began", 1}}},
	{"hard wrapped", "Harbour Bridge Closed After Storm\nThe harbour bridge closed on Monday after a storm damaged two\nof its cables overnight, the port authority said in a short\nstatement. Crews began repairs on Tuesday.\n\nThe authority said the work would take two weeks and that ferries\nwould run every half hour until then. Commuters were told to\nallow extra time.\n",
		[]wantPara{{data.KindHeadline, "Harbour Bridge", 1}, {data.KindBody, "The harbour bridge", 2}, {data.KindBody, "The authority said", 2}}},
	{"wrapped name at line start", "The storm hit the coast late on Monday night and knocked out power to\nHarbourtown and three villages, officials said on Tuesday morning.\nThe port reopened at noon after divers checked the channel for debris\nand found none, according to the harbour master.\n",
		[]wantPara{{data.KindBody, "The storm hit", 2}}},
	{"indented paragraphs", "    The harbour bridge closed on Monday after a storm damaged two\nof its cables overnight, the port authority said in a statement\non Tuesday morning.\n    Crews began repairs on Tuesday and expect to finish within two\nweeks, weather permitting, the authority added in its statement.\n",
		[]wantPara{{data.KindBody, "The harbour", 1}, {data.KindBody, "Crews began", 1}}},
	{"sentence broken by a blank line", "The harbour bridge closed on Monday after a storm damaged two of its\n\ncables overnight, the port authority said. Crews began repairs.\n\nthe lower-case line after a full stop stays apart.\n",
		[]wantPara{{data.KindBody, "The harbour", 2}, {data.KindBody, "the lower-case", 1}}},
	{"lower-case continuation", "The bridge closed on Monday after a storm damaged two of its cables\nand the port authority ordered an inspection of the whole span.\nCrews began repairs on Tuesday.\n",
		[]wantPara{{data.KindBody, "The bridge closed", 1}, {data.KindBody, "Crews began", 1}}},
	{"bullets", "Storm closes bridge\n\nWhat we know:\n- The bridge closed on Monday.\n- Repairs take two weeks.\n* Ferries run every half hour.\n1. Commuters should allow extra time.\n\nOfficials will meet again on Friday to review the repairs and the schedule.\n",
		[]wantPara{{data.KindHeadline, "Storm closes", 1}, {data.KindSubheading, "What we know", 1}, {data.KindBullet, "- The bridge", 1}, {data.KindBullet, "- Repairs", 1}, {data.KindBullet, "* Ferries", 1}, {data.KindBullet, "1. Commuters", 1}, {data.KindBody, "Officials will", 1}}},
	{"dateline standalone", "PORTVILLE, March 3 (Wire) -\n\nThe harbour bridge closed on Monday after a storm damaged two of its cables overnight.\n",
		[]wantPara{{data.KindDateline, "PORTVILLE", 1}, {data.KindBody, "The harbour", 1}}},
	{"dateline prefix stays body", "PORTVILLE, March 3 (Wire) - The harbour bridge closed on Monday after a storm damaged two of its cables overnight.\n",
		[]wantPara{{data.KindBody, "PORTVILLE", 1}}},
	{"caption before story", "The mayor speaks during a news conference at the harbour.\n\nHarbour Bridge Closed After Storm\n\nThe harbour bridge closed on Monday after a storm damaged two of its cables overnight. Crews began repairs.\n",
		[]wantPara{{data.KindCaption, "The mayor speaks", 1}, {data.KindHeadline, "Harbour Bridge", 1}, {data.KindBody, "The harbour", 2}}},
	{"photo credit", "The harbour bridge closed on Monday after a storm damaged two of its cables overnight. Crews began repairs.\n\nWorkers inspect a cable on Tuesday. (Photo: Jan Novak/Wire)\n\nThe authority said the work would take two weeks and that ferries would run instead.\n",
		[]wantPara{{data.KindBody, "The harbour", 2}, {data.KindCaption, "Workers inspect", 0}, {data.KindBody, "The authority", 1}}},
	{"wire caption mid-article", "The harbour bridge closed on Monday after a storm damaged two of its cables overnight. Crews began repairs.\n\nMayor Pol Ferrer speaks during a news conference in Harbourtown, March 4, 2024.\n\nThe authority said the work would take two weeks and that ferries would run instead.\n",
		[]wantPara{{data.KindBody, "The harbour", 2}, {data.KindCaption, "Mayor Pol", 1}, {data.KindBody, "The authority", 1}}},
	{"caption after headline", "Harbour Bridge Closed After Storm\n\nWorkers inspect a damaged cable on the bridge.\n\nThe harbour bridge closed on Monday after a storm damaged two of its cables overnight. Crews began repairs.\n",
		[]wantPara{{data.KindHeadline, "Harbour", 1}, {data.KindCaption, "Workers", 1}, {data.KindBody, "The harbour", 2}}},
	{"caption above its credit", "The harbour bridge closed on Monday after a storm damaged two of its cables overnight. Crews began repairs.\n\nA diver checks the damaged pylon beneath the bridge.\n\nPhoto: Jan Novak/Coastal Wire\n\nThe authority said the work would take two weeks and that ferries would run instead.\n",
		[]wantPara{{data.KindBody, "The harbour", 2}, {data.KindCaption, "A diver", 1}, {data.KindCaption, "Photo", 1}, {data.KindBody, "The authority", 1}}},
	{"bylines", "Bridge Closed\nAna Ruiz | Coastal Wire\nPublished 3 March 2024, updated 4 March 2024\n5 min read\nThe harbour bridge closed on Monday after a storm damaged two of its cables overnight.\n",
		[]wantPara{{data.KindHeadline, "Bridge Closed", 1}, {data.KindByline, "Ana Ruiz", 1}, {data.KindByline, "Published", 1}, {data.KindByline, "5 min", 1}, {data.KindBody, "The harbour", 1}}},
	{"furniture", "Share\nTweet\nEmail\nThe harbour bridge closed on Monday after a storm damaged two of its cables overnight.\nAdvertisement\nCrews began repairs on Tuesday and expect to finish within two weeks, officials said.\nRead more: Ferries to run all night\nComments (12)\nSign up for our morning newsletter\nWe use cookies to improve your experience. Accept all\n© 2024 Coastal Wire. All rights reserved.\nFollow us on social media\nTags: storms, bridges, harbour\nhttps://example.com/story/123\n•••\n3 / 12\n",
		[]wantPara{{data.KindBoilerplate, "Share", 0}, {data.KindBoilerplate, "Tweet", 0}, {data.KindBoilerplate, "Email", 0}, {data.KindBody, "The harbour", 1}, {data.KindBoilerplate, "Advertisement", 1},
			{data.KindBody, "Crews began", 1}, {data.KindBoilerplate, "Read more", 0}, {data.KindBoilerplate, "Comments", 0}, {data.KindBoilerplate, "Sign up", 0}, {data.KindBoilerplate, "We use cookies", 0},
			{data.KindBoilerplate, "©", 0}, {data.KindBoilerplate, "Follow us", 0}, {data.KindBoilerplate, "Tags", 0},
			{data.KindBoilerplate, "https", 0}, {data.KindBoilerplate, "•••", 0}, {data.KindBoilerplate, "3 / 12", 0}}},
	{"embeds and players", "The harbour bridge closed on Monday after a storm damaged two of its cables overnight.\nView this post on Instagram\nA post shared by Harbour Town (@harbourtown)\nVideo Duration 02 minutes 10 seconds\nSave articles to read later and create your own reading list.\nlist of 3 items\nSuggested Topics:\n",
		[]wantPara{{data.KindBody, "The harbour", 1}, {data.KindBoilerplate, "View", 0}, {data.KindBoilerplate, "A post", 0}, {data.KindBoilerplate, "Video", 0}, {data.KindBoilerplate, "Save", 0}, {data.KindBoilerplate, "list", 0}, {data.KindBoilerplate, "Suggested", 0}}},
	{"rating widget", "The harbour bridge closed on Monday after a storm damaged two of its cables overnight. Crews began repairs.\n\nWas this article helpful?\n\nClick on a star to rate it!\n\nAverage rating 4.2 / 5. Vote count: 17\n\nBe the first to rate this post.\n",
		[]wantPara{{data.KindBody, "The harbour", 2}, {data.KindBoilerplate, "Was this", 0}, {data.KindBoilerplate, "Click", 0}, {data.KindBoilerplate, "Average", 0}, {data.KindBoilerplate, "Be the first", 0}}},
	{"related list", "Bridge Closed After Storm\n\nThe harbour bridge closed on Monday after a storm damaged two of its cables overnight. Crews began repairs.\n\nRelated Stories\n\nMountain Village Celebrates Cheese Festival\n\nThousands gathered in the village square for the annual festival, where....\n\nLocal Team Wins Cup Final\n\nJune 2024\n",
		[]wantPara{{data.KindHeadline, "Bridge", 1}, {data.KindBody, "The harbour", 2}, {data.KindBoilerplate, "Related", 1}, {data.KindBoilerplate, "Mountain", 1}, {data.KindBoilerplate, "Thousands", 1}, {data.KindBoilerplate, "Local Team", 1}, {data.KindBoilerplate, "June", 1}}},
	{"related teasers on the same topic", "Bridge Closed After Storm\n\nThe harbour bridge closed on Monday after a storm damaged two of its cables overnight. Crews began repairs.\n\nThe authority said the cables would be replaced within two weeks by a firm from abroad.\n\nYou may also like\n\nFerries Add Crossings While Bridge Is Closed\n\nThe ferry company added crossings on Monday after the storm closed the harbour bridge and damaged two of its cables overnight, the authority said in a statement.\n\nStorm Damage Across the Coast\n\nThe storm that closed the harbour bridge damaged piers and cables along the coast overnight, the authority said on Monday in a statement to the press.\n",
		[]wantPara{{data.KindHeadline, "Bridge", 1}, {data.KindBody, "The harbour", 2}, {data.KindBody, "The authority", 1}, {data.KindBoilerplate, "You may", 1}, {data.KindBoilerplate, "Ferries", 1}, {data.KindBoilerplate, "The ferry", 1}, {data.KindBoilerplate, "Storm Damage", 1}, {data.KindBoilerplate, "The storm", 1}}},
	{"related bullets then story", "The harbour bridge closed on Monday after a storm damaged two of its cables overnight. Crews began repairs.\n\nRelated\n- Ferries to run all night\n- Cheese festival draws crowds\n\nThe bridge authority said repairs to the cables would take two weeks.\n",
		[]wantPara{{data.KindBody, "The harbour", 2}, {data.KindBoilerplate, "Related", 1}, {data.KindBoilerplate, "- Ferries", 1}, {data.KindBoilerplate, "- Cheese", 1}, {data.KindBody, "The bridge authority", 1}}},
	{"stray headlines at end", "The harbour bridge closed on Monday after a storm damaged two of its cables overnight. Crews began repairs on the cables.\nThe authority said the bridge would reopen in two weeks once the cables were replaced.\nSinger Announces World Tour\nFootball Star Signs Record Deal\n",
		[]wantPara{{data.KindBody, "The harbour", 2}, {data.KindBody, "The authority", 1}, {data.KindBoilerplate, "Singer", 1}, {data.KindBoilerplate, "Football", 1}}},
	{"stray headline between sections", "The harbour bridge closed on Monday after a storm damaged two of its cables overnight. Crews began repairs.\n\nRepairs Under Way\n\nThe authority said the repairs would take two weeks and that ferries would run instead.\n\nSinger cancels her world tour\n\nThe bridge authority said the cables would be replaced by a firm from abroad.\n\nFerries Run All Night\n\nThe ferry company added crossings through the night while the bridge stays closed.\n",
		[]wantPara{{data.KindBody, "The harbour", 2}, {data.KindSubheading, "Repairs", 1}, {data.KindBody, "The authority", 1}, {data.KindBoilerplate, "Singer", 1}, {data.KindBody, "The bridge", 1}, {data.KindSubheading, "Ferries", 1}, {data.KindBody, "The ferry", 1}}},
	{"stray headlines with dates between sections", "The harbour bridge closed on Monday after a storm damaged two of its cables overnight. Crews began repairs.\n\nSinger Announces World Tour\n\nJune 2024\n\nFootball Star Signs Record Deal\n\nJuly 2024\n\nThe authority said the repairs would take two weeks and that ferries would run instead.\n",
		[]wantPara{{data.KindBody, "The harbour", 2}, {data.KindBoilerplate, "Singer", 1}, {data.KindByline, "June", 1}, {data.KindBoilerplate, "Football", 1}, {data.KindByline, "July", 1}, {data.KindBody, "The authority", 1}}},
	{"subheading with few shared words", "The harbour bridge closed on Monday after a storm damaged two of its cables overnight. Crews began repairs.\n\nA Long Road Ahead\n\nThe authority said the work would take two weeks and that ferries would run instead.\n",
		[]wantPara{{data.KindBody, "The harbour", 2}, {data.KindSubheading, "A Long Road", 1}, {data.KindBody, "The authority", 1}}},
	{"quoted subheading", "The harbour bridge closed on Monday after a storm damaged two of its cables overnight.\n\n“We Will Rebuild It Better”\n\nThe mayor promised a stronger bridge within a year, officials said.\n",
		[]wantPara{{data.KindBody, "The harbour", 1}, {data.KindSubheading, "“We Will", 1}, {data.KindBody, "The mayor", 1}}},
	{"masthead in capitals", "HARBOUR COURIER\n\nStorm Shuts the Bridge for Weeks\n\nThe harbour bridge closed on Monday after a storm damaged two of its cables overnight, the Courier learned. Crews began repairs.\n",
		[]wantPara{{data.KindByline, "HARBOUR", 1}, {data.KindHeadline, "Storm", 1}, {data.KindBody, "The harbour", 2}}},
	{"masthead by name", "Coastline Daily\nStorm shuts the bridge for weeks\nThe harbour bridge closed on Monday after a storm damaged two of its cables overnight. Crews began repairs.\nReader call-out: have you been affected? Email us at news@example.com\n",
		[]wantPara{{data.KindByline, "Coastline", 1}, {data.KindHeadline, "Storm", 1}, {data.KindBody, "The harbour", 2}, {data.KindBoilerplate, "Reader", 0}}},
	{"two headlines", "Bridge Closed After Storm Damages Cables\nStorm shuts harbour bridge\n\nThe harbour bridge closed on Monday after a storm damaged two of its cables overnight. Crews began repairs.\n",
		[]wantPara{{data.KindHeadline, "Bridge Closed", 1}, {data.KindHeadline, "Storm shuts", 1}, {data.KindBody, "The harbour", 2}}},
	{"headline ending in acronym", "Bridge Talks Resume in the U.S.\nThe harbour bridge closed on Monday after a storm damaged two of its cables overnight.\n",
		[]wantPara{{data.KindHeadline, "Bridge Talks", 1}, {data.KindBody, "The harbour", 1}}},
	{"arabic lines", "إغلاق الجسر بعد العاصفة\nأغلق الجسر يوم الاثنين بعد أن ألحقت العاصفة أضرارا بكابلين. بدأت الطواقم الإصلاحات؟\n",
		[]wantPara{{data.KindHeadline, "إغلاق", 1}, {data.KindBody, "أغلق", 2}}},
	{"chinese", "暴风雨后大桥关闭\n\n周一，一场暴风雨损坏了两根缆索，港口大桥随即关闭。工人们周二开始维修！\n",
		[]wantPara{{data.KindHeadline, "暴风雨后", 1}, {data.KindBody, "周一", 2}}},
	{"no punctuation", "bridge closed after storm\n\nthe harbour bridge closed on monday after a storm damaged two of its cables overnight and crews began repairs on tuesday\n",
		[]wantPara{{data.KindHeadline, "bridge closed", 1}, {data.KindBody, "the harbour", 1}}},
	{"crlf and spaces", "  Bridge Closed  \r\n\r\n   The harbour bridge closed on Monday. Crews began repairs on the damaged cables.  \r\n",
		[]wantPara{{data.KindHeadline, "Bridge Closed", 1}, {data.KindBody, "The harbour", 2}}},
	{"lone carriage returns", "Bridge Closed\r\rThe harbour bridge closed on Monday. Crews began repairs on the damaged cables.\r",
		[]wantPara{{data.KindHeadline, "Bridge Closed", 1}, {data.KindBody, "The harbour", 2}}},
	{"unicode separators", "Bridge Closed\u2029The harbour bridge closed on Monday. Crews began repairs on the damaged cables.\u2028It reopens soon.",
		[]wantPara{{data.KindHeadline, "Bridge Closed", 1}, {data.KindBody, "The harbour", 2}, {data.KindBody, "It reopens", 1}}},
	{"empty", "", nil},
	{"blank", "\n\n \t\n", nil},
}

// storyLines are sentences of news prose that share words with page
// furniture; each must stay story text in the middle of an article.
var storyLines = []string{
	"He declined to make comments.",
	"There were no votes against the plan.",
	"By Tuesday, 75 people had died.",
	"By the end of the week the port had reopened.",
	"Published reports say 75 people died.",
	"“Join us on Friday,” the mayor said.",
	"Loading of the ships began on Monday.",
	"The video by the ministry showed the strike.",
	"Prices may rise 5% next year.",
	"How useful is the data remains unclear.",
	"The bakery uses cookies from a local supplier.",
	"Few voters subscribe to that view.",
	"The mayor attends the summit in the capital on Thursday.",
	"Tensions over Israel/Palestine dominated the talks.",
	"Shares of the company fell 3% in early trading.",
	"The report, originally published in 2019, was updated.",
}

func TestStoryLinesStayStory(t *testing.T) {
	for _, l := range storyLines {
		t.Run(l, func(t *testing.T) {
			in := "Harbour Bridge Closed After Storm\n\nThe harbour bridge closed on Monday after a storm damaged two of its cables overnight. Crews began repairs.\n\n" +
				l + "\n\nThe authority said the work would take two weeks and that ferries would run instead.\n"
			src := &data.Source{Text: in}
			Analyze(src)
			checkSource(t, src)
			require.Len(t, src.Paragraphs, 4, describe(src))
			assert.Equal(t, data.KindBody, src.Paragraphs[2].Kind)
		})
	}
}

func TestParagraphs(t *testing.T) {
	for _, c := range paragraphCases {
		t.Run(c.name, func(t *testing.T) {
			src := &data.Source{Text: c.in}
			Analyze(src)
			checkSource(t, src)
			var got []wantPara
			for _, p := range src.Paragraphs {
				got = append(got, wantPara{p.Kind, src.Text[p.Start:p.End], p.N})
			}
			require.Len(t, got, len(c.want), "paragraphs: %s", describe(src))
			for i, w := range c.want {
				assert.Equal(t, w.kind, got[i].kind, "paragraph %d %q", i, got[i].prefix)
				assert.True(t, strings.HasPrefix(got[i].prefix, w.prefix), "paragraph %d: %q does not start with %q", i, got[i].prefix, w.prefix)
				if w.n > 0 {
					assert.Equal(t, w.n, got[i].n, "sentences of paragraph %d %q", i, got[i].prefix)
				}
			}
		})
	}
}

func describe(src *data.Source) string {
	var b strings.Builder
	for i, p := range src.Paragraphs {
		b.WriteString("\n  " + string(p.Kind) + ": " + src.ParagraphText(i))
	}
	return b.String()
}

// checkSpans asserts that sentence spans lie within text, in order, without
// overlap, non-empty and trimmed.
func checkSpans(t testing.TB, text string, spans []span) {
	t.Helper()
	at := 0
	for _, s := range spans {
		require.GreaterOrEqual(t, s.start, at, "ordered, non-overlapping")
		require.Less(t, s.start, s.end, "non-empty")
		require.LessOrEqual(t, s.end, len(text), "within text")
		a, b := trimSpan(text, s.start, s.end)
		require.Equal(t, [2]int{s.start, s.end}, [2]int{a, b}, "trimmed")
		at = s.end
	}
}

// checkSource asserts the invariants of an analysed source.
func checkSource(t testing.TB, src *data.Source) {
	t.Helper()
	ids := map[string]bool{}
	pat := 0
	next := 0
	for pi, p := range src.Paragraphs {
		require.GreaterOrEqual(t, p.Start, pat, "paragraphs ordered")
		require.Less(t, p.Start, p.End, "paragraph non-empty")
		require.LessOrEqual(t, p.End, len(src.Text))
		a, b := trimSpan(src.Text, p.Start, p.End)
		require.Equal(t, [2]int{p.Start, p.End}, [2]int{a, b}, "paragraph trimmed")
		require.Equal(t, next, p.First, "sentences contiguous")
		require.Greater(t, p.N, 0, "paragraph has a sentence")
		require.NotEmpty(t, p.Kind)
		for _, s := range src.Sentences[p.First : p.First+p.N] {
			require.Equal(t, pi, s.Para)
			require.GreaterOrEqual(t, s.Start, p.Start, "sentence inside its paragraph")
			require.LessOrEqual(t, s.End, p.End, "sentence inside its paragraph")
			require.False(t, ids[s.ID], "sentence ids unique")
			ids[s.ID] = true
		}
		var spans []span
		for _, s := range src.Sentences[p.First : p.First+p.N] {
			spans = append(spans, span{s.Start, s.End})
		}
		checkSpans(t, src.Text, spans)
		next = p.First + p.N
		pat = p.End
	}
	require.Equal(t, len(src.Sentences), next, "every sentence in a paragraph")
	if strings.TrimFunc(src.Text, isSpaceRune) != "" && utf8.ValidString(src.Text) {
		require.NotEmpty(t, src.Paragraphs, "visible text gives a paragraph")
	}
}

func TestRequiredLiteral(t *testing.T) {
	for _, c := range []struct{ pattern, want string }{
		{`\bhow (useful|helpful) was`, "how"},
		{`^[^.!?]{0,40}, (chief )*(reporter|editor)$`, ","},
		{`\bfollow .{0,30} on (x|facebook)\b`, "follow"},
		{`\bcookies?\b.*\bpolicy\b`, "cookie"},
		{`^\d+ ?comments?$`, "comment"},
		{`a|b`, ""},
	} {
		assert.Equal(t, c.want, requiredLiteral(c.pattern), c.pattern)
	}
	alts, anchored := leadingAlternatives(`^(share|tweets?)$`)
	assert.Equal(t, []string{"share", "tweet"}, alts)
	assert.True(t, anchored)
	alts, anchored = leadingAlternatives(`\b(sign up|subscribe) now`)
	assert.Equal(t, []string{"sign up", "subscribe"}, alts)
	assert.False(t, anchored)
	alts, _ = leadingAlternatives(`^(\d+|share)$`)
	assert.Nil(t, alts)
}

func TestStableIDs(t *testing.T) {
	in := paragraphCases[0].in
	a, b := &data.Source{Text: in}, &data.Source{Text: in}
	Analyze(a)
	Analyze(b)
	assert.Equal(t, a.Sentences, b.Sentences)
	assert.Equal(t, "p1s1", a.Sentences[0].ID)
	assert.Equal(t, "p3s2", a.Sentences[3].ID)
}

func FuzzSentences(f *testing.F) {
	for _, c := range sentenceCases {
		f.Add(c.in)
	}
	for _, c := range paragraphCases {
		f.Add(c.in)
	}
	f.Fuzz(func(t *testing.T, in string) {
		spans := splitSentences(in, 0, len(in))
		checkSpans(t, in, spans)
		if strings.TrimFunc(in, isSpaceRune) != "" {
			require.NotEmpty(t, spans)
		}
	})
}

func FuzzParagraphs(f *testing.F) {
	for _, c := range paragraphCases {
		f.Add(c.in)
	}
	for _, c := range sentenceCases {
		f.Add(c.in)
	}
	for _, l := range storyLines {
		f.Add(l)
	}
	f.Fuzz(func(t *testing.T, in string) {
		src := &data.Source{Text: in}
		Analyze(src)
		checkSource(t, src)
	})
}

// TestGolden analyses the invented documents in testdata and compares the
// result with the .golden files beside them (go test -update rewrites them).
func TestGolden(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("testdata", "*.txt"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			b, err := os.ReadFile(f)
			require.NoError(t, err)
			src := &data.Source{Text: string(b)}
			Analyze(src)
			checkSource(t, src)
			got := Dump(src)
			golden := strings.TrimSuffix(f, ".txt") + ".golden"
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test -update to create it")
			assert.Equal(t, string(want), got)
		})
	}
}

func TestSeeds(t *testing.T) {
	for _, f := range seeds.Files(t) {
		b, err := os.ReadFile(f)
		require.NoError(t, err)
		src := &data.Source{Text: string(b)}
		Analyze(src)
		checkSource(t, src)
	}
}

func BenchmarkAnalyzeSeeds(b *testing.B) {
	var texts []string
	size := 0
	for _, f := range seeds.Files(b) {
		buf, err := os.ReadFile(f)
		require.NoError(b, err)
		texts = append(texts, string(buf))
		size += len(buf)
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	for b.Loop() {
		for _, t := range texts {
			Analyze(&data.Source{Text: t})
		}
	}
}

// The needles found in one pass are the literals strings.Contains finds.
func TestNeedles(t *testing.T) {
	var n needles
	lits := []string{"share", "sh", "s", "©", "read more", "e", "cookie", "ies"}
	for _, l := range lits {
		n.add(l)
	}
	assert.Equal(t, int32(0), n.add("share"), "a literal is kept once")
	for _, s := range []string{"", "s", "share this", "we use cookies ©", "read mor", "read more »", "sh"} {
		found := make([]bool, len(n.list))
		n.scan(s, found)
		for id, l := range n.list {
			assert.Equal(t, strings.Contains(s, l), found[id], "%q in %q", l, s)
		}
	}
}

// The cues compile on first use; every pattern must compile.
func TestCuePatternsCompile(t *testing.T) {
	var all []*lazyre.Regexp
	for _, cs := range []*cueSet{boilerCues, weakCues, creditCues, bylineCues} {
		for _, c := range cs.cues {
			all = append(all, c.re)
		}
	}
	all = append(all, listHeadings, creditTail, captionDate, byRe, monthRe, numDate, yearRe, digitsRe)
	for _, l := range all {
		_, err := regexp.Compile(l.Pattern())
		assert.NoError(t, err, l.Pattern())
	}
}
