// Package safefile decides which files an untrusted input may make
// brochure read, and reads them within a size limit.
//
// A report that came by e-mail names photos, fonts, data files and logos;
// Resolve is the one function that decides whether such a path may be
// read: inside the report's folder (no absolute path, no "..", no symlink
// that leads out) unless the user allows outside paths, and a regular file
// (a FIFO would hang the build, a device such as /dev/zero never ends).
// ReadFile then reads through a size-limited reader, so that a file that
// grows while it is read cannot exhaust memory either.
package safefile

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
)

// Reasons a path is refused; test with errors.Is.
var (
	ErrAbsolute   = errors.New("is an absolute path")
	ErrParent     = errors.New(`leads out of the folder through ".."`)
	ErrLinkOut    = errors.New("is a link to a file outside the folder")
	ErrNotRegular = errors.New("is not a regular file")
	ErrTooBig     = errors.New("is larger than the limit")
)

// Error is a refused path: what was written, and why.
type Error struct {
	Path   string // as written in the input
	Reason error  // one of the Err values above
	Detail string // "a named pipe (FIFO)", "12 MB, more than 8 MB", …
}

func (e *Error) Error() string {
	s := e.Path + " " + e.Reason.Error()
	if e.Detail != "" {
		s += " (" + e.Detail + ")"
	}
	return s
}

func (e *Error) Unwrap() error { return e.Reason }

// Resolve returns the file that name (as written in a report in dir)
// stands for, or why it may not be read. allowOutside lets name be
// absolute, climb out with "..", or be a link to anywhere — but a FIFO,
// device or socket is refused even then, unless it is named directly by
// an absolute path (the user's own choice, e.g. /dev/stdin). A file that
// does not exist is returned with an error satisfying
// errors.Is(err, fs.ErrNotExist).
func Resolve(dir, name string, allowOutside bool) (string, error) {
	native := filepath.FromSlash(name)
	abs := filepath.IsAbs(native) || strings.HasPrefix(name, `\`) || (len(name) > 1 && name[1] == ':')
	if !allowOutside {
		if abs {
			return "", &Error{Path: name, Reason: ErrAbsolute}
		}
		clean := filepath.Clean(native)
		if clean == ".." || strings.HasPrefix(clean, ".."+string(filepath.Separator)) {
			return "", &Error{Path: name, Reason: ErrParent}
		}
	}
	path := native
	if !filepath.IsAbs(native) {
		path = filepath.Join(dir, native)
	}
	real, err := filepath.EvalSymlinks(path)
	if err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return path, &fs.PathError{Op: "open", Path: path, Err: fs.ErrNotExist}
		}
		return path, err
	}
	if !allowOutside {
		root, err := filepath.EvalSymlinks(absOr(dir))
		if err == nil {
			rel, err := filepath.Rel(root, absOr(real))
			if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
				return "", &Error{Path: name, Reason: ErrLinkOut}
			}
		}
	}
	st, err := os.Stat(real)
	if err != nil {
		return path, err
	}
	if !st.Mode().IsRegular() && !st.IsDir() && !(allowOutside && abs) {
		return "", &Error{Path: name, Reason: ErrNotRegular, Detail: Kind(st.Mode())}
	}
	return path, nil
}

// Kind names a file mode for a person: "a folder", "a named pipe (FIFO)".
func Kind(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO), which would wait for a writer forever"
	case m&fs.ModeCharDevice != 0:
		return "a character device, which may never end"
	case m&fs.ModeDevice != 0:
		return "a device"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeIrregular != 0:
		return "not a regular file"
	}
	return "a regular file"
}

func absOr(p string) string {
	if p == "" {
		p = "."
	}
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// Open opens path for reading without blocking on a FIFO (O_NONBLOCK),
// and refuses what is not a regular file unless special is set (a device
// or pipe the user named on the command line).
func Open(path string, special bool) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	st, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, err
	}
	if st.IsDir() {
		f.Close()
		return nil, &Error{Path: path, Reason: ErrNotRegular, Detail: Kind(st.Mode())}
	}
	if !st.Mode().IsRegular() && !special {
		f.Close()
		return nil, &Error{Path: path, Reason: ErrNotRegular, Detail: Kind(st.Mode())}
	}
	if !st.Mode().IsRegular() {
		// blocking reads again for a pipe the user chose
		syscall.SetNonblock(int(f.Fd()), false)
	}
	return f, nil
}

// ReadFile reads at most limit bytes of path (opened as Open does); a
// longer file is an *Error with ErrTooBig, found before it is read when
// its size is known.
func ReadFile(path string, limit int64, special bool) ([]byte, error) {
	f, err := Open(path, special)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if st, err := f.Stat(); err == nil && st.Mode().IsRegular() && st.Size() > limit {
		return nil, &Error{Path: path, Reason: ErrTooBig, Detail: fmt.Sprintf("%s, more than %s", MB(st.Size()), MB(limit))}
	}
	b, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if int64(len(b)) > limit {
		return nil, &Error{Path: path, Reason: ErrTooBig, Detail: "more than " + MB(limit)}
	}
	return b, nil
}

// MB writes a byte count in MB (MiB) for a message.
func MB(n int64) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}
