package fonts

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf16"
)

// maxFontSize bounds a user font file; a CJK collection is 20–30 MB.
const maxFontSize = 64 << 20

// Open reads a font a user supplies: a TrueType (.ttf) or OpenType with
// CFF outlines (.otf) file, or one face of a collection (.ttc, .otc)
// chosen by a "#" after the path — its index ("msyh.ttc#1") or its family
// or full name ("NotoSansCJK-Regular.ttc#Noto Sans CJK HK"). Without a
// choice a collection gives its first face. The face is named in the PDF
// by its PostScript name.
//
// Web fonts, Type 1 and variable fonts are refused with a message that
// says why and what to use instead. A file opened again (the same path,
// size and modification time) gives the same Face, parsed once per
// process.
func Open(spec string) (*Face, error) { return openSpec(spec, false) }

// openSpec is Open; an installed font (installed: found by Find) is mapped
// into memory rather than read, see readFont.
func openSpec(spec string, installed bool) (*Face, error) {
	path, choice := spec, ""
	if _, err := os.Stat(path); err != nil {
		if i := strings.LastIndexByte(spec, '#'); i > 0 {
			path, choice = spec[:i], spec[i+1:]
		}
	}
	st, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	key := opened{path, choice, st.Size(), st.ModTime()}
	openMu.Lock()
	defer openMu.Unlock()
	if f, ok := openFaces[key]; ok {
		return f, nil
	}
	f, err := open(path, choice, installed)
	if err != nil {
		return nil, err
	}
	openFaces[key] = f
	return f, nil
}

type opened struct {
	path, choice string
	size         int64
	mod          time.Time
}

var (
	openMu    sync.Mutex
	openFaces = map[opened]*Face{}
	openFiles = map[opened][]byte{} // by path, size and time (choice ""): a collection's faces share its bytes
)

// readFont reads a font file (at most maxFontSize+1 bytes: more is refused
// by the caller) once per process, whichever of a collection's faces is
// opened: the regular, bold and black faces of a CJK family are often one
// 20–30 MB .ttc each, or one file for all. The buffer is allocated at the
// file's size, not grown by doubling as io.ReadAll does, which cleared
// and copied three times the file. An installed font is mapped into
// memory instead (on Unix; read elsewhere), so that the pages of it that
// a build never touches are never read: an installed file is replaced,
// not written over, by a package upgrade, whereas a font a user keeps
// beside the report may be overwritten in place while watch runs, which
// would fault a mapping. Called with openMu held.
func readFont(path string, installed bool) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	key := opened{path: path, size: st.Size(), mod: st.ModTime()}
	if b, ok := openFiles[key]; ok {
		return b, nil
	}
	if installed && st.Mode().IsRegular() && st.Size() > 0 && st.Size() <= maxFontSize {
		if b, err := mapFile(f, st.Size()); err == nil {
			openFiles[key] = b
			return b, nil
		}
	}
	var buf bytes.Buffer
	if st.Mode().IsRegular() && st.Size() <= maxFontSize {
		buf.Grow(int(st.Size()) + bytes.MinRead) // ReadFrom wants MinRead free to stop
	}
	if _, err := buf.ReadFrom(io.LimitReader(f, maxFontSize+1)); err != nil {
		return nil, err
	}
	b := buf.Bytes()
	if st.Mode().IsRegular() && int64(len(b)) == st.Size() {
		openFiles[key] = b
	}
	return b, nil
}

func open(path, choice string, installed bool) (*Face, error) {
	base := filepath.Base(path)
	b, err := readFont(path, installed)
	if err != nil {
		return nil, err
	}
	if len(b) > maxFontSize {
		return nil, fmt.Errorf("%s is larger than %d MB; is it a font?", base, maxFontSize>>20)
	}
	if err := sniff(b); err != nil {
		return nil, fmt.Errorf("%s: %w", base, err)
	}
	dirs := []int{0}
	if string(b[:4]) == "ttcf" {
		if dirs, err = collection(b); err != nil {
			return nil, fmt.Errorf("%s: %w; copy or download it again", base, err)
		}
	} else if choice != "" && choice != "0" {
		return nil, fmt.Errorf("%s holds one face, so #%s cannot choose one; leave it out", base, choice)
	}
	dir, err := choose(b, dirs, choice)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", base, err)
	}
	tables, err := tableDir(b, dir)
	if err != nil {
		return nil, fmt.Errorf("%s is not a usable font, damaged or cut short (%w); copy or download it again", base, err)
	}
	if tables["fvar"] != nil || tables["CFF2"] != nil {
		return nil, fmt.Errorf("%s is a variable font, whose weight the PDF cannot fix; use a static face of the weight you want (most families ship them, e.g. Noto Sans CJK's .otf or .ttc files), or make one with fonttools: fonttools varLib.instancer %s wght=400", base, base)
	}
	names := nameRecords(tables["name"])
	family := names[6]
	if family == "" {
		family = strings.TrimSuffix(base, filepath.Ext(base))
	}
	face := &Face{Family: family, ttf: b, dir: dir}
	if _, err := face.sfnt(); err != nil {
		return nil, fmt.Errorf("%s is not a usable font, damaged or cut short (%w); copy or download it again", base, err)
	}
	return face, nil
}

// collection returns where each face's table directory starts in a
// TrueType/OpenType Collection.
func collection(b []byte) ([]int, error) {
	be := binary.BigEndian
	if len(b) < 12 {
		return nil, errors.New("the collection's header is cut short")
	}
	n := int(be.Uint32(b[8:]))
	if n == 0 || 12+4*n > len(b) {
		return nil, errors.New("the collection's header is damaged")
	}
	dirs := make([]int, n)
	for i := range dirs {
		dirs[i] = int(be.Uint32(b[12+4*i:]))
	}
	return dirs, nil
}

// choose picks the face named by choice (an index or a name) among dirs.
func choose(b []byte, dirs []int, choice string) (int, error) {
	if choice == "" {
		return dirs[0], nil
	}
	if i, err := strconv.Atoi(choice); err == nil {
		if i < 0 || i >= len(dirs) {
			return 0, fmt.Errorf("#%d: the collection holds faces 0 to %d", i, len(dirs)-1)
		}
		return dirs[i], nil
	}
	var all []string
	for _, d := range dirs {
		tables, err := tableDir(b, d)
		if err != nil {
			continue
		}
		names := nameRecords(tables["name"])
		for _, id := range []int{4, 6, 16, 1} {
			if strings.EqualFold(names[id], choice) {
				return d, nil
			}
		}
		if n := names[4]; n != "" {
			all = append(all, n)
		}
	}
	return 0, fmt.Errorf("no face named %q in the collection; it holds: %s", choice, strings.Join(all, ", "))
}

// Names of a face from its name table, by name ID: 1 family, 2 subfamily,
// 4 full name, 6 PostScript name, 16 typographic family. Windows Unicode
// records in English come first, then any Windows record, then Mac Roman.
func nameRecords(name []byte) map[int]string {
	out := map[int]string{}
	be := binary.BigEndian
	if len(name) < 6 {
		return out
	}
	count, storage := int(be.Uint16(name[2:])), int(be.Uint16(name[4:]))
	rank := map[int]int{}
	for i := range count {
		if 6+12*i+12 > len(name) {
			break
		}
		rec := name[6+12*i:]
		pid, eid, lang, id := be.Uint16(rec), be.Uint16(rec[2:]), be.Uint16(rec[4:]), int(be.Uint16(rec[6:]))
		length, off := int(be.Uint16(rec[8:])), storage+int(be.Uint16(rec[10:]))
		if off+length > len(name) {
			continue
		}
		raw := name[off : off+length]
		var s string
		r := 0
		switch {
		case pid == 3 && (eid == 1 || eid == 10) && length%2 == 0:
			u := make([]uint16, length/2)
			for k := range u {
				u[k] = be.Uint16(raw[2*k:])
			}
			s, r = string(utf16.Decode(u)), 2
			if lang == 0x409 {
				r = 3
			}
		case pid == 1 && eid == 0:
			s, r = string(raw), 1 // ASCII in practice
		default:
			continue
		}
		if r > rank[id] {
			out[id], rank[id] = s, r
		}
	}
	return out
}

// sniff tells what kind of font file this is from its first bytes.
func sniff(b []byte) error {
	if len(b) < 4 {
		return fmt.Errorf("the file is empty or too short to be a font")
	}
	switch tag := string(b[:4]); {
	case binary.BigEndian.Uint32(b) == 0x00010000 || tag == "true" || tag == "OTTO" || tag == "ttcf":
		return nil
	case tag == "wOFF" || tag == "wOF2":
		return fmt.Errorf("a web font (WOFF) cannot be embedded; use the font's .ttf or .otf release")
	case bytes.HasPrefix(b, []byte("%!PS")) || bytes.HasPrefix(b, []byte{0x80, 0x01}):
		return fmt.Errorf("a PostScript Type 1 font cannot be used; use an OpenType (.otf, .ttf) font")
	}
	return fmt.Errorf("not a font file (a .ttf, .otf, .ttc or .otc font is needed)")
}
