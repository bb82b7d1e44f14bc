#!/usr/bin/env bash
# End-to-end test of the real window under Xvfb, as a user would use it:
# start parallax with no arguments, wait for the "Parallax" window, drop the
# seed articles on it with a real XDND drag, wait until the comparison is shown
# (the title gains " — "), and take screenshots into build/e2e/.
# Usage: .ci/e2e.sh ./parallax [FILES...]   (files default to ../shared/seeds/*.txt,
# else the bundled sample)
set -euo pipefail
bin=$(realpath "$1"); shift
here=$(cd "$(dirname "$0")/.." && pwd)
out="$here/build/e2e"; mkdir -p "$out"; rm -f "$out"/*.png
files=("$@")
if [ ${#files[@]} -eq 0 ]; then
  if compgen -G "$here/../shared/seeds/*.txt" >/dev/null; then files=("$here"/../shared/seeds/*.txt)
  else files=("$here"/assets/sample/*); fi
fi
drop="$here/../shared/tools/xdnd-drop"
[ -x "$drop" ] || { echo "e2e: skipped, xdnd-drop is absent (../shared/tools)"; exit 0; }

# Xvfb on a display of its own choosing.
. "$(dirname "$0")/xvfb.sh"
xvfb_start "$out/xvfb.log"
home=$(mktemp -d)   # a clean HOME: no preferences or recent files from earlier runs
app=
cleanup() {
  if [ -n "$app" ]; then kill "$app" 2>/dev/null || true; wait "$app" 2>/dev/null || true; fi
  kill "$xvfb" 2>/dev/null || true
  rm -rf "$home" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 50); do xdpyinfo >/dev/null 2>&1 && break; sleep 0.1; done

t0=$(date +%s%N)
HOME="$home" LIBGL_ALWAYS_SOFTWARE=1 "$bin" >"$out/app.log" 2>&1 & app=$!
wait_title() { # pattern, seconds
  local end=$((SECONDS + $2))
  while [ $SECONDS -lt $end ]; do
    kill -0 "$app" 2>/dev/null || { echo "e2e: parallax exited early:"; cat "$out/app.log"; exit 1; }
    w=$(xdotool search --name "$1" 2>/dev/null | head -n 1) && [ -n "$w" ] && return 0
    sleep 0.05
  done
  return 1
}
wait_title '^Parallax' 60 || { echo "e2e: no window titled Parallax within 60 s"; exit 1; }
t1=$(date +%s%N)
sleep 1
import -window root "$out/1-empty.png"

t2=$(date +%s%N)
"$drop" "Parallax" "${files[@]}" >"$out/drop.log" 2>&1 || { echo "e2e: xdnd-drop failed:"; cat "$out/drop.log"; exit 1; }
wait_title '^Parallax — ' 60 || { echo "e2e: the comparison did not open within 60 s of the drop"; cat "$out/app.log"; import -window root "$out/2-failed.png"; exit 1; }
t3=$(date +%s%N)
sleep 1.5
import -window root "$out/2-compared.png"
title=$(xdotool getwindowname "$(xdotool search --name '^Parallax — ' | head -n 1)")

# The screenshot must show something: a blank or black frame has a handful of colours.
colours=$(identify -format '%k' "$out/2-compared.png")
[ "$colours" -gt 50 ] || { echo "e2e: the screenshot looks blank ($colours colours)"; exit 1; }
kill -0 "$app" || { echo "e2e: parallax died"; exit 1; }
printf 'e2e: window after %d ms; drop of %d files to comparison in %d ms; title "%s"; screenshots in build/e2e/\n' \
  $(( (t1 - t0) / 1000000 )) ${#files[@]} $(( (t3 - t2) / 1000000 )) "$title"
echo "1 passed, 0 failed"
