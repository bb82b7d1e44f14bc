package engine

import (
	"slices"
	"sync"

	"parallax/data"
	"parallax/data/align"
	"parallax/data/diff"
	"parallax/data/facts"
	"parallax/data/internal/par"
	"parallax/data/load"
	"parallax/data/structure"
)

// Options are the user's choices for a comparison.
type Options struct {
	Base string // ID of the base source; "" chooses the source most similar to the others
	Load load.Options
	// Progress, when set, is told each stage of the comparison as it
	// starts. It is called on the comparing goroutine, never concurrently.
	Progress func(Progress)
}

// Progress is a stage of work under way, for a progress bar: Done of Total
// steps are finished.
type Progress struct {
	Stage       string // what is being done, for people: "Aligning passages"
	Done, Total int
}

// Stages of Compare, in order, as Progress names them.
const (
	StageRead  = "Reading files"
	StageAlign = "Aligning passages"
	StageDiff  = "Comparing wording"
	StageFacts = "Checking numbers and quotes"
)

func (o Options) report(stage string, done, total int) {
	if o.Progress != nil {
		o.Progress(Progress{Stage: stage, Done: done, Total: total})
	}
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
	return LoadFilesProgress(paths, opt, nil)
}

// LoadFilesProgress is LoadFiles telling progress, when not nil, how many
// of the files are read and analysed; it is called from several goroutines,
// one call at a time.
func LoadFilesProgress(paths []string, opt load.Options, progress func(Progress)) ([]*data.Source, []*data.Problem) {
	srcs := make([]*data.Source, len(paths))
	errs := make([]error, len(paths))
	var mu sync.Mutex
	done := 0
	par.Each(len(paths), func(i int) {
		s, err := load.File(paths[i], opt)
		if err == nil {
			structure.Analyze(s)
		}
		srcs[i], errs[i] = s, err
		if progress != nil {
			mu.Lock()
			done++
			progress(Progress{Stage: StageRead, Done: done, Total: len(paths)})
			mu.Unlock()
		}
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
	opt.report(StageAlign, 0, 3)
	al := align.New(srcs)
	if c.Base < 0 {
		c.Base = al.Base()
	}
	res := al.Align(c.Base)
	c.Rows, c.Passages = res.Rows, res.Passages
	opt.report(StageDiff, 1, 3)
	c.refresh(func() {
		c.Diffs = make([][][]diff.Edit, len(c.Rows))
		par.Each(len(c.Rows), func(r int) {
			c.Diffs[r] = RowDiffs(srcs, c.Rows[r], c.Base)
		})
		opt.report(StageFacts, 2, 3)
	})
	return c
}

// Refresh recomputes what derives from the rows and their diffs (the
// similarities and the facts) after the rows were changed, for example by a
// user's correction of the alignment.
func (c *Comparison) Refresh() { c.refresh(nil) }

// refresh computes the facts and, beside them (they take longest), first
// beside when not nil, then the similarities: all of them read only the
// rows, so either side keeps the cores busy while the other waits on a step
// of its own. A panic in the facts is raised again here, on the caller's
// goroutine, where it is recovered.
func (c *Comparison) refresh(beside func()) {
	done := make(chan struct{})
	var panicked any
	go func() {
		defer func() {
			panicked = recover()
			close(done)
		}()
		c.Facts = facts.Find(c.Sources, c.Rows)
	}()
	if beside != nil {
		beside()
	}
	c.Similarity = similarity(c.Sources, c.Rows, c.Diffs)
	<-done
	if panicked != nil {
		panic(panicked)
	}
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

// RowDiffs diffs every non-empty cell of row against the base's cell;
// the base's own entry and empty cells are nil.
func RowDiffs(srcs []*data.Source, row align.Row, base int) [][]diff.Edit {
	out := make([][]diff.Edit, len(srcs))
	if base < 0 || base >= len(srcs) {
		return out
	}
	bt := CellText(srcs[base], row.Cells[base])
	var btoks []data.Token // made on first need
	for i, s := range srcs {
		if i == base || len(row.Cells[i].Sentences) == 0 {
			continue
		}
		t := CellText(s, row.Cells[i])
		if t == bt || bt == "" {
			out[i] = diff.Words(bt, t)
			continue
		}
		if btoks == nil {
			btoks = cellTokens(srcs[base], row.Cells[base], bt)
		}
		out[i] = diff.WordsTokens(bt, btoks, t, cellTokens(s, row.Cells[i], t))
	}
	return out
}

// cellTokens returns data.Tokenize(text) for text = CellText(s, cell),
// joining the source's cached sentence tokens with the single spaces
// CellText puts between sentences.
func cellTokens(s *data.Source, cell align.Cell, text string) []data.Token {
	n := 0
	for _, i := range cell.Sentences {
		n += s.Sentences[i].End - s.Sentences[i].Start
	}
	out := make([]data.Token, 0, n/3+len(cell.Sentences))
	at := 0
	for k, i := range cell.Sentences {
		se := s.Sentences[i]
		if k > 0 {
			out = append(out, data.Token{Start: at, End: at + 1, Kind: data.Space, Norm: " "})
			at++
		}
		first := len(out)
		out = s.AppendTokens(out, se.Start, se.End, at)
		if len(out) == first || out[first].Kind == data.Space || out[len(out)-1].Kind == data.Space {
			return data.Tokenize(text) // a space would merge with the joining one
		}
		at = out[len(out)-1].End
	}
	return out
}

// similarity compares every pair of sources over the rows. Aligned is the
// share of the two sources' story sentences that sit in rows where both have
// content; Identical is the share of those rows' wording the two have in
// common, measured on word pairs (bigrams of lower-cased words and numbers,
// 2·common / (pairs of one + pairs of the other)). Pairs rather than single
// words keep paraphrases that reuse the same function words apart from
// copied text. The same measure serves every pair, base or not, so the
// matrix compares like with like and costs a merge of sorted lists per row,
// not a diff.
func similarity(srcs []*data.Source, rows []align.Row, _ [][][]diff.Edit) [][]Similarity {
	n := len(srcs)
	sim := make([][]Similarity, n)
	for i := range sim {
		sim[i] = make([]Similarity, n)
		sim[i][i] = Similarity{1, 1}
	}
	if n < 2 {
		return sim
	}
	// Each filled cell as a sorted list of word pairs, each pair two word
	// ids (lower-cased words and numbers) in one integer. Each source
	// numbers its own words on its own core; one short pass over every
	// source's distinct words then gives them ids shared by all sources.
	story := make([]int, n)
	for _, row := range rows {
		for s, cell := range row.Cells {
			story[s] += len(cell.Sentences)
		}
	}
	type local struct {
		words []string   // distinct words, in first-seen order
		cells [][]uint32 // cells[row]: the cell's words as indexes into words
		ids   []uint64   // words' shared ids
	}
	per := make([]local, n)
	par.Each(n, func(s int) {
		l := &per[s]
		l.cells = make([][]uint32, len(rows))
		index := map[string]uint32{}
		var toks []data.Token // reused for each sentence
		for r, row := range rows {
			var ws []uint32
			for _, i := range row.Cells[s].Sentences {
				se := srcs[s].Sentences[i]
				toks = srcs[s].AppendTokens(toks[:0], se.Start, se.End, 0)
				for _, t := range toks {
					if t.Kind != data.Word && t.Kind != data.Number {
						continue
					}
					w, ok := index[t.Norm]
					if !ok {
						w = uint32(len(l.words))
						index[t.Norm] = w
						l.words = append(l.words, t.Norm)
					}
					ws = append(ws, w)
				}
			}
			l.cells[r] = ws
		}
	})
	shared := map[string]uint64{}
	for s := range per {
		per[s].ids = make([]uint64, len(per[s].words))
		for k, w := range per[s].words {
			id, ok := shared[w]
			if !ok {
				id = uint64(len(shared)) + 1
				shared[w] = id
			}
			per[s].ids[k] = id
		}
	}
	cells := make([][][]uint64, len(rows)) // cells[row][source]
	for r := range cells {
		cells[r] = make([][]uint64, n)
	}
	par.Each(n, func(s int) {
		l := &per[s]
		for r, ws := range l.cells {
			if len(ws) == 0 {
				continue
			}
			ps := make([]uint64, 0, len(ws))
			for k := range ws {
				key := l.ids[ws[k]] << 32 // a lone word stands for itself
				if k+1 < len(ws) {
					key |= l.ids[ws[k+1]]
				} else if k > 0 {
					break // n words give n-1 pairs
				}
				ps = append(ps, key)
			}
			slices.Sort(ps)
			cells[r][s] = ps
		}
	})
	type pair struct{ a, b int }
	var pairs []pair
	for a := 0; a < n; a++ {
		for b := a + 1; b < n; b++ {
			pairs = append(pairs, pair{a, b})
		}
	}
	out := make([]Similarity, len(pairs))
	par.Each(len(pairs), func(p int) {
		a, b := pairs[p].a, pairs[p].b
		var sents, words, common int
		for r, row := range rows {
			ca, cb := row.Cells[a].Sentences, row.Cells[b].Sentences
			if len(ca) == 0 || len(cb) == 0 {
				continue
			}
			sents += len(ca) + len(cb)
			wa, wb := cells[r][a], cells[r][b]
			words += len(wa) + len(wb)
			common += overlap(wa, wb)
		}
		var v Similarity
		if t := story[a] + story[b]; t > 0 {
			v.Aligned = float64(sents) / float64(t)
		}
		if words > 0 {
			v.Identical = 2 * float64(common) / float64(words)
		}
		out[p] = v
	})
	for p, pr := range pairs {
		sim[pr.a][pr.b], sim[pr.b][pr.a] = out[p], out[p]
	}
	return sim
}

// overlap counts the common elements of two sorted multisets.
func overlap(a, b []uint64) int {
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			n++
			i++
			j++
		}
	}
	return n
}
