package structure

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/data"
)

// feat holds what classification needs to know about a paragraph.
type feat struct {
	loose     string // lower-cased, loosened text
	words     int
	runes     int
	term      bool // ends with sentence punctuation
	period    bool // ends with a period that is not part of an abbreviation
	ellipsis  bool // ends with "..." or "…" (a cut-off teaser)
	heading   bool // shaped like a heading: short, one line, no final period
	bodyLike  bool // shaped like story prose
	sentences int
	stems     []string // distinct content-word stems
	decided   bool
	// captionish: one present-tense sentence describing a picture
	captionish bool
}

// classify gives every paragraph a kind.
func classify(text string, paras []*para) {
	n := len(paras)
	// documents in one case or without punctuation relax the shape tests
	var doc docInfo
	for _, p := range paras {
		t := p.text(text)
		r, _ := utf8.DecodeRuneInString(stripLead(t))
		if unicode.IsUpper(r) {
			doc.cased = true
		}
		if endsTerminal(t) {
			doc.punct = true
		}
	}
	fs := make([]feat, n)
	for i, p := range paras {
		fs[i] = features(text, p, doc)
	}

	// 1. wording: page furniture, bylines, datelines, credits, bullets
	listStart := make([]bool, n)
	for i, p := range paras {
		f := &fs[i]
		t := p.text(text)
		lead := stripLead(f.loose)
		switch {
		case isListHeading(lead, f.words) && !f.period:
			p.kind, f.decided, listStart[i] = data.KindBoilerplate, true, true
		case (isBoilerCue(f.loose, f.words) || lead != f.loose && isBoilerCue(lead, f.words)) && mostlyFurniture(text, p, f):
			p.kind, f.decided = data.KindBoilerplate, true
		case f.words <= 25 && (bylineCues.MatchString(f.loose) || lead != f.loose && bylineCues.MatchString(lead) || isByLine(stripLead(t), f.words)) || isSourceLine(t, f.words):
			p.kind, f.decided = data.KindByline, true
		case isDatelineLine(t, f.words):
			p.kind, f.decided = data.KindDateline, true
		case f.words <= 40 && (creditCues.MatchString(f.loose) || strings.Contains(t, "/") && creditTail.MatchString(t)):
			p.kind, f.decided = data.KindCaption, true
		case isDateLine(t, f.loose, f.words) && !f.period:
			p.kind, f.decided = data.KindByline, true
		case f.captionish && captionDate.MatchString(f.loose):
			// "X speaks during …, October 21, 2025." anywhere: a wire caption
			p.kind, f.decided = data.KindCaption, true
		case p.bullet:
			p.kind = data.KindBullet
		}
	}

	// 1b. the line just above a bare credit line ("Photo: Agency/Name") is
	// the caption it credits
	for i := 0; i+1 < n; i++ {
		if paras[i+1].kind == data.KindCaption && fs[i+1].words <= 8 && !fs[i].decided && !paras[i].bullet &&
			fs[i].sentences == 1 && fs[i].words <= 35 && !quoted(paras[i].text(text)) {
			paras[i].kind, fs[i].decided = data.KindCaption, true
		}
	}

	// 2. lists of other articles after a "related" heading: short
	// headline-like lines, teasers cut off with an ellipsis, dates and
	// section names, up to the first paragraph that reads like the story
	// again. A list of bullets ends at its first paragraph that is not one.
	all := storyVocab(fs, paras)
	for i := 0; i < n; i++ {
		if !listStart[i] {
			continue
		}
		bullets := i+1 < n && paras[i+1].bullet
		j := i + 1
		for ; j < n; j++ {
			f := &fs[j]
			if listStart[j] {
				break
			}
			if paras[j].kind == data.KindBoilerplate && f.decided {
				continue
			}
			if bullets && !paras[j].bullet {
				break
			}
			if !f.ellipsis && f.period && (f.words >= 25 || f.sentences >= 2) && overlap(f.stems, all, f) >= 0.5 {
				// the story goes on, unless this is a teaser between the
				// headlines of a list: headline, teaser, headline, …
				teaser := j-1 > i && fs[j-1].heading && (j+1 == n || fs[j+1].heading)
				if !teaser {
					break
				}
			}
			paras[j].kind, f.decided = data.KindBoilerplate, true
		}
		// a heading just before the story goes on is the story's own
		if j < n && !listStart[j] && j-1 > i && fs[j-1].heading && overlap(fs[j-1].stems, all, nil) >= 0.5 {
			paras[j-1].kind, fs[j-1].decided = "", false
		}
	}

	// 3. the story's vocabulary: prose paragraphs not yet set aside
	vocab := storyVocab(fs, paras)

	// 4. before the story starts: captions, headline, standfirst
	firstBody := n
	for i := range paras {
		f := &fs[i]
		if !f.decided && !f.heading && !f.captionish && (paras[i].bullet || f.bodyLike || f.term && f.words >= 6 || f.sentences >= 2) {
			firstBody = i
			break
		}
	}
	// several heading-shaped lines before the story: those sharing almost
	// nothing with it are stray headlines of other articles, when another
	// one does share the story's words
	bestTop := 0.0
	for i := 0; i < firstBody; i++ {
		if !fs[i].decided && fs[i].heading {
			if o := overlap(fs[i].stems, vocab, nil); o > bestTop {
				bestTop = o
			}
		}
	}
	seenHeadline := false
	for i := 0; i < firstBody; i++ {
		p, f := paras[i], &fs[i]
		if f.decided || p.kind == data.KindBullet {
			continue
		}
		t := p.text(text)
		switch {
		case f.heading && f.words <= 4 && i < 8 && isMasthead(f.loose, i, fs, paras):
			p.kind = data.KindByline
		case !seenHeadline && f.heading && f.words <= 4 && (allCaps(t) && overlap(f.stems, vocab, nil) < 0.6 || outletName(f.loose)) && headingFollows(i, firstBody, fs):
			// an outlet's name above the headline
			p.kind = data.KindByline
		case f.captionish:
			p.kind = data.KindCaption
		case f.heading && bestTop >= 0.5 && len(f.stems) >= 1 && overlap(f.stems, vocab, nil) < 0.2:
			p.kind = data.KindBoilerplate
		case seenHeadline && p.gap > 0 && (f.heading || f.words <= 25 && titleCase(t) && !f.period):
			// a heading in a block of its own after the headline
			p.kind = data.KindSubheading
		case f.heading || f.words <= 25 && titleCase(t) && !f.period:
			p.kind = data.KindHeadline
			seenHeadline = true
		default:
			p.kind = data.KindBody
		}
		f.decided = true
	}

	// 5. after: subheadings and body
	for i := firstBody; i < n; i++ {
		p, f := paras[i], &fs[i]
		if f.decided || p.kind == data.KindBullet {
			continue
		}
		if f.heading {
			p.kind = data.KindSubheading
		} else {
			p.kind = data.KindBody
		}
	}

	// 6. stray headlines at the end: heading-shaped lines after the last
	// prose paragraph that share little vocabulary with the story, or that
	// are title-cased in a punctuated text (a story does not end on a
	// heading). Only when some prose precedes them.
	var trail []int
	for i := n - 1; i >= 0; i-- {
		p, f := paras[i], &fs[i]
		if !p.kind.IsStory() {
			continue
		}
		if p.kind == data.KindSubheading || p.kind == data.KindHeadline || (p.kind == data.KindBody && f.heading) {
			if overlap(f.stems, vocab, f) < 0.5 || doc.punct && f.words >= 3 && titleCase(p.text(text)) {
				trail = append(trail, i)
				continue
			}
		}
		if p.kind == data.KindBody || p.kind == data.KindBullet {
			for _, k := range trail {
				paras[k].kind = data.KindBoilerplate
			}
		}
		break
	}

	// 7. runs of two or more heading-shaped lines between sections that
	// share little vocabulary with the story (dates, bylines and other
	// non-story lines inside the run do not break it)
	for i := firstBody; i < n; {
		j := i
		heads, low := 0, 0
		for j < n {
			if paras[j].kind == data.KindSubheading && overlap(fs[j].stems, vocab, &fs[j]) < 0.5 {
				heads++
				if overlap(fs[j].stems, vocab, &fs[j]) < 0.34 {
					low++
				}
			} else if paras[j].kind.IsStory() || heads == 0 {
				break
			}
			j++
		}
		if heads >= 3 || heads == 2 && low == 2 {
			for k := i; k < j; k++ {
				if paras[k].kind == data.KindSubheading {
					paras[k].kind = data.KindBoilerplate
				}
			}
		}
		if j == i {
			j++
		}
		i = j
	}

	// 8. a lone heading in sentence case among title-cased subheadings,
	// sharing almost nothing with the story, is a stray headline
	titled, sentenceCase := 0, 0
	for i := firstBody; i < n; i++ {
		if paras[i].kind == data.KindSubheading {
			if titleCase(paras[i].text(text)) {
				titled++
			} else {
				sentenceCase++
			}
		}
	}
	if titled >= 2 && sentenceCase <= 1 {
		for i := firstBody; i < n; i++ {
			t := paras[i].text(text)
			leadIn := strings.HasSuffix(t, ":") || strings.HasSuffix(t, "?") || i+1 < n && paras[i+1].bullet
			if paras[i].kind == data.KindSubheading && !leadIn && !titleCase(t) && fs[i].words >= 3 && overlap(fs[i].stems, vocab, &fs[i]) < 0.2 {
				paras[i].kind = data.KindBoilerplate
			}
		}
	}
}

// mostlyFurniture confirms a cue found in a longer paragraph of several
// sentences: the sentences holding cues must make up a third of its words,
// so that one stray widget line glued to story prose does not take the
// prose with it.
func mostlyFurniture(text string, p *para, f *feat) bool {
	if f.sentences < 2 || f.words <= 20 {
		return true
	}
	cue := 0
	for _, s := range p.sentences(text) {
		st := text[s.start:s.end]
		w := wordCount(st)
		l := loosen(st)
		if isBoilerCue(l, w) || isBoilerCue(stripLead(l), w) {
			cue += w
		}
	}
	return cue*3 >= f.words
}

// outletNouns end the names of news outlets ("The Daily Courier", "K24
// News", "Northgate Online").
var outletNouns = setOf("times", "herald", "echo", "news", "post", "daily", "gazette", "star", "journal",
	"tribune", "chronicle", "courier", "telegraph", "guardian", "observer", "express", "mirror", "mail",
	"independent", "standard", "record", "review", "press", "wire", "today", "online", "live", "agency",
	"monitor", "bulletin", "dispatch", "examiner", "inquirer", "ledger", "register", "sentinel", "weekly",
	"digest", "insider", "magazine", "tv", "radio", "network", "networks", "media", "newsroom", "reporter",
	"world", "globe", "sun", "leader", "citizen", "argus", "advertiser", "gazzetta", "zeitung", "tribuna",
	"diario", "noticias", "nación", "nacion", "país", "pais", "monde", "figaro", "correo", "herald-tribune")

// outletName reports a short name ending in a word news outlets use.
func outletName(loose string) bool {
	ws := strings.Fields(headingText(loose))
	return len(ws) >= 1 && len(ws) <= 4 && outletNouns[ws[len(ws)-1]]
}

// allCaps reports a text with letters, all of them capitals.
func allCaps(t string) bool {
	letters := false
	for _, r := range t {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			letters = true
		}
	}
	return letters
}

// headingFollows reports another undecided heading-shaped paragraph after i
// and before the story starts.
func headingFollows(i, firstBody int, fs []feat) bool {
	for k := i + 1; k < firstBody; k++ {
		if !fs[k].decided && fs[k].heading {
			return true
		}
	}
	return false
}

// isMasthead reports a short line naming the outlet: its words recur in a
// byline or in page furniture elsewhere ("Jane Doe | The Daily", "Follow
// The Daily on X").
func isMasthead(loose string, self int, fs []feat, paras []*para) bool {
	key := strings.TrimPrefix(headingText(loose), "the ")
	if utf8.RuneCountInString(key) < 4 {
		return false
	}
	for i, p := range paras {
		if i == self || !fs[i].decided || p.kind.IsStory() {
			continue
		}
		if strings.Contains(fs[i].loose, key) {
			return true
		}
	}
	return false
}

// stripLead removes the marks a line may start with ("(", "[", "- ", "* ")
// so that cues anchored at the start still match.
func stripLead(l string) string {
	return strings.TrimLeftFunc(l, func(r rune) bool {
		return r == '(' || r == '[' || r == '{' || r == '-' || r == '*' || r == '•' || r == '·' || r == '|' || r == '>' || r == '#' || r == '_' || isSpaceRune(r)
	})
}

// quoted reports a text holding a quotation mark.
func quoted(t string) bool {
	return strings.ContainsAny(t, "\"“”«»„")
}

// features computes a paragraph's features.
// docInfo holds what the shape tests need to know about the whole text.
type docInfo struct {
	cased bool // some paragraph starts with a capital letter
	punct bool // some paragraph ends with sentence punctuation
}

func features(text string, p *para, doc docInfo) feat {
	t := p.text(text)
	f := feat{loose: loosen(t), runes: utf8.RuneCountInString(t)}
	f.words = wordCount(t)
	f.term = endsTerminal(t)
	f.ellipsis = endsEllipsis(t)
	f.period = endsPeriod(t)
	f.sentences = len(p.sentences(text))
	maxWords := 20
	if !doc.punct {
		maxWords = 12 // without punctuation only shape tells headings apart
	}
	f.heading = len(p.lines) == 1 && f.words <= maxWords && f.runes <= 160 && !f.period && !f.ellipsis && f.sentences == 1 &&
		(!startsLower(t) || !doc.cased) && !p.bullet &&
		!strings.HasSuffix(t, ",") && !strings.HasSuffix(t, ";") && (!strings.HasSuffix(t, ":") || titleCase(t) || f.words <= 6) || p.mdHeading
	f.bodyLike = f.words >= 15 && (f.term || !doc.punct) || f.sentences >= 2 && f.words >= 10
	f.captionish = f.sentences == 1 && f.words <= 35 && !f.heading && isCaptionish(t) && !quoted(t)
	f.stems = contentStems(f.loose)
	return f
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// endsEllipsis reports a text cut off with "..." or "…".
func endsEllipsis(s string) bool {
	s = strings.TrimRightFunc(s, isCloser)
	return strings.HasSuffix(s, "...") || strings.HasSuffix(s, "…")
}

// endsPeriod reports a final period that ends a sentence rather than an
// abbreviation ("… with the U.S." is not).
func endsPeriod(s string) bool {
	s = strings.TrimRightFunc(s, isCloser)
	if !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, "。") && !strings.HasSuffix(s, "۔") {
		return false
	}
	if strings.HasSuffix(s, "..") {
		return false
	}
	if strings.HasSuffix(s, ".") {
		w := wordBefore(s, len(s)-1)
		if isDottedAcronym(w) || prefixAbbr[strings.ToLower(w)] || softAbbr[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// smallWords stay lower case in title case.
var smallWords = setOf("a", "an", "the", "and", "or", "but", "nor", "of", "in", "on", "at", "to", "for", "with",
	"by", "from", "as", "vs", "over", "amid", "after", "into", "under", "up", "down", "out", "off", "per", "via",
	"than", "is", "are", "be", "its", "his", "her", "their", "de", "la", "le", "el", "del", "von", "van", "und", "et")

// titleCase reports whether most words that are not small words start with
// a capital letter.
func titleCase(s string) bool {
	words := strings.FieldsFunc(s, func(r rune) bool { return isSpaceRune(r) || r == '-' || r == '/' || r == '–' || r == '—' })
	caps, total := 0, 0
	for _, w := range words {
		w = strings.TrimLeftFunc(w, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
		if w == "" || smallWords[strings.ToLower(w)] {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			continue
		}
		total++
		if unicode.IsUpper(r) || isUncased(r) {
			caps++
		}
	}
	return total > 0 && caps*10 >= total*7
}

// stopwords are left out of vocabulary comparisons.
var stopwords = setOf("the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "had", "her", "was", "one",
	"our", "out", "has", "have", "been", "his", "how", "its", "may", "new", "now", "old", "see", "two", "who", "did",
	"she", "use", "with", "that", "this", "they", "from", "will", "would", "there", "their", "what", "when", "which",
	"were", "after", "about", "into", "over", "than", "then", "them", "these", "those", "more", "most", "some", "such",
	"only", "also", "just", "said", "says", "could", "should", "other", "being", "while", "where", "because", "against",
	"between", "under", "amid", "again", "very", "your", "each", "both", "does", "many", "much", "here", "why", "him",
	"per", "yet", "via", "off", "own", "same", "too", "upon", "ago", "year", "years", "first", "last", "time")

// contentStems returns the distinct stems (first six letters) of the
// content words of a loosened text, sorted (callers treat them as a set).
func contentStems(loose string) []string {
	out := make([]string, 0, len(loose)/8+1)
	for i := 0; i < len(loose); {
		r, n := utf8.DecodeRuneInString(loose[i:])
		if !isStemRune(r) {
			i += n
			continue
		}
		j := i + n
		for j < len(loose) {
			r, n = utf8.DecodeRuneInString(loose[j:])
			if !isStemRune(r) {
				break
			}
			j += n
		}
		w := loose[i:j]
		i = j
		if hasIdeograph(w) {
			// scripts without spaces: pairs of ideographs stand for words
			rs := []rune(w)
			for k := 0; k+1 < len(rs); k++ {
				if isIdeograph(rs[k]) && isIdeograph(rs[k+1]) {
					out = append(out, string(rs[k:k+2]))
				}
			}
			continue
		}
		w = strings.TrimSuffix(strings.Trim(w, "'"), "'s")
		if utf8.RuneCountInString(w) < 3 || stopwords[w] {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsDigit(r) {
			continue
		}
		out = append(out, stem(w))
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// isStemRune: letters, digits and apostrophes make up words.
func isStemRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9' || r == '\''
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r)
}

// hasIdeograph reports a Han, Hiragana or Katakana character in w; their
// UTF-8 encodings all start with a byte of 0xE2 or more.
func hasIdeograph(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] >= 0xE2 {
			return strings.IndexFunc(w[i:], isIdeograph) >= 0
		}
	}
	return false
}

func stem(w string) string {
	n := 0
	for i := range w {
		if n == 6 {
			return w[:i]
		}
		n++
	}
	return w
}

// vocab counts, for each stem, the prose paragraphs that use it.
type vocab map[string]int

// storyVocab gathers the stems of prose paragraphs not set aside.
func storyVocab(fs []feat, paras []*para) vocab {
	v := vocab{}
	for i := range fs {
		if !fs[i].bodyLike || fs[i].decided && !paras[i].kind.IsStory() {
			continue
		}
		for _, s := range fs[i].stems {
			v[s]++
		}
	}
	return v
}

// overlap is the share of stems found in v, not counting the paragraph
// self's own contribution when it is in v.
func overlap(stems []string, v vocab, self *feat) float64 {
	if len(stems) == 0 {
		return 0
	}
	own := self != nil && self.bodyLike
	hit := 0
	for _, s := range stems {
		c := v[s]
		if own {
			c--
		}
		if c > 0 {
			hit++
		}
	}
	return float64(hit) / float64(len(stems))
}
