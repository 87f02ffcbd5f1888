package preflight

import (
	"bytes"
	"strconv"
)

// A small reader of content streams: what preflight needs from them is
// the current transformation matrix at each image's Do, the font at each
// text-showing operator and the strings shown, and the colour operators.
// pdfcpu parses content streams only far enough to find resource names, so
// this tokenizer walks the operators itself.

// matrix is a PDF transformation [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul is m × n: first m, then n (PDF's order for "m cm" under CTM n).
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

// operand kinds: float64, name (a string type), []byte (a string), []any
// (an array); dictionaries (inline image parameters, marked content) are
// skipped.
type name string

// op is one operator with its operands.
type op struct {
	name     string
	operands []any
}

// lexer reads tokens from a content stream.
type lexer struct {
	b     []byte
	i     int
	depth int // of arrays and dictionaries being read
}

// Bounds of what one operator may carry: a content stream is untrusted,
// and 64 MB of "[" or of numbers must not become a deep recursion or a
// slice of millions of operands. Beyond them tokens are read and dropped.
const (
	maxNesting  = 32     // arrays and dictionaries in an operand
	maxOperands = 1024   // operands kept before an operator (the last ones); a CMap block has at most 300
	maxElements = 65_536 // elements kept of one array (a TJ's strings)
)

func isSpace(c byte) bool {
	return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == 0
}

func isDelim(c byte) bool {
	return bytes.IndexByte([]byte("()<>[]{}/%"), c) >= 0
}

// next returns the next operator; ok is false at the end.
func (l *lexer) next() (op, bool) {
	var stack []any
	for {
		t, kind := l.token()
		switch kind {
		case tokEOF:
			return op{}, false
		case tokOperator:
			o := op{name: string(t.(name)), operands: stack}
			if o.name == "ID" { // inline image data up to EI
				l.skipInline()
			}
			return o, true
		case tokArrayEnd, tokDictEnd:
			// stray; ignore
		default:
			if len(stack) == maxOperands {
				// keep the newest: drop the oldest 510, a multiple of 2
				// and 3, so that a CMap's bfchar pairs and bfrange
				// triples stay aligned (and the copy is rare)
				n := copy(stack, stack[510:])
				stack = stack[:n]
			}
			stack = append(stack, t)
		}
	}
}

const (
	tokEOF = iota
	tokOperand
	tokOperator
	tokArrayEnd
	tokDictEnd
)

func (l *lexer) skipSpace() {
	for l.i < len(l.b) {
		c := l.b[l.i]
		if isSpace(c) {
			l.i++
		} else if c == '%' {
			for l.i < len(l.b) && l.b[l.i] != '\n' && l.b[l.i] != '\r' {
				l.i++
			}
		} else {
			return
		}
	}
}

func (l *lexer) token() (any, int) {
	l.skipSpace()
	if l.i >= len(l.b) {
		return nil, tokEOF
	}
	c := l.b[l.i]
	switch {
	case c == '(':
		return l.literal(), tokOperand
	case c == '<' && l.i+1 < len(l.b) && l.b[l.i+1] == '<':
		l.i += 2
		if l.depth >= maxNesting {
			return nil, tokOperand // its >> ends it as a stray
		}
		l.depth++
		l.skipDict()
		l.depth--
		return nil, tokOperand
	case c == '<':
		return l.hex(), tokOperand
	case c == '>':
		l.i++
		if l.i < len(l.b) && l.b[l.i] == '>' {
			l.i++
		}
		return nil, tokDictEnd
	case c == '[':
		l.i++
		if l.depth >= maxNesting {
			return nil, tokOperand // its ] ends it as a stray
		}
		l.depth++
		defer func() { l.depth-- }()
		var arr []any
		for {
			t, k := l.token()
			if k == tokEOF || k == tokArrayEnd {
				return arr, tokOperand
			}
			if k == tokOperand && t != nil && len(arr) < maxElements {
				arr = append(arr, t)
			}
		}
	case c == ']':
		l.i++
		return nil, tokArrayEnd
	case c == '/':
		l.i++
		s := l.i
		for l.i < len(l.b) && !isSpace(l.b[l.i]) && !isDelim(l.b[l.i]) {
			l.i++
		}
		return name(l.b[s:l.i]), tokOperand
	case c == '{' || c == '}' || c == ')':
		l.i++
		return nil, tokOperand
	}
	s := l.i
	for l.i < len(l.b) && !isSpace(l.b[l.i]) && !isDelim(l.b[l.i]) {
		l.i++
	}
	w := string(l.b[s:l.i])
	if f, err := strconv.ParseFloat(w, 64); err == nil {
		return f, tokOperand
	}
	if w == "true" || w == "false" || w == "null" {
		return nil, tokOperand
	}
	return name(w), tokOperator
}

// skipDict skips to the >> matching an opening << already read.
func (l *lexer) skipDict() {
	for depth := 1; depth > 0; {
		t, k := l.token()
		_ = t
		switch k {
		case tokEOF:
			return
		case tokDictEnd:
			depth--
		case tokOperand:
			// a nested << is consumed by token's recursion
		}
	}
}

func (l *lexer) literal() []byte {
	l.i++ // (
	var out []byte
	depth := 1
	for l.i < len(l.b) {
		c := l.b[l.i]
		l.i++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return out
			}
		case '\\':
			if l.i >= len(l.b) {
				return out
			}
			e := l.b[l.i]
			l.i++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if l.i < len(l.b) && l.b[l.i] == '\n' {
					l.i++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && l.i < len(l.b) && l.b[l.i] >= '0' && l.b[l.i] <= '7'; k++ {
						v = v*8 + int(l.b[l.i]-'0')
						l.i++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return out
}

func (l *lexer) hex() []byte {
	l.i++ // <
	var digits []byte
	for l.i < len(l.b) && l.b[l.i] != '>' {
		if c := l.b[l.i]; !isSpace(c) {
			digits = append(digits, c)
		}
		l.i++
	}
	l.i++
	if len(digits)%2 == 1 {
		digits = append(digits, '0')
	}
	out := make([]byte, 0, len(digits)/2)
	for k := 0; k+1 < len(digits); k += 2 {
		v, err := strconv.ParseUint(string(digits[k:k+2]), 16, 8)
		if err != nil {
			return out
		}
		out = append(out, byte(v))
	}
	return out
}

// skipInline skips an inline image's data after ID: up to whitespace, EI,
// whitespace (or the end).
func (l *lexer) skipInline() {
	if l.i < len(l.b) {
		l.i++ // the single white-space after ID
	}
	for l.i+2 <= len(l.b) {
		if l.b[l.i] == 'E' && l.b[l.i+1] == 'I' && (l.i == 0 || isSpace(l.b[l.i-1])) && (l.i+2 == len(l.b) || isSpace(l.b[l.i+2])) {
			l.i += 2
			return
		}
		l.i++
	}
	l.i = len(l.b)
}

// nums returns the operands as numbers when they are all numbers.
func nums(ops []any, n int) ([]float64, bool) {
	if len(ops) < n {
		return nil, false
	}
	out := make([]float64, n)
	for k, o := range ops[len(ops)-n:] {
		f, ok := o.(float64)
		if !ok {
			return nil, false
		}
		out[k] = f
	}
	return out, true
}
