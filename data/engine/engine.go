package engine

import (
	"runtime"
	"sync"

	"parallax/data"
	"parallax/data/align"
	"parallax/data/diff"
	"parallax/data/facts"
	"parallax/data/load"
	"parallax/data/structure"
)

// Options are the user's choices for a comparison.
type Options struct {
	Base string // ID of the base source; "" chooses the source most similar to the others
	Load load.Options
}

// Similarity compares two sources.
type Similarity struct {
	Aligned   float64 // share of the two sources' story sentences that sit in rows both have content in
	Identical float64 // share of the aligned words that are worded identically
}

// Comparison is the whole result shown by the app and written by the reports.
type Comparison struct {
	Sources    []*data.Source
	Base       int
	Rows       []align.Row
	Passages   []align.Passage
	Diffs      [][][]diff.Edit // Diffs[row][source]: that cell's text against the base's cell; nil for the base and for empty cells
	Similarity [][]Similarity  // Similarity[i][j], symmetric, 1 on the diagonal
	Facts      facts.Result
	Problems   []*data.Problem // inputs that were skipped, with the reason
}

// LoadFiles reads and analyses the files, in parallel, keeping their order.
// Unusable files are returned as problems; the others are still loaded.
func LoadFiles(paths []string, opt load.Options) ([]*data.Source, []*data.Problem) {
	srcs := make([]*data.Source, len(paths))
	errs := make([]error, len(paths))
	parallel(len(paths), func(i int) {
		s, err := load.File(paths[i], opt)
		if err == nil {
			structure.Analyze(s)
		}
		srcs[i], errs[i] = s, err
	})
	var ok []*data.Source
	var probs []*data.Problem
	for i := range paths {
		if errs[i] != nil {
			probs = append(probs, asProblem(paths[i], errs[i]))
			continue
		}
		ok = append(ok, srcs[i])
	}
	load.UniqueIDs(ok)
	return ok, probs
}

func asProblem(path string, err error) *data.Problem {
	if p, ok := err.(*data.Problem); ok {
		return p
	}
	return &data.Problem{Path: path, Reason: err.Error()}
}

// Compare aligns, diffs and checks the facts of analysed sources.
func Compare(srcs []*data.Source, opt Options) *Comparison {
	c := &Comparison{Sources: srcs, Base: -1}
	if len(srcs) == 0 {
		return c
	}
	for i, s := range srcs {
		if s.ID == opt.Base && opt.Base != "" {
			c.Base = i
		}
	}
	if c.Base < 0 {
		c.Base = align.ChooseBase(srcs)
	}
	res := align.Align(srcs, c.Base)
	c.Rows, c.Passages = res.Rows, res.Passages
	c.Diffs = make([][][]diff.Edit, len(c.Rows))
	parallel(len(c.Rows), func(r int) {
		c.Diffs[r] = rowDiffs(srcs, c.Rows[r], c.Base)
	})
	c.Similarity = similarity(srcs, c.Rows, c.Diffs)
	c.Facts = facts.Find(srcs, c.Rows)
	return c
}

// CellText joins the sentences of a cell with single spaces.
func CellText(s *data.Source, cell align.Cell) string {
	n := 0
	for _, i := range cell.Sentences {
		n += s.Sentences[i].End - s.Sentences[i].Start + 1
	}
	b := make([]byte, 0, n)
	for k, i := range cell.Sentences {
		if k > 0 {
			b = append(b, ' ')
		}
		b = append(b, s.SentenceText(i)...)
	}
	return string(b)
}

func rowDiffs(srcs []*data.Source, row align.Row, base int) [][]diff.Edit {
	out := make([][]diff.Edit, len(srcs))
	bt := CellText(srcs[base], row.Cells[base])
	for i, s := range srcs {
		if i == base || len(row.Cells[i].Sentences) == 0 {
			continue
		}
		out[i] = diff.Words(bt, CellText(s, row.Cells[i]))
	}
	return out
}

func similarity(srcs []*data.Source, rows []align.Row, diffs [][][]diff.Edit) [][]Similarity {
	n := len(srcs)
	sim := make([][]Similarity, n)
	for i := range sim {
		sim[i] = make([]Similarity, n)
		sim[i][i] = Similarity{1, 1}
	}
	// STUB until the align/diff work fills it in.
	return sim
}

// parallel runs f(0..n-1) on every core.
func parallel(n int, f func(int)) {
	w := runtime.GOMAXPROCS(0)
	if w > n {
		w = n
	}
	var wg sync.WaitGroup
	next := make(chan int, n)
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	for k := 0; k < w; k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	wg.Wait()
}
