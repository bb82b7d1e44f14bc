package load

import (
	"bufio"
	"bytes"
	"encoding/base64"
	"io"
	"mime"
	"mime/multipart"
	"mime/quotedprintable"
	"net/textproto"
	"strings"
)

const reasonBadMHTML = "damaged web archive (.mht)"

// mhtmlPage finds the HTML page in a web archive (.mht, .mhtml: what
// browsers write for "save as single file"), a MIME message whose first
// text/html part is the page. It returns the page's bytes, undecoded, and
// the charset its part declares.
func mhtmlPage(b []byte, max int64) (page []byte, charsetLabel, reason string) {
	tp := textproto.NewReader(bufio.NewReader(bytes.NewReader(b)))
	hdr, err := tp.ReadMIMEHeader()
	if err != nil && len(hdr) == 0 {
		return nil, "", reasonBadMHTML
	}
	body := tp.R
	mediatype, params, err := mime.ParseMediaType(hdr.Get("Content-Type"))
	if err != nil {
		return nil, "", reasonBadMHTML
	}
	if mediatype == "text/html" {
		return mimeBody(body, hdr.Get("Content-Transfer-Encoding"), params["charset"], max)
	}
	if !strings.HasPrefix(mediatype, "multipart/") || params["boundary"] == "" {
		return nil, "", reasonBadMHTML
	}
	mr := multipart.NewReader(body, params["boundary"])
	for {
		part, err := mr.NextRawPart()
		if err != nil {
			return nil, "", reasonNoArticle
		}
		mt, ps, err := mime.ParseMediaType(part.Header.Get("Content-Type"))
		if err != nil || mt != "text/html" {
			continue
		}
		return mimeBody(part, part.Header.Get("Content-Transfer-Encoding"), ps["charset"], max)
	}
}

// mimeBody reads a MIME body in its transfer encoding, up to max bytes.
func mimeBody(r io.Reader, transfer, charsetLabel string, max int64) ([]byte, string, string) {
	switch strings.ToLower(strings.TrimSpace(transfer)) {
	case "quoted-printable":
		r = quotedprintable.NewReader(r)
	case "base64":
		r = base64.NewDecoder(base64.StdEncoding, &lineStripper{r: r})
	}
	b, err := io.ReadAll(io.LimitReader(r, max+1))
	switch {
	case err != nil:
		return nil, "", reasonBadMHTML
	case int64(len(b)) > max:
		return nil, "", "too large (the page in the archive is over " + size(max) + "; see --max-size)"
	}
	return b, charsetLabel, ""
}

// lineStripper drops line breaks, which base64 bodies in MIME carry.
type lineStripper struct{ r io.Reader }

func (l *lineStripper) Read(p []byte) (int, error) {
	for {
		n, err := l.r.Read(p)
		j := 0
		for _, c := range p[:n] {
			if c != '\r' && c != '\n' && c != ' ' && c != '\t' {
				p[j] = c
				j++
			}
		}
		if j > 0 || err != nil {
			return j, err
		}
	}
}

// looksMHTML reports whether b starts like a MIME web archive.
func looksMHTML(b []byte) bool {
	h := strings.ToLower(string(b[:min(len(b), 4096)]))
	return (strings.HasPrefix(h, "from:") || strings.HasPrefix(h, "mime-version:") || strings.HasPrefix(h, "content-type:") ||
		strings.HasPrefix(h, "subject:") || strings.HasPrefix(h, "snapshot-content-location:") || strings.HasPrefix(h, "date:")) &&
		strings.Contains(h, "multipart/related")
}
