// Package printable makes text from an input safe to print on a terminal:
// a YAML key, a path or a PDF font name may hold ESC and OSC sequences
// (which move the cursor, retitle the window or hide text) or bidi
// controls (which reorder what is shown, "Trojan Source"). String shows
// each such character as \u escape instead; everything else, Chinese
// included, is left as it is.
package printable

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"
)

// String returns s with control, format (bidi, zero-width) and invalid
// characters written as \uXXXX (or \xNN for a byte that is not UTF-8).
// Tab is kept; a newline is shown as \n, so one message stays one line.
func String(s string) string {
	ok := true
	for _, r := range s {
		if unsafe(r) {
			ok = false
			break
		}
	}
	if ok && utf8.ValidString(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n':
			b.WriteString(`\n`)
		case unsafe(r):
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
		i += n
	}
	return b.String()
}

func unsafe(r rune) bool {
	if r == '\t' {
		return false
	}
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == utf8.RuneError ||
		r == '\u2028' || r == '\u2029'
}

// JSON returns encoding/json's output b with the format characters it
// leaves as they are (bidi controls, zero-width characters) written as
// \uXXXX escapes, which a JSON reader decodes to the same text: --json
// output on a terminal is then as safe as a message. (encoding/json
// already escapes control characters, U+2028 and U+2029.)
func JSON(b []byte) []byte {
	i := 0
	for i < len(b) {
		r, n := utf8.DecodeRune(b[i:])
		if unicode.Is(unicode.Cf, r) {
			break
		}
		i += n
	}
	if i == len(b) {
		return b
	}
	out := append([]byte(nil), b[:i]...)
	for i < len(b) {
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case !unicode.Is(unicode.Cf, r):
			out = append(out, b[i:i+n]...)
		case r > 0xFFFF:
			hi, lo := utf16.EncodeRune(r)
			out = fmt.Appendf(out, `\u%04x\u%04x`, hi, lo)
		default:
			out = fmt.Appendf(out, `\u%04x`, r)
		}
		i += n
	}
	return out
}
