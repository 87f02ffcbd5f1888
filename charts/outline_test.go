package charts

import (
	"bytes"
	"image"
	"testing"

	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/internal/pdftest"
)

// A chart exported as PNG in a CFF face (Noto Sans CJK HK, from a
// collection) draws that face's glyphs, as its PDF does, not the embedded
// Noto Sans SC's: the PNG matches the PDF's picture and differs from the
// same chart drawn in Noto Sans SC.
func TestExportPNGInCFFFace(t *testing.T) {
	hk, err := fonts.Find("Noto Sans CJK HK", 400)
	if err != nil {
		t.Skip("fonts-noto-cjk is not installed")
	}
	bold, err := fonts.Find("Noto Sans CJK HK", 700)
	if err != nil {
		t.Skip("fonts-noto-cjk is not installed")
	}
	if hk.TrueType() {
		t.Fatal("Noto Sans CJK HK reads as TrueType")
	}
	c := fromYAML(t, `{type: hbar, title: 骨幹道路直達化驗所, unit: 宗, data: [{label: 骨科直通車, value: 683}, {label: 化驗報告, value: 412}]}`)
	st := testStyle
	st.Regular, st.Bold, st.Black = hk, bold, bold
	const dpi = 150.0
	png := func(st Style) image.Image {
		b, err := Export(c, 236.64, st, "png", dpi)
		if err != nil {
			t.Fatal(err)
		}
		m, _, err := image.Decode(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		return m
	}
	got := png(st)
	pdf, err := Export(c, 236.64, st, "pdf", dpi)
	if err != nil {
		t.Fatal(err)
	}
	want := pdftest.Render(t, pdf, 0, dpi)
	if miss := unmatchedInk(got, want); miss > 0.02 {
		t.Errorf("%.1f %% of the PNG's ink is not in the PDF's picture", 100*miss)
	}
	if miss := unmatchedInk(want, got); miss > 0.02 {
		t.Errorf("%.1f %% of the PDF's ink is not in the PNG", 100*miss)
	}
	sc := png(testStyle)
	if miss := unmatchedInk(got, sc) + unmatchedInk(sc, got); miss < 0.01 {
		t.Errorf("the PNG in Noto Sans CJK HK looks like the one in Noto Sans SC (%.2f %% apart)", 100*miss)
	}
}
