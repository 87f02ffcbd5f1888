package layout

import "slices"

// remnantShare is the share of the frame under which a last page holds a
// remnant: a few lines of a text, perhaps a figure, that a designer would
// pull back onto the page before rather than end the brochure on a page
// that looks like an accident. Measured by the blocks' boxes (see used),
// which take the last block's space below and its last line's room under
// the glyphs too, 0.4 is about a third of the page in ink.
const remnantShare = 0.4

// remnantBack is how many pages before the last pullBack sets again.
const remnantBack = 2

// remnantShares are the shares of their height the figures of the pages
// set again may be set at (see tightened), the least cut first: a chart's
// plot or a photo's frame, down to what setPage's shorter rows allow.
var remnantShares = []float64{0.9, 0.8, 0.75}

// used is the share of the frame f that page p's blocks take, from the
// frame's top to the foot of its lowest block (the closing space of its
// last section too, the trailer's room left out: the QR code stands at
// the page's foot however little is above it), before justify spreads
// them.
func used(p Page, f Frame) float64 {
	foot := f.Y
	for _, b := range p.Blocks {
		if _, ok := b.Block.(Trailer); ok {
			continue
		}
		foot = max(foot, b.Y+b.H)
	}
	return (foot - f.Y) / f.H
}

// pullBack is the pages set (from blocks), or, when the last holds a
// remnant (less than remnantShare of the frame), the pages set again
// from one of the remnantBack pages before it with their figures
// tightened — the text's figure (the float it carries its last lines
// with to the next page), a row of figures, set shorter so that the
// remnant fits above the foot — or, failing that, with a section's chart
// set beside its stat cards (see besideCards), when that takes fewer
// pages and costs the pages before the last no more faults (see fault: a
// blank band, a section begun before figures of the one before, a head
// stranded), the least tightening first, the fewest pages set again
// first; else the last two pages spread (see spreadLast).
func pullBack(set []filled, blocks []Block, f Frame) []filled {
	last := len(set) - 1
	if last < 1 || used(set[last].Page, f) >= remnantShare {
		return set
	}
	for back := 1; back <= min(remnantBack, last); back++ {
		i := last - back
		queue, floats := blocks, []Block(nil)
		if i > 0 {
			queue, floats = set[i-1].queue, set[i-1].floats
		}
		was := faults(set[i:], f)
		tries := make([][2][]Block, 0, len(remnantShares)+1)
		for _, m := range remnantShares {
			tries = append(tries, [2][]Block{tightened(queue, m, f.W), tightened(floats, m, f.W)})
		}
		tries = append(tries, [2][]Block{besideCards(queue, f.W), floats})
		for _, t := range tries {
			again, err := run(t[0], t[1], f, set[i].Number)
			if err != nil || len(again) > back || faults(again, f) > was+1e-9 {
				continue
			}
			return append(set[:i:i], again...)
		}
	}
	return spreadLast(set, blocks, f)
}

// grownEnd is last page p with its figures set taller (see grower, up
// to growShare: a row's photos, a text's figure in its last column, a
// photo of the part that goes on too, no section following it) into the
// room above the trailer, and whether it then holds remnantShare of the
// frame: a designer spreading the last two pages ends the brochure on
// its last photo set larger rather than on a stub of lines beside a
// small one (see spreadLast).
func grownEnd(p filled, f Frame) (filled, bool) {
	foot := f.Y
	for _, b := range p.Blocks {
		foot = max(foot, b.Y+b.H)
	}
	p.hole = f.Y + f.H - foot
	g := grown(p, f)
	g = growing(g, func(b Block) bool {
		fl, ok := b.(*Flow)
		return ok && fl.Float != nil
	}, func(b Block, w, h float64) Block { return b.(*Flow).tallerEnd(w, h) })
	g.hole = 0
	return g, used(g.Page, f) >= remnantShare
}

// spreadStep is how much shorter, as a share of the frame, each try of
// spreadLast sets the page before the last than the one before it.
const spreadStep = 0.02

// spreadLast is the pages set (from blocks), or, when the last holds a
// remnant that pullBack could not pull back, the last two set again with
// the page before the last set shorter — its frame cut by what the
// remnant lacks, then by spreadStep more at a time, up to remnantShare of
// the frame, the least cut that does first — so that the end of its
// content (a text's last lines, a timeline's last entries, a table's last
// rows, a short last section) goes on and the last page holds
// remnantShare of the frame: the content of the two spread, as a
// designer spreads it, rather than end on a stub. The page before keeps
// the room it leaves at its foot (its rows of figures set taller into it,
// see grown; justify spreads the rest over its joints and sets its tables
// looser), so it is judged as justify will set it (see settled): a way
// only when the two cost no more faults than they did (no section begun
// before figures of the one before, no head stranded) and the page before
// has no blank band over orderHole, even where it had one (a band traded
// for a smaller one is still a hole the reader sees), and never one that
// sends a figure of the page on (it would open the last page alone,
// grown, rather than the content's end). The cuts are tried three times
// (see spreadCut): as they are; with the last page's figures grown into
// the room above the trailer (see grownEnd); and with the page before
// beginning a section over first lines thin (see Flow.thin).
func spreadLast(set []filled, blocks []Block, f Frame) []filled {
	last := len(set) - 1
	i := last - 1
	if i < 0 {
		return set
	}
	queue, floats := blocks, []Block(nil)
	if i > 0 {
		queue, floats = set[i-1].queue, set[i-1].floats
	}
	was := faults(set[i:], f)
	need := (remnantShare - used(set[last].Page, f)) * f.H
	for _, way := range []struct{ grow, thinOK bool }{{false, false}, {true, false}, {false, true}} {
		if p, rest, ok := spreadCut(set[i], queue, floats, f, need, was, way.grow, way.thinOK); ok {
			return append(set[:i:i], p, rest)
		}
	}
	return set
}

// spreadCut is spreadLast's page before the last (old as it was set) and
// the last, set from queue and floats with the first cut of the frame,
// from need on, that spreads them (was: the faults of the two as they
// were); one whose page before begins a section over first lines thin
// (see Flow.thin) that old did not only when thinOK: a section begun
// two lines a column at the page's foot is a fault pullBack's hardFault
// does not weigh, taken only when no cut spreads the two without it,
// not even one whose last page holds remnantShare only with its figures
// grown (grow, see grownEnd).
func spreadCut(old filled, queue, floats []Block, f Frame, need, was float64, grow, thinOK bool) (filled, filled, bool) {
	for cut := need; cut <= remnantShare*f.H; cut += spreadStep * f.H {
		g := f
		g.H -= cut
		p, _, err := choose(queue, floats, g, old.Number, lookahead)
		if err != nil || unsettled(old, p) || p.thin && !old.thin && !thinOK {
			continue
		}
		p.hole += cut
		if t := grown(p, f); t.hole < p.hole-1 {
			p = t
		}
		rest, err := run(p.queue, p.floats, f, old.Number+1)
		if err == nil && len(rest) == 1 && grow && used(rest[0].Page, f) < remnantShare {
			if g, ok := grownEnd(rest[0], f); ok {
				rest[0] = g
			}
		}
		if err != nil || len(rest) != 1 || used(rest[0].Page, f) < remnantShare {
			continue
		}
		if c, b := settled(p, f); b > orderHole*f.H || c+hardFault(rest[0], f) > was+1e-9 {
			continue
		}
		return p, rest[0], true
	}
	return filled{}, filled{}, false
}

// faults is the sum of the faults of pages ps (see fault).
func faults(ps []filled, f Frame) float64 {
	c := 0.0
	for _, p := range ps {
		c += hardFault(p, f)
	}
	return c
}

// tightened is queue with its figures set at share m of their height
// where they allow it (see their Split): each row of figures, and the
// figure a section's text carries in its last column (Float).
func tightened(queue []Block, m, w float64) []Block {
	q := shorter(queue, len(queue), m, w)
	for i, b := range q {
		fw, ok := b.(*Flow)
		if !ok || fw.Float == nil {
			continue
		}
		cw := fw.floatWidth(w)
		if head, tail := fw.Float.Split(cw, m*fw.Float.Measure(cw)); head != nil && tail == nil {
			g := *fw
			g.Float, g.one = head, nil
			q[i] = &g
		}
	}
	return q
}

// settled is the fault of page p (not the last) as justify will set it,
// but for its blank, and that blank band, pt: its tables set looser where
// its joints cannot take the blank at its foot (see loosen), the rest
// spread evenly over its joints, so that it is judged by the blank band
// it will have.
func settled(p filled, f Frame) (float64, float64) {
	bs := slices.Clone(p.Blocks)
	gap := loosen(bs, p.hole, f)
	p.Blocks, p.hole = bs, 0
	return hardFault(p, f), blank(bs, gap, f, true)
}

// unsettled reports whether page p, set in place of old to spread the
// last pages, sends on what old set in its place rather than the end of
// its content: a figure old set in a text (it would stand alone at the
// last page's head, set the full width), a section's stat cards set
// after its text (see cardsAfter: poppler reads the text's first lines
// into the headline above them), or all the text of a section whose head
// it sets (see textless).
func unsettled(old, p filled) bool {
	if textless(p) {
		return true
	}
	in := map[figureRef]bool{}
	for _, b := range old.Blocks {
		if fw, ok := b.Block.(*Flow); ok && fw.Float != nil {
			for _, r := range figureRefs(fw.Float) {
				in[r] = true
			}
		}
	}
	for _, b := range slices.Concat(p.floats, p.queue) {
		if _, ok := b.(continued); ok {
			return true
		}
		for _, r := range figureRefs(b) {
			if in[r] {
				return true
			}
		}
	}
	for _, b := range p.Blocks {
		if _, ok := b.Block.(continued); ok {
			return true
		}
	}
	return false
}

// textless reports whether page p sets the head of a section but none of
// its text, which goes on whole to the next page: the head stands over
// its cards and figures (a figure moved above the text, see hoisted), its
// text away from it overleaf.
func textless(p filled) bool {
	head := false
	for _, b := range p.Blocks {
		switch b.Block.(type) {
		case *sectionHead:
			head = true
		case *Flow:
			head = false
		}
	}
	if !head {
		return false
	}
	for _, b := range p.queue {
		switch b.(type) {
		case Space:
		case *Flow:
			return true
		default:
			return false
		}
	}
	return false
}

// besideShare is how much taller than its stat cards a figure set beside
// them may be (see besideCards): about as tall, so that no band opens
// under the cards.
const besideShare = 4.0 / 3

// besideCards is queue with each section's first figure, a chart, set in
// the room its row of stat cards leaves at its right (the columns no card
// takes, half the row or more) rather than with its text: the figure a
// text carries in its last column (Float), or the row of one chart that
// follows the text. A designer sets a chart so to pull a remnant back:
// the text then runs in its columns whole, the chart as tall as the cards
// beside them, no room of its own. Only a chart its room does not crowd
// (see narrows) and no more than besideShare as tall as the cards is
// moved; the cards keep their places (a column each).
func besideCards(queue []Block, w float64) []Block {
	var q []Block
	for i := 0; i < len(queue); i++ {
		r, ok := queue[i].(*Row)
		if !ok || !cards(r) || r.Spans != nil || 2*len(r.Cells) > r.Columns || i+1 == len(queue) {
			q = append(q, queue[i])
			continue
		}
		free := r.Columns - len(r.Cells)
		room, h := spanWidth(free, r.Columns, w, r.Gutter), r.Measure(w)-r.After
		fig, text, n := besideFigure(queue[i+1:])
		if fig == nil || !narrows(fig, room, w) || fig.Measure(room) > besideShare*h+1e-6 {
			q = append(q, queue[i])
			continue
		}
		b := *r
		b.Cells = append(slices.Clone(r.Cells), fig)
		b.Spans = slices.Repeat([]int{1}, len(b.Cells))
		b.Spans[len(r.Cells)] = free
		// the room under the chart's plot (see chartPad) falls in the
		// row's space below
		b.After -= min(chartPad, max(0, fig.Measure(room)-h))
		q = append(q, &b, text)
		i += n
	}
	return q
}

// besideFigure is the chart besideCards may set beside the stat cards
// over rest, which opens with their section's text: the text's Float, or
// the chart alone in the row that follows the text; with the text as it
// then stands and how many blocks of rest the two replace (nil, nil, 0
// when there is none).
func besideFigure(rest []Block) (*chartBlock, *Flow, int) {
	fw, ok := rest[0].(*Flow)
	if !ok {
		return nil, nil, 0
	}
	if fw.Float != nil {
		c, ok := fw.Float.(*chartBlock)
		if !ok {
			return nil, nil, 0
		}
		g := *fw
		g.Float, g.Kicker, g.one = nil, nil, nil
		return c, &g, 1
	}
	if len(rest) < 2 {
		return nil, nil, 0
	}
	if r, ok := rest[1].(*Row); ok && r.Kicker != nil && len(r.Cells) == 1 {
		if c, ok := r.Cells[0].(*chartBlock); ok {
			return c, fw, 2
		}
	}
	return nil, nil, 0
}
