package charts

import (
	"slices"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/data"
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
