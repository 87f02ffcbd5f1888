package preflight

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// The checks a print shop runs on colour and marks, as the content is
// walked (see walker.run): small text printed from more than one plate,
// total area coverage, overprint, hairlines, text too close to the trim
// and RGB in a PDF/X file. Each finding names the page and a position in
// mm from the trim's bottom left corner (the MediaBox's when the page has
// no TrimBox); findings of one kind on a page are counted, with the first
// position.

// Print thresholds.
const (
	SmallText = 12.0  // pt: smaller text from more than one plate blurs at misregistration
	MaxInk    = 300.0 // per cent: default total area coverage limit (--max-ink)
	Hairline  = 0.25  // pt: thinner lines may not print
	SafeMM    = 3.0   // mm: text closer to the trim may be cut
)

// Plates summarises the text under SmallText by the plates it prints
// from: what the shop asks first.
type Plates struct {
	BlackOnly int `json:"blackOnly"` // runs of text on the black plate alone (DeviceGray, K-only CMYK)
	Colour    int `json:"colour"`    // in a brand or spot colour (several plates by design)
	Several   int `json:"several"`   // black or grey from several plates (rich black, RGB grey): a problem
	Overprint int `json:"overprint"` // black text set to overprint
}

// paint is a colour as set: its space and components.
type paint struct {
	space string // DeviceGray, DeviceRGB, DeviceCMYK, Separation X, ICCBased (n components), …
	comps []float64
}

var black = paint{space: "DeviceGray", comps: []float64{0}}

// printState is the part of the graphics state the print checks follow
// (saved and restored with q and Q, as part of gstate).
type printState struct {
	fill, stroke   paint
	width          float64 // line width, user space
	op, OP         bool    // overprint for fills (and text), strokes
	opm            float64
	size, leading  float64
	render         int
	tm, tlm        matrix
	defaultRGB     bool    // the resources define DefaultRGB
	widths         *widths // the font's advances; nil: estimated
	charSpace, hsc float64
}

// printWalk is what the print checks keep over a walk.
type printWalk struct {
	maxInk  float64
	origin  [2]float64 // the trim's bottom left, pt
	trim    [4]float64 // llx, lly, urx, ury, pt
	hasTrim bool
	path    [4]float64 // bounding box of the path under construction, device space
	inPath  bool
	found   map[findingKey]*finding
	rgb     []finding // DeviceRGB without DefaultRGB: a problem only in a PDF/X file
	plates  Plates
	widths  map[string]*widths // by font object
	press   *profile           // the PDF/X output intent's, converting RGB to ink; nil: none
	pages   []*pageInks        // the plates of each page, for a proof (separations.go)
}

type findingKey struct {
	page int
	kind string
}

type finding struct {
	problem bool
	page    int
	msg     string // with %s for the count
	x, y    float64
	n       int
}

// startPage sets the page's trim for the position of findings.
func (p *printWalk) startPage(w *walker) {
	pg := w.doc.Pages[w.page-1]
	r := pg.Media
	p.hasTrim = pg.Trim != nil
	if pg.Trim != nil {
		r = pg.Trim
	}
	p.trim = [4]float64{r.LL.X, r.LL.Y, r.UR.X, r.UR.Y}
	p.origin = [2]float64{r.LL.X, r.LL.Y}
	p.inPath = false
}

func (p *printWalk) add(problem bool, page int, kind, msg string, x, y float64) {
	if p.found == nil {
		p.found = map[findingKey]*finding{}
	}
	k := findingKey{page, kind}
	if f, ok := p.found[k]; ok {
		f.n++
		return
	}
	p.found[k] = &finding{problem: problem, page: page, msg: msg, x: (x - p.origin[0]) / mmPt, y: (y - p.origin[1]) / mmPt, n: 1}
}

const mmPt = 72 / 25.4

// plates is how many plates a colour prints from (ink > 0), and whether
// it is a neutral (black or grey); known is false for colour spaces whose
// plates depend on a conversion (RGB, Lab, ICC with three components).
func (c paint) plates() (n int, neutral, known bool) {
	count := func(vs []float64) int {
		k := 0
		for _, v := range vs {
			if v > 0.001 {
				k++
			}
		}
		return k
	}
	switch {
	case c.space == "DeviceGray" || c.space == "ICCBased (1 components)":
		if len(c.comps) == 1 && c.comps[0] < 0.999 {
			return 1, true, true
		}
		return 0, true, true
	case c.space == "DeviceCMYK" || c.space == "ICCBased (4 components)":
		if len(c.comps) != 4 {
			return 0, false, false
		}
		cmy := c.comps[:3]
		neutral := c.comps[3] > 0.5 || (math.Abs(cmy[0]-cmy[1]) < 0.15 && cmy[0] > 0.001 && cmy[2] > 0.001)
		return count(c.comps), neutral, true
	case c.space == "Separation All":
		return 4, true, true
	case strings.HasPrefix(c.space, "Separation "):
		return min(1, count(c.comps)), false, true
	case c.space == "DeviceRGB" || c.space == "ICCBased (3 components)":
		if len(c.comps) == 3 && c.comps[0] == c.comps[1] && c.comps[1] == c.comps[2] {
			if c.comps[0] >= 0.999 {
				return 0, true, true // white: no ink
			}
			return 4, true, false // a grey the RIP makes of four inks
		}
		return 3, false, false
	}
	return 0, false, false
}

// white reports whether c is paper white (no ink).
func (c paint) white() bool {
	n, _, known := c.plates()
	return known && n == 0 && len(c.comps) > 0
}

// devicePaint are the operators that set a device colour: its space and
// how many components they take. The lower-case one sets the fill, the
// upper-case one (G, RG, K) the stroke.
var devicePaint = map[string]struct {
	space string
	n     int
}{"g": {"DeviceGray", 1}, "rg": {"DeviceRGB", 3}, "k": {"DeviceCMYK", 4}}

// setPaint handles the colour operators.
func (s *printState) setPaint(w *walker, res types.Dict, o op) {
	// the lower-case operators set the fill, the upper-case ones the stroke
	target := &s.stroke
	if o.name == strings.ToLower(o.name) {
		target = &s.fill
	}
	if d, ok := devicePaint[strings.ToLower(o.name)]; ok {
		f, _ := nums(o.operands, d.n)
		*target = paint{d.space, f}
		return
	}
	switch o.name {
	case "cs", "CS":
		space := "?"
		if len(o.operands) > 0 {
			if n, ok := o.operands[len(o.operands)-1].(name); ok {
				space = string(n)
				if c, ok := w.resource(res, "ColorSpace", space); ok {
					space = w.csName(c, 0)
				}
			}
		}
		*target = paint{space, nil}
	case "sc", "scn", "SC", "SCN":
		var comps []float64
		for _, x := range o.operands {
			if f, ok := x.(float64); ok {
				comps = append(comps, f)
			}
		}
		target.comps = comps
	}
}

// extGState reads the overprint and line width entries of a gs.
func (s *printState) extGState(w *walker, res types.Dict, o op) {
	obj, ok := w.operandResource(res, "ExtGState", o)
	if !ok {
		return
	}
	d, err := w.ctx.DereferenceDict(obj)
	if err != nil || d == nil {
		return
	}
	if b := d.BooleanEntry("OP"); b != nil {
		s.OP = *b
		s.op = *b // op defaults to OP
	}
	if b := d.BooleanEntry("op"); b != nil {
		s.op = *b
	}
	if v, ok := w.number(d["OPM"]); ok {
		s.opm = v
	}
	if v, ok := w.number(d["LW"]); ok {
		s.width = v
	}
}

// print follows one operator for the print checks. st is the graphics
// state (its ctm and font are the walker's).
func (w *walker) print(o op, st *gstate, res types.Dict) {
	s := &st.ink
	switch o.name {
	case "g", "G", "rg", "RG", "k", "K", "cs", "CS", "sc", "scn", "SC", "SCN":
		s.setPaint(w, res, o)
	case "w":
		if v, ok := nums(o.operands, 1); ok {
			s.width = v[0]
		}
	case "gs":
		s.extGState(w, res, o)
	case "Tf":
		if v, ok := nums(o.operands, 1); ok {
			s.size = v[0]
		}
		if len(o.operands) >= 2 {
			if n, ok := o.operands[len(o.operands)-2].(name); ok {
				s.widths = w.widthsOf(res, string(n))
			}
		}
	case "TL":
		if v, ok := nums(o.operands, 1); ok {
			s.leading = v[0]
		}
	case "Tc":
		if v, ok := nums(o.operands, 1); ok {
			s.charSpace = v[0]
		}
	case "Tz":
		if v, ok := nums(o.operands, 1); ok {
			s.hsc = v[0] / 100
		}
	case "Tr":
		if v, ok := nums(o.operands, 1); ok {
			s.render = int(v[0])
		}
	case "BT":
		s.tm, s.tlm = identity, identity
	case "Td", "TD":
		if v, ok := nums(o.operands, 2); ok {
			if o.name == "TD" {
				s.leading = -v[1]
			}
			s.tlm = matrix{1, 0, 0, 1, v[0], v[1]}.mul(s.tlm)
			s.tm = s.tlm
		}
	case "Tm":
		if v, ok := nums(o.operands, 6); ok {
			s.tlm = matrix{v[0], v[1], v[2], v[3], v[4], v[5]}
			s.tm = s.tlm
		}
	case "T*":
		s.tlm = matrix{1, 0, 0, 1, 0, -s.leading}.mul(s.tlm)
		s.tm = s.tlm
	case "'", "\"":
		s.tlm = matrix{1, 0, 0, 1, 0, -s.leading}.mul(s.tlm)
		s.tm = s.tlm
		w.printText(st, o)
	case "Tj", "TJ":
		w.printText(st, o)
	case "m", "l", "c", "v", "y", "re":
		w.pathPoints(st, o)
	case "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n":
		w.paintPath(st, o.name)
	case "Do":
		w.printImage(st, res, o)
	}
}

// printImage notes an image in DeviceRGB (a photo without a profile)
// drawn where DefaultRGB does not say it is sRGB, and measures its ink.
func (w *walker) printImage(st *gstate, res types.Dict, o op) {
	x, ok := w.operandResource(res, "XObject", o)
	if !ok {
		return
	}
	sd, _, err := w.ctx.DereferenceStreamDict(x)
	if err != nil || sd == nil {
		return
	}
	if sub := sd.Dict.NameEntry("Subtype"); sub == nil || *sub != "Image" {
		return
	}
	cs := ""
	if c, ok := sd.Dict.Find("ColorSpace"); ok {
		cs = w.csName(c, 0)
	}
	if (cs == "DeviceRGB" || cs == "Indexed DeviceRGB") && !st.ink.defaultRGB {
		px, py := st.ctm.apply(0, 0)
		w.rgbUse(paint{space: "DeviceRGB"}, false, px, py)
	}
	w.imageInk(sd, x, cs, st.ctm)
}

// startInk is the print state at the start of a content stream with
// resources res: black, 1 pt lines, no overprint.
func (w *walker) startInk(res types.Dict) printState {
	s := printState{fill: black, stroke: black, width: 1, hsc: 1, tm: identity, tlm: identity}
	if cs, ok := w.resource(res, "ColorSpace", "DefaultRGB"); ok && cs != nil {
		s.defaultRGB = true
	}
	return s
}

// apply maps (x, y) through m.
func (m matrix) apply(x, y float64) (float64, float64) {
	return x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]
}

// printText checks one text-showing operator: its plates, overprint and
// distance from the trim. The run's width is estimated (a full em for
// CJK, 0.55 em for other characters; kerning ignored): enough to find text
// that reaches into the trim's margin.
func (w *walker) printText(st *gstate, o op) {
	s := &st.ink
	p := &w.pr
	if s.render == 3 || s.render == 7 || len(o.operands) == 0 { // invisible (an OCR layer), clipping only
		return
	}
	var strs [][]byte
	switch t := o.operands[len(o.operands)-1].(type) {
	case []byte:
		strs = append(strs, t)
	case []any:
		for _, e := range t {
			if b, ok := e.([]byte); ok {
				strs = append(strs, b)
			}
		}
	}
	ems, chars := 0.0, 0
	for _, b := range strs {
		two := st.font != nil && st.font.twoByte
		step := 1
		if two {
			step = 2
		}
		for i := 0; i+step <= len(b); i += step {
			c := uint32(b[i])
			if two {
				c = c<<8 | uint32(b[i+1])
			}
			chars++
			if adv, ok := s.widths.of(c); ok {
				ems += adv / 1000
				continue
			}
			em := 0.55 // no widths: a full em for two-byte (CJK) codes, about half for others
			if two {
				em = 1
			}
			ems += em
		}
	}
	if chars == 0 {
		return
	}
	trm := s.tm.mul(st.ctm)
	size := s.size * math.Hypot(trm[2], trm[3])
	width := ems*s.size*s.hsc + float64(chars)*s.charSpace*s.hsc
	x0, y0 := trm.apply(0, 0)
	x1, y1 := trm.apply(width, 0)
	top, bottom := size*0.88, size*0.12 // ascent and descent, about
	llx, urx := math.Min(x0, x1), math.Max(x0, x1)
	lly, ury := math.Min(y0, y1)-bottom, math.Max(y0, y1)+top
	s.tm = matrix{1, 0, 0, 1, width, 0}.mul(s.tm) // on to the next show

	w.rgbUse(s.fill, s.defaultRGB, x0, y0)
	w.use(s.fill)
	// plates of small text
	if size > 0 && size < SmallText {
		n, neutral, known := s.fill.plates()
		switch {
		case n <= 1 && known:
			if n == 1 {
				p.plates.BlackOnly++
			}
		case neutral:
			p.plates.Several++
			p.add(true, w.page, "rich small text", fmt.Sprintf("%%s runs of black or grey text under %g pt printed from %d plates (%s %s): set it in black ink only (DeviceGray or K-only CMYK)", SmallText, n, s.fill.space, comps(s.fill.comps)), x0, y0)
		default:
			p.plates.Colour++
		}
		if neutral && n == 1 && s.op {
			p.plates.Overprint++
		}
	}
	if s.op && s.fill.white() {
		p.add(true, w.page, "white overprint", "%s runs of white text set to overprint: they vanish on press", x0, y0)
	}
	// the safe area: text inside the trim but within SafeMM of an edge
	t := p.trim
	inside := urx > t[0] && llx < t[2] && ury > t[1] && lly < t[3]
	if inside {
		safe := SafeMM * mmPt
		d := min(llx-t[0], t[2]-urx, lly-t[1], t[3]-ury)
		if d < safe {
			p.add(true, w.page, "text near trim", fmt.Sprintf("%%s runs of text closer than %g mm to the trim (or across it): they may be cut; keep text %g mm inside", SafeMM, SafeMM), x0, y0)
		}
	}
}

// comps writes colour components as per cent.
func comps(c []float64) string {
	var b strings.Builder
	for i, v := range c {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%g", math.Round(v*1000)/1000)
	}
	return b.String()
}

// pathPoints grows the bounding box of the current path.
func (w *walker) pathPoints(st *gstate, o op) {
	p := &w.pr
	var pts []float64
	switch o.name {
	case "re":
		if v, ok := nums(o.operands, 4); ok {
			pts = []float64{v[0], v[1], v[0] + v[2], v[1] + v[3], v[0], v[1] + v[3], v[0] + v[2], v[1]}
		}
	default:
		for _, x := range o.operands {
			if f, ok := x.(float64); ok {
				pts = append(pts, f)
			}
		}
	}
	for i := 0; i+1 < len(pts); i += 2 {
		x, y := st.ctm.apply(pts[i], pts[i+1])
		if !p.inPath {
			p.path = [4]float64{x, y, x, y}
			p.inPath = true
			continue
		}
		p.path = [4]float64{math.Min(p.path[0], x), math.Min(p.path[1], y), math.Max(p.path[2], x), math.Max(p.path[3], y)}
	}
}

// paintPath checks a painted path: total ink of the fill, hairlines and
// white overprint.
func (w *walker) paintPath(st *gstate, paintOp string) {
	p := &w.pr
	s := &st.ink
	if !p.inPath {
		return
	}
	p.inPath = false
	x, y := p.path[0], p.path[1]
	fill := strings.ContainsAny(paintOp, "fFbB")
	stroke := strings.ContainsAny(paintOp, "SsBb")
	if fill {
		w.rgbUse(s.fill, s.defaultRGB, x, y)
		if tac := w.use(s.fill); tac > p.maxInk+0.05 {
			p.add(true, w.page, "ink", fmt.Sprintf("%%s areas of %.0f %% total ink (%s %s), above the %.0f %% limit: the ink does not dry, sheets stick", tac, s.fill.space, comps(s.fill.comps), p.maxInk), x, y)
		}
		if s.op && s.fill.white() {
			p.add(true, w.page, "white overprint", "%s areas in white set to overprint: they vanish on press", x, y)
		}
	}
	if stroke {
		w.rgbUse(s.stroke, s.defaultRGB, x, y)
		w.use(s.stroke)
	}
	if stroke && !s.stroke.white() {
		// the line width as drawn: user-space width under the CTM (the
		// smaller axis of a scaled CTM)
		ctm := st.ctm
		sx, sy := math.Hypot(ctm[0], ctm[1]), math.Hypot(ctm[2], ctm[3])
		width := s.width * math.Min(sx, sy)
		inTrim := p.path[2] > p.trim[0] && p.path[0] < p.trim[2] && p.path[3] > p.trim[1] && p.path[1] < p.trim[3]
		if width < Hairline-0.005 && inTrim {
			p.add(true, w.page, "hairline", fmt.Sprintf("%%s lines thinner than %g pt (%.2f pt): they may not print; draw them at least %g pt", Hairline, width, Hairline), x, y)
		}
		if s.OP && s.stroke.white() {
			p.add(true, w.page, "white overprint", "%s lines in white set to overprint: they vanish on press", x, y)
		}
	}
}

// printReport adds the print findings to rep once the catalog says
// whether the file is PDF/X.
func (w *walker) printReport(pdfx bool) {
	p := &w.pr
	rep := w.rep
	if pdfx {
		for _, f := range p.rgb {
			k := findingKey{f.page, "rgb"}
			if g, ok := p.found[k]; ok {
				g.n++
				continue
			}
			if p.found == nil {
				p.found = map[findingKey]*finding{}
			}
			p.found[k] = &f
		}
	}
	var fs []*finding
	for _, f := range p.found {
		fs = append(fs, f)
	}
	slices.SortFunc(fs, func(a, b *finding) int {
		if a.page != b.page {
			return a.page - b.page
		}
		return strings.Compare(a.msg, b.msg)
	})
	for _, f := range fs {
		count := fmt.Sprint(f.n)
		msg := fmt.Sprintf("page %d at %.1f, %.1f mm from the trim's bottom left: %s", f.page, f.x, f.y, strings.Replace(f.msg, "%s", count, 1))
		if f.problem {
			rep.Problems = append(rep.Problems, msg)
		} else {
			rep.Warnings = append(rep.Warnings, msg)
		}
	}
	pl := p.plates
	rep.Plates = &pl
	rep.Inks = p.separations(rep.Pages)
}

// PDFX reports whether the file has a PDF/X output intent.
func (r *Report) PDFX() bool {
	for _, oi := range r.OutputIntents {
		if strings.HasPrefix(oi, "GTS_PDFX") {
			return true
		}
	}
	return false
}

// rgbUse notes painting in DeviceRGB at (x, y) without a DefaultRGB: a
// problem once the file turns out to be PDF/X.
func (w *walker) rgbUse(c paint, defaultRGB bool, x, y float64) {
	if c.space != "DeviceRGB" || defaultRGB {
		return
	}
	p := &w.pr
	p.rgb = append(p.rgb, finding{problem: true, page: w.page, msg: "%s uses of DeviceRGB in a PDF/X file without a DefaultRGB: convert to CMYK or tag as sRGB",
		x: (x - p.origin[0]) / mmPt, y: (y - p.origin[1]) / mmPt, n: 1})
}

// widths are a font's advances in 1/1000 em: a simple font's /Widths
// from /FirstChar, a CID font's /W and /DW.
type widths struct {
	w  map[uint32]float64 // by character code
	dw float64            // default; 0: none known
}

func (ws *widths) of(c uint32) (float64, bool) {
	if ws == nil {
		return 0, false
	}
	if v, ok := ws.w[c]; ok {
		return v, true
	}
	return ws.dw, ws.dw > 0
}

// widthsOf reads the advances of the font named n in res (nil when it
// has none a reader can use), cached by object.
func (w *walker) widthsOf(res types.Dict, n string) *widths {
	o, ok := w.resource(res, "Font", n)
	if !ok {
		return nil
	}
	key := ""
	if ref, ok := o.(types.IndirectRef); ok {
		key = ref.String()
		if ws, ok := w.pr.widths[key]; ok {
			return ws
		}
	}
	ws := w.readWidths(o)
	if key != "" {
		if w.pr.widths == nil {
			w.pr.widths = map[string]*widths{}
		}
		w.pr.widths[key] = ws
	}
	return ws
}

// number reads a number of the file, direct or not.
func (w *walker) number(o types.Object) (float64, bool) {
	o, _ = w.ctx.Dereference(o)
	switch t := o.(type) {
	case types.Integer:
		return float64(t), true
	case types.Float:
		return float64(t), true
	}
	return 0, false
}

func (w *walker) readWidths(o types.Object) *widths {
	d, err := w.ctx.DereferenceDict(o)
	if err != nil || d == nil {
		return nil
	}
	num := w.number
	array := func(o types.Object) types.Array {
		a, _ := w.ctx.DereferenceArray(o)
		return a
	}
	ws := &widths{w: map[uint32]float64{}}
	const most = 65536 // entries read, for an untrusted file
	if st := d.NameEntry("Subtype"); st != nil && *st == "Type0" {
		kids := array(d["DescendantFonts"])
		if len(kids) == 0 {
			return nil
		}
		cid, err := w.ctx.DereferenceDict(kids[0])
		if err != nil || cid == nil {
			return nil
		}
		ws.dw = 1000
		if v, ok := num(cid["DW"]); ok {
			ws.dw = v
		}
		a := array(cid["W"])
		for i := 0; i < len(a) && len(ws.w) < most; {
			c, ok := num(a[i])
			if !ok || i+1 >= len(a) || c < 0 || c > 1<<32-1 {
				break
			}
			if list := array(a[i+1]); list != nil {
				for k, e := range list {
					if v, ok := num(e); ok && len(ws.w) < most {
						ws.w[uint32(c)+uint32(k)] = v
					}
				}
				i += 2
				continue
			}
			c2, ok2 := num(a[i+1])
			if !ok2 || i+2 >= len(a) || c < 0 || c2 < c || c2-c > most {
				break
			}
			v, _ := num(a[i+2])
			for k := c; k <= c2 && len(ws.w) < most; k++ {
				ws.w[uint32(k)] = v
			}
			i += 3
		}
		return ws
	}
	first, ok := num(d["FirstChar"])
	list := array(d["Widths"])
	if !ok || list == nil || first < 0 || first > 255 {
		return nil
	}
	for k, e := range list {
		if v, ok := num(e); ok && k < most {
			ws.w[uint32(first)+uint32(k)] = v
		}
	}
	return ws
}
