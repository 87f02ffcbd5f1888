package data

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
)

// Honest mistakes in a report that deserve more than "not a number" or
// "unknown field": what was written, what it was probably meant to be.

// commaSplit explains an unknown key in a flow mapping that is the rest of
// the previous field's text, cut at a comma: {label: Theft, robbery and
// fraud, value: 1} (the key has no colon, so no value). A text cut at
// several commas ({caption: Heron Point, home to 3,000 birds}) is one
// problem, at its first piece: the later pieces say nothing (rest).
func commaSplit(pairs []*ast.MappingValueNode, i int, flow bool) (msg string, rest bool) {
	piece := func(j int) bool {
		return pairs[j] != nil && (pairs[j].Value == nil || pairs[j].Value.Type() == ast.NullType)
	}
	if !flow || i == 0 || !piece(i) {
		return "", false
	}
	k := i - 1 // the field whose text was cut
	for k >= 0 && piece(k) {
		k--
	}
	if k < 0 || pairs[k] == nil {
		return "", false
	}
	prev, ok := pairs[k].Value.(*ast.StringNode)
	if !ok || prev.Token == nil || prev.Token.Type != token.StringType {
		return "", false
	}
	if k < i-1 {
		return "", true
	}
	whole := prev.Value
	for j := i; j < len(pairs) && piece(j); j++ {
		whole = rejoin(whole, keyText(pairs[j].Key))
	}
	field := keyText(pairs[k].Key)
	return fmt.Sprintf("%q is not a field: it looks like the rest of %s's text, cut at the comma (inside {…} a comma separates fields); put the whole text in quotes: %s: %q",
		keyText(pairs[i].Key), field, field, whole), false
}

// rejoin puts back the comma YAML cut a text at: with a space between
// words ("Theft, robbery"), without one in a figure (1,194) or beside
// Chinese, which has none (the cut text lost any space that was there).
func rejoin(a, b string) string {
	l, _ := utf8.DecodeLastRuneInString(a)
	r, _ := utf8.DecodeRuneInString(b)
	tight := func(c rune) bool { return unicode.IsDigit(c) || unicode.Is(unicode.Han, c) }
	if tight(l) && tight(r) || unicode.Is(unicode.Han, l) || unicode.Is(unicode.Han, r) {
		return a + "," + b
	}
	return a + ", " + b
}

// maxDigits is how many significant digits a figure may have: a float64
// holds 15 exactly, and no brochure figure needs more (a larger one is
// written in 万 or 亿).
const maxDigits = 15

// numberProblem says what is wrong with a plain decimal that cannot be
// shown as written: -0, or more digits than a figure can keep.
func numberProblem(text string) string {
	ip, fp, _ := strings.Cut(strings.TrimPrefix(text, "-"), ".")
	ip = strings.TrimLeft(ip, "0")
	sig := len(ip) + len(fp)
	if ip == "" {
		sig = len(strings.TrimLeft(fp, "0"))
	}
	switch {
	case len(ip) > maxDigits:
		return fmt.Sprintf("%s is a number of %d digits; a figure may have at most %d (more cannot be kept exactly, nor read in print): write it in a larger unit, e.g. 1.2 with unit: 亿", abbrev(text), len(ip), maxDigits)
	case sig > maxDigits:
		return fmt.Sprintf("%s has %d significant digits; a figure may have at most %d: round it", abbrev(text), sig, maxDigits)
	case strings.HasPrefix(text, "-") && strings.Trim(text, "-0.") == "":
		return fmt.Sprintf("%s is zero with a minus sign, which would print as \"-0\"; write 0", text)
	}
	return ""
}

// abbrev shortens a long number for a message: its first and last digits.
func abbrev(s string) string {
	if len(s) <= 24 {
		return s
	}
	return s[:10] + "…" + s[len(s)-6:]
}

// exponent explains a number in exponent notation (1e308, 2.5E3): what it
// stands for, and how to write it.
func exponent(text string) string {
	if !strings.ContainsAny(text, "eE") {
		return ""
	}
	f, err := strconv.ParseFloat(text, 64)
	if err != nil && !errors.Is(err, strconv.ErrRange) {
		return ""
	}
	plain := strconv.FormatFloat(f, 'f', -1, 64)
	if math.IsInf(f, 0) || len(strings.TrimLeft(strings.SplitN(strings.TrimPrefix(plain, "-"), ".", 2)[0], "0")) > maxDigits {
		return fmt.Sprintf("%s is exponent notation for a number of more than %d digits; a figure may have at most %d: write it in a larger unit, e.g. 1.2 with unit: 亿", text, maxDigits, maxDigits)
	}
	if numberProblem(plain) != "" {
		return fmt.Sprintf("%s is exponent notation; write the number in plain digits, rounded to at most %d significant digits", text, maxDigits)
	}
	return fmt.Sprintf("%s is exponent notation; write the number in plain digits: %s", text, plain)
}

// lookalikeDigits returns s with the letters that look like digits (O and
// o for 0, l and I for 1) made digits, when that makes s a plain number
// that has at least one real digit; else "".
func lookalikeDigits(s string) string {
	if !strings.ContainsAny(s, "0123456789") || !strings.ContainsAny(s, "OolI") {
		return ""
	}
	d := strings.NewReplacer("O", "0", "o", "0", "l", "1", "I", "1").Replace(s)
	if decimalRE.MatchString(d) {
		return d
	}
	return ""
}
