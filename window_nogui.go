//go:build nogui

package main

import (
	"fmt"
	"os"
)

// Built with -tags nogui (CGO_ENABLED=0): the command line only.
func openWindow([]string) int {
	fmt.Fprintln(os.Stderr, "parallax: this build has no window; use 'parallax compare FILE...'")
	return 2
}
