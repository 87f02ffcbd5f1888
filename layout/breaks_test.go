package layout

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/fonts"
)

// TestPruneChangesNoBreak: skipping the lines too loose to be chosen
// (prune) sets every paragraph exactly as trying every line does — the
// corpus, every section of the examples, and random mixes of its
// characters (spaces, figures, Latin words, marks, two sizes) at widths
// from a few characters to a page.
func TestPruneChangesNoBreak(t *testing.T) {
	names, texts := corpus(t)
	var paras [][]Span
	for _, n := range names {
		paras = append(paras, body(texts[n]))
	}
	for _, path := range []string{samplePath, "../examples/mixed-scripts/report.yaml", "../examples/english-2025/report.yaml"} {
		for _, s := range load(t, path).Sections {
			paras = append(paras, body(s.Body))
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	pool := []string{"12345678.9万人次", "2020年3月", "14.98%", " ", " ", "international ", "hyphenation", "——", "……"}
	for _, r := range "全年拆除各类违法建筑面积，。、；：“”（）《》0123456789.%万人次亿元 the quick brown fox" {
		pool = append(pool, string(r), string(r), string(r))
	}
	for range 200 {
		var spans []Span
		for range 1 + rng.IntN(3) {
			n := 5 + rng.IntN(120)
			var rs strings.Builder
			for range n {
				rs.WriteString(pool[rng.IntN(len(pool))])
			}
			size := sizeBody
			if rng.IntN(3) == 0 {
				size *= 1.4
			}
			spans = append(spans, Span{Text: rs.String(), Face: fonts.Regular, Size: size})
		}
		paras = append(paras, spans)
	}
	defer func() { prune = true }()
	for i, spans := range paras {
		for _, width := range []float64{40, 95, 157, 243, 400} {
			for _, set := range []Setting{{Align: Justify, Indent: 2 * sizeBody}, {Align: Justify, TrimStart: true}} {
				prune = true
				got := Break(spans, width, set)
				prune = false
				want := Break(spans, width, set)
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("paragraph %d at %g pt, %+v: pruned lines differ\n got %q\nwant %q", i, width, set, texts1(got), texts1(want))
				}
			}
		}
	}
}

func texts1(lines []Line) []string {
	var s []string
	for _, l := range lines {
		s = append(s, l.Text())
	}
	return s
}
