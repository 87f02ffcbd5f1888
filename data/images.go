package data

import (
	"bytes"
	"strings"
)

// imageKind names what a file that is not a JPEG or PNG is, from its
// first bytes, for the message that refuses it.
func imageKind(head []byte) string {
	has := func(off int, s string) bool {
		return len(head) >= off+len(s) && string(head[off:off+len(s)]) == s
	}
	text := strings.ToLower(strings.TrimSpace(string(bytes.TrimPrefix(head, bom))))
	switch {
	case len(head) == 0:
		return "an empty file, not a picture"
	case has(0, "RIFF") && has(8, "WEBP"):
		return "a WebP picture, which the PDF writer cannot embed"
	case has(4, "ftypheic") || has(4, "ftypheix") || has(4, "ftypmif1") || has(4, "ftyphevc") || has(4, "ftypmsf1"):
		return "a HEIC picture (as an iPhone saves them), which the PDF writer cannot embed"
	case has(4, "ftypavif"):
		return "an AVIF picture, which the PDF writer cannot embed"
	case has(0, "GIF8"):
		return "a GIF picture, which the PDF writer cannot embed"
	case has(0, "II*\x00") || has(0, "MM\x00*"):
		return "a TIFF picture, which the PDF writer cannot embed"
	case has(0, "BM"):
		return "a BMP picture, which the PDF writer cannot embed"
	case has(0, "%PDF"):
		return "a PDF, not a picture"
	case strings.HasPrefix(text, "<svg") || strings.HasPrefix(text, "<?xml") && strings.Contains(text, "<svg"):
		return "an SVG drawing, which the PDF writer cannot embed (export it as PNG)"
	case strings.HasPrefix(text, "<"):
		return "a web page or XML file, not a picture (was it saved from a browser?)"
	}
	return "not a JPEG or PNG picture"
}
