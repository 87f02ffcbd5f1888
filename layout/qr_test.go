package layout

import (
	"image"
	"maps"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/makiuchi-d/gozxing"
	multiqr "github.com/makiuchi-d/gozxing/multi/qrcode"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/internal/pdftest"
)

// TestQRReads renders the pages of the QR examples that hold a QR code at
// 300 dpi, as a print is read, and decodes them with ZXing (its Go port):
// every code gives back its URL. PDFium renders in process; poppler
// (pdftoppm), when installed, renders them again, so two rasterizers
// agree. The codes stand at the foot of a section's text, after its
// figures, at the foot of the last page and above a booklet's back cover
// band. It also checks what a phone needs: the symbol at least 20 mm
// across, with 4 white modules around it.
func TestQRReads(t *testing.T) {
	for _, name := range []string{"district-review-2025", "english-review-2025"} {
		t.Run(name, func(t *testing.T) { qrReads(t, "../examples/"+name+"/report.yaml") })
	}
}

// qrReads is TestQRReads for one report.
func qrReads(t *testing.T, path string) {
	r := load(t, path)
	d, pdf := build(t, r, Options{Draft: true})
	want := map[int][]string{} // page index -> the URLs on it
	for i, p := range d.Pages {
		for _, b := range p.Blocks {
			q := qrIn(b.Block)
			if q == nil {
				continue
			}
			want[i] = append(want[i], q.url)
			if s := float64(len(q.modules)) * q.module / mm; s < 20 {
				t.Errorf("%s: the symbol is %.1f mm across, less than 20 mm", q.url, s)
			}
			if quiet := (q.side() - float64(len(q.modules))*q.module) / 2 / q.module; quiet < 4 {
				t.Errorf("%s: a quiet zone of %.1f modules, less than 4", q.url, quiet)
			}
		}
	}
	if n := len(slices.Concat(slices.Collect(maps.Values(want))...)); n < 2 {
		t.Fatalf("the example has %d QR codes, want a section's and the report's", n)
	}
	renderers := map[string]func(page int) image.Image{
		"PDFium": func(page int) image.Image { return pdftest.Render(t, pdf, page, 300) },
	}
	if _, err := exec.LookPath("pdftoppm"); err == nil {
		file := filepath.Join(t.TempDir(), "qr.pdf")
		if err := os.WriteFile(file, pdf, 0o644); err != nil {
			t.Fatal(err)
		}
		renderers["poppler"] = func(page int) image.Image {
			out := filepath.Join(t.TempDir(), "p")
			n := strconv.Itoa(page + 1)
			if b, err := exec.Command("pdftoppm", "-r", "300", "-f", n, "-l", n, "-singlefile", "-png", file, out).CombinedOutput(); err != nil {
				t.Fatalf("pdftoppm: %v: %s", err, b)
			}
			f, err := os.Open(out + ".png")
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			img, _, err := image.Decode(f)
			if err != nil {
				t.Fatal(err)
			}
			return img
		}
	} else {
		t.Log("pdftoppm is not installed: decoding PDFium's rendering only")
	}
	for name, render := range renderers {
		for page, urls := range want {
			got := decodeQR(t, render(page))
			for _, u := range urls {
				if !slices.Contains(got, u) {
					t.Errorf("%s, page %d: %s does not decode (read %q)", name, page+1, u, got)
				}
			}
		}
	}
}

// qrIn is the QR block b is or holds as its figure (a flow's float).
func qrIn(b Block) *qrBlock {
	switch x := b.(type) {
	case *qrBlock:
		return x
	case *Flow:
		if q, ok := x.Float.(*qrBlock); ok {
			return q
		}
	case *Row:
		for _, c := range x.Cells {
			if q := qrIn(c); q != nil {
				return q
			}
		}
	}
	return nil
}

// decodeQR returns the texts of the QR codes ZXing finds in img.
func decodeQR(t *testing.T, img image.Image) []string {
	t.Helper()
	bmp, err := gozxing.NewBinaryBitmapFromImage(img)
	if err != nil {
		t.Fatal(err)
	}
	rs, err := multiqr.NewQRCodeMultiReader().DecodeMultiple(bmp, map[gozxing.DecodeHintType]any{gozxing.DecodeHintType_TRY_HARDER: true})
	if err != nil {
		return nil
	}
	var out []string
	for _, r := range rs {
		out = append(out, r.GetText())
	}
	return out
}

// TestQRRects: the rectangles cover exactly the dark modules, and merging
// runs leaves far fewer rectangles than modules.
func TestQRRects(t *testing.T) {
	for _, url := range []string{"https://a.cn", "https://www.nbyz.gov.cn/gaj/2025", "http://example.com/a/b/c/d/e/f/g/h/i/j/k/l/m/n/o/p/q/r/s/t/u/v/w/x/y/z"} {
		m, err := qrMatrix(url)
		if err != nil || len(m) < 21 {
			t.Fatalf("%s: %d modules, %v", url, len(m), err)
		}
		n := len(m)
		got := make([][]int, n)
		for i := range got {
			got[i] = make([]int, n)
		}
		rs := qrRects(m, 0, 0, 1)
		for _, r := range rs {
			for y := int(r.Y); y < int(r.Y+r.H); y++ {
				for x := int(r.X); x < int(r.X+r.W); x++ {
					got[y][x]++
				}
			}
		}
		dark := 0
		for y := range n {
			for x := range n {
				if want := map[bool]int{true: 1}[m[y][x]]; got[y][x] != want {
					t.Fatalf("%s: module (%d, %d) covered %d times, want %d", url, x, y, got[y][x], want)
				}
				if m[y][x] {
					dark++
				}
			}
		}
		if len(rs)*2 > dark {
			t.Errorf("%s: %d rectangles for %d dark modules: runs are not merged", url, len(rs), dark)
		}
	}
}

// TestQRPlace: the report's QR code is on the last page, at the foot of
// the frame (at the right), or above the band of a booklet's back cover;
// a report that is all on its cover has it there; a section with nothing
// but a quote or a QR code still prints it (on the cover, which the band
// of a one-word title leaves room for both).
func TestQRPlace(t *testing.T) {
	long := strings.Repeat("全年共接报各类警情16.2万起，刑事警情同比下降18.6%。", 40)
	for _, c := range []struct {
		name, yaml string
		bare       bool // on the booklet's back cover
		cover      bool // on the cover, the only page
	}{
		{"last page", "sections:\n  - title: 一节\n    body: " + long + "\n", false, false},
		{"booklet", "print: {booklet: true}\nsections:\n  - title: 一节\n    body: " + long + "\n", true, false},
		{"cover only", "sections:\n  - title: 一节\n    body: 很短的正文。\n", false, true},
		{"quote only", "sections:\n  - title: 一节\n    quote: {text: 只有一句引语, by: 王明}\n  - title: 二节\n    qr: {url: \"https://a.cn/b\", caption: 只有二维码}\n", false, true},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, err := data.Parse("r.yaml", []byte("title: 测试\nqr: {url: \"https://example.gov.cn/r\", caption: 扫码阅读电子版}\n"+c.yaml))
			if err != nil {
				t.Fatal(err)
			}
			d, pdf := build(t, r, Options{Draft: true})
			f := d.geo.frame()
			var at []int
			for i, p := range d.Pages {
				for _, b := range p.Blocks {
					if q, ok := b.Block.(*qrBlock); ok && q.url == "https://example.gov.cn/r" {
						at = append(at, i)
						switch {
						case c.bare:
							if b.Y+b.H > d.geo.H*0.72+1e-6 {
								t.Errorf("on the back cover at %.0f..%.0f pt, into the band", b.Y, b.Y+b.H)
							}
						case math.Abs(b.Y+b.H-(f.Y+f.H)) > 0.5:
							t.Errorf("ends at %.1f pt, not at the frame's foot %.1f", b.Y+b.H, f.Y+f.H)
						}
					}
				}
			}
			if len(at) != 1 || at[0] != len(d.Pages)-1 {
				t.Fatalf("the report's QR code on pages %v of %d, want once on the last", at, len(d.Pages))
			}
			if c.bare != d.Pages[at[0]].Bare || c.cover != (len(d.Pages) == 1) {
				t.Errorf("on page %d of %d (bare %v)", at[0]+1, len(d.Pages), d.Pages[at[0]].Bare)
			}
			text := flat(pdftest.Open(t, pdf).AllText())
			for _, s := range []string{"扫码阅读电子版", "https://example.gov.cn/r"} {
				if !strings.Contains(text, s) {
					t.Errorf("%q is not in the text layer", s)
				}
			}
			if c.name == "quote only" {
				for _, s := range []string{"“只有一句引语”", "——王明", "只有二维码"} {
					if !strings.Contains(text, s) {
						t.Errorf("%q is not in the text layer", s)
					}
				}
			}
		})
	}
}
