// Package diff computes word-level differences between two texts.
//
// Both texts are split by data.Tokenize into words, numbers, punctuation and
// runs of space, which together cover each text exactly. Every distinct token
// text is given a symbol of its own (a rune, skipping the surrogate range),
// so a sentence becomes a short string of symbols, one per token, and
// go-diff's Myers diff (DiffMainRunes, with DiffTimeout 0 so the result never
// depends on the machine's speed) runs over those symbols. A changed number is
// therefore one changed token, never a changed digit, and an edit never cuts a
// word in half.
//
// No semantic cleanup is applied: that pass is meant for character diffs and
// would merge unrelated tokens. The symbols are mapped back to their exact
// texts and adjacent edits of the same operation are merged, so the Equal and
// Delete edits rebuild the base text and the Equal and Insert edits rebuild
// the other text, byte for byte.
//
// The engine diffs small aligned units (one row's cell against the base's
// cell), which keeps each diff cheap however long the sources are.
package diff
