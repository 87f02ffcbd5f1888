package preflight

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"math"
	"slices"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// PageInks is one page's separations as a proof summarises them: the
// plates its content prints from and the most ink anywhere on it.
type PageInks struct {
	Page   int      `json:"page"`
	Plates []string `json:"plates"` // Cyan, Magenta, Yellow, Black, then spot inks by name; RGB when no output intent says how it converts
	MaxInk float64  `json:"maxInk"` // per cent: the most total ink of any fill, line, text or image pixel
}

// processPlates are the four process inks, in the order of their
// components.
var processPlates = [4]string{"Cyan", "Magenta", "Yellow", "Black"}

// pageInks collects one page's plates as the walk meets paint.
type pageInks struct {
	process [4]bool
	spots   []string
	rgb     bool // RGB with no profile to convert it
	max     float64
}

// inks of page n, made as needed.
func (p *printWalk) inks(n int) *pageInks {
	for len(p.pages) < n {
		p.pages = append(p.pages, &pageInks{})
	}
	return p.pages[n-1]
}

// use notes paint c (its inks, its total) on the current page, and
// returns its total ink in per cent (RGB through the output intent's
// profile), 0 when that cannot be told. The registration colour of marks
// (Separation All) counts as every plate's ink but is left out of the
// page's: it is on every plate by design and outside the trim.
func (w *walker) use(c paint) float64 {
	pi := w.pr.inks(w.page)
	k := w.inkOf(c)
	switch {
	case k != nil:
		t := 0.0
		for i, v := range k {
			if v > 0.001 {
				pi.process[i] = true
			}
			t += v
		}
		pi.max = max(pi.max, t*100)
		return t * 100
	case c.space == "Separation All":
		if len(c.comps) == 1 {
			return c.comps[0] * 400
		}
	case len(c.space) > 11 && c.space[:11] == "Separation ":
		if len(c.comps) == 1 && c.comps[0] > 0.001 && !slices.Contains(pi.spots, c.space[11:]) {
			pi.spots = append(pi.spots, c.space[11:])
		}
	case c.space == "DeviceRGB" || c.space == "ICCBased (3 components)":
		if !c.white() {
			pi.rgb = true
		}
	}
	return 0
}

// inkOf is c as the four process inks (0–1 each), nil when that cannot
// be told: RGB without a CMYK output profile, spot colours, patterns.
func (w *walker) inkOf(c paint) []float64 {
	switch c.space {
	case "DeviceGray", "ICCBased (1 components)":
		if len(c.comps) == 1 {
			return []float64{0, 0, 0, 1 - min(max(c.comps[0], 0), 1)}
		}
	case "DeviceCMYK", "ICCBased (4 components)":
		if len(c.comps) == 4 {
			return c.comps
		}
	case "DeviceRGB", "ICCBased (3 components)":
		if len(c.comps) == 3 && w.pr.press != nil {
			k := w.pr.press.rgbInk(c.comps[0], c.comps[1], c.comps[2])
			return k[:]
		}
	}
	return nil
}

// separations is the walk's pages as PageInks.
func (p *printWalk) separations(pages int) []PageInks {
	out := make([]PageInks, pages)
	for i := range out {
		out[i] = PageInks{Page: i + 1, Plates: []string{}}
		if i >= len(p.pages) {
			continue
		}
		pi := p.pages[i]
		for k, used := range pi.process {
			if used {
				out[i].Plates = append(out[i].Plates, processPlates[k])
			}
		}
		out[i].Plates = append(out[i].Plates, pi.spots...)
		if pi.rgb {
			out[i].Plates = append(out[i].Plates, "RGB")
		}
		out[i].MaxInk = math.Round(pi.max)
	}
	return out
}

// Image ink: how much of an image prints above the total ink limit.
const (
	// MinInkArea is the least area, mm², of an image's pixels above the
	// limit that is a problem: a few dark pixels (an eye's pupil) neither
	// set off nor stick; a shadow of a fingertip's size does.
	MinInkArea = 4.0
	// inkSamples is the most pixels of one image measured (evenly
	// spaced): enough to find an area of MinInkArea in any photo.
	inkSamples = 1 << 18
	// maxInkPixels is the largest image decoded to measure its ink.
	maxInkPixels = 64 << 20
)

// imageInk measures the ink of image sd (colour space cs) placed under
// ctm: each pixel's total in CMYK, or through the output intent's profile
// for RGB (as sRGB: an RGB image with a profile of its own is measured as
// if it were sRGB). Pixels over the limit that together cover MinInkArea
// or more are a problem at the image's position.
func (w *walker) imageInk(sd *types.StreamDict, x types.Object, cs string, ctm matrix) {
	d := sd.Dict
	n := map[string]int{"DeviceCMYK": 4, "ICCBased (4 components)": 4, "DeviceRGB": 3, "ICCBased (3 components)": 3,
		"DeviceGray": 1, "ICCBased (1 components)": 1}[cs]
	pi := w.pr.inks(w.page)
	if n == 0 {
		if cs != "" {
			w.unchecked["ink of images in "+cs+" (not measured)"]++
		}
		return
	}
	if n == 1 {
		pi.process[3] = true // black ink alone never exceeds a limit
		pi.max = max(pi.max, 100)
		return
	}
	if n == 3 && w.pr.press == nil {
		pi.rgb = true
		return // the press's conversion is unknown: no output intent
	}
	wd, ht := w.integer(d, "Width"), w.integer(d, "Height")
	if wd <= 0 || ht <= 0 || int64(wd)*int64(ht) > maxInkPixels {
		w.unchecked["ink of images over 64 megapixels (not measured)"]++
		return
	}
	pixel, ok := w.pixels(sd, x, n, wd, ht)
	if !ok {
		w.unchecked["ink of images that could not be decoded"]++
		return
	}
	step := max(1, int(math.Ceil(math.Sqrt(float64(wd)*float64(ht)/inkSamples))))
	var cache []float32 // RGB (6 bits a component) → inks, for photos
	if n == 3 {
		cache = make([]float32, 4<<18)
		for i := range cache {
			cache[i] = -1
		}
	}
	limit := w.pr.maxInk / 100
	over, samples, most := 0, 0, 0.0
	for y := 0; y < ht; y += step {
		for x := 0; x < wd; x += step {
			c := pixel(x, y)
			var k [4]float64
			if n == 4 {
				k = [4]float64{float64(c[0]) / 255, float64(c[1]) / 255, float64(c[2]) / 255, float64(c[3]) / 255}
			} else {
				i := 4 * (int(c[0]>>2)<<12 | int(c[1]>>2)<<6 | int(c[2]>>2))
				if cache[i] < 0 {
					v := w.pr.press.rgbInk(float64(c[0])/255, float64(c[1])/255, float64(c[2])/255)
					for j := range 4 {
						cache[i+j] = float32(v[j])
					}
				}
				k = [4]float64{float64(cache[i]), float64(cache[i+1]), float64(cache[i+2]), float64(cache[i+3])}
			}
			t := 0.0
			for j, v := range k {
				if v > 0.001 {
					pi.process[j] = true
				}
				t += v
			}
			most = max(most, t)
			if t > limit+0.005 {
				over++
			}
			samples++
		}
	}
	pi.max = max(pi.max, most*100)
	pw, ph := math.Hypot(ctm[0], ctm[1])/mm, math.Hypot(ctm[2], ctm[3])/mm
	area := pw * ph * float64(over) / float64(max(1, samples))
	if area >= MinInkArea {
		px, py := ctm.apply(0, 0)
		w.pr.add(true, w.page, "image ink", fmt.Sprintf("%%s images print %.0f mm² at more than %.0f %% total ink (up to %.0f %%): the ink does not dry, sheets stick; darken the shadows less, or convert with the shop's ink limit", area, w.pr.maxInk, most*100), px, py)
	}
}

// pixels decodes an 8-bit image of n components: a JPEG (DCTDecode alone)
// with Go's decoder, which undoes Adobe's inverted CMYK; other filters
// through pdfread, within the document's budget, /Decode [1 0 …] applied.
func (w *walker) pixels(sd *types.StreamDict, x types.Object, n, wd, ht int) (func(x, y int) [4]uint8, bool) {
	if w.integer(sd.Dict, "BitsPerComponent") != 8 {
		return nil, false
	}
	if f := sd.FilterPipeline; len(f) == 1 && f[0].Name == "DCTDecode" {
		img, err := jpeg.Decode(bytes.NewReader(sd.Raw))
		if err != nil || img.Bounds().Dx() != wd || img.Bounds().Dy() != ht {
			return nil, false
		}
		if c, ok := img.(*image.CMYK); ok && n == 4 {
			return func(x, y int) [4]uint8 {
				i := c.PixOffset(x, y)
				return [4]uint8{c.Pix[i], c.Pix[i+1], c.Pix[i+2], c.Pix[i+3]}
			}, true
		}
		if n != 3 {
			return nil, false
		}
		return func(x, y int) [4]uint8 {
			r, g, b, _ := img.At(x, y).RGBA()
			return [4]uint8{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8)}
		}, true
	}
	_, data, err := w.doc.Stream(x)
	if isLimit(err) {
		w.err = err
		return nil, false
	}
	if err != nil || len(data) < wd*ht*n {
		return nil, false
	}
	var inv [4]bool
	if arr, err := w.ctx.DereferenceArray(sd.Dict["Decode"]); err == nil && len(arr) >= 2*n {
		for i := range n {
			lo, _ := w.ctx.DereferenceNumber(arr[2*i])
			hi, _ := w.ctx.DereferenceNumber(arr[2*i+1])
			inv[i] = lo > hi
		}
	}
	return func(x, y int) [4]uint8 {
		var c [4]uint8
		i := (y*wd + x) * n
		for j := range n {
			c[j] = data[i+j]
			if inv[j] {
				c[j] = 255 - c[j]
			}
		}
		return c
	}, true
}

// outputProfile reads the press profile of a PDF/X output intent, nil
// when the file has none preflight can read.
func (w *walker) outputProfile() *profile {
	cat, err := w.ctx.Catalog()
	if err != nil || cat == nil {
		return nil
	}
	for _, d := range outputIntents(w.ctx, cat) {
		if s := d.NameEntry("S"); s == nil || len(*s) < 8 || (*s)[:8] != "GTS_PDFX" {
			continue
		}
		o, ok := d.Find("DestOutputProfile")
		if !ok {
			continue
		}
		_, icc, err := w.doc.Stream(o)
		if err != nil {
			if isLimit(err) {
				w.err = err
			}
			return nil
		}
		if p := parseProfile(icc); p != nil {
			return p
		}
		w.unchecked["ink of RGB: the output intent's profile has no Lab → CMYK table preflight reads"]++
	}
	return nil
}
