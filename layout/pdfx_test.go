package layout

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/internal/pdftest"
	"github.com/brochure-dev/brochure/preflight"
)

// textColourRE is a text object as fonts.Embedding writes it: the colour
// operators, then the font and size.
var textColourRE = regexp.MustCompile(`q ([^Q]*?) BT /B\d+ ([\d.]+) Tf`)

// TestPDFX: the sample built for print is PDF/X-4 with the FOGRA39 output
// intent; every text object sets its colour in DeviceCMYK, black and grey
// text on the black plate alone, the body overprinting; no DeviceRGB is
// left; and preflight finds nothing, with all small black text on one
// plate.
func TestPDFX(t *testing.T) {
	_, pdf := build(t, printSample(t, a5Booklet), Options{PDFX: true})
	_, again := build(t, printSample(t, a5Booklet), Options{PDFX: true})
	if !bytes.Equal(pdf, again) {
		t.Error("PDF/X builds differ")
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-1.6")) {
		t.Errorf("header %q, want PDF 1.6 (PDF/X-4)", pdf[:8])
	}
	all := append(pdftest.Inflate(pdf), pdf...)
	for _, s := range []string{"/S /GTS_PDFX", "/OutputConditionIdentifier (FOGRA39)", "/N 4 /Alternate /DeviceCMYK",
		"<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>", "/Trapped /False", "/DefaultRGB",
		"/GSop", "/OP true /op true /OPM 1", "/TrimBox", "/BleedBox"} {
		if !bytes.Contains(all, []byte(s)) {
			t.Errorf("no %s", s)
		}
	}
	fogra39, err := os.ReadFile("../internal/export/icc/FOGRA39-brochure.icc")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(all, fogra39[128:1024]) {
		t.Error("the FOGRA39 profile is not embedded")
	}
	runs := textColourRE.FindAllSubmatch(all, -1)
	if len(runs) < 100 {
		t.Fatalf("%d text objects found", len(runs))
	}
	body, kOnly := 0, 0
	for _, m := range runs {
		ops, size := string(m[1]), string(m[2])
		f := strings.Fields(ops)
		if len(f) < 5 || f[4] != "k" {
			t.Fatalf("text at %s pt in %q, want a DeviceCMYK fill (k)", size, ops)
		}
		if f[0] == "0" && f[1] == "0" && f[2] == "0" {
			kOnly++
		}
		if ops == "0 0 0 1 k /GSop gs" {
			body++ // #1A1A1A: K 100 %, overprinting
		}
	}
	if body < len(runs)/2 {
		t.Errorf("%d of %d text objects in the body's K-only overprinting black", body, len(runs))
	}
	rep, err := preflight.Check(pdf, preflight.Options{Bleed: 3})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.OK() || !rep.PDFX() {
		t.Errorf("preflight of the PDF/X: PDF/X %v, problems %q", rep.PDFX(), rep.Problems)
	}
	for _, c := range rep.Colours {
		if c == "DeviceRGB" {
			t.Errorf("colours %q: DeviceRGB in a PDF/X build", rep.Colours)
		}
	}
	if p := rep.Plates; p == nil || p.Several != 0 || p.BlackOnly < 100 || p.Overprint == 0 {
		t.Errorf("small text by plates %+v, want all black text on the black plate, overprinting", p)
	}
	if kOnly < body {
		t.Errorf("%d K-only text objects, fewer than the body's %d", kOnly, body)
	}
}

// TestScreenColours: a screen build (the default) draws black and grey
// text in DeviceGray of the theme's exact value (#1A1A1A is 0.102), which
// renders as the DeviceRGB it replaces; its brand colours stay RGB.
func TestScreenColours(t *testing.T) {
	_, pdf := build(t, printSample(t, a5Booklet), Options{})
	all := pdftest.Inflate(pdf)
	if bytes.Contains(all, []byte("/GSop")) || bytes.Contains(all, []byte("GTS_PDFX")) {
		t.Error("a screen build carries print settings")
	}
	grey := 0
	for _, m := range textColourRE.FindAllSubmatch(all, -1) {
		f := strings.Fields(string(m[1]))
		switch f[len(f)-1] {
		case "g":
			grey++
		case "rg":
			if f[0] == f[1] && f[1] == f[2] {
				t.Errorf("grey text in RGB: %q", m[1])
			}
		default:
			t.Errorf("text colour %q in a screen build", m[1])
		}
	}
	if !bytes.Contains(all, []byte("q 0.102 g BT")) || grey < 100 {
		t.Errorf("%d grey text objects; body text not in 0.102 g", grey)
	}
	rep, err := preflight.Check(pdf, preflight.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if p := rep.Plates; p == nil || p.Several != 0 {
		t.Errorf("small text by plates %+v, want none from several plates", p)
	}
}

// TestPrintLooksLikeScreen: rendered by poppler, which converts CMYK
// through the file's output intent (a proof of the FOGRA39 press), a page
// of the print build has the greys of the screen build: the grey pixels
// of the screen page differ by at most 2 % on average in the print page,
// since each grey's K is chosen for its tone on press (ink.GreyK). The
// body's #1A1A1A is darker than black ink alone prints: K 100 % proofs
// about #231F20, the worst pixels. Brand colours may differ (their CMYK
// is chosen for the press).
func TestPrintLooksLikeScreen(t *testing.T) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm (poppler-utils) not installed")
	}
	_, screen := build(t, printSample(t, a5Booklet), Options{})
	_, print := build(t, printSample(t, a5Booklet), Options{PDFX: true})
	dir := t.TempDir()
	render := func(pdf []byte, name string, page int) (w, h int, px []byte) {
		path := filepath.Join(dir, name+".pdf")
		if err := os.WriteFile(path, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		n := strconv.Itoa(page)
		out := filepath.Join(dir, name+n)
		if b, err := exec.Command("pdftoppm", "-r", "72", "-f", n, "-l", n, "-singlefile", path, out).CombinedOutput(); err != nil {
			t.Fatalf("pdftoppm: %v %s", err, b)
		}
		b, err := os.ReadFile(out + ".ppm")
		if err != nil {
			t.Fatal(err)
		}
		f := bytes.SplitN(b, []byte("\n"), 4) // P6, width height, 255, pixels
		dims := strings.Fields(string(f[1]))
		w, _ = strconv.Atoi(dims[0])
		h, _ = strconv.Atoi(dims[1])
		return w, h, f[3]
	}
	for _, page := range []int{3, 4} {
		w, h, a := render(screen, "screen", page)
		w2, h2, b := render(print, "print", page)
		if w != w2 || h != h2 || len(a) != len(b) || len(a) != 3*w*h {
			t.Fatalf("page %d: sizes differ", page)
		}
		neutral, sum, worst := 0, 0, 0
		for i := 0; i+2 < len(a); i += 3 {
			if a[i] != a[i+1] || a[i+1] != a[i+2] || a[i] == 255 {
				continue
			}
			neutral++
			d := 0
			for k := range 3 {
				d = max(d, int(b[i+k])-int(a[i]), int(a[i])-int(b[i+k]))
			}
			sum += d
			worst = max(worst, d)
		}
		if neutral < 1000 {
			t.Fatalf("page %d: %d grey pixels", page, neutral)
		}
		mean := float64(sum) / float64(neutral)
		if mean > 5 || worst > 16 { // 2 % of 255 on average; the body's K 100 % is the worst
			t.Errorf("page %d: grey pixels differ by %.1f of 255 on average, %d at worst", page, mean, worst)
		}
		t.Logf("page %d: %d grey pixels, %.1f of 255 apart on average, %d at worst", page, neutral, mean, worst)
	}
}
