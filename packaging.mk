# Desktop packaging for Parallax with the Fyne packaging tool, which go.mod
# pins as a Go tool (`tool fyne.io/tools/cmd/fyne`, run as `go tool fyne`).
#
#   make package            Linux bundle: dist/Parallax-VERSION-linux-ARCH.tar.xz
#                           (binary, .desktop entry, icon) and the same unpacked
#                           in dist/linux/
#   make install            the bundle into your menu: ~/.local/bin/parallax,
#                           ~/.local/share/applications/io.parallax.app.desktop,
#                           ~/.local/share/icons/hicolor/512x512/apps/io.parallax.app.png
#   make uninstall          removes what `make install` put there
#   make package-windows    dist/Parallax-VERSION-windows-amd64.exe with its icon,
#                           cross-built with mingw-w64
#
# Included by the Makefile; also works alone: `make -f packaging.mk package`.
# Each target first installs the Debian packages it lacks (with sudo when not
# root). Name, ID, version and icon come from FyneApp.toml. PKG_FROM=HEAD
# packages the last commit instead of the work tree.
#
# The Fyne tool builds inside a copy of the source tree under build/, so a
# package build never leaves files in the work tree (the tool writes a
# temporary fyne_metadata_init.go next to main.go and bumps Build in
# FyneApp.toml) and never replaces ./parallax.

ifeq ($(origin GO),undefined)
GO := $(shell .ci/deps.sh build | tail -n 1)
endif

PKG_APP_ID  := $(shell sed -n 's/^ID *= *"\(.*\)"/\1/p' FyneApp.toml)
PKG_NAME    := $(shell sed -n 's/^Name *= *"\(.*\)"/\1/p' FyneApp.toml)
PKG_VERSION := $(shell sed -n 's/^Version *= *"\(.*\)"/\1/p' FyneApp.toml)
PKG_BUILD   := build/pkgsrc
PKG_ARCH    := $(shell $(GO) env GOARCH 2>/dev/null || uname -m)
PKG_LINUX   := dist/$(PKG_NAME)-$(PKG_VERSION)-linux-$(PKG_ARCH).tar.xz
PKG_WINDOWS := dist/$(PKG_NAME)-$(PKG_VERSION)-windows-amd64.exe
MINGW_CC    ?= x86_64-w64-mingw32-gcc

# Where `make install` puts things (override on the command line).
BINDIR  ?= $(HOME)/.local/bin
DATADIR ?= $(or $(XDG_DATA_HOME),$(HOME)/.local/share)

# Everything a package is built from.
PKG_INPUTS := FyneApp.toml go.mod go.sum $(shell find assets -type f) \
	$(shell find . \( -path ./.git -o -path ./build -o -path ./dist \) -prune -o -name '*.go' -print)

# $(call pkg-need-debs,PACKAGE...) installs the Debian packages that are missing.
define pkg-need-debs
	@if command -v dpkg-query >/dev/null; then \
	  missing=""; \
	  for p in $(1); do \
	    dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "ok installed" || missing="$$missing $$p"; \
	  done; \
	  if [ -n "$$missing" ]; then \
	    sudo=""; [ "$$(id -u)" = 0 ] || sudo=sudo; \
	    echo "installing:$$missing"; \
	    $$sudo apt-get update -qq && \
	    $$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	  fi; \
	else \
	  echo "not a Debian system: make sure these are installed: $(1)"; \
	fi
endef

# $(call pkg-copy-tree,DIR) makes DIR a fresh copy of the sources:
# the work tree's tracked and untracked files (not what .gitignore ignores),
# or with PKG_FROM=REV (such as PKG_FROM=HEAD) that commit, ignoring
# uncommitted changes.
PKG_FROM ?=
define pkg-copy-tree
	rm -rf $(1) && mkdir -p $(1)
	if [ -n "$(PKG_FROM)" ]; then \
	  git archive --format=tar "$(PKG_FROM)" | tar -xf - -C $(1); \
	elif git rev-parse --is-inside-work-tree >/dev/null 2>&1; then \
	  git ls-files -z -co --exclude-standard | \
	    while IFS= read -r -d '' f; do [ -f "$$f" ] && printf '%s\0' "$$f"; done | \
	    xargs -0 cp --parents -t $(1); \
	else \
	  tar -cf - --exclude=./build --exclude=./dist --exclude=./parallax --exclude=./parallax-cli . | \
	    tar -xf - -C $(1); \
	fi
endef

.PHONY: package install uninstall package-windows

package: $(PKG_LINUX)

$(PKG_LINUX): SHELL := /bin/bash
$(PKG_LINUX): $(PKG_INPUTS)
	@.ci/deps.sh build >/dev/null
	$(call pkg-need-debs,tar xz-utils)
	$(call pkg-copy-tree,$(PKG_BUILD)-linux)
	cd $(PKG_BUILD)-linux && GOFLAGS=-buildvcs=false GO=$(GO) $(GO) tool fyne package -os linux --release
	mkdir -p dist && mv $(PKG_BUILD)-linux/$(PKG_NAME).tar.xz $@
	rm -rf $(PKG_BUILD)-linux dist/linux && mkdir -p dist/linux && tar -xJf $@ -C dist/linux
	@echo "package: $@ ($$(du -h $@ | cut -f1)); unpacked in dist/linux/"
	@find dist/linux -type f | sort

install: $(PKG_LINUX)
	$(call pkg-need-debs,desktop-file-utils)
	@bin=$$(find dist/linux -path '*/bin/*' -type f | head -n 1); \
	desk=$$(find dist/linux -name '$(PKG_APP_ID).desktop' | head -n 1); \
	icon=$$(find dist/linux -path '*/pixmaps/*' -name '$(PKG_APP_ID).*' | head -n 1); \
	test -n "$$bin" -a -n "$$desk" -a -n "$$icon" || { echo "install: dist/linux is incomplete; run make package"; exit 1; }; \
	exe=$$(basename $$bin); \
	install -Dm755 "$$bin" "$(BINDIR)/$$exe" && \
	install -Dm644 "$$icon" "$(DATADIR)/icons/hicolor/512x512/apps/$$(basename $$icon)" && \
	mkdir -p "$(DATADIR)/applications" && \
	sed -e "s|^Exec=$$exe|Exec=$(BINDIR)/$$exe|" "$$desk" > "$(DATADIR)/applications/$(PKG_APP_ID).desktop" && \
	chmod 644 "$(DATADIR)/applications/$(PKG_APP_ID).desktop" && \
	{ update-desktop-database -q "$(DATADIR)/applications" 2>/dev/null || true; } && \
	touch "$(DATADIR)/icons/hicolor" && \
	echo "installed: $(BINDIR)/$$exe, $(DATADIR)/applications/$(PKG_APP_ID).desktop, $(DATADIR)/icons/hicolor/512x512/apps/$$(basename $$icon)"

uninstall:
	rm -f "$(BINDIR)/parallax" "$(DATADIR)/applications/$(PKG_APP_ID).desktop" \
	  "$(DATADIR)/icons/hicolor/512x512/apps/$(PKG_APP_ID).png"
	-update-desktop-database -q "$(DATADIR)/applications" 2>/dev/null

package-windows: $(PKG_WINDOWS)

# `go tool` would build the Fyne tool itself for GOOS=windows, so the tool is
# built for this machine first (`go tool -n` prints its path) and then run
# with the cross compiler. The tool compiles C with -fstack-protector-strong,
# which mingw-w64 resolves from libssp: linked statically (CGO_LDFLAGS=-l:libssp.a)
# so the .exe needs no libssp-0.dll beside it.
$(PKG_WINDOWS): SHELL := /bin/bash
$(PKG_WINDOWS): $(PKG_INPUTS)
	$(call pkg-need-debs,gcc-mingw-w64-x86-64)
	$(call pkg-copy-tree,$(PKG_BUILD)-windows)
	fyne=$$($(GO) tool -n fyne) && cd $(PKG_BUILD)-windows && \
	  GOFLAGS=-buildvcs=false GO=$(GO) CC=$(MINGW_CC) CGO_LDFLAGS=-l:libssp.a CGO_ENABLED=1 GOOS=windows GOARCH=amd64 \
	  $$fyne package -os windows --release
	mkdir -p dist && mv $(PKG_BUILD)-windows/$(PKG_NAME).exe $@
	rm -rf $(PKG_BUILD)-windows
	@echo "package-windows: $@ ($$(du -h $@ | cut -f1))"
