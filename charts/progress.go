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
	register("progress", kind{
		names:  [2]string{"进度条", "progress bar"},
		alt:    fractionAlt,
		height: func(c data.Chart, w float64, p palette) float64 { return progressHeight(c, w, p) },
		draw: func(r *Renderer, c data.Chart, w, _ float64, p palette) error {
			drawProgress(r, c, w, p)
			return nil
		},
	})
}

func progressHeight(c data.Chart, w float64, p palette) float64 { return bigSize + 4 + 8 }

func drawProgress(r *Renderer, c data.Chart, w float64, p palette) {
	f := clamp(c.Fraction(), 0, 1)
	base := capHeightEm * bigSize
	r.textAt(p.black, bigSize, p.primary, percentText(c), 0, base)
	if s := ofText(c, p); s != "" {
		r.textRight(p.regular, p.fs, p.muted, s, w, base)
	}
	ty := bigSize + 4
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
