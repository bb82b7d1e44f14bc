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
# After the last run it scrolls the columns view 40 wheel steps with xdotool
# and reports the process's CPU time per step (Xvfb renders with Mesa's
# software GL, in the process, so most of it is drawing).
# Without FILES it then does the same for 50 versions of 10,000 words written
# by ../shared/eval/gen-versions.py (BIG_RUNS runs, default 3; BIG_RUNS=0 skips),
# and reports the main goroutine's share of showing the comparison.
# Prints one line per run and the medians. Goals: 300 ms and 1 s for the seeds.
set -euo pipefail
bin=$(realpath "$1"); shift
runs=${1:-5}; [ $# -gt 0 ] && shift
here=$(cd "$(dirname "$0")/.." && pwd)
files=("$@")
given=${#files[@]}
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
big=
cleanup() { if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; fi; kill "$xvfb" 2>/dev/null || true; rm -rf "$home" "$log" $big 2>/dev/null || true; }
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

cpu_ms() { # CPU time (user + system) of process $1 so far, in ms
  awk -v t="$(getconf CLK_TCK)" '{print int(($14 + $15) * 1000 / t)}' "/proc/$1/stat"
}
scroll_cost() { # CPU ms per wheel step of the columns view, idle use subtracted
  local wid c0 c1 c2 t0 t1 t2 steps=40
  wid=$(xdotool search --name '^Parallax — ' | head -n 1)
  xdotool mousemove --window "$wid" 450 400; sleep 0.5
  c0=$(cpu_ms "$app"); t0=$(date +%s%N); sleep 1
  c1=$(cpu_ms "$app"); t1=$(date +%s%N)
  for _ in $(seq $steps); do xdotool click 5; sleep 0.03; done
  sleep 0.5
  c2=$(cpu_ms "$app"); t2=$(date +%s%N)
  python3 -c 'import sys
c0,c1,c2,t0,t1,t2,n=map(int,sys.argv[1:])
idle=(c1-c0)/((t1-t0)/1e6)
print(round(max(0,(c2-c1)-idle*(t2-t1)/1e6)/n,1))' "$c0" "$c1" "$c2" "$t0" "$t1" "$t2" "$steps"
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }

# bench FILES...: $runs runs of a drop; sets first, shown, outer, main, scroll
bench() {
  first=(); shown=(); outer=(); main=(); scroll=
  for r in $(seq "$runs"); do
    rm -rf "$home"/.config "$home"/.cache
    t0=$(date +%s%N)
    HOME="$home" PARALLAX_DEBUG=1 LIBGL_ALWAYS_SOFTWARE=1 "$bin" >"$log" 2>&1 & app=$!
    wait_title '^Parallax' 60 || { echo "bench-gui: no window"; cat "$log"; exit 1; }
    t1=$(date +%s%N)
    sleep 0.5
    "$drop" "Parallax" "$@" >/dev/null 2>&1 || { echo "bench-gui: the drop failed"; exit 1; }
    wait_title '^Parallax — ' 300 || { echo "bench-gui: no comparison"; cat "$log"; exit 1; }
    sleep 0.2
    f=$(grep -o 'window shown .* after the process started' "$log" | awk '{print $3}')
    s=$(grep -o 'comparison of [0-9]* sources shown .* after the drop' "$log" | tail -1 | awk '{print $6}')
    m=$(grep -o 'job [0-9]*: shown in [^ ]*' "$log" | tail -1 | awk '{print $5}')
    first+=("$(ms "$f")"); shown+=("$(ms "$s")"); outer+=($(( (t1 - t0) / 1000000 ))); main+=("$(ms "$m")")
    printf 'run %d: first frame %s ms (window mapped after %s ms); drop of %d files to comparison %s ms (main goroutine %s ms)\n' \
      "$r" "${first[-1]}" "${outer[-1]}" "$#" "${shown[-1]}" "${main[-1]}"
    if [ "$r" -eq "$runs" ]; then scroll=$(scroll_cost); fi
    kill "$app"; wait "$app" 2>/dev/null || true; app=
  done
}

bench "${files[@]}"
printf 'median of %d runs: first frame %s ms (goal 300), window mapped %s ms, drop-to-comparison %s ms (goal 1000) for %d files; scrolling the columns %s ms CPU a wheel step\n' \
  "$runs" "$(median "${first[@]}")" "$(median "${outer[@]}")" "$(median "${shown[@]}")" "${#files[@]}" "$scroll"

gen="$here/../shared/eval/gen-versions.py"
runs=${BIG_RUNS:-3}
if [ "$given" -eq 0 ] && [ "$runs" -gt 0 ] && [ -f "$gen" ] && [ -d "$here/../shared/seeds" ]; then
  big=$(mktemp -d)
  python3 "$gen" "$here/../shared/seeds" "$big" 50 10000 >/dev/null
  bench "$big"/*.txt
  printf 'median of %d runs, 50 x 10,000 words: drop-to-comparison %s ms (of which the main goroutine %s ms); scrolling the columns of 50 sources %s ms CPU a wheel step\n' \
    "$runs" "$(median "${shown[@]}")" "$(median "${main[@]}")" "$scroll"
fi
