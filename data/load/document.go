package load

import (
	"archive/zip"
	"bytes"
	"io"
	"path/filepath"
	"strings"

	"golang.org/x/net/html/charset"

	"parallax/data"
)

// Formats set in Source.Format.
const (
	FormatText     = "txt"
	FormatMarkdown = "md"
	FormatHTML     = "html"
	FormatDocx     = "docx"
	FormatMHTML    = "mhtml"
	FormatPaste    = "paste"
)

// formatByExt maps lower-case file extensions to formats.
var formatByExt = map[string]string{
	".txt": FormatText, ".text": FormatText,
	".md": FormatMarkdown, ".markdown": FormatMarkdown, ".mdown": FormatMarkdown, ".mkd": FormatMarkdown,
	".html": FormatHTML, ".htm": FormatHTML, ".xhtml": FormatHTML, ".shtml": FormatHTML,
	".docx": FormatDocx,
	".mht":  FormatMHTML, ".mhtml": FormatMHTML,
}

// magic lists file signatures of binary formats users are likely to drop
// by mistake, with the name given in the reason.
var magic = []struct {
	offset int
	sig    string
	what   string
}{
	{0, "\x89PNG\r\n\x1a\n", "looks like PNG image"},
	{0, "\xff\xd8\xff", "looks like JPEG image"},
	{0, "GIF87a", "looks like GIF image"},
	{0, "GIF89a", "looks like GIF image"},
	{8, "WEBP", "looks like WebP image"},
	{8, "WAVE", "looks like WAV audio"},
	{8, "AVI ", "looks like AVI video"},
	{0, "II*\x00", "looks like TIFF image"},
	{0, "MM\x00*", "looks like TIFF image"},
	{0, "%PDF-", "looks like PDF document"},
	{0, "{\\rtf", "looks like RTF document; save it as .docx or .txt"},
	{0, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "looks like an old Office document; save it as .docx"},
	{0, "PK\x03\x04", "zip archive"},
	{0, "PK\x05\x06", "zip archive"},
	{0, "\x1f\x8b", "gzip archive"},
	{0, "7z\xbc\xaf\x27\x1c", "7-zip archive"},
	{0, "Rar!\x1a\x07", "rar archive"},
	{0, "BZh", ""}, // too weak alone: only with binary bytes
	{0, "\x7fELF", "looks like a program"},
	{0, "\x00\x00\x01\x00", "looks like an icon"},
	{4, "ftyp", "looks like a video or audio file"},
	{0, "ID3", "looks like MP3 audio"},
	{0, "OggS", "looks like Ogg audio or video"},
	{0, "\x1aE\xdf\xa3", "looks like a video file"},
	{0, "wOFF", "looks like a web font"},
	{0, "wOF2", "looks like a web font"},
	{0, "SQLite format 3\x00", "looks like an SQLite database"},
}

// binaryKind names b's binary format from its signature, or "".
func binaryKind(b []byte) string {
	for _, m := range magic {
		if m.what == "" || len(b) < m.offset+len(m.sig) {
			continue
		}
		if string(b[m.offset:m.offset+len(m.sig)]) == m.sig {
			return m.what
		}
	}
	return ""
}

func isZip(b []byte) bool {
	return bytes.HasPrefix(b, []byte("PK\x03\x04")) || bytes.HasPrefix(b, []byte("PK\x05\x06"))
}

// decodeDocument turns the bytes of the file called name into a Source. The
// returned Problem's Path is left for the caller to fill.
func decodeDocument(name string, b []byte, max int64) (*data.Source, *data.Problem) {
	prob := func(reason string) (*data.Source, *data.Problem) {
		return nil, &data.Problem{Reason: reason}
	}
	ext := strings.ToLower(filepath.Ext(name))
	format := formatByExt[ext]

	// Word documents first: a .docx is a zip, and a zip under any name may
	// be a Word document saved with the wrong extension.
	if format == FormatDocx || isZip(b) {
		if !isZip(b) {
			if bytes.HasPrefix(b, []byte("\xd0\xcf\x11\xe0")) {
				return prob("not a Word document (old .doc format or password-protected; save it as .docx)")
			}
			return prob("not a Word document")
		}
		text, title, reason := docxText(b, max)
		switch {
		case reason == reasonNotDocx && format != FormatDocx:
			return prob("binary file (" + zipKind(b) + ")")
		case reason != "":
			return prob(reason)
		}
		return finish(name, FormatDocx, "utf-8", title, normalize(text))
	}
	if kind := binaryKind(b); kind != "" {
		return prob("binary file (" + kind + ")")
	}
	if format == FormatMHTML || format == "" && looksMHTML(b) {
		page, label, reason := mhtmlPage(b, max)
		if reason != "" {
			return prob(reason)
		}
		dec := decodeText(page, true)
		if e, name := charset.Lookup(label); e != nil && !dec.bom && !strings.HasPrefix(name, "utf-16") {
			if name == "utf-8" {
				dec = decodeResult{text: utf8Text(page), enc: name}
			} else {
				dec = decodeResult{text: transform(e, page), enc: name}
			}
		}
		title, text, reason := htmlText(dec.text)
		if reason != "" {
			return prob(reason)
		}
		return finish(name, FormatMHTML, dec.enc, title, normalize(text))
	}

	dec := decodeText(b, format == FormatHTML)
	if !dec.certain && binaryBytes(b) {
		u, ok := utf16Text(b)
		if !ok {
			return prob("binary file")
		}
		dec = u
	}
	if badRunes(dec.text) {
		if dec.bom {
			return prob("invalid text encoding")
		}
		return prob("binary file")
	}
	if format == "" {
		format = FormatText
		if looksHTML(dec.text) {
			format = FormatHTML
			if !dec.certain {
				dec = decodeText(b, true)
			}
		}
	} else if format == FormatHTML && !strings.Contains(head(dec.text, metaSniffLen), "<") {
		format = FormatText // a "page" that is plain text
	}

	switch format {
	case FormatHTML:
		title, text, reason := htmlText(dec.text)
		if reason != "" {
			return prob(reason)
		}
		return finish(name, format, dec.enc, title, normalize(text))
	case FormatMarkdown:
		// Removing markup can leave a combining mark next to a new base
		// character, so the text is normalised again.
		title, text := markdownText(normalize(dec.text))
		return finish(name, format, dec.enc, title, normalize(text))
	}
	return finish(name, format, dec.enc, "", normalize(dec.text))
}

func finish(name, format, enc, title, text string) (*data.Source, *data.Problem) {
	if blank(text) {
		if format == FormatHTML || format == FormatMHTML {
			return nil, &data.Problem{Reason: reasonNoArticle}
		}
		if format == FormatDocx {
			return nil, &data.Problem{Reason: "no text in the document"}
		}
		return nil, &data.Problem{Reason: "only whitespace"}
	}
	base := name
	if i := strings.LastIndexAny(base, `/\`); i >= 0 && i < len(base)-1 {
		base = base[i+1:]
	}
	return &data.Source{
		ID:       idOf(name),
		Name:     base,
		Title:    strings.Join(strings.Fields(normalize(title)), " "),
		Format:   format,
		Encoding: enc,
		Text:     text,
	}, nil
}

func head(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

// looksHTML reports whether text (of unknown format) starts like an HTML
// document or a fragment of one.
func looksHTML(text string) bool {
	h := strings.ToLower(strings.TrimLeft(head(text, 1024), " \t\r\n\ufeff"))
	for strings.HasPrefix(h, "<!--") || strings.HasPrefix(h, "<?xml") {
		end := "-->"
		if strings.HasPrefix(h, "<?xml") {
			end = "?>"
		}
		i := strings.Index(h, end)
		if i < 0 {
			return false
		}
		h = strings.TrimLeft(h[i+len(end):], " \t\r\n")
	}
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body"} {
		if strings.HasPrefix(h, p) {
			return true
		}
	}
	// A fragment of a page ("<meta charset=...><title>..."): it starts with
	// a tag and closes a block element early on.
	if strings.HasPrefix(h, "<") {
		for _, p := range []string{"</p>", "</div>", "</title>", "</article>", "</h1>", "</h2>", "</li>", "</table>"} {
			if strings.Contains(h, p) {
				return true
			}
		}
	}
	return false
}

// zipKind names what a zip that is not a Word document holds, from its
// "mimetype" entry (OpenDocument, EPUB) or its extension-less layout.
func zipKind(b []byte) string {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return "zip archive"
	}
	for _, f := range zr.File {
		if f.Name != "mimetype" {
			continue
		}
		rc, err := f.Open()
		if err != nil {
			break
		}
		mt, _ := io.ReadAll(io.LimitReader(rc, 100))
		rc.Close()
		switch m := string(mt); {
		case strings.Contains(m, "opendocument.text"):
			return "looks like an OpenDocument text; save it as .docx"
		case strings.Contains(m, "epub"):
			return "looks like an EPUB book"
		}
	}
	return "zip archive"
}
