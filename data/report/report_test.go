package report

import (
	"bytes"
	"encoding/csv"
	"flag"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/net/html"

	"parallax/data"
	"parallax/data/engine"
	"parallax/data/structure"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/")

type writerFunc func(io.Writer, *engine.Comparison, Options) error

var writers = []struct {
	name, ext string
	w         writerFunc
}{
	{"text", "txt", TextWith},
	{"html", "html", HTMLWith},
	{"md", "md", MarkdownWith},
	{"csv", "csv", CSVWith},
	{"json", "json", JSONWith},
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		require.NoError(t, os.MkdirAll("testdata", 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "missing golden file; run go test -update")
	assert.Equal(t, string(want), string(got), "output differs from %s (run go test -update after checking the change)", path)
}

func TestGoldens(t *testing.T) {
	cases := []struct {
		name string
		opt  Options
	}{
		{"fixture", Options{}},
		{"fixture-notes", fixtureOptions()},
	}
	for _, tc := range cases {
		for _, w := range writers {
			t.Run(tc.name+"."+w.ext, func(t *testing.T) {
				var b bytes.Buffer
				require.NoError(t, w.w(&b, fixture(), tc.opt))
				golden(t, tc.name+"."+w.ext, b.Bytes())
			})
		}
	}
}

func TestWriterRegistry(t *testing.T) {
	for _, f := range []string{"json", "text", "html", "md", "csv"} {
		assert.NotNil(t, Writer(f, Options{}), f)
	}
	assert.Nil(t, Writer("pdf", Options{}))
	var a, b bytes.Buffer
	require.NoError(t, Writer("md", fixtureOptions())(&a, fixture()))
	require.NoError(t, MarkdownWith(&b, fixture(), fixtureOptions()))
	assert.Equal(t, b.String(), a.String())
}

func TestSummary(t *testing.T) {
	c := fixture()
	assert.Equal(t, "3 sources; 1 number disagrees: cars a day, 4,000 in one source, 3,000 in one; "+
		"1 number is compatible but not the same figure: people killed; "+
		"1 quotation differs: Ana Petrova: \u201cWe will rebuild it within a\u2026\u201d (reworded in charlie); 1 file skipped.", Summary(c))
	empty := &engine.Comparison{Base: -1}
	assert.Equal(t, "0 sources; no numbers compared.", Summary(empty))
}

// assertInert parses an HTML report and fails on anything live.
func assertInert(t *testing.T, out []byte) {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(out))
	require.NoError(t, err)
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			switch n.Data {
			case "script", "iframe", "object", "embed", "img", "svg", "form", "link", "base":
				t.Errorf("live element <%s> in the report", n.Data)
			}
			for _, a := range n.Attr {
				k := strings.ToLower(a.Key)
				v := strings.ToLower(strings.TrimSpace(a.Val))
				if strings.HasPrefix(k, "on") {
					t.Errorf("event handler attribute %s=%q on <%s>", a.Key, a.Val, n.Data)
				}
				if (k == "href" || k == "src" || k == "action" || k == "formaction") && !strings.HasPrefix(v, "#") {
					t.Errorf("%s=%q on <%s>: only in-page links are allowed", a.Key, a.Val, n.Data)
				}
				if strings.Contains(v, "javascript:") {
					t.Errorf("javascript: in attribute %s of <%s>", a.Key, n.Data)
				}
			}
		}
		for ch := n.FirstChild; ch != nil; ch = ch.NextSibling {
			walk(ch)
		}
	}
	walk(doc)
}

func TestHTMLInert(t *testing.T) {
	for _, opt := range []Options{{}, {Notes: Notes{Numbers: map[int]Note{0: {Status: StatusError, Source: "<script>", Text: "<img src=x onerror=alert(9)>"}},
		Rows: map[int]Note{0: {Text: "<a href='javascript:alert(1)'>x</a>"}}}}} {
		var b bytes.Buffer
		require.NoError(t, HTMLWith(&b, hostile(), opt))
		assertInert(t, b.Bytes())
		out := b.String()
		assert.Contains(t, out, "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "the script is shown as text")
		assert.Contains(t, out, "Content-Security-Policy")
		assert.NotContains(t, out, "\x1b", "control characters are replaced")
	}
}

func TestTextColor(t *testing.T) {
	var plain, color bytes.Buffer
	require.NoError(t, TextWith(&plain, fixture(), Options{}))
	require.NoError(t, TextWith(&color, fixture(), Options{Color: true}))
	assert.NotContains(t, plain.String(), "\x1b")
	out := color.String()
	assert.Contains(t, out, ansiDeleted+"[-4,000-]"+ansiReset+ansiInserted+"{+"+ansiConflict+"3,000"+ansiReset+ansiInserted+"+}"+ansiReset)
	stripped := regexp.MustCompile("\x1b\\[[0-9;]*m").ReplaceAllString(out, "")
	assert.Equal(t, strings.Count(plain.String(), "{+"), strings.Count(stripped, "{+"), "the same markers with colours")
}

func TestTextMarkdownCSVInert(t *testing.T) {
	c := hostile()
	var tb bytes.Buffer
	require.NoError(t, Text(&tb, c))
	assert.NotContains(t, tb.String(), "\x1b", "no terminal escape reaches the terminal")

	var mb bytes.Buffer
	require.NoError(t, Markdown(&mb, c))
	md := mb.String()
	assert.NotContains(t, md, "<script>")
	assert.NotContains(t, md, "<img")
	assert.NotContains(t, md, "](javascript")

	var cb bytes.Buffer
	require.NoError(t, CSV(&cb, c))
	recs, err := csv.NewReader(&cb).ReadAll()
	require.NoError(t, err)
	require.NotEmpty(t, recs)
	assert.Equal(t, CSVHeader, recs[0])
	for _, r := range recs[1:] {
		require.Len(t, r, len(CSVHeader))
		for k, f := range r {
			if CSVHeader[k] == "value" {
				continue
			}
			if f != "" {
				assert.NotContains(t, "=+-@", f[:1], "cell %q could run as a formula", f)
			}
		}
	}
}

// TestOddComparisons: no writer fails or panics on degenerate comparisons:
// no sources, no rows, missing diffs and similarities, a lone source, what
// the engine gives today.
func TestOddComparisons(t *testing.T) {
	one := buildSource("solo", body("Only one sentence here."))
	stories := []*data.Source{
		{ID: "a", Name: "a.txt", Text: "A storm hit Vell on Monday.\n\nIt killed 3 people, officials said.\n"},
		{ID: "b", Name: "b.txt", Text: "On Monday a storm hit Vell.\n\nThree people died.\n\nShare this article\n"},
		{ID: "c", Name: "c.txt", Text: "\n"},
	}
	for _, s := range stories {
		structure.Analyze(s)
	}
	cases := map[string]*engine.Comparison{
		"empty":    {Base: -1},
		"no rows":  {Sources: []*data.Source{one}, Base: 0},
		"lone":     {Sources: []*data.Source{one}, Base: 0, Rows: fixture().Rows[:0]},
		"engine":   engine.Compare(stories, engine.Options{}),
		"no diffs": func() *engine.Comparison { c := fixture(); c.Diffs, c.Similarity = nil, nil; return c }(),
		"bad base": func() *engine.Comparison { c := fixture(); c.Base = 7; return c }(),
		"bad diff": func() *engine.Comparison {
			c := fixture()
			c.Diffs[1][1] = c.Diffs[1][2]
			return c
		}(),
	}
	for name, c := range cases {
		for _, w := range writers {
			t.Run(name+"/"+w.name, func(t *testing.T) {
				var b bytes.Buffer
				require.NoError(t, w.w(&b, c, Options{}))
				if w.name == "html" {
					assertInert(t, b.Bytes())
				}
			})
		}
	}
}

func TestSegmentsRebuildCells(t *testing.T) {
	c := fixture()
	v := newView(c, Options{})
	for ri := range c.Rows {
		for si := range c.Sources {
			var other, base strings.Builder
			for _, sg := range v.segments(ri, si, true) {
				if sg.Op != 2 { // not a deletion
					other.WriteString(sg.Text)
				}
				if sg.Op != 1 {
					base.WriteString(sg.Text)
				}
			}
			assert.Equal(t, v.cellText(ri, si), other.String(), "row %d source %d", ri, si)
			if v.edits(ri, si, v.cellText(ri, si)) != nil {
				assert.Equal(t, v.cellText(ri, 0), base.String(), "row %d source %d against the base", ri, si)
			}
		}
	}
	// the outlier is marked in charlie's cell of row 5
	var marked []string
	for _, sg := range v.segments(4, 2, true) {
		if sg.Mark == markOutlier {
			marked = append(marked, sg.Text)
		}
	}
	assert.Equal(t, "3,000 cars", strings.Join(marked, ""))
}

// FuzzHTMLInert: whatever a source holds, the HTML report stays inert.
func FuzzHTMLInert(f *testing.F) {
	for _, s := range []string{"<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "<a href=\"javascript:x\">y</a>",
		"</td></tr></table><script>x</script>", "<!-- -->", "<style>body{}</style>", "]]><![CDATA[", "\x00\x1b"} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		if len(a) > 4096 || len(b) > 4096 {
			return
		}
		srcs := []*data.Source{{ID: a, Name: b, Title: b, Text: a + "\n\n" + b}, {ID: "x", Text: b + "\n\n" + a}}
		for _, s := range srcs {
			structure.Analyze(s)
		}
		c := engine.Compare(srcs, engine.Options{})
		var out bytes.Buffer
		require.NoError(t, HTML(&out, c))
		assertInert(t, out.Bytes())
	})
}
