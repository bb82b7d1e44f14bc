package cli

import (
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"parallax/data"
	"parallax/data/engine"
	"parallax/data/load"
	"parallax/data/workspace"
)

// ExitSave: the comparison was computed but the --save file could not be written.
const ExitSave = 4

// isWorkspace reports whether a path names a saved comparison.
func isWorkspace(path string) bool { return strings.EqualFold(filepath.Ext(path), workspace.Ext) }

// loadInputs loads the command line's files: saved comparisons (.parallax)
// give their sources, corrections and notes; other files are loaded as
// sources and added to them. ws is nil when no saved comparison was given.
func loadInputs(paths []string, opt load.Options) (ws *workspace.Workspace, srcs []*data.Source, probs []*data.Problem) {
	var files []string
	for _, p := range paths {
		if !isWorkspace(p) {
			files = append(files, p)
			continue
		}
		w, err := workspace.Open(p)
		if err != nil {
			if pr, ok := err.(*data.Problem); ok {
				probs = append(probs, pr)
			} else {
				probs = append(probs, &data.Problem{Path: p, Reason: err.Error()})
			}
			continue
		}
		if ws == nil {
			ws = w
			continue
		}
		// a second saved comparison: its sources, corrections and notes join the first's
		ws.AddSources(w.Sources()...)
		ws.Corrections = append(ws.Corrections, w.Corrections...)
		ws.Notes = append(ws.Notes, w.Notes...)
	}
	loaded, lp := engine.LoadFiles(files, opt)
	probs = append(probs, lp...)
	if ws == nil {
		return nil, loaded, probs
	}
	ws.AddSources(loaded...)
	return ws, ws.Sources(), probs
}

// checkSavePath refuses a --save path that is not a .parallax file or that
// names one of the input files other than a saved comparison.
func checkSavePath(save string, inputs []string) error {
	if !isWorkspace(save) {
		return fmt.Errorf("--save needs a file name ending in %s, not %q", workspace.Ext, save)
	}
	sa, _ := filepath.Abs(save)
	for _, in := range inputs {
		if ia, _ := filepath.Abs(in); ia == sa && !isWorkspace(in) {
			return fmt.Errorf("--save %s would overwrite an input file", save)
		}
	}
	return nil
}

// saveWorkspace writes the comparison's sources, options, corrections and
// notes to path, and says so on stderr.
func saveWorkspace(path string, ws *workspace.Workspace, srcs []*data.Source, opt engine.Options, stderr io.Writer) bool {
	if ws == nil {
		ws = workspace.New(srcs, opt)
	}
	ws.Options.Base = opt.Base
	if err := workspace.Save(path, ws); err != nil {
		fmt.Fprintf(stderr, "parallax compare: cannot save: %v\n", err)
		return false
	}
	fmt.Fprintf(stderr, "parallax: saved %s (%d sources)\n", path, len(ws.Records))
	return true
}
