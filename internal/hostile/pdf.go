// Package hostile makes inputs that try to hang, exhaust or escape
// brochure: PDFs, spreadsheets and reports from the red-team list of issue
// 19, generated in code so that the large ones need not be stored. Tests of
// preflight, impose, the data reader and the command use them; nothing
// outside tests does.
package hostile

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strings"
	"sync"
)

// PDF writes a PDF from its objects (object n is objs[n-1], the text between
// "n 0 obj" and "endobj"), catalog 1, with a classic xref table.
func PDF(objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n")
	offs := make([]int, len(objs))
	for i, o := range objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	x := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, x)
	return b.Bytes()
}

// Stream is a stream object with data, Flate-compressed when z is set.
func Stream(dict string, data []byte, z bool) string {
	if z {
		var c bytes.Buffer
		w, _ := zlib.NewWriterLevel(&c, zlib.BestCompression)
		w.Write(data)
		w.Close()
		data = c.Bytes()
		dict += " /Filter /FlateDecode"
	}
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

const a5 = "[0 0 420 595]"

// Pages is a well-formed PDF of n pages, each with a little text-free
// content and a TrimBox, all under one /Pages node (a flat tree, as many
// writers make it).
func Pages(n int) []byte {
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", ""}
	var kids strings.Builder
	for i := range n {
		p := len(objs) + 1
		fmt.Fprintf(&kids, "%d 0 R ", p)
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox %s /TrimBox %s /Contents %d 0 R >>", a5, a5, p+1))
		objs = append(objs, Stream("", fmt.Appendf(nil, "0 0 1 rg 10 10 %d 20 re f", i%400+1), false))
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", kids.String(), n)
	return PDF(objs...)
}

// Count is one page whose /Pages claims count pages.
func Count(count int64) []byte {
	return PDF("<< /Type /Catalog /Pages 2 0 R >>",
		fmt.Sprintf("<< /Type /Pages /Kids [3 0 R] /Count %d >>", count),
		"<< /Type /Page /Parent 2 0 R /MediaBox "+a5+" /Contents 4 0 R >>",
		Stream("", []byte("0 0 m 10 10 l S"), false))
}

// XObjectFan is a page that draws form F0 ten times; F0 draws F1 ten
// times, and so on to F(levels-1): 10^levels forms in all from 1 KB.
func XObjectFan(levels int) []byte {
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox " + a5 + " /Resources << /XObject << /F 5 0 R >> >> /Contents 4 0 R >>",
		Stream("", []byte(strings.Repeat("q /F Do Q\n", 10)), false)}
	for i := range levels {
		n := len(objs) + 1
		if i == levels-1 {
			objs = append(objs, Stream("/Type /XObject /Subtype /Form /BBox [0 0 10 10]", []byte("0 0 m 1 1 l S"), false))
			continue
		}
		objs = append(objs, Stream(fmt.Sprintf("/Type /XObject /Subtype /Form /BBox [0 0 10 10] /Resources << /XObject << /F %d 0 R >> >>", n+1),
			[]byte(strings.Repeat("q /F Do Q\n", 10)), false))
	}
	return PDF(objs...)
}

var (
	bombOnce sync.Once
	bombZ    []byte
)

// inflating is the zlib compression of size bytes of content ("q Q"
// repeated), made once per process and kept: 500 MB compress to about
// 500 KB.
func inflating(size int) []byte {
	bombOnce.Do(func() {
		var c bytes.Buffer
		w, _ := zlib.NewWriterLevel(&c, zlib.BestCompression)
		chunk := bytes.Repeat([]byte("q Q\n"), 1<<18) // 1 MB
		for n := 0; n < size; n += len(chunk) {
			w.Write(chunk)
		}
		w.Close()
		bombZ = c.Bytes()
	})
	return bombZ
}

// SharedBomb is four pages that share one content stream inflating to
// 500 MB.
func SharedBomb() []byte {
	z := inflating(500 << 20)
	content := fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", len(z), z)
	return PDF("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R 6 0 R] /Count 4 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox "+a5+" /Contents 7 0 R >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox "+a5+" /Contents 7 0 R >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox "+a5+" /Contents 7 0 R >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox "+a5+" /Contents 7 0 R >>",
		content)
}

// HugeObjectNumber is four pages and one more object numbered n (the
// xref table has a second section for it).
func HugeObjectNumber(n int) []byte {
	b := Pages(4)
	// append an incremental update that adds object n
	x := bytes.LastIndex(b, []byte("startxref\n"))
	prev := string(bytes.TrimSpace(bytes.TrimSuffix(b[x+len("startxref\n"):], []byte("%%EOF\n"))))
	var u bytes.Buffer
	u.Write(b)
	off := u.Len()
	fmt.Fprintf(&u, "%d 0 obj\n(x)\nendobj\n", n)
	xo := u.Len()
	fmt.Fprintf(&u, "xref\n0 1\n0000000000 65535 f \n%d 1\n%010d 00000 n \ntrailer\n<< /Size %d /Root 1 0 R /Prev %s >>\nstartxref\n%d\n%%%%EOF\n", n, off, n+1, prev, xo)
	return u.Bytes()
}

// Boxes is four pages whose MediaBox and TrimBox are box (e.g.
// "[-1e30 -1e30 1e30 1e30]").
func Boxes(media, trim string) []byte {
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R 4 0 R 5 0 R 6 0 R] /Count 4 >>"}
	for range 4 {
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox %s /TrimBox %s /Contents 7 0 R >>", media, trim))
	}
	objs = append(objs, Stream("", []byte("0 0 m 10 10 l S"), false))
	return PDF(objs...)
}
