package main

import (
	"encoding/json"
	"github.com/brochure-dev/brochure/internal/pdftest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const small = "title: 宁波\ndate: 2021-01-18\nsections:\n  - title: 交通\n    stats:\n      - {value: 14.98, unit: \"%\", label: 事故数, change: down}\n"

func TestBuildSummary(t *testing.T) {
	dir := t.TempDir()
	yaml := filepath.Join(dir, "r.yaml")
	os.WriteFile(yaml, []byte(small+"    charts:\n      - {type: donut, percent: 40}\n    photos:\n      - {caption: 卡口}\n"), 0o644)
	// a photo with no file: left out of a build for print (its caption
	// too), with a warning at its line saying what to do; a frame marked
	// 图片占位 in a draft
	for _, tt := range []struct {
		args    []string
		summary string
		warning string
		printed bool // the placeholder's label and the caption
	}{
		{nil, "3 fonts embedded · 1 chart · 1 photo (1 left out: no file) · 1 warning",
			`r.yaml:10:9: sections[0].photos[0]: warning: no file: the photo is left out, its caption too, and the page closes up; add "file: photos/….jpg", or build with --draft`, false},
		{[]string{"--draft"}, "3 fonts embedded · 1 chart · 1 photo (1 placeholder) · 1 warning",
			"r.yaml:10:9: sections[0].photos[0]: warning: no file: a frame marked 图片占位 stands in its place in this proof (--draft)", true},
	} {
		code, out, errs := exec(append([]string{"build", yaml}, tt.args...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", tt.args, code, errs)
		}
		pdf, err := os.ReadFile(filepath.Join(dir, "r.pdf"))
		if err != nil {
			t.Fatalf("%v: no PDF beside the report", tt.args)
		}
		for _, want := range []string{"r.pdf: 2 pages, ", tt.summary} {
			if !strings.Contains(out, want) {
				t.Errorf("%v: summary lacks %q:\n%s", tt.args, want, out)
			}
		}
		if !strings.Contains(errs, tt.warning) {
			t.Errorf("%v: warning missing: %q", tt.args, errs)
		}
		text := pdftest.Open(t, pdf).AllText()
		for _, w := range []string{"图片占位", "卡口"} {
			if strings.Contains(text, w) != tt.printed {
				t.Errorf("%v: %q printed: %v, want %v", tt.args, w, !tt.printed, tt.printed)
			}
		}
		if strings.Contains(out+errs, "\x1b[") {
			t.Error("colours written to a buffer, not a terminal")
		}
	}

	code, out, errs := exec("build", "--json", yaml, "-o", filepath.Join(dir, "j.pdf"))
	var res result
	if err := json.Unmarshal([]byte(out), &res); code != 0 || err != nil {
		t.Fatalf("exit %d, %v: %s %s", code, err, out, errs)
	}
	if !res.OK || res.Pages != 2 || res.Charts != 1 || res.Photos != 1 || res.Placeholders != 0 || res.LeftOut != 1 || len(res.Fonts) != 3 || len(res.Warnings) != 1 || res.Bytes < 1000 {
		t.Errorf("json summary = %+v", res)
	}

	if code, out, errs := exec("build", "--quiet", yaml); code != 0 || out != "" || errs != "" {
		t.Errorf("--quiet: exit %d, %q %q", code, out, errs)
	}
	// -o naming an existing folder puts the PDF in it
	if code, _, errs := exec("build", yaml, "-o", t.TempDir()); code != 0 {
		t.Errorf("-o folder: %d %s", code, errs)
	}
}

// TestBatch builds a folder of reports in parallel, one of them bad: the
// others are built, the bad one is named, the exit code says it failed.
func TestBatch(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"a", "b", "c", "d"} {
		os.WriteFile(filepath.Join(dir, n+".yaml"), []byte(strings.Replace(small, "交通", "交通"+n, 1)), 0o644)
	}
	os.WriteFile(filepath.Join(dir, "bad.yaml"), []byte("title: 坏\nsections:\n  - title: x\n    stats:\n      - {value: abc}\n"), 0o644)
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	os.WriteFile(filepath.Join(dir, "sub", "report.yaml"), []byte(small), 0o644)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("not a report"), 0o644)
	out := filepath.Join(t.TempDir(), "pdfs")
	code, stdout, errs := exec("build", dir, "-o", out, "-j", "3")
	if code != exitInvalid {
		t.Errorf("exit %d, want %d", code, exitInvalid)
	}
	for _, n := range []string{"a", "b", "c", "d", "report"} {
		if _, err := os.Stat(filepath.Join(out, n+".pdf")); err != nil {
			t.Errorf("%s.pdf not built: %v", n, err)
		}
	}
	if _, err := os.Stat(filepath.Join(out, "bad.pdf")); err == nil {
		t.Error("bad.pdf written")
	}
	if !strings.Contains(errs, "bad.yaml:5:") || !strings.Contains(errs, "5 reports built, 1 failed: "+filepath.Join(dir, "bad.yaml")) {
		t.Errorf("stderr:\n%s", errs)
	}
	if strings.Count(stdout, " pages, ") != 5 {
		t.Errorf("stdout:\n%s", stdout)
	}
	// in input order, whatever order they finished in
	if strings.Index(stdout, "a.pdf") > strings.Index(stdout, "d.pdf") {
		t.Errorf("results out of order:\n%s", stdout)
	}

	// files named on the command line, PDFs beside them
	code, stdout, _ = exec("build", filepath.Join(dir, "a.yaml"), filepath.Join(dir, "b.yaml"))
	if code != 0 || !strings.Contains(stdout, "2 reports built") {
		t.Errorf("exit %d: %s", code, stdout)
	}
	if _, err := os.Stat(filepath.Join(dir, "b.pdf")); err != nil {
		t.Error(err)
	}
	// --json: one object a line
	code, stdout, _ = exec("build", "--json", dir, "-o", out)
	lines := strings.Split(strings.TrimSpace(stdout), "\n")
	if code != exitInvalid || len(lines) != 6 {
		t.Fatalf("exit %d, %d lines:\n%s", code, len(lines), stdout)
	}
	for _, l := range lines {
		var r result
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Errorf("%v: %s", err, l)
		}
		if strings.HasSuffix(r.Input, "bad.yaml") == r.OK || (!r.OK && len(r.Errors) == 0) {
			t.Errorf("result %+v", r)
		}
	}
}

func TestBatchNameClash(t *testing.T) {
	dir := t.TempDir()
	for _, n := range []string{"2020", "2021"} {
		os.Mkdir(filepath.Join(dir, n), 0o755)
		os.WriteFile(filepath.Join(dir, n, "report.yaml"), []byte(small), 0o644)
	}
	out := t.TempDir()
	if code, _, errs := exec("build", dir, "-o", out); code != 0 {
		t.Fatal(errs)
	}
	for _, n := range []string{"2020-report.pdf", "2021-report.pdf"} {
		if _, err := os.Stat(filepath.Join(out, n)); err != nil {
			t.Error(err)
		}
	}
}
