package layout

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/icons"
	"github.com/brochure-dev/brochure/internal/pdftest"
	"github.com/brochure-dev/brochure/svg"
)

// logoReport writes a report naming the logo file (with the given bytes)
// in a temporary folder and loads it.
func logoReport(t *testing.T, name string, logo []byte) *data.Report {
	t.Helper()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, name), logo, 0o644); err != nil {
		t.Fatal(err)
	}
	src := "title: 徽标测试\norganization: 某某局\nlogo: {file: " + name + ", header: true}\nsections:\n" +
		"  - title: 第一节\n    icon: shield\n    stats:\n      - {value: 5, unit: 起, label: 案件, icon: users}\n      - {value: 7, unit: 起, label: 警情}\n" +
		"    body: |\n      " + strings.Repeat("正文一段。", 80) + "\n"
	path := filepath.Join(dir, "report.yaml")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	return load(t, path)
}

// green is a logo that is a green square, filling its box.
const greenSVG = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 10 10"><rect width="10" height="10" fill="#00A000"/></svg>`

// at is the colour of the pixel at (x, y) pt of a page rendered at 72 dpi.
func at(img image.Image, x, y float64) color.RGBA {
	r, g, b, _ := img.At(int(x), int(y)).RGBA()
	return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 255}
}

func isGreen(c color.RGBA) bool { return c.G > 120 && c.R < 60 && c.B < 60 }

// TestLogoSVG: an SVG logo is drawn as vector shapes (no image in the
// PDF) where layout puts it: on the cover before the organization, and
// small in the running head of the body pages.
func TestLogoSVG(t *testing.T) {
	d, pdf := build(t, logoReport(t, "emblem.svg", []byte(greenSVG)), Options{})
	if bytes.Contains(pdf, []byte("/Subtype /Image")) {
		t.Error("the SVG logo was written as an image")
	}
	var mark, head Placed
	for _, p := range d.Pages[0].Blocks {
		if _, ok := p.Block.(*pictured); ok {
			mark = p
		}
	}
	for _, p := range d.Pages[1].Blocks {
		if _, ok := p.Block.(*logoMark); ok {
			head = p
		}
	}
	if mark.Block == nil || head.Block == nil {
		t.Fatalf("the logo is not on the cover (%v) or not in the running head (%v)", mark.Block != nil, head.Block != nil)
	}
	size := d.geo.display(logoCover)
	cover := pdftest.Render(t, pdf, 0, 72)
	if c := at(cover, mark.X+size/2, mark.Y+size/2); !isGreen(c) {
		t.Errorf("the cover at the logo's centre is %v, not the logo's green", c)
	}
	if c := at(cover, mark.X+size+2, mark.Y+size/2); isGreen(c) {
		t.Errorf("the cover right of the logo is green too: the logo is wider than placed")
	}
	page := pdftest.Render(t, pdf, 1, 72)
	if c := at(page, head.X+logoHead/2, head.Y+logoHead/2); !isGreen(c) {
		t.Errorf("the running head at the logo's centre is %v, not green", c)
	}
	// the running head's text starts after the logo
	doc := pdftest.Open(t, pdf)
	for _, ch := range doc.Pages[1].Chars {
		if ch.Box.Top > float64(doc.Pages[1].Height)-head.Y-logoHead-2 && ch.Box.Left < head.X+head.W {
			t.Errorf("%q of the running head overlaps the logo", ch.R)
			break
		}
	}
}

// TestLogoPicture: a PNG logo goes the photos' way: an image, drawn at
// its proportions.
func TestLogoPicture(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 200, 100))
	for i := range img.Pix {
		img.Pix[i] = []uint8{0, 160, 0, 255}[i%4]
	}
	var b bytes.Buffer
	png.Encode(&b, img)
	d, pdf := build(t, logoReport(t, "emblem.png", b.Bytes()), Options{})
	if n := bytes.Count(pdf, []byte("/Subtype /Image")); n != 2 {
		t.Errorf("%d images in the PDF, want the logo's two: the cover's, and the running head's (downsampled)", n)
	}
	var mark Placed
	for _, p := range d.Pages[0].Blocks {
		if _, ok := p.Block.(*pictured); ok {
			mark = p
		}
	}
	size := d.geo.display(logoCover)
	cover := pdftest.Render(t, pdf, 0, 72)
	if c := at(cover, mark.X+size*1.5, mark.Y+size/2); !isGreen(c) {
		t.Errorf("the cover 1.5 logo heights right of its start is %v: a 2:1 logo is drawn %g pt wide", c, size*2)
	}
	if c := at(cover, mark.X+size/2, mark.Y+size*0.1); !isGreen(c) {
		t.Errorf("the top of the logo is %v, not green", c)
	}
}

// TestLogoPrint: in a print build the logo's and the icons' colours are
// the palette's: black on the black plate only (K), the primary in CMYK.
func TestLogoPrint(t *testing.T) {
	black := strings.Replace(greenSVG, "#00A000", "#000000", 1)
	_, pdf := build(t, logoReport(t, "emblem.svg", []byte(black)), Options{PDFX: true})
	c := contents(pdf)
	if !regexp.MustCompile(`0 0 0 1 k\s+q [-\d. ]+cm [-\d. ]+cm 0 0 m`).Match(c) {
		t.Error("the black logo is not filled with black ink only (0 0 0 1 k) in a print build")
	}
	if regexp.MustCompile(`rg\s+q [-\d. ]+cm [-\d. ]+cm [^Q]* 1 J 1 j`).Match(c) {
		t.Error("an icon is stroked in RGB in a print build")
	}
	if !regexp.MustCompile(`K\s+q [-\d. ]+cm [-\d. ]+cm 2 w 1 J 1 j`).Match(c) {
		t.Error("no icon stroked in a CMYK colour (K) with round caps and joins")
	}
}

// TestLogoRefused: an SVG that carries a script or reaches out is refused
// at the logo: line, naming the line of the SVG; so is a file that is
// neither SVG nor picture.
func TestLogoRefused(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"emblem.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\">\n<script>alert(1)</script></svg>", "emblem.svg, line 2: a <script>"},
		{"emblem.svg", "<svg viewBox=\"0 0 1 1\" onload=\"x()\"><rect width=\"1\" height=\"1\"/></svg>", "event attribute (onload"},
		{"emblem.svg", "<svg viewBox=\"0 0 1 1\">\n\n<image href=\"https://example.com/a.png\"/></svg>", "line 3: a reference to another file or the web"},
		{"emblem.svg", "<svg viewBox=\"0 0 1 1\"><title>空</title></svg>", "draws nothing"},
	} {
		_, err := NewWith(logoReport(t, c.name, []byte(c.src)), Options{})
		es, _ := err.(data.Errors)
		if len(es) != 1 || es[0].Path != "logo.file" || es[0].Pos.Line != 3 || es[0].Pos.Col != 14 || !strings.Contains(es[0].Msg, c.want) {
			t.Errorf("%q: %v; want one problem at 3:14 (logo.file) saying %q", c.src, err, c.want)
		}
	}
}

// TestIconsDraw: every bundled icon's paths read as path data, and an
// icon beside a section's number and above a figure is drawn there, in
// the primary colour.
func TestIconsDraw(t *testing.T) {
	for _, n := range icons.Names() {
		ic, _ := icons.Get(n)
		for _, p := range ic.Paths {
			if _, err := svg.PathData(p.D); err != nil {
				t.Errorf("%s: %v", n, err)
			}
		}
		if a := iconArt(n); a == nil || len(a.Shapes) != len(ic.Paths) {
			t.Errorf("%s: not drawn whole", n)
		}
	}
	d, pdf := build(t, logoReport(t, "emblem.svg", []byte(greenSVG)), Options{})
	page := pdftest.Render(t, pdf, 1, 72)
	var headY, cardX, cardY float64
	for _, p := range d.Pages[1].Blocks {
		if _, ok := p.Block.(*sectionHead); ok {
			headY = p.Y
		}
		if _, ok := p.Block.(*Row); ok && cardY == 0 {
			cardX, cardY = p.X, p.Y
		}
	}
	// the shield's outline crosses the middle of its box's left quarter
	found := func(x0, y0, x1, y1 float64) bool {
		for y := y0; y < y1; y++ {
			for x := x0; x < x1; x++ {
				c := at(page, x, y)
				if c.R > 150 && c.G < 90 && c.B < 90 {
					return true
				}
			}
		}
		return false
	}
	if !found(d.geo.MarginX, headY+12, d.geo.MarginX+iconHead/2, headY+10+iconHead) {
		t.Error("no icon in the primary colour before the section's number")
	}
	inset, stat := d.Theme.Card.Inset, d.Theme.Scale.Stat
	if !found(cardX+inset, cardY, cardX+inset+stat, cardY+stat) {
		t.Error("no icon in the primary colour above the first figure")
	}
	// and the number and the figure make room for them
	doc := pdftest.Open(t, pdf)
	pg := doc.Pages[1]
	for _, ch := range pg.Chars {
		top := pg.Height - ch.Box.Top
		switch {
		case ch.R == '0' && ch.FontSize > 10 && ch.FontSize < 12 && ch.Box.Left < d.geo.MarginX+iconHead+iconGap-0.5:
			t.Errorf("the section's number starts at %.1f pt, on its icon (%.1f to %.1f)", ch.Box.Left, d.geo.MarginX, d.geo.MarginX+iconHead)
		case ch.R == '5' && ch.FontSize > 20 && top < cardY+stat:
			t.Errorf("the figure's top is at %.1f pt, on its icon (%.1f to %.1f)", top, cardY, cardY+stat)
		}
	}
}

// TestIconSheet: the sheet shows every icon's name.
func TestIconSheet(t *testing.T) {
	var b bytes.Buffer
	if err := IconSheet(&b); err != nil {
		t.Fatal(err)
	}
	doc := pdftest.Open(t, b.Bytes())
	// a long name breaks after a hyphen, which PDFium may take for a
	// word's hyphenation and leave out
	flat := strings.NewReplacer("\r", "", "\n", "", "-", "", "\u00ad", "", "\u0002", "", "\ufffe", "")
	text := flat.Replace(doc.AllText())
	for _, n := range icons.Names() {
		if !strings.Contains(text, flat.Replace(n)) {
			t.Errorf("%s is not on the sheet", n)
		}
	}
	if len(doc.Pages) < 2 || len(doc.Pages) > 8 {
		t.Errorf("%d pages", len(doc.Pages))
	}
}
