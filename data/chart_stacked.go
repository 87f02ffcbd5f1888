package data

// stacked: the parts of a whole side by side in one 100 % bar
// (charts/stacked.go draws it).
func init() {
	registerChart(chartKind{
		name: "stacked", doc: "百分比堆积条", takes: []string{"data", "total"}, needs: [][]string{{"data"}},
		hint:  "a stacked chart takes data: (and optionally total:)",
		check: checkShares("- {label: 110电话, value: 71.4}"),
		notes: sharesNotes,
	})
}
