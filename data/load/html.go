package load

import (
	"fmt"
	"strings"
	"unicode"

	readability "codeberg.org/readeck/go-readability"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxHTMLElements is the largest page (in tags) handed to readability;
// bigger pages are read with the plain block walker, which is linear.
const maxHTMLElements = 100000

const reasonNoArticle = "no article text found"

// htmlText extracts the article of an HTML page: its title, and its text as
// blocks separated by blank lines (headings, paragraphs, captions on their
// own, list items as "- " lines), with the title as the first block.
// reason is non-empty when the page has no article text (only navigation,
// scripts...) or cannot be read.
func htmlText(page string) (title, text, reason string) {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		if strings.Contains(err.Error(), "open stack of elements") {
			return "", "", "page nested too deeply (over 512 elements)"
		}
		return "", "", "cannot read the page (" + strings.Join(strings.Fields(strings.TrimPrefix(err.Error(), "html: ")), " ") + ")"
	}
	pageTitle := docTitle(doc)
	var w blockWriter
	mutated := false
	// Readability works on large pages too, but slowly; a page with more
	// tags than any article page has is read by the plain walker.
	if strings.Count(page, "<") <= maxHTMLElements {
		art, err := article(doc)
		mutated = true
		title = strings.Join(strings.Fields(art.Title), " ")
		if err == nil && art.Node != nil {
			root := art.Node
			if root.Parent != nil {
				root = root.Parent
			}
			w.walk(root, false)
		}
	}
	if title == "" {
		title = pageTitle
	}
	if !w.article() {
		// Readability found nothing usable: read the page's body, leaving
		// out navigation, headers, footers and asides. Readability changed
		// the tree, so the page is parsed again.
		if mutated {
			if doc, err = html.Parse(strings.NewReader(page)); err != nil {
				return title, "", reasonNoArticle
			}
		}
		w = blockWriter{}
		w.walk(doc, true)
	}
	if !w.article() {
		return title, "", reasonNoArticle
	}
	body := w.out.String()
	if title != "" {
		first, rest, _ := strings.Cut(body, "\n\n")
		if sameText(first, title) {
			body = rest
		}
		body = title + "\n\n" + body
	}
	return title, body, ""
}

// article runs readability on doc, which it changes. A panic in
// readability is turned into an error, so that the page is still read by
// the fallback.
func article(doc *html.Node) (art readability.Article, err error) {
	defer func() {
		if r := recover(); r != nil {
			art, err = readability.Article{}, fmt.Errorf("readability: %v", r)
		}
	}()
	p := readability.NewParser()
	p.MaxElemsToParse = maxHTMLElements
	return p.ParseAndMutate(doc, nil)
}

// docTitle is the text of the page's <title>.
func docTitle(n *html.Node) string {
	if n.Type == html.ElementNode && n.DataAtom == atom.Title {
		var sb strings.Builder
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.TextNode {
				sb.WriteString(c.Data)
			}
		}
		return strings.Join(strings.Fields(sb.String()), " ")
	}
	if n.Type == html.ElementNode && n.DataAtom == atom.Body {
		return ""
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if t := docTitle(c); t != "" {
			return t
		}
	}
	return ""
}

func sameText(a, b string) bool {
	return strings.EqualFold(strings.Join(strings.Fields(a), " "), strings.Join(strings.Fields(b), " "))
}

// blockWriter collects the text of an HTML tree as blocks.
type blockWriter struct {
	out    strings.Builder // finished blocks, separated by blank lines
	cur    strings.Builder // the block being written
	space  bool            // a space is due before the next text
	prefix string          // written before the next block ("- " in a list item)
	pre    int             // depth of <pre> elements
	link   int             // depth of <a> elements

	letters, linkLetters int // letters and digits written, and those inside links
}

// article reports whether the blocks hold text that reads like an article
// rather than a menu: some letters outside links.
func (w *blockWriter) article() bool {
	prose := w.letters - w.linkLetters
	if prose == 0 {
		return false
	}
	return prose >= 20 || prose*2 >= w.letters
}

func (w *blockWriter) text(s string) {
	for _, r := range s {
		if w.pre == 0 && isHTMLSpace(r) {
			w.space = w.cur.Len() > 0
			continue
		}
		if w.space {
			w.cur.WriteByte(' ')
			w.space = false
		}
		w.cur.WriteRune(r)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			w.letters++
			if w.link > 0 {
				w.linkLetters++
			}
		}
	}
}

func isHTMLSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
}

func (w *blockWriter) lineBreak() {
	w.cur.WriteByte('\n')
	w.space = false
}

// flush ends the current block, trimming each of its lines.
func (w *blockWriter) flush() {
	w.space = false
	if w.cur.Len() == 0 {
		return
	}
	lines := strings.Split(w.cur.String(), "\n")
	w.cur.Reset()
	var kept []string
	for _, l := range lines {
		if l = strings.TrimSpace(l); l != "" {
			kept = append(kept, l)
		}
	}
	if len(kept) == 0 {
		return
	}
	if w.out.Len() > 0 {
		w.out.WriteString("\n\n")
	}
	w.out.WriteString(w.prefix)
	w.prefix = ""
	w.out.WriteString(strings.Join(kept, "\n"))
}

// walk writes n's text. page is set when walking a whole page rather than
// readability's article, and leaves out the page's furniture.
func (w *blockWriter) walk(n *html.Node, page bool) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.DocumentNode:
		w.children(n, page)
		w.flush()
		return
	case html.ElementNode:
	default:
		return
	}
	if hidden(n) {
		return
	}
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Noscript, atom.Template, atom.Iframe, atom.Frame,
		atom.Frameset, atom.Object, atom.Embed, atom.Applet, atom.Canvas, atom.Video, atom.Audio,
		atom.Svg, atom.Math, atom.Head, atom.Title, atom.Nav, atom.Button, atom.Select,
		atom.Input, atom.Textarea, atom.Img, atom.Picture, atom.Source, atom.Track, atom.Map,
		atom.Dialog, atom.Menu:
		return
	case atom.Header, atom.Footer, atom.Aside:
		if page {
			return
		}
		w.block(n, page)
	case atom.Br:
		w.lineBreak()
	case atom.Hr:
		w.flush()
	case atom.Li:
		w.flush()
		w.prefix = "- "
		w.children(n, page)
		w.flush()
		w.prefix = ""
	case atom.Td, atom.Th:
		if w.cur.Len() > 0 {
			w.cur.WriteByte('\t')
			w.space = false
		}
		w.children(n, page)
	case atom.Pre:
		w.flush()
		w.pre++
		w.children(n, page)
		w.pre--
		w.flush()
	case atom.A:
		w.link++
		w.children(n, page)
		w.link--
	case atom.P, atom.Div, atom.Section, atom.Article, atom.Main, atom.Blockquote,
		atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Hgroup,
		atom.Figure, atom.Figcaption, atom.Caption, atom.Ul, atom.Ol, atom.Dl, atom.Dt, atom.Dd,
		atom.Table, atom.Thead, atom.Tbody, atom.Tfoot, atom.Tr, atom.Address, atom.Details,
		atom.Summary, atom.Center, atom.Fieldset, atom.Legend, atom.Form, atom.Body, atom.Html,
		atom.Listing, atom.Plaintext, atom.Xmp:
		w.block(n, page)
	default:
		w.children(n, page)
	}
}

func (w *blockWriter) block(n *html.Node, page bool) {
	w.flush()
	w.children(n, page)
	w.flush()
}

func (w *blockWriter) children(n *html.Node, page bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, page)
	}
}

// hidden reports elements a browser would not show.
func hidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch strings.ToLower(a.Key) {
		case "hidden":
			return true
		case "aria-hidden":
			if strings.EqualFold(strings.TrimSpace(a.Val), "true") {
				return true
			}
		case "role":
			if strings.EqualFold(strings.TrimSpace(a.Val), "navigation") {
				return true
			}
		case "style":
			v := strings.ToLower(strings.ReplaceAll(a.Val, " ", ""))
			if strings.Contains(v, "display:none") || strings.Contains(v, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}
