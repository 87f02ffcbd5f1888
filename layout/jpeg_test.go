package layout

import (
	"bytes"
	"image"
	"image/jpeg"
	"testing"
)

// TestJPEGWhole: a JPEG checked by its markers (jpegWhole) instead of
// decoded is refused exactly when it is cut short: every prefix of a
// photo's file is refused but the whole file (and the file with bytes
// after its end), and what else it refuses image/jpeg cannot decode either.
func TestJPEGWhole(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 120, 80))
	for i := range img.Pix {
		img.Pix[i] = uint8(i*7 + i/480) // noisy: stuffed 0xFF bytes in the scan
	}
	var buf bytes.Buffer
	if err := jpeg.Encode(&buf, img, &jpeg.Options{Quality: 95}); err != nil {
		t.Fatal(err)
	}
	whole := buf.Bytes()
	if !bytes.Contains(whole, []byte{0xFF, 0x00}) {
		t.Fatal("the test photo has no stuffed 0xFF: it tests less than it says")
	}
	if err := jpegWhole(whole); err != nil {
		t.Fatalf("the whole file: %v", err)
	}
	if err := jpegWhole(append(bytes.Clone(whole), "trailing junk"...)); err != nil {
		t.Errorf("bytes after the end: %v", err)
	}
	for n := range len(whole) {
		if jpegWhole(whole[:n]) == nil {
			t.Errorf("cut to %d of %d bytes: accepted", n, len(whole))
		}
	}
	for _, bad := range [][]byte{nil, []byte("\x89PNG\r\n"), {0xFF, 0xD8, 0xFF, 0xD9}, {0xFF, 0xD8, 0x00, 0xFF, 0xD9}} {
		if err := jpegWhole(bad); err == nil {
			t.Errorf("% x: accepted", bad)
		} else if _, derr := jpeg.Decode(bytes.NewReader(bad)); derr == nil {
			t.Errorf("% x: refused (%v), but image/jpeg decodes it", bad, err)
		}
	}
}
