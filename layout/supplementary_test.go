package layout

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/image/font/sfnt"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/internal/pdftest"
)

// hkReport is a Hong Kong report with characters past the Basic
// Multilingual Plane (the Hong Kong Supplementary Character Set's 𨋢
// U+282E2 "lift", 𠝹 U+20779 "cut", 𡃁 U+210C1 "lad") in every place text
// is printed: the title, a heading, a card, the body and a chart.
const hkReport = `title: 困𨋢救援年報
language: %s
sections:
  - title: 𨋢門救援
    stats:
      - {value: 9200, unit: 宗, label: 困𨋢召喚}
    body: |
      全年被困升降機（俗稱「困𨋢」）召喚達九千二百宗。消防員用工具𠝹開𨋢門，救出一名𡃁仔。
    charts:
      - type: hbar
        title: 困𨋢召喚（宗）
        unit: 宗
        data:
          - {label: 住宅𨋢, value: 6100}
          - {label: 商廈𨋢, value: 3100}
`

// TestSupplementaryPlane: in a Hong Kong report, characters past the BMP
// print wherever they stand, in the Hong Kong face: each is drawn with
// its own glyph (its ink where the face's outline puts it, never
// .notdef's box), and PDFium, pdftotext and mutool read every text back
// verbatim, the document's title too. In a Simplified Chinese report,
// whose embedded faces lack them, the build stops and names the first
// one's line and column, as for any missing character.
func TestSupplementaryPlane(t *testing.T) {
	t.Run("zh-Hans refuses", func(t *testing.T) {
		r, err := data.Parse("r.yaml", []byte(strings.Replace(hkReport, "%s", "zh-Hans", 1)))
		if err != nil {
			t.Fatal(err)
		}
		_, err = New(r)
		if err == nil || !strings.Contains(err.Error(), "r.yaml:1:9") || !strings.Contains(err.Error(), "U+282E2") ||
			!strings.Contains(err.Error(), "fallback") {
			t.Fatalf("New = %v, want the title's 𨋢 at r.yaml:1:9 named, with what to do", err)
		}
	})

	r, err := data.Parse("r.yaml", []byte(strings.Replace(hkReport, "%s", "zh-HK", 1)))
	if err != nil {
		t.Fatal(err)
	}
	d, pdf := buildExample(t, r, Options{Draft: true}, false)
	path := filepath.Join(t.TempDir(), "hk.pdf")
	if err := os.WriteFile(path, pdf, 0o644); err != nil {
		t.Fatal(err)
	}
	doc := pdftest.Open(t, pdf)
	if got := doc.Info["Title"]; got != "困𨋢救援年報" {
		t.Errorf("document title %q", got)
	}
	faces := map[string]*fonts.Face{}
	for _, f := range d.faces() {
		faces[f.Family] = f
	}
	drawn := 0
	for _, p := range doc.Pages {
		for _, c := range p.Chars {
			if c.R <= 0xFFFF || c.Generated {
				continue
			}
			drawn++
			_, family, _ := strings.Cut(c.Font, "+")
			f := faces[family]
			if f == nil || !strings.HasPrefix(family, "NotoSansCJKhk-") || !c.Embedded {
				t.Errorf("%q drawn in %q (embedded %v), want a Hong Kong face", c.R, c.Font, c.Embedded)
				continue
			}
			want, ok := outlineBox(t, f, c.R, c.FontSize)
			got := [4]float64{c.Box.Left - c.Origin[0], c.Box.Bottom - c.Origin[1], c.Box.Right - c.Origin[0], c.Box.Top - c.Origin[1]}
			for i := range got {
				if !ok || math.Abs(got[i]-want[i]) > 0.05*c.FontSize {
					t.Errorf("%q in %s at %.1f pt: ink box %.2f, its outline %.2f", c.R, family, c.FontSize, got, want)
					break
				}
			}
		}
	}
	// the title (cover and running head), heading, card, body (4), chart
	// title and labels
	if drawn < 10 {
		t.Errorf("%d characters past the BMP drawn, want at least 10", drawn)
	}

	readers := []struct {
		name string
		text string
	}{
		{"PDFium", doc.AllText()},
		{"pdftotext", pdftest.Pdftotext(t, path)},
		{"mutool", pdftest.Mutool(t, path)},
	}
	places := []struct{ place, text string }{
		{"title", "困𨋢救援年報"},
		{"heading", "𨋢門救援"},
		{"card", "困𨋢召喚"},
		{"body", "俗稱「困𨋢」"},
		{"body", "𠝹開𨋢門，救出一名𡃁仔"},
		{"chart title", "困𨋢召喚（宗）"},
		{"chart label", "住宅𨋢"},
		{"chart label", "商廈𨋢"},
	}
	for _, rd := range readers {
		text := flat(rd.text)
		for _, p := range places {
			if !strings.Contains(text, p.text) {
				t.Errorf("%s does not read the %s %q", rd.name, p.place, p.text)
			}
		}
	}
}

// outlineBox is the box of r's outline in f at size, from the glyph
// origin, y up: left, bottom, right, top (on-curve and control points:
// a little larger than the ink where a curve bulges, within the test's
// tolerance).
func outlineBox(t *testing.T, f *fonts.Face, r rune, size float64) ([4]float64, bool) {
	t.Helper()
	segs, err := f.Outline(r, size)
	if err != nil || len(segs) == 0 {
		t.Errorf("%s: no outline for %q: %v", f.Family, r, err)
		return [4]float64{}, false
	}
	b := [4]float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, s := range segs {
		n := map[sfnt.SegmentOp]int{sfnt.SegmentOpQuadTo: 2, sfnt.SegmentOpCubeTo: 3}[s.Op]
		for _, p := range s.Args[:max(n, 1)] {
			x, y := float64(p.X)/64, -float64(p.Y)/64
			b[0], b[1], b[2], b[3] = min(b[0], x), min(b[1], y), max(b[2], x), max(b[3], y)
		}
	}
	return b, true
}
