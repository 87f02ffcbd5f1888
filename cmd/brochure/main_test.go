package main

import (
	"bytes"
	"compress/zlib"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/png"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"unicode"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/internal/pdftest"
)

const sample = "../../examples/year-in-review-2020/report.yaml"

// exec runs the command in process and returns its exit code and output.
func exec(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return code, out.String(), errb.String()
}

var (
	sampleOnce sync.Once
	samplePDF  string // path of the sample brochure, built once
	sampleOut  string
	sampleCode int
)

func buildSample(t *testing.T) string {
	t.Helper()
	sampleOnce.Do(func() {
		dir, err := os.MkdirTemp("", "brochure-test")
		if err != nil {
			t.Fatal(err)
		}
		samplePDF = filepath.Join(dir, "sample.pdf")
		var errs string
		sampleCode, sampleOut, errs = exec("build", sample, "-o", samplePDF)
		sampleOut += errs
	})
	if sampleCode != 0 {
		t.Fatalf("build failed (%d): %s", sampleCode, sampleOut)
	}
	return samplePDF
}

func TestMain(m *testing.M) {
	code := m.Run()
	if samplePDF != "" {
		os.RemoveAll(filepath.Dir(samplePDF))
	}
	os.Exit(code)
}

func strip(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// bodyText returns the PDF's text as a viewer extracts it, page by page,
// without the running head and the folio, whitespace removed.
func bodyText(r *data.Report, pages []string) string {
	var b strings.Builder
	folio := regexp.MustCompile(`\d+/\d+$`)
	for i, p := range pages {
		s := strip(p)
		if i > 0 {
			s = strings.Replace(s, strip(r.Title+" · "+r.Subtitle), "", 1)
			s = strings.Replace(s, strip(r.Organization), "", 1)
			s = folio.ReplaceAllString(s, "")
		}
		b.WriteString(s)
	}
	return b.String()
}

func TestSampleBrochure(t *testing.T) {
	path := buildSample(t)
	if !regexp.MustCompile(`sample\.pdf: \d+ pages, \d+ KB, \d+ ms`).MatchString(sampleOut) {
		t.Errorf("summary line = %q", sampleOut)
	}
	pdf, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	r, err := data.Load(sample)
	if err != nil {
		t.Fatal(err)
	}
	doc := pdftest.Open(t, pdf)
	if len(doc.Pages) < 4 {
		t.Errorf("%d pages, want at least 4", len(doc.Pages))
	}
	for i, p := range doc.Pages {
		if p.Width != 595.28 || p.Height != 841.89 {
			t.Errorf("page %d is %.2f×%.2f pt, want A4", i+1, p.Width, p.Height)
		}
	}
	var pages []string
	for _, p := range doc.Pages {
		pages = append(pages, p.Text)
	}
	text := bodyText(r, pages)
	checkInOrder(t, r, text)
	// Fonts: every character drawn in an embedded Noto Sans SC face.
	faces := map[string]bool{}
	for _, p := range doc.Pages {
		for _, c := range p.Chars {
			if c.Generated || unicode.IsSpace(c.R) {
				continue
			}
			if !strings.Contains(strings.ToLower(c.Font), "notosanssc") || !c.Embedded {
				t.Fatalf("%q drawn in %q (embedded %v)", c.R, c.Font, c.Embedded)
			}
			faces[strings.ToLower(c.Font)] = true
		}
	}
	if len(faces) != 3 {
		t.Errorf("faces used: %v, want Regular, Bold and Black", faces)
	}
	if doc.Info["Title"] != r.Title+" "+r.Subtitle || doc.Info["Author"] != r.Organization || doc.Lang != "zh-CN" {
		t.Errorf("metadata: %v, lang %q", doc.Info, doc.Lang)
	}
	if !strings.HasPrefix(doc.Info["Creator"], "brochure") || doc.Info["Subject"] == "" {
		t.Errorf("metadata: %v", doc.Info)
	}
	pdftest.Validate(t, pdf)
}

// checkInOrder asserts that text (extracted from the PDF, whitespace and
// folios removed) holds every section title, every headline figure, every
// chart title, every caption of a photo with a file (one with none is
// left out of a build for print), and every character of every paragraph, the
// paragraphs whole and in order.
func checkInOrder(t *testing.T, r *data.Report, text string) {
	t.Helper()
	at := 0
	for i, s := range r.Sections {
		for _, want := range append([]string{s.Title}, s.Paragraphs()...) {
			k := strings.Index(text[at:], strip(want))
			if k < 0 {
				t.Errorf("section %d: %.40q… not found in order in the PDF text", i+1, strip(want))
				continue
			}
			at += k + len(strip(want))
		}
		for _, f := range regexp.MustCompile(`[0-9][0-9.]*%?`).FindAllString(s.Headline, -1) {
			if !strings.Contains(text, f) {
				t.Errorf("section %d: headline figure %s missing", i+1, f)
			}
		}
		for _, c := range s.Charts {
			if !strings.Contains(text, strip(c.Title)) {
				t.Errorf("section %d: chart title %q missing", i+1, c.Title)
			}
		}
		for _, p := range s.Photos {
			if p.File != "" && !strings.Contains(text, strip(p.Caption)) {
				t.Errorf("section %d: caption %q missing", i+1, p.Caption)
			}
		}
	}
	if !strings.Contains(text, strip(r.Byline)) {
		t.Errorf("byline %q missing", r.Byline)
	}
}

// TestSampleLineStarts reads the body lines back from the PDF (characters
// grouped by baseline and column) and checks that none starts with a mark
// that kinsoku forbids there.
func TestSampleLineStarts(t *testing.T) {
	pdf, err := os.ReadFile(buildSample(t))
	if err != nil {
		t.Fatal(err)
	}
	doc := pdftest.Open(t, pdf)
	type key struct {
		y   float64
		col bool
	}
	lines := 0
	for pi, p := range doc.Pages {
		first := map[key]pdftest.Char{}
		for _, c := range p.Chars {
			if c.Generated || unicode.IsSpace(c.R) || math.Abs(c.FontSize-9.5) > 0.01 || !strings.Contains(c.Font, "Regular") {
				continue // body text is 9.5 pt Regular (a stat card's unit is 9.5 pt too, in Bold)
			}
			k := key{float64(int(c.Origin[1]*10)) / 10, c.Origin[0] > p.Width/2}
			if f, ok := first[k]; !ok || c.Origin[0] < f.Origin[0] {
				first[k] = c
			}
		}
		keys := make([]key, 0, len(first))
		for k := range first {
			keys = append(keys, k)
		}
		sort.Slice(keys, func(i, j int) bool { return keys[i].y > keys[j].y })
		for _, k := range keys {
			lines++
			if r := first[k].R; strings.ContainsRune("，。、；：？！）》」』”’…%", r) {
				t.Errorf("page %d: a line starts with %q", pi+1, r)
			}
		}
	}
	if lines < 80 {
		t.Errorf("found only %d body lines", lines)
	}
}

func TestSampleExternalChecks(t *testing.T) {
	path := buildSample(t)
	t.Run("qpdf", func(t *testing.T) { pdftest.QpdfCheck(t, path) })
	t.Run("pdffonts", func(t *testing.T) {
		rows := pdftest.Pdffonts(t, path)
		if len(rows) != 3 {
			t.Errorf("pdffonts lists %d fonts, want 3: %v", len(rows), rows)
		}
		for _, f := range rows {
			if !strings.Contains(strings.ToLower(f.Name), "notosanssc") || !f.Emb {
				t.Errorf("font %+v: want an embedded Noto Sans SC face", f)
			}
		}
	})
	// poppler's default reading order guesses columns and interleaves
	// short two-column paragraphs line by line; -raw keeps the content
	// stream order, which is the reading order layout wrote.
	t.Run("pdftotext", func(t *testing.T) {
		r, err := data.Load(sample)
		if err != nil {
			t.Fatal(err)
		}
		pages := strings.Split(pdftest.Pdftotext(t, path, "-raw"), "\f")
		checkInOrder(t, r, bodyText(r, pages))
	})
	// a third engine: fonts.Embedding writes what MuPDF reads too
	t.Run("mutool", func(t *testing.T) {
		r, err := data.Load(sample)
		if err != nil {
			t.Fatal(err)
		}
		pages := strings.Split(pdftest.Mutool(t, path), "\f")
		checkInOrder(t, r, bodyText(r, pages))
	})
}

func TestRebuildIsByteIdentical(t *testing.T) {
	first, err := os.ReadFile(buildSample(t))
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "again.pdf")
	if code, _, errs := exec("build", sample, "-o", out); code != 0 {
		t.Fatal(errs)
	}
	again, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(first, again) {
		t.Errorf("two builds of the same report differ (%d and %d bytes)", len(first), len(again))
	}
}

func TestBadReport(t *testing.T) {
	dir := t.TempDir()
	yaml := filepath.Join(dir, "bad.yaml")
	os.WriteFile(yaml, []byte(`subtitle: 2020年工作回顾
sections:
  - title: 政治建警
    stats:
      - {value: abc, unit: 场, label: 教育活动}
    bodyy: 坚持学习。
`), 0o644)
	code, _, errs := exec("validate", yaml)
	if code != exitInvalid {
		t.Errorf("validate exit = %d, want %d", code, exitInvalid)
	}
	for _, want := range []string{
		"bad.yaml:1:1", "title", // missing title
		"bad.yaml:5:",                         // string where a number belongs
		"bad.yaml:6:5", `did you mean "body"`, // unknown key
	} {
		if !strings.Contains(errs, want) {
			t.Errorf("validate output lacks %q:\n%s", want, errs)
		}
	}
	out := filepath.Join(dir, "bad.pdf")
	os.WriteFile(out, []byte("previous PDF"), 0o644)
	if code, _, _ := exec("build", yaml, "-o", out); code != exitInvalid {
		t.Errorf("build exit = %d, want %d", code, exitInvalid)
	}
	if b, _ := os.ReadFile(out); string(b) != "previous PDF" {
		t.Errorf("build touched the existing output: %q", b)
	}
	if m, _ := filepath.Glob(filepath.Join(dir, ".*tmp")); len(m) > 0 {
		t.Errorf("temp files left: %v", m)
	}
}

func TestMissingGlyph(t *testing.T) {
	dir := t.TempDir()
	yaml := filepath.Join(dir, "r.yaml")
	os.WriteFile(yaml, []byte("title: 宁波\nsections:\n  - title: 吉祥\n    body: |\n      第一段落有一个𠮷字。\n"), 0o644)
	code, _, errs := exec("build", yaml, "-o", filepath.Join(dir, "r.pdf"))
	if code != exitInvalid || !strings.Contains(errs, "r.yaml:5:14") || !strings.Contains(errs, "U+20BB7") {
		t.Errorf("exit %d, output:\n%s", code, errs)
	}
	if _, err := os.Stat(filepath.Join(dir, "r.pdf")); err == nil {
		t.Error("a PDF was written despite the error")
	}
}

func TestUsage(t *testing.T) {
	tests := []struct {
		args []string
		code int
	}{
		{nil, exitUsage},
		{[]string{"frobnicate"}, exitUsage},
		{[]string{"build"}, exitUsage},
		{[]string{"build", sample, "-o", sample}, exitUsage},
		{[]string{"validate", "does-not-exist.yaml"}, exitIO},
		{[]string{"version"}, exitOK},
	}
	for _, tt := range tests {
		if code, _, _ := exec(tt.args...); code != tt.code {
			t.Errorf("brochure %v: exit %d, want %d", tt.args, code, tt.code)
		}
	}
}

func TestValidateSample(t *testing.T) {
	if code, out, errs := exec("validate", sample); code != 0 || !strings.Contains(out, "ok") {
		t.Errorf("validate sample: %d %s %s", code, out, errs)
	}
}

// TestPhoto places a generated wide PNG in a 3:2 frame: it is embedded
// once, cropped by a clip rather than stretched.
func TestPhoto(t *testing.T) {
	dir := t.TempDir()
	img := image.NewRGBA(image.Rect(0, 0, 1800, 600)) // about 270 dpi: print needs 100 at least
	for x := 0; x < 1800; x++ {
		for y := 0; y < 600; y++ {
			img.Set(x, y, color.RGBA{uint8(x / 9), 80, 120, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	os.Mkdir(filepath.Join(dir, "photos"), 0o755)
	os.WriteFile(filepath.Join(dir, "photos", "wide.png"), b.Bytes(), 0o644)
	yaml := filepath.Join(dir, "r.yaml")
	os.WriteFile(yaml, []byte("title: 宁波\nsections:\n  - title: 交通\n    photos:\n      - {file: photos/wide.png, caption: 民警在重要交通路口指挥疏导交通}\n"), 0o644)
	out := filepath.Join(dir, "r.pdf")
	if code, _, errs := exec("build", yaml, "-o", out); code != 0 {
		t.Fatal(errs)
	}
	pdf, _ := os.ReadFile(out)
	if n := bytes.Count(pdf, []byte("/Subtype /Image")); n != 1 {
		t.Errorf("%d images in the PDF, want 1", n)
	}
	doc := pdftest.Open(t, pdf)
	if !strings.Contains(doc.AllText(), "民警在重要交通路口指挥疏导交通") || strings.Contains(doc.AllText(), "图片占位") {
		t.Errorf("caption missing or placeholder drawn: %q", doc.AllText())
	}
	pdftest.Validate(t, pdf)
}

// TestFallbackFont: a character the embedded fonts lack prints in the
// fallback font the report names; a font the PDF writer cannot embed is an
// error at the line that names it; charts do not use the fallback.
func TestFallbackFont(t *testing.T) {
	dir := t.TempDir()
	ttf, err := os.ReadFile("../../fonts/testdata/fallback.ttf")
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "extra.ttf"), ttf, 0o644)
	os.WriteFile(filepath.Join(dir, "c.ttc"), append([]byte("ttcf"), make([]byte, 64)...), 0o644)
	build := func(font, extra string) (int, string, string) {
		yaml := filepath.Join(dir, "r.yaml")
		os.WriteFile(yaml, []byte("title: 宁波\ntheme:\n  fonts: {fallback: "+font+"}\nsections:\n  - title: 吉祥\n    body: 第一段有\uE000字。\n"+extra), 0o644)
		out := filepath.Join(dir, "r.pdf")
		os.Remove(out)
		code, _, errs := exec("build", yaml, "-o", out)
		return code, out, errs
	}
	code, out, errs := build("extra.ttf", "")
	if code != 0 {
		t.Fatalf("build with a fallback font: %d %s", code, errs)
	}
	pdf, _ := os.ReadFile(out)
	doc := pdftest.Open(t, pdf)
	if !strings.Contains(doc.AllText(), "第一段有\uE000字") {
		t.Errorf("text = %q", doc.AllText())
	}
	fallback := false
	for _, c := range doc.Pages[len(doc.Pages)-1].Chars { // the body's page (a short body is on the cover)
		if c.R == '\uE000' {
			fallback = strings.Contains(c.Font, "extra") && c.Embedded // the file's name: the test font has no PostScript name
		}
	}
	if !fallback {
		t.Error("U+E000 is not drawn in the embedded fallback font")
	}
	pdftest.Validate(t, pdf)

	if code, _, errs := build("c.ttc", ""); code != exitInvalid || !strings.Contains(errs, "r.yaml:3:21") || !strings.Contains(errs, "collection") {
		t.Errorf("a TTC fallback: exit %d\n%s", code, errs)
	}
	if code, _, errs := build("missing.ttf", ""); code != exitInvalid || !strings.Contains(errs, "not found") {
		t.Errorf("a missing font: exit %d\n%s", code, errs)
	}
	chart := "    charts:\n      - {type: bar, title: 图\uE000, data: [{label: a, value: 1}]}\n"
	if code, _, errs := build("extra.ttf", chart); code != exitInvalid || !strings.Contains(errs, "charts print in the text's regular, bold and black faces") || strings.Count(errs, "U+E000") != 1 {
		t.Errorf("a chart with the fallback's character: exit %d\n%s", code, errs)
	}
}

// TestDamagedPhoto: a truncated PNG passes the format check but not the
// decoder; it is an error at its line, never a crash in the PDF writer.
func TestDamagedPhoto(t *testing.T) {
	dir := t.TempDir()
	img := image.NewRGBA(image.Rect(0, 0, 300, 200))
	var b bytes.Buffer
	png.Encode(&b, img)
	os.WriteFile(filepath.Join(dir, "cut.png"), b.Bytes()[:b.Len()/2], 0o644)
	yaml := filepath.Join(dir, "r.yaml")
	os.WriteFile(yaml, []byte("title: 宁波\nsections:\n  - title: 交通\n    photos:\n      - {file: cut.png, caption: 图注}\n"), 0o644)
	code, _, errs := exec("build", yaml, "-o", filepath.Join(dir, "r.pdf"))
	if code != exitInvalid || !strings.Contains(errs, "r.yaml:5:") || !strings.Contains(errs, "damaged") {
		t.Errorf("exit %d:\n%s", code, errs)
	}
}

// TestInterlacedPNG: Go decodes interlaced and 16-bit PNGs, fpdf refuses
// them; they are encoded again and placed, not reported as a bug.
func TestInterlacedPNG(t *testing.T) {
	for _, name := range []string{"interlaced", "16bit"} {
		dir := t.TempDir()
		var img image.Image
		if name == "16bit" {
			m := image.NewRGBA64(image.Rect(0, 0, 900, 600))
			for i := range m.Pix {
				m.Pix[i] = uint8(i * 31)
			}
			img = m
		} else {
			img = image.NewRGBA(image.Rect(0, 0, 900, 600))
		}
		var b bytes.Buffer
		if err := png.Encode(&b, img); err != nil {
			t.Fatal(err)
		}
		data := b.Bytes()
		if name == "interlaced" {
			data = interlace(t, img)
		}
		os.WriteFile(filepath.Join(dir, "p.png"), data, 0o644)
		yaml := filepath.Join(dir, "r.yaml")
		os.WriteFile(yaml, []byte("title: 宁波\nsections:\n  - title: 交通\n    photos:\n      - {file: p.png, caption: 图注}\n"), 0o644)
		if code, _, errs := exec("build", yaml, "-o", filepath.Join(dir, "r.pdf")); code != 0 {
			t.Errorf("%s: exit %d: %s", name, code, errs)
		}
	}
}

// interlace writes img as an Adam7-interlaced PNG (Go's encoder writes
// none), with zlib-compressed passes of unfiltered scanlines.
func interlace(t *testing.T, img image.Image) []byte {
	b := img.Bounds()
	var raw bytes.Buffer
	passes := [7][4]int{{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4}, {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}}
	for _, p := range passes {
		for y := p[1]; y < b.Dy(); y += p[3] {
			if p[0] >= b.Dx() {
				break
			}
			raw.WriteByte(0)
			for x := p[0]; x < b.Dx(); x += p[2] {
				r, g, bl, _ := img.At(x, y).RGBA()
				raw.Write([]byte{byte(r >> 8), byte(g >> 8), byte(bl >> 8)})
			}
		}
	}
	var z bytes.Buffer
	zw := zlib.NewWriter(&z)
	zw.Write(raw.Bytes())
	zw.Close()
	var out bytes.Buffer
	out.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		var l [4]byte
		binary.BigEndian.PutUint32(l[:], uint32(len(data)))
		out.Write(l[:])
		c := crc32.NewIEEE()
		c.Write([]byte(typ))
		c.Write(data)
		out.WriteString(typ)
		out.Write(data)
		binary.BigEndian.PutUint32(l[:], c.Sum32())
		out.Write(l[:])
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], uint32(b.Dx()))
	binary.BigEndian.PutUint32(ihdr[4:], uint32(b.Dy()))
	ihdr[8], ihdr[9], ihdr[12] = 8, 2, 1 // 8-bit RGB, Adam7
	chunk("IHDR", ihdr)
	chunk("IDAT", z.Bytes())
	chunk("IEND", nil)
	if _, err := png.Decode(bytes.NewReader(out.Bytes())); err != nil {
		t.Fatalf("the test's interlaced PNG does not decode: %v", err)
	}
	return out.Bytes()
}
