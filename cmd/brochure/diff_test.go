package main

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestDiffGolden compares the diff of two versions of a report with
// testdata/diff/want.txt; run `go test ./cmd/brochure -run Diff -update`
// after an intended change of the output, and read the new file.
func TestDiffGolden(t *testing.T) {
	code, out, errs := exec("diff", "testdata/diff/old.yaml", "testdata/diff/new.yaml")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if *update {
		os.WriteFile("testdata/diff/want.txt", []byte(out), 0o644)
	}
	want, err := os.ReadFile("testdata/diff/want.txt")
	if err != nil {
		t.Fatal(err)
	}
	if out != string(want) {
		t.Errorf("diff output differs from testdata/diff/want.txt:\n--- got\n%s--- want\n%s", out, want)
	}
}

func TestDiffSameAndErrors(t *testing.T) {
	if code, out, _ := exec("diff", sample, sample); code != 0 || out != "两个版本的内容相同。\n" {
		t.Errorf("same: %d %q", code, out)
	}
	if code, _, _ := exec("diff", sample); code != exitUsage {
		t.Errorf("one argument: exit %d", code)
	}
	if code, _, _ := exec("diff", sample, "nope.yaml"); code != exitIO {
		t.Errorf("missing file: exit %d", code)
	}
}

// TestDiffField: a field diff has no rule of its own for (a stat's note)
// is reported by the name the field table gives it.
func TestDiffField(t *testing.T) {
	dir := t.TempDir()
	write := func(name, note string) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte("title: T\nsections:\n  - title: 交通\n    stats:\n      - {value: 500, unit: 余场, label: 教育活动"+note+"}\n"), 0o644)
		return p
	}
	old, new := write("old.yaml", ""), write("new.yaml", ", note: 全年")
	if code, out, errs := exec("diff", old, new); code != 0 || !strings.Contains(out, "数字「教育活动」说明：无 → 全年") {
		t.Errorf("exit %d:\n%s%s", code, out, errs)
	}
}
