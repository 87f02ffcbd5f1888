package pdffile

import (
	"bytes"
	"sync"

	"github.com/klauspost/compress/zlib"
)

// Level is the zlib level of Deflate: the font programs are most of a
// brochure's bytes and compress 8 % better at this level than at fpdf's
// BestSpeed, for about 2 ms more on the sample (see the package's bench).
const Level = 6

// writers are reused: a zlib writer allocates about 1 MB of tables, and a
// brochure writes a dozen streams.
var writers = sync.Pool{New: func() any {
	w, _ := zlib.NewWriterLevel(nil, Level)
	return w
}}

// Deflate compresses data in the zlib format (PDF's FlateDecode).
func Deflate(data []byte) []byte {
	var b bytes.Buffer
	b.Grow(len(data)/2 + 64)
	w := writers.Get().(*zlib.Writer)
	w.Reset(&b)
	w.Write(data) // a bytes.Buffer does not fail
	w.Close()
	writers.Put(w)
	return b.Bytes()
}
