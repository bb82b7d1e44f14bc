package facts

import (
	"parallax/data"
	"parallax/data/align"
)

// Verdict says how the sources' statements of one fact relate.
type Verdict string

// Verdicts, from best to worst. Single: only one source states the fact.
const (
	Agree      Verdict = "agree"      // the same value, hedges included
	Compatible Verdict = "compatible" // different wording or precision that can both be true ("at least 75" and "76")
	Disagree   Verdict = "disagree"   // cannot both be true ("nearly 70" and "at least 75")
	Single     Verdict = "single"
)

// Number is one quantity as a source states it.
type Number struct {
	Source     int     // index of the source
	Sentence   int     // index into that source's Sentences
	Row        int     // index of the row holding that sentence, -1 if none
	Start, End int     // byte span of the whole mention in Source.Text ("at least 75 people")
	Text       string  // Source.Text[Start:End]
	Value      float64 // normalised value in Unit (a date: days since 1 Jan of year 0 is not used; see Kind)
	Hi         float64 // upper end of a range; equals Value otherwise
	Hedge      string  // "", "at least", "at most", "about", "nearly", "more than", "less than"
	Kind       string  // "count", "money", "percent", "points", "ordinal", "date", "month", "weekday", "time", "duration", "length", "mass", "year", ...
	Unit       string  // the counted noun or unit, normalised: "people", "USD", "%", "hours", "m"
	Display    string  // the normalised value for people: "75+", "$1.2 billion", "12 Nov 2025", "48 h"
	Outlier    bool    // differs from the fact's majority
}

// NumberFact is one quantity compared across sources.
type NumberFact struct {
	Label    string // what is counted, for people: "people killed"
	Verdict  Verdict
	Majority string // Display of the value most sources state
	Mentions []Number
	Rows     []int // rows where the fact is stated, ascending
}

// Quote is one quotation as one source gives it.
type Quote struct {
	Source     int
	Sentence   int // first sentence it touches
	Row        int
	Start, End int    // byte span of the quoted words, marks excluded
	Text       string // Source.Text[Start:End]
	Speaker    string // as attributed in this source, "" when unknown
	Class      string // relation to the fact's reference wording: "verbatim", "trimmed", "reworded", "other speaker"; "" for the reference
}

// QuoteFact is one quotation compared across sources.
type QuoteFact struct {
	Speaker  string
	Verdict  Verdict // Agree when every wording is verbatim or trimmed
	Mentions []Quote
	Rows     []int
}

// Result holds the facts of a comparison.
type Result struct {
	Numbers []NumberFact
	Quotes  []QuoteFact
}

// Find extracts the numbers, dates and quotations of every source's story
// sentences and groups them into facts across sources through the rows.
// STUB: finds nothing.
func Find(srcs []*data.Source, rows []align.Row) Result { return Result{} }
