package layout

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/internal/pdftest"
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
	var at [2]int
	for i, s := range r.Sections {
		for j, c := range s.Charts {
			if len(c.Data) == 30 {
				month, at = c, [2]int{i, j}
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
		w := d.ChartWidth(at[0], at[1])
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

// The figures brochure prints — stat cards, chart values and axis ticks —
// separate thousands as the report's language and its own text do: a
// Taiwan report whose headlines say 1,046 and 90,412 prints its cards so
// (not 1046, 90412), a Hong Kong report its bars' values and ticks
// (2,380宗, 3,000), a Simplified Chinese report that writes 88,300 in its
// text its chart's 27,900 and, beside it, 6,100 (but its cards' 1120 and
// 1500, four digits, as its text writes them), and the mainland sample
// none at all.
func TestFiguresGroupedAsTheReport(t *testing.T) {
	for _, tt := range []struct {
		report   string
		has, not []string
	}{
		{"fire-annual-2025", []string{"1,046件", "90,412趟", "30,218戶", "16,752場所", "2,136人"}, []string{"90412", "30218", "2136人"}},
		{"hong-kong-2025", []string{"1,200餘場", "2,380宗", "3,000"}, []string{"2380", "2960", "3000"}},
		{"hong-kong-bilingual", []string{"27,900宗", "6,100宗", "1,500宗", "1120宗", "1500名"}, []string{"27900", "6100", "1,120", "1,500名"}},
		{"year-in-review-2020", []string{"1653"}, []string{"1,653"}},
		// a figure the text writes only in 万 is written so on its card
		// and the cover; the hotline's number is no figure
		{"jiangcheng-water-2025", []string{"12.6万人", "21.8万件", "64万只"}, []string{"126000", "218000", "640000"}},
		{"hk-fire-ambulance-2025", []string{"86.4萬宗", "16.2萬幢次", "225萬個", "36,820宗"}, []string{"864,000", "162,000", "2,250,000"}},
	} {
		t.Run(tt.report, func(t *testing.T) {
			_, pdf := buildExample(t, load(t, "../examples/"+tt.report+"/report.yaml"), Options{Draft: true}, false)
			text := flat(pdftest.Open(t, pdf).AllText())
			for _, s := range tt.has {
				if !strings.Contains(text, s) {
					t.Errorf("%q is not printed", s)
				}
			}
			for _, s := range tt.not {
				if strings.Contains(text, s) {
					t.Errorf("%q is printed", s)
				}
			}
		})
	}
}

// TestChartWidthAsPlaced: ChartWidth, the width `brochure charts` draws a
// chart at, is the width its page gives it — one text column for the
// tech park's change chart standing in its three columns of text, the
// full width for the university's line chart that follows its short text
// (a hero), though neither takes a row of its own (which alone ChartWidth
// knew: half a row for both).
func TestChartWidthAsPlaced(t *testing.T) {
	for _, tt := range []struct {
		report      string
		section, at int
		want        func(g geometry) float64
	}{
		{"tech-park-2025", 0, 2, func(g geometry) float64 { return (g.contentW() - 2*g.Gutter) / 3 }},
		{"university-research-2025", 2, 0, geometry.contentW},
	} {
		for _, style := range theme.Names() {
			d, err := NewWith(load(t, "../examples/"+tt.report+"/report.yaml"), Options{Draft: true, Style: style})
			if err != nil {
				t.Fatal(err)
			}
			if style == "poster" {
				continue // every chart a row of its own
			}
			if got, want := d.ChartWidth(tt.section, tt.at), tt.want(d.geo); math.Abs(got-want) > 0.01 {
				t.Errorf("%s %s: chart %d of section %d is %.1f pt wide for export, drawn %.1f", style, tt.report, tt.at+1, tt.section+1, got, want)
			}
		}
	}
}

// TestFewBarsKeepTheirHeight: a chart of at most perHalf bars or groups
// in a column grows no taller than fewShape of its width when a page
// would stretch its figures (four quarters, three districts: slabs in a
// box nearly as tall as wide), which leaves it the height its items
// need; five bars, and a line, still grow.
func TestFewBarsKeepTheirHeight(t *testing.T) {
	d, err := NewWith(load(t, "../examples/port-review-2025/report.yaml"), Options{Draft: true})
	if err != nil {
		t.Fatal(err)
	}
	st := d.chartStyle()
	for _, tt := range []struct {
		typ  string
		n    int
		grow bool
	}{{"bar", 2, false}, {"bar", 4, false}, {"grouped", 4, false}, {"bar", 5, true}, {"line", 4, true}} {
		c := data.Chart{Type: tt.typ, Title: "Quarters"}
		for i := range tt.n {
			p := data.Point{Label: fmt.Sprintf("Q%d", i+1), Value: data.Number{Value: float64(10 + i), Text: fmt.Sprint(10 + i)}}
			if tt.typ == "grouped" {
				p.Values, p.Value = []data.Number{p.Value, p.Value}, data.Number{}
			}
			c.Data = append(c.Data, p)
		}
		if tt.typ == "grouped" {
			c.Series = []string{"a", "b"}
		}
		b := &chartBlock{chart: c, style: st}
		const w = 236.64
		asked := b.Measure(w)
		grown := b.taller(w, 2*asked).Measure(w)
		if tt.grow && grown < 1.3*asked {
			t.Errorf("%s of %d: given twice its height, %.0f pt grows to %.0f only", tt.typ, tt.n, asked, grown)
		}
		if most := max(asked, fewShape*w+4); !tt.grow && grown > most+1e-6 {
			t.Errorf("%s of %d: given twice its height, %.0f pt grows to %.0f, over %.0f (%g of its width)", tt.typ, tt.n, asked, grown, most, fewShape)
		}
	}
}
