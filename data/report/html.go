package report

import (
	"bufio"
	"fmt"
	"html/template"
	"io"
	"strings"
	"sync"

	"parallax/data/diff"
	"parallax/data/engine"
	"parallax/data/facts"
)

// HTML writes a self-contained HTML report.
func HTML(w io.Writer, c *engine.Comparison) error { return HTMLWith(w, c, Options{}) }

// HTMLWith writes a self-contained HTML report: inline CSS, no scripts, no
// network resources. Every text that comes from a source goes through
// html/template's escaping, and a Content-Security-Policy forbids scripts
// besides, so a source holding markup gives an inert report.
func HTMLWith(w io.Writer, c *engine.Comparison, opt Options) error {
	d := buildHTML(newView(c, opt))
	bw := bufio.NewWriter(w)
	if err := htmlTmpl().Execute(bw, d); err != nil {
		return err
	}
	return bw.Flush()
}

type htmlDoc struct {
	Title    string
	Summary  string
	Sources  []htmlSource
	Problems []string
	Passages []htmlPassage
	Loose    []htmlRow // rows outside every passage
	Numbers  []htmlNumber
	Quotes   []htmlQuote
	Sim      [][]string // [i][j] "aligned% / identical%"; nil when not computed
	HasDates bool
	HasNames bool // some source's display name differs from its file name
	HasNotes bool
}

type htmlSource struct {
	ID, Name, File, Title, Format, Encoding, Date string
	Base                                          bool
}

type htmlPassage struct {
	Head string
	Rows []htmlRow
}

type htmlRow struct {
	N         int // 1-based
	Only      string
	NotInBase bool
	Note      string
	Cells     []htmlCell
}

type htmlCell struct {
	Base  bool
	Empty bool
	Segs  []htmlSeg
}

type htmlSeg struct {
	Text  string
	Op    string // "", "ins", "del"
	Class string // "", "num-compat", "num-conflict", "num-outlier"
}

type htmlNumber struct {
	Label, Verdict, Majority, Note string
	Conflict                       bool
	Rows                           []int // 1-based
	BySource                       [][]htmlMention
}

type htmlMention struct {
	Text, Value, Class string
	Outlier            bool
}

type htmlQuote struct {
	Speaker, Verdict, Note string
	Conflict               bool
	Rows                   []int
	BySource               [][]htmlMention // Value holds the class
}

// htmlSafe replaces control characters, which HTML does not allow.
func htmlSafe(s string) string { return termSafe(s) }

var markClass = map[mark]string{markQuote: "quote-diff", markCompat: "num-compat", markConflict: "num-conflict", markOutlier: "num-outlier"}

func buildHTML(v *view) *htmlDoc {
	c := v.c
	d := &htmlDoc{Title: "Parallax comparison", Summary: htmlSafe(Summary(c))}
	if v.hasBase() && strings.TrimSpace(c.Sources[c.Base].Title) != "" {
		d.Title += ": " + htmlSafe(c.Sources[c.Base].Title)
	}
	for si, s := range c.Sources {
		hs := htmlSource{ID: htmlSafe(s.ID), Name: htmlSafe(s.Name), File: htmlSafe(v.file(si)), Title: htmlSafe(s.Title), Format: htmlSafe(s.Format),
			Encoding: htmlSafe(s.Encoding), Date: v.date(si), Base: si == c.Base}
		d.HasDates = d.HasDates || hs.Date != ""
		d.HasNames = d.HasNames || (hs.Name != hs.File && hs.Name != "")
		d.Sources = append(d.Sources, hs)
	}
	for _, p := range c.Problems {
		d.Problems = append(d.Problems, htmlSafe(p.Error()))
	}
	row := func(ri int) htmlRow {
		hr := htmlRow{N: ri + 1}
		fl := v.filled(ri)
		if len(fl) == 1 && len(c.Sources) > 1 {
			hr.Only = htmlSafe(v.srcID(fl[0]))
		} else if len(fl) > 1 && v.hasBase() && len(v.cell(ri, c.Base).Sentences) == 0 {
			hr.NotInBase = true
		}
		if n, ok := v.opt.Notes.Rows[ri]; ok {
			hr.Note = htmlSafe(n.String())
		}
		for si := range c.Sources {
			hc := htmlCell{Base: si == c.Base}
			for _, sg := range v.segments(ri, si, true) {
				hg := htmlSeg{Text: htmlSafe(sg.Text), Class: markClass[sg.Mark]}
				switch sg.Op {
				case diff.Insert:
					hg.Op = "ins"
				case diff.Delete:
					hg.Op = "del"
				}
				hc.Segs = append(hc.Segs, hg)
			}
			hc.Empty = len(hc.Segs) == 0
			hr.Cells = append(hr.Cells, hc)
		}
		return hr
	}
	done := make([]bool, len(c.Rows))
	for pi, p := range c.Passages {
		if p.First < 0 || p.N <= 0 || p.First+p.N > len(c.Rows) {
			continue
		}
		hp := htmlPassage{Head: fmt.Sprintf("Passage %d: not in the base", pi+1)}
		if p.BasePara >= 0 {
			hp.Head = fmt.Sprintf("Passage %d: base paragraph %d", pi+1, p.BasePara+1)
		}
		for ri := p.First; ri < p.First+p.N; ri++ {
			done[ri] = true
			hp.Rows = append(hp.Rows, row(ri))
		}
		d.Passages = append(d.Passages, hp)
	}
	for ri := range c.Rows {
		if !done[ri] {
			d.Loose = append(d.Loose, row(ri))
		}
	}
	for fi, f := range c.Facts.Numbers {
		hn := htmlNumber{Label: htmlSafe(numberLabel(f)), Verdict: verdictWord(f.Verdict), Majority: htmlSafe(f.Majority),
			Conflict: f.Verdict == facts.Disagree, BySource: make([][]htmlMention, len(c.Sources))}
		if n, ok := v.opt.Notes.Numbers[fi]; ok {
			hn.Note = htmlSafe(n.String())
			d.HasNotes = true
		}
		for _, r := range f.Rows {
			hn.Rows = append(hn.Rows, r+1)
		}
		for _, m := range f.Mentions {
			if m.Source < 0 || m.Source >= len(c.Sources) {
				continue
			}
			hm := htmlMention{Text: htmlSafe(m.Text), Value: htmlSafe(display(m)), Outlier: m.Outlier}
			if f.Verdict == facts.Disagree {
				hm.Class = "num-conflict"
				if m.Outlier {
					hm.Class = "num-outlier"
				}
			}
			hn.BySource[m.Source] = append(hn.BySource[m.Source], hm)
		}
		d.Numbers = append(d.Numbers, hn)
	}
	for qi, q := range c.Facts.Quotes {
		hq := htmlQuote{Speaker: htmlSafe(q.Speaker), Verdict: verdictWord(q.Verdict), Conflict: q.Verdict == facts.Disagree,
			BySource: make([][]htmlMention, len(c.Sources))}
		if hq.Speaker == "" {
			hq.Speaker = "unknown speaker"
		}
		if n, ok := v.opt.Notes.Quotes[qi]; ok {
			hq.Note = htmlSafe(n.String())
			d.HasNotes = true
		}
		for _, r := range q.Rows {
			hq.Rows = append(hq.Rows, r+1)
		}
		for _, m := range q.Mentions {
			if m.Source < 0 || m.Source >= len(c.Sources) {
				continue
			}
			cl := m.Class
			if cl == "" {
				cl = "reference"
			}
			if m.Speaker != "" && m.Speaker != q.Speaker {
				cl += ", said by " + m.Speaker
			}
			hm := htmlMention{Text: htmlSafe(m.Text), Value: htmlSafe(cl)}
			if quoteDiffers(m.Class) {
				hm.Class, hm.Outlier = "quote-diff", true
			}
			hq.BySource[m.Source] = append(hq.BySource[m.Source], hm)
		}
		d.Quotes = append(d.Quotes, hq)
	}
	if n := len(c.Sources); len(c.Similarity) == n && n > 0 {
		d.Sim = make([][]string, n)
		for i := range n {
			d.Sim[i] = make([]string, n)
			for j := range n {
				if i == j {
					d.Sim[i][j] = "\u2014"
				} else if j < len(c.Similarity[i]) {
					s := c.Similarity[i][j]
					d.Sim[i][j] = fmt.Sprintf("%d%% / %d%%", pct(s.Aligned), pct(s.Identical))
				}
			}
		}
	}
	return d
}

// htmlTmpl is parsed when first needed, not at every start of the program.
var htmlTmpl = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("report").
		Funcs(template.FuncMap{"inc": func(n int) int { return n + 1 }}).
		Parse(htmlHead + htmlStyle + htmlBody))
})

const htmlHead = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Parallax">
<title>{{.Title}}</title>
`

const htmlStyle = `<style>
/* the desktop app's palette (Fyne's light theme): added words bold in the primary colour, missing words struck through
   and dimmed, conflicting numbers bold and underlined in the error colour, reworded quotations italic in the warning
   colour; every mark also has a weight or a line, so colour is never the only cue */
:root { --ins: #e3f1fd; --ins-ink: #0d5aa7; --del: #f1f1f1; --del-ink: #6b6b6b; --conflict: #fde7e6; --error: #c62828; --warning: #b26a00; --compat: #e3f1fd; --rule: #c9ccd1; --muted: #5f6368; --base: #f6f7f9; }
body { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: #1f2328; margin: 1.5rem; }
h1 { font-size: 1.5rem; margin: 0 0 .5rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 .5rem; border-bottom: 1px solid var(--rule); }
p.summary { font-size: 1.05rem; max-width: 60rem; }
.wrap { overflow-x: auto; }
table { border-collapse: collapse; margin: .5rem 0; }
th, td { border: 1px solid var(--rule); padding: .3rem .5rem; vertical-align: top; text-align: left; }
th { background: #eef0f3; }
table.rows td { min-width: 14rem; max-width: 40rem; }
table.rows td.base { background: var(--base); }
td.num, th.num { white-space: nowrap; color: var(--muted); font-size: .85rem; }
td.empty { color: var(--muted); text-align: center; }
tr.passage th { background: #e3e6ea; font-weight: 600; }
tr.only td { border-top: 2px dashed var(--warning); }
.only-tag { color: var(--warning); font-weight: 700; font-size: .75rem; display: block; }
.only-tag.inline { display: inline; }
.tag { font-size: .75rem; color: var(--muted); display: block; }
ins { background: var(--ins); color: var(--ins-ink); font-weight: 700; text-decoration: none; }
del { background: var(--del); color: var(--del-ink); text-decoration: line-through; }
.num-compat { border-bottom: 2px dotted var(--ins-ink); }
.num-conflict { background: var(--conflict); color: var(--error); font-weight: 700; text-decoration: underline; text-decoration-thickness: 2px; }
.num-outlier { background: var(--conflict); color: var(--error); font-weight: 700; text-decoration: underline double; outline: 1px solid var(--error); }
.num-outlier::after { content: "\2260"; font-size: .7em; vertical-align: super; }
.quote-diff { font-style: italic; color: var(--warning); }
tr.conflict > td:first-child { border-left: 4px solid var(--error); font-weight: 700; }
.verdict-disagree { color: var(--error); font-weight: 700; text-transform: uppercase; }
.verdict-compatible { color: #1a4f9c; }
.note { display: block; font-size: .85rem; color: #3b3b00; background: #fffbe6; border-left: 3px solid #b59f00; padding: .1rem .4rem; margin-top: .2rem; }
.legend span { display: inline-block; margin: 0 .8rem .3rem 0; }
.muted { color: var(--muted); }
a { color: #1a4f9c; }
@media print {
  @page { size: landscape; margin: 1cm; }
  body { margin: 0; font-size: 10pt; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  .wrap { overflow: visible; }
  tr, td { page-break-inside: avoid; break-inside: avoid; }
  thead { display: table-header-group; }
  h2 { break-after: avoid; }
  a { color: inherit; text-decoration: none; }
}
</style>
</head>
`

const htmlBody = `<body>
<header>
<h1>{{.Title}}</h1>
<p class="summary">{{.Summary}}</p>
<p class="legend"><strong>Legend:</strong> <span>same as base</span><span><ins>added words</ins></span><span><del>missing base words</del></span><span><span class="num-conflict">12</span> conflicting number</span><span><span class="num-outlier">9</span> the value that differs from most sources</span><span><span class="num-compat">12</span> compatible, not the same figure</span><span><span class="quote-diff">reworded quotation</span></span><span><span class="only-tag inline">ONLY HERE</span> content one source has</span><span class="muted">&middot; nothing here</span><span>shaded column: the base</span></p>
</header>

<h2 id="sources">Sources</h2>
<div class="wrap"><table class="sources">
<thead><tr><th>ID</th>{{if .HasNames}}<th>Name</th>{{end}}<th>File</th><th>Title</th><th>Format</th><th>Encoding</th>{{if .HasDates}}<th>Loaded</th>{{end}}</tr></thead>
<tbody>{{range .Sources}}
<tr><td>{{.ID}}{{if .Base}} <strong>(base)</strong>{{end}}</td>{{if $.HasNames}}<td>{{.Name}}</td>{{end}}<td>{{.File}}</td><td dir="auto">{{.Title}}</td><td>{{.Format}}</td><td>{{.Encoding}}</td>{{if $.HasDates}}<td>{{.Date}}</td>{{end}}</tr>{{end}}
</tbody></table></div>
{{if .Problems}}<p>Skipped files:</p>
<ul>{{range .Problems}}<li>{{.}}</li>{{end}}</ul>{{end}}

<h2 id="numbers">Numbers</h2>
{{if .Numbers}}<div class="wrap"><table class="facts">
<thead><tr><th>Fact</th><th>Verdict</th><th>Majority</th>{{range .Sources}}<th>{{.ID}}</th>{{end}}<th>Rows</th>{{if .HasNotes}}<th>Note</th>{{end}}</tr></thead>
<tbody>{{range .Numbers}}
<tr{{if .Conflict}} class="conflict"{{end}}><td>{{.Label}}</td><td class="verdict-{{.Verdict}}">{{.Verdict}}</td><td>{{.Majority}}</td>{{range .BySource}}<td dir="auto">{{range .}}<span{{if .Class}} class="{{.Class}}"{{end}}>{{.Text}}</span>{{if .Outlier}} <strong>(outlier)</strong>{{end}}<span class="tag">{{.Value}}</span>{{else}}<span class="muted">&mdash;</span>{{end}}</td>{{end}}<td>{{range $i, $r := .Rows}}{{if $i}}, {{end}}<a href="#row-{{$r}}">{{$r}}</a>{{end}}</td>{{if $.HasNotes}}<td>{{if .Note}}<span class="note">{{.Note}}</span>{{end}}</td>{{end}}</tr>{{end}}
</tbody></table></div>{{else}}<p class="muted">No numbers compared.</p>{{end}}

<h2 id="quotes">Quotations</h2>
{{if .Quotes}}<div class="wrap"><table class="facts">
<thead><tr><th>Speaker</th><th>Verdict</th>{{range .Sources}}<th>{{.ID}}</th>{{end}}<th>Rows</th>{{if .HasNotes}}<th>Note</th>{{end}}</tr></thead>
<tbody>{{range .Quotes}}
<tr{{if .Conflict}} class="conflict"{{end}}><td>{{.Speaker}}</td><td class="verdict-{{.Verdict}}">{{.Verdict}}</td>{{range .BySource}}<td dir="auto">{{range .}}<span{{if .Class}} class="{{.Class}}"{{end}}>&ldquo;{{.Text}}&rdquo;</span><span class="tag">{{.Value}}</span>{{else}}<span class="muted">&mdash;</span>{{end}}</td>{{end}}<td>{{range $i, $r := .Rows}}{{if $i}}, {{end}}<a href="#row-{{$r}}">{{$r}}</a>{{end}}</td>{{if $.HasNotes}}<td>{{if .Note}}<span class="note">{{.Note}}</span>{{end}}</td>{{end}}</tr>{{end}}
</tbody></table></div>{{else}}<p class="muted">No quotations compared.</p>{{end}}

<h2 id="rows">Aligned text</h2>
{{define "row"}}<tr id="row-{{.N}}"{{if .Only}} class="only"{{end}}><td class="num">{{.N}}{{if .Only}}<span class="only-tag">ONLY {{.Only}}</span>{{else if .NotInBase}}<span class="tag">not in the base</span>{{end}}</td>{{range .Cells}}{{if .Empty}}<td class="empty{{if .Base}} base{{end}}">&middot;</td>{{else}}<td dir="auto"{{if .Base}} class="base"{{end}}>{{range .Segs}}{{if eq .Op "ins"}}<ins{{if .Class}} class="{{.Class}}"{{end}}>{{.Text}}</ins>{{else if eq .Op "del"}}<del>{{.Text}}</del>{{else if .Class}}<span class="{{.Class}}">{{.Text}}</span>{{else}}{{.Text}}{{end}}{{end}}</td>{{end}}{{end}}</tr>{{if .Note}}
<tr><td class="num"></td><td colspan="{{len .Cells}}"><span class="note">{{.Note}}</span></td></tr>{{end}}{{end}}
{{if or .Passages .Loose}}<div class="wrap"><table class="rows">
<thead><tr><th class="num">Row</th>{{range .Sources}}<th>{{.ID}}{{if .Base}} (base){{end}}</th>{{end}}</tr></thead>
{{range .Passages}}<tbody>
<tr class="passage"><th colspan="{{len $.Sources | inc}}">{{.Head}}</th></tr>
{{range .Rows}}{{template "row" .}}
{{end}}</tbody>
{{end}}{{if .Loose}}<tbody>
<tr class="passage"><th colspan="{{len $.Sources | inc}}">Rows outside any passage</th></tr>
{{range .Loose}}{{template "row" .}}
{{end}}</tbody>{{end}}
</table></div>{{else}}<p class="muted">No rows.</p>{{end}}

<h2 id="similarity">Similarity</h2>
{{if .Sim}}<p class="muted">Each cell: share of story sentences in rows both sources share / share of the aligned words worded identically.</p>
<div class="wrap"><table class="sim">
<thead><tr><th></th>{{range .Sources}}<th>{{.ID}}</th>{{end}}</tr></thead>
<tbody>{{range $i, $r := .Sim}}
<tr><th>{{(index $.Sources $i).ID}}</th>{{range $r}}<td>{{.}}</td>{{end}}</tr>{{end}}
</tbody></table></div>{{else}}<p class="muted">Not computed.</p>{{end}}
<footer><p class="muted">Written by Parallax.</p></footer>
</body>
</html>
`
