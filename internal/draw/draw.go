// Package draw is the page model between layout and export: pages of
// positioned items — text runs, paths, vector drawings, images, links —
// each tagged with the structure element it is content of (nil: an
// artifact). Layout and charts draw into a Canvas, which only records;
// internal/export turns the pages into PDF bytes (and charts' SVG and PNG
// export paints the same items). Nothing here writes PDF syntax; two
// things pass through as PDF already: a vector shape's path operators
// (package svg makes them) and a picture's image dictionary (layout reads
// the photo).
//
// Coordinates are points from the top left of the page, y down, as layout
// places them; export turns them into PDF's y-up space.
package draw

import (
	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/internal/structure"
)

// Colour is a screen colour and its opacity. A = 0 paints nothing; layout's
// colours are opaque (255), charts' may be translucent. In a print build
// export paints it in the palette's process (or spot) ink.
type Colour struct {
	RGB [3]uint8
	A   uint8
}

// Opaque is rgb at full opacity.
func Opaque(rgb [3]uint8) Colour { return Colour{RGB: rgb, A: 255} }

// Kind says what an Item is and which of its fields hold it.
type Kind uint8

const (
	// Rect fills (Fill) or strokes (Stroke, Width) the box X, Y, W, H.
	Rect Kind = iota
	// Line strokes from (X, Y) to (W, H).
	Line
	// Polygon fills the closed outline of Ops (moves and lines).
	Polygon
	// Circle fills the circle of radius W centred at (X, Y).
	Circle
	// Shape fills Ops (closed subpaths) as one path, its colour set first:
	// abutting parts (a QR code's modules) show no seam.
	Shape
	// Path paints Ops with Fill and/or Stroke, Width and Dash (a chart's
	// bars, lines and arcs); a translucent colour paints with its alpha.
	Path
	// Vector paints one shape of a vector drawing (a logo, an icon) in
	// Fill and/or Stroke: Data holds its path in PDF path operators (as
	// package svg gives them) in the drawing's own units,
	// M its transform, and the drawing's box on the page is scaled by Size
	// with its top left at (X, Y); W × H is that box's size. Stroke with
	// Width, Cap, Join, Miter, Dash; EvenOdd fills by the even-odd rule.
	Vector
	// Text sets Text in Face at Size in Fill with its baseline's left end
	// at (X, Y), Spacing added after each character, turned by Rotate
	// radians (clockwise on the page) about that point.
	Text
	// Image shows the picture named Data ("/Im1", the document's
	// Pictures in order) clipped to X, Y, W, H: scaled to Box[2] × Box[3]
	// with its top left at (Box[0], Box[1]), turned and mirrored by M, the
	// matrix that maps the unit square of the image as stored onto the one
	// it shows as (y up).
	Image
	// Link makes X, Y, W, H a link to Target, as content of Elem (a Link
	// element). Untagged documents have none.
	Link
)

// Op is a path segment: a move, a line, a cubic Bézier (P holds both
// control points, then the end) or a close.
type Op struct {
	Kind OpKind
	P    [6]float64
}

// OpKind is the kind of a path segment.
type OpKind uint8

// The segments of a path.
const (
	Move OpKind = iota
	LineTo
	Cubic
	Close
)

// Item is one thing drawn on a page; Kind says which fields it uses. It
// is kept small (the kinds drawn most, text runs and paths, use no
// Extra): a page's items are one slice, drawn into again page after page.
type Item struct {
	Kind Kind
	Elem *structure.Elem // the structure element it is content of; nil: an artifact

	Fill, Stroke Colour // A = 0: not painted
	Width        float64
	Dash         []float64

	X, Y, W, H float64
	Ops        []Op

	Face          *fonts.Face
	Size, Spacing float64
	Rotate        float64
	Text          string

	*Extra // Vector, Image and Link only
}

// Extra holds the fields of the kinds drawn seldom.
type Extra struct {
	Data      string     // Vector: path operators; Image: the picture's name
	M         [6]float64 // Vector: the shape's transform; Image: its orientation
	Box       [4]float64 // Image: left, top, width, height of the scaled picture
	Cap, Join int
	Miter     float64
	EvenOdd   bool
	Target    structure.Target // Link
}

// Page is one page: its items in drawing order, and the outline entries
// (bookmarks) that point into it.
type Page struct {
	Number    int // the page's number as the reader counts it (for errors)
	Items     []Item
	Bookmarks []Bookmark
}

// Bookmark is an entry of the document outline: Title at Y on its page.
type Bookmark struct {
	Title string
	Y     float64
}

// Picture is an image as the PDF holds it: the entries of its image
// dictionary (/Width … /Filter …) and its stream; Mask is its soft mask
// (a PNG's transparency), or nil. Pictures are numbered in the order first
// drawn: /Im1, /Im2…
type Picture struct {
	Dict string
	Data []byte
	Mask *Picture
}

// Canvas records drawing onto the current page. It also says what is
// drawn, for the tagged PDF's structure: Begin(e) … End() makes what is
// drawn in between content of e; outside any Begin, or in Begin(nil), it
// is an artifact. It decides nothing: positions come in, items go out.
type Canvas struct {
	// Page is the page being recorded; setting it starts another (the
	// element stack is kept). See Reuse for a writer that drops pages.
	Page  *Page
	ops   []Op              // the current page's path segments, shared by its items
	stack []*structure.Elem // what is being drawn (nil: an artifact)
}

// Reuse starts recording page p for a writer that has written the pages
// before (see export.Writer.Page): their paths' memory is drawn into
// again, so their items must not be read any more.
func (c *Canvas) Reuse(p *Page) {
	c.Page = p
	c.ops = c.ops[:0]
}

// Begin says that what is drawn until End is content of e (nil: an
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

// Add records it as content of the current element.
func (c *Canvas) Add(it Item) {
	it.Elem = c.Current()
	c.Page.Items = append(c.Page.Items, it)
}

// Ops returns ops kept for an item of this canvas: a slice of one
// backing array the canvas grows, so that items do not allocate a path
// each.
func (c *Canvas) Ops(ops ...Op) []Op {
	at := len(c.ops)
	c.ops = append(c.ops, ops...)
	return c.ops[at:len(c.ops):len(c.ops)]
}

// FillRect fills a rectangle.
func (c *Canvas) FillRect(x, y, w, h float64, fill Colour) {
	c.Add(Item{Kind: Rect, Fill: fill, X: x, Y: y, W: w, H: h})
}

// StrokeRect outlines a rectangle.
func (c *Canvas) StrokeRect(x, y, w, h, width float64, stroke Colour) {
	c.Add(Item{Kind: Rect, Stroke: stroke, Width: width, X: x, Y: y, W: w, H: h})
}

// Line strokes a straight line.
func (c *Canvas) Line(x1, y1, x2, y2, width float64, stroke Colour) {
	c.Add(Item{Kind: Line, Stroke: stroke, Width: width, X: x1, Y: y1, W: x2, H: y2})
}

// Text sets s with its baseline's left end at (x, y).
func (c *Canvas) Text(s string, face *fonts.Face, size, spacing float64, fill Colour, x, y, rotate float64) {
	c.Add(Item{Kind: Text, Text: s, Face: face, Size: size, Spacing: spacing, Fill: fill, X: x, Y: y, Rotate: rotate})
}

// Link makes the rectangle (x, y, w, h) a link to to, as content of e
// (a Link element).
func (c *Canvas) Link(e *structure.Elem, x, y, w, h float64, to structure.Target) {
	c.Page.Items = append(c.Page.Items, Item{Kind: Link, Elem: e, X: x, Y: y, W: w, H: h, Extra: &Extra{Target: to}})
}

// Tracer is what a path is traced onto: a PDF writer, go-chart's raster
// context, an SVG path's data.
type Tracer interface {
	MoveTo(x, y float64)
	LineTo(x, y float64)
	CubicCurveTo(c1x, c1y, c2x, c2y, x, y float64)
	Close()
}

// Trace traces ops onto t.
func Trace(ops []Op, t Tracer) {
	for _, op := range ops {
		switch op.Kind {
		case Move:
			t.MoveTo(op.P[0], op.P[1])
		case LineTo:
			t.LineTo(op.P[0], op.P[1])
		case Cubic:
			t.CubicCurveTo(op.P[0], op.P[1], op.P[2], op.P[3], op.P[4], op.P[5])
		case Close:
			t.Close()
		}
	}
}
