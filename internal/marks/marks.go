// Package marks draws the printer's marks around a trim: crop marks at its
// corners, centre marks (registration targets) at the middle of its sides,
// and fold marks where a sheet is folded. It is the one place their
// geometry is decided, for the pages `brochure build` writes with
// print.marks and for the sheets `brochure impose` writes, so a sheet of
// imposed pages is marked exactly as a single page is.
//
// Every mark lies outside the bleed (at least Gap outside the trim), so
// that no mark is printed on the page after cutting, and is stroked by
// the caller in the registration colour (a Separation "All", on every
// plate) at Weight.
package marks

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

const mm = 72 / 25.4

// The marks' sizes, pt.
const (
	Gap    = 3 * mm // the least distance from the trim to a mark
	Len    = 5 * mm // a crop mark's length
	Weight = 0.25   // line width: the thinnest a press is sure to print
)

// Room is the space the marks take outside a trim whose pages bleed by
// bleed pt: the media must extend this far beyond the trim on every side.
func Room(bleed float64) float64 { return start(bleed) + Len + 2 }

// start is where the marks begin outside the trim: past the bleed, and
// never nearer than Gap.
func start(bleed float64) float64 { return max(bleed, Gap) }

// Rect is the trim in PDF user space (y upwards), pt.
type Rect struct{ X, Y, W, H float64 }

// Path is the marks of trim as the operators of a PDF content stream
// (paths and S; the caller sets the colour and the line width): crop marks
// at the four corners, a fold mark (dashed) above and below the trim at
// each x of folds, and a centre mark (a circle crossed) at the middle of
// each side that no fold marks already.
func Path(trim Rect, bleed float64, folds ...float64) string {
	var b strings.Builder
	s := start(bleed)
	line := func(x1, y1, x2, y2 float64) {
		fmt.Fprintf(&b, "%s %s m %s %s l S\n", num(x1), num(y1), num(x2), num(y2))
	}
	x0, y0, x1, y1 := trim.X, trim.Y, trim.X+trim.W, trim.Y+trim.H
	for _, x := range []float64{x0, x1} {
		for _, y := range []float64{y0, y1} {
			sx, sy := 1.0, 1.0 // outwards
			if x == x0 {
				sx = -1
			}
			if y == y0 {
				sy = -1
			}
			line(x+sx*s, y, x+sx*(s+Len), y) // the horizontal cut's mark
			line(x, y+sy*s, x, y+sy*(s+Len)) // the vertical cut's
		}
	}
	target := func(cx, cy float64, vertical bool) {
		r := Len / 4
		circle(&b, cx, cy, r)
		if vertical {
			line(cx, cy-Len/2, cx, cy+Len/2)
			line(cx-r*1.6, cy, cx+r*1.6, cy)
		} else {
			line(cx-Len/2, cy, cx+Len/2, cy)
			line(cx, cy-r*1.6, cx, cy+r*1.6)
		}
	}
	mid := s + Len/2
	if len(folds) == 0 {
		target((x0+x1)/2, y0-mid, true)
		target((x0+x1)/2, y1+mid, true)
	} else {
		b.WriteString("[2 1] 0 d\n")
		for _, x := range folds {
			line(x, y1+s, x, y1+s+Len)
			line(x, y0-s, x, y0-s-Len)
		}
		b.WriteString("[] 0 d\n")
	}
	target(x0-mid, (y0+y1)/2, false)
	target(x1+mid, (y0+y1)/2, false)
	return b.String()
}

// circle adds a circle of radius r about (cx, cy), four Bézier arcs.
func circle(b *strings.Builder, cx, cy, r float64) {
	k := r * 4 * (math.Sqrt2 - 1) / 3
	fmt.Fprintf(b, "%s %s m\n", num(cx+r), num(cy))
	pts := [][6]float64{
		{cx + r, cy + k, cx + k, cy + r, cx, cy + r},
		{cx - k, cy + r, cx - r, cy + k, cx - r, cy},
		{cx - r, cy - k, cx - k, cy - r, cx, cy - r},
		{cx + k, cy - r, cx + r, cy - k, cx + r, cy},
	}
	for _, p := range pts {
		fmt.Fprintf(b, "%s %s %s %s %s %s c\n", num(p[0]), num(p[1]), num(p[2]), num(p[3]), num(p[4]), num(p[5]))
	}
	b.WriteString("S\n")
}

// num writes x with at most 3 decimals, no exponent, no "-0".
func num(x float64) string {
	s := strconv.FormatFloat(math.Round(x*1000)/1000, 'f', -1, 64)
	if s == "-0" {
		return "0"
	}
	return s
}
