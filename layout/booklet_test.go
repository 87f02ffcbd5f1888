package layout

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/data"
)

// TestNotesBelow: a booklet's last page of content that ends with room
// to spare has the notes begin under its content (a head and ruled
// lines down to the frame's foot), so that it ends with no blank band;
// a page of content before it does not.
func TestNotesBelow(t *testing.T) {
	_, d := laidOut(t, `title: 测试
print: {booklet: true}
sections:
  - title: 一
    body: 全年共破获案件一千二百起，同比上升百分之十二。
    charts:
      - {type: bar, title: 甲, data: [{label: a, value: 1}, {label: b, value: 2}]}
      - {type: bar, title: 乙, data: [{label: a, value: 3}, {label: b, value: 4}]}
`)
	if len(d.Pages) != 4 {
		t.Fatalf("%d pages, want the cover, a page of content, a notes page and the back cover", len(d.Pages))
	}
	f := d.geo.frame()
	notes := func(p Page) (at, end float64) {
		at = -1
		for _, b := range p.Blocks {
			if h, ok := b.Block.(*Paragraph); ok && len(h.Spans) > 0 && h.Spans[0].Text == d.Theme.Locale.Labels.Notes {
				at = b.Y
			}
			if _, rule := b.Block.(Rule); rule && at >= 0 && b.Y > at && b.Y < f.Y+f.H { // not the running head's or folio's
				end = b.Y + b.H
			}
		}
		return at, end
	}
	content := d.Pages[1]
	at, end := notes(content)
	if at < 0 {
		t.Fatal("page 2, the last of content, has no notes under its content")
	}
	for _, b := range content.Blocks {
		if _, ok := b.Block.(*Flow); ok && b.Y+b.H > at {
			t.Errorf("the notes begin at %.0f, inside the text (down to %.0f)", at, b.Y+b.H)
		}
	}
	if end > f.Y+f.H || f.Y+f.H-end > 30 {
		t.Errorf("the notes' last line at %.0f, want it within 30 pt above the frame's foot at %.0f", end, f.Y+f.H)
	}
	if at, _ := notes(d.Pages[2]); at != f.Y {
		t.Errorf("page 3: the notes head at %.0f, want a notes page (at the frame's top, %.0f)", at, f.Y)
	}
}

// TestContentsHeadTheBody: the contents of toc: true head the body, with
// page numbers; section 1 begins under them on the same page rather than
// leave most of a page blank under a short list, and the numbers they
// show are the pages the sections begin on.
func TestContentsHeadTheBody(t *testing.T) {
	r, err := data.Parse("r.yaml", []byte(`title: 测试
toc: true
sections:
  - title: 一
    body: 全年共破获案件一千二百起，同比上升百分之十二。
  - title: 二
    body: 全年共受理投诉八百件，按时办结率百分之九十九。
    charts:
      - {type: bar, title: 甲, data: [{label: a, value: 1}, {label: b, value: 2}]}
`))
	if err != nil {
		t.Fatal(err)
	}
	for _, style := range []string{"newspaper", "poster", "report"} {
		d, err := NewWith(r, Options{Style: style})
		if err != nil {
			t.Fatal(err)
		}
		begins := map[string]string{} // a section's title: the page it begins on
		var shown []string
		for _, p := range d.Pages[1:] { // not the cover, which may list the sections
			for _, b := range p.Blocks {
				switch b := b.Block.(type) {
				case *tocEntry:
					shown = append(shown, b.title+" "+b.page)
				case *sectionHead:
					begins[b.title] = fmt.Sprint(p.Number)
				}
			}
			if len(shown) > 0 && len(begins) == 0 {
				t.Errorf("%s: page %d holds the contents alone", style, p.Number)
			}
		}
		if want := []string{"一 " + begins["一"], "二 " + begins["二"]}; !slices.Equal(shown, want) || begins["一"] != "2" {
			t.Errorf("%s: contents %q, sections begin %v; want %q, section 1 on page 2", style, shown, begins, want)
		}
	}
}

// TestContentsKeepTogether: a contents list that a page holds when its
// lines are set tighter keeps together on one page (the hospital's
// seventeen sections on A5, two titles of two lines, ran their last four
// lines onto a second page), and a short list keeps its loose spacing.
func TestContentsKeepTogether(t *testing.T) {
	for _, tc := range []struct {
		n     int
		loose bool
	}{{17, false}, {4, true}} {
		var b strings.Builder
		b.WriteString("title: 测试\ntoc: true\ntheme: {paper: A5}\nsections:\n")
		for i := range tc.n {
			title := fmt.Sprintf("第%d节", i+1)
			if i%8 == 1 {
				title = "门诊、急诊与住院服务量持续回升，全年门诊人次创下近十年新高"
			}
			fmt.Fprintf(&b, "  - title: %s\n    body: 全年共受理投诉八百件，按时办结率百分之九十九。\n", title)
		}
		r, err := data.Parse("r.yaml", []byte(b.String()))
		if err != nil {
			t.Fatal(err)
		}
		d, err := NewWith(r, Options{Style: "report"})
		if err != nil {
			t.Fatal(err)
		}
		on := map[int]int{}             // page: contents lines on it
		for _, p := range d.Pages[1:] { // not the cover, which may list the sections
			for _, pb := range p.Blocks {
				if e, ok := pb.Block.(*tocEntry); ok {
					on[p.Number]++
					if loose := e.space() == tocSpacings[0]; loose != tc.loose {
						t.Errorf("%d sections: line %d set loose %v, want %v", tc.n, e.n+1, loose, tc.loose)
					}
				}
			}
		}
		if len(on) != 1 {
			t.Errorf("%d sections: the contents run over pages %v (page: lines)", tc.n, on)
		}
	}
}

// TestPaddingFigures: a booklet is padded with its key figures, not with
// notes pages: with figures enough to fill them, no page before the back
// cover is a notes page, the padding pages hold cards, and the back
// cover stays last; the same report as a PDF for the screen (no
// booklet) is not padded at all. A report of a page without figures
// keeps its notes page (there is nothing else to set), and no more than
// one. (A report that is its cover alone pads with two: see bookletEnd.)
func TestPaddingFigures(t *testing.T) {
	var stats strings.Builder
	for i := range 24 {
		fmt.Fprintf(&stats, "      - {value: %d, unit: 项, label: 指标%d}\n", 100+i, i+1)
	}
	src := `title: 测试
sections:
  - title: 一
    body: 全年共破获案件一千二百起，同比上升百分之十二。
    stats:
` + stats.String()
	for _, c := range []struct {
		name       string
		src        string
		pages      int // 0: a multiple of four
		notes      int
		withFigure bool
	}{
		{"screen", src, 2, 0, false},
		{"booklet", "print: {booklet: true}\n" + src, 0, 0, true},
		{"no figures", "print: {booklet: true}\ntitle: 测试\nsections:\n  - title: 一\n    body: 全年共破获案件一千二百起。\n    charts:\n      - {type: bar, title: 甲, data: [{label: a, value: 1}, {label: b, value: 2}]}\n", 0, 1, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, d := laidOut(t, c.src)
			n := len(d.Pages)
			if c.pages > 0 && n != c.pages || c.pages == 0 && n%4 != 0 {
				t.Fatalf("%d pages, want %d (0: a multiple of four)", n, c.pages)
			}
			var pad, notes, rows int
			for _, p := range d.Pages {
				if !p.Padding {
					continue
				}
				pad++
				if h, ok := p.Blocks[0].Block.(*Paragraph); ok && h.Spans[0].Text == d.Theme.Locale.Labels.Notes {
					notes++
				}
				for _, b := range p.Blocks {
					if r, ok := b.Block.(*Row); ok && cards(r) {
						rows++
					}
				}
			}
			if c.pages > 0 && pad > 0 {
				t.Errorf("%d padding pages in a build that is no booklet", pad)
			}
			if notes != c.notes {
				t.Errorf("%d notes pages, want %d", notes, c.notes)
			}
			if c.withFigure && rows == 0 {
				t.Error("the padding holds no figures")
			}
			if c.pages == 0 && !d.Pages[n-1].Bare {
				t.Error("the last page is not the back cover")
			}
		})
	}
}
