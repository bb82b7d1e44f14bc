package diff

// Op is what an edit does.
type Op int8

// Edit operations, from the base's point of view: Delete is base text the
// other side lacks, Insert is text only the other side has.
const (
	Equal Op = iota
	Insert
	Delete
)

// Edit is a run of text with its operation.
type Edit struct {
	Op   Op
	Text string
}

// Words diffs b against base a word by word.
// STUB: one delete and one insert.
func Words(a, b string) []Edit {
	if a == b {
		return []Edit{{Equal, a}}
	}
	return []Edit{{Delete, a}, {Insert, b}}
}
