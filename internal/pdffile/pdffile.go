// Package pdffile edits a PDF that fpdf has finished: it splits the file
// into its numbered objects by the cross-reference table, lets the caller
// replace and add objects, follow references (Ref) and add entries to
// dictionaries (Insert, InsertIn), and writes the file again with a new
// table. Text and Literal write PDF strings for those entries.
//
// Why by hand: fpdf has no hooks for objects of one's own (the fonts are
// written by package fonts, not by fpdf), and a general PDF library
// (pdfcpu) would parse and re-serialise every object, fonts included,
// for a few edits. fpdf's output is regular: "N 0 obj\n", the
// object, "endobj\n", in the order of a classic xref table, which is all
// this package relies on (and checks).
package pdffile

import (
	"bytes"
	"crypto/md5"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
)

// File is a PDF split into objects. Object n is Objects[n]: what stands
// between "n 0 obj\n" and "endobj\n" (nil for a free or absent number).
type File struct {
	Header  []byte   // from %PDF- to the first object
	Objects [][]byte // by object number; [0] is always nil
	order   []int    // numbers in the order of the file, then added ones
	Root    int      // the catalog's object number
	Info    int      // the document information dictionary's, or 0
	ID      bool     // write a file identifier (/ID) into the trailer
	Compact bool     // write object and cross-reference streams (PDF 1.5)
}

// Parse splits fpdf's output into objects.
func Parse(pdf []byte) (*File, error) {
	const sx = "\nstartxref\n"
	i := bytes.LastIndex(pdf, []byte(sx))
	if i < 0 {
		return nil, fmt.Errorf("pdffile: no startxref")
	}
	end := bytes.Index(pdf[i+len(sx):], []byte("\n"))
	if end < 0 {
		return nil, fmt.Errorf("pdffile: no xref offset")
	}
	xref, err := strconv.Atoi(string(pdf[i+len(sx) : i+len(sx)+end]))
	if err != nil || xref <= 0 || xref >= len(pdf) || !bytes.HasPrefix(pdf[xref:], []byte("xref\n")) {
		return nil, fmt.Errorf("pdffile: cannot find the xref table")
	}
	lines := bytes.SplitAfter(pdf[xref:], []byte("\n"))
	sub := bytes.Fields(lines[1])
	if len(sub) != 2 || string(sub[0]) != "0" {
		return nil, fmt.Errorf("pdffile: xref section %q: only one section from 0 is supported", lines[1])
	}
	n, err := strconv.Atoi(string(sub[1]))
	if err != nil || n < 1 || len(lines) < 2+n {
		return nil, fmt.Errorf("pdffile: bad xref table")
	}
	f := &File{Objects: make([][]byte, n)}
	type at struct{ num, off int }
	var offs []at
	for num, l := range lines[2 : 2+n] {
		fs := bytes.Fields(l)
		if len(fs) != 3 || string(fs[2]) != "n" {
			continue
		}
		off, err := strconv.Atoi(string(fs[0]))
		if err != nil || off <= 0 || off >= xref {
			return nil, fmt.Errorf("pdffile: bad xref entry %q", l)
		}
		offs = append(offs, at{num, off})
	}
	if len(offs) == 0 {
		return nil, fmt.Errorf("pdffile: no objects")
	}
	// fpdf writes objects out of number order (object 1, the page tree,
	// last of the pages; 2, the resources, after the fonts), so sort.
	slices.SortFunc(offs, func(a, b at) int { return a.off - b.off })
	f.Header = pdf[:offs[0].off]
	for k, o := range offs {
		next := xref
		if k+1 < len(offs) {
			next = offs[k+1].off
		}
		body := pdf[o.off:next]
		head := strconv.Itoa(o.num) + " 0 obj\n"
		if !bytes.HasPrefix(body, []byte(head)) || !bytes.HasSuffix(body, []byte("endobj\n")) {
			return nil, fmt.Errorf("pdffile: object %d is not where the xref table says", o.num)
		}
		f.Objects[o.num] = body[len(head) : len(body)-len("endobj\n")]
		f.order = append(f.order, o.num)
	}
	// the trailer: fpdf writes one key per line
	for _, l := range lines[2+n:] {
		fs := bytes.Fields(l)
		if len(fs) == 4 && string(fs[2]) == "0" && string(fs[3]) == "R" {
			v, _ := strconv.Atoi(string(fs[1]))
			switch string(fs[0]) {
			case "/Root":
				f.Root = v
			case "/Info":
				f.Info = v
			}
		}
		if bytes.Equal(l, []byte("startxref\n")) {
			break
		}
	}
	if f.Root <= 0 || f.Root >= n || f.Objects[f.Root] == nil {
		return nil, fmt.Errorf("pdffile: no catalog in the trailer")
	}
	return f, nil
}

// Add appends an object and returns its number. body may be nil, to be
// set later through Objects (so that objects can refer to each other).
func (f *File) Add(body []byte) int {
	n := len(f.Objects)
	if body == nil {
		body = []byte{}
	}
	f.Objects = append(f.Objects, body)
	f.order = append(f.order, n)
	return n
}

// Stream returns the body of a stream object: dict (without its << >>)
// and data, compressed with Deflate when compress is set.
func Stream(dict string, data []byte, compress bool) []byte {
	if compress {
		return Deflated(dict, Deflate(data))
	}
	return stream(dict, data)
}

// Deflated is Stream for data compressed already (by Deflate).
func Deflated(dict string, z []byte) []byte {
	return stream(dict+" /Filter /FlateDecode", z)
}

func stream(dict string, data []byte) []byte {
	var b bytes.Buffer
	b.Grow(len(dict) + len(data) + 48)
	b.WriteString("<<")
	b.WriteString(dict)
	b.WriteString(" /Length ")
	b.WriteString(strconv.Itoa(len(data)))
	b.WriteString(">>\nstream\n")
	b.Write(data)
	b.WriteString("\nendstream\n")
	return b.Bytes()
}

// Bytes writes the file: the header, the objects in their order, a
// classic xref table and the trailer. With Compact, the objects that are
// not streams go, compressed, into one object stream and the table into
// a cross-reference stream (PDF 1.5, §7.5.7–8): page, font and outline
// dictionaries are a tenth of a brochure's bytes uncompressed.
func (f *File) Bytes() []byte {
	size := len(f.Header) + 64*len(f.order) + 256
	for _, o := range f.Objects {
		size += len(o)
	}
	out := bytes.NewBuffer(make([]byte, 0, size))
	out.Write(f.Header)
	offs := make([]int, len(f.Objects)+2)
	inStream := make([]int, len(f.Objects)+2) // index in the object stream + 1
	var packed []int
	if f.Compact {
		setVersion(out.Bytes(), "1.5")
		for _, n := range f.order {
			if !isStream(f.Objects[n]) {
				packed = append(packed, n)
				inStream[n] = len(packed)
			}
		}
	}
	for _, n := range f.order {
		if inStream[n] > 0 {
			continue
		}
		offs[n] = out.Len()
		out.WriteString(strconv.Itoa(n))
		out.WriteString(" 0 obj\n")
		out.Write(f.Objects[n])
		out.WriteString("endobj\n")
	}
	size = len(f.Objects)
	objStm := 0
	if len(packed) > 0 {
		objStm = size
		size++
		var head, body bytes.Buffer
		for _, n := range packed {
			fmt.Fprintf(&head, "%d %d ", n, body.Len())
			body.Write(f.Objects[n])
		}
		offs[objStm] = out.Len()
		fmt.Fprintf(out, "%d 0 obj\n", objStm)
		out.Write(Stream(fmt.Sprintf("/Type /ObjStm /N %d /First %d", len(packed), head.Len()), append(head.Bytes(), body.Bytes()...), true))
		out.WriteString("endobj\n")
	}
	trailer := fmt.Sprintf("/Root %d 0 R", f.Root)
	if f.Info > 0 {
		trailer += fmt.Sprintf(" /Info %d 0 R", f.Info)
	}
	if f.ID {
		// PDF 32000 §14.4: two byte strings, here the same hash of the
		// body (so equal input gives equal output, as everything else).
		id := md5.Sum(out.Bytes())
		trailer += fmt.Sprintf(" /ID [<%x> <%x>]", id, id)
	}
	xref := out.Len()
	if !f.Compact {
		fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", size)
		for n := 1; n < size; n++ {
			if f.Objects[n] == nil {
				out.WriteString("0000000000 65535 f \n")
				continue
			}
			fmt.Fprintf(out, "%010d 00000 n \n", offs[n])
		}
		fmt.Fprintf(out, "trailer\n<<\n/Size %d\n%s\n>>\nstartxref\n%d\n%%%%EOF\n", size, strings.ReplaceAll(trailer, " /", "\n/"), xref)
		return out.Bytes()
	}
	// the cross-reference stream: type, offset or object stream (4
	// bytes), generation or index (2 bytes) per object, itself included
	self := size
	size++
	offs[self] = xref
	table := make([]byte, 0, 7*size)
	for n := range size {
		switch {
		case n == 0 || n < len(f.Objects) && f.Objects[n] == nil:
			table = append(table, 0, 0, 0, 0, 0, 0xFF, 0xFF)
		case inStream[n] > 0:
			k := inStream[n] - 1
			table = append(table, 2, byte(objStm>>24), byte(objStm>>16), byte(objStm>>8), byte(objStm), byte(k>>8), byte(k))
		default:
			o := offs[n]
			table = append(table, 1, byte(o>>24), byte(o>>16), byte(o>>8), byte(o), 0, 0)
		}
	}
	fmt.Fprintf(out, "%d 0 obj\n", self)
	out.Write(Stream(fmt.Sprintf("/Type /XRef /Size %d /W [1 4 2] %s", size, trailer), table, true))
	fmt.Fprintf(out, "endobj\nstartxref\n%d\n%%%%EOF\n", xref)
	return out.Bytes()
}

// isStream reports whether an object's body is a stream (which cannot go
// into an object stream).
func isStream(o []byte) bool {
	return bytes.HasSuffix(o, []byte("\nendstream\n"))
}

// AtLeast raises the version the header says ("%PDF-1.x") to v, when it
// is lower: what the file's contents need (PDF/X-4 is PDF 1.6).
func (f *File) AtLeast(v string) { setVersion(f.Header, v) }

// setVersion raises the header's "%PDF-1.x" to at least v, in place.
func setVersion(header []byte, v string) {
	const p = "%PDF-"
	if bytes.HasPrefix(header, []byte(p)) && len(header) >= len(p)+3 && string(header[len(p):len(p)+3]) < v {
		copy(header[len(p):], v)
	}
}

// Compress deflates stream object n, if it is not filtered already: fpdf
// writes page contents uncompressed when asked to, so that they can be
// compressed here with a pooled writer instead of a new one per page.
func (f *File) Compress(n int) error {
	if n <= 0 || n >= len(f.Objects) || f.Objects[n] == nil {
		return fmt.Errorf("pdffile: no object %d", n)
	}
	o := f.Objects[n]
	i := bytes.Index(o, []byte(">>\nstream\n"))
	if !bytes.HasPrefix(o, []byte("<<")) || i < 0 || !bytes.HasSuffix(o, []byte("\nendstream\n")) {
		return fmt.Errorf("pdffile: object %d is not a stream", n)
	}
	dict := o[2:i]
	if bytes.Contains(dict, []byte("/Filter")) {
		return nil
	}
	data := o[i+len(">>\nstream\n") : len(o)-len("\nendstream\n")]
	k := bytes.Index(dict, []byte("/Length "))
	if k < 0 {
		return fmt.Errorf("pdffile: stream %d has no /Length", n)
	}
	end := k + len("/Length ")
	for end < len(dict) && dict[end] >= '0' && dict[end] <= '9' {
		end++
	}
	if l, err := strconv.Atoi(string(dict[k+len("/Length ") : end])); err != nil || l != len(data) {
		return fmt.Errorf("pdffile: stream %d: /Length does not match its data", n)
	}
	rest := string(slices.Concat(dict[:k], dict[end:]))
	if rest != "" && rest[0] != ' ' {
		rest = " " + rest
	}
	f.Objects[n] = Stream(strings.TrimRight(rest, " "), data, true)
	return nil
}

// Insert adds entries to dictionary n before its closing ">>", as they
// are (with the white space they bring).
func (f *File) Insert(n int, entries string) {
	d := f.Objects[n]
	i := bytes.LastIndex(d, []byte(">>"))
	if i < 0 {
		return
	}
	f.Objects[n] = slices.Concat(d[:i], []byte(entries), d[i:])
}

// InsertIn adds entries, lines ended by "\n", at the head of the
// sub-dictionary key of dictionary n, written as fpdf writes its
// resources ("/Font <<\n…>>\n"); when n has none it is made, at the end.
func (f *File) InsertIn(n int, key, entries string) {
	d := f.Objects[n]
	open := []byte(key + " <<\n")
	i := bytes.Index(d, open)
	if i < 0 {
		f.Insert(n, key+" <<\n"+entries+">>\n")
		return
	}
	i += len(open)
	f.Objects[n] = slices.Concat(d[:i], []byte(entries), d[i:])
}

// Text is s as a PDF text string: PDFDocEncoding for ASCII, else UTF-16BE
// with its byte order mark (UTF16BE), escaped (Literal).
func Text(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return literal(utf16BE(s))
		}
	}
	return literal(s)
}

// UTF16BE is s in UTF-16BE with its byte order mark: how a PDF text
// string holds what is not ASCII. fpdf's Bookmark writes it as given.
func UTF16BE(s string) string { return string(utf16BE(s)) }

func utf16BE(s string) []byte {
	b := make([]byte, 2, 2+2*len(s))
	b[0], b[1] = 0xFE, 0xFF
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u>>8), byte(u))
	}
	return b
}

// Literal is s as a PDF literal string, its bytes as they are but for
// the three that are escaped and a carriage return (which a reader would
// take for a line end).
func Literal(s string) string { return literal(s) }

func literal[T string | []byte](s T) string {
	var b strings.Builder
	b.Grow(len(s) + 2)
	b.WriteByte('(')
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '\\', '(', ')':
			b.WriteByte('\\')
			b.WriteByte(c)
		case '\r':
			b.WriteString(`\r`)
		default:
			b.WriteByte(c)
		}
	}
	b.WriteByte(')')
	return b.String()
}

// Ref returns the object number that key of dictionary n refers to
// ("/Key N 0 R"), the last such entry: fpdf ends a page dictionary with
// its /Contents, and the caller's own entries come after fpdf's.
func (f *File) Ref(n int, key string) (int, error) {
	if n <= 0 || n >= len(f.Objects) || f.Objects[n] == nil {
		return 0, fmt.Errorf("pdffile: no object %d", n)
	}
	o := f.Objects[n]
	i := bytes.LastIndex(o, []byte(key+" "))
	if i < 0 {
		return 0, fmt.Errorf("pdffile: object %d has no %s", n, key)
	}
	num, rest, _ := bytes.Cut(o[i+len(key)+1:], []byte(" "))
	if !bytes.HasPrefix(rest, []byte("0 R")) {
		return 0, fmt.Errorf("pdffile: object %d: %s is not a reference", n, key)
	}
	r, err := strconv.Atoi(string(num))
	if err != nil || r <= 0 || r >= len(f.Objects) {
		return 0, fmt.Errorf("pdffile: object %d: bad %s %q", n, key, num)
	}
	return r, nil
}

// Pages returns the object numbers of the pages, in order, at least one:
// fpdf writes one Pages node whose Kids are all the pages (and adds a
// page to a document that has none).
func (f *File) Pages() ([]int, error) {
	for _, o := range f.Objects {
		if !bytes.HasPrefix(o, []byte("<</Type /Pages\n")) {
			continue
		}
		_, kids, ok := bytes.Cut(o, []byte("/Kids ["))
		if !ok {
			break
		}
		kids, _, ok = bytes.Cut(kids, []byte("]"))
		if !ok {
			break
		}
		fs := bytes.Fields(kids)
		var pages []int
		for i := 0; i+2 < len(fs); i += 3 {
			n, err := strconv.Atoi(string(fs[i]))
			if err != nil || n <= 0 || n >= len(f.Objects) || string(fs[i+2]) != "R" {
				return nil, fmt.Errorf("pdffile: bad page reference %q", fs[i])
			}
			pages = append(pages, n)
		}
		if len(pages) == 0 {
			return nil, fmt.Errorf("pdffile: the page tree has no pages")
		}
		return pages, nil
	}
	return nil, fmt.Errorf("pdffile: no page tree")
}
