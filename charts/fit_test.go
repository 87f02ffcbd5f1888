package charts

import (
	"fmt"
	"math"
	"strconv"
	"testing"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/internal/draw"
	"github.com/brochure-dev/brochure/internal/pdftest"
)

// Label sets of the shapes charts must fit: short and long Chinese, English.
var fitLabels = []struct {
	name string
	lang string
	make func(i int) string
}{
	{"short", "zh-CN", func(i int) string {
		return []string{"海曙区", "江北区", "鄞州区", "镇海区", "北仑区", "奉化区"}[i%6] + strconv.Itoa(i+1)
	}},
	{"long", "zh-CN", func(i int) string {
		return []string{"宁波高新技术产业开发区", "宁波杭州湾新区管委会", "宁波保税区（出口加工区）", "梅山物流产业集聚区"}[i%4] + strconv.Itoa(i+1)
	}},
	{"english", "en", func(i int) string {
		return []string{"Criminal cases", "Traffic accidents", "Fraud over the internet", "Burglary"}[i%4] + " " + strconv.Itoa(i+1)
	}},
}

var fitCounts = []int{1, 2, 3, 5, 8, 12, 20, 30}

// fitChart is a chart of kind typ with n items labelled by label.
func fitChart(typ string, n int, label func(int) string) data.Chart {
	c := data.Chart{Type: typ, Title: fmt.Sprintf("%s 图表 %d", typ, n)}
	switch typ {
	case "pie", "stacked":
		c.Unit = "万元"
	case "change":
		c.Unit, c.Better = "%", "lower"
	case "grouped":
		c.Series = []string{"2019年", "2020年"}
	case "line", "area":
		c.Unit = "起"
		if n%2 == 0 {
			c.Series = []string{"2019年", "2020年"}
		}
		if n > 1 {
			c.Highlight = label(n / 2)
		}
		c.Target = nump("400")
	default:
		c.Unit = "起"
	}
	switch typ {
	case "donut", "progress", "waffle":
		// one share of growing figures; past the whole for n over 20
		// (not for waffle), in 万 from 5 items on
		total := 20
		if typ == "waffle" {
			total = 30
		}
		c.Value = nump(strconv.Itoa(n * 1234567))
		c.Total = nump(strconv.Itoa(total * 1234567))
		c.Unit = label(0)
		if n >= 5 {
			c.Format = "wan"
		}
		return c
	}
	for i := 0; i < n; i++ {
		v := float64((i*7919)%997 + 3)
		if typ == "change" || typ == "bar" && i%5 == 3 {
			v = math.Round(v-500) / 10
		}
		p := data.Point{Label: label(i), Value: num(strconv.FormatFloat(v, 'f', -1, 64))}
		if typ == "grouped" || c.Series != nil {
			p.Values = []data.Number{p.Value, num(strconv.Itoa((i*31)%400 + 1))}
			p.Value = data.Number{}
		}
		c.Data = append(c.Data, p)
	}
	return c
}

// Every kind that takes a list of items, with 1 to 30 items of short, long
// and English labels, in a brochure column: no two glyphs (as PDFium
// measures them) overlap, and none sticks out of the chart's box; no
// painted shape leaves the box either.
func TestFitShapes(t *testing.T) {
	const x, y = 40.0, 40.0
	widths := []float64{150, 236.64, 480} // narrow, a figure of a row, the full width
	for _, typ := range []string{"bar", "hbar", "grouped", "pie", "stacked", "change", "line", "area", "donut", "progress", "waffle"} {
		for _, ls := range fitLabels {
			t.Run(typ+"/"+ls.name, func(t *testing.T) {
				st := testStyle
				st.Lang = ls.lang
				words := newDoc(t)
				type page struct {
					n          int
					x, y, w, h float64
					shapes     bounds
				}
				var pages []page
				for _, n := range fitCounts {
					if n == 1 && (typ == "line" || typ == "area") {
						n = 2 // a trend has two points at least
					}
					for _, w := range widths {
						if w != 236.64 && n != 1 && n != 5 && n != 12 && n != 30 {
							continue // the other widths at fewer counts, to keep the test quick
						}
						if len(pages) > 0 {
							words.AddPage()
						}
						c := fitChart(typ, n, ls.make)
						h := st.Height(c, w)
						if err := Draw(words.canvas(), c, x, y, w, h, st); err != nil {
							t.Fatalf("%d items: %v", n, err)
						}
						pages = append(pages, page{n, x, y, w, h, pathBounds(words.canvas().Page.Items)})
					}
				}
				doc := pdftest.Open(t, output(t, words))
				for i, pg := range doc.Pages {
					b := pages[i]
					at := fmt.Sprintf("%d items at %.0f pt", b.n, b.w)
					// a stroke may reach half its width (at most 0.5 pt) past its path
					const eps, half = 0.05, 0.5
					if l, tp, r, bt := b.shapes.l, b.shapes.t, b.shapes.r, b.shapes.b; b.shapes.painted && (l < b.x-half || r > b.x+b.w+half || tp < b.y-half || bt > b.y+b.h+half) {
						t.Errorf("%s: shapes span x %.1f..%.1f y %.1f..%.1f, outside the box %v", at, l, r, tp, bt, b)
					}
					var chars []pdftest.Char
					for _, ch := range pg.Chars {
						if !ch.Generated && ch.R != ' ' && ch.Box.Right > ch.Box.Left {
							chars = append(chars, ch)
						}
					}
					top, bottom := pg.Height-b.y, pg.Height-(b.y+b.h)
					for j, a := range chars {
						if a.Box.Left < b.x-eps || a.Box.Right > b.x+b.w+eps || a.Box.Top > top+eps || a.Box.Bottom < bottom-eps {
							t.Errorf("%s: %q at %+v outside the chart box", at, a.R, a.Box)
						}
						for _, c := range chars[j+1:] {
							if a.Box.Left < c.Box.Right-eps && c.Box.Left < a.Box.Right-eps &&
								a.Box.Bottom < c.Box.Top-eps && c.Box.Bottom < a.Box.Top-eps {
								t.Errorf("%s: %q %+v overlaps %q %+v", at, a.R, a.Box, c.R, c.Box)
							}
						}
					}
				}
			})
		}
	}
}

// bounds are the bounds of the painted paths (their points; arcs'
// control points lie near them).
type bounds struct {
	l, t, r, b float64
	painted    bool
}

func pathBounds(items []draw.Item) bounds {
	var rc bounds
	for _, it := range items {
		if it.Kind != draw.Path {
			continue
		}
		for _, op := range it.Ops {
			k := 1
			if op.Kind == draw.Cubic {
				k = 3
			}
			if op.Kind == draw.Close {
				k = 0
			}
			for i := 0; i < k; i++ {
				px, py := op.P[2*i], op.P[2*i+1]
				if op.Kind == draw.Cubic && i < 2 {
					continue // control points may lie outside the curve
				}
				if !rc.painted {
					rc.l, rc.t, rc.r, rc.b = px, py, px, py
					rc.painted = true
				}
				rc.l, rc.r = math.Min(rc.l, px), math.Max(rc.r, px)
				rc.t, rc.b = math.Min(rc.t, py), math.Max(rc.b, py)
			}
		}
	}
	return rc
}
