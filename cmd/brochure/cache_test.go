package main

import (
	"bytes"
	"crypto/sha256"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/internal/pdffile"
)

func TestDiskCache(t *testing.T) {
	t.Setenv("BROCHURE_CACHE", "off")
	if openCache(nil) != nil {
		t.Error("BROCHURE_CACHE=off gave a cache")
	}
	t.Setenv("BROCHURE_CACHE", t.TempDir())
	c := openCache(nil)
	if c == nil {
		t.Fatal("no cache in a writable folder")
	}
	if _, err := os.Stat(c.dir); !os.IsNotExist(err) {
		t.Error("opening the cache made its folder; the first Put should")
	}
	program := bytes.Repeat([]byte("宁波公安这一年"), 500)
	key := sha256.Sum256(program)
	if _, ok := c.Get(key); ok {
		t.Fatal("a hit in an empty cache")
	}
	z := pdffile.Deflate(program)
	c.Put(key, z)
	if got, ok := c.Get(key); !ok || !bytes.Equal(got, z) {
		t.Fatal("what was put is not what is got")
	}
	// a file under another program's name is not used
	sealed, _ := os.ReadFile(c.path(key))
	other := sha256.Sum256([]byte("another program"))
	os.WriteFile(c.path(other), sealed, 0o644)
	if _, ok := c.Get(other); ok {
		t.Error("a file under another program's name was used")
	}
	// nor one cut short or changed, and it goes
	for _, bad := range [][]byte{sealed[:len(sealed)/2], append(slices.Clone(sealed[:len(sealed)-1]), sealed[len(sealed)-1]^1), sealed[:10]} {
		os.WriteFile(c.path(key), bad, 0o644)
		if _, ok := c.Get(key); ok {
			t.Errorf("a damaged file of %d bytes was used", len(bad))
		}
		if _, err := os.Stat(c.path(key)); !os.IsNotExist(err) {
			t.Error("the damaged file was left")
		}
	}
	// at most maxCached files stay
	for i := range maxCached + 5 {
		p := []byte{byte(i), byte(i >> 8)}
		c.Put(sha256.Sum256(p), pdffile.Deflate(p))
	}
	if files, _ := filepath.Glob(filepath.Join(c.dir, "*.z")); len(files) != maxCached {
		t.Errorf("%d files in the cache, want %d", len(files), maxCached)
	}
}

// A build whose fonts come from the disk cache is the same PDF as one
// that compressed them.
func TestBuildWithDiskCache(t *testing.T) {
	defer func(c fonts.Cache) { fonts.Programs = c }(fonts.Programs)
	dir := t.TempDir()
	var pdfs [][]byte
	old := time.Date(2001, 1, 1, 0, 0, 0, 0, time.UTC)
	for i, cache := range []string{"off", dir, dir} {
		if i == 2 { // the third build must read the programs, not write them again
			files, _ := filepath.Glob(filepath.Join(dir, "*", "*.z"))
			for _, f := range files {
				os.Chtimes(f, old, old)
			}
		}
		t.Setenv("BROCHURE_CACHE", cache)
		fonts.Programs = nil
		if c := openCache(nil); c != nil {
			fonts.Programs = c
		}
		out := filepath.Join(t.TempDir(), "a.pdf")
		if code, _, errs := exec("build", sample, "-o", out, "--quiet"); code != 0 {
			t.Fatal(errs)
		}
		b, _ := os.ReadFile(out)
		pdfs = append(pdfs, b)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.z"))
	if len(files) != 3 {
		t.Errorf("%d programs cached, want the sample's 3 faces", len(files))
	}
	for _, f := range files {
		if fi, err := os.Stat(f); err != nil || !fi.ModTime().Equal(old) {
			t.Errorf("%s was written again: the cache was not used", filepath.Base(f))
		}
	}
	if !bytes.Equal(pdfs[0], pdfs[1]) || !bytes.Equal(pdfs[1], pdfs[2]) {
		t.Error("the cache changed the PDF")
	}
}
