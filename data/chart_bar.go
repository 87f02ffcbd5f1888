package data

// bar: vertical bars, one per item (charts/bar.go draws it).
func init() {
	registerChart(chartKind{
		name: "bar", doc: "柱状", takes: []string{"data", "highlight"}, needs: [][]string{{"data"}},
		hint:  `a bar chart takes a "data:" list, and optionally highlight:`,
		check: checkBars("- {label: 2019, value: 12}"),
		warn:  oneBar,
	})
}
