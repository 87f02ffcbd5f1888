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

// TestTimelineYears: a month's label with its year over it (the first
// month of a new year) never reaches into the label of the month above,
// even when that month has one entry of one line (minato's 11月 and 2025).
func TestTimelineYears(t *testing.T) {
	src := "title: 大事记\ndate: 2025-07-01\nlanguage: ja\nsections:\n  - title: 大事記\n    timeline:\n" +
		"      - {date: 2024-09-01, text: 総合防災訓練を実施。}\n" +
		"      - {date: 2024-11-03, text: 記念式典を開催。}\n" +
		"      - {date: 2025-01-17, text: 設置が完了。}\n" +
		"      - {date: 2025-03, text: 完成。}\n" +
		"      - {date: 2026-02-01, text: 開始。}\n"
	r, err := data.Parse("timeline.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, style := range theme.Names() {
		t.Run(style, func(t *testing.T) {
			d, _ := buildExample(t, r, Options{Style: style}, false)
			years := 0
			for _, p := range d.Pages {
				for _, pl := range p.Blocks {
					tl, ok := pl.Block.(*timelineBlock)
					if !ok {
						continue
					}
					tops, _ := tl.tops(tl.layout(pl.W))
					prev := -1
					for k, i := 0, tl.from; i < tl.to; k, i = k+1, i+1 {
						if !tl.opens(i) {
							continue
						}
						if prev >= 0 {
							_, bottom := tl.label(prev, tops[prev-tl.from])
							top, _ := tl.label(i, tops[k])
							if top < bottom {
								t.Errorf("%s's label (from %.1f) runs into the month's above (to %.1f)", tl.events[i].Date, top, bottom)
							}
							if tl.showsYear(i) {
								years++
							}
						}
						prev = i
					}
				}
			}
			if years < 2 {
				t.Errorf("%d new years checked, want 2", years)
			}
		})
	}
}
