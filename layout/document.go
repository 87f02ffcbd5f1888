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
// on 16 (body), 13 (titles), 15 (headline words), 20 (headlines without
// figures), 22 (stat figures), 28 (headline figures), 46 (cover title). Colours: the theme's primary for
// figures and rules, its accent for falling figures, ink, one grey, one
// rule tint.
package layout

import (
	"fmt"
	"math/bits"
	"os"
	"path/filepath"
	"regexp"

	"github.com/brochure-dev/brochure/charts"
	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/fonts"
)

// Version is written into the PDF's Creator; the command sets it.
var Version = "dev"

// Theme is the look of a document: its palette and its faces.
type Theme struct {
	Primary, Accent, Ink, Muted, Rule, Tint, Paper string

	Regular, Bold, Black *fonts.Face // the embedded Noto Sans SC unless the report names others
	Fallback             *fonts.Face // draws what the others lack; nil when none
}

// defaultTheme is the palette of a police bureau's newspaper page and the
// embedded faces.
func defaultTheme() Theme {
	return Theme{Primary: "#B5121B", Accent: "#1F4E9A", Ink: "#1A1A1A", Muted: "#6B6B6B", Rule: "#D9D9D9", Tint: "#F7EDEE", Paper: "A4",
		Regular: fonts.Regular, Bold: fonts.Bold, Black: fonts.Black}
}

// span is text in one of the theme's faces, with its fallback.
func (th Theme) span(text string, f *fonts.Face, size float64, color string) Span {
	return Span{Text: text, Face: f, Size: size, Color: color, Fallback: th.Fallback}
}

// faces opens the fonts a report names in theme.fonts. Each failure is an
// error at the line that names the file.
func faces(r *data.Report, th *Theme) error {
	var errs data.Errors
	for _, f := range []struct {
		key  string
		path string
		face **fonts.Face
	}{
		{"regular", r.Theme.Fonts.Regular, &th.Regular},
		{"bold", r.Theme.Fonts.Bold, &th.Bold},
		{"black", r.Theme.Fonts.Black, &th.Black},
		{"fallback", r.Theme.Fonts.Fallback, &th.Fallback},
	} {
		if f.path == "" {
			continue
		}
		path := f.path
		if !filepath.IsAbs(path) {
			path = filepath.Join(r.Dir, path)
		}
		face, err := fonts.Open(path)
		if err != nil {
			if os.IsNotExist(err) {
				err = fmt.Errorf("font file %s not found; paths are relative to the report's folder", f.path)
			}
			key := "theme.fonts." + f.key
			errs = append(errs, &data.Error{Pos: r.Pos(key), Path: key, Msg: err.Error()})
			continue
		}
		*f.face = face
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// Type scale, pt.
const (
	sizeFolio     = 7.5
	sizeLabel     = 8.0
	sizeBody      = 9.5
	leadBody      = 16.0
	sizeTitle     = 13.0
	sizeHeadWord  = 15.0
	sizeHeadPlain = 20.0
	sizeStat      = 22.0
	sizeHeadNum   = 28.0
	sizeCover     = 46.0
)

// Document is a report laid out into pages, ready to draw.
type Document struct {
	Report *data.Report
	Theme  Theme
	Pages  []Page // the cover first

	// Warnings are problems that do not stop the build (photos of low
	// resolution), with where they are in the report.
	Warnings data.Errors

	geo   geometry
	opt   Options
	alpha []rune // the characters the report prints, in Unicode order
}

// Options are the build's choices that are not the report's: how strict
// to be about photos, and PDF/A.
type Options struct {
	Draft bool // low-resolution photos are warnings, not errors
	Final bool // placeholder frames are errors: the document goes to print
	PDFA  bool // PDF/A-2b: XMP metadata with pdfaid, an sRGB output intent

	Limits Limits // pages and photo sizes; zero values mean the defaults
}

// New lays out a report. It fails, with every problem found, when a
// character cannot be drawn by the embedded fonts (no tofu in print).
func New(r *data.Report) (*Document, error) { return NewWith(r, Options{}) }

// NewWith is New with the build's options and limits.
func NewWith(r *data.Report, opt Options) (*Document, error) {
	lim := opt.Limits
	th := defaultTheme()
	if err := faces(r, &th); err != nil {
		return nil, err
	}
	texts := printedTexts(r)
	if err := check(r, th, texts); err != nil {
		return nil, err
	}
	if err := checkPhotos(r, lim.pixels()); err != nil {
		return nil, err
	}
	if r.Theme.Primary != "" {
		th.Primary = r.Theme.Primary
		th.Tint = mix(th.Primary, 0.08)
	}
	if r.Theme.Accent != "" {
		th.Accent = r.Theme.Accent
	}
	d := &Document{Report: r, Theme: th, geo: newGeometry(r), opt: opt, alpha: alphabet(texts)}
	d.Pages = append(d.Pages, d.cover())
	if err := d.checkFit(d.Pages[0]); err != nil {
		return nil, err
	}
	first := 2
	var toc []Page
	if r.TOC {
		// the contents' length does not depend on the page numbers it
		// shows, so it is set once to count its pages, then again with them
		var err error
		if toc, err = Paginate(d.contents(nil), d.geo.frame(), 2); err != nil {
			return nil, err
		}
		first += len(toc)
	}
	pages, err := Paginate(d.body(), d.geo.frame(), first)
	if err != nil {
		return nil, paginateErr(r, err)
	}
	if r.TOC {
		if toc, err = Paginate(d.contents(sectionPages(pages)), d.geo.frame(), 2); err != nil {
			return nil, err
		}
		d.Pages = append(d.Pages, toc...)
	}
	d.Pages = append(d.Pages, pages...)
	if r.Print.Booklet {
		d.Pages = append(d.Pages, d.bookletEnd(len(d.Pages))...)
	}
	if err := checkPages(r, len(d.Pages), lim); err != nil {
		return nil, err
	}
	for i := 1; i < len(d.Pages); i++ {
		if !d.Pages[i].Bare {
			d.Pages[i].Blocks = append(d.Pages[i].Blocks, d.folio(d.Pages[i].Number, len(d.Pages))...)
		}
	}
	if err := d.checkImages(); err != nil {
		return nil, err
	}
	return d, nil
}

// mix returns hex blended with white: share 0 is white, 1 is hex.
func mix(hex string, share float64) string {
	r, g, b := rgb(hex)
	m := func(c int) int { return int(255 - (255-float64(c))*share + 0.5) }
	return fmt.Sprintf("#%02X%02X%02X", m(r), m(g), m(b))
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

// Check reports every character of the report that the embedded fonts
// cannot draw, with where it stands in the source. Printing a tofu box in a
// press release is worse than failing.
func Check(r *data.Report) error {
	return check(r, defaultTheme(), printedTexts(r))
}

var chartPath = regexp.MustCompile(`^sections\[\d+\]\.charts\[\d+\]`)

// check is Check with the theme's faces: text may use the fallback face;
// charts draw in the embedded faces only.
func check(r *data.Report, th Theme, texts []printedText) error {
	var errs data.Errors
	seen := map[string]bool{} // a chart's text comes twice: as written, and as charts.Strings draws it
	for _, t := range texts {
		scope := chartPath.FindString(t.path) // "sections[2].charts[0]", or "" outside charts
		chart := scope != ""
		for off, ch := range t.s {
			if ch == '\n' || ch == '\r' || ch == '\t' {
				continue
			}
			text := th.Regular.Has(ch) && th.Bold.Has(ch) && th.Black.Has(ch)
			if chart {
				text = fonts.Regular.Has(ch) && fonts.Bold.Has(ch) && fonts.Black.Has(ch)
			}
			if text || !chart && th.Fallback != nil && th.Fallback.Has(ch) {
				continue
			}
			if k := scope + string(ch); chart {
				if seen[k] {
					continue
				}
				seen[k] = true
			}
			e := &data.Error{Pos: r.Locate(t.path, off), Path: t.path, Msg: missingMsg(ch, chart)}
			if t.at != "" {
				// text read from a spreadsheet has no place in the
				// report: point at the data: line and name the cell
				e.Pos, e.Msg = r.Pos(t.at), t.note+": "+e.Msg
			}
			errs = append(errs, e)
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// printed is text that layout and charts print besides the report's own:
// labels of their own, and the marks and figures they compose.
const printed = "年度关键数字图片占位（续）——·/ 年月日目录笔记第页" + "↑↓▲▼%‰.,-+:：、，。"

// alphabet is the characters of texts and of the labels layout prints
// itself, in Unicode order: the PDF numbers its characters in this order
// (see fonts.NewEmbedding), which compresses better than first use.
func alphabet(texts []printedText) []rune {
	var set [0x10000 / 64]uint64
	add := func(s string) {
		for _, r := range s {
			if r >= 0 && r < 0x10000 {
				set[r>>6] |= 1 << (uint(r) & 63)
			}
		}
	}
	add(printed)
	for _, t := range texts {
		add(t.s)
	}
	var runes []rune
	for i, w := range set {
		for ; w != 0; w &= w - 1 {
			runes = append(runes, rune(i*64+bits.TrailingZeros64(w)))
		}
	}
	return runes
}

// printedTexts lists what visit visits.
func printedTexts(r *data.Report) []printedText {
	var texts []printedText
	visit(r, func(t printedText) { texts = append(texts, t) })
	return texts
}

// printedText is one text of the report that gets printed, with its
// field path. Text read from a spreadsheet names the report's data: line
// in at and its cell in note.
type printedText struct {
	path, s  string
	at, note string
}

// visit calls fn with every text of the report that gets printed,
// including what charts add (value labels, ticks, legends): the glyph
// check and the fonts' subsets read the same list.
func visit(r *data.Report, fn func(printedText)) {
	check := func(path, s string) { fn(printedText{path: path, s: s}) }
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
				lp := fmt.Sprintf("%s.data[%d].label", q, k)
				if pt.From != "" {
					fn(printedText{path: lp, s: pt.Label, at: q + ".data", note: pt.From})
				} else {
					check(lp, pt.Label)
				}
				check(fmt.Sprintf("%s.data[%d].unit", q, k), pt.Unit)
			}
			for _, s := range charts.Strings(c, r.Language) {
				check(q, s)
			}
		}
		for j, ph := range s.Photos {
			check(fmt.Sprintf("%s.photos[%d].caption", p, j), ph.Caption)
		}
	}
}

func missingMsg(ch rune, chart bool) string {
	why, fix := "the fonts have no such character", "replace it, or name a font that has it in the theme: fonts: {fallback: fonts/extra.ttf}"
	switch {
	case ch > 0xFFFF:
		why, fix = "it is one of the rarest characters, which no font in a PDF made here can hold", "replace it with a common character or remove it"
	case chart:
		why, fix = "charts print in Noto Sans SC, which has no such character", "replace it in the chart's text"
	}
	return fmt.Sprintf("the character “%c” (code U+%04X) cannot be printed: %s; %s", ch, ch, why, fix)
}
