package main

import (
	"bytes"
	"fmt"
	"image/png"
	"math"
	"os"
	osexec "os/exec"
	"path/filepath"
	"regexp"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/internal/hostile"
	"github.com/brochure-dev/brochure/internal/marks"
	"github.com/brochure-dev/brochure/internal/pdfread"
	"github.com/brochure-dev/brochure/internal/pdftest"
	"github.com/brochure-dev/brochure/preflight"
)

// a5Booklet makes the sample an A5 booklet with bleed and marks.
const a5Booklet = "print: {bleed: 3mm, marks: true, booklet: true}\ntheme: {paper: A5}"

// sampleWith returns the sample with its theme line replaced by lines.
func sampleWith(t *testing.T, lines string) string {
	t.Helper()
	src, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	return regexp.MustCompile(`(?m)^theme: \{paper: A4,.*$`).ReplaceAllString(string(src), lines)
}

// TestImposeSaddle builds the sample as an A5 booklet with bleed and marks,
// imposes it, and reads the folios back sheet side by sheet side: n,1 /
// 2,n-1 / n-2,3 … (the covers carry no folio).
func TestImposeSaddle(t *testing.T) {
	dir := t.TempDir()
	s := sampleWith(t, a5Booklet)
	yaml := filepath.Join(dir, "r.yaml")
	os.WriteFile(yaml, []byte(s), 0o644)
	out := filepath.Join(dir, "r.pdf")
	if code, _, errs := exec("build", yaml, "-o", out, "--impose", "saddle"); code != 0 {
		t.Fatal(errs)
	}
	imposed := filepath.Join(dir, "r-imposed.pdf")
	if code, _, errs := exec("impose", out, "-o", imposed, "--saddle"); code != 0 {
		t.Fatal(errs)
	}
	text := pdftest.Pdftotext(t, imposed, "-layout")
	sides := strings.Split(strings.TrimRight(text, "\f"), "\f")
	n := 12
	if len(sides) != n/2 {
		t.Fatalf("%d sheet sides, want %d", len(sides), n/2)
	}
	folio := regexp.MustCompile(`(\d+) / 12`)
	for i, side := range sides[1:] { // side 0: back cover and cover, no folios
		var got []string
		for _, m := range folio.FindAllStringSubmatch(side, -1) {
			got = append(got, m[1])
		}
		k := i + 1 // side index
		want := map[int][]string{1: {"2", "11"}, 2: {"10", "3"}, 3: {"4", "9"}, 4: {"8", "5"}, 5: {"6", "7"}}[k]
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("sheet side %d: folios %v, want %v (left, right)", k+1, got, want)
		}
	}
	pdftest.QpdfCheck(t, imposed)
	checkSheets(t, imposed, 148, 210, 3, 6)
	// metadata, as pdfinfo shows it
	if _, err := osexec.LookPath("pdfinfo"); err != nil {
		t.Skip("no pdfinfo")
	}
	info, err := osexec.Command("pdfinfo", "-box", out).CombinedOutput()
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"Title:", "Subject:", "Keywords:", "Author:", "Creator:", "Producer:", "CreationDate:", "ModDate:", "TrimBox:", "BleedBox:"} {
		if !strings.Contains(string(info), k) {
			t.Errorf("pdfinfo shows no %s\n%s", k, info)
		}
	}
}

// checkSheets checks an imposed PDF: n sheet sides of two w×h mm trims
// side by side, with room for the marks on every side (TrimBox the two
// trims, BleedBox larger by bleed mm, MediaBox larger by marks.Room all
// round); crop,
// fold and centre marks drawn in the registration colour outside the trim,
// none within 3 mm of it. Read back with preflight (boxes, Separation All)
// and rendered (the marks' pixels).
func checkSheets(t *testing.T, path string, w, h, bleed float64, n int) {
	t.Helper()
	pdf, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := preflight.Check(pdf, preflight.Options{})
	if err != nil {
		t.Fatal(err)
	}
	sheetOff := marks.Room(bleed * 72 / 25.4)
	off := sheetOff / (72 / 25.4)
	if rep.Pages != n || len(rep.Boxes) != 1 || !rep.OK() {
		t.Fatalf("%d sheet sides, boxes %+v, problems %v", rep.Pages, rep.Boxes, rep.Problems)
	}
	b := rep.Boxes[0]
	near := func(a, b float64) bool { return math.Abs(a-b) < 0.15 }
	if b.Trim == nil || !near(b.Trim.W, 2*w) || !near(b.Trim.H, h) || !near(b.Trim.X, off) || !near(b.Trim.Y, off) ||
		!near(b.Media.W, 2*w+2*off) || !near(b.Media.H, h+2*off) || b.Bleed == nil ||
		!near(b.Bleed.X, off-bleed) || !near(b.Bleed.W, 2*w+2*bleed) || !near(b.Bleed.H, h+2*bleed) {
		t.Errorf("sheet boxes: media %+v trim %+v bleed %+v; want trim %g×%g mm at %.1f mm, bleed %g mm", b.Media, b.Trim, b.Bleed, 2*w, h, off, bleed)
	}
	if !strings.Contains(strings.Join(rep.Colours, ","), "Separation All") {
		t.Errorf("colours %v: the marks should be in the registration colour", rep.Colours)
	}
	const dpi = 144.0
	img := pdftest.Render(t, pdf, 1, dpi)
	pt := func(px int) float64 { return (float64(px) + 0.5) * 72 / dpi }
	o, tw, th := sheetOff, 2*w*72/25.4, h*72/25.4
	markPx, near3 := 0, 0
	fold := false
	bnd := img.Bounds()
	for y := bnd.Min.Y; y < bnd.Max.Y; y++ {
		for x := bnd.Min.X; x < bnd.Max.X; x++ {
			r, g, bb, _ := img.At(x, y).RGBA()
			if r > 0x9000 || g > 0x9000 || bb > 0x9000 {
				continue
			}
			fx, fy := pt(x), pt(y)
			dist := max(o-fx, fx-(o+tw), o-fy, fy-(o+th)) // outside the trim, pt
			switch {
			case dist > marks.Gap-1:
				markPx++
				if math.Abs(fx-(o+tw/2)) < 1 && fy < o {
					fold = true
				}
			case dist > -0.5:
				near3++
			}
		}
	}
	if markPx == 0 || !fold {
		t.Errorf("sheet side 2: %d mark pixels outside the trim, fold mark %v", markPx, fold)
	}
	if near3 > 0 {
		t.Errorf("sheet side 2: %d dark pixels within 3 mm outside the trim (marks must keep clear of the cut)", near3)
	}
}

// TestImposeA4Sample imposes the A4 sample as a booklet (no bleed, no
// marks of its own): A3 sheets plus the marks' room.
func TestImposeA4Sample(t *testing.T) {
	dir := t.TempDir()
	s := sampleWith(t, "print: {booklet: true}")
	yaml := filepath.Join(dir, "r.yaml")
	os.WriteFile(yaml, []byte(s), 0o644)
	out := filepath.Join(dir, "r.pdf")
	if code, _, errs := exec("build", yaml, "-o", out, "--impose", "saddle", "--quiet"); code != 0 {
		t.Fatal(errs)
	}
	checkSheets(t, filepath.Join(dir, "r-imposed.pdf"), 210, 297, 0, 4)
	text := pdftest.Pdftotext(t, filepath.Join(dir, "r-imposed.pdf"), "-layout")
	sides := strings.Split(strings.TrimRight(text, "\f"), "\f")
	folio := regexp.MustCompile(`(\d+) ?/ ?8\b`)
	var got []string
	for _, side := range sides {
		var f []string
		for _, m := range folio.FindAllStringSubmatch(side, -1) {
			f = append(f, m[1])
		}
		got = append(got, strings.Join(f, ","))
	}
	if want := []string{"", "2,7", "6,3", "4,5"}; strings.Join(got, " / ") != strings.Join(want, " / ") {
		t.Errorf("folios by sheet side %q, want %q", got, want)
	}
}

// TestImposePDFX: a PDF/X-4 booklet with bleed stays PDF/X-4 when imposed
// (its output intent, XMP and version come along; preflight finds nothing),
// and the sheet keeps the pages' bleed on its outer sides: the cover's
// band runs past the sheet's trim on the right, not at the spine.
func TestImposePDFX(t *testing.T) {
	dir := t.TempDir()
	s := sampleWith(t, a5Booklet)
	yaml := filepath.Join(dir, "r.yaml")
	os.WriteFile(yaml, []byte(s), 0o644)
	out := filepath.Join(dir, "r.pdf")
	if code, _, errs := exec("build", yaml, "-o", out, "--pdfx", "--impose", "saddle", "--quiet"); code != 0 {
		t.Fatal(errs)
	}
	imposed, err := os.ReadFile(filepath.Join(dir, "r-imposed.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	rep, err := preflight.Check(imposed, preflight.Options{})
	if err != nil {
		t.Fatal(err)
	}
	if !rep.PDFX() || rep.Version != "1.6" || !bytes.Contains(imposed, []byte("GTS_PDFXVersion")) {
		t.Errorf("imposed: version %s, output intents %v: want PDF 1.6 with the PDF/X output intent and XMP", rep.Version, rep.OutputIntents)
	}
	if !rep.OK() || len(rep.Warnings) > 0 {
		t.Errorf("preflight of the imposed PDF/X: problems %v, warnings %v", rep.Problems, rep.Warnings)
	}
	pdftest.QpdfCheck(t, filepath.Join(dir, "r-imposed.pdf"))
	// sheet side 1: the back cover (left) and the cover (right), whose band
	// bleeds; look 1.5 mm outside the trim's right edge, and at the spine
	const dpi = 72.0
	img := pdftest.Render(t, imposed, 0, dpi)
	o := marks.Room(3 * 72 / 25.4)
	tw := 2 * 148 * 72 / 25.4
	coloured := func(x, y float64) bool {
		r, g, b, _ := img.At(int(x), int(y)).RGBA()
		return r < 0xf000 || g < 0xf000 || b < 0xf000
	}
	if !coloured(o+tw+1.5*72/25.4, o+20) {
		t.Error("the cover's band does not run into the bleed on the sheet's outer side")
	}
}

// FuzzImpose imposes any bytes read as a PDF with small budgets: an error,
// or a PDF of half as many sheet sides as pages that reads back within the
// same budgets — never a panic — and the same bytes a second time.
func FuzzImpose(f *testing.F) {
	for _, b := range [][]byte{hostile.Pages(4), hostile.Pages(8), hostile.HugeObjectNumber(1 << 20),
		hostile.Boxes("[0 0 420 595]", "[10 10 410 585]"), hostile.Count(8)} {
		f.Add(b)
	}
	lim := pdfread.Limits{MaxPages: 64, MaxStreamBytes: 1 << 20, MaxDecodedBytes: 4 << 20}
	f.Fuzz(func(t *testing.T, pdf []byte) {
		out, n, err := imposeSafely(pdf, lim)
		if err != nil {
			return
		}
		doc, err := pdfread.Open(out, lim)
		if err != nil {
			t.Fatalf("the imposed PDF does not read back: %v", err)
		}
		if len(doc.Pages) != n/2 {
			t.Fatalf("%d pages imposed on %d sheet sides", n, len(doc.Pages))
		}
		if again, _, _ := imposeSafely(pdf, lim); !bytes.Equal(out, again) {
			t.Fatal("two impositions of the same file differ")
		}
	})
}

// imposeSafely is imposeSaddle (which turns pdfcpu's panics on files it
// cannot parse into errors) with a panic in this module's code failing
// the fuzzer.
func imposeSafely(pdf []byte, lim pdfread.Limits) (out []byte, n int, err error) {
	onImposePanic = func(v any) {
		// the first function below the panic machinery: ours, or pdfcpu's
		lines := strings.Split(string(debug.Stack()), "\n")
		for i, l := range lines {
			if !strings.HasPrefix(l, "panic(") {
				continue
			}
			for _, m := range lines[i+1:] {
				if strings.HasPrefix(m, "runtime.") || strings.HasPrefix(m, "\t") {
					continue
				}
				if strings.HasPrefix(m, "github.com/brochure-dev/") {
					panic(fmt.Sprintf("%v\n%s", v, strings.Join(lines, "\n")))
				}
				return
			}
		}
	}
	return imposeSaddle(pdf, lim)
}

// TestImposeRepeatable: impose gives the same bytes for the same input,
// whatever the clock or SOURCE_DATE_EPOCH says (it writes no date of its
// own; the source's Info dictionary is copied as it is).
func TestImposeRepeatable(t *testing.T) {
	pdf := hostile.Pages(8)
	a, _, err := imposeSaddle(pdf, pdfread.Limits{})
	if err != nil {
		t.Fatal(err)
	}
	t.Setenv("SOURCE_DATE_EPOCH", "1600000000")
	b, _, _ := imposeSaddle(pdf, pdfread.Limits{})
	if !bytes.Equal(a, b) {
		t.Fatal("two impositions of the same file differ")
	}
	if bytes.Contains(a, []byte("CreationDate")) || bytes.Contains(a, []byte("ModDate")) {
		t.Error("the imposition has a date the source did not")
	}
}

// TestProof: build --proof writes every page as a PNG of the page's size
// at 100 dpi, and separations.txt, whose line for each page names the
// plates it prints from: with --pdfx the body's black text is on Black,
// the brand red on Magenta and Yellow.
func TestProof(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "r.pdf")
	code, stdout, errs := exec("build", sample, "-o", out, "--pdfx", "--proof")
	if code != 0 {
		t.Fatal(errs)
	}
	pdf, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	rep, err := preflight.Check(pdf, preflight.Options{})
	if err != nil {
		t.Fatal(err)
	}
	pngs, _ := filepath.Glob(filepath.Join(dir, "r-proof", "page-*.png"))
	if len(pngs) != rep.Pages {
		t.Fatalf("%d PNGs for %d pages", len(pngs), rep.Pages)
	}
	f, err := os.Open(pngs[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	cfg, err := png.DecodeConfig(f)
	if err != nil {
		t.Fatal(err)
	}
	if w := rep.Boxes[0].Media.W / 25.4 * 100; math.Abs(float64(cfg.Width)-w) > 2 {
		t.Errorf("page 1's PNG is %d px wide, want %.0f (100 dpi)", cfg.Width, w)
	}
	sep, err := os.ReadFile(filepath.Join(dir, "r-proof", "separations.txt"))
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(sep)), "\n")[1:]
	if len(lines) != rep.Pages || !strings.Contains(lines[1], "page 2: ") || !strings.Contains(lines[1], "Magenta Yellow Black") || strings.Contains(string(sep), "RGB") {
		t.Errorf("separations.txt:\n%s", sep)
	}
	if !strings.Contains(stdout, "proof: ") || !strings.Contains(stdout, "page 2: ") {
		t.Errorf("build's summary does not show the proof:\n%s", stdout)
	}
}
