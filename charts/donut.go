package charts

import (
	"math"

	"github.com/wcharczuk/go-chart/v2/drawing"

	"github.com/brochure-dev/brochure/data"
)

// donut: drawn by hand with the Renderer's ArcTo rather than go-chart's
// DonutChart: that one starts at 3 o'clock, punches its hole with an opaque
// white disc of a fixed 1/3.5 radius (too small for an 18 pt figure, and
// white, not paper), outlines slices with a 4 px white stroke and puts
// labels on the slices. A brochure donut is one share from 12 o'clock
// clockwise with the figure in the middle, and "376 / 1653个" beside it
// (under it in a narrow box).
// Over the whole the ring is full and the part past it is a second, inner
// ring from 12 o'clock in a shade of Primary.

func init() {
	register("donut", kind{
		alt:    fractionAlt,
		height: func(c data.Chart, w float64, p palette) float64 { return layoutDonut(c, w, p).total },
		draw: func(r *Renderer, c data.Chart, w, h float64, p palette) error {
			drawDonut(r, c, w, h, p)
			return nil
		},
		most: func(c data.Chart, w float64, p palette) float64 {
			return layoutDonutIn(c, w, math.Inf(1), p).total
		},
	})
}

// donutMost is the widest a ring is drawn in a taller box (see
// layoutDonutIn), as a share of the width it has: larger, it would read
// as the page's one figure rather than as its section's chart.
const donutMost = 2.0 / 3

type donutLayout struct {
	d, ring, total float64
	pctSize        float64
	caption        []string // "376 / 1653个", wrapped to the room it has
	beside         bool     // the caption stands beside the ring, the ring at the left
}

// donutBeside is the least room a caption needs beside the ring, pt.
const donutBeside = 90

func layoutDonut(c data.Chart, w float64, p palette) donutLayout {
	return layoutDonutIn(c, w, 0, p)
}

// layoutDonutIn is the donut's layout w wide in a box h tall: its own
// (a ring of half the width, 60 to 100 pt), or, in a box taller than
// that, a ring as much larger as the box allows (see kind.most), up to
// donutMost of the width (its caption's room beside it kept), its figure
// larger with it.
func layoutDonutIn(c data.Chart, w, h float64, p palette) donutLayout {
	l := donutLayout{d: math.Round(clamp(w*0.5, 60, 100))}
	base := l.d
	if h > 0 {
		if own := layoutDonutIn(c, w, 0, p); h > own.total {
			most := donutMost * w
			if own.beside {
				most = min(most, w-12-donutBeside)
			}
			l.d = math.Floor(max(l.d, min(l.d+h-own.total, most)))
		}
	}
	l.ring = math.Round(l.d * 0.14)
	if of := ofText(c, p); of != "" {
		// beside the ring when there is room, as a pie's legend and a
		// waffle's figures are: a ring alone in the middle of a wide box
		// leaves both sides of it empty
		if room := w - l.d - 12; room >= donutBeside {
			l.beside = true
			l.caption = wrap(p.regular, of, p.fs, room)
		} else {
			l.caption = wrap(p.regular, of, p.fs, w)
		}
	}
	inner := l.d - 2*l.ring
	if c.Fraction() > 1 {
		inner -= 2 * (overRing(l.ring) + 1)
	}
	pct := percentText(c)
	l.pctSize = math.Floor(bigSize*l.d/base*2) / 2
	if pw := textWidth(p.black, pct, l.pctSize); pw > inner*0.82 {
		l.pctSize = math.Floor(l.pctSize*inner*0.82/pw*2) / 2
	}
	l.total = l.d
	if n := len(l.caption); n > 0 && l.beside {
		l.total = math.Max(l.d, p.fs*1.2+float64(n-1)*p.fs*1.25)
	} else if n > 0 {
		l.total += 5 + p.fs*1.2 + float64(n-1)*p.fs*1.25
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

// overRing is the width of the inner ring that shows over-fulfilment.
func overRing(ring float64) float64 { return math.Round(ring * 0.5) }

const twelve = -math.Pi / 2 // 12 o'clock in go-chart's y-down angles

func drawDonut(r *Renderer, c data.Chart, w, h float64, p palette) {
	l := layoutDonutIn(c, w, h, p)
	cx, cy := w/2, l.d/2
	if l.beside {
		cx = l.d / 2
	}
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
	if over := c.Fraction() - 1; over > 0 {
		// over-fulfilment: the share past the whole as a second, inner
		// ring from 12 o'clock, in a shade of the share's colour
		r.SetFillColor(shade(p.primary, 0.4))
		ri2 := ri - 1
		if over >= 1 {
			r.annulus(cx, cy, ri2-overRing(l.ring), ri2, twelve, 2*math.Pi-1e-6)
		} else {
			r.annulus(cx, cy, ri2-overRing(l.ring), ri2, twelve, 2*math.Pi*over)
		}
		r.Fill()
	}
	r.textCentre(p.black, l.pctSize, p.primary, percentText(c), cx, cy+0.36*l.pctSize)
	if l.beside {
		top := (l.d - (p.fs + float64(len(l.caption)-1)*p.fs*1.25)) / 2 // the lines centred on the ring
		for j, s := range l.caption {
			r.textAt(p.regular, p.fs, p.muted, s, l.d+12, math.Max(top, 0)+capHeightEm*p.fs+float64(j)*p.fs*1.25)
		}
		return
	}
	for j, s := range l.caption {
		r.textCentre(p.regular, p.fs, p.muted, s, cx, l.d+5+capHeightEm*p.fs+float64(j)*p.fs*1.25)
	}
}
