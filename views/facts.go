package views

import (
	"slices"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/data/facts"
)

// The first facts get their height measured exactly, up to measuredFacts
// of them and measuredHeight in all (about two screens of the panel); the
// others' heights are estimated from their length, on the generous side.
// Measuring costs about a millisecond a fact, more for the long facts of
// dozens of sources.
const (
	measuredFacts          = 16
	measuredHeight float32 = 1600
)

// fact is one entry of the facts panel: a number fact or a quotation.
type fact struct {
	number *facts.NumberFact
	quote  *facts.QuoteFact
}

// FactsPanel lists the numbers and the quotations: what each source says,
// the verdict, the majority and the outliers. A click reports the fact's rows.
type FactsPanel struct {
	Content *fyne.Container

	m       *Model
	width   float32 // the list's width the item heights were measured for
	items   []fact
	onlyBad bool
	list    *widget.List
	holder  *fyne.Container
	summary *widget.Label

	OnFactSelected func(rows []int)
	// OnFactMenu opens the actions on the i-th fact at an absolute position
	// of o's canvas (a right click on the fact).
	OnFactMenu func(i int, o fyne.CanvasObject, pos fyne.Position)

	factNotes // verdicts and notes on facts (notes.go)
}

// NewFactsPanel returns an empty panel.
func NewFactsPanel() *FactsPanel {
	p := &FactsPanel{summary: widget.NewLabel(""), width: 320}
	p.holder = container.New(&widthLayout{onWidth: func(w float32) {
		if w > 10 && (w-p.width > 4 || p.width-w > 4) {
			p.width = w
			fyne.Do(p.build)
		}
	}})
	p.summary.Wrapping = fyne.TextWrapWord
	only := widget.NewCheck("Only disagreements", func(b bool) { p.onlyBad = b; p.refresh() })
	title := widget.NewLabelWithStyle("Facts", fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	p.Content = container.NewBorder(container.NewVBox(container.NewHBox(title, only), p.summary), p.rowNotesBox(), nil, nil, p.holder)
	p.SetModel(NewModel(nil))
	return p
}

// SetModel shows the facts of a new comparison.
func (p *FactsPanel) SetModel(m *Model) {
	p.m = m
	p.refresh()
}

// Items is the number of facts listed, for tests.
func (p *FactsPanel) Items() int { return len(p.items) }

func (p *FactsPanel) refresh() {
	p.items = p.items[:0]
	nBad, nNum, nQuote := 0, 0, 0
	if c := p.m.C; c != nil {
		// disagreements first, then the rest, numbers before quotations
		for pass := 0; pass < 2; pass++ {
			for i := range c.Facts.Numbers {
				f := &c.Facts.Numbers[i]
				bad := f.Verdict == facts.Disagree
				if pass == 0 {
					nNum++
					if bad {
						nBad++
					}
				}
				if bad == (pass == 0) && (!p.onlyBad || bad) {
					p.items = append(p.items, fact{number: f})
				}
			}
			for i := range c.Facts.Quotes {
				q := &c.Facts.Quotes[i]
				bad := q.Verdict == facts.Disagree
				if pass == 0 {
					nQuote++
					if bad {
						nBad++
					}
				}
				if bad == (pass == 0) && (!p.onlyBad || bad) {
					p.items = append(p.items, fact{quote: q})
				}
			}
		}
	}
	switch {
	case p.m.C == nil:
		p.summary.SetText("")
	case nNum+nQuote == 0:
		p.summary.SetText("No numbers or quotations found.")
	default:
		p.summary.SetText(plural(nNum, "number") + ", " + plural(nQuote, "quotation") + "; " + plural(nBad, "disagreement"))
	}
	p.build()
}

// build makes a new list for the items, each as tall as its wrapped text
// at the panel's width.
func (p *FactsPanel) build() {
	l := &widget.List{
		Length:     func() int { return len(p.items) },
		CreateItem: func() fyne.CanvasObject { return newMenuText() },
		UpdateItem: func(id widget.ListItemID, o fyne.CanvasObject) {
			mt := o.(*menuText)
			rt := &mt.RichText
			defer guard(rt)
			mt.onMenu = func(pos fyne.Position) {
				if p.OnFactMenu != nil && id < len(p.items) {
					p.OnFactMenu(id, mt, pos)
				}
			}
			rt.Segments = p.segments(id)
			rt.Refresh()
		},
	}
	l.OnSelected = func(id widget.ListItemID) {
		p.selPlus1 = id + 1
		if id < len(p.items) && p.OnFactSelected != nil {
			p.OnFactSelected(p.rows(id))
		}
	}
	// Measure the wrapped text of the first items exactly; estimate the
	// rest, so a comparison with thousands of facts opens at once.
	scratch := widget.NewRichText()
	scratch.Wrapping = fyne.TextWrapWord
	mt := measure()
	var measured float32
	for i := range p.items {
		if i < measuredFacts && measured < measuredHeight {
			scratch.Segments = p.segments(i)
			scratch.Refresh()
			scratch.Resize(fyne.NewSize(p.width-theme.Padding()*2, 1))
			h := scratch.MinSize().Height
			measured += h
			l.SetItemHeight(i, h)
			continue
		}
		lines := float32(0)
		for _, line := range p.segmentsLines(i) {
			n := 0
			for _, sg := range line {
				n += len(sg.(*widget.TextSegment).Text)
			}
			lines += mt.linesFor(n, p.width)
		}
		l.SetItemHeight(i, lines*mt.lineH+mt.pad)
	}
	l.ExtendBaseWidget(l)
	p.list = l
	p.holder.Objects = []fyne.CanvasObject{l}
	p.holder.Refresh()
}

func (p *FactsPanel) rows(i int) []int {
	if f := p.items[i]; f.number != nil {
		return f.number.Rows
	}
	return p.items[i].quote.Rows
}

// verdictSegment names a verdict in words and colour.
func verdictSegment(v facts.Verdict) *widget.TextSegment {
	st := widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameCaptionText}
	switch v {
	case facts.Disagree:
		st.ColorName = theme.ColorNameError
		st.TextStyle.Underline = true
	case facts.Compatible:
		st.ColorName = theme.ColorNameWarning
	case facts.Agree:
		st.ColorName = theme.ColorNameSuccess
	default:
		st.ColorName = theme.ColorNamePlaceHolder
	}
	return seg(strings.ToUpper(string(v)), st)
}

// segmentsLines is one fact as lines of segments: its title, then one line
// per source's wording.
func (p *FactsPanel) segmentsLines(i int) [][]widget.RichTextSegment {
	f := p.items[i]
	name := func(s int) string {
		if s >= 0 && s < len(p.m.C.Sources) {
			return p.m.C.Sources[s].Name
		}
		return "?"
	}
	bold := widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}}
	var lines [][]widget.RichTextSegment
	if n := f.number; n != nil {
		label := n.Label
		if label == "" {
			label = "number"
		}
		head := []widget.RichTextSegment{verdictSegment(n.Verdict), seg("  "+label, bold)}
		if n.Majority != "" {
			head = append(head, seg("   majority: "+n.Majority, StyleHeading))
		}
		lines = append(lines, head)
		groups := groupMentions(len(n.Mentions), func(i int) (string, int) {
			mt := n.Mentions[i]
			return mt.Text + "\x00" + mt.Display + "\x00" + itoa(b2i(mt.Conflict)+2*b2i(mt.Outlier)), mt.Source
		})
		for _, g := range groups {
			mt := n.Mentions[g.first]
			st := StyleSame
			tag, tagColor := "", theme.ColorNameError
			switch {
			case mt.Conflict:
				st, tag = StyleConflict, "  (disagrees)"
			case mt.Outlier:
				tag, tagColor = "  (differs, compatible)", theme.ColorNameWarning
			}
			line := []widget.RichTextSegment{seg("• "+g.who(name)+": ", StyleHeading), seg(mt.Text, st)}
			if mt.Display != "" && mt.Display != mt.Text {
				line = append(line, seg("  ("+mt.Display+")", StyleDim))
			}
			if tag != "" {
				line = append(line, seg(tag, widget.RichTextStyle{Inline: true, ColorName: tagColor, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameCaptionText}))
			}
			lines = append(lines, line)
		}
		return append(lines, p.noteLines(f)...)
	}
	q := f.quote
	speaker := q.Speaker
	if speaker == "" {
		speaker = "unknown speaker"
	}
	lines = append(lines, []widget.RichTextSegment{verdictSegment(q.Verdict), seg("  quotation · "+speaker, bold)})
	groups := groupMentions(len(q.Mentions), func(i int) (string, int) {
		mt := q.Mentions[i]
		return mt.Text + "\x00" + mt.Class, mt.Source
	})
	for _, g := range groups {
		mt := q.Mentions[g.first]
		st := StyleSame
		if mt.Class == "reworded" || mt.Class == "other speaker" {
			st = StyleQuote
		}
		line := []widget.RichTextSegment{seg("• "+g.who(name)+": ", StyleHeading), seg("“"+mt.Text+"”", st)}
		if mt.Class != "" {
			line = append(line, seg("  ("+mt.Class+")", StyleDim))
		}
		lines = append(lines, line)
	}
	return append(lines, p.noteLines(f)...)
}

// groupAbove is the most mentions a fact lists one by one; a fact stated
// more often (a wire story republished by dozens of outlets) lists each
// wording once, with the sources that use it.
const groupAbove = 8

// namesShown is how many sources a grouped wording names before "and N more".
const namesShown = 4

// mentionGroup is one line of a fact: the mentions with the same wording.
type mentionGroup struct {
	first   int   // the first mention of the wording
	n       int   // how many mentions use it
	sources []int // the sources that use it, in order of first use
}

// groupMentions groups n mentions by key(i) (wording, source), keeping the
// order of their first use; with groupAbove or fewer mentions each is a
// group of its own.
func groupMentions(n int, key func(i int) (string, int)) []mentionGroup {
	out := make([]mentionGroup, 0, min(n, groupAbove+1))
	if n <= groupAbove {
		for i := range n {
			_, s := key(i)
			out = append(out, mentionGroup{first: i, n: 1, sources: []int{s}})
		}
		return out
	}
	at := map[string]int{}
	for i := range n {
		k, s := key(i)
		g, ok := at[k]
		if !ok {
			g = len(out)
			at[k] = g
			out = append(out, mentionGroup{first: i})
		}
		out[g].n++
		if !slices.Contains(out[g].sources, s) {
			out[g].sources = append(out[g].sources, s)
		}
	}
	return out
}

// who names a group's sources: every one of a few, else the first
// namesShown and how many more, and the number of mentions when a source
// repeats the wording.
func (g mentionGroup) who(name func(int) string) string {
	if g.n == 1 {
		return name(g.sources[0])
	}
	shown := g.sources
	if len(shown) > namesShown+1 {
		shown = shown[:namesShown]
	}
	parts := make([]string, len(shown))
	for i, s := range shown {
		parts[i] = name(s)
	}
	out := strings.Join(parts, ", ")
	if more := len(g.sources) - len(shown); more > 0 {
		out += " and " + itoa(more) + " more"
	}
	if g.n > len(g.sources) {
		out += " (" + itoa(g.n) + "×)"
	}
	return out
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (p *FactsPanel) segments(i int) []widget.RichTextSegment {
	if i >= len(p.items) {
		return nil
	}
	var out []widget.RichTextSegment
	for k, line := range p.segmentsLines(i) {
		if k > 0 {
			out = append(out, seg("\n", StyleSame))
		}
		out = append(out, line...)
	}
	return out
}

// widthLayout stacks its objects and reports the width it is given.
type widthLayout struct {
	onWidth func(float32)
}

func (l *widthLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	for _, o := range objs {
		o.Move(fyne.NewPos(0, 0))
		o.Resize(size)
	}
	l.onWidth(size.Width)
}

func (l *widthLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	var min fyne.Size
	for _, o := range objs {
		min = min.Max(o.MinSize())
	}
	return min
}
