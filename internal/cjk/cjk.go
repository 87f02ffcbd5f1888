// Package cjk holds the typographic rules that layout (body text) and charts
// (labels, value labels, legends) must agree on, so that "683 起" is spaced
// the same in a paragraph and over a bar.
package cjk

import "unicode"

// GapEm is the space set between a Han character and a Latin letter or
// digit, in em of the Han character's size (clreq 3.2.1: a quarter em).
const GapEm = 0.25

// IsHan reports Han characters (and kana).
func IsHan(r rune) bool {
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
