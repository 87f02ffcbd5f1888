package layout

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"

	"codeberg.org/go-pdf/fpdf"

	"github.com/brochure-dev/brochure/fonts"
	crop "github.com/brochure-dev/brochure/internal/marks"
	"github.com/brochure-dev/brochure/internal/structure"
)

// Write draws the document as a PDF. The output depends only on the
// report (and the options): dates come from the report's date, else from
// SOURCE_DATE_EPOCH, else are fixed; objects are written in sorted order
// and the page boxes in a fixed order (see finish), so rebuilds are
// byte-identical.
//
// Every page is the trim plus the bleed plus, with marks, the room for the
// crop marks: MediaBox is that sheet, TrimBox and BleedBox say where the
// page is cut and how far the full-bleed colour runs.
func (d *Document) Write(w io.Writer) error {
	g := d.geo
	mw, mh := g.media()
	pdf := fpdf.NewCustom(&fpdf.InitType{OrientationStr: "P", UnitStr: "pt", Size: fpdf.SizeType{Wd: mw, Ht: mh}})
	pdf.SetCatalogSort(true)
	pdf.SetCompression(false) // finish compresses the pages
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	r := d.Report
	title := r.Title
	if r.Subtitle != "" {
		title += " " + r.Subtitle
	}
	pdf.SetTitle(title, true)
	pdf.SetAuthor(r.Organization, true)
	pdf.SetSubject(r.Subtitle, true)
	pdf.SetKeywords(strings.Join(d.keywords(), "; "), true)
	pdf.SetCreator("brochure "+Version, true)
	pdf.SetProducer("brochure "+Version+" (fpdf)", true)
	pdf.SetLang(d.lang())
	date := d.date()
	pdf.SetCreationDate(date)
	pdf.SetModificationDate(date)
	pdf.SetXmpMetadata(d.metadata(title, date))
	if d.opt.PDFA {
		d.pdfa(pdf)
	}
	if d.opt.PDFX {
		if err := d.pdfx(pdf); err != nil {
			return err
		}
	}
	off := g.off()
	pdf.SetPageBox("trim", off, off, g.W, g.H)
	pdf.SetPageBox("bleed", off-g.Bleed, off-g.Bleed, g.W+2*g.Bleed, g.H+2*g.Bleed)
	if g.Marks {
		pdf.AddSpotColor("All", 100, 100, 100, 100) // registration: on every separation
	}
	// Text goes through an Embedding, which writes each face into the PDF
	// cut down to the characters it drew (see fonts.Embedding).
	text := fonts.NewEmbedding(pdf, d.alpha)
	inks := d.palette()
	text.Ink = inks.Text // greys on the black plate; in print, CMYK and overprint
	var tags *structure.Tree
	if d.root == nil { // a document made outside NewWith (the icon sheet): all artifacts
		d.root = structure.NewDocument()
		d.root.Lang = d.lang()
	}
	if !d.untagged {
		tags = structure.New(d.root)
	}
	c := &Canvas{PDF: pdf, Fonts: text, Ink: d.Theme.Ink, Inks: inks, Dests: map[int]structure.Target{}, Tags: tags, quality: d.quality(), photoBytes: d.opt.Limits.photoBytes()}
	// the destinations of the contents' links: each section's head
	for i, p := range d.Pages {
		for _, b := range p.Blocks {
			if h, ok := b.Block.(*sectionHead); ok {
				c.Dests[h.n] = structure.Target{Page: i, Y: mh - (b.Y + off)}
			}
		}
	}
	for i, p := range d.Pages {
		pdf.AddPage()
		c.page = i
		for _, b := range p.Blocks {
			if h, ok := b.Block.(*sectionHead); ok {
				pdf.Bookmark(utf16BE(fmt.Sprintf("%d %s", h.n+1, h.title)), 0, b.Y+off)
			}
			if err := b.Block.Draw(c, b.X+off, b.Y+off, b.W); err != nil {
				return fmt.Errorf("page %d: %w", p.Number, err)
			}
			if err := pdf.Error(); err != nil {
				return fmt.Errorf("page %d: %w", p.Number, err)
			}
		}
		if g.Marks {
			c.Begin(nil)
			c.mark()
			d.marks(pdf)
			c.End()
		}
		c.close()
	}
	text.Done() // the fonts are cut and compressed while fpdf writes
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		return err
	}
	var x *press
	if d.opt.PDFX {
		x = &press{profile: d.opt.Profile, name: d.opt.ProfileName}
	}
	out, err := finish(buf.Bytes(), text, c.pics, x, tags)
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

func (d *Document) keywords() []string {
	var kw []string
	for _, s := range d.Report.Sections {
		kw = append(kw, s.Title)
	}
	return kw
}

func (d *Document) lang() string {
	if d.Report.Language == "" {
		return "zh-CN"
	}
	return d.Report.Language
}

// date is the document's date: the report's, else SOURCE_DATE_EPOCH
// (reproducible-builds.org), else 2000-01-01 — never the clock.
func (d *Document) date() time.Time {
	if t, err := time.Parse("2006-01-02", d.Report.Date); err == nil {
		return t
	}
	if s := os.Getenv("SOURCE_DATE_EPOCH"); s != "" {
		if n, err := strconv.ParseInt(s, 10, 64); err == nil {
			return time.Unix(n, 0).UTC()
		}
	}
	return time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
}

// marks draws the printer's marks round the trim (internal/marks: crop
// marks at the corners, centre marks on the sides, all outside the bleed)
// in the registration colour.
func (d *Document) marks(pdf *fpdf.Fpdf) {
	g := d.geo
	o := g.off()
	pdf.SetDrawSpotColor("All", 100)
	pdf.SetLineWidth(crop.Weight)
	// the sheet is symmetric about the trim, so its y-up rectangle is the
	// same as fpdf's y-down one
	pdf.RawWriteStr(crop.Path(crop.Rect{X: o, Y: o, W: g.W, H: g.H}, g.Bleed))
}

// faces are the faces the PDF embeds: the theme's three (which charts
// draw in too), its serif, then its fallbacks.
func (d *Document) faces() []*fonts.Face {
	th := d.Theme
	seen := map[*fonts.Face]bool{}
	var faces []*fonts.Face
	for _, f := range append([]*fonts.Face{th.Regular, th.Bold, th.Black, th.Serif}, th.Fallback...) {
		if f != nil && !seen[f] {
			seen[f] = true
			faces = append(faces, f)
		}
	}
	return faces
}

// Fonts names the faces the PDF embeds.
func (d *Document) Fonts() []string {
	var names []string
	for _, f := range d.faces() {
		names = append(names, f.Family)
	}
	return names
}

// utf16BE is s as a PDF text string in UTF-16BE with its byte order mark,
// the form fpdf's Bookmark writes as given (it converts only under one of
// its own UTF-8 fonts).
func utf16BE(s string) string {
	b := []byte{0xFE, 0xFF}
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return string(b)
}
