package structure

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// span is a byte range [start, end) of a text.
type span struct{ start, end int }

// isEnder reports whether r ends a sentence.
func isEnder(r rune) bool {
	switch r {
	case '.', '!', '?', '…', '؟', '۔', '。', '！', '？', '‼', '⁇', '⁈', '⁉', '．', '｡', '।', '॥', '։', '።', '။':
		return true
	}
	return false
}

// isWideEnder reports whether r ends a sentence without needing a space after
// it (Chinese and Japanese full-width marks).
func isWideEnder(r rune) bool {
	switch r {
	case '。', '！', '？', '．', '｡':
		return true
	}
	return false
}

// isCloser reports whether r closes a quotation or bracket and so stays with
// the sentence it follows.
func isCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', '›', ')', ']', '}', '」', '』', '）', '】', '〉', '》', '*', '_':
		return true
	}
	return false
}

// isQuoteCloser reports whether r closes a quotation.
func isQuoteCloser(r rune) bool {
	switch r {
	case '"', '\'', '”', '’', '»', '›', '」', '』':
		return true
	}
	return false
}

// isOpener reports whether r may open a sentence before its first letter.
func isOpener(r rune) bool {
	switch r {
	case '"', '\'', '“', '‘', '«', '‹', '(', '[', '{', '「', '『', '（', '【', '〈', '《', '¿', '¡', '—', '–', '-', '*', '_':
		return true
	}
	return false
}

// isSpaceRune reports white space, including the invisible characters that
// pasted web text carries.
func isSpaceRune(r rune) bool {
	return unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff' || r == '\u2060' || r == '\u180e'
}

// trimSpan shrinks [start, end) of text to exclude surrounding space.
func trimSpan(text string, start, end int) (int, int) {
	for start < end {
		r, w := utf8.DecodeRuneInString(text[start:end])
		if !isSpaceRune(r) {
			break
		}
		start += w
	}
	for end > start {
		r, w := utf8.DecodeLastRuneInString(text[start:end])
		if !isSpaceRune(r) {
			break
		}
		end -= w
	}
	return start, end
}

// Abbreviations that stand before a name or a number and so never end a
// sentence ("Mr. Petro", "Gen. Smith", "No. 5", "St. Louis").
var prefixAbbr = setOf(
	"mr", "mrs", "ms", "mx", "dr", "prof", "sen", "sens", "rep", "reps", "gen", "gov", "lt", "col",
	"capt", "cpt", "sgt", "cmdr", "cdr", "adm", "maj", "rev", "hon", "pres", "supt", "insp", "det",
	"cpl", "pvt", "atty", "mt", "ste", "messrs", "mme", "mlle", "fr", "sra", "srta",
	"vs", "v", "cf", "approx", "ca", "viz", "fig", "figs", "no", "nos", "vol", "vols", "art", "sec",
	"ch", "pp", "p", "para", "ed", "eds", "dept", "univ", "assn", "bros",
	"gov't", "ret", "retd", "amb", "sup", "insp", "prin", "jud", "treas", "secy", "sec'y",
)

// Abbreviations that may end a sentence; they end one only when a usual
// sentence opener follows ("… Apple Inc. The company said").
var softAbbr = setOf(
	"inc", "ltd", "co", "corp", "llc", "plc", "jr", "sr", "etc", "al", "bros", "esq", "phd",
	"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
	"min", "max", "mins", "hrs", "hr", "sq", "km", "kg", "lb", "lbs", "oz", "ft", "yd", "mi",
	"dept", "govt", "intl", "natl", "assoc", "univ", "ave", "st", "rd", "hwy", "blvd", "ln", "sq", "est", "edt", "pst", "gmt", "utc",
)

// Words that usually open a sentence; after an abbreviation they tell a
// sentence end from an abbreviation inside one.
var openers = setOf(
	"the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those",
	"but", "and", "or", "so", "yet", "in", "on", "at", "as", "for", "however", "his", "her", "their",
	"our", "its", "my", "your", "there", "here", "when", "while", "after", "before", "if", "some",
	"many", "most", "meanwhile", "also", "then", "still", "since", "although", "though", "both",
	"officials", "critics", "analysts", "no", "not", "one", "two", "three", "what", "why", "how",
	"who", "where", "such", "each", "every", "all", "other", "others", "during", "with", "without",
	"according", "despite", "under", "last", "earlier", "later", "now", "today", "yesterday",
	"tomorrow", "instead", "nevertheless", "moreover", "furthermore", "thus", "hence", "indeed",
	"by", "from", "to", "among", "because", "until", "unless", "whether", "more", "further",
)

// plainWords are abbreviations that are also ordinary words ("the sun.",
// "he sat."): they count as abbreviations only when capitalised.
var plainWords = setOf("sun", "sat", "wed", "mar", "mon", "max", "min", "est", "mi", "co", "ln", "hr", "sq", "fri", "ave", "st")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// speechVerbs follow a quotation that ends in ! or ? inside the sentence
// ("“Stop!” Petro said").
var speechVerbs = setOf(
	"said", "says", "asked", "asks", "wrote", "writes", "told", "tells", "added", "adds",
	"declared", "declares", "shouted", "shouts", "replied", "replies", "cried", "yelled",
	"exclaimed", "insisted", "stated", "states", "warned", "warns", "tweeted", "posted", "argued",
	"continued", "explained", "noted", "recalled", "responded", "answered", "claimed",
)

// wordBefore returns the word (letters, digits, inner dots and apostrophes)
// that ends at byte i of text.
func wordBefore(text string, i int) string {
	j := i
	for j > 0 && i-j < 64 {
		r, w := utf8.DecodeLastRuneInString(text[:j])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '\'' || r == '’' || unicode.Is(unicode.Mn, r) {
			j -= w
			continue
		}
		break
	}
	return strings.Trim(text[j:i], ".")
}

// nextWord returns the first word at or after byte i (after spaces and
// opening punctuation) and whether such a word starts on the same line or
// after one line break.
func nextWord(text string, i int) string {
	for skipped := 0; i < len(text) && skipped < 256; skipped++ {
		r, w := utf8.DecodeRuneInString(text[i:])
		if isSpaceRune(r) || isOpener(r) {
			i += w
			continue
		}
		break
	}
	j := i
	for j < len(text) && j-i < 64 {
		r, w := utf8.DecodeRuneInString(text[j:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) || r == '\'' || r == '’' {
			j += w
			continue
		}
		break
	}
	return text[i:j]
}

// isDottedAcronym reports words like "U.S", "a.m", "e.g", "Ph.D" (the final
// dot already removed).
func isDottedAcronym(w string) bool {
	if !strings.Contains(w, ".") {
		return false
	}
	for _, part := range strings.Split(w, ".") {
		if n := utf8.RuneCountInString(part); n == 0 || n > 2 {
			return false
		}
		for _, r := range part {
			if !unicode.IsLetter(r) {
				return false
			}
		}
	}
	return true
}

// splitSentences splits text[start:end] into trimmed sentence spans. It never
// returns an empty span; a non-empty, non-blank range gives at least one.
func splitSentences(text string, start, end int) []span {
	start, end = trimSpan(text, start, end)
	if start >= end {
		return nil
	}
	var out []span
	sentStart := start
	i := start
	if m := numberedMarker(text[start:end]); m > 0 {
		i += m // "1. " opens a list item, it does not end a sentence
	}
	for i < end {
		r, w := utf8.DecodeRuneInString(text[i:end])
		if !isEnder(r) {
			i += w
			continue
		}
		// the run of enders ("?!", "...", "…")
		j := i + w
		dots := 0
		if r == '.' {
			dots = 1
		}
		ellipsis := r == '…'
		for j < end {
			r2, w2 := utf8.DecodeRuneInString(text[j:end])
			if !isEnder(r2) {
				break
			}
			if r2 == '.' {
				dots++
			}
			if r2 == '…' {
				ellipsis = true
			}
			j += w2
		}
		if dots >= 2 {
			ellipsis = true
		}
		// closing quotes and brackets stay with the sentence
		k := j
		quoteClosed := false
		for k < end {
			r2, w2 := utf8.DecodeRuneInString(text[k:end])
			if !isCloser(r2) {
				break
			}
			if isQuoteCloser(r2) {
				quoteClosed = true
			}
			k += w2
		}
		if k >= end {
			break // the paragraph's end closes the last sentence anyway
		}
		if shouldSplit(text, i, j, k, end, r, ellipsis, quoteClosed) {
			s, e := trimSpan(text, sentStart, k)
			if s < e {
				out = append(out, span{s, e})
			}
			sentStart = k
		}
		i = k
	}
	if s, e := trimSpan(text, sentStart, end); s < e {
		out = append(out, span{s, e})
	}
	return splitLong(text, out)
}

// numberedMarker returns the length of a "12. " or "3) " list marker at the
// start of s, or 0.
func numberedMarker(s string) int {
	i := 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(s) && (s[i] == '.' || s[i] == ')') && (s[i+1] == ' ' || s[i+1] == '\t') {
		return i + 1
	}
	return 0
}

// shouldSplit decides whether the ender run text[i:j], followed by closers up
// to k, ends a sentence.
func shouldSplit(text string, i, j, k, end int, r rune, ellipsis, quoteClosed bool) bool {
	wide := isWideEnder(r)
	// what follows: must be space (or a wide ender, which needs none)
	nr, _ := utf8.DecodeRuneInString(text[k:end])
	if !isSpaceRune(nr) {
		if !wide || r == '．' && unicode.IsDigit(nr) {
			return false // "2.5", "example.com", "３．５"
		}
	}
	next := nextWord(text[:end], k)
	if next == "" {
		// followed by punctuation only: a bullet dash, a quote mark alone
		nr2 := firstNonSpace(text[k:end])
		return nr2 != 0 && (isOpener(nr2) || unicode.IsPunct(nr2) || unicode.IsSymbol(nr2))
	}
	first, _ := utf8.DecodeRuneInString(next)
	if unicode.IsLower(first) {
		return false // "e.g. the", "“Why?” he asked", "... and then"
	}
	if quoteClosed && r != '.' && speechVerbs[strings.ToLower(secondWord(text[:end], k))] {
		return false // "“Stop!” Petro said"
	}
	if quoteClosed && speechVerbs[strings.ToLower(next)] {
		return false // "“Go home!” said Petro"
	}
	if ellipsis {
		// an ellipsis ends a sentence only before a capitalised word
		return unicode.IsUpper(first) || !unicode.IsLetter(first) && !unicode.IsDigit(first) || isUncased(first)
	}
	if r != '.' || j-i != 1 {
		return true
	}
	// a single period: abbreviations, initials, numbers
	if k > j && quoteClosed {
		return true // "… death.” Then"
	}
	w := wordBefore(text, i)
	lw := strings.ToLower(w)
	nextIsOpener := openers[strings.ToLower(next)]
	startsDigit := unicode.IsDigit(first)
	switch {
	case w == "":
		return true
	case prefixAbbr[lw]:
		if lw == "no" || lw == "nos" || lw == "p" || lw == "pp" || lw == "art" || lw == "sec" || lw == "vol" || lw == "fig" || lw == "ch" {
			// only an abbreviation before a number ("No. 5")
			return !startsDigit
		}
		return false
	case isDottedAcronym(w):
		return nextIsOpener
	case softAbbr[lw] && !(plainWords[lw] && w == lw):
		if startsDigit {
			return false // "Nov. 12"
		}
		return nextIsOpener
	case utf8.RuneCountInString(w) == 1 && unicode.IsUpper([]rune(w)[0]):
		// an initial: "J. Smith"; but "Plan B. The …"
		return nextIsOpener
	}
	return true
}

func secondWord(text string, k int) string {
	i := k
	first := nextWord(text, i)
	if first == "" {
		return ""
	}
	at := strings.Index(text[i:], first)
	if at < 0 {
		return ""
	}
	return nextWord(text, i+at+len(first))
}

func firstNonSpace(s string) rune {
	for _, r := range s {
		if !isSpaceRune(r) {
			return r
		}
	}
	return 0
}

// isUncased reports a letter of a script without case (Arabic, Han, ...).
func isUncased(r rune) bool {
	return unicode.IsLetter(r) && !unicode.IsUpper(r) && !unicode.IsLower(r)
}

// maxSentenceWords bounds a sentence of unpunctuated text: longer runs are
// cut at clause punctuation or line breaks, else every chunkWords words, so
// that the aligner gets units of a useful size.
const (
	maxSentenceWords = 120
	chunkWords       = 60
)

func splitLong(text string, spans []span) []span {
	long := false
	for _, s := range spans {
		if wordCount(text[s.start:s.end]) > maxSentenceWords {
			long = true
			break
		}
	}
	if !long {
		return spans
	}
	var out []span
	for _, s := range spans {
		if wordCount(text[s.start:s.end]) <= maxSentenceWords {
			out = append(out, s)
			continue
		}
		out = append(out, chunk(text, s)...)
	}
	return out
}

// chunk cuts a long span after line breaks, semicolons or commas once a
// chunk holds chunkWords words, or at a word boundary after 2*chunkWords.
func chunk(text string, s span) []span {
	var out []span
	start := s.start
	words := 0
	inWord := false
	for i := s.start; i < s.end; {
		r, w := utf8.DecodeRuneInString(text[i:s.end])
		sp := isSpaceRune(r)
		if !sp && !inWord {
			words++
		}
		inWord = !sp
		i += w
		cut := false
		if words >= chunkWords && (r == '\n' || r == ';' || r == ',' || r == '،' || r == '，' || r == '；' || r == '、') {
			cut = true
		}
		if words >= 2*chunkWords && sp {
			cut = true
		}
		if cut && s.end-i > 0 {
			a, b := trimSpan(text, start, i)
			if a < b {
				out = append(out, span{a, b})
			}
			start = i
			words = 0
			inWord = false
		}
	}
	if a, b := trimSpan(text, start, s.end); a < b {
		out = append(out, span{a, b})
	}
	return out
}

// wordCount counts space-separated words; in scripts written without
// spaces every two ideographs count as a word.
func wordCount(s string) int {
	n, ideo := 0, 0
	in := false
	for _, r := range s {
		if r >= 0x2E80 && isIdeograph(r) {
			ideo++
			in = false
			continue
		}
		sp := isSpaceRune(r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFF0F
		if !sp && !in {
			n++
		}
		in = !sp
	}
	return n + (ideo+1)/2
}

func isIdeograph(r rune) bool {
	return unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r)
}
