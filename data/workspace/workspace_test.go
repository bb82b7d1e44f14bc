package workspace

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"math/rand"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"parallax/data"
	"parallax/data/engine"
	"parallax/data/report"
	"parallax/data/structure"
)

// Invented versions of an invented story.
var texts = map[string]string{
	"kessel-post": "Festival opens in Kessel\n\n" +
		"The river festival opened on Friday in Kessel with 3,000 visitors.\n\n" +
		"Organisers said the weather was mild. Tickets cost 5 euros at the gate.\n\n" +
		"\u201cWe expected fewer people,\u201d said Mira Holt, the organiser.\n",
	"valley-news": "Kessel river festival draws crowds\n\n" +
		"The river festival opened on Friday in Kessel with 3,000 visitors.\n\n" +
		"A brass band from Lind played until midnight.\n\n" +
		"\u201cWe expected fewer people,\u201d organiser Mira Holt said.\n",
	"daily-kessel": "Crowds at Kessel festival\n\n" +
		"About 2,500 visitors came to the river festival on Friday.\n\n" +
		"The brass band from Lind played until midnight, and tickets cost 5 euros.\n",
}

func source(id string) *data.Source {
	s := &data.Source{ID: id, Name: id + ".txt", Path: filepath.Join("stories", id+".txt"), Format: "txt", Encoding: "utf-8", Text: texts[id]}
	structure.Analyze(s)
	return s
}

// find returns the index of the sentence of s that contains sub.
func find(t *testing.T, s *data.Source, sub string) int {
	t.Helper()
	for i := range s.Sentences {
		if strings.Contains(s.SentenceText(i), sub) {
			return i
		}
	}
	t.Fatalf("%s has no sentence with %q", s.ID, sub)
	return -1
}

func srcIndex(c *engine.Comparison, id string) int {
	for i, s := range c.Sources {
		if s.ID == id {
			return i
		}
	}
	return -1
}

// rowOf returns the row holding the sentence of source id containing sub.
func rowOf(t *testing.T, c *engine.Comparison, id, sub string) int {
	t.Helper()
	si := srcIndex(c, id)
	require.GreaterOrEqual(t, si, 0, id)
	i := find(t, c.Sources[si], sub)
	for ri, r := range c.Rows {
		for _, k := range r.Cells[si].Sentences {
			if k == i {
				return ri
			}
		}
	}
	t.Fatalf("sentence %q of %s is in no row", sub, id)
	return -1
}

func ref(t *testing.T, c *engine.Comparison, id, sub string) SentenceRef {
	si := srcIndex(c, id)
	return Ref(c, si, find(t, c.Sources[si], sub))
}

// checkInvariants: every story sentence in exactly one row, nothing else in
// any; passages cover the rows in order; diffs match the rows.
func checkInvariants(t *testing.T, c *engine.Comparison) {
	t.Helper()
	seen := map[[2]int]int{}
	for ri, r := range c.Rows {
		require.Len(t, r.Cells, len(c.Sources), "row %d", ri)
		n := 0
		for si, cell := range r.Cells {
			for _, i := range cell.Sentences {
				require.True(t, c.Sources[si].Story(i), "row %d holds a non-story sentence", ri)
				seen[[2]int{si, i}]++
				n++
			}
		}
		assert.Positive(t, n, "row %d is empty", ri)
	}
	for si, s := range c.Sources {
		for i := range s.Sentences {
			if s.Story(i) {
				assert.Equal(t, 1, seen[[2]int{si, i}], "sentence %d of %s", i, s.ID)
			}
		}
	}
	at := 0
	for pi, p := range c.Passages {
		require.Equal(t, at, p.First, "passage %d", pi)
		for ri := p.First; ri < p.First+p.N; ri++ {
			assert.Equal(t, pi, c.Rows[ri].Passage)
		}
		at += p.N
	}
	assert.Equal(t, len(c.Rows), at, "passages cover the rows")
	assert.Len(t, c.Diffs, len(c.Rows))
}

func jsonOf(t *testing.T, c *engine.Comparison) string {
	var b bytes.Buffer
	require.NoError(t, report.JSON(&b, c))
	return b.String()
}

func TestSaveOpenSameComparison(t *testing.T) {
	srcs := []*data.Source{source("kessel-post"), source("valley-news"), source("daily-kessel")}
	opt := engine.Options{Base: "valley-news"}
	want := jsonOf(t, engine.Compare(srcs, opt))

	ws := New(srcs, opt)
	path := filepath.Join(t.TempDir(), "festival"+Ext)
	require.NoError(t, Save(path, ws))

	got, err := Open(path)
	require.NoError(t, err)
	assert.Equal(t, FormatID, got.Format)
	require.Len(t, got.Records, 3)
	assert.Equal(t, "stories/kessel-post.txt", filepath.ToSlash(got.Records[0].Path))
	assert.False(t, got.Records[0].LoadedAt.IsZero())
	c, skipped := got.Compare()
	assert.Empty(t, skipped)
	assert.Equal(t, want, jsonOf(t, c), "the reopened comparison is the same")

	// a plain JSON file reads the same
	var b bytes.Buffer
	require.NoError(t, json.NewEncoder(&b).Encode(ws))
	plain := filepath.Join(t.TempDir(), "plain"+Ext)
	require.NoError(t, os.WriteFile(plain, b.Bytes(), 0o644))
	got2, err := Open(plain)
	require.NoError(t, err)
	c2, _ := got2.Compare()
	assert.Equal(t, want, jsonOf(t, c2))
}

func TestCorrectionsSurviveRecompute(t *testing.T) {
	srcs := []*data.Source{source("kessel-post"), source("valley-news")}
	ws := New(srcs, engine.Options{})
	c, _ := ws.Compare()
	checkInvariants(t, c)

	// link two sentences nobody would align; unlink two identical ones;
	// move the quotation of one source to the row of the other's weather line
	link := Link(ref(t, c, "kessel-post", "weather was mild"), ref(t, c, "valley-news", "brass band"))
	unlink := Unlink(ref(t, c, "valley-news", "river festival opened"))
	mv := Move(ref(t, c, "kessel-post", "Tickets cost"), ref(t, c, "valley-news", "expected fewer"))
	ws.Corrections = append(ws.Corrections, link, unlink, mv)

	check := func(c *engine.Comparison) {
		t.Helper()
		checkInvariants(t, c)
		assert.Equal(t, rowOf(t, c, "kessel-post", "weather was mild"), rowOf(t, c, "valley-news", "brass band"), "linked")
		assert.NotEqual(t, rowOf(t, c, "kessel-post", "river festival opened"), rowOf(t, c, "valley-news", "river festival opened"), "unlinked")
		assert.Equal(t, rowOf(t, c, "kessel-post", "Tickets cost"), rowOf(t, c, "valley-news", "expected fewer"), "moved")
	}
	c, skipped := ws.Compare()
	assert.Empty(t, skipped)
	check(c)
	corrected := jsonOf(t, c)
	ws.SetNote(Note{Target: RowTarget(c, rowOf(t, c, "valley-news", "brass band")), Status: report.StatusChecked})

	// saved and reopened, with a source added and the base changed
	path := filepath.Join(t.TempDir(), "f"+Ext)
	require.NoError(t, Save(path, ws))
	ws2, err := Open(path)
	require.NoError(t, err)
	reopened, _ := ws2.Compare()
	assert.Equal(t, corrected, jsonOf(t, reopened), "save -> open gives the same corrected comparison")
	assert.Equal(t, ws.Notes, ws2.Notes)
	ws2.AddSources(source("daily-kessel"))
	ws2.Options.Base = "daily-kessel"
	c2, skipped := ws2.Compare()
	assert.Empty(t, skipped)
	assert.Equal(t, "daily-kessel", c2.Sources[c2.Base].ID)
	check(c2)

	// a correction naming a sentence that is gone is reported, not applied
	gone := Link(SentenceRef{Source: "kessel-post", Sentence: "p99s9", Hash: "0000"}, ref(t, c2, "valley-news", "brass band"))
	assert.Equal(t, []Correction{gone}, Apply(c2, []Correction{gone}))
	checkInvariants(t, c2)
}

func TestRefFindsMovedSentence(t *testing.T) {
	c := engine.Compare([]*data.Source{source("kessel-post"), source("valley-news")}, engine.Options{})
	r := ref(t, c, "kessel-post", "weather was mild")
	// the same text under another sentence ID (a newer splitter numbered it differently)
	r.Sentence = "p1s1"
	l, ok := newResolver(c).resolve(r)
	require.True(t, ok)
	assert.Equal(t, find(t, c.Sources[0], "weather was mild"), l.sen)
	// the ID with other text and no such text anywhere: gone
	r.Hash = TextHash("something else")
	_, ok = newResolver(c).resolve(r)
	assert.False(t, ok)
}

// TestApplyRandom: any sequence of corrections keeps every story sentence in
// exactly one row.
func TestApplyRandom(t *testing.T) {
	srcs := []*data.Source{source("kessel-post"), source("valley-news"), source("daily-kessel")}
	rng := rand.New(rand.NewSource(7))
	for round := 0; round < 30; round++ {
		c := engine.Compare(srcs, engine.Options{})
		var all []SentenceRef
		for si, s := range c.Sources {
			for i := range s.Sentences {
				if s.Story(i) {
					all = append(all, Ref(c, si, i))
				}
			}
		}
		pick := func() []SentenceRef {
			n := 1 + rng.Intn(3)
			var out []SentenceRef
			for range n {
				out = append(out, all[rng.Intn(len(all))])
			}
			return out
		}
		var cs []Correction
		for range 1 + rng.Intn(6) {
			switch rng.Intn(3) {
			case 0:
				cs = append(cs, Link(pick()...))
			case 1:
				cs = append(cs, Unlink(pick()...))
			default:
				cs = append(cs, Move(all[rng.Intn(len(all))], pick()...))
			}
		}
		Apply(c, cs)
		checkInvariants(t, c)
	}
}

func TestNotesFollowTheirRow(t *testing.T) {
	srcs := []*data.Source{source("kessel-post"), source("valley-news")}
	ws := New(srcs, engine.Options{})
	c, _ := ws.Compare()
	r := rowOf(t, c, "valley-news", "brass band")
	ws.SetNote(Note{Target: RowTarget(c, r), Status: report.StatusDisputed, Text: "Which band?"})
	ws.AddSources(source("daily-kessel"))
	ws.Options.Base = "daily-kessel"
	c2, _ := ws.Compare()
	notes := ws.ReportNotes(c2)
	r2 := rowOf(t, c2, "valley-news", "brass band")
	assert.Equal(t, map[int]report.Note{r2: {Status: report.StatusDisputed, Text: "Which band?"}}, notes.Rows)

	// clearing a note removes it
	ws.SetNote(Note{Target: RowTarget(c, r)})
	assert.Empty(t, ws.Notes)
}

func TestBestFact(t *testing.T) {
	ts := []Target{
		{Kind: TargetNumber, Label: "visitors", Sources: []string{"a", "b"}, Wordings: []string{"3,000 visitors"}},
		{Kind: TargetNumber, Label: "visitors", Sources: []string{"a", "b", "c"}, Wordings: []string{"2,500 visitors", "3,000 visitors"}},
		{Kind: TargetNumber, Label: "euros", Sources: []string{"a", "c"}, Wordings: []string{"5 euros"}},
	}
	assert.Equal(t, 1, bestFact(Target{Label: "visitors", Sources: []string{"a", "c"}, Wordings: []string{"2,500 visitors"}}, ts))
	assert.Equal(t, 0, bestFact(Target{Label: "visitors", Sources: []string{"a", "b"}, Wordings: []string{"3,000 visitors"}}, ts[:1]))
	assert.Equal(t, 2, bestFact(Target{Label: "euros", Sources: []string{"c"}}, ts))
	assert.Equal(t, -1, bestFact(Target{Label: "bands", Sources: []string{"a"}}, ts))
	// relabelled: found by its wordings
	assert.Equal(t, 2, bestFact(Target{Label: "ticket price", Sources: []string{"a", "c"}, Wordings: []string{"5 euros"}}, ts))
	assert.Equal(t, -1, bestFact(Target{Label: "ticket price", Wordings: []string{"5 euros", "six euros", "7 euros"}}, ts))
}

func zipped(t testing.TB, name string, body []byte) []byte {
	var b bytes.Buffer
	zw := zip.NewWriter(&b)
	w, err := zw.Create(name)
	require.NoError(t, err)
	_, err = w.Write(body)
	require.NoError(t, err)
	require.NoError(t, zw.Close())
	return b.Bytes()
}

// openCases are files Open must refuse, with the reason it gives; they also
// seed FuzzDecode.
func openCases(t testing.TB) []struct {
	name   string
	body   []byte
	reason string
} {
	good, err := json.Marshal(New([]*data.Source{source("kessel-post")}, engine.Options{}))
	require.NoError(t, err)
	var full bytes.Buffer
	{
		path := filepath.Join(t.TempDir(), "g"+Ext)
		require.NoError(t, Save(path, New([]*data.Source{source("kessel-post")}, engine.Options{})))
		b, err := os.ReadFile(path)
		require.NoError(t, err)
		full.Write(b)
	}
	return []struct {
		name   string
		body   []byte
		reason string
	}{
		{"truncated json", good[:len(good)/2], "not a Parallax comparison (damaged: unexpected end of JSON)"},
		{"newer", []byte(`{"format": "parallax.workspace/2", "sources": {"changed": true}}`), "made by a newer Parallax (format 2); this version reads format 1"},
		{"older", []byte(`{"format": "parallax.workspace/0"}`), "made by an older Parallax (format 0) that this version cannot read"},
		{"other json", []byte(`{"name": "x"}`), "not a Parallax comparison (no format field)"},
		{"other format", []byte(`{"format": "something/1"}`), `not a Parallax comparison (format "something/1")`},
		{"report", []byte(`{"format": "parallax.comparison/1", "sources": []}`), "a comparison report, not a saved comparison (use it with the scorer, or save with --save)"},
		{"empty", nil, "not a Parallax comparison"},
		{"text", []byte("The festival opened on Friday."), "not a Parallax comparison"},
		{"truncated zip", full.Bytes()[:full.Len()/2], "not a Parallax comparison (damaged: not a valid zip file)"},
		{"zip without entry", zipped(t, "other.txt", []byte("x")), "not a Parallax comparison (a zip file without workspace.json)"},
		{"zip with bad json", zipped(t, entryName, []byte(`{"format": "parallax.workspace/1", "sources": [`)), "not a Parallax comparison (damaged: unexpected end of JSON)"},
		{"wrong type", []byte(`{"format": "parallax.workspace/1", "sources": 3}`), "not a Parallax comparison (damaged: sources is number, should be []workspace.Source)"},
		{"duplicate ids", []byte(`{"format": "parallax.workspace/1", "sources": [{"id": "a", "text": "x"}, {"id": "a", "text": "y"}]}`), `not a Parallax comparison (damaged: two sources have the id "a")`},
		{"unknown op", []byte(`{"format": "parallax.workspace/1", "corrections": [{"op": "explode"}]}`), `not a Parallax comparison (damaged: unknown correction "explode")`},
	}
}

func TestOpenRefusesDamaged(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range openCases(t) {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, "x"+Ext)
			require.NoError(t, os.WriteFile(path, tc.body, 0o644))
			ws, err := Open(path)
			assert.Nil(t, ws)
			require.Error(t, err)
			assert.Equal(t, path+": "+tc.reason, err.Error())
			var p *data.Problem
			assert.True(t, errors.As(err, &p))
		})
	}
	_, err := Open(filepath.Join(dir, "missing"+Ext))
	assert.EqualError(t, err, filepath.Join(dir, "missing"+Ext)+": no such file")
	_, err = Open(dir)
	assert.EqualError(t, err, dir+": is a directory")
}

func FuzzDecode(f *testing.F) {
	for _, tc := range openCases(f) {
		f.Add(tc.body)
	}
	f.Add([]byte(`{"format": "parallax.workspace/1", "sources": [{"id": "a", "text": "One. Two."}], "corrections": [{"op": "link", "sentences": [{"source": "a", "sentence": "p1s1"}]}], "notes": [{"target": {"kind": "row"}}]}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		ws, reason := decode(b)
		if ws == nil {
			if reason == "" || strings.ContainsAny(reason, "\n") {
				t.Fatalf("refused without a one-line reason: %q", reason)
			}
			return
		}
		if len(b) > 1<<16 {
			return
		}
		c, _ := ws.Compare()
		_ = ws.ReportNotes(c)
	})
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.html")
	require.NoError(t, os.WriteFile(path, []byte("old"), 0o600))

	// a failing write leaves the old file and no temporary file
	boom := errors.New("disk on fire")
	err := WriteFileAtomic(path, func(w io.Writer) error {
		io.WriteString(w, strings.Repeat("half-written ", 10000))
		return boom
	})
	assert.ErrorIs(t, err, boom)
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	assert.Equal(t, "old", string(b))
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	assert.Len(t, entries, 1, "no temporary file left behind")

	// a panic in the middle also leaves the old file
	func() {
		defer func() { recover() }()
		WriteFileAtomic(path, func(w io.Writer) error { io.WriteString(w, "new"); panic("crash") })
	}()
	b, _ = os.ReadFile(path)
	assert.Equal(t, "old", string(b))

	// a good write replaces it, keeping its permissions
	require.NoError(t, WriteFileAtomic(path, func(w io.Writer) error { _, err := io.WriteString(w, "new"); return err }))
	b, _ = os.ReadFile(path)
	assert.Equal(t, "new", string(b))
	if runtime.GOOS != "windows" {
		fi, err := os.Stat(path)
		require.NoError(t, err)
		assert.Equal(t, os.FileMode(0o600), fi.Mode().Perm())

		// through a symbolic link, the target is written and the link kept
		link := filepath.Join(dir, "link.html")
		require.NoError(t, os.Symlink(path, link))
		require.NoError(t, WriteFileAtomic(link, func(w io.Writer) error { _, err := io.WriteString(w, "via link"); return err }))
		b, _ = os.ReadFile(path)
		assert.Equal(t, "via link", string(b))
		fi, err = os.Lstat(link)
		require.NoError(t, err)
		assert.NotZero(t, fi.Mode()&os.ModeSymlink)
	}

	// a directory in the way, or a missing directory: an error naming the path
	assert.ErrorContains(t, WriteFileAtomic(dir, func(io.Writer) error { return nil }), "is a directory")
	assert.Error(t, WriteFileAtomic(filepath.Join(dir, "no", "such", "x"), func(io.Writer) error { return nil }))
}

func TestExportAndRemoveSource(t *testing.T) {
	ws := New([]*data.Source{source("kessel-post"), source("valley-news"), source("daily-kessel")}, engine.Options{Base: "daily-kessel"})
	c, _ := ws.Compare()
	dir := t.TempDir()
	for _, name := range []string{"r.html", "r.csv", "r.md", "r.json", "r.txt"} {
		path := filepath.Join(dir, name)
		require.NoError(t, Export(path, "", c, ws.ReportOptions(c)), name)
		b, err := os.ReadFile(path)
		require.NoError(t, err)
		assert.NotEmpty(t, b, name)
	}
	assert.ErrorContains(t, Export(filepath.Join(dir, "r.pdf"), "", c, report.Options{}), `cannot export as ""`)

	assert.True(t, ws.RemoveSource("daily-kessel"))
	assert.False(t, ws.RemoveSource("daily-kessel"))
	assert.Empty(t, ws.Options.Base)
	c, _ = ws.Compare()
	assert.Len(t, c.Sources, 2)
	checkInvariants(t, c)
}
