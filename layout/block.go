package layout

import (
	"math"

	"github.com/brochure-dev/brochure/internal/structure"
)

// Block is anything that goes on a page: ReportLab's flowable. Pagination
// only ever asks these three questions, so it is one small loop with no
// special cases.
type Block interface {
	// Measure returns the height the block takes at width w, including
	// the space it wants below it.
	Measure(w float64) float64
	// Split divides the block so that head fits in height h at width w.
	// head is nil when no useful part fits (the block moves to the next
	// page); a block that cannot split returns nil, b.
	Split(w, h float64) (head, tail Block)
	// Draw draws the block with its top-left corner at (x, y).
	Draw(c *Canvas, x, y, w float64) error
}

// keeper is a Block that must not end a page: a title stays with what
// follows it.
type keeper interface{ KeepWithNext() bool }

// kickered is a Block that, when it opens a page, wants a reminder of
// where it belongs set above it (figures carried away from their section).
type kickered interface{ kicker() Block }

// unkeeper is a Block that refuses to split where it could, to be kept
// whole (a short table), and splits when it opens a page it does not fit.
type unkeeper interface {
	unkept(w, h float64) (head, tail Block)
	whole() bool // it is kept whole
}

func keepsWithNext(b Block) bool {
	k, ok := b.(keeper)
	return ok && k.KeepWithNext()
}

// Paragraph is text set in one column: a title, a label, a caption (a
// section's body is a Flow). It splits between lines, never leaving a
// single line at the foot or head of a page (widows and orphans).
type Paragraph struct {
	Spans   []Span
	Setting Setting
	Leading float64         // baseline to baseline, pt; 0 means 1.3 × the largest size
	After   float64         // space below, pt
	Keep    bool            // keep with the next block
	Tag     *structure.Elem // what it is in the structure tree (nil: what the block it is in is)
	// Balance sets the lines of a short text of more than one line (a
	// card's label) of near-equal length (Balanced), as a designer sets
	// display type: never "…電梯設 / 置率".
	Balance bool

	lines  []Line // set lines, once broken
	width  float64
	frozen bool               // a part of a split paragraph: its lines are final
	set    map[float64][]Line // lines by width, shared with copies: pagination tries a caption at a few widths, in turn
}

// KeepWithNext reports whether the paragraph must stay with what follows.
func (p *Paragraph) KeepWithNext() bool { return p.Keep }

// Lines sets the paragraph at width w (cached per width) and returns its
// lines.
func (p *Paragraph) Lines(w float64) []Line {
	if !p.frozen && (p.lines == nil || p.width != w) {
		lines, ok := p.set[w]
		if !ok {
			if p.Balance {
				lines = Balanced(p.Spans, w, p.Setting)
			} else {
				lines = Break(p.Spans, w, p.Setting)
			}
			if p.set == nil {
				p.set = map[float64][]Line{}
			}
			p.set[w] = lines
		}
		p.lines, p.width = lines, w
	}
	return p.lines
}

func (p *Paragraph) lead(lines []Line) float64 {
	if p.Leading > 0 {
		return p.Leading
	}
	s := 0.0
	for _, l := range lines {
		s = max(s, l.Size)
	}
	return s * 1.3
}

// Measure implements Block.
func (p *Paragraph) Measure(w float64) float64 {
	return p.linesHeight(w) + p.After
}

// linesHeight is the height of the set lines alone.
func (p *Paragraph) linesHeight(w float64) float64 {
	lines := p.Lines(w)
	if p.Leading > 0 {
		return float64(len(lines)) * p.Leading
	}
	h := 0.0
	for _, l := range lines {
		h += l.Size * 1.3
	}
	return h
}

// Split implements Block: it keeps at least two lines on each side.
func (p *Paragraph) Split(w, h float64) (Block, Block) {
	if p.Measure(w) <= h+1e-6 {
		return p, nil
	}
	lines := p.Lines(w)
	n := len(lines)
	head := min(int(math.Floor((h+1e-6)/p.lead(lines))), n-2) // lines that fit, two left over
	if head < 2 {
		return nil, p
	}
	a, b := *p, *p
	a.lines, a.After, a.Keep, a.frozen = lines[:head:head], 0, false, true
	b.lines, b.frozen = lines[head:], true
	return &a, &b
}

// Draw implements Block.
func (p *Paragraph) Draw(c *Canvas, x, y, w float64) error {
	if p.Tag == nil {
		p.each(x, y, w, c.TextLine)
		return nil
	}
	c.Begin(p.Tag)
	defer c.End()
	var links [][]inline
	if !p.frozen {
		links = findInlines(spansText(p.Spans), docLang(p.Tag), p.Lines(w))
	}
	elems := map[int]*structure.Elem{}
	i := 0
	p.each(x, y, w, func(l Line, x, base float64) {
		var ls []inline
		if i < len(links) {
			ls = links[i]
		}
		drawInline(c, l, x, base, ls, p.Tag, elems)
		i++
	})
	return nil
}

// each calls fn with every line of the paragraph and where its left edge
// and baseline go when the paragraph's top-left corner is at (x, y).
func (p *Paragraph) each(x, y, w float64, fn func(l Line, x, baseline float64)) {
	for _, l := range p.Lines(w) {
		lh := p.Leading
		if lh <= 0 {
			lh = l.Size * 1.3
		}
		fn(l, x, y+baseline(l.Size, lh))
		y += lh
	}
}

// baseline returns where the baseline of text of the given size sits in a
// line box of height lh: the ideographic em box (0.88 above, 0.12 below the
// baseline) is centred in the box.
func baseline(size, lh float64) float64 { return (lh-size)/2 + size*0.88 }

// Stack is blocks drawn one below the other as one unit that does not split
// (a section head: number, headline, title).
type Stack struct {
	Blocks []Block
	Keep   bool
}

// KeepWithNext implements keeper.
func (s *Stack) KeepWithNext() bool { return s.Keep }

// Measure implements Block.
func (s *Stack) Measure(w float64) float64 {
	h := 0.0
	for _, b := range s.Blocks {
		h += b.Measure(w)
	}
	return h
}

// Split implements Block: a stack moves whole.
// unparted is the Split of a block that does not part: all of b where it
// fits in h, else nothing of it here and all of it on the next page.
func unparted(b Block, w, h float64) (Block, Block) {
	if b.Measure(w) <= h {
		return b, nil
	}
	return nil, b
}

func (s *Stack) Split(w, h float64) (Block, Block) { return unparted(s, w, h) }

// Draw implements Block.
func (s *Stack) Draw(c *Canvas, x, y, w float64) error {
	for _, b := range s.Blocks {
		if err := b.Draw(c, x, y, w); err != nil {
			return err
		}
		y += b.Measure(w)
	}
	return nil
}

// Row sets blocks side by side in equal columns; it does not split.
type Row struct {
	Cells   []Block
	Columns int // cells per row width (a lone chart takes half the width when 2)
	// Spans are the columns of Columns each cell takes, on a page's grid
	// of text columns (see gridRows); nil: one each.
	Spans  []int
	Gutter float64
	After  float64
	Kicker Block // set above the row when a page break separates it from its section
	over   bool  // set above its section's text by overText
	Keep   bool  // keep with the next block: a row of stat cards with the next row of its section's cards
}

// kicker implements kickered.
func (r *Row) kicker() Block { return r.Kicker }

// KeepWithNext implements keeper.
func (r *Row) KeepWithNext() bool { return r.Keep }

func (r *Row) cellWidth(w float64) float64 {
	n := float64(max(r.Columns, len(r.Cells), 1))
	return (w - r.Gutter*(n-1)) / n
}

// cell returns where cell i starts and how wide it is. Cells share the
// width equally, except that a full row of photos is shared in proportion
// to their shapes, so that their frames are of one height: a portrait
// photo beside a landscape one gets the narrower cell.
func (r *Row) cell(w float64, i int) (x, cw float64) {
	if r.Spans != nil {
		for _, s := range r.Spans[:i] {
			x += spanWidth(s, r.Columns, w, r.Gutter) + r.Gutter
		}
		return x, spanWidth(r.Spans[i], r.Columns, w, r.Gutter)
	}
	n := max(r.Columns, len(r.Cells), 1)
	if len(r.Cells) == n && n > 1 {
		var inv []float64
		sum := 0.0
		for _, c := range r.Cells {
			p, ok := c.(*photoBlock)
			if !ok || p.natural <= 0 {
				inv = nil
				break
			}
			inv = append(inv, 1/p.natural)
			sum += 1 / p.natural
		}
		if inv != nil {
			room := w - r.Gutter*float64(n-1)
			for k := range i {
				x += room*inv[k]/sum + r.Gutter
			}
			return x, room * inv[i] / sum
		}
	}
	cw = r.cellWidth(w)
	return float64(i) * (cw + r.Gutter), cw
}

// captionBeside is the row's photo with its caption set beside it, when
// the row is of one photo in half the width (left without a partner:
// see alone, part): the caption stands at the frame's foot in the half
// beside it, on the grid, as a designer sets a photo alone, rather than
// under the frame with that half left empty. The row keeps its height
// (the room under the frame is its space below), so that no page breaks
// elsewhere for it. nil for any other row.
func (r *Row) captionBeside() *photoBlock {
	if len(r.Cells) != 1 || r.Columns != 2 || r.Spans != nil {
		return nil
	}
	p, ok := r.Cells[0].(*photoBlock)
	if !ok || p.bare {
		return nil
	}
	q := *p
	q.beside = r.Gutter
	return &q
}

// Measure implements Block.
func (r *Row) Measure(w float64) float64 {
	h := 0.0
	for i, b := range r.Cells {
		_, cw := r.cell(w, i)
		h = max(h, b.Measure(cw))
	}
	return h + r.After
}

// taller implements grower: each cell that may grow is set taller, to
// the height h leaves it (its frames of one height, as in cell).
func (r *Row) taller(w, h float64) Block {
	t := *r
	t.Cells = make([]Block, len(r.Cells))
	for i, c := range r.Cells {
		t.Cells[i] = c
		if g, ok := c.(grower); ok {
			_, cw := r.cell(w, i)
			t.Cells[i] = g.taller(cw, h-r.After)
		}
	}
	return &t
}

// Split implements Block: a row does not break, but cells that can be
// set shorter (figures) may be, so that the whole row fits.
func (r *Row) Split(w, h float64) (Block, Block) {
	if r.Measure(w) <= h {
		return r, nil
	}
	short := *r
	short.Cells = make([]Block, len(r.Cells))
	for i, c := range r.Cells {
		_, cw := r.cell(w, i)
		short.Cells[i] = c
		if c.Measure(cw) <= h-r.After {
			continue
		}
		head, tail := c.Split(cw, h-r.After)
		if head == nil || tail != nil {
			return r.splitCells(w, h)
		}
		short.Cells[i] = head
	}
	return &short, nil
}

// splitCells parts a row of figures whose cells do not all fit: the
// cells that fit (set shorter if they can be) up to the first that does
// not stay, in their places, and the rest go on in a row of their own —
// in the report's order: a cell that fits after one that does not goes
// on too, rather than be read before it. A row that is not of figures,
// or whose first cell does not fit, does not split.
func (r *Row) splitCells(w, h float64) (Block, Block) {
	if r.Kicker == nil || len(r.Cells) < 2 {
		return nil, r
	}
	head, tail := *r, *r
	head.Cells, tail.Cells, head.Spans, tail.Spans = nil, nil, nil, nil
	head.After = 0       // the head ends the page
	cw := r.cellWidth(w) // a row short of cells shares the width equally
	for i, c := range r.Cells {
		if r.Spans != nil {
			_, cw = r.cell(w, i) // on the grid, each keeps its columns
		}
		part := &tail
		if hd, tl := c.Split(cw, h); hd != nil && tl == nil && len(tail.Cells) == 0 {
			part, c = &head, hd
		}
		part.Cells = append(part.Cells, c)
		if r.Spans != nil {
			part.Spans = append(part.Spans, r.Spans[i])
		}
	}
	if len(head.Cells) == 0 || head.Measure(w) > h+1e-6 {
		return nil, r
	}
	if len(tail.Cells) == 0 {
		return &head, nil // every cell fits, at half the width
	}
	return &head, &tail
}

// Draw implements Block.
func (r *Row) Draw(c *Canvas, x, y, w float64) error {
	for i, b := range r.Cells {
		if p := r.captionBeside(); p != nil {
			b = p
		}
		cx, cw := r.cell(w, i)
		if err := b.Draw(c, x+cx, y, cw); err != nil {
			return err
		}
	}
	return nil
}

// Space is empty vertical space.
type Space float64

// Measure implements Block.
func (s Space) Measure(float64) float64 { return float64(s) }

// Split implements Block: space at the foot of a page is dropped.
func (s Space) Split(w, h float64) (Block, Block) { return s, nil }

// Draw implements Block.
func (s Space) Draw(*Canvas, float64, float64, float64) error { return nil }

// Rule is a horizontal line across the width, with space below.
type Rule struct {
	Color     string
	Thickness float64
	Width     float64 // 0: the full width
	After     float64
}

// Measure implements Block.
func (r Rule) Measure(float64) float64 { return r.Thickness + r.After }

// Split implements Block.
func (r Rule) Split(w, h float64) (Block, Block) { return unparted(r, w, h) }

// Draw implements Block.
func (r Rule) Draw(c *Canvas, x, y, w float64) error {
	if r.Width > 0 {
		w = r.Width
	}
	c.Begin(nil) // a rule is decoration
	c.FillRect(x, y, w, r.Thickness, r.Color)
	c.End()
	return nil
}
