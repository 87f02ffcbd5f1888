package layout

import (
	"fmt"
	"testing"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/fonts"
)

// large is a report of n sections made from the sample's (≈60 pages and
// 60 charts at n = 100): the same code path as the sample, at scale.
func large(b *testing.B, n int) *data.Report {
	r := load(b, samplePath)
	big := *r
	big.Sections = nil
	for i := 0; len(big.Sections) < n; i++ {
		s := r.Sections[i%len(r.Sections)]
		s.Title = fmt.Sprintf("%s（%d）", s.Title, i+1)
		big.Sections = append(big.Sections, s)
	}
	return &big
}

// BenchmarkBuildLarge should cost about n/10 times BuildSample: layout is
// linear in the sections.
func BenchmarkBuildLarge(b *testing.B) {
	r := large(b, 100)
	defer func(c fonts.Cache) { fonts.Programs = c }(fonts.Programs)
	fonts.Programs = nil // as BuildSample
	b.ResetTimer()
	for range b.N {
		d, _ := build(b, r, Options{})
		b.ReportMetric(float64(len(d.Pages)), "pages")
	}
}
