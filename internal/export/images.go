package export

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	"github.com/brochure-dev/brochure/internal/draw"
	"github.com/brochure-dev/brochure/internal/pdffile"
)

// addPictures writes the pictures into the PDF as image XObjects, in the
// order first drawn (fpdf would order them by width and then by map
// order), and names them /Im1, /Im2… in fpdf's one resource dictionary,
// after its own.
func addPictures(pf *pdffile.File, pics []*draw.Picture) error {
	if len(pics) == 0 {
		return nil
	}
	const xres = "/XObject <<\n"
	res := -1
	for n, o := range pf.Objects {
		if bytes.Contains(o, []byte("/ProcSet [")) && bytes.Contains(o, []byte(xres)) {
			res = n
			break
		}
	}
	if res < 0 {
		return fmt.Errorf("images: the file has no resource dictionary to add to")
	}
	var names strings.Builder
	obj := func(p *draw.Picture, extra string) int {
		return pf.Add(pdffile.Stream("/Type /XObject /Subtype /Image "+p.Dict+extra, p.Data, false))
	}
	for i, p := range pics {
		extra := ""
		if p.Mask != nil {
			extra = fmt.Sprintf(" /SMask %d 0 R", obj(p.Mask, ""))
		}
		fmt.Fprintf(&names, "/Im%d %d 0 R\n", i+1, obj(p, extra))
	}
	o := pf.Objects[res]
	i := bytes.Index(o, []byte(xres)) + len(xres)
	pf.Objects[res] = slices.Concat(o[:i], []byte(names.String()), o[i:])
	return nil
}
