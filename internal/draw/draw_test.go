package draw

import (
	"fmt"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/internal/structure"
)

// Each item is content of the element open when it was drawn (nil
// outside any, and inside Begin(nil)); a link is content of the element
// it is given.
func TestCanvasElements(t *testing.T) {
	root := structure.NewDocument()
	p, link := root.Add(structure.P), root.Add(structure.Link)
	var pg Page
	c := Canvas{Page: &pg}
	black := Opaque([3]uint8{})
	c.FillRect(0, 0, 1, 1, black)
	c.Begin(p)
	c.Text("a", nil, 10, 0, black, 0, 0, 0)
	c.Begin(nil)
	c.Line(0, 0, 1, 1, 1, black)
	c.End()
	c.Link(link, 0, 0, 1, 1, structure.Target{URI: "https://example.org"})
	c.End()
	want := []*structure.Elem{nil, p, nil, link}
	if len(pg.Items) != len(want) {
		t.Fatalf("%d items, want %d", len(pg.Items), len(want))
	}
	for i, it := range pg.Items {
		if it.Elem != want[i] {
			t.Errorf("item %d (kind %d): element %v, want %v", i, it.Kind, it.Elem, want[i])
		}
	}
	if c.Current() != nil {
		t.Errorf("after End: current %v", c.Current())
	}
}

// A path kept by Ops keeps its segments while the canvas records many
// more (its array grows under it), and Trace gives them back in order.
func TestOpsKept(t *testing.T) {
	var c Canvas
	first := c.Ops(Op{Kind: Move, P: [6]float64{1, 2}}, Op{Kind: LineTo, P: [6]float64{3, 4}}, Op{Kind: Close})
	for i := range 1000 {
		c.Ops(Op{Kind: Cubic, P: [6]float64{float64(i), 0, 0, 0, 0, 0}})
	}
	var tr tracer
	Trace(first, &tr)
	if got, want := tr.String(), "M 1 2 L 3 4 Z "; got != want {
		t.Errorf("traced %q, want %q", got, want)
	}
	if cap(first) != len(first) {
		t.Errorf("cap %d > len %d: an append to the path would overwrite the next one's", cap(first), len(first))
	}
}

type tracer struct{ strings.Builder }

func (t *tracer) MoveTo(x, y float64) { fmt.Fprintf(t, "M %g %g ", x, y) }
func (t *tracer) LineTo(x, y float64) { fmt.Fprintf(t, "L %g %g ", x, y) }
func (t *tracer) CubicCurveTo(a, b, c, d, x, y float64) {
	fmt.Fprintf(t, "C %g %g %g %g %g %g ", a, b, c, d, x, y)
}
func (t *tracer) Close() { t.WriteString("Z ") }
