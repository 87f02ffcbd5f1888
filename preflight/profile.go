package preflight

import (
	"encoding/binary"
	"math"
)

// profile converts colours to the press's inks the way a RIP does with a
// PDF/X file's output intent: through the CMYK profile's Lab → CMYK table
// (B2A1, relative colorimetric, PDF's default rendering intent; B2A0 when
// it has none). It reads the lut8 and lut16 tables of ICC v2 profiles with
// a Lab connection space, which press profiles are; other profiles are
// not read (RGB ink is then not measured, and preflight says so).
//
// Why by hand: a colour-management module for Go would be lcms through
// cgo (the build is static, without cgo); evaluating one table is a few
// dozen lines.
type profile struct {
	in, out, grid int
	inCurve       [][]float64 // per input channel, values 0–1
	clut          []float64   // grid^in × out, 0–1
	outCurve      [][]float64
	lab16         bool // the table's Lab encoding: 16-bit (mft2) or 8-bit
}

// parseProfile reads a CMYK output profile's Lab → CMYK table; nil when
// it has none preflight can read.
func parseProfile(icc []byte) *profile {
	if len(icc) < 132 || string(icc[36:40]) != "acsp" || string(icc[16:20]) != "CMYK" || string(icc[20:24]) != "Lab " {
		return nil
	}
	n := int(binary.BigEndian.Uint32(icc[128:]))
	tags := map[string][]byte{}
	for i := 0; i < n && i < 100 && 132+12*i+12 <= len(icc); i++ {
		e := icc[132+12*i:]
		off, size := int(binary.BigEndian.Uint32(e[4:])), int(binary.BigEndian.Uint32(e[8:]))
		if off >= 0 && size > 0 && off <= len(icc) && size <= len(icc)-off {
			tags[string(e[:4])] = icc[off : off+size]
		}
	}
	for _, sig := range []string{"B2A1", "B2A0"} {
		if p := parseLut(tags[sig]); p != nil {
			return p
		}
	}
	return nil
}

// parseLut reads an mft1 (8-bit) or mft2 (16-bit) table of 3 inputs and 4
// outputs.
func parseLut(b []byte) *profile {
	if len(b) < 52 {
		return nil
	}
	p := &profile{in: int(b[8]), out: int(b[9]), grid: int(b[10])}
	if p.in != 3 || p.out != 4 || p.grid < 2 || p.grid > 64 {
		return nil
	}
	var read func(b []byte, i int) float64
	var width, n, m, at int
	switch string(b[:4]) {
	case "mft1":
		width, n, m, at = 1, 256, 256, 48
		read = func(b []byte, i int) float64 { return float64(b[i]) / 255 }
	case "mft2":
		width, n, m, at = 2, int(binary.BigEndian.Uint16(b[48:])), int(binary.BigEndian.Uint16(b[50:])), 52
		read = func(b []byte, i int) float64 { return float64(binary.BigEndian.Uint16(b[2*i:])) / 65535 }
	default:
		return nil
	}
	cells := p.grid * p.grid * p.grid * p.out
	if n < 2 || m < 2 || len(b) < at+width*(p.in*n+cells+p.out*m) {
		return nil
	}
	table := func(count, size int) [][]float64 {
		t := make([][]float64, count)
		for c := range t {
			t[c] = make([]float64, size)
			for i := range t[c] {
				t[c][i] = read(b[at:], c*size+i)
			}
		}
		at += width * count * size
		return t
	}
	p.inCurve = table(p.in, n)
	p.clut = table(1, cells)[0]
	p.outCurve = table(p.out, m)
	p.lab16 = width == 2
	return p
}

// curve interpolates t (0–1) in table c.
func curve(c []float64, t float64) float64 {
	x := min(max(t, 0), 1) * float64(len(c)-1)
	i := min(int(x), len(c)-2)
	f := x - float64(i)
	return c[i]*(1-f) + c[i+1]*f
}

// cmyk converts Lab (D50) to the press's inks, each 0–1.
func (p *profile) cmyk(l, a, b float64) [4]float64 {
	var x [3]float64
	if p.lab16 { // the v2 16-bit encoding: L 0–100 → 0–0xFF00, a and b −128–128 → 0–0xFFFF
		x = [3]float64{l * 652.80 / 65535, (a + 128) * 256 / 65535, (b + 128) * 256 / 65535}
	} else {
		x = [3]float64{l / 100, (a + 128) / 255, (b + 128) / 255}
	}
	var g [3]float64
	for i := range x {
		g[i] = curve(p.inCurve[i], x[i]) * float64(p.grid-1)
	}
	// trilinear interpolation in the grid
	var base [3]int
	var frac [3]float64
	for i := range g {
		base[i] = min(int(g[i]), p.grid-2)
		frac[i] = g[i] - float64(base[i])
	}
	var out [4]float64
	for corner := range 8 {
		w := 1.0
		idx := 0
		for i := range 3 {
			bit := corner >> (2 - i) & 1
			if bit == 1 {
				w *= frac[i]
			} else {
				w *= 1 - frac[i]
			}
			idx = idx*p.grid + base[i] + bit
		}
		if w == 0 {
			continue
		}
		for c := range 4 {
			out[c] += w * p.clut[idx*p.out+c]
		}
	}
	for c := range out {
		out[c] = curve(p.outCurve[c], out[c])
	}
	return out
}

// sRGB is an sRGB colour (components 0–1) in CIE Lab under D50, the ICC
// connection space.
func sRGB(r, g, b float64) (float64, float64, float64) {
	lin := func(c float64) float64 {
		if c <= 0.04045 {
			return c / 12.92
		}
		return math.Pow((c+0.055)/1.055, 2.4)
	}
	r, g, b = lin(r), lin(g), lin(b)
	// sRGB to XYZ, Bradford-adapted to D50 (the ICC's sRGB profile matrix)
	x := 0.4360747*r + 0.3850649*g + 0.1430804*b
	y := 0.2225045*r + 0.7168786*g + 0.0606169*b
	z := 0.0139322*r + 0.0971045*g + 0.7141733*b
	f := func(t float64) float64 {
		if t > 216.0/24389 {
			return math.Cbrt(t)
		}
		return (24389.0/27*t + 16) / 116
	}
	fx, fy, fz := f(x/0.9642), f(y), f(z/0.8249)
	return 116*fy - 16, 500 * (fx - fy), 200 * (fy - fz)
}

// rgbInk is the press's inks for an sRGB colour.
func (p *profile) rgbInk(r, g, b float64) [4]float64 { return p.cmyk(sRGB(r, g, b)) }
