package align

import (
	"fmt"
	"math"
	"parallax/data/internal/par"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/data"
)

// term is one weighted feature of a sentence.
type term struct {
	id int32
	w  float32
}

// unit is one story sentence prepared for matching.
type unit struct {
	terms []term  // sorted by id, each id once
	norm  float32 // Euclidean norm of the weights
	words int     // content words, for telling long sentences from short ones
	role  uint8   // roleBody, roleHeadline or roleHeading: links join units of one role
}

// Roles: a headline corresponds to headlines, a subheading to subheadings.
const (
	roleBody uint8 = iota
	roleHeadline
	roleHeading
)

func roleOf(k data.Kind) uint8 {
	switch k {
	case data.KindHeadline:
		return roleHeadline
	case data.KindSubheading:
		return roleHeading
	}
	return roleBody
}

// corpus holds every source's story sentences as weighted term vectors, with
// one inverted index per source.
type corpus struct {
	srcs  []*data.Source
	story [][]int  // story[s][k]: sentence index of the k-th story sentence of source s
	units [][]unit // units[s][k]
	nterm int
	// index[s] maps a term to the story sentences of s holding it, as a
	// compressed sparse row: post[s][start[s][t]:start[s][t+1]].
	start [][]int32
	post  [][]int32
}

// raw is a sentence's features before terms get ids.
type raw struct {
	words []string
	kinds []uint8 // featWord, featName, featNumber
}

const (
	featWord uint8 = iota
	featName
	featNumber
	featApprox
)

// approx adds the terms of a number's neighbourhood: two buckets of width
// approxStep on a log scale, offset by half a bucket, so that any two
// figures within a few per cent of each other ("nearly 70", "at least 75";
// "9.25%", "9.5 per cent") share at least one term. Outlets that disagree
// on a figure still report the same fact, and the disagreement is what a
// reader most needs to see side by side. Years (whole numbers 1800 to 2100)
// and figures below 2 are left out: nearby years are different facts.
func (r *raw) approx(v float64) {
	if approxStep <= 1 || v < 2 || math.IsInf(v, 0) || math.IsNaN(v) || (v == math.Trunc(v) && v >= 1800 && v <= 2100) {
		return
	}
	x := math.Log(v) / math.Log(approxStep)
	r.words = append(r.words, "~"+strconv.Itoa(int(math.Floor(x))), "~~"+strconv.Itoa(int(math.Floor(x+0.5))))
	r.kinds = append(r.kinds, featApprox, featApprox)
}

// Weight multipliers: numbers and names are strong evidence that two
// sentences report the same thing.
var (
	boostNumber = 1.5
	boostName   = 1.5
	// boostApprox weighs the neighbourhood terms of a number (see approx).
	boostApprox = 1.0
	// approxStep is the ratio of a number bucket's ends (see approx).
	approxStep = 1.3
)

// srcFeatures are a source's story sentences and their terms: what the
// aligner derives from one source alone, kept with it (data.Source.Derived)
// so that aligning again after a source is added reads only the new one.
// Read-only once made.
type srcFeatures struct {
	story []int // indexes of the story sentences
	raws  []raw // their terms
}

type featuresKey struct{}

func sourceFeatures(src *data.Source) *srcFeatures {
	return src.Derived(featuresKey{}, func() any {
		f := &srcFeatures{}
		for i := range src.Sentences {
			if src.Story(i) {
				f.story = append(f.story, i)
			}
		}
		f.raws = make([]raw, len(f.story))
		var toks []data.Token // reused for each sentence
		for k, i := range f.story {
			se := src.Sentences[i]
			toks = src.AppendTokens(toks[:0], se.Start, se.End, 0)
			f.raws[k] = features(src.SentenceText(i), toks)
		}
		return f
	}).(*srcFeatures)
}

func newCorpus(srcs []*data.Source) *corpus {
	c := &corpus{srcs: srcs, story: make([][]int, len(srcs))}
	raws := make([][]raw, len(srcs))
	par.Each(len(srcs), func(s int) {
		f := sourceFeatures(srcs[s])
		c.story[s], raws[s] = f.story, f.raws
	})
	// Term ids in first-seen order (sources, then sentences): deterministic.
	ids := make(map[string]int32)
	var df []int32
	var nameVotes []int32 // >0: mostly capitalised mid-sentence
	var isNum []bool
	var isApprox []bool
	termIDs := make([][][]int32, len(srcs))
	total := 0
	for s := range srcs {
		termIDs[s] = make([][]int32, len(raws[s]))
		for k, r := range raws[s] {
			total++
			tids := make([]int32, 0, len(r.words))
			for n, w := range r.words {
				id, ok := ids[w]
				if !ok {
					id = int32(len(df))
					ids[w] = id
					df = append(df, 0)
					nameVotes = append(nameVotes, 0)
					isNum = append(isNum, r.kinds[n] == featNumber)
					isApprox = append(isApprox, r.kinds[n] == featApprox)
				}
				switch r.kinds[n] {
				case featName:
					nameVotes[id]++
				case featWord:
					nameVotes[id]--
				}
				tids = append(tids, id)
			}
			tids = sortUnique(tids)
			for _, id := range tids {
				df[id]++
			}
			termIDs[s][k] = tids
		}
	}
	c.nterm = len(df)
	idf := make([]float32, len(df))
	for id, d := range df {
		v := math.Log(float64(total+1) / float64(d))
		switch {
		case isApprox[id]:
			v *= boostApprox
		case isNum[id]:
			v *= boostNumber
		case nameVotes[id] > 0:
			v *= boostName
		}
		idf[id] = float32(v)
	}
	c.units = make([][]unit, len(srcs))
	c.start = make([][]int32, len(srcs))
	c.post = make([][]int32, len(srcs))
	par.Each(len(srcs), func(s int) {
		us := make([]unit, len(termIDs[s]))
		counts := make([]int32, c.nterm+1)
		for k, tids := range termIDs[s] {
			ts := make([]term, len(tids))
			var n2 float64
			for x, id := range tids {
				ts[x] = term{id, idf[id]}
				n2 += float64(idf[id]) * float64(idf[id])
				counts[id+1]++
			}
			src := c.srcs[s]
			role := roleOf(src.Paragraphs[src.Sentences[c.story[s][k]].Para].Kind)
			if !separateRoles {
				role = roleBody
			}
			us[k] = unit{terms: ts, norm: float32(math.Sqrt(n2)), words: len(raws[s][k].words), role: role}
		}
		for t := 1; t <= c.nterm; t++ {
			counts[t] += counts[t-1]
		}
		post := make([]int32, counts[c.nterm])
		fill := make([]int32, c.nterm)
		copy(fill, counts[:c.nterm])
		for k, u := range us {
			for _, t := range u.terms {
				post[fill[t.id]] = int32(k)
				fill[t.id]++
			}
		}
		c.units[s], c.start[s], c.post[s] = us, counts, post
	})
	return c
}

// postings returns the story sentences of source s holding term id.
func (c *corpus) postings(s int, id int32) []int32 {
	return c.post[s][c.start[s][id]:c.start[s][id+1]]
}

func sortUnique(x []int32) []int32 {
	// insertion sort: sentences have few terms
	for i := 1; i < len(x); i++ {
		for j := i; j > 0 && x[j] < x[j-1]; j-- {
			x[j], x[j-1] = x[j-1], x[j]
		}
	}
	out := x[:0]
	for i, v := range x {
		if i == 0 || v != x[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// features returns the content terms of a sentence: lower-cased, lightly
// stemmed words without stop words, and numbers. Numbers are read whether
// written in figures or words, with their scale ("12,000", "twelve
// thousand", "€20m", "20 million"), so that each becomes one term "#value".
// A word written with a capital inside the sentence votes for being a name.
// toks are data.Tokenize(text).
func features(text string, toks []data.Token) raw {
	var r raw
	first := true
	for n := 0; n < len(toks); n++ {
		t := toks[n]
		switch t.Kind {
		case data.Number, data.Word:
			if c, next, ok := readClock(toks, n); ok {
				r.words = append(r.words, c)
				r.kinds = append(r.kinds, featNumber)
				first = false
				n = next - 1
				continue
			}
			if v, next, ok := readNumber(text, toks, n); ok {
				r.words = append(r.words, "#"+strconv.FormatFloat(v, 'f', -1, 64))
				r.kinds = append(r.kinds, featNumber)
				r.approx(v)
				first = false
				n = next - 1
				continue
			}
			if t.Kind == data.Number {
				r.words = append(r.words, "#"+t.Norm)
				r.kinds = append(r.kinds, featNumber)
				if v, err := strconv.ParseFloat(t.Norm, 64); err == nil {
					r.approx(v)
				}
				first = false
				continue
			}
			w := t.Norm
			if stopWords[w] {
				first = false
				continue
			}
			kind := featWord
			if c, _ := utf8.DecodeRuneInString(text[t.Start:]); unicode.IsUpper(c) {
				kind = featName
				if first {
					kind = 255 // sentence-initial capital: no vote
				}
			}
			first = false
			r.words = append(r.words, truncate(stem(w)))
			r.kinds = append(r.kinds, kind)
		case data.Punct:
			// a quotation mark or parenthesis does not end the sentence start
			if !strings.ContainsAny(t.Norm, "\"'(“‘[") {
				first = false
			}
		}
	}
	return r
}

// readClock reads a time of day at token n, "14:15", "2:15 p.m.", "2 a.m.",
// "9.30pm", as one term "#t" plus the 24-hour time, so that outlets writing
// the clock differently meet. A bare figure without a colon or a.m./p.m. is
// no time.
func readClock(toks []data.Token, n int) (string, int, bool) {
	t := toks[n]
	num, mer := t.Norm, ""
	if t.Kind == data.Word {
		switch {
		case strings.HasSuffix(num, "am"):
			num, mer = num[:len(num)-2], "a"
		case strings.HasSuffix(num, "pm"):
			num, mer = num[:len(num)-2], "p"
		default:
			return "", 0, false
		}
	} else if t.Kind != data.Number {
		return "", 0, false
	}
	hs, ms, colon := strings.Cut(num, ":")
	if !colon {
		hs, ms, colon = strings.Cut(num, ".")
		colon = colon && mer != ""
	}
	h, err := strconv.Atoi(hs)
	if err != nil || h < 0 || h > 23 {
		return "", 0, false
	}
	m := 0
	if ms != "" || colon {
		if len(ms) != 2 {
			return "", 0, false
		}
		if m, err = strconv.Atoi(ms); err != nil || m > 59 {
			return "", 0, false
		}
	}
	end := n + 1
	if mer == "" {
		// "a.m.", "p.m.", "am", "pm" after a space
		k := n + 1
		if k+1 < len(toks) && toks[k].Kind == data.Space && toks[k+1].Kind == data.Word {
			w := toks[k+1].Norm
			switch {
			case w == "am" || w == "pm":
				mer, end = w[:1], k+2
			case (w == "a" || w == "p") && k+3 < len(toks) && toks[k+2].Norm == "." && toks[k+3].Norm == "m":
				mer, end = w, k+4
				if k+4 < len(toks) && toks[k+4].Norm == "." {
					end = k + 5
				}
			}
		}
	}
	if mer == "" && !colon {
		return "", 0, false
	}
	if mer != "" {
		if h < 1 || h > 12 {
			return "", 0, false
		}
		if mer == "p" && h < 12 {
			h += 12
		} else if mer == "a" && h == 12 {
			h = 0
		}
	}
	return fmt.Sprintf("#t%d:%02d", h, m), end, true
}

var numberWords = map[string]float64{
	"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
	"nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
	"fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
	"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
	"eighty": 80, "ninety": 90, "dozen": 12,
}

var scaleWords = map[string]float64{
	"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
	"m": 1e6, "bn": 1e9, "k": 1e3,
}

// numberWord reads "seven", "thirty-one" or a numeral.
func numberWord(t data.Token) (float64, bool) {
	if t.Kind == data.Number {
		v, err := strconv.ParseFloat(t.Norm, 64)
		return v, err == nil
	}
	if v, ok := numberWords[t.Norm]; ok {
		return v, true
	}
	if tens, unit, ok := strings.Cut(t.Norm, "-"); ok {
		a, ok1 := numberWords[tens]
		b, ok2 := numberWords[unit]
		if ok1 && ok2 && a >= 20 && b < 10 {
			return a + b, true
		}
	}
	return 0, false
}

// readNumber reads a number starting at token n, in figures or words with
// scale words ("2.5 million", "six hundred", "twelve thousand", "20m"), and
// returns its value and the index of the token after it. A plain numeral
// with nothing to combine is left to the caller (ok false).
func readNumber(text string, toks []data.Token, n int) (float64, int, bool) {
	t := toks[n]
	var v float64
	switch {
	case t.Kind == data.Word && len(t.Norm) > 1 && t.Norm[0] >= '0' && t.Norm[0] <= '9':
		// "20m", "3bn": figures glued to a scale
		i := strings.IndexFunc(t.Norm, func(r rune) bool { return r != '.' && (r < '0' || r > '9') })
		num, err := strconv.ParseFloat(t.Norm[:i], 64)
		if err != nil {
			return 0, 0, false
		}
		sc, ok := scaleWords[t.Norm[i:]]
		if !ok {
			// "14pc", "5km", "19th": figures glued to a unit or an
			// ordinal ending read as the figure
			if strings.IndexFunc(t.Norm[i:], func(r rune) bool { return !unicode.IsLetter(r) }) >= 0 {
				return 0, 0, false
			}
			sc = 1
		}
		return num * sc, n + 1, true
	default:
		w, ok := numberWord(t)
		if !ok {
			return 0, 0, false
		}
		v = w
	}
	total, cur := 0.0, v
	end := n + 1
	words := t.Kind == data.Word
	for k := n + 1; k+1 < len(toks); k += 2 {
		if toks[k].Kind != data.Space {
			break
		}
		nt := toks[k+1]
		if nt.Kind != data.Word {
			break
		}
		if sc, ok := scaleWords[nt.Norm]; ok && len(nt.Norm) > 2 {
			if sc == 100 {
				cur *= sc
			} else {
				total += cur * sc
				cur = 0
			}
			end, words = k+2, true
			continue
		}
		if w, ok := numberWord(nt); ok && t.Kind == data.Word {
			cur += w
			end = k + 2
			continue
		}
		break
	}
	if !words || (t.Kind == data.Word && end == n+1 && v < 10) {
		// "one" to "nine" alone are spelled out by every style guide, and
		// "the two countries" is no figure: plain words
		return 0, 0, false
	}
	return total + cur, end, true
}

// stem strips the commonest English inflections so that "strikes", "struck"
// stays apart but "strike"/"strikes" and "kill"/"killed"/"killing" meet. It is
// deliberately light: a wrong merge costs more than a missed one.
func stem(w string) string {
	if strings.HasSuffix(w, "'s") {
		w = w[:len(w)-2]
	}
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 4 && strings.HasSuffix(w, "sses"):
		return w[:n-2]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") &&
		!strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:n-1]
	case n > 5 && strings.HasSuffix(w, "ing"):
		return undouble(w[:n-3])
	case n > 4 && strings.HasSuffix(w, "ed"):
		return undouble(w[:n-2])
	}
	return w
}

// truncate keeps the first stemLen letters of a word, a crude stemmer that
// lets derived forms meet ("suspended", "suspension").
func truncate(w string) string {
	if stemLen <= 0 {
		return w
	}
	n := 0
	for i := range w {
		if n == stemLen {
			return w[:i]
		}
		n++
	}
	return w
}

// undouble turns "stopp" (from "stopped") into "stop".
func undouble(w string) string {
	n := len(w)
	if n >= 2 && w[n-1] == w[n-2] && w[n-1] < utf8.RuneSelf && !strings.ContainsRune("aeioulsz", rune(w[n-1])) {
		return w[:n-1]
	}
	return w
}

var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a about above after again against all also am an and any are as at
		be because been before being below between both but by can could did do does doing down during
		each few for from further had has have having he her here hers herself him himself his how i if
		in into is it its itself just me more most my myself no nor not now of off on once only or other
		our ours ourselves out over own same she should so some such than that the their theirs them
		themselves then there these they this those through to too under until up very was we were what
		when where which while who whom why will with would you your yours yourself yourselves
		said says say saying told tell mr mrs ms according also however since still yet may might must
		one two new last year years week weeks day days time there's it's he's she's that's
		le la les de des du et un une el los las del y en que il`) {
		m[w] = true
	}
	return m
}()
