package layout

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/internal/draw"
	"github.com/brochure-dev/brochure/internal/pdftest"
	"github.com/brochure-dev/brochure/theme"
)

// frame is a photo of shape natural (height / width) with no caption.
func frame(natural float64) *photoBlock {
	return &photoBlock{natural: natural, caption: &Paragraph{}}
}

// shot is a photo file of px×py pixels, upright.
func shot(px, py int) *photoBlock {
	p := frame(float64(py) / float64(px))
	p.px, p.py, p.photo.File = px, py, "photo.jpg"
	return p
}

// items are n data points.
func items(n int) []data.Point {
	var ps []data.Point
	for i := range n {
		ps = append(ps, data.Point{Label: fmt.Sprintf("第%d街道", i+1), Value: data.Number{Value: float64(100 + i)}})
	}
	return ps
}

// TestGainsWidth checks which figures take the full width rather than
// stand alone in half of it: strips, crowded or growing charts and
// landscape photos do; a pie, a donut, a square or portrait photo do not.
func TestGainsWidth(t *testing.T) {
	st := defaultTheme().charts("zh")
	chart := func(c data.Chart) Block { return &chartBlock{chart: c, style: st} }
	for _, c := range []struct {
		name string
		fig  Block
		want bool
	}{
		{"landscape placeholder", frame(2.0 / 3), true},
		{"landscape phone photo", shot(4000, 3000), true},
		{"small landscape photo, soft the full width", shot(720, 480), false},
		{"square photo", frame(1), false},
		{"portrait photo", frame(1.5), false},
		{"progress", chart(data.Chart{Type: "progress", Title: "进度", Value: &data.Number{Value: 60}, Total: &data.Number{Value: 100}}), true},
		{"stacked", chart(data.Chart{Type: "stacked", Title: "构成", Data: items(3)}), true},
		{"bar of 30 items", chart(data.Chart{Type: "bar", Title: "各街道", Data: items(30)}), true},
		{"pie", chart(data.Chart{Type: "pie", Title: "构成", Data: items(3)}), false},
		{"donut", chart(data.Chart{Type: "donut", Title: "占比", Value: &data.Number{Value: 376}, Total: &data.Number{Value: 1653}}), false},
	} {
		if got := gainsWidth(c.fig, contentW, gutter); got != c.want {
			t.Errorf("%s: gains from the full width %v, want %v", c.name, got, c.want)
		}
	}
}

// TestAlone checks the row of a figure without a partner: a 4:3 phone
// photo the full width in a 3:2-ish frame (wideShare), a pie in half.
func TestAlone(t *testing.T) {
	r := alone(shot(4000, 3000), 2, contentW, gutter, 10, nil)
	if p := r.Cells[0].(*photoBlock); r.Columns != 1 || p.frame(contentW) > wideShare*contentW+1e-6 {
		t.Errorf("a 4:3 photo alone: %d columns, a frame %.0f pt tall; want 1, at most %.0f", r.Columns, p.frame(contentW), wideShare*contentW)
	}
	pie := &chartBlock{chart: data.Chart{Type: "pie", Title: "构成", Data: items(3)}, style: defaultTheme().charts("zh")}
	if r := alone(pie, 2, contentW, gutter, 10, nil); r.Columns != 2 {
		t.Errorf("a pie alone: %d columns, want 2 (half the width)", r.Columns)
	}
}

// TestPartedRowKeepsOrder parts rows of a portrait and a landscape
// photo at a page's foot where only the landscape one fits: with the
// landscape photo first it stays and the portrait one goes on; with the
// portrait one first the row does not part, since the landscape photo
// staying would be read before the photo the report lists before it.
func TestPartedRowKeepsOrder(t *testing.T) {
	kicker := &Stack{}
	portrait, land := frame(1.5), frame(2.0/3)
	cw := (&Row{Columns: 2, Gutter: gutter}).cellWidth(contentW)
	h := land.Measure(cw) + 1 // the landscape photo fits, the portrait one not even shortened
	if head, _ := portrait.Split(cw, h); head != nil {
		t.Fatalf("the portrait photo fits in %.0f pt; the test needs one that does not", h)
	}
	row := func(cells ...Block) *Row {
		return &Row{Cells: cells, Columns: 2, Gutter: gutter, After: 10, Kicker: kicker}
	}
	head, tail := row(land, portrait).Split(contentW, h)
	if head == nil || tail == nil || head.(*Row).Cells[0] != land || tail.(*Row).Cells[0] != portrait {
		t.Errorf("landscape then portrait parted as %v | %v; want the landscape photo here, the portrait one going on", head, tail)
	}
	if head, tail := row(portrait, land).Split(contentW, h); head != nil {
		t.Errorf("portrait then landscape parted as %v | %v: the landscape photo would be read first; want the row whole on the next page", head, tail)
	}
}

// TestStackStrips checks that two strip charts of a section share one
// cell, at the first one's place, and that other figures keep theirs.
func TestStackStrips(t *testing.T) {
	d := &Document{Theme: defaultTheme()}
	c := func(kind string) Block { return &chartBlock{chart: data.Chart{Type: kind}} }
	donut, progress, pie, stacked := c("donut"), c("progress"), c("pie"), c("stacked")
	got := d.stackStrips([]Block{donut, progress, pie, stacked})
	if len(got) != 3 || got[0] != donut || got[2] != pie {
		t.Fatalf("figures %v, want the donut, the strips, the pie", got)
	}
	if s, ok := got[1].(*Stack); !ok || len(s.Blocks) != 3 || s.Blocks[0] != progress || s.Blocks[2] != stacked {
		t.Errorf("the second cell is %#v, want the progress bar over the stacked bar", got[1])
	}
	if one := d.stackStrips([]Block{donut, progress, pie}); len(one) != 3 {
		t.Errorf("one strip: %d figures, want the 3 as they were", len(one))
	}
}

// TestOneColumnFloat: in one column (A5 in the report look) a chart in
// the text takes the width it needs, at the column's left: a bar chart of
// two to four years as a figure beside another (half the column), a
// quarter of that more for each item over, a month's 30 days (crowded in
// half) the column; a pie, and a bar chart of one year (one figure), the
// column (they keep their size).
func TestOneColumnFloat(t *testing.T) {
	st := defaultTheme().charts("zh")
	const col = 300.0
	half := (col - 10) / 2
	for _, c := range []struct {
		kind string
		n    int
		want float64
	}{{"bar", 1, col}, {"bar", 2, half}, {"bar", 4, half}, {"bar", 6, 1.5 * half}, {"bar", 30, col}, {"pie", 2, col}} {
		f := flowOf(2, 3, false)
		f.Columns = 1
		years := items(c.n)
		for i := range years {
			years[i].Label = fmt.Sprint(2000 + i)
		}
		f.Float = &chartBlock{chart: data.Chart{Type: c.kind, Title: "各年", Data: years}, style: st}
		if fx, _, w := f.floatAt(0, 0, col); fx != 0 || math.Abs(w-c.want) > 1e-6 {
			t.Errorf("a %s chart of %d items: at x %.0f, %.1f pt wide; want at 0, %.1f", c.kind, c.n, fx, w, c.want)
		}
	}
}

// TestCardPrefixForPoppler: a stat card's prefix (£, 约) is set no
// smaller than the figure's size over 1.6, the most by which poppler's
// pdftotext lets the size grow inside one block: smaller, the prefix was
// a block of its own, the row of cards no longer a table to poppler, and
// a card over column 2 was read inside the paragraph under it.
func TestCardPrefixForPoppler(t *testing.T) {
	d := &Document{Theme: defaultTheme()}
	for _, st := range []data.Stat{
		{Prefix: "£", Value: data.Number{Value: 12.4, Text: "12.4"}, Unit: "million", Label: "total expenditure"},
		{Prefix: "约", Value: data.Number{Value: 98, Text: "98"}, Unit: "亿美元", Label: "产值"},
	} {
		l, big := d.statCard(st).(*statCard).figure(120)
		if len(l.Glyphs) == 0 {
			t.Fatalf("%s: nothing set", st.Prefix)
		}
		if p := l.Glyphs[0]; p.Size*1.6 < big {
			t.Errorf("%s%s: the prefix at %.1f pt before a figure of %.1f pt: over 1.6 times", st.Prefix, st.Value.Text, p.Size, big)
		}
	}
}

// TestPart parts a row of a landscape and a portrait photo that does not
// fit: a landscape photo of the next row may not take the portrait one's
// place (it would be read before it), but a chart may (the report says
// nothing of a chart's place among the photos); what goes on is paired
// again in order.
func TestPart(t *testing.T) {
	kicker := &Stack{}
	row := func(cells ...Block) *Row {
		return &Row{Cells: cells, Columns: 2, Gutter: gutter, After: 10, Kicker: kicker}
	}
	l1, p1, l2 := frame(0.5), frame(1.5), frame(0.5)
	h := row(l1, l2).Measure(contentW) // the two landscape photos would fit, not the row
	head, rest, ok := part(row(l1, p1), []Block{row(l2)}, contentW, h)
	if !ok || len(head.(*Row).Cells) != 1 || head.(*Row).Cells[0] != l1 {
		t.Fatalf("part gave %v, %v; want the first landscape photo alone", head, ok)
	}
	if len(rest) != 1 || len(rest[0].(*Row).Cells) != 2 || rest[0].(*Row).Cells[0] != p1 || rest[0].(*Row).Cells[1] != l2 {
		t.Errorf("what goes on: %v; want the portrait photo, then the second landscape one, in one row", rest)
	}
	chart := &Stack{} // a chart's kind, of no height
	head, rest, ok = part(row(l1, p1), []Block{row(chart, l2)}, contentW, h)
	if !ok || len(head.(*Row).Cells) != 2 || head.(*Row).Cells[1] != chart {
		t.Fatalf("part gave %v; want the landscape photo beside the chart", head)
	}
	if len(rest) != 1 || len(rest[0].(*Row).Cells) != 2 || rest[0].(*Row).Cells[0] != p1 {
		t.Errorf("what goes on: %v; want the portrait photo, then the second landscape one", rest)
	}
}

// TestRowsAboveTextForPoppler: a row of figures moved above its
// section's text (hoisted) reads, in poppler's pdftotext, before the
// text, its paragraphs whole: the district bureau's chart beside a photo
// (report look) and the Hong Kong report's two charts (report look). The
// port's landscape and portrait photos (poster look), whose second
// caption stood over column 2 alone and was read between the columns,
// inside the paragraph that runs on from one to the other, no longer
// stand above their text since a section's first lines keep three in a
// column (see Flow.thin) and set its pages anew. Each such row is set for poppler
// (see overText): two photos on the columns, a photo as tall as the
// chart beside it.
func TestRowsAboveTextForPoppler(t *testing.T) {
	for _, c := range []struct{ name, style string }{{"district-bureau-2023", "report"}, {"hong-kong-2025", "report"}} {
		t.Run(c.style+"/"+c.name, func(t *testing.T) {
			r := load(t, "../examples/"+c.name+"/report.yaml")
			d, pdf := buildExample(t, r, Options{Draft: true, Style: c.style}, false)
			above := 0
			for _, p := range d.Pages {
				for k := 1; k < len(p.Blocks); k++ {
					row, ok := p.Blocks[k-1].Block.(*Row)
					f, text := p.Blocks[k].Block.(*Flow)
					if !ok || !text || !isFigure(row) || f.cols() != 2 || len(row.Cells) != 2 {
						continue
					}
					above++
					w := p.Blocks[k].W
					x, _ := row.cell(w, 1)
					if edge := f.colWidth(w) + f.Gutter; math.Abs(x-edge) > 0.01 {
						t.Errorf("page %d: the row's second cell at %.1f pt, column 2 at %.1f", p.Number, x, edge)
					}
					for i, cell := range row.Cells {
						ph, ok := cell.(*photoBlock)
						if !ok {
							continue
						}
						_, cw := row.cell(w, i)
						_, ow := row.cell(w, 1-i)
						switch o := row.Cells[1-i].(type) {
						case *photoBlock: // the captions side by side, on one line
							if math.Abs(ph.frame(cw)-o.frame(ow)) > 0.01 {
								t.Errorf("page %d: frames %.1f and %.1f pt tall", p.Number, ph.frame(cw), o.frame(ow))
							}
						default: // the caption under the figure's labels
							h := o.Measure(ow)
							if s, ok := o.(*Stack); ok {
								h = s.Blocks[0].Measure(ow)
							}
							if ph.frame(cw) < h-0.01 {
								t.Errorf("page %d: the photo %.0f pt tall, its caption beside the %.0f pt of the %T next to it", p.Number, ph.frame(cw), h, o)
							}
						}
					}
				}
			}
			if above == 0 {
				t.Fatal("no row of two figures above a text in two columns: the case is gone")
			}
			file := filepath.Join(t.TempDir(), c.name+".pdf")
			if err := os.WriteFile(file, pdf, 0o644); err != nil {
				t.Fatal(err)
			}
			txt := strings.ReplaceAll(withoutFurniture(pdftest.Pdftotext(t, file), d), "-", "")
			paras := paragraphs(r)
			for _, i := range misread(txt, paras, nil) {
				t.Errorf("poppler: paragraph %d is not there verbatim after the one before it: %.60s…", i+1, paras[i])
			}
		})
	}
}

// TestPhotoWithinTypeArea: a portrait photo the full width, taller than
// the type area, is set narrower to fit it, keeping its shape (it was
// refused: the Macao brief's section 2 of a photo and a quote alone).
func TestPhotoWithinTypeArea(t *testing.T) {
	p := frame(1.5)
	p.most = 335
	w := 527.0
	if h := p.Measure(w); h > p.most+1e-6 {
		t.Errorf("the photo is set %.0f pt tall, the type area %.0f", h, p.most)
	}
	if got := p.frame(w) / p.width(w); math.Abs(got-1.5) > 1e-6 {
		t.Errorf("the frame is %.2f high a width, want the photo's shape 1.5", got)
	}
	if a, rest := p.Split(w, 300); a == nil || rest != nil || a.Measure(w) > 300+1e-6 {
		t.Errorf("the photo set narrower does not go narrower still to fit 300 pt")
	}
	r := load(t, "../examples/macao-library-brief/report.yaml")
	r.Sections[1].Body = ""
	for _, style := range theme.Names() {
		if _, err := NewWith(r, Options{Style: style}); err != nil {
			t.Errorf("%s: a section of a portrait photo and a quote: %v", style, err)
		}
	}
}

// TestCaptionBeside: a photo alone in half a row sets its caption beside
// the frame, at its foot, in the half a partner would take; the row keeps
// its height. A photo beside another, and a chart alone, keep theirs
// under the frame.
func TestCaptionBeside(t *testing.T) {
	th := defaultTheme()
	photo := func() *photoBlock {
		return &photoBlock{theme: th, natural: 2.0 / 3, caption: &Paragraph{
			Spans: []Span{th.span("图注", th.Regular, th.Scale.Label, th.Ink)}, Setting: Setting{Align: Left}, Leading: 11,
		}}
	}
	const w, gutter = 400.0, 20.0
	half := (w - gutter) / 2
	for _, tc := range []struct {
		name   string
		row    *Row
		beside bool
	}{
		{"alone in half", &Row{Cells: []Block{photo()}, Columns: 2, Gutter: gutter}, true},
		{"beside another", &Row{Cells: []Block{photo(), photo()}, Columns: 2, Gutter: gutter}, false},
		{"the full width", &Row{Cells: []Block{photo()}, Columns: 1, Gutter: gutter}, false},
		{"a chart alone", &Row{Cells: []Block{&chartBlock{height: 100}}, Columns: 2, Gutter: gutter}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.row.captionBeside() != nil; got != tc.beside {
				t.Fatalf("captionBeside: %v, want %v", got, tc.beside)
			}
			if !tc.beside {
				return
			}
			p := tc.row.Cells[0].(*photoBlock)
			if h, want := tc.row.Measure(w), p.Measure(half); math.Abs(h-want) > 1e-9 {
				t.Errorf("the row is %.1f pt tall, want %.1f: as with its caption under the frame", h, want)
			}
			c, page := &Canvas{}, draw.Page{}
			c.rec.Reuse(&page)
			if err := tc.row.Draw(c, 0, 0, w); err != nil {
				t.Fatal(err)
			}
			var caption []string
			for _, it := range page.Items {
				if it.Text == "" || it.Text == th.Locale.Labels.Placeholder {
					continue // the placeholder's label in its frame
				}
				caption = append(caption, it.Text)
				if it.X < half+gutter-1e-6 || it.Y > p.frame(half)+1e-6 {
					t.Errorf("caption %q at (%.1f, %.1f), want beside the frame (x ≥ %.1f) by its foot (y ≤ %.1f)", it.Text, it.X, it.Y, half+gutter, p.frame(half))
				}
			}
			if len(caption) == 0 {
				t.Error("no caption drawn")
			}
		})
	}
}

// TestRejoin: a text's figure sent on alone to the next page joins its
// section's rows of figures that follow, last, in the report's order:
// the one left over takes the full width when it gains from it (here
// the first, a growing bar chart), else stands alone, last; a figure
// the look sets wide though it keeps its size (a donut) shares a row
// with it; another section's rows are left as they are.
func TestRejoin(t *testing.T) {
	st := defaultTheme().charts("zh")
	bar := &chartBlock{chart: data.Chart{Type: "bar", Title: "四年", Data: items(4)}, style: st}
	donut := &chartBlock{chart: data.Chart{Type: "donut", Title: "占比", Value: &data.Number{Value: 376}, Total: &data.Number{Value: 1653}}, style: st}
	p1, p2, p3 := shot(720, 480), frame(1.5), frame(1) // none gains from the full width
	k, other := Block(Space(1)), Block(Space(2))       // two sections' reminders
	row := func(kicker Block, cols int, cells ...Block) *Row {
		return &Row{Cells: cells, Columns: cols, Gutter: gutter, After: 10, Kicker: kicker}
	}
	show := func(q []Block) string {
		var s []string
		for _, b := range q {
			r := b.(*Row)
			var cells []string
			for _, c := range r.Cells {
				switch c {
				case bar:
					cells = append(cells, "bar")
				case donut:
					cells = append(cells, "donut")
				case p1:
					cells = append(cells, "p1")
				case p2:
					cells = append(cells, "p2")
				case p3:
					cells = append(cells, "p3")
				default:
					cells = append(cells, "widened")
				}
			}
			s = append(s, fmt.Sprintf("%d:%s", r.Columns, strings.Join(cells, "+")))
		}
		return strings.Join(s, " ")
	}
	for _, c := range []struct {
		name string
		rest []Block
		want string
	}{
		{"after two photos", []Block{row(k, 2, p1, p2)}, "2:p1+p2 2:p3"},
		{"after a growing chart and a photo", []Block{row(k, 2, bar, p1)}, "1:bar 2:p1+p3"},
		{"before a donut set wide", []Block{row(k, 1, donut)}, "2:p3+donut"},
		{"before another section's rows", []Block{row(other, 2, p1, p2)}, "2:p3 2:p1+p2"},
	} {
		if got := show(rejoin(row(k, 2, p3), c.rest, contentW)); got != c.want {
			t.Errorf("%s: %s, want %s", c.name, got, c.want)
		}
	}
}
