package charts

import (
	"io"
	"math"
	"strings"

	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/number"
)

// ---- the value axis shared by bar and grouped ----

// axis is a zero-based value axis with round 1-2-5 ticks, in display units
// (divided by div for 万/亿), and the caption naming its unit.
type axis struct {
	div            float64 // raw value = display value × div
	min, max, step float64 // display units
	tickSize       float64
	caption        string // "单位：万人次", or ""
	labelW         float64
	lang           string
}

// intervalsFor is how many tick intervals fit a plot of height h without
// the tick labels coming closer than 2.8 times their size (1 to 5).
func intervalsFor(h, tickSize float64) int {
	return int(clamp(math.Floor(h/(2.8*tickSize)), 1, 5))
}

func newAxis(c data.Chart, lo, hi float64, intervals int, p palette) axis {
	f := format(c, c.Unit, p)
	a := axis{tickSize: p.fs - 1, lang: p.lang}
	var suffix string
	a.div, suffix = f.Scale(math.Max(math.Abs(lo), math.Abs(hi)))
	a.min, a.max, a.step = number.Ticks(lo/a.div, hi/a.div, intervals)
	a.caption = unitCaption(suffix+c.Unit, p)
	for _, v := range a.ticks() {
		a.labelW = math.Max(a.labelW, textWidth(fonts.Regular, number.Tick(v, a.step, a.lang), a.tickSize))
	}
	return a
}

func (a axis) ticks() []float64 {
	var out []float64
	for i := 0; ; i++ {
		v := a.min + float64(i)*a.step
		if v > a.max+a.step/2 {
			return out
		}
		out = append(out, v)
	}
}

// draw draws the grid lines and tick labels left of x0, with ypos mapping
// a raw value to y.
func (a axis) draw(r *Renderer, x0, x1 float64, ypos func(float64) float64, p palette) {
	for _, v := range a.ticks() {
		y := ypos(v * a.div)
		if math.Abs(v) > a.step/1e6 {
			r.hline(x0, x1, y, 0.5, p.rule)
		}
		r.textRight(fonts.Regular, a.tickSize, p.muted, number.Tick(v, a.step, a.lang), x0-3, y+0.35*a.tickSize)
	}
}

// ---- column layout shared by bar and grouped ----

type columnLayout struct {
	padT, padL, padR, padB float64
	canvasH                float64
	axis                   axis
	lo, hi                 float64 // raw data range (with room below negatives)
	slot                   int     // width per category, whole points (go-chart works in integers)
	barW                   int     // bar (bar) or one series' bar (grouped)
	groupW                 int     // grouped: the bars of one category together
	labels                 [][]string
	labelLines             int
	valSize                float64
	valRotated             bool
	capY                   float64 // baseline of the unit caption
	legend                 []legendItem
	legendTop              float64
}

type legendItem struct {
	x, y  float64 // swatch top-left, plot coordinates
	label string
	color drawing.Color
}

const (
	barLabelSpacing = 1 // go-chart TextLineSpacing between wrapped X label lines
	xAxisMargin     = chart.DefaultXAxisMargin
	legendSwatch    = 7.0
)

// layoutColumns lays out a column chart of the categories, k bars each,
// with the given value labels, at width w and total plot height h (0: the
// chart's natural height).
func layoutColumns(c data.Chart, cats []string, vals []float64, valueLabels []string, k int, series []string, w, h float64, p palette) columnLayout {
	var l columnLayout
	n := max(len(cats), 1)
	for _, v := range vals {
		l.lo = math.Min(l.lo, v)
		l.hi = math.Max(l.hi, v)
	}
	if l.lo < 0 {
		// room under the lowest bar for its value label
		l.lo -= (l.hi - l.lo) * 0.15
	}
	em := math.Ceil(p.fs)
	pass := func(intervals int) {
		l.axis = newAxis(c, l.lo, l.hi, intervals, p)
		l.padL = math.Ceil(l.axis.labelW) + 4
		l.padR = 2
		l.slot = max(int(math.Floor((w-l.padL-l.padR)/float64(n))), 2)
		if k == 1 {
			l.barW = min(max(int(math.Round(float64(l.slot)*0.6)), 1), 40)
			l.groupW = l.barW
		} else {
			l.groupW = min(max(int(math.Round(float64(l.slot)*0.8)), k), 28*k)
			l.barW = max(l.groupW/k, 1)
			l.groupW = l.barW * k
		}
		// Value labels: full size if they fit over their bar's room, else
		// smaller (down to 6 pt), else set vertically.
		room := float64(l.slot) - 2
		if k > 1 {
			room = float64(l.barW) + math.Min(2, float64(l.slot-l.groupW)/float64(k))
		}
		l.valSize = p.fs
		if k > 1 {
			l.valSize = p.fs - 1
		}
		maxW := 0.0
		for _, s := range valueLabels {
			maxW = math.Max(maxW, textWidth(fonts.Regular, s, l.valSize))
		}
		l.valRotated = false
		if maxW > room {
			size := math.Max(6, math.Floor(l.valSize*room/maxW*4)/4)
			if maxW*size/l.valSize > room {
				l.valRotated = true
				size = p.fs - 1
			}
			maxW *= size / l.valSize
			l.valSize = size
		}
		// Top: the unit caption and the legend, then room for labels
		// over the tallest bar.
		top := 0.0
		capW := 0.0
		if l.axis.caption != "" {
			capW = textWidth(fonts.Regular, l.axis.caption, l.axis.tickSize)
		}
		l.legend = l.legend[:0]
		if len(series) > 0 {
			cols := seriesColors(p, len(series))
			itemW := func(s string) float64 { return legendSwatch + 3 + textWidth(fonts.Regular, s, p.fs) }
			total := 0.0
			for i, s := range series {
				if i > 0 {
					total += 10
				}
				total += itemW(s)
			}
			x, y := w-total, 0.0
			if capW > 0 && capW+12+total > w || total > w {
				// own rows under the caption, left-aligned
				x = 0
				if capW > 0 {
					y = p.fs + 4
				}
			}
			x0 := x
			for i, s := range series {
				iw := itemW(s)
				if x > x0 && x+iw > w {
					x, y = x0, y+p.fs+4
				}
				l.legend = append(l.legend, legendItem{x: x, y: y, label: s, color: cols[i]})
				x += iw + 10
			}
			top = y + p.fs + 6
		} else if capW > 0 {
			top = l.axis.tickSize + 6
		}
		l.capY = capHeightEm * l.axis.tickSize
		if l.valRotated {
			l.padT = top + math.Ceil(maxW) + 5
		} else {
			l.padT = top + math.Ceil(l.valSize) + 5
		}
		// Category labels: wrapped with kinsoku to the slot, one line pitch
		// of go-chart's (whole-point em boxes plus the line spacing).
		l.labels = l.labels[:0]
		l.labelLines = 1
		for _, s := range cats {
			lines := wrap(fonts.Regular, s, p.fs, float64(l.slot)-1.5)
			l.labels = append(l.labels, lines)
			l.labelLines = max(l.labelLines, len(lines))
		}
		labelH := float64(l.labelLines)*em + float64(l.labelLines-1)*barLabelSpacing
		l.padB = xAxisMargin + labelH + 3
	}
	pass(4)
	l.canvasH = math.Round(clamp(w*0.42, 80, 170))
	if h > 0 {
		l.canvasH = math.Max(30, math.Floor(h-l.padT-l.padB))
	}
	if n := intervalsFor(l.canvasH, l.axis.tickSize); n != 4 {
		pass(n)
		if h > 0 {
			l.canvasH = math.Max(30, math.Floor(h-l.padT-l.padB))
		}
	}
	return l
}

func (l columnLayout) drawTop(r *Renderer, p palette) {
	if l.axis.caption != "" {
		r.textAt(fonts.Regular, l.axis.tickSize, p.muted, l.axis.caption, 0, l.capY)
	}
	for _, it := range l.legend {
		r.rect(it.x, it.y+(p.fs-legendSwatch)/2, legendSwatch, legendSwatch, it.color)
		r.textAt(fonts.Regular, p.fs, p.ink, it.label, it.x+legendSwatch+3, it.y+capHeightEm*p.fs)
	}
}

// valueText draws a value label over (or, negative, under) a bar whose
// centre is cx, between the zero line and the bar's end.
func (l columnLayout) valueText(r *Renderer, s string, cx, top, zero float64, neg bool, p palette) {
	if l.valRotated {
		r.SetFont(fonts.Regular.Font())
		r.SetFontSize(l.valSize)
		r.SetFontColor(p.ink)
		if neg {
			r.SetTextRotation(math.Pi / 2)
			r.text(s, cx-0.35*l.valSize, math.Max(top, zero)+3)
		} else {
			r.SetTextRotation(-math.Pi / 2)
			r.text(s, cx+0.35*l.valSize, math.Min(top, zero)-3)
		}
		r.ClearTextRotation()
		return
	}
	y := math.Min(top, zero) - 3
	if neg {
		y = math.Max(top, zero) + 2 + capHeightEm*l.valSize
	}
	r.textCentre(fonts.Regular, l.valSize, p.ink, s, cx, y)
}

// ---- bar: go-chart BarChart ----

func barInputs(c data.Chart, p palette) (cats []string, vals []float64, labels []string) {
	for _, d := range c.Data {
		cats = append(cats, d.Label)
		vals = append(vals, d.Value.Value)
		labels = append(labels, valueLabel(c, d, p))
	}
	return
}

func layoutBar(c data.Chart, w, h float64, p palette) columnLayout {
	cats, vals, labels := barInputs(c, p)
	return layoutColumns(c, cats, vals, labels, 1, nil, w, h, p)
}

// drawBar draws a vertical bar chart with go-chart's BarChart on the fpdf
// renderer. go-chart draws the bars, the baseline and the category labels
// (which we wrap beforehand, with kinsoku, so that go-chart's per-rune
// wrap never drops or overflows a character); we draw the grid and tick
// labels (before, so bars cover the grid), the unit caption and the value
// labels (as a chart Element, after).
func drawBar(r *Renderer, c data.Chart, w, h float64, p palette) error {
	l := layoutBar(c, w, h, p)
	W := int(math.Floor(w))
	canvas := chart.Box{Top: int(l.padT), Left: int(l.padL), Right: W - int(l.padR), Bottom: int(l.padT) + int(l.canvasH)}
	H := canvas.Bottom + int(math.Ceil(l.padB))
	yr := &chart.ContinuousRange{Min: l.axis.min * l.axis.div, Max: l.axis.max * l.axis.div, Domain: canvas.Height()}
	ypos := func(v float64) float64 { return float64(canvas.Bottom - yr.Translate(v)) }

	l.drawTop(r, p)
	l.axis.draw(r, float64(canvas.Left), float64(canvas.Right), ypos, p)

	font := fonts.Regular.Font()
	transparent := chart.Style{FillColor: drawing.ColorTransparent, StrokeColor: drawing.ColorTransparent}
	bars := make([]chart.Value, len(c.Data))
	for i, d := range c.Data {
		// Pre-wrapped lines; the trailing newline keeps WrapFitRune's
		// appendLast from gluing the last line onto the one before.
		label := strings.Join(l.labels[i], "\n")
		if label != "" {
			label += "\n"
		}
		bars[i] = chart.Value{
			Label: label,
			Value: d.Value.Value,
			Style: chart.Style{FillColor: p.primary, StrokeColor: drawing.ColorTransparent},
		}
	}
	bc := chart.BarChart{
		Width:  W,
		Height: H,
		DPI:    72,
		Font:   font,
		Background: chart.Style{
			FillColor: drawing.ColorTransparent, StrokeColor: drawing.ColorTransparent,
			Padding: chart.Box{Top: canvas.Top, Left: canvas.Left, Right: W - canvas.Right, Bottom: H - canvas.Bottom, IsSet: true},
		},
		Canvas:       transparent,
		BarWidth:     l.barW,
		BarSpacing:   l.slot - l.barW,
		UseBaseValue: true,
		BaseValue:    0,
		XAxis: chart.Style{
			StrokeColor:         p.ink,
			StrokeWidth:         0.8,
			Font:                font,
			FontSize:            p.fs,
			FontColor:           p.ink,
			TextHorizontalAlign: chart.TextHorizontalAlignCenter,
			TextVerticalAlign:   chart.TextVerticalAlignTop,
			TextWrap:            chart.TextWrapRune,
			TextLineSpacing:     barLabelSpacing,
		},
		// The Y axis is ours: hidden here it keeps go-chart from
		// re-measuring and shrinking the canvas (its BarChart then uses
		// the padded box as is), and keeps the range from 0.
		YAxis: chart.YAxis{
			Style: chart.Hidden(),
			Range: yr,
		},
		Bars: bars,
		Elements: []chart.Renderable{func(cr chart.Renderer, cb chart.Box, _ chart.Style) {
			yr := &chart.ContinuousRange{Min: l.axis.min * l.axis.div, Max: l.axis.max * l.axis.div, Domain: cb.Height()}
			sp := l.slot - l.barW
			zero := float64(cb.Bottom - yr.Translate(0))
			for i, d := range c.Data {
				cx := float64(cb.Left+i*l.slot+sp>>1) + float64(l.barW)/2
				top := float64(cb.Bottom - yr.Translate(d.Value.Value))
				l.valueText(r, valueLabel(c, d, p), cx, top, zero, d.Value.Value < 0, p)
			}
		}},
	}
	if l.axis.min < 0 {
		// The axis go-chart draws sits at the range minimum: make it a
		// light rule and draw the zero line in ink over the bars' feet.
		bc.XAxis.StrokeColor = p.rule
		defer r.hline(float64(canvas.Left), float64(canvas.Right), ypos(0), 0.8, p.ink)
	}
	return bc.Render(r.Provider(), io.Discard)
}

// ---- grouped: own drawing ----
//
// go-chart's BarChart has one series and its StackedBarChart stacks; there
// is no side-by-side grouped bar chart. So grouped is drawn by hand with the
// same layout, axis, labels and value labels as bar: per category the
// series' bars next to each other in the series colours, a legend at the
// top right.

func layoutGrouped(c data.Chart, w, h float64, p palette) columnLayout {
	var cats, labels []string
	var vals []float64
	for _, d := range c.Data {
		cats = append(cats, d.Label)
		for _, v := range d.Values {
			vals = append(vals, v.Value)
			labels = append(labels, format(c, unitOf(c, d), p).Label(v.Text))
		}
	}
	return layoutColumns(c, cats, vals, labels, max(len(c.Series), 1), c.Series, w, h, p)
}

func drawGrouped(r *Renderer, c data.Chart, w, h float64, p palette) {
	l := layoutGrouped(c, w, h, p)
	left, right := l.padL, math.Floor(w)-l.padR
	top, bottom := l.padT, l.padT+l.canvasH
	span := (l.axis.max - l.axis.min) * l.axis.div
	ypos := func(v float64) float64 { return bottom - (v-l.axis.min*l.axis.div)/span*l.canvasH }
	l.drawTop(r, p)
	l.axis.draw(r, left, right, ypos, p)
	_ = top
	cols := seriesColors(p, len(c.Series))
	zero := ypos(0)
	em := math.Ceil(p.fs)
	for i, d := range c.Data {
		x0 := left + float64(i*l.slot) + float64(l.slot-l.groupW)/2
		for k, v := range d.Values {
			y := ypos(v.Value)
			bx := x0 + float64(k*l.barW)
			r.rect(bx+0.5, math.Min(y, zero), float64(l.barW)-1, math.Abs(zero-y), cols[k])
			l.valueText(r, format(c, unitOf(c, d), p).Label(v.Text), bx+float64(l.barW)/2, y, zero, v.Value < 0, p)
		}
		cx := left + float64(i*l.slot) + float64(l.slot)/2
		for j, s := range l.labels[i] {
			r.textCentre(fonts.Regular, p.fs, p.ink, s, cx, bottom+xAxisMargin+capHeightEm*p.fs+float64(j)*(em+barLabelSpacing))
		}
	}
	ax := p.ink
	if l.axis.min < 0 {
		r.hline(left, right, bottom, 0.8, p.rule)
	}
	r.hline(left, right, zero, 0.8, ax)
}
