package data

// donut: one share as a ring, the percentage in the middle; it may pass
// the whole (over-fulfilment) (charts/donut.go draws it).
func init() {
	registerChart(fractionKind("donut", "环形", true))
}
