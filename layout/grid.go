package layout

import (
	"cmp"
	"math"
	"slices"
)

// Figures on a page of three text columns (a landscape page) stand on
// the columns, as the text does: each takes one, two or the three
// columns, as its content needs (see gridSpan), and the figures of a
// section are set in rows that fill the three (see gridRows), one of
// them standing in the text (the flow's float, one column wide) when the
// rows then fill better. Halves of the width would stand a figure's edge
// in the middle of a column of the text above or below it.

// gridCols is the number of text columns whose page sets its figures on
// them.
const gridCols = 3

// spanWidth is the width of s of n columns of a grid w wide.
func spanWidth(s, n int, w, gutter float64) float64 {
	cw := (w - gutter*float64(n-1)) / float64(n)
	return float64(s)*cw + float64(s-1)*gutter
}

// gridSpan is how many of the grid's columns figure b takes, w wide: the
// least it reads in and the most it gains from. A chart takes the fewest
// columns in which its items are not crowded, and gains columns while
// its height changes by a fifth (a plot that grows taller, as columns
// and lines; labels that take fewer lines, as a bar chart's rows; not a
// pie); a portrait or square photo one column, a landscape photo up to
// two when it stays sharp there. (The poster look, which sets every
// chart the full width of two columns, sets them on this grid too: the
// full width of a landscape page made a line chart of seven years some
// 770 pt wide and 300 tall, and left pages of a chart or two.)
func gridSpan(b Block, w, gutter float64) (least, most int) {
	sw := func(s int) float64 { return spanWidth(s, gridCols, w, gutter) }
	switch f := b.(type) {
	case *chartBlock:
		least = gridCols
		for s := 1; s < gridCols; s++ {
			if !f.style.Crowded(f.chart, sw(s)) {
				least = s
				break
			}
		}
		most = least
		for s := least + 1; s <= gridCols; s++ {
			if stripChart(f) || grows(f.style, f.chart, sw(s), sw(most)) || grows(f.style, f.chart, sw(most), sw(s)) {
				most = s
			}
		}
		return least, most
	case *photoBlock:
		if f.ratio != 0 || f.natural > landscape {
			return 1, 1
		}
		if f.px > 0 && photoDPI(f.px, f.py, sw(2), sw(2)*f.natural) < dpiWarn {
			return 1, 1
		}
		return 1, 2
	}
	return 1, 1
}

// gridRows sets figs, the figures of a section, in rows on the grid of
// three columns w wide: in their order, each row filling the three
// columns, a figure given more columns (up to its most) where the next
// does not fit beside it; at most two figures to a row, the wider first
// (but where that would read two charts or two photos out of order).
// (Poppler's pdftotext reads a block wholly left of a column of text
// before it, unless a block below the text and above that block overlaps
// both: a figure over the first two columns, its title's box stretched
// over what stands below it, overlaps the text's second column, and the
// figure beside it in the third, its title's box stretched left over the
// first figure's labels, the third; three figures of one column each
// leave the labels of the first read between the first and second
// columns of the text above them, inside a paragraph that runs on.)
//
// When float, one figure of one column may stand in the text instead
// (the flow's float; tall is the tallest a chart there may be; room is
// the height of the text in the columns beside it, under which a taller
// figure leaves them blank).
//
// Of the ways, the one whose figures keep the report's order of each kind
// (a photo read after the photos listed before it, a chart after the
// charts; the figure in the text read before the rows; the report says nothing of a photo's place
// among the charts), then the one that leaves the fewest columns of its
// rows empty, then the one whose figure in the text gains least from more
// columns, then the one whose rows leave the least blank (in blankUnit:
// empty columns, the room under a figure shorter than the one beside it,
// as a portrait photo beside a chart leaves, and beside a figure in the
// text under the text's end), then the one whose rows are the least tall
// (to ten points), then the one that moves the fewest figures out of
// their order. It returns the rows' figures and their spans, and the
// figure that stands in the text (nil when none).
func gridRows(figs []Block, w, gutter float64, float bool, tall, room float64) (rows [][]Block, spans [][]int, in Block) {
	n := len(figs)
	least, most := make([]int, n), make([]int, n)
	for i, b := range figs {
		least[i], most[i] = gridSpan(b, w, gutter)
	}
	best := [6]float64{-1}
	better := func(c [6]float64) bool {
		if best[0] < 0 {
			return true
		}
		for k := range c {
			if c[k] != best[k] {
				return c[k] < best[k]
			}
		}
		return false
	}
	try := func(order []int, out int) {
		var rs [][]int
		var ss [][]int
		empty, blank, height := 0, 0.0, 0.0
		var row, sp []int
		closeRow := func() {
			if len(row) == 0 {
				return
			}
			slack := gridCols
			for _, s := range sp {
				slack -= s
			}
			for k := 0; k < len(row) && slack > 0; k++ {
				g := min(slack, most[row[k]]-sp[k])
				sp[k] += g
				slack -= g
			}
			// the wider first (see gridRows)
			if len(row) == 2 && sp[1] > sp[0] && !sameKind(figs[row[0]], figs[row[1]]) {
				row[0], row[1], sp[0], sp[1] = row[1], row[0], sp[1], sp[0]
			}
			hs := make([]float64, len(row))
			h := 0.0
			for k, i := range row {
				hs[k] = figs[i].Measure(spanWidth(sp[k], gridCols, w, gutter))
				h = max(h, hs[k])
			}
			empty += slack
			height += h
			// the blank the row leaves: its empty columns, and under
			// each figure shorter than the row
			blank += float64(slack) * spanWidth(1, gridCols, w, gutter) * h
			for k := range row {
				blank += (h - hs[k]) * spanWidth(sp[k], gridCols, w, gutter)
			}
			rs, ss = append(rs, row), append(ss, sp)
			row, sp = nil, nil
		}
		used := 0
		for _, i := range order {
			if used+least[i] > gridCols || len(row) == 2 {
				closeRow()
				used = 0
			}
			row, sp = append(row, i), append(sp, least[i])
			used += least[i]
		}
		closeRow()
		moved, mixed := 0, 0
		for a := range order {
			for b := a + 1; b < len(order); b++ {
				if order[a] > order[b] {
					moved++
				}
			}
		}
		var read []int // the figures as read: the one in the text, then the rows' row by row
		if out >= 0 {
			read = append(read, out)
		}
		for _, r := range rs {
			read = append(read, r...)
		}
		for a := range read {
			for b := a + 1; b < len(read); b++ {
				if read[a] > read[b] && sameKind(figs[read[a]], figs[read[b]]) {
					mixed++
				}
			}
		}
		wasted := 0 // a figure in the text that would gain from more columns
		if out >= 0 {
			wasted = most[out] - 1
			// the columns of text beside it end above its foot
			h := figs[out].Measure(spanWidth(1, gridCols, w, gutter))
			blank += max(0, h-room) * spanWidth(gridCols-1, gridCols, w, gutter)
		}
		if c := [6]float64{float64(mixed), float64(empty), float64(wasted), math.Round(blank / blankUnit), math.Round(height / 10), float64(moved)}; better(c) {
			best = c
			rows, spans, in = nil, nil, nil
			if out >= 0 {
				in = figs[out]
			}
			for k, r := range rs {
				var cells []Block
				for _, i := range r {
					cells = append(cells, figs[i])
				}
				rows, spans = append(rows, cells), append(spans, ss[k])
			}
		}
	}
	for out := -1; out < n; out++ {
		if out >= 0 && (!float || least[out] != 1) {
			continue
		}
		if out >= 0 {
			if _, chart := figs[out].(*chartBlock); chart && figs[out].Measure(spanWidth(1, gridCols, w, gutter)) > tall {
				continue // too tall to stand in the text
			}
		}
		var rest []int
		for i := range n {
			if i != out {
				rest = append(rest, i)
			}
		}
		if len(rest) > maxPermute {
			try(rest, out)
			continue
		}
		permute(rest, 0, func(order []int) { try(order, out) })
	}
	return rows, spans, in
}

// sameKind reports whether figures a and b are both charts or both
// photos, whose order the report gives.
func sameKind(a, b Block) bool {
	_, ca := a.(*chartBlock)
	_, cb := b.(*chartBlock)
	return ca == cb
}

// blankUnit is the blank area, pt², below which two ways to set a
// section's figures count as leaving as much: a column a line deep.
const blankUnit = 3000

// maxPermute is the most figures of a section whose orders gridRows
// tries; more are set in their order.
const maxPermute = 6

// permute calls fn with every order of xs[k:] after xs[:k], the order
// given first (xs is permuted in place and restored).
func permute(xs []int, k int, fn func([]int)) {
	if k >= len(xs)-1 {
		fn(xs)
		return
	}
	for i := k; i < len(xs); i++ {
		xs[k], xs[i] = xs[i], xs[k]
		permute(xs, k+1, fn)
		xs[k], xs[i] = xs[i], xs[k]
	}
}

// regrid is rejoin on the grid of three columns: the queue after row r,
// the figure of a section's text (Flow.Float) that goes on alone (a
// landscape photo takes two of the three columns, the third left
// empty), and rest. When rows of its section's figures on the grid
// follow, it joins them and they are set on the grid again (see
// gridRows), the figures in the report's order, charts then photos, as
// the section gave them: so that it stands beside another figure, or a
// chart takes the full width (one alone in a row, though it gains
// nothing there: it is wider, no taller), rather than a column of a row
// left empty. A full-width row ends the rows joined.
func regrid(r *Row, rest []Block, w float64) []Block {
	var cells []Block
	n := 0
	var like *Row // the rows' gutter and space below
	for n < len(rest) {
		next, ok := rest[n].(*Row)
		if !ok || next.Kicker != r.Kicker || next.Columns != gridCols || next.Spans == nil {
			break
		}
		cells, like = append(cells, next.Cells...), next
		n++
	}
	if n == 0 {
		return append([]Block{r}, rest...)
	}
	cells = append(cells, r.Cells[0])
	return append(onGrid(cells, like, w), rest[n:]...)
}

// onGrid is figures cells of one section set in rows on the grid (see
// gridRows) like row like (its gutter, space below and reminder), in the
// report's order, charts then photos, as the section gave them; a chart
// alone in a row takes the full width (though it gains nothing there: it
// is wider, no taller) rather than leave a column empty beside it.
func onGrid(cells []Block, like *Row, w float64) []Block {
	rank := func(b Block) (photo bool, index int) {
		refs := figureRefs(b)
		if len(refs) != 1 {
			return true, math.MaxInt
		}
		return refs[0].list == "photos", refs[0].index
	}
	slices.SortStableFunc(cells, func(a, b Block) int {
		pa, ia := rank(a)
		pb, ib := rank(b)
		if pa != pb {
			if pa {
				return 1
			}
			return -1
		}
		return cmp.Compare(ia, ib)
	})
	rows, spans, _ := gridRows(cells, w, like.Gutter, false, 0, 0)
	var q []Block
	for j, cs := range rows {
		row := &Row{Cells: cs, Columns: gridCols, Spans: spans[j], Gutter: like.Gutter, After: like.After, Kicker: like.Kicker}
		if _, chart := cs[0].(*chartBlock); len(cs) == 1 && (spans[j][0] == gridCols || chart) {
			// the full width: a chart alone takes it rather than
			// leave a column empty beside it
			row.Columns, row.Spans = 1, nil
		}
		q = append(q, row)
	}
	return q
}

// stacked is queue and floats (see fillPage) with the next photo of a
// section on three columns set under the photo its text ends with
// (Flow.Float, at the foot of its last column), the two one above the
// other there, and the section's rows of figures that follow set on the
// grid again without it (see onGrid): a way for a page whose text ends
// short of its foot, balanced beside its photo, the section's rows of
// figures too tall to follow it (the fire services review, newspaper
// look, page 4: columns of 26 rows of 32, 19 % blank at the foot, its
// charts and second photo filling page 5). placed is how many blocks of
// queue the page sets; ok is false when there is no such text and photo.
func stacked(queue, floats []Block, placed int, w float64) (q, fl []Block, ok bool) {
	at := -1
	for i, b := range queue[:min(placed, len(queue))] {
		if fw, ok := b.(*Flow); ok && fw.cols() == gridCols && fw.Kicker != nil {
			if _, photo := fw.Float.(*photoBlock); photo {
				at = i
				break
			}
		}
	}
	if at < 0 {
		return nil, nil, false
	}
	fw := queue[at].(*Flow)
	// the section's rows of figures on the grid that follow the text:
	// waiting for this page, or after the text in the queue
	q, fl = slices.Clone(queue), slices.Clone(floats)
	for k, list := range [][]Block{fl, q[at+1:]} {
		start := slices.IndexFunc(list, func(b Block) bool { return gridRow(b, fw.Kicker) })
		if start < 0 {
			continue
		}
		end := start
		for end < len(list) && gridRow(list[end], fw.Kicker) {
			end++
		}
		var cells []Block
		var photo Block
		for _, b := range list[start:end] {
			for _, c := range b.(*Row).Cells {
				if _, ok := c.(*photoBlock); ok && photo == nil {
					photo = c
					continue
				}
				cells = append(cells, c)
			}
		}
		if photo == nil {
			return nil, nil, false
		}
		g := *fw
		g.Float, g.one = &Stack{Blocks: []Block{fw.Float, Space(fw.FloatGap), photo}}, nil
		q[at] = &g
		var rows []Block
		if len(cells) > 0 {
			rows = onGrid(cells, list[start].(*Row), w)
		}
		rest := slices.Concat(rows, list[end:])
		if k == 0 {
			fl = slices.Concat(fl[:start], rest)
		} else {
			q = slices.Concat(q[:at+1+start], rest)
		}
		return q, fl, true
	}
	return nil, nil, false
}

// gridRow reports whether b is a row of figures on the grid of three
// columns (not the full width) under reminder kicker.
func gridRow(b Block, kicker Block) bool {
	r, ok := b.(*Row)
	return ok && r.Kicker == kicker && r.Columns == gridCols && r.Spans != nil
}
