// Package report writes a comparison (engine.Comparison) for people and
// programs: JSON (the parallax.comparison/1 contract the scorer reads), text
// for a terminal, a self-contained HTML report, a Markdown summary and a CSV
// of the facts. Writer returns one by its --format name.
//
// All writers share one view of the comparison. For each row and source it
// rebuilds the cell's text (the sentences joined by spaces) and walks the
// engine's word diff against the base's cell: equal and inserted runs are the
// source's own text, deleted runs are the base's. A diff that does not rebuild
// the cell's text is not trusted and the cell is shown plain, so that a stage
// in progress never garbles a report. Runs of changes separated only by spaces
// are shown as one deletion followed by one insertion, as git's word diff does
// ("[-Bridge collapse-]{+Twelve killed+}"), which reads far better than a
// word-by-word alternation. Number mentions of facts the sources disagree on
// are cut out of those runs by their byte spans, so the HTML can emphasise a
// conflicting figure inside an inserted or unchanged run.
//
// Summary says in one sentence what disagrees ("5 sources; 1 number
// disagrees: people killed, 75+ in four sources, nearly 70 in one; …"),
// grouping each fact's mentions by the value shown and counting sources.
//
// The user's verdicts and notes, and the dates the sources were loaded, live
// in a saved comparison (package data/workspace), not in the comparison; the
// *With writers take them as Options, keyed by the index of the fact or row.
//
// Hostile text is made harmless for each medium. HTML goes through
// html/template, so every source text is escaped; the page carries no script,
// loads nothing from the network, links only to its own rows, and declares a
// Content-Security-Policy forbidding scripts besides. Text replaces control
// characters (terminal escape sequences, bidirectional overrides) with U+FFFD.
// Markdown escapes every character that would start a link, emphasis, a table
// cell or HTML. CSV prefixes a quote to cells a spreadsheet would run as a
// formula (= + - @).
package report
