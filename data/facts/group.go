package facts

import (
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"parallax/data"
	"parallax/data/align"
	"parallax/data/internal/par"
)

// Thresholds of the grouping: a mention joins a fact when its average link
// score to the fact's mentions reaches linkAgree, or linkConflict when the
// values would then disagree. Flagging a disagreement asks for more evidence
// than listing two agreeing mentions together.
const (
	linkAgree       = 0.30
	linkConflict    = 0.45 // the best link between the two sides
	linkConflictAvg = 0.25 // the average link

	// A period's start or end ("since August", "until March") is one claim
	// per story line, and outlets that disagree on it word the rest of the
	// sentence differently; the bar is lower for those.
	linkPeriod    = 0.25
	linkPeriodAvg = 0.15
	bigBucket     = 400 // above this many mentions of one kind, group greedily
)

// Context weights: words within nearWindow words of a mention weigh
// nearWeight times the rest of its sentence; idf is raised to idfPow.
var (
	nearWindow = 12
	nearWeight = 3.0
	idfPow     = 0.5
)

// mention is a Number with what the grouping needs to know about it.
type mention struct {
	Number
	ctx   []ctxWord // context words of its sentence by stem, ascending, weighted (near words count more)
	norm  float64   // Euclidean norm of ctx under idf weights
	ctxID []int32   // ctx's stems as ids, ascending (ids follow the stems' order)
	ctxV  []float64 // their weights times their idf
	verb  string    // the verb that tells what happened to the counted things
	noun  string    // the counted noun as written, for labels
	claim claim
	sole  bool     // its source states nothing else of this kind that disagrees with it
	prep  string   // the preposition before it: "by", "to", "from", "of", "at"
	lead  bool     // the first mention of its kind in its source: the figure a report leads with
	local []string // stems of the content words right around it, each once
	dim   string   // dimension(Number)
	vstem string   // stem(verb)
	sig   string   // sigDigits(claim.point())
	sid   int      // its sentence's number across all sources (the sources' sentences one after another)
}

// sentPair names the two sentences of two mentions, the smaller first, by
// their sentence numbers across all sources (mention.sid).
func sentPair(a, b *mention) uint64 {
	x, y := uint64(a.sid), uint64(b.sid)
	if y < x {
		x, y = y, x
	}
	return x<<32 | y
}

// stopWords are left out of the context of a mention.
var stopWords = toSet("the a an of in on at to for from by with and or but nor have has had were was is are be been being " +
	"will would could should may might can must that which who whom whose since after before as than while when " +
	"per each into onto over under about around this these those its their his her our your my it they he she we them him " +
	"not no so if then also only just more most less least up down out off said says say told according including " +
	"between among during through across against within without via near amid despite toward towards do does did there here " +
	"what where how why all any some such other another both either neither very much many few one two three new " +
	"least nearly almost s us mr ms mrs per cent percent")

// synonyms bring the words news reports use for the same event to one form.
var synonyms = map[string]string{
	"killed": "kill", "kills": "kill", "killing": "kill", "killings": "kill", "dead": "kill", "death": "kill",
	"deaths": "kill", "died": "kill", "die": "kill", "dying": "kill", "lives": "kill", "fatalities": "kill",
	"fatal": "kill", "deadly": "kill", "murdered": "kill",
	"attack": "strike", "attacks": "strike", "attacked": "strike", "strikes": "strike", "struck": "strike",
	"raid": "strike", "raids": "strike", "bombing": "strike", "bombings": "strike", "airstrike": "strike", "airstrikes": "strike",
	"boats": "boat", "vessel": "boat", "vessels": "boat", "ship": "boat", "ships": "boat", "speedboat": "boat", "speedboats": "boat",
	"injured": "injure", "wounded": "injure", "wounding": "injure", "injuries": "injure", "hurt": "injure",
	"arrested": "arrest", "arrests": "arrest", "detained": "arrest", "detentions": "arrest",
	"troops": "soldier", "soldiers": "soldier", "forces": "force",
	"fire": "fire", "fires": "fire", "flames": "fire", "blaze": "fire", "blazes": "fire", "wildfire": "fire", "inferno": "fire",
	"began": "begin", "started": "begin", "start": "begin", "launched": "begin",
	"u.s": "usa", "united": "usa", "american": "usa", "america": "usa", "washington": "usa",
}

// stem reduces a lower-case word to a rough stem shared by its inflections.
func stem(w string) string {
	w = strings.TrimSuffix(w, "'s")
	if s, ok := synonyms[w]; ok {
		return s
	}
	if l, pl := lemma(w); pl {
		w = l
	}
	for _, suf := range []string{"ments", "ment", "ions", "ion", "ing", "ed"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			w = w[:len(w)-len(suf)]
			break
		}
	}
	return strings.TrimSuffix(w, "e")
}

// verbs that say what happened to counted things, for labels.
func isVerbish(w string) bool {
	if stopWords[w] || len(w) < 4 {
		return false
	}
	if _, ok := personWords[w]; ok {
		return true
	}
	return strings.HasSuffix(w, "ed") && !strings.HasSuffix(w, "eed") || w == "dead" || w == "held" || w == "sent" || w == "hit" || w == "lost" || w == "struck"
}

// collect extracts the mentions of every story sentence.
func collect(srcs []*data.Source, rows []align.Row) []*mention {
	ms, _ := collectAll(srcs, rows)
	return ms
}

// sourcePass is what one pass over a source's story sentences gives: its
// number mentions, its sentence count and word counts for both sides.
type sourcePass struct {
	ms []*mention
	df map[string]int // stems of the number side's words → sentences
	n  int            // story sentences
	q  qDF            // the quotation side's counts
}

// collectAll makes every source's pass, each source on its own core, each
// sentence tokenised once; the mentions are joined in source order.
func collectAll(srcs []*data.Source, rows []align.Row) ([]*mention, []sourcePass) {
	rowOf := map[[2]int]int{}
	for ri, r := range rows {
		for si, c := range r.Cells {
			for _, s := range c.Sentences {
				rowOf[[2]int{si, s}] = ri
			}
		}
	}
	per := make([]sourcePass, len(srcs))
	par.Each(len(srcs), func(si int) {
		src := srcs[si]
		if src == nil {
			return
		}
		if !safely(func() { per[si] = passOf(si, src, rowOf) }) {
			per[si] = sourcePass{}
		}
	})
	var out []*mention
	off := 0
	for si, p := range per {
		for _, m := range p.ms {
			m.sid = off + m.Sentence
		}
		if srcs[si] != nil {
			off += len(srcs[si].Sentences)
		}
		out = append(out, p.ms...)
	}
	return out, per
}

// passKey keys a source's pass among what is derived from it alone.
type passKey struct{}

// passOf returns the pass over source si: made once per source and kept
// with its analysis (data.Source.Derived), so that comparing again after a
// source was added reads only the new one. Its mentions are copies, which
// this comparison numbers (Source, Row) and changes; the rest is only read.
func passOf(si int, src *data.Source, rowOf map[[2]int]int) sourcePass {
	kept := src.Derived(passKey{}, func() any { return passSource(src) }).(*sourcePass)
	p := *kept
	ms := make([]mention, len(kept.ms))
	p.ms = make([]*mention, len(kept.ms))
	for k, t := range kept.ms {
		m := &ms[k]
		*m = *t
		m.Source = si
		if r, ok := rowOf[[2]int{si, m.Sentence}]; ok {
			m.Row = r
		}
		p.ms[k] = m
	}
	return p
}

// passSource reads every story sentence of src once: its number mentions
// (Source 0, Row -1, for passOf to set) and both sides' word counts. It
// depends on nothing but the source.
func passSource(src *data.Source) *sourcePass {
	// room for about as many words as a text of this length has distinct
	// ones (a hint only)
	hint := min(len(src.Text)/24, 1<<14)
	p := &sourcePass{df: make(map[string]int, hint)}
	var seen wordSet
	var dbuf []data.Token // the sentence's tokens; nothing keeps them
	var tbuf []tok        // and its tokens for the extraction
	st := make(stems, hint)
	p.q.df = make(map[string]int, hint)
	p.q.stems = make(map[string]qStemmed, hint)
	for i := range src.Sentences {
		se := src.Sentences[i]
		if !src.Story(i) {
			continue
		}
		text := src.Text[se.Start:se.End]
		// the sentence's tokens, offsets in the whole text, cut from the
		// source's into a reused buffer
		dbuf = src.AppendTokens(dbuf[:0], se.Start, se.End, se.Start)
		dt := dbuf
		p.n++
		countStems(p.df, dt, &seen, st)
		p.q.add(dt)
		tbuf = appendToks(tbuf[:0], src.Text, 0, dt)
		ts := tbuf
		for _, n := range extract(text, se.Start, ts) {
			n.Source, n.Sentence, n.Fact = 0, i, -1
			n.Row = -1
			m := &mention{Number: n}
			m.ctx, m.verb, m.noun = context(ts, n, st)
			m.local = localWords(ts, n, st)
			m.prep = prepBefore(ts, n)
			m.claim = claimOf(n)
			m.dim, m.vstem = dimension(n), stem(m.verb)
			m.sig = sigDigits(m.claim.point())
			p.ms = append(p.ms, m)
		}
	}
	p.q.dropScratch()
	return p
}

// countStems adds one sentence's content-word stems to df, each once;
// seen is scratch.
func countStems(df map[string]int, dt []data.Token, seen *wordSet, st stems) {
	seen.reset()
	for _, t := range dt {
		if t.Kind != data.Word {
			continue
		}
		if s, stop := st.stopOrStem(t.Norm); !stop && seen.add(s) {
			df[s]++
		}
	}
}

// stems memoises stopWords and stem over one pass (one goroutine's).
type stems map[string]stemmed

// stemmed is a word's stem, or stop when it is one of stopWords (then the
// stem is made only when asked for).
type stemmed struct {
	stem       string
	stop, made bool
}

// of is stem(w).
func (c stems) of(w string) string {
	x, ok := c[w]
	if !ok {
		x = stemmed{stem: stem(w), stop: stopWords[w], made: true}
		c[w] = x
	} else if !x.made {
		x.stem, x.made = stem(w), true
		c[w] = x
	}
	return x.stem
}

// stopOrStem is stopWords[w], and stem(w) when w is no stop word.
func (c stems) stopOrStem(w string) (string, bool) {
	x, ok := c[w]
	if !ok {
		x.stop = stopWords[w]
		if !x.stop {
			x.stem, x.made = stem(w), true
		}
		c[w] = x
	}
	return x.stem, x.stop
}

// wordSet is the words of one sentence seen so far: a list while short (a
// sentence's few dozen words; a list beats a map), a map beyond.
type wordSet struct {
	list []string
	m    map[string]bool
}

// reset empties the set, keeping its list's room.
func (ws *wordSet) reset() {
	ws.list, ws.m = ws.list[:0], nil
}

// add adds w and reports whether it was new.
func (ws *wordSet) add(w string) bool {
	if ws.m != nil {
		if ws.m[w] {
			return false
		}
		ws.m[w] = true
		return true
	}
	if slices.Contains(ws.list, w) {
		return false
	}
	ws.list = append(ws.list, w)
	if len(ws.list) > 64 {
		ws.m = make(map[string]bool, 2*len(ws.list))
		for _, x := range ws.list {
			ws.m[x] = true
		}
	}
	return true
}

// mentionSpan returns the indices of the first and last tokens inside the
// mention n, or -1, -1 when none is.
func mentionSpan(ts []tok, n Number) (first, last int) {
	first, last = -1, -1
	for k, t := range ts {
		if t.start >= n.Start && t.end <= n.End {
			if first < 0 {
				first = k
			}
			last = k
		}
	}
	return first, last
}

// context returns the weighted content words around a mention (the words of
// its sentence, those within five words counting double), the verb nearest
// after it, and its counted noun as written.
func context(ts []tok, n Number, st stems) ([]ctxWord, string, string) {
	var ctx []ctxWord
	first, last := mentionSpan(ts, n)
	verb, noun := "", ""
	for k, t := range ts {
		if t.kind != wordTok {
			continue
		}
		if k >= first && k <= last {
			if n.Unit != "" && k == last && (n.Kind == "count" || n.Kind == "ordinal") {
				noun = t.norm
			}
			continue
		}
		w := t.norm
		if stopWords[w] || len(w) < 2 {
			continue
		}
		if c := w[0]; c >= '0' && c <= '9' {
			continue
		}
		s := st.of(w)
		if s == "" || stopWords[s] {
			continue
		}
		wt := 1.0
		if d := dist(k, first, last); d <= nearWindow {
			wt = nearWeight
		}
		if k := slices.IndexFunc(ctx, func(c ctxWord) bool { return c.stem == s }); k < 0 {
			ctx = append(ctx, ctxWord{stem: s, surf: w, wt: wt})
		} else if ctx[k].wt < wt {
			ctx[k].wt = wt
		}
	}
	slices.SortFunc(ctx, func(a, b ctxWord) int { return strings.Compare(a.stem, b.stem) })
	// the verb: one right before the mention ("killing 1,020 people"), else
	// the first within six words after it in the same clause ("75 people
	// have been killed"), else one a little before it
	for k := first - 1; k >= 0 && k >= first-2; k-- {
		if ts[k].kind == wordTok && isVerbish(ts[k].norm) {
			verb = ts[k].norm
			break
		}
	}
	for k := last + 1; verb == "" && k < len(ts) && k <= last+6; k++ {
		if ts[k].kind == punct && ts[k].raw != "-" || clauseWords[ts[k].norm] {
			break
		}
		if ts[k].kind == wordTok && isVerbish(ts[k].norm) {
			verb = ts[k].norm
		}
	}
	for k := first - 1; verb == "" && k >= 0 && k >= first-5; k-- {
		if ts[k].kind == punct {
			break
		}
		if ts[k].kind == wordTok && isVerbish(ts[k].norm) {
			verb = ts[k].norm
		}
	}
	if n.Unit == "people" && verb == "" && noun != "" {
		if v, ok := personWords[noun]; ok {
			verb = v
		}
	}
	return ctx, verb, noun
}

// ctxWord is a context word of a mention: its stem, its first wording in
// the sentence (for labels) and its weight.
type ctxWord struct {
	stem, surf string
	wt         float64
}

// clauseWords end the search for a mention's verb.
var clauseWords = toSet("and or but while whereas which who that after before when")

func dist(k, first, last int) int {
	if k < first {
		return first - k
	}
	return k - last
}

// dimension is the key under which mentions can be compared at all.
func dimension(n Number) string {
	switch n.Kind {
	case "count", "ordinal", "fraction":
		u := n.Unit
		if c, ok := sameThing[u]; ok {
			u = c
		}
		return n.Kind + ":" + u
	case "money", "measure":
		return n.Kind + ":" + n.Unit
	}
	return n.Kind
}

// sameThing maps counted nouns that news reports use for the same things
// to one of them: troops are soldiers, houses are homes.
var sameThing = map[string]string{
	"troop": "soldier", "serviceman": "soldier", "house": "home", "vessel": "boat", "speedboat": "boat",
	"kid": "child", "youngster": "child", "individual": "people", "fatality": "people",
}

// linker scores links between mentions: idf weights of context words, and
// the pairs of sentences that already share a fact.
type linker struct {
	w    map[string]float64
	cooc map[uint64]bool // sentPair
}

type idf = *linker

func buildIDF(ms []*mention, srcs []*data.Source) idf {
	per := make([]sourcePass, len(srcs))
	par.Each(len(srcs), func(si int) {
		src := srcs[si]
		if src == nil {
			return
		}
		per[si].df = map[string]int{}
		var seen wordSet
		st := stems{}
		for i := range src.Sentences {
			if src.Story(i) {
				se := src.Sentences[i]
				per[si].n++
				countStems(per[si].df, src.Tokens(se.Start, se.End), &seen, st)
			}
		}
	})
	return linkerFrom(ms, per)
}

// linkerFrom weighs the words by the sources' counts and sets each
// mention's context norm.
func linkerFrom(ms []*mention, per []sourcePass) idf {
	df := map[string]int{}
	nSent := 0
	for _, p := range per {
		nSent += p.n
		for s, d := range p.df {
			df[s] += d
		}
	}
	w := &linker{w: map[string]float64{}}
	for s, d := range df {
		w.w[s] = math.Pow(math.Log(float64(nSent+1)/float64(d)), idfPow)
	}
	// the context words as sorted ids with their weighted values, so that
	// a similarity is a merge walk summed in one order
	id := map[string]int32{}
	var vocab []string
	for _, m := range ms {
		for _, c := range m.ctx {
			if _, ok := id[c.stem]; !ok {
				id[c.stem] = 0
				vocab = append(vocab, c.stem)
			}
		}
	}
	sort.Strings(vocab)
	for k, st := range vocab {
		id[st] = int32(k)
	}
	par.Chunks(len(ms), func(k int) {
		m := ms[k]
		m.ctxID = make([]int32, len(m.ctx))
		m.ctxV = make([]float64, len(m.ctx))
		var sum float64
		for j, c := range m.ctx {
			v := c.wt * w.w[c.stem]
			m.ctxID[j], m.ctxV[j] = id[c.stem], v
			sum += v * v
		}
		m.norm = math.Sqrt(sum)
	})
	return w
}

// ctxSim is the cosine of two mentions' idf-weighted contexts.
func (w idf) ctxSim(a, b *mention) float64 {
	if a.norm == 0 || b.norm == 0 {
		return 0
	}
	var dot float64
	for i, j := 0, 0; i < len(a.ctxID) && j < len(b.ctxID); {
		switch {
		case a.ctxID[i] < b.ctxID[j]:
			i++
		case a.ctxID[i] > b.ctxID[j]:
			j++
		default:
			dot += a.ctxV[i] * b.ctxV[j]
			i++
			j++
		}
	}
	return dot / (a.norm * b.norm)
}

// link scores how likely two mentions state the same fact, or -1 when they
// cannot (different kinds, nouns or time relations, or one sentence).
func (w idf) link(a, b *mention) float64 {
	s, _, _ := w.linkSim(a, b)
	return s
}

// linkSim is link, also giving compare(a.claim, b.claim) and the contexts'
// cosine when it got that far (v "" and sim NaN otherwise).
func (w idf) linkSim(a, b *mention) (float64, Verdict, float64) {
	if a.Source == b.Source && a.Sentence == b.Sentence {
		return -1, "", math.NaN()
	}
	if a.dim != b.dim {
		return -1, "", math.NaN()
	}
	v := compare(a.claim, b.claim)
	pen := 0.0
	if a.Rel != b.Rel && (a.Kind == "month" || a.Kind == "weekday" || a.Kind == "date" || a.Kind == "year") {
		// "since August" and "in August" are different claims; a bare
		// "Tuesday" reads like "on Tuesday"; "since 1994" and "in 1994" may
		// name one year, but are never compared as a disagreement
		if !(a.Rel == "" && b.Rel == "in" || a.Rel == "in" && b.Rel == "") {
			if v == Disagree {
				return -1, v, math.NaN()
			}
			pen = 0.15
		}
	}
	if v == Disagree && a.Source == b.Source && numeric(a.Kind) {
		// a report does not contradict itself on a figure: two values it
		// gives are two facts
		return -1, v, math.NaN()
	}
	if a.Kind == "count" && a.Unit == "" && v == Disagree && (a.Row < 0 || a.Row != b.Row) {
		// a bare figure is compared only where the rows say so
		return -1, v, math.NaN()
	}
	if prepClass(a.prep) != prepClass(b.prep) && v == Disagree {
		// "by 75 basis points", "up from 55%" and "to 9.25%": a change, a
		// former level and a level are different facts
		return -1, v, math.NaN()
	}
	sim := w.ctxSim(a, b)
	s := sim - pen
	if a.prep != "" && a.prep == b.prep {
		s += 0.05
	}
	if a.Row >= 0 && a.Row == b.Row {
		s += 0.35
	}
	if a.Kind == "count" {
		if a.Unit != "" {
			s += 0.1
		} else {
			s -= 0.1
		}
	}
	if a.verb != "" && a.vstem == b.vstem {
		s += 0.1
	}
	switch {
	case v == Agree && distinctive(a.Number):
		s += 0.25
	case v == Agree:
		s += 0.1
	case numeric(a.Kind) && close(a.claim, b.claim):
		// misreported figures are usually near each other: 70 and 75, not 3 and 75
		s += 0.1
	}
	if a.sole && b.sole && a.Source != b.Source {
		s += 0.1
		switch a.Kind {
		case "speed", "mass", "area", "volume", "measure":
			s += 0.15 // rare kinds: one speed per report is the speed
		}
	}
	if a.lead && b.lead && a.Source != b.Source && numeric(a.Kind) {
		s += 0.1
	}

	return w.withCooc(a, b, s), v, sim
}

// withCooc adds to link score s the bonus of sentences already tied by
// another fact (none before cooccur has run): the last step of linkSim.
func (w idf) withCooc(a, b *mention, s float64) float64 {
	if w.cooc != nil && w.cooc[sentPair(a, b)] {
		// a time word often belongs to another clause than the shared figure
		if numeric(a.Kind) {
			s += 0.25
		} else {
			s += 0.15
		}
	}
	return s
}

// period reports a time reference that bounds a period: "since August".
func period(m *mention) bool {
	return !numeric(m.Kind) && m.Kind != "time" && m.Kind != "ordinal" && (m.Rel == "since" || m.Rel == "until")
}

// canConflict reports whether a link between two mentions may carry a
// disagreement: "arrested on Monday" and "will appear on Friday" are
// different days of different events, "profit rose to $1.1bn" and "revenue
// reached $4.2bn" different sums, however alike their sentences are, so two
// different values must share a word right around them (a period's start
// excepted: see linkPeriod).
func canConflict(w idf, a, b *mention) bool {
	return canConflictSim(w, a, b, math.NaN())
}

// canConflictSim is canConflict given w.ctxSim(a, b), or NaN when not known.
func canConflictSim(w idf, a, b *mention, sim float64) bool {
	if (a.Kind == "count" || a.Kind == "ordinal") && a.Unit != "" && sameMagnitude(a.claim, b.claim) {
		return true // the counted noun they share says what they count
	}
	switch a.Kind {
	case "speed", "mass", "area", "volume", "measure":
		// a story gives few speeds or weights: when each source gives one,
		// at the same magnitude, it is the same one
		if a.sole && b.sole && sameMagnitude(a.claim, b.claim) {
			return true
		}
	}
	if period(a) {
		return true
	}
	if !shareAny(a.local, b.local) {
		return false
	}
	// figures far apart ("600 troops", "12,000 soldiers") are flagged only
	// as a slip of magnitude ("$85,000", "$850,000") or when their sentences
	// tell much the same thing
	if !numeric(a.Kind) || sameMagnitude(a.claim, b.claim) || a.sig == b.sig {
		return true
	}
	if math.IsNaN(sim) {
		sim = w.ctxSim(a, b)
	}
	return sim >= 0.4
}

// sigDigits returns the significant digits of a figure: 85 for 85,000 and
// 850,000; 12 for 1.2 billion.
func sigDigits(x float64) string {
	s := strconv.FormatFloat(math.Abs(x), 'f', -1, 64)
	s = strings.Replace(s, ".", "", 1)
	s = strings.TrimLeft(s, "0")
	return strings.TrimRight(s, "0")
}

// numeric kinds are measured quantities, as opposed to calendar names.
func numeric(kind string) bool {
	switch kind {
	case "month", "weekday", "date", "year", "time", "ordinal":
		return false
	}
	return true
}

// sameMagnitude reports whether two claims' figures are within a factor of
// two: 3 and 4 survivors, not 35 and 2,000 stores.
func sameMagnitude(a, b claim) bool {
	x, y := a.point(), b.point()
	if x <= 0 || y <= 0 || math.IsInf(x, 0) || math.IsInf(y, 0) {
		return false
	}
	return math.Max(x, y) <= 2*math.Min(x, y)
}

// close reports whether two claims' values are within a fifth of each other.
func close(a, b claim) bool {
	x, y := a.lo, b.lo
	if math.IsInf(x, 0) {
		x = a.hi
	}
	if math.IsInf(y, 0) {
		y = b.hi
	}
	if x <= 0 || y <= 0 || math.IsInf(x, 0) || math.IsInf(y, 0) {
		return false
	}
	return math.Abs(x-y) <= 0.2*math.Max(x, y)
}

// distinctive reports whether a value is unusual enough that two sources
// stating it are likely stating the same fact.
func distinctive(n Number) bool {
	switch n.Kind {
	case "month", "weekday", "year", "ordinal", "time":
		return false
	}
	v := n.Base
	return !(v == math.Trunc(v) && v <= 12) && v != 100 && v != 1000
}

// cluster is a fact under construction.
type cluster struct {
	ms       []*mention
	conflict bool
	claims   []claim // the distinct claims of ms, for clashes
}

// clashes reports whether a claim of the cluster disagrees with c: clash
// over the cluster's distinct claims (fifty sources stating one figure make
// one claim).
func (cl *cluster) clashes(c claim) bool {
	for _, x := range cl.claims {
		if compare(x, c) == Disagree {
			return true
		}
	}
	return false
}

func (cl *cluster) add(m *mention) {
	cl.ms = append(cl.ms, m)
	if !slices.Contains(cl.claims, m.claim) {
		cl.claims = append(cl.claims, m.claim)
	}
}

func (c *cluster) has(src, sent int) bool {
	for _, m := range c.ms {
		if m.Source == src && m.Sentence == sent {
			return true
		}
	}
	return false
}

// group clusters the mentions into facts: average-link agglomeration inside
// each dimension, merging the best pair first, with a higher bar for merges
// that would make the fact disagree.
func group(ms []*mention, w idf) [][]*mention {
	return groupKept(ms, w, nil)
}

// groupKept is group keeping each dimension's links in kept (when not nil):
// the first grouping, before cooccur, fills it; the second reads it back
// and adds only the bonus of shared facts (withCooc), instead of scoring
// every pair again.
func groupKept(ms []*mention, w idf, kept map[string]*dimLinks) [][]*mention {
	byDim := map[string][]*mention{}
	var dims []string
	for _, m := range ms {
		d := m.dim
		if _, ok := byDim[d]; !ok {
			dims = append(dims, d)
		}
		byDim[d] = append(byDim[d], m)
	}
	sort.Strings(dims)
	dl := make([]*dimLinks, len(dims))
	if kept != nil {
		for k, d := range dims {
			if kept[d] == nil {
				kept[d] = &dimLinks{}
			}
			dl[k] = kept[d]
		}
	}
	// the dimensions are independent: each on its own core, joined in order
	per := make([][][]*mention, len(dims))
	par.Each(len(dims), func(k int) { per[k] = groupDim(byDim[dims[k]], w, dl[k]) })
	var out [][]*mention
	for _, g := range per {
		out = append(out, g...)
	}
	return out
}

// dimLinks keeps the links between the mentions of one dimension made
// before cooccur (w.cooc nil): for i < j, pair k = i*n + j, the score
// without the bonus of shared facts and linkEarly, linkDis, linkCan.
type dimLinks struct {
	s    []float64
	flag []uint8
}

const (
	linkEarly = 1 << iota // linkSim returned before the score was made (no bonus)
	linkDis               // the claims disagree
	linkCan               // canConflict
)

// groupDim groups the mentions of one dimension; kept (may be nil) holds
// or receives their links (see groupKept).
func groupDim(ms []*mention, w idf, kept *dimLinks) [][]*mention {
	n := len(ms)
	if n > bigBucket {
		return greedy(ms, w) // kept not used
	}
	// link sums, best links that may carry a disagreement, vetoes and
	// disagreements between clusters, kept up to date as clusters merge
	sum := make([][]float64, n)
	bestC := make([][]float64, n) // best link that may carry a disagreement
	veto := make([][]bool, n)
	dis := make([][]bool, n)
	fs := make([]float64, 2*n*n) // one block for the rows of both
	bs := make([]bool, 2*n*n)
	for i := range sum {
		sum[i], fs = fs[:n:n], fs[n:]
		bestC[i], fs = fs[:n:n], fs[n:]
		veto[i], bs = bs[:n:n], bs[n:]
		dis[i], bs = bs[:n:n], bs[n:]
	}
	// the links, row by row on every core (each pair written by its row)
	reuse := kept != nil && kept.s != nil && len(kept.s) == n*n
	keep := kept != nil && !reuse && w.cooc == nil
	if keep {
		kept.s, kept.flag = make([]float64, n*n), make([]uint8, n*n)
	}
	par.Chunks(n, func(i int) {
		for j := i + 1; j < n; j++ {
			var s float64
			var d, can bool
			if reuse {
				f := kept.flag[i*n+j]
				s = kept.s[i*n+j]
				if f&linkEarly == 0 {
					s = w.withCooc(ms[i], ms[j], s)
				}
				d, can = f&linkDis != 0, f&linkCan != 0
			} else {
				var v Verdict
				var sim float64
				s, v, sim = w.linkSim(ms[i], ms[j])
				if v == "" {
					v = compare(ms[i].claim, ms[j].claim)
				}
				d = v == Disagree
				can = canConflictSim(w, ms[i], ms[j], sim)
				if keep {
					f := uint8(0)
					if math.IsNaN(sim) {
						f |= linkEarly
					}
					if d {
						f |= linkDis
					}
					if can {
						f |= linkCan
					}
					kept.s[i*n+j], kept.flag[i*n+j] = s, f
				}
			}
			sum[i][j], sum[j][i] = s, s
			c := s
			if !can {
				c = -1
			}
			bestC[i][j], bestC[j][i] = c, c
			veto[i][j], veto[j][i] = s < 0, s < 0
			dis[i][j], dis[j][i] = d, d
		}
	})
	members := make([][]*mention, n)
	conflict := make([]bool, n)
	for i, m := range ms {
		members[i] = []*mention{m}
	}
	alive := make([]bool, n)
	for i := range alive {
		alive[i] = true
	}
	// score of merging clusters i < j, ok false when they may not merge
	score := func(i, j int) (float64, bool) {
		if !alive[j] || veto[i][j] {
			return 0, false
		}
		avg := sum[i][j] / float64(len(members[i])*len(members[j]))
		if conflict[i] || conflict[j] || dis[i][j] {
			if period(ms[i]) {
				if bestC[i][j] < linkPeriod || avg < linkPeriodAvg {
					return 0, false
				}
			} else if bestC[i][j] < linkConflict || avg < linkConflictAvg {
				return 0, false
			}
		} else if avg < linkAgree {
			return 0, false
		}
		return avg, true
	}
	// each row's best partner (the first of the highest scores, j > i),
	// kept up to date as clusters merge, so that finding the best pair is
	// one pass over the rows; the pair picked is the one a scan of all
	// pairs in order would pick
	type cand struct {
		j   int
		avg float64
	}
	rowBest := make([]cand, n)
	scanRow := func(i int) {
		c := cand{-1, -1}
		for j := i + 1; j < n; j++ {
			if avg, ok := score(i, j); ok && avg > c.avg {
				c = cand{j, avg}
			}
		}
		rowBest[i] = c
	}
	for i := 0; i < n; i++ {
		scanRow(i)
	}
	for {
		bi, bj, top := -1, -1, -1.0
		for i := 0; i < n; i++ {
			if alive[i] && rowBest[i].j >= 0 && rowBest[i].avg > top {
				bi, bj, top = i, rowBest[i].j, rowBest[i].avg
			}
		}
		if bi < 0 {
			break
		}
		conflict[bi] = conflict[bi] || conflict[bj] || dis[bi][bj]
		members[bi] = append(members[bi], members[bj]...)
		alive[bj] = false
		for k := 0; k < n; k++ {
			if !alive[k] || k == bi {
				continue
			}
			sum[bi][k] += sum[bj][k]
			sum[k][bi] = sum[bi][k]
			if bestC[bj][k] > bestC[bi][k] {
				bestC[bi][k] = bestC[bj][k]
				bestC[k][bi] = bestC[bi][k]
			}
			veto[bi][k] = veto[bi][k] || veto[bj][k]
			veto[k][bi] = veto[bi][k]
			dis[bi][k] = dis[bi][k] || dis[bj][k]
			dis[k][bi] = dis[bi][k]
		}
		rowBest[bj] = cand{-1, -1}
		scanRow(bi)
		for k := 0; k < bj; k++ {
			if !alive[k] || k == bi {
				continue
			}
			if rowBest[k].j == bi || rowBest[k].j == bj {
				scanRow(k)
				continue
			}
			if k > bi {
				continue // row k holds no pair with bi
			}
			if avg, ok := score(k, bi); ok && (avg > rowBest[k].avg || avg == rowBest[k].avg && bi < rowBest[k].j) {
				rowBest[k] = cand{bi, avg}
			}
		}
	}
	var out [][]*mention
	for i := range members {
		if alive[i] {
			out = append(out, members[i])
		}
	}
	return out
}

// greedy groups a very large bucket in one pass: each mention joins the
// fact it links best to, or starts a new one.
func greedy(ms []*mention, w idf) [][]*mention {
	var cs []*cluster
	for _, m := range ms {
		var best *cluster
		bs := -1.0
		for _, c := range cs {
			if c.has(m.Source, m.Sentence) {
				continue
			}
			s := w.link(c.ms[0], m)
			need := linkAgree
			if c.conflict || c.clashes(m.claim) {
				need = linkConflict
				if !canConflict(w, c.ms[0], m) {
					continue
				}
			}
			if s < 0 {
				continue
			}
			if s >= need && s > bs {
				best, bs = c, s
			}
		}
		if best == nil {
			c := &cluster{}
			c.add(m)
			cs = append(cs, c)
			continue
		}
		best.conflict = best.conflict || best.clashes(m.claim)
		best.add(m)
	}
	out := make([][]*mention, len(cs))
	for i, c := range cs {
		out[i] = c.ms
	}
	return out
}

// selfClash is clash(g, g) over g's distinct claims: fifty sources stating
// one figure make one claim.
func selfClash(g []*mention) bool {
	var cs []claim
	for _, m := range g {
		if !slices.Contains(cs, m.claim) {
			cs = append(cs, m.claim)
		}
	}
	for _, x := range cs {
		for _, y := range cs {
			if compare(x, y) == Disagree {
				return true
			}
		}
	}
	return false
}

// clash reports whether some mention of a disagrees with some mention of b.
func clash(a, b []*mention) bool {
	for _, x := range a {
		for _, y := range b {
			if compare(x.claim, y.claim) == Disagree {
				return true
			}
		}
	}
	return false
}

// markSole sets sole on mentions whose source states nothing else of the same
// kind (and time relation) that disagrees with them.
func markSole(ms []*mention) {
	type key struct {
		src      int
		dim, rel string
	}
	buckets := map[key][]*mention{}
	for _, m := range ms {
		k := key{m.Source, m.dim, m.Rel}
		buckets[k] = append(buckets[k], m)
	}
	for _, b := range buckets {
		for _, m := range b {
			if m.Hedge != "vague" {
				m.lead = true
				break
			}
		}
		sole := !clash(b, b)
		for _, m := range b {
			m.sole = sole
		}
	}
}

// sameFigure reports two claims naming the same figure, hedged alike or
// not: "seventy firefighters" and "some 70 firefighters".
func sameFigure(a, b claim) bool {
	v := compare(a, b)
	return v == Agree || v == Compatible && near(a.point(), b.point())
}

// cooccur returns the sentence pairs that share a fact whose distinctive
// figure several sources state alike.
func cooccur(groups [][]*mention) map[uint64]bool {
	out := map[uint64]bool{}
	for _, g := range groups {
		if len(g) < 2 || selfClash(g) {
			continue
		}
		strong := false
	scan:
		for i, a := range g {
			if !distinctive(a.Number) {
				continue
			}
			for _, b := range g[i+1:] {
				if a.Source != b.Source && sameFigure(a.claim, b.claim) {
					strong = true
					break scan
				}
			}
		}
		if !strong {
			continue
		}
		for i, a := range g {
			for _, b := range g[i+1:] {
				if a.Source != b.Source {
					out[sentPair(a, b)] = true
				}
			}
		}
	}
	return out
}

var preps = toSet("by to from of at")

// prepClass says what a preposition makes of a figure: a change ("by"), a
// former level ("from") or a level (anything else).
func prepClass(p string) string {
	switch p {
	case "by", "from":
		return p
	}
	return ""
}

// prepBefore returns the preposition right before a mention (its hedge
// aside): "rose by 75 basis points to 9.25%".
func prepBefore(ts []tok, n Number) string {
	for k := range ts {
		if ts[k].start == n.Start {
			if k > 0 && preps[ts[k-1].norm] {
				return ts[k-1].norm
			}
			return ""
		}
	}
	return ""
}

// localWords returns the stems of the content words right around a
// mention: three before it, two after it (figures, magnitudes and currency
// words aside).
func localWords(ts []tok, n Number, st stems) []string {
	var out []string
	add := func(k int) bool {
		t := ts[k]
		if t.kind != wordTok || stopWords[t.norm] || len(t.norm) < 2 || t.norm[0] >= '0' && t.norm[0] <= '9' {
			return false
		}
		if _, ok := magnitudes[t.norm]; ok {
			return false
		}
		if _, ok := currencyWords[t.norm]; ok {
			return false
		}
		if s := st.of(t.norm); !slices.Contains(out, s) {
			out = append(out, s)
		}
		return true
	}
	first, last := mentionSpan(ts, n)
	if first < 0 {
		return out
	}
	// a day or month name ends the stretch: "arrested on Monday and charged
	// on Wednesday" gives Monday "arrested" and "charged", not what follows
	calendar := func(k int) bool {
		_, w := weekdayNames[ts[k].norm]
		_, m := monthNames[ts[k].norm]
		return w || m
	}
	for k, c := first-1, 0; k >= 0 && c < 3 && !calendar(k); k-- {
		if add(k) {
			c++
		}
	}
	for k, c := last+1, 0; k < len(ts) && c < 2 && !calendar(k); k++ {
		if add(k) {
			c++
		}
	}
	return out
}

func shareAny(a, b []string) bool {
	for _, w := range a {
		if slices.Contains(b, w) {
			return true
		}
	}
	return false
}
