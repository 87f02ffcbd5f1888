package data

import (
	"strings"
	"testing"
)

// TestBlockErrors: a QR code's address that a phone cannot open, and a
// quote or a QR code without its text or address, are refused with a
// message at the value's line and column.
func TestBlockErrors(t *testing.T) {
	for _, c := range []struct {
		name, yaml, want string
		line, col        int
	}{
		{"ftp", "qr: {url: ftp://example.com/a}\n", `"ftp://example.com/a" is not a web address a phone can open`, 5, 11},
		{"no scheme", "qr:\n  url: www.example.gov.cn\n", "write one that starts with https://", 6, 8},
		{"javascript", "qr: {url: \"javascript:alert(1)\"}\n", "is not a web address", 5, 11},
		{"spaces", "qr: {url: \"https://example.com/a b\"}\n", "is not a web address", 5, 11},
		{"no url", "qr: {caption: 扫码阅读电子版}\n", `this QR code has no address; add "url:"`, 5, 5},
		{"section qr", "    qr: {url: mailto:office@example.com}\n", "is not a web address", 5, 15},
		{"no quote text", "    quote: {by: 王明}\n", `this quote has no text; add "text:"`, 5, 12},
		{"qr as a string", "qr: https://example.com\n", `want "qr", got the string`, 5, 5},
	} {
		t.Run(c.name, func(t *testing.T) {
			src := "title: 测试\nsections:\n  - title: 一节\n    body: 正文\n" + c.yaml
			_, err := Parse("r.yaml", []byte(src))
			if err == nil {
				t.Fatalf("accepted:\n%s", src)
			}
			es := err.(Errors)
			for _, e := range es {
				if strings.Contains(e.Msg, c.want) {
					if e.Pos.Line != c.line || e.Pos.Col != c.col {
						t.Errorf("at %d:%d, want %d:%d: %v", e.Pos.Line, e.Pos.Col, c.line, c.col, e)
					}
					return
				}
			}
			t.Errorf("no error containing %q in:\n%v", c.want, err)
		})
	}
	// a good one
	if _, err := Parse("r.yaml", []byte("title: 测试\nqr: {url: \"HTTPS://Example.com/a?b=1#c\", caption: 扫码}\nsections:\n  - title: 一节\n    quote: {text: 平安}\n    qr: {url: http://a.cn}\n")); err != nil {
		t.Errorf("a good QR code and quote refused: %v", err)
	}
}
