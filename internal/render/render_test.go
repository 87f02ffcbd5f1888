package render

import (
	"bytes"
	"image/png"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/internal/hostile"
)

// TestPages: pages render at the dpi asked for (an A5 page, 420×595 pt,
// at 72 dpi is 420×595 pixels) with the page's ink where it was drawn,
// pages past the end are left out, and the text reads back.
func TestPages(t *testing.T) {
	pdf := hostile.PDF(
		"<</Type /Catalog /Pages 2 0 R>>",
		"<</Type /Pages /Kids [3 0 R] /Count 1>>",
		"<</Type /Page /Parent 2 0 R /MediaBox [0 0 420 595] /Contents 4 0 R /Resources <</Font <</F1 5 0 R>>>>>>",
		hostile.Stream("", []byte("0 0 1 rg 0 0 100 100 re f BT /F1 12 Tf 200 300 Td (Proof) Tj ET"), false),
		"<</Type /Font /Subtype /Type1 /BaseFont /Helvetica>>",
	)
	var r Renderer
	sizes, pngs, err := r.Pages(pdf, []int{0, 3}, 72)
	if err != nil {
		t.Fatal(err)
	}
	if len(sizes) != 1 || sizes[0] != (Size{420, 595}) || len(pngs) != 1 {
		t.Fatalf("sizes %v, %d pages rendered", sizes, len(pngs))
	}
	img, err := png.Decode(bytes.NewReader(pngs[0]))
	if err != nil {
		t.Fatal(err)
	}
	if b := img.Bounds(); b.Dx() != 420 || b.Dy() != 595 {
		t.Errorf("page rendered %v, want 420×595", b)
	}
	if r, g, b, _ := img.At(50, 545).RGBA(); r > 0x1000 || g > 0x1000 || b < 0xf000 {
		t.Errorf("the blue square's middle is %x %x %x", r, g, b)
	}
	if r, g, b, _ := img.At(300, 100).RGBA(); r < 0xf000 || g < 0xf000 || b < 0xf000 {
		t.Errorf("blank paper is %x %x %x", r, g, b)
	}
	text, err := r.Text(pdf, 0)
	if err != nil || !strings.Contains(text, "Proof") {
		t.Errorf("text %q, %v", text, err)
	}
}
