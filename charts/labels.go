package charts

import (
	"math"
	"strings"
	"unicode/utf8"

	"github.com/brochure-dev/brochure/fonts"
)

// Category labels that do not fit their room are first set smaller, then
// cut: all the labels of a chart share one size, the chart's label size
// or less down to minLabelSize, the largest at which every label takes at
// most two lines without a word split; at the smallest size a label
// longer than three lines keeps three, the last ending in "…". The alt
// text (Alt) names every item with its whole label.

// minLabelSize is the smallest a category label is set, pt: 6 pt, or
// three quarters of the chart's type when that is larger.
func minLabelSize(fs float64) float64 { return math.Max(6, math.Round(fs*0.75*2)/2) }

// fitSize is the largest size from fs down to minLabelSize, in half
// points, at which every label fits fitsAt; minLabelSize when none does.
func fitSize(face *fonts.Face, labels []string, fs, width float64) float64 {
	min := minLabelSize(fs)
	for size := fs; size > min; size -= 0.5 {
		if fitsAt(face, labels, size, width) {
			return size
		}
	}
	return min
}

// maxLabelLines is the most lines a category label takes.
const maxLabelLines = 3

// setLabels sets labels in face, each in lines no wider than width, at
// one size, and returns the lines and the size.
func setLabels(face *fonts.Face, labels []string, fs, width float64) ([][]string, float64) {
	size := fitSize(face, labels, fs, width)
	out := make([][]string, len(labels))
	for i, s := range labels {
		lines := balanceLines(face, s, size, width)
		if len(lines) > maxLabelLines {
			lines = append(lines[:maxLabelLines-1:maxLabelLines-1], ellipsize(face, strings.Join(lines[maxLabelLines-1:], " "), size, width))
		}
		out[i] = lines
	}
	return out, size
}

// fitsAt reports whether every label takes at most two lines at size
// without a word split by a hyphen.
func fitsAt(face *fonts.Face, labels []string, size, width float64) bool {
	for _, s := range labels {
		lines := wrap(face, s, size, width)
		if len(lines) > 2 || strings.Count(strings.Join(lines, ""), "-") > strings.Count(s, "-") {
			return false
		}
	}
	return true
}

// balanceLines wraps s to width like wrap, then, when that leaves a short
// last line (宁波高新技术产业开发 / 区), narrows the width until the lines
// are even, keeping their number. A label of two lines that ends in a
// bracketed part sets that part on the second line when both fit.
func balanceLines(face *fonts.Face, s string, size, width float64) []string {
	lines := wrap(face, s, size, width)
	if len(lines) < 2 {
		return lines
	}
	if len(lines) == 2 {
		// a bracketed part on a line of its own rather than parted:
		// 宁波保税区 / （出口加工区）, not 宁波保税区（出 / 口加工区）
		for _, open := range []string{"（", " ("} {
			if k := strings.LastIndex(s, open); k > 0 && strings.HasSuffix(s, map[string]string{"（": "）", " (": ")"}[open]) {
				head, tail := s[:k], strings.TrimLeft(s[k:], " ")
				if textWidth(face, head, size) <= width && textWidth(face, tail, size) <= width {
					return []string{head, tail}
				}
			}
		}
	}
	best := lines
	for w := width - size; w > size; w -= size {
		try := wrap(face, s, size, w)
		if len(try) != len(lines) {
			break
		}
		best = try
	}
	return best
}

// ellipsize cuts s to the longest start that fits width with "…" after
// it (a Latin start at a word end when one fits).
func ellipsize(face *fonts.Face, s string, size, width float64) string {
	if textWidth(face, s, size) <= width {
		return s
	}
	rs := []rune(strings.TrimSuffix(s, "-"))
	n := len(rs)
	for n > 1 && textWidth(face, string(rs[:n])+"…", size) > width {
		n--
	}
	cut := strings.TrimRight(string(rs[:n]), " -")
	if k := strings.LastIndexByte(cut, ' '); k > 0 && utf8.RuneCountInString(cut[k:]) < n/2 && isLatinWord(rs[n-1]) && n < len(rs) && isLatinWord(rs[n]) {
		cut = cut[:k] // do not end inside a Latin word
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}

func isLatinWord(r rune) bool { return r < 0x2E80 && (r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') }

// legendLines sets legend items — a label, its value and its share,
// "海曙区  376起（23%）" — the way setLabels sets labels: at one size, the
// largest down to minLabelSize at which every item takes at most two
// lines without a word split. An item that takes more than one line
// breaks between its parts (工学院 7.88亿元 / （18.7%）) when that takes
// no more lines, or one more when the lines would part its value
// (Exports / 21.4 million t / (51.9%), not Exports 21.4 / million t
// (51.9%)). An
// item longer than three lines at the smallest size has its label cut
// with "…", never its value.
func legendLines(face *fonts.Face, labels, values, notes []string, fs, width float64) ([][]string, float64) {
	items := make([]string, len(labels))
	for i := range labels {
		items[i] = labels[i] + "  " + values[i] + notes[i]
	}
	size := fitSize(face, items, fs, width)
	out := make([][]string, len(items))
	for i := range items {
		lines := wrap(face, items[i], size, width)
		if len(lines) > 1 {
			// by parts when that takes no more lines, or one more (up
			// to maxLabelLines) when the lines part the value
			parts := byParts(face, []string{labels[i], "  " + values[i], notes[i]}, size, width)
			if len(parts) <= len(lines) || len(parts) <= maxLabelLines && parted(lines, values[i]) {
				lines = parts
			}
		}
		for label := labels[i]; len(lines) > maxLabelLines && utf8.RuneCountInString(label) > 1; {
			if k := strings.LastIndexByte(label, ' '); k > 0 {
				label = label[:k] // a word at a time
			} else {
				_, n := utf8.DecodeLastRuneInString(label)
				label = label[:len(label)-n]
			}
			lines = wrap(face, strings.TrimRight(label, " ,;:")+"…  "+values[i]+notes[i], size, width)
		}
		out[i] = lines
	}
	return out, size
}

// parted reports whether no line holds value whole.
func parted(lines []string, value string) bool {
	for _, l := range lines {
		if strings.Contains(l, value) {
			return false
		}
	}
	return true
}

// byParts sets the parts of a legend item (each after the one before,
// as written: "  21.4 million t", " (51.9%)") on lines no wider than
// width: a part goes on the line of the one before when it fits there,
// else it starts a line (without its leading spaces); a part wider than
// a line is wrapped itself.
func byParts(face *fonts.Face, parts []string, size, width float64) []string {
	var lines []string
	for _, part := range parts {
		if part == "" {
			continue
		}
		if n := len(lines); n > 0 && textWidth(face, lines[n-1]+part, size) <= width {
			lines[n-1] += part
			continue
		}
		lines = append(lines, wrap(face, strings.TrimLeft(part, " "), size, width)...)
	}
	return lines
}
