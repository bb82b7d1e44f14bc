// Package cli runs Parallax's command-line subcommands. It never opens a
// window, so it builds and tests without cgo or a display.
package cli

import (
	"bufio"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"runtime/debug"
	"strings"

	"parallax/data/engine"
	"parallax/data/load"
	"parallax/data/report"
	"parallax/data/workspace"
)

// Exit codes of `parallax compare`.
const (
	ExitOK       = 0 // a comparison was written
	ExitTooFew   = 1 // fewer than two usable sources
	ExitUsage    = 2 // the command line was wrong
	ExitInternal = 3 // a bug: reported in one line, never as a stack trace
)

// Writers maps each --format to its report writer.
var Writers = map[string]func(io.Writer, *engine.Comparison) error{
	"json": report.JSON,
	"text": report.Text,
	"html": report.HTML,
	"md":   report.Markdown,
	"csv":  report.CSV,
}

// Compare runs `parallax compare [--format F] [--base ID] FILE...` and returns
// its exit code.
func Compare(args []string, stdout, stderr io.Writer) (code int) {
	var inputs []string
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "parallax: internal error while comparing %s (please report it): %s\n",
				strings.Join(baseNames(inputs), ", "), oneLine(fmt.Sprint(r)))
			if debugEnabled() {
				fmt.Fprintf(stderr, "%s", debug.Stack())
			}
			code = ExitInternal
		}
	}()
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	format := fs.String("format", "text", "output format: "+formatNames())
	base := fs.String("base", "", "ID of the base source (default: the source most similar to the others)")
	maxMB := fs.Int64("max-size", load.DefaultMaxBytes>>20, "largest input file accepted, in MiB")
	save := fs.String("save", "", "also save the comparison (sources' text, options, corrections, notes) to this .parallax file")
	cpuprofile := fs.String("cpuprofile", "", "write a CPU profile (go tool pprof) to this file")
	if err := fs.Parse(args); err != nil {
		fmt.Fprintf(stderr, "parallax compare: %v\n", err)
		fmt.Fprintln(stderr, usage)
		return ExitUsage
	}
	inputs = fs.Args()
	w, ok := Writers[*format]
	if !ok {
		fmt.Fprintf(stderr, "parallax compare: unknown format %q (use %s)\n", *format, formatNames())
		return ExitUsage
	}
	if fs.NArg() == 0 {
		fmt.Fprintln(stderr, "parallax compare: no files given")
		fmt.Fprintln(stderr, usage)
		return ExitUsage
	}
	if *save != "" {
		if err := checkSavePath(*save, fs.Args()); err != nil {
			fmt.Fprintf(stderr, "parallax compare: %v\n", err)
			return ExitUsage
		}
	}
	if *cpuprofile != "" {
		stop, err := startProfile(*cpuprofile)
		if err != nil {
			fmt.Fprintf(stderr, "parallax compare: %v\n", err)
			return ExitUsage
		}
		defer stop()
	}
	tuneGC()
	ws, srcs, probs := loadInputs(fs.Args(), load.Options{MaxBytes: *maxMB << 20})
	if *base == "" && ws != nil {
		*base = ws.Options.Base
	}
	for _, p := range probs {
		fmt.Fprintf(stderr, "parallax: skipped %s\n", p.Error())
	}
	if len(srcs) < 2 {
		fmt.Fprintf(stderr, "parallax compare: need at least two usable sources, have %d\n", len(srcs))
		return ExitTooFew
	}
	if *base != "" {
		found := false
		for _, s := range srcs {
			found = found || s.ID == *base
		}
		if !found {
			fmt.Fprintf(stderr, "parallax compare: no source has the ID %q\n", *base)
			return ExitUsage
		}
	}
	c := engine.Compare(srcs, engine.Options{Base: *base})
	c.Problems = probs
	if ws != nil {
		if n := len(workspace.Apply(c, ws.Corrections)); n > 0 {
			fmt.Fprintf(stderr, "parallax: %d saved corrections no longer apply\n", n)
		}
		w = report.Writer(*format, ws.ReportOptions(c))
	}
	if *save != "" {
		if !saveWorkspace(*save, ws, srcs, engine.Options{Base: *base}, stderr) {
			return ExitSave
		}
		formatSet := false
		fs.Visit(func(f *flag.Flag) { formatSet = formatSet || f.Name == "format" })
		if !formatSet {
			return ExitOK // --save alone writes no report
		}
	}
	bw := bufio.NewWriter(stdout)
	if err := w(bw, c); err != nil {
		fmt.Fprintf(stderr, "parallax compare: writing the report: %v\n", err)
		return ExitInternal
	}
	if err := bw.Flush(); err != nil {
		fmt.Fprintf(stderr, "parallax compare: writing the report: %v\n", err)
		return ExitInternal
	}
	return ExitOK
}

const usage = "usage: parallax compare [--format json|text|html|md|csv] [--base ID] [--max-size MiB] [--save FILE.parallax] FILE..."

func formatNames() string {
	return "json|text|html|md|csv"
}

func debugEnabled() bool { return strings.Contains(getenv("PARALLAX_DEBUG"), "1") }

func baseNames(paths []string) []string {
	out := make([]string, len(paths))
	for i, p := range paths {
		out[i] = filepath.Base(p)
	}
	return out
}

// oneLine keeps a message on one line, so that it never looks like a trace.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 200 {
		s = s[:200] + "…"
	}
	return s
}
