# Sourced by the Xvfb scripts: starts Xvfb on a display it picks itself
# (-displayfd, so two runs at once never share one), exports DISPLAY and sets
# $xvfb to its process id. Argument: the file for Xvfb's log.
xvfb_start() {
  local fdfile; fdfile=$(mktemp)
  Xvfb -displayfd 9 -screen 0 1280x800x24 -nolisten tcp 9>"$fdfile" >"$1" 2>&1 & xvfb=$!
  for _ in $(seq 100); do [ -s "$fdfile" ] && break; sleep 0.05; done
  [ -s "$fdfile" ] || { echo "Xvfb did not start:"; cat "$1"; rm -f "$fdfile"; return 1; }
  export DISPLAY=":$(tr -d '[:space:]' <"$fdfile")"
  rm -f "$fdfile"
}
