package layout

import (
	"bytes"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"math"
	"os"

	"golang.org/x/image/draw"

	"github.com/brochure-dev/brochure/data"
	dr "github.com/brochure-dev/brochure/internal/draw"
	"github.com/brochure-dev/brochure/internal/pdffile"
	"github.com/brochure-dev/brochure/internal/safefile"
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

// walkFigures calls fn with every figure (a photo frame, a chart) of the
// document as it is drawn, page by page in drawing order: the page's
// index, the figure's top-left corner and the width it is set at (a float
// as its flow sets it, a cell of a row at its share).
func (d *Document) walkFigures(fn func(b Block, page int, x, y, w float64)) {
	var walk func(b Block, page int, x, y, w float64)
	walk = func(b Block, page int, x, y, w float64) {
		switch t := b.(type) {
		case *photoBlock:
			fn(b, page, x, y, t.width(w)) // a portrait photo may be set narrower than its place
		case *chartBlock:
			fn(b, page, x, y, w)
		case *Row:
			for i, c := range t.Cells {
				cx, cw := t.cell(w, i)
				walk(c, page, x+cx, y, cw)
			}
		case *Stack:
			for _, c := range t.Blocks {
				walk(c, page, x, y, w)
				y += c.Measure(w)
			}
		case *Panel:
			walk(&t.Stack, page, x+t.PadX, y+t.PadY, w-2*t.PadX)
		case *Flow:
			if t.Float != nil {
				g := t.across(w)
				fx, fy, cw, float := g.floatPlace(g.layout(w), x, y, w)
				walk(float, page, fx, fy, cw)
			}
		}
	}
	for i, p := range d.Pages {
		for _, b := range p.Blocks {
			walk(b.Block, i, b.X, b.Y, b.W)
		}
	}
}

// checkImages checks every photo at the size it is placed: its effective
// resolution (a warning under 200 dpi, an error under 100 unless Draft).
func (d *Document) checkImages() error {
	var errs data.Errors
	r := d.Report
	d.walkFigures(func(b Block, _ int, _, _, w float64) {
		p, ok := b.(*photoBlock)
		if !ok {
			return
		}
		if p.photo.File == "" {
			return // a placeholder of a draft (unset warned)
		}
		px, py, err := uprightSize(p.path)
		if err != nil {
			return // checkPhotos reported it
		}
		dpi := photoDPI(px, py, w, p.frame(w))
		if p.photo.Fit == "contain" {
			dpi = 72 / min(w/float64(px), p.frame(w)/float64(py))
		}
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

// Image places a JPEG or PNG in the frame (x, y, w, h), upright (its
// EXIF orientation applied), never stretched: scaled to cover the frame
// and cropped by a clip around the focal point (fx, fy), 0..1 from the top
// left, or with contain scaled to show all of it, centred on a light
// ground. A photo far above 300 dpi at this size is first downsampled to
// 300 dpi, so the PDF does not carry pixels no press can print. The PDF
// holds only the pixels: see picture.
func (c *Canvas) Image(path string, x, y, w, h, fx, fy float64, contain bool) error {
	px, py, o, err := photoShape(path)
	if err != nil {
		return fmt.Errorf("cannot read the image: %v", err)
	}
	dx, dy := float64(px), float64(py) // as seen, upright
	if swapsSides(o) {
		dx, dy = dy, dx
	}
	scale := max(w/dx, h/dy)
	if contain {
		scale = min(w/dx, h/dy)
		c.Begin(nil) // the ground is decoration
		c.FillRect(x, y, w, h, "#F2F2F2")
		c.End()
		fx, fy = 0.5, 0.5
	}
	nx, ny := px, py
	if dpi := 72 / scale; dpi > dpiMax {
		k := dpiTarget / dpi
		nx, ny = max(1, int(math.Round(float64(px)*k))), max(1, int(math.Round(float64(py)*k)))
	}
	name, err := c.picture(path, nx, ny)
	if err != nil {
		return err
	}
	sw, sh := dx*scale, dy*scale
	left, top := x-(sw-w)*fx, y-(sh-h)*fy
	c.rec.Add(dr.Item{Kind: dr.Image, X: x, Y: y, W: w, H: h, Extra: &dr.Extra{Data: name, M: orient[o], Box: [4]float64{left, top, sw, sh}}})
	return nil
}

// orient maps the unit square of an image as stored onto the unit square
// it shows as, for each EXIF orientation (a PDF matrix [a b c d e f], y up):
// 2 mirrored, 3 turned half round, 4 upside down mirrored, 5 and 7 turned a
// quarter and mirrored, 6 to be turned a quarter clockwise, 8 a quarter
// anticlockwise.
var orient = [9][6]float64{
	0: {1, 0, 0, 1, 0, 0},
	1: {1, 0, 0, 1, 0, 0},
	2: {-1, 0, 0, 1, 1, 0},
	3: {-1, 0, 0, -1, 1, 1},
	4: {1, 0, 0, -1, 0, 1},
	5: {0, -1, -1, 0, 1, 1},
	6: {0, -1, 1, 0, 0, 1},
	7: {0, 1, 1, 0, 0, 0},
	8: {0, 1, -1, 0, 1, 0},
}

// photoShape returns a photo's pixels as stored and its EXIF orientation
// (1 when it has none, and for PNG).
func photoShape(path string) (int, int, int, error) {
	px, py, err := imageSize(path)
	if err != nil {
		return 0, 0, 0, err
	}
	o := 1
	if b, err := os.ReadFile(path); err == nil && len(b) > 2 && b[0] == 0xFF && b[1] == 0xD8 {
		if _, info, err := cleanJPEG(b); err == nil {
			o = info.orientation
		}
	}
	return px, py, o, nil
}

// uprightSize returns a photo's pixels as seen, its EXIF orientation
// applied (a photo turned a quarter swaps its sides).
func uprightSize(path string) (int, int, error) {
	px, py, o, err := photoShape(path)
	if swapsSides(o) {
		px, py = py, px
	}
	return px, py, err
}

// pictures are the images a document draws, in the order first drawn, so
// that the PDF's objects come in the same order on every build.
type pictures struct {
	list  []*dr.Picture
	index map[string]int // path@WxH -> index in list
}

// picture returns the resource name of the image at path set at nx×ny
// pixels, making it on first use. A JPEG at its own size keeps its
// compressed data, cleaned of everything but the image (see cleanJPEG); a
// downsampled JPEG is encoded again at the document's quality; a PNG is
// decoded and its pixels written compressed (with its transparency as a
// soft mask), which leaves its text and metadata chunks behind.
func (c *Canvas) picture(path string, nx, ny int) (string, error) {
	if c.pics.index == nil {
		c.pics.index = map[string]int{}
	}
	key := fmt.Sprintf("%s@%dx%d", path, nx, ny)
	if i, ok := c.pics.index[key]; ok {
		return fmt.Sprintf("/Im%d", i+1), nil
	}
	b, err := safefile.ReadFile(path, c.photoBytes, false) // checked before; the file may have grown since
	if err != nil {
		return "", err
	}
	var p *dr.Picture
	if len(b) > 2 && b[0] == 0xFF && b[1] == 0xD8 {
		p, err = jpegPicture(b, nx, ny, c.quality)
	} else {
		p, err = pixelPicture(b, nx, ny)
	}
	if err != nil {
		return "", fmt.Errorf("cannot read the image: %v", err)
	}
	c.pics.index[key] = len(c.pics.list)
	c.pics.list = append(c.pics.list, p)
	return fmt.Sprintf("/Im%d", len(c.pics.list)), nil
}

func jpegPicture(b []byte, nx, ny, quality int) (*dr.Picture, error) {
	clean, info, err := cleanJPEG(b)
	if err != nil {
		return nil, err
	}
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(clean))
	if err != nil {
		return nil, err
	}
	if (nx != cfg.Width || ny != cfg.Height) && info.components != 4 {
		// downsampled (a CMYK photo keeps its own pixels: Go encodes JPEG
		// only in RGB or grey, and the separation is the point of CMYK)
		src, err := jpeg.Decode(bytes.NewReader(clean))
		if err != nil {
			return nil, err
		}
		rect := image.Rect(0, 0, nx, ny)
		var dst draw.Image = image.NewRGBA(rect)
		if _, ok := src.(*image.Gray); ok {
			dst = image.NewGray(rect)
		}
		draw.ApproxBiLinear.Scale(dst, rect, src, src.Bounds(), draw.Src, nil)
		var out bytes.Buffer
		if err := jpeg.Encode(&out, dst, &jpeg.Options{Quality: quality}); err != nil {
			return nil, err
		}
		clean, cfg.Width, cfg.Height = out.Bytes(), nx, ny
		info.components = 3
		if _, ok := dst.(*image.Gray); ok {
			info.components = 1
		}
	}
	cs := map[int]string{1: "/DeviceGray", 3: "/DeviceRGB", 4: "/DeviceCMYK"}[info.components]
	if cs == "" {
		return nil, fmt.Errorf("a JPEG of %d colour components", info.components)
	}
	if info.components == 4 && info.adobe {
		cs += " /Decode [1 0 1 0 1 0 1 0]" // Adobe stores CMYK inverted
	}
	return &dr.Picture{Dict: fmt.Sprintf("/Width %d /Height %d /ColorSpace %s /BitsPerComponent 8 /Filter /DCTDecode", cfg.Width, cfg.Height, cs), Data: clean}, nil
}

// pixelPicture decodes b (a PNG) and writes its pixels at nx×ny: grey or
// RGB, and the alpha channel as a soft mask when it has transparency.
// nrgbaAt returns the colour of src at (x, y) as color.NRGBAModel converts
// it, read straight from the pixels of the image types PNG decodes to and
// scaling makes (opaque RGBA, NRGBA, Gray): the same bytes without an
// interface call, a conversion and an allocation per pixel.
func nrgbaAt(src image.Image) func(x, y int) color.NRGBA {
	convert := func(x, y int) color.NRGBA { return color.NRGBAModel.Convert(src.At(x, y)).(color.NRGBA) }
	switch s := src.(type) {
	case *image.NRGBA:
		return func(x, y int) color.NRGBA {
			i := s.PixOffset(x, y)
			return color.NRGBA{s.Pix[i], s.Pix[i+1], s.Pix[i+2], s.Pix[i+3]}
		}
	case *image.RGBA:
		return func(x, y int) color.NRGBA {
			if i := s.PixOffset(x, y); s.Pix[i+3] == 0xFF { // opaque: premultiplied is plain
				return color.NRGBA{s.Pix[i], s.Pix[i+1], s.Pix[i+2], 0xFF}
			}
			return convert(x, y)
		}
	case *image.Gray:
		return func(x, y int) color.NRGBA {
			v := s.Pix[s.PixOffset(x, y)]
			return color.NRGBA{v, v, v, 0xFF}
		}
	}
	return convert
}

func pixelPicture(b []byte, nx, ny int) (*dr.Picture, error) {
	src, _, err := image.Decode(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	if src.Bounds().Dx() != nx || src.Bounds().Dy() != ny {
		dst := image.NewNRGBA(image.Rect(0, 0, nx, ny))
		draw.ApproxBiLinear.Scale(dst, dst.Rect, src, src.Bounds(), draw.Src, nil)
		src = dst
	}
	gray := false
	switch src.(type) {
	case *image.Gray, *image.Gray16:
		gray = true
	}
	opaque := true
	if o, ok := src.(interface{ Opaque() bool }); ok {
		opaque = o.Opaque()
	}
	r := src.Bounds()
	n := 3
	if gray {
		n = 1
	}
	pix := make([]byte, 0, r.Dx()*r.Dy()*n)
	var alpha []byte
	if !opaque {
		alpha = make([]byte, 0, r.Dx()*r.Dy())
	}
	at := nrgbaAt(src)
	for y := r.Min.Y; y < r.Max.Y; y++ {
		for x := r.Min.X; x < r.Max.X; x++ {
			c := at(x, y)
			if gray {
				pix = append(pix, c.R)
			} else {
				pix = append(pix, c.R, c.G, c.B)
			}
			if alpha != nil {
				alpha = append(alpha, c.A)
			}
		}
	}
	cs := "/DeviceRGB"
	if gray {
		cs = "/DeviceGray"
	}
	p := &dr.Picture{Dict: fmt.Sprintf("/Width %d /Height %d /ColorSpace %s /BitsPerComponent 8 /Filter /FlateDecode", r.Dx(), r.Dy(), cs), Data: pdffile.Deflate(pix)}
	if alpha != nil {
		p.Mask = &dr.Picture{Dict: fmt.Sprintf("/Width %d /Height %d /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode", r.Dx(), r.Dy()), Data: pdffile.Deflate(alpha)}
	}
	return p, nil
}
