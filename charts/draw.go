// Package charts draws the brochure's charts onto a draw.Canvas, the page
// model layout draws on, as vectors and in the report's faces, so chart
// text is real PDF text once export writes the page; Export paints the
// same items as SVG or PNG files (export.go).
//
// Each kind is one file that registers its drawing (register): bar
// (go-chart's BarChart) and, drawn by hand through the same go-chart
// Renderer so that they look of one family, the others; each file says why
// it is not a go-chart chart. What the format knows of a kind (fields,
// checks, schema) is data's chart_<kind>.go. Charts keep no colours or
// faces of their own: Style carries the document's.
package charts

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/wcharczuk/go-chart/v2/drawing"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/internal/cjk"
	"github.com/brochure-dev/brochure/internal/draw"
	"github.com/brochure-dev/brochure/locale"
	"github.com/brochure-dev/brochure/number"
)

// Style is the look shared by all charts of a document. Layout fills it
// from its theme, which holds the one palette: charts keep no colours of
// their own (an empty colour draws black).
type Style struct {
	Primary, Accent, Ink, Muted, Rule string // brand and text colours, "#RRGGBB"
	// Good and Bad are the colours of good and bad news (change charts):
	// semantic, so they never follow a brand colour, and distinct from
	// each other. Empty: Accent and Primary.
	Good, Bad string

	Regular, Bold, Black *fonts.Face // the report's faces (its theme's): charts have none of their own
	FontSize             float64     // label size pt, default 8
	Lang                 string      // the report's language: English words, 万 or 萬, thousands separators
	// Group is where the report's figures separate thousands (see
	// number.Rule); ByLanguage: the language's rule.
	Group number.Grouping
	// Columns are the text columns of the page the chart stands on, its
	// left edge on one's; the zero value: none.
	Columns Columns
}

// Columns are text columns Width pt wide, Gap pt apart, above which a
// chart stands on a page. Poppler's pdftotext stretches the box of each
// block of a column of text over what stands below it on the page, up
// to the next column's edge (TextPage::coalesce): a text below that
// begins inside a gutter stretches the next column's box left into it,
// and one that ends inside it the column's box right; when the one
// reaches over the other, the two boxes overlap, and poppler reads the
// columns' blocks by their tops, across the columns (the first paragraph
// of column 2 before the second of column 1: TextBlock::isBeforeByRule1).
// A text that crosses a gutter whole, or stays on a column, stretches
// nothing. So a chart told its columns begins none of the labels it sets
// by its data inside a gutter (an hbar's values: see hbarLayout.value; a
// column chart's values and a grouped chart's category labels, moved a
// little: see Off), nor sets one wholly inside it (a column chart's
// category labels: see thinLabels and drawBar, and Out), and
// ends no line of its title inside one (see titleLines): then the boxes
// overlap only where a label could not move.
type Columns struct{ Width, Gap float64 }

// Gutter returns the gutter between two of the columns, as offsets from
// the first's left edge, in which x lies (not on its edges); false when x
// stands on a column, or no columns are known.
func (c Columns) Gutter(x float64) (l, r float64, ok bool) {
	if c.Width <= 0 || x <= 0 {
		return 0, 0, false
	}
	k := math.Floor(x / (c.Width + c.Gap)) // the column x is on, or after
	l = k*(c.Width+c.Gap) + c.Width
	return l, l + c.Gap, x > l+1e-9 && x < l+c.Gap-1e-9
}

// Inside reports whether a text from x0 to x1 (offsets from the first
// column's left edge) stands wholly inside one gutter: it both begins and
// ends there, and so stretches the boxes of the columns on either side
// over each other (see Columns).
func (c Columns) Inside(x0, x1 float64) bool {
	l0, _, ok0 := c.Gutter(x0)
	l1, _, ok1 := c.Gutter(x1)
	return ok0 && ok1 && l0 == l1
}

// Off is how far to move a text that begins at x0 (an offset as
// Gutter's) so that it begins inside no gutter: 0 when it does not; else the shorter
// move that sets its start a point onto the column before the gutter
// (negative: level with the column's text, whose box it then stretches
// by no more than its own end) or on the next column's edge. A text that
// begins inside a gutter stretches the next column's box left into it;
// with any text that ends further right inside it (a value over a bar
// beside a category label under the next), the two boxes overlap (see
// Columns).
func (c Columns) Off(x0 float64) float64 {
	l, r, ok := c.Gutter(x0)
	if !ok {
		return 0
	}
	if x0-(l-1) <= r-x0 {
		return l - 1 - x0
	}
	return r - x0
}

// Out is how far to move a text from x0 to x1 (offsets as Gutter's)
// that stands wholly inside a gutter (see Inside) so that it does not:
// the shorter move that sets its start a point onto the column before or
// its end a point onto the next column; 0 when it stands inside none.
// Such a text stretches the boxes of both columns over each other by
// itself; moved, it stretches one of them only, as a text that crosses a
// gutter's edge does.
func (c Columns) Out(x0, x1 float64) float64 {
	if !c.Inside(x0, x1) {
		return 0
	}
	l, r, _ := c.Gutter(x0)
	left, right := l-1-x0, r+1-x1
	if -left <= right {
		return left
	}
	return right
}

// within is Off, or 0 when it is more than most (a label it would move
// off the bar or group it names).
func (c Columns) within(x0, most float64) float64 {
	if d := c.Off(x0); math.Abs(d) <= most {
		return d
	}
	return 0
}

// palette is a Style resolved to colours and faces.
type palette struct {
	primary, accent, ink, muted, rule drawing.Color
	good, bad                         drawing.Color
	regular, bold, black              *fonts.Face
	fs                                float64
	lang                              string
	group                             number.Grouping
	columns                           Columns
}

func (st Style) resolve() palette {
	col := func(s string, def drawing.Color) drawing.Color {
		if c, ok := parseHex(s); ok {
			return c
		}
		return def
	}
	black := drawing.Color{A: 255}
	p := palette{
		primary: col(st.Primary, black),
		accent:  col(st.Accent, black),
		ink:     col(st.Ink, black),
		muted:   col(st.Muted, black),
		rule:    col(st.Rule, black),
		regular: st.Regular,
		bold:    st.Bold,
		black:   st.Black,
		fs:      st.FontSize,
		lang:    st.Lang,
		group:   st.Group,
		columns: st.Columns,
	}
	p.good = col(st.Good, p.accent)
	p.bad = col(st.Bad, p.primary)
	if p.fs <= 0 {
		p.fs = 8
	}
	return p
}

func (p palette) en() bool { return p.lang == "en" }

// words are the words charts print themselves, in the report's language.
func (p palette) words() locale.Labels { return locale.Must(p.lang).Labels }

func parseHex(s string) (drawing.Color, bool) {
	s = strings.TrimPrefix(strings.TrimSpace(s), "#")
	if len(s) != 6 {
		return drawing.Color{}, false
	}
	v, err := strconv.ParseUint(s, 16, 32)
	if err != nil {
		return drawing.Color{}, false
	}
	return drawing.Color{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 255}, true
}

// tint mixes c with white: t=0 gives c, t=1 white.
func tint(c drawing.Color, t float64) drawing.Color {
	m := func(v uint8) uint8 { return uint8(math.Round(float64(v) + (255-float64(v))*t)) }
	return drawing.Color{R: m(c.R), G: m(c.G), B: m(c.B), A: 255}
}

// shade mixes c with black: t=0 gives c, t=1 black.
func shade(c drawing.Color, t float64) drawing.Color {
	m := func(v uint8) uint8 { return uint8(math.Round(float64(v) * (1 - t))) }
	return drawing.Color{R: m(c.R), G: m(c.G), B: m(c.B), A: 255}
}

// seriesColors are the colours of n series, slices or segments, in order,
// all different: the two theme colours, their tints, grey, then further
// tints and shades of the theme colours as many as needed. Colours too
// close to one already taken (a brand colour equal to the accent, a tint
// of grey) are skipped.
func seriesColors(p palette, n int) []drawing.Color {
	cands := []drawing.Color{p.primary, p.accent, tint(p.primary, 0.45), tint(p.accent, 0.45),
		p.muted, tint(p.primary, 0.75), tint(p.accent, 0.75), p.rule}
	out := make([]drawing.Color, 0, n)
	take := func(c drawing.Color) {
		for _, o := range out {
			if colorDistance(o, c) < 20 {
				return
			}
		}
		out = append(out, c)
	}
	for _, c := range cands {
		if len(out) == n {
			return out
		}
		take(c)
	}
	for step := 1; len(out) < n && step < 64; step++ {
		t := float64(step%8) / 8
		for _, base := range []drawing.Color{p.primary, p.accent, p.muted} {
			if len(out) < n {
				take(shade(base, 0.15+0.5*t))
			}
			if len(out) < n {
				take(tint(base, 0.1+0.8*t))
			}
		}
	}
	for i := 0; len(out) < n; i++ { // only for absurd counts or a white brand: greys
		c := drawing.Color{R: uint8(i * 7), G: uint8(i * 11), B: uint8(i * 13), A: 255}
		if !slices.Contains(out, c) {
			out = append(out, c)
		}
	}
	return out
}

// context is the grey of the marks that stand back so that one can stand
// out (K25: the focus palette of a government chart, one highlight and
// the rest grey), and contexts the greys of several such, lightest first.
var contexts = []drawing.Color{
	{R: 0xD4, G: 0xD4, B: 0xD4, A: 255},
	{R: 0xB0, G: 0xB0, B: 0xB0, A: 255},
	{R: 0x8C, G: 0x8C, B: 0x8C, A: 255},
}

var context = drawing.Color{R: 0xBF, G: 0xBF, B: 0xBF, A: 255}

// seriesFocus are the colours of a chart's series: where the series are
// periods (2024年 and 2025年, FY2023/24), the chart compares the latest
// with the ones before, which stand back in greys, older lighter, and the
// latest takes the first colour; other series (刑事案件 and 治安案件) are
// of equal weight, in seriesColors. More than four periods are set as
// series of equal weight too: greys that many are not told apart.
func seriesFocus(p palette, series []string) []drawing.Color {
	years := make([]int, len(series))
	for i, s := range series {
		y, ok := period(s)
		if !ok {
			return seriesColors(p, len(series))
		}
		years[i] = y
	}
	if len(series) < 2 || len(series) > len(contexts)+1 {
		return seriesColors(p, len(series))
	}
	order := make([]int, len(series)) // series by year, oldest first
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return years[a] - years[b] })
	if years[order[len(order)-1]] == years[order[len(order)-2]] {
		return seriesColors(p, len(series)) // no one latest
	}
	out := make([]drawing.Color, len(series))
	greys := contexts[len(contexts)-(len(series)-1):]
	if len(series) == 2 {
		greys = []drawing.Color{context}
	}
	for k, i := range order[:len(order)-1] {
		out[i] = greys[k]
	}
	out[order[len(order)-1]] = p.primary
	return out
}

// itemColor is the colour of an item of a one-series chart: the first
// colour, or, where the chart highlights an item (highlight: 西城区), the
// first colour for that item and the context grey for the rest.
func itemColor(c data.Chart, label string, p palette) drawing.Color {
	if c.Highlight == "" || label == c.Highlight {
		return p.primary
	}
	return context
}

// periodPattern is a series name that is a year or a year of account:
// 2025, 2025年, 2025年度, FY2025, 2024/25, 2024-25, 2024–2025.
var periodPattern = regexp.MustCompile(`^(?:FY ?)?((?:19|20)\d\d)(?:\s*[/–-]\s*(?:(?:19|20)?\d\d))?\s*(?:年度?|財年|财年|年度計|年度计)?$`)

// period is the year a series name stands for, and whether it is one.
func period(s string) (int, bool) {
	m := periodPattern.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return 0, false
	}
	y, err := strconv.Atoi(m[1])
	return y, err == nil
}

// colorDistance is the Euclidean distance of two colours in RGB.
func colorDistance(a, b drawing.Color) float64 {
	dr, dg, db := float64(a.R)-float64(b.R), float64(a.G)-float64(b.G), float64(a.B)-float64(b.B)
	return math.Sqrt(dr*dr + dg*dg + db*db)
}

// Typography shared by the kinds.
const (
	titleSize    = 9.0 // chart title, Bold
	titleLeading = 1.3 // title line pitch in em
	titleGap     = 5.0 // title block to plot
	capHeightEm  = 0.88
	bigSize      = 18.0 // donut / progress / waffle percentage, Black
)

// kind is how one kind of chart is drawn. Each kind is one file
// (bar.go, pie.go, …) that registers its kind from init; what the format
// knows of a kind (fields, checks, schema) is data's chart_<name>.go.
type kind struct {
	// height is the plot's natural height at width w (without the title).
	height func(c data.Chart, w float64, p palette) float64
	// draw draws the plot at the origin of r, w wide. h is the height
	// given: kinds that stretch fill it, the others draw at their height.
	draw func(r *Renderer, c data.Chart, w, h float64, p palette) error
	// stretches says the plot fills any height given to Draw (the least
	// is the caller's choice); without it the plot has its own height.
	stretches bool
	// width, when set, is the width the chart takes of width w (a few
	// bars take only what they need, from the left); else all of it.
	width func(c data.Chart, w float64, p palette) float64
	// most, when set, says the plot, drawn at its own height, may be
	// drawn larger in a taller box, keeping its shape (a donut's ring,
	// an hbar's bars and the gaps between them), up to the height it
	// gives at width w: Largest.
	most func(c data.Chart, w float64, p palette) float64
	// least, when set, says the plot, drawn at its own height, may be
	// drawn smaller in a shorter box (an hbar's bars and the gaps
	// between them thinner, its labels at their size), down to the
	// height it gives at width w: Smallest.
	least func(c data.Chart, w float64, p palette) float64
	// fixed, when set, says a chart of a kind that stretches is drawn
	// at its own height all the same (a bar chart of one item: one
	// figure).
	fixed func(c data.Chart) bool
	// rows, when set, says the chart's columns do not fit width w at
	// all, so it is set as rows of horizontal bars instead (which do not
	// stretch).
	rows func(c data.Chart, w float64, p palette) bool
	// crowded, when set, says the chart is set at width w with less than
	// it has: as rows, or as columns that leave out their values or label
	// only every n-th bar. More width would help it.
	crowded func(c data.Chart, w float64, p palette) bool
	// alt says what the chart shows, item by item, for Alt (which
	// begins with the kind's name in the report's language:
	// locale.AltWords.Kinds).
	alt func(c data.Chart, p palette) []string
}

var kinds = map[string]kind{}

// register adds the drawing of a kind; each kind's file calls it.
func register(name string, k kind) {
	if _, dup := kinds[name]; dup {
		panic("charts: kind registered twice: " + name)
	}
	kinds[name] = k
}

// Height returns the height (pt) chart c wants at the given width,
// including its title. Charts that Stretch take any height given to Draw;
// the others are drawn at this height.
func (st Style) Height(c data.Chart, width float64) float64 {
	p := st.resolve()
	th := titleHeight(c.Title, width, p) + noteHeight(c.Note, width, p)
	if k, ok := kinds[c.Type]; ok {
		return th + k.height(c, width, p)
	}
	return th
}

// Stretches reports whether chart c, at the given width, fills any height
// given to Draw (a bar chart's plot grows and shrinks) rather than being
// drawn at its Height.
func (st Style) Stretches(c data.Chart, width float64) bool {
	k, ok := kinds[c.Type]
	return ok && k.stretches && (k.fixed == nil || !k.fixed(c)) && !st.Rows(c, width)
}

// Largest returns the height (pt) up to which chart c, which does not
// stretch, may be drawn larger at the given width, keeping its shape, in
// a box taller than its Height (a donut's ring, up to two thirds of the
// width; an hbar's bars and gaps, up to a third thicker), its title
// included: its Height when it keeps its size.
func (st Style) Largest(c data.Chart, width float64) float64 {
	k, ok := kinds[c.Type]
	if !ok || k.most == nil {
		return st.Height(c, width)
	}
	p := st.resolve()
	return titleHeight(c.Title, width, p) + noteHeight(c.Note, width, p) + k.most(c, width, p)
}

// Smallest returns the height (pt) down to which chart c, which does not
// stretch, may be drawn smaller at the given width in a box shorter than
// its Height (an hbar's bars and gaps, down to a quarter thinner, its
// labels at their size; bars set as rows alike), its title included: its
// Height when it keeps its size. (A chart that stretches takes any
// height: see Stretches.)
func (st Style) Smallest(c data.Chart, width float64) float64 {
	k, ok := kinds[c.Type]
	if !ok || k.least == nil || st.Stretches(c, width) {
		return st.Height(c, width)
	}
	p := st.resolve()
	return titleHeight(c.Title, width, p) + noteHeight(c.Note, width, p) + k.least(c, width, p)
}

// Width returns the width (pt) chart c takes of the given width, from
// the left: all of it but for a few bars in a wide box, which take the
// width their bars need.
func (st Style) Width(c data.Chart, width float64) float64 {
	if k, ok := kinds[c.Type]; ok && k.width != nil {
		return k.width(c, width, st.resolve())
	}
	return width
}

// Rows reports whether chart c, at the given width, is set as rows of
// horizontal bars because its columns do not fit there (a bar chart of 30
// long labels in a column). Rows do not stretch.
func (st Style) Rows(c data.Chart, width float64) bool {
	k, ok := kinds[c.Type]
	return ok && k.rows != nil && k.rows(c, width, st.resolve())
}

// Crowded reports whether chart c, at the given width, is set with less
// than it has: as rows (see Rows), or as columns that leave out their
// values or label only every second (third, …) bar, as a month's 30 days
// are in a column. Layout may rather give it more width; a crowded chart
// still set as columns stretches as columns do.
func (st Style) Crowded(c data.Chart, width float64) bool {
	k, ok := kinds[c.Type]
	return ok && k.crowded != nil && k.crowded(c, width, st.resolve())
}

// Draw draws chart c in the box (x, y, w, h) pt of cv's page: its title
// at the top, left-aligned, then the plot, top-aligned (the plot never
// grows past h; charts that Stretch fill it), and its note, if any, at
// the foot of the box (where the notes of charts set side by side stand
// level). It refuses what
// data.CheckChart refuses: the report's checks, for charts built in code.
func Draw(cv *draw.Canvas, c data.Chart, x, y, w, h float64, st Style) error {
	p := st.resolve()
	if err := data.CheckChart(c); err != nil {
		return fmt.Errorf("chart %q: %w", c.Title, err)
	}
	k, ok := kinds[c.Type]
	if !ok {
		return fmt.Errorf("chart %q: charts cannot draw a %s chart", c.Title, c.Type)
	}
	r := newRenderer(cv, x, y, p)
	th := r.title(c.Title, w, p)
	r.oy += th
	nh := noteHeight(c.Note, w, p)
	if err := k.draw(r, c, w, h-th-nh, p); err != nil {
		return fmt.Errorf("chart %q: %w", c.Title, err)
	}
	r.note(c.Note, h-th-nh, w, p)
	return nil
}

// ---- text helpers ----

// wrap breaks a label into lines no wider than width in face at size, on
// character boundaries with kinsoku (internal/cjk, the rules of layout).
func wrap(face *fonts.Face, s string, size, width float64) []string {
	return cjk.Wrap(s, width, func(t string) float64 { return textWidth(face, t, size) })
}

// titleLines is the title wrapped width wide, kept off the gutters (see
// gutterLines).
func titleLines(title string, width float64, p palette) []string {
	if strings.TrimSpace(title) == "" {
		return nil
	}
	return gutterLines(strings.TrimSpace(title), p.bold, titleSize, width, p)
}

// gutterLines is s wrapped width wide in face at size; on the columns of
// a page (see Columns) a line that would end inside a gutter is broken
// where a phrase ends before it (see phraseBreak), else wrapped at the
// gutter's left edge, so that it ends on the column before: a chart's
// title or note under the text ending inside a gutter stretches the
// boxes of the column before's blocks right into it, over any label of
// the chart that begins inside it further left (a value over its bar,
// moved only as far as its bar allows), and poppler reads the columns'
// blocks by their tops, across them (the health bureau's newspaper,
// page 3: the subheading 幼兒常規疫苗與結核病 at the foot of column 1 read
// after column 2).
func gutterLines(s string, face *fonts.Face, size, width float64, p palette) []string {
	lines := wrap(face, s, size, width)
	for _, l := range lines {
		if edge, _, ok := p.columns.Gutter(textWidth(face, l, size)); ok && edge < width {
			if n := phraseBreak(s, edge, face, size); n > 0 {
				return append([]string{strings.TrimSpace(s[:n])}, gutterLines(strings.TrimSpace(s[n:]), face, size, width, p)...)
			}
			return gutterLines(s, face, size, edge, p)
		}
	}
	return lines
}

// phraseBreak is where s may be broken (see gutterLines) so that its
// first line, in face at size, ends a phrase and is at most w wide, and
// half that at least: the end of the longest such head (before an
// opening bracket, after a comma, colon or semicolon, or at a space), in
// bytes; 0 when none.
func phraseBreak(s string, w float64, face *fonts.Face, size float64) int {
	best := 0
	for i, r := range s {
		n := 0
		switch {
		case strings.ContainsRune("（(「《〈【", r) || r == ' ':
			n = i
		case strings.ContainsRune("，、：；,:;", r):
			n = i + utf8.RuneLen(r)
		}
		if n == 0 || n >= len(strings.TrimRight(s, " ")) {
			continue
		}
		tw := textWidth(face, strings.TrimSpace(s[:n]), size)
		if tw > w {
			break
		}
		if tw >= w/2 {
			best = n
		}
	}
	return best
}

func titleHeight(title string, width float64, p palette) float64 {
	n := len(titleLines(title, width, p))
	if n == 0 {
		return 0
	}
	return float64(n)*titleSize*titleLeading + titleGap
}

// title sets the title Bold 9 pt Ink at the top left and returns the
// height used.
func (r *Renderer) title(title string, w float64, p palette) float64 {
	for i, l := range titleLines(title, w, p) {
		r.textAt(p.bold, titleSize, p.ink, l, 0, float64(i)*titleSize*titleLeading+capHeightEm*titleSize)
	}
	return titleHeight(title, w, p)
}

// noteGap is the room between a chart's plot and its note, pt.
const noteGap = 4.0

// noteSize is the size of a chart's note (its source): a point under the
// labels', 6.5 pt at least.
func noteSize(p palette) float64 { return math.Max(6.5, p.fs-1) }

// noteLines is a chart's note wrapped to width, kept off the gutters as
// its title is (see gutterLines).
func noteLines(note string, width float64, p palette) []string {
	if strings.TrimSpace(note) == "" {
		return nil
	}
	return gutterLines(strings.TrimSpace(note), p.regular, noteSize(p), width, p)
}

// noteHeight is the height a chart's note takes under its plot: none
// without one.
func noteHeight(note string, width float64, p palette) float64 {
	n := len(noteLines(note, width, p))
	if n == 0 {
		return 0
	}
	return noteGap + float64(n)*noteSize(p)*titleLeading
}

// note draws a chart's note, muted, its first line y under the plot's top.
func (r *Renderer) note(note string, y, w float64, p palette) {
	size := noteSize(p)
	for i, l := range noteLines(note, w, p) {
		r.textAt(p.regular, size, p.muted, l, 0, y+noteGap+float64(i)*size*titleLeading+capHeightEm*size)
	}
}

// textAt draws s in face at size with its baseline's left end at (x, y)
// (chart coordinates) through the renderer, at float precision.
func (r *Renderer) textAt(face *fonts.Face, size float64, c drawing.Color, s string, x, y float64) {
	r.setFace(face)
	r.SetFontSize(size * 72 / r.dpi)
	r.SetFontColor(c)
	r.ClearTextRotation()
	r.text(s, x, y)
}

// textRight draws s with its baseline's right end at (x, y).
func (r *Renderer) textRight(face *fonts.Face, size float64, c drawing.Color, s string, x, y float64) {
	r.textAt(face, size, c, s, x-textWidth(face, s, size), y)
}

// textCentre draws s centred on x.
func (r *Renderer) textCentre(face *fonts.Face, size float64, c drawing.Color, s string, x, y float64) {
	r.textAt(face, size, c, s, x-textWidth(face, s, size)/2, y)
}

func (r *Renderer) rect(x, y, w, h float64, c drawing.Color) {
	if w <= 0 || h <= 0 {
		return
	}
	r.SetFillColor(c)
	r.SetStrokeColor(drawing.ColorTransparent)
	r.moveTo(x, y)
	r.lineTo(x+w, y)
	r.lineTo(x+w, y+h)
	r.lineTo(x, y+h)
	r.Close()
	r.Fill()
}

func (r *Renderer) hline(x0, x1, y, width float64, c drawing.Color) {
	r.segment(x0, y, x1, y, width, c)
}

func (r *Renderer) vline(x, y0, y1, width float64, c drawing.Color) {
	r.segment(x, y0, x, y1, width, c)
}

// segment strokes a solid straight line.
func (r *Renderer) segment(x0, y0, x1, y1, width float64, c drawing.Color) {
	r.SetStrokeColor(c)
	r.SetStrokeWidth(width)
	r.SetStrokeDashArray(nil)
	r.moveTo(x0, y0)
	r.lineTo(x1, y1)
	r.Stroke()
}

// ---- numbers (all through package number) ----

// unitOf is the unit printed after a point's value.
func unitOf(c data.Chart, d data.Point) string {
	if d.Unit != "" {
		return d.Unit
	}
	return c.Unit
}

// format is the chart's number format with the given unit.
func format(c data.Chart, unit string, p palette) number.Format {
	dec := labelDecimals(c)
	if c.Decimals != nil {
		dec = *c.Decimals
	}
	return number.Format{Style: c.Format, Decimals: dec, Lang: p.lang, Group: p.group, Prefix: c.Prefix, Unit: unit}.Alike(figures(c)...)
}

// labelDecimals is how many decimals a chart without decimals: prints:
// its figures as written (-1), unless one is written with more than a
// label needs by the chart's magnitude — one decimal from 100 up, two
// from 1, three significant digits below (0.131) — when all its figures
// take that many, so that a series reads alike (318.6, 326.0; never
// 318.58064516129 from a spreadsheet's average).
func labelDecimals(c data.Chart) int {
	most, written := 0.0, 0
	for _, t := range figures(c) {
		if v, err := strconv.ParseFloat(t, 64); err == nil {
			most = math.Max(most, math.Abs(v))
		}
		written = max(written, number.Decimals(t))
	}
	enough := 2
	switch {
	case most >= 100:
		enough = 1
	case most > 0 && most < 1:
		enough = 2 - int(math.Floor(math.Log10(most)))
	}
	if written <= enough {
		return -1
	}
	return enough
}

// figures are the texts of every number chart c prints: its points'
// values (each series'), its value, total and target.
func figures(c data.Chart) []string {
	var out []string
	for _, d := range c.Data {
		out = append(out, d.Value.Text)
		for _, v := range d.Values {
			out = append(out, v.Text)
		}
	}
	for _, n := range []*data.Number{c.Value, c.Total, c.Target} {
		if n != nil {
			out = append(out, n.Text)
		}
	}
	return out
}

// valueLabel is a point's value as printed: prefix, figure, unit.
func valueLabel(c data.Chart, d data.Point, p palette) string {
	return format(c, unitOf(c, d), p).Label(d.Value.Text)
}

// shareDecimals is the decimals of computed percentages: the chart's, or 1.
func shareDecimals(c data.Chart) int {
	if c.Decimals != nil {
		return *c.Decimals
	}
	return 1
}

// percentText is the share a donut, progress or waffle chart prints: the
// percent as written, or value/total with one decimal (or decimals:).
func percentText(c data.Chart) string {
	if c.Percent != nil {
		f := number.Plain
		if c.Decimals != nil {
			f.Decimals = *c.Decimals
		}
		return f.Text(c.Percent.Text) + "%"
	}
	return number.Percent(c.Fraction(), shareDecimals(c))
}

// ofText is the "376 / 1653家" caption, or "" with only a percent.
func ofText(c data.Chart, p palette) string {
	if c.Value == nil || c.Total == nil {
		return ""
	}
	f := format(c, c.Unit, p)
	f.Prefix = ""
	bare := f
	bare.Unit = ""
	return bare.Text(c.Value.Text) + " / " + f.Label(c.Total.Text)
}

// unitCaption is the line naming an axis's unit ("单位：万人次"), or "".
func unitCaption(unit string, p palette) string {
	if unit == "" {
		return ""
	}
	return p.words().Unit + unit // 单位：, 單位：, Unit:
}

func clamp(v, lo, hi float64) float64 { return math.Max(lo, math.Min(hi, v)) }

// Strings returns every text chart c puts on the page (title, labels,
// values, ticks, legends, the words of change charts), so that callers can
// check the fonts have every character before drawing. It draws the chart
// at a usual width, in the style's faces (which decide what fits and is
// shortened), and keeps the text.
func (st Style) Strings(c data.Chart) []string {
	var texts []string
	var p draw.Page
	cv := draw.Canvas{Page: &p}
	for _, w := range []float64{240, 480} {
		p.Items = p.Items[:0]
		cv.Reuse(&p)
		_ = Draw(&cv, c, 0, 0, w, st.Height(c, w), st)
		for _, it := range p.Items {
			if it.Kind == draw.Text {
				texts = append(texts, it.Text)
			}
		}
	}
	return texts
}

// Alt returns chart c in words, for readers who cannot see it (the
// alternative text of a tagged PDF, an image's alt): the chart's alt: when
// it has one, else written from its data in the report's language — the
// kind of chart, its title and unit, then each item and its value, the
// largest and the smallest, and a trend's change from first to last, and
// its note (where the data comes from):
//
//	柱状图：交管四项指数同比降幅，单位%。事故数14.98，死亡人数44.86（最大），受伤人数10.99（最小），直接财产损失15.95。
//
// Its words and marks, the kinds' names among them, are the language's
// (locale.AltWords), so that a Japanese chart reads 棒グラフ…単位 and a
// Korean one 막대그래프…단위, not Chinese.
func Alt(c data.Chart, lang string) string {
	if alt := strings.TrimSpace(c.Alt); alt != "" {
		return alt
	}
	k, ok := kinds[c.Type]
	if !ok {
		return c.Title
	}
	p := Style{Lang: lang}.resolve()
	w := altWords(p)
	head := w.Kinds[c.Type]
	if c.Title != "" {
		head += w.Colon + c.Title
	}
	if c.Unit != "" && len(c.Data) > 0 {
		head += w.Sep + w.Unit + c.Unit
	}
	alt := head + w.Stop + w.Space + strings.Join(k.alt(c, p), w.Sep) + w.Stop
	if note := strings.TrimSpace(c.Note); note != "" {
		alt += w.Space + note
	}
	return alt
}

// altWordSet is the words and marks alt texts are written with, in the
// report's language.
type altWordSet struct{ locale.AltWords }

func altWords(p palette) altWordSet { return altWordSet{p.words().Alt} }

// note puts notes in brackets after an item: "（80.0%，最大）".
func (w altWordSet) note(notes ...string) string {
	var ns []string
	for _, n := range notes {
		if n != "" {
			ns = append(ns, n)
		}
	}
	if len(ns) == 0 {
		return ""
	}
	return w.Open + strings.Join(ns, w.Sep) + w.Close
}

// join is a label and its value: "事故数14.98", "Deaths 44.86", with a
// space where the two would run together (a label ending in a Latin
// letter or digit, in a language that does not space its words).
func (w altWordSet) join(label, value string) string {
	if w.Space != "" || label == "" {
		return strings.TrimSpace(label + w.Space + value)
	}
	r := []rune(label)
	if last := r[len(r)-1]; last < 0x80 && (unicode.IsLetter(last) || unicode.IsDigit(last)) {
		return label + " " + value
	}
	return label + value
}

// values are the values of c's items, in order.
func values(c data.Chart) []float64 {
	vs := make([]float64, len(c.Data))
	for i, d := range c.Data {
		vs[i] = d.Value.Value
	}
	return vs
}

// extremes returns the index of the largest and of the smallest of vs,
// -1 for either when it is not one item alone or there are fewer than
// three items (two need no ranking).
func extremes(vs []float64) (hi, lo int) {
	hi, lo = -1, -1
	if len(vs) < 3 {
		return
	}
	for i, v := range vs {
		if hi < 0 || v > vs[hi] {
			hi = i
		}
		if lo < 0 || v < vs[lo] {
			lo = i
		}
	}
	for i, v := range vs {
		if i != hi && v == vs[hi] {
			hi = -1
			break
		}
	}
	for i, v := range vs {
		if lo >= 0 && i != lo && v == vs[lo] {
			lo = -1
			break
		}
	}
	return
}

// rank is the note of item i: largest, smallest or nothing.
func (w altWordSet) rank(i, hi, lo int) string {
	switch i {
	case hi:
		return w.Largest
	case lo:
		return w.Smallest
	}
	return ""
}

// altValue is a value as an alt text says it: its unit only where it is
// not the chart's (which the head says once).
func altValue(c data.Chart, d data.Point, n data.Number, p palette) string {
	unit := ""
	if d.Unit != "" && d.Unit != c.Unit {
		unit = d.Unit
	}
	return format(c, unit, p).Label(n.Text)
}

// pointsAlt is each item with its value, the largest and the smallest
// marked: "事故数14.98，死亡人数44.86（最大）".
func pointsAlt(c data.Chart, p palette) []string {
	w := altWords(p)
	hi, lo := extremes(values(c))
	var out []string
	for i, d := range c.Data {
		out = append(out, w.join(d.Label, altValue(c, d, d.Value, p))+w.note(w.rank(i, hi, lo)))
	}
	return out
}

// seriesAlt is each series with its items' values, or pointsAlt without
// series.
func seriesAlt(c data.Chart, p palette) []string {
	if len(c.Series) == 0 {
		return pointsAlt(c, p)
	}
	w := altWords(p)
	var out []string
	for k, name := range c.Series {
		var items []string
		for _, d := range c.Data {
			if k < len(d.Values) {
				items = append(items, w.join(d.Label, altValue(c, d, d.Values[k], p)))
			}
		}
		out = append(out, name+w.Colon+strings.Join(items, w.Sep))
	}
	return []string{strings.Join(out, w.Group)}
}

// sharesAlt is each part with its value and share, as the legend has it,
// the largest and the smallest marked.
func sharesAlt(c data.Chart, p palette) []string {
	w := altWords(p)
	c = foldShares(c, p)
	sum := shareSum(c)
	hi, lo := extremes(values(c))
	var out []string
	for i, d := range c.Data {
		share := ""
		if c.Unit != "%" && d.Unit != "%" && sum > 0 {
			share = number.Percent(d.Value.Value/sum, shareDecimals(c))
		}
		out = append(out, w.join(d.Label, altValue(c, d, d.Value, p))+w.note(share, w.rank(i, hi, lo)))
	}
	return out
}

// fractionAlt is the share and what it is of: "22.7%（376 / 1653个）".
func fractionAlt(c data.Chart, p palette) []string {
	w := altWords(p)
	return []string{percentText(c) + w.note(ofText(c, p))}
}

// changeAlt is each item's change in words, the largest marked: "事故数同比
// 下降14.98（最大）".
func changeAlt(c data.Chart, p palette) []string {
	w := altWords(p)
	var vs []float64
	for _, d := range c.Data {
		vs = append(vs, math.Abs(d.Value.Value))
	}
	hi, lo := extremes(vs)
	var out []string
	for i, d := range c.Data {
		word, _ := changeWords(d.Value.Value, p)
		n := d.Value
		if n.Value < 0 && strings.HasPrefix(n.Text, "-") {
			n.Text = n.Text[1:]
		}
		out = append(out, w.join(d.Label+w.Space+word, altValue(c, d, n, p))+w.note(w.rank(i, hi, lo)))
	}
	return out
}

// trendAlt is the values in order (the highest and lowest marked), the
// change from the first to the last, then the target.
func trendAlt(c data.Chart, p palette) []string {
	out := seriesAlt(c, p)
	w := altWords(p)
	if len(c.Series) == 0 && len(c.Data) >= 2 {
		first, last := c.Data[0], c.Data[len(c.Data)-1]
		if f := first.Value.Value; f != 0 {
			ch := (last.Value.Value - f) / math.Abs(f)
			word, _ := changeWords(ch, p)
			word = strings.TrimPrefix(word, p.words().YearOnYear)
			out = append(out, fmt.Sprintf(w.Trend, first.Label, last.Label, word, number.Percent(math.Abs(ch), 1)))
		}
	}
	if c.Target != nil {
		out = append(out, w.Target+format(c, "", p).Label(c.Target.Text))
	}
	return out
}
