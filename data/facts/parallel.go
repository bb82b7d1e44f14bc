package facts

// safely runs f and reports whether it finished; a malformed source that
// trips a check deep in the extraction loses its facts, not the comparison.
func safely(f func()) (ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	f()
	return true
}
