// Package assets holds the files Parallax ships inside its binary: the
// application icon and the sample story that the window opens when it is
// started without files.
//
// The package has no dependency on Fyne, so the engine's tests and the
// command line can use the sample too. The desktop app wraps Icon in a
// fyne.StaticResource itself.
package assets

import (
	"embed"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// Icon is the application icon: a 512×512 PNG (the same file FyneApp.toml
// names for packaging).
//
//go:embed icon.png
var Icon []byte

// IconName is the file name to give Icon when it is wrapped in a resource.
const IconName = "icon.png"

// Sample is the sample story directory as embedded: the five outlets'
// versions under "sample/" and sample/README.md, which documents them.
// Use SampleFiles for the versions alone.
//
//go:embed sample
var Sample embed.FS

// SampleDir is the directory inside Sample that holds the versions.
const SampleDir = "sample"

// File is one embedded file: its base name (such as "harbor-daily.txt";
// the extension tells a loader the format) and its bytes.
type File struct {
	Name  string
	Bytes []byte
}

// SampleFiles returns the sample story's versions (every file in the sample
// directory except its README and any .json annotations), sorted by name.
// The slices are fresh copies, so a caller may modify them.
func SampleFiles() []File {
	entries, err := fs.ReadDir(Sample, SampleDir)
	if err != nil { // cannot happen: the directory is embedded at build time
		return nil
	}
	var out []File
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !isSampleVersion(name) {
			continue
		}
		b, err := Sample.ReadFile(path.Join(SampleDir, name))
		if err != nil {
			continue
		}
		out = append(out, File{Name: name, Bytes: append([]byte(nil), b...)})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// isSampleVersion says whether a file in the sample directory is one
// outlet's version rather than documentation or annotations.
func isSampleVersion(name string) bool {
	if strings.HasPrefix(name, ".") || strings.EqualFold(name, "README.md") {
		return false
	}
	switch strings.ToLower(path.Ext(name)) {
	case ".txt", ".md", ".html", ".htm":
		return true
	}
	return false
}
