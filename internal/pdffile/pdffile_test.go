package pdffile

import (
	"bytes"
	"compress/zlib"
	"io"
	"slices"
	"strconv"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
)

func fpdfOutput(t *testing.T) []byte {
	t.Helper()
	pdf := fpdf.New("P", "pt", "A4", "")
	pdf.SetCatalogSort(true)
	pdf.SetTitle("标题", true)
	for range 3 {
		pdf.AddPage()
		pdf.Rect(10, 10, 100, 100, "F")
	}
	var b bytes.Buffer
	if err := pdf.Output(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func validate(t *testing.T, b []byte) {
	t.Helper()
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationStrict
	if err := api.Validate(bytes.NewReader(b), conf); err != nil {
		t.Errorf("pdfcpu: %v", err)
	}
}

// Parse then Bytes gives fpdf's file back, object for object.
func TestRoundTrip(t *testing.T) {
	in := fpdfOutput(t)
	f, err := Parse(in)
	if err != nil {
		t.Fatal(err)
	}
	if f.Root == 0 || f.Info == 0 || f.Root == f.Info {
		t.Errorf("root %d info %d", f.Root, f.Info)
	}
	out := f.Bytes()
	if !bytes.Equal(out, in) {
		t.Errorf("round trip changed the file (%d → %d bytes)", len(in), len(out))
	}
	validate(t, out)
}

// Objects added (and filled in later) are written with their xref entries;
// the ID is a hash of the body, the same for the same file.
func TestAddAndID(t *testing.T) {
	f, err := Parse(fpdfOutput(t))
	if err != nil {
		t.Fatal(err)
	}
	n := f.Add(nil)
	m := f.Add(Stream(" /Type /EmbeddedFile", []byte(strings.Repeat("宁波 ", 200)), true))
	f.Objects[n] = []byte("<</Type /Filespec /F (a.txt) /EF <</F " + strconv.Itoa(m) + " 0 R>>>>\n")
	f.ID = true
	out := f.Bytes()
	validate(t, out)
	g, err := Parse(out)
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Objects) != n+2 || !bytes.HasPrefix(g.Objects[n], []byte("<</Type /Filespec")) {
		t.Fatalf("added objects not read back: %d objects", len(g.Objects))
	}
	s := g.Objects[m]
	data := s[bytes.Index(s, []byte("stream\n"))+7 : bytes.LastIndex(s, []byte("\nendstream"))]
	r, err := zlib.NewReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	if plain, _ := io.ReadAll(r); string(plain) != strings.Repeat("宁波 ", 200) {
		t.Error("the stream does not inflate to its data")
	}
	g.ID = true
	if !bytes.Contains(out, []byte("/ID [<")) || !bytes.Equal(out, g.Bytes()) {
		t.Error("ID missing or not stable")
	}
}

func TestParseRejects(t *testing.T) {
	good := fpdfOutput(t)
	xref := bytes.Index(good, []byte("\nxref\n")) + 1
	for name, b := range map[string][]byte{
		"empty":        nil,
		"no startxref": bytes.ReplaceAll(good, []byte("startxref"), []byte("startxrex")),
		"bad offset":   append(good[:len(good)-12:len(good)-12], []byte("\n99\n%%EOF\n")...),
		"moved object": append(append(append([]byte{}, good[:xref-20]...), ' '), good[xref-20:]...),
	} {
		if f, err := Parse(b); err == nil {
			t.Errorf("%s: Parse accepted it: %d objects", name, len(f.Objects))
		}
	}
}

// Compact output (object and xref streams) is a valid PDF 1.5 with the
// same pages and metadata, and smaller.
func TestCompact(t *testing.T) {
	in := fpdfOutput(t)
	f, err := Parse(in)
	if err != nil {
		t.Fatal(err)
	}
	f.Compact, f.ID = true, true
	out := f.Bytes()
	if !bytes.HasPrefix(out, []byte("%PDF-1.5")) || bytes.Contains(out, []byte("\nxref\n")) || !bytes.Contains(out, []byte("/Type /ObjStm")) {
		t.Errorf("not a compact PDF 1.5:\n%.200q", out)
	}
	if len(out) >= len(in) {
		t.Errorf("compact %d bytes, plain %d", len(out), len(in))
	}
	validate(t, out)
	info, err := api.PDFInfo(bytes.NewReader(out), "a.pdf", nil, false, model.NewDefaultConfiguration())
	if err != nil {
		t.Fatal(err)
	}
	if info.PageCount != 3 || info.Title != "标题" || info.Version != "1.5" {
		t.Errorf("%d pages, title %q, version %s", info.PageCount, info.Title, info.Version)
	}
	if !bytes.Equal(out, f.Bytes()) {
		t.Error("two writes differ")
	}
}

// Pages finds fpdf's pages in order; a file without a page tree, or with
// a Kids entry that is not a reference, is an error.
func TestPages(t *testing.T) {
	f, err := Parse(fpdfOutput(t))
	if err != nil {
		t.Fatal(err)
	}
	pages, err := f.Pages()
	if err != nil || len(pages) != 3 {
		t.Fatalf("pages %v, %v; want 3", pages, err)
	}
	for i, n := range pages {
		if !bytes.HasPrefix(f.Objects[n], []byte("<</Type /Page\n")) || i > 0 && n <= pages[i-1] {
			t.Errorf("page %d is object %d: %q", i+1, n, f.Objects[n])
		}
	}
	for _, kids := range []string{"", "/Kids [3 0 X]", "/Kids [99 0 R]"} {
		g := *f
		g.Objects = slices.Clone(f.Objects)
		for n, o := range g.Objects {
			if bytes.HasPrefix(o, []byte("<</Type /Pages\n")) {
				g.Objects[n] = []byte("<</Type /Pages\n" + kids + ">>\n")
			}
		}
		if p, err := g.Pages(); err == nil {
			t.Errorf("Kids %q: pages %v, want an error", kids, p)
		}
	}
}

// Ref follows "/Key N 0 R" in a dictionary: every page of fpdf's file
// names the one resource dictionary and its own content stream, and a
// key that is missing or not a reference is an error naming it.
func TestRef(t *testing.T) {
	f, err := Parse(fpdfOutput(t))
	if err != nil {
		t.Fatal(err)
	}
	pages, err := f.Pages()
	if err != nil {
		t.Fatal(err)
	}
	res, err := f.Ref(pages[0], "/Resources")
	if err != nil || !bytes.Contains(f.Objects[res], []byte("/ProcSet [")) {
		t.Fatalf("/Resources of page 1: object %d (%v): %q", res, err, f.Objects[res])
	}
	seen := map[int]bool{}
	for i, p := range pages {
		if r, err := f.Ref(p, "/Resources"); r != res || err != nil {
			t.Errorf("page %d: /Resources %d (%v), want %d", i+1, r, err, res)
		}
		c, err := f.Ref(p, "/Contents")
		if err != nil || !isStream(f.Objects[c]) || seen[c] {
			t.Errorf("page %d: /Contents %d (%v) is not a stream of its own", i+1, c, err)
		}
		seen[c] = true
	}
	n := f.Add([]byte("<</A 7 0 R /B /Name /C 3 0 obj /D 99999 0 R>>\n"))
	for _, tc := range []struct {
		key, want string
	}{
		{"/A", ""},
		{"/B", "/B is not a reference"},
		{"/C", "/C is not a reference"},
		{"/D", `bad /D "99999"`},
		{"/E", "has no /E"},
	} {
		_, err := f.Ref(n, tc.key)
		if tc.want == "" && err != nil || tc.want != "" && (err == nil || !strings.Contains(err.Error(), tc.want)) {
			t.Errorf("Ref(%s): %v, want %q", tc.key, err, tc.want)
		}
	}
}

// TestText: PDF text strings are ASCII as they are, anything else
// UTF-16BE with its byte order mark, escaped; a carriage return is
// written as \r (a reader would take it for a line end).
func TestText(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"abc", "(abc)"},
		{`a(b)\c`, `(a\(b\)\\c)`},
		{"a\rb\nc", "(a\\rb\nc)"},
		{"图", "(\xfe\xff\x56\xfe)"},
		{"\u2829", "(\xfe\xff\\(\\))"}, // both bytes of U+2829 are parentheses
	} {
		if got := Text(tc.in); got != tc.want {
			t.Errorf("Text(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// Insert puts entries before a dictionary's closing >>; InsertIn at the
// head of a sub-dictionary, or as a new one when there is none.
func TestInsert(t *testing.T) {
	f := &File{Objects: [][]byte{nil}}
	n := f.Add([]byte("<<\n/ProcSet [/PDF]\n/Font <<\n/F1 3 0 R\n>>\n>>\n"))
	f.InsertIn(n, "/Font", "/F2 4 0 R\n")
	f.InsertIn(n, "/ExtGState", "/GS1 5 0 R\n")
	f.Insert(n, "/Extra true\n")
	want := "<<\n/ProcSet [/PDF]\n/Font <<\n/F2 4 0 R\n/F1 3 0 R\n>>\n/ExtGState <<\n/GS1 5 0 R\n>>\n/Extra true\n>>\n"
	if got := string(f.Objects[n]); got != want {
		t.Errorf("got %q\nwant %q", got, want)
	}
}

// AtLeast raises the header's version, never lowers it.
func TestAtLeast(t *testing.T) {
	for _, tc := range []struct{ header, v, want string }{
		{"%PDF-1.3\n", "1.6", "%PDF-1.6\n"},
		{"%PDF-1.7\n", "1.6", "%PDF-1.7\n"},
		{"%PDF-1.6\n", "1.6", "%PDF-1.6\n"},
	} {
		f := &File{Header: []byte(tc.header)}
		if f.AtLeast(tc.v); string(f.Header) != tc.want {
			t.Errorf("%q at least %s: %q, want %q", tc.header, tc.v, f.Header, tc.want)
		}
	}
}
