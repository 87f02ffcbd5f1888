package data

// hbar: horizontal bars, one per item, for long labels and many items
// (charts/hbar.go draws it).
func init() {
	registerChart(chartKind{
		name: "hbar", doc: "条形", takes: []string{"data", "highlight"}, needs: [][]string{{"data"}},
		hint:  `an hbar chart takes a "data:" list, and optionally highlight:`,
		check: checkBars("- {label: 电信网络诈骗, value: 683}"),
		warn:  oneBar,
	})
}
