package charts

import (
	"math"

	"github.com/brochure-dev/brochure/data"
)

// progress: a track in the Rule colour with the share filled in Primary; above it the
// percentage set big (Black) at the left and "49 / 78项" small at the right.
// Over the whole (65 of a target of 60: 108.3 %) the track is the share:
// filled to a mark at 100 %, the part past it in a shade of Primary.

func init() {
	register("progress", drawn(fractionAlt,
		progressHeight,
		drawProgress))
}

// progressOf is the "49 / 78项" caption: on the percentage's baseline at
// the right (beside false), or, where the two do not fit side by side,
// wrapped under the track.
func progressOf(c data.Chart, w float64, p palette) (lines []string, beside bool) {
	s := ofText(c, p)
	if s == "" {
		return nil, true
	}
	if textWidth(p.black, percentText(c), bigSize)+8+textWidth(p.regular, s, p.fs) <= w {
		return []string{s}, true
	}
	return wrap(p.regular, s, p.fs, w), false
}

func progressHeight(c data.Chart, w float64, p palette) float64 {
	h := bigSize + 4 + 8
	if lines, beside := progressOf(c, w, p); !beside {
		h += 4 + float64(len(lines))*p.fs*1.25
	}
	return h
}

func drawProgress(r *Renderer, c data.Chart, w float64, p palette) {
	f := clamp(c.Fraction(), 0, 1)
	base := capHeightEm * bigSize
	r.textAt(p.black, bigSize, p.primary, percentText(c), 0, base)
	ty := bigSize + 4
	lines, beside := progressOf(c, w, p)
	for j, s := range lines {
		if beside {
			r.textRight(p.regular, p.fs, p.muted, s, w, base)
		} else {
			r.textAt(p.regular, p.fs, p.muted, s, 0, ty+8+4+capHeightEm*p.fs+float64(j)*p.fs*1.25)
		}
	}
	if full := c.Fraction(); full > 1 {
		// over-fulfilment: the track is the share, the whole ends at a
		// mark, the part past it is a shade of the share's colour
		at := math.Round(w / full)
		r.rect(0, ty, at, 8, p.primary)
		r.rect(at, ty, w-at, 8, shade(p.primary, 0.4))
		r.vline(at, ty-3, ty+8, 1, p.ink)
		return
	}
	r.rect(0, ty, w, 8, p.rule)
	r.rect(0, ty, w*f, 8, p.primary)
}
