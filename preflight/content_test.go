package preflight

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/internal/hostile"
)

// TestLexer: operators with their operands, through strings with escaped
// parentheses, hex strings, arrays, dictionaries and inline image data.
func TestLexer(t *testing.T) {
	l := &lexer{b: []byte("q 2 0 0 2 10 10 cm /F1 9.5 Tf (a\\)b(c)) Tj [<4E00> -20 (x)] TJ BI /W 1 /H 1 ID \x00EI) EI <</MCID 0>> BDC /Im1 Do Q")}
	var got []string
	var ops []op
	for {
		o, ok := l.next()
		if !ok {
			break
		}
		got = append(got, o.name)
		ops = append(ops, o)
	}
	want := []string{"q", "cm", "Tf", "Tj", "TJ", "BI", "ID", "BDC", "Do", "Q"}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("operators %q, want %q", got, want)
	}
	if s := ops[3].operands[0].([]byte); string(s) != "a)b(c)" {
		t.Errorf("Tj string %q", s)
	}
	if arr := ops[4].operands[0].([]any); len(arr) != 3 || string(arr[0].([]byte)) != "\x4e\x00" {
		t.Errorf("TJ array %q", arr)
	}
	m := identity
	v, _ := nums(ops[1].operands, 6)
	m = matrix{v[0], v[1], v[2], v[3], v[4], v[5]}.mul(m)
	m = matrix{100, 0, 0, 50, 0, 0}.mul(m)
	if m != (matrix{200, 0, 0, 100, 10, 10}) {
		t.Errorf("ctm %v", m)
	}
}

// TestToUnicode: bfchar and bfrange (incremented and listed) entries; an
// overlapping later range does not override an earlier one; a code no
// range holds has no Unicode.
func TestToUnicode(t *testing.T) {
	c := parseToUnicode([]byte("1 beginbfchar <0003> <0020> endbfchar 3 beginbfrange <4E00> <4E10> <4E00> <0100> <0102> [<0041> <FFFD> <0043>] <0000> <FFFF> <0030> endbfrange"))
	codes := []uint16{3, 0x100, 0x101, 0x4E05, 0x5000}
	want := []uint32{0x20, 0x41, 0xFFFD, 0x4E05, 0x5030}
	got := c.resolve(codes)
	if !reflect.DeepEqual(got, want) {
		t.Errorf("resolve %X, want %X", got, want)
	}
	c = parseToUnicode([]byte("1 beginbfchar <0003> <0020> endbfchar"))
	if got := c.resolve([]uint16{3, 4}); got[0] != 0x20 || got[1] != noUnicode {
		t.Errorf("resolve %X: 4 should not map", got)
	}
}

// TestToUnicodeOverlaps: a million ranges over all codes cost a million
// steps, not a million times the codes (bounded by what it allocates: one
// result and one index, whatever the ranges).
func TestToUnicodeOverlaps(t *testing.T) {
	c := &toUnicode{ranges: make([]cmapRange, 1_000_000)}
	for i := range c.ranges {
		c.ranges[i] = cmapRange{lo: 0, hi: 0xFFFF, dst: []byte{0, byte(0x41 + i%2)}}
	}
	codes := make([]uint16, 0x10000)
	for i := range codes {
		codes[i] = uint16(i)
	}
	var got []uint32
	allocs := testing.AllocsPerRun(1, func() { got = c.resolve(codes) })
	if got[0x42] != 0x41+0x42 || allocs > 4 {
		t.Errorf("code 42 → %X (the first range decides), %v allocations", got[0x42], allocs)
	}
}

// TestLongCMapBlock: a bfrange block of 1,000 entries (more than the
// operands kept) still maps its last entries: operands are dropped in
// whole pairs and triples.
func TestLongCMapBlock(t *testing.T) {
	var b strings.Builder
	b.WriteString("1000 beginbfrange\n")
	for i := range 1000 {
		fmt.Fprintf(&b, "<%04X> <%04X> <%04X>\n", i, i, 0x4E00+i)
	}
	b.WriteString("endbfrange")
	got := parseToUnicode([]byte(b.String())).resolve([]uint16{999})
	if got[0] != 0x4E00+999 {
		t.Errorf("code 999 → %X", got[0])
	}
}

// TestSelfReferences: objects that refer to themselves end: an Indexed
// colour space based on itself, a form that draws itself.
func TestSelfReferences(t *testing.T) {
	pdf := hostile.PDF("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /MediaBox [0 0 100 100] /Resources << /XObject << /F 5 0 R /I 6 0 R >> /ColorSpace << /C 7 0 R >> >> /Contents 4 0 R >>",
		hostile.Stream("", []byte("/C cs q 10 0 0 10 0 0 cm /I Do Q /F Do"), false),
		hostile.Stream("/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /F 5 0 R >> >>", []byte("/F Do /F Do"), false),
		hostile.Stream("/Type /XObject /Subtype /Image /Width 1 /Height 1 /BitsPerComponent 8 /ColorSpace 7 0 R", []byte{0}, false),
		"[/Indexed 7 0 R 0 <00>]")
	rep, err := Check(pdf, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Images) != 1 || !strings.HasPrefix(rep.Images[0].ColourSpace, "Indexed") || len(rep.Unchecked) == 0 {
		t.Errorf("images %+v, unchecked %v", rep.Images, rep.Unchecked)
	}
}
