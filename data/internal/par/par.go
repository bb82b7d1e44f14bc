// Package par runs independent pieces of the engine's work on every core.
package par

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Each calls f(0) … f(n-1), spread over GOMAXPROCS goroutines, and returns
// when all calls have returned. The calls must be independent: each may write
// only its own slot of a result slice, so results stay in index order whatever
// the scheduling. A panic in a call is raised again on the caller's
// goroutine once the other calls have stopped, so the caller's recover sees
// it instead of the process dying.
func Each(n int, f func(int)) {
	workers := min(runtime.GOMAXPROCS(0), n)
	if workers <= 1 {
		for i := 0; i < n; i++ {
			f(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	var once sync.Once
	var panicked any
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if r := recover(); r != nil {
					once.Do(func() { panicked = r })
					next.Store(int64(n)) // the others stop at their next call
				}
			}()
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
	if panicked != nil {
		panic(panicked)
	}
}

// Chunks is Each over runs of indices, for work too small to share out one
// index at a time.
func Chunks(n int, f func(int)) {
	const chunk = 32
	Each((n+chunk-1)/chunk, func(c int) {
		for i := c * chunk; i < min(n, (c+1)*chunk); i++ {
			f(i)
		}
	})
}
