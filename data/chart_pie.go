package data

// pie: the parts of a whole as slices (charts/pie.go draws it).
func init() {
	registerChart(chartKind{
		name: "pie", doc: "饼图", takes: []string{"data", "total"}, needs: [][]string{{"data"}},
		hint:  "a pie chart takes data: (and optionally total:)",
		check: checkShares("- {label: 产业扶贫, value: 1260}"),
		notes: sharesNotes,
	})
}
