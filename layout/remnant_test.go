package layout

import (
	"strings"
	"testing"
)

// TestSpreadLast: a last page of a few lines that cannot be pulled back
// is spread — the page before set shorter, its last lines going on —
// when the page before is left no blank band over orderHole; else it
// stays.
func TestSpreadLast(t *testing.T) {
	para := func(lines int) *Paragraph {
		return &Paragraph{Spans: body(strings.Repeat("宁波公安这一年。", lines)), Setting: Setting{Align: Justify}, Leading: 10}
	}
	f := Frame{W: 8 * sizeBody, H: 700, Below: 1}
	for _, tt := range []struct {
		name  string
		lines int
		want  []float64 // each page's content, pt
	}{
		// 18 lines (26 %) left: ten more on the last page leave the
		// first's foot 14 % blank, 10 % once justify spreads it
		{"spread", 48, []float64{600, 280}},
		// 10 lines left: spread, the first would be 26 % blank
		{"kept", 40, []float64{700, 100}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			pages, err := Paginate([]Block{box{h: 400}, para(tt.lines)}, f, 1)
			if err != nil {
				t.Fatal(err)
			}
			var got []float64
			for _, p := range pages {
				foot := 0.0
				for _, b := range p.Blocks {
					foot = max(foot, b.Y+b.H)
				}
				got = append(got, foot)
			}
			if len(got) != len(tt.want) {
				t.Fatalf("pages hold %v pt, want %v", got, tt.want)
			}
			for i := range got {
				if got[i] < tt.want[i]-1e-6 || got[i] > tt.want[i]+1e-6 {
					t.Fatalf("pages hold %v pt, want %v", got, tt.want)
				}
			}
		})
	}
}

// TestTextless: a page that sets a section's head but sends all its text
// on is not a way to spread the last pages; one that sets some of it, or
// a section with no text, is.
func TestTextless(t *testing.T) {
	head, text, fig := &sectionHead{}, &Flow{}, box{h: 50}
	on := func(bs ...Block) []Placed {
		var ps []Placed
		for _, b := range bs {
			ps = append(ps, Placed{Block: b})
		}
		return ps
	}
	for _, tt := range []struct {
		name  string
		page  []Placed
		queue []Block
		want  bool
	}{
		{"text with its head", on(head, fig, text), []Block{text}, false},
		{"text overleaf", on(head, fig), []Block{Space(10), text}, true},
		{"no text", on(head, fig), []Block{Space(10), head}, false},
		{"head of the section before", on(head, text, fig), []Block{text}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			p := filled{Page: Page{Blocks: tt.page}, queue: tt.queue}
			if got := textless(p); got != tt.want {
				t.Errorf("textless = %v, want %v", got, tt.want)
			}
		})
	}
}
