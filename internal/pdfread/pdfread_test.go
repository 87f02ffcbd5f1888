package pdfread

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/internal/hostile"
)

// TestPageTree: pages are the leaves of the tree in order, with inherited
// MediaBox and Resources; /Count is not believed; a loop in the tree and
// a node listed twice are walked once.
func TestPageTree(t *testing.T) {
	pdf := hostile.PDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R 4 0 R 3 0 R 2 0 R] /Count 999999999 /MediaBox [0 0 100 200] /Resources << /Font << >> >> >>",
		"<< /Type /Pages /Parent 2 0 R /Kids [5 0 R 6 0 R] /Count 2 /MediaBox [0 0 300 400] >>",
		"<< /Type /Page /Parent 2 0 R /TrimBox [10 10 90 190] >>",
		"<< /Type /Page /Parent 3 0 R >>",
		"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 50 60] /Rotate 90 >>",
	)
	d, err := Open(pdf, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range d.Pages {
		s := fmt.Sprintf("%gx%g", p.Media.Width(), p.Media.Height())
		if p.Trim != nil {
			s += fmt.Sprintf(" trim %gx%g", p.Trim.Width(), p.Trim.Height())
		}
		if p.Resources == nil {
			s += " no resources"
		}
		if p.Rotate != 0 {
			s += fmt.Sprint(" rotate ", p.Rotate)
		}
		got = append(got, s)
	}
	if want := "300x400 | 50x60 rotate 90 | 100x200 trim 80x180"; strings.Join(got, " | ") != want {
		t.Errorf("pages %q, want %q", strings.Join(got, " | "), want)
	}
}

// TestBudgets: each budget is a *LimitError naming its flag.
func TestBudgets(t *testing.T) {
	d, err := Open(hostile.Pages(10), Limits{MaxPages: 9})
	var le *LimitError
	if !errors.As(err, &le) || le.Flag != "--max-pages" {
		t.Errorf("10 pages, limit 9: %v %v", d, err)
	}
	d, err = Open(hostile.Pages(10), Limits{MaxPages: 10, MaxOperators: 3, MaxXObjects: 2})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 3 {
		if err := d.Op(); err != nil {
			t.Fatalf("operator %d: %v", i+1, err)
		}
	}
	if err := d.Op(); !errors.As(err, &le) || le.Flag != "--max-operators" {
		t.Errorf("4th operator: %v", err)
	}
	d.XObject()
	d.XObject()
	if err := d.XObject(); !errors.As(err, &le) || le.Flag != "--max-xobjects" {
		t.Errorf("3rd XObject: %v", err)
	}
}

// TestStreamBudgets: a stream over the per-stream limit, and streams
// that together pass the document's, are refused; a page's content is
// charged each time it is read (it is decoded once).
func TestStreamBudgets(t *testing.T) {
	big := make([]byte, 3<<20)
	for i := range big {
		big[i] = ' '
	}
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R] >>",
		"<< /Type /Page /MediaBox [0 0 100 100] /Contents 6 0 R >>",
		"<< /Type /Page /MediaBox [0 0 100 100] /Contents 6 0 R >>",
		"<< /Type /Page /MediaBox [0 0 100 100] /Contents 7 0 R >>",
		hostile.Stream("", big, true), hostile.Stream("", big, true)}
	pdf := hostile.PDF(objs...)
	var le *LimitError
	d, _ := Open(pdf, Limits{MaxStreamBytes: 2 << 20})
	if _, err := d.Contents(&d.Pages[0]); !errors.As(err, &le) || le.Flag != "--max-stream-mb" {
		t.Errorf("3 MB stream, limit 2 MB: %v", err)
	}
	d, _ = Open(pdf, Limits{MaxDecodedBytes: 7 << 20})
	for i := range 2 { // the shared stream, twice: 6 MB
		if _, err := d.Contents(&d.Pages[i]); err != nil {
			t.Fatalf("page %d: %v", i+1, err)
		}
	}
	if _, err := d.Contents(&d.Pages[2]); !errors.As(err, &le) || le.Flag != "--max-decoded-mb" {
		t.Errorf("another 3 MB, limit 7 MB in all: %v", err)
	}
}

// TestBoxes: boxes that are no page are refused with what was written.
func TestBoxes(t *testing.T) {
	for _, c := range []struct{ media, trim, want string }{
		{"[0 0 420 595]", "[10 10 410 585]", ""},
		{"[0 0 20000 595]", "[0 0 420 595]", "MediaBox [0 0 20000 595] is 20000.0 × 595.0 pt"},
		{"[0 0 420 595]", "[-1e30 -1e30 1e30 1e30]", "TrimBox [-1e+30 -1e+30 1e+30 1e+30]"},
		{"[0 0 1 1]", "[0 0 1 1]", "MediaBox [0 0 1 1] is 1.0 × 1.0 pt"},
	} {
		_, err := Open(hostile.Boxes(c.media, c.trim), Limits{})
		if c.want == "" && err != nil || c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)) {
			t.Errorf("media %s trim %s: %v, want %q", c.media, c.trim, err, c.want)
		}
	}
}

// TestSharedContent: a page whose content lists one stream a thousand
// times, and pages sharing one stream, are charged for each use.
func TestSharedContent(t *testing.T) {
	big := make([]byte, 1<<20)
	for i := range big {
		big[i] = ' '
	}
	refs := strings.Repeat("4 0 R ", 1000)
	pdf := hostile.PDF("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] >>",
		"<< /Type /Page /MediaBox [0 0 100 100] /Contents ["+refs+"] >>", hostile.Stream("", big, true))
	d, err := Open(pdf, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	var le *LimitError
	if _, err := d.Contents(&d.Pages[0]); !errors.As(err, &le) || le.Flag != "--max-stream-mb" {
		t.Errorf("1000 × 1 MB on one page: %v", err)
	}
}
