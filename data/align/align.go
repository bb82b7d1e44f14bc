package align

import (
	"math"
	"parallax/data/internal/par"
	"slices"

	"parallax/data"
)

// Cell is one source's part of a row: indices into that source's Sentences,
// in reading order. An empty cell means the source has nothing for the row.
type Cell struct {
	Sentences []int
}

// Row is a set of corresponding sentences, one cell per source (in the order
// of the sources given to Align).
type Row struct {
	Cells   []Cell
	Passage int     // index into Result.Passages
	Score   float32 // mean score (0..1) of the links that built the row; 0 for a row with one cell
}

// Filled returns how many cells of the row hold sentences.
func (r *Row) Filled() int {
	n := 0
	for _, c := range r.Cells {
		if len(c.Sentences) > 0 {
			n++
		}
	}
	return n
}

// Passage groups consecutive rows; it follows one paragraph of the base
// (BasePara), or gathers rows the base lacks (BasePara -1).
type Passage struct {
	BasePara int
	First, N int // rows First .. First+N-1
}

// Result is the alignment of all sources.
type Result struct {
	Rows     []Row
	Passages []Passage
}

// Aligner holds the base-independent part of an alignment: which story
// sentences of which sources correspond. Choosing a base only orders the
// rows, so a view can switch bases without matching again.
type Aligner struct {
	c        *corpus
	clusters []cluster
	of       [][]int32 // of[s][k]: cluster of story sentence k of source s
	strength []float64 // per source: sum of the scores of its links kept in rows
}

// New matches the story sentences of all sources. It runs the per-pair
// scoring on every core.
func New(srcs []*data.Source) *Aligner {
	c := newCorpus(srcs)
	pairs := c.pairs()
	found := make([][]edge, len(pairs))
	faint := make([][]edge, len(pairs))
	par.Each(len(pairs), func(p int) {
		found[p], faint[p] = c.pairEdges(pairs[p].a, pairs[p].b)
	})
	edges, weak := concat(found), concat(faint)
	al := &Aligner{c: c}
	al.clusters = c.groups(edges, weak)
	al.of = make([][]int32, len(srcs))
	for s := range srcs {
		al.of[s] = make([]int32, len(c.units[s]))
	}
	for ci, cl := range al.clusters {
		for _, r := range cl.runs {
			for k := r.lo; k <= r.hi; k++ {
				al.of[r.src][k] = int32(ci)
			}
		}
	}
	al.strength = make([]float64, len(srcs))
	for _, e := range edges {
		if al.of[e.sa][e.ka] == al.of[e.sb][e.kb] {
			al.strength[e.sa] += float64(e.score)
			al.strength[e.sb] += float64(e.score)
		}
	}
	return al
}

type pair struct{ a, b int }

// pairs lists the pairs of sources to match: all of them up to
// maxPartners+1 sources; beyond, each source with its maxPartners most
// similar sources (by the cosine of their whole term profiles), so that the
// cost grows with the total number of words rather than with the square of
// the number of sources. Rows still join sources that were not matched
// directly, through the ones in between.
func (c *corpus) pairs() []pair {
	n := len(c.units)
	var out []pair
	if n-1 <= maxPartners {
		for a := 0; a < n; a++ {
			for b := a + 1; b < n; b++ {
				out = append(out, pair{a, b})
			}
		}
		return out
	}
	// term profile per source: the weights of the terms of its sentences
	prof := make([][]term, n)
	dense := make([][]float32, n)
	norms := make([]float32, n)
	par.Each(n, func(s int) {
		d := make([]float32, c.nterm)
		var ids []int32
		for _, u := range c.units[s] {
			for _, t := range u.terms {
				if d[t.id] == 0 {
					ids = append(ids, t.id)
				}
				d[t.id] += t.w
			}
		}
		slices.Sort(ids)
		var n2 float32
		ts := make([]term, len(ids))
		for i, id := range ids {
			ts[i] = term{id, d[id]}
			n2 += d[id] * d[id]
		}
		prof[s], dense[s], norms[s] = ts, d, float32(math.Sqrt(float64(n2)))
	})
	sim := make([][]float32, n)
	par.Each(n, func(a int) {
		sim[a] = make([]float32, n)
		for b := 0; b < n; b++ {
			if b == a || norms[a] == 0 || norms[b] == 0 {
				continue
			}
			var dot float32
			for _, t := range prof[a] {
				dot += t.w * dense[b][t.id]
			}
			sim[a][b] = dot / (norms[a] * norms[b])
		}
	})
	chosen := map[pair]bool{}
	others := make([]int, 0, n-1)
	for a := 0; a < n; a++ {
		others = others[:0]
		for b := 0; b < n; b++ {
			if b != a {
				others = append(others, b)
			}
		}
		slices.SortStableFunc(others, func(x, y int) int {
			switch {
			case sim[a][x] > sim[a][y]:
				return -1
			case sim[a][x] < sim[a][y]:
				return 1
			}
			return 0
		})
		for _, b := range others[:maxPartners] {
			chosen[pair{min(a, b), max(a, b)}] = true
		}
	}
	for p := range chosen {
		out = append(out, p)
	}
	slices.SortFunc(out, func(x, y pair) int {
		if x.a != y.a {
			return x.a - y.a
		}
		return x.b - y.b
	})
	return out
}

func concat(parts [][]edge) []edge {
	n := 0
	for _, es := range parts {
		n += len(es)
	}
	out := make([]edge, 0, n)
	for _, es := range parts {
		out = append(out, es...)
	}
	return out
}

// Base returns the index of the source most similar to all the others: the
// one whose sentences carry the most link weight in the rows, ties broken by
// the lower index.
func (al *Aligner) Base() int {
	best := 0
	for s, v := range al.strength {
		if v > al.strength[best] {
			best = s
		}
	}
	return best
}

// ChooseBase returns the index of the source most similar to all the others.
func ChooseBase(srcs []*data.Source) int {
	if len(srcs) < 2 {
		return 0
	}
	return New(srcs).Base()
}

// Align puts every story sentence of every source into exactly one row,
// ordered by the base's reading order.
func Align(srcs []*data.Source, base int) Result {
	if len(srcs) == 0 {
		return Result{}
	}
	return New(srcs).Align(base)
}

// Align orders the rows by the base's reading order and groups them into
// passages. A base out of range means the chosen default.
func (al *Aligner) Align(base int) Result {
	c := al.c
	ns := len(c.srcs)
	if ns == 0 {
		return Result{}
	}
	if base < 0 || base >= ns {
		base = al.Base()
	}
	// Sort key of each cluster: rows holding base sentences by the first of
	// them; other rows right after the base row that precedes them most
	// closely in some source.
	type key struct {
		anchor, extra, dist, src, k int32
	}
	keys := make([]key, len(al.clusters))
	baseLo := make([]int32, len(al.clusters))
	for ci, cl := range al.clusters {
		baseLo[ci] = -1
		for _, r := range cl.runs {
			if int(r.src) == base {
				baseLo[ci] = r.lo
			}
		}
		keys[ci] = key{anchor: baseLo[ci], src: -1}
	}
	for s := range c.units {
		if s == base {
			continue
		}
		anchor, at := int32(-1), int32(-1)
		for k := range c.units[s] {
			ci := al.of[s][k]
			if baseLo[ci] >= 0 {
				anchor, at = baseLo[ci], int32(k)
				continue
			}
			kk := key{anchor, 1, int32(k) - at, int32(s), int32(k)}
			if keys[ci].src < 0 || less(kk.dist, kk.src, kk.k, keys[ci].dist, keys[ci].src, keys[ci].k) {
				keys[ci] = kk
			}
		}
	}
	order := make([]int, len(al.clusters))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(x, y int) int {
		a, b := keys[x], keys[y]
		for _, d := range [...]int32{a.anchor - b.anchor, a.extra - b.extra, a.dist - b.dist, a.src - b.src, a.k - b.k} {
			if d != 0 {
				return int(d)
			}
		}
		return x - y
	})
	res := Result{Rows: make([]Row, len(order))}
	for ri, ci := range order {
		cl := al.clusters[ci]
		row := Row{Cells: make([]Cell, ns)}
		for _, r := range cl.runs {
			sents := make([]int, 0, r.hi-r.lo+1)
			for k := r.lo; k <= r.hi; k++ {
				sents = append(sents, c.story[r.src][k])
			}
			row.Cells[r.src].Sentences = sents
		}
		if cl.links > 0 {
			row.Score = cl.score / float32(cl.links)
		}
		res.Rows[ri] = row
	}
	res.Passages = passages(c.srcs, res.Rows, base)
	for pi, p := range res.Passages {
		for r := p.First; r < p.First+p.N; r++ {
			res.Rows[r].Passage = pi
		}
	}
	return res
}

func less(d1, s1, k1, d2, s2, k2 int32) bool {
	if d1 != d2 {
		return d1 < d2
	}
	if s1 != s2 {
		return s1 < s2
	}
	return k1 < k2
}

// passages groups consecutive rows by the base paragraph of their base
// sentences. A row the base lacks joins the passage before it when some
// source continues the same paragraph from the row before; otherwise it
// opens a passage of its own (BasePara -1).
func passages(srcs []*data.Source, rows []Row, base int) []Passage {
	var ps []Passage
	for ri := range rows {
		cells := rows[ri].Cells
		para := -1
		if b := cells[base].Sentences; len(b) > 0 {
			para = srcs[base].Sentences[b[0]].Para
		}
		cont := false
		if n := len(ps); n > 0 {
			if para >= 0 {
				cont = ps[n-1].BasePara == para
			} else {
				cont = continues(srcs, rows[ri-1].Cells, cells)
			}
		}
		if cont {
			ps[len(ps)-1].N++
			continue
		}
		ps = append(ps, Passage{BasePara: para, First: ri, N: 1})
	}
	return ps
}

// continues reports whether some source has content in both rows, with the
// second row's first sentence in the paragraph of the first row's last.
func continues(srcs []*data.Source, prev, cur []Cell) bool {
	for s := range cur {
		p, c := prev[s].Sentences, cur[s].Sentences
		if len(p) == 0 || len(c) == 0 {
			continue
		}
		if srcs[s].Sentences[p[len(p)-1]].Para == srcs[s].Sentences[c[0]].Para {
			return true
		}
	}
	return false
}
