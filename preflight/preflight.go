// Package preflight reads a finished PDF the way a print shop checks it
// before printing: page count and boxes, fonts (embedded? subset?), every
// placed image's effective resolution, the colour spaces used and the
// output intent, glyphs the fonts do not have, the PDF version and PDF/A
// claim. It returns a Report; it never prints.
//
// What a shop rejects (Report.Problems, each makes Report.OK false):
//   - a font that is not embedded (the printer's RIP substitutes another);
//   - an image under 100 dpi at its placed size (visibly blocky);
//   - a character shown with a code its font maps to no glyph (glyph 0,
//     .notdef: an empty box in print);
//   - when bleed is expected (Options.Bleed, or any page of the file has a
//     BleedBox beyond its TrimBox): a page without TrimBox or BleedBox, or
//     with less bleed than expected;
//   - a PDF without pages.
//
// Warnings do not fail: images under 200 dpi, no TrimBox at all, pages of
// different trim sizes, codes with no Unicode (text cannot be searched or
// copied), device colour without an output intent.
//
// Reading is with pdfcpu only (no poppler); content streams are walked by
// a small tokenizer of this package to follow the transformation matrix to
// each image and the font to each string, into form XObjects too (as
// impose writes them).
package preflight

import (
	"cmp"
	"errors"
	"fmt"
	"math"
	"regexp"
	"runtime/debug"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"

	"github.com/brochure-dev/brochure/internal/pdfread"
)

// Thresholds of effective resolution, dpi, as layout checks photos.
const (
	DPIMin  = 100.0 // below: a problem
	DPIWarn = 200.0 // below: a warning
)

// Options says what the file is expected to be, and how much work reading
// it may take (the zero Limits are pdfread's defaults).
type Options struct {
	Bleed  float64 // mm of bleed expected on every side; 0: as the file says
	MaxInk float64 // per cent of total area coverage allowed; 0: MaxInk (300)
	Limits pdfread.Limits
}

// Report is what preflight found.
type Report struct {
	Bytes         int        `json:"bytes"`
	Version       string     `json:"version"`        // "1.4"
	PDFA          string     `json:"pdfa,omitempty"` // claimed PDF/A part and conformance: "2B"
	Pages         int        `json:"pages"`
	Boxes         []Boxes    `json:"boxes"` // one per distinct set of boxes
	Fonts         []Font     `json:"fonts"`
	Images        []Image    `json:"images"`        // every placement
	Colours       []string   `json:"colours"`       // colour spaces used: DeviceRGB, Separation All, …
	OutputIntents []string   `json:"outputIntents"` // "GTS_PDFA1 sRGB IEC61966-2.1 (ICC profile embedded)"
	Codes         int        `json:"codes"`         // distinct character codes shown, all fonts
	MissingGlyphs []string   `json:"missingGlyphs"` // "Font: code 0x4E00 (U+4E00) on page 3"
	NoUnicode     int        `json:"noUnicode"`     // codes without a ToUnicode mapping
	Plates        *Plates    `json:"plates"`        // small text by the plates it prints from (print.go)
	Inks          []PageInks `json:"inks"`          // each page's separations (separations.go)
	Problems      []string   `json:"problems"`      // what a print shop rejects
	Warnings      []string   `json:"warnings"`
	Unchecked     []string   `json:"unchecked"` // what this file had that preflight could not measure
}

// OK reports whether nothing a print shop would reject was found.
func (r *Report) OK() bool { return len(r.Problems) == 0 }

// Boxes is a set of page boxes, in mm from the MediaBox's origin, and the
// pages that have it.
type Boxes struct {
	Pages string `json:"pages"` // "1-4, 6"
	Media Rect   `json:"media"`
	Trim  *Rect  `json:"trim"`  // nil: the page has none
	Bleed *Rect  `json:"bleed"` // nil: the page has none
	pages []int
}

// BleedMM is the smallest distance from the trim to the bleed box, mm (0
// without either box).
func (b Boxes) BleedMM() float64 {
	if b.Trim == nil || b.Bleed == nil {
		return 0
	}
	t, l := b.Trim, b.Bleed
	return round1(min(t.X-l.X, t.Y-l.Y, (l.X+l.W)-(t.X+t.W), (l.Y+l.H)-(t.Y+t.H)))
}

// Rect is a box in mm.
type Rect struct {
	X, Y, W, H float64
}

// Font is one font dictionary.
type Font struct {
	Name     string `json:"name"` // BaseFont
	Type     string `json:"type"` // "CID TrueType", "TrueType", "Type 1", …
	Embedded bool   `json:"embedded"`
	Subset   bool   `json:"subset"` // ABCDEF+ tag
	Codes    int    `json:"codes"`  // distinct codes shown with it
}

// Image is one placement of an image XObject.
type Image struct {
	Page        int     `json:"page"`
	Name        string  `json:"name"` // resource name
	Width       int     `json:"width"`
	Height      int     `json:"height"` // pixels
	ColourSpace string  `json:"colourSpace"`
	Bits        int     `json:"bits"`
	Alpha       bool    `json:"alpha"` // has a soft mask
	PlacedW     float64 `json:"placedW"`
	PlacedH     float64 `json:"placedH"` // mm, the whole image as scaled (a clip may show less)
	DPI         float64 `json:"dpi"`     // effective: the lower of the two axes
}

// onPanic, set by the fuzz test, sees a recovered panic and its stack (so
// that one in this package's own code fails the fuzzer).
var onPanic func(v any, stack []byte)

// Check reads pdf and checks it. A budget of opt.Limits exceeded is a
// *pdfread.LimitError; a file that is not a readable PDF another error.
func Check(pdf []byte, opt Options) (rep *Report, err error) {
	defer func() {
		if e := recover(); e != nil { // pdfcpu on a malformed file
			if onPanic != nil {
				onPanic(e, debug.Stack())
			}
			rep, err = nil, fmt.Errorf("cannot read the PDF: %v", e)
		}
	}()
	doc, err := pdfread.Open(pdf, opt.Limits)
	if err != nil {
		return nil, err
	}
	ctx := doc.Ctx
	rep = &Report{Bytes: len(pdf), Pages: len(doc.Pages), Version: ctx.XRefTable.Version().String(),
		Boxes: []Boxes{}, Fonts: []Font{}, Images: []Image{}, Colours: []string{}, OutputIntents: []string{},
		MissingGlyphs: []string{}, Problems: []string{}, Warnings: []string{}, Unchecked: []string{}}
	if doc.Count >= 0 && doc.Count != rep.Pages {
		rep.Warnings = append(rep.Warnings, fmt.Sprintf("the page tree says it has %d pages (/Count) but has %d: readers may show a different number", doc.Count, rep.Pages))
	}
	if rep.Pages == 0 {
		rep.Problems = append(rep.Problems, "the PDF has no pages")
		return rep, nil
	}
	rep.boxes(doc, opt)
	w := &walker{ctx: ctx, doc: doc, rep: rep, fonts: map[string]*fontInfo{}, colours: map[string]bool{}, unchecked: map[string]int{}}
	w.pr.maxInk = cmp.Or(opt.MaxInk, MaxInk)
	w.pr.press = w.outputProfile()
	if w.err != nil {
		return nil, w.err
	}
	for i := range doc.Pages {
		p := &doc.Pages[i]
		content, err := doc.Contents(p)
		if err != nil {
			return nil, err
		}
		w.page = i + 1
		w.pr.startPage(w)
		w.run(content, p.Resources, identity, 0)
		if w.err != nil {
			return nil, w.err
		}
	}
	w.finish()
	if err := rep.catalog(doc); err != nil {
		return nil, err
	}
	w.printReport(rep.PDFX())
	return rep, nil
}

func round1(x float64) float64 { return math.Round(x*10) / 10 }

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

const mm = 72 / 25.4

func toMM(r *types.Rectangle, media *types.Rectangle) *Rect {
	if r == nil {
		return nil
	}
	return &Rect{round1((r.LL.X - media.LL.X) / mm), round1((r.LL.Y - media.LL.Y) / mm), round1(r.Width() / mm), round1(r.Height() / mm)}
}

// boxes groups the pages by their boxes and checks the trim and bleed.
// Consecutive pages with the same boxes are compared with the last group
// first, so that the grouping is linear in pages for a usual file.
func (rep *Report) boxes(doc *pdfread.Doc, opt Options) {
	index := map[string]int{} // by the boxes' values
	for i, p := range doc.Pages {
		media := p.Media
		b := Boxes{Media: *toMM(media, media)}
		b.Trim = toMM(p.Trim, media)
		b.Bleed = toMM(p.Bleed, media)
		key := fmt.Sprint(b.Media)
		if b.Trim != nil {
			key += fmt.Sprint("t", *b.Trim)
		}
		if b.Bleed != nil {
			key += fmt.Sprint("b", *b.Bleed)
		}
		k, ok := index[key]
		if !ok {
			rep.Boxes = append(rep.Boxes, b)
			k = len(rep.Boxes) - 1
			index[key] = k
		}
		rep.Boxes[k].pages = append(rep.Boxes[k].pages, i+1)
	}
	expect := opt.Bleed
	trims := map[[2]float64]bool{}
	for i := range rep.Boxes {
		b := &rep.Boxes[i]
		b.Pages = ranges(b.pages)
		expect = max(expect, b.BleedMM())
		size := [2]float64{b.Media.W, b.Media.H}
		if b.Trim != nil {
			size = [2]float64{b.Trim.W, b.Trim.H}
		}
		trims[size] = true
	}
	if len(trims) > 1 {
		rep.Warnings = append(rep.Warnings, fmt.Sprintf("the pages have %d different trim sizes", len(trims)))
	}
	for _, b := range rep.Boxes {
		pages := "pages " + b.Pages
		if len(b.pages) == 1 {
			pages = "page " + b.Pages
		}
		switch {
		case expect > 0 && (b.Trim == nil || b.Bleed == nil):
			var missing []string
			if b.Trim == nil {
				missing = append(missing, "TrimBox")
			}
			if b.Bleed == nil {
				missing = append(missing, "BleedBox")
			}
			rep.Problems = append(rep.Problems, fmt.Sprintf("%s: no %s, but %g mm bleed is expected: the shop cannot tell where to cut", pages, strings.Join(missing, " and "), expect))
		case expect > 0 && b.BleedMM() < expect-0.15:
			rep.Problems = append(rep.Problems, fmt.Sprintf("%s: %g mm bleed, %g mm expected", pages, b.BleedMM(), expect))
		case b.Trim == nil:
			rep.Warnings = append(rep.Warnings, fmt.Sprintf("%s: no TrimBox; the page is cut at its MediaBox", pages))
		}
	}
}

// ranges writes page numbers as "1-4, 6".
func ranges(ps []int) string {
	var parts []string
	for i := 0; i < len(ps); {
		j := i
		for j+1 < len(ps) && ps[j+1] == ps[j]+1 {
			j++
		}
		if j > i {
			parts = append(parts, fmt.Sprintf("%d-%d", ps[i], ps[j]))
		} else {
			parts = append(parts, strconv.Itoa(ps[i]))
		}
		i = j + 1
	}
	return strings.Join(parts, ", ")
}

var (
	pdfaPart = regexp.MustCompile(`pdfaid:part(?:="|>)\s*(\d)`)
	pdfaConf = regexp.MustCompile(`pdfaid:conformance(?:="|>)\s*([A-Za-z])`)
)

// outputIntents are the output intent dictionaries of catalog cat, those
// that can be read.
func outputIntents(ctx *model.Context, cat types.Dict) []types.Dict {
	arr, _ := ctx.DereferenceArray(cat["OutputIntents"])
	var ds []types.Dict
	for _, e := range arr {
		if d, err := ctx.DereferenceDict(e); err == nil && d != nil {
			ds = append(ds, d)
		}
	}
	return ds
}

// catalog reads the output intents and the PDF/A claim in the metadata.
func (rep *Report) catalog(doc *pdfread.Doc) error {
	ctx := doc.Ctx
	cat, err := ctx.Catalog()
	if err != nil || cat == nil {
		return nil
	}
	for _, d := range outputIntents(ctx, cat) {
		s := ""
		if n := d.NameEntry("S"); n != nil {
			s = *n
		}
		if o, ok := d.Find("OutputConditionIdentifier"); ok {
			if t, err := ctx.DereferenceStringOrHexLiteral(o, model.V10, nil); err == nil {
				s += " " + t
			}
		}
		if _, ok := d.Find("DestOutputProfile"); ok {
			s += " (ICC profile embedded)"
		}
		rep.OutputIntents = append(rep.OutputIntents, strings.TrimSpace(s))
	}
	if o, ok := cat.Find("Metadata"); ok {
		_, xmp, err := doc.Stream(o)
		if isLimit(err) {
			return err
		}
		if m := pdfaPart.FindSubmatch(xmp); m != nil {
			rep.PDFA = string(m[1])
			if c := pdfaConf.FindSubmatch(xmp); c != nil {
				rep.PDFA += strings.ToUpper(string(c[1]))
			}
		}
	}
	device := false
	for _, c := range rep.Colours {
		if strings.HasPrefix(c, "Device") {
			device = true
		}
	}
	if device && len(rep.OutputIntents) == 0 {
		rep.Warnings = append(rep.Warnings, "device colour (RGB/CMYK/Gray) and no output intent: the shop converts with its own profile")
	}
	return nil
}

func isLimit(err error) bool {
	var le *pdfread.LimitError
	return errors.As(err, &le)
}

// walker walks the pages' content.
type walker struct {
	ctx       *model.Context
	doc       *pdfread.Doc
	err       error // a budget exceeded: the walk stops
	rep       *Report
	page      int
	fonts     map[string]*fontInfo // by object number (or resource name for direct dicts)
	order     []*fontInfo
	colours   map[string]bool
	unchecked map[string]int
	pr        printWalk // the print checks (print.go)
}

type gstate struct {
	ctm  matrix
	font *fontInfo
	ink  printState // colour, overprint, lines, text position (print.go)
}

// run interprets one content stream with its resources under ctm.
func (w *walker) run(content []byte, res types.Dict, ctm matrix, depth int) {
	if depth > 8 {
		w.unchecked["form XObjects nested deeper than 8"]++
		return
	}
	st := gstate{ctm: ctm, ink: w.startInk(res)}
	var stack []gstate
	l := &lexer{b: content}
	for w.err == nil {
		o, ok := l.next()
		if !ok {
			return
		}
		if w.err = w.doc.Op(); w.err != nil {
			return
		}
		w.print(o, &st, res)
		switch o.name {
		case "q":
			if len(stack) >= maxSaves {
				w.unchecked[fmt.Sprintf("graphics states saved more than %d deep (q)", maxSaves)]++
				continue
			}
			stack = append(stack, st)
		case "Q":
			if len(stack) > 0 {
				st = stack[len(stack)-1]
				stack = stack[:len(stack)-1]
			}
		case "cm":
			if v, ok := nums(o.operands, 6); ok {
				st.ctm = matrix{v[0], v[1], v[2], v[3], v[4], v[5]}.mul(st.ctm)
			}
		case "Tf":
			if len(o.operands) >= 2 {
				if n, ok := o.operands[len(o.operands)-2].(name); ok {
					st.font = w.font(res, string(n))
				}
			}
		case "Tj", "'", "\"":
			if len(o.operands) > 0 {
				if s, ok := o.operands[len(o.operands)-1].([]byte); ok {
					w.text(st.font, s)
				}
			}
		case "TJ":
			if len(o.operands) > 0 {
				if arr, ok := o.operands[len(o.operands)-1].([]any); ok {
					for _, e := range arr {
						if s, ok := e.([]byte); ok {
							w.text(st.font, s)
						}
					}
				}
			}
		case "rg", "RG":
			w.colours["DeviceRGB"] = true
		case "k", "K":
			w.colours["DeviceCMYK"] = true
		case "g", "G":
			w.colours["DeviceGray"] = true
		case "cs", "CS":
			if len(o.operands) > 0 {
				if n, ok := o.operands[len(o.operands)-1].(name); ok {
					w.colourSpace(res, string(n))
				}
			}
		case "sh":
			w.unchecked["shadings (their colour spaces are not listed)"]++
		case "BI":
			w.unchecked["inline images (not measured)"]++
		case "Do":
			if len(o.operands) > 0 {
				if n, ok := o.operands[len(o.operands)-1].(name); ok {
					w.xobject(res, string(n), st.ctm, depth)
				}
			}
		}
	}
}

// maxSaves bounds the q stack: PDF readers support 28 levels (ISO 32000-1,
// Annex C); deeper saves are counted, not kept.
const maxSaves = 256

// resource looks up /Category/name in res.
func (w *walker) resource(res types.Dict, category, n string) (types.Object, bool) {
	if res == nil {
		return nil, false
	}
	o, ok := res.Find(category)
	if !ok {
		return nil, false
	}
	d, err := w.ctx.DereferenceDict(o)
	if err != nil || d == nil {
		return nil, false
	}
	return d.Find(n)
}

// operandResource looks up /Category/name in res for the name that is
// o's last operand (gs, Do).
func (w *walker) operandResource(res types.Dict, category string, o op) (types.Object, bool) {
	if len(o.operands) == 0 {
		return nil, false
	}
	n, ok := o.operands[len(o.operands)-1].(name)
	if !ok {
		return nil, false
	}
	return w.resource(res, category, string(n))
}

func (w *walker) xobject(res types.Dict, n string, ctm matrix, depth int) {
	o, ok := w.resource(res, "XObject", n)
	if !ok {
		return
	}
	if w.err = w.doc.XObject(); w.err != nil {
		return
	}
	sd, _, err := w.ctx.DereferenceStreamDict(o)
	if err != nil || sd == nil {
		return
	}
	switch sub := sd.Dict.NameEntry("Subtype"); {
	case sub != nil && *sub == "Image":
		w.image(sd, n, ctm)
	case sub != nil && *sub == "Form":
		m := identity
		if arr, err := w.ctx.DereferenceArray(sd.Dict["Matrix"]); err == nil && len(arr) == 6 {
			for i, e := range arr {
				if f, err := w.ctx.DereferenceNumber(e); err == nil {
					m[i] = f
				}
			}
		}
		fres := res
		if o, ok := sd.Dict.Find("Resources"); ok {
			if d, err := w.ctx.DereferenceDict(o); err == nil && d != nil {
				fres = d
			}
		}
		_, content, err := w.doc.Stream(o)
		if isLimit(err) {
			w.err = err
			return
		}
		if err != nil {
			w.unchecked["form XObjects that could not be decoded"]++
			return
		}
		w.run(content, fres, m.mul(ctm), depth+1)
	}
}

func (w *walker) integer(d types.Dict, key string) int {
	o, ok := d.Find(key)
	if !ok {
		return 0
	}
	i, err := w.ctx.DereferenceInteger(o)
	if err != nil || i == nil {
		return 0
	}
	return i.Value()
}

func (w *walker) image(sd *types.StreamDict, n string, ctm matrix) {
	d := sd.Dict
	img := Image{Page: w.page, Name: n, Width: w.integer(d, "Width"), Height: w.integer(d, "Height"), Bits: w.integer(d, "BitsPerComponent")}
	if o, ok := d.Find("SMask"); ok && o != nil {
		img.Alpha = true
	}
	if o, ok := d.Find("ColorSpace"); ok {
		img.ColourSpace = w.csName(o, 0)
	} else if m := d.BooleanEntry("ImageMask"); m != nil && *m {
		img.ColourSpace = "stencil mask"
	}
	if img.ColourSpace != "" && img.ColourSpace != "stencil mask" {
		w.colours[img.ColourSpace] = true
	}
	pw, ph := math.Hypot(ctm[0], ctm[1]), math.Hypot(ctm[2], ctm[3])
	if !finite(pw) || !finite(ph) || pw > 1e9 || ph > 1e9 {
		w.unchecked["images placed by a matrix beyond any page (not measured)"]++
		return
	}
	img.PlacedW, img.PlacedH = round1(pw/mm), round1(ph/mm)
	if pw > 0 && ph > 0 && img.Width > 0 && img.Height > 0 {
		img.DPI = math.Round(min(float64(img.Width)*72/pw, float64(img.Height)*72/ph)*10) / 10
	}
	w.rep.Images = append(w.rep.Images, img)
	where := fmt.Sprintf("page %d: image %s (%d×%d px, placed %.0f×%.0f mm)", w.page, n, img.Width, img.Height, img.PlacedW, img.PlacedH)
	switch {
	case img.DPI > 0 && img.DPI < DPIMin:
		w.rep.Problems = append(w.rep.Problems, fmt.Sprintf("%s is %.0f dpi; print needs at least %.0f", where, img.DPI, DPIMin))
	case img.DPI > 0 && img.DPI < DPIWarn:
		w.rep.Warnings = append(w.rep.Warnings, fmt.Sprintf("%s is %.0f dpi; soft in print (300 is good)", where, img.DPI))
	}
}

// csName names a colour space object: DeviceRGB, ICCBased, Separation All,
// Indexed DeviceRGB, …
func (w *walker) csName(o types.Object, depth int) string {
	if depth > 4 { // an Indexed space based on itself
		return "?"
	}
	o, err := w.ctx.Dereference(o)
	if err != nil || o == nil {
		return "?"
	}
	switch t := o.(type) {
	case types.Name:
		return string(t)
	case types.Array:
		if len(t) == 0 {
			return "?"
		}
		head, _ := w.ctx.Dereference(t[0])
		h, _ := head.(types.Name)
		switch {
		case h == "Separation" && len(t) > 1:
			sep, _ := w.ctx.Dereference(t[1])
			if n, ok := sep.(types.Name); ok {
				return "Separation " + string(n)
			}
		case h == "Indexed" && len(t) > 1:
			return "Indexed " + w.csName(t[1], depth+1)
		case h == "ICCBased" && len(t) > 1:
			if sd, _, err := w.ctx.DereferenceStreamDict(t[1]); err == nil && sd != nil {
				return fmt.Sprintf("ICCBased (%d components)", w.integer(sd.Dict, "N"))
			}
		}
		return string(h)
	}
	return "?"
}

func (w *walker) colourSpace(res types.Dict, n string) {
	switch n {
	case "DeviceRGB", "DeviceCMYK", "DeviceGray", "Pattern":
		w.colours[n] = true
		return
	}
	if o, ok := w.resource(res, "ColorSpace", n); ok {
		w.colours[w.csName(o, 0)] = true
	}
}

// fontInfo is what the walk learns about one font.
type fontInfo struct {
	idx     int    // in Report.Fonts
	twoByte bool   // Type 0 with Identity-H/V: codes are two bytes
	gidMap  []byte // CIDToGIDMap stream (nil: Identity or not a CID font)
	cmap    *toUnicode
	used    map[uint16]int // code → first page shown
	simple  bool
}

var subsetRE = regexp.MustCompile(`^[A-Z]{6}\+`)

func (w *walker) font(res types.Dict, n string) *fontInfo {
	o, ok := w.resource(res, "Font", n)
	if !ok {
		return nil
	}
	key := "name:" + n
	if ref, ok := o.(types.IndirectRef); ok {
		key = fmt.Sprint("obj:", ref.ObjectNumber.Value())
	}
	if f, ok := w.fonts[key]; ok {
		return f
	}
	d, err := w.ctx.DereferenceDict(o)
	if err != nil || d == nil {
		return nil
	}
	fi := &fontInfo{idx: len(w.rep.Fonts), used: map[uint16]int{}}
	f := Font{}
	if b := d.NameEntry("BaseFont"); b != nil {
		f.Name = *b
	}
	f.Subset = subsetRE.MatchString(f.Name)
	sub := ""
	if s := d.NameEntry("Subtype"); s != nil {
		sub = *s
	}
	desc := d
	switch sub {
	case "Type0":
		f.Type = "Type 0"
		if arr, err := w.ctx.DereferenceArray(d["DescendantFonts"]); err == nil && len(arr) > 0 {
			if dd, err := w.ctx.DereferenceDict(arr[0]); err == nil && dd != nil {
				desc = dd
				if s := dd.NameEntry("Subtype"); s != nil && *s == "CIDFontType2" {
					f.Type = "CID TrueType"
				} else if s != nil && *s == "CIDFontType0" {
					f.Type = "CID Type 0 (CFF)"
				}
				if m, ok := dd.Find("CIDToGIDMap"); ok {
					if _, b, err := w.doc.Stream(m); err == nil {
						fi.gidMap = b
					} else if isLimit(err) {
						w.err = err
					}
				}
			}
		}
		if e := d.NameEntry("Encoding"); e != nil && (*e == "Identity-H" || *e == "Identity-V") {
			fi.twoByte = true
		} else {
			w.unchecked["glyphs of Type 0 fonts with a CMap other than Identity"]++
		}
	case "Type3":
		f.Type, f.Embedded = "Type 3", true // glyphs are content streams
		fi.simple = true
	default:
		f.Type = map[string]string{"Type1": "Type 1", "MMType1": "Multiple Master", "TrueType": "TrueType"}[sub]
		if f.Type == "" {
			f.Type = sub
		}
		fi.simple = true
	}
	if fd, err := w.ctx.DereferenceDict(desc["FontDescriptor"]); err == nil && fd != nil {
		for _, k := range []string{"FontFile", "FontFile2", "FontFile3"} {
			if _, ok := fd.Find(k); ok {
				f.Embedded = true
				if k == "FontFile3" && f.Type == "Type 1" {
					f.Type = "Type 1C (CFF)"
				}
			}
		}
	}
	if tu, ok := d.Find("ToUnicode"); ok {
		if _, b, err := w.doc.Stream(tu); err == nil {
			fi.cmap = parseToUnicode(b)
		} else if isLimit(err) {
			w.err = err
		}
	}
	if !f.Embedded {
		w.rep.Problems = append(w.rep.Problems, fmt.Sprintf("font %s (%s) is not embedded: the printer substitutes another", f.Name, f.Type))
	}
	w.rep.Fonts = append(w.rep.Fonts, f)
	w.fonts[key] = fi
	w.order = append(w.order, fi)
	return fi
}

// text records the codes of s shown in f.
func (w *walker) text(f *fontInfo, s []byte) {
	if f == nil {
		return
	}
	if !f.twoByte {
		for _, c := range s {
			if _, ok := f.used[uint16(c)]; !ok {
				f.used[uint16(c)] = w.page
			}
		}
		return
	}
	for i := 0; i+1 < len(s); i += 2 {
		c := uint16(s[i])<<8 | uint16(s[i+1])
		if _, ok := f.used[c]; !ok {
			f.used[c] = w.page
		}
	}
}

// finish checks the codes shown against each font's glyph map and
// ToUnicode, and sorts out the colours and notes.
func (w *walker) finish() {
	rep := w.rep
	simple := false
	for _, fi := range w.order {
		font := &rep.Fonts[fi.idx]
		font.Codes = len(fi.used)
		rep.Codes += len(fi.used)
		codes := make([]uint16, 0, len(fi.used))
		for c := range fi.used {
			codes = append(codes, c)
		}
		slices.Sort(codes)
		if fi.simple && len(codes) > 0 {
			simple = true
		}
		var uni []uint32 // by index in codes; noUnicode: none
		if fi.cmap != nil {
			uni = fi.cmap.resolve(codes)
		}
		for k, c := range codes {
			if fi.twoByte {
				gid := int(c) // Identity
				if fi.gidMap != nil {
					gid = -1
					if 2*int(c)+1 < len(fi.gidMap) {
						gid = int(fi.gidMap[2*int(c)])<<8 | int(fi.gidMap[2*int(c)+1])
					}
				}
				if gid <= 0 {
					rep.MissingGlyphs = append(rep.MissingGlyphs, fmt.Sprintf("%s: code %04X on page %d has no glyph", font.Name, c, fi.used[c]))
				}
			}
			if uni == nil || uni[k] == noUnicode || uni[k] == 0xFFFD {
				rep.NoUnicode++
			}
		}
	}
	if len(rep.MissingGlyphs) > 0 {
		rep.Problems = append(rep.Problems, fmt.Sprintf("%d character code(s) with no glyph in their font: printed as empty boxes", len(rep.MissingGlyphs)))
	}
	if rep.NoUnicode > 0 {
		rep.Warnings = append(rep.Warnings, fmt.Sprintf("%d character code(s) with no Unicode (ToUnicode): that text cannot be searched or copied", rep.NoUnicode))
	}
	if simple {
		w.unchecked["glyphs of simple (8-bit) fonts: their encodings are not checked against the font program"]++
	}
	for c := range w.colours {
		rep.Colours = append(rep.Colours, c)
	}
	sort.Strings(rep.Colours)
	for k, n := range w.unchecked {
		rep.Unchecked = append(rep.Unchecked, fmt.Sprintf("%s: %d", k, n))
	}
	sort.Strings(rep.Unchecked)
}

// toUnicode is the bfchar and bfrange entries of a ToUnicode CMap.
type toUnicode struct {
	ranges []cmapRange
}

type cmapRange struct {
	lo, hi uint32
	dst    []byte   // UTF-16BE of lo's text (the last unit increments)
	each   [][]byte // or one destination each
}

func be(b []byte) uint32 {
	var v uint32
	for _, c := range b {
		v = v<<8 | uint32(c)
	}
	return v
}

func parseToUnicode(b []byte) *toUnicode {
	t := &toUnicode{}
	l := &lexer{b: b}
	for {
		o, ok := l.next()
		if !ok {
			return t
		}
		switch o.name {
		case "endbfchar":
			for i := 0; i+1 < len(o.operands); i += 2 {
				s, ok1 := o.operands[i].([]byte)
				d, ok2 := o.operands[i+1].([]byte)
				if ok1 && ok2 {
					t.ranges = append(t.ranges, cmapRange{lo: be(s), hi: be(s), dst: d})
				}
			}
		case "endbfrange":
			for i := 0; i+2 < len(o.operands); i += 3 {
				s, ok1 := o.operands[i].([]byte)
				e, ok2 := o.operands[i+1].([]byte)
				if !ok1 || !ok2 {
					continue
				}
				r := cmapRange{lo: be(s), hi: be(e)}
				switch d := o.operands[i+2].(type) {
				case []byte:
					r.dst = d
				case []any:
					for _, x := range d {
						if xb, ok := x.([]byte); ok {
							r.each = append(r.each, xb)
						}
					}
				}
				t.ranges = append(t.ranges, r)
			}
		}
	}
}

// noUnicode marks a code no range maps to a UTF-16 unit.
const noUnicode = 1 << 31

// resolve returns the first UTF-16 unit each of codes (sorted, distinct)
// maps to, the first range that holds a code deciding it. Each code is
// decided once: next[k] leads past codes already decided (a union-find by
// path halving), so that the cost is the ranges (a binary search each)
// plus the codes, however many ranges overlap — not ranges × codes.
func (t *toUnicode) resolve(codes []uint16) []uint32 {
	out := make([]uint32, len(codes))
	for k := range out {
		out[k] = noUnicode
	}
	next := make([]int32, len(codes)+1)
	for k := range next {
		next[k] = int32(k)
	}
	find := func(k int32) int32 {
		for next[k] != k {
			next[k] = next[next[k]]
			k = next[k]
		}
		return k
	}
	for _, r := range t.ranges {
		if r.lo > 0xFFFF || r.hi < r.lo {
			continue
		}
		start, _ := slices.BinarySearch(codes, uint16(r.lo))
		for k := find(int32(start)); int(k) < len(codes) && uint32(codes[k]) <= r.hi; k = find(k) {
			if v, ok := r.value(uint32(codes[k])); ok {
				out[k] = v
			}
			next[k] = k + 1
		}
	}
	return out
}

// value is what the range maps code c (within it) to.
func (r cmapRange) value(c uint32) (uint32, bool) {
	if r.each != nil {
		k := int(c - r.lo)
		if k >= len(r.each) || len(r.each[k]) < 2 {
			return 0, false
		}
		return be(r.each[k][:2]), true
	}
	if len(r.dst) < 2 {
		return 0, false
	}
	if len(r.dst) == 2 {
		return be(r.dst) + (c - r.lo), true
	}
	return be(r.dst[:2]), true
}
