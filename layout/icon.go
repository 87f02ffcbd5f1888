package layout

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/icons"
	"github.com/brochure-dev/brochure/svg"
)

// Icons are outline drawings in the colour of what they stand beside: a
// section's icon before its number, a figure's above it.
const (
	iconHead = 22.0 // a section's icon, pt
	iconGap  = 6.0  // between a section's icon and its number
)

var iconArts sync.Map // name -> *svg.Drawing

// iconArt is the bundled icon called name as a drawing, stroked (and
// filled, for its few solid parts) in the colour it is drawn in; nil for
// no icon. Names were checked by data (the field table's enum).
func iconArt(name string) *svg.Drawing {
	if a, ok := iconArts.Load(name); ok {
		return a.(*svg.Drawing)
	}
	ic, ok := icons.Get(name)
	if !ok {
		return nil
	}
	d := &svg.Drawing{W: icons.Size, H: icons.Size}
	for _, p := range ic.Paths {
		ops, err := svg.PathData(p.D)
		if err != nil {
			continue // the set is tested to parse (TestIconsDraw)
		}
		s := svg.Shape{M: [6]float64{1, 0, 0, 1, 0, 0}, Path: ops, Width: icons.Stroke, Cap: 1, Join: 1, Miter: 4}
		if p.Fill {
			s.Fill = svg.Current
		}
		if p.Stroke {
			s.Stroke = svg.Current
		}
		d.Shapes = append(d.Shapes, s)
	}
	a, _ := iconArts.LoadOrStore(name, d)
	return a.(*svg.Drawing)
}

// beside is b with the icon called name before it, in colour, or b itself
// when name is "".
func beside(name, color string, b *Paragraph) Block {
	if art := iconArt(name); art != nil {
		draw := func(c *Canvas, x, y float64) error {
			c.Drawing(art, x, y, iconHead, iconHead, color)
			return nil
		}
		return &pictured{w: iconHead, h: iconHead, draw: draw, gap: iconGap, text: b, after: b.After}
	}
	return b
}

// pictured is a picture with a paragraph beside it, centred on it: a
// section's icon before its number (beside), the cover's logo before the
// organization's name (withLogo).
type pictured struct {
	w, h  float64                             // the picture's size
	draw  func(c *Canvas, x, y float64) error // draws the picture at (x, y)
	gap   float64                             // from the picture to the text
	text  *Paragraph                          // nil: the picture alone
	after float64                             // the space below
}

// Measure implements Block.
func (b *pictured) Measure(w float64) float64 {
	h := b.h
	if b.text != nil {
		h = max(h, b.text.linesHeight(w-b.w-b.gap))
	}
	return h + b.after
}

// Split implements Block: it does not split.
func (b *pictured) Split(w, h float64) (Block, Block) { return nil, b }

// Draw implements Block.
func (b *pictured) Draw(c *Canvas, x, y, w float64) error {
	if err := b.draw(c, x, y); err != nil {
		return err
	}
	if b.text == nil {
		return nil
	}
	tw := w - b.w - b.gap
	return b.text.Draw(c, x+b.w+b.gap, y+(b.h-b.text.linesHeight(tw))/2, tw)
}

// iconH is the height a stat card's icon takes above its figure (with the
// space below it); 0 without one.
func (c *statCard) iconH() float64 {
	if c.stat.Icon == "" && !c.iconRoom {
		return 0
	}
	return min(c.big, 30) + 4
}

// alignIcons makes every card of cards keep the room of an icon when one
// of them has an icon, so that the figures of a row stand on one line,
// and makes them all as tall as the tallest (a label of two lines made
// its box or panel longer than its neighbours').
func alignIcons(cards []Block) {
	room := slices.ContainsFunc(cards, func(b Block) bool { c, ok := b.(*statCard); return ok && c.stat.Icon != "" })
	var peers []*statCard
	for _, b := range cards {
		if c, ok := b.(*statCard); ok {
			c.iconRoom = room
			peers = append(peers, c)
		}
	}
	for _, c := range peers {
		c.peers = peers
	}
}

// drawIcon draws the card's icon at (x, y) and returns where the figure
// starts.
func (c *statCard) drawIcon(cv *Canvas, x, y float64) float64 {
	h := c.iconH()
	if c.stat.Icon != "" {
		cv.Drawing(iconArt(c.stat.Icon), x, y, h-4, h-4, c.color())
	}
	return y + h
}

// IconSheet writes a PDF of every bundled icon with its name, eight to a
// row, for choosing one: what `brochure icons --sheet` prints.
func IconSheet(w io.Writer) error {
	names := icons.Names()
	r := &data.Report{Title: "brochure icons", Subtitle: fmt.Sprintf("%d 个图标 · Tabler Icons (MIT)", len(names)), Language: "zh-CN", Theme: data.Theme{Paper: "A4"}}
	th := defaultTheme()
	d := &Document{Report: r, Theme: th, geo: newGeometry(r, th.Grid)}
	intro := fmt.Sprintf("在报告中写 icon: 名称（例：icon: shield），印在章节序号旁或数字卡片上方。共 %d 个。", len(names))
	blocks := []Block{
		&Paragraph{Spans: []Span{th.span(r.Subtitle, th.Black, th.Scale.HeadPlain, th.Ink)}, Setting: Setting{Align: Left}, After: 6},
		&Paragraph{Spans: []Span{th.span(intro, th.Regular, th.Scale.Body, th.Muted)}, Setting: Setting{Align: Left}, Leading: th.Scale.Lead, After: 18},
	}
	var cells []Block
	for _, n := range names {
		cells = append(cells, &iconCell{name: n, art: iconArt(n), theme: th})
	}
	for i := 0; i < len(cells); i += 8 {
		blocks = append(blocks, &Row{Cells: cells[i:min(i+8, len(cells))], Columns: 8, Gutter: 8, After: 12})
	}
	pages, err := Paginate(blocks, d.geo.frame(), 1)
	if err != nil {
		return err
	}
	d.Pages = pages
	for i := range d.Pages {
		d.Pages[i].Blocks = append(d.Pages[i].Blocks, d.folio(d.Pages[i].Number, len(d.Pages))...)
	}
	d.alpha = alphabet([]printedText{{s: r.Title + r.Subtitle + intro + strings.Join(names, "") + "0123456789 /·"}}, th)
	return d.Write(w)
}

// iconCell is one icon of the sheet: the icon, its name under it.
type iconCell struct {
	name  string
	art   *svg.Drawing
	theme Theme
}

const sheetIcon = 24.0

// Measure implements Block.
func (c *iconCell) Measure(w float64) float64 { return sheetIcon + 6 + c.theme.Scale.Folio*1.3 }

// Split implements Block: it does not split.
func (c *iconCell) Split(w, h float64) (Block, Block) { return nil, c }

// Draw implements Block.
func (c *iconCell) Draw(cv *Canvas, x, y, w float64) error {
	cv.Drawing(c.art, x+(w-sheetIcon)/2, y, sheetIcon, sheetIcon, c.theme.Ink)
	label := &Paragraph{Spans: []Span{c.theme.span(c.name, c.theme.Regular, c.theme.Scale.Folio-1, c.theme.Muted)}, Setting: Setting{Align: Center}}
	return label.Draw(cv, x, y+sheetIcon+6, w)
}
