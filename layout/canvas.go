package layout

import (
	"math"
	"strconv"
	"strings"

	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/internal/draw"
	"github.com/brochure-dev/brochure/internal/structure"
	"github.com/brochure-dev/brochure/svg"
)

// Canvas is what blocks draw on: layout's colours ("#RRGGBB"), set lines
// and photos, turned into the items of a page (internal/draw), which
// export writes. It decides nothing: positions come in, items go out.
//
// It also says what is drawn, for the tagged PDF's structure: a block
// calls Begin with the structure element it draws (a paragraph's P, a
// chart's Figure) and End when done; everything drawn in between is that
// element's content, in a marked-content sequence of its own on the page.
// What is drawn outside any element (running heads, folios, rules, colour
// bands, crop marks) is an artifact, which readers skip. Begin(nil) makes
// an artifact inside an element (a decorative rule in a block of text).
type Canvas struct {
	Ink    string                   // default text colour
	Dests  map[int]structure.Target // section index -> its head, for the contents' links
	Tagged bool                     // the PDF is tagged: links and hyphens' spans are written

	rec        draw.Canvas // the page being drawn
	quality    int         // JPEG quality of downsampled photos
	photoBytes int64       // the most a photo file may hold (Limits.MaxPhotoBytes)
	pics       pictures    // the images drawn, for export to write
}

// Begin says that what is drawn until End is the content of e (nil: an
// artifact).
func (c *Canvas) Begin(e *structure.Elem) { c.rec.Begin(e) }

// End closes the last Begin.
func (c *Canvas) End() { c.rec.End() }

// Current is the element being drawn (nil: an artifact).
func (c *Canvas) Current() *structure.Elem { return c.rec.Current() }

// Link makes the rectangle (x, y, w, h) a link to, as content of e (a
// Link element).
func (c *Canvas) Link(e *structure.Elem, x, y, w, h float64, to structure.Target) {
	if c.Tagged {
		c.rec.Link(e, x, y, w, h, to)
	}
}

// rgb parses "#RRGGBB"; an invalid colour is black (data validates colours).
func rgb(hex string) (int, int, int) {
	v, err := strconv.ParseUint(strings.TrimPrefix(hex, "#"), 16, 32)
	if err != nil || len(hex) != 7 {
		return 0, 0, 0
	}
	return int(v >> 16 & 0xff), int(v >> 8 & 0xff), int(v & 0xff)
}

// paint is a layout colour as drawn.
func paint(hex string) draw.Colour {
	r, g, b := rgb(hex)
	return draw.Opaque([3]uint8{uint8(r), uint8(g), uint8(b)})
}

// FillRect fills a rectangle.
func (c *Canvas) FillRect(x, y, w, h float64, color string) {
	c.rec.FillRect(x, y, w, h, paint(color))
}

// StrokeRect outlines a rectangle.
func (c *Canvas) StrokeRect(x, y, w, h, width float64, color string) {
	c.rec.StrokeRect(x, y, w, h, width, paint(color))
}

// Line strokes a straight line.
func (c *Canvas) Line(x1, y1, x2, y2, width float64, color string) {
	c.rec.Line(x1, y1, x2, y2, width, paint(color))
}

// Triangle fills a triangle pointing up or down (the change arrows of
// stats), drawn as a shape so it needs no glyph.
func (c *Canvas) Triangle(x, y, size float64, up bool, color string) {
	base, tip := y+size, y // the base's y and the tip's
	if !up {
		base, tip = y, y+size
	}
	ops := c.rec.Ops(draw.Op{P: [6]float64{x, base}}, draw.Op{P: [6]float64{x + size, base}}, draw.Op{P: [6]float64{x + size/2, tip}})
	c.rec.Add(draw.Item{Kind: draw.Polygon, Fill: paint(color), W: size, H: size, Ops: ops})
}

// Drawing draws a vector drawing (a logo, an icon) scaled to fit the box
// (x, y, w, h) and centred in it, each shape an item of its own; color
// stands for svg.Current. A drawing is an artifact in the tagged PDF:
// logos and icons stand beside text that says what they show.
func (c *Canvas) Drawing(d *svg.Drawing, x, y, w, h float64, color string) {
	if d == nil || d.W <= 0 || d.H <= 0 {
		return
	}
	c.Begin(nil)
	defer c.End()
	s := min(w/d.W, h/d.H)
	left, top := x+(w-d.W*s)/2, y+(h-d.H*s)/2
	colour := func(p string) draw.Colour {
		switch p {
		case "":
			return draw.Colour{}
		case svg.Current:
			return paint(color)
		}
		return paint(p)
	}
	for _, sh := range d.Shapes {
		c.rec.Add(draw.Item{Kind: draw.Vector, Fill: colour(sh.Fill), Stroke: colour(sh.Stroke),
			X: left, Y: top, W: d.W * s, H: d.H * s, Size: s, Width: sh.Width, Dash: sh.Dash,
			Extra: &draw.Extra{M: sh.M, Data: sh.Path, Cap: sh.Cap, Join: sh.Join, Miter: sh.Miter, EvenOdd: sh.EvenOdd}})
	}
}

// Text draws a string in one face at a baseline, without breaking it. An
// empty string is drawn too: it draws nothing, but gives its element (an
// empty table cell) a place in the page's marked content, so that the
// element stays in the tagged PDF's structure.
func (c *Canvas) Text(s string, face *fonts.Face, size float64, color string, x, baseline float64) {
	c.rec.Text(s, face, size, 0, c.color(color), x, baseline, 0)
}

// color is a text colour: color, or the ink when it is empty.
func (c *Canvas) color(color string) draw.Colour {
	if color == "" {
		color = c.Ink
	}
	return paint(color)
}

// TextLine draws a set line with its left edge at x. Glyphs are grouped
// into runs of one face, size and colour whose letter spacing is uniform;
// each run is one text object with the PDF character spacing (Tc) that
// reproduces the positions layout chose.
//
// A hyphen the breaker added (Glyph.Hyphen) ends the last run: that run
// is a Span of its own whose ActualText is its text with a soft hyphen,
// drawn as it is (so the page does not change by a pixel), but read
// without the hyphen. (Not a marked-content sequence with ActualText
// inside the paragraph's, as PDF 32000 §14.9.4 shows it: poppler then
// loses the rest of the paragraph's text.)
func (c *Canvas) TextLine(l Line, x, baseline float64) {
	gs := l.Glyphs
	if len(gs) == 0 {
		c.rec.Text("", nil, 0, 0, c.color(""), x, baseline, 0) // see Text
		return
	}
	for i := 0; i < len(gs); {
		j := runEnd(gs, i)
		spacing := 0.0
		if j > i+1 {
			spacing = gs[i+1].X - gs[i].X - nat(gs[i])
		}
		var b strings.Builder
		for _, g := range gs[i:j] {
			b.WriteRune(g.R)
		}
		if gs[j-1].Hyphen && c.Tagged && c.Current() != nil {
			h := c.Current().Add(structure.Span)
			h.Actual = strings.TrimSuffix(b.String(), string(gs[j-1].R)) + "\u00AD"
			c.Begin(h)
			c.rec.Text(b.String(), gs[i].Face, gs[i].Size, spacing, c.color(gs[i].Color), x+gs[i].X, baseline, 0)
			c.End()
		} else {
			c.rec.Text(b.String(), gs[i].Face, gs[i].Size, spacing, c.color(gs[i].Color), x+gs[i].X, baseline, 0)
		}
		i = j
	}
}

// runEnd is where the run of glyphs starting at gs[i] ends (TextLine
// draws each run as one text object).
func runEnd(gs []Glyph, i int) int {
	j := i + 1
	if j < len(gs) && same(gs[i], gs[j]) {
		spacing := gs[j].X - gs[i].X - nat(gs[i])
		for j+1 < len(gs) && same(gs[j], gs[j+1]) && math.Abs(gs[j+1].X-gs[j].X-nat(gs[j])-spacing) < 0.005 {
			j++
		}
		j++
	}
	return j
}

func same(a, b Glyph) bool { return a.Face == b.Face && a.Size == b.Size && a.Color == b.Color }

// nat is the advance the PDF viewer will apply after the glyph.
func nat(g Glyph) float64 { return g.Face.Advance(g.R) * g.Size / 1000 }

// Dot fills a circle of radius r centred at (x, y) (a timeline's marks).
func (c *Canvas) Dot(x, y, r float64, color string) {
	c.rec.Add(draw.Item{Kind: draw.Circle, Fill: paint(color), X: x, Y: y, W: 2 * r, H: 2 * r})
}
