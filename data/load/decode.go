package load

import (
	"bytes"
	"sort"
	"strings"
	uc "unicode"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
	"golang.org/x/text/unicode/norm"

	"parallax/data/internal/lazyre"
)

// Encoding names set in Source.Encoding by the detector.
const (
	encUTF8      = "utf-8"
	encUTF8BOM   = "utf-8-bom"
	encUTF8Mixed = "utf-8+windows-1252"
	encUTF16LE   = "utf-16le"
	encUTF16BE   = "utf-16be"
	encUTF32LE   = "utf-32le"
	encUTF32BE   = "utf-32be"
	encWin1252   = "windows-1252"
	encLatin1    = "iso-8859-1"
	sniffLen     = 64 << 10 // bytes looked at by the binary and UTF-16 sniffers
	metaSniffLen = 4 << 10  // bytes searched for an HTML/XML charset declaration
)

// decodeResult is decoded text before normalisation.
type decodeResult struct {
	text    string
	enc     string
	certain bool // a byte order mark or UTF-16 pattern said so
	bom     bool // a byte order mark said so
}

// decodeText turns b into a Go string. It never fails: it returns the
// encoding it chose, and the caller judges whether the result is text.
// With html set, a <meta charset> or XML declaration is honoured.
func decodeText(b []byte, html bool) decodeResult {
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		return decodeResult{text: utf8Text(b[3:]), enc: encUTF8BOM, certain: true, bom: true}
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE, 0, 0}):
		return decodeResult{text: transform(utf32.UTF32(utf32.LittleEndian, utf32.IgnoreBOM), b[4:]), enc: encUTF32LE, certain: true, bom: true}
	case bytes.HasPrefix(b, []byte{0, 0, 0xFE, 0xFF}):
		return decodeResult{text: transform(utf32.UTF32(utf32.BigEndian, utf32.IgnoreBOM), b[4:]), enc: encUTF32BE, certain: true, bom: true}
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}):
		return decodeResult{text: transform(unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), b[2:]), enc: encUTF16LE, certain: true, bom: true}
	case bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		return decodeResult{text: transform(unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), b[2:]), enc: encUTF16BE, certain: true, bom: true}
	}
	switch utf16Pattern(b) {
	case encUTF16LE:
		return decodeResult{text: transform(unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), b), enc: encUTF16LE, certain: true}
	case encUTF16BE:
		return decodeResult{text: transform(unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), b), enc: encUTF16BE, certain: true}
	}
	if html {
		// A declared legacy charset is believed unless the bytes are valid
		// UTF-8 with non-ASCII characters: pages are often re-saved as
		// UTF-8 with the old declaration left in place.
		if e, name := declaredCharset(b); e != nil && name != "utf-8" && !strings.HasPrefix(name, "utf-16") &&
			!(utf8.Valid(b) && !isASCII(b)) {
			return decodeResult{text: transform(e, b), enc: name}
		}
	}
	if utf8.Valid(b) {
		return decodeResult{text: string(b), enc: encUTF8}
	}
	if mostlyUTF8(b) {
		return decodeResult{text: mixedText(b), enc: encUTF8Mixed}
	}
	if e, name := legacyCharset(b, html); e != nil {
		return decodeResult{text: transform(e, b), enc: name}
	}
	// Western legacy text. Windows-1252 is a superset of the printable
	// part of Latin-1; bytes 0x80-0x9F (curly quotes, dashes, the euro
	// sign) only make sense as Windows-1252.
	for _, c := range b {
		if c >= 0x80 && c <= 0x9F {
			return decodeResult{text: transform(charmap.Windows1252, b), enc: encWin1252}
		}
	}
	return decodeResult{text: transform(charmap.ISO8859_1, b), enc: encLatin1}
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// legacyCharset asks a statistical detector (ICU's, through chardet) which
// legacy encoding b is in, and returns it when it is clearly not a Western
// one: Cyrillic, Greek, Central European, Chinese, Japanese, Korean... A
// guess is only taken when the detector is fairly sure and clearly prefers
// it to Windows-1252, the usual case, which the caller falls back to.
func legacyCharset(b []byte, html bool) (encoding.Encoding, string) {
	if len(b) > sniffLen {
		b = b[:sniffLen]
	}
	d := chardet.NewTextDetector()
	if html {
		d = chardet.NewHtmlDetector() // looks past the tags
	}
	all, err := d.DetectAll(b)
	if err != nil || len(all) == 0 {
		return nil, ""
	}
	// The detector runs its recognisers concurrently and sorts unstably:
	// order ties by name so that the same bytes always decode the same.
	sort.SliceStable(all, func(i, j int) bool {
		if all[i].Confidence != all[j].Confidence {
			return all[i].Confidence > all[j].Confidence
		}
		return all[i].Charset < all[j].Charset
	})
	western := func(cs string) bool {
		switch strings.ToLower(cs) {
		case "iso-8859-1", "windows-1252", "iso-8859-15":
			return true
		}
		return false
	}
	best, west := all[0], 0
	for _, r := range all {
		if western(r.Charset) && r.Confidence > west {
			west = r.Confidence
		}
	}
	cs := strings.ToLower(best.Charset)
	if western(cs) || strings.HasPrefix(cs, "utf-") || best.Confidence < 30 || best.Confidence < west+15 {
		return nil, ""
	}
	e, name := charset.Lookup(cs)
	if e == nil || name == "utf-8" || strings.HasPrefix(name, "utf-16") {
		return nil, ""
	}
	return e, name
}

// utf8Text converts b to a string, replacing invalid bytes by U+FFFD.
func utf8Text(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

func transform(e encoding.Encoding, b []byte) string {
	out, err := e.NewDecoder().Bytes(b)
	if err != nil {
		// x/text decoders replace what they cannot decode; an error here
		// means a broken decoder state. Fall back to replacement text.
		return utf8Text(b)
	}
	return string(out)
}

// utf16Pattern recognises UTF-16 without a byte order mark by its NUL
// bytes: text that is mostly ASCII has a zero high byte in every other
// position. It returns "" when the pattern is absent.
func utf16Pattern(b []byte) string {
	n := len(b)
	if n > sniffLen {
		n = sniffLen
	}
	n &^= 1
	if n < 4 {
		return ""
	}
	var even, odd int
	for i := 0; i < n; i += 2 {
		if b[i] == 0 {
			even++
		}
		if b[i+1] == 0 {
			odd++
		}
	}
	pairs := n / 2
	switch {
	case odd*10 >= pairs*3 && even*20 < pairs:
		return encUTF16LE
	case even*10 >= pairs*3 && odd*20 < pairs:
		return encUTF16BE
	}
	return ""
}

// utf16Text tries b as UTF-16 without a byte order mark in both byte
// orders, for text the NUL pattern misses (Chinese, Japanese, Korean, where
// few characters are ASCII). It is only asked about bytes that are not
// 8-bit text: ordinary 8-bit text also decodes as UTF-16, to nonsense.
// The decoding is accepted when nearly every character is printable.
func utf16Text(b []byte) (decodeResult, bool) {
	if len(b)%2 != 0 || len(b) < 4 {
		return decodeResult{}, false
	}
	h := b
	if len(h) > sniffLen {
		h = h[:sniffLen]
	}
	best, bestBad := -1, 1.0
	orders := []unicode.Endianness{unicode.LittleEndian, unicode.BigEndian}
	for i, e := range orders {
		n, bad := 0, 0
		for _, r := range transform(unicode.UTF16(e, unicode.IgnoreBOM), h) {
			n++
			if r == utf8.RuneError || r >= 0xE000 && r <= 0xF8FF || !uc.IsPrint(r) && r != '\n' && r != '\r' && r != '\t' && r != 0x3000 {
				bad++
			}
		}
		if frac := float64(bad) / float64(n); n > 0 && frac < 0.02 && frac < bestBad {
			best, bestBad = i, frac
		}
	}
	if best < 0 {
		return decodeResult{}, false
	}
	name := []string{encUTF16LE, encUTF16BE}[best]
	return decodeResult{text: transform(unicode.UTF16(orders[best], unicode.IgnoreBOM), b), enc: name, certain: true}, true
}

// mixedText decodes UTF-8 in which some bytes are not UTF-8, reading those
// as Windows-1252: the usual cause is legacy text pasted into a UTF-8 file.
func mixedText(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b) + len(b)/8)
	dec := charmap.Windows1252
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			sb.WriteByte(b[i])
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			sb.WriteRune(dec.DecodeByte(b[i]))
			i++
			continue
		}
		sb.Write(b[i : i+size])
		i += size
	}
	return sb.String()
}

// mostlyUTF8 reports whether invalid UTF-8 is better read as UTF-8 with a
// few damaged bytes than as a legacy encoding: valid multi-byte sequences
// almost never occur by chance in Windows-1252 text.
func mostlyUTF8(b []byte) bool {
	var multi, bad int
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && size <= 1 {
			bad++
			i++
			continue
		}
		multi++
		i += size
	}
	return multi > bad
}

var (
	metaCharsetRE = lazyre.New(`(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.+-]+)`)
	xmlEncodingRE = lazyre.New(`(?i)^\s*<\?xml[^>]*?encoding\s*=\s*["']([a-z0-9_:.+-]+)`)
)

// declaredCharset finds an HTML <meta charset> or an XML declaration's
// encoding near the start of b.
func declaredCharset(b []byte) (encoding.Encoding, string) {
	head := b
	if len(head) > metaSniffLen {
		head = head[:metaSniffLen]
	}
	m := xmlEncodingRE.R().FindSubmatch(head)
	if m == nil {
		m = metaCharsetRE.R().FindSubmatch(head)
	}
	if m == nil {
		return nil, ""
	}
	return charset.Lookup(string(m[1]))
}

// binaryBytes reports whether b looks like binary data rather than text in
// an ASCII-compatible encoding: more than 5% of its first bytes are control
// characters that text does not use (NUL, and C0 codes other than tab, line
// feed, vertical tab, form feed, carriage return and escape).
func binaryBytes(b []byte) bool {
	if len(b) > sniffLen {
		b = b[:sniffLen]
	}
	bad := 0
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' && c != '\r' && c != 0x1b || c == 0x7f {
			bad++
		}
	}
	return bad*20 > len(b)
}

// badRunes reports whether decoded text is mostly not text: more than 10%
// of its runes are replacement characters or controls.
func badRunes(s string) bool {
	if len(s) > 4*sniffLen {
		s = s[:4*sniffLen]
	}
	var n, bad int
	for _, r := range s {
		n++
		if r == utf8.RuneError || r < 0x20 && r != '\t' && r != '\n' && r != '\r' && r != '\v' && r != '\f' || r >= 0x7f && r < 0xa0 {
			bad++
		}
	}
	return bad*10 > n
}

// normalize makes decoded text what every offset refers to: valid UTF-8,
// "\n" line ends (CRLF, lone CR, NEL, U+2028, U+2029, vertical tab and form
// feed become "\n"), no control characters but "\n" and "\t", no byte order
// marks or non-characters, Unicode NFC.
func normalize(s string) string {
	if plainASCII(s) {
		return s
	}
	var sb strings.Builder
	sb.Grow(len(s))
	start := 0 // s[start:i] is clean and not yet written
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != 0x7f || c == '\n' || c == '\t' {
				i++
				continue
			}
			sb.WriteString(s[start:i])
			i++
			switch c {
			case '\r':
				if i < len(s) && s[i] == '\n' {
					break // the "\n" is written with what follows
				}
				sb.WriteByte('\n')
			case '\v', '\f':
				sb.WriteByte('\n')
			}
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			sb.WriteString(s[start:i])
			sb.WriteRune(utf8.RuneError)
		case r == 0x85 || r == 0x2028 || r == 0x2029:
			sb.WriteString(s[start:i])
			sb.WriteByte('\n')
		case r < 0xa0, r == 0xFEFF, r == 0xFFFE, r == 0xFFFF:
			// C1 controls, byte order marks, non-characters: dropped.
			sb.WriteString(s[start:i])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	if start == 0 {
		return norm.NFC.String(s)
	}
	sb.WriteString(s[start:])
	return norm.NFC.String(sb.String())
}

// plainASCII reports whether s is printable ASCII with "\n" and "\t" only:
// such text is already normal.
func plainASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 0x7f || c < 0x20 && c != '\n' && c != '\t' {
			return false
		}
	}
	return true
}

// blank reports whether s holds nothing but white space and invisible
// format characters.
func blank(s string) bool {
	for _, r := range s {
		switch r {
		case ' ', '\t', '\n', 0xA0, 0x200B, 0x200C, 0x200D, 0x2060, 0x180E, 0x3000, 0xFEFF, 0x00AD:
			continue
		}
		if r >= 0x2000 && r <= 0x200A || r == 0x202F || r == 0x205F {
			continue
		}
		return false
	}
	return true
}
