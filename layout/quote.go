package layout

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/locale"
)

// pullQuote is a section's quote: its words set large between two rules
// across the column, the attribution flush right under them. It stands in
// the section's Flow over whole rows of the grid, so the text around it
// stays on the grid, and it never breaks.
type pullQuote struct {
	text  []Span // the words, in their quotation marks
	by    []Span // "——王明"; optional
	rule  string // the rules' colour
	align Align
	rows  int // the rows of the flow it takes, at the width its flow was set at

	setW    float64 // the column width its lines were balanced at
	setText []Line
}

// The pull quote's measures, pt: rules, the space inside them, its
// leading as a share of its size.
const (
	quoteRule  = 0.8
	quotePad   = 7.0
	quoteLead  = 1.45
	quoteByGap = 3.0
)

// lines sets the quote at column width cw: its lines, the attribution's,
// and its height, rules included.
func (q *pullQuote) lines(cw float64) (text, by []Line, h float64) {
	text = q.balanced(cw)
	if q.by != nil {
		by = Break(q.by, cw, Setting{Align: Right})
	}
	h = 2*quoteRule + 2*quotePad
	for _, l := range text {
		h += l.Size * quoteLead
	}
	for _, l := range by {
		h += quoteByGap + l.Size*1.5
	}
	return text, by, h
}

// balanced breaks the quote's words at the narrowest measure that takes
// no more lines than the column does, so that its lines are of a length
// and none is left with a character or two and the closing mark
// ("…也是最基本的发展环 / 境。”"): display type is balanced by hand in
// print. The rules keep the column's width.
func (q *pullQuote) balanced(cw float64) []Line {
	if q.setText != nil && q.setW == cw {
		return q.setText
	}
	text := Balanced(q.text, cw, Setting{Align: q.align, TrimStart: true})
	q.setW, q.setText = cw, text
	return text
}

// height is the quote's height at column width cw, rules included.
func (q *pullQuote) height(cw float64) float64 {
	_, _, h := q.lines(cw)
	return h
}

// each calls fn with every line of the quote, the attribution last, when
// it is centred in a box of height h at (x, top).
func (q *pullQuote) each(x, top, cw, h float64, fn func(l Line, x, baseline float64)) {
	text, by, qh := q.lines(cw)
	y := top + (h-qh)/2 + quoteRule + quotePad
	for _, l := range text {
		fn(l, x, y+baseline(l.Size, l.Size*quoteLead))
		y += l.Size * quoteLead
	}
	for _, l := range by {
		y += quoteByGap
		fn(l, x, y+baseline(l.Size, l.Size*1.5))
		y += l.Size * 1.5
	}
}

// draw draws the quote centred in a box of height h at (x, top): the
// rules, then one call a line.
func (q *pullQuote) draw(c *Canvas, x, top, cw, h float64) {
	qh := q.height(cw)
	y := top + (h-qh)/2
	c.Begin(nil) // the rules are decoration
	c.FillRect(x, y, cw, quoteRule, q.rule)
	c.FillRect(x, y+qh-quoteRule, cw, quoteRule, q.rule)
	c.End()
	q.each(x, top, cw, h, c.TextLine)
}

// Quotation marks by script, outer and inner (clreq, "Quotation Marks",
// and GB/T 15834-2011: the mainland sets “ ” and, inside them, ‘ ’ in
// horizontal text, corner brackets only in vertical; Taiwan and Hong Kong
// set 「 」 and 『 』, as Japanese does; Korean and English “ ” and ‘ ’).
var quoteMarks = map[string][4]string{
	"Hans": {"“", "”", "‘", "’"},
	"Hant": {"「", "」", "『", "』"},
	"Jpan": {"「", "」", "『", "』"},
	"Kore": {"“", "”", "‘", "’"},
	"Latn": {"“", "”", "‘", "’"},
}

// quoted is s in the outer quotation marks of the language, the marks of
// its own quotations made inner ones; s that the writer already put in
// the language's marks is kept as written.
func quoted(s string, loc locale.Locale) string {
	m, ok := quoteMarks[loc.Script]
	if !ok {
		m = quoteMarks["Hans"]
	}
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, m[0]) && strings.HasSuffix(s, m[1]) {
		return s
	}
	s = strings.NewReplacer(m[0], m[2], m[1], m[3]).Replace(s)
	return m[0] + s + m[1]
}

// latin reports whether s is written in Latin letters more than in any
// other script: an English quote in a Chinese report.
func latin(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Latin, r):
			n++
		case unicode.IsLetter(r):
			n--
		}
	}
	return n > 0
}

// quoteTexts are the marks layout adds to the report's quotes (for the
// glyph check and the fonts' subsets), each with the quote's path.
func quoteTexts(r *data.Report) []printedText {
	var out []printedText
	m := quoteMarks[locale.Must(r.Language).Script]
	for i, s := range r.Sections {
		if s.Quote != nil {
			out = append(out, printedText{path: fmt.Sprintf("sections[%d].quote.text", i), s: strings.Join(m[:], "")})
		}
	}
	return out
}
