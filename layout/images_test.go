package layout

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/internal/pdftest"
)

// photoReport writes the images into a report folder with one section of
// photos and loads it.
func photoReport(t *testing.T, imgs map[string]image.Image, photos string) *data.Report {
	t.Helper()
	dir := t.TempDir()
	for name, img := range imgs {
		var b bytes.Buffer
		var err error
		if strings.HasSuffix(name, ".png") {
			err = (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&b, img)
		} else {
			err = jpeg.Encode(&b, img, &jpeg.Options{Quality: 90})
		}
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, name), b.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	src := "title: 图片测试\norganization: 测试单位\ndate: 2021-01-18\nsections:\n  - title: 图片\n    photos:\n" + photos
	path := filepath.Join(dir, "report.yaml")
	if err := os.WriteFile(path, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := data.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func gradient(w, h int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, color.RGBA{uint8(x * 255 / w), uint8(y * 255 / h), 128, 255})
		}
	}
	return img
}

// TestHugePhotoDownsampled: a 10000×10000 PNG set two to a row on A4
// (about 83 mm wide, some 3000 dpi) goes into the PDF at 300 dpi, and,
// placed twice, is downsampled and embedded once at that size (and once
// at the size of the cover's photo, see hero).
func TestHugePhotoDownsampled(t *testing.T) {
	if testing.Short() {
		t.Skip("decodes a 100-megapixel image")
	}
	huge := image.NewGray(image.Rect(0, 0, 10000, 10000))
	for y := 0; y < 10000; y += 50 {
		for x := 0; x < 10000; x++ {
			huge.Pix[y*10000+x] = uint8(x / 40)
		}
	}
	r := photoReport(t, map[string]image.Image{"huge.png": huge}, "      - {file: huge.png, caption: 很大的图片}\n      - {file: huge.png, caption: 同一张图片}\n")
	d, pdf := build(t, r, Options{})
	// one image a size it is set at: the frames' and the cover's (see hero)
	var want []int
	d.walkFigures(func(_ Block, _ int, _, _, cw float64) {
		if k := int(cw / 72 * dpiTarget); !slices.Contains(want, k) { // a square image covers the frame's width
			want = append(want, k)
		}
	})
	m := regexp.MustCompile(`/Width (\d+)`).FindAllSubmatch(pdf, -1)
	if len(m) != len(want) {
		t.Fatalf("%d images in the PDF, want %d", len(m), len(want))
	}
	for _, w := range m {
		got, _ := strconv.Atoi(string(w[1]))
		if !slices.ContainsFunc(want, func(k int) bool { return got >= k-2 && got <= k+2 }) {
			t.Errorf("an image is %d px wide in the PDF, want one of %d (300 dpi at its frame's width)", got, want)
		}
	}
	if len(pdf) > 3<<20 {
		t.Errorf("PDF is %d bytes", len(pdf))
	}
	pdftest.Validate(t, pdf)
}

// TestLowResolution: a photo of 20 dpi at its placed size is an error,
// and with --draft a warning; 150 dpi is a warning.
func TestLowResolution(t *testing.T) {
	// a frame is about 236 pt (3.3 in) wide: 66 px is 20 dpi, 490 px 150
	imgs := map[string]image.Image{"low.jpg": gradient(66, 44), "soft.jpg": gradient(490, 327)}
	r := photoReport(t, imgs, "      - {file: low.jpg, caption: 低}\n      - {file: soft.jpg, caption: 软}\n")
	_, err := NewWith(r, Options{})
	if err == nil || !strings.Contains(err.Error(), "low.jpg is 66×44 pixels, 20 dpi") || strings.Contains(err.Error(), "soft.jpg") {
		t.Fatalf("got %v", err)
	}
	if !strings.Contains(err.Error(), "report.yaml:7:") {
		t.Errorf("no position in %v", err)
	}
	d, err := NewWith(r, Options{Draft: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Warnings) != 2 || !strings.Contains(d.Warnings[1].Error(), "soft.jpg is 490×327 pixels, 149 dpi") {
		t.Errorf("warnings: %v", d.Warnings)
	}
}

// TestAlphaAndPlaceholders: a PNG with transparency keeps it (a soft
// mask), a photo is never stretched, and --final refuses a photo with no
// file.
func TestAlphaAndPlaceholders(t *testing.T) {
	a := image.NewNRGBA(image.Rect(0, 0, 1200, 600))
	for y := 0; y < 600; y++ {
		for x := 0; x < 1200; x++ {
			a.Set(x, y, color.NRGBA{200, 20, 20, uint8(x * 255 / 1200)})
		}
	}
	r := photoReport(t, map[string]image.Image{"alpha.png": a}, "      - {file: alpha.png, caption: 透明, focus: [0, 0.5]}\n      - {caption: 待补}\n")
	_, pdf := build(t, r, Options{})
	if !bytes.Contains(pdf, []byte("/SMask")) {
		t.Error("the PNG's transparency is lost")
	}
	// cover crop: the 2:1 image fills a 3:2 frame at equal scales
	// (w = 1200 s, h = 600 s with h ≥ frame height), placed at the
	// frame's left edge because of the focus
	m := regexp.MustCompile(`q ([0-9.]+) 0 0 ([0-9.]+) ([0-9.]+) [0-9.]+ cm /I`).FindSubmatch(contents(pdf))
	if m == nil {
		c := contents(pdf)
		i := bytes.Index(c, []byte(" Do"))
		t.Fatalf("no image drawn: %d %q", len(c), c[max(0, i-120):max(0, i+5)])
	}
	sw, _ := strconv.ParseFloat(string(m[1]), 64)
	sh, _ := strconv.ParseFloat(string(m[2]), 64)
	if d := sw/sh - 2; d > 0.01 || d < -0.01 {
		t.Errorf("image drawn %.2f × %.2f: stretched", sw, sh)
	}
	if x, _ := strconv.ParseFloat(string(m[3]), 64); x < marginX-0.1 || x > marginX+0.1 {
		t.Errorf("focus [0, 0.5]: image starts at x = %.2f, want the frame's left edge %.2f", x, marginX)
	}
	if _, err := NewWith(r, Options{Final: true}); err == nil || !strings.Contains(err.Error(), "sections[0].photos[1]: no file") {
		t.Errorf("--final: got %v", err)
	}
}

// TestPhotoToCome: a photo with no file (a photo to come) is left out of
// a build for print, its caption with it, with a warning at its line that
// says what to do; a draft sets it as a frame marked 图片占位; --final
// refuses it.
func TestPhotoToCome(t *testing.T) {
	imgs := map[string]image.Image{"real.jpg": gradient(1500, 1000)}
	for _, tt := range []struct {
		name    string
		opt     Options
		err     string // "" when it builds
		printed bool   // the frame's label and the caption are printed
		warning string
	}{
		{"print", Options{}, "", false, `report.yaml:8:9: sections[0].photos[1]: no file: the photo is left out, its caption too, and the page closes up; add "file: photos/….jpg", or build with --draft`},
		{"draft", Options{Draft: true}, "", true, "report.yaml:8:9: sections[0].photos[1]: no file: a frame marked 图片占位 stands in its place in this proof (--draft)"},
		{"final", Options{Final: true}, "report.yaml:8:9: sections[0].photos[1]: no file: a photo to come cannot go to print (--final)", false, ""},
		{"final draft", Options{Final: true, Draft: true}, "sections[0].photos[1]: no file", false, ""},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := photoReport(t, imgs, "      - {file: real.jpg, caption: 实拍, alt: 渐变}\n      - {caption: 待补的照片}\n")
			d, err := NewWith(r, tt.opt)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("got %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			var b bytes.Buffer
			if err := d.Write(&b); err != nil {
				t.Fatal(err)
			}
			text := pdftest.Open(t, b.Bytes()).AllText()
			if !strings.Contains(text, "实拍") {
				t.Errorf("the photo with a file lost its caption: %q", text)
			}
			for _, s := range []string{"图片占位", "待补的照片"} {
				if strings.Contains(text, s) != tt.printed {
					t.Errorf("%q printed: %v, want %v", s, !tt.printed, tt.printed)
				}
			}
			set := false // the photo to come (the real one may head the cover too)
			d.walkFigures(func(b Block, _ int, _, _, _ float64) {
				if p, ok := b.(*photoBlock); ok && p.key == "sections[0].photos[1]" {
					set = true
				}
			})
			if set != tt.printed {
				t.Errorf("its frame set: %v, want %v", set, tt.printed)
			}
			if len(d.Warnings) != 1 || !strings.Contains(d.Warnings[0].Error(), tt.warning) {
				t.Errorf("warnings: %v, want one beginning %q", d.Warnings, tt.warning)
			}
		})
	}
}

// contents returns the PDF's streams inflated and joined (fpdf compresses
// page contents with zlib).
func contents(pdf []byte) []byte { return pdftest.Inflate(pdf) }
