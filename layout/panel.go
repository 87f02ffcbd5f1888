package layout

// Panel is blocks on a filled rectangle, with padding: the poster look's
// section band and stat band. It moves whole, or splits between its
// blocks (each part keeps the fill and the padding) when it is taller
// than a page.
type Panel struct {
	Stack
	Fill       string
	PadX, PadY float64
	After      float64
}

// Measure implements Block.
func (p *Panel) Measure(w float64) float64 {
	return p.Stack.Measure(w-2*p.PadX) + 2*p.PadY + p.After
}

// KeepWithNext implements keeper.
func (p *Panel) KeepWithNext() bool { return p.Keep }

// Split implements Block: whole, or the blocks that fit and the rest.
func (p *Panel) Split(w, h float64) (Block, Block) {
	if p.Measure(w) <= h {
		return p, nil
	}
	inner, room := w-2*p.PadX, h-2*p.PadY
	used, n := 0.0, 0
	for _, b := range p.Blocks {
		bh := b.Measure(inner)
		if used+bh > room {
			break
		}
		used += bh
		n++
	}
	if n == 0 || n == len(p.Blocks) || p.Keep {
		return nil, p
	}
	first, rest := *p, *p
	first.Blocks, first.After = p.Blocks[:n], 0
	rest.Blocks = p.Blocks[n:]
	return &first, &rest
}

// Draw implements Block.
func (p *Panel) Draw(c *Canvas, x, y, w float64) error {
	c.FillRect(x, y, w, p.Measure(w)-p.After, p.Fill)
	return p.Stack.Draw(c, x+p.PadX, y+p.PadY, w-2*p.PadX)
}

// numbered sets Left in a column of width LeftW and Right in the rest, top
// aligned: the report look's large section number beside its title.
type numbered struct {
	Left, Right Block
	LeftW       float64
}

func (b *numbered) Measure(w float64) float64 {
	return max(b.Left.Measure(b.LeftW), b.Right.Measure(w-b.LeftW))
}

func (b *numbered) Split(w, h float64) (Block, Block) { return unparted(b, w, h) }

func (b *numbered) Draw(c *Canvas, x, y, w float64) error {
	if err := b.Left.Draw(c, x, y, b.LeftW); err != nil {
		return err
	}
	return b.Right.Draw(c, x+b.LeftW, y, w-b.LeftW)
}
