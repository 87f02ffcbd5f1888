package data

import (
	"fmt"
	"math"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// Tables and timelines: a section's tables of figures (a district per
// row) and its 大事记.
//
// A table's columns are written as their names, or as a mapping where a
// column needs more: columns: [区县, {name: 刑事案件, unit: 起}, {name: 同比,
// better: lower}]. A name that ends with its unit in brackets (刑事案件（起）,
// Cases (number)) is taken apart the same way, so the cells hold only
// figures. The first column names the rows.
//
// A column holds figures when it says which way is better (better:) or
// asks for bars (bar: true), or, undeclared, when more than half of its filled cells are figures: 1234,
// 1,234, -5.2%, +3.1%. A cell of a column of figures that is not one is an
// error; an empty cell or a dash (—, -, /) means no figure.

// Table is a table of a section.
type Table struct {
	Title   string
	Columns []Column
	Rows    [][]string // the cells as written, a row a list
	Total   bool       // a last row of the columns' sums
	Note    string     // a line under the table: 数据来源：…

	// Source is the spreadsheet rows: {file: …} names; From says where
	// each row read from it came from ("districts.csv row 4"), for
	// messages. Both are empty for rows written in the report.
	Source *Source
	From   []string
}

// Column is one column of a table.
type Column struct {
	Name   string
	Unit   string // printed under the name: 起, %, 万元
	Better string // "lower" or "higher": a column of changes, whose falls (or rises) are good news
	Sum    *bool  // false: the total row leaves the column out (averages, medians); nil is true
	Bar    bool   // a bar beside each figure, as long as it is large
}

// Summed reports whether the total row adds the column up: a column of
// figures, unless it says sum: false or its unit is % or ‰ (a sum of
// rates means nothing).
func (c Column) Summed() bool {
	_, unit := c.Head()
	return (c.Sum == nil || *c.Sum) && unit != "%" && unit != "‰" && unit != "％"
}

// Event is one entry of a timeline.
type Event struct {
	Date string // YYYY-MM-DD, or YYYY-MM for a month
	Text string
}

// Time returns the event's date (the first of its month for YYYY-MM) and
// whether it names the day.
func (e Event) Time() (t time.Time, day bool) {
	if t, err := time.Parse("2006-01-02", e.Date); err == nil {
		return t, true
	}
	t, _ = time.Parse("2006-01", e.Date)
	return t, false
}

// unitRE is a name with its unit in brackets at its end: 刑事案件（起）,
// Cases (number).
var unitRE = regexp.MustCompile(`^(.+?)\s*[（(]([^（()）]+)[)）]$`)

// Head returns the column's name and its unit: the unit given, or the
// one in brackets at the end of its name.
func (c Column) Head() (name, unit string) {
	name, unit = strings.TrimSpace(c.Name), strings.TrimSpace(c.Unit)
	if unit == "" {
		if m := unitRE.FindStringSubmatch(name); m != nil {
			return m[1], m[2]
		}
	}
	return name, unit
}

// figureRE is a figure as a cell holds it: a sign, digits (in groups of
// three with commas, or not), decimals, and a percent or per mille sign.
var figureRE = regexp.MustCompile(`^[-+−]?(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?[%‰]?$`)

// figureMarks strips what strconv does not read from a figure: group
// commas, the percent and per mille signs, a plus; and writes a minus sign
// as a hyphen.
var figureMarks = strings.NewReplacer(",", "", "%", "", "‰", "", "−", "-", "+", "")

// Figure reads a table cell as a figure: 1234, 1,234, -5.2%, +3.1‰.
func Figure(cell string) (float64, bool) {
	s := strings.TrimSpace(cell)
	if !figureRE.MatchString(s) {
		return 0, false
	}
	s = figureMarks.Replace(s)
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil && !math.IsInf(v, 0)
}

// Blank reports whether a cell holds no figure: empty, or a dash.
func Blank(cell string) bool {
	switch strings.TrimSpace(cell) {
	case "", "-", "—", "——", "–", "－", "/", "…":
		return true
	}
	return false
}

// isRate reports whether a figure is a share: 5.2%, 3‰.
func isRate(cell string) bool {
	s := strings.TrimSpace(cell)
	return strings.HasSuffix(s, "%") || strings.HasSuffix(s, "‰")
}

// Numeric reports, for each column, whether it holds figures: declared
// by better: or bar:, or more than half of its filled cells are figures.
func (t Table) Numeric() []bool {
	out := make([]bool, len(t.Columns))
	for j, c := range t.Columns {
		if c.Better != "" || c.Bar {
			out[j] = true
			continue
		}
		filled, figures := 0, 0
		for _, row := range t.Rows {
			if j >= len(row) || Blank(row[j]) {
				continue
			}
			filled++
			if _, ok := Figure(row[j]); ok {
				figures++
			}
		}
		out[j] = figures*2 > filled
	}
	return out
}

// Totals returns the cells of the total row: label in the first column,
// and under each column of figures their sum, written with the most
// decimals of the column (and its thousands commas, if it uses them). A
// column of shares or changes in % gets no total (a sum of rates means
// nothing; so does a column whose unit is %), nor does a column that
// says sum: false, nor a column of text.
func (t Table) Totals(label string) []string {
	out := make([]string, len(t.Columns))
	if len(out) == 0 {
		return out
	}
	num := t.Numeric()
	for j := range t.Columns {
		if j == 0 || !num[j] || !t.Columns[j].Summed() {
			continue
		}
		sum, decimals, commas, rate, any := 0.0, 0, false, false, false
		for _, row := range t.Rows {
			if j >= len(row) {
				continue
			}
			v, ok := Figure(row[j])
			if !ok {
				continue
			}
			any = true
			s := strings.TrimSpace(row[j])
			rate = rate || isRate(s)
			commas = commas || strings.Contains(s, ",")
			if k := strings.IndexByte(s, '.'); k >= 0 {
				decimals = max(decimals, len(strings.TrimRight(s[k+1:], "%‰")))
			}
			sum += v
		}
		if !any || rate {
			continue
		}
		out[j] = figureText(sum, decimals, commas)
	}
	out[0] = label
	return out
}

// figureText writes v with decimals, grouped by thousands with commas.
func figureText(v float64, decimals int, commas bool) string {
	s := strconv.FormatFloat(v, 'f', decimals, 64)
	if !commas {
		return s
	}
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	whole, frac, _ := strings.Cut(s, ".")
	var b strings.Builder
	for i, r := range whole {
		if i > 0 && (len(whole)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString("." + frac)
	}
	return sign + b.String()
}

// table checks a table: it has columns, every row has a cell for each,
// the cells of a column of figures are figures (all with % or none).
func (v *validator) table(path string, t Table) {
	if v.r.hadError(path + ".rows") {
		return
	}
	rowAt := func(i int) string {
		if t.Source != nil {
			return path + ".rows"
		}
		return fmt.Sprintf("%s.rows[%d]", path, i)
	}
	where := func(i int) string { // a row read from a file: where it is
		if i < len(t.From) {
			return t.From[i] + ": "
		}
		return ""
	}
	if len(t.Columns) == 0 {
		if t.Source == nil {
			v.add(path+".columns", `this table has no columns; add a line like "columns: [区县, 刑事案件（起）, 同比]" with the name of each column`)
		}
		return
	}
	for j, c := range t.Columns {
		if strings.TrimSpace(c.Name) == "" {
			v.add(fmt.Sprintf("%s.columns[%d]", path, j), "this column has no name; write its name, e.g. 刑事案件（起）")
		}
	}
	if len(t.Rows) == 0 {
		if t.Source == nil {
			v.add(path+".rows", `this table has no rows; add "rows:" with a row per line, like "- [海曙区, 1234, -5.2%%]"`)
		}
		return
	}
	var names []string
	for _, c := range t.Columns {
		names = append(names, c.Name)
	}
	bad := false
	for i, row := range t.Rows {
		if len(row) != len(t.Columns) {
			fix := "add the missing cells (write — for no figure)"
			if len(row) > len(t.Columns) {
				fix = `remove the extra cells, or add their column to "columns:"`
				if f := commaFigure(row); f != "" {
					fix = fmt.Sprintf(`%s was read as two cells, for in [ ] a comma separates cells: write %s, or put it in quotes: "%s"`, f, strings.ReplaceAll(f, ",", ""), f)
				}
			}
			v.add(rowAt(i), "%srow %d has %d cell%s, but the table has %d columns (%s); %s", where(i), i+1, len(row), plural(len(row)), len(t.Columns), strings.Join(names, ", "), fix)
			bad = true
		}
	}
	if bad {
		return
	}
	num := t.Numeric()
	for j, c := range t.Columns {
		if !num[j] {
			continue
		}
		name, _ := c.Head()
		rates, plain := 0, 0
		for i, row := range t.Rows {
			cell := strings.TrimSpace(row[j])
			at := rowAt(i)
			if t.Source == nil {
				at = fmt.Sprintf("%s[%d]", at, j)
			}
			if Blank(cell) {
				continue
			}
			if _, ok := Figure(cell); !ok {
				why := "whose other cells are figures"
				switch {
				case c.Better != "":
					why = "which says better: " + c.Better
				case c.Bar:
					why = "which says bar: true"
				}
				fix := "write a plain figure like 1234 or -5.2%, or — for no figure"
				switch strings.ToLower(cell) {
				case "持平", "不变", "无变化", "unchanged", "flat", "no change":
					fix = "write 0 for no change (or — for no figure)"
				}
				if m := numLikeRE.FindString(cell); m != "" && len(m) < len(cell) {
					if _, ok := Figure(strings.TrimSpace(m)); ok && !strings.ContainsAny(cell[len(m):], "0123456789") {
						fix = fmt.Sprintf("write %s and put %q in the column's name, in brackets: %s（%s）", strings.TrimSpace(m), strings.TrimSpace(cell[len(m):]), name, strings.TrimSpace(cell[len(m):]))
					}
				}
				v.add(at, "%s%q is not a figure, in column %q %s; %s", where(i), cell, c.Name, why, fix)
				continue
			}
			if x, _ := Figure(cell); c.Bar && x < 0 {
				v.add(at, "%s%s is below zero, in column %q which says bar: true; a bar shows a size from zero: remove bar: true, or write the size and mark the fall with a column of changes (better: lower)", where(i), cell, c.Name)
			}
			if isRate(cell) {
				rates++
			} else {
				plain++
			}
		}
		if rates > 0 && plain > 0 {
			v.add(fmt.Sprintf("%s.columns[%d]", path, j), "column %q mixes figures with %% and without; write every figure of it with %% (or none), or put %% in the column's name", c.Name)
		}
	}
	if t.Total {
		any := false
		for j := 1; j < len(num); j++ {
			any = any || num[j] && t.Columns[j].Summed()
		}
		if !any {
			v.add(path+".total", "total: true, but no column after the first holds figures to add up (columns of %% and those with sum: false are not added up); remove the line")
		}
	}
}

// event checks a timeline's entry: its date is a real date.
func (v *validator) event(path string, e Event) {
	d := strings.TrimSpace(e.Date)
	if d == "" || !patterns[eventDatePattern].MatchString(d) {
		return // the table's rules say it
	}
	layout := "2006-01-02"
	if len(d) == len("2006-01") {
		layout = "2006-01"
	}
	if _, err := time.Parse(layout, d); err != nil {
		v.add(path+".date", "%q is not a real date; check the month (1 to 12) and the day (the month has fewer days), e.g. 2025-01-23", e.Date)
	}
}

// eventDatePattern is a timeline date: YYYY-MM-DD, or YYYY-MM.
const eventDatePattern = `^\d{4}-\d{2}(-\d{2})?$`

// fromRows fills a table's rows (and, when the report names none, its
// columns: the file's first row) from spreadsheet rows. With columns
// given, a first row that is not figures where the columns hold them is
// the file's header, and is skipped.
func (t *Table) fromRows(rows [][]cell, where string, fail func(format string, args ...any) *Error) *Error {
	var body [][]cell
	for _, row := range rows {
		for _, x := range row {
			if strings.TrimSpace(x.text) != "" {
				body = append(body, row)
				break
			}
		}
	}
	if len(body) == 0 {
		return fail("%s holds no rows; put the table in it with its header in the first row", where)
	}
	text := func(row []cell) []string {
		out := make([]string, len(row))
		for i, x := range row {
			out[i] = strings.TrimSpace(x.text)
		}
		// trailing empty cells of a sheet's row are not cells of the table
		for len(out) > 0 && out[len(out)-1] == "" && len(out) > len(t.Columns) {
			out = out[:len(out)-1]
		}
		return out
	}
	if len(t.Columns) == 0 {
		for _, name := range text(body[0]) {
			t.Columns = append(t.Columns, Column{Name: name})
		}
		body = body[1:]
	} else {
		header := true
		for _, x := range body[0][min(1, len(body[0])):] {
			if _, ok := Figure(x.text); ok {
				header = false
			}
		}
		if header && len(body) > 1 {
			body = body[1:]
		}
	}
	if len(body) == 0 {
		return fail("%s has a header row but no rows below it", where)
	}
	for _, row := range body {
		t.Rows = append(t.Rows, text(row))
		t.From = append(t.From, fmt.Sprintf("%s, row %d", where, row[0].row))
	}
	return nil
}

// diffTables lists what changed in a section's tables (matched by title,
// else by position): their fields, their columns', and their cells (rows
// matched by their first cell).
func diffTables(a, b []Table) []Change {
	var cs []Change
	walk(a, b, pair(len(a), len(b), func(i, j int) bool { return a[i].Title == b[j].Title }),
		func(_ int, t Table) { cs = append(cs, Change{What: ChangeTable, Label: t.Title, New: t.Title}) },
		func(_ int, o, t Table) {
			for _, c := range fieldChanges(&tableObj, reflect.ValueOf(o), reflect.ValueOf(t), "rows") {
				c.What, c.Label = ChangeTable, t.Title
				cs = append(cs, c)
			}
			for k := range min(len(o.Columns), len(t.Columns)) {
				for _, c := range fieldChanges(&columnObj, reflect.ValueOf(o.Columns[k]), reflect.ValueOf(t.Columns[k])) {
					c.What, c.Label, c.Item = ChangeTable, t.Title, fmt.Sprintf("第%d列%s", k+1, c.Item)
					cs = append(cs, c)
				}
			}
			cs = append(cs, diffRows(t.Title, o, t)...)
		},
		func(_ int, t Table) { cs = append(cs, Change{What: ChangeTable, Label: t.Title, Old: t.Title}) })
	return cs
}

// diffRows lists the cells that changed, and the rows added or removed.
func diffRows(title string, a, b Table) []Change {
	label := func(row []string) string { return cellAt(row, 0) }
	column := func(t Table, k int) string {
		if k < len(t.Columns) {
			n, _ := t.Columns[k].Head()
			return n
		}
		return fmt.Sprintf("第%d列", k+1)
	}
	var cs []Change
	walk(a.Rows, b.Rows, pair(len(a.Rows), len(b.Rows), func(i, j int) bool { return label(a.Rows[i]) == label(b.Rows[j]) }),
		func(_ int, row []string) {
			cs = append(cs, Change{What: ChangeTable, Label: title, Item: "行", New: strings.Join(row, " ")})
		},
		func(_ int, old, row []string) {
			for k := range max(len(old), len(row)) {
				if ov, nv := cellAt(old, k), cellAt(row, k); ov != nv {
					cs = append(cs, Change{What: ChangeTable, Label: title, Item: label(row) + "·" + column(b, k), Old: ov, New: nv})
				}
			}
		},
		func(_ int, row []string) {
			cs = append(cs, Change{What: ChangeTable, Label: title, Item: "行", Old: strings.Join(row, " ")})
		})
	return cs
}

func cellAt(row []string, k int) string {
	if k < len(row) {
		return row[k]
	}
	return ""
}

// diffTimeline lists the entries of a timeline added, removed or changed
// (matched by date and text, then by date, then by position).
func diffTimeline(a, b []Event) []Change {
	var cs []Change
	m := pair(len(a), len(b),
		func(i, j int) bool { return a[i] == b[j] },
		func(i, j int) bool { return a[i].Date == b[j].Date })
	walk(a, b, m,
		func(_ int, e Event) { cs = append(cs, Change{What: ChangeEvent, Label: e.Date, New: e.Text}) },
		func(_ int, o, e Event) {
			if o != e {
				label := e.Date
				if o.Date != e.Date {
					label = o.Date + " → " + e.Date
				}
				cs = append(cs, Change{Kind: Changed, What: ChangeEvent, Label: label, Old: o.Text, New: e.Text})
			}
		},
		func(_ int, e Event) { cs = append(cs, Change{What: ChangeEvent, Label: e.Date, Old: e.Text}) })
	return cs
}

// commaFigure returns the first figure of a row that a comma split in
// two ("1,234" read as 1 and 234), or "".
func commaFigure(row []string) string {
	for k := 1; k < len(row); k++ {
		a, b := strings.TrimSpace(row[k-1]), strings.TrimSpace(row[k])
		if _, ok := Figure(a); ok && len(b) >= 3 && strings.Trim(b[:3], "0123456789") == "" {
			if _, ok := Figure(a + "," + b); ok {
				return a + "," + b
			}
		}
	}
	return ""
}

// timelineOrder warns of an entry whose date runs against the timeline's
// order (the way its first and last dates go): a 大事记 is in time order,
// so such a date is most likely mistyped (2025-12 for 2025-02).
func timelineOrder(path string, es []Event, add func(path, format string, args ...any)) {
	var ts []time.Time
	for _, e := range es {
		t, _ := e.Time()
		if t.IsZero() {
			return // a date that is not one: Validate says so
		}
		ts = append(ts, t)
	}
	if len(ts) < 3 {
		return
	}
	forward := !ts[len(ts)-1].Before(ts[0])
	wrong := func(a, b int) bool { return !ts[a].Equal(ts[b]) && ts[b].Before(ts[a]) == forward }
	dir := "forward"
	if !forward {
		dir = "backward"
	}
	for k := 1; k < len(ts); k++ {
		if !wrong(k-1, k) {
			continue
		}
		// the entry out of place: the one before, when the order holds
		// without it (01-05, 12-10, 03-01: the 12-10), else this one
		odd, other := k, k-1
		if k >= 2 && !wrong(k-2, k) {
			odd, other = k-1, k
		}
		add(fmt.Sprintf("%s[%d].date", path, odd), "%s is out of the order of the timeline, which runs %s in time (%s is next to it); check the date, or move the entry", es[odd].Date, dir, es[other].Date)
	}
}
