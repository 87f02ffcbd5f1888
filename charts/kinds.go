package charts

import (
	"math"

	"github.com/wcharczuk/go-chart/v2/drawing"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/number"
)

// ---- hbar: own drawing ----
//
// go-chart has no horizontal bar chart, so hbar is drawn by hand through
// the same Renderer: category label at the left (right-aligned, wrapped
// with kinsoku when longer than the label column), a bar from the zero
// baseline proportional to the value, and the value label at the bar end.

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
		l.labelW = math.Max(l.labelW, textWidth(fonts.Regular, d.Label, p.fs))
		l.valW = math.Max(l.valW, textWidth(fonts.Regular, valueLabel(c, d, p), p.fs))
		l.lo = math.Min(l.lo, d.Value.Value)
		l.hi = math.Max(l.hi, d.Value.Value)
	}
	l.labelW = math.Min(l.labelW, math.Max(w*0.3, 2*p.fs))
	for _, d := range c.Data {
		lines := wrap(fonts.Regular, d.Label, p.fs, l.labelW)
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
			r.textRight(fonts.Regular, p.fs, p.ink, s, l.labelW, ly+float64(j)*l.lineH+(l.lineH-p.fs)/2+capHeightEm*p.fs)
		}
		bw := area * d.Value.Value / span
		by := mid - l.barH/2
		s := valueLabel(c, d, p)
		base := mid + 0.35*p.fs
		if bw >= 0 {
			r.rect(zx, by, bw, l.barH, p.primary)
			r.textAt(fonts.Regular, p.fs, p.ink, s, zx+bw+3, base)
		} else {
			r.rect(zx+bw, by, -bw, l.barH, p.primary)
			r.textRight(fonts.Regular, p.fs, p.ink, s, zx+bw-3, base)
		}
		y += rh + hbarGap
	}
	r.vline(zx, -1, y-hbarGap+1, 0.8, p.ink)
}

// ---- donut: own drawing ----
//
// Drawn by hand with the Renderer's ArcTo rather than go-chart's
// DonutChart: that one starts at 3 o'clock, punches its hole with an opaque
// white disc of a fixed 1/3.5 radius (too small for an 18 pt figure, and
// white, not paper), outlines slices with a 4 px white stroke and puts
// labels on the slices. A brochure donut is one share from 12 o'clock
// clockwise with the figure in the middle.

type donutLayout struct {
	d, ring, total float64
	pctSize        float64
	caption        string
}

func layoutDonut(c data.Chart, w float64, p palette) donutLayout {
	l := donutLayout{d: math.Round(clamp(w*0.5, 60, 100))}
	l.ring = math.Round(l.d * 0.14)
	l.caption = ofText(c, p)
	inner := l.d - 2*l.ring
	pct := percentText(c)
	l.pctSize = bigSize
	if pw := textWidth(fonts.Black, pct, l.pctSize); pw > inner*0.82 {
		l.pctSize = math.Floor(l.pctSize*inner*0.82/pw*2) / 2
	}
	l.total = l.d
	if l.caption != "" {
		l.total += 5 + p.fs*1.2
	}
	return l
}

// annulus adds a ring sector from angle a sweeping da (go-chart angles)
// between radii ri and ro, centred at (cx, cy).
func (r *Renderer) annulus(cx, cy, ri, ro, a, da float64) {
	r.arcTo(cx, cy, ro, ro, a, da)
	r.arcTo(cx, cy, ri, ri, a+da, -da)
	r.Close()
}

const twelve = -math.Pi / 2 // 12 o'clock in go-chart's y-down angles

func drawDonut(r *Renderer, c data.Chart, w float64, p palette) {
	l := layoutDonut(c, w, p)
	cx, cy := w/2, l.d/2
	ro := l.d / 2
	ri := ro - l.ring
	f := clamp(c.Fraction(), 0, 1)
	r.SetStrokeColor(drawing.ColorTransparent)
	// rest of the ring, then the share
	if f < 1 {
		r.SetFillColor(p.rule)
		r.annulus(cx, cy, ri, ro, twelve+2*math.Pi*f, 2*math.Pi*(1-f))
		r.Fill()
	}
	if f > 0 {
		r.SetFillColor(p.primary)
		r.annulus(cx, cy, ri, ro, twelve, 2*math.Pi*f)
		r.Fill()
	}
	r.textCentre(fonts.Black, l.pctSize, p.primary, percentText(c), cx, cy+0.36*l.pctSize)
	if l.caption != "" {
		r.textCentre(fonts.Regular, p.fs, p.muted, l.caption, cx, l.d+5+capHeightEm*p.fs)
	}
}

// ---- progress: own drawing ----
//
// A track in the Rule colour with the share filled in Primary; above it the
// percentage set big (Black) at the left and "49 / 78项" small at the right.

func progressHeight(c data.Chart, w float64, p palette) float64 { return bigSize + 4 + 8 }

func drawProgress(r *Renderer, c data.Chart, w float64, p palette) {
	f := clamp(c.Fraction(), 0, 1)
	base := capHeightEm * bigSize
	r.textAt(fonts.Black, bigSize, p.primary, percentText(c), 0, base)
	if s := ofText(c, p); s != "" {
		r.textRight(fonts.Regular, p.fs, p.muted, s, w, base)
	}
	ty := bigSize + 4
	r.rect(0, ty, w, 8, p.rule)
	r.rect(0, ty, w*f, 8, p.primary)
}

// ---- pie: own drawing ----
//
// Drawn by hand rather than with go-chart's PieChart, which starts at
// 3 o'clock, strokes slices 5 px white and centres labels on the slices
// (unreadable on thin slices). Slices run clockwise from 12 o'clock in
// Primary, Accent and their tints, separated by a thin white line; a legend
// beside (or, in a narrow box, under) the pie gives label and value+unit,
// and the share when the values are not percentages already.

type pieLayout struct {
	d              float64
	legendBeside   bool
	legendX, itemW float64
	items          [][]string // wrapped legend lines per slice
	itemH          []float64
	legendH, total float64
}

// shareNote is "（61.1%）" after a value that is not itself a percentage.
func shareNote(c data.Chart, d data.Point, sum float64) string {
	if c.Unit == "%" || d.Unit == "%" {
		return ""
	}
	return "（" + number.Percent(d.Value.Value/sum, shareDecimals(c)) + "）"
}

func shareSum(c data.Chart) float64 {
	if c.Total != nil && c.Total.Value > 0 {
		return c.Total.Value
	}
	sum := 0.0
	for _, d := range c.Data {
		sum += d.Value.Value
	}
	return sum
}

const swatch = 7.0

func layoutPie(c data.Chart, w float64, p palette) pieLayout {
	l := pieLayout{d: math.Round(clamp(w*0.42, 60, 110))}
	l.legendBeside = w-l.d >= 90
	if l.legendBeside {
		l.legendX = l.d + 12
		l.itemW = w - l.legendX - swatch - 4
	} else {
		l.d = math.Round(clamp(w*0.7, 60, 110))
		l.itemW = w - swatch - 4
	}
	lh := p.fs * 1.25
	sum := shareSum(c)
	for _, d := range c.Data {
		lines := wrap(fonts.Regular, d.Label+"  "+valueLabel(c, d, p)+shareNote(c, d, sum), p.fs, l.itemW)
		l.items = append(l.items, lines)
		h := float64(len(lines))*lh + 3
		l.itemH = append(l.itemH, h)
		l.legendH += h
	}
	if l.legendBeside {
		l.total = math.Max(l.d, l.legendH)
	} else {
		l.total = l.d + 8 + l.legendH
	}
	return l
}

func drawPie(r *Renderer, c data.Chart, w float64, p palette) {
	l := layoutPie(c, w, p)
	cx, cy := l.d/2, l.d/2
	if !l.legendBeside {
		cx = w / 2
	}
	rad := l.d / 2
	sum := shareSum(c)
	cols := seriesColors(p, len(c.Data))
	a := twelve
	for i, d := range c.Data {
		da := 2 * math.Pi * d.Value.Value / sum
		if da <= 0 {
			continue
		}
		r.SetFillColor(cols[i])
		r.SetStrokeColor(drawing.ColorWhite)
		r.SetStrokeWidth(0.8)
		if da >= 2*math.Pi-1e-9 {
			r.circle(cx, cy, rad, true, false)
		} else {
			r.moveTo(cx, cy)
			r.arcTo(cx, cy, rad, rad, a, da)
			r.Close()
			r.FillStroke()
		}
		a += da
	}
	lx, ly := l.legendX, 0.0
	if l.legendBeside {
		if l.legendH < l.d {
			ly = (l.d - l.legendH) / 2
		}
	} else {
		lx, ly = 0, l.d+8
	}
	lh := p.fs * 1.25
	for i, lines := range l.items {
		r.rect(lx, ly+(lh-swatch)/2, swatch, swatch, cols[i])
		for j, s := range lines {
			r.textAt(fonts.Regular, p.fs, p.ink, s, lx+swatch+4, ly+float64(j)*lh+(lh-p.fs)/2+capHeightEm*p.fs)
		}
		ly += l.itemH[i]
	}
}

// ---- stacked: own drawing ----
//
// One 100 % bar: the shares side by side in the series colours, each
// segment's percentage set inside it (white on colour) when it fits, and
// a legend underneath with label and value. go-chart's StackedBarChart
// stacks vertically in absolute units with no in-bar labels, so this is
// drawn by hand.

type stackedLayout struct {
	barH, legendY, total float64
	items                []legendItem
	texts                []string
}

func layoutStacked(c data.Chart, w float64, p palette) stackedLayout {
	l := stackedLayout{barH: math.Max(18, p.fs*2.4)}
	l.legendY = l.barH + 8
	sum := shareSum(c)
	cols := seriesColors(p, len(c.Data))
	x, y := 0.0, l.legendY
	lh := p.fs * 1.5
	for i, d := range c.Data {
		s := d.Label + " " + valueLabel(c, d, p) + shareNote(c, d, sum)
		iw := swatch + 4 + textWidth(fonts.Regular, s, p.fs)
		if x > 0 && x+iw > w {
			x, y = 0, y+lh
		}
		l.items = append(l.items, legendItem{x: x, y: y, label: s, color: cols[i]})
		x += iw + 12
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
		if tw := textWidth(fonts.Bold, pct, p.fs); tw+6 <= sw {
			fg := drawing.ColorWhite
			if lum(col) > 0.6 {
				fg = p.ink
			}
			r.textCentre(fonts.Bold, p.fs, fg, pct, x+sw/2, l.barH/2+0.35*p.fs)
		}
		x += sw
	}
	for _, it := range l.items {
		r.rect(it.x, it.y+(p.fs*1.2-swatch)/2, swatch, swatch, it.color)
		r.textAt(fonts.Regular, p.fs, p.ink, it.label, it.x+swatch+4, it.y+(p.fs*1.2-p.fs)/2+capHeightEm*p.fs)
	}
}

// lum is a colour's relative lightness, 0..1.
func lum(c drawing.Color) float64 {
	return (0.299*float64(c.R) + 0.587*float64(c.G) + 0.114*float64(c.B)) / 255
}

// ---- change: own drawing ----
//
// Year-over-year changes as a list: the item's name at the left; at the
// right "同比下降" and the arrow with the percentage, set big. The colour
// says good or bad news, chosen by the data (better: lower|higher), not by
// the sign: fewer accidents is good news in the accent colour, more in the
// primary red. go-chart has nothing like it.

type changeLayout struct {
	rowH, figSize, labelW float64
	rows                  [][]string
	heights               []float64
	total                 float64
}

func changeWords(v float64, p palette) (word, arrow string) {
	switch {
	case v > 0:
		if p.en() {
			return "up", "↑"
		}
		return "同比上升", "↑"
	case v < 0:
		if p.en() {
			return "down", "↓"
		}
		return "同比下降", "↓"
	}
	if p.en() {
		return "unchanged", ""
	}
	return "同比持平", ""
}

// changeFigure is the size of the change, without its sign.
func changeFigure(c data.Chart, d data.Point, p palette) string {
	n := d.Value
	if n.Value < 0 && len(n.Text) > 0 && n.Text[0] == '-' {
		n.Text = n.Text[1:]
	}
	return format(c, unitOf(c, d), p).Label(n.Text)
}

func layoutChange(c data.Chart, w float64, p palette) changeLayout {
	l := changeLayout{figSize: 14}
	figW := 0.0
	for _, d := range c.Data {
		word, arrow := changeWords(d.Value.Value, p)
		fw := textWidth(fonts.Regular, word, p.fs) + 4 + textWidth(fonts.Black, arrow+changeFigure(c, d, p), l.figSize)
		figW = math.Max(figW, fw)
	}
	l.labelW = math.Max(w-figW-10, w*0.3)
	l.rowH = l.figSize + 8
	for _, d := range c.Data {
		lines := wrap(fonts.Bold, d.Label, p.fs+1, l.labelW)
		l.rows = append(l.rows, lines)
		h := math.Max(l.rowH, float64(len(lines))*(p.fs+1)*1.25+8)
		l.heights = append(l.heights, h)
		l.total += h
	}
	return l
}

func drawChange(r *Renderer, c data.Chart, w float64, p palette) {
	l := layoutChange(c, w, p)
	y := 0.0
	for i, d := range c.Data {
		h := l.heights[i]
		mid := y + h/2
		lines := l.rows[i]
		lh := (p.fs + 1) * 1.25
		ly := mid - float64(len(lines))*lh/2
		for j, s := range lines {
			r.textAt(fonts.Bold, p.fs+1, p.ink, s, 0, ly+float64(j)*lh+(lh-p.fs-1)/2+capHeightEm*(p.fs+1))
		}
		good := d.Value.Value < 0 == (c.Better == "lower")
		col := p.primary
		switch {
		case d.Value.Value == 0:
			col = p.muted
		case good:
			col = p.accent
		}
		word, arrow := changeWords(d.Value.Value, p)
		fig := arrow + changeFigure(c, d, p)
		base := mid + 0.36*l.figSize
		fw := textWidth(fonts.Black, fig, l.figSize)
		r.textAt(fonts.Black, l.figSize, col, fig, w-fw, base)
		r.textRight(fonts.Regular, p.fs, p.muted, word, w-fw-4, base)
		if i < len(c.Data)-1 {
			r.hline(0, w, y+h, 0.5, p.rule)
		}
		y += h
	}
}

// ---- waffle: own drawing ----
//
// A 10×10 grid of cells, one per percent, filled in reading order from
// the top left: 376 of 1653 is 22.7 %, 23 cells. Beside it (under it when
// narrow) the percentage set big and "376 / 1653家". go-chart has no
// pictogram chart.

type waffleLayout struct {
	cell, gap, grid float64
	beside          bool
	total           float64
}

func layoutWaffle(c data.Chart, w float64, p palette) waffleLayout {
	l := waffleLayout{}
	l.beside = w >= 170
	gridW := w
	if l.beside {
		gridW = w * 0.5
	}
	gridW = math.Min(gridW, 110)
	l.gap = math.Max(1, math.Round(gridW/10*0.16*4)/4)
	l.cell = (gridW - 9*l.gap) / 10
	l.grid = 10*l.cell + 9*l.gap
	l.total = l.grid
	if !l.beside {
		l.total += 6 + bigSize + 4
		if ofText(c, p) != "" {
			l.total += p.fs * 1.3
		}
	}
	return l
}

// waffleCells is the number of filled cells: the share in percent rounded
// half away from zero, 0..100.
func waffleCells(c data.Chart) int {
	return int(clamp(math.Round(c.Fraction()*100), 0, 100))
}

func drawWaffle(r *Renderer, c data.Chart, w float64, p palette) {
	l := layoutWaffle(c, w, p)
	n := waffleCells(c)
	empty := tint(p.rule, 0.35)
	for i := 0; i < 100; i++ {
		col := empty
		if i < n {
			col = p.primary
		}
		x := float64(i%10) * (l.cell + l.gap)
		y := float64(i/10) * (l.cell + l.gap)
		r.rect(x, y, l.cell, l.cell, col)
	}
	pct := percentText(c)
	of := ofText(c, p)
	if l.beside {
		x := l.grid + 12
		mid := l.grid / 2
		r.textAt(fonts.Black, bigSize, p.primary, pct, x, mid)
		if of != "" {
			r.textAt(fonts.Regular, p.fs, p.muted, of, x, mid+4+capHeightEm*p.fs+2)
		}
		return
	}
	y := l.grid + 6 + capHeightEm*bigSize
	r.textAt(fonts.Black, bigSize, p.primary, pct, 0, y)
	if of != "" {
		r.textAt(fonts.Regular, p.fs, p.muted, of, 0, y+4+p.fs*1.1)
	}
}
