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
	"time"

	"codeberg.org/go-pdf/fpdf"
	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/fonts"
)

// Export formats.
var ExportFormats = []string{"svg", "png", "pdf"}

// exportPad is the white margin around an exported chart, pt.
const exportPad = 8.0

// Export draws chart c alone, at width w pt (the width it has in the
// brochure, so it looks the same), as an SVG, PNG (at dpi) or PDF file.
// SVG and PDF carry the chart in words (Alt) as their description.
// The same drawing code paints every format: only the canvas differs.
// Output depends only on the arguments (no dates, no map order).
func Export(c data.Chart, w float64, st Style, format string, dpi float64) ([]byte, error) {
	h := st.Height(c, w)
	W, H := w+2*exportPad, h+2*exportPad
	switch format {
	case "pdf":
		pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: W, Ht: H}})
		pdf.SetCatalogSort(true)
		pdf.SetAutoPageBreak(false, 0)
		pdf.SetMargins(0, 0, 0)
		fixed := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
		pdf.SetCreationDate(fixed)
		pdf.SetModificationDate(fixed)
		pdf.SetTitle(c.Title, true)
		pdf.SetSubject(Alt(c, st.Lang), true)
		pdf.SetCreator("brochure", true)
		text := fonts.NewEmbedding(pdf, nil)
		pdf.AddPage()
		if err := Draw(pdf, text, c, exportPad, exportPad, w, h, st); err != nil {
			return nil, err
		}
		return text.Output()
	case "svg":
		sv := &svgCanvas{}
		if err := draw(sv, c, exportPad, exportPad, w, h, st); err != nil {
			return nil, err
		}
		var buf bytes.Buffer
		fmt.Fprintf(&buf, `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" width="%spt" height="%spt" viewBox="0 0 %s %s">
<title>%s</title>
<desc>%s</desc>
<rect width="100%%" height="100%%" fill="#FFFFFF"/>
`, f2(W), f2(H), f2(W), f2(H), html.EscapeString(c.Title), html.EscapeString(Alt(c, st.Lang)))
		buf.WriteString(sv.b.String())
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
		rc := &rasterCanvas{gc: gc, scale: s}
		if err := draw(rc, c, exportPad, exportPad, w, h, st); err != nil {
			return nil, err
		}
		if rc.err != nil {
			return nil, rc.err
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

func hexColor(c drawing.Color) string { return fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B) }

// ---- SVG ----

// svgCanvas writes paths as <path> and text as <text> in the font family
// of the embedded faces (Noto Sans SC at weight 400, 700 or 900), so the
// words stay words: searchable, selectable, editable.
type svgCanvas struct{ b strings.Builder }

func (s *svgCanvas) path(ops []pathOp, fill, stroke bool, st paintStyle) {
	var d strings.Builder
	for _, op := range ops {
		switch op.kind {
		case opMove:
			fmt.Fprintf(&d, "M%s %s", f2(op.p[0]), f2(op.p[1]))
		case opLine:
			fmt.Fprintf(&d, "L%s %s", f2(op.p[0]), f2(op.p[1]))
		case opCubic:
			fmt.Fprintf(&d, "C%s %s %s %s %s %s", f2(op.p[0]), f2(op.p[1]), f2(op.p[2]), f2(op.p[3]), f2(op.p[4]), f2(op.p[5]))
		case opClose:
			d.WriteString("Z")
		}
	}
	fmt.Fprintf(&s.b, `<path d="%s"`, d.String())
	if fill {
		fmt.Fprintf(&s.b, ` fill="%s"`, hexColor(st.fill))
		if st.fill.A < 255 {
			fmt.Fprintf(&s.b, ` fill-opacity="%s"`, f2(float64(st.fill.A)/255))
		}
	} else {
		s.b.WriteString(` fill="none"`)
	}
	if stroke {
		fmt.Fprintf(&s.b, ` stroke="%s" stroke-width="%s"`, hexColor(st.stroke), f2(st.width))
		if st.stroke.A < 255 {
			fmt.Fprintf(&s.b, ` stroke-opacity="%s"`, f2(float64(st.stroke.A)/255))
		}
		if len(st.dash) > 0 {
			var ds []string
			for _, v := range st.dash {
				ds = append(ds, f2(v))
			}
			fmt.Fprintf(&s.b, ` stroke-dasharray="%s"`, strings.Join(ds, " "))
		}
	}
	s.b.WriteString("/>\n")
}

// text sets a run at its x with its width as the PDF has it (textLength,
// from the face's advances): a viewer that draws the words in another
// build of the font, with other widths, squeezes or stretches the run to
// that width, so a figure never runs into its unit ("64辆"). Viewers
// that ignore textLength (MuPDF) still place every run where the PDF has
// it.
func (s *svgCanvas) text(face *fonts.Face, size float64, c drawing.Color, t string, x, y, rot float64) {
	fmt.Fprintf(&s.b, `<text x="%s" y="%s" textLength="%s" lengthAdjust="spacingAndGlyphs" font-family="'Noto Sans SC', 'Noto Sans CJK SC', 'Source Han Sans SC', sans-serif" font-weight="%d" font-size="%s" fill="%s"`,
		f2(x), f2(y), f2(face.Width(t, size)), face.Weight, f2(size), hexColor(c))
	if c.A < 255 {
		fmt.Fprintf(&s.b, ` fill-opacity="%s"`, f2(float64(c.A)/255))
	}
	if rot != 0 {
		fmt.Fprintf(&s.b, ` transform="rotate(%s %s %s)"`, f2(chart.RadiansToDegrees(rot)), f2(x), f2(y))
	}
	fmt.Fprintf(&s.b, ">%s</text>\n", html.EscapeString(t))
}

// ---- PNG ----

// rasterCanvas paints with go-chart's raster graphic context (the one its
// PNG renderer uses), with the embedded faces' glyph outlines, scaled from
// points to pixels at the requested DPI.
type rasterCanvas struct {
	gc    *drawing.RasterGraphicContext
	scale float64
	err   error
}

func (rc *rasterCanvas) path(ops []pathOp, fill, stroke bool, st paintStyle) {
	gc := rc.gc
	gc.SetMatrixTransform(drawing.NewScaleMatrix(rc.scale, rc.scale))
	gc.BeginPath()
	for _, op := range ops {
		switch op.kind {
		case opMove:
			gc.MoveTo(op.p[0], op.p[1])
		case opLine:
			gc.LineTo(op.p[0], op.p[1])
		case opCubic:
			gc.CubicCurveTo(op.p[0], op.p[1], op.p[2], op.p[3], op.p[4], op.p[5])
		case opClose:
			gc.Close()
		}
	}
	gc.SetFillColor(st.fill)
	gc.SetStrokeColor(st.stroke)
	gc.SetLineWidth(st.width)
	gc.SetLineDash(st.dash, 0)
	switch {
	case fill && stroke:
		gc.FillStroke()
	case fill:
		gc.Fill()
	case stroke:
		gc.Stroke()
	}
}

// text draws each glyph at the position the PDF gives it (the face's
// advances, as fonts.Embedding writes them), so the picture's text is set
// exactly as the brochure's, whatever the rasteriser's own metrics.
func (rc *rasterCanvas) text(face *fonts.Face, size float64, c drawing.Color, t string, x, y, rot float64) {
	gc := rc.gc
	m := drawing.NewScaleMatrix(rc.scale, rc.scale)
	m.Translate(x, y)
	if rot != 0 {
		m.Rotate(rot)
	}
	gc.SetMatrixTransform(m)
	gc.SetFont(face.Font())
	gc.SetFontSize(size)
	gc.SetFillColor(c)
	dx := 0.0
	for _, r := range t {
		gc.BeginPath()
		if face.TrueType() {
			if _, err := gc.FillStringAt(string(r), dx, 0); err != nil && rc.err == nil {
				rc.err = err
			}
		} else if err := outline(gc, face, r, size, dx); err != nil && rc.err == nil {
			rc.err = err
		}
		dx += face.Advance(r) * size / 1000
	}
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
