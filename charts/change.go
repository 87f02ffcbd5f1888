package charts

import (
	"math"

	"github.com/brochure-dev/brochure/data"
)

// change: year-over-year changes as a list: the item's name at the left; at the
// right "同比下降" and the arrow with the percentage, set big. The colour
// says good or bad news, chosen by the data (better: lower|higher), not by
// the sign: fewer accidents is good news, more is bad news, each in its
// semantic colour (Style.Good, Style.Bad), which a brand colour does not
// change. go-chart has nothing like it.

func init() {
	register("change", drawn(changeAlt,
		func(c data.Chart, w float64, p palette) float64 { return layoutChange(c, w, p).total },
		drawChange))
}

type changeLayout struct {
	rowH, figSize, labelW float64
	rows                  [][]string
	heights               []float64
	total                 float64
}

// changeWords are a change's word in the report's language (同比上升,
// 前年比増加, up: locale.Labels.Change) and its arrow.
func changeWords(v float64, p palette) (word, arrow string) {
	word = p.words().Change(v)
	switch {
	case v > 0:
		return word, "↑"
	case v < 0:
		return word, "↓"
	}
	return word, ""
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
		fw := textWidth(p.regular, word, p.fs) + 4 + textWidth(p.black, arrow+changeFigure(c, d, p), l.figSize)
		figW = math.Max(figW, fw)
	}
	l.labelW = math.Max(w-figW-10, w*0.3)
	l.rowH = l.figSize + 8
	for _, d := range c.Data {
		lines := wrap(p.bold, d.Label, p.fs+1, l.labelW)
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
			r.textAt(p.bold, p.fs+1, p.ink, s, 0, ly+float64(j)*lh+(lh-p.fs-1)/2+capHeightEm*(p.fs+1))
		}
		good := d.Value.Value < 0 == (c.Better == "lower")
		col := p.bad
		switch {
		case d.Value.Value == 0:
			col = p.muted
		case good:
			col = p.good
		}
		word, arrow := changeWords(d.Value.Value, p)
		fig := arrow + changeFigure(c, d, p)
		base := mid + 0.36*l.figSize
		fw := textWidth(p.black, fig, l.figSize)
		r.textAt(p.black, l.figSize, col, fig, w-fw, base)
		r.textRight(p.regular, p.fs, p.muted, word, w-fw-4, base)
		if i < len(c.Data)-1 {
			r.hline(0, w, y+h, 0.5, p.rule)
		}
		y += h
	}
}
