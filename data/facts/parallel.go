package facts

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// forEach calls f(i) for i in [0, n) on every core. Each f writes only its
// own slot of a result slice, so the results stay in index order whatever
// the scheduling.
func forEach(n int, f func(i int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := 0; i < n; i++ {
			f(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(i)
			}
		}()
	}
	wg.Wait()
}

// forEachChunk is forEach over runs of indices, for work too small to share
// out one index at a time.
func forEachChunk(n int, f func(i int)) {
	const chunk = 32
	forEach((n+chunk-1)/chunk, func(c int) {
		for i := c * chunk; i < min(n, (c+1)*chunk); i++ {
			f(i)
		}
	})
}

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
