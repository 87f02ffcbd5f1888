package main

import (
	"os"
	osexec "os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/internal/pdftest"
)

// TestImposeSaddle builds the sample as an A5 booklet with bleed and marks,
// imposes it, and reads the folios back sheet side by sheet side: n,1 /
// 2,n-1 / n-2,3 … (the covers carry no folio).
func TestImposeSaddle(t *testing.T) {
	dir := t.TempDir()
	src, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	s := regexp.MustCompile(`(?m)^theme: \{paper: A4,.*$`).ReplaceAllString(string(src), "print: {bleed: 3mm, marks: true, booklet: true}\ntheme: {paper: A5}")
	yaml := filepath.Join(dir, "r.yaml")
	os.WriteFile(yaml, []byte(s), 0o644)
	out := filepath.Join(dir, "r.pdf")
	if code, _, errs := exec("build", yaml, "-o", out, "--impose", "saddle"); code != 0 {
		t.Fatal(errs)
	}
	imposed := filepath.Join(dir, "r-imposed.pdf")
	if code, _, errs := exec("impose", out, "-o", imposed, "--saddle"); code != 0 {
		t.Fatal(errs)
	}
	text := pdftest.Pdftotext(t, imposed, "-layout")
	sides := strings.Split(strings.TrimRight(text, "\f"), "\f")
	n := 12
	if len(sides) != n/2 {
		t.Fatalf("%d sheet sides, want %d", len(sides), n/2)
	}
	folio := regexp.MustCompile(`(\d+) / 12`)
	for i, side := range sides[1:] { // side 0: back cover and cover, no folios
		var got []string
		for _, m := range folio.FindAllStringSubmatch(side, -1) {
			got = append(got, m[1])
		}
		k := i + 1 // side index
		want := map[int][]string{1: {"2", "11"}, 2: {"10", "3"}, 3: {"4", "9"}, 4: {"8", "5"}, 5: {"6", "7"}}[k]
		if strings.Join(got, ",") != strings.Join(want, ",") {
			t.Errorf("sheet side %d: folios %v, want %v (left, right)", k+1, got, want)
		}
	}
	pdftest.QpdfCheck(t, imposed)
	// metadata, as pdfinfo shows it
	if _, err := osexec.LookPath("pdfinfo"); err != nil {
		t.Skip("no pdfinfo")
	}
	info, err := osexec.Command("pdfinfo", "-box", out).CombinedOutput()
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"Title:", "Subject:", "Keywords:", "Author:", "Creator:", "Producer:", "CreationDate:", "ModDate:", "TrimBox:", "BleedBox:"} {
		if !strings.Contains(string(info), k) {
			t.Errorf("pdfinfo shows no %s\n%s", k, info)
		}
	}
}
