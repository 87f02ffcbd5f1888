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
func Paginate(blocks []Block, f Frame, first int) ([]Page, error) {
	var pages []Page
	page := Page{Number: first}
	y := 0.0
	flush := func() {
		pages = append(pages, page)
		page = Page{Number: page.Number + 1}
		y = 0
	}
	queue := append([]Block(nil), blocks...)
	for len(queue) > 0 {
		b := queue[0]
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
			if head, tail := b.Split(f.W, avail); head != nil {
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
