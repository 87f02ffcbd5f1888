package layout

import (
	"math"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/internal/pdftest"
)

// TestSamplePDFMatchesLayout builds the sample and reads it back as a
// viewer does: every glyph of every body line stands in the PDF where
// layout placed it (so the properties tested on Break hold in print), and
// the lines read back from the PDF keep kinsoku.
func TestSamplePDFMatchesLayout(t *testing.T) {
	r := load(t, samplePath)
	d, pdf := build(t, r, Options{})
	doc := pdftest.Open(t, pdf)
	if len(doc.Pages) != len(d.Pages) {
		t.Fatalf("%d pages in the PDF, %d laid out", len(doc.Pages), len(d.Pages))
	}
	noTofu(t, d, doc)
	type glyph struct {
		r    rune
		x, y float64
	}
	checked := 0
	for pi, page := range d.Pages {
		// what layout placed: the body paragraphs' glyphs, in order
		var want []glyph
		var lineStarts, lineEnds []rune
		for _, b := range page.Blocks {
			f, ok := b.Block.(*Flow)
			if !ok {
				continue
			}
			f.each(b.X, b.Y, b.W, func(l Line, x, base float64) {
				for _, g := range l.Glyphs {
					if g.R != ' ' && g.Size == sizeBody {
						want = append(want, glyph{g.R, x + g.X, pageH - base})
					}
				}
				if len(l.Glyphs) > 0 {
					lineStarts = append(lineStarts, l.Glyphs[0].R)
					lineEnds = append(lineEnds, l.Glyphs[len(l.Glyphs)-1].R)
				}
			})
		}
		// what the PDF shows at body size in the body's face (a stat
		// card's unit is at body size too, in Bold; the sample has no bold
		// text)
		var got []glyph
		for _, c := range doc.Pages[pi].Chars {
			if !c.Generated && c.R != ' ' && c.R != '\r' && c.R != '\n' && math.Abs(c.FontSize-sizeBody) < 0.01 && strings.Contains(c.Font, "Regular") {
				got = append(got, glyph{c.R, c.Origin[0], c.Origin[1]})
			}
		}
		if len(got) != len(want) {
			t.Errorf("page %d: %d body glyphs in the PDF, %d laid out", pi+1, len(got), len(want))
			continue
		}
		for i := range want {
			g, w := got[i], want[i]
			if g.r != w.r || math.Abs(g.x-w.x) > 0.05 || math.Abs(g.y-w.y) > 0.05 {
				t.Errorf("page %d glyph %d: PDF has %q at (%.2f, %.2f), layout put %q at (%.2f, %.2f)", pi+1, i, g.r, g.x, g.y, w.r, w.x, w.y)
				break
			}
			checked++
		}
		for _, r := range lineStarts[min(1, len(lineStarts)):] {
			if strings.ContainsRune(noStart, r) {
				t.Errorf("page %d: a line starts with %q", pi+1, r)
			}
		}
		for _, r := range lineEnds {
			if strings.ContainsRune(noEnd, r) {
				t.Errorf("page %d: a line ends with %q", pi+1, r)
			}
		}
	}
	total := len([]rune(strip(r.Byline)))
	for _, s := range r.Sections {
		for _, p := range s.Paragraphs() {
			total += len([]rune(strip(p)))
		}
	}
	if checked != total {
		t.Errorf("%d body glyphs checked, the report has %d", checked, total)
	}
}

// TestGalleryNoTofu builds the chart gallery, where charts compose most of
// the text (ticks, value labels, legends, 同比上升), and checks that every
// character drawn is in the fonts' subset.
func TestGalleryNoTofu(t *testing.T) {
	d, pdf := build(t, load(t, "../examples/chart-gallery/report.yaml"), Options{})
	n := noTofu(t, d, pdftest.Open(t, pdf))
	if n < 500 {
		t.Errorf("only %d characters in the gallery", n)
	}
}

// noTofu checks that every character of the PDF is drawn in a font that
// has it: the font PDFium names (TAG+Family) is one of the document's
// faces, and that face maps the character to a glyph. It returns how
// many characters it checked.
func noTofu(t *testing.T, d *Document, doc *pdftest.Doc) int {
	t.Helper()
	byName := map[string]*fonts.Face{}
	for _, f := range d.faces() {
		byName[f.Family] = f
	}
	n := 0
	for pi, p := range doc.Pages {
		for _, c := range p.Chars {
			if c.Generated || c.R == '\r' || c.R == '\n' {
				continue
			}
			n++
			_, family, _ := strings.Cut(c.Font, "+")
			f := byName[family]
			if f == nil || !f.Has(c.R) {
				t.Errorf("page %d: %q (U+%04X) drawn in %q, which cannot draw it", pi+1, c.R, c.R, c.Font)
			}
		}
	}
	return n
}
