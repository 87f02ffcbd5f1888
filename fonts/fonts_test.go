package fonts

import (
	"bytes"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"github.com/golang/freetype/truetype"
)

func TestFaces(t *testing.T) {
	want := []struct {
		family string
		weight int
	}{{"NotoSansSC-Regular", 400}, {"NotoSansSC-Bold", 700}, {"NotoSansSC-Black", 900}}
	fs := Faces()
	if len(fs) != len(want) || fs[0] != Regular || fs[1] != Bold || fs[2] != Black {
		t.Fatalf("Faces() = %v, want Regular, Bold, Black", fs)
	}
	for i, f := range fs {
		if f.Family != want[i].family || f.Weight != want[i].weight {
			t.Errorf("face %d = %s/%d, want %s/%d", i, f.Family, f.Weight, want[i].family, want[i].weight)
		}
		if len(f.ttf) < 1<<20 || !bytes.HasPrefix(f.ttf, []byte{0, 1, 0, 0}) {
			t.Errorf("%s: embedded TTF missing or not TrueType (%d bytes)", f.Family, len(f.ttf))
		}
	}
}

func TestHas(t *testing.T) {
	tests := []struct {
		r    rune
		want bool
	}{
		{'宁', true}, {'波', true}, {'，', true}, {'。', true}, {'％', true},
		{'A', true}, {'1', true}, {'①', true}, {'⒇', true}, {'·', true},
		{'‧', true}, {'—', true}, {'…', true}, {'※', true}, {'℃', true},
		{'→', true}, {'　', true}, {'、', true}, {'「', true}, {'《', true},
		// GB2312 rarities and 通用规范汉字表 additions outside GB2312.
		{'龟', true}, {'鳖', true}, {'鼗', true}, {'齄', true}, {'亓', true},
		{'啰', true}, {'瞭', true}, {'堃', true}, {'珺', true}, {'昇', true},
		{0x20BB7, false}, // 𠮷: outside the BMP, which the embedded subsets leave out (build.sh)
		{0xE000, false},  // private use
		{0xFFFF, false}, {0, false}, {-1, false}, {0x10000, false}, {0x110000, false},
	}
	for _, f := range Faces() {
		for _, tt := range tests {
			if got := f.Has(tt.r); got != tt.want {
				t.Errorf("%s.Has(%U %q) = %v, want %v", f.Family, tt.r, tt.r, got, tt.want)
			}
		}
	}
}

// newPDF returns a fresh pt document with the faces registered in fpdf's
// own way: fpdf's metrics are an independent check of this package's.
func newPDF(t testing.TB) *fpdf.Fpdf {
	t.Helper()
	pdf := fpdf.New("P", "pt", "A4", "")
	for _, f := range Faces() {
		pdf.AddUTF8FontFromBytes(f.Family, "", bytes.Clone(f.ttf))
	}
	if pdf.Err() {
		t.Fatal(pdf.Error())
	}
	return pdf
}

// One fpdf document with all faces registered, shared by the tests that only
// measure (registration parses ~8 MB of fonts).
var sharedPDF *fpdf.Fpdf

func measuringPDF(t *testing.T) *fpdf.Fpdf {
	if sharedPDF == nil {
		sharedPDF = newPDF(t)
	}
	return sharedPDF
}

func TestWidthMatchesFpdf(t *testing.T) {
	pdf := measuringPDF(t)
	const s = "宁波 Ningbo 2024：GDP 增长 5.5％，①②③ “引号” — … ※ ℃ A-z\u200b\uE000𠮷 end"
	for _, f := range Faces() {
		for _, size := range []float64{7, 9.5, 10, 12, 18, 36} {
			pdf.SetFont(f.Family, "", size)
			want := pdf.GetStringWidth(s)
			if got := f.Width(s, size); got != want {
				t.Errorf("%s %vpt: Width = %v, fpdf GetStringWidth = %v", f.Family, size, got, want)
			}
		}
	}
	if pdf.Err() {
		t.Fatal(pdf.Error())
	}
}

// TestAdvanceMatchesFpdfBMP compares every BMP rune with fpdf's own width.
func TestAdvanceMatchesFpdfBMP(t *testing.T) {
	pdf := measuringPDF(t)
	for _, f := range Faces() {
		pdf.SetFont(f.Family, "", 1000)
		bad := 0
		for r := rune(1); r <= 0xFFFF; r++ { // U+0000: fpdf quirk, see metrics.advance
			if r >= 0xD800 && r <= 0xDFFF { // surrogates: not encodable in a string
				continue
			}
			want := float64(pdf.GetStringSymbolWidth(string(r)))
			if got := f.Advance(r); got != want && bad < 10 {
				bad++
				t.Errorf("%s.Advance(%U) = %v, fpdf %v", f.Family, r, got, want)
			}
		}
		if got, want := f.Advance(0x20BB7), float64(pdf.GetFontDesc(f.Family, "").MissingWidth); got != want {
			t.Errorf("%s.Advance(𠮷) = %v, want MissingWidth %v", f.Family, got, want)
		}
	}
}

func TestAdvanceSanity(t *testing.T) {
	for _, f := range Faces() {
		if a := f.Advance('宁'); a != 1000 {
			t.Errorf("%s: hanzi advance %v, want 1000 (full em)", f.Family, a)
		}
		if a := f.Advance('，'); a != 1000 {
			t.Errorf("%s: full-width comma advance %v, want 1000", f.Family, a)
		}
		if a := f.Advance('i'); a <= 0 || a >= 1000 {
			t.Errorf("%s: 'i' advance %v, want proportional", f.Family, a)
		}
		// Cross-check with freetype at 1000 units/em.
		tf := f.Font()
		for _, r := range "Ag宁①" {
			hm := tf.HMetric(1000, tf.Index(r))
			if float64(hm.AdvanceWidth) != f.Advance(r) {
				t.Errorf("%s %q: freetype advance %v, Advance %v", f.Family, r, hm.AdvanceWidth, f.Advance(r))
			}
		}
	}
	if Bold.Width("Weight", 10) <= Regular.Width("Weight", 10) {
		t.Error("Bold Latin should be wider than Regular")
	}
}

func TestAscentDescent(t *testing.T) {
	pdf := measuringPDF(t)
	for _, f := range Faces() {
		d := pdf.GetFontDesc(f.Family, "")
		if f.Ascent() <= 0 || f.Descent() >= 0 {
			t.Errorf("%s: ascent %v descent %v", f.Family, f.Ascent(), f.Descent())
		}
		if f.Ascent() != float64(d.Ascent) || f.Descent() != float64(d.Descent) {
			t.Errorf("%s: ascent/descent %v/%v, fpdf descriptor %d/%d", f.Family, f.Ascent(), f.Descent(), d.Ascent, d.Descent)
		}
	}
}

func TestParseBadFont(t *testing.T) {
	for name, ttf := range map[string][]byte{
		"garbage":   []byte("this is not a font at all"),
		"empty":     nil,
		"otf":       []byte("OTTO\x00\x00\x00\x00\x00\x00\x00\x00"),
		"truncated": Regular.ttf[:4096],
	} {
		if _, err := parse(ttf, 0); err == nil {
			t.Errorf("%s: parse accepted bad data", name)
		}
	}
}

// Font is one pointer per face; a CFF face (which truetype cannot read)
// stands in with the embedded Regular's, never nil and never a panic.
func TestFont(t *testing.T) {
	for _, f := range Faces() {
		tf := f.Font()
		if tf == nil || tf != f.Font() {
			t.Fatalf("%s: Font() not stable", f.Family)
		}
	}
	if Regular.Font() == Bold.Font() {
		t.Error("Regular and Bold share a truetype.Font")
	}
	cff, err := Open(smallOTF)
	if err != nil {
		t.Fatal(err)
	}
	if cff.Font() != Regular.Font() {
		t.Error("a CFF face's Font is not the embedded Regular's stand-in")
	}
}

// BenchmarkFontLoad parses the three embedded faces as a process does once:
// its tables (metrics for layout, glyphs for subsetting) and truetype for
// go-chart.
func BenchmarkFontLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		for _, f := range Faces() {
			if _, err := parse(f.ttf, 0); err != nil {
				b.Fatal(err)
			}
			if _, err := truetype.Parse(f.ttf); err != nil {
				b.Fatal(err)
			}
		}
	}
}

func BenchmarkWidth(b *testing.B) {
	const s = "宁波市 2024 年国民经济和社会发展统计公报：全年实现地区生产总值 16452.8 亿元，增长 5.5％。"
	Regular.Width(s, 10) // build the table outside the timer
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		Regular.Width(s, 10)
	}
}

// TestPreload: faces parsed in the background answer as faces parsed on
// first use, and go-chart gets the one truetype.Font per face (run with
// -race: the parse and the first use meet).
func TestPreload(t *testing.T) {
	Preload()
	for _, f := range Faces() {
		fresh, err := parse(f.ttf, 0) // what a parse on first use gives
		if err != nil {
			t.Fatal(err)
		}
		for _, r := range "宁波 2020，（《万人次》）Wi-Fi" {
			if got, want := f.Advance(r), float64(fresh.advance(r)); got != want || !f.Has(r) {
				t.Errorf("%s: %q advance %v, has %v; a fresh parse gives %v", f.Family, r, got, f.Has(r), want)
			}
		}
	}
	if tf := Regular.Font(); Regular.Font() != tf {
		t.Error("Regular's truetype.Font is not one pointer")
	}
}
