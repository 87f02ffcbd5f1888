package data

// area: a line chart with the area under the line filled, for a trend of
// an amount (charts/area.go draws it). It takes what line takes, but its
// axis starts at 0 whatever zero: says — an area's ink is its value — and
// zero: false is warned of, not refused: a report that said it still
// builds, with the advice to make it a line chart.
func init() {
	registerChart(chartKind{
		name: "area", doc: "面积", takes: trendFields, needs: [][]string{{"data"}},
		hint:  `an area chart takes a "data:" list, and optionally series:, highlight:, target:`,
		check: checkTrend,
		notes: map[string]string{"zero": "面积图的坐标轴总从 0 开始（面积即数值）：zero: false 不起作用"},
		warn: func(c Chart) (string, string) {
			if c.Zero != nil && !*c.Zero {
				return "zero", "an area chart's axis starts at 0, since its filled area is its value: zero: false is not followed; remove it, or make it a line chart (type: line) to start near the data"
			}
			return "", ""
		},
	})
}
