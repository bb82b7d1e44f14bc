package structure

import (
	"fmt"
	"strings"

	"parallax/data"
)

// Analyze fills src.Paragraphs and src.Sentences from src.Text.
// STUB: blank lines or single lines as paragraphs, one sentence each; replaced
// by the structure work.
func Analyze(src *data.Source) {
	src.Paragraphs, src.Sentences = nil, nil
	at := 0
	for _, line := range strings.SplitAfter(src.Text, "\n") {
		start, end := at, at+len(line)
		at = end
		t := strings.TrimSpace(line)
		if t == "" {
			continue
		}
		start += strings.Index(line, t)
		end = start + len(t)
		pi := len(src.Paragraphs)
		src.Paragraphs = append(src.Paragraphs, data.Paragraph{Kind: data.KindBody, Start: start, End: end, First: len(src.Sentences), N: 1})
		src.Sentences = append(src.Sentences, data.Sentence{ID: fmt.Sprintf("p%ds1", pi+1), Para: pi, Start: start, End: end})
	}
}
