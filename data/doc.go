// Package data holds the value types shared by Parallax's engine: a Source
// (one outlet's version of a story, decoded to UTF-8 text), its Paragraphs and
// Sentences as byte spans into that text, and the Tokens the aligner, the
// differ and the fact finders read.
//
// Everything below data/ is pure Go and never imports Fyne: the engine runs the
// same from the command line, in tests and behind the desktop app. Offsets are
// UTF-8 byte offsets into Source.Text, end exclusive, so that a span can be cut
// out with Text[Start:End] and written to JSON unchanged.
//
// The sub-packages do the work, one stage each: load (files to Sources),
// structure (paragraphs, kinds, sentences), align (rows of corresponding
// sentences across all sources), diff (word-level differences inside a row),
// facts (numbers, dates and quotations compared across sources), engine (the
// whole comparison) and report (JSON, text, HTML, CSV and Markdown writers).
package data
