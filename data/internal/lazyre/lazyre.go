// Package lazyre holds regular expressions compiled on their first use.
//
// The engine's packages declare dozens of patterns (markdown syntax, page
// furniture cues) of which one comparison uses a few. Compiling them all as
// the program starts cost more than comparing a handful of articles, so
// each is compiled only when first matched.
package lazyre

import (
	"regexp"
	"sync"
)

// Regexp is a pattern compiled on first use; safe for concurrent use.
type Regexp struct {
	pattern string
	once    sync.Once
	re      *regexp.Regexp
}

// New returns the lazily compiled pattern. An invalid pattern panics on
// first use, as regexp.MustCompile would at start-up: each package tests
// that its patterns compile.
func New(pattern string) *Regexp { return &Regexp{pattern: pattern} }

// R returns the compiled expression.
func (l *Regexp) R() *regexp.Regexp {
	l.once.Do(func() { l.re = regexp.MustCompile(l.pattern) })
	return l.re
}

// MatchString reports whether s holds a match.
func (l *Regexp) MatchString(s string) bool { return l.R().MatchString(s) }

// Pattern returns the source text of the expression.
func (l *Regexp) Pattern() string { return l.pattern }
