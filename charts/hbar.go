package charts

import (
	"math"

	"github.com/wcharczuk/go-chart/v2/drawing"

	"github.com/brochure-dev/brochure/data"
)

// hbar: go-chart has no horizontal bar chart, so hbar is drawn by hand through
// the same Renderer: category label at the left (right-aligned, wrapped
// with kinsoku when longer than the label column, smaller or cut when
// longer still: setLabels), a bar from the zero
// baseline proportional to the value, and the value label at the bar end.

func init() {
	register("hbar", kind{
		alt:    pointsAlt,
		height: func(c data.Chart, w float64, p palette) float64 { return layoutHBar(c, w, p).total },
		draw: func(r *Renderer, c data.Chart, w, h float64, p palette) error {
			drawHBar(r, c, w, h, p)
			return nil
		},
		most: func(c data.Chart, w float64, p palette) float64 {
			return layoutHBarIn(c, w, math.Inf(1), p).total
		},
		least: func(c data.Chart, w float64, p palette) float64 { return layoutHBarIn(c, w, 0, p).total },
	})
}

// hbarMost is how much thicker an hbar's bars, and the gaps between
// them, are drawn in a box taller than the chart asks (see kind.most):
// as much as a chart that stretches grows (layout's growShare), the
// labels at their size; more would read as a chart of few bars blown up
// to fill a page.
const hbarMost = 4.0 / 3

// hbarLeast is how much thinner an hbar's bars, and the gaps between
// them, are drawn in a box shorter than the chart asks (see kind.least):
// as much as a chart that stretches gives up at a page's foot (a
// quarter, layout's chartBlock.Split), the labels at their size, each
// row as tall as its label's lines still. A bar is 10 pt thick at least
// (a series' bar 8, see layoutHBarAt), so never drawn thinner than 7.5
// (6): a bar still, not a rule.
const hbarLeast = 3.0 / 4

type hbarLayout struct {
	labelW, valW, barH, lineH float64
	gap                       float64 // between rows: hbarGap, or more in a taller box
	labelSize                 float64 // the category labels' size (setLabels)
	k                         int     // bars a row: 1, or one per series
	subH, valSize             float64 // with series: one bar's height, value label size
	legend                    []legendItem
	top                       float64 // the rows start here, under the legend
	rows                      [][]string
	rowH                      []float64
	total                     float64
	lo, hi                    float64
}

const hbarGap = 5.0

// rowValues are a row's values and their labels: one, or one per series.
func rowValues(c data.Chart, d data.Point, p palette) ([]data.Number, []string) {
	if len(c.Series) == 0 {
		return []data.Number{d.Value}, []string{valueLabel(c, d, p)}
	}
	labels := make([]string, len(d.Values))
	for i, v := range d.Values {
		labels[i] = format(c, unitOf(c, d), p).Label(v.Text)
	}
	return d.Values, labels
}

func layoutHBar(c data.Chart, w float64, p palette) hbarLayout {
	return layoutHBarAt(c, w, 1, p)
}

// layoutHBarIn is the hbar's layout w wide in a box h tall: its own, or,
// in a box taller than that, its bars and the gaps between them as much
// thicker as the box allows, up to hbarMost; in a box shorter, as much
// thinner as it needs, down to hbarLeast: the least it is drawn, in a
// box shorter still.
func layoutHBarIn(c data.Chart, w, h float64, p palette) hbarLayout {
	own := layoutHBarAt(c, w, 1, p)
	if math.Abs(h-own.total) <= 1e-6 {
		return own
	}
	lo, hi := 1.0, hbarMost // the most that fits: the rows take the labels' lines at least
	if h < own.total {
		lo, hi = hbarLeast, 1.0 // the least thinning that fits
		if least := layoutHBarAt(c, w, lo, p); least.total >= h {
			return least
		}
	} else if most := layoutHBarAt(c, w, hbarMost, p); most.total <= h {
		return most
	}
	for hi-lo > 1e-4 {
		if m := (lo + hi) / 2; layoutHBarAt(c, w, m, p).total <= h {
			lo = m
		} else {
			hi = m
		}
	}
	return layoutHBarAt(c, w, lo, p)
}

// layoutHBarAt is the hbar's layout w wide with its bars and gaps k times
// as thick as their own.
func layoutHBarAt(c data.Chart, w, k float64, p palette) hbarLayout {
	l := hbarLayout{barH: k * math.Max(p.fs+3, 10), gap: k * hbarGap, lineH: p.fs * 1.2, k: max(len(c.Series), 1), valSize: p.fs}
	if l.k > 1 {
		l.valSize = p.fs - 1
		l.subH = k * math.Max(p.fs, 8)
		l.barH = float64(l.k)*l.subH + float64(l.k-1)
		l.legend, l.top = legendRow(c.Series, seriesFocus(p, c.Series), w, p)
	}
	for _, d := range c.Data {
		l.labelW = math.Max(l.labelW, textWidth(p.regular, d.Label, p.fs))
		vals, labels := rowValues(c, d, p)
		for i, v := range vals {
			l.valW = math.Max(l.valW, textWidth(p.regular, labels[i], l.valSize))
			l.lo = math.Min(l.lo, v.Value)
			l.hi = math.Max(l.hi, v.Value)
		}
	}
	l.labelW = math.Min(l.labelW, math.Max(w*0.3, 2*p.fs))
	labels := make([]string, len(c.Data))
	for i, d := range c.Data {
		labels[i] = d.Label
	}
	l.rows, l.labelSize = setLabels(p.regular, labels, p.fs, l.labelW)
	l.lineH = l.labelSize * 1.2
	l.total = l.top
	for _, lines := range l.rows {
		rh := math.Max(l.barH, float64(len(lines))*l.lineH)
		l.rowH = append(l.rowH, rh)
		l.total += rh + l.gap
	}
	l.total = math.Max(l.total-l.gap, 0) + 2
	return l
}

// legendRow lays out a legend of the series from the top left, wrapping to
// more rows at width w, and returns it with the height it takes.
func legendRow(series []string, cols []drawing.Color, w float64, p palette) ([]legendItem, float64) {
	var items []legendItem
	x, y := 0.0, 0.0
	for i, s := range series {
		iw := legendSwatch + 3 + textWidth(p.regular, s, p.fs)
		if x > 0 && x+iw > w {
			x, y = 0, y+p.fs+4
		}
		items = append(items, legendItem{x: x, y: y, label: s, color: cols[i]})
		x += iw + 10
	}
	return items, y + p.fs + 8
}

// drawHBar draws the hbar w wide in a box h tall (see layoutHBarIn).
func drawHBar(r *Renderer, c data.Chart, w, h float64, p palette) {
	l := layoutHBarIn(c, w, h, p)
	for _, it := range l.legend {
		r.rect(it.x, it.y+(p.fs-legendSwatch)/2, legendSwatch, legendSwatch, it.color)
		r.textAt(p.regular, p.fs, p.ink, it.label, it.x+legendSwatch+3, it.y+capHeightEm*p.fs)
	}
	x0 := l.labelW + 6 // plot area left
	neg := 0.0
	if l.lo < 0 {
		neg = l.valW + 4 // room for negative value labels left of their bars
	}
	area := math.Max(w-x0-l.valW-4-neg, 10)
	span := l.hi - l.lo
	if span <= 0 {
		span = 1
	}
	zx := x0 + neg + area*(-l.lo)/span
	cols := seriesFocus(p, c.Series)
	y := l.top
	for i, d := range c.Data {
		rh := l.rowH[i]
		mid := y + rh/2
		lines := l.rows[i]
		ly := mid - float64(len(lines))*l.lineH/2
		for j, s := range lines {
			r.textRight(p.regular, l.labelSize, p.ink, s, l.labelW, ly+float64(j)*l.lineH+(l.lineH-l.labelSize)/2+capHeightEm*l.labelSize)
		}
		vals, labels := rowValues(c, d, p)
		if l.k == 1 {
			cols = []drawing.Color{itemColor(c, d.Label, p)}
		}
		for k, v := range vals {
			bh, by := l.barH, mid-l.barH/2
			if l.k > 1 {
				bh, by = l.subH, mid-l.barH/2+float64(k)*(l.subH+1)
			}
			bw := area * v.Value / span
			base := by + bh/2 + 0.35*l.valSize
			r.rect(min(zx, zx+bw), by, math.Abs(bw), bh, cols[k])
			l.value(r, p, labels[k], zx, zx+bw, base, cols[k])
		}
		y += rh + l.gap
	}
	r.vline(zx, l.top-1, y-l.gap+1, 0.8, p.ink)
}

// value draws s, the value label of a bar from zx to end (left of zx: a
// negative value), at baseline base: outside the bar's end. A label that
// would begin there inside a gutter of the page's columns (see Columns)
// is set inside the bar's end instead, in white (ink on a light bar),
// when it fits there and begins on a column; else outside, past the
// gutter (a negative value's before it).
func (l hbarLayout) value(r *Renderer, p palette, s string, zx, end, base float64, bar drawing.Color) {
	tw := textWidth(p.regular, s, l.valSize)
	x, in := end+3, end-3-tw // outside the end, inside it
	if end < zx {
		x, in = end-3-tw, end+3
	}
	gl, gr, gutter := p.columns.Gutter(x)
	if !gutter {
		r.textAt(p.regular, l.valSize, p.ink, s, x, base)
		return
	}
	if _, _, ok := p.columns.Gutter(in); !ok && math.Abs(end-zx) >= tw+6 {
		fg := drawing.ColorWhite
		if lum(bar) > 0.6 {
			fg = p.ink
		}
		r.textAt(p.regular, l.valSize, fg, s, in, base)
		return
	}
	if x = gr; end < zx {
		x = gl - tw
	}
	r.textAt(p.regular, l.valSize, p.ink, s, x, base)
}
