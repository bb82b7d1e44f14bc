#!/usr/bin/env bash
# Installs what Parallax needs on Debian/Ubuntu, skipping what is already there.
#   .ci/deps.sh build   compiler and the C libraries a cgo build of Fyne links
#   .ci/deps.sh test    build + Xvfb and the tools of the end-to-end test
# Prints the path of a Go toolchain new enough for go.mod on its last line.
set -euo pipefail
want=${1:-build}
pkgs=(gcc pkg-config libgl1-mesa-dev libx11-dev libxext-dev libxcursor-dev libxrandr-dev
      libxinerama-dev libxi-dev libxxf86vm-dev libwayland-dev libxkbcommon-dev)
if [ "$want" = test ]; then
  pkgs+=(xvfb imagemagick xdotool x11-utils gir1.2-gtk-3.0 python3 python3-gi)
fi
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" || missing+=("$p")
done
sudo=""; [ "$(id -u)" = 0 ] || sudo=sudo
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  $sudo apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
fi

# Go: the one on PATH (or /usr/local/go) when new enough, else Debian's go
# fetches the toolchain go.mod names from the module proxy.
need=$(sed -n 's/^go \([0-9.]*\).*/\1/p' "$(dirname "$0")/../go.mod")
newer() { printf '%s\n%s\n' "$need" "$1" | sort -V -C; }
for g in "$(command -v go || true)" /usr/local/go/bin/go; do
  [ -x "$g" ] || continue
  v=$("$g" env GOVERSION 2>/dev/null | sed 's/^go//') || continue
  if newer "$v"; then echo "$g"; exit 0; fi
done
command -v go >/dev/null || { DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq golang-go >&2; }
tc="golang.org/toolchain@v0.0.1-go1.26.8.linux-$(dpkg --print-architecture)"
dir=$(cd /tmp && GOFLAGS=-mod=mod go mod download -json "$tc" | sed -n 's/.*"Dir": "\(.*\)".*/\1/p')
echo "$dir/bin/go"
