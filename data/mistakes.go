package data

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/token"
)

// Honest mistakes in a report that deserve more than "not a number" or
// "unknown field": what was written, what it was probably meant to be.

// commaSplit explains an unknown key in a flow mapping that is the rest of
// the previous field's text, cut at a comma: {label: Theft, robbery and
// fraud, value: 1} (the key has no colon, so no value).
func commaSplit(pairs []*ast.MappingValueNode, i int, flow bool) string {
	if !flow || i == 0 || pairs[i-1] == nil {
		return ""
	}
	if v := pairs[i].Value; v != nil && v.Type() != ast.NullType {
		return ""
	}
	prev, ok := pairs[i-1].Value.(*ast.StringNode)
	if !ok || prev.Token == nil || prev.Token.Type != token.StringType {
		return ""
	}
	key := keyText(pairs[i].Key)
	whole := prev.Value + ", " + key
	return fmt.Sprintf("%q is not a field: it looks like the rest of %s's text, cut at the comma (inside {…} a comma separates fields); put the whole text in quotes: %s: %q",
		key, keyText(pairs[i-1].Key), keyText(pairs[i-1].Key), whole)
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
