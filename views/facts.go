package views

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"parallax/data/facts"
)

// measuredFacts is how many facts get their height measured exactly.
const measuredFacts = 60

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
	for i := range p.items {
		if i < measuredFacts {
			scratch.Segments = p.segments(i)
			scratch.Refresh()
			scratch.Resize(fyne.NewSize(p.width-theme.Padding()*2, 1))
			l.SetItemHeight(i, scratch.MinSize().Height)
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
		for _, mt := range n.Mentions {
			st := StyleSame
			tag, tagColor := "", theme.ColorNameError
			switch {
			case mt.Conflict:
				st, tag = StyleConflict, "  (disagrees)"
			case mt.Outlier:
				tag, tagColor = "  (differs, compatible)", theme.ColorNameWarning
			}
			line := []widget.RichTextSegment{seg("• "+name(mt.Source)+": ", StyleHeading), seg(mt.Text, st)}
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
	for _, mt := range q.Mentions {
		st := StyleSame
		if mt.Class == "reworded" || mt.Class == "other speaker" {
			st = StyleQuote
		}
		line := []widget.RichTextSegment{seg("• "+name(mt.Source)+": ", StyleHeading), seg("“"+mt.Text+"”", st)}
		if mt.Class != "" {
			line = append(line, seg("  ("+mt.Class+")", StyleDim))
		}
		lines = append(lines, line)
	}
	return append(lines, p.noteLines(f)...)
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
