package fonts

import (
	"bytes"
	"crypto/sha256"
	"math"
	"strings"
	"sync"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"github.com/golang/freetype/truetype"
	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"

	"github.com/brochure-dev/brochure/internal/pdftest"
)

// drawn is what a test drew: the strings, each at its place.
type drawn struct {
	face    *Face
	size    float64
	spacing float64
	x, y    float64
	s       string
}

func embedPDF(t testing.TB, items []drawn) []byte {
	t.Helper()
	pdf := fpdf.New("P", "pt", "A4", "")
	pdf.SetCatalogSort(true)
	pdf.AddPage()
	e := NewEmbedding(pdf, nil)
	for _, d := range items {
		e.Text(d.face, d.size, [3]uint8{0x22, 0x33, 0x44}, d.spacing, d.x, d.y, d.s)
	}
	b, err := e.Output()
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// wide is more than 256 distinct characters, so the CIDs run past one
// byte and through the codes a PDF string must escape: ( ) \ and CR.
func wide() string {
	var b strings.Builder
	for r := rune(0x4E00); b.Len() < 3*300; r++ {
		if Regular.Has(r) && Bold.Has(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// Text drawn through an Embedding reads back, character by character, from
// PDFium: the same text, in the face's subset, embedded, each glyph where
// the advances (and the character spacing) put it.
func TestEmbeddingText(t *testing.T) {
	lines := []drawn{
		{Regular, 12, 0, 40, 60, "宁波公安这一年，3079.3万人次（证明）“窗口”Wi-Fi ①"},
		{Bold, 10, 0.5, 40, 90, "政治建警铸牢忠诚警魂 (ABC) \\ back"},
		{Black, 30, 0, 40, 140, "1006项"},
	}
	w := []rune(wide())
	for i := 0; i < len(w); i += 40 {
		lines = append(lines, drawn{Regular, 9, 0, 40, 160 + float64(i/40)*12, string(w[i:min(i+40, len(w))])})
	}
	doc := pdftest.Open(t, embedPDF(t, lines))
	var chars []pdftest.Char
	for _, c := range doc.Pages[0].Chars {
		if !c.Generated {
			chars = append(chars, c)
		}
	}
	h := doc.Pages[0].Height
	k := 0
	for _, l := range lines {
		x := l.x
		for _, r := range l.s {
			if k >= len(chars) {
				t.Fatalf("PDFium reads %d characters, fewer than drawn", len(chars))
			}
			c := chars[k]
			k++
			if c.R != r {
				t.Fatalf("character %d reads %q, drew %q (line %q)", k, c.R, r, l.s)
			}
			if !strings.HasSuffix(c.Font, "+"+l.face.Family) || len(c.Font) != 7+len(l.face.Family) || !c.Embedded {
				t.Errorf("%q: font %q (embedded %v), want a subset of %s", r, c.Font, c.Embedded, l.face.Family)
			}
			if math.Abs(c.Origin[0]-x) > 0.02 || math.Abs(c.Origin[1]-(h-l.y)) > 0.02 {
				t.Errorf("%q at (%.2f, %.2f), want (%.2f, %.2f)", r, c.Origin[0], c.Origin[1], x, h-l.y)
			}
			// the glyph is the face's glyph for r: its ink box is where
			// the face's outline puts it
			if b, ok := inkBox(l.face, r, l.size); ok {
				got := [4]float64{c.Box.Left - x, c.Box.Bottom - (h - l.y), c.Box.Right - x, c.Box.Top - (h - l.y)}
				for i := range b {
					if math.Abs(got[i]-b[i]) > 0.05*l.size {
						t.Errorf("%q in %s: ink box %.2f, the face's outline %.2f", r, l.face.Family, got, b)
						break
					}
				}
			}
			x += l.face.Width(string(r), l.size) + l.spacing
		}
	}
	if k != len(chars) {
		t.Errorf("PDFium reads %d characters, drew %d", len(chars), k)
	}
}

// Same text, same bytes; and the embedded fonts are not written into.
func TestEmbeddingDeterministic(t *testing.T) {
	sum := sha256.Sum256(Regular.ttf)
	items := []drawn{{Regular, 12, 0, 50, 50, "宁波公安这一年，3079.3万人次"}, {Bold, 12, 0, 50, 80, wide()}}
	a, b := embedPDF(t, items), embedPDF(t, items)
	if !bytes.Equal(a, b) {
		t.Error("two identical documents differ")
	}
	if sha256.Sum256(Regular.ttf) != sum {
		t.Error("the embedded Regular face changed while writing a PDF")
	}
	pdftest.Validate(t, a)
}

// A character the face cannot draw is an error, never an empty box.
func TestEmbeddingMissingGlyph(t *testing.T) {
	pdf := fpdf.New("P", "pt", "A4", "")
	pdf.AddPage()
	e := NewEmbedding(pdf, nil)
	e.Text(Regular, 12, [3]uint8{}, 0, 50, 50, "宁波\uE000")
	_, err := e.Output()
	if err == nil || !strings.Contains(err.Error(), "U+E000") || !strings.Contains(err.Error(), Regular.Family) {
		t.Errorf("err = %v, want the face and U+E000 named", err)
	}
}

// Only the faces that drew something are embedded, each cut to what it
// drew: Black drawing figures only is a few glyphs.
func TestEmbeddingFaces(t *testing.T) {
	b := embedPDF(t, []drawn{{Regular, 12, 0, 50, 50, "宁波"}, {Black, 12, 0, 50, 80, "2020"}})
	dicts := pdftest.Inflate(b)
	if n := bytes.Count(dicts, []byte("/Subtype /Type0")); n != 2 {
		t.Errorf("%d fonts, want 2", n)
	}
	if bytes.Contains(dicts, []byte("NotoSansSC-Bold")) {
		t.Error("Bold drew nothing but is embedded")
	}
	if len(b) > 12_000 {
		t.Errorf("%d bytes for five characters", len(b))
	}
}

func BenchmarkEmbed(b *testing.B) {
	w := wide()
	items := []drawn{{Regular, 9, 0, 40, 60, w + w}, {Bold, 12, 0, 40, 90, w[:300]}, {Black, 30, 0, 40, 140, "0123456789%"}}
	embedPDF(b, items)
	b.ResetTimer()
	for range b.N {
		embedPDF(b, items)
	}
}

// inkBox is the bounding box of r's outline in f at size, relative to the
// glyph origin, y up: left, bottom, right, top (false for an empty glyph).
func inkBox(f *Face, r rune, size float64) ([4]float64, bool) {
	tf := f.Font()
	upem := tf.FUnitsPerEm()
	var gb truetype.GlyphBuf
	if err := gb.Load(tf, fixed.I(int(upem)), tf.Index(r), font.HintingNone); err != nil || len(gb.Points) == 0 {
		return [4]float64{}, false
	}
	k := size / float64(upem) / 64
	b := gb.Bounds
	return [4]float64{float64(b.Min.X) * k, float64(b.Min.Y) * k, float64(b.Max.X) * k, float64(b.Max.Y) * k}, true
}

// counting is a Cache that counts what it is asked (from the goroutines
// of Embedding.Done, hence the lock).
type counting struct {
	memory
	mu               sync.Mutex
	gets, hits, puts int
}

func (c *counting) Get(k [32]byte) ([]byte, bool) {
	z, ok := c.memory.Get(k)
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gets++
	if ok {
		c.hits++
	}
	return z, ok
}

func (c *counting) Put(k [32]byte, z []byte) {
	c.mu.Lock()
	c.puts++
	c.mu.Unlock()
	c.memory.Put(k, z)
}

// The second document drawing the same characters takes its compressed
// fonts from Programs, and the PDF is the same bytes as without a cache.
func TestProgramCache(t *testing.T) {
	defer func(c Cache) { Programs = c }(Programs)
	items := []drawn{{Regular, 12, 0, 50, 50, "宁波公安这一年"}, {Bold, 12, 0, 50, 80, "3079.3万人次"}}
	Programs = nil
	plain := embedPDF(t, items)
	c := &counting{}
	Programs = c
	first := embedPDF(t, items)
	if c.gets != 2 || c.hits != 0 || c.puts != 2 {
		t.Errorf("first document: %d gets, %d hits, %d puts; want 2, 0, 2", c.gets, c.hits, c.puts)
	}
	second := embedPDF(t, items)
	if c.hits != 2 || c.puts != 2 {
		t.Errorf("second document: %d hits, %d puts; want 2, 2", c.hits, c.puts)
	}
	if !bytes.Equal(plain, first) || !bytes.Equal(first, second) {
		t.Error("the cache changed the PDF")
	}
	// a different alphabet is a different program
	embedPDF(t, []drawn{{Regular, 12, 0, 50, 50, "宁波"}})
	if c.puts != 3 {
		t.Errorf("%d puts after a new alphabet, want 3", c.puts)
	}
	// the memory cache keeps the last 16
	m := &memory{}
	for i := range 20 {
		m.Put([32]byte{byte(i)}, []byte{byte(i)})
	}
	if _, ok := m.Get([32]byte{3}); ok {
		t.Error("the memory cache kept more than 16 programs")
	}
	if z, ok := m.Get([32]byte{19}); !ok || z[0] != 19 {
		t.Error("the memory cache lost the last program")
	}
}
