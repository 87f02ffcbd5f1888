package main

import (
	"fmt"
	"io"
)

// preflightCmd is `brochure preflight out.pdf`. Not written yet: it says
// so rather than pass silently. Until then: pdfinfo -box, pdffonts,
// pdfimages -list.
func preflightCmd(args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "brochure preflight: not implemented yet; meanwhile use pdfinfo -box, pdffonts and pdfimages -list (poppler-utils)")
	return exitUsage
}
