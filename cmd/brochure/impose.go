package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

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
// edge to edge, and sheetMarks grows the sheet to hold crop, fold and
// centre marks outside the two trims.
func imposeCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("impose", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "", "the imposed PDF (default: IN-imposed.pdf)")
	saddle := fs.Bool("saddle", true, "2-up saddle stitch (the only imposition so far)")
	path, err := parseArgs(fs, args)
	if err != nil {
		fmt.Fprintf(stderr, "brochure impose: %v\nusage: brochure impose in.pdf -o out.pdf --saddle\n", err)
		return exitUsage
	}
	if !*saddle {
		fmt.Fprintln(stderr, "brochure impose: only --saddle is available")
		return exitUsage
	}
	if *out == "" {
		*out = strings.TrimSuffix(path, filepath.Ext(path)) + "-imposed.pdf"
	}
	in, err := os.ReadFile(path)
	if err != nil {
		fmt.Fprintf(stderr, "brochure impose: %v\n", err)
		return exitIO
	}
	b, pages, err := imposeSaddle(in)
	if err != nil {
		fmt.Fprintf(stderr, "brochure impose: %s: %v\n", path, err)
		return exitInvalid
	}
	if err := writeBytes(*out, b); err != nil {
		fmt.Fprintf(stderr, "brochure impose: %v\n", err)
		return exitIO
	}
	fmt.Fprintf(stdout, "%s: %d pages on %d sheets (2-up, saddle stitch), %s\n", *out, pages, (pages+3)/4, size(len(b)))
	return exitOK
}

// imposeSaddle returns the saddle-stitch imposition of pdf and its page
// count. A page count that is not a multiple of four is refused: blank
// pages would land in the middle of the booklet (build with
// print: {booklet: true} to pad it deliberately).
func imposeSaddle(pdf []byte) ([]byte, int, error) {
	api.DisableConfigDir()
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = model.ValidationRelaxed
	n, err := api.PageCount(bytes.NewReader(pdf), conf)
	if err != nil {
		return nil, 0, err
	}
	if n%4 != 0 {
		return nil, n, fmt.Errorf("%d pages: a saddle-stitched booklet needs a multiple of 4; build it with print: {booklet: true}", n)
	}
	// The trim of the first page (all pages of a brochure share it). A PDF
	// without a TrimBox is imposed by its CropBox/MediaBox as it is.
	src := pdf
	w, h := 0.0, 0.0
	boxes, err := api.Boxes(bytes.NewReader(pdf), []string{"1"}, conf)
	if err != nil {
		return nil, n, err
	}
	if len(boxes) > 0 && boxes[0].Trim != nil && boxes[0].Trim.Rect != nil {
		t := boxes[0].Trim.Rect
		w, h = t.Width(), t.Height()
		pb, err := model.ParsePageBoundaries(fmt.Sprintf("crop:[%.2f %.2f %.2f %.2f]", t.LL.X, t.LL.Y, t.UR.X, t.UR.Y), types.POINTS)
		if err != nil {
			return nil, n, err
		}
		var cropped bytes.Buffer
		if err := api.AddBoxes(bytes.NewReader(pdf), &cropped, nil, pb, conf); err != nil {
			return nil, n, err
		}
		src = cropped.Bytes()
	}
	if w == 0 {
		dims, err := api.PageDims(bytes.NewReader(src), conf)
		if err != nil || len(dims) == 0 {
			return nil, n, fmt.Errorf("cannot read the page size: %v", err)
		}
		w, h = dims[0].Width, dims[0].Height
	}
	// the sheets' sides in reading order: n,1 / 2,n-1 / n-2,3 / 4,n-3 …
	var order []string
	for i := 0; i < n/2; i += 2 {
		order = append(order, strconv.Itoa(n-i), strconv.Itoa(i+1), strconv.Itoa(i+2), strconv.Itoa(n-i-1))
	}
	var collected bytes.Buffer
	if err := api.Collect(bytes.NewReader(src), &collected, order, conf); err != nil {
		return nil, n, err
	}
	desc := fmt.Sprintf("dimensions:%.2f %.2f, border:off, margin:0", 2*w, h)
	nup, err := pdfcpu.PDFNUpConfig(2, desc, conf)
	if err != nil {
		return nil, n, err
	}
	var nupped bytes.Buffer
	if err := api.NUp(bytes.NewReader(collected.Bytes()), &nupped, nil, nil, nup, conf); err != nil {
		return nil, n, err
	}
	out, err := sheetMarks(nupped.Bytes(), 2*w, h, conf)
	return out, n, err
}

// The marks on a sheet, pt: as layout/geometry.go draws them on a page
// without bleed (the pages are cut to their trim before imposition, so no
// bleed is left): they start 3 mm outside the trim and run 5 mm outwards;
// sheetOff is the room they need on every side.
const (
	sheetMarkGap    = 3 * 72 / 25.4
	sheetMarkLen    = 5 * 72 / 25.4
	sheetMarkWeight = 0.25
	sheetOff        = sheetMarkGap + sheetMarkLen + 2
)

// sheetMarks grows each imposed sheet (tw×th, the two trims edge to edge)
// by sheetOff on every side, moves its content to the middle, sets TrimBox
// and BleedBox to the trim, and draws crop marks at the four corners of the
// trim, fold marks above and below the spine, and centre marks at the
// sides, all outside the trim, in the registration colour (a Separation
// "All", as layout's marks).
func sheetMarks(pdf []byte, tw, th float64, conf *model.Configuration) ([]byte, error) {
	ctx, err := api.ReadValidateAndOptimize(bytes.NewReader(pdf), conf)
	if err != nil {
		return nil, err
	}
	if err := ctx.EnsurePageCount(); err != nil {
		return nil, err
	}
	o := sheetOff
	// the marks, in the moved coordinates (trim from (o, o) to (o+tw, o+th))
	var m strings.Builder
	fmt.Fprintf(&m, "Q\nq /CSAll CS 1 SCN %.2f w [] 0 d 0 J\n", sheetMarkWeight)
	line := func(x1, y1, x2, y2 float64) { fmt.Fprintf(&m, "%.2f %.2f m %.2f %.2f l S\n", x1, y1, x2, y2) }
	a, b := sheetMarkGap, sheetMarkGap+sheetMarkLen
	for _, x := range []float64{o, o + tw} {
		for _, y := range []float64{o, o + th} {
			sx, sy := 1.0, 1.0 // outwards
			if x == o {
				sx = -1
			}
			if y == o {
				sy = -1
			}
			line(x+sx*a, y, x+sx*b, y)
			line(x, y+sy*a, x, y+sy*b)
		}
	}
	fold := o + tw/2
	line(fold, o+th+a, fold, o+th+b) // the fold, above and below
	line(fold, o-a, fold, o-b)
	mid := o + th/2
	line(o-a, mid, o-b, mid) // the sheet's centre at the sides
	line(o+tw+a, mid, o+tw+b, mid)
	m.WriteString("Q\n")
	all := types.Array{types.Name("Separation"), types.Name("All"), types.Name("DeviceCMYK"), types.Dict{
		"FunctionType": types.Integer(2), "Domain": types.NewNumberArray(0, 1), "N": types.Integer(1),
		"C0": types.NewNumberArray(0, 0, 0, 0), "C1": types.NewNumberArray(1, 1, 1, 1),
	}}
	stream := func(s string) (types.Object, error) {
		sd, err := ctx.NewStreamDictForBuf([]byte(s))
		if err != nil {
			return nil, err
		}
		if err := sd.Encode(); err != nil {
			return nil, err
		}
		ref, err := ctx.IndRefForNewObject(*sd)
		if err != nil {
			return nil, err
		}
		return *ref, nil
	}
	pre, err := stream(fmt.Sprintf("q 1 0 0 1 %.2f %.2f cm\n", o, o))
	if err != nil {
		return nil, err
	}
	post, err := stream(m.String())
	if err != nil {
		return nil, err
	}
	for p := 1; p <= ctx.PageCount; p++ {
		d, _, inh, err := ctx.PageDict(p, false)
		if err != nil {
			return nil, err
		}
		contents := types.Array{pre}
		if c, ok := d.Find("Contents"); ok {
			if arr, err := ctx.DereferenceArray(c); err == nil && arr != nil {
				contents = append(contents, arr...)
			} else {
				contents = append(contents, c)
			}
		}
		d["Contents"] = append(contents, post)
		// the registration colour in the page's own resources (a copy of
		// the inherited ones when it has none)
		res, _ := ctx.DereferenceDict(d["Resources"])
		if res == nil {
			res = types.Dict{}
			if inh != nil {
				for k, v := range inh.Resources {
					res[k] = v
				}
			}
			d["Resources"] = res
		}
		cs, _ := ctx.DereferenceDict(res["ColorSpace"])
		if cs == nil {
			cs = types.Dict{}
			res["ColorSpace"] = cs
		}
		cs["CSAll"] = all
		sheet := types.NewRectangle(0, 0, tw+2*o, th+2*o)
		trim := types.NewRectangle(o, o, o+tw, o+th)
		d["MediaBox"] = sheet.Array()
		d["TrimBox"] = trim.Array()
		d["BleedBox"] = trim.Array()
		for _, k := range []string{"CropBox", "ArtBox"} {
			delete(d, k)
		}
	}
	var out bytes.Buffer
	if err := api.Write(ctx, &out, conf); err != nil {
		return nil, err
	}
	return out.Bytes(), nil
}

// buildOpts are build's print flags.
type buildOpts struct {
	layout    layout.Options
	impose    string // "saddle": also write NAME-imposed.pdf
	preflight bool   // read the PDF back and check it as a print shop does
}

func (bo *buildOpts) flags(fs *flag.FlagSet) {
	fs.BoolVar(&bo.layout.Draft, "draft", false, "a proof: photos under 100 dpi are warnings, not errors")
	fs.BoolVar(&bo.layout.Final, "final", false, "for print: placeholder photo frames are errors")
	fs.BoolVar(&bo.layout.PDFA, "pdfa", false, "PDF/A-2b (archival): XMP metadata and an sRGB output intent")
	fs.StringVar(&bo.impose, "impose", "", "saddle: also write the 2-up saddle-stitch imposition as NAME-imposed.pdf")
	fs.BoolVar(&bo.preflight, "preflight", false, "check the written PDF as a print shop does; exit 1 if it would reject it")
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
	b, _, err := imposeSaddle(pdf)
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
