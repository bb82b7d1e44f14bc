package report

import (
	"fmt"
	"io"

	"parallax/data/engine"
)

// Text writes a plain-text comparison for a terminal.
// STUB: replaced by the report work.
func Text(w io.Writer, c *engine.Comparison) error {
	for ri, r := range c.Rows {
		fmt.Fprintf(w, "row %d\n", ri+1)
		for si, cell := range r.Cells {
			if len(cell.Sentences) > 0 {
				fmt.Fprintf(w, "  %s: %s\n", c.Sources[si].ID, engine.CellText(c.Sources[si], cell))
			}
		}
	}
	return nil
}

// HTML writes a self-contained HTML report.
// STUB: replaced by the report work.
func HTML(w io.Writer, c *engine.Comparison) error {
	_, err := io.WriteString(w, "<!doctype html><title>Parallax</title>")
	return err
}
