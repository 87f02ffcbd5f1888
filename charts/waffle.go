package charts

import (
	"math"

	"github.com/brochure-dev/brochure/data"
)

// waffle: a 10×10 grid of cells, one per percent, filled in reading order from
// the top left: 376 of 1653 is 22.7 %, 23 cells. Beside it (under it when
// narrow) the percentage set big and "376 / 1653家". go-chart has no
// pictogram chart.

func init() {
	register("waffle", drawn(fractionAlt,
		func(c data.Chart, w float64, p palette) float64 { return layoutWaffle(c, w, p).total },
		drawWaffle))
}

type waffleLayout struct {
	cell, gap, grid float64
	beside          bool
	of              []string // "376 / 1653个", wrapped to the room it has
	total           float64
}

func layoutWaffle(c data.Chart, w float64, p palette) waffleLayout {
	l := waffleLayout{}
	l.beside = w >= 170
	gridW := w
	if l.beside {
		gridW = w * 0.5
	}
	gridW = math.Min(gridW, 110)
	l.gap = math.Max(1, math.Round(gridW/10*0.16*4)/4)
	l.cell = (gridW - 9*l.gap) / 10
	l.grid = 10*l.cell + 9*l.gap
	l.total = l.grid
	room := w
	if l.beside {
		room = w - l.grid - 12
	}
	if of := ofText(c, p); of != "" {
		l.of = wrap(p.regular, of, p.fs, room)
	}
	more := float64(max(len(l.of)-1, 0)) * p.fs * 1.25 // lines past the first
	if l.beside {
		l.total = math.Max(l.total, l.grid/2+6+p.fs+more)
	} else {
		l.total += 6 + bigSize + 4
		if len(l.of) > 0 {
			l.total += p.fs*1.3 + more
		}
	}
	return l
}

// waffleCells is the number of filled cells: the share in percent rounded
// half away from zero, 0..100.
func waffleCells(c data.Chart) int {
	return int(clamp(math.Round(c.Fraction()*100), 0, 100))
}

func drawWaffle(r *Renderer, c data.Chart, w float64, p palette) {
	l := layoutWaffle(c, w, p)
	n := waffleCells(c)
	empty := tint(p.rule, 0.35)
	for i := 0; i < 100; i++ {
		col := empty
		if i < n {
			col = p.primary
		}
		x := float64(i%10) * (l.cell + l.gap)
		y := float64(i/10) * (l.cell + l.gap)
		r.rect(x, y, l.cell, l.cell, col)
	}
	pct := percentText(c)
	if l.beside {
		x := l.grid + 12
		mid := l.grid / 2
		r.textAt(p.black, bigSize, p.primary, pct, x, mid)
		for j, s := range l.of {
			r.textAt(p.regular, p.fs, p.muted, s, x, mid+4+capHeightEm*p.fs+2+float64(j)*p.fs*1.25)
		}
		return
	}
	y := l.grid + 6 + capHeightEm*bigSize
	r.textAt(p.black, bigSize, p.primary, pct, 0, y)
	for j, s := range l.of {
		r.textAt(p.regular, p.fs, p.muted, s, 0, y+4+p.fs*1.1+float64(j)*p.fs*1.25)
	}
}
