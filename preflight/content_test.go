package preflight

import (
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

func TestToUnicode(t *testing.T) {
	c := parseToUnicode([]byte("1 beginbfchar <0003> <0020> endbfchar 2 beginbfrange <4E00> <4E10> <4E00> <0100> <0102> [<0041> <FFFD> <0043>] endbfrange"))
	for code, want := range map[uint32]uint32{3: 0x20, 0x4E05: 0x4E05, 0x100: 0x41, 0x101: 0xFFFD} {
		if u, ok := c.lookup(code); !ok || u != want {
			t.Errorf("%04X → %04X %v, want %04X", code, u, ok, want)
		}
	}
	if _, ok := c.lookup(0x5000); ok {
		t.Errorf("5000 should not map")
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
