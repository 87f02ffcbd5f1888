// Package layout sets a report into pages and draws them, for
// internal/export to write as a PDF.
//
// The pipeline follows Typst's split of model, layout and export: New
// turns a data.Report into blocks (section heads, stat cards, each
// section's text as one Flow through the columns, charts and photos),
// paginates them into Pages of placed blocks (figures float to the next
// page when they do not fit, and the foot of a page is set flush), and
// only then Write draws those pages as items (internal/draw: text runs,
// shapes, photos, links, each with its structure element), which
// internal/export writes as the PDF. Positions are decided before
// anything is drawn, so they can be tested without a PDF.
//
// The palette, faces, type scale, grid and the designs of the cover, the
// section opener and the stat card come from the document's Theme
// (package theme); the default look, newspaper, sets A4 with margins 48 left and
// right, 62 top, 58 bottom; body text in two columns with a 26 pt gutter
// (three on a page wider than 680 pt of text, one under 300), on a 14 pt
// grid; figures two to a row across the same gutter; stat cards in rows
// of 2 to 5. Margins and gutter scale with the paper's short side
// (geometry.go).
package layout

import (
	"fmt"
	"math/bits"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode"

	"github.com/brochure-dev/brochure/charts"
	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/ink"
	"github.com/brochure-dev/brochure/internal/structure"
	"github.com/brochure-dev/brochure/locale"
	"github.com/brochure-dev/brochure/number"
	"github.com/brochure-dev/brochure/theme"
)

// Version is written into the PDF's Creator; the command sets it.
var Version = "dev"

// Theme is the look a document is set in (see package theme: palette,
// faces, type scale, grid, the designs of cover, opener and stat card),
// with the helpers layout sets text in it with. The faces are the
// embedded Noto Sans SC unless the language or the report names others.
type Theme struct{ theme.Theme }

// look is the look the report asks for (theme: {style: …}), or style
// when given: the build's --style.
func look(r *data.Report, style string) (Theme, error) {
	name, key := r.Theme.Style, "theme.style"
	if style != "" {
		name = style
	}
	if name == "" {
		name = theme.Default
	}
	th, err := theme.Look(name)
	if err != nil {
		if style != "" {
			return Theme{}, err
		}
		return Theme{}, data.Errors{&data.Error{Pos: r.Pos(key), Path: key, Msg: err.Error()}}
	}
	return Theme{th}, nil
}

// defaultTheme is the default look with the embedded faces.
func defaultTheme() Theme {
	th, err := theme.Look(theme.Default)
	if err != nil {
		panic(err) // the default look is always registered
	}
	return Theme{th}
}

// span is text in one of the theme's faces, with its fallback.
func (th Theme) span(text string, f *fonts.Face, size float64, color string) Span {
	return Span{Text: text, Face: f, Size: size, Color: color, Fallback: th.Fallback, Centred: th.Locale.Traditional(), Lang: th.Locale.Tag}
}

// charts is the charts' Style in this look: its palette, faces and label
// size. lang is the language charts are told (see chartLang).
func (th Theme) charts(lang string) charts.Style {
	return charts.Style{Primary: th.Primary, Accent: th.Accent, Ink: th.Ink, Muted: th.Muted, Rule: th.Rule,
		Good: th.Good, Bad: th.Bad, Regular: th.Regular, Bold: th.Bold, Black: th.Black, FontSize: th.Chart.Label, Lang: lang,
		Group: th.Locale.Group}
}

// ownText is every text the report prints as written, one a line: what
// number.Rule reads the report's way of writing figures from.
func ownText(r *data.Report) string {
	var b strings.Builder
	for t := range r.Texts() {
		b.WriteString(t.Value)
		b.WriteByte('\n')
	}
	return b.String()
}

// faces sets the theme's language and opens its faces: for each role the
// font the report names in theme.fonts (a file, or an installed family),
// else the language's regional face from the system (the embedded Noto
// Sans SC for Simplified Chinese and English). Each failure is one error
// at the line that names the font, or at language:.
func faces(r *data.Report, th *Theme) error {
	var errs data.Errors
	loc, err := locale.Parse(r.Language)
	if err != nil {
		return data.Errors{&data.Error{Pos: r.Pos("language"), Path: "language", Msg: err.Error()}}
	}
	th.Locale = loc
	th.Locale.Group = number.Rule(loc.Tag, ownText(r))
	fail := func(key, msg string) {
		errs = append(errs, &data.Error{Pos: r.Pos(key), Path: key, Msg: msg})
	}
	// the language's faces, from the system
	if len(loc.Sans) > 0 {
		var missing []string
		for _, role := range []struct {
			face   **fonts.Face
			weight int
		}{{&th.Regular, 400}, {&th.Bold, 700}, {&th.Black, 900}} {
			f, tried := findFamily(loc.Sans, role.weight)
			if f == nil {
				missing = tried
				break
			}
			*role.face = f
		}
		if missing != nil {
			fail("language", fmt.Sprintf("a report in %s (language: %s) is set in %s's glyph forms, and none of its fonts is installed (looked for %s); %s",
				loc.Name, r.Language, loc.Name, strings.Join(missing, ", "), loc.Install()))
			return errs
		}
	}
	open := func(key, name string, weight int) *fonts.Face {
		if looksLikeFile(name) {
			path := name
			if !filepath.IsAbs(path) {
				path = filepath.Join(r.Dir, path)
			}
			face, err := fonts.Open(path)
			if err != nil {
				if os.IsNotExist(err) {
					err = fmt.Errorf("font file %s not found; paths are relative to the report's folder (or write the name of an installed font, like Noto Sans CJK SC)", name)
				}
				fail(key, err.Error())
				return nil
			}
			return face
		}
		face, err := find(name, weight)
		if err != nil {
			msg := fmt.Sprintf("no installed font is called %q", name)
			if near := fonts.Families(firstWord(name)); len(near) > 0 {
				msg += fmt.Sprintf(" (installed: %s)", strings.Join(near[:min(len(near), 6)], ", "))
			}
			fail(key, msg+"; write the name of an installed font, or the path of a .ttf, .otf or .ttc file relative to the report's folder")
			return nil
		}
		return face
	}
	for _, f := range []struct {
		key, name string
		weight    int
		face      **fonts.Face
	}{
		{"regular", r.Theme.Fonts.Regular, 400, &th.Regular},
		{"bold", r.Theme.Fonts.Bold, 700, &th.Bold},
		{"black", r.Theme.Fonts.Black, 900, &th.Black},
		{"serif", r.Theme.Fonts.Serif, 400, &th.Serif},
	} {
		if f.name = strings.TrimSpace(f.name); f.name != "" {
			if face := open("theme.fonts."+f.key, f.name, f.weight); face != nil {
				*f.face = face
			}
		}
	}
	for _, name := range strings.Split(r.Theme.Fonts.Fallback, ",") {
		if name = strings.TrimSpace(name); name != "" {
			if face := open("theme.fonts.fallback", name, 400); face != nil {
				th.Fallback = append(th.Fallback, face)
			}
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// find is fonts.Find; tests replace it to play a system without fonts.
var find = fonts.Find

// findFamily returns the first of families installed, at weight, and
// the families it looked for.
func findFamily(families []string, weight int) (*fonts.Face, []string) {
	for _, fam := range families {
		if f, err := find(fam, weight); err == nil {
			return f, nil
		}
	}
	return nil, families
}

// looksLikeFile tells a font file ("fonts/x.ttf", "msyh.ttc#1") from the
// name of an installed family ("Noto Sans CJK HK").
func looksLikeFile(s string) bool {
	if strings.ContainsAny(s, `/\#`) {
		return true
	}
	switch strings.ToLower(filepath.Ext(s)) {
	case ".ttf", ".otf", ".ttc", ".otc", ".woff", ".woff2", ".pfa", ".pfb":
		return true
	}
	return false
}

func firstWord(s string) string {
	if i := strings.IndexByte(s, ' '); i > 0 {
		return s[:i]
	}
	return s
}

// Document is a report laid out into pages, ready to draw.
type Document struct {
	Report *data.Report
	Theme  Theme
	Pages  []Page // the cover first

	// Warnings are problems that do not stop the build (photos of low
	// resolution, photos with no file: see unset), with where they are in
	// the report.
	Warnings data.Errors

	geo   geometry
	opt   Options
	alpha []rune       // the characters the report prints, in Unicode order
	inks  []ink.Colour // the colours with print values: the look's, the theme's

	root     *structure.Elem // the structure tree's root (see tags.go)
	untagged bool            // Write draws no structure (the test that tagging changes no pixel)

	logo        *logo // the report's emblem, or nil
	listed      bool  // the cover lists every section's title
	bodyOnCover bool  // the cover holds the whole body

	// own is the report's own text (ownText): how it writes its figures,
	// which its stat cards follow (see statCard.written)
	own string
}

// Options are the build's choices that are not the report's: how strict
// to be about photos, and PDF/A.
type Options struct {
	// Draft makes a proof: low-resolution photos are warnings, not
	// errors, and a photo with no file is set as a frame marked 图片占位
	// (see sets).
	Draft bool
	Final bool // a photo with no file is an error: the document goes to print
	PDFA  bool // PDF/A-2a (tagged): pdfaid in the XMP metadata, an sRGB output intent
	// PDFX makes a PDF/X-4 for a CMYK press (see pdfx.go): text and rules
	// on the black plate, brand colours in CMYK, an output intent with
	// Profile (nil: the embedded FOGRA39 profile) named ProfileName.
	PDFX        bool
	Profile     []byte
	ProfileName string

	Limits Limits // pages and photo sizes; zero values mean the defaults

	// Style is the look (a name of package theme) in place of the
	// report's theme: {style: …}; empty: the report's.
	Style string
}

// sets says whether photo p is set on the pages. A photo with a file is;
// one with none (a photo to come) only in a draft, as a grey frame with a
// cross marked 图片占位 to proof the page with. Built for print it is left
// out, its caption with it, and the text and figures close up: a press
// office sends the PDF it gets to print, and a placeholder frame is no
// page of a brochure. unset warns of each one left out.
func (o Options) sets(p data.Photo) bool { return p.File != "" || o.Draft }

// unset is the word on each photo with no file: with Final an error (the
// document goes to print), else a warning that says where it went.
func unset(r *data.Report, opt Options) (errs, warns data.Errors) {
	label := locale.Must(r.Language).Labels.Placeholder
	for i, s := range r.Sections {
		for j, p := range s.Photos {
			if p.File != "" {
				continue
			}
			key := fmt.Sprintf("sections[%d].photos[%d]", i, j)
			e := &data.Error{Pos: r.Pos(key), Path: key}
			switch {
			case opt.Final:
				e.Msg = `no file: a photo to come cannot go to print (--final); add "file: photos/….jpg" or remove the photo`
				errs = append(errs, e)
			case opt.Draft:
				e.Msg = fmt.Sprintf(`no file: a frame marked %s stands in its place in this proof (--draft); add "file: photos/….jpg" before sending to print`, label)
				warns = append(warns, e)
			default:
				e.Msg = fmt.Sprintf(`no file: the photo is left out, its caption too, and the page closes up; add "file: photos/….jpg", or build with --draft for a proof with a frame marked %s in its place`, label)
				warns = append(warns, e)
			}
		}
	}
	return errs, warns
}

// New lays out a report. It fails, with every problem found, when a
// character cannot be drawn by the embedded fonts (no tofu in print).
func New(r *data.Report) (*Document, error) { return NewWith(r, Options{}) }

// NewWith is New with the build's options and limits.
func NewWith(r *data.Report, opt Options) (*Document, error) {
	lim := opt.Limits
	if err := checkPress(opt); err != nil {
		return nil, err
	}
	th, err := look(r, opt.Style)
	if err != nil {
		return nil, err
	}
	if err := faces(r, &th); err != nil {
		return nil, err
	}
	if err := checkLangs(r, th); err != nil {
		return nil, err
	}
	texts := printedTexts(r, th.charts(chartLang(r.Language)))
	addScripts(&th, texts)
	if err := check(r, th, texts); err != nil {
		return nil, err
	}
	if err := checkPhotos(r, lim.pixels(), lim.photoBytes()); err != nil {
		return nil, err
	}
	missing, warns := unset(r, opt)
	if len(missing) > 0 {
		return nil, missing
	}
	logo, err := readLogo(r, lim)
	if err != nil {
		return nil, err
	}
	inks := slices.Clone(th.Inks)
	if r.Theme.Primary != "" {
		c, _ := ink.Parse(r.Theme.Primary) // validated by data
		th.Primary = c.Hex()
		th.Tint = mix(th.Primary, 0.08)
		if c.Given {
			inks = append(inks, c, tint(c, th.Tint, 0.08))
		}
	}
	if r.Theme.Accent != "" {
		c, _ := ink.Parse(r.Theme.Accent)
		th.Accent = c.Hex()
		if c.Given {
			inks = append(inks, c)
		}
	}
	d := &Document{Report: r, Warnings: warns, Theme: th, geo: newGeometry(r, th.Grid), opt: opt, alpha: alphabet(texts, th), inks: inks, logo: logo, root: structure.NewDocument(), own: ownText(r)}
	d.root.Lang = d.lang()
	d.Pages = append(d.Pages, d.cover())
	if err := d.checkFit(d.Pages[0]); err != nil {
		return nil, err
	}
	if d.bodyOnCover || d.listed && d.titlesOnly() {
		// the cover holds all there is to print: a page of a short body,
		// or of section heads alone, would be nearly empty
		return d.finish(lim)
	}
	// the contents (toc: true, or a look that sets them) head the body:
	// section 1 begins under them where it fits, as a designer sets a
	// short contents rather than leave half a page blank under it. They
	// are set once to find the sections' pages, then again with them, in
	// the same room (their length does not depend on the numbers). A look
	// that has them sets none when the cover lists the sections; toc:
	// true asks for them all the same.
	inline := r.TOC || th.Contents && !d.listed
	body := func(at map[int]int) []Block {
		bs := d.body()
		if inline {
			bs = append(append(d.contents(at), Space(th.Grid.SectionGap)), bs...)
		}
		if t := d.qrRoom(); t > 0 {
			bs = append(bs, Trailer(t)) // the last page keeps room for the QR code
		}
		return bs
	}
	// the blank under a page's last text: its space below, its last
	// line's room under the glyphs, the margin to the foot's rule (on A4;
	// a smaller page's is a little less, which the judgement keeps)
	f := d.geo.frame()
	f.Below = th.Grid.TextGap + (th.Scale.Lead-th.Scale.Body)/2 + folioDrop - footRuleOver
	pages, err := Paginate(body(nil), f, 2)
	if err == nil && inline {
		pages, err = Paginate(body(sectionPages(pages)), f, 2)
	}
	if err != nil {
		return nil, paginateErr(r, err)
	}
	justify(pages, f)
	d.Pages = append(d.Pages, pages...)
	return d.finish(lim)
}

// finish ends the document: the booklet's last pages, the page limit, the
// folios and the images' check.
func (d *Document) finish(lim Limits) (*Document, error) {
	r := d.Report
	if r.Print.Booklet {
		d.Pages = append(d.Pages, d.bookletEnd(len(d.Pages))...)
	}
	d.placeQR()
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

// ChartWidth is the width chart j of section i is drawn at in this
// brochure, as its pages place it: the full width, half a row, one text
// column, the width a chart in a column of text needs (see needs).
// Exported charts are drawn at it so they look the same. A chart the
// pages do not hold (a brochure of the cover alone) gets the width it
// would ask for in a row (rowWidth).
func (d *Document) ChartWidth(i, j int) float64 {
	key := fmt.Sprintf("sections[%d].charts[%d]", i, j)
	w := 0.0
	d.walkFigures(func(b Block, _ int, _, _, cw float64) {
		if c, ok := b.(*chartBlock); ok && c.key == key {
			w = cw
		}
	})
	if w == 0 && i < len(d.Report.Sections) && j < len(d.Report.Sections[i].Charts) {
		return d.rowWidth(d.Report.Sections[i].Charts[j])
	}
	return w
}

// rowWidth is the width chart c asks for before the pages are set: the
// full width for a chart that takes a row of its own (see wide), else
// half a row.
func (d *Document) rowWidth(c data.Chart) float64 {
	if d.wide(c) {
		return d.geo.contentW()
	}
	return d.geo.figureW()
}

// ChartStyle is the look of the document's charts (theme colours, label
// size, language), for drawing them outside the brochure.
func (d *Document) ChartStyle() charts.Style { return d.Theme.charts(chartLang(d.Report.Language)) }

// chartStyle is the look of the document's charts as its pages set them:
// on a page of columns, whose figures stand on the columns (a column, or
// the width: see gridSpan, figureW), told the columns.
func (d *Document) chartStyle() charts.Style {
	st := d.ChartStyle()
	if n := d.geo.Columns; n > 1 {
		st.Columns = charts.Columns{Width: spanWidth(1, n, d.geo.contentW(), d.geo.Gutter), Gap: d.geo.Gutter}
	}
	return st
}

// chartLang is the language charts are told: "en" for any English (they
// compare with it), else the tag as written (number reads Traditional
// Chinese's 萬 and 億 from it).
func chartLang(tag string) string {
	if locale.Must(tag).English() {
		return "en"
	}
	return tag
}

var chartPath = regexp.MustCompile(`^sections\[\d+\]\.charts\[\d+\]`)

// check reports every character of the texts that the theme's faces
// cannot draw, with where it stands in the source: printing a tofu box in
// a press release is worse than failing. Text may use the fallback faces;
// charts draw in the theme's three faces only.
//
// A report in another script than its language's (Traditional characters
// in a Simplified report, Korean with no Korean font) would otherwise
// give one error per character: such characters are one problem, which
// says what the text is written in and what to set, with the first few
// places.
func check(r *data.Report, th Theme, texts []printedText) error {
	var errs data.Errors
	type miss struct {
		ch rune
		e  *data.Error
	}
	groups := map[string][]miss{} // by script: Han, Hangul, Kana
	seen := map[string]bool{}     // a chart's text comes twice: as written, and as charts draw it
	for _, t := range texts {
		scope := chartPath.FindString(t.path) // "sections[2].charts[0]", or "" outside charts
		chart := scope != ""
		// one message per character and field, with how often it comes
		// (5,000 zero-width spaces were 5,000 lines)
		first := map[rune]*data.Error{}
		more := map[rune]int{}
		for off, ch := range t.s {
			if ch == '\n' || ch == '\r' || ch == '\t' {
				continue
			}
			if th.Regular.Has(ch) && th.Bold.Has(ch) && th.Black.Has(ch) && (chart || th.Serif == nil || th.Serif.Has(ch)) {
				continue
			}
			if !chart && slices.ContainsFunc(th.Fallback, func(f *fonts.Face) bool { return f.Has(ch) }) {
				continue
			}
			if k := scope + string(ch); chart {
				if seen[k] {
					continue
				}
				seen[k] = true
			}
			script := scriptOf(ch)
			grouped := script != "" && ch <= 0xFFFF // one problem for the script, below
			if !grouped && first[ch] != nil {
				more[ch]++
				continue
			}
			e := &data.Error{Pos: r.Locate(t.path, off), Path: t.path, Msg: missingMsg(ch, chart)}
			if t.at != "" {
				// text read from a spreadsheet has no place in the
				// report: point at the data: line and name the cell
				e.Pos, e.Msg = r.Pos(t.at), t.note+": "+e.Msg
			}
			if grouped {
				groups[script] = append(groups[script], miss{ch, e})
				continue
			}
			first[ch] = e
			errs = append(errs, e)
		}
		for ch, n := range more {
			first[ch].Msg += fmt.Sprintf(" (it comes %d more time%s in this field)", n, map[bool]string{true: "s"}[n > 1])
		}
	}
	loc := th.Locale
	for _, script := range []string{"Han", "Hangul", "Kana"} {
		ms := groups[script]
		var distinct []rune
		known := map[rune]bool{} // (slices.Contains here was quadratic in a long text)
		for _, m := range ms {
			if !known[m.ch] {
				known[m.ch] = true
				distinct = append(distinct, m.ch)
			}
		}
		if len(distinct) < 3 && script == "Han" {
			for _, m := range ms { // a rare character or two: say so for each
				errs = append(errs, m.e)
			}
			continue
		}
		if len(ms) == 0 {
			continue
		}
		var what string
		switch {
		case script == "Han" && !loc.Traditional():
			what = "this report is written in Traditional Chinese, which the Simplified Chinese fonts cannot print; set language: zh-Hant (Taiwan's glyph forms) or language: zh-HK (Hong Kong's)"
		case script == "Han":
			what = fmt.Sprintf("the %s fonts lack these characters; name a font that has them as theme: fonts: {fallback: …}", loc.Name)
		case script == "Hangul":
			what = "the text has Korean (Hangul), and no Korean font is installed; set language: ko for a Korean report, or install Noto Sans CJK KR (" + loc.Install() + ")"
		default:
			what = "the text has Japanese kana, and no Japanese font is installed; set language: ja for a Japanese report, or install Noto Sans CJK JP (" + loc.Install() + ")"
		}
		var chars []string
		for _, c := range distinct[:min(len(distinct), 8)] {
			chars = append(chars, string(c))
		}
		more := ""
		if len(distinct) > 8 {
			more = fmt.Sprintf(" and %d more", len(distinct)-8)
		}
		var places []string
		for _, m := range ms[1:min(len(ms), 4)] {
			places = append(places, m.e.Pos.String())
		}
		msg := fmt.Sprintf("%s (%d characters: %s%s", what, len(distinct), strings.Join(chars, " "), more)
		if len(places) > 0 {
			msg += fmt.Sprintf("; here and at %s", strings.Join(places, ", "))
			if len(ms) > 4 {
				msg += fmt.Sprintf(" and %d more places", len(ms)-4)
			}
		}
		first := ms[0].e
		errs = append(errs, &data.Error{Pos: first.Pos, Path: first.Path, Msg: msg + ")"})
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// scriptOf groups the characters a missing font explains: "Han",
// "Hangul", "Kana", or "" for anything else.
func scriptOf(r rune) string {
	switch {
	case unicode.Is(unicode.Han, r):
		return "Han"
	case unicode.Is(unicode.Hangul, r):
		return "Hangul"
	case unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r):
		return "Kana"
	}
	return ""
}

// addScripts adds to the fallback faces, for Korean and Japanese the
// report's faces lack, the regional face installed for them: a Chinese
// report quoting a Korean name prints it in a Korean face.
func addScripts(th *Theme, texts []printedText) {
	need := map[string]bool{}
	for _, t := range texts {
		for _, ch := range t.s {
			if s := scriptOf(ch); (s == "Hangul" || s == "Kana") && !th.Regular.Has(ch) &&
				!slices.ContainsFunc(th.Fallback, func(f *fonts.Face) bool { return f.Has(ch) }) {
				need[s] = true
			}
		}
	}
	for _, s := range []struct{ script, tag string }{{"Hangul", "ko"}, {"Kana", "ja"}} {
		if need[s.script] {
			if f, _ := findFamily(locale.Must(s.tag).Sans, 400); f != nil {
				th.Fallback = append(th.Fallback, f)
			}
		}
	}
}

// printed is text that layout and charts print besides the report's own:
// Simplified Chinese labels, and the marks and figures they compose.
// (Other languages' labels come from locale; this set stays as it is, so
// that a Simplified Chinese PDF keeps its bytes.)
const printed = "年度关键数字图片占位（续）——·/ 年月日目录笔记第页本册内容" + "↑↓▲▼%‰.,-+:：、，。"

// alphabet is the characters of texts and of the labels layout prints
// itself, in Unicode order: the PDF numbers its characters in this order
// (see fonts.NewEmbedding), which compresses better than first use.
func alphabet(texts []printedText, th Theme) []rune {
	loc := th.Locale
	var set [0x10000 / 64]uint64
	var sup []rune // past the BMP: rare, a few in a Hong Kong report
	add := func(s string) {
		for _, r := range s {
			if r >= 0 && r < 0x10000 {
				set[r>>6] |= 1 << (uint(r) & 63)
			} else if r > 0xFFFF {
				sup = append(sup, r)
			}
		}
	}
	add(printed)
	if th.hanNumbers() {
		add(hanDigits)
	}
	if loc.Tag != "zh-Hans" {
		add(loc.Printed()) // the labels and dates of the language
	}
	for _, t := range texts {
		add(t.s)
	}
	var runes []rune
	for i, w := range set {
		for ; w != 0; w &= w - 1 {
			runes = append(runes, rune(i*64+bits.TrailingZeros64(w)))
		}
	}
	slices.Sort(sup)
	return append(runes, slices.Compact(sup)...)
}

// printedTexts lists what visit visits.
func printedTexts(r *data.Report, st charts.Style) []printedText {
	var texts []printedText
	visit(r, st, func(t printedText) { texts = append(texts, t) })
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
func visit(r *data.Report, st charts.Style, fn func(printedText)) {
	for t := range r.Texts() {
		fn(printedText{path: t.Path, s: t.Value, at: t.At, note: t.From})
	}
	for _, t := range quoteTexts(r) {
		fn(t)
	}
	for i, s := range r.Sections {
		for j, c := range s.Charts {
			q := fmt.Sprintf("sections[%d].charts[%d]", i, j)
			for _, s := range st.Strings(c) {
				fn(printedText{path: q, s: s})
			}
		}
		tableTexts(r, i, s, fn)
	}
}

// missingMsg says why ch cannot be printed and what to do. A character
// past the Basic Multilingual Plane (CJK Extension B, the Hong Kong
// Supplementary Character Set's 𨋢 U+282E2) prints like any other when a
// face has it; the embedded Simplified Chinese faces have none, the Noto
// CJK faces that language: zh-HK and zh-Hant find have about 2,600.
func missingMsg(ch rune, chart bool) string {
	why, fix := "the fonts have no such character", "replace it, or name a font that has it in the theme: fonts: {fallback: fonts/extra.ttf}"
	switch {
	case chart:
		why, fix = "charts print in the text's regular, bold and black faces, never in the fallback, and these lack it", "replace it in the chart's text"
	case ch > 0xFFFF:
		why = "it is one of the rarest characters (past Unicode's Basic Multilingual Plane), which the fonts lack"
		fix = "replace it, or name a font that has it in the theme: fonts: {fallback: …} (Noto Sans CJK HK, which language: zh-HK uses, has the Hong Kong ones)"
	}
	return fmt.Sprintf("the character “%c” (code U+%04X) cannot be printed: %s; %s", ch, ch, why, fix)
}
