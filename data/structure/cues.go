package structure

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"parallax/data/internal/lazyre"
)

// The cue lists below (all in lower case: they are matched against loosened
// text) are generic web-page vocabulary (what share bars,
// cookie banners, rating widgets and "related" boxes say on any site), never
// text taken from particular articles. They are matched against a loosened
// copy of a paragraph: lower case, curly quotes straightened, spaces
// collapsed.

var (
	// boilerCues mark a paragraph of up to 45 words as page furniture
	// wherever it stands: the phrases hardly occur in news prose.
	boilerCues = newCueSet([]string{
		// rating widgets
		`\bhow (useful|helpful|interesting) (was|is|did you find) (this|the) (post|article|story|page|content|information|answer)\b`,
		`\bwas this (article|post|page|story|information|answer|content) (useful|helpful)\b`,
		`\b(click|tap) (on )?(a|the) stars?\b`, `^rate (this|it)\b`, `\bto rate (this|the) (post|article|story|page)\b`, `^no votes (so far|yet)\b`,
		`\baverage rating\b`, `\bvote count\b`, `\b(votes?|ratings?):\s*\d`,
		`\bbe the first to (rate|comment|review|vote)\b`, `\b\d+(\.\d+)? ?(/|out of) ?(5|10) stars?\b`,
		`\bwe are sorry that this\b`, `\blet us improve this\b`, `\btell us how we can improve\b`,
		// share bars
		`^(share this|share this (article|story|post|page)|share on \w+|copy link|copy url|link copied)( |$)`,
		// cookies
		`\bcookies?\b.*\b(we use|this (site|website)|our (site|website)|browser|browsing|consent|accept all|policy|settings|preferences)\b`,
		`\b(we use|(this|our) (site|website) uses|accept all|consent to)\b.*\bcookies?\b`,
		// newsletters and subscriptions
		`\b(sign up|subscribe) (for|to) (our|the|my) \w*\s*(newsletter|emails?|updates|alerts|briefing)`,
		`\bnewsletter\b.*\b(sign up|subscribe|inbox|email address)\b`, `\bunsubscribe\b`,
		`\bstraight to your inbox\b`, `\bin your inbox\b`, `\bsubscribers? only\b`, `\bsubscribe (now|today|here)\b`,
		`\balready a (subscriber|member)\b`, `\blog ?in to (continue|read|comment)\b`, `\bcreate (a free|an) account\b`,
		`\benter your email\b`, `\byour email address\b`,
		// read more, continue reading
		`^(read more|continue reading|read the full|read full|full story|click here|read also|also read|see also|read next|read on|keep reading|watch now|listen now|watch|listen|related)\b\s*[:>»›|]`,
		`^(read more|continue reading|keep reading|read the full (story|article)|click here to read|show more|load more|see more|view more)\b`, `^(also|more) (on|from|in) [^:]{2,40}:\s`,
		// comments
		`^\d+ ?comments?$`, `^comments? ?[(\[]?\d*[)\]]?$`, `\bleave a (comment|reply)\b`, `\bjoin the (conversation|discussion)\b`,
		`^(show|view|hide|load|post|add|read) (all )?(\d+ )?comments\b`, `\bcomments are closed\b`, `\bpost a comment\b`, `\badd a comment\b`,
		// advertising
		`^(advertisement|advertising|advert|ad|ads|sponsored|sponsored content|promoted|promoted content|paid content|paid post|partner content|paid partnership)$`,
		`\bscroll (down )?to continue\b`, `\b(story|article) continues (below|after)\b`, `\bcontinue reading below\b`, `\bskip (ad|advertisement)\b`,
		// copyright
		`©`, `\(c\) ?(19|20)\d\d\b`, `\bcopyright (\(c\) )?(19|20)\d\d\b`, `\ball rights reserved\b`,
		`\bmay not be (published|reproduced|broadcast|rewritten|redistributed)\b`,
		// follow us
		`^follow (us|@|our)\b`, `\bfollow us on\b`, `\b(like|find|join) (us|our \w+) on (facebook|twitter|x|instagram|telegram|whatsapp|linkedin|youtube|tiktok|threads|bluesky)\b`,
		`\bdownload (our|the) app\b`, `\bget the app\b`, `\bturn on (push )?notifications\b`, `\b(whatsapp|telegram) channel\b`,
		`\bfollow .{0,30} on (google news|twitter|facebook|instagram|whatsapp|telegram)\b`,
		// tags and navigation
		`^(tags?|topics?|filed under|categories|category|keywords|labels)\s*[:|]`,
		`^(home|news|world|politics|business|sport|sports)\s*(>|›|»|/|\|)`,
		`^(previous|next) (article|post|story)\b`, `^(back to top|skip to (main )?content|jump to)\b`,
		`\breport an? (error|typo|correction)\b`, `\bsubmit a (tip|correction)\b`,
		// reader call-outs
		`\bcontact (our|the) (newsroom|news desk|newsdesk)\b`, `^have you been affected\b`, `^(do you have|got) a (story|news tip|tip)\b`,
		`\b(email|e-mail|message|whatsapp) us (at|on)\b`, `\bshare your (story|stories|experience|pictures|photos|videos)\b`,
		// players, galleries, embeds, scripts
		`^listen to (this|the) (article|story)\b`, `^gift (this )?article\b`, `^(this (article|story|post|report) )?(was |is )?originally (published|appeared) (on|in|at|by)\b`, `^(this (article|story|report) )?(was |is )?(first )?(published|republished) (with permission )?(by|from|courtesy of)\b`,
		`^our standards\b`, `\benable javascript\b`, `^loading\W*$`, `^(featured |watch |play )?video$`, `\bvideo player\b`,
		`^(list )?\d+ (of|/) \d+( items?)?$`, `^end of list$`, `\bpic\.twitter\.com/`, `^- .{0,60}\(@[a-z0-9_]+\)`,
		`^(image|photo|video)( \d+)? (of|/) \d+$`, `^(click|tap) to (enlarge|expand|play|watch)\b`,
		// more site furniture
		`^ad feedback$`, `^reuse this content\b`, `^supported by$`, `^share (full |this )?(article|story|post|page|via)\b`,
		`\b(version of this|this) (article|story) (appears|appeared) in print\b`, `^click here\b`, `^(read less|learn more|see full (web )?article)$`,
		`\bopens? (in )?(a )?new (tab|window)\b`, `^print (this )?(page|article|story)\b`, `^(font|text) size\b`,
		`^[_\-=*~•·]{3,}$`,
		`\bview this post on (instagram|facebook|x|tiktok)\b`, `^a post shared by\b`, `\btweet may have been deleted\b`,
		`\bthis (content|video|embed) is (not|no longer) available\b`, `\bwatch on youtube\b`, `^video duration\b`,
		`\bsave articles? to read later\b`, `\byour (own )?reading list\b`, `^list of \d+ items?$`, `^share\d*$`,
		`\bsupport (our|independent|quality) journalism\b`, `^follow [^.]{0,60}\b(coverage|updates) (at|on)\b`, `^(https?://|www\.)\S+$`, `^[^\s@]+@[^\s@]+\.[a-z]{2,}$`,
		// other languages: share, read also, related
		`^(compartir|partager|teilen|condividi|compartilhar|شارك|分享)$`,
	})

	// weakCues mark only very short paragraphs (up to 12 words): in a longer
	// sentence these words are news.
	weakCues = newCueSet([]string{
		`\bnewsletters?\b`, `^(subscribe|sign up|sign in|log in|register)\b`, `\b(subscribe|sign up) (now|today|here)\b`, `\b(subscribe|sign up) (for|to) (our|my|a free|free)\b`,
		`^(share|tweet|email|e-mail|print|save|more)$`,
	})

	// listHeadings open a list of links to other articles; the list's items
	// that follow are boilerplate too.
	listHeadings = lazyre.New(`^(` + strings.Join([]string{
		`related( \w+)?`, `related (articles|stories|news|posts|content|coverage|reading|links|topics|videos?|items|tags)`,
		`you (may|might|could|will) (also )?(like|enjoy|be interested in|want to read)( this| these)?`,
		`recommended( (for you|stories|articles|reading|videos|news|posts|content|for you today))?`, `more (from|on|in|about)( \S+){1,4}`,
		`more (stories|news|articles|headlines|videos|to read|like this|to explore|for you)`,
		`most (read|popular|viewed|shared|commented|recent)( \w+)?`, `popular( (posts|stories|articles|now|news|today|this week))?`,
		`trending( (now|stories|news|topics|articles|today))?`, `top (stories|news|headlines|picks)`,
		`latest( (news|stories|articles|headlines|posts|videos|updates))?`, `don'?t miss( this| these| out)?`,
		`further reading`, `what to read next`, `read next`, `up next`, `editors?'? ?(picks|choice)`, `in case you missed it`,
		`(from )?around the (web|network)`, `(sponsored|promoted|partner) (stories|content|links|posts)`, `keep reading`,
		`see (more|also)`, `(in )?other news`, `also in the news`, `must reads?`, `suggested( (articles|stories|reading|for you|posts|topics))?`,
		`similar (articles|stories|posts|news)`, `also read`, `read also`, `read more( (stories|news|articles|about \S+( \S+){0,3}))?`,
		`explore more( on these topics)?`, `(next|previous) (article|post|story)`, `also on \S+( \S+){0,2}`, `news ?feed`, `we recommend`,
		`related topics`, `topics`, `tags`, `more`,
		`(lee|lea|leia) (también|tambien|mais)`, `(también )?te puede interesar`, `noticias relacionadas`, `(à |a )?lire aussi`,
		`sur le m[eê]me sujet`, `lesen sie (auch|mehr)`, `mehr zum thema`, `auch interessant`, `leggi anche`, `potrebbe interessarti`,
		`اقرأ أيضا|اقرأ أيضاً|مواضيع ذات صلة|أخبار ذات صلة`, `相关新闻|相关阅读|推荐阅读|延伸阅读`,
	}, "|") + `)\s*:?$`)

	// credit and caption cues: a photo credit or a picture description
	creditCues = newCueSet([]string{
		`\b(photo|photograph|picture|image|video|footage|illustration|graphic|file photo)s?\s*(:|credit|courtesy)`, `^(photo|photograph|picture|image|video|footage|illustration|graphic)s? (by|source)\b`,
		`\(photo\b`, `\bcredits?:`, `\bcourtesy of\b`, `\bgetty images\b`,
		`\b(reuters|ap|afp|epa|efe|ansa|xinhua|anadolu|upi|dpa|tass|bloomberg)\s*/\s*\p{L}`, `/\s*(afp|reuters|ap|getty|epa)\b`,
		`\bfile photo\b`, `^file( photo)?\s*[-:]`, `\bap photo\b`, `\bvia getty\b`, `\bshutterstock\b`, `\bistock\b`, `\balamy\b`,
		`\bimage (source|caption)\b`, `\bmedia caption\b`, `\bphoto credit\b`, `\(pictured\)`,
		`^(pictured|above|top|left|right|below|main image|inset)\s*[:,]`, `\((left|right|center|centre|l|r|c)\)`,
	})

	// creditTail: a picture credit closing a caption, "Outlet/Photographer"
	// or "(Agency Photo/Name)"
	creditTail = lazyre.New(`(^|[\s(])(\p{Lu}[\p{L}.&-]*\s?){1,3}(Photo\s?)?/\s?\p{Lu}[\p{L}.'’-]*\s\p{Lu}[\p{L}.'’-]*(\s\p{Lu}[\p{L}.'’-]*)?\)?\.?$`)

	// bylineCues: who wrote it and when it was published
	bylineCues = newCueSet([]string{
		`^(written|reported|reporting|editing|edited|compiled|additional reporting|writing|produced|story) by\b`,
		`^(published|updated|posted|last updated|first published|last modified|modified|created)( on| at|:)?\s*(\d|(mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.? \d|\d+ (minutes?|hours?|days?) ago|today|yesterday)`, `^(posted|published) by\b`,
		`\b\d+\s*-?\s*min(ute)?s?\s+read\b`, `\bcontributed (to )?(this )?(report|reporting|story|article)\b`, `^[^.!?]{0,40}, (chief |senior |staff |political |foreign |special |contributing |investigative )*(reporter|correspondent|editor|writer|journalist|columnist|contributor)$`, `^\d+\s+(minutes?|hours?|days?|weeks?)\s+ago$`,
	})

	// captionDate: the full date that closes a wire picture caption
	captionDate = lazyre.New(`,? (january|february|march|april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\.? \d{1,2},? (19|20)\d\d\.?$`)

	// byRe: "By Jane Doe" (matched on the original text, for the capital)
	byRe = lazyre.New(`^(By|BY|by)\s+\p{Lu}`)

	monthRe  = lazyre.New(`\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|JANUARY|FEBRUARY|MARCH|APRIL|MAY|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER|JAN|FEB|MAR|APR|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC)\b\.?`)
	numDate  = lazyre.New(`\b\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}\b|\b\d{1,2}:\d{2}\b`)
	yearRe   = lazyre.New(`\b(1[89]|20)\d\d\b`)
	digitsRe = lazyre.New(`\d`)
)

// cueSet matches any of several patterns. Each pattern is tried only when
// the text holds the longest literal the pattern requires and, for a
// pattern opening with alternatives, one of their leading literals. All the
// literals of a set are looked for in one pass over the text (needles), so
// that a few hundred cues cost little more than one scan of a paragraph.
type cueSet struct {
	cues    []cue
	needles needles
}

type cue struct {
	re       *lazyre.Regexp
	trigger  int32    // needle every match contains, or -1
	alts     []int32  // needles of which every match holds one (unanchored), or nil
	prefixes []string // when anchored: every match starts with one of these
}

func newCueSet(patterns []string) *cueSet {
	cs := &cueSet{cues: make([]cue, len(patterns))}
	for i, p := range patterns {
		c := cue{re: lazyre.New(p), trigger: -1}
		if t := requiredLiteral(p); t != "" {
			c.trigger = cs.needles.add(t)
		}
		alts, anchored := leadingAlternatives(p)
		switch {
		case anchored:
			c.prefixes = alts
		case alts != nil:
			for _, a := range alts {
				c.alts = append(c.alts, cs.needles.add(a))
			}
		}
		cs.cues[i] = c
	}
	return cs
}

// MatchString reports whether any cue matches s.
func (cs *cueSet) MatchString(s string) bool {
	var buf [512]bool
	found := buf[:0]
	if n := len(cs.needles.list); n <= len(buf) {
		found = buf[:n]
	} else {
		found = make([]bool, n)
	}
	cs.needles.scan(s, found)
	for _, c := range cs.cues {
		if c.trigger >= 0 && !found[c.trigger] {
			continue
		}
		if c.alts != nil && !anyFound(found, c.alts) {
			continue
		}
		if c.prefixes != nil && !hasPrefix(s, c.prefixes) {
			continue
		}
		if c.re.MatchString(s) {
			return true
		}
	}
	return false
}

func anyFound(found []bool, ids []int32) bool {
	for _, id := range ids {
		if found[id] {
			return true
		}
	}
	return false
}

func hasPrefix(s string, ps []string) bool {
	for _, p := range ps {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}

// needles finds which of a list of literals occur in a text in one pass: a
// bit per pair of leading bytes says whether any literal starts so, and
// only there are the literals starting with that pair compared.
type needles struct {
	list   []string
	ids    map[string]int32
	pairs  [1 << 16 / 64]uint64 // bit b0<<8|b1 set: some literal starts with bytes b0 b1
	byPair map[uint16][]int32   // literals of two bytes or more, by their first two
	single [256][]int32         // literals of one byte
}

func (n *needles) add(s string) int32 {
	if id, ok := n.ids[s]; ok {
		return id
	}
	if n.ids == nil {
		n.ids, n.byPair = map[string]int32{}, map[uint16][]int32{}
	}
	id := int32(len(n.list))
	n.list = append(n.list, s)
	n.ids[s] = id
	if len(s) == 1 {
		n.single[s[0]] = append(n.single[s[0]], id)
		return id
	}
	k := uint16(s[0])<<8 | uint16(s[1])
	n.pairs[k>>6] |= 1 << (k & 63)
	n.byPair[k] = append(n.byPair[k], id)
	return id
}

// scan sets found[id] for every literal that occurs in s.
func (n *needles) scan(s string, found []bool) {
	for i := 0; i < len(s); i++ {
		for _, id := range n.single[s[i]] {
			found[id] = true
		}
		if i+1 == len(s) {
			break
		}
		k := uint16(s[i])<<8 | uint16(s[i+1])
		if n.pairs[k>>6]&(1<<(k&63)) == 0 {
			continue
		}
		for _, id := range n.byPair[k] {
			if !found[id] && strings.HasPrefix(s[i:], n.list[id]) {
				found[id] = true
			}
		}
	}
}

// leadingAlternatives returns, for a pattern starting with a group of
// alternatives ("^(a|b…)…" or "\\b(a|b…)…"), the plain letters each
// alternative starts with, and whether the pattern is anchored at the start;
// nil when some alternative starts with anything else.
func leadingAlternatives(p string) ([]string, bool) {
	anchored := strings.HasPrefix(p, "^")
	p = strings.TrimPrefix(strings.TrimPrefix(p, "^"), `\b`)
	if !strings.HasPrefix(p, "(") {
		return nil, false
	}
	var out []string
	depth, start := 1, 1
	for i := 1; i < len(p) && depth > 0; i++ {
		switch p[i] {
		case '\\':
			i++
		case '(', '[':
			depth++
		case ')', ']':
			depth--
			if depth == 0 {
				out = append(out, p[start:i])
			}
		case '|':
			if depth == 1 {
				out = append(out, p[start:i])
				start = i + 1
			}
		}
	}
	for k, alt := range out {
		n := 0
		for n < len(alt) && (alt[n] >= 'a' && alt[n] <= 'z' || alt[n] == ' ') {
			n++
		}
		// a quantifier after the last letter makes that letter optional
		if n < len(alt) && strings.ContainsRune("?*{", rune(alt[n])) {
			n--
		}
		lit := strings.TrimSpace(alt[:max(n, 0)])
		if lit == "" {
			return nil, false
		}
		out[k] = lit
	}
	return out, anchored
}

// requiredLiteral returns the longest run of plain characters at the top
// level of pattern p (outside groups and classes, not escaped, not
// quantified), which every match must contain; "" when there is none or p
// has a top-level alternation.
func requiredLiteral(p string) string {
	depth, best := 0, ""
	var run []rune
	flush := func() {
		if t := string(run); len(strings.TrimSpace(t)) > len(strings.TrimSpace(best)) {
			best = t
		}
		run = run[:0]
	}
	rs := []rune(p)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		switch {
		case r == '\\':
			flush()
			i++ // skip the escaped character
		case r == '[':
			// a class: skip to its closing bracket
			flush()
			j := i + 1
			if j < len(rs) && rs[j] == '^' {
				j++
			}
			if j < len(rs) && rs[j] == ']' {
				j++
			}
			for j < len(rs) && rs[j] != ']' {
				if rs[j] == '\\' {
					j++
				}
				j++
			}
			i = j
		case r == '{':
			// a counted repetition of what precedes: skip its bounds
			flush()
			for i < len(rs) && rs[i] != '}' {
				i++
			}
		case r == '(':
			flush()
			depth++
		case r == ')':
			flush()
			depth--
		case r == '|' && depth == 0:
			return ""
		case depth == 0 && (unicode.IsLetter(r) || unicode.IsDigit(r) || r == ' ' || r == '\'' || r == '-' || r == ':' || r == '©' || r == '/' || r == ','):
			if i+1 < len(rs) && strings.ContainsRune("?*+{", rs[i+1]) {
				flush()
				continue
			}
			run = append(run, r)
		default:
			flush()
		}
	}
	flush()
	return strings.TrimSpace(best)
}

// loosen returns s in lower case with curly quotes straightened and runs of
// space collapsed, for cue matching.
func loosen(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	sp := false
	for _, r := range s {
		switch r {
		case '“', '”', '„', '«', '»':
			r = '"'
		case '‘', '’', '‚', '′':
			r = '\''
		case '–', '—', '−':
			r = '-'
		}
		if isSpaceRune(r) {
			if !sp {
				b.WriteByte(' ')
			}
			sp = true
			continue
		}
		sp = false
		b.WriteRune(unicode.ToLower(r))
	}
	return strings.TrimSpace(b.String())
}

// headingText strips the punctuation a heading may carry at its ends.
func headingText(l string) string {
	return strings.TrimFunc(l, func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '\''
	})
}

// isListHeading reports a heading that opens a list of links to other articles.
func isListHeading(l string, words int) bool {
	if words > 7 {
		return false
	}
	return listHeadings.MatchString(headingText(l))
}

// isBoilerCue reports page furniture by its wording.
func isBoilerCue(l string, words int) bool {
	if words > 45 {
		return false
	}
	if boilerCues.MatchString(l) {
		return true
	}
	if words <= 4 && strings.IndexFunc(l, unicode.IsLetter) < 0 {
		return true // no letters at all: separators, counters, stray figures
	}
	if words <= 12 && weakCues.MatchString(l) {
		return true
	}
	return isShareBar(l)
}

// shareWords make up share bars ("Share Tweet Email", "Facebook X WhatsApp").
var shareWords = setOf("share", "shares", "tweet", "facebook", "twitter", "x", "whatsapp", "email", "e-mail",
	"mail", "copy", "link", "copied", "linkedin", "pinterest", "reddit", "print", "telegram", "messenger",
	"flipboard", "save", "pocket", "sms", "bluesky", "threads", "mastodon", "on", "via", "this", "article",
	"story", "post", "page", "url", "bookmark", "comment", "comments", "gift", "instagram", "youtube", "tiktok", "or", "and", "the")

var shareStrong = setOf("share", "tweet", "facebook", "whatsapp", "email", "e-mail", "linkedin", "pinterest", "reddit", "telegram", "messenger", "flipboard")

func isShareBar(l string) bool {
	ws := strings.FieldsFunc(l, func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
	if len(ws) == 0 || len(ws) > 14 {
		return false
	}
	strong := 0
	for _, w := range ws {
		if !shareWords[w] {
			return false
		}
		if shareStrong[w] {
			strong++
		}
	}
	return strong >= 1 && (strong >= 2 || len(ws) <= 3)
}

// isSourceLine reports "Name | Outlet" and "Name, Outlet" lines of at most
// three short capitalised segments separated by "|" or "·".
func isSourceLine(l string, words int) bool {
	if words > 10 || !strings.ContainsAny(l, "|·") {
		return false
	}
	segs := strings.FieldsFunc(l, func(r rune) bool { return r == '|' || r == '·' })
	if len(segs) < 2 || len(segs) > 3 {
		return false
	}
	for _, s := range segs {
		s = strings.TrimSpace(s)
		if s == "" || wordCount(s) > 5 || endsTerminal(s) {
			return false
		}
		if r, _ := utf8.DecodeRuneInString(s); !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

// captionVerbs are present-tense verbs of picture descriptions ("X speaks
// during …", "Supporters gather outside …"); captionPhrases are two-word
// ones; captionNot are words of news prose that picture descriptions lack.
var (
	captionVerbs = setOf("speaks", "gestures", "attends", "arrives", "waves", "listens", "delivers", "poses",
		"reacts", "stands", "walks", "addresses", "holds", "greets", "smiles", "talks", "sits", "leaves", "departs",
		"visits", "participates", "celebrates", "gathers", "marches", "protests", "watches", "prays", "mourns",
		"salutes", "embraces", "hugs", "points", "gather", "march", "protest", "mourn", "pray", "wait", "waits",
		"inspect", "inspects", "pose", "stand", "sit", "walk", "attend", "react", "participate")
	captionPhrases = setOf("looks on", "look on", "is seen", "are seen", "is pictured", "are pictured",
		"shakes hands", "shake hands", "takes part", "take part")
	captionNot = setOf("said", "says", "told", "was", "were", "had", "has", "have", "will", "would", "could",
		"should", "did", "but", "because", "according")
)

// isCaptionish reports one sentence that reads like a picture description:
// a present-tense verb of the kind and none of the words of news prose.
func isCaptionish(t string) bool {
	ws := strings.FieldsFunc(t, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' && r != '’' })
	found := false
	for i, w := range ws {
		if captionNot[strings.ToLower(w)] {
			return false
		}
		if captionVerbs[w] || i+1 < len(ws) && captionPhrases[w+" "+ws[i+1]] {
			found = true
		}
	}
	return found
}

// isDateLine reports a short line that is mostly a date or time
// ("November 12, 2025", "12.11.2025 14:05", "June 2025", "3 hours ago").
func isDateLine(orig, l string, words int) bool {
	if words > 8 || strings.IndexFunc(l, unicode.IsDigit) < 0 {
		return false
	}
	if numDate.MatchString(l) {
		return true
	}
	return monthRe.MatchString(orig) && (yearRe.MatchString(l) || digitsRe.MatchString(l)) && words <= 6
}

// isByLine reports "By Jane Doe" lines: short, no final punctuation, and
// not "By Tuesday, …" or "By 2030 …".
func isByLine(t string, words int) bool {
	if words > 8 || endsTerminal(t) || !byRe.MatchString(t) {
		return false
	}
	next := strings.Fields(t)
	if len(next) < 2 {
		return false
	}
	w := strings.Trim(next[1], ",.")
	return !monthRe.MatchString(w) && !weekdays[strings.ToLower(w)] && !strings.HasPrefix(strings.ToLower(w), "the")
}

var weekdays = setOf("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "noon", "midnight", "then", "now")

// isDatelineLine reports a standalone dateline: a place in capitals and an
// agency, ending in a dash ("BOGOTÁ, Nov 12 (Reuters) -").
func isDatelineLine(l string, words int) bool {
	if words > 10 || words == 0 {
		return false
	}
	fw := firstWord(l)
	fw = strings.TrimRight(fw, ",.:")
	caps := 0
	for _, r := range fw {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsUpper(r) {
			caps++
		}
	}
	if caps < 2 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(l)
	if last == '-' || last == '–' || last == '—' || last == ':' {
		return true
	}
	return strings.Contains(l, "(") && strings.HasSuffix(l, ")") && words <= 6
}
