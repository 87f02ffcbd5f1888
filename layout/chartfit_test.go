package layout

import (
	"testing"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/theme"
)

// A month's 30 bars with short labels (the port's vessel calls) are
// crowded in one column, but stay columns — every n-th day labelled —
// rather than rows of horizontal bars: in every look the layout gives the
// chart the full width, and the chart stretches to a taller box there as
// columns do (a chart reported as rows would keep its height).
func TestMonthOfBarsGetsWidthAndHeight(t *testing.T) {
	r := load(t, "../examples/port-review-2025/report.yaml")
	var month data.Chart
	for _, s := range r.Sections {
		for _, c := range s.Charts {
			if len(c.Data) == 30 {
				month = c
			}
		}
	}
	if month.Type != "bar" {
		t.Fatal("no bar chart of 30 days in the port's report")
	}
	for _, style := range theme.Names() {
		d, err := NewWith(load(t, "../examples/port-review-2025/report.yaml"), Options{Draft: true, Style: style})
		if err != nil {
			t.Fatal(err)
		}
		st, g := d.chartStyle(), d.geo
		if g.figureW() < g.contentW() && !st.Crowded(month, g.figureW()) {
			t.Errorf("%s: 30 bars are not crowded in a column %.0f pt wide", style, g.figureW())
		}
		w := d.ChartWidth(month)
		if w != g.contentW() {
			t.Errorf("%s: the chart is %.0f pt wide, want the full width %.0f", style, w, g.contentW())
		}
		if st.Rows(month, w) || st.Rows(month, g.figureW()) {
			t.Errorf("%s: 30 short labels set as rows (at %.0f or %.0f pt)", style, w, g.figureW())
		}
		b := &chartBlock{chart: month, style: st}
		asked := b.Measure(w)
		if grown := b.taller(w, 2*asked).Measure(w); grown < 1.2*asked {
			t.Errorf("%s: given twice its height the chart grows from %.0f to %.0f pt only", style, asked, grown)
		}
	}
}
