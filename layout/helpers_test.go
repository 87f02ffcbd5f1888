package layout

import (
	"bytes"
	"path/filepath"
	"testing"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/theme"
)

// load reads a report for a test.
func load(t testing.TB, path string) *data.Report {
	t.Helper()
	r, err := data.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// eachLaidOut lays out every report of examples/ in every look (drafts:
// no photo decoded) and calls check with each in a subtest, the build
// named as the exception maps name it: "poster/river-basin-2025", the
// default look without its name.
func eachLaidOut(t *testing.T, check func(t *testing.T, name string, d *Document)) {
	paths, err := filepath.Glob("../examples/*/report.yaml")
	if err != nil || len(paths) < 8 {
		t.Fatalf("%d example reports (%v), want the corpus", len(paths), err)
	}
	for _, style := range theme.Names() {
		for _, path := range paths {
			t.Run(style+"/"+filepath.Base(filepath.Dir(path)), func(t *testing.T) {
				d, err := NewWith(load(t, path), Options{Draft: true, Style: style})
				if err != nil {
					t.Fatal(err)
				}
				name := filepath.Base(filepath.Dir(path))
				if style != theme.Default {
					name = style + "/" + name
				}
				check(t, name, d)
			})
		}
	}
}

// build lays out and writes a report, failing the test on any error.
func build(t testing.TB, r *data.Report, opt Options) (*Document, []byte) {
	t.Helper()
	d, err := NewWith(r, opt)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := d.Write(&b); err != nil {
		t.Fatal(err)
	}
	return d, b.Bytes()
}

// buildExample is build for a report that may need the system's faces
// (Traditional Chinese, Japanese, Korean, a serif body): without the Noto
// CJK fonts installed it skips; with them, any error is a failure.
func buildExample(t testing.TB, r *data.Report, opt Options, untagged bool) (*Document, []byte) {
	t.Helper()
	d, err := NewWith(r, opt)
	if err != nil && len(fonts.Families("Noto Sans CJK")) == 0 {
		t.Skipf("needs the system's CJK fonts, which are not installed (Debian: fonts-noto-cjk): %v", err)
	}
	if err != nil {
		t.Fatal(err) // a layout error, not a missing font: a failure, never a skip
	}
	d.untagged = untagged
	var b bytes.Buffer
	if err := d.Write(&b); err != nil {
		t.Fatal(err)
	}
	return d, b.Bytes()
}

// The default look's sizes and grid, as tests compare with them.
var (
	sizeBody    = defaultTheme().Scale.Body
	sizeLabel   = defaultTheme().Scale.Label
	sizeStat    = defaultTheme().Scale.Stat
	sizeHeadNum = defaultTheme().Scale.HeadNum
	sizeCover   = defaultTheme().Cover.TitleSizes[0]
	marginX     = defaultTheme().Grid.MarginX
	cardInset   = defaultTheme().Card.Inset
	gutter      = defaultTheme().Grid.Gutter
	contentW    = pageW - 2*marginX
)

// laidOut is the report written in src, read and laid out: a test's
// report in a few lines of YAML.
func laidOut(t testing.TB, src string) (*data.Report, *Document) {
	t.Helper()
	r, err := data.Parse("r.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	d, err := New(r)
	if err != nil {
		t.Fatal(err)
	}
	return r, d
}
