package data

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// TokenKind classifies a token.
type TokenKind uint8

// Token kinds. Tokens of all kinds together cover a text exactly, so that a
// diff over tokens can rebuild both sides.
const (
	Space TokenKind = iota
	Word
	Number
	Punct
)

// Token is a span of text with a normalised form.
type Token struct {
	Start, End int // byte span in the tokenised text
	Kind       TokenKind
	Norm       string // lower case; numbers without thousands separators; ’ as '
}

// Tokenize splits text into space, word, number and punctuation tokens that
// cover it exactly. A number is a run of digits with inner separators
// ("12,000", "2.5", "3:40"), so a changed figure is a changed token. A word is
// a run of letters and digits with inner apostrophes or hyphens ("Colombia’s",
// "long-standing"). Each Han, Hiragana or Katakana character is a word of its
// own, since those scripts do not put spaces between words.
func Tokenize(text string) []Token {
	toks := make([]Token, 0, len(text)/3+1) // about two tokens per word and space
	i := 0
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		start := i
		switch {
		case unicode.IsSpace(r):
			for i < len(text) {
				r, w = utf8.DecodeRuneInString(text[i:])
				if !unicode.IsSpace(r) {
					break
				}
				i += w
			}
			toks = append(toks, Token{Start: start, End: i, Kind: Space, Norm: " "})
		case isIdeograph(r):
			i += w
			toks = append(toks, Token{Start: start, End: i, Kind: Word, Norm: text[start:i]})
		case r < utf8.RuneSelf && r >= '0' && r <= '9':
			i = scanNumber(text, i)
			// digits glued to letters ("2.5m", "3rd", "F-16") stay one word
			if i < len(text) {
				if r2, _ := utf8.DecodeRuneInString(text[i:]); isWordRune(r2) && !isIdeograph(r2) {
					i = scanWord(text, i)
					toks = append(toks, Token{Start: start, End: i, Kind: Word, Norm: normWord(text[start:i])})
					continue
				}
			}
			toks = append(toks, Token{Start: start, End: i, Kind: Number, Norm: NormNumber(text[start:i])})
		case isWordRune(r):
			i = scanWord(text, i)
			toks = append(toks, Token{Start: start, End: i, Kind: Word, Norm: normWord(text[start:i])})
		default:
			i += w
			toks = append(toks, Token{Start: start, End: i, Kind: Punct, Norm: normPunct(text[start:i])})
		}
	}
	return toks
}

func isIdeograph(r rune) bool {
	return r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r))
}

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Mc, r)
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

// scanNumber returns the end of the number starting at i: digits, with single
// '.', ',' or ':' between digits.
func scanNumber(text string, i int) int {
	for i < len(text) {
		c := text[i]
		if isDigit(c) {
			i++
			continue
		}
		if (c == '.' || c == ',' || c == ':') && i+1 < len(text) && isDigit(text[i+1]) {
			i++
			continue
		}
		break
	}
	return i
}

// scanWord returns the end of the word starting at i: word runes, with single
// apostrophes, hyphens or periods-between-letters ("U.S" is not joined: the
// sentence splitter sees those) kept inside.
func scanWord(text string, i int) int {
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		if isWordRune(r) && !isIdeograph(r) {
			i += w
			continue
		}
		if r == '\'' || r == '’' || r == '-' || r == '‐' {
			if j := i + w; j < len(text) {
				if r2, _ := utf8.DecodeRuneInString(text[j:]); isWordRune(r2) && !isIdeograph(r2) {
					i = j
					continue
				}
			}
		}
		break
	}
	return i
}

func normWord(s string) string {
	ascii, upper := true, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			ascii = false
			break
		}
		upper = upper || 'A' <= c && c <= 'Z'
	}
	if ascii {
		if !upper {
			return s
		}
		return strings.ToLower(s)
	}
	s = strings.ToLower(s)
	if strings.ContainsAny(s, "’‐") {
		s = wordMarks.Replace(s)
	}
	return s
}

// wordMarks are the typographic apostrophe and hyphen, as their plain forms.
var wordMarks = strings.NewReplacer("’", "'", "‐", "-")

// NormNumber normalises a run of digits and separators as the tokenizer does:
// a comma followed by exactly three digits groups thousands ("12,000" ->
// "12000"), any other comma is a decimal comma ("2,5" -> "2.5").
func NormNumber(s string) string {
	if !strings.Contains(s, ",") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == ',' {
			j := i + 1
			for j < len(s) && isDigit(s[j]) {
				j++
			}
			if j-i-1 == 3 {
				continue
			}
			b.WriteByte('.')
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func normPunct(s string) string {
	switch s {
	case "“", "”", "„", "«", "»", "″":
		return "\""
	case "‘", "’", "‚", "′":
		return "'"
	case "–", "—", "−", "‐":
		return "-"
	}
	return s
}
