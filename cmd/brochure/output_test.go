package main

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/brochure-dev/brochure/internal/pdftest"
)

// failAfter is a disk that fills up after n bytes.
type failAfter struct {
	w io.Writer
	n int
}

func (f *failAfter) Write(p []byte) (int, error) {
	if len(p) <= f.n {
		f.n -= len(p)
		return f.w.Write(p)
	}
	k, _ := f.w.Write(p[:f.n])
	f.n = 0
	return k, &os.PathError{Op: "write", Path: "report.pdf", Err: syscall.ENOSPC}
}

// TestDiskFullKeepsPreviousPDF kills a real build midway: the disk "fills
// up" after 64 KB of the new PDF. The build must fail with exit 3 and say
// so, the previous PDF must be byte-for-byte what it was, and no temporary
// file may be left.
func TestDiskFullKeepsPreviousPDF(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "report.pdf")
	if code, _, errs := exec("build", sample, "-o", out); code != 0 {
		t.Fatal(errs)
	}
	before, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	pdftest.QpdfCheck(t, out)

	// a changed report, so the new PDF would differ from the old one
	src, _ := os.ReadFile(sample)
	yaml := filepath.Join(t.TempDir(), "report.yaml")
	if err := os.WriteFile(yaml, bytes.Replace(src, []byte("\ntitle: "), []byte("\ntitle: 修订 "), 1), 0o644); err != nil {
		t.Fatal(err)
	}

	written := 0
	wrapOutput = func(w io.Writer) io.Writer {
		f := &failAfter{w: w, n: 64 << 10}
		return writerFunc(func(p []byte) (int, error) {
			n, err := f.Write(p)
			written += n
			return n, err
		})
	}
	defer func() { wrapOutput = nil }()
	code, _, errs := exec("build", yaml, "-o", out)
	if code != exitIO || !strings.Contains(errs, "the disk is full") || !strings.Contains(errs, "the previous file was left as it was") {
		t.Errorf("exit %d, want %d with a disk-full message:\n%s", code, exitIO, errs)
	}
	if written != 64<<10 {
		t.Errorf("the build wrote %d bytes before the disk filled, want %d (did it fail before it began?)", written, 64<<10)
	}
	after, _ := os.ReadFile(out)
	if !bytes.Equal(before, after) {
		t.Errorf("the previous PDF changed (%d bytes, now %d)", len(before), len(after))
	}
	if left := leftovers(t, dir); len(left) > 0 {
		t.Errorf("left behind: %v", left)
	}

	// and with room on the disk again, the same build goes through
	wrapOutput = nil
	if code, _, errs := exec("build", yaml, "-o", out); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	again, _ := os.ReadFile(out)
	if bytes.Equal(before, again) {
		t.Error("the rebuild did not replace the PDF")
	}
	pdftest.QpdfCheck(t, out)
	pdftest.Validate(t, again)
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }

func leftovers(t *testing.T, dir string) []string {
	var out []string
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if e.Name() != "report.pdf" {
			out = append(out, e.Name())
		}
	}
	return out
}

// TestWriteAtomic covers the other ways a write can fail: the PDF writer
// fails (an internal error, not the disk), or stops short of a complete
// PDF without saying so. Each leaves the target as it was and no
// temporary file.
func TestWriteAtomic(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "report.pdf")
	old := []byte("%PDF-1.4 old\n%%EOF\n")
	os.WriteFile(target, old, 0o644)
	for _, tt := range []struct {
		name  string
		write func(io.Writer) error
		io    bool // an ioError (exit 3), else passed through (exit 4)
	}{
		{"writer fails", func(w io.Writer) error {
			io.WriteString(w, "%PDF-1.4 half")
			return errors.New("fpdf: something broke")
		}, false},
		{"short write without an error", func(w io.Writer) error {
			_, err := io.WriteString(w, "%PDF-1.4 half a PDF")
			return err
		}, true},
		{"disk full", func(w io.Writer) error {
			_, err := (&failAfter{w: w, n: 5}).Write([]byte("%PDF-1.4 more than five bytes"))
			return err
		}, true},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := writeAtomic(target, tt.write)
			var ioErr *ioError
			if err == nil || errors.As(err, &ioErr) != tt.io {
				t.Errorf("err = %v (%T), want an I/O error: %v", err, err, tt.io)
			}
			if b, _ := os.ReadFile(target); !bytes.Equal(b, old) {
				t.Errorf("target changed: %q", b)
			}
			if left := leftovers(t, dir); len(left) > 0 {
				t.Errorf("left behind: %v", left)
			}
		})
	}
	n, err := writeAtomic(target, func(w io.Writer) error {
		_, err := io.WriteString(w, "%PDF-1.4 new\n%%EOF\n")
		return err
	})
	if b, _ := os.ReadFile(target); err != nil || n != int64(len(b)) || string(b) != "%PDF-1.4 new\n%%EOF\n" {
		t.Errorf("a good write: %d bytes, %v, %q", n, err, b)
	}
}

// TestOutputNotWritable: a folder the user may not write in is an I/O
// error that says so. Root may write anywhere a mode forbids, so as root
// the test uses /sys, which refuses new files even to root.
func TestOutputNotWritable(t *testing.T) {
	dir := t.TempDir()
	ro := filepath.Join(dir, "ro")
	os.Mkdir(ro, 0o555)
	if f, err := os.CreateTemp(ro, "probe"); err == nil {
		f.Close()
		os.Remove(f.Name())
		ro = "/sys"
		if f, err := os.CreateTemp(ro, "probe"); err == nil || !errors.Is(err, os.ErrPermission) {
			if err == nil {
				f.Close()
				os.Remove(f.Name())
			}
			t.Skip("running as root with no read-only folder to test with")
		}
	}
	yaml := filepath.Join(dir, "r.yaml")
	os.WriteFile(yaml, []byte(small), 0o644)
	code, _, errs := exec("build", yaml, "-o", filepath.Join(ro, "r.pdf"))
	if code != exitIO || !strings.Contains(errs, "permission denied") || !strings.Contains(errs, "choose another folder with -o") {
		t.Errorf("exit %d:\n%s", code, errs)
	}
}
