package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"github.com/brochure-dev/brochure/internal/pdfread"
	"github.com/brochure-dev/brochure/internal/printable"
	"github.com/brochure-dev/brochure/internal/safefile"
	"github.com/brochure-dev/brochure/preflight"
)

// preflightCmd is `brochure preflight out.pdf`: what a print shop checks,
// read back from the finished PDF (any PDF, not only ours). Exit 0 when
// nothing a shop would reject is found, 1 when something is (or the file
// is not a readable PDF), 3 when the file cannot be read at all. The rules
// are preflight's (see the package documentation).
func preflightCmd(operands []string, bleed string, maxInk float64, asJSON bool, budget pdfBudget, stdout, stderr io.Writer) int {
	path := operands[0]
	var mm float64
	if bleed != "" {
		var err error
		mm, err = strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(bleed), "mm"), 64)
		if err != nil || mm < 0 {
			return usageErr(stderr, "preflight", fmt.Errorf("--bleed %q: want millimetres, e.g. 3mm", bleed))
		}
	}
	pdf, code := readPDF(path, budget.input, stderr)
	if code != exitOK {
		return code
	}
	rep, err := preflight.Check(pdf, preflight.Options{Bleed: mm, MaxInk: maxInk, Limits: budget.Limits})
	if err != nil {
		fmt.Fprintf(stderr, "%s: %s\n", printable.String(path), printable.String(err.Error()))
		return exitInvalid
	}
	if asJSON {
		b, _ := json.Marshal(struct {
			File string `json:"file"`
			OK   bool   `json:"ok"`
			*preflight.Report
		}{path, rep.OK(), rep})
		fmt.Fprintf(stdout, "%s\n", printable.JSON(b))
	} else {
		printPreflight(stdout, path, rep)
	}
	if !rep.OK() {
		return exitInvalid
	}
	return exitOK
}

// pdfBudget is what reading a PDF from an unknown source may cost.
type pdfBudget struct {
	pdfread.Limits
	input int64 // bytes of the file
}

// DefaultMaxPDFBytes bounds the PDF file preflight and impose read: a
// print-ready brochure with photos at 300 dpi is tens of MB.
const DefaultMaxPDFBytes = 256 << 20

// pdfFlags adds the budgets of reading a PDF (preflight, impose) to fs;
// the returned function reads them after fs.Parse, a value under 1 a
// usage error.
func pdfFlags(fs *flag.FlagSet) func() (pdfBudget, error) {
	in := fs.Int("max-input-mb", DefaultMaxPDFBytes>>20, "refuse a PDF file larger than this, in MB")
	pages := fs.Int("max-pages", pdfread.DefaultMaxPages, "refuse a PDF of more pages than this")
	stream := fs.Int("max-stream-mb", pdfread.DefaultMaxStreamBytes>>20, "refuse a PDF stream that decompresses to more than this, in MB")
	decoded := fs.Int("max-decoded-mb", pdfread.DefaultMaxDecodedBytes>>20, "refuse a PDF whose streams decompress to more than this in all, in MB")
	xobj := fs.Int("max-xobjects", pdfread.DefaultMaxXObjects, "refuse a PDF whose pages invoke XObjects (forms, images) more often than this in all")
	ops := fs.Int("max-operators", pdfread.DefaultMaxOperators, "refuse a PDF whose content has more operators than this in all (forms counted each time they are drawn)")
	return func() (pdfBudget, error) {
		for _, f := range []struct {
			name string
			v    int
		}{{"max-input-mb", *in}, {"max-pages", *pages}, {"max-stream-mb", *stream}, {"max-decoded-mb", *decoded}, {"max-xobjects", *xobj}, {"max-operators", *ops}} {
			if f.v < 1 {
				return pdfBudget{}, fmt.Errorf("--%s %d: give a whole number of 1 or more", f.name, f.v)
			}
		}
		return pdfBudget{input: int64(*in) << 20, Limits: pdfread.Limits{MaxPages: *pages, MaxStreamBytes: int64(*stream) << 20,
			MaxDecodedBytes: int64(*decoded) << 20, MaxXObjects: *xobj, MaxOperators: *ops}}, nil
	}
}

// readPDF reads the PDF a user named: a regular file (a FIFO or device
// such as /dev/zero is refused, exit 3) of at most limit bytes (exit 1).
func readPDF(path string, limit int64, stderr io.Writer) ([]byte, int) {
	pdf, err := safefile.ReadFile(path, limit, false)
	var se *safefile.Error
	switch {
	case err == nil:
		return pdf, exitOK
	case errors.As(err, &se) && errors.Is(err, safefile.ErrTooBig):
		fmt.Fprintf(stderr, "%s: the file is %s, the limit for a PDF; if it is the right file, raise the limit with --max-input-mb\n", printable.String(path), se.Detail)
		return nil, exitInvalid
	case errors.As(err, &se):
		fmt.Fprintf(stderr, "%s: %s, not a PDF file; name the PDF itself\n", printable.String(path), se.Detail)
		return nil, exitIO
	case errors.Is(err, os.ErrNotExist):
		fmt.Fprintf(stderr, "%s: file not found\n", printable.String(path))
		return nil, exitIO
	}
	fmt.Fprintf(stderr, "%s: %s\n", printable.String(path), printable.String(err.Error()))
	return nil, exitIO
}

// printPreflight writes the report for a person: a few lines, the
// problems last.
func printPreflight(w io.Writer, path string, r *preflight.Report) {
	pdfa := ""
	if r.PDFA != "" {
		pdfa = ", PDF/A-" + r.PDFA
	}
	if r.PDFX() {
		pdfa += ", PDF/X"
	}
	fmt.Fprintf(w, "%s: PDF %s%s, %d page%s, %s\n", printable.String(path), r.Version, pdfa, r.Pages, plural(r.Pages), size(r.Bytes))
	for _, b := range r.Boxes {
		pages := "pages " + b.Pages
		if !strings.ContainsAny(b.Pages, "-,") {
			pages = "page " + b.Pages
		}
		line := fmt.Sprintf("  %s: media %s mm", pages, dims(b.Media))
		if b.Trim != nil {
			line += fmt.Sprintf(", trim %s mm", dims(*b.Trim))
		} else {
			line += ", no TrimBox"
		}
		switch {
		case b.Bleed == nil:
			line += ", no BleedBox"
		case b.BleedMM() > 0:
			line += fmt.Sprintf(", bleed %g mm", b.BleedMM())
		default:
			line += ", no bleed"
		}
		fmt.Fprintln(w, line)
	}
	embedded, subset := 0, 0
	for _, f := range r.Fonts {
		if f.Embedded {
			embedded++
		}
		if f.Subset {
			subset++
		}
	}
	fmt.Fprintf(w, "  fonts: %d, %d embedded, %d subset\n", len(r.Fonts), embedded, subset)
	for _, f := range r.Fonts {
		var how []string
		if f.Embedded {
			how = append(how, "embedded")
		} else {
			how = append(how, "NOT EMBEDDED")
		}
		if f.Subset {
			how = append(how, "subset")
		}
		fmt.Fprintf(w, "    %-30s %-16s %s, %d codes\n", printable.String(f.Name), printable.String(f.Type), strings.Join(how, ", "), f.Codes)
	}
	fmt.Fprintf(w, "  images: %d placed\n", len(r.Images))
	for _, im := range r.Images {
		alpha := ""
		if im.Alpha {
			alpha = " + alpha"
		}
		n := im.Name
		if r := []rune(n); len(r) > 10 { // fpdf names images by a hash
			n = string(r[:9]) + "…"
		}
		n = printable.String(n)
		fmt.Fprintf(w, "    page %-3d %-10s %d×%d px %s%s, placed %g×%g mm: %.0f dpi\n", im.Page, n, im.Width, im.Height, im.ColourSpace, alpha, im.PlacedW, im.PlacedH, im.DPI)
	}
	intent := "no output intent"
	if len(r.OutputIntents) > 0 {
		intent = "output intent " + strings.Join(r.OutputIntents, "; ")
	}
	fmt.Fprintf(w, "  colours: %s; %s\n", printable.String(strings.Join(r.Colours, ", ")), printable.String(intent))
	if p := r.Plates; p != nil && p.BlackOnly+p.Colour+p.Several > 0 {
		fmt.Fprintf(w, "  text under %g pt: %d runs on the black plate only (%d overprint), %d in colour, %d black from several plates\n",
			preflight.SmallText, p.BlackOnly, p.Overprint, p.Colour, p.Several)
	}
	missing := "none missing"
	if len(r.MissingGlyphs) > 0 {
		missing = fmt.Sprintf("%d MISSING", len(r.MissingGlyphs))
	}
	fmt.Fprintf(w, "  glyphs: %d codes shown, %s, %d without Unicode\n", r.Codes, missing, r.NoUnicode)
	for _, g := range r.MissingGlyphs {
		fmt.Fprintf(w, "    %s\n", printable.String(g))
	}
	for _, u := range r.Unchecked {
		fmt.Fprintf(w, "  not checked: %s\n", printable.String(u))
	}
	for _, x := range r.Warnings {
		fmt.Fprintf(w, "  warning: %s\n", printable.String(x))
	}
	for _, p := range r.Problems {
		fmt.Fprintf(w, "  PROBLEM: %s\n", printable.String(p))
	}
	if r.OK() {
		fmt.Fprintln(w, "ok: nothing a print shop would reject")
	} else {
		fmt.Fprintf(w, "%d problem%s a print shop would reject\n", len(r.Problems), plural(len(r.Problems)))
	}
}

func dims(r preflight.Rect) string { return fmt.Sprintf("%g×%g", r.W, r.H) }
