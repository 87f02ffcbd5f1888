package data

import (
	"strings"
)

// line: a trend over time, one line or one per series, the last point
// labelled, with an optional highlighted point, a dashed target line and
// a value axis that may start above zero (charts/line.go draws it).
func init() {
	registerChart(chartKind{
		name: "line", doc: "折线", takes: trendFields, needs: [][]string{{"data"}},
		hint:  `a line chart takes a "data:" list, and optionally series:, highlight:, target:, zero:`,
		check: checkTrend,
	})
}

// trendFields are the fields line and area charts take.
var trendFields = []string{"data", "series", "highlight", "target", "zero"}

// highlight checks that a chart's highlight, if any, names one of its
// items.
func (v *validator) highlight(path string, c Chart) {
	if c.Highlight == "" {
		return
	}
	var labels []string
	for _, p := range c.Data {
		if p.Label == c.Highlight {
			return
		}
		labels = append(labels, p.Label)
	}
	v.add(path+".highlight", "%q is not the label of an item%s; write one of %s", c.Highlight, Suggest(c.Highlight, labels), strings.Join(labels, ", "))
}

// checkTrend checks a line or area chart: at least two points, a value
// each (or one per series), a highlight that names one of them, a finite
// target.
func checkTrend(v *validator, path string, c Chart) {
	if !v.points(path, c, len(c.Series) > 0, "- {label: 2021, value: 50.3}") {
		return
	}
	if len(c.Data) < 2 {
		v.add(path+".data", "this %s chart shows a trend: give it at least two points, or show one figure as a stat", c.Type)
	}
	v.highlight(path, c)
	if c.Target != nil {
		v.finite(path+".target", *c.Target, Point{})
	}
}
