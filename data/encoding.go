package data

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

const saveAsUTF8 = "save it as UTF-8 (in Notepad: File > Save As > Encoding: UTF-8; in WPS or Word: Save As > Plain Text > UTF-8)"

// text returns src as UTF-8 without a BOM, converted from GBK/GB18030 if
// the options say the file is in it; on a file that is not UTF-8 it reports
// why at the first bad byte and returns false.
func (d *decoder) text(src []byte) ([]byte, bool) {
	top := Pos{File: d.file, Line: 1, Col: 1}
	switch enc := strings.ToLower(strings.ReplaceAll(d.opts.Encoding, "-", "")); enc {
	case "", "utf8":
	case "gbk", "gb18030", "gb2312", "cp936":
		out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(src)
		if err != nil || bytes.ContainsRune(out, utf8.RuneError) && !bytes.ContainsRune(src, utf8.RuneError) {
			d.errAt(top, "", "the file is not valid GBK/GB18030 text; open it in an editor, check the characters, and %s", saveAsUTF8)
			return nil, false
		}
		src = out
	default:
		d.errAt(Pos{File: d.file}, "", "unknown encoding %q; use --encoding utf-8 (the default) or --encoding gbk", d.opts.Encoding)
		return nil, false
	}
	if bytes.HasPrefix(src, []byte{0xFF, 0xFE}) || bytes.HasPrefix(src, []byte{0xFE, 0xFF}) {
		d.errAt(top, "", "the file is saved as UTF-16 (\"Unicode\" in Notepad); %s", saveAsUTF8)
		return nil, false
	}
	src = bytes.TrimPrefix(src, bom)
	if utf8.Valid(src) {
		return src, true
	}
	// where the first bad byte is, counted the way an editor counts
	line, col, off := 1, 1, 0
	for off < len(src) {
		r, size := utf8.DecodeRune(src[off:])
		if r == utf8.RuneError && size == 1 {
			break
		}
		if r == '\n' {
			line, col = line+1, 1
		} else {
			col++
		}
		off += size
	}
	at := Pos{File: d.file, Line: line, Col: col}
	if looksGBK(src) {
		d.errAt(at, "", "the file is saved as GBK/GB18030 (the Chinese Windows encoding), not UTF-8; %s, or build it as it is with --encoding gbk", saveAsUTF8)
		return nil, false
	}
	d.errAt(at, "", "byte 0x%02X here is not UTF-8 text: the file is damaged or mixes encodings; retype the characters at this place, or %s", src[off], saveAsUTF8)
	return nil, false
}

// looksGBK reports whether src decodes as GB18030 without a replacement,
// with most of its non-ASCII text in the CJK ideographs and punctuation,
// the way a Chinese report saved by an old Windows editor does.
func looksGBK(src []byte) bool {
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(src)
	if err != nil || bytes.ContainsRune(out, utf8.RuneError) {
		return false
	}
	han, other := 0, 0
	for _, r := range string(out) {
		switch {
		case r < 0x80:
		case r >= 0x4E00 && r <= 0x9FFF, r >= 0x3000 && r <= 0x303F, r >= 0xFF00 && r <= 0xFFEF:
			han++
		default:
			other++
		}
	}
	return han > 0 && han >= 4*other
}
