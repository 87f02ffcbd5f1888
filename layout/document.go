// Package layout sets a report into pages and draws them as a PDF.
//
// The pipeline follows Typst's split of model, layout and export: New
// turns a data.Report into blocks (text, stats, charts, photos), paginates
// them into Pages of placed blocks, and only then Write draws those pages
// with fpdf. Positions are decided before anything is drawn, so they can
// be tested without a PDF.
//
// The grid (A4 portrait, in pt): margins 48 left and right, 62 top, 58
// bottom; a 12-column grid with 14 pt gutters; body text in two columns of
// six grid columns. The type scale: 7.5 (folio, captions), 8 (labels), 9.5
// on 16 (body), 13 (headline words), 15 (titles), 22 (stat figures), 26
// (headline figures), 46 (cover title). Colours: the theme's primary for
// figures and rules, its accent for falling figures, ink, one grey, one
// rule tint.
package layout

import (
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"github.com/brochure-dev/brochure/charts"
	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/fonts"
)

// Version is written into the PDF's Creator; the command sets it.
var Version = "dev"

// Theme is the palette of a document.
type Theme struct {
	Primary, Accent, Ink, Muted, Rule, Tint, Paper string
}

// Geometry of an A4 page, pt.
const (
	pageW, pageH = 595.28, 841.89
	marginX      = 48.0
	marginTop    = 62.0
	marginBottom = 58.0
	gutter       = 26.0
	contentW     = pageW - 2*marginX
)

// Type scale, pt.
const (
	sizeFolio    = 7.5
	sizeLabel    = 8.0
	sizeBody     = 9.5
	leadBody     = 16.0
	sizeHeadWord = 13.0
	sizeTitle    = 15.0
	sizeStat     = 22.0
	sizeHeadNum  = 26.0
	sizeCover    = 46.0
)

// Document is a report laid out into pages, ready to draw.
type Document struct {
	Report *data.Report
	Theme  Theme
	Pages  []Page // the cover first
}

// New lays out a report. It fails, with every problem found, when a
// character cannot be drawn by the embedded fonts (no tofu in print).
func New(r *data.Report) (*Document, error) {
	if err := Check(r); err != nil {
		return nil, err
	}
	th := Theme{Primary: "#B5121B", Accent: "#1F4E9A", Ink: "#1A1A1A", Muted: "#6B6B6B", Rule: "#D9D9D9", Tint: "#F7EDEE", Paper: "A4"}
	if r.Theme.Primary != "" {
		th.Primary = r.Theme.Primary
		th.Tint = mix(th.Primary, 0.08)
	}
	if r.Theme.Accent != "" {
		th.Accent = r.Theme.Accent
	}
	d := &Document{Report: r, Theme: th}
	d.Pages = append(d.Pages, d.cover())
	frame := Frame{X: marginX, Y: marginTop, W: contentW, H: pageH - marginTop - marginBottom}
	pages, err := Paginate(d.body(), frame, 2)
	if err != nil {
		return nil, err
	}
	d.Pages = append(d.Pages, pages...)
	for i := 1; i < len(d.Pages); i++ {
		d.Pages[i].Blocks = append(d.Pages[i].Blocks, d.folio(d.Pages[i].Number, len(d.Pages))...)
	}
	return d, nil
}

// mix returns hex blended with white: share 0 is white, 1 is hex.
func mix(hex string, share float64) string {
	r, g, b := rgb(hex)
	m := func(c int) int { return int(255 - (255-float64(c))*share + 0.5) }
	return fmt.Sprintf("#%02X%02X%02X", m(r), m(g), m(b))
}

// body turns the sections into the blocks that flow through the pages.
func (d *Document) body() []Block {
	var blocks []Block
	for i, s := range d.Report.Sections {
		blocks = append(blocks, d.sectionHead(i, s))
		for j := 0; j < len(s.Stats); j += 4 {
			row := &Row{Columns: 4, Gutter: 12, After: 14}
			for _, st := range s.Stats[j:min(j+4, len(s.Stats))] {
				row.Cells = append(row.Cells, d.statCard(st))
			}
			blocks = append(blocks, row)
		}
		for _, p := range s.Paragraphs() {
			blocks = append(blocks, &Paragraph{
				Spans:   []Span{{Text: p, Face: fonts.Regular, Size: sizeBody, Color: d.Theme.Ink}},
				Setting: Setting{Align: Justify, Indent: 2 * sizeBody},
				Leading: leadBody, Columns: 2, Gutter: gutter, After: 14,
			})
		}
		var figs []Block
		for _, c := range s.Charts {
			figs = append(figs, &chartBlock{chart: c, style: d.chartStyle()})
		}
		for _, p := range s.Photos {
			figs = append(figs, d.photo(p))
		}
		for j := 0; j < len(figs); j += 2 {
			blocks = append(blocks, &Row{Cells: figs[j:min(j+2, len(figs))], Columns: 2, Gutter: gutter, After: 16})
		}
		blocks = append(blocks, Space(18))
	}
	if b := d.Report.Byline; b != "" {
		blocks = append(blocks, &Paragraph{
			Spans:   []Span{{Text: b, Face: fonts.Regular, Size: sizeBody, Color: d.Theme.Muted}},
			Setting: Setting{Align: Right},
		})
	}
	return blocks
}

// FigureWidth is the width of a chart in the brochure: one of the two
// figures of a row. Exported charts are drawn at it so they look the same.
const FigureWidth = (contentW - gutter) / 2

// ChartStyle is the look of the document's charts (theme colours, label
// size, language), for drawing them outside the brochure.
func (d *Document) ChartStyle() charts.Style { return d.chartStyle() }

func (d *Document) chartStyle() charts.Style {
	return charts.Style{Primary: d.Theme.Primary, Accent: d.Theme.Accent, Ink: d.Theme.Ink, Muted: d.Theme.Muted, Rule: d.Theme.Rule, FontSize: sizeLabel, Lang: d.Report.Language}
}

// sectionHead is the section's number, its headline of big figures and
// its title, kept together and with what follows.
func (d *Document) sectionHead(i int, s data.Section) Block {
	th := d.Theme
	st := &Stack{Keep: true}
	st.Blocks = append(st.Blocks,
		Rule{Color: th.Primary, Thickness: 2.5, After: 8},
		&Paragraph{Spans: []Span{{Text: fmt.Sprintf("%02d", i+1), Face: fonts.Black, Size: 11, Color: th.Primary}}, Setting: Setting{Align: Left}, After: 2},
	)
	if s.Headline != "" {
		st.Blocks = append(st.Blocks, &Paragraph{Spans: headlineSpans(s.Headline, th), Setting: Setting{Align: Left, PhraseBreaks: true}, After: 4})
	}
	st.Blocks = append(st.Blocks,
		&Paragraph{Spans: []Span{{Text: s.Title, Face: fonts.Bold, Size: sizeTitle, Color: th.Ink}}, Setting: Setting{Align: Left}, After: 6},
		Rule{Color: th.Rule, Thickness: 0.6, After: 12},
	)
	return st
}

// headlineSpans sets the figures of a headline big and its words small, on
// one baseline. A headline without figures is set in one larger size.
func headlineSpans(h string, th Theme) []Span {
	var spans []Span
	runes := []rune(h)
	hasNum := false
	for i := 0; i < len(runes); {
		j := i
		num := isDigit(runes[i])
		for j < len(runes) && (isDigit(runes[j]) || num && (runes[j] == '.' || runes[j] == '%') && j > i) == num {
			j++
		}
		if num {
			hasNum = true
			spans = append(spans, Span{Text: string(runes[i:j]), Face: fonts.Black, Size: sizeHeadNum, Color: th.Primary})
		} else {
			spans = append(spans, Span{Text: string(runes[i:j]), Face: fonts.Bold, Size: sizeHeadWord, Color: th.Ink})
		}
		i = j
	}
	if !hasNum {
		for i := range spans {
			spans[i].Size, spans[i].Face, spans[i].Color = 18, fonts.Black, th.Primary
		}
	}
	return spans
}

// statCard is one figure: the number big, its unit small, the label below.
type statCard struct {
	stat  data.Stat
	theme Theme
	big   float64
	card  bool // the cover's style
}

func (d *Document) statCard(s data.Stat) Block {
	return &statCard{stat: s, theme: d.Theme, big: sizeStat}
}

// figure sets the number, prefix and unit on one line, shrinking the
// figure until it fits the card: a figure is never broken.
func (c *statCard) figure(w float64) (Line, float64) {
	s, th := c.stat, c.theme
	color := th.Primary
	if s.Change == "down" {
		color = th.Accent
	}
	spans := func(big float64) []Span {
		small := big * 0.45
		var sp []Span
		if s.Prefix != "" {
			sp = append(sp, Span{Text: s.Prefix, Face: fonts.Bold, Size: small, Color: th.Ink})
		}
		sp = append(sp, Span{Text: s.Value.Text, Face: fonts.Black, Size: big, Color: color})
		if s.Unit != "" {
			sp = append(sp, Span{Text: s.Unit, Face: fonts.Bold, Size: small, Color: th.Ink})
		}
		return sp
	}
	room := w - 8
	if s.Change != "" {
		room -= c.big * 0.45
	}
	big := c.big
	natural := 0.0
	for _, sp := range spans(big) {
		natural += sp.Face.Width(sp.Text, sp.Size)
	}
	if natural > room {
		big = big * room / natural * 0.98
	}
	lines := Break(spans(big), 1e6, Setting{Align: Left})
	if len(lines) == 0 {
		return Line{}, big
	}
	return lines[0], big
}

func (c *statCard) label(w float64) *Paragraph {
	return &Paragraph{Spans: []Span{{Text: c.stat.Label, Face: fonts.Regular, Size: sizeLabel, Color: c.theme.Muted}}, Setting: Setting{Align: Left}, Leading: 11}
}

// Measure implements Block.
func (c *statCard) Measure(w float64) float64 {
	return c.big*1.15 + 2 + c.label(w).Measure(w-8)
}

// Split implements Block: a card does not split.
func (c *statCard) Split(w, h float64) (Block, Block) { return nil, c }

// Draw implements Block.
func (c *statCard) Draw(cv *Canvas, x, y, w float64) error {
	h := c.Measure(w)
	cv.FillRect(x, y+2, 2, h-4, c.theme.Primary)
	l, big := c.figure(w)
	lh := c.big * 1.15
	base := y + baseline(c.big, lh)
	cv.TextLine(l, x+8, base)
	if c.stat.Change != "" {
		t := big * 0.32
		color := c.theme.Primary
		if c.stat.Change == "down" {
			color = c.theme.Accent
		}
		cv.Triangle(x+8+l.Natural+3, base-t-big*0.08, t, c.stat.Change == "up", color)
	}
	return c.label(w).Draw(cv, x+8, y+lh+2, w-8)
}

// chartBlock places a chart; charts draw themselves through the go-chart
// Renderer on fpdf.
type chartBlock struct {
	chart data.Chart
	style charts.Style
}

func (b *chartBlock) Measure(w float64) float64 { return b.style.Height(b.chart, w) + 4 }

func (b *chartBlock) Split(w, h float64) (Block, Block) { return nil, b }

func (b *chartBlock) Draw(c *Canvas, x, y, w float64) error {
	return charts.Draw(c.PDF, b.chart, x, y, w, b.style.Height(b.chart, w), b.style)
}

// photoBlock is a photo frame (3:2) with its caption. Without a file it is
// a placeholder, marked as such so nobody prints it by mistake.
type photoBlock struct {
	photo   data.Photo
	path    string // the file, resolved against the report's folder
	theme   Theme
	caption *Paragraph
}

func (d *Document) photo(p data.Photo) Block {
	path := p.File
	if path != "" && !filepath.IsAbs(path) {
		path = filepath.Join(d.Report.Dir, path)
	}
	return &photoBlock{photo: p, path: path, theme: d.Theme, caption: &Paragraph{
		Spans:   []Span{{Text: p.Caption, Face: fonts.Regular, Size: sizeLabel, Color: d.Theme.Ink}},
		Setting: Setting{Align: Left}, Leading: 11,
	}}
}

func (b *photoBlock) Measure(w float64) float64 { return w*2/3 + 5 + b.caption.Measure(w) }

func (b *photoBlock) Split(w, h float64) (Block, Block) { return nil, b }

func (b *photoBlock) Draw(c *Canvas, x, y, w float64) error {
	h := w * 2 / 3
	if b.photo.File != "" {
		if err := c.Image(b.path, x, y, w, h); err != nil {
			return fmt.Errorf("photo %s: %w", b.photo.File, err)
		}
	} else {
		c.FillRect(x, y, w, h, "#EFEFEF")
		c.Line(x, y, x+w, y+h, 0.5, b.theme.Rule)
		c.Line(x, y+h, x+w, y, 0.5, b.theme.Rule)
		c.StrokeRect(x, y, w, h, 0.5, "#BDBDBD")
		label := "图片占位"
		lw := fonts.Bold.Width(label, 9)
		c.FillRect(x+(w-lw)/2-6, y+h/2-9, lw+12, 16, "#EFEFEF")
		c.Text(label, fonts.Bold, 9, b.theme.Muted, x+(w-lw)/2, y+h/2+3)
	}
	return b.caption.Draw(c, x, y+h+5, w)
}

// cover lays out page 1: a band in the primary colour with the title, and
// a panel of the key figures (the first figure of each section).
func (d *Document) cover() Page {
	r, th := d.Report, d.Theme
	p := Page{Number: 1}
	band := 300.0
	p.Blocks = append(p.Blocks, Placed{Block: Rule{Color: th.Primary, Thickness: band}, X: 0, Y: 0, W: pageW, H: band})
	y := 70.0
	add := func(b Block, x, w float64) {
		h := b.Measure(w)
		p.Blocks = append(p.Blocks, Placed{Block: b, X: x, Y: y, W: w, H: h})
		y += h
	}
	if r.Organization != "" {
		add(&Paragraph{Spans: []Span{{Text: r.Organization, Face: fonts.Bold, Size: 12, Color: "#FFFFFF"}}, Setting: Setting{Align: Left}, After: 18}, marginX, contentW)
	}
	add(&Paragraph{Spans: []Span{{Text: r.Title, Face: fonts.Black, Size: sizeCover, Color: "#FFFFFF"}}, Setting: Setting{Align: Left, PhraseBreaks: true}, After: 10}, marginX, contentW)
	if r.Subtitle != "" {
		add(&Paragraph{Spans: []Span{{Text: r.Subtitle, Face: fonts.Bold, Size: 20, Color: "#FFFFFF"}}, Setting: Setting{Align: Left}, After: 8}, marginX, contentW)
	}
	if t, err := time.Parse("2006-01-02", r.Date); err == nil {
		add(&Paragraph{Spans: []Span{{Text: fmt.Sprintf("%d年%d月%d日", t.Year(), t.Month(), t.Day()), Face: fonts.Regular, Size: 10, Color: "#FFFFFF"}}, Setting: Setting{Align: Left}}, marginX, contentW)
	}
	var cells []Block
	for _, s := range r.Sections {
		if len(s.Stats) > 0 {
			cells = append(cells, &Stack{Blocks: []Block{
				&statCard{stat: s.Stats[0], theme: th, big: 28},
				&Paragraph{Spans: []Span{{Text: s.Title, Face: fonts.Regular, Size: sizeFolio, Color: th.Muted}}, Setting: Setting{Align: Left}, After: 0},
			}})
		}
	}
	if len(cells) == 0 {
		return p
	}
	y = band + 34
	add(&Paragraph{Spans: []Span{{Text: "年度关键数字", Face: fonts.Black, Size: 14, Color: th.Primary}}, Setting: Setting{Align: Left}, After: 6}, marginX, contentW)
	add(Rule{Color: th.Primary, Thickness: 1.2, After: 16}, marginX, contentW)
	for i := 0; i < len(cells) && y < pageH-marginBottom-60; i += 2 {
		add(&Row{Cells: cells[i:min(i+2, len(cells))], Columns: 2, Gutter: gutter, After: 14}, marginX+8, contentW-8)
	}
	return p
}

// folio is the running head and the footer of a body page.
func (d *Document) folio(n, total int) []Placed {
	r, th := d.Report, d.Theme
	head := r.Title
	if r.Subtitle != "" {
		head += " · " + r.Subtitle
	}
	small := func(s string, face *fonts.Face, a Align) *Paragraph {
		return &Paragraph{Spans: []Span{{Text: s, Face: face, Size: sizeFolio, Color: th.Muted}}, Setting: Setting{Align: a}}
	}
	top := marginTop - 28
	bottom := pageH - marginBottom + 18
	return []Placed{
		{Block: small(head, fonts.Bold, Left), X: marginX, Y: top, W: contentW},
		{Block: small(r.Organization, fonts.Regular, Right), X: marginX, Y: top, W: contentW},
		{Block: Rule{Color: th.Rule, Thickness: 0.5}, X: marginX, Y: top + 13, W: contentW},
		{Block: Rule{Color: th.Rule, Thickness: 0.5}, X: marginX, Y: bottom - 6, W: contentW},
		{Block: small(strconv.Itoa(n)+" / "+strconv.Itoa(total), fonts.Bold, Right), X: marginX, Y: bottom, W: contentW},
	}
}

// Write draws the document as a PDF. The output depends only on the
// report: dates come from the report's date (or are fixed), objects are
// written in sorted order, so rebuilds are byte-identical.
func (d *Document) Write(w io.Writer) error {
	pdf := fpdf.New("P", "pt", "A4", "")
	pdf.SetCatalogSort(true)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetMargins(0, 0, 0)
	r := d.Report
	title := r.Title
	if r.Subtitle != "" {
		title += " " + r.Subtitle
	}
	pdf.SetTitle(title, true)
	pdf.SetAuthor(r.Organization, true)
	pdf.SetSubject(r.Subtitle, true)
	var kw []string
	for _, s := range r.Sections {
		kw = append(kw, s.Title)
	}
	pdf.SetKeywords(strings.Join(kw, "; "), true)
	pdf.SetCreator("brochure "+Version, true)
	pdf.SetProducer("brochure "+Version+" (fpdf)", true)
	lang := r.Language
	if lang == "" {
		lang = "zh-CN"
	}
	pdf.SetLang(lang)
	date := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	if t, err := time.Parse("2006-01-02", r.Date); err == nil {
		date = t
	}
	pdf.SetCreationDate(date)
	pdf.SetModificationDate(date)
	if err := fonts.Register(pdf); err != nil {
		return err
	}
	c := &Canvas{PDF: pdf, Ink: d.Theme.Ink}
	for _, p := range d.Pages {
		pdf.AddPage()
		for _, b := range p.Blocks {
			if err := b.Block.Draw(c, b.X, b.Y, b.W); err != nil {
				return fmt.Errorf("page %d: %w", p.Number, err)
			}
			if err := pdf.Error(); err != nil {
				return fmt.Errorf("page %d: %w", p.Number, err)
			}
		}
	}
	return pdf.Output(w)
}

// Check reports every character of the report that the embedded fonts
// cannot draw, with where it stands in the source. Printing a tofu box in a
// press release is worse than failing.
func Check(r *data.Report) error {
	var errs data.Errors
	check := func(path, s string) {
		for off, ch := range s {
			if ch == '\n' || ch == '\r' || ch == '\t' {
				continue
			}
			for _, f := range fonts.Faces() {
				if !f.Has(ch) {
					errs = append(errs, &data.Error{Pos: r.Locate(path, off), Path: path, Msg: missingMsg(ch)})
					break
				}
			}
		}
	}
	check("title", r.Title)
	check("subtitle", r.Subtitle)
	check("organization", r.Organization)
	check("byline", r.Byline)
	for i, s := range r.Sections {
		p := fmt.Sprintf("sections[%d]", i)
		check(p+".title", s.Title)
		check(p+".headline", s.Headline)
		check(p+".body", s.Body)
		for j, st := range s.Stats {
			q := fmt.Sprintf("%s.stats[%d]", p, j)
			check(q+".prefix", st.Prefix)
			check(q+".unit", st.Unit)
			check(q+".label", st.Label)
		}
		for j, c := range s.Charts {
			q := fmt.Sprintf("%s.charts[%d]", p, j)
			check(q+".title", c.Title)
			check(q+".unit", c.Unit)
			check(q+".prefix", c.Prefix)
			for k, name := range c.Series {
				check(fmt.Sprintf("%s.series[%d]", q, k), name)
			}
			for k, pt := range c.Data {
				// A label read from a spreadsheet has no place in the
				// report; the message then points at data: and says
				// which row it came from.
				lp := fmt.Sprintf("%s.data[%d].label", q, k)
				if pt.From != "" {
					before := len(errs)
					check(q+".data", pt.Label)
					for _, e := range errs[before:] {
						e.Path, e.Pos = lp, r.Pos(q+".data")
						e.Msg = pt.From + ": " + e.Msg
					}
				} else {
					check(lp, pt.Label)
				}
				check(fmt.Sprintf("%s.data[%d].unit", q, k), pt.Unit)
			}
			// What the chart itself adds to the page must be printable too.
			for _, s := range charts.Strings(c, r.Language) {
				check(q, s)
			}
		}
		for j, ph := range s.Photos {
			check(fmt.Sprintf("%s.photos[%d].caption", p, j), ph.Caption)
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

func missingMsg(ch rune) string {
	why := "the embedded Noto Sans SC has no glyph for it"
	if ch > 0xFFFF {
		why = "it lies outside the Basic Multilingual Plane, which the PDF writer cannot embed"
	}
	return fmt.Sprintf("character %q (U+%04X) cannot be printed: %s; replace it with a common character or remove it", ch, ch, why)
}
