package layout

import (
	"math"
	"slices"
	"strings"
	"unicode"

	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/internal/cjk"
)

// Line breaking by total fit: the breaks of a whole paragraph are chosen
// together, the way TeX (Knuth–Plass) does, so that one hard spot (a
// figure with its unit that must not split, a run of marks that may not
// start a line) is absorbed by the lines around it instead of leaving one
// line letter-spaced. Each line may stretch at its break opportunities and
// shrink by compressing punctuation (the end-of-line mark first, clreq's
// oidashi), CJK–Latin spaces and word spaces between Latin words; when
// neither is enough, characters move to the next line (oikomi). Latin
// words may also break where their language hyphenates them (package
// hyphen), at TeX's price for a hyphen, never three lines in a row.

// Break sets spans into lines of the given width. Nothing is lost: every
// character of the spans appears in exactly one line, except spaces that
// fall at a line break and the newlines that force one. A justified
// paragraph of Latin text in a measure too narrow to justify well
// (narrowLatin) is set ragged-right, as English is.
func Break(spans []Span, width float64, set Setting) []Line {
	items := shape(spans, set)
	if len(items) == 0 {
		return nil
	}
	if set.Align == Justify && !set.PhraseBreaks && narrowLatin(items, width) {
		set.Align, set.ragged = Left, true
	}
	m := newMeasure(items, set)
	var lines []Line
	first := true
	for s := 0; s <= len(items); {
		e := s
		for e < len(items) && items[e].r != '\n' {
			e++
		}
		indent := 0.0
		if first {
			indent = set.Indent
		}
		starts := m.breaks(s, e, width, indent)
		for k, a := range starts {
			b := e
			if k+1 < len(starts) {
				b = starts[k+1]
			}
			in := 0.0
			if k == 0 {
				in = indent
			}
			if l, ok := m.place(a, b, width-in, b == e); ok {
				for i := range l.Glyphs {
					l.Glyphs[i].X += in
				}
				l.Width = width
				l.End = b == e
				lines = append(lines, l)
			}
		}
		first = false
		s = e + 1
	}
	return lines
}

// wordStretch is what a word space of a paragraph of Latin text may
// stretch, in its own width, at badness 100: half, as TeX's does, so that
// a justified English line is dearer the further its spaces pass 1.5
// times their width (an em-based 0.15, the CJK gaps' unit, priced a
// space of 1.67 as this one of 1.5, and one of 3.5 at 40 % of this).
const wordStretch = 0.5

// raggedMeasure is the narrowest measure, in em of the text, in which a
// paragraph of Latin text is justified: about 57 characters of running
// English in Noto Sans (letters and spaces average 0.47 em). Narrower, a
// line has seven or eight word spaces to take its slack, and one long
// word or an address that cannot break leaves them wide: justified
// English in the A4 looks' 24–25 em columns (about 50 characters) had one
// line in five with spaces over 1.5 times their width and a few over 3.5
// ("Questions about any figure can be sent to" before an e-mail address),
// the A5 looks' 17 em columns worse. English sets such a measure
// ragged-right (flush left); Chinese, whose every character is a place to
// stretch, stays justified in any measure, and so does a paragraph that
// mixes the two.
const raggedMeasure = 27

// narrowLatin reports whether items are a paragraph of Latin text (no
// CJK, kana or hangul) to be set in a measure narrower than
// raggedMeasure.
func narrowLatin(items []item, width float64) bool {
	return width < raggedMeasure*items[0].size && latinOnly(items)
}

// latinOnly reports whether items are Latin text (no CJK, kana or
// hangul), set by English rules; a paragraph that mixes in any is set by
// Chinese ones.
func latinOnly(items []item) bool {
	return !slices.ContainsFunc(items, func(it item) bool { return it.r >= 0x2E80 })
}

// measure holds prefix sums over the items so that the width, stretch and
// shrink of any candidate line is known in constant time.
type measure struct {
	items []item
	set   Setting
	latin float64   // a paragraph of Latin text only: what one word space may stretch, pt (wordStretch); else 0
	sum   []sums    // sum[i]: the sums over items[:i]
	hangs []float64 // hangs[i]: how far items[i] may hang at a line's end (hang); nil if none may
	next  []int32   // next[i]: the first item at or after i that is not a space
	prev  []int32   // prev[i]: one past the last item before i that is not a space
}

// sums are the prefix sums of one item boundary, together so that a
// candidate line reads two of them.
type sums struct {
	w    float64 // advances after fixed compression
	sp   float64 // CJK–Latin spaces (count when the item does not start the line)
	gap  float64 // justification points before an item
	word float64 // those of them at a word space or a CJK–Latin space
	z    float64 // mid-line shrink: half of a compressible mark, weighted
	zsp  float64 // shrink of CJK–Latin spaces (half of them)
}

func newMeasure(items []item, set Setting) *measure {
	n := len(items)
	m := &measure{items: items, set: set, sum: make([]sums, n+1), next: make([]int32, n+1), prev: make([]int32, n+1)}
	if latinOnly(items) {
		if f := items[0].face; f != nil {
			m.latin = wordStretch * f.Advance(' ') * items[0].size / 1000
		}
	}
	m.next[n] = int32(n)
	for i := n - 1; i >= 0; i-- {
		m.next[i] = int32(i)
		if items[i].r == ' ' {
			m.next[i] = m.next[i+1]
		}
	}
	for i := 1; i <= n; i++ {
		m.prev[i] = int32(i)
		if items[i-1].r == ' ' {
			m.prev[i] = m.prev[i-1]
		}
	}
	if set.Align == Justify && !set.PhraseBreaks {
		m.hangs = make([]float64, n)
		for i := range items {
			if it := &items[i]; is(it.r, cHangs) && (it.end > 0 || it.mark) {
				m.hangs[i] = it.adv - it.cut - it.end
			}
		}
	}
	for i := range items {
		it := &items[i]
		w := it.adv - it.cut
		g := 0.0
		if i > 0 && stretches(items, i) || i == 0 && (it.brk || it.r == ' ') {
			g = 1
		}
		p, s := &m.sum[i], &m.sum[i+1]
		s.w = p.w + w
		s.sp = p.sp + it.space
		s.gap = p.gap + g
		s.word = p.word
		if g == 1 && (it.r == ' ' || it.space > 0) {
			s.word++
		}
		s.z = p.z + it.mid
		s.zsp = p.zsp + it.space/2
	}
	return m
}

// stretches reports whether justification may add space before
// items[i] (i > 0): at a space, and at a break opportunity next to CJK
// text — never inside a Latin word, URL or unit ("https://www",
// "24μg/m³", "Jean-Baptiste"), where the added space would be read as a
// space by anyone who copies or searches the text; once at a boundary (at
// a space, not again after it: an English line's spaces counted twice,
// so the breaker took its lines for twice as stretchable as they are);
// and never before a full-width closing mark or after an opening one
// (clreq, JLREQ 3.8: "index.html ，" or "（ 见" read as a stray space),
// even where the source has a space there. (A line of CJK characters
// tracked evenly is the exception, when it cannot fill its measure
// otherwise: see evenGap.)
func stretches(items []item, i int) bool {
	prev, it := &items[i-1], &items[i]
	switch {
	case prev.r == ' ':
		return false
	case it.r == ' ':
		next := i + 1
		for next < len(items) && items[next].r == ' ' {
			next++
		}
		return !snugAfter(prev) && (next == len(items) || !snugBefore(&items[next]))
	}
	return it.brk && (wide(prev) || wide(it)) && !snugAfter(prev) && !snugBefore(it)
}

// snug are the full-width marks justification adds nothing before:
// the closing marks, ？ and ！ (their blank half is their space).
const snug = closing + "？！"

// snugBefore is a full-width mark that keeps to the character before it:
// a closing mark, ？ or ！ (its blank half is its space). Justification
// adds nothing before it.
func snugBefore(it *item) bool { return is(it.r, cSnug) && wide(it) }

// snugAfter is a full-width opening mark, which keeps to the character
// after it: justification adds nothing after it.
func snugAfter(it *item) bool { return is(it.r, cOpening) && wide(it) }

// wide is an item of CJK text: an ideograph, kana, hangul or a mark set
// on the em square (the face's advance tells: “” and — are full-width in
// a CJK face).
func wide(it *item) bool { return it.r >= 0x2E80 || it.adv >= 0.99*it.size }

// midShrink is how much a mark inside a line may give up: a quarter em of
// its blank half, a last resort behind stretching and the line-end mark.
func midShrink(it item) float64 { return it.mid }

// endShrink is what a closing mark at the end of a line may give up: its
// blank half.
func endShrink(it item) float64 { return it.end }

// hangs are the marks that may hang into the margin at the end of a
// justified line (行尾点号悬挂): the pause and stop marks written low on
// the left of their square, which a line that has compressed all it can
// pushes past its end rather than carry a character over.
const hangs = "、，。．；："

// hang is how far the line items[a:b] may end past its measure, in
// justified text only (行尾点号悬挂): the ink half of a hanging mark it
// ends with (its blank half is endShrink's), or the whole of a centred
// one (Traditional Chinese, which gives up no blank half). A last resort:
// it costs more than any shrink, about what a line with a figure gap of
// maxFigureGap does (a list item one stop too long, issue 13; a line
// before a figure and its unit that cannot be split, "恢復率31.6%。").
func (m *measure) hang(a, b int) float64 {
	a, b = m.trim(a, b)
	if b <= a+1 || m.hangs == nil {
		return 0
	}
	return m.hangs[b-1]
}

// hangAt is hang for a line of more than one item that ends before
// items[b] (the same for all of them: optimum asks it once a break).
func (m *measure) hangAt(b int) float64 {
	if b = int(m.prev[b]); b == 0 || m.hangs == nil {
		return 0
	}
	return m.hangs[b-1]
}

// trim returns the line's first and past-the-last items without the
// spaces at its ends.
func (m *measure) trim(a, b int) (int, int) {
	a, b = min(int(m.next[a]), b), max(int(m.prev[b]), a)
	if b < a {
		b = a
	}
	return a, b
}

// fit returns the natural width, the stretch points and the shrink of the
// line items[a:b].
func (m *measure) fit(a, b int) (w, gaps, z float64) {
	a, b = m.trim(a, b)
	if b <= a {
		return 0, 0, 0
	}
	sa, sa1, sb := &m.sum[a], &m.sum[a+1], &m.sum[b]
	w = sb.w - sa.w + sb.sp - sa1.sp + m.hyphen(b)
	gaps = sb.gap - sa1.gap
	last := &m.items[b-1]
	z = sb.z - sa.z - last.mid + last.end + sb.zsp - sa1.zsp
	if f := &m.items[a]; m.set.TrimStart && f.open {
		w -= f.adv / 2
		z -= f.mid
	}
	return w, gaps, z
}

// breaks returns where the lines of items[s:e] start, s first.
func (m *measure) breaks(s, e int, width, indent float64) []int {
	if s >= e {
		return []int{s}
	}
	// A paragraph that fits on one line is set on one: every line costs
	// at least 100 demerits, a last line (here the only one) no more
	// unless it is a headline's (PhraseBreaks balances lines), and a
	// longer line is never narrower, so nothing else is better. This saves
	// trying every pair of breaks of a label set at an unbounded width.
	if !m.set.PhraseBreaks {
		if w, gaps, z := m.fit(s, e); w-z <= width+1e-6 || e-s <= 1 {
			if d, ok := m.demerits(s, e, w, gaps, z, width-indent, true, true, 1); ok && d < 200 {
				return []int{s}
			}
		}
	}
	// Pass 1: only real break opportunities. Pass 2: anywhere kinsoku
	// allows between CJK characters, and inside Latin runs after / . - @
	// ? & (a URL wider than the column), at a high price. Pass 3:
	// anywhere kinsoku allows. Pass 4: anywhere (a word wider than the
	// column), so that nothing ever overflows.
	for pass := 1; pass <= 4; pass++ {
		if starts := m.optimum(s, e, width, indent, pass); starts != nil {
			return starts
		}
	}
	return []int{s} // unreachable: pass 4 always succeeds
}

func (m *measure) candidate(i, pass int) bool {
	it := &m.items[i]
	if it.part || it.url {
		return true
	}
	if it.hyph {
		// justified text and ragged-right paragraphs hyphenate when that
		// sets better lines; other ragged text (labels, headlines) only a
		// word that does not fit, instead of cutting it
		return pass > 1 || (m.set.Align == Justify || m.set.ragged) && !m.set.PhraseBreaks
	}
	switch pass {
	case 1:
		return it.brk
	case 2:
		prev := &m.items[i-1]
		if it.brk {
			return true
		}
		if is(it.r, cNoStart) || is(prev.r, cNoEnd) || it.r == ' ' {
			return false
		}
		if !wide(prev) && !wide(it) {
			// inside a Latin run (a URL, an address, a long word):
			// after / . - @ ? & only (an address not after -), never
			// inside a figure or a unit
			return strings.ContainsRune("/.-@?&", prev.r) && !isDigit(it.r) &&
				!(prev.r == '/' && unitAround(m.items, i-1)) && !(prev.r == '-' && it.addr)
		}
		return true
	case 3:
		return it.brk || !is(it.r, cNoStart) && !is(m.items[i-1].r, cNoEnd) && it.r != ' '
	}
	return true
}

// maxHyphens is the most lines in a row that may end with a hyphen.
const maxHyphens = 2

func (m *measure) optimum(s, e int, width, indent float64, pass int) []int {
	cands := []int{s}
	for i := s + 1; i < e; i++ {
		if m.candidate(i, pass) {
			cands = append(cands, i)
		}
	}
	cands = append(cands, e)
	states := 1 // without a hyphenation point, one state a break
	for _, c := range cands[:len(cands)-1] {
		if m.items[c].hyph {
			states = maxHyphens + 1
			break
		}
	}
	// best[k][h]: the least demerits of lines up to cands[k] whose last h
	// lines end with a hyphen (h ≤ maxHyphens).
	best := make([][maxHyphens + 1]node, len(cands))
	for k := range best {
		for h := range best[k] {
			best[k][h].d = math.Inf(1)
		}
	}
	best[0][0].d = 0
	// The lines that end at a break: first, from the shortest, how far
	// back they may start before they are too wide (fit), then, from the
	// longest, their demerits, until a line is so loose that it costs more
	// on its own than the best way found to the break (see loose).
	fits := make([]span, 0, 64)
	emMax := 0.0
	for _, it := range m.items[s:e] {
		emMax = max(emMax, it.size)
	}
	skip := prune && m.set.Align == Justify && !m.set.PhraseBreaks && pass < 4
	for k := 1; k < len(cands); k++ {
		b := cands[k]
		hyph := b < e && m.items[b].hyph
		fits = fits[:0]
		hb := m.hangAt(b)
		for j := k - 1; j >= 0; j-- {
			a := cands[j]
			w, gaps, z := m.fit(a, b)
			if w-z-hb > width+1e-6 && b-a > 1 {
				break // longer lines only get wider
			}
			fits = append(fits, span{j, w, gaps, z})
		}
		if !prune {
			slices.Reverse(fits) // from the shortest, as without pruning
		}
		for f := len(fits) - 1; f >= 0; f-- {
			j, w, gaps, z := fits[f].j, fits[f].w, fits[f].gaps, fits[f].z
			a := cands[j]
			meas := width
			if a == s {
				meas -= indent
			}
			if skip && b < e && m.loose(w, gaps, meas, emMax, best[k], hyph) {
				// every shorter line is looser still, but for lines
				// without a gap to stretch (a figure and its unit)
				for f > 0 && fits[f-1].gaps > 0 {
					f--
				}
				continue
			}
			reached := false
			for _, n := range best[j][:states] {
				reached = reached || !math.IsInf(n.d, 1)
			}
			if !reached {
				continue
			}
			d, ok := m.demerits(a, b, w, gaps, z, meas, a == s, b == e, pass)
			if !ok {
				continue
			}
			for h, n := range best[j][:states] {
				if math.IsInf(n.d, 1) {
					continue
				}
				nh, extra := 0, 0.0
				if hyph {
					nh = h + 1
					if nh > maxHyphens {
						continue
					}
					extra = m.hyphenDemerits(h, k == len(cands)-2)
				}
				// of equal ways, the one whose last line is shortest (as
				// when the lines were tried from the shortest)
				if t, c := n.d+d+extra, best[k][nh]; t < c.d || t == c.d && j > c.j {
					best[k][nh] = node{t, j, h}
				}
			}
		}
	}
	last := len(cands) - 1
	h := 0
	for i := range best[last] {
		if best[last][i].d < best[last][h].d {
			h = i
		}
	}
	if math.IsInf(best[last][h].d, 1) {
		return nil
	}
	var starts []int
	for k := last; k > 0; {
		n := best[k][h]
		starts = append(starts, cands[n.j])
		k, h = n.j, n.h
	}
	for i, j := 0, len(starts)-1; i < j; i, j = i+1, j-1 {
		starts[i], starts[j] = starts[j], starts[i]
	}
	return starts
}

// node is the best way to a break in one hyphen state: its demerits,
// the previous break and its state.
type node struct {
	d    float64
	j, h int
}

// span is a candidate line: from cands[j], its natural width, stretch
// points and shrink.
type span struct {
	j          int
	w, gaps, z float64
}

// prune lets optimum skip the lines that are too loose to be chosen; a
// test turns it off to check that it changes no break.
var prune = true

// loose reports whether a justified line that is not a paragraph's last,
// of natural width w with gaps stretch points, costs on its own at least
// what the best way to its break found so far does (best, the states it
// may update), so that neither it nor any shorter line ending at the same
// break can be chosen: a lower bound of demerits (the stretch at the
// paragraph's largest size, without penalties), which grows as the line
// gets shorter (more slack, fewer gaps).
func (m *measure) loose(w, gaps, meas, emMax float64, best [maxHyphens + 1]node, hyph bool) bool {
	slack := meas - w
	if slack <= 0 || gaps <= 0 {
		return false
	}
	r := slack / (gaps * 0.15 * emMax)
	bad := 100 * r * r * r
	if bad > 1e5 {
		bad = 1e5 + bad/(bad+1e5)
	}
	d := (10 + bad) * (10 + bad) * (1 - 1e-9)
	if hyph { // a hyphen's line updates states 1 and 2
		return d >= best[1].d && d >= best[2].d
	}
	return d >= best[0].d
}

// hyphen is the width of the hyphen a line ending before items[b] takes.
func (m *measure) hyphen(b int) float64 {
	if b < len(m.items) && m.items[b].hyph {
		return m.items[b].hyw
	}
	return 0
}

// hyphenDemerits is what a line ending with a hyphen costs, after h
// hyphenated lines: TeX's \hyphenpenalty (50, squared) in justified
// text, more for a second hyphen in a row (\doublehyphendemerits) and
// for the line before the last (\finalhyphendemerits); in a ragged-
// right paragraph raggedHyphen; in other ragged text a hyphen only saves
// a word too wide for its line.
func (m *measure) hyphenDemerits(h int, beforeLast bool) float64 {
	d := 2500.0
	switch {
	case m.set.ragged:
		d = raggedHyphen
	case m.set.Align != Justify || m.set.PhraseBreaks:
		d = 1e6
	}
	if h > 0 {
		d += 10000
	}
	if beforeLast {
		d += 5000
	}
	return d
}

// raggedHyphen is what a hyphen costs in a ragged-right paragraph: as
// much as a line about two ems shorter than its neighbours, so that a
// word is hyphenated to mend a deep notch in the right edge, not to
// straighten it.
const raggedHyphen = 5e4

// demerits scores one line: the cube of how far it stretches or shrinks,
// squared, as TeX does, plus penalties for a short last line, a break
// inside a phrase of a headline, and emergency breaks.
func (m *measure) demerits(a, b int, w, gaps, z, meas float64, first, last bool, pass int) (float64, bool) {
	slack := meas - w
	ta, tb := m.trim(a, b)
	if tb <= ta {
		return 0, true
	}
	em := m.items[ta].size
	over := 0.0 // what a hanging mark puts past the measure
	if slack < -1e-6 {
		if -slack > z+1e-6 {
			over = -slack - z
			if h := m.hang(a, b); over > h+1e-6 || h == 0 {
				if tb-ta > 1 || pass < 4 {
					return 0, false
				}
				// a single glyph wider than the measure: nothing to do
				return 1e12, true
			}
		}
	}
	var bad float64
	switch {
	case over > 0:
		// hanging punctuation: a last resort, dearer the further the
		// mark hangs, yet cheaper than a line that puts well over half
		// an em beside a figure (figureGap)
		bad = 1e4 * (1 + over/m.hang(a, b))
	case slack < 0:
		r := -slack / z
		bad = 100 * r * r * r
	case m.set.Align == Justify && !last:
		stretch := gaps * 0.15 * em
		if m.latin > 0 {
			stretch = gaps * m.latin
		}
		if gaps == 0 {
			stretch = float64(tb-ta-1) * 0.02 * em // letter-spacing, a last resort
		}
		switch {
		case gaps == 0 && !slices.ContainsFunc(m.items[ta:tb], func(it item) bool { return wide(&it) }):
			// Latin with nowhere to stretch (a piece of an address) is
			// never letter-spaced but set short (place): it costs what a
			// ragged line does, less than cutting a word ("h / ttps://")
			bad = 100 * (slack / em) * (slack / em)
		case stretch <= 0:
			bad = 1e6
		default:
			r := slack / stretch
			bad = 100 * r * r * r
		}
		if words := m.sum[tb].word - m.sum[ta+1].word; words == 0 && gaps > 0 && slack/gaps > maxHanGap*em {
			// a line of CJK text with no word space to take the slack:
			// past maxHanGap between characters, text extractors (poppler,
			// MuPDF) read its gaps as spaces ("全 年 拆 除"), so it costs
			// as if maxHanGap were all it could stretch — more than a short
			// last line, a tighter line before or a character moved
			r := slack / (gaps * maxHanGap * em)
			bad = max(bad, 1000*r*r*r)
		}
		if words := m.sum[tb].word - m.sum[ta+1].word; words > 0 && words < gaps {
			// the slack past maxHanGap a gap goes to the word gaps
			// (place), so the line is as bad as they are wide: its
			// badness is that of its widest gap, not of the slack
			// spread over all (a Han–Latin gap took 0.7–2 em beside
			// gaps of 0.09, "合作项目    Jean-Baptiste")
			extra := (slack - maxHanGap*em*(gaps-words)) / words
			if r := extra / (0.15 * em); extra > maxHanGap*em {
				bad = max(bad, 100*r*r*r)
			}
			// past maxFigureGap beside a figure, "队伍  126  支"
			// reads as three words; bounded far below an emergency break
			// (a figure and its unit split, "683 / 起"), yet still growing
			// past 2e4, so that of two such lines the narrower gap wins
			wide := extra + cjk.GapEm*em
			if r := wide / (maxFigureGap * em); r > 1 && m.figureGap(ta, tb) {
				bad = max(bad, figureBad(r))
			}
		}
	case m.set.Align != Justify && (!last || m.set.PhraseBreaks):
		// ragged lines: even lengths (headlines balance, last line too)
		bad = 100 * (slack / em) * (slack / em)
	}
	// TeX caps badness at 10000, "infinitely bad"; here a line may be
	// ten times worse, so that of two hopeless lines the less spread one
	// wins (else a paragraph may open with two words spread across the
	// column), and no worse, so that it stays cheaper than an emergency
	// break.
	if bad > 1e5 {
		bad = 1e5 + bad/(bad+1e5) // still increasing, below 1e5+1
	}
	d := (10 + bad) * (10 + bad)
	if last && !first && tb-ta <= 3 {
		short := 0
		for i := ta; i < tb; i++ {
			if !is(m.items[i].r, cNoStart) {
				short++
			}
		}
		switch { // a last line of one character, less so of two
		case m.set.Align == Justify && short == 1:
			d += 5000
		case m.set.Align == Justify && short == 2:
			d += 2500
		case short == 1: // ragged text (labels, captions) rebalances cheaply
			d += 1e6
		case short == 2:
			d += 5e4
		}
	}
	if m.set.PhraseBreaks && !last && !phraseBoundary(m.items, b) {
		d += 1e6
		if m.set.Title {
			d += titleDemerits
		}
	}
	if m.set.PhraseBreaks && !(first && last) {
		d += m.wordLine(ta, tb, last)
		if last && m.figureOnly(ta, tb) {
			d += loneFigureDemerits
		}
	}
	if b < len(m.items) && !last && m.items[b].part {
		d += partDemerits
	}
	if b < len(m.items) && !last && m.items[b].url {
		d += urlDemerits
	}
	if b < len(m.items) && !last && !m.items[b].brk && !m.items[b].hyph && !m.items[b].part && !m.items[b].url {
		d += 1e10 // an emergency break (passes 2 to 4), worse than any loose line
		if p, n := m.items[b-1].r, m.items[b].r; unicode.IsLetter(p) && unicode.IsLetter(n) && !wide(&m.items[b]) && !wide(&m.items[b-1]) {
			d += 1e10 // one that cuts a word ("h / ttps"), worse than one after it
		}
		if m.items[b].addr && (m.items[b-1].r == '-' || m.items[b].r == '-') {
			// an address broken at its hyphen reads as hyphenated
			// ("exchange- / office@"): worse than cutting it between
			// letters, which the reader joins as it is
			d += 3e10
		}
	}
	return d, true
}

// loneFigureDemerits is what a headline's last line costs besides when
// it holds nothing but a figure ("…受理各类诉求21.8万件，办结率 / 99.8%"):
// as much as a title's break inside a phrase, more than lines of words
// as ragged as a headline's may be, so that the lines break before a
// figure or phrase the line before would end with. (Set big after words
// of the headline's size, the figure before such a break began a block
// of its own for poppler standing wholly over the second column, which it
// read between the columns of the text under it: the water utility's
// poster, section 八; see docs/format.md.)
const loneFigureDemerits = 1e9

// figureOnly reports whether the line items[a:b] is nothing but a figure:
// digits with their point, separators and a per cent sign, and a mark
// after them.
func (m *measure) figureOnly(a, b int) bool {
	if !isDigit(m.items[a].r) {
		return false
	}
	for _, it := range m.items[a:b] {
		if !isDigit(it.r) && !strings.ContainsRune(".,%。，！", it.r) {
			return false
		}
	}
	return true
}

// titleDemerits is what a title's break inside a phrase costs besides:
// more than a ragged line of ten em short (1e8), less than an emergency
// break (1e10).
const titleDemerits = 1e9

// midPhrase reports whether lines, set from text, break inside a phrase
// anywhere: a line ends where text has no space, mark or change between
// figure and word (as phraseBoundary judges a break).
func midPhrase(text string, lines []Line) bool {
	src := []rune(text)
	k := 0
	for i, l := range lines {
		for _, r := range l.Text() {
			for k < len(src) && src[k] != r {
				k++ // what the line left out: a space at its end
			}
			k++
		}
		if i == len(lines)-1 || k <= 0 || k >= len(src) {
			break
		}
		prev, next := src[k-1], src[k]
		if !is(prev, cPhraseEnd) && next != ' ' && isDigit(prev) == isDigit(next) {
			return true
		}
	}
	return false
}

// partDemerits is what a break between the parts of a date costs
// (2020年|3月): as much as a line of badness 300, one that puts a fifth
// of an em between its characters.
const partDemerits = 1e5

// urlDemerits is what a break inside an address costs (after / . @ ? &,
// see addressBreaks): twenty times a hyphen, as much as a line of
// badness 210, one whose spaces stretch to twice their width.
const urlDemerits = 5e4

// maxFigureGap is the most space, in em, a justified line puts between
// a figure and the Chinese beside it before that costs extra (issue 13;
// TestFigureGaps allows 0.5 em). It is a little over half an em so that
// lines at about half an em stay as they were: at 0.5 the newspaper
// look's showcase-2025 sets a paragraph a line shorter, level with the
// list beside it, which poppler's pdftotext then reads as a table, out
// of order.
const maxFigureGap = 0.55

// figureBad is the badness of a line whose gap beside a figure is r
// times maxFigureGap (r > 1): the cube up to 2e4, then bounded by 3e4.
func figureBad(r float64) float64 {
	b := 1e4 * r * r * r
	if b <= 2e4 {
		return b
	}
	return 2e4 + 1e4*(b-2e4)/(b-2e4+1e5)
}

// figureGap reports whether the line items[a:b] has a CJK–Latin space
// beside a figure.
func (m *measure) figureGap(a, b int) bool {
	for i := a + 1; i < b; i++ {
		if m.items[i].space > 0 && (isDigit(m.items[i].r) || isDigit(m.items[i-1].r)) {
			return true
		}
	}
	return false
}

// maxWordStretch is the most space, in em, justification adds at a word
// gap (a space, or the quarter em between Han and Latin) of a line that
// also has gaps between CJK characters, which take at most maxHanGap: a
// Han–Latin gap grows from a quarter em to maxFigureGap and no further,
// rather than take all the slack the characters cannot ("合作项目
// Jean-Baptiste" with 0.9 em, "網上報案平台  https://" with 1.8).
const maxWordStretch = maxFigureGap - cjk.GapEm

// maxHanGap is the most space, in em, justification adds between two CJK
// characters. Measured on a line of ten Han characters whose gaps are not
// all equal (as a justified line's are not, around its punctuation):
// poppler 22.12's pdftotext reads a gap of 0.11 em as a word space (its
// minWordBreakSpace, a tenth of the font size), MuPDF 1.21 one of 0.15
// em; 0.10 reads whole in both. (Equal gaps poppler takes for letter-
// spacing, up to about 0.3 em.)
const maxHanGap = 0.09

// Letter-spacing a line of CJK characters evenly, as clreq justifies a
// line with no other place to put its slack, reads whole in poppler
// 22.12's pdftotext and MuPDF 1.21 when the gaps are all equal and
//   - at most minEvenGap: under poppler's word break (a tenth of an em,
//     which rounding of the positions puts on either side of 0.10), or
//   - from maxEvenGap's lower end to its upper: poppler then reads every
//     character as a word, equally spaced, which it takes for letter-
//     spacing; MuPDF reads a space from 0.15 em.
//
// Measured on lines of 20 Han characters at 9.5, 10 and 10.5 pt. A
// figure or a Latin word on the line (its quarter-em spaces make the gaps
// unequal) or two marks set in one em (a compressed pair, whose boxes
// overlap) make poppler read a space at every gap over 0.1 em: those
// lines keep maxHanGap.
const (
	minEvenGap = 0.095
	lowEvenGap = 0.105
	maxEvenGap = 0.14
)

// evenGap is the space, in pt, to put at each of the gaps places of a
// justified line of CJK characters to spread slack over it, and whether
// that reads whole (see minEvenGap): between every two items but before
// a closing mark and after an opening one (see stretches), up to
// minEvenGap; else between every two items (gaps one less than the
// items: even tracking, which poppler reads as letter-spacing only when
// every gap is equal, so the marks' gaps take it too), up to minEvenGap
// or from lowEvenGap to maxEvenGap — in the band between, minEvenGap
// (the line ends at most a fifth of an em short).
func evenGap(items []item, slack float64, gaps int) (float64, bool) {
	if len(items) < 2 || gaps == 0 {
		return 0, false
	}
	size := items[0].size
	for i := range items {
		it := &items[i]
		if !wide(it) || it.cut > 0 || it.shift > 0 || i > 0 && it.space > 0 || it.size != size {
			return 0, false
		}
	}
	g := slack / float64(gaps) / size
	switch {
	case g <= minEvenGap:
	case g > maxEvenGap || gaps < len(items)-1:
		return 0, false
	case g < lowEvenGap:
		g = minEvenGap
	}
	return g * size, true
}

// wordLine is what a headline's line of words (Latin, Korean: text
// spaced into words) costs beyond its length: a last line of one word
// (a widow, "Ningbo / Police in 2025" read as a title of one word and a
// line), a line of one word elsewhere, and a line that ends with an
// article, a preposition or a conjunction, which belongs with the words
// after it ("312 days of / good air").
func (m *measure) wordLine(a, b int, last bool) float64 {
	words := 1
	for i := a; i < b; i++ {
		r := m.items[i].r
		if isHan(r) || isCJK(r) {
			return 0 // Chinese and Japanese lines have phrases, not words
		}
		if r == ' ' && i > a && m.items[i-1].r != ' ' {
			words++
		}
	}
	d := 0.0
	switch {
	case words == 1 && last:
		d += 1e7
	case words == 1:
		d += 3e6
	}
	if !last {
		k := b
		for k > a && isLatin(m.items[k-1].r) {
			k--
		}
		if k == a || m.items[k-1].r == ' ' {
			var w strings.Builder
			for _, it := range m.items[k:b] {
				w.WriteRune(unicode.ToLower(it.r))
			}
			if slices.Contains(functionWords, w.String()) {
				d += 3e6
			}
		}
	}
	return d
}

// functionWords are the English words a headline's line does not end
// with.
var functionWords = []string{"a", "an", "the", "of", "in", "on", "at", "to", "by", "for", "from", "with", "into", "onto",
	"and", "or", "but", "nor", "as", "than", "per", "its", "their", "our", "this", "that"}

// phraseBoundary reports whether a break before items[i] ends a phrase.
func phraseBoundary(items []item, i int) bool {
	prev, next := items[i-1].r, items[i].r
	if is(prev, cPhraseEnd) || next == ' ' {
		return true
	}
	// between a figure group and the next phrase (or the reverse)
	return isDigit(prev) != isDigit(next) && !items[i].glue
}

// place positions the items of the line items[a:b] in the measure:
// shrinking it by compressing punctuation when it is too long, spreading
// the rest at its break opportunities when it is justified and not last.
func (m *measure) place(a, b int, meas float64, last bool) (Line, bool) {
	a, b = m.trim(a, b)
	if b <= a {
		return Line{}, false
	}
	items := m.items[a:b]
	w, gaps, z := m.fit(a, b)
	line := Line{Width: meas, Natural: w}
	n := len(items)
	adv := make([]float64, n)
	shift := make([]float64, n)
	space := make([]float64, n)
	for i, it := range items {
		adv[i] = it.adv - it.cut
		shift[i] = it.shift
		if i > 0 {
			space[i] = it.space
		}
		line.Size = max(line.Size, it.size)
	}
	if f := items[0]; m.set.TrimStart && f.open {
		adv[0] -= f.adv / 2
		shift[0] += f.adv / 2
	}
	slack := meas - w
	if slack < 0 && z > 0 {
		ratio := math.Min(1, -slack/z)
		for i, it := range items {
			cut := midShrink(it)
			if i == n-1 {
				cut = endShrink(it)
			}
			if i == 0 && shift[0] > it.shift {
				cut = 0 // already trimmed
			}
			cut *= ratio
			adv[i] -= cut
			if it.open {
				shift[i] += cut
			}
			if i > 0 {
				space[i] -= it.space / 2 * ratio
			}
		}
		line.Natural = meas
		slack = 0
	}
	extra, offset := 0.0, 0.0
	spread := func(i int) bool { return stretches(m.items, a+i) }
	// evenly is where a line spread evenly takes space: between every two
	// characters but before a closing mark and after an opening one
	evenly := func(i int) bool { return !snugAfter(&items[i-1]) && !snugBefore(&items[i]) }
	ne := func() int {
		k := 0
		for i := 1; i < n; i++ {
			if evenly(i) {
				k++
			}
		}
		return k
	}
	even := false // a line without a break opportunity, spread evenly
	if gaps == 0 && !slices.ContainsFunc(items, func(it item) bool { return !wide(&it) }) {
		// a line of CJK text with no break opportunity is spread
		// evenly; Latin is never letter-spaced (the line stays short)
		gaps = float64(ne())
		spread = evenly
		even = true
	}
	// Text extractors read a gap over a tenth of an em as a word space:
	// between two characters that are not a word boundary the extra space
	// stays under that ("全 年 拆 除" otherwise) while the line has word
	// spaces or Han–Latin boundaries to take the rest.
	wordGap := func(i int) bool { return items[i].r == ' ' || space[i] > 0 }
	extraWide := 0.0
	switch {
	case m.set.Align == Justify && !last && gaps > 0 && slack > 0:
		extra = slack / gaps
		extraWide = extra
		if limit := maxHanGap * line.Size; extra > limit {
			nw, nn := 0, 0
			for i := 1; i < n; i++ {
				if spread(i) {
					if wordGap(i) {
						nw++
					} else {
						nn++
					}
				}
			}
			switch {
			case nw > 0 && nn > 0:
				// the word gaps take the rest, up to maxWordStretch:
				// past it the line ends short (the breaker sets such a
				// line only when every other way is worse: the first
				// line of "详细日程见 https://…")
				extra = limit
				extraWide = min((slack-limit*float64(nn))/float64(nw), maxWordStretch*line.Size)
			case nn > 0 && !even:
				// no word gap to take the rest: spread evenly between
				// every two characters when extractors read that as
				// letter-spacing (evenGap), else the line ends a little
				// short rather than read as spaced-out characters (the
				// breaker sets such a line only when every other way is
				// worse: before a figure too long to pull up)
				extra = limit
				if g, ok := evenGap(items, slack, ne()); ok {
					extra = g
					spread = evenly
				} else if g, ok := evenGap(items, slack, n-1); ok {
					extra = g
					spread = func(int) bool { return true }
				}
			}
		}
	case m.set.Align == Center:
		offset = slack / 2
	case m.set.Align == Right:
		offset = slack
	}
	x := offset
	line.Glyphs = make([]Glyph, n)
	for i, it := range items {
		if i > 0 {
			x += space[i]
			if spread(i) {
				if wordGap(i) {
					x += extraWide
				} else {
					x += extra
				}
			}
		}
		line.Glyphs[i] = Glyph{R: it.r, X: x - shift[i], Adv: adv[i], Face: it.face, Size: it.size, Color: it.color, Lang: it.lang}
		x += adv[i]
	}
	if h := m.hyphen(b); h > 0 {
		it := items[n-1]
		line.Glyphs = append(line.Glyphs, Glyph{R: hyphenRune(it.face), X: x, Adv: h, Face: it.face, Size: it.size, Color: it.color, Lang: it.lang, Hyphen: true})
	}
	return line, true
}

// hyphenRune is the character of the hyphen a line ends with inside a
// word: the soft hyphen U+00AD, which PDF text extraction leaves out of
// the word (PDF 32000-1 14.8.2.2.3), when the face draws it as a hyphen
// (Noto and Source Han do); else "-".
func hyphenRune(f *fonts.Face) rune {
	if f.Has('\u00AD') && f.Advance('\u00AD') == f.Advance('-') {
		return '\u00AD'
	}
	return '-'
}

// Balanced breaks spans at the narrowest measure, down to half of w, that
// takes no more lines than w does, so that the lines are of a length and
// none is left with a character or two ("…也是最基本的发展环 / 境。”",
// "…電梯設 / 置率"): display type and short labels are balanced by hand
// in print. The lines are set at that measure, within w. A measure that
// breaks more Latin words inside than w does is no narrower measure of the
// same text: a card's label "義工參與 Volunteer turns" was set
// "Volunte / er turns" at the measure that balanced it.
func Balanced(spans []Span, w float64, set Setting) []Line {
	lines := Break(spans, w, set)
	n := len(lines)
	if n < 2 {
		return lines
	}
	inside := wordsBroken(spans, lines)
	fits := func(ls []Line) bool { return len(ls) <= n && wordsBroken(spans, ls) <= inside }
	lo, hi := w/2, w // hi takes n lines; lo is narrower than any measure that does
	for hi-lo > 0.5 {
		if mid := (lo + hi) / 2; fits(Break(spans, mid, set)) {
			hi = mid
		} else {
			lo = mid
		}
	}
	return Break(spans, hi, set)
}

// wordsBroken counts the lines of spans that end inside a Latin word: a
// letter or digit at the end (hyphenated or not) and the next character of
// the text another, not a space.
func wordsBroken(spans []Span, lines []Line) int {
	var src []rune
	for _, s := range spans {
		src = append(src, []rune(s.Text)...)
	}
	pos, n := 0, 0
	for i, l := range lines {
		last := ' '
		for _, g := range l.Glyphs {
			if g.Hyphen {
				continue
			}
			if k := slices.Index(src[pos:], g.R); k >= 0 {
				pos += k + 1
			}
			last = g.R
		}
		if i+1 < len(lines) && pos < len(src) && isLatin(last) && isLatin(src[pos]) {
			n++
		}
	}
	return n
}
