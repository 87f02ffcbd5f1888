package main

import (
	"bytes"
	"flag"
	"fmt"
	"io"

	"github.com/brochure-dev/brochure/icons"
	"github.com/brochure-dev/brochure/internal/printable"
	"github.com/brochure-dev/brochure/layout"
)

const iconsHelp = `brochure icons — the icons a report may name (icon: shield), or a PDF sheet of them.

Usage:
  brochure icons [--sheet icons.pdf]

Prints the names of the bundled icons, one a line, sorted: a curated part of Tabler Icons
(MIT), outline drawings for public offices' reports. A section's icon is set beside its
number, a figure's (a stat's) above it, in the report's colour.

Options:
  --sheet FILE      write a PDF of every icon with its name instead, to choose one by eye

Example:
  brochure icons --sheet icons.pdf
`

func iconsSetup(fs *flag.FlagSet) runner {
	sheet := fs.String("sheet", "", "write a PDF sheet of every icon with its name to this file")
	return func(operands []string, stdout, stderr io.Writer) int {
		if len(operands) > 0 {
			return usageErr(stderr, "icons", fmt.Errorf("takes no file; write the sheet with --sheet icons.pdf"))
		}
		return iconsCmd(*sheet, stdout, stderr)
	}
}

// iconsCmd lists the icons, or writes their sheet to the file sheet.
func iconsCmd(sheet string, stdout, stderr io.Writer) int {
	names := icons.Names()
	if sheet == "" {
		for _, n := range names {
			fmt.Fprintln(stdout, n)
		}
		return exitOK
	}
	var b bytes.Buffer
	if err := layout.IconSheet(&b); err != nil {
		fmt.Fprintf(stderr, "brochure icons: %v\n", err)
		return exitInternal
	}
	if err := writeBytes(sheet, b.Bytes()); err != nil {
		fmt.Fprintf(stderr, "brochure icons: %v\n", err)
		return exitIO
	}
	fmt.Fprintf(stdout, "%s: %d icons, %d KB\n", printable.String(sheet), len(names), b.Len()>>10)
	return exitOK
}
