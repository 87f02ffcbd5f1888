package charts

// area: a line chart (line.go) with the area between each line and the
// baseline filled in a tint of the line's colour, for a trend of an amount.

func init() { register("area", trendKind(true)) }
