package fonts

import (
	"encoding/binary"
	"errors"
	"sync"

	xsfnt "golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
)

// outlines is the face read by golang.org/x/image/font/sfnt, which reads
// TrueType and CFF outlines alike (github.com/golang/freetype/truetype,
// behind Font, reads only TrueType).
type outlines struct {
	once sync.Once
	font *xsfnt.Font
	err  error
	mu   sync.Mutex
	buf  xsfnt.Buffer
}

// TrueType reports whether the face's outlines are TrueType (glyf), which
// Font parses; a CFF face's Font is the embedded Regular's.
func (f *Face) TrueType() bool {
	s, err := f.sfnt()
	return err == nil && s.cff == nil && f.dir == 0
}

// Outline returns the outline of r's glyph at size pt, in pt from the
// glyph's origin on the baseline, y growing down, for drawing the glyph
// as a path: the PNG export of charts draws CFF faces with it.
func (f *Face) Outline(r rune, size float64) (xsfnt.Segments, error) {
	o := &f.outlines
	o.once.Do(func() { o.font, o.err = f.parseOutlines() })
	if o.err != nil {
		return nil, o.err
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	gi, err := o.font.GlyphIndex(&o.buf, r)
	if err != nil {
		return nil, err
	}
	segs, err := o.font.LoadGlyph(&o.buf, gi, fixed.Int26_6(size*64), nil)
	if err != nil {
		return nil, err
	}
	return append(xsfnt.Segments(nil), segs...), nil // LoadGlyph's slice is the buffer's
}

// parseOutlines reads the face with x/image: the file, or the face of a
// collection whose table directory starts at f.dir.
func (f *Face) parseOutlines() (*xsfnt.Font, error) {
	if f.dir == 0 {
		return xsfnt.Parse(f.ttf)
	}
	c, err := xsfnt.ParseCollection(f.ttf)
	if err != nil {
		return nil, err
	}
	if len(f.ttf) < 12 {
		return nil, errors.New("a collection without a header")
	}
	n := int(binary.BigEndian.Uint32(f.ttf[8:]))
	for i := 0; i < n && 12+4*i+4 <= len(f.ttf); i++ {
		if int(binary.BigEndian.Uint32(f.ttf[12+4*i:])) == f.dir {
			return c.Font(i)
		}
	}
	return nil, errors.New("the face is not in its collection's header")
}
