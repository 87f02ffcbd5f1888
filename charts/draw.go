// Package charts draws the brochure's charts straight into an fpdf
// document, as vectors and with the embedded Noto Sans SC faces, so chart
// text is real PDF text; the same drawing code writes SVG and PNG files for
// export (export.go).
//
// Kinds: bar (go-chart's BarChart), and, drawn by hand through the same
// go-chart Renderer so that they look of one family, hbar, grouped,
// stacked, donut, progress, pie, change and waffle; each says why it is not
// a go-chart chart.
package charts

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/internal/cjk"
	"github.com/brochure-dev/brochure/locale"
	"github.com/brochure-dev/brochure/number"
)

// Style is the look shared by all charts of a document.
type Style struct {
	Primary, Accent, Ink, Muted, Rule string  // "#RRGGBB"
	FontSize                          float64 // label size pt, default 8
	Lang                              string  // the report's language: "en" groups thousands, English words
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
	lang                              string
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
		lang:    st.Lang,
	}
	if p.fs <= 0 {
		p.fs = d.FontSize
	}
	return p
}

func (p palette) en() bool { return p.lang == "en" }

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

// seriesColors are the colours of series, slices and segments, in order:
// the two theme colours, then their tints, then greys.
func seriesColors(p palette, n int) []drawing.Color {
	base := []drawing.Color{p.primary, p.accent, tint(p.primary, 0.45), tint(p.accent, 0.45),
		p.muted, tint(p.primary, 0.75), tint(p.accent, 0.75), p.rule}
	out := make([]drawing.Color, n)
	for i := range out {
		out[i] = base[i%len(base)]
	}
	return out
}

// Typography shared by the kinds.
const (
	titleSize    = 9.0 // chart title, Bold
	titleLeading = 1.3 // title line pitch in em
	titleGap     = 5.0 // title block to plot
	capHeightEm  = 0.88
	bigSize      = 18.0 // donut / progress / waffle percentage, Black
)

// Height returns the height (pt) chart c wants at the given width,
// including its title, with the default 8 pt labels (see Style.Height).
func Height(c data.Chart, width float64) float64 {
	return DefaultStyle.Height(c, width)
}

// Height returns the height (pt) chart c wants at the given width,
// including its title. Bar and grouped charts take any height given to
// Draw (their plot stretches); the others are drawn at this height.
func (st Style) Height(c data.Chart, width float64) float64 {
	p := st.resolve()
	th := titleHeight(c.Title, width)
	switch c.Type {
	case "bar":
		l := layoutBar(c, width, 0, p)
		return th + l.padT + l.canvasH + l.padB
	case "grouped":
		l := layoutGrouped(c, width, 0, p)
		return th + l.padT + l.canvasH + l.padB
	case "hbar":
		return th + layoutHBar(c, width, p).total
	case "donut":
		return th + layoutDonut(c, width, p).total
	case "progress":
		return th + progressHeight(c, width, p)
	case "pie":
		return th + layoutPie(c, width, p).total
	case "stacked":
		return th + layoutStacked(c, width, p).total
	case "change":
		return th + layoutChange(c, width, p).total
	case "waffle":
		return th + layoutWaffle(c, width, p).total
	}
	return th
}

// Draw draws chart c in the box (x, y, w, h) pt of the current page (its
// text through text): its
// title at the top, left-aligned, then the plot, top-aligned (the plot
// never grows past h; bar and grouped charts stretch to fill it).
func Draw(pdf *fpdf.Fpdf, text *fonts.Embedding, c data.Chart, x, y, w, h float64, st Style) error {
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("chart %q: %w", c.Title, err)
	}
	if err := draw(&pdfCanvas{pdf: pdf, words: text}, c, x, y, w, h, st); err != nil {
		return err
	}
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("chart %q: %w", c.Title, err)
	}
	return nil
}

// draw draws c on any canvas.
func draw(cv canvas, c data.Chart, x, y, w, h float64, st Style) error {
	p := st.resolve()
	if err := check(c); err != nil {
		return fmt.Errorf("chart %q: %w", c.Title, err)
	}
	r := newRenderer(cv, x, y)
	r.SetFont(fonts.Regular.Font())
	th := r.title(c.Title, w, p)
	r.oy += th
	ph := h - th
	var err error
	switch c.Type {
	case "bar":
		err = drawBar(r, c, w, ph, p)
	case "grouped":
		drawGrouped(r, c, w, ph, p)
	case "hbar":
		drawHBar(r, c, w, p)
	case "donut":
		drawDonut(r, c, w, p)
	case "progress":
		drawProgress(r, c, w, p)
	case "pie":
		drawPie(r, c, w, p)
	case "stacked":
		drawStacked(r, c, w, p)
	case "change":
		drawChange(r, c, w, p)
	case "waffle":
		drawWaffle(r, c, w, p)
	}
	if err != nil {
		return fmt.Errorf("chart %q: %w", c.Title, err)
	}
	return nil
}

// check refuses data Draw cannot draw. data.Validate reports the same
// problems with positions; this is the last line for callers that build
// charts in code.
func check(c data.Chart) error {
	finite := func(n data.Number) bool { return !math.IsNaN(n.Value) && !math.IsInf(n.Value, 0) }
	switch c.Type {
	case "bar", "hbar", "pie", "stacked", "change", "grouped":
		if len(c.Data) == 0 {
			return fmt.Errorf("%s chart has no data", c.Type)
		}
		for _, d := range c.Data {
			if c.Type == "grouped" {
				if len(d.Values) != len(c.Series) || len(c.Series) == 0 {
					return fmt.Errorf("%q: %d values for %d series", d.Label, len(d.Values), len(c.Series))
				}
				for _, v := range d.Values {
					if !finite(v) {
						return fmt.Errorf("%q: value %q is not a number", d.Label, v.Text)
					}
				}
				continue
			}
			if !finite(d.Value) {
				return fmt.Errorf("%q: value %q is not a number", d.Label, d.Value.Text)
			}
		}
		if c.Type == "pie" || c.Type == "stacked" {
			sum := 0.0
			for _, d := range c.Data {
				if d.Value.Value < 0 {
					return fmt.Errorf("%s share %q is negative (%s)", c.Type, d.Label, d.Value.Text)
				}
				sum += d.Value.Value
			}
			if sum <= 0 {
				return fmt.Errorf("%s chart values sum to zero", c.Type)
			}
		}
		if c.Type == "change" && c.Better != "lower" && c.Better != "higher" {
			return errors.New(`change chart needs better: lower or higher`)
		}
	case "donut", "progress", "waffle":
		if c.Percent == nil && (c.Value == nil || c.Total == nil) {
			return fmt.Errorf("%s chart needs value and total, or percent", c.Type)
		}
		if c.Percent == nil && !(c.Total.Value > 0) {
			return fmt.Errorf("%s chart total %q must be positive", c.Type, c.Total.Text)
		}
	default:
		return fmt.Errorf("unknown chart type %q", c.Type)
	}
	return nil
}

// ---- text helpers ----

// wrap breaks a label into lines no wider than width in face at size, on
// character boundaries with kinsoku (internal/cjk, the rules of layout).
func wrap(face *fonts.Face, s string, size, width float64) []string {
	return cjk.Wrap(s, width, func(t string) float64 { return textWidth(face, t, size) })
}

func titleLines(title string, width float64) []string {
	if strings.TrimSpace(title) == "" {
		return nil
	}
	return wrap(fonts.Bold, title, titleSize, width)
}

func titleHeight(title string, width float64) float64 {
	n := len(titleLines(title, width))
	if n == 0 {
		return 0
	}
	return float64(n)*titleSize*titleLeading + titleGap
}

// title sets the title Bold 9 pt Ink at the top left and returns the
// height used.
func (r *Renderer) title(title string, w float64, p palette) float64 {
	for i, l := range titleLines(title, w) {
		r.textAt(fonts.Bold, titleSize, p.ink, l, 0, float64(i)*titleSize*titleLeading+capHeightEm*titleSize)
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

// textRight draws s with its baseline's right end at (x, y).
func (r *Renderer) textRight(face *fonts.Face, size float64, c drawing.Color, s string, x, y float64) {
	r.textAt(face, size, c, s, x-textWidth(face, s, size), y)
}

// textCentre draws s centred on x.
func (r *Renderer) textCentre(face *fonts.Face, size float64, c drawing.Color, s string, x, y float64) {
	r.textAt(face, size, c, s, x-textWidth(face, s, size)/2, y)
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

// ---- numbers (all through package number) ----

// unitOf is the unit printed after a point's value.
func unitOf(c data.Chart, d data.Point) string {
	if d.Unit != "" {
		return d.Unit
	}
	return c.Unit
}

// format is the chart's number format with the given unit.
func format(c data.Chart, unit string, p palette) number.Format {
	dec := -1
	if c.Decimals != nil {
		dec = *c.Decimals
	}
	return number.Format{Style: c.Format, Decimals: dec, Lang: p.lang, Prefix: c.Prefix, Unit: unit}
}

// valueLabel is a point's value as printed: prefix, figure, unit.
func valueLabel(c data.Chart, d data.Point, p palette) string {
	return format(c, unitOf(c, d), p).Label(d.Value.Text)
}

// shareDecimals is the decimals of computed percentages: the chart's, or 1.
func shareDecimals(c data.Chart) int {
	if c.Decimals != nil {
		return *c.Decimals
	}
	return 1
}

// percentText is the share a donut, progress or waffle chart prints: the
// percent as written, or value/total with one decimal (or decimals:).
func percentText(c data.Chart) string {
	if c.Percent != nil {
		f := number.Plain
		if c.Decimals != nil {
			f.Decimals = *c.Decimals
		}
		return f.Text(c.Percent.Text) + "%"
	}
	return number.Percent(c.Fraction(), shareDecimals(c))
}

// ofText is the "376 / 1653家" caption, or "" with only a percent.
func ofText(c data.Chart, p palette) string {
	if c.Value == nil || c.Total == nil {
		return ""
	}
	f := format(c, c.Unit, p)
	f.Prefix = ""
	bare := f
	bare.Unit = ""
	return bare.Text(c.Value.Text) + " / " + f.Label(c.Total.Text)
}

// unitCaption is the line naming an axis's unit ("单位：万人次"), or "".
func unitCaption(unit string, p palette) string {
	if unit == "" {
		return ""
	}
	return locale.Must(p.lang).Labels.Unit + unit // 单位：, 單位：, Unit:
}

func clamp(v, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, v)) }

// Strings returns every text chart c puts on the page (title, labels,
// values, ticks, legends, the words of change charts), so that callers can
// check the fonts have every character before drawing. It draws the chart
// at a usual width onto a canvas that only keeps the text.
func Strings(c data.Chart, lang string) []string {
	var tc textCollector
	st := DefaultStyle
	st.Lang = lang
	for _, w := range []float64{240, 480} {
		_ = draw(&tc, c, 0, 0, w, st.Height(c, w), st)
	}
	return tc.texts
}

type textCollector struct{ texts []string }

func (*textCollector) path([]pathOp, bool, bool, paintStyle) {}
func (t *textCollector) text(_ *fonts.Face, _ float64, _ drawing.Color, s string, _, _, _ float64) {
	t.texts = append(t.texts, s)
}
