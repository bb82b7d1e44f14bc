package load

import (
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"

	"parallax/data/internal/lazyre"
)

// The patterns compile on first use; every one must compile.
func TestPatternsCompile(t *testing.T) {
	for _, l := range []*lazyre.Regexp{metaCharsetRE, xmlEncodingRE, mdFence, mdATX, mdSetext1, mdSetext2, mdRule, mdRefDef, mdQuote, mdList, mdTableRule, mdTableRow, mdFrontTitle, mdImage, mdLink, mdRefLink, mdAutolink, mdStrong, mdStrongU, mdEm, mdEmU, mdStrike, mdEscape, mdEscapedPU} {
		_, err := regexp.Compile(l.Pattern())
		assert.NoError(t, err, l.Pattern())
	}
}
