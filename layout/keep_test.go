package layout

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/data"
)

// endsBlocks builds src as a draft (its photos with no file are set as
// frames) and returns its document's body blocks.
func endsBlocks(t *testing.T, src string) (*Document, []Block) {
	t.Helper()
	r, err := data.Parse("t.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	d, _ := build(t, r, Options{Draft: true})
	return d, d.body()
}

// TestTableKeptWhole: a table of up to wholeRows rows never splits at a
// page's foot (nine rows parted 6 + 3 read as two scraps; borough-tables-en
// in the report look), but still does on a page it does not fit whole.
func TestTableKeptWhole(t *testing.T) {
	var b strings.Builder
	b.WriteString("title: 表\ndate: 2025-12-31\nsections:\n  - title: 各单位\n    tables:\n      - title: 各单位数据\n        columns: [单位, 案件（起）]\n        total: true\n        rows:\n")
	for i := range 9 {
		fmt.Fprintf(&b, "          - [第%02d单位, %d]\n", i+1, 100+i*37)
	}
	d, blocks := endsBlocks(t, b.String())
	var tb *tableBlock
	for _, x := range blocks {
		if x, ok := x.(*tableBlock); ok {
			tb = x
		}
	}
	if tb == nil {
		t.Fatal("no table")
	}
	w := d.geo.frame().W
	full := tb.Measure(w)
	for h := 20.0; h < full; h += 2 {
		if head, tail := tb.Split(w, h); head != nil && tail != nil {
			t.Fatalf("at %.0f pt the table of 9 rows split: %d rows, then %d", h, head.(*tableBlock).to, tail.(*tableBlock).to-tail.(*tableBlock).from)
		}
	}
	// a frame shorter than the table: it opens the page and splits
	f := Frame{W: w, H: full * 0.7}
	p, err := fillPage([]Block{tb}, nil, f, 2, how{deferAt: -1, inOrder: true})
	if err != nil {
		t.Fatalf("a short table taller than the page: %v", err)
	}
	if len(p.Blocks) != 1 || len(p.queue) != 1 {
		t.Fatalf("a short table taller than the page: %d blocks set, %d left", len(p.Blocks), len(p.queue))
	}
}

// TestTableUnderItsText: a text that opens its page, going on from the
// page before with its figure (Flow.Float) at its last column's foot,
// sends the figure on when the table kept whole that follows it in its
// section fits under the text without it: the table stands under the
// text that leads to it, the figure opens the next page (the council
// review's report look, page 5: the ward table overleaf left 27 % of the
// page blank). What follows not a table kept whole, the text keeps its
// figure.
func TestTableUnderItsText(t *testing.T) {
	var b strings.Builder
	b.WriteString("title: 表\ndate: 2025-12-31\nsections:\n  - title: 各单位\n    body: |\n")
	for i := range 4 {
		fmt.Fprintf(&b, "      %s\n\n", strings.Repeat(fmt.Sprintf("第%d段全年各单位依法履职，案件办理质效稳步提升。", i+1), 5))
	}
	b.WriteString("    charts:\n      - type: line\n        title: 历年案件\n        data:\n")
	for i := range 6 {
		fmt.Fprintf(&b, "          - {label: \"%d\", value: %d}\n", 2020+i, 100+i*13)
	}
	b.WriteString("    tables:\n      - title: 各单位数据\n        columns: [单位, 案件（起）]\n        rows:\n")
	for i := range 8 {
		fmt.Fprintf(&b, "          - [第%02d单位, %d]\n", i+1, 100+i*37)
	}
	d, blocks := endsBlocks(t, b.String())
	var fw *Flow
	var tb *tableBlock
	for _, x := range blocks {
		switch x := x.(type) {
		case *Flow:
			fw = x
		case *tableBlock:
			tb = x
		}
	}
	if fw == nil || fw.Float == nil || tb == nil || !tb.whole() {
		t.Fatal("no text with its chart and a table kept whole")
	}
	w := d.geo.frame().W
	bare := *fw
	bare.Float = nil
	f := Frame{W: w, H: bare.Measure(w) + tb.Measure(w) + 1}
	if fw.Measure(w) > f.H || fw.Measure(w)+tb.tight().Measure(w) <= f.H {
		t.Fatalf("the text with its chart %.0f pt, without %.0f, the table %.0f (%.0f set closer): no page the table fits under the text alone", fw.Measure(w), bare.Measure(w), tb.Measure(w), tb.tight().Measure(w))
	}
	p, err := setPage([]Block{fw, tb}, nil, f, 2, how{inOrder: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Blocks) != 2 || p.Blocks[0].Block.(*Flow).Float != nil || p.Blocks[1].Block != tb || len(p.floats) != 1 {
		t.Errorf("%d blocks set, %d figures waiting: want the text without its chart, the table under it, the chart waiting (%.0f %.0f %.0f %.0f H %.0f)", len(p.Blocks), len(p.floats), fw.Measure(w), bare.Measure(w), tb.Measure(w), tb.tight().Measure(w), f.H)
	}
	// a table's part going on is not kept whole: the text keeps its chart
	rest := *tb
	rest.cont = true
	p, err = setPage([]Block{fw, &rest}, nil, f, 2, how{inOrder: true})
	if err != nil {
		t.Fatal(err)
	}
	if g, ok := p.Blocks[0].Block.(*Flow); !ok || g.Float == nil || len(p.floats) != 0 {
		t.Errorf("before a table's part going on: the text's chart sent on")
	}
}

// TestTimelineBeforeFigures: a timeline going on from the page before
// opens the next page, before the figures of its section that wait for
// it: a timeline is read as one flow, its section's photos before or
// after it, never inside it (hospital-annual-2025, poster: 1–7月, the
// photos, then 8–12月).
func TestTimelineBeforeFigures(t *testing.T) {
	var b strings.Builder
	b.WriteString("title: 大事记\ndate: 2025-12-31\nsections:\n  - title: 年度大事记\n    photos:\n      - {caption: 照片一}\n      - {caption: 照片二}\n    timeline:\n")
	for i := range 12 {
		fmt.Fprintf(&b, "      - {date: 2025-%02d-10, text: 第%d件大事，全市开展专项行动并取得阶段成效。}\n", i+1, i+1)
	}
	d, blocks := endsBlocks(t, b.String())
	var tl *timelineBlock
	var photos Block
	for _, x := range blocks {
		switch x := x.(type) {
		case *timelineBlock:
			tl = x
		case *Row:
			if isFigure(x) {
				photos = x
			}
		}
	}
	if tl == nil || photos == nil {
		t.Fatal("no timeline or no row of photos")
	}
	w := d.geo.frame().W
	_, tail := tl.Split(w, tl.Measure(w)/2)
	if tail == nil {
		t.Fatal("the timeline did not split")
	}
	f := d.geo.frame()
	p, err := fillPage([]Block{tail, Space(10)}, []Block{photos}, f, 3, how{deferAt: -1, inOrder: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, pl := range p.Blocks {
		if _, ok := pl.Block.(*timelineBlock); ok {
			return
		}
		if isFigure(pl.Block) {
			t.Fatal("the section's photos are set between the parts of its timeline")
		}
	}
	t.Fatal("the timeline's part is not on the page")
}

// TestHeadLeads: a section's head at a page's foot over a line of text,
// its table overleaf (showcase-2025, newspaper), goes overleaf with them.
func TestHeadLeads(t *testing.T) {
	src := `title: 表
date: 2025-12-31
sections:
  - title: 第一节
    body: 全市治安形势总体平稳。
  - title: 各街道治安形势
    body: 各街道情况见下表。
    tables:
      - title: 各街道数据
        columns: [街道, 案件（起）]
        rows:
          - [东街道, 120]
          - [西街道, 98]
          - [南街道, 77]
          - [北街道, 65]
          - [中街道, 54]
`
	d, blocks := endsBlocks(t, src)
	var q []Block
	for k, x := range blocks {
		if h, ok := x.(*sectionHead); ok && h.n == 1 {
			q = blocks[k:]
		}
	}
	if len(q) < 3 {
		t.Fatal("no second section")
	}
	w := d.geo.frame().W
	head, text := q[0].Measure(w), q[1].Measure(w)
	filler := &Paragraph{Spans: []Span{d.Theme.span("前文", d.Theme.Regular, d.Theme.Scale.Body, d.Theme.Ink)}, Leading: 100}
	f := Frame{W: w, H: filler.Measure(w) + head + text + 10} // room for the head and its line, not the table
	p, err := fillPage(append([]Block{filler}, q...), nil, f, 2, how{deferAt: -1, inOrder: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, pl := range p.Blocks {
		if _, ok := pl.Block.(*sectionHead); ok {
			t.Fatal("the section's head and its one line end the page, its table overleaf")
		}
	}
	if !leads(q, w, text+q[2].Measure(w), true) {
		t.Error("a head over its line and its whole table does not lead its section")
	}
}

// TestHeadOverThinText: a section's head at a page's foot over its text
// cut to two rows (two lines in each column, the story going on
// overleaf: the tech park's section 3, newspaper, page 5) does not begin
// the section there; it does with three rows. Allowed (loose), it begins
// it as the way of a fault (thin), which costs less than a blank band
// over orderHole.
func TestHeadOverThinText(t *testing.T) {
	para := strings.Repeat("全年新引进大学生四万八千六百人，其中硕士以上占三成。", 10)
	src := "title: 表\ndate: 2025-12-31\nsections:\n  - title: 第一节\n    body: 全市治安形势总体平稳。\n  - title: 人才与营商环境\n    body: |\n      " + para + "\n\n      " + para + "\n"
	d, blocks := endsBlocks(t, src)
	var q []Block
	for k, x := range blocks {
		if h, ok := x.(*sectionHead); ok && h.n == 1 {
			q = blocks[k:]
		}
	}
	if len(q) < 2 {
		t.Fatal("no second section")
	}
	fw, ok := q[1].(*Flow)
	if !ok || fw.cols() < 2 {
		t.Fatalf("the second section's text is a %T, want a text in columns", q[1])
	}
	w := d.geo.frame().W
	filler := &Paragraph{Spans: []Span{d.Theme.span("前文", d.Theme.Regular, d.Theme.Scale.Body, d.Theme.Ink)}, Leading: 100}
	for _, tt := range []struct {
		rows  int
		begun bool
	}{{2, false}, {3, true}, {4, true}} {
		f := Frame{W: w, H: filler.Measure(w) + q[0].Measure(w) + float64(tt.rows)*fw.Leading + 1}
		for _, loose := range []bool{false, true} {
			p, err := fillPage(append([]Block{filler}, q...), nil, f, 2, how{deferAt: -1, inOrder: true, loose: loose})
			if err != nil {
				t.Fatal(err)
			}
			begun := slices.ContainsFunc(p.Blocks, func(b Placed) bool { _, ok := b.Block.(*sectionHead); return ok })
			want := tt.begun || loose
			if begun != want {
				t.Errorf("%d rows under the head (loose %v): section begun %v, want %v", tt.rows, loose, begun, want)
			}
			if thin := !tt.begun && loose; p.thin != thin || p.stranded {
				t.Errorf("%d rows under the head (loose %v): thin %v, stranded %v, want thin %v", tt.rows, loose, p.thin, p.stranded, thin)
			}
			if begun {
				last, _ := p.Blocks[len(p.Blocks)-1].Block.(*Flow)
				if last == nil {
					t.Fatalf("%d rows: the page ends with a %T, want the text's first part", tt.rows, p.Blocks[len(p.Blocks)-1].Block)
				}
				if last.thin(w) != !tt.begun {
					s, _ := columnLines(last, w)
					t.Errorf("%d rows (loose %v): its first part thin %v (%s lines)", tt.rows, loose, last.thin(w), s)
				}
			}
		}
	}
	if thinFault >= 1+orderHole {
		t.Errorf("thinFault %v: a head over thin text must cost less than any blank band over orderHole", thinFault)
	}
}
