package layout

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/ink"
	"github.com/brochure-dev/brochure/internal/structure"
	"github.com/brochure-dev/brochure/svg"
)

// Canvas draws what layout has placed. It decides nothing: positions come
// in, PDF operators go out.
//
// It also says what is drawn, for the tagged PDF's structure: a block
// calls Begin with the structure element it draws (a paragraph's P, a
// chart's Figure) and End when done; everything drawn in between is that
// element's content, in a marked-content sequence of its own on the page.
// What is drawn outside any element (running heads, folios, rules, colour
// bands, crop marks) is an artifact, which readers skip. Begin(nil) makes
// an artifact inside an element (a decorative rule in a block of text).
type Canvas struct {
	PDF   *fpdf.Fpdf
	Fonts *fonts.Embedding         // where text goes
	Ink   string                   // default text colour
	Dests map[int]structure.Target // section index -> its head, for the contents' links
	Inks  *ink.Palette             // colour operators: screen or print (nil: screen RGB)
	Tags  *structure.Tree          // the structure the content is marked for

	quality    int       // JPEG quality of downsampled photos
	photoBytes int64     // the most a photo file may hold (Limits.MaxPhotoBytes)
	pics       *pictures // the images drawn, for finish to write

	page  int               // the page being drawn, from 0
	stack []*structure.Elem // what is being drawn (nil: an artifact)
	open  bool              // a marked-content sequence is open…
	in    *structure.Elem   // …for this element (nil: an artifact)
}

// Begin says that what is drawn until End is the content of e (nil: an
// artifact).
func (c *Canvas) Begin(e *structure.Elem) { c.stack = append(c.stack, e) }

// End closes the last Begin.
func (c *Canvas) End() { c.stack = c.stack[:len(c.stack)-1] }

// Current is the element being drawn (nil: an artifact).
func (c *Canvas) Current() *structure.Elem {
	if len(c.stack) == 0 {
		return nil
	}
	return c.stack[len(c.stack)-1]
}

// mark opens the marked-content sequence what is drawn next belongs to,
// closing the one before when it was another's. Consecutive drawing of one
// element shares a sequence. Every drawing operation calls it first, and
// each leaves the graphics state as it found it (q … Q), so sequences and
// q/Q nest.
func (c *Canvas) mark() {
	e := c.Current()
	if c.Tags == nil || c.open && c.in == e {
		return // untagged, or the sequence goes on
	}
	c.close()
	c.open, c.in = true, e
	if e == nil {
		c.PDF.RawWriteStr("/Artifact BMC")
		return
	}
	id := c.Tags.Mark(c.page, e)
	c.PDF.RawWriteStr("/" + string(e.Role) + " <</MCID " + strconv.Itoa(id) + ">> BDC")
}

// close ends the open marked-content sequence: before another element's,
// and at the end of each page.
func (c *Canvas) close() {
	if c.open {
		c.PDF.RawWriteStr("EMC")
		c.open = false
	}
}

// Link makes the rectangle (x, y, w, h) a link to, as content of e (a
// Link element).
func (c *Canvas) Link(e *structure.Elem, x, y, w, h float64, to structure.Target) {
	if c.Tags == nil {
		return
	}
	_, ph := c.PDF.GetPageSize()
	c.Tags.Link(c.page, e, [4]float64{x, ph - y - h, x + w, ph - y}, to)
}

// rgb parses "#RRGGBB"; an invalid colour is black (data validates colours).
func rgb(hex string) (int, int, int) {
	v, err := strconv.ParseUint(strings.TrimPrefix(hex, "#"), 16, 32)
	if err != nil || len(hex) != 7 {
		return 0, 0, 0
	}
	return int(v >> 16 & 0xff), int(v >> 8 & 0xff), int(v & 0xff)
}

// FillRect fills a rectangle.
func (c *Canvas) FillRect(x, y, w, h float64, color string) {
	c.mark()
	c.fill(color, w, h)
	c.PDF.Rect(x, y, w, h, "F")
}

// StrokeRect outlines a rectangle.
func (c *Canvas) StrokeRect(x, y, w, h, width float64, color string) {
	c.mark()
	c.stroke(color)
	c.PDF.SetLineWidth(width)
	c.PDF.Rect(x, y, w, h, "D")
}

// Line strokes a straight line.
func (c *Canvas) Line(x1, y1, x2, y2, width float64, color string) {
	c.mark()
	c.stroke(color)
	c.PDF.SetLineWidth(width)
	c.PDF.Line(x1, y1, x2, y2)
}

// fill sets the fill colour of an area w × h pt. A screen build lets fpdf
// write it (greys as DeviceGray, colours as DeviceRGB); a print build
// writes the palette's process (or spot) colour, and the rich black for a
// large black area.
func (c *Canvas) fill(color string, w, h float64) {
	if c.Inks == nil || !c.Inks.Print {
		c.PDF.SetFillColor(rgb(color))
		return
	}
	col := c.Inks.Hex(color)
	if col.Spot != "" {
		c.PDF.SetFillSpotColor(col.Spot, 100)
		return
	}
	c.PDF.RawWriteStr(c.Inks.Area(col, w, h))
}

// stroke is fill for lines: greys (rules, hairlines) on the black plate.
func (c *Canvas) stroke(color string) {
	if c.Inks == nil || !c.Inks.Print {
		c.PDF.SetDrawColor(rgb(color))
		return
	}
	col := c.Inks.Hex(color)
	if col.Spot != "" {
		c.PDF.SetDrawSpotColor(col.Spot, 100)
		return
	}
	c.PDF.RawWriteStr(c.Inks.Operator(col, true))
}

// Triangle fills a triangle pointing up or down (the change arrows of
// stats), drawn as a shape so it needs no glyph.
func (c *Canvas) Triangle(x, y, size float64, up bool, color string) {
	c.mark()
	c.fill(color, size, size)
	pts := []fpdf.PointType{{X: x, Y: y + size}, {X: x + size, Y: y + size}, {X: x + size/2, Y: y}}
	if !up {
		pts = []fpdf.PointType{{X: x, Y: y}, {X: x + size, Y: y}, {X: x + size/2, Y: y + size}}
	}
	c.PDF.Polygon(pts, "F")
}

// Drawing draws a vector drawing (a logo, an icon) scaled to fit the box
// (x, y, w, h) and centred in it. Each shape's colours go through fill and
// stroke (so a print build writes them from the palette); color stands for
// svg.Current. Colours are set outside the shape's q … Q, where fpdf
// keeps track of them; its width, caps, joins and transform inside. A
// drawing is an artifact in the tagged PDF: logos and icons stand beside
// text that says what they show.
func (c *Canvas) Drawing(d *svg.Drawing, x, y, w, h float64, color string) {
	if d == nil || d.W <= 0 || d.H <= 0 {
		return
	}
	c.Begin(nil)
	defer c.End()
	c.mark()
	s := min(w/d.W, h/d.H)
	_, ph := c.PDF.GetPageSize()
	left, top := x+(w-d.W*s)/2, y+(h-d.H*s)/2
	place := fmt.Sprintf("%s 0 0 %s %s %s cm", fine(s), fine(-s), fine(left), fine(ph-top)) // the drawing's box, y down, onto the page
	paint := func(p string) string {
		if p == svg.Current {
			return color
		}
		return p
	}
	for _, sh := range d.Shapes {
		op := ""
		if sh.Fill != "" {
			c.fill(paint(sh.Fill), d.W*s, d.H*s)
			op = "f"
		}
		if sh.Stroke != "" {
			c.stroke(paint(sh.Stroke))
			op = map[string]string{"": "S", "f": "B"}[op]
		}
		if sh.EvenOdd && op != "S" {
			op += "*"
		}
		m := sh.M
		var b strings.Builder
		fmt.Fprintf(&b, "q %s %s %s %s %s %s %s cm", place, fine(m[0]), fine(m[1]), fine(m[2]), fine(m[3]), fine(m[4]), fine(m[5]))
		if sh.Stroke != "" {
			fmt.Fprintf(&b, " %s w %d J %d j %s M", fine(sh.Width), sh.Cap, sh.Join, fine(sh.Miter))
			if len(sh.Dash) > 0 {
				b.WriteString(" [")
				for i, v := range sh.Dash {
					if i > 0 {
						b.WriteByte(' ')
					}
					b.WriteString(fine(v))
				}
				b.WriteString("] 0 d")
			}
		}
		fmt.Fprintf(&b, " %s %s Q\n", sh.Path, op)
		c.PDF.RawWriteStr(b.String())
	}
}

// fine writes a number with five decimals: a drawing of 2,000 units set
// 48 pt tall is scaled by 0.024, which three would make 2 % off.
func fine(v float64) string {
	s := strings.TrimRight(strings.TrimRight(strconv.FormatFloat(v, 'f', 5, 64), "0"), ".")
	if s == "-0" || s == "" {
		return "0"
	}
	return s
}

// Text draws a string in one face at a baseline, without breaking it.
func (c *Canvas) Text(s string, face *fonts.Face, size float64, color string, x, baseline float64) {
	c.mark()
	c.Fonts.Text(face, size, c.color(color), 0, x, baseline, s)
}

// color is a text colour: color, or the ink when it is empty.
func (c *Canvas) color(color string) [3]uint8 {
	if color == "" {
		color = c.Ink
	}
	r, g, b := rgb(color)
	return [3]uint8{uint8(r), uint8(g), uint8(b)}
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
	c.mark()
	gs := l.Glyphs
	for i := 0; i < len(gs); {
		j := i + 1
		spacing := 0.0
		if j < len(gs) && same(gs[i], gs[j]) {
			spacing = gs[j].X - gs[i].X - nat(gs[i])
			for j+1 < len(gs) && same(gs[j], gs[j+1]) && math.Abs(gs[j+1].X-gs[j].X-nat(gs[j])-spacing) < 0.005 {
				j++
			}
			j++
		}
		var b strings.Builder
		for _, g := range gs[i:j] {
			b.WriteRune(g.R)
		}
		if gs[j-1].Hyphen && c.Tags != nil && c.Current() != nil {
			h := c.Current().Add(structure.Span)
			h.Actual = strings.TrimSuffix(b.String(), string(gs[j-1].R)) + "\u00AD"
			c.Begin(h)
			c.mark()
			c.Fonts.Text(gs[i].Face, gs[i].Size, c.color(gs[i].Color), spacing, x+gs[i].X, baseline, b.String())
			c.End()
		} else {
			c.Fonts.Text(gs[i].Face, gs[i].Size, c.color(gs[i].Color), spacing, x+gs[i].X, baseline, b.String())
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
	c.fill(color, 2*r, 2*r)
	c.PDF.Circle(x, y, r, "F")
}
