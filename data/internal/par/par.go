// Package par runs independent pieces of the engine's work on every core.
package par

import (
	"runtime"
	"sync"
)

// Each calls f(0) … f(n-1), spread over GOMAXPROCS goroutines, and returns
// when all calls have returned. The calls must be independent: each may write
// only its own slot of a result slice.
func Each(n int, f func(int)) {
	w := min(runtime.GOMAXPROCS(0), n)
	if w <= 1 {
		for i := 0; i < n; i++ {
			f(i)
		}
		return
	}
	var next sync.Mutex
	i := 0
	take := func() int {
		next.Lock()
		defer next.Unlock()
		i++
		return i - 1
	}
	var wg sync.WaitGroup
	for k := 0; k < w; k++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := take(); j < n; j = take() {
				f(j)
			}
		}()
	}
	wg.Wait()
}
