package data

import (
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// chartDir makes a folder with the spreadsheets the chart tests read.
func chartDir(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	write := func(name string, b []byte) {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("bom.csv", []byte("\xEF\xBB\xBF类别,2020年\n事故数,\"1,023\"\n死亡人数,44.86%\n"))
	gbk, err := simplifiedchinese.GBK.NewEncoder().String("类别,数量\n交通事故,683\n火灾,97\n")
	if err != nil {
		t.Fatal(err)
	}
	write("gbk.csv", []byte(gbk))
	write("badcell.csv", []byte("类别,数量\n交通事故,683\n火灾,九十七\n"))
	write("short.csv", []byte("类别,2019年,2020年\n交通事故,683\n"))
	write("grouped.csv", []byte("类别,2019年,2020年\n交通事故,795,683\n火灾,120,97\n"))
	write("empty.csv", []byte("\n\n"))

	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "交管")
	rows := [][]any{{"指标", "降幅"}, {"事故数", 14.98}, {"死亡人数", 44.86}, {"受伤人数", 13.84}, {"直接财产损失", 33.29}}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(2, i+3) // B3..C7
		if err := f.SetSheetRow("交管", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(filepath.Join(dir, "stats.xlsx")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestChartData(t *testing.T) {
	dir := chartDir(t)
	tests := []struct {
		name, charts string
		check        func(t *testing.T, c Chart)
	}{
		{"grouped inline", `{type: grouped, series: [2019年, 2020年], data: [{label: 事故, values: [795, 683]}]}`, func(t *testing.T, c Chart) {
			if len(c.Series) != 2 || c.Data[0].Values[1].Text != "683" {
				t.Errorf("%+v", c)
			}
		}},
		{"format decimals prefix", `{type: bar, format: wan, decimals: 1, prefix: 约, data: [{label: a, value: 30793000}]}`, func(t *testing.T, c Chart) {
			if c.Format != "wan" || c.Decimals == nil || *c.Decimals != 1 || c.Prefix != "约" {
				t.Errorf("%+v", c)
			}
		}},
		{"csv bom, grouped thousands and percent", `{type: bar, data: {file: bom.csv}}`, func(t *testing.T, c Chart) {
			if len(c.Data) != 2 || c.Data[0].Label != "事故数" || c.Data[0].Value.Text != "1023" || c.Data[1].Value.Text != "44.86" {
				t.Errorf("%+v", c.Data)
			}
			if c.Data[1].From != "bom.csv, row 3" {
				t.Errorf("From = %q", c.Data[1].From)
			}
		}},
		{"csv gbk detected", `{type: hbar, data: {file: gbk.csv}}`, func(t *testing.T, c Chart) {
			if len(c.Data) != 2 || c.Data[0].Label != "交通事故" || c.Data[1].Label != "火灾" {
				t.Errorf("%+v", c.Data)
			}
		}},
		{"csv gbk declared", `{type: hbar, data: {file: gbk.csv, encoding: gbk}}`, func(t *testing.T, c Chart) {
			if len(c.Data) != 2 || c.Data[0].Label != "交通事故" {
				t.Errorf("%+v", c.Data)
			}
		}},
		{"csv grouped header names series", `{type: grouped, data: {file: grouped.csv}}`, func(t *testing.T, c Chart) {
			if strings.Join(c.Series, ",") != "2019年,2020年" || len(c.Data) != 2 || c.Data[1].Values[1].Text != "97" {
				t.Errorf("%+v", c)
			}
		}},
		{"csv line, one column a series", `{type: line, data: {file: grouped.csv}}`, func(t *testing.T, c Chart) {
			if strings.Join(c.Series, ",") != "2019年,2020年" || len(c.Data) != 2 || c.Data[1].Values[0].Text != "120" {
				t.Errorf("%+v", c)
			}
		}},
		{"csv area, one series", `{type: area, data: {file: gbk.csv}}`, func(t *testing.T, c Chart) {
			if len(c.Series) != 0 || len(c.Data) != 2 || c.Data[1].Value.Text != "97" {
				t.Errorf("%+v", c)
			}
		}},
		{"xlsx sheet and range", `{type: bar, unit: "%", data: {file: stats.xlsx, sheet: 交管, range: "B3:C7"}}`, func(t *testing.T, c Chart) {
			if len(c.Data) != 4 || c.Data[0].Label != "事故数" || c.Data[0].Value.Text != "14.98" || c.Data[3].Value.Text != "33.29" {
				t.Errorf("%+v", c.Data)
			}
			if c.Data[3].From != "stats.xlsx, sheet 交管, row 7" {
				t.Errorf("From = %q", c.Data[3].From)
			}
		}},
		{"pie shares within rounding", `{type: pie, unit: "%", data: [{label: a, value: 33.3}, {label: b, value: 33.3}, {label: c, value: 33.3}]}`, nil},
		{"stacked with total", `{type: stacked, total: 1653, data: [{label: a, value: 376}, {label: b, value: 1277}]}`, nil},
		{"change", `{type: change, better: lower, unit: "%", data: [{label: 事故数, value: -14.98}]}`, nil},
		{"waffle", `{type: waffle, value: 376, total: 1653}`, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := head + "    charts:\n      - " + tt.charts + "\n"
			r, err := Parse(filepath.Join(dir, "r.yaml"), []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			if tt.check != nil {
				tt.check(t, r.Sections[0].Charts[0])
			}
		})
	}
}

func TestChartErrors(t *testing.T) {
	dir := chartDir(t)
	// The chart's "- " item is line 5; the chart starts at column 9.
	tests := []struct {
		name, chart string
		at          string // the error points at the first occurrence of this in chart
		want        string
	}{
		{"unknown type", `{type: radar, data: [{label: a, value: 1}]}`, "radar", `unknown chart type "radar"`},
		{"empty series", `{type: grouped, series: [2019年, 2020年], data: []}`, "[]}", "a grouped chart needs data"},
		{"grouped no series", `{type: grouped, data: [{label: a, values: [1, 2]}]}`, "{type", "needs the names of its series"},
		{"grouped count", `{type: grouped, series: [x, y], data: [{label: a, values: [1]}]}`, "[1]", "1 values for 2 series (x, y)"},
		{"grouped value", `{type: grouped, series: [x], data: [{label: a, value: 1}]}`, "1}]", "takes values: [..]"},
		{"NaN in values", `{type: grouped, series: [x], data: [{label: a, values: [.nan]}]}`, ".nan", ".nan is not a number that can be shown"},
		{"NaN value", `{type: bar, data: [{label: a, value: .nan}]}`, ".nan", ".nan is not a number that can be shown"},
		{"negative total", `{type: waffle, value: 3, total: -4}`, "-4", "total must be greater than 0, not -4"},
		{"negative total stacked", `{type: stacked, total: -4, data: [{label: a, value: 3}]}`, "-4", "total must be greater than 0, not -4"},
		{"shares not summing", `{type: pie, unit: "%", data: [{label: a, value: 60}, {label: b, value: 30}]}`, "[{", "the percentages add up to 90%, not 100%"},
		{"stacked not total", `{type: stacked, total: 1653, data: [{label: a, value: 376}, {label: b, value: 1200}]}`, "[{", "add up to 1576, not the total 1653"},
		{"stacked negative", `{type: stacked, data: [{label: a, value: -3}, {label: b, value: 5}]}`, "-3", "shares cannot be negative"},
		{"change no better", `{type: change, data: [{label: a, value: -3}]}`, "{type", `needs "better: lower"`},
		{"change better typo", `{type: change, better: lowr, data: [{label: a, value: -3}]}`, "lowr", `(did you mean "lower"?)`},
		{"format typo", `{type: bar, format: wna, data: [{label: a, value: 1}]}`, "wna", `not a number format`},
		{"decimals fraction", `{type: bar, decimals: 1.5, data: [{label: a, value: 1}]}`, "1.5", "decimals must be a whole number from 0 to 6"},
		{"series on bar", `{type: bar, series: [a], data: [{label: a, value: 1}]}`, "[a]", "series: is only for an area, grouped or line chart; remove it"},
		{"missing file", `{type: bar, data: {file: nope.csv}}`, "nope.csv", "nope.csv not found"},
		{"missing sheet", `{type: bar, data: {file: stats.xlsx, sheet: 交通}}`, "交通", `stats.xlsx has no sheet "交通" (did you mean "交管"?); its sheets are: 交管`},
		{"bad range", `{type: bar, data: {file: stats.xlsx, range: B3-C7}}`, "B3-C7", `"B3-C7" is not a cell range`},
		{"bad cell", `{type: bar, data: {file: badcell.csv}}`, "{file", `badcell.csv, row 3, column B: "九十七" is not a number`},
		{"short row", `{type: grouped, data: {file: short.csv}}`, "{file", "short.csv, row 2, column C: no value"},
		{"empty file", `{type: bar, data: {file: empty.csv}}`, "{file", "empty.csv holds no data"},
		{"csv sheet", `{type: bar, data: {file: gbk.csv, sheet: x}}`, "x}", "a CSV file has no sheets"},
		{"bad encoding", `{type: bar, data: {file: gbk.csv, encoding: utf-8}}`, "utf-8", "gbk.csv, row 1: not UTF-8 text"},
		{"data on donut", `{type: donut, percent: 5, data: [{label: a, value: 1}]}`, "[{", "shows one share"},
		{"line one point", `{type: line, data: [{label: "2021", value: 5}]}`, "[{", "give it at least two points"},
		{"highlight unknown", `{type: line, highlight: 2026, data: [{label: "2024", value: 5}, {label: "2025", value: 6}]}`, "2026", `"2026" is not the label of an item (did you mean "2024"?)`},
		{"highlight unknown on bar", `{type: bar, highlight: 西城, data: [{label: 东城, value: 5}, {label: 南城, value: 6}]}`, "西城", `"西城" is not the label of an item`},
		{"highlight on pie", `{type: pie, highlight: a, data: [{label: a, value: 1}]}`, "a,", "highlight: is only for"},
		{"target on bar", `{type: bar, target: 4, data: [{label: a, value: 1}]}`, "4,", "target: is only for an area or line chart"},
		{"line values no series", `{type: area, data: [{label: a, values: [1, 2]}, {label: b, value: 2}]}`, "[1", "values: [..] is for charts with series"},
		{"zero on pie", `{type: pie, zero: false, data: [{label: a, value: 1}]}`, "false", "zero: is only for an area or line chart"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := head + "    charts:\n      - " + tt.chart + "\n"
			file := filepath.Join(dir, "r.yaml")
			_, err := Parse(file, []byte(src))
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("err = %v, want Errors", err)
			}
			for _, e := range es {
				if strings.Contains(e.Error(), tt.want) {
					t.Log(e)
					col := 9 + utf8.RuneCountInString(tt.chart[:strings.Index(tt.chart, tt.at)])
					if e.Pos.Line != 5 || e.Pos.Col != col || e.Pos.File != file {
						t.Errorf("%q at %v, want 5:%d (%q)", e.Error(), e.Pos, col, tt.at)
					}
					return
				}
			}
			t.Errorf("no error containing %q in:\n%v", tt.want, err)
		})
	}
}

// Every chart field of the field table is taken by every kind (common) or
// by some kind: a field no kind takes is refused on every chart.
func TestChartFieldsTaken(t *testing.T) {
	for _, f := range chartObj.fields {
		if !slices.Contains(chartCommon, f.key) && kindsTaking(f.key) == "no chart" {
			t.Errorf("chart field %s: no kind takes it, and it is not common to all (chartCommon)", f.key)
		}
	}
}

// The kinds a message names read as one choice, from one helper: "a donut
// or progress chart", "an area or line chart", "a grouped chart".
func TestKindsPhrase(t *testing.T) {
	tests := []struct{ got, want string }{
		{overKinds(), "a donut or progress chart"},
		{kindsTaking("target"), "an area or line chart"},
		{kindsTaking("series"), "an area, grouped or line chart"},
		{kindsTaking("no such field"), "no chart"},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("got %q, want %q", tt.got, tt.want)
		}
	}
}
