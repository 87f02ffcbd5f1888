package fonts

import (
	"bytes"
	"encoding/binary"
	"maps"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/golang/freetype/truetype"

	"github.com/brochure-dev/brochure/internal/pdftest"
)

// The cmap a subset is written with reads back as written: a format 4
// subtable alone (the same bytes as before there was a format 12) when
// every rune is in the BMP, else format 4 for the BMP beside format 12 for
// all, in groups of consecutive runes and glyphs.
func TestCmapOf(t *testing.T) {
	tests := []struct {
		name   string
		runes  []rune // sorted
		groups int    // format 12 groups; 0: no format 12 subtable
	}{
		{"BMP only", []rune{'A', 'B', '中', '国'}, 0},
		{"one past the BMP", []rune{'困', 0x282E2}, 2},
		{"HKSCS three", []rune{'咗', '嘅', 0x20779, 0x210C1, 0x282E2}, 5},
		{"a run past the BMP", []rune{0x20000, 0x20001, 0x20002, 0x2A6D6}, 2},
		{"past the BMP only", []rune{0x282E2}, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			// glyphs: consecutive runes get consecutive glyphs but for
			// the last, so runs and breaks both occur
			gid := map[rune]uint16{}
			for i, r := range tt.runes {
				gid[r] = uint16(i + 1)
			}
			if n := len(tt.runes); n > 2 {
				gid[tt.runes[n-1]] = 100
			}
			cmap := cmapOf(tt.runes, func(r rune) uint16 { return gid[r] })
			got := map[rune]uint16{}
			if err := eachCmap4(cmap, func(c, g int) {
				if g != 0 {
					got[rune(c)] = uint16(g)
				}
			}); err != nil && slices.ContainsFunc(tt.runes, func(r rune) bool { return r <= 0xFFFF }) {
				t.Fatal(err)
			}
			if err := eachCmap12(cmap, func(c rune, g int) { got[c] = uint16(g) }); err != nil {
				t.Fatal(err)
			}
			if !maps.Equal(got, gid) {
				t.Errorf("reads back %v, want %v", got, gid)
			}
			be := binary.BigEndian
			records := int(be.Uint16(cmap[2:]))
			if tt.groups == 0 {
				if records != 1 || !bytes.Equal(cmap, cmap4(tt.runes, func(r rune) uint16 { return gid[r] })) {
					t.Errorf("%d encoding records, want format 4 alone", records)
				}
				return
			}
			off := int(be.Uint32(cmap[16:]))
			if records != 2 || be.Uint16(cmap[12:]) != 3 || be.Uint16(cmap[14:]) != 10 || be.Uint16(cmap[off:]) != 12 {
				t.Fatalf("%d encoding records, want (3,1) format 4 and (3,10) format 12", records)
			}
			if n := int(be.Uint32(cmap[off+12:])); n != tt.groups {
				t.Errorf("%d format 12 groups, want %d", n, tt.groups)
			}
		})
	}
}

// A damaged format 12 subtable is an error, not a panic or a runaway loop.
func TestCmap12Damaged(t *testing.T) {
	sub := func(groups ...[3]uint32) []byte {
		b := make([]byte, 12, 12+16+12*len(groups))
		binary.BigEndian.PutUint16(b[2:], 1)
		binary.BigEndian.PutUint16(b[4:], 3)
		binary.BigEndian.PutUint16(b[6:], 10)
		binary.BigEndian.PutUint32(b[8:], 12)
		st := make([]byte, 16)
		binary.BigEndian.PutUint16(st, 12)
		binary.BigEndian.PutUint32(st[12:], uint32(len(groups)))
		for _, g := range groups {
			st = binary.BigEndian.AppendUint32(st, g[0])
			st = binary.BigEndian.AppendUint32(st, g[1])
			st = binary.BigEndian.AppendUint32(st, g[2])
		}
		return append(b, st...)
	}
	tests := []struct {
		name  string
		cmap  []byte
		runes int // read when it is no error
		err   string
	}{
		{"sound", sub([3]uint32{0x41, 0x10002, 1}), 3, ""},
		{"past U+10FFFF", sub([3]uint32{0x10000, 0x110000, 1}), 0, "not a range"},
		{"backwards", sub([3]uint32{0x20001, 0x20000, 1}), 0, "not a range"},
		{"overlapping groups read once", sub([3]uint32{0x20000, 0x20FFF, 1}, [3]uint32{0x20000, 0x20FFF, 1}), 0x1000, ""},
		{"more groups than it holds", sub([3]uint32{0x20000, 0x20000, 1})[:12+16+6], 0, "more groups"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			n := 0
			err := eachCmap12(tt.cmap, func(rune, int) { n++ })
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Errorf("err = %v, want %q", err, tt.err)
				}
				return
			}
			if err != nil || n != tt.runes {
				t.Errorf("%d runes, err %v; want %d", n, err, tt.runes)
			}
		})
	}
}

// withSupplementary is the embedded Regular with 𨋢 (U+282E2) and 𠝹
// (U+20779) added to its cmap, drawn with the glyphs of 升 and 割: a
// TrueType face with characters past the BMP, as a user's .ttf may be.
func withSupplementary(t *testing.T) (*Face, map[rune]rune) {
	t.Helper()
	s := Regular.metrics()
	as := map[rune]rune{0x282E2: '升', 0x20779: '割'}
	var runes []rune
	for r := rune(0x20); r <= 0xFFFF; r++ {
		if Regular.Has(r) {
			runes = append(runes, r)
		}
	}
	runes = append(runes, 0x20779, 0x282E2)
	gid := func(r rune) uint16 {
		if b, ok := as[r]; ok {
			r = b
		}
		return uint16(s.glyphOf(r))
	}
	tables := maps.Clone(s.tables)
	tables["cmap"] = cmapOf(runes, gid)
	ttf, _ := assemble(tables)
	return &Face{Family: "NotoSansSC-Supplementary", ttf: ttf}, as
}

// A face with characters past the BMP draws them: Has and the advance
// from its format 12 subtable, the subset keeps their glyphs (not
// .notdef) and maps them, and PDFium reads the text back as drawn, each
// glyph's ink where the face's outline puts it; the ToUnicode map holds
// the surrogate pairs.
func TestSupplementaryPlane(t *testing.T) {
	f, as := withSupplementary(t)
	tests := []struct {
		r   rune
		has bool
		adv float64 // its glyph's, or .notdef's
	}{
		{0x282E2, true, Regular.Advance('升')},
		{0x20779, true, Regular.Advance('割')},
		{0x210C1, false, Regular.Advance(0xE000)}, // 𡃁: not in this face
		{0x20BB7, false, Regular.Advance(0xE000)},
		{'升', true, Regular.Advance('升')},
		{'A', true, Regular.Advance('A')},
	}
	for _, tt := range tests {
		if got := f.Has(tt.r); got != tt.has {
			t.Errorf("Has(%U) = %v, want %v", tt.r, got, tt.has)
		}
		if got := f.Advance(tt.r); got != tt.adv {
			t.Errorf("Advance(%U) = %v, want %v", tt.r, got, tt.adv)
		}
	}
	if n := f.Supplementary(); n != 2 {
		t.Errorf("Supplementary() = %d, want 2", n)
	}

	// the subset: its own cmap maps each rune to a glyph that is not .notdef
	sub, err := f.Subset([]rune("困𨋢𠝹𡃁"))
	if err != nil {
		t.Fatal(err)
	}
	checkSums(t, "subset", sub)
	tf, err := truetype.Parse(sub) // freetype reads format 12 (3,10) first
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range "困𨋢𠝹" {
		if tf.Index(r) == 0 {
			t.Errorf("the subset maps %q to .notdef", r)
		}
	}
	if tf.Index(0x210C1) != 0 {
		t.Error("the subset maps 𡃁, which the face lacks")
	}

	line := "升降机即「𨋢」，割即「𠝹」"
	pdf := embedPDF(t, []drawn{{f, 20, 0, 40, 60, line}})
	doc := pdftest.Open(t, pdf)
	var got []rune
	x := 40.0
	h := doc.Pages[0].Height
	for _, c := range doc.Pages[0].Chars {
		if c.Generated {
			continue
		}
		got = append(got, c.R)
		if b, ok := as[c.R]; ok {
			// 𨋢 is drawn with 升's glyph: its ink is 升's
			want, _ := inkBox(Regular, b, 20)
			box := [4]float64{c.Box.Left - x, c.Box.Bottom - (h - 60), c.Box.Right - x, c.Box.Top - (h - 60)}
			for i := range box {
				if math.Abs(box[i]-want[i]) > 1 {
					t.Errorf("%q: ink box %.2f, want %q's %.2f", c.R, box, b, want)
					break
				}
			}
		}
		x += f.Width(string(c.R), 20)
	}
	if string(got) != line {
		t.Errorf("PDFium reads %q, drew %q", string(got), line)
	}
	if cmap := pdftest.Inflate(pdf); !bytes.Contains(cmap, []byte("<D860DEE2>")) || !bytes.Contains(cmap, []byte("<D841DF79>")) {
		t.Error("the ToUnicode map lacks the surrogate pairs of 𨋢 and 𠝹")
	}
}
