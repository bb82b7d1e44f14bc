package report

import (
	"encoding/csv"
	"io"
	"strconv"

	"parallax/data/engine"
)

// CSVHeader is the first line of the CSV export.
var CSVHeader = []string{"fact_kind", "fact_label", "verdict", "source_id", "source_name", "wording",
	"value", "unit", "majority", "outlier", "note"}

// CSV writes the facts for a spreadsheet.
func CSV(w io.Writer, c *engine.Comparison) error { return CSVWith(w, c, Options{}) }

// CSVWith writes the facts for a spreadsheet: one line per fact and source
// mention, under CSVHeader. For a quotation, value holds the mention's class
// against the reference wording ("verbatim", "trimmed", "reworded", "other
// speaker"; "reference" for the reference itself) and outlier is true when
// it is neither verbatim nor trimmed. Text cells that a spreadsheet would
// read as a formula (starting with = + - @) are prefixed with a quote.
func CSVWith(w io.Writer, c *engine.Comparison, opt Options) error {
	v := newView(c, opt)
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for fi, f := range c.Facts.Numbers {
		note := ""
		if n, ok := opt.Notes.Numbers[fi]; ok {
			note = n.String()
		}
		label := numberLabel(f)
		for _, m := range f.Mentions {
			rec := []string{"number", cell(label), verdictWord(f.Verdict), cell(v.srcID(m.Source)), cell(v.srcName(m.Source)),
				cell(oneLine(m.Text)), formatValue(m), cell(m.Unit), cell(f.Majority), strconv.FormatBool(m.Outlier), cell(note)}
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
	}
	for qi, q := range c.Facts.Quotes {
		note := ""
		if n, ok := opt.Notes.Quotes[qi]; ok {
			note = n.String()
		}
		label := quoteLabel(q)
		for _, m := range q.Mentions {
			class := m.Class
			if class == "" {
				class = "reference"
			}
			out := quoteDiffers(m.Class)
			rec := []string{"quote", cell(label), verdictWord(q.Verdict), cell(v.srcID(m.Source)), cell(v.srcName(m.Source)),
				cell(oneLine(m.Text)), class, "", "", strconv.FormatBool(out), cell(note)}
			if err := cw.Write(rec); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

// cell makes a text safe for a spreadsheet: one line, and never read as a
// formula.
func cell(s string) string {
	s = oneLine(s)
	if s != "" {
		switch s[0] {
		case '=', '+', '-', '@', '\t', '\r':
			return "'" + s
		}
	}
	return s
}
