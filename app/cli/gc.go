package cli

import "runtime/debug"

// A comparison is a short burst of allocation that ends with the process:
// collecting at every doubling of the heap spent a quarter of the CPU in
// the collector. tuneGC lets the heap grow five-fold between collections,
// with a soft limit that makes the collector work harder again before the
// process nears gcLimit. An explicit GOGC or GOMEMLIMIT wins.
const (
	gcPercent = 400
	gcLimit   = 768 << 20
)

func tuneGC() {
	if getenv("GOGC") == "" {
		debug.SetGCPercent(gcPercent)
	}
	if getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(gcLimit)
	}
}
