package charts

import (
	"io"
	"math"

	"github.com/golang/freetype/truetype"
	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/internal/cjk"
	"github.com/brochure-dev/brochure/internal/draw"
)

// Renderer is a go-chart chart.Renderer that draws onto a draw.Canvas,
// the page model layout draws on too (export writes it as PDF; Export
// paints the same items as SVG or PNG).
//
// Coordinates: go-chart works in integer pixels with y growing downward,
// like the page; with the DPI at 72 (go-chart calls SetDPI with the chart's DPI,
// which Draw sets to 72) one go-chart pixel is one PDF point, so font sizes
// in points equal sizes in pixels. Everything is shifted by the (x, y)
// offset given to NewRenderer.
//
// Paths are buffered and only drawn when painted (Stroke, Fill,
// FillStroke), so that a path painted with a fully transparent colour (how
// Draw makes go-chart's background and canvas boxes disappear) leaves nothing
// in the page, and no half-built path is ever left open before a text
// object.
type Renderer struct {
	out    *draw.Canvas
	ox, oy float64
	dpi    float64

	stroke      drawing.Color
	fill        drawing.Color
	strokeWidth float64
	dash        []float64

	font      *truetype.Font // as go-chart set it: goFace's
	face      *fonts.Face    // as the kinds set it (setFace)
	goFace    *fonts.Face    // the face whose Font go-chart is given
	fontColor drawing.Color
	fontSize  float64 // points at 72 dpi
	rotation  *float64
	// labelOff, when set, is how far to move a text go-chart sets that
	// begins at x and is w wide (a bar chart's category labels: see
	// drawBar)
	labelOff func(x, w float64) float64

	path   []draw.Op
	cx, cy float64 // current point, page coordinates
	sx, sy float64 // start of current subpath
}

var _ chart.Renderer = (*Renderer)(nil)

// newRenderer returns a Renderer drawing on out with its origin at (x, y)
// pt, its text in p's faces.
func newRenderer(out *draw.Canvas, x, y float64, p palette) *Renderer {
	r := &Renderer{out: out, ox: x, oy: y, dpi: 72, face: p.regular, goFace: p.regular}
	r.ResetStyle()
	return r
}

// Provider returns a chart.RendererProvider handing go-chart this renderer
// (the chart's width and height are ignored: the page is the canvas).
func (r *Renderer) Provider() chart.RendererProvider {
	return func(int, int) (chart.Renderer, error) { return r, nil }
}

// ResetStyle resets colours, widths, dashes and rotation; the font is kept
// (as go-chart's own renderers do).
func (r *Renderer) ResetStyle() {
	r.stroke = drawing.ColorTransparent
	r.fill = drawing.ColorTransparent
	r.fontColor = drawing.ColorBlack
	r.strokeWidth = 0
	r.dash = nil
	r.fontSize = chart.DefaultFontSize
	r.rotation = nil
}

// GetDPI returns the DPI go-chart set.
func (r *Renderer) GetDPI() float64 { return r.dpi }

// SetDPI records the DPI; font sizes are scaled by dpi/72, so at 72 (what
// Draw uses) a go-chart point is a PDF point and a pixel is a point.
func (r *Renderer) SetDPI(dpi float64) {
	if dpi <= 0 {
		dpi = 72
	}
	r.dpi = dpi
}

// SetClassName is meaningless in PDF.
func (r *Renderer) SetClassName(string) {}

// SetStrokeColor sets the stroke colour.
func (r *Renderer) SetStrokeColor(c drawing.Color) { r.stroke = c }

// SetFillColor sets the fill colour.
func (r *Renderer) SetFillColor(c drawing.Color) { r.fill = c }

// SetStrokeWidth sets the line width in px (= pt).
func (r *Renderer) SetStrokeWidth(w float64) { r.strokeWidth = w }

// SetStrokeDashArray sets the dash pattern in px (= pt).
func (r *Renderer) SetStrokeDashArray(d []float64) { r.dash = d }

// MoveTo starts a new subpath.
func (r *Renderer) MoveTo(x, y int) { r.moveTo(float64(x), float64(y)) }

// LineTo adds a line to the current path.
func (r *Renderer) LineTo(x, y int) { r.lineTo(float64(x), float64(y)) }

// QuadCurveTo adds a quadratic Bézier (control cx,cy), converted to the
// equivalent cubic (a page's paths hold lines and cubics only).
func (r *Renderer) QuadCurveTo(cx, cy, x, y int) {
	r.quadTo(float64(cx), float64(cy), float64(x), float64(y))
}

// ArcTo adds an elliptic arc with centre (cx,cy), radii rx, ry, from
// startAngle sweeping delta radians, with go-chart's convention (the same as
// drawing.Path.ArcTo used by the raster renderer): the point at angle a is
// (cx + rx·cos a, cy + ry·sin a) in y-down coordinates, so a positive delta
// turns clockwise on the page. If the path is not empty a line joins the
// current point to the arc's start, else the arc starts a subpath.
func (r *Renderer) ArcTo(cx, cy int, rx, ry, startAngle, delta float64) {
	r.arcTo(float64(cx), float64(cy), rx, ry, startAngle, delta)
}

// Close closes the current subpath.
func (r *Renderer) Close() {
	if len(r.path) == 0 {
		return
	}
	r.path = append(r.path, draw.Op{Kind: draw.Close})
	r.cx, r.cy = r.sx, r.sy
}

// Stroke strokes and clears the path.
func (r *Renderer) Stroke() { r.paint(false, true) }

// Fill fills and clears the path.
func (r *Renderer) Fill() { r.paint(true, false) }

// FillStroke fills, strokes and clears the path.
func (r *Renderer) FillStroke() { r.paint(true, true) }

// Circle draws a filled and stroked circle right away with the current
// style (like go-chart's SVG renderer), discarding any pending path.
func (r *Renderer) Circle(radius float64, x, y int) {
	r.path = r.path[:0]
	r.circle(float64(x), float64(y), radius, true, true)
}

// SetFont sets the font; go-chart is only ever given the Regular face's.
func (r *Renderer) SetFont(f *truetype.Font) {
	if f != nil {
		r.font, r.face = f, nil
	}
}

// setFace sets the face for the following text.
func (r *Renderer) setFace(f *fonts.Face) { r.face, r.font = f, nil }

// SetFontColor sets the text colour.
func (r *Renderer) SetFontColor(c drawing.Color) { r.fontColor = c }

// SetFontSize sets the font size in points.
func (r *Renderer) SetFontSize(size float64) { r.fontSize = size }

// Text draws body with its baseline's left end at (x, y), rotated about
// that point by the text rotation (positive = clockwise on the page, as in
// go-chart).
func (r *Renderer) Text(body string, x, y int) {
	dx := 0.0
	if r.labelOff != nil && r.rotation == nil {
		w, _ := r.measure(body)
		dx = r.labelOff(float64(x), w)
	}
	r.text(body, float64(x)+dx, float64(y))
}

// MeasureText returns the text's box in px (= pt): width from the face's
// advances (exactly the widths the PDF's fonts give), height one em. The embedded
// faces' hhea ascent/descent (1.160/−0.288 em) are line-spacing metrics;
// go-chart uses the box height both as line pitch and as the distance from a
// text box's top to the baseline, and CJK ink fills the ideographic em box,
// so the em keeps go-chart's labels tight without overlap. A rotated box is
// the bounding box of the rotated corners.
func (r *Renderer) MeasureText(body string) chart.Box {
	w, h := r.measure(body)
	b := chart.Box{Right: int(math.Ceil(w)), Bottom: int(math.Ceil(h))}
	if r.rotation != nil {
		b = b.Corners().Rotate(chart.RadiansToDegrees(*r.rotation)).Box()
	}
	return b
}

// SetTextRotation sets the rotation for following Text calls.
func (r *Renderer) SetTextRotation(radians float64) { r.rotation = &radians }

// ClearTextRotation clears the text rotation.
func (r *Renderer) ClearTextRotation() { r.rotation = nil }

// Save does nothing: the drawing is already on the canvas.
func (r *Renderer) Save(io.Writer) error { return nil }

// ---- float-precision primitives (also used by the hand-drawn charts) ----

func (r *Renderer) moveTo(x, y float64) {
	x, y = x+r.ox, y+r.oy
	r.path = append(r.path, draw.Op{Kind: draw.Move, P: [6]float64{x, y}})
	r.cx, r.cy, r.sx, r.sy = x, y, x, y
}

func (r *Renderer) lineTo(x, y float64) {
	if len(r.path) == 0 {
		r.moveTo(x, y)
		return
	}
	x, y = x+r.ox, y+r.oy
	r.path = append(r.path, draw.Op{Kind: draw.LineTo, P: [6]float64{x, y}})
	r.cx, r.cy = x, y
}

// cubicTo takes page coordinates.
func (r *Renderer) cubicTo(c1x, c1y, c2x, c2y, x, y float64) {
	r.path = append(r.path, draw.Op{Kind: draw.Cubic, P: [6]float64{c1x, c1y, c2x, c2y, x, y}})
	r.cx, r.cy = x, y
}

func (r *Renderer) quadTo(qx, qy, x, y float64) {
	if len(r.path) == 0 {
		r.moveTo(0, 0)
	}
	qx, qy, x, y = qx+r.ox, qy+r.oy, x+r.ox, y+r.oy
	p0x, p0y := r.cx, r.cy
	r.cubicTo(p0x+2.0/3*(qx-p0x), p0y+2.0/3*(qy-p0y),
		x+2.0/3*(qx-x), y+2.0/3*(qy-y), x, y)
}

// arcPoint is the point at angle a on the ellipse, in go-chart's convention.
func arcPoint(cx, cy, rx, ry, a float64) (float64, float64) {
	return cx + rx*math.Cos(a), cy + ry*math.Sin(a)
}

func (r *Renderer) arcTo(cx, cy, rx, ry, start, delta float64) {
	sx, sy := arcPoint(cx, cy, rx, ry, start)
	if len(r.path) == 0 {
		r.moveTo(sx, sy)
	} else {
		r.lineTo(sx, sy)
	}
	if delta == 0 {
		return
	}
	cx, cy = cx+r.ox, cy+r.oy
	// Cubic Bézier segments of at most 90°, each with control points at
	// k = 4/3·tan(θ/4) along the tangents (the sign of θ handles direction).
	n := int(math.Ceil(math.Abs(delta)/(math.Pi/2) - 1e-9))
	if n < 1 {
		n = 1
	}
	th := delta / float64(n)
	k := 4.0 / 3.0 * math.Tan(th/4)
	a := start
	for i := 0; i < n; i++ {
		b := a + th
		x0, y0 := arcPoint(cx, cy, rx, ry, a)
		x3, y3 := arcPoint(cx, cy, rx, ry, b)
		c1x := x0 - k*rx*math.Sin(a)
		c1y := y0 + k*ry*math.Cos(a)
		c2x := x3 + k*rx*math.Sin(b)
		c2y := y3 - k*ry*math.Cos(b)
		r.cubicTo(c1x, c1y, c2x, c2y, x3, y3)
		a = b
	}
}

func visible(c drawing.Color) bool { return c.A > 0 }

// paint writes the buffered path with the requested operations, skipping
// the ones whose colour is fully transparent (or stroke width 0), and
// clears the path.
func (r *Renderer) paint(fill, stroke bool) {
	defer func() { r.path = r.path[:0] }()
	fill = fill && visible(r.fill)
	stroke = stroke && visible(r.stroke) && r.strokeWidth > 0
	if len(r.path) == 0 || (!fill && !stroke) {
		return
	}
	if fill && stroke && r.fill.A != r.stroke.A {
		// One alpha applies to both; paint them separately.
		r.emit(true, false)
		r.emit(false, true)
		return
	}
	r.emit(fill, stroke)
}

// emit draws the buffered path, filled and/or stroked.
func (r *Renderer) emit(fill, stroke bool) {
	it := draw.Item{Kind: draw.Path, Ops: r.out.Ops(r.path...)}
	if fill {
		it.Fill = colour(r.fill)
	}
	if stroke {
		it.Stroke, it.Width, it.Dash = colour(r.stroke), r.strokeWidth, r.dash
	}
	r.out.Add(it)
}

func colour(c drawing.Color) draw.Colour {
	return draw.Colour{RGB: [3]uint8{c.R, c.G, c.B}, A: c.A}
}

// circle paints a circle centred at (x, y) (chart coordinates) as four
// arcs, so every canvas draws it the same way.
func (r *Renderer) circle(x, y, radius float64, fill, stroke bool) {
	if radius <= 0 {
		return
	}
	r.path = r.path[:0]
	r.arcTo(x, y, radius, radius, 0, 2*math.Pi)
	r.Close()
	r.paint(fill, stroke)
}

// curFace returns the face of the following text: the one set by setFace,
// or, after go-chart's SetFont, the face go-chart was given.
func (r *Renderer) curFace() *fonts.Face {
	if r.face != nil {
		return r.face
	}
	return r.goFace
}

// size is the font size in PDF points.
func (r *Renderer) size() float64 { return r.fontSize * r.dpi / 72 }

func (r *Renderer) measure(body string) (w, h float64) {
	size := r.size()
	return textWidth(r.curFace(), body, size), size
}

// textWidth is the width of s as drawn by the Renderer: the face's
// advances plus the quarter-em between Han and Latin runs (internal/cjk),
// the same spacing as in body text.
func textWidth(face *fonts.Face, s string, size float64) float64 {
	runs := cjk.Runs(s)
	w := float64(len(runs)-1) * cjk.GapEm * size
	for _, run := range runs {
		w += face.Width(run, size)
	}
	return w
}

func (r *Renderer) text(body string, x, y float64) {
	if body == "" || !visible(r.fontColor) {
		return
	}
	x, y = x+r.ox, y+r.oy
	face, size := r.curFace(), r.size()
	rot := 0.0
	if r.rotation != nil {
		rot = *r.rotation
	}
	cos, sin := math.Cos(rot), math.Sin(rot)
	for _, run := range cjk.Runs(body) {
		r.out.Text(run, face, size, 0, colour(r.fontColor), x, y, rot)
		adv := face.Width(run, size) + cjk.GapEm*size
		x, y = x+adv*cos, y+adv*sin
	}
}
