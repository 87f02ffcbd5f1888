package main

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"os"
	"path/filepath"
	"runtime/debug"
	"slices"
	"strconv"

	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/internal/cachedir"
	"github.com/brochure-dev/brochure/internal/pdffile"
)

// diskCache keeps compressed font programs in a folder between runs of
// brochure, in front of fonts.Programs: rebuilding a report after an edit
// (one brochure build per save, from an editor or a script) then skips
// compressing fonts whose characters did not change, 5 of the 40 ms a
// build of the sample takes. A file is used only when its seal matches
// (see Get); anything wrong with the folder (not writable, full, damaged
// files) only makes builds compress again.
type diskCache struct {
	dir  string
	next fonts.Cache
}

// maxCached is how many programs the folder keeps (about 100 KB each).
const maxCached = 64

// openCache returns the cache in BROCHURE_CACHE (a folder, or "off"), by
// default in the user's cache folder (~/.cache/brochure on Linux), or nil
// when there is none.
// Its subfolder names this build of brochure and its compressor, since
// another version may compress the same program to other bytes, and a
// build must not depend on which version filled the cache.
func openCache(next fonts.Cache) *diskCache {
	dir := cachedir.Dir()
	if dir == "" {
		return nil
	}
	id := version + " zlib " + strconv.Itoa(pdffile.Level)
	if bi, ok := debug.ReadBuildInfo(); ok {
		for _, m := range bi.Deps {
			if m.Path == "github.com/klauspost/compress" {
				id += " " + m.Version + " " + m.Sum
			}
		}
	}
	h := sha256.Sum256([]byte(id))
	// the folder is made by the first Put: commands that embed no font
	// (version, validate, …) leave no trace
	return &diskCache{dir: filepath.Join(dir, "fonts-"+hex.EncodeToString(h[:6])), next: next}
}

func (c *diskCache) path(key [32]byte) string {
	return filepath.Join(c.dir, hex.EncodeToString(key[:])+".z")
}

// A file is the SHA-256 of the key and the compressed program, then the
// compressed program: a file cut short, damaged, or under another
// program's name does not match, and checking that costs a tenth of
// inflating the program.
func (c *diskCache) Get(key [32]byte) ([]byte, bool) {
	if c.next != nil {
		if z, ok := c.next.Get(key); ok {
			return z, true
		}
	}
	b, err := os.ReadFile(c.path(key))
	if err != nil {
		return nil, false
	}
	if len(b) < sha256.Size || [32]byte(b[:sha256.Size]) != seal(key, b[sha256.Size:]) {
		os.Remove(c.path(key))
		return nil, false
	}
	z := b[sha256.Size:]
	if c.next != nil {
		c.next.Put(key, z)
	}
	return z, true
}

func seal(key [32]byte, z []byte) [32]byte {
	h := sha256.New()
	h.Write(key[:])
	h.Write(z)
	return [32]byte(h.Sum(nil))
}

func (c *diskCache) Put(key [32]byte, z []byte) {
	if c.next != nil {
		c.next.Put(key, z)
	}
	if os.MkdirAll(c.dir, 0o755) != nil {
		return
	}
	tmp, err := os.CreateTemp(c.dir, ".*.tmp")
	if err != nil {
		return
	}
	temps.add(tmp.Name()) // a signal removes it, as it does a PDF's
	s := seal(key, z)
	_, err = tmp.Write(append(s[:], z...))
	cerr := tmp.Close()
	if temps.remove(tmp.Name(), func() error {
		if err != nil || cerr != nil {
			return errors.Join(err, cerr)
		}
		return os.Rename(tmp.Name(), c.path(key))
	}) != nil {
		return
	}
	c.trim()
}

// trim removes the oldest programs beyond maxCached.
func (c *diskCache) trim() {
	entries, err := os.ReadDir(c.dir)
	if err != nil || len(entries) <= maxCached {
		return
	}
	type file struct {
		name string
		mod  int64
	}
	var files []file
	for _, e := range entries {
		if info, err := e.Info(); err == nil && filepath.Ext(e.Name()) == ".z" {
			files = append(files, file{e.Name(), info.ModTime().UnixNano()})
		}
	}
	slices.SortFunc(files, func(a, b file) int { return int(a.mod - b.mod) })
	for _, f := range files[:max(0, len(files)-maxCached)] {
		os.Remove(filepath.Join(c.dir, f.name))
	}
}
