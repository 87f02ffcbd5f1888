package layout

import (
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/internal/pdftest"
)

// A stat card prints a big figure as an editor writes it: in 亿 and 万
// when it has eight digits or more (2300亿港元, not 230000000000港元
// shrunk to fit), as its format: says when it says, and as written when it
// has decimals, is under ten thousand, or fits in full; one that does not
// fit is in 万 only when 万 writes it exactly (987.6万, not 987.7万 for
// 9876543, which is shrunk instead); a screen reader
// (the card's ActualText) hears the figure as printed. The cover's key
// figures are cards too.
func TestBigFigures(t *testing.T) {
	_, pdf := build(t, load(t, "testdata/big-figures.yaml"), Options{Draft: true})
	text := flat(pdftest.Open(t, pdf).AllText())
	tree := readTree(t, pdf)
	// the cover's key figure (the first section's first) is the card's
	if n := strings.Count(text, "2300亿港元"); n != 2 {
		t.Errorf("2300亿港元 printed %d times, want twice (the cover and its section)", n)
	}
	for _, tt := range []struct{ printed, said string }{
		{"2300亿港元", "八位以上按亿 2300亿港元"},
		{"3079.3万人次", "八位按万 3079.3万人次"},
		{"1234567人", "七位照原样 1234567人"},
		{"987.6万人次", "放不下按万 987.6万人次"},
		{"9876543人次", "放不下照原样 9876543人次"},
		{"23000000000.5元", "带小数照原样 23000000000.5元"},
		{"8500人", "一万以下照原样 8500人"},
		{"230000000000元", "全写 230000000000元"},
		{"0.31亿人次", "以亿计 0.31亿人次"},
		{"123.5万人", "以万计 123.5万人"},
	} {
		if !strings.Contains(text, tt.printed) {
			t.Errorf("%q is not printed", tt.printed)
		}
		if !tree.hasActual(tt.said) {
			t.Errorf("no card reads %q", tt.said)
		}
	}
}
