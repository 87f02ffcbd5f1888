package layout

import "math"

// Flow is a section's text set as one text through columns, the way a
// newspaper sets an article: all its paragraphs (and the byline that closes
// it) run down the first column, then the second, and on to the next
// page's columns. On the section's last page the columns are balanced.
//
// Every line sits on the body's grid (Leading apart, aligned across the
// columns). Paragraphs are marked by their first-line indent, as Chinese
// newspapers set them, or by a blank line when there is no indent. (No
// space between indented paragraphs also keeps a column's lines together
// for text extractors: poppler takes lines more than 1.5 × the type size
// apart for separate blocks, and blocks side by side for a table, which it
// reads across the columns.) A column never starts or ends with a single
// line of a paragraph (widows and orphans), and the byline never leaves
// the paragraph it closes.
//
// A figure may stand in the flow (Float): one column wide at the foot of
// the last column, of the section's last page with the text balanced
// beside and above it, or of the page the text leaves when it fits there
// and not on the last; when it fits on neither it follows the text as a
// row of its own (with Kicker above it if it opens a page).
type Flow struct {
	Paras   [][]Span // the paragraphs' text
	Setting Setting  // how each paragraph is set (justified, indented)
	Trailer []Span   // the byline, set flush right under the last line; optional
	Columns int
	Gutter  float64
	Leading float64 // baseline to baseline, pt: the row height
	After   float64 // space below, pt
	Float   Block   // a figure at the foot of the last column; optional
	Kicker  Block   // set above Float when it is carried to a page alone

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
		if len(us) > 0 && f.Setting.Indent == 0 {
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

// fill puts us into columns of at most caps[c] rows each, from the first
// column on, and returns where each column starts and ends and how many
// units were placed. A column does not start with a blank row.
func fill(us []unit, caps []int) (spans [][2]int, n int) {
	pos := 0
	for _, rows := range caps {
		for pos < len(us) && us[pos].gap {
			pos++
		}
		end := min(len(us), pos+max(rows, 0))
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

// caps is rows rows in each of the flow's columns, less fr in the last.
func (f *Flow) caps(rows, fr int) []int {
	c := make([]int, f.cols())
	for i := range c {
		c[i] = rows
	}
	c[len(c)-1] -= fr
	return c
}

// floatRows is how many rows the float takes at width w (0 without one).
func (f *Flow) floatRows(w float64) int {
	if f.Float == nil {
		return 0
	}
	return int(math.Ceil((f.Float.Measure(f.colWidth(w)) - 1e-6) / f.Leading))
}

// arrange returns the flow's columns at width w: balanced (the fewest rows
// that hold everything, the float included), or for a split part the rows
// it was cut to.
func (f *Flow) arrange(w float64) (spans [][2]int, rows int) {
	us := f.set(w)
	fr := f.floatRows(w)
	if len(us) == 0 && fr == 0 {
		return nil, 0
	}
	if f.rows > 0 {
		spans, _ = fill(us, f.caps(f.rows, fr))
		return spans, f.rows
	}
	for r := max((len(us)+fr+f.cols()-1)/f.cols(), fr); ; r++ {
		if spans, n := fill(us, f.caps(r, fr)); n == len(us) {
			if fr > 0 {
				return spans, r
			}
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
	if fr := f.floatRows(w); fr > 0 && fr+2 <= rows {
		// the figure stands at the foot of this page's last column, the
		// text above and beside it; the rest of the text goes on
		if spans, n := fill(us, f.caps(rows, fr)); n < len(us) && spans[0][1]-spans[0][0] >= 2 {
			a, b := *f, *f
			a.units, a.frozen, a.rows, a.After = us[:n:n], true, rows, 0
			b.units, b.frozen, b.rows, b.Float = us[n:], true, 0, nil
			return &a, &b
		}
	}
	spans, n := fill(us, f.caps(rows, 0))
	if n >= len(us) {
		// the text fits, but not the float or the space below
		a := *f
		a.After, a.Float = 0, nil
		if f.Float == nil {
			return &a, nil
		}
		if a.Measure(w) > h+1e-6 {
			return nil, f
		}
		return &a, &Row{Cells: []Block{f.Float}, Columns: f.cols(), Gutter: f.Gutter, After: f.After, Kicker: f.Kicker}
	}
	if len(spans) == 0 || spans[0][1]-spans[0][0] < 2 {
		return nil, f
	}
	a, b := *f, *f
	a.units, a.frozen, a.rows, a.After, a.Float = us[:n:n], true, rows, 0, nil
	b.units, b.frozen, b.rows = us[n:], true, 0
	return &a, &b
}

// Draw implements Block.
func (f *Flow) Draw(c *Canvas, x, y, w float64) error {
	f.each(x, y, w, c.TextLine)
	if f.Float != nil {
		fx, fy, cw := f.floatAt(x, y, w)
		return f.Float.Draw(c, fx, fy, cw)
	}
	return nil
}

// floatAt is where the float goes: the foot of the last column.
func (f *Flow) floatAt(x, y, w float64) (fx, fy, cw float64) {
	_, rows := f.arrange(w)
	cw = f.colWidth(w)
	fh := f.Float.Measure(cw)
	return x + float64(f.cols()-1)*(cw+f.Gutter), y + float64(rows)*f.Leading - fh, cw
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
