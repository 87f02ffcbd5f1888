package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/layout"
)

// FuzzBuild runs the whole build on any report: it must end in a complete
// PDF or in problems a user can act on (data.Errors, each with a message),
// never in a panic. It calls the pipeline directly, without buildOne's
// recover, so that a crash fails the fuzzer instead of becoming exit 4.
//
// The seeds are the committed catalogue (testdata/bad/*/report.yaml), the
// sample and the small report of the build tests; a photo and a font
// folder are beside every input, so paths can name real files.
func FuzzBuild(f *testing.F) {
	seeds, _ := filepath.Glob("testdata/bad/*/report.yaml")
	seeds = append(seeds, sample)
	for _, s := range seeds {
		if b, err := os.ReadFile(s); err == nil && len(b) < 64<<10 {
			f.Add(b)
		}
	}
	f.Add([]byte(small))
	f.Add([]byte(small + "    photos:\n      - {file: photos/a.png, caption: 图}\n    charts:\n      - {type: pie, unit: \"%\", data: [{label: a, value: 60}, {label: b, value: 40}]}\n"))
	photo := pngOf(f, 900, 600)
	f.Fuzz(func(t *testing.T, src []byte) {
		if len(src) > 64<<10 {
			t.Skip()
		}
		dir := t.TempDir()
		write(t, dir, "photos/a.png", photo)
		r, err := data.Parse(filepath.Join(dir, "report.yaml"), src)
		if err != nil {
			userErrors(t, "data.Parse", err)
			return
		}
		doc, err := layout.New(r)
		if err != nil {
			userErrors(t, "layout.New", err)
			return
		}
		var buf bytes.Buffer
		if err := doc.Write(&buf); err != nil {
			t.Fatalf("a report that passed every check failed in the PDF writer: %v\n%s", err, src)
		}
		if b := buf.Bytes(); !bytes.HasPrefix(b, []byte("%PDF-")) || !bytes.HasSuffix(bytes.TrimSpace(b), []byte("%%EOF")) {
			t.Fatalf("incomplete PDF (%d bytes)", len(b))
		}
	})
}

// userErrors fails unless err is a list of problems, each with a message.
func userErrors(t *testing.T, where string, err error) {
	var errs data.Errors
	if !errors.As(err, &errs) || len(errs) == 0 {
		t.Fatalf("%s: %T %v: not a problem with a place and a message", where, err, err)
	}
	for _, e := range errs {
		if e.Msg == "" {
			t.Fatalf("%s: a problem with no message at %v", where, e.Pos)
		}
	}
}
