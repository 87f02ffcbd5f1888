package layout

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/hyphen"
	"github.com/brochure-dev/brochure/internal/cjk"
)

// This file is the text engine: it turns styled spans into justified lines
// of positioned glyphs, the way a Chinese newspaper sets type.
//
// Why by hand: fpdf's SplitText and MultiCell drop a Chinese character at
// every automatic break and know nothing of kinsoku; no Go library sets
// CJK text. Break opportunities come from UAX #14 (rivo/uniseg); on top of
// them this file adds what clreq asks and UAX #14 does not say: quotation
// marks that open and close, kinsoku (禁则) for line starts and ends,
// numbers kept with their units, punctuation compression, CJK–Latin
// spacing and justification.

// Span is a run of text in one face, size and colour.
type Span struct {
	Text     string
	Face     *fonts.Face
	Size     float64       // pt
	Color    string        // "#RRGGBB"; "" means ink
	Fallback []*fonts.Face // draw, the first that can, the characters Face lacks; optional
	// Centred says the text is Traditional Chinese, whose fonts set
	// ，。、；：！？ in the middle of the em (clreq 3.1.6): those marks
	// keep their full width, never giving up a blank half.
	Centred bool
	// Lang is the BCP 47 tag of the span's language ("en", "ja",
	// "zh-Hant-HK"; "" for the document's). It chooses the hyphenation
	// patterns of its Latin words (English's for any language without
	// its own: Latin words inside Chinese are English) and is passed on
	// to each Glyph, for a tagged PDF's /Lang.
	Lang string
}

// Glyph is one character placed on a line.
type Glyph struct {
	R     rune
	X     float64 // where to draw the glyph, from the line's left edge, pt
	Adv   float64 // the width it takes on the line (after compression), pt
	Face  *fonts.Face
	Size  float64
	Color string
	Lang  string // the span's language tag ("" for the document's)
	// Hyphen marks the hyphen the breaker added at the end of a line
	// that ends inside a word: drawn, but not part of the text (a PDF
	// writes it as a soft hyphen, U+00AD, in its ActualText).
	Hyphen bool
}

// Line is one set line: its glyphs, in reading order, with final positions.
type Line struct {
	Glyphs  []Glyph
	Width   float64 // the measure it was set to
	Natural float64 // the width of its content before justification
	Size    float64 // the largest font size on the line, pt
	End     bool    // the line ends its paragraph or a forced break: set unjustified
}

// Text returns the characters of the line, without a hyphen the breaker
// added.
func (l Line) Text() string {
	var b strings.Builder
	for _, g := range l.Glyphs {
		if !g.Hyphen {
			b.WriteRune(g.R)
		}
	}
	return b.String()
}

// Align says how lines sit in their measure.
type Align int

const (
	// Justify sets every line but the last flush at both edges.
	Justify Align = iota
	// Left sets lines flush left.
	Left
	// Center centres each line.
	Center
	// Right sets lines flush right.
	Right
)

// Setting holds the choices of one paragraph style.
type Setting struct {
	Align  Align
	Indent float64 // first-line indent, pt (two characters for body text)
	// PhraseBreaks restricts breaks to phrase ends (after ，、；：。 and
	// spaces, and before or after a figure) when a line allows it:
	// headlines break between phrases, not inside them.
	PhraseBreaks bool
	// Title, with PhraseBreaks, is a title's: a break inside a phrase
	// costs more than any ragged line, so that a line ends at a space or
	// a mark whenever one can ("みなと市 | 市政年次報告", never "みなと市
	// 市 | 政年次報告"), however unequal the lines.
	Title bool
	// TrimStart sets an opening bracket or quote that starts a line
	// half-width, so display lines align optically at the left edge
	// (clreq 3.1.6 allows it; body text keeps it full-width).
	TrimStart bool
	// Units are the measure words that stay with a number ("万人次",
	// "亿元"); DefaultUnits when nil.
	Units []string

	ragged bool // justified text set ragged-right (Break: narrowLatin)
}

// Kinsoku sets (clreq 3.1.7). A line may not start with noStart or end
// with noEnd.
const (
	noStart = cjk.NoStart
	noEnd   = cjk.NoEnd
	// compressible closing marks: the glyph sits in the left half of its
	// em box, so its right half may be taken away.
	closing = "，。、；：）】」』》〉〕］｝”’"
	// compressible opening marks: the glyph sits in the right half.
	opening = "（【「『《〈〔［｛“‘"
	// centred: the marks Traditional Chinese fonts centre in the em.
	centred = "，。、；：！？"
	// phraseEnd: where a headline may break.
	phraseEnd = "，、；：。！？ "
)

// Rune classes: membership of the sets above, looked up in a table. shape
// asks it for every character and the breaker for every candidate break,
// where scanning the strings was a tenth of the time of Break.
const (
	cNoStart = 1 << iota
	cNoEnd
	cClosing
	cOpening
	cPhraseEnd
	cHangs
	cSnug
)

var classes = func() *[0x10000]uint8 {
	var t [0x10000]uint8
	for set, c := range map[string]uint8{noStart: cNoStart, noEnd: cNoEnd, closing: cClosing, opening: cOpening, phraseEnd: cPhraseEnd, hangs: cHangs, snug: cSnug} {
		for _, r := range set {
			t[r] |= c
		}
	}
	return &t
}()

// is reports whether r is in all the classes of c.
func is(r rune, c uint8) bool { return r >= 0 && r < 0x10000 && classes[r]&c == c }

// DefaultUnits are the measure words kept with a preceding number. Longer
// entries win, so "万人次" stays whole.
var DefaultUnits = []string{
	"万人次", "亿元", "万元", "余场", "余个", "余项", "余人", "余起", "余件", "余次", "余名",
	"万", "亿", "元", "年", "月", "日", "号", "个", "名", "场", "项", "类", "起", "件", "条",
	"人", "次", "轮", "家", "所", "户", "村", "县", "倍", "辆", "台", "天", "小时", "分钟", "公里",
	"米", "吨", "%", "‰", "℃",
}

type item struct {
	r     rune
	face  *fonts.Face
	size  float64
	color string
	adv   float64 // natural advance, pt
	cut   float64 // width taken away by punctuation compression, pt
	shift float64 // drawing offset to the left, pt (compressed opening marks)
	space float64 // CJK–Latin space before this item, pt (dropped at a line start)
	brk   bool    // a line may break before this item
	glue  bool    // brk is forbidden by a keep-together group (numbers + units)
	open  bool    // a full-width opening mark, not yet compressed (glyph in the right half)
	mark  bool    // a centred mark (Traditional Chinese ，。、；：！？): never compressed
	mid   float64 // what it may give up inside a line (see midShrink)
	end   float64 // what it may give up at the end of a line (see endShrink)
	lang  string  // the span's language tag
	part  bool    // a line may end before this item at a price: a date's next part (2020年|3月)
	url   bool    // a line may end before this item at a price: inside an address, after / . @ ? &
	addr  bool    // the item is part of a web or e-mail address: never broken at its hyphens
	hyph  bool    // a line may end before this item with a hyphen (inside a word)
	hyw   float64 // the width of that hyphen, pt
}

// shape turns spans into items: advances, break opportunities, keep
// groups, punctuation compression and CJK–Latin spacing.
func shape(spans []Span, set Setting) []item {
	n, size := 0, 0
	for _, s := range spans {
		n += utf8.RuneCountInString(s.Text)
		size += len(s.Text)
	}
	items := make([]item, 0, n)
	var text strings.Builder
	text.Grow(size)
	for _, s := range spans {
		for _, r := range s.Text {
			if r == '\r' || r == '\t' {
				r = ' '
			}
			face := s.Face
			if !face.Has(r) {
				for _, f := range s.Fallback {
					if f.Has(r) {
						face = f
						break
					}
				}
			}
			items = append(items, item{r: r, face: face, size: s.Size, color: s.Color, adv: face.Advance(r) * s.Size / 1000,
				mark: s.Centred && strings.ContainsRune(centred, r), lang: s.Lang})
			text.WriteRune(r)
		}
	}
	if len(items) == 0 {
		return nil
	}
	// UAX #14 break opportunities, at rune boundaries.
	str := text.String()
	state := -1
	idx := 0
	for len(str) > 0 {
		var seg string
		seg, str, _, state = uniseg.FirstLineSegmentInString(str, state)
		idx += utf8.RuneCountInString(seg)
		if idx < len(items) {
			items[idx].brk = true
		}
	}
	units := set.Units
	if units == nil {
		units = DefaultUnits
	}
	for i := 1; i < len(items); i++ {
		prev, cur := items[i-1].r, items[i].r
		// Chinese quotation marks open and close (UAX #14 treats them as
		// ambiguous QU and forbids breaks on both sides).
		if isCJK(prev) && (cur == '“' || cur == '‘') || (prev == '”' || prev == '’') && (isCJK(cur) || is(cur, cOpening)) {
			items[i].brk = true
		}
		// Kinsoku.
		if is(cur, cNoStart) || is(prev, cNoEnd) {
			items[i].brk = false
		}
		// Korean breaks between words, at spaces (KLREQ), not between
		// syllables as UAX #14 allows.
		if isHangul(prev) && isHangul(cur) {
			items[i].brk = false
		}
		// A unit is never split: μg/m³, mg/L, km/h (a URL still breaks
		// after its slashes).
		if prev == '/' && unitAround(items, i-1) {
			items[i].brk = false
		}
		// Never split "——" or "……".
		if prev == cur && (cur == '—' || cur == '…') {
			items[i].brk = false
		}
		if cur == '\n' {
			items[i].brk = true
		}
	}
	glueNumbers(items, units, set.PhraseBreaks)
	if hyphens {
		hyphenate(items)
	}
	addressBreaks(items)
	compress(items)
	shrink := wordShrink
	if set.PhraseBreaks || !latinOnly(items) {
		shrink = tightShrink
	}
	for i := range items {
		it := &items[i]
		full := it.cut == 0 && isFull(*it)
		it.open = full && is(it.r, cOpening)
		if full && is(it.r, cClosing) && !it.mark {
			it.end = it.adv / 2
		}
		if it.open || it.end > 0 {
			it.mid = it.adv / 4
		}
		// A word space between Latin words may shrink (wordShrink): a
		// justified line takes in one more word instead of spreading
		// its spaces.
		if it.r == ' ' && i > 0 && i+1 < len(items) && !wide(&items[i-1]) && !wide(&items[i+1]) && items[i+1].r != ' ' {
			it.mid = it.adv * shrink
		}
	}
	// A quarter-em between Han and Latin letters or digits, unless the
	// source has a space or punctuation between them.
	for i := 1; i < len(items); i++ {
		a, b := items[i-1], items[i]
		if cjk.Gap(a.r, b.r) {
			han := a
			if isLatin(a.r) {
				han = b
			}
			items[i].space = han.size * cjk.GapEm
		}
	}
	return items
}

func isHangul(r rune) bool {
	return r >= 0xAC00 && r <= 0xD7A3 || r >= 0x1100 && r <= 0x11FF || r >= 0x3130 && r <= 0x318F
}

// unitAround reports whether the slash at items[k] joins the parts of a
// unit: at most three letters (μ, °, superscripts and digits included)
// on each side, after a figure, a space or the start, and before
// anything but a letter, digit, "/" or "." (which would make it a path).
func unitAround(items []item, k int) bool {
	part := func(r rune) bool {
		return r < 0x2E80 && (unicode.IsLetter(r) || r == '°' || r == '²' || r == '³' || r == '¹')
	}
	a := k
	for a > 0 && part(items[a-1].r) {
		a--
	}
	b := k + 1
	for b < len(items) && part(items[b].r) {
		b++
	}
	if k-a == 0 || k-a > 3 || b-k-1 == 0 || b-k-1 > 3 {
		return false
	}
	if a > 0 {
		if r := items[a-1].r; !(isDigit(r) || r == ' ' || r >= 0x2E80) {
			return false
		}
	}
	if b < len(items) {
		if r := items[b].r; unicode.IsLetter(r) && r < 0x2E80 || isDigit(r) || r == '/' || r == '.' && b+1 < len(items) && items[b+1].r != ' ' {
			return false
		}
	}
	return true
}

// glueNumbers keeps each figure with its decimals, sign and unit:
// 3079.3万人次, 14.98%, 1.01亿元 never break inside; in a headline
// (phrases) a multiplier keeps the measure word after it too, 21.8万件,
// which a break between would leave a line starting with 件. A date (2020年3月)
// is one group too, but for a break between its parts (part), which
// the breaker takes at a price: before a line as loose as the ones
// that would stand around the whole date (issue 13, "…新模式。" and
// "2020年3月份以来").
func glueNumbers(items []item, units []string, phrases bool) {
	var parts []int
	for i := 0; i < len(items); {
		if !isDigit(items[i].r) {
			i++
			continue
		}
		j := i
		parts = parts[:0]
		for {
			if j > i {
				parts = append(parts, j)
			}
			for j < len(items) && (isDigit(items[j].r) || (items[j].r == '.' || items[j].r == ',') && j+1 < len(items) && isDigit(items[j+1].r)) {
				j++
			}
			if u := matchUnit(items, j, units); u > 0 {
				j += u
				if r := items[j-1].r; phrases && u == 1 && strings.ContainsRune("万亿萬億", r) {
					j += matchUnit(items, j, units)
				}
			}
			// 2020年3月: a unit followed by another figure continues.
			if j < len(items) && j > i && isDigit(items[j].r) && !isDigit(items[j-1].r) && isHan(items[j-1].r) {
				continue
			}
			break
		}
		for k := i + 1; k < j; k++ {
			if items[k].brk {
				items[k].glue = true
			}
			items[k].brk = false
		}
		for _, k := range parts {
			items[k].part = k < j
		}
		i = max(j, i+1)
	}
}

func matchUnit(items []item, at int, units []string) int {
	best := 0
	for _, u := range units {
		n := 0
		ok := true
		for _, r := range u {
			if at+n >= len(items) || items[at+n].r != r {
				ok = false
				break
			}
			n++
		}
		if ok && n > best {
			best = n
		}
	}
	return best
}

// compress applies clreq's rule for adjacent full-width punctuation: two
// marks together take one and a half em, not two.
func compress(items []item) {
	for i := 0; i+1 < len(items); i++ {
		a, b := &items[i], &items[i+1]
		if !isFull(*a) || !isFull(*b) {
			continue
		}
		switch {
		case is(a.r, cClosing) && !a.mark && (is(b.r, cClosing) || is(b.r, cOpening)):
			// 。” ，“ ）（ 》《: the closing mark gives up its right half.
			if a.cut == 0 {
				a.cut = a.adv / 2
			}
		case is(a.r, cOpening) && is(b.r, cOpening):
			// （“: the second opening mark gives up its left half.
			b.cut = b.adv / 2
			b.shift = b.adv / 2
		}
	}
}

// isFull reports whether the item is set on a full em (a full-width mark
// in this font).
func isFull(it item) bool { return it.adv >= it.size*0.9 }

func isDigit(r rune) bool { return r >= '0' && r <= '9' }

func isLatin(r rune) bool { return cjk.IsLatin(r) }

func isHan(r rune) bool { return cjk.IsHan(r) }

// isCJK reports Han characters and CJK punctuation.
func isCJK(r rune) bool {
	return isHan(r) || (r >= 0x3000 && r <= 0x303F) || (r >= 0xFF00 && r <= 0xFFEF)
}

// wordShrink is the part of its width a word space of a paragraph of
// Latin text may give up: a fifth, so that no space is set under 0.8 of
// the face's (TeX's third let justified English squeeze a line's spaces
// to 0.67, which a designer's review found cramped: "almost no word
// space").
const wordShrink = 0.2

// tightShrink is wordShrink for a headline or a title (PhraseBreaks),
// display type set tighter, and for the Latin words of a paragraph with
// Chinese, Japanese or Korean in it, which is set by that language's
// rules: a third, as TeX's, as before wordShrink (at a fifth,
// english-annual's poster headline "Wastewater treatment capacity rises
// to 2.9 million tonnes a day" went to two lines and pushed its
// section's text overleaf).
const tightShrink = 1.0 / 3

// hyphens turns hyphenation on; a test turns it off to measure what it
// gains.
var hyphens = true

// hyphenate marks where the Latin words of the items may take a hyphen
// at the end of a line, by their language's patterns (package hyphen):
// English for an English span and for a Latin word inside Chinese,
// Japanese or Korean. A word keeps at least three letters on either
// side of the hyphen (hyphen.Patterns). Never hyphenated: a token with a figure or
// that reads as an address, a path or a version ("https://www.x.cn",
// "a@b.cn", "gov.cn", "v3.2.1", "PM2.5"), an acronym or a name with more
// than one capital ("NASA", "McKinsey"), a capitalised word inside a
// sentence — a proper noun ("Eastbrook"): a typesetter does not divide a
// name (Chicago Manual of Style) — and a compound already joined by a
// hyphen ("Jean-Baptiste" breaks at its own hyphen). A sentence's first
// word ("Administrative penalties…") is capitalised as a sentence's
// first word, not as a name, and hyphenates as any other (sentenceEnd).
func hyphenate(items []item) {
	token := func(r rune) bool { return r < 0x2E80 && r != ' ' && r != '\n' && r != '\u00A0' }
	initial := true // the next token starts a sentence
	for i := 0; i < len(items); {
		if !token(items[i].r) {
			if items[i].r == '\n' || sentenceEnd(items[i].r) {
				initial = true
			} else if items[i].r != ' ' && items[i].r != '\u00A0' {
				initial = false
			}
			i++
			continue
		}
		j := i
		for j < len(items) && token(items[j].r) {
			j++
		}
		if plainToken(items[i:j]) {
			hyphenateToken(items[i:j], initial)
		}
		initial = false
		for k := j - 1; k >= i; k-- {
			if r := items[k].r; !is(r, cClosing) && r != '"' && r != '\'' {
				initial = sentenceEnd(r)
				break
			}
		}
		i = j
	}
}

// sentenceEnd reports whether r ends a sentence: a full stop, a question
// or exclamation mark, Latin or Chinese.
func sentenceEnd(r rune) bool {
	return strings.ContainsRune(".!?。！？", r)
}

// addressBreaks marks where a web or e-mail address may break inside
// (url): after / . @ ? & but not before a digit, leaving the mark at the
// line's end to say the address goes on; UAX #14 allows only after a
// slash (and a hyphen), which leaves pieces so long that the lines
// before them spread their spaces to five times their width
// (examples/english-2025). Never at a hyphen of the address, which
// reads as a word hyphenated ("exchange-/office@": whoever types the
// address in leaves the hyphen out); the breaker's emergency passes
// avoid it too (addr).
func addressBreaks(items []item) {
	token := func(r rune) bool {
		return r < 0x2E80 && r != ' ' && r != '\n' && r != '\u00A0' && !is(r, cOpening) && !is(r, cClosing)
	}
	for i := 0; i < len(items); {
		if !token(items[i].r) {
			i++
			continue
		}
		j := i
		var t strings.Builder
		for j < len(items) && token(items[j].r) {
			t.WriteRune(items[j].r)
			j++
		}
		if s := t.String(); strings.Contains(s, "://") || strings.Contains(s, "@") || strings.HasPrefix(s, "www.") {
			for k := i; k < j; k++ {
				items[k].addr = true
				if k > i && items[k-1].r == '-' {
					items[k].brk = false
				}
			}
			for k := i + 2; k < j-1; k++ {
				if strings.ContainsRune("/.@?&", items[k-1].r) && !isDigit(items[k].r) && !strings.ContainsRune("/.-@?&", items[k].r) && !items[k].brk {
					items[k].url = true
				}
			}
		}
		i = j
	}
}

// plainToken reports whether a token (a run of text between spaces) is
// words and punctuation, not an address, a path, a figure or a code.
func plainToken(t []item) bool {
	for k, it := range t {
		switch r := it.r; {
		case isDigit(r), r == '/', r == '@', r == '_', r == '\\', r == '=', r == '#', r == '-':
			return false
		case r == '.' || r == ':':
			// "gov.cn", "https:" — a mark inside a token, not at its end
			if k+1 < len(t) && unicode.IsLetter(t[k+1].r) {
				return false
			}
		}
	}
	return true
}

// hyphenateToken marks the hyphenation points of the words of one plain
// token; its first word may have a capital when the token starts a
// sentence (initial).
func hyphenateToken(t []item, initial bool) {
	letter := func(r rune) bool { return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' }
	for i := 0; i < len(t); {
		if !letter(t[i].r) {
			i++
			continue
		}
		j := i
		caps := 0
		for j < len(t) && letter(t[j].r) {
			if t[j].r <= 'Z' {
				caps++
			}
			j++
		}
		if j < len(t) && unicode.IsLetter(t[j].r) {
			// a word with a letter the patterns do not know (é, ß):
			// skip the whole word
			for j < len(t) && unicode.IsLetter(t[j].r) {
				j++
			}
			initial = false
			i = j
			continue
		}
		if p := patterns(t[i].lang); p != nil && (caps == 0 || caps == 1 && initial && t[i].r <= 'Z') {
			word := make([]rune, 0, j-i)
			for _, it := range t[i:j] {
				word = append(word, it.r)
			}
			for _, k := range p.Points(string(word)) {
				it := &t[i+k]
				if !it.brk && !it.glue {
					prev := t[i+k-1]
					it.hyph = true
					it.hyw = prev.face.Advance('-') * prev.size / 1000
				}
			}
		}
		initial = false
		i = j
	}
}

// patterns are the hyphenation patterns for Latin words in a span of the
// language tag: English's for English and for Chinese, Japanese and
// Korean text (and the document's language, ""); none for another
// language (its words would be cut where English cuts them).
func patterns(tag string) *hyphen.Patterns {
	base, _, _ := strings.Cut(tag, "-")
	switch base {
	case "", "en", "zh", "ja", "ko":
		if p := hyphen.For(tag); p != nil {
			return p
		}
		return hyphen.For("en")
	}
	return nil
}
