package data

import "slices"

// area: a line chart with the area under the line filled, for a trend of
// an amount (charts/area.go draws it). It takes what line takes but
// zero: an area's ink is its value, so its axis starts at 0; a line may
// start near its data.
func init() {
	registerChart(chartKind{
		name: "area", doc: "面积", takes: slices.DeleteFunc(slices.Clone(trendFields), func(f string) bool { return f == "zero" }), needs: [][]string{{"data"}},
		hint:  `an area chart takes a "data:" list, and optionally series:, highlight:, target:; its axis starts at 0, since its filled area is its value: make it a line chart to start near the data`,
		check: checkTrend,
	})
}
