package layout

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/internal/structure"
	"github.com/brochure-dev/brochure/locale"
)

// This file says what each block is in the tagged PDF's structure tree
// (see Canvas.Begin): a block that implements tagger makes its elements
// under the element it is given; Write's Canvas marks what it draws as
// their content. A block that makes none (rules, spaces, running heads,
// folios, colour bands, kickers) is drawn as an artifact.
//
// A new kind of block takes part by implementing tagger: make the
// elements (parent.Add(structure.Table), then TR, TH, TD…) in tag, keep
// them, and draw each part between c.Begin(elem) and c.End().

// tagger is a Block that has a place in the structure tree.
type tagger interface {
	// tag makes the block's elements as children of parent.
	tag(parent *structure.Elem)
}

// tagSections gives the body's blocks their elements: each section head
// starts a Sect under root, which holds what follows it.
func tagSections(root *structure.Elem, blocks []Block) {
	start, parent := 0, root
	for i, b := range blocks {
		if h, ok := b.(*sectionHead); ok {
			tagBlocks(parent, blocks[start:i])
			h.tag(root)
			parent, start = h.sect, i+1
		}
	}
	tagBlocks(parent, blocks[start:])
}

// tagBlocks gives blocks their elements under parent, in order: a run of
// stat cards (in rows) is one list, each card an item.
func tagBlocks(parent *structure.Elem, blocks []Block) {
	var list *structure.Elem
	for _, b := range blocks {
		if cards(b) {
			if list == nil {
				list = parent.Add(structure.L)
			}
			tagBlocks(list, b.(*Row).Cells)
			continue
		}
		list = nil
		if t, ok := b.(tagger); ok {
			t.tag(parent)
		}
	}
}

// cards reports whether b is a row of stat cards.
func cards(b Block) bool {
	r, ok := b.(*Row)
	if !ok || len(r.Cells) == 0 {
		return false
	}
	for _, c := range r.Cells {
		if _, ok := c.(*statCard); !ok {
			return false
		}
	}
	return true
}

// tag implements tagger: a paragraph is a P unless it was given a role.
func (p *Paragraph) tag(parent *structure.Elem) {
	if p.Tag == nil {
		p.Tag = parent.Add(structure.P)
	}
}

// docLang is the language of the document e belongs to: its root's.
func docLang(e *structure.Elem) string {
	for e != nil && e.Parent() != nil {
		e = e.Parent()
	}
	if e == nil {
		return ""
	}
	return e.Lang
}

// tag implements tagger: each paragraph of the text, and the byline, is a P.
// A run of list items is an L, each item an LI of its number (Lbl; a
// bullet is drawn as an artifact) and its text (LBody); a subheading is an
// H3, a pull quote a BlockQuote.
func (f *Flow) tag(parent *structure.Elem) {
	f.Tags, f.Labels, f.links, f.lang = nil, nil, map[int]map[int]*structure.Elem{}, docLang(parent)
	f.units = nil // set again, finding the phrases in another language
	var list *structure.Elem
	for _, p := range f.Paras {
		var e, lbl *structure.Elem
		switch p.Kind {
		case ListItem:
			if list == nil {
				list = parent.Add(structure.L)
			}
			li := list.Add(structure.LI)
			if p.Label != nil {
				lbl = li.Add(structure.Lbl)
			}
			e = li.Add(structure.LBody)
		case Subhead:
			e = parent.Add(structure.H3)
		case PullQuote:
			e = parent.Add(structure.Quote)
		default:
			e = parent.Add(structure.P)
		}
		if p.Kind != ListItem {
			list = nil
		}
		f.Tags, f.Labels = append(f.Tags, e), append(f.Labels, lbl)
	}
	if f.Trailer != nil {
		f.Tags, f.Labels = append(f.Tags, parent.Add(structure.P)), append(f.Labels, nil)
	}
	if t, ok := f.Float.(tagger); ok {
		t.tag(parent)
	}
}

// tag implements tagger: the code is a Figure that says its address, its
// caption a P (whose address, if it shows one, is a link).
func (b *qrBlock) tag(parent *structure.Elem) {
	b.elem = parent.Add(structure.Figure)
	w := locale.Must(docLang(parent)).Labels.Alt
	b.elem.Alt = w.QR + w.Colon + b.url
	b.text.Tag = nil
	b.text.tag(parent)
}

// tag implements tagger for the cells of a row (figures side by side).
func (r *Row) tag(parent *structure.Elem) { tagBlocks(parent, r.Cells) }

// tag implements tagger for what a stack holds.
func (s *Stack) tag(parent *structure.Elem) { tagBlocks(parent, s.Blocks) }

// tag implements tagger: a section head starts a Sect. Its number and
// headline are its H2; its title is the deck (a P) under a headline, or
// the H2 itself without one.
func (h *sectionHead) tag(parent *structure.Elem) {
	h.sect = parent.Add(structure.Sect)
	var paras []*Paragraph
	for _, b := range h.Blocks {
		if p, ok := b.(*Paragraph); ok {
			paras = append(paras, p)
		}
	}
	head := h.sect.Add(structure.H2)
	var words []string
	for i, p := range paras {
		p.Tag = head
		if i == len(paras)-1 && len(paras) > 2 {
			p.Tag = h.sect.Add(structure.P)
			continue
		}
		words = append(words, strings.TrimSpace(spansText(p.Spans)))
	}
	// the number and the headline are drawn apart; read "01 500余场…",
	// not "01500余场…"
	if len(words) > 1 {
		head.Actual = strings.Join(words, " ")
	}
}

// tag implements tagger: a card is a list item read as one phrase.
func (c *statCard) tag(parent *structure.Elem) {
	li := parent.Add(structure.LI)
	c.elem = li.Add(structure.LBody)
	c.elem.Actual = c.phrase()
}

// phrase is what a card says, in the order one says it: "死亡人数 下降
// 44.86%" in Chinese, "14.98% fewer accidents, down" in English, and
// the note under it.
func (c *statCard) phrase() string {
	s, loc := c.stat, c.theme.Locale
	prefix, figure, unit := c.parts()
	value, label := prefix+figure+unit, strings.TrimSpace(s.Label)
	var out string
	if loc.English() {
		out = strings.TrimSpace(value + " " + label)
		switch s.Change {
		case "up", "down":
			out += ", " + s.Change
		}
		if c.note != "" {
			out += " (" + c.note + ")"
		}
		return out
	}
	words := []string{label}
	switch s.Change {
	case "up":
		words = append(words, loc.Labels.Up)
	case "down":
		words = append(words, loc.Labels.Down)
	}
	out = strings.Join(append(words, value), " ")
	if c.note != "" {
		out += "（" + c.note + "）"
	}
	return out
}

// tag implements tagger: a chart is a Figure described by its alt text
// (charts.Alt, written when the chart is drawn).
func (b *chartBlock) tag(parent *structure.Elem) {
	b.elem = parent.Add(structure.Figure)
}

// tag implements tagger: a photo is a Figure with its alt text, its
// caption a Caption after it; a placeholder's frame is an artifact and
// its caption a P.
func (b *photoBlock) tag(parent *structure.Elem) {
	if b.photo.File == "" {
		b.caption.Tag = parent.Add(structure.P)
		return
	}
	b.elem = parent.Add(structure.Figure)
	b.elem.Alt = photoAlt(b.photo)
	if !b.bare {
		b.caption.Tag = parent.Add(structure.Caption)
	}
}

// photoAlt is a photo's alternative text: its alt:, else its caption
// (data warns that a caption is not an alternative), else its file's name.
func photoAlt(p data.Photo) string {
	switch {
	case strings.TrimSpace(p.Alt) != "":
		return strings.TrimSpace(p.Alt)
	case strings.TrimSpace(p.Caption) != "":
		return strings.TrimSpace(p.Caption)
	}
	return p.File
}

// tag implements tagger: a line of the contents is a list item, its
// number the label and its title (and page) a link to the section.
func (e *tocEntry) tag(parent *structure.Elem) {
	li := parent.Add(structure.LI)
	e.lbl = li.Add(structure.Lbl)
	e.link = li.Add(structure.LBody).Add(structure.Link)
}

// tagContents tags a list of the contents: its heading an H2, its lines
// one L.
func tagContents(parent *structure.Elem, blocks []Block) {
	var list *structure.Elem
	for _, b := range blocks {
		switch b := b.(type) {
		case *Paragraph:
			b.Tag = parent.Add(structure.H2)
		case *tocEntry, *coverEntry:
			if list == nil {
				list = parent.Add(structure.L)
			}
			b.(tagger).tag(list)
		case *Row:
			if list == nil {
				list = parent.Add(structure.L)
			}
			for _, c := range b.Cells {
				if e, ok := c.(*tocEntry); ok {
					e.tag(list)
				}
			}
		}
	}
}

// entry reports whether b is a line of the contents (or of the cover's
// designed contents).
func entry(b Block) bool {
	switch b.(type) {
	case *tocEntry, *coverEntry:
		return true
	}
	return false
}

// tagCover tags the cover: the title is the document's H1, the band's
// other lines and the summary are Ps, the key figures' heading an H2 over
// their list, the list of titles as the contents.
func (d *Document) tagCover(p Page) {
	r := d.Report
	var rest []Block
	for _, b := range p.Blocks {
		if para, ok := b.Block.(*Paragraph); ok && para.Tag == nil {
			switch text := spansText(para.Spans); {
			case text == r.Title:
				para.Tag = d.root.Add(structure.H1)
				continue
			case text == d.Theme.Locale.Labels.KeyFigures:
				para.Tag = d.root.Add(structure.H2)
				continue
			case text == d.Theme.Locale.Labels.InThisReport:
				var list []Block
				for _, c := range p.Blocks {
					if entry(c.Block) || c.Block == b.Block {
						list = append(list, c.Block)
					} else if row, ok := c.Block.(*Row); ok && len(row.Cells) > 0 {
						if _, ok := row.Cells[0].(*tocEntry); ok {
							list = append(list, row)
						}
					}
				}
				tagContents(d.root, list)
				continue
			}
		}
		if entry(b.Block) {
			continue
		}
		if row, ok := b.Block.(*Row); ok && len(row.Cells) > 0 {
			if _, ok := row.Cells[0].(*tocEntry); ok {
				continue
			}
		}
		rest = append(rest, b.Block)
	}
	tagSections(d.root, rest)
}

func spansText(spans []Span) string {
	var b strings.Builder
	for _, s := range spans {
		b.WriteString(s.Text)
	}
	return b.String()
}

// linkRE finds the web addresses and e-mail addresses in text.
var linkRE = regexp.MustCompile(`(?i)\b(?:https?://|www\.)[^\s，。、；：！？（）《》“”‘’「」<>"'\x{3000}]+|\b[a-z0-9._%+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,}\b`)

// latinRE finds a phrase of three Latin words or more: in a report in
// Chinese, English (a name, a sentence) that a screen reader must read in
// its own language.
var latinRE = regexp.MustCompile(`[A-Za-z][A-Za-z0-9'’-]*(?:[ ,;:]+[A-Za-z0-9][A-Za-z0-9'’-]*(?:\.[0-9]+)?){2,}[.!?]?`)

// hanRE finds two Chinese characters or more in a row: in a report in
// English, Chinese.
var hanRE = regexp.MustCompile(`\p{Han}[\p{Han}，、。：；！？“”（）]*\p{Han}`)

// latinLetters counts the ASCII letters of s (a phrase of three words
// has six at least).
func latinLetters(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if c := s[i] | 0x20; c >= 'a' && c <= 'z' {
			n++
		}
	}
	return n
}

// hasHan reports whether s has a CJK character.
func hasHan(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Han, r) {
			return true
		}
	}
	return false
}

// inline is a part of a line that is an element of its own inside its
// paragraph: a link (its glyphs [from, to) and target) or a phrase in
// another language than the document's.
type inline struct {
	from, to int
	uri      string // a link's target; "" for a phrase
	text     string
	lang     string // a phrase's language
	n        int    // which of its paragraph (a link broken over lines is one)
}

// findInlines returns, for each line set from text, the links and the
// phrases in another language than lang (the document's) in it: the
// glyphs are the text's characters in order, less the spaces a break
// swallowed. A phrase is in another language when the writer marked it
// so ([text]{tag}: its glyphs carry the tag); in a paragraph with no such
// mark, a phrase of Latin words in a Chinese report (Chinese in an
// English one) is taken for English (Chinese).
func findInlines(text, lang string, lines []Line) [][]inline {
	type span struct {
		from, to  int
		uri, text string
		lang      string
	}
	var spans []span
	runes := func(i int) int { return utf8.RuneCountInString(text[:i]) }
	var locs [][]int
	if strings.Contains(text, "@") || strings.Contains(text, "://") || strings.Contains(text, "www.") || strings.Contains(text, "WWW.") {
		locs = linkRE.FindAllStringIndex(text, -1) // the regexp only where it may match: most paragraphs have no address
	}
	for _, l := range locs {
		s := strings.TrimRight(text[l[0]:l[1]], ".,;:!?)]")
		uri := s
		switch {
		case strings.Contains(s, "@") && !strings.Contains(s, "/"):
			uri = "mailto:" + s
		case strings.HasPrefix(strings.ToLower(s), "www."):
			uri = "https://" + s
		}
		from := runes(l[0])
		spans = append(spans, span{from: from, to: from + len([]rune(s)), uri: uri, text: s})
	}
	rs := []rune(text)
	// the spans the writer marked ([text]{tag}), from their glyphs' tags
	// (every glyph has one: the report's language's, or its span's)
	doc := locale.Must(lang).Tag
	others := map[string]bool{}
	other := func(tag string) bool {
		o, ok := others[tag]
		if !ok {
			o = !strings.EqualFold(tag, lang)
			if l, err := locale.Parse(tag); err == nil && o {
				o = l.Tag != doc // zh-Hans in a report of zh-CN is the report's
			}
			others[tag] = o
		}
		return o
	}
	var marked []span
	k := 0
	for _, l := range lines {
		for _, g := range l.Glyphs {
			if g.Hyphen {
				continue // drawn, not in the text
			}
			for k < len(rs) && rs[k] != g.R {
				k++
			}
			if k >= len(rs) {
				break
			}
			if g.Lang != "" && other(g.Lang) {
				if n := len(marked) - 1; n >= 0 && marked[n].lang == g.Lang && strings.TrimSpace(string(rs[marked[n].to:k])) == "" {
					marked[n].to = k + 1
				} else {
					marked = append(marked, span{from: k, to: k + 1, lang: g.Lang})
				}
			}
			k++
		}
	}
	for _, m := range marked {
		if !slices.ContainsFunc(spans, func(s span) bool { return s.from < m.to && m.from < s.to }) {
			m.text = string(rs[m.from:m.to])
			spans = append(spans, m)
		}
	}
	guess, re := "en", latinRE
	if strings.HasPrefix(strings.ToLower(lang), "en") {
		guess, re = "zh", hanRE
	}
	var phrases [][]int
	if len(marked) == 0 && (guess == "en" && latinLetters(text) >= 6 || guess == "zh" && hasHan(text)) {
		// no span marked: guess the phrases in the other language
		phrases = re.FindAllStringIndex(text, -1)
	}
	for _, l := range phrases {
		from, to := runes(l[0]), runes(l[1])
		if slices.ContainsFunc(spans, func(s span) bool { return s.from < to && from < s.to }) {
			continue // a link's words
		}
		spans = append(spans, span{from: from, to: to, text: text[l[0]:l[1]], lang: guess})
	}
	if len(spans) == 0 {
		return nil
	}
	slices.SortFunc(spans, func(a, b span) int { return a.from - b.from })
	out := make([][]inline, len(lines))
	k = 0 // the rune of text the next glyph is
	for i, l := range lines {
		for gi, g := range l.Glyphs {
			if g.Hyphen {
				// a word broken with a hyphen: it belongs to the inline
				// the word does
				if ls := out[i]; len(ls) > 0 && ls[len(ls)-1].to == gi {
					ls[len(ls)-1].to = gi + 1
				}
				continue
			}
			for k < len(rs) && rs[k] != g.R {
				k++
			}
			if k >= len(rs) {
				return out
			}
			for n, s := range spans {
				if k >= s.from && k < s.to {
					ls := out[i]
					if len(ls) > 0 && ls[len(ls)-1].n == n && ls[len(ls)-1].to == gi {
						ls[len(ls)-1].to = gi + 1
					} else {
						ls = append(ls, inline{from: gi, to: gi + 1, uri: s.uri, text: s.text, lang: s.lang, n: n})
					}
					out[i] = ls
				}
			}
			k++
		}
	}
	return out
}

// runBounds moves the bounds of an inline [from, to) to the ends of the
// runs of glyphs TextLine draws as one text object, so that marking the
// inline splits no run and moves no glyph by a rounding: out over
// punctuation and spaces ("。" before "Hong Kong"), else in (a phrase set
// in one run with the words before it loses those of its glyphs). at is
// where the line's drawing has got to, limit where the next inline
// starts; from ≥ to when nothing of the inline is left.
func runBounds(gs []Glyph, from, to, at, limit int) (int, int) {
	for i := at; i < from; {
		j := runEnd(gs, i)
		if j > from {
			if marks(gs[i:from]) {
				from = i
			} else {
				from = j
			}
			break
		}
		i = j
	}
	for i := at; i < len(gs); {
		j := runEnd(gs, i)
		if j > to {
			if i < to && j <= limit && marks(gs[to:j]) {
				to = j
			} else if i < to {
				to = i
			}
			break
		}
		i = j
	}
	return from, to
}

// marks reports whether gs are punctuation and spaces only.
func marks(gs []Glyph) bool {
	for _, g := range gs {
		if !unicode.IsPunct(g.R) && !unicode.IsSpace(g.R) {
			return false
		}
	}
	return true
}

// drawInline draws a line of element e's text whose glyphs [from, to) of
// each inline are a Link's (with a link annotation over them) or a Span's
// with its language. elems keeps the element of each inline of the
// paragraph, so that one broken over lines stays one.
func drawInline(c *Canvas, l Line, x, base float64, ins []inline, e *structure.Elem, elems map[int]*structure.Elem) {
	if len(ins) == 0 || e == nil {
		c.TextLine(l, x, base)
		return
	}
	at := 0
	for n, k := range ins {
		limit := len(l.Glyphs)
		if n+1 < len(ins) {
			limit = ins[n+1].from
		}
		if k.from, k.to = runBounds(l.Glyphs, k.from, k.to, at, limit); k.from >= k.to {
			continue
		}
		if k.from > at {
			c.TextLine(Line{Glyphs: l.Glyphs[at:k.from]}, x, base)
		}
		el := elems[k.n]
		if el == nil {
			if k.uri != "" {
				el = e.Add(structure.Link)
			} else {
				el = e.Add(structure.Span)
				el.Lang = k.lang
			}
			elems[k.n] = el
		}
		gs := l.Glyphs[k.from:k.to]
		c.Begin(el)
		c.TextLine(Line{Glyphs: gs}, x, base)
		if k.uri != "" {
			last := gs[len(gs)-1]
			x0, x1 := x+gs[0].X, x+last.X+last.Adv
			c.Link(el, x0, base-l.Size*0.88, x1-x0, l.Size, structure.Target{URI: k.uri, Text: k.text})
		}
		c.End()
		at = k.to
	}
	if at < len(l.Glyphs) {
		c.TextLine(Line{Glyphs: l.Glyphs[at:]}, x, base)
	}
}

// tableTags are a table's elements, shared by the parts it splits into:
// its title is the Caption, the column names a THead row of THs (Scope
// Column), each row a TR whose first cell names it (a TH, Scope Row) and
// whose others are TDs, the total row last. The note under it is a P.
type tableTags struct {
	caption, note *structure.Elem
	head          []*structure.Elem
	rows          [][]*structure.Elem // per row (the total row last), per cell
}

// tag implements tagger.
func (b *tableBlock) tag(parent *structure.Elem) {
	t := parent.Add(structure.Table)
	tt := &tableTags{caption: t.Add(structure.Caption)}
	tr := t.Add(structure.THead).Add(structure.TR)
	for range b.table.Columns {
		th := tr.Add(structure.TH)
		th.Scope = "Column"
		tt.head = append(tt.head, th)
	}
	body := t.Add(structure.TBody)
	n := len(b.table.Rows)
	if b.total != nil {
		n++
	}
	for range n {
		tr := body.Add(structure.TR)
		cells := make([]*structure.Elem, len(b.table.Columns))
		for j := range cells {
			if j == 0 {
				cells[j] = tr.Add(structure.TH)
				cells[j].Scope = "Row"
				continue
			}
			cells[j] = tr.Add(structure.TD)
		}
		tt.rows = append(tt.rows, cells)
	}
	tt.note = parent.Add(structure.P)
	b.tags = tt
}

// cell is the element of row i's cell j (the total row is len(Rows)),
// nil (an artifact) when the table is untagged.
func (tt *tableTags) cell(i, j int) *structure.Elem {
	if tt == nil || i >= len(tt.rows) {
		return nil
	}
	return tt.rows[i][j]
}

// timelineTags are a timeline's elements: a list, each entry an item of
// its date (Lbl, read whole: "2025年1月23日") and its text (LBody).
type timelineTags struct {
	label, body []*structure.Elem
}

// tag implements tagger.
func (b *timelineBlock) tag(parent *structure.Elem) {
	l := parent.Add(structure.L)
	tt := &timelineTags{}
	for _, e := range b.events {
		li := l.Add(structure.LI)
		lbl := li.Add(structure.Lbl)
		lbl.Actual = dateLabel(b.theme, e)
		tt.label = append(tt.label, lbl)
		tt.body = append(tt.body, li.Add(structure.LBody))
	}
	b.tags = tt
}

// entry is event i's label and text elements (nil, nil untagged).
func (tt *timelineTags) entry(i int) (label, body *structure.Elem) {
	if tt == nil {
		return nil, nil
	}
	return tt.label[i], tt.body[i]
}

// dateLabel is an event's whole date as a reader says it: 2025年1月23日,
// 23 Jan 2025 (the month alone for an event of a month).
func dateLabel(th Theme, e data.Event) string {
	t, day := e.Time()
	if th.Locale.English() {
		if !day {
			return t.Format("January 2006")
		}
		return t.Format("2 January 2006")
	}
	if strings.HasPrefix(th.Locale.Tag, "ko") {
		if !day {
			return fmt.Sprintf("%d년 %d월", t.Year(), t.Month())
		}
		return fmt.Sprintf("%d년 %d월 %d일", t.Year(), t.Month(), t.Day())
	}
	if !day {
		return fmt.Sprintf("%d年%d月", t.Year(), t.Month())
	}
	return fmt.Sprintf("%d年%d月%d日", t.Year(), t.Month(), t.Day())
}
