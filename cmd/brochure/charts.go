package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"github.com/brochure-dev/brochure/charts"
	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/internal/printable"
	"github.com/brochure-dev/brochure/layout"
)

// chartsCmd writes every chart of a report to its own file in DIR, named by
// section and chart ("s02-c01-交管四项指数同比降幅.svg"), drawn at the width
// and in the style it has in the brochure.
func chartsCmd(operands []string, out, format string, dpi float64, cfg settings, stdout, stderr io.Writer) int {
	path := operands[0]
	switch {
	case out == "":
		return usageErr(stderr, "charts", fmt.Errorf("name the folder to write into with -o"))
	case !slices.Contains(charts.ExportFormats, format):
		return usageErr(stderr, "charts", fmt.Errorf("unknown format %q; use svg, png or pdf", format))
	case dpi < 72 || dpi > 1200:
		return usageErr(stderr, "charts", fmt.Errorf("--dpi %g is out of range; use 72 to 1200 (300 for print)", dpi))
	}
	doc, code := document(path, cfg, stderr)
	if doc == nil {
		return code
	}
	if fi, err := os.Stat(out); err == nil && !fi.IsDir() {
		fmt.Fprintf(stderr, "brochure charts: %s is a file; -o names a folder\n", printable.String(out))
		return exitUsage
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		fmt.Fprintf(stderr, "brochure charts: %v\n", err)
		return exitIO
	}
	st := doc.ChartStyle()
	n := 0
	for i, s := range doc.Report.Sections {
		for j, c := range s.Charts {
			name := chartFileName(i, j, c, format)
			b, err := charts.Export(c, doc.ChartWidth(i, j), st, format, dpi)
			if err != nil {
				fmt.Fprintf(stderr, "brochure charts: %s: %v\n", name, err)
				return exitInternal
			}
			if err := writeBytes(filepath.Join(out, name), b); err != nil {
				fmt.Fprintf(stderr, "brochure charts: %v\n", err)
				return exitIO
			}
			fmt.Fprintln(stdout, printable.String(filepath.Join(out, name)))
			n++
		}
	}
	if n == 0 {
		fmt.Fprintf(stdout, "%s has no charts\n", printable.String(path))
	}
	return exitOK
}

// chartsAlt prints the alternative text of every chart of a report, as
// the tagged PDF carries it: its number and title, then the text.
func chartsAlt(path string, cfg settings, stdout, stderr io.Writer) int {
	doc, code := document(path, cfg, stderr)
	if doc == nil {
		return code
	}
	lang := doc.ChartStyle().Lang
	n := 0
	for i, s := range doc.Report.Sections {
		for j, c := range s.Charts {
			fmt.Fprintf(stdout, "s%02d-c%02d %s\n  %s\n", i+1, j+1, printable.String(c.Title), printable.String(charts.Alt(c, lang)))
			n++
		}
	}
	if n == 0 {
		fmt.Fprintf(stdout, "%s has no charts\n", printable.String(path))
	}
	return exitOK
}

// chartFileName is the stable name of chart j of section i: numbers from 1
// (so files sort in report order), then a slug of the title.
func chartFileName(section, chart int, c data.Chart, ext string) string {
	var b strings.Builder
	dash := false
	n := 0
	for _, r := range c.Title {
		if n >= 24 {
			break
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
			}
			b.WriteRune(unicode.ToLower(r))
			dash = false
			n++
		} else {
			dash = true
		}
	}
	slug := b.String()
	if slug == "" {
		slug = c.Type
	}
	return fmt.Sprintf("s%02d-c%02d-%s.%s", section+1, chart+1, slug, ext)
}

// document reads the report at path and sets it, as charts does before it
// draws or describes the charts; nil and the exit code when it cannot (the
// problems are on stderr).
func document(path string, cfg settings, stderr io.Writer) (*layout.Document, int) {
	r, code := load(path, stderr, cfg)
	if r == nil {
		return nil, code
	}
	doc, err := layout.NewWith(r, cfg.layoutOptions())
	if err != nil {
		return nil, report(stderr, err)
	}
	return doc, exitOK
}
