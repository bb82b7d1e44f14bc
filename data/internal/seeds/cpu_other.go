//go:build !unix

package seeds

// CPUTime is not measured here: benchmarks report wall time only.
func CPUTime() float64 { return 0 }
