package layout

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"math"
	"os"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/draw"

	"github.com/brochure-dev/brochure/data"
)

// Effective resolution of a photo at its placed size (after the cover
// crop), in pixels per inch.
const (
	dpiWarn = 200.0 // below: a warning (soft in print)
	dpiMin  = 100.0 // below: an error unless --draft (visibly blocky)
	dpiMax  = 450.0 // above: downsampled to dpiTarget, so the PDF stays small
	// dpiTarget is what a print shop asks for.
	dpiTarget = 300.0
)

// photoDPI is the effective resolution of a px×py image covering a w×h pt
// frame: the cover crop scales it by max(w/px, h/py) pt a pixel.
func photoDPI(px, py int, w, h float64) float64 {
	scale := max(w/float64(px), h/float64(py))
	return 72 / scale
}

// walkPhotos calls fn with every photo frame of the document and the width
// it is set at.
func (d *Document) walkPhotos(fn func(p *photoBlock, w float64)) {
	var walk func(b Block, w float64)
	walk = func(b Block, w float64) {
		switch t := b.(type) {
		case *photoBlock:
			fn(t, w)
		case *Row:
			for _, c := range t.Cells {
				walk(c, t.cellWidth(w))
			}
		case *Stack:
			for _, c := range t.Blocks {
				walk(c, w)
			}
		}
	}
	for _, p := range d.Pages {
		for _, b := range p.Blocks {
			walk(b.Block, b.W)
		}
	}
}

// checkImages checks every photo at the size it is placed: its effective
// resolution (a warning under 200 dpi, an error under 100 unless Draft),
// and with Final, that no frame is a placeholder.
func (d *Document) checkImages() error {
	var errs data.Errors
	r := d.Report
	d.walkPhotos(func(p *photoBlock, w float64) {
		if p.photo.File == "" {
			if d.opt.Final {
				errs = append(errs, &data.Error{Pos: r.Pos(p.key), Path: p.key, Msg: "no file: a placeholder frame cannot go to print (--final); add \"file: photos/….jpg\" or remove the photo"})
			}
			return
		}
		px, py, err := imageSize(p.path)
		if err != nil {
			return // checkPhotos reported it
		}
		dpi := photoDPI(px, py, w, p.frame(w))
		key := p.key + ".file"
		pos := r.Pos(key)
		msg := fmt.Sprintf("photo %s is %d×%d pixels, %.0f dpi at its printed size (%.0f×%.0f mm)", p.photo.File, px, py, dpi, w/mm, p.frame(w)/mm)
		switch {
		case dpi < dpiMin && !d.opt.Draft:
			errs = append(errs, &data.Error{Pos: pos, Path: key, Msg: msg + fmt.Sprintf("; print needs at least %.0f (300 is good): use a larger original, or build with --draft for a proof", dpiMin)})
		case dpi < dpiWarn:
			d.Warnings = append(d.Warnings, &data.Error{Pos: pos, Path: key, Msg: msg + "; it will look soft in print (300 is good)"})
		}
	})
	if len(errs) > 0 {
		return errs
	}
	return nil
}

func imageSize(path string) (int, int, error) {
	f, err := os.Open(path)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	cfg, _, err := image.DecodeConfig(f)
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 {
		return 0, 0, fmt.Errorf("no size")
	}
	return cfg.Width, cfg.Height, nil
}

func (d *Document) quality() int {
	if q := d.Report.Print.Quality; q != nil {
		return int(q.Value)
	}
	return 85
}

// Image places a JPEG or PNG so that it covers the frame (x, y, w, h):
// scaled to fill it, never stretched, and cropped by a clip around the
// focal point (fx, fy), 0..1 from the top left. A photo far above 300 dpi
// at this size is first downsampled to 300 dpi (JPEG at the document's
// quality, or PNG when it has transparency), so the PDF does not carry
// pixels no press can print.
func (c *Canvas) Image(path string, x, y, w, h, fx, fy float64) error {
	px, py, err := imageSize(path)
	if err != nil {
		return fmt.Errorf("cannot read the image: %v", err)
	}
	name := path
	var info *fpdf.ImageInfoType
	if dpi := photoDPI(px, py, w, h); dpi > dpiMax || !fpdfReads(path) {
		nx, ny := px, py
		if dpi > dpiMax {
			k := dpiTarget / dpi
			nx, ny = max(1, int(math.Round(float64(px)*k))), max(1, int(math.Round(float64(py)*k)))
		}
		name = fmt.Sprintf("%s@%dx%d", path, nx, ny)
		if info = c.PDF.GetImageInfo(name); info == nil {
			b, tp, err := downsample(path, nx, ny, c.quality)
			if err != nil {
				return err
			}
			info = c.PDF.RegisterImageOptionsReader(name, fpdf.ImageOptions{ImageType: tp}, bytes.NewReader(b))
		}
	} else {
		info = c.PDF.RegisterImageOptions(path, fpdf.ImageOptions{ReadDpi: false})
	}
	if err := c.PDF.Error(); err != nil || info == nil {
		return fmt.Errorf("cannot read the image: %v", err)
	}
	iw, ih := info.Extent()
	if iw <= 0 || ih <= 0 {
		return fmt.Errorf("the image has no size")
	}
	scale := max(w/iw, h/ih)
	sw, sh := iw*scale, ih*scale
	c.PDF.ClipRect(x, y, w, h, false)
	c.PDF.ImageOptions(name, x-(sw-w)*fx, y-(sh-h)*fy, sw, sh, false, fpdf.ImageOptions{ReadDpi: false}, 0, "")
	c.PDF.ClipEnd()
	return c.PDF.Error()
}

// fpdfReads reports whether fpdf's own PNG reader takes the file: it
// refuses interlaced and 16-bit PNGs, which Go decodes; those are encoded
// again (as downsample does) before they are placed.
func fpdfReads(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return true // the reader will say what is wrong
	}
	defer f.Close()
	var h [29]byte
	if _, err := f.Read(h[:]); err != nil || !bytes.HasPrefix(h[:], []byte("\x89PNG\r\n\x1a\n")) {
		return true // JPEG, or too short to be a PNG fpdf would misread
	}
	depth, interlace := h[24], h[28]
	return depth <= 8 && interlace == 0
}

// downsample decodes the image at path and scales it to nx×ny.
func downsample(path string, nx, ny, quality int) ([]byte, string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, "", err
	}
	defer f.Close()
	src, _, err := image.Decode(f)
	if err != nil {
		return nil, "", err
	}
	opaque := true
	if o, ok := src.(interface{ Opaque() bool }); ok {
		opaque = o.Opaque()
	}
	rect := image.Rect(0, 0, nx, ny)
	var b bytes.Buffer
	if opaque {
		dst := image.NewRGBA(rect)
		if g, ok := src.(*image.Gray); ok {
			gd := image.NewGray(rect)
			draw.ApproxBiLinear.Scale(gd, rect, g, g.Bounds(), draw.Src, nil)
			err = jpeg.Encode(&b, gd, &jpeg.Options{Quality: quality})
			return b.Bytes(), "JPG", err
		}
		draw.ApproxBiLinear.Scale(dst, rect, src, src.Bounds(), draw.Src, nil)
		err = jpeg.Encode(&b, dst, &jpeg.Options{Quality: quality})
		return b.Bytes(), "JPG", err
	}
	dst := image.NewNRGBA(rect)
	draw.ApproxBiLinear.Scale(dst, rect, src, src.Bounds(), draw.Src, nil)
	err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&b, dst)
	return b.Bytes(), "PNG", err
}
