package layout

import (
	"fmt"
	"image"
	_ "image/jpeg" // photo decoders
	_ "image/png"
	"io"
	"math"
	"path/filepath"
	"slices"

	"github.com/brochure-dev/brochure/charts"
	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/internal/safefile"
	"github.com/brochure-dev/brochure/internal/structure"
)

// chartBlock places a chart; charts draw themselves through the go-chart
// Renderer onto the page's canvas.
type chartBlock struct {
	chart  data.Chart
	key    string // its field path: "sections[1].charts[0]"
	n      int    // its place in its section's charts (see byReport)
	style  charts.Style
	height float64 // 0: the height the chart asks for
	elem   *structure.Elem
	asks   map[float64]chartAsk // ask's answers by width, shared with the block's copies
}

// chartAsk is what a chart asks of the page at a width.
type chartAsk struct {
	height    float64 // Style.Height
	stretches bool    // Style.Stretches
}

func (b *chartBlock) plot(w float64) float64 {
	if b.height > 0 {
		return b.height
	}
	return b.asked(w)
}

// ask is what the chart asks for at width w, worked out once per width:
// pagination measures and splits a block again at every trial, and a
// chart's height wraps its labels (an hbar's, at each size it tries) each
// time it is worked out.
func (b *chartBlock) ask(w float64) chartAsk {
	if a, ok := b.asks[w]; ok {
		return a
	}
	if b.asks == nil {
		b.asks = map[float64]chartAsk{}
	}
	a := chartAsk{b.style.Height(b.chart, w), b.style.Stretches(b.chart, w)}
	b.asks[w] = a
	return a
}

// asked is the height the chart asks for at width w (Style.Height).
func (b *chartBlock) asked(w float64) float64 { return b.ask(w).height }

// stretches reports whether the chart fills any height at width w
// (Style.Stretches).
func (b *chartBlock) stretches(w float64) bool { return b.ask(w).stretches }

func (b *chartBlock) Measure(w float64) float64 { return b.plot(w) + chartPad }

// chartPad is the room a chart keeps under its plot.
const chartPad = 4.0

// Split implements Block: a chart whose plot stretches to its box (a bar
// chart set as columns) may give up a quarter of its height rather than
// leave a gap at the foot of a page; other charts keep their size.
func (b *chartBlock) Split(w, h float64) (Block, Block) {
	if b.Measure(w) <= h {
		return b, nil
	}
	if b.stretches(w) && h-chartPad >= 0.75*b.asked(w) {
		short := *b
		short.height = h - chartPad
		return &short, nil
	}
	return nil, b
}

// taller implements grower: a chart whose plot stretches to its box; one
// of few bars (see fewBars) no taller than fewShape of the width it takes.
func (b *chartBlock) taller(w, h float64) Block {
	asked := b.asked(w)
	plot := min(h-chartPad, growShare*asked)
	if fewBars(b.chart) {
		plot = min(plot, max(b.plot(w), fewShape*b.style.Width(b.chart, w)))
	}
	if !b.stretches(w) || plot <= b.plot(w) {
		return b
	}
	t := *b
	t.height = plot
	return &t
}

// larger is taller for a chart that grows keeping its shape as well (a
// donut's ring, an hbar's bars and gaps), up to the largest it is drawn (see
// charts.Style.Largest): what a figure at the foot of a text takes as
// the last resort against a blank band (see Flow.tallerFloat), not what
// a row of figures takes to fill a page full enough (a ring grown there
// sent a section's head on: the water utility's newspaper look).
func (b *chartBlock) larger(w, h float64) Block {
	if b.stretches(w) {
		return b.taller(w, h)
	}
	plot := min(h-chartPad, b.style.Largest(b.chart, w))
	if plot <= b.plot(w) {
		return b
	}
	t := *b
	t.height = plot
	return &t
}

// thinner is the chart at most h tall, drawn smaller keeping its labels'
// size (an hbar's bars and gaps up to a quarter thinner, see
// charts.Style.Smallest), or nil when it cannot be drawn that short (a
// chart that stretches gives up height in Split instead): what a chart
// set into the text it follows takes so that it stands on the text's
// page (see intoText), as larger is what it takes against a blank band.
func (b *chartBlock) thinner(w, h float64) Block {
	if b.stretches(w) {
		return nil
	}
	if b.Measure(w) <= h {
		return b
	}
	if h-chartPad < b.style.Smallest(b.chart, w)-1e-6 {
		return nil
	}
	t := *b
	t.height = h - chartPad
	return &t
}

func (b *chartBlock) Draw(c *Canvas, x, y, w float64) error {
	if b.elem != nil {
		if b.elem.Alt == "" {
			b.elem.Alt = charts.Alt(b.chart, b.style.Lang)
		}
		c.Begin(b.elem)
		defer c.End()
	}
	return charts.Draw(&c.rec, b.chart, x, y, w, b.plot(w), b.style)
}

// photoBlock is a photo frame with its caption. The frame takes the
// photo's own shape, upright (a portrait photo gets a portrait frame),
// between 2:1 and 2:3; with fit: contain, and for a placeholder (no file,
// in a draft: marked as such, see Options.sets), it is 3:2. A frame that
// would make the photo and its caption taller than most (the type area's
// height: a portrait photo set the full width) even with a quarter of it
// cropped (see Split) is set narrower, keeping its shape, at its cell's
// left, the caption under it the cell's width.
type photoBlock struct {
	ratio   float64  // frame height / width; 0 means natural
	natural float64  // the frame's shape when not shortened
	most    float64  // the tallest the photo and its caption may be, pt; 0: no limit
	narrow  bool     // set narrower to fit most, whatever a crop would do (see within)
	px, py  int      // the photo's pixels, upright; 0 when unknown (placeholder, contain, unreadable)
	key     string   // its field path, for messages: "sections[4].photos[0]"
	pos     data.Pos // where its file: stands in the report, for messages
	photo   data.Photo
	path    string // the file, resolved against the report's folder
	theme   Theme
	caption *Paragraph
	bare    bool // no caption: a hero photo of the cover
	// beside is the gutter between the frame and its caption when the
	// caption is set beside it, at the frame's foot in a cell of the
	// frame's width to its right (a photo alone in half a row: see
	// Row.captionBeside); 0: under the frame. The block keeps its height
	// either way.
	beside float64
	elem   *structure.Elem
}

func (d *Document) photo(key string, p data.Photo) Block {
	path := p.File
	if path != "" && !filepath.IsAbs(path) {
		path = filepath.Join(d.Report.Dir, path)
	}
	natural := 2.0 / 3
	var px, py int
	if p.File != "" && p.Fit != "contain" {
		if x, y, err := uprightSize(path); err == nil {
			px, py = x, y
			natural = min(max(float64(py)/float64(px), 0.5), 1.5)
		}
	}
	return &photoBlock{key: key, pos: d.Report.Pos(key + ".file"), photo: p, path: path, theme: d.Theme, natural: natural, most: d.geo.frame().H, px: px, py: py, caption: &Paragraph{
		Spans:   []Span{d.Theme.span(p.Caption, d.Theme.Regular, d.Theme.Scale.Label, d.Theme.Ink)},
		Setting: Setting{Align: Left, TrimStart: true}, Leading: 11,
	}}
}

// frame is the height of the frame in a cell w wide.
func (b *photoBlock) frame(w float64) float64 {
	return b.shape() * b.width(w)
}

// shape is the frame's height / width.
func (b *photoBlock) shape() float64 {
	if b.ratio > 0 {
		return b.ratio
	}
	if b.natural > 0 {
		return b.natural
	}
	return 2.0 / 3
}

// width is the frame's width in a cell w wide: w, or less when the frame
// w wide would make the block taller than most.
func (b *photoBlock) width(w float64) float64 {
	if b.most <= 0 {
		return w
	}
	room := b.most - 5 - b.caption.Measure(w)
	if h := b.shape() * w; h > room && room > 0 && (b.narrow || 0.75*h > room) {
		return w * room / h
	}
	return w
}

// within is the photo set in a cell w wide no taller than h, its frame
// narrower, keeping its shape: nil when its caption leaves it no room.
func (b *photoBlock) within(w, h float64) *photoBlock {
	if b.Measure(w) <= h+1e-6 {
		return b
	}
	s := *b
	s.most, s.narrow = h, true
	if s.Measure(w) > h+1e-6 {
		return nil
	}
	return &s
}

func (b *photoBlock) Measure(w float64) float64 {
	if b.bare {
		return b.frame(w)
	}
	return b.frame(w) + 5 + b.caption.Measure(w)
}

// Split implements Block: the frame may lose a quarter of its height
// (from 3:2 down to 2:1; the photo is cropped, never squeezed) rather than
// leave a gap at the foot of a page; one set narrower to fit the type
// area is set narrower still (see within).
func (b *photoBlock) Split(w, h float64) (Block, Block) {
	if b.Measure(w) <= h {
		return b, nil
	}
	if b.width(w) < w {
		// set narrower to fit the type area: narrower still, not cropped
		if s := b.within(w, h); s != nil && s.width(w) >= b.width(w)/2 {
			return s, nil
		}
		return nil, b
	}
	fh := h - 5 - b.caption.Measure(w)
	if fh >= 0.75*b.frame(w) && fh >= w/2 {
		short := *b
		short.ratio = fh / w
		return &short, nil
	}
	return nil, b
}

// taller implements grower: the frame grows, no taller than 3:2 upright
// (the photo is cropped at its sides).
func (b *photoBlock) taller(w, h float64) Block {
	if b.width(w) < w {
		return b // as tall as the type area allows
	}
	fh := min(h-5-b.caption.Measure(w), growShare*b.frame(w), 1.5*w)
	fh = min(fh, b.sharpest(w))
	if fh <= b.frame(w) {
		return b
	}
	t := *b
	t.ratio = fh / w
	return &t
}

// sharpest is the tallest frame w wide in which the photo (cropped at its
// sides as it grows) still prints at dpiWarn: growing a frame to fill a
// page must not make a sharp photo soft. No limit for a placeholder, a
// contained photo, or one already under dpiWarn (checkImages warns).
func (b *photoBlock) sharpest(w float64) float64 {
	if b.px == 0 || photoDPI(b.px, b.py, w, b.frame(w)) < dpiWarn {
		return math.Inf(1)
	}
	return 72 * float64(b.py) / (dpiWarn + 0.5) // at dpiWarn, a rounding under it would warn
}

func (b *photoBlock) Draw(c *Canvas, x, y, w float64) error {
	h, cw := b.frame(w), w
	w = b.width(w)
	if b.photo.File != "" {
		if b.elem != nil {
			c.Begin(b.elem)
		}
		fx, fy := b.focus(w, h)
		if err := c.Image(b.path, x, y, w, h, fx, fy, b.photo.Fit == "contain"); err != nil {
			// a photo damaged inside its compressed data, found only when
			// it is decoded to be downsampled (checkPhotos reads markers,
			// not pixels): the report's error, at its line, not a bug
			return &data.Error{Pos: b.pos, Path: b.key + ".file", Msg: fmt.Sprintf("photo %s: %v; save it again as .jpg or .png", b.photo.File, err)}
		}
		if b.elem != nil {
			c.End()
		}
	} else {
		c.Begin(nil) // a placeholder's frame says nothing of the photo to come
		c.FillRect(x, y, w, h, "#EFEFEF")
		c.Line(x, y, x+w, y+h, 0.5, b.theme.Rule)
		c.Line(x, y+h, x+w, y, 0.5, b.theme.Rule)
		c.StrokeRect(x, y, w, h, 0.5, "#BDBDBD")
		label := b.theme.Locale.Labels.Placeholder
		lw := b.theme.Bold.Width(label, 9)
		c.FillRect(x+(w-lw)/2-6, y+h/2-9, lw+12, 16, "#EFEFEF")
		c.Text(label, b.theme.Bold, 9, b.theme.Muted, x+(w-lw)/2, y+h/2+3)
		c.End()
	}
	switch {
	case b.bare:
		return nil
	case b.beside > 0:
		return b.caption.Draw(c, x+cw+b.beside, y+max(0, h-b.caption.Measure(cw)), cw)
	}
	return b.caption.Draw(c, x, y+h+5, cw)
}

// focus is where the photo is cut when it is cropped into its frame, w×h:
// fx of what is cut off at the sides is cut at the left, fy of what is
// cut off above and below at the top (the point (fx, fy) of the photo
// stands at (fx, fy) of the frame, and always shows). With no focus: given
// the sides are cut evenly, and above and below as thirds says.
func (b *photoBlock) focus(w, h float64) (fx, fy float64) {
	if f := b.photo.Focus; len(f) == 2 {
		return f[0].Value, f[1].Value
	}
	return 0.5, thirds(b.px, b.py, w, h)
}

// thirds is the share fy of a photo px×py's cut taken at its top when it
// is cropped into a frame w×h narrower in shape: the frame is centred on
// the line a third down the photo, as far as the photo reaches. A
// designer crops a photo of people so by the rule of thirds: their heads
// are in its upper third, and a crop about its middle cuts them (a crop of
// up to a third of its height is then all taken at its foot). 0.5 when
// the photo is not cut above and below.
func thirds(px, py int, w, h float64) float64 {
	if px <= 0 || py <= 0 || w <= 0 {
		return 0.5
	}
	kept := h / w * float64(px) / float64(py) // the share of its height the frame shows
	if kept >= 1 {
		return 0.5
	}
	return max(0, (1.0/3-kept/2)/(1-kept))
}

// checkPhotos reads every photo once, so that a damaged or oversized
// file (a PNG can declare 100000×100000 pixels in a few bytes: its size is
// checked against maxPixels before it is decoded; a file larger than
// maxBytes is not read at all) is an error at the line that names it, not
// a failure (or a crash) inside the PDF writer. A PNG is decoded; a JPEG's
// header is, and its segments are walked to the end (jpegWhole): a file cut
// short is caught without decoding its pixels.
func checkPhotos(r *data.Report, maxPixels int, maxBytes int64) error {
	var errs data.Errors
	for i, s := range r.Sections {
		for j, p := range s.Photos {
			if p.File == "" {
				continue
			}
			path := p.File
			if !filepath.IsAbs(path) {
				path = filepath.Join(r.Dir, path)
			}
			if err := decodable(path, maxPixels, maxBytes); err != nil {
				key := fmt.Sprintf("sections[%d].photos[%d].file", i, j)
				errs = append(errs, &data.Error{Pos: r.Pos(key), Path: key, Msg: fmt.Sprintf("photo %s: %v", p.File, err)})
			}
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

func decodable(path string, maxPixels int, maxBytes int64) error {
	f, err := safefile.Open(path, false) // a FIFO must not hang the build
	if err != nil {
		return err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Size() > maxBytes {
		return fmt.Errorf("the file is %s, more than the %s a photo may be (a phone photo is 2–12 MB): save it smaller, or raise the limit with --max-photo-mb", safefile.MB(st.Size()), safefile.MB(maxBytes))
	}
	cfg, format, err := image.DecodeConfig(f)
	if err != nil {
		return fmt.Errorf("cannot be read as JPEG or PNG (%v); save it again as .jpg or .png", err)
	}
	if cfg.Width <= 0 || cfg.Height <= 0 {
		return fmt.Errorf("the %s file says it is %d×%d pixels: it is damaged; save it again", format, cfg.Width, cfg.Height)
	}
	if px := int64(cfg.Width) * int64(cfg.Height); px > int64(maxPixels) {
		return fmt.Errorf("is %d×%d pixels (%d million), more than the %d million a photo may have; scale it down (4000×3000 is plenty for print), or raise the limit with --max-image-mp", cfg.Width, cfg.Height, px/1_000_000, maxPixels/1_000_000)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		return err
	}
	if format == "jpeg" { // embedded as it is, or decoded then (downsampled)
		b, err := io.ReadAll(f)
		if err != nil {
			return err
		}
		if err := jpegWhole(b); err != nil {
			return fmt.Errorf("the jpeg file is damaged (%v); save it again", err)
		}
		return nil
	}
	if _, _, err := image.Decode(f); err != nil {
		return fmt.Errorf("the %s file is damaged (%v); save it again", format, err)
	}
	return nil
}

// gainsWidth reports whether figure b, which would otherwise stand alone
// in half of a row w wide (gutter between the halves), gains from the
// full width instead, so that no half of the page is left empty beside
// it: a chart whose plot grows with the width (columns, lines), that is
// crowded in half the width (set as rows of bars, or as columns without
// their values or with every n-th label), or that is one strip (a progress bar, a stacked bar); a landscape photo (see
// landscape) that prints at dpiWarn or more the full width, in a frame
// at most wideShare of the width tall (a placeholder too).
func gainsWidth(b Block, w, gutter float64) bool {
	half := (w - gutter) / 2
	switch f := b.(type) {
	case *chartBlock:
		return stripChart(f) || f.style.Crowded(f.chart, half) || grows(f.style, f.chart, w, half)
	case *photoBlock:
		if f.ratio != 0 || f.natural > landscape {
			return false
		}
		if f.photo.File == "" {
			return true // a placeholder
		}
		// a photo must stay sharp in print at the width (a contained one,
		// whose pixels were not read, stays in half)
		return f.px > 0 && photoDPI(f.px, f.py, w, w*min(f.natural, wideShare)) >= dpiWarn
	}
	return false
}

// grows reports whether chart c gains from the wider of two widths: its
// plot is a fifth taller there (columns, lines), unlike a pie or a
// progress bar, which keep their size and would stand alone at the left
// of the row.
func grows(st charts.Style, c data.Chart, wide, narrow float64) bool {
	return st.Height(c, wide) > 1.2*st.Height(c, narrow)
}

// needs is the width chart b takes in a column col wide where a figure
// beside another is half wide: a chart whose plot stretches (columns,
// lines) is as wide as a figure beside another for up to perHalf items,
// a perHalf-th of that wider for each item more, at most the column; a
// bar chart of one year the column's width was a lone bar in a plot
// stretched over the page (port-review-2025's section 1 on A5, one
// column). Other charts, and one crowded in half (set as rows of bars),
// take the column.
func needs(b *chartBlock, col, half float64) float64 {
	if !b.style.Stretches(b.chart, half) {
		return col
	}
	return min(col, max(half, half*float64(len(b.chart.Data))/perHalf))
}

// fewBars reports whether chart c is bars or columns of at most perHalf
// items: stretched to fill a page (by a third: growShare) in a column,
// they became slabs in a box nearly as tall as wide, as a designer never
// sets four bars; they grow no taller than fewShape of their width.
func fewBars(c data.Chart) bool {
	return (c.Type == "bar" || c.Type == "grouped") && len(c.Data) <= perHalf
}

// fewShape is the tallest a chart of few bars is set to fill a page, as
// a share of the width it takes (5:3 landscape; 4:3 was the stretched
// shape a designer found too tall).
const fewShape = 0.6

// perHalf is how many items of a stretching chart a figure beside
// another holds before it takes more width.
const perHalf = 4

// A photo is landscape, and may take the full width, when its height is
// at most landscape of its width (4:3 is 0.75); set the full width, its
// frame is at most wideShare of the width tall (3:2 is 0.67; a 4:3 photo
// loses a little of its top and bottom), so that it does not take most
// of a page.
const (
	landscape = 0.8
	wideShare = 0.7
)

// widened is figure b as set the full width: a photo's frame no taller
// than wideShare of the width.
func widened(b Block) Block {
	if p, ok := b.(*photoBlock); ok && p.natural > wideShare {
		w := *p
		w.natural = wideShare
		return &w
	}
	return b
}

// alone is the row for figure b when it is left without a partner: the
// full width when it gains from it (see gainsWidth), else half of a row
// of cols, as before (of three columns, as many as it gains from);
// kicker and after as the row it came from.
func alone(b Block, cols int, w, gutter, after float64, kicker Block) *Row {
	if cols == gridCols {
		// on three columns: as many as it gains from (see gridSpan)
		if _, most := gridSpan(b, w, gutter); most < gridCols {
			return &Row{Cells: []Block{b}, Columns: cols, Spans: []int{most}, Gutter: gutter, After: after, Kicker: kicker}
		}
		return &Row{Cells: []Block{widened(b)}, Columns: 1, Gutter: gutter, After: after, Kicker: kicker}
	}
	if cols > 1 && gainsWidth(b, w, gutter) {
		cols, b = 1, widened(b)
	}
	return &Row{Cells: []Block{b}, Columns: cols, Gutter: gutter, After: after, Kicker: kicker}
}

// overText is row r of figures as it stands above its section's text f
// (moved there by Paginate: see hoisted), set w wide: over two columns,
// two photos stand on the columns, in equal cells, their frames of one
// height that keeps the row's (cropped: see photoBlock.Draw), and a photo beside
// another figure (a chart) is at least as tall as it, its caption under
// the figure's labels (the figure kept at its height: a taller chart
// would reach the caption again); so poppler reads their captions before
// the text (see readsOver). r as it is when it is not such a row, or
// when a photo would take a frame beyond 2:1 or 2:3, or print under
// dpiWarn where it did not.
func overText(r *Row, f *Flow, w float64) *Row {
	if f.cols() != 2 || r.Columns != 2 || len(r.Cells) != 2 || r.Gutter != f.Gutter {
		return r
	}
	p0, ok0 := r.Cells[0].(*photoBlock)
	p1, ok1 := r.Cells[1].(*photoBlock)
	cw := r.cellWidth(w)
	set := *r
	set.Cells, set.over = append([]Block(nil), r.Cells...), true
	switch {
	case ok0 && ok1:
		// the row keeps its height: the frames take what the captions,
		// set in other widths, give back or take
		h := r.Measure(w) - r.After - 5 - max(p0.caption.Measure(cw), p1.caption.Measure(cw))
		for i, p := range []*photoBlock{p0, p1} {
			_, pw := r.cell(w, i)
			q, ok := reframed(p, pw, cw, h)
			if !ok {
				return r
			}
			set.Cells[i] = q
		}
	case ok0 || ok1:
		i, p := 0, p0
		if ok1 {
			i, p = 1, p1
		}
		other := r.Cells[1-i]
		q, ok := reframed(p, cw, cw, max(p.frame(cw), other.Measure(cw)))
		if !ok {
			return r
		}
		set.Cells[i] = q
		set.Cells[1-i] = &Stack{Blocks: []Block{other, Space(q.Measure(cw) - other.Measure(cw))}}
	default:
		return r
	}
	return &set
}

// readsOver reports whether poppler's pdftotext reads the text of row r
// of figures, set directly above text f w wide, before f, wherever f's
// paragraphs break between its columns. It reads a block over column 2
// alone, such as the caption of a row's second photo or the labels of a
// chart the full width, after column 1's text and before column 2's (a
// block left of another comes first unless a block between them overlaps
// both: TextBlock::isBeforeByRule2), unless the caption and the columns
// make a table for it (left edges and tops in line: it reads them row by
// row) or no text of the row stands beside the caption (poppler then
// stretches the caption over column 1 too, and reads it first). So: a
// row set by overText, a figure in column 1 alone, a photo the full
// width, two photos whose second starts on column 2's edge or over
// column 1, figures without labels. (Over three columns, not judged.)
func readsOver(r *Row, f *Flow, w float64) bool {
	if f.cols() != 2 || r.over || !slices.ContainsFunc(r.Cells, labelled) {
		return true
	}
	if len(r.Cells) == 1 {
		_, photo := r.Cells[0].(*photoBlock)
		return r.Columns > 1 || photo
	}
	for _, c := range r.Cells {
		if _, photo := c.(*photoBlock); !photo {
			return false
		}
	}
	cw := f.colWidth(w)
	x, _ := r.cell(w, 1)
	return len(r.Cells) == 2 && (x < cw || math.Abs(x-(cw+f.Gutter)) <= 2)
}

// labelled reports whether figure b sets text beside its drawing: a
// chart's labels, a photo's caption.
func labelled(b Block) bool {
	switch b := b.(type) {
	case *chartBlock, *photoBlock:
		return true
	case *Stack:
		return slices.ContainsFunc(b.Blocks, labelled)
	}
	return false
}

// reframed is photo p, set w0 wide, in a frame w wide and h tall instead;
// false when the frame is beyond 2:1 or 2:3, or prints the photo under
// dpiWarn where it did not.
func reframed(p *photoBlock, w0, w, h float64) (*photoBlock, bool) {
	q := *p
	q.ratio, q.natural = 0, h/w
	soft := func(b *photoBlock, w float64) bool {
		return b.px > 0 && photoDPI(b.px, b.py, w, b.frame(w)) < dpiWarn
	}
	if q.natural < 0.5-1e-9 || q.natural > 1.5+1e-9 || soft(&q, w) && !soft(p, w0) {
		return nil, false
	}
	return &q, true
}

// part sets row r, of figures that do not all fit in h at a page's foot,
// again with the figures of its section's next row (the first of rest):
// the two of them that fit, or else one, stay — a landscape photo may
// pair with the next landscape one where a portrait one beside it made
// the row too tall, a photo with a chart — and the others go on, paired
// again in order (see regroup). It returns the row that stays and the
// queue after it; false when no figure fits.
//
// What stays keeps the report's order of each kind: a photo stays only
// after the photos listed before it, a chart after the charts. The report
// lists its photos and its charts apart, in an order a reader follows
// (photo-essay's eight, numbered by their captions, were read 1, 2, 3, 6,
// 4, 5 when a row took the sixth beside the third for its shape), but
// says nothing of a photo's place among the charts.
func part(r *Row, rest []Block, w, h float64) (Block, []Block, bool) {
	if r.Columns != 2 {
		return nil, nil, false
	}
	pool, n := slices.Clone(r.Cells), 0
	if next, ok := first(rest).(*Row); ok && next.Kicker == r.Kicker && next.Columns == r.Columns {
		pool, n = append(pool, next.Cells...), 1
	}
	fits := func(cells ...Block) (Block, bool) {
		row := *r
		row.Cells, row.After = cells, 0 // it ends the page
		head, tail := row.Split(w, h)
		return head, head != nil && tail == nil
	}
	take := func(head Block, keep ...int) (Block, []Block, bool) {
		var left []Block
		for k, c := range pool {
			if !slices.Contains(keep, k) {
				left = append(left, c)
			}
		}
		if len(left) == 0 {
			return head, rest[n:], true
		}
		row := *r
		row.Cells = left
		return head, regroup(&row, rest[n:], w), true
	}
	for i := range pool {
		for j := i + 1; j < len(pool); j++ {
			if readable(pool, i, j) {
				if head, ok := fits(pool[i], pool[j]); ok {
					return take(head, i, j)
				}
			}
		}
	}
	for i := range pool {
		if readable(pool, i) {
			if head, ok := fits(pool[i]); ok {
				return take(head, i)
			}
		}
	}
	return nil, nil, false
}

// first is the first block of bs, or nil.
func first(bs []Block) Block {
	if len(bs) == 0 {
		return nil
	}
	return bs[0]
}

// readable reports whether figures pool[at...] may be read before the
// rest of pool: each comes after every figure of its kind before it in
// pool, which is among them.
func readable(pool []Block, at ...int) bool {
	for _, k := range at {
		for e := range k {
			if kind(pool[e]) == kind(pool[k]) && !slices.Contains(at, e) {
				return false
			}
		}
	}
	return true
}

// kind is the report's list a figure comes from: photos, or charts (two
// strip charts stacked in one cell too).
func kind(b Block) string {
	if _, ok := b.(*photoBlock); ok {
		return "photos"
	}
	return "charts"
}

// regroup is the queue after row r, the figures of a row parted at a
// page's foot that go on, and rest: the figures of r and of the rows of
// its section that follow it paired again two to a row in the report's
// order (the first going on beside the second, not alone in half a row),
// a last odd one alone (see alone). A pair is never made of figures out
// of order, which a reader would read so: photo-essay's sixth photo
// paired with its third, of the same shape, was read before the fourth.
func regroup(r *Row, rest []Block, w float64) []Block {
	cells := slices.Clone(r.Cells)
	n := 0
	for n < len(rest) {
		next, ok := rest[n].(*Row)
		if !ok || next.Kicker != r.Kicker || next.Columns != r.Columns || len(next.Cells) != r.Columns {
			break
		}
		cells = append(cells, next.Cells...)
		n++
	}
	if r.Columns != 2 || len(cells)%2 == 0 && n == 0 {
		return append([]Block{r}, rest...)
	}
	var q []Block
	for j := 0; j < len(cells); j += 2 {
		if j+1 == len(cells) {
			q = append(q, alone(cells[j], r.Columns, w, r.Gutter, r.After, r.Kicker))
			break
		}
		row := *r
		row.Cells = cells[j : j+2]
		q = append(q, &row)
	}
	return append(q, rest[n:]...)
}

// rejoin is the queue after row r, the figure of a section's text
// (Flow.Float) that did not fit beside its text and goes on alone, and
// rest. When rows of its section's figures follow, two to a row, it
// joins them in its place in the report's list (the first of its list
// since floatIndex, see precedes), and they are paired again in the
// report's order, so that it is read in its place, not before or after
// the others (minato's square photo, listed second, was read before the
// first; river-basin's first photo, joined last, after the two listed
// after it); the one left over takes the full
// width when it gains from it (the first or the last: a figure in the
// middle would be read out of its place), else the last stands alone
// (see alone). When a figure the look sets the full width though it
// keeps its size follows instead (a waffle or donut chart of the poster
// look), the two share a row, so that no half of the page is left empty
// beside either. On three columns the rows are set on the grid again
// (see regrid).
func rejoin(r *Row, rest []Block, w float64) []Block {
	if len(r.Cells) == 1 && r.Columns == gridCols {
		return regrid(r, rest, w)
	}
	if len(r.Cells) != 1 || r.Columns != 2 || r.Spans != nil {
		return append([]Block{r}, rest...)
	}
	var cells []Block
	n := 0
	var like *Row // the rows' gutter and space below
	for n < len(rest) {
		next, ok := rest[n].(*Row)
		if !ok || next.Kicker != r.Kicker || next.Columns != 2 || len(next.Cells) != 2 || next.Spans != nil {
			break
		}
		cells, like = append(cells, next.Cells...), next
		n++
	}
	if n == 0 {
		if next, ok := first(rest).(*Row); ok && next.Kicker == r.Kicker && next.Columns == 1 && len(next.Cells) == 1 && keepsSize(next.Cells[0], w, r.Gutter) {
			row := *next
			row.Cells, row.Columns, row.Gutter = []Block{r.Cells[0], next.Cells[0]}, 2, r.Gutter
			return append([]Block{&row}, rest[1:]...)
		}
		return append([]Block{r}, rest...)
	}
	at := len(cells)
	for k, c := range cells {
		if precedes(r.Cells[0], c) {
			at = k
			break
		}
	}
	cells = slices.Insert(cells, at, r.Cells[0])
	odd := len(cells) - 1
	switch {
	case gainsWidth(cells[odd], w, like.Gutter):
	case gainsWidth(cells[0], w, like.Gutter):
		odd = 0
	}
	var q []Block
	pairs := slices.Delete(slices.Clone(cells), odd, odd+1)
	for j := 0; j < len(pairs); j += 2 {
		row := *like
		row.Cells = pairs[j : j+2]
		q = append(q, &row)
	}
	one := alone(cells[odd], 2, w, like.Gutter, like.After, like.Kicker)
	if odd == 0 {
		q = append([]Block{one}, q...)
	} else {
		q = append(q, one)
	}
	return append(q, rest[n:]...)
}

// keepsSize reports whether figure b, set the full width by the look,
// keeps its size there (a waffle, a donut: it stands at the row's left,
// the rest of the row empty), so that it may share a row.
func keepsSize(b Block, w, gutter float64) bool {
	c, ok := b.(*chartBlock)
	return ok && !gainsWidth(c, w, gutter)
}
