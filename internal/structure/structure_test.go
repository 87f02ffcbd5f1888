package structure

import (
	"bytes"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"github.com/brochure-dev/brochure/internal/pdffile"
)

// twoPages is fpdf's output of two empty pages, split into objects.
func twoPages(t *testing.T) *pdffile.File {
	t.Helper()
	pdf := fpdf.New("P", "pt", "A4", "")
	pdf.SetCompression(false)
	pdf.AddPage()
	pdf.AddPage()
	var b bytes.Buffer
	if err := pdf.Output(&b); err != nil {
		t.Fatal(err)
	}
	f, err := pdffile.Parse(b.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	return f
}

// TestTree: elements join the tree in the order their content is drawn,
// one never drawn is left out, content on another page than the
// element's first is an MCR, a link is an OBJR with its annotation, and
// the parent tree and the catalog say so.
func TestTree(t *testing.T) {
	root := NewDocument()
	sect := root.Add(Sect)
	h := sect.Add(H2)
	sect.Add(P) // made, never drawn
	p := sect.Add(P)
	fig := sect.Add(Figure)
	fig.Alt = "柱状图：四项指数"
	link := p.Add(Link)

	tr := New(root)
	tr.Mark(0, h)    // MCID 0 on page 1
	tr.Mark(0, p)    // 1
	tr.Mark(0, fig)  // 2
	tr.Mark(1, p)    // page 2, MCID 0: the paragraph goes on
	tr.Mark(1, link) // 1
	tr.Link(1, link, [4]float64{10, 20, 30, 40}, Target{URI: "https://www.gov.cn", Text: "www.gov.cn"})
	f := twoPages(t)
	pages, err := f.Pages()
	if err != nil {
		t.Fatal(err)
	}
	if err := tr.Write(f, pages); err != nil {
		t.Fatal(err)
	}
	all := string(bytes.Join(f.Objects, []byte("\n")))
	if n := strings.Count(all, "/Type /StructElem"); n != 6 { // Document, Sect, H2, P, Figure, Link
		t.Errorf("%d elements, want 6 (the one never drawn left out):\n%s", n, all)
	}
	for _, want := range []string{
		"/S /H2", "/S /Figure", "/Alt (\xfe\xff", "/Type /MCR", "/MCID 0>>", "/Type /OBJR",
		"/Subtype /Link", "/A <</S /URI /URI (https://www.gov.cn)>>", "/Contents (www.gov.cn)", "/StructParent 2",
		"/ParentTreeNextKey 3", "/MarkInfo <</Marked true>>", "/ViewerPreferences <</DisplayDocTitle true>>",
		"/StructParents 0 /Tabs /S", "/StructParents 1 /Tabs /S",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the file lacks %q", want)
		}
	}
	// the Sect's kids are in drawing order: H2, P, Figure
	i, j, k := strings.Index(all, "/S /H2"), strings.Index(all, "/S /P "), strings.Index(all, "/S /Figure")
	if !(i < j && j < k) {
		t.Errorf("elements out of drawing order: H2 at %d, P at %d, Figure at %d", i, j, k)
	}
}
