package fonts

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"github.com/brochure-dev/brochure/internal/pdftest"
)

func TestOpen(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, b, 0o644)
		return p
	}
	tests := []struct {
		name string
		data []byte
		want string // error substring; "" for success
	}{
		{"fallback.ttf", nil, ""},
		{"c.ttc", append([]byte("ttcf"), make([]byte, 64)...), "collection's header is damaged"},
		{"c.otf", append([]byte("OTTO"), make([]byte, 64)...), "damaged or cut short (missing head table)"},
		{"w.woff", append([]byte("wOFF"), make([]byte, 64)...), "web font"},
		{"w.woff2", append([]byte("wOF2"), make([]byte, 64)...), "web font"},
		{"t1.pfa", []byte("%!PS-AdobeFont-1.0"), "Type 1"},
		{"notes.txt", []byte("hello, world"), "not a font"},
		{"empty.ttf", nil, "empty"},
		{"truncated.ttf", nil, "not a usable font"},
	}
	good, err := os.ReadFile("testdata/fallback.ttf")
	if err != nil {
		t.Fatal(err)
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := tt.data
			switch tt.name {
			case "fallback.ttf":
				data = good
			case "truncated.ttf":
				data = good[:200]
			}
			f, err := Open(write(tt.name, data))
			if tt.want == "" {
				if err != nil {
					t.Fatal(err)
				}
				if !f.Has(0xE000) || !f.Has(0x2E80) || f.Has('宁') {
					t.Error("coverage of the test font is wrong")
				}
				return
			}
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Open(%s) = %v, want an error mentioning %q", tt.name, err, tt.want)
			}
		})
	}
	if _, err := Open(filepath.Join(dir, "missing.ttf")); !os.IsNotExist(err) {
		t.Errorf("missing file: %v", err)
	}
}

// A face the user supplies is embedded like the built-in ones.
func TestOpenEmbed(t *testing.T) {
	f, err := Open("testdata/fallback.ttf")
	if err != nil {
		t.Fatal(err)
	}
	pdf := fpdf.New("P", "pt", "A4", "")
	pdf.AddPage()
	e := NewEmbedding(pdf, nil)
	e.Text(Regular, 12, [3]uint8{}, 0, 50, 50, "宁波")
	e.Text(f, 12, [3]uint8{}, 0, 80, 50, "\uE000\u2E80")
	b, err := e.Output()
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(pdftest.Inflate(b), []byte("+"+f.Family+" /Encoding")) {
		t.Error("the fallback face is not in the PDF")
	}
	pdftest.Validate(t, b)
}
