package cli

import (
	"math"
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestTuneGC(t *testing.T) {
	defer func(g func(string) string) { getenv = g }(getenv)
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))

	getenv = func(string) string { return "" }
	tuneGC()
	assert.Equal(t, gcPercent, debug.SetGCPercent(100))
	assert.Equal(t, int64(gcLimit), debug.SetMemoryLimit(math.MaxInt64))

	// the user's own settings win
	getenv = func(k string) string { return map[string]string{"GOGC": "50", "GOMEMLIMIT": "1GiB"}[k] }
	tuneGC()
	assert.Equal(t, 100, debug.SetGCPercent(100))
	assert.Equal(t, int64(math.MaxInt64), debug.SetMemoryLimit(math.MaxInt64))
}
