package charts

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/wcharczuk/go-chart/v2/drawing"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/locale"
	"github.com/brochure-dev/brochure/number"
)

// pie: drawn by hand rather than with go-chart's PieChart, which starts at
// 3 o'clock, strokes slices 5 px white and centres labels on the slices
// (unreadable on thin slices). Slices run clockwise from 12 o'clock in
// Primary, Accent and their tints, separated by a thin white line; a legend
// beside (or, in a narrow box, under) the pie gives label and value+unit,
// and the share when the values are not percentages already. More than
// maxShares slices are folded into 其他 (foldShares).

func init() {
	register("pie", sharesKind(
		func(c data.Chart, w float64, p palette) float64 { return layoutPie(c, w, p).total }, drawPie))
}

// sharesKind is a kind that shows the parts of a whole (pie, stacked),
// measured and drawn with its items folded by foldShares.
func sharesKind(height func(c data.Chart, w float64, p palette) float64,
	draw func(r *Renderer, c data.Chart, w float64, p palette)) kind {
	return drawn(sharesAlt,
		func(c data.Chart, w float64, p palette) float64 { return height(foldShares(c, p), w, p) },
		func(r *Renderer, c data.Chart, w float64, p palette) { draw(r, foldShares(c, p), w, p) })
}

// maxShares is the most slices a pie chart (or segments a stacked chart)
// shows: more are too thin to tell apart, and their colours too alike.
const maxShares = 8

// foldShares returns c, or, when it has more than maxShares items, c with
// its largest maxShares-1 items kept in their order and the others added
// up into one item at the end, named in the report's language
// (locale.Labels.Rest and Items): 其他（23项）, その他（23項目）, "Other
// (23)". An item the report already calls the rest (其他, その他, Other:
// locale.IsRest) joins them without being counted as one of them, since
// it is itself a rest of unknown count: 其他（含5项）, "Other (incl. 5)".
func foldShares(c data.Chart, p palette) data.Chart {
	if len(c.Data) <= maxShares {
		return c
	}
	isOther := func(d data.Point) bool { return locale.IsRest(d.Label) }
	order := make([]int, len(c.Data))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return c.Data[order[a]].Value.Value > c.Data[order[b]].Value.Value })
	keep := make([]bool, len(c.Data))
	for n, i := 0, 0; n < maxShares-1 && i < len(order); i++ {
		if !isOther(c.Data[order[i]]) {
			keep[order[i]] = true
			n++
		}
	}
	out := c
	out.Data = nil
	sum, decimals, n, own := 0.0, 0, 0, false
	for i, d := range c.Data {
		if keep[i] {
			out.Data = append(out.Data, d)
			continue
		}
		sum += d.Value.Value
		if j := strings.IndexByte(d.Value.Text, '.'); j >= 0 {
			decimals = max(decimals, len(d.Value.Text)-j-1)
		}
		if isOther(d) {
			own = true
		} else {
			n++
		}
	}
	w := p.words()
	count := w.Items
	if own {
		count = w.ItemsWith
	}
	label := w.Rest + fmt.Sprintf(count, n)
	text := strconv.FormatFloat(sum, 'f', decimals, 64)
	v, _ := strconv.ParseFloat(text, 64)
	out.Data = append(out.Data, data.Point{Label: label, Value: data.Number{Value: v, Text: text}})
	return out
}

// shareColors are the colours of a pie's slices or a stacked bar's
// segments: the series colours, but a last item that is the rest (其他,
// 其他（13项）, Other, Other (13): folded by foldShares or written so) is a
// neutral grey, as charts set the rest apart, not a shade of the brand
// colour beside the largest slice.
func shareColors(c data.Chart, p palette) []drawing.Color {
	n := len(c.Data)
	if n < 2 || !locale.IsRest(c.Data[n-1].Label) {
		return seriesColors(p, n)
	}
	cols := seriesColors(p, n-1)
	for _, g := range []drawing.Color{{R: 0xBF, G: 0xBF, B: 0xBF, A: 255}, p.rule, {R: 0xA6, G: 0xA6, B: 0xA6, A: 255}, {R: 0x8C, G: 0x8C, B: 0x8C, A: 255}} {
		if !slices.ContainsFunc(cols, func(o drawing.Color) bool { return colorDistance(o, g) < 20 }) {
			return append(cols, g)
		}
	}
	return seriesColors(p, n)
}

type pieLayout struct {
	d              float64
	legendBeside   bool
	legendX, itemW float64
	items          [][]string // wrapped legend lines per slice
	fs             float64    // the legend's size (legendLines)
	itemH          []float64
	legendH, total float64
}

// shareNote is "（61.1%）" after a value that is not itself a percentage;
// in English " (61.1%)".
func shareNote(c data.Chart, d data.Point, sum float64, p palette) string {
	if c.Unit == "%" || d.Unit == "%" {
		return ""
	}
	if p.en() {
		return " (" + number.Percent(d.Value.Value/sum, shareDecimals(c)) + ")"
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

// pieLeast is the narrowest a pie with its legend beside it is set to
// give its legend's entries one line each, pt: its slices stay readable.
const pieLeast = 70.0

func layoutPie(c data.Chart, w float64, p palette) pieLayout {
	l := pieLayout{d: math.Round(clamp(w*0.42, 60, 110))}
	sum := shareSum(c)
	var labels, values, notes []string
	widest := 0.0 // the widest legend entry on one line
	for _, d := range c.Data {
		labels = append(labels, d.Label)
		values = append(values, valueLabel(c, d, p))
		notes = append(notes, shareNote(c, d, sum, p))
		widest = math.Max(widest, textWidth(p.regular, d.Label+"  "+values[len(values)-1]+notes[len(notes)-1], p.fs))
	}
	l.legendBeside = w-l.d >= 90
	if l.legendBeside {
		// a narrower circle, down to pieLeast, rather than legend
		// entries wrapped (minato-city's その他（2 項目を含む） 33 億円);
		// then the legend half a point smaller, when that is enough
		if over := widest - (w - l.d - 12 - swatch - 4); over > 0 {
			l.d = math.Max(math.Min(l.d, pieLeast), math.Floor(l.d-over))
		}
		l.legendX = l.d + 12
		l.itemW = w - l.legendX - swatch - 4
	} else {
		l.d = math.Round(clamp(w*0.7, 60, 110))
		l.itemW = w - swatch - 4
	}
	fs := p.fs
	if l.legendBeside && widest > l.itemW && widest*(fs-0.5)/fs <= l.itemW {
		fs -= 0.5 // half a point less, where that keeps the entries on one line
	}
	l.items, l.fs = legendLines(p.regular, labels, values, notes, fs, l.itemW)
	lh := l.fs * 1.25
	for _, lines := range l.items {
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
	cols := shareColors(c, p)
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
	lh := l.fs * 1.25
	for i, lines := range l.items {
		r.rect(lx, ly+(lh-swatch)/2, swatch, swatch, cols[i])
		for j, s := range lines {
			r.textAt(p.regular, l.fs, p.ink, s, lx+swatch+4, ly+float64(j)*lh+(lh-l.fs)/2+capHeightEm*l.fs)
		}
		ly += l.itemH[i]
	}
}
