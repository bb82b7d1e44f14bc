package facts

import (
	"sort"

	"parallax/data"
	"parallax/data/align"
	"parallax/data/internal/par"
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
	Value      float64 // the value in Unit: 75 for "at least 75 people", 2.5e6 for "2.5m", 0.75 for "75 basis points"; a month 1..12, a weekday 1..7 (Monday 1), a date yyyymmdd (0 for parts not stated), a time hhmm on a 24-hour clock; measures restated in their fact's unit (48 for "two days" beside "48 hours")
	Hi         float64 // upper end of a range; equals Value otherwise
	Hedge      string  // "", "at least", "at most", "about", "nearly", "more than", "less than", "vague" ("dozens")
	Kind       string  // "count", "money", "percent", "points", "ordinal", "date", "month", "weekday", "time", "year", "duration", "age", "length", "mass", "area", "volume", "speed", "measure" ("magnitude 6.8"), "fraction"
	Unit       string  // the counted noun (singular) or unit, normalised: "people", "soldier", "USD", "%", "points", "h", "day", "m"
	Display    string  // the normalised value for people: "75+", "$1.2 billion", "12 Nov 2025", "48 h"
	Outlier    bool    // differs from the fact's majority
	Conflict   bool    // an outlier of a fact whose verdict is Disagree: colour it
	Rel        string  // for a time reference, the relation word's class: "since", "in", "until", "before", "after"
	Base       float64 // Value in the base unit of Kind (hours, metres, kilograms, points); Value otherwise
	BaseHi     float64 // Hi in the base unit
	Noun       string  // the counted noun as written, lower case ("warships"); "" when none
	Fact       int     // index of its fact in Result.Numbers, -1 before grouping

	raw float64 // the figure as written, before magnitude words
	tol float64 // half a unit of the last digit written, in base units: how far rounding may have moved it
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
	Start, End int      // byte span of the quoted words, marks excluded
	Text       string   // Source.Text[Start:End]
	Speaker    string   // as attributed in this source, "" when unknown
	Class      string   // relation to the fact's reference wording: "verbatim", "trimmed", "reworded", "other speaker"; "" for the reference
	Partial    bool     // a few words woven into the sentence ("calling the strikes “unacceptable”")
	Parts      [][2]int // byte spans of the quoted words when the quotation is interrupted or continued (“…,” he said, “…”); nil for one part
	Conflict   bool     // reworded or given another speaker in a Disagree fact: the app colours it
	Fact       int      // index of its fact in Result.Quotes
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
func Find(srcs []*data.Source, rows []align.Row) Result {
	var res Result
	// one pass over every story sentence (each source on its own core)
	// finds the numbers and counts the words of both sides
	ms, per := collectAll(srcs, rows)
	qdfs := make([]qDF, len(per))
	for si, p := range per {
		qdfs[si] = p.q
	}
	// the quotations do not depend on the numbers: found alongside
	quotes := make(chan []QuoteFact, 1)
	go func() {
		var q []QuoteFact
		defer func() {
			recover() // a malformed source costs its quotations, not the comparison
			quotes <- q
		}()
		q = findQuotes(srcs, rows, qdfs)
	}()
	markSole(ms)
	w := linkerFrom(ms, per)
	// two passes: facts found first (a distinctive figure all state alike)
	// tie their sentences together, which helps the other mentions of those
	// sentences find each other
	kept := map[string]*dimLinks{}
	w.cooc = cooccur(groupKept(ms, w, kept))
	// each fact on its own core (each group's mentions are its own)
	gs := groupKept(ms, w, kept)
	if len(gs) > 0 {
		res.Numbers = make([]NumberFact, len(gs))
		par.Each(len(gs), func(k int) { res.Numbers[k] = makeFact(gs[k], w) })
	}
	sortFacts(res.Numbers)
	for fi := range res.Numbers {
		for k := range res.Numbers[fi].Mentions {
			res.Numbers[fi].Mentions[k].Fact = fi
		}
	}
	res.Quotes = <-quotes
	return res
}

// NumbersInSentence returns the number mentions of one sentence of source
// src, in text order. A mention with Conflict set disagrees with the value
// most sources give: the app colours it.
func (r Result) NumbersInSentence(src, sent int) []Number {
	var out []Number
	for _, f := range r.Numbers {
		for _, m := range f.Mentions {
			if m.Source == src && m.Sentence == sent {
				out = append(out, m)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// NumbersInSource returns every number mention of source src, in text order.
func (r Result) NumbersInSource(src int) []Number {
	var out []Number
	for _, f := range r.Numbers {
		for _, m := range f.Mentions {
			if m.Source == src {
				out = append(out, m)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

// NumbersInRow returns the indices (into Numbers) of the facts stated in
// row r, so the app can list a row's facts or jump from a row to its facts.
func (r Result) NumbersInRow(row int) []int {
	var out []int
	for fi, f := range r.Numbers {
		k := sort.SearchInts(f.Rows, row)
		if k < len(f.Rows) && f.Rows[k] == row {
			out = append(out, fi)
		}
	}
	return out
}

// Conflicts returns the facts whose sources disagree.
func (r Result) Conflicts() []NumberFact {
	var out []NumberFact
	for _, f := range r.Numbers {
		if f.Verdict == Disagree {
			out = append(out, f)
		}
	}
	return out
}
