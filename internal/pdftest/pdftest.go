// Package pdftest lets tests read the PDFs brochure writes the way a viewer
// does: PDFium (compiled to WebAssembly, run in process by wazero, no cgo and
// no installed library) extracts pages, boxes, text, per-character geometry
// and fonts, and renders pages to images; pdfcpu validates structure; and the
// optional qpdf / poppler command-line tools give an independent second
// opinion (those helpers skip the test when the tool is not installed).
//
// All coordinates are PDF user-space points with the origin at the
// bottom-left of the page (y grows upwards), unlike fpdf's top-left
// convention: an fpdf y of Y (in pt) corresponds to a PDF y of Height-Y.
package pdftest

import (
	"bytes"
	"compress/zlib"
	"context"
	"errors"
	"fmt"
	"image"
	"image/draw"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/references"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"

	"github.com/brochure-dev/brochure/internal/render"
)

// Rect is a rectangle in PDF points, origin bottom-left.
type Rect struct{ Left, Bottom, Right, Top float64 }

// Doc is everything Load extracts from a PDF.
type Doc struct {
	Pages []Page
	// Info holds the document information entries reported by
	// FPDF_GetMetaText: Title, Author, Subject, Keywords, Creator, Producer,
	// CreationDate, ModDate. Missing entries are absent from the map.
	Info map[string]string
	// Lang is the catalog /Lang entry (FPDFCatalog_GetLanguage), "" if absent.
	Lang string
}

// Page is one page of a Doc.
type Page struct {
	Width, Height float64 // pt, as FPDF_GetPageWidthF/HeightF report (rotation applied)
	// Page boxes in pt; a zero Rect means the box is not in the page
	// dictionary (PDFium does not default CropBox/TrimBox/BleedBox to the
	// MediaBox). MediaBox is also filled when it is inherited from the
	// /Pages node, as in fpdf output, provided the page has no CropBox.
	MediaBox, CropBox, TrimBox, BleedBox Rect
	// Text is FPDFText_GetText of the whole page. PDFium inserts generated
	// characters ("\r\n" between lines, spaces between words it infers).
	Text  string
	Chars []Char // one per character PDFium reports, generated ones included
}

// Char is one character as PDFium's text layer sees it.
type Char struct {
	R rune
	// Box is the tight glyph box (FPDFText_GetCharBox), pt, origin
	// bottom-left. It hugs the ink, so it is smaller than the font size and
	// zero-sized for spaces and generated characters.
	Box Rect
	// Origin is the glyph origin on the baseline (FPDFText_GetCharOrigin), pt.
	Origin   [2]float64
	FontSize float64
	// Font is the font name from FPDFText_GetFontInfo, i.e. the /BaseFont:
	// "Helvetica" for core fonts, "utf8"+lower-cased family for fpdf's
	// AddUTF8Font*, and a subset name ("ABCDEF+NotoSansSC-Regular") for
	// the faces fonts.Embedding writes.
	Font string
	// Embedded reports FPDFFont_GetIsEmbedded for the character's text
	// object's font; false for generated characters, which have no text object.
	Embedded bool
	// Generated is true for characters PDFium synthesised (FPDFText_IsGenerated)
	// rather than read from the content stream, such as "\r\n" between lines.
	Generated bool
}

// AllText returns the pages' Text joined with "\n".
func (d *Doc) AllText() string {
	parts := make([]string, len(d.Pages))
	for i, p := range d.Pages {
		parts[i] = p.Text
	}
	return strings.Join(parts, "\n")
}

// engine is the PDFium of this test binary, started on first use and
// shared by every test: brochure's own (internal/render), with its
// compiled module kept in brochure's cache folder between runs.
var engine render.Renderer

// instance borrows a PDFium instance; the caller must Close it.
func instance() (pdfium.Pdfium, error) {
	inst, err := engine.Instance(5 * time.Minute)
	if err != nil {
		return nil, fmt.Errorf("pdftest: %w", err)
	}
	return inst, nil
}

// Open loads pdf with Load and fails the test on any error.
func Open(t testing.TB, pdf []byte) *Doc {
	t.Helper()
	d, err := Load(pdf)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

// Load parses pdf with PDFium, eagerly extracting every page, and closes the
// document. It is Open without the testing.TB, so error paths can be tested.
func Load(pdf []byte) (doc *Doc, err error) {
	inst, err := instance()
	if err != nil {
		return nil, err
	}
	defer inst.Close()

	data := pdf // go-pdfium keeps a reference; the caller's slice is not modified
	od, err := inst.FPDF_LoadMemDocument(&requests.FPDF_LoadMemDocument{Data: &data})
	if err != nil {
		return nil, fmt.Errorf("pdftest: open document: %w", err)
	}
	defer func() {
		_, cerr := inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: od.Document})
		if err == nil && cerr != nil {
			err = fmt.Errorf("pdftest: close document: %w", cerr)
		}
	}()

	doc = &Doc{Info: map[string]string{}}
	for _, tag := range []string{"Title", "Author", "Subject", "Keywords", "Creator", "Producer", "CreationDate", "ModDate"} {
		mt, err := inst.FPDF_GetMetaText(&requests.FPDF_GetMetaText{Document: od.Document, Tag: tag})
		if err != nil {
			return nil, fmt.Errorf("pdftest: meta %s: %w", tag, err)
		}
		if mt.Value != "" {
			doc.Info[tag] = mt.Value
		}
	}
	if lang, err := inst.FPDFCatalog_GetLanguage(&requests.FPDFCatalog_GetLanguage{Document: od.Document}); err == nil {
		doc.Lang = lang.Language
	}

	pc, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: od.Document})
	if err != nil {
		return nil, fmt.Errorf("pdftest: page count: %w", err)
	}
	for i := 0; i < pc.PageCount; i++ {
		p, err := loadPage(inst, od.Document, i)
		if err != nil {
			return nil, fmt.Errorf("pdftest: page %d: %w", i, err)
		}
		doc.Pages = append(doc.Pages, p)
	}
	return doc, nil
}

func loadPage(inst pdfium.Pdfium, d references.FPDF_DOCUMENT, index int) (pg Page, err error) {
	lp, err := inst.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: d, Index: index})
	if err != nil {
		return pg, err
	}
	defer inst.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: lp.Page})
	ref := requests.Page{ByReference: &lp.Page}

	w, err := inst.FPDF_GetPageWidthF(&requests.FPDF_GetPageWidthF{Page: ref})
	if err != nil {
		return pg, err
	}
	h, err := inst.FPDF_GetPageHeightF(&requests.FPDF_GetPageHeightF{Page: ref})
	if err != nil {
		return pg, err
	}
	pg.Width, pg.Height = f32(w.PageWidth), f32(h.PageHeight)

	// The Get*Box calls fail when the box is absent: leave it zero.
	if b, err := inst.FPDFPage_GetMediaBox(&requests.FPDFPage_GetMediaBox{Page: ref}); err == nil {
		pg.MediaBox = rect32(b.Left, b.Bottom, b.Right, b.Top)
	}
	if b, err := inst.FPDFPage_GetCropBox(&requests.FPDFPage_GetCropBox{Page: ref}); err == nil {
		pg.CropBox = rect32(b.Left, b.Bottom, b.Right, b.Top)
	}
	if pg.MediaBox == (Rect{}) && pg.CropBox == (Rect{}) {
		// FPDFPage_GetMediaBox reads only the page dictionary, but fpdf
		// writes /MediaBox once on the /Pages node for pages inherit. With
		// no CropBox, PDFium's page bounding box is exactly the inherited
		// MediaBox.
		if b, err := inst.FPDF_GetPageBoundingBox(&requests.FPDF_GetPageBoundingBox{Page: ref}); err == nil {
			pg.MediaBox = rect32(b.Rect.Left, b.Rect.Bottom, b.Rect.Right, b.Rect.Top)
		}
	}
	if b, err := inst.FPDFPage_GetTrimBox(&requests.FPDFPage_GetTrimBox{Page: ref}); err == nil {
		pg.TrimBox = rect32(b.Left, b.Bottom, b.Right, b.Top)
	}
	if b, err := inst.FPDFPage_GetBleedBox(&requests.FPDFPage_GetBleedBox{Page: ref}); err == nil {
		pg.BleedBox = rect32(b.Left, b.Bottom, b.Right, b.Top)
	}

	tp, err := inst.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: ref})
	if err != nil {
		return pg, err
	}
	defer inst.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})
	cc, err := inst.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: tp.TextPage})
	if err != nil {
		return pg, err
	}
	if cc.Count > 0 {
		txt, err := inst.FPDFText_GetText(&requests.FPDFText_GetText{TextPage: tp.TextPage, StartIndex: 0, Count: cc.Count})
		if err != nil {
			return pg, err
		}
		// The count go-pdfium slices by includes PDFium's NUL terminator.
		pg.Text = strings.TrimRight(txt.Text, "\x00")
	}

	embedded := map[references.FPDF_FONT]bool{}
	for i := 0; i < cc.Count; i++ {
		c, err := loadChar(inst, tp.TextPage, i, embedded)
		if err != nil {
			return pg, fmt.Errorf("char %d: %w", i, err)
		}
		// PDFium reports characters as UTF-16 code units: merge surrogate pairs.
		if n := len(pg.Chars); n > 0 && utf16.IsSurrogate(c.R) && c.R >= 0xDC00 && pg.Chars[n-1].R >= 0xD800 && pg.Chars[n-1].R < 0xDC00 {
			pg.Chars[n-1].R = utf16.DecodeRune(pg.Chars[n-1].R, c.R)
			continue
		}
		pg.Chars = append(pg.Chars, c)
	}
	return pg, nil
}

func loadChar(inst pdfium.Pdfium, tp references.FPDF_TEXTPAGE, i int, embedded map[references.FPDF_FONT]bool) (Char, error) {
	var c Char
	u, err := inst.FPDFText_GetUnicode(&requests.FPDFText_GetUnicode{TextPage: tp, Index: i})
	if err != nil {
		return c, err
	}
	c.R = rune(u.Unicode)
	if g, err := inst.FPDFText_IsGenerated(&requests.FPDFText_IsGenerated{TextPage: tp, Index: i}); err == nil {
		c.Generated = g.IsGenerated
	}
	if b, err := inst.FPDFText_GetCharBox(&requests.FPDFText_GetCharBox{TextPage: tp, Index: i}); err == nil {
		c.Box = Rect{f32(b.Left), f32(b.Bottom), f32(b.Right), f32(b.Top)}
	}
	if o, err := inst.FPDFText_GetCharOrigin(&requests.FPDFText_GetCharOrigin{TextPage: tp, Index: i}); err == nil {
		c.Origin = [2]float64{f32(o.X), f32(o.Y)}
	}
	if fs, err := inst.FPDFText_GetFontSize(&requests.FPDFText_GetFontSize{TextPage: tp, Index: i}); err == nil {
		c.FontSize = f32(fs.FontSize)
	}
	if fi, err := inst.FPDFText_GetFontInfo(&requests.FPDFText_GetFontInfo{TextPage: tp, Index: i}); err == nil {
		c.Font = fi.FontName
	}
	if c.Generated {
		return c, nil
	}
	to, err := inst.FPDFText_GetTextObject(&requests.FPDFText_GetTextObject{TextPage: tp, Index: i})
	if err != nil || to.TextObject == "" {
		return c, nil
	}
	f, err := inst.FPDFTextObj_GetFont(&requests.FPDFTextObj_GetFont{PageObject: to.TextObject})
	if err != nil {
		return c, nil
	}
	e, ok := embedded[f.Font]
	if !ok {
		if r, err := inst.FPDFFont_GetIsEmbedded(&requests.FPDFFont_GetIsEmbedded{Font: f.Font}); err == nil {
			e = r.IsEmbedded
		}
		embedded[f.Font] = e
	}
	c.Embedded = e
	return c, nil
}

func rect32(l, b, r, t float32) Rect {
	return Rect{f32(l), f32(b), f32(r), f32(t)}
}

// f32 widens a float32 by its shortest decimal form, so PDFium's
// single-precision 841.89 comes back as 841.89, not 841.8900146484375.
func f32[F float32 | float64](x F) float64 {
	v, _ := strconv.ParseFloat(strconv.FormatFloat(float64(float32(x)), 'g', -1, 32), 64)
	return v
}

// Render renders page (0-based) of pdf at dpi with PDFium, for pixel checks.
// The result is an *image.RGBA owned by the caller. The test fails on error.
func Render(t testing.TB, pdf []byte, page int, dpi float64) image.Image {
	t.Helper()
	img, err := renderPage(pdf, page, dpi)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

func renderPage(pdf []byte, page int, dpi float64) (image.Image, error) {
	inst, err := instance()
	if err != nil {
		return nil, err
	}
	defer inst.Close()
	data := pdf
	od, err := inst.FPDF_LoadMemDocument(&requests.FPDF_LoadMemDocument{Data: &data})
	if err != nil {
		return nil, fmt.Errorf("pdftest: open document: %w", err)
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: od.Document})
	res, err := inst.RenderPageInDPI(&requests.RenderPageInDPI{
		Page: requests.Page{ByIndex: &requests.PageByIndex{Document: od.Document, Index: page}},
		DPI:  int(dpi + 0.5), // go-pdfium only takes whole DPI
	})
	if err != nil {
		return nil, fmt.Errorf("pdftest: render page %d: %w", page, err)
	}
	defer res.Cleanup()
	src := res.Result.RenderedImage
	if src == nil {
		return nil, errors.New("pdftest: render returned no image")
	}
	// In WebAssembly mode the pixels live in wasm memory until Cleanup: copy.
	dst := image.NewRGBA(src.Bounds())
	draw.Draw(dst, dst.Bounds(), src, src.Bounds().Min, draw.Src)
	return dst, nil
}

// RenderPoppler renders every page of pdf at dpi in grey with poppler's
// pdftoppm, as reviewers' outside checks do (a raster of its own: an
// edge PDFium sets in one row of pixels it may set in the next). It
// returns an error wrapping exec.ErrNotFound when pdftoppm is not on
// PATH, for a caller that then judges by PDFium alone.
func RenderPoppler(pdf []byte, dpi float64) ([]image.Image, error) {
	path, err := exec.LookPath("pdftoppm")
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "pdftest-ppm")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(dir)
	in := filepath.Join(dir, "in.pdf")
	if err := os.WriteFile(in, pdf, 0o600); err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	if out, err := exec.CommandContext(ctx, path, "-r", strconv.FormatFloat(dpi, 'f', -1, 64), "-gray", in, filepath.Join(dir, "p")).CombinedOutput(); err != nil {
		return nil, fmt.Errorf("pdftoppm: %v\n%s", err, out)
	}
	names, err := filepath.Glob(filepath.Join(dir, "p-*.pgm"))
	if err != nil {
		return nil, err
	}
	page := func(name string) int {
		n, _ := strconv.Atoi(strings.TrimSuffix(name[strings.LastIndex(name, "-")+1:], ".pgm"))
		return n
	}
	slices.SortFunc(names, func(a, b string) int { return page(a) - page(b) })
	imgs := make([]image.Image, len(names))
	for i, name := range names {
		b, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		if imgs[i], err = pgm(b); err != nil {
			return nil, fmt.Errorf("%s: %w", filepath.Base(name), err)
		}
	}
	return imgs, nil
}

// pgm decodes a binary greymap (P5, 8 bits), as pdftoppm -gray writes.
func pgm(b []byte) (*image.Gray, error) {
	f := strings.Fields(string(b[:min(len(b), 64)]))
	if len(f) < 4 || f[0] != "P5" || f[3] != "255" {
		return nil, errors.New("not an 8-bit binary PGM")
	}
	w, err1 := strconv.Atoi(f[1])
	h, err2 := strconv.Atoi(f[2])
	if err1 != nil || err2 != nil || w <= 0 || h <= 0 || len(b) < w*h {
		return nil, errors.New("a PGM of no size")
	}
	img := image.NewGray(image.Rect(0, 0, w, h))
	copy(img.Pix, b[len(b)-w*h:]) // the pixels end the file, after one white space
	return img, nil
}

var pdfcpuOnce sync.Once

// Validate validates pdf with pdfcpu and fails the test (t.Error) with
// pdfcpu's message if relaxed validation rejects it.
//
// Relaxed is the gate because it is pdfcpu's own default and what
// real-world viewers tolerate; strict mode fails on details that no viewer
// cares about (and pdfcpu's strict checks change between releases). fpdf
// v0.12.0 output with core and UTF-8 TrueType fonts, page boxes, /Lang and
// info passes strict as well, so Validate also runs strict and t.Logs
// (does not fail) its complaint, to surface regressions early.
func Validate(t testing.TB, pdf []byte) {
	t.Helper()
	if err := validate(pdf, model.ValidationRelaxed); err != nil {
		t.Errorf("pdfcpu validation (relaxed): %v", err)
		return
	}
	if err := validate(pdf, model.ValidationStrict); err != nil {
		t.Logf("pdfcpu strict validation (not fatal): %v", err)
	}
}

func validate(pdf []byte, mode int) error {
	// Never read or create ~/.config/pdfcpu from tests.
	pdfcpuOnce.Do(api.DisableConfigDir)
	conf := model.NewDefaultConfiguration()
	conf.ValidationMode = mode
	conf.Optimize = false // validate only; don't rewrite the xref table
	return api.Validate(bytes.NewReader(pdf), conf)
}

// QpdfCheck runs `qpdf --check path` and fails the test (t.Error) with its
// output if qpdf reports a problem. It skips the test if qpdf is not on PATH.
func QpdfCheck(t testing.TB, path string) {
	t.Helper()
	out, err := run(t, "qpdf", "--check", path)
	if err != nil {
		t.Errorf("qpdf --check %s: %v\n%s", path, err, out)
	}
}

// Mutool returns the text MuPDF reads (`mutool draw -F txt`; pages end
// with a form feed). It skips the test if mutool is absent.
func Mutool(t testing.TB, path string) string {
	t.Helper()
	out, err := run(t, "mutool", "draw", "-q", "-F", "txt", "-o", "-", path)
	if err != nil {
		t.Fatalf("mutool draw %s: %v\n%s", path, err, out)
	}
	return string(out)
}

// Pdftotext returns `pdftotext -enc UTF-8 [flags] path -` (poppler; pages are
// separated by form feeds "\f"). It skips the test if pdftotext is absent.
func Pdftotext(t testing.TB, path string, flags ...string) string {
	t.Helper()
	args := append(append([]string{"-enc", "UTF-8"}, flags...), path, "-")
	out, err := run(t, "pdftotext", args...)
	if err != nil {
		t.Fatalf("pdftotext %s: %v\n%s", path, err, out)
	}
	return string(out)
}

// FontRow is one row of `pdffonts` output.
type FontRow struct {
	Name     string // BaseFont, including any subset prefix like "ABCDEF+"
	Type     string // e.g. "Type 1", "TrueType", "CID TrueType"
	Encoding string // e.g. "WinAnsi", "Identity-H", "Custom"
	Emb      bool
	Sub      bool
	Uni      bool
}

// Pdffonts parses `pdffonts path` (poppler). It skips the test if pdffonts
// is absent.
func Pdffonts(t testing.TB, path string) []FontRow {
	t.Helper()
	out, err := run(t, "pdffonts", path)
	if err != nil {
		t.Fatalf("pdffonts %s: %v\n%s", path, err, out)
	}
	rows, err := parsePdffonts(string(out))
	if err != nil {
		t.Fatalf("pdffonts %s: %v\n%s", path, err, out)
	}
	return rows
}

// parsePdffonts parses pdffonts' table. It splits rows on whitespace and
// reads from the right ("… enc emb sub uni objnum gen"), because long font
// names overflow pdffonts' fixed-width columns. Font names are assumed to
// have no spaces; the type ("Type 1", "CID TrueType", …) may.
func parsePdffonts(out string) ([]FontRow, error) {
	lines := strings.Split(strings.ReplaceAll(out, "\r\n", "\n"), "\n")
	sep := -1
	for i, l := range lines {
		if strings.HasPrefix(l, "----") {
			sep = i
			break
		}
	}
	if sep < 0 {
		return nil, errors.New("no separator line in pdffonts output")
	}
	var rows []FontRow
	for _, s := range lines[sep+1:] {
		f := strings.Fields(s)
		if len(f) == 0 {
			continue
		}
		n := len(f)
		if n < 8 {
			return nil, fmt.Errorf("unexpected pdffonts row %q", s)
		}
		rows = append(rows, FontRow{
			Name:     f[0],
			Type:     strings.Join(f[1:n-6], " "),
			Encoding: f[n-6],
			Emb:      f[n-5] == "yes",
			Sub:      f[n-4] == "yes",
			Uni:      f[n-3] == "yes",
		})
	}
	return rows, nil
}

// run runs a command-line tool, skipping the test if it is not installed.
func run(t testing.TB, name string, args ...string) ([]byte, error) {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not on PATH: %v", name, err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	return exec.CommandContext(ctx, path, args...).CombinedOutput()
}

// Inflate returns the decompressed data of every Flate stream of pdf, one
// after another: page contents, and the dictionaries that a compact PDF
// keeps in object streams, for tests that look for an operator or a key.
func Inflate(pdf []byte) []byte {
	var out bytes.Buffer
	for _, m := range streamRE.FindAllSubmatch(pdf, -1) {
		zr, err := zlib.NewReader(bytes.NewReader(m[1]))
		if err != nil {
			continue
		}
		b, _ := io.ReadAll(zr)
		out.Write(b)
		out.WriteByte('\n')
	}
	return out.Bytes()
}

var streamRE = regexp.MustCompile(`(?s)>>\nstream\n(.*?)\nendstream`)
