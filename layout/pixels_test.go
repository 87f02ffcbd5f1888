package layout

import (
	"image"
	"image/color"
	"math/rand/v2"
	"testing"
)

// TestNRGBAAt: the colours read straight from the pixels are the ones
// color.NRGBAModel converts, for every image type with a fast path (an
// RGBA partly transparent too, which takes the slow one) and one without.
func TestNRGBAAt(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	r := image.Rect(3, 5, 40, 29) // not at the origin: PixOffset is used
	fill := func(pix []byte) {
		for i := range pix {
			pix[i] = byte(rng.IntN(256))
		}
	}
	rgba, opaque, nrgba, gray, gray16 := image.NewRGBA(r), image.NewRGBA(r), image.NewNRGBA(r), image.NewGray(r), image.NewGray16(r)
	for _, p := range [][]byte{nrgba.Pix, gray.Pix, gray16.Pix, opaque.Pix} {
		fill(p)
	}
	for i := 0; i < len(opaque.Pix); i += 4 {
		opaque.Pix[i+3] = 0xFF
	}
	for y := r.Min.Y; y < r.Max.Y; y++ { // premultiplied: no channel above alpha
		for x := r.Min.X; x < r.Max.X; x++ {
			a := byte(rng.IntN(256))
			if x%3 == 0 {
				a = 0xFF
			}
			rgba.SetRGBA(x, y, color.RGBA{byte(rng.IntN(int(a) + 1)), byte(rng.IntN(int(a) + 1)), byte(rng.IntN(int(a) + 1)), a})
		}
	}
	for name, img := range map[string]image.Image{"RGBA": rgba, "opaque RGBA": opaque, "NRGBA": nrgba, "Gray": gray, "Gray16": gray16} {
		at := nrgbaAt(img)
		for y := r.Min.Y; y < r.Max.Y; y++ {
			for x := r.Min.X; x < r.Max.X; x++ {
				if got, want := at(x, y), color.NRGBAModel.Convert(img.At(x, y)).(color.NRGBA); got != want {
					t.Fatalf("%s at (%d, %d): %v, want %v", name, x, y, got, want)
				}
			}
		}
	}
}
