package par

import (
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestEachCallsEveryIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 1000} {
		seen := make([]int32, n)
		Each(n, func(i int) { atomic.AddInt32(&seen[i], 1) })
		for i := range seen {
			assert.EqualValues(t, 1, seen[i], "n=%d i=%d", n, i)
		}
	}
}

func TestChunksCallsEveryIndexOnce(t *testing.T) {
	for _, n := range []int{0, 1, 31, 32, 33, 1000} {
		seen := make([]int32, n)
		Chunks(n, func(i int) { atomic.AddInt32(&seen[i], 1) })
		for i := range seen {
			assert.EqualValues(t, 1, seen[i], "n=%d i=%d", n, i)
		}
	}
}

func TestEachRaisesAPanicOnTheCaller(t *testing.T) {
	assert.PanicsWithValue(t, "bad input 3", func() {
		Each(1000, func(i int) {
			if i == 3 {
				panic("bad input 3")
			}
		})
	})
}
