package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"time"
)

// wrapOutput, when set (by tests), wraps the temporary file a PDF is
// written to: a writer that fails midway stands in for a full disk.
var wrapOutput func(io.Writer) io.Writer

// ioError is a failure to write the output: the disk, the folder, the
// permissions. It is the user's to fix (exit 3), unlike a failure of the
// PDF writer itself (exit 4).
type ioError struct{ msg string }

func (e *ioError) Error() string { return e.msg }

// writeAtomic writes a file by calling write with a temporary file in the
// target's folder, and renames it over the target only when write
// succeeded and every byte is on disk. On any failure the temporary file
// is removed and the target is left exactly as it was.
func writeAtomic(path string, write func(io.Writer) error) (n int64, err error) {
	dir := filepath.Dir(path)
	if fi, err := os.Stat(path); err == nil && fi.IsDir() {
		return 0, &ioError{fmt.Sprintf("%s: the output is a folder, not a file; remove or rename the folder, or give another file name with -o", path)}
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return 0, &ioError{folderProblem(path, dir, err)}
	}
	removeStale(dir, filepath.Base(path))
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return 0, &ioError{fmt.Sprintf("%s: cannot write in the folder %s: %s", path, dir, why(err))}
	}
	temps.add(tmp.Name())
	defer func() {
		if err != nil {
			tmp.Close()
			temps.remove(tmp.Name(), nil)
		}
	}()
	cw := &counter{w: tmp}
	var w io.Writer = cw
	if wrapOutput != nil {
		w = wrapOutput(cw)
	}
	if err = write(w); err != nil {
		if cw.err != nil || errors.Is(err, syscall.ENOSPC) || errors.As(err, new(*ioError)) {
			return 0, &ioError{fmt.Sprintf("%s: writing failed: %s; the previous file was left as it was", path, why(firstErr(cw.err, err)))}
		}
		return 0, err
	}
	if err = tmp.Sync(); err == nil {
		err = tmp.Close()
	}
	if err != nil {
		return 0, &ioError{fmt.Sprintf("%s: writing failed: %s; the previous file was left as it was", path, why(err))}
	}
	if err = complete(tmp.Name(), cw.n); err != nil {
		return 0, err
	}
	if err = os.Chmod(tmp.Name(), 0o644); err == nil {
		err = temps.remove(tmp.Name(), func() error { return os.Rename(tmp.Name(), path) })
	}
	if err != nil {
		return 0, &ioError{fmt.Sprintf("%s: cannot replace the file: %s", path, why(err))}
	}
	return cw.n, nil
}

// complete checks that the file on disk is every byte written and, for a
// PDF, ends the way a PDF ends.
func complete(name string, n int64) error {
	b, err := os.ReadFile(name)
	if err != nil {
		return &ioError{fmt.Sprintf("%s: cannot read back what was written: %s", name, why(err))}
	}
	pdf := bytes.HasPrefix(b, []byte("%PDF-"))
	if int64(len(b)) != n || pdf && !bytes.HasSuffix(bytes.TrimRight(b, "\r\n"), []byte("%%EOF")) {
		return &ioError{fmt.Sprintf("the file on disk is incomplete (%d of %d bytes); the previous file was left as it was; check the disk", len(b), n)}
	}
	return nil
}

func firstErr(errs ...error) error {
	for _, e := range errs {
		if e != nil {
			return e
		}
	}
	return nil
}

// folderProblem says why the folder an output goes in cannot take it.
func folderProblem(path, dir string, err error) string {
	switch {
	case err == nil:
		return fmt.Sprintf("%s: %s is a file, not a folder; give an output path in a folder, e.g. -o out/report.pdf", path, dir)
	case errors.Is(err, syscall.ENOTDIR):
		return fmt.Sprintf("%s: part of the path is a file, not a folder; give an output path in a folder, e.g. -o out/report.pdf", path)
	case errors.Is(err, os.ErrNotExist):
		return fmt.Sprintf("%s: the folder %s does not exist; create it first (mkdir -p %s), or give another -o", path, dir, dir)
	}
	return fmt.Sprintf("%s: cannot use the folder %s: %s", path, dir, why(err))
}

// why says what an I/O error means, in the words a user acts on.
func why(err error) string {
	switch {
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return "the disk is full; free some space and build again"
	case errors.Is(err, os.ErrPermission), errors.Is(err, syscall.EROFS):
		return "permission denied (the folder is read-only or belongs to someone else); choose another folder with -o"
	case errors.Is(err, os.ErrNotExist):
		return "the folder does not exist"
	}
	var pe *os.PathError
	if errors.As(err, &pe) {
		return pe.Err.Error()
	}
	return err.Error()
}

// counter counts the bytes written and keeps the first error.
type counter struct {
	w   io.Writer
	n   int64
	err error
}

func (c *counter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	if err != nil && c.err == nil {
		c.err = err
	}
	return n, err
}

// writeBytes is writeAtomic for bytes already in memory.
func writeBytes(path string, b []byte) error {
	_, err := writeAtomic(path, func(w io.Writer) error { _, err := w.Write(b); return err })
	return err
}

// temps are the temporary files being written. While there are any, SIGINT
// and SIGTERM remove them before the process exits (130, 143), so that an
// interrupted build leaves nothing behind; with none, the signals do what
// they did (a watch stops, anything else ends).
var temps = &tempFiles{names: map[string]bool{}}

type tempFiles struct {
	mu    sync.Mutex
	names map[string]bool
	sig   chan os.Signal
}

func (t *tempFiles) add(name string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.names[name] = true
	if t.sig == nil {
		t.sig = make(chan os.Signal, 1)
		signal.Notify(t.sig, os.Interrupt, syscall.SIGTERM)
		go t.wait(t.sig)
	}
}

// remove ends the life of a temporary file: by rename (done, under the
// lock, so that a signal sees it either before or after), or deleted.
func (t *tempFiles) remove(name string, done func() error) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	var err error
	if done != nil {
		err = done()
	}
	if done == nil || err != nil {
		os.Remove(name)
	}
	delete(t.names, name)
	if len(t.names) == 0 && t.sig != nil {
		signal.Stop(t.sig)
		close(t.sig)
		t.sig = nil
	}
	return err
}

func (t *tempFiles) wait(c chan os.Signal) {
	s, ok := <-c
	if !ok {
		return
	}
	t.mu.Lock() // held until exit: no rename after this
	for name := range t.names {
		os.Remove(name)
	}
	code := 130
	if s == syscall.SIGTERM {
		code = 143
	}
	os.Exit(code)
}

// removeStale removes temporary files of an earlier write of the same
// target (".report.pdf.123.tmp") more than a minute old: what a build
// killed with SIGKILL, or a crash of the machine, left behind. Younger
// ones may be a concurrent build's.
func removeStale(dir, base string) {
	old, _ := filepath.Glob(filepath.Join(dir, "."+globEscape(base)+".*.tmp"))
	for _, name := range old {
		if fi, err := os.Lstat(name); err == nil && fi.Mode().IsRegular() && time.Since(fi.ModTime()) > time.Minute {
			os.Remove(name)
		}
	}
}

// globEscape makes a file name literal in a filepath.Glob pattern.
func globEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		if strings.ContainsRune(`*?[\\`, r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// same reports whether two paths name the same file.
func same(a, b string) bool {
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	if err1 == nil && err2 == nil && aa == bb {
		return true
	}
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}
