package workspace

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"parallax/data"
	"parallax/data/engine"
	"parallax/data/load"
	"parallax/data/structure"
)

// FormatID names the current file format; the number after the slash is
// its version.
const FormatID = "parallax.workspace/1"

// Version is the format version this package writes and reads.
const Version = 1

// Ext is the extension of a saved comparison.
const Ext = ".parallax"

// MaxBytes bounds what Open reads: the file itself and the JSON inside a
// zipped one.
const MaxBytes = 1 << 30

// entryName is the JSON document's name inside a zipped file.
const entryName = "workspace.json"

// Workspace is a saved comparison: the sources' text and metadata, the
// options, the user's corrections to the alignment and their notes.
type Workspace struct {
	Format      string       `json:"format"`
	SavedAt     time.Time    `json:"saved_at,omitzero"`
	Records     []Source     `json:"sources"`
	Options     Options      `json:"options"`
	Corrections []Correction `json:"corrections"`
	Notes       []Note       `json:"notes"`
}

// Source is one source as saved: its decoded text and metadata. The
// paragraphs and sentences are not saved; they are recomputed from the text.
type Source struct {
	ID       string    `json:"id"`
	Name     string    `json:"name"`
	Path     string    `json:"path,omitempty"`
	Title    string    `json:"title,omitempty"`
	Format   string    `json:"format"`
	Encoding string    `json:"encoding"`
	LoadedAt time.Time `json:"loaded_at,omitzero"`
	Text     string    `json:"text"`
}

// Options are the comparison's options as saved.
type Options struct {
	Base string `json:"base,omitempty"` // ID of the base source chosen by the user; "" for the default
}

// New makes a workspace holding srcs, loaded now.
func New(srcs []*data.Source, opt engine.Options) *Workspace {
	ws := &Workspace{Format: FormatID, Options: Options{Base: opt.Base}}
	ws.AddSources(srcs...)
	return ws
}

// AddSources adds sources, loaded now, giving them IDs unique in the
// workspace (the sources' IDs are updated to match).
func (ws *Workspace) AddSources(srcs ...*data.Source) {
	now := time.Now().UTC().Truncate(time.Second)
	all := make([]*data.Source, 0, len(ws.Records)+len(srcs))
	for _, r := range ws.Records {
		all = append(all, &data.Source{ID: r.ID})
	}
	all = append(all, srcs...)
	load.UniqueIDs(all)
	for _, s := range srcs {
		ws.Records = append(ws.Records, Source{ID: s.ID, Name: s.Name, Path: s.Path, Title: s.Title,
			Format: s.Format, Encoding: s.Encoding, LoadedAt: now, Text: s.Text})
	}
}

// Sources returns the saved sources, analysed (paragraphs, kinds and
// sentences recomputed from the saved text).
func (ws *Workspace) Sources() []*data.Source {
	out := make([]*data.Source, 0, len(ws.Records))
	for _, r := range ws.Records {
		s := &data.Source{ID: r.ID, Name: r.Name, Path: r.Path, Title: r.Title, Format: r.Format,
			Encoding: r.Encoding, Text: r.Text}
		structure.Analyze(s)
		out = append(out, s)
	}
	return out
}

// EngineOptions returns the options for engine.Compare.
func (ws *Workspace) EngineOptions() engine.Options {
	return engine.Options{Base: ws.Options.Base}
}

// Compare recomputes the comparison from the saved sources and options and
// applies the saved corrections. It returns the corrections that no longer
// apply (a sentence they name is gone).
func (ws *Workspace) Compare() (*engine.Comparison, []Correction) {
	c := engine.Compare(ws.Sources(), ws.EngineOptions())
	return c, Apply(c, ws.Corrections)
}

// Dates returns when each source was loaded, by ID.
func (ws *Workspace) Dates() map[string]time.Time {
	m := make(map[string]time.Time, len(ws.Records))
	for _, r := range ws.Records {
		if !r.LoadedAt.IsZero() {
			m[r.ID] = r.LoadedAt
		}
	}
	return m
}

// Save writes ws to path, zipped, atomically: a failed save leaves the file
// that was there intact.
func Save(path string, ws *Workspace) error {
	doc := *ws
	doc.Format = FormatID
	doc.SavedAt = time.Now().UTC().Truncate(time.Second)
	if doc.Records == nil {
		doc.Records = []Source{}
	}
	if doc.Corrections == nil {
		doc.Corrections = []Correction{}
	}
	if doc.Notes == nil {
		doc.Notes = []Note{}
	}
	return WriteFileAtomic(path, func(w io.Writer) error {
		zw := zip.NewWriter(w)
		zw.SetComment("Parallax comparison (" + FormatID + ")")
		f, err := zw.CreateHeader(&zip.FileHeader{Name: entryName, Method: zip.Deflate, Modified: doc.SavedAt})
		if err != nil {
			return err
		}
		enc := json.NewEncoder(f)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", " ")
		if err := enc.Encode(&doc); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		return zw.Close()
	})
}

// Open reads a saved comparison, zipped or plain JSON. A file that is not
// one, is damaged, or was written by a newer Parallax gives a
// *data.Problem naming the file: "x.parallax: made by a newer Parallax
// (format 2)".
func Open(path string) (*Workspace, error) {
	fail := func(reason string) error { return &data.Problem{Path: path, Reason: reason} }
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, fail("no such file")
	case errors.Is(err, os.ErrPermission):
		return nil, fail("permission denied")
	case err != nil:
		return nil, fail("cannot read")
	case fi.IsDir():
		return nil, fail("is a directory")
	case fi.Size() > MaxBytes:
		return nil, fail(fmt.Sprintf("too large for a Parallax comparison (%d MiB, at most %d MiB)", fi.Size()>>20, MaxBytes>>20))
	}
	b, err := os.ReadFile(path)
	if err != nil {
		if errors.Is(err, os.ErrPermission) {
			return nil, fail("permission denied")
		}
		return nil, fail("cannot read")
	}
	ws, reason := decode(b)
	if reason != "" {
		return nil, fail(reason)
	}
	return ws, nil
}

// decode parses a file's bytes, or says why not in a reason for the user.
func decode(b []byte) (*Workspace, string) {
	damaged := func(why string) string { return "not a Parallax comparison (damaged: " + why + ")" }
	if bytes.HasPrefix(b, []byte("PK")) {
		zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			return nil, damaged(strings.TrimPrefix(err.Error(), "zip: "))
		}
		var entry *zip.File
		for _, f := range zr.File {
			if f.Name == entryName {
				entry = f
			}
		}
		if entry == nil {
			return nil, "not a Parallax comparison (a zip file without " + entryName + ")"
		}
		if entry.UncompressedSize64 > MaxBytes {
			return nil, damaged("content too large")
		}
		rc, err := entry.Open()
		if err != nil {
			return nil, damaged(strings.TrimPrefix(err.Error(), "zip: "))
		}
		b, err = io.ReadAll(io.LimitReader(rc, MaxBytes+1))
		rc.Close()
		if err != nil {
			return nil, damaged(strings.TrimPrefix(err.Error(), "zip: "))
		}
		if len(b) > MaxBytes {
			return nil, damaged("content too large")
		}
	}
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	if t := bytes.TrimSpace(b); len(t) == 0 || t[0] != '{' {
		return nil, "not a Parallax comparison"
	}
	// the format first, so that a newer file is named as such even when
	// the rest would not parse
	var head struct {
		Format *string `json:"format"`
	}
	if err := json.Unmarshal(b, &head); err != nil {
		return nil, damaged(jsonReason(err))
	}
	if head.Format == nil {
		return nil, "not a Parallax comparison (no format field)"
	}
	v, ok := version(*head.Format)
	switch {
	case !ok:
		if strings.HasPrefix(*head.Format, "parallax.comparison/") {
			return nil, "a comparison report, not a saved comparison (use it with the scorer, or save with --save)"
		}
		return nil, fmt.Sprintf("not a Parallax comparison (format %q)", *head.Format)
	case v > Version:
		return nil, fmt.Sprintf("made by a newer Parallax (format %d); this version reads format %d", v, Version)
	case v < Version:
		return nil, fmt.Sprintf("made by an older Parallax (format %d) that this version cannot read", v)
	}
	var ws Workspace
	dec := json.NewDecoder(bytes.NewReader(b))
	if err := dec.Decode(&ws); err != nil {
		return nil, damaged(jsonReason(err))
	}
	if reason := ws.validate(); reason != "" {
		return nil, damaged(reason)
	}
	return &ws, ""
}

// version reads N from "parallax.workspace/N".
func version(format string) (int, bool) {
	rest, ok := strings.CutPrefix(format, "parallax.workspace/")
	if !ok {
		return 0, false
	}
	n, err := strconv.Atoi(rest)
	return n, err == nil && n >= 0
}

func jsonReason(err error) string {
	if strings.Contains(err.Error(), "unexpected end of JSON") || errors.Is(err, io.ErrUnexpectedEOF) {
		return "unexpected end of JSON"
	}
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%s at byte %d", strings.TrimPrefix(se.Error(), "json: "), se.Offset)
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		return fmt.Sprintf("%s is %s, should be %s", te.Field, te.Value, te.Type)
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

// validate checks what the rest of the app relies on.
func (ws *Workspace) validate() string {
	ids := map[string]bool{}
	for i, r := range ws.Records {
		switch {
		case r.ID == "":
			return fmt.Sprintf("source %d has no id", i+1)
		case ids[r.ID]:
			return fmt.Sprintf("two sources have the id %q", r.ID)
		}
		ids[r.ID] = true
		if r.Name == "" {
			ws.Records[i].Name = r.ID
		}
	}
	for _, c := range ws.Corrections {
		switch c.Op {
		case OpLink, OpUnlink, OpMove:
		default:
			return fmt.Sprintf("unknown correction %q", c.Op)
		}
	}
	return ""
}
