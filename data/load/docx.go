package load

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"path"
	"strconv"
	"strings"

	"golang.org/x/net/html/charset"
)

const (
	reasonNotDocx  = "not a Word document"
	reasonBadDocx  = "damaged Word document"
	docxMainPart   = "word/document.xml"
	docxStylesPart = "word/styles.xml"
	docxCorePart   = "docProps/core.xml"
	docxRelsPart   = "_rels/.rels"
)

var errPartTooLarge = errors.New("part too large")

// docxText reads a Word document (Office Open XML) from b: the text of the
// main document's paragraphs, one block each, headings as blocks of their
// own, list paragraphs as "- " lines; and the title from the document's
// properties. reason is non-empty when b is not a usable Word document.
// Each XML part is read through a limit of max bytes uncompressed, so a
// zip bomb is refused rather than unpacked.
func docxText(b []byte, max int64) (text, title, reason string) {
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return "", "", reasonNotDocx
	}
	parts := map[string]*zip.File{}
	for _, f := range zr.File {
		name := strings.ToLower(strings.TrimPrefix(strings.ReplaceAll(f.Name, `\`, "/"), "/"))
		if _, dup := parts[name]; !dup {
			parts[name] = f
		}
	}
	main := mainPart(parts, max)
	mf := parts[strings.ToLower(main)]
	if mf == nil {
		return "", "", reasonNotDocx
	}
	styles := docxStyles(parts[docxStylesPart], max)
	title = docxTitle(parts[strings.ToLower(docxCorePart)], max)

	rc, err := mf.Open()
	if err != nil {
		return "", title, reasonBadDocx + " (" + zipReason(err) + ")"
	}
	defer rc.Close()
	text, err = docxBody(&limitReader{r: rc, n: max}, styles)
	switch {
	case errors.Is(err, errPartTooLarge):
		return "", title, fmt.Sprintf("too large (the document's text is over %s unpacked; see --max-size)", size(max))
	case err != nil:
		return "", title, reasonBadDocx
	}
	return text, title, ""
}

func zipReason(err error) string {
	if errors.Is(err, zip.ErrAlgorithm) {
		return "unsupported compression"
	}
	return "bad zip data"
}

// limitReader fails with errPartTooLarge after n bytes, so that a part that
// unpacks to more than the limit is refused instead of truncated.
type limitReader struct {
	r io.Reader
	n int64
}

func (l *limitReader) Read(p []byte) (int, error) {
	if l.n <= 0 {
		// Is there more?
		var one [1]byte
		if n, _ := l.r.Read(one[:]); n > 0 {
			return 0, errPartTooLarge
		}
		return 0, io.EOF
	}
	if int64(len(p)) > l.n {
		p = p[:l.n]
	}
	n, err := l.r.Read(p)
	l.n -= int64(n)
	return n, err
}

func newDecoder(r io.Reader) *xml.Decoder {
	d := xml.NewDecoder(r)
	d.CharsetReader = charset.NewReaderLabel
	d.Strict = true
	return d
}

func attr(e xml.StartElement, local string) (string, bool) {
	for _, a := range e.Attr {
		if a.Name.Local == local {
			return a.Value, true
		}
	}
	return "", false
}

// mainPart finds the main document through the package relationships;
// word/document.xml when they do not say.
func mainPart(parts map[string]*zip.File, max int64) string {
	f := parts[docxRelsPart]
	if f == nil {
		return docxMainPart
	}
	rc, err := f.Open()
	if err != nil {
		return docxMainPart
	}
	defer rc.Close()
	d := newDecoder(&limitReader{r: rc, n: max})
	for {
		tok, err := d.Token()
		if err != nil {
			return docxMainPart
		}
		if e, ok := tok.(xml.StartElement); ok && e.Name.Local == "Relationship" {
			typ, _ := attr(e, "Type")
			target, _ := attr(e, "Target")
			if strings.HasSuffix(typ, "/officeDocument") && target != "" {
				return strings.TrimPrefix(path.Clean("/"+target), "/")
			}
		}
	}
}

// docxTitle reads dc:title from the core properties.
func docxTitle(f *zip.File, max int64) string {
	if f == nil {
		return ""
	}
	rc, err := f.Open()
	if err != nil {
		return ""
	}
	defer rc.Close()
	d := newDecoder(&limitReader{r: rc, n: max})
	in := false
	var sb strings.Builder
	for {
		tok, err := d.Token()
		if err != nil {
			return ""
		}
		switch t := tok.(type) {
		case xml.StartElement:
			in = t.Name.Local == "title"
		case xml.CharData:
			if in {
				sb.Write(t)
			}
		case xml.EndElement:
			if in {
				return sb.String()
			}
		}
	}
}

// docxStyle is what a paragraph style says about its paragraphs.
type docxStyle struct {
	name    string
	basedOn string
	heading bool // outline level set
	list    bool // numbering set
}

// docxStyles reads the paragraph styles.
func docxStyles(f *zip.File, max int64) map[string]docxStyle {
	styles := map[string]docxStyle{}
	if f == nil {
		return styles
	}
	rc, err := f.Open()
	if err != nil {
		return styles
	}
	defer rc.Close()
	d := newDecoder(&limitReader{r: rc, n: max})
	var id string
	var cur docxStyle
	for {
		tok, err := d.Token()
		if err != nil {
			return styles
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "style":
				id, _ = attr(t, "styleId")
				cur = docxStyle{}
			case "name":
				cur.name, _ = attr(t, "val")
			case "basedOn":
				cur.basedOn, _ = attr(t, "val")
			case "outlineLvl":
				v, _ := attr(t, "val")
				if n, err := strconv.Atoi(v); err == nil && n < 9 {
					cur.heading = true
				}
			case "numId":
				if v, _ := attr(t, "val"); v != "0" {
					cur.list = true
				}
			}
		case xml.EndElement:
			if t.Name.Local == "style" && id != "" {
				styles[id] = cur
				id = ""
			}
		}
	}
}

// kind says whether the style id makes a paragraph a heading or a list item.
func styleKind(styles map[string]docxStyle, id string) (heading, list bool) {
	for range 10 { // basedOn chains are short; a cycle must not hang
		if id == "" {
			return
		}
		st, ok := styles[id]
		name := strings.ToLower(st.name)
		if !ok {
			name = strings.ToLower(id) // no styles part: ids are usually the English names
		}
		name = strings.ReplaceAll(name, " ", "")
		if st.heading || strings.HasPrefix(name, "heading") || name == "title" || name == "subtitle" {
			return true, false
		}
		if st.list || strings.HasPrefix(name, "listbullet") || strings.HasPrefix(name, "listnumber") {
			return false, true
		}
		if !ok {
			return
		}
		id = st.basedOn
	}
	return
}

// docxPara is a paragraph being read.
type docxPara struct {
	sb        strings.Builder
	style     string
	heading   bool
	list      bool
	listKnown bool // the paragraph's own numbering said yes or no
}

// docxBody reads the main document part and returns its text.
func docxBody(r io.Reader, styles map[string]docxStyle) (string, error) {
	d := newDecoder(r)
	var (
		out   strings.Builder
		stack []*docxPara
		skip  int // depth inside a subtree whose text is not shown
		inT   bool
		run   int // depth of w:r elements
		pPr   int // depth of w:pPr elements
	)
	emit := func(p *docxPara) {
		t := strings.TrimSpace(p.sb.String())
		if t == "" {
			return
		}
		heading, list := styleKind(styles, p.style)
		if p.heading {
			heading = true
		}
		if p.listKnown {
			list = p.list
		}
		if out.Len() > 0 {
			out.WriteString("\n\n")
		}
		if list && !heading {
			out.WriteString("- ")
		}
		out.WriteString(t)
	}
	write := func(s string) {
		if len(stack) > 0 {
			stack[len(stack)-1].sb.WriteString(s)
		}
	}
	for {
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if skip > 0 {
				skip++
				continue
			}
			switch t.Name.Local {
			case "Fallback", "del", "moveFrom", "pPrChange", "rPrChange", "instrText", "delText", "delInstrText", "footnoteReference", "endnoteReference":
				skip = 1
			case "p":
				stack = append(stack, &docxPara{})
			case "pPr":
				pPr++
			case "pStyle":
				if pPr > 0 && len(stack) > 0 {
					stack[len(stack)-1].style, _ = attr(t, "val")
				}
			case "outlineLvl":
				if v, _ := attr(t, "val"); pPr > 0 && len(stack) > 0 {
					if n, err := strconv.Atoi(v); err == nil && n < 9 {
						stack[len(stack)-1].heading = true
					}
				}
			case "numId":
				if pPr > 0 && len(stack) > 0 {
					v, _ := attr(t, "val")
					p := stack[len(stack)-1]
					p.list, p.listKnown = v != "0", true
				}
			case "r":
				run++
			case "t":
				inT = true
			case "tab":
				if run > 0 {
					write("\t")
				}
			case "br", "cr":
				if run > 0 {
					write("\n")
				}
			case "noBreakHyphen":
				write("-")
			}
		case xml.EndElement:
			if skip > 0 {
				skip--
				continue
			}
			switch t.Name.Local {
			case "p":
				if len(stack) > 0 {
					emit(stack[len(stack)-1])
					stack = stack[:len(stack)-1]
				}
			case "pPr":
				pPr--
			case "r":
				run--
			case "t":
				inT = false
			}
		case xml.CharData:
			if skip == 0 && inT {
				write(string(t))
			}
		}
	}
	return out.String(), nil
}
