// Package ink is colour as both a screen and a printing press need it: an
// RGB value for the screen and, for print, the four process inks (cyan,
// magenta, yellow, black) or a named spot ink with its process fallback.
//
// The rest of brochure passes colours around as "#RRGGBB" strings (the
// screen value). A Palette remembers which of those have print values, and
// writes the PDF colour operators for a screen or a print build:
//
//   - neutral greys (R = G = B) go on the black plate only: DeviceGray on
//     screen (which renders exactly as the RGB did), K-only DeviceCMYK in
//     print, so that small text is printed from one plate and cannot blur
//     at misregistration;
//   - colours with print values (the look's palette, a theme's
//     cmyk(…) or spot colour) are DeviceCMYK in print;
//   - any other colour stays DeviceRGB, for the RIP to convert with the
//     output intent (a PDF/X page says how: DefaultRGB is sRGB).
package ink

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
)

// Colour is one colour: its screen value and its print value.
type Colour struct {
	RGB  [3]uint8   // screen
	CMYK [4]float64 // print, 0..1: given, or derived from RGB
	Spot string     // a spot ink's name ("PANTONE 186 C"); CMYK is its fallback
	// Given is true when CMYK was chosen for print (cmyk(…), spot(…), a
	// look's palette), false when it was derived from the RGB.
	Given bool
}

var (
	hexRE  = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)
	cmykRE = regexp.MustCompile(`^cmyk\(\s*(\d+(?:\.\d+)?)\s*,\s*(\d+(?:\.\d+)?)\s*,\s*(\d+(?:\.\d+)?)\s*,\s*(\d+(?:\.\d+)?)\s*\)$`)
	spotRE = regexp.MustCompile(`^spot\(\s*([^,()"]*[^,()"\s])\s*,\s*(cmyk\([^)]*\))\s*\)$`)
)

// Pattern is the JSON-schema pattern of what Parse accepts.
const Pattern = `^(#[0-9A-Fa-f]{6}|cmyk\(\s*\d+(\.\d+)?\s*(,\s*\d+(\.\d+)?\s*){3}\)|spot\(\s*[^,()"]+,\s*cmyk\(\s*\d+(\.\d+)?\s*(,\s*\d+(\.\d+)?\s*){3}\)\s*\))$`

// Parse reads a colour written as "#B5121B" (screen RGB),
// "cmyk(0, 100, 90, 20)" (per cent of each process ink) or
// "spot(PANTONE 186 C, cmyk(0, 100, 81, 4))" (a spot ink's name and its
// process fallback). The error says what to write instead.
func Parse(s string) (Colour, error) {
	s = strings.TrimSpace(s)
	switch {
	case hexRE.MatchString(s):
		v, _ := strconv.ParseUint(s[1:], 16, 32)
		rgb := [3]uint8{uint8(v >> 16), uint8(v >> 8), uint8(v)}
		return Colour{RGB: rgb, CMYK: derive(rgb)}, nil
	case cmykRE.MatchString(s):
		m := cmykRE.FindStringSubmatch(s)
		var c [4]float64
		for i := range c {
			v, _ := strconv.ParseFloat(m[i+1], 64)
			if v > 100 {
				return Colour{}, fmt.Errorf("colour %q: each ink is 0 to 100 per cent, %s is more", s, m[i+1])
			}
			c[i] = v / 100
		}
		return CMYK(c), nil
	case spotRE.MatchString(s):
		m := spotRE.FindStringSubmatch(s)
		c, err := Parse(m[2])
		if err != nil {
			return Colour{}, fmt.Errorf("colour %q: %w", s, err)
		}
		c.Spot = m[1]
		return c, nil
	}
	return Colour{}, fmt.Errorf(`colour %q is not "#RRGGBB", "cmyk(c, m, y, k)" or "spot(NAME, cmyk(c, m, y, k))"; e.g. "#B5121B" or "cmyk(0, 100, 90, 20)"`, s)
}

// CMYK is a colour chosen for print, with c, m, y, k in 0..1; its screen
// value is the simple conversion (without a profile: a preview, not a
// proof).
func CMYK(c [4]float64) Colour {
	var rgb [3]uint8
	for i := range rgb {
		rgb[i] = uint8(math.Round(255 * (1 - c[i]) * (1 - c[3])))
	}
	return Colour{RGB: rgb, CMYK: c, Given: true}
}

// derive is the print value of a screen colour without one: a grey is
// black ink only (K = 1 − grey); another colour the simple conversion with
// the grey component on the black plate.
func derive(rgb [3]uint8) [4]float64 {
	r, g, b := float64(rgb[0])/255, float64(rgb[1])/255, float64(rgb[2])/255
	k := 1 - max(r, g, b)
	if k >= 1 {
		return [4]float64{0, 0, 0, 1}
	}
	return [4]float64{round3((1 - r - k) / (1 - k)), round3((1 - g - k) / (1 - k)), round3((1 - b - k) / (1 - k)), round3(k)}
}

func round3(x float64) float64 { return math.Round(x*1000) / 1000 }

// Hex is the screen value, "#RRGGBB".
func (c Colour) Hex() string { return fmt.Sprintf("#%02X%02X%02X", c.RGB[0], c.RGB[1], c.RGB[2]) }

// Neutral reports whether the colour is a grey (or black or white): it is
// printed with black ink only.
func (c Colour) Neutral() bool {
	if c.Given {
		return c.CMYK[0] == 0 && c.CMYK[1] == 0 && c.CMYK[2] == 0
	}
	return c.RGB[0] == c.RGB[1] && c.RGB[1] == c.RGB[2]
}

// Palette is the colours with print values a build uses, by screen value,
// and whether the build is for print (PDF/X) or screen.
type Palette struct {
	Print     bool
	RichBlack Colour // large black areas in print; never text
	byRGB     map[[3]uint8]Colour
}

// NewPalette is a palette with the look's colours.
func NewPalette(print bool, look ...Colour) *Palette {
	p := &Palette{Print: print, RichBlack: CMYK([4]float64{0.6, 0.4, 0.4, 1}), byRGB: map[[3]uint8]Colour{}}
	for _, c := range look {
		p.Add(c)
	}
	return p
}

// Add makes c the print value of its screen value.
func (p *Palette) Add(c Colour) { p.byRGB[c.RGB] = c }

// Lookup is the colour whose screen value is rgb: the palette's, else rgb
// with a derived print value.
func (p *Palette) Lookup(rgb [3]uint8) Colour {
	if c, ok := p.byRGB[rgb]; ok {
		return c
	}
	return Colour{RGB: rgb, CMYK: derive(rgb)}
}

// Operator is the PDF operator setting c as the fill (or stroke) colour in
// this build: "0.102 g", "0 0 0 0.898 k", "0.71 0.071 0.106 rg" (with G, K,
// RG for strokes). Spot colours need a colour space resource; a caller
// that cannot add one writes their process fallback with this.
func (p *Palette) Operator(c Colour, stroke bool) string {
	op := func(s string) string {
		if stroke {
			return strings.ToUpper(s)
		}
		return s
	}
	switch {
	case p.Print && (c.Given || c.Neutral()):
		k := c.CMYK
		if !c.Given { // a grey: the black ink of its tone on press
			k = [4]float64{0, 0, 0, GreyK(c.RGB[0])}
		}
		return fmt.Sprintf("%s %s %s %s %s", num(k[0]), num(k[1]), num(k[2]), num(k[3]), op("k"))
	case c.Neutral() && !c.Given:
		return num(float64(c.RGB[0])/255) + " " + op("g")
	}
	return fmt.Sprintf("%s %s %s %s", num(float64(c.RGB[0])/255), num(float64(c.RGB[1])/255), num(float64(c.RGB[2])/255), op("rg"))
}

// Overprints reports whether text in c overprints in this build: black and
// dark grey text (K ≥ 70 %, no other ink) prints over what is beneath it,
// so a misregistered plate leaves no white gap around the letters. A light
// grey would change tone over a tint, so it knocks out.
func (p *Palette) Overprints(c Colour) bool {
	if !p.Print || !c.Neutral() {
		return false
	}
	k := c.CMYK[3]
	if !c.Given {
		k = GreyK(c.RGB[0])
	}
	return k >= 0.7
}

// num writes x with up to three decimals and no trailing zeros.
func num(x float64) string {
	s := strconv.FormatFloat(math.Round(x*1000)/1000, 'f', -1, 64)
	if s == "-0" {
		return "0"
	}
	return s
}

// Overprint is the resource name of the graphics state that makes text
// overprint (/OP and /op true, /OPM 1); a print build's pages must have it
// in their /ExtGState, as OverprintState.
const Overprint = "/GSop"

// OverprintState is the graphics state dictionary named Overprint.
const OverprintState = "<</Type /ExtGState /OP true /op true /OPM 1>>"

// Text is the operators that set text in the screen colour rgb: its
// fill colour and, for black text in print, the overprint graphics state.
// Text never uses the rich black, however dark.
func (p *Palette) Text(rgb [3]uint8) string {
	c := p.Lookup(rgb)
	op := p.Operator(c, false)
	if p.Overprints(c) {
		op += " " + Overprint + " gs"
	}
	return op
}

// Area is the fill operator of an area w × h pt in colour c: in print, a
// black area at least 20 mm on both sides is the rich black (black ink
// alone looks grey over a large area); anything smaller stays on one plate.
func (p *Palette) Area(c Colour, w, h float64) string {
	if p.Print && c.Neutral() && !c.Given && c.RGB[0] <= 0x1A && min(w, h) >= 20*72/25.4 {
		return p.Operator(p.RichBlack, false)
	}
	return p.Operator(c, false)
}

// fogra39K is the lightness (CIE L*, D50) of black ink alone on coated
// paper at each tone value, from Fogra's FOGRA39 characterisation data
// (FOGRA39L.ti3, the patches without C, M, Y): dot gain included.
var fogra39K = [][2]float64{
	{0, 95.00}, {0.02, 93.85}, {0.03, 93.24}, {0.05, 92.03}, {0.07, 90.81}, {0.10, 88.97},
	{0.15, 85.89}, {0.20, 82.79}, {0.25, 79.47}, {0.30, 76.12}, {0.40, 69.28}, {0.50, 61.82},
	{0.60, 54.14}, {0.70, 45.53}, {0.75, 41.11}, {0.80, 36.62}, {0.85, 31.72}, {0.90, 26.69},
	{0.95, 21.46}, {0.98, 18.18}, {1, 16.00},
}

// GreyK is the black ink, 0..1, that prints the sRGB grey v (0..255) at
// the same lightness on coated offset paper (FOGRA39, relative to the
// paper's white, as a colour-managed proof shows it). Greys darker than
// black ink alone can print (about #303030) are K 100 %: text is never
// made darker with the other inks.
func GreyK(v uint8) float64 {
	target := lstar(linear(float64(v) / 255))
	paper := yOf(fogra39K[0][1])
	rel := func(l float64) float64 { return lstar(yOf(l) / paper) }
	if target >= 100 {
		return 0
	}
	for i := 1; i < len(fogra39K); i++ {
		hi, lo := rel(fogra39K[i-1][1]), rel(fogra39K[i][1])
		if target >= lo {
			t := (hi - target) / (hi - lo)
			return round3(fogra39K[i-1][0] + t*(fogra39K[i][0]-fogra39K[i-1][0]))
		}
	}
	return 1
}

// linear is an sRGB component (0..1) as linear light.
func linear(c float64) float64 {
	if c <= 0.04045 {
		return c / 12.92
	}
	return math.Pow((c+0.055)/1.055, 2.4)
}

// lstar is CIE L* of relative luminance y; yOf its inverse.
func lstar(y float64) float64 {
	if y > 216.0/24389 {
		return 116*math.Cbrt(y) - 16
	}
	return y * 24389 / 27
}

func yOf(l float64) float64 {
	if l > 8 {
		return math.Pow((l+16)/116, 3)
	}
	return l * 27 / 24389
}
