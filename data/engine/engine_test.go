package engine

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"parallax/data"
	"parallax/data/align"
	"parallax/data/diff"
	"parallax/data/internal/seeds"
	"parallax/data/load"
)

func TestCompareSeedsInvariants(t *testing.T) {
	srcs, probs := LoadFiles(seeds.Files(t), load.Options{})
	require.Empty(t, probs)
	c := Compare(srcs, Options{})
	require.GreaterOrEqual(t, c.Base, 0)

	// Every story sentence in exactly one row, no other sentence in any.
	seen := map[[2]int]int{}
	for ri, r := range c.Rows {
		require.Len(t, r.Cells, len(srcs))
		for si, cell := range r.Cells {
			for _, i := range cell.Sentences {
				assert.True(t, srcs[si].Story(i), "row %d holds a non-story sentence", ri)
				seen[[2]int{si, i}]++
			}
		}
	}
	for si, s := range srcs {
		for i := range s.Sentences {
			if s.Story(i) {
				assert.Equal(t, 1, seen[[2]int{si, i}], "source %s sentence %s", s.ID, s.Sentences[i].ID)
			}
		}
	}

	// Passages cover the rows in order.
	next := 0
	for _, p := range c.Passages {
		assert.Equal(t, next, p.First)
		next = p.First + p.N
	}
	assert.Equal(t, len(c.Rows), next)

	// Each diff rebuilds both sides.
	for ri, r := range c.Rows {
		base := CellText(srcs[c.Base], r.Cells[c.Base])
		for si, edits := range c.Diffs[ri] {
			if edits == nil {
				continue
			}
			var a, b string
			for _, e := range edits {
				if e.Op != diff.Insert {
					a += e.Text
				}
				if e.Op != diff.Delete {
					b += e.Text
				}
			}
			assert.Equal(t, base, a)
			assert.Equal(t, CellText(srcs[si], r.Cells[si]), b)
		}
	}

	// Similarity is symmetric, in [0, 1].
	for i := range c.Similarity {
		for j := range c.Similarity[i] {
			assert.Equal(t, c.Similarity[i][j], c.Similarity[j][i])
			assert.True(t, c.Similarity[i][j].Aligned >= 0 && c.Similarity[i][j].Aligned <= 1)
		}
	}
}

func TestCompareDeterministic(t *testing.T) {
	files := seeds.Files(t)
	srcs1, _ := LoadFiles(files, load.Options{})
	srcs2, _ := LoadFiles(files, load.Options{})
	a, b := Compare(srcs1, Options{}), Compare(srcs2, Options{})
	assert.Equal(t, a.Base, b.Base)
	assert.Equal(t, a.Rows, b.Rows)
	assert.Equal(t, a.Facts, b.Facts)
}

// Comparing the same sources again (as the app does when one is added or
// the base changes) reuses what each source's analysis derived, with the
// same result.
func TestCompareAgainSameResult(t *testing.T) {
	srcs, _ := LoadFiles(seeds.Files(t), load.Options{})
	a := Compare(srcs[:4], Options{})
	b := Compare(srcs[:4], Options{})
	assert.Equal(t, a.Rows, b.Rows)
	assert.Equal(t, a.Diffs, b.Diffs)
	assert.Equal(t, a.Facts, b.Facts)
	fresh, _ := LoadFiles(seeds.Files(t), load.Options{})
	all, again := Compare(srcs, Options{}), Compare(fresh, Options{})
	assert.Equal(t, again.Rows, all.Rows, "a source added to analysed ones aligns as if all were new")
	assert.Equal(t, again.Facts, all.Facts)
}

// The app may still be comparing sources when a newer job compares them
// again (a source dropped meanwhile): both read what the sources keep.
func TestCompareConcurrentlySameSources(t *testing.T) {
	srcs, _ := LoadFiles(seeds.Files(t), load.Options{})
	want := Compare(srcs, Options{Base: srcs[0].ID})
	var wg sync.WaitGroup
	got := make([]*Comparison, 4)
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			got[i] = Compare(srcs, Options{Base: srcs[i%2].ID})
		}()
	}
	wg.Wait()
	for i, c := range got {
		if i%2 == 0 {
			assert.Equal(t, want.Rows, c.Rows)
			assert.Equal(t, want.Facts, c.Facts)
		}
	}
}

func TestCompareBaseOption(t *testing.T) {
	srcs, _ := LoadFiles(seeds.Files(t), load.Options{})
	c := Compare(srcs, Options{Base: srcs[3].ID})
	assert.Equal(t, 3, c.Base)
}

// cellTokens joins cached sentence tokens; it must equal tokenising the
// cell's text.
func TestCellTokens(t *testing.T) {
	srcs, _ := LoadFiles(seeds.Files(t), load.Options{})
	c := Compare(srcs, Options{})
	n := 0
	for _, row := range c.Rows {
		for s, cell := range row.Cells {
			if len(cell.Sentences) == 0 {
				continue
			}
			text := CellText(srcs[s], cell)
			require.Equal(t, data.Tokenize(text), cellTokens(srcs[s], cell, text))
			n++
		}
	}
	assert.Greater(t, n, 50)
	// a sentence with space at its edge falls back to tokenising
	src := &data.Source{Text: "One. Two ", Sentences: []data.Sentence{{Start: 0, End: 4}, {Start: 5, End: 9}}}
	src.PrepareTokens()
	cell := align.Cell{Sentences: []int{0, 1}}
	text := CellText(src, cell)
	assert.Equal(t, data.Tokenize(text), cellTokens(src, cell, text))
}

func TestProgress(t *testing.T) {
	files := seeds.Files(t)
	var got []Progress
	srcs, _ := LoadFilesProgress(files, load.Options{}, func(p Progress) { got = append(got, p) })
	require.Len(t, got, len(files))
	for i, p := range got {
		assert.Equal(t, Progress{StageRead, i + 1, len(files)}, p)
	}
	got = nil
	Compare(srcs, Options{Progress: func(p Progress) { got = append(got, p) }})
	assert.Equal(t, []Progress{{StageAlign, 0, 3}, {StageDiff, 1, 3}, {StageFacts, 2, 3}}, got)
}

// BenchmarkCompareSeeds is the whole comparison of the seed articles: load,
// structure, align, diff, similarity and facts.
func BenchmarkCompareSeeds(b *testing.B) {
	files := seeds.Files(b)
	b.ReportAllocs()
	for b.Loop() {
		srcs, _ := LoadFiles(files, load.Options{})
		Compare(srcs, Options{})
	}
}
