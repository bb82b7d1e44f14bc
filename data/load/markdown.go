package load

import (
	"strings"

	"parallax/data/internal/lazyre"
)

// Markdown is turned into the text a reader sees: block markers (heading
// hashes, setext underlines, quote markers, list bullets, fences, table
// rules) and inline syntax (emphasis, links, images, code spans, escapes)
// are removed, lines and blank lines are kept, headings get a block of
// their own and bullet items become "- " lines (numbered items keep their
// numbers). Inline HTML is left as it is:
// it is text as far as Parallax is concerned.

var (
	mdFence      = lazyre.New("^ {0,3}(`{3,}|~{3,})")
	mdATX        = lazyre.New(`^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$`)
	mdSetext1    = lazyre.New(`^ {0,3}=+[ \t]*$`)
	mdSetext2    = lazyre.New(`^ {0,3}-+[ \t]*$`)
	mdRule       = lazyre.New(`^ {0,3}([-*_])(?:[ \t]*[-*_]){2,}[ \t]*$`)
	mdRefDef     = lazyre.New(`^ {0,3}\[[^\]]+\]:[ \t]*\S+`)
	mdQuote      = lazyre.New(`^ {0,3}>[ \t]?`)
	mdList       = lazyre.New(`^[ \t]*([-*+]|\d{1,9}[.)])[ \t]+(?:\[[ xX]\][ \t]+)?(.*)$`)
	mdTableRule  = lazyre.New(`^[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)+\|?[ \t]*$`)
	mdTableRow   = lazyre.New(`^[ \t]*\|.*\|[ \t]*$`)
	mdFrontTitle = lazyre.New(`^title:[ \t]*["']?(.*?)["']?[ \t]*$`)

	mdImage     = lazyre.New(`!\[[^\]]*\](?:\([^)]*\)|\[[^\]]*\])`)
	mdLink      = lazyre.New(`\[([^\]]*)\]\([^)\s]*(?:[ \t]+(?:"[^"]*"|'[^']*'))?\)`)
	mdRefLink   = lazyre.New(`\[([^\]]+)\]\[[^\]]*\]`)
	mdAutolink  = lazyre.New(`<((?:https?|ftp|mailto):[^>\s]+|[^@>\s]+@[^@>\s]+\.[a-zA-Z]+)>`)
	mdStrong    = lazyre.New(`\*\*(\S(?:.*?\S)?)\*\*`)
	mdStrongU   = lazyre.New(`(^|[^\p{L}\p{N}_])__(\S(?:.*?\S)?)__($|[^\p{L}\p{N}_])`)
	mdEm        = lazyre.New(`\*(\S(?:[^*]*?\S)?)\*`)
	mdEmU       = lazyre.New(`(^|[^\p{L}\p{N}_])_(\S(?:[^_]*?\S)?)_($|[^\p{L}\p{N}_])`)
	mdStrike    = lazyre.New(`~~(\S(?:.*?\S)?)~~`)
	mdEscapable = "\\`*_{}[]()#+-.!|<>~"
	mdEscape    = lazyre.New(`\\([\\` + "`" + `*_{}\[\]()#+\-.!|<>~])`)
	mdEscapedPU = lazyre.New("[\uE000-\uE07F]")
)

// markdownText returns the title (front matter "title:" or the first
// heading) and the plain text of normalised Markdown.
func markdownText(s string) (title, text string) {
	lines := strings.Split(s, "\n")
	lines, title = frontMatter(lines)

	var out []string
	emit := func(l string) { out = append(out, l) }
	blankLine := func() {
		if len(out) > 0 && out[len(out)-1] != "" {
			emit("")
		}
	}
	var fence string      // the open fence's marker
	inComment := false    // inside a multi-line HTML comment
	afterHeading := false // the last line emitted was a heading
	prevPara := false     // the last line emitted was paragraph text (may become a setext heading)
	for _, l := range lines {
		if fence != "" {
			if m := mdFence.R().FindStringSubmatch(l); m != nil && m[1][0] == fence[0] && len(m[1]) >= len(fence) && strings.TrimSpace(l[strings.Index(l, m[1])+len(m[1]):]) == "" {
				fence = ""
				blankLine()
				continue
			}
			emit(strings.TrimRight(l, " \t"))
			continue
		}
		if inComment {
			if strings.Contains(l, "-->") {
				inComment = false
			}
			continue
		}
		t := strings.TrimSpace(l)
		c := byte(0) // the first character: most rules need a particular one
		if t != "" {
			c = t[0]
		}
		if afterHeading && t != "" {
			blankLine()
		}
		afterHeading = false
		isPara := false
		switch {
		case t == "":
			emit("")
		case c == '<' && strings.HasPrefix(t, "<!--"):
			if !strings.Contains(t, "-->") {
				inComment = true
			}
		case (c == '`' || c == '~') && mdFence.MatchString(l):
			fence = mdFence.R().FindStringSubmatch(l)[1]
			blankLine()
		case prevPara && (c == '=' || c == '-') && (mdSetext1.MatchString(l) || mdSetext2.MatchString(l)):
			// The previous line was a heading.
			h := out[len(out)-1]
			out = out[:len(out)-1]
			blankLine()
			emit(h)
			if title == "" && mdSetext1.MatchString(l) {
				title = h
			}
			afterHeading = true
		case (c == '-' || c == '*' || c == '_') && mdRule.MatchString(l):
			blankLine()
		case c == '[' && mdRefDef.MatchString(l):
		case strings.Contains(t, "-|") || strings.Contains(t, "|-") || strings.Contains(t, "| -") || strings.Contains(t, "- |"):
			if mdTableRule.MatchString(l) {
				break
			}
			fallthrough
		default:
			if m := atx(c, l); m != nil {
				h := inline(m[2])
				blankLine()
				if h != "" {
					emit(h)
					if title == "" && len(m[1]) == 1 {
						title = h
					}
				}
				afterHeading = true
				break
			}
			for c == '>' && mdQuote.MatchString(l) {
				l = mdQuote.R().ReplaceAllString(l, "")
				t = strings.TrimSpace(l)
				if t != "" {
					c = t[0]
				} else {
					c = 0
				}
			}
			var item []string
			if c == '-' || c == '*' || c == '+' || c >= '0' && c <= '9' {
				item = mdList.R().FindStringSubmatch(t)
			}
			switch {
			case t == "":
				emit("")
			case c == '|' && mdTableRow.MatchString(t):
				emit(tableRow(t))
			case item != nil && (item[1] == "-" || item[1] == "*" || item[1] == "+"):
				emit("- " + inline(item[2]))
			case item != nil:
				// Ordered items keep their number: "2024. A year..." may
				// be text, and numbers matter here.
				emit(item[1] + " " + inline(item[2]))
			default:
				emit(inline(t))
				isPara = true
			}
		}
		prevPara = isPara
	}
	// Drop leading and trailing blank lines and runs of blank lines.
	var sb strings.Builder
	blanks := 0
	for _, l := range out {
		if strings.TrimSpace(l) == "" {
			blanks++
			continue
		}
		if sb.Len() > 0 {
			if blanks > 0 {
				sb.WriteString("\n\n")
			} else {
				sb.WriteByte('\n')
			}
		}
		blanks = 0
		sb.WriteString(l)
	}
	return strings.TrimSpace(title), sb.String()
}

// frontMatter removes a YAML front matter block and returns its title.
func frontMatter(lines []string) ([]string, string) {
	if len(lines) < 2 || strings.TrimSpace(lines[0]) != "---" {
		return lines, ""
	}
	for i := 1; i < len(lines) && i < 200; i++ {
		t := strings.TrimSpace(lines[i])
		if t == "---" || t == "..." {
			title := ""
			for _, l := range lines[1:i] {
				if m := mdFrontTitle.R().FindStringSubmatch(strings.TrimSpace(l)); m != nil {
					title = m[1]
					break
				}
			}
			return lines[i+1:], title
		}
		if t != "" && !strings.Contains(t, ":") && !strings.HasPrefix(t, "-") && !strings.HasPrefix(lines[i], " ") {
			return lines, "" // not YAML: a thematic break
		}
	}
	return lines, ""
}

func tableRow(t string) string {
	t = strings.TrimSpace(t)
	t = strings.TrimPrefix(t, "|")
	t = strings.TrimSuffix(t, "|")
	cells := strings.Split(t, "|")
	for i, c := range cells {
		cells[i] = inline(strings.TrimSpace(c))
	}
	return strings.Join(cells, "\t")
}

// inline removes Markdown inline syntax from one line.
func inline(s string) string {
	if s == "" {
		return s
	}
	// Code spans are kept literally; the rest is cleaned.
	var sb strings.Builder
	for {
		i := strings.IndexByte(s, '`')
		if i < 0 {
			break
		}
		n := 1
		for i+n < len(s) && s[i+n] == '`' {
			n++
		}
		ticks := s[i : i+n]
		j := strings.Index(s[i+n:], ticks)
		if j < 0 {
			sb.WriteString(inlineSpans(s[:i+n]))
			s = s[i+n:]
			continue
		}
		sb.WriteString(inlineSpans(s[:i]))
		code := s[i+n : i+n+j]
		if len(code) > 2 && code[0] == ' ' && code[len(code)-1] == ' ' {
			code = code[1 : len(code)-1]
		}
		sb.WriteString(code)
		s = s[i+n+j+n:]
	}
	sb.WriteString(inlineSpans(s))
	return strings.TrimSpace(sb.String())
}

func inlineSpans(s string) string {
	if s == "" || !strings.ContainsAny(s, "\\*_[]!<~") {
		return s
	}
	// Escaped characters are hidden from the other rules in the private
	// use area and restored at the end.
	escaped := strings.IndexByte(s, '\\') >= 0
	if escaped {
		s = mdEscape.R().ReplaceAllStringFunc(s, func(m string) string { return string(rune(0xE000 + rune(m[1]))) })
	}
	if strings.Contains(s, "![") {
		s = mdImage.R().ReplaceAllString(s, "")
	}
	if strings.Contains(s, "](") {
		s = mdLink.R().ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "][") {
		s = mdRefLink.R().ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "<") {
		s = mdAutolink.R().ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "**") {
		s = mdStrong.R().ReplaceAllString(s, "$1")
	}
	if strings.Contains(s, "__") {
		for range 2 {
			s = mdStrongU.R().ReplaceAllString(s, "$1$2$3")
		}
	}
	if strings.Count(s, "*") > 1 {
		s = mdEm.R().ReplaceAllString(s, "$1")
	}
	if strings.Count(s, "_") > 1 {
		for range 2 {
			s = mdEmU.R().ReplaceAllString(s, "$1$2$3")
		}
	}
	if strings.Contains(s, "~~") {
		s = mdStrike.R().ReplaceAllString(s, "$1")
	}
	if !escaped {
		return s
	}
	return mdEscapedPU.R().ReplaceAllStringFunc(s, func(m string) string {
		r := []rune(m)[0] - 0xE000
		if !strings.ContainsRune(mdEscapable, r) {
			return m
		}
		return string(r)
	})
}

// atx matches an ATX heading line ("## Title"), whose first non-blank
// character is c.
func atx(c byte, l string) []string {
	if c != '#' {
		return nil
	}
	return mdATX.R().FindStringSubmatch(l)
}
