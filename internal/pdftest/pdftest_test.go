package pdftest

import (
	"bytes"
	"image"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"golang.org/x/image/font/gofont/goregular"
)

// Known geometry of the sample PDF, in pt.
const (
	a4W, a4H  = 595.28, 841.89
	helloX    = 72.0  // fpdf x of "Hello"
	helloY    = 100.0 // fpdf baseline y (top-left origin)
	helloSize = 24.0
	trimL     = 36.0
	trimB     = 36.0
	trimW     = 523.28
	trimH     = 769.89
	docTitle  = "pdftest sample"
	docAuthor = "Brochure Tests"
	docLang   = "en-US"
	page2Text = "Second page"
)

// samplePDF builds a two-page A4 PDF with Helvetica "Hello" at a known
// position on page 1 and a TrimBox on page 2.
func samplePDF(t testing.TB) []byte {
	t.Helper()
	f := fpdf.New("P", "pt", "A4", "")
	f.SetTitle(docTitle, true)
	f.SetAuthor(docAuthor, true)
	f.SetLang(docLang)
	f.SetFont("Helvetica", "", helloSize)
	f.AddPage()
	f.Text(helloX, helloY, "Hello")
	f.AddPage()
	// SetPageBox takes PDF coordinates (bottom-left origin) in the unit of
	// the document and applies to the current and all following pages.
	f.SetPageBox("trim", trimL, trimB, trimW, trimH)
	f.SetFontSize(12)
	f.Text(72, 200, page2Text)
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol }

func TestOpen(t *testing.T) {
	pdf := samplePDF(t)
	start := time.Now()
	d := Open(t, pdf)
	t.Logf("first Open: %v", time.Since(start))

	if len(d.Pages) != 2 {
		t.Fatalf("pages = %d, want 2", len(d.Pages))
	}
	for i, p := range d.Pages {
		if !near(p.Width, a4W, 0.01) || !near(p.Height, a4H, 0.01) {
			t.Errorf("page %d size = %v×%v, want %v×%v", i, p.Width, p.Height, a4W, a4H)
		}
		if want := (Rect{0, 0, a4W, a4H}); !rectNear(p.MediaBox, want, 0.01) {
			t.Errorf("page %d MediaBox = %+v, want %+v", i, p.MediaBox, want)
		}
	}
	if d.Info["Title"] != docTitle || d.Info["Author"] != docAuthor {
		t.Errorf("Info = %v", d.Info)
	}
	if d.Lang != docLang {
		t.Errorf("Lang = %q, want %q", d.Lang, docLang)
	}

	p1, p2 := d.Pages[0], d.Pages[1]
	if p1.Text != "Hello" {
		t.Errorf("page 1 Text = %q", p1.Text)
	}
	if !strings.Contains(d.AllText(), "Hello\n"+page2Text) {
		t.Errorf("AllText = %q", d.AllText())
	}
	if p1.TrimBox != (Rect{}) {
		t.Errorf("page 1 TrimBox = %+v, want zero (absent)", p1.TrimBox)
	}
	if want := (Rect{trimL, trimB, trimL + trimW, trimB + trimH}); !rectNear(p2.TrimBox, want, 0.01) {
		t.Errorf("page 2 TrimBox = %+v, want %+v", p2.TrimBox, want)
	}

	if len(p1.Chars) != 5 {
		t.Fatalf("page 1 chars = %d (%+v), want 5", len(p1.Chars), p1.Chars)
	}
	h := p1.Chars[0]
	t.Logf("H: %+v", h)
	baseline := a4H - helloY // fpdf's y is from the top; PDF's from the bottom
	if h.R != 'H' {
		t.Errorf("char 0 = %q", h.R)
	}
	if !near(h.Box.Left, helloX, 2) || !near(h.Box.Bottom, baseline, 2) {
		t.Errorf("H box = %+v, want left≈%v bottom≈%v", h.Box, helloX, baseline)
	}
	// Helvetica cap height is 0.718 em.
	if !near(h.Box.Top, baseline+0.718*helloSize, 2) {
		t.Errorf("H box top = %v, want ≈%v", h.Box.Top, baseline+0.718*helloSize)
	}
	if !near(h.Origin[0], helloX, 0.01) || !near(h.Origin[1], baseline, 0.01) {
		t.Errorf("H origin = %v, want (%v, %v)", h.Origin, helloX, baseline)
	}
	if !near(h.FontSize, helloSize, 0.01) {
		t.Errorf("H font size = %v", h.FontSize)
	}
	if h.Font != "Helvetica" || h.Embedded || h.Generated {
		t.Errorf("H font = %q embedded=%v generated=%v, want Helvetica, not embedded, not generated", h.Font, h.Embedded, h.Generated)
	}
}

func rectNear(a, b Rect, tol float64) bool {
	return near(a.Left, b.Left, tol) && near(a.Bottom, b.Bottom, tol) &&
		near(a.Right, b.Right, tol) && near(a.Top, b.Top, tol)
}

func TestLoadCorrupt(t *testing.T) {
	pdf := samplePDF(t)
	for name, data := range map[string][]byte{
		"empty":     nil,
		"garbage":   []byte("this is not a PDF"),
		"header":    pdf[:20],
		"truncated": pdf[:len(pdf)/2],
	} {
		t.Run(name, func(t *testing.T) {
			d, err := Load(data)
			if err == nil {
				t.Fatalf("Load succeeded: %d pages", len(d.Pages))
			}
			t.Logf("error: %v", err)
		})
	}
}

func TestRender(t *testing.T) {
	pdf := samplePDF(t)
	const dpi = 72.0
	img := Render(t, pdf, 0, dpi)
	b := img.Bounds()
	if b.Dx() != 595 && b.Dx() != 596 || b.Dy() != 842 && b.Dy() != 841 {
		t.Errorf("bounds = %v, want ≈595×842", b)
	}
	// Pixel rows grow downwards, so fpdf's top-left coordinates apply at 72 dpi.
	if !anyDark(img, image.Rect(int(helloX), int(helloY-helloSize), int(helloX+60), int(helloY))) {
		t.Error("no dark pixels where Hello is drawn")
	}
	if anyDark(img, image.Rect(300, 400, 400, 500)) {
		t.Error("dark pixels in an empty area")
	}
}

func anyDark(img image.Image, r image.Rectangle) bool {
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			cr, cg, cb, _ := img.At(x, y).RGBA()
			if cr+cg+cb < 3*0x8000 {
				return true
			}
		}
	}
	return false
}

func TestValidate(t *testing.T) {
	Validate(t, samplePDF(t))
	if err := validate(samplePDF(t), model.ValidationStrict); err != nil {
		t.Errorf("strict validation of fpdf output: %v", err)
	}
	if err := validate([]byte("%PDF-1.4\nnot really"), model.ValidationRelaxed); err == nil {
		t.Error("validate accepted garbage")
	}
}

func writeSample(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "sample.pdf")
	if err := os.WriteFile(path, samplePDF(t), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestQpdfCheck(t *testing.T) {
	QpdfCheck(t, writeSample(t))
}

func TestPdftotext(t *testing.T) {
	txt := Pdftotext(t, writeSample(t))
	if !strings.Contains(txt, "Hello") || !strings.Contains(txt, page2Text) {
		t.Errorf("pdftotext = %q", txt)
	}
}

func TestPdffonts(t *testing.T) {
	rows := Pdffonts(t, writeSample(t))
	want := FontRow{Name: "Helvetica", Type: "Type 1", Encoding: "Custom"}
	if len(rows) != 1 || rows[0].Name != want.Name || rows[0].Type != want.Type || rows[0].Emb {
		t.Errorf("pdffonts = %+v, want one non-embedded %+v", rows, want)
	}
}

func TestParsePdffonts(t *testing.T) {
	const out = `name                                 type              encoding         emb sub uni object ID
------------------------------------ ----------------- ---------------- --- --- --- ---------
Helvetica                            Type 1            WinAnsi          no  no  no       5  0
ABCDEF+NotoSansSC-Regular-Very-Long-Name-Here CID TrueType      Identity-H       yes yes yes      7  0
`
	rows, err := parsePdffonts(out)
	if err != nil {
		t.Fatal(err)
	}
	want := []FontRow{
		{"Helvetica", "Type 1", "WinAnsi", false, false, false},
		{"ABCDEF+NotoSansSC-Regular-Very-Long-Name-Here", "CID TrueType", "Identity-H", true, true, true},
	}
	if len(rows) != len(want) {
		t.Fatalf("rows = %+v", rows)
	}
	for i := range want {
		if rows[i] != want[i] {
			t.Errorf("row %d = %+v, want %+v", i, rows[i], want[i])
		}
	}
}

// TestUTF8Font documents how PDFium sees fpdf's embedded UTF-8 fonts: the
// font name is fpdf's BaseFont "utf8"+lower-case family, not the TTF's name.
func TestUTF8Font(t *testing.T) {
	f := fpdf.New("P", "pt", "A4", "")
	f.AddUTF8FontFromBytes("GoRegular", "", goregular.TTF)
	f.SetFont("GoRegular", "", 20)
	f.AddPage()
	f.Text(helloX, helloY, "Héllo wörld")
	var buf bytes.Buffer
	if err := f.Output(&buf); err != nil {
		t.Fatal(err)
	}
	d := Open(t, buf.Bytes())
	if got := d.Pages[0].Text; got != "Héllo wörld" {
		t.Errorf("Text = %q", got)
	}
	c := d.Pages[0].Chars[1]
	if c.R != 'é' || c.Font != "utf8goregular" || !c.Embedded {
		t.Errorf("char 1 = %+v, want é in embedded utf8goregular", c)
	}
	Validate(t, buf.Bytes())
}

// TestParallel checks that parallel tests share the one pool safely.
func TestParallel(t *testing.T) {
	pdf := samplePDF(t)
	for i := range 8 {
		t.Run(strconv.Itoa(i), func(t *testing.T) {
			t.Parallel()
			if d := Open(t, pdf); d.Pages[0].Text != "Hello" {
				t.Errorf("Text = %q", d.Pages[0].Text)
			}
			Render(t, pdf, 1, 36)
		})
	}
}
