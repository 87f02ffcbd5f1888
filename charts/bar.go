package charts

import (
	"io"
	"math"
	"strings"
	"unicode/utf8"

	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"github.com/brochure-dev/brochure/data"
)

// bar: vertical bars, one per item, drawn by go-chart's BarChart. When the
// items are too many or their labels too long for columns at the width
// given (a label would take more than two lines, or break a word into
// single characters, or the value labels would have to turn), the chart
// is set as a horizontal bar chart instead, which has room for any number
// of items and any label.

func init() {
	register("bar", oneOrColumns(columnKind(pointsAlt, layoutBar, drawBar)))
}

// oneOrColumns is kind k, but for a chart of one item, which is set as
// one figure (figure.go), at its own height.
func oneOrColumns(k kind) kind {
	height, drawCols, rows, crowded := k.height, k.draw, k.rows, k.crowded
	k.height = func(c data.Chart, w float64, p palette) float64 {
		if oneFigure(c) {
			return figureHeight(c, w, p)
		}
		return height(c, w, p)
	}
	k.draw = func(r *Renderer, c data.Chart, w, h float64, p palette) error {
		if oneFigure(c) {
			drawFigure(r, c, w, p)
			return nil
		}
		return drawCols(r, c, w, h, p)
	}
	k.rows = func(c data.Chart, w float64, p palette) bool { return !oneFigure(c) && rows(c, w, p) }
	k.crowded = func(c data.Chart, w float64, p palette) bool { return !oneFigure(c) && crowded(c, w, p) }
	k.fixed = oneFigure
	k.width = func(c data.Chart, w float64, p palette) float64 {
		if oneFigure(c) || rows(c, w, p) {
			return w
		}
		return layoutBar(c, w, 0, p).width
	}
	return k
}

// columnKind is a kind drawn as columns (bar, grouped): lay lays them out
// at a width and height (0: their natural height), cols draws them; when
// they overflow the width, the kind is drawn as horizontal bars (hbar.go)
// instead. That depends on the width only, so the layout at any height
// tells.
func columnKind(alt func(data.Chart, palette) []string,
	lay func(c data.Chart, w, h float64, p palette) columnLayout,
	cols func(r *Renderer, c data.Chart, l columnLayout, w float64, p palette) error) kind {
	return kind{
		alt: alt,
		height: func(c data.Chart, w float64, p palette) float64 {
			l := lay(c, w, 0, p)
			if overflows(l) {
				return layoutHBar(c, w, p).total
			}
			return l.padT + l.canvasH + l.padB
		},
		draw: func(r *Renderer, c data.Chart, w, h float64, p palette) error {
			l := lay(c, w, h, p)
			if overflows(l) {
				drawHBar(r, c, w, h, p) // rows do not stretch, but may be set thinner (see least)
				return nil
			}
			return cols(r, c, l, w, p)
		},
		stretches: true,
		rows: func(c data.Chart, w float64, p palette) bool {
			return overflows(lay(c, w, 0, p))
		},
		// set as rows, it may be drawn thinner as an hbar is; as
		// columns it stretches instead
		least: func(c data.Chart, w float64, p palette) float64 {
			l := lay(c, w, 0, p)
			if overflows(l) {
				return layoutHBarIn(c, w, 0, p).total
			}
			return l.padT + l.canvasH + l.padB
		},
		// columns that must leave out their values or thin their labels
		// at this width are crowded too (but columns), for the layout to
		// give them more
		crowded: func(c data.Chart, w float64, p palette) bool {
			l := lay(c, w, 0, p)
			return overflows(l) || l.thinned > 1 || l.omitted
		},
	}
}

// overflows reports whether a column layout does not fit its labels: one
// takes more than two lines, or is broken inside a word (breaksWord), or a
// word is set one character a line, or the value labels would have to
// turn.
func overflows(l columnLayout) bool {
	if l.labelLines > 2 || l.valRotated || l.midWord {
		return true
	}
	for _, lines := range l.labels {
		for _, s := range lines {
			if len(lines) > 1 && utf8.RuneCountInString(s) == 1 {
				return true
			}
		}
	}
	return false
}

func barInputs(c data.Chart, p palette) (cats []string, vals []float64, labels []string) {
	for _, d := range c.Data {
		cats = append(cats, d.Label)
		vals = append(vals, d.Value.Value)
		labels = append(labels, valueLabel(c, d, p))
	}
	return
}

// layoutBar lays the bars out with a value on each. When those values
// would have to be set smaller or turn to fit over their bars (a month's
// days, 29.4亿元 over five narrow bars), they are set without the unit
// the axis caption already gives ("Unit: calls"),
// and with many items (more than manyBars), when even that does not fit,
// left out: the axis and its grid carry the values, as they do in any
// newspaper's chart of 30 bars; and many short labels are thinned (see
// thinLabels). Only what still does not fit overflows (is set as rows).
func layoutBar(c data.Chart, w, h float64, p palette) columnLayout {
	cats, vals, labels := barInputs(c, p)
	l := layoutColumns(c, cats, vals, labels, 1, nil, w, h, p)
	if few := fewBarsWidth(l, len(cats), w, p); few < w {
		w = few
		l = layoutColumns(c, cats, vals, labels, 1, nil, w, h, p)
	}
	l.valueLabels = labels
	if l.valRotated || l.valSize < p.fs {
		if bare := bareLabels(c, p); bare != nil {
			if b := layoutColumns(c, cats, vals, bare, 1, nil, w, h, p); !b.valRotated && (l.valRotated || b.valSize > l.valSize) {
				l = b
				l.valueLabels = bare
			}
		}
	}
	if l.valRotated && len(c.Data) > manyBars {
		if b := layoutColumns(c, cats, vals, nil, 1, nil, w, h, p); !b.valRotated {
			l = b
			l.valueLabels, l.omitted = nil, true
		}
	}
	if len(c.Data) > manyBars {
		l = thinLabels(l, cats, h, p)
	}
	l.width = w
	return l
}

// barSlotMax is the widest slot a bar gets, pt (slotEms of the label
// size): in a wider one a bar (maxBarW at most) stands far from the next
// in an empty grid.
func barSlotMax(p palette) int { return int(math.Round(slotEms * p.fs)) }

// slotEms is the widest slot of a bar in ems of the label size (96 pt at
// 8 pt): the width a few bars take, and so the height their plot asks
// (see layoutColumns), as it was when bars were up to four ems thick.
const slotEms = 12

// fewBarsWidth is how much of width w a bar chart laid out as l, of n
// bars, takes: all of it, unless its slots would be wider than
// barSlotMax; then only what slots of that width need (the unit caption
// at least), from the left, so that one bar in a page's width is a small
// chart rather than a wide, tall plot of empty grid.
func fewBarsWidth(l columnLayout, n int, w float64, p palette) float64 {
	if l.slot <= barSlotMax(p) {
		return w
	}
	need := l.padL + l.padR + float64(n*barSlotMax(p))
	if l.axis.caption != "" {
		need = math.Max(need, textWidth(p.regular, l.axis.caption, l.axis.tickSize))
	}
	return math.Min(w, math.Ceil(need))
}

// manyBars is the number of bars past which a bar chart may leave out its
// value labels rather than be set as horizontal bars.
const manyBars = 12

// bareLabels are the values without their unit, when the chart has one
// unit for all its points (which the axis caption names), else nil.
func bareLabels(c data.Chart, p palette) []string {
	if c.Unit == "" {
		return nil
	}
	var out []string
	for _, d := range c.Data {
		if d.Unit != "" && d.Unit != c.Unit {
			return nil
		}
		out = append(out, format(c, "", p).Label(d.Value.Text))
	}
	return out
}

// drawBar draws a vertical bar chart with go-chart's BarChart on the
// Renderer. go-chart draws the bars, the baseline and the category labels
// (which we wrap beforehand, with kinsoku, so that go-chart's per-rune
// wrap never drops or overflows a character); we draw the grid and tick
// labels (before, so bars cover the grid), the unit caption and the value
// labels (as a chart Element, after).
func drawBar(r *Renderer, c data.Chart, l columnLayout, _ float64, p palette) error {
	W := int(math.Floor(l.width))
	canvas := chart.Box{Top: int(l.padT), Left: int(l.padL), Right: W - int(l.padR), Bottom: int(l.padT) + int(l.canvasH)}
	// the plot ends with the last bar's slot: the slots are whole points,
	// and what they leave (up to a point a bar) would stand empty after it
	canvas.Right = min(canvas.Right, canvas.Left+len(c.Data)*l.slot)
	H := canvas.Bottom + int(math.Ceil(l.padB))
	yr := &chart.ContinuousRange{Min: l.axis.min * l.axis.div, Max: l.axis.max * l.axis.div, Domain: canvas.Height()}
	ypos := func(v float64) float64 { return float64(canvas.Bottom - yr.Translate(v)) }

	// where each bar's centre and end are (as go-chart sets the bars,
	// and the value labels below), for the grid to break at its label
	centre := l.centre
	var labels []box
	if !l.omitted {
		for i, d := range c.Data {
			labels = append(labels, l.valueBox(l.valueLabels[i], centre(i), ypos(d.Value.Value), ypos(0), d.Value.Value < 0, p))
		}
	}
	l.drawTop(r, p)
	l.axis.draw(r, float64(canvas.Left), float64(canvas.Right), ypos, p, labels...)

	font := p.regular.Font()
	transparent := chart.Style{FillColor: drawing.ColorTransparent, StrokeColor: drawing.ColorTransparent}
	bars := make([]chart.Value, len(c.Data))
	for i, d := range c.Data {
		// Pre-wrapped lines; the trailing newline keeps WrapFitRune's
		// appendLast from gluing the last line onto the one before.
		label := strings.Join(l.labels[i], "\n")
		if label != "" && l.thinned <= 1 {
			label += "\n"
		}
		bars[i] = chart.Value{
			Label: label,
			Value: d.Value.Value,
			Style: chart.Style{FillColor: itemColor(c, d.Label, p), StrokeColor: drawing.ColorTransparent},
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
			TextWrap:            wrapOf(l),
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
		Elements: []chart.Renderable{func(chart.Renderer, chart.Box, chart.Style) {
			if l.omitted {
				return
			}
			for i, d := range c.Data {
				l.valueText(r, l.valueLabels[i], centre(i), ypos(d.Value.Value), ypos(0), d.Value.Value < 0, p)
			}
		}},
	}
	// go-chart sets the category labels centred under their bars; on the
	// columns of a page none stands wholly inside a gutter (see Columns;
	// thinned, none is set there: see thinLabels): it moves the least that
	// sets it across the gutter's edge (see Columns.Out), when its centre
	// stays over its bar and it stays in its slot, as a value does (see
	// valueX) (the health bureau's poster, page 3: its week 35, wholly
	// inside the gutter under the text, stretched column 2's blocks left
	// over the value 183 that stretched column 1's right, and poppler
	// read column 2 before column 1's subheading)
	r.labelOff = func(x, w float64) float64 {
		if d := p.columns.Out(x, x+w); math.Abs(d) <= math.Min(float64(l.barW), float64(l.slot)-w)/2 {
			return d
		}
		return 0
	}
	defer func() { r.labelOff = nil }()
	if l.axis.min < 0 {
		// The axis go-chart draws sits at the range minimum: make it a
		// light rule and draw the zero line in ink over the bars' feet.
		bc.XAxis.StrokeColor = p.rule
		defer r.hline(float64(canvas.Left), float64(canvas.Right), ypos(0), 0.8, p.ink)
	}
	return bc.Render(r.Provider(), io.Discard)
}

// wrapOf is how go-chart is to set the category labels: as we wrapped
// them (its per-rune wrap, which our lines fit), or, thinned, each on its
// one line across its neighbours' empty slots (its wrap would set "12日"
// one character a line in a slot narrower than the label).
func wrapOf(l columnLayout) chart.TextWrap {
	if l.thinned > 1 {
		return chart.TextWrapNone
	}
	return chart.TextWrapRune
}

// thinLabels labels only every second (third, …) bar, counted back from
// the last, when a chart of many bars has short labels (days, years)
// that are crowded only by their number, as a line chart does; longer
// labels (words) stay, and the chart overflows: rows of horizontal bars
// read them. On the columns of a page (see Columns) no label stands
// wholly inside a gutter, where poppler would stretch the boxes of both
// columns' text above the chart over each other and read the columns'
// blocks by their tops, across them (the market report's subheading at
// the head of column 2 before column 1's text, newspaper, page 9): the
// count then starts from the bar before the last (or the one before
// that, …), the first start that sets none inside one; when none does,
// the labels that would stand inside are left out.
func thinLabels(l columnLayout, cats []string, h float64, p palette) columnLayout {
	if !overflows(l) || l.valRotated {
		return l
	}
	widest := 0.0
	for _, s := range cats {
		widest = math.Max(widest, textWidth(p.regular, s, p.fs))
	}
	if widest > 3*p.fs {
		return l
	}
	every := max(int(math.Ceil((widest+6)/float64(l.slot))), 1)
	last := len(cats) - 1
	inside := func(i int) bool {
		w := textWidth(p.regular, cats[i], p.fs)
		return p.columns.Inside(l.centre(i)-w/2, l.centre(i)+w/2)
	}
	from := 0 // the first labelled bar counted back from the last
	for k := range every {
		clear := true
		for i := last - k; i >= 0 && clear; i -= every {
			clear = !inside(i)
		}
		if clear {
			from = k
			break
		}
	}
	for i, s := range cats {
		l.labels[i] = nil
		if (last-i)%every == from && !inside(i) {
			l.labels[i] = []string{s}
		}
	}
	l.padB = xAxisMargin + math.Ceil(p.fs) + 3
	if h > 0 {
		l.canvasH = math.Max(30, math.Floor(h-l.padT-l.padB))
	}
	l.labelLines, l.thinned, l.midWord = 1, every, false
	return l
}
