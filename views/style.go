// Package views holds Parallax's Fyne widgets and screens: the empty state,
// the columns, pair and overview views, the facts panel, the legend and the
// notices. Views only show a comparison computed by the engine; they never
// read files or run the comparison themselves. Each screen is a struct that
// holds its widgets, exposes On… callbacks for the app, and has refresh
// methods that rebuild what it shows.
package views

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// The palette. Every mark pairs a theme colour (so the dark and the light
// theme both read) with a weight or a line, so hue is never the only signal.
var (
	// StyleSame is text every source words like the base.
	StyleSame = widget.RichTextStyle{Inline: true}
	// StyleAdded is wording only this source has: bold, primary colour.
	StyleAdded = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePrimary, TextStyle: fyne.TextStyle{Bold: true}}
	// StyleMissing is base wording this source lacks: struck through, dimmed.
	StyleMissing = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder, TextStyle: fyne.TextStyle{Strikethrough: true}}
	// StyleConflict is a number that disagrees with the other sources:
	// bold, underlined, error colour.
	StyleConflict = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNameError, TextStyle: fyne.TextStyle{Bold: true, Underline: true}}
	// StyleConflictMissing is a conflicting base number this source lacks.
	StyleConflictMissing = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNameError, TextStyle: fyne.TextStyle{Strikethrough: true}}
	// StyleQuote is a quotation worded differently from the other sources: italic, warning colour.
	StyleQuote = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNameWarning, TextStyle: fyne.TextStyle{Italic: true}}
	// StyleDim is text outside the story (boilerplate) and empty cells.
	StyleDim = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNameDisabled, TextStyle: fyne.TextStyle{Italic: true}}
	// StyleUnique tags a row only one source has.
	StyleUnique = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNameWarning, TextStyle: fyne.TextStyle{Bold: true}}
	// StyleTag labels a cell, e.g. REWORDED: small bold capitals, dimmed.
	StyleTag = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameCaptionText}
	// StyleHeading is a passage heading.
	StyleHeading = widget.RichTextStyle{Inline: true, ColorName: theme.ColorNamePlaceHolder, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameCaptionText}
)

// seg returns an inline text segment.
func seg(text string, st widget.RichTextStyle) *widget.TextSegment {
	return &widget.TextSegment{Text: text, Style: st}
}

// tint returns the theme colour name's colour with the given alpha (0..255),
// for backgrounds that must not drown the text.
func tint(name fyne.ThemeColorName, alpha uint8) color.Color {
	r, g, b, _ := theme.Color(name).RGBA()
	return color.NRGBA{R: uint8(r >> 8), G: uint8(g >> 8), B: uint8(b >> 8), A: alpha}
}

// Legend explains the marks used in the views.
func Legend() fyne.CanvasObject {
	rt := widget.NewRichText(
		seg("Legend:  ", widget.RichTextStyle{Inline: true, TextStyle: fyne.TextStyle{Bold: true}}),
		seg("same as base", StyleSame), seg("   ", StyleSame),
		seg("added words", StyleAdded), seg("   ", StyleSame),
		seg("missing base words", StyleMissing), seg("   ", StyleSame),
		seg("12 conflicting number", StyleConflict), seg("   ", StyleSame),
		seg("reworded quotation", StyleQuote), seg("   ", StyleSame),
		seg("ONLY HERE", StyleUnique), seg(" one source only   ", StyleSame),
		seg("REWORDED", StyleTag), seg(" mostly rewritten   ", StyleSame),
		seg("— nothing here", StyleDim),
	)
	rt.Wrapping = fyne.TextWrapWord
	return rt
}

// guard recovers from a panic while a cell is built (a comparison that
// breaks an invariant must not take the window down) and shows a mark
// instead. Use as: defer guard(rt).
func guard(rt *widget.RichText) {
	if r := recover(); r != nil {
		if rt != nil {
			rt.Segments = []widget.RichTextSegment{seg("(cannot show this cell)", StyleDim)}
			rt.Refresh()
		}
	}
}
