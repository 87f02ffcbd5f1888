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

	"github.com/brochure-dev/brochure/preflight"
)

// preflightCmd is `brochure preflight out.pdf`: what a print shop checks,
// read back from the finished PDF (any PDF, not only ours). Exit 0 when
// nothing a shop would reject is found, 1 when something is (or the file
// is not a readable PDF), 3 when the file cannot be read at all. The rules
// are preflight's (see the package documentation).
func preflightCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("preflight", flag.ContinueOnError)
	fs.SetOutput(stderr)
	bleed := fs.String("bleed", "", "bleed every page must have, e.g. 3mm (default: as much as any page of the file has)")
	asJSON := fs.Bool("json", false, "print the report as one JSON object (for scripts)")
	path, err := parseArgs(fs, args)
	var mm float64
	if err == nil && *bleed != "" {
		mm, err = strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(*bleed), "mm"), 64)
		if err != nil || mm < 0 {
			err = fmt.Errorf("--bleed %q: want millimetres, e.g. 3mm", *bleed)
		}
	}
	if err != nil {
		fmt.Fprintf(stderr, "brochure preflight: %v\nusage: brochure preflight out.pdf [--bleed 3mm] [--json]\n", err)
		return exitUsage
	}
	pdf, err := os.ReadFile(path)
	if err != nil {
		msg := err.Error()
		if errors.Is(err, os.ErrNotExist) {
			msg = "file not found"
		}
		fmt.Fprintf(stderr, "%s: %s\n", path, msg)
		return exitIO
	}
	rep, err := preflight.Check(pdf, preflight.Options{Bleed: mm})
	if err != nil {
		fmt.Fprintf(stderr, "%s: %v\n", path, err)
		return exitInvalid
	}
	if *asJSON {
		b, _ := json.Marshal(struct {
			File string `json:"file"`
			OK   bool   `json:"ok"`
			*preflight.Report
		}{path, rep.OK(), rep})
		fmt.Fprintf(stdout, "%s\n", b)
	} else {
		printPreflight(stdout, path, rep)
	}
	if !rep.OK() {
		return exitInvalid
	}
	return exitOK
}

// printPreflight writes the report for a person: a few lines, the
// problems last.
func printPreflight(w io.Writer, path string, r *preflight.Report) {
	pdfa := ""
	if r.PDFA != "" {
		pdfa = ", PDF/A-" + r.PDFA
	}
	fmt.Fprintf(w, "%s: PDF %s%s, %d page%s, %s\n", path, r.Version, pdfa, r.Pages, plural(r.Pages), size(r.Bytes))
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
		fmt.Fprintf(w, "    %-30s %-16s %s, %d codes\n", f.Name, f.Type, strings.Join(how, ", "), f.Codes)
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
		fmt.Fprintf(w, "    page %-3d %-10s %d×%d px %s%s, placed %g×%g mm: %.0f dpi\n", im.Page, n, im.Width, im.Height, im.ColourSpace, alpha, im.PlacedW, im.PlacedH, im.DPI)
	}
	intent := "no output intent"
	if len(r.OutputIntents) > 0 {
		intent = "output intent " + strings.Join(r.OutputIntents, "; ")
	}
	fmt.Fprintf(w, "  colours: %s; %s\n", strings.Join(r.Colours, ", "), intent)
	missing := "none missing"
	if len(r.MissingGlyphs) > 0 {
		missing = fmt.Sprintf("%d MISSING", len(r.MissingGlyphs))
	}
	fmt.Fprintf(w, "  glyphs: %d codes shown, %s, %d without Unicode\n", r.Codes, missing, r.NoUnicode)
	for _, g := range r.MissingGlyphs {
		fmt.Fprintf(w, "    %s\n", g)
	}
	for _, u := range r.Unchecked {
		fmt.Fprintf(w, "  not checked: %s\n", u)
	}
	for _, x := range r.Warnings {
		fmt.Fprintf(w, "  warning: %s\n", x)
	}
	for _, p := range r.Problems {
		fmt.Fprintf(w, "  PROBLEM: %s\n", p)
	}
	if r.OK() {
		fmt.Fprintln(w, "ok: nothing a print shop would reject")
	} else {
		fmt.Fprintf(w, "%d problem%s a print shop would reject\n", len(r.Problems), plural(len(r.Problems)))
	}
}

func dims(r preflight.Rect) string { return fmt.Sprintf("%g×%g", r.W, r.H) }
