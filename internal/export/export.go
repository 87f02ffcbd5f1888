// Package export turns pages of drawn items (internal/draw) into a PDF:
// the one place where PDF bytes are made. It owns the PDF writer (fpdf,
// which writes the file's skeleton — pages, resources, outline, Info,
// XMP, output intents), and writes what fpdf cannot: the fonts, cut to
// the characters drawn (fonts.Embedding), the images, the tagged PDF's
// marked content, structure tree and link annotations (internal/
// structure), a print build's colours, press profile and resources, the
// printer's marks (internal/marks), compressed contents and object
// streams (see finish).
//
// Why fpdf stays: it writes the skeleton every build needs, the same
// bytes as before this package existed; what it does wrong or not at all
// is done here, in finish, over the parsed file (internal/pdffile).
package export

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/ink"
	"github.com/brochure-dev/brochure/internal/draw"
	"github.com/brochure-dev/brochure/internal/marks"
	"github.com/brochure-dev/brochure/internal/pdffile"
	"github.com/brochure-dev/brochure/internal/structure"
)

// Document is what a Writer makes a PDF of; its pages are given to the
// Writer one by one.
type Document struct {
	// Width and Height are the sheet (MediaBox) in pt: the trim plus the
	// bleed plus, with Marks, the room for the printer's marks.
	Width, Height float64
	// Trim is the page as cut (x, y, w, h from the sheet's top left);
	// Bleed how far past it the full-bleed colour runs.
	Trim  marks.Rect
	Bleed float64
	Marks bool // crop and centre marks round the trim, in the registration colour

	Info Info

	Pictures []*draw.Picture // the images the pages name, /Im1 first
	Alphabet []rune          // the characters the document may draw (see fonts.NewEmbedding)

	// Root is the structure the pages' items are content of; nil writes
	// an untagged PDF (no marked content, no structure tree, no links).
	Root *structure.Elem
	// Inks writes the colours: a print build's process and spot inks, a
	// screen build's RGB (nil: RGB).
	Inks *ink.Palette
	// Spots are the spot inks drawn (each is a Separation colour space).
	Spots []ink.Colour

	PDFA  bool   // PDF/A-2a: an sRGB output intent
	Press *Press // PDF/X-4: the press's output intent and resources; nil for screen
}

// Info is the document's Info dictionary and XMP metadata.
type Info struct {
	Title, Author, Subject, Keywords, Creator, Producer, Lang string
	Date                                                      time.Time
	XMP                                                       []byte
}

// A Writer writes a document page by page, so that a page's items can be
// dropped (and their memory drawn into again) once written.
type Writer struct {
	d    *Document
	pdf  *fpdf.Fpdf
	text *fonts.Embedding
	p    painter
}

// NewWriter starts writing d.
func NewWriter(d *Document) *Writer {
	pdf := newPDF(d.Width, d.Height)
	pdf.SetCompression(false) // finish compresses the pages
	in := d.Info
	// The document information goes in as UTF-16BE already: fpdf's own
	// conversion reads a four-byte UTF-8 character (𨋢 U+282E2, in a Hong
	// Kong title) as three bytes and garbles it; for the BMP it writes
	// these same bytes.
	pdf.SetTitle(pdffile.UTF16BE(in.Title), false)
	pdf.SetAuthor(pdffile.UTF16BE(in.Author), false)
	pdf.SetSubject(pdffile.UTF16BE(in.Subject), false)
	pdf.SetKeywords(pdffile.UTF16BE(in.Keywords), false)
	pdf.SetCreator(pdffile.UTF16BE(in.Creator), false)
	pdf.SetProducer(pdffile.UTF16BE(in.Producer), false)
	pdf.SetLang(in.Lang)
	pdf.SetCreationDate(in.Date)
	pdf.SetModificationDate(in.Date)
	pdf.SetXmpMetadata(in.XMP)
	if d.PDFA {
		pdf.AddOutputIntent(fpdf.OutputIntentType{
			SubtypeIdent:              fpdf.OutputIntent_GTS_PDFA1,
			OutputConditionIdentifier: "sRGB IEC61966-2.1",
			Info:                      "sRGB IEC61966-2.1",
			ICCProfile:                srgbICC,
		})
	}
	for _, c := range d.Spots {
		k := c.CMYK
		pdf.AddSpotColor(c.Spot, byte(k[0]*100+0.5), byte(k[1]*100+0.5), byte(k[2]*100+0.5), byte(k[3]*100+0.5))
	}
	t := d.Trim
	pdf.SetPageBox("trim", t.X, t.Y, t.W, t.H)
	pdf.SetPageBox("bleed", t.X-d.Bleed, t.Y-d.Bleed, t.W+2*d.Bleed, t.H+2*d.Bleed)
	if d.Marks {
		pdf.AddSpotColor("All", 100, 100, 100, 100) // registration: on every separation
	}
	text := fonts.NewEmbedding(pdf, d.Alphabet)
	if d.Inks != nil {
		text.Ink = d.Inks.Text // greys on the black plate; in print, CMYK and overprint
	}
	w := &Writer{d: d, pdf: pdf, text: text}
	w.p = painter{pdf: pdf, text: text, inks: d.Inks, ph: d.Height, page: -1}
	if d.Root != nil {
		w.p.tags = structure.New(d.Root)
	}
	return w
}

// Page writes the next page. Its items are not kept: pg may be drawn
// into again once Page returns.
func (w *Writer) Page(pg *draw.Page) error {
	pdf, d := w.pdf, w.d
	pdf.AddPage()
	w.p.page++
	for _, b := range pg.Bookmarks {
		pdf.Bookmark(pdffile.UTF16BE(b.Title), 0, b.Y)
	}
	w.p.paint(pg.Items)
	if d.Marks {
		w.p.mark(nil)
		pdf.SetDrawSpotColor("All", 100)
		pdf.SetLineWidth(marks.Weight)
		// the sheet is symmetric about the trim, so its y-up rectangle is
		// the same as the y-down one
		pdf.RawWriteStr(marks.Path(d.Trim, d.Bleed))
	}
	w.p.close()
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("page %d: %w", pg.Number, err)
	}
	return nil
}

// Finish writes the file to out, with the Document's Pictures.
func (w *Writer) Finish(out io.Writer) error {
	w.text.Done() // the fonts are cut and compressed while fpdf writes
	var buf bytes.Buffer
	if err := w.pdf.Output(&buf); err != nil {
		return err
	}
	b, err := w.finish(buf.Bytes())
	if err != nil {
		return err
	}
	_, err = out.Write(b)
	return err
}

// Figure is a PDF of one page w × h pt showing items (an exported chart):
// untagged, in screen colours, with a fixed date so that it depends only
// on its arguments.
func Figure(items []draw.Item, w, h float64, title, subject string) ([]byte, error) {
	pdf := newPDF(w, h)
	fixed := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	pdf.SetCreationDate(fixed)
	pdf.SetModificationDate(fixed)
	pdf.SetTitle(pdffile.UTF16BE(title), false) // as NewWriter does
	pdf.SetSubject(pdffile.UTF16BE(subject), false)
	pdf.SetCreator(pdffile.UTF16BE("brochure"), false)
	text := fonts.NewEmbedding(pdf, nil)
	pdf.AddPage()
	p := &painter{pdf: pdf, text: text, ph: h}
	p.paint(items)
	if err := pdf.Error(); err != nil {
		return nil, err
	}
	return text.Output()
}

// newPDF is fpdf set up to draw pages w × h pt where they are placed: in
// points, without margins or page breaks of its own, its catalog sorted
// (the same bytes each time).
func newPDF(w, h float64) *fpdf.Fpdf {
	pdf := fpdf.NewCustom(&fpdf.InitType{UnitStr: "pt", Size: fpdf.SizeType{Wd: w, Ht: h}})
	pdf.SetCatalogSort(true)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	return pdf
}

// painter writes items into fpdf's current page.
type painter struct {
	pdf  *fpdf.Fpdf
	text *fonts.Embedding
	inks *ink.Palette
	tags *structure.Tree
	page int     // from 0
	ph   float64 // the page's height

	open bool            // a marked-content sequence is open…
	in   *structure.Elem // …for this element (nil: an artifact)
}

func (p *painter) paint(items []draw.Item) {
	pdf := p.pdf
	for i := range items {
		it := &items[i]
		if it.Kind == draw.Link {
			if p.tags != nil {
				p.tags.Link(p.page, it.Elem, [4]float64{it.X, p.ph - it.Y - it.H, it.X + it.W, p.ph - it.Y}, it.Target)
			}
			continue
		}
		p.mark(it.Elem)
		switch it.Kind {
		case draw.Rect:
			if it.Fill.A > 0 {
				p.fill(it.Fill.RGB, it.W, it.H)
				pdf.Rect(it.X, it.Y, it.W, it.H, "F")
			} else {
				p.stroke(it.Stroke.RGB)
				pdf.SetLineWidth(it.Width)
				pdf.Rect(it.X, it.Y, it.W, it.H, "D")
			}
		case draw.Line:
			p.stroke(it.Stroke.RGB)
			pdf.SetLineWidth(it.Width)
			pdf.Line(it.X, it.Y, it.W, it.H)
		case draw.Polygon:
			p.fill(it.Fill.RGB, it.W, it.H)
			pts := make([]fpdf.PointType, len(it.Ops))
			for i, op := range it.Ops {
				pts[i] = fpdf.PointType{X: op.P[0], Y: op.P[1]}
			}
			pdf.Polygon(pts, "F")
		case draw.Circle:
			p.fill(it.Fill.RGB, it.W, it.H)
			pdf.Circle(it.X, it.Y, it.W/2, "F")
		case draw.Shape:
			p.fill(it.Fill.RGB, it.W, it.H)
			p.path(it.Ops)
			pdf.DrawPath("F")
		case draw.Path:
			p.path(it.Ops)
			restore := p.style(it)
			pdf.DrawPath(styleStr(it.Fill.A > 0, it.Stroke.A > 0))
			restore()
		case draw.Vector:
			p.vector(it)
		case draw.Text:
			restore := p.alpha(it.Fill.A, func() {})
			if it.Rotate != 0 {
				pdf.TransformBegin()
				// clockwise on a y-down page is fpdf's counter-clockwise
				pdf.TransformRotate(-degrees(it.Rotate), it.X, it.Y)
				p.text.Text(it.Face, it.Size, it.Fill.RGB, it.Spacing, it.X, it.Y, it.Text)
				pdf.TransformEnd()
			} else {
				p.text.Text(it.Face, it.Size, it.Fill.RGB, it.Spacing, it.X, it.Y, it.Text)
			}
			restore()
		case draw.Image:
			m, b := it.M, it.Box
			left, top, sw, sh := b[0], b[1], b[2], b[3]
			a, bb, c, dd := m[0]*sw, m[1]*sh, m[2]*sw, m[3]*sh
			e, f := m[4]*sw+left, m[5]*sh+p.ph-top-sh
			pdf.ClipRect(it.X, it.Y, it.W, it.H, false)
			pdf.RawWriteStr(fmt.Sprintf("q %s %s %s %s %s %s cm %s Do Q", num(a), num(bb), num(c), num(dd), num(e), num(f), it.Data))
			pdf.ClipEnd()
		}
	}
}

// degrees is go-chart's RadiansToDegrees: the angle modulo a turn.
func degrees(rad float64) float64 { return math.Mod(rad, 2*math.Pi) * (180.0 / math.Pi) }

// mark opens the marked-content sequence of e (nil: an artifact) for what
// is drawn next, closing the one before when it was another's:
// consecutive items of one element share a sequence. Each item leaves the
// graphics state as it found it (q … Q), so sequences and q/Q nest.
func (p *painter) mark(e *structure.Elem) {
	if p.tags == nil || p.open && p.in == e {
		return // untagged, or the sequence goes on
	}
	p.close()
	p.open, p.in = true, e
	if e == nil {
		p.pdf.RawWriteStr("/Artifact BMC")
		return
	}
	id := p.tags.Mark(p.page, e)
	p.pdf.RawWriteStr("/" + string(e.Role) + " <</MCID " + strconv.Itoa(id) + ">> BDC")
}

// close ends the open marked-content sequence: before another element's,
// and at the end of each page.
func (p *painter) close() {
	if p.open {
		p.pdf.RawWriteStr("EMC")
		p.open = false
	}
}

// fill sets the fill colour of an area w × h pt. A screen build lets fpdf
// write it (greys as DeviceGray, colours as DeviceRGB); a print build
// writes the palette's process (or spot) colour, and the rich black for a
// large black area.
func (p *painter) fill(rgb [3]uint8, w, h float64) { p.colour(rgb, false, w, h) }

// stroke is fill for lines: greys (rules, hairlines) on the black plate.
func (p *painter) stroke(rgb [3]uint8) { p.colour(rgb, true, 0, 0) }

func (p *painter) colour(rgb [3]uint8, stroke bool, w, h float64) {
	pdf := p.pdf
	if p.inks == nil || !p.inks.Print {
		if stroke {
			pdf.SetDrawColor(int(rgb[0]), int(rgb[1]), int(rgb[2]))
		} else {
			pdf.SetFillColor(int(rgb[0]), int(rgb[1]), int(rgb[2]))
		}
		return
	}
	col := p.inks.Lookup(rgb)
	switch {
	case col.Spot != "" && stroke:
		pdf.SetDrawSpotColor(col.Spot, 100)
	case col.Spot != "":
		pdf.SetFillSpotColor(col.Spot, 100)
	case stroke:
		pdf.RawWriteStr(p.inks.Operator(col, true))
	default:
		pdf.RawWriteStr(p.inks.Area(col, w, h))
	}
}

// path writes the segments of a path.
func (p *painter) path(ops []draw.Op) { draw.Trace(ops, tracer{p.pdf}) }

// tracer traces a path onto fpdf's page.
type tracer struct{ *fpdf.Fpdf }

func (t tracer) CubicCurveTo(c1x, c1y, c2x, c2y, x, y float64) {
	t.CurveBezierCubicTo(c1x, c1y, c2x, c2y, x, y)
}

func (t tracer) Close() { t.ClosePath() }

func styleStr(fill, stroke bool) string {
	switch {
	case fill && stroke:
		return "FD"
	case fill:
		return "F"
	}
	return "D"
}

// style sets colours, line width, dashes and alpha for painting a Path
// and returns a function undoing the alpha and dash changes.
func (p *painter) style(it *draw.Item) func() {
	pdf := p.pdf
	alpha := uint8(255)
	if it.Fill.A > 0 {
		p.fill(it.Fill.RGB, 0, 0)
		alpha = it.Fill.A
	}
	dashed := false
	if it.Stroke.A > 0 {
		p.stroke(it.Stroke.RGB)
		pdf.SetLineWidth(it.Width)
		alpha = it.Stroke.A
		if len(it.Dash) > 0 {
			pdf.SetDashPattern(it.Dash, 0)
			dashed = true
		}
	}
	return p.alpha(alpha, func() {
		if dashed {
			pdf.SetDashPattern([]float64{}, 0)
		}
	})
}

// alpha sets alpha (0..255) when it is below 255 and returns a function
// restoring full opacity and then running also.
func (p *painter) alpha(a uint8, also func()) func() {
	if a == 255 {
		return also
	}
	p.pdf.SetAlpha(float64(a)/255, "Normal")
	return func() {
		p.pdf.SetAlpha(1, "Normal")
		also()
	}
}

// vector paints one shape of a vector drawing. Its colours are set
// outside the shape's q … Q, where fpdf keeps track of them; its width,
// caps, joins and transform inside.
func (p *painter) vector(it *draw.Item) {
	op := ""
	if it.Fill.A > 0 {
		p.fill(it.Fill.RGB, it.W, it.H)
		op = "f"
	}
	if it.Stroke.A > 0 {
		p.stroke(it.Stroke.RGB)
		op = "S"
		if it.Fill.A > 0 {
			op = "B" // fill, then stroke
		}
	}
	if it.EvenOdd && op != "S" {
		op += "*"
	}
	s, m := it.Size, it.M
	var b strings.Builder
	// the drawing's box, y down, onto the page, then the shape's transform
	fmt.Fprintf(&b, "q %s 0 0 %s %s %s cm %s %s %s %s %s %s cm", fine(s), fine(-s), fine(it.X), fine(p.ph-it.Y), fine(m[0]), fine(m[1]), fine(m[2]), fine(m[3]), fine(m[4]), fine(m[5]))
	if it.Stroke.A > 0 {
		fmt.Fprintf(&b, " %s w %d J %d j %s M", fine(it.Width), it.Cap, it.Join, fine(it.Miter))
		if len(it.Dash) > 0 {
			b.WriteString(" [")
			for i, v := range it.Dash {
				if i > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(fine(v))
			}
			b.WriteString("] 0 d")
		}
	}
	fmt.Fprintf(&b, " %s %s Q\n", it.Data, op)
	p.pdf.RawWriteStr(b.String())
}

// fine writes a number with five decimals: a drawing of 2,000 units set
// 48 pt tall is scaled by 0.024, which three would make 2 % off.
func fine(v float64) string { return decimals(v, 5) }

// num writes a number with three decimals (an image's matrix).
func num(v float64) string { return decimals(v, 3) }

// decimals writes v with at most n decimals, without trailing zeros.
func decimals(v float64, n int) string {
	s := strings.TrimRight(strings.TrimRight(strconv.FormatFloat(v, 'f', n, 64), "0"), ".")
	if s == "-0" || s == "" {
		return "0"
	}
	return s
}
