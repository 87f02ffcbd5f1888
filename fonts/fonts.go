// Package fonts embeds the three weights of Noto Sans SC that brochure uses
// (Regular 400, Bold 700, Black 900), opens other faces — font files (Open:
// TrueType, OpenType with CFF outlines, collections) and installed fonts
// by family (Find) —, answers the questions layout code needs before
// anything is drawn (can this face draw a rune, how wide is a string), and
// writes text and the faces it used into a PDF (Embedding), each cut to
// the characters it drew.
//
// The TTF files are subsets (GB2312 ∪ 通用规范汉字表 BMP ∪ common Latin and
// punctuation) produced reproducibly by build.sh; see OFL.txt for the licence.
//
// Advances are in 1/1000 em, scaled and rounded half away from zero from
// the first Unicode format-4 cmap subtable (and, for characters outside
// the Basic Multilingual Plane, the first Unicode format-12 one) and
// hmtx; an unmapped rune takes the .notdef advance. They are the numbers written into the PDF's /W
// array, so a line broken with Width fits exactly where the PDF viewer
// draws it. (They are also what fpdf v0.12.0 computes, which the tests use
// as an independent check.)
package fonts

import (
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"sync"
	"sync/atomic"

	"github.com/golang/freetype/truetype"
)

var (
	//go:embed NotoSansSC-Regular.ttf
	regularTTF []byte
	//go:embed NotoSansSC-Bold.ttf
	boldTTF []byte
	//go:embed NotoSansSC-Black.ttf
	blackTTF []byte
)

// Face is one font face: an embedded weight of Noto Sans SC, or one that
// Open or Find read.
type Face struct {
	Family string // the PostScript name the PDF gives it: "NotoSansSC-Regular", "NotoSansCJKhk-Bold"
	Weight int    // 400, 700, 900 for the embedded faces; 0 for others

	ttf []byte
	dir int // where the face's table directory starts in ttf (a collection holds several)

	once sync.Once // parse, once per process
	sf   *sfnt
	err  error

	fontOnce sync.Once
	font     atomic.Pointer[truetype.Font] // set once

	outlines outlines // the outlines as x/image reads them, for Outline
}

// The three embedded faces. They are parsed lazily, at most once per process.
var (
	Regular = &Face{Family: "NotoSansSC-Regular", Weight: 400, ttf: regularTTF}
	Bold    = &Face{Family: "NotoSansSC-Bold", Weight: 700, ttf: boldTTF}
	Black   = &Face{Family: "NotoSansSC-Black", Weight: 900, ttf: blackTTF}
)

// Faces returns the three faces in weight order (400, 700, 900).
func Faces() []*Face { return []*Face{Regular, Bold, Black} }

// Preload parses the embedded faces now, one after the other on another
// goroutine, and returns at once. They are otherwise parsed on first use,
// after the report is read; a command that calls Preload first parses
// them (about 2 ms) on the other core while it reads. Charts draw with
// Regular and Bold, so their go-chart fonts are parsed too.
func Preload() {
	go func() {
		for _, f := range Faces() {
			f.sfnt()
			if f != Black {
				f.Font()
			}
		}
	}()
}

// Font returns the face parsed by github.com/golang/freetype/truetype, for
// go-chart and the raster export of charts. It is parsed on first use and
// the same pointer is returned afterwards. truetype reads only glyf
// outlines: for a CFF face (.otf, most .ttc) it returns the embedded
// Regular's, as a stand-in for go-chart (which measures through the
// Renderer, in this face's own advances) and for PNG export (whose glyph
// shapes are then Noto Sans SC's). The embedded files are known-good, so
// their parse failure panics.
func (f *Face) Font() *truetype.Font {
	f.fontOnce.Do(func() {
		var tf *truetype.Font
		err := errors.New("a face of a collection")
		if f.dir == 0 {
			tf, err = truetype.Parse(f.ttf)
		}
		if err != nil {
			if f == Regular {
				panic(fmt.Sprintf("fonts: embedded %s does not parse: %v", f.Family, err))
			}
			tf = Regular.Font()
		}
		f.font.Store(tf)
	})
	return f.font.Load()
}

// Has reports whether the face can draw r: the cmap maps it to a real
// glyph, not .notdef. Characters outside the Basic Multilingual Plane
// (the Hong Kong Supplementary Character Set's 𨋢 U+282E2, CJK
// Extension B…) are read from the face's format-12 subtable; the PDF
// draws them by CID like any other (see Embedding).
func (f *Face) Has(r rune) bool {
	m := f.metrics()
	if r > 0xFFFF {
		_, ok := m.sup[r]
		return ok
	}
	return r >= 0 && m.has[r>>6]&(1<<(uint(r)&63)) != 0
}

// Supplementary returns how many characters outside the Basic
// Multilingual Plane the face can draw.
func (f *Face) Supplementary() int { return len(f.metrics().sup) }

// Advance returns the advance width of r in 1/1000 em: exactly the value
// Embedding writes for r into the PDF's /W array, so measurements match
// what viewers draw. A rune the face lacks has the .notdef advance.
func (f *Face) Advance(r rune) float64 {
	return float64(f.metrics().advance(r))
}

// Width returns the width of s set in this face at the given size, in the unit
// of size (pt): integer advances summed, then scaled by size/1000, as a
// viewer places the glyphs (and as fpdf's GetStringWidth computes it).
func (f *Face) Width(s string, size float64) float64 {
	m := f.metrics()
	w := 0
	for _, r := range s {
		w += m.advance(r)
	}
	return float64(w) * size / 1000
}

// Ascent returns the ascender in 1/1000 em (positive), as the font
// descriptor has it: hhea ascender, truncated toward zero.
func (f *Face) Ascent() float64 { return float64(f.metrics().ascent) }

// Descent returns the descender in 1/1000 em (negative), as the font
// descriptor has it: hhea descender, truncated toward zero.
func (f *Face) Descent() float64 { return float64(f.metrics().descent) }

// sfnt is a face's tables, parsed once per process: per-rune advances
// and coverage over the BMP for layout, glyph offsets and the cmap for
// subsetting.
type sfnt struct {
	adv     []uint16         // advance per BMP rune (missing → .notdef width)
	missing int              // advance used for runes not in the face
	has     [1024]uint64     // bitset: BMP rune maps to a non-zero glyph
	sup     map[rune]glyphAt // runes past the BMP that map to a non-zero glyph
	ascent  int
	descent int

	tables      map[string][]byte
	numGlyphs   int
	numHMetrics int
	loca        []uint32 // numGlyphs+1 offsets into glyf; nil for CFF outlines
	cff         *cff     // the CFF outlines; nil for glyf
	gid         []uint16 // BMP rune → glyph
}

// glyphAt is a supplementary-plane rune's glyph and advance: a CJK face
// maps a few thousand such runes, too few for per-rune tables.
type glyphAt struct{ gid, adv uint16 }

// advance is the per-rune width, as /W has it (fpdf's, too, but for NUL:
// fpdf stores its glyph count in CharWidths[0], so its GetStringWidth
// counts U+0000 as that many units; here NUL is simply missing).
func (s *sfnt) advance(r rune) int {
	if r < 0 || r > 0xFFFF {
		if g, ok := s.sup[r]; ok {
			return int(g.adv)
		}
		return s.missing
	}
	return int(s.adv[r])
}

func (f *Face) sfnt() (*sfnt, error) {
	f.once.Do(func() { f.sf, f.err = parse(f.ttf, f.dir) })
	return f.sf, f.err
}

// metrics is sfnt for faces known to parse: the embedded ones (a broken
// one is a broken build, so it panics) and those Open accepted.
func (f *Face) metrics() *sfnt {
	s, err := f.sfnt()
	if err != nil {
		panic(fmt.Sprintf("fonts: embedded %s: %v", f.Family, err))
	}
	return s
}

// parse reads the tables of the face whose table directory starts at dir
// that it is used by: head, hhea, maxp, cmap (format 4) and hmtx for the
// metrics, the way fpdf's utf8FontFile does (and format 12 for what lies
// past the BMP, which fpdf cannot address), and loca and glyf (or CFF),
// OS/2, post and name for subsetting.
func parse(ttf []byte, dir int) (_ *sfnt, err error) {
	defer func() {
		if p := recover(); p != nil { // out-of-range reads on malformed data
			err = fmt.Errorf("malformed font data: %v", p)
		}
	}()
	be := binary.BigEndian
	tables, err := tableDir(ttf, dir, "head", "hhea", "maxp", "cmap", "hmtx", "OS/2", "post", "name")
	if err != nil {
		return nil, err
	}
	if tables["CFF "] == nil && (tables["loca"] == nil || tables["glyf"] == nil) {
		if tables["CFF2"] != nil {
			return nil, errors.New("CFF2 outlines (a variable OpenType font) are not supported")
		}
		return nil, errors.New("no outlines: missing glyf and loca, or CFF, table")
	}
	upem := int(be.Uint16(tables["head"][18:]))
	if upem == 0 {
		return nil, errors.New("unitsPerEm is 0")
	}
	scale := 1000.0 / float64(upem)
	hhea := tables["hhea"]
	s := &sfnt{
		tables:      tables,
		adv:         make([]uint16, 0x10000),
		gid:         make([]uint16, 0x10000),
		ascent:      int(float64(int16(be.Uint16(hhea[4:]))) * scale),
		descent:     int(float64(int16(be.Uint16(hhea[6:]))) * scale),
		numHMetrics: int(be.Uint16(hhea[34:])),
		numGlyphs:   int(be.Uint16(tables["maxp"][4:])),
	}
	if s.numHMetrics == 0 {
		return nil, errors.New("hhea numberOfHMetrics is 0")
	}
	if s.numGlyphs == 0 { // not even .notdef: Subset would index glyph 0 of none
		return nil, errors.New("maxp numGlyphs is 0")
	}
	if c := tables["CFF "]; c != nil {
		if s.cff, err = parseCFF(c, s.numGlyphs); err != nil {
			return nil, err
		}
	} else {
		long := be.Uint16(tables["head"][50:]) == 1
		loca := tables["loca"]
		s.loca = make([]uint32, s.numGlyphs+1)
		for i := range s.loca {
			if long {
				s.loca[i] = be.Uint32(loca[4*i:])
			} else {
				s.loca[i] = uint32(be.Uint16(loca[2*i:])) * 2
			}
		}
	}

	// hmtx: glyphs past numberOfHMetrics repeat the last advance. fpdf
	// treats advances >= 0x8000 as 0 and rounds half away from zero.
	hmtx := tables["hmtx"]
	width := func(g int) int {
		g = min(g, s.numHMetrics-1)
		a := int(be.Uint16(hmtx[4*g:]))
		if a >= 1<<15 {
			a = 0
		}
		return fpdfRound(scale * float64(a))
	}
	s.missing = width(0)
	if s.missing == 0 {
		s.missing = 500 // fpdf's fallback when MissingWidth is 0
	}
	for i := range s.adv {
		s.adv[i] = uint16(s.missing)
	}
	err = eachCmap4(tables["cmap"], func(c, g int) {
		if g >= s.numGlyphs {
			return
		}
		s.gid[c] = uint16(g)
		if g == 0 || c == 0 {
			return
		}
		s.adv[c] = uint16(width(g)) // 0 stays 0: fpdf's 65535 marker, drawn as 0
		s.has[c>>6] |= 1 << (uint(c) & 63)
	})
	if err != nil {
		return nil, err
	}
	err = eachCmap12(tables["cmap"], func(c rune, g int) {
		if g == 0 || g >= s.numGlyphs {
			return
		}
		if s.sup == nil {
			s.sup = map[rune]glyphAt{}
		}
		s.sup[c] = glyphAt{uint16(g), uint16(width(g))}
	})
	if err != nil {
		return nil, err
	}
	return s, nil
}

// tableDir returns the tables of the face whose table directory starts
// at dir (0 but in a collection) by tag, checking that the ones named are
// there. Offsets count from the start of the file, in a collection too.
func tableDir(ttf []byte, dir int, need ...string) (map[string][]byte, error) {
	be := binary.BigEndian
	if dir < 0 || dir+12 > len(ttf) {
		return nil, errors.New("too short for an OpenType font")
	}
	if v := be.Uint32(ttf[dir:]); v != 0x00010000 && v != 0x74727565 && v != 0x4F54544F {
		return nil, fmt.Errorf("not an OpenType font: sfnt version %#08x", v)
	}
	tables := map[string][]byte{}
	n := int(be.Uint16(ttf[dir+4:]))
	if dir+12+16*n > len(ttf) {
		return nil, errors.New("table directory out of bounds")
	}
	for i := 0; i < n; i++ {
		rec := ttf[dir+12+16*i:]
		off, size := be.Uint32(rec[8:]), be.Uint32(rec[12:])
		if uint64(off)+uint64(size) > uint64(len(ttf)) {
			return nil, fmt.Errorf("table %q out of bounds", rec[:4])
		}
		tables[string(rec[:4])] = ttf[off : off+size]
	}
	for _, t := range need {
		if tables[t] == nil {
			return nil, fmt.Errorf("missing %s table", t)
		}
	}
	return tables, nil
}

// eachCmap4 calls fn(rune, glyph) for every code point of the cmap's first
// Unicode format 4 subtable — the one fpdf reads, (3,1) or (0,*) — except
// 0xFFFF. Reads past the data panic; callers recover.
func eachCmap4(cmap []byte, fn func(c, g int)) error {
	be := binary.BigEndian
	sub := -1
	for i, cnt := 0, int(be.Uint16(cmap[2:])); i < cnt; i++ {
		rec := cmap[4+8*i:]
		pid, eid, off := be.Uint16(rec), be.Uint16(rec[2:]), int(be.Uint32(rec[4:]))
		if ((pid == 3 && eid == 1) || pid == 0) && be.Uint16(cmap[off:]) == 4 {
			sub = off
			break
		}
	}
	if sub < 0 {
		return errors.New("no Unicode format-4 cmap subtable")
	}
	st := cmap[sub:]
	length := int(be.Uint16(st[2:]))
	segs := int(be.Uint16(st[6:])) / 2
	next := 0 // segments are sorted: a damaged table's overlaps are read once
	for k := 0; k < segs; k++ {
		end, start := int(be.Uint16(st[14+2*k:])), int(be.Uint16(st[16+2*segs+2*k:]))
		delta, ro := int(be.Uint16(st[16+4*segs+2*k:])), int(be.Uint16(st[16+6*segs+2*k:]))
		start = max(start, next)
		next = max(next, end+1)
		for c := start; c <= end && c < 0xFFFF; c++ {
			g := 0
			if ro == 0 {
				g = (c + delta) & 0xFFFF
			} else if pos := 16 + 6*segs + 2*k + ro + 2*(c-start); pos+2 <= length {
				if g = int(be.Uint16(st[pos:])); g != 0 {
					g = (g + delta) & 0xFFFF
				}
			}
			fn(c, g)
		}
	}
	return nil
}

// eachCmap12 calls fn(rune, glyph) for every code point past the BMP of
// the cmap's first Unicode format 12 subtable, (3,10) or (0,4)/(0,6); a
// face without one (the embedded Noto Sans SC subsets) has none. The BMP
// is eachCmap4's, so that widths stay what fpdf reads. A group past
// U+10FFFF or longer than the table allows is a damaged table: an error.
func eachCmap12(cmap []byte, fn func(c rune, g int)) error {
	be := binary.BigEndian
	sub := -1
	for i, cnt := 0, int(be.Uint16(cmap[2:])); i < cnt; i++ {
		rec := cmap[4+8*i:]
		pid, eid, off := be.Uint16(rec), be.Uint16(rec[2:]), int(be.Uint32(rec[4:]))
		if ((pid == 3 && eid == 10) || (pid == 0 && (eid == 4 || eid == 6))) && be.Uint16(cmap[off:]) == 12 {
			sub = off
			break
		}
	}
	if sub < 0 {
		return nil
	}
	st := cmap[sub:]
	n := int(be.Uint32(st[12:]))
	if n > (len(st)-16)/12 {
		return errors.New("format-12 cmap subtable: more groups than it holds")
	}
	next := uint32(0x10000) // groups are sorted: overlaps are read once, at most 1,048,576 runes in all
	for k := range n {
		grp := st[16+12*k:]
		start, end, g := be.Uint32(grp), be.Uint32(grp[4:]), be.Uint32(grp[8:])
		if end > 0x10FFFF || start > end {
			return fmt.Errorf("format-12 cmap subtable: group %d (%#x–%#x) is not a range of code points", k, start, end)
		}
		from := max(start, next)
		next = max(next, end+1)
		for c := from; c <= end; c++ {
			fn(rune(c), int(g+c-start))
		}
	}
	return nil
}

// fpdfRound is fpdf's rounding of scaled advances (math.Round: half away
// from zero), kept as a named function so the intent is visible.
func fpdfRound(x float64) int { return int(math.Round(x)) }
