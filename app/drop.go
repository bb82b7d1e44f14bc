package app

import (
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"fyne.io/fyne/v2"

	"parallax/views"
)

// Supported are the file extensions a dropped folder contributes.
var Supported = []string{".txt", ".text", ".md", ".markdown", ".html", ".htm", ".xhtml", ".docx", ".parallax"}

func supported(name string) bool {
	ext := strings.ToLower(filepath.Ext(name))
	for _, s := range Supported {
		if ext == s {
			return true
		}
	}
	return false
}

// onDropped handles files, folders and web addresses dropped on the window:
// folders are expanded to the supported files inside them, files are added
// to the open comparison (the loader names the unusable ones), and web
// addresses are fetched.
func (a *App) onDropped(uris []fyne.URI) {
	a.dropped = time.Now()
	a.logf("drop of %d items", len(uris))
	var paths []string
	var empty []string
	for _, u := range uris {
		switch strings.ToLower(u.Scheme()) {
		case "http", "https":
			a.fetchURL(u.String())
			continue
		case "file":
		default:
			a.notices.Add(views.NoticeWarning, "Skipped "+u.String()+": not a file or a web address")
			continue
		}
		p := u.Path()
		st, err := os.Stat(p)
		if err != nil {
			if web, ok := droppedWebAddress(p); ok {
				a.fetchURL(web)
				continue
			}
		}
		if err == nil && st.IsDir() {
			files := expandFolder(p)
			if len(files) == 0 {
				empty = append(empty, filepath.Base(p))
			}
			paths = append(paths, files...)
			continue
		}
		paths = append(paths, p) // missing or unreadable files are reported by the loader
	}
	if len(empty) > 0 {
		a.notices.Add(views.NoticeWarning, "No text, Markdown, HTML or Word files in "+strings.Join(empty, ", "))
	}
	paths = a.dedupe(paths)
	if len(paths) > 0 {
		a.addPaths(paths)
	}
}

// dedupe drops paths already in the comparison or waiting, saying so.
func (a *App) dedupe(paths []string) []string {
	seen := map[string]bool{}
	for _, s := range a.srcs {
		if s.Path != "" {
			seen[clean(s.Path)] = true
		}
	}
	for _, it := range a.pending {
		if it.path != "" {
			seen[clean(it.path)] = true
		}
	}
	var out, dup []string
	for _, p := range paths {
		if seen[clean(p)] {
			dup = append(dup, filepath.Base(p))
			continue
		}
		seen[clean(p)] = true
		out = append(out, p)
	}
	if len(dup) > 0 {
		a.notices.Add(views.NoticeInfo, "Already in the comparison: "+strings.Join(dup, ", "))
	}
	return out
}

func clean(p string) string {
	if abs, err := filepath.Abs(p); err == nil {
		return abs
	}
	return filepath.Clean(p)
}

// expandFolder lists the supported files directly inside dir, by name.
func expandFolder(dir string) []string {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") || !supported(name) {
			continue
		}
		if e.Type().IsRegular() || e.Type()&os.ModeSymlink != 0 {
			out = append(out, filepath.Join(dir, name))
		}
	}
	sort.Strings(out)
	return out
}

// asURL reports whether text is one http(s) address.
func asURL(text string) (string, bool) {
	t := strings.TrimSpace(text)
	if strings.ContainsAny(t, " \n\t") {
		return "", false
	}
	u, err := url.Parse(t)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return "", false
	}
	return u.String(), true
}

// droppedWebAddress recovers a web address that reached the window as a
// file. A browser drags a link as a text/uri-list line "https://…"; GLFW
// passes every line on as a path, and Fyne turns that path into a file URI
// relative to the working directory, so the address arrives as
// "/current/dir/https:/host/page". A path holding no such address (or a file
// that exists) is not one.
func droppedWebAddress(p string) (string, bool) {
	low := strings.ToLower(filepath.ToSlash(p))
	for _, scheme := range []string{"https:/", "http:/"} {
		i := strings.Index(low, scheme)
		if i < 0 || (i > 0 && low[i-1] != '/') {
			continue
		}
		rest := strings.TrimLeft(filepath.ToSlash(p)[i+len(scheme):], "/")
		return asURL(scheme[:len(scheme)-1] + "//" + rest)
	}
	return "", false
}
