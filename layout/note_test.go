package layout

import (
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/internal/pdftest"
)

// TestStatNote: a stat's note is printed under its label, smaller than
// the label, inside the card's column.
func TestStatNote(t *testing.T) {
	r, err := data.Parse("r.yaml", []byte("title: T\ndate: 2021-01-18\nsections:\n  - title: 交通\n    stats:\n"+
		"      - {value: 500, unit: 余场, label: 教育活动, note: 全年合计}\n      - {value: 12, unit: 个, label: 支部}\n"))
	if err != nil {
		t.Fatal(err)
	}
	_, b := build(t, r, Options{})
	pg := pdftest.Open(t, b).Pages[1]
	find := func(s string) []pdftest.Char {
		rs := []rune(s)
		for i := 0; i+len(rs) <= len(pg.Chars); i++ {
			ok := true
			for k, ch := range rs {
				ok = ok && pg.Chars[i+k].R == ch
			}
			if ok {
				return pg.Chars[i : i+len(rs)]
			}
		}
		t.Fatalf("%q is not on page 2: %q", s, strings.TrimSpace(pg.Text))
		return nil
	}
	label, note := find("教育活动"), find("全年合计")
	if note[0].Origin[1] >= label[0].Origin[1] {
		t.Errorf("the note's baseline (%.1f) is not below the label's (%.1f)", note[0].Origin[1], label[0].Origin[1])
	}
	if note[0].FontSize >= label[0].FontSize {
		t.Errorf("the note is %.1f pt, not smaller than the label's %.1f", note[0].FontSize, label[0].FontSize)
	}
	if d := note[0].Origin[0] - label[0].Origin[0]; d < -0.5 || d > 0.5 {
		t.Errorf("the note starts %.1f pt from the label's left edge", d)
	}
}
