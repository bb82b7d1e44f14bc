// Package facts finds the numbers, dates and quotations each version of a
// story states, groups them into facts across the versions and says whether
// the versions agree.
//
// # Mentions
//
// Extract reads one sentence at a time, over the tokens of data.Tokenize, and
// only sentences of story paragraphs (Source.Story), so a comment counter or
// a related headline's figure is never compared. At each token it tries, in
// order: a time word with a calendar name ("since August", "on Tuesday", "in
// 2025"), a time of day ("3:40 a.m.", "03:40", "3.40am"), a date ("Nov. 12",
// "12 November 2025", "November 12, 2025", "2025-11-12", "12/11/2025"), and
// a quantity. A quantity is an optional hedge ("at least", "nearly", "some",
// "up to", "passes"…), an optional currency ("$", "US$", "€", "USD"), a
// figure in digits or in words (ParseNumberWords, our own parser: "eight",
// "Thirty-one", "twelve thousand", "a dozen", "two and a half", "dozens"),
// a magnitude ("2.5 million", "2.5m", "$1.2bn", "1,200 million"), a range
// ("10 to 12", "10-12", "between 10 and 12"), a "+" ("75+"), and then what
// it measures: a percentage or points ("9.5 per cent", "75 basis points"), a
// currency word ("pesos"), a unit (km, mm, kg, tonnes, hours, days, years…,
// converted to a base unit when the conversion is exact: 210 mm = 21 cm, two
// days = 48 hours), or the counted noun, found after the figure past a few
// modifiers and made singular ("600 US soldiers" → soldier; "75 dead" →
// people; "police officers" → officer), or named before the figure ("the
// number of cases rose to 1,243", "the toll passes 1,000", "2,000 stores …
// 40 of them", "killed 20 people and injured 30"). Also read: shares
// ("two-thirds of the voters"), temperatures ("40C"), one unit of time with
// "a" ("in a single day"), hedged clock times ("shortly after midnight"),
// dotted and spaced thousands ("1.234.567", "12 000"), lakh and crore. A
// four-digit whole number is a year only when no counted noun follows it;
// a figure with a leading zero is a code or a phone number, not a quantity. Each mention spans its whole wording (hedge, figure, noun), so
// "at least 75 people" is one span, and carries the value as written (75,
// 2500000, a month 1..12, a weekday 1..7, a date as yyyymmdd), the value in
// base units, the hedge, the kind, the unit and a normalised Display.
//
// # Facts
//
// Mentions can only be grouped with mentions of the same dimension (kind and
// unit or counted noun). Two mentions link by a score: the cosine of their
// sentences' content words (stemmed, with a few news synonyms such as
// strike/attack and killed/dead, idf-weighted with a damped idf, words within
// a dozen tokens of the figure counting triple), plus evidence: both
// sentences in one aligned row, the same counted noun and nearby verb
// ("killed"), the same value (more when the value is unusual), values within
// a fifth of each other, each being its source's only statement of that
// kind, each being the figure its source leads with, and sentences already
// tied by another fact stated alike. Grouping is agglomerative with average
// links, best pair first, in two passes: the first pass finds the facts
// stated alike, which tie their sentences together for the second.
//
// Joining mentions that agree needs an average link of 0.30. Joining
// mentions whose values would then disagree needs more, because a flagged
// disagreement must be real; when in doubt the mentions stay separate facts.
// It needs a best link of 0.45 and an average of 0.25, and the best link must
// be one that may carry a disagreement: two counts of the same noun within a
// factor of two of each other, the only speed (weight, area) each report
// gives, or two mentions that share a content word right around them, a day
// or month name bounding the stretch ("arrested on Monday and charged on
// Wednesday" and "will appear on Friday" do not; "left Sfax on Thursday"
// and "left Sfax on Wednesday" do). Figures more than twice apart must also
// be a slip of magnitude ("$85,000", "$850,000") or stand in much the same
// sentence (cosine 0.4), so "600 troops" in one story never contradicts
// "12,000 soldiers" in another. Some pairs
// never join when they differ: two mentions of one sentence, two figures of
// one report (a report does not contradict itself), "since August" and "in
// August", a change ("by 75 basis points"), a former level ("up from 55%")
// and a level ("to 9.25%"), and bare figures without a noun outside one
// row. A period's bound ("since August") is one claim per story line, and
// outlets that disagree on it word the rest of the sentence differently, so
// a lower bar (0.25 best, 0.15 average, no shared word needed) applies to it.
//
// # Verdicts
//
// Each mention makes a claim: an interval in base units widened by the
// rounding its wording allows. "at least 75" and "75+" are [75, ∞) and
// agree; "nearly 70" is [59.5, 70] and disagrees with them; "76" is
// compatible with "at least 75" but not the same figure; two bounds or
// estimates with the same hedge and different figures ("at least 1,020" and
// "at least 980") disagree; "dozens" never contradicts anything; dates
// compare the parts both state. A fact's verdict is the worst over its pairs,
// Single when one source states it. Measures of one fact are restated in
// one unit (the smallest its mentions use; metres for lengths of a metre or
// more), so "two days" beside "48 hours" reads 48. The majority is the claim the most
// sources make; mentions that differ from it are Outliers, and Conflict marks
// the outliers of a Disagree fact, for the app to colour
// (Result.NumbersInSentence). Facts carry their rows, ascending, and are
// sorted by their first row.
//
// # Quotations
//
// FindQuotes (quotes*.go), which Find calls, reads every quotation of the
// story paragraphs. A small stack machine pairs opening and closing marks of
// one family: double marks (“…”, „…“, "…"), guillemets («…», ‹…›), corner
// brackets (「…」) and single marks (‘…’, '…'). Straight marks open before a
// word and close after one. A single mark between letters (don’t, Colombia’s),
// before a two-digit year (’90s) or an elision (’em) is an apostrophe, and a
// plural possessive (the farmers’ union) is skipped when a later mark can
// close the quotation. Marks nested in a quotation belong to it. A quotation
// left open at a paragraph end goes on when the next paragraph re-opens with
// the same family (the multi-paragraph convention); an unclosed double mark
// ends at the paragraph end, an unclosed single one is dropped. A mention's
// span is the quoted words only (marks, outer space and a trailing comma left
// out); “…noon,” the harbour master said, “but …” is one quotation in two Parts, and so is
// a quotation that goes on in the next sentence without an attribution of
// its own. Partial marks words woven into a sentence ("calling the strikes
// “unacceptable”").
//
// Speakers come from speech verbs outside the marks ("said", "told", "wrote",
// "declared", "according to", "made clear", participles such as "calling",
// and an unknown "-ed" verb right beside a quotation), read in text order:
// the subject before the verb ("Petro said", "Bessent, the Treasury
// secretary, said", "The Prime Minister, Alan Grieve, said"), else the one
// after it ("said U.S. Treasury Secretary Scott Bessent"), else a colon
// introduction ("Petro: “…”"). Titles and sentence openers in front of a name
// are dropped; "said Brentwater's head of research, Lukas Offenbach" is the
// person after the comma. "he" and "she" are the last person named before
// them (a speaker, a person opening a sentence, or one introduced: "Among
// them is Harald Brenning", "Tomas Vinter, a resident of …,") that the
// pronoun fits (Mr, Ms and the pronouns used before tell); a person is a full
// or titled name, never one ending like a body's ("Halvorsen Bank",
// "Brentwater Research"), and a bare one-word name only when no person fits;
// "his office" speaks for him; "it" is the body that spoke or opened a
// sentence last ("The company said …"). A sentence opening with a role ("The
// mayor agreed.") is what a following pronoun points to. "the minister" is
// the last person named with that title, "the leader" the last named speaker;
// an unknown title stays a description ("the president"), and so does an
// indefinite one with its body ("a spokeswoman for the bank"). A quotation
// takes the speaker of the nearest speech verb of its sentence; the sentences
// are found here from the text, so attribution does not depend on the
// splitter. Speakers compare by last name ("Petro" is "Gustavo Petro").
//
// The same quotation is matched across sources by the idf-weighted overlap
// of content words (mostly the overlap coefficient, so a trimmed quotation
// matches the whole; contractions expanded, plurals folded), with a bonus for
// the same speaker and for sentences in one aligned row (less for neighbouring
// rows) and a penalty for two different named speakers. A quotation of one or
// two content words only matches one that contains it word for word (a long
// one only from the same speaker or row). Pairs above 0.55 merge best first,
// groups only when similar on average, with at most three pieces of one
// source in a fact. A paraphrase without marks is never a quotation. The
// reference wording is the one most sources use (then the longest); each
// other mention is "other speaker" (two different named speakers, or a
// description whose role differs from every role the other speaker is named
// with in its source: "a spokeswoman for the bank" vs "chief executive Tomas
// Erhardt"; a description without a role like "officials" or "the bank"
// never conflicts), "verbatim" (same
// words ignoring case and punctuation, U.S. = US, won't = will not, an
// editor's [insertion] skipped), "trimmed" (one a contiguous part of the
// other, piece by piece across ellipses and interruptions, in any order) or
// "reworded". The verdict is Single for one source, Agree when all are
// verbatim or trimmed and no two mentions of the same stretch differ, else
// Disagree.
//
// # Cost
//
// The work grows about linearly with the words and the sources. Nothing is
// tokenised again: every sentence, paragraph and quotation takes its span of
// the source's tokens, made once when it was analysed, into a reused buffer
// (Source.AppendTokens). One pass per source, each source on its own core,
// reads every story sentence once for the number mentions and both sides'
// word counts (stems and stop words memoised per source); most lower-case
// words cannot start a mention and skip the readings at once
// (mayStartMention). Quotations are scanned and attributed per source in
// parallel too, over one reused buffer of paragraph words, and the quotation
// side runs alongside the number grouping. Both depend on the source alone
// and are kept with its analysis (data.Source.Derived): a comparison made
// again, after a source was added or the base changed, reads only the
// sources it has not seen, and copies the kept mentions before numbering
// them. Results are joined in source order, so the output does not depend on
// the scheduling. Words are interned to ids in alphabetical order and kept
// as sorted slices, so a similarity is a merge walk summed in one order
// (never over a map). Quotations are compared only with the candidates their
// rarest words lead to (at most 300 postings read each), scored in parallel;
// the pairs are sorted by their radix when there are many; the average-link
// merge keeps each group's similarity sums to its neighbours in a sorted
// list (merged in step, each sum added in the same order as ever) and its
// mentions per source, so a merge test never revisits members. The number
// grouping keeps each cluster's best partner up to date instead of
// rescanning all pairs per merge, fills its link matrix on every core (once:
// the second pass adds only the bonus of shared facts to the first's links),
// and compares distinct claims (fifty sources stating one figure make one
// claim). Facts are made from their groups on every core. A sentence whose
// paragraph or span is out of range is skipped, and a source whose
// extraction fails anyway loses its facts, never the comparison.
package facts
