# brochure — the two commands a new user needs: `make demo` and `make test`.
GO      ?= go
BIN     := bin/brochure
SAMPLE  := examples/year-in-review-2020/report.yaml
SHOWCASE := examples/showcase-2025/report.yaml
# The looks: one file each in theme/ (theme.go and tests are not looks).
LOOKS   := $(filter-out theme %_test,$(basename $(notdir $(wildcard theme/*.go))))

.PHONY: all build demo test lint fuzz bench docs clean

all: build

# Static (no cgo): one file that runs on any Linux, and 1 ms less to start;
# without the symbol table and DWARF (-s -w: 33 MB, not 41; stack traces keep
# their function names and lines).
build:
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags="-s -w" -o $(BIN) ./cmd/brochure

# The sample brochure and the chart gallery: out/year-in-review-2020.pdf, out/chart-gallery.pdf;
# the sample in every look: out/looks/year-in-review-2020-LOOK.pdf;
# then every report of examples/ (the corpus) into out/examples/
demo: build
	@mkdir -p out/examples out/looks
	$(BIN) build $(SAMPLE) -o out/year-in-review-2020.pdf
	for look in $(LOOKS); do $(BIN) build $(SAMPLE) --style $$look -o out/looks/year-in-review-2020-$$look.pdf --quiet || exit 1; done
	for look in $(LOOKS); do $(BIN) build $(SHOWCASE) --style $$look -o out/looks/showcase-2025-$$look.pdf --quiet || exit 1; done
	$(BIN) build examples/chart-gallery/report.yaml -o out/chart-gallery.pdf
	$(BIN) build examples/ -o out/examples/ --quiet || echo "Some examples (Traditional Chinese, Japanese, Korean, the serif body) need the system's CJK fonts: on Debian/Ubuntu apt-get install fonts-noto-cjk. The others are in out/examples/."

# All tests, after lint. Needs nothing but Go; qpdf/poppler checks run
# when installed. The layout package reads 96 builds back in three PDF
# readers (about two minutes on two idle cores); go test's default
# ten-minute limit was reached on a loaded machine, so the limit is 30.
test: lint
	$(GO) test -timeout 30m ./...

# What CI refuses besides failing tests: unformatted code, go vet,
# staticcheck (pinned in go.mod as a tool) and a go.mod that go mod tidy
# would change.
lint:
	@unformatted="$$(gofmt -l .)"; if [ -n "$$unformatted" ]; then echo "gofmt -w needed: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	$(GO) tool staticcheck ./...
	$(GO) mod tidy -diff

# Every fuzz target for FUZZTIME each (go test -fuzz runs one target at a
# time). What they find lands in the package's testdata/fuzz and is then
# replayed by `make test`.
FUZZTIME ?= 20s
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./data/
	$(GO) test -run '^$$' -fuzz '^FuzzParts$$' -fuzztime $(FUZZTIME) ./data/
	$(GO) test -run '^$$' -fuzz '^FuzzBreak$$' -fuzztime $(FUZZTIME) ./layout/
	$(GO) test -run '^$$' -fuzz '^FuzzBuild$$' -fuzztime $(FUZZTIME) ./cmd/brochure/
	$(GO) test -run '^$$' -fuzz '^FuzzFormat$$' -fuzztime $(FUZZTIME) ./number/
	$(GO) test -run '^$$' -fuzz '^FuzzCheck$$' -fuzztime $(FUZZTIME) ./preflight/
	$(GO) test -run '^$$' -fuzz '^FuzzImpose$$' -fuzztime $(FUZZTIME) ./cmd/brochure/
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./svg/
	$(GO) test -run '^$$' -fuzz '^FuzzOpen$$' -fuzztime $(FUZZTIME) ./fonts/
	$(GO) test -run '^$$' -fuzz '^FuzzSource$$' -fuzztime $(FUZZTIME) ./data/
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./fonts/

# Benchmarks, 10 runs each, into bench/results.txt, then their medians
# (benchstat, pinned in go.mod as a tool) into bench/summary.txt: the
# build in memory (BuildSample, BuildLarge), its parts (FontLoad, Embed,
# Subset, Breaker, Chart) and the whole process on the sample
# (Process: wall time and peak RSS of `brochure build`, a new process per
# run). Then GNU time's view of one process, as a cross-check.
BENCHPKGS := ./layout/ ./fonts/ ./charts/ ./internal/pdffile/ ./cmd/brochure/
bench: build
	@mkdir -p bench out
	$(GO) test -run '^$$' -bench . -benchmem -count 10 $(BENCHPKGS) | tee bench/results.txt
	$(GO) tool benchstat bench/results.txt | tee bench/summary.txt
	@if [ -x /usr/bin/time ]; then \
		for i in 1 2 3; do /usr/bin/time -f "process (GNU time): %e s wall, %M KB max RSS" $(BIN) build $(SAMPLE) -o out/bench.pdf --quiet; done 2>&1 | tee -a bench/summary.txt; \
	else echo "GNU time not installed (apt-get install time): BenchmarkProcess above measures the process"; fi

# The README's picture of page 1 (needs poppler-utils).
docs: demo
	pdftoppm -r 50 -png -f 1 -l 2 out/year-in-review-2020.pdf docs/page
	
clean:
	rm -rf bin out
