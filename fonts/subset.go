package fonts

import (
	"encoding/binary"
	"fmt"
	"slices"
	"sort"
)

// Subsetting: a PDF embeds each face cut to the glyphs it draws (see
// Embedding), written from the tables parsed once per process.
//
// Why by hand: the Go subsetters available (tdewolff/font) rebuild the
// cmap from each glyph's single reverse mapping, which drops code points
// that share a glyph, and fonttools is Python. TrueType subsetting with
// glyf outlines is small and fully specified: copy the glyphs (following
// composite glyphs' components), renumber them, and write loca, hmtx, a
// format 4 cmap, and head/hhea/maxp with the new counts.

// glyph returns the outline data of glyph g.
func (s *sfnt) glyph(g int) []byte {
	a, b := s.loca[g], s.loca[g+1]
	glyf := s.tables["glyf"]
	if a >= b || int(b) > len(glyf) {
		return nil
	}
	return glyf[a:b]
}

// Composite glyph flags (OpenType glyf table).
const (
	argsAreWords    = 0x0001
	haveScale       = 0x0008
	moreComponents  = 0x0020
	haveXYScale     = 0x0040
	haveTwoByTwo    = 0x0080
	compositeHeader = 10
)

// components calls fn with the offset of each component's glyph index in
// a composite glyph's data.
func components(data []byte, fn func(at int)) {
	if len(data) < compositeHeader || int16(binary.BigEndian.Uint16(data)) >= 0 {
		return
	}
	for at := compositeHeader; at+4 <= len(data); {
		flags := binary.BigEndian.Uint16(data[at:])
		fn(at + 2)
		at += 4
		if flags&argsAreWords != 0 {
			at += 4
		} else {
			at += 2
		}
		switch {
		case flags&haveScale != 0:
			at += 2
		case flags&haveXYScale != 0:
			at += 4
		case flags&haveTwoByTwo != 0:
			at += 8
		}
		if flags&moreComponents == 0 {
			return
		}
	}
}

// Subset returns a TrueType font with only the glyphs of runes (and
// .notdef, and the components of composite glyphs), renumbered, with a
// cmap for exactly those runes that the face has (see cmapOf); for a face
// with CFF outlines, a bare CID-keyed CFF program of those glyphs. Widths and
// metrics are the face's, so layout measured what the subset draws.
func (f *Face) Subset(runes []rune) ([]byte, error) {
	s, err := f.sfnt()
	if err != nil {
		return nil, fmt.Errorf("fonts: subset %s: %w", f.Family, err)
	}
	rs := slices.Clone(runes)
	slices.Sort(rs)
	rs = slices.Compact(rs)
	// Keep the face's own glyph order (similar glyphs stay together, so
	// the font stream compresses as well as the original's would).
	glyphs := []int{0}
	var mapped []rune
	for _, r := range rs {
		if g := s.glyphOf(r); g != 0 {
			glyphs = append(glyphs, g)
			mapped = append(mapped, r)
		}
	}
	slices.Sort(glyphs)
	glyphs = slices.Compact(glyphs)
	if s.cff != nil { // a bare CFF program, glyph i with CID i
		cids := make([]uint16, len(glyphs))
		for i := range cids {
			cids[i] = uint16(i)
		}
		return s.cff.subset(psName(f.Family), glyphs, cids), nil
	}
	return s.cut(glyphs, mapped), nil
}

// glyphOf returns the face's glyph for r, 0 if none.
func (s *sfnt) glyphOf(r rune) int {
	if r > 0xFFFF {
		return int(s.sup[r].gid)
	}
	if r <= 0 || r == 0xFFFF {
		return 0
	}
	return int(s.gid[r])
}

// cut writes a TrueType font whose glyph i is the face's glyph glyphs[i]
// (-1 for an empty one), followed by the components of composite glyphs
// not among them, with a cmap mapping each of runes to its new glyph.
func (s *sfnt) cut(glyphs []int, runes []rune) []byte {
	be := binary.BigEndian
	newID := make([]int32, s.numGlyphs) // face glyph → new glyph + 1
	for i, g := range glyphs {
		if g >= 0 && newID[g] == 0 {
			newID[g] = int32(i + 1)
		}
	}
	glyphs = slices.Clone(glyphs)
	size := 0
	for i := 0; i < len(glyphs); i++ { // glyphs grows with components
		if glyphs[i] < 0 {
			continue
		}
		data := s.glyph(glyphs[i])
		size += (len(data) + 3) &^ 3
		components(data, func(at int) {
			if c := int(be.Uint16(data[at:])); c < s.numGlyphs && newID[c] == 0 {
				glyphs = append(glyphs, c)
				newID[c] = int32(len(glyphs))
			}
		})
	}
	n := len(glyphs)

	// glyf and loca (long offsets), hmtx with one metric per glyph
	glyf := make([]byte, 0, size)
	loca := make([]byte, 4*(n+1))
	hmtx := make([]byte, 4*n)
	oldH := s.tables["hmtx"]
	for i, g := range glyphs {
		be.PutUint32(loca[4*i:], uint32(len(glyf)))
		if g < 0 {
			continue // empty: no outline, no advance
		}
		data := s.glyph(g)
		start := len(glyf)
		glyf = append(glyf, data...)
		components(data, func(at int) {
			if old := int(be.Uint16(data[at:])); old < s.numGlyphs {
				be.PutUint16(glyf[start+at:], uint16(newID[old]-1))
			}
		})
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
		m := min(g, s.numHMetrics-1)
		copy(hmtx[4*i:], oldH[4*m:4*m+2]) // advance
		lsb := 4*s.numHMetrics + 2*(g-s.numHMetrics)
		if g < s.numHMetrics {
			lsb = 4*g + 2
		}
		copy(hmtx[4*i+2:], oldH[lsb:lsb+2])
	}
	be.PutUint32(loca[4*n:], uint32(len(glyf)))

	head := slices.Clone(s.tables["head"])
	be.PutUint32(head[8:], 0)  // checkSumAdjustment, set below
	be.PutUint16(head[50:], 1) // long loca
	hhea := slices.Clone(s.tables["hhea"])
	be.PutUint16(hhea[34:], uint16(n))
	maxp := slices.Clone(s.tables["maxp"])
	be.PutUint16(maxp[4:], uint16(n))
	post := slices.Clone(s.tables["post"][:32])
	be.PutUint32(post, 0x00030000) // no glyph names

	gidOf := func(r rune) uint16 { return uint16(max(newID[s.glyphOf(r)]-1, 0)) }
	tables := map[string][]byte{
		"head": head, "hhea": hhea, "maxp": maxp, "post": post,
		"OS/2": s.tables["OS/2"], "name": shortName(s.tables["name"]),
		"cmap": cmapOf(runes, gidOf), "hmtx": hmtx, "loca": loca, "glyf": glyf,
	}
	out, sum := assemble(tables)
	// checkSumAdjustment makes the whole file sum to 0xB1B0AFBA.
	hoff := tableOffset(out, "head")
	be.PutUint32(out[hoff+8:], 0xB1B0AFBA-sum)
	return out
}

// cmapOf writes a cmap mapping runes (sorted) to their glyphs: one format
// 4 subtable (Windows, Unicode BMP) for those in the BMP and, when there
// are others (𨋢 U+282E2), a format 12 subtable (Windows, Unicode full
// repertoire) for all of them, as OpenType asks of a face with
// supplementary characters. A subset of BMP characters only has the same
// bytes as before there was a format 12.
func cmapOf(runes []rune, gid func(rune) uint16) []byte {
	i, _ := slices.BinarySearch(runes, 0x10000)
	if i == len(runes) {
		return cmap4(runes, gid)
	}
	sub4 := cmap4(runes[:i], gid)[12:]
	sub12 := format12(runes, gid)
	be := binary.BigEndian
	cmap := make([]byte, 20, 20+len(sub4)+len(sub12))
	be.PutUint16(cmap[2:], 2)  // two encoding records, sorted by platform and encoding
	be.PutUint16(cmap[4:], 3)  // Windows
	be.PutUint16(cmap[6:], 1)  // Unicode BMP
	be.PutUint32(cmap[8:], 20) // the format 4 subtable
	be.PutUint16(cmap[12:], 3) // Windows
	be.PutUint16(cmap[14:], 10)
	be.PutUint32(cmap[16:], uint32(20+len(sub4)))
	return append(append(cmap, sub4...), sub12...)
}

// format12 writes a format 12 cmap subtable mapping runes (sorted) to
// their glyphs, in groups of consecutive runes and glyphs.
func format12(runes []rune, gid func(rune) uint16) []byte {
	type group struct{ start, end, g uint32 }
	var groups []group
	for _, r := range runes {
		g := uint32(gid(r))
		if k := len(groups) - 1; k >= 0 && uint32(r) == groups[k].end+1 && g == groups[k].g+uint32(r)-groups[k].start {
			groups[k].end = uint32(r)
			continue
		}
		groups = append(groups, group{uint32(r), uint32(r), g})
	}
	be := binary.BigEndian
	sub := make([]byte, 16+12*len(groups))
	be.PutUint16(sub[0:], 12)
	be.PutUint32(sub[4:], uint32(len(sub)))
	be.PutUint32(sub[12:], uint32(len(groups)))
	for i, g := range groups {
		be.PutUint32(sub[16+12*i:], g.start)
		be.PutUint32(sub[20+12*i:], g.end)
		be.PutUint32(sub[24+12*i:], g.g)
	}
	return sub
}

// cmap4 writes a cmap with one format 4 subtable (Windows, Unicode BMP)
// mapping runes (sorted, all in the BMP) to their glyphs.
func cmap4(runes []rune, gid func(rune) uint16) []byte {
	type seg struct{ start, end, delta uint16 }
	var segs []seg
	for _, r := range runes {
		g := gid(r)
		if k := len(segs) - 1; k >= 0 && uint16(r) == segs[k].end+1 && g == uint16(r)+segs[k].delta {
			segs[k].end = uint16(r)
			continue
		}
		segs = append(segs, seg{uint16(r), uint16(r), g - uint16(r)})
	}
	segs = append(segs, seg{0xFFFF, 0xFFFF, 1})
	be := binary.BigEndian
	nseg := len(segs)
	sub := make([]byte, 16+8*nseg)
	be.PutUint16(sub[0:], 4)
	be.PutUint16(sub[2:], uint16(len(sub)))
	be.PutUint16(sub[6:], uint16(2*nseg))
	p := 1
	for p*2 <= nseg {
		p *= 2
	}
	be.PutUint16(sub[8:], uint16(2*p))         // searchRange
	be.PutUint16(sub[10:], uint16(log2(p)))    // entrySelector
	be.PutUint16(sub[12:], uint16(2*nseg-2*p)) // rangeShift
	for i, s := range segs {
		be.PutUint16(sub[14+2*i:], s.end)
		be.PutUint16(sub[16+2*nseg+2*i:], s.start)
		be.PutUint16(sub[16+4*nseg+2*i:], s.delta)
		// idRangeOffset stays 0
	}
	cmap := make([]byte, 12, 12+len(sub))
	be.PutUint16(cmap[2:], 1) // one encoding record
	be.PutUint16(cmap[4:], 3) // Windows
	be.PutUint16(cmap[6:], 1) // Unicode BMP
	be.PutUint32(cmap[8:], 12)
	return append(cmap, sub...)
}

func log2(n int) int {
	k := 0
	for n > 1 {
		n >>= 1
		k++
	}
	return k
}

// assemble writes an sfnt file with its tables in tag order, each at a
// four-byte boundary, with checksums, and returns the checksum of the
// whole file: the directory's plus the tables' (each starts at a
// multiple of four and is padded with zeros), without reading it again.
func assemble(tables map[string][]byte) (out []byte, sum uint32) {
	be := binary.BigEndian
	tags := make([]string, 0, len(tables))
	for t := range tables {
		tags = append(tags, t)
	}
	sort.Strings(tags)
	n := len(tags)
	p := 1
	for p*2 <= n {
		p *= 2
	}
	size := 12 + 16*n
	for _, t := range tags {
		size += (len(tables[t]) + 3) &^ 3
	}
	out = make([]byte, 12+16*n, size)
	be.PutUint32(out, 0x00010000)
	be.PutUint16(out[4:], uint16(n))
	be.PutUint16(out[6:], uint16(16*p))
	be.PutUint16(out[8:], uint16(log2(p)))
	be.PutUint16(out[10:], uint16(16*n-16*p))
	for i, t := range tags {
		data := tables[t]
		rec := out[12+16*i:]
		copy(rec, t)
		c := checksum(data)
		sum += c
		be.PutUint32(rec[4:], c)
		be.PutUint32(rec[8:], uint32(len(out)))
		be.PutUint32(rec[12:], uint32(len(data)))
		out = append(out, data...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
	}
	return out, sum + checksum(out[:12+16*n])
}

func tableOffset(font []byte, tag string) int {
	be := binary.BigEndian
	for i, n := 0, int(be.Uint16(font[4:])); i < n; i++ {
		rec := font[12+16*i:]
		if string(rec[:4]) == tag {
			return int(be.Uint32(rec[8:]))
		}
	}
	return -1
}

// checksum is the OpenType table checksum: the sum of the big-endian
// 32-bit words of b, the last one padded with zeros.
func checksum(b []byte) uint32 {
	var sum uint32
	n := len(b) &^ 3
	for i := 0; i < n; i += 4 {
		sum += binary.BigEndian.Uint32(b[i:])
	}
	if n < len(b) {
		var w [4]byte
		copy(w[:], b[n:])
		sum += binary.BigEndian.Uint32(w[:])
	}
	return sum
}

// shortName keeps the name records a subset needs (IDs 0–6: copyright,
// family, subfamily, unique ID, full name, version, PostScript name), as
// fonttools' pyftsubset does by default; the licence text and URLs of
// IDs 13 and 14 are a kilobyte per face of every PDF. A table it cannot
// read is kept whole.
func shortName(name []byte) []byte {
	be := binary.BigEndian
	if len(name) < 6 || be.Uint16(name) != 0 {
		return name
	}
	count, storage := int(be.Uint16(name[2:])), int(be.Uint16(name[4:]))
	if 6+12*count > len(name) || storage > len(name) {
		return name
	}
	var recs, strs []byte
	for i := range count {
		rec := name[6+12*i : 18+12*i]
		if be.Uint16(rec[6:]) > 6 {
			continue
		}
		length, off := int(be.Uint16(rec[8:])), storage+int(be.Uint16(rec[10:]))
		if off+length > len(name) {
			return name
		}
		r := slices.Clone(rec)
		be.PutUint16(r[10:], uint16(len(strs)))
		strs = append(strs, name[off:off+length]...)
		recs = append(recs, r...)
	}
	n := len(recs) / 12
	out := make([]byte, 6, 6+len(recs)+len(strs))
	be.PutUint16(out[2:], uint16(n))
	be.PutUint16(out[4:], uint16(6+12*n))
	return append(append(out, recs...), strs...)
}
