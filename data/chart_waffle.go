package data

// waffle: one share as filled cells of a 10×10 grid, so within the whole
// (charts/waffle.go draws it).
func init() {
	registerChart(fractionKind("waffle", "百格图", false))
}
