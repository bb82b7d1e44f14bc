// Package structure finds the paragraphs of a source's text, gives each a
// kind (headline, subheading, body, bullet, caption, dateline, byline or
// boilerplate) and splits each into sentences. Analyze fills
// data.Source.Paragraphs and data.Source.Sentences; every span is a UTF-8
// byte range of Source.Text, trimmed of surrounding space, and sentence IDs
// ("p3s2": third paragraph, second sentence) are stable for the same text.
//
// # Paragraphs
//
// The text is cut into blocks at blank lines. Inside a block, each line is
// either a paragraph of its own (the one-paragraph-a-line convention, or a
// headline written directly above the body) or the continuation of a
// hard-wrapped paragraph. The text counts as hard-wrapped when no line is
// longer than 200 characters and most lines that continue a block reach
// close to the longest line without ending a sentence. In wrapped text a
// line joins the next when the next line's first word would not have fitted
// on it (or when it is nearly full and not title-like); a short line, like
// a headline, stands alone. In unwrapped text lines are paragraphs, except
// that a line not ending in sentence punctuation is continued by a line
// starting in lower case or after a trailing comma. List items ("- ", "* ",
// "• ", "1. ") always start a paragraph; an indented line continues one.
// A paragraph that stops mid-sentence before a blank line (a long last line
// without final punctuation) is continued by a block starting in lower case,
// as text copied from page layouts often is.
//
// # Kinds
//
// Kinds come from wording, shape and position, never from strings of
// particular articles:
//
//   - Wording (cues.go): generic web-page vocabulary marks page furniture as
//     boilerplate: rating widgets, share bars, cookie notices, newsletter and
//     subscription prompts, "Read more" and "Continue reading" lines, comment
//     counts, advertising markers, copyright lines, "Follow us" prompts,
//     tag and breadcrumb lines, player and gallery controls. Phrases that
//     also occur in news prose ("newsletter", "sign up") count only in very
//     short paragraphs, and a cue in a paragraph of several sentences counts
//     only when its sentences hold a third of the words. Each cue is tried
//     only when the text holds the literals its pattern requires; a set's
//     literals are all looked for in one pass over the text, and a cue's
//     regular expression is compiled the first time it is needed. Credit lines
//     ("Photo:", "Getty Images", "AGENCY/First Last") make captions, and so
//     do the one-sentence lines just above a bare credit; "By …",
//     "Name | Outlet", "Name, Chief Reporter", "Published … Updated …",
//     "5 min read", "… contributed to this report" and short date-only lines
//     make bylines; a capitalised place with an agency and a trailing dash
//     on a line of its own is a dateline (a dateline that opens a body
//     paragraph leaves that paragraph body).
//   - Lists of other articles: a heading such as "Related", "You may also
//     like", "Most read" or "More from …" starts a run of boilerplate that
//     takes the headline-like lines, teasers cut off with an ellipsis, dates
//     and section names after it, and ends at the first paragraph that reads
//     like the story again (complete sentences sharing the story's
//     vocabulary), or, for a list of bullets, at the first non-bullet.
//   - Position and shape: before the first body paragraph, a one-sentence
//     present-tense picture description ("X speaks during …") is a caption
//     (anywhere, when it closes with a full date as wire captions do); a
//     short line whose words recur in a byline or in page furniture is the
//     outlet's masthead (a byline); the first heading-shaped line (short,
//     one line, no final period) is the headline, and a second one in the
//     same block is a second headline line. After it, heading-shaped lines
//     are subheadings and the rest is body.
//   - Stray headlines: heading-shaped lines after the story's last prose
//     paragraph that share little vocabulary with the story or are
//     title-cased (a story does not end on a heading), runs of two or more
//     between sections whose content words are mostly absent from the
//     story's prose (measured on six-letter stems, or ideograph pairs for
//     Chinese and Japanese), and a lone sentence-case line sharing nothing
//     with the story among title-cased subheadings are boilerplate. Any
//     other single short line followed by prose stays a subheading,
//     whatever its words.
//
// Boilerplate, captions, datelines and bylines keep their sentences so that
// a reader can see them; data.Kind.IsStory keeps them out of the alignment.
//
// # Sentences
//
// A sentence ends at . ! ? … and their Arabic (؟ ۔), Chinese and Japanese
// (。！？, which need no space after them), Devanagari (।) and other forms,
// together with any closing quotes or brackets after them, when the next
// word starts a new sentence. A period does not end one inside a number
// (2.5, 12,000), before a lower-case word, after a title that precedes a
// name (Mr., Dr., Gen., Sen., St.), after "No." before a number, or after an
// abbreviation that may end a sentence (U.S., a.m., Inc., Jr., Nov.,
// initials) unless the next word usually opens a sentence ("The", "He",
// "In"). An ellipsis ends a sentence only before a capital. A ! or ? that
// closes a quotation followed by its speaker ("“Stop!” she said") does not.
// Quotations are not held together: a quotation of several sentences is
// split at its sentence ends, as the evaluation gold does, while a quotation
// interrupted by its attribution ("“…,” he said, “but …”") is one sentence
// because no sentence ends inside it. Headlines, subheadings, datelines and
// bylines, captions and list items are one sentence unless long. Unpunctuated runs of more than 120
// words are cut near clause punctuation or line breaks into chunks of about
// 60 words, so that the aligner gets units of a useful size.
package structure
