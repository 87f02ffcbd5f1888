package fonts

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// maxFontSize bounds a user font file; a CJK TrueType face is 5–20 MB.
const maxFontSize = 64 << 20

// Open reads a TrueType font a user supplies (a fallback for rare
// characters, or a face to use instead of Noto Sans SC) and names it family
// in the PDF. The PDF writer embeds only TrueType fonts with glyf
// outlines, so collections, CFF-flavoured OpenType and web fonts are
// refused with a message that says why and what to use instead: fpdf
// itself would accept some of them silently and fail later as "undefined
// font".
func Open(path, family string) (*Face, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	ttf, err := io.ReadAll(io.LimitReader(f, maxFontSize+1))
	if err != nil {
		return nil, err
	}
	if len(ttf) > maxFontSize {
		return nil, fmt.Errorf("%s is larger than %d MB; is it a font?", filepath.Base(path), maxFontSize>>20)
	}
	if err := sniff(ttf); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Base(path), err)
	}
	face := &Face{Family: family, ttf: ttf}
	if _, err := face.sfnt(); err != nil {
		return nil, fmt.Errorf("%s is not a usable TrueType font: %w", filepath.Base(path), err)
	}
	return face, nil
}

// sniff tells what kind of font file this is from its first bytes.
func sniff(b []byte) error {
	if len(b) < 4 {
		return fmt.Errorf("the file is empty or too short to be a font")
	}
	switch tag := string(b[:4]); {
	case binary.BigEndian.Uint32(b) == 0x00010000 || tag == "true":
		return nil
	case tag == "ttcf":
		return fmt.Errorf("a TrueType Collection (.ttc) holds several fonts and cannot be embedded as one; extract the face you want into a .ttf (e.g. python3 -m fontTools.ttLib.ttCollection or a font editor), or use the font's .ttf release")
	case tag == "OTTO":
		return fmt.Errorf("an OpenType font with CFF (PostScript) outlines cannot be embedded by the PDF writer; use the TrueType (.ttf, glyf outlines) release of the font, e.g. the static TTFs of Noto Sans SC")
	case tag == "wOFF" || tag == "wOF2":
		return fmt.Errorf("a web font (WOFF) cannot be embedded; use the font's .ttf release")
	case bytes.HasPrefix(b, []byte("%!PS")) || bytes.HasPrefix(b, []byte{0x80, 0x01}):
		return fmt.Errorf("a PostScript Type 1 font cannot be used; use a TrueType (.ttf) font")
	}
	return fmt.Errorf("not a font file (a TrueType .ttf is needed)")
}
