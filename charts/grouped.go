package charts

import (
	"math"

	"github.com/brochure-dev/brochure/data"
)

// grouped: go-chart's BarChart has one series and its StackedBarChart stacks; there
// is no side-by-side grouped bar chart. So grouped is drawn by hand with the
// same layout, axis, labels and value labels as bar: per category the
// series' bars next to each other in the series colours, a legend at the
// top right.

func init() {
	register("grouped", columnKind(seriesAlt, layoutGrouped, drawGrouped))
}

// layoutGrouped lays the bars out as bar does (layoutBar): values that
// would have to be set smaller or turn are set without the unit the
// axis caption names, when they fit so.
func layoutGrouped(c data.Chart, w, h float64, p palette) columnLayout {
	var cats, labels, bare []string
	var vals []float64
	one := c.Unit != "" // every value in the caption's unit
	for _, d := range c.Data {
		cats = append(cats, d.Label)
		one = one && (d.Unit == "" || d.Unit == c.Unit)
		for _, v := range d.Values {
			vals = append(vals, v.Value)
			labels = append(labels, format(c, unitOf(c, d), p).Label(v.Text))
			bare = append(bare, format(c, "", p).Label(v.Text))
		}
	}
	k := max(len(c.Series), 1)
	l := layoutColumns(c, cats, vals, labels, k, c.Series, w, h, p)
	l.valueLabels = labels
	if one && (l.valRotated || l.valSize < p.fs-1) {
		if b := layoutColumns(c, cats, vals, bare, k, c.Series, w, h, p); !b.valRotated && (l.valRotated || b.valSize > l.valSize) {
			l = b
			l.valueLabels = bare
		}
	}
	return l
}

func drawGrouped(r *Renderer, c data.Chart, l columnLayout, w float64, p palette) error {
	// the plot ends with the last category's slot (see drawBar)
	left, right := l.padL, math.Min(math.Floor(w)-l.padR, l.padL+float64(len(c.Data)*l.slot))
	top, bottom := l.padT, l.padT+l.canvasH
	span := (l.axis.max - l.axis.min) * l.axis.div
	ypos := func(v float64) float64 { return bottom - (v-l.axis.min*l.axis.div)/span*l.canvasH }
	zero := ypos(0)
	// bar k of category i: its left edge; value j is its label (the
	// labels run category by category, as layoutGrouped made them)
	barX := func(i, k int) float64 {
		return left + float64(i*l.slot) + float64(l.slot-l.groupW)/2 + float64(k*l.barW)
	}
	var labels []box
	j := 0
	for i, d := range c.Data {
		for k, v := range d.Values {
			labels = append(labels, l.valueBox(l.valueLabels[j], barX(i, k)+float64(l.barW)/2, ypos(v.Value), zero, v.Value < 0, p))
			j++
		}
	}
	l.drawTop(r, p)
	l.axis.draw(r, left, right, ypos, p, labels...)
	_ = top
	cols := seriesFocus(p, c.Series)
	em := math.Ceil(p.fs)
	j = 0
	for i, d := range c.Data {
		for k, v := range d.Values {
			y := ypos(v.Value)
			bx := barX(i, k)
			r.rect(bx+0.5, math.Min(y, zero), float64(l.barW)-1, math.Abs(zero-y), cols[k])
			l.valueText(r, l.valueLabels[j], bx+float64(l.barW)/2, y, zero, v.Value < 0, p)
			j++
		}
		cx := left + float64(i*l.slot) + float64(l.slot)/2
		for j, s := range l.labels[i] {
			// under its group, but beginning inside no gutter of the
			// page's columns (see valueX)
			tw := textWidth(p.regular, s, p.fs)
			x := cx + p.columns.within(cx-tw/2, float64(l.groupW)/2)
			r.textCentre(p.regular, p.fs, p.ink, s, x, bottom+xAxisMargin+capHeightEm*p.fs+float64(j)*(em+barLabelSpacing))
		}
	}
	ax := p.ink
	if l.axis.min < 0 {
		r.hline(left, right, bottom, 0.8, p.rule)
	}
	r.hline(left, right, zero, 0.8, ax)
	return nil
}
