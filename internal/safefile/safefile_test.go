package safefile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestResolve: the one decision for every path a report names.
func TestResolve(t *testing.T) {
	root := t.TempDir()
	dir := filepath.Join(root, "report")
	os.MkdirAll(filepath.Join(dir, "photos"), 0o755)
	os.WriteFile(filepath.Join(dir, "photos", "a.jpg"), []byte("x"), 0o644)
	os.WriteFile(filepath.Join(root, "secret.txt"), []byte("x"), 0o644)
	os.Symlink(filepath.Join(root, "secret.txt"), filepath.Join(dir, "out.jpg"))
	os.Symlink("photos/a.jpg", filepath.Join(dir, "in.jpg"))
	os.Symlink("/dev/zero", filepath.Join(dir, "zero.jpg"))
	os.Symlink(filepath.Join(dir, "photos"), filepath.Join(root, "linked"))
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.jpg"), 0o644); err != nil {
		t.Skip(err)
	}
	for _, c := range []struct {
		name  string
		allow bool
		want  error // nil: allowed
	}{
		{"photos/a.jpg", false, nil},
		{"./photos/../photos/a.jpg", false, nil},
		{"in.jpg", false, nil},
		{filepath.Join(root, "secret.txt"), false, ErrAbsolute},
		{filepath.Join(root, "secret.txt"), true, nil},
		{"../secret.txt", false, ErrParent},
		{"photos/../../secret.txt", false, ErrParent},
		{"../secret.txt", true, nil},
		{"out.jpg", false, ErrLinkOut},
		{"out.jpg", true, nil},
		{"zero.jpg", false, ErrLinkOut},
		{"zero.jpg", true, ErrNotRegular}, // a link to a device: never, even allowed
		{"fifo.jpg", false, ErrNotRegular},
		{"fifo.jpg", true, ErrNotRegular},
		{"/dev/zero", false, ErrAbsolute},
		{"/dev/zero", true, nil}, // named directly, and allowed: the user's choice
		{"missing.jpg", false, fs.ErrNotExist},
		{"photos", false, nil}, // a folder: the caller says "is a folder"
	} {
		_, err := Resolve(dir, c.name, c.allow)
		if c.want == nil && err != nil || c.want != nil && !errors.Is(err, c.want) {
			t.Errorf("Resolve(%q, allow %v) = %v, want %v", c.name, c.allow, err, c.want)
		}
	}
	// the report's folder itself reached through a symlink: inside
	if _, err := Resolve(filepath.Join(root, "linked"), "a.jpg", false); err != nil {
		t.Errorf("through a linked folder: %v", err)
	}
}

// TestReadFile: the size limit holds for a file that says its size and
// for one that does not (a device); a FIFO is not waited on.
func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "small")
	os.WriteFile(small, []byte("12345"), 0o644)
	if b, err := ReadFile(small, 5, false); err != nil || string(b) != "12345" {
		t.Errorf("5 bytes, limit 5: %q %v", b, err)
	}
	if _, err := ReadFile(small, 4, false); !errors.Is(err, ErrTooBig) {
		t.Errorf("5 bytes, limit 4: %v", err)
	}
	if _, err := ReadFile("/dev/zero", 1<<20, false); !errors.Is(err, ErrNotRegular) {
		t.Errorf("/dev/zero: %v", err)
	}
	if _, err := ReadFile("/dev/zero", 1<<20, true); !errors.Is(err, ErrTooBig) {
		t.Errorf("/dev/zero allowed: %v, want too big", err)
	}
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	if _, err := ReadFile(fifo, 1<<20, false); !errors.Is(err, ErrNotRegular) {
		t.Errorf("fifo: %v", err)
	}
}
