package fonts

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"slices"
)

// CFF: the PostScript outlines of OpenType fonts such as Noto Sans CJK,
// Source Han Sans and most Japanese and Korean system faces. A PDF embeds
// them as a bare CFF program (FontFile3 /CIDFontType0C), which this file
// cuts to the glyphs a document drew.
//
// Why by hand: the Go libraries that subset CFF (tdewolff/font,
// boxesandglue/textshape) are not on the module proxy this project builds
// from, and go-text/typesetting and x/image/font/sfnt read CFF but do not
// write it. Cutting is small when the subroutines are kept in place: the
// subset keeps the font's global and local subroutine INDEXes with their
// numbering (subroutines no kept glyph calls are emptied to zero bytes, so
// a subset of a CJK face does not carry its megabytes of shared outline
// pieces), so charstrings are copied byte for byte and never
// reinterpreted. Only the calls have to be followed, to know which
// subroutines are used; a charstring that computes a subroutine number
// (arithmetic operators) keeps every subroutine.

// cff is a parsed CFF table: what a subset needs.
type cff struct {
	charStrings [][]byte
	gsubrs      [][]byte
	fds         []cffFD // one for a name-keyed font
	fdSelect    []uint8 // glyph → index into fds; nil: all 0
	matrix      []byte  // the top DICT's FontMatrix operands and operator, or nil
	bbox        []byte  // the top DICT's FontBBox, or nil
}

// cffFD is one font DICT of a CID-keyed font (or the whole of a
// name-keyed one): its private DICT and local subroutines.
type cffFD struct {
	private []dictEntry
	subrs   [][]byte
	matrix  []byte // FontMatrix of the font DICT, or nil
}

// dictEntry is one operator of a DICT with its operands, as written.
type dictEntry struct {
	op       int    // one byte, or 1200+second byte for escaped operators
	operands []byte // the encoded operands
	nums     []float64
}

// CFF DICT operators used here.
const (
	opCharset     = 15
	opCharStrings = 17
	opPrivate     = 18
	opSubrs       = 19
	opFontBBox    = 5
	opROS         = 1230
	opFontMatrix  = 1207
	opCSType      = 1206
	opCIDCount    = 1234
	opFDArray     = 1236
	opFDSelect    = 1237
)

// cffReader reads the structures of a CFF table; a read past its end
// sets err.
type cffReader struct {
	b   []byte
	err error
}

func (r *cffReader) fail(format string, a ...any) {
	if r.err == nil {
		r.err = fmt.Errorf("CFF: "+format, a...)
	}
}

// index reads the INDEX at off and returns its items and where it ends.
func (r *cffReader) index(off int) (items [][]byte, end int) {
	b := r.b
	if off < 0 || off+2 > len(b) {
		r.fail("INDEX at %d out of bounds", off)
		return nil, off
	}
	n := int(binary.BigEndian.Uint16(b[off:]))
	if n == 0 {
		return nil, off + 2
	}
	if off+3 > len(b) {
		r.fail("INDEX at %d out of bounds", off)
		return nil, off
	}
	size := int(b[off+2])
	if size < 1 || size > 4 {
		r.fail("INDEX at %d: offset size %d", off, size)
		return nil, off
	}
	offs := off + 3
	data := offs + (n+1)*size - 1 // offsets count from the byte before the data
	if data >= len(b) || data < 0 {
		r.fail("INDEX at %d out of bounds", off)
		return nil, off
	}
	at := func(i int) int {
		v := 0
		for _, c := range b[offs+i*size : offs+(i+1)*size] {
			v = v<<8 | int(c)
		}
		return data + v
	}
	items = make([][]byte, n)
	prev := at(0)
	for i := range n {
		next := at(i + 1)
		if prev < data+1 || next < prev || next > len(b) {
			r.fail("INDEX at %d: bad offsets", off)
			return nil, off
		}
		items[i] = b[prev:next:next]
		prev = next
	}
	return items, prev
}

// dict decodes a DICT into its entries.
func (r *cffReader) dict(b []byte) []dictEntry {
	var out []dictEntry
	start := 0
	var nums []float64
	for i := 0; i < len(b); {
		c := b[i]
		switch {
		case c <= 21:
			op := int(c)
			i++
			if c == 12 {
				if i >= len(b) {
					r.fail("DICT: truncated operator")
					return out
				}
				op = 1200 + int(b[i])
				i++
			}
			end := i - 1
			if op >= 1200 {
				end--
			}
			out = append(out, dictEntry{op: op, operands: b[start:end], nums: nums})
			start, nums = i, nil
		case c == 28 || c == 29: // a 16- or a 32-bit integer
			n := 2
			if c == 29 {
				n = 4
			}
			if i+1+n > len(b) {
				r.fail("DICT: truncated number")
				return out
			}
			if n == 2 {
				nums = append(nums, float64(int16(binary.BigEndian.Uint16(b[i+1:]))))
			} else {
				nums = append(nums, float64(int32(binary.BigEndian.Uint32(b[i+1:]))))
			}
			i += 1 + n
		case c == 30: // real: nibbles up to 0xf
			i++
			for i < len(b) && b[i]&0x0f != 0x0f && b[i]&0xf0 != 0xf0 {
				i++
			}
			i++
			nums = append(nums, 0) // reals are kept as written, never used as offsets
		case c >= 32 && c <= 246:
			nums = append(nums, float64(int(c)-139))
			i++
		case c >= 247 && c <= 250:
			if i+2 > len(b) {
				r.fail("DICT: truncated number")
				return out
			}
			nums = append(nums, float64((int(c)-247)*256+int(b[i+1])+108))
			i += 2
		case c >= 251 && c <= 254:
			if i+2 > len(b) {
				r.fail("DICT: truncated number")
				return out
			}
			nums = append(nums, float64(-(int(c)-251)*256-int(b[i+1])-108))
			i += 2
		default:
			r.fail("DICT: reserved byte %d", c)
			return out
		}
	}
	return out
}

func find(d []dictEntry, op int) (dictEntry, bool) {
	for _, e := range d {
		if e.op == op {
			return e, true
		}
	}
	return dictEntry{}, false
}

// offset returns the n-th operand of op as a non-negative offset or size.
func (r *cffReader) offset(d []dictEntry, op, n int) int {
	e, ok := find(d, op)
	if !ok || len(e.nums) <= n {
		r.fail("DICT: operator %d missing", op)
		return 0
	}
	v := e.nums[n]
	if v < 0 || v > float64(len(r.b)) || v != math.Trunc(v) {
		r.fail("DICT: operator %d: offset %v out of bounds", op, v)
		return 0
	}
	return int(v)
}

// parseCFF reads the CFF table of an OpenType font with numGlyphs glyphs.
func parseCFF(b []byte, numGlyphs int) (*cff, error) {
	r := &cffReader{b: b}
	if len(b) < 4 || b[0] != 1 {
		return nil, errors.New("CFF: not a CFF version 1 table (CFF2 variable fonts are not supported)")
	}
	_, end := r.index(int(b[2])) // Name INDEX
	tops, end := r.index(end)
	_, end = r.index(end) // String INDEX
	gsubrs, _ := r.index(end)
	if r.err != nil {
		return nil, r.err
	}
	if len(tops) == 0 {
		return nil, errors.New("CFF: no top DICT")
	}
	top := r.dict(tops[0])
	if e, ok := find(top, opCSType); ok && (len(e.nums) != 1 || e.nums[0] != 2) {
		return nil, errors.New("CFF: charstrings are not Type 2")
	}
	f := &cff{gsubrs: gsubrs}
	f.charStrings, _ = r.index(r.offset(top, opCharStrings, 0))
	if e, ok := find(top, opFontMatrix); ok {
		f.matrix = entryBytes(e)
	}
	if e, ok := find(top, opFontBBox); ok {
		f.bbox = entryBytes(e)
	}
	if r.err != nil {
		return nil, r.err
	}
	if len(f.charStrings) != numGlyphs {
		return nil, fmt.Errorf("CFF: %d charstrings for %d glyphs", len(f.charStrings), numGlyphs)
	}
	private := func(d []dictEntry) cffFD {
		size, off := r.offset(d, opPrivate, 0), r.offset(d, opPrivate, 1)
		if r.err != nil || off+size > len(b) {
			r.fail("private DICT out of bounds")
			return cffFD{}
		}
		fd := cffFD{private: r.dict(b[off : off+size])}
		if _, ok := find(fd.private, opSubrs); ok {
			fd.subrs, _ = r.index(off + r.offset(fd.private, opSubrs, 0))
		}
		if e, ok := find(d, opFontMatrix); ok {
			fd.matrix = entryBytes(e)
		}
		return fd
	}
	if _, cid := find(top, opROS); !cid {
		f.fds = []cffFD{private(top)}
		return f, r.err
	}
	fdDicts, _ := r.index(r.offset(top, opFDArray, 0))
	for _, d := range fdDicts {
		f.fds = append(f.fds, private(r.dict(d)))
	}
	if len(f.fds) == 0 {
		r.fail("no font DICTs")
	}
	f.fdSelect = r.fdSelect(r.offset(top, opFDSelect, 0), numGlyphs, len(f.fds))
	return f, r.err
}

// entryBytes is a DICT entry as written: operands, then operator.
func entryBytes(e dictEntry) []byte {
	b := slices.Clone(e.operands)
	if e.op >= 1200 {
		return append(b, 12, byte(e.op-1200))
	}
	return append(b, byte(e.op))
}

// fdSelect reads an FDSelect (format 0 or 3) into one FD index a glyph.
func (r *cffReader) fdSelect(off, n, nfd int) []uint8 {
	b := r.b
	out := make([]uint8, n)
	if off >= len(b) {
		r.fail("FDSelect out of bounds")
		return out
	}
	ok := func(fd int) bool {
		if fd >= nfd {
			r.fail("FDSelect names font DICT %d of %d", fd, nfd)
			return false
		}
		return true
	}
	switch b[off] {
	case 0:
		if off+1+n > len(b) {
			r.fail("FDSelect out of bounds")
			return out
		}
		for g := range n {
			if fd := int(b[off+1+g]); ok(fd) {
				out[g] = uint8(fd)
			}
		}
	case 3:
		if off+3 > len(b) {
			r.fail("FDSelect out of bounds")
			return out
		}
		nr := int(binary.BigEndian.Uint16(b[off+1:]))
		if off+3+3*nr+2 > len(b) {
			r.fail("FDSelect out of bounds")
			return out
		}
		for i := range nr {
			rec := b[off+3+3*i:]
			first, fd := int(binary.BigEndian.Uint16(rec)), int(rec[2])
			last := int(binary.BigEndian.Uint16(rec[3:]))
			if !ok(fd) {
				return out
			}
			for g := first; g < last && g < n; g++ {
				out[g] = uint8(fd)
			}
		}
	default:
		r.fail("FDSelect format %d", b[off])
	}
	return out
}

// fdOf returns the font DICT of glyph g.
func (f *cff) fdOf(g int) int {
	if f.fdSelect == nil {
		return 0
	}
	return int(f.fdSelect[g])
}

// bias is the subroutine number bias of a Type 2 charstring INDEX.
func bias(n int) int {
	switch {
	case n < 1240:
		return 107
	case n < 33900:
		return 1131
	}
	return 32768
}

// errComputed says a charstring computes what it calls: keep everything.
var errComputed = errors.New("computed subroutine number")

// uses marks the subroutines glyph g calls, directly or through others.
// It follows the charstring as a Type 2 interpreter would only as far as
// needed: numbers on the stack, the stem count (which sets the length of
// hintmask data), and the calls.
func (f *cff) uses(g int, gsubr, lsubr []bool) error {
	fd := f.fds[f.fdOf(g)]
	var stack []float64
	stems, budget := 0, 1<<16 // bytes read: a damaged font's calls could branch without end
	var run func(cs []byte, depth int) (end bool, err error)
	run = func(cs []byte, depth int) (bool, error) {
		if depth > 10 {
			return false, errors.New("subroutines nested too deep")
		}
		if budget -= len(cs); budget < 0 {
			return false, errors.New("charstring too long")
		}
		for i := 0; i < len(cs); {
			c := cs[i]
			switch {
			case c == 28:
				if i+3 > len(cs) {
					return false, errors.New("truncated charstring")
				}
				stack = append(stack, float64(int16(binary.BigEndian.Uint16(cs[i+1:]))))
				i += 3
				continue
			case c >= 32 && c <= 246:
				stack = append(stack, float64(int(c)-139))
				i++
				continue
			case c >= 247 && c <= 250:
				if i+2 > len(cs) {
					return false, errors.New("truncated charstring")
				}
				stack = append(stack, float64((int(c)-247)*256+int(cs[i+1])+108))
				i += 2
				continue
			case c >= 251 && c <= 254:
				if i+2 > len(cs) {
					return false, errors.New("truncated charstring")
				}
				stack = append(stack, float64(-(int(c)-251)*256-int(cs[i+1])-108))
				i += 2
				continue
			case c == 255: // 16.16 fixed: never a subroutine number
				if i+5 > len(cs) {
					return false, errors.New("truncated charstring")
				}
				stack = append(stack, math.NaN())
				i += 5
				continue
			}
			i++
			switch c {
			case 1, 3, 18, 23: // hstem vstem hstemhm vstemhm
				stems += len(stack) / 2
				stack = stack[:0]
			case 19, 20: // hintmask cntrmask: an implied vstem first
				stems += len(stack) / 2
				stack = stack[:0]
				i += (stems + 7) / 8
			case 10, 29: // callsubr callgsubr
				if len(stack) == 0 {
					return false, errors.New("call with an empty stack")
				}
				v := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				subrs, used := fd.subrs, lsubr
				if c == 29 {
					subrs, used = f.gsubrs, gsubr
				}
				if math.IsNaN(v) {
					return false, errComputed
				}
				n := int(v) + bias(len(subrs))
				if n < 0 || n >= len(subrs) {
					return false, fmt.Errorf("call of subroutine %d of %d", n, len(subrs))
				}
				used[n] = true
				end, err := run(subrs[n], depth+1)
				if end || err != nil {
					return end, err
				}
			case 11: // return
				return false, nil
			case 14: // endchar
				return true, nil
			case 12:
				if i < len(cs) {
					if e := cs[i]; e < 34 || e > 37 { // anything but flex computes or stores
						return false, errComputed
					}
				}
				i++
				stack = stack[:0]
			default:
				stack = stack[:0]
			}
		}
		return false, nil
	}
	_, err := run(f.charStrings[g], 0)
	return err
}

// subset writes a CID-keyed CFF whose glyph i (i ≥ 1) is the font's glyph
// glyphs[i] with CID cids[i]; glyph 0 is .notdef. Subroutines keep their
// numbers; those no kept glyph calls are emptied.
func (f *cff) subset(name string, glyphs []int, cids []uint16) []byte {
	gsubr := make([]bool, len(f.gsubrs))
	lsubr := make([][]bool, len(f.fds))
	for i, fd := range f.fds {
		lsubr[i] = make([]bool, len(fd.subrs))
	}
	all := false
	for _, g := range glyphs {
		if err := f.uses(g, gsubr, lsubr[f.fdOf(g)]); err != nil {
			all = true // keep every subroutine: the font draws as it always did
			break
		}
	}
	keep := func(items [][]byte, used []bool) [][]byte {
		out := make([][]byte, len(items))
		empty := true
		for i, it := range items {
			if all || used[i] {
				out[i] = it
				empty = empty && len(it) == 0
			}
		}
		if empty && len(out) > 0 {
			// FreeType (MuPDF, poppler) refuses a font whose local
			// Subrs INDEX holds no data at all: one subroutine, never
			// called, keeps a "return"
			out[len(out)-1] = []byte{11}
		}
		return out
	}

	// FDs in use, renumbered in order
	fdNew := make([]int, len(f.fds))
	var fds []int
	for i := range fdNew {
		fdNew[i] = -1
	}
	sel := make([]uint8, len(glyphs))
	for i, g := range glyphs {
		fd := f.fdOf(g)
		if fdNew[fd] < 0 {
			fdNew[fd] = len(fds)
			fds = append(fds, fd)
		}
		sel[i] = uint8(fdNew[fd])
	}

	var cs [][]byte
	for _, g := range glyphs {
		cs = append(cs, f.charStrings[g])
	}

	// Layout: header, Name, Top DICT, String, Global Subrs, then at known
	// offsets charset, FDSelect, CharStrings, FDArray, private DICTs
	// with their local subroutines. The top DICT's offsets are written as
	// five-byte integers so its size does not depend on them.
	header := []byte{1, 0, 4, 4}
	names := writeIndex([][]byte{[]byte(name)})
	strs := writeIndex([][]byte{[]byte("Adobe"), []byte("Identity")})
	gsubrIdx := writeIndex(keep(f.gsubrs, gsubr))

	charset := []byte{2} // format 2: ranges of CIDs, 16-bit counts
	for i := 1; i < len(cids); {
		j := i
		for j+1 < len(cids) && cids[j+1] == cids[j]+1 && j-i < 0xFFFF {
			j++
		}
		charset = binary.BigEndian.AppendUint16(charset, cids[i])
		charset = binary.BigEndian.AppendUint16(charset, uint16(j-i))
		i = j + 1
	}
	fdSel := []byte{3, 0, 0} // format 3
	nr := 0
	for i := range sel {
		if i == 0 || sel[i] != sel[i-1] {
			fdSel = binary.BigEndian.AppendUint16(fdSel, uint16(i))
			fdSel = append(fdSel, sel[i])
			nr++
		}
	}
	binary.BigEndian.PutUint16(fdSel[1:], uint16(nr))
	fdSel = binary.BigEndian.AppendUint16(fdSel, uint16(len(sel)))
	csIdx := writeIndex(cs)

	top := func(charsetAt, fdSelAt, csAt, fdArrayAt int) []byte {
		var d []byte
		d = append(d, dictInt(391)...)
		d = append(d, dictInt(392)...)
		d = append(d, dictInt(0)...)
		d = append(d, 12, 30) // ROS Adobe Identity 0
		if f.matrix != nil {
			d = append(d, f.matrix...)
		}
		if f.bbox != nil {
			d = append(d, f.bbox...)
		}
		d = append(append(d, dictInt(len(cids))...), 12, 34) // CIDCount
		d = append(append(d, dictInt5(charsetAt)...), opCharset)
		d = append(append(d, dictInt5(csAt)...), opCharStrings)
		d = append(append(d, dictInt5(fdArrayAt)...), 12, 36)
		d = append(append(d, dictInt5(fdSelAt)...), 12, 37)
		return d
	}
	topSize := len(writeIndex([][]byte{top(0, 0, 0, 0)}))
	charsetAt := len(header) + len(names) + topSize + len(strs) + len(gsubrIdx)
	fdSelAt := charsetAt + len(charset)
	csAt := fdSelAt + len(fdSel)
	fdArrayAt := csAt + len(csIdx)

	// private DICTs: Subrs, when kept, right after each private DICT
	type priv struct{ dict, subrs []byte }
	privs := make([]priv, len(fds))
	for i, old := range fds {
		fd := f.fds[old]
		var d []byte
		for _, e := range fd.private {
			if e.op == opSubrs {
				continue
			}
			d = append(d, entryBytes(e)...)
		}
		if len(fd.subrs) > 0 {
			privs[i].subrs = writeIndex(keep(fd.subrs, lsubr[old]))
			d = append(append(d, dictInt5(len(d)+6)...), opSubrs) // the subrs follow this DICT
		}
		privs[i].dict = d
	}
	fdDict := func(i, privAt int) []byte {
		var d []byte
		if m := f.fds[fds[i]].matrix; m != nil {
			d = append(d, m...)
		}
		d = append(d, dictInt5(len(privs[i].dict))...)
		return append(append(d, dictInt5(privAt)...), opPrivate)
	}
	fdItems := make([][]byte, len(fds))
	for i := range fds {
		fdItems[i] = fdDict(i, 0)
	}
	at := fdArrayAt + len(writeIndex(fdItems))
	for i := range fds {
		fdItems[i] = fdDict(i, at)
		at += len(privs[i].dict) + len(privs[i].subrs)
	}

	out := make([]byte, 0, at)
	out = append(out, header...)
	out = append(out, names...)
	out = append(out, writeIndex([][]byte{top(charsetAt, fdSelAt, csAt, fdArrayAt)})...)
	out = append(out, strs...)
	out = append(out, gsubrIdx...)
	out = append(out, charset...)
	out = append(out, fdSel...)
	out = append(out, csIdx...)
	out = append(out, writeIndex(fdItems)...)
	for _, p := range privs {
		out = append(out, p.dict...)
		out = append(out, p.subrs...)
	}
	return out
}

// writeIndex encodes a CFF INDEX with the smallest offset size.
func writeIndex(items [][]byte) []byte {
	if len(items) == 0 {
		return []byte{0, 0}
	}
	total := 1
	for _, it := range items {
		total += len(it)
	}
	size := 1
	for total >= 1<<(8*size) {
		size++
	}
	out := make([]byte, 3, 3+(len(items)+1)*size+total)
	binary.BigEndian.PutUint16(out, uint16(len(items)))
	out[2] = byte(size)
	put := func(v int) {
		for k := size - 1; k >= 0; k-- {
			out = append(out, byte(v>>(8*k)))
		}
	}
	off := 1
	put(off)
	for _, it := range items {
		off += len(it)
		put(off)
	}
	for _, it := range items {
		out = append(out, it...)
	}
	return out
}

// dictInt encodes an integer DICT operand in its shortest form.
func dictInt(v int) []byte {
	switch {
	case v >= -107 && v <= 107:
		return []byte{byte(v + 139)}
	case v >= 108 && v <= 1131:
		v -= 108
		return []byte{byte(v>>8 + 247), byte(v)}
	case v >= -1131 && v <= -108:
		v = -v - 108
		return []byte{byte(v>>8 + 251), byte(v)}
	case v >= -32768 && v <= 32767:
		return []byte{28, byte(v >> 8), byte(v)}
	}
	return dictInt5(v)
}

// dictInt5 encodes an integer DICT operand in five bytes.
func dictInt5(v int) []byte {
	return []byte{29, byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}
}
