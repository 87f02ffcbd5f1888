package layout

import (
	"cmp"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/internal/structure"
	"github.com/brochure-dev/brochure/number"
)

// titlesOnly says whether the report has nothing to print after the cover
// but its sections' titles.
func (d *Document) titlesOnly() bool {
	r := d.Report
	if strings.TrimSpace(r.Byline) != "" {
		return false
	}
	for _, s := range r.Sections {
		if s.Headline != "" || len(s.Stats) > 0 || strings.TrimSpace(s.Body) != "" || len(s.Charts) > 0 || d.photos(s) > 0 || s.Quote != nil || s.QR != nil || len(s.Tables) > 0 || len(s.Timeline) > 0 {
			return false
		}
	}
	return true
}

// photos is how many of section s's photos are set (see Options.sets).
func (d *Document) photos(s data.Section) int {
	n := 0
	for _, p := range s.Photos {
		if d.opt.sets(p) {
			n++
		}
	}
	return n
}

// body turns the sections into the blocks that flow through the pages.
//
// A section reads: its head (number, headline, title), the figures that
// the headline does not already show as stat cards, the body in columns
// as one flow (see Flow), then its charts and photos two to a row (a chart
// whose columns would be crowded in one column takes a row of its own, the
// full width). When a
// section has an odd number of figures, the first by the report (see
// floatIndex) stands in the text at the foot of its last column, read
// before the rows, or beside the stat cards when there is no
// text; with neither, two strip charts share one cell (stackStrips), or
// else the figure that gains from the full width takes it (gainsWidth):
// no figure stands alone in half a row, half of the page left empty.
//
// The layout follows the section's content, so that ten sections do not
// repeat one pattern: a section of one chart and a short text sets the
// chart after the text, the full width (a hero chart); a
// lone chart too tall to stand beside the text follows it the full
// width; many figures (four or more cards) stand on a band, in a look
// that has one (Card.Band).
func (d *Document) body() []Block {
	var blocks []Block
	for i, s := range d.Report.Sections {
		blocks = append(blocks, d.sectionHead(i, s))
		var cards []Block
		for _, st := range s.Stats {
			if !d.inHeadline(s.Headline, st) {
				cards = append(cards, d.statCard(st))
			}
		}
		var figs, wide, all []Block // all: the charts in their order (then the photos, on three columns)
		for j, c := range s.Charts {
			b := &chartBlock{chart: c, key: fmt.Sprintf("sections[%d].charts[%d]", i, j), n: j, style: d.chartStyle()}
			if all = append(all, b); d.wide(c) {
				wide = append(wide, b)
			} else {
				figs = append(figs, b)
			}
		}
		for j, p := range s.Photos {
			if !d.opt.sets(p) {
				continue
			}
			figs = append(figs, d.photo(fmt.Sprintf("sections[%d].photos[%d]", i, j), p))
		}
		alignIcons(cards)
		kicker := d.kicker(i, s)
		flow := d.textFlow(i, s)
		if flow != nil {
			flow.Kicker = kicker // above its figure, or its stat cards set after it, carried to a page (see cardsAfter)
		}
		closing := len(s.Tables) > 0 || len(s.Timeline) > 0 // the section ends with a table or a timeline
		if closing && flow != nil && flow.Trailer != nil {
			// the byline closes the brochure under the table or timeline
			if flow.Trailer = nil; len(flow.Paras) == 0 {
				flow = nil
			}
		}
		var hero Block
		if len(s.Charts) == 1 && d.photos(s) == 0 && flow != nil && utf8.RuneCountInString(s.Body) <= heroText && grows(d.chartStyle(), s.Charts[0], d.geo.contentW(), d.geo.figureW()) {
			if len(figs) == 1 {
				hero, figs = figs[0], nil
			} else {
				hero, wide = wide[0], nil
			}
		}
		if len(cards) >= bandCards && d.Theme.Card.Band != "" {
			band := &Panel{Fill: d.Theme.Of(d.Theme.Card.Band), PadX: 10, PadY: 10, After: d.Theme.Grid.CardGap}
			rows := cardRows(cards, 0, 0, d.geo.Gutter) // padded in the band: off the columns
			rows[len(rows)-1].(*Row).After = 0
			band.Blocks = rows
			blocks = append(blocks, band)
		} else if len(figs)%2 == 1 && len(cards) > 0 && flow == nil {
			grid := &Stack{}
			grid.Blocks = append(grid.Blocks, cardRows(cards, 2, 0, d.geo.Gutter)...)
			blocks = append(blocks, &Row{Cells: []Block{grid, figs[len(figs)-1]}, Columns: 2, Gutter: d.geo.Gutter, After: d.Theme.Grid.FigureGap})
			figs = figs[:len(figs)-1]
		} else {
			blocks = append(blocks, cardRows(cards, 0, d.geo.Columns, d.geo.Gutter)...)
		}
		var grid [][]Block // the rows of figures on three columns (see gridRows)
		var spans [][]int
		if d.geo.Columns == gridCols && hero == nil {
			for _, b := range figs {
				if _, photo := b.(*photoBlock); photo {
					all = append(all, b)
				}
			}
			var in Block
			room := 0.0 // the text's height in the columns beside a figure in it
			if flow != nil {
				room = flow.Measure(d.geo.contentW()) * gridCols / (gridCols - 1)
			}
			grid, spans, in = gridRows(all, d.geo.contentW(), d.geo.Gutter, flow != nil && s.QR == nil, tallFloat*d.Theme.Scale.Lead, room)
			if in != nil {
				flow.Float, flow.Kicker = in, kicker
			}
			figs, wide = nil, nil
		}
		if len(figs)%2 == 1 && flow == nil {
			figs = d.stackStrips(figs)
		}
		if len(figs)%2 == 1 && flow == nil {
			// no text to stand in: the figure that gains most from the
			// full width takes it (the last such), rather than one
			// standing alone in half a row
			for j := len(figs) - 1; j >= 0; j-- {
				if gainsWidth(figs[j], d.geo.contentW(), d.geo.Gutter) {
					wide = append(wide, widened(figs[j]))
					figs = append(figs[:j:j], figs[j+1:]...)
					break
				}
			}
		}
		var qr Block
		if s.QR != nil {
			qr = d.qr(*s.QR, qrBeside)
		}
		if flow != nil {
			if len(figs)%2 == 0 && qr != nil {
				// the QR code stands at the foot of the text's last column
				// (where the text's own space below follows it)
				qr.(*qrBlock).after = 0
				flow.Float, flow.Kicker, qr = qr, kicker, nil
			}
			if len(figs)%2 == 1 {
				// the last chart too tall to stand in the text follows
				// the rows (it is the last of its list); else the first
				// of its list stands in the text (see floatIndex)
				lone := len(figs) - 1
				if !tallChart(figs[lone], d) {
					lone = floatIndex(figs, wide)
				}
				if tallChart(figs[lone], d) {
					// too tall to stand in the text: after it, the full width
					// (among the wide charts in the report's order, see byReport)
					wide = append(wide, figs[lone])
				} else {
					// a lone figure stands in the text, at the foot of its
					// last column
					flow.Float, flow.Kicker = figs[lone], kicker
				}
				figs = append(figs[:lone:lone], figs[lone+1:]...)
			}
			if flow.Trailer != nil && len(flow.Paras) > 0 && len(figs)+len(wide)+len(grid) > 0 {
				// the byline closes the brochure under the figures that
				// follow the text, not between the text and them (they
				// may go overleaf)
				flow.Trailer, closing = nil, true
			}
			blocks = append(blocks, flow)
		}
		if hero != nil {
			// the hero follows its text: set above two columns of
			// text, its row of labels (a bar or line chart's
			// categories, each a block of its own to poppler) stands
			// over column 2 wholly right of column 1's text, and
			// poppler's pdftotext, which reads a block left of
			// another first unless a block between them overlaps
			// both (none does: the labels share one row), read column
			// 1, those labels, then column 2, the paragraph that runs
			// on from one column to the other split by the chart's
			// years. Below the text, the chart's title and axis
			// labels, alone on their rows, span the width for
			// poppler, and are read after both columns.
			blocks = append(blocks, &Row{Cells: []Block{hero}, Columns: 1, After: d.Theme.Grid.FigureGap, Kicker: kicker})
		}
		if len(grid) > 0 && flow != nil {
			// a row may stand over the text (see overColumns)
			flow.Parted = true
		}
		for j, cells := range grid {
			row := &Row{Cells: cells, Columns: gridCols, Spans: spans[j], Gutter: d.geo.Gutter, After: d.Theme.Grid.FigureGap, Kicker: kicker}
			if len(cells) == 1 && spans[j][0] == gridCols {
				row.Columns, row.Spans = 1, nil // the full width
			}
			blocks = append(blocks, row)
		}
		wide = byReport(wide)
		before := ahead(wide, figs)
		for _, b := range wide[:before] {
			blocks = append(blocks, &Row{Cells: []Block{b}, Columns: 1, After: d.Theme.Grid.FigureGap, Kicker: kicker})
		}
		for j := 0; j < len(figs); j += 2 {
			row := &Row{Cells: figs[j:min(j+2, len(figs))], Columns: 2, Gutter: d.geo.Gutter, After: d.Theme.Grid.FigureGap, Kicker: kicker}
			if flow != nil && d.geo.Columns == 2 && captionsOffGrid(row, d.geo) {
				// the row under the text; a later one there when those
				// before it wait for the next page
				if j == 0 && before == 0 {
					flow.Parted = true
				} else {
					flow.Sooner = true
				}
			}
			blocks = append(blocks, row)
		}
		for _, b := range wide[before:] {
			blocks = append(blocks, &Row{Cells: []Block{b}, Columns: 1, After: d.Theme.Grid.FigureGap, Kicker: kicker})
		}
		for j, t := range s.Tables {
			blocks = append(blocks, d.table(i, j, t))
		}
		if len(s.Timeline) > 0 {
			blocks = append(blocks, d.timeline(s.Timeline))
		}
		if i == len(d.Report.Sections)-1 && d.Report.Byline != "" && closing {
			blocks = append(blocks, signature{&Paragraph{Spans: []Span{d.Theme.span(d.Report.Byline, d.Theme.Regular, d.Theme.Scale.Body, d.Theme.Muted)}, Setting: Setting{Align: Right}, Leading: d.Theme.Scale.Lead}})
		}
		if qr != nil {
			blocks = append(blocks, qr)
		}
		blocks = append(blocks, Space(d.Theme.Grid.SectionGap))
	}
	tagSections(d.root, blocks)
	return blocks
}

// floatIndex is which of figs, an odd number of a section's figures set
// two to a row after its text (its charts, then its photos), stands in
// the text instead (Flow.Float): one the report lists first of its list,
// read before the rows and the wide figures that follow the text — the
// first photo, else the first chart unless a wide chart is listed before
// it (the report orders photos and charts each in its own list, not
// among each other). When none is (a wide chart listed before every
// chart of figs, and no photo), the last: it is read out of order
// wherever it stands. (The last of figs stood in the text: a section's
// third photo read before the row of its first two under the text.)
func floatIndex(figs, wide []Block) int {
	for j, b := range figs {
		if _, ok := b.(*photoBlock); ok {
			return j
		}
	}
	first := math.MaxInt // the first wide chart's place in the charts
	for _, b := range wide {
		first = min(first, chartOrder(b))
	}
	if c, ok := figs[0].(*chartBlock); ok && c.n < first {
		return 0
	}
	return len(figs) - 1
}

// tallChart reports whether b is a chart too tall to stand in a
// section's text (taller than tallFloat lines in a column): it follows
// the text the full width instead.
func tallChart(b Block, d *Document) bool {
	_, chart := b.(*chartBlock)
	return chart && b.Measure(d.geo.figureW()) > tallFloat*d.Theme.Scale.Lead
}

// byReport is wide, the figures set the full width, with its charts in
// the report's order (a chart too tall to stand in the text joins the
// wide ones after those the look sets so: city-annual-long's hbar of
// twelve districts, listed first, followed its month's bars), and then
// its photos.
func byReport(wide []Block) []Block {
	wide = slices.Clone(wide)
	slices.SortStableFunc(wide, func(a, b Block) int {
		return cmp.Compare(chartOrder(a), chartOrder(b))
	})
	return wide
}

// chartOrder is b's place in its section's charts, or after them all
// for a figure that is not a chart.
func chartOrder(b Block) int {
	if c, ok := b.(*chartBlock); ok {
		return c.n
	}
	return math.MaxInt
}

// ahead is how many of the wide figures (in order, see byReport) come in
// the report before every chart of the rows of figs: they are set
// before those rows, keeping their place among the section's charts
// rather than following the rows of charts listed after them. Rows of
// photos alone keep the wide charts after them, as before.
func ahead(wide, figs []Block) int {
	least := math.MaxInt
	for _, b := range figs {
		if c, ok := b.(*chartBlock); ok {
			least = min(least, c.n)
		}
	}
	n := 0
	for least < math.MaxInt && n < len(wide) && chartOrder(wide[n]) < least {
		n++
	}
	return n
}

// captionsOffGrid reports whether row, of two photos shared in
// proportion to their shapes, starts its second photo (and caption) off
// the second column's edge. Poppler's pdftotext reads the captions of
// such a row under two columns of text after the first column's text,
// before the second's, inside a paragraph that runs on from one to the
// other (the left caption is a block wholly left of column 2 with no
// block across both between them); captions whose cells align with the
// columns it reads with the columns as a table, row by row, in order.
func captionsOffGrid(row *Row, g geometry) bool {
	if len(row.Cells) != 2 {
		return false
	}
	for _, c := range row.Cells {
		if _, ok := c.(*photoBlock); !ok {
			return false
		}
	}
	w := g.contentW()
	x, _ := row.cell(w, 1)
	return math.Abs(x-(g.figureW()+g.Gutter)) > 2
}

// stackStrips sets the first two strip charts of figs (a progress bar, a
// stacked bar: a line of a chart, whatever the width) one above the
// other in one cell, at the place of the first, so that an odd figure
// finds a partner: the strips beside a pie chart rather than a strip
// beside it and another alone.
func (d *Document) stackStrips(figs []Block) []Block {
	first := -1
	for j, b := range figs {
		if !stripChart(b) {
			continue
		}
		if first < 0 {
			first = j
			continue
		}
		out := append([]Block(nil), figs[:j]...)
		out[first] = &Stack{Blocks: []Block{figs[first], Space(d.Theme.Grid.FigureGap), b}}
		return append(out, figs[j+1:]...)
	}
	return figs
}

// stripChart reports whether b is a chart drawn as one strip.
func stripChart(b Block) bool {
	c, ok := b.(*chartBlock)
	return ok && (c.chart.Type == "progress" || c.chart.Type == "stacked")
}

// A section's content decides its layout (see body): a text of at most
// heroText characters makes a lone chart a hero; a lone chart taller than
// tallFloat lines does not float; bandCards cards stand on a band.
const (
	heroText  = 160
	tallFloat = 12
	bandCards = 4
)

// wide reports whether chart c takes a row of its own, the full width:
// every chart of a look that sets them so (the poster's), and one that is
// crowded in one column (set as rows of horizontal bars, or as columns
// without their values or with every n-th label) and is columns at the
// full width, such as a month's bars.
func (d *Document) wide(c data.Chart) bool {
	st := d.chartStyle()
	return d.Theme.Grid.Figures == 1 || st.Crowded(c, d.geo.figureW()) && !st.Rows(c, d.geo.contentW())
}

// indent is the body's first-line indent in characters: two, the
// Chinese convention (one em in English), unless the theme says
// otherwise.
func (d *Document) indent() float64 {
	if n := d.Report.Theme.Indent; n != nil {
		return n.Value
	}
	if d.Theme.Locale.English() {
		return 1
	}
	return 2
}

// inHeadline reports whether the headline already sets this figure big:
// the figure as its card would write it (30793000 as 3079.3万, in 万 and
// 亿 or in full, see defaultStyle) or as the report writes it, with the
// start of its unit (1.01亿 for 1.01亿元), compared without thousands
// separators (3,079.3萬 is 3079.3萬) and with the spaces English sets
// between a figure, its word and its unit (1,284 children; 2.9 million
// tonnes). A card that says more than its figure — a note or a source —
// is never in the headline: the headline does not say where the figure
// comes from.
func (d *Document) inHeadline(headline string, st data.Stat) bool {
	if st.Note != "" || st.Source != "" {
		return false
	}
	c := d.card(st)
	type written struct{ fig, word string }
	wants := []written{{st.Value.Text, ""}}
	for _, style := range []string{c.defaultStyle(false), c.defaultStyle(true), "full"} {
		_, fig, unit := d.Theme.Locale.Figure("", st.Value.Text, st.Unit, style)
		word := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(unit), strings.TrimSpace(st.Unit))) // 万, as the unit's start
		wants = append(wants, written{number.Ungroup(fig), word})
	}
	if !d.Theme.Locale.English() {
		for _, fig := range wanRemainder(st.Value.Text) {
			wants = append(wants, written{fig, ""})
		}
	}
	h := number.Ungroup(headline)
	for _, w := range wants {
		if figureIn(h, w.fig, w.word, st.Unit) {
			return true
		}
	}
	return false
}

// wanRemainder is a whole figure as a Chinese, Japanese or Korean text may
// write it in 万 and its remainder (see remainder): 126480 as 12萬6480 or
// 12万6480, 120480 also as 12萬480 (the remainder's zeros left out), so
// that a card under the headline 公費流感疫苗接種12萬6,480劑 is known to
// say nothing the headline does not. Nothing for a figure under 万, one
// with decimals, or a whole number of 万 (120000 is 12万, which
// defaultStyle's forms cover).
func wanRemainder(value string) []string {
	n, err := strconv.ParseInt(value, 10, 64)
	if err != nil || n < 1e4 || n%1e4 == 0 {
		return nil
	}
	q, r := strconv.FormatInt(n/1e4, 10), n%1e4
	var forms []string
	for _, w := range []string{"万", "萬", "만"} {
		forms = append(forms, q+w+fmt.Sprintf("%04d", r))
		if r < 1000 {
			forms = append(forms, q+w+strconv.FormatInt(r, 10))
		}
	}
	return forms
}

// figureIn reports whether headline holds figure fig as a whole figure (2起
// is not in 12起 or 0.2起), then the word it is written in (万, million)
// and the start of unit (its first character; a Latin unit's first word,
// as the start of the headline's: t for tonnes, but not trees for
// teachers), each after any spaces: English sets one between them.
func figureIn(headline, fig, word, unit string) bool {
	const spaces = " \u00A0\u2009\u202F"
	unit = strings.Trim(unit, spaces) // " min": the space is the one English sets
	start := unit
	if r, n := utf8.DecodeRuneInString(unit); r < utf8.RuneSelf && unicode.IsLetter(r) {
		if k := strings.IndexFunc(unit, func(r rune) bool { return !unicode.IsLetter(r) }); k > 0 {
			start = unit[:k]
		}
	} else if n > 0 {
		start = unit[:n]
	}
	return number.WholeAt(headline, fig, func(rest string) bool {
		if word != "" {
			if rest = strings.TrimLeft(rest, spaces); !strings.HasPrefix(rest, word) {
				return false
			}
			rest = rest[len(word):]
		}
		if start != "" {
			return strings.HasPrefix(strings.TrimLeft(rest, spaces), start)
		}
		return rest == "" || rest[0] != '.'
	})
}

// cardRows sets stat cards in rows. With cols 0 the count decides, so no
// row ends with a lone card: 5 across, 6 as 3 + 3, 7 and 8 as 4 + 4, and
// for more the widest of 4, 3 or 5 that leaves no last row of one.
// Rows of 2 and 4 share the body's gutter so the cards stand on the text
// columns of a page of two. On a page of three (textCols, the columns of
// the text the rows stand over; 0 when they stand in a band or beside a
// figure), up to three cards, or six or nine, stand on its columns as
// its figures do (see gridSpan), a card to a column, in the body's
// gutter: a card of a row of four there crosses a gutter, and its label
// may end inside it, where poppler's pdftotext stretches the box of the
// column of text above over what ends below it (see charts.Columns), and
// reads the next column's paragraphs among the column's. Each row keeps
// with the next: a section's cards are not parted by a page break.
func cardRows(cards []Block, cols, textCols int, gutter float64) []Block {
	onText := textCols == gridCols && cols == 0 && (len(cards) <= gridCols || len(cards)%gridCols == 0)
	if onText {
		cols = gridCols
	}
	if cols == 0 {
		switch n := len(cards); {
		case n <= 5:
			cols = max(n, 4)
			if n == 5 {
				cols = 5
			}
		case n == 6 || n == 9:
			cols = 3
		default:
			cols = 4
			for _, c := range []int{4, 3, 5} {
				if n%c != 1 {
					cols = c
					break
				}
			}
		}
	}
	g := gutter
	if (cols == 3 || cols == 5) && !onText {
		g = math.Round(gutter*14/26*10) / 10
	}
	var rows []Block
	for j := 0; j < len(cards); j += cols {
		for k, b := range cards[j:min(j+cols, len(cards))] {
			if c, ok := b.(*statCard); ok {
				c.setGap(g)
				if k == cols-1 || j+k == len(cards)-1 {
					c.setGap(0) // the row's last: no figure to its right
				}
			}
		}
		rows = append(rows, &Row{Cells: cards[j:min(j+cols, len(cards))], Columns: cols, Gutter: g, After: 14, Keep: j+cols < len(cards)})
	}
	return rows
}

// sectionHead is the section's number, its headline of big figures and
// its title, kept together and with what follows. The headline leads (its
// figures in Black, its words in Bold); the title follows it as the deck
// (the newspaper's 副题), after the dash the page puts between them, in
// Regular: lighter than the headline, larger than the body. Keeping the
// titles out of Bold also keeps the Bold subset to the headlines' words.
// A section without a headline has its title for its head, set as a
// headline without figures is (Black, HeadPlain).
func (d *Document) sectionHead(i int, s data.Section) Block {
	th := d.Theme
	h := &sectionHead{n: i, title: s.Title}
	st := &h.Stack
	st.Keep = true
	switch th.Opener.Kind {
	case "numeral":
		d.numeralHead(st, i, s)
		return h
	case "band":
		d.bandHead(st, i, s)
		return h
	}
	st.Blocks = append(st.Blocks,
		Rule{Color: th.Primary, Thickness: th.Opener.Rule, After: 8},
		beside(s.Icon, th.Primary, &Paragraph{Spans: []Span{th.span(th.number(i), th.Black, th.Opener.Number, th.Primary)}, Setting: Setting{Align: Left}, After: 6}),
	)
	if s.Headline != "" {
		st.Blocks = append(st.Blocks, &Paragraph{Spans: headlineSpans(s.Headline, th), Setting: Setting{Align: Left, PhraseBreaks: true, TrimStart: true}, After: 4})
	}
	title := &Paragraph{Spans: []Span{th.span(s.Title, th.Regular, th.Scale.Title, th.Ink)}, Setting: Setting{Align: Left, TrimStart: true}, After: 6}
	if s.Headline != "" {
		title.Spans = append([]Span{th.span(th.Locale.Labels.Dash, th.Regular, th.Scale.Title, th.Primary)}, title.Spans...)
	} else {
		// no headline: the title is the section's head, set as a headline
		// of words is (at the deck's size, under the number, it read as a
		// deck whose headline was missing)
		title.Spans = []Span{th.span(s.Title, th.Black, th.Scale.HeadPlain, th.Ink)}
		title.Setting.PhraseBreaks = true
	}
	st.Blocks = append(st.Blocks, title, Rule{Color: th.Rule, Thickness: th.Opener.Underline, After: 12})
	return h
}

// numeralHead is the report look's opener: a thin rule in Primary, the
// section's number large beside its title, the headline under them, a
// hairline. (The headline spans the column, as newspaper's does: set
// beside the number, its large figures were read by poppler inside the
// text below.)
func (d *Document) numeralHead(st *Stack, i int, s data.Section) {
	th := d.Theme
	num := &Paragraph{Spans: []Span{th.span(th.number(i), th.Regular, th.Opener.Number, th.Primary)}, Setting: Setting{Align: Left}}
	right := &Stack{Blocks: []Block{
		Space(max(0, th.Opener.Number*0.62-th.Scale.HeadPlain*0.62)), // title's cap height level with the number's
		&Paragraph{Spans: []Span{th.span(s.Title, th.Bold, th.Scale.HeadPlain, th.Primary)}, Setting: Setting{Align: Left, PhraseBreaks: true}, After: 6},
	}}
	st.Blocks = append(st.Blocks,
		Rule{Color: th.Primary, Thickness: th.Opener.Rule, After: 10},
		&numbered{Left: num, Right: right, LeftW: th.numberWidth(len(d.Report.Sections))},
		Space(4),
	)
	if s.Headline != "" {
		st.Blocks = append(st.Blocks, &Paragraph{Spans: headlineSpans(s.Headline, th), Setting: Setting{Align: Left, PhraseBreaks: true, TrimStart: true}, After: 6})
	}
	st.Blocks = append(st.Blocks, Rule{Color: th.Rule, Thickness: th.Opener.Underline, After: 12})
}

// bandHead is the poster look's opener: a band of Primary across the
// column with the section's number and title in white, then the headline
// with its figures large.
func (d *Document) bandHead(st *Stack, i int, s data.Section) {
	th := d.Theme
	title := &Paragraph{Spans: []Span{
		th.span(th.number(i)+"  ", th.Black, th.Opener.Number, mix(th.Primary, 0.3)),
		th.span(s.Title, th.Black, th.Opener.Number, "#FFFFFF"),
	}, Setting: Setting{Align: Left, PhraseBreaks: true}}
	st.Blocks = append(st.Blocks, &Panel{Stack: Stack{Blocks: []Block{title}}, Fill: th.Primary, PadX: 12, PadY: 9, After: 10})
	if s.Headline != "" {
		st.Blocks = append(st.Blocks, &Paragraph{Spans: headlineSpans(s.Headline, th), Setting: Setting{Align: Left, PhraseBreaks: true, TrimStart: true}, After: 10})
	}
}

// number is how the look numbers section i (from 0): 01, or 一 in a
// Chinese report of a look that asks for Chinese numerals.
func (th Theme) number(i int) string {
	if th.hanNumbers() {
		return hanNumeral(i + 1)
	}
	return fmt.Sprintf(th.Opener.Format, i+1)
}

// hanNumbers says whether sections are numbered 一, 二, 三.
func (th Theme) hanNumbers() bool {
	return th.Opener.Han && (th.Locale.Script == "Hans" || th.Locale.Traditional())
}

// numberWidth is the column the numeral opener keeps for the numbers of
// n sections: the widest of them, and a gap.
func (th Theme) numberWidth(n int) float64 {
	w := 0.0
	for i := range n {
		w = max(w, th.Regular.Width(th.number(i), th.Opener.Number))
	}
	return w + th.Opener.Number*0.45
}

// hanNumeral writes n (1 to 99) in Chinese numerals: 一, 十, 十二, 二十三.
func hanNumeral(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n%10]
	case n < 100:
		return digits[n/10] + "十" + digits[n%10]
	}
	return fmt.Sprint(n)
}

// hanDigits are the characters hanNumeral writes.
const hanDigits = "一二三四五六七八九十"

// sectionHead is a section's head; Write makes it a bookmark and the
// destination of its line in the contents.
type sectionHead struct {
	Stack
	n     int // the section's index
	title string
	sect  *structure.Elem
}

// Split implements Block: the head moves whole (as itself, so that Write
// still knows it).
func (h *sectionHead) Split(w, hh float64) (Block, Block) {
	if h.Measure(w) <= hh {
		return h, nil
	}
	return nil, h
}

// kicker is the small reminder of its section above figures that a page
// break carried away from their section.
func (d *Document) kicker(i int, s data.Section) Block {
	return &Stack{Blocks: []Block{
		&Paragraph{Spans: []Span{
			d.Theme.span(d.Theme.number(i)+"  ", d.Theme.Black, d.Theme.Scale.Label, d.Theme.Primary),
			d.Theme.span(s.Title+d.Theme.Locale.Labels.Continued, d.Theme.Regular, d.Theme.Scale.Label, d.Theme.Muted),
		}, Setting: Setting{Align: Left}, After: 4},
		Rule{Color: d.Theme.Rule, Thickness: d.Theme.Opener.Underline, After: 10},
	}}
}

// headlineSpans sets the figures of a headline big and its words small, on
// one baseline. A headline without figures is set in one larger size.
func headlineSpans(h string, th Theme) []Span {
	var spans []Span
	runes := []rune(h)
	hasNum := false
	for i := 0; i < len(runes); {
		j := i
		num := isDigit(runes[i]) && !code(runes, i)
		for j < len(runes) && (isDigit(runes[j]) && !code(runes, j) || num && (runes[j] == '.' || runes[j] == '%' || runes[j] == ',' && j+1 < len(runes) && isDigit(runes[j+1])) && j > i) == num {
			j++
		}
		if num && year(runes, i, j) {
			num = false
		}
		if end, ok := contact(runes, i, j); num && ok {
			num, j = false, end
		}
		if num {
			hasNum = true
			fig := string(runes[i:j])
			if !remainder(runes, i) {
				fig = th.Locale.Number(fig) // 5200 → 5,200 in English, as the house rule says
			}
			spans = append(spans, th.span(fig, th.Black, th.Scale.HeadNum, th.Primary))
		} else {
			spans = append(spans, th.span(string(runes[i:j]), th.Bold, th.Scale.HeadWord, th.Ink))
		}
		i = j
	}
	if !hasNum {
		for i := range spans {
			spans[i].Size, spans[i].Face = th.Scale.HeadPlain, th.Black
		}
	}
	return spans
}

// remainder reports whether the digits from rs[i] are the rest of a
// figure written in 万 or 亿 and its remainder (the 2860 of 1萬2860, the
// 4,310 of 28万4,310): printed as written, never grouped by the house
// rule, which would make the author's 1萬2860 our 1萬2,860.
func remainder(rs []rune, i int) bool {
	return i >= 2 && strings.ContainsRune("万萬亿億만억", rs[i-1]) && isDigit(rs[i-2])
}

// contact reports whether the digits rs[i:j] are a telephone number, a
// hotline or a postcode, which a headline sets as words, never as its big
// figure (96345热线全年受理诉求21.8万件: the figure is 21.8万, not the
// hotline's number), and where the number ends (its later groups: 2735
// 3355, 400-820-1234). Such a number is written without thousands
// separators (96,345 is a count), of three digits or more, and either
// follows a word that names it — 热线, 熱線, 专线, 電話, 致电, 拨打, 邮编,
// hotline, tel, phone, call, fax, postcode… (spaces and a colon between)
// — or is followed by one that names it, at once or after a few Han
// characters that do not start with a measure word (12345市民热线, but
// not 3000件热线来电: 3000 is counted).
func contact(rs []rune, i, j int) (int, bool) {
	if j-i < 3 || j < len(rs) && (rs[j] == ',' || rs[j] == '.' || rs[j] == '%') {
		return j, false
	}
	for k := i; k < j; k++ {
		if !isDigit(rs[k]) {
			return j, false
		}
	}
	// its later groups: a space or a hyphen, then three digits or more
	end := j
	for end+3 < len(rs) && (rs[end] == ' ' || rs[end] == '-') {
		k := end + 1
		for k < len(rs) && isDigit(rs[k]) {
			k++
		}
		if k-end-1 < 3 {
			break
		}
		end = k
	}
	before := strings.TrimRight(string(rs[:i]), " :：\u00A0")
	for _, w := range contactWords {
		if n := len(before) - len(w); n >= 0 && strings.EqualFold(before[n:], w) {
			// a Latin word whole: not the tel of hotel
			if r, _ := utf8.DecodeLastRuneInString(before[:n]); n == 0 || w[0] >= utf8.RuneSelf || !unicode.IsLetter(r) || r >= 0x2E80 {
				return end, true
			}
		}
	}
	after := []rune(strings.TrimLeft(string(rs[end:]), " "))
	for k := 0; k <= 6 && k < len(after); k++ {
		rest := string(after[k:])
		for _, w := range contactWords[:contactAfter] {
			if len(rest) >= len(w) && strings.EqualFold(rest[:len(w)], w) {
				if k > 0 && strings.ContainsRune(measureWords, after[0]) {
					return j, false
				}
				return end, true
			}
		}
		if r := after[k]; r < 0x2E80 || !unicode.IsLetter(r) {
			break // only Han characters between the number and its name
		}
	}
	return j, false
}

// contactWords name a telephone number or a postcode: the first
// contactAfter may follow it (96345热线, the 999 hotline), all precede it
// (热线96345, Tel: 2735 3355, 邮编310000).
var contactWords = []string{
	"热线", "熱線", "专线", "專線", "电话", "電話", "hotline", "helpline",
	"致电", "致電", "拨打", "撥打", "邮编", "郵編", "邮政编码", "郵政編碼", "郵遞區號", "传真", "傳真",
	"tel", "tel.", "phone", "telephone", "call", "fax", "postcode", "zip",
}

const contactAfter = 8

// measureWords are the Han characters that count what a figure before
// them counts (3000件, 1200個): a figure so followed is a quantity, whatever
// word comes next.
const measureWords = "个個件次人名宗项項条條台座家处處户戶辆輛万萬亿億元场場起份趟间間"

// year reports whether the digits rs[i:j] are a year, which a headline
// sets as words, not as a figure: four digits from 1900 to 2099 before
// 年 (2025年江北公安大事记), or before a capitalized word, a comma or the
// end (2025 Annual Review, In 2025, …; Review of 2025) — not before a
// unit or a counted word (2025起, 2025 cases).
func year(rs []rune, i, j int) bool {
	if j-i != 4 || (i > 0 && (isDigit(rs[i-1]) || rs[i-1] == '.')) {
		return false
	}
	if n := (int(rs[i]-'0')*10 + int(rs[i+1]-'0')); n != 19 && n != 20 {
		return false
	}
	switch {
	case j == len(rs):
		return true
	case rs[j] == '年' || rs[j] == ',' || rs[j] == '，':
		return true
	case rs[j] == ' ' && j+1 < len(rs):
		return unicode.IsUpper(rs[j+1])
	}
	return false
}

// code reports whether the digit at rs[i] belongs to a name or code, not
// a figure: after a Latin letter (PM2.5, v3.2.1, COVID-19 after its
// hyphen), after capitals and a space (GB 18918), or after a digit group
// of a code joined by - . / (18918-2002, 3.2.1).
func code(rs []rune, i int) bool {
	k := i - 1
	for k >= 0 && isDigit(rs[k]) {
		k--
	}
	if k < 0 {
		return false
	}
	switch r := rs[k]; {
	case r < 0x2E80 && unicode.IsLetter(r):
		return true
	case r == ' ':
		// after a code's capitals (GB 18918, ISO 9001), not after a word
		// (fell 6.2%)
		j := k
		for j > 0 && rs[j-1] >= 'A' && rs[j-1] <= 'Z' {
			j--
		}
		return k-j >= 2 && (j == 0 || rs[j-1] >= 0x2E80 || !unicode.IsLetter(rs[j-1]))
	case r == '-':
		return k > 0 && (rs[k-1] < 0x2E80 && unicode.IsLetter(rs[k-1]) || code(rs, k-1) && isDigit(rs[k-1]))
	case r == '.' || r == '/':
		return k > 0 && isDigit(rs[k-1]) && code(rs, k-1)
	}
	return false
}

// statCard is one figure: the number big, its unit small, the label below,
// and on the cover the section it comes from; a bar in the figure's colour
// runs down its left side.
type statCard struct {
	stat  data.Stat
	theme Theme
	big   float64
	note  string // a second, smaller line under the label (the cover)
	// source is where the figure comes from, the card's last line (not on
	// the cover, whose cards are the sections' first figures)
	source string
	// iconRoom keeps an icon's room above the figure when the card has
	// none but others beside it do (alignIcons)
	iconRoom bool
	// tight is a card of a crowded cover (sixteen figures on A5): half
	// its look's padding, a narrower inset, the label at the type scale's
	// smallest size, so that every figure stands on the cover
	tight bool
	// gap is the gutter to the card on its right in a row (cardRows), 0
	// for the row's last: the figure then ends an em short of the next
	// card's (see figureGap)
	gap float64
	// peers are the cards set with it (alignIcons): all as tall as the
	// tallest, so that boxes and panels of a row end on one line
	peers []*statCard

	// the figure as set at width setW (pagination asks for it often)
	setW    float64
	setLine Line
	setBig  float64
	// style is how the figure is written (number.Styles, "full"), chosen
	// when it is set (see scaled)
	style string
	// written is the style in which the report's own text writes the
	// figure ("wan", "yi"; number.Written), "" when it writes it in full
	// or not at all: the card writes it so (see defaultStyle)
	written string
	label   *Paragraph

	elem *structure.Elem // its place in the structure tree (see tag)
}

func (d *Document) statCard(s data.Stat) Block {
	c := d.card(s)
	c.big, c.note, c.source = d.Theme.Scale.Stat, s.Note, s.Source
	return c
}

// card is the bare card of stat s: its figure, written as the report's
// text writes it (see statCard.written).
func (d *Document) card(s data.Stat) *statCard {
	return &statCard{stat: s, theme: d.Theme, written: number.Written(d.Theme.Locale.Tag, d.own, s.Value.Text, s.Unit)}
}

func (c *statCard) color() string {
	if c.stat.Change == "down" {
		return c.theme.Accent
	}
	return c.theme.Primary
}

// figure sets the number, prefix and unit on one line, shrinking the
// figure until it fits the card: a figure is never broken.
func (c *statCard) figure(w float64) (Line, float64) {
	if c.setW != w || c.setBig == 0 {
		c.setLine, c.setBig = c.setFigure(w)
		c.setW = w
	}
	return c.setLine, c.setBig
}

// prefixShare is the least size of a prefix (£, 约), a share of the
// figure's. poppler's pdftotext starts a block at a line's left-most word
// and takes into it only words less than 1.6 times that word's size (a
// unit after the figure, which starts the block, may be down to 0.4 of
// it): a prefix set smaller was a block of its own, and the figure after
// it another, which poppler read inside the paragraph under the card.
const prefixShare = 0.65

// figureGap is the least room, in ems of a figure's size, between its end
// and the next card's figure in a row, plus a point for rounding. poppler's
// pdftotext takes into a block the words to the right of its line less
// than an em (minColSpacing2, of the block's first word) from its end: two
// figures closer were one line (100% 412 on a poster's card row), no table
// took the cards right of it, and their units and labels, over column 2,
// were read between the columns, inside the paragraph under the cards.
const figureGap = 1.0

// setGap sets the gutter to the next card's figure, forgetting the figure
// set without it.
func (c *statCard) setGap(g float64) {
	if c.gap != g {
		c.gap, c.setBig = g, 0
	}
}

func (c *statCard) setFigure(w float64) (Line, float64) {
	s, th := c.stat, c.theme
	spans := func(big float64) []Span {
		// the unit in its share of the figure's size, but never below the
		// type scale's smallest size (a small figure's unit, on a cover of
		// sixteen on A5, was 5 pt)
		small := max(big*th.Card.Unit, th.Scale.Folio)
		var sp []Span
		prefix, figure, unit := c.parts()
		if prefix != "" {
			sp = append(sp, th.span(prefix, th.Bold, max(small, big*prefixShare), th.Ink))
		}
		sp = append(sp, th.span(figure, th.Black, big, c.color()))
		if unit != "" {
			sp = append(sp, th.span(unit, th.Bold, small, th.Ink))
		}
		return sp
	}
	room := w - c.inset() - c.right()
	if s.Change != "" {
		room -= c.big * th.Card.Unit
	}
	// wide is what the line needs of room: its width, and past it the em
	// to the next card's figure beyond what the card's edges and the
	// gutter give (see figureGap)
	edges := w - room // the card's inset and right edge, a change's triangle
	wide := func(l Line, big float64) float64 {
		if c.gap <= 0 {
			return l.Natural
		}
		return l.Natural + max(0, big*figureGap+1-(c.gap+edges))
	}
	big := c.big
	// measured as set (CJK–Latin spaces, fallback face included); every
	// width scales with the size, so one step lands inside the card, but
	// for a unit (or prefix) held at the smallest size: then the size is
	// solved from the widths at the last two sizes (the line's width is
	// linear in it)
	c.style = c.defaultStyle(false)
	lines := Break(spans(big), 1e6, Setting{Align: Left})
	if len(lines) > 0 && wide(lines[0], big) > room && c.style != c.defaultStyle(true) {
		c.style = c.defaultStyle(true) // in 万 and 亿 rather than shrunk
		lines = Break(spans(big), 1e6, Setting{Align: Left})
	}
	if len(lines) > 0 && wide(lines[0], big) > room {
		was, w0 := big, wide(lines[0], big)
		big *= room / w0
		lines = Break(spans(big), 1e6, Setting{Align: Left})
		for i := 0; i < 4 && len(lines) > 0 && wide(lines[0], big) > room+0.005; i++ { // over by more than rounding
			slope := (w0 - wide(lines[0], big)) / (was - big)
			if slope <= 0 {
				break
			}
			was, w0 = big, wide(lines[0], big)
			big -= (w0 - room) / slope
			lines = Break(spans(big), 1e6, Setting{Align: Left})
		}
	}
	if len(lines) == 0 {
		return Line{}, big
	}
	return lines[0], big
}

// parts are the card's prefix, figure and unit as printed and said (the
// structure tree's text), written in the card's style. A ratio's lead
// (prefix: "1:" before 4.5, as the format asks a ratio to be written) is
// part of the figure: 1:4.5 is one figure, set as one, its colon the
// figures' own (not the full-width ：) and without spaces.
func (c *statCard) parts() (prefix, figure, unit string) {
	if c.style == "" {
		c.style = c.defaultStyle(false)
	}
	s := c.stat
	prefix, figure, unit = c.theme.Locale.Figure(s.Prefix, s.Value.Text, s.Unit, c.style)
	if m := ratioLead.FindStringSubmatch(prefix); m != nil {
		colon := m[2]
		if colon == "：" {
			colon = ":"
		}
		return "", m[1] + colon + figure, unit
	}
	return prefix, figure, unit
}

// ratioLead is a prefix that is a ratio's first term and its colon: 1:,
// 1 : , 1：, 1∶.
var ratioLead = regexp.MustCompile(`^\s*([0-9]+(?:\.[0-9]+)?)\s*([:：∶])\s*$`)

// defaultStyle is how the figure is written: as its format: says, else
// as a designer sets a big figure that must carry the page — in 万 and 亿
// (million and billion) when it has eight integer digits or more
// (230000000000港元 is 2300亿港元, 30793000 is 3079.3万, rounded as
// number.Format.Brief says), or when it does not fit its card at full size
// (crowded) and 万 writes it exactly (1230000 is 123万); in full
// otherwise, shrunk if it must be. A figure written with decimals or
// under ten thousand is printed as written: the editor chose it. English
// counts in million and billion from a million. A share (a % unit, see
// number.Ratio) is printed in full. A figure the report's own text
// writes only in 万 or 亿 (written: 12.6万 for 126000) is printed so:
// one quantity reads one way, on its card, on the cover and in the
// headline above them.
func (c *statCard) defaultStyle(crowded bool) string {
	if f := c.stat.Format; f != "" {
		return f
	}
	if number.Ratio(c.stat.Unit) {
		return "full" // a share is never scaled: not 230 billion%
	}
	if c.theme.Locale.English() {
		return "auto"
	}
	t := c.stat.Value.Text
	if strings.ContainsAny(t, ".-eE") || len(t) < 5 || t[0] == '0' {
		return "full"
	}
	if c.written != "" {
		return c.written
	}
	if len(t) >= 8 || crowded && len(t)-len(strings.TrimRight(t, "0")) >= 3 {
		return "auto"
	}
	return "full"
}

// text is the label (then the note and the source, smaller), built once:
// a Paragraph caches its lines.
func (c *statCard) text() *Paragraph {
	if c.label != nil {
		return c.label
	}
	size, leading := c.theme.Scale.Label, 11.0
	if c.tight {
		size, leading = c.theme.Scale.Folio, math.Round(c.theme.Scale.Folio*4/3)
	}
	p := &Paragraph{Spans: []Span{c.theme.span(c.stat.Label, c.theme.Regular, size, c.theme.Muted)}, Setting: Setting{Align: Left, TrimStart: true}, Leading: leading, Balance: true}
	for _, s := range []string{c.note, c.source} {
		if s != "" {
			p.Spans = append(p.Spans, c.theme.span("\n"+s, c.theme.Regular, c.theme.Scale.Folio, c.theme.Muted))
		}
	}
	c.label = p
	return p
}

// labelTop is where the label starts below the card's top: under the
// figure's descender (1.23 of its size as poppler measures it), so that
// poppler sees the figures and the labels of a row of cards as two rows of
// a table, which it reads whole before the columns under it. Touching, a
// card was a block of its own, and the cards over column 2 were read
// between the columns, inside the paragraph that runs from one to the
// other. The descender is that of the largest figure of the card's row as
// set at width w (rowBig): when every figure of a row shrank to fit its
// card (three on an A5 cover, set at the cover's size), the labels stood
// two lines below them, under the room of a figure none was set at.
func (c *statCard) labelTop(w float64) float64 {
	return math.Round(c.rowBig(w)*1.23) + 2 + c.pad()
}

// rowBig is the size the largest figure of the card's row is set at, at
// width w: the card's own size for a card alone, whose shrunk figure
// stays on the full size's baseline (hang).
func (c *statCard) rowBig(w float64) float64 {
	if len(c.peers) < 2 {
		return c.big
	}
	big := 0.0
	for _, p := range c.peers {
		_, b := p.figure(w)
		big = max(big, b)
	}
	return big
}

// pad is the room above the figure and below the label (a box's or
// panel's inside): half the look's on a tight card.
func (c *statCard) pad() float64 {
	if c.tight {
		return math.Round(c.theme.Card.Pad / 2)
	}
	return c.theme.Card.Pad
}

// hang is how far a figure shrunk to size big to fit its card is raised
// from the baseline of a full-size one: its top (as poppler measures it,
// the face's ascent above the baseline) stays level with its neighbours'.
// poppler reads a row of cards as a table, before the columns under it,
// only if the tops of its figures are level (within half a label's size)
// as are the tops of its labels; sitting on their baseline, a shrunk
// figure stood lower, and its card was read inside the paragraph under it.
func (c *statCard) hang(big float64) float64 {
	if len(c.peers) < 2 {
		return 0 // a card alone: no row to be level with
	}
	return (c.big - big) * c.theme.Black.Ascent() / 1000
}

// inset is from the card's left edge to its text; right is the room kept
// at its right edge (a box's or panel's inside).
func (c *statCard) inset() float64 {
	if c.tight {
		return math.Round(c.theme.Card.Inset * 0.6)
	}
	return c.theme.Card.Inset
}
func (c *statCard) right() float64 {
	if c.theme.Card.Kind == "bar" {
		return 0
	}
	return c.inset()
}

// Measure implements Block.
func (c *statCard) Measure(w float64) float64 {
	h := c.own(w)
	for _, p := range c.peers {
		h = max(h, p.own(w))
	}
	return h
}

// own is the card's height at width w by what it holds.
func (c *statCard) own(w float64) float64 {
	return c.iconH() + c.labelTop(w) + c.text().Measure(w-c.inset()-c.right()) + c.pad()
}

// Split implements Block: a card does not split.
func (c *statCard) Split(w, h float64) (Block, Block) { return nil, c }

// Draw implements Block.
func (c *statCard) Draw(cv *Canvas, x, y, w float64) error {
	l, big := c.figure(w) // its text chosen at this width, which the structure tree says too
	if c.elem != nil {
		c.elem.Actual = c.phrase()
		cv.Begin(c.elem)
		defer cv.End()
	}
	h := c.Measure(w)
	switch c.theme.Card.Kind {
	case "box":
		cv.StrokeRect(x, y, w, h, c.theme.Card.Bar, c.theme.Rule)
	case "panel":
		cv.FillRect(x, y, w, h, c.theme.Tint)
	default:
		cv.FillRect(x, y+2, c.theme.Card.Bar, h-4, c.color())
	}
	y = c.drawIcon(cv, x+c.inset(), y+c.pad()) - c.pad() // the figure below it, as without one
	lh := c.big * 1.15
	base := y + c.pad() + baseline(c.big, lh) - c.hang(big)
	cv.TextLine(l, x+c.inset(), base)
	if c.stat.Change != "" {
		t := big * 0.32
		cv.Triangle(x+c.inset()+l.Natural+3, base-t-big*0.08, t, c.stat.Change == "up", c.color())
	}
	drop, notes := c.noteDrop(), false
	c.text().each(x+c.inset(), y+c.labelTop(w), w-c.inset()-c.right(), func(l Line, x, base float64) {
		if notes {
			base += drop
		}
		cv.TextLine(l, x, base)
		notes = notes || l.End // the label's last line ends at the note's forced break
	})
	return nil
}

// noteDrop is how far the note and the source are set below where the
// label's leading puts them: enough that the box of the note's first line,
// as poppler measures it (the face's ascender above the baseline, its
// descender below: 1.16 and 0.29 of the size for Source Han Sans), clears
// the box of the label's last line, by a tenth of a point or less. At the
// label's leading a smaller line's box overlapped the label's (by 0.86 pt
// on a poster's card): poppler kept the note out of the table it makes of
// a row's figures and labels and read it, wholly over column 2, between
// the columns, inside the paragraph under the cards. The drop comes out of
// the slack under the last small line (its line box is the label's
// leading, its type smaller), so the card keeps its height: what reads
// around it does not move.
func (c *statCard) noteDrop() float64 {
	p := c.text()
	if len(p.Spans) < 2 {
		return 0
	}
	label, note := p.Spans[0], p.Spans[1]
	need := (-label.Face.Descent()*label.Size + note.Face.Ascent()*note.Size) / 1000
	have := p.Leading - baseline(label.Size, p.Leading) + baseline(note.Size, p.Leading)
	if need < have {
		return 0
	}
	return math.Floor((need-have)*10)/10 + 0.1
}
