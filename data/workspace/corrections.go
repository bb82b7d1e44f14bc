package workspace

import (
	"crypto/sha256"
	"encoding/hex"
	"slices"
	"sort"
	"strings"

	"parallax/data/align"
	"parallax/data/diff"
	"parallax/data/engine"
)

// Correction operations.
const (
	OpLink   = "link"   // the rows holding Sentences become one row
	OpUnlink = "unlink" // Sentences leave their rows for a new row of their own, right after the first one's
	OpMove   = "move"   // Sentences join the row holding To
)

// Correction is one change the user made to the alignment. It names
// sentences, not rows, so that it still applies when the rows are
// recomputed (a source added, the base changed, a better engine).
type Correction struct {
	Op        string        `json:"op"`
	Sentences []SentenceRef `json:"sentences"`
	To        *SentenceRef  `json:"to,omitempty"`
}

// SentenceRef names one sentence of one source: the source's ID, the
// sentence's ID and a hash of its text. When the sentence IDs change (the
// text is split differently by a newer Parallax) the hash still finds it.
type SentenceRef struct {
	Source   string `json:"source"`
	Sentence string `json:"sentence"`
	Hash     string `json:"hash"`
}

// TextHash is the hash SentenceRef keeps: of the text with its spaces
// folded, 16 hex digits of SHA-256.
func TextHash(text string) string {
	h := sha256.Sum256([]byte(strings.Join(strings.Fields(text), " ")))
	return hex.EncodeToString(h[:8])
}

// Ref names sentence i of source si of a comparison.
func Ref(c *engine.Comparison, si, i int) SentenceRef {
	s := c.Sources[si]
	return SentenceRef{Source: s.ID, Sentence: s.Sentences[i].ID, Hash: TextHash(s.SentenceText(i))}
}

// Link returns the correction putting the given sentences in one row.
func Link(refs ...SentenceRef) Correction { return Correction{Op: OpLink, Sentences: refs} }

// Unlink returns the correction taking the given sentences out of their
// row into a row of their own.
func Unlink(refs ...SentenceRef) Correction { return Correction{Op: OpUnlink, Sentences: refs} }

// Move returns the correction moving the given sentences to the row holding to.
func Move(to SentenceRef, refs ...SentenceRef) Correction {
	return Correction{Op: OpMove, Sentences: refs, To: &to}
}

// loc is a sentence of a comparison: source and sentence index.
type loc struct{ src, sen int }

// resolver finds the sentences a SentenceRef names.
type resolver struct {
	c     *engine.Comparison
	byID  map[string]int // source ID -> index
	index []map[string]int
	hash  []map[string][]int
}

func newResolver(c *engine.Comparison) *resolver {
	r := &resolver{c: c, byID: map[string]int{}, index: make([]map[string]int, len(c.Sources)),
		hash: make([]map[string][]int, len(c.Sources))}
	for si, s := range c.Sources {
		r.byID[s.ID] = si
	}
	return r
}

func (r *resolver) prepare(si int) {
	if r.index[si] != nil {
		return
	}
	s := r.c.Sources[si]
	r.index[si] = make(map[string]int, len(s.Sentences))
	r.hash[si] = make(map[string][]int, len(s.Sentences))
	for i, se := range s.Sentences {
		r.index[si][se.ID] = i
		h := TextHash(s.SentenceText(i))
		r.hash[si][h] = append(r.hash[si][h], i)
	}
}

// resolve returns the story sentence ref names, if it is still there: the
// sentence with its ID when the text matches (or no hash was kept), else
// the sentence with the same text nearest to where the ID was.
func (r *resolver) resolve(ref SentenceRef) (loc, bool) {
	si, ok := r.byID[ref.Source]
	if !ok {
		return loc{}, false
	}
	r.prepare(si)
	s := r.c.Sources[si]
	i, hasID := r.index[si][ref.Sentence]
	if hasID && (ref.Hash == "" || TextHash(s.SentenceText(i)) == ref.Hash) {
		return loc{si, i}, s.Story(i)
	}
	cands := r.hash[si][ref.Hash]
	if len(cands) == 0 {
		return loc{}, false
	}
	best := cands[0]
	if hasID {
		for _, k := range cands {
			if abs(k-i) < abs(best-i) {
				best = k
			}
		}
	}
	return loc{si, best}, s.Story(best)
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// wrow is a row while corrections are applied.
type wrow struct {
	row     align.Row
	diffs   [][]diff.Edit
	touched bool
}

// Apply applies corrections, in order, to a comparison computed by
// engine.Compare: it changes the rows, then recomputes the passages, the
// diffs of the rows it changed, the similarities and the facts. Every story sentence stays in
// exactly one row. It returns the corrections that could not be applied,
// because a sentence they name is no longer in any source.
func Apply(c *engine.Comparison, cs []Correction) (skipped []Correction) {
	if len(cs) == 0 || len(c.Sources) == 0 {
		return nil
	}
	rows := make([]*wrow, len(c.Rows))
	for i, r := range c.Rows {
		// a deep copy: the cells' slices may share arrays
		w := &wrow{row: align.Row{Passage: r.Passage, Cells: make([]align.Cell, len(c.Sources))}}
		for si := range w.row.Cells {
			if si < len(r.Cells) {
				w.row.Cells[si].Sentences = append([]int(nil), r.Cells[si].Sentences...)
			}
		}
		if i < len(c.Diffs) {
			w.diffs = c.Diffs[i]
		}
		rows[i] = w
	}
	res := newResolver(c)
	changed := false
	for _, cor := range cs {
		where := locate(rows)
		var ls []loc
		ok := true
		for _, ref := range cor.Sentences {
			l, found := res.resolve(ref)
			if !found {
				ok = false
				continue
			}
			if _, inRow := where[l]; inRow && !slices.Contains(ls, l) {
				ls = append(ls, l)
			}
		}
		switch cor.Op {
		case OpLink:
			if !ok || len(ls) < 2 {
				skipped = append(skipped, cor)
				continue
			}
			rows = link(rows, where, ls)
		case OpUnlink:
			if !ok || len(ls) == 0 {
				skipped = append(skipped, cor)
				continue
			}
			rows = unlink(rows, where, ls)
		case OpMove:
			var to loc
			found := false
			if cor.To != nil {
				to, found = res.resolve(*cor.To)
			}
			if _, inRow := where[to]; !ok || !found || !inRow || len(ls) == 0 {
				skipped = append(skipped, cor)
				continue
			}
			rows = move(rows, where, ls, to)
		default:
			skipped = append(skipped, cor)
			continue
		}
		changed = true
	}
	if !changed {
		return skipped
	}
	rebuild(c, rows)
	return skipped
}

// locate maps every sentence in a row to its row's index.
func locate(rows []*wrow) map[loc]int {
	m := map[loc]int{}
	for ri, w := range rows {
		for si, cell := range w.row.Cells {
			for _, i := range cell.Sentences {
				m[loc{si, i}] = ri
			}
		}
	}
	return m
}

// take removes sentence l from its row.
func take(rows []*wrow, where map[loc]int, l loc) {
	w := rows[where[l]]
	cell := &w.row.Cells[l.src]
	out := cell.Sentences[:0:0]
	for _, i := range cell.Sentences {
		if i != l.sen {
			out = append(out, i)
		}
	}
	cell.Sentences = out
	w.touched = true
}

// put adds sentence l to row w, keeping the cell in reading order.
func put(w *wrow, l loc) {
	cell := &w.row.Cells[l.src]
	if slices.Contains(cell.Sentences, l.sen) {
		return
	}
	cell.Sentences = append(cell.Sentences, l.sen)
	sort.Ints(cell.Sentences)
	w.touched = true
}

// link merges the rows of ls into the first of them in reading order.
func link(rows []*wrow, where map[loc]int, ls []loc) []*wrow {
	target := len(rows)
	for _, l := range ls {
		target = min(target, where[l])
	}
	merge := map[int]bool{}
	for _, l := range ls {
		if r := where[l]; r != target {
			merge[r] = true
		}
	}
	if len(merge) == 0 {
		return rows
	}
	t := rows[target]
	for r := range merge {
		for si, cell := range rows[r].row.Cells {
			for _, i := range cell.Sentences {
				put(t, loc{si, i})
			}
			rows[r].row.Cells[si].Sentences = nil
		}
		rows[r].touched = true
	}
	return dropEmpty(rows)
}

// unlink moves ls into a new row right after the first one's row.
func unlink(rows []*wrow, where map[loc]int, ls []loc) []*wrow {
	at := len(rows)
	for _, l := range ls {
		at = min(at, where[l])
	}
	// nothing to do when ls already are their row's whole content
	n := 0
	for _, cell := range rows[at].row.Cells {
		n += len(cell.Sentences)
	}
	if n == len(ls) {
		same := true
		for _, l := range ls {
			same = same && where[l] == at
		}
		if same {
			return rows
		}
	}
	nw := &wrow{row: align.Row{Cells: make([]align.Cell, len(rows[at].row.Cells)), Passage: rows[at].row.Passage}, touched: true}
	for _, l := range ls {
		take(rows, where, l)
		put(nw, l)
	}
	rows = append(rows[:at+1], append([]*wrow{nw}, rows[at+1:]...)...)
	return dropEmpty(rows)
}

// move moves ls into the row holding to.
func move(rows []*wrow, where map[loc]int, ls []loc, to loc) []*wrow {
	t := rows[where[to]]
	for _, l := range ls {
		if where[l] == where[to] {
			continue
		}
		take(rows, where, l)
		put(t, l)
	}
	return dropEmpty(rows)
}

func dropEmpty(rows []*wrow) []*wrow {
	out := rows[:0]
	for _, w := range rows {
		for _, cell := range w.row.Cells {
			if len(cell.Sentences) > 0 {
				out = append(out, w)
				break
			}
		}
	}
	return out
}

// rebuild writes the corrected rows back: passages regrouped (a run of rows
// of one passage stays one passage), diffs of changed rows recomputed,
// facts found again over the new rows.
func rebuild(c *engine.Comparison, rows []*wrow) {
	old := c.Passages
	c.Rows = make([]align.Row, len(rows))
	c.Diffs = make([][][]diff.Edit, len(rows))
	c.Passages = nil
	for ri, w := range rows {
		if w.touched || w.diffs == nil {
			w.diffs = engine.RowDiffs(c.Sources, w.row, c.Base)
		}
		if p := w.row.Passage; ri == 0 || rows[ri-1].row.Passage != p {
			bp := -1
			if p >= 0 && p < len(old) {
				bp = old[p].BasePara
			}
			c.Passages = append(c.Passages, align.Passage{BasePara: bp, First: ri})
		}
		c.Passages[len(c.Passages)-1].N++
		w.row.Passage = len(c.Passages) - 1
		c.Rows[ri] = w.row
		c.Diffs[ri] = w.diffs
	}
	c.Refresh()
}
