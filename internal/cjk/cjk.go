// Package cjk holds the typographic rules that layout (body text) and charts
// (labels, value labels, legends) must agree on, so that "683 起" is spaced
// the same in a paragraph and over a bar.
package cjk

import (
	"strings"
	"unicode"

	"github.com/brochure-dev/brochure/hyphen"
)

// GapEm is the space set between a Han character and a Latin letter or
// digit, in em of the Han character's size (clreq 3.2.1: a quarter em).
const GapEm = 0.25

// IsHan reports Han characters (and kana).
func IsHan(r rune) bool {
	switch {
	case r < 0x2E80: // below the first CJK block (Latin text: most of the calls)
		return false
	case r >= 0x4E00 && r <= 0x9FFF: // CJK Unified Ideographs, all Han
		return true
	}
	return unicode.Is(unicode.Han, r) || unicode.In(r, unicode.Hiragana, unicode.Katakana)
}

// IsLatin reports Latin-script letters and digits (anything alphanumeric
// below the CJK blocks).
func IsLatin(r rune) bool {
	return r < 0x2E80 && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// Gap reports whether a quarter-em space goes between a and b: a Han
// character next to a Latin letter or digit, in either order. A space or
// punctuation between them (the caller sees them as a or b) means no gap.
func Gap(a, b rune) bool {
	return IsHan(a) && IsLatin(b) || IsLatin(a) && IsHan(b)
}

// Runs splits s where Gap asks for a space, for drawing code that sets
// each run as one text object and advances by GapEm between them.
// "683起" gives ["683", "起"]; "同比下降14.98%" gives ["同比下降", "14.98%"].
func Runs(s string) []string {
	var out []string
	start := 0
	var prev rune = -1
	for i, r := range s {
		if prev >= 0 && Gap(prev, r) {
			out = append(out, s[start:i])
			start = i
		}
		prev = r
	}
	if start < len(s) || len(out) == 0 {
		out = append(out, s[start:])
	}
	return out
}

// Kinsoku sets (clreq 3.1.7): a line may not start with NoStart or end with
// NoEnd. layout's breaker and the chart label wrapper both use them. The
// second line of NoStart is Japanese (JIS X 4051 §6.1.3 and 6.1.4: small
// kana, iteration marks, the voiced sound marks, ‼ and ⁇).
const (
	NoStart = "，。、；：？！）】」』》〉〕］｝”’…‥·%‰℃—～・゠〜ー々〻」﹂" +
		"ぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿゝゞヽヾ゛゜‼⁇⁈⁉" +
		".,;:?!)]}" + "％"
	NoEnd = "（【「『《〈〔［｛“‘" + "([{"
)

// Wrap breaks a short text (a chart label) into lines no wider than width
// as measured by width(s), between characters, obeying kinsoku: no line
// starts with a NoStart mark or ends with a NoEnd one, a figure is not
// split from its digits, and Latin breaks between words (a word wider than
// width is split with a hyphen, where English's hyphenation patterns allow
// when they can). A single character wider than width gets
// a line of its own; nothing but the spaces at a break is dropped.
// Explicit "\n" breaks are kept.
func Wrap(s string, maxW float64, width func(string) float64) []string {
	var out []string
	for _, para := range strings.Split(s, "\n") {
		out = append(out, wrapLine([]rune(para), maxW, width)...)
	}
	return out
}

func wrapLine(rs []rune, maxW float64, width func(string) float64) []string {
	var out []string
	for len(rs) > 0 {
		if len(rs) == 1 || width(string(rs)) <= maxW+1e-9 {
			return append(out, string(rs))
		}
		// the longest prefix that fits (at least one character)
		n := 1
		for n < len(rs) && width(string(rs[:n+1])) <= maxW+1e-9 {
			n++
		}
		// move the break back while it violates kinsoku, splits digits
		// or a Latin word
		b := n
		for b > 1 && !(canBreak(rs[b-1], rs[b]) && !inWord(rs[b-1], rs[b])) {
			b--
		}
		hyphen := false
		if b == 1 {
			// a word wider than the label: split it where kinsoku
			// allows, with a hyphen inside a Latin word
			b = n
			for b > 1 && !canBreak(rs[b-1], rs[b]) {
				b--
			}
			if b == 1 && !canBreak(rs[0], rs[1]) {
				b = n // nowhere legal: break where it overflows rather than overflow
			}
			for b > 2 && inWord(rs[b-1], rs[b]) && width(string(rs[:b])+"-") > maxW+1e-9 {
				b--
			}
			if h := hyphenPoint(rs, b); h > 0 && width(string(rs[:h])+"-") <= maxW+1e-9 {
				b = h // where the word may be hyphenated: "Chemi-cal", not "Chemic-al"
			}
			hyphen = b >= 2 && inWord(rs[b-1], rs[b])
		}
		line := strings.TrimRight(string(rs[:b]), " ")
		if hyphen {
			line += "-"
		}
		out = append(out, line)
		rs = rs[b:]
		for len(rs) > 1 && rs[0] == ' ' {
			rs = rs[1:]
		}
	}
	return out
}

// hyphenPoint is the last place at or before b where the Latin word
// around b may take a hyphen by English's patterns, or 0.
func hyphenPoint(rs []rune, b int) int {
	if b <= 0 || b >= len(rs) || !inWord(rs[b-1], rs[b]) {
		return 0
	}
	start, end := b, b
	for start > 0 && inWord(rs[start-1], rs[start]) {
		start--
	}
	for end+1 < len(rs) && inWord(rs[end], rs[end+1]) {
		end++
	}
	best := 0
	for _, p := range hyphen.For("en").Points(string(rs[start : end+1])) {
		if start+p <= b && start+p > 0 {
			best = start + p
		}
	}
	return best
}

// inWord reports whether prev and next are letters of one Latin word,
// which a label breaks only when the word is wider than the label.
func inWord(prev, next rune) bool {
	w := func(r rune) bool { return r < 0x2E80 && unicode.IsLetter(r) }
	return w(prev) && w(next)
}

func canBreak(prev, next rune) bool {
	if strings.ContainsRune(NoStart, next) || strings.ContainsRune(NoEnd, prev) {
		return false
	}
	digit := func(r rune) bool { return r >= '0' && r <= '9' || r == '.' }
	return !(digit(prev) && digit(next))
}
