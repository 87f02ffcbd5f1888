package main

import (
	"bytes"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/internal/pdftest"
	"github.com/brochure-dev/brochure/layout"
)

// TestChartsExport runs `brochure charts` on the sample in each format:
// one file per chart with stable names, each a valid file of its kind
// with the chart's title in it.
func TestChartsExport(t *testing.T) {
	want := []string{"s03-c01-电子证明实时核查", "s06-c01-电信网络诈骗打击同比上升", "s06-c02-涉网新型犯罪打击战果", "s07-c01-交管四项指数同比降幅", "s09-c01-部市合作扶贫项目分布", "s10-c01-零发案智安小区占比"}
	for _, format := range []string{"svg", "png", "pdf"} {
		t.Run(format, func(t *testing.T) {
			dir := t.TempDir()
			code, _, errs := exec("charts", sample, "-o", dir, "--format", format, "--dpi", "150")
			if code != 0 {
				t.Fatalf("exit %d: %s", code, errs)
			}
			files, _ := filepath.Glob(filepath.Join(dir, "*."+format))
			sort.Strings(files)
			if len(files) != len(want) {
				t.Fatalf("%d files, want %d: %v", len(files), len(want), files)
			}
			for i, f := range files {
				if got := strings.TrimSuffix(filepath.Base(f), "."+format); got != want[i] {
					t.Errorf("file %d is %s, want %s", i, got, want[i])
				}
				b, err := os.ReadFile(f)
				if err != nil {
					t.Fatal(err)
				}
				title := strings.SplitN(want[i], "-", 3)[2]
				switch format {
				case "svg":
					if !bytes.HasPrefix(bytes.TrimSpace(b), []byte("<svg")) && !bytes.Contains(b[:min(200, len(b))], []byte("<svg")) || !bytes.Contains(b, []byte(title)) {
						t.Errorf("%s: not an SVG with its title as text", f)
					}
					if !bytes.Contains(b, []byte("<desc>")) || !bytes.Contains(b, []byte("："+title)) {
						t.Errorf("%s: no description of the chart in words", f)
					}
				case "png":
					img, err := png.Decode(bytes.NewReader(b))
					if err != nil || img.Bounds().Dx() < 300 {
						t.Errorf("%s: %v, %v", f, err, img)
					}
				case "pdf":
					if txt := pdftest.Open(t, b).AllText(); !strings.Contains(strings.ReplaceAll(txt, " ", ""), title) {
						t.Errorf("%s: title %q not in %q", f, title, txt)
					}
					pdftest.Validate(t, b)
				}
			}
		})
	}
	if code, _, _ := exec("charts", sample, "-o", t.TempDir(), "--format", "gif"); code != exitUsage {
		t.Errorf("unknown format: exit %d", code)
	}
}

// TestChartsAlt: `brochure charts --alt` prints each chart's alternative
// text, as the tagged PDF carries it, and writes no file.
func TestChartsAlt(t *testing.T) {
	code, out, errs := exec("charts", sample, "--alt")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{
		"s07-c01 交管四项指数同比降幅\n  柱状图：交管四项指数同比降幅，单位%。事故数14.98，死亡人数44.86（最大），受伤人数10.99（最小），直接财产损失15.95。\n",
		"s10-c01 零发案智安小区占比\n  环形图：零发案智安小区占比。22.7%（376 / 1653）。\n",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("charts --alt lacks\n%s\ngot\n%s", want, out)
		}
	}
	if n := strings.Count(out, "\n  "); n != 6 {
		t.Errorf("%d alt texts, want the sample's 6", n)
	}
}

// TestChartsExportWidth: the tech park's change chart, which stands in
// one of its three columns of text, is exported at that column's width
// (its SVG is the chart and 8 pt of margin each side), not half a row.
func TestChartsExportWidth(t *testing.T) {
	dir := t.TempDir()
	path := "../../examples/tech-park-2025/report.yaml"
	if code, _, errs := exec("charts", path, "-o", dir, "--format", "svg"); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "s01-c03-*.svg"))
	if len(files) != 1 {
		t.Fatalf("no s01-c03 chart in %s", dir)
	}
	b, _ := os.ReadFile(files[0])
	m := regexp.MustCompile(`<svg [^>]*width="([0-9.]+)pt"`).FindSubmatch(b)
	if m == nil {
		t.Fatal("no width")
	}
	w, _ := strconv.ParseFloat(string(m[1]), 64)
	r, _ := data.Load(path)
	d, err := layout.NewWith(r, layout.Options{Draft: true})
	if err != nil {
		t.Fatal(err)
	}
	if want := d.ChartWidth(0, 2) + 16; math.Abs(w-want) > 0.1 {
		t.Errorf("the SVG is %.1f pt wide, want %.1f (the chart as the brochure sets it)", w, want)
	}
}
