package printable

import "testing"

func TestString(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"交通 report.yaml", "交通 report.yaml"},
		{"a\tb", "a\tb"},
		{"\x1b]0;pwned\x07title", `\u001B]0;pwned\u0007title`},
		{"\x1b[2J", `\u001B[2J`},
		{"abc\u202Edef", `abc\u202Edef`},       // right-to-left override
		{"zero\u200Bwidth", `zero\u200Bwidth`}, // zero-width space
		{"two\nlines", `two\nlines`},
		{"bad\xffbyte", `bad\xffbyte`},
		{"\u0085next", `\u0085next`}, // C1 control
	} {
		if got := String(c.in); got != c.want {
			t.Errorf("String(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}
