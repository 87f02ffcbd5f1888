package export

import (
	"bytes"
	"fmt"
	"slices"

	"github.com/brochure-dev/brochure/internal/pdffile"
)

// finish completes fpdf's output, deterministically. Each step is what
// fpdf cannot be asked to write, done on the parsed file (internal/
// pdffile) at the objects fpdf is known to write — the page tree's
// pages, the one resource dictionary, the catalog — never by a search of
// the file's bytes:
//
//   - Page boxes: fpdf writes each page's /TrimBox and /BleedBox by
//     ranging over a Go map, so their order changes from run to run. They
//     are put in alphabetical order.
//   - Contents: fpdf writes each page's content stream uncompressed
//     (SetCompression(false)): it would allocate a new compressor per
//     page. They are compressed here, with one pooled writer.
//   - Fonts: text was drawn through an Embedding, which adds the fonts
//     (cut to the characters drawn) as objects of its own.
//   - Images: photos are written here too (see addPictures), in the order
//     first drawn: fpdf orders images by width and then by map order.
//   - Info: fpdf's trailer points /Info at the object before the catalog,
//     which is the output intent's profile when there is one (PDF/A).
//   - ID: a file identifier (PDF/A asks for one), a hash of the body.
//   - Compact: the dictionaries go into a compressed object stream and
//     the xref table into a stream (PDF 1.5): 4 KB less on the sample.
//   - Press: a print build's output intent and resources (see Press; nil
//     for a screen build).
//   - Structure: the tagged PDF's structure tree, its link annotations
//     and the catalog's entries for them (see structure.Tree.Write).
func (w *Writer) finish(pdf []byte) ([]byte, error) {
	pf, err := pdffile.Parse(pdf)
	if err != nil {
		return nil, fmt.Errorf("finish: %w", err)
	}
	pages, err := pf.Pages()
	if err != nil {
		return nil, fmt.Errorf("finish: %w", err)
	}
	// fpdf's one resource dictionary, which every page names
	res, err := pf.Ref(pages[0], "/Resources")
	if err != nil {
		return nil, fmt.Errorf("finish: %w", err)
	}
	for _, n := range pages {
		sortBoxes(pf.Objects[n])
	}
	if err := w.text.Embed(pf, res); err != nil {
		return nil, err
	}
	addPictures(pf, res, w.d.Pictures)
	for _, n := range pages {
		c, err := pf.Ref(n, "/Contents")
		if err == nil {
			err = pf.Compress(c)
		}
		if err != nil {
			return nil, fmt.Errorf("finish: page object %d: %w", n, err)
		}
	}
	// fpdf writes the Info dictionary, then one profile stream per output
	// intent (PDF/A's sRGB), then the catalog
	pf.Info = pf.Root - 1
	if w.d.PDFA {
		pf.Info--
	}
	if w.p.tags != nil {
		if err := w.p.tags.Write(pf, pages); err != nil {
			return nil, fmt.Errorf("finish: %w", err)
		}
	}
	if w.d.Press != nil {
		if err := w.d.Press.apply(pf, res); err != nil {
			return nil, err
		}
	}
	pf.ID, pf.Compact = true, true
	return pf.Bytes(), nil
}

// sortBoxes puts the box lines of a page dictionary in alphabetical
// order, in place. fpdf writes a page as "<</Type /Page", "/Parent …",
// [/MediaBox …,] the boxes, "/Resources …", one a line.
func sortBoxes(page []byte) {
	var boxes [][]byte
	start, end := -1, -1
	for at := 0; at < len(page); {
		k := bytes.IndexByte(page[at:], '\n')
		if k < 0 {
			break
		}
		l := page[at : at+k+1]
		if isBox(l) {
			if start < 0 {
				start = at
			}
			end = at + k + 1
			boxes = append(boxes, slices.Clone(l))
		} else if start >= 0 {
			break
		}
		at += k + 1
	}
	if start >= 0 {
		slices.SortFunc(boxes, bytes.Compare)
		copy(page[start:end], bytes.Join(boxes, nil))
	}
}

func isBox(l []byte) bool {
	for _, b := range []string{"/ArtBox [", "/BleedBox [", "/CropBox [", "/TrimBox ["} {
		if bytes.HasPrefix(l, []byte(b)) {
			return true
		}
	}
	return false
}
