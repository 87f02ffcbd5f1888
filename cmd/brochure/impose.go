package main

import (
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/brochure-dev/brochure/internal/marks"
	"github.com/brochure-dev/brochure/internal/pdffile"
	"github.com/brochure-dev/brochure/internal/pdfread"
	"github.com/brochure-dev/brochure/internal/printable"
	"github.com/brochure-dev/brochure/layout"
)

// imposeCmd is `brochure impose in.pdf -o out.pdf --saddle`: the 2-up
// saddle-stitch imposition of a booklet, for a copy shop. Each sheet side
// holds two pages side by side, in the order that gives the right sequence
// when the sheets are stacked, folded and stapled: for n pages, n,1 /
// 2,n-1 / n-2,3 / 4,n-3 ….
//
// Why pdfcpu: impose works on any PDF, not only ours, so it must read
// pages that fpdf cannot import; pdfcpu (already a dependency) places
// pages as form XObjects, vector and fonts intact. The pages are first
// cut to their TrimBox (CropBox := TrimBox), so the bleed and crop marks of
// a print-ready PDF do not end up at the spine; pdfcpu then sets the trims
// edge to edge, keeping the bleed on the sheet's outer sides, and the
// sheet grows to hold crop, fold and centre marks (internal/marks, as on a
// page) outside the two trims. The output intents and the XMP metadata
// come along, so a PDF/X file stays PDF/X.
func imposeCmd(operands []string, out string, saddle bool, budget pdfBudget, stdout, stderr io.Writer) int {
	path := operands[0]
	if !saddle {
		fmt.Fprintln(stderr, "brochure impose: only --saddle is available")
		return exitUsage
	}
	if out == "" {
		out = strings.TrimSuffix(path, filepath.Ext(path)) + "-imposed.pdf"
	}
	in, code := readPDF(path, budget.input, stderr)
	if code != exitOK {
		return code
	}
	b, pages, err := imposeSaddle(in, budget.Limits)
	if err != nil {
		fmt.Fprintf(stderr, "brochure impose: %s: %s\n", printable.String(path), printable.String(err.Error()))
		return exitInvalid
	}
	if err := writeBytes(out, b); err != nil {
		fmt.Fprintf(stderr, "brochure impose: %s\n", printable.String(err.Error()))
		return exitIO
	}
	fmt.Fprintf(stdout, "%s: %d pages on %d sheets (2-up, saddle stitch), %s\n", printable.String(out), pages, (pages+3)/4, size(len(b)))
	return exitOK
}

// imposeSaddle returns the saddle-stitch imposition of pdf and its page
// count. A page count that is not a multiple of four is refused: blank
// pages would land in the middle of the booklet (build with
// print: {booklet: true} to pad it deliberately).
//
// The file is read by pdfread within lim (pages, decompressed bytes) and
// written anew: each page becomes a form XObject cut to its trim (its
// TrimBox, else CropBox, else MediaBox), its content decompressed and
// compressed again, the objects it uses copied once each and numbered in
// the order they are met; two forms side by side on each sheet, the marks
// around them. Linear in the pages, and the same bytes for the same input.
func imposeSaddle(pdf []byte, lim pdfread.Limits) (_ []byte, n int, err error) {
	defer func() {
		if e := recover(); e != nil { // pdfcpu on a malformed file
			if onImposePanic != nil {
				onImposePanic(e)
			}
			err = fmt.Errorf("cannot read the PDF: %v", e)
		}
	}()
	doc, err := pdfread.Open(pdf, lim)
	if err != nil {
		return nil, 0, err
	}
	n = len(doc.Pages)
	if n == 0 || n%4 != 0 {
		return nil, n, fmt.Errorf("%d page%s: a saddle-stitched booklet needs a multiple of 4; build it with print: {booklet: true}", n, plural(n))
	}
	trim := func(p *pdfread.Page) *types.Rectangle {
		switch {
		case p.Trim != nil:
			return p.Trim
		case p.Crop != nil:
			return p.Crop
		}
		return p.Media
	}
	// The trim of the first page sets the cell (all pages of a brochure
	// share it); a page of another size is scaled to fit and centred.
	first := trim(&doc.Pages[0])
	w, h := first.Width(), first.Height()
	if 2*w > pdfread.MaxPageSide {
		return nil, n, fmt.Errorf("pages %.0f pt wide: two side by side (%.0f pt) are wider than a PDF page may be (%d pt, 5.08 m)", w, 2*w, pdfread.MaxPageSide)
	}
	// each page's side on its sheet (0 left, 1 right): n,1 / 2,n-1 / n-2,3 …
	var sides [][2]int
	for i := 0; i < n/2; i += 2 {
		sides = append(sides, [2]int{n - i, i + 1}, [2]int{i + 2, n - i - 1})
	}
	right := make([]bool, n)
	for _, pair := range sides {
		right[pair[1]-1] = true
	}
	bleed := bleedOf(&doc.Pages[0])
	root, err := doc.Ctx.Catalog()
	if err != nil {
		return nil, n, err
	}
	header := "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n"
	if pdfx(doc, root) {
		header = "%PDF-1.6\n%\xe2\xe3\xcf\xd3\n" // PDF/X-4 is PDF 1.6
	}
	out := &pdffile.File{Header: []byte(header), Objects: [][]byte{nil}, ID: true, Compact: true}
	cp := &copier{doc: doc, out: out, num: map[int]int{}}
	forms := make([]int, n)
	for i := range doc.Pages {
		p := &doc.Pages[i]
		if p.Rotate%360 != 0 {
			return nil, n, fmt.Errorf("page %d is rotated (/Rotate %d); impose takes upright pages: save the PDF with its pages upright", i+1, p.Rotate)
		}
		content, err := doc.Contents(p)
		if err != nil {
			return nil, n, err
		}
		// the form shows the page's trim and its bleed on the sheet's
		// outer sides (never across the spine, onto its neighbour)
		b := trim(p)
		s := min(w/b.Width(), h/b.Height())
		e := bleed / s
		x0, x1 := b.LL.X-e, b.UR.X
		if right[i] {
			x0, x1 = b.LL.X, b.UR.X+e
		}
		res := "<<>>"
		if p.Resources != nil {
			res = cp.copy(p.Resources)
		}
		dict := fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [%s %s %s %s] /Resources %s", num(x0), num(b.LL.Y-e), num(x1), num(b.UR.Y+e), res)
		if g, ok := p.Dict.Find("Group"); ok { // a transparency group blends as on the page
			dict += " /Group " + cp.copy(g)
		}
		forms[i] = out.Add(pdffile.Stream(dict, content, true))
	}
	if cp.err != nil {
		return nil, n, cp.err
	}
	o := marks.Room(bleed)
	sheetMarks := "q /CSAll CS 1 SCN " + num(marks.Weight) + " w [] 0 d 0 J\n" +
		marks.Path(marks.Rect{X: o, Y: o, W: 2 * w, H: h}, bleed, o+w) + "Q\n"
	marksObj := out.Add(pdffile.Stream("", []byte(sheetMarks), true))
	pagesObj := out.Add(nil)
	var kids []string
	for _, pair := range sides {
		var c strings.Builder
		fmt.Fprintf(&c, "q 1 0 0 1 %s %s cm\n", num(o), num(o))
		for k, pg := range pair {
			b := trim(&doc.Pages[pg-1])
			s := min(w/b.Width(), h/b.Height())
			tx := float64(k)*w + (w-s*b.Width())/2 - s*b.LL.X
			ty := (h-s*b.Height())/2 - s*b.LL.Y
			fmt.Fprintf(&c, "q %s 0 0 %s %s %s cm /P%d Do Q\n", num(s), num(s), num(tx), num(ty), k)
		}
		c.WriteString("Q\n")
		content := out.Add(pdffile.Stream("", []byte(c.String()), true))
		sheet := fmt.Sprintf("[0 0 %s %s]", num(2*w+2*o), num(h+2*o))
		cut := fmt.Sprintf("[%s %s %s %s]", num(o), num(o), num(o+2*w), num(o+h))
		bled := fmt.Sprintf("[%s %s %s %s]", num(o-bleed), num(o-bleed), num(o+2*w+bleed), num(o+h+bleed))
		page := out.Add([]byte(fmt.Sprintf("<</Type /Page /Parent %d 0 R /MediaBox %s /TrimBox %s /BleedBox %s /Contents [%d 0 R %d 0 R] /Resources <</XObject <</P0 %d 0 R /P1 %d 0 R>> /ColorSpace <</CSAll %s>>>>>>\n",
			pagesObj, sheet, cut, bled, content, marksObj, forms[pair[0]-1], forms[pair[1]-1], registration)))
		kids = append(kids, fmt.Sprintf("%d 0 R", page))
	}
	out.Objects[pagesObj] = []byte(fmt.Sprintf("<</Type /Pages /Count %d /Kids [%s]>>\n", len(kids), strings.Join(kids, " ")))
	// the print condition goes with the pages: the output intents (PDF/X's
	// CMYK profile, PDF/A's sRGB) and the XMP that claims the standard
	catalog := fmt.Sprintf("<</Type /Catalog /Pages %d 0 R", pagesObj)
	for _, k := range []string{"OutputIntents", "Metadata"} {
		if v, ok := root.Find(k); ok {
			catalog += " /" + k + " " + cp.copy(v)
		}
	}
	out.Root = out.Add([]byte(catalog + ">>\n"))
	if info := doc.Ctx.XRefTable.Info; info != nil {
		if d, err := doc.Ctx.DereferenceDict(*info); err == nil && d != nil {
			out.Info = out.Add([]byte(cp.copy(d) + "\n"))
		}
	}
	if cp.err != nil {
		return nil, n, cp.err
	}
	return out.Bytes(), n, nil
}

// onImposePanic, set by the fuzz test, sees a recovered panic (so that one
// in this module's code still fails the fuzzer).
var onImposePanic func(v any)

// registration is the colour of the marks: Separation "All", every ink.
const registration = "[/Separation /All /DeviceCMYK <</FunctionType 2 /Domain [0 1] /N 1 /C0 [0 0 0 0] /C1 [1 1 1 1]>>]"

// num writes a number for a content stream or dictionary: at most 4
// decimals, no exponent, no "-0".
func num(x float64) string {
	s := strconv.FormatFloat(math.Round(x*1e4)/1e4, 'f', -1, 64)
	if s == "-0" {
		return "0"
	}
	return s
}

// copier copies objects of the source into out, each once, numbered in
// the order they are first met.
type copier struct {
	doc   *pdfread.Doc
	out   *pdffile.File
	num   map[int]int // source object number → out's
	queue []pending
	err   error
}

// pending is an object to copy, and its number in out.
type pending struct {
	o types.Object
	n int
}

// copy writes o and everything it refers to, breadth first (a chain of
// references is a queue, not a recursion), and returns o as written.
func (c *copier) copy(o types.Object) string {
	s := c.object(o, 0)
	for len(c.queue) > 0 && c.err == nil {
		p := c.queue[0]
		c.queue = c.queue[1:]
		var body string
		if sd, ok := p.o.(types.StreamDict); ok {
			d := types.Dict{}
			for k, e := range sd.Dict {
				if k != "Length" {
					d[k] = e
				}
			}
			d["Length"] = types.Integer(len(sd.Raw))
			body = c.object(d, 0) + "\nstream\n" + string(sd.Raw) + "\nendstream"
		} else {
			body = c.object(p.o, 0)
		}
		c.out.Objects[p.n] = []byte(body + "\n")
	}
	return s
}

// maxCopyDepth bounds the nesting of one object's arrays and dictionaries
// (pdfcpu parses at most 100 levels).
const maxCopyDepth = 100

// object writes o in PDF syntax, copying what it refers to.
func (c *copier) object(o types.Object, depth int) string {
	if depth > maxCopyDepth {
		c.err = fmt.Errorf("objects nested more than %d levels deep: the file is damaged or made to hang readers", maxCopyDepth)
		return "null"
	}
	switch v := o.(type) {
	case nil:
		return "null"
	case types.IndirectRef:
		src := v.ObjectNumber.Value()
		if n, ok := c.num[src]; ok {
			return fmt.Sprintf("%d 0 R", n)
		}
		target, err := c.doc.Ctx.Dereference(v)
		if err != nil || target == nil {
			return "null"
		}
		n := c.out.Add(nil)
		c.num[src] = n
		c.queue = append(c.queue, pending{target, n})
		return fmt.Sprintf("%d 0 R", n)
	case types.Dict:
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		var b strings.Builder
		b.WriteString("<<")
		for _, k := range keys {
			if k == "Parent" || k == "StructParent" || k == "StructParents" {
				continue // the source's page tree and structure tree stay behind
			}
			b.WriteString(types.Name(k).PDFString())
			b.WriteByte(' ')
			b.WriteString(c.object(v[k], depth+1))
			b.WriteByte(' ')
		}
		b.WriteString(">>")
		return b.String()
	case types.Array:
		var b strings.Builder
		b.WriteString("[")
		for i, e := range v {
			if i > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(c.object(e, depth+1))
		}
		b.WriteString("]")
		return b.String()
	case types.Float:
		return num(v.Value())
	case types.StreamDict:
		return "null" // a stream is always an indirect object
	}
	return o.PDFString()
}

// bleedOf is how far p's BleedBox reaches beyond its TrimBox (the least
// of its four sides; 0 without both boxes): the bleed the sheet keeps on
// its outer sides.
func bleedOf(p *pdfread.Page) float64 {
	t, b := p.Trim, p.Bleed
	if t == nil || b == nil {
		return 0
	}
	e := min(t.LL.X-b.LL.X, t.LL.Y-b.LL.Y, b.UR.X-t.UR.X, b.UR.Y-t.UR.Y)
	return min(max(e, 0), maxBleed)
}

// maxBleed is the most bleed a sheet keeps, pt (a BleedBox far out is
// not bleed but a damaged box).
const maxBleed = 10 * 72 / 25.4

// pdfx reports whether the catalog root has a PDF/X output intent.
func pdfx(doc *pdfread.Doc, root types.Dict) bool {
	ois, err := doc.Ctx.DereferenceArray(root["OutputIntents"])
	if err != nil {
		return false
	}
	for _, o := range ois {
		d, err := doc.Ctx.DereferenceDict(o)
		if err != nil || d == nil {
			continue
		}
		if s := d.NameEntry("S"); s != nil && strings.HasPrefix(*s, "GTS_PDFX") {
			return true
		}
	}
	return false
}

// buildOpts are build's print flags.
type buildOpts struct {
	layout    layout.Options
	impose    string // "saddle": also write NAME-imposed.pdf
	preflight bool   // read the PDF back and check it as a print shop does
	proof     bool   // also write NAME-proof/: the pages as PNG, the separations
}

// after runs what the flags ask once the PDF is written.
func (bo buildOpts) after(out string, log io.Writer) int {
	switch bo.impose {
	case "":
		return exitOK
	case "saddle":
	default:
		fmt.Fprintf(log, "brochure build: --impose %q: only saddle is available\n", bo.impose)
		return exitUsage
	}
	pdf, err := os.ReadFile(out)
	if err != nil {
		fmt.Fprintf(log, "brochure build: impose: %v\n", err)
		return exitIO
	}
	b, _, err := imposeSaddle(pdf, pdfread.Limits{})
	if err != nil {
		fmt.Fprintf(log, "brochure build: impose: %v\n", err)
		return exitInvalid
	}
	if err := writeBytes(strings.TrimSuffix(out, filepath.Ext(out))+"-imposed.pdf", b); err != nil {
		fmt.Fprintf(log, "brochure build: %v\n", err)
		return exitIO
	}
	return exitOK
}
