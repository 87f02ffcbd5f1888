package layout

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/brochure-dev/brochure/fonts"
)

// finish makes two corrections to fpdf's output, deterministically, and
// rewrites the cross-reference table for the new byte offsets:
//
//   - Page boxes: fpdf writes each page's /TrimBox, /BleedBox… by ranging
//     over a Go map, so their order changes from run to run. They are put
//     in alphabetical order (the lines only swap places, so no offset
//     moves).
//   - Font names: fpdf names an embedded font "utf8" + its lower-cased
//     family, with no subset tag, so preflight tools (and pdffonts) see a
//     complete font where there is a subset. PDF 32000 §9.6.4 wants a
//     subset's name to be six capital letters, "+", the PostScript name.
//     names maps fpdf's name to that.
//
// Renaming changes lengths, so object offsets move; the xref table is
// rebuilt from the old offsets plus the edits before each object. Nothing
// inside a stream is touched (the names are in the font dictionaries).
func finish(pdf []byte, names map[string]string) ([]byte, error) {
	sortBoxes(pdf)
	sx := bytes.LastIndex(pdf, []byte("\nstartxref\n"))
	if sx < 0 {
		return nil, fmt.Errorf("finish: no startxref")
	}
	xrefAt, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(string(pdf[sx+len("\nstartxref\n"):])), "%%EOF")))
	if err != nil || xrefAt <= 0 || xrefAt >= len(pdf) || !bytes.HasPrefix(pdf[xrefAt:], []byte("xref\n")) {
		return nil, fmt.Errorf("finish: cannot find the xref table")
	}
	type edit struct {
		at       int
		old, new string
	}
	var edits []edit
	body := pdf[:xrefAt]
	for old, nw := range names {
		for _, key := range []string{"/BaseFont /", "/FontName /"} {
			pat := []byte(key + old + "\n")
			for i := 0; ; {
				j := bytes.Index(body[i:], pat)
				if j < 0 {
					break
				}
				edits = append(edits, edit{i + j + len(key), old, nw})
				i += j + len(pat)
			}
		}
	}
	slices.SortFunc(edits, func(a, b edit) int { return a.at - b.at })
	shift := func(off int) int {
		d := 0
		for _, e := range edits {
			if e.at < off {
				d += len(e.new) - len(e.old)
			}
		}
		return off + d
	}
	var out bytes.Buffer
	last := 0
	for _, e := range edits {
		out.Write(body[last:e.at])
		out.WriteString(e.new)
		last = e.at + len(e.old)
	}
	out.Write(body[last:])
	// the table: "xref\n0 N\n" then N entries of 20 bytes
	lines := strings.SplitAfter(string(pdf[xrefAt:]), "\n")
	if len(lines) < 3 {
		return nil, fmt.Errorf("finish: short xref table")
	}
	out.WriteString(lines[0])
	out.WriteString(lines[1])
	n, err := strconv.Atoi(strings.Fields(lines[1])[1])
	if err != nil || len(lines) < 2+n {
		return nil, fmt.Errorf("finish: bad xref table")
	}
	for _, l := range lines[2 : 2+n] {
		f := strings.Fields(l)
		if len(f) == 3 && f[2] == "n" {
			o, err := strconv.Atoi(f[0])
			if err != nil {
				return nil, fmt.Errorf("finish: bad xref entry %q", l)
			}
			l = fmt.Sprintf("%010d %s n \n", shift(o), f[1])
		}
		out.WriteString(l)
	}
	// fpdf's trailer points /Info at the object before the catalog, which
	// is wrong when output intents (PDF/A) come between them
	info := infoRE.FindSubmatch(out.Bytes())
	for _, l := range lines[2+n:] {
		if info != nil && strings.HasPrefix(l, "/Info ") {
			l = "/Info " + string(info[1]) + " 0 R\n"
		}
		if strings.TrimSpace(l) == strconv.Itoa(xrefAt) {
			l = strconv.Itoa(shift(xrefAt)) + "\n"
		}
		out.WriteString(l)
	}
	return out.Bytes(), nil
}

var infoRE = regexp.MustCompile(`\n(\d+) 0 obj\n<<\n/(Producer|Title|Author|Subject|Keywords|Creator|CreationDate) `)

// sortBoxes puts the box lines of each page dictionary in alphabetical
// order, in place. fpdf writes a page as "<</Type /Page", "/Parent …",
// [/MediaBox …,] the boxes, "/Resources …", one a line.
func sortBoxes(pdf []byte) {
	isBox := func(l []byte) bool {
		for _, b := range []string{"/ArtBox [", "/BleedBox [", "/CropBox [", "/TrimBox ["} {
			if bytes.HasPrefix(l, []byte(b)) {
				return true
			}
		}
		return false
	}
	page := []byte("<</Type /Page\n")
	for i := 0; i < len(pdf); {
		j := bytes.Index(pdf[i:], page)
		if j < 0 {
			return
		}
		at := i + j + len(page)
		start, end := -1, -1
		var boxes [][]byte
		for line := 0; line < 8 && at < len(pdf); line++ {
			k := bytes.IndexByte(pdf[at:], '\n')
			if k < 0 {
				break
			}
			l := pdf[at : at+k+1]
			if isBox(l) {
				if start < 0 {
					start = at
				}
				end = at + k + 1
				boxes = append(boxes, append([]byte(nil), l...))
			} else if start >= 0 {
				break
			}
			at += k + 1
		}
		if start >= 0 {
			slices.SortFunc(boxes, bytes.Compare)
			copy(pdf[start:end], bytes.Join(boxes, nil))
		}
		i = at
	}
}

// fontNames maps fpdf's names for the faces to subset names: a tag of six
// capitals from a hash of the face and the alphabet it was cut to (the
// same subset gets the same tag; a different one another), "+", and the
// family as the document names it.
func fontNames(faces []*fonts.Face, runes []rune) map[string]string {
	names := map[string]string{}
	for _, f := range faces {
		h := sha256.Sum256([]byte(f.Family + "\x00" + string(runes)))
		tag := make([]byte, 6)
		for i := range tag {
			tag[i] = 'A' + h[i]%26
		}
		names["utf8"+strings.ToLower(f.Family)] = string(tag) + "+" + psName(f.Family)
	}
	return names
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
