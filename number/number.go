// Package number is brochure's one number formatter: the figures in stat
// cards, chart value labels, axis ticks and legends all go through it, so a
// figure reads the same wherever it is printed.
//
// It lives in its own small package (not in data, charts or layout) because
// all three need it and none should import the others for it: data uses it
// to check that shares add up "within rounding", charts for labels and ticks,
// layout for figures. It knows nothing of YAML or PDF.
//
// Numbers are handled as the decimal text the user wrote ("14.98",
// "30793000"), not as floats, wherever possible: moving the decimal point
// for 万/亿 and rounding to fixed decimals are done on the digits, so
// 14.985 rounds to 14.99 (half away from zero, as people round), never to
// 14.98 because the binary float happened to sit below.
package number

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Format says how to print the numbers of one chart or figure.
type Format struct {
	// Style is "" (as written), "wan" (in 万: 30793000 → 3079.3万), "yi"
	// (in 亿) or "auto" (万 from ten thousand, 亿 from a hundred million).
	Style string
	// Decimals fixes the number of decimals; negative means as written
	// (after a 万/亿 shift: up to two, trailing zeros dropped).
	Decimals int
	// Lang is the report language (a BCP 47 tag): English ("en", "en-GB")
	// counts in million and billion instead of 万 and 亿; Traditional
	// Chinese (zh-Hant, zh-TW, zh-HK, zh-MO) writes 萬 and 億, Japanese
	// 万 and 億, Korean 만 and 억. It also decides the thousands
	// separator, unless Group says (see Rule).
	Lang string
	// Group is where thousands are separated; ByLanguage (the zero
	// value): as Rule(Lang, "") says.
	Group Grouping
	// Prefix and Unit are set before and after the figure ("约", "万人次").
	Prefix, Unit string
	// Brief rounds a figure scaled to 万, 亿, million or billion (with
	// Decimals negative) as an editor writes a big figure on a page: one
	// decimal, two below ten, trailing zeros dropped (3079.3万, 30.8
	// million, 1.23亿, 2300亿); without it, up to two (30.79 million).
	Brief bool
}

// Grouping is from how many integer digits a figure's thousands are
// separated with commas.
type Grouping int

const (
	ByLanguage Grouping = iota // the language's rule: Rule(lang, "")
	Ungrouped                  // 12860, 1046
	FromFive                   // 12,860 but 1046 (GB/T 15835-2011's 千分撇: four digits need none)
	FromFour                   // 1,046
)

// Rule is the house rule for separating thousands in a report in lang
// whose own text (headlines, paragraphs, notes, tables) is text, so that
// the figures brochure prints — stat cards, chart values, axis ticks —
// read as the report writes its figures:
//   - English, Traditional Chinese (Taiwan, Hong Kong, Macao), Japanese and
//     Korean: commas from four digits (1,046), as their governments'
//     publications print figures;
//   - Simplified Chinese, where GB/T 15835-2011 leaves separators free
//     (四位以上的整数可用千分撇分节; four-digit integers need none) and the
//     mainland press mostly writes none (12860起, large figures in 万 and
//     亿): as the text does — from four digits when it writes a figure of
//     four digits with a comma (1,046), from five when it groups only
//     longer ones (88,300 beside 1500), else none.
func Rule(lang, text string) Grouping {
	if !simplified(lang) {
		return FromFour
	}
	g := Ungrouped
	for _, m := range groupedFigure.FindAllStringSubmatchIndex(text, -1) {
		// not inside a longer run of digits or commas ("1,2345"); checked
		// here rather than matched, so that the character after one figure
		// can be the one before the next ("12,860、1,046")
		if end := m[1]; end < len(text) && (text[end] >= '0' && text[end] <= '9' || text[end] == ',') {
			continue
		}
		if m[3]-m[2] == 1 && strings.Count(text[m[0]:m[1]], ",") == 1 {
			return FromFour // d,ddd
		}
		g = FromFive
	}
	return g
}

// groupedFigure is a figure written with thousands separators, not after
// a digit, comma or point (Rule checks what follows it).
var groupedFigure = regexp.MustCompile(`(?:^|[^0-9,.])([0-9]{1,3})(?:,[0-9]{3})+`)

// simplified reports whether lang is Simplified Chinese: zh, zh-Hans,
// zh-CN, zh-SG, or no language (the default).
func simplified(lang string) bool {
	l := strings.ToLower(lang)
	return l == "" || l == "zh" || strings.HasPrefix(l, "zh-") && !traditional(l)
}

// traditional reports whether lang (lower case) is Traditional Chinese.
func traditional(l string) bool {
	return strings.HasPrefix(l, "zh-hant") || l == "zh-tw" || l == "zh-hk" || l == "zh-mo" || strings.HasPrefix(l, "zh-tw-") || strings.HasPrefix(l, "zh-hk-") || strings.HasPrefix(l, "zh-mo-")
}

// Written is the style in which text, the report's own words, writes
// value (a stat's figure, a plain integer) with unit: "wan" or "yi" when
// the text writes it in 万 or 亿 (萬, 億; 만, 억) as Format.Brief prints
// it — 12.6万 for 126000, 86.4萬 for 864000 — and nowhere in full; ""
// when it writes it in full (126000, 126,000: the exact figure, which
// a card then prints), or not at all, or in English (whose figures are
// counted in million and billion already). A scaled figure counts when
// it stands whole (not the 2.6万 of 12.6万, not the 12.6万 of 12.6万3)
// and its word is followed by the start of unit or by no other word
// (12.6万人, 12.6万，): 12.6万元 is another quantity than 126000人. So
// that a stat card writes one quantity as the report does: not 126000人
// on the cover under a headline that says 12.6万.
func Written(lang, text, value, unit string) string {
	d, ok := parse(value)
	if !ok || English(lang) || d.neg || d.frac > 0 || d.float() < 1e4 {
		return ""
	}
	text = Ungroup(text)
	full := d.String(0)
	if WholeAt(text, full, func(string) bool { return true }) {
		return ""
	}
	start, _ := utf8.DecodeRuneInString(strings.TrimSpace(unit))
	for _, style := range []string{"wan", "yi"} {
		fig, word := Format{Style: style, Decimals: -1, Lang: lang, Group: Ungrouped, Brief: true}.Split(value)
		if word == "" {
			continue
		}
		if WholeAt(text, fig+word, func(rest string) bool {
			r, n := utf8.DecodeRuneInString(rest)
			return n == 0 || r == start || !unicode.IsLetter(r) && !unicode.IsDigit(r)
		}) {
			return style
		}
	}
	return ""
}

// WholeAt reports whether text holds figure fig (digits first) as a whole
// figure, not inside a longer one (2 is not in 12 or 0.2, nor 2.5), with
// after accepting what follows it.
func WholeAt(text, fig string, after func(rest string) bool) bool {
	for i := 0; ; {
		k := strings.Index(text[i:], fig)
		if k < 0 {
			return false
		}
		at := i + k
		i = at + 1
		if at > 0 && (isDigit(text[at-1]) || text[at-1] == '.') {
			continue
		}
		rest := text[at+len(fig):]
		if rest != "" && (isDigit(rest[0]) || rest[0] == '.' && len(rest) > 1 && isDigit(rest[1])) {
			continue
		}
		if after(rest) {
			return true
		}
	}
}

// Ungroup is s without the commas that separate a figure's thousands
// (3,079.3萬 is 3079.3萬).
func Ungroup(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == ',' && i > 0 && i+1 < len(s) && isDigit(s[i-1]) && isDigit(s[i+1]) {
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// Alike is f for figures printed together, as a series (a chart's
// values, its axis ticks): with FromFive, when any of the texts is
// printed with five integer digits or more, all are grouped from four,
// so that 6,100 stands beside 27,900, not 6100.
func (f Format) Alike(texts ...string) Format {
	if f.Group != FromFive {
		return f
	}
	bare := f
	bare.Group, bare.Prefix, bare.Unit = Ungrouped, "", ""
	for _, t := range texts {
		s := strings.TrimPrefix(bare.Text(t), "-")
		if n := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' }); n >= 5 || n < 0 && len(s) >= 5 {
			f.Group = FromFour
			return f
		}
	}
	return f
}

// from is the number of integer digits from which figures are grouped
// (0: never).
func (f Format) from() int {
	g := f.Group
	if g == ByLanguage {
		g = Rule(f.Lang, "")
	}
	switch g {
	case FromFour:
		return 4
	case FromFive:
		return 5
	}
	return 0
}

// Styles are the accepted values of Style.
var Styles = []string{"wan", "yi", "auto"}

// Ratio reports whether unit makes a figure a share or a ratio (%, ‰, ‱,
// 个百分点, percent, pp), which no Style may scale: 230000000000% in 亿
// would print 2300亿%, a figure that means nothing.
func Ratio(unit string) bool {
	u := strings.ToLower(strings.TrimSpace(unit))
	if u == "pp" || u == "ppt" {
		return true
	}
	for _, r := range []string{"%", "％", "‰", "‱", "百分点", "个百分点", "percent", "per cent"} {
		if strings.HasPrefix(u, r) {
			return true
		}
	}
	return false
}

// Plain is the format that prints numbers as written.
var Plain = Format{Decimals: -1}

// Text formats the number written as text (a plain decimal, as data.Number
// keeps it) without prefix or unit: "30793000" with Style wan gives
// "3079.3万". Text that is not a plain decimal is returned unchanged.
func (f Format) Text(text string) string {
	d, ok := parse(text)
	if !ok {
		return text
	}
	return f.digits(d)
}

// Float formats a computed value (a share, a tick) like Text.
func (f Format) Float(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return strconv.FormatFloat(v, 'f', -1, 64)
	}
	return f.Text(strconv.FormatFloat(v, 'f', -1, 64))
}

// Label is the figure with its prefix and unit: "约3079.3万人次",
// "14.98%", in English "1,653 cases". See Attach for the spacing.
func (f Format) Label(text string) string {
	return Attach(f.Prefix, f.Text(text), f.Unit, f.Lang)
}

// Attach joins prefix, figure and unit. "%", "‰" and "℃" always sit tight
// against the figure (14.98%, in every language). A Latin word takes a
// normal space in English ("1,653 cases"). Chinese prefixes and units are
// joined without a character: the quarter-em between a figure and a Han
// character is typesetting, added where the text is drawn (internal/cjk),
// exactly as in body text.
func Attach(prefix, figure, unit, lang string) string {
	s := figure
	if prefix != "" {
		if English(lang) && endsLatinWord(prefix) {
			s = prefix + " " + s
		} else {
			s = prefix + s
		}
	}
	if unit != "" {
		if English(lang) && startsLatinWord(unit) {
			s += " " + unit
		} else {
			s += unit
		}
	}
	return s
}

func startsLatinWord(s string) bool {
	for _, r := range s {
		return r < 0x2E80 && unicode.IsLetter(r)
	}
	return false
}

func endsLatinWord(s string) bool {
	r := []rune(s)
	return len(r) > 0 && r[len(r)-1] < 0x2E80 && unicode.IsLetter(r[len(r)-1])
}

// Percent prints a share (0..1) as a percentage with the given decimals
// (one when negative): 376/1653 → "22.7%". A share above zero that would
// round to nothing prints as under the least it can show: 5/12618 is
// "<0.1%", never "0.0%", which says there is none.
func Percent(share float64, decimals int) string {
	if decimals < 0 {
		decimals = 1
	}
	s := roundFloat(share*100, decimals)
	if share > 0 && strings.Trim(s, "0.") == "" {
		least := "1"
		if decimals > 0 {
			least = "0." + strings.Repeat("0", decimals-1) + "1"
		}
		return "<" + least + "%"
	}
	return s + "%"
}

// roundFloat rounds v half away from zero at the decimal digits of its
// shortest representation.
func roundFloat(v float64, decimals int) string {
	d, _ := parse(strconv.FormatFloat(v, 'f', -1, 64))
	return d.round(decimals).String(0)
}

// Scale returns the divisor and suffix an axis of values up to max uses
// with this format: (1e4, "万") for wan, (1e8, "亿") for yi, auto by max;
// (1, "") otherwise.
func (f Format) Scale(max float64) (float64, string) {
	switch f.resolve(math.Abs(max)) {
	case "wan":
		return 1e4, words(f.Lang)[0]
	case "yi":
		return 1e8, words(f.Lang)[1]
	case "million":
		return 1e6, " million"
	case "billion":
		return 1e9, " billion"
	}
	return 1, ""
}

// resolve is the scale of a figure: "wan", "yi", or in English, which
// has no word for ten thousand, "million" or "billion" (any scaled style
// counts in them from a million), or "".
func (f Format) resolve(abs float64) string {
	if English(f.Lang) {
		switch {
		case f.Style == "":
		case abs >= 1e9:
			return "billion"
		case abs >= 1e6:
			return "million"
		}
		return ""
	}
	if f.Style != "auto" {
		return f.Style
	}
	switch {
	case abs >= 1e8:
		return "yi"
	case abs >= 1e4:
		return "wan"
	}
	return ""
}

// English reports whether lang is an English tag: en, en-GB, en-US….
func English(lang string) bool {
	return lang == "en" || strings.HasPrefix(strings.ToLower(lang), "en-")
}

// words are the words for ten thousand and a hundred million in lang.
func words(lang string) [2]string {
	l := strings.ToLower(lang)
	switch {
	case traditional(l):
		return [2]string{"萬", "億"}
	case l == "ja" || strings.HasPrefix(l, "ja-"):
		return [2]string{"万", "億"}
	case l == "ko" || strings.HasPrefix(l, "ko-"):
		return [2]string{"만", "억"}
	}
	return [2]string{"万", "亿"}
}

func (f Format) digits(d dec) string {
	suffix := ""
	scaled := false
	switch f.resolve(math.Abs(d.float())) {
	case "wan":
		d, suffix, scaled = d.shift(4), words(f.Lang)[0], true
	case "yi":
		d, suffix, scaled = d.shift(8), words(f.Lang)[1], true
	case "million":
		d, suffix, scaled = d.shift(6), " million", true
	case "billion":
		d, suffix, scaled = d.shift(9), " billion", true
	}
	switch {
	case f.Decimals >= 0:
		d = d.round(f.Decimals)
	case scaled && f.Brief && d.float() >= 9.995:
		d = d.round(1).trim()
	case scaled:
		d = d.round(2).trim()
	}
	return d.String(f.from()) + suffix
}

// Split formats the number written as text like Text, but gives the word
// of its scale apart ("万", " billion"), so that a stat card sets it
// small with the unit: "3,079.3" and "萬" of 30793000 in Traditional
// Chinese, "" when the figure is not scaled.
func (f Format) Split(text string) (figure, word string) {
	s := f.Text(text)
	for _, w := range []string{" million", " billion", "万", "亿", "萬", "億", "만", "억"} {
		if strings.HasSuffix(s, w) && len(s) > len(w) && s[len(s)-len(w)-1] >= '0' && s[len(s)-len(w)-1] <= '9' {
			return s[:len(s)-len(w)], w
		}
	}
	return s, ""
}

// Tick prints an axis tick value v on a scale of the given step, with just
// the decimals the step needs (0, 5, 10 or 0.5, 1.0, 1.5), its thousands
// separated as the format's figures are.
func (f Format) Tick(v, step float64) string {
	dec := 0
	for s := step; dec < 6 && math.Abs(s-math.Round(s)) > 1e-9*math.Max(1, math.Abs(s)); s *= 10 {
		dec++
	}
	if math.Abs(v) < step/1e6 {
		v = 0
	}
	d, _ := parse(strconv.FormatFloat(v, 'f', dec, 64))
	return d.String(f.from())
}

// Ticks returns a zero-including axis from min to max in steps of 1, 2 or 5
// times a power of ten, with at most maxIntervals intervals (at least one)
// covering [lo, hi].
func Ticks(lo, hi float64, maxIntervals int) (min, max, step float64) {
	return TicksFrom(math.Min(lo, 0), math.Max(hi, 0), maxIntervals)
}

// TicksFrom is Ticks for an axis that need not include zero (a line
// chart's with zero: false): round ticks just around [lo, hi].
func TicksFrom(lo, hi float64, maxIntervals int) (min, max, step float64) {
	span := hi - lo
	if span <= 0 {
		span = 1
		hi = lo + 1
	}
	maxIntervals = max_(maxIntervals, 1)
	step = NiceStep(span / float64(maxIntervals))
	for {
		min = math.Floor(lo/step+1e-9) * step
		max = math.Ceil(hi/step-1e-9) * step
		if max == min {
			max = min + step
		}
		if int(math.Round((max-min)/step)) <= maxIntervals {
			return min, max, step
		}
		step = NiceStep(step * 1.0001)
	}
}

func max_(a, b int) int {
	if a > b {
		return a
	}
	return b
}

// NiceStep returns the smallest 1, 2 or 5 × 10^k that is ≥ raw.
func NiceStep(raw float64) float64 {
	if raw <= 0 || math.IsNaN(raw) || math.IsInf(raw, 0) {
		return 1
	}
	mag := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if s := m * mag; s >= raw*(1-1e-12) {
			return s
		}
	}
	return 10 * mag
}

// Decimals returns the number of decimals text is written with ("14.98":
// 2, "3079": 0).
func Decimals(text string) int {
	if i := strings.IndexByte(text, '.'); i >= 0 {
		return len(text) - i - 1
	}
	return 0
}

// ---- exact decimals ----

// dec is a decimal number: neg, the digits (no leading zeros but one), and
// how many of them are after the point.
type dec struct {
	neg    bool
	digits []byte // '0'..'9'
	frac   int
}

func parse(s string) (dec, bool) {
	var d dec
	s = strings.TrimSpace(s)
	if strings.HasPrefix(s, "-") {
		d.neg, s = true, s[1:]
	} else if strings.HasPrefix(s, "+") {
		s = s[1:]
	}
	if s == "" {
		return d, false
	}
	seenPoint := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			d.digits = append(d.digits, c)
			if seenPoint {
				d.frac++
			}
		case c == '.' && !seenPoint:
			seenPoint = true
		default:
			return d, false
		}
	}
	if len(d.digits) == 0 {
		return d, false
	}
	return d, true
}

func (d dec) float() float64 {
	f, _ := strconv.ParseFloat(d.String(0), 64)
	return f
}

// shift divides by 10^k.
func (d dec) shift(k int) dec {
	d.digits = append([]byte(nil), d.digits...)
	d.frac += k
	return d
}

// round rounds to n decimals, half away from zero.
func (d dec) round(n int) dec {
	ds := append([]byte(nil), d.digits...)
	for len(ds) < d.frac+1 { // 0.0003 after a shift: digits "3", frac 4
		ds = append([]byte{'0'}, ds...)
	}
	for d.frac < n {
		ds = append(ds, '0')
		d.frac++
	}
	if d.frac > n {
		cut := d.frac - n
		up := ds[len(ds)-cut] >= '5'
		ds = ds[:len(ds)-cut]
		d.frac = n
		if up {
			i := len(ds) - 1
			for ; i >= 0; i-- {
				if ds[i] == '9' {
					ds[i] = '0'
					continue
				}
				ds[i]++
				break
			}
			if i < 0 {
				ds = append([]byte{'1'}, ds...)
			}
		}
	}
	d.digits = ds
	return d
}

// trim drops trailing zeros after the point.
func (d dec) trim() dec {
	for d.frac > 0 && len(d.digits) > 0 && d.digits[len(d.digits)-1] == '0' {
		d.digits = d.digits[:len(d.digits)-1]
		d.frac--
	}
	return d
}

// String writes the number, with commas between thousands when its
// integer part has from digits or more (from 0: never).
func (d dec) String(from int) string {
	ds := d.digits
	for len(ds) < d.frac+1 {
		ds = append([]byte{'0'}, ds...)
	}
	intPart := strings.TrimLeft(string(ds[:len(ds)-d.frac]), "0")
	if intPart == "" {
		intPart = "0"
	}
	frac := string(ds[len(ds)-d.frac:])
	if from > 0 && len(intPart) >= from {
		var b strings.Builder
		for i, c := range intPart {
			if i > 0 && (len(intPart)-i)%3 == 0 {
				b.WriteByte(',')
			}
			b.WriteRune(c)
		}
		intPart = b.String()
	}
	s := intPart
	if d.frac > 0 {
		s += "." + frac
	}
	if d.neg && strings.Trim(s, "0.,") != "" {
		s = "-" + s
	}
	return s
}
