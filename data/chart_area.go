package data

// area: a line chart with the area under the line filled, for a trend of
// an amount (charts/area.go draws it). It takes what line takes.
func init() {
	registerChart(chartKind{
		name: "area", doc: "面积", takes: trendFields, needs: [][]string{{"data"}},
		hint:  `an area chart takes a "data:" list, and optionally series:, highlight:, target:, zero:`,
		check: checkTrend,
	})
}
