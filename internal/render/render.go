// Package render shows a PDF's pages as images, with PDFium compiled to
// WebAssembly and run in process by wazero: no cgo, nothing to install
// (poppler and MuPDF may not be on the user's machine). The editor's
// preview (server) and the print proof (brochure build --proof) use it;
// the tests read brochure's PDFs with the same engine.
package render

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"github.com/klippa-app/go-pdfium"
	"github.com/klippa-app/go-pdfium/requests"
	"github.com/klippa-app/go-pdfium/webassembly"
	"github.com/tetratelabs/wazero"
	wapi "github.com/tetratelabs/wazero/api"
	"github.com/tetratelabs/wazero/experimental"

	"github.com/brochure-dev/brochure/internal/cachedir"
)

// Renderer renders PDF pages with PDFium. The zero value is ready; PDFium
// starts on first use (or on Start) and is then shared by every call,
// from any goroutine.
type Renderer struct {
	once sync.Once
	pool pdfium.Pool
	err  error
}

// Start starts PDFium: the module is compiled once (about 4 s) and the
// compiled code kept in the user's cache folder, so later starts take
// a fraction of a second. A server calls it at start-up (go r.Start()) so
// the first page is not kept waiting; the other methods call it.
func (r *Renderer) Start() {
	r.once.Do(func() {
		rc := wazero.NewRuntimeConfig().WithCoreFeatures(wapi.CoreFeaturesV2 | experimental.CoreFeaturesExceptionHandling)
		if dir := wasmCache(); dir != "" {
			if err := os.MkdirAll(dir, 0o700); err == nil {
				if c, err := wazero.NewCompilationCacheWithDir(dir); err == nil {
					rc = rc.WithCompilationCache(c)
				}
			}
		}
		n := max(1, runtime.GOMAXPROCS(0))
		r.pool, r.err = webassembly.Init(webassembly.Config{
			MinIdle: 1, MaxIdle: n, MaxTotal: n,
			RuntimeConfig: rc,
			FSConfig:      wazero.NewFSConfig(), // documents come as bytes: no files
		})
	})
}

// wasmCache is where compiled PDFium is kept: beside brochure's font
// cache, named by the wazero version (another version cannot read it).
func wasmCache() string {
	base := cachedir.Dir()
	if base == "" {
		return ""
	}
	v := "unknown"
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, m := range bi.Deps {
			if m.Path == "github.com/tetratelabs/wazero" {
				v = m.Version
			}
		}
	}
	return filepath.Join(base, "wazero-"+v)
}

// Instance starts PDFium if it has not started and lends one of its
// instances, waiting at most wait for one to be free; the caller closes
// it. Pages and Text use it; the tests (internal/pdftest) read PDFs with
// it.
func (r *Renderer) Instance(wait time.Duration) (pdfium.Pdfium, error) {
	r.Start()
	if r.err != nil {
		return nil, fmt.Errorf("cannot start PDFium: %w", r.err)
	}
	return r.pool.GetInstance(wait)
}

// Size is a page's size in PDF points.
type Size struct {
	W float64 `json:"w"`
	H float64 `json:"h"`
}

// Pages reads the page sizes of pdf and renders the pages in want (from
// 0, at dpi) as PNG; pages that pdf does not have are left out.
func (r *Renderer) Pages(pdf []byte, want []int, dpi int) ([]Size, map[int][]byte, error) {
	inst, err := r.Instance(30 * time.Second)
	if err != nil {
		return nil, nil, err
	}
	defer inst.Close()
	buf := pdf
	od, err := inst.FPDF_LoadMemDocument(&requests.FPDF_LoadMemDocument{Data: &buf})
	if err != nil {
		return nil, nil, err
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: od.Document})
	pc, err := inst.FPDF_GetPageCount(&requests.FPDF_GetPageCount{Document: od.Document})
	if err != nil {
		return nil, nil, err
	}
	sizes := make([]Size, pc.PageCount)
	for i := range sizes {
		sz, err := inst.FPDF_GetPageSizeByIndex(&requests.FPDF_GetPageSizeByIndex{Document: od.Document, Index: i})
		if err != nil {
			return nil, nil, err
		}
		sizes[i] = Size{sz.Width, sz.Height}
	}
	out := map[int][]byte{}
	for _, n := range want {
		if n < 0 || n >= len(sizes) {
			continue
		}
		pg := requests.Page{ByIndex: &requests.PageByIndex{Document: od.Document, Index: n}}
		res, err := inst.RenderPageInDPI(&requests.RenderPageInDPI{Page: pg, DPI: dpi})
		if err != nil {
			return nil, nil, err
		}
		img := res.Result.RenderedImage
		if img == nil {
			res.Cleanup()
			return nil, nil, errors.New("PDFium rendered no image")
		}
		var b bytes.Buffer
		err = (&png.Encoder{CompressionLevel: png.BestSpeed}).Encode(&b, opaque(img))
		res.Cleanup() // the pixels live in WebAssembly memory until here
		if err != nil {
			return nil, nil, err
		}
		out[n] = b.Bytes()
	}
	return sizes, out, nil
}

// Text returns the text of page n (from 0) of pdf as PDFium reads it.
func (r *Renderer) Text(pdf []byte, n int) (string, error) {
	inst, err := r.Instance(30 * time.Second)
	if err != nil {
		return "", err
	}
	defer inst.Close()
	buf := pdf
	od, err := inst.FPDF_LoadMemDocument(&requests.FPDF_LoadMemDocument{Data: &buf})
	if err != nil {
		return "", err
	}
	defer inst.FPDF_CloseDocument(&requests.FPDF_CloseDocument{Document: od.Document})
	lp, err := inst.FPDF_LoadPage(&requests.FPDF_LoadPage{Document: od.Document, Index: n})
	if err != nil {
		return "", err
	}
	defer inst.FPDF_ClosePage(&requests.FPDF_ClosePage{Page: lp.Page})
	tp, err := inst.FPDFText_LoadPage(&requests.FPDFText_LoadPage{Page: requests.Page{ByReference: &lp.Page}})
	if err != nil {
		return "", err
	}
	defer inst.FPDFText_ClosePage(&requests.FPDFText_ClosePage{TextPage: tp.TextPage})
	cc, err := inst.FPDFText_CountChars(&requests.FPDFText_CountChars{TextPage: tp.TextPage})
	if err != nil {
		return "", err
	}
	t, err := inst.FPDFText_GetText(&requests.FPDFText_GetText{TextPage: tp.TextPage, StartIndex: 0, Count: cc.Count})
	if err != nil {
		return "", err
	}
	return t.Text, nil
}

// opaque copies PDFium's BGRA-backed image into an RGB-only image (the
// page is opaque; an alpha channel would only make the PNG larger).
func opaque(src image.Image) image.Image {
	b := src.Bounds()
	dst := image.NewRGBA(b)
	if s, ok := src.(*image.RGBA); ok {
		copy(dst.Pix, s.Pix)
	} else {
		for y := b.Min.Y; y < b.Max.Y; y++ {
			for x := b.Min.X; x < b.Max.X; x++ {
				dst.Set(x, y, src.At(x, y))
			}
		}
	}
	for i := 3; i < len(dst.Pix); i += 4 {
		dst.Pix[i] = 0xff
	}
	return dst
}
