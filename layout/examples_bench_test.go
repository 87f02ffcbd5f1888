package layout

import (
	"flag"
	"path/filepath"
	"testing"

	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/theme"
)

// benchExample builds the report at path in a look into PDF bytes in
// memory, each time compressing the fonts afresh (as BenchmarkBuildSample),
// and reports the pages so that the cost per page can be compared.
func benchExample(b *testing.B, path, style string) {
	r := load(b, path)
	for _, f := range fonts.Faces() {
		f.Font() // parsed once per process, not per build
	}
	defer func(c fonts.Cache) { fonts.Programs = c }(fonts.Programs)
	fonts.Programs = nil
	if _, err := NewWith(r, Options{Style: style}); err != nil {
		b.Skipf("%s in %s: %v", path, style, err) // the system's CJK fonts are missing, say
	}
	b.ResetTimer()
	for range b.N {
		d, _ := build(b, r, Options{Style: style})
		b.ReportMetric(float64(len(d.Pages)), "pages")
	}
}

// BenchmarkBuildMarketRegulation builds the corpus's slowest report, of
// many hbar charts (labels wrapped at every trial size of pagination) and
// photos: the cost per page should stay near BuildSample's.
func BenchmarkBuildMarketRegulation(b *testing.B) {
	benchExample(b, "../examples/market-regulation-2025/report.yaml", theme.Default)
}

// BenchmarkBuildTechPark builds the corpus's report of most hbar labels.
func BenchmarkBuildTechPark(b *testing.B) {
	benchExample(b, "../examples/tech-park-2025/report.yaml", theme.Default)
}

var wholeCorpus = flag.Bool("corpus", false, "BenchmarkBuildExamples: build the whole corpus in every look")

// BenchmarkBuildExamples builds every report of examples/ in every look,
// one sub-benchmark each, when asked with -corpus (81 builds: too many for
// make bench's ten runs of everything): for profiles of the whole corpus,
// go test -run '^$' -bench BuildExamples -corpus -cpuprofile cpu.out
// ./layout/ (-bench 'BuildExamples/poster/' for one look).
func BenchmarkBuildExamples(b *testing.B) {
	if !*wholeCorpus {
		b.Skip("the whole corpus: run with -corpus")
	}
	paths, err := filepath.Glob("../examples/*/report.yaml")
	if err != nil || len(paths) == 0 {
		b.Fatalf("no example reports: %v", err)
	}
	for _, style := range theme.Names() {
		for _, path := range paths {
			b.Run(style+"/"+filepath.Base(filepath.Dir(path)), func(b *testing.B) { benchExample(b, path, style) })
		}
	}
}
