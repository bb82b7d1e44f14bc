package facts

import (
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/data"
)

// This file attributes quotations to speakers and joins interrupted and
// continued quotations. See quotes.go for the overview.

// qWord is a word or punctuation token of a paragraph, with U.S.-style
// abbreviations joined into one word.
type qWord struct {
	start, end int
	text       string // as written
	low        string // lower case, ’ as '
	punct      bool
	masked     bool // inside a quotation
	upper      bool // a word whose first letter is upper case (qCapitalised)
}

// qVerbUse is one speech verb outside quotation marks and whom it names.
type qVerbUse struct {
	w        int // index into the paragraph's words
	pos, end int
	speaker  string
	named    bool // the speaker is a name (not a description or unknown)
	single   bool // the speaker is one person ("he" may point back to it)
	finite   bool // "said", not "saying"
	region   qSpan
	quoteEnd bool // "according to": the speaker follows
}

// qAttrQuote is a quotation of one source with its speaker.
type qAttrQuote struct {
	qRawQuote
	speaker string
	named   bool // the speaker is a person's or body's name, not a description ("officials")
	verb    int  // index into the source's verb uses; -1 when none
	partial bool
	roles   []string // the speaker's roles (qRoleWords), from its description or the source's mentions of the name
}

var qSpeechVerbs = qSet("said says say told tells tell wrote writes write added adds declared declares stated states " +
	"claimed claims announced announces asked asks argued argues insisted insists noted notes explained explains " +
	"warned warns emphasized emphasizes emphasised emphasises stressed stresses replied replies responded responds " +
	"remarked remarks posted posts tweeted tweets commented comments concluded concludes acknowledged acknowledges " +
	"admitted admits urged urges vowed vows promised promises affirmed affirms asserted asserts maintained maintains " +
	"recalled recalls observed observes suggested suggests countered counters complained complains demanded demands " +
	"described describes termed terms called calls predicted predicts cautioned cautions lamented laments " +
	"conceded concedes shouted shouts pledged pledges reiterated reiterates confirmed confirms denied denies " +
	"alleged alleges accused accuses proclaimed proclaims testified testifies insisted wrote continued continues " +
	"exclaimed boasted boasts quipped joked jokes threatened threatens " +
	// a few of other languages' reporting verbs
	"dijo afirmó declaró aseguró señaló explicó indicó sostuvo agregó añadió " +
	"déclaré dit affirmé ajouté expliqué estimé souligné sagte erklärte betonte fügte")

var qParticiples = qSet("saying stating adding calling citing describing warning claiming insisting noting arguing " +
	"declaring writing telling accusing vowing branding dubbing labelling labeling terming announcing urging " +
	"explaining stressing emphasizing emphasising asking promising charging decrying denouncing posting tweeting " +
	"demanding threatening blaming")

var qSkipBeforeVerb = qSet("has have had a ha hat was is were are will would also later then again previously repeatedly " +
	"reportedly earlier once further recently publicly separately already did does do has've just subsequently " +
	"allegedly angrily firmly flatly")

var qBeForms = qSet("was were is are been be being")

var qPronouns = qSet("he she") // "they", "we" and "I" rarely point back to the last named speaker

var qDeterminers = qSet("the a an his her its their our one another some several many two three")

var qRoleNouns = qSet("leader president minister secretary chief official spokesman spokeswoman spokesperson " +
	"senator governor mayor premier chancellor head commander general diplomat ambassador director envoy king " +
	"queen pope prime lawmaker congressman congresswoman chairman chairwoman ceo founder prosecutor judge")

var qGroupNouns = qSet("officials police authorities witnesses analysts residents experts sources critics " +
	"officers investigators protesters prosecutors lawmakers diplomats activists bosses managers workers staff " +
	"employees owners neighbours neighbors families doctors scientists researchers organisers organizers " +
	"rescuers firefighters survivors victims relatives parents teachers students")

var qTitleWords = qSet("president vice prime minister secretary treasury defense defence state foreign interior " +
	"finance home chief general attorney senator sen rep representative gov governor mayor judge justice " +
	"chancellor ambassador spokesman spokeswoman spokesperson director commissioner chairman chairwoman chair " +
	"ceo mr mrs ms dr prof professor king queen prince princess pope sheikh lt col colonel gen admiral adm captain " +
	"capt sgt sergeant officer commander leader deputy acting former lawmaker congressman congresswoman rev " +
	"father sister health economy justice trade commerce labor labour energy ministry " +
	"secretary-general senior special envoy high commissioner speaker adviser advisor " +
	"majority minority whip miss sir lady dame passenger pensioner resident witness survivor farmer fisherman student teacher " +
	"nurse doctor driver pilot worker harbour harbor master engineer lawyer analyst economist expert " +
	"researcher scientist activist campaigner")

var qRunStop = qSet("the a an in on at but and however later meanwhile then also this that when after before as " +
	"while if yet so speaking asked earlier yesterday today monday tuesday wednesday thursday friday saturday " +
	"sunday it there here")

var qParticles = qSet("de da del della van von der bin al la le di dos du")

func qSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// qParaWords lists the words and punctuation of src.Text[start:end],
// marking those inside the given quotations. The words are appended to
// ws[:0] and the tokens (offsets in src.Text) to toks[:0], both scratch.
func qParaWords(src *data.Source, start, end int, quotes []qSpan, ws []qWord, toks []data.Token) ([]qWord, []data.Token) {
	text := src.Text
	_ = text[start:end] // a malformed paragraph fails as before
	toks = src.AppendTokens(toks[:0], start, end, start)
	ws = ws[:0]
	qi := 0
	for k := 0; k < len(toks); k++ {
		t := toks[k]
		if t.Kind == data.Space {
			continue
		}
		s, e := t.Start, t.End
		// U.S., U.K., U.N.: single capitals each followed by a period
		if t.Kind == data.Word && e-s == 1 && qIsUpperByte(text[s]) && k+1 < len(toks) && toks[k+1].Norm == "." {
			j := k
			for j+1 < len(toks) && toks[j].Kind == data.Word && toks[j].End-toks[j].Start == 1 &&
				qIsUpperByte(text[toks[j].Start]) && toks[j+1].Norm == "." {
				j += 2
			}
			if j-k >= 4 { // at least two letters
				e = toks[j-1].End
				k = j - 1
			}
		}
		for qi < len(quotes) && quotes[qi].end <= s {
			qi++
		}
		w := qWord{start: s, end: e, text: text[s:e], punct: t.Kind == data.Punct}
		if t.Kind == data.Word && e == t.End && !strings.Contains(w.text, "‐") {
			w.low = t.Norm // the tokenizer's lower case, ’ as ' (‐ aside)
		} else {
			w.low = strings.ReplaceAll(strings.ToLower(w.text), "’", "'")
		}
		w.masked = qi < len(quotes) && quotes[qi].start <= s && s < quotes[qi].end
		if !w.punct {
			r, _ := utf8.DecodeRuneInString(w.text)
			w.upper = unicode.IsUpper(r)
		}
		ws = append(ws, w)
	}
	return ws, toks
}

func qIsUpperByte(b byte) bool { return b >= 'A' && b <= 'Z' }

func qCapitalised(w qWord) bool { return w.upper }

// qLowerIn reports whether strings.ToLower(w) is in set, without making the
// lower-case string when w is short ASCII.
func qLowerIn(set map[string]bool, w string) bool {
	var buf [32]byte
	if len(w) > len(buf) {
		return set[strings.ToLower(w)]
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return set[strings.ToLower(w)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return set[string(buf[:len(w)])]
}

// qFieldCount is len(strings.Fields(s)).
func qFieldCount(s string) int {
	n, _ := qFields(s)
	return n
}

// qFields returns how many fields strings.Fields(s) would give, and the last.
func qFields(s string) (n int, last string) {
	end := -1 // end of the field being read, scanning backwards; -1 outside one
	for i := len(s); i > 0; {
		r, w := utf8.DecodeLastRuneInString(s[:i])
		if unicode.IsSpace(r) {
			if end >= 0 {
				if n == 0 {
					last = s[i:end]
				}
				n++
				end = -1
			}
		} else if end < 0 {
			end = i
		}
		i -= w
	}
	if end >= 0 {
		if n == 0 {
			last = s[:end]
		}
		n++
	}
	return n, last
}

// qAcronym: "US", "U.S.", "CNN".
func qAcronym(s string) bool {
	s = strings.ReplaceAll(s, ".", "")
	if len(s) < 2 || len(s) > 4 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if !qIsUpperByte(s[i]) {
			return false
		}
	}
	return true
}

// qRegions returns the sentence-like regions of a paragraph's words: a
// period, question or exclamation mark outside quotations that is followed by
// a capital letter or an opening mark ends a region, unless it closes an
// abbreviation ("U.S.", "Mr.").
func qRegions(ws []qWord, pstart, pend int) []qSpan {
	var out []qSpan
	at := pstart
	for k, w := range ws {
		if !w.punct || w.masked || k+1 >= len(ws) {
			continue
		}
		if w.low != "." && w.low != "?" && w.low != "!" {
			continue
		}
		if k > 0 && !ws[k-1].punct && (len(ws[k-1].text) == 1 || qAbbrev[ws[k-1].low]) {
			continue
		}
		nx := ws[k+1]
		r, _ := utf8.DecodeRuneInString(nx.text)
		if !unicode.IsUpper(r) && qOpenFamily(r) == 0 && !nx.masked {
			continue
		}
		out = append(out, qSpan{at, w.end})
		at = w.end
	}
	out = append(out, qSpan{at, pend})
	return out
}

var qAbbrev = qSet("mr mrs ms dr st jr sr gen col lt sgt capt gov sen rep inc corp co ltd no vs prof rev adm maj")

func qRegionOf(regs []qSpan, pos int) qSpan {
	k := sort.Search(len(regs), func(i int) bool { return pos < regs[i].end })
	if k < len(regs) {
		return regs[k]
	}
	if len(regs) > 0 {
		return regs[len(regs)-1]
	}
	return qSpan{}
}

// qWordAt is the index of the first word that starts at or after pos.
func qWordAt(ws []qWord, pos int) int {
	return sort.Search(len(ws), func(i int) bool { return ws[i].start >= pos })
}

// attribution state of one source, read in text order.
type qAttributor struct {
	src       *data.Source
	last      string              // the last speaker "he" or "she" can point to
	lastOK    bool                // last is a name
	known     map[string]bool     // last names of the people named so far
	titled    map[string]string   // title word -> the last person named with it ("president" -> "Gustavo Petro")
	recent    []string            // people named so far, the latest last
	gender    map[string]byte     // last name -> 'm' or 'f', from titles and the pronouns used for them
	person    map[string]bool     // last names known to be people (a full name, a title), not bodies
	roles     map[string][]string // last name -> the roles it is named with (canonical qRoleWords)
	body      string              // the last body that spoke ("Halvorsen", "the company"), for "it said"
	bodyNamed bool
	verbs     []qVerbUse
	toks      []data.Token // the tokens of the paragraph at hand
	ws        []qWord      // and its words
	runs      []qRun       // and the runs of capitals read so far, by first word
}

// qRun is a run of capitalised words read (qRunAfter, qWhoFromRun).
type qRun struct {
	h    qWho
	e    int
	read bool
}

// runAt returns what the run of capitals starting at ws[i] names and the
// end of the run: qWhoFromRun(ws[i:qRunAfter(ws, i)]), read once per
// paragraph (ws must be the paragraph at hand's words, a.ws).
func (a *qAttributor) runAt(ws []qWord, i int) (qWho, int) {
	if r := a.runs[i]; r.read {
		return r.h, r.e
	}
	e := qRunAfter(ws, i)
	h := qWhoFromRun(ws[i:e])
	a.runs[i] = qRun{h: h, e: e, read: true}
	return h, e
}

// note remembers a speaker for later pronouns and role descriptions.
func (a *qAttributor) note(speaker string, named, singular bool) {
	if speaker == "" || !singular {
		return
	}
	a.last, a.lastOK = speaker, named
	if named {
		a.known[qSpeakerKey(speaker)] = true
		for i, n := range a.recent {
			if n == speaker {
				a.recent = append(a.recent[:i], a.recent[i+1:]...)
				break
			}
		}
		a.recent = append(a.recent, speaker)
	}
}

// qNameFromRun turns a run of capitalised words into a name: titles and
// sentence openers in front are dropped, and at most three words are kept.
// It returns "" when nothing but titles is left.
//
// low holds the words in lower case, ’ as ' (qWord.low); the word lists
// looked up hold no apostrophe, so that is as good as strings.ToLower.
func qNameFromRun(run, low []string) string {
	for k := len(run) - 2; k >= 0; k-- {
		if qStripPossessive(run[k]) != run[k] {
			run, low = run[k+1:], low[k+1:]
			break
		}
	}
	i := 0
	for i < len(run) && qRunStop[low[i]] {
		i++
	}
	run, low = run[i:], low[i:]
	last := -1
	for k, w := range run {
		if qTitleWords[strings.TrimSuffix(low[k], ".")] || qAcronym(w) {
			last = k
		}
	}
	run, low = run[last+1:], low[last+1:]
	for len(run) > 0 && qParticles[low[len(run)-1]] {
		run = run[:len(run)-1]
	}
	if len(run) > 3 {
		run = run[len(run)-3:]
	}
	for k, w := range run {
		run[k] = qStripPossessive(w)
	}
	return strings.Join(run, " ")
}

func qStripPossessive(w string) string {
	for _, suf := range [...]string{"’s", "'s", "’", "'"} {
		if strings.HasSuffix(w, suf) && len(w) > len(suf) {
			return strings.TrimSuffix(w, suf)
		}
	}
	return w
}

// qWho is the result of reading a subject: a name, a description, an anaphor
// ("he", "the Colombian leader") or nothing.
type qWho struct {
	name    string
	desc    string
	anaphor bool
	found   bool
	person  bool     // a name that can be "he" or "she" later (set by regionSubject)
	role    string   // an anaphor by title: "the president" -> "president"
	pron    string   // an anaphor by pronoun: "he", "she"
	titles  []string // the title words in front of a name
}

// resolve returns the speaker h stands for, whether it is a name, and whether
// it is one person a later "he" or "she" may point back to. "the president"
// is the last person named with that title; "the leader" the last named
// speaker; an unknown title stays a description.
func (a *qAttributor) resolve(h qWho) (string, bool, bool) {
	switch {
	case h.name != "":
		if qLooksPerson(h) {
			a.person[qSpeakerKey(h.name)] = true
		}
		for _, t := range h.titles {
			a.titled[t] = h.name
			if g := qTitleGender[t]; g != 0 {
				a.gender[qSpeakerKey(h.name)] = g
			}
		}
		return h.name, true, true
	case h.anaphor && h.role != "":
		if n := a.titled[h.role]; n != "" {
			return n, true, true
		}
		if qGenericRoles[h.role] && a.lastOK {
			return a.last, true, true
		}
		if h.desc != "" {
			return h.desc, false, true
		}
		return "the " + h.role, false, true
	case h.anaphor && h.pron == "it":
		// "the company said …; “…,” it said": the body that spoke last
		return a.body, a.bodyNamed, false
	case h.anaphor:
		if !a.lastOK || h.pron == "" {
			return a.last, a.lastOK, a.last != ""
		}
		// the last person the pronoun fits: "he" skips a woman named since
		g := byte('m')
		if h.pron == "she" {
			g = 'f'
		}
		// people first ("Brentwater said …" is no "he"), then any name
		// that is not a body's ("Lind said" of a Vera Lind not read yet)
		for pass := 0; pass < 2; pass++ {
			for i := len(a.recent) - 1; i >= 0 && i >= len(a.recent)-6; i-- {
				n := a.recent[i]
				k := qSpeakerKey(n)
				if pass == 0 && !a.person[k] || pass == 1 && qOrgName(n) {
					continue
				}
				if have := a.gender[k]; have == 0 || have == g {
					a.gender[k] = g
					return n, true, true
				}
			}
		}
		if qOrgName(a.last) {
			return "", false, false // no person to point to
		}
		return a.last, a.lastOK, a.last != ""
	case h.desc != "":
		return h.desc, false, false
	}
	return "", false, false
}

// isBody: a speaker that is an organisation, not a person ("Halvorsen",
// "Tessel Rivers Authority", "the company").
func (a *qAttributor) isBody(speaker string, named bool) bool {
	nf, last := qFields(speaker)
	if nf == 0 {
		return false
	}
	if named {
		return qOrgName(speaker) || nf == 1 && !a.person[qSpeakerKey(speaker)]
	}
	return strings.Fields(speaker)[0] == "the" && qOrgWords[last]
}

// qOrgName: a name that ends like a body's ("Halvorsen Bank").
func qOrgName(n string) bool {
	nf, last := qFields(n)
	return nf == 0 || qLowerIn(qOrgWords, last)
}

// qLooksPerson: a name of two or more words that does not end like a body's
// ("Tessel Rivers Authority"), or a name with a title in front.
func qLooksPerson(h qWho) bool {
	if qOrgName(h.name) {
		return false
	}
	nf, _ := qFields(h.name)
	return nf >= 2 || len(h.titles) > 0 || h.person
}

var qTitleGender = map[string]byte{"mr": 'm', "sir": 'm', "king": 'm', "prince": 'm', "father": 'm',
	"mrs": 'f', "ms": 'f', "miss": 'f', "lady": 'f', "dame": 'f', "queen": 'f', "princess": 'f', "sister": 'f'}

// qGenericRoles refer to whoever was last named ("the Colombian leader").
var qGenericRoles = qSet("leader head")

// qRunTitles lists the title words of a run ("U.S. Treasury Secretary Scott
// Bessent" -> treasury, secretary).
// low holds the words in lower case (see qNameFromRun).
func qRunTitles(run, low []string) []string {
	var out []string
	for k, w := range run {
		if lw := strings.TrimSuffix(low[k], "."); qTitleWords[lw] && !qAcronym(w) {
			out = append(out, lw)
		}
	}
	return out
}

// qHasTitle is len(qRunTitles(words of run)) > 0.
func qHasTitle(run []qWord) bool {
	for _, w := range run {
		if !w.punct && qTitleWords[strings.TrimSuffix(w.low, ".")] && !qAcronym(w.text) {
			return true
		}
	}
	return false
}

// qSubjectBefore reads the subject that ends just before words[k].
func qSubjectBefore(ws []qWord, k int) qWho {
	j := k - 1
	for j >= 0 && !ws[j].masked && !ws[j].punct && (qSkipBeforeVerb[ws[j].low] || (strings.HasSuffix(ws[j].low, "ly") && len(ws[j].low) > 4)) {
		j--
	}
	if j < 0 || ws[j].masked {
		return qWho{}
	}
	w := ws[j]
	if w.punct {
		if w.low != "," {
			return qWho{}
		}
		// an appositive: "Bessent, the Treasury secretary, said"
		for i := j - 1; i >= 0 && i >= j-14; i-- {
			if ws[i].masked || (ws[i].punct && !strings.Contains(",.-'’()&", ws[i].low)) {
				return qWho{}
			}
			if ws[i].low == "," {
				// "The Prime Minister, Alan Grieve, said": the name between the commas
				inner := qWho{}
				if e := qRunAfter(ws, i+1); e == j && e > i+1 {
					inner = qWhoFromRun(ws[i+1 : e])
				}
				if inner.name != "" {
					return inner
				}
				if i > 0 && qCapitalised(ws[i-1]) && !ws[i-1].masked {
					return qRunBefore(ws, i)
				}
				return qWho{}
			}
		}
		return qWho{}
	}
	if qPronouns[w.low] || w.low == "it" {
		return qWho{anaphor: true, pron: w.low, found: true}
	}
	if qCapitalised(w) {
		h := qRunBefore(ws, j+1)
		if h.name != "" {
			// "a spokeswoman for Corvel Logistics said"
			i := j
			for i > 0 && !ws[i-1].masked && !ws[i-1].punct && qCapitalised(ws[i-1]) {
				i--
			}
			if i > 0 && !ws[i-1].masked && qDeterminers[ws[i-1].low] {
				i-- // "… at the Tessel Rivers Authority"
			}
			if d, ok := qRolePhrase(ws, i, j); ok {
				return d
			}
		}
		return h
	}
	// a description: "the Colombian leader", "his office", "officials"
	head := w.low
	i := j
	for i >= 0 && i > j-5 && !ws[i].masked && !ws[i].punct {
		lw := ws[i].low
		if qDeterminers[lw] {
			// "a spokeswoman for the bank said"
			if d, ok := qRolePhrase(ws, i, j); ok {
				return d
			}
			if qIndefinite[lw] {
				return qWho{desc: qJoinLow(ws[i : j+1]), found: true}
			}
			if head == "office" && i == j-1 && (lw == "his" || lw == "her") {
				// "his office termed …": the office speaks for him
				return qWho{anaphor: true, pron: map[string]string{"his": "he", "her": "she"}[lw], found: true}
			}
			if qRoleNouns[head] {
				return qWho{anaphor: true, role: head, desc: qJoinLow(ws[i : j+1]), found: true}
			}
			return qWho{desc: qJoinLow(ws[i : j+1]), found: true}
		}
		if i < j && qCapitalised(ws[i]) && (strings.HasSuffix(lw, "'s") || strings.HasSuffix(lw, "'")) {
			// "Petro’s office said": the office speaks for its principal
			h := qRunBefore(ws, i+1)
			return h
		}
		i--
	}
	if qGroupNouns[head] {
		return qWho{desc: head, found: true}
	}
	return qWho{}
}

func qJoinLow(ws []qWord) string {
	var b []string
	for _, w := range ws {
		b = append(b, w.low)
	}
	return strings.Join(b, " ")
}

// qRunBefore reads the run of capitalised words ending just before words[k].
func qRunBefore(ws []qWord, k int) qWho {
	i := k - 1
	for i >= 0 && !ws[i].masked && !ws[i].punct {
		if qCapitalised(ws[i]) {
			i--
			continue
		}
		if qParticles[ws[i].low] && i+1 < k {
			i--
			continue
		}
		break
	}
	i++
	for i < k && !qCapitalised(ws[i]) && !qParticles[ws[i].low] {
		i++
	}
	if i >= k {
		return qWho{}
	}
	return qWhoFromRun(ws[i:k])
}

// qWhoFromRun reads a run of capitalised words: a name, a plural at a
// sentence start ("Bosses said"), or titles alone ("the President").
func qWhoFromRun(ws []qWord) qWho {
	var buf, lbuf [8]string
	run, low := buf[:0], lbuf[:0]
	for _, w := range ws {
		if !w.punct {
			run = append(run, w.text)
			low = append(low, w.low)
		}
	}
	if len(run) == 1 && qGroupNouns[ws[0].low] {
		return qWho{desc: ws[0].low, found: true}
	}
	titles := qRunTitles(run, low)
	if n := qNameFromRun(run, low); n != "" {
		return qWho{name: n, titles: titles, found: true}
	}
	if len(titles) > 0 {
		// "the President said"
		return qWho{anaphor: true, role: titles[len(titles)-1], found: true}
	}
	return qWho{}
}

// qSubjectAfter reads the speaker that follows words[k]: "said Bessent",
// "according to the Colombian leader".
func qSubjectAfter(ws []qWord, k int) qWho {
	j := k + 1
	if j >= len(ws) || ws[j].masked || ws[j].punct {
		return qWho{}
	}
	w := ws[j]
	if qPronouns[w.low] {
		return qWho{anaphor: true, pron: w.low, found: true}
	}
	if qDeterminers[w.low] {
		e := j
		for e+1 < len(ws) && e < j+5 && !ws[e+1].masked && !ws[e+1].punct {
			e++
			if qRoleNouns[ws[e].low] || qRoleWords[ws[e].low] != "" {
				x := qComplementEnd(ws, e+1)
				// "said the head of the union, Ben Oduya"
				if x+1 < len(ws) && ws[x].low == "," && !ws[x+1].masked && qCapitalised(ws[x+1]) {
					if h := qWhoFromRun(ws[x+1 : qRunAfter(ws, x+1)]); h.name != "" {
						return h
					}
				}
				// "said a spokesman for the transport ministry"
				if x > e+1 {
					return qWho{desc: qJoinLow(ws[j:x]), found: true}
				}
				if qIndefinite[w.low] || !qRoleNouns[ws[e].low] {
					return qWho{desc: qJoinLow(ws[j : e+1]), found: true}
				}
				return qWho{anaphor: true, role: ws[e].low, desc: qJoinLow(ws[j : e+1]), found: true}
			}
		}
		return qWho{desc: qJoinLow(ws[j : e+1]), found: true}
	}
	if !qCapitalised(w) {
		if qGroupNouns[w.low] {
			return qWho{desc: w.low, found: true}
		}
		// "according to union leader Maria Kettle"
		for i := j + 1; i < len(ws) && i <= j+3 && !ws[i].masked && !ws[i].punct; i++ {
			if qCapitalised(ws[i]) {
				return qWhoFromRun(ws[i:qRunAfter(ws, i)])
			}
		}
		return qWho{}
	}
	e := qRunAfter(ws, j)
	// "said Mr. Kettle's deputy, Ben Oduya", "said Brentwater's head of
	// banks research, Lukas Offenbach"
	if last := ws[e-1].low; strings.HasSuffix(last, "'s") || strings.HasSuffix(last, "'") {
		for i := e; i < len(ws) && i <= e+6 && !ws[i].masked; i++ {
			if ws[i].low == "," {
				if i+1 < len(ws) && qCapitalised(ws[i+1]) && !ws[i+1].masked {
					return qWhoFromRun(ws[i+1 : qRunAfter(ws, i+1)])
				}
				break
			}
			if ws[i].punct {
				break
			}
		}
	}
	return qWhoFromRun(ws[j:e])
}

// qIndefinite articles introduce someone new: "a spokeswoman" is nobody
// named before.
var qIndefinite = qSet("a an one another some")

// qOfWords join a role to the body it serves: "a spokeswoman for the bank".
var qOfWords = qSet("for of at")

// qRolePhrase reads a role and the body it serves ending at words[j], whose
// complement starts at words[i]: "a spokeswoman for the bank", "the head of
// Corvel Logistics".
func qRolePhrase(ws []qWord, i, j int) (qWho, bool) {
	p := i - 1
	if p < 1 || ws[p].masked || !qOfWords[ws[p].low] {
		return qWho{}, false
	}
	if g := ws[p-1]; !g.masked && qGroupNouns[g.low] && (p < 2 || !qDeterminers[ws[p-2].low]) {
		// "Analysts at Brentwater Research said"
		return qWho{desc: qJoinLow(ws[p-1 : j+1]), found: true}, true
	}
	for k := p - 1; k >= 0 && k >= p-4; k-- {
		if ws[k].masked || ws[k].punct {
			break
		}
		if qDeterminers[ws[k].low] && k < p-1 {
			head := ws[p-1].low
			if !qRoleNouns[head] && qRoleWords[head] == "" {
				return qWho{}, false
			}
			return qWho{desc: qJoinLow(ws[k : j+1]), found: true}, true
		}
	}
	return qWho{}, false
}

// qComplementEnd returns the end of "for the transport ministry" starting at
// words[i] (i itself when there is none): a preposition, then up to four
// words before punctuation, a quotation or another preposition.
func qComplementEnd(ws []qWord, i int) int {
	if i >= len(ws) || ws[i].masked || !qOfWords[ws[i].low] {
		return i
	}
	e := i + 1
	for e < len(ws) && e <= i+5 && !ws[e].masked && (!ws[e].punct || ws[e].low == "'") && !qStopAfterBody[ws[e].low] {
		e++
	}
	if e == i+1 {
		return i
	}
	return e
}

var qStopAfterBody = qSet("in on at during after before when while who which that as and but said told says " +
	"to from with by yesterday today tonight")

// qRunAfter returns the end of the run of capitalised words starting at j,
// with particles ("de", "van") and the periods of abbreviations ("Mr.",
// "John F. Kennedy") inside it.
func qRunAfter(ws []qWord, j int) int {
	e := j
	for e < len(ws) && !ws[e].masked {
		w := ws[e]
		switch {
		case qCapitalised(w):
		case e+1 < len(ws) && qCapitalised(ws[e+1]) && qParticles[w.low]:
		case w.low == "." && e > j && (len(ws[e-1].text) == 1 || qAbbrev[ws[e-1].low]) &&
			e+1 < len(ws) && qCapitalised(ws[e+1]) && !ws[e+1].masked:
		default:
			return e
		}
		e++
	}
	return e
}

// regionSubject reads the subject a sentence opens with: "Vellmouth's
// harbour master Ana Lindqvist ordered …".
func (a *qAttributor) regionSubject(ws []qWord, reg qSpan) qWho {
	k := qWordAt(ws, reg.start)
	for k < len(ws) && ws[k].start < reg.end && (ws[k].masked || ws[k].punct) {
		k++
	}
	if k >= len(ws) || ws[k].start >= reg.end {
		return qWho{}
	}
	if qPronouns[ws[k].low] {
		return qWho{anaphor: true, pron: ws[k].low, found: true}
	}
	if ws[k].low == "the" {
		// "The mayor agreed.", "The veteran minister said …"
		for j := k + 1; j < len(ws) && j <= k+3 && !ws[j].masked && !ws[j].punct && !qCapitalised(ws[j]); j++ {
			if qRoleNouns[ws[j].low] {
				if n := j + 1; n < len(ws) && !ws[n].masked && !ws[n].punct && !qCapitalised(ws[n]) && !qOfWords[ws[n].low] {
					return qWho{anaphor: true, role: ws[j].low, desc: qJoinLow(ws[k : j+1]), found: true}
				}
				break
			}
		}
	}
	var first qWho
	if qCapitalised(ws[k]) && !qRunStop[ws[k].low] {
		h, e := a.runAt(ws, k)
		// the run must be followed by a lower-case word (its verb) or an
		// appositive ("Pensioner Agnes Tull, 71, who …")
		if e < len(ws) && !ws[e].masked && (!ws[e].punct && !qCapitalised(ws[e]) || ws[e].low == ",") {
			if h.name != "" {
				h.person = qPerson(ws[k:e], h.name)
				if h.person {
					return h
				}
				first = h
			}
		}
	}
	// a person among the first words: "The coast guard's Piotr Nalewski
	// praised", "Opposition leader Tom Hadley disagreed", "LONDON (Wire) -
	// Finance Minister Karen Blythe on Thursday defended"
	for i := k; i < len(ws) && i < k+12 && ws[i].start < reg.end; i++ {
		if ws[i].masked || !qCapitalised(ws[i]) || qRunStop[ws[i].low] {
			continue
		}
		h, e := a.runAt(ws, i)
		run := ws[i:e]
		if h.name != "" {
			titled := len(h.titles) > 0 || i > 0 && !ws[i-1].punct && (qTitleWords[ws[i-1].low] || qRoleNouns[ws[i-1].low])
			next := e < len(ws) && !ws[e].masked && !ws[e].punct && !qCapitalised(ws[e]) && !qStopWords[ws[e].low]
			// an introduction: "Among them is Harald Brenning", "…
			// Harald Brenning, a retired bus driver"
			nf, _ := qFields(h.name)
			full := nf >= 2
			intro := full && (i > 0 && !ws[i-1].masked && qBeForms[ws[i-1].low] ||
				e+1 < len(ws) && ws[e].low == "," && !ws[e+1].masked && qIntroWords[ws[e+1].low])
			if titled && qPerson(run, h.name) || full && (next || intro) && qPerson(run, h.name) {
				h.person = true
				return h
			}
		}
		i = e - 1
	}
	return first
}

// qIntroWords open an appositive that describes a person: "Harald
// Brenning, a retired bus driver", "Agnes Tull, who …".
var qIntroWords = qSet("a an the who whose his her their its one")

// qOrgWords end names that are not people.
var qOrgWords = qSet("states nations union house department ministry council court party army force forces guard " +
	"police bank group company inc corp logistics wire post news times daily agency office government " +
	"committee commission administration university hospital city county republic kingdom island islands " +
	"sea ocean river street square centre center guild association federation league club " +
	"authority research securities capital holdings partners fund trust inspectorate service services " +
	"press institute foundation ltd plc llc gmbh network media reuters")

// qPerson: a name of two or more words ("Agnes Tull") or one that followed a
// title ("President Petro"), and not an organisation or a place.
func qPerson(run []qWord, name string) bool {
	nf, last := qFields(name)
	if nf == 0 || qLowerIn(qOrgWords, last) {
		return false
	}
	return nf >= 2 || qHasTitle(run)
}

// noteMentions notes the people of a sentence other than its subject that a
// title ("Interior Minister Oskar Bremer", "director Tom Berg") or an
// introduction ("Tom Berg, a retired driver,") marks as people.
func (a *qAttributor) noteMentions(ws []qWord, reg qSpan, subj qWho) {
	k := qWordAt(ws, reg.start)
	for i := k; i < len(ws) && ws[i].start < reg.end; i++ {
		if ws[i].masked || !qCapitalised(ws[i]) {
			continue
		}
		h, e := a.runAt(ws, i)
		if i == k || qRunStop[ws[i].low] && e == i+1 {
			i = e - 1
			continue
		}
		if h.name == "" || h.name == subj.name || qFieldCount(h.name) < 2 || qOrgName(h.name) {
			i = e - 1
			continue
		}
		titled := len(h.titles) > 0 || !ws[i-1].masked && !ws[i-1].punct && (qTitleWords[ws[i-1].low] || qRoleNouns[ws[i-1].low] || qRoleWords[ws[i-1].low] != "")
		intro := e+1 < len(ws) && ws[e].low == "," && !ws[e+1].masked && qIntroWords[ws[e+1].low]
		if (titled || intro) && qPerson(ws[i:e], h.name) {
			a.note(a.resolve(h))
		}
		i = e - 1
	}
}

// qAdjacent reads a speaker next to a quotation when the verb is not a known
// speech verb: “…,” Haldane fumed. / Haldane fumed: “…”
func qAdjacent(ws []qWord, q qSpan) qWho {
	verbish := func(w qWord) bool {
		return !w.punct && !w.masked && !qCapitalised(w) && len(w.low) > 3 &&
			(strings.HasSuffix(w.low, "ed") || strings.HasSuffix(w.low, "s"))
	}
	k := qWordAt(ws, q.end)
	if k < len(ws) && ws[k].low == "," && !ws[k].masked {
		k++
	}
	if k < len(ws) && !ws[k].masked {
		switch {
		case qPronouns[ws[k].low] && k+1 < len(ws) && verbish(ws[k+1]):
			return qWho{anaphor: true, pron: ws[k].low, found: true}
		case qCapitalised(ws[k]):
			e := k
			for e < len(ws) && !ws[e].masked && qCapitalised(ws[e]) {
				e++
			}
			if e < len(ws) && verbish(ws[e]) && e-k <= 4 {
				return qWhoFromRun(ws[k:e])
			}
		case verbish(ws[k]) && strings.HasSuffix(ws[k].low, "ed"):
			return qSubjectAfter(ws, k)
		}
	}
	// before: Haldane fumed: “…”
	b := sort.Search(len(ws), func(i int) bool { return ws[i].end > q.start }) - 1
	if b >= 0 && (ws[b].low == ":" || ws[b].low == ",") && !ws[b].masked {
		b--
	}
	if b >= 0 && verbish(ws[b]) && strings.HasSuffix(ws[b].low, "ed") {
		return qSubjectBefore(ws, b)
	}
	return qWho{}
}

// paragraph attributes the quotations of paragraph pi (quotes: those that
// open in it, in order).
func (a *qAttributor) paragraph(pi int, quotes []qRawQuote, masks []qSpan) ([]qAttrQuote, []qSpan, int) {
	p := a.src.Paragraphs[pi]
	text := a.src.Text
	a.ws, a.toks = qParaWords(a.src, p.Start, p.End, masks, a.ws, a.toks)
	ws := a.ws
	a.runs = slices.Grow(a.runs[:0], len(ws))[:len(ws)]
	clear(a.runs)
	regs := qRegions(ws, p.Start, p.End)
	first := len(a.verbs)
	a.noteRoles(ws)
	// Speech verbs in reading order, so that "he" finds the name before it;
	// a person opening a sentence is a name "he" or "she" may refer to.
	ri := -1
	for k, w := range ws {
		for ri+1 < len(regs) && w.start >= regs[ri+1].start {
			ri++
			h := a.regionSubject(ws, regs[ri])
			var ref string // "He also met …": the subject, before the people it names
			var refNamed, refSingle bool
			if h.pron != "" && a.lastOK {
				ref, refNamed, refSingle = a.resolve(h)
			}
			// people with a title or an introduction elsewhere in the
			// sentence ("… blamed Interior Minister Oskar Bremer"), so that
			// a pronoun finds them when the subject is not a person; the
			// subject is noted after them and stays the first choice
			a.noteMentions(ws, regs[ri], h)
			if ref != "" {
				a.note(ref, refNamed, refSingle)
			} else if h.name != "" && (h.person || a.known[qSpeakerKey(h.name)]) {
				a.note(a.resolve(h))
			} else if h.role != "" {
				a.note(a.resolve(h)) // "The mayor agreed. “…,” he said."
			} else if h.name != "" && a.isBody(h.name, true) {
				a.body, a.bodyNamed = h.name, true // "Halvorsen Bank issued a statement."
			}
		}
		if w.masked || w.punct {
			continue
		}
		v := qVerbUse{w: k, pos: w.start, end: w.end, region: qRegionOf(regs, w.start)}
		switch {
		case w.low == "according" && k+1 < len(ws) && ws[k+1].low == "to":
			v.quoteEnd, v.finite = true, true
			v.end = ws[k+1].end
			h := qSubjectAfter(ws, k+1)
			v.speaker, v.named, v.single = a.resolve(h)
		case (w.low == "made" || w.low == "make" || w.low == "makes") && k+1 < len(ws) &&
			(ws[k+1].low == "clear" || ws[k+1].low == "it" && k+2 < len(ws) && ws[k+2].low == "clear"):
			v.finite = true
			v.speaker, v.named, v.single = a.resolve(qSubjectBefore(ws, k))
		case !qCapitalised(w) && qSpeechVerbs[w.low]: // "the United States" is no verb
			v.finite = true
			var h qWho
			if k+1 < len(ws) && ws[k+1].low == "by" && k > 0 && qBeForms[ws[k-1].low] {
				h = qSubjectAfter(ws, k+1) // "was described by Petro as …"
			} else {
				h = qSubjectBefore(ws, k)
				if !h.found {
					h = qSubjectAfter(ws, k)
				}
			}
			v.speaker, v.named, v.single = a.resolve(h)
		case qParticiples[w.low] && k > 1 && ws[k-1].low == "as" && qCapitalised(ws[k-2]) && !ws[k-2].masked:
			// "the paper quoted Petro as saying …"
			v.speaker, v.named, v.single = a.resolve(qRunBefore(ws, k-1))
		case qParticiples[w.low]:
			// the subject of its clause: the nearest finite speech verb of
			// the sentence, else the sentence's opening subject
			for i := len(a.verbs) - 1; i >= first && a.verbs[i].region == v.region; i-- {
				pv := a.verbs[i]
				if pv.finite && pv.speaker != "" {
					v.speaker, v.named = pv.speaker, pv.named
					break
				}
			}
			if v.speaker == "" {
				v.speaker, v.named, v.single = a.resolve(a.regionSubject(ws, v.region))
			}
		default:
			continue
		}
		a.note(v.speaker, v.named, v.single)
		if a.isBody(v.speaker, v.named) {
			a.body, a.bodyNamed = v.speaker, v.named
		}
		a.verbs = append(a.verbs, v)
	}
	// qParticiples before a finite verb of their sentence ("Announcing the
	// move, Petro said"): take that verb's speaker
	for i := first; i < len(a.verbs); i++ {
		if a.verbs[i].finite || a.verbs[i].speaker != "" {
			continue
		}
		for j := i + 1; j < len(a.verbs) && a.verbs[j].region == a.verbs[i].region; j++ {
			if a.verbs[j].finite && a.verbs[j].speaker != "" {
				a.verbs[i].speaker, a.verbs[i].named = a.verbs[j].speaker, a.verbs[j].named
				break
			}
		}
	}
	out := make([]qAttrQuote, 0, len(quotes))
	for _, q := range quotes {
		aq := qAttrQuote{qRawQuote: q, verb: -1}
		rs := qRegionOf(regs, q.outer.start)
		re := qRegionOf(regs, max(q.outer.start, min(q.outer.end, p.End)-1))
		best, bestD := -1, 1<<30
		from := first + sort.Search(len(a.verbs)-first, func(i int) bool { return a.verbs[first+i].pos >= rs.start })
		for i := from; i < len(a.verbs) && a.verbs[i].pos < re.end; i++ {
			v := a.verbs[i]
			if v.speaker == "" {
				continue
			}
			d := q.outer.start - v.end
			if v.pos >= q.outer.end {
				d = v.pos - q.outer.end
			}
			if d < 0 {
				d = 0
			}
			if !v.finite {
				d += 40 // a participle attributes only when nothing closer does
			}
			if d < bestD {
				best, bestD = i, d
			}
		}
		if best >= 0 {
			aq.speaker, aq.named, aq.verb = a.verbs[best].speaker, a.verbs[best].named, best
		} else if h := qAdjacent(ws, q.outer); h.found {
			var single bool
			aq.speaker, aq.named, single = a.resolve(h)
			a.note(aq.speaker, aq.named, single)
		} else if h := qColonIntro(ws, q.outer.start); h.found {
			var single bool
			aq.speaker, aq.named, single = a.resolve(h)
			a.note(aq.speaker, aq.named, single)
		}
		aq.partial = qIsPartial(text, q, p.Start)
		out = append(out, aq)
	}
	return out, regs, first
}

// qLateSpeaker finds the speaker of a quotation that ran over paragraphs
// after its end: “…\n“…,” she said.
func (a *qAttributor) lateSpeaker(q *qAttrQuote, regs []qSpan, first int) {
	re := qRegionOf(regs, q.outer.end)
	for i := first; i < len(a.verbs); i++ {
		v := a.verbs[i]
		if v.pos >= q.outer.end && v.pos < re.end && v.speaker != "" {
			q.speaker, q.named, q.verb = v.speaker, v.named, i
			return
		}
	}
}

// qColonIntro reads "Petro: “…”".
func qColonIntro(ws []qWord, qstart int) qWho {
	k := sort.Search(len(ws), func(i int) bool { return ws[i].end > qstart })
	// ws[k-1] must be the colon right before the quotation
	if k == 0 || ws[k-1].low != ":" || ws[k-1].masked {
		return qWho{}
	}
	return qSubjectBefore(ws, k-1)
}

// qIsPartial: words woven into a sentence ("must end “communications …”",
// "calling the strikes “unacceptable”") rather than a quotation that stands
// as its own sentence or clause.
func qIsPartial(text string, q qRawQuote, pstart int) bool {
	prev := qPrevNonSpace(text, q.outer.start, pstart)
	first, _ := utf8.DecodeRuneInString(text[q.parts[0].start:])
	standalone := prev == ' ' || strings.ContainsRune(":,.!?;—–-([", prev) || qOpenFamily(prev) != 0 || qIsMarkRune(prev)
	return !standalone || unicode.IsLower(first)
}

func qPrevNonSpace(text string, i, lo int) rune {
	for i > lo {
		r, w := utf8.DecodeLastRuneInString(text[lo:i])
		if !unicode.IsSpace(r) {
			return r
		}
		i -= w
	}
	return ' '
}

// qAttrKey keys a source's attributed quotations among what is derived
// from it alone.
type qAttrKey struct{}

// qAttributeKept is qAttribute made once per source and kept with its
// analysis (data.Source.Derived); the quotations are only read.
func qAttributeKept(src *data.Source) []qAttrQuote {
	return src.Derived(qAttrKey{}, func() any { return qAttribute(src) }).([]qAttrQuote)
}

// qAttribute finds and attributes every quotation of src and joins the parts
// of interrupted and continued quotations.
func qAttribute(src *data.Source) []qAttrQuote {
	raw := qScanQuotes(src)
	a := &qAttributor{src: src, known: map[string]bool{}, titled: map[string]string{}, gender: map[string]byte{},
		person: map[string]bool{}, roles: map[string][]string{}}
	var all []qAttrQuote
	var pending []int // quotations that run past their first paragraph, still without a speaker
	k := 0
	for pi, p := range src.Paragraphs {
		if !p.Kind.IsStory() {
			continue
		}
		j := k
		for j < len(raw) && raw[j].para == pi {
			j++
		}
		// mask every quotation over this paragraph, also those opened before it
		var masks []qSpan
		if k > 0 && raw[k-1].outer.end > p.Start {
			masks = append(masks, qSpan{p.Start, min(raw[k-1].outer.end, p.End)})
		}
		for _, q := range raw[k:j] {
			masks = append(masks, qSpan{q.outer.start, min(q.outer.end, p.End)})
		}
		got, regs, first := a.paragraph(pi, raw[k:j], masks)
		keep := pending[:0]
		for _, qi := range pending {
			if q := &all[qi]; q.outer.end <= p.End {
				if q.outer.end > p.Start {
					a.lateSpeaker(q, regs, first)
				}
			} else {
				keep = append(keep, qi)
			}
		}
		pending = keep
		for _, q := range got {
			if q.outer.end > p.End && q.speaker == "" {
				pending = append(pending, len(all))
			}
			all = append(all, q)
		}
		k = j
	}
	for i := range all {
		q := &all[i]
		if q.named {
			q.roles = a.roles[qSpeakerKey(q.speaker)]
		} else if q.speaker != "" {
			q.roles = qRolesIn(strings.Fields(q.speaker))
		}
	}
	return qJoinQuotes(src.Text, all, a.verbs)
}

// qJoinQuotes merges “…,” X said, “…” (interrupted) and “…,” X said. “…”
// (continued without an attribution of its own) into one quotation.
func qJoinQuotes(text string, qs []qAttrQuote, verbs []qVerbUse) []qAttrQuote {
	var out []qAttrQuote
	for _, q := range qs {
		if n := len(out); n > 0 {
			p := &out[n-1]
			if p.para == q.para && q.outer.start >= p.outer.end && qJoinable(text, *p, q, verbs) {
				p.parts = append(p.parts, q.parts...)
				p.outer.end = q.outer.end
				p.comma, p.term = q.comma, q.term
				continue
			}
		}
		out = append(out, q)
	}
	return out
}

func qJoinable(text string, p, q qAttrQuote, verbs []qVerbUse) bool {
	gap := text[p.outer.end:q.outer.start]
	g := strings.TrimSpace(gap)
	if len(g) > 220 || p.speaker == "" {
		return false
	}
	hasVerb := p.verb >= 0 && verbs[p.verb].pos >= p.outer.end && verbs[p.verb].pos < q.outer.start
	last, _ := utf8.DecodeLastRuneInString(g)
	// interrupted: “…noon,” the harbour master said, “but …”
	if (p.comma || strings.HasPrefix(g, ",")) && (last == ',' || last == ':') && hasVerb && len(g) <= 160 {
		return true
	}
	// continued: “…,” Petro said. “There was …”
	first, _ := utf8.DecodeRuneInString(text[q.parts[0].start:])
	if !unicode.IsUpper(first) {
		return false
	}
	if g == "" {
		if !p.term {
			return false
		}
	} else if last != '.' && last != '!' && last != '?' {
		return false
	} else if !hasVerb {
		return false
	}
	if strings.Count(g, ". ") > 3 {
		return false
	}
	if q.speaker != "" && qSpeakerKey(q.speaker) != qSpeakerKey(p.speaker) {
		return false // “…,” Haldane fumed: another speaker of its own
	}
	return q.verb < 0 || q.verb == p.verb
}

// qRoleWords are the roles a speaker is known by, each with its canonical
// form: a description names a different speaker than a name when their roles
// do not meet ("a spokeswoman for the bank" is not chief executive Tomas
// Erhardt). "deputy", "interior" and the like qualify a role and are left out.
var qRoleWords = func() map[string]string {
	m := map[string]string{}
	for _, g := range []string{
		"spokesperson spokesman spokeswoman spokespeople",
		"executive ceo", "chief", "director", "manager", "minister", "secretary", "governor", "mayor",
		"judge justice", "lawyer attorney solicitor barrister counsel", "analyst economist strategist",
		"commander", "chair chairman chairwoman chairperson", "president", "prosecutor", "officer",
		"head", "founder", "ambassador envoy", "senator", "premier", "chancellor", "king", "queen",
		// lay roles (resident, pensioner, witness …) are left out: one
		// person is often several of them
	} {
		f := strings.Fields(g)
		for _, w := range f {
			m[w] = f[0]
		}
	}
	return m
}()

// qRolesIn lists the canonical roles among words (lower case, each once).
func qRolesIn(words []string) []string {
	var out []string
	for _, w := range words {
		w = strings.TrimSuffix(strings.ToLower(w), ".")
		if r := qRoleWords[w]; r != "" && !slices.Contains(out, r) {
			out = append(out, r)
		}
	}
	return out
}

// noteRoles remembers the roles of the people named in a paragraph: title
// words in front of a name ("Fire Chief Dalia Fenwick"), lower-case ones
// just before it ("chief executive Tomas Erhardt") and an appositive after
// it ("Mara Quill, a spokeswoman for Corvel Logistics,").
func (a *qAttributor) noteRoles(ws []qWord) {
	for i := 0; i < len(ws); i++ {
		if ws[i].masked || !qCapitalised(ws[i]) {
			continue
		}
		h, e := a.runAt(ws, i)
		if h.name == "" || qOrgName(h.name) {
			i = e - 1
			continue
		}
		var words []string
		for _, w := range ws[i:e] {
			words = append(words, w.low)
		}
		// "chief executive Tomas Erhardt", not "the judge told Priya Solberg"
		for b := i - 1; b >= 0 && b >= i-3 && !ws[b].masked && !ws[b].punct && !qCapitalised(ws[b]) &&
			(qRoleWords[ws[b].low] != "" || qTitleWords[ws[b].low] || qRoleNouns[ws[b].low]); b-- {
			words = append(words, ws[b].low)
		}
		if e+1 < len(ws) && ws[e].low == "," && !ws[e+1].masked && qIntroWords[ws[e+1].low] {
			for x := e + 1; x < len(ws) && x <= e+6 && !ws[x].masked && !ws[x].punct; x++ {
				if qOfWords[ws[x].low] || ws[x].low == "who" {
					break
				}
				words = append(words, ws[x].low)
			}
		}
		if r := qRolesIn(words); len(r) > 0 {
			k := qSpeakerKey(h.name)
			for _, x := range r {
				if !slices.Contains(a.roles[k], x) {
					a.roles[k] = append(a.roles[k], x)
				}
			}
		}
		i = e - 1
	}
}

// qRoleConflict: two mentions of a quotation name different speakers by
// their roles, one of them a description with a role ("a spokeswoman for the
// bank") and the other a speaker known by other roles only ("chief executive
// Tomas Erhardt"). A description without a role ("officials", "the bank")
// never conflicts.
func qRoleConflict(aNamed bool, aRoles []string, bNamed bool, bRoles []string) bool {
	if aNamed && bNamed || len(aRoles) == 0 || len(bRoles) == 0 {
		return false
	}
	for _, r := range aRoles {
		if slices.Contains(bRoles, r) {
			return false
		}
	}
	return true
}
