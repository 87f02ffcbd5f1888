package layout

import (
	"fmt"
	"strconv"
	"time"

	"github.com/brochure-dev/brochure/fonts"
)

// cover lays out page 1: a band in the primary colour with the title, and
// a panel of the key figures (the first figure of each section).
func (d *Document) cover() Page {
	r, th := d.Report, d.Theme
	p := Page{Number: 1}
	band := 300.0
	p.Blocks = append(p.Blocks, Placed{Block: Rule{Color: th.Primary, Thickness: band}, X: 0, Y: 0, W: pageW, H: band})
	y := 70.0
	add := func(b Block, x, w float64) {
		h := b.Measure(w)
		p.Blocks = append(p.Blocks, Placed{Block: b, X: x, Y: y, W: w, H: h})
		y += h
	}
	if r.Organization != "" {
		add(&Paragraph{Spans: []Span{th.span(r.Organization, th.Bold, 12, "#FFFFFF")}, Setting: Setting{Align: Left}, After: 18}, marginX, contentW)
	}
	add(&Paragraph{Spans: []Span{th.span(r.Title, th.Black, sizeCover, "#FFFFFF")}, Setting: Setting{Align: Left, PhraseBreaks: true}, After: 10}, marginX, contentW)
	if r.Subtitle != "" {
		add(&Paragraph{Spans: []Span{th.span(r.Subtitle, th.Bold, 20, "#FFFFFF")}, Setting: Setting{Align: Left}, After: 8}, marginX, contentW)
	}
	if t, err := time.Parse("2006-01-02", r.Date); err == nil {
		add(&Paragraph{Spans: []Span{th.span(fmt.Sprintf("%d年%d月%d日", t.Year(), t.Month(), t.Day()), th.Regular, 10, "#FFFFFF")}, Setting: Setting{Align: Left}}, marginX, contentW)
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
	y = band + 34
	add(&Paragraph{Spans: []Span{th.span("年度关键数字", th.Black, 14, th.Primary)}, Setting: Setting{Align: Left}, After: 6}, marginX, contentW)
	add(Rule{Color: th.Primary, Thickness: 1.2, After: 16}, marginX, contentW)
	for i := 0; i < len(cells) && y < pageH-marginBottom-60; i += 2 {
		add(&Row{Cells: cells[i:min(i+2, len(cells))], Columns: 2, Gutter: gutter, After: 14}, marginX, contentW)
	}
	return p
}

// folio is the running head and the footer of a body page.
func (d *Document) folio(n, total int) []Placed {
	r, th := d.Report, d.Theme
	head := d.runningHead()
	small := func(s string, face *fonts.Face, a Align) *Paragraph {
		return &Paragraph{Spans: []Span{th.span(s, face, sizeFolio, th.Muted)}, Setting: Setting{Align: a}}
	}
	top := marginTop - 28
	bottom := pageH - marginBottom + 18
	return []Placed{
		{Block: small(head, th.Bold, Left), X: marginX, Y: top, W: contentW},
		{Block: small(r.Organization, th.Regular, Right), X: marginX, Y: top, W: contentW},
		{Block: Rule{Color: th.Rule, Thickness: 0.5}, X: marginX, Y: top + 13, W: contentW},
		{Block: Rule{Color: th.Rule, Thickness: 0.5}, X: marginX, Y: bottom - 6, W: contentW},
		{Block: small(strconv.Itoa(n)+" / "+strconv.Itoa(total), th.Bold, Right), X: marginX, Y: bottom, W: contentW},
	}
}
