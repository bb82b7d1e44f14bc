package align

// Tunables. Scores are cosines between IDF-weighted term sets, in 0..1.
// They are variables so that tests can sweep them.
var (
	// candidatesPer is how many candidates per sentence, found through the
	// index, are scored exactly.
	candidatesPer = 6
	// minPostingCap: a term found in more than max(minPostingCap, n/postingShare)
	// sentences of the other source does not propose candidates there (it
	// still counts in the exact score).
	minPostingCap = 8
	postingShare  = 50
	// contextWeight scales the bonus a pair gets when its neighbours (the
	// sentences before and after on both sides) match too.
	contextWeight float32 = 0.3
	// ctxCompete withholds the context bonus from a pair when a neighbour
	// of either sentence matches the other better than the pair does with
	// competeShare of its bonus.
	ctxCompete           = true
	competeShare float32 = 1
	// ctxMinRaw: a pair scoring less than this on its own wording gets the
	// context bonus only from the weaker of its two diagonal neighbours, so
	// it must sit in a gap between two matches on both sides (as in
	// sentence alignment within anchors), not merely next to one.
	ctxMinRaw float32 = 0.08
	// minLink is the least score (with context) for a link.
	minLink float32 = 0.2
	// weakLink is the least score for a link that may only attach a
	// sentence left alone to an existing row (see attachLeftovers).
	weakLink float32 = 0.08
	// attachMin is the least score of a lone sentence against a row's
	// pooled wording (plus attachOrder when the row sits where the
	// sentence's neighbours put it) for the sentence to join the row.
	attachMin   float32 = 0.2
	attachOrder float32 = 0.1
	// sandwichMin is the least pooled score for a lone sentence whose
	// neighbours' rows enclose the row exactly in another source.
	sandwichMin float32 = 0.1
	// maxPartners is how many other sources each source is matched with
	// directly when there are more than maxPartners+1 sources.
	maxPartners = 12
	// mutualBonus favours links that are each other's best match.
	mutualBonus float32 = 0
	// maxRun is the most consecutive story sentences one source may put in
	// a row: enough for a sentence split in two or three, or a heading with
	// the sentence it introduces.
	maxRun int32 = 3
	// headingsFirst starts every subheading in one row with the sentence
	// after it.
	headingsFirst = false
	// strictSplits refuses to merge two rows that both span several
	// sources and overlap in some.
	strictSplits = true
	// mergeMin is the least score for a link that joins two rows spanning
	// several sources each, from a sentence whose source the other row
	// lacks (a merged sentence).
	mergeMin float32 = 0.4
	// separateRoles links headlines only to headlines and subheadings only
	// to subheadings.
	separateRoles = true
	// headingLinks lets subheadings link to other subheadings; without it
	// (and with headingsFirst) a heading only follows its sentence.
	headingLinks = true
	// headingRows moves a row made only of subheadings into the row of
	// the sentences they introduce (see attachHeadingRows).
	headingRows = true
	// stemLen truncates stemmed words to this many letters (0: no
	// truncation).
	stemLen = 0
)
