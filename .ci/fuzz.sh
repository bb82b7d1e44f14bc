#!/usr/bin/env bash
# `make fuzz`: run every fuzz target for a while (default 60s each).
# `make test` already runs each target once on its seed corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
time=${1:-60s}
for pkg in $(CGO_ENABLED=0 $GO list ./data/... ./app/cli/...); do
  dir=$(CGO_ENABLED=0 $GO list -f '{{.Dir}}' "$pkg")
  for target in $(grep -ho '^func \(Fuzz[A-Za-z0-9_]*\)' "$dir"/*_test.go 2>/dev/null | awk '{print $2}' | sort -u); do
    echo "== $pkg $target ($time)"
    CGO_ENABLED=0 $GO test "$pkg" -run '^$' -fuzz "^${target}\$" -fuzztime "$time"
  done
done
