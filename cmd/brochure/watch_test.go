package main

import (
	"bytes"
	"context"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuf is a buffer the watcher writes while the test reads.
type syncBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuf) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuf) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// eventually polls cond until it holds, failing after a generous deadline
// (the watcher reacts in well under a second; slow CI machines get ten).
func eventually(t *testing.T, what string, cond func() bool) {
	t.Helper()
	start := time.Now()
	defer func() { t.Logf("%s: %v", what, time.Since(start)) }()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

func TestWatch(t *testing.T) {
	dir := t.TempDir()
	yaml := filepath.Join(dir, "report.yaml")
	pdf := filepath.Join(dir, "out", "report.pdf")
	os.Mkdir(filepath.Join(dir, "out"), 0o755)
	write := func(s string) {
		t.Helper()
		if err := os.WriteFile(yaml, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	read := func() []byte { b, _ := os.ReadFile(pdf); return b }
	write(small)

	var stdout, stderr syncBuf
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int)
	go func() { done <- watch(ctx, yaml, pdf, &printer{stdout: &stdout, stderr: &stderr}, settings{}) }()
	defer func() {
		cancel()
		select {
		case code := <-done:
			if code != 0 {
				t.Errorf("watch exit %d", code)
			}
		case <-time.After(10 * time.Second):
			t.Error("watch did not stop after cancel")
		}
	}()

	eventually(t, "the first PDF", func() bool { return len(read()) > 0 })
	eventually(t, "watching", func() bool { return strings.Contains(stdout.String(), "watching") })
	first := read()

	// a broken save: the problem is printed, the PDF stays as it was
	write(small + "    bodyy: 错字段\n")
	eventually(t, "the error", func() bool { return strings.Contains(stderr.String(), `did you mean "body"`) })
	eventually(t, "the failure note", func() bool { return strings.Contains(stderr.String(), "is unchanged") })
	if !bytes.Equal(read(), first) {
		t.Fatal("a failed build changed the PDF")
	}

	// fixed: a new PDF
	write(strings.Replace(small, "14.98", "15.20", 1))
	eventually(t, "a new PDF", func() bool { b := read(); return len(b) > 0 && !bytes.Equal(b, first) })
	second := read()

	// an editor that writes a temporary file and renames it over the report
	tmp := filepath.Join(dir, ".report.yaml.swp")
	os.WriteFile(tmp, []byte(strings.Replace(small, "14.98", "16.00", 1)), 0o644)
	if err := os.Rename(tmp, yaml); err != nil {
		t.Fatal(err)
	}
	eventually(t, "a rebuild after rename", func() bool { b := read(); return len(b) > 0 && !bytes.Equal(b, second) })
	third := read()

	// deleted, then written again
	os.Remove(yaml)
	eventually(t, "the missing-file note", func() bool { return strings.Contains(stderr.String(), "waiting for") })
	if !bytes.Equal(read(), third) {
		t.Fatal("deleting the report changed the PDF")
	}
	write(strings.Replace(small, "14.98", "17.00", 1))
	eventually(t, "a rebuild after re-creation", func() bool { b := read(); return len(b) > 0 && !bytes.Equal(b, third) })
	fourth := read()

	// a photo that does not exist yet (nor its folder): adding it rebuilds
	write(small + "    photos:\n      - {file: photos/p.png, caption: 卡口}\n")
	eventually(t, "the missing photo", func() bool { return strings.Contains(stderr.String(), "p.png not found") })
	os.Mkdir(filepath.Join(dir, "photos"), 0o755)
	os.WriteFile(filepath.Join(dir, "photos", "p.png"), pngBytes(t), 0o644)
	eventually(t, "a PDF with the photo", func() bool {
		b := read()
		return bytes.Contains(b, []byte("/Subtype /Image")) && !bytes.Equal(b, fourth)
	})
	if m, _ := filepath.Glob(filepath.Join(dir, "out", ".*tmp")); len(m) > 0 {
		t.Errorf("temp files left: %v", m)
	}
}

func pngBytes(t *testing.T) []byte {
	// big enough for print: about 270 dpi in a half-width frame
	img := image.NewRGBA(image.Rect(0, 0, 900, 600))
	for x := range 900 {
		for y := range 600 {
			img.Set(x, y, color.RGBA{uint8(x / 4), 80, 120, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}
