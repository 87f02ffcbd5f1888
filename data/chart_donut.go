package data

// donut: one share as a ring, the percentage in the middle; it may pass
// the whole (over-fulfilment) (charts/donut.go draws it).
func init() {
	registerChart(chartKind{
		name: "donut", doc: "环形", takes: []string{"value", "total", "percent"}, needs: [][]string{{"percent"}, {"value", "total"}},
		hint:  "a donut chart shows one share: give value: and total:, or percent:",
		check: func(v *validator, path string, c Chart) { v.fraction(path, c, true) },
		notes: fractionNotes(true),
	})
}
