package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/icons"
)

// TestIcons: brochure icons lists every name, one a line, and --sheet
// writes a PDF of them; an operand is a usage error.
func TestIcons(t *testing.T) {
	code, out, errs := exec("icons")
	names := strings.Fields(out)
	if code != exitOK || len(names) != len(icons.Names()) || !strings.Contains(out, "\nshield\n") {
		t.Errorf("brochure icons: exit %d, %d names (want %d), %s", code, len(names), len(icons.Names()), errs)
	}
	sheet := filepath.Join(t.TempDir(), "icons.pdf")
	code, out, errs = exec("icons", "--sheet", sheet)
	b, _ := os.ReadFile(sheet)
	if code != exitOK || !bytes.HasPrefix(b, []byte("%PDF-")) || !strings.Contains(out, "377 icons") {
		t.Errorf("brochure icons --sheet: exit %d, %q %s, %d bytes", code, out, errs, len(b))
	}
	if code, _, errs := exec("icons", "x.pdf"); code != exitUsage || !strings.Contains(errs, "--sheet") {
		t.Errorf("brochure icons x.pdf: exit %d, %q", code, errs)
	}
}
