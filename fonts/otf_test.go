package fonts

import (
	"encoding/binary"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

var writeOTF = flag.Bool("write-otf", false, "rewrite testdata/small-cff.otf from Noto Sans CJK HK")

// smallOTF is a few glyphs of Noto Sans CJK HK (OFL) as an OpenType font
// with CFF outlines, cut by the subsetter under test and wrapped in the
// tables an .otf has: the seed of the parser's fuzz target and the .otf
// and .ttc of the tests that need no system fonts.
const smallOTF = "testdata/small-cff.otf"

var smallRunes = []rune("骨直化香港區ABC123")

func TestWriteSmallOTF(t *testing.T) {
	if !*writeOTF {
		t.Skip("run with -write-otf to regenerate " + smallOTF)
	}
	face, err := Open(notoHK + "#Noto Sans CJK HK")
	if err != nil {
		t.Fatal(err)
	}
	s := face.metrics()
	rs := slices.Clone(smallRunes)
	slices.Sort(rs)
	gs, cids := []int{0}, []uint16{0}
	for i, r := range rs {
		gs = append(gs, s.glyphOf(r))
		cids = append(cids, uint16(i+1))
	}
	be := binary.BigEndian
	n := len(gs)
	hmtx := make([]byte, 4*n)
	for i, g := range gs {
		copy(hmtx[4*i:], s.tables["hmtx"][4*min(g, s.numHMetrics-1):][:2])
	}
	hhea := slices.Clone(s.tables["hhea"])
	be.PutUint16(hhea[34:], uint16(n))
	maxp := []byte{0, 0, 0x50, 0, 0, 0}
	be.PutUint16(maxp[4:], uint16(n))
	head := slices.Clone(s.tables["head"])
	be.PutUint32(head[8:], 0)
	post := slices.Clone(s.tables["post"][:32])
	be.PutUint32(post, 0x00030000)
	tables := map[string][]byte{
		"CFF ": s.cff.subset("NotoSansCJKhk-Regular", gs, cids),
		"cmap": cmap4(rs, func(r rune) uint16 { return uint16(slices.Index(rs, r) + 1) }),
		"head": head, "hhea": hhea, "hmtx": hmtx, "maxp": maxp, "post": post,
		"OS/2": s.tables["OS/2"], "name": shortName(s.tables["name"]),
	}
	out, _ := assemble(tables)
	copy(out, "OTTO")
	if err := os.WriteFile(smallOTF, out, 0o644); err != nil {
		t.Fatal(err)
	}
}

// collectionOf writes a TrueType Collection of the given font files.
func collectionOf(t *testing.T, files ...string) string {
	be := binary.BigEndian
	var fonts [][]byte
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		fonts = append(fonts, b)
	}
	out := []byte("ttcf\x00\x01\x00\x00")
	out = be.AppendUint32(out, uint32(len(fonts)))
	at := len(out) + 4*len(fonts)
	for _, b := range fonts {
		out = be.AppendUint32(out, uint32(at))
		at += (len(b) + 3) &^ 3
	}
	for _, b := range fonts {
		start := len(out)
		out = append(out, b...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		n := int(be.Uint16(b[4:]))
		for i := range n { // table offsets count from the file's start
			rec := out[start+12+16*i:]
			be.PutUint32(rec[8:], be.Uint32(rec[8:])+uint32(start))
		}
	}
	p := filepath.Join(t.TempDir(), "pair.ttc")
	os.WriteFile(p, out, 0o644)
	return p
}

// An .otf (CFF) and each face of a .ttc, by index and by name, open and
// embed as subsets with their glyphs, widths and text.
func TestOpenOTFAndCollection(t *testing.T) {
	ttc := collectionOf(t, "testdata/fallback.ttf", smallOTF)
	tests := []struct {
		spec, family string
		cff          bool
		want         string // error
	}{
		{smallOTF, "NotoSansCJKhk-Regular", true, ""},
		{ttc, "", false, ""}, // the first face
		{ttc + "#1", "NotoSansCJKhk-Regular", true, ""},
		{ttc + "#Noto Sans CJK HK", "NotoSansCJKhk-Regular", true, ""},
		{ttc + "#noto sans cjk hk", "NotoSansCJKhk-Regular", true, ""},
		{ttc + "#2", "", false, "holds faces 0 to 1"},
		{ttc + "#Arial", "", false, `no face named "Arial"`},
		{smallOTF + "#1", "", false, "holds one face"},
	}
	for _, tt := range tests {
		f, err := Open(tt.spec)
		if tt.want != "" {
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Open(%s) = %v, want %q", tt.spec, err, tt.want)
			}
			continue
		}
		if err != nil {
			t.Fatalf("Open(%s): %v", tt.spec, err)
		}
		if tt.family != "" && f.Family != tt.family {
			t.Errorf("Open(%s) = %s, want %s", tt.spec, f.Family, tt.family)
		}
		if (f.metrics().cff != nil) != tt.cff {
			t.Errorf("Open(%s): CFF %v, want %v", tt.spec, f.metrics().cff != nil, tt.cff)
		}
		if !tt.cff {
			continue
		}
		for _, r := range smallRunes {
			if !f.Has(r) {
				t.Errorf("%s lacks %q", tt.spec, r)
			}
		}
		if f.Has('宁') {
			t.Errorf("%s has 宁, which the small font lacks", tt.spec)
		}
	}
}

// A damaged font is an error, never a panic: the parser, the collection
// reader and the CFF subsetter on any bytes.
func FuzzParse(f *testing.F) {
	for _, p := range []string{smallOTF, "testdata/fallback.ttf"} {
		b, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
		f.Add(b[:len(b)/2])
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		dirs := []int{0}
		if len(b) >= 4 && string(b[:4]) == "ttcf" {
			var err error
			if dirs, err = collection(b); err != nil {
				return
			}
		}
		for _, d := range dirs[:min(len(dirs), 4)] {
			s, err := parse(b, d)
			if err != nil || s.cff == nil {
				continue
			}
			gs, cids := []int{0}, []uint16{0}
			for g := 1; g < min(s.numGlyphs, 50); g++ {
				gs = append(gs, g)
				cids = append(cids, uint16(g))
			}
			out := s.cff.subset("x", gs, cids)
			if _, err := parseCFF(out, len(gs)); err != nil {
				t.Errorf("the subset of a font that parsed does not parse: %v", err)
			}
		}
	})
}

// A variable font is refused with advice: the PDF would fix it at its
// default instance, which is rarely the weight asked for.
func TestOpenVariable(t *testing.T) {
	b, err := os.ReadFile("testdata/fallback.ttf")
	if err != nil {
		t.Fatal(err)
	}
	tables, err := tableDir(b, 0)
	if err != nil {
		t.Fatal(err)
	}
	tables["fvar"] = make([]byte, 16)
	out, _ := assemble(tables)
	p := filepath.Join(t.TempDir(), "var.ttf")
	os.WriteFile(p, out, 0o644)
	if _, err := Open(p); err == nil || !strings.Contains(err.Error(), "variable font") || !strings.Contains(err.Error(), "static") {
		t.Errorf("Open(variable font) = %v", err)
	}
	delete(tables, "fvar")
	out, _ = assemble(tables)
	os.WriteFile(p, out, 0o644)
	os.Chtimes(p, time.Now(), time.Now().Add(time.Second)) // Open caches by size and time
	if _, err := Open(p); err != nil {
		t.Errorf("the same font without fvar: %v", err)
	}
}
