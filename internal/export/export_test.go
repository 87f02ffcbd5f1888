package export

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/internal/draw"
	"github.com/brochure-dev/brochure/internal/marks"
	"github.com/brochure-dev/brochure/internal/pdftest"
	"github.com/brochure-dev/brochure/internal/structure"
)

// page draws two paragraphs (the second an empty one), a rule between
// them as an artifact, and a link, and writes them as a PDF of one page.
func page(t *testing.T, tagged bool) []byte {
	root := structure.NewDocument()
	p1, p2 := root.Add(structure.P), root.Add(structure.P)
	link := p1.Add(structure.Link)
	var pg draw.Page
	c := draw.Canvas{Page: &pg}
	black := draw.Opaque([3]uint8{})
	c.Begin(p1)
	c.Text("第一段", fonts.Regular, 10, 0, black, 20, 30, 0)
	c.Text("续", fonts.Regular, 10, 0, black, 50, 30, 0)
	c.Link(link, 20, 20, 30, 12, structure.Target{URI: "https://example.org"})
	c.End()
	c.FillRect(20, 40, 100, 1, black) // outside any element: an artifact
	c.Begin(p2)
	c.Text("", nil, 0, 0, black, 20, 60, 0)
	c.End()
	d := &Document{Width: 200, Height: 100, Trim: marks.Rect{W: 200, H: 100}}
	if tagged {
		d.Root = root
	}
	w := NewWriter(d)
	if err := w.Page(&pg); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := w.Finish(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// Items of one element share one marked-content sequence; an element
// changes it; an artifact is one; an empty text run still gives its
// element a sequence (an empty table cell stays in the structure); the
// link becomes an annotation. Untagged, there is no marked content.
func TestMarkedContent(t *testing.T) {
	for _, tagged := range []bool{true, false} {
		all := pdftest.Inflate(page(t, tagged))
		seq := regexp.MustCompile(`/P <</MCID \d+>> BDC|/Artifact BMC|EMC|BT`).FindAll(all, -1)
		var got []string
		for _, s := range seq {
			got = append(got, string(s))
		}
		want := "/P <</MCID 0>> BDC BT BT EMC /Artifact BMC EMC /P <</MCID 1>> BDC EMC"
		if !tagged {
			want = "BT BT"
		}
		if strings.Join(got, " ") != want {
			t.Errorf("tagged %v: content %q, want %q", tagged, strings.Join(got, " "), want)
		}
		if has := bytes.Contains(all, []byte("/Subtype /Link")); has != tagged {
			t.Errorf("tagged %v: link annotation %v", tagged, has)
		}
	}
}
