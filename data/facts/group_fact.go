package facts

import (
	"math"
	"slices"
	"sort"
	"strings"
)

// makeFact turns a group of mentions into a fact: verdict, majority value,
// outliers, label and rows.
func makeFact(g []*mention, w idf) NumberFact {
	sort.Slice(g, func(i, j int) bool {
		if g[i].Source != g[j].Source {
			return g[i].Source < g[j].Source
		}
		return g[i].Start < g[j].Start
	})
	f := NumberFact{Verdict: verdictOf(g)}
	inFactUnit(g)
	// majority: each source votes once for each claim it makes
	type vote struct {
		key     string
		c       claim
		display string
		srcs    map[int]bool
		n       int
		first   int
	}
	var votes []*vote
	byKey := map[string]*vote{}
	for i, m := range g {
		k := m.claim.key()
		v := byKey[k]
		if v == nil {
			v = &vote{key: k, c: m.claim, display: m.Display, srcs: map[int]bool{}, first: i}
			byKey[k] = v
			votes = append(votes, v)
		}
		v.srcs[m.Source] = true
		v.n++
	}
	sort.SliceStable(votes, func(i, j int) bool {
		if len(votes[i].srcs) != len(votes[j].srcs) {
			return len(votes[i].srcs) > len(votes[j].srcs)
		}
		if votes[i].n != votes[j].n {
			return votes[i].n > votes[j].n
		}
		return votes[i].first < votes[j].first
	})
	maj := votes[0]
	f.Majority = maj.display
	rows := map[int]bool{}
	for _, m := range g {
		n := m.Number
		rel := compare(m.claim, maj.c)
		n.Outlier = rel != Agree
		n.Conflict = rel == Disagree && f.Verdict == Disagree
		f.Mentions = append(f.Mentions, n)
		if n.Row >= 0 {
			rows[n.Row] = true
		}
	}
	for r := range rows {
		f.Rows = append(f.Rows, r)
	}
	sort.Ints(f.Rows)
	f.Label = label(g, w)
	return f
}

// verdictOf compares every pair of mentions: every pair of their distinct
// claims (compare is symmetric, and a claim agrees with itself).
func verdictOf(g []*mention) Verdict {
	srcs := map[int]bool{}
	var cs []claim
	for _, m := range g {
		srcs[m.Source] = true
		if !slices.Contains(cs, m.claim) {
			cs = append(cs, m.claim)
		}
	}
	worst := Agree
	for i, a := range cs {
		for _, b := range cs[i+1:] {
			switch compare(a, b) {
			case Disagree:
				worst = Disagree
			case Compatible:
				if worst == Agree {
					worst = Compatible
				}
			}
		}
	}
	if len(srcs) < 2 && worst != Disagree {
		return Single
	}
	return worst
}

var relWords = map[string]string{"since": "since", "in": "in", "until": "until", "before": "before", "after": "after"}

// label names what a fact counts, for people: "people killed", "warships
// deployed", "month (since …)", "money (USD)".
func label(g []*mention, w idf) string {
	m0 := g[0]
	switch m0.Kind {
	case "count", "ordinal":
		noun := mostCommon(g, func(m *mention) string { return m.Noun })
		if noun == "" {
			noun = m0.Unit
		}
		if m0.Kind == "ordinal" && noun != "" {
			noun = "ordinal " + noun
		}
		verb := mostCommon(g, func(m *mention) string { return m.verb })
		if noun == "" {
			noun = "number"
		}
		if p, ok := personWords[noun]; ok {
			noun, verb = "people", p
		}
		if verb != "" && verb != noun {
			return noun + " " + verb
		}
		return noun
	case "month", "weekday", "date", "year", "time":
		rel := mostCommon(g, func(m *mention) string { return m.Rel })
		l := m0.Kind
		if r := relWords[rel]; r != "" && r != "in" {
			l += " (" + r + " …)"
		}
		if t := topWord(g, w); t != "" {
			l += ": " + t
		}
		return l
	case "money":
		return "money (" + m0.Unit + ")"
	case "percent":
		if t := topWord(g, w); t != "" {
			return "percentage: " + t
		}
		return "percentage"
	}
	l := m0.Kind
	if t := topWord(g, w); t != "" {
		l += ": " + t
	}
	return l
}

func mostCommon(g []*mention, f func(*mention) string) string {
	count := map[string]int{}
	best, bn := "", 0
	for _, m := range g {
		s := f(m)
		if s == "" {
			continue
		}
		count[s]++
		if count[s] > bn {
			best, bn = s, count[s]
		}
	}
	return best
}

// topWord is the context word the fact's mentions share most, weighted by
// its rarity; "" when they share none worth naming.
func topWord(g []*mention, w idf) string {
	score := map[string]float64{}
	surf := map[string]string{}
	for _, m := range g {
		for _, c := range m.ctx {
			if c.wt > 1 { // near the mention
				score[c.stem] += w.w[c.stem]
				if _, ok := surf[c.stem]; !ok {
					surf[c.stem] = c.surf
				}
			}
		}
	}
	best, bs := "", 0.0
	for s, v := range score {
		if len(g) > 1 && v < 2*w.w[s] {
			continue // named by one mention only
		}
		if v > bs || v == bs && s < best {
			best, bs = s, v
		}
	}
	if math.IsNaN(bs) || len(best) < 3 {
		return ""
	}
	return strings.TrimSpace(surf[best])
}

// sortFacts orders facts by their first row, then by source and position.
func sortFacts(fs []NumberFact) {
	key := func(f NumberFact) (int, int, int) {
		r := math.MaxInt32
		if len(f.Rows) > 0 {
			r = f.Rows[0]
		}
		m := f.Mentions[0]
		return r, m.Source, m.Start
	}
	sort.SliceStable(fs, func(i, j int) bool {
		ri, si, pi := key(fs[i])
		rj, sj, pj := key(fs[j])
		if ri != rj {
			return ri < rj
		}
		if si != sj {
			return si < sj
		}
		return pi < pj
	})
}

// inFactUnit restates the values of a fact's measured mentions in one unit,
// so that "two days" next to "48 hours" reads 48 (hours) and "18 cm" next to
// "180 mm" reads 180 (mm): the smallest unit its mentions use, and for
// lengths of a metre or more, metres.
func inFactUnit(g []*mention) {
	kind := g[0].Kind
	switch kind {
	case "length", "mass", "volume", "area", "speed", "duration", "age":
	default:
		return
	}
	ref, scale := "", 0.0
	for _, m := range g {
		u, ok := unitScale(m.Unit)
		if !ok || m.Kind != kind {
			return
		}
		if scale == 0 || u < scale {
			ref, scale = m.Unit, u
		}
	}
	if kind == "length" && scale > 1 {
		ref, scale = "m", 1
	}
	for _, m := range g {
		if m.Unit == ref {
			continue
		}
		m.Value, m.Hi, m.Unit = m.Base/scale, m.BaseHi/scale, ref
	}
}

// unitScale is the size of a normalised unit name in its kind's base unit.
func unitScale(unit string) (float64, bool) {
	for _, u := range units {
		if u.unit == unit {
			return u.scale, true
		}
	}
	switch unit {
	case "nmi":
		return 1852, true
	case "km/h":
		return 1, true
	}
	return 0, false
}
