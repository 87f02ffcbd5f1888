package fonts

import (
	"image"
	"image/color"
	"image/draw"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"golang.org/x/image/font"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/math/fixed"

	"github.com/brochure-dev/brochure/internal/pdftest"
)

const notoHK = "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"

// roundTrip are characters whose glyphs differ between regions (骨 直 化
// 户 令 过), kana, hangul, Latin, figures, punctuation: the HK face draws
// each through many subroutines of its own FD.
var roundTrip = []rune("骨直化户令过香港區這們アイうえ한국어ABCgjpQ059%，。")

// Every glyph a CFF subset draws is the glyph the font has: a page of the
// characters, one per cell, rendered by PDFium from the PDF (subset,
// CIDFontType0C), against the same characters rasterized by x/image from
// the original collection. Each cell's ink must match (IoU of the dark
// pixels); a neighbour's glyph must not, or the test could not fail.
func TestCFFRoundTrip(t *testing.T) {
	if _, err := os.Stat(notoHK); err != nil {
		t.Skip("fonts-noto-cjk is not installed")
	}
	face, err := Open(notoHK + "#Noto Sans CJK HK")
	if err != nil {
		t.Fatal(err)
	}
	if face.metrics().cff == nil {
		t.Fatal("Noto Sans CJK HK did not parse as CFF")
	}
	const size, cell, dpi = 28.0, 40.0, 144.0
	var items []drawn
	for i, r := range roundTrip {
		if !face.Has(r) {
			t.Fatalf("the face lacks %q", r)
		}
		items = append(items, drawn{face, size, 0, 20 + cell*float64(i%10), 40 + cell*float64(i/10), string(r)})
	}
	pdf := embedPDF(t, items)
	if doc := pdftest.Open(t, pdf); len(doc.Pages) != 1 {
		t.Fatal("no page")
	}
	got := pdftest.Render(t, pdf, 0, dpi)

	// the reference: the original face, from the collection
	b, _ := os.ReadFile(notoHK)
	coll, err := opentype.ParseCollection(b)
	if err != nil {
		t.Fatal(err)
	}
	var ref *opentype.Font
	for i := range coll.NumFonts() {
		f, _ := coll.Font(i)
		if name, _ := f.Name(nil, 6); name == "NotoSansCJKhk-Regular" {
			ref = f
		}
	}
	if ref == nil {
		t.Fatal("no NotoSansCJKhk-Regular in the collection")
	}
	fc, err := opentype.NewFace(ref, &opentype.FaceOptions{Size: size, DPI: dpi, Hinting: font.HintingNone})
	if err != nil {
		t.Fatal(err)
	}
	want := image.NewGray(got.Bounds())
	draw.Draw(want, want.Bounds(), image.White, image.Point{}, draw.Src)
	px := func(pt float64) fixed.Int26_6 { return fixed.Int26_6(pt * dpi / 72 * 64) }
	for _, it := range items {
		d := font.Drawer{Dst: want, Src: image.Black, Face: fc, Dot: fixed.Point26_6{X: px(it.x), Y: px(it.y)}}
		d.DrawString(it.s)
	}
	box := func(i int) image.Rectangle {
		it := items[i]
		s := dpi / 72
		return image.Rect(int((it.x-4)*s), int((it.y-size)*s), int((it.x+cell-4)*s), int((it.y+10)*s))
	}
	dark := func(c color.Color) bool { g := color.GrayModel.Convert(c).(color.Gray); return g.Y < 128 }
	iou := func(a, b image.Rectangle) float64 {
		inter, union := 0, 0
		for y := 0; y < a.Dy(); y++ {
			for x := 0; x < a.Dx(); x++ {
				p := dark(got.At(a.Min.X+x, a.Min.Y+y))
				q := dark(want.At(b.Min.X+x, b.Min.Y+y))
				if p && q {
					inter++
				}
				if p || q {
					union++
				}
			}
		}
		if union == 0 {
			return 0
		}
		return float64(inter) / float64(union)
	}
	for i, r := range roundTrip {
		if v := iou(box(i), box(i)); v < 0.85 {
			t.Errorf("%q: the subset draws another glyph than the font (IoU %.2f)", r, v)
		}
		if j := (i + 1) % len(roundTrip); iou(box(i), box(j)) > 0.6 {
			t.Errorf("%q against %q: the comparison cannot tell glyphs apart", r, roundTrip[j])
		}
	}
}

// A subset whose glyphs call no local subroutine of their font DICT
// (figures alone, in Noto Sans CJK HK) still loads in FreeType (poppler,
// MuPDF), which refuses a Subrs INDEX without any data.
func TestCFFSubsetWithoutSubroutines(t *testing.T) {
	if _, err := os.Stat(notoHK); err != nil {
		t.Skip("fonts-noto-cjk is not installed")
	}
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("poppler-utils is not installed")
	}
	face, err := Open(notoHK + "#Noto Sans CJK HK")
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"683", " 0"} {
		path := filepath.Join(t.TempDir(), "f.pdf")
		if err := os.WriteFile(path, embedPDF(t, []drawn{{face, 40, 0, 20, 60, s}}), 0o644); err != nil {
			t.Fatal(err)
		}
		out, err := exec.Command("pdftoppm", "-r", "10", "-png", path, filepath.Join(t.TempDir(), "p")).CombinedOutput()
		if err != nil || len(out) > 0 {
			t.Errorf("%q: poppler: %v %s", s, err, out)
		}
	}
}
