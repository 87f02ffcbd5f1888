package layout

import (
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/internal/pdftest"
	"github.com/brochure-dev/brochure/theme"
)

// flowOf is a flow of n paragraphs of k sentences each, with a byline.
func flowOf(n, k int, byline bool) *Flow {
	f := &Flow{Setting: Setting{Align: Justify, Indent: 2 * sizeBody}, Columns: 2, Gutter: 10, Leading: 14}
	for i := range n {
		f.Paras = append(f.Paras, Para{Spans: body(strings.Repeat("宁波公安这一年共破获案件。", k) + strings.Repeat("段", i+1))})
	}
	if byline {
		f.Trailer = body("记者 张贻富")
	}
	return f
}

// lines returns what the flow draws, in drawing order, with the column
// (0 or 1) and row of each line.
func flowLines(f *Flow, w float64) (texts []string, cols, rows []int) {
	cw := f.colWidth(w)
	f.each(0, 0, w, func(l Line, x, base float64) {
		texts = append(texts, l.Text())
		col := 0
		if x > cw {
			col = 1
		}
		cols = append(cols, col)
		rows = append(rows, int((base+1)/f.Leading))
	})
	return
}

// TestFlowReadsDownTheColumns: a section's paragraphs run down the first
// column, then the second; every line is drawn once, in reading order,
// and the columns are balanced.
func TestFlowReadsDownTheColumns(t *testing.T) {
	for _, tt := range []struct {
		paras, sentences int
	}{{1, 3}, {3, 4}, {5, 2}, {2, 12}} {
		f := flowOf(tt.paras, tt.sentences, true)
		w := 2*12*sizeBody + 10
		texts, cols, _ := flowLines(f, w)
		var want []string
		for _, u := range f.set(w) {
			if !u.gap {
				want = append(want, u.line.Text())
			}
		}
		if strings.Join(texts, "|") != strings.Join(want, "|") {
			t.Errorf("%d paragraphs: lines drawn out of order", tt.paras)
		}
		n0 := 0
		for i, c := range cols {
			if i > 0 && c < cols[i-1] {
				t.Errorf("%d paragraphs: line %d goes back to the first column", tt.paras, i)
			}
			if c == 0 {
				n0++
			}
		}
		if n1 := len(cols) - n0; n0-n1 > 3 || n1-n0 > 3 {
			t.Errorf("%d paragraphs: %d lines in the first column, %d in the second: not balanced", tt.paras, n0, n1)
		}
	}
}

// TestFlowSplit: split at every height, a flow keeps every line once, in
// order; no column starts or ends with a lone line of a paragraph; the
// byline stays with the last lines; the head's columns are full.
func TestFlowSplit(t *testing.T) {
	w := 2*10*sizeBody + 10
	whole := flowOf(4, 5, true)
	var all []string
	for _, u := range whole.set(w) {
		if !u.gap {
			all = append(all, u.line.Text())
		}
	}
	for rows := 1; rows <= len(all); rows++ {
		f := flowOf(4, 5, true)
		head, tail := f.Split(w, float64(rows)*14)
		if head == nil {
			if rows >= 4 {
				t.Errorf("%d rows: nothing fits", rows)
			}
			continue
		}
		var got []string
		var parts []*Flow
		parts = append(parts, head.(*Flow))
		if tail != nil {
			parts = append(parts, tail.(*Flow))
		}
		for _, p := range parts {
			us := p.set(w)
			spans, _ := p.arrange(w)
			for _, s := range spans {
				col := us[s[0]:s[1]]
				for k, u := range col {
					if u.gap {
						continue
					}
					got = append(got, u.line.Text())
					if u.trailer && (k == 0 || col[k-1].gap) {
						t.Errorf("%d rows: the byline opens a column", rows)
					}
				}
				if len(col) > 0 {
					first, last := col[0], col[len(col)-1]
					if !first.trailer && first.idx == first.of-1 && first.of > 1 {
						t.Errorf("%d rows: a column starts with a paragraph's last line alone", rows)
					}
					if !last.trailer && last.idx == 0 && last.of > 1 {
						t.Errorf("%d rows: a column ends with a paragraph's first line alone", rows)
					}
				}
			}
		}
		if strings.Join(got, "|") != strings.Join(all, "|") {
			t.Errorf("%d rows: %d lines after the split, %d before, or out of order", rows, len(got), len(all))
		}
		if h := head.Measure(w); h > float64(rows)*14+1e-6 {
			t.Errorf("%d rows: head is %.0f pt tall", rows, h)
		}
	}
}

// TestFlowFloat: a figure in the flow stands at the foot of the last
// column, inside the flow's height, the text beside and above it, with
// FloatGap between them (the space it has below), whether it takes rows
// for the gap (a box) or gives up that space (a photo's frame, which may
// be set shorter).
func TestFlowFloat(t *testing.T) {
	w := 2*12*sizeBody + 10
	for _, fl := range []Block{box{h: 100}, frame(2.0 / 3)} {
		f := flowOf(3, 4, false)
		f.Float, f.FloatGap = fl, 14
		fx, fy, cw := f.floatAt(0, 0, w)
		h := f.Measure(w)
		fh := f.layout(w).float.Measure(cw)
		if fx < cw || fy+fh > h+1e-6 || fy < 0 {
			t.Errorf("%T: float at (%.0f, %.0f) in a flow %.0f tall: not at the foot of the last column", fl, fx, fy, h)
		}
		_, cols, rows := flowLines(f, w)
		above := 0
		for i := range cols {
			if cols[i] == 1 {
				above++
				if float64(rows[i]+1)*f.Leading+f.FloatGap > fy+1e-6 {
					t.Errorf("%T: line %d of the last column ends %.1f pt above the float, want %.0f", fl, i, fy-float64(rows[i]+1)*f.Leading, f.FloatGap)
				}
			}
		}
		if above == 0 {
			t.Errorf("%T: no text above the float", fl)
		}
	}
}

// TestFlowFloatFirst: a photo in the text whose second column would
// leave a block of the first (a subheading and its paragraph) beside the
// photo alone, with none of the second column's text level with it,
// stands at the foot of the first column instead (see floatFirst): no
// block is then bare, the first column's text ends FloatGap above the
// photo, the second column's text beside it runs on, and every line is
// drawn once, down the first column, then the second. A chart (a box
// here) stays in the last column: its labels are text to poppler.
func TestFlowFloatFirst(t *testing.T) {
	w := 2*12*sizeBody + 10
	f := flowOf(3, 4, false)
	f.Paras = append(f.Paras, Para{Kind: Subhead, Spans: body("营运可靠度")}, Para{Spans: body(strings.Repeat("全年列车准点率达到标准。", 5))})
	f.Float, f.FloatGap = frame(1.5), 14
	us := f.set(w)
	fr, alone, _ := f.floatSize(w, us)
	if was, _ := f.balanced(us, fr, alone); !f.bare(us, was) {
		t.Fatalf("columns %v with the photo in the last: no block bare, the case is gone", was)
	}
	c := f.layout(w)
	if c.at != 0 || f.bare(c.us, c.spans) {
		t.Fatalf("columns %v, the photo at the foot of column %d: want the first, no block bare (blocks %v)", c.spans, c.at+1, f.textBlocks(c.us, c.spans))
	}
	fx, fy, cw := f.floatAt(0, 0, w)
	if h := f.Measure(w); fx != 0 || fy+c.float.Measure(cw) > h+1e-6 {
		t.Errorf("the photo at (%.0f, %.0f), %.0f tall, in a flow %.0f tall: want the foot of the first column", fx, fy, c.float.Measure(cw), h)
	}
	texts, cols, rows := flowLines(f, w)
	if len(texts) != len(slices.DeleteFunc(slices.Clone(us), func(u unit) bool { return u.gap })) {
		t.Errorf("%d lines drawn, %d set", len(texts), len(us))
	}
	second := 0
	for i := range cols {
		if i > 0 && cols[i] < cols[i-1] {
			t.Errorf("line %d (%s) in column %d after column %d", i, texts[i], cols[i]+1, cols[i-1]+1)
		}
		if cols[i] == 0 && float64(rows[i]+1)*f.Leading+f.FloatGap > fy+1e-6 {
			t.Errorf("line %d of the first column ends %.1f pt above the photo, want %.0f", i, fy-float64(rows[i]+1)*f.Leading, f.FloatGap)
		}
		if cols[i] == 1 {
			second++
		}
	}
	if second == 0 {
		t.Error("no text in the second column")
	}
	f.Float = box{h: c.float.Measure(cw)}
	f.units = nil
	if c := f.layout(w); c.at != 1 {
		t.Errorf("a chart at the foot of column %d: want the last", c.at+1)
	}
}

// TestFlowForPoppler: balances that keep poppler's pdftotext reading in
// order. With blank rows between paragraphs, the text stands in the
// first column rather than above the float when three rows more allow it
// (the float then heads its column); a flow that a row of photos with
// captions off the columns follows ends its first column at a
// paragraph's end; and with blank rows, a part cut to its page does not
// end its first column with a paragraph that starts below the second
// column's text (see sunk): it ends at the paragraph before. A flow that
// such a row may follow after other figures (Sooner) ends its first
// column at a paragraph's end when the second then holds the rest in
// the same rows.
func TestFlowForPoppler(t *testing.T) {
	w := 2*12*sizeBody + 10
	for _, tt := range []struct {
		name   string
		indent float64
		parted bool
		sooner bool
		float  float64
		cut    int   // rows: the flow is cut there, and its first part tested
		sizes  []int // the paragraphs' lines (about); else three of three sentences
		// want: whether the last column holds text; where column 1 ends
		// (units), 0 for any
		lastText bool
		firstEnd int
	}{
		{name: "blank rows, float", float: 100, lastText: false},
		{name: "indented, float", indent: 2 * sizeBody, float: 100, lastText: true},
		{name: "photos below", indent: 2 * sizeBody, parted: true, lastText: true, firstEnd: 8},
		// balanced at 16 rows, column 1 ends four lines into the second
		// paragraph: four rows more end it there (river-basin's page 5)
		{name: "photos below, a paragraph four lines on", indent: 2 * sizeBody, parted: true, sizes: []int{12, 8, 12}, lastText: true, firstEnd: 20},
		{name: "cut, blank rows", cut: 8, sizes: []int{5, 4, 3, 4}, lastText: true, firstEnd: 5},
		{name: "photos may follow", indent: 2 * sizeBody, sooner: true, sizes: []int{4, 6, 4, 4, 4}, lastText: true, firstEnd: 10},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := flowOf(3, 3, false)
			if tt.sizes != nil {
				f.Paras = nil
				for i, n := range tt.sizes {
					// n lines of 12 characters, the last a few short
					f.Paras = append(f.Paras, Para{Spans: body(strings.Repeat("宁", 12*n-4) + string(rune('甲'+i)))})
				}
			}
			f.Setting.Indent, f.Parted, f.Sooner = tt.indent, tt.parted, tt.sooner
			if tt.float > 0 {
				f.Float = box{h: tt.float}
			}
			if tt.cut > 0 {
				a, b := f.Split(w, float64(tt.cut)*f.Leading)
				if a == nil || b == nil {
					t.Fatalf("cut at %d rows: %v and %v, want two parts", tt.cut, a != nil, b != nil)
				}
				f = a.(*Flow)
			}
			spans, rows := f.arrange(w)
			if tt.sooner {
				g := *f
				g.Sooner, g.units = false, nil
				if _, was := g.arrange(w); rows != was {
					t.Errorf("columns %v: %d rows, %d without Sooner, want as many", spans, rows, was)
				}
			}
			last := spans[len(spans)-1]
			if got := last[1] > last[0]; got != tt.lastText {
				t.Errorf("columns %v: text in the last column %v, want %v", spans, got, tt.lastText)
			}
			if tt.float > 0 && !tt.lastText {
				if _, fy, _ := f.floatAt(0, 0, w); fy != 0 {
					t.Errorf("the float alone in its column stands %.0f pt below its head", fy)
				}
			}
			if us := f.set(w); tt.firstEnd > 0 && (spans[0][1] != tt.firstEnd || !paraEnd(us, spans[0][1])) {
				t.Errorf("columns %v: column 1 ends at unit %d, want %d (a paragraph's end)", spans, spans[0][1], tt.firstEnd)
			}
		})
	}
}

// TestFlowNotBare: no block of the first column (lines a row apart in
// one size, as poppler's pdftotext gathers them) stands below the top of
// the second column's text with nothing of that column level with it,
// which poppler would stretch over the second column and read after the
// second column's text above it (see bare). The case: the showcase's
// first section, its paragraph level with the last two items of its list
// in column 2, its subheading beside the blank row over the pull quote.
func TestFlowNotBare(t *testing.T) {
	const src = `title: 江北公安这一年
sections:
  - title: 守牢安全底线
    quote:
      text: 平安是老百姓解决温饱后的第一需求，是极重要的民生，也是最基本的发展环境。
      by: 江北分局党委书记、局长
    body: |
      一年来，分局坚持以人民为中心的发展思想，把维护辖区安全稳定作为第一责任。全年共接报各类警情16.2万起，其中**刑事警情同比下降18.6%**，连续五年保持下降态势，群众安全感满意度达到99.3%，创历史新高。

      ### 打防并举
      分局坚持“打早打小、露头就打”，全年破获刑事案件1526起，抓获犯罪嫌疑人438名，命案连续十三年全破。针对多发性侵财犯罪，分局开展了三项专项行动：
      - **“净街”行动**：破获盗窃电动自行车案件186起，返还车辆152辆；
      - **“护家”行动**：入室盗窃案件同比下降31.2%，系列案件27起全部告破；
      - **“断卡”行动**：打掉涉“两卡”犯罪团伙14个，冻结涉案资金2300余万元。
`
	_, d := laidOut(t, src)
	var f *Flow
	for _, p := range d.Pages {
		for _, b := range p.Blocks {
			if g, ok := b.Block.(*Flow); ok {
				f = g
			}
		}
	}
	if f == nil {
		t.Fatal("no text")
	}
	w := d.geo.contentW()
	c := f.layout(w)
	if len(c.spans) != 2 || c.spans[1][0] >= c.spans[1][1] {
		t.Fatalf("columns %v, want text in both", c.spans)
	}
	if f.bare(c.us, c.spans) {
		t.Errorf("columns %v: a block of column 1 with nothing of column 2 beside it (blocks %v)", c.spans, f.textBlocks(c.us, c.spans))
	}
	// as it was set: the paragraph and the subheading's block in column
	// 1 beside the list's last two items (four lines), the blank row
	// and the quote lowered half a row in column 2
	if was, _ := fill(c.us, f.caps(12, 0)); !f.bare(c.us, was) {
		t.Errorf("columns %v (blocks %v): bare finds nothing", was, f.textBlocks(c.us, was))
	}
}

// TestFlowGapsNotLevel: with blank rows between paragraphs (no indent),
// no blank row of the second column stands level with one of the first,
// so that no four paragraph blocks line up as a table for poppler's
// pdftotext (tops, bottoms or centres of two blocks side by side within
// half the type size, and of the two below them), which would read them
// row by row, across the columns; nor, with indented paragraphs, a
// subheading (a block of its own, set larger) with one of the first, or
// the text under it (two subheadings heading the columns were read
// together, then the two columns' text: market-regulation's page 10,
// poster); every line stays inside the flow's height, in reading order.
func TestFlowGapsNotLevel(t *testing.T) {
	w := 2*12*sizeBody + 10
	for _, tt := range []struct {
		name   string
		lens   []int // each paragraph's length, in 13-character sentences; 0 a subheading
		indent bool  // paragraphs indented, no blank rows between them
		float  float64
		cut    int // rows: the flow is cut there, and its first part tested
	}{
		{name: "four equal paragraphs", lens: []int{3, 3, 3, 3}},
		{name: "six equal paragraphs", lens: []int{2, 2, 2, 2, 2, 2}},
		{name: "unequal paragraphs", lens: []int{2, 4, 1, 3, 2}},
		{name: "equal paragraphs, float", lens: []int{3, 3, 3, 3, 3, 3}, float: 60},
		{name: "cut to a page", lens: []int{3, 3, 3, 3, 3, 3, 3, 3}, cut: 14},
		{name: "subheadings heading both columns", lens: []int{0, 3, 0, 3}, indent: true},
		{name: "a subheading beside the text under one", lens: []int{3, 0, 2, 2, 0, 3}, indent: true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := &Flow{Setting: Setting{Align: Justify}, Columns: 2, Gutter: 10, Leading: 14, After: 0}
			if tt.indent {
				f.Setting.Indent = 2 * sizeBody
			}
			for i, k := range tt.lens {
				if k == 0 {
					f.Paras = append(f.Paras, Para{Kind: Subhead, Spans: []Span{{Text: "小标题" + string(rune('甲'+i)), Face: fonts.Bold, Size: 1.2 * sizeBody}}})
					continue
				}
				f.Paras = append(f.Paras, Para{Spans: body(strings.Repeat("宁波公安这一年共破获案件。", k) + string(rune('甲'+i)))})
			}
			if tt.float > 0 {
				f.Float = box{h: tt.float}
			}
			g, height := f, f.Measure(w)
			if tt.cut > 0 {
				height = float64(tt.cut) * f.Leading
				a, b := f.Split(w, height)
				if a == nil || b == nil {
					t.Fatalf("cut at %d rows: %v and %v, want two parts", tt.cut, a != nil, b != nil)
				}
				g = a.(*Flow)
			}
			// each column's blocks: runs of lines a row apart, by baseline
			// (a line of another size starts a block, as a subheading's)
			type block struct{ top, bottom, size float64 }
			var cols [2][]block
			var text []string
			cw := f.colWidth(w)
			g.each(0, 0, w, func(l Line, x, base float64) {
				text = append(text, l.Text())
				c := 0
				if x > cw {
					c = 1
				}
				if n := len(cols[c]); n > 0 && base-cols[c][n-1].bottom <= 1.5*sizeBody && l.Size == cols[c][n-1].size {
					cols[c][n-1].bottom = base
				} else {
					cols[c] = append(cols[c], block{base, base, l.Size})
				}
				if base > height || base > g.Measure(w) {
					t.Errorf("a line at %.1f pt below the flow's height %.1f", base, height)
				}
			})
			if got, want := strings.Join(text, ""), strings.Join(paraTexts(f), ""); !strings.HasPrefix(want, got) || tt.cut == 0 && got != want {
				t.Fatalf("the flow draws\n%s\nwant\n%s", got, want)
			}
			if len(cols[1]) == 0 {
				t.Fatalf("one column: %v", cols)
			}
			if _, rows := f.arrange(w); tt.float == 0 && tt.cut == 0 {
				// cut to its rows on the grid, without the half row,
				// the flow still fits: its columns stay on the grid
				h := float64(rows) * f.Leading
				if a, b := f.Split(w, h); a == nil || b != nil {
					t.Errorf("split at %.0f pt, its height on the grid: %v and %v, want it whole", h, a != nil, b != nil)
				} else if got := a.Measure(w); got > h+1e-6 {
					t.Errorf("split at %.0f pt, its height on the grid: %.1f pt high", h, got)
				}
			}
			// (poppler pairs a block with the nearest below it and the
			// nearest below and right of it, which need not be the one
			// right under its neighbour: a subheading whose top rises
			// above the block's foot is passed over)
			level := func(a, b float64) bool { return math.Abs(a-b) <= sizeBody/2 }
			for i := 0; i+1 < len(cols[0]); i++ {
				b1, f3 := cols[0][i], cols[0][i+1]
				for j := 0; j < len(cols[1]); j++ {
					for k := j + 1; k < len(cols[1]); k++ {
						f2, f4 := cols[1][j], cols[1][k]
						if level(b1.top, f2.top) && level(f3.top, f4.top) ||
							level(b1.bottom, f2.bottom) && level(f3.bottom, f4.bottom) ||
							level((b1.top+b1.bottom)/2, (f2.top+f2.bottom)/2) && level((f3.top+f3.bottom)/2, (f4.top+f4.bottom)/2) {
							t.Errorf("blocks %v and %v of column 1 line up with %v and %v of column 2: a table to poppler", b1, f3, f2, f4)
						}
					}
				}
			}
		})
	}
}

// paraTexts is the text of f's paragraphs, as its lines give it.
func paraTexts(f *Flow) []string {
	var s []string
	for _, u := range f.set(f.width) {
		if !u.gap {
			s = append(s, u.line.Text())
		}
	}
	return s
}

// BenchmarkFlowMeasure measures a section's text with a chart in it as
// pagination does, page after page: whole, then cut at each height.
func BenchmarkFlowMeasure(b *testing.B) {
	st := defaultTheme().charts("zh")
	w := contentW
	for range b.N {
		f := flowOf(6, 6, true)
		f.Float = &chartBlock{chart: data.Chart{Type: "bar", Title: "各街道", Data: items(5)}, style: st}
		f.Measure(w)
		for rows := 4; rows < 30; rows += 2 {
			f.Split(w, float64(rows)*f.Leading)
		}
	}
}

// TestHeroForPoppler: a section of a short text and one chart of seven
// years (a hero, set the full width) reads, in poppler's pdftotext, with
// its paragraph whole, in every look: set above the text's two columns,
// the chart's years over column 2 were read between the columns, inside
// the paragraph that runs on from one to the other.
func TestHeroForPoppler(t *testing.T) {
	const body = "全年授权发明专利1086件，同比增长7.5%；PCT国际专利申请74件，主要集中在储能材料、医疗器械和工业软件领域。高被引论文（Highly Cited Papers）数量达到219篇，居全国高校前列。"
	src := `title: 科研年报
sections:
  - title: 论文与专利
    headline: 授权发明专利1086件
    body: "` + body + `"
    charts:
      - type: line
        title: 高被引论文数量
        unit: 篇
        data: [{label: "2019", value: 96}, {label: "2020", value: 118}, {label: "2021", value: 143}, {label: "2022", value: 167}, {label: "2023", value: 181}, {label: "2024", value: 204}, {label: "2025", value: 219}]
`
	for _, style := range theme.Names() {
		t.Run(style, func(t *testing.T) {
			r, err := data.Parse("r.yaml", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			d, pdf := build(t, r, Options{Draft: true, Style: style})
			var flow, hero = -1, -1
			for i, b := range d.Pages[1].Blocks {
				switch b := b.Block.(type) {
				case *Flow:
					flow = i
				case *Row:
					if _, ok := b.Cells[0].(*chartBlock); ok && b.Columns == 1 {
						hero = i
					}
				}
			}
			if flow < 0 || hero < 0 || hero < flow {
				t.Errorf("page 2: the text is block %d, the chart the full width block %d: want the chart after the text", flow, hero)
			}
			file := filepath.Join(t.TempDir(), "hero.pdf")
			if err := os.WriteFile(file, pdf, 0o644); err != nil {
				t.Fatal(err)
			}
			if txt := strings.ReplaceAll(flat(pdftest.Pdftotext(t, file)), "-", ""); !strings.Contains(txt, flat(body)) {
				t.Errorf("poppler does not read the paragraph whole:\n%s", txt)
			}
		})
	}
}

// TestFlowAcross: a text that widows and orphans would keep in the first
// column, the others empty beside it (a paragraph of three lines and the
// byline), is set across the columns, one column the full width; a
// longer one balances, and a short one with a figure keeps its columns,
// the figure beside it.
func TestFlowAcross(t *testing.T) {
	w := 2*12*sizeBody + 10
	short := func() *Flow {
		f := flowOf(1, 0, true)
		f.Paras = []Para{{Spans: body(strings.Repeat("宁", 33))}} // three lines of a column
		return f
	}
	for _, tt := range []struct {
		name   string
		f      *Flow
		across bool
	}{
		{"three lines and the byline", short(), true},
		{"four paragraphs", flowOf(4, 2, true), false},
		{"three lines beside a figure", func() *Flow { f := short(); f.Float = box{h: 40}; return f }(), false},
	} {
		texts, cols, _ := flowLines(tt.f, w)
		wide := false
		tt.f.each(0, 0, w, func(l Line, x, _ float64) { wide = wide || l.Natural > tt.f.colWidth(w)+1e-6 })
		second := slices.Contains(cols, 1)
		if tt.across && (!wide || second) {
			t.Errorf("%s: lines wider than a column %v, text in the second column %v: want one column the full width", tt.name, wide, second)
		}
		if !tt.across && (wide || !second && tt.f.Float == nil) {
			t.Errorf("%s: lines wider than a column %v, text in the second column %v: want the columns", tt.name, wide, second)
		}
		if h := tt.f.Measure(w); tt.across && h > float64(len(texts))*tt.f.Leading+1e-6 {
			t.Errorf("%s: %.0f pt tall for %d lines", tt.name, h, len(texts))
		}
	}
	// three columns (landscape) are never joined: lines of the whole type
	// area would be some 80 characters long
	f := short()
	f.Columns = 3
	w3 := 3*12*sizeBody + 20
	f.each(0, 0, w3, func(l Line, _, _ float64) {
		if l.Natural > f.colWidth(w3)+1e-6 {
			t.Fatalf("three columns: a line %.0f pt long, wider than a column (%.0f pt)", l.Natural, f.colWidth(w3))
		}
	})
}

// TestNoLineAlone: a text split at a page's foot never sends one line on
// alone to the next page (a one-line paragraph, the last of the text,
// read as a page of a single line: city-annual-long's last page in the
// report look); a row less stays, so that another line goes with it.
func TestNoLineAlone(t *testing.T) {
	f := &Flow{Setting: Setting{Align: Justify, Indent: 2 * sizeBody}, Columns: 1, Leading: 14, Paras: []Para{
		{Spans: body(strings.Repeat("宁波公安这一年共破获案件。", 6))},
		{Spans: body("全年共破获案件。")},
	}}
	w := 200.0
	n := 0
	for _, u := range f.set(w) {
		if u.para == 0 {
			n++
		}
	}
	head, tail := f.Split(w, float64(n)*f.Leading)
	if head == nil || tail == nil {
		t.Fatalf("the text of %d + 1 lines split at %d rows: %v, %v", n, n, head, tail)
	}
	if got := lines(tail.(*Flow).units); got < 2 {
		t.Errorf("%d line goes on alone", got)
	}
}

// flow3 is a flow on three columns of 12 characters (w wide) of
// paragraphs of about the lines given, parted by blank rows when gaps.
func flow3(gaps bool, lines ...int) (f *Flow, w float64) {
	f = &Flow{Setting: Setting{Align: Justify}, Columns: 3, Gutter: 10, Leading: 14}
	if !gaps {
		f.Setting.Indent = 2 * sizeBody
	}
	for i, n := range lines {
		f.Paras = append(f.Paras, Para{Spans: body(strings.Repeat("宁", 12*n-4) + string(rune('甲'+i)))})
	}
	return f, 3*12*sizeBody + 2*10
}

// TestFlowNoLineAlone: a part of a flow cut to its page never has a
// column (but the last) of one line of a paragraph that runs on into the
// next column (cut to two rows, a paragraph of five lines would stand 2,
// 1 and 2 across three): PDFium reads a line with the next one on its
// baseline, the next column's first, as one line, a space between them.
func TestFlowNoLineAlone(t *testing.T) {
	for _, lines := range [][]int{{5, 4, 6}, {6, 5}, {5, 5, 5, 5}} {
		f, w := flow3(false, lines...)
		for rows := 2; rows <= 4; rows++ {
			a, _ := f.Split(w, float64(rows)*f.Leading)
			if a == nil {
				continue
			}
			part := a.(*Flow)
			us := part.set(w)
			spans, _ := part.arrange(w)
			for c, sp := range spans[:len(spans)-1] {
				if sp[1]-sp[0] == 1 && sp[1] < len(us) && us[sp[1]].para == us[sp[0]].para {
					t.Errorf("paragraphs %v cut to %d rows: columns %v: column %d holds a line alone that runs on", lines, rows, spans, c+1)
				}
			}
		}
	}
}

// quoteFlow is the Macao brief's section 2: a paragraph of two lines, a
// pull quote of several rows, and a portrait photo (2:3) in the text.
func quoteFlow() *Flow {
	f := flowOf(1, 2, false)
	f.Paras = append(f.Paras, Para{Kind: PullQuote, Spans: body(strings.Repeat("屋企细，晚上去图书馆温书最安静。", 3))})
	f.Float, f.FloatGap = frame(1.5), 14
	return f
}

// TestCarryKeepsPullQuote: carrying a text's last rows on with its figure
// never parts a pull quote: the Macao brief's quote was cut after its
// third row, its last two rows (blank) making a page of their own.
func TestCarryKeepsPullQuote(t *testing.T) {
	w := 2*12*sizeBody + 10
	f := quoteFlow()
	us := f.set(w)
	if !slices.ContainsFunc(us, func(u unit) bool { return u.pad }) {
		t.Fatal("the quote takes one row: the case is not made")
	}
	q := slices.IndexFunc(us, func(u unit) bool { return u.quote != nil })
	tail := *f // the text's part on the next page: the quote alone
	tail.units, tail.frozen = us[q:], true
	for _, fw := range []*Flow{f, &tail} {
		a, b, ok := carry(fw, w, math.Inf(1))
		if !ok {
			continue
		}
		for _, part := range []Block{a, b} {
			if p := part.(*Flow).units; len(p) > 0 && p[0].pad {
				t.Errorf("a part of %d rows begins with a pull quote's further row: the quote is parted", len(fw.units))
			}
		}
	}
}

// TestFlowBesideFloat: on three columns, a figure in the text taller
// than the text leaves the text balanced over the two columns beside it,
// not all of it in the first and the second empty between them.
func TestFlowBesideFloat(t *testing.T) {
	f, w := flow3(false, 4, 3)
	f.Float, f.FloatGap = box{h: 200}, 14
	spans, _ := f.arrange(w)
	if len(spans) != 3 || spans[0][1] <= spans[0][0] || spans[1][1] <= spans[1][0] || spans[2][1] > spans[2][0] {
		t.Errorf("columns %v: want text in the first two, the float alone in the third", spans)
	}
}

// TestFlowNotSunkThree: with blank rows between paragraphs, a column of
// three (the second too) does not end with a paragraph that starts at or
// below the end of the next column's text (see sunk) where ending it at
// its last blank row instead, up to three rows longer, sets them all
// (the first column sunk beside the second, and the second beside the
// third, as balanced).
func TestFlowNotSunkThree(t *testing.T) {
	for _, lines := range [][]int{{3, 2, 4, 3, 2}, {6, 3, 2, 2}} {
		f, w := flow3(true, lines...)
		us := f.set(w)
		if spans, _ := f.arrange(w); sunk(us, spans) {
			t.Errorf("paragraphs %v: columns %v, a column's last paragraph sunk beside the next column's text", lines, spans)
		}
	}
}

// TestFlowCutKeepsHalfRow: a part cut to its page sets its columns as
// cut puts them, the first column ended sooner when its last block would
// be sunk (see unsunk), and the half row by which unlevel lowers a block
// level with one of the first column fits its rows, so that it does not
// fall back on the grid, where blocks of the two columns line up as a
// table for poppler. The rows are the council review's section 4 on page
// 6 of the report look: paragraphs of 8 and 9 lines under subheadings,
// the second column's subheading of two lines level with the first's; cut
// to 24 rows, the second column full, the half row did not fit, and one
// row shorter the first column's last subheading and three lines were
// sunk, and the part, set again unsunk, filled the second column again.
func TestFlowCutKeepsHalfRow(t *testing.T) {
	var us []unit
	para := 0
	add := func(kind Kind, n int) {
		if len(us) > 0 && kind == Subhead {
			us = append(us, unit{gap: true, para: para})
		}
		for i := range n {
			us = append(us, unit{para: para, idx: i, of: n, kind: kind, keep: kind == Subhead})
		}
		para++
	}
	add(Plain, 8)
	add(Subhead, 1)
	add(Plain, 9)
	add(Subhead, 1)
	add(Plain, 7)
	add(Subhead, 2)
	add(Plain, 8)
	add(Plain, 5)
	add(Subhead, 1)
	add(Plain, 6)
	add(Plain, 10)
	f := &Flow{Columns: 2, Gutter: 10, Leading: 14}
	for rows := 20; rows <= 26; rows++ {
		_, n := f.cut(us, rows, 0)
		part := &Flow{Columns: 2, Gutter: 10, Leading: 14, units: us[:n:n], frozen: true, rows: rows}
		c := part.layout(100)
		if want := unlevel(c.us, c.spans); !slices.Equal(c.half, want) || c.depth() > 2*rows {
			t.Errorf("cut to %d rows: the part's columns %v, %d half rows deep unlevelled: the half row does not fit, the part stays on the grid", rows, c.spans, depth(c.us, c.spans, want, 0, 1))
		}
		if sunk(c.us, c.spans) {
			t.Errorf("cut to %d rows: the part's columns %v, the first sunk", rows, c.spans)
		}
	}
}

// TestFlowSetsPhotoNarrower: a section's text whose portrait photo does
// not fit beside it on the page sets the photo narrower, keeping its
// shape, so that the section ends on the page (rather than the photo
// alone overleaf); never narrower than half its column.
func TestFlowSetsPhotoNarrower(t *testing.T) {
	w := 2*20*sizeBody + 10
	f := quoteFlow()
	cw := f.colWidth(w)
	full := f.Measure(w)
	h := math.Floor(0.7*full/f.Leading) * f.Leading
	a, rest := f.Split(w, h)
	if a == nil || rest != nil {
		t.Fatalf("the text and its photo do not end on a page %.0f pt tall (%.0f whole)", h, full)
	}
	p := a.(*Flow).Float.(*photoBlock)
	if got := p.frame(cw) / p.width(cw); math.Abs(got-1.5) > 1e-6 {
		t.Errorf("the photo's frame is %.2f high a width, want its shape, 1.5", got)
	}
	if p.width(cw) >= cw || p.width(cw) < cw/2 {
		t.Errorf("the photo is %.0f pt wide in a column of %.0f: want narrower, but not under half", p.width(cw), cw)
	}
	if m := a.Measure(w); m > h+1e-6 {
		t.Errorf("the part is %.0f pt tall on a page of %.0f", m, h)
	}
	if a, _ := f.Split(w, 0.3*full); a != nil && a.(*Flow).Float != nil {
		t.Errorf("on a page of %.0f pt the photo is set %.0f pt wide in a column of %.0f: under half", 0.3*full, a.(*Flow).Float.(*photoBlock).width(cw), cw)
	}
}

// TestFlowSplitFloatNotBare: a text cut at a page's foot sets its figure
// at the foot of the last column there only when every block of the
// first column has text of the second beside it (see bare); else the
// figure goes on with the text (a chart's labels beside a subheading of
// column 1 were read before it: the council review's newspaper, pages 3
// and 5). The case must arise at some height: a subheading and its
// paragraph in column 1 beside the figure.
func TestFlowSplitFloatNotBare(t *testing.T) {
	w := 2*12*sizeBody + 10
	f := flowOf(2, 6, false)
	f.Paras = append(f.Paras, Para{Kind: Subhead, Spans: body("城市更新")}, Para{Spans: body(strings.Repeat("全年完成老旧小区改造项目。", 6))})
	for range 6 {
		f.Paras = append(f.Paras, Para{Spans: body(strings.Repeat("后续工作持续推进落实。", 2))})
	}
	f.Float, f.FloatGap = frame(1), 14
	us := f.set(w)
	fr, _, _ := f.floatSize(w, us)
	cases := 0
	for rows := fr + 2; rows < len(us); rows++ {
		if spans, n := f.cut(us, rows, fr); n < len(us) && paraEnd(us, n) && f.bare(us, spans) {
			cases++
		}
		head, _ := f.Split(w, float64(rows)*f.Leading)
		a, ok := head.(*Flow)
		if !ok || a.Float == nil {
			continue
		}
		if c := a.layout(w); a.bare(c.us, c.spans) {
			t.Errorf("%d rows: the figure at the foot of the last column beside a bare block of the first (columns %v, blocks %v)", rows, c.spans, a.textBlocks(c.us, c.spans))
		}
	}
	if cases == 0 {
		t.Error("no height leaves a block of column 1 bare beside the figure: the case is gone")
	}
}

// TestTallerFloat: a text's figure at its foot grows into the room given
// (the last resort against a blank band, see grownFloats): a photo, a
// chart that stretches, and a donut's ring, which keeps its shape (a
// row of figures does not grow a ring: see chartBlock.larger); in the
// part of a text that goes on from the page before, a chart grows, a
// photo does not; a part cut to its page keeps its rows.
func TestTallerFloat(t *testing.T) {
	th := defaultTheme()
	st := th.charts("zh")
	donut := func() Block {
		return &chartBlock{chart: data.Chart{Type: "donut", Title: "满意", Percent: &data.Number{Text: "91.6"}}, style: st}
	}
	photo := func() Block {
		return &photoBlock{theme: th, natural: 2.0 / 3, caption: &Paragraph{
			Spans: []Span{th.span("图注", th.Regular, th.Scale.Label, th.Ink)}, Setting: Setting{Align: Left}, Leading: 11,
		}}
	}
	const w = 400.0
	for _, tt := range []struct {
		name  string
		float func() Block
		part  string // "", "goes on" (a tail), "cut" (a part cut to its page)
		grows bool
	}{
		{"a donut", donut, "", true},
		{"a photo", photo, "", true},
		{"a donut going on", donut, "goes on", true},
		{"a photo going on", photo, "goes on", false},
		{"a donut cut to its page", donut, "cut", false},
	} {
		f := flowOf(2, 1, false)
		f.Float = tt.float()
		switch tt.part {
		case "goes on":
			f.units, f.frozen = f.set(w), true
		case "cut":
			f.units, f.frozen, f.rows = f.set(w), true, 6
		}
		m := f.Measure(w)
		g := f.tallerFloat(w, m+100)
		if grew := g.Measure(w) > m+1e-6; grew != tt.grows {
			t.Errorf("%s: %.0f pt → %.0f, grown %v, want %v", tt.name, m, g.Measure(w), grew, tt.grows)
		}
		if g.Measure(w) > m+100+1e-6 {
			t.Errorf("%s: %.0f pt, taller than the %.0f given", tt.name, g.Measure(w), m+100)
		}
	}
	// a row of figures keeps a ring's size
	if c := donut().(*chartBlock); c.taller(w, c.Measure(w)+100) != Block(c) {
		t.Errorf("a donut in a row grown: want its own size")
	}
}

// TestCarryKeepsHeadLines: a text that begins on the page (under its
// section's head) and carries its last lines on with its figure keeps
// headLines lines in every column where two lines still go with the
// figure: a portrait photo as tall as the text took all but its first
// lines along, two or one a column left under the head (the county
// police's page 2, the year in review).
func TestCarryKeepsHeadLines(t *testing.T) {
	w := 2*12*sizeBody + 10
	for _, n := range []int{3, 4} { // 12 and 16 lines, the photo as tall
		f := flowOf(n, 3, false)
		f.Float, f.FloatGap = frame(1.5), 14
		us := f.set(w)
		a, b, ok := carry(f, w, math.Inf(1))
		if !ok {
			t.Errorf("%d paragraphs (%d lines): not carried", n, lines(us))
			continue
		}
		kept, gone := lines(a.(*Flow).units), lines(b.(*Flow).units)
		if a.(*Flow).thin(w) {
			t.Errorf("%d lines: %d stay, thin under the head, %d go on with the figure", lines(us), kept, gone)
		}
		if gone < 2 {
			t.Errorf("%d lines: %d go on with the figure, want two at least", lines(us), gone)
		}
	}
}
