package data

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

const tableHead = "title: T\nsections:\n  - title: S\n"

func TestTableParse(t *testing.T) {
	src := tableHead + `    tables:
      - title: 各区县警情
        columns: [区县, 刑事案件（起）, {name: 同比, unit: "%", better: lower}]
        rows:
          - [海曙区, 1234, -5.2]
          - [江北区, "1,006", +3.1]
          - [北仑区, —, 0]
        total: true
    timeline:
      - {date: 2025-01-23, text: 召开年度工作会议}
      - {date: 2025-03, text: 开展专项行动}
`
	r, err := Parse("r.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	tb := r.Sections[0].Tables[0]
	wantCols := []Column{{Name: "区县"}, {Name: "刑事案件（起）"}, {Name: "同比", Unit: "%", Better: "lower"}}
	if !reflect.DeepEqual(tb.Columns, wantCols) {
		t.Errorf("columns = %+v", tb.Columns)
	}
	if n, u := tb.Columns[1].Head(); n != "刑事案件" || u != "起" {
		t.Errorf("head of %q = %q, %q", tb.Columns[1].Name, n, u)
	}
	if got := tb.Rows[1]; !reflect.DeepEqual(got, []string{"江北区", "1,006", "+3.1"}) {
		t.Errorf("row 1 = %q", got)
	}
	if got := tb.Numeric(); !reflect.DeepEqual(got, []bool{false, true, true}) {
		t.Errorf("numeric = %v", got)
	}
	// the sum keeps the column's commas; the changes, in %, are not added
	if got := tb.Totals("合计"); !reflect.DeepEqual(got, []string{"合计", "2,240", ""}) {
		t.Errorf("totals = %q", got)
	}
	if e := r.Sections[0].Timeline[1]; e.Date != "2025-03" {
		t.Errorf("event = %+v", e)
	}
	if _, day := r.Sections[0].Timeline[1].Time(); day {
		t.Error("2025-03 names a day")
	}
}

// TestTableTotalsOfRates: a column of %, in its cells or its unit, and
// one that says sum: false get no total.
func TestTableTotalsOfRates(t *testing.T) {
	no := false
	tb := Table{Columns: []Column{{Name: "区"}, {Name: "案件"}, {Name: "同比"}, {Name: "破案率（%）"}, {Name: "平均用时", Sum: &no}},
		Rows: [][]string{{"甲", "10.5", "-5.2%", "90", "3"}, {"乙", "2", "3.1%", "80", "4"}}}
	if got := tb.Totals("合计"); !reflect.DeepEqual(got, []string{"合计", "12.5", "", "", ""}) {
		t.Errorf("totals = %q", got)
	}
}

func TestTableErrors(t *testing.T) {
	cases := []struct {
		name, yaml, want string
	}{
		{"cells", `    tables:
      - columns: [区县, 刑事案件（起）, 同比]
        rows:
          - [海曙区, 1234, -5.2%]
          - [江北区, 1006]
`, "r.yaml:8:13: sections[0].tables[0].rows[1]: row 2 has 2 cells, but the table has 3 columns (区县, 刑事案件（起）, 同比); add the missing cells"},
		{"comma", `    tables:
      - columns: [区县, 刑事案件（起）, 同比]
        rows:
          - [海曙区, 1,234, -5.2%]
`, `1,234 was read as two cells, for in [ ] a comma separates cells: write 1234, or put it in quotes: "1,234"`},
		{"not a figure", `    tables:
      - columns: [区县, 刑事案件（起）]
        rows:
          - [海曙区, 1234]
          - [江北区, 12O6]
          - [北仑区, 99]
`, `r.yaml:8:19: sections[0].tables[0].rows[1][1]: "12O6" is not a figure, in column "刑事案件（起）" whose other cells are figures; write a plain figure like 1234`},
		{"unit in a cell", `    tables:
      - columns: [区县, 刑事案件]
        rows:
          - [海曙区, 1234]
          - [江北区, 1206起]
          - [北仑区, 99]
`, `write 1206 and put "起" in the column's name, in brackets: 刑事案件（起）`},
		{"declared", `    tables:
      - columns: [区县, {name: 同比, better: lower}]
        rows:
          - [海曙区, 持平]
`, `r.yaml:7:19: sections[0].tables[0].rows[0][1]: "持平" is not a figure, in column "同比" which says better: lower; write 0 for no change`},
		{"better", `    tables:
      - columns: [区县, {name: 同比, better: less}]
        rows: [[海曙区, 1]]
`, `r.yaml:5:42: sections[0].tables[0].columns[1].better: "less" is not a direction`},
		{"bar below zero", `    tables:
      - columns: [区县, {name: 增减, bar: true}]
        rows: [[a, 3], [b, -2]]
`, `r.yaml:6:28: sections[0].tables[0].rows[1][1]: -2 is below zero, in column "增减" which says bar: true`},
		{"mixed %", `    tables:
      - columns: [区县, 同比]
        rows: [[a, 1%], [b, 2]]
`, `column "同比" mixes figures with % and without`},
		{"row not a list", `    tables:
      - columns: [区县, 同比]
        rows:
          - 海曙区, 1
`, `r.yaml:7:13: sections[0].tables[0].rows[0]: want a row, a list of cells in brackets`},
		{"no columns", `    tables:
      - rows: [[a, 1]]
`, `sections[0].tables[0].columns: this table has no columns`},
		{"total of nothing", `    tables:
      - {columns: [区县, 名称], rows: [[a, b]], total: true}
`, `total: true, but no column after the first holds figures`},
		{"date", `    timeline:
      - {date: 2025-02-30, text: x}
`, `r.yaml:5:16: sections[0].timeline[0].date: "2025-02-30" is not a real date`},
		{"month", `    timeline:
      - {date: 2025-13, text: x}
`, `"2025-13" is not a real date`},
		{"not a date", `    timeline:
      - {date: 1月23日, text: x}
`, `r.yaml:5:16: sections[0].timeline[0].date: "1月23日" is not a date in the form YYYY-MM-DD`},
		{"no text", `    timeline:
      - date: 2025-01-02
`, `sections[0].timeline[0].text: this entry has no text`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("r.yaml", []byte(tableHead+c.yaml))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("got %v\nwant %s", err, c.want)
			}
		})
	}
}

func TestTableFromFile(t *testing.T) {
	dir := t.TempDir()
	csv := "区县,刑事案件（起）,同比\n海曙区,1234,-5.2%\n江北区,1006,3.1%\n北仑区,x,1%\n"
	if err := os.WriteFile(filepath.Join(dir, "d.csv"), []byte(csv), 0o644); err != nil {
		t.Fatal(err)
	}
	src := tableHead + "    tables:\n      - {title: 警情, rows: {file: d.csv}}\n"
	r, err := Parse(filepath.Join(dir, "r.yaml"), []byte(src))
	if err == nil || !strings.Contains(err.Error(), `r.yaml:5:27: sections[0].tables[0].rows: d.csv, row 4: "x" is not a figure, in column "刑事案件（起）"`) {
		t.Fatalf("got %v", err)
	}
	if got := r.Sections[0].Tables[0].Columns; len(got) != 3 || got[2].Name != "同比" {
		t.Errorf("columns from the header: %+v", got)
	}
	os.WriteFile(filepath.Join(dir, "d.csv"), []byte(strings.Replace(csv, ",x,", ",7,", 1)), 0o644)
	r, err = Parse(filepath.Join(dir, "r.yaml"), []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	var texts []string
	for tx := range r.Texts() {
		if strings.Contains(tx.Path, "tables") {
			texts = append(texts, tx.Value+"@"+tx.From)
		}
	}
	if len(texts) < 10 || texts[len(texts)-1] != "1%@d.csv" {
		t.Errorf("texts of the table: %q", texts)
	}
}

func TestTableDiff(t *testing.T) {
	a := tableHead + "    tables:\n      - {title: 警情, columns: [区, 案件], rows: [[甲, 1], [乙, 2]]}\n    timeline: [{date: 2025-01-02, text: 开会}]\n"
	b := tableHead + "    tables:\n      - {title: 警情, columns: [区, 案件], rows: [[甲, 1], [乙, 3], [丙, 4]]}\n    timeline: [{date: 2025-01-02, text: 开大会}]\n"
	ra, _ := Parse("a.yaml", []byte(a))
	rb, _ := Parse("b.yaml", []byte(b))
	var got []string
	for _, c := range Diff(ra, rb) {
		got = append(got, c.Kind+" "+c.What+" "+c.Label+" "+c.Item+" "+c.Old+"→"+c.New)
	}
	want := []string{"changed table 警情 乙·案件 2→3", "added table 警情 行 →丙 4", "changed event 2025-01-02  开会→开大会"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("diff = %q\nwant %q", got, want)
	}
}

// TestTableFromXLSX: a range of a sheet, with columns: given (their
// header row in the range is skipped).
func TestTableFromXLSX(t *testing.T) {
	dir := t.TempDir()
	f := excelize.NewFile()
	f.NewSheet("分局")
	for i, row := range [][]any{{"标题"}, {}, {"分局", "接警"}, {"海曙", 1200}, {"江北", 980.5}, {"北仑", 700}} {
		for j, v := range row {
			cellName, _ := excelize.CoordinatesToCellName(j+2, i+1)
			f.SetCellValue("分局", cellName, v)
		}
	}
	if err := f.SaveAs(filepath.Join(dir, "s.xlsx")); err != nil {
		t.Fatal(err)
	}
	src := tableHead + "    tables:\n      - {columns: [分局, {name: 接警（起）, bar: true}], rows: {file: s.xlsx, sheet: 分局, range: \"B3:C6\"}, total: true}\n"
	r, err := Parse(filepath.Join(dir, "r.yaml"), []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	tb := r.Sections[0].Tables[0]
	want := [][]string{{"海曙", "1200"}, {"江北", "980.5"}, {"北仑", "700"}}
	if !reflect.DeepEqual(tb.Rows, want) {
		t.Errorf("rows = %q, want %q", tb.Rows, want)
	}
	if got := tb.Totals("合计"); got[1] != "2880.5" {
		t.Errorf("total = %q", got)
	}
	if tb.From[0] != "s.xlsx, sheet 分局, row 4" {
		t.Errorf("from = %q", tb.From)
	}
}

// TestTimelineOrder: a date against the timeline's order is a warning at
// that date; a timeline in reverse order is fine.
func TestTimelineOrder(t *testing.T) {
	for _, c := range []struct{ dates, want string }{
		{"2025-01-05 2025-12-10 2025-03-01 2025-04-02", `r.yaml:6:16: sections[0].timeline[1].date: 2025-12-10 is out of the order of the timeline, which runs forward in time (2025-03-01 is next to it)`},
		{"2025-04-02 2025-03-01 2025-01-05", ""},
		{"2025-01-05 2025-02-10 2025-03-01 2025-01-20", `sections[0].timeline[3].date: 2025-01-20 is out of the order`},
		{"2025-01-05 2025-01-05 2025-02", ""},
	} {
		src := tableHead + "    timeline:\n"
		for _, d := range strings.Fields(c.dates) {
			src += "      - {date: " + d + ", text: x}\n"
		}
		r, err := Parse("r.yaml", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		got := r.Warnings().Error()
		if c.want == "" && strings.Contains(got, "timeline") || c.want != "" && !strings.Contains(got, c.want) {
			t.Errorf("%s: warnings %q, want %q", c.dates, got, c.want)
		}
	}
}

// TestDiffTimeline: entries are matched by date and text, then by date,
// then by position: two entries whose texts both changed and whose order
// changed are each compared with the entry of their own date.
func TestDiffTimeline(t *testing.T) {
	a := []Event{{"2025-01", "一月旧"}, {"2025-02", "二月旧"}}
	b := []Event{{"2025-02", "二月新"}, {"2025-01", "一月新"}}
	cs := diffTimeline(a, b)
	if len(cs) != 2 {
		t.Fatalf("%d changes, want 2: %+v", len(cs), cs)
	}
	for _, c := range cs {
		if c.Kind != Changed || c.Old[:len(c.Old)-3] != c.New[:len(c.New)-3] || strings.Contains(c.Label, "→") {
			t.Errorf("%+v: compared with another date's entry", c)
		}
	}
}

// TestXLSXAsDisplayed: a sheet's numbers read as Excel shows them: a
// General cell without its binary noise (0.0419999999999999 is 0.042, as
// in Excel), a cell with a number format as formatted (1.50).
func TestXLSXAsDisplayed(t *testing.T) {
	dir := t.TempDir()
	f := excelize.NewFile()
	rows := [][]any{{"断面", "总磷"}, {"A", 0.0419999999999999}, {"B", 0.1 + 0.2}, {"C", 318.58064516129}, {"D", 2.5}, {"E", 1.5}}
	for i, row := range rows {
		for j, v := range row {
			cellName, _ := excelize.CoordinatesToCellName(j+1, i+1)
			f.SetCellValue("Sheet1", cellName, v)
		}
	}
	style, _ := f.NewStyle(&excelize.Style{NumFmt: 2}) // 0.00
	f.SetCellStyle("Sheet1", "B6", "B6", style)
	if err := f.SaveAs(filepath.Join(dir, "s.xlsx")); err != nil {
		t.Fatal(err)
	}
	src := tableHead + "    tables:\n      - {rows: {file: s.xlsx}}\n    charts:\n      - {type: bar, data: {file: s.xlsx}}\n"
	r, err := Parse(filepath.Join(dir, "r.yaml"), []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"0.042", "0.3", "318.5806452", "2.5", "1.50"}
	for i, row := range r.Sections[0].Tables[0].Rows {
		if row[1] != want[i] {
			t.Errorf("table row %d: %q, want %q", i+1, row[1], want[i])
		}
	}
	for i, d := range r.Sections[0].Charts[0].Data {
		if d.Value.Text != want[i] {
			t.Errorf("chart item %d: %q, want %q", i+1, d.Value.Text, want[i])
		}
	}
}
