package layout

import (
	"strings"
	"unicode/utf8"

	"github.com/rivo/uniseg"

	"github.com/brochure-dev/brochure/fonts"
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
	Text  string
	Face  *fonts.Face
	Size  float64 // pt
	Color string  // "#RRGGBB"; "" means ink
}

// Glyph is one character placed on a line.
type Glyph struct {
	R     rune
	X     float64 // where to draw the glyph, from the line's left edge, pt
	Adv   float64 // the width it takes on the line (after compression), pt
	Face  *fonts.Face
	Size  float64
	Color string
}

// Line is one set line: its glyphs, in reading order, with final positions.
type Line struct {
	Glyphs  []Glyph
	Width   float64 // the measure it was set to
	Natural float64 // the width of its content before justification
	Size    float64 // the largest font size on the line, pt
}

// Text returns the characters of the line.
func (l Line) Text() string {
	var b strings.Builder
	for _, g := range l.Glyphs {
		b.WriteRune(g.R)
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
	// Units are the measure words that stay with a number ("万人次",
	// "亿元"); DefaultUnits when nil.
	Units []string
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
	// phraseEnd: where a headline may break.
	phraseEnd = "，、；：。！？ "
)

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
}

// Break sets spans into lines of the given width. Nothing is lost: every
// character of the spans appears in exactly one line, except spaces that
// fall at a line break and the newlines that force one.
func Break(spans []Span, width float64, set Setting) []Line {
	items := shape(spans, set)
	if len(items) == 0 {
		return nil
	}
	var lines []Line
	start := 0
	first := true
	for start < len(items) {
		// Skip spaces at the start of a line (a forced break's newline
		// too).
		for start < len(items) && (items[start].r == ' ' || items[start].r == '\n') {
			start++
		}
		if start >= len(items) {
			break
		}
		measure := width
		if first {
			measure -= set.Indent
		}
		end, forced := fit(items, start, measure, set)
		line := place(items[start:end], measure, set, !forced && end < len(items))
		if first {
			for i := range line.Glyphs {
				line.Glyphs[i].X += set.Indent
			}
			line.Width = width
		}
		lines = append(lines, line)
		first = false
		start = end
	}
	return lines
}

// fit returns the end of the line that starts at start: the last break
// opportunity at which the line fits the measure. forced reports a
// newline.
func fit(items []item, start int, measure float64, set Setting) (end int, forced bool) {
	w := 0.0
	lastBreak, lastPhrase := -1, -1
	for i := start; i < len(items); i++ {
		it := items[i]
		if it.r == '\n' {
			return i, true
		}
		if i > start && it.brk {
			lastBreak = i
			if set.PhraseBreaks && phraseBoundary(items, i) {
				lastPhrase = i
			}
		}
		add := it.adv - it.cut
		if i > start {
			add += it.space
		}
		// A closing mark at the end of a line may give up its blank half
		// (oidashi, clreq 3.1.7): it still fits if the glyph itself fits.
		tail := 0.0
		if strings.ContainsRune(closing, it.r) && it.cut == 0 && isFull(it) {
			tail = it.adv / 2
		}
		if w+add-tail > measure+1e-6 && i > start {
			if set.PhraseBreaks && lastPhrase > start {
				return lastPhrase, false
			}
			if lastBreak > start {
				return lastBreak, false
			}
			// One unbreakable run is wider than the measure: break it
			// where it overflows rather than overflow the page, but not
			// before a mark that may not start a line if that can be
			// avoided.
			j := i
			for j > start+1 && strings.ContainsRune(noStart, items[j].r) {
				j--
			}
			return j, false
		}
		w += add
	}
	return len(items), true
}

// phraseBoundary reports whether a break before items[i] ends a phrase.
func phraseBoundary(items []item, i int) bool {
	prev, next := items[i-1].r, items[i].r
	if strings.ContainsRune(phraseEnd, prev) || next == ' ' {
		return true
	}
	// between a figure group and the next phrase (or the reverse)
	return isDigit(prev) != isDigit(next) && !items[i].glue
}

// place positions the items of one line and justifies it.
func place(items []item, measure float64, set Setting, justify bool) Line {
	// Drop trailing spaces.
	for len(items) > 0 && items[len(items)-1].r == ' ' {
		items = items[:len(items)-1]
	}
	line := Line{Width: measure}
	x := 0.0
	adv := make([]float64, len(items))
	for i, it := range items {
		if i > 0 {
			x += it.space
		}
		adv[i] = it.adv - it.cut
		x += adv[i]
		line.Size = max(line.Size, it.size)
	}
	// A closing mark that ends the line sets half-width when the line is
	// too long by up to half its width.
	if n := len(items); n > 0 {
		last := items[n-1]
		if x > measure+1e-6 && strings.ContainsRune(closing, last.r) && last.cut == 0 && isFull(last) {
			adv[n-1] = last.adv / 2
			x -= last.adv / 2
		}
	}
	line.Natural = x
	extra := 0.0
	gaps := 0
	for i := 1; i < len(items); i++ {
		if items[i].brk || items[i].r == ' ' {
			gaps++
		}
	}
	// Extra space goes where the line could break (between Han
	// characters, at spaces), so figures and words keep their letter
	// spacing; a line with no such place is letter-spaced evenly.
	spread := func(it item) bool { return it.brk || it.r == ' ' }
	if gaps == 0 {
		gaps = len(items) - 1
		spread = func(item) bool { return true }
	}
	slack := measure - x
	offset := 0.0
	switch {
	case set.Align == Justify && justify && gaps > 0 && slack > 0:
		extra = slack / float64(gaps)
	case set.Align == Center:
		offset = slack / 2
	case set.Align == Right:
		offset = slack
	}
	x = offset
	line.Glyphs = make([]Glyph, len(items))
	for i, it := range items {
		if i > 0 {
			x += it.space
			if spread(items[i]) {
				x += extra
			}
		}
		line.Glyphs[i] = Glyph{R: it.r, X: x - it.shift, Adv: adv[i], Face: it.face, Size: it.size, Color: it.color}
		x += adv[i]
	}
	return line
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
			items = append(items, item{r: r, face: s.Face, size: s.Size, color: s.Color, adv: s.Face.Advance(r) * s.Size / 1000})
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
		if isCJK(prev) && (cur == '“' || cur == '‘') || (prev == '”' || prev == '’') && (isCJK(cur) || strings.ContainsRune(opening, cur)) {
			items[i].brk = true
		}
		// Kinsoku.
		if strings.ContainsRune(noStart, cur) || strings.ContainsRune(noEnd, prev) {
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
	glueNumbers(items, units)
	compress(items)
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

// glueNumbers keeps each figure with its decimals, sign and unit:
// 3079.3万人次, 14.98%, 1.01亿元, 2020年3月 never break inside.
func glueNumbers(items []item, units []string) {
	for i := 0; i < len(items); {
		if !isDigit(items[i].r) {
			i++
			continue
		}
		j := i
		for {
			for j < len(items) && (isDigit(items[j].r) || (items[j].r == '.' || items[j].r == ',') && j+1 < len(items) && isDigit(items[j+1].r)) {
				j++
			}
			if u := matchUnit(items, j, units); u > 0 {
				j += u
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
		case strings.ContainsRune(closing, a.r) && (strings.ContainsRune(closing, b.r) || strings.ContainsRune(opening, b.r)):
			// 。” ，“ ）（ 》《: the closing mark gives up its right half.
			if a.cut == 0 {
				a.cut = a.adv / 2
			}
		case strings.ContainsRune(opening, a.r) && strings.ContainsRune(opening, b.r):
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
