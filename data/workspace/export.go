package workspace

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"parallax/data/engine"
	"parallax/data/report"
)

// FormatForPath returns the report format a file name asks for by its
// extension: "html", "csv", "md", "json" or "text"; "" for another one.
func FormatForPath(path string) string {
	switch strings.ToLower(filepath.Ext(path)) {
	case ".html", ".htm":
		return "html"
	case ".csv":
		return "csv"
	case ".md", ".markdown":
		return "md"
	case ".json":
		return "json"
	case ".txt", ".text":
		return "text"
	}
	return ""
}

// Export writes a report of c to path atomically, in format ("" chooses by
// the file's extension), with the notes and dates of opt. A failed export
// leaves any file that was there intact.
func Export(path, format string, c *engine.Comparison, opt report.Options) error {
	if format == "" {
		format = FormatForPath(path)
	}
	w := report.Writer(format, opt)
	if w == nil {
		return fmt.Errorf("%s: cannot export as %q (use html, csv, md, json or text)", path, format)
	}
	return WriteFileAtomic(path, func(out io.Writer) error { return w(out, c) })
}

// RemoveSource takes a source out of the workspace. Corrections and notes
// naming its sentences stay (they apply again if it comes back) and are
// skipped meanwhile.
func (ws *Workspace) RemoveSource(id string) bool {
	for i, r := range ws.Records {
		if r.ID == id {
			ws.Records = append(ws.Records[:i], ws.Records[i+1:]...)
			if ws.Options.Base == id {
				ws.Options.Base = ""
			}
			return true
		}
	}
	return false
}
