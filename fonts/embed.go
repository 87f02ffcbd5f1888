package fonts

import (
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"fmt"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf16"

	"github.com/brochure-dev/brochure/internal/pdffile"
)

// An Embedding is the text of one PDF document: Text writes the drawing
// operators into the writer's page (internal/export's fpdf) and notes
// every character drawn in each face; Embed, once the writer has written
// the file, adds each face that drew something as a font cut to exactly
// those characters.
//
// Why not fpdf's own fonts: for every face of every document fpdf parses
// the whole font into Go maps, builds a 65,536-entry width table and
// hashes it as JSON to name the font, cuts its own subset again at
// output and writes a 128 KB CIDToGIDMap, all compressed at its fastest
// level with a new compressor per stream: 20 of the 43 ms a sample
// brochure took. Here a face's tables are parsed once per process, and a
// document pays only for cutting the glyphs it drew.
//
// The PDF side (PDF 32000 §9.7): each face is a Type0 font with
// Identity-H encoding over a CIDFontType2 whose FontFile2 is the subset.
// Character codes are CIDs, the same for all faces of the document: the
// document's alphabet in Unicode order, then any other character in order
// of first use. Each face's subset has its glyph for CID c at glyph c
// (CIDToGIDMap /Identity), and one ToUnicode CMap maps the CIDs back to
// text for search, copy and screen readers.
type Embedding struct {
	// Ink, when set, writes the operators that set the colour of text
	// drawn in rgb (the caller's choice of colour space, overprint);
	// nil writes DeviceRGB.
	Ink func(rgb [3]uint8) string

	pdf   Writer
	cid   map[rune]uint16
	runes []rune // by CID; [0] is .notdef
	faces []*embedded
	buf   []byte

	ready chan struct{} // closed when the faces are prepared (see Done)
	toUni []byte        // the ToUnicode stream object
}

type embedded struct {
	face  *Face
	res   string // resource name: /B1, /B2… in order of first use
	drawn []bool // by CID

	// from prepare
	name, widths, desc string
	file               []byte // the FontFile2 (FontFile3 for CFF) stream object
	cff                bool   // CFF outlines: a CIDFontType0 font
	err                error
}

// Writer is the PDF writer an Embedding draws text with: fpdf's
// *fpdf.Fpdf has these methods. fonts does not import fpdf, so that only
// internal/export does.
type Writer interface {
	RawWriteStr(s string)        // writes to the current page's content
	GetPageSize() (w, h float64) // the current page's size, pt
	Err() bool                   // whether the document is in error
	SetError(err error)          // puts the document in error
	Output(w io.Writer) error    // writes the document
}

// NewEmbedding starts the text of pdf. alphabet, the characters the
// document may draw (nil if not known), numbers them in Unicode order:
// the fonts and the ToUnicode map then compress better than in the order
// of first use. pdf must not draw text with fpdf's own fonts.
func NewEmbedding(pdf Writer, alphabet []rune) *Embedding {
	e := &Embedding{pdf: pdf, cid: map[rune]uint16{}, runes: []rune{0}}
	rs := slices.Clone(alphabet)
	slices.Sort(rs)
	for _, r := range slices.Compact(rs) {
		if r > 0 && r <= unicode.MaxRune && len(e.runes) <= 0xFFFF {
			e.cid[r] = uint16(len(e.runes))
			e.runes = append(e.runes, r)
		}
	}
	return e
}

// Text draws s in face f at size (pt) with its baseline starting at
// (x, y), in fpdf's coordinates (points from the top left of the page),
// in colour rgb, with spacing (pt) added after each character (PDF's
// character spacing, Tc). A character the face cannot draw (see Has)
// puts pdf in error rather than drawing an empty box.
func (e *Embedding) Text(f *Face, size float64, rgb [3]uint8, spacing, x, y float64, s string) {
	if s == "" || e.pdf.Err() {
		return
	}
	if e.ready != nil {
		e.pdf.SetError(fmt.Errorf("fonts: text drawn after Done"))
		return
	}
	u := e.use(f)
	_, h := e.pdf.GetPageSize()
	b := e.buf[:0]
	b = append(b, "q "...)
	if e.Ink != nil {
		b = append(b, e.Ink(rgb)...)
		b = append(b, " BT "...)
	} else {
		for _, c := range rgb {
			b = strconv.AppendFloat(b, float64(c)/255, 'f', 3, 64)
			b = append(b, ' ')
		}
		b = append(b, "rg BT "...)
	}
	b = append(b, u.res...)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, size, 'f', 2, 64)
	b = append(b, " Tf "...)
	if math.Abs(spacing) >= 0.0005 { // what %.3f writes as non-zero
		b = strconv.AppendFloat(b, spacing, 'f', 3, 64)
		b = append(b, " Tc "...)
	}
	b = strconv.AppendFloat(b, x, 'f', 2, 64)
	b = append(b, ' ')
	b = strconv.AppendFloat(b, h-y, 'f', 2, 64)
	b = append(b, " Td ("...)
	for _, r := range s {
		if !f.Has(r) {
			e.pdf.SetError(fmt.Errorf("fonts: %s has no glyph for %q (U+%04X)", f.Family, r, r))
			return
		}
		c, ok := e.cid[r]
		if !ok {
			if len(e.runes) > 0xFFFF {
				e.pdf.SetError(fmt.Errorf("fonts: more than 65,535 distinct characters"))
				return
			}
			c = uint16(len(e.runes))
			e.cid[r] = c
			e.runes = append(e.runes, r)
		}
		for int(c) >= len(u.drawn) {
			u.drawn = append(u.drawn, false)
		}
		u.drawn[c] = true
		for _, by := range []byte{byte(c >> 8), byte(c)} {
			switch by {
			case '\\', '(', ')':
				b = append(b, '\\', by)
			case '\r': // a bare CR in a string would be read as LF
				b = append(b, '\\', 'r')
			default:
				b = append(b, by)
			}
		}
	}
	b = append(b, ") Tj ET Q"...)
	e.pdf.RawWriteStr(string(b))
	e.buf = b
}

func (e *Embedding) use(f *Face) *embedded {
	for _, u := range e.faces {
		if u.face == f {
			return u
		}
	}
	u := &embedded{face: f, res: "/B" + strconv.Itoa(len(e.faces)+1)}
	e.faces = append(e.faces, u)
	return u
}

// Done says that nothing more will be drawn and starts cutting and
// compressing the fonts in the background, while fpdf writes the rest of
// the file. Embed calls it if the caller did not.
//
// One goroutine does the faces one after the other: a goroutine per face
// was no faster on two cores (the caller's goroutine is busy with fpdf
// meanwhile), and each needed a compressor of its own, a megabyte of
// fresh memory that a new process pays for in page faults.
func (e *Embedding) Done() {
	if e.ready != nil {
		return
	}
	e.ready = make(chan struct{})
	go func() {
		for _, u := range e.faces {
			u.prepare(e.runes)
		}
		e.toUni = pdffile.Stream("", e.toUnicode(), true)
		close(e.ready)
	}()
}

// Embed adds the fonts to the file fpdf wrote for the document: the
// objects of each face, and their names in the font resources of fpdf's
// one resource dictionary, object res, which all pages share.
func (e *Embedding) Embed(pf *pdffile.File, res int) error {
	e.Done()
	<-e.ready
	if len(e.faces) == 0 {
		return nil
	}
	toUnicode := pf.Add(e.toUni)
	var names strings.Builder
	for _, u := range e.faces {
		if u.err != nil {
			return u.err
		}
		n := pf.Add(nil) // Type0
		cid := pf.Add(nil)
		desc := pf.Add(nil)
		file := pf.Add(u.file)
		pf.Objects[n] = fmt.Appendf(nil, "<</Type /Font /Subtype /Type0 /BaseFont /%s /Encoding /Identity-H /DescendantFonts [%d 0 R] /ToUnicode %d 0 R>>\n",
			u.name, cid, toUnicode)
		if u.cff {
			pf.Objects[cid] = fmt.Appendf(nil, "<</Type /Font /Subtype /CIDFontType0 /BaseFont /%s /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor %d 0 R /DW %d /W [%s]>>\n",
				u.name, desc, dw, u.widths)
			pf.Objects[desc] = fmt.Appendf(nil, "<</Type /FontDescriptor /FontName /%s %s /FontFile3 %d 0 R>>\n", u.name, u.desc, file)
		} else {
			pf.Objects[cid] = fmt.Appendf(nil, "<</Type /Font /Subtype /CIDFontType2 /BaseFont /%s /CIDSystemInfo <</Registry (Adobe) /Ordering (Identity) /Supplement 0>> /FontDescriptor %d 0 R /DW %d /W [%s] /CIDToGIDMap /Identity>>\n",
				u.name, desc, dw, u.widths)
			pf.Objects[desc] = fmt.Appendf(nil, "<</Type /FontDescriptor /FontName /%s %s /FontFile2 %d 0 R>>\n", u.name, u.desc, file)
		}
		fmt.Fprintf(&names, "%s %d 0 R\n", u.res, n)
	}
	pf.InsertIn(res, "/Font", names.String())
	return nil
}

// prepare cuts the face to the characters it drew and writes what its
// objects need: name, widths, descriptor and the compressed font file.
func (u *embedded) prepare(runes []rune) {
	f := u.face
	var drawn []rune
	for c, ok := range u.drawn {
		if ok {
			drawn = append(drawn, runes[c])
		}
	}
	s, err := f.sfnt()
	if err != nil {
		u.err = fmt.Errorf("fonts: embed %s: %w", f.Family, err)
		return
	}
	// glyph c of the subset is the face's glyph for CID c, so the CIDs
	// are the glyph ids (CIDToGIDMap /Identity); the CIDs other faces
	// drew are empty glyphs, which cost next to nothing.
	glyphs := make([]int, len(u.drawn))
	var w strings.Builder // widths that differ from /DW, in runs
	run := -1
	for c, ok := range u.drawn {
		glyphs[c] = -1
		if c == 0 {
			glyphs[c] = 0
		}
		if !ok {
			continue
		}
		r := runes[c]
		glyphs[c] = s.glyphOf(r)
		adv := f.metrics().advance(r)
		if adv == dw {
			continue
		}
		if run >= 0 && c == run+1 {
			w.WriteString(" ")
		} else {
			if run >= 0 {
				w.WriteString("] ")
			}
			fmt.Fprintf(&w, "%d [", c)
		}
		w.WriteString(strconv.Itoa(adv))
		run = c
	}
	if run >= 0 {
		w.WriteString("]")
	}
	u.name = subsetTag(f.Family, drawn) + "+" + psName(f.Family)
	u.widths = w.String()
	u.desc = s.descriptor(f)
	if s.cff != nil {
		// a CID-keyed CFF maps CIDs to its glyphs itself (its charset):
		// the subset holds only the glyphs drawn
		gs, cids := []int{0}, []uint16{0}
		for c, g := range glyphs {
			if c > 0 && g >= 0 {
				gs = append(gs, g)
				cids = append(cids, uint16(c))
			}
		}
		u.cff = true
		font := s.cff.subset(psName(f.Family), gs, cids)
		u.file = pdffile.Deflated(" /Subtype /CIDFontType0C", compressed(font))
		return
	}
	sorted := slices.Clone(drawn)
	slices.Sort(sorted)
	font := s.cut(glyphs, sorted)
	u.file = pdffile.Deflated(" /Length1 "+strconv.Itoa(len(font)), compressed(font))
}

// dw is the default width written for every face: CJK glyphs are one em,
// so only Latin, figures and punctuation need /W entries.
const dw = 1000

// descriptor returns the font descriptor's metrics (PDF 32000 §9.8), in
// 1/1000 em, the way fpdf computed them: ascent and descent from hhea,
// cap height from OS/2 (version 2 on) or the ascent, the bounding box
// from head, the italic angle from post, StemV guessed from the weight.
func (s *sfnt) descriptor(f *Face) string {
	be := binary.BigEndian
	head, os2, post := s.tables["head"], s.tables["OS/2"], s.tables["post"]
	scale := 1000 / float64(be.Uint16(head[18:]))
	box := func(at int) int { return int(math.Round(float64(int16(be.Uint16(head[at:]))) * scale)) }
	m := f.metrics()
	capHeight := m.ascent
	if be.Uint16(os2) >= 2 && len(os2) >= 90 {
		capHeight = int(math.Round(float64(int16(be.Uint16(os2[88:]))) * scale))
	}
	italic := float64(int32(be.Uint32(post[4:]))) / 65536
	flags := 4 // symbolic: glyphs outside the standard Latin set
	if italic != 0 {
		flags |= 64
	}
	stemV := 50 + int(math.Pow(float64(be.Uint16(os2[4:]))/65, 2))
	return fmt.Sprintf("/Flags %d /FontBBox [%d %d %d %d] /ItalicAngle %s /Ascent %d /Descent %d /CapHeight %d /StemV %d",
		flags, box(36), box(38), box(40), box(42), strconv.FormatFloat(italic, 'f', -1, 64),
		m.ascent, m.descent, capHeight, stemV)
}

// toUnicode is the CMap from the document's CIDs to their text: each run
// of consecutive CIDs drawn (within one high byte, as the CMap format
// wants) is one bfrange with an array of code points in UTF-16BE (a
// character past the BMP, 𨋢 U+282E2, is its surrogate pair <D860DEE2>,
// which pdftotext and PDFium read back as the one character), at most 100
// ranges a block. (bfchar entries repeat the CID: 40 % larger compressed.)
func (e *Embedding) toUnicode() []byte {
	drawn := make([]bool, len(e.runes))
	for _, u := range e.faces {
		for c, ok := range u.drawn {
			drawn[c] = drawn[c] || ok
		}
	}
	type run struct{ lo, hi int }
	var runs []run
	for c := 1; c < len(e.runes); c++ {
		if !drawn[c] {
			continue
		}
		if k := len(runs) - 1; k >= 0 && runs[k].hi == c-1 && c>>8 == runs[k].lo>>8 {
			runs[k].hi = c
		} else {
			runs = append(runs, run{c, c})
		}
	}
	var b bytes.Buffer
	b.WriteString("/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n" +
		"/CIDSystemInfo <</Registry (Adobe) /Ordering (UCS) /Supplement 0>> def\n" +
		"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" +
		"1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n")
	for i := 0; i < len(runs); i += 100 {
		block := runs[i:min(i+100, len(runs))]
		fmt.Fprintf(&b, "%d beginbfrange\n", len(block))
		for _, r := range block {
			fmt.Fprintf(&b, "<%04X> <%04X> [", r.lo, r.hi)
			for c := r.lo; c <= r.hi; c++ {
				if ch := e.runes[c]; ch > 0xFFFF {
					hi, lo := utf16.EncodeRune(ch)
					fmt.Fprintf(&b, "<%04X%04X>", hi, lo)
				} else {
					fmt.Fprintf(&b, "<%04X>", ch)
				}
			}
			b.WriteString("]\n")
		}
		b.WriteString("endbfrange\n")
	}
	b.WriteString("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
	return b.Bytes()
}

// subsetTag is the six capitals PDF 32000 §9.6.4 puts before a subset's
// name: from a hash of the face and its characters, so the same subset
// gets the same tag and a different one another.
func subsetTag(family string, runes []rune) string {
	h := sha256.Sum256([]byte(family + "\x00" + string(runes)))
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + h[i]%26
	}
	return string(tag)
}

// psName keeps what a PostScript name may hold (PDF names escape the rest).
func psName(s string) string {
	return strings.Map(func(r rune) rune {
		if r > ' ' && r < 0x7F && !strings.ContainsRune("()<>[]{}/%#", r) {
			return r
		}
		return -1
	}, s)
}

// Output finishes the document: fpdf writes it, Embed adds the fonts.
func (e *Embedding) Output() ([]byte, error) {
	var buf bytes.Buffer
	if err := e.pdf.Output(&buf); err != nil {
		return nil, err
	}
	pf, err := pdffile.Parse(buf.Bytes())
	if err != nil {
		return nil, err
	}
	pages, err := pf.Pages()
	if err != nil {
		return nil, err
	}
	res, err := pf.Ref(pages[0], "/Resources")
	if err != nil {
		return nil, err
	}
	if err := e.Embed(pf, res); err != nil {
		return nil, err
	}
	pf.ID, pf.Compact = true, true
	return pf.Bytes(), nil
}

// compressed is the font program deflated, from Programs when it is
// there: the same program always compresses to the same bytes, so the
// cache changes how fast a PDF is written, never what is written.
func compressed(font []byte) []byte {
	c := Programs
	if c == nil {
		return pdffile.Deflate(font)
	}
	key := sha256.Sum256(font)
	if z, ok := c.Get(key); ok {
		return z
	}
	z := pdffile.Deflate(font)
	c.Put(key, z)
	return z
}
