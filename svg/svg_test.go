package svg

import (
	"strings"
	"testing"
)

// TestRefused: what could act or reach out, and what cannot be drawn as
// meant, is refused with the line it is on and what it is.
func TestRefused(t *testing.T) {
	head := `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10">` + "\n"
	for _, c := range []struct{ name, body, want string }{
		{"script", `<script>alert(1)</script>`, "<script>"},
		{"script in a group", `<g><path d="M0 0h1"/><script type="text/ecmascript">x()</script></g>`, "<script>"},
		{"event attribute", `<path d="M0 0h1" onclick="x()"/>`, "event attribute (onclick"},
		{"onload on the root", ``, "event attribute (onload"},
		{"image", `<image href="photo.png" width="5" height="5"/>`, "reference to another file"},
		{"embedded image", `<image href="data:image/png;base64,iVBORw0KGgo=" width="5" height="5"/>`, "embedded"},
		{"image without href", `<image width="5" height="5"/>`, "<image>"},
		{"external use", `<use xlink:href="other.svg#a"/>`, "reference to another file"},
		{"web href", `<a href="https://example.com"><path d="M0 0h1"/></a>`, "reference to another file"},
		{"foreignObject", `<foreignObject><div xmlns="http://www.w3.org/1999/xhtml">x</div></foreignObject>`, "<foreignObject>"},
		{"css import", `<style>@import url(https://example.com/x.css);</style>`, "@import"},
		{"css url", `<style>.a{fill:url(https://example.com/p.svg#g)}</style>`, "reference to another file"},
		{"style url", `<path d="M0 0h1" style="fill:url('http://x/y')"/>`, "reference to another file"},
		{"text", `<text x="1" y="5">公安</text>`, "outlines"},
		{"gradient", `<defs><linearGradient id="g"/></defs>`, "gradient"},
		{"gradient fill", `<path d="M0 0h1" fill="url(#g)"/>`, "gradient"},
		{"internal use", `<use href="#a"/>`, "Unlink Clone"},
		{"unknown element", `<blink/>`, "<blink>"},
		{"bad path", `<path d="M0 0 Q"/>`, "cannot be read"},
		{"bad colour", `<path d="M0 0h1" fill="reddish"/>`, `"reddish" is not a colour`},
	} {
		src := head + c.body + "\n</svg>"
		if c.name == "onload on the root" {
			src = strings.Replace(head, "<svg ", `<svg onload="x()" `, 1) + "</svg>"
		}
		_, err := Parse([]byte(src))
		if err == nil {
			t.Errorf("%s: accepted", c.name)
			continue
		}
		e := err.(*Error)
		if !strings.Contains(e.Msg, c.want) {
			t.Errorf("%s: %v; want it to say %q", c.name, err, c.want)
		}
		if want := 2; c.name != "onload on the root" && e.Line != want {
			t.Errorf("%s: at line %d, want %d", c.name, e.Line, want)
		}
	}
}

// TestRefusedFiles: files that are not plain drawings.
func TestRefusedFiles(t *testing.T) {
	for _, c := range []struct{ name, src, want string }{
		{"entities", `<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY a "aaaaaaaa"><!ENTITY b "&a;&a;&a;">]><svg viewBox="0 0 1 1"/>`, "entities"},
		{"too large", `<svg viewBox="0 0 1 1"><!--` + strings.Repeat("x", MaxBytes) + `--></svg>`, "more than the 1024 KB"},
		{"not xml", `GIF89a`, "no <svg>"},
		{"broken xml", `<svg viewBox="0 0 1 1"><g></svg>`, "XML"},
		{"not svg", `<html><body/></html>`, "not <svg>"},
		{"no size", `<svg xmlns="http://www.w3.org/2000/svg"><path d="M0 0h1"/></svg>`, "no size"},
		{"bad viewBox", `<svg viewBox="0 0 10"/>`, "viewBox"},
		{"empty", ``, "no <svg>"},
		{"too many rules", `<svg viewBox="0 0 1 1"><style>` + strings.Repeat(`.a{fill:red}`, maxRules+1) + `</style></svg>`, "style rules"},
		{"too many transforms", `<svg viewBox="0 0 1 1"><g transform="` + strings.Repeat(`scale(1)`, 65) + `"/></svg>`, "more than 64 transforms"},
		{"too many elements", `<svg viewBox="0 0 1 1">` + strings.Repeat(`<g>`, maxElements) + strings.Repeat(`</g>`, maxElements) + `</svg>`, "too complex"},
	} {
		if _, err := Parse([]byte(c.src)); err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: %v; want it to say %q", c.name, err, c.want)
		}
	}
}

// TestShapes: each supported element gives its shape, with the colours,
// stroke, transform and fill rule it was written with; what is hidden,
// skipped or unpainted gives none.
func TestShapes(t *testing.T) {
	src := `<?xml version="1.0" encoding="UTF-8"?>
<svg xmlns="http://www.w3.org/2000/svg" xmlns:inkscape="http://www.inkscape.org/namespaces/inkscape" width="200mm" height="100mm" viewBox="10 20 200 100">
  <title>徽标</title>
  <metadata><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/></metadata>
  <inkscape:namedview/>
  <style>.gold { fill: #d4a017; stroke: none } #ring{stroke:#B5121B;stroke-width:3}</style>
  <g transform="translate(10 20) scale(2)" fill="red" stroke-linecap="round">
    <rect x="1" y="2" width="30" height="20" rx="4"/>
    <circle cx="50" cy="50" r="10" class="gold"/>
    <ellipse id="ring" cx="50" cy="50" rx="20" ry="10" fill="none"/>
    <line x1="0" y1="0" x2="10" y2="10" stroke="#000" stroke-width="0.5"/>
    <polygon points="0,0 10,0 5,8" style="fill: rgb(0, 128, 255); fill-rule: evenodd"/>
    <polyline points="0 0 1 1 2 0" fill="none" stroke="navy" stroke-linejoin="bevel" stroke-dasharray="2 1"/>
    <path d="M0 0h5v5z" display="none"/>
    <path d="M0 0h5v5z" visibility="hidden"/>
    <path d="M0 0h5v5z" fill="none"/>
    <path d="M0 0A5 5 0 0 1 10 0" fill="#abc"/>
  </g>
</svg>`
	d, err := Parse([]byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if d.W != 200 || d.H != 100 {
		t.Errorf("box %g×%g, want the viewBox's 200×100", d.W, d.H)
	}
	want := []struct {
		fill, stroke string
		width        float64
		cap, join    int
		evenOdd      bool
		dash         int
	}{
		{"#FF0000", "", 1, 1, 0, false, 0},
		{"#D4A017", "", 1, 1, 0, false, 0},
		{"", "#B5121B", 3, 1, 0, false, 0},
		{"", "#000000", 0.5, 1, 0, false, 0},
		{"#0080FF", "", 1, 1, 0, true, 0},
		{"", "#000080", 1, 1, 2, false, 2},
		{"#AABBCC", "", 1, 1, 0, false, 0},
	}
	if len(d.Shapes) != len(want) {
		t.Fatalf("%d shapes, want %d: %+v", len(d.Shapes), len(want), d.Shapes)
	}
	for i, w := range want {
		s := d.Shapes[i]
		if s.Fill != w.fill || s.Stroke != w.stroke || s.Width != w.width || s.Cap != w.cap || s.Join != w.join || s.EvenOdd != w.evenOdd || len(s.Dash) != w.dash {
			t.Errorf("shape %d: %+v, want %+v", i, s, w)
		}
		// translate(10 20) cancels the viewBox's origin; scale(2)
		if s.M != [6]float64{2, 0, 0, 2, 0, 0} {
			t.Errorf("shape %d: matrix %v, want scale 2 at the box's origin", i, s.M)
		}
	}
	if got := d.Shapes[0].Path; !strings.HasPrefix(got, "5 2 m") || !strings.Contains(got, " c") {
		t.Errorf("the rounded rectangle: %q, want it to start at x+rx and have curved corners", got)
	}
	if got := d.Shapes[6].Path; strings.Contains(got, "ellipse") || !strings.Contains(got, " c") {
		t.Errorf("the arc: %q, want it as Bézier curves", got)
	}
}

// TestTransforms: the transform list, in order.
func TestTransforms(t *testing.T) {
	for _, c := range []struct {
		in   string
		want [6]float64 // PDF order
	}{
		{"translate(5)", [6]float64{1, 0, 0, 1, 5, 0}},
		{"translate(5, 6) scale(2 3)", [6]float64{2, 0, 0, 3, 5, 6}},
		{"matrix(1 2 3 4 5 6)", [6]float64{1, 2, 3, 4, 5, 6}},
		{"rotate(90)", [6]float64{0, 1, -1, 0, 0, 0}},
		{"rotate(180 5 5)", [6]float64{-1, 0, 0, -1, 10, 10}},
		{"skewX(45)", [6]float64{1, 0, 1, 1, 0, 0}},
	} {
		m, err := transform(c.in)
		if err != nil {
			t.Errorf("%s: %v", c.in, err)
			continue
		}
		got := [6]float64{m[0][0], m[1][0], m[0][1], m[1][1], m[0][2], m[1][2]}
		for i := range got {
			if d := got[i] - c.want[i]; d > 1e-9 || d < -1e-9 {
				t.Errorf("%s: %v, want %v", c.in, got, c.want)
				break
			}
		}
	}
	if _, err := transform("spin(3)"); err == nil {
		t.Error("spin(3) accepted")
	}
}
