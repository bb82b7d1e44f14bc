package app

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"parallax/data"
	"parallax/data/engine"
	"parallax/data/load"
)

func TestProgressLine(t *testing.T) {
	tests := []struct {
		pr      engine.Progress
		reading bool
		text    string
		frac    float64
	}{
		{engine.Progress{Stage: engine.StageRead, Done: 23, Total: 50}, true, "Reading files 23/50…", readShare * 23 / 50},
		{engine.Progress{Stage: engine.StageRead, Done: 50, Total: 50}, true, "Reading files 50/50…", readShare},
		{engine.Progress{Stage: engine.StageAlign, Done: 0, Total: 3}, true, "Aligning passages…", readShare},
		{engine.Progress{Stage: engine.StageDiff, Done: 1, Total: 3}, true, "Comparing wording…", readShare + (1-readShare)/3},
		{engine.Progress{Stage: engine.StageFacts, Done: 2, Total: 3}, false, "Checking numbers and quotes…", 2.0 / 3},
		{engine.Progress{Stage: engine.StageAlign, Done: 0, Total: 3}, false, "Aligning passages…", 0},
		{engine.Progress{Stage: "Something new", Done: 5, Total: 0}, false, "Something new…", 0},
		{engine.Progress{Stage: engine.StageDiff, Done: 9, Total: 3}, false, "Comparing wording…", 1},
	}
	for _, tt := range tests {
		text, frac := progressLine(tt.pr, tt.reading)
		assert.Equal(t, tt.text, text)
		assert.InDelta(t, tt.frac, frac, 1e-9, tt.text)
	}
}

// reportingHarness is a harness whose loader and comparer report progress
// as the engine does; the loader stops after the first file until the test
// has seen the first update.
func reportingHarness(t *testing.T) (*harness, chan struct{}) {
	h := newHarness(t)
	h.progressEvery = time.Hour // one update per job: the first
	goOn := make(chan struct{})
	load0, compare0 := h.loadFiles, h.compare
	h.loadFiles = func(paths []string, opt load.Options, progress func(engine.Progress)) ([]*data.Source, []*data.Problem) {
		for i := range paths {
			progress(engine.Progress{Stage: engine.StageRead, Done: i + 1, Total: len(paths)})
			if i == 0 {
				<-goOn
			}
		}
		return load0(paths, opt, nil)
	}
	h.compare = func(srcs []*data.Source, opt engine.Options) *engine.Comparison {
		for i, st := range []string{engine.StageAlign, engine.StageDiff, engine.StageFacts} {
			opt.Progress(engine.Progress{Stage: st, Done: i, Total: 3})
		}
		return compare0(srcs, opt)
	}
	return h, goOn
}

func (h *harness) nextProgress() func() {
	h.t.Helper()
	select {
	case f := <-h.progress:
		return f
	case <-time.After(time.Minute):
		h.t.Fatal("no progress update")
		return nil
	}
}

func paths(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = filepath.Join("dir", fmt.Sprintf("v%02d.txt", i+1))
	}
	return out
}

// The progress line tells the engine's stage with a determinate bar,
// through few updates, and is gone once the comparison is shown.
func TestProgressShownThrottledAndHidden(t *testing.T) {
	h, goOn := reportingHarness(t)
	h.addPaths(paths(50))
	text, frac := h.notices.Progress()
	assert.Equal(t, "Reading 50 new inputs and comparing 50 sources…", text)
	assert.Equal(t, -1.0, frac, "of unknown length until the engine reports")

	show := h.nextProgress()
	close(goOn)
	show()
	text, frac = h.notices.Progress()
	assert.Equal(t, "Reading files 1/50…", text)
	assert.InDelta(t, readShare/50, frac, 1e-9)

	h.next() // the result
	text, _ = h.notices.Progress()
	assert.Empty(t, text)
	assert.Len(t, h.srcs, 50)
	assert.Empty(t, h.progress, "53 reports within the interval make one update")

	show() // an update arriving late does not bring the line back
	text, _ = h.notices.Progress()
	assert.Empty(t, text)
}

// An update of a job that a newer job superseded is dropped.
func TestProgressOfSupersededJobDropped(t *testing.T) {
	h, goOn := reportingHarness(t)
	h.addPaths(paths(3))
	old := h.nextProgress()
	h.addPaths([]string{"dir/late.txt"}) // a second drop: job 2 supersedes job 1
	text, _ := h.notices.Progress()
	require.Equal(t, "Reading 4 new inputs and comparing 4 sources…", text)
	old()
	text, _ = h.notices.Progress()
	assert.Equal(t, "Reading 4 new inputs and comparing 4 sources…", text, "job 1's update is not shown")

	close(goOn)
	h.next()
	h.next()
	assert.Len(t, h.srcs, 4)
	assert.False(t, h.Busy())
}

// Adding a source to an open comparison reads and analyses only that
// source; the others are the same values, not read or analysed again.
func TestAddingOneSourceReadsOnlyIt(t *testing.T) {
	h := newHarness(t)
	dir := t.TempDir()
	for i, name := range []string{"a.txt", "b.txt", "c.txt", "d.txt"} {
		text := fmt.Sprintf("Rain flooded the river road on Monday. About %d homes were evacuated, officials said. The mayor visited.", 40+i)
		require.NoError(t, os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644))
	}
	var loaded [][]string
	h.loadFiles = func(paths []string, opt load.Options, pr func(engine.Progress)) ([]*data.Source, []*data.Problem) {
		loaded = append(loaded, paths)
		return engine.LoadFilesProgress(paths, opt, pr)
	}
	var compared [][]*data.Source
	h.compare = func(srcs []*data.Source, opt engine.Options) *engine.Comparison {
		compared = append(compared, srcs)
		return engine.Compare(srcs, opt)
	}
	h.addPaths([]string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt"), filepath.Join(dir, "c.txt")})
	h.next()
	require.Len(t, h.srcs, 3)
	before := append([]*data.Source(nil), h.srcs...)
	sentences := make([]*data.Sentence, 3) // the first sentence of each, as analysed
	for i, s := range before {
		require.NotEmpty(t, s.Sentences)
		sentences[i] = &s.Sentences[0]
	}

	h.addPaths([]string{filepath.Join(dir, "d.txt")})
	h.next()
	require.Len(t, loaded, 2)
	assert.Equal(t, []string{filepath.Join(dir, "d.txt")}, loaded[1], "only the new file is read")
	require.Len(t, h.srcs, 4)
	for i, s := range before {
		assert.Same(t, s, h.srcs[i], "source %d is the value read the first time", i)
		assert.Same(t, sentences[i], &h.srcs[i].Sentences[0], "source %d is not analysed again", i)
		assert.Same(t, s, compared[1][i], "the comparison is of the same source %d", i)
	}
	assert.Equal(t, "d.txt", h.srcs[3].Name)
	assert.NotNil(t, h.comp)
	assert.Len(t, h.comp.Sources, 4)
}

// Files dropped while a comparison runs start a newer job; the files the
// first job has read already are not read again.
func TestDropDuringJobReadsOnlyTheNewFiles(t *testing.T) {
	h := newHarness(t)
	compare0 := h.compare
	release := make(chan struct{})
	h.compare = func(srcs []*data.Source, opt engine.Options) *engine.Comparison {
		if len(srcs) == 3 {
			<-release // the first job stays busy comparing
		}
		return compare0(srcs, opt)
	}
	h.addPaths([]string{"/in/a.txt", "/in/b.txt", "/in/c.txt"})
	// the first job keeps what it has read before it compares
	require.Eventually(t, func() bool {
		h.readMu.Lock()
		defer h.readMu.Unlock()
		return len(h.read) == 3
	}, time.Minute, time.Millisecond)
	h.addPaths([]string{"/in/d.txt"})
	h.next() // the newer job's result
	close(release)
	h.next() // the first job's, dropped: superseded
	h.mu.Lock()
	loads := append([][]string(nil), h.loads...)
	h.mu.Unlock()
	require.Len(t, loads, 2)
	assert.Equal(t, []string{"/in/d.txt"}, loads[1], "only the new file is read")
	assert.Equal(t, []string{"a.txt", "b.txt", "c.txt", "d.txt"}, h.names())
}

// A source read by a job older than the comparison shown is not reused: its
// file may have changed since.
func TestOldReadsAreNotReused(t *testing.T) {
	h := newHarness(t)
	h.addPaths([]string{"/in/a.txt", "/in/b.txt"})
	h.next()
	h.keepRead(h.gen-1, []*data.Source{{ID: "stale", Name: "c.txt", Path: "/in/c.txt", Text: "old"}})
	h.addPaths([]string{"/in/c.txt"})
	h.next()
	h.mu.Lock()
	defer h.mu.Unlock()
	assert.Equal(t, []string{"/in/c.txt"}, h.loads[len(h.loads)-1], "read again")
	assert.Equal(t, []string{"a.txt", "b.txt", "c.txt"}, h.names())
	assert.NotEqual(t, "stale", h.srcs[2].ID)
}
