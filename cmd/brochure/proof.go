package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/brochure-dev/brochure/internal/render"
	"github.com/brochure-dev/brochure/preflight"
)

// Proof is what build --proof wrote: each page as PNG in Dir, and the
// plates each page prints from (separations.txt there).
type Proof struct {
	Dir   string               `json:"dir"`
	Pages []string             `json:"pages"` // the PNG files, in page order
	Inks  []preflight.PageInks `json:"inks"`
}

// proofDPI is the proof's resolution: a page at 100 dpi is about 830×1170
// pixels, enough to read 9.5-point text on screen.
const proofDPI = 100

// pdfium renders proofs, started once per process (build --proof of many
// reports, or watch, shares it).
var pdfium render.Renderer

// writeProof renders pdf (written at out) into NAME-proof/ beside it: a
// PNG per page, rendered in process by PDFium (poppler or MuPDF may not be
// installed), and separations.txt, the plates each page prints from and
// the most ink on it, as preflight measures them from the content.
func writeProof(out string, pdf []byte, rep *preflight.Report) (*Proof, error) {
	dir := strings.TrimSuffix(out, filepath.Ext(out)) + "-proof"
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	want := make([]int, rep.Pages)
	for i := range want {
		want[i] = i
	}
	_, pngs, err := pdfium.Pages(pdf, want, proofDPI)
	if err != nil {
		return nil, fmt.Errorf("the proof cannot be rendered: %w", err)
	}
	p := &Proof{Dir: dir, Inks: rep.Inks}
	digits := len(fmt.Sprint(rep.Pages))
	for i := range want {
		name := filepath.Join(dir, fmt.Sprintf("page-%0*d.png", digits, i+1))
		if err := writeBytes(name, pngs[i]); err != nil {
			return nil, err
		}
		p.Pages = append(p.Pages, name)
	}
	var s strings.Builder
	fmt.Fprintf(&s, "%s: the plates each page prints from, and the most ink on it\n", filepath.Base(out))
	printSeparations(&s, rep)
	if err := writeBytes(filepath.Join(dir, "separations.txt"), []byte(s.String())); err != nil {
		return nil, err
	}
	return p, nil
}

// printSeparations writes a line per page: its plates and the most ink.
func printSeparations(w io.Writer, rep *preflight.Report) {
	for _, pi := range rep.Inks {
		plates := strings.Join(pi.Plates, " ")
		if plates == "" {
			plates = "no ink"
		}
		plates = strings.Replace(plates, "RGB", "RGB (the shop's profile decides its plates)", 1)
		most := ""
		if pi.MaxInk > 0 {
			most = fmt.Sprintf(", most ink %.0f %%", pi.MaxInk)
		}
		fmt.Fprintf(w, "  page %d: %s%s\n", pi.Page, plates, most)
	}
}
