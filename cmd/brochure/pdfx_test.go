package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/internal/pdftest"
)

// TestPrintStandard: print: {standard: pdf/x-4} builds what --pdfx builds;
// a profile named in the report is embedded and must be CMYK; PDF/A and
// PDF/X together are refused before anything is written.
func TestPrintStandard(t *testing.T) {
	dir := t.TempDir()
	yaml := filepath.Join(dir, "r.yaml")
	os.WriteFile(yaml, []byte("print: {standard: pdf/x-4}\n"+small), 0o644)
	if code, _, errs := exec("build", "--quiet", "--preflight", yaml, "-o", filepath.Join(dir, "a.pdf")); code != 0 {
		t.Fatalf("standard: exit %d: %s", code, errs)
	}
	os.WriteFile(filepath.Join(dir, "plain.yaml"), []byte(small), 0o644)
	if code, _, errs := exec("build", "--quiet", "--pdfx", filepath.Join(dir, "plain.yaml"), "-o", filepath.Join(dir, "b.pdf")); code != 0 {
		t.Fatalf("--pdfx: exit %d: %s", code, errs)
	}
	a, _ := os.ReadFile(filepath.Join(dir, "a.pdf"))
	b, _ := os.ReadFile(filepath.Join(dir, "b.pdf"))
	if !bytes.Equal(a, b) || !bytes.Contains(pdftest.Inflate(a), []byte("/S /GTS_PDFX")) {
		t.Error("print.standard and --pdfx differ, or no PDF/X output intent")
	}

	// a profile that is not CMYK, named in the report
	icc := make([]byte, 128) // an ICC header: class, data colour space, PCS, …, signature
	copy(icc[12:], "mntrRGB XYZ ")
	copy(icc[36:], "acsp")
	os.WriteFile(filepath.Join(dir, "rgb.icc"), icc, 0o644)
	os.WriteFile(yaml, []byte("print: {profile: rgb.icc}\n"+small), 0o644)
	code, _, errs := exec("build", yaml, "-o", filepath.Join(dir, "c.pdf"))
	if code == 0 || !strings.Contains(errs, `r.yaml:1:18: print.profile: rgb.icc is a profile of "RGB" data`) {
		t.Errorf("RGB profile: exit %d: %s", code, errs)
	}
	code, _, errs = exec("build", "--pdfa", "--pdfx", filepath.Join(dir, "plain.yaml"), "-o", filepath.Join(dir, "d.pdf"))
	if code == 0 || !strings.Contains(errs, "PDF/X-4 and PDF/A") {
		t.Errorf("--pdfa --pdfx: exit %d: %s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "d.pdf")); err == nil {
		t.Error("a refused build wrote a PDF")
	}
}
