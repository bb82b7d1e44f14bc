package align

import "parallax/data"

// Cell is one source's part of a row: indices into that source's Sentences,
// in reading order. An empty cell means the source has nothing for the row.
type Cell struct {
	Sentences []int
}

// Row is a set of corresponding sentences, one cell per source (in the order
// of the sources given to Align).
type Row struct {
	Cells   []Cell
	Passage int // index into Result.Passages
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

// ChooseBase returns the index of the source most similar to all the others.
// STUB.
func ChooseBase(srcs []*data.Source) int { return 0 }

// Align puts every story sentence of every source into exactly one row.
// STUB: one row per sentence.
func Align(srcs []*data.Source, base int) Result {
	var res Result
	for si, s := range srcs {
		for i := range s.Sentences {
			if !s.Story(i) {
				continue
			}
			r := Row{Cells: make([]Cell, len(srcs)), Passage: len(res.Passages)}
			r.Cells[si].Sentences = []int{i}
			res.Passages = append(res.Passages, Passage{BasePara: -1, First: len(res.Rows), N: 1})
			res.Rows = append(res.Rows, r)
		}
	}
	return res
}
