#!/usr/bin/env bash
# `make bench`: the whole-process table, then the Go benchmarks of each engine stage.
set -euo pipefail
cd "$(dirname "$0")/.."
GO=${GO:-go}
CGO_ENABLED=0 $GO build -tags nogui -o parallax-cli .
python3 .ci/bench.py ./parallax-cli
echo
echo "Where the time goes: each stage on its own, 50 generated versions of 5,000 words"
echo "(BenchmarkStages in data/engine; wall time, CPU time over both cores, memory allocated):"
echo
echo "| stage | time | CPU | allocated |"
echo "|---|---:|---:|---:|"
CGO_ENABLED=0 $GO test -run '^$' -bench 'Stages' -benchtime 5x -benchmem ./data/engine/ |
  awk '/^BenchmarkStages\// {
         split($1, p, "/"); sub(/-[0-9]+$/, "", p[2])
         for (i = 3; i < NF; i++) { v[$(i+1)] = $i }
         printf "| %s | %.0f ms | %.2f s | %.0f MB |\n", p[2], v["ns/op"]/1e6, v["cpu-s/op"], v["B/op"]/1e6
         delete v
       }
       /^(FAIL|---)/ { print }'
echo
echo "Go benchmarks of the stages on the seed articles and other inputs:"
CGO_ENABLED=0 $GO test -run '^$' -bench . -benchmem -skip 'BenchmarkStages' ./data/... | grep -E '^(Benchmark|FAIL)' || true
