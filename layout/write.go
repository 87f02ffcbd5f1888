package layout

import (
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/internal/draw"
	"github.com/brochure-dev/brochure/internal/export"
	crop "github.com/brochure-dev/brochure/internal/marks"
	"github.com/brochure-dev/brochure/internal/structure"
)

// Write draws the document as a PDF: the blocks draw their pages' items
// (internal/draw), which internal/export writes. The output depends only
// on the report (and the options): dates come from the report's date,
// else from SOURCE_DATE_EPOCH, else are fixed, so rebuilds are
// byte-identical.
//
// Every page is the trim plus the bleed plus, with marks, the room for the
// crop marks: MediaBox is that sheet, TrimBox and BleedBox say where the
// page is cut and how far the full-bleed colour runs.
func (d *Document) Write(w io.Writer) error {
	g := d.geo
	mw, mh := g.media()
	r := d.Report
	title := r.Title
	if r.Subtitle != "" {
		title += " " + r.Subtitle
	}
	date := d.date()
	if d.root == nil { // a document made outside NewWith (the icon sheet): all artifacts
		d.root = structure.NewDocument()
		d.root.Lang = d.lang()
	}
	off := g.off()
	doc := &export.Document{
		Width: mw, Height: mh,
		Trim:  crop.Rect{X: off, Y: off, W: g.W, H: g.H},
		Bleed: g.Bleed,
		Marks: g.Marks,
		Info: export.Info{
			Title: title, Author: r.Organization, Subject: r.Subtitle,
			Keywords: strings.Join(d.keywords(), "; "),
			Creator:  "brochure " + Version, Producer: "brochure " + Version + " (fpdf)",
			Lang: d.lang(), Date: date, XMP: d.metadata(title, date),
		},
		Alphabet: d.alpha,
		Inks:     d.palette(),
		Spots:    d.spots(),
		PDFA:     d.opt.PDFA,
	}
	if !d.untagged {
		doc.Root = d.root
	}
	if d.opt.PDFX {
		doc.Press = &export.Press{Profile: d.opt.Profile, Name: d.opt.ProfileName}
	}
	c := &Canvas{Ink: d.Theme.Ink, Dests: map[int]structure.Target{}, Tagged: !d.untagged, quality: d.quality(), photoBytes: d.opt.Limits.photoBytes()}
	// the destinations of the contents' links: each section's head
	for i, p := range d.Pages {
		for _, b := range p.Blocks {
			if h, ok := b.Block.(*sectionHead); ok {
				c.Dests[h.n] = structure.Target{Page: i, Y: mh - (b.Y + off)}
			}
		}
	}
	// each page is written as soon as it is drawn, and its memory drawn
	// into again for the next
	xw := export.NewWriter(doc)
	var pg draw.Page
	for _, p := range d.Pages {
		pg.Number, pg.Items, pg.Bookmarks = p.Number, pg.Items[:0], pg.Bookmarks[:0]
		c.rec.Reuse(&pg)
		for _, b := range p.Blocks {
			if h, ok := b.Block.(*sectionHead); ok {
				pg.Bookmarks = append(pg.Bookmarks, draw.Bookmark{Title: fmt.Sprintf("%d %s", h.n+1, h.title), Y: b.Y + off})
			}
			if err := b.Block.Draw(c, b.X+off, b.Y+off, b.W); err != nil {
				return fmt.Errorf("page %d: %w", p.Number, err)
			}
		}
		if err := xw.Page(&pg); err != nil {
			return err
		}
	}
	doc.Pictures = c.pics.list
	return xw.Finish(w)
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
