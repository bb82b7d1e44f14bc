package app

import (
	"fmt"
	"os"
	"runtime/debug"
	"strings"
	"sync"
	"time"

	"parallax/assets"
	"parallax/data"
	"parallax/data/engine"
	"parallax/data/load"
	"parallax/data/structure"
	"parallax/data/workspace"
	"parallax/views"
)

// addPaths adds files to the open comparison (or starts one) and recomputes.
func (a *App) addPaths(paths []string) {
	if rest, _ := a.splitWorkspaces(paths); len(rest) < len(paths) {
		if paths = rest; len(paths) == 0 {
			return // only saved comparisons: opened (or named in a notice)
		}
	}
	for _, p := range paths {
		a.pending = append(a.pending, item{path: p})
	}
	a.startJob()
}

// addSources adds sources already read and recomputes.
func (a *App) addSources(srcs []*data.Source) {
	for _, s := range srcs {
		a.pending = append(a.pending, item{src: s})
	}
	a.startJob()
}

// job is one run of loading and comparing, with what it started from.
type job struct {
	gen   int
	have  []*data.Source
	items []item
	base  string
	corr  []workspace.Correction // replayed on the new comparison
}

// jobResult is what a job hands back to the main goroutine.
type jobResult struct {
	srcs  []*data.Source
	comp  *engine.Comparison
	model *views.Model // the views' model of comp, built in the job too
	probs []*data.Problem
	panic any
	lost  []workspace.Correction // corrections that no longer apply
}

// startJob loads the pending inputs and compares them with the current
// sources in a goroutine. A newer job supersedes it: its result is dropped.
func (a *App) startJob() {
	a.takeRead()
	a.gen++
	j := job{gen: a.gen, have: append([]*data.Source(nil), a.srcs...), items: append([]item(nil), a.pending...), base: a.baseID, corr: a.jobCorrections()}
	a.busy = true
	n := len(j.have) + len(j.items)
	msg := "Comparing " + plural(n, "source") + "…"
	if len(j.items) > 0 {
		msg = "Reading " + plural(len(j.items), "new input") + " and comparing " + plural(n, "source") + "…"
	}
	a.notices.SetProgress(msg, -1)
	t0 := time.Now()
	pr := a.newProgress(j.gen, len(j.items) > 0)
	go func() {
		res := a.runJob(j, pr.report)
		pr.stop()
		a.logf("job %d: loaded and compared in %v (%s)", j.gen, time.Since(t0), pr.stages())
		a.do(func() {
			t1 := time.Now()
			a.safe("showing the comparison", func() { a.finishJob(j, res) })
			a.logf("job %d: shown in %v (%v after the start)", j.gen, time.Since(t1), time.Since(t0))
			if !a.dropped.IsZero() && j.gen == a.gen {
				a.logf("comparison of %d sources shown %v after the drop", len(res.srcs), time.Since(a.dropped))
			}
		})
	}()
}

// runJob does a job's work, telling progress how it goes; it never panics.
func (a *App) runJob(j job, progress func(engine.Progress)) (res jobResult) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(os.Stderr, "parallax: internal error while comparing: %v\n", r)
			if a.debug {
				os.Stderr.Write(debug.Stack())
			}
			res = jobResult{panic: r}
		}
	}()
	var paths []string
	for _, it := range j.items {
		if it.src == nil {
			paths = append(paths, it.path)
		}
	}
	var loaded []*data.Source
	if len(paths) > 0 {
		loaded, res.probs = a.loadFiles(paths, a.loadOpt, progress)
		a.keepRead(j.gen, loaded)
	}
	all := append([]*data.Source(nil), j.have...)
	k := 0
	for _, it := range j.items {
		if it.src != nil {
			if len(it.src.Paragraphs) == 0 {
				structure.Analyze(it.src)
			}
			all = append(all, it.src)
			continue
		}
		if k < len(loaded) && loaded[k].Path == it.path {
			all = append(all, loaded[k])
			k++
		}
	}
	all = append(all, loaded[k:]...) // a loader that renamed paths
	load.UniqueIDs(all)
	res.srcs = all
	if len(all) > 0 {
		res.comp = a.compare(all, engine.Options{Base: j.base, Load: a.loadOpt, Progress: progress})
		res.lost = applyCorrections(res.comp, j.corr)
		// the model's work grows with rows × sources: not on the main goroutine
		res.model = views.NewModel(res.comp)
	}
	return res
}

// readSource is a source a job has read and analysed, kept by its path
// for a newer job while the path still waits to be shown.
type readSource struct {
	gen int
	src *data.Source
}

// keepRead keeps the sources job gen has read (from its goroutine).
func (a *App) keepRead(gen int, srcs []*data.Source) {
	a.readMu.Lock()
	defer a.readMu.Unlock()
	if a.read == nil {
		a.read = map[string]readSource{}
	}
	for _, s := range srcs {
		a.read[s.Path] = readSource{gen, s}
	}
}

// takeRead puts sources jobs have read in place of their paths among the
// waiting inputs, so that a newer job (files dropped while one compares)
// does not read them again. Only jobs newer than the comparison shown
// count: an older job's files may have changed since.
func (a *App) takeRead() {
	a.readMu.Lock()
	defer a.readMu.Unlock()
	for i, it := range a.pending {
		if r, ok := a.read[it.path]; ok && it.src == nil && r.gen > a.shownGen {
			a.pending[i].src = r.src
		}
	}
}

// forgetRead drops the kept sources once the waiting inputs are shown or
// dropped.
func (a *App) forgetRead() {
	a.shownGen = a.gen
	a.readMu.Lock()
	a.read = nil
	a.readMu.Unlock()
}

// finishJob publishes a job's result unless a newer job superseded it.
func (a *App) finishJob(j job, res jobResult) {
	if j.gen != a.gen {
		return
	}
	a.busy = false
	a.notices.SetProgress("", 0)
	a.empty.SetStatus("")
	a.pending = nil
	a.forgetRead()
	if res.panic != nil {
		names := make([]string, 0, len(j.items))
		for _, it := range j.items {
			names = append(names, it.name())
		}
		what := strings.Join(names, ", ")
		if what == "" {
			what = plural(len(j.have), "source")
		}
		a.notices.Add(views.NoticeError, "Internal error while comparing "+what+" (please report it): "+oneLine(fmt.Sprint(res.panic)))
		return
	}
	a.problemsNotice(res.probs)
	if len(res.srcs) == 0 {
		if len(a.srcs) == 0 {
			a.empty.SetStatus("Nothing could be read. Drop text, Markdown, HTML or Word files.")
		}
		return
	}
	a.srcs, a.comp = res.srcs, res.comp
	if res.comp != nil && res.comp.Base >= 0 && res.comp.Base < len(res.srcs) {
		a.baseID = res.srcs[res.comp.Base].ID
	}
	m := res.model
	if m == nil { // nothing compared, or a result made without the job
		m = views.NewModel(res.comp)
	}
	t, laps := time.Now(), []string{}
	lap := func(what string) {
		laps = append(laps, fmt.Sprintf("%s %v", what, time.Since(t).Round(time.Microsecond)))
		t = time.Now()
	}
	a.workspace().SetModel(m)
	lap("views")
	a.showWorkspace(true)
	lap("shown")
	a.afterJob(res.lost)
	lap("notes")
	a.refreshTitle()
	if len(a.srcs) == 1 {
		a.notices.Add(views.NoticeInfo, "Only one version so far: drop at least one more to compare.")
	}
	a.rememberRecent()
	lap("title and recent")
	a.logf("  main goroutine: %s", strings.Join(laps, ", "))
}

// progressEvery is the shortest time between two updates of the progress
// line: at most 20 a second, however fast the engine reports.
const progressEvery = 50 * time.Millisecond

// progress hands one job's progress to the window's progress line, at
// most every a.progressEvery, and never once a newer job started or the
// job's result is shown.
type progress struct {
	a       *App
	gen     int
	reading bool // the job reads files: reading is the first part of the bar

	mu      sync.Mutex
	cur     engine.Progress
	last    time.Time // when the line was last updated
	pending bool      // an update is scheduled
	stopped bool
	stamps  []stageStamp // when each stage started, for the timing log
}

type stageStamp struct {
	stage string
	at    time.Time
}

func (a *App) newProgress(gen int, reading bool) *progress {
	return &progress{a: a, gen: gen, reading: reading, stamps: []stageStamp{{"start", time.Now()}}}
}

// report is the engine's progress callback (engine.Options.Progress and
// LoadFilesProgress): it keeps the latest state and schedules an update.
func (p *progress) report(pr engine.Progress) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stopped {
		return
	}
	if p.stamps[len(p.stamps)-1].stage != pr.Stage {
		p.stamps = append(p.stamps, stageStamp{pr.Stage, time.Now()})
	}
	p.cur = pr
	if p.pending {
		return // the scheduled update shows the latest state
	}
	p.pending = true
	time.AfterFunc(max(0, p.a.progressEvery-time.Since(p.last)), p.flush)
}

// flush shows the latest state on the main goroutine.
func (p *progress) flush() {
	p.mu.Lock()
	pr, stopped := p.cur, p.stopped
	p.pending, p.last = false, time.Now()
	p.mu.Unlock()
	if stopped {
		return
	}
	text, frac := progressLine(pr, p.reading)
	p.a.doProgress(func() {
		if p.gen == p.a.gen && p.a.busy {
			p.a.notices.SetProgress(text, frac)
		}
	})
}

// stop ends the job's updates (its result is on its way).
func (p *progress) stop() {
	p.mu.Lock()
	p.stopped = true
	p.stamps = append(p.stamps, stageStamp{"end", time.Now()})
	p.mu.Unlock()
}

// stages is how long each stage took, for the timing log.
func (p *progress) stages() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	var parts []string
	for i := 1; i+1 < len(p.stamps); i++ {
		parts = append(parts, fmt.Sprintf("%s %v", strings.ToLower(p.stamps[i].stage), p.stamps[i+1].at.Sub(p.stamps[i].at).Round(time.Millisecond)))
	}
	return strings.Join(parts, ", ")
}

// readShare is the part of the progress bar that reading the files takes
// when a job reads files (about what it takes of the time on 50 × 10,000
// words); comparing takes the rest.
const readShare = 0.25

// progressLine is the progress line's text and fraction for a state of
// the engine.
func progressLine(pr engine.Progress, reading bool) (string, float64) {
	frac := 0.0
	if pr.Total > 0 {
		frac = min(1, max(0, float64(pr.Done)/float64(pr.Total)))
	}
	if pr.Stage == engine.StageRead {
		return fmt.Sprintf("%s %d/%d…", pr.Stage, pr.Done, pr.Total), readShare * frac
	}
	if reading {
		frac = readShare + (1-readShare)*frac
	}
	return pr.Stage + "…", frac
}

// Busy reports whether a job is under way.
func (a *App) Busy() bool { return a.busy }

// Comparison is the comparison shown, or nil.
func (a *App) Comparison() *engine.Comparison { return a.comp }

// recompute compares the current sources again (after a removal or a new base).
func (a *App) recompute() {
	if len(a.srcs) == 0 && len(a.pending) == 0 {
		a.CloseComparison()
		return
	}
	a.startJob()
}

// CloseComparison returns to the empty state; work under way is dropped.
func (a *App) CloseComparison() {
	a.gen++
	a.busy = false
	a.srcs, a.comp, a.pending, a.baseID = nil, nil, nil, ""
	a.forgetRead()
	a.work = workState{}
	a.notices.SetProgress("", 0)
	a.notices.Clear()
	a.empty.SetStatus("")
	if a.ws != nil {
		a.ws.SetModel(views.NewModel(nil))
	}
	a.showWorkspace(false)
	a.refreshTitle()
	a.refreshRecent()
}

// OpenSample replaces the comparison with the bundled sample story.
func (a *App) OpenSample() {
	a.CloseComparison()
	var srcs []*data.Source
	var probs []*data.Problem
	for _, f := range assets.SampleFiles() {
		s, err := load.Bytes(f.Name, f.Bytes, a.loadOpt)
		if err != nil {
			probs = append(probs, &data.Problem{Path: f.Name, Reason: err.Error()})
			continue
		}
		srcs = append(srcs, s)
	}
	a.problemsNotice(probs)
	a.addSources(srcs)
}

// removeSource drops source i and recomputes.
func (a *App) removeSource(i int) {
	if i < 0 || i >= len(a.srcs) {
		return
	}
	if a.srcs[i].ID == a.baseID {
		a.baseID = ""
	}
	a.srcs = append(append([]*data.Source(nil), a.srcs[:i]...), a.srcs[i+1:]...)
	a.recompute()
}

// makeBase compares again with source i as the base.
func (a *App) makeBase(i int) {
	if i < 0 || i >= len(a.srcs) {
		return
	}
	a.baseID = a.srcs[i].ID
	a.recompute()
}

// renameSource gives source i a new display name; nothing is recomputed.
func (a *App) renameSource(i int, name string) {
	name = strings.TrimSpace(name)
	if i < 0 || i >= len(a.srcs) || name == "" {
		return
	}
	// a copy, so work under way that holds the old source never races with it
	cp := *a.srcs[i]
	cp.Name = name
	a.srcs = append([]*data.Source(nil), a.srcs...)
	a.srcs[i] = &cp
	if a.comp != nil && i < len(a.comp.Sources) {
		c := *a.comp
		c.Sources = a.srcs
		a.comp = &c
	}
	a.workspace().SetModel(views.NewModel(a.comp))
}

// addPasted adds text as a new source.
func (a *App) addPasted(name, text string) {
	if strings.TrimSpace(text) == "" {
		a.notices.Add(views.NoticeWarning, "Nothing to paste: the clipboard holds no text.")
		return
	}
	if u, ok := asURL(text); ok {
		a.fetchURL(u)
		return
	}
	a.pasted++
	if strings.TrimSpace(name) == "" {
		name = fmt.Sprintf("Pasted %d", a.pasted)
	}
	a.addSources([]*data.Source{load.Text(name, text)})
}

func plural(n int, word string) string {
	if n == 1 {
		return "1 " + word
	}
	return fmt.Sprintf("%d %ss", n, word)
}

// logf writes a timing line to standard error when PARALLAX_DEBUG is set.
func (a *App) logf(format string, args ...any) {
	if a.debug {
		fmt.Fprintf(os.Stderr, "parallax: "+format+"\n", args...)
	}
}
