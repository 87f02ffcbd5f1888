package printable

import (
	"encoding/json"
	"testing"
	"unicode"
)

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

// JSON escapes bidi and zero-width characters and keeps the JSON's
// meaning: decoding gives the text back.
func TestJSON(t *testing.T) {
	for _, in := range []string{"plain 中文", "a\u202Eevil\u202C.yaml", "zero\u200Bwidth", "tag\U000E0041s", "bom\uFEFF"} {
		b, err := json.Marshal(map[string]string{"file": in})
		if err != nil {
			t.Fatal(err)
		}
		out := JSON(b)
		for _, r := range string(out) {
			if unicode.Is(unicode.Cf, r) || unicode.IsControl(r) {
				t.Errorf("%q: %U left raw in %s", in, r, out)
			}
		}
		var back map[string]string
		if err := json.Unmarshal(out, &back); err != nil || back["file"] != in {
			t.Errorf("%q: %s decodes to %q (%v)", in, out, back["file"], err)
		}
	}
}
