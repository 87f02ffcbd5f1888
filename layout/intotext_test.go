package layout

import (
	"testing"

	"github.com/brochure-dev/brochure/data"
)

// TestIntoTextThinner: a chart of many rows (an hbar, or a bar chart set
// as rows at the full width as in a column) that does not fit at a
// page's foot is set into the text above it, its bars and gaps thinner
// as far as the page needs, down to its Smallest and no further, and at
// its own height where that fits.
func TestIntoTextThinner(t *testing.T) {
	st := defaultTheme().charts("zh")
	const w = 500.0
	for _, c := range []data.Chart{
		{Type: "hbar", Title: "各村收入", Data: items(23)},
		{Type: "bar", Title: "各村收入", Data: items(23)},
	} {
		text := flowOf(4, 5, false)
		chart := &chartBlock{chart: c, style: st}
		cw := text.colWidth(w)
		if !narrows(chart, cw, w) {
			t.Fatalf("%s: a chart of rows is not set into a column", c.Type)
		}
		in := func(h float64) (*Flow, bool) {
			p := &Page{Blocks: []Placed{{Block: text, W: w, H: text.Measure(w)}}}
			_, _, ok := intoText(p, &Row{Cells: []Block{chart}, Columns: 1}, Frame{W: w, H: h}, text.Measure(w))
			f, _ := p.Blocks[0].Block.(*Flow)
			return f, ok
		}
		whole := *text
		whole.Float = chart
		own := whole.Measure(w)
		least := st.Smallest(c, cw) + chartPad
		if least >= chart.Measure(cw)-2*text.Leading {
			t.Fatalf("%s: smallest %.1f pt, own %.1f: too little to thin", c.Type, least, chart.Measure(cw))
		}
		if f, ok := in(own); !ok || f.Float != chart {
			t.Errorf("%s: in a page of its own height: set %v, want it at its own size", c.Type, ok)
		}
		if f, ok := in(own - 2*text.Leading); !ok {
			t.Errorf("%s: two rows short, not set into the text", c.Type)
		} else if m := f.Float.Measure(cw); m >= chart.Measure(cw) || m < least-1e-6 {
			t.Errorf("%s: two rows short, the chart %.1f pt, want under its own %.1f and %.1f at least", c.Type, m, chart.Measure(cw), least)
		}
		thin := *text
		thin.Float = chart.thinner(cw, least)
		if _, ok := in(thin.Measure(w) - text.Leading); ok {
			t.Errorf("%s: set into the text a row shorter than its smallest allows", c.Type)
		}
	}
}
