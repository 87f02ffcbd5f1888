package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/brochure-dev/brochure/internal/pdftest"
)

// The bad-input catalogue: every directory of testdata/bad is one mistake
// a press officer can make. Its files (plus whatever badInputs generates:
// files too big or too binary to commit) are copied to a fresh folder, the
// command in "args" (default: build report.yaml -o report.pdf) runs there
// through run(), and its exit code and output must equal want.txt.
//
// Beside the golden output every case promises: no internal error (exit
// 4 is a crash we did not foresee), a previous report.pdf byte-for-byte
// intact when the build fails, no temporary file left behind, and a PDF,
// when one is written, that qpdf and pdfcpu accept.
func TestBadInputs(t *testing.T) {
	cases, err := os.ReadDir("testdata/bad")
	if err != nil {
		t.Fatal(err)
	}
	seen := map[string]bool{}
	for _, c := range cases {
		if !c.IsDir() {
			continue
		}
		name := c.Name()
		seen[name] = true
		t.Run(name, func(t *testing.T) { runBadCase(t, name) })
	}
	for name := range badInputs {
		if !seen[name] {
			t.Errorf("badInputs has %q but testdata/bad has no such folder", name)
		}
	}
	if len(seen) < 40 {
		t.Errorf("the catalogue has %d cases; it promises at least 40", len(seen))
	}
}

const previousPDF = "%PDF-1.4 the previous build, which a failed build must leave alone\n%%EOF\n"

func runBadCase(t *testing.T, name string) {
	src := filepath.Join("testdata", "bad", name)
	golden := filepath.Join(src, "want.txt")
	dir := filepath.Join(t.TempDir(), "case")
	if err := os.CopyFS(dir, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(dir, "want.txt"))
	os.Remove(filepath.Join(dir, "args"))
	if gen := badInputs[name]; gen != nil {
		gen(t, dir)
	}
	args := []string{"build", "report.yaml", "-o", "report.pdf"}
	if b, err := os.ReadFile(filepath.Join(src, "args")); err == nil {
		args = strings.Fields(string(b))
	}
	old := filepath.Join(dir, "report.pdf")
	if _, err := os.Lstat(old); os.IsNotExist(err) {
		os.WriteFile(old, []byte(previousPDF), 0o644)
	}
	before := listFiles(t, dir)

	t.Chdir(dir)
	code, stdout, stderr := exec(args...)

	got := fmt.Sprintf("$ brochure %s\nexit %d\n%s%s", strings.Join(args, " "), code, normalise(stderr, dir), normalise(stdout, dir))
	if *update { // the -update flag of diff_test.go
		if err := os.WriteFile(filepath.Join(mustAbs(t, src), "want.txt"), []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	} else if want, err := os.ReadFile(mustAbs(t, golden)); err != nil {
		t.Errorf("no golden file (run go test -run TestBadInputs -update): %v", err)
	} else if got != string(want) {
		t.Errorf("output differs from %s (go test -run TestBadInputs/%s -update rewrites it)\n--- got\n%s--- want\n%s", golden, name, got, want)
	}

	if code == exitInternal {
		t.Errorf("internal error (a crash) on a bad input:\n%s", stderr)
	}
	if code != exitOK {
		if b, err := os.ReadFile(old); err == nil && !bytes.Equal(b, []byte(previousPDF)) {
			t.Errorf("the failed build changed the previous report.pdf")
		}
		if after := listFiles(t, dir); after != before {
			t.Errorf("the failed build changed the folder:\nbefore %s\nafter  %s", before, after)
		}
	} else {
		for _, pdf := range findPDFs(t, dir) {
			b, _ := os.ReadFile(pdf)
			if bytes.Equal(b, []byte(previousPDF)) {
				continue
			}
			pdftest.Validate(t, b)
			inMargins(t, b)
			pdftest.QpdfCheck(t, pdf)
		}
	}
	if tmp := findTemps(t, dir); len(tmp) > 0 {
		t.Errorf("temporary files left behind: %v", tmp)
	}
}

// inMargins checks that no character is drawn outside the page's side
// margins (48 pt) or off the page: long words and long lines must be
// broken, never run over.
func inMargins(t *testing.T, pdf []byte) {
	t.Helper()
	doc := pdftest.Open(t, pdf)
	for i, p := range doc.Pages {
		for _, c := range p.Chars {
			if c.Generated || c.Box.Right <= c.Box.Left {
				continue
			}
			if c.Box.Left < 48-0.5 || c.Box.Right > p.Width-48+0.5 || c.Box.Bottom < 0 || c.Box.Top > p.Height {
				t.Errorf("page %d: %q drawn at x %.1f..%.1f, y %.1f..%.1f: outside the margins", i+1, c.R, c.Box.Left, c.Box.Right, c.Box.Bottom, c.Box.Top)
				return
			}
		}
	}
}

func mustAbs(t *testing.T, p string) string {
	t.Helper()
	// the case chdirs into its temp folder; testdata is beside the test
	return filepath.Join(testdir, p)
}

var testdir, _ = os.Getwd()

// normalise makes output comparable across runs: the temporary folder
// becomes $DIR, timings and sizes become N.
func normalise(s, dir string) string {
	s = strings.ReplaceAll(s, dir, "$DIR")
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		s = strings.ReplaceAll(s, real, "$DIR")
	}
	s = regexp.MustCompile(`\d+ ms\b`).ReplaceAllString(s, "N ms")
	s = regexp.MustCompile(`(pages?), \d+(\.\d+)? (KB|MB)\b`).ReplaceAllString(s, "$1, N KB")
	return s
}

func listFiles(t *testing.T, dir string) string {
	var b strings.Builder
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		fmt.Fprintf(&b, "%s ", rel)
		return nil
	})
	return b.String()
}

func findPDFs(t *testing.T, dir string) []string {
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".pdf") {
			out = append(out, p)
		}
		return nil
	})
	return out
}

func findTemps(t *testing.T, dir string) []string {
	var out []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".tmp") {
			out = append(out, p)
		}
		return nil
	})
	return out
}

// badInputs makes the files of a case that are generated rather than
// committed: big, binary, or made of bytes an editor would "fix".
var badInputs = map[string]func(t *testing.T, dir string){
	"huge-file": func(t *testing.T, dir string) {
		// 50 MB: a title, then a body of comment lines
		var b bytes.Buffer
		b.WriteString("title: 宁波公安这一年\nsections:\n  - title: 交通\n")
		line := "# " + strings.Repeat("很长的注释", 20) + "\n"
		for b.Len() < 50<<20 {
			b.WriteString(line)
		}
		write(t, dir, "report.yaml", b.Bytes())
	},
	"gbk":           gbkReport,
	"gbk-converted": gbkReport,
	"utf16": func(t *testing.T, dir string) {
		s := "title: 宁波公安这一年\nsections:\n  - title: 交通\n"
		b := []byte{0xFF, 0xFE}
		for _, u := range utf16.Encode([]rune(s)) {
			b = binary.LittleEndian.AppendUint16(b, u)
		}
		write(t, dir, "report.yaml", b)
	},
	"invalid-utf8": func(t *testing.T, dir string) {
		write(t, dir, "report.yaml", []byte("title: 宁波公安这一年\ndate: 2021-01-18\nsections:\n  - title: 交通\n    body: 坚持学习\xff\xfe。\n"))
	},
	"too-many-bars": func(t *testing.T, dir string) {
		var b strings.Builder
		b.WriteString("title: 宁波公安这一年\ndate: 2021-01-18\nsections:\n  - title: 交通\n    charts:\n      - type: bar\n        title: 每日警情\n        data:\n")
		for i := range 10000 {
			fmt.Fprintf(&b, "          - {label: 第%d天, value: %d}\n", i+1, i%97)
		}
		write(t, dir, "report.yaml", []byte(b.String()))
	},
	"long-title": func(t *testing.T, dir string) {
		write(t, dir, "report.yaml", []byte("title: "+strings.Repeat("宁波公安这一年", 715)+"\ndate: 2021-01-18\nsections:\n  - title: 交通\n    body: 坚持学习。\n"))
	},
	"long-paragraph": func(t *testing.T, dir string) {
		write(t, dir, "report.yaml", []byte("title: 宁波公安这一年\ndate: 2021-01-18\nsections:\n  - title: 交通\n    body: "+strings.Repeat("坚持将学习贯彻习近平新时代中国特色社会主义思想作为首要政治任务。", 200000/32+1)+"\n"))
	},
	"long-token": func(t *testing.T, dir string) {
		tok := strings.Repeat("abcdefghij", 30)
		// in every place a text is broken: the body, a headline, a
		// section title, a caption, a chart's title and labels
		write(t, dir, "report.yaml", []byte("title: 宁波公安这一年\ndate: 2021-01-18\nsections:\n  - title: 交通"+tok[:50]+"\n    headline: 500余场"+tok[:70]+"活动\n    body: 网址是 https://example.com/"+tok+" 请访问。\n    photos:\n      - {file: photos/a.png, caption: "+tok[:200]+"}\n    charts:\n      - {type: hbar, title: "+tok[:60]+", data: [{label: "+tok[:40]+", value: 3}]}\n"))
		write(t, dir, "photos/a.png", pngOf(t, 900, 600))
	},
	"truncated-jpeg": func(t *testing.T, dir string) {
		var b bytes.Buffer
		img := image.NewRGBA(image.Rect(0, 0, 300, 200))
		for i := range img.Pix {
			img.Pix[i] = uint8(i * 7)
		}
		if err := jpeg.Encode(&b, img, nil); err != nil {
			t.Fatal(err)
		}
		write(t, dir, "photos/traffic.jpg", b.Bytes()[:b.Len()/2])
	},
	"damaged-jpeg-scan": func(t *testing.T, dir string) {
		// whole to its end-of-image marker, but an RST marker where none
		// is due inside its compressed data: found when it is decoded to
		// be downsampled (3600 px across the type area are over 450 dpi),
		// which happens while the pages are drawn
		var b bytes.Buffer
		img := image.NewRGBA(image.Rect(0, 0, 3600, 2400))
		for i := range img.Pix {
			img.Pix[i] = uint8(i * 7)
		}
		if err := jpeg.Encode(&b, img, nil); err != nil {
			t.Fatal(err)
		}
		data := b.Bytes()
		data[len(data)/2], data[len(data)/2+1] = 0xFF, 0xD3
		write(t, dir, "photos/traffic.jpg", data)
	},
	"photo-too-big": func(t *testing.T, dir string) {
		// 2 MB that start as a JPEG, against --max-photo-mb 1: refused
		// before it is read
		write(t, dir, "photos/traffic.jpg", append([]byte{0xFF, 0xD8, 0xFF}, make([]byte, 2<<20)...))
	},
	"png-bomb": func(t *testing.T, dir string) {
		// a valid header declaring 100000×100000 pixels (10 gigapixels,
		// 40 GB decoded), then a few bytes of data
		var b bytes.Buffer
		b.WriteString("\x89PNG\r\n\x1a\n")
		ihdr := binary.BigEndian.AppendUint32(nil, 100000)
		ihdr = binary.BigEndian.AppendUint32(ihdr, 100000)
		ihdr = append(ihdr, 8, 6, 0, 0, 0)
		chunk(&b, "IHDR", ihdr)
		chunk(&b, "IDAT", []byte{0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01})
		chunk(&b, "IEND", nil)
		write(t, dir, "photos/traffic.png", b.Bytes())
	},
	"webp": func(t *testing.T, dir string) {
		write(t, dir, "photos/traffic.webp", []byte("RIFF\x24\x00\x00\x00WEBPVP8 \x18\x00\x00\x00"+strings.Repeat("\x00", 24)))
	},
	"heic": func(t *testing.T, dir string) {
		write(t, dir, "photos/traffic.heic", []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"+strings.Repeat("\x00", 16)))
	},
	"svg": func(t *testing.T, dir string) {
		write(t, dir, "photos/traffic.svg", []byte(`<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="30" height="20"/>`))
	},
	"font-ttc": func(t *testing.T, dir string) {
		write(t, dir, "fonts/extra.ttc", append([]byte("ttcf\x00\x02\x00\x00"), make([]byte, 64)...))
	},
	"font-cff": func(t *testing.T, dir string) {
		write(t, dir, "fonts/extra.otf", append([]byte("OTTO\x00\x0a\x00\x80"), make([]byte, 64)...))
	},
	"font-woff": func(t *testing.T, dir string) {
		write(t, dir, "fonts/extra.woff2", append([]byte("wOF2\x00\x01\x00\x00"), make([]byte, 64)...))
	},
	"font-not-a-font": func(t *testing.T, dir string) {
		write(t, dir, "fonts/extra.ttf", []byte("<html><body>404 Not Found</body></html>\n"))
	},
	"symlink-out": func(t *testing.T, dir string) {
		outside := filepath.Join(filepath.Dir(dir), "elsewhere")
		write(t, outside, "secret.png", pngOf(t, 900, 600))
		os.MkdirAll(filepath.Join(dir, "photos"), 0o755)
		if err := os.Symlink(filepath.Join(outside, "secret.png"), filepath.Join(dir, "photos", "traffic.png")); err != nil {
			t.Skip("no symlinks here:", err)
		}
	},
	"allow-outside": func(t *testing.T, dir string) {
		write(t, dir, "shared/traffic.png", pngOf(t, 900, 600))
	},
}

func gbkReport(t *testing.T, dir string) {
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte("title: 宁波公安这一年\ndate: 2021-01-18\nsections:\n  - title: 交通\n    body: 坚持学习。\n"))
	if err != nil {
		t.Fatal(err)
	}
	write(t, dir, "gbk.yaml", b)
}

func write(t testing.TB, dir, name string, b []byte) {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func chunk(b *bytes.Buffer, typ string, data []byte) {
	binary.Write(b, binary.BigEndian, uint32(len(data)))
	crc := crc32.NewIEEE()
	crc.Write([]byte(typ))
	crc.Write(data)
	b.WriteString(typ)
	b.Write(data)
	binary.Write(b, binary.BigEndian, crc.Sum32())
}

func pngOf(t testing.TB, w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for x := range w {
		for y := range h {
			img.Set(x, y, color.RGBA{uint8(x * 4), 80, uint8(y * 6), 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
