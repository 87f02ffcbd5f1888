package charts

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"
	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/fonts"
)

// Style is the look shared by all charts of a document.
type Style struct {
	Primary, Accent, Ink, Muted, Rule string  // "#RRGGBB"
	FontSize                          float64 // label size pt, default 8
}

// DefaultStyle is the newspaper palette used when a Style field is empty.
var DefaultStyle = Style{
	Primary: "#B5121B", Accent: "#1F4E9A", Ink: "#1A1A1A", Muted: "#6B6B6B", Rule: "#D9D9D9",
	FontSize: 8,
}

// palette is a Style resolved to colours.
type palette struct {
	primary, accent, ink, muted, rule drawing.Color
	fs                                float64
}

func (st Style) resolve() palette {
	col := func(s, def string) drawing.Color {
		if c, ok := parseHex(s); ok {
			return c
		}
		c, _ := parseHex(def)
		return c
	}
	d := DefaultStyle
	p := palette{
		primary: col(st.Primary, d.Primary),
		accent:  col(st.Accent, d.Accent),
		ink:     col(st.Ink, d.Ink),
		muted:   col(st.Muted, d.Muted),
		rule:    col(st.Rule, d.Rule),
		fs:      st.FontSize,
	}
	if p.fs <= 0 {
		p.fs = d.FontSize
	}
	return p
}

func parseHex(s string) (drawing.Color, bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(s) != 6 {
		return drawing.Color{}, false
	}
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		return drawing.Color{}, false
	}
	return drawing.Color{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 255}, true
}

// tint mixes c with white: t=0 gives c, t=1 white.
func tint(c drawing.Color, t float64) drawing.Color {
	m := func(v uint8) uint8 { return uint8(math.Round(float64(v) + (255-float64(v))*t)) }
	return drawing.Color{R: m(c.R), G: m(c.G), B: m(c.B), A: 255}
}

// Typography shared by the kinds.
const (
	titleSize    = 9.0 // chart title, Bold
	titleLeading = 1.3 // title line pitch in em
	titleGap     = 5.0 // title block to plot
	capHeightEm  = 0.88
	bigSize      = 18.0 // donut / progress percentage, Black
)

// Height returns the height (pt) chart c wants at the given width,
// including its title, with the default 8 pt labels (see Style.Height).
func Height(c data.Chart, width float64) float64 {
	return DefaultStyle.Height(c, width)
}

// Height is Height for charts drawn with st (its FontSize changes the
// label rows).
func (st Style) Height(c data.Chart, width float64) float64 {
	p := st.resolve()
	th := titleHeight(c.Title, width)
	switch c.Type {
	case "bar":
		l := layoutBar(c, width, 0, p)
		return th + l.padT + l.defaultCanvasH + l.padB
	case "hbar":
		l := layoutHBar(c, width, p)
		return th + l.total
	case "donut":
		l := layoutDonut(c, width, p)
		return th + l.total
	case "progress":
		return th + progressHeight(p)
	case "pie":
		l := layoutPie(c, width, p)
		return th + l.total
	}
	return th
}

// Draw draws chart c in the box (x, y, w, h) pt of the current page: its
// title at the top, left-aligned, then the plot, top-aligned (the plot
// never grows past h; a bar chart stretches to fill it).
func Draw(pdf *fpdf.Fpdf, c data.Chart, x, y, w, h float64, st Style) error {
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("chart %q: %w", c.Title, err)
	}
	p := st.resolve()
	if err := check(c); err != nil {
		return fmt.Errorf("chart %q: %w", c.Title, err)
	}
	th := drawTitle(pdf, c.Title, x, y, w, p)
	r := NewRenderer(pdf, x, y+th)
	r.SetFont(fonts.Regular.Font())
	ph := h - th
	var err error
	switch c.Type {
	case "bar":
		err = drawBar(r, c, w, ph, p)
	case "hbar":
		drawHBar(r, c, w, p)
	case "donut":
		drawDonut(r, c, w, p)
	case "progress":
		drawProgress(r, c, w, p)
	case "pie":
		drawPie(r, c, w, p)
	}
	if err == nil {
		err = pdf.Error()
	}
	if err != nil {
		return fmt.Errorf("chart %q: %w", c.Title, err)
	}
	return nil
}

func check(c data.Chart) error {
	switch c.Type {
	case "bar", "hbar", "pie":
		if len(c.Data) == 0 {
			return fmt.Errorf("%s chart has no data", c.Type)
		}
		for _, d := range c.Data {
			if math.IsNaN(d.Value.Value) || math.IsInf(d.Value.Value, 0) {
				return fmt.Errorf("%q: value %q is not a number", d.Label, d.Value.Text)
			}
		}
		if c.Type == "pie" {
			sum := 0.0
			for _, d := range c.Data {
				if d.Value.Value < 0 {
					return fmt.Errorf("pie slice %q is negative (%s)", d.Label, d.Value.Text)
				}
				sum += d.Value.Value
			}
			if sum <= 0 {
				return errors.New("pie chart values sum to zero")
			}
		}
	case "donut", "progress":
		if c.Percent == nil && (c.Value == nil || c.Total == nil) {
			return fmt.Errorf("%s chart needs value and total, or percent", c.Type)
		}
		if c.Percent == nil && c.Total.Value <= 0 {
			return fmt.Errorf("%s chart total %q must be positive", c.Type, c.Total.Text)
		}
	default:
		return fmt.Errorf("unknown chart type %q", c.Type)
	}
	return nil
}

// ---- text helpers ----

// wrapRunes breaks s greedily between characters so every line fits width
// at size in face (a single character wider than width gets its own line).
func wrapRunes(face *fonts.Face, s string, size, width float64) []string {
	var lines []string
	var cur []rune
	w := 0.0
	for _, ch := range s {
		if ch == '\n' {
			lines = append(lines, string(cur))
			cur, w = cur[:0], 0
			continue
		}
		cw := face.Width(string(ch), size)
		if len(cur) > 0 && w+cw > width+1e-9 {
			lines = append(lines, string(cur))
			cur, w = cur[:0], 0
		}
		cur = append(cur, ch)
		w += cw
	}
	return append(lines, string(cur))
}

func titleLines(title string, width float64) []string {
	if strings.TrimSpace(title) == "" {
		return nil
	}
	return wrapRunes(fonts.Bold, title, titleSize, width)
}

func titleHeight(title string, width float64) float64 {
	n := len(titleLines(title, width))
	if n == 0 {
		return 0
	}
	return float64(n)*titleSize*titleLeading + titleGap
}

// drawTitle sets the title Bold 9 pt Ink at the top left and returns the
// height used.
func drawTitle(pdf *fpdf.Fpdf, title string, x, y, w float64, p palette) float64 {
	lines := titleLines(title, w)
	if len(lines) == 0 {
		return 0
	}
	pdf.SetFont(fonts.Bold.Family, "", titleSize)
	pdf.SetTextColor(int(p.ink.R), int(p.ink.G), int(p.ink.B))
	for i, l := range lines {
		pdf.Text(x, y+float64(i)*titleSize*titleLeading+capHeightEm*titleSize, l)
	}
	return titleHeight(title, w)
}

// textAt draws s in face at size with its baseline's left end at (x, y)
// (chart coordinates) through the renderer, at float precision.
func (r *Renderer) textAt(face *fonts.Face, size float64, c drawing.Color, s string, x, y float64) {
	r.SetFont(face.Font())
	r.SetFontSize(size * 72 / r.dpi)
	r.SetFontColor(c)
	r.ClearTextRotation()
	r.text(s, x, y)
}

func (r *Renderer) rect(x, y, w, h float64, c drawing.Color) {
	if w <= 0 || h <= 0 {
		return
	}
	r.SetFillColor(c)
	r.SetStrokeColor(drawing.ColorTransparent)
	r.moveTo(x, y)
	r.lineTo(x+w, y)
	r.lineTo(x+w, y+h)
	r.lineTo(x, y+h)
	r.Close()
	r.Fill()
}

func (r *Renderer) hline(x0, x1, y, width float64, c drawing.Color) {
	r.SetStrokeColor(c)
	r.SetStrokeWidth(width)
	r.SetStrokeDashArray(nil)
	r.moveTo(x0, y)
	r.lineTo(x1, y)
	r.Stroke()
}

func (r *Renderer) vline(x, y0, y1, width float64, c drawing.Color) {
	r.SetStrokeColor(c)
	r.SetStrokeWidth(width)
	r.SetStrokeDashArray(nil)
	r.moveTo(x, y0)
	r.lineTo(x, y1)
	r.Stroke()
}

// unitOf is the unit printed after a point's value.
func unitOf(c data.Chart, d data.Point) string {
	if d.Unit != "" {
		return d.Unit
	}
	return c.Unit
}

func valueLabel(c data.Chart, d data.Point) string {
	return d.Value.Text + unitOf(c, d)
}

// percentText is the share a donut or progress chart prints: the percent as
// written, or value/total with one decimal.
func percentText(c data.Chart) string {
	if c.Percent != nil {
		return c.Percent.Text + "%"
	}
	return strconv.FormatFloat(c.Fraction()*100, 'f', 1, 64) + "%"
}

// ofText is the "376 / 1653家" caption, or "" with only a percent.
func ofText(c data.Chart) string {
	if c.Value == nil || c.Total == nil {
		return ""
	}
	return c.Value.Text + " / " + c.Total.Text + c.Unit
}

func clamp(v, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, v)) }

// ---- bar: go-chart BarChart ----

// niceScale returns a 0-based axis: step and the multiples of it covering
// [lo, hi] (lo ≤ 0 ≤ hi), about four intervals.
func niceScale(lo, hi float64) (min, max, step float64) {
	span := hi - lo
	if span <= 0 {
		span = 1
	}
	raw := span / 4
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 2.5, 5, 10} {
		step = m * mag
		if step >= raw {
			break
		}
	}
	min = math.Floor(lo/step+1e-9) * step
	max = math.Ceil(hi/step-1e-9) * step
	if max <= 0 && hi <= 0 && lo < 0 {
		max = 0
	}
	if max == min {
		max = min + step
	}
	return min, max, step
}

func tickText(v, step float64) string {
	dec := 0
	for s := step; dec < 4 && math.Abs(s-math.Round(s)) > 1e-9; s *= 10 {
		dec++
	}
	if math.Abs(v) < step/1e6 {
		v = 0
	}
	return strconv.FormatFloat(v, 'f', dec, 64)
}

type barLayout struct {
	padT, padL, padR, padB float64
	defaultCanvasH         float64
	slot, barW             int
	min, max, step         float64
	valSize                float64 // value label size
	valRotated             bool    // value labels set vertically
	tickSize               float64
	labelLines             int
}

const (
	barLabelSpacing = 1 // go-chart TextLineSpacing between wrapped X label lines
	xAxisMargin     = chart.DefaultXAxisMargin
)

// layoutBar computes the paddings go-chart's BarChart is given so that its
// canvas box is exactly known (the Y axis is drawn by us, see drawBar):
// canvas = {padT, padL, W-padR, H-padB}.
func layoutBar(c data.Chart, w, h float64, p palette) barLayout {
	var l barLayout
	n := len(c.Data)
	if n == 0 {
		n = 1
	}
	lo, hi := 0.0, 0.0
	for _, d := range c.Data {
		lo = math.Min(lo, d.Value.Value)
		hi = math.Max(hi, d.Value.Value)
	}
	if lo < 0 {
		// room under the lowest bar for its value label
		lo -= (hi - lo) * 0.15
	}
	l.min, l.max, l.step = niceScale(lo, hi)
	l.tickSize = p.fs - 1
	tw := 0.0
	for v := l.min; v <= l.max+l.step/2; v += l.step {
		tw = math.Max(tw, fonts.Regular.Width(tickText(v, l.step), l.tickSize))
	}
	l.padL = math.Ceil(tw) + 4
	l.padR = 2
	l.slot = int(math.Floor((w - l.padL - l.padR) / float64(n)))
	if l.slot < 2 {
		l.slot = 2
	}
	l.barW = int(math.Round(float64(l.slot) * 0.6))
	if l.barW > 40 {
		l.barW = 40
	}
	if l.barW < 1 {
		l.barW = 1
	}
	// Value labels: full size if they fit over their slot, else smaller
	// (down to 6 pt), else set vertically.
	l.valSize = p.fs
	maxW := 0.0
	for _, d := range c.Data {
		maxW = math.Max(maxW, fonts.Regular.Width(valueLabel(c, d), p.fs))
	}
	fit := float64(l.slot) - 2
	if maxW > fit {
		l.valSize = math.Max(6, math.Floor(p.fs*fit/maxW*4)/4)
		if maxW*l.valSize/p.fs > fit {
			l.valRotated = true
			l.valSize = p.fs - 1
		}
	}
	if l.valRotated {
		l.padT = math.Ceil(maxW*l.valSize/p.fs) + 5
	} else {
		l.padT = math.Ceil(l.valSize) + 5
	}
	// X labels: go-chart wraps them per character in a slot-wide box; we
	// reproduce its measurement (integer em boxes) to reserve the height.
	lines := 1
	for _, d := range c.Data {
		lines = max(lines, len(goChartWrapRune(d.Label, l.slot, p.fs)))
	}
	l.labelLines = lines
	em := int(math.Ceil(p.fs))
	labelH := lines*em + (lines-1)*barLabelSpacing
	l.padB = float64(xAxisMargin + labelH + 3)
	l.defaultCanvasH = math.Round(clamp(w*0.42, 80, 170))
	return l
}

// goChartWrapRune mirrors chart.Text.WrapFitRune with our MeasureText
// (width ceil'd to whole px, wrap when a line reaches the box width).
func goChartWrapRune(s string, width int, size float64) []string {
	var out []string
	line := ""
	for _, c := range s {
		if int(math.Ceil(fonts.Regular.Width(line+string(c), size))) >= width {
			out = append(out, line)
			line = string(c)
			continue
		}
		line += string(c)
	}
	return append(out, line)
}

// drawBar draws a vertical bar chart with go-chart's BarChart on the fpdf
// renderer. go-chart draws the bars, the baseline and the wrapped category
// labels; we draw the grid and Y tick labels (before, so bars cover the
// grid) and the value labels (as a chart Element, after).
func drawBar(r *Renderer, c data.Chart, w, h float64, p palette) error {
	l := layoutBar(c, w, h, p)
	W := int(math.Floor(w))
	H := int(math.Floor(h))
	canvasH := H - int(l.padT) - int(l.padB)
	if canvasH < 30 {
		canvasH = 30
		H = canvasH + int(l.padT) + int(l.padB)
	}
	canvas := chart.Box{Top: int(l.padT), Left: int(l.padL), Right: W - int(l.padR), Bottom: int(l.padT) + canvasH}
	yr := &chart.ContinuousRange{Min: l.min, Max: l.max, Domain: canvas.Height()}
	ypos := func(v float64) float64 { return float64(canvas.Bottom - yr.Translate(v)) }

	// Grid and tick labels, under everything.
	for v := l.min; v <= l.max+l.step/2; v += l.step {
		y := ypos(v)
		if math.Abs(v) > l.step/1e6 {
			r.hline(float64(canvas.Left), float64(canvas.Right), y, 0.5, p.rule)
		}
		t := tickText(v, l.step)
		tw := fonts.Regular.Width(t, l.tickSize)
		r.textAt(fonts.Regular, l.tickSize, p.muted, t, float64(canvas.Left)-3-tw, y+0.35*l.tickSize)
	}

	font := fonts.Regular.Font()
	transparent := chart.Style{FillColor: drawing.ColorTransparent, StrokeColor: drawing.ColorTransparent}
	bars := make([]chart.Value, len(c.Data))
	for i, d := range c.Data {
		// The trailing newline works around WrapFitRune's appendLast,
		// which glues the last wrapped line onto the one before it
		// (making it overflow the slot); after "\n" the tail is empty.
		label := d.Label
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
			Padding: chart.Box{Top: int(l.padT), Left: int(l.padL), Right: int(l.padR), Bottom: H - canvas.Bottom, IsSet: true},
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
			drawBarValues(r, c, l, cb, p)
		}},
	}
	if l.min < 0 {
		// The axis go-chart draws sits at the range minimum: make it a
		// light rule and draw the zero line in ink over the bars' feet.
		bc.XAxis.StrokeColor = p.rule
		defer r.hline(float64(canvas.Left), float64(canvas.Right), ypos(0), 0.8, p.ink)
	}
	return bc.Render(r.Provider(), io.Discard)
}

// drawBarValues writes "14.98%" over (or under, if negative) every bar,
// at the positions go-chart's BarChart.drawBars uses.
func drawBarValues(r *Renderer, c data.Chart, l barLayout, cb chart.Box, p palette) {
	yr := &chart.ContinuousRange{Min: l.min, Max: l.max, Domain: cb.Height()}
	sp := l.slot - l.barW
	for i, d := range c.Data {
		left := float64(cb.Left + i*l.slot + sp>>1)
		cx := left + float64(l.barW)/2
		top := float64(cb.Bottom - yr.Translate(d.Value.Value))
		zero := float64(cb.Bottom - yr.Translate(0))
		s := valueLabel(c, d)
		tw := fonts.Regular.Width(s, l.valSize)
		neg := d.Value.Value < 0
		if l.valRotated {
			r.SetFont(fonts.Regular.Font())
			r.SetFontSize(l.valSize)
			r.SetFontColor(p.ink)
			rot := -math.Pi / 2
			r.SetTextRotation(rot)
			if neg {
				r.SetTextRotation(math.Pi / 2)
				r.text(s, cx-0.35*l.valSize, math.Max(top, zero)+3)
			} else {
				r.text(s, cx+0.35*l.valSize, math.Min(top, zero)-3)
			}
			r.ClearTextRotation()
			continue
		}
		y := math.Min(top, zero) - 3
		if neg {
			y = math.Max(top, zero) + 2 + capHeightEm*l.valSize
		}
		r.textAt(fonts.Regular, l.valSize, p.ink, s, cx-tw/2, y)
	}
}

// ---- hbar: own drawing ----
//
// go-chart has no horizontal bar chart, so hbar is drawn by hand through
// the same Renderer: category label at the left (right-aligned, wrapped per
// character when longer than the label column), a bar from the zero
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
		l.labelW = math.Max(l.labelW, fonts.Regular.Width(d.Label, p.fs))
		l.valW = math.Max(l.valW, fonts.Regular.Width(valueLabel(c, d), p.fs))
		l.lo = math.Min(l.lo, d.Value.Value)
		l.hi = math.Max(l.hi, d.Value.Value)
	}
	l.labelW = math.Min(l.labelW, math.Max(w*0.3, 2*p.fs))
	for _, d := range c.Data {
		lines := wrapRunes(fonts.Regular, d.Label, p.fs, l.labelW)
		l.rows = append(l.rows, lines)
		rh := math.Max(l.barH, float64(len(lines))*l.lineH)
		l.rowH = append(l.rowH, rh)
		l.total += rh + hbarGap
	}
	l.total -= hbarGap
	if l.total < 0 {
		l.total = 0
	}
	l.total += 2
	return l
}

func drawHBar(r *Renderer, c data.Chart, w float64, p palette) {
	l := layoutHBar(c, w, p)
	x0 := l.labelW + 6 // plot area left
	neg := 0.0
	if l.lo < 0 {
		neg = l.valW + 4 // room for negative value labels left of their bars
	}
	area := w - x0 - l.valW - 4 - neg
	if area < 10 {
		area = 10
	}
	span := l.hi - l.lo
	if span <= 0 {
		span = 1
	}
	zx := x0 + neg + area*(-l.lo)/span
	y := 0.0
	for i, d := range c.Data {
		rh := l.rowH[i]
		mid := y + rh/2
		// label, right-aligned, vertically centred on the bar
		lines := l.rows[i]
		ly := mid - float64(len(lines))*l.lineH/2
		for j, s := range lines {
			tw := fonts.Regular.Width(s, p.fs)
			r.textAt(fonts.Regular, p.fs, p.ink, s, l.labelW-tw, ly+float64(j)*l.lineH+(l.lineH-p.fs)/2+capHeightEm*p.fs)
		}
		bw := area * d.Value.Value / span
		by := mid - l.barH/2
		s := valueLabel(c, d)
		tw := fonts.Regular.Width(s, p.fs)
		base := mid + 0.35*p.fs
		if bw >= 0 {
			r.rect(zx, by, bw, l.barH, p.primary)
			r.textAt(fonts.Regular, p.fs, p.ink, s, zx+bw+3, base)
		} else {
			r.rect(zx+bw, by, -bw, l.barH, p.primary)
			r.textAt(fonts.Regular, p.fs, p.ink, s, zx+bw-3-tw, base)
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
	l.caption = ofText(c)
	inner := l.d - 2*l.ring
	pct := percentText(c)
	l.pctSize = bigSize
	if pw := fonts.Black.Width(pct, l.pctSize); pw > inner*0.82 {
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
	pct := percentText(c)
	pw := fonts.Black.Width(pct, l.pctSize)
	r.textAt(fonts.Black, l.pctSize, p.primary, pct, cx-pw/2, cy+0.36*l.pctSize)
	if l.caption != "" {
		cw := fonts.Regular.Width(l.caption, p.fs)
		r.textAt(fonts.Regular, p.fs, p.muted, l.caption, cx-cw/2, l.d+5+capHeightEm*p.fs)
	}
}

// ---- progress: own drawing ----
//
// A track in the Rule colour with the share filled in Primary; above it the
// percentage set big (Black) at the left and "49 / 78" small at the right.

func progressHeight(p palette) float64 { return bigSize + 4 + 8 }

func drawProgress(r *Renderer, c data.Chart, w float64, p palette) {
	f := clamp(c.Fraction(), 0, 1)
	pct := percentText(c)
	base := capHeightEm * bigSize
	r.textAt(fonts.Black, bigSize, p.primary, pct, 0, base)
	if s := ofText(c); s != "" {
		sw := fonts.Regular.Width(s, p.fs)
		r.textAt(fonts.Regular, p.fs, p.muted, s, w-sw, base)
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
// beside (or, in a narrow box, under) the pie gives label and value+unit.

type pieLayout struct {
	d              float64
	legendBeside   bool
	legendX, itemW float64
	items          [][]string // wrapped legend lines per slice
	itemH          []float64
	legendH, total float64
}

func pieColors(p palette, n int) []drawing.Color {
	base := []drawing.Color{p.primary, p.accent, tint(p.primary, 0.45), tint(p.accent, 0.45),
		p.muted, tint(p.primary, 0.75), tint(p.accent, 0.75), p.rule}
	out := make([]drawing.Color, n)
	for i := range out {
		out[i] = base[i%len(base)]
	}
	return out
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
	for _, d := range c.Data {
		lines := wrapRunes(fonts.Regular, d.Label+"  "+valueLabel(c, d), p.fs, l.itemW)
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
	sum := 0.0
	for _, d := range c.Data {
		sum += d.Value.Value
	}
	cols := pieColors(p, len(c.Data))
	a := twelve
	r.SetStrokeColor(drawing.ColorWhite)
	r.SetStrokeWidth(0.8)
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
	// legend
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
