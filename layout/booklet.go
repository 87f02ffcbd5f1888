package layout

import (
	"strconv"
	"time"

	"github.com/brochure-dev/brochure/internal/structure"
)

// sectionPages returns the page each section's head stands on.
func sectionPages(pages []Page) map[int]int {
	at := map[int]int{}
	for _, p := range pages {
		for _, b := range p.Blocks {
			if h, ok := b.Block.(*sectionHead); ok {
				at[h.n] = p.Number
			}
		}
	}
	return at
}

// contents is the table of contents: a heading and one line a section,
// its number, title and page, each a link to the section. With at nil the
// page numbers are blank (the first pass, which only counts pages). A
// list a page does not hold at its lines' leading is set tighter (see
// tocSpacings), so that it keeps together: seventeen sections on A5 ran
// four lines onto a second page.
func (d *Document) contents(at map[int]int) []Block {
	th := d.Theme
	blocks := []Block{
		&Paragraph{Spans: []Span{th.span(th.Locale.Labels.Contents, th.Black, d.geo.display(th.Scale.HeadPlain+4), th.Primary)}, Setting: Setting{Align: Left}, After: 8},
		Rule{Color: th.Primary, Thickness: 1.2, After: 18},
	}
	for i, s := range d.Report.Sections {
		page := ""
		if at != nil {
			page = strconv.Itoa(at[i])
		}
		blocks = append(blocks, &tocEntry{n: i, title: s.Title, page: page, theme: th})
	}
	f := d.geo.frame()
	for _, sp := range tocSpacings {
		spaced(blocks, sp)
		h := 0.0
		for _, b := range blocks {
			h += b.Measure(f.W)
		}
		if h <= f.H {
			break // the loosest spacing that keeps the list on one page
		}
	}
	tagContents(d.root, blocks)
	return blocks
}

// spaced sets the lines of the contents among blocks (in rows too) at sp.
func spaced(blocks []Block, sp tocSpacing) {
	for _, b := range blocks {
		switch b := b.(type) {
		case *tocEntry:
			b.spacing = sp
		case *Row:
			spaced(b.Cells, sp)
		}
	}
}

// tocSpacing is the leading of a contents line (a share of its size) and
// the gap under it, pt, with the rule in its middle.
type tocSpacing struct{ lead, gap float64 }

// tocSpacings are the contents' spacings, loosest (as set by default)
// first; a list that no spacing keeps on one page runs on at the
// tightest.
var tocSpacings = []tocSpacing{{1.5, 12}, {1.4, 9}, {1.3, 7}, {1.25, 5}}

// tocEntry is one line of the contents, a link to its section.
type tocEntry struct {
	n     int
	title string
	page  string
	theme Theme
	// spacing is the line's leading and gap; zero is the first of
	// tocSpacings
	spacing tocSpacing

	lbl, link *structure.Elem // its number and its link in the structure tree
}

const tocNumW = 30.0 // the section number's column, pt

// space is the line's leading and gap.
func (e *tocEntry) space() tocSpacing {
	if e.spacing == (tocSpacing{}) {
		return tocSpacings[0]
	}
	return e.spacing
}

func (e *tocEntry) title_() *Paragraph {
	return &Paragraph{Spans: []Span{e.theme.span(e.title, e.theme.Regular, e.theme.Scale.Title, e.theme.Ink)}, Setting: Setting{Align: Left}, Leading: e.theme.Scale.Title * e.space().lead}
}

func (e *tocEntry) Measure(w float64) float64 {
	return e.title_().Measure(w-tocNumW-40) + e.space().gap
}

func (e *tocEntry) Split(w, h float64) (Block, Block) { return unparted(e, w, h) }

func (e *tocEntry) Draw(c *Canvas, x, y, w float64) error {
	th := e.theme
	lead := th.Scale.Title * e.space().lead
	base := y + baseline(th.Scale.Title, lead)
	c.Begin(e.lbl)
	c.Text(th.number(e.n), th.Black, th.Scale.Title, th.Primary, x, base)
	c.End()
	c.Begin(e.link)
	t := e.title_()
	if err := t.Draw(c, x+tocNumW, y, w-tocNumW-40); err != nil {
		return err
	}
	pw := th.Bold.Width(e.page, th.Scale.Title)
	c.Text(e.page, th.Bold, th.Scale.Title, th.Ink, x+w-pw, base)
	h := e.Measure(w)
	if to, ok := c.Dests[e.n]; ok && e.link != nil {
		to.Text = e.title
		c.Link(e.link, x, y, w, h-e.space().gap/2, to)
	}
	c.End()
	c.Begin(nil)
	c.Line(x, y+h-e.space().gap/2, x+w, y+h-e.space().gap/2, 0.5, th.Rule)
	c.End()
	return nil
}

// bookletEnd returns the pages that make a booklet's page count a multiple
// of four, starting after page n: notes pages as needed, then the back
// cover. A saddle-stitched booklet is sheets folded in half, four pages a
// sheet; the padding goes at the end, where a reader expects blank pages,
// never in the middle. The notes begin on the last page of content when
// it ends with room for them (see notesBelow).
func (d *Document) bookletEnd(n int) []Page {
	if n > 1 {
		d.notesBelow(&d.Pages[n-1])
	}
	var pages []Page
	for (n+len(pages)+1)%4 != 0 {
		pages = append(pages, d.notes(n+len(pages)+1))
	}
	return append(pages, d.backCover(n+len(pages)+1))
}

// notes is a ruled page headed 笔记.
func (d *Document) notes(number int) Page {
	p := Page{Number: number}
	d.notesArea(&p, d.geo.frame().Y)
	return p
}

// notesBelow sets a notes area (see notesArea) under the content of p,
// the last page of content of a booklet, a section's gap below it, when
// the page ends with more than notesRoom of its frame blank: the blank
// page foot a booklet's last page of content would otherwise have, as
// the notes pages that follow it begin there.
func (d *Document) notesBelow(p *Page) {
	f := d.geo.frame()
	used := f.Y
	for _, b := range p.Blocks {
		if _, space := b.Block.(Space); !space && b.Y < f.Y+f.H {
			used = max(used, b.Y+b.H)
		}
	}
	if f.Y+f.H-used <= notesRoom*f.H {
		return
	}
	d.notesArea(p, used+d.Theme.Grid.SectionGap)
}

// notesRoom is the share of the frame left blank at the foot of a
// booklet's last page of content that notesBelow fills with notes: more
// would be a blank band there, less leaves no room for a ruled line.
const notesRoom = 0.12

// notesArea sets on p, from top down to the frame's foot, a head 笔记, a
// rule and ruled lines to write on, as many as fit (none when not even
// the head does).
func (d *Document) notesArea(p *Page, top float64) {
	th, f := d.Theme, d.geo.frame()
	head := &Paragraph{Spans: []Span{th.span(th.Locale.Labels.Notes, th.Black, th.Scale.Title+2, th.Primary)}, Setting: Setting{Align: Left}, After: 6}
	hh := head.Measure(f.W)
	const pitch = 26.0
	if top+hh+pitch > f.Y+f.H-4 {
		return
	}
	p.Blocks = append(p.Blocks,
		Placed{Block: head, X: f.X, Y: top, W: f.W, H: hh},
		Placed{Block: Rule{Color: th.Primary, Thickness: 1.2}, X: f.X, Y: top + hh, W: f.W, H: 1.2},
	)
	for y := top + hh + pitch; y <= f.Y+f.H-4; y += pitch {
		p.Blocks = append(p.Blocks, Placed{Block: Rule{Color: th.Rule, Thickness: 0.5}, X: f.X, Y: y, W: f.W, H: 0.5})
	}
}

// backCover closes the booklet: a band of the primary colour running into
// the bleed at the foot, with the organization, the title and the date.
func (d *Document) backCover(number int) Page {
	r, th, g := d.Report, d.Theme, d.geo
	p := Page{Number: number, Bare: true}
	band := g.H * 0.28
	top := g.H - band
	p.Blocks = append(p.Blocks, Placed{Block: Rule{Color: th.Primary, Thickness: band + g.Bleed}, X: -g.Bleed, Y: top, W: g.W + 2*g.Bleed, H: band + g.Bleed})
	y := top + g.display(34)
	add := func(b Block) {
		h := b.Measure(g.contentW())
		p.Blocks = append(p.Blocks, Placed{Block: b, X: g.MarginX, Y: y, W: g.contentW(), H: h})
		y += h
	}
	add(&Paragraph{Spans: []Span{th.span(r.Title, th.Black, g.display(22), "#FFFFFF")}, Setting: Setting{Align: Left, PhraseBreaks: true}, After: 6})
	if r.Subtitle != "" {
		add(&Paragraph{Spans: []Span{th.span(r.Subtitle, th.Bold, 11, "#FFFFFF")}, Setting: Setting{Align: Left}, After: 14})
	}
	line := r.Organization
	if t, err := time.Parse("2006-01-02", r.Date); err == nil {
		if line != "" {
			line += "  ·  "
		}
		line += th.Locale.Month(t)
	}
	if line != "" {
		add(&Paragraph{Spans: []Span{th.span(line, th.Regular, 9, "#FFFFFF")}, Setting: Setting{Align: Left}})
	}
	return p
}
