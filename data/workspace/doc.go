// Package workspace keeps a fact-checker's work on a comparison: the sources'
// text, the options, the corrections made to the alignment and the verdicts
// and notes on facts and rows, saved as a .parallax file.
//
// A .parallax file is a zip archive holding one JSON document,
// workspace.json, whose "format" field is "parallax.workspace/1". Open also
// reads the JSON document on its own. It reads the format before anything
// else, so that a file from a newer Parallax is named as such ("made by a
// newer Parallax (format 2)") even when the rest would not parse, and every
// refusal is a *data.Problem naming the file with a one-line reason. Only the
// decoded text and metadata of each source are saved; paragraphs, sentences,
// rows and facts are recomputed on opening, so a newer engine improves an old
// file instead of being bound by it.
//
// Corrections are operations, not rows: link (the rows holding these
// sentences become one), unlink (these sentences leave their row for a new
// row right after it) and move (these sentences join the row holding that
// one). Each sentence is named by its source's ID, its sentence ID and a hash
// of its text; when the IDs no longer match the text (a newer sentence
// splitter) the hash finds the sentence nearest to where it was. Apply
// replays the operations in order on the rows engine.Compare computed, so
// they survive a recompute with a source added or another base: it moves
// whole sentences between rows, drops rows left empty, regroups passages,
// recomputes the diffs of the rows it changed and the facts, and keeps every
// story sentence in exactly one row. Operations whose sentences are gone are
// returned, not applied.
//
// Notes are keyed the same way: a row by its sentences (a note goes to the
// row now holding most of them), a fact by its label plus the sources and
// wordings of its mentions (a note goes to the fact of that label sharing
// most of them). ReportOptions hands them to the report writers.
//
// Save writes through WriteFileAtomic: a temporary file in the same
// directory, synced, then renamed over the old one, so that a crash or a full
// disk in the middle leaves the previous file intact. Export writes a report
// file the same way (the format from the extension when not given), and
// preferences can use the helper too.
package workspace
