package data

import (
	"fmt"
	"math"
	"reflect"
	"slices"
	"strings"

	"github.com/brochure-dev/brochure/number"
)

// Chart kinds are a registry, as image.RegisterFormat keeps image formats:
// each kind is one file here, chart_<name>.go, that registers what the
// format knows of it — its name, what it is (for the schema and messages),
// the fields it takes, the fields it needs and the checks its data must
// pass. Validate, Schema and CheckChart only look kinds up. Package charts
// draws the same kinds, one file each (charts/<name>.go), and its tests
// keep the two lists equal. Adding a kind touches those two files and
// docs/format.md.

// chartKind is one kind of chart as the format knows it.
type chartKind struct {
	name  string     // the value of type:
	doc   string     // what it is, for the schema: "柱状"
	takes []string   // the chart fields it takes besides chartCommon
	needs [][]string // the schema's required fields: any one of these sets
	hint  string     // what to write instead when it is given a field it does not take
	// series: its points always carry one value per series (grouped); a
	// spreadsheet gives it one column a series
	series bool
	check  func(v *validator, path string, c Chart)
	// notes say what a field it takes means for it where the field's own
	// doc does not say it all ("value": "可以大于 total"); the schema sets
	// them after the kinds' names.
	notes map[string]string
	// over: its share may pass the whole (over-fulfilment); fractionKind
	// sets it
	over bool
	// warn, when set, says what a valid chart of the kind prints but
	// should probably not (Report.Warnings), at the chart's field path
	// ("" on the chart itself), or "" for nothing.
	warn func(c Chart) (field, msg string)
}

// oneBar is the warning of a kind of bars (bar, hbar): one bar says
// nothing a key figure would not, and takes a chart's room to say it.
func oneBar(c Chart) (string, string) {
	if len(c.Data) != 1 {
		return "", ""
	}
	d := c.Data[0]
	unit := d.Unit
	if unit == "" {
		unit = c.Unit
	}
	stat := "{value: " + d.Value.Text
	if unit != "" {
		stat += ", unit: " + unit
	}
	return "data", fmt.Sprintf("this %s chart of one bar says nothing a key figure would not: make it one (a stat: %s, label: %s}) and remove the chart", c.Type, stat, d.Label)
}

// checkBars is the check of a kind of bars, one per item (bar, hbar): a
// list of values, one each, and a highlight that names one of them;
// example is one item as it is written.
func checkBars(example string) func(v *validator, path string, c Chart) {
	return func(v *validator, path string, c Chart) {
		if v.points(path, c, false, example) {
			v.highlight(path, c)
		}
	}
}

// sharesKind is a kind that shows the parts of a whole (pie, stacked): a
// list of values, one each, that are shares of it, and optionally the
// total they make up. example is one item as it is written.
func sharesKind(name, doc, example string) chartKind {
	return chartKind{
		name: name, doc: doc, takes: []string{"data", "total"}, needs: [][]string{{"data"}},
		hint: fmt.Sprintf("a %s chart takes data: (and optionally total:)", name),
		check: func(v *validator, path string, c Chart) {
			if v.points(path, c, false, example) {
				v.shares(path, c)
			}
		},
		notes: map[string]string{"total": "各项之和"},
	}
}

// fractionKind is a kind that shows one share of a whole (donut,
// progress, waffle): value and total, or percent; over: the share may
// pass the whole (over-fulfilment).
func fractionKind(name, doc string, over bool) chartKind {
	notes := map[string]string{"total": "部分所属的总数，大于 0", "value": "不大于 total", "percent": "在 0 到 100 之间"}
	if over {
		notes = map[string]string{"total": "部分所属的总数，大于 0", "value": "可以大于 total（超额完成，印成 108%）", "percent": "可以超过 100（超额完成）"}
	}
	return chartKind{
		name: name, doc: doc, takes: []string{"value", "total", "percent"}, needs: [][]string{{"percent"}, {"value", "total"}},
		hint:  fmt.Sprintf("a %s chart shows one share: give value: and total:, or percent:", name),
		check: func(v *validator, path string, c Chart) { v.fraction(path, c, over) },
		notes: notes,
		over:  over,
	}
}

// chartCommon are the fields every kind takes.
var chartCommon = []string{"type", "title", "unit", "prefix", "format", "decimals", "note", "alt"}

var chartKinds []chartKind

// registerChart adds a kind; each chart_<name>.go calls it from init.
func registerChart(k chartKind) {
	for _, f := range k.takes {
		if _, ok := chartField(f); !ok {
			panic(fmt.Sprintf("data: chart kind %s takes %q, which is not a chart field", k.name, f))
		}
	}
	i, found := slices.BinarySearchFunc(chartKinds, k.name, func(a chartKind, name string) int { return strings.Compare(a.name, name) })
	if found {
		panic("data: chart kind registered twice: " + k.name)
	}
	chartKinds = slices.Insert(chartKinds, i, k)
	chartTypes = slices.Insert(chartTypes, i, k.name)
}

// chartTypes are the kinds' names, in alphabetical order.
var chartTypes []string

// ChartKinds returns the names of the chart kinds, in alphabetical order.
func ChartKinds() []string { return slices.Clone(chartTypes) }

func chartKindOf(name string) (chartKind, bool) {
	for _, k := range chartKinds {
		if k.name == name {
			return k, true
		}
	}
	return chartKind{}, false
}

// chartField is the entry of the chart's field table with the given key.
func chartField(key string) (field, bool) {
	for _, f := range chartObj.fields {
		if f.key == key {
			return f, true
		}
	}
	return field{}, false
}

// has reports whether chart c was given the field key.
func (c Chart) has(key string) bool {
	if key == "data" {
		return len(c.Data) > 0 || c.Source != nil
	}
	f, _ := chartField(key)
	return !reflect.ValueOf(c).FieldByName(f.goName).IsZero()
}

// typeDoc is the schema's text for type:, from the kinds.
func typeDoc() string {
	var b strings.Builder
	b.WriteString("图表类型：")
	for i, k := range chartKinds {
		if i > 0 {
			b.WriteString("、")
		}
		fmt.Fprintf(&b, "%s（%s）", k.name, k.doc)
	}
	return b.String()
}

// chart checks one chart: what every kind shares (format, type), the
// fields its kind does not take, then the kind's own checks.
func (v *validator) chart(path string, c Chart) {
	if c.Format != "" && !slices.Contains(number.Styles, c.Format) {
		v.add(path+".format", "%q is not a number format; write wan (3079.3万), yi (1.01亿) or auto, or leave the line out to print numbers as written%s", c.Format, Suggest(c.Format, number.Styles))
	} else {
		v.ratio(path, c.Format, c.Unit)
	}
	k, ok := chartKindOf(c.Type)
	switch {
	case c.Type == "":
		v.add(path+".type", `this chart has no type; add "type:" with one of %s`, strings.Join(chartTypes, ", "))
		return
	case !ok:
		v.add(path+".type", "unknown chart type %q%s; use one of %s", c.Type, Suggest(c.Type, chartTypes), strings.Join(chartTypes, ", "))
		return
	}
	for _, f := range chartObj.fields {
		if slices.Contains(chartCommon, f.key) || slices.Contains(k.takes, f.key) || !c.has(f.key) {
			continue
		}
		v.add(path+"."+f.key, "%s: is only for %s; remove it (%s)", f.key, kindsTaking(f.key), k.hint)
	}
	k.check(v, path, c)
}

// overKinds names the kinds whose share may pass the whole: "a donut or
// progress chart".
func overKinds() string {
	return kindsWhere(func(k chartKind) bool { return k.over })
}

// kindsTaking names the kinds that take a field: "a grouped chart", "an
// area or line chart".
func kindsTaking(key string) string {
	return kindsWhere(func(k chartKind) bool { return slices.Contains(k.takes, key) })
}

// kindsWhere names the kinds that pass test as one choice, "a bar, grouped
// or line chart", or "no chart".
func kindsWhere(test func(chartKind) bool) string {
	var names []string
	for _, k := range chartKinds {
		if test(k) {
			names = append(names, k.name)
		}
	}
	if len(names) == 0 {
		return "no chart"
	}
	s := either(names)
	if strings.ContainsRune("aeiou", rune(s[0])) {
		return "an " + s + " chart"
	}
	return "a " + s + " chart"
}

// either lists names as choices: "a", "a or b", "a, b or c".
func either(names []string) string {
	if len(names) < 2 {
		return strings.Join(names, "")
	}
	return strings.Join(names[:len(names)-1], ", ") + " or " + names[len(names)-1]
}

// CheckChart reports what stops chart c from being drawn: the checks of
// Validate, without positions. Package charts calls it before drawing a
// chart built in code, so the rules stay written once.
func CheckChart(c Chart) error {
	v := &validator{r: &Report{}}
	v.chart("chart", c)
	return v.errs.err()
}

// withKinds completes a chart field's schema from the kinds (the field
// table is built before the kinds register, and names no kind): type's
// values and text; a field some kinds take is led by their names, and
// followed by what it means for those that say more (notes).
func withKinds(f field) field {
	if f.key == "type" {
		f.doc, f.enum = typeDoc(), chartTypes
		return f
	}
	if slices.Contains(chartCommon, f.key) {
		return f
	}
	var taking []string
	var notes []string              // in kind order
	byNote := map[string][]string{} // note → the kinds that give it
	for _, k := range chartKinds {
		if !slices.Contains(k.takes, f.key) {
			continue
		}
		taking = append(taking, k.name)
		if n := k.notes[f.key]; n != "" {
			if byNote[n] == nil {
				notes = append(notes, n)
			}
			byNote[n] = append(byNote[n], k.name)
		}
	}
	doc := strings.Join(taking, "、") + "：" + f.doc
	for _, n := range notes {
		doc += "；" + strings.Join(byNote[n], "、") + "：" + n
	}
	f.doc = doc
	return f
}

// chartNeeds is the schema's piece for the kinds: for each set of kinds
// that need and take the same fields (in kind order), "if type is one of
// them, then these fields are required and the fields they do not take
// are refused", so an editor marks better: on a bar chart as it is typed.
func chartNeeds() []any {
	var out []any
	done := map[string]bool{}
	key := func(k chartKind) string { return fmt.Sprint(k.needs, k.takes) }
	for _, k := range chartKinds {
		if done[key(k)] {
			continue
		}
		done[key(k)] = true
		var names []string
		for _, o := range chartKinds {
			if key(o) == key(k) {
				names = append(names, o.name)
			}
		}
		var then ordered
		switch len(k.needs) {
		case 0:
		case 1:
			then = ordered{{"required", k.needs[0]}}
		default:
			var any []any
			for _, n := range k.needs {
				any = append(any, ordered{{"required", n}})
			}
			then = ordered{{"anyOf", any}}
		}
		var refused ordered
		for _, f := range chartObj.fields {
			if !slices.Contains(chartCommon, f.key) && !slices.Contains(k.takes, f.key) {
				refused = append(refused, kv{f.key, false})
			}
		}
		if len(refused) > 0 {
			then = append(then, kv{"properties", refused})
		}
		out = append(out, ordered{
			{"if", ordered{{"properties", ordered{{"type", ordered{{"enum", names}}}}}, {"required", []string{"type"}}}},
			{"then", then},
		})
	}
	return out
}

// ---- checks the kinds share ----

// points checks data: a list of labelled points with one value each, or
// (series) one value per series. It reports whether every value is there
// and finite. example is how an item is written, for the message when
// there is none.
func (v *validator) points(path string, c Chart, series bool, example string) bool {
	if len(c.Data) == 0 {
		v.add(path+".data", `a %s chart needs data; add a "data:" list of items like "%s", or data: {file: data.csv}`, c.Type, example)
		return false
	}
	if series && len(c.Series) == 0 {
		v.add(path+".series", `a %s chart needs the names of its series, e.g. series: [2019年, 2020年]`, c.Type)
	}
	for i, s := range c.Series {
		if strings.TrimSpace(s) == "" {
			v.add(fmt.Sprintf("%s.series[%d]", path, i), "this series has no name; write the name shown in the legend")
		}
	}
	ok := true
	for i, p := range c.Data {
		pp := fmt.Sprintf("%s.data[%d]", path, i)
		if strings.TrimSpace(p.Label) == "" {
			v.add(pp+".label", `this data item has no label; add "label:" with the text shown next to it`)
		}
		if series {
			if p.Value.Text != "" {
				v.add(pp+".value", "a %s chart with series takes values: [..] (one per series), not value:", c.Type)
				ok = false
				continue
			}
			if len(p.Values) != len(c.Series) && len(c.Series) > 0 {
				v.add(pp+".values", "%s", at(p, fmt.Sprintf("%d values for %d series (%s); give one value per series, in the order of series:", len(p.Values), len(c.Series), strings.Join(c.Series, ", "))))
				ok = false
			}
			for k, n := range p.Values {
				ok = v.finite(fmt.Sprintf("%s.values[%d]", pp, k), n, p) && ok
			}
			continue
		}
		if len(p.Values) > 0 {
			v.add(pp+".values", "values: [..] is for charts with series (grouped, line, area); give this %s chart one value: per item", c.Type)
		}
		if p.Value.Text == "" {
			v.add(pp+".value", `this data item has no value; add "value:" with its number`)
			ok = false
			continue
		}
		ok = v.finite(pp+".value", p.Value, p) && ok
	}
	return ok
}

// shares checks that the points of a pie or stacked chart are parts of a
// whole: none negative, adding up to the total if given, to 100 for
// percentages, to more than zero otherwise.
func (v *validator) shares(path string, c Chart) {
	sum, decimals, ok := 0.0, 0, true
	for i, p := range c.Data {
		if p.Value.Value < 0 {
			v.add(fmt.Sprintf("%s.data[%d].value", path, i), "%s", at(p, fmt.Sprintf("shares cannot be negative (%s); use a bar chart for figures that can go below zero", p.Value.Text)))
			ok = false
		}
		sum += p.Value.Value
		decimals = max(decimals, number.Decimals(p.Value.Text))
	}
	if !ok || v.r.hadError(path+".data") {
		return
	}
	// "Within rounding": each share may be off by half its last digit.
	tol := float64(len(c.Data)) * 0.5 * math.Pow(10, -float64(decimals))
	switch {
	case c.Total != nil:
		if !v.finite(path+".total", *c.Total, Point{}) {
			return
		}
		if c.Total.Value <= 0 {
			v.add(path+".total", "total must be greater than 0, not %s", c.Total.Text)
			return
		}
		if math.Abs(sum-c.Total.Value) > tol+1e-9 {
			v.add(path+".data", "the shares add up to %s, not the total %s; correct the figures (or the total) so they make up the whole", trimFloat(sum), c.Total.Text)
		}
	case c.Unit == "%":
		if math.Abs(sum-100) > tol+1e-9 {
			if sum < 100 {
				v.add(path+".data", "the percentages add up to %s%%, not 100%%; correct them, or add an item for the rest (e.g. {label: 其他, value: %s})", trimFloat(sum), trimFloat(100-sum))
			} else {
				v.add(path+".data", `the percentages add up to %s%%, not 100%%; check the figures (an item may be counted twice), or, if they are counts rather than percentages, remove unit: "%%"`, trimFloat(sum))
			}
		}
	default:
		if sum <= 0 {
			v.add(path+".data", "the values of this %s chart add up to %s; shares need a positive total", c.Type, trimFloat(sum))
		}
	}
}

// fraction checks a one-share chart: percent, or value and total. With
// over, the share may pass the whole (over-fulfilment: 65 of a target of
// 60 is 108 %); without, it stays within 0..100 %.
func (v *validator) fraction(path string, c Chart, over bool) {
	if c.Percent != nil {
		if c.Value != nil || c.Total != nil {
			v.add(path+".percent", "give either percent or value and total, not both; remove the percent line or the value/total lines")
		}
		if v.finite(path+".percent", *c.Percent, Point{}) {
			switch {
			case c.Percent.Value < 0:
				v.add(path+".percent", "%s is negative; write the percentage without the %% sign, e.g. percent: 98.5", c.Percent.Text)
			case !over && c.Percent.Value > 100:
				v.add(path+".percent", "%s is outside 0..100; write the percentage without the %% sign, e.g. percent: 98.5 (%s can show more than 100)", c.Percent.Text, overKinds())
			case c.Percent.Value > maxOver*100:
				v.add(path+".percent", "%s is more than %d times the whole; check the figure (write the percentage without the %% sign, e.g. percent: 108)", c.Percent.Text, maxOver)
			}
		}
		return
	}
	switch {
	case c.Value == nil && c.Total == nil:
		v.add(path, `a %s chart needs "percent:" (0 to 100), or "value:" and "total:"`, c.Type)
	case c.Value == nil:
		v.add(path+".value", `this %s chart has a total but no value; add "value:"`, c.Type)
	case c.Total == nil:
		v.add(path+".total", `this %s chart has a value but no total; add "total:", or use "percent:" instead`, c.Type)
	default:
		okV := v.finite(path+".value", *c.Value, Point{})
		okT := v.finite(path+".total", *c.Total, Point{})
		switch {
		case !okV || !okT:
		case c.Total.Value <= 0:
			v.add(path+".total", "total must be greater than 0, not %s", c.Total.Text)
		case c.Value.Value < 0:
			v.add(path+".value", "value %s is negative; give the part of the total that is done", c.Value.Text)
		case !over && c.Value.Value > c.Total.Value:
			v.add(path+".value", "value %s must be between 0 and the total %s (%s can show more than the total)", c.Value.Text, c.Total.Text, overKinds())
		case c.Value.Value > maxOver*c.Total.Value:
			v.add(path+".value", "value %s is more than %d times the total %s; check the figures (are value and total swapped?)", c.Value.Text, maxOver, c.Total.Text)
		}
	}
}

// maxOver is how many times the whole an over-fulfilled share may be: more
// is a typing error.
const maxOver = 3
