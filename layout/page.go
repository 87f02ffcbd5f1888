package layout

// Placed is a block at its final position on a page.
type Placed struct {
	Block      Block
	X, Y, W, H float64
}

// Page is one laid-out page: the blocks of its frame, in reading order.
type Page struct {
	Number int // 1-based, the cover included
	Blocks []Placed
	Bare   bool // no running head and folio (the back cover)
}

// Frame is the rectangle of a page that text flows into.
type Frame struct{ X, Y, W, H float64 }

// Paginate flows blocks through frames, one frame a page, the way
// ReportLab's frames take flowables: place a block if it fits; else ask it
// to split; else start a new page. A block that must stay with its
// successor moves with it. first is the number of the first page.
//
// Figures float: a figure (a block with a kicker) that does not fit where
// it comes waits for the top of the next page, and what follows it fills
// the rest of this one; figures keep their order.
func Paginate(blocks []Block, f Frame, first int) ([]Page, error) {
	var pages []Page
	page := Page{Number: first}
	y := 0.0
	var floats []Block // figures waiting for the next page
	flush := func() {
		pages = append(pages, page)
		page = Page{Number: page.Number + 1}
		y = 0
	}
	queue := append([]Block(nil), blocks...)
	for len(queue) > 0 || len(floats) > 0 {
		if len(page.Blocks) == 0 && len(floats) > 0 {
			// the waiting figures open the page
			queue = append(floats, queue...)
			floats = nil
		} else if len(queue) == 0 {
			flush()
			continue
		}
		b := queue[0]
		if _, ok := b.(kickered); ok && len(floats) > 0 {
			floats = append(floats, b) // after the figures that wait
			queue = queue[1:]
			continue
		}
		if _, isSpace := b.(Space); isSpace && len(page.Blocks) == 0 {
			queue = queue[1:] // no space at the head of a page
			continue
		}
		h := b.Measure(f.W)
		if k, ok := b.(kickered); ok && len(page.Blocks) == 0 && k.kicker() != nil {
			if kh := k.kicker().Measure(f.W); kh+h <= f.H {
				page.Blocks = append(page.Blocks, Placed{k.kicker(), f.X, f.Y, f.W, kh})
				y += kh
			}
		}
		avail := f.H - y
		fits := h <= avail+1e-6
		if fits && keepsWithNext(b) && len(queue) > 1 && len(page.Blocks) > 0 {
			// the next block, or a head of it, must fit below this one
			next := queue[1]
			if next.Measure(f.W) > avail-h+1e-6 {
				if head, _ := next.Split(f.W, avail-h); head == nil {
					fits = false
				}
			}
		}
		if fits {
			page.Blocks = append(page.Blocks, Placed{b, f.X, f.Y + y, f.W, h})
			y += h
			queue = queue[1:]
			continue
		}
		if _, isSpace := b.(Space); isSpace {
			queue = queue[1:] // no space at the foot or head of a page
			flush()
			continue
		}
		if !keepsWithNext(b) {
			head, tail := b.Split(f.W, avail)
			if k, ok := b.(kickered); ok && head == nil && k.kicker() != nil && len(page.Blocks) > 0 && len(queue) > 1 {
				floats = append(floats, b) // the figure waits; the text goes on
				queue = queue[1:]
				continue
			}
			if head != nil {
				hh := head.Measure(f.W)
				page.Blocks = append(page.Blocks, Placed{head, f.X, f.Y + y, f.W, hh})
				if tail == nil {
					queue = queue[1:]
				} else {
					queue[0] = tail
				}
				flush()
				continue
			}
		}
		if len(page.Blocks) == 0 {
			// Taller than an empty frame and cannot split: nothing we can
			// do would show it whole.
			return nil, &tooTall{h, f.H}
		}
		flush()
	}
	if len(page.Blocks) > 0 {
		pages = append(pages, page)
	}
	return pages, nil
}

// maxJoint is the most space justify adds at one joint, as a share of the
// frame's height: more would open a hole in the page instead of at its foot.
const maxJoint = 0.05

// justify spreads the space left at the foot of each page but the last
// over the page's joints — before a section's head, around figures —
// as a newspaper page is set flush at the foot, so that a page ends where
// the next section or figure could not start without a hole at its foot.
func justify(pages []Page, f Frame) {
	for i := range pages[:max(0, len(pages)-1)] {
		bs := pages[i].Blocks
		if len(bs) == 0 {
			continue
		}
		last := bs[len(bs)-1]
		gap := f.Y + f.H - (last.Y + last.H)
		if gap < 0.02*f.H {
			continue
		}
		var joints []int
		for k := 1; k < len(bs); k++ {
			_, head := bs[k].Block.(*sectionHead)
			if head || isFigure(bs[k].Block) || isFigure(bs[k-1].Block) {
				joints = append(joints, k)
			}
		}
		if len(joints) == 0 {
			continue
		}
		extra := min(gap/float64(len(joints)), maxJoint*f.H)
		shift := 0.0
		for k := range bs {
			if len(joints) > 0 && joints[0] == k {
				shift += extra
				joints = joints[1:]
			}
			bs[k].Y += shift
		}
	}
}

// isFigure reports whether b is a row of figures (which carries a kicker).
func isFigure(b Block) bool {
	k, ok := b.(kickered)
	return ok && k.kicker() != nil
}
