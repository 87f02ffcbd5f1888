package charts

import (
	"math"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/number"
)

// ---- the value axis shared by bar, grouped, line and area ----

// axis is a zero-based value axis with round 1-2-5 ticks, in display units
// (divided by div for 万/亿), and the caption naming its unit.
type axis struct {
	div            float64 // raw value = display value × div
	min, max, step float64 // display units
	tickSize       float64
	caption        string // "单位：万人次", or ""
	labelW         float64
	num            number.Format // the ticks' language and thousands separators
}

// intervalsFor is how many tick intervals fit a plot of height h without
// the tick labels coming closer than 2.8 times their size (1 to 5).
func intervalsFor(h, tickSize float64) int {
	return int(clamp(math.Floor(h/(2.8*tickSize)), 1, 5))
}

// closerIntervals is intervalsFor, or more intervals (up to five) when
// the plot has room for them (tick labels twice their size apart) and
// their ticks fit the data closer: 61 on two or three intervals is an
// axis to 100 in steps of 50, the top two fifths of the plot empty; on
// four, to 80 in steps of 20.
func closerIntervals(c data.Chart, lo, hi, h, tickSize float64, p palette) int {
	n := intervalsFor(h, tickSize)
	a := newAxis(c, lo, hi, n, p)
	for k := n + 1; k <= 5 && h/float64(k) >= 2*tickSize; k++ {
		if b := newAxis(c, lo, hi, k, p); b.max-b.min < 0.85*(a.max-a.min) {
			return k
		}
	}
	return n
}

func newAxis(c data.Chart, lo, hi float64, intervals int, p palette) axis {
	f := format(c, c.Unit, p)
	a := axis{tickSize: p.fs - 1, num: f}
	var suffix string
	a.div, suffix = f.Scale(math.Max(math.Abs(lo), math.Abs(hi)))
	if fromZero(c) {
		a.min, a.max, a.step = number.Ticks(lo/a.div, hi/a.div, intervals)
	} else {
		a.min, a.max, a.step = number.TicksFrom(lo/a.div, hi/a.div, intervals)
	}
	a.caption = unitCaption(suffix+c.Unit, p)
	var ticks []string
	for _, v := range a.ticks() {
		ticks = append(ticks, strconv.FormatFloat(v, 'f', -1, 64))
	}
	shown := a.num // the ticks are shown as they are (in 万 already)
	shown.Style, shown.Decimals = "", -1
	a.num.Group = shown.Alike(ticks...).Group
	for _, v := range a.ticks() {
		a.labelW = math.Max(a.labelW, textWidth(p.regular, a.num.Tick(v, a.step), a.tickSize))
	}
	return a
}

// fromZero reports whether the value axis starts at zero: always, but for
// a line chart with zero: false (an area's ink is its value: it starts at
// zero whatever it says, and data warns of zero: false on one).
func fromZero(c data.Chart) bool { return c.Type == "area" || c.Zero == nil || *c.Zero }

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
// a raw value to y. A grid line is broken where it would run through one
// of the labels (a value over its bar), as a designer knocks it out.
func (a axis) draw(r *Renderer, x0, x1 float64, ypos func(float64) float64, p palette, labels ...box) {
	for _, v := range a.ticks() {
		y := ypos(v * a.div)
		if math.Abs(v) > a.step/1e6 {
			x := x0
			for _, g := range crossing(labels, y) {
				if g.l > x {
					r.hline(x, g.l, y, 0.5, p.rule)
				}
				x = math.Max(x, g.r)
			}
			if x < x1 {
				r.hline(x, x1, y, 0.5, p.rule)
			}
		}
		r.textRight(p.regular, a.tickSize, p.muted, a.num.Tick(v, a.step), x0-3, y+0.35*a.tickSize)
	}
}

// labelGap is the room a grid line leaves on each side of a label it is
// broken for, pt.
const labelGap = 2.0

// crossing are the labels a horizontal line at y would touch, widened by
// labelGap and in order from the left.
func crossing(labels []box, y float64) []box {
	var out []box
	for _, b := range labels {
		if y >= b.t-1 && y <= b.b+1 {
			out = append(out, box{b.l - labelGap, b.t, b.r + labelGap, b.b})
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].l < out[j].l })
	return out
}

// ---- column layout shared by bar, grouped, line and area ----

type columnLayout struct {
	width                  float64 // bar.go: the width the chart takes of the width given (less for a few bars)
	padT, padL, padR, padB float64
	canvasH                float64
	axis                   axis
	lo, hi                 float64 // raw data range (with room below negatives)
	slot                   int     // width per category, whole points (go-chart works in integers)
	barW                   int     // bar (bar) or one series' bar (grouped)
	groupW                 int     // grouped: the bars of one category together
	labels                 [][]string
	labelLines             int
	midWord                bool // a label is broken inside a word (breaksWord)
	valSize                float64
	valRotated             bool
	// bar.go, grouped.go: the value labels as laid out and printed (figure and unit,
	// or the figure alone when the axis caption names the unit), unless
	// omitted: none, the axis carries the values
	valueLabels []string
	omitted     bool
	thinned     int     // bar.go: a category label every so many bars (0: all)
	capY        float64 // baseline of the unit caption
	legend      []legendItem
}

type legendItem struct {
	x, y  float64 // swatch top-left, plot coordinates
	label string
	color drawing.Color
}

const (
	// barEms is the widest a bar gets, in ems of the label size (24 pt
	// at 8 pt, 27 at the poster's 9): a few bars across a page's full
	// width (the poster look sets every chart so) or in half of it stay
	// bars, three fifths of their slot, up to this, rather than slabs as
	// wide as the page allows; their thickness follows the type, not the
	// space
	barEms          = 3
	barLabelSpacing = 1 // go-chart TextLineSpacing between wrapped X label lines
	xAxisMargin     = chart.DefaultXAxisMargin
	legendSwatch    = 7.0
)

// centre is where bar i's centre stands, from the chart's
// left edge, as go-chart sets the bars: their slots, whole points, from
// the plot's left edge, a bar centred in its slot.
func (l columnLayout) centre(i int) float64 {
	return float64(int(l.padL)+i*l.slot+(l.slot-l.barW)>>1) + float64(l.barW)/2
}

// maxBarW is the widest a bar gets at the palette's label size, whole
// points (see barEms).
func maxBarW(p palette) int { return int(math.Round(barEms * p.fs)) }

// layoutColumns lays out a column chart of the categories, k bars each,
// with the given value labels, at width w and total plot height h (0: the
// chart's natural height).
func layoutColumns(c data.Chart, cats []string, vals []float64, valueLabels []string, k int, series []string, w, h float64, p palette) columnLayout {
	var l columnLayout
	n := max(len(cats), 1)
	if !fromZero(c) && len(vals) > 0 {
		l.lo, l.hi = vals[0], vals[0]
	}
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
			l.barW = min(max(int(math.Round(float64(l.slot)*0.6)), 1), maxBarW(p))
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
			maxW = math.Max(maxW, textWidth(p.regular, s, l.valSize))
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
			capW = textWidth(p.regular, l.axis.caption, l.axis.tickSize)
		}
		l.legend = l.legend[:0]
		if len(series) > 0 {
			cols := seriesFocus(p, series)
			itemW := func(s string) float64 { return legendSwatch + 3 + textWidth(p.regular, s, p.fs) }
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
		l.labelLines, l.midWord = 1, false
		for _, s := range cats {
			lines := wrap(p.regular, s, p.fs, float64(l.slot)-1.5)
			l.labels = append(l.labels, lines)
			l.labelLines = max(l.labelLines, len(lines))
			l.midWord = l.midWord || breaksWord(s, lines)
		}
		labelH := float64(l.labelLines)*em + float64(l.labelLines-1)*barLabelSpacing
		l.padB = xAxisMargin + labelH + 3
	}
	pass(4)
	l.canvasH = math.Round(clamp(w*0.42, 80, 170))
	if h > 0 {
		l.canvasH = math.Max(30, math.Floor(h-l.padT-l.padB))
	}
	if n := closerIntervals(c, l.lo, l.hi, l.canvasH, l.axis.tickSize, p); n != 4 {
		pass(n)
		if h > 0 {
			l.canvasH = math.Max(30, math.Floor(h-l.padT-l.padB))
		}
	}
	return l
}

// breaksWord reports whether label, wrapped into lines, is broken inside
// a word: between two letters or figures that stand together in the label
// (Chinese has no spaces, so a break between two characters may fall
// anywhere in a word: 场（厂）内机动/车辆, 压力管道（公/里）), or at a hyphen
// the label does not have (Chemi-/cal). Breaks at a space, and before or
// after a bracket or a mark, are not.
func breaksWord(label string, lines []string) bool {
	for i := 1; i < len(lines); i++ {
		a, _ := utf8.DecodeLastRuneInString(lines[i-1])
		b, _ := utf8.DecodeRuneInString(lines[i])
		joined := strings.Contains(label, lines[i-1]+lines[i])
		if a == '-' && !joined {
			return true
		}
		if joined && (unicode.IsLetter(a) || unicode.IsDigit(a)) && (unicode.IsLetter(b) || unicode.IsDigit(b)) {
			return true
		}
	}
	return false
}

func (l columnLayout) drawTop(r *Renderer, p palette) {
	if l.axis.caption != "" {
		r.textAt(p.regular, l.axis.tickSize, p.muted, l.axis.caption, 0, l.capY)
	}
	for _, it := range l.legend {
		r.rect(it.x, it.y+(p.fs-legendSwatch)/2, legendSwatch, legendSwatch, it.color)
		r.textAt(p.regular, p.fs, p.ink, it.label, it.x+legendSwatch+3, it.y+capHeightEm*p.fs)
	}
}

// valueBox is the extent of value label s as valueText sets it.
func (l columnLayout) valueBox(s string, cx, top, zero float64, neg bool, p palette) box {
	tw := textWidth(p.regular, s, l.valSize)
	if l.valRotated {
		if neg {
			y := math.Max(top, zero) + 3
			return box{cx - 0.35*l.valSize - 0.2*l.valSize, y, cx - 0.35*l.valSize + capHeightEm*l.valSize, y + tw}
		}
		y := math.Min(top, zero) - 3
		return box{cx + 0.35*l.valSize - capHeightEm*l.valSize, y - tw, cx + 0.35*l.valSize + 0.2*l.valSize, y}
	}
	y := math.Min(top, zero) - 3
	if neg {
		y = math.Max(top, zero) + 2 + capHeightEm*l.valSize
	}
	cx = l.valueX(tw, cx, p)
	return box{cx - tw/2, y - capHeightEm*l.valSize, cx + tw/2, y + 0.12*l.valSize}
}

// valueX is where the centre of a value label tw wide stands over a bar
// whose centre is cx: there, but on the columns of a page (see Columns)
// moved so that it begins inside no gutter (see Columns.Off), so long as
// its centre stays over its bar and it stays clear of its neighbours'
// room (the council review's poster, page 4:
// its grouped chart's 2022/23 under the text began inside the gutter,
// the 92 over its bar ended further right inside it, and poppler read
// the two columns' blocks by their tops, across them).
func (l columnLayout) valueX(tw, cx float64, p palette) float64 {
	pitch := l.slot // the next label's centre, as far as the next bar's
	if l.groupW > l.barW {
		pitch = l.barW // a group's bars stand side by side
	}
	return cx + p.columns.within(cx-tw/2, math.Min(float64(l.barW), float64(pitch)-tw)/2)
}

// valueText draws a value label over (or, negative, under) a bar whose
// centre is cx, between the zero line and the bar's end.
func (l columnLayout) valueText(r *Renderer, s string, cx, top, zero float64, neg bool, p palette) {
	if l.valRotated {
		r.setFace(p.regular)
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
	r.textCentre(p.regular, l.valSize, p.ink, s, l.valueX(textWidth(p.regular, s, l.valSize), cx, p), y)
}
