package charts

import "github.com/brochure-dev/brochure/data"

// drawn is a kind drawn by hand at its own height (it does not stretch or
// turn into rows): height is the plot's height at width w, draw draws it
// there. The kinds of bars and trends are made by columnKind and trendKind.
func drawn(alt func(data.Chart, palette) []string,
	height func(c data.Chart, w float64, p palette) float64,
	draw func(r *Renderer, c data.Chart, w float64, p palette)) kind {
	return kind{
		alt:    alt,
		height: height,
		draw: func(r *Renderer, c data.Chart, w, _ float64, p palette) error {
			draw(r, c, w, p)
			return nil
		},
	}
}
