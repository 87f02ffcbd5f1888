package layout

import (
	"fmt"
	"image"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/internal/pdftest"
	"github.com/brochure-dev/brochure/theme"
)

// TestCoverWhateverTheData: a cover with 0 to 16 key figures, on A4 and
// A5, with and without a summary, shows every figure and leaves no blank
// band over 15 % of the page.
func TestCoverWhateverTheData(t *testing.T) {
	for _, paper := range []string{"A4", "A5"} {
		for _, n := range []int{0, 1, 2, 3, 4, 5, 7, 10, 13, 16} {
			for _, summary := range []string{"", "summary: 全年各项工作稳中有进，社会治安持续向好。\n"} {
				name := fmt.Sprintf("%s/%d/summary=%v", paper, n, summary != "")
				t.Run(name, func(t *testing.T) {
					var b strings.Builder
					fmt.Fprintf(&b, "title: 宁波公安这一年\norganization: 宁波市公安局\ndate: 2021-01-18\n%stheme: {paper: %s}\nsections:\n", summary, paper)
					for i := range max(n, 1) {
						fmt.Fprintf(&b, "  - title: 第%d部分工作\n", i+1)
						if i < n {
							fmt.Fprintf(&b, "    stats:\n      - {value: %d, unit: 起, label: 破获案件}\n", 100+i)
						}
					}
					r, err := data.Parse("cover.yaml", []byte(b.String()))
					if err != nil {
						t.Fatal(err)
					}
					d, pdf := build(t, r, Options{})
					cards := 0
					var count func(Block)
					count = func(bl Block) {
						switch c := bl.(type) {
						case *statCard:
							cards++
						case *Row:
							for _, x := range c.Cells {
								count(x)
							}
						}
					}
					for _, p := range d.Pages[0].Blocks {
						count(p.Block)
						if p.Y+p.H > d.geo.H-d.geo.MarginBottom+1e-6 {
							t.Errorf("a block of the cover ends at %.0f, below the type area", p.Y+p.H)
						}
					}
					if cards != n {
						t.Errorf("%d key figures on the cover, want %d", cards, n)
					}
					if band := blankBand(pdftest.Render(t, pdf, 0, 40)); band > 0.15 {
						t.Errorf("a blank band of %.0f %% on the cover", band*100)
					}
				})
			}
		}
	}
}

// TestLongTitleStepsDown: a title long for A5 wraps and steps down a size
// rather than being refused, and at the smallest size deepens the band (38
// characters on A5); one that fits at no size in a band of half the page
// is refused (38 characters on A5 landscape).
func TestLongTitleStepsDown(t *testing.T) {
	for _, tt := range []struct {
		title, paper string
		ok           bool
	}{
		{"宁波市公安局二〇二三年度工作报告暨社会治安形势分析", "A5", true},
		{strings.Repeat("宁波市公安局年度工作报告", 3) + "第一", "A5", true},
		{strings.Repeat("宁波市公安局年度工作报告", 3) + "第一", "A5, orientation: landscape", false},
	} {
		src := "title: " + tt.title + "\nsubtitle: 2023年工作回顾\norganization: 宁波市公安局\ndate: 2024-01-01\ntheme: {paper: " + tt.paper + "}\nsections:\n  - title: 一\n"
		r, err := data.Parse("t.yaml", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		d, err := New(r)
		if (err == nil) != tt.ok {
			t.Fatalf("%d characters: %v", len([]rune(tt.title)), err)
		}
		if err != nil {
			continue
		}
		for _, p := range d.Pages[0].Blocks {
			if para, ok := p.Block.(*Paragraph); ok && para.Spans[0].Text == tt.title {
				if size := para.Spans[0].Size; size >= d.geo.display(sizeCover) {
					t.Errorf("title set at %.1f pt, the largest size", size)
				}
				if band := d.Pages[0].Blocks[0]; p.Y+p.H > band.Y+band.H {
					t.Errorf("title runs out of the band")
				}
			}
		}
	}
}

// TestShortReportIsItsCover: a report whose sections have nothing but
// their titles, or text short enough to fit below the band, is its cover
// alone (one title made a second page 95 % empty, one short paragraph a
// second page mostly empty); a longer body, or figures, still get pages of
// their own. Everything is printed, on the cover page itself when it is all.
func TestShortReportIsItsCover(t *testing.T) {
	long := strings.Repeat("这是一段用来占满版面的正文，记录了全年工作的主要进展和成效。", 40)
	for _, tc := range []struct {
		name, sections string
		pages          int
	}{
		{"one title", "  - title: 开放日活动\n", 1},
		{"three titles", "  - title: 开放日活动\n  - title: 反诈宣传\n  - title: 居民座谈\n", 1},
		{"a title and a body", "  - title: 开放日活动\n  - title: 反诈宣传\n    body: 民警现场讲解了防范电信网络诈骗的常识。\n", 1},
		{"a byline", "  - title: 开放日活动\nbyline: 白云街道派出所供稿\n", 1},
		{"a long body", "  - title: 开放日活动\n    body: " + long + "\n", 2},
		{"a stat", "  - title: 开放日活动\n    stats:\n      - {value: 120, unit: 余名, label: 居民参加}\n    body: 民警现场讲解了防范电信网络诈骗的常识。\n", 2},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src := "title: 社区警务室开放日\norganization: 白云街道派出所\ndate: 2024-05-18\ntheme: {paper: A5}\nsections:\n" + tc.sections
			r, err := data.Parse("short.yaml", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			_, pdf := build(t, r, Options{})
			doc := pdftest.Open(t, pdf)
			if len(doc.Pages) < tc.pages || tc.pages == 1 && len(doc.Pages) != 1 {
				t.Fatalf("%d pages, want %d", len(doc.Pages), tc.pages)
			}
			text := flat(doc.AllText())
			for _, s := range r.Sections {
				if !strings.Contains(text, flat(s.Title)) {
					t.Errorf("%q is not printed", s.Title)
				}
				for _, p := range s.Paragraphs() {
					if tc.pages == 1 && !strings.Contains(text, flat(p)) {
						t.Errorf("%.20q… is not printed", p)
					}
				}
			}
			if r.Byline != "" && !strings.Contains(text, flat(r.Byline)) {
				t.Errorf("the byline %q is not printed", r.Byline)
			}
		})
	}
}

// TestCoverComposed: the key figures' last row never holds one figure
// alone when another grid avoids it (five are set three and two, seven
// four and three), and a band grown on a cover with little to show takes
// its title down with its foot rather than leave a field of colour under
// it (the blank template's cover was two thirds red, its title at the top).
func TestCoverComposed(t *testing.T) {
	for _, n := range []int{5, 7, 9} {
		var b strings.Builder
		fmt.Fprintf(&b, "title: 消防局年报\norganization: 某市消防局\ndate: 2026-01-01\nsections:\n")
		for i := range n {
			fmt.Fprintf(&b, "  - title: 第%d部分\n    stats:\n      - {value: %d, unit: 件, label: 出勤}\n", i+1, 100+i)
		}
		r, err := data.Parse("cover.yaml", []byte(b.String()))
		if err != nil {
			t.Fatal(err)
		}
		d, _ := build(t, r, Options{})
		var last *Row
		for _, p := range d.Pages[0].Blocks {
			if row, ok := p.Block.(*Row); ok && len(row.Cells) > 0 {
				if _, card := row.Cells[0].(*statCard); card {
					last = row
				}
			}
		}
		if last == nil || len(last.Cells) < 2 {
			t.Errorf("%d figures: the last row of the cover holds %v", n, last)
		}
	}
	r, err := data.Parse("blank.yaml", []byte("title: 年度回顾\ndate: 2021-12-31\nsections:\n  - title: 第一部分\n    body: |\n      正文写在这里。\n"))
	if err != nil {
		t.Fatal(err)
	}
	d, _ := build(t, r, Options{})
	band := d.Pages[0].Blocks[0]
	if band.H < 0.5*d.geo.H {
		t.Fatalf("the band is %.0f pt of %.0f: it did not grow", band.H, d.geo.H)
	}
	for _, p := range d.Pages[0].Blocks {
		if para, ok := p.Block.(*Paragraph); ok && para.Spans[0].Text == "年度回顾" && p.Y < band.Y+band.H/2 {
			t.Errorf("the title at %.0f pt, in the top half of a band %.0f pt deep", p.Y, band.Y+band.H)
		}
	}
}

// TestCardsOfOneHeight: the key figures' tinted panels (poster) end on
// one line though one label takes two lines: read from the rendered
// cover, the lowest tinted pixel at each card's right edge.
func TestCardsOfOneHeight(t *testing.T) {
	r, err := data.Parse("cards.yaml", []byte(`title: 港口年报
date: 2026-01-01
theme: {style: poster, paper: A5}
sections:
  - title: 一
    stats: [{value: 1.84, unit: 百万标箱, label: 集装箱吞吐量同比增长百分之六点四创历史新高}]
  - title: 二
    stats: [{value: 52, unit: "%", label: 出口}]
  - title: 三
    stats: [{value: 94, unit: "%", label: 准时靠泊}]
`))
	if err != nil {
		t.Fatal(err)
	}
	d, pdf := build(t, r, Options{})
	img := pdftest.Render(t, pdf, 0, 72)
	var feet []int
	for _, p := range d.Pages[0].Blocks {
		row, ok := p.Block.(*Row)
		if !ok || len(row.Cells) < 3 {
			continue
		}
		if _, card := row.Cells[0].(*statCard); !card {
			continue
		}
		for i := range row.Cells {
			cx, cw := row.cell(p.W, i)
			x := int(p.X + cx + cw - 3)
			foot := -1
			for y := int(p.Y); y < int(p.Y+p.H)+20; y++ {
				if r, g, b, _ := img.At(x, y).RGBA(); r>>8 < 250 || g>>8 < 250 || b>>8 < 250 {
					foot = y
				}
			}
			feet = append(feet, foot)
		}
	}
	if len(feet) != 3 {
		t.Fatalf("%d cards found in a row on the cover, want 3", len(feet))
	}
	for _, f := range feet[1:] {
		if f != feet[0] || f < 0 {
			t.Errorf("the cards' panels end at %v px, not on one line", feet)
			break
		}
	}
}

// TestCrowdedCover: sixteen key figures on A5, their labels long enough
// to wrap (one of eighteen characters), one with an icon, show all on the
// cover in every look (the report look's boxes showed nine of them, the
// poster's panels six), on a grid of one size: no text set smaller than
// the type scale's smallest size or outside the type area, no two
// characters overlapping, figures at least as large as the section
// titles, and no blank band over 15 % of the page.
func TestCrowdedCover(t *testing.T) {
	stats := []string{
		"{value: 72, unit: 年, label: 服务社区, icon: building-hospital}",
		"{value: 62.8, unit: 万人次, label: 门诊, change: up}",
		"{value: 38, unit: 分钟, label: 急诊病人平均等候住院, change: down}",
		"{value: 120, unit: 床, label: 智慧病床}",
		"{value: 3.6, unit: 万人次, label: 四癌筛检}",
		"{value: 846, unit: 人, label: 居家医疗收案}",
		"{value: 1294, unit: 人, label: 失智症个案管理}",
		`{value: 7, prefix: "1:", label: 日班护病比（一位护理师照顾的病人数）}`,
		"{value: 0.41, unit: ‰, label: 住院病人跌倒发生率, change: down}",
		"{value: 92.7, unit: \"%\", label: 手部卫生遵从率}",
		"{value: 46, unit: 篇, label: SCI期刊论文}",
		"{value: 1836, unit: 诊次, label: 支援偏乡门诊}",
		"{value: 312, unit: 场, label: 社区健康讲座}",
		"{value: 1268, unit: 万元, label: 弱势病人医疗补助}",
		"{value: 48.6, unit: 亿元, label: 医疗收入}",
		"{value: 428, unit: 人, label: 医院志工}",
	}
	var b strings.Builder
	b.WriteString("title: 南港医院暨附设护理之家二〇二五年度年报\nsubtitle: 守护社区健康的第七十二年\norganization: 南港医院\ndate: 2026-03-31\ntheme: {paper: A5}\nsections:\n")
	for i, s := range stats {
		fmt.Fprintf(&b, "  - title: 第%d部分\n    stats:\n      - %s\n", i+1, s)
	}
	for _, style := range theme.Names() {
		t.Run(style, func(t *testing.T) {
			r, err := data.Parse("cover.yaml", []byte(b.String()))
			if err != nil {
				t.Fatal(err)
			}
			d, pdf := build(t, r, Options{Style: style})
			if n := coverCards(d.Pages[0].Blocks); n != len(stats) {
				t.Errorf("the cover shows %d of %d key figures", n, len(stats))
			}
			for _, p := range d.Pages[0].Blocks[1:] {
				if p.Y+p.H > d.geo.H-d.geo.MarginBottom+1e-6 {
					t.Errorf("a %T of the cover ends at %.0f pt, below the type area (%.0f)", p.Block, p.Y+p.H, d.geo.H-d.geo.MarginBottom)
				}
				row, ok := p.Block.(*Row)
				if !ok {
					continue
				}
				for i, cell := range row.Cells {
					c, ok := cell.(*statCard)
					if !ok {
						continue
					}
					_, cw := row.cell(p.W, i)
					if _, set := c.figure(cw); set < d.Theme.Scale.Title {
						t.Errorf("%s set at %.1f pt, smaller than a section title (%.1f): too small to carry the cover", c.stat.Value.Text, set, d.Theme.Scale.Title)
					}
				}
			}
			doc := pdftest.Open(t, pdf)
			chars := doc.Pages[0].Chars
			for i, c := range chars {
				if c.Generated || c.Box.Right <= c.Box.Left {
					continue
				}
				if c.FontSize < d.Theme.Scale.Folio-0.01 {
					t.Errorf("%q set at %.1f pt, under the type scale's smallest size %.1f", c.R, c.FontSize, d.Theme.Scale.Folio)
				}
				for _, o := range chars[i+1:] {
					if o.Generated || o.Box.Right <= o.Box.Left {
						continue
					}
					if min(c.Box.Right, o.Box.Right)-max(c.Box.Left, o.Box.Left) > 0.3 && min(c.Box.Top, o.Box.Top)-max(c.Box.Bottom, o.Box.Bottom) > 0.3 {
						t.Errorf("%q and %q overlap", c.R, o.R)
					}
				}
			}
			if band := blankBand(pdftest.Render(t, pdf, 0, 40)); band > 0.15 {
				t.Errorf("a blank band of %.0f %% on the cover", band*100)
			}
		})
	}
}

// TestSparseCoverDesigned: a cover with little to show fills its panel
// with what the report has before its band grows, and leaves no band of
// one colour (the paper's or the band's) over 15 % of its type area:
// five sections without figures get the contents set large, each title
// with its headline; a summary is set larger; a report of photos gets a
// row of them under the band, none printing under dpiWarn, and none when
// no photo is sharp enough at a third of the width.
func TestSparseCoverDesigned(t *testing.T) {
	for _, look := range theme.Names() {
		var b strings.Builder
		fmt.Fprintf(&b, "title: 图表样张\nsubtitle: 每一种图表\norganization: 宁波市公安局\ndate: 2021-01-18\ntheme: {style: %s}\nsections:\n", look)
		for i := range 5 {
			fmt.Fprintf(&b, "  - title: 第%d部分工作\n    headline: 全年共破获案件%d起\n", i+1, 100+i)
		}
		r, err := data.Parse("cover.yaml", []byte(b.String()))
		if err != nil {
			t.Fatal(err)
		}
		d, pdf := build(t, r, Options{})
		lines := 0
		for _, p := range d.Pages[0].Blocks {
			if _, ok := p.Block.(*coverEntry); ok {
				lines++
			}
		}
		if lines != 5 {
			t.Errorf("%s: %d sections set large on the cover, want 5", look, lines)
		}
		if band := colourBand(pdftest.Render(t, pdf, 0, 40)); band > blankCeiling {
			t.Errorf("%s: a band of one colour of %.0f %% on the cover", look, band*100)
		}
	}

	r, err := data.Parse("cover.yaml", []byte("title: 宁波公安这一年\nsummary: 全年各项工作稳中有进，社会治安持续向好。\nsections:\n  - title: 一\n    body: 全年共破获案件一千二百起。\n    stats: [{value: 12, unit: 起, label: 破获案件}]\n"))
	if err != nil {
		t.Fatal(err)
	}
	d, _ := build(t, r, Options{})
	for _, p := range d.Pages[0].Blocks {
		if para, ok := p.Block.(*Paragraph); ok && spansText(para.Spans) == r.Summary {
			if size, least := para.Spans[0].Size, d.geo.display(d.Theme.Cover.Summary); size <= least {
				t.Errorf("the summary of a sparse cover is set at %.1f pt, not larger than %.1f", size, least)
			}
		}
	}

	for _, tc := range []struct {
		px, py, photos int
	}{{3000, 2000, 1}, {600, 400, 3}, {150, 100, 0}} {
		var photos strings.Builder
		for i := range 4 {
			fmt.Fprintf(&photos, "      - {file: p.jpg, caption: 照片%d, focus: [0.5, 0.2]}\n", i+1)
		}
		r := photoReport(t, map[string]image.Image{"p.jpg": gradient(tc.px, tc.py)}, photos.String())
		d, err := NewWith(r, Options{Draft: true})
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		d.walkFigures(func(b Block, page int, _, _, w float64) {
			p, ok := b.(*photoBlock)
			if !ok || page != 0 {
				return
			}
			n++
			if dpi := photoDPI(p.px, p.py, w, p.frame(w)); dpi < dpiWarn {
				t.Errorf("%d×%d: the cover's photo prints at %.0f dpi", tc.px, tc.py, dpi)
			}
		})
		if n != tc.photos {
			t.Errorf("%d×%d: %d photos on the cover, want %d", tc.px, tc.py, n, tc.photos)
		}
	}
}

// TestCoverBandGap: the report look's band, its text at the look's top,
// on A4, A5 and A5 landscape, over a summary and two to nine key
// figures, keeps the colour from its last line to the panel's first
// within the ceiling (its foot and the white under it were one run of 16
// to 18 % of the type area, see fitBand).
func TestCoverBandGap(t *testing.T) {
	for _, paper := range []string{"A4", "A5", "A5, orientation: landscape"} {
		for _, n := range []int{2, 5, 9} {
			t.Run(fmt.Sprintf("%s/%d", paper, n), func(t *testing.T) {
				var b strings.Builder
				fmt.Fprintf(&b, "title: 宁波公安这一年\norganization: 宁波市公安局\ndate: 2021-01-18\nsummary: 全年各项工作稳中有进，社会治安持续向好。\ntheme: {style: report, paper: %s}\nsections:\n", paper)
				for i := range n {
					fmt.Fprintf(&b, "  - title: 第%d部分工作\n    stats:\n      - {value: %d, unit: 起, label: 破获案件}\n", i+1, 100+i)
				}
				r, err := data.Parse("cover.yaml", []byte(b.String()))
				if err != nil {
					t.Fatal(err)
				}
				_, pdf := build(t, r, Options{Draft: true})
				if band := colourBand(pdftest.Render(t, pdf, 0, 40)); band > blankCeiling {
					t.Errorf("a band of one colour of %.0f %% on the cover", band*100)
				}
			})
		}
	}
}

// TestFitBand: the band's foot rises to keep the colour under its text
// within most, never nearer its text than half the gap under it; when
// its text fills it, the gap is halved; a band within most is the look's.
func TestFitBand(t *testing.T) {
	for _, tt := range []struct {
		name                        string
		band, gap, end, last, above float64
		most, wantBand, wantGap     float64
	}{
		{"within", 300, 34, 240, 240, 70, 100, 300, 34},
		{"rises", 330, 34, 260, 245, 96, 100, 311, 34},
		{"text fills it", 164, 28.5, 150.5, 136.5, 48, 46, 164, 14.25},
	} {
		band, gap := fitBand(tt.band, tt.gap, tt.end, tt.last, tt.above, tt.most)
		if band != tt.wantBand || gap != tt.wantGap {
			t.Errorf("%s: band %.1f, gap %.2f; want %.1f, %.2f", tt.name, band, gap, tt.wantBand, tt.wantGap)
		}
	}
}
