package preflight

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/internal/hostile"
)

// imagePage is a hand-made PDF/X page (with the FOGRA39 profile of
// internal/export/icc as its output intent when press is set) that draws one
// image of size×size pixels, every pixel px (n components), placed
// side×side pt at (100, 100).
func imagePage(t *testing.T, cs string, px []byte, size int, side float64, press bool) []byte {
	t.Helper()
	intent := ""
	if press {
		intent = " /OutputIntents [<</Type /OutputIntent /S /GTS_PDFX /OutputConditionIdentifier (FOGRA39) /DestOutputProfile 6 0 R>>]"
	}
	icc, err := os.ReadFile("../internal/export/icc/FOGRA39-brochure.icc")
	if err != nil {
		t.Fatal(err)
	}
	content := fmt.Sprintf("q %g 0 0 %g 100 100 cm /Im1 Do Q", side, side)
	return hostile.PDF(
		"<</Type /Catalog /Pages 2 0 R"+intent+">>",
		"<</Type /Pages /Kids [3 0 R] /Count 1>>",
		"<</Type /Page /Parent 2 0 R /MediaBox [0 0 615 862] /TrimBox [10 10 605 852] /Contents 4 0 R /Resources <</XObject <</Im1 5 0 R>> /ColorSpace <</DefaultRGB [/ICCBased 7 0 R]>>>>>>",
		hostile.Stream("", []byte(content), false),
		hostile.Stream(fmt.Sprintf("/Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /%s /BitsPerComponent 8", size, size, cs), bytes.Repeat(px, size*size), true),
		hostile.Stream("/N 4", icc, true),
		hostile.Stream("/N 3", nil, false),
	)
}

// TestImageInk: the ink of images counts against the limit — CMYK pixels
// as they are, RGB pixels as the output intent's profile converts them
// (sRGB black through FOGRA39 is 330 %) — when enough of them are over it
// to matter (MinInkArea); without an output intent RGB is not measured.
func TestImageInk(t *testing.T) {
	for _, c := range []struct {
		name  string
		cs    string
		px    []byte
		size  int
		side  float64
		press bool
		want  string // "" for no finding
		most  float64
	}{
		{"CMYK shadow", "DeviceCMYK", []byte{204, 178, 178, 255}, 8, 100, true, "1 images print 1245 mm² at more than 300 % total ink (up to 320 %)", 320},
		{"CMYK within the limit", "DeviceCMYK", []byte{153, 102, 102, 255}, 8, 100, true, "", 240},
		{"CMYK shadow, a speck", "DeviceCMYK", []byte{204, 178, 178, 255}, 1, 4, true, "", 320},
		{"RGB black through the profile", "DeviceRGB", []byte{0, 0, 0}, 8, 100, true, "1 images print 1245 mm² at more than 300 % total ink (up to 330 %)", 330},
		{"RGB grey through the profile", "DeviceRGB", []byte{128, 128, 128}, 8, 100, true, "", 104},
		{"RGB without an output intent", "DeviceRGB", []byte{0, 0, 0}, 8, 100, false, "", 0},
	} {
		t.Run(c.name, func(t *testing.T) {
			rep, err := Check(imagePage(t, c.cs, c.px, c.size, c.side, c.press), Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := printFindings(rep)
			switch {
			case c.want == "" && len(got) > 0:
				t.Errorf("findings %q, want none", got)
			case c.want != "" && (len(got) != 1 || !strings.Contains(got[0], c.want)):
				t.Errorf("findings %q, want one with %q", got, c.want)
			}
			if len(rep.Inks) != 1 || rep.Inks[0].MaxInk < c.most-2 || rep.Inks[0].MaxInk > c.most+2 {
				t.Errorf("page inks %+v, want the most ink %g %%", rep.Inks, c.most)
			}
		})
	}
}

// TestSeparations: a page's plates are those its paint uses — K-only
// text on Black alone, a spot colour by its name, RGB as RGB without an
// output intent — and the registration colour of marks is none of them.
func TestSeparations(t *testing.T) {
	spot := "/ColorSpace <</CS1 [/Separation /PANTONE#20186#20C /DeviceCMYK 10 0 R] /CSAll [/Separation /All /DeviceCMYK 10 0 R]>>"
	for _, c := range []struct {
		content string
		want    string
		most    float64
	}{
		{"BT /F1 9 Tf 100 400 Td 0 0 0 1 k (Body) Tj ET", "Black", 100},
		{"BT /F1 9 Tf 100 400 Td 0 g (Body) Tj ET 0 1 0.9 0.2 k 100 100 50 50 re f", "Magenta Yellow Black", 210},
		{"/CS1 cs 1 scn 100 100 50 50 re f /CSAll CS 1 SCN 0 0 m 5 5 l S", "PANTONE 186 C", 0},
		{"1 0 0 rg 100 100 50 50 re f", "RGB", 0},
	} {
		pdf := onePageWith(c.content, spot)
		rep, err := Check(pdf, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(rep.Inks) != 1 || strings.Join(rep.Inks[0].Plates, " ") != c.want || rep.Inks[0].MaxInk != c.most {
			t.Errorf("%q: inks %+v, want plates %q, most %g %%", c.content, rep.Inks, c.want, c.most)
		}
	}
}

// onePageWith is onePage with a tint transform as object 10 (for
// Separation colour spaces in res).
func onePageWith(content, res string) []byte {
	objs := []string{
		"<</Type /Catalog /Pages 2 0 R>>",
		"<</Type /Pages /Kids [3 0 R] /Count 1>>",
		"<</Type /Page /Parent 2 0 R /MediaBox [0 0 615 862] /TrimBox [10 10 605 852] /Contents 4 0 R /Resources <</Font <</F1 5 0 R>> " + res + ">>>>",
		fmt.Sprintf("<</Length %d>>\nstream\n%s\nendstream", len(content)+1, content),
		"<</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>",
		"null", "null", "null", "null",
		"<</FunctionType 2 /Domain [0 1] /N 1 /C0 [0 0 0 0] /C1 [0 1 0.81 0.04]>>",
	}
	return hostile.PDF(objs...)
}

// TestCMYKJPEGInk: a CMYK JPEG (Adobe, stored inverted, as layout embeds
// a CMYK photo) is measured in its own inks, not as inverted ones: the
// fixture's darkest pixel is 301 % (Go's decoder, which undoes Adobe's
// inversion; read inverted it would be 400 %), over too few pixels to
// matter.
func TestCMYKJPEGInk(t *testing.T) {
	jpg, err := os.ReadFile("../layout/testdata/cmyk.jpg")
	if err != nil {
		t.Fatal(err)
	}
	pdf := hostile.PDF(
		"<</Type /Catalog /Pages 2 0 R>>",
		"<</Type /Pages /Kids [3 0 R] /Count 1>>",
		"<</Type /Page /Parent 2 0 R /MediaBox [0 0 615 862] /TrimBox [10 10 605 852] /Contents 4 0 R /Resources <</XObject <</Im1 5 0 R>>>>>>",
		hostile.Stream("", []byte("q 150 0 0 103 100 100 cm /Im1 Do Q"), false),
		fmt.Sprintf("<</Type /XObject /Subtype /Image /Width 150 /Height 103 /ColorSpace /DeviceCMYK /Decode [1 0 1 0 1 0 1 0] /BitsPerComponent 8 /Filter /DCTDecode /Length %d>>\nstream\n%s\nendstream", len(jpg), jpg),
	)
	rep, err := Check(pdf, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Inks) != 1 || rep.Inks[0].MaxInk < 299 || rep.Inks[0].MaxInk > 303 || len(rep.Inks[0].Plates) < 3 || len(rep.Unchecked) > 0 {
		t.Errorf("inks %+v, unchecked %v: want the photo's CMYK measured, at most 301 %%", rep.Inks, rep.Unchecked)
	}
	if got := printFindings(rep); len(got) > 0 {
		t.Errorf("findings %q", got)
	}
}
