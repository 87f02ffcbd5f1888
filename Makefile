# brochure — the two commands a new user needs: `make demo` and `make test`.
GO      ?= go
BIN     := bin/brochure
SAMPLE  := examples/year-in-review-2020/report.yaml

.PHONY: all build demo test fuzz bench docs clean

all: build

build:
	$(GO) build -trimpath -o $(BIN) ./cmd/brochure

# The sample brochure and the chart gallery: out/year-in-review-2020.pdf, out/chart-gallery.pdf
demo: build
	@mkdir -p out
	$(BIN) build $(SAMPLE) -o out/year-in-review-2020.pdf
	$(BIN) build examples/chart-gallery/report.yaml -o out/chart-gallery.pdf

# All tests. Needs nothing but Go; qpdf/poppler checks run when installed.
test:
	$(GO) vet ./...
	$(GO) test ./...

# Every fuzz target for FUZZTIME each (go test -fuzz runs one target at a
# time). What they find lands in the package's testdata/fuzz and is then
# replayed by `make test`.
FUZZTIME ?= 20s
fuzz:
	$(GO) test -run '^$$' -fuzz '^FuzzParse$$' -fuzztime $(FUZZTIME) ./data/
	$(GO) test -run '^$$' -fuzz '^FuzzBreak$$' -fuzztime $(FUZZTIME) ./layout/
	$(GO) test -run '^$$' -fuzz '^FuzzBuild$$' -fuzztime $(FUZZTIME) ./cmd/brochure/
	$(GO) test -run '^$$' -fuzz '^FuzzFormat$$' -fuzztime $(FUZZTIME) ./number/

# Benchmarks, 10 runs each, benchstat-ready, into bench/results.txt; then
# the whole process on the sample (wall time and peak memory, GNU time).
bench: build
	@mkdir -p bench out
	$(GO) test -run '^$$' -bench . -benchmem -count 10 ./layout/ ./fonts/ ./charts/ | tee bench/results.txt
	@if [ -x /usr/bin/time ]; then \
		for i in 1 2 3 4 5; do /usr/bin/time -f "process: %e s wall, %M KB max RSS" $(BIN) build $(SAMPLE) -o out/bench.pdf --quiet; done 2>&1 | tee -a bench/results.txt; \
	else echo "GNU time not installed (apt-get install time): no whole-process measure"; fi

# The README's picture of page 1 (needs poppler-utils).
docs: demo
	pdftoppm -r 50 -png -f 1 -l 2 out/year-in-review-2020.pdf docs/page
	
clean:
	rm -rf bin out
