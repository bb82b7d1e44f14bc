package lazyre

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestRegexp(t *testing.T) {
	l := New(`^b(a+)r$`)
	assert.Equal(t, `^b(a+)r$`, l.Pattern())
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() { defer wg.Done(); assert.True(t, l.MatchString("baar")) }()
	}
	wg.Wait()
	assert.False(t, l.MatchString("bar!"))
	assert.Equal(t, []string{"baaar", "aaa"}, l.R().FindStringSubmatch("baaar"))
	assert.Panics(t, func() { New(`(`).MatchString("x") })
}
