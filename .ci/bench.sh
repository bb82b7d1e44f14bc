#!/usr/bin/env bash
# `make bench`: the whole-process table, then the Go benchmarks of each engine stage.
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
CGO_ENABLED=0 $GO build -tags nogui -o parallax-cli .
python3 .ci/bench.py ./parallax-cli
echo
echo "Go benchmarks per stage (load, structure, align, diff, facts, whole comparison):"
CGO_ENABLED=0 $GO test -run '^$' -bench . -benchmem ./data/... | grep -E '^(Benchmark|ok|PASS|FAIL)' || true
