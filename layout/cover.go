package layout

import (
	"math"
	"strconv"
	"time"

	"github.com/brochure-dev/brochure/fonts"
)

// cover lays out page 1: a band in the primary colour with the title, and
// a panel of the key figures (the first figure of each section).
func (d *Document) cover() Page {
	r, th, g := d.Report, d.Theme, d.geo
	p := Page{Number: 1}
	band := g.band()
	// the band runs into the bleed on three sides
	p.Blocks = append(p.Blocks, Placed{Block: Rule{Color: th.Primary, Thickness: band + g.Bleed}, X: -g.Bleed, Y: -g.Bleed, W: g.W + 2*g.Bleed, H: band + g.Bleed})
	y := math.Round(70 * g.H / pageH)
	marginX, contentW := g.MarginX, g.contentW()
	add := func(b Block, x, w float64) {
		h := b.Measure(w)
		p.Blocks = append(p.Blocks, Placed{Block: b, X: x, Y: y, W: w, H: h})
		y += h
	}
	if r.Organization != "" {
		add(&Paragraph{Spans: []Span{th.span(r.Organization, th.Bold, 12, "#FFFFFF")}, Setting: Setting{Align: Left}, After: g.display(18)}, marginX, contentW)
	}
	add(&Paragraph{Spans: []Span{th.span(r.Title, th.Black, g.display(sizeCover), "#FFFFFF")}, Setting: Setting{Align: Left, PhraseBreaks: true}, After: g.display(10)}, marginX, contentW)
	if r.Subtitle != "" {
		add(&Paragraph{Spans: []Span{th.span(r.Subtitle, th.Bold, g.display(20), "#FFFFFF")}, Setting: Setting{Align: Left}, After: 8}, marginX, contentW)
	}
	if t, err := time.Parse("2006-01-02", r.Date); err == nil {
		add(&Paragraph{Spans: []Span{th.span(th.Locale.Date(t), th.Regular, 10, "#FFFFFF")}, Setting: Setting{Align: Left}}, marginX, contentW)
	}
	var cells []Block
	for _, s := range r.Sections {
		if len(s.Stats) > 0 {
			cells = append(cells, &statCard{stat: s.Stats[0], theme: th, big: 28, note: s.Title})
		}
	}
	if len(cells) == 0 {
		return p
	}
	y = band + g.display(34)
	add(&Paragraph{Spans: []Span{th.span(th.Locale.Labels.KeyFigures, th.Black, 14, th.Primary)}, Setting: Setting{Align: Left}, After: 6}, marginX, contentW)
	add(Rule{Color: th.Primary, Thickness: 1.2, After: 16}, marginX, contentW)
	for i := 0; i < len(cells); i += 2 {
		row := &Row{Cells: cells[i:min(i+2, len(cells))], Columns: 2, Gutter: g.Gutter, After: 14}
		if y+row.Measure(contentW)-14 > g.H-g.MarginBottom {
			break // the cover shows the key figures that fit
		}
		add(row, marginX, contentW)
	}
	return p
}

// folio is the running head and the footer of a body page.
func (d *Document) folio(n, total int) []Placed {
	r, th, g := d.Report, d.Theme, d.geo
	marginX, contentW := g.MarginX, g.contentW()
	head := d.runningHead()
	small := func(s string, face *fonts.Face, a Align) *Paragraph {
		return &Paragraph{Spans: []Span{th.span(s, face, sizeFolio, th.Muted)}, Setting: Setting{Align: a}}
	}
	k := (1 + g.Scale) / 2 // the folio keeps its size; its distance to the text scales less
	top := g.MarginTop - 28*k
	bottom := g.H - g.MarginBottom + 18*k
	return []Placed{
		{Block: small(head, th.Bold, Left), X: marginX, Y: top, W: contentW},
		{Block: small(r.Organization, th.Regular, Right), X: marginX, Y: top, W: contentW},
		{Block: Rule{Color: th.Rule, Thickness: 0.5}, X: marginX, Y: top + 13, W: contentW},
		{Block: Rule{Color: th.Rule, Thickness: 0.5}, X: marginX, Y: bottom - 6, W: contentW},
		{Block: small(strconv.Itoa(n)+" / "+strconv.Itoa(total), th.Bold, Right), X: marginX, Y: bottom, W: contentW},
	}
}
