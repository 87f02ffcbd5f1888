package layout

import (
	"fmt"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/theme"
)

// TestTimelineType: a timeline's entries are set in the look's body size
// on its leading (not a size of their own, a seventh on the page), and a
// month of one entry takes at most two lines of the grid, so that a
// year of twelve months stands on one page rather than leaving a few
// entries alone on the next.
func TestTimelineType(t *testing.T) {
	var b strings.Builder
	b.WriteString("title: 大事记\ndate: 2025-12-31\nsections:\n  - title: 大事记\n    timeline:\n")
	for m := 1; m <= 12; m++ {
		fmt.Fprintf(&b, "      - {date: 2025-%02d-%02d, text: 第%d件事，全市公安机关开展专项行动。}\n", m, m+3, m)
	}
	r, err := data.Parse("timeline.yaml", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	for _, style := range theme.Names() {
		t.Run(style, func(t *testing.T) {
			d, _ := build(t, r, Options{Style: style})
			sc := d.Theme.Scale
			var tl *timelineBlock
			var w float64
			for _, p := range d.Pages {
				for _, pl := range p.Blocks {
					if b, ok := pl.Block.(*timelineBlock); ok {
						if tl != nil {
							t.Fatalf("page %d: the twelve months are split", p.Number)
						}
						tl, w = b, pl.W
					}
				}
			}
			if tl == nil {
				t.Fatal("no timeline laid out")
			}
			s := tl.layout(w)
			for i, ls := range s.text {
				for _, l := range ls {
					if l.Size != sc.Body {
						t.Errorf("entry %d: set in %.1f pt, the body is %.1f pt", i+1, l.Size, sc.Body)
					}
				}
			}
			tops, _ := tl.tops(s)
			for i := 1; i < len(tops); i++ {
				if pitch := tops[i] - tops[i-1]; pitch > 2*sc.Lead+0.01 {
					t.Errorf("month %d: %.1f pt below month %d, more than two lines of %.1f pt", i+1, pitch, i, sc.Lead)
				}
			}
		})
	}
}
