package data

// change: year-over-year changes as arrows and figures, coloured by
// whether the direction is good news (charts/change.go draws it).
func init() {
	registerChart(chartKind{
		name: "change", doc: "同比变化箭头", takes: []string{"data", "better"}, needs: [][]string{{"data"}},
		hint: `a change chart takes "better:" and a "data:" list`,
		check: func(v *validator, path string, c Chart) {
			switch c.Better {
			case "lower", "higher":
			case "":
				v.add(path, `a change chart needs "better: lower" (falling is good news, e.g. accidents) or "better: higher" (rising is good news); it decides the colours`)
			default:
				v.add(path+".better", "%q is not a direction; write lower or higher%s", c.Better, Suggest(c.Better, []string{"lower", "higher"}))
			}
			v.points(path, c, false, "- {label: 事故数, value: -14.98}")
		},
	})
}
