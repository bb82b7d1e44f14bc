package align

import "sync"

// edge is a scored link between story sentences of two sources.
type edge struct {
	score  float32
	sa, ka int32 // source, story-sentence rank
	sb, kb int32
}

// cand is a scored candidate partner.
type cand struct {
	k     int32
	score float32
}

// pairEdges scores the story sentences of sources a and b against each
// other and returns the links worth keeping: pairs where one is the other's
// best match (both ways for a plain correspondence, one way for a split or
// merge), strong ones above minLink and weak ones above weakLink; weak links
// only propose rows for sentences left alone by the strong ones.
func (c *corpus) pairEdges(a, b int) (strong, weak []edge) {
	ua, ub := c.units[a], c.units[b]
	if len(ua) == 0 || len(ub) == 0 {
		return nil, nil
	}
	s := pairPool.Get().(*pairScratch)
	defer pairPool.Put(s)
	ca, cb := c.candidates(a, b, s)
	// Union the two candidate lists into exact scores per sentence of a,
	// each list cut from one block sized by a first count.
	s.room = grow(s.room, len(ua))
	room := s.room
	total := 0
	for i := range ua {
		room[i] = len(ca[i])
	}
	for j := range ub {
		for _, x := range cb[j] {
			room[x.k]++
		}
	}
	for _, r := range room {
		total += r
	}
	s.block = grow(s.block, 2*total) // the scores, then the context scores
	block := s.block
	s.sc = grow(s.sc, len(ua))
	sc := s.sc
	at := 0
	for i := range ua {
		sc[i] = block[at : at : at+room[i]]
		at += room[i]
		for _, x := range ca[i] {
			sc[i] = addCand(sc[i], x.k)
		}
	}
	for j := range ub {
		for _, x := range cb[j] {
			sc[x.k] = addCand(sc[x.k], int32(j))
		}
	}
	for i := range sc {
		for n := range sc[i] {
			if u, v := &ua[i], &ub[sc[i][n].k]; u.role == v.role && (u.role != roleHeading || headingLinks) {
				sc[i][n].score = cosine(u, v)
			}
		}
	}
	get := func(i, j int) float32 {
		if i < 0 || j < 0 || i >= len(sc) || j >= len(ub) {
			return 0
		}
		for _, x := range sc[i] {
			if int(x.k) == j {
				return x.score
			}
		}
		return 0
	}
	// Context: a pair whose neighbours also match is more likely right.
	s.ctx = grow(s.ctx, len(ua))
	ctx := s.ctx
	free := block[total:]
	for i := range sc {
		ctx[i], free = free[:len(sc[i]):len(sc[i])], free[len(sc[i]):]
		for n, x := range sc[i] {
			j := int(x.k)
			prev, next := get(i-1, j-1), get(i+1, j+1)
			bonus := contextWeight * max(prev, next)
			if x.score < ctxMinRaw {
				// a pair sharing next to nothing needs both neighbours:
				// it fills a gap between two matches
				bonus = contextWeight * min(prev, next)
			}
			if ctxCompete && max(get(i-1, j), get(i+1, j), get(i, j-1), get(i, j+1)) > x.score+competeShare*bonus {
				// a neighbour of one claims the other more strongly
				// than this pair: the neighbours' order speaks for
				// that pair, not this one
				bonus = 0
			}
			ctx[i][n] = cand{x.k, x.score + bonus}
		}
	}
	s.bestA, s.bestB, s.scoreB = grow(s.bestA, len(ua)), grow(s.bestB, len(ub)), grow(s.scoreB, len(ub))
	bestA, bestB, scoreB := s.bestA, s.bestB, s.scoreB
	for j := range bestB {
		bestB[j] = -1
	}
	for i := range ctx {
		bestA[i] = -1
		var bs float32
		for _, x := range ctx[i] {
			if x.score > bs || (x.score == bs && bestA[i] >= 0 && x.k < bestA[i]) {
				bestA[i], bs = x.k, x.score
			}
			if x.score > scoreB[x.k] || (x.score == scoreB[x.k] && bestB[x.k] > int32(i)) {
				bestB[x.k], scoreB[x.k] = int32(i), x.score
			}
		}
	}
	for i := range ctx {
		for _, x := range ctx[i] {
			if x.score < weakLink {
				continue
			}
			fwd, back := bestA[i] == x.k, bestB[x.k] == int32(i)
			if !fwd && !back {
				continue
			}
			e := edge{x.score, int32(a), int32(i), int32(b), x.k}
			if x.score < minLink {
				weak = append(weak, e)
				continue
			}
			if fwd && back {
				e.score += mutualBonus
			}
			strong = append(strong, e)
		}
	}
	return strong, weak
}

// pairScratch holds a pair's working lists; one per worker at a time, kept
// for the next pair (a 50-source comparison scores hundreds of pairs).
type pairScratch struct {
	acc                   []float32
	touched               []int32
	room                  []int
	ca, cb, sc, ctx       [][]cand
	blockA, blockB, block []cand
	bestA, bestB          []int32
	scoreB                []float32
}

var pairPool = sync.Pool{New: func() any { return new(pairScratch) }}

// grow returns x with length n, all zero, reusing its room when it has
// enough.
func grow[T any](x []T, n int) []T {
	if cap(x) < n {
		return make([]T, n)
	}
	x = x[:n]
	clear(x)
	return x
}

func addCand(cs []cand, k int32) []cand {
	for _, x := range cs {
		if x.k == k {
			return cs
		}
	}
	return append(cs, cand{k: k})
}

// candidates proposes, for every story sentence of a, the sentences of b
// sharing the most weight in terms that are rare in b, and for every
// sentence of b the sentences of a, from the same pass over the index.
// The lists live in s until the next pair.
func (c *corpus) candidates(a, b int, s *pairScratch) (ca, cb [][]cand) {
	ua, ub := c.units[a], c.units[b]
	limit := max(minPostingCap, len(ub)/postingShare)
	s.acc = grow(s.acc, len(ub))
	acc := s.acc
	touched := s.touched[:0]
	defer func() { s.touched = touched[:0] }()
	s.ca, s.cb = grow(s.ca, len(ua)), grow(s.cb, len(ub))
	ca, cb = s.ca, s.cb
	// every list holds at most candidatesPer: all cut from two blocks
	s.blockA, s.blockB = grow(s.blockA, len(ua)*candidatesPer), grow(s.blockB, len(ub)*candidatesPer)
	blockA, blockB := s.blockA, s.blockB
	for j := range cb {
		cb[j] = blockB[j*candidatesPer : j*candidatesPer : (j+1)*candidatesPer]
	}
	for i := range ua {
		touched = touched[:0]
		for _, t := range ua[i].terms {
			ps := c.postings(b, t.id)
			if len(ps) > limit {
				continue
			}
			w := t.w * t.w
			for _, j := range ps {
				if acc[j] == 0 {
					touched = append(touched, j)
				}
				acc[j] += w
			}
		}
		if len(touched) == 0 {
			continue
		}
		cs := blockA[i*candidatesPer : i*candidatesPer : (i+1)*candidatesPer]
		for _, j := range touched {
			v := acc[j] / (ua[i].norm * ub[j].norm)
			acc[j] = 0
			cs = keepBest(cs, cand{j, v})
			cb[j] = keepBest(cb[j], cand{int32(i), v})
		}
		ca[i] = cs
	}
	return ca, cb
}

// keepBest inserts x into cs, a list of at most candidatesPer candidates
// sorted best first, dropping the worst when full.
func keepBest(cs []cand, x cand) []cand {
	if len(cs) == candidatesPer && !better(x, cs[len(cs)-1]) {
		return cs
	}
	if len(cs) < candidatesPer {
		cs = append(cs, x)
	} else {
		cs[len(cs)-1] = x
	}
	for n := len(cs) - 1; n > 0 && better(cs[n], cs[n-1]); n-- {
		cs[n], cs[n-1] = cs[n-1], cs[n]
	}
	return cs
}

// better orders candidates: higher score first, then lower index.
func better(x, y cand) bool {
	if x.score != y.score {
		return x.score > y.score
	}
	return x.k < y.k
}

// cosine is the cosine of two sentences' weighted term sets.
func cosine(x, y *unit) float32 {
	if x.norm == 0 || y.norm == 0 {
		return 0
	}
	var dot float32
	i, j := 0, 0
	for i < len(x.terms) && j < len(y.terms) {
		switch {
		case x.terms[i].id < y.terms[j].id:
			i++
		case x.terms[i].id > y.terms[j].id:
			j++
		default:
			dot += x.terms[i].w * y.terms[j].w
			i++
			j++
		}
	}
	return dot / (x.norm * y.norm)
}
