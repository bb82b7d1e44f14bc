package app

import (
	"encoding/json"
	"image/color"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"parallax/views"
)

// Preference keys.
const (
	prefWinW   = "window.width"
	prefWinH   = "window.height"
	prefTheme  = "theme" // "system", "light" or "dark"
	prefBoiler = "view.showBoilerplate"
	prefFolder = "open.lastFolder"
	prefRecent = "recent.comparisons" // JSON: [][]string of paths, newest first
)

// maxRecent is how many recent comparisons are remembered.
const maxRecent = 8

// variantTheme forces the light or the dark variant of the default theme.
type variantTheme struct {
	fyne.Theme
	variant fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.variant)
}

// applyTheme sets "light", "dark" or "system" and remembers it.
func (a *App) applyTheme(name string) {
	switch name {
	case "light":
		a.fa.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantLight})
	case "dark":
		a.fa.Settings().SetTheme(variantTheme{theme.DefaultTheme(), theme.VariantDark})
	default:
		name = "system"
		a.fa.Settings().SetTheme(theme.DefaultTheme())
	}
	a.prefs.SetString(prefTheme, name)
	if a.ws != nil && a.comp != nil {
		a.ws.RefreshTheme() // theme colours are read when cells are built
	}
}

// recent returns the remembered comparisons, newest first.
func (a *App) recent() [][]string {
	var list [][]string
	if s := a.prefs.String(prefRecent); s != "" {
		_ = json.Unmarshal([]byte(s), &list)
	}
	return list
}

// rememberRecent records the current comparison's files, if all are files.
func (a *App) rememberRecent() {
	if a.work.path != "" {
		a.pushRecent([]string{clean(a.work.path)})
		return
	}
	var paths []string
	for _, s := range a.srcs {
		if s.Path == "" {
			return // pasted, fetched or sample sources cannot be reopened
		}
		paths = append(paths, clean(s.Path))
	}
	if len(paths) < 2 {
		return
	}
	a.pushRecent(paths)
}

func (a *App) refreshRecent() {
	var out []views.Recent
	for _, paths := range a.recent() {
		names := make([]string, 0, 3)
		for i, p := range paths {
			if i == 3 {
				names = append(names, "…")
				break
			}
			names = append(names, filepath.Base(p))
		}
		label := plural(len(paths), "file") + ": " + strings.Join(names, ", ")
		if l := recentLabel(paths); l != "" {
			label = l
		}
		out = append(out, views.Recent{Label: label, Paths: paths})
	}
	a.empty.SetRecent(out)
}

// openRecent reopens a recent comparison; files gone since are named.
func (a *App) openRecent(paths []string) {
	a.CloseComparison()
	a.addPaths(paths)
}

// lastFolder is the folder the open dialogs start in.
func (a *App) lastFolder() string {
	if d := a.prefs.String(prefFolder); d != "" {
		if st, err := os.Stat(d); err == nil && st.IsDir() {
			return d
		}
	}
	if h, err := os.UserHomeDir(); err == nil {
		return h
	}
	return "."
}
