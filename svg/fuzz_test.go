package svg

import (
	"strings"
	"testing"
)

// FuzzParse: whatever the file, Parse returns a drawing or an error, never
// panics; a drawing's shapes have paths and something to paint.
func FuzzParse(f *testing.F) {
	f.Add([]byte(`<svg viewBox="0 0 10 10"><rect width="10" height="10" rx="2" fill="#00A000"/></svg>`))
	f.Add([]byte(`<svg viewBox="0 0 24 24"><g transform="rotate(30 12 12) skewX(10)" stroke="red" fill="none"><path d="M3 7a4 4 0 1 0 8 0A4 4 0 1 0 3 7zm10 0h8l-4 8z"/><polyline points="1 1 2 2 3"/></g></svg>`))
	f.Add([]byte(`<svg width="10mm" height="5in"><style>.a{fill:rgb(10%,20%,30%)}#b{stroke:navy;stroke-dasharray:1 2}</style><circle class="a" r="3"/><ellipse id="b" rx="2" ry="1"/><line x2="5"/></svg>`))
	f.Add([]byte(`<svg viewBox="0 0 1 1"><script>x</script></svg>`))
	f.Fuzz(func(t *testing.T, b []byte) {
		d, err := Parse(b)
		if err != nil {
			return
		}
		if d.W <= 0 || d.H <= 0 {
			t.Fatalf("a drawing of %g×%g", d.W, d.H)
		}
		for _, s := range d.Shapes {
			if s.Path == "" || s.Fill == "" && s.Stroke == "" || strings.Contains(s.Path, "NaN") {
				t.Fatalf("shape %+v", s)
			}
		}
	})
}
