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
