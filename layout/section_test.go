package layout

import (
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
