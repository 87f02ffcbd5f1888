package data

// pie: the parts of a whole as slices (charts/pie.go draws it).
func init() {
	registerChart(sharesKind("pie", "饼图", "- {label: 产业扶贫, value: 1260}"))
}
