# brochure — the two commands a new user needs: `make demo` and `make test`.
GO      ?= go
BIN     := bin/brochure
SAMPLE  := examples/year-in-review-2020/report.yaml

.PHONY: all build demo test bench docs clean

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

# Benchmarks, 10 runs each, benchstat-ready.
bench:
	$(GO) test -run '^$$' -bench . -benchmem -count 10 ./layout/ ./fonts/ ./charts/ | tee bench.txt

# The README's picture of page 1 (needs poppler-utils).
docs: demo
	pdftoppm -r 50 -png -f 1 -l 2 out/year-in-review-2020.pdf docs/page
	
clean:
	rm -rf bin out
