package layout

import (
	"math"
	"regexp"
	"slices"
	"strconv"
)

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
	// Padding is a booklet's page between its content and its back
	// cover, there to make its count a multiple of four
	Padding bool
}

// Frame is the rectangle of a page that text flows into.
type Frame struct {
	X, Y, W, H float64
	// Below is the blank a page's foot has besides the room its blocks
	// leave: the last block's space below (a text's, as the look sets
	// it), its last line's room under the glyphs, and the margin down
	// to the foot's rule. 0: 28 pt, the newspaper look's on A4.
	Below float64
}

// below is f.Below, or its default.
func (f Frame) below() float64 {
	if f.Below == 0 {
		return 28
	}
	return f.Below
}

// Paginate flows blocks through frames, one frame a page, the way
// ReportLab's frames take flowables: place a block if it fits; else ask it
// to split; else start a new page. A block that must stay with its
// successor moves with it. first is the number of the first page.
//
// Figures float: a figure (a block with a kicker) that does not fit where
// it comes waits for the top of the next page, and what follows it fills
// the rest of this one, a smaller figure too (one that fits but for its
// space below ends the page); the waiting figures keep
// their order, and a section begins only after the figures of the one
// before it. A page that would end with a blank band over orderHole of
// the frame is set again in other ways (see options) — its figures set
// taller, a figure of the section moved before the section's text (to the
// page's head when the text goes on from the page before), the text taken
// on to the next page with a figure that waits there, or kept whole with
// its figure sent on (see how.whole), a photo of the rows that wait set
// under the text's own (see stacked) — and the way chosen
// is the one that leaves no such band on this page nor on the next — the
// next section begun with its head and first lines, its stat cards after
// its text, among them (a head and its cards never end a page with the
// text overleaf, unless all else leaves a hole). Only when none does may
// the next section begin before figures of this one. The brochure's
// byline (a signature) waits with the figures that wait, after them.
//
// A last page that would hold a remnant (see pullBack) is avoided when
// the last pages can be set again with it pulled back.
func Paginate(blocks []Block, f Frame, first int) ([]Page, error) {
	set, err := run(append([]Block(nil), blocks...), nil, f, first)
	if err != nil {
		return nil, err
	}
	set = pullBack(set, blocks, f)
	pages := make([]Page, len(set))
	for i, p := range set {
		pages[i] = p.Page
	}
	for i := range pages {
		pages[i].Blocks = slices.DeleteFunc(pages[i].Blocks, func(b Placed) bool {
			_, t := b.Block.(Trailer)
			return t
		})
	}
	return pages, nil
}

// run sets pages from queue and the figures waiting (floats), numbered
// from n, each in the best of its ways (see choose).
func run(queue, floats []Block, f Frame, n int) ([]filled, error) {
	var pages []filled
	for ; len(queue) > 0 || len(floats) > 0; n++ {
		p, _, err := choose(queue, floats, f, n, lookahead)
		if err != nil {
			return nil, err
		}
		pages = append(pages, p)
		queue, floats = p.queue, p.floats
		if len(floats) == 0 && onlySpace(queue) {
			break // no page of blank alone, nor of the trailer alone
		}
	}
	return pages, nil
}

// Trailer is room kept at the foot of the last page for what closes the
// brochure and is set once the pages are (the report's QR code, see
// placeQR): the last block of the queue, which draws nothing. A page
// that leaves it alone for the next costs trailerFault, so that the
// page is set again shorter by its room, the end of its content going
// on with it (see ways); Paginate leaves it out of the pages.
type Trailer float64

// Measure implements Block.
func (t Trailer) Measure(float64) float64 { return float64(t) }

// Split implements Block: the room is kept whole.
func (t Trailer) Split(w, h float64) (Block, Block) {
	if float64(t) <= h+1e-6 {
		return t, nil
	}
	return nil, t
}

// Draw implements Block.
func (Trailer) Draw(*Canvas, float64, float64, float64) error { return nil }

// trailerFault is what a page costs that leaves the trailer alone for
// the next (see fault): as much as a page blank but for it.
const trailerFault = 2.0

// trailerLeft is the room of the trailer when it is all that queue
// holds but space, 0 when it holds none or more.
func trailerLeft(queue []Block) float64 {
	t := 0.0
	for _, b := range queue {
		switch b := b.(type) {
		case Space:
		case Trailer:
			t = float64(b)
		default:
			return 0
		}
	}
	return t
}

// nextHead reports whether the first block of queue but space is a
// section's head.
func nextHead(queue []Block) bool {
	for _, b := range queue {
		if _, ok := b.(Space); !ok {
			_, head := b.(*sectionHead)
			return head
		}
	}
	return false
}

// onlySpace reports whether bs holds nothing but space (and the
// trailer's room).
func onlySpace(bs []Block) bool {
	for _, b := range bs {
		switch b.(type) {
		case Space, Trailer:
		default:
			return false
		}
	}
	return true
}

// lookahead is how many pages after it choose sets to judge a way of
// setting a page: a page set full may leave the next one no way but a
// hole.
const lookahead = 1

// choose sets page n in the best of its ways (see options), judged with
// the depth pages that follow it (each set in its own best way), and
// returns it with its cost: the pages' faults, worst first (see fault).
func choose(queue, floats []Block, f Frame, n, depth int) (filled, float64, error) {
	opts, err := options(queue, floats, f, n)
	if err != nil {
		return filled{}, 0, err
	}
	best, cost := opts[0], math.Inf(1)
	for _, o := range opts {
		c := fault(o, f)
		if depth > 0 && (len(o.queue) > 0 || len(o.floats) > 0) && c < cost {
			_, next, err := choose(o.queue, o.floats, f, n+1, depth-1)
			if err != nil {
				continue // a way that leaves the next page nothing it can set
			}
			c += next
		}
		if c < cost-1e-9 {
			best, cost = o, c
		}
		if cost == 0 {
			break
		}
	}
	return best, cost, nil
}

// fault is what is wrong with a page set as p: a section begun before
// figures of the one before it (late) costs most, then a blank band over
// orderHole of the frame (the page's last position costs nothing: a
// document may end anywhere), then, to choose among faulty ways, the
// band's size; and a section's head and stat cards stranded at the
// page's foot, their text overleaf, as a band of a quarter; a head over
// first lines thin (see Flow.thin) less than any band over orderHole.
func fault(p filled, f Frame) float64 {
	c := 0.0
	if p.late {
		c += 10
	}
	if p.stranded {
		c += strandFault
	}
	holed := (len(p.queue) > 0 || len(p.floats) > 0) && band(p, f) > orderHole*f.H
	if p.thin && !holed {
		c += thinFault // (a page with a blank band is judged by it)
	}
	if p.passed {
		c += passFault
	}
	if len(p.floats) == 0 && trailerLeft(p.queue) > 0 {
		c += trailerFault
	}
	if holed {
		c += 1 + band(p, f)/f.H
	}
	return c
}

// hardFault is fault but for thinFault: what pullBack and spreadLast
// weigh, setting the last pages again (a remnant on the last page is
// worse than a section's first lines thin at a page's foot before it).
func hardFault(p filled, f Frame) float64 {
	p.thin = false
	return fault(p, f)
}

// passFault is what a figure set before one its section lists before it
// costs (see how.pass): less than any blank band over orderHole, so that
// a page is not left blank to keep the order, more than a hole under it.
const passFault = 1.0

// strandFault is what a section's head and stat cards stranded at a
// page's foot cost (see fault): as much as a blank band of a quarter of
// the frame, so that a page a little over orderHole blank is taken
// before it, a hole is not.
const strandFault = 1.25

// thinFault is what a section's head at a page's foot over a text of
// fewer than headLines lines in a column costs (see Flow.thin), the
// section going on overleaf: two lines under a headline in each of three
// columns read as stranded too, but less than a head alone, and less than
// any blank band over orderHole, so that the page is filled otherwise
// when a way does it (figures sent on, grown, set shorter), and keeps the
// section's first lines when none does; less than a figure out of order
// (passFault). A page that has a blank band over orderHole anyway is
// judged by its band alone, as it was before the rule (the poster look's
// macao library brief, page 3: its section 2 sent on left a band of 31 %).
const thinFault = 0.25

// options are the ways to set page n, the plainest first: in order; with
// its rows of figures set taller (grown); with the first figure that
// follows a section's text on the page set before that text instead
// (hoisted), so that the text runs on to the page's foot and goes on at
// the next page's head; and last, the next section begun before figures
// of this one (late). The ways after the first are tried only when the
// first leaves a blank band over orderHole; and when one of them sends a
// section's head on with its stat cards because its text did not fit
// below them (see opens), all of them again with the head and its cards
// ending the page, the text overleaf (stranded, a fault).
func options(queue, floats []Block, f Frame, n int) ([]filled, error) {
	opts, err := ways(queue, floats, f, n, how{inOrder: true})
	if err != nil || len(opts) == 1 {
		return opts, err
	}
	for _, o := range opts {
		if o.held {
			// a section's head went on without its text: the same ways
			// with the head and its cards allowed to end the page
			loose, err := ways(queue, floats, f, n, how{inOrder: true, loose: true})
			if err == nil {
				opts = append(opts, loose...)
			}
			// and with its first lines allowed fewer than headLines in
			// a column
			thin, err := ways(queue, floats, f, n, how{inOrder: true, thinOK: true})
			if err == nil {
				opts = append(opts, thin...)
			}
			break
		}
	}
	return opts, nil
}

// ways are the ways to set page n from base (see options).
func ways(queue, floats []Block, f Frame, n int, base how) ([]filled, error) {
	p, err := setPage(queue, floats, f, n, base)
	if err != nil {
		return nil, err
	}
	opts := []filled{p}
	if len(p.queue) == 0 && len(p.floats) == 0 {
		return opts, nil
	}
	if p.carried && band(p, f) > orderHole*f.H {
		// a text's last lines carried on with its figure leave the
		// lines that stay balanced short: the text whole here, its
		// figure sent on alone among its section's figures (see
		// how.whole), judged as the other ways are by this page and
		// the next
		whole := base
		whole.whole = true
		if h, err := setPage(queue, floats, f, n, whole); err == nil && !h.carried {
			opts = append(opts, h)
		}
	}
	if band(p, f) > orderHole*f.H {
		// a text that ends beside its photo short of the page's foot,
		// its section's rows of figures too tall to follow: the next
		// photo of those rows under the first (see stacked)
		if q, fl, ok := stacked(queue, floats, len(queue)-len(p.queue)+1, f.W); ok {
			if h, err := setPage(q, fl, f, n, base); err == nil {
				opts = append(opts, h)
			}
		}
	}
	if t := trailerLeft(p.queue); t > 0 && len(p.floats) == 0 {
		// all but the trailer fits: the page set shorter by its room,
		// so that the end of the content goes on with it
		g := f
		g.H -= t
		if h, err := setPage(queue, floats, g, n, base); err == nil && trailerLeft(h.queue) == 0 {
			h.hole += t
			opts = append(opts, h)
		} else if err == nil && len(h.floats) == 0 && trailerLeft(h.queue) > 0 {
			// all else fits the shorter page, set another way (a
			// timeline in two columns): the trailer in the room kept
			h.Blocks = append(h.Blocks, Placed{Trailer(t), f.X, f.Y + g.H - h.hole, f.W, t})
			h.queue, h.hole = nil, 0
			opts = append(opts, h)
		}
	}
	if onlySpace(p.queue) {
		// only figures wait, which no other way sets here but cropped
		// taller (a photo's frame keeps its shape), or before the text
		// they follow when that leaves a band
		if band(p, f) > orderHole*f.H {
			for _, q := range hoisted(queue, len(queue)-len(p.queue), f.W) {
				if h, err := setPage(q, floats, f, n, base); err == nil && readsAbove(h.Page) && !overColumns(h.Page, f) && !readsAhead(h) {
					opts = append(opts, h)
				}
			}
			opts = append(opts, passing(queue, floats, f, n, base)...)
		}
		return opts, nil
	}
	if band(p, f) <= orderHole*f.H {
		if band(p, f) > holeShare*f.H {
			// full enough, and fuller with its figures taller
			if g := grown(p, f); g.hole < p.hole-1 {
				return []filled{g}, nil
			}
		}
		return opts, nil
	}
	opts = append(opts, grown(p, f))
	used := len(queue) - len(p.queue) + 1
	queues := append([][]Block{queue}, hoisted(queue, used-1, f.W)...)
	for i, q := range queues {
		if i > 0 {
			if h, err := setPage(q, floats, f, n, base); err == nil && readsAbove(h.Page) && !overColumns(h.Page, f) && !readsAhead(h) {
				opts = append(opts, h, grown(h, f))
			}
		}
		// the page's rows of figures set shorter, down to their least,
		// so that the next section begins here too
		if !nextHead(p.queue) {
			continue
		}
		for _, m := range []float64{0.9, 0.8, 0.75} {
			if h, err := setPage(shorter(q, used, m, f.W), floats, f, n, base); err == nil && len(h.queue) < len(p.queue) && readsAbove(h.Page) {
				opts = append(opts, h)
			}
		}
	}
	if q := cardsAfter(queue, p.queue); q != nil {
		// the next section begun here with its text, its cards after it
		// (not when all its text is set here and the cards would stand
		// alone at the next page's head, away from their section)
		if h, err := setPage(q, floats, f, n, base); err == nil && len(h.queue) < len(p.queue) && !cardsAlone(h.queue) {
			opts = append(opts, h, grown(h, f))
		} else if err == nil && h.held {
			// its head went on because its first lines would be thin
			// there (see Flow.thin): a way the same as the first, that
			// lets options try them allowed (see how.loose)
			opts = append(opts, h)
		}
	}
	if nextHead(p.queue) {
		// and when none of these sets it here as well, a photo or chart
		// at the foot of the section's text set shorter (see
		// shorterFloats): taken only when it is better than them
		for _, m := range []float64{0.9, 0.8, 0.75} {
			if h, err := setPage(shorterFloats(queue, used, m, f.W), floats, f, n, base); err == nil && len(h.queue) < len(p.queue) && readsAbove(h.Page) {
				opts = append(opts, h)
			}
		}
		if len(p.floats) == 0 {
			// and when nothing begins it here, that photo or chart
			// set taller (none of the section's figures waiting)
			opts = append(opts, grownFloats(p, f))
		}
	}
	opts = append(opts, passing(queue, floats, f, n, base)...)
	base.inOrder = false
	if q, err := setPage(queue, floats, f, n, base); err == nil {
		opts = append(opts, q, grown(q, f))
	}
	return opts, nil
}

// passing is the way to set page n with a figure set while one its
// section lists before it waits (see how.pass), when that happens: the
// way of a fault, against a blank band.
func passing(queue, floats []Block, f Frame, n int, base how) []filled {
	base.pass = true
	if q, err := setPage(queue, floats, f, n, base); err == nil && q.passed {
		return []filled{q, grown(q, f)}
	}
	return nil
}

// cardsAfter is queue with the stat cards of the section whose head
// opens rest (what a page set from queue leaves) moved after that
// section's text: a way to begin the section at the page's foot with its
// head and first lines when its head and cards do not fit there, the
// cards following where the text ends. Away from their head, the cards
// carry the section's reminder as its figures do (continued: "01 …
// (continued)" above them when they open a page), and they come before
// the section's figures (see cardsFirst). It is nil when the section has
// no cards or no text after them.
func cardsAfter(queue, rest []Block) []Block {
	var head Block
	for _, b := range rest {
		if _, ok := b.(Space); !ok {
			head = b
			break
		}
	}
	if _, ok := head.(*sectionHead); !ok {
		return nil
	}
	i := slices.Index(queue, head)
	if i < 0 {
		return nil
	}
	j := i + 1
	for j < len(queue) && statCards(queue[j]) {
		j++
	}
	if j == i+1 || j == len(queue) {
		return nil
	}
	fw, text := queue[j].(*Flow)
	if !text {
		return nil
	}
	q := make([]Block, 0, len(queue))
	q = append(append(q, queue[:i+1]...), fw)
	for _, c := range queue[i+1 : j] {
		q = append(q, continued{underText(c, fw), fw.Kicker})
	}
	return append(q, queue[j+1:]...)
}

// underText is the row of stat cards b as set under the text f rather
// than above it: two cards, which a row of four slots sets both over the
// first of two columns (see cardRows), stand one on each column. Under
// the first column alone, their text wholly left of the second column's
// with nothing between, poppler read them before the second column,
// inside the paragraph running on into it (the water utility's newspaper
// look, page 4); over both, the second column's text above them comes
// first.
func underText(b Block, f *Flow) Block {
	r, ok := b.(*Row)
	if !ok || f.cols() != 2 || len(r.Cells) != 2 || r.Columns != 4 {
		return b
	}
	two := *r
	two.Columns = 2
	return &two
}

// cardsFirst is the queue after a section's text parted at a page's foot:
// the text's part going on (tail), then rest, but for the stat cards set
// after the text (see cardsAfter) that rest opens with, which go before a
// tail that is only the text's figure (Flow.Float, carried alone to the
// next page): the cards come before the section's figures, as in their
// section, not under a chart of it.
func cardsFirst(tail Block, rest []Block) []Block {
	r, ok := tail.(*Row)
	n := 0
	for n < len(rest) {
		if _, ok := rest[n].(continued); !ok {
			break
		}
		n++
	}
	if !ok || !isFigure(r) || n == 0 {
		return append([]Block{tail}, rest...)
	}
	q := append(slices.Clone(rest[:n]), tail)
	return append(q, rest[n:]...)
}

// continued is a section's stat cards set after its text (see
// cardsAfter), with the section's reminder (k) to set above them when
// they open a page.
type continued struct {
	Block
	k Block
}

// kicker implements kickered.
func (c continued) kicker() Block { return c.k }

// Split implements Block: the parts keep the reminder.
func (c continued) Split(w, h float64) (Block, Block) {
	a, b := c.Block.Split(w, h)
	wrap := func(x Block) Block {
		if x == nil {
			return nil
		}
		return continued{x, c.k}
	}
	return wrap(a), wrap(b)
}

// hoisted are the queues in which the first figure (or table kept whole)
// that follows one of the first placed blocks of queue that are a
// section's text (a Flow) is moved before that text: each a way to set
// the figure near its text when it does not fit after it, set as it
// stands above the text w wide (see overText; a page on which it stands
// above the text but poppler would read it inside the text is not a
// way: see readsAbove). A row moved above a text whose own figure the
// report lists before the row's takes that figure, the text the row's
// last of its list (see exchange); a page that then sets a figure ahead
// of one that waits is not a way either (see readsAhead).
func hoisted(queue []Block, placed int, w float64) [][]Block {
	var qs [][]Block
	for i := 0; i < len(queue) && i <= placed; i++ {
		text, ok := queue[i].(*Flow)
		if !ok || midParagraph(text) {
			continue // a figure before it would part a paragraph
		}
		for j := i + 1; j < len(queue); j++ {
			if _, head := queue[j].(*sectionHead); head {
				break
			}
			if !isFigure(queue[j]) && !keptWhole(queue[j]) {
				continue
			}
			fig, in := queue[j], Block(text)
			if text.Float != nil && precedes(text.Float, fig) {
				// the figure in the text is read first (see floatIndex):
				// it goes into the row, and the row's last of its list
				// into the text
				r, ok := fig.(*Row)
				if !ok {
					break
				}
				if r, in, ok = exchange(r, text, w); !ok {
					break
				}
				fig = r
			}
			if r, ok := fig.(*Row); ok && !readsOver(r, in.(*Flow), w) {
				fig = overText(r, in.(*Flow), w)
			}
			q := make([]Block, 0, len(queue))
			q = append(append(append(q, queue[:i]...), fig, in), queue[i+1:j]...)
			q = append(q, queue[j+1:]...)
			qs = append(qs, q)
			break
		}
	}
	return qs
}

// readsAhead reports whether page p sets a figure (in a row, or in a text)
// that the report lists after one left for the next pages, of its
// section and list, or leaves a text whose figure opens the next page
// before one that waits: a figure moved above its text that does not fit
// there waits, and the text, with its figure, is set first.
func readsAhead(p filled) bool {
	left := append(slices.Clone(p.floats), p.queue...)
	if len(p.queue) > 0 && goesOn(p.queue[0]) {
		// the text that goes on opens the next page, before the
		// figures that wait (see fillPage), its figure with it
		if fw, ok := p.queue[0].(*Flow); ok && fw.Float != nil && behind(fw.Float, p.floats) {
			return true
		}
	}
	for _, b := range p.Blocks {
		if fw, ok := b.Block.(*Flow); ok && fw.Float != nil {
			b.Block = fw.Float
		}
		if len(figureRefs(b.Block)) == 0 {
			continue
		}
		for _, w := range left {
			if precedes(w, b.Block) {
				return true
			}
		}
	}
	return false
}

// exchange is row r, moved above text f whose figure (Float) the report
// lists before a figure of r, with the two exchanged: the text's figure
// in the row, the row's last of its list in the text, the row's cells of
// that list in the report's order (on the grid, the spans kept in their
// places where each figure reads in its new one), so that the row
// above and the text's figure are read in order — the row's cell of one
// column (as the figure in the text is), not too tall to stand in a
// column. ok is false when r has no such cell.
func exchange(r *Row, f *Flow, w float64) (_ *Row, _ *Flow, ok bool) {
	k := -1
	for i, c := range r.Cells {
		if precedes(f.Float, c) && (k < 0 || precedes(r.Cells[k], c)) {
			k = i
		}
	}
	if k < 0 || r.Spans != nil && r.Spans[k] != 1 || r.Spans == nil && r.Columns != f.cols() {
		return nil, nil, false
	}
	switch c := r.Cells[k].(type) {
	case *photoBlock:
	case *chartBlock:
		if c.Measure(f.floatWidth(w)) > tallFloat*f.Leading {
			return nil, nil, false
		}
	default:
		return nil, nil, false
	}
	nr, nf := *r, *f
	nr.Cells, nr.Spans = slices.Clone(r.Cells), slices.Clone(r.Spans)
	nr.Cells[k], nf.Float = f.Float, r.Cells[k]
	// the cells of the float's list in the report's order, each with its span
	var at []int
	for i, c := range nr.Cells {
		if i == k || precedes(c, f.Float) || precedes(f.Float, c) {
			at = append(at, i)
		}
	}
	type cell struct {
		b    Block
		span int
	}
	cs := make([]cell, len(at))
	for n, i := range at {
		cs[n].b = nr.Cells[i]
		if nr.Spans != nil {
			cs[n].span = nr.Spans[i]
		}
	}
	slices.SortStableFunc(cs, func(a, b cell) int {
		switch {
		case precedes(a.b, b.b):
			return -1
		case precedes(b.b, a.b):
			return 1
		}
		return 0
	})
	// the spans stay where they are (the wider first, as gridRows sets
	// a row) where each figure reads in its new one, else go with them
	stay := true
	for n, i := range at {
		nr.Cells[i] = cs[n].b
		if least, _ := gridSpan(cs[n].b, w, r.Gutter); nr.Spans != nil && least > nr.Spans[i] {
			stay = false
		}
	}
	for n, i := range at {
		if nr.Spans != nil && !stay {
			nr.Spans[i] = cs[n].span
		}
	}
	return &nr, &nf, true
}

// keptWhole reports whether b is a block kept whole though it could
// split (a short table): it moves as a figure does, before its text.
func keptWhole(b Block) bool {
	_, ok := b.(unkeeper)
	return ok && b.(unkeeper).whole()
}

// readsAbove reports whether poppler reads every row of figures that
// page p sets directly above a section's text before that text: the row
// reads so (see readsOver), or no paragraph of the text runs on from
// one column into the next for poppler to read the row's text inside.
func readsAbove(p Page) bool {
	for k := 1; k < len(p.Blocks); k++ {
		r, row := p.Blocks[k-1].Block.(*Row)
		f, text := p.Blocks[k].Block.(*Flow)
		if row && text && isFigure(r) && !readsOver(r, f, p.Blocks[k].W) && f.runsAcross(p.Blocks[k].W) {
			return false
		}
	}
	return true
}

// overColumns reports whether a row of figures of p stands right above
// text of three columns or more of which a paragraph runs on from one
// column into the next: poppler's pdftotext reads the figures' labels
// over a column but the first after the column before it (a block wholly
// left of another comes first, and nothing between them overlaps both),
// inside that paragraph. (Over two columns a row of figures stands on
// the columns, and hoisting one there is judged as before.)
func overColumns(p Page, f Frame) bool {
	for k := 0; k+1 < len(p.Blocks); k++ {
		fw, ok := p.Blocks[k+1].Block.(*Flow)
		if !ok || fw.cols() < gridCols || !isFigure(p.Blocks[k].Block) {
			continue
		}
		if g := fw.across(f.W); g == fw {
			if c := fw.layout(f.W); runsOn(c.us, c.spans) {
				return true
			}
		}
	}
	return false
}

// midParagraph reports whether flow f goes on with a paragraph begun on
// a page before: readers would read a figure set before it inside that
// paragraph.
func midParagraph(f *Flow) bool {
	return f.frozen && len(f.units) > 0 && !f.units[0].gap && f.units[0].idx > 0
}

// setPage sets page n from the queue and the figures waiting for it,
// and sets it again when it would end with a hole: with one of its
// figures sent on, with its rows of figures shorter, with a timeline
// parted (see how.split), and last with a row of figures parted (see
// how.part). When inOrder, no section begins while
// figures of the one before wait for the next page.
func setPage(queue, floats []Block, f Frame, n int, base how) (filled, error) {
	base.deferAt, base.part, base.split = -1, false, false
	p, err := fillPage(queue, floats, f, n, base)
	if err != nil {
		return p, err
	}
	if p.hole > holeShare*f.H && len(p.queue) > 0 {
		for k := p.figures - 1; k >= 0; k-- {
			m := base
			m.deferAt = k
			if q, err := fillPage(queue, floats, f, n, m); err == nil && q.hole < p.hole-1 {
				p = q
				break
			}
		}
	}
	if p.hole > holeShare*f.H && len(p.queue) > 0 && (isFigure(p.queue[0]) || len(p.floats) > 0) {
		// the rows of figures set shorter (their photos cropped), so
		// that the next row starts here too
		used := max(0, len(queue)-len(p.queue)) + 1
		for _, m := range []float64{0.9, 0.8} {
			q, err := fillPage(shorter(queue, used, m, f.W), shorter(floats, len(floats), m, f.W), f, n, base)
			if err == nil && q.hole < p.hole-1 && q.hole > -1e-6 && figuresLeft(q) < figuresLeft(p) {
				p = q
				break
			}
		}
	}
	if band(p, f) > orderHole*f.H && len(p.queue) > 0 {
		// a timeline parted, its first entries here
		m := base
		m.split = true
		if q, err := fillPage(queue, floats, f, n, m); err == nil && q.hole < p.hole-1 {
			p, base = q, m
		}
	}
	if band(p, f) > orderHole*f.H && len(p.queue) > 0 {
		m := base
		m.part = true
		if q, err := fillPage(queue, floats, f, n, m); err == nil && q.hole < p.hole-1 {
			p = q
		}
	}
	return p, nil
}

// how says how fillPage sets a page.
type how struct {
	deferAt int  // the figure placed deferAt-th (from 0) is sent on; -1: none
	inOrder bool // a section's head ends the page while figures of the one before wait
	// loose lets a section's head and its stat cards end a page with
	// its text overleaf (see opens): the way taken only when all others
	// leave the page or the next with a blank band.
	loose bool
	// thinOK lets a section begin at a page's foot over a text of fewer
	// than headLines lines in a column (see Flow.thin), the page costing
	// thinFault: the way the page was set before that rule, taken only
	// when every other leaves a fault as great (a blank band over
	// orderHole).
	thinOK bool
	// split lets a timeline that does not fit be parted at a page's
	// foot (see timelineBlock.Split): a timeline is read as one list, so
	// it goes on whole to the next page unless that leaves a blank band
	// over orderHole; on a page it opens, it parts where it must.
	split bool
	// part lets a row of figures that does not fit be parted: its first
	// figure set in the text above it (see intoText), or those of its
	// figures that fit set here and the others sent on. Either leaves a
	// figure alone in half the width, so it is the last resort against a
	// hole.
	part bool
	// pass lets a figure be set while one of its section's list before
	// it waits for the next page (see behind): a figure read out of the
	// report's order, a fault (passFault) taken only against a blank
	// band.
	pass bool
	// whole keeps a section's text whole on the page its figure
	// (Flow.Float) does not fit on, the figure sent on alone among its
	// section's figures (see rejoin), rather than the text's last lines
	// carried to stand beside it (see carry): the way of a page that
	// carrying leaves with a blank band (the lines that stay, balanced,
	// end the columns short).
	whole bool
}

// figuresLeft is how many figures p leaves for the next pages.
func figuresLeft(p filled) int {
	n := len(p.floats)
	for _, b := range p.queue {
		if isFigure(b) {
			n++
		}
	}
	return n
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

// shorterFloats is queue with the figure at the foot of each of its
// first n blocks that is a text (a Flow's Float: a photo in the text's
// last column, or the full width of one column) set at share m of its
// height, where the figure allows it: so that the next section's head
// and first lines begin under it rather than leave a band (a way tried
// after the others that begin it, see ways: the charity brief's photo,
// the width of its one column, left 29 % of page 4 blank).
func shorterFloats(queue []Block, n int, m, w float64) []Block {
	q := append([]Block(nil), queue...)
	for i := range q[:min(n, len(q))] {
		f, ok := q[i].(*Flow)
		if !ok || f.Float == nil {
			continue
		}
		cw := f.floatWidth(w)
		if head, tail := f.Float.Split(cw, m*f.Float.Measure(cw)); head != nil && tail == nil && head != f.Float {
			g := *f
			g.Float = head
			q[i] = &g
		}
	}
	return q
}

// grown is p with its rows of figures set taller (see grower), sharing
// the hole at its foot, so that a page that cannot take the next section
// or figure ends full rather than with a blank band.
func grown(p filled, f Frame) filled {
	return growing(p, func(b Block) bool {
		_, ok := b.(*Row)
		return ok && isFigure(b)
	}, func(b Block, w, h float64) Block { return b.(*Row).taller(w, h) })
}

// growing is p with the blocks that pick takes set taller by taller,
// sharing the hole at its foot evenly, each growing only when it then
// fits its share, the blocks under it moved down by what it took.
func growing(p filled, pick func(Block) bool, taller func(b Block, w, h float64) Block) filled {
	var at []int
	for k, b := range p.Blocks {
		if pick(b.Block) {
			at = append(at, k)
		}
	}
	if len(at) == 0 || p.hole <= 0 {
		return p
	}
	g := p
	g.Blocks = append([]Placed(nil), p.Blocks...)
	share := p.hole / float64(len(at))
	shift := 0.0
	for k := range g.Blocks {
		g.Blocks[k].Y += shift
		if len(at) == 0 || at[0] != k {
			continue
		}
		at = at[1:]
		b := &g.Blocks[k]
		t := taller(b.Block, b.W, b.H+share)
		if h := t.Measure(b.W); h > b.H && h <= b.H+share+1e-6 {
			shift += h - b.H
			b.Block, b.H = t, h
		}
	}
	g.hole -= shift
	return g
}

// grownFloats is p with the figures at the foot of its texts (a Flow's
// Float) set taller (see tallerFloat), sharing the hole at its foot: a
// page whose next section cannot begin under a short section (a card,
// five lines and a photo in the text's last column) ends with its photo
// grown rather than with a blank band. Tried only on a page left over
// orderHole blank at a section's end, the next section's head waiting,
// after every way that begins that section here (see ways), so that it
// never reshapes a page that is full enough nor keeps a section's other
// figures from it.
func grownFloats(p filled, f Frame) filled {
	return growing(p, func(b Block) bool {
		fl, ok := b.(*Flow)
		return ok && fl.Float != nil
	}, func(b Block, w, h float64) Block { return b.(*Flow).tallerFloat(w, h) })
}

// grower is a figure that may be set taller than it asks, up to growShare
// of its height, to fill a page: a chart that stretches to its box, a
// photo frame (the photo cropped at the sides, never squeezed).
type grower interface {
	taller(w, h float64) Block // at most h tall
}

// growShare is how much taller than it asks a figure may be set: as much
// as a quarter off takes back (4/3).
const growShare = 4.0 / 3

// orderHole is the tallest blank band on a page, as a share of the frame,
// that keeps a section from beginning before figures of the one before
// it (which then open the next page under their reminder): a page so
// empty is worse than a figure out of order.
const orderHole = 0.15

// holeShare is the space left at a page's foot, as a share of the frame,
// that makes Paginate try the page again with a figure sent on.
const holeShare = 0.1

// filled is a page as fillPage sets it, with what goes on.
type filled struct {
	Page
	queue, floats []Block // what is left for the next pages
	hole          float64 // the space left at the foot, pt (0 on the last page)
	figures       int     // figures placed from the queue (not waiting ones)
	late          bool    // a section begins while figures of the one before wait
	held          bool    // a section's head went on, its cards fitting but not its text
	stranded      bool    // a section's head and cards end the page, the text overleaf
	thin          bool    // a section's head ends the page over a text of fewer than headLines lines in a column
	passed        bool    // a figure is set while one its section lists before it waits (see how.pass)
	carried       bool    // a text's last lines go on with its figure, which does not fit here (see carry)
}

// fillPage sets one page from the figures waiting for it and the queue,
// as mode says.
func fillPage(queue, floats []Block, f Frame, number int, mode how) (filled, error) {
	deferAt := mode.deferAt
	p := filled{Page: Page{Number: number}}
	// the waiting figures open the page, after the end of a text or a
	// timeline that goes on from the page before (no figure parts a
	// paragraph, nor a timeline, which reads as one flow)
	var q []Block
	if len(queue) > 0 {
		if goesOn(queue[0]) && len(floats) > 0 {
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
	carried := false // a text's last lines wait for the next page (see carry)
	y := 0.0
	for len(q) > 0 {
		b := q[0]
		fromQueue := !waiting[b]
		if carried && fromQueue && sectionNext(q) == b {
			break // the rest of the section follows its text's last lines, overleaf
		}
		passes := isFigure(b) && fromQueue && behind(b, fl)
		if passes && !mode.pass {
			// a figure its section lists before it waits: it waits
			// after it, and what else follows fills the page
			fl = append(fl, b)
			q = q[1:]
			continue
		}
		if isFigure(b) && len(fl) > 0 && fromQueue && b.Measure(f.W) > f.H-y+1e-6 {
			if r, ok := b.(*Row); ok && r.Measure(f.W)-r.After <= f.H-y+1e-6 && p.figures != deferAt {
				// it fits but for its space below, which a row at the
				// page's foot has not: it ends the page
				a := *r
				a.After = 0
				p.Blocks = append(p.Blocks, Placed{&a, f.X, f.Y + y, f.W, a.Measure(f.W)})
				y += a.Measure(f.W)
				q = q[1:]
				p.figures++
				p.passed = p.passed || passes
				break
			}
			fl = append(fl, b) // after the figures that wait
			q = q[1:]
			continue
		}
		if _, sig := b.(signature); sig && fromQueue && len(fl) > 0 {
			fl = append(fl, b) // the byline closes, after the figures that wait
			q = q[1:]
			continue
		}
		if _, head := b.(*sectionHead); head && mode.inOrder && len(fl) > 0 {
			break // a section starts after the figures of the one before
		}
		if _, isSpace := b.(Space); isSpace && len(p.Blocks) == 0 {
			q = q[1:] // no space at the head of a page
			continue
		}
		top := len(p.Blocks) == 0
		if fw, ok := b.(*Flow); ok && fw.Float != nil && fromQueue && (!top || keptWhole(sectionNext(q[1:]))) {
			// (a text that opens the page, going on from the page
			// before, sends its figure on only when a table kept whole
			// follows it in its section, and alone, its text whole: the
			// table then stands under the text that leads to it, the
			// figure opening the next page, rather than the table
			// overleaf and the page blank under the text — the council
			// review's report look, page 5, 27 % blank with its ward
			// table overleaf)
			next := sectionNext(q[1:])
			if _, qr := fw.Float.(*qrBlock); p.figures == deferAt && !qr { // a QR code stays with its text
				// the figure in the text is sent on with the text's last
				// lines (see carry) when no figures of the section follow
				// (they would come between the lines; what else of the
				// section follows, a table, cards, goes on after them:
				// see carried) and no section begins before them, or as
				// a row of its own, among the section's figures that
				// follow when there are (see rejoin)
				if a, rest, ok := carry(fw, f.W, math.Inf(1)); ok && !top && mode.inOrder && (next == nil || !isFigure(next)) {
					fl = append(fl, rest)
					b, q[0] = a, a
					carried = true
				} else {
					rest := *fw
					rest.Float = nil
					one := alone(fw.Float, fw.cols(), f.W, fw.Gutter, fw.After, fw.Kicker)
					b, q[0] = &rest, &rest
					if j := rejoin(one, q[1:], f.W); j[0] != one {
						q = append(q[:1:1], j...)
					} else {
						fl = append(fl, one)
					}
				}
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
			strands := false // the head and its cards, the text overleaf
			thin := false    // or over a text of fewer than headLines lines in a column (see Flow.thin)
			if _, head := b.(*sectionHead); head && (!opens(q, f.W, avail-h, true) || !leads(q, f.W, avail-h, true)) {
				thin = opens(q, f.W, avail-h, false) && leads(q, f.W, avail-h, false)
				strands = !thin || !mode.thinOK
				if strands && !mode.loose {
					fits, p.held = false, true
				}
			}
			if fits && kept(q[1:], f.W) > avail-h+1e-6 {
				head, tail := next.Split(f.W, avail-h)
				if keepsWithNext(next) && cards(next) {
					head = nil // the rows of a section's cards go on together
				}
				if _, row := next.(*Row); row && tail != nil && isFigure(next) && !mode.part {
					head = nil // a row of figures is not parted (see how.part)
				}
				if _, tl := next.(*timelineBlock); tl && tail != nil && !mode.split {
					head = nil // nor a timeline (see how.split)
				}
				if head == nil {
					fits = false
				}
			}
			p.stranded = p.stranded || fits && strands && !thin
			p.thin = p.thin || fits && thin
		}
		if isFigure(b) && fromQueue && len(p.Blocks) > 0 {
			if p.figures == deferAt {
				fits = false // sent on, so that what follows starts here
			}
			p.figures++
		}
		if fits {
			if _, head := b.(*sectionHead); head && len(fl) > 0 {
				p.late = true
			}
			p.passed = p.passed || passes
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
			if _, row := b.(*Row); row && tail != nil && isFigure(b) && !mode.part {
				head = nil // a row of figures is not parted
			}
			if _, tl := b.(*timelineBlock); tl && tail != nil && len(p.Blocks) > 0 && !mode.split {
				head = nil // a timeline goes on whole (see how.split)
			}
			if head != nil && tail != nil && len(p.Blocks) > 0 && overColumns(Page{Blocks: []Placed{p.Blocks[len(p.Blocks)-1], {Block: head}}}, f) {
				head = nil // the text goes on whole to the next page
			}
			if fw, ok := b.(*Flow); ok && head != nil && tail != nil && !fw.frozen && head.(*Flow).thin(f.W) {
				// the text's first part, under its section's head, with
				// fewer than headLines lines in a column: it goes on
				// whole, but as the way of a fault (see how.thinOK)
				if mode.loose || mode.thinOK {
					p.thin = true
				} else {
					head, p.held = nil, true
				}
			}
			if r, row := b.(*Row); row && mode.part && tail != nil && isFigure(r) {
				if h, rest, ok := part(r, q[1:], f.W, avail); ok {
					// the figures that fit here, in order (see part)
					head, tail = h, nil
					q = append(q[:1:1], rest...)
				}
			}
			if isFigure(b) && (head == nil || p.figures-1 == deferAt && fromQueue) && len(p.Blocks) > 0 && len(q) > 1 {
				if r, ok := b.(*Row); ok && mode.part && head == nil && fromQueue && p.figures-1 != deferAt {
					if rest, dy, ok := intoText(&p.Page, r, f, y); ok {
						// its first figure stands in the text above
						y += dy
						b = rest
					}
				}
				if b != nil {
					fl = append(fl, b) // the figure waits; the text goes on
				}
				q = q[1:]
				continue
			}
			if fw, ok := b.(*Flow); ok && fw.Float != nil && tail != nil {
				if r, ok := tail.(*Row); ok && len(r.Cells) == 1 && r.Cells[0] == fw.Float {
					if a, rest, ok := carry(fw, f.W, avail); ok && !mode.whole {
						head, tail = a, rest
						p.carried = true
					}
				}
			}
			if head != nil {
				hh := head.Measure(f.W)
				p.Blocks = append(p.Blocks, Placed{head, f.X, f.Y + y, f.W, hh})
				y += hh
				p.passed = p.passed || passes
				if _, tl := head.(*timelineBlock); tl && tail == nil {
					q = q[1:]
					continue // set whole another way (see twoColumns): the page goes on
				}
				switch _, text := b.(*Flow); {
				case tail == nil:
					q = q[1:]
				case text:
					q = cardsFirst(tail, q[1:])
					if r, ok := tail.(*Row); ok && len(r.Cells) == 1 && r.Cells[0] == b.(*Flow).Float && q[0] == tail {
						// the text's figure goes on among its section's
						// figures, in the report's order (see rejoin)
						q = rejoin(r, q[1:], f.W)
					}
				default:
					q = append([]Block{tail}, q[1:]...)
				}
				break
			}
		}
		if u, ok := b.(unkeeper); ok && len(p.Blocks) == 0 {
			// kept whole by choice, and taller than an empty frame: split
			if head, tail := u.unkept(f.W, avail); head != nil {
				hh := head.Measure(f.W)
				p.Blocks = append(p.Blocks, Placed{head, f.X, f.Y + y, f.W, hh})
				y += hh
				q = q[1:]
				if tail != nil {
					q = append([]Block{tail}, q...)
				}
				break
			}
		}
		if len(p.Blocks) == 0 {
			// Taller than an empty frame and cannot split: nothing we can
			// do would show it whole.
			return p, &tooTall{h, f.H, b}
		}
		break
	}
	if len(q) > 0 || len(fl) > 0 {
		p.hole = f.H - y
	}
	p.queue, p.floats = q, fl
	return p, nil
}

// goesOn reports whether b, opening a page, is read as going on from the
// page before, so that no waiting figure comes before it: a section's
// text, or a timeline's entries after the first.
func goesOn(b Block) bool {
	switch b := b.(type) {
	case *Flow:
		return true
	case *timelineBlock:
		return b.from > 0
	}
	return false
}

// kept is the height of q[0] at width w with the rows of stat cards it
// keeps with (see cardRows): what must fit below a block kept with it.
func kept(q []Block, w float64) float64 {
	h := q[0].Measure(w)
	for k := 0; k+1 < len(q) && cards(q[k]) && keepsWithNext(q[k]); k++ {
		h += q[k+1].Measure(w)
	}
	return h
}

// behind reports whether a figure that waits among fl is listed by the
// report before figure b, in b's section and list (see precedes): b does
// not pass it, as the poster's charts, each the full width, read a
// section's second chart at one page's foot and its first at the next
// page's head. Another section's content, or a figure of the other list,
// may fill the page instead (the report orders photos and charts each in
// its own list).
func behind(b Block, fl []Block) bool {
	for _, w := range fl {
		if precedes(w, b) {
			return true
		}
	}
	return false
}

// precedes reports whether a figure of a is listed by the report before
// one of b, in the same section and list (photos, charts).
func precedes(a, b Block) bool {
	for _, x := range figureRefs(a) {
		for _, y := range figureRefs(b) {
			if x.section == y.section && x.list == y.list && x.index < y.index {
				return true
			}
		}
	}
	return false
}

// figureRef is a figure's place in the report: its section, its list
// (photos, charts) and its index there.
type figureRef struct {
	section, index int
	list           string
}

// figureKey is a figure's field path (see chartBlock.key).
var figureKey = regexp.MustCompile(`^sections\[(\d+)\]\.(photos|charts)\[(\d+)\]$`)

// figureRefs are the places in the report of the figures b sets: a
// chart, a photo, the cells of a row, the blocks of a stack.
func figureRefs(b Block) []figureRef {
	var key string
	switch b := b.(type) {
	case *photoBlock:
		key = b.key
	case *chartBlock:
		key = b.key
	case *Row:
		var rs []figureRef
		for _, c := range b.Cells {
			rs = append(rs, figureRefs(c)...)
		}
		return rs
	case *Stack:
		var rs []figureRef
		for _, c := range b.Blocks {
			rs = append(rs, figureRefs(c)...)
		}
		return rs
	}
	m := figureKey.FindStringSubmatch(key)
	if m == nil {
		return nil
	}
	s, _ := strconv.Atoi(m[1])
	i, _ := strconv.Atoi(m[3])
	return []figureRef{{section: s, index: i, list: m[2]}}
}

// carry parts a section's text whose figure (Float) does not fit on the
// page the text ends on: rather than the figure alone at the head of the
// next page, half of its width left empty, the text's last lines go on
// with it there, set beside it (as many as fill the column beside the
// figure, three lines at least staying here). It reports false when the
// text is too short to part, or the part kept does not fit in h. A text
// that begins here, under its section's head, keeps headLines lines in
// every column (see Flow.thin) where two lines at least still go on with
// the figure: a text too short for that keeps fewer, two and one, a thin
// opener rather than the figure alone in half the width overleaf (the
// county police's page 2 kept two and two before the rule). A page whose
// lines that stay, balanced, leave it blank over orderHole has the way of
// its text whole instead, see how.whole.
func carry(fw *Flow, w, h float64) (Block, Block, bool) {
	us := fw.set(w)
	k := min(fw.floatRows(w)*(fw.cols()-1), len(us)-3)
	if k < 2 {
		return nil, nil, false
	}
	n := len(us) - k
	for n > 3 && !breakable(us, n) {
		n--
	}
	for n < len(us)-2 && !breakable(us, n) {
		n++ // fewer lines go on, rather than a quote or a paragraph's last line parted
	}
	if !breakable(us, n) {
		return nil, nil, false
	}
	for n < len(us) && us[n].gap {
		n++
	}
	if n < 3 || len(us)-n < 2 {
		return nil, nil, false
	}
	a, b := *fw, *fw
	part := func(n int) {
		a.units, a.frozen, a.rows, a.After, a.Float, a.Parted, a.Sooner = us[:n:n], true, 0, 0, nil, false, false
		b.units, b.frozen, b.rows = us[n:], true, 0
	}
	part(n)
	for m := n + 1; !fw.frozen && a.thin(w) && m <= len(us)-2; m++ {
		// a text that begins here, under its section's head: as many
		// lines more as give each column headLines, the figure still
		// taking two along
		if breakable(us, m) && !us[m].gap {
			part(m)
		}
	}
	if a.Measure(w) > h+1e-6 {
		return nil, nil, false
	}
	return &a, &b, true
}

// intoText sets the first figure of row r, which does not fit below the
// page's last block, into that block instead when it is a section's text
// (a whole Flow without a figure): at the foot of its last column, the
// text balanced beside it, when the text grows no more than the page
// allows (y is where the page's blocks end, from the frame's top) — a
// chart of rows (an hbar) set thinner for it if need be (see
// chartBlock.thinner). It
// returns the rest of the row (nil when none), by how much the text
// grew, and whether it did.
func intoText(p *Page, r *Row, f Frame, y float64) (Block, float64, bool) {
	if len(p.Blocks) == 0 || len(r.Cells) == 0 {
		return nil, 0, false
	}
	last := &p.Blocks[len(p.Blocks)-1]
	fw, ok := last.Block.(*Flow)
	if !ok || fw.Float != nil || fw.frozen || fw.cols() < 2 {
		return nil, 0, false
	}
	if r.Columns < 2 && !(len(r.Cells) == 1 && narrows(r.Cells[0], fw.colWidth(f.W), f.W)) {
		return nil, 0, false // a figure the look sets the full width
	}
	if r.Spans != nil && r.Spans[0] != 1 {
		return nil, 0, false // wider than a column of the text
	}
	nf := *fw
	nf.Float, nf.Kicker = r.Cells[0], r.Kicker
	h := nf.Measure(f.W)
	if c, ok := r.Cells[0].(*chartBlock); ok && last.Y-f.Y+h > f.H+1e-6 {
		// a chart of rows (an hbar) set thinner, its labels at their
		// size, a row of the text at a time, so that it follows its
		// text on the page (the township report's poster, page 4: its
		// 23 villages went overleaf and left a band of 15 %)
		cw := nf.floatWidth(f.W)
		for fh := c.Measure(cw) - fw.Leading; fh > 0 && fw.Leading > 0; fh -= fw.Leading {
			s := c.thinner(cw, fh)
			if s == nil {
				break
			}
			nf.Float = s
			if h = nf.Measure(f.W); last.Y-f.Y+h <= f.H+1e-6 {
				break
			}
		}
	}
	if last.Y-f.Y+h > f.H+1e-6 {
		return nil, 0, false
	}
	dy := h - last.H
	last.Block, last.H = &nf, h
	if len(r.Cells) == 1 {
		return nil, dy, true
	}
	rest := *r
	rest.Cells = r.Cells[1:]
	if r.Spans != nil {
		rest.Spans = r.Spans[1:]
	}
	return &rest, dy, true
}

// narrows reports whether figure b, set the full width by the look, may
// stand in a column w wide as the last resort of intoText: a chart whose
// items are not crowded there, or that is set as rows (an hbar) the full
// width too, which loses nothing in the column (a photo keeps the look's
// width).
func narrows(b Block, w, full float64) bool {
	c, ok := b.(*chartBlock)
	return ok && (!c.style.Crowded(c.chart, w) || c.style.Rows(c.chart, w) && c.style.Rows(c.chart, full))
}

// band is about the tallest blank band p will have once justify has
// spread its hole over its joints (see blank), as judged to choose a way
// to set a page: without the sharing that justify does last (spread's
// even), since a way that leaves so much blank is one to avoid.
func band(p filled, f Frame) float64 { return blank(p.Blocks, p.hole, f, false) }

// blank is about the tallest blank band a page of blocks bs will have
// once gap, left at its foot, is spread over its joints (see spread,
// even as it says): what is left at the foot, or the blank at a joint,
// with the blank a band has anyway: at the foot, the page's closing
// spaces (a section's gap, as the look sets it), the last block's space
// below and the margin down to the foot's rule (f.Below); at a joint,
// the spaces above it and a block's space below (about 30 pt).
func blank(bs []Placed, gap float64, f Frame, even bool) float64 {
	foot := gap + f.below()
	for k := len(bs) - 1; k >= 0; k-- {
		if _, ok := bs[k].Block.(Space); !ok {
			break
		}
		foot += bs[k].H
	}
	add := spread(bs, gap, f, even)
	for _, extra := range add {
		foot -= extra
	}
	worst := foot
	for k, extra := range add {
		if extra == 0 {
			continue
		}
		worst = max(worst, extra+spaceAbove(bs, k)+30)
	}
	for _, b := range bs {
		if o, ok := b.Block.(opened); ok {
			worst = max(worst, o.opening())
		}
	}
	return worst
}

// opened is a block with blank set inside it to fill its page (see
// loosener): a text whose closing pull quote stands lower.
type opened interface {
	opening() float64 // the blank band inside it, pt, as blank judges one
}

// joints are the indexes of the blocks of a page that justify may move
// down, each with all after it: a section's head, a figure (or cards
// carrying their section's reminder, see continued) and the block after
// one (past the spaces between them: one joint a blank) — and, as
// the second choice (loose), any other block but the first. A joint with
// only space after it is none: moving blank down leaves the band at the
// foot as tall as it was. What follows a section's head is the last
// choice (last): space there reads as a hole in the section (a band
// under the head's rule), not as air between blocks; a section's rows of
// cards are no joint, one to the next, nor is a text — but for the last
// resort (reserve): a text under its section's stat cards, which takes
// blank only when the page's foot would otherwise stay a blank band (see
// spread's even): a section too short to fill its page, the next one's
// head too tall to follow it, then reads as set open, its blank shared
// between its head, cards and text, rather than as ended early; and so
// does a text under its head when the section stands alone on its page
// (the head first, the text last): its text sunk under its head, as a
// letter's page is set.
func joints(bs []Placed) (js, loose, last, reserve []int) {
	end := len(bs)
	for end > 0 {
		if _, ok := bs[end-1].Block.(Space); !ok {
			break
		}
		end--
	}
	prev, first := -1, -1 // the block before k, past spaces; the page's first
	for k := 0; k < end; k++ {
		if _, ok := bs[k].Block.(Space); ok {
			continue
		}
		if first < 0 {
			first = k
		}
		_, head := bs[k].Block.(*sectionHead)
		switch {
		case prev < 0:
		case headed(bs[prev].Block):
			if _, text := bs[k].Block.(*Flow); !text {
				last = append(last, k)
			} else if prev == first && k == end-1 {
				reserve = append(reserve, k) // a section alone on its page: its text sunk under its head
			}
		case statCards(bs[prev].Block) && statCards(bs[k].Block):
		case statCards(bs[prev].Block) && isText(bs[k].Block):
			reserve = append(reserve, k)
		case head || reminded(bs[k].Block) || reminded(bs[prev].Block):
			js = append(js, k)
		default:
			if _, text := bs[k].Block.(*Flow); !text {
				loose = append(loose, k)
			}
		}
		prev = k
	}
	return js, loose, last, reserve
}

// isText reports whether b is a section's text.
func isText(b Block) bool {
	_, ok := b.(*Flow)
	return ok
}

// headed reports whether b is a section's head.
func headed(b Block) bool {
	_, ok := b.(*sectionHead)
	return ok
}

// maxJoint is the most space justify adds at one joint, as a share of the
// frame's height: more would open a hole in the page instead of at its
// foot; maxLoose the most at a loose joint (inside a section: above a
// table or a box after its text, never between its head and its cards)
// and added again before a section's head, where more would look like
// a gap.
const (
	maxJoint = 0.05
	maxLoose = 0.04
)

// spread is how much justify adds above each block of a page (indexed
// as bs) with gap left at its foot: an even share at each joint, at most
// maxJoint of the frame; and when what is left would still be a blank
// band at the foot (more than maxJoint of the frame), the rest at the
// loose joints and before the sections' heads, at most maxLoose each — a
// page set a little looser rather than with a hole at its foot; a head
// stays tight on its cards and figures (see joints).
func spread(bs []Placed, gap float64, f Frame, even bool) []float64 {
	add := make([]float64, len(bs))
	if gap < 0.02*f.H {
		return add
	}
	js, loose, last, reserve := joints(bs)
	if len(js) > 0 {
		extra := min(gap/float64(len(js)), maxJoint*f.H)
		for _, k := range js {
			add[k] = extra
		}
		gap -= extra * float64(len(js))
	}
	// then the loose joints, then (a band at the foot else) under the
	// heads. Judging a way to set a page (not even), they count as one:
	// how much a page can take is the same, where justify puts it is not
	stages := [][]int{loose, last}
	if !even {
		stages = [][]int{slices.Concat(loose, last)}
	}
	for _, at := range stages {
		if gap > maxJoint*f.H && len(at) > 0 {
			extra := min(gap/float64(len(at)), maxLoose*f.H)
			for _, k := range at {
				add[k] += extra
			}
			gap -= extra * float64(len(at))
		}
	}
	// even: a foot still blank over orderHole, what is left goes a point
	// at a time to the joint with the least blank above it, while that is
	// less than the foot's, so that no blank is taller than it must be
	// (justify does; band, which judges the ways to set a page, does not:
	// a way that leaves so much blank is one to avoid) — down to
	// holeShare, not to orderHole: a foot left at the ceiling, the
	// joints less blank than it, is over the ceiling in a rasteriser
	// that sets the last ink a row lower (the poster look's
	// hong-kong-2025, page 2: its bar chart's foot 15.2 % in poppler's
	// raster, 14.9 % in PDFium's; 11.6 % evened)
	foot := gap + f.below()
	for k := len(bs) - 1; k >= 0; k-- {
		if _, ok := bs[k].Block.(Space); !ok {
			break
		}
		foot += bs[k].H
	}
	all := slices.Concat(js, loose, last, reserve)
	for even = even && foot > orderHole*f.H; even && foot > holeShare*f.H && gap >= 1 && len(all) > 0; {
		least, at := math.Inf(1), -1
		for _, k := range all {
			if b := add[k] + spaceAbove(bs, k) + 30; b < least {
				least, at = b, k
			}
		}
		if least+1 > foot-1 {
			break
		}
		add[at]++
		gap--
		foot--
	}
	return add
}

// spaceAbove is the height of the spaces right above block k.
func spaceAbove(bs []Placed, k int) float64 {
	h := 0.0
	for i := k - 1; i >= 0; i-- {
		if _, ok := bs[i].Block.(Space); !ok {
			break
		}
		h += bs[i].H
	}
	return h
}

// justify spreads the space left at the foot of each page but the last
// over the page's joints (see spread) — before a section's head, around
// figures — as a newspaper page is set flush at the foot, so that a page
// ends where the next section or figure could not start without a hole
// at its foot; a page whose joints cannot take it sets its tables looser
// first (see loosen).
func justify(pages []Page, f Frame) {
	for i := range pages[:max(0, len(pages)-1)] {
		bs := pages[i].Blocks
		if len(bs) == 0 {
			continue
		}
		last := bs[len(bs)-1]
		gap := loosen(bs, f.Y+f.H-(last.Y+last.H), f)
		shift := 0.0
		for k, extra := range spread(bs, gap, f, true) {
			shift += extra
			bs[k].Y += shift
		}
	}
}

// loosener is a block that may be set looser to fill a page: a table,
// its rows padded more. Text is not: its leading is the page's grid, and
// poppler reads lines further apart than 1.5 times their size as blocks
// of their own (see theme's TestTypeForPoppler), nor are figures, which
// grow by grower.
type loosener interface {
	looser(t float64) Block // set looser by share t, 0 to 1, of its room
}

// loosen sets the looseners of a page (bs, which it changes) looser when
// justify would leave it with a blank band over orderHole of the frame
// all the same (its joints cannot take what is left at its foot: a
// table alone on its page, the next section's head too tall to follow
// it), as little as brings the tallest blank to holeShare of the frame,
// at most as loose as they go; it returns the gap left at the foot.
func loosen(bs []Placed, gap float64, f Frame) float64 {
	loose := false
	for _, b := range bs {
		_, ok := b.Block.(loosener)
		loose = loose || ok
	}
	if !loose || gap <= 0 || blank(bs, gap, f, true) <= orderHole*f.H {
		return gap
	}
	set := func(t float64) ([]Placed, float64) {
		out := slices.Clone(bs)
		shift := 0.0
		for k := range out {
			out[k].Y += shift
			if l, ok := out[k].Block.(loosener); ok {
				b := l.looser(t)
				h := b.Measure(out[k].W)
				shift += h - out[k].H
				out[k].Block, out[k].H = b, h
			}
		}
		return out, gap - shift
	}
	// the least share that fills the page, else the most that fits
	full := func(t float64) bool {
		out, g := set(t)
		return g < 0 || blank(out, g, f, true) <= holeShare*f.H
	}
	lo, hi := 0.0, 1.0
	if !full(hi) {
		lo = hi
	}
	for hi-lo > 1e-3 {
		if mid := (lo + hi) / 2; full(mid) {
			hi = mid
		} else {
			lo = mid
		}
	}
	t := hi
	if _, g := set(t); g < 0 {
		t = lo
	}
	if out, g := set(t); g >= 0 && blank(out, g, f, true) > holeShare*f.H {
		// the page stays blank: rather, of the shares in quarters that
		// fit, one that leaves less (a text whose quote stands lower
		// opens a blank of its own, see opened), the looser on a tie
		least := blank(out, g, f, true)
		for q := 4; q >= 0; q-- {
			out, g := set(float64(q) / 4)
			if b := blank(out, g, f, true); g >= 0 && b < least-1e-6 {
				least, t = b, float64(q)/4
			}
		}
	}
	out, g := set(t)
	copy(bs, out)
	return g
}

// opens reports whether what follows a section's head at q[0] lets the
// section begin in the room h below the head: when all its stat cards fit
// and its text (or a table kept whole set before it) follows them, the
// cards and the text's first lines, or the table (a head and its cards
// at a page's foot, the text overleaf, read as stranded there); else what
// keepsWithNext asks of the block after the head. When strict, the text's
// first lines are headLines in every column they use, or the text is
// whole and what follows it in its section begins there too (see thin).
func opens(q []Block, w, h float64, strict bool) bool {
	j := 1
	for j < len(q) && statCards(q[j]) {
		h -= q[j].Measure(w)
		j++
	}
	if j == 1 || j == len(q) || h < -1e-6 {
		return true // no cards, or they do not all fit: the head's own keep decides
	}
	if keptWhole(q[j]) {
		return q[j].Measure(w) <= h+1e-6 // a table set before the text (see hoisted)
	}
	fw, text := q[j].(*Flow)
	if !text {
		return true
	}
	if m := fw.Measure(w); m <= h+1e-6 {
		return !strict || !fw.thin(w) || begins(q[j+1:], w, h-m)
	}
	first, _ := fw.Split(w, h)
	return first != nil && !(strict && first.(*Flow).thin(w))
}

// leads reports whether a section's head (q[0]) set above room h leads
// enough of its section there: headLines lines of text (text, a
// timeline's entries, a table's rows) or its first figure or table
// whole. When strict, a text's first part holds headLines lines in every
// column it uses, and a text set whole whose columns hold fewer (see
// thin) leads only when what follows it in its section begins there too.
// A section that opens with stat cards is led by them (opens decides). A
// head over a line or two, what follows overleaf, reads as stranded; so
// does, less, a head over two lines in each of three columns (thin).
func leads(q []Block, w, h float64, strict bool) bool {
	n := 0
	for i, b := range q[1:] {
		if n >= headLines {
			return true
		}
		switch b.(type) {
		case Space, *sectionHead:
			return true // the section ends here
		}
		if statCards(b) {
			return true // its stat cards lead it (see opens)
		}
		head, tail := b.Split(w, h)
		if head == nil {
			_, table := b.(*tableBlock)
			_, timeline := b.(*timelineBlock)
			_, text := b.(*Flow)
			// what goes overleaf: its text, its first figure or table
			// (another block, a quote, keeps as it keeps)
			return !text && !table && !timeline && !isFigure(b)
		}
		switch b := head.(type) {
		case *Flow:
			if strict && b.thin(w) {
				// its text ends here, whole, with fewer lines in a column:
				// what follows in its section begins here too, or this
				// is no place to begin it
				return tail == nil && begins(q[i+2:], w, h-head.Measure(w))
			}
			n += lines(b.across(w).layout(w).us)
		case *timelineBlock:
			if tail == nil {
				return true
			}
			n += b.to - b.from
		case *tableBlock:
			return true // a table splits with minRows rows at least
		default:
			if tail == nil && isFigure(head) {
				return true
			}
			n += headLines // another block: its keep is its own
		}
		if tail != nil {
			return n >= headLines
		}
		h -= head.Measure(w)
	}
	return true // the brochure ends here
}

// begins reports whether what follows a section's text in rest (the
// queue after it) lets the text end a page in room h below it: the
// section ends there, or its next block begins there (a figure whole, a
// block's first part), so that the text does not end the page alone,
// the section going on overleaf.
func begins(rest []Block, w, h float64) bool {
	b := sectionNext(rest)
	switch {
	case b == nil:
		return true
	case isFigure(b):
		a := 0.0
		if r, ok := b.(*Row); ok {
			a = r.After // a row at the page's foot has no space below (see fillPage)
		}
		return b.Measure(w)-a <= h+1e-6
	}
	head, _ := b.Split(w, h)
	return head != nil
}

// headLines is how many lines of its section a head keeps with at a
// page's foot, in every column its text uses there, unless the section's
// first figure or table follows whole.
const headLines = 3

// cardsAlone reports whether queue opens with stat cards that no figure
// of their section follows: cards that would stand alone at the head of a
// page, away from their section.
func cardsAlone(queue []Block) bool {
	i := 0
	for i < len(queue) {
		if _, ok := queue[i].(Space); !ok {
			break
		}
		i++
	}
	if i == len(queue) || !statCards(queue[i]) {
		return false
	}
	for i < len(queue) && statCards(queue[i]) {
		i++
	}
	return i == len(queue) || !isFigure(queue[i])
}

// statCards reports whether b is a row of stat cards or a band of them.
func statCards(b Block) bool {
	if c, ok := b.(continued); ok {
		b = c.Block
	}
	if p, ok := b.(*Panel); ok && len(p.Blocks) > 0 {
		for _, r := range p.Blocks {
			if !cards(r) {
				return false
			}
		}
		return true
	}
	return cards(b)
}

// signature is the brochure's byline when it does not close the last
// section's text (see Flow.Trailer) but stands under what follows it:
// figures, a table, a timeline. It closes the brochure, so it waits with
// the figures that wait for the next page and is set after them.
type signature struct{ *Paragraph }

// sectionNext is the first block of queue, what follows a section's
// text, that is of the section (not space, nor the brochure's byline,
// which waits with the figures), nil when the section ends there.
func sectionNext(queue []Block) Block {
	for _, b := range queue {
		switch b.(type) {
		case Space, signature:
			continue
		case *sectionHead:
			return nil
		}
		return b
	}
	return nil
}

// reminded reports whether b carries its section's reminder: a row of
// figures, or stat cards set after their text (see continued).
func reminded(b Block) bool {
	k, ok := b.(kickered)
	return ok && k.kicker() != nil
}

// isFigure reports whether b is a row of figures (which carries a kicker;
// stat cards set after their text carry one too, but are not figures).
func isFigure(b Block) bool {
	k, ok := b.(kickered)
	return ok && k.kicker() != nil && !statCards(b)
}
