package workspace

import (
	"sort"
	"strings"
	"time"

	"parallax/data/engine"
	"parallax/data/report"
)

// Target kinds: what a note is on.
const (
	TargetNumber = "number"
	TargetQuote  = "quote"
	TargetRow    = "row"
)

// Target names a fact or a row in a way that survives a recompute: a fact
// by its kind, label (a number's label, a quotation's speaker) and the IDs
// of the sources that state it, with the mentions' wording to tell apart
// facts of one label; a row by its sentences.
type Target struct {
	Kind      string        `json:"kind"`
	Label     string        `json:"label,omitempty"`
	Sources   []string      `json:"sources,omitempty"`
	Wordings  []string      `json:"wordings,omitempty"`
	Sentences []SentenceRef `json:"sentences,omitempty"`
}

// Note is a verdict and a note on a fact or a row.
type Note struct {
	Target  Target    `json:"target"`
	Status  string    `json:"status,omitempty"` // report.StatusChecked, StatusDisputed, StatusError, or ""
	Source  string    `json:"source,omitempty"` // with StatusError: the ID of the source in error
	Text    string    `json:"text,omitempty"`
	Updated time.Time `json:"updated,omitzero"`
}

// NumberTarget names number fact i of c.
func NumberTarget(c *engine.Comparison, i int) Target {
	f := c.Facts.Numbers[i]
	t := Target{Kind: TargetNumber, Label: f.Label}
	for _, m := range f.Mentions {
		t.Sources = append(t.Sources, c.Sources[m.Source].ID)
		t.Wordings = append(t.Wordings, fold(m.Text))
	}
	return t.norm()
}

// QuoteTarget names quotation fact i of c.
func QuoteTarget(c *engine.Comparison, i int) Target {
	q := c.Facts.Quotes[i]
	t := Target{Kind: TargetQuote, Label: q.Speaker}
	for _, m := range q.Mentions {
		t.Sources = append(t.Sources, c.Sources[m.Source].ID)
		t.Wordings = append(t.Wordings, fold(m.Text))
	}
	return t.norm()
}

// RowTarget names row r of c by its sentences.
func RowTarget(c *engine.Comparison, r int) Target {
	t := Target{Kind: TargetRow}
	for si, cell := range c.Rows[r].Cells {
		for _, i := range cell.Sentences {
			t.Sentences = append(t.Sentences, Ref(c, si, i))
		}
	}
	return t
}

func fold(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }

func (t Target) norm() Target {
	t.Sources = uniqSorted(t.Sources)
	t.Wordings = uniqSorted(t.Wordings)
	return t
}

func uniqSorted(v []string) []string {
	sort.Strings(v)
	out := v[:0]
	for i, s := range v {
		if i == 0 || s != v[i-1] {
			out = append(out, s)
		}
	}
	return out
}

// SetNote records a note on a target, replacing the one there was; a note
// with no status and no text removes it.
func (ws *Workspace) SetNote(n Note) {
	n.Updated = time.Now().UTC().Truncate(time.Second)
	for i := range ws.Notes {
		if sameTarget(ws.Notes[i].Target, n.Target) {
			if n.Status == "" && strings.TrimSpace(n.Text) == "" {
				ws.Notes = append(ws.Notes[:i], ws.Notes[i+1:]...)
				return
			}
			ws.Notes[i] = n
			return
		}
	}
	if n.Status != "" || strings.TrimSpace(n.Text) != "" {
		ws.Notes = append(ws.Notes, n)
	}
}

func sameTarget(a, b Target) bool {
	if a.Kind != b.Kind || a.Label != b.Label || strings.Join(a.Sources, "\x00") != strings.Join(b.Sources, "\x00") ||
		strings.Join(a.Wordings, "\x00") != strings.Join(b.Wordings, "\x00") || len(a.Sentences) != len(b.Sentences) {
		return false
	}
	for i := range a.Sentences {
		if a.Sentences[i] != b.Sentences[i] {
			return false
		}
	}
	return true
}

// ReportNotes finds each saved note's fact or row in c (which may have been
// recomputed since the note was written) for the report writers. A fact is
// found by kind and label, then by the sources and wordings it shares with
// the note's; a row by the sentences it shares. A note whose target is gone
// is left out.
func (ws *Workspace) ReportNotes(c *engine.Comparison) report.Notes {
	out := report.Notes{Numbers: map[int]report.Note{}, Quotes: map[int]report.Note{}, Rows: map[int]report.Note{}}
	var numT, quoT []Target
	for i := range c.Facts.Numbers {
		numT = append(numT, NumberTarget(c, i))
	}
	for i := range c.Facts.Quotes {
		quoT = append(quoT, QuoteTarget(c, i))
	}
	var rowOf map[loc]int
	var res *resolver
	for _, n := range ws.Notes {
		rn := report.Note{Status: n.Status, Source: n.Source, Text: n.Text}
		switch n.Target.Kind {
		case TargetNumber:
			if i := bestFact(n.Target, numT); i >= 0 {
				out.Numbers[i] = rn
			}
		case TargetQuote:
			if i := bestFact(n.Target, quoT); i >= 0 {
				out.Quotes[i] = rn
			}
		case TargetRow:
			if rowOf == nil {
				rowOf = map[loc]int{}
				for ri, r := range c.Rows {
					for si, cell := range r.Cells {
						for _, i := range cell.Sentences {
							rowOf[loc{si, i}] = ri
						}
					}
				}
				res = newResolver(c)
			}
			votes := map[int]int{}
			best, bestN := -1, 0
			for _, ref := range n.Target.Sentences {
				l, ok := res.resolve(ref)
				if !ok {
					continue
				}
				ri, ok := rowOf[l]
				if !ok {
					continue
				}
				votes[ri]++
				if v := votes[ri]; v > bestN || (v == bestN && ri < best) {
					best, bestN = ri, v
				}
			}
			if best >= 0 {
				out.Rows[best] = rn
			}
		}
	}
	return out
}

// bestFact returns the index of the target in ts that best matches t: same
// label, most shared wordings, then most shared sources; -1 when none shares
// a source or a wording.
//
// When no fact has the label any more (a newer Parallax labels it
// differently), the fact sharing the most wordings is taken, provided it
// shares at least half of the note's.
func bestFact(t Target, ts []Target) int {
	best, bestScore := -1, 0
	for i, c := range ts {
		if c.Label != t.Label {
			continue
		}
		score := 2*shared(c.Wordings, t.Wordings) + shared(c.Sources, t.Sources)
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	if best >= 0 || len(t.Wordings) == 0 {
		return best
	}
	for i, c := range ts {
		n := shared(c.Wordings, t.Wordings)
		if 2*n < len(t.Wordings) {
			continue
		}
		if score := 2*n + shared(c.Sources, t.Sources); score > bestScore {
			best, bestScore = i, score
		}
	}
	return best
}

func shared(a, b []string) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	return n
}

// ReportOptions returns the notes and dates for the report writers.
func (ws *Workspace) ReportOptions(c *engine.Comparison) report.Options {
	return report.Options{Notes: ws.ReportNotes(c), Dates: ws.Dates()}
}
