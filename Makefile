# Parallax. `make run` and `make test` work on a fresh Debian/Ubuntu machine:
# both install what is missing first (.ci/deps.sh).
SHELL := /bin/bash
GO    := $(shell .ci/deps.sh test | tail -n 1)
SEEDS := ../shared/seeds
EVAL  := ../shared/eval
BIN   := ./parallax
# The app declares the fyneDo migration (FyneApp.toml); build and race-test it
# the way the Fyne packaging tool builds it.
TAGS  := migrated_fynedo
export GOFLAGS := -buildvcs=false

# Packages that test without cgo or a display: the engine, the widgets, the CLI.
PURE := ./data/... ./views/... ./app/cli/... ./assets/...

.PHONY: run build cli test test-unit test-race accuracy e2e bench bench-gui fuzz clean

run: build
	$(BIN) --sample

build:
	$(GO) build -tags $(TAGS) -o $(BIN) .

# The command line alone, without cgo (fast to build).
cli:
	CGO_ENABLED=0 $(GO) build -tags nogui -o $(BIN)-cli .

test: test-unit test-race accuracy e2e
	@echo "make test: all passed"

# Unit, widget, golden and fuzz-seed tests, plus vet and gofmt.
test-unit:
	@bad=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	  if [ -n "$$bad" ]; then echo "not gofmt-formatted:"; echo "$$bad"; exit 1; fi
	CGO_ENABLED=0 $(GO) vet -tags nogui $(PURE)
	CGO_ENABLED=0 $(GO) test -count=1 $(PURE)

# The engine and the app under the race detector (needs cgo).
test-race:
	$(GO) test -race -tags $(TAGS) -count=1 ./data/... ./app/...

# Accuracy on the seed articles against the gold, with the bars the issues set.
accuracy: cli
	@if [ ! -d $(SEEDS) ]; then echo "accuracy: skipped, $(SEEDS) is absent"; exit 0; fi; \
	$(BIN)-cli compare --format json $(SEEDS)/*.txt > .accuracy.json && \
	python3 $(EVAL)/score.py --gold $(EVAL)/seeds-gold.json --comparison .accuracy.json \
	  $(shell cat .ci/accuracy-bars 2>/dev/null); rc=$$?; rm -f .accuracy.json; exit $$rc

# End to end under Xvfb: launch, drop the seeds with xdnd-drop, screenshot.
e2e: build
	.ci/e2e.sh $(BIN)

bench:
	GO=$(GO) .ci/bench.sh

# Time to first frame and drop-to-comparison of the real window under Xvfb.
bench-gui: build
	.ci/bench-gui.sh $(BIN) 5

fuzz:
	GO=$(GO) .ci/fuzz.sh $(or $(FUZZTIME),60s)

clean:
	rm -rf $(BIN) $(BIN)-cli build dist

-include packaging.mk
