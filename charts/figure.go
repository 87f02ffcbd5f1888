package charts

import (
	"unicode/utf8"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/number"
)

// A bar chart of one item is one figure: a lone bar in a plot with its
// axis and grid says no more than the figure over it, set small and lost
// (xingang-transport's 新增路外停車位, port-review's containers of 2025).
// It is set as a designer sets such a figure: big (Black, in Primary, as
// a donut's or a progress bar's percentage), its unit after it at the
// label size, the item's label (the year) under it, muted. It keeps its
// height (it does not stretch), and reads the same to Alt.

// figureSize is a one-item chart's figure size, pt, at most: twice a
// progress bar's percentage (bigSize), larger than a stat card's, since
// it is all the figure shows; smaller, down to two points over the
// labels, where the width does not hold it.
const figureSize = 36.0

// figureGap is the room between the figure's box and its label, pt.
const figureGap = 6.0

// oneFigure reports whether chart c is drawn as one figure.
func oneFigure(c data.Chart) bool { return c.Type == "bar" && len(c.Data) == 1 }

// figureParts are the figure (with its prefix) and the unit one-item chart
// c prints, and the sizes that fit them in w.
func figureParts(c data.Chart, w float64, p palette) (fig, unit string, size float64) {
	d := c.Data[0]
	fig = format(c, "", p).Label(d.Value.Text)
	unit = unitOf(c, d)
	size = figureSize
	for size > p.fs+2 && figureWidth(fig, unit, size, p) > w {
		size -= 0.5
	}
	return fig, unit, size
}

// figureWidth is the width of figure and unit set at size.
func figureWidth(fig, unit string, size float64, p palette) float64 {
	return textWidth(p.black, fig, size) + unitGap(unit, p) + textWidth(p.regular, unit, p.fs+1)
}

// unitGap is the room between the figure and its unit: a space's width
// before a Latin word in English, a quarter em of the unit's size before
// a Chinese or Japanese unit (as number.Attach and the text's quarter-em
// set them); a point before %, ‰ or ℃.
func unitGap(unit string, p palette) float64 {
	if unit == "" {
		return 0
	}
	if number.Attach("", "0", unit, p.lang) != "0"+unit {
		return textWidth(p.regular, " ", p.fs+1)
	}
	if r, _ := utf8.DecodeRuneInString(unit); r >= 0x2E80 {
		return (p.fs + 1) / 4
	}
	return 1 // %, ‰, ℃ sit tight
}

// figureHeight is the height of a one-item chart: the figure, then its
// label.
func figureHeight(c data.Chart, w float64, p palette) float64 {
	_, _, size := figureParts(c, w, p)
	return size + figureGap + float64(len(figureLabel(c, w, p)))*p.fs*1.25
}

// figureLabel is the item's label, wrapped to w.
func figureLabel(c data.Chart, w float64, p palette) []string {
	if c.Data[0].Label == "" {
		return nil
	}
	return wrap(p.regular, c.Data[0].Label, p.fs, w)
}

// drawFigure draws a one-item chart at the origin of r, w wide.
func drawFigure(r *Renderer, c data.Chart, w float64, p palette) {
	fig, unit, size := figureParts(c, w, p)
	base := capHeightEm * size
	r.textAt(p.black, size, p.primary, fig, 0, base)
	if unit != "" {
		r.textAt(p.regular, p.fs+1, p.ink, unit, textWidth(p.black, fig, size)+unitGap(unit, p), base)
	}
	for j, s := range figureLabel(c, w, p) {
		r.textAt(p.regular, p.fs, p.muted, s, 0, size+figureGap+capHeightEm*p.fs+float64(j)*p.fs*1.25)
	}
}
