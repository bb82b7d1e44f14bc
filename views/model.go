package views

import (
	"sort"
	"strings"

	"fyne.io/fyne/v2/widget"

	"parallax/data"
	"parallax/data/align"
	"parallax/data/diff"
	"parallax/data/engine"
	"parallax/data/facts"
)

// Filter selects which rows the columns view shows.
type Filter int

// The filters.
const (
	FilterAll         Filter = iota
	FilterDifferences        // rows where some source differs from the base or lacks the row
	FilterNumbers            // rows that state a number fact
	FilterQuotes             // rows that hold a quotation
	FilterUnique             // rows only one source has
)

// FilterNames are the filters' labels, in Filter order.
var FilterNames = []string{"All rows", "Only differences", "Only numbers", "Only quotations", "Only unique content"}

// mark is a span of a source's text with a special style.
type mark struct {
	start, end int
	conflict   bool // a number that disagrees with the majority
	quote      bool // a quotation worded differently
}

// Model is what the views need of a comparison, computed once per
// comparison: per-row flags and the marked spans of each source.
type Model struct {
	C *engine.Comparison

	Differs   []bool // some source differs from the base or lacks the row
	Conflict  []bool // the row holds a number that disagrees with the other sources
	Numbers   []bool // the row states a number fact
	Quotes    []bool // the row holds a quotation
	Unique    []int  // the only source with content, or -1
	Order     []int  // the sources in the columns view's order: the base first
	Boiler    [][]int
	marks     [][]mark  // per source, sorted by start
	lowerText []string  // per row, lower-cased text of all cells (for find), built lazily
	rowChars  []int     // per row, the most characters a cell of it shows (for row heights)
	cover     [][]uint8 // per row and source, the coverage map's state
}

// NewModel prepares a comparison for the views. c may be nil. Its work
// grows with rows × sources, so the app calls it in the background, and
// the views' SetModel, on the main goroutine, only reads what it computed.
func NewModel(c *engine.Comparison) *Model {
	m := &Model{C: c}
	if c == nil {
		return m
	}
	c = sanitize(c)
	m.C = c
	n := len(c.Rows)
	m.Differs, m.Conflict = make([]bool, n), make([]bool, n)
	m.Numbers, m.Quotes = make([]bool, n), make([]bool, n)
	m.Unique = make([]int, n)
	if c.Base >= 0 && c.Base < len(c.Sources) {
		m.Order = append(m.Order, c.Base)
	}
	for s := range c.Sources {
		if s != c.Base {
			m.Order = append(m.Order, s)
		}
	}
	m.lowerText = make([]string, n)
	for r, row := range c.Rows {
		filled, only := 0, -1
		for s, cell := range row.Cells {
			if len(cell.Sentences) > 0 {
				filled++
				only = s
			}
		}
		m.Unique[r] = -1
		if filled == 1 && len(c.Sources) > 1 {
			m.Unique[r] = only
		}
		m.Differs[r] = filled < len(row.Cells)
		if r < len(c.Diffs) {
			for _, edits := range c.Diffs[r] {
				for _, e := range edits {
					if e.Op != diff.Equal {
						m.Differs[r] = true
					}
				}
			}
		}
	}
	m.marks = make([][]mark, len(c.Sources))
	setRows := func(flags []bool, rows []int) {
		for _, r := range rows {
			if r >= 0 && r < n {
				flags[r] = true
			}
		}
	}
	for _, f := range c.Facts.Numbers {
		setRows(m.Numbers, f.Rows)
		if f.Verdict == facts.Disagree {
			for _, nb := range f.Mentions {
				if nb.Conflict && nb.Row >= 0 && nb.Row < n {
					m.Conflict[nb.Row] = true
				}
				if nb.Conflict && nb.Source >= 0 && nb.Source < len(m.marks) {
					m.marks[nb.Source] = append(m.marks[nb.Source], mark{start: nb.Start, end: nb.End, conflict: true})
				}
			}
		}
	}
	for _, q := range c.Facts.Quotes {
		setRows(m.Quotes, q.Rows)
		for _, mt := range q.Mentions {
			if (mt.Class == "reworded" || mt.Class == "other speaker") && mt.Source >= 0 && mt.Source < len(m.marks) {
				m.marks[mt.Source] = append(m.marks[mt.Source], mark{start: mt.Start, end: mt.End, quote: true})
			}
		}
	}
	for s := range m.marks {
		sort.Slice(m.marks[s], func(i, j int) bool { return m.marks[s][i].start < m.marks[s][j].start })
	}
	m.Boiler = make([][]int, len(c.Sources))
	for s, src := range c.Sources {
		for p, para := range src.Paragraphs {
			if !para.Kind.IsStory() {
				m.Boiler[s] = append(m.Boiler[s], p)
			}
		}
	}
	m.rowChars = make([]int, n)
	m.cover = make([][]uint8, n)
	states := make([]uint8, n*len(c.Sources)) // one block for all rows
	for r := range c.Rows {
		most := 1
		for s := range c.Sources {
			most = max(most, m.cellChars(r, s))
		}
		m.rowChars[r] = most
		m.cover[r] = states[r*len(c.Sources) : (r+1)*len(c.Sources)]
		for s := range m.cover[r] {
			m.cover[r][s] = m.coverState(r, s)
		}
	}
	return m
}

// sanitize returns c, or a copy of it whose rows only point at sentences
// that exist and have one cell per source, so a comparison that breaks the
// engine's invariants is shown as well as it can be instead of crashing.
func sanitize(c *engine.Comparison) *engine.Comparison {
	bad := func(row align.Row) bool {
		if len(row.Cells) != len(c.Sources) || row.Passage < 0 || row.Passage >= len(c.Passages) {
			return true
		}
		for s, cell := range row.Cells {
			for _, i := range cell.Sentences {
				if i < 0 || i >= len(c.Sources[s].Sentences) {
					return true
				}
			}
		}
		return false
	}
	broken := c.Base >= len(c.Sources)
	for _, row := range c.Rows {
		broken = broken || bad(row)
	}
	if !broken {
		return c
	}
	cp := *c
	if cp.Base >= len(cp.Sources) {
		cp.Base = -1
	}
	if len(cp.Passages) == 0 {
		cp.Passages = []align.Passage{{BasePara: -1, First: 0, N: len(c.Rows)}}
	}
	cp.Rows = make([]align.Row, len(c.Rows))
	for r, row := range c.Rows {
		cells := make([]align.Cell, len(c.Sources))
		for s := range cells {
			if s >= len(row.Cells) {
				continue
			}
			for _, i := range row.Cells[s].Sentences {
				if i >= 0 && i < len(c.Sources[s].Sentences) {
					cells[s].Sentences = append(cells[s].Sentences, i)
				}
			}
		}
		p := row.Passage
		if p < 0 || p >= len(cp.Passages) {
			p = 0
		}
		cp.Rows[r] = align.Row{Cells: cells, Passage: p}
	}
	return &cp
}

// Rows is the number of aligned rows.
func (m *Model) Rows() int {
	if m == nil || m.C == nil {
		return 0
	}
	return len(m.C.Rows)
}

// Sources is the number of sources.
func (m *Model) Sources() int {
	if m == nil || m.C == nil {
		return 0
	}
	return len(m.C.Sources)
}

// Keep reports whether row r passes the filter.
func (m *Model) Keep(r int, f Filter) bool {
	switch f {
	case FilterDifferences:
		return m.Differs[r]
	case FilterNumbers:
		return m.Numbers[r]
	case FilterQuotes:
		return m.Quotes[r]
	case FilterUnique:
		return m.Unique[r] >= 0
	}
	return true
}

// Has reports whether source s has content in row r.
func (m *Model) Has(r, s int) bool { return len(m.C.Rows[r].Cells[s].Sentences) > 0 }

// CellText is source s's text for row r.
func (m *Model) CellText(r, s int) string {
	return engine.CellText(m.C.Sources[s], m.C.Rows[r].Cells[s])
}

// Matches reports whether row r contains q (lower case) in any source.
func (m *Model) Matches(r int, q string) bool {
	if m.lowerText[r] == "" {
		var b strings.Builder
		for s := range m.C.Sources {
			if m.Has(r, s) {
				b.WriteString(strings.ToLower(m.CellText(r, s)))
				b.WriteByte('\n')
			}
		}
		m.lowerText[r] = b.String() + "\x00"
	}
	return strings.Contains(m.lowerText[r], q)
}

// RowPlain is row r as plain text, one line per source, for the clipboard.
func (m *Model) RowPlain(r int) string {
	var b strings.Builder
	for s, src := range m.C.Sources {
		if m.Has(r, s) {
			b.WriteString(src.Name + ": " + m.CellText(r, s) + "\n")
		}
	}
	return b.String()
}

// PassagePlain is passage p as plain text, one block per source.
func (m *Model) PassagePlain(p int) string {
	pa := m.C.Passages[p]
	var b strings.Builder
	for s, src := range m.C.Sources {
		var parts []string
		for r := pa.First; r < pa.First+pa.N && r < len(m.C.Rows); r++ {
			if m.Has(r, s) {
				parts = append(parts, m.CellText(r, s))
			}
		}
		if len(parts) > 0 {
			b.WriteString(src.Name + ":\n" + strings.Join(parts, " ") + "\n\n")
		}
	}
	return b.String()
}

// cellMarks maps the marks of source s that fall in the sentences of its
// cell in row r to offsets in the cell's text (sentences joined by a space).
func (m *Model) cellMarks(r, s int) []mark {
	src := m.C.Sources[s]
	if len(m.marks[s]) == 0 {
		return nil
	}
	var out []mark
	off := 0
	for k, i := range m.C.Rows[r].Cells[s].Sentences {
		if k > 0 {
			off++
		}
		se := src.Sentences[i]
		for _, mk := range m.marks[s] {
			if mk.end <= se.Start || mk.start >= se.End {
				continue
			}
			a, b := max(mk.start, se.Start), min(mk.end, se.End)
			out = append(out, mark{start: off + a - se.Start, end: off + b - se.Start, conflict: mk.conflict, quote: mk.quote})
		}
		off += se.End - se.Start
	}
	return out
}

// CellSegments renders source s's cell of row r against the base.
func (m *Model) CellSegments(r, s int) []widget.RichTextSegment {
	c := m.C
	if !m.Has(r, s) {
		if u := m.Unique[r]; u >= 0 {
			return []widget.RichTextSegment{seg("— only in "+c.Sources[u].Name, StyleDim)}
		}
		return []widget.RichTextSegment{seg("—", StyleDim)}
	}
	var prefix []widget.RichTextSegment
	if m.Unique[r] == s {
		prefix = []widget.RichTextSegment{seg("ONLY HERE ", StyleUnique)}
	}
	text := m.CellText(r, s)
	own := m.cellMarks(r, s)
	if s == c.Base {
		return append(prefix, styled(text, 0, own, StyleSame)...)
	}
	var edits []diff.Edit
	if r < len(c.Diffs) && s < len(c.Diffs[r]) {
		edits = c.Diffs[r][s]
	}
	if c.Base < 0 || !m.Has(r, c.Base) {
		return append(prefix, styled(text, 0, own, StyleAdded)...) // all of it is new to the base
	}
	if edits == nil {
		return append(prefix, styled(text, 0, own, StyleSame)...)
	}
	if Rewritten(edits) {
		// a word diff of a rewritten sentence is noise: show the wording
		prefix = append(prefix, seg("REWORDED ", StyleTag))
		return append(prefix, styled(text, 0, own, StyleSame)...)
	}
	var baseMarks []mark
	if c.Base >= 0 && m.Has(r, c.Base) {
		baseMarks = m.cellMarks(r, c.Base)
	}
	return append(prefix, EditSegments(edits, own, baseMarks)...)
}

// Rewritten reports whether a cell and the base share less than half of
// the words of each, so that word marks would be noise.
func Rewritten(edits []diff.Edit) bool {
	same, ins, del := 0, 0, 0
	for _, e := range edits {
		n := len(strings.Fields(e.Text))
		switch e.Op {
		case diff.Equal:
			same += n
		case diff.Insert:
			ins += n
		case diff.Delete:
			del += n
		}
	}
	return ins+del > 0 && same < ins && same < del
}

// EditSegments renders a word diff: Equal and Insert runs are the shown
// source's text (marked with own), Delete runs are the reference's text
// (marked with ref).
func EditSegments(edits []diff.Edit, own, ref []mark) []widget.RichTextSegment {
	var out []widget.RichTextSegment
	pos, rpos := 0, 0
	for _, e := range edits {
		switch e.Op {
		case diff.Equal:
			out = append(out, styled(e.Text, pos, own, StyleSame)...)
			pos += len(e.Text)
			rpos += len(e.Text)
		case diff.Insert:
			out = append(out, styled(e.Text, pos, own, StyleAdded)...)
			pos += len(e.Text)
		case diff.Delete:
			out = append(out, styled(e.Text, rpos, ref, StyleMissing)...)
			rpos += len(e.Text)
		}
	}
	return mergeSegments(out)
}

// styled cuts text (starting at offset off of its cell) at the marks and
// styles each piece.
func styled(text string, off int, marks []mark, st widget.RichTextStyle) []widget.RichTextSegment {
	var out []widget.RichTextSegment
	cur := 0
	for _, mk := range marks {
		a, b := mk.start-off, mk.end-off
		if b <= cur || a >= len(text) {
			continue
		}
		a, b = max(a, cur), min(b, len(text))
		if a > cur {
			out = append(out, seg(text[cur:a], st))
		}
		out = append(out, seg(text[a:b], markStyle(mk, st)))
		cur = b
	}
	if cur < len(text) {
		out = append(out, seg(text[cur:], st))
	}
	return out
}

func markStyle(mk mark, base widget.RichTextStyle) widget.RichTextStyle {
	switch {
	case mk.conflict && base.TextStyle.Strikethrough:
		return StyleConflictMissing
	case mk.conflict:
		return StyleConflict
	case mk.quote && base.TextStyle.Strikethrough:
		return base
	case mk.quote && base.TextStyle.Bold:
		st := base
		st.TextStyle.Italic = true
		return st
	case mk.quote:
		return StyleQuote
	}
	return base
}

// mergeSegments joins neighbouring segments of the same style.
func mergeSegments(in []widget.RichTextSegment) []widget.RichTextSegment {
	var out []widget.RichTextSegment
	for _, s := range in {
		t := s.(*widget.TextSegment)
		if t.Text == "" {
			continue
		}
		if n := len(out); n > 0 {
			if p := out[n-1].(*widget.TextSegment); p.Style == t.Style {
				p.Text += t.Text
				continue
			}
		}
		out = append(out, t)
	}
	return out
}

// cellChars is a rough size of what a cell shows, for row heights.
func (m *Model) cellChars(r, s int) int {
	if !m.Has(r, s) {
		return 1
	}
	n := 0
	for _, i := range m.C.Rows[r].Cells[s].Sentences {
		se := m.C.Sources[s].Sentences[i]
		n += se.End - se.Start + 1
	}
	if r < len(m.C.Diffs) && s < len(m.C.Diffs[r]) {
		for _, e := range m.C.Diffs[r][s] {
			if e.Op == diff.Delete {
				n += len(e.Text)
			}
		}
	}
	if m.Unique[r] == s {
		n += 12
	}
	return n
}

// SourceLabel is the header of source s: its name, marked when it is the base.
func (m *Model) SourceLabel(s int) string {
	name := m.C.Sources[s].Name
	if s == m.C.Base {
		return name + "  (base)"
	}
	return name
}

// BoilerText is source s's k-th paragraph outside the story, or "".
func (m *Model) BoilerText(s, k int) string {
	if k >= len(m.Boiler[s]) {
		return ""
	}
	src := m.C.Sources[s]
	p := src.Paragraphs[m.Boiler[s][k]]
	return "[" + string(p.Kind) + "] " + src.Text[p.Start:p.End]
}

// Title is a short name for the comparison: the base's title or headline
// with the number of sources, or the number of sources alone.
func (m *Model) Title() string { return Title(m.C) }

// Title is a short name for comparison c (see Model.Title), without the
// work of a Model.
func Title(c *engine.Comparison) string {
	if c == nil || len(c.Sources) == 0 {
		return ""
	}
	n := plural(len(c.Sources), "source")
	if c.Base < 0 || c.Base >= len(c.Sources) {
		return n
	}
	b := c.Sources[c.Base]
	t := strings.TrimSpace(b.Title)
	if t == "" {
		for i, p := range b.Paragraphs {
			if p.Kind == data.KindHeadline {
				t = strings.TrimSpace(b.ParagraphText(i))
				break
			}
		}
	}
	t = strings.Join(strings.Fields(t), " ")
	if t == "" {
		return n
	}
	if r := []rune(t); len(r) > 70 {
		t = strings.TrimSpace(string(r[:69])) + "…"
	}
	return t + " (" + n + ")"
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return itoa(n) + " " + word + "s"
}

func itoa(n int) string {
	if n < 0 {
		return "-" + itoa(-n)
	}
	if n < 10 {
		return string(rune('0' + n))
	}
	return itoa(n/10) + string(rune('0'+n%10))
}
