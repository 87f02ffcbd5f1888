package layout

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/internal/pdftest"
	"github.com/brochure-dev/brochure/theme"
)

// cardReport is a section with a row of four cards over two paragraphs of
// text that run on into column 2 under the cards: the last card has a
// prefix, and a figure long enough to be shrunk to fit.
const cardReport = `title: 卡片测试
organization: 某某局
sections:
  - title: 第一节
    stats:
      - {value: 41234, unit: 人, label: 受益人数}
      - {value: 11, unit: 个, label: 国家}
      - {value: 86, unit: "%", label: 项目支出占比}
      - {value: 12345.6, prefix: 约, unit: 亿美元, label: 进出口总额}
    body: |
      甲` + "%s" + `

      乙` + "%s" + `
`

// TestCardsForPoppler: poppler's pdftotext reads a row of stat cards, one
// with a prefix and a shrunk figure, whole and before the columns under
// it, in every look. What it takes, as poppler builds blocks and finds
// tables (TextOutputDev.cc):
//   - a card's figure line is one block: poppler starts a block at the
//     line's left-most word (the prefix) and takes into it only words
//     under 1.6 times that word's size;
//   - the row is a table (figures over labels): the tops of the figures
//     (the face's ascent above the baseline) are level within half a
//     label's size, as are the tops of the labels.
//
// With poppler installed, both paragraphs read verbatim, and the prefix
// with its figure.
func TestCardsForPoppler(t *testing.T) {
	body := strings.Repeat("宁波公安这一年共破获刑事案件一千余起。", 30)
	src := strings.ReplaceAll(cardReport, "%s", body)
	dir := t.TempDir()
	path := filepath.Join(dir, "report.yaml")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, style := range theme.Names() {
		t.Run(style, func(t *testing.T) {
			d, pdf := build(t, load(t, path), Options{Style: style})
			asc := d.Theme.Black.Ascent() / 1000
			doc := pdftest.Open(t, pdf)
			var page []pdftest.Char
			for _, p := range doc.Pages {
				if strings.Contains(p.Text, "甲宁波") {
					page = p.Chars
				}
			}
			// the prefix and the figures, set larger than the labels
			var prefix pdftest.Char
			for _, c := range page {
				if c.R == '约' {
					prefix = c
				}
			}
			if prefix.FontSize == 0 {
				t.Fatal("no prefix 约 on the section's page")
			}
			tops := map[string]float64{}
			for _, fig := range []string{"41234", "11", "86", "12345"} {
				for i, c := range page {
					if !strings.HasPrefix(text(page[i:]), fig) || c.FontSize <= d.Theme.Scale.Label {
						continue
					}
					tops[fig] = c.Origin[1] + asc*c.FontSize
					if fig == "12345" {
						if s0, s := prefix.FontSize, c.FontSize; math.Abs(s-s0) >= 0.6*s0 {
							t.Errorf("prefix %.1f pt, figure %.1f pt: over 1.6 times the prefix, poppler sets them apart", s0, s)
						}
						if c.FontSize >= d.Theme.Scale.Stat {
							t.Errorf("the figure at %.1f pt, not shrunk: the test does not test the hang", c.FontSize)
						}
					}
					break
				}
			}
			if len(tops) != 4 {
				t.Fatalf("figures found: %v, want 4", tops)
			}
			for fig, top := range tops {
				if dy := math.Abs(top - tops["41234"]); dy > d.Theme.Scale.Label/2 {
					t.Errorf("the top of %s… stands %.1f pt off that of 41234…: poppler does not read the row as a table", fig, dy)
				}
			}

			file := filepath.Join(dir, style+".pdf")
			if err := os.WriteFile(file, pdf, 0o644); err != nil {
				t.Fatal(err)
			}
			txt := flat(pdftest.Pdftotext(t, file))
			if !strings.Contains(txt, "约12345.6亿美元") {
				t.Errorf("poppler does not read the card's figure whole: %.200s", txt)
			}
			a, b := flat("甲"+body), flat("乙"+body)
			if i := strings.Index(txt, a); i < 0 || !strings.Contains(txt[i+len(a):], b) {
				t.Errorf("poppler does not read both paragraphs verbatim, in order: %s", txt)
			}
		})
	}
}

// text is the characters from c on, as read.
func text(cs []pdftest.Char) string {
	var b strings.Builder
	for _, c := range cs[:min(len(cs), 12)] {
		b.WriteRune(c.R)
	}
	return b.String()
}

// rowReport is a section opening with a row of five cards, as the river
// basin's section 2 does: the third's figure (100%) fills its card, and a
// card has a note under its label.
const rowReport = `title: 卡片测试
organization: 某某局
sections:
  - title: 第一节
    stats:
      - {value: 96.4, unit: "%", label: 国控断面优良比例, change: up, note: 较上年提高4.5个百分点}
      - {value: 0.131, unit: mg/L, label: 干流总磷年均浓度, change: down}
      - {value: 100, unit: "%", label: 县级以上饮用水水源地达标率, note: 比上年缩短1.6天}
      - {value: 412, unit: 个, label: 完成整治的入河排污口}
      - {value: 58, unit: 座, label: 提标改造污水处理厂}
    body: |
      甲` + "%s" + `
`

// TestCardRowForPoppler: in every look, poppler's pdftotext sees a row of
// cards as a table (figures over labels over notes), read whole before
// the columns under it, which takes two things of each card:
//   - its figure ends at least an em of its size (and a point) short of
//     the next card's figure (see figureGap): closer, poppler joined the
//     two into one line (river basin's 100% and 412, poster);
//   - the first line of its note clears its label's last line, as poppler
//     measures their boxes (the face's ascender above the baseline, its
//     descender below; see noteDrop): overlapping, the note was left out
//     of the table (market regulation's 比上年缩短1.6天, poster).
func TestCardRowForPoppler(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "report.yaml")
	src := strings.ReplaceAll(rowReport, "%s", strings.Repeat("宁波公安这一年共破获刑事案件一千余起。", 30))
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, style := range theme.Names() {
		t.Run(style, func(t *testing.T) {
			d, pdf := build(t, load(t, path), Options{Style: style})
			f := d.Theme.Regular
			asc, desc := f.Ascent()/1000, -f.Descent()/1000
			var page []pdftest.Char
			for _, p := range pdftest.Open(t, pdf).Pages {
				if strings.Contains(p.Text, "比上年缩短") {
					page = p.Chars
				}
			}
			if page == nil {
				t.Fatal("no page with the cards")
			}
			at := func(s string) (int, pdftest.Char) {
				for i := range page {
					if strings.HasPrefix(text(page[i:]), s) {
						return i, page[i]
					}
				}
				t.Fatalf("%s not on the page", s)
				return 0, pdftest.Char{}
			}

			// the figures' gaps, each figure's end its unit's last
			// character's advance (as poppler measures a word)
			figs := []struct{ fig, unit string }{{"96.4", "%"}, {"0.131", "mg/L"}, {"100", "%"}, {"412", "个"}, {"58", "座"}}
			for k := 0; k+1 < len(figs); k++ {
				i, c := at(figs[k].fig)
				u := []rune(figs[k].unit)
				last := c
				for _, c := range page[i : i+12] {
					if c.R == u[len(u)-1] {
						last = c
						break
					}
				}
				if last == c {
					t.Fatalf("no unit %s after %s", figs[k].unit, figs[k].fig)
				}
				_, next := at(figs[k+1].fig)
				if math.Abs(next.Origin[1]-c.Origin[1]) > c.FontSize/2 {
					continue // on the next row
				}
				end := last.Origin[0] + d.Theme.Bold.Advance(last.R)*last.FontSize/1000
				if gap := next.Origin[0] - end; gap < c.FontSize*figureGap {
					t.Errorf("%s%s ends %.1f pt before %s begins, under an em of its %.1f pt: poppler joins them", figs[k].fig, figs[k].unit, gap, figs[k+1].fig, c.FontSize)
				}
			}

			// the note clears its label
			i, _ := at("县级以上")
			j, note := at("比上年缩短")
			var label pdftest.Char
			for _, c := range page[i:j] {
				if c.FontSize > 0 && c.Box.Right > c.Box.Left {
					label = c // the label's last character drawn
				}
			}
			if gap := label.Origin[1] - desc*label.FontSize - (note.Origin[1] + asc*note.FontSize); gap <= 0 {
				t.Errorf("the note's box overlaps its label's by %.2f pt: poppler leaves it out of the row's table", -gap)
			}
		})
	}
}

// A card's label stands under the largest figure of its row as set: a
// row whose figures all shrank to fit (three on an A5 cover, set at the
// cover's 44 pt) kept the room of a figure at full size, and its labels
// stood two lines below the figures; never over a figure either.
func TestLabelUnderItsFigures(t *testing.T) {
	for _, tt := range []struct {
		name   string
		values []string // value and unit
		big, w float64
	}{
		{"cover, all shrunk", []string{"1284 children", "2870 books", "86400 £"}, 44, 105},
		{"section, at full size", []string{"41234 人", "11 个"}, sizeStat, 160},
		{"one shrunk of two", []string{"12345678 元", "11 个"}, sizeStat, 90},
		{"alone, shrunk", []string{"12345678 万元"}, sizeStat, 80},
	} {
		var cards []Block
		for _, v := range tt.values {
			value, unit, _ := strings.Cut(v, " ")
			s := data.Stat{Value: data.Number{Text: value}, Unit: unit, Label: "标签"}
			if unit == "£" {
				s.Prefix, s.Unit = "£", ""
			}
			cards = append(cards, &statCard{stat: s, theme: defaultTheme(), big: tt.big})
		}
		if len(cards) > 1 {
			alignIcons(cards)
		}
		for i, b := range cards {
			c := b.(*statCard)
			th := c.theme
			bottom, most := 0.0, 0.0 // the lowest figure's descender below the card's top
			for _, o := range cards {
				o := o.(*statCard)
				_, big := o.figure(tt.w)
				base := o.pad() + baseline(o.big, o.big*1.15) - o.hang(big)
				bottom = max(bottom, base-th.Black.Descent()/1000*big)
				most = max(most, big)
			}
			gap := c.labelTop(tt.w) - bottom
			if gap < 0 || gap > th.Scale.Label {
				t.Errorf("%s, card %d: the label %.1f pt under the figures (%.1f pt, card's size %.1f), want 0 to %.1f",
					tt.name, i+1, gap, most, tt.big, th.Scale.Label)
			}
		}
	}
}
