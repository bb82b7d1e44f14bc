//go:build !unix

package facts

// cpuTime is not measured here: benchmarks report wall time only.
func cpuTime() float64 { return 0 }
