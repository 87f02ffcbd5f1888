package charts

import (
	"math"

	"github.com/brochure-dev/brochure/data"
)

// ---- hbar: own drawing ----
//
// go-chart has no horizontal bar chart, so hbar is drawn by hand through
// the same Renderer: category label at the left (right-aligned, wrapped
// with kinsoku when longer than the label column), a bar from the zero
// baseline proportional to the value, and the value label at the bar end.

func init() {
	register("hbar", kind{
		height: func(c data.Chart, w float64, p palette) float64 { return layoutHBar(c, w, p).total },
		draw: func(r *Renderer, c data.Chart, w, _ float64, p palette) error {
			drawHBar(r, c, w, p)
			return nil
		},
	})
}

type hbarLayout struct {
	labelW, valW, barH, lineH float64
	rows                      [][]string
	rowH                      []float64
	total                     float64
	lo, hi                    float64
}

const hbarGap = 5.0

func layoutHBar(c data.Chart, w float64, p palette) hbarLayout {
	l := hbarLayout{barH: math.Max(p.fs+3, 10), lineH: p.fs * 1.2}
	for _, d := range c.Data {
		l.labelW = math.Max(l.labelW, textWidth(p.regular, d.Label, p.fs))
		l.valW = math.Max(l.valW, textWidth(p.regular, valueLabel(c, d, p), p.fs))
		l.lo = math.Min(l.lo, d.Value.Value)
		l.hi = math.Max(l.hi, d.Value.Value)
	}
	l.labelW = math.Min(l.labelW, math.Max(w*0.3, 2*p.fs))
	for _, d := range c.Data {
		lines := wrap(p.regular, d.Label, p.fs, l.labelW)
		l.rows = append(l.rows, lines)
		rh := math.Max(l.barH, float64(len(lines))*l.lineH)
		l.rowH = append(l.rowH, rh)
		l.total += rh + hbarGap
	}
	l.total = math.Max(l.total-hbarGap, 0) + 2
	return l
}

func drawHBar(r *Renderer, c data.Chart, w float64, p palette) {
	l := layoutHBar(c, w, p)
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
	y := 0.0
	for i, d := range c.Data {
		rh := l.rowH[i]
		mid := y + rh/2
		lines := l.rows[i]
		ly := mid - float64(len(lines))*l.lineH/2
		for j, s := range lines {
			r.textRight(p.regular, p.fs, p.ink, s, l.labelW, ly+float64(j)*l.lineH+(l.lineH-p.fs)/2+capHeightEm*p.fs)
		}
		bw := area * d.Value.Value / span
		by := mid - l.barH/2
		s := valueLabel(c, d, p)
		base := mid + 0.35*p.fs
		if bw >= 0 {
			r.rect(zx, by, bw, l.barH, p.primary)
			r.textAt(p.regular, p.fs, p.ink, s, zx+bw+3, base)
		} else {
			r.rect(zx+bw, by, -bw, l.barH, p.primary)
			r.textRight(p.regular, p.fs, p.ink, s, zx+bw-3, base)
		}
		y += rh + hbarGap
	}
	r.vline(zx, -1, y-hbarGap+1, 0.8, p.ink)
}
