package fonts

import (
	"bytes"
	"encoding/binary"
	"slices"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"github.com/golang/freetype/truetype"
)

func TestSubset(t *testing.T) {
	text := "宁波公安这一年，3079.3万人次（证明）“窗口”Wi-Fi ①"
	for _, f := range Faces() {
		sub, err := f.Subset([]rune(text + "𠮷\uE000")) // runes the face lacks are left out
		if err != nil {
			t.Fatal(err)
		}
		if len(sub) > 60_000 {
			t.Errorf("%s: subset of %d runes is %d bytes", f.Family, len([]rune(text)), len(sub))
		}
		checkSums(t, f.Family, sub)
		// our parser and golang/freetype read it, with the same widths
		m, err := parse(sub, 0)
		if err != nil {
			t.Fatalf("%s: subset does not parse: %v", f.Family, err)
		}
		tf, err := truetype.Parse(sub)
		if err != nil {
			t.Fatalf("%s: freetype: %v", f.Family, err)
		}
		for _, r := range text {
			if r == ' ' {
				continue
			}
			if m.has[r>>6]&(1<<(uint(r)&63)) == 0 || tf.Index(r) == 0 {
				t.Errorf("%s: %q missing from the subset", f.Family, r)
			}
			if got, want := m.advance(r), int(f.Advance(r)); got != want {
				t.Errorf("%s: %q advance %d, want %d", f.Family, r, got, want)
			}
		}
		if m.has['宇'>>6]&(1<<(uint('宇')&63)) != 0 {
			t.Errorf("%s: the subset has a rune it was not asked for", f.Family)
		}
		// fpdf takes it and writes a PDF
		pdf := fpdf.New("P", "pt", "A4", "")
		pdf.AddUTF8FontFromBytes("sub", "", sub)
		pdf.AddPage()
		pdf.SetFont("sub", "", 12)
		pdf.Text(40, 40, text)
		var out bytes.Buffer
		if err := pdf.Output(&out); err != nil {
			t.Fatalf("%s: fpdf: %v", f.Family, err)
		}
	}
	// the same runes give the same bytes
	a, _ := Regular.Subset([]rune("宁波"))
	b, _ := Regular.Subset([]rune("波宁波"))
	if !bytes.Equal(a, b) {
		t.Error("Subset depends on the order of its input")
	}
}

// checkSums: each table's record holds its checksum, and the whole file
// sums to 0xB1B0AFBA (OpenType's head.checkSumAdjustment), computed here
// the slow, obvious way.
func checkSums(t *testing.T, name string, font []byte) {
	t.Helper()
	sum := func(b []byte) uint32 {
		b = append(slices.Clone(b), 0, 0, 0)
		var s uint32
		for i := 0; i+4 <= len(b); i += 4 {
			s += uint32(b[i])<<24 | uint32(b[i+1])<<16 | uint32(b[i+2])<<8 | uint32(b[i+3])
		}
		return s
	}
	be := binary.BigEndian
	for i := range int(be.Uint16(font[4:])) {
		rec := font[12+16*i:]
		tag, off, n := string(rec[:4]), be.Uint32(rec[8:]), be.Uint32(rec[12:])
		want := sum(font[off : off+n])
		if tag == "head" {
			want -= be.Uint32(font[off+8:]) // counted as 0
		}
		if got := be.Uint32(rec[4:]); got != want {
			t.Errorf("%s: %s checksum %08x, want %08x", name, tag, got, want)
		}
	}
	if s := sum(font); s != 0xB1B0AFBA {
		t.Errorf("%s: the file sums to %08x, want B1B0AFBA", name, s)
	}
}

func BenchmarkSubset(b *testing.B) {
	var rs []rune
	for r := rune(0x4E00); len(rs) < 700; r += 7 {
		if Regular.Has(r) {
			rs = append(rs, r)
		}
	}
	Regular.Subset(rs) // tables parsed once per process
	b.ResetTimer()
	for range b.N {
		Regular.Subset(rs)
	}
}
