package layout

import (
	"fmt"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/internal/pdftest"
	"github.com/brochure-dev/brochure/theme"
)

// TestCoverFiguresGrow: a cover of one or two key figures, which leaves
// room below them in every look, sets them larger than its grid's size
// (the big numbers carry the page, not the space between them); with one
// to three, all are of one size and none runs out of its card.
func TestCoverFiguresGrow(t *testing.T) {
	for _, style := range theme.Names() {
		for _, n := range []int{1, 2, 3} {
			t.Run(fmt.Sprintf("%s/%d", style, n), func(t *testing.T) {
				var b strings.Builder
				b.WriteString("title: 宁波公安这一年\ndate: 2021-01-18\nsections:\n")
				for i := range n {
					fmt.Fprintf(&b, "  - title: 第%d部分\n    stats:\n      - {value: %d, unit: 起, label: 破获案件}\n", i+1, 1200+i*37)
				}
				r, err := data.Parse("cover.yaml", []byte(b.String()))
				if err != nil {
					t.Fatal(err)
				}
				d, _ := build(t, r, Options{Style: style})
				grid := coverGrids(n, d.geo)[0].big * d.Theme.Cover.Figures
				var sizes []float64
				for _, p := range d.Pages[0].Blocks {
					row, ok := p.Block.(*Row)
					if !ok {
						continue
					}
					cw := (p.W - row.Gutter*float64(row.Columns-1)) / float64(row.Columns)
					for _, c := range row.Cells {
						if sc, ok := c.(*statCard); ok {
							if _, set := sc.setFigure(cw); set < sc.big-0.01 {
								t.Errorf("%s: set at %.1f pt in its card, the others at %.1f", sc.stat.Value.Text, set, sc.big)
							}
							sizes = append(sizes, sc.big)
						}
					}
				}
				if len(sizes) != n {
					t.Fatalf("%d figures on the cover, want %d", len(sizes), n)
				}
				for _, s := range sizes {
					if s != sizes[0] {
						t.Errorf("figures of %v pt: want one size", sizes)
						break
					}
				}
				if n < 3 && sizes[0] <= grid {
					t.Errorf("figures at %.1f pt, the grid's %.1f: they did not grow into the room", sizes[0], grid)
				}
			})
		}
	}
}

// TestCoverFootAfterGrowth: figures that can grow but little (three on
// A5, hemmed in by their cards' width) leave the room to the band, as
// they did before they grew: the cover of a bilingual A5 review keeps no
// blank band over 12 % of the page (14 % in the report look when the
// figures kept it).
func TestCoverFootAfterGrowth(t *testing.T) {
	r := load(t, "../examples/hong-kong-bilingual/report.yaml")
	for _, style := range theme.Names() {
		_, pdf := buildExample(t, r, Options{Style: style}, false)
		if band := blankBand(pdftest.Render(t, pdf, 0, 40)); band > 0.12 {
			t.Errorf("%s: a blank band of %.0f %% on the cover", style, band*100)
		}
	}
}

// TestCoverWideFigures: three key figures too wide to stand three across
// A5 at the cover's size (each shrunk alone in its card, to half the
// cover's size: the charity brief's) stand two and one, all whole at one
// size; three short ones keep three across, as do wide ones on A4.
func TestCoverWideFigures(t *testing.T) {
	for _, tt := range []struct {
		name, paper, stat string
		cols              int
	}{
		{"wide on A5", "A5", "{value: 1284, unit: children, label: reading weekly}", 2},
		{"short on A5", "A5", "{value: 12, unit: 起, label: 破获案件}", 3},
		{"wide on A4", "A4", "{value: 1284, unit: children, label: reading weekly}", 3},
	} {
		for _, style := range []string{"newspaper", "report"} {
			t.Run(tt.name+"/"+style, func(t *testing.T) {
				var b strings.Builder
				fmt.Fprintf(&b, "title: Quarterly Brief\nlanguage: en-GB\nsummary: More children read with a volunteer every week.\ntheme: {style: %s, paper: %s}\nsections:\n", style, tt.paper)
				for i := range 3 {
					fmt.Fprintf(&b, "  - title: Part %d\n    stats:\n      - %s\n", i+1, tt.stat)
				}
				r, err := data.Parse("cover.yaml", []byte(b.String()))
				if err != nil {
					t.Fatal(err)
				}
				d, _ := build(t, r, Options{Draft: true})
				cols, n := 0, 0
				for _, p := range d.Pages[0].Blocks {
					row, ok := p.Block.(*Row)
					if !ok {
						continue
					}
					cols = row.Columns
					cw := (p.W - row.Gutter*float64(row.Columns-1)) / float64(row.Columns)
					for _, c := range row.Cells {
						if sc, ok := c.(*statCard); ok {
							n++
							if _, set := sc.setFigure(cw); tt.cols == 2 && set < sc.big-0.01 {
								t.Errorf("%s set at %.1f pt in its card, the grid's %.1f", sc.stat.Value.Text, set, sc.big)
							}
						}
					}
				}
				if n != 3 || cols != tt.cols {
					t.Errorf("%d figures in rows of %d columns, want 3 in %d", n, cols, tt.cols)
				}
			})
		}
	}
}
