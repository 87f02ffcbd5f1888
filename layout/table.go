package layout

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/brochure-dev/brochure/charts"
	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/internal/structure"
	"github.com/brochure-dev/brochure/locale"
	"github.com/brochure-dev/brochure/number"
)

// A table of figures, set the way a newspaper's data page sets one: a
// bold title, a heavy rule over the column names (their units small
// under them), a hairline under them, the rows, a heavy rule under the
// last. Figures stand right-aligned on their decimal point, so that the
// units, tens and tenths of a column are under each other; text wraps in
// its column with the body's line breaker. A long table splits between
// rows and repeats its title (continued) and its column names on the next
// page. A column of changes that says which way is better (better:
// lower) marks each figure ▲ or ▼ in the colour of good or bad news.

// TableStyle is how tables look: the weights of the rules, the fill of
// every other row, the sizes. The theme chooses it (tableStyle).
type TableStyle struct {
	Size, HeadSize float64 // cell text and column names, pt
	Leading        float64 // baseline to baseline inside a cell, as a share of Size
	Pad            float64 // above and below a row's text, pt
	Gap            float64 // between columns, pt
	// Top, Head and Bottom are the weights of the rules over the column
	// names, under them and under the table (pt); Between is a hairline
	// between rows (0: none).
	Top, Head, Bottom, Between float64
	Edge                       string // the colour of the top and bottom rules
	Line                       string // the colour of the other rules
	Zebra                      string // the fill of every other row; "" none
	Numbered                   bool   // titles numbered through the document: 表1, Table 1
}

// tableStyle is the look's table: its rules (top, under the column names,
// bottom) and cell size; alternate rows on a light grey band when the look
// asks for them (Zebra), else a hairline between rows. The top and bottom
// rules are in the brand colour.
func (th Theme) tableStyle() TableStyle {
	t := th.Table
	st := TableStyle{Size: t.Cell, HeadSize: t.Cell - 0.5, Leading: 1.4, Pad: 4, Gap: 12,
		Top: t.Rules[0], Head: t.Rules[1], Bottom: t.Rules[2], Edge: th.Primary, Line: th.Ink}
	if st.Size <= 0 {
		st.Size, st.HeadSize = 8.5, 7.5
	}
	if t.Zebra {
		st.Zebra = mix("#B0B0B0", 0.15)
	} else {
		st.Between = 0.3
	}
	return st
}

// minTableSize is the smallest a table's type steps down to, pt, when its
// columns do not fit the width.
const minTableSize = 6.0

// tableBlock is a table, or the part of one that a page holds.
type tableBlock struct {
	table    data.Table
	theme    Theme
	style    TableStyle
	numeric  []bool
	total    []string // the total row's cells; nil: none
	number   int      // its number in the document, from 1
	from, to int      // the rows of this part
	cont     bool     // a part after the first: its title says so
	set      *tableSet
	tags     *tableTags // its elements in the structure tree (nil: untagged)
	// columns are the text columns of the page, its left edge on the
	// first's, when the table is set columnsW wide (the type area's
	// width): see offGutters. The zero value: none.
	columns  charts.Columns
	columnsW float64
}

// tableSet is a table set at one width: shared by its parts, so that
// their columns line up from page to page.
type tableSet struct {
	w, pad float64   // the width and the rows' padding it was set at
	x, cw  []float64 // each column's left edge and width
	int    []float64 // a figure column's widest part before the decimal point
	frac   []float64 // and from it on
	most   []float64 // a bar column's largest figure
	title  []Line
	head   [][]Line // each column's name and unit lines
	headH  float64
	rows   [][]tableCell
	rowH   []float64
	totals []tableCell
	totalH float64
	note   []Line
}

// tableCell is one cell, set: its lines, and for a figure the width of
// its part before the decimal point.
type tableCell struct {
	lines  []Line
	figure bool
	int    float64
	arrow  int    // +1 ▲, -1 ▼, 0 none
	color  string // of a marked figure and its arrow
}

// table is table j of section i.
func (d *Document) table(i, j int, t data.Table) Block {
	number := j + 1
	for _, s := range d.Report.Sections[:i] {
		number += len(s.Tables)
	}
	b := &tableBlock{table: t, theme: d.Theme, style: d.Theme.tableStyle(), numeric: t.Numeric(), number: number, to: len(t.Rows)}
	if d.geo.Columns > 1 {
		b.columns = charts.Columns{Width: spanWidth(1, d.geo.Columns, d.geo.contentW(), d.geo.Gutter), Gap: d.geo.Gutter}
		b.columnsW = d.geo.contentW()
	}
	if t.Total {
		b.total = t.Totals(d.Theme.Locale.Labels.Total)
	}
	b.table.Rows, b.total = grouped(t, b.numeric, b.total, d.Theme.Locale.Tag, d.Theme.Locale.Group)
	return b
}

// grouped are the table's rows and total row with the figures of its
// summed columns (quantities: not rates, not years or codes, which a
// column says with sum: false) separated by thousands as every figure
// of the report is (number.Rule), alike down the column: a Taiwan
// report's 合計 prints 1,046 as its headline does, not 1046. A figure
// written with a sign or a leading zero stays as written.
func grouped(t data.Table, numeric []bool, total []string, lang string, group number.Grouping) ([][]string, []string) {
	rows := make([][]string, len(t.Rows))
	for i, r := range t.Rows {
		rows[i] = slices.Clone(r)
	}
	total = slices.Clone(total)
	for j, c := range t.Columns {
		if j == 0 || j >= len(numeric) || !numeric[j] || !c.Summed() {
			continue
		}
		var cells []*string
		for i := range rows {
			if j < len(rows[i]) {
				cells = append(cells, &rows[i][j])
			}
		}
		if j < len(total) {
			cells = append(cells, &total[j])
		}
		var plain []string
		for _, p := range cells {
			if s := strings.TrimSpace(*p); plainFigure(s) {
				plain = append(plain, s)
			}
		}
		f := number.Format{Decimals: -1, Lang: lang, Group: group}.Alike(plain...)
		for _, p := range cells {
			if s := strings.TrimSpace(*p); plainFigure(s) {
				*p = f.Text(s)
			}
		}
	}
	return rows, total
}

// plainFigure reports whether s is a figure written without sign,
// separators or leading zero (1046, 3.5), which grouped may group.
func plainFigure(s string) bool {
	if s == "" || s[0] < '0' || s[0] > '9' || len(s) > 1 && s[0] == '0' && s[1] != '.' {
		return false
	}
	return strings.Trim(s, "0123456789.") == "" && strings.Count(s, ".") <= 1
}

func (b *tableBlock) lead() float64 { return b.style.Size * b.style.Leading }

// line sets s on one line.
func (b *tableBlock) line(s string, f *fonts.Face, size float64, color string) Line {
	ls := Break([]Span{b.theme.span(s, f, size, color)}, 1e6, Setting{Align: Left})
	if len(ls) == 0 {
		return Line{Size: size}
	}
	return ls[0]
}

// splitFigure returns a figure's part before its decimal point (or its % sign).
func splitFigure(s string) string {
	if k := strings.IndexAny(s, ".%‰"); k >= 0 {
		return s[:k]
	}
	return s
}

// arrowRoom is the width a ▲ or ▼ takes before a figure.
func (b *tableBlock) arrowRoom() float64 { return b.style.Size*0.55 + 3 }

// layout sets the table at width w (once per width).
func (b *tableBlock) layout(w float64) *tableSet {
	if b.set != nil && b.set.w == w && b.set.pad == b.style.Pad {
		return b.set
	}
	th, st, t := b.theme, b.style, b.table
	n := len(t.Columns)
	s := &tableSet{w: w, pad: st.Pad, x: make([]float64, n), cw: make([]float64, n), int: make([]float64, n), frac: make([]float64, n), most: make([]float64, n)}
	// the cells, unbroken, for the columns' natural widths
	figure := func(j int, text string, face *fonts.Face) tableCell {
		text = strings.TrimSpace(text)
		c := tableCell{figure: true, color: th.Ink}
		if v, ok := data.Figure(text); ok && t.Columns[j].Better != "" && v != 0 {
			c.arrow = 1
			if v < 0 {
				c.arrow = -1
			}
			good := (v < 0) == (t.Columns[j].Better == "lower")
			c.color = th.Bad
			if good {
				c.color = th.Good
			}
		}
		c.lines = []Line{b.line(text, face, st.Size, c.color)}
		if _, ok := data.Figure(text); ok {
			c.int = face.Width(splitFigure(text), st.Size)
		} else {
			c.int = c.lines[0].Natural // a dash: right-aligned on the point
		}
		return c
	}
	natural := make([]float64, n) // widest cell unbroken
	least := make([]float64, n)   // narrowest the column may be
	cells := make([][]tableCell, len(t.Rows))
	measureFig := func(j int, c tableCell) {
		s.int[j] = max(s.int[j], c.int)
		s.frac[j] = max(s.frac[j], c.lines[0].Natural-c.int)
	}
	for i, row := range t.Rows {
		cells[i] = make([]tableCell, n)
		for j := range n {
			text := ""
			if j < len(row) {
				text = row[j]
			}
			if b.numeric[j] {
				cells[i][j] = figure(j, text, th.Regular)
				measureFig(j, cells[i][j])
				if v, ok := data.Figure(text); ok && t.Columns[j].Bar {
					s.most[j] = max(s.most[j], v)
				}
				continue
			}
			l := b.line(text, th.Regular, st.Size, th.Ink)
			natural[j] = max(natural[j], l.Natural)
		}
	}
	var totals []tableCell
	if b.total != nil {
		totals = make([]tableCell, n)
		for j, text := range b.total {
			if b.numeric[j] && j > 0 {
				totals[j] = figure(j, text, th.Bold)
				totals[j].arrow, totals[j].color = 0, th.Ink
				totals[j].lines = []Line{b.line(strings.TrimSpace(text), th.Bold, st.Size, th.Ink)}
				measureFig(j, totals[j])
				continue
			}
			natural[j] = max(natural[j], th.Bold.Width(text, st.Size)+2)
		}
	}
	for j, c := range t.Columns {
		name, unit := b.head(j)
		hw := max(b.line(name, th.Bold, st.HeadSize, th.Ink).Natural, b.line(unitText(th, unit), th.Regular, st.HeadSize, th.Muted).Natural)
		if b.numeric[j] {
			natural[j] = s.int[j] + s.frac[j]
			if c.Better != "" {
				natural[j] += b.arrowRoom()
			}
			if c.Bar {
				natural[j] += barMin + barGap
			}
			// figures never wrap; a column name wraps, between words, or
			// down to four characters a line
			least[j] = max(natural[j], unbroken(name, th.Bold, st.HeadSize), unbroken(unitText(th, unit), th.Regular, st.HeadSize))
			natural[j] = max(least[j], hw)
			continue
		}
		natural[j] = max(natural[j], hw)
		least[j] = max(unbroken(name, th.Bold, st.HeadSize), unbroken(unitText(th, unit), th.Regular, st.HeadSize))
		for _, row := range t.Rows {
			if j < len(row) {
				least[j] = max(least[j], unbroken(row[j], th.Regular, st.Size))
			}
		}
		least[j] = min(natural[j], least[j])
	}
	// widths: each column its natural width and an equal share of what
	// is left; when they do not fit, the widest columns of text give up
	// width first (down to their least)
	room := w - st.Gap*float64(max(n-1, 0))
	sum := 0.0
	for _, x := range natural {
		sum += x
	}
	copy(s.cw, natural)
	if sum <= room {
		extra := (room - sum) / float64(max(n, 1))
		for j := range s.cw {
			s.cw[j] += extra
		}
	} else {
		// the widest columns of text give up width first: each is held
		// to a cap (never under its least), the cap as high as fits
		fixed := func(cap float64) float64 {
			total := 0.0
			for j := range n {
				if b.numeric[j] {
					total += natural[j]
				} else {
					total += max(least[j], min(natural[j], cap))
				}
			}
			return total
		}
		lo, hi := 0.0, w
		for range 40 {
			if mid := (lo + hi) / 2; fixed(mid) > room {
				hi = mid
			} else {
				lo = mid
			}
		}
		for j := range n {
			if !b.numeric[j] {
				s.cw[j] = max(least[j], min(natural[j], lo))
			}
		}
		if total := fixed(lo); total > room {
			// still too wide (many columns of figures): the type steps
			// down, to 6 pt at least, and the table is set again
			if st.Size > minTableSize {
				k := max(room/total, minTableSize/st.Size)
				b.style.Size, b.style.HeadSize, b.style.Gap = st.Size*k, max(st.HeadSize*k, min(st.HeadSize, minTableSize)), st.Gap*k
				return b.layout(w)
			}
			for j := range s.cw { // at the smallest: every column in proportion
				s.cw[j] *= room / total
			}
		}
	}
	if b.columns.Width > 0 && math.Abs(w-b.columnsW) < 0.5 {
		b.offGutters(s, cells, totals, natural)
	}
	x := 0.0
	for j := range n {
		s.x[j] = x
		x += s.cw[j] + st.Gap
	}
	// the cells of text, broken at their column's width
	wrap := func(text string, face *fonts.Face, size, cw float64, color string) []Line {
		return Break([]Span{th.span(strings.TrimSpace(text), face, size, color)}, cw, Setting{Align: Left, TrimStart: true})
	}
	lead := b.lead()
	for i, row := range t.Rows {
		lines := 1
		for j := range n {
			if !b.numeric[j] {
				text := ""
				if j < len(row) {
					text = row[j]
				}
				cells[i][j] = tableCell{lines: wrap(text, th.Regular, st.Size, s.cw[j], th.Ink)}
			}
			lines = max(lines, len(cells[i][j].lines))
		}
		s.rowH = append(s.rowH, float64(lines)*lead+2*st.Pad)
	}
	s.rows = cells
	if totals != nil {
		for j := range n {
			if totals[j].lines == nil {
				totals[j] = tableCell{lines: wrap(b.total[j], th.Bold, st.Size, s.cw[j], th.Ink)}
			}
		}
		s.totals = totals
		s.totalH = lead + 2*st.Pad
	}
	hl := st.HeadSize * 1.35
	for j := range t.Columns {
		name, unit := b.head(j)
		ls := wrap(name, th.Bold, st.HeadSize, s.cw[j], th.Ink)
		if unit != "" {
			ls = append(ls, wrap(unitText(th, unit), th.Regular, st.HeadSize, s.cw[j], th.Muted)...)
		}
		s.head = append(s.head, ls)
		s.headH = max(s.headH, float64(len(ls))*hl+2*st.Pad)
	}
	if t.Title != "" {
		s.title = b.titleLines(w, "")
	}
	if t.Note != "" {
		s.note = Break([]Span{th.span(t.Note, th.Regular, th.Scale.Folio, th.Muted)}, w, Setting{Align: Left})
	}
	b.set = s
	return s
}

// offGutters moves the edges between the columns of s (their widths
// set, each at least its natural width or as squeezed) so that no text of
// the table begins inside a gutter of the page's text columns: a
// figure's or a column name's start, right-aligned, or a column of
// text's left edge. Poppler's pdftotext stretches the box of each block
// of a column of text over what stands below it, up to the next column's
// edge (see charts.Columns): a text below that begins inside a gutter
// stretches the next column's box left into it, over the box of the
// column before when another ends there beyond that start — a column of
// figures right-aligned inside the gutter does both — and poppler then
// reads the next column's text before the blocks of the column before
// that start lower (xingang-transport's page 5, newspaper: column 2's
// list read before column 1's subheading 易肇事路口改善 and its text, over
// a table whose 2024 column ended in the gutter). Each edge moves the
// least that clears every start it moves, taking the width from the
// columns beside it, down to their natural width; an edge that no such
// move clears stays.
func (b *tableBlock) offGutters(s *tableSet, cells [][]tableCell, totals []tableCell, natural []float64) {
	th, st := b.theme, b.style
	n := len(s.cw)
	left := func(j int) float64 { // column j's left edge
		x := 0.0
		for k := range j {
			x += s.cw[k] + st.Gap
		}
		return x
	}
	in := func(x float64) bool {
		// half a point to spare at the gutter's left: poppler takes a
		// text beginning at the column's edge for one beginning past
		// the column's last glyph when rounding puts it there
		_, _, ok := b.columns.Gutter(x)
		_, _, near := b.columns.Gutter(x + 0.5)
		return ok || near
	}
	// starts reports whether, the edge after column k moved by d, a text
	// it moves begins inside a gutter
	starts := func(k int, d float64) bool {
		if !b.numeric[k+1] && in(left(k+1)+d) {
			return true
		}
		if !b.numeric[k] {
			return false
		}
		right := left(k) + s.cw[k] + d
		point := right - s.frac[k]
		for _, row := range append(slices.Clone(cells), totals) {
			if k < len(row) && row[k].figure && len(row[k].lines) > 0 && in(point-row[k].int) {
				return true
			}
		}
		name, unit := b.head(k)
		wrap := func(text string, face *fonts.Face) []Line { // as layout wraps the column's name and unit
			return Break([]Span{th.span(strings.TrimSpace(text), face, st.HeadSize, th.Ink)}, s.cw[k]+d, Setting{Align: Left, TrimStart: true})
		}
		for _, l := range slices.Concat(wrap(name, th.Bold), wrap(unitText(th, unit), th.Regular)) {
			x := right - l.Natural
			if strings.HasSuffix(l.Text(), "）") {
				x += l.Size / 2 // as Draw sets it
			}
			if l.Natural > 0 && in(x) {
				return true
			}
		}
		return false
	}
	for k := 0; k+1 < n; k++ {
		if !starts(k, 0) {
			continue
		}
		lo, hi := min(0, natural[k]-s.cw[k]), max(0, s.cw[k+1]-natural[k+1])
		for step := 0.25; step <= max(-lo, hi); step += 0.25 {
			if d := -step; d >= lo && !starts(k, d) {
				s.cw[k], s.cw[k+1] = s.cw[k]+d, s.cw[k+1]-d
				break
			}
			if d := step; d <= hi && !starts(k, d) {
				s.cw[k], s.cw[k+1] = s.cw[k]+d, s.cw[k+1]-d
				break
			}
		}
	}
}

// titleLines sets the table's title (its number before it, when the
// style numbers tables), with more after it: （续） on a part after the
// first.
func (b *tableBlock) titleLines(w float64, more string) []Line {
	th := b.theme
	var spans []Span
	if b.style.Numbered {
		label := fmt.Sprintf(th.Locale.Labels.Table, b.number)
		spans = append(spans, th.span(label, th.Bold, 9.5, th.Primary))
	}
	spans = append(spans, th.span(b.table.Title+more, th.Bold, 9.5, th.Ink))
	return Break(spans, w, Setting{Align: Left, TrimStart: true})
}

// head is column j's name and unit as its head prints them: the unit
// given, or the one in brackets at the end of the name of a column of
// figures; in a column of text the brackets are part of the name (区（县）,
// Site (planned)), which has no unit to print apart.
func (b *tableBlock) head(j int) (name, unit string) {
	c := b.table.Columns[j]
	if !b.numeric[j] && strings.TrimSpace(c.Unit) == "" {
		return strings.TrimSpace(c.Name), ""
	}
	return c.Head()
}

// unitText is a unit as the column's head shows it: in brackets.
func unitText(th Theme, unit string) string {
	if unit == "" {
		return ""
	}
	if th.Locale.English() || th.Locale.Tag == "ko" {
		return "(" + unit + ")"
	}
	return "（" + unit + "）"
}

const (
	tableTitleLead = 9.5 * 1.35
	tableTitleGap  = 6.0
	tableNoteGap   = 5.0
	tableAfter     = 16.0
)

func (b *tableBlock) titleH(s *tableSet) float64 {
	if len(s.title) == 0 {
		return 0
	}
	return float64(len(s.title))*tableTitleLead + tableTitleGap
}

func (b *tableBlock) last() bool { return b.to == len(b.table.Rows) }

// tailH is what closes the table, under its last row: the total row, the
// bottom rule, the note and the space after.
func (b *tableBlock) tailH(s *tableSet) float64 {
	h := b.style.Bottom + tableAfter
	if b.last() {
		h += s.totalH
		if len(s.note) > 0 {
			h += tableNoteGap + float64(len(s.note))*b.theme.Scale.Folio*1.4
		}
	}
	return h
}

// Measure implements Block.
func (b *tableBlock) Measure(w float64) float64 {
	s := b.layout(w)
	h := b.titleH(s) + b.style.Top + s.headH + b.style.Head + b.tailH(s)
	for _, rh := range s.rowH[b.from:b.to] {
		h += rh
	}
	return h
}

// Split implements Block: between rows, keeping at least minRows rows (or
// all of a short table) at the foot of the page and on the next. A
// table (or its last part) that fits with its rows set closer (half their
// padding) is set so, rather than split or moved. A table of up to
// wholeRows rows is not split: it moves whole, the text around it filling
// the page (see split for one taller than a page).
func (b *tableBlock) Split(w, h float64) (Block, Block) {
	if b.whole() {
		if b.Measure(w) <= h+1e-6 {
			return b, nil
		}
		if tight := b.tight(); tight != nil && tight.Measure(w) <= h+1e-6 {
			return tight, nil
		}
		return nil, b
	}
	return b.split(w, h)
}

// split is Split without the keep of a short table: what a table of a
// few rows too tall for a page does (see unkept).
func (b *tableBlock) split(w, h float64) (Block, Block) {
	if b.Measure(w) <= h+1e-6 {
		return b, nil
	}
	if tight := b.tight(); tight != nil && tight.Measure(w) <= h+1e-6 {
		return tight, nil
	}
	s := b.layout(w)
	n := b.to - b.from
	if n < 2*minRows {
		return nil, b
	}
	head := *b
	head.to = b.from
	for head.to < b.to-minRows && head.Measure(w)+s.rowH[head.to] <= h+1e-6 {
		head.to++
	}
	if head.to-b.from < minRows {
		return nil, b
	}
	tail := *b
	tail.from, tail.cont = head.to, true
	return &head, &tail
}

// unkept implements unkeeper: on a page of its own a short table splits
// as a long one does.
func (b *tableBlock) unkept(w, h float64) (Block, Block) { return b.split(w, h) }

// whole implements unkeeper: a table of up to wholeRows rows, not yet
// parted, is kept whole.
func (b *tableBlock) whole() bool { return b.to-b.from <= wholeRows && !b.cont }

// minRows is the fewest rows of a table that a page holds when the table
// splits, on each side: three rows and the total under "（续）" read as
// leftovers, not as a table.
const minRows = 4

// wholeRows is the most rows of a table that is kept whole: one so short
// parted reads as two scraps (a table of 9 rows split 6 + 3).
const wholeRows = 12

// tight is the table with its rows set closer, or nil when they are.
func (b *tableBlock) tight() *tableBlock {
	if b.style.Pad <= tightPad {
		return nil
	}
	t := *b
	t.style.Pad, t.set = tightPad, nil
	return &t
}

// tightPad is a row's padding when a table is set closer to fit a page.
const tightPad = 2.0

// looser is the table with its rows' padding grown by share t (0 to 1)
// of loosestPad's room over the look's: what justify sets on a page that
// would end blank (see loosen).
func (b *tableBlock) looser(t float64) Block {
	l := *b
	l.style.Pad, l.set = b.style.Pad*(1+t*(loosestPad-1)), nil
	return &l
}

// loosestPad is the most a table's rows are padded, as a share of the
// look's padding, on a page that would end blank: twice, rows of 8.5 pt
// figures some 8 pt taller, still read as rows of one table (a table
// alone on its page, a designer sets it so rather than leave a third
// of the page blank under it).
const loosestPad = 2.0

// Draw implements Block. Each row is drawn after the one above it, and
// each cell's text with one call after the cell to its left, so that the
// text reads row by row, each cell in its element of the structure tree
// (see tableTags; rules, zebra and bars are artifacts).
func (b *tableBlock) Draw(c *Canvas, x, y, w float64) error {
	s := b.layout(w)
	th, st := b.theme, b.style
	lead := b.lead()
	if len(s.title) > 0 {
		title := s.title
		if b.cont {
			title = b.titleLines(w, th.Locale.Labels.Continued)
		}
		var caption *structure.Elem // a continued title is an artifact
		if !b.cont && b.tags != nil {
			caption = b.tags.caption
		}
		c.Begin(caption)
		for k, l := range title {
			c.TextLine(l, x, y+baseline(9.5, tableTitleLead)+float64(k)*tableTitleLead)
		}
		c.End()
		y += b.titleH(s)
	}
	c.FillRect(x, y, w, st.Top, st.Edge)
	y += st.Top
	// the column names, standing on the rule under them
	hl := st.HeadSize * 1.35
	for j, ls := range s.head {
		var head *structure.Elem // repeated on a later page: an artifact
		if b.from == 0 && b.tags != nil {
			head = b.tags.head[j]
		}
		c.Begin(head)
		top := y + s.headH - st.Pad - float64(len(ls))*hl
		for k, l := range ls {
			lx := x + s.x[j]
			if b.numeric[j] {
				lx += s.cw[j] - l.Natural
				if strings.HasSuffix(l.Text(), "）") {
					lx += l.Size / 2 // the bracket's blank half stands out of the column
				}
			}
			c.TextLine(l, lx, top+float64(k)*hl+baseline(l.Size, hl))
		}
		c.End()
	}
	y += s.headH
	c.FillRect(x, y, w, st.Head, st.Line)
	y += st.Head
	for i := b.from; i < b.to; i++ {
		rh := s.rowH[i]
		if st.Zebra != "" && (i-b.from)%2 == 1 {
			c.FillRect(x, y, w, rh, st.Zebra)
		}
		if st.Between > 0 && i > b.from {
			c.FillRect(x, y, w, st.Between, th.Rule)
		}
		b.drawRow(c, s, i, s.rows[i], x, y+st.Pad, lead, false)
		y += rh
	}
	if b.last() && s.totals != nil {
		c.FillRect(x, y, w, st.Head, st.Line)
		b.drawRow(c, s, len(b.table.Rows), s.totals, x, y+st.Pad, lead, true)
		y += s.totalH
	}
	c.FillRect(x, y, w, st.Bottom, st.Edge)
	y += st.Bottom
	if b.last() && len(s.note) > 0 {
		y += tableNoteGap
		var note *structure.Elem
		if b.tags != nil {
			note = b.tags.note
		}
		c.Begin(note)
		for _, l := range s.note {
			c.TextLine(l, x, y+baseline(th.Scale.Folio, th.Scale.Folio*1.4))
			y += th.Scale.Folio * 1.4
		}
		c.End()
	}
	return nil
}

// Bars beside figures: the shortest room a bar column gives them, the
// space between a bar and its figure, a bar's thickness (pt).
const (
	barMin   = 50.0
	barGap   = 6.0
	barThick = 5.0
)

// drawRow draws row i's cells, left to right, their text's top at y;
// total says it is the total row (no bars). Bars and arrows are
// artifacts: the figure beside them says what they show.
func (b *tableBlock) drawRow(c *Canvas, s *tableSet, i int, row []tableCell, x, y, lead float64, total bool) {
	for j, cell := range row {
		c.Begin(b.tags.cell(i, j))
		b.drawCell(c, s, j, cell, x, y, lead, total)
		c.End()
	}
}

// drawCell draws one cell of a row (see drawRow).
func (b *tableBlock) drawCell(c *Canvas, s *tableSet, j int, cell tableCell, x, y, lead float64, total bool) {
	cx := x + s.x[j]
	if b.table.Columns[j].Bar && !total && s.most[j] > 0 && len(cell.lines) > 0 {
		// the bar, from the column's left edge; the largest in the
		// primary colour, the others grey
		if v, ok := data.Figure(cell.lines[0].Text()); ok && v > 0 {
			room := s.cw[j] - s.int[j] - s.frac[j] - barGap
			col := mix(b.theme.Muted, 0.45)
			if v == s.most[j] {
				col = b.theme.Primary
			}
			c.Begin(nil)
			c.FillRect(cx, y+lead/2-barThick/2, room*v/s.most[j], barThick, col)
			c.End()
		}
	}
	if cell.figure {
		// right-aligned on the decimal point
		point := cx + s.cw[j] - s.frac[j]
		l := cell.lines[0]
		lx := point - cell.int
		base := y + baseline(b.style.Size, lead)
		if cell.arrow != 0 {
			size := b.style.Size * 0.55
			c.Begin(nil)
			c.Triangle(lx-size-3, base-size-b.style.Size*0.04, size, cell.arrow > 0, cell.color)
			c.End()
		}
		c.TextLine(l, lx, base)
		return
	}
	for k, l := range cell.lines {
		c.TextLine(l, cx, y+float64(k)*lead+baseline(b.style.Size, lead))
	}
}

// tableTexts calls fn with what layout prints in section i's tables and
// timeline besides the report's own text: the total rows (their label in
// the report's language, and the sums), and the timeline's dates.
func tableTexts(r *data.Report, i int, s data.Section, fn func(printedText)) {
	var th Theme
	th.Locale = locale.Must(r.Language)
	if len(s.Tables) > 0 {
		fn(printedText{path: fmt.Sprintf("sections[%d].tables", i), s: "表　Table. 0123456789" + strings.ReplaceAll(th.Locale.Labels.Table, "%d", "")}) // a numbered title's label
	}
	for j, t := range s.Tables {
		if t.Total {
			fn(printedText{path: fmt.Sprintf("sections[%d].tables[%d].total", i, j), s: strings.Join(t.Totals(th.Locale.Labels.Total), " ")})
		}
	}
	for j, e := range s.Timeline {
		t, _ := e.Time()
		fn(printedText{path: fmt.Sprintf("sections[%d].timeline[%d].date", i, j), s: th.Locale.MonthOnly(t) + th.Locale.DayOnly(t) + fmt.Sprint(t.Year())})
	}
}

// unbroken is the width of the longest part of s that a line may not
// break: a word of Latin letters or figures; a run of Han characters may
// break anywhere, so it counts up to four characters.
func unbroken(s string, f *fonts.Face, size float64) float64 {
	widest := 0.0
	for _, word := range strings.Fields(s) {
		if strings.ContainsFunc(word, isCJK) {
			widest = max(widest, min(f.Width(word, size), 4*size))
			continue
		}
		widest = max(widest, f.Width(word, size))
	}
	return widest
}
