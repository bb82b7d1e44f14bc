// Package align puts corresponding sentences of several versions of a story
// into rows, all sources at once.
//
// Matching. Every story sentence (src.Story(i)) becomes a set of terms:
// lower-cased words, lightly stemmed (plural s, -ed, -ing, possessive 's),
// without stop words, and numbers, read in figures or in words with their
// scale ("12,000", "twelve thousand"; "€20m", "20 million"; a unit glued
// to the figure, "14pc", is dropped; clock times in either notation, "2:15 p.m." and "14:15", as
// one time) so that each is
// one term "#value". Each figure (not a year) also yields two
// neighbourhood terms, buckets on a log scale offset by half a bucket, so
// that figures a few per cent apart ("nearly 70", "at least 75") share a
// term: outlets that disagree on a figure still report the same fact, and
// that disagreement is what a reader most needs side by side. A term weighs its inverse document
// frequency over all sources' sentences, so words every version repeats
// count little and rare ones much; numbers and capitalised names weigh half
// as much again, since they are the strongest evidence that two outlets
// report the same thing. Sentences are compared by the cosine of their
// weighted term sets.
//
// Candidates. Each source has an inverted index from term to sentences. For
// every pair of sources (scored in parallel; beyond 13 sources, each source
// with its 12 most similar ones by whole-text term profile, so that the cost
// grows with the total number of words, not with the square of the number
// of sources) each sentence collects, through
// the other source's index, the sentences sharing its terms that are rare
// there (a term found in too many of the other source's sentences proposes
// nothing, though it still counts in the exact score); the best few are
// scored exactly. The cost is a few posting lists per sentence per pair,
// never every sentence against every other. A source's story sentences and
// their terms depend on that source alone: they are kept with it
// (data.Source.Derived), so aligning again after a source is added reads
// only the new one, and a pair's working lists are reused from pair to
// pair. A pair's score gains a bonus
// when the sentences before or after also match (order consistency),
// unless a neighbour of one sentence matches the other better than the pair
// does with its bonus: then the neighbours' order speaks for that other
// pair, and the bonus would only glue the sentence next to a true match
// onto it. A pair that shares next to nothing gets the bonus only when both
// diagonal neighbours match (the weaker of the two counts): it fills a gap
// between two matches, as sentence aligners do between anchors. A
// link is kept when it scores above minLink and one sentence is the other's
// best match: both ways for a plain correspondence, one way for a split or a
// merge. Headlines link only to headlines and subheadings only to
// subheadings.
//
// Rows. Links are applied strongest first, Kruskal style, with union-find:
// two groups merge unless the union would give a source sentences that are
// not consecutive, or more than maxRun of them, or would join two groups
// that both span several sources and overlap in one (two corresponding
// passages, not a split) unless a strong link comes from a sentence whose
// source the other group lacks (one outlet's sentence merging what the
// others say in two). So a cell holds several consecutive sentences only
// where one outlet split what another said in one sentence, and a weak link
// cannot glue two stories together through a sentence that already found its
// partner. Sentences left alone get a second chance against the pooled
// wording of the rows that weak or refused links, or their neighbours'
// positions, propose (a paraphrase may share little with any one version but
// more with all of them), with a bonus when the row sits between the rows of
// the sentence's neighbours. A subheading that matched nothing joins the row
// of the sentence it introduces, and a row made only of subheadings (they
// matched one another, no sentence) joins the row holding the sentence
// after most of them: a heading belongs with what it introduces. What is still alone is content only that
// source has: a row with one cell.
//
// Order. The grouping does not depend on the base, so New does it once and
// Align(base) only orders: rows holding base sentences follow the base's
// reading order; a row the base lacks goes right after the row that precedes
// it most closely in one of its sources. Passages group consecutive rows by
// the base paragraph of their base sentence; a row the base lacks joins the
// passage before it when one of its sources continues the same paragraph,
// and otherwise opens a passage of its own (BasePara -1).
//
// ChooseBase picks the source with the largest sum of link scores kept in
// rows (the one most similar to all the others, and usually the fullest),
// ties broken by the lower index. Everything is deterministic: sources and
// sentences are visited in order, ties are broken by index, and floating
// sums run in a fixed order.
//
// The tunables (params.go) were chosen on the seed articles, three invented
// held-out stories (data/engine/testdata/stories) and the invented ferry
// fixture here, maximising the worst align.f1 of the five sets rather than
// any one: seeds 0.86 (link recall 0.80, pair precision 0.93), bank-ruling
// 0.91, packaging-fire 0.90, valley-floods 0.83, ferry 0.98. The weak spot
// is heavy paraphrase with few shared rare words, which a bag of words
// cannot see, and gold groups coarser than sentences; minLink is still a
// narrow peak on the seeds (0.19 and 0.21 give 0.83 and 0.81). Tried and
// dropped, as they lowered some set: a hand-written list of general newsroom
// synonyms (killed/dead, strikes/attacks, boats/vessels: story words that
// every version repeats became even commoner and proposed false links),
// dropping a final silent e in the stemmer, a penalty for pairs far apart in
// relative position, numbers counting less in a sentence's norm, requiring
// mutual best matches for weak pairs, and joining a one-source section (a
// subheading and its lead-in) to the row after it. TestSweep
// (ALIGN_SWEEP="name=v1,v2;...") prints the five scores over a grid.
package align
