package data

// waffle: one share as filled cells of a 10×10 grid, so within the whole
// (charts/waffle.go draws it).
func init() {
	registerChart(chartKind{
		name: "waffle", doc: "百格图", takes: []string{"value", "total", "percent"}, needs: [][]string{{"percent"}, {"value", "total"}},
		hint:  "a waffle chart shows one share: give value: and total:, or percent:",
		check: func(v *validator, path string, c Chart) { v.fraction(path, c, false) },
		notes: fractionNotes(false),
	})
}
