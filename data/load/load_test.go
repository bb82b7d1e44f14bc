package load

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/unicode/norm"

	"parallax/data"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// ---- inputs made at test time ----

func utf16Bytes(s string, bigEndian, bom bool) []byte {
	var out []byte
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	for _, u := range units {
		if bigEndian {
			out = append(out, byte(u>>8), byte(u))
		} else {
			out = append(out, byte(u), byte(u>>8))
		}
	}
	return out
}

const wordNS = `xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"`

// wp is a Word paragraph with an optional style and numbering.
func wp(style string, list bool, runs ...string) string {
	var sb strings.Builder
	sb.WriteString("<w:p>")
	if style != "" || list {
		sb.WriteString("<w:pPr>")
		if style != "" {
			sb.WriteString(`<w:pStyle w:val="` + style + `"/>`)
		}
		if list {
			sb.WriteString(`<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>`)
		}
		sb.WriteString("</w:pPr>")
	}
	for _, r := range runs {
		if strings.HasPrefix(r, "<") {
			sb.WriteString("<w:r>" + r + "</w:r>")
		} else {
			sb.WriteString(`<w:r><w:t xml:space="preserve">` + r + "</w:t></w:r>")
		}
	}
	sb.WriteString("</w:p>")
	return sb.String()
}

// docx builds a Word document whose body is body; parts overrides or adds
// package parts (an empty value removes one).
func docx(body string, parts map[string]string) []byte {
	files := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>`,
		"_rels/.rels":         `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
		"word/document.xml":   `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document ` + wordNS + `><w:body>` + body + `<w:sectPr/></w:body></w:document>`,
		"word/styles.xml": `<?xml version="1.0" encoding="UTF-8"?><w:styles ` + wordNS + `>` +
			`<w:style w:type="paragraph" w:styleId="Titel"><w:name w:val="Title"/></w:style>` +
			`<w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr></w:style>` +
			`<w:style w:type="paragraph" w:styleId="MyHead"><w:name w:val="My Head"/><w:basedOn w:val="berschrift1"/></w:style>` +
			`<w:style w:type="paragraph" w:styleId="Aufzhlung"><w:name w:val="List Bullet"/></w:style>` +
			`</w:styles>`,
		"docProps/core.xml": `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>Council approves budget</dc:title></cp:coreProperties>`,
	}
	for k, v := range parts {
		if v == "" {
			delete(files, k)
		} else {
			files[k] = v
		}
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range sortedKeys(files) {
		w, err := zw.Create(name)
		if err != nil {
			panic(err)
		}
		w.Write([]byte(files[name]))
	}
	if err := zw.Close(); err != nil {
		panic(err)
	}
	return buf.Bytes()
}

func sortedKeys(m map[string]string) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	for i := range ks {
		for j := i + 1; j < len(ks); j++ {
			if ks[j] < ks[i] {
				ks[i], ks[j] = ks[j], ks[i]
			}
		}
	}
	return ks
}

func zipOf(files map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range sortedKeys(files) {
		w, _ := zw.Create(name)
		w.Write([]byte(files[name]))
	}
	zw.Close()
	return buf.Bytes()
}

var pngHeader = []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa")

// randomBytes is deterministic noise.
func randomBytes(n int) []byte {
	b := make([]byte, n)
	x := uint32(2463534242)
	for i := range b {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		b[i] = byte(x)
	}
	return b
}

const (
	arabic  = "قال وزير الصحة إن 42 مستشفى استقبلت المرضى يوم الثلاثاء.\n\nوأضاف أن الوضع تحت السيطرة."
	chinese = "市政府星期二表示，新桥将于明年三月开通。\n\n工程耗资三亿元，预计每天通行两万辆汽车。"
)

const (
	russian      = "Президент заявил во вторник, что 42 человека пострадали во время шторма на побережье."
	polish       = "Burmistrz powiedział we wtorek, że 42 osoby zostały ranne podczas burzy na wybrzeżu. Żółć, gęślą jaźń."
	japaneseText = "市は火曜日、新しい橋が来年三月に開通すると発表した。工事費は三億円で、一日に二万台の車が通行する見込みだ。"
	french       = "Le maire a déclaré mardi que 42 personnes ont été blessées lors de la tempête sur la côte. « Nous sommes prêts », a-t-il ajouté – sans plus."
	german       = "Der Bürgermeister sagte am Dienstag, dass 42 Menschen beim Sturm an der Küste verletzt wurden. Größere Schäden gab es nicht."
)

func encode(e encoding.Encoding, s string) []byte {
	b, err := e.NewEncoder().Bytes([]byte(s))
	if err != nil {
		panic(err)
	}
	return b
}

const mhtmlBlink = "From: <Saved by Blink>\r\n" +
	"Snapshot-Content-Location: https://news.example/story\r\n" +
	"Subject: Dam opens\r\n" +
	"MIME-Version: 1.0\r\n" +
	"Content-Type: multipart/related;\r\n\ttype=\"text/html\";\r\n\tboundary=\"----MultipartBoundary--abc----\"\r\n" +
	"\r\n\r\n" +
	"------MultipartBoundary--abc----\r\n" +
	"Content-Type: text/html\r\n" +
	"Content-ID: <frame-1@mhtml.blink>\r\n" +
	"Content-Transfer-Encoding: quoted-printable\r\n" +
	"Content-Location: https://news.example/story\r\n" +
	"\r\n" +
	"<!DOCTYPE html><html><head><meta http-equiv=3D\"Content-Type\" content=3D\"text/html; charset=3DUTF-8\"><title>Dam opens</title></head><body><nav><a href=3D\"/\">Home</a></nav><article><p>The new dam on the river opened on Monday after six years of constr=\r\n" +
	"uction work, caf=C3=A9 owners said.</p></article></body></html>\r\n" +
	"------MultipartBoundary--abc----\r\n" +
	"Content-Type: image/png\r\n" +
	"Content-Transfer-Encoding: base64\r\n" +
	"Content-Location: https://news.example/a.png\r\n" +
	"\r\n" +
	"iVBORw0KGgo=\r\n" +
	"------MultipartBoundary--abc------\r\n"

func wrap64(s string) string {
	var sb strings.Builder
	for len(s) > 76 {
		sb.WriteString(s[:76] + "\r\n")
		s = s[76:]
	}
	sb.WriteString(s)
	return sb.String()
}

// ---- sources that load ----

type okCase struct {
	name     string // test name
	file     string // file name, its extension chooses the format
	content  []byte
	format   string
	encoding string
	title    string
	text     string   // whole Text when set
	contains []string // substrings of Text
	excludes []string // not substrings of Text
}

var okCases = []okCase{
	{name: "utf-8", file: "plain.txt", content: []byte("Héllo wörld.\n\nSecond paragraph."),
		format: "txt", encoding: "utf-8", text: "Héllo wörld.\n\nSecond paragraph."},
	{name: "ascii keeps trailing spaces", file: "a.txt", content: []byte("Line one.  \nLine two.\n"),
		format: "txt", encoding: "utf-8", text: "Line one.  \nLine two.\n"},
	{name: "utf-8 bom", file: "bom.txt", content: []byte("\xEF\xBB\xBFCafé au lait"),
		format: "txt", encoding: "utf-8-bom", text: "Café au lait"},
	{name: "utf-16le bom", file: "le.txt", content: utf16Bytes("Zoë said “yes” 😀\r\nNext", false, true),
		format: "txt", encoding: "utf-16le", text: "Zoë said “yes” 😀\nNext"},
	{name: "utf-16be bom", file: "be.txt", content: utf16Bytes("Zoë said “yes”\r\nNext", true, true),
		format: "txt", encoding: "utf-16be", text: "Zoë said “yes”\nNext"},
	{name: "utf-16le no bom", file: "le-nobom.txt", content: utf16Bytes("The minister said 42 people were hurt.\nMore.", false, false),
		format: "txt", encoding: "utf-16le", text: "The minister said 42 people were hurt.\nMore."},
	{name: "utf-16be no bom", file: "be-nobom.txt", content: utf16Bytes("The minister said 42 people were hurt.", true, false),
		format: "txt", encoding: "utf-16be", text: "The minister said 42 people were hurt."},
	{name: "utf-16le no bom chinese", file: "zh16.txt", content: utf16Bytes(chinese, false, false),
		format: "txt", encoding: "utf-16le", text: chinese},
	{name: "utf-16be no bom chinese", file: "zh16be.txt", content: utf16Bytes(chinese, true, false),
		format: "txt", encoding: "utf-16be", text: chinese},
	{name: "utf-32le bom", file: "u32.txt", content: []byte("\xFF\xFE\x00\x00H\x00\x00\x00i\x00\x00\x00"),
		format: "txt", encoding: "utf-32le", text: "Hi"},
	{name: "latin-1", file: "latin1.txt", content: []byte("Caf\xe9 cr\xe8me, \xe0 Z\xfcrich: 5\xb0C"),
		format: "txt", encoding: "iso-8859-1", text: "Café crème, à Zürich: 5°C"},
	{name: "windows-1252", file: "cp1252.txt", content: []byte("\x93Quoted\x94 \x96 costs \x8012 \x85"),
		format: "txt", encoding: "windows-1252", text: "“Quoted” – costs €12 …"},
	{name: "windows-1251 (Cyrillic)", file: "ru.txt", content: encode(charmap.Windows1251, russian),
		format: "txt", encoding: "windows-1251", text: russian},
	{name: "koi8-r (Cyrillic)", file: "ru-koi8.txt", content: encode(charmap.KOI8R, russian),
		format: "txt", encoding: "koi8-r", text: russian},
	{name: "windows-1250 (Polish)", file: "pl.txt", content: encode(charmap.Windows1250, polish),
		format: "txt", encoding: "windows-1250", text: polish},
	{name: "gbk (Chinese)", file: "zh-gbk.txt", content: encode(simplifiedchinese.GBK, chinese),
		format: "txt", encoding: "gb18030", text: chinese},
	{name: "shift_jis (Japanese)", file: "ja.txt", content: encode(japanese.ShiftJIS, japaneseText),
		format: "txt", encoding: "shift_jis", text: japaneseText},
	{name: "windows-1252 (French, longer)", file: "fr.txt", content: encode(charmap.Windows1252, french),
		format: "txt", encoding: "windows-1252", text: french},
	{name: "latin-1 (German)", file: "de.txt", content: encode(charmap.ISO8859_1, german),
		format: "txt", encoding: "iso-8859-1", text: german},
	{name: "invalid utf-8 mostly valid", file: "bad.txt", content: []byte("Zürich – the “city” \xff\xfe of 400 000"),
		format: "txt", encoding: "utf-8+windows-1252", text: "Zürich – the “city” ÿþ of 400 000"},
	{name: "utf-8 with a latin-1 paste", file: "mixed-enc.txt", content: []byte("Das Café „Zur Post“ – Caf\xe9 cr\xe8me"),
		format: "txt", encoding: "utf-8+windows-1252", text: "Das Café „Zur Post“ – Café crème"},
	{name: "crlf", file: "crlf.txt", content: []byte("One.\r\n\r\nTwo.\r\n"),
		format: "txt", encoding: "utf-8", text: "One.\n\nTwo.\n"},
	{name: "lone cr", file: "cr.txt", content: []byte("One.\r\rTwo.\r"),
		format: "txt", encoding: "utf-8", text: "One.\n\nTwo.\n"},
	{name: "mixed line endings", file: "mixed.txt", content: []byte("a\r\nb\rc\nd\u2028e\u2029f\x0bg\x0ch"),
		format: "txt", encoding: "utf-8", text: "a\nb\nc\nd\ne\nf\ng\nh"},
	{name: "controls stripped", file: "ctl.txt", content: []byte("A\x00B\x01C\tD\x7fE\u0085F\u200bG\ufeffH, in a text that is long enough for a few stray control characters."),
		format: "txt", encoding: "utf-8", text: "ABC\tDE\nF\u200bGH, in a text that is long enough for a few stray control characters."},
	{name: "nfc", file: "nfd.txt", content: []byte("Caf" + "e\u0301" + " and A\u030a"),
		format: "txt", encoding: "utf-8", text: "Café and Å"},
	{name: "non-breaking space kept", file: "nbsp.txt", content: []byte("10\u00a0000 people"),
		format: "txt", encoding: "utf-8", text: "10\u00a0000 people"},
	{name: "arabic", file: "ar.txt", content: []byte(arabic), format: "txt", encoding: "utf-8", text: arabic},
	{name: "chinese", file: "zh.txt", content: []byte(chinese), format: "txt", encoding: "utf-8", text: chinese},
	{name: "script in text kept as text", file: "xss.txt",
		content: []byte(`He wrote <script>alert("x")</script> and <img src=x onerror=alert(1)> and <a href="javascript:alert(1)">link</a>.`),
		format:  "txt", encoding: "utf-8",
		text: `He wrote <script>alert("x")</script> and <img src=x onerror=alert(1)> and <a href="javascript:alert(1)">link</a>.`},
	{name: "no punctuation", file: "nopunct.txt", content: []byte("the council met on tuesday and voted for the plan"),
		format: "txt", encoding: "utf-8", text: "the council met on tuesday and voted for the plan"},
	{name: "only numbers", file: "nums.txt", content: []byte("1 2 3\n4.5 6,000\n"),
		format: "txt", encoding: "utf-8", text: "1 2 3\n4.5 6,000\n"},
	{name: "unknown extension is text", file: "notes.dat", content: []byte("Plain notes."),
		format: "txt", encoding: "utf-8", text: "Plain notes."},
	{name: "no extension is text", file: "README", content: []byte("Plain notes."),
		format: "txt", encoding: "utf-8", text: "Plain notes."},
	{name: "stray NUL in text", file: "nul.txt", content: []byte("Long enough text with one stray\x00 NUL byte in it, which is dropped."),
		format: "txt", encoding: "utf-8", text: "Long enough text with one stray NUL byte in it, which is dropped."},

	// Markdown
	{name: "markdown", file: "m.md",
		content: []byte("# Big *news*\nBody with **bold**, _em_, `code`, [a link](http://x.y \"t\") and ![img](i.png).\n\nSub\n---\n- item one\n2. item two\n> quoted\n\n***\nsnake_case_word and 5 * 3 * 2"),
		format:  "md", encoding: "utf-8", title: "Big news",
		text: "Big news\n\nBody with bold, em, code, a link and .\n\nSub\n\n- item one\n2. item two\nquoted\n\nsnake_case_word and 5 * 3 * 2"},
	{name: "markdown crlf", file: "m.markdown", content: []byte("Title\r\n=====\r\n\r\nText.\r\n"),
		format: "md", encoding: "utf-8", title: "Title", text: "Title\n\nText."},

	// HTML
	{name: "html article", file: "page.html",
		content: []byte(`<!doctype html><html><head><title>Dam opens</title><script>var s = "script text";</script><style>p{color:red}</style></head><body>` +
			`<nav><a href="/">Home</a> <a href="/w">World</a></nav>` +
			`<article><h1>Dam opens</h1><p>The new dam on the river opened on Monday after six years of construction work.</p>` +
			`<h2>Power for 40,000 homes</h2><p>It will supply electricity to 40,000 homes, the operator said in a statement.</p>` +
			`<ul><li>Height: 80 metres</li><li>Cost: 1.1 billion</li></ul><figure><img src="d.jpg"><figcaption>The dam at dusk.</figcaption></figure>` +
			`<iframe src="x"></iframe></article></body></html>`),
		format: "html", encoding: "utf-8", title: "Dam opens",
		contains: []string{"Dam opens\n\n", "The new dam on the river opened on Monday", "\n\nPower for 40,000 homes\n\n", "\n\n- Height: 80 metres\n\n- Cost: 1.1 billion", "\n\nThe dam at dusk."},
		excludes: []string{"script text", "color:red", "Home", "<"}},
	{name: "html meta charset latin-1", file: "l1.htm",
		content: []byte(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><title>Caf` + "\xe9" + `</title></head><body><p>Le caf` + "\xe9" + ` de la gare a rouvert ses portes ce matin apr` + "\xe8" + `s des travaux.</p></body></html>`),
		format:  "html", encoding: "windows-1252", title: "Café",
		contains: []string{"Le café de la gare a rouvert ses portes ce matin après des travaux."}},
	{name: "html meta charset windows-1251", file: "ru.html",
		content: []byte(`<html><head><meta charset="windows-1251"></head><body><p>` + "\xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0! \xcf\xf0\xe8\xe2\xe5\xf2, \xec\xe8\xf0! \xcf\xf0\xe8\xe2\xe5\xf2." + `</p></body></html>`),
		format:  "html", encoding: "windows-1251",
		contains: []string{"Привет, мир! Привет, мир! Привет."}},
	{name: "html declared latin-1 but utf-8", file: "mislabeled.html",
		content: []byte(`<html><head><meta charset="iso-8859-1"></head><body><p>Le café de la gare a rouvert ses portes ce matin après des travaux.</p></body></html>`),
		format:  "html", encoding: "utf-8",
		text: "Le café de la gare a rouvert ses portes ce matin après des travaux."},
	{name: "html windows-1251 without declaration", file: "ru-nometa.html",
		content: append(append([]byte(`<html><head><title>News</title></head><body><div class="content"><p>`), encode(charmap.Windows1251, russian)...), []byte(`</p></div></body></html>`)...),
		format:  "html", encoding: "windows-1251", title: "News", text: "News\n\n" + russian},
	{name: "html utf-16le bom", file: "u16.html",
		content: utf16Bytes(`<html><head><title>T</title></head><body><p>Enough words in this paragraph to count as an article for the reader.</p></body></html>`, false, true),
		format:  "html", encoding: "utf-16le", title: "T",
		contains: []string{"T\n\nEnough words in this paragraph"}},
	{name: "html sniffed without extension", file: "saved-page",
		content: []byte("  <!DOCTYPE html>\n<html><body><p>A paragraph of text long enough for an article, about the harbour.</p></body></html>"),
		format:  "html", encoding: "utf-8", text: "A paragraph of text long enough for an article, about the harbour."},
	{name: "html fragment sniffed", file: "page.php",
		content: []byte(`<meta charset="utf-8"><div class="story"><p>The ferry returned to port on Sunday after engine trouble off the coast.</p></div>`),
		format:  "html", encoding: "utf-8", text: "The ferry returned to port on Sunday after engine trouble off the coast."},
	{name: "text starting with a tag stays text", file: "note.log", content: []byte("<b> is bold in HTML, said the teacher."),
		format: "txt", encoding: "utf-8", text: "<b> is bold in HTML, said the teacher."},
	{name: "html escaped script is text", file: "code.html",
		content: []byte(`<html><body><p>The attacker typed &lt;script&gt;alert(1)&lt;/script&gt; into the comment form of the site.</p></body></html>`),
		format:  "html", encoding: "utf-8", text: "The attacker typed <script>alert(1)</script> into the comment form of the site."},
	{name: "html with live script, onerror and javascript: links", file: "xss.html",
		content: []byte(`<html><body><article><p>The mayor spoke for 20 minutes on Friday about the new ferry line to the islands.</p>` +
			`<p><img src="x" onerror="alert(1)">Tickets go on sale <a href="javascript:alert(2)">next week</a>.<script>alert(3)</script></p>` +
			`<p onclick="alert(4)">It will carry 300 passengers.</p></article></body></html>`),
		format: "html", encoding: "utf-8",
		text: "The mayor spoke for 20 minutes on Friday about the new ferry line to the islands.\n\nTickets go on sale next week.\n\nIt will carry 300 passengers."},
	{name: ".html that is plain text", file: "plain.html", content: []byte("Just text, no tags at all."),
		format: "txt", encoding: "utf-8", text: "Just text, no tags at all."},

	// Web archives
	{name: "mhtml from a browser", file: "saved.mhtml", content: []byte(mhtmlBlink),
		format: "mhtml", encoding: "utf-8", title: "Dam opens",
		text: "Dam opens\n\nThe new dam on the river opened on Monday after six years of construction work, café owners said."},
	{name: "mht with a base64 windows-1252 page, sniffed", file: "archive",
		content: []byte("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b1\"\r\n\r\n--b1\r\nContent-Type: text/html; charset=\"windows-1252\"\r\nContent-Transfer-Encoding: base64\r\n\r\n" +
			wrap64(base64.StdEncoding.EncodeToString(encode(charmap.Windows1252, "<html><body><p>“The café reopens on Monday,” the owner said, after a long winter closure.</p></body></html>"))) + "\r\n--b1--\r\n"),
		format: "mhtml", encoding: "windows-1252",
		text: "“The café reopens on Monday,” the owner said, after a long winter closure."},

	// Word
	{name: "docx", file: "doc.docx",
		content: docx(
			wp("Titel", false, "Council approves budget")+
				wp("", false, "The council ", "approved the budget", " on Monday.")+
				wp("berschrift1", false, "Schools first")+
				wp("", true, "Schools: 4.2 million")+
				wp("Aufzhlung", false, "Roads: 1.5 million")+
				wp("MyHead", false, "Reactions")+
				wp("", false, "Col A", "<w:tab/>", "Col B", "<w:br/>", "next line")+
				`<w:p><w:r><w:t>Kept </w:t></w:r><w:del><w:r><w:delText>deleted </w:delText></w:r></w:del><w:r><w:fldChar/><w:instrText>HYPERLINK "x"</w:instrText><w:t>text</w:t></w:r></w:p>`+
				`<w:p><w:r><mc:AlternateContent><mc:Choice><w:txbxContent>`+wp("", false, "In a box")+`</w:txbxContent></mc:Choice><mc:Fallback><w:txbxContent>`+wp("", false, "In a box")+`</w:txbxContent></mc:Fallback></mc:AlternateContent></w:r></w:p>`+
				`<w:tbl><w:tr><w:tc>`+wp("", false, "Cell one")+`</w:tc><w:tc>`+wp("", false, "Cell two")+`</w:tc></w:tr></w:tbl>`+
				wp("", false, "   ")+
				wp("Heading2", false, "Heading by id"), nil),
		format: "docx", encoding: "utf-8", title: "Council approves budget",
		text: "Council approves budget\n\nThe council approved the budget on Monday.\n\nSchools first\n\n- Schools: 4.2 million\n\n- Roads: 1.5 million\n\nReactions\n\nCol A\tCol B\nnext line\n\nKept text\n\nIn a box\n\nCell one\n\nCell two\n\nHeading by id"},
	{name: "docx without styles or title, other main part", file: "min.DOCX",
		content: docx(wp("", false, "Only one paragraph & an entity."), map[string]string{
			"word/styles.xml": "", "docProps/core.xml": "",
			"_rels/.rels":       `<Relationships><Relationship Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/word/main.xml"/></Relationships>`,
			"word/main.xml":     `<w:document ` + wordNS + `><w:body>` + wp("", false, "Main part text.") + `</w:body></w:document>`,
			"word/document.xml": "",
		}),
		format: "docx", encoding: "utf-8", text: "Main part text."},
	{name: "docx with markup as text", file: "markup.docx", content: docx(wp("", false, "He typed &lt;script&gt;alert(1)&lt;/script&gt; there."), map[string]string{"docProps/core.xml": ""}),
		format: "docx", encoding: "utf-8", text: "He typed <script>alert(1)</script> there."},
	{name: "docx with wrong extension", file: "doc.zip", content: docx(wp("", false, "Saved under another name."), nil),
		format: "docx", encoding: "utf-8", title: "Council approves budget", text: "Saved under another name."},
}

func TestFile(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range okCases {
		t.Run(tc.name, func(t *testing.T) {
			path := filepath.Join(dir, tc.file)
			require.NoError(t, os.WriteFile(path, tc.content, 0o644))
			s, err := File(path, Options{})
			require.NoError(t, err)
			assert.Equal(t, tc.format, s.Format)
			assert.Equal(t, tc.encoding, s.Encoding)
			assert.Equal(t, tc.title, s.Title)
			assert.Equal(t, path, s.Path)
			assert.Equal(t, tc.file, s.Name)
			assert.Equal(t, strings.TrimSuffix(tc.file, filepath.Ext(tc.file)), s.ID)
			if tc.text != "" {
				assert.Equal(t, tc.text, s.Text)
			}
			for _, c := range tc.contains {
				assert.Contains(t, s.Text, c)
			}
			for _, c := range tc.excludes {
				assert.NotContains(t, s.Text, c)
			}
			checkText(t, s.Text)
			os.Remove(path)
		})
	}
}

// checkText asserts the invariants every loaded text keeps.
func checkText(t testing.TB, text string) {
	t.Helper()
	if !utf8.ValidString(text) {
		t.Fatalf("text is not valid UTF-8: %q", text)
	}
	for _, r := range text {
		if r < 0x20 && r != '\n' && r != '\t' || r >= 0x7f && r < 0xa0 || r == 0xFEFF || r == 0x2028 || r == 0x2029 {
			t.Fatalf("text holds control character %U: %q", r, text)
		}
	}
	if !norm.NFC.IsNormalString(text) {
		t.Fatalf("text is not NFC: %q", text)
	}
	if blank(text) {
		t.Fatalf("a loaded text is blank: %q", text)
	}
}

// ---- unusable inputs ----

type problemCase struct {
	name    string
	file    string
	content []byte                                // written to file unless setup is set
	setup   func(t *testing.T, dir string) string // makes the input and returns its path
	opt     Options
	reason  string
}

var problemCases = []problemCase{
	{name: "empty", file: "empty.txt", content: []byte{}, reason: "empty file"},
	{name: "only whitespace", file: "ws.txt", content: []byte(" \r\n\t \u00a0\n\u3000 "), reason: "only whitespace"},
	{name: "only whitespace utf-16", file: "ws16.txt", content: utf16Bytes("   \r\n  ", false, true), reason: "only whitespace"},
	{name: "png", file: "photo.txt", content: pngHeader, reason: "binary file (looks like PNG image)"},
	{name: "png as html", file: "photo.html", content: pngHeader, reason: "binary file (looks like PNG image)"},
	{name: "jpeg", file: "photo.jpg", content: []byte("\xff\xd8\xff\xe0\x00\x10JFIF\x00"), reason: "binary file (looks like JPEG image)"},
	{name: "pdf", file: "story.pdf", content: []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"), reason: "binary file (looks like PDF document)"},
	{name: "zip", file: "archive.zip", content: zipOf(map[string]string{"a.txt": "hello"}), reason: "binary file (zip archive)"},
	{name: "zip named txt", file: "archive.txt", content: zipOf(map[string]string{"a.txt": "hello"}), reason: "binary file (zip archive)"},
	{name: "odt", file: "story.odt", content: zipOf(map[string]string{"mimetype": "application/vnd.oasis.opendocument.text", "content.xml": "<x/>"}),
		reason: "binary file (looks like an OpenDocument text; save it as .docx)"},
	{name: "mhtml without a page", file: "images.mht",
		content: []byte("MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=b\r\n\r\n--b\r\nContent-Type: image/png\r\n\r\nxx\r\n--b--\r\n"),
		reason:  "no article text found"},
	{name: "mhtml that is not MIME", file: "junk.mht", content: []byte("just some words"), reason: "damaged web archive (.mht)"},
	{name: "docx that is a plain zip", file: "fake.docx", content: zipOf(map[string]string{"a.txt": "hello"}), reason: "not a Word document"},
	{name: "docx that is text", file: "fake2.docx", content: []byte("I am not a zip file at all."), reason: "not a Word document"},
	{name: "docx that is an old doc", file: "old.docx", content: []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00"), reason: "not a Word document (old .doc format or password-protected; save it as .docx)"},
	{name: "doc", file: "old.doc", content: []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00"), reason: "binary file (looks like an old Office document; save it as .docx)"},
	{name: "docx truncated", file: "cut.docx", content: docx(wp("", false, "text"), nil)[:60], reason: "not a Word document"},
	{name: "docx broken xml", file: "broken.docx", content: docx("<w:p><w:r><w:t>unclosed", nil), reason: "damaged Word document"},
	{name: "docx without text", file: "blank.docx", content: docx(wp("", false, "  "), nil), reason: "no text in the document"},
	{name: "random binary", file: "noise.bin", content: randomBytes(4096), reason: "binary file"},
	{name: "random binary named txt", file: "noise.txt", content: randomBytes(4096), reason: "binary file"},
	{name: "16-bit binary data", file: "samples.txt", content: bytes.Repeat([]byte{0x01, 0x00, 0x02, 0x00, 0x7f, 0x00, 0x10, 0x00}, 200), reason: "binary file"},
	{name: "utf-16 bom then garbage", file: "bad16.txt", content: append([]byte{0xFF, 0xFE}, bytes.Repeat([]byte{0x00, 0xD8, 0x01, 0x00}, 100)...), reason: "invalid text encoding"},
	{name: "html with scripts, styles and iframes only", file: "scripts.html",
		content: []byte(`<!DOCTYPE html><html><head><title>Loading…</title><script>var article = "This sentence lives in a script and is not article text at all.";</script><style>.x{content:"style text that is long enough to look like prose"}</style></head>` +
			`<body><iframe src="https://ads.example/frame"></iframe><script>document.write("<p>Written by a script, a paragraph that a browser would show.</p>")</script><noscript>Please enable JavaScript to read this site properly today.</noscript></body></html>`),
		reason: "no article text found"},
	{name: "navigation only", file: "nav.html",
		content: []byte(`<html><head><title>Site</title></head><body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li><li><a href="/politics">Politics</a></li></ul></nav>` +
			`<div class="menu"><a href="/sport">Sport</a> | <a href="/culture">Culture and arts</a> | <a href="/weather">Weather forecast</a> | <a href="/contact">Contact us</a></div>` +
			`<ul class="links"><li><a href="/a">Storm hits the coast overnight</a></li><li><a href="/b">Council votes on new budget plan</a></li></ul></body></html>`),
		reason: "no article text found"},
	{name: "html nested too deeply", file: "deep.html", content: []byte(strings.Repeat("<div>", 600) + "Text of the article, deep inside."), reason: "page nested too deeply (over 512 elements)"},
	{name: "empty html", file: "e.html", content: []byte("<html><body>   </body></html>"), reason: "no article text found"},
	{name: "missing", setup: func(t *testing.T, dir string) string { return filepath.Join(dir, "missing.txt") }, reason: "no such file"},
	{name: "under a file", setup: func(t *testing.T, dir string) string {
		p := filepath.Join(dir, "f.txt")
		require.NoError(t, os.WriteFile(p, []byte("x"), 0o644))
		return filepath.Join(p, "child.txt")
	}, reason: "no such file"},
	{name: "directory", setup: func(t *testing.T, dir string) string {
		p := filepath.Join(dir, "folder.txt")
		require.NoError(t, os.Mkdir(p, 0o755))
		return p
	}, reason: "is a directory"},
	{name: "symbolic link loop", setup: func(t *testing.T, dir string) string {
		a, b := filepath.Join(dir, "loop-a.txt"), filepath.Join(dir, "loop-b.txt")
		if err := os.Symlink(b, a); err != nil {
			t.Skip("no symbolic links here:", err)
		}
		require.NoError(t, os.Symlink(a, b))
		return a
	}, reason: "symbolic link loop"},
	{name: "broken symbolic link", setup: func(t *testing.T, dir string) string {
		a := filepath.Join(dir, "dangling.txt")
		if err := os.Symlink(filepath.Join(dir, "nowhere"), a); err != nil {
			t.Skip("no symbolic links here:", err)
		}
		return a
	}, reason: "broken symbolic link"},
	{name: "200 MB sparse file", setup: func(t *testing.T, dir string) string {
		p := filepath.Join(dir, "huge.txt")
		f, err := os.Create(p)
		require.NoError(t, err)
		require.NoError(t, f.Truncate(200<<20)) // sparse: costs no disk
		require.NoError(t, f.Close())
		return p
	}, reason: "too large (200 MB; the limit is 50 MB, see --max-size)"},
	{name: "over a configured limit", file: "small.txt", content: bytes.Repeat([]byte("word "), 500), opt: Options{MaxBytes: 1000},
		reason: "too large (2 KB; the limit is 1000 bytes, see --max-size)"},
	{name: "docx unpacking past the limit", file: "bomb.docx",
		content: docx(strings.Repeat(wp("", false, "The same paragraph, over and over again."), 20000), nil), opt: Options{MaxBytes: 512 << 10},
		reason: "too large (the document's text is over 512 KB unpacked; see --max-size)"},
}

func TestFileProblems(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range problemCases {
		t.Run(tc.name, func(t *testing.T) {
			var path string
			if tc.setup != nil {
				path = tc.setup(t, dir)
			} else {
				path = filepath.Join(dir, tc.file)
				require.NoError(t, os.WriteFile(path, tc.content, 0o644))
			}
			s, err := File(path, tc.opt)
			require.Error(t, err)
			assert.Nil(t, s)
			var p *data.Problem
			require.True(t, errors.As(err, &p), "error is a *data.Problem")
			assert.Equal(t, path, p.Path)
			assert.Equal(t, tc.reason, p.Reason)
			assert.Equal(t, path+": "+tc.reason, err.Error())
			assert.NotContains(t, p.Reason, "\n")
		})
	}
}

func TestUnreadable(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "secret.txt")
	require.NoError(t, os.WriteFile(p, []byte("Private text."), 0o644))
	require.NoError(t, os.Chmod(p, 0))
	defer os.Chmod(p, 0o644)
	s, err := File(p, Options{})
	if err == nil {
		// Root (and Windows) can read it anyway: at least nothing broke.
		assert.Equal(t, "Private text.", s.Text)
		t.Log("file without read permission was readable (running as root?)")
		return
	}
	assert.Equal(t, p+": permission denied", err.Error())
}

func TestLargeSingleLine(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "oneline.txt")
	line := bytes.Repeat([]byte("Numbers 12,345 and words é "), (10<<20)/28)
	require.NoError(t, os.WriteFile(p, line, 0o644))
	s, err := File(p, Options{})
	require.NoError(t, err)
	assert.Equal(t, string(line), s.Text)
	assert.NotContains(t, s.Text, "\n")
}

func TestSamePathTwice(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "x.txt")
	require.NoError(t, os.WriteFile(p, []byte("Same story."), 0o644))
	a, err := File(p, Options{})
	require.NoError(t, err)
	b, err := File(p, Options{})
	require.NoError(t, err)
	c := Text("x.md", "Pasted.")
	srcs := []*data.Source{a, b, c}
	UniqueIDs(srcs)
	assert.Equal(t, []string{"x", "x-2", "x-3"}, []string{a.ID, b.ID, c.ID})
	assert.Equal(t, a.Text, b.Text)
}

func TestUniqueIDs(t *testing.T) {
	tests := []struct{ in, want []string }{
		{[]string{"a", "b"}, []string{"a", "b"}},
		{[]string{"a", "a", "a"}, []string{"a", "a-2", "a-3"}},
		{[]string{"a", "a-2", "a"}, []string{"a", "a-2", "a-3"}},
		{[]string{"x", "x", "x", "x", "x", "x", "x", "x", "x", "x", "x"}, []string{"x", "x-2", "x-3", "x-4", "x-5", "x-6", "x-7", "x-8", "x-9", "x-10", "x-11"}},
	}
	for _, tc := range tests {
		var srcs []*data.Source
		for _, id := range tc.in {
			srcs = append(srcs, &data.Source{ID: id})
		}
		UniqueIDs(srcs)
		var got []string
		for _, s := range srcs {
			got = append(got, s.ID)
		}
		assert.Equal(t, tc.want, got)
	}
}

func TestBytes(t *testing.T) {
	s, err := Bytes("", []byte("Pasted\r\ntext"), Options{})
	require.NoError(t, err)
	assert.Equal(t, "pasted", s.ID)
	assert.Equal(t, "", s.Path)
	assert.Equal(t, "Pasted\ntext", s.Text)

	s, err = Bytes("https://news.example/story", []byte("<html><body><p>A fetched page with a paragraph long enough to read.</p></body></html>"), Options{})
	require.NoError(t, err)
	assert.Equal(t, "html", s.Format)
	assert.Equal(t, "A fetched page with a paragraph long enough to read.", s.Text)

	_, err = Bytes("x.txt", nil, Options{})
	assert.EqualError(t, err, "x.txt: empty file")
	_, err = Bytes("x.txt", make([]byte, 2048), Options{MaxBytes: 1024})
	assert.EqualError(t, err, "x.txt: too large (2 KB; the limit is 1 KB, see --max-size)")
}

func TestIDs(t *testing.T) {
	tests := []struct{ name, id string }{
		{"a.txt", "a"}, {"dir/story.final.html", "story.final"}, {"Dr. Smith", "Dr. Smith"},
		{"report 21.11.2026", "report 21.11.2026"}, {".hidden", ".hidden"}, {"", "source"},
		{"Pasted 1", "Pasted 1"}, {`C:\news\bbc.docx`, "bbc"}, {"x.markdown", "x"},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.id, idOf(tc.name), tc.name)
	}
}

func TestText(t *testing.T) {
	s := Text("clip", "A\r\nB\x00 e\u0301 \xff")
	assert.Equal(t, "A\nB é \uFFFD", s.Text)
	assert.Equal(t, "paste", s.Format)
	assert.Equal(t, "clip", s.ID)
}

func TestPanicBecomesProblem(t *testing.T) {
	testHook = func(string) { panic("boom") }
	defer func() { testHook = nil }()
	dir := t.TempDir()
	p := filepath.Join(dir, "a.txt")
	require.NoError(t, os.WriteFile(p, []byte("text"), 0o644))
	_, err := File(p, Options{})
	assert.EqualError(t, err, p+": "+ReasonInternal)
	_, err = Bytes("b.txt", []byte("text"), Options{})
	assert.EqualError(t, err, "b.txt: "+ReasonInternal)
}

func TestSize(t *testing.T) {
	tests := []struct {
		n    int64
		want string
	}{{0, "0 bytes"}, {1023, "1023 bytes"}, {1024, "1 KB"}, {1 << 20, "1 MB"}, {3 << 19, "1.5 MB"}, {50 << 20, "50 MB"}, {212 << 20, "212 MB"}}
	for _, tc := range tests {
		assert.Equal(t, tc.want, size(tc.n))
	}
}

// TestInputsUnchanged loads every input of the tables and checks that no
// file was changed: same bytes, same mode, same modification time.
func TestInputsUnchanged(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for i, tc := range okCases {
		p := filepath.Join(dir, fmt.Sprintf("ok%02d-%s", i, tc.file))
		require.NoError(t, os.WriteFile(p, tc.content, 0o644))
		paths = append(paths, p)
	}
	for i, tc := range problemCases {
		if tc.setup != nil {
			continue
		}
		p := filepath.Join(dir, fmt.Sprintf("bad%02d-%s", i, tc.file))
		require.NoError(t, os.WriteFile(p, tc.content, 0o644))
		paths = append(paths, p)
	}
	ro := filepath.Join(dir, "readonly.txt")
	require.NoError(t, os.WriteFile(ro, []byte("Read-only text."), 0o444))
	paths = append(paths, ro)

	state := func() map[string]string {
		m := map[string]string{}
		for _, p := range paths {
			b, err := os.ReadFile(p)
			require.NoError(t, err)
			fi, err := os.Stat(p)
			require.NoError(t, err)
			m[p] = fmt.Sprintf("%x %v %v", sha256.Sum256(b), fi.Mode(), fi.ModTime().UnixNano())
		}
		return m
	}
	before := state()
	for _, p := range append(paths, paths...) { // each twice
		File(p, Options{})
	}
	assert.Equal(t, before, state())
}

// findSeeds walks up from the package directory to a directory holding
// shared/seeds.
func findSeeds(t testing.TB) []string {
	dir, err := os.Getwd()
	require.NoError(t, err)
	for {
		if fi, err := os.Stat(filepath.Join(dir, "shared", "seeds")); err == nil && fi.IsDir() {
			files, _ := filepath.Glob(filepath.Join(dir, "shared", "seeds", "*.txt"))
			if len(files) > 0 {
				return files
			}
		}
		up := filepath.Dir(dir)
		if up == dir {
			t.Skip("no shared/seeds directory above the package: seed tests skipped")
		}
		dir = up
	}
}

func TestSeeds(t *testing.T) {
	for _, p := range findSeeds(t) {
		s, err := File(p, Options{})
		require.NoError(t, err, p)
		assert.Equal(t, "utf-8", s.Encoding, p)
		assert.Equal(t, "txt", s.Format, p)
		assert.NotEmpty(t, strings.TrimSpace(s.Text), p)
		raw, err := os.ReadFile(p)
		require.NoError(t, err)
		assert.Equal(t, string(raw), s.Text, "clean UTF-8 text is kept byte for byte: %s", p)
		checkText(t, s.Text)
	}
}

// TestGolden compares the text extracted from the files in testdata with
// the .golden files next to them; -update rewrites them.
func TestGolden(t *testing.T) {
	inputs, _ := filepath.Glob(filepath.Join("testdata", "*"))
	n := 0
	for _, in := range inputs {
		if strings.HasSuffix(in, ".golden") {
			continue
		}
		n++
		t.Run(filepath.Base(in), func(t *testing.T) {
			s, err := File(in, Options{})
			require.NoError(t, err)
			got := fmt.Sprintf("format: %s\nencoding: %s\ntitle: %s\n----\n%s\n", s.Format, s.Encoding, s.Title, s.Text)
			golden := in + ".golden"
			if *update {
				require.NoError(t, os.WriteFile(golden, []byte(got), 0o644))
			}
			want, err := os.ReadFile(golden)
			require.NoError(t, err, "run go test -update to create it")
			assert.Equal(t, string(want), got)
		})
	}
	assert.NotZero(t, n)
}

// ---- fuzzing ----

func checkLoaded(t *testing.T, name string, s *data.Source, err error) {
	if err != nil {
		var p *data.Problem
		if !errors.As(err, &p) {
			t.Fatalf("%s: error is not a *data.Problem: %v", name, err)
		}
		if p.Reason == "" || p.Reason == ReasonInternal || strings.ContainsAny(p.Reason, "\r\n") {
			t.Fatalf("%s: bad reason %q", name, p.Reason)
		}
		return
	}
	checkText(t, s.Text)
	if strings.ContainsAny(s.Title, "\r\n") || !utf8.ValidString(s.Title) {
		t.Fatalf("bad title %q", s.Title)
	}
	if s.Format == "" || s.Encoding == "" || s.ID == "" {
		t.Fatalf("missing fields: %+v", s)
	}
}

var fuzzExts = []string{".txt", ".md", ".html", ".docx", ".mht", "", ".bin"}

func FuzzBytes(f *testing.F) {
	for _, tc := range okCases {
		f.Add(filepath.Ext(tc.file), tc.content)
	}
	for _, tc := range problemCases {
		if tc.content != nil && len(tc.content) < 64<<10 {
			f.Add(filepath.Ext(tc.file), tc.content)
		}
	}
	for _, ext := range fuzzExts {
		f.Add(ext, []byte("<p>x</p>\r\n# h\n"))
	}
	f.Fuzz(func(t *testing.T, ext string, b []byte) {
		name := "fuzz" + ext
		s, err := Bytes(name, b, Options{MaxBytes: 1 << 20})
		checkLoaded(t, name, s, err)
		if err == nil && ext == ".txt" && utf8.Valid(b) && !bytes.ContainsAny(b, "\r\x00\u2028\u2029\ufeff") && plainASCII(string(b)) {
			if s.Text != string(b) {
				t.Fatalf("plain ASCII text changed: %q -> %q", b, s.Text)
			}
		}
	})
}

// FuzzDocx fuzzes the Word reader with document bodies: random bytes are
// rarely a zip, so the XML goes into a real package.
func FuzzDocx(f *testing.F) {
	f.Add(wp("Titel", false, "Head") + wp("", true, "item"))
	f.Add(`<w:p><w:r><w:t>unclosed`)
	f.Add(`<w:p><w:pPr><w:pStyle w:val="MyHead"/></w:pPr><w:r><w:tab/><w:br/><w:t>&amp;&lt;</w:t></w:r></w:p>`)
	f.Add(`<w:p><w:r><mc:AlternateContent><mc:Fallback><w:p><w:r><w:t>x</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent></w:r></w:p>`)
	f.Fuzz(func(t *testing.T, body string) {
		s, err := Bytes("f.docx", docx(body, nil), Options{MaxBytes: 1 << 20})
		checkLoaded(t, "f.docx", s, err)
	})
}

// FuzzMarkdown fuzzes the Markdown reader with text.
func FuzzMarkdown(f *testing.F) {
	for _, tc := range okCases {
		if tc.format == "md" {
			f.Add(string(tc.content))
		}
	}
	f.Add("`a``b` \\* *_x_* [a](b [c] ![d](e)")
	f.Fuzz(func(t *testing.T, md string) {
		s, err := Bytes("f.md", []byte(md), Options{})
		checkLoaded(t, "f.md", s, err)
	})
}

// FuzzHTML fuzzes HTML extraction with pages.
func FuzzHTML(f *testing.F) {
	for _, tc := range okCases {
		if tc.format == "html" {
			f.Add(string(tc.content))
		}
	}
	for _, tc := range problemCases {
		if strings.HasSuffix(tc.file, ".html") {
			f.Add(string(tc.content))
		}
	}
	f.Fuzz(func(t *testing.T, page string) {
		s, err := Bytes("f.html", []byte(page), Options{})
		checkLoaded(t, "f.html", s, err)
	})
}

// ---- benchmarks ----

func BenchmarkLoadSeeds(b *testing.B) {
	files := findSeeds(b)
	var n int64
	for _, p := range files {
		fi, err := os.Stat(p)
		require.NoError(b, err)
		n += fi.Size()
	}
	b.SetBytes(n)
	b.ResetTimer()
	for range b.N {
		for _, p := range files {
			if _, err := File(p, Options{}); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkLoadHTML(b *testing.B) {
	page, err := os.ReadFile(filepath.Join("testdata", "article.html"))
	require.NoError(b, err)
	b.SetBytes(int64(len(page)))
	for range b.N {
		if _, err := Bytes("article.html", page, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkLoadLargeLatin1(b *testing.B) {
	page := bytes.Repeat([]byte("Caf\xe9 cr\xe8me \x93quoted\x94 "), (10<<20)/22)
	b.SetBytes(int64(len(page)))
	for range b.N {
		if _, err := Bytes("big.txt", page, Options{}); err != nil {
			b.Fatal(err)
		}
	}
}

// FuzzNormalize checks the text normaliser alone: its output keeps the
// invariants and normalising twice changes nothing.
func FuzzNormalize(f *testing.F) {
	for _, tc := range okCases {
		if tc.format == "txt" && utf8.Valid(tc.content) {
			f.Add(string(tc.content))
		}
	}
	f.Add("a\r\n\rb\x00\u2028\u0085e\u0301\xff\ufeff")
	f.Fuzz(func(t *testing.T, s string) {
		n := normalize(s)
		if !blank(n) {
			checkText(t, n)
		}
		if strings.Contains(n, "\r") {
			t.Fatalf("CR left in %q", n)
		}
		if again := normalize(n); again != n {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, n, again)
		}
	})
}

// TestHugePage checks that a page with more tags than readability is given
// is still read, by the plain walker.
func TestHugePage(t *testing.T) {
	var sb strings.Builder
	sb.WriteString("<html><head><title>Long page</title></head><body><nav><a href=/>Home</a></nav>")
	for i := range maxHTMLElements/2 + 10 {
		fmt.Fprintf(&sb, "<p>Paragraph %d of the long page.</p>", i)
	}
	sb.WriteString("</body></html>")
	s, err := Bytes("huge.html", []byte(sb.String()), Options{})
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(s.Text, "Long page\n\nParagraph 0 of the long page.\n\nParagraph 1 of"), s.Text[:80])
	assert.NotContains(t, s.Text, "Home")
	assert.True(t, strings.HasSuffix(s.Text, fmt.Sprintf("Paragraph %d of the long page.", maxHTMLElements/2+9)))
}
