package data

// progress: one share as a filled track; it may pass the whole
// (over-fulfilment) (charts/progress.go draws it).
func init() {
	registerChart(chartKind{
		name: "progress", doc: "进度条", takes: []string{"value", "total", "percent"}, needs: [][]string{{"percent"}, {"value", "total"}},
		hint:  "a progress chart shows one share: give value: and total:, or percent:",
		check: func(v *validator, path string, c Chart) { v.fraction(path, c, true) },
		notes: fractionNotes(true),
	})
}
