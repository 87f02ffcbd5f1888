package layout

import (
	"fmt"
	"strings"
	"testing"
)

// landscapeReport is a report on A4 turned landscape (three text
// columns) whose one section has the figures given, in YAML, after a
// text of four paragraphs parted by blank lines.
func landscapeReport(figures string) string {
	para := strings.Repeat("科学城全年综合能耗186.3万吨标准煤，同比下降4.1%。", 4)
	return fmt.Sprintf(`title: 年度报告
theme: {orientation: landscape, paper: A4, indent: 0}
sections:
  - title: 经济运行
    body: |
      %s

      %s

      %s

      %s
%s`, para, para, para, para, figures)
}

// TestGridRows: on three columns every row of figures stands on the
// text's columns (each cell starts at a column's edge and spans whole
// columns), holds one or two figures, the wider first (but where that
// would read two charts out of order), and fills the three columns; none
// stands alone beside empty columns. Halves of the
// width would stand a figure's edge in the middle of the second column.
func TestGridRows(t *testing.T) {
	for _, tt := range []struct{ name, figures string }{
		{"three charts", `    charts:
      - {type: grouped, title: 产值, series: [2024年, 2025年], data: [{label: 集成电路, values: [528.6, 603.1]}, {label: 生物医药, values: [371.2, 412.8]}, {label: 智能装备, values: [278.4, 311.6]}, {label: 其他产业, values: [519.5, 534.9]}]}
      - {type: bar, title: 增速, data: [{label: 一季度, value: -7.8}, {label: 二季度, value: -5.1}, {label: 三季度, value: -1.6}, {label: 四季度, value: 2.4}]}
      - {type: change, title: 进出口, better: higher, data: [{label: 出口, value: 5.1}, {label: 进口, value: -8.6}]}
`},
		{"four charts", `    charts:
      - {type: line, title: 强度, data: [{label: "2019", value: 4.9}, {label: "2020", value: 5.2}, {label: "2021", value: 5.6}, {label: "2022", value: 5.9}, {label: "2023", value: 6.1}, {label: "2024", value: 6.4}, {label: "2025", value: 6.8}]}
      - {type: hbar, title: 企业, data: [{label: 芯曜半导体 Xinyao Semiconductor, value: 9.86}, {label: 微创天工 MicroPort Tiangong, value: 6.42}, {label: 海视智能 HaiVision AI, value: 5.17}, {label: 和元生物 Heyuan Bio, value: 4.35}]}
      - {type: donut, title: 占比, percent: 8.5}
      - {type: bar, title: 增速, data: [{label: 一季度, value: -7.8}, {label: 二季度, value: -5.1}, {label: 三季度, value: -1.6}, {label: 四季度, value: 2.4}]}
`},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, d := laidOut(t, landscapeReport(tt.figures))
			if d.geo.Columns != gridCols {
				t.Fatalf("%d text columns on a landscape page, want %d", d.geo.Columns, gridCols)
			}
			w, g := d.geo.contentW(), d.geo.Gutter
			cw := spanWidth(1, gridCols, w, g)
			rows := 0
			for _, p := range d.Pages {
				for _, b := range p.Blocks {
					r, ok := b.Block.(*Row)
					if !ok || !isFigure(r) {
						continue
					}
					rows++
					if r.Columns == 1 && len(r.Cells) == 1 {
						continue // the full width
					}
					if len(r.Cells) > 2 || r.Spans == nil {
						t.Errorf("page %d: a row of %d figures, spans %v: want one or two on the columns", p.Number, len(r.Cells), r.Spans)
						continue
					}
					sum := 0
					for i := range r.Cells {
						x, cellW := r.cell(w, i)
						k := x / (cw + g)
						if d := k - float64(int(k+0.5)); d > 1e-6 || d < -1e-6 {
							t.Errorf("page %d: figure %d starts %.1f pt into the row, off the columns' edges", p.Number, i+1, x)
						}
						if s := r.Spans[i]; cellW != spanWidth(s, gridCols, w, g) {
							t.Errorf("page %d: figure %d is %.1f pt wide, want %d columns", p.Number, i+1, cellW, s)
						}
						sum += r.Spans[i]
					}
					if sum != gridCols {
						t.Errorf("page %d: a row of spans %v leaves %d of %d columns empty", p.Number, r.Spans, gridCols-sum, gridCols)
					}
					if len(r.Spans) == 2 && r.Spans[1] > r.Spans[0] && !sameKind(r.Cells[0], r.Cells[1]) {
						t.Errorf("page %d: spans %v, want the wider first", p.Number, r.Spans)
					}
				}
			}
			if rows == 0 {
				t.Error("no row of figures")
			}
			if lone, _ := loneFigures(d); len(lone) > 0 {
				t.Errorf("figures alone: %q", lone)
			}
		})
	}
}

// TestRegrid: the figure of a text on three columns sent on alone (see
// rejoin) joins the rows of its section's figures that follow, set on
// the grid again: every figure once, the charts in the report's order,
// no row leaving a column empty (a chart alone takes the full width),
// where alone it stood beside an empty column.
func TestRegrid(t *testing.T) {
	_, d := laidOut(t, landscapeReport(""))
	w, g := d.geo.contentW(), d.geo.Gutter
	src := []string{
		`{type: donut, title: 占比, percent: 8.5}`,
		`{type: bar, title: 增速, data: [{label: 一季度, value: -7.8}, {label: 二季度, value: -5.1}, {label: 三季度, value: -1.6}, {label: 四季度, value: 2.4}]}`,
		`{type: line, title: 强度, data: [{label: "2019", value: 4.9}, {label: "2020", value: 5.2}, {label: "2021", value: 5.6}, {label: "2022", value: 5.9}, {label: "2023", value: 6.1}, {label: "2024", value: 6.4}, {label: "2025", value: 6.8}]}`,
		`{type: bar, title: 产值, data: [{label: 集成电路, value: 603.1}, {label: 生物医药, value: 412.8}, {label: 智能装备, value: 311.6}, {label: 其他产业, value: 534.9}]}`,
	}
	r, _ := laidOut(t, landscapeReport("    charts:\n      - "+strings.Join(src, "\n      - ")+"\n"))
	var charts []Block
	for j, c := range r.Sections[0].Charts {
		charts = append(charts, &chartBlock{chart: c, key: fmt.Sprintf("sections[0].charts[%d]", j), n: j, style: d.chartStyle()})
	}
	kicker := box{h: 5}
	one := alone(charts[0], gridCols, w, g, 10, kicker)
	if one.Columns != gridCols || one.Spans == nil || one.Spans[0] == gridCols {
		t.Fatalf("the donut alone spans %v of %d columns: the case is not made", one.Spans, one.Columns)
	}
	grid, spans, _ := gridRows(charts[1:], w, g, false, 0, 0)
	var rest []Block
	for j, cs := range grid {
		rest = append(rest, &Row{Cells: cs, Columns: gridCols, Spans: spans[j], Gutter: g, After: 10, Kicker: kicker})
	}
	end := box{h: 1}
	q := regrid(one, append(rest, end), w)
	if q[len(q)-1] != Block(end) {
		t.Fatalf("the queue after the rows is lost: %v", q)
	}
	var read []Block
	for _, b := range q[:len(q)-1] {
		row := b.(*Row)
		read = append(read, row.Cells...)
		if row.Columns == 1 {
			continue // the full width
		}
		sum := 0
		for _, s := range row.Spans {
			sum += s
		}
		if sum != gridCols {
			t.Errorf("a row of spans %v leaves a column empty", row.Spans)
		}
	}
	if len(read) != len(charts) {
		t.Fatalf("%d figures set again, want %d", len(read), len(charts))
	}
	for i, b := range read {
		if b != charts[i] {
			t.Errorf("figure %d read is chart %d: want the report's order", i+1, b.(*chartBlock).n+1)
		}
	}
}

// TestStacked: a text on three columns that ends beside its photo short
// of the page's foot, its section's row of figures (a chart over two
// columns and a photo) too tall to follow it, takes that photo under
// its own in its last column, the chart going on alone; the page is then
// full (its foot no more than orderHole blank), where the text balanced
// beside its one photo left it a third blank.
func TestStacked(t *testing.T) {
	f, w := flow3(false, 9, 9, 9, 9, 9, 9)
	k := box{h: 5}
	f.Float, f.FloatGap, f.Kicker = frame(0.5), 14, k
	photo := frame(1.5)
	row := &Row{Cells: []Block{box{h: 300}, photo}, Columns: gridCols, Spans: []int{2, 1}, Gutter: 10, After: 10, Kicker: k}
	both := *f
	both.Float = &Stack{Blocks: []Block{f.Float, Space(f.FloatGap), photo}}
	fr := Frame{W: w, H: both.Measure(w) + 5}
	if f.Measure(w)+row.Measure(w) <= fr.H || fr.H-f.Measure(w) <= orderHole*fr.H {
		t.Fatal("the row fits under the text, or the text with its photo fills the page: the case is not made")
	}
	q, fl, ok := stacked([]Block{f, row}, nil, 1, w)
	if !ok || len(fl) != 0 || len(q) != 2 {
		t.Fatalf("stacked: %v %v %v, want the text and the chart's row", ok, q, fl)
	}
	s, isStack := q[0].(*Flow).Float.(*Stack)
	if !isStack || len(s.Blocks) != 3 || s.Blocks[0] != f.Float || s.Blocks[2] != Block(photo) {
		t.Fatalf("the text's figure is %T, want its photo and the row's under it", q[0].(*Flow).Float)
	}
	if r := q[1].(*Row); len(r.Cells) != 1 || r.Cells[0] != row.Cells[0] {
		t.Errorf("the row after the text holds %d figures, want the chart alone", len(r.Cells))
	}
	pages, err := Paginate([]Block{f, row}, fr, 1)
	if err != nil {
		t.Fatal(err)
	}
	first := pages[0].Blocks[0]
	if fw, ok := first.Block.(*Flow); !ok || fw.Float == f.Float {
		t.Errorf("page 1 opens with a %T: want the text, both photos in it (its row hoisted above it is a way too, after this one)", first.Block)
	}
	last := pages[0].Blocks[len(pages[0].Blocks)-1]
	if blank := fr.H - (last.Y + last.H); blank > orderHole*fr.H {
		t.Errorf("page 1 ends %.0f pt (%.0f %%) blank: want the second photo in the text", blank, 100*blank/fr.H)
	}
}
