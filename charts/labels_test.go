package charts

import (
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/internal/draw"
)

// TestLabelDecimals: a chart's value labels keep the decimals the data is
// written with up to what its magnitude needs, and then all take as many:
// a spreadsheet's averages print 318.6 and 326.0, never 318.58064516129;
// 14.98 as written stays.
func TestLabelDecimals(t *testing.T) {
	tests := []struct {
		c    data.Chart
		want []string
		not  string
	}{
		{data.Chart{Type: "line", Unit: "立方米每秒", Series: []string{"2024年", "2025年"}, Data: []data.Point{
			{Label: "11月", Values: []data.Number{num("413.666666666666"), num("396.833333333333")}},
			{Label: "12月", Values: []data.Number{num("326"), num("318.58064516129")}}}},
			[]string{"326.0", "318.6"}, "318.58"},
		{data.Chart{Type: "bar", Unit: "%", Data: []data.Point{pt("甲", "14.98"), pt("乙", "21")}}, []string{"14.98", "21"}, ""},
		{data.Chart{Type: "bar", Unit: "mg/L", Data: []data.Point{pt("甲", "0.0419999999999999"), pt("乙", "0.131")}}, []string{"0.042", "0.131"}, "0.0419"},
	}
	for _, tt := range tests {
		got := testStyle.Strings(tt.c)
		for _, w := range tt.want {
			if !slices.ContainsFunc(got, func(s string) bool { return strings.TrimRight(s, "%mg/L") == w }) {
				t.Errorf("%s: no label %q in %q", tt.c.Type, w, got)
			}
		}
		if tt.not != "" && slices.ContainsFunc(got, func(s string) bool { return strings.Contains(s, tt.not) }) {
			t.Errorf("%s: %q printed in %q", tt.c.Type, tt.not, got)
		}
	}
}

// TestLineEndLabels: the end labels of several lines (river's monthly
// flows of two years, ending 0.6% apart) lie across no line and not on
// each other, the higher value's over the lower's.
func TestLineEndLabels(t *testing.T) {
	c := data.Chart{Type: "line", Unit: "立方米每秒", Series: []string{"2024年", "2025年"}}
	a := []string{"317", "355", "545", "747", "1006", "1606", "1967", "1297", "862", "579", "413", "326"}
	b := []string{"326", "344", "591", "803", "1145", "1762", "2078", "1390", "820", "542", "396", "318.58064516129"}
	for i := range a {
		c.Data = append(c.Data, data.Point{Label: strconv.Itoa(i+1) + "月", Values: []data.Number{num(a[i]), num(b[i])}})
	}
	for _, w := range []float64{240, 360} {
		var pg draw.Page
		cv := draw.Canvas{Page: &pg}
		if err := Draw(&cv, c, 0, 0, w, testStyle.Height(c, w), testStyle); err != nil {
			t.Fatal(err)
		}
		var boxes []box
		var segs [][4]float64
		for _, it := range pg.Items {
			switch {
			case it.Kind == draw.Text && (it.Text == "326.0" || it.Text == "318.6"):
				boxes = append(boxes, box{it.X, it.Y - capHeightEm*it.Size, it.X + it.Face.Width(it.Text, it.Size), it.Y})
			case it.Kind == draw.Path && it.Stroke.A > 0 && it.Width == 1.6:
				for i := 1; i < len(it.Ops); i++ {
					segs = append(segs, [4]float64{it.Ops[i-1].P[0], it.Ops[i-1].P[1], it.Ops[i].P[0], it.Ops[i].P[1]})
				}
			}
		}
		if len(boxes) != 2 || len(segs) < 20 {
			t.Fatalf("width %g: %d end labels and %d segments of line drawn, want 2 and 22", w, len(boxes), len(segs))
		}
		if boxes[0].overlaps(boxes[1]) || boxes[0].t > boxes[1].t {
			t.Errorf("width %g: 326.0 at %v, 318.6 at %v: want apart, 326.0 over", w, boxes[0], boxes[1])
		}
		for _, bx := range boxes {
			for _, s := range segs {
				if bx.cut(s[0], s[1], s[2], s[3]) {
					t.Errorf("width %g: the label at %v lies across a line", w, bx)
				}
			}
		}
	}
}

// TestLineEndLabelSingle: a single line's last value, clamped left at the
// plot's right edge, lies across no segment of the line when a place for
// it is clear (the science museum's monthly visitors, falling from 17.9
// in October to 10.7 in November and ending at 11.3).
func TestLineEndLabelSingle(t *testing.T) {
	c := data.Chart{Type: "line", Unit: "万人次", Highlight: "8月"}
	vs := []string{"12.1", "18.6", "11.4", "13.2", "16.8", "14.5", "22.3", "25.6", "12.0", "17.9", "10.7", "11.3"}
	for i, v := range vs {
		c.Data = append(c.Data, data.Point{Label: strconv.Itoa(i+1) + "月", Value: num(v)})
	}
	for _, w := range []float64{150, 170, 240} {
		var pg draw.Page
		cv := draw.Canvas{Page: &pg}
		if err := Draw(&cv, c, 0, 0, w, testStyle.Height(c, w), testStyle); err != nil {
			t.Fatal(err)
		}
		var label *box
		var segs [][4]float64
		for _, it := range pg.Items {
			switch {
			case it.Kind == draw.Text && strings.HasPrefix(it.Text, "11.3"):
				label = &box{it.X, it.Y - capHeightEm*it.Size, it.X + it.Face.Width(it.Text, it.Size), it.Y}
			case it.Kind == draw.Path && it.Stroke.A > 0 && it.Width == 1.6:
				for i := 1; i < len(it.Ops); i++ {
					segs = append(segs, [4]float64{it.Ops[i-1].P[0], it.Ops[i-1].P[1], it.Ops[i].P[0], it.Ops[i].P[1]})
				}
			}
		}
		if label == nil || len(segs) < 10 {
			t.Fatalf("width %g: label %v, %d segments", w, label, len(segs))
		}
		for _, s := range segs {
			if label.cut(s[0], s[1], s[2], s[3]) {
				t.Errorf("width %g: the last value at %v lies across the line", w, *label)
			}
		}
	}
}
