package charts

import (
	"math"
	"slices"
	"sort"

	"github.com/wcharczuk/go-chart/v2/drawing"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/fonts"
)

// line: a trend, one line or one per series, drawn by hand on the column
// layout of bar and grouped (value axis, unit caption, legend, category
// labels), so that it looks of one family with them; go-chart's line
// charts bring their own axes and labels. Only the last point's value is
// printed (the figure a reader looks for), and the highlighted point's;
// target: is a dashed line with its label; zero: false lets the axis start
// above zero and marks the break on the baseline. Too many categories for
// their labels: every second (third, …) is labelled, the last always.
// area.go registers the same drawing with the area under the lines filled
// (and an axis from zero whatever zero: says: see fromZero).

func init() { register("line", trendKind(false)) }

func trendKind(area bool) kind {
	return kind{
		alt: trendAlt,
		height: func(c data.Chart, w float64, p palette) float64 {
			l := layoutTrend(c, w, 0, p)
			return l.padT + l.canvasH + l.padB
		},
		draw: func(r *Renderer, c data.Chart, w, h float64, p palette) error {
			drawTrend(r, c, w, h, p, area)
			return nil
		},
		stretches: true,
	}
}

type trendLayout struct {
	columnLayout
	names  []string        // the series, or one unnamed
	values [][]data.Number // per series, a value per point
	texts  [][]string      // per series, the value labels
	every  int             // a category label every so many points
	cols   []drawing.Color // per series
}

// trendSeries are a trend chart's lines: one per series, or the points'
// values as one line.
func trendSeries(c data.Chart, p palette) (names []string, values [][]data.Number, texts [][]string) {
	if len(c.Series) == 0 {
		var vs []data.Number
		var ts []string
		for _, d := range c.Data {
			vs = append(vs, d.Value)
			ts = append(ts, valueLabel(c, d, p))
		}
		return []string{""}, [][]data.Number{vs}, [][]string{ts}
	}
	values = make([][]data.Number, len(c.Series))
	texts = make([][]string, len(c.Series))
	for _, d := range c.Data {
		for k := range c.Series {
			v := data.Number{}
			if k < len(d.Values) {
				v = d.Values[k]
			}
			values[k] = append(values[k], v)
			texts[k] = append(texts[k], format(c, unitOf(c, d), p).Label(v.Text))
		}
	}
	return c.Series, values, texts
}

func layoutTrend(c data.Chart, w, h float64, p palette) trendLayout {
	var l trendLayout
	l.names, l.values, l.texts = trendSeries(c, p)
	var cats []string
	for _, d := range c.Data {
		cats = append(cats, d.Label)
	}
	var all []float64
	for _, vs := range l.values {
		for _, v := range vs {
			all = append(all, v.Value)
		}
	}
	if c.Target != nil {
		all = append(all, c.Target.Value)
	}
	var legend []string
	if len(c.Series) > 0 {
		legend = c.Series
		l.cols = seriesFocus(p, c.Series)
	} else {
		l.cols = []drawing.Color{p.primary}
	}
	l.columnLayout = layoutColumns(c, cats, all, nil, 1, legend, w, h, p)
	l.every = 1
	if overflows(l.columnLayout) {
		// one line each, and only as many as fit side by side
		widest := 0.0
		for i, s := range cats {
			widest = math.Max(widest, textWidth(p.regular, s, p.fs))
			l.labels[i] = []string{s}
		}
		l.every = max(int(math.Ceil((widest+6)/float64(l.slot))), 1)
		padB := xAxisMargin + math.Ceil(p.fs) + 3
		l.padB, l.labelLines = padB, 1
		if h > 0 {
			// the plot gained the lines the labels gave up: its axis is
			// chosen again for that height (it was for the smaller one)
			l.canvasH = math.Max(30, math.Floor(h-l.padT-l.padB))
			l.axis = newAxis(c, l.lo, l.hi, closerIntervals(c, l.lo, l.hi, l.canvasH, l.axis.tickSize, p), p)
			l.padL = math.Max(l.padL, math.Ceil(l.axis.labelW)+4)
		}
	}
	return l
}

// setValue is a value set on a line chart: its text, face, colour and
// place.
type setValue struct {
	face *fonts.Face
	col  drawing.Color
	s    string
	at   box
}

// box is a text's extent on the chart, to keep labels apart.
type box struct{ l, t, r, b float64 }

func (a box) overlaps(b box) bool { return a.l < b.r && b.l < a.r && a.t < b.b && b.t < a.b }

// cut reports whether the segment from (x0, y0) to (x1, y1) passes
// through the box (sampled every half point).
func (a box) cut(x0, y0, x1, y1 float64) bool {
	n := math.Ceil(math.Hypot(x1-x0, y1-y0)*2) + 1
	for i := 0.0; i <= n; i++ {
		x, y := x0+(x1-x0)*i/n, y0+(y1-y0)*i/n
		if x > a.l && x < a.r && y > a.t && y < a.b {
			return true
		}
	}
	return false
}

func drawTrend(r *Renderer, c data.Chart, w, h float64, p palette, area bool) {
	l := layoutTrend(c, w, h, p)
	left, right := l.padL, math.Floor(w)-l.padR
	top, bottom := l.padT, l.padT+l.canvasH
	lo, hi := l.axis.min*l.axis.div, l.axis.max*l.axis.div
	ypos := func(v float64) float64 { return bottom - (v-lo)/(hi-lo)*l.canvasH }
	xpos := func(i int) float64 { return left + float64(i*l.slot) + float64(l.slot)/2 }
	hl := -1
	for i, d := range c.Data {
		if c.Highlight != "" && d.Label == c.Highlight {
			hl = i
		}
	}

	// where the value labels and the target's label go, first: the grid
	// is broken where they stand on it (as bar charts do), and is drawn
	// before them
	var mark box // the broken-axis mark's extent, which the target's label keeps clear of
	if !fromZero(c) {
		mark = box{left + 5 - 4.5, bottom - 4, left + 5 + 4.5, bottom + 4}
	}
	var placed []setValue
	var taken []box
	size := l.valSize
	several := len(l.values) > 1
	// crosses reports whether a label's box lies across a line: with
	// several lines, a label keeps clear of all of them; a single line's
	// label keeps clear of it where one of its places is (its last value,
	// clamped left at the plot's right edge, was set across the segment
	// before it: "11.3万人次" over the line falling to November), and
	// else takes its first free place (see place), the last value being
	// the figure the reader looks for
	strict := true
	crosses := func(b box) bool {
		if !several && !strict {
			return false
		}
		for _, vs := range l.values {
			for i := 1; i < len(vs); i++ {
				if b.cut(xpos(i-1), ypos(vs[i-1].Value), xpos(i), ypos(vs[i].Value)) {
					return true
				}
			}
		}
		return false
	}
	lowest := math.Inf(-1) // with several lines, the top of the last end label set: the next (a lower value) goes under it
	// place sets a point's value label above the point or, when the line
	// comes down into it (before is higher) or that place is taken, below,
	// or else left of it; with several lines, further above or below
	// (a label's height at a time) until it is clear of the lines; where
	// all are taken it is left out (the legend still names the line).
	place := func(face *fonts.Face, s string, cx, y, before float64, col drawing.Color) {
		tw := textWidth(face, s, size)
		x := clamp(cx-tw/2, 0, w-tw)
		above := box{x, y - 4 - capHeightEm*size, x + tw, y - 4}
		below := box{x, y + 4, x + tw, y + 4 + capHeightEm*size}
		left := box{cx - 5 - tw, y - capHeightEm*size/2, cx - 5, y + capHeightEm*size/2}
		tries := []box{above, below, left}
		if before < y-1 {
			tries = []box{below, above, left}
		}
		if several {
			// the highest end's label up from above the point, the
			// others down from below it, then the other way
			step := capHeightEm*size + 3
			var up, down []box
			for n := 0.0; n <= 4; n++ {
				up = append(up, box{x, above.t - n*step, x + tw, above.b - n*step})
				down = append(down, box{x, below.t + n*step, x + tw, below.b + n*step})
			}
			tries = append(append(down, up...), left)
			if math.IsInf(lowest, -1) {
				tries = append(append(up, down...), left)
			}
		}
		if c.Target != nil {
			// under the dashed target line, when the point is just over it
			if ty := ypos(c.Target.Value); ty > y {
				under := box{x, ty + 4, x + tw, ty + 4 + capHeightEm*size}
				tries = slices.Insert(tries, slices.Index(tries, below)+1, under)
			}
		}
		for _, pass := range []bool{true, false} {
			if !pass && several {
				break
			}
			strict = pass
			for _, b := range tries {
				if b.t < 0 || b.b > bottom || b.l < 0 || crosses(b) || b.t < lowest {
					continue
				}
				free := true
				for _, o := range taken {
					free = free && !b.overlaps(o)
				}
				if free {
					taken = append(taken, b)
					placed = append(placed, setValue{face, col, s, b})
					return
				}
			}
		}
	}
	var targetText string
	var targetBox box
	if c.Target != nil {
		y := ypos(c.Target.Value)
		targetText = p.words().Target + " " + format(c, c.Unit, p).Label(c.Target.Text)
		tw := textWidth(p.regular, targetText, l.axis.tickSize)
		targetBox = box{left + 2, y - 3 - capHeightEm*l.axis.tickSize, left + 2 + tw, y - 3}
		if targetBox.overlaps(mark) { // a target at the foot of a broken axis: past the mark
			targetBox.l, targetBox.r = mark.r+2, mark.r+2+tw
		}
		// the dashed line itself too: a value label is not set across it
		taken = append(taken, targetBox, box{left, y - 1, right, y + 1})
	}
	// the last points' values first (the figures a reader looks for),
	// then the highlighted ones
	last := len(c.Data) - 1
	before := func(vs []data.Number, i int) float64 { // y of the point before i
		if i == 0 {
			return ypos(vs[i].Value)
		}
		return ypos(vs[i-1].Value)
	}
	ends := make([]int, len(l.values)) // with several lines, their end labels from the highest value down, each under the one before
	for k := range ends {
		ends[k] = k
	}
	if several {
		sort.SliceStable(ends, func(a, b int) bool { return l.values[ends[a]][last].Value > l.values[ends[b]][last].Value })
	}
	for _, k := range ends {
		vs := l.values[k]
		n := len(placed)
		place(p.bold, l.texts[k][last], xpos(last), ypos(vs[last].Value), before(vs, last), l.cols[k])
		if several && len(placed) > n {
			lowest = placed[n].at.t
		}
	}
	lowest = math.Inf(-1)
	if hl >= 0 && hl != last {
		for k, vs := range l.values {
			place(p.bold, l.texts[k][hl], xpos(hl), ypos(vs[hl].Value), ypos(vs[hl].Value), p.ink)
		}
	}

	var grid []box // where the grid is broken
	if c.Target != nil {
		grid = append(grid, targetBox)
	}
	for _, v := range placed {
		grid = append(grid, v.at)
	}

	l.drawTop(r, p)
	if hl >= 0 {
		r.rect(xpos(hl)-float64(l.slot)/2+1, top, float64(l.slot)-2, l.canvasH, tint(p.rule, 0.55))
	}
	l.axis.draw(r, left, right, ypos, p, grid...)
	base := ypos(clamp(0, lo, hi))
	if area {
		// the larger amounts behind, so that no fill hides another
		order := make([]int, len(l.values))
		sums := make([]float64, len(l.values))
		for k, vs := range l.values {
			order[k] = k
			for _, v := range vs {
				sums[k] += v.Value
			}
		}
		sort.SliceStable(order, func(a, b int) bool { return sums[order[a]] > sums[order[b]] })
		for _, k := range order {
			vs := l.values[k]
			r.SetFillColor(tint(l.cols[k], 0.78))
			r.SetStrokeColor(drawing.ColorTransparent)
			r.moveTo(xpos(0), base)
			for i, v := range vs {
				r.lineTo(xpos(i), ypos(v.Value))
			}
			r.lineTo(xpos(len(vs)-1), base)
			r.Close()
			r.Fill()
		}
	}
	r.hline(left, right, base, 0.8, p.ink)
	if !fromZero(c) {
		// the broken-axis mark: the baseline interrupted by two slashes
		x := left + 5
		r.rect(x-1.5, bottom-2, 3, 4, drawing.ColorWhite)
		for _, dx := range []float64{-1.5, 1.5} {
			r.SetStrokeColor(p.ink)
			r.SetStrokeWidth(0.8)
			r.SetStrokeDashArray(nil)
			r.moveTo(x+dx-1.5, bottom+3)
			r.lineTo(x+dx+1.5, bottom-3)
			r.Stroke()
		}
	}

	if c.Target != nil {
		y := ypos(c.Target.Value)
		r.SetStrokeColor(p.muted)
		r.SetStrokeWidth(0.8)
		r.SetStrokeDashArray([]float64{3, 2})
		r.moveTo(left, y)
		r.lineTo(right, y)
		r.Stroke()
		r.SetStrokeDashArray(nil)
		r.textAt(p.regular, l.axis.tickSize, p.muted, targetText, targetBox.l, targetBox.b)
	}
	for k, vs := range l.values {
		r.SetStrokeColor(l.cols[k])
		r.SetStrokeWidth(1.6)
		r.SetStrokeDashArray(nil)
		for i, v := range vs {
			if i == 0 {
				r.moveTo(xpos(i), ypos(v.Value))
			} else {
				r.lineTo(xpos(i), ypos(v.Value))
			}
		}
		r.Stroke()
		r.SetStrokeColor(drawing.ColorWhite)
		r.SetStrokeWidth(0.8)
		for i, v := range vs {
			rad := 1.8
			if i == len(vs)-1 || i == hl {
				rad = 2.6
			} else if l.slot < 10 {
				continue
			}
			r.SetFillColor(l.cols[k])
			r.circle(xpos(i), ypos(v.Value), rad, true, true)
		}
	}
	for _, v := range placed {
		r.textAt(v.face, size, v.col, v.s, v.at.l, v.at.b)
	}

	// category labels: every n-th, counted back from the last, at an even
	// step: n is the layout's l.every, or more while any label would touch
	// the one after it (dropping only those left 7月15日 and 7月29日 a
	// fortnight apart, beside labels a week apart)
	em := math.Ceil(p.fs)
	labels := func(every int, draw bool) bool {
		next := math.Inf(1)
		for i := last; i >= 0; i-- {
			if (last-i)%every != 0 {
				continue
			}
			face := p.regular
			if i == hl {
				face = p.bold
			}
			widest := 0.0
			for _, s := range l.labels[i] {
				widest = math.Max(widest, textWidth(face, s, p.fs))
			}
			cx := clamp(xpos(i), widest/2, w-widest/2)
			if cx+widest/2+4 > next {
				if !draw {
					return false
				}
				continue
			}
			next = cx - widest/2
			for j, s := range l.labels[i] {
				if draw {
					r.textCentre(face, p.fs, p.ink, s, cx, bottom+xAxisMargin+capHeightEm*p.fs+float64(j)*(em+barLabelSpacing))
				}
			}
		}
		return true
	}
	every := max(l.every, 1)
	for every < len(c.Data) && !labels(every, false) {
		every++
	}
	labels(every, true)
}
