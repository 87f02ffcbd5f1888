package preflight

import (
	"fmt"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/internal/hostile"
)

// onePage is a hand-made PDF of one A4 page (TrimBox 10 pt inside the
// MediaBox) drawing content, with the extra page resources res (e.g.
// "/ExtGState <</GS1 6 0 R>>") and, when pdfx, a GTS_PDFX output intent.
// Object 5 is a font, 6 an overprint graphics state, 7 a DefaultRGB, 9
// an RGB image.
func onePage(content, res string, pdfx bool) []byte {
	intent := ""
	if pdfx {
		intent = " /OutputIntents [<</Type /OutputIntent /S /GTS_PDFX /OutputConditionIdentifier (FOGRA39)>>]"
	}
	objs := []string{
		"<</Type /Catalog /Pages 2 0 R" + intent + ">>",
		"<</Type /Pages /Kids [3 0 R] /Count 1>>",
		"<</Type /Page /Parent 2 0 R /MediaBox [0 0 615 862] /TrimBox [10 10 605 852] /BleedBox [10 10 605 852] /Contents 4 0 R /Resources <</Font <</F1 5 0 R>> " + res + ">>>>",
		fmt.Sprintf("<</Length %d>>\nstream\n%s\nendstream", len(content)+1, content),
		"<</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>",
		"<</Type /ExtGState /OP true /op true /OPM 1>>",
		"[/ICCBased 8 0 R]",
		"<</N 3 /Length 0>>\nstream\n\nendstream",
		"<</Type /XObject /Subtype /Image /Width 1 /Height 1 /ColorSpace /DeviceRGB /BitsPerComponent 8 /Length 3>>\nstream\n\xff\x00\x00\nendstream",
	}
	return hostile.PDF(objs...)
}

// printFindings are the report's findings of the print checks (those
// with a position).
func printFindings(r *Report) []string {
	var out []string
	for _, s := range append(r.Problems, r.Warnings...) {
		if strings.Contains(s, "mm from the trim") {
			out = append(out, s)
		}
	}
	return out
}

// TestPrintChecks: each hand-made page has one problem a shop's colour
// check finds, and preflight finds it (at its position, in mm from the
// trim's corner); its corrected twin has none.
func TestPrintChecks(t *testing.T) {
	const gs = "/ExtGState <</GS1 6 0 R>>"
	for _, c := range []struct {
		name      string
		bad, good string
		res       string
		goodRes   string // the corrected page's resources, when not res
		pdfx      bool
		opt       Options
		want      string // in the finding
	}{
		{name: "rich black small text",
			bad:  "BT /F1 9 Tf 100 400 Td 0.6 0.5 0.5 1 k (Body) Tj ET",
			good: "BT /F1 9 Tf 100 400 Td 0 0 0 1 k (Body) Tj ET",
			want: "page 1 at 31.8, 137.6 mm from the trim's bottom left: 1 runs of black or grey text under 12 pt printed from 4 plates (DeviceCMYK 0.6 0.5 0.5 1)"},
		{name: "RGB grey small text",
			bad:  "BT /F1 9.5 Tf 100 400 Td 0.1 0.1 0.1 rg (Body) Tj (more) Tj ET",
			good: "BT /F1 9.5 Tf 100 400 Td 0.1 g (Body) Tj (more) Tj ET",
			want: "2 runs of black or grey text under 12 pt printed from 4 plates (DeviceRGB 0.1 0.1 0.1)"},
		{name: "total ink",
			bad:  "0.8 0.7 0.7 1 k 100 100 200 200 re f",
			good: "0.6 0.4 0.4 1 k 100 100 200 200 re f",
			want: "page 1 at 31.8, 31.8 mm from the trim's bottom left: 1 areas of 320 % total ink (DeviceCMYK 0.8 0.7 0.7 1), above the 300 % limit"},
		{name: "total ink, own limit",
			bad:  "0.6 0.4 0.4 1 k 100 100 200 200 re f",
			good: "0 1 0.9 0.2 k 100 100 200 200 re f",
			opt:  Options{MaxInk: 220},
			want: "240 % total ink (DeviceCMYK 0.6 0.4 0.4 1), above the 220 % limit"},
		{name: "white overprint",
			bad:  "/GS1 gs 0 0 0 0 k 100 100 50 50 re f",
			good: "/GS1 gs 0 0 0 1 k 100 100 50 50 re f",
			res:  gs,
			want: "1 areas in white set to overprint: they vanish on press"},
		{name: "white text overprint",
			bad:  "/GS1 gs BT /F1 14 Tf 1 g 100 400 Td (White) Tj ET",
			good: "BT /F1 14 Tf 1 g 100 400 Td (White) Tj ET",
			res:  gs,
			want: "1 runs of white text set to overprint"},
		{name: "hairline",
			bad:  "0.1 w 0 G 100 100 m 300 100 l S",
			good: "0.3 w 0 G 100 100 m 300 100 l S",
			want: "page 1 at 31.8, 31.8 mm from the trim's bottom left: 1 lines thinner than 0.25 pt (0.10 pt)"},
		{name: "hairline by scaling",
			bad:  "q 0.2 0 0 0.2 0 0 cm 1 w 0 G 500 500 m 1500 500 l S Q",
			good: "q 0.2 0 0 0.2 0 0 cm 2 w 0 G 500 500 m 1500 500 l S Q",
			want: "thinner than 0.25 pt (0.20 pt)"},
		{name: "text near the trim",
			bad:  "BT /F1 14 Tf 15 400 Td (Cut) Tj ET",
			good: "BT /F1 14 Tf 40 400 Td (Safe) Tj ET",
			want: "page 1 at 1.8, 137.6 mm from the trim's bottom left: 1 runs of text closer than 3 mm to the trim"},
		{name: "text near the top",
			bad:  "BT /F1 14 Tf 100 835 Td (Top) Tj ET",
			good: "BT /F1 14 Tf 100 820 Td (Top) Tj ET",
			want: "closer than 3 mm to the trim"},
		{name: "RGB photo in PDF/X",
			bad:     "q 100 0 0 100 100 100 cm /Im1 Do Q",
			good:    "q 100 0 0 100 100 100 cm /Im1 Do Q",
			res:     "/XObject <</Im1 9 0 R>>",
			goodRes: "/XObject <</Im1 9 0 R>> /ColorSpace <</DefaultRGB 7 0 R>>",
			pdfx:    true,
			want:    "page 1 at 31.8, 31.8 mm from the trim's bottom left: 1 uses of DeviceRGB in a PDF/X file without a DefaultRGB"},
		{name: "RGB in PDF/X",
			bad:  "1 0 0 rg 100 100 50 50 re f",
			good: "0 1 1 0 k 100 100 50 50 re f",
			pdfx: true,
			want: "page 1 at 31.8, 31.8 mm from the trim's bottom left: 1 uses of DeviceRGB in a PDF/X file without a DefaultRGB"},
	} {
		t.Run(c.name, func(t *testing.T) {
			rep, err := Check(onePage(c.bad, c.res, c.pdfx), c.opt)
			if err != nil {
				t.Fatal(err)
			}
			got := printFindings(rep)
			if len(got) != 1 || !strings.Contains(got[0], c.want) {
				t.Errorf("findings %q, want one with %q", got, c.want)
			}
			res := c.res
			if c.goodRes != "" {
				res = c.goodRes
			}
			rep, err = Check(onePage(c.good, res, c.pdfx), c.opt)
			if err != nil {
				t.Fatal(err)
			}
			if got := printFindings(rep); len(got) != 0 {
				t.Errorf("corrected: findings %q", got)
			}
		})
	}
}

// TestRGBWithDefaultRGB: DeviceRGB in a PDF/X page whose resources say
// it is sRGB (DefaultRGB) is allowed; outside PDF/X, RGB is no finding.
func TestRGBWithDefaultRGB(t *testing.T) {
	for _, c := range []struct {
		res  string
		pdfx bool
	}{{"/ColorSpace <</DefaultRGB 7 0 R>>", true}, {"", false}} {
		rep, err := Check(onePage("1 0 0 rg 100 100 50 50 re f", c.res, c.pdfx), Options{})
		if err != nil {
			t.Fatal(err)
		}
		if got := printFindings(rep); len(got) != 0 {
			t.Errorf("%q, PDF/X %v: findings %q", c.res, c.pdfx, got)
		}
	}
}

// TestPlates: small text is counted by its plates: black ink alone (and
// overprinting), brand colour, black from several plates.
func TestPlates(t *testing.T) {
	content := "BT /F1 9 Tf 100 400 Td 0 0 0 1 k (a) Tj /GS1 gs (b) Tj 0 1 0.9 0.2 k (c) Tj 0.5 0.5 0.5 1 k (d) Tj ET BT /F1 14 Tf 100 300 Td 0.1 0.1 0.1 rg (big) Tj ET"
	rep, err := Check(onePage(content, "/ExtGState <</GS1 6 0 R>>", false), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := Plates{BlackOnly: 2, Colour: 1, Several: 1, Overprint: 1}
	if rep.Plates == nil || *rep.Plates != want {
		t.Errorf("plates %+v, want %+v", rep.Plates, want)
	}
}
