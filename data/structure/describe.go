package structure

import (
	"fmt"
	"strings"

	"parallax/data"
)

// Dump renders the paragraphs and sentences of an analysed source as plain
// text, one paragraph header and one line per sentence, for golden files and
// debugging.
func Dump(src *data.Source) string {
	var b strings.Builder
	for pi, p := range src.Paragraphs {
		fmt.Fprintf(&b, "¶%d %s [%d:%d]\n", pi+1, p.Kind, p.Start, p.End)
		for _, s := range src.Sentences[p.First : p.First+p.N] {
			fmt.Fprintf(&b, "  %s %q\n", s.ID, src.Text[s.Start:s.End])
		}
	}
	return b.String()
}
