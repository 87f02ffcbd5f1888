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
// the rest of this one, a smaller figure too; the waiting figures keep
// their order. A page that would end
// with a hole (more than holeShare of the frame) because what comes next
// cannot start there is set again with one of its figures sent on to the
// next page, when that leaves a smaller hole; and when what comes next is
// a row of figures, with its rows of figures set shorter (to 90 or 80 %,
// photos cropped, never below their minimum), when that row then starts
// there too.
func Paginate(blocks []Block, f Frame, first int) ([]Page, error) {
	var pages []Page
	queue := append([]Block(nil), blocks...)
	var floats []Block // figures waiting for the next page
	for n := first; len(queue) > 0 || len(floats) > 0; n++ {
		p, err := fillPage(queue, floats, f, n, -1)
		if err != nil {
			return nil, err
		}
		if p.hole > holeShare*f.H && len(p.queue) > 0 {
			for k := p.figures - 1; k >= 0; k-- {
				if q, err := fillPage(queue, floats, f, n, k); err == nil && q.hole < p.hole-1 {
					p = q
					break
				}
			}
		}
		if p.hole > holeShare*f.H && len(p.queue) > 0 && isFigure(p.queue[0]) {
			// the rows of figures set shorter (their photos cropped), so
			// that the next row starts here too
			used := max(0, len(queue)-len(p.queue)) + 1
			for _, m := range []float64{0.9, 0.8} {
				q, err := fillPage(shorter(queue, used, m, f.W), shorter(floats, len(floats), m, f.W), f, n, -1)
				if err == nil && q.hole < p.hole-1 && len(q.queue)+len(q.floats) < len(p.queue)+len(p.floats) {
					p = q
					break
				}
			}
		}
		pages = append(pages, p.Page)
		queue, floats = p.queue, p.floats
	}
	return pages, nil
}

// shorter is queue with each of its first n blocks that is a row of
// figures set at share m of its height, where its figures allow it.
func shorter(queue []Block, n int, m, w float64) []Block {
	q := append([]Block(nil), queue...)
	for i := range q[:min(n, len(q))] {
		if !isFigure(q[i]) {
			continue
		}
		if head, tail := q[i].Split(w, m*q[i].Measure(w)); head != nil && tail == nil {
			q[i] = head
		}
	}
	return q
}

// holeShare is the space left at a page's foot, as a share of the frame,
// that makes Paginate try the page again with a figure sent on.
const holeShare = 0.1

// filled is a page as fillPage sets it, with what goes on.
type filled struct {
	Page
	queue, floats []Block // what is left for the next pages
	hole          float64 // the space left at the foot, pt (0 on the last page)
	figures       int     // figures placed from the queue (not waiting ones)
}

// fillPage sets one page from the figures waiting for it and the queue.
// The figure placed deferAt-th (from 0; -1 for none) is sent on to the
// next page instead.
func fillPage(queue, floats []Block, f Frame, number, deferAt int) (filled, error) {
	p := filled{Page: Page{Number: number}}
	// the waiting figures open the page, after the end of a text that
	// goes on from the page before (no figure parts a paragraph)
	var q []Block
	if len(queue) > 0 {
		if _, ok := queue[0].(*Flow); ok && len(floats) > 0 {
			q = append(q, queue[0])
			queue = queue[1:]
		}
	}
	q = append(append(q, floats...), queue...)
	waiting := map[Block]bool{}
	for _, b := range floats {
		waiting[b] = true
	}
	var fl []Block
	var kicked Block // the kicker last set
	y := 0.0
	for len(q) > 0 {
		b := q[0]
		fromQueue := !waiting[b]
		if isFigure(b) && len(fl) > 0 && fromQueue && b.Measure(f.W) > f.H-y+1e-6 {
			fl = append(fl, b) // after the figures that wait
			q = q[1:]
			continue
		}
		if _, isSpace := b.(Space); isSpace && len(p.Blocks) == 0 {
			q = q[1:] // no space at the head of a page
			continue
		}
		if fw, ok := b.(*Flow); ok && fw.Float != nil && fromQueue && len(p.Blocks) > 0 {
			if p.figures == deferAt {
				// the figure in the text is sent on, as a row of its own
				rest := *fw
				rest.Float = nil
				fl = append(fl, &Row{Cells: []Block{fw.Float}, Columns: fw.cols(), Gutter: fw.Gutter, After: fw.After, Kicker: fw.Kicker})
				b, q[0] = &rest, &rest
			}
			p.figures++
		}
		h := b.Measure(f.W)
		if k, ok := b.(kickered); ok && (len(p.Blocks) == 0 || !fromQueue) && k.kicker() != nil && k.kicker() != kicked {
			// a figure carried away from its section: a reminder of where
			// it belongs above it (once for the figures of one section)
			if kh := k.kicker().Measure(f.W); kh+h <= f.H-y {
				p.Blocks = append(p.Blocks, Placed{k.kicker(), f.X, f.Y + y, f.W, kh})
				y += kh
				kicked = k.kicker()
			}
		}
		avail := f.H - y
		fits := h <= avail+1e-6
		if fits && keepsWithNext(b) && len(q) > 1 && len(p.Blocks) > 0 {
			// the next block, or a head of it, must fit below this one
			next := q[1]
			if next.Measure(f.W) > avail-h+1e-6 {
				if head, _ := next.Split(f.W, avail-h); head == nil {
					fits = false
				}
			}
		}
		if isFigure(b) && fromQueue && len(p.Blocks) > 0 {
			if p.figures == deferAt {
				fits = false // sent on, so that what follows starts here
			}
			p.figures++
		}
		if fits {
			p.Blocks = append(p.Blocks, Placed{b, f.X, f.Y + y, f.W, h})
			y += h
			q = q[1:]
			continue
		}
		if _, isSpace := b.(Space); isSpace {
			q = q[1:] // no space at the foot or head of a page
			break
		}
		if !keepsWithNext(b) {
			head, tail := b.Split(f.W, avail)
			if isFigure(b) && (head == nil || p.figures-1 == deferAt && fromQueue) && len(p.Blocks) > 0 && len(q) > 1 {
				fl = append(fl, b) // the figure waits; the text goes on
				q = q[1:]
				continue
			}
			if head != nil {
				hh := head.Measure(f.W)
				p.Blocks = append(p.Blocks, Placed{head, f.X, f.Y + y, f.W, hh})
				y += hh
				if tail == nil {
					q = q[1:]
				} else {
					q = append([]Block{tail}, q[1:]...)
				}
				break
			}
		}
		if len(p.Blocks) == 0 {
			// Taller than an empty frame and cannot split: nothing we can
			// do would show it whole.
			return p, &tooTall{h, f.H}
		}
		break
	}
	if len(q) > 0 || len(fl) > 0 {
		p.hole = f.H - y
	}
	p.queue, p.floats = q, fl
	return p, nil
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
