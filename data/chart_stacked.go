package data

// stacked: the parts of a whole side by side in one 100 % bar
// (charts/stacked.go draws it).
func init() {
	registerChart(sharesKind("stacked", "百分比堆积条", "- {label: 110电话, value: 71.4}"))
}
