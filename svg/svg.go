// Package svg reads an SVG file (a report's logo) into vector shapes a PDF
// draws as they are: paths, with their fill and stroke colours, stroke
// widths, caps and joins, and transforms.
//
// A logo is a drawing, nothing more: Parse refuses what could act or reach
// out (scripts, event attributes such as onload, links and references to
// other files or the web, embedded pictures and HTML, CSS @import) and
// what it cannot draw faithfully (text, gradients, clipping, masks,
// filters, <use>), each with the line of the SVG file and what to do.
//
// Supported: <svg> (viewBox, or width and height), <g>, <path>, <rect>
// (with rx, ry), <circle>, <ellipse>, <line>, <polyline>, <polygon>;
// transform (matrix, translate, scale, rotate, skewX, skewY); fill,
// stroke, stroke-width, stroke-linecap, stroke-linejoin,
// stroke-miterlimit, stroke-dasharray, fill-rule, display and visibility,
// given as attributes, in style="…", or in a <style> sheet of simple
// selectors (tag, .class, #id, tag.class, as Illustrator and Inkscape
// write them). Colours: #rgb, #rrggbb, rgb(…), the CSS names. Opacity is
// not: a shape is drawn opaque, or not at all at opacity 0. <title>,
// <desc>, <metadata>, empty <defs> and elements of other namespaces
// (Inkscape's, Sodipodi's) are skipped.
//
// The XML is read here with encoding/xml, and path data, shapes and
// matrices come from github.com/tdewolff/canvas. (canvas.ParseSVG reads
// whole files, but it loads system fonts and panics for <text>, ignores
// fill-rule, drops <use> without a word and applies definitions in map
// order: a report's logo needs each refusal said, and the same bytes on
// every build.)
package svg

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/tdewolff/canvas"
	"golang.org/x/image/colornames"
)

// MaxBytes is the largest SVG file Parse reads: an emblem is 5–200 KB; a
// file of megabytes is a traced photo or a drawing with its history, which
// a PDF should not carry.
const MaxBytes = 1 << 20

// maxElements and maxRules bound the work of one file: each element is
// matched against each rule of its <style>.
const (
	maxElements = 20000
	maxRules    = 500
)

// Current is the colour a shape takes from whoever draws it (SVG's
// currentColor): the icons' strokes.
const Current = "currentColor"

// Drawing is a parsed SVG: its shapes, in the order painted, in a box W
// by H (the viewBox's units) with the origin at its top left and y down.
type Drawing struct {
	W, H   float64
	Shapes []Shape
}

// Shape is one filled and/or stroked path.
type Shape struct {
	// M is the transform from the path's units into the drawing's box,
	// as PDF writes it (a b c d e f).
	M [6]float64
	// Path is the outline in PDF path operators (m, l, c, h): arcs are
	// curves already.
	Path string
	// Fill and Stroke are "#RRGGBB", Current, or "" for none.
	Fill, Stroke string
	Width        float64   // the stroke's width, in the path's units
	Cap, Join    int       // PDF's line cap (0 butt, 1 round, 2 square) and join (0 miter, 1 round, 2 bevel)
	Miter        float64   // the miter limit
	Dash         []float64 // the dash pattern, or nil for a solid line
	EvenOdd      bool      // fill-rule: evenodd
}

// Error is a problem with an SVG file, at a line (and column) of it.
type Error struct {
	Line, Col int
	Msg       string
}

func (e *Error) Error() string {
	if e.Line == 0 {
		return e.Msg
	}
	return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
}

// Parse reads an SVG file.
func Parse(b []byte) (*Drawing, error) {
	if len(b) > MaxBytes {
		return nil, &Error{Msg: fmt.Sprintf("the file is %d KB, more than the %d KB a logo may be; save it as plain SVG without editor data (Inkscape: Save As › Optimized SVG; Illustrator: Export As › SVG), or as a PNG", len(b)>>10, MaxBytes>>10)}
	}
	if i := bytes.Index(b, []byte("<!ENTITY")); i >= 0 {
		return nil, &Error{Line: 1 + bytes.Count(b[:i], []byte("\n")), Msg: "the file declares XML entities (<!ENTITY …>), which can make a small file expand without end; export it again as plain SVG"}
	}
	p := &parser{dec: xml.NewDecoder(bytes.NewReader(b)), d: &Drawing{}}
	p.dec.Strict = true
	if err := p.run(); err != nil {
		return nil, err
	}
	return p.d, nil
}

// PathData turns SVG path data ("M3 7h18…") into PDF path operators.
func PathData(d string) (string, error) {
	path, err := canvas.ParseSVGPath(d)
	if err != nil {
		return "", err
	}
	return path.ToPDF(), nil
}

type parser struct {
	dec     *xml.Decoder
	d       *Drawing
	rules   []rule // the <style> sheet
	n       int    // elements read
	root    bool   // the root <svg> was read
	inStyle bool   // inside <style>: its text is the sheet
}

// state is what an element passes on to its children.
type state struct {
	m       canvas.Matrix
	props   map[string]string // the inherited properties
	hidden  bool              // display: none, somewhere above
	skipped bool              // inside an element that is not drawn (metadata, another namespace)
}

func (p *parser) fail(format string, args ...any) error {
	line, col := p.dec.InputPos()
	return &Error{Line: line, Col: col, Msg: fmt.Sprintf(format, args...)}
}

const svgNS = "http://www.w3.org/2000/svg"

// drawn are the elements drawn; skipped those read past.
var (
	drawn   = []string{"path", "rect", "circle", "ellipse", "line", "polyline", "polygon"}
	skipped = []string{"title", "desc", "metadata"}
)

// refused says why an element is refused, by its name.
var refused = map[string]string{
	"script":           "a <script>: a logo may not carry a program; export the drawing again without scripts",
	"foreignObject":    "a <foreignObject> (HTML inside the drawing); a logo may only be drawn shapes",
	"image":            "an <image>, a picture inside the drawing (or a link to one); use the picture itself as the logo (PNG or JPEG), or a drawing of shapes",
	"iframe":           "an <iframe>; a logo may only be drawn shapes",
	"embed":            "an <embed>; a logo may only be drawn shapes",
	"object":           "an <object>; a logo may only be drawn shapes",
	"audio":            "an <audio>; a logo may only be drawn shapes",
	"video":            "a <video>; a logo may only be drawn shapes",
	"a":                "a link (<a>); a logo may not link anywhere: remove the link and keep its shapes",
	"use":              "a <use> (a copy of another part), which is not supported; unlink the clones (Inkscape: Edit › Clone › Unlink Clone) and save again",
	"text":             "text (<text>), which would print in whatever font the printer has; turn the text into outlines (Inkscape: Path › Object to Path; Illustrator: Type › Create Outlines)",
	"linearGradient":   "a gradient, which is not supported; fill its shapes with plain colours",
	"radialGradient":   "a gradient, which is not supported; fill its shapes with plain colours",
	"pattern":          "a pattern fill, which is not supported; fill its shapes with plain colours",
	"mask":             "a mask, which is not supported; flatten the drawing (Illustrator: Object › Flatten Transparency) or export it as PNG",
	"clipPath":         "a clipping path, which is not supported; release the clip (Inkscape: Object › Clip › Release) or export it as PNG",
	"filter":           "a filter (blur, shadow), which is not supported; remove it or export the logo as PNG",
	"marker":           "a marker (arrow heads), which is not supported; turn the strokes into paths (Inkscape: Path › Stroke to Path)",
	"symbol":           "a <symbol>, which is not supported; unlink its copies and save again",
	"animate":          "an animation, which print cannot show; remove it",
	"animateMotion":    "an animation, which print cannot show; remove it",
	"animateTransform": "an animation, which print cannot show; remove it",
	"set":              "an animation (<set>), which print cannot show; remove it",
	"switch":           "a <switch>, which is not supported; keep one of its versions and save again",
	"svg":              "an <svg> inside the drawing, which is not supported; ungroup it and save again",
}

func (p *parser) run() error {
	stack := []state{}
	for {
		tok, err := p.dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			var se *xml.SyntaxError
			if errors.As(err, &se) {
				return &Error{Line: se.Line, Msg: "not well-formed XML (" + se.Msg + "); is it an SVG file? open it in a drawing program and save it again"}
			}
			return p.fail("cannot read the file: %v", err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if p.n++; p.n > maxElements {
				return p.fail("more than %d elements: too complex for a logo; simplify it, or save it as a PNG", maxElements)
			}
			if err := p.check(t); err != nil {
				return err
			}
			if len(stack) == 0 {
				if t.Name.Local != "svg" {
					return p.fail("the file starts with <%s>, not <svg>: it is not an SVG drawing", t.Name.Local)
				}
				st, err := p.top(t)
				if err != nil {
					return err
				}
				stack = append(stack, st)
				continue
			}
			st, err := p.element(t, stack[len(stack)-1])
			if err != nil {
				return err
			}
			stack = append(stack, st)
		case xml.EndElement:
			if len(stack) > 0 {
				stack = stack[:len(stack)-1]
			}
		case xml.CharData:
			if len(stack) > 0 && p.inStyle {
				if err := p.sheet(string(t)); err != nil {
					return err
				}
			}
		case xml.Directive:
			if bytes.Contains(t, []byte("[")) {
				return p.fail("the file's DOCTYPE declares its own definitions; export it again as plain SVG")
			}
		}
		if _, ok := tok.(xml.EndElement); ok {
			p.inStyle = false
		}
	}
	if !p.root {
		return &Error{Msg: "the file holds no <svg> drawing"}
	}
	return nil
}

// check refuses an element (of any namespace, drawn or not) that could
// act or reach out, or that cannot be drawn as it is meant.
func (p *parser) check(t xml.StartElement) error {
	for _, a := range t.Attr {
		name := strings.ToLower(a.Name.Local)
		switch {
		case strings.HasPrefix(name, "on"):
			return p.fail("an event attribute (%s=…), which runs a script; a logo may not carry a program: remove the attribute", a.Name.Local)
		case name == "href" && strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Value)), "data:"):
			return p.fail("a file embedded in the drawing (href=\"%s\"); a logo may only be drawn shapes: use a picture as the logo itself (PNG or JPEG)", short(a.Value))
		case name == "href" && !strings.HasPrefix(strings.TrimSpace(a.Value), "#"):
			return p.fail("a reference to another file or the web (href=%q); a logo may only be drawn shapes in its own file", short(a.Value))
		}
		if err := p.urls(a.Value); err != nil {
			return err
		}
	}
	if why, ok := refused[t.Name.Local]; ok && (t.Name.Local != "svg" || p.root) {
		return p.fail("%s", why)
	}
	return nil
}

var urlRE = regexp.MustCompile(`(?i)url\(\s*['"]?\s*([^'")\s]*)`)

// urls refuses CSS that reaches out: @import, url() of anything but a part
// of the file itself, scripts in CSS.
func (p *parser) urls(v string) error {
	low := strings.ToLower(v)
	switch {
	case strings.Contains(low, "@import"):
		return p.fail("CSS @import, which loads another file; put the styles in the SVG itself")
	case strings.Contains(low, "javascript:") || strings.Contains(low, "expression("):
		return p.fail("a script in a style; a logo may not carry a program")
	}
	for _, m := range urlRE.FindAllStringSubmatch(v, -1) {
		if !strings.HasPrefix(m[1], "#") {
			return p.fail("a reference to another file or the web (url(%s)); a logo may only be drawn shapes in its own file", short(m[1]))
		}
	}
	return nil
}

func short(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:60]) + "…"
	}
	return s
}

// top reads the root <svg>: its box.
func (p *parser) top(t xml.StartElement) (state, error) {
	p.root = true
	attr := attrs(t)
	st := state{m: canvas.Identity, props: map[string]string{}}
	if vb := attr["viewBox"]; vb != "" {
		f := numbers(vb)
		if len(f) != 4 || f[2] <= 0 || f[3] <= 0 {
			return st, p.fail("viewBox=%q is not four numbers (x y width height) with a width and height above 0", vb)
		}
		p.d.W, p.d.H = f[2], f[3]
		st.m = canvas.Identity.Translate(-f[0], -f[1])
	} else {
		w, okw := length(attr["width"], 0)
		h, okh := length(attr["height"], 0)
		if !okw || !okh || w <= 0 || h <= 0 {
			return st, p.fail(`the drawing has no size: give the <svg> a viewBox (e.g. viewBox="0 0 200 200") or a width and height`)
		}
		p.d.W, p.d.H = w, h
	}
	p.inherit(&st, t, attr)
	return st, nil
}

// element reads one element below the root: the state its children
// inherit, and a shape when it draws one.
func (p *parser) element(t xml.StartElement, parent state) (state, error) {
	st := parent
	st.props = parent.props
	name := t.Name.Local
	if t.Name.Space != "" && t.Name.Space != svgNS || slices.Contains(skipped, name) || parent.skipped {
		st.skipped = true
		return st, nil
	}
	switch {
	case name == "style":
		p.inStyle = true
		st.skipped = true
		return st, nil
	case name == "defs":
		st.skipped = true // what it holds is refused or drawn nowhere
		return st, nil
	case name != "g" && !slices.Contains(drawn, name):
		return st, p.fail("an element <%s>, which is not supported; a logo may hold <g>, <path>, <rect>, <circle>, <ellipse>, <line>, <polyline> and <polygon>", name)
	}
	attr := attrs(t)
	if tr := attr["transform"]; tr != "" {
		m, err := transform(tr)
		if err != nil {
			return st, p.fail("transform=%q: %v", short(tr), err)
		}
		st.m = parent.m.Mul(m)
	}
	if err := p.inherit(&st, t, attr); err != nil {
		return st, err
	}
	if name == "g" || st.hidden {
		return st, nil
	}
	return st, p.shape(name, attr, st)
}

// inherit sets the element's properties: presentation attributes, then
// the sheet's rules, then its style attribute, over its parent's.
func (p *parser) inherit(st *state, t xml.StartElement, attr map[string]string) error {
	props := map[string]string{}
	for k, v := range st.props {
		props[k] = v
	}
	set := func(k, v string) {
		k, v = strings.TrimSpace(strings.ToLower(k)), strings.TrimSpace(v)
		if slices.Contains(properties, k) && v != "" && v != "inherit" {
			props[k] = v
		}
	}
	for _, a := range t.Attr {
		set(a.Name.Local, a.Value)
	}
	for _, r := range p.rules {
		if r.matches(t.Name.Local, attr["class"], attr["id"]) {
			for _, d := range r.decls {
				set(d[0], d[1])
			}
		}
	}
	for _, d := range declarations(attr["style"]) {
		set(d[0], d[1])
	}
	if props["display"] == "none" {
		st.hidden = true
	}
	delete(props, "display") // not inherited
	st.props = props
	return nil
}

// properties are the CSS properties read; the others are ignored.
var properties = []string{"fill", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin", "stroke-miterlimit", "stroke-dasharray", "fill-rule", "display", "visibility", "opacity", "fill-opacity", "stroke-opacity"}

// shape adds the shape an element draws.
func (p *parser) shape(name string, a map[string]string, st state) error {
	num := func(k string, ref float64) float64 {
		v, _ := length(a[k], ref)
		return v
	}
	W, H := p.d.W, p.d.H
	var path *canvas.Path
	switch name {
	case "path":
		var err error
		if path, err = canvas.ParseSVGPath(a["d"]); err != nil {
			return p.fail("the path's d=%q cannot be read: %v", short(a["d"]), err)
		}
	case "rect":
		w, h := num("width", W), num("height", H)
		rx, okx := length(a["rx"], W)
		ry, oky := length(a["ry"], H)
		if !okx {
			rx = ry
		}
		if !oky {
			ry = rx
		}
		path = rect(w, h, min(rx, w/2), min(ry, h/2)).Transform(canvas.Identity.Translate(num("x", W), num("y", H)))
	case "circle":
		path = canvas.Circle(num("r", math.Hypot(W, H)/math.Sqrt2)).Transform(canvas.Identity.Translate(num("cx", W), num("cy", H)))
	case "ellipse":
		path = canvas.Ellipse(num("rx", W), num("ry", H)).Transform(canvas.Identity.Translate(num("cx", W), num("cy", H)))
	case "line":
		path = &canvas.Path{}
		path.MoveTo(num("x1", W), num("y1", H))
		path.LineTo(num("x2", W), num("y2", H))
	case "polyline", "polygon":
		f := numbers(a["points"])
		path = &canvas.Path{}
		for i := 0; i+1 < len(f); i += 2 {
			if i == 0 {
				path.MoveTo(f[0], f[1])
			} else {
				path.LineTo(f[i], f[i+1])
			}
		}
		if name == "polygon" {
			path.Close()
		}
	}
	if path == nil || path.Empty() {
		return nil
	}
	pr := st.props
	if pr["visibility"] == "hidden" || pr["visibility"] == "collapse" || zero(pr["opacity"]) {
		return nil
	}
	s := Shape{Path: path.ToPDF(), Width: 1, Miter: 4, EvenOdd: pr["fill-rule"] == "evenodd"}
	m := st.m
	s.M = [6]float64{m[0][0], m[1][0], m[0][1], m[1][1], m[0][2], m[1][2]}
	var err error
	fill := "black"
	if v, ok := pr["fill"]; ok {
		fill = v
	}
	if s.Fill, err = colour(fill); err != nil {
		return p.fail("fill: %v", err)
	}
	if s.Stroke, err = colour(pr["stroke"]); err != nil {
		return p.fail("stroke: %v", err)
	}
	if zero(pr["fill-opacity"]) || name == "line" {
		s.Fill = ""
	}
	if zero(pr["stroke-opacity"]) {
		s.Stroke = ""
	}
	if v, ok := pr["stroke-width"]; ok {
		if s.Width, ok = length(v, math.Hypot(W, H)/math.Sqrt2); !ok || s.Width < 0 {
			return p.fail("stroke-width %q is not a length", v)
		}
		if s.Width == 0 {
			s.Stroke = ""
		}
	}
	s.Cap = map[string]int{"round": 1, "square": 2}[pr["stroke-linecap"]]
	s.Join = map[string]int{"round": 1, "bevel": 2}[pr["stroke-linejoin"]]
	if v, ok := pr["stroke-miterlimit"]; ok {
		if f, err := strconv.ParseFloat(v, 64); err == nil && f >= 1 {
			s.Miter = f
		}
	}
	if v := pr["stroke-dasharray"]; v != "" && v != "none" {
		s.Dash = numbers(v)
		if slices.ContainsFunc(s.Dash, func(f float64) bool { return f < 0 }) || !slices.ContainsFunc(s.Dash, func(f float64) bool { return f > 0 }) {
			s.Dash = nil
		}
	}
	if s.Fill == "" && s.Stroke == "" {
		return nil
	}
	p.d.Shapes = append(p.d.Shapes, s)
	return nil
}

// rect is a rectangle with corners of radii rx, ry, at the origin.
func rect(w, h, rx, ry float64) *canvas.Path {
	if rx <= 0 || ry <= 0 {
		return canvas.Rectangle(w, h)
	}
	p := &canvas.Path{}
	p.MoveTo(rx, 0)
	p.LineTo(w-rx, 0)
	p.ArcTo(rx, ry, 0, false, true, w, ry)
	p.LineTo(w, h-ry)
	p.ArcTo(rx, ry, 0, false, true, w-rx, h)
	p.LineTo(rx, h)
	p.ArcTo(rx, ry, 0, false, true, 0, h-ry)
	p.LineTo(0, ry)
	p.ArcTo(rx, ry, 0, false, true, rx, 0)
	p.Close()
	return p
}

func zero(opacity string) bool {
	f, err := strconv.ParseFloat(strings.TrimSuffix(opacity, "%"), 64)
	return err == nil && f <= 0
}

func attrs(t xml.StartElement) map[string]string {
	m := map[string]string{}
	for _, a := range t.Attr {
		if a.Name.Space == "" || a.Name.Space == svgNS {
			m[a.Name.Local] = a.Value
		}
	}
	return m
}

var numRE = regexp.MustCompile(`[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?`)

// numbers reads a list of numbers separated by spaces or commas.
func numbers(s string) []float64 {
	var out []float64
	for _, m := range numRE.FindAllString(s, -1) {
		f, err := strconv.ParseFloat(m, 64)
		if err == nil && !math.IsInf(f, 0) {
			out = append(out, f)
		}
	}
	return out
}

// length reads a length in user units (px): a number, with px, pt, pc,
// mm, cm, in or a percentage of ref.
func length(s string, ref float64) (float64, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return 0, false
	}
	unit := strings.TrimLeft(s, "+-.0123456789eE")
	num := strings.TrimSpace(s[:len(s)-len(unit)])
	f, err := strconv.ParseFloat(num, 64)
	if err != nil || math.IsInf(f, 0) || math.IsNaN(f) {
		return 0, false
	}
	k, ok := map[string]float64{"": 1, "px": 1, "pt": 96.0 / 72, "pc": 16, "mm": 96 / 25.4, "cm": 96 / 2.54, "in": 96, "%": ref / 100}[strings.ToLower(strings.TrimSpace(unit))]
	return f * k, ok
}

// colour reads a paint: "" for none, Current, or "#RRGGBB".
func colour(v string) (string, error) {
	v = strings.ToLower(strings.TrimSpace(v))
	switch {
	case v == "" || v == "none" || v == "transparent":
		return "", nil
	case v == "currentcolor":
		return Current, nil
	case strings.HasPrefix(v, "url("):
		return "", errors.New("a gradient or pattern fill, which is not supported; fill the shape with a plain colour")
	case strings.HasPrefix(v, "#"):
		h := v[1:]
		if len(h) == 3 || len(h) == 4 {
			h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
		}
		if len(h) == 8 {
			h = h[:6]
		}
		if _, err := strconv.ParseUint(h, 16, 32); err != nil || len(h) != 6 {
			return "", fmt.Errorf("%q is not a colour", v)
		}
		return "#" + strings.ToUpper(h), nil
	case strings.HasPrefix(v, "rgb"):
		i, j := strings.IndexByte(v, '('), strings.LastIndexByte(v, ')')
		if i < 0 || j < i {
			return "", fmt.Errorf("%q is not a colour", v)
		}
		parts := strings.FieldsFunc(v[i+1:j], func(r rune) bool { return r == ',' || r == ' ' || r == '/' })
		if len(parts) < 3 {
			return "", fmt.Errorf("%q is not a colour", v)
		}
		var c [3]int
		for k := range 3 {
			f, err := strconv.ParseFloat(strings.TrimSuffix(parts[k], "%"), 64)
			if err != nil {
				return "", fmt.Errorf("%q is not a colour", v)
			}
			if strings.HasSuffix(parts[k], "%") {
				f *= 2.55
			}
			c[k] = int(math.Round(max(0, min(255, f))))
		}
		return fmt.Sprintf("#%02X%02X%02X", c[0], c[1], c[2]), nil
	}
	if c, ok := colornames.Map[v]; ok {
		return fmt.Sprintf("#%02X%02X%02X", c.R, c.G, c.B), nil
	}
	return "", fmt.Errorf("%q is not a colour", v)
}

var fnRE = regexp.MustCompile(`^(?i)\s*(matrix|translate|scale|rotate|skewx|skewy)\s*\(([^)]*)\)\s*,?`)

// transform reads an SVG transform list.
func transform(s string) (canvas.Matrix, error) {
	m := canvas.Identity
	rest := strings.TrimSpace(s)
	for n := 0; rest != ""; n++ {
		if n == 64 {
			return m, errors.New("more than 64 transforms in one list; apply them to the shapes (Inkscape: Object › Transform, or save as Optimized SVG)")
		}
		loc := fnRE.FindStringSubmatchIndex(rest)
		if loc == nil {
			return m, errors.New("not a list of matrix(), translate(), scale(), rotate(), skewX(), skewY()")
		}
		fn, f := strings.ToLower(rest[loc[2]:loc[3]]), numbers(rest[loc[4]:loc[5]])
		bad := errors.New(fn + "() has the wrong number of values")
		switch fn {
		case "matrix":
			if len(f) != 6 {
				return m, bad
			}
			m = m.Mul(canvas.Matrix{{f[0], f[2], f[4]}, {f[1], f[3], f[5]}})
		case "translate", "scale":
			if len(f) != 1 && len(f) != 2 {
				return m, bad
			}
			x, y := f[0], f[len(f)-1] // scale(s) is scale(s, s)
			if fn == "scale" {
				m = m.Scale(x, y)
			} else {
				if len(f) == 1 {
					y = 0 // translate(x) is translate(x, 0)
				}
				m = m.Translate(x, y)
			}
		case "rotate":
			switch len(f) {
			case 1:
				m = m.Rotate(f[0])
			case 3:
				m = m.RotateAbout(f[0], f[1], f[2])
			default:
				return m, bad
			}
		case "skewx", "skewy":
			if len(f) != 1 {
				return m, bad
			}
			t := math.Tan(f[0] * math.Pi / 180)
			if fn == "skewx" {
				m = m.Shear(t, 0)
			} else {
				m = m.Shear(0, t)
			}
		}
		rest = strings.TrimSpace(rest[loc[1]:])
	}
	return m, nil
}

// rule is one rule of a <style> sheet with simple selectors.
type rule struct {
	sels  []selector
	decls [][2]string
}

// selector is tag, .class, #id or tag.class (or *); a selector of another
// form (descendants, attributes) matches nothing.
type selector struct{ tag, class, id string }

func (r rule) matches(tag, class, id string) bool {
	for _, s := range r.sels {
		if (s.tag == "" || s.tag == "*" || s.tag == tag) && (s.id == "" || s.id == id) &&
			(s.class == "" || slices.Contains(strings.Fields(class), s.class)) {
			return true
		}
	}
	return false
}

var commentRE = regexp.MustCompile(`(?s)/\*.*?\*/`)

var selRE = regexp.MustCompile(`^([A-Za-z*][\w-]*)?(?:\.([\w-]+))?(?:#([\w-]+))?$`)

// sheet reads the text of a <style>.
func (p *parser) sheet(css string) error {
	if err := p.urls(css); err != nil {
		return err
	}
	css = commentRE.ReplaceAllString(css, "")
	for _, block := range strings.Split(css, "}") {
		head, body, ok := strings.Cut(block, "{")
		if !ok {
			continue
		}
		var r rule
		for _, s := range strings.Split(head, ",") {
			s = strings.TrimSpace(s)
			if m := selRE.FindStringSubmatch(s); m != nil && s != "" {
				r.sels = append(r.sels, selector{m[1], m[2], m[3]})
			}
		}
		r.decls = declarations(body)
		if len(r.sels) > 0 {
			p.rules = append(p.rules, r)
		}
		if len(p.rules) > maxRules {
			return p.fail("more than %d style rules: too complex for a logo; save it as plain SVG (Inkscape: Optimized SVG) or as a PNG", maxRules)
		}
	}
	return nil
}

// declarations reads "fill: red; stroke: blue".
func declarations(s string) [][2]string {
	var out [][2]string
	for _, d := range strings.Split(s, ";") {
		if k, v, ok := strings.Cut(d, ":"); ok {
			v = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "!important"))
			out = append(out, [2]string{strings.TrimSpace(k), v})
		}
	}
	return out
}
