package align

import (
	"math"
	"slices"

	"parallax/data"
)

// run is one source's consecutive story sentences in a cluster.
type run struct {
	src    int32
	lo, hi int32 // story-sentence ranks, inclusive
}

// cluster is a set of corresponding story sentences: at most one run per
// source, sorted by source.
type cluster struct {
	runs  []run
	score float32 // sum of the scores of the links that built it
	links int32
}

// groups builds clusters from the links by Kruskal's algorithm: strongest
// link first, two clusters merge when the union keeps each source's
// sentences a run of at most maxRun consecutive sentences. A link that would
// break the rule is dropped, so a weak link can never glue two stories
// together through a sentence that already found its partner.
func (c *corpus) groups(edges, weak []edge) []cluster {
	off := make([]int32, len(c.units)+1)
	for s := range c.units {
		off[s+1] = off[s] + int32(len(c.units[s]))
	}
	n := int(off[len(c.units)])
	parent := make([]int32, n)
	cl := make([]cluster, n)
	for s := range c.units {
		for k := range c.units[s] {
			id := off[s] + int32(k)
			parent[id] = id
			cl[id] = cluster{runs: []run{{int32(s), int32(k), int32(k)}}}
		}
	}
	var find func(int32) int32
	find = func(x int32) int32 {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	if headingsFirst {
		c.premergeHeadings(off, parent, cl)
	}
	sortEdges(edges)
	var buf []run
	for _, e := range edges {
		x, y := find(off[e.sa]+e.ka), find(off[e.sb]+e.kb)
		if x == y {
			continue
		}
		var ok bool
		buf, ok = mergeRuns(buf[:0], cl[x].runs, cl[y].runs)
		if ok && len(cl[x].runs) > 1 && len(cl[y].runs) > 1 && len(buf) < len(cl[x].runs)+len(cl[y].runs) {
			// Two rows that both span several sources, overlapping in some:
			// they are two corresponding passages, not a split, unless a
			// strong link comes from a sentence whose source the other row
			// lacks (one sentence saying what both rows say: a merge).
			_, inY := runOf(cl[y].runs, e.sa)
			_, inX := runOf(cl[x].runs, e.sb)
			ok = !strictSplits || (e.score >= mergeMin && (!inY || !inX))
		}
		if !ok {
			continue
		}
		if len(cl[x].runs) < len(cl[y].runs) {
			x, y = y, x
		}
		parent[y] = x
		cl[x].runs = append(cl[x].runs[:0], buf...)
		cl[x].score += cl[y].score + e.score
		cl[x].links += cl[y].links + 1
		cl[y] = cluster{}
	}
	c.attachLeftovers(off, parent, find, cl, edges, weak)
	c.attachHeadings(off, parent, find, cl)
	if headingRows {
		c.attachHeadingRows(off, parent, find, cl)
	}
	var out []cluster
	for id := range parent {
		if parent[id] == int32(id) {
			out = append(out, cl[id])
		}
	}
	return out
}

// mergeRuns merges two clusters' runs into dst, or reports that the union
// would give a source non-consecutive sentences or a run longer than maxRun.
func mergeRuns(dst, a, b []run) ([]run, bool) {
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case j == len(b) || (i < len(a) && a[i].src < b[j].src):
			dst = append(dst, a[i])
			i++
		case i == len(a) || b[j].src < a[i].src:
			dst = append(dst, b[j])
			j++
		default:
			r, ok := joinRuns(a[i], b[j])
			if !ok {
				return dst, false
			}
			dst = append(dst, r)
			i++
			j++
		}
	}
	return dst, true
}

func joinRuns(x, y run) (run, bool) {
	if x.lo > y.lo {
		x, y = y, x
	}
	if x.hi+1 != y.lo || y.hi-x.lo+1 > maxRun {
		return x, false
	}
	return run{x.src, x.lo, y.hi}, true
}

// premergeHeadings starts each subheading in one cluster with the sentence
// after it: a heading belongs to the passage it introduces.
func (c *corpus) premergeHeadings(off, parent []int32, cl []cluster) {
	for s, src := range c.srcs {
		for k := 0; k+1 < len(c.story[s]); k++ {
			se := src.Sentences[c.story[s][k]]
			if src.Paragraphs[se.Para].Kind != data.KindSubheading {
				continue
			}
			x, y := off[s]+int32(k), off[s]+int32(k)+1
			if parent[x] != x || cl[x].runs[0].lo != cl[x].runs[0].hi {
				continue // a heading right after a heading: keep the first pair
			}
			parent[x] = y
			cl[y].runs[0].lo = int32(k)
			cl[x] = cluster{}
		}
	}
}

// attachLeftovers gives a second chance to sentences the links left alone:
// a paraphrase may share little with any one version yet much with a row's
// versions together. Each lone sentence is scored against the pooled
// wording of every row that some link (weak or refused) proposes, with a
// bonus when the row sits between the rows of the sentence's neighbours; the
// best row above attachMin takes it, strongest first.
func (c *corpus) attachLeftovers(off, parent []int32, find func(int32) int32, cl []cluster, lists ...[]edge) {
	type prop struct {
		score float32
		x, y  int32 // the lone sentence, the row (roots)
	}
	single := func(id int32) bool {
		r := find(id)
		return len(cl[r].runs) == 1 && cl[r].runs[0].lo == cl[r].runs[0].hi
	}
	type cand struct{ x, y int32 }
	var cands []cand
	for _, es := range lists {
		for _, e := range es {
			a, b := off[e.sa]+e.ka, off[e.sb]+e.kb
			sa, sb := single(a), single(b)
			if sa && !sb {
				cands = append(cands, cand{a, find(b)})
			} else if sb && !sa {
				cands = append(cands, cand{b, find(a)})
			}
		}
	}
	// Sandwiches: where the sentences before and after x sit in rows that
	// are one or two sentences apart in another source, the rows between
	// are candidates too, found without any shared word.
	for s := range c.units {
		for k := 1; k+1 < len(c.units[s]); k++ {
			x := off[s] + int32(k)
			if !single(x) {
				continue
			}
			prev := cl[find(x-1)].runs
			next := cl[find(x+1)].runs
			for _, p := range prev {
				if int(p.src) == s {
					continue
				}
				n, ok := runOf(next, p.src)
				if !ok || n.lo-p.hi-1 < 1 || n.lo-p.hi-1 > 2 {
					continue
				}
				for kk := p.hi + 1; kk < n.lo; kk++ {
					cands = append(cands, cand{x, find(off[p.src] + kk)})
				}
			}
		}
	}
	slices.SortFunc(cands, func(p, q cand) int {
		if p.x != q.x {
			return int(p.x - q.x)
		}
		return int(p.y - q.y)
	})
	cands = slices.Compact(cands)
	var props []prop
	pool := map[int32]float32{}
	var keys []int32
	for _, cd := range cands {
		s, k := c.locate(off, cd.x)
		u := &c.units[s][k]
		if u.role != roleBody {
			continue
		}
		clear(pool)
		keys = keys[:0]
		var n2 float32
		for _, r := range cl[cd.y].runs {
			if int(r.src) == s {
				continue
			}
			for kk := r.lo; kk <= r.hi; kk++ {
				v := &c.units[r.src][kk]
				if v.norm == 0 {
					continue
				}
				for _, t := range v.terms {
					if _, ok := pool[t.id]; !ok {
						keys = append(keys, t.id)
					}
					pool[t.id] += t.w / v.norm
				}
			}
		}
		var dot float32
		for _, id := range keys { // in a fixed order: float sums are not associative
			n2 += pool[id] * pool[id]
		}
		for _, t := range u.terms {
			dot += t.w * pool[t.id]
		}
		if n2 == 0 || u.norm == 0 {
			continue
		}
		score := dot / (u.norm * float32(math.Sqrt(float64(n2))))
		need := attachMin
		switch c.order(off, find, cl, s, k, cd.y) {
		case 2:
			need = sandwichMin
		case 1:
			score += attachOrder
		}
		if score >= need {
			props = append(props, prop{score, cd.x, cd.y})
		}
	}
	slices.SortFunc(props, func(p, q prop) int {
		switch {
		case p.score > q.score:
			return -1
		case p.score < q.score:
			return 1
		}
		if p.x != q.x {
			return int(p.x - q.x)
		}
		return int(p.y - q.y)
	})
	for _, p := range props {
		x, y := find(p.x), find(p.y)
		if x == y || !single(p.x) {
			continue
		}
		merged, ok := mergeRuns(nil, cl[y].runs, cl[x].runs)
		if !ok {
			continue
		}
		parent[x] = y
		cl[y].runs = merged
		cl[y].score += p.score
		cl[y].links++
		cl[x] = cluster{}
	}
}

// locate turns a global unit id back into (source, rank).
func (c *corpus) locate(off []int32, id int32) (int, int) {
	s, _ := slices.BinarySearch(off, id+1)
	s--
	return s, int(id - off[s])
}

// order tells where row y sits, in the sources it shares with the
// neighbours of sentence k of source s: 2 when exactly between the
// neighbours' rows in some source (a sandwich), 1 when between them as far
// as they tell, 0 otherwise.
func (c *corpus) order(off []int32, find func(int32) int32, cl []cluster, s, k int, y int32) int {
	var prev, next []run
	if k > 0 {
		prev = cl[find(off[s]+int32(k-1))].runs
	}
	if k+1 < len(c.units[s]) {
		next = cl[find(off[s]+int32(k+1))].runs
	}
	good, bad, tight := 0, 0, false
	for _, r := range cl[y].runs {
		if int(r.src) == s {
			continue
		}
		p, okp := runOf(prev, r.src)
		n, okn := runOf(next, r.src)
		if !okp && !okn {
			continue
		}
		if (okp && p.hi >= r.lo) || (okn && n.lo <= r.hi) {
			bad++
			continue
		}
		good++
		if okp && okn && n.lo-p.hi-1 <= 2 {
			tight = true
		}
	}
	switch {
	case good == 0 || good < bad:
		return 0
	case tight && bad == 0:
		return 2
	}
	return 1
}

func runOf(runs []run, src int32) (run, bool) {
	for _, r := range runs {
		if r.src == src {
			return r, true
		}
	}
	return run{}, false
}

// attachHeadings puts a subheading that matched nothing into the row of the
// sentence it introduces: headings are short and worded freely, and a view
// reads better with the heading beside its paragraph.
func (c *corpus) attachHeadings(off, parent []int32, find func(int32) int32, cl []cluster) {
	for s, src := range c.srcs {
		for k := 0; k+1 < len(c.story[s]); k++ {
			se := src.Sentences[c.story[s][k]]
			if src.Paragraphs[se.Para].Kind != data.KindSubheading {
				continue
			}
			x := find(off[s] + int32(k))
			if len(cl[x].runs) != 1 || cl[x].runs[0].lo != cl[x].runs[0].hi {
				continue // matched something: keep it
			}
			y := find(off[s] + int32(k) + 1)
			merged, ok := mergeRuns(nil, cl[y].runs, cl[x].runs)
			if !ok {
				continue
			}
			parent[x] = y
			cl[y].runs = merged
			cl[x] = cluster{}
		}
	}
}

// attachHeadingRows moves a row made only of subheadings (headings that
// matched one another but no sentence) into the row of the sentences they
// introduce: the row holding the sentence after most of its headings, when
// the union keeps every source's sentences consecutive.
func (c *corpus) attachHeadingRows(off, parent []int32, find func(int32) int32, cl []cluster) {
	isHeading := func(s int, k int32) bool {
		src := c.srcs[s]
		return src.Paragraphs[src.Sentences[c.story[s][k]].Para].Kind == data.KindSubheading
	}
	for id := range parent {
		x := int32(id)
		if parent[x] != x || len(cl[x].runs) < 2 {
			continue
		}
		only := true
		for _, r := range cl[x].runs {
			for k := r.lo; k <= r.hi && only; k++ {
				only = isHeading(int(r.src), k)
			}
		}
		if !only {
			continue
		}
		// vote: the rows of the sentences right after the headings
		var votes []int32
		for _, r := range cl[x].runs {
			k := r.hi + 1
			if int(k) < len(c.units[r.src]) && !isHeading(int(r.src), k) {
				votes = append(votes, find(off[r.src]+k))
			}
		}
		best, n := int32(-1), 0
		for _, v := range votes {
			m := 0
			for _, w := range votes {
				if w == v {
					m++
				}
			}
			if m > n || (m == n && v < best) {
				best, n = v, m
			}
		}
		if best < 0 || best == x {
			continue
		}
		merged, ok := mergeRuns(nil, cl[best].runs, cl[x].runs)
		if !ok {
			continue
		}
		parent[x] = best
		cl[best].runs = merged
		cl[best].score += cl[x].score
		cl[best].links += cl[x].links
		cl[x] = cluster{}
	}
}

// sortEdges orders links strongest first, ties in the order found (which
// is deterministic: pairs of sources, then sentences, in order). It sorts
// packed integer keys, much faster than a comparison function on a million
// links.
func sortEdges(es []edge) {
	keys := make([]uint64, len(es))
	for i, e := range es {
		// a non-negative float32's bits order like its value; invert them
		// for descending order
		keys[i] = uint64(^math.Float32bits(max(e.score, 0)))<<32 | uint64(i)
	}
	slices.Sort(keys)
	sorted := make([]edge, len(es))
	for i, k := range keys {
		sorted[i] = es[uint32(k)]
	}
	copy(es, sorted)
}
