package report

import (
	"bytes"
	"encoding/json"
	"io"
	"runtime"

	"parallax/data/diff"
	"parallax/data/engine"
	"parallax/data/facts"
	"parallax/data/internal/par"
)

// FormatID names the JSON contract.
const FormatID = "parallax.comparison/1"

type jsonDoc struct {
	Format     string        `json:"format"`
	Base       string        `json:"base"`
	Sources    []jsonSource  `json:"sources"`
	Passages   []jsonPassage `json:"passages"`
	Rows       []jsonRow     `json:"rows"`
	Similarity []jsonSim     `json:"similarity"`
	Numbers    []jsonNumber  `json:"numbers"`
	Quotes     []jsonQuote   `json:"quotes"`
	Problems   []jsonProblem `json:"problems,omitempty"`
}

type jsonSource struct {
	ID         string          `json:"id"`
	Name       string          `json:"name"`
	Path       string          `json:"path,omitempty"`
	Title      string          `json:"title,omitempty"`
	Format     string          `json:"format"`
	Encoding   string          `json:"encoding"`
	Text       string          `json:"text"`
	Paragraphs []jsonParagraph `json:"paragraphs"`
}

type jsonParagraph struct {
	Kind      string         `json:"kind"`
	Start     int            `json:"start"`
	End       int            `json:"end"`
	Sentences []jsonSentence `json:"sentences"`
}

type jsonSentence struct {
	ID    string `json:"id"`
	Start int    `json:"start"`
	End   int    `json:"end"`
}

type jsonPassage struct {
	BaseParagraph int `json:"base_paragraph"`
	FirstRow      int `json:"first_row"`
	Rows          int `json:"rows"`
}

type jsonRow struct {
	Passage int        `json:"passage"`
	Cells   []jsonCell `json:"cells"`
	Note    *jsonNote  `json:"note,omitempty"`
}

// jsonNote is the user's verdict and note from a saved comparison.
type jsonNote struct {
	Status string `json:"status,omitempty"`
	Source string `json:"source,omitempty"`
	Text   string `json:"text,omitempty"`
}

type jsonCell struct {
	Source    string     `json:"source"`
	Sentences []string   `json:"sentences"`
	Diff      []jsonEdit `json:"diff,omitempty"`
}

type jsonEdit struct {
	Op   string `json:"op"`
	Text string `json:"text"`
}

type jsonSim struct {
	A         string  `json:"a"`
	B         string  `json:"b"`
	Aligned   float64 `json:"aligned"`
	Identical float64 `json:"identical"`
}

type jsonNumber struct {
	Label    string        `json:"label"`
	Agree    bool          `json:"agree"`
	Verdict  string        `json:"verdict"`
	Majority string        `json:"majority,omitempty"`
	Rows     []int         `json:"rows"`
	Mentions []jsonNumMent `json:"mentions"`
	Note     *jsonNote     `json:"note,omitempty"`
}

type jsonNumMent struct {
	Source  string  `json:"source"`
	Start   int     `json:"start"`
	End     int     `json:"end"`
	Text    string  `json:"text"`
	Value   float64 `json:"value"`
	Hi      float64 `json:"hi,omitempty"`
	Hedge   string  `json:"hedge,omitempty"`
	Kind    string  `json:"kind"`
	Unit    string  `json:"unit,omitempty"`
	Display string  `json:"display"`
	Outlier bool    `json:"outlier,omitempty"`
}

type jsonQuote struct {
	Speaker  string          `json:"speaker,omitempty"`
	Agree    bool            `json:"agree"`
	Verdict  string          `json:"verdict"`
	Rows     []int           `json:"rows"`
	Mentions []jsonQuoteMent `json:"mentions"`
	Note     *jsonNote       `json:"note,omitempty"`
}

type jsonQuoteMent struct {
	Source  string `json:"source"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Text    string `json:"text"`
	Speaker string `json:"speaker,omitempty"`
	Class   string `json:"class,omitempty"`
}

type jsonProblem struct {
	Path   string `json:"path"`
	Reason string `json:"reason"`
}

var opNames = map[diff.Op]string{diff.Equal: "equal", diff.Insert: "insert", diff.Delete: "delete"}

// JSON writes the comparison in the parallax.comparison/1 format.
func JSON(w io.Writer, c *engine.Comparison) error { return JSONWith(w, c, Options{}) }

// JSONWith writes the comparison in the parallax.comparison/1 format, with
// the notes of opt on their facts and rows.
func JSONWith(w io.Writer, c *engine.Comparison, opt Options) error {
	d := jsonDoc{Format: FormatID, Sources: []jsonSource{}, Rows: []jsonRow{}, Passages: []jsonPassage{},
		Similarity: []jsonSim{}, Numbers: []jsonNumber{}, Quotes: []jsonQuote{}}
	if c.Base >= 0 && c.Base < len(c.Sources) {
		d.Base = c.Sources[c.Base].ID
	}
	for _, s := range c.Sources {
		js := jsonSource{ID: s.ID, Name: s.Name, Path: s.Path, Title: s.Title, Format: s.Format,
			Encoding: s.Encoding, Text: s.Text, Paragraphs: []jsonParagraph{}}
		for _, p := range s.Paragraphs {
			jp := jsonParagraph{Kind: string(p.Kind), Start: p.Start, End: p.End, Sentences: []jsonSentence{}}
			for _, se := range s.Sentences[p.First : p.First+p.N] {
				jp.Sentences = append(jp.Sentences, jsonSentence{se.ID, se.Start, se.End})
			}
			js.Paragraphs = append(js.Paragraphs, jp)
		}
		d.Sources = append(d.Sources, js)
	}
	for _, p := range c.Passages {
		d.Passages = append(d.Passages, jsonPassage{p.BasePara, p.First, p.N})
	}
	for ri, r := range c.Rows {
		jr := jsonRow{Passage: r.Passage, Cells: []jsonCell{}, Note: noteJSON(opt.Notes.Rows, ri)}
		for si, cell := range r.Cells {
			if len(cell.Sentences) == 0 {
				continue
			}
			s := c.Sources[si]
			jc := jsonCell{Source: s.ID}
			for _, i := range cell.Sentences {
				jc.Sentences = append(jc.Sentences, s.Sentences[i].ID)
			}
			if ri < len(c.Diffs) && si < len(c.Diffs[ri]) {
				for _, e := range c.Diffs[ri][si] {
					jc.Diff = append(jc.Diff, jsonEdit{opNames[e.Op], e.Text})
				}
			}
			jr.Cells = append(jr.Cells, jc)
		}
		d.Rows = append(d.Rows, jr)
	}
	for i := range c.Similarity {
		for j := i + 1; j < len(c.Similarity[i]); j++ {
			sm := c.Similarity[i][j]
			d.Similarity = append(d.Similarity, jsonSim{c.Sources[i].ID, c.Sources[j].ID, round3(sm.Aligned), round3(sm.Identical)})
		}
	}
	for fi, f := range c.Facts.Numbers {
		jn := jsonNumber{Label: f.Label, Agree: f.Verdict != facts.Disagree, Verdict: string(f.Verdict),
			Majority: f.Majority, Rows: nonNil(f.Rows), Mentions: []jsonNumMent{}, Note: noteJSON(opt.Notes.Numbers, fi)}
		for _, m := range f.Mentions {
			jn.Mentions = append(jn.Mentions, jsonNumMent{Source: c.Sources[m.Source].ID, Start: m.Start, End: m.End,
				Text: m.Text, Value: m.Value, Hi: hiOrZero(m), Hedge: m.Hedge, Kind: m.Kind, Unit: m.Unit,
				Display: m.Display, Outlier: m.Outlier})
		}
		d.Numbers = append(d.Numbers, jn)
	}
	for qi, q := range c.Facts.Quotes {
		jq := jsonQuote{Speaker: q.Speaker, Agree: q.Verdict == facts.Agree || q.Verdict == facts.Single,
			Verdict: string(q.Verdict), Rows: nonNil(q.Rows), Mentions: []jsonQuoteMent{}, Note: noteJSON(opt.Notes.Quotes, qi)}
		for _, m := range q.Mentions {
			jq.Mentions = append(jq.Mentions, jsonQuoteMent{Source: c.Sources[m.Source].ID, Start: m.Start, End: m.End,
				Text: m.Text, Speaker: m.Speaker, Class: m.Class})
		}
		d.Quotes = append(d.Quotes, jq)
	}
	for _, p := range c.Problems {
		d.Problems = append(d.Problems, jsonProblem{p.Path, p.Reason})
	}
	return writeDoc(w, &d)
}

// writeDoc writes the document with one record (source, passage, row,
// number, quotation...) per line: as easy to read, grep and diff as an
// indented file, for a third of the work (indenting re-scans every byte).
func writeDoc(w io.Writer, d *jsonDoc) error {
	j := newLineWriter()
	j.out.WriteString("{")
	field(j, "format", d.Format)
	field(j, "base", d.Base)
	records(j, "sources", d.Sources)
	records(j, "passages", d.Passages)
	records(j, "rows", d.Rows)
	records(j, "similarity", d.Similarity)
	records(j, "numbers", d.Numbers)
	records(j, "quotes", d.Quotes)
	if len(d.Problems) > 0 {
		records(j, "problems", d.Problems)
	}
	j.out.WriteString("\n}\n")
	if j.err != nil {
		return j.err
	}
	_, err := w.Write(j.out.Bytes())
	return err
}

type lineWriter struct {
	out, one bytes.Buffer
	enc      *json.Encoder
	fields   int
	err      error
}

func newLineWriter() *lineWriter {
	j := &lineWriter{}
	j.enc = json.NewEncoder(&j.one)
	j.enc.SetEscapeHTML(false)
	return j
}

// value appends v's compact encoding.
func (j *lineWriter) value(v any) {
	j.one.Reset()
	if err := j.enc.Encode(v); err != nil && j.err == nil {
		j.err = err
	}
	j.out.Write(bytes.TrimSuffix(j.one.Bytes(), []byte("\n")))
}

func (j *lineWriter) key(k string) {
	if j.fields > 0 {
		j.out.WriteString(",")
	}
	j.fields++
	j.out.WriteString("\n")
	j.value(k)
	j.out.WriteString(": ")
}

func field(j *lineWriter, k string, v any) {
	j.key(k)
	j.value(v)
}

// records writes an array with one element per line, encoded on every
// core in runs and joined in order.
func records[T any](j *lineWriter, k string, xs []T) {
	j.key(k)
	if xs == nil {
		j.out.WriteString("null")
		return
	}
	j.out.WriteString("[")
	// runs of up to 64 records, at least eight runs a core: the sources
	// are few but each holds a whole text
	run := min(64, max(1, len(xs)/(8*runtime.GOMAXPROCS(0))))
	parts := make([]*lineWriter, (len(xs)+run-1)/run)
	par.Each(len(parts), func(p int) {
		w := newLineWriter()
		for i := p * run; i < min(len(xs), (p+1)*run); i++ {
			w.element(i, &xs[i])
		}
		parts[p] = w
	})
	for _, w := range parts {
		j.out.Write(w.out.Bytes())
		if w.err != nil && j.err == nil {
			j.err = w.err
		}
	}
	if len(xs) > 0 {
		j.out.WriteString("\n")
	}
	j.out.WriteString("]")
}

// element appends the i-th element of an array on a line of its own.
func (j *lineWriter) element(i int, v any) {
	if i > 0 {
		j.out.WriteString(",")
	}
	j.out.WriteString("\n")
	j.value(v)
}

func noteJSON(m map[int]Note, i int) *jsonNote {
	n, ok := m[i]
	if !ok {
		return nil
	}
	return &jsonNote{Status: n.Status, Source: n.Source, Text: n.Text}
}

func hiOrZero(m facts.Number) float64 {
	if m.Hi == m.Value {
		return 0
	}
	return m.Hi
}

func nonNil(v []int) []int {
	if v == nil {
		return []int{}
	}
	return v
}

func round3(f float64) float64 { return float64(int(f*1000+0.5)) / 1000 }
