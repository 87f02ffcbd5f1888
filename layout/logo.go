package layout

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/internal/safefile"
	"github.com/brochure-dev/brochure/svg"
)

// logo is the report's emblem, read and checked before layout: an SVG
// drawing (drawn as vector shapes) or a PNG or JPEG (drawn as photos are,
// its metadata left behind).
type logo struct {
	art    *svg.Drawing // an SVG's shapes, or nil for a picture
	path   string       // a picture's file
	w, h   float64      // its proportions: the drawing's box, or the picture's pixels as seen
	header bool         // also in the running head
}

// Size of the logo, pt (A4; the cover's scales with the paper).
const (
	logoCover = 44.0 // its height on the cover, beside the organization
	logoHead  = 11.0 // its height in the running head
	logoGap   = 10.0 // between the cover's logo and the organization
)

// readLogo reads and checks the report's logo: nil when it has none. An
// SVG that carries a script, an event attribute, a reference outside
// itself or anything that cannot be drawn is refused, at the logo: line,
// with the line of the SVG file.
func readLogo(r *data.Report, lim Limits) (*logo, error) {
	if r.Logo == nil || r.Logo.File == "" {
		return nil, nil
	}
	const key = "logo.file"
	fail := func(format string, args ...any) error {
		return data.Errors{{Pos: r.Pos(key), Path: key, Msg: fmt.Sprintf(format, args...)}}
	}
	path := r.Logo.File
	if !filepath.IsAbs(path) {
		path = filepath.Join(r.Dir, path)
	}
	b, err := safefile.ReadFile(path, max(lim.photoBytes(), svg.MaxBytes+1), false)
	if err != nil {
		return nil, fail("cannot read the logo %s: %v", r.Logo.File, err)
	}
	if bytes.HasPrefix(b, []byte{0xFF, 0xD8, 0xFF}) || bytes.HasPrefix(b, []byte{0x89, 'P', 'N', 'G'}) {
		if err := decodable(path, lim.pixels(), lim.photoBytes()); err != nil {
			return nil, fail("logo %s: %v", r.Logo.File, err)
		}
		px, py, err := uprightSize(path)
		if err != nil {
			return nil, fail("logo %s: %v", r.Logo.File, err)
		}
		return &logo{path: path, w: float64(px), h: float64(py), header: r.Logo.Header}, nil
	}
	art, err := svg.Parse(b)
	if err != nil {
		var se *svg.Error
		if errors.As(err, &se) && se.Line > 0 {
			return nil, fail("%s, %v", r.Logo.File, err)
		}
		return nil, fail("%s: %v", r.Logo.File, err)
	}
	if len(art.Shapes) == 0 {
		return nil, fail("%s draws nothing (no filled or stroked shape); is it the right file?", r.Logo.File)
	}
	return &logo{art: art, w: art.W, h: art.H, header: r.Logo.Header}, nil
}

// width is the logo's width at height h, at most 3 times that.
func (l *logo) width(h float64) float64 { return min(h*l.w/l.h, 3*h) }

// draw draws the logo into the box (x, y, w, h), keeping its proportions.
func (l *logo) draw(c *Canvas, x, y, w, h float64) error {
	if l.art != nil {
		c.Drawing(l.art, x, y, w, h, c.Ink)
		return nil
	}
	s := min(w/l.w, h/l.h)
	return c.Image(l.path, x+(w-l.w*s)/2, y+(h-l.h*s)/2, l.w*s, l.h*s, 0.5, 0.5, false)
}

// withLogo is the cover's organization line with the logo before it, the
// first line of the cover's band; the line alone when there is no logo,
// nil when there is neither.
func (d *Document) withLogo(org *Paragraph) Block {
	if d.logo == nil {
		if org == nil {
			return nil
		}
		return org
	}
	l, h := d.logo, d.geo.display(logoCover)
	w := l.width(h)
	draw := func(c *Canvas, x, y float64) error { return l.draw(c, x, y, w, h) }
	return &pictured{w: w, h: h, draw: draw, gap: logoGap, text: org, after: d.geo.display(18)}
}

// headLogo is the logo of the running head, placed at (x, y) with its
// width: nil and 0 when the report does not ask for it.
func (d *Document) headLogo(x, y float64) (*Placed, float64) {
	if d.logo == nil || !d.logo.header {
		return nil, 0
	}
	w := d.logo.width(logoHead)
	return &Placed{Block: &logoMark{logo: d.logo, h: logoHead}, X: x, Y: y, W: w, H: logoHead}, w + 4
}

// logoMark is the logo alone, h tall, as wide as its box.
type logoMark struct {
	logo *logo
	h    float64
}

// Measure implements Block.
func (l *logoMark) Measure(w float64) float64 { return l.h }

// Split implements Block: it does not split.
func (l *logoMark) Split(w, h float64) (Block, Block) { return nil, l }

// Draw implements Block.
func (l *logoMark) Draw(c *Canvas, x, y, w float64) error { return l.logo.draw(c, x, y, w, l.h) }
