#!/usr/bin/env bash
# Benchmark of the window under Xvfb: time to first frame and drop-to-comparison.
# Usage: .ci/bench-gui.sh ./parallax [RUNS] [FILES...]
#   FILES default to ../shared/seeds/*.txt (else the sample story's files).
# Each run starts parallax with PARALLAX_DEBUG=1 in a clean HOME, waits for the
# window "Parallax", drops the files with ../shared/tools/xdnd-drop and waits until
# the title starts with "Parallax — ". The app's own timing lines give:
#   first frame  = "window shown X after the process started"
#   drop→shown   = "comparison of N sources shown X after the drop"
# (measured from the drop event, so the drag tool's own pauses are not counted).
# Prints one line per run and the medians. Goals: 300 ms and 1 s for the seeds.
set -euo pipefail
bin=$(realpath "$1"); shift
runs=${1:-5}; [ $# -gt 0 ] && shift
here=$(cd "$(dirname "$0")/.." && pwd)
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  if compgen -G "$here/../shared/seeds/*.txt" >/dev/null; then files=("$here"/../shared/seeds/*.txt)
  else files=("$here"/assets/sample/*.txt "$here"/assets/sample/*.md "$here"/assets/sample/*.html); fi
fi
drop="$here/../shared/tools/xdnd-drop"
[ -x "$drop" ] || { echo "bench-gui: skipped, xdnd-drop is absent (../shared/tools)"; exit 0; }

. "$(dirname "$0")/xvfb.sh"
xvfb_start /dev/null
home=$(mktemp -d); log=$(mktemp)
app=
cleanup() { if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; fi; kill "$xvfb" 2>/dev/null || true; rm -rf "$home" "$log" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

wait_title() { # pattern, seconds
  local end=$((SECONDS + $2))
  while [ $SECONDS -lt $end ]; do
    xdotool search --name "$1" >/dev/null 2>&1 && return 0
    sleep 0.02
  done
  return 1
}
ms() { # a Go duration ("1.5s", "830.2ms", "950µs") in milliseconds
  python3 -c 'import re,sys
s=sys.argv[1]; t=0.0
for v,u in re.findall(r"([0-9.]+)(h|ms|µs|us|ns|m|s)", s):
    t+=float(v)*{"h":3600e3,"m":60e3,"s":1e3,"ms":1,"µs":1e-3,"us":1e-3,"ns":1e-6}[u]
print(round(t))' "$1"
}

first=(); shown=(); outer=()
for r in $(seq "$runs"); do
  rm -rf "$home"/.config "$home"/.cache
  t0=$(date +%s%N)
  HOME="$home" PARALLAX_DEBUG=1 LIBGL_ALWAYS_SOFTWARE=1 "$bin" >"$log" 2>&1 & app=$!
  wait_title '^Parallax' 60 || { echo "bench-gui: no window"; cat "$log"; exit 1; }
  t1=$(date +%s%N)
  sleep 0.5
  "$drop" "Parallax" "${files[@]}" >/dev/null 2>&1 || { echo "bench-gui: the drop failed"; exit 1; }
  wait_title '^Parallax — ' 120 || { echo "bench-gui: no comparison"; cat "$log"; exit 1; }
  sleep 0.2
  f=$(grep -o 'window shown .* after the process started' "$log" | awk '{print $3}')
  s=$(grep -o 'comparison of [0-9]* sources shown .* after the drop' "$log" | tail -1 | awk '{print $6}')
  first+=("$(ms "$f")"); shown+=("$(ms "$s")"); outer+=($(( (t1 - t0) / 1000000 )))
  printf 'run %d: first frame %s ms (window mapped after %s ms); drop of %d files to comparison %s ms\n' \
    "$r" "${first[-1]}" "${outer[-1]}" "${#files[@]}" "${shown[-1]}"
  kill "$app"; wait "$app" 2>/dev/null || true; app=
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
printf 'median of %d runs: first frame %s ms (goal 300), window mapped %s ms, drop-to-comparison %s ms (goal 1000) for %d files\n' \
  "$runs" "$(median "${first[@]}")" "$(median "${outer[@]}")" "$(median "${shown[@]}")" "${#files[@]}"
