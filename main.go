// Command parallax compares several outlets' versions of one news story.
//
//	parallax                      open the window (on the sample story with -sample)
//	parallax FILE...              open the window on those files
//	parallax compare [flags] FILE...  write a comparison to standard output
package main

import (
	"os"

	"parallax/app/cli"
)

func main() {
	args := os.Args[1:]
	if len(args) > 0 && args[0] == "compare" {
		os.Exit(cli.Compare(args[1:], os.Stdout, os.Stderr))
	}
	os.Exit(openWindow(args))
}
