package data

import "strings"

// The shape of the YAML is checked before it is parsed: the parser builds
// a tree of every node with its tokens, so that 100,000 nested "[" (200
// KB) took 20 GB, and a 5 MB key as much. A report is some ten levels
// deep, its keys are field names and its values a few thousand nodes.
const (
	maxDepth    = 40      // nesting of lists and mappings, block and flow
	maxKeyBytes = 1000    // one key
	maxNodes    = 200_000 // flow items and block entries, roughly
)

// shape scans src as YAML lines and returns the first place where it is
// nested deeper, has a longer key or more entries than a report can have,
// before the parser is given it. Block scalars (| and >) are skipped; the
// scan is linear and errs on the side of letting text through (the parser
// then decides).
func (d *decoder) shape(src []byte) bool {
	var (
		stack     []int // indentation of the open block levels
		flow      int   // open [ and {
		quote     byte  // ' or " open across lines
		block     = -1  // indentation of a block scalar's parent line, -1: none
		nodes     int
		lineStart int
	)
	fail := func(line, col int, format string, args ...any) bool {
		d.errAt(Pos{File: d.file, Line: line, Col: col}, "", format, args...)
		return false
	}
	deep := func(line, col, depth int) bool {
		return fail(line, col, "the lists and fields are nested %d levels deep here, more than the %d a report can have (a report is about 8 deep: sections, charts, data, values); check the brackets and the dashes — the file may be damaged, or made to exhaust memory", depth, maxDepth)
	}
	for ln := 1; lineStart <= len(src); ln++ {
		end := lineStart
		for end < len(src) && src[end] != '\n' {
			end++
		}
		line := src[lineStart:end]
		lineStart = end + 1
		indent := 0
		for indent < len(line) && line[indent] == ' ' {
			indent++
		}
		rest := strings.TrimRight(string(line[indent:]), " \r\t")
		if quote == 0 && flow == 0 {
			if block >= 0 {
				if rest == "" || indent > block {
					continue // the block scalar's text
				}
				block = -1
			}
			if rest == "" || rest[0] == '#' {
				continue
			}
			for len(stack) > 0 && stack[len(stack)-1] >= indent {
				stack = stack[:len(stack)-1]
			}
			stack = append(stack, indent)
		}
		depth := len(stack) + flow
		if depth > maxDepth {
			return deep(ln, indent+1, depth)
		}
		i := indent
		valueStart := quote == 0 && flow == 0
		keyStart, keyQuoted := -1, false
		for i < len(line) {
			c := line[i]
			switch {
			case quote != 0:
				if c == '\\' && quote == '"' {
					i += 2
					continue
				}
				if c == quote {
					if quote == '\'' && i+1 < len(line) && line[i+1] == '\'' {
						i += 2
						continue
					}
					quote = 0
				}
				i++
				continue
			case c == ' ' || c == '\t' || c == '\r':
				i++
				continue
			case c == '#' && (i == 0 || line[i-1] == ' ' || line[i-1] == '\t'):
				i = len(line) // a comment
				continue
			case valueStart && c == '-' && (i+1 == len(line) || line[i+1] == ' '),
				valueStart && c == '?' && (i+1 == len(line) || line[i+1] == ' '):
				depth++
				nodes++
				if depth > maxDepth {
					return deep(ln, i+1, depth)
				}
				i++
				continue
			case (c == '[' || c == '{') && (valueStart || flow > 0):
				flow++
				depth++
				nodes++
				if depth > maxDepth {
					return deep(ln, i+1, depth)
				}
				valueStart = true
				i++
				continue
			case (c == ']' || c == '}') && flow > 0:
				flow--
				depth--
				i++
				continue
			case c == ',' && flow > 0:
				nodes++
				valueStart = true
				i++
				continue
			case (c == '|' || c == '>') && valueStart && flow == 0:
				block = indent
				i = len(line)
				continue
			case (c == '"' || c == '\'') && valueStart:
				quote = c
				keyStart, keyQuoted = i, true
				valueStart = false
				i++
				continue
			}
			// a plain scalar, or a key: up to ": ", ",", or a flow bracket
			s := i
			if keyQuoted && keyStart >= 0 {
				s = keyStart
			}
			for i < len(line) {
				c := line[i]
				if c == ':' && (i+1 == len(line) || line[i+1] == ' ' || line[i+1] == '\t' || (flow > 0 && strings.IndexByte(",]}", line[i+1]) >= 0)) {
					break
				}
				if flow > 0 && strings.IndexByte(",[]{}", c) >= 0 {
					break
				}
				if c == ' ' && i+1 < len(line) && line[i+1] == '#' {
					break
				}
				i++
			}
			if i < len(line) && line[i] == ':' {
				if n := i - s; n > maxKeyBytes {
					return fail(ln, s+1, "a field name of %d bytes, more than the %d any can have; a field name is a word like title or label — is a colon missing after it, or is the file damaged?", n, maxKeyBytes)
				}
				nodes++
				i++
				valueStart = true
			} else {
				valueStart = false
			}
			keyStart, keyQuoted = -1, false
		}
		keyStart, keyQuoted = -1, false
		if nodes > maxNodes {
			return fail(ln, 1, "more than %d list items and fields by here, more than a report of any size has; the file may be damaged, or made to exhaust memory", maxNodes)
		}
	}
	return true
}
