package main

import (
	"bytes"
	"encoding/json"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"github.com/brochure-dev/brochure/preflight"
)

// preflightJSON runs preflight --json on path and decodes the report.
func preflightJSON(t *testing.T, path string, flags ...string) (int, preflight.Report) {
	t.Helper()
	code, out, errs := exec(append([]string{"preflight", path, "--json"}, flags...)...)
	var rep preflight.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("preflight %s: exit %d, not JSON: %v\n%s%s", path, code, err, out, errs)
	}
	return code, rep
}

func checkFonts(t *testing.T, rep preflight.Report) {
	t.Helper()
	if len(rep.Fonts) != 3 {
		t.Errorf("%d fonts, want 3: %+v", len(rep.Fonts), rep.Fonts)
	}
	for _, f := range rep.Fonts {
		if !f.Embedded || !f.Subset || f.Type != "CID TrueType" || !regexp.MustCompile(`^[A-Z]{6}\+NotoSansSC-`).MatchString(f.Name) {
			t.Errorf("font %+v: want an embedded CID TrueType subset of Noto Sans SC", f)
		}
	}
	if len(rep.MissingGlyphs) > 0 || rep.NoUnicode > 0 || rep.Codes < 500 {
		t.Errorf("glyphs: %d codes, missing %v, %d without Unicode", rep.Codes, rep.MissingGlyphs, rep.NoUnicode)
	}
}

// TestPreflightSample: the A4 sample (no bleed) passes; its boxes are the
// A4 trim on every page; asked for 3 mm bleed, it fails.
func TestPreflightSample(t *testing.T) {
	pdf := buildSample(t)
	code, out, errs := exec("preflight", pdf)
	if code != exitOK || !strings.Contains(out, "pages 1-6: media 210×297 mm, trim 210×297 mm, no bleed") || !strings.Contains(out, "ok: nothing a print shop would reject") {
		t.Fatalf("exit %d:\n%s%s", code, out, errs)
	}
	code, rep := preflightJSON(t, pdf)
	if code != exitOK || rep.Pages != 6 || len(rep.Boxes) != 1 || len(rep.Problems) != 0 {
		t.Fatalf("exit %d: %+v", code, rep)
	}
	b := rep.Boxes[0]
	if b.Media != (preflight.Rect{W: 210, H: 297}) || b.Trim == nil || *b.Trim != b.Media || b.Bleed == nil || *b.Bleed != b.Media {
		t.Errorf("boxes %+v", b)
	}
	checkFonts(t, rep)
	if fi, _ := os.Stat(pdf); rep.Bytes != int(fi.Size()) {
		t.Errorf("bytes %d, file %d", rep.Bytes, fi.Size())
	}
	if code, rep := preflightJSON(t, pdf, "--bleed", "3mm"); code != exitInvalid || len(rep.Problems) != 1 || !strings.Contains(rep.Problems[0], "0 mm bleed, 3 mm expected") {
		t.Errorf("--bleed 3mm on a PDF without bleed: exit %d, %v", code, rep.Problems)
	}
}

// photoSample writes the sample as an A5 booklet with bleed and marks and
// a generated w×h photo in its first frame, into a temporary folder.
func photoSample(t *testing.T, w, h int) string {
	t.Helper()
	dir := t.TempDir()
	s := sampleWith(t, a5Booklet)
	s = strings.Replace(s, "{caption: 民警在疫情防控卡口执勤}", "{file: photo.jpg, caption: 民警在疫情防控卡口执勤}", 1)
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), 90, 255})
		}
	}
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 90}); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "photo.jpg"), b.Bytes(), 0o644)
	yaml := filepath.Join(dir, "report.yaml")
	os.WriteFile(yaml, []byte(s), 0o644)
	return yaml
}

// TestPreflightA5Booklet: the A5 booklet with 3 mm bleed and marks and a
// 360×240 photo, built with --preflight --json: the boxes as configured,
// the fonts, and the photo's dpi as layout computed it (layout warns
// under 200 dpi and says how many).
func TestPreflightA5Booklet(t *testing.T) {
	yaml := photoSample(t, 360, 240)
	out := filepath.Join(filepath.Dir(yaml), "r.pdf")
	code, stdout, errs := exec("build", yaml, "-o", out, "--preflight", "--json")
	var res result
	if err := json.Unmarshal([]byte(stdout), &res); err != nil || res.Preflight == nil {
		t.Fatalf("exit %d, %v:\n%s%s", code, err, stdout, errs)
	}
	if code != exitOK {
		t.Fatalf("exit %d: %v", code, res.Preflight.Problems)
	}
	rep := res.Preflight
	if rep.Pages != 12 || len(rep.Boxes) != 1 {
		t.Fatalf("%d pages, boxes %+v", rep.Pages, rep.Boxes)
	}
	// trim 148×210, bleed 3 mm, marks: the sheet is the trim + 2×(3 + 5 + 2 pt)
	off := math.Round((3+5+2/(72/25.4))*10) / 10
	b := rep.Boxes[0]
	if b.Trim == nil || b.Trim.W != 148 || b.Trim.H != 210 || math.Abs(b.Trim.X-off) > 0.1 || b.BleedMM() != 3 ||
		math.Abs(b.Media.W-(148+2*off)) > 0.2 || math.Abs(b.Media.H-(210+2*off)) > 0.2 {
		t.Errorf("boxes %+v trim %+v bleed %+v, want trim 148×210 at %.1f mm, bleed 3 mm", b, b.Trim, b.Bleed, off)
	}
	checkFonts(t, *rep)
	if !strings.Contains(strings.Join(rep.Colours, ","), "Separation All") {
		t.Errorf("colours %v: want the marks' Separation All", rep.Colours)
	}
	if len(rep.Images) != 1 {
		t.Fatalf("images %+v, want the one photo", rep.Images)
	}
	im := rep.Images[0]
	var want float64
	for _, w := range res.Warnings {
		if m := regexp.MustCompile(`photo\.jpg is 360×240 pixels, (\d+) dpi`).FindStringSubmatch(w); m != nil {
			want, _ = strconv.ParseFloat(m[1], 64)
		}
	}
	if want == 0 {
		t.Fatalf("layout gave no dpi warning for the photo: %v", res.Warnings)
	}
	if im.Width != 360 || im.Height != 240 || im.ColourSpace != "DeviceRGB" || math.Abs(im.DPI-want) > 1 || im.Page < 2 {
		t.Errorf("image %+v, want 360×240 DeviceRGB at %.0f dpi (layout's)", im, want)
	}
	if !strings.Contains(strings.Join(rep.Warnings, "\n"), "soft in print") {
		t.Errorf("no warning for a %.0f dpi photo: %v", im.DPI, rep.Warnings)
	}
}

// TestPreflightRejects: what a print shop rejects gives exit 1 with a
// PROBLEM line: an unembedded core font, a photo under 100 dpi (built as a
// --draft); no file is exit 3, a file that is not a PDF exit 1.
func TestPreflightRejects(t *testing.T) {
	dir := t.TempDir()
	f := fpdf.New("P", "mm", "A4", "")
	f.AddPage()
	f.SetFont("Helvetica", "", 12)
	f.Cell(40, 10, "Hello, print shop")
	helv := filepath.Join(dir, "helvetica.pdf")
	if err := f.OutputFileAndClose(helv); err != nil {
		t.Fatal(err)
	}
	code, out, _ := exec("preflight", helv)
	if code != exitInvalid || !strings.Contains(out, "PROBLEM: font Helvetica (Type 1) is not embedded") || !strings.Contains(out, "NOT EMBEDDED") {
		t.Errorf("Helvetica: exit %d\n%s", code, out)
	}

	yaml := photoSample(t, 40, 27) // some 20 dpi
	low := filepath.Join(dir, "low.pdf")
	if code, _, errs := exec("build", yaml, "-o", low, "--draft", "--quiet"); code != exitOK {
		t.Fatalf("draft build: exit %d: %s", code, errs)
	}
	code, rep := preflightJSON(t, low)
	if code != exitInvalid || len(rep.Problems) != 1 || !strings.Contains(rep.Problems[0], "dpi; print needs at least 100") {
		t.Errorf("20 dpi photo: exit %d, problems %v", code, rep.Problems)
	}
	if code, _, errs := exec("build", yaml, "-o", low, "--draft", "--preflight", "--quiet"); code != exitInvalid || !strings.Contains(errs, "preflight: page") {
		t.Errorf("build --draft --preflight of a 20 dpi photo: exit %d, %q", code, errs)
	}

	if code, _, _ := exec("preflight", filepath.Join(dir, "none.pdf")); code != exitIO {
		t.Errorf("no file: exit %d, want %d", code, exitIO)
	}
	notPDF := filepath.Join(dir, "not.pdf")
	os.WriteFile(notPDF, []byte("hello"), 0o644)
	if code, _, errs := exec("preflight", notPDF); code != exitInvalid || !strings.Contains(errs, "cannot read the PDF") {
		t.Errorf("not a PDF: exit %d, %q", code, errs)
	}
}
