package ink

import (
	"math"
	"strings"
	"testing"
)

func TestParse(t *testing.T) {
	for _, c := range []struct {
		in   string
		rgb  [3]uint8
		cmyk [4]float64
		spot string
		err  string
	}{
		{in: "#B5121B", rgb: [3]uint8{0xB5, 0x12, 0x1B}, cmyk: [4]float64{0, 0.901, 0.851, 0.29}},
		{in: "#1a1a1a", rgb: [3]uint8{26, 26, 26}, cmyk: [4]float64{0, 0, 0, 0.898}},
		{in: "cmyk(0, 100, 90, 20)", rgb: [3]uint8{204, 0, 20}, cmyk: [4]float64{0, 1, 0.9, 0.2}},
		{in: "cmyk(0,0,0,100)", rgb: [3]uint8{0, 0, 0}, cmyk: [4]float64{0, 0, 0, 1}},
		{in: "spot(PANTONE 186 C, cmyk(0, 100, 81, 4))", rgb: [3]uint8{245, 0, 47}, cmyk: [4]float64{0, 1, 0.81, 0.04}, spot: "PANTONE 186 C"},
		{in: "cmyk(0, 120, 0, 0)", err: "0 to 100"},
		{in: "red", err: `is not "#RRGGBB"`},
		{in: "#12345", err: `is not "#RRGGBB"`},
		{in: "spot(, cmyk(0,0,0,0))", err: `is not "#RRGGBB"`},
	} {
		got, err := Parse(c.in)
		if c.err != "" {
			if err == nil || !strings.Contains(err.Error(), c.err) {
				t.Errorf("%s: error %v, want %q", c.in, err, c.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.in, err)
			continue
		}
		if got.RGB != c.rgb || got.CMYK != c.cmyk || got.Spot != c.spot {
			t.Errorf("%s: %v %v %q, want %v %v %q", c.in, got.RGB, got.CMYK, got.Spot, c.rgb, c.cmyk, c.spot)
		}
	}
}

// TestOperator: greys are DeviceGray on screen (the same value as the
// RGB) and K-only CMYK in print; palette colours are their CMYK in print
// and RGB on screen; others RGB in both.
func TestOperator(t *testing.T) {
	screen, press := NewPalette(false, look...), NewPalette(true, look...)
	for _, c := range []struct {
		rgb           [3]uint8
		screen, press string
		overprints    bool
	}{
		{[3]uint8{26, 26, 26}, "0.102 g", "0 0 0 1 k", true},
		{[3]uint8{0x6B, 0x6B, 0x6B}, "0.42 g", "0 0 0 0.733 k", true},
		{[3]uint8{0xD9, 0xD9, 0xD9}, "0.851 g", "0 0 0 0.208 k", false},
		{[3]uint8{255, 255, 255}, "1 g", "0 0 0 0 k", false},
		{[3]uint8{0xB5, 0x12, 0x1B}, "0.71 0.071 0.106 rg", "0 1 0.9 0.2 k", false},
		{[3]uint8{10, 200, 30}, "0.039 0.784 0.118 rg", "0.039 0.784 0.118 rg", false},
	} {
		col := screen.Lookup(c.rgb)
		if got := screen.Operator(col, false); got != c.screen {
			t.Errorf("%v on screen: %q, want %q", c.rgb, got, c.screen)
		}
		if got := press.Operator(press.Lookup(c.rgb), false); got != c.press {
			t.Errorf("%v in print: %q, want %q", c.rgb, got, c.press)
		}
		if got := press.Overprints(press.Lookup(c.rgb)); got != c.overprints {
			t.Errorf("%v overprints %v, want %v", c.rgb, got, c.overprints)
		}
		if screen.Overprints(col) {
			t.Errorf("%v overprints on screen", c.rgb)
		}
	}
	if got := press.Text([3]uint8{26, 26, 26}); got != "0 0 0 1 k /GSop gs" {
		t.Errorf("body text in print: %q", got)
	}
	if got := press.Area(press.Lookup([3]uint8{0, 0, 0}), 200, 200); got != "0.6 0.4 0.4 1 k" {
		t.Errorf("a large black area: %q, want the rich black", got)
	}
	if got := press.Area(press.Lookup([3]uint8{0, 0, 0}), 200, 10); got != "0 0 0 1 k" {
		t.Errorf("a thin black bar: %q, want black ink only", got)
	}
}

// TestGreyK: the black ink chosen for a grey prints it at the grey's
// lightness on FOGRA39 within 2 L*, for every grey black ink alone can
// reach; darker greys are K 100 %.
func TestGreyK(t *testing.T) {
	paper := yOf(fogra39K[0][1])
	printed := func(k float64) float64 { // L* of black ink k, relative to paper, interpolated
		for i := 1; i < len(fogra39K); i++ {
			if k <= fogra39K[i][0] {
				a, b := fogra39K[i-1], fogra39K[i]
				l := a[1] + (k-a[0])/(b[0]-a[0])*(b[1]-a[1])
				return lstar(yOf(l) / paper)
			}
		}
		return lstar(yOf(16) / paper)
	}
	darkest := printed(1)
	for v := 0; v <= 255; v++ {
		k := GreyK(uint8(v))
		want := lstar(linear(float64(v) / 255))
		if want < darkest {
			if k != 1 {
				t.Errorf("grey %d (L* %.1f) darker than black ink: K %.3f, want 1", v, want, k)
			}
			continue
		}
		if got := printed(k); math.Abs(got-want) > 2 {
			t.Errorf("grey %d: K %.3f prints L* %.1f, want %.1f", v, k, got, want)
		}
	}
}

// look is the newspaper look's brand colours with the process values chosen
// for print (screen values as the theme has them): the red, the blue and
// the red's 8 % tint behind panels. Greys need none: they are black ink.
var look = []Colour{
	{RGB: [3]uint8{0xB5, 0x12, 0x1B}, CMYK: [4]float64{0, 1, 0.9, 0.2}, Given: true},
	{RGB: [3]uint8{0x1F, 0x4E, 0x9A}, CMYK: [4]float64{1, 0.7, 0, 0.1}, Given: true},
	{RGB: [3]uint8{0xF7, 0xED, 0xEE}, CMYK: [4]float64{0, 0.08, 0.05, 0}, Given: true},
}
