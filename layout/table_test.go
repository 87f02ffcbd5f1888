package layout

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/charts"
	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/internal/pdftest"
)

// longReport is a report with a table of n rows (a label, a figure with
// decimals, a change marked better: lower, and text that wraps) and a
// timeline of m entries, on paper.
func longReport(t *testing.T, paper string, n, m int) *data.Report {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "title: 长表\ndate: 2025-12-31\ntheme: {paper: %s}\nsections:\n  - title: 各单位\n    tables:\n      - title: 各单位数据\n", paper)
	b.WriteString("        columns: [单位, 案件（起）, {name: 同比, better: lower}, 说明]\n        total: true\n        rows:\n")
	for i := range n {
		note := "无"
		if i%7 == 3 {
			note = "辖区内新建智能感知设备并完成联网调试，与上年相比变化较大"
		}
		fmt.Fprintf(&b, "          - [第%02d单位, %d.%d, %+.1f%%, %s]\n", i+1, 100+i*37, i%10, float64(i%9)-4.5, note)
	}
	b.WriteString("  - title: 大事记\n    timeline:\n")
	for i := range m {
		fmt.Fprintf(&b, "      - {date: 2025-%02d-%02d, text: 第%02d件事，全市公安机关开展专项行动，取得阶段性成效。}\n", 1+i*12/m, 1+i%27, i+1)
	}
	r, err := data.Parse("long.yaml", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// TestTableSplits: a 60-row table and a 40-entry timeline split across
// pages without loss: every row and entry once, in order, the table's
// column names repeated on every page it continues on; and the PDF's text
// reads the cells row by row.
func TestTableSplits(t *testing.T) {
	for _, paper := range []string{"A5", "A4"} {
		t.Run(paper, func(t *testing.T) {
			r := longReport(t, paper, 60, 40)
			d, pdf := build(t, r, Options{})
			// the parts, from the laid-out pages
			var rows, events []int
			tablePages, timelinePages := 0, 0
			for _, p := range d.Pages {
				for _, pl := range p.Blocks {
					switch b := pl.Block.(type) {
					case *tableBlock:
						tablePages++
						for i := b.from; i < b.to; i++ {
							rows = append(rows, i)
						}
					case *timelineBlock:
						timelinePages++
						for i := b.from; i < b.to; i++ {
							events = append(events, i)
						}
					}
				}
			}
			if len(rows) != 60 || len(events) != 40 {
				t.Fatalf("%d rows and %d entries placed, want 60 and 40", len(rows), len(events))
			}
			for i := range rows {
				if rows[i] != i {
					t.Fatalf("rows placed in the order %v", rows)
				}
			}
			for i := range events {
				if events[i] != i {
					t.Fatalf("entries placed in the order %v", events)
				}
			}
			if tablePages < 2 || timelinePages < 2 {
				t.Errorf("the table is on %d pages and the timeline on %d: want both split", tablePages, timelinePages)
			}

			doc := pdftest.Open(t, pdf)
			text := doc.AllText()
			flatText := flat(text)
			// every row reads in order, its cells in the order of the columns
			at := 0
			for i := range 60 {
				row := r.Sections[0].Tables[0].Rows[i]
				want := flat(strings.Join(row, ""))
				k := strings.Index(flatText[at:], want)
				if k < 0 {
					t.Fatalf("row %d (%q) is not read whole after the row before it", i+1, want)
				}
				at += k + len(want)
			}
			if k := strings.Index(flatText[at:], "合计"); k < 0 {
				t.Error("no total row after the last row")
			}
			prev := -1
			for i := range 40 {
				want := fmt.Sprintf("第%02d件事", i+1)
				if strings.Count(flatText, want) != 1 {
					t.Errorf("entry %q is in the text %d times", want, strings.Count(flatText, want))
				}
				if day := fmt.Sprintf("%d日", 1+i%27); !strings.Contains(flatText, day+want) {
					t.Errorf("entry %q is not read after its day %s", want, day)
				}
				if k := strings.Index(flatText, want); k < prev {
					t.Errorf("entry %q is read before the entry above it", want)
				} else {
					prev = k
				}
			}
			// the column names on every page of the table
			if got := strings.Count(flatText, "案件（起）"); got != tablePages {
				t.Errorf("the column names are on %d pages, the table on %d", got, tablePages)
			}
			if got := strings.Count(flatText, "各单位数据（续）"); got != tablePages-1 {
				t.Errorf("%d continued titles, want %d", got, tablePages-1)
			}
			// months: each page of the timeline starts with one
			for pi, p := range d.Pages {
				for _, pl := range p.Blocks {
					if b, ok := pl.Block.(*timelineBlock); ok && !b.opens(b.from) {
						t.Errorf("page %d: the timeline's part does not open with its month", pi+1)
					}
				}
			}
		})
	}
}

// TestTableCells: the cells of a row share a baseline and stand left to
// right; the figures of a column stand on one decimal point, and their
// right edges (those without decimals, with ones of the same decimals)
// line up; a falling change is marked in the colour of good news.
func TestTableCells(t *testing.T) {
	src := `title: 表
date: 2025-12-31
sections:
  - title: 数
    tables:
      - columns: [区, 金额（万元）, 同比]
        rows:
          - [甲区, 1234.5, -5.2%]
          - [乙区, 7.25, +12.0%]
          - [丙区, 86, —]
`
	r, err := data.Parse("t.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	_, pdf := build(t, r, Options{})
	doc := pdftest.Open(t, pdf)
	var chars []pdftest.Char
	for _, p := range doc.Pages {
		if strings.Contains(flat(p.Text), "甲区1234.5-5.2%") {
			for _, c := range p.Chars {
				if !c.Generated {
					chars = append(chars, c)
				}
			}
		}
	}
	if chars == nil {
		t.Fatalf("no page reads the first row in order: %q", doc.AllText())
	}
	// the decimal points of the second column
	var points []float64
	baselineOf := map[string]float64{}
	for i, c := range chars {
		if c.R == '.' && i > 0 && chars[i-1].R >= '0' && chars[i-1].R <= '9' && c.Origin[0] < 400 {
			points = append(points, c.Origin[0])
		}
		if c.R == '甲' || c.R == '乙' || c.R == '丙' {
			baselineOf[string(c.R)] = c.Origin[1]
		}
	}
	if len(points) != 2 || math.Abs(points[0]-points[1]) > 0.01 {
		t.Errorf("the decimal points of 1234.5 and 7.25 are at %v, want one x", points)
	}
	// each row's figures on its label's baseline
	for _, c := range chars {
		if c.R == '%' {
			ok := false
			for _, y := range baselineOf {
				ok = ok || math.Abs(c.Origin[1]-y) < 0.01
			}
			if !ok {
				t.Errorf("%% at y %.2f, on no row's baseline %v", c.Origin[1], baselineOf)
			}
		}
	}
}

// TestTableText reads a table back with poppler and MuPDF (when they are
// installed): the cells row by row, each row's cells in order (MuPDF
// gives each cell a line, a row a block); poppler's layout mode sets each
// row on a line of its own.
func TestTableText(t *testing.T) {
	r := load(t, "../examples/city-tables-2025/report.yaml")
	_, pdf := build(t, r, Options{Draft: true})
	file := filepath.Join(t.TempDir(), "t.pdf")
	if err := os.WriteFile(file, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	rows := r.Sections[0].Tables[0].Rows
	inOrder := func(t *testing.T, tool, txt string) {
		text, at := flat(txt), 0
		for _, row := range rows {
			want := flat(strings.Join(row, ""))
			k := strings.Index(text[at:], want)
			if k < 0 {
				t.Fatalf("%s: the row %q is not read whole after the row before it", tool, row)
			}
			at += k + len(want)
		}
	}
	t.Run("MuPDF", func(t *testing.T) { inOrder(t, "MuPDF", pdftest.Mutool(t, file)) })
	t.Run("poppler", func(t *testing.T) {
		inOrder(t, "poppler", pdftest.Pdftotext(t, file))
		lines := strings.Split(pdftest.Pdftotext(t, file, "-layout"), "\n")
		for _, row := range rows {
			var q []string
			for _, c := range row {
				q = append(q, regexp.QuoteMeta(c))
			}
			re := regexp.MustCompile(strings.Join(q, `\s+`))
			found := false
			for _, l := range lines {
				found = found || re.MatchString(l)
			}
			if !found {
				t.Errorf("poppler -layout: no line reads the row %q", row)
			}
		}
	})
}

// TestWideTable: a table of 17 columns of figures on A5 steps its type
// down (not below 6 pt) so that every figure stands inside the type area,
// clear of its neighbours.
func TestWideTable(t *testing.T) {
	r := load(t, "testdata/wide-table.yaml")
	d, pdf := build(t, r, Options{})
	doc := pdftest.Open(t, pdf)
	f := d.geo.frame()
	var last pdftest.Char
	n := 0
	for _, c := range doc.Pages[len(doc.Pages)-1].Chars {
		if c.Generated || c.Box.Right <= c.Box.Left || c.Origin[1] > d.geo.H-f.Y-40 || c.Origin[1] < 100 {
			continue // the running head and folio
		}
		n++
		if c.FontSize < 5.99 {
			t.Errorf("%q set at %.2f pt, under 6", c.R, c.FontSize)
		}
		if c.Box.Left < f.X-0.5 || c.Box.Right > f.X+f.W+0.5 {
			t.Errorf("%q at x %.1f–%.1f, outside the type area %.1f–%.1f", c.R, c.Box.Left, c.Box.Right, f.X, f.X+f.W)
		}
		if last.R != 0 && math.Abs(last.Origin[1]-c.Origin[1]) < 0.1 && c.Box.Left < last.Box.Right-0.1 {
			t.Errorf("%q overlaps %q", c.R, last.R)
		}
		last = c
	}
	if n < 100 {
		t.Fatalf("only %d characters of the table read", n)
	}
}

// TestTableNumbers: a style that numbers tables counts them through the
// document, in the report's language.
func TestTableNumbers(t *testing.T) {
	for _, c := range []struct{ lang, want string }{{"zh-CN", "表3　乙表（续）"}, {"en", "Table 3. 乙表（续）"}} {
		r, d := laidOut(t, "title: T\ndate: 2025-01-01\nlanguage: "+c.lang+`
sections:
  - {title: A, tables: [{title: 甲, columns: [a, b], rows: [[x, 1]]}, {title: 甲, columns: [a, b], rows: [[x, 1]]}]}
  - {title: B, tables: [{title: 乙表, columns: [a, b], rows: [[x, 1]]}]}
`)
		b := d.table(1, 0, r.Sections[1].Tables[0]).(*tableBlock)
		b.style.Numbered = true
		var got string
		for _, l := range b.titleLines(300, d.Theme.Locale.Labels.Continued) {
			got += l.Text()
		}
		if c.lang == "en" {
			c.want = strings.Replace(c.want, "（续）", " (continued)", 1)
		}
		if got != c.want {
			t.Errorf("%s: title %q, want %q", c.lang, got, c.want)
		}
	}
}

// TestTableHead: brackets at the end of a column's name are its unit only
// in a column of figures (投诉（件）: 投诉 over a small （件）); a column of
// text keeps them in its name (区（县） is one name), unless it says unit:.
func TestTableHead(t *testing.T) {
	src := "title: 表头\nsections:\n  - title: 各区\n    tables:\n      - columns: [区（县）, 投诉（件）, {name: 说明, unit: 文字}, Site (planned)]\n        rows:\n          - [鼓楼区, 31260, 无, Harbour Road]\n          - [江南区, 28410, 无, Riverside]\n"
	r, err := data.Parse("head.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	d, err := NewWith(r, Options{Draft: true})
	if err != nil {
		t.Fatal(err)
	}
	b := d.table(0, 0, r.Sections[0].Tables[0]).(*tableBlock)
	for j, want := range [][2]string{{"区（县）", ""}, {"投诉", "件"}, {"说明", "文字"}, {"Site (planned)", ""}} {
		if name, unit := b.head(j); name != want[0] || unit != want[1] {
			t.Errorf("column %d: head %q, unit %q; want %q, %q", j, name, unit, want[0], want[1])
		}
	}
}

// TestTableGrouped: a table's figures and its total row separate
// thousands as every figure of the report does (number.Rule), alike down
// a column — a 合計 of 1046 beside a headline's 1,046 was the defect — in
// quantities only: a column of rates, or one that says sum: false (years,
// codes), and a figure with a sign or a leading zero stay as written.
func TestTableGrouped(t *testing.T) {
	for _, tt := range []struct {
		lang, body, table string
		want              [][]string // the rows, then the total row
	}{
		{"zh-TW", "", `{title: 甲, total: true, columns: [區, 件數, {name: 年份, sum: false}, 同比（%）], rows: [[中區, 48, 2019, 1.5], [東區, 998, 2020, 2.5]]}`,
			[][]string{{"中區", "48", "2019", "1.5"}, {"東區", "998", "2020", "2.5"}, {"合計", "1,046", "", ""}}},
		{"en", "", `{title: T, total: true, columns: [Area, Cases, Code], rows: [[A, 1500, "0800"], [B, 27900.5, "+12"]]}`,
			[][]string{{"A", "1,500", "0800"}, {"B", "27,900.5", "+12"}, {"Total", "29,400.5", "812"}}},
		{"zh-CN", "", `{title: 甲, total: true, columns: [区, 件数], rows: [[甲, 1500], [乙, 27900]]}`,
			[][]string{{"甲", "1500"}, {"乙", "27900"}, {"合计", "29400"}}},
		{"zh-CN", "全年罪案88,300宗。", `{title: 甲, total: true, columns: [区, 件数], rows: [[甲, 1500], [乙, 900]]}`,
			[][]string{{"甲", "1500"}, {"乙", "900"}, {"合计", "2400"}}},
		{"zh-CN", "全年罪案88,300宗。", `{title: 甲, total: true, columns: [区, 件数], rows: [[甲, 1500], [乙, 27900]]}`,
			[][]string{{"甲", "1,500"}, {"乙", "27,900"}, {"合计", "29,400"}}},
	} {
		r, err := data.Parse("n.yaml", []byte("title: T\ndate: 2025-01-01\nlanguage: "+tt.lang+"\nsections:\n  - {title: A, headline: \""+tt.body+"\", tables: ["+tt.table+"]}\n"))
		if err != nil {
			t.Fatal(err)
		}
		d, err := New(r)
		if err != nil && len(fonts.Families("Noto Sans CJK")) == 0 {
			t.Skipf("%s needs the system's CJK fonts: %v", tt.lang, err)
		}
		if err != nil {
			t.Fatal(err)
		}
		b := d.table(0, 0, r.Sections[0].Tables[0]).(*tableBlock)
		got := append(slices.Clone(b.table.Rows), b.total)
		if fmt.Sprint(got) != fmt.Sprint(tt.want) {
			t.Errorf("%s %s:\n got %q\nwant %q", tt.lang, tt.table, got, tt.want)
		}
	}
}

// TestTableOffGutters: no text of a table under two columns of text
// begins inside the gutter between them — a figure, right-aligned, a
// column's name, a column of text — which poppler's pdftotext would
// stretch the second column's box over, over the first's when another
// text ends there beyond it, and read the second column before the first
// column's later blocks (see offGutters). The case: xingang-transport's
// table of accidents, whose 2024 column stood right-aligned inside the
// gutter in the newspaper look; set without the columns, some table of
// these begins a text there.
func TestTableOffGutters(t *testing.T) {
	const src = `title: 表
date: 2025-12-31
sections:
  - title: 道路交通安全
    tables:
      - title: 2025年交通事故主要指标
        columns: [项目, 2024年, 2025年, {name: 增减率, better: lower}]
        rows:
          - [A1类事故件数, 108, 93, -13.9%]
          - [A1类死亡人数, 115, 98, -14.8%]
          - [A2类事故件数, "31,420", "29,687", -5.5%]
          - [行人事故件数, "2,046", "1,850", -9.6%]
          - [酒驾事故件数, 612, 538, -12.1%]
      - columns: [区, 金额（万元）, 同比, 说明]
        rows:
          - [甲区, 1234.5, -5.2%, 辖区新建设备]
          - [乙区, 7.25, +12.0%, 无]
      - columns: [单位, 案件, 破案, 抓获, 同比]
        rows:
          - [第一单位, 1526, 1204, 438, +3.1%]
          - [第二单位, 87, 66, 12, -0.4%]
`
	_, d := laidOut(t, src)
	if d.geo.Columns != 2 {
		t.Fatalf("%d columns, want the default look's two", d.geo.Columns)
	}
	w := d.geo.contentW()
	cw := spanWidth(1, 2, w, d.geo.Gutter)
	in := func(x float64) bool { return x > cw-0.5 && x < cw+d.geo.Gutter }
	// starts are the left edges of the texts of table b set w wide, as
	// Draw sets them
	starts := func(b *tableBlock) []float64 {
		s := b.layout(w)
		var xs []float64
		for j := range s.cw {
			right := s.x[j] + s.cw[j]
			for _, l := range s.head[j] {
				if x := s.x[j]; !b.numeric[j] {
					xs = append(xs, x)
				} else if x = right - l.Natural; strings.HasSuffix(l.Text(), "）") {
					xs = append(xs, x+l.Size/2)
				} else {
					xs = append(xs, x)
				}
			}
			for _, row := range append(slices.Clone(s.rows), s.totals) {
				if j >= len(row) || len(row[j].lines) == 0 {
					continue
				}
				if row[j].figure {
					xs = append(xs, right-s.frac[j]-row[j].int)
				} else {
					xs = append(xs, s.x[j])
				}
			}
		}
		return xs
	}
	var tables []*tableBlock
	for _, p := range d.Pages {
		for _, pl := range p.Blocks {
			if b, ok := pl.Block.(*tableBlock); ok {
				tables = append(tables, b)
			}
		}
	}
	if len(tables) != 3 {
		t.Fatalf("%d tables laid out, want 3", len(tables))
	}
	was := 0
	for k, b := range tables {
		for _, x := range starts(b) {
			if in(x) {
				t.Errorf("table %d: a text begins at %.2f, inside the gutter (%.2f to %.2f)", k+1, x, cw, cw+d.geo.Gutter)
			}
		}
		c := *b
		c.set, c.columns = nil, charts.Columns{}
		if slices.ContainsFunc(starts(&c), in) {
			was++
		}
	}
	if was == 0 {
		t.Error("set without the columns, no table begins a text inside the gutter: the case is gone")
	}
}
