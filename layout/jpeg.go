package layout

import (
	"bytes"
	"encoding/binary"
	"fmt"
)

// jpegInfo is what a JPEG's markers say that placing it needs.
type jpegInfo struct {
	orientation int  // EXIF orientation, 1..8 (1 when there is none)
	components  int  // 1 grey, 3 colour (YCbCr), 4 CMYK or YCCK
	adobe       bool // an Adobe (APP14) segment: a CMYK file's values are stored inverted
}

// cleanJPEG returns the JPEG with nothing but what draws it, and what its
// markers say. A photo's file carries more than its pixels: EXIF (the
// camera, the time, often the GPS position), XMP, comments, thumbnails and
// maker notes, sometimes hundreds of segments of them; none of it belongs
// in a printed brochure. Kept: the segments that decode the image (tables,
// frame, scans), JFIF (APP0) and Adobe (APP14, which says how a CMYK file's
// colours are stored), and for a CMYK photo its ICC profile (APP2), which
// describes the press it was separated for. The scans are copied as they
// are: no re-encoding, no loss.
func cleanJPEG(b []byte) ([]byte, jpegInfo, error) {
	info := jpegInfo{orientation: 1}
	if len(b) < 4 || b[0] != 0xFF || b[1] != 0xD8 {
		return nil, info, fmt.Errorf("not a JPEG file")
	}
	out := make([]byte, 0, len(b))
	out = append(out, 0xFF, 0xD8)
	var icc [][]byte // APP2 ICC_PROFILE segments, kept for CMYK only
	i := 2
	for i < len(b) {
		m, at, n, err := jpegSegment(b, i)
		if err != nil {
			return nil, info, fmt.Errorf("damaged JPEG: %v", err)
		}
		if at == len(b) && m == 0 { // the file ends in fill bytes
			break
		}
		i = at
		switch {
		case m == 0xD9: // EOI
			out = append(out, 0xFF, 0xD9)
			return out, info, nil
		case n == 0: // a marker without a segment
			out = append(out, 0xFF, m)
			continue
		}
		seg := b[i-2 : i+n] // marker, length, payload
		payload := b[i+2 : i+n]
		switch {
		case m == 0xDA: // SOS: the scans and what follows them go as they are
			if len(icc) > 0 && info.components == 4 {
				out = insertAfterSOI(out, bytes.Join(icc, nil))
			}
			out = append(out, b[i-2:]...)
			return out, info, nil
		case m == 0xE1: // APP1: EXIF or XMP; only the orientation is read
			if o := exifOrientation(payload); o != 0 {
				info.orientation = o
			}
		case m == 0xE2: // APP2: ICC profile chunks (and FlashPix, dropped)
			if bytes.HasPrefix(payload, []byte("ICC_PROFILE\x00")) {
				icc = append(icc, seg)
			}
		case m == 0xE0 && bytes.HasPrefix(payload, []byte("JFIF\x00")):
			out = append(out, seg...)
		case m == 0xEE && bytes.HasPrefix(payload, []byte("Adobe")):
			info.adobe = true
			out = append(out, seg...)
		case m >= 0xE0 && m <= 0xEF, m == 0xFE: // other APPn, COM: dropped
		default:
			if m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC && len(payload) >= 6 {
				info.components = int(payload[5]) // SOFn: precision, height, width, components
			}
			out = append(out, seg...)
		}
		i += n
	}
	return nil, info, fmt.Errorf("damaged JPEG: no image data")
}

// jpegSegment reads the marker at b[i], past its fill bytes: the marker
// m, at the index after it (m 0 and at len(b) when the file ends in
// fill bytes), and
// n the length of the segment that begins there (its two length bytes
// included), 0 for a marker that has none (EOI, TEM, RSTn). What
// cleanJPEG and jpegWhole both walk.
func jpegSegment(b []byte, i int) (m byte, at, n int, err error) {
	if b[i] != 0xFF {
		return 0, 0, 0, fmt.Errorf("no marker at byte %d", i)
	}
	for i < len(b) && b[i] == 0xFF { // fill bytes
		i++
	}
	if i >= len(b) {
		return 0, i, 0, nil
	}
	m, i = b[i], i+1
	if m == 0xD9 || m == 0x01 || m >= 0xD0 && m <= 0xD7 {
		return m, i, 0, nil
	}
	if i+2 > len(b) {
		return m, i, 0, fmt.Errorf("cut short in a segment")
	}
	n = int(binary.BigEndian.Uint16(b[i:]))
	if n < 2 || i+n > len(b) {
		return m, i, 0, fmt.Errorf("cut short: a segment of %d bytes at byte %d", n, i)
	}
	return m, i, n, nil
}

// insertAfterSOI puts segs right after the start-of-image marker (and
// after JFIF, whose place is first).
func insertAfterSOI(out, segs []byte) []byte {
	at := 2
	if len(out) > 6 && out[2] == 0xFF && out[3] == 0xE0 {
		at = 4 + int(binary.BigEndian.Uint16(out[4:]))
	}
	r := make([]byte, 0, len(out)+len(segs))
	r = append(r, out[:at]...)
	r = append(r, segs...)
	return append(r, out[at:]...)
}

// exifOrientation reads the Orientation tag (0x0112) of IFD0 from an APP1
// payload; 0 when it is not EXIF or has no valid orientation.
func exifOrientation(p []byte) int {
	if !bytes.HasPrefix(p, []byte("Exif\x00\x00")) {
		return 0
	}
	t := p[6:]
	if len(t) < 8 {
		return 0
	}
	var bo binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return 0
	}
	off := int(bo.Uint32(t[4:]))
	if off < 8 || off+2 > len(t) {
		return 0
	}
	n := int(bo.Uint16(t[off:]))
	for k := 0; k < n; k++ {
		e := off + 2 + 12*k
		if e+12 > len(t) {
			return 0
		}
		if bo.Uint16(t[e:]) == 0x0112 && bo.Uint16(t[e+2:]) == 3 { // SHORT
			if o := int(bo.Uint16(t[e+8:])); o >= 1 && o <= 8 {
				return o
			}
			return 0
		}
	}
	return 0
}

// swapsSides reports whether an EXIF orientation turns the picture a
// quarter: its width on the page is the file's height.
func swapsSides(o int) bool { return o >= 5 && o <= 8 }

// jpegWhole returns an error when a JPEG's segments do not run whole from
// the start-of-image marker to the end-of-image one, scans included: what
// a file cut short (an interrupted copy or download) lacks. It reads the
// markers and steps over the scans' bytes without decoding a pixel,
// nearly free where image.Decode (a Huffman decode and an inverse DCT per
// block) was a quarter of a big report's build just to check its photos.
// Like cleanJPEG, which embeds the file, it wants a marker after every
// segment.
func jpegWhole(b []byte) error {
	if len(b) < 4 || b[0] != 0xFF || b[1] != 0xD8 {
		return fmt.Errorf("not a JPEG file")
	}
	scan := false // a scan (SOS) was read: the file has image data
	i := 2
	for i < len(b) {
		m, at, n, err := jpegSegment(b, i)
		if err != nil {
			return err
		}
		if at == len(b) && m == 0 { // the file ends in fill bytes
			break
		}
		i = at
		switch {
		case m == 0xD9: // EOI
			if !scan {
				return fmt.Errorf("no image data")
			}
			return nil
		case n == 0: // a marker without a segment
			continue
		}
		i += n
		if m != 0xDA { // SOS: its entropy-coded data follows, up to the next marker
			continue
		}
		scan = true
		for i < len(b) {
			if b[i] == 0xFF && i+1 < len(b) && (b[i+1] == 0x00 || b[i+1] >= 0xD0 && b[i+1] <= 0xD7) {
				i += 2 // a stuffed 0xFF or a restart marker: still the scan
				continue
			}
			if b[i] == 0xFF {
				break
			}
			i++
		}
	}
	return fmt.Errorf("cut short: no end-of-image marker")
}
