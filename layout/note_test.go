package layout

import (
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/internal/pdftest"
)

// TestStatNote: a stat's note is printed under its label and its source
// under the note, each smaller than the label, inside the card's column.
func TestStatNote(t *testing.T) {
	r, err := data.Parse("r.yaml", []byte("title: T\ndate: 2021-01-18\nsections:\n  - title: 交通\n    stats:\n"+
		"      - {value: 500, unit: 余场, label: 教育活动, note: 全年合计, source: 市教育局}\n      - {value: 12, unit: 个, label: 支部}\n"))
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
	label := find("教育活动")
	above := label
	for _, tt := range []struct{ what, text string }{{"note", "全年合计"}, {"source", "市教育局"}} {
		line := find(tt.text)
		if line[0].Origin[1] >= above[0].Origin[1] {
			t.Errorf("the %s's baseline (%.1f) is not below the line above it (%.1f)", tt.what, line[0].Origin[1], above[0].Origin[1])
		}
		if line[0].FontSize >= label[0].FontSize {
			t.Errorf("the %s is %.1f pt, not smaller than the label's %.1f", tt.what, line[0].FontSize, label[0].FontSize)
		}
		if d := line[0].Origin[0] - label[0].Origin[0]; d < -0.5 || d > 0.5 {
			t.Errorf("the %s starts %.1f pt from the label's left edge", tt.what, d)
		}
		above = line
	}
}
