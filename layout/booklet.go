package layout

import (
	"cmp"
	"slices"
	"strconv"
	"time"

	"github.com/brochure-dev/brochure/data"
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
// of four, starting after page n: the pages that pad it, then the back
// cover. A saddle-stitched booklet is sheets folded in half, four pages a
// sheet; the padding goes at the end, where a reader expects it, never
// in the middle. A press brochure does not pad with ruled notes pages
// (they read as "we ran out of content"): the padding pages hold the
// report's key figures, a recap of every section's (see figuresEnd),
// beginning under the
// last page's content when it ends with room for them; only a page they
// do not reach is a notes page, as is the foot of the last one when they
// run out above it (a blank page would read as a printing fault and a
// blank band as a hole). Without padding, the last page of content that
// ends with room has the notes begin under it (see notesBelow); a
// brochure that is its cover alone is padded with notes pages as
// before, having no page to begin the figures on.
func (d *Document) bookletEnd(n int) []Page {
	k := (4 - (n+1)%4) % 4 // the pages between the content and the back cover
	if k == 0 || n < 2 {
		if n > 1 {
			d.notesBelow(&d.Pages[n-1])
		}
		var pages []Page
		for (n+len(pages)+1)%4 != 0 {
			pages = append(pages, d.notes(n+len(pages)+1))
		}
		return append(pages, d.backCover(n+len(pages)+1))
	}
	pages := make([]Page, k)
	for i := range pages {
		pages[i] = Page{Number: n + i + 1, Padding: true}
	}
	d.figuresEnd(&d.Pages[n-1], pages)
	return append(pages, d.backCover(n+k+1))
}

// figuresEnd sets the key figures on a booklet's padding pages: a head
// (the cover's 年度关键数字) and every section's figures, in the report's
// order, as cards in rows, from under the content of last (when it ends
// with more than notesRoom of its frame blank) down the pages, at the
// size and cards a row of figureSets that fill the pages best. When they
// are more than the pages hold, the ones left out are each section's
// last, in turn; the rows on a page share its foot's room between them
// (see spreadRows), so that no page ends in a blank band the reader
// takes for a hole. A page they do not reach is a notes page; the foot
// of the last they reach, with room, holds notes too (see notesArea).
func (d *Document) figuresEnd(last *Page, pages []Page) {
	th, f := d.Theme, d.geo.frame()
	type room struct {
		p   *Page
		top float64
	}
	var rooms []room
	if top := contentFoot(last, f); f.Y+f.H-top > notesRoom*f.H {
		rooms = append(rooms, room{last, top + th.Grid.SectionGap})
	}
	for i := range pages {
		rooms = append(rooms, room{&pages[i], f.Y})
	}
	order := backFigures(d.Report)
	cols := 3 // on A5 and smaller, two (see figureSets)
	head := func() []Block {
		return []Block{
			&Paragraph{Spans: []Span{th.span(th.Locale.Labels.KeyFigures, th.Black, th.Scale.Title+2, th.Primary)}, Setting: Setting{Align: Left}, After: 6},
			Rule{Color: th.Primary, Thickness: 1.2, After: 14},
		}
	}
	// place sets the first m figures (in the report's order) down the
	// rooms, cols to a row, their figures at scale times the look's; it
	// returns the blocks of each room, or false when they do not all fit
	scale := 1.0
	place := func(m int) ([][]Placed, []Block, bool) {
		chosen := slices.Clone(order[:m])
		slices.SortFunc(chosen, func(a, b figureAt) int { return cmp.Or(a.section-b.section, a.index-b.index) })
		var cards []Block
		for _, c := range chosen {
			card := d.statCard(d.Report.Sections[c.section].Stats[c.index]).(*statCard)
			card.resize(th.Scale.Stat * scale)
			cards = append(cards, card)
		}
		rows := head()
		for _, r := range cardRows(cards, cols, 0, d.geo.Gutter) {
			alignIcons(r.(*Row).Cells) // a row's figures on one line, its cards of one height
			rows = append(rows, r)
		}
		out := make([][]Placed, len(rooms))
		r, y := 0, 0.0
		if len(rooms) > 0 {
			y = rooms[0].top
		}
		for i, b := range rows {
			h := b.Measure(f.W)
			need := h
			if i == 0 { // the head keeps with its rule and the first row
				need = h + rows[1].Measure(f.W) + after(rows[1]) + rows[min(2, len(rows)-1)].Measure(f.W)
			}
			for i != 1 && r < len(rooms) && y+need > f.Y+f.H {
				r++
				if r < len(rooms) {
					y = rooms[r].top
				}
			}
			if r == len(rooms) {
				return nil, nil, false
			}
			out[r] = append(out[r], Placed{Block: b, X: f.X, Y: y, W: f.W, H: h})
			y += h + after(b)
		}
		return out, rows, true
	}
	// the most figures the rooms hold, as the first of figureSets that
	// leaves the fewest faults (see faults), then drops the fewest
	// figures, then leaves the least room to notes: larger figures and
	// fewer, wider cards fill more
	// faults counts the rooms without figures (each a notes page, or
	// notes under the content) and those the figures go on from with a
	// blank band at their foot, too deep for spreadRows to close
	faults := func(out [][]Placed) int {
		n, last := 0, -1
		for i, ps := range out {
			if len(ps) == 0 {
				n++
			} else {
				last = i
			}
		}
		for _, ps := range out[:max(last, 0)] {
			if len(ps) == 0 {
				continue
			}
			gaps := 0
			for j := 1; j < len(ps); j++ {
				if moves(ps, j) {
					gaps++
				}
			}
			end := ps[len(ps)-1]
			if f.Y+f.H-end.Y-end.H-float64(gaps)*2.5*figureSpread > notesRoom*f.H {
				n++
			}
		}
		return n
	}
	var out [][]Placed
	var rows []Block
	m := 0
	bestCols, bestScale := cols, 1.0
	// left is the room under the last room's figures, which notes take
	left := func(out [][]Placed) float64 {
		for i := len(out) - 1; i >= 0; i-- {
			if ps := out[i]; len(ps) > 0 {
				return f.Y + f.H - ps[len(ps)-1].Y - ps[len(ps)-1].H
			}
		}
		return f.H
	}
	for _, fs := range figureSets {
		cols, scale = 3-fs.fewer, fs.scale
		if f.W < 400 {
			cols = 2 // A5 and smaller
		}
		for k := len(order); k > 0; k-- {
			o, r, ok := place(k)
			if !ok {
				continue
			}
			better := out == nil || faults(o) < faults(out)
			if !better && faults(o) == faults(out) {
				// more figures, or as many with notes a tenth of the
				// frame shorter
				better = k > m || k == m && left(o) < left(out)-0.1*f.H
			}
			if better {
				out, rows, m, bestCols, bestScale = o, r, k, cols, scale
			}
			break
		}
	}
	if m > 0 && (bestCols != cols || bestScale != scale) {
		cols, scale = bestCols, bestScale
		out, rows, _ = place(m) // the cards as chosen, to tag and draw
	}
	if m > 0 {
		tagBlocks(d.root, rows)
	}
	for i, rm := range rooms {
		if i >= len(out) || len(out[i]) == 0 {
			d.notesArea(rm.p, rm.top) // no figure reaches it
			continue
		}
		placed := out[i]
		more := i < len(rooms)-1 && len(out[i+1]) > 0 // the figures go on overleaf
		spreadRows(placed, f, more)
		foot := placed[len(placed)-1].Y + placed[len(placed)-1].H
		var notes Page // the notes under the last figures, when they fit
		if !more && !d.notesArea(&notes, foot+th.Grid.SectionGap) {
			spreadRows(placed, f, true) // no room for notes under them: the rows close the foot
		}
		rm.p.Blocks = append(append(rm.p.Blocks, placed...), notes.Blocks...)
	}
}

// figureSets are the ways the padding's figures are tried, in turn: at
// the look's size, three cards a row (two on A5), then larger, then on
// A4 two cards a row. Never one to a row: a column of figures down the
// left of a page, the rest of each row blank, reads as a hole too.
var figureSets = []struct {
	fewer int // cards fewer a row
	scale float64
}{{0, 1}, {0, 1.3}, {0, 1.6}, {1, 1.3}, {1, 1.6}}

// figureSpread is the most a row of the padding pages' figures is moved
// down by the room at its page's foot shared between the rows, pt.
const figureSpread = 18.0

// spreadRows moves the rows of placed (a room's figures) down to share the
// room under the last between the gaps, up to figureSpread each; all of
// 2.5 times that when more follow on the next page (full: the page is
// as full as the rows make it).
func spreadRows(placed []Placed, f Frame, full bool) {
	gaps := 0 // the gaps above a row of cards, but under the head's rule
	for i := 1; i < len(placed); i++ {
		if moves(placed, i) {
			gaps++
		}
	}
	if gaps == 0 {
		return
	}
	last := placed[len(placed)-1]
	gap := (f.Y + f.H - last.Y - last.H) / float64(gaps)
	if full {
		gap = min(gap, 2.5*figureSpread)
	} else {
		gap = min(gap, figureSpread)
	}
	shift := 0.0
	for i := range placed {
		if i > 0 && moves(placed, i) {
			shift += gap
		}
		placed[i].Y += shift
	}
}

// moves tells whether block i of placed is a row of cards that spreadRows
// moves away from the block above it (not from the head's rule).
func moves(placed []Placed, i int) bool {
	_, row := placed[i].Block.(*Row)
	_, rule := placed[i-1].Block.(Rule)
	return row && !rule
}

// after is the space a block asks for under it.
func after(b Block) float64 {
	switch b := b.(type) {
	case *Row:
		return b.After
	case Rule:
		return b.After
	}
	return 0
}

// figureAt is a figure of the report: its section's index and its own.
type figureAt struct{ section, index int }

// backFigures are the report's figures in the order they are dropped
// last: each section's first (the ones the cover shows), then each one's
// second, and so on.
func backFigures(r *data.Report) []figureAt {
	var out []figureAt
	for j := 0; ; j++ {
		more := false
		for i, s := range r.Sections {
			if j < len(s.Stats) {
				out, more = append(out, figureAt{i, j}), true
			}
		}
		if !more {
			return out
		}
	}
}

// contentFoot is the foot of the lowest block of p inside frame f.
func contentFoot(p *Page, f Frame) float64 {
	used := f.Y
	for _, b := range p.Blocks {
		if _, space := b.Block.(Space); !space && b.Y < f.Y+f.H {
			used = max(used, b.Y+b.H)
		}
	}
	return used
}

// notes is a ruled page headed 笔记.
func (d *Document) notes(number int) Page {
	p := Page{Number: number, Padding: true}
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
	used := contentFoot(p, f)
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
// rule and ruled lines to write on, as many as fit (none, and false,
// when not even the head and one line do).
func (d *Document) notesArea(p *Page, top float64) bool {
	th, f := d.Theme, d.geo.frame()
	head := &Paragraph{Spans: []Span{th.span(th.Locale.Labels.Notes, th.Black, th.Scale.Title+2, th.Primary)}, Setting: Setting{Align: Left}, After: 6}
	hh := head.Measure(f.W)
	const pitch = 26.0
	if top+hh+pitch > f.Y+f.H-4 {
		return false
	}
	p.Blocks = append(p.Blocks,
		Placed{Block: head, X: f.X, Y: top, W: f.W, H: hh},
		Placed{Block: Rule{Color: th.Primary, Thickness: 1.2}, X: f.X, Y: top + hh, W: f.W, H: 1.2},
	)
	for y := top + hh + pitch; y <= f.Y+f.H-4; y += pitch {
		p.Blocks = append(p.Blocks, Placed{Block: Rule{Color: th.Rule, Thickness: 0.5}, X: f.X, Y: y, W: f.W, H: 0.5})
	}
	return true
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
