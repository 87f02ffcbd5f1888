package layout

import (
	"bytes"
	"testing"

	"github.com/pdfcpu/pdfcpu/pkg/api"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/model"
	"github.com/pdfcpu/pdfcpu/pkg/pdfcpu/types"
)

// TestSampleSize holds the sample (it has no photos, only their frames)
// to the size the issues set: at most 180 KB in all (the accessibility
// issue's bound, tagging included), and under 27 KB besides the embedded
// font programs, which are the floor for what the pages draw (20 KB before
// the structure tree, its marked content and the XMP metadata, some 6 KB).
// A font not cut to what it draws, a map or table written per face, or
// page contents left uncompressed each break it.
func TestSampleSize(t *testing.T) {
	_, pdf := build(t, load(t, samplePath), Options{})
	ctx, err := api.ReadContext(bytes.NewReader(pdf), model.NewDefaultConfiguration())
	if err != nil {
		t.Fatal(err)
	}
	fontBytes, faces := 0, 0
	for n := range ctx.XRefTable.Table { // dictionaries sit in an object stream
		o, err := ctx.Dereference(*types.NewIndirectRef(n, 0))
		if err != nil {
			t.Fatalf("object %d: %v", n, err)
		}
		d, ok := o.(types.Dict)
		if !ok || d.Type() == nil || *d.Type() != "FontDescriptor" {
			continue
		}
		ref := d.IndirectRefEntry("FontFile2")
		if ref == nil {
			t.Fatalf("font descriptor %s has no FontFile2", d)
		}
		sd, _, err := ctx.DereferenceStreamDict(*ref)
		if err != nil || sd == nil {
			t.Fatalf("FontFile2 %s: %v", ref, err)
		}
		fontBytes += len(sd.Raw)
		faces++
		if name := d.NameEntry("FontName"); name != nil {
			t.Logf("%s: %d bytes", *name, len(sd.Raw))
		}
	}
	t.Logf("%d bytes: %d in %d font programs, %d besides", len(pdf), fontBytes, faces, len(pdf)-fontBytes)
	if faces != 3 {
		t.Errorf("%d font programs, want Regular, Bold and Black", faces)
	}
	if len(pdf) > 180_000 {
		t.Errorf("sample PDF is %d bytes, want at most 180,000", len(pdf))
	}
	if rest := len(pdf) - fontBytes; rest >= 27_000 {
		t.Errorf("%d bytes besides the font programs, want under 27,000", rest)
	}
}
