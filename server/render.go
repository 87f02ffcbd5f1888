package server

import "github.com/brochure-dev/brochure/internal/render"

// The preview shows the PDF's pages as PNG images, rendered by PDFium in
// process (internal/render). The browser then shows exactly the bytes
// `brochure build` writes, in any browser, without a PDF viewer plugin or
// PDF.js; only the page in view is rendered at once, the others when
// scrolled to.

// pageSize is a page's size in PDF points.
type pageSize = render.Size

// rendered is one page as PNG and, once asked for, its text.
type rendered struct {
	png      []byte
	text     string
	haveText bool
}

// renderer is the preview's PDFium.
type renderer struct{ pdfium render.Renderer }

func (r *renderer) init() { r.pdfium.Start() }

// open reads the page sizes of pdf and renders the pages in want (at dpi).
func (r *renderer) open(pdf []byte, want []int, dpi int) ([]pageSize, map[int]rendered, error) {
	sizes, pngs, err := r.pdfium.Pages(pdf, want, dpi)
	if err != nil {
		return nil, nil, err
	}
	out := make(map[int]rendered, len(pngs))
	for n, b := range pngs {
		out[n] = rendered{png: b}
	}
	return sizes, out, nil
}

// text returns the text of page n of pdf as PDFium reads it.
func (r *renderer) text(pdf []byte, n int) (string, error) { return r.pdfium.Text(pdf, n) }
