package preflight

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"github.com/brochure-dev/brochure/internal/hostile"
	"github.com/brochure-dev/brochure/internal/pdfread"
)

// FuzzCheck reads any bytes as a PDF with small budgets. It must end in a
// report or an error — never a panic in this module's code (pdfcpu's own
// are recovered and become "cannot read the PDF") — and a report must be
// what --json can print (no NaN or ∞ in it) with pages and boxes that
// agree.
func FuzzCheck(f *testing.F) {
	for _, b := range [][]byte{
		hostile.Pages(3), hostile.Count(1 << 40), hostile.XObjectFan(4), hostile.HugeObjectNumber(1 << 20),
		hostile.Boxes("[0 0 420 595]", "[10 10 410 585]"), hostile.Boxes("[0 0 1e30 1]", "[0 0 NaN 5]"),
		fpdfSample(f),
	} {
		f.Add(b)
	}
	onPanic = func(v any, stack []byte) {
		if ours(stack) {
			panic(fmt.Sprintf("%v\n%s", v, stack))
		}
	}
	lim := pdfread.Limits{MaxPages: 100, MaxStreamBytes: 1 << 20, MaxDecodedBytes: 4 << 20, MaxXObjects: 1000, MaxOperators: 100_000}
	f.Fuzz(func(t *testing.T, pdf []byte) {
		rep, err := Check(pdf, Options{Limits: lim})
		if err != nil {
			return
		}
		if _, err := json.Marshal(rep); err != nil {
			t.Fatalf("the report cannot be printed as JSON: %v", err)
		}
		n := 0
		for _, b := range rep.Boxes {
			n += len(b.pages)
		}
		if n != rep.Pages || rep.Pages > lim.MaxPages {
			t.Fatalf("%d pages, the boxes cover %d", rep.Pages, n)
		}
	})
}

// ours reports whether the panic was raised in this module's code: the
// first frame below the runtime's panic machinery is ours.
func ours(stack []byte) bool {
	lines := strings.Split(string(stack), "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "panic(") {
			for _, m := range lines[i+1:] {
				if strings.HasPrefix(m, "runtime.") || strings.HasPrefix(m, "\t") {
					continue
				}
				return strings.HasPrefix(m, "github.com/brochure-dev/")
			}
		}
	}
	return false
}

func fpdfSample(tb testing.TB) []byte {
	pdf := fpdf.New("P", "pt", "A4", "")
	pdf.AddPage()
	pdf.SetFont("Helvetica", "", 12)
	pdf.Text(50, 50, "preflight")
	pdf.Rect(10, 10, 100, 100, "F")
	var b bytes.Buffer
	if err := pdf.Output(&b); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}
