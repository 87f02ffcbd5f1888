package layout

import (
	"bytes"
	"crypto/sha256"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"github.com/brochure-dev/brochure/data"
	crop "github.com/brochure-dev/brochure/internal/marks"
	"github.com/brochure-dev/brochure/internal/pdftest"
)

// printSample is the sample report with its theme line replaced by extra
// (print options, paper), loaded from a copy in a temporary folder.
func printSample(t testing.TB, extra string) *data.Report {
	t.Helper()
	src, err := os.ReadFile(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	// the sample's theme line only repeats the default colours
	s := regexp.MustCompile(`(?m)^theme: \{paper: A4,.*$`).ReplaceAllString(string(src), extra)
	dir := t.TempDir()
	path := filepath.Join(dir, "report.yaml")
	if err := os.WriteFile(path, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := data.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

const a5Booklet = "toc: true\nprint: {bleed: 3mm, marks: true, booklet: true}\ntheme: {paper: A5}"

func near(a, b Rect2) bool {
	for i := range a {
		if math.Abs(a[i]-b[i]) > 0.02 {
			return false
		}
	}
	return true
}

type Rect2 [4]float64

func r4(r pdftest.Rect) Rect2 { return Rect2{r.Left, r.Bottom, r.Right, r.Top} }

// TestPageBoxes: on every page the TrimBox is the paper, the BleedBox the
// trim plus the bleed, and the MediaBox leaves room for the marks, for
// several papers and orientations.
func TestPageBoxes(t *testing.T) {
	for _, tc := range []struct {
		extra       string
		w, h, bleed float64 // mm
		marks       bool
	}{
		{"print: {bleed: 3mm, marks: true}\ntheme: {paper: A5}", 148, 210, 3, true},
		{"print: {bleed: 5mm}\ntheme: {paper: A4, orientation: landscape}", 297, 210, 5, false},
		{"print: {marks: true}\ntheme: {paper: Letter}", 215.9, 279.4, 0, true},
		{"theme: {paper: 185x260}", 185, 260, 0, false},
		{"theme: {paper: B5}", 176, 250, 0, false},
	} {
		_, pdf := build(t, printSample(t, tc.extra), Options{})
		doc := pdftest.Open(t, pdf)
		w, h, b := tc.w*mm, tc.h*mm, tc.bleed*mm
		off := b
		if tc.marks {
			off = crop.Room(b)
		}
		trim := Rect2{off, off, off + w, off + h}
		bleed := Rect2{off - b, off - b, off + w + b, off + h + b}
		media := Rect2{0, 0, w + 2*off, h + 2*off}
		for i, p := range doc.Pages {
			if !near(r4(p.TrimBox), trim) || !near(r4(p.BleedBox), bleed) || !near(r4(p.MediaBox), media) {
				t.Errorf("%q page %d: trim %v bleed %v media %v; want %v %v %v", tc.extra, i+1, p.TrimBox, p.BleedBox, p.MediaBox, trim, bleed, media)
			}
		}
		pdftest.Validate(t, pdf)
	}
}

// TestMarksOutsideTrim renders pages and looks for registration black:
// there is some outside the bleed (the marks), and none in a strip just
// inside the trim's edges or in the bleed.
func TestMarksOutsideTrim(t *testing.T) {
	d, pdf := build(t, printSample(t, a5Booklet), Options{})
	const dpi = 144.0
	px := func(pt float64) int { return int(math.Round(pt * dpi / 72)) }
	g := d.geo
	off, start := g.off(), max(g.Bleed, crop.Gap)
	for _, page := range []int{0, 2, len(d.Pages) - 1} {
		img := pdftest.Render(t, pdf, page, dpi)
		dark := func(x, y int) bool {
			r, gg, b, _ := img.At(x, y).RGBA()
			return r < 0x4000 && gg < 0x4000 && b < 0x4000
		}
		outside, inside := 0, 0
		bnd := img.Bounds()
		for y := bnd.Min.Y; y < bnd.Max.Y; y++ {
			for x := bnd.Min.X; x < bnd.Max.X; x++ {
				if !dark(x, y) {
					continue
				}
				// distance outside the trim, pt (negative inside)
				fx, fy := float64(x)*72/dpi, float64(y)*72/dpi
				dx := max(off-fx, fx-(off+g.W))
				dy := max(off-fy, fy-(off+g.H))
				dist := max(dx, dy)
				switch {
				case dist > start-1:
					outside++
				case dist > -2: // in the bleed or within 2 pt inside the trim
					inside++
				}
			}
		}
		if outside == 0 {
			t.Errorf("page %d: no marks outside the bleed", page+1)
		}
		if inside > 0 {
			t.Errorf("page %d: %d dark pixels in the bleed or at the trim's edge", page+1, inside)
		}
		_ = px
	}
}

// TestBooklet: a booklet has a multiple of four pages for any length of
// report, padded at the end (notes, back cover), never in the middle.
func TestBooklet(t *testing.T) {
	full := printSample(t, a5Booklet)
	for n := 1; n <= len(full.Sections); n += 3 {
		r := *full
		r.Sections = full.Sections[:n]
		d, err := NewWith(&r, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if len(d.Pages)%4 != 0 {
			t.Errorf("%d sections: %d pages", n, len(d.Pages))
		}
		last := d.Pages[len(d.Pages)-1]
		if !last.Bare {
			t.Errorf("%d sections: the last page is not the back cover", n)
		}
		for i, p := range d.Pages {
			if len(p.Blocks) == 0 || p.Number != i+1 {
				t.Errorf("%d sections: page %d is empty or misnumbered", n, i+1)
			}
		}
	}
}

// TestReproducible: two builds with bleed, marks, contents, bookmarks and
// booklet give the same bytes (fpdf writes page boxes from a map), and the
// fonts are reported as embedded subsets.
func TestReproducible(t *testing.T) {
	r := printSample(t, a5Booklet)
	_, a := build(t, r, Options{})
	var sums [][32]byte
	for range 3 {
		_, b := build(t, printSample(t, a5Booklet), Options{})
		sums = append(sums, sha256.Sum256(b))
	}
	for _, s := range sums {
		if s != sha256.Sum256(a) {
			t.Fatalf("builds differ: %x vs %x", s, sha256.Sum256(a))
		}
	}
	doc := pdftest.Open(t, a)
	for _, k := range []string{"Title", "Author", "Subject", "Keywords", "Creator", "Producer", "CreationDate", "ModDate"} {
		if doc.Info[k] == "" {
			t.Errorf("no %s in the document information", k)
		}
	}
	if doc.Lang != "zh-CN" || !strings.HasPrefix(doc.Info["CreationDate"], "D:20210118") {
		t.Errorf("lang %q, date %q", doc.Lang, doc.Info["CreationDate"])
	}
	bms, err := api.Bookmarks(bytes.NewReader(a), model.NewDefaultConfiguration())
	if err != nil {
		t.Fatal(err)
	}
	if len(bms) != len(r.Sections) || !strings.Contains(bms[0].Title, r.Sections[0].Title) {
		t.Errorf("bookmarks: %d, first %+v", len(bms), bms)
	}
	for i, b := range bms {
		if b.PageFrom < 3 || i > 0 && b.PageFrom < bms[i-1].PageFrom {
			t.Errorf("bookmark %q on page %d", b.Title, b.PageFrom)
		}
	}
	pdftest.Validate(t, a)
	path := filepath.Join(t.TempDir(), "a.pdf")
	if err := os.WriteFile(path, a, 0o644); err != nil {
		t.Fatal(err)
	}
	pdftest.QpdfCheck(t, path)
	tag := regexp.MustCompile(`^[A-Z]{6}\+NotoSansSC-(Regular|Bold|Black)$`)
	for _, f := range pdftest.Pdffonts(t, path) {
		if !f.Emb || !f.Sub || !tag.MatchString(f.Name) {
			t.Errorf("font %+v: want embedded, subset, named TAG+Name", f)
		}
	}
}

// TestPDFA: --pdfa adds the XMP packet with pdfaid and the sRGB output
// intent, and stays byte-identical. (No PDF/A validator such as veraPDF is
// available here: conformance itself is not verified.)
func TestPDFA(t *testing.T) {
	_, a := build(t, printSample(t, a5Booklet), Options{PDFA: true})
	_, b := build(t, printSample(t, a5Booklet), Options{PDFA: true})
	if !bytes.Equal(a, b) {
		t.Error("PDF/A builds differ")
	}
	all := append(pdftest.Inflate(a), a...) // the catalog is in an object stream
	for _, s := range []string{"<pdfaid:part>2</pdfaid:part>", "/OutputIntents", "/GTS_PDFA1", "/Metadata", "/ID [<"} {
		if !bytes.Contains(all, []byte(s)) {
			t.Errorf("no %s", s)
		}
	}
	pdftest.Validate(t, a)
}
