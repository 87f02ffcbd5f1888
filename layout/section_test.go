package layout

import (
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/theme"
)

// TestTitleWithoutHeadline: in every look, a section without a headline
// sets its title as its head, larger than the deck a headline's section
// sets its title as (in the newspaper look it was set at the deck's size
// under the number, a deck whose headline was missing).
func TestTitleWithoutHeadline(t *testing.T) {
	const src = `title: 年度报告
sections:
  - title: 局长致辞
    body: 这一年，我们坚持以人民为中心。
  - title: 治安形势持续向好
    headline: 全年刑事案件下降12.9%
    body: 全年共立刑事案件下降12.9%。
`
	for _, style := range theme.Names() {
		r, err := data.Parse("r.yaml", []byte(src))
		if err != nil {
			t.Fatal(err)
		}
		d, err := NewWith(r, Options{Style: style})
		if err != nil {
			t.Fatal(err)
		}
		sizes := map[string]float64{}
		for _, p := range d.Pages {
			for _, b := range p.Blocks {
				if h, ok := b.Block.(*sectionHead); ok {
					sizes[h.title] = spanSize(h, h.title)
				}
			}
		}
		bare, deck := sizes["局长致辞"], sizes["治安形势持续向好"]
		if bare == 0 || deck == 0 {
			t.Fatalf("%s: titles set at %v, want both heads", style, sizes)
		}
		if bare <= d.Theme.Scale.Title || bare <= deck && style == theme.Default {
			t.Errorf("%s: the title of a section without a headline at %.1f pt, the deck's size %.1f: want it set as the head", style, bare, d.Theme.Scale.Title)
		}
	}
}

// spanSize is the size of the span that reads text in b (its blocks, a
// panel's, a numbered head's), 0 when none does.
func spanSize(b Block, text string) float64 {
	switch b := b.(type) {
	case *Paragraph:
		for _, s := range b.Spans {
			if s.Text == text {
				return s.Size
			}
		}
	case *sectionHead:
		return spanSize(&b.Stack, text)
	case *Panel:
		return spanSize(&b.Stack, text)
	case *Stack:
		for _, x := range b.Blocks {
			if s := spanSize(x, text); s > 0 {
				return s
			}
		}
	case *numbered:
		return max(spanSize(b.Left, text), spanSize(b.Right, text))
	}
	return 0
}

// TestRatioOneFigure: a ratio written as the format asks (value: 4.5,
// prefix: "1:") is set as one figure, 1:4.5, in one face, size and
// colour, however its colon and spaces are written; a prefix of words
// (约) stays smaller before the figure.
func TestRatioOneFigure(t *testing.T) {
	for _, style := range theme.Names() {
		for _, prefix := range []string{"1:", "1 : ", "1：", "1∶"} {
			_, d := laidOut(t, "title: 护理\ntheme: {style: "+style+"}\nsections:\n  - title: 护理人力\n    stats:\n      - {value: 4.5, prefix: \""+prefix+"\", label: 护病比}\n")
			c := d.statCard(d.Report.Sections[0].Stats[0]).(*statCard)
			l, _ := c.setFigure(200)
			want := "1:4.5"
			if prefix == "1∶" {
				want = "1∶4.5"
			}
			if got := l.Text(); got != want {
				t.Errorf("%s, prefix %q: the figure reads %q, want %q", style, prefix, got, want)
			}
			for _, g := range l.Glyphs {
				if g0 := l.Glyphs[0]; g.Size != g0.Size || g.Face != g0.Face || g.Color != g0.Color {
					t.Errorf("%s, prefix %q: %q at %.1f pt in %s, %q at %.1f pt in %s: two things, not one figure", style, prefix, g0.R, g0.Size, g0.Color, g.R, g.Size, g.Color)
					break
				}
			}
		}
		_, d := laidOut(t, "title: 外贸\ntheme: {style: "+style+"}\nsections:\n  - title: 进出口\n    stats:\n      - {value: 98, prefix: 约, unit: 亿美元, label: 进出口总额}\n")
		c := d.statCard(d.Report.Sections[0].Stats[0]).(*statCard)
		l, _ := c.setFigure(200)
		if !strings.HasPrefix(l.Text(), "约98") || l.Glyphs[0].Size >= l.Glyphs[1].Size {
			t.Errorf("%s: a prefix of words reads %q, its 约 at %.1f pt beside %.1f: want it smaller", style, l.Text(), l.Glyphs[0].Size, l.Glyphs[1].Size)
		}
	}
}

// TestFigureAsTheTextWrites: a stat's card, in the section and on the
// cover, writes its figure as the report's own text does — in 万 when the
// text writes it only so (12.6万), in full when the text writes it in full
// anywhere, grouped by the house rule — so that one quantity reads one
// way on the page.
func TestFigureAsTheTextWrites(t *testing.T) {
	for _, tt := range []struct {
		lang, headline, body, value, unit, want string
	}{
		{"zh-Hans", "新增农村受益人口12.6万", "全乡群众喝上了自来水。", "126000", "人", "12.6万人"},
		{"zh-HK", "救護召喚86.4萬宗", "平均每日2,367宗。", "864000", "宗", "86.4萬宗"},
		{"zh-Hans", "五级河湖长1.26万名", "设立五级河湖长12,618名。", "12618", "名", "12,618名"},
		{"zh-Hans", "新增受益人口126000人", "", "126000", "人", "126000人"},
		{"zh-HK", "新增受益人口", "共126000人。", "126000", "人", "126,000人"},
		{"zh-Hans", "投资12.6万元", "", "126000", "人", "126000人"},
	} {
		_, d := laidOut(t, "title: 报告\nlanguage: "+tt.lang+"\nsections:\n  - title: 甲\n    headline: "+tt.headline+"\n    body: "+tt.body+"\n    stats:\n      - {value: "+tt.value+", unit: "+tt.unit+", label: 指标, note: 说明}\n")
		st := d.Report.Sections[0].Stats[0]
		for _, c := range []*statCard{d.statCard(st).(*statCard), d.card(st)} {
			l, _ := c.setFigure(400)
			if got := l.Text(); got != tt.want {
				t.Errorf("%s %q / %q: the card reads %q, want %q", tt.lang, tt.headline, tt.body, got, tt.want)
			}
		}
	}
}
