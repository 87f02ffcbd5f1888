package layout

import (
	"strings"
	"testing"
)

// The looks differ where their data says: the report look numbers its
// sections 一、二 and sets its contents before the body; the poster look
// sets every chart the full width; an unknown look is an error naming
// the looks.
func TestLookDesigns(t *testing.T) {
	r := load(t, "../examples/year-in-review-2020/report.yaml")

	d, err := NewWith(r, Options{Draft: true, Style: "report"})
	if err != nil {
		t.Fatal(err)
	}
	var numbers []string
	contents := false
	for _, p := range d.Pages {
		for _, b := range p.Blocks {
			if e, ok := b.Block.(*tocEntry); ok && p.Number == 2 {
				contents = contents || e.page != ""
			}
			h, ok := b.Block.(*sectionHead)
			if !ok {
				continue
			}
			for _, x := range h.Blocks {
				if n, ok := x.(*numbered); ok {
					numbers = append(numbers, n.Left.(*Paragraph).Spans[0].Text)
				}
			}
		}
	}
	if got := strings.Join(numbers, " "); !strings.HasPrefix(got, "一 二 三") || !strings.Contains(got, "十") {
		t.Errorf("report: sections numbered %q, want 一 二 三 … 十", got)
	}
	if !contents {
		t.Error("report: no contents with page numbers on page 2")
	}

	d, err = NewWith(r, Options{Draft: true, Style: "poster"})
	if err != nil {
		t.Fatal(err)
	}
	charts := 0
	for _, p := range d.Pages {
		for _, b := range p.Blocks {
			row, ok := b.Block.(*Row)
			if !ok {
				continue
			}
			for _, c := range row.Cells {
				if _, ok := c.(*chartBlock); ok {
					charts++
					if row.Columns != 1 || b.W < d.geo.contentW()-1 {
						t.Errorf("poster: page %d: a chart in a row of %d, %.0f pt wide; want the full width %.0f", p.Number, row.Columns, b.W, d.geo.contentW())
					}
				}
			}
		}
	}
	if charts == 0 {
		t.Error("poster: no chart in a row")
	}

	if _, err := NewWith(r, Options{Style: "magazine"}); err == nil || !strings.Contains(err.Error(), "newspaper") {
		t.Errorf("an unknown look: %v, want an error naming the looks", err)
	}
}
