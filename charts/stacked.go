package charts

import (
	"math"

	"github.com/wcharczuk/go-chart/v2/drawing"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/number"
)

// stacked: one 100 % bar: the shares side by side in the series colours, each
// segment's percentage set inside it (white on colour) when it fits, and
// a legend underneath with label and value. go-chart's StackedBarChart
// stacks vertically in absolute units with no in-bar labels, so this is
// drawn by hand.

func init() {
	register("stacked", sharesKind(
		func(c data.Chart, w float64, p palette) float64 { return layoutStacked(c, w, p).total }, drawStacked))
}

type stackedLayout struct {
	barH, legendY, total float64
	items                []legendItem
	lines                [][]string // each item's text, wrapped when wider than the chart
}

func layoutStacked(c data.Chart, w float64, p palette) stackedLayout {
	l := stackedLayout{barH: math.Max(18, p.fs*2.4)}
	l.legendY = l.barH + 8
	sum := shareSum(c)
	cols := shareColors(c, p)
	x, y := 0.0, l.legendY
	lh := p.fs * 1.5
	for i, d := range c.Data {
		s := d.Label + " " + valueLabel(c, d, p) + shareNote(c, d, sum, p)
		iw := swatch + 4 + textWidth(p.regular, s, p.fs)
		if x > 0 && x+iw > w {
			x, y = 0, y+lh
		}
		lines := []string{s}
		if iw > w {
			// wider than the chart: its own rows, wrapped
			lines = wrap(p.regular, s, p.fs, w-swatch-4)
		}
		l.items = append(l.items, legendItem{x: x, y: y, label: s, color: cols[i]})
		l.lines = append(l.lines, lines)
		x += iw + 12
		if len(lines) > 1 {
			x, y = w, y+float64(len(lines)-1)*p.fs*1.25
		}
	}
	l.total = y + lh
	return l
}

func drawStacked(r *Renderer, c data.Chart, w float64, p palette) {
	l := layoutStacked(c, w, p)
	sum := shareSum(c)
	x := 0.0
	for i, d := range c.Data {
		sw := w * d.Value.Value / sum
		col := l.items[i].color
		r.rect(x, 0, sw, l.barH, col)
		if x > 0 {
			r.vline(x, 0, l.barH, 0.8, drawing.ColorWhite)
		}
		pct := number.Percent(d.Value.Value/sum, shareDecimals(c))
		if c.Unit == "%" || d.Unit == "%" {
			pct = valueLabel(c, d, p)
		}
		if tw := textWidth(p.bold, pct, p.fs); tw+6 <= sw {
			fg := drawing.ColorWhite
			if lum(col) > 0.6 {
				fg = p.ink
			}
			r.textCentre(p.bold, p.fs, fg, pct, x+sw/2, l.barH/2+0.35*p.fs)
		}
		x += sw
	}
	for i, it := range l.items {
		r.rect(it.x, it.y+(p.fs*1.2-swatch)/2, swatch, swatch, it.color)
		for j, s := range l.lines[i] {
			r.textAt(p.regular, p.fs, p.ink, s, it.x+swatch+4, it.y+(p.fs*1.2-p.fs)/2+capHeightEm*p.fs+float64(j)*p.fs*1.25)
		}
	}
}

// lum is a colour's relative lightness, 0..1.
func lum(c drawing.Color) float64 {
	return (0.299*float64(c.R) + 0.587*float64(c.G) + 0.114*float64(c.B)) / 255
}
