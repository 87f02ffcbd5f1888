package data

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"

	"github.com/brochure-dev/brochure/internal/hostile"
)

// TestDataFileConfinement: a chart's data file is confined to the report's
// folder as photos and fonts are — absolute paths, "..", links out, FIFOs
// and devices refused before anything is opened (a FIFO would hang the
// build) — and --allow-outside lets the first three through.
func TestDataFileConfinement(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "report")
	os.Mkdir(dir, 0o755)
	secret := filepath.Join(root, "secret.csv")
	os.WriteFile(secret, []byte("类别,数量\n工资,9999\n"), 0o644)
	os.WriteFile(filepath.Join(dir, "ok.csv"), []byte("类别,数量\n火灾,97\n"), 0o644)
	if err := os.Symlink(secret, filepath.Join(dir, "link.csv")); err != nil {
		t.Skip(err)
	}
	os.Symlink("/dev/zero", filepath.Join(dir, "zero.csv"))
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.csv"), 0o644); err != nil {
		t.Skip(err)
	}
	for _, c := range []struct {
		file, want string
		allowed    bool // with --allow-outside
	}{
		{"ok.csv", "", true},
		{secret, "is an absolute path", true},
		{"../secret.csv", "leads out of the report's folder", true},
		{"link.csv", "is a link to a file outside the report's folder", true},
		{"zero.csv", "is a link to a file outside", false},
		{"fifo.csv", "is a named pipe (FIFO)", false},
	} {
		for _, allow := range []bool{false, true} {
			src := head + "    charts:\n      - {type: bar, data: {file: \"" + c.file + "\"}}\n"
			r, err := ParseOptions(filepath.Join(dir, "r.yaml"), []byte(src), Options{AllowOutside: allow})
			msg := ""
			if err != nil {
				msg = err.Error()
			}
			switch {
			case !allow && c.want == "" || allow && c.allowed:
				if err != nil {
					t.Errorf("%s (allow %v): %v", c.file, allow, err)
				} else if c.file != "ok.csv" && r.Sections[0].Charts[0].Data[0].Label != "工资" {
					t.Errorf("%s (allow %v): data %+v", c.file, allow, r.Sections[0].Charts[0].Data)
				}
			case !strings.Contains(msg, "data.file: ") || !allow && !strings.Contains(msg, c.want) || strings.Contains(msg, "工资"):
				t.Errorf("%s (allow %v): got %q, want a problem at data.file saying %q", c.file, allow, msg, c.want)
			}
		}
	}
}

// TestXLSXBomb: a workbook whose sheet unzips to 100 MB (from some
// 100 KB) is refused by the data budget before it is unzipped, with the
// flag that raises it; no temporary file is left, and the heap never
// holds the sheet.
func TestXLSXBomb(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "bomb.xlsx"), hostile.XLSX(100<<20), 0o644)
	tmp := t.TempDir()
	t.Setenv("TMPDIR", tmp)
	src := head + "    charts:\n      - {type: bar, data: {file: bomb.xlsx}}\n"
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	_, err := Parse(filepath.Join(dir, "r.yaml"), []byte(src))
	runtime.ReadMemStats(&after)
	var es Errors
	if !errors.As(err, &es) || !strings.Contains(err.Error(), "unzips to more than 32 MB") || !strings.Contains(err.Error(), "--max-data-mb") {
		t.Fatalf("got %v", err)
	}
	if grown := after.TotalAlloc - before.TotalAlloc; grown > 64<<20 {
		t.Errorf("%d MB allocated reading a refused workbook", grown>>20)
	}
	if left, _ := os.ReadDir(tmp); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

// TestCSVTooBig: a CSV over the data budget is refused before it is read.
func TestCSVTooBig(t *testing.T) {
	dir := t.TempDir()
	f, _ := os.Create(filepath.Join(dir, "big.csv"))
	f.Truncate(40 << 20) // sparse: 40 MB of nothing
	f.Close()
	src := head + "    charts:\n      - {type: bar, data: {file: big.csv}}\n"
	_, err := Parse(filepath.Join(dir, "r.yaml"), []byte(src))
	if err == nil || !strings.Contains(err.Error(), "40 MB, more than 32 MB") || !strings.Contains(err.Error(), "--max-data-mb") {
		t.Fatalf("got %v", err)
	}
}

// TestFontAndPhotoFIFO: a FIFO named as a font or a photo is refused by
// the same decision as data files, before anything opens it.
func TestFontAndPhotoFIFO(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"f.ttf", "p.jpg"} {
		if err := syscall.Mkfifo(filepath.Join(dir, n), 0o644); err != nil {
			t.Skip(err)
		}
	}
	src := "title: T\ntheme: {fonts: {fallback: f.ttf}}\nsections:\n  - title: S\n    photos:\n      - {file: p.jpg}\n"
	_, err := ParseOptions(filepath.Join(dir, "r.yaml"), []byte(src), Options{AllowOutside: true})
	for _, want := range []string{"theme.fonts.fallback: f.ttf is a named pipe (FIFO)", "sections[0].photos[0].file: p.jpg is a named pipe (FIFO)"} {
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("got %v, want %q", err, want)
		}
	}
}

// TestWideXLSX: 20,000 rows each with a cell in column XFD (166 KB) would
// be 327 million cells once excelize fills the rows out; refused from the
// sheet's XML before that, within a bounded allocation.
func TestWideXLSX(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "wide.xlsx"), hostile.WideXLSX(20_000), 0o644)
	src := head + "    charts:\n      - {type: bar, data: {file: wide.xlsx}}\n"
	var err error
	n := allocated(func() { _, err = Parse(filepath.Join(dir, "r.yaml"), []byte(src)) })
	if err == nil || !strings.Contains(err.Error(), "more than 2000000 cells") || !strings.Contains(err.Error(), "column XFD") {
		t.Fatalf("got %v", err)
	}
	if n > 128<<20 {
		t.Errorf("%d MB allocated refusing it", n>>20)
	}
}

// TestCSVCommas: 30 MB of commas (30 million empty cells) are refused
// before they are split.
func TestCSVCommas(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "c.csv"), []byte(strings.Repeat(",", 30<<20)), 0o644)
	src := head + "    charts:\n      - {type: bar, data: {file: c.csv}}\n"
	var err error
	n := allocated(func() { _, err = Parse(filepath.Join(dir, "r.yaml"), []byte(src)) })
	if err == nil || !strings.Contains(err.Error(), "more than 2000000 cells") {
		t.Fatalf("got %v", err)
	}
	if n > 128<<20 {
		t.Errorf("%d MB allocated refusing it", n>>20)
	}
}
