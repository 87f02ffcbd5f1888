package layout

import (
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/internal/pdftest"
	"github.com/brochure-dev/brochure/locale"
)

// mixedFlow is a flow of every kind of block: paragraphs, a subheading,
// a numbered list, a bulleted list and a pull quote.
func mixedFlow() *Flow {
	f := &Flow{Setting: Setting{Align: Justify, Indent: 2 * sizeBody}, Columns: 2, Gutter: 10, Leading: 14, Mark: "#B5121B"}
	para := func(k Kind, s string) Para { return Para{Kind: k, Spans: body(s)} }
	f.Paras = []Para{
		para(Plain, strings.Repeat("宁波公安这一年共破获案件。", 4)),
		para(Subhead, "打防并举"),
		para(Plain, strings.Repeat("分局坚持打早打小露头就打。", 3)),
	}
	for i, s := range []string{"净街行动破获盗窃电动自行车案件一百八十六起，返还车辆。", "护家行动。", "断卡行动打掉犯罪团伙十四个，冻结涉案资金两千三百余万元。"} {
		p := para(ListItem, s)
		p.Label = body([]string{"1.", "2.", "10."}[i])
		f.Paras = append(f.Paras, p)
	}
	f.Paras = append(f.Paras, para(Plain, "另起一段。"), para(ListItem, "一项没有编号的内容，足够长，要折成两行以上才能看出悬挂缩进。"), para(Plain, strings.Repeat("后记。", 9)))
	q := Para{Kind: PullQuote, Spans: []Span{{Text: "“平安是老百姓解决温饱后的第一需求，是极重要的民生。”", Face: fonts.Bold, Size: 13}}, By: body("——陈建国")}
	f.Paras = append(f.Paras, q, para(Plain, strings.Repeat("结尾。", 12)))
	return f
}

// TestFlowBlocks splits a flow of every kind of block at every height and
// checks what the kinds promise: every line once and in order; a
// subheading never ends a column; a pull quote never breaks (no column
// starts inside it); a list item's lines hang at one indent past its
// number, the number at the column's edge, and the items of one list
// share the indent of its widest number.
func TestFlowBlocks(t *testing.T) {
	w := 2*12*sizeBody + 10
	var all []string
	mixedFlow().each(0, 0, w, func(l Line, x, base float64) { all = append(all, l.Text()) })
	for rows := 2; rows <= 80; rows++ {
		f := mixedFlow()
		head, tail := f.Split(w, float64(rows)*14)
		var parts []*Flow
		if head != nil {
			parts = append(parts, head.(*Flow))
		}
		if tail != nil {
			parts = append(parts, tail.(*Flow))
		}
		var got []string
		for _, p := range parts {
			p.each(0, 0, w, func(l Line, x, base float64) { got = append(got, l.Text()) })
			us := p.set(w)
			spans, _ := p.arrange(w)
			for _, s := range spans {
				if s[1] > s[0] {
					if last := us[s[1]-1]; last.keep && s[1] < len(us) {
						t.Errorf("%d rows: a column ends with the subheading %q", rows, last.line.Text())
					}
					if us[s[0]].pad {
						t.Errorf("%d rows: a column starts inside the pull quote", rows)
					}
				}
			}
		}
		if head == nil {
			continue
		}
		if strings.Join(got, "|") != strings.Join(all, "|") {
			t.Errorf("%d rows: the lines after the split differ from the whole's:\n%q\n%q", rows, got, all)
		}
	}

	f := mixedFlow()
	cw := f.colWidth(w)
	hang := map[int]float64{}
	f.place(0, 0, w, func(u *unit, x, top float64) {
		if u.kind != ListItem {
			if u.dx != 0 {
				t.Errorf("%q: indented %.1f pt, not a list item", u.line.Text(), u.dx)
			}
			return
		}
		if x != 0 && x < cw {
			t.Errorf("an item's column starts at %.1f", x)
		}
		if h, ok := hang[u.para]; ok && h != u.dx {
			t.Errorf("item %d: lines hung at %.1f and %.1f", u.para, h, u.dx)
		}
		hang[u.para] = u.dx
		if u.label != nil && u.dx < u.label.Natural+sizeBody*0.4 {
			t.Errorf("item %d: its text at %.1f runs into its number (%.1f wide)", u.para, u.dx, u.label.Natural)
		}
	})
	if len(hang) != 4 || hang[3] != hang[5] || hang[3] <= hang[7] {
		t.Errorf("hangs %v: want the numbered items at one indent (past 10.), the bulleted one at less", hang)
	}
}

// TestQuoted: the language's quotation marks (clreq; GB/T 15834), inner
// quotations turned into the inner marks, marks already written kept.
func TestQuoted(t *testing.T) {
	for _, c := range []struct{ lang, in, want string }{
		{"zh-Hans", "平安是第一需求", "“平安是第一需求”"},
		{"zh-Hans", "真是“指尖上的便利”。", "“真是‘指尖上的便利’。”"},
		{"zh-Hans", "“已经加了引号”", "“已经加了引号”"},
		{"zh-Hant", "平安是第一需求", "「平安是第一需求」"},
		{"zh-HK", "真是「指尖上的便利」。", "「真是『指尖上的便利』。」"},
		{"ja", "安全", "「安全」"},
		{"en", "We say “safe” and mean it.", "“We say ‘safe’ and mean it.”"},
	} {
		if got := quoted(c.in, locale.Must(c.lang)); got != c.want {
			t.Errorf("%s: quoted(%q) = %q, want %q", c.lang, c.in, got, c.want)
		}
	}
}

// TestBodyMarkup builds a report whose body uses the Markdown subset and
// reads the PDF back: no markup character is printed where it was markup,
// every literal one is, and the bold text is set in the bold face (found
// in the text layer by its font), the rest of the paragraph in regular.
func TestBodyMarkup(t *testing.T) {
	r, err := data.Parse("r.yaml", []byte(`title: 测试
sections:
  - title: 一节
    body: |
      全年**破案1526起**，同比上升。星号*不配对，下划线_x_，#话题与1.5万都照印。

      ### 小标题
      - 第一项
      1. 第二项
`))
	if err != nil {
		t.Fatal(err)
	}
	_, pdf := build(t, r, Options{Draft: true})
	doc := pdftest.Open(t, pdf)
	text := flat(doc.AllText())
	for _, want := range []string{"全年破案1526起，同比上升。", "星号*不配对，下划线_x_，#话题与1.5万都照印。", "小标题", "第一项", "1.第二项"} {
		if !strings.Contains(text, want) {
			t.Errorf("%q is not in the text layer:\n%s", want, text)
		}
	}
	for _, bad := range []string{"**", "###", "-第一项"} {
		if strings.Contains(text, bad) {
			t.Errorf("markup %q is printed", bad)
		}
	}
	faces := map[rune]string{}
	for _, p := range doc.Pages {
		for _, c := range p.Chars {
			if strings.ContainsRune("破案全年同比小标", c.R) {
				faces[c.R] = c.Font
			}
		}
	}
	if !strings.Contains(faces['破'], "Bold") || !strings.Contains(faces['案'], "Bold") || !strings.Contains(faces['小'], "Bold") {
		t.Errorf("bold text and the subheading not in the bold face: %v", faces)
	}
	if strings.Contains(faces['全'], "Bold") || strings.Contains(faces['同'], "Bold") {
		t.Errorf("regular text in the bold face: %v", faces)
	}
}

// TestQuoteAlign: a pull quote in English is set ragged, in an English
// report or quoted in a Chinese one (justified, its few words a line were
// spread apart); a Chinese quote is justified.
func TestQuoteAlign(t *testing.T) {
	for _, c := range []struct {
		lang, text string
		want       Align
	}{
		{"zh-Hans", "平安是老百姓解决温饱后的第一需求", Justify},
		{"zh-Hans", "Qingyuan's energy materials team is one of the partners we value most.", Left},
		{"en", "Safety is the first thing residents ask of us.", Left},
	} {
		r, err := data.Parse("r.yaml", []byte("title: 测试\nlanguage: "+c.lang+"\nsections:\n  - title: 一节\n    body: 正文。\n    quote: {text: \""+c.text+"\"}\n"))
		if err != nil {
			t.Fatal(err)
		}
		d, _ := build(t, r, Options{Draft: true})
		var got []Align
		for _, p := range d.Pages {
			for _, b := range p.Blocks {
				if f, ok := b.Block.(*Flow); ok {
					for _, para := range f.Paras {
						if para.Kind == PullQuote {
							got = append(got, para.Align)
						}
					}
				}
			}
		}
		if len(got) == 0 || got[0] != c.want {
			t.Errorf("%s %q: aligned %v, want %v", c.lang, c.text, got, c.want)
		}
	}
}
