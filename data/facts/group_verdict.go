package facts

import (
	"math"
	"strconv"
)

// claim is what a mention asserts about its value: an interval in the base
// unit of its kind, widened by the rounding its wording allows.
type claim struct {
	kind   string
	lo, hi float64 // bounds; ±Inf for open-ended hedges
	tol    float64 // rounding radius
	hedge  string  // hedge class: "", "at least", "at most", "about", "nearly", "vague"
	date   [3]int  // year, month, day of a date (0 = not stated)
	fig    float64 // the figure as stated, in base units
}

// claimOf turns a mention into the claim it makes: "at least 75" is [75, ∞),
// "nearly 70" is [59.5, 70], "about 70" is [63, 77], "10 to 12" is [10, 12].
func claimOf(n Number) claim {
	v, vh := n.Base, n.BaseHi
	if vh < v {
		vh = v
	}
	c := claim{kind: n.Kind, lo: v, hi: vh, tol: n.tol, hedge: n.Hedge, fig: v}
	if c.tol == 0 {
		c.tol = 0.5
	}
	switch n.Hedge {
	case "at least", "more than":
		c.hi, c.hedge = math.Inf(1), "at least"
	case "at most", "less than":
		c.lo, c.hedge = math.Inf(-1), "at most"
	case "nearly":
		c.lo = v - 0.15*math.Abs(v)
	case "about":
		c.lo, c.hi = v-0.1*math.Abs(v), vh+0.1*math.Abs(vh)
	}
	if n.Kind == "date" {
		x := int(n.Value)
		c.date = [3]int{x / 10000, x / 100 % 100, x % 100}
	}
	return c
}

// point is the figure a claim names: the bound of "at least 75", the
// centre of "about 70".
func (c claim) point() float64 {
	switch {
	case math.IsInf(c.hi, 1):
		return c.lo
	case math.IsInf(c.lo, -1):
		return c.hi
	}
	return c.fig
}

// key identifies a claim for the majority vote.
func (c claim) key() string {
	f := func(x float64) string { return strconv.FormatFloat(x, 'g', 10, 64) }
	return c.hedge + "|" + f(c.lo) + "|" + f(c.hi)
}

// compare says how two claims relate: Agree when they state the same value
// with the same hedge ("at least 75" and "75+", "two days" and "48 hours"),
// Compatible when both can be true ("at least 75" and "76"), Disagree when
// they cannot ("nearly 70" and "at least 75", "since August" and "since
// September").
func compare(a, b claim) Verdict {
	if a.kind == "date" && b.kind == "date" {
		return compareDates(a.date, b.date)
	}
	if a.hedge == b.hedge && near(a.lo, b.lo) && near(a.hi, b.hi) {
		return Agree
	}
	if a.kind == "time" && (a.hedge != "" || b.hedge != "") {
		// "shortly after midnight" and "around 11:50 p.m." are too loose
		// on a clock that wraps to contradict each other
		return Compatible
	}
	lo := math.Max(a.lo, b.lo)
	hi := math.Min(a.hi, b.hi)
	overlap := lo-hi < a.tol+b.tol
	switch {
	case a.hedge == "vague" || b.hedge == "vague":
		// "dozens" is too loose to contradict anything
		return Compatible
	case a.hedge == b.hedge && a.hedge != "":
		// two bounds or estimates of one quantity that name different
		// figures ("at least 1,020" and "at least 980") disagree, unless
		// rounding explains the difference
		if math.Abs(a.point()-b.point()) < a.tol+b.tol {
			return Compatible
		}
		return Disagree
	case overlap:
		return Compatible
	}
	return Disagree
}

func near(x, y float64) bool {
	if math.IsInf(x, 0) || math.IsInf(y, 0) {
		return x == y
	}
	return math.Abs(x-y) <= 1e-9*math.Max(1, math.Max(math.Abs(x), math.Abs(y)))
}

// compareDates compares year, month and day, ignoring parts one side does
// not state ("Nov. 12" and "12 November 2025" agree as far as they go).
func compareDates(a, b [3]int) Verdict {
	partial := false
	for i := 0; i < 3; i++ {
		if a[i] == 0 || b[i] == 0 {
			if a[i] != b[i] {
				partial = true
			}
			continue
		}
		if a[i] != b[i] {
			return Disagree
		}
	}
	if partial {
		return Compatible
	}
	return Agree
}
