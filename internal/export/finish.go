package export

import (
	"bytes"
	"fmt"
	"regexp"
	"slices"
	"strconv"

	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/internal/draw"
	"github.com/brochure-dev/brochure/internal/pdffile"
	"github.com/brochure-dev/brochure/internal/structure"
)

// finish completes fpdf's output, deterministically:
//
//   - Fonts: text was drawn through an Embedding, which adds the fonts
//     (cut to the characters drawn) as objects of its own.
//   - Images: photos are written here too (see picture), in the order
//     first drawn: fpdf orders images by width and then by map order.
//   - Page boxes: fpdf writes each page's /TrimBox, /BleedBox… by ranging
//     over a Go map, so their order changes from run to run. They are put
//     in alphabetical order.
//   - Info: fpdf's trailer points /Info at the object before the catalog,
//     which is wrong when output intents (PDF/A) come between them.
//   - Contents: fpdf writes each page's content stream uncompressed
//     (SetCompression(false)): it would allocate a new compressor per
//     page. They are compressed here, with one pooled writer.
//   - ID: a file identifier (PDF/A asks for one), a hash of the body.
//   - Compact: the dictionaries go into a compressed object stream and
//     the xref table into a stream (PDF 1.5): 4 KB less on the sample.
//   - Press: a print build's output intent and resources (see press; nil
//     for a screen build).
//   - Structure: the tagged PDF's structure tree, its link annotations
//     and the catalog's entries for them (see structure.Tree.Write).
func finish(pdf []byte, text *fonts.Embedding, pics []*draw.Picture, x *Press, tags *structure.Tree) ([]byte, error) {
	sortBoxes(pdf)
	pf, err := pdffile.Parse(pdf)
	if err != nil {
		return nil, fmt.Errorf("finish: %w", err)
	}
	if err := text.Embed(pf); err != nil {
		return nil, err
	}
	if err := addPictures(pf, pics); err != nil {
		return nil, err
	}
	for _, o := range pf.Objects {
		if m := contentsRE.FindSubmatch(o); m != nil {
			n, _ := strconv.Atoi(string(m[1]))
			if err := pf.Compress(n); err != nil {
				return nil, fmt.Errorf("finish: %w", err)
			}
		}
	}
	for n, o := range pf.Objects {
		if infoRE.Match(o) {
			pf.Info = n
			break
		}
	}
	if tags != nil {
		if err := tags.Write(pf); err != nil {
			return nil, fmt.Errorf("finish: %w", err)
		}
	}
	if x != nil {
		if err := x.apply(pf); err != nil {
			return nil, err
		}
	}
	pf.ID, pf.Compact = true, true
	return pf.Bytes(), nil
}

var contentsRE = regexp.MustCompile(`^<</Type /Page\n(?s:.*)/Contents (\d+) 0 R>>\n$`)

var infoRE = regexp.MustCompile(`^<<\n/(Producer|Title|Author|Subject|Keywords|Creator|CreationDate) `)

// sortBoxes puts the box lines of each page dictionary in alphabetical
// order, in place. fpdf writes a page as "<</Type /Page", "/Parent …",
// [/MediaBox …,] the boxes, "/Resources …", one a line.
func sortBoxes(pdf []byte) {
	isBox := func(l []byte) bool {
		for _, b := range []string{"/ArtBox [", "/BleedBox [", "/CropBox [", "/TrimBox ["} {
			if bytes.HasPrefix(l, []byte(b)) {
				return true
			}
		}
		return false
	}
	page := []byte("<</Type /Page\n")
	for i := 0; i < len(pdf); {
		j := bytes.Index(pdf[i:], page)
		if j < 0 {
			return
		}
		at := i + j + len(page)
		start, end := -1, -1
		var boxes [][]byte
		for line := 0; line < 8 && at < len(pdf); line++ {
			k := bytes.IndexByte(pdf[at:], '\n')
			if k < 0 {
				break
			}
			l := pdf[at : at+k+1]
			if isBox(l) {
				if start < 0 {
					start = at
				}
				end = at + k + 1
				boxes = append(boxes, append([]byte(nil), l...))
			} else if start >= 0 {
				break
			}
			at += k + 1
		}
		if start >= 0 {
			slices.SortFunc(boxes, bytes.Compare)
			copy(pdf[start:end], bytes.Join(boxes, nil))
		}
		i = at
	}
}
