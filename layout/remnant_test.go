package layout

import (
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/data"
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

// TestBesideCards: a section's chart, in its text or in a row after it,
// is set beside the section's stat cards when they leave half their row
// or more and the chart is about as tall as they are; else the queue
// stays as it is.
func TestBesideCards(t *testing.T) {
	const w = 500.0
	st := defaultTheme().charts("zh")
	card := func() Block {
		return &statCard{stat: data.Stat{Value: data.Number{Text: "12"}, Unit: "起", Label: "案件"}, theme: defaultTheme(), big: sizeStat}
	}
	cards := func(n int) *Row {
		r := &Row{Columns: 4, Gutter: 10, After: 14}
		for range n {
			r.Cells = append(r.Cells, card())
		}
		return r
	}
	chart := func(plot float64) *chartBlock {
		return &chartBlock{chart: data.Chart{Type: "hbar", Title: "各街道", Data: items(3)}, style: st, height: plot}
	}
	h := cards(1).Measure(w) - 14 // the cards' height
	text := func(fig Block) *Flow { return &Flow{Columns: 2, Gutter: 10, Leading: 14, Float: fig} }
	for _, tt := range []struct {
		name  string
		queue []Block
		moved bool
	}{
		{"the text's chart", []Block{cards(1), text(chart(h - 10))}, true},
		{"the chart after the text", []Block{cards(2), text(nil), &Row{Cells: []Block{chart(h)}, Columns: 1, Kicker: box{h: 10}}, Space(20)}, true},
		{"cards in more than half the row", []Block{cards(3), text(chart(h - 10))}, false},
		{"a chart twice as tall", []Block{cards(1), text(chart(2 * h))}, false},
		{"a photo", []Block{cards(1), text(frame(2.0 / 3))}, false},
		{"no text under the cards", []Block{cards(1), &Row{Cells: []Block{chart(h)}, Columns: 1, Kicker: box{h: 10}}}, false},
	} {
		t.Run(tt.name, func(t *testing.T) {
			q := besideCards(tt.queue, w)
			r, _ := q[0].(*Row)
			moved := r != nil && len(r.Cells) == len(tt.queue[0].(*Row).Cells)+1
			if moved != tt.moved {
				t.Fatalf("chart moved beside the cards: %v, want %v", moved, tt.moved)
			}
			if !moved {
				if len(q) != len(tt.queue) {
					t.Fatalf("%d blocks, want the %d as they were", len(q), len(tt.queue))
				}
				return
			}
			if fw := q[1].(*Flow); fw.Float != nil {
				t.Errorf("the text keeps its figure %T", fw.Float)
			}
			if _, row := tt.queue[len(tt.queue)-1].(Space); row && (len(q) != 3 || q[2] != Space(20)) {
				t.Errorf("queue %T, want the cards, the text and what followed the chart's row", q)
			}
			if x, cw := r.cell(w, len(r.Cells)-1); x+cw > w+1e-6 || cw < (w-r.Gutter)/2-1e-6 {
				t.Errorf("the chart stands at %.0f, %.0f wide: want the room right of the cards", x, cw)
			}
			if r.Measure(w) > cards(1).Measure(w)+1e-6 {
				t.Errorf("the row is %.1f pt tall, the cards' %.1f", r.Measure(w), cards(1).Measure(w))
			}
		})
	}
}
