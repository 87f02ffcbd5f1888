package layout

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/locale"
)

// box is a block of fixed height that does not split.
type box struct {
	h    float64
	keep bool
}

func (b box) Measure(float64) float64 { return b.h }
func (b box) Split(w, h float64) (Block, Block) {
	if b.h <= h {
		return b, nil
	}
	return nil, b
}
func (b box) Draw(*Canvas, float64, float64, float64) error { return nil }
func (b box) KeepWithNext() bool                            { return b.keep }

func TestPaginate(t *testing.T) {
	para := func(lines int) *Paragraph {
		return &Paragraph{Spans: body(strings.Repeat("宁波公安这一年。", lines)), Setting: Setting{Align: Justify}, Leading: 10}
	}
	f := Frame{X: 0, Y: 0, W: 8 * sizeBody, H: 100}
	tests := []struct {
		name   string
		blocks []Block
		want   []int // blocks (or parts) per page
	}{
		{"fits", []Block{box{h: 40}, box{h: 60}}, []int{2}},
		{"overflow moves whole", []Block{box{h: 40}, box{h: 70}}, []int{1, 1}},
		{"keep with next", []Block{box{h: 50}, box{h: 30, keep: true}, box{h: 40}}, []int{1, 2}},
		{"space dropped at page head", []Block{box{h: 95}, Space(10), box{h: 10}}, []int{1, 1}},
		{"paragraph splits", []Block{box{h: 50}, para(10)}, []int{2, 1}},
		// 6 lines, room for 5: an orphan would be left, so 4 + 2
		{"no widow", []Block{box{h: 50}, para(6)}, []int{2, 1}},
		{"too few lines to split", []Block{box{h: 80}, para(3)}, []int{1, 1}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pages, err := Paginate(tt.blocks, f, 1)
			if err != nil {
				t.Fatal(err)
			}
			var got []int
			for _, p := range pages {
				got = append(got, len(p.Blocks))
				for _, b := range p.Blocks {
					if b.Y+b.H > f.Y+f.H+1e-6 {
						t.Errorf("page %d: block ends at %.1f, below the frame", p.Number, b.Y+b.H)
					}
				}
			}
			if len(got) != len(tt.want) {
				t.Fatalf("pages = %v, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] != tt.want[i] {
					t.Fatalf("pages = %v, want %v", got, tt.want)
				}
			}
		})
	}
}

func TestParagraphSplitKeepsEveryLine(t *testing.T) {
	p := &Paragraph{Spans: body(strings.Repeat("坚持将学习贯彻习总书记重要训词，", 12)), Setting: Setting{Align: Justify}, Leading: 16}
	all := p.Lines(200)
	head, tail := p.Split(200, 16*3)
	if head == nil || tail == nil {
		t.Fatal("no split")
	}
	h, tl := head.(*Paragraph), tail.(*Paragraph)
	if len(h.Lines(200))+len(tl.Lines(200)) != len(all) || len(h.Lines(200)) != 3 {
		t.Errorf("split %d + %d lines of %d, want 3 in the head", len(h.Lines(200)), len(tl.Lines(200)), len(all))
	}
	if head.Measure(200) > 16*3 {
		t.Errorf("head is %.1f pt, more than the 48 pt asked", head.Measure(200))
	}
}

func TestCheckReportsMissingGlyphs(t *testing.T) {
	r, err := data.Parse("r.yaml", []byte("title: 宁波\nsections:\n  - title: 吉祥\n    body: 第一段𠮷字\uE000。\n"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = New(r) // the glyph check comes first
	errs, ok := err.(data.Errors)
	if !ok || len(errs) != 2 {
		t.Fatalf("New = %v, want two errors", err)
	}
	if got := errs[0].Error(); !strings.Contains(got, "r.yaml:4:14") || !strings.Contains(got, "U+20BB7") {
		t.Errorf("first error = %s", got)
	}
	if got := errs[1].Error(); !strings.Contains(got, "U+E000") {
		t.Errorf("second error = %s", got)
	}
}

func TestCoverAndFolios(t *testing.T) {
	d, err := New(load(t, samplePath))
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Pages) < 4 || d.Pages[0].Number != 1 {
		t.Fatalf("%d pages", len(d.Pages))
	}
	for _, p := range d.Pages[1:] {
		for _, b := range p.Blocks {
			if b.X < marginX-1e-6 || b.X+b.W > pageW-marginX+1e-6 {
				t.Errorf("page %d: block outside the margins at x %.1f..%.1f", p.Number, b.X, b.X+b.W)
			}
		}
	}
}

// BenchmarkBuildSample builds the sample into PDF bytes in memory, each
// time compressing the fonts afresh (no fonts.Programs cache), as the
// first build of a process does.
func BenchmarkBuildSample(b *testing.B) {
	r := load(b, samplePath)
	for _, f := range fonts.Faces() {
		f.Font() // parsed once per process, not per build
	}
	defer func(c fonts.Cache) { fonts.Programs = c }(fonts.Programs)
	fonts.Programs = nil
	b.ResetTimer()
	for range b.N {
		build(b, r, Options{})
	}
}

// BenchmarkRebuildSample builds the sample again in the same process, as
// watch does after a save that did not change which characters are drawn:
// the compressed fonts come from fonts.Programs.
func BenchmarkRebuildSample(b *testing.B) {
	r := load(b, samplePath)
	build(b, r, Options{})
	b.ResetTimer()
	for range b.N {
		build(b, r, Options{})
	}
}

func TestInHeadline(t *testing.T) {
	tests := []struct {
		headline, value, unit string
		want                  bool
	}{
		{"500余场教育活动，1006项个人集体荣誉", "500", "余场", true},
		{"500余场教育活动，1006项个人集体荣誉", "1006", "项", true},
		{"全国首创打击电诈新模式，追缴返还资金1.01亿", "1.01", "亿元", true},
		{"破跨境赌博案12起", "2", "起", false},
		{"破跨境赌博案0.2起", "2", "起", false},
		{"交管4项指数全面下降", "4", "项", true},
		{"交管4项指数全面下降", "44", "项", false},
		{"死亡人数降幅近50%", "50", "%", true},
		{"", "1", "", false},
		// the figure as its card writes it, in 万 and 亿: 30793000 is 3079.3万
		{"旅客吞吐量3079.3万人次", "30793000", "人次", true},
		{"旅客吞吐量3079.3万人次", "30793", "人次", false},
		{"集装箱2300亿港元", "230000000000", "港元", true},
		{"查处案件1,046件", "1046", "件", true},
		// in 万 and its remainder, as a headline writes it
		{"公費流感疫苗接種12萬6,480劑", "126480", "劑", true},
		{"新增路外停车位1万2860格", "12860", "格", true},
		{"接种12万0480剂", "120480", "剂", true},
		{"接种12万480剂", "120480", "剂", true},
		{"接种12万6480剂", "126481", "剂", false},
		{"接种112万6480剂", "126480", "剂", false},
	}
	d := &Document{Theme: defaultTheme()}
	for _, tt := range tests {
		st := data.Stat{Value: data.Number{Text: tt.value}, Unit: tt.unit}
		if got := d.inHeadline(tt.headline, st); got != tt.want {
			t.Errorf("inHeadline(%q, %s%s) = %v", tt.headline, tt.value, tt.unit, got)
		}
	}
	// a card with a note or a source says more than the headline: kept
	for _, st := range []data.Stat{
		{Value: data.Number{Text: "1046"}, Unit: "件", Note: "同比增长12%"},
		{Value: data.Number{Text: "1046"}, Unit: "件", Source: "数据来源：市统计局"},
	} {
		if d.inHeadline("查处案件1046件", st) {
			t.Errorf("inHeadline(查处案件1046件, %+v) = true: its note or source would be lost", st)
		}
	}
	// Traditional Chinese separates thousands (3,079.3萬); a headline
	// that does not is the same figure
	d.Theme.Locale = locale.Must("zh-Hant-TW")
	if st := (data.Stat{Value: data.Number{Text: "30793000"}, Unit: "人次"}); !d.inHeadline("旅客3079.3萬人次", st) {
		t.Error("inHeadline(旅客3079.3萬人次, 30793000人次) = false in Traditional Chinese")
	}
	// English sets a space between a figure, its word and its unit; a
	// Latin unit's first word starts the headline's (t for tonnes)
	d.Theme.Locale = locale.Must("en")
	for _, tt := range []struct {
		headline, value, unit string
		want                  bool
	}{
		{"1,284 children read with a volunteer every week", "1284", "children", true},
		{"Capacity rises to 2.9 million tonnes a day", "2900000", "t a day", true},
		{"1,284 teachers trained", "1284", "trees", false},
		{"12 children read weekly", "2", "children", false},
		{"86 services online and an average wait of 6 minutes", "6", " min", true},
		{"£86,400 raised, 92% of the year's target", "86400", "", true},
	} {
		st := data.Stat{Value: data.Number{Text: tt.value}, Unit: tt.unit}
		if got := d.inHeadline(tt.headline, st); got != tt.want {
			t.Errorf("English: inHeadline(%q, %s %s) = %v", tt.headline, tt.value, tt.unit, got)
		}
	}
}

func TestCardRowsNeverLeaveOne(t *testing.T) {
	for n := 1; n <= 30; n++ {
		cards := make([]Block, n)
		for i := range cards {
			cards[i] = Space(1)
		}
		rows := cardRows(cards, 0, 2, gutter)
		last := rows[len(rows)-1].(*Row)
		if n > 1 && len(last.Cells) == 1 {
			t.Errorf("%d cards: the last row has one", n)
		}
	}
}

// TestCardFigureFits: the figure of a stat card shrinks until prefix,
// number, unit and arrow fit the card (found in review: the quarter-em
// spaces were not counted and 近3079.3万人次 stuck out).
func TestCardFigureFits(t *testing.T) {
	for _, tt := range []struct {
		prefix, value, unit, change string
		w                           float64
	}{
		{"近", "3079.3", "万人次", "", 105.3},
		{"约", "12345678", "元", "up", 80},
		{"", "1006", "项", "", 60},
	} {
		c := &statCard{stat: data.Stat{Prefix: tt.prefix, Value: data.Number{Text: tt.value}, Unit: tt.unit, Change: tt.change}, theme: defaultTheme(), big: sizeStat}
		l, big := c.figure(tt.w)
		room := tt.w - cardInset
		if tt.change != "" {
			room -= c.big * c.theme.Card.Unit
		}
		if l.Natural > room+0.01 {
			t.Errorf("%s%s%s at %.1f pt: figure %.2f pt wide in %.2f (size %.1f)", tt.prefix, tt.value, tt.unit, tt.w, l.Natural, room, big)
		}
	}
}

// TestFiguresFloat: a row of figures that does not fit waits for the top
// of the next page (under its kicker) while what follows fills this one;
// figures keep their order.
func TestFiguresFloat(t *testing.T) {
	fig := func(h float64) *Row {
		return &Row{Cells: []Block{box{h: h}, box{h: h}}, Columns: 2, Kicker: box{h: 5}}
	}
	a, b := fig(50), fig(20)
	text := box{h: 30}
	pages, err := Paginate([]Block{box{h: 60}, a, b, text}, Frame{W: 100, H: 100}, 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(pages) != 2 {
		t.Fatalf("%d pages, want 2", len(pages))
	}
	var first, second []Block
	for _, p := range pages[0].Blocks {
		first = append(first, p.Block)
	}
	for _, p := range pages[1].Blocks {
		second = append(second, p.Block)
	}
	if len(first) != 2 || first[1] != Block(text) {
		t.Errorf("page 1: %v, want the first block and the text that follows the figures", first)
	}
	if len(second) != 3 || second[1] != Block(a) || second[2] != Block(b) {
		t.Errorf("page 2: %v, want the kicker, then both figures in order", second)
	}
}

// TestJustifySpreadsTheFoot: the space left at the foot of a page but the
// last goes to the joints before section heads and around figures, at
// most maxJoint of the page at each; when the foot would still be blank
// over orderHole, the rest is shared so that the joint's blank and the
// foot's are alike.
func TestJustifySpreadsTheFoot(t *testing.T) {
	f := Frame{W: 100, H: 1000}
	for _, tt := range []struct {
		gap      float64 // left at the foot before justify
		min, max float64 // how far the head moves
	}{
		{150, maxJoint * f.H, maxJoint * f.H},        // 100 pt left at the foot: within orderHole
		{300, maxJoint*f.H + 1, (300 + 28 - 30) / 2}, // 250 left would be a band: shared
	} {
		top := f.H - tt.gap - 400
		head := &sectionHead{}
		pages := []Page{{Blocks: []Placed{{Block: box{h: top}, H: top}, {Block: head, Y: top, H: 400}}}, {}}
		justify(pages, f)
		moved := pages[0].Blocks[1].Y - top
		if moved < tt.min-1 || moved > tt.max+1 {
			t.Errorf("gap %.0f: the head moved %.0f pt, want %.0f to %.0f", tt.gap, moved, tt.min, tt.max)
		}
	}
}

// TestJustifyKeepsTheHeadOnItsCards: the space justify adds inside a
// section goes above a block after its text (a table, a box), not
// between its head and its stat cards nor between the cards and the
// text, unless the page would still end with a band (a designer saw a
// band of 25–60 px at 60 dpi under a head's rule, over its cards).
func TestJustifyKeepsTheHeadOnItsCards(t *testing.T) {
	f := Frame{W: 400, H: 1000}
	for _, tt := range []struct {
		gap   float64 // left at the foot before justify
		loose bool    // whether the head may part from its cards
	}{
		{80, false},
		{400, true}, // loose everywhere else, still a band at the foot
	} {
		cards := &Row{Cells: []Block{&statCard{}}, Columns: 1}
		bs := []Block{&sectionHead{}, Space(10), cards, flowOf(4, 8, false), box{h: 100}}
		hs := []float64{80, 10, 60, 0, 100}
		hs[3] = f.H - tt.gap - 250
		var placed []Placed
		y := 0.0
		for i, b := range bs {
			placed = append(placed, Placed{Block: b, Y: y, H: hs[i]})
			y += hs[i]
		}
		pages := []Page{{Blocks: placed}, {}}
		justify(pages, f)
		under := pages[0].Blocks[2].Y - (pages[0].Blocks[1].Y + 10)
		above := pages[0].Blocks[3].Y - (pages[0].Blocks[2].Y + 60)
		table := pages[0].Blocks[4].Y - (pages[0].Blocks[3].Y + hs[3])
		if table < 1 {
			t.Errorf("gap %.0f: the table moved %.0f pt, want the page's space above it", tt.gap, table)
		}
		if !tt.loose && (under > 0 || above > 0) {
			t.Errorf("gap %.0f: %.0f pt between the head and its cards, %.0f between the cards and the text; want none", tt.gap, under, above)
		}
		if tt.loose && under == 0 {
			t.Errorf("gap %.0f: the head kept on its cards over a band at the foot", tt.gap)
		}
	}
}

// TestPagesFullAndInOrder: a section's figure that does not fit after
// its text is set before it, not after the next section's head, and
// no page but the last ends with more than orderHole of it blank.
func TestPagesFullAndInOrder(t *testing.T) {
	f := Frame{W: 400, H: 600}
	head := func(n int) *sectionHead {
		return &sectionHead{Stack: Stack{Blocks: []Block{box{h: 80}}, Keep: true}, n: n}
	}
	// each section's figures carry its kicker, as body sets them: the
	// identity that survives the copies pagination makes of a row (set
	// taller, shorter, parted)
	kickers := []Block{&Stack{Blocks: []Block{box{h: 20}}}, &Stack{Blocks: []Block{box{h: 20}}}}
	fig := func(n int, h float64) *Row {
		return &Row{Cells: []Block{box{h: h}}, Columns: 1, Kicker: kickers[n]}
	}
	for _, tt := range []struct {
		name   string
		blocks []Block
	}{
		{"a long text, then two tall figures and a short section", []Block{
			head(0), flowOf(10, 8, false), fig(0, 250), fig(0, 230), Space(18), head(1), flowOf(1, 2, false),
		}},
		{"a section's text, then figures that all go overleaf", []Block{
			head(0), flowOf(4, 8, false), fig(0, 360), fig(0, 360), Space(18),
		}},
		{"a text that ends a page, then a figure", []Block{
			head(0), flowOf(12, 8, false), fig(0, 200), Space(18), head(1), flowOf(2, 4, false), Space(18), head(2), flowOf(2, 4, false),
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			pages, err := Paginate(tt.blocks, f, 1)
			if err != nil {
				t.Fatal(err)
			}
			justify(pages, f)
			for _, fault := range outOfOrder(pages, kickers) {
				t.Error(fault)
			}
			for i, p := range pages {
				bottom := 0.0
				for _, b := range p.Blocks {
					if _, space := b.Block.(Space); !space {
						bottom = max(bottom, b.Y+b.H)
					}
				}
				if hole := f.H - bottom; i < len(pages)-1 && hole > orderHole*f.H {
					t.Errorf("page %d: %.0f pt blank at the foot, more than %.0f", i+1, hole, orderHole*f.H)
				}
			}
		})
	}

	// the check finds a figure of section 1 set after the head of
	// section 2, a copy of the row as grown makes it
	late := *fig(0, 100)
	wrong := []Page{{Blocks: []Placed{{Block: head(0)}, {Block: head(1)}, {Block: &late}}}}
	if faults := outOfOrder(wrong, kickers); len(faults) != 1 {
		t.Errorf("a figure after the next section's head: %q, want it found", faults)
	}
}

// outOfOrder lists the figures of pages (known by their section's
// kicker, kickers[n] for section n) set after the head of a later
// section.
func outOfOrder(pages []Page, kickers []Block) []string {
	var faults []string
	last := -1 // the last head set
	for i, p := range pages {
		for _, b := range p.Blocks {
			if h, ok := b.Block.(*sectionHead); ok {
				last = h.n
			}
			k, ok := b.Block.(kickered)
			if !ok || k.kicker() == nil {
				continue
			}
			if s := slices.Index(kickers, k.kicker()); s >= 0 && s < last {
				faults = append(faults, fmt.Sprintf("page %d: a figure of section %d after the head of section %d", i+1, s+1, last+1))
			}
		}
	}
	return faults
}

// TestBylineCloses: the brochure's byline, when figures follow the last
// section's text, is set under them (a signature, not the flow's
// trailer), and when they go overleaf it goes with them, after them.
func TestBylineCloses(t *testing.T) {
	_, d := laidOut(t, `title: 测试
byline: 记者 张贻富
sections:
  - title: 一
    body: 全年共破获案件一千二百起。
    charts:
      - {type: bar, title: 甲, data: [{label: a, value: 1}, {label: b, value: 2}]}
      - {type: bar, title: 乙, data: [{label: a, value: 3}, {label: b, value: 4}]}
`)
	bs := d.body()
	var last Block
	for _, b := range bs {
		if fw, ok := b.(*Flow); ok && fw.Trailer != nil {
			t.Error("the byline closes the text, above the section's figures")
		}
		if _, space := b.(Space); !space {
			last = b
		}
	}
	if _, ok := last.(signature); !ok {
		t.Errorf("the section ends with a %T, want the byline", last)
	}

	f := Frame{W: 400, H: 600}
	fig := &Row{Cells: []Block{box{h: 300}}, Columns: 1, Kicker: box{h: 20}}
	sig := signature{&Paragraph{Spans: body("记者 张贻富"), Setting: Setting{Align: Right}, Leading: 14}}
	pages, err := Paginate([]Block{box{h: 400}, fig, sig}, f, 1)
	if err != nil {
		t.Fatal(err)
	}
	var order []Block
	for _, p := range pages {
		for _, b := range p.Blocks {
			order = append(order, b.Block)
		}
	}
	if len(pages) != 2 || len(order) != 4 || order[2] != Block(fig) || order[3] != Block(sig) {
		t.Errorf("%d pages, blocks %v: want the figure overleaf (under its kicker), then the byline", len(pages), order)
	}
}

// TestHeadKeepsItsText: a section's head and stat cards do not end a
// page with the section's text overleaf: the section begins with its
// head and first lines, its cards after its text (cardsAfter); where the
// text's first lines do not fit either, the page ends before the head
// when that leaves a band of less than strandFault's, and only with a
// hole do the head and cards end the page.
func TestHeadKeepsItsText(t *testing.T) {
	card := func() Block {
		return &statCard{stat: data.Stat{Value: data.Number{Text: "12"}, Unit: "起", Label: "案件"}, theme: defaultTheme(), big: sizeStat}
	}
	for _, tt := range []struct {
		name    string
		h       float64 // the frame's height
		leading float64 // the text's
		paras   int     // the text's paragraphs, each of 8 sentences (1: of 4, two lines set across the columns, see Flow.across)
		want    string  // what follows the head on page 1 ("" when the head is not there)
	}{
		{"its first lines fit under the head", 1000, 14, 4, "*layout.Flow"},
		{"all its text fits, its cards would open the next page alone", 1000, 14, 1, ""},
		{"a band under a quarter of the page", 1000, 60, 4, ""},
		{"a hole", 500, 60, 4, "*layout.Row"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			f := Frame{W: 400, H: tt.h}
			cards := &Row{Cells: []Block{card(), card()}, Columns: 4, Gutter: 10}
			head := &sectionHead{Stack: Stack{Blocks: []Block{box{h: 80}}, Keep: true}, n: 1}
			text := flowOf(tt.paras, map[bool]int{true: 4, false: 8}[tt.paras == 1], false)
			text.Leading = tt.leading
			// room for the head, its cards and 20 pt
			top := f.H - 80 - cards.Measure(f.W) - 20
			pages, err := Paginate([]Block{box{h: top}, head, cards, text}, f, 1)
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			for k, b := range pages[0].Blocks {
				if b.Block == Block(head) && k+1 < len(pages[0].Blocks) {
					got = fmt.Sprintf("%T", pages[0].Blocks[k+1].Block)
				}
			}
			if got != tt.want {
				t.Errorf("after the head on page 1: %q, want %q", got, tt.want)
			}
		})
	}
}

// TestShareNotScaled: a share is printed in full, never in million or
// billion (230 billion%), in English, whose figures are otherwise counted
// in them, as in Chinese.
func TestShareNotScaled(t *testing.T) {
	for _, tag := range []string{"en", "zh-Hans"} {
		th := defaultTheme()
		th.Locale = locale.Must(tag)
		c := &statCard{stat: data.Stat{Value: data.Number{Text: "230000000000"}, Unit: "%"}, theme: th}
		if _, fig, unit := c.parts(); strings.ContainsAny(fig+unit, "b亿万") || !strings.HasPrefix(strings.ReplaceAll(fig, ",", ""), "230000000000") {
			t.Errorf("%s: 230000000000%% printed as %s%s", tag, fig, unit)
		}
	}
}

// TestTrailerNotAlone: the room kept for what closes the brochure (the
// report's QR code) is at the foot of a last page that holds content:
// when it does not fit below the last lines, the page before ends
// shorter and the end of the text goes on with it, rather than the
// trailer standing alone on a page of its own; the pages leave it out.
func TestTrailerNotAlone(t *testing.T) {
	para := &Paragraph{Spans: body(strings.Repeat("宁波公安这一年。", 6)), Setting: Setting{Align: Justify}, Leading: 10}
	f := Frame{W: 8 * sizeBody, H: 100}
	for _, tt := range []struct {
		name   string
		blocks []Block
		pages  int
	}{
		{"room below the text", []Block{box{h: 10}, para, Trailer(30)}, 1},
		{"no room below the text", []Block{box{h: 40}, para, Trailer(30)}, 2},
	} {
		t.Run(tt.name, func(t *testing.T) {
			pages, err := Paginate(tt.blocks, f, 1)
			if err != nil {
				t.Fatal(err)
			}
			if len(pages) != tt.pages {
				t.Fatalf("%d pages, want %d", len(pages), tt.pages)
			}
			last := pages[len(pages)-1]
			end := 0.0
			for _, b := range last.Blocks {
				if _, ok := b.Block.(Trailer); ok {
					t.Error("the trailer is among the page's blocks")
				}
				end = max(end, b.Y+b.H)
			}
			if len(last.Blocks) == 0 || end > f.H-30+1e-6 {
				t.Errorf("the last page holds %d blocks down to %.0f pt: want content, and room for the trailer below it", len(last.Blocks), end)
			}
		})
	}
}

// TestFigureEndsPage: a figure that follows one waiting for the next
// page, and fits at this page's foot but for its space below (which a
// row ends a page without), is set there rather than waiting too, with
// the page above it blank (the market report's waffle chart under its
// section's text, poster look).
func TestFigureEndsPage(t *testing.T) {
	f := Frame{W: 400, H: 100}
	kicker := box{h: 10}
	tall := &Row{Cells: []Block{box{h: 60}}, Columns: 1, Kicker: kicker}
	short := &Row{Cells: []Block{box{h: 46}}, Columns: 1, After: 8, Kicker: kicker}
	pages, err := Paginate([]Block{box{h: 50}, tall, short}, f, 1)
	if err != nil {
		t.Fatal(err)
	}
	var first []float64
	for _, b := range pages[0].Blocks {
		first = append(first, b.H)
		if b.Y+b.H > f.Y+f.H+1e-6 {
			t.Errorf("a block ends at %.1f, below the frame", b.Y+b.H)
		}
	}
	if len(first) != 2 || first[1] != 46 {
		t.Errorf("page 1 holds blocks %v tall, want the text and the short figure without its space below (50, 46)", first)
	}
}

// TestFootBelow: justify judges the blank at a page's foot with the
// frame's Below (the look's space under a text, the margin to the foot's
// rule), so that a look with more of it (the report's 18 pt under a
// text) still gets a page without a blank band over orderHole at its
// foot where its joints can take the space (the init template's page 2
// in the report look was 16 % blank).
func TestFootBelow(t *testing.T) {
	for _, below := range []float64{28, 40} {
		f := Frame{W: 400, H: 1000, Below: below}
		head := &sectionHead{Stack: Stack{Blocks: []Block{box{h: 60}}, Keep: true}, n: 1}
		pages, err := Paginate([]Block{box{h: 400}, Space(24), head, box{h: 311}, box{h: 900}}, f, 1)
		if err != nil {
			t.Fatal(err)
		}
		justify(pages, f)
		bs := pages[0].Blocks
		last := bs[len(bs)-1]
		if foot := f.H - (last.Y + last.H) + below; foot > orderHole*f.H+1 {
			t.Errorf("Below %.0f: page 1's foot is %.0f pt blank, over %.0f", below, foot, orderHole*f.H)
		}
	}
}

// TestCarryKeepsTheSectionAfter: a section's text whose lone figure (the
// NGO report's pie) does not fit beside its end at a page's foot, and
// whose table follows it, reads whole in drawing order: the text's last
// lines were carried to the next page with the pie while the table was
// set on this page, between two lines of the paragraph. No page sets
// anything of a section after a text whose paragraph goes on overleaf.
func TestCarryKeepsTheSectionAfter(t *testing.T) {
	r := load(t, "../examples/ngo-impact-2025/report.yaml")
	d, err := NewWith(r, Options{Draft: true, Style: "newspaper"})
	if err != nil {
		t.Fatal(err)
	}
	tables := 0
	for _, p := range d.Pages {
		for k, b := range p.Blocks {
			if _, ok := b.Block.(*tableBlock); ok {
				tables++
			}
			f, ok := b.Block.(*Flow)
			if !ok || len(f.units) == 0 || paraEnd(f.units, len(f.units)) {
				continue
			}
			for _, after := range p.Blocks[k+1:] {
				switch after.Block.(type) {
				case Space, *sectionHead, *Paragraph, Rule, *logoMark:
					continue // space; the page's furniture
				}
				t.Errorf("page %d: a %T after a text whose paragraph goes on overleaf", p.Number, after.Block)
			}
		}
	}
	if tables == 0 {
		t.Fatal("no table laid out: the case is gone")
	}
}

// TestReadsAbove: a page that sets a chart the full width directly above
// a text in two columns whose paragraph runs on from one column to the
// other is not a way (poppler reads the chart's labels over column 2
// inside the paragraph: see TestHeroForPoppler); the same page with the
// chart after the text is, and a row of two photos above it once
// overText has set them on the columns.
func TestReadsAbove(t *testing.T) {
	src := `title: 科研年报
sections:
  - title: 论文与专利
    body: "全年授权发明专利1086件，同比增长7.5%；PCT国际专利申请74件，主要集中在储能材料、医疗器械和工业软件领域。高被引论文数量达到219篇，居全国高校前列。"
    charts:
      - type: line
        title: 高被引论文数量
        data: [{label: "2019", value: 96}, {label: "2020", value: 118}, {label: "2021", value: 143}, {label: "2022", value: 167}, {label: "2023", value: 181}, {label: "2024", value: 204}, {label: "2025", value: 219}]
`
	_, d := laidOut(t, src)
	var flow, chart Placed
	for _, b := range d.Pages[1].Blocks {
		switch x := b.Block.(type) {
		case *Flow:
			flow = b
		case *Row:
			if x.Columns == 1 {
				chart = b
			}
		}
	}
	f, ok := flow.Block.(*Flow)
	if !ok || chart.Block == nil || f.cols() != 2 || !f.runsAcross(flow.W) {
		t.Fatalf("page 2: want a text in two columns whose paragraph runs on, and a chart the full width: %+v %+v", flow, chart)
	}
	if readsAbove(Page{Blocks: []Placed{chart, flow}}) {
		t.Error("the chart above the text reads")
	}
	if !readsAbove(Page{Blocks: []Placed{flow, chart}}) {
		t.Error("the chart after the text does not read")
	}
	wide, tall := &photoBlock{natural: 2.0 / 3, caption: &Paragraph{Spans: f.Paras[0].Spans, Leading: 11}}, &photoBlock{natural: 1.5, caption: &Paragraph{Spans: f.Paras[0].Spans, Leading: 11}}
	photos := &Row{Cells: []Block{wide, tall}, Columns: 2, Gutter: f.Gutter, Kicker: chart.Block.(*Row).Kicker}
	if readsOver(photos, f, flow.W) {
		t.Error("two photos shared by their shapes, the second caption over column 2 alone, read before the text")
	}
	set := overText(photos, f, flow.W)
	if !readsAbove(Page{Blocks: []Placed{{set, flow.X, 0, flow.W, set.Measure(flow.W)}, flow}}) {
		t.Error("two photos set by overText do not read")
	}
	if h0, h := photos.Measure(flow.W), set.Measure(flow.W); math.Abs(h-h0) > 0.01 {
		t.Errorf("the photos' row %.1f pt tall, set on the columns %.1f", h0, h)
	}
}

// TestOverColumns: on three columns, no section's text stands right under a
// row of figures with a paragraph running on from one column into the
// next (poppler's pdftotext reads the figures' labels over the second
// column between the first column and the second, inside it): such a
// page is no way to set it (overColumns), and a text that would be cut so
// there goes on whole to the next page.
func TestOverColumns(t *testing.T) {
	row := &Row{Cells: []Block{box{h: 80}}, Columns: 1, Kicker: box{h: 10}}
	runsOn, w := flow3(false, 7, 2)
	ends, _ := flow3(false, 4, 4, 4)
	two, _ := flow3(false, 7, 2)
	two.Columns = 2
	f := Frame{W: w, H: 600}
	for _, tt := range []struct {
		name string
		fw   *Flow
		want bool
	}{
		{"a paragraph runs on", runsOn, true},
		{"columns end at paragraphs' ends", ends, false},
		{"two columns", two, false},
	} {
		p := Page{Blocks: []Placed{{Block: row, H: 80}, {Block: tt.fw}}}
		if got := overColumns(p, f); got != tt.want {
			t.Errorf("%s: overColumns %v, want %v", tt.name, got, tt.want)
		}
	}
	long, _ := flow3(false, 9, 9, 9, 9)
	pages, err := Paginate([]Block{row, long}, Frame{W: w, H: 80 + 5*long.Leading}, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		if overColumns(p, f) {
			t.Errorf("page %d: the text runs on under the row of figures", p.Number)
		}
	}
}

// TestCardRowsGoOnTogether: a section's stat cards in two rows (seven:
// four and three) are not parted by a page break: river-basin's section
// 1 had four cards at a page's foot, three overleaf, with no reminder of
// whose they were.
func TestCardRowsGoOnTogether(t *testing.T) {
	var cs []Block
	for range 7 {
		cs = append(cs, &statCard{stat: data.Stat{Value: data.Number{Text: "12"}, Unit: "起", Label: "案件"}, theme: defaultTheme(), big: sizeStat})
	}
	rows := cardRows(cs, 0, 2, 10)
	if len(rows) != 2 {
		t.Fatalf("%d rows of cards, want 2", len(rows))
	}
	f := Frame{W: 400, H: 1000}
	head := &sectionHead{Stack: Stack{Blocks: []Block{box{h: 80}}, Keep: true}, n: 1}
	text := flowOf(4, 8, false)
	// room for the head, the first row and a little
	top := f.H - 80 - rows[0].Measure(f.W) - 20
	pages, err := Paginate(append([]Block{box{h: top}, head}, append(rows, text)...), f, 1)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pages {
		n := 0
		for _, b := range p.Blocks {
			if cards(b.Block) {
				n++
			}
		}
		if n == 1 {
			t.Errorf("page %d holds one row of the section's two rows of cards", p.Number)
		}
	}
}

// TestJustifyLoosensATable: a table on a page whose joints cannot take
// the blank at its foot (alone on its page: the next section's head did
// not fit under it) is set looser, its rows padded more, as little as
// fills the page and never more than loosestPad of the look's padding;
// a table on a page that ends full enough keeps its rows.
func TestJustifyLoosensATable(t *testing.T) {
	var src strings.Builder
	src.WriteString("title: 表\nsections:\n  - title: 各站\n    tables:\n      - columns: [站点, 流量]\n        rows:\n")
	for i := range 20 {
		fmt.Fprintf(&src, "          - [第%02d站, %d]\n", i+1, 100+i*7)
	}
	r, err := data.Parse("t.yaml", []byte(src.String()))
	if err != nil {
		t.Fatal(err)
	}
	d, err := NewWith(r, Options{Draft: true})
	if err != nil {
		t.Fatal(err)
	}
	tb := d.table(0, 0, r.Sections[0].Tables[0]).(*tableBlock)
	const w = 400.0
	h := tb.Measure(w)
	for _, tt := range []struct {
		name  string
		gap   float64 // left under the table and its space below, pt
		grows bool
	}{
		{"full enough", 10, false},
		{"a third blank", h / 2, true},
		{"half blank: at its loosest", h, true},
	} {
		f := Frame{W: w, H: h + 24 + tt.gap}
		pages := []Page{{Blocks: []Placed{{Block: tb, W: w, H: h}, {Block: Space(24), Y: h, W: w, H: 24}}}, {}}
		justify(pages, f)
		got := pages[0].Blocks[0]
		l, ok := got.Block.(*tableBlock)
		if !ok {
			t.Fatalf("%s: a %T in the table's place", tt.name, got.Block)
		}
		switch {
		case !tt.grows && got.H != h:
			t.Errorf("%s: the table set %.0f pt tall, want %.0f as it was", tt.name, got.H, h)
		case tt.grows && got.H < h+1:
			t.Errorf("%s: the table kept its %.0f pt over a page %.0f pt tall", tt.name, h, f.H)
		case l.style.Pad > loosestPad*tb.style.Pad+1e-6:
			t.Errorf("%s: rows padded %.1f pt, the most is %.1f", tt.name, l.style.Pad, loosestPad*tb.style.Pad)
		case got.H > f.H+1e-6 || pages[0].Blocks[1].Y < got.Y+got.H-1e-6:
			t.Errorf("%s: the table runs %.0f pt tall in a frame of %.0f, the space after it at %.0f", tt.name, got.H, f.H, pages[0].Blocks[1].Y)
		}
		if blank := f.H - got.H - 24; tt.grows && l.style.Pad < loosestPad*tb.style.Pad-0.1 && blank+24+f.below() > holeShare*f.H+1 {
			t.Errorf("%s: %.0f pt blank at the foot, the table not at its loosest", tt.name, blank)
		}
	}
}

// TestCardRowsOnColumns: over a text of three columns, up to three stat
// cards, or six or nine, stand on the columns, a card to a column, in the
// body's gutter (a row of four crosses the gutters, and a card's label
// ending inside one stretches poppler's box of the column of text above
// over the next column's: see charts.Columns); over two columns, in a
// band or beside a figure (textCols 0), the count decides as before.
func TestCardRowsOnColumns(t *testing.T) {
	const w, gutter = 600.0, 20.0
	cw := spanWidth(1, gridCols, w, gutter)
	for _, tc := range []struct {
		n, cols, textCols int
		wantCols          int
		onColumns         bool
	}{
		{1, 0, 3, 3, true},
		{2, 0, 3, 3, true},
		{3, 0, 3, 3, true},
		{6, 0, 3, 3, true},
		{9, 0, 3, 3, true},
		{4, 0, 3, 4, false}, // four across: a case left
		{5, 0, 3, 5, false},
		{2, 0, 2, 4, false},
		{3, 0, 2, 4, false},
		{3, 0, 0, 4, false}, // in a band
		{2, 2, 3, 2, false}, // beside a figure
	} {
		var cs []Block
		for range tc.n {
			cs = append(cs, &statCard{stat: data.Stat{Value: data.Number{Text: "12"}, Unit: "起", Label: "案件"}, theme: defaultTheme(), big: sizeStat})
		}
		for _, b := range cardRows(cs, tc.cols, tc.textCols, gutter) {
			r := b.(*Row)
			if r.Columns != tc.wantCols {
				t.Errorf("%d cards, cols %d, over %d columns: rows of %d, want %d", tc.n, tc.cols, tc.textCols, r.Columns, tc.wantCols)
				break
			}
			if !tc.onColumns {
				continue
			}
			for i := range r.Cells {
				if x, width := r.cell(w, i); math.Abs(x-float64(i)*(cw+gutter)) > 1e-6 || math.Abs(width-cw) > 1e-6 {
					t.Errorf("%d cards over three columns: card %d at %.1f, %.1f wide; want column %d's edge %.1f, %.1f wide", tc.n, i+1, x, width, i+1, float64(i)*(cw+gutter), cw)
				}
			}
		}
	}
}

// TestJustifyLowersAClosingQuote: on a page whose joints cannot take its
// blank (a short section alone, the next head too tall to follow), a text
// that closes with a pull quote sets the quote lower, by whole rows, at
// most quoteRows, and larger, at most quoteLarger times its size — a text
// in two columns across them, under the columns — so that no band is left
// taller than it must; a page full enough and a text without a quote keep
// their rows.
func TestJustifyLowersAClosingQuote(t *testing.T) {
	quoted := func(cols int, quote bool) *Flow {
		f := flowOf(cols, 2, false) // two columns of two paragraphs: not set across
		f.Columns = cols
		if quote {
			f.Paras = append(f.Paras, Para{Kind: PullQuote, Spans: body("屋企细，晚上去图书馆温书最安静。")})
		}
		return f
	}
	const w = 300.0
	for _, tt := range []struct {
		name   string
		flow   *Flow
		gap    float64 // left at the foot, pt
		lowers bool
	}{
		{"full enough", quoted(1, true), 60, false},
		{"a third blank", quoted(1, true), 340, true},
		{"two columns", quoted(2, true), 340, true},
		{"no quote", quoted(1, false), 340, false},
	} {
		if tt.name != "full enough" && !tt.lowers && tt.flow.looser(1) != tt.flow {
			t.Errorf("%s: the text set looser", tt.name)
		}
		h := tt.flow.Measure(w)
		f := Frame{W: w, H: 80 + 60 + h + 24 + tt.gap}
		pages := []Page{{Blocks: []Placed{
			{Block: &sectionHead{}, W: w, H: 80},
			{Block: &Row{Cells: []Block{&statCard{}}, Columns: 1}, Y: 80, W: w, H: 60},
			{Block: tt.flow, Y: 140, W: w, H: h},
			{Block: Space(24), Y: 140 + h, W: w, H: 24},
		}}, {}}
		if tt.name == "full enough" {
			// a page of more, so that what the foot leaves is no band
			f.H += 600
			bs := pages[0].Blocks
			for k := range bs {
				bs[k].Y += 600
			}
			pages[0].Blocks = append([]Placed{{Block: box{h: 600}, W: w, H: 600}}, bs...)
		}
		justify(pages, f)
		got := pages[0].Blocks[len(pages[0].Blocks)-2]
		l := got.Block.(*Flow)
		switch {
		case !tt.lowers && (got.H != h || l != tt.flow):
			t.Errorf("%s: the text set %.0f pt tall, want %.0f as it was", tt.name, got.H, h)
		case tt.lowers && (got.H <= h || l.quoteGap < 1):
			t.Errorf("%s: the quote kept its place over a page %.0f pt tall", tt.name, f.H)
		case l.quoteGap > quoteRows:
			t.Errorf("%s: %d blank rows more above the quote, at most %d", tt.name, l.quoteGap, quoteRows)
		case got.Y+got.H > f.H+1e-6:
			t.Errorf("%s: the text ends at %.0f, past the frame's %.0f", tt.name, got.Y+got.H, f.H)
		}
		if !tt.lowers {
			continue
		}
		// the quote's blank rows stand above it, none elsewhere; its
		// size grown, at most quoteLarger times; in two columns, across
		// them, under the columns
		size := tt.flow.Paras[len(tt.flow.Paras)-1].Spans[0].Size
		var q *pullQuote
		us := l.set(w)
		if tt.flow.cols() > 1 {
			var dy float64
			q, dy = l.wideQuote(l.layout(w), w)
			if q == nil || slices.ContainsFunc(us, func(u unit) bool { return u.quote != nil }) {
				t.Errorf("%s: the quote stands in a column, want it across the columns", tt.name)
				continue
			}
			if c := l.layout(w); dy != c.height(l.Leading)+float64(1+l.quoteGap)*l.Leading {
				t.Errorf("%s: the quote %.1f pt under the columns' top, want %d blank rows under them", tt.name, dy, 1+l.quoteGap)
			}
		} else {
			k := slices.IndexFunc(us, func(u unit) bool { return u.quote != nil })
			q = us[k].quote
			gaps := 0
			for _, u := range us[:k] {
				if u.gap {
					gaps++
				}
			}
			if gaps != 1+l.quoteGap {
				t.Errorf("%s: %d blank rows above the quote, want %d", tt.name, gaps, 1+l.quoteGap)
			}
		}
		if got := q.text[0].Size; got <= size || got > quoteLarger*size+1e-6 {
			t.Errorf("%s: the quote set at %.1f pt, want larger than %.1f, at most %.1f", tt.name, got, size, quoteLarger*size)
		}
	}
}

// TestJustifySinksALoneSection: a section alone on its page, its head
// over its text, the page's foot a blank band all the same (the next
// section's head too tall to follow it), takes some of the blank under
// its head, its text sunk as a letter's page is; a head over its text
// with another block before it on the page, or after it, does not.
func TestJustifySinksALoneSection(t *testing.T) {
	const w = 300.0
	text := func() *Flow { return flowOf(1, 2, false) }
	for _, tt := range []struct {
		name  string
		above bool // a block over the head
		after bool // a block under the text
		sinks bool
	}{
		{"alone", false, false, true},
		{"under another", true, false, false},
		{"over another", false, true, false},
	} {
		fl := text()
		h := fl.Measure(w)
		var bs []Placed
		y := 0.0
		add := func(b Block, bh float64) {
			bs = append(bs, Placed{Block: b, Y: y, W: w, H: bh})
			y += bh
		}
		if tt.above {
			add(box{h: 40}, 40)
		}
		add(&sectionHead{}, 60)
		add(fl, h)
		if tt.after {
			add(box{h: 40}, 40)
		}
		add(Space(24), 24)
		f := Frame{W: w, H: y + 0.4*(y+200) + 200}
		pages := []Page{{Blocks: bs}, {}}
		justify(pages, f)
		k := slices.IndexFunc(pages[0].Blocks, func(b Placed) bool { return b.Block == Block(fl) })
		head := pages[0].Blocks[k-1]
		sunk := pages[0].Blocks[k].Y - (head.Y + head.H)
		if sunk > 1e-6 != tt.sinks {
			t.Errorf("%s: the text %.1f pt under its head, want sunk %v", tt.name, sunk, tt.sinks)
		}
	}
}

// TestTextStaysWhole: a section's text that fills its page but for its
// figure (Flow.Float) is set whole there, the figure going on alone to
// join the figures that follow, when carrying the text's last lines on
// with it (see carry) would leave the lines that stay balanced short,
// the page's foot blank over orderHole (the poster look's fire services
// review, page 4: 31 % blank).
func TestTextStaysWhole(t *testing.T) {
	f, w := flow3(false, 9, 9, 9, 9, 9, 9, 9, 9, 9)
	f.Float, f.FloatGap = frame(0.5), 14
	f.Kicker = box{h: 5}
	us := f.set(w)
	rows := (len(us) + 2) / 3
	if fr := f.floatRows(w); 3*(rows+1) >= len(us)+fr {
		t.Fatalf("%d rows of text and a float of %d: the text and its figure fit a page of %d rows, the case is not made", len(us), fr, rows+1)
	}
	figs := &Row{Cells: []Block{box{h: 40}, box{h: 40}}, Columns: 2, Kicker: f.Kicker}
	fr := Frame{W: w, H: float64(rows+1) * f.Leading}
	pages, err := Paginate([]Block{f, figs}, fr, 1)
	if err != nil {
		t.Fatal(err)
	}
	var text *Flow
	for _, b := range pages[0].Blocks {
		if fw, ok := b.Block.(*Flow); ok {
			text = fw
		}
	}
	if text == nil {
		t.Fatal("page 1 holds no text")
	}
	if n := len(text.set(w)); n != len(us) {
		t.Errorf("page 1 holds %d of the text's %d rows: its last lines went on with the figure", n, len(us))
	}
}
