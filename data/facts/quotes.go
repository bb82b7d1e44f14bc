package facts

// Quotations: how they are found, attributed, matched and classed is told in
// doc.go.

import (
	"math"
	"slices"
	"sort"
	"strings"

	"parallax/data"
	"parallax/data/align"
	"parallax/data/internal/par"
)

// Tuning of the matching.
const (
	qLinkThreshold = 0.55 // minimum pair score to put two quotations in one fact
	qGroupMinLex   = 0.20 // minimum average word similarity when two groups merge
	qShortContent  = 3    // fewer content words than this: a scare quote
	qSpeakerBonus  = 0.15
	qSpeakerMalus  = 0.15
	qSameRowBonus  = 0.20
	qNearRowBonus  = 0.05

	qMaxCandidates = 300 // postings read per quotation when looking for similar ones
	qMaxPerSource  = 3   // mentions of one source in one fact
)

// qm is a quotation during matching.
type qm struct {
	q      Quote
	parts  []qSpan
	key    string    // speaker's last name, lower case
	named  bool      // the speaker is a name, not a description
	seq    []string  // normalised words; "" between pieces
	words  []string  // content word stems, ascending, each once
	tid    []int32   // their ids, ascending (ids follow the words' order)
	tw     []float64 // their weights
	weight float64
	rows   []int
	roles  []string // the speaker's roles ("spokesperson"), see qRoleConflict
}

// FindQuotes finds the quotations of every source's story sentences and groups
// the same quotation across sources into facts.
func FindQuotes(srcs []*data.Source, rows []align.Row) []QuoteFact {
	return findQuotes(srcs, rows, nil)
}

// findQuotes is FindQuotes with the sources' word counts, when already made
// (nil: count them here).
func findQuotes(srcs []*data.Source, rows []align.Row, dfs []qDF) []QuoteFact {
	rowOf := qRowIndex(srcs, rows)
	counted := dfs != nil
	// each source on its own core: its quotations and its word counts,
	// then (with the weights of all) its mentions; joined in source order
	attr := make([][]qAttrQuote, len(srcs))
	if !counted {
		dfs = make([]qDF, len(srcs))
	}
	par.Each(len(srcs), func(si int) {
		src := srcs[si]
		if src == nil {
			return
		}
		if !counted {
			dfs[si] = qSourceDF(src)
		}
		if !safely(func() { attr[si] = qAttributeKept(src) }) {
			attr[si] = nil
		}
	})
	idf := qIDF(dfs)
	per := make([][]*qm, len(srcs))
	par.Each(len(srcs), func(si int) {
		src := srcs[si]
		if src == nil {
			return
		}
		ok := safely(func() {
			var buf []data.Token
			for _, aq := range attr[si] {
				if m := qNewQM(src, &buf, si, aq, rowOf[si], idf); m != nil {
					per[si] = append(per[si], m)
				}
			}
		})
		if !ok {
			per[si] = nil
		}
	})
	var all []*qm
	for _, ms := range per {
		all = append(all, ms...)
	}
	groups := qCluster(all)
	facts := make([]QuoteFact, len(groups))
	par.Each(len(groups), func(k int) { facts[k] = qMakeFact(groups[k]) })
	sort.SliceStable(facts, func(i, j int) bool {
		a, b := qFactOrder(facts[i]), qFactOrder(facts[j])
		for k := range a {
			if a[k] != b[k] {
				return a[k] < b[k]
			}
		}
		return false
	})
	for fi := range facts {
		for k := range facts[fi].Mentions {
			m := &facts[fi].Mentions[k]
			m.Fact = fi
			m.Conflict = facts[fi].Verdict == Disagree && (m.Class == "reworded" || m.Class == "other speaker")
		}
	}
	return facts
}

// QuotesInSource returns every quotation mention of source src in text
// order; Fact leads to its fact (and its rows), Conflict says to colour it.
func (r Result) QuotesInSource(src int) []Quote {
	var out []Quote
	for _, f := range r.Quotes {
		for _, m := range f.Mentions {
			if m.Source == src {
				out = append(out, m)
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start < out[j].Start })
	return out
}

func qFactOrder(f QuoteFact) [3]int {
	r := math.MaxInt32
	if len(f.Rows) > 0 {
		r = f.Rows[0]
	}
	return [3]int{r, f.Mentions[0].Source, f.Mentions[0].Start}
}

// qRowIndex maps each source's sentence to its row, -1 when in none.
func qRowIndex(srcs []*data.Source, rows []align.Row) [][]int {
	out := make([][]int, len(srcs))
	for si, s := range srcs {
		if s == nil {
			continue
		}
		out[si] = make([]int, len(s.Sentences))
		for i := range out[si] {
			out[si][i] = -1
		}
	}
	for ri, r := range rows {
		for si, c := range r.Cells {
			if si >= len(out) {
				break
			}
			for _, i := range c.Sentences {
				if i >= 0 && i < len(out[si]) && out[si][i] < 0 {
					out[si][i] = ri
				}
			}
		}
	}
	return out
}

// buf is scratch for the quotation's tokens.
func qNewQM(src *data.Source, buf *[]data.Token, si int, aq qAttrQuote, rowOf []int, idf map[string]float64) *qm {
	if len(aq.parts) == 0 {
		return nil
	}
	start, end := aq.parts[0].start, aq.parts[len(aq.parts)-1].end
	q := Quote{Source: si, Sentence: -1, Row: -1, Start: start, End: end, Text: src.Text[start:end],
		Speaker: aq.speaker, Partial: aq.partial}
	if len(aq.parts) > 1 {
		for _, p := range aq.parts {
			q.Parts = append(q.Parts, [2]int{p.start, p.end})
		}
	}
	m := &qm{q: q, parts: aq.parts, key: qSpeakerKey(aq.speaker), named: aq.named, roles: aq.roles}
	// sentences touched
	first := sort.Search(len(src.Sentences), func(i int) bool { return src.Sentences[i].End > start })
	for i := first; i < len(src.Sentences) && src.Sentences[i].Start < end; i++ {
		se := src.Sentences[i]
		if se.End <= start {
			continue
		}
		if !qTouches(aq.parts, se) {
			continue
		}
		if m.q.Sentence < 0 {
			m.q.Sentence = i
			if i < len(rowOf) {
				m.q.Row = rowOf[i]
			}
		}
		if i < len(rowOf) && rowOf[i] >= 0 {
			m.rows = append(m.rows, rowOf[i])
		}
	}
	for k, p := range aq.parts {
		if k > 0 {
			m.seq = append(m.seq, "")
		}
		_ = src.Text[p.start:p.end] // a malformed span fails as before
		*buf = src.AppendTokens((*buf)[:0], p.start, p.end, p.start)
		m.seq = qAppendNorm(m.seq, *buf)
	}
	for _, w := range m.seq {
		if w == "" || qStopWords[w] {
			continue
		}
		t := qStem(w)
		if slices.Contains(m.words, t) {
			continue
		}
		wt := idf[t]
		if wt == 0 {
			wt = idf[""] // unseen: as rare as a word of one sentence
		}
		m.words = append(m.words, t)
		m.weight += wt
	}
	sort.Strings(m.words)
	m.tw = make([]float64, len(m.words))
	for k, t := range m.words {
		wt := idf[t]
		if wt == 0 {
			wt = idf[""]
		}
		m.tw[k] = wt
	}
	return m
}

func qTouches(parts []qSpan, se data.Sentence) bool {
	for _, p := range parts {
		if se.Start < p.end && p.start < se.End {
			return true
		}
	}
	return false
}

// qSpeakerKey is the last word of a name, lower case; a description is kept whole.
func qSpeakerKey(s string) string {
	s = strings.TrimSpace(strings.ToLower(s))
	if s == "" {
		return ""
	}
	f := strings.Fields(s)
	if qDeterminers[f[0]] || len(f) == 1 {
		return s
	}
	return qStripPossessive(f[len(f)-1])
}

// qNormToks lists the words and numbers of a text's tokens in lower case,
// with U.S. joined to "us", contractions undone, and an ellipsis or a
// bracketed insertion as "".
func qNormToks(toks []data.Token) []string {
	return qAppendNorm(nil, toks)
}

// qAppendNorm appends qNormToks(toks) to out: what it adds is what
// qNormToks would return, out ending in "" or empty.
func qAppendNorm(out []string, toks []data.Token) []string {
	base := len(out)
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		switch t.Kind {
		case data.Word, data.Number:
			if t.Kind == data.Word && t.End-t.Start == 1 && k+1 < len(toks) && toks[k+1].Norm == "." {
				// U.S. -> us
				j, acc := k, ""
				for j+1 < len(toks) && toks[j].Kind == data.Word && toks[j].End-toks[j].Start == 1 && toks[j+1].Norm == "." {
					acc += toks[j].Norm
					j += 2
				}
				if len(acc) >= 2 {
					out = append(out, acc)
					k = j - 1
					continue
				}
			}
			out = qAppendExpand(out, t.Norm)
		case data.Punct:
			if t.Norm == "[" {
				// an editor's insertion ("He [Petro] said") is not the speaker's
				for k+1 < len(toks) && toks[k+1].Norm != "]" {
					k++
				}
				k++
				if len(out) > base && out[len(out)-1] != "" {
					out = append(out, "")
				}
				continue
			}
			if t.Norm == "…" || (t.Norm == "." && k+2 < len(toks) && toks[k+1].Norm == "." && toks[k+2].Norm == ".") {
				if len(out) > base && out[len(out)-1] != "" {
					out = append(out, "")
				}
				for k+1 < len(toks) && toks[k+1].Norm == "." {
					k++
				}
			}
		}
	}
	for len(out) > base && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	return out
}

// qAppendExpand appends w to out, its contractions undone, so that "won't"
// and "will not" are the same words.
func qAppendExpand(out []string, w string) []string {
	if strings.IndexByte(w, '\'') < 0 && w != "cannot" {
		return append(out, w) // no contraction
	}
	switch w {
	case "won't":
		return append(out, "will", "not")
	case "can't", "cannot":
		return append(out, "can", "not")
	case "shan't":
		return append(out, "shall", "not")
	}
	for _, c := range [...]struct{ suf, word string }{
		{"n't", "not"}, {"'re", "are"}, {"'ll", "will"}, {"'ve", "have"}, {"'m", "am"}, {"'d", "would"},
	} {
		if strings.HasSuffix(w, c.suf) && len(w) > len(c.suf) {
			return append(out, w[:len(w)-len(c.suf)], c.word)
		}
	}
	return append(out, w)
}

var qStopWords = qSet("a an the and or but if of to in on at by for with from as into onto about than then that this " +
	"these those it its is are was were be been being am has have had do does did will would shall should can could " +
	"may might must not no nor so such very just also too there their them they he she him her his hers we our us i " +
	"me my you your qWho whom whose which what when where why how all any each every both few more most other some " +
	"own same only over under again further once here out up down off")

func qStem(w string) string {
	w = qStripPossessive(w)
	switch {
	case len(w) > 4 && strings.HasSuffix(w, "ies"):
		return w[:len(w)-3] + "y"
	case len(w) > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") &&
		!strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is"):
		return w[:len(w)-1]
	}
	return w
}

// qDF counts, for one source, its story sentences and the sentences that
// hold each content word; qIDF weighs each content word by how few story
// sentences (of all sources) hold it, the "" entry being the weight of an
// unseen word.
type qDF struct {
	n     int
	df    map[string]int
	buf   []string            // scratch for add
	seen  wordSet             // scratch for add
	stems map[string]qStemmed // qStopWords and qStem memoised, for add
}

// qStemmed is a word's qStem, or stop when it is one of qStopWords.
type qStemmed struct {
	stem string
	stop bool
}

func qSourceDF(s *data.Source) qDF {
	d := qDF{df: map[string]int{}}
	var buf []data.Token
	for i := range s.Sentences {
		if s.Story(i) {
			se := s.Sentences[i]
			buf = s.AppendTokens(buf[:0], se.Start, se.End, se.Start)
			d.add(buf)
		}
	}
	d.dropScratch()
	return d
}

// dropScratch lets go of what add keeps between sentences.
func (d *qDF) dropScratch() {
	d.buf, d.seen, d.stems = nil, wordSet{}, nil
}

// add counts one story sentence, given its tokens.
func (d *qDF) add(toks []data.Token) {
	d.n++
	d.buf = qAppendNorm(d.buf[:0], toks)
	d.seen.reset()
	for _, w := range d.buf {
		if w == "" {
			continue
		}
		x, ok := d.stems[w]
		if !ok {
			x.stop = qStopWords[w]
			if !x.stop {
				x.stem = qStem(w)
			}
			if d.stems == nil {
				d.stems = map[string]qStemmed{}
			}
			d.stems[w] = x
		}
		if x.stop {
			continue
		}
		if t := x.stem; d.seen.add(t) {
			d.df[t]++
		}
	}
}

func qIDF(dfs []qDF) map[string]float64 {
	df := map[string]int{}
	n := 0
	for _, d := range dfs {
		n += d.n
		for t, c := range d.df {
			df[t] += c
		}
	}
	idf := make(map[string]float64, len(df)+1)
	for t, d := range df {
		idf[t] = math.Log(1 + float64(n+1)/float64(d))
	}
	idf[""] = math.Log(1 + float64(n+1))
	return idf
}

// qLexical is the IDF-weighted word similarity of two quotations in 0..1.
func qLexical(a, b *qm) float64 {
	if a.weight == 0 || b.weight == 0 {
		return 0
	}
	if qShort(a, b) {
		// scare quotes: only word for word inside the other
		if c := qCompareSeq(a.seq, b.seq); c == "verbatim" || c == "trimmed" {
			return 1
		}
		return 0
	}
	return qOverlap(a, b)
}

// qOverlap is mostly the overlap coefficient of the weighted content words,
// with a quarter of their Jaccard similarity.
func qOverlap(a, b *qm) float64 {
	if a.weight == 0 || b.weight == 0 {
		return 0
	}
	// the shared words, summed in the words' order so that the score does
	// not depend on anything but the two quotations
	inter := 0.0
	for i, j := 0, 0; i < len(a.tid) && j < len(b.tid); {
		switch {
		case a.tid[i] < b.tid[j]:
			i++
		case a.tid[i] > b.tid[j]:
			j++
		default:
			inter += a.tw[i]
			i++
			j++
		}
	}
	ov := inter / math.Min(a.weight, b.weight)
	jac := inter / (a.weight + b.weight - inter)
	return 0.75*ov + 0.25*jac
}

// qShort: one of the two quotes a word or two ("unacceptable").
func qShort(a, b *qm) bool {
	return len(a.tid) < qShortContent || len(b.tid) < qShortContent
}

func qPairScore(a, b *qm) (score, lex float64) {
	lex = qLexical(a, b)
	if lex > 0 && qShort(a, b) && (len(a.tid) >= 2*qShortContent || len(b.tid) >= 2*qShortContent) &&
		!(a.key != "" && a.key == b.key) && !qShareRow(a, b) {
		// a scare quote inside a long quotation: only from the same
		// speaker or in the same row
		lex = 0
	}
	score = lex
	switch {
	case a.key != "" && a.key == b.key:
		score += qSpeakerBonus
	case a.named && b.named:
		score -= qSpeakerMalus
	}
	best := 0.0
	for _, r := range a.rows {
		for _, s := range b.rows {
			d := r - s
			if d == 0 {
				best = qSameRowBonus
			} else if (d == 1 || d == -1) && best < qNearRowBonus {
				best = qNearRowBonus
			}
		}
	}
	return score + best, lex
}

func qShareRow(a, b *qm) bool {
	for _, r := range a.rows {
		for _, s := range b.rows {
			if r == s {
				return true
			}
		}
	}
	return false
}

// qIntern numbers the content words of all quotations in their alphabetical
// order and sets each quotation's tid.
func qIntern(all []*qm) {
	var words []string
	for _, m := range all {
		words = append(words, m.words...)
	}
	sort.Strings(words)
	words = slices.Compact(words)
	for _, m := range all {
		m.tid = make([]int32, len(m.words))
		for k, w := range m.words {
			id, _ := slices.BinarySearch(words, w)
			m.tid[k] = int32(id)
		}
	}
}

type qQpair struct {
	i, j  int
	score float64
}

// qCluster merges quotations of different sources best pair first. Only
// quotations that share a content word are compared (an inverted index), and
// only the word similarities worth keeping are stored.
func qCluster(all []*qm) [][]*qm {
	n := len(all)
	qIntern(all)
	var post [][]int // quotations holding each word id, ascending
	for i, m := range all {
		for _, t := range m.tid {
			for int(t) >= len(post) {
				post = append(post, nil)
			}
			post[t] = append(post[t], i)
		}
	}
	// candidates of each quotation, ascending: the quotations of other
	// sources met in the postings of its rarest words
	cands := make([][]int32, n)
	par.Chunks(n, func(i int) {
		terms := append([]int32(nil), all[i].tid...)
		// rarest words first; a word most quotations share adds little, so
		// the candidates stop at qMaxCandidates (ids follow the words'
		// order, so ties fall as before)
		slices.SortFunc(terms, func(a, b int32) int {
			if la, lb := len(post[a]), len(post[b]); la != lb {
				return la - lb
			}
			return int(a - b)
		})
		cs := make([]int32, 0, qMaxCandidates) // at most one per posting read
		looked := 0
		for _, t := range terms {
			if looked >= qMaxCandidates {
				break
			}
			for _, j := range post[t] {
				looked++
				if looked > qMaxCandidates {
					break
				}
				if all[j].q.Source != all[i].q.Source {
					cs = append(cs, int32(j))
				}
			}
		}
		slices.Sort(cs)
		cands[i] = slices.Compact(cs)
	})
	// every pair where one is a candidate of the other, scored once: by
	// the smaller unless only the larger holds it as a candidate
	type edge struct {
		x, y     int32
		score, l float64
	}
	edges := make([][]edge, n)
	par.Chunks(n, func(i int) {
		var buf [qMaxCandidates]edge // room for every candidate
		es := buf[:0]
		for _, j32 := range cands[i] {
			j := int(j32)
			if j < i {
				if _, found := slices.BinarySearch(cands[j], int32(i)); found {
					continue
				}
			}
			x, y := min(i, j), max(i, j)
			s, l := qPairScore(all[x], all[y])
			if l == 0 {
				continue // no word in common: neither a pair nor a sum
			}
			es = append(es, edge{int32(x), int32(y), s, l})
		}
		if len(es) > 0 {
			edges[i] = slices.Clone(es)
		}
	})
	np := 0
	for _, es := range edges {
		for _, e := range es {
			if e.score >= qLinkThreshold && e.l > 0 {
				np++
			}
		}
	}
	pairs := make([]qQpair, 0, np)
	deg := make([]int, n)
	for _, es := range edges {
		for _, e := range es {
			if e.score >= qLinkThreshold && e.l > 0 {
				pairs = append(pairs, qQpair{int(e.x), int(e.y), e.score})
			}
			if e.l != 0 {
				deg[e.x]++
				deg[e.y]++
			}
		}
	}
	qSortPairs(pairs, n)
	// Average linkage without revisiting members: each group keeps the sum
	// of the word similarities to every group it has any with (nb), and its
	// mentions per source (per), so a merge test costs O(sources of the
	// smaller group) and a merge O(neighbours).
	group := make([]int, n)
	members := make([][]int, n)
	nb := make([][]qNb, n)     // by neighbour, ascending
	var scratch []qNb          // room for the next merged list
	per := make([][][2]int, n) // (source, mentions), by source
	for i := range group {
		group[i] = i
		members[i] = []int{i}
		per[i] = [][2]int{{all[i].q.Source, 1}}
		if deg[i] > 0 {
			nb[i] = make([]qNb, 0, deg[i])
		}
	}
	for _, es := range edges {
		for _, e := range es {
			if e.l == 0 {
				continue
			}
			nb[e.x] = append(nb[e.x], qNb{e.y, e.l})
			nb[e.y] = append(nb[e.y], qNb{e.x, e.l})
		}
	}
	par.Chunks(n, func(i int) {
		slices.SortFunc(nb[i], func(a, b qNb) int { return int(a.g - b.g) })
	})
	for _, p := range pairs {
		ga, gb := group[p.i], group[p.j]
		if ga == gb {
			continue
		}
		// pairs of different sources; a source may give a quotation in a
		// few pieces, not in dozens
		cnt := len(members[ga]) * len(members[gb])
		tooMany := false
		sa, sb := per[ga], per[gb]
		for x, y := 0, 0; x < len(sa) && y < len(sb) && !tooMany; {
			switch {
			case sa[x][0] < sb[y][0]:
				x++
			case sa[x][0] > sb[y][0]:
				y++
			default:
				cnt -= sa[x][1] * sb[y][1]
				if sa[x][1]+sb[y][1] > qMaxPerSource {
					tooMany = true
				}
				x++
				y++
			}
		}
		if cnt == 0 || tooMany || qNbSum(nb[ga], gb)/float64(cnt) < qGroupMinLex {
			continue
		}
		if ga > gb {
			ga, gb = gb, ga
		}
		for _, y := range members[gb] {
			group[y] = ga
		}
		members[ga] = append(members[ga], members[gb]...)
		members[gb] = nil
		per[ga] = qMergeCounts(per[ga], per[gb])
		per[gb] = nil
		if nb[gb] != nil {
			nb[ga], scratch = qNbMerge(nb, ga, gb, members, scratch[:0]), nb[ga]
			nb[gb] = nil
		}
	}
	var out [][]*qm
	for g := range members {
		if len(members[g]) == 0 {
			continue
		}
		var ms []*qm
		for _, i := range members[g] {
			ms = append(ms, all[i])
		}
		sort.SliceStable(ms, func(a, b int) bool {
			if ms[a].q.Source != ms[b].q.Source {
				return ms[a].q.Source < ms[b].q.Source
			}
			return ms[a].q.Start < ms[b].q.Start
		})
		out = append(out, ms)
	}
	return out
}

// qNb is a group's sum of word similarities with neighbour g.
type qNb struct {
	g int32
	v float64
}

// qNbSum is the sum of list (by neighbour, ascending) with g, 0 when none.
func qNbSum(list []qNb, g int) float64 {
	k, ok := slices.BinarySearchFunc(list, int32(g), func(e qNb, g int32) int { return int(e.g - g) })
	if !ok {
		return 0
	}
	return list[k].v
}

// qNbMerge returns the neighbour sums of group ga once gb has joined it
// (appended to out), and adds gb's sums to each live neighbour's sum with ga: for every live
// neighbour h of gb other than ga, sum(ga, h) += sum(gb, h) and sum(h, ga)
// += sum(gb, h). Neighbours merged away keep their stale entries, never read.
func qNbMerge(nb [][]qNb, ga, gb int, members [][]int, out []qNb) []qNb {
	a, b := nb[ga], nb[gb]
	byG := func(e qNb, g int32) int { return int(e.g - g) }
	addTo := func(h int32, v float64) {
		list := nb[h]
		k, ok := slices.BinarySearchFunc(list, int32(ga), byG)
		if ok {
			list[k].v += v
			return
		}
		// h's entry for gb (there is one: the sums are symmetric) is
		// stale from now on; ga takes its room, so the list never grows
		kb, ok := slices.BinarySearchFunc(list, int32(gb), byG)
		if !ok {
			nb[h] = slices.Insert(list, k, qNb{int32(ga), v})
			return
		}
		copy(list[k+1:kb+1], list[k:kb])
		list[k] = qNb{int32(ga), v}
	}
	live := func(h int32) bool { return int(h) != ga && members[h] != nil }
	x, y := 0, 0
	for x < len(a) || y < len(b) {
		switch {
		case y >= len(b) || x < len(a) && a[x].g < b[y].g:
			if int(a[x].g) != gb {
				out = append(out, a[x])
			}
			x++
		case x >= len(a) || b[y].g < a[x].g:
			if live(b[y].g) {
				out = append(out, b[y])
				addTo(b[y].g, b[y].v)
			}
			y++
		default:
			e := a[x]
			if live(e.g) {
				e.v += b[y].v
				addTo(e.g, b[y].v)
			}
			out = append(out, e)
			x++
			y++
		}
	}
	return out
}

// qPairOrder orders pairs best first, then by their quotations.
func qPairOrder(a, b qQpair) int {
	switch {
	case a.score != b.score:
		if a.score > b.score {
			return -1
		}
		return 1
	case a.i != b.i:
		return a.i - b.i
	}
	return a.j - b.j
}

// qSortPairs sorts pairs (scores positive, i and j below n, each pair once)
// by qPairOrder. Many pairs are sorted by their radix: a key of the score
// (its bits, which order positive floats) and one of i and j, sorted a
// digit at a time from the last, each pass keeping the order of the last.
func qSortPairs(pairs []qQpair, n int) {
	if len(pairs) < 4096 {
		slices.SortFunc(pairs, qPairOrder)
		return
	}
	type key struct{ score, ij uint64 }
	ks := make([]key, len(pairs))
	for k, p := range pairs {
		ks[k] = key{^math.Float64bits(p.score), uint64(p.i)*uint64(n) + uint64(p.j)}
	}
	tmp := make([]key, len(ks))
	const bits = 11
	var cnt [1 << bits]int
	pass := func(digit func(key) uint64) {
		clear(cnt[:])
		for _, k := range ks {
			cnt[digit(k)]++
		}
		if cnt[digit(ks[0])] == len(ks) {
			return // one digit for all: the order stands
		}
		sum := 0
		for d, c := range cnt {
			cnt[d] = sum
			sum += c
		}
		for _, k := range ks {
			d := digit(k)
			tmp[cnt[d]] = k
			cnt[d]++
		}
		ks, tmp = tmp, ks
	}
	top := uint64(n) * uint64(n)
	for shift := 0; top>>shift > 0 && shift < 64; shift += bits {
		pass(func(k key) uint64 { return k.ij >> shift & (1<<bits - 1) })
	}
	for shift := 0; shift < 64; shift += bits {
		pass(func(k key) uint64 { return k.score >> shift & (1<<bits - 1) })
	}
	for k, x := range ks {
		pairs[k] = qQpair{int(x.ij / uint64(n)), int(x.ij % uint64(n)), math.Float64frombits(^x.score)}
	}
}

// qMergeCounts adds two lists of (source, count) ordered by source.
func qMergeCounts(a, b [][2]int) [][2]int {
	out := make([][2]int, 0, len(a)+len(b))
	x, y := 0, 0
	for x < len(a) && y < len(b) {
		switch {
		case a[x][0] < b[y][0]:
			out = append(out, a[x])
			x++
		case a[x][0] > b[y][0]:
			out = append(out, b[y])
			y++
		default:
			out = append(out, [2]int{a[x][0], a[x][1] + b[y][1]})
			x++
			y++
		}
	}
	out = append(out, a[x:]...)
	return append(out, b[y:]...)
}

// qCompareSeq classes b against a: "verbatim", "trimmed" or "reworded".
func qCompareSeq(a, b []string) string {
	if qEqualSeq(a, b) {
		return "verbatim"
	}
	if qContainsPieces(a, b) || qContainsPieces(b, a) {
		return "trimmed"
	}
	return "reworded"
}

func qEqualSeq(a, b []string) bool {
	// the words of both, breaks skipped, compared in step
	i, j := 0, 0
	for {
		for i < len(a) && a[i] == "" {
			i++
		}
		for j < len(b) && b[j] == "" {
			j++
		}
		if i == len(a) || j == len(b) {
			return i == len(a) && j == len(b)
		}
		if a[i] != b[j] {
			return false
		}
		i++
		j++
	}
}

// qDropBreaks returns s without its breaks (s itself when it has none; the
// result is only read).
func qDropBreaks(s []string) []string {
	if !slices.Contains(s, "") {
		return s
	}
	out := make([]string, 0, len(s))
	for _, w := range s {
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

// qWords is len(qDropBreaks(s)).
func qWords(s []string) int {
	n := 0
	for _, w := range s {
		if w != "" {
			n++
		}
	}
	return n
}

// qContainsPieces reports whether every piece of short (split at "") occurs in
// long as a contiguous run: in order, or (when an outlet put the quoted
// sentences in another order) anywhere.
func qContainsPieces(long, short []string) bool {
	long = qDropBreaks(long)
	at := 0
	inOrder := true
	found := false
	for p := 0; p <= len(short); {
		// the piece short[p:e], up to the next break
		e := p
		for e < len(short) && short[e] != "" {
			e++
		}
		piece := short[p:e]
		p = e + 1
		if len(piece) == 0 {
			continue
		}
		found = true
		if inOrder {
			if k := qIndexSeq(long[at:], piece); k >= 0 {
				at += k + len(piece)
				continue
			}
			inOrder = false
		}
		if qIndexSeq(long, piece) < 0 {
			return false
		}
	}
	return found
}

func qIndexSeq(hay, needle []string) int {
outer:
	for i := 0; i+len(needle) <= len(hay); i++ {
		for j := range needle {
			if hay[i+j] != needle[j] {
				continue outer
			}
		}
		return i
	}
	return -1
}

// qCompatible: the same speaker (or one unknown) and the same words, or one
// a part of the other.
func qCompatible(a, b *qm) bool {
	if a.named && b.named && a.key != b.key {
		return false
	}
	// two different stretches of one statement (little in common) do not
	// contradict each other
	if qCompareSeq(a.seq, b.seq) != "reworded" {
		return true
	}
	return qOverlap(a, b) < qGroupMinLex+0.1 && qLCSRatio(a.seq, b.seq) < 0.5
}

// qLCSRatio is the longest common subsequence of two word sequences over the
// shorter one's length (0 for very long pairs, where the content words decide).
func qLCSRatio(a, b []string) float64 {
	a, b = qDropBreaks(a), qDropBreaks(b)
	if len(a) == 0 || len(b) == 0 || len(a)*len(b) > 250000 {
		return 0
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			switch {
			case a[i] == b[j]:
				cur[j+1] = prev[j] + 1
			case prev[j+1] >= cur[j]:
				cur[j+1] = prev[j+1]
			default:
				cur[j+1] = cur[j]
			}
		}
		prev, cur = cur, prev
	}
	return float64(prev[len(b)]) / float64(min(len(a), len(b)))
}

// qMakeFact picks the reference wording and classes the mentions.
func qMakeFact(g []*qm) QuoteFact {
	type cand struct {
		srcs map[int]bool
		sim  float64
		n    int // words
	}
	cands := make([]cand, len(g))
	for i := range g {
		cands[i].srcs = map[int]bool{}
		cands[i].n = qWords(g[i].seq)
		for j := range g {
			if qEqualSeq(g[i].seq, g[j].seq) {
				cands[i].srcs[g[j].q.Source] = true
			}
			if i != j {
				cands[i].sim += qLexical(g[i], g[j])
			}
		}
	}
	// pick: the wording most sources use, then the longest, then the most
	// similar to the others; longestFirst skips the first criterion
	pick := func(longestFirst bool) int {
		ref := 0
		for i := 1; i < len(g); i++ {
			a, b := cands[i], cands[ref]
			switch {
			case !longestFirst && len(a.srcs) != len(b.srcs):
				if len(a.srcs) > len(b.srcs) {
					ref = i
				}
			case a.n != b.n:
				if a.n > b.n {
					ref = i
				}
			case a.sim > b.sim+1e-9:
				ref = i
			}
		}
		return ref
	}
	classify := func(ref int) ([]Quote, bool) {
		r := g[ref]
		out := make([]Quote, len(g))
		conflict := false
		for i, m := range g {
			q := m.q
			switch {
			case i == ref:
				q.Class = ""
			case m.named && r.named && m.key != r.key, qRoleConflict(m.named, m.roles, r.named, r.roles):
				q.Class = "other speaker"
			default:
				q.Class = qCompareSeq(r.seq, m.seq)
			}
			conflict = conflict || q.Class == "other speaker" || q.Class == "reworded"
			out[i] = q
		}
		return out, conflict
	}
	f := QuoteFact{Verdict: Agree}
	mentions, conflict := classify(pick(false))
	if !conflict {
		// Two mentions that are each a part of the reference can still
		// differ from each other ("by anyone" / "by anybody" after a shared
		// opening): then the longest wording is the reference.
	pairs:
		for i := range g {
			for j := i + 1; j < len(g); j++ {
				if g[i].q.Source != g[j].q.Source && !qCompatible(g[i], g[j]) {
					mentions, _ = classify(pick(true))
					conflict = true
					break pairs
				}
			}
		}
	}
	f.Mentions = mentions
	if conflict {
		f.Verdict = Disagree
	}
	srcs := map[int]bool{}
	rows := map[int]bool{}
	keyCount := map[string]int{}
	for _, m := range g {
		srcs[m.q.Source] = true
		for _, rr := range m.rows {
			rows[rr] = true
		}
		if m.key != "" {
			keyCount[m.key]++
		}
	}
	if len(srcs) < 2 {
		f.Verdict = Single
	}
	bestKey, bestN := "", 0
	for k, c := range keyCount {
		if c > bestN || c == bestN && k < bestKey {
			bestKey, bestN = k, c
		}
	}
	for _, m := range g {
		if m.key == bestKey && len(m.q.Speaker) > len(f.Speaker) {
			f.Speaker = m.q.Speaker
		}
	}
	for rr := range rows {
		f.Rows = append(f.Rows, rr)
	}
	sort.Ints(f.Rows)
	return f
}
