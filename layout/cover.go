package layout

import (
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/brochure-dev/brochure/fonts"
)

// cover lays out page 1: a band in the primary colour with the title,
// and below it the key figures (the first figure of each section), set as
// a designed page whatever their number: 1 to 16 figures in a grid whose
// columns and figure size follow the count, and on A5 the figures' width
// (see largerGrid) (the cards without their
// section's name, and then tight, when that is what makes them fit),
// grown into the room the page leaves and spread down to its foot; with
// few figures, the report's summary above them and the sections' titles
// below them fill the rest — on a sparse cover a row of the report's
// photos under the band, the titles set large with their headlines and
// the summary larger — and what is still left lowers the band's foot,
// what the band says centred in its colour. A band deeper than what it
// says needs gives the difference to the panel first, so that its foot
// and the white under it never read as a blank (see fitBand).
func (d *Document) cover() Page {
	r, th, g := d.Report, d.Theme, d.geo
	p := Page{Number: 1}
	band := g.band(d.Theme.Cover.Band)
	// the band runs into the bleed on three sides
	fill := th.Of(th.Cover.Fill)
	p.Blocks = append(p.Blocks, Placed{Block: Rule{Color: fill, Thickness: band + g.Bleed}, X: -g.Bleed, Y: -g.Bleed, W: g.W + 2*g.Bleed, H: band + g.Bleed})
	marginX, contentW := g.MarginX, g.contentW()
	end, last := 0.0, 0.0 // the foot of what the band says, of its last line of type
	for _, size := range d.titleSizes() {
		blocks := d.bandBlocks(size)
		y := math.Round(th.Cover.TitleTop * g.H / pageH)
		var placed []Placed
		for _, b := range blocks {
			h := b.Measure(contentW)
			placed = append(placed, Placed{Block: b, X: marginX, Y: y, W: contentW, H: h})
			y += h
			if _, ok := b.(*Paragraph); ok {
				last = y
			}
		}
		p.Blocks = append(p.Blocks[:1], placed...)
		end = y
		if y <= band-12 {
			break // the largest title size that leaves the band whole
		}
	}
	// what the band says still overruns it with the title at its smallest
	// size (a long title and a subtitle on A5): the band deepens to hold
	// it, up to half the page, the panel's figures taking what is left; a
	// title is refused only when even that does not hold it (checkFit)
	if end > band-12 {
		band = min(math.Ceil(end+12), math.Round(g.H/2))
	}
	// a band deeper than what it says needs gives the difference to the
	// panel (see fitBand)
	// (to the panel's first line of type, which stands half its leading
	// over its size under the panel's top: the summary's, set loose, or
	// the key figures' heading's)
	first := 0.15 * th.Cover.Heading
	if r.Summary != "" {
		size := g.display(th.Cover.Summary)
		first = (math.Round(size*1.6) - size) / 2
	}
	band, gap := fitBand(band, g.display(th.Cover.PanelTop), end, last, p.Blocks[1].Y, coverGap*g.frame().H-first)
	p.Blocks[0].Block = Rule{Color: fill, Thickness: band + g.Bleed}
	p.Blocks[0].H = band + g.Bleed
	top, bottom := band+gap, g.H-g.MarginBottom
	var parts []Block // the panel below the band, top to bottom
	summary := func(size float64) *Paragraph {
		return &Paragraph{Spans: []Span{th.span(r.Summary, th.Regular, size, th.Ink)}, Setting: Setting{Align: Left}, Leading: math.Round(size * 1.6), After: g.display(20)}
	}
	if r.Summary != "" {
		parts = append(parts, summary(g.display(th.Cover.Summary)))
	}
	var cells []Block
	for _, s := range r.Sections {
		if len(s.Stats) > 0 && len(cells) < 16 {
			c := d.card(s.Stats[0])
			c.note = s.Title
			cells = append(cells, c)
		}
	}
	key, contents := th.Locale.Labels.KeyFigures, th.Locale.Labels.InThisReport
	height := func(bs []Block) float64 {
		h := 0.0
		for _, b := range bs {
			h += b.Measure(contentW)
		}
		return h
	}
	var grid []Block
	var chosen coverGrid
	if len(cells) > 0 {
		parts = append(parts,
			&Paragraph{Spans: []Span{th.span(key, th.Black, th.Cover.Heading, th.Primary)}, Setting: Setting{Align: Left}, After: 6},
			Rule{Color: th.Primary, Thickness: th.Cover.HeadingRule, After: 16})
		head := height(parts)
		// when no grid holds them all, the cards give up their second line
		// (the section each comes from, which the contents list says too),
		// and then, on a crowded cover (sixteen on A5), are set tight: half
		// their padding and the gap between their rows, the labels at the
		// scale's smallest size; so that the cover shows every figure
		// rather than the rows that fit; and when even tight they do not
		// fit under the summary (fourteen with three lines of summary on
		// an A5 poster), the summary is set as the body is, in its size
		// and on its grid, and it and the heading's rule keep half their
		// space below, so that the figures take the room
	grids:
		for _, mode := range []struct{ notes, tight, small bool }{{true, false, false}, {false, false, false}, {false, true, false}, {false, true, true}} {
			if mode.small {
				if r.Summary == "" || th.Scale.Body >= g.display(th.Cover.Summary) {
					break
				}
				sum := summary(th.Scale.Body)
				sum.Leading, sum.After = th.Scale.Lead, math.Round(sum.After/2)
				rule := parts[len(parts)-1].(Rule)
				rule.After = math.Round(rule.After / 2)
				parts[0], parts[len(parts)-1] = sum, rule
				head = height(parts)
			}
			gap := th.Grid.CardGap
			if mode.tight {
				gap = math.Round(gap / 2)
			}
			for _, cell := range cells {
				c := cell.(*statCard)
				if !mode.notes {
					c.note, c.label = "", nil
				}
				c.tight = mode.tight
			}
			lay := func(c coverGrid) []Block {
				for _, cell := range cells {
					cell.(*statCard).resize(c.big * th.Cover.Figures)
				}
				var rows []Block
				for i := 0; i < len(cells); i += c.cols {
					row := cells[i:min(i+c.cols, len(cells))]
					alignIcons(row) // a row's figures on one line, its cards of one height; a row without icons keeps no room for one
					rows = append(rows, &Row{Cells: row, Columns: c.cols, Gutter: g.Gutter, After: gap})
				}
				return rows
			}
			cs := evenGrids(len(cells), coverGrids(len(cells), g))
			for i, c := range cs {
				chosen, grid = c, lay(c)
				if head+height(grid) > bottom-top {
					continue
				}
				// the largest grid that fits, unless on narrow paper (A5)
				// its cards are too narrow for their figures: a later grid
				// of fewer columns that fits and sets every figure a fifth
				// larger than the smallest here is taken (see largerGrid).
				// On A4 a figure a little too wide for three or four
				// across is set smaller in its card, the grid kept
				// balanced (evenGrids)
				if g.contentW() < 400 {
					chosen = cs[i+largerGrid(cs[i:], cells, contentW, g.Gutter, th.Cover.Figures, func(c coverGrid) bool {
						return head+height(lay(c)) <= bottom-top
					})]
				}
				grid = lay(chosen)
				break grids
			}
		}
		parts = append(parts, grid...)
	}
	for height(parts) > bottom-top && len(parts) > 0 {
		parts = parts[:len(parts)-1] // the key figures that fit
	}
	// a body of text alone that fits below the band is set there, in
	// place of the list of its titles: on a page of its own it would leave
	// most of the page empty
	room := bottom - top - height(parts)
	listAt := 0      // where the list of the sections' titles begins in parts
	qr := d.qrRoom() // the report's QR code, at the foot of a report that ends here
	if body := d.textBody(); len(cells) == 0 && body != nil && height(body)+24 <= room-qr {
		parts = append(parts, Space(0))
		parts = append(parts, body...)
		d.bodyOnCover = true
		bottom -= qr
	} else if room > 0.2*(bottom-top) || len(cells) == 0 {
		// the sections' titles, when the figures leave a fifth of the
		// panel and all of them fit (in two columns when more than four)
		if !d.titlesOnly() {
			qr = 0
		}
		list := d.coverContents(contents)
		// a list a little too long takes the room from the band's empty
		// foot, which keeps as deep a margin under its text as over it
		if short := height(list) - (room - 24 - qr); short > 0 && end+short+math.Round(th.Cover.TitleTop*g.H/pageH) <= band {
			band -= short
			top -= short
			room += short
			p.Blocks[0].Block = Rule{Color: fill, Thickness: band + g.Bleed}
			p.Blocks[0].H = band + g.Bleed
		}
		// and a list still too long is set tighter, as the contents are
		for _, sp := range tocSpacings[1:] {
			if height(list) <= room-24-qr {
				break
			}
			spaced(list, sp)
		}
		if height(list) <= room-24-qr {
			parts = append(parts, Space(0))
			listAt = len(parts)
			parts = append(parts, list...)
			d.listed = true
			bottom -= qr
		}
	}
	// a panel that leaves more than a fifth of the page empty (limit) is
	// filled before the band's foot is lowered (below): first with the
	// report's photos in a row under the band (see hero), then with the
	// contents set large, each section's headline under its title (see
	// designedContents), keeping keep of the page to spread
	limit, keep := 0.2*g.H, 0.1*g.H
	if d.bodyOnCover {
		limit, keep = 0.1*g.H, 0.06*g.H
	}
	sparse := bottom-top-height(parts) > limit
	if sparse && !d.bodyOnCover {
		if hero := d.hero(contentW, bottom-top-height(parts)-keep-g.display(heroGap)); hero != nil {
			parts = append([]Block{hero}, parts...)
			if listAt > 0 {
				listAt++
			}
		}
		if left := bottom - top - height(parts); listAt > 0 && left > keep {
			// under the key figures, the heading stands as far from
			// their last row as theirs from the summary (out of the
			// room kept to spread)
			var sep []Block
			if row, ok := parts[max(listAt-2, 0)].(*Row); ok && listAt > 1 {
				sep = []Block{Space(max(0, g.display(20)-row.After))}
			}
			if big := d.designedContents(contents, contentW, height(parts[listAt:])+left-keep); big != nil {
				// the space the panel leaves goes between its lines,
				// not above its heading
				parts = append(append(parts[:listAt-1], sep...), big...)
			}
		}
	}
	// and the summary is set larger, up to half as large again, in
	// tenths
	if at := slices.IndexFunc(parts, func(b Block) bool {
		p, ok := b.(*Paragraph)
		return ok && r.Summary != "" && spansText(p.Spans) == r.Summary
	}); sparse && at >= 0 {
		size := g.display(th.Cover.Summary)
		for k := 11; k <= 15; k++ {
			was := parts[at]
			parts[at] = summary(math.Round(size*float64(k)/10*2) / 2)
			if bottom-top-height(parts) < keep {
				parts[at] = was
				break
			}
		}
	}
	// the key figures grow into the room the panel leaves, up to half as
	// large again, keeping a twelfth of it to spread, and only while none
	// must be set smaller than the others to fit its card: on a cover the
	// big numbers carry the page, not the space between their rows
	before := bottom - top - height(parts) // what the panel leaves at the grid's size
	if len(grid) > 0 {
		cw := (contentW - g.Gutter*float64(chosen.cols-1)) / float64(chosen.cols)
		base := chosen.big * th.Cover.Figures
		var whole []*statCard // the figures that fit their card at the grid's size
		for _, cell := range cells {
			c := cell.(*statCard)
			if _, b := c.setFigure(cw); b >= c.big-0.01 {
				whole = append(whole, c)
			}
		}
		fits := func(big float64) bool {
			for _, cell := range cells {
				cell.(*statCard).resize(big)
			}
			for _, c := range whole {
				if _, b := c.setFigure(cw); b < big-0.01 {
					return false
				}
			}
			return bottom-top-height(parts) >= (bottom-top)/12
		}
		big := base
		for big+2 <= base*1.5 && fits(big+2) {
			big += 2
		}
		fits(big)
	}
	// a panel that still leaves more than a fifth of the page empty
	// lowers the band's foot (up to two thirds of the page), so the cover
	// stays one designed page whatever it holds
	// (a report all on its cover keeps less: its text ends the page).
	// What the band says goes down with it (and is centred in it below)
	// (judged by what the panel left before its figures grew: a cover
	// whose figures could grow but little, hemmed in by their cards'
	// width, still lowers its band by what they left)
	if left := bottom - top - height(parts); before > limit {
		grow := min(left-keep, 0.66*g.H-band)
		if grow > 0 {
			band += grow
			top += grow
			p.Blocks[0].Block = Rule{Color: fill, Thickness: band + g.Bleed}
			p.Blocks[0].H = band + g.Bleed
			for i := 1; i < len(p.Blocks); i++ {
				p.Blocks[i].Y += grow
			}
		}
	}
	// What the band says stands in the middle of the colour it has, from
	// the page's top to the panel: a field of empty colour over the title,
	// or under it and on into the panel's head, read as a cover left
	// unfinished (never higher than the look sets it)
	if n := len(p.Blocks); n > 1 {
		above := p.Blocks[1].Y
		below := top - (p.Blocks[n-1].Y + p.Blocks[n-1].H)
		if s := (below - above) / 2; s > 0 {
			for i := 1; i < n; i++ {
				p.Blocks[i].Y += s
			}
		}
	}
	// spread what is left down to the foot: the space goes between the
	// rows of figures and before the titles (between the lines of the
	// designed contents), at most 60 pt a joint
	var joints []int
	for i, b := range parts {
		_, row := b.(*Row)
		_, space := b.(Space)
		_, line := b.(*coverEntry)
		if row && i > 0 || space || line {
			joints = append(joints, i)
		}
	}
	extra := 0.0
	if len(joints) > 0 {
		extra = min(max(0, bottom-top-height(parts))/float64(len(joints)+1), 60) // and as much left at the foot
	}
	y := top
	for i, b := range parts {
		if slices.Contains(joints, i) {
			y += extra
		}
		h := b.Measure(contentW)
		p.Blocks = append(p.Blocks, Placed{Block: b, X: marginX, Y: y, W: contentW, H: h})
		y += h
	}
	d.tagCover(p)
	return p
}

// coverGap is the most colour, a share of the type area, between the
// cover's band's last line of type and the panel's first line: the
// band's empty foot and the white under it read as one field, and deeper
// than this the cover reads as two halves with a blank between them.
const coverGap = 0.14

// fitBand is the band's depth and the gap under it to the panel (the
// look's, band and gap) such that, with what the band says centred in its
// colour as the cover sets it (its top at above, the foot of its last
// block at end, of its last line of type at last), the colour from its
// last line of type to the panel is at most most: the band's foot rises
// first (keeping at least half the gap of colour under what it says), and
// when that is not enough (what the band says fills it) the gap is
// halved. The room
// goes to the panel: its figures grow, its lines spread. (A sparse cover's
// band grows again below, to take what its panel cannot fill.)
func fitBand(band, gap, end, last, above, most float64) (float64, float64) {
	under := func(b, g float64) float64 {
		return b + g - last - max(0, (b+g-end-above)/2)
	}
	low := gap / 2
	for band-1 >= end+low && under(band, gap) > most {
		band--
	}
	if under(band, gap) > most {
		gap = low
	}
	return band, gap
}

// textBody is the body's blocks when the report has text and nothing but
// text (no stat, chart or photo), else nil.
func (d *Document) textBody() []Block {
	if d.titlesOnly() {
		return nil
	}
	for _, s := range d.Report.Sections {
		if len(s.Stats) > 0 || len(s.Charts) > 0 || d.photos(s) > 0 || len(s.Tables) > 0 || len(s.Timeline) > 0 {
			return nil
		}
	}
	return d.body()
}

// coverContents is the list of the sections' titles under a heading: one
// column for up to four, two side by side for more.
func (d *Document) coverContents(heading string) []Block {
	th, g := d.Theme, d.geo
	list := []Block{
		&Paragraph{Spans: []Span{th.span(heading, th.Black, th.Cover.Heading, th.Primary)}, Setting: Setting{Align: Left}, After: 6},
		Rule{Color: th.Primary, Thickness: th.Cover.HeadingRule, After: 12},
	}
	n := len(d.Report.Sections)
	if n <= 4 || g.contentW() < 400 {
		for i, s := range d.Report.Sections {
			list = append(list, &tocEntry{n: i, title: s.Title, theme: th})
		}
		return list
	}
	half := (n + 1) / 2
	for i := 0; i < half; i++ {
		row := &Row{Columns: 2, Gutter: g.Gutter}
		for _, k := range []int{i, i + half} {
			if k < n {
				row.Cells = append(row.Cells, &tocEntry{n: k, title: d.Report.Sections[k].Title, theme: th})
			}
		}
		list = append(list, row)
	}
	return list
}

// titleSizes are the sizes the cover's title may take, largest first: a
// title too long for the band at one steps down to the next. A size at
// which the title breaks inside a phrase (a title with no space or mark
// where a line could end: 清江流域河湖 | 长制工作年报) is left out when a
// smaller one sets it whole; no library here knows Chinese words, so a
// title's words are kept whole by not breaking it.
func (d *Document) titleSizes() []float64 {
	var sizes []float64
	w := d.geo.contentW()
	for _, s := range d.Theme.Cover.TitleSizes {
		sizes = append(sizes, d.geo.display(s))
	}
	for i, s := range sizes {
		if !midPhrase(d.Report.Title, d.coverTitle(s, "").Lines(w)) {
			return sizes[i:]
		}
	}
	return sizes
}

// coverTitle is the cover's title at size.
func (d *Document) coverTitle(size float64, ink string) *Paragraph {
	return &Paragraph{Spans: []Span{d.Theme.span(d.Report.Title, d.Theme.Black, size, ink)}, Setting: Setting{Align: Left, PhraseBreaks: true, Title: true}, After: d.geo.display(10)}
}

// bandBlocks are what the band holds: organization, title (at size),
// subtitle, date.
func (d *Document) bandBlocks(size float64) []Block {
	r, th, g := d.Report, d.Theme, d.geo
	var bs []Block
	ink := th.Of(th.Cover.Text)
	var org *Paragraph
	if r.Organization != "" {
		org = &Paragraph{Spans: []Span{th.span(r.Organization, th.Bold, th.Cover.Organization, ink)}, Setting: Setting{Align: Left}, After: g.display(18)}
	}
	if b := d.withLogo(org); b != nil {
		bs = append(bs, b)
	}
	bs = append(bs, d.coverTitle(size, ink))
	if r.Subtitle != "" {
		bs = append(bs, &Paragraph{Spans: []Span{th.span(r.Subtitle, th.Bold, g.display(th.Cover.Subtitle), ink)}, Setting: Setting{Align: Left}, After: 8})
	}
	if t, err := time.Parse("2006-01-02", r.Date); err == nil {
		bs = append(bs, &Paragraph{Spans: []Span{th.span(th.Locale.Date(t), th.Regular, th.Cover.Date, ink)}, Setting: Setting{Align: Left}})
	}
	if th.Cover.Rule != "" {
		// the report look's one red rule, under what the band says
		bs = append(bs, Space(g.display(14)), Rule{Color: th.Cover.Rule, Thickness: 2})
	}
	return bs
}

// coverGrids are the grids the key figures may take, by their count,
// largest first: one or two set large, three to a row, then two columns
// (as a newspaper's 数说 panel) down to four of smaller figures; fewer
// columns on narrow paper. The cover takes the first that fits (but see
// largerGrid).
func coverGrids(n int, g geometry) []coverGrid {
	var cs []coverGrid
	switch {
	case n == 1:
		cs = []coverGrid{{1, 60}, {1, 44}}
	case n == 2:
		cs = []coverGrid{{2, 48}, {2, 36}}
	case n == 3:
		cs = []coverGrid{{3, 36}, {3, 28}}
	case n == 4:
		cs = []coverGrid{{2, 40}, {2, 32}, {4, 28}}
	default:
		cs = []coverGrid{{2, 30}, {2, 28}, {3, 28}, {3, 24}, {4, 24}, {4, 20}, {4, 16}}
	}
	if n == 3 && g.contentW() < 400 {
		// A5: two and one, taken only when three across would shrink
		// the figures to fit their cards (see largerGrid)
		cs = append(cs, coverGrid{2, 40})
	}
	out := cs[:0]
	for i, c := range cs {
		if g.contentW() < 400 && c.cols > 3 && i < len(cs)-1 {
			c.cols = 3 // A5: a figure needs its width, unless there are too many
		}
		c.big = g.display(c.big)
		out = append(out, c)
	}
	return out
}

// evenGrids are the grids with those whose last row would hold one
// figure alone put last: five figures are set three and two rather than
// two, two and one, seven four and three; a lone last figure only when
// every grid leaves one (thirteen).
func evenGrids(n int, cs []coverGrid) []coverGrid {
	lone := func(c coverGrid) bool { return n > c.cols && n%c.cols == 1 }
	out := slices.Clone(cs)
	slices.SortStableFunc(out, func(a, b coverGrid) int {
		switch {
		case lone(a) == lone(b):
			return 0
		case lone(a):
			return 1
		}
		return -1
	})
	return out
}

// coverFigure is the size the smallest of the cards' figures is set at in
// grid c, the page's type area w wide: the grid's size, or less when a
// figure is too wide for its card at it. It leaves the cards resized to
// c: the cover lays them out again in the grid it takes.
func coverFigure(c coverGrid, cells []Block, w, gutter, share float64) float64 {
	cw := (w - gutter*float64(c.cols-1)) / float64(c.cols)
	least := c.big * share
	for _, cell := range cells {
		sc := cell.(*statCard)
		sc.resize(c.big * share)
		_, b := sc.setFigure(cw)
		least = min(least, b)
	}
	return least
}

// largerGrid is the index in cs of the grid the key figures take in
// place of cs[0], the largest grid that fits the page, or 0 to keep it:
// when cs[0]'s cards are too narrow for their figures (three on A5 were
// shrunk to half the cover's size to stand side by side), a designer
// sets them in fewer columns at a size they fit. The first later grid of
// fewer columns that fits (fits) and sets every figure whole at its size,
// at least a fifth larger than cs[0] sets its smallest, is taken; a
// figure less than a tenth too wide keeps its grid, and so do figures
// too wide for the fewer columns too (they would stand at two sizes). The grid taken may leave a figure alone
// on its last row (three on A5 stand two and one), which evenGrids
// otherwise avoids: on narrow paper, where the cover calls it, legible
// figures come before a balanced grid.
func largerGrid(cs []coverGrid, cells []Block, w, gutter, share float64, fits func(coverGrid) bool) int {
	if len(cs) < 2 {
		return 0
	}
	least := coverFigure(cs[0], cells, w, gutter, share)
	if least >= 0.9*cs[0].big*share {
		return 0 // every figure whole in its card, or nearly
	}
	for k, c := range cs[1:] {
		if c.cols < cs[0].cols && coverFigure(c, cells, w, gutter, share) >= max(1.2*least, c.big*share-0.01) && fits(c) {
			return k + 1
		}
	}
	return 0
}

// resize sets the card's figure size (and forgets the figure set at the
// size before).
func (c *statCard) resize(big float64) { c.big, c.setBig = big, 0 }

// coverGrid is a grid of key figures: columns and figure size, pt.
type coverGrid struct {
	cols int
	big  float64
}

// folio is the running head and the footer of a body page.
func (d *Document) folio(n, total int) []Placed {
	r, th, g := d.Report, d.Theme, d.geo
	marginX, contentW := g.MarginX, g.contentW()
	head := d.runningHead()
	small := func(s string, face *fonts.Face, a Align) *Paragraph {
		return &Paragraph{Spans: []Span{th.span(s, face, th.Scale.Folio, th.Muted)}, Setting: Setting{Align: a}}
	}
	k := g.folioScale()
	top := g.MarginTop - 28*k
	bottom := g.H - g.MarginBottom + folioDrop*k
	mark, shift := d.headLogo(marginX, top-3)
	folio := []Placed{
		{Block: small(head, th.Bold, Left), X: marginX + shift, Y: top, W: contentW - shift},
		{Block: small(r.Organization, th.Regular, Right), X: marginX, Y: top, W: contentW},
		{Block: Rule{Color: th.Rule, Thickness: 0.5}, X: marginX, Y: top + 13, W: contentW},
		{Block: Rule{Color: th.Rule, Thickness: 0.5}, X: marginX, Y: bottom - footRuleOver, W: contentW},
		{Block: small(strconv.Itoa(n)+" / "+strconv.Itoa(total), th.Bold, Right), X: marginX, Y: bottom, W: contentW},
	}
	if mark != nil {
		folio = append(folio, *mark)
	}
	return folio
}
