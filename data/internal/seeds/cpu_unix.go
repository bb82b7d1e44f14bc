//go:build unix

package seeds

import "syscall"

// CPUTime is the process's user and system CPU time so far, in seconds, for
// benchmarks that report CPU beside wall time (the two differ by how well
// the work spreads over the cores).
func CPUTime() float64 {
	var ru syscall.Rusage
	if syscall.Getrusage(syscall.RUSAGE_SELF, &ru) != nil {
		return 0
	}
	return float64(ru.Utime.Sec+ru.Stime.Sec) + float64(ru.Utime.Usec+ru.Stime.Usec)/1e6
}
