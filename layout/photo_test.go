package layout

import (
	"bytes"
	"crypto/md5"
	"encoding/binary"
	"fmt"
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

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/internal/pdftest"
)

// scene is an upright picture whose orientation shows at a glance: sky
// (blue) above, ground (green) below, a sun (yellow) top left. seed varies
// the hills, so that example photos differ.
func scene(w, h, seed int) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	sx, sy, sr := float64(w)*0.2, float64(h)*0.2, float64(min(w, h))*0.1
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			fx, fy := float64(x)/float64(w), float64(y)/float64(h)
			hill := 0.55 + 0.08*math.Sin(fx*6.3*float64(1+seed%3)+float64(seed)) + 0.04*math.Sin(fx*17+float64(seed*7))
			var c color.RGBA
			switch {
			case math.Hypot(float64(x)-sx, float64(y)-sy) < sr:
				c = color.RGBA{250, 210, 40, 255}
			case fy < hill:
				c = color.RGBA{uint8(70 + 80*fy), uint8(130 + 80*fy), 225, 255}
			default:
				c = color.RGBA{uint8(40 + 30*fy), uint8(150 - 40*fy), uint8(50 + 20*fx), 255}
			}
			img.SetRGBA(x, y, c)
		}
	}
	return img
}

// stored returns how a camera that records orientation o stores the
// upright picture up: the inverse of what o tells a viewer to do.
func stored(up image.Image, o int) *image.RGBA {
	inv := map[int]int{6: 8, 8: 6}[o]
	if inv == 0 {
		inv = o
	}
	b := up.Bounds()
	w, h := b.Dx(), b.Dy()
	ow, oh := w, h
	if swapsSides(inv) {
		ow, oh = h, w
	}
	out := image.NewRGBA(image.Rect(0, 0, ow, oh))
	for y := 0; y < oh; y++ {
		for x := 0; x < ow; x++ {
			var sx, sy int // the source pixel that orientation inv shows at (x, y)
			switch inv {
			case 1:
				sx, sy = x, y
			case 2:
				sx, sy = w-1-x, y
			case 3:
				sx, sy = w-1-x, h-1-y
			case 4:
				sx, sy = x, h-1-y
			case 5:
				sx, sy = y, x
			case 6:
				sx, sy = y, h-1-x
			case 7:
				sx, sy = w-1-y, h-1-x
			case 8:
				sx, sy = w-1-y, x
			}
			out.Set(x, y, up.At(sx, sy))
		}
	}
	return out
}

// app1 is an APP1 segment holding EXIF: the orientation, and a GPS IFD
// with a position and a maker's note, which must never reach the PDF.
func app1(o int) []byte {
	var t bytes.Buffer
	le := binary.LittleEndian
	w16 := func(v uint16) { binary.Write(&t, le, v) }
	w32 := func(v uint32) { binary.Write(&t, le, v) }
	t.WriteString("II")
	w16(42)
	w32(8)
	// IFD0: orientation, GPS IFD pointer, image description
	w16(3)
	w16(0x0112)
	w16(3)
	w32(1)
	w16(uint16(o))
	w16(0)
	w16(0x8825) // GPSInfo
	w16(4)
	w32(1)
	w32(8 + 2 + 3*12 + 4)
	desc := "SECRET-CAMERA-NOTE\x00"
	w16(0x010E) // ImageDescription
	w16(2)
	w32(uint32(len(desc)))
	w32(8 + 2 + 3*12 + 4 + 2 + 12 + 4)
	w32(0)
	// GPS IFD: one entry, GPSAreaInformation as ASCII-ish undefined
	w16(1)
	gps := "GPS 29.8683N 121.5440E"
	w16(0x001C)
	w16(7)
	w32(uint32(len(gps)))
	w32(8 + 2 + 3*12 + 4 + 2 + 12 + 4 + uint32(len(desc)))
	w32(0)
	t.WriteString(desc)
	t.WriteString(gps)
	return segment(0xE1, append([]byte("Exif\x00\x00"), t.Bytes()...))
}

func segment(m byte, payload []byte) []byte {
	s := []byte{0xFF, m, 0, 0}
	binary.BigEndian.PutUint16(s[2:], uint16(len(payload)+2))
	return append(s, payload...)
}

// phoneJPEG encodes img as a phone would save it: EXIF with orientation o
// and a GPS position, an XMP packet, a comment, and extra APP1 segments.
func phoneJPEG(t testing.TB, img image.Image, o, extra int) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, &jpeg.Options{Quality: 80}); err != nil {
		t.Fatal(err)
	}
	j := b.Bytes()
	segs := app1(o)
	segs = append(segs, segment(0xE1, []byte("http://ns.adobe.com/xap/1.0/\x00<x:xmpmeta>SECRET-XMP</x:xmpmeta>"))...)
	segs = append(segs, segment(0xFE, []byte("SECRET-COMMENT"))...)
	for i := 0; i < extra; i++ {
		segs = append(segs, segment(0xE1, bytes.Repeat([]byte("X"), 60000))...)
	}
	return append(append(append([]byte{}, j[:2]...), segs...), j[2:]...)
}

// TestCleanJPEG: every orientation is read; EXIF, XMP and comments are
// left out, the image segments kept, and what is left decodes to the
// same picture.
func TestCleanJPEG(t *testing.T) {
	img := scene(60, 40, 1)
	for o := 1; o <= 8; o++ {
		j := phoneJPEG(t, img, o, 0)
		clean, info, err := cleanJPEG(j)
		if err != nil {
			t.Fatalf("orientation %d: %v", o, err)
		}
		if info.orientation != o || info.components != 3 {
			t.Errorf("orientation %d: read %+v", o, info)
		}
		for _, s := range []string{"SECRET", "GPS", "Exif", "xmpmeta"} {
			if bytes.Contains(clean, []byte(s)) {
				t.Errorf("orientation %d: %q left in the cleaned JPEG", o, s)
			}
		}
		a, err := jpeg.Decode(bytes.NewReader(j))
		if err != nil {
			t.Fatal(err)
		}
		b, err := jpeg.Decode(bytes.NewReader(clean))
		if err != nil {
			t.Fatalf("cleaned JPEG does not decode: %v", err)
		}
		if a.At(30, 20) != b.At(30, 20) || a.Bounds() != b.Bounds() {
			t.Errorf("orientation %d: the cleaned JPEG is another picture", o)
		}
	}
	for _, bad := range [][]byte{nil, []byte("\xFF\xD8"), []byte("\xFF\xD8\xFF\xE1\x00"), []byte("\xFF\xD8\xFF\xE1\xFF\xFF")} {
		if _, _, err := cleanJPEG(bad); err == nil {
			t.Errorf("%q: no error", bad)
		}
	}
}

// photoDir writes files into a new report folder and loads the report.
func photoDir(t *testing.T, files map[string][]byte, yaml string) *data.Report {
	t.Helper()
	dir := t.TempDir()
	for name, b := range files {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, "report.yaml")
	if err := os.WriteFile(path, []byte(yaml), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := data.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// photoRects returns where each photo frame of the document is placed:
// page index, and the frame in PDF points (origin bottom-left).
func photoRects(d *Document) (pages []int, rects []pdftest.Rect) {
	var walk func(pi int, b Block, x, y, w float64)
	walk = func(pi int, b Block, x, y, w float64) {
		switch t := b.(type) {
		case *photoBlock:
			h := t.frame(w)
			pages = append(pages, pi)
			rects = append(rects, pdftest.Rect{Left: x, Bottom: d.geo.H - y - h, Right: x + w, Top: d.geo.H - y})
		case *Row:
			for i, c := range t.Cells {
				cx, cw := t.cell(w, i)
				walk(pi, c, x+cx, y, cw)
			}
		case *Stack:
			for _, c := range t.Blocks {
				walk(pi, c, x, y, w)
				y += c.Measure(w)
			}
		case *Flow:
			if t.Float != nil {
				fx, fy, cw := t.floatAt(x, y, w)
				walk(pi, t.Float, fx, fy, cw)
			}
		}
	}
	for pi, p := range d.Pages {
		for _, b := range p.Blocks {
			walk(pi, b.Block, b.X, b.Y, b.W)
		}
	}
	return pages, rects
}

// TestPhotoOrientation: a photo stored turned or mirrored (EXIF
// orientations 1 to 8, as phones save them) prints upright: sky at the
// top, ground at the bottom, the sun top left; a portrait photo gets a
// portrait frame.
func TestPhotoOrientation(t *testing.T) {
	files := map[string][]byte{}
	yaml := "title: 方向\ndate: 2024-01-01\nsections:\n  - title: 照片\n    photos:\n"
	for o := 1; o <= 8; o++ {
		w, h := 300, 200
		if o%2 == 0 {
			w, h = 200, 300 // every other one a portrait photo
		}
		files[fmt.Sprintf("o%d.jpg", o)] = phoneJPEG(t, stored(scene(w, h, o), o), o, 0)
		yaml += fmt.Sprintf("      - {file: o%d.jpg, caption: 方向%d}\n", o, o)
	}
	r := photoDir(t, files, yaml)
	d, pdf := build(t, r, Options{Draft: true})
	pages, rects := photoRects(d)
	if len(rects) != 8 {
		t.Fatalf("%d photo frames placed, want 8", len(rects))
	}
	const dpi = 72.0
	rendered := map[int]image.Image{}
	for i, rc := range rects {
		o := i + 1
		if portrait := o%2 == 0; portrait != (rc.Top-rc.Bottom > rc.Right-rc.Left) {
			t.Errorf("orientation %d: frame %.0f×%.0f pt, want a %s frame", o, rc.Right-rc.Left, rc.Top-rc.Bottom, map[bool]string{true: "portrait", false: "landscape"}[portrait])
		}
		img, ok := rendered[pages[i]]
		if !ok {
			img = pdftest.Render(t, pdf, pages[i], dpi)
			rendered[pages[i]] = img
		}
		at := func(fx, fy float64) color.RGBA {
			x := rc.Left + fx*(rc.Right-rc.Left)
			y := rc.Top - fy*(rc.Top-rc.Bottom)
			r, g, b, _ := img.At(int(x*dpi/72), int((d.geo.H-y)*dpi/72)).RGBA()
			return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), 255}
		}
		sky, ground, sun := at(0.8, 0.08), at(0.5, 0.95), at(0.2, 0.2)
		if !(sky.B > 180 && sky.B > sky.G) {
			t.Errorf("orientation %d: top of the frame is %v, want sky blue", o, sky)
		}
		if !(ground.G > ground.B && ground.G > ground.R) {
			t.Errorf("orientation %d: foot of the frame is %v, want ground green", o, ground)
		}
		if !(sun.R > 200 && sun.G > 160 && sun.B < 120) {
			t.Errorf("orientation %d: the sun is not top left (%v there)", o, sun)
		}
	}
}

// TestPhotoMetadataLeftOut: EXIF (with a GPS position), XMP, comments
// and a thousand padding segments of a phone's JPEG do not reach the PDF,
// which stays the size of the picture.
func TestPhotoMetadataLeftOut(t *testing.T) {
	j := phoneJPEG(t, scene(300, 200, 2), 1, 1000)
	if len(j) < 50_000_000 {
		t.Fatalf("the test JPEG is %d bytes, want 1,000 segments of 60 KB", len(j))
	}
	r := photoDir(t, map[string][]byte{"p.jpg": j}, "title: 元数据\ndate: 2024-01-01\nsections:\n  - title: 照片\n    photos:\n      - {file: p.jpg, caption: 照片}\n")
	_, pdf := build(t, r, Options{Draft: true})
	t.Logf("a %d-byte JPEG gives a %d-byte PDF", len(j), len(pdf))
	if len(pdf) > 400_000 {
		t.Errorf("PDF is %d bytes: the metadata went in", len(pdf))
	}
	all := append(pdftest.Inflate(pdf), pdf...)
	for _, s := range []string{"SECRET", "29.8683", "Exif"} {
		if bytes.Contains(all, []byte(s)) {
			t.Errorf("%q from the photo's metadata is in the PDF", s)
		}
	}
	// the document's own XMP packet (with pdfuaid) is the only one
	if n, own := bytes.Count(all, []byte("<x:xmpmeta")), bytes.Count(all, []byte("<pdfuaid:part>")); n != own {
		t.Errorf("%d XMP packets in the PDF, %d of them the document's", n, own)
	}
}

// TestCMYKPhoto: a CMYK JPEG (an Adobe one, from Go's own test data) is
// embedded as it is, DeviceCMYK, with its inverted values decoded.
func TestCMYKPhoto(t *testing.T) {
	j, err := os.ReadFile("testdata/cmyk.jpg")
	if err != nil {
		t.Fatal(err)
	}
	r := photoDir(t, map[string][]byte{"c.jpg": j}, "title: 印刷\ndate: 2024-01-01\nsections:\n  - title: 照片\n    photos:\n      - {file: c.jpg, caption: 四色}\n")
	_, pdf := build(t, r, Options{Draft: true})
	if !bytes.Contains(pdf, []byte("/ColorSpace /DeviceCMYK /Decode [1 0 1 0 1 0 1 0]")) {
		t.Error("the CMYK photo is not embedded as DeviceCMYK")
	}
	clean, _, _ := cleanJPEG(j)
	if !bytes.Contains(pdf, clean[len(clean)-2000:]) {
		t.Error("the CMYK photo's data was encoded again")
	}
}

// TestPhotosReproducible: a report with many photos of the same size
// gives the same bytes on every build (fpdf ordered images of equal width
// by map order).
func TestPhotosReproducible(t *testing.T) {
	files := map[string][]byte{}
	yaml := "title: 重复\ndate: 2024-01-01\nsections:\n  - title: 照片\n    photos:\n"
	for i := 1; i <= 6; i++ {
		files[fmt.Sprintf("p%d.jpg", i)] = phoneJPEG(t, scene(300, 200, i), 1, 0)
		yaml += fmt.Sprintf("      - {file: p%d.jpg, caption: 照片%d}\n", i, i)
	}
	r := photoDir(t, files, yaml)
	seen := map[[16]byte]bool{}
	for range 8 {
		d, err := NewWith(r, Options{Draft: true})
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := d.Write(&b); err != nil {
			t.Fatal(err)
		}
		seen[md5.Sum(b.Bytes())] = true
	}
	if len(seen) != 1 {
		t.Errorf("8 builds gave %d different PDFs", len(seen))
	}
}

// TestContain: fit: contain shows the whole photo in a 3:2 frame.
func TestContain(t *testing.T) {
	r := photoDir(t, map[string][]byte{"p.jpg": phoneJPEG(t, scene(200, 300, 3), 1, 0)},
		"title: 整张\ndate: 2024-01-01\nsections:\n  - title: 照片\n    photos:\n      - {file: p.jpg, caption: 整张, fit: contain}\n")
	d, _ := build(t, r, Options{Draft: true})
	_, rects := photoRects(d)
	if len(rects) != 1 {
		t.Fatal("no frame")
	}
	rc := rects[0]
	if ratio := (rc.Top - rc.Bottom) / (rc.Right - rc.Left); math.Abs(ratio-2.0/3) > 0.01 {
		t.Errorf("contain: frame ratio %.2f, want 3:2", ratio)
	}
}

// TestWriteExamplePhotos writes the example reports' photos (phone JPEGs
// with EXIF orientations) when BROCHURE_WRITE_EXAMPLES is set.
func TestWriteExamplePhotos(t *testing.T) {
	if os.Getenv("BROCHURE_WRITE_EXAMPLES") == "" {
		t.Skip("set BROCHURE_WRITE_EXAMPLES=1 to write examples/*/photos")
	}
	write := func(dir, name string, w, h, o, seed int) {
		p := filepath.Join("..", "examples", dir, "photos", name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := jpeg.Encode(&b, stored(scene(w, h, seed), o), &jpeg.Options{Quality: 70}); err != nil {
			t.Fatal(err)
		}
		j := b.Bytes()
		j = append(append(append([]byte{}, j[:2]...), app1(o)...), j[2:]...)
		if err := os.WriteFile(p, j, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for i, ph := range []struct {
		name string
		w, h int
		o    int
	}{{"patrol.jpg", 720, 480, 1}, {"mediation.jpg", 480, 640, 6}, {"hall.jpg", 720, 480, 3}, {"control-room.jpg", 720, 405, 1}, {"signal.jpg", 480, 720, 8}, {"training.jpg", 720, 480, 6}} {
		write("district-bureau-2023", ph.name, ph.w, ph.h, ph.o, i)
	}
	write("hong-kong-bilingual", "harbour.jpg", 720, 360, 1, 7)
	write("hong-kong-bilingual", "tram.jpg", 480, 720, 8, 8)
	write("county-police-annual", "road.jpg", 720, 480, 3, 9)
	for o := 1; o <= 8; o++ {
		w, h := 600, 400
		if strings.Contains("2457", fmt.Sprint(o)) {
			w, h = 400, 600
		}
		write("photo-essay", fmt.Sprintf("o%d.jpg", o), w, h, o, 10+o)
	}
	// a port's phone photos, one of each orientation, the portrait ones
	// (4:5 and 3:4, as phones take them) among landscape ones
	for i, ph := range []struct {
		name string
		w, h int
		o    int
	}{{"pilot-boat.jpg", 960, 640, 1}, {"crane.jpg", 600, 800, 6}, {"shore-power.jpg", 960, 720, 3}, {"saltmarsh.jpg", 960, 540, 2},
		{"apprentices.jpg", 640, 800, 8}, {"open-day.jpg", 960, 640, 4}, {"rowing.jpg", 960, 600, 7}, {"lighthouse.jpg", 600, 900, 5}} {
		write("port-review-2025", ph.name, ph.w, ph.h, ph.o, 20+i)
	}
}

// TestFocus: a photo taller than its frame is cut around its focus: [0.5,
// 0] keeps its top, [0.5, 1] its foot, [0.5, 0.5] cuts as much from
// each; with none the frame is centred on the line a third down the
// photo (thirds): a 1:3 strip in a 2:3 frame (half of it shown) loses a
// sixth of its cut at the top, a 1:2 photo in a 2:3 frame (three quarters
// shown) none of it, the people in its upper third keeping their heads.
func TestFocus(t *testing.T) {
	for _, tt := range []struct {
		name  string
		w, h  int
		focus string  // "" for none
		top   float64 // the share of the cut taken at the top
	}{
		{"top", 100, 300, ", focus: [0.5, 0]", 0},
		{"foot", 100, 300, ", focus: [0.5, 1]", 1},
		{"middle", 100, 300, ", focus: [0.5, 0.5]", 0.5},
		{"strip, no focus", 100, 300, "", 1.0 / 6},
		{"portrait, no focus", 150, 300, "", 0},
	} {
		t.Run(tt.name, func(t *testing.T) {
			r := photoDir(t, map[string][]byte{"p.jpg": phoneJPEG(t, scene(tt.w, tt.h, 4), 1, 0)},
				"title: 重点\ndate: 2024-01-01\nsections:\n  - title: 照片\n    photos:\n      - {file: p.jpg, caption: 重点"+tt.focus+"}\n")
			d, pdf := build(t, r, Options{Draft: true})
			_, rects := photoRects(d)
			m := regexp.MustCompile(`q ([-0-9.]+) 0 0 ([-0-9.]+) ([-0-9.]+) ([-0-9.]+) cm /Im1 Do`).FindSubmatch(pdftest.Inflate(pdf))
			if m == nil || len(rects) != 1 {
				t.Fatal("no image drawn")
			}
			h, _ := strconv.ParseFloat(string(m[2]), 64)
			bottom, _ := strconv.ParseFloat(string(m[4]), 64)
			rc := rects[0]
			cut := h - (rc.Top - rc.Bottom)
			if cut <= 1 {
				t.Fatalf("image %.0f pt tall in a frame of %.0f: nothing to cut", h, rc.Top-rc.Bottom)
			}
			if got := (bottom + h - rc.Top) / cut; math.Abs(got-tt.top) > 0.01 {
				t.Errorf("%.3f of the cut at the top, want %.3f (image from %.1f to %.1f, frame from %.1f to %.1f)", got, tt.top, bottom, bottom+h, rc.Bottom, rc.Top)
			}
		})
	}
}

// TestThirds: with no focus the frame is centred a third down the photo
// as far as the photo reaches; a photo cut at its sides only, or not at
// all, is not moved.
func TestThirds(t *testing.T) {
	for _, tt := range []struct {
		name   string
		px, py int
		w, h   float64
		want   float64
	}{
		{"3:2 in 2:1: a quarter cut, all at the foot", 300, 200, 200, 100, 0},
		{"2:3 in 3:2: a third shown, centred a third down", 200, 300, 300, 200, (1.0/3 - 2.0/9) / (1 - 4.0/9)},
		{"1:3 in 2:3: half shown", 100, 300, 200, 300, 1.0 / 6},
		{"a sliver shown: a third of the cut at the top", 100, 1000, 1000, 10, (1.0/3 - 0.0005) / (1 - 0.001)},
		{"cut at the sides", 300, 100, 200, 100, 0.5},
		{"not cut", 300, 200, 300, 200, 0.5},
		{"size unknown", 0, 0, 300, 200, 0.5},
	} {
		if got := thirds(tt.px, tt.py, tt.w, tt.h); math.Abs(got-tt.want) > 1e-9 {
			t.Errorf("%s: thirds = %.4f, want %.4f", tt.name, got, tt.want)
		}
	}
}

// TestICCKeptForCMYK: a CMYK JPEG keeps its ICC profile (it says which
// press the separation is for); an RGB one is read as sRGB and leaves it.
func TestICCKeptForCMYK(t *testing.T) {
	icc := segment(0xE2, append([]byte("ICC_PROFILE\x00\x01\x01"), bytes.Repeat([]byte("P"), 100)...))
	with := func(j []byte) []byte { return append(append(append([]byte{}, j[:2]...), icc...), j[2:]...) }
	cmyk, err := os.ReadFile("testdata/cmyk.jpg")
	if err != nil {
		t.Fatal(err)
	}
	rgb := phoneJPEG(t, scene(40, 30, 1), 1, 0)
	for _, tt := range []struct {
		name string
		j    []byte
		keep bool
	}{{"CMYK", with(cmyk), true}, {"RGB", with(rgb), false}} {
		clean, _, err := cleanJPEG(tt.j)
		if err != nil {
			t.Fatal(err)
		}
		if got := bytes.Contains(clean, []byte("ICC_PROFILE")); got != tt.keep {
			t.Errorf("%s: ICC profile kept %v, want %v", tt.name, got, tt.keep)
		}
		if _, err := jpeg.DecodeConfig(bytes.NewReader(clean)); err != nil {
			t.Errorf("%s: cleaned JPEG does not decode: %v", tt.name, err)
		}
	}
}
