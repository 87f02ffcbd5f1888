package data

// progress: one share as a filled track; it may pass the whole
// (over-fulfilment) (charts/progress.go draws it).
func init() {
	registerChart(fractionKind("progress", "进度条", true))
}
