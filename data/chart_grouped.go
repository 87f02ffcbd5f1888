package data

// grouped: bars side by side, one per series, for each item
// (charts/grouped.go draws it).
func init() {
	registerChart(chartKind{
		name: "grouped", doc: "分组柱状", takes: []string{"data", "series"}, needs: [][]string{{"data"}},
		hint:   `a grouped chart takes "series:" and a "data:" list with values: per item`,
		series: true,
		check: func(v *validator, path string, c Chart) {
			v.points(path, c, true, "- {label: 事故数, values: [1203, 1023]}")
		},
	})
}
