package export

import (
	"fmt"
	"strings"

	"github.com/brochure-dev/brochure/internal/draw"
	"github.com/brochure-dev/brochure/internal/pdffile"
)

// addPictures writes the pictures into the PDF as image XObjects, in the
// order first drawn (fpdf would order them by width and then by map
// order), and names them /Im1, /Im2… in fpdf's one resource dictionary
// (object res).
func addPictures(pf *pdffile.File, res int, pics []*draw.Picture) {
	if len(pics) == 0 {
		return
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
	pf.InsertIn(res, "/XObject", names.String())
}
