package layout

import "math"

// Flow is a section's text set as one text through columns, the way a
// newspaper sets an article: all its paragraphs (and the byline that closes
// it) run down the first column, then the second, and on to the next
// page's columns. On the section's last page the columns are balanced.
//
// Every line sits on the body's grid (Leading apart, aligned across the
// columns); paragraphs are one blank line apart. A column never starts or
// ends with a single line of a paragraph (widows and orphans), and the
// byline never leaves the paragraph it closes.
type Flow struct {
	Paras   [][]Span // the paragraphs' text
	Setting Setting  // how each paragraph is set (justified, indented)
	Trailer []Span   // the byline, set flush right under the last line; optional
	Columns int
	Gutter  float64
	Leading float64 // baseline to baseline, pt: the row height
	After   float64 // space below, pt

	units  []unit  // the rows, set at width
	width  float64 // the width units were set at
	frozen bool    // a part of a split flow: its units and rows are final
	rows   int     // the rows of a split part (its columns are full); 0: balance
}

// unit is one row of a flow: a line, or the blank row between paragraphs.
type unit struct {
	line    Line
	gap     bool
	para    int  // the paragraph it belongs to
	idx, of int  // the line's index in its paragraph, and how many it has
	trailer bool // the byline
}

func (f *Flow) cols() int { return max(1, f.Columns) }

// colWidth is the width of one column when the flow is w wide.
func (f *Flow) colWidth(w float64) float64 {
	n := float64(f.cols())
	return (w - f.Gutter*(n-1)) / n
}

// set breaks the paragraphs at the column width (once per width).
func (f *Flow) set(w float64) []unit {
	if f.frozen || (f.units != nil && f.width == w) {
		return f.units
	}
	cw := f.colWidth(w)
	var us []unit
	for i, p := range f.Paras {
		lines := Break(p, cw, f.Setting)
		if len(lines) == 0 {
			continue
		}
		if len(us) > 0 {
			us = append(us, unit{gap: true, para: i})
		}
		for k, l := range lines {
			us = append(us, unit{line: l, para: i, idx: k, of: len(lines)})
		}
	}
	if f.Trailer != nil {
		for _, l := range Break(f.Trailer, cw, Setting{Align: Right}) {
			us = append(us, unit{line: l, para: len(f.Paras), trailer: true, of: 1})
		}
	}
	f.units, f.width = us, w
	return us
}

// breakable reports whether a column may end after us[:e] with us[e:]
// going on in the next column.
func breakable(us []unit, e int) bool {
	if e <= 0 || e >= len(us) {
		return true
	}
	a, b := us[e-1], us[e]
	switch {
	case b.trailer:
		return false // the byline stays with the last lines
	case a.gap || b.gap || a.trailer:
		return true
	case a.para != b.para:
		return true
	}
	// inside a paragraph: two lines at least on each side
	return b.idx >= 2 && b.of-b.idx >= 2
}

// fill puts us into columns of at most rows rows each, from the first
// column on, and returns where each column starts and ends and how many
// units were placed. A column does not start with a blank row.
func fill(us []unit, rows, cols int) (spans [][2]int, n int) {
	pos := 0
	for c := 0; c < cols; c++ {
		for pos < len(us) && us[pos].gap {
			pos++
		}
		end := min(len(us), pos+rows)
		for end > pos && !breakable(us, end) {
			end--
		}
		e := end
		for e > pos && us[e-1].gap {
			e--
		}
		spans = append(spans, [2]int{pos, e})
		pos = end
	}
	for pos < len(us) && us[pos].gap {
		pos++
	}
	return spans, pos
}

// arrange returns the flow's columns at width w: balanced (the fewest rows
// that hold everything), or for a split part the rows it was cut to.
func (f *Flow) arrange(w float64) (spans [][2]int, rows int) {
	us := f.set(w)
	if len(us) == 0 {
		return nil, 0
	}
	if f.rows > 0 {
		spans, _ = fill(us, f.rows, f.cols())
		return spans, f.rows
	}
	for r := (len(us) + f.cols() - 1) / f.cols(); ; r++ {
		if spans, n := fill(us, r, f.cols()); n == len(us) {
			used := 0
			for _, s := range spans {
				used = max(used, s[1]-s[0])
			}
			return spans, used
		}
	}
}

// Measure implements Block.
func (f *Flow) Measure(w float64) float64 {
	_, rows := f.arrange(w)
	if rows == 0 {
		return 0
	}
	return float64(rows)*f.Leading + f.After
}

// Split implements Block: the columns are filled to the height h, the
// first column first; what does not fit goes on in the tail. At least two
// rows of text must fit, else the flow moves whole.
func (f *Flow) Split(w, h float64) (Block, Block) {
	if f.Measure(w) <= h+1e-6 {
		return f, nil
	}
	us := f.set(w)
	rows := int(math.Floor((h + 1e-6) / f.Leading))
	if rows < 2 {
		return nil, f
	}
	spans, n := fill(us, rows, f.cols())
	if n >= len(us) {
		// everything fits but not the space below: the space goes
		a := *f
		a.After = 0
		return &a, nil
	}
	if len(spans) == 0 || spans[0][1]-spans[0][0] < 2 {
		return nil, f
	}
	a, b := *f, *f
	a.units, a.frozen, a.rows, a.After = us[:n:n], true, rows, 0
	b.units, b.frozen, b.rows = us[n:], true, 0
	return &a, &b
}

// Draw implements Block.
func (f *Flow) Draw(c *Canvas, x, y, w float64) error {
	f.each(x, y, w, c.TextLine)
	return nil
}

// each calls fn with every line of the flow, in reading order, and where
// its left edge and baseline go when the flow's top-left corner is at
// (x, y).
func (f *Flow) each(x, y, w float64, fn func(l Line, x, baseline float64)) {
	us := f.set(w)
	spans, _ := f.arrange(w)
	cw := f.colWidth(w)
	for c, s := range spans {
		for r, u := range us[s[0]:s[1]] {
			if u.gap {
				continue
			}
			fn(u.line, x+float64(c)*(cw+f.Gutter), y+float64(r)*f.Leading+baseline(u.line.Size, f.Leading))
		}
	}
}
