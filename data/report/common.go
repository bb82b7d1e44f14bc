package report

import (
	"fmt"
	"io"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"

	"parallax/data"
	"parallax/data/align"
	"parallax/data/diff"
	"parallax/data/engine"
	"parallax/data/facts"
)

// Note is a person's verdict and note on a fact or a row, as recorded in a
// saved comparison (see package data/workspace). The writers show it beside
// the fact or row it belongs to.
type Note struct {
	Status string // StatusChecked, StatusDisputed, StatusError or ""
	Source string // for StatusError: the ID of the source in error
	Text   string // free text
}

// Note statuses.
const (
	StatusChecked  = "checked"
	StatusDisputed = "disputed"
	StatusError    = "error"
)

// String renders the note on one line: "error in b: wrong date".
func (n Note) String() string {
	st := n.Status
	if st == StatusError && n.Source != "" {
		st = "error in " + n.Source
	}
	txt := strings.Join(strings.Fields(n.Text), " ")
	switch {
	case st == "":
		return txt
	case txt == "":
		return st
	}
	return st + ": " + txt
}

// Notes holds the notes of one comparison, keyed by index into
// Comparison.Facts.Numbers, Comparison.Facts.Quotes and Comparison.Rows.
type Notes struct {
	Numbers map[int]Note
	Quotes  map[int]Note
	Rows    map[int]Note
}

// Options adds what the comparison itself does not hold.
type Options struct {
	Notes Notes
	// Dates holds, by source ID, when each source was loaded; shown in the
	// list of sources when set.
	Dates map[string]time.Time
	// Color lets Text mark changes with ANSI colours as well as markers.
	Color bool
}

// Writer returns the writer for a format ("json", "text", "html", "md",
// "csv") with the options bound, or nil for an unknown format.
func Writer(format string, opt Options) func(io.Writer, *engine.Comparison) error {
	switch format {
	case "json":
		return func(w io.Writer, c *engine.Comparison) error { return JSONWith(w, c, opt) }
	case "text":
		return func(w io.Writer, c *engine.Comparison) error { return TextWith(w, c, opt) }
	case "html":
		return func(w io.Writer, c *engine.Comparison) error { return HTMLWith(w, c, opt) }
	case "md":
		return func(w io.Writer, c *engine.Comparison) error { return MarkdownWith(w, c, opt) }
	case "csv":
		return func(w io.Writer, c *engine.Comparison) error { return CSVWith(w, c, opt) }
	}
	return nil
}

// segment is a run of a cell's text as shown: its diff operation against the
// base and whether it is part of a number mention to emphasise.
type segment struct {
	Text string
	Op   diff.Op
	Mark mark
}

type mark uint8

const (
	markNone     mark = iota
	markQuote         // a quotation worded differently from the reference
	markCompat        // a number of a fact whose sources are compatible
	markConflict      // a number of a fact whose sources disagree
	markOutlier       // ... and this source's value differs from the majority
)

// span is a byte range in a source's Text with its mark.
type span struct {
	start, end int
	mark       mark
}

// view precomputes what the writers share.
type view struct {
	c     *engine.Comparison
	opt   Options
	spans [][]span // by source: number mentions to emphasise, by start
}

func newView(c *engine.Comparison, opt Options) *view {
	v := &view{c: c, opt: opt, spans: make([][]span, len(c.Sources))}
	for _, f := range c.Facts.Numbers {
		var m mark
		switch f.Verdict {
		case facts.Disagree:
			m = markConflict
		case facts.Compatible:
			m = markCompat
		default:
			continue
		}
		for _, n := range f.Mentions {
			if n.Source < 0 || n.Source >= len(c.Sources) || n.Start >= n.End {
				continue
			}
			mm := m
			if n.Outlier && m == markConflict {
				mm = markOutlier
			}
			v.spans[n.Source] = append(v.spans[n.Source], span{n.Start, n.End, mm})
		}
	}
	for _, q := range c.Facts.Quotes {
		if q.Verdict != facts.Disagree {
			continue
		}
		for _, m := range q.Mentions {
			if m.Source < 0 || m.Source >= len(c.Sources) || m.Start >= m.End || !quoteDiffers(m.Class) {
				continue
			}
			v.spans[m.Source] = append(v.spans[m.Source], span{m.Start, m.End, markQuote})
		}
	}
	for i := range v.spans {
		sort.SliceStable(v.spans[i], func(a, b int) bool { return v.spans[i][a].start < v.spans[i][b].start })
	}
	return v
}

func (v *view) hasBase() bool { return v.c.Base >= 0 && v.c.Base < len(v.c.Sources) }

func (v *view) baseID() string {
	if !v.hasBase() {
		return ""
	}
	return v.c.Sources[v.c.Base].ID
}

// cell returns the cell of source si in row ri, or an empty one.
func (v *view) cell(ri, si int) align.Cell {
	r := v.c.Rows[ri]
	if si < len(r.Cells) {
		return r.Cells[si]
	}
	return align.Cell{}
}

// validCell reports whether every sentence index of the cell is in range.
func validCell(s *data.Source, cell align.Cell) bool {
	for _, i := range cell.Sentences {
		if i < 0 || i >= len(s.Sentences) {
			return false
		}
		se := s.Sentences[i]
		if se.Start < 0 || se.End > len(s.Text) || se.Start > se.End {
			return false
		}
	}
	return true
}

// cellText is engine.CellText, tolerant of bad indices.
func (v *view) cellText(ri, si int) string {
	s := v.c.Sources[si]
	cell := v.cell(ri, si)
	if !validCell(s, cell) {
		return ""
	}
	return engine.CellText(s, cell)
}

// filled reports the sources with content in row ri.
func (v *view) filled(ri int) []int {
	var out []int
	for si := range v.c.Sources {
		if len(v.cell(ri, si).Sentences) > 0 {
			out = append(out, si)
		}
	}
	return out
}

// edits returns the word diff of source si's cell in row ri against the
// base's, or nil when there is none to show (the base itself, an empty
// cell, a row the base has no part in, or a diff that does not rebuild the
// cell's text).
func (v *view) edits(ri, si int, text string) []diff.Edit {
	c := v.c
	if !v.hasBase() || si == c.Base || ri >= len(c.Diffs) || si >= len(c.Diffs[ri]) {
		return nil
	}
	if len(v.cell(ri, c.Base).Sentences) == 0 {
		return nil
	}
	es := c.Diffs[ri][si]
	var b strings.Builder
	for _, e := range es {
		if e.Op != diff.Delete {
			b.WriteString(e.Text)
		}
	}
	if b.String() != text {
		return nil
	}
	return coalesce(es)
}

// coalesce joins a run of changes, with the spaces between them, into one
// deletion followed by one insertion, as git's word diff shows them:
// "[-Bridge collapse-]{+Twelve killed+}" rather than word by word.
func coalesce(es []diff.Edit) []diff.Edit {
	var out []diff.Edit
	for i := 0; i < len(es); {
		if es[i].Op == diff.Equal {
			out = append(out, es[i])
			i++
			continue
		}
		// a run of changes: extend over blank equal edits followed by more changes
		j := i
		end := i
		for j < len(es) {
			if es[j].Op != diff.Equal {
				j++
				end = j
				continue
			}
			if strings.TrimSpace(es[j].Text) == "" && j+1 < len(es) && es[j+1].Op != diff.Equal {
				j++
				continue
			}
			break
		}
		hasDel, hasIns := false, false
		for _, e := range es[i:end] {
			hasDel = hasDel || e.Op == diff.Delete
			hasIns = hasIns || e.Op == diff.Insert
		}
		if !hasDel || !hasIns {
			// one-sided: keep the spaces as they are, join the changes next to each other
			end = i
			for end < len(es) && es[end].Op != diff.Equal {
				end++
			}
		}
		var del, ins strings.Builder
		for _, e := range es[i:end] {
			switch e.Op {
			case diff.Delete:
				del.WriteString(e.Text)
			case diff.Insert:
				ins.WriteString(e.Text)
			default:
				del.WriteString(e.Text)
				ins.WriteString(e.Text)
			}
		}
		if del.Len() > 0 {
			out = append(out, diff.Edit{Op: diff.Delete, Text: del.String()})
		}
		if ins.Len() > 0 {
			out = append(out, diff.Edit{Op: diff.Insert, Text: ins.String()})
		}
		i = end
	}
	return out
}

// segments returns source si's cell in row ri as shown: its words against
// the base's, with number mentions marked when marks is set.
func (v *view) segments(ri, si int, marks bool) []segment {
	text := v.cellText(ri, si)
	if text == "" {
		return nil
	}
	// the marks in cell coordinates
	var ms []span
	if marks {
		s := v.c.Sources[si]
		at := 0
		for k, i := range v.cell(ri, si).Sentences {
			if k > 0 {
				at++ // the joining space
			}
			se := s.Sentences[i]
			for _, sp := range v.spans[si] {
				a, b := max(sp.start, se.Start), min(sp.end, se.End)
				if a < b {
					ms = append(ms, span{at + a - se.Start, at + b - se.Start, sp.mark})
				}
			}
			at += se.End - se.Start
		}
	}
	es := v.edits(ri, si, text)
	if es == nil {
		es = []diff.Edit{{Op: diff.Equal, Text: text}}
	}
	var out []segment
	at := 0 // offset in text
	for _, e := range es {
		if e.Text == "" {
			continue
		}
		if e.Op == diff.Delete {
			out = append(out, segment{Text: e.Text, Op: e.Op})
			continue
		}
		end := at + len(e.Text)
		for at < end {
			m, next := markAt(ms, at, end)
			out = append(out, segment{Text: text[at:next], Op: e.Op, Mark: m})
			at = next
		}
	}
	return out
}

// markAt returns the strongest mark at offset at and where the marks next
// change (at most end).
func markAt(ms []span, at, end int) (mark, int) {
	next, mk := end, markNone
	for _, m := range ms {
		if m.start <= at && at < m.end {
			mk = max(mk, m.mark)
			next = min(next, m.end)
		} else if m.start > at && m.start < next {
			next = m.start
		}
	}
	return mk, next
}

// quoteDiffers reports whether a quotation's class against the reference
// wording is a difference worth marking.
func quoteDiffers(class string) bool {
	return class != "" && class != "verbatim" && class != "trimmed"
}

// sourceName is "ID" or "ID (name)" when they differ.
func (v *view) file(si int) string {
	s := v.c.Sources[si]
	if s.Path != "" {
		return filepath.Base(s.Path)
	}
	return s.Name
}

func (v *view) date(si int) string {
	if v.opt.Dates == nil {
		return ""
	}
	t, ok := v.opt.Dates[v.c.Sources[si].ID]
	if !ok || t.IsZero() {
		return ""
	}
	return t.UTC().Format("2006-01-02 15:04 UTC")
}

func (v *view) srcID(si int) string {
	if si < 0 || si >= len(v.c.Sources) {
		return "?"
	}
	return v.c.Sources[si].ID
}

func (v *view) srcName(si int) string {
	if si < 0 || si >= len(v.c.Sources) {
		return ""
	}
	return v.c.Sources[si].Name
}

// numberLabel is the fact's label, or a fallback for an unlabelled one.
func numberLabel(f facts.NumberFact) string {
	if l := strings.TrimSpace(f.Label); l != "" {
		return l
	}
	for _, m := range f.Mentions {
		if m.Unit != "" {
			return m.Unit
		}
	}
	return "number"
}

// quoteLabel names a quotation: its speaker and first words.
func quoteLabel(q facts.QuoteFact) string {
	sp := strings.TrimSpace(q.Speaker)
	if sp == "" {
		sp = "unknown speaker"
	}
	first := ""
	for _, m := range q.Mentions {
		if m.Class == "" || first == "" {
			first = m.Text
			if m.Class == "" {
				break
			}
		}
	}
	return sp + ": \u201c" + shorten(first, 6) + "\u201d"
}

// shorten keeps the first n words of s, with an ellipsis when cut.
func shorten(s string, n int) string {
	f := strings.Fields(s)
	if len(f) <= n {
		return strings.Join(f, " ")
	}
	return strings.Join(f[:n], " ") + "\u2026"
}

func display(m facts.Number) string {
	if d := strings.TrimSpace(m.Display); d != "" {
		return d
	}
	return strings.Join(strings.Fields(m.Text), " ")
}

func formatValue(m facts.Number) string {
	v := strconv.FormatFloat(m.Value, 'f', -1, 64)
	if m.Hi != m.Value && m.Hi != 0 {
		v += ".." + strconv.FormatFloat(m.Hi, 'f', -1, 64)
	}
	return v
}

func verdictWord(v facts.Verdict) string {
	if v == "" {
		return "unknown"
	}
	return string(v)
}

var smallNumbers = []string{"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}

func spell(n int) string {
	if n >= 0 && n < len(smallNumbers) {
		return smallNumbers[n]
	}
	return strconv.Itoa(n)
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// valueGroups groups a fact's mentions by shown value, the most common first:
// "75" in four sources, "nearly 70" in one.
type valueGroup struct {
	Display string
	Sources []int
}

func valueGroups(f facts.NumberFact) []valueGroup {
	var gs []valueGroup
	idx := map[string]int{}
	for _, m := range f.Mentions {
		d := display(m)
		k, ok := idx[d]
		if !ok {
			k = len(gs)
			idx[d] = k
			gs = append(gs, valueGroup{Display: d})
		}
		dup := false
		for _, s := range gs[k].Sources {
			dup = dup || s == m.Source
		}
		if !dup {
			gs[k].Sources = append(gs[k].Sources, m.Source)
		}
	}
	sort.SliceStable(gs, func(a, b int) bool { return len(gs[a].Sources) > len(gs[b].Sources) })
	return gs
}

// Summary says in one paragraph what the comparison found: "5 sources; 2
// numbers disagree: people killed, 75 in four sources, nearly 70 in one; …".
func Summary(c *engine.Comparison) string {
	var parts []string
	parts = append(parts, fmt.Sprintf("%d %s", len(c.Sources), plural(len(c.Sources), "source", "sources")))
	var dis, compat, agree []facts.NumberFact
	for _, f := range c.Facts.Numbers {
		switch f.Verdict {
		case facts.Disagree:
			dis = append(dis, f)
		case facts.Compatible:
			compat = append(compat, f)
		case facts.Agree:
			agree = append(agree, f)
		}
	}
	switch {
	case len(c.Facts.Numbers) == 0:
		parts = append(parts, "no numbers compared")
	case len(dis) == 0:
		parts = append(parts, fmt.Sprintf("no numbers disagree (%d compared)", len(c.Facts.Numbers)))
	default:
		var fs []string
		for _, f := range dis {
			var vs []string
			for k, g := range valueGroups(f) {
				n := spell(len(g.Sources))
				if k == 0 {
					n += " " + plural(len(g.Sources), "source", "sources")
				}
				vs = append(vs, g.Display+" in "+n)
			}
			fs = append(fs, numberLabel(f)+", "+strings.Join(vs, ", "))
		}
		parts = append(parts, fmt.Sprintf("%d %s: %s", len(dis), plural(len(dis), "number disagrees", "numbers disagree"), strings.Join(fs, "; ")))
	}
	if len(compat) > 0 {
		var ls []string
		for _, f := range compat {
			ls = append(ls, numberLabel(f))
		}
		parts = append(parts, fmt.Sprintf("%d %s compatible but not the same figure: %s", len(compat),
			plural(len(compat), "number is", "numbers are"), strings.Join(ls, ", ")))
	}
	if len(agree) > 0 && len(dis) > 0 {
		parts = append(parts, fmt.Sprintf("%d %s", len(agree), plural(len(agree), "number agrees", "numbers agree")))
	}
	var qd []string
	for _, q := range c.Facts.Quotes {
		if q.Verdict != facts.Disagree {
			continue
		}
		var who []string
		for _, m := range q.Mentions {
			if m.Class != "" && m.Class != "verbatim" && m.Class != "trimmed" && m.Source >= 0 && m.Source < len(c.Sources) {
				who = append(who, m.Class+" in "+c.Sources[m.Source].ID)
			}
		}
		d := quoteLabel(q)
		if len(who) > 0 {
			d += " (" + strings.Join(who, ", ") + ")"
		}
		qd = append(qd, d)
	}
	if len(qd) > 0 {
		parts = append(parts, fmt.Sprintf("%d %s: %s", len(qd), plural(len(qd), "quotation differs", "quotations differ"), strings.Join(qd, "; ")))
	} else if len(c.Facts.Quotes) > 0 {
		parts = append(parts, fmt.Sprintf("%d %s, none reworded", len(c.Facts.Quotes), plural(len(c.Facts.Quotes), "quotation", "quotations")))
	}
	if len(c.Problems) > 0 {
		parts = append(parts, fmt.Sprintf("%d %s skipped", len(c.Problems), plural(len(c.Problems), "file", "files")))
	}
	return strings.Join(parts, "; ") + "."
}

// oneLine folds a text onto one line.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\n\r\t") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// termSafe replaces control characters (which could move a terminal's
// cursor or change its colours) with U+FFFD and folds lines.
func termSafe(s string) string {
	s = oneLine(s)
	ok := true
	for _, r := range s {
		if isControl(r) {
			ok = false
			break
		}
	}
	if ok {
		return s
	}
	return strings.Map(func(r rune) rune {
		if isControl(r) {
			return '\uFFFD'
		}
		return r
	}, s)
}

func isControl(r rune) bool {
	return unicode.IsControl(r) || r == '\u2028' || r == '\u2029' || (r >= '\u202A' && r <= '\u202E') || (r >= '\u2066' && r <= '\u2069')
}
