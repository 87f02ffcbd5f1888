package layout

import (
	"math"
	"slices"

	"github.com/brochure-dev/brochure/internal/structure"
)

// Flow is a section's text set as one text through columns, the way a
// newspaper sets an article: all its paragraphs (and the byline that closes
// it) run down the first column, then the second, and on to the next
// page's columns. On the section's last page the columns are balanced.
//
// Every line sits on the body's grid (Leading apart, aligned across the
// columns), but where a blank row would stand level with one of the
// column before: the text below it goes half a row down (see unlevel).
// Paragraphs are marked by their first-line indent, as Chinese
// newspapers set them, or by a blank line when there is no indent. (No
// space between indented paragraphs also keeps a column's lines together
// for text extractors: poppler takes lines more than 1.5 × the type size
// apart for separate blocks, and blocks side by side for a table, which it
// reads across the columns.) A column never starts or ends with a single
// line of a paragraph (widows and orphans), and the byline never leaves
// the paragraph it closes.
//
// Besides paragraphs the text may hold (see Para) list items, hung from
// their bullet or number; subheadings, a blank row above them, which never
// end a column; and a pull quote, set larger between two rules over whole
// rows of the grid, which never breaks, and which the balance keeps from
// standing under the end of a paragraph carried to the top of a column
// (up to three rows longer columns; see tailOverQuote). When blank rows
// part the text, it keeps text from standing above the float in the same
// way (see textOverFloat), and it keeps every block of a column level with
// text of the next (see bare).
//
// A figure may stand in the flow (Float): one column wide at the foot of
// the last column (at its head when the column holds no text), of the section's last page with the text balanced
// beside and above it, or of the page the text leaves when it fits there
// and not on the last; when it fits on neither it follows the text as a
// row of its own (with Kicker above it if it opens a page). A photo that
// would leave a block of the first column beside it alone stands at the
// foot of the first column instead (see floatFirst).
type Flow struct {
	Paras   []Para  // the text
	Setting Setting // how each paragraph is set (justified, indented)
	Trailer []Span  // the byline, set flush right under the last line; optional
	Columns int
	Gutter  float64
	Leading float64 // baseline to baseline, pt: the row height
	After   float64 // space below, pt
	Float   Block   // a figure at the foot of the last column (or the first: see floatFirst), or two photos one above the other (see stacked); optional
	Kicker  Block   // set above Float when it is carried to a page alone
	// FloatGap is the space kept between the text and Float under it
	// (the space a figure has below it: the flow's After), none when
	// the float heads its column.
	FloatGap float64
	Mark     string // the colour of bullets and of a pull quote's rules
	// Parted says a row of photos follows whose captions poppler reads
	// between the columns (see captionsOffGrid), or on three columns a
	// row of figures that may stand over the text (see overText): the
	// balance then ends each column but the last at a paragraph's end
	// when a few rows more allow it (see partedRows).
	Parted bool
	// Sooner says such a row of photos follows after other rows of
	// figures, and stands under the text when they wait for the next
	// page: the balance then ends the first of two columns at a
	// paragraph's end when the second holds the rest in the same rows
	// (see sooner), which costs no height.
	Sooner bool
	// Tags are the paragraphs' elements in the structure tree (a P, a
	// list item's LBody, an H3, a BlockQuote), the byline's last; Labels
	// a numbered item's Lbl (see tag). nil draws the text as its block's.
	Tags, Labels []*structure.Elem

	lang  string                          // the document's language (see tag)
	links map[int]map[int]*structure.Elem // the Link element of each link in the text, by paragraph and number (shared by the parts of a split flow)

	quoteGap int // blank rows more above the pull quote (see looser)
	// quoteScale is the closing pull quote's size as a share of the
	// look's (0: as the look sets it), and quoteWide says it stands
	// across the columns under them (see looser)
	quoteScale float64
	quoteWide  bool
	wide       *pullQuote // the quote across the columns, set wideAt wide (see wideQuote)
	wideAt     float64

	units  []unit  // the rows, set at width
	width  float64 // the width units were set at
	frozen bool    // a part of a split flow: its units and rows are final
	rows   int     // the rows of a split part (its columns are full); 0: balance
	one    *Flow   // the flow set across the columns at oneAt (see across); nil: as it is
	oneAt  float64
}

// Kind is what a Para of a flow is.
type Kind uint8

const (
	// Plain is a paragraph.
	Plain Kind = iota
	// ListItem is an item of a list, hung from its bullet or number.
	ListItem
	// Subhead is a subheading.
	Subhead
	// PullQuote is a pull quote (see pullQuote).
	PullQuote
)

// Para is one block of a flow's text.
type Para struct {
	Spans []Span
	Kind  Kind
	Label []Span // a list item's number ("1."); nil: a bullet
	By    []Span // a pull quote's attribution
	Align Align  // a pull quote's: Justify (Chinese) or Left (English, whose large words would leave wide spaces)
}

// unit is one row of a flow: a line, the blank row between paragraphs, or
// a row taken by a pull quote.
type unit struct {
	line    Line
	gap     bool
	para    int  // the paragraph it belongs to
	idx, of int  // the line's index in its paragraph, and how many it has
	trailer bool // the byline
	kind    Kind

	dx     float64    // a list item's line: its indent from the column's edge
	label  *Line      // the first line of a numbered item: its number
	bullet bool       // the first line of a bulleted item
	keep   bool       // a subheading's line: the column goes on after it
	quote  *pullQuote // a pull quote, drawn over its rows from this one
	pad    bool       // a further row of the pull quote above
	links  []inline   // the links of its line
}

func (f *Flow) cols() int { return max(1, f.Columns) }

// across is the flow as it is set w wide: itself, or, when all its text
// would stand in the first column with the others empty beside it (a
// text of three lines or so, which widows and orphans keep together; the
// `brochure init` template's third section, in the report look), the
// text in one column the full width, its lines as long as the type
// area's, as a deck is set. A text with a figure in it stays: the figure
// stands beside it. Only two columns are joined: three (landscape pages)
// would make lines of some 80 characters, too long to read.
func (f *Flow) across(w float64) *Flow {
	if f.cols() != 2 || f.Float != nil || f.frozen {
		return f
	}
	if f.oneAt != w {
		f.oneAt, f.one = w, nil
		us := f.set(w)
		if spans, _, _ := f.balance(us, 0, 0); len(us) > 0 && spans[len(spans)-1][0] >= spans[len(spans)-1][1] {
			g := *f
			g.Columns, g.units, g.one, g.oneAt = 1, nil, nil, 0
			f.one = &g
		}
	}
	if f.one == nil {
		return f
	}
	// what the flow's owner may have set since (its elements, its space below)
	f.one.Tags, f.one.Labels, f.one.After, f.one.lang = f.Tags, f.Labels, f.After, f.lang
	return f.one
}

// looser implements loosener: a text that closes with a pull quote,
// the quote set apart from its lines by up to quoteRows blank rows more
// and up to quoteLarger times its size (share t of both), standing lower
// and larger, as a closing word stands at a page's foot in display type —
// what justify sets on a page whose joints cannot take what its foot
// leaves (a section too short to fill its page, the next one's head too
// tall to follow it: the hospital's director's letter, A5, the water
// utility's letter to its users). A text in columns sets its quote
// across them, under the balanced columns, as a pull quote closing a
// page stands the type area's width (in the last column it would stand
// beside an empty foot of the first: the columns, not the quote, would
// then decide how far the text goes down). The rows stay on the grid. A
// text beside a figure, or parted by a page, keeps its rows: its figure
// stands at its foot, or its columns are cut to a page.
func (f *Flow) looser(t float64) Block {
	n := int(math.Round(t * quoteRows))
	if n == 0 || f.Float != nil || f.frozen || f.rows > 0 || !f.closesWithQuote() {
		return f
	}
	g := *f
	g.quoteGap, g.units, g.width, g.one, g.oneAt = n, nil, 0, nil, 0
	g.quoteScale, g.quoteWide = 1+(quoteLarger-1)*t, f.cols() > 1
	return &g
}

// opening implements opened: the blank rows above the closing quote, a
// band as blank judges one between blocks (its rows, and the quote's rule
// and the last line's room under its glyphs).
func (f *Flow) opening() float64 {
	if f.quoteGap == 0 {
		return 0
	}
	return float64(1+f.quoteGap)*f.Leading + f.Leading/2
}

// quoteLarger is the most looser sets a closing pull quote larger than
// the look's size: half again, a display size (some 20 pt in the report
// look) that still reads as the section's quote, not as a headline.
const quoteLarger = 1.5

// quoteRows is the most blank rows looser sets above a closing pull
// quote, more than the one it has: four rows, some 60 pt on the report
// look's grid — further, the quote would read as a block of its own.
const quoteRows = 4

// closesWithQuote reports whether the text ends with a pull quote after
// some text.
func (f *Flow) closesWithQuote() bool {
	n := len(f.Paras)
	return n > 1 && f.Paras[n-1].Kind == PullQuote && f.Trailer == nil
}

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
	prev := Kind(0)
	label, widest := f.labels()
	for i, p := range f.Paras {
		if f.quoteWide && i == len(f.Paras)-1 {
			break // the closing quote stands under the columns (see wideQuote)
		}
		if len(us) > 0 && f.gapBefore(prev, p.Kind) {
			us = append(us, unit{gap: true, para: i})
			if p.Kind == PullQuote {
				for range f.quoteGap {
					us = append(us, unit{gap: true, para: i})
				}
			}
		}
		switch p.Kind {
		case PullQuote:
			q := f.quote(p, cw)
			rows := q.rows
			us = append(us, unit{para: i, of: 1, kind: p.Kind, quote: q})
			for range rows - 1 {
				us = append(us, unit{para: i, of: 1, kind: p.Kind, pad: true})
			}
		case ListItem:
			dx := hang(p, widest[i], cw)
			lines := Break(p.Spans, cw-dx, Setting{Align: Justify, TrimStart: true, Units: f.Setting.Units})
			links := findInlines(spansText(p.Spans), f.lang, lines)
			for k, l := range lines {
				u := unit{line: l, para: i, idx: k, of: len(lines), kind: p.Kind, dx: dx}
				if k == 0 {
					u.label = label[i]
				}
				u.bullet = k == 0 && p.Label == nil
				if k < len(links) {
					u.links = links[k]
				}
				us = append(us, u)
			}
		case Subhead:
			lines := Break(p.Spans, cw, Setting{Align: Left, PhraseBreaks: true, TrimStart: true, Units: f.Setting.Units})
			for k, l := range lines {
				us = append(us, unit{line: l, para: i, idx: k, of: len(lines), kind: p.Kind, keep: true})
			}
		default:
			lines := Break(p.Spans, cw, f.Setting)
			links := findInlines(spansText(p.Spans), f.lang, lines)
			for k, l := range lines {
				u := unit{line: l, para: i, idx: k, of: len(lines)}
				if k < len(links) {
					u.links = links[k]
				}
				us = append(us, u)
			}
		}
		prev = p.Kind
	}
	if f.Trailer != nil {
		for _, l := range Break(f.Trailer, cw, Setting{Align: Right}) {
			us = append(us, unit{line: l, para: len(f.Paras), trailer: true, of: 1})
		}
	}
	f.units, f.width = us, w
	return us
}

// quote is pull quote p as the flow sets it cw wide: at its size times
// quoteScale (see looser), over whole rows of the grid.
func (f *Flow) quote(p Para, cw float64) *pullQuote {
	text, by := p.Spans, p.By
	if f.quoteScale > 1 {
		text, by = scaled(text, f.quoteScale), scaled(by, f.quoteScale)
	}
	q := &pullQuote{text: text, by: by, rule: f.Mark, align: p.Align}
	q.rows = max(1, int(math.Ceil((q.height(cw)-1e-6)/f.Leading)))
	return q
}

// scaled is spans at k times their size.
func scaled(spans []Span, k float64) []Span {
	out := slices.Clone(spans)
	for i := range out {
		out[i].Size *= k
	}
	return out
}

// wideQuote is the closing pull quote set across the columns, w wide,
// under them (see looser), and where its rows begin under the columns
// c: nil when it stands in a column.
func (f *Flow) wideQuote(c columns, w float64) (*pullQuote, float64) {
	if !f.quoteWide {
		return nil, 0
	}
	if f.wide == nil || f.wideAt != w {
		f.wide, f.wideAt = f.quote(f.Paras[len(f.Paras)-1], w), w
	}
	return f.wide, c.height(f.Leading) + float64(1+f.quoteGap)*f.Leading
}

// gapBefore reports whether a blank row stands between a block of kind
// prev and one of kind k: before a subheading and around a pull quote;
// between paragraphs, and between a list and a paragraph, only when
// paragraphs have no first-line indent to mark them.
func (f *Flow) gapBefore(prev, k Kind) bool {
	switch {
	case k == Subhead || k == PullQuote || prev == PullQuote:
		return true
	case prev == Subhead || prev == ListItem && k == ListItem:
		return false
	}
	return f.Setting.Indent == 0
}

// labels sets each numbered list item's number, and gives each list
// item the width of the widest number of its list (0 for a bulleted one).
func (f *Flow) labels() (label []*Line, widest []float64) {
	label, widest = make([]*Line, len(f.Paras)), make([]float64, len(f.Paras))
	for i := 0; i < len(f.Paras); {
		if f.Paras[i].Kind != ListItem {
			i++
			continue
		}
		j, w := i, 0.0
		for ; j < len(f.Paras) && f.Paras[j].Kind == ListItem; j++ {
			if l := f.Paras[j].Label; l != nil {
				if ls := Break(l, 1e6, Setting{Align: Left}); len(ls) > 0 {
					label[j] = &ls[0]
					w = max(w, ls[0].Natural)
				}
			}
		}
		for k := i; k < j; k++ {
			widest[k] = w
		}
		i = j
	}
	return label, widest
}

// hang is the indent of list item p's lines: one character past its
// bullet, or past widest, the widest number of its list, so that the
// items' text aligns.
func hang(p Para, widest, cw float64) float64 {
	size := 0.0
	if len(p.Spans) > 0 {
		size = p.Spans[0].Size
	}
	if widest == 0 {
		return min(size, cw/4) // a bullet: one character
	}
	return min(widest+size*0.5, cw/3)
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
	case b.pad:
		return false // a pull quote does not break
	case a.keep:
		return false // a subheading stays with what follows
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
func (f *Flow) caps(rows, fr int) []int { return f.capsAt(rows, fr, f.cols()-1) }

// capsAt is rows rows in each of the flow's columns, less fr in column at.
func (f *Flow) capsAt(rows, fr, at int) []int {
	c := make([]int, f.cols())
	for i := range c {
		c[i] = rows
	}
	c[at] -= fr
	return c
}

// floatRows is how many rows the float takes at width w alone at the
// head of its column (0 without one).
func (f *Flow) floatRows(w float64) int {
	_, alone, _ := f.floatSize(w, f.set(w))
	return alone
}

// floatSize is how many rows the float takes at width w (0 without one)
// under text, and alone at the head of its column, and the float as set
// under text us. Under text it keeps FloatGap above it, the space it has
// below: a figure that may be set shorter (a bar chart's plot, a photo's
// frame; see their Split) gives up that space within the rows it takes
// alone, so that the gap costs the page no row; another takes the rows
// the gap needs. (Not where blank rows part the text: a shorter chart's
// title, a whole row under the text, stood level with a paragraph's
// first line in the column before, and poppler read the two paragraphs
// of that column, the text above the chart and its title as a table;
// see textOverFloat.)
func (f *Flow) floatSize(w float64, us []unit) (under, alone int, float Block) {
	if f.Float == nil {
		return 0, 0, nil
	}
	cw := f.floatWidth(w)
	h := f.Float.Measure(cw)
	rows := func(h float64) int { return int(math.Ceil((h - 1e-6) / f.Leading)) }
	alone, under = rows(h), rows(h+f.FloatGap)
	if under > alone && !parted(us) {
		if short, rest := f.Float.Split(cw, float64(alone)*f.Leading-f.FloatGap); short != nil && rest == nil {
			return alone, alone, short
		}
	}
	return under, alone, f.Float
}

// floatWidth is the float's width in the flow w wide: its last column's,
// but in one column a chart whose plot stretches takes only the width it
// needs (see needs), at the column's left, as beside another figure.
func (f *Flow) floatWidth(w float64) float64 {
	cw := f.colWidth(w)
	if c, ok := f.Float.(*chartBlock); ok && f.cols() == 1 {
		return needs(c, cw, (cw-f.Gutter)/2)
	}
	return cw
}

// columns is the flow set at a width: its rows (units), where each
// column starts and ends in them, how many rows the columns take, the
// float's rows, and the half rows by which unlevel lowers text. It is
// computed once for each Measure, Split or Draw, and passed down.
type columns struct {
	us    []unit
	spans [][2]int
	rows  int
	fr    int   // the float's rows under text (see floatSize)
	at    int   // the column at whose foot the float stands (see floatFirst)
	float Block // the float as set under text (see floatSize)
	half  []int // unlevel's, or none for a part cut to its page that the half row would leave (see layout)
	width float64
}

// layout sets the flow at width w into its columns.
func (f *Flow) layout(w float64) columns {
	us := f.set(w)
	fr, alone, float := f.floatSize(w, us)
	spans, rows, at := f.balance(us, fr, alone)
	c := columns{us: us, spans: spans, rows: rows, fr: fr, at: at, float: float, half: unlevel(us, spans), width: w}
	if f.rows > 0 && c.depth() > 2*f.rows {
		// a part cut to its page that the half row would leave stays
		// on the grid
		c.half = make([]int, len(us))
	}
	return c
}

// arrange returns the flow's columns at width w: where each starts and
// ends in its units, and how many rows they take (see balance).
func (f *Flow) arrange(w float64) (spans [][2]int, rows int) {
	if g := f.across(w); g != f {
		return g.arrange(w)
	}
	c := f.layout(w)
	return c.spans, c.rows
}

// balance fills us, with a float of fr rows under text (alone rows at
// the head of an empty column), into the flow's columns: balanced (the
// fewest rows that hold everything, the float included), or for a split
// part the rows it was cut to; at is the column at whose foot the float
// stands: the last, or the first where the last would leave a block of
// text beside the float alone (see floatFirst).
func (f *Flow) balance(us []unit, fr, alone int) (spans [][2]int, rows, at int) {
	spans, rows = f.balanced(us, fr, alone)
	if s, r, ok := f.floatFirst(us, spans, rows, fr); ok {
		return s, r, 0
	}
	return spans, rows, f.cols() - 1
}

// balanced is balance with the float at the foot of the last column.
func (f *Flow) balanced(us []unit, fr, alone int) (spans [][2]int, rows int) {
	if len(us) == 0 && fr == 0 {
		return nil, 0
	}
	if f.rows > 0 {
		spans, _ = fill(us, f.caps(f.rows, fr))
		if s, _, _, ok := f.unsunk(us, spans, f.rows, fr, 0, 0); ok {
			spans = s
		}
		return spans, f.rows
	}
	for r := max((len(us)+fr+f.cols()-1)/f.cols(), alone); ; r++ {
		if spans, n := fill(us, f.caps(r, fr)); n == len(us) {
			for more := 1; more <= 3 && tailOverQuote(us, spans); more++ {
				// a row or three more in the first columns, if that
				// ends the paragraph there
				if s, n := fill(us, f.caps(r+more, fr)); n == len(us) && !tailOverQuote(us, s) {
					spans, r = s, r+more
					break
				}
			}
			if f.Sooner && runsOn(us, spans) {
				if s, ok := f.sooner(us, spans, r, fr); ok {
					spans = s
				}
			}
			for more := 1; more <= partedRows(r, fr) && f.Parted && runsOn(us, spans); more++ {
				if s, n := fill(us, f.caps(r+more, fr)); n == len(us) && !runsOn(us, s) {
					spans, r = s, r+more
					break
				}
			}
			for more := 1; more <= 3 && f.bare(us, spans); more++ {
				// a row or three more in the first columns, if that
				// sets text beside every block of them
				if s, n := fill(us, f.caps(r+more, fr)); n == len(us) && !f.bare(us, s) {
					spans, r = s, r+more
					break
				}
			}
			for more := 1; more <= 3 && fr > 0 && textOverFloat(us, spans); more++ {
				// a row or three more in the first columns, if that
				// leaves the float's column to the float
				if s, n := fill(us, f.caps(r+more, fr)); n == len(us) && !textOverFloat(us, s) {
					spans, r = s, r+more
					break
				}
			}
			if s, _, rr, ok := f.unsunk(us, spans, r, fr, 0, 3); ok {
				spans, r = s, rr
			}
			if fr > 0 {
				return f.besideFloat(us, spans, r, fr, alone), r
			}
			used := 0
			for _, s := range spans {
				used = max(used, s[1]-s[0])
			}
			return spans, used
		}
	}
}

// partedRows is how many rows more than r, the fewest that hold a
// Parted flow with a float of fr rows, its columns may take so that each
// but the last ends at a paragraph's end: three, or without a float a
// quarter of them (three at least). What the last column then lacks is
// blank at its foot, over the row that follows; a float stands at that
// foot, and the blank would stand between the text and it. (Three were
// too few for the tail of river-basin's section 2 on page 5, poster, 23
// rows, whose column 1 ended four lines into an eight-line paragraph:
// poppler read the left caption of the photos under it inside that
// paragraph.)
func partedRows(r, fr int) int {
	if fr > 0 {
		return 3
	}
	return max(3, r/4)
}

// floatFirst is the text us set again into two columns with the float
// (a photo, fr rows under text) at the foot of the first column rather
// than the second, when in spans, r rows with the float under the
// second column's text, a block of the first column stands beside the
// float with none of the second column's text level with it (see bare),
// which the rows more that balance tries have not cured: poppler sees
// no photo, stretches such a block over what stands below it, and reads
// the second column's text above the float before it
// (xingang-transport's section 1 in the newspaper look, its subheading
// 營運可靠度 beside the photo; section 5 in the poster look). Under the
// first column's text the float has the second column's text beside
// it, which runs on from above it, and the first column's blocks all
// stand level with that text. The columns take the fewest rows that hold
// it all so (two lines at least over the float), up to three more than
// r, and keep what balance keeps: no block bare, none sunk, no pull
// quote under a paragraph's end, and for a Parted flow no paragraph
// running on into the next column; ok is false when no such rows are
// found. A chart stays in the last column: its labels, text to poppler,
// would stand beside the second column's blocks, which it may read with
// them as a table (see textOverFloat).
func (f *Flow) floatFirst(us []unit, spans [][2]int, r, fr int) (_ [][2]int, rows int, ok bool) {
	if _, photo := f.Float.(*photoBlock); !photo || fr == 0 || f.cols() != 2 || f.rows > 0 || !f.bare(us, spans) {
		return nil, 0, false
	}
	for rr := max((len(us)+fr+1)/2, fr+2); rr <= r+3; rr++ {
		s, n := fill(us, f.capsAt(rr, fr, 0))
		if n == len(us) && s[0][1]-s[0][0] >= 2 && s[1][1] > s[1][0] && !f.bare(us, s) && !sunk(us, s) && !tailOverQuote(us, s) && !(f.Parted && runsOn(us, s)) {
			return s, rr, true
		}
	}
	return nil, 0, false
}

// besideFloat is spans, the columns of r rows with a float of fr rows
// (alone rows at the head of an empty column) in the last, with the text
// balanced over the columns before the float's when the float alone sets
// the rows and more than one column stands beside it (three columns):
// filled one column after the other, all the text would stand in the
// first, the float's height, the columns between empty.
func (f *Flow) besideFloat(us []unit, spans [][2]int, r, fr, alone int) [][2]int {
	k := f.cols() - 1
	if k < 2 || r > alone || spans[len(spans)-1][0] < spans[len(spans)-1][1] {
		return spans // the float's own column holds text: the columns are full
	}
	for per := (len(us) + k - 1) / k; per < r; per++ {
		caps := f.caps(per, 0)
		caps[k] = 0
		if s, n := fill(us, caps); n == len(us) {
			return s
		}
	}
	return spans
}

// sunk reports whether the first column's last block (the text after
// its last blank row) starts at or below the end of the second column's
// text: poppler gives a block with nothing beside it the width of what
// stands below it (the folio at the page's right edge will do), over the
// second column, and reads it after the second column's blocks above it
// (harbour-review's section 2, set to carry its chart to the next page).
func sunk(us []unit, spans [][2]int) bool { return sunkAt(us, spans) >= 0 }

// sunkAt is the first column whose last block is sunk (see sunk) beside
// the next column's text, -1 when none: on three columns, the first or
// the second.
func sunkAt(us []unit, spans [][2]int) int {
	for c := 0; c+1 < len(spans); c++ {
		if spans[c+1][0] >= spans[c+1][1] {
			continue
		}
		for i := spans[c][1] - 1; i > spans[c][0]; i-- {
			if us[i].gap {
				if i+1-spans[c][0] >= spans[c+1][1]-spans[c+1][0] {
					return c
				}
				break
			}
		}
	}
	return -1
}

// unsunk sets the columns spans of r rows (fr of the last for the float,
// short more of it kept blank: see cut) again when the first column's
// last block is sunk (see sunk), ending the first column at its last
// blank row instead, the columns up to most rows longer: the columns,
// how many units they hold, and their rows. ok is
// false when that leaves the second column empty or, with rows to spare
// (most > 0), does not hold all of us (a part cut to its page, most 0,
// may hold less: the rest goes on).
func (f *Flow) unsunk(us []unit, spans [][2]int, r, fr, short, most int) (_ [][2]int, n, rows int, ok bool) {
	c := sunkAt(us, spans)
	if f.cols() < 2 || f.cols() == 2 && fr > 0 || c < 0 {
		// (a float at the foot of the second of two columns stands
		// beside the first column's last block; of three, the float
		// stands in the last column, beside the second's)
		return nil, 0, 0, false
	}
	cut := 0
	for i := spans[c][1] - 1; i > spans[c][0]; i-- {
		if us[i].gap {
			cut = i - spans[c][0]
			break
		}
	}
	for more := 0; more <= most; more++ {
		caps := f.caps(r+more, fr+short)
		for k := range c {
			caps[k] = spans[k][1] - spans[k][0] // the columns before stay
		}
		caps[c] = cut
		if s, n := fill(us, caps); (n == len(us) || most == 0) && !sunk(us, s) && s[c+1][1] > s[c+1][0] {
			return s, n, r + more, true
		}
	}
	return nil, 0, 0, false
}

// bare reports whether a block of a column but the last, as poppler's
// pdftotext gathers lines into blocks (see textBlocks), starts below the
// top of the next column's text with none of that column's text level
// with it (a blank row beside it, or a pull quote's rule and the space
// inside it): poppler stretches a block with nothing on its right over
// what stands below it, the next column's text included, and reads the
// next column's text above it first (TextBlock::isBeforeByRule1), out of
// order — the showcase's subheading 打防并举, beside the blank row over a
// pull quote, read after the two list items that open column 2. (sunk is
// its case at a column's foot, cured there by ending the column sooner.)
func (f *Flow) bare(us []unit, spans [][2]int) bool {
	cols := f.textBlocks(us, spans)
	for c := 0; c+1 < len(cols); c++ {
		next := cols[c+1]
		if len(next) == 0 {
			continue
		}
		for _, b := range cols[c] {
			if b[0] <= next[0][0] {
				continue
			}
			if !slices.ContainsFunc(next, func(n [2]float64) bool { return n[0] <= b[1] && n[1] >= b[0] }) {
				return true
			}
		}
	}
	return false
}

// textBlocks are the blocks of each column of us set into spans, their
// tops and bottoms from the flow's top, as poppler gathers lines into
// blocks: a line joins the block above when its baseline is at most 1.5
// times its size below the block's last and its size within 5 % of the
// block's (TextPage::coalesce), a line's box reaching from its face's
// ascender to its descender.
func (f *Flow) textBlocks(us []unit, spans [][2]int) [][][2]float64 {
	half := unlevel(us, spans)
	cw := f.colWidth(f.width)
	cols := make([][][2]float64, len(spans))
	for c, sp := range spans {
		var size, base float64
		add := func(l Line, _, b float64) {
			if len(l.Glyphs) == 0 {
				return
			}
			face, sz := l.Glyphs[0].Face, l.Size
			top, bottom := b-face.Ascent()/1000*sz, b-face.Descent()/1000*sz
			if n := len(cols[c]); n > 0 && math.Abs(sz-size) <= 0.05*size && b-base <= 1.5*sz {
				cols[c][n-1][1] = max(cols[c][n-1][1], bottom)
			} else {
				cols[c], size = append(cols[c], [2]float64{top, bottom}), sz
			}
			base = b
		}
		for i := sp[0]; i < sp[1]; i++ {
			u := &us[i]
			top := (float64(i-sp[0]) + float64(half[i])/2) * f.Leading
			switch {
			case u.gap || u.pad:
			case u.quote != nil:
				u.quote.each(0, top, cw, float64(u.quote.rows)*f.Leading, add)
			default:
				add(u.line, 0, top+baseline(u.line.Size, f.Leading))
			}
		}
	}
	return cols
}

// sooner is the two columns spans of r rows (fr of the last for the
// float) set again with the first ended at its last paragraph's end, the
// second taking the rest in the same rows; ok is false when that does not
// hold it all, or leaves the first column less than two rows.
func (f *Flow) sooner(us []unit, spans [][2]int, r, fr int) ([][2]int, bool) {
	if f.cols() != 2 || len(spans) != 2 {
		return nil, false
	}
	for e := spans[0][1] - 1; e >= spans[0][0]+2; e-- {
		if !paraEnd(us, e) || !breakable(us, e) {
			continue
		}
		caps := f.caps(r, fr)
		caps[0] = e - spans[0][0]
		if s, n := fill(us, caps); n == len(us) && !runsOn(us, s) && !sunk(us, s) {
			return s, true
		}
		break
	}
	return nil, false
}

// tailOverQuote reports whether a column but the first starts with the
// end of a paragraph and holds a pull quote below it: poppler reads such a
// paragraph's end (a block of its own between the column's top and the
// quote's rules) after the first column's first paragraph, out of order.
func tailOverQuote(us []unit, spans [][2]int) bool {
	for _, sp := range spans[min(1, len(spans)):] {
		if sp[0] >= sp[1] || us[sp[0]].idx == 0 || us[sp[0]].gap {
			continue
		}
		for _, u := range us[sp[0]:sp[1]] {
			if u.quote != nil || u.pad {
				return true
			}
		}
	}
	return false
}

// textOverFloat reports whether the last column holds text above the
// float while blank rows part the text into blocks for poppler: its
// pdftotext reads two such blocks side by side with two labels of the
// chart beside them (a value axis's, right-aligned, their tops within
// half a label's size of the blocks') as a table, and the table's box,
// reaching into the last column, comes after the text above the chart
// there, which it then reads in the middle of the first column
// (county-police-annual's third paragraph). Without text over the float,
// such a table is read in order.
func textOverFloat(us []unit, spans [][2]int) bool {
	if len(spans) < 2 || spans[len(spans)-1][0] >= spans[len(spans)-1][1] {
		return false
	}
	return parted(us)
}

// parted reports whether blank rows part the text us.
func parted(us []unit) bool {
	for _, u := range us {
		if u.gap {
			return true
		}
	}
	return false
}

// unlevel returns, for each unit, how many half rows it stands below its
// row of the grid: in a column, the text from a block's first line that
// stands level with the first line of a block of the column before goes
// half a row down. A block is what poppler takes for one: the lines
// between blank rows, and a subheading apart from the text under it (it is
// set larger). Four blocks, two in a column and two beside them, whose
// edges line up (across: left or right edges, or centres; down: tops,
// bottoms or centres within half the type size) are a table to its
// pdftotext, which reads a table row by row, across the columns: the two
// columns' blocks line up so when a block of each starts on the same row
// (the columns' first blocks start level at their top), as paragraphs of
// equal length make them, or a subheading of each heading its column
// (market-regulation's page 10, poster: the two subheadings read
// together, then column 1's text, then column 2's), or a subheading in
// one level with the text under a subheading a row higher in the other.
// Half a row (more than half the type size, the leading being more)
// parts their tops, bottoms and centres; after a blank row the gap is
// then a row and a half. Lengthening the first column instead would
// leave its last paragraph below the second column, which poppler then
// reads first when a figure or heading spans both columns below.
// (Blocks whose tops and bottoms all differ could still have level
// centres; no report has shown such a table.) A split part's columns are
// cut so that the half row fits its page (see cut).
func unlevel(us []unit, spans [][2]int) []int {
	half := make([]int, len(us))
	starts := map[int]bool{} // the half rows at which the column before's blocks start
	for _, sp := range spans {
		next, d := map[int]bool{}, 0
		for i := sp[0]; i < sp[1]; i++ {
			if i > sp[0] && blockStart(us, i) {
				at := 2*(i-sp[0]) + d
				if starts[at] {
					d++
					at++
				}
				next[at] = true
			}
			half[i] = d
		}
		starts = next
	}
	return half
}

// blockStart reports whether unit i starts a block of text for poppler
// (see unlevel): the first line after a blank row, or under a
// subheading.
func blockStart(us []unit, i int) bool {
	a, b := us[i-1], us[i]
	return !b.gap && (a.gap || a.kind == Subhead && b.kind != Subhead)
}

// height is the height of the columns: a half row more when the text
// of a column goes so far down (see unlevel).
func (c columns) height(leading float64) float64 {
	return float64(max(2*c.rows, c.depth())) / 2 * leading
}

// depth is how many half rows the columns take, the float under its
// column, their text lowered by half (see unlevel).
func (c columns) depth() int { return depth(c.us, c.spans, c.half, c.fr, c.at) }

// depth is how many half rows the columns spans take, with a float of fr
// rows under column at, their text lowered by half (see unlevel).
func depth(us []unit, spans [][2]int, half []int, fr, at int) int {
	end := 0
	for c, sp := range spans {
		if sp[0] >= sp[1] {
			continue
		}
		e := 2*(sp[1]-sp[0]) + half[sp[1]-1]
		if c == at {
			e += 2 * fr
		}
		end = max(end, e)
	}
	return end
}

// cut fills us into columns rows high, the last fr rows shorter for the
// float, and a row or two shorter still when the half row by which
// unlevel lowers text would not fit otherwise. The rows kept short are
// no float: a first column whose last block would be sunk ends sooner
// there too (see unsunk), as the part cut sets it (see balanced). (Taken
// for a float's, they left the first column sunk in the columns cut,
// and the part, setting them again unsunk, filled its second column to
// the foot, where the half row did not fit: the council review's report
// look, section 4's first part on page 6 stayed on the grid, and its
// two subheadings, level with each other and the columns' first blocks,
// were a table to poppler, read across.)
func (f *Flow) cut(us []unit, rows, fr int) ([][2]int, int) {
	for less := 0; ; less++ {
		spans, n := fill(us, f.caps(rows, fr+less))
		if s, m, _, ok := f.unsunk(us, spans, rows, fr, less, 0); ok {
			spans, n = s, m
		}
		if less == 2 || depth(us, spans, unlevel(us, spans), fr, len(spans)-1) <= 2*rows {
			return spans, n
		}
	}
}

// runsAcross reports whether, set w wide, a paragraph of the flow runs
// on from one of its columns into the next.
func (f *Flow) runsAcross(w float64) bool {
	c := f.across(w).layout(w)
	return len(c.spans) > 1 && runsOn(c.us, c.spans)
}

// runsOn reports whether a paragraph runs from a column into the next.
func runsOn(us []unit, spans [][2]int) bool {
	for _, sp := range spans[:len(spans)-1] {
		if sp[1] < len(us) && sp[1] > sp[0] && !paraEnd(us, sp[1]) && !us[sp[1]].gap {
			return true
		}
	}
	return false
}

// paraEnd reports whether the units before n end a paragraph.
func paraEnd(us []unit, n int) bool {
	return n > 0 && (us[n-1].gap || us[n-1].idx == us[n-1].of-1)
}

// Measure implements Block.
func (f *Flow) Measure(w float64) float64 {
	if g := f.across(w); g != f {
		return g.Measure(w)
	}
	return f.measure(f.layout(w))
}

// measure is the height of the flow set into columns c, its space below
// included.
func (f *Flow) measure(c columns) float64 {
	if c.rows == 0 {
		return 0
	}
	if q, dy := f.wideQuote(c, c.width); q != nil {
		return dy + float64(q.rows)*f.Leading + f.After
	}
	return c.height(f.Leading) + f.After
}

// Split implements Block: the columns are filled to the height h, the
// first column first; what does not fit goes on in the tail. At least two
// rows of text must fit, else the flow moves whole.
func (f *Flow) Split(w, h float64) (Block, Block) {
	if g := f.across(w); g != f {
		return g.Split(w, h)
	}
	c := f.layout(w)
	m := f.measure(c)
	if m <= h+1e-6 {
		return f, nil
	}
	if m-f.After <= h+1e-6 {
		// all of it fits but its space below: at a page's foot it has none
		a := *f
		a.After = 0
		return &a, nil
	}
	us := c.us
	rows := int(math.Floor((h + 1e-6) / f.Leading))
	if rows < 2 {
		return nil, f
	}
	if fr := c.fr; fr > 0 && fr+2 <= rows {
		// the figure stands at the foot of this page's last column, the
		// text above and beside it; the rest of the text goes on, from a
		// paragraph's start (a figure never parts a paragraph: readers
		// would read it inside one), and only when every block of the
		// columns before has text of the next beside it (see bare): a
		// chart's labels beside a block of column 1, a subheading and its
		// paragraph, were read before it, in the blank row over it with
		// nothing on their left (poppler stretched them over column 1) or
		// lined up with it and the columns' first blocks as a table
		// (ashworth-council-review's newspaper, pages 3 and 5); the figure
		// then goes on with the text
		if spans, n := f.cut(us, rows, fr); n < len(us) && spans[0][1]-spans[0][0] >= 2 && paraEnd(us, n) && !lineAlone(us, spans) && !f.bare(us, spans) {
			a, b := *f, *f
			a.units, a.frozen, a.rows, a.After = us[:n:n], true, rows, 0
			b.units, b.frozen, b.rows, b.Float = us[n:], true, 0, nil
			return &a, &b
		}
	}
	if p, ok := f.Float.(*photoBlock); ok && p.shape() > 1 {
		// a portrait photo set narrower, keeping its shape, down to
		// half its column's width, so that the text and the photo end
		// the section here, rather than the photo alone on the next
		// page (a landscape one gives up height by its crop, see Split)
		cw := f.floatWidth(w)
		for fh := float64(rows) * f.Leading; fh > 0; fh -= f.Leading {
			s := p.within(cw, fh)
			if s == nil || s.width(cw) < cw/2 {
				break
			}
			a := *f
			a.Float, a.After = s, 0
			if a.Measure(w) <= h+1e-6 {
				return &a, nil
			}
		}
	}
	if p, ok := f.Float.(*photoBlock); ok && p.shape() <= 1 {
		// a landscape or square photo gives up up to a quarter of its
		// frame's height, cropped (see photoBlock.Split), so that the
		// text and the photo end the section here, rather than the
		// photo alone on the next page (the A5 handout's report look:
		// a short section's text set the full width, its photo under
		// it and the report's QR code did not fit; the photo went on
		// with the code and left the page a third blank)
		cw := f.floatWidth(w)
		for fh := p.Measure(cw) - f.Leading; fh > 0; fh -= f.Leading {
			s, _ := p.Split(cw, fh)
			if s == nil {
				break
			}
			a := *f
			a.Float, a.After = s, 0
			if a.Measure(w) <= h+1e-6 {
				return &a, nil
			}
		}
	}
	spans, n := f.cut(us, rows, 0)
	for r := rows - 1; r >= 2 && n < len(us) && lines(us[n:]) == 1; r-- {
		// a single line would go on alone: one row less here, so that
		// it takes another with it
		spans, n = f.cut(us, r, 0)
		rows = r
	}
	if _, all := fill(us, f.caps(rows, 0)); all >= len(us) {
		// the text fits, but not the float or the space below
		a := *f
		a.After, a.Float = 0, nil
		if a.Measure(w) > h+1e-6 {
			// the half row that unlevels blank rows does not fit
			// the balanced columns: they are cut to h, and stay on
			// the grid if it does not fit there either (see layout)
			a.units, a.frozen, a.rows = us, true, rows
		}
		if f.Float == nil {
			return &a, nil
		}
		if a.Measure(w) > h+1e-6 {
			return nil, f
		}
		return &a, alone(f.Float, f.cols(), w, f.Gutter, f.After, f.Kicker)
	}
	for rows > 2 && lineAlone(us, spans) {
		rows--
		spans, n = f.cut(us, rows, 0)
	}
	for r := rows - 1; !f.frozen && r >= headLines && thinSpans(us, spans, -1); r-- {
		// the first part of a section's text, under its head, a row
		// or more shorter when that sets headLines lines in every
		// column it uses: 5+2 lines under a head at a page's foot read
		// as an opener stranded there, 4+3 do not (the council review's
		// newspaper, page 5, section 4, once its chart went on with
		// section 3's text; see thin)
		if s, m := f.cut(us, r, 0); m < len(us) && !thinSpans(us, s, -1) && !lineAlone(us, s) {
			spans, n, rows = s, m, r
		}
	}
	if len(spans) == 0 || spans[0][1]-spans[0][0] < 2 || lineAlone(us, spans) {
		return nil, f
	}
	a, b := *f, *f
	a.units, a.frozen, a.rows, a.After, a.Float = us[:n:n], true, rows, 0, nil
	b.units, b.frozen, b.rows = us[n:], true, 0
	return &a, &b
}

// tallerFloat is the flow with its figure (Float: a photo in its last
// column, a chart) set taller (see grower), the flow at most h tall: as
// much taller as the rows the room allows, so that a page whose next
// section cannot begin under the text ends with the figure grown rather
// than a blank band. The flow itself when its figure cannot grow, or when
// it is a part cut to its page (its rows are final). The part that goes
// on from the page before, balanced on its own, grows a chart (the
// library brief's donut beside the end of its section's text), not a
// photo: its frame grown there sent the next section's head on in the
// water utility's and the tech park's newspaper looks, the page judged
// full and set with a band over the row that followed (on the last page,
// where no section follows, see grownEnd, a photo too: tallerEnd).
func (f *Flow) tallerFloat(w, h float64) *Flow { return f.taller(w, h, false) }

// tallerEnd is tallerFloat for the brochure's last page: the part that
// goes on from the page before grows its photo as well as a chart.
func (f *Flow) tallerEnd(w, h float64) *Flow { return f.taller(w, h, true) }

// taller is tallerFloat, a part's photo grown too when end.
func (f *Flow) taller(w, h float64, end bool) *Flow {
	g, ok := f.Float.(grower)
	c, chart := f.Float.(*chartBlock)
	if !ok || f.rows > 0 || f.frozen && !chart && !end || f.Leading <= 0 {
		return f
	}
	taller := g.taller
	if chart {
		taller = c.larger // a ring too, keeping its shape
	}
	cw := f.floatWidth(w)
	fh, m := f.Float.Measure(cw), f.Measure(w)
	for extra := math.Floor((h-m)/f.Leading) * f.Leading; extra >= f.Leading; extra -= f.Leading {
		t := *f
		t.Float = taller(cw, fh+extra)
		if n := t.Measure(w); n > m+1e-6 && n <= h+1e-6 {
			return &t
		}
	}
	return f
}

// thin reports whether the flow set w wide holds fewer than headLines
// lines in a column it uses, the column its figure (Float) stands in
// aside: at a page's foot under its section's head, the section going on
// overleaf, such a text reads as stranded there (two lines under a
// headline in each of three columns; see leads).
func (f *Flow) thin(w float64) bool {
	g := f.across(w)
	c := g.layout(w)
	at := -1
	if g.Float != nil {
		at = c.at
	}
	return thinSpans(c.us, c.spans, at)
}

// thinSpans reports whether a column of spans but column at (-1: none)
// holds some lines of us, but fewer than headLines.
func thinSpans(us []unit, spans [][2]int, at int) bool {
	for i, sp := range spans {
		if n := lines(us[sp[0]:sp[1]]); i != at && n > 0 && n < headLines {
			return true
		}
	}
	return false
}

// lineAlone reports whether a column holds one line alone, of a
// paragraph that runs on into the next column (a column of a part cut to
// two rows, between three: 2, 1 and 2 lines): readers that join the
// lines of one baseline (PDFium) read it with the next column's first
// line as one line, a space inside the paragraph between them.
func lineAlone(us []unit, spans [][2]int) bool {
	for _, sp := range spans[:max(0, len(spans)-1)] {
		if sp[1]-sp[0] == 1 && !us[sp[0]].gap && sp[1] < len(us) && !paraEnd(us, sp[1]) {
			return true
		}
	}
	return false
}

// Draw implements Block: one call of the canvas for each line of text and
// each shape (a bullet, a quote's rule), so that a tagged PDF can mark
// each one by its unit's kind (P, LI, H3, BlockQuote).
func (f *Flow) Draw(c *Canvas, x, y, w float64) error {
	if g := f.across(w); g != f {
		return g.Draw(c, x, y, w)
	}
	cs := f.layout(w)
	f.placeIn(cs, x, y, w, func(u *unit, x, top float64) {
		var e, lbl *structure.Elem
		if u.para < len(f.Tags) {
			e, lbl = f.Tags[u.para], f.Labels[u.para]
		}
		if e != nil {
			c.Begin(e)
			defer c.End()
		}
		switch {
		case u.quote != nil:
			u.quote.draw(c, x, top, f.colWidth(w), float64(u.quote.rows)*f.Leading)
		default:
			base := top + baseline(u.line.Size, f.Leading)
			if u.label != nil {
				if lbl != nil {
					c.Begin(lbl)
				}
				c.TextLine(*u.label, x, base)
				if lbl != nil {
					c.End()
				}
			}
			if u.bullet {
				s := u.line.Size * 0.3
				c.Begin(nil) // a bullet is the list's look; the structure says it is a list
				c.FillRect(x+u.line.Size*0.1, base-u.line.Size*0.38-s/2, s, s, f.Mark)
				c.End()
			}
			if e == nil {
				c.TextLine(u.line, x+u.dx, base)
				return
			}
			if f.links == nil {
				f.links = map[int]map[int]*structure.Elem{}
			}
			if f.links[u.para] == nil {
				f.links[u.para] = map[int]*structure.Elem{}
			}
			drawInline(c, u.line, x+u.dx, base, u.links, e, f.links[u.para])
		}
	})
	if q, dy := f.wideQuote(cs, w); q != nil {
		if n := len(f.Paras) - 1; n < len(f.Tags) && f.Tags[n] != nil {
			c.Begin(f.Tags[n])
			defer c.End()
		}
		q.draw(c, x, y+dy, w, float64(q.rows)*f.Leading)
	}
	if f.Float != nil {
		fx, fy, cw, float := f.floatPlace(cs, x, y, w)
		return float.Draw(c, fx, fy, cw)
	}
	return nil
}

// floatAt is where the float goes: the foot of the last column, or its
// head when the column holds no text.
func (f *Flow) floatAt(x, y, w float64) (fx, fy, cw float64) {
	if g := f.across(w); g != f {
		return g.floatAt(x, y, w)
	}
	fx, fy, cw, _ = f.floatPlace(f.layout(w), x, y, w)
	return fx, fy, cw
}

// floatPlace is floatAt for the flow set into columns c, with the float
// as set there: whole at the head of an empty column, else as set under
// text (see floatSize).
func (f *Flow) floatPlace(c columns, x, y, w float64) (fx, fy, cw float64, float Block) {
	cw = f.floatWidth(w)
	fx = x + float64(c.at)*(f.colWidth(w)+f.Gutter)
	if last := len(c.spans) - 1; last > 0 && c.at == last && c.spans[last][0] >= c.spans[last][1] {
		return fx, y, cw, f.Float
	}
	return fx, y + c.height(f.Leading) - c.float.Measure(cw), cw, c.float
}

// each calls fn with every line of text of the flow, in reading order
// (a list item's number before its line, a pull quote's lines and its
// attribution), and where its left edge and baseline go when the flow's
// top-left corner is at (x, y).
func (f *Flow) each(x, y, w float64, fn func(l Line, x, baseline float64)) {
	if g := f.across(w); g != f {
		g.each(x, y, w, fn)
		return
	}
	cw := f.colWidth(w)
	f.place(x, y, w, func(u *unit, x, top float64) {
		if u.quote != nil {
			u.quote.each(x, top, cw, float64(u.quote.rows)*f.Leading, fn)
			return
		}
		base := top + baseline(u.line.Size, f.Leading)
		if u.label != nil {
			fn(*u.label, x, base)
		}
		fn(u.line, x+u.dx, base)
	})
	if q, dy := f.wideQuote(f.layout(w), w); q != nil {
		q.each(x, y+dy, w, float64(q.rows)*f.Leading, fn)
	}
}

// place calls fn with every unit of the flow that is drawn (not blank
// rows, nor the further rows of a pull quote), in reading order, and the
// left edge and top of its column's row when the flow's top-left corner
// is at (x, y).
func (f *Flow) place(x, y, w float64, fn func(u *unit, x, top float64)) {
	if g := f.across(w); g != f {
		g.place(x, y, w, fn)
		return
	}
	f.placeIn(f.layout(w), x, y, w, fn)
}

// placeIn is place for the flow set into columns c.
func (f *Flow) placeIn(c columns, x, y, w float64, fn func(u *unit, x, top float64)) {
	cw := f.colWidth(w)
	for col, s := range c.spans {
		for r := s[0]; r < s[1]; r++ {
			if u := &c.us[r]; !u.gap && !u.pad {
				fn(u, x+float64(col)*(cw+f.Gutter), y+(float64(r-s[0])+float64(c.half[r])/2)*f.Leading)
			}
		}
	}
}

// lines counts the lines of text among us (not blank rows).
func lines(us []unit) int {
	n := 0
	for _, u := range us {
		if !u.gap {
			n++
		}
	}
	return n
}
