package align

import (
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
func (c *corpus) groups(edges []edge) []cluster {
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
			// they are two corresponding passages, not a split.
			ok = !strictSplits
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
	c.attachHeadings(off, parent, find, cl)
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

func sortEdges(es []edge) {
	slices.SortFunc(es, func(x, y edge) int {
		switch {
		case x.score > y.score:
			return -1
		case x.score < y.score:
			return 1
		}
		for _, d := range [...]int32{x.sa - y.sa, x.ka - y.ka, x.sb - y.sb, x.kb - y.kb} {
			if d != 0 {
				return int(d)
			}
		}
		return 0
	})
}
