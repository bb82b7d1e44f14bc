package facts

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

var monthNames = map[string]int{
	"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
	"july": 7, "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}

// monthAbbr are abbreviations, read as months only when capitalised and
// followed by a period or a day ("Nov. 12", "Sept 3").
var monthAbbr = map[string]int{
	"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
	"sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}

var monthShort = [...]string{"", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"}
var monthLong = [...]string{"", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

var weekdayNames = map[string]int{
	"monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6, "sunday": 7,
}
var weekdayLong = [...]string{"", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

// timeRel are the words that make a month, weekday, date or year a time
// reference ("since August", "on Tuesday"), mapped to the relation they state.
// Relations of one class describe the same kind of claim.
var timeRel = map[string]string{
	"since": "since", "from": "since",
	"in": "in", "on": "in", "during": "in", "last": "in", "this": "in", "next": "in",
	"early": "in", "late": "in", "mid": "in", "of": "in", "at": "in",
	"until": "until", "till": "until", "through": "until", "by": "until",
	"before": "before", "after": "after",
}

func isCap(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// monthAt reads a month name at token i: full names capitalised, or
// capitalised abbreviations followed by a period. It returns the month and
// the index after it (after the period of an abbreviation).
func monthAt(ts []tok, i int) (int, int) {
	if i >= len(ts) || ts[i].kind != wordTok || !isCap(ts[i].raw) {
		return 0, i
	}
	if m, ok := monthNames[ts[i].norm]; ok {
		return m, i + 1
	}
	if m, ok := monthAbbr[ts[i].norm]; ok {
		if i+1 < len(ts) && ts[i+1].norm == "." && !ts[i+1].sp {
			return m, i + 2
		}
		if i+1 < len(ts) && ts[i+1].kind == numTok {
			return m, i + 1
		}
	}
	return 0, i
}

// dayAt reads a day of the month at token i: "12", "12th".
func dayAt(ts []tok, i int) (int, int) {
	if i >= len(ts) {
		return 0, i
	}
	t := ts[i]
	s := t.norm
	if s == "" || s[0] < '0' || s[0] > '9' {
		return 0, i // a day starts with a digit
	}
	if t.kind == wordTok {
		for _, suf := range []string{"st", "nd", "rd", "th"} {
			if strings.HasSuffix(s, suf) {
				s = strings.TrimSuffix(s, suf)
				break
			}
		}
	} else if t.kind != numTok {
		return 0, i
	}
	if len(s) == 0 || len(s) > 2 || !allDigits(s) {
		return 0, i
	}
	d, _ := strconv.Atoi(s)
	if d < 1 || d > 31 {
		return 0, i
	}
	return d, i + 1
}

// yearAt reads a four-digit year at token i (1000..2199).
func yearAt(ts []tok, i int) (int, int) {
	if i >= len(ts) || ts[i].kind != numTok || len(ts[i].raw) != 4 || !allDigits(ts[i].raw) {
		return 0, i
	}
	y, _ := strconv.Atoi(ts[i].raw)
	if y < 1000 || y > 2199 {
		return 0, i
	}
	return y, i + 1
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// dateAt reads a calendar date, a month or a weekday at token i, in the forms
// "November 12, 2025", "Nov. 12", "12 November 2025", "12th of November",
// "November 2025", "2025-11-12", "12/11/2025", "August", "Tuesday". May and
// March, which are also words, need a day, a year or a time word around them.
func dateAt(ts []tok, i int) (Number, int, bool) {
	var n Number
	if i >= len(ts) {
		return n, i, false
	}
	// weekday
	if ts[i].kind == wordTok && isCap(ts[i].raw) {
		if d, ok := weekdayNames[ts[i].norm]; ok {
			n = Number{Kind: "weekday", Value: float64(d), Display: weekdayLong[d]}
			return n, i + 1, true
		}
	}
	// month first
	if m, j := monthAt(ts, i); m > 0 {
		prevRel := i > 0 && timeRel[ts[i-1].norm] != ""
		if d, k := dayAt(ts, j); d > 0 && (k >= len(ts) || ts[k].kind != wordTok || !countFollows(ts, k)) {
			y := 0
			e := k
			if k+1 < len(ts) && ts[k].norm == "," {
				if yy, k2 := yearAt(ts, k+1); yy > 0 {
					y, e = yy, k2
				}
			} else if yy, k2 := yearAt(ts, k); yy > 0 {
				y, e = yy, k2
			}
			return dateNumber(y, m, d), e, true
		}
		if y, k := yearAt(ts, j); y > 0 {
			return dateNumber(y, m, 0), k, true
		}
		if (m == 5 || m == 3) && !prevRel {
			return n, i, false
		}
		// a capitalised word after a month not led by a time word is likely a name ("April Ryan")
		if !prevRel && j < len(ts) && ts[j].kind == wordTok && isCap(ts[j].raw) && ts[j].sp {
			if _, isM := monthNames[ts[j].norm]; !isM {
				if _, isW := weekdayNames[ts[j].norm]; !isW {
					return n, i, false
				}
			}
		}
		n = Number{Kind: "month", Value: float64(m), Display: monthLong[m]}
		return n, j, true
	}
	// day first: "12 November 2025", "12th of November"
	if d, j := dayAt(ts, i); d > 0 {
		k := j
		if k < len(ts) && ts[k].norm == "of" {
			k++
		}
		if m, k2 := monthAt(ts, k); m > 0 {
			y, e := 0, k2
			if yy, k3 := yearAt(ts, k2); yy > 0 {
				y, e = yy, k3
			}
			return dateNumber(y, m, d), e, true
		}
	}
	// dotted: 18.11.2025 (one token)
	if ts[i].kind == numTok && strings.Count(ts[i].raw, ".") == 2 {
		p := strings.Split(ts[i].raw, ".")
		if len(p[0]) <= 2 && len(p[1]) <= 2 && len(p[2]) == 4 {
			d, m, y := atoi(p[0]), atoi(p[1]), atoi(p[2])
			if validDate(y, m, d) {
				return dateNumber(y, m, d), i + 1, true
			}
		}
	}
	// numeric: 2025-11-12, 12/11/2025, 11/12/25
	if ts[i].kind == numTok && allDigits(ts[i].raw) && i+4 < len(ts) {
		a, sep, b, sep2, c := ts[i], ts[i+1], ts[i+2], ts[i+3], ts[i+4]
		if sep.raw == sep2.raw && (sep.raw == "-" || sep.raw == "/" || sep.raw == ".") &&
			!sep.sp && !b.sp && !sep2.sp && !c.sp &&
			b.kind == numTok && c.kind == numTok && allDigits(b.raw) && allDigits(c.raw) {
			x, _ := strconv.Atoi(a.raw)
			y, _ := strconv.Atoi(b.raw)
			z, _ := strconv.Atoi(c.raw)
			if len(a.raw) == 4 && len(b.raw) <= 2 && len(c.raw) <= 2 && validDate(x, y, z) {
				return dateNumber(x, y, z), i + 5, true
			}
			if len(a.raw) <= 2 && len(b.raw) <= 2 && (len(c.raw) == 4 || len(c.raw) == 2) && sep.raw != "-" {
				if len(c.raw) == 2 {
					z += 2000
					if z > 2069 {
						z -= 100
					}
				}
				// day first unless that is impossible; month first when the first part cannot be a month
				switch {
				case y > 12 && validDate(z, x, y):
					return dateNumber(z, x, y), i + 5, true
				case validDate(z, y, x):
					return dateNumber(z, y, x), i + 5, true
				}
			}
		}
	}
	return n, i, false
}

func validDate(y, m, d int) bool {
	return y >= 1000 && y < 2200 && m >= 1 && m <= 12 && d >= 1 && d <= 31
}

func dateNumber(y, m, d int) Number {
	n := Number{Kind: "date", Value: float64(y*10000 + m*100 + d)}
	switch {
	case d == 0:
		n.Display = fmt.Sprintf("%s %d", monthLong[m], y)
	case y == 0:
		n.Display = fmt.Sprintf("%d %s", d, monthShort[m])
	default:
		n.Display = fmt.Sprintf("%d %s %d", d, monthShort[m], y)
	}
	return n
}

// timeAt reads a time of day at token i: "3:40 a.m.", "03:40", "3.40am",
// "3pm", "3 p.m.". Value is hours×100+minutes on a 24-hour clock.
func timeAt(ts []tok, i int) (Number, int, bool) {
	if i >= len(ts) {
		return Number{}, i, false
	}
	// "around midnight", "shortly after noon"
	if h, j := timeHedgeAt(ts, i); j < len(ts) && (j > i || ts[i].norm == "midnight" || ts[i].norm == "noon" || ts[i].norm == "midday") {
		switch ts[j].norm {
		case "midnight":
			return Number{Kind: "time", Value: 0, Display: strings.TrimSpace(timeHedgeWord[h] + " 00:00"), Hedge: h}, j + 1, true
		case "noon", "midday":
			return Number{Kind: "time", Value: 1200, Display: strings.TrimSpace(timeHedgeWord[h] + " 12:00"), Hedge: h}, j + 1, true
		}
		if j > i {
			if n, k, ok := timeAt(ts, j); ok && n.Hedge == "" {
				n.Hedge = h
				n.Display = timeHedgeWord[h] + " " + n.Display
				return n, k, true
			}
		}
	}
	t := ts[i]
	var h, m int
	var mer string
	j := i + 1
	switch t.kind {
	case wordTok:
		// glued: "3.40am", "3pm", "3:40am"
		s := t.norm
		switch {
		case strings.HasSuffix(s, "am"), strings.HasSuffix(s, "pm"):
			mer = s[len(s)-2:]
			s = s[:len(s)-2]
		default:
			return Number{}, i, false
		}
		var ok bool
		if h, m, ok = clock(s, true); !ok {
			return Number{}, i, false
		}
		// "3.40am." the period belongs to the sentence
	case numTok:
		var ok bool
		hasSep := strings.ContainsAny(t.raw, ":.")
		if h, m, ok = clock(t.raw, false); !ok {
			return Number{}, i, false
		}
		mer, j = meridiem(ts, i+1)
		if mer == "" {
			if !strings.Contains(t.raw, ":") {
				return Number{}, i, false
			}
			// "03:40", "15:30": need two-digit minutes
		} else if !hasSep && h > 12 {
			return Number{}, i, false
		}
	default:
		return Number{}, i, false
	}
	if mer != "" {
		if h < 1 || h > 12 {
			return Number{}, i, false
		}
		if mer == "pm" && h != 12 {
			h += 12
		}
		if mer == "am" && h == 12 {
			h = 0
		}
	}
	return Number{Kind: "time", Value: float64(h*100 + m), Display: fmt.Sprintf("%02d:%02d", h, m)}, j, true
}

// clock reads "3", "3:40", "3.40" (the dotted form only when loose is set or
// a meridiem follows).
func clock(s string, loose bool) (int, int, bool) {
	hs, ms := s, "0"
	if k := strings.IndexAny(s, ":."); k >= 0 {
		hs, ms = s[:k], s[k+1:]
		if len(ms) != 2 {
			return 0, 0, false
		}
	}
	if !allDigits(hs) || !allDigits(ms) || len(hs) > 2 {
		return 0, 0, false
	}
	h, _ := strconv.Atoi(hs)
	m, _ := strconv.Atoi(ms)
	if h > 24 || m > 59 {
		return 0, 0, false
	}
	return h, m, true
}

// meridiem reads "a.m.", "am", "p.m.", "pm", "A.M." at token i.
func meridiem(ts []tok, i int) (string, int) {
	if i >= len(ts) || ts[i].kind != wordTok {
		return "", i
	}
	switch ts[i].norm {
	case "am", "pm":
		return ts[i].norm, i + 1
	case "a", "p":
		if i+2 < len(ts) && ts[i+1].norm == "." && ts[i+2].norm == "m" && !ts[i+1].sp && !ts[i+2].sp {
			e := i + 3
			if e < len(ts) && ts[e].norm == "." && !ts[e].sp {
				e++
			}
			return ts[i].norm + "m", e
		}
	}
	return "", i
}

var timeHedgeWord = map[string]string{"about": "about", "more than": "after", "less than": "before"}

// timeHedgeAt reads a hedge before a time of day: "around", "shortly after",
// "just before".
func timeHedgeAt(ts []tok, i int) (string, int) {
	if i+1 >= len(ts) || ts[i].kind != wordTok {
		return "", i
	}
	switch ts[i].norm {
	case "around", "about", "approximately", "roughly":
		return "about", i + 1
	case "shortly", "just", "soon":
		switch ts[i+1].norm {
		case "after":
			return "more than", i + 2
		case "before":
			return "less than", i + 2
		}
	case "after":
		if ts[i+1].norm == "midnight" || ts[i+1].norm == "noon" {
			return "more than", i + 1
		}
	case "before", "until":
		if ts[i+1].norm == "midnight" || ts[i+1].norm == "noon" {
			return "less than", i + 1
		}
	}
	return "", i
}
