//go:build pprof

package app

import (
	"net/http"
	_ "net/http/pprof" // the profiler's handlers, in builds tagged pprof only
	"os"
)

// A build tagged pprof serves the Go profiler on PARALLAX_PPROF (for
// example localhost:6060), to profile the window while it is used.
func init() {
	if addr := os.Getenv("PARALLAX_PPROF"); addr != "" {
		go func() { _ = http.ListenAndServe(addr, nil) }()
	}
}
