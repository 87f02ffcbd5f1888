package layout

import (
	"image"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"testing"

	"github.com/makiuchi-d/gozxing"
	multiqr "github.com/makiuchi-d/gozxing/multi/qrcode"

	"github.com/brochure-dev/brochure/internal/pdftest"
)

// TestQRReads renders the pages of the QR example that hold a QR code at
// 300 dpi, as a print is read, and decodes them with ZXing (its Go port):
// every code gives back its URL. PDFium renders in process; poppler
// (pdftoppm), when installed, renders them again, so two rasterizers
// agree. It also checks what a phone needs: the symbol at least 20 mm
// across, with 4 white modules around it.
func TestQRReads(t *testing.T) {
	r := load(t, "../examples/district-review-2025/report.yaml")
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
