package layout

import (
	"testing"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/theme"
)

// TestQuoteBalanced: a pull quote's lines are of a length: its last line
// holds at least half as many characters as its longest, where the
// column's full measure left "境。”" alone on it.
func TestQuoteBalanced(t *testing.T) {
	for _, style := range theme.Names() {
		r, err := data.Parse("r.yaml", []byte("title: 测试\nsections:\n  - title: 一节\n    body: 正文。\n    quote: {text: 平安是老百姓解决温饱后的第一需求，是极重要的民生，也是最基本的发展环境。, by: 局长}\n"))
		if err != nil {
			t.Fatal(err)
		}
		d, _ := build(t, r, Options{Draft: true, Style: style})
		n := 0
		for _, p := range d.Pages {
			for _, b := range p.Blocks {
				f, ok := b.Block.(*Flow)
				if !ok {
					continue
				}
				for _, u := range f.units {
					if u.quote == nil {
						continue
					}
					n++
					text, _, _ := u.quote.lines(f.colWidth(f.width))
					longest := 0
					for _, l := range text {
						longest = max(longest, len([]rune(l.Text())))
					}
					if last := len([]rune(text[len(text)-1].Text())); len(text) > 1 && 2*last < longest {
						t.Errorf("%s: last line %q of %d characters under lines of %d", style, text[len(text)-1].Text(), last, longest)
					}
				}
			}
		}
		if n == 0 {
			t.Errorf("%s: no pull quote laid out", style)
		}
	}
}
