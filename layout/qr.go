package layout

import (
	"fmt"
	"slices"

	qrcode "github.com/yeqown/go-qrcode/v2"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/internal/draw"
	"github.com/brochure-dev/brochure/internal/structure"
)

// A QR code is printed as vector squares: the module matrix comes from
// github.com/yeqown/go-qrcode (encoding, error correction, masking), and
// layout draws each run of dark modules as one rectangle of a single
// filled path, so that the code is sharp at any resolution and no seam
// shows between modules. Error correction M (15 %) keeps a code of a short
// URL small (version 2 to 4) and survives a smudge.

// The code's measures (ISO/IEC 18004: a quiet zone of 4 modules): the
// symbol is at least qrMinSide across, its modules at least qrMinModule,
// which a phone's camera reads from a sheet at arm's length.
const (
	qrQuiet     = 4
	qrMinSide   = 22 * mm
	qrMinModule = 0.5 * mm
)

// qrMatrix returns the dark modules of the QR code of url, without the
// quiet zone, [row][column].
func qrMatrix(url string) (m [][]bool, err error) {
	defer func() {
		if p := recover(); p != nil { // the library panics on some inputs
			m, err = nil, fmt.Errorf("%v", p)
		}
	}()
	c, err := qrcode.NewWith(url, qrcode.WithErrorCorrectionLevel(qrcode.ErrorCorrectionMedium), qrcode.WithEncodingMode(qrcode.EncModeByte))
	if err != nil {
		return nil, err
	}
	var w matrixWriter
	if err := c.Save(&w); err != nil {
		return nil, err
	}
	return w.m, nil
}

// matrixWriter keeps the matrix the library hands its writers.
type matrixWriter struct{ m [][]bool }

func (w *matrixWriter) Write(mat qrcode.Matrix) error { w.m = mat.Bitmap(); return nil }
func (w *matrixWriter) Close() error                  { return nil }

// qrPlace is where a QR block stands.
type qrPlace uint8

const (
	// qrBeside: in a section, the code at the left, its caption and URL
	// beside it.
	qrBeside qrPlace = iota
	// qrFoot: at the foot of the last page (or above the back cover's
	// band), the code at the right edge, its caption and URL to its left.
	qrFoot
)

// qrBlock is a QR code with its caption and URL.
type qrBlock struct {
	url     string
	modules [][]bool // dark modules, without the quiet zone
	module  float64  // a module's side, pt
	text    *Paragraph
	right   bool // the code at the right edge
	after   float64
	elem    *structure.Elem // the code's Figure in the structure tree (see tag)
}

// qrGap is the space between the code's quiet zone and its caption, pt.
const qrGap = 4.0

// qr builds the block of q. The URL was validated (http or https, at most
// 300 characters), which the library always encodes; a failure leaves
// the block without a code.
func (d *Document) qr(q data.QR, at qrPlace) *qrBlock {
	th := d.Theme
	b := &qrBlock{url: q.URL, right: at == qrFoot, after: 16}
	if at == qrFoot {
		b.after = 0 // the last block of its page
	}
	b.modules, _ = qrMatrix(q.URL)
	n := float64(max(len(b.modules), 1))
	b.module = max(qrMinSide/n, qrMinModule)
	align := Left
	if b.right {
		align = Right
	}
	var spans []Span
	if q.Caption != "" {
		spans = append(spans, th.span(q.Caption+"\n", th.Bold, th.Scale.Body, th.Ink))
	}
	spans = append(spans, th.span(q.URL, th.Regular, th.Scale.Folio, th.Muted))
	b.text = &Paragraph{Spans: spans, Setting: Setting{Align: align}, Leading: 12}
	return b
}

// side is the code's side with its quiet zone, pt.
func (b *qrBlock) side() float64 { return float64(len(b.modules)+2*qrQuiet) * b.module }

// textW is the caption's width when the block is w wide: beside the code,
// at most 60 % of the width.
func (b *qrBlock) textW(w float64) float64 { return min(w-b.side()-qrGap, 0.6*w) }

// Measure implements Block.
func (b *qrBlock) Measure(w float64) float64 {
	return max(b.side(), b.text.Measure(b.textW(w))) + b.after
}

// Split implements Block: a QR code moves whole.
func (b *qrBlock) Split(w, h float64) (Block, Block) {
	if b.Measure(w) <= h+1e-6 {
		return b, nil
	}
	return nil, b
}

// Draw implements Block: the quiet zone as a white square (the code may
// stand on a tint), the dark modules as one filled path, then the caption
// centred on the code's height, one call a line.
func (b *qrBlock) Draw(c *Canvas, x, y, w float64) error {
	side, tw := b.side(), b.textW(w)
	cx, tx := x, x+side+qrGap
	if b.right {
		cx, tx = x+w-side, x+w-side-qrGap-tw
	}
	if b.elem != nil {
		c.Begin(b.elem)
	}
	c.FillRect(cx, y, side, side, "#FFFFFF")
	q := float64(qrQuiet) * b.module
	c.fillRects(qrRects(b.modules, cx+q, y+q, b.module), b.module, "#000000")
	if b.elem != nil {
		c.End()
	}
	th := b.text.Measure(tw)
	return b.text.Draw(c, tx, y+max(0, (side-th)/2), tw)
}

// rect is a rectangle, pt, from its top-left corner.
type rect struct{ X, Y, W, H float64 }

// qrRects merges the dark modules into rectangles: each row's runs of
// dark modules, and a run repeated on the rows below it into one taller
// rectangle. The code's module (x0, y0) is at the given point.
func qrRects(m [][]bool, x0, y0, module float64) []rect {
	type run struct{ from, to int }
	top := map[run]int{} // a run still growing downwards -> its first row
	var out []rect
	var prev []run // the runs of the row above, left to right
	for y := 0; y <= len(m); y++ {
		var runs []run
		for x := 0; y < len(m) && x < len(m[y]); x++ {
			if m[y][x] && (x == 0 || !m[y][x-1]) {
				e := x
				for e < len(m[y]) && m[y][e] {
					e++
				}
				runs = append(runs, run{x, e})
			}
		}
		for _, r := range prev {
			if !slices.Contains(runs, r) { // it ends here
				out = append(out, rect{x0 + float64(r.from)*module, y0 + float64(top[r])*module, float64(r.to-r.from) * module, float64(y-top[r]) * module})
				delete(top, r)
			}
		}
		for _, r := range runs {
			if _, ok := top[r]; !ok {
				top[r] = y
			}
		}
		prev = runs
	}
	return out
}

// fillRects fills the rectangles as one path in one colour, so that
// abutting rectangles show no seam; w is the size of the smallest (black
// on press is black ink alone, never rich black, below 20 mm).
func (c *Canvas) fillRects(rs []rect, w float64, color string) {
	if len(rs) == 0 {
		return
	}
	ops := make([]draw.Op, 0, 5*len(rs))
	for _, r := range rs {
		ops = append(ops, draw.Op{Kind: draw.Move, P: [6]float64{r.X, r.Y}}, draw.Op{Kind: draw.LineTo, P: [6]float64{r.X + r.W, r.Y}},
			draw.Op{Kind: draw.LineTo, P: [6]float64{r.X + r.W, r.Y + r.H}}, draw.Op{Kind: draw.LineTo, P: [6]float64{r.X, r.Y + r.H}}, draw.Op{Kind: draw.Close})
	}
	c.rec.Add(draw.Item{Kind: draw.Shape, Fill: paint(color), W: w, H: w, Ops: ops})
}

// placeQR puts the report's QR code (qr: at the top level) in its place,
// once the pages are set: above the band of a booklet's back cover, else
// at the foot of the last page (the cover, for a report that is all on
// its cover), or when that has no room at the foot of a page of its own.
// It is not a block of the body: pagination would send a figure on to
// make room for it, before the end of the text; pagination keeps its
// room at the last page's foot (Trailer), and a page of its own only
// when nothing else can.
func (d *Document) placeQR() {
	q := d.Report.QR
	if q == nil || len(d.Pages) == 0 {
		return
	}
	f := d.geo.frame()
	b := d.qr(*q, qrFoot)
	b.tag(d.root)
	h := b.Measure(f.W)
	last := &d.Pages[len(d.Pages)-1]
	if last.Bare && d.Report.Print.Booklet {
		top := d.geo.H // the top of the back cover's band: the rule across the page and its bleed
		for _, p := range last.Blocks {
			if _, ok := p.Block.(Rule); ok && p.X <= 0 && p.W >= d.geo.W {
				top = min(top, p.Y)
			}
		}
		last.Blocks = append(last.Blocks, Placed{Block: b, X: f.X, Y: top - d.geo.display(34) - h, W: f.W, H: h})
		return
	}
	used := f.Y
	for _, p := range last.Blocks {
		if p.Y < f.Y+f.H { // not the folio below the frame
			used = max(used, p.Y+p.H)
		}
	}
	if used+qrAbove > f.Y+f.H-h {
		d.Pages = append(d.Pages, Page{Number: last.Number + 1})
		last = &d.Pages[len(d.Pages)-1]
	}
	last.Blocks = append(last.Blocks, Placed{Block: b, X: f.X, Y: f.Y + f.H - h, W: f.W, H: h})
}

// qrAbove is the least space between the last page's text and its QR
// code, pt.
const qrAbove = 12.0

// qrRoom is the height the last page (a cover that holds all of the
// report, or the body's last page) keeps at its foot for the report's
// QR code; 0 when it has none or a booklet's back cover holds it.
func (d *Document) qrRoom() float64 {
	if d.Report.QR == nil || d.Report.Print.Booklet {
		return 0
	}
	return d.qr(*d.Report.QR, qrFoot).Measure(d.geo.contentW()) + qrAbove
}
