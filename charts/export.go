package charts

import (
	"bytes"
	"fmt"
	"hash/crc32"
	"html"
	"image"
	"image/color"
	imgdraw "image/draw"
	"image/png"
	"math"
	"strconv"
	"strings"

	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/internal/draw"
	"github.com/brochure-dev/brochure/internal/export"
)

// Export formats.
var ExportFormats = []string{"svg", "png", "pdf"}

// exportPad is the white margin around an exported chart, pt.
const exportPad = 8.0

// Export draws chart c alone, at width w pt (the width it has in the
// brochure, so it looks the same), as an SVG, PNG (at dpi) or PDF file.
// SVG and PDF carry the chart in words (Alt) as their description.
// The chart is drawn once onto a page (the items layout's pages hold);
// each format paints those items: internal/export writes the PDF, svgOf
// and rasterOf the others. Output depends only on the arguments (no
// dates, no map order).
func Export(c data.Chart, w float64, st Style, format string, dpi float64) ([]byte, error) {
	h := st.Height(c, w)
	W, H := w+2*exportPad, h+2*exportPad
	var page draw.Page
	if err := Draw(&draw.Canvas{Page: &page}, c, exportPad, exportPad, w, h, st); err != nil {
		return nil, err
	}
	switch format {
	case "pdf":
		return export.Figure(page.Items, W, H, c.Title, Alt(c, st.Lang))
	case "svg":
		var buf bytes.Buffer
		fmt.Fprintf(&buf, `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="%spt" height="%spt" viewBox="0 0 %s %s">
<title>%s</title>
<desc>%s</desc>
<rect width="100%%" height="100%%" fill="#FFFFFF"/>
`, f2(W), f2(H), f2(W), f2(H), html.EscapeString(c.Title), html.EscapeString(Alt(c, st.Lang)))
		for i := range page.Items {
			svgItem(&buf, &page.Items[i])
		}
		buf.WriteString("</svg>\n")
		return buf.Bytes(), nil
	case "png":
		if dpi <= 0 {
			dpi = 300
		}
		s := dpi / 72
		img := image.NewRGBA(image.Rect(0, 0, int(math.Ceil(W*s)), int(math.Ceil(H*s))))
		imgdraw.Draw(img, img.Bounds(), image.NewUniform(color.White), image.Point{}, imgdraw.Src)
		gc, err := drawing.NewRasterGraphicContext(img)
		if err != nil {
			return nil, err
		}
		// go-chart's raster context scales a glyph to size·dpi/64 pixels
		// an em (its fixed-point Scale is size·dpi, in 1/64 pixels), not
		// size·dpi/72: at 64 a point of font size is a unit of the
		// drawing, as in the PDF. At 72 the text came out 12.5 % large.
		gc.SetDPI(64)
		for i := range page.Items {
			if err := rasterItem(gc, s, &page.Items[i]); err != nil {
				return nil, err
			}
		}
		var buf bytes.Buffer
		if err := (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&buf, img); err != nil {
			return nil, err
		}
		return setPNGDPI(buf.Bytes(), dpi), nil
	}
	return nil, fmt.Errorf("unknown export format %q; use %s", format, strings.Join(ExportFormats, ", "))
}

// f2 writes a coordinate with at most two decimals.
func f2(v float64) string {
	s := strconv.FormatFloat(v, 'f', 2, 64)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		s = "0"
	}
	return s
}

func hexColor(c draw.Colour) string {
	return fmt.Sprintf("#%02X%02X%02X", c.RGB[0], c.RGB[1], c.RGB[2])
}

// ---- SVG ----

// svgItem writes a path as <path> and text as <text> in the font family
// of the embedded faces (Noto Sans SC at weight 400, 700 or 900), so the
// words stay words: searchable, selectable, editable.
func svgItem(b *bytes.Buffer, it *draw.Item) {
	switch it.Kind {
	case draw.Path:
		svgPath(b, it)
	case draw.Text:
		svgText(b, it.Face, it.Size, it.Fill, it.Text, it.X, it.Y, it.Rotate)
	}
}

// svgData is an SVG path's data.
type svgData struct{ strings.Builder }

func (d *svgData) MoveTo(x, y float64) { fmt.Fprintf(d, "M%s %s", f2(x), f2(y)) }
func (d *svgData) LineTo(x, y float64) { fmt.Fprintf(d, "L%s %s", f2(x), f2(y)) }
func (d *svgData) CubicCurveTo(c1x, c1y, c2x, c2y, x, y float64) {
	fmt.Fprintf(d, "C%s %s %s %s %s %s", f2(c1x), f2(c1y), f2(c2x), f2(c2y), f2(x), f2(y))
}
func (d *svgData) Close() { d.WriteString("Z") }

func svgPath(b *bytes.Buffer, it *draw.Item) {
	var d svgData
	draw.Trace(it.Ops, &d)
	fmt.Fprintf(b, `<path d="%s"`, d.String())
	if fill := it.Fill; fill.A > 0 {
		fmt.Fprintf(b, ` fill="%s"`, hexColor(fill))
		if fill.A < 255 {
			fmt.Fprintf(b, ` fill-opacity="%s"`, f2(float64(fill.A)/255))
		}
	} else {
		b.WriteString(` fill="none"`)
	}
	if stroke := it.Stroke; stroke.A > 0 {
		fmt.Fprintf(b, ` stroke="%s" stroke-width="%s"`, hexColor(stroke), f2(it.Width))
		if stroke.A < 255 {
			fmt.Fprintf(b, ` stroke-opacity="%s"`, f2(float64(stroke.A)/255))
		}
		if len(it.Dash) > 0 {
			var ds []string
			for _, v := range it.Dash {
				ds = append(ds, f2(v))
			}
			fmt.Fprintf(b, ` stroke-dasharray="%s"`, strings.Join(ds, " "))
		}
	}
	b.WriteString("/>\n")
}

// text sets a run at its x with its width as the PDF has it (textLength,
// from the face's advances): a viewer that draws the words in another
// build of the font, with other widths, squeezes or stretches the run to
// that width, so a figure never runs into its unit ("64辆"). Viewers
// that ignore textLength (MuPDF) still place every run where the PDF has
// it.
func svgText(b *bytes.Buffer, face *fonts.Face, size float64, c draw.Colour, t string, x, y, rot float64) {
	fmt.Fprintf(b, `<text x="%s" y="%s" textLength="%s" lengthAdjust="spacingAndGlyphs" font-family="'Noto Sans SC', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif" font-weight="%d" font-size="%s" fill="%s"`,
		f2(x), f2(y), f2(face.Width(t, size)), face.Weight, f2(size), hexColor(c))
	if c.A < 255 {
		fmt.Fprintf(b, ` fill-opacity="%s"`, f2(float64(c.A)/255))
	}
	if rot != 0 {
		fmt.Fprintf(b, ` transform="rotate(%s %s %s)"`, f2(chart.RadiansToDegrees(rot)), f2(x), f2(y))
	}
	fmt.Fprintf(b, ">%s</text>\n", html.EscapeString(t))
}

// ---- PNG ----

// rasterItem paints an item with go-chart's raster graphic context (the
// one its PNG renderer uses), with the embedded faces' glyph outlines,
// scaled from points to pixels by scale.
func rasterItem(gc *drawing.RasterGraphicContext, scale float64, it *draw.Item) error {
	switch it.Kind {
	case draw.Path:
		rasterPath(gc, scale, it)
	case draw.Text:
		return rasterText(gc, scale, it.Face, it.Size, it.Fill, it.Text, it.X, it.Y, it.Rotate)
	}
	return nil
}

func rasterPath(gc *drawing.RasterGraphicContext, scale float64, it *draw.Item) {
	gc.SetMatrixTransform(drawing.NewScaleMatrix(scale, scale))
	gc.BeginPath()
	draw.Trace(it.Ops, gc)
	gc.SetFillColor(rgba(it.Fill))
	gc.SetStrokeColor(rgba(it.Stroke))
	gc.SetLineWidth(it.Width)
	gc.SetLineDash(it.Dash, 0)
	// the PDF's rule for a path: non-zero winding (f); go-chart's
	// context starts at even-odd
	gc.SetFillRule(drawing.FillRuleWinding)
	switch fill, stroke := it.Fill.A > 0, it.Stroke.A > 0; {
	case fill && stroke:
		gc.FillStroke()
	case fill:
		gc.Fill()
	case stroke:
		gc.Stroke()
	}
}

func rgba(c draw.Colour) drawing.Color {
	return drawing.Color{R: c.RGB[0], G: c.RGB[1], B: c.RGB[2], A: c.A}
}

// text draws each glyph at the position the PDF gives it (the face's
// advances, as fonts.Embedding writes them), so the picture's text is set
// exactly as the brochure's, whatever the rasteriser's own metrics.
func rasterText(gc *drawing.RasterGraphicContext, scale float64, face *fonts.Face, size float64, c draw.Colour, t string, x, y, rot float64) error {
	m := drawing.NewScaleMatrix(scale, scale)
	m.Translate(x, y)
	if rot != 0 {
		m.Rotate(rot)
	}
	gc.SetMatrixTransform(m)
	gc.SetFont(face.Font())
	gc.SetFontSize(size)
	gc.SetFillColor(rgba(c))
	// glyph outlines are drawn by the non-zero winding rule, as a PDF
	// viewer fills them: by even-odd, go-chart's default, the overlap of
	// two contours (the stem and the bar of a heavy "4") is a hole
	gc.SetFillRule(drawing.FillRuleWinding)
	dx := 0.0
	for _, r := range t {
		gc.BeginPath()
		if face.TrueType() {
			if _, err := gc.FillStringAt(string(r), dx, 0); err != nil {
				return err
			}
		} else if err := outline(gc, face, r, size, dx); err != nil {
			return err
		}
		dx += face.Advance(r) * size / 1000
	}
	return nil
}

// outline fills r's glyph at dx as a path: a CFF face (Noto Sans CJK, an
// .otf), whose outlines draw2d's truetype cannot read.
func outline(gc *drawing.RasterGraphicContext, face *fonts.Face, r rune, size, dx float64) error {
	segs, err := face.Outline(r, size)
	if err != nil {
		return err
	}
	pt := func(p fixed.Point26_6) (float64, float64) { return dx + float64(p.X)/64, float64(p.Y) / 64 }
	for _, s := range segs {
		switch s.Op {
		case sfnt.SegmentOpMoveTo:
			x, y := pt(s.Args[0])
			gc.MoveTo(x, y)
		case sfnt.SegmentOpLineTo:
			x, y := pt(s.Args[0])
			gc.LineTo(x, y)
		case sfnt.SegmentOpQuadTo:
			x1, y1 := pt(s.Args[0])
			x, y := pt(s.Args[1])
			gc.QuadCurveTo(x1, y1, x, y)
		case sfnt.SegmentOpCubeTo:
			x1, y1 := pt(s.Args[0])
			x2, y2 := pt(s.Args[1])
			x, y := pt(s.Args[2])
			gc.CubicCurveTo(x1, y1, x2, y2, x, y)
		}
	}
	gc.Fill()
	return nil
}

// setPNGDPI adds a pHYs chunk (pixels per metre) after IHDR so that image
// programs place the PNG at its real size.
func setPNGDPI(b []byte, dpi float64) []byte {
	const ihdrEnd = 8 + 25 // signature + IHDR chunk
	if len(b) < ihdrEnd {
		return b
	}
	ppm := uint32(math.Round(dpi / 0.0254))
	chunk := make([]byte, 0, 21)
	be := func(v uint32) []byte { return []byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)} }
	body := append([]byte("pHYs"), be(ppm)...)
	body = append(body, be(ppm)...)
	body = append(body, 1)
	chunk = append(chunk, be(9)...)
	chunk = append(chunk, body...)
	chunk = append(chunk, be(crc32IEEE(body))...)
	out := append([]byte{}, b[:ihdrEnd]...)
	out = append(out, chunk...)
	return append(out, b[ihdrEnd:]...)
}

func crc32IEEE(b []byte) uint32 { return crc32.ChecksumIEEE(b) }
