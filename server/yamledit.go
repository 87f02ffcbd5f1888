package server

import (
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// The editor changes report.yaml the way a careful person would by hand:
// each edit replaces, inserts or removes the text of one value, item or
// key, found through the document tree's positions, and every other byte
// of the file (comments, blank lines, key order, quoting, flow or block
// style) stays as it was. Re-encoding a tree (goccy's or yaml.v3's) would
// lose blank lines and change the style of untouched parts; goccy's path
// replacement breaks multi-byte block scalars. So the tree is read, the
// text is spliced.

// yamlDoc is a report's source and its parsed tree.
type yamlDoc struct {
	src   string
	lines []int // byte offset where each line starts
	root  ast.Node
}

// errNotEditable is an edit the editor cannot make without rewriting parts
// of the file the user did not touch (an alias, a multi-document file).
var errNotEditable = errors.New("this part of report.yaml is written in a way the editor cannot change without rewriting it; edit it in a text editor")

func parseYAML(src string) (*yamlDoc, error) {
	f, err := parser.ParseBytes([]byte(src), parser.ParseComments)
	if err != nil {
		return nil, err
	}
	d := &yamlDoc{src: src, lines: []int{0}}
	for i := 0; i < len(src); i++ {
		if src[i] == '\n' {
			d.lines = append(d.lines, i+1)
		}
	}
	if len(f.Docs) > 1 {
		return nil, errNotEditable
	}
	if len(f.Docs) == 1 {
		d.root = unwrap(f.Docs[0].Body)
	}
	return d, nil
}

// unwrap skips comment groups and tags around a value.
func unwrap(n ast.Node) ast.Node {
	for {
		if isNil(n) {
			return nil
		}
		switch t := n.(type) {
		case *ast.CommentGroupNode:
			return nil
		case *ast.TagNode:
			n = t.Value
			continue
		}
		return n
	}
}

func isNil(n ast.Node) bool {
	v := reflect.ValueOf(n)
	return !v.IsValid() || v.Kind() == reflect.Pointer && v.IsNil()
}

// offset converts a token position (1-based line, column in characters)
// to a byte offset in src.
func (d *yamlDoc) offset(p *token.Position) int {
	if p.Line < 1 || p.Line > len(d.lines) {
		return len(d.src)
	}
	o := d.lines[p.Line-1]
	for c := 1; c < p.Column && o < len(d.src) && d.src[o] != '\n'; c++ {
		_, n := utf8.DecodeRuneInString(d.src[o:])
		o += n
	}
	return o
}

// lineOf returns the 0-based line holding byte offset o.
func (d *yamlDoc) lineOf(o int) int {
	lo, hi := 0, len(d.lines)-1
	for lo < hi {
		m := (lo + hi + 1) / 2
		if d.lines[m] <= o {
			lo = m
		} else {
			hi = m - 1
		}
	}
	return lo
}

// lineEnd returns the offset of the newline ending the line holding o (or
// the end of src).
func (d *yamlDoc) lineEnd(o int) int {
	if i := strings.IndexByte(d.src[o:], '\n'); i >= 0 {
		return o + i
	}
	return len(d.src)
}

// indentAt returns the indentation (in bytes, spaces) of the line holding o.
func (d *yamlDoc) indentAt(o int) int {
	s := d.lines[d.lineOf(o)]
	i := s
	for i < len(d.src) && d.src[i] == ' ' {
		i++
	}
	return i - s
}

// pairs returns the key-value pairs of a mapping node, or false.
func pairs(n ast.Node) ([]*ast.MappingValueNode, bool) {
	switch t := n.(type) {
	case *ast.MappingNode:
		return t.Values, true
	case *ast.MappingValueNode:
		return []*ast.MappingValueNode{t}, true
	}
	return nil, false
}

func keyOf(p *ast.MappingValueNode) string {
	if isNil(p.Key) || p.Key.GetToken() == nil {
		return ""
	}
	return p.Key.GetToken().Value
}

func flow(n ast.Node) bool {
	switch t := n.(type) {
	case *ast.MappingNode:
		return t.IsFlowStyle
	case *ast.SequenceNode:
		return t.IsFlowStyle
	}
	return false
}

// start returns the byte offset where node n starts.
func (d *yamlDoc) start(n ast.Node) int {
	switch t := n.(type) {
	case *ast.MappingNode:
		if !t.IsFlowStyle && len(t.Values) > 0 {
			return d.start(t.Values[0])
		}
		return d.offset(t.Start.Position)
	case *ast.MappingValueNode:
		return d.start(t.Key)
	case *ast.SequenceNode:
		return d.offset(t.Start.Position)
	case *ast.LiteralNode:
		return d.offset(t.Start.Position)
	case *ast.AnchorNode:
		return d.offset(t.Start.Position)
	case *ast.TagNode:
		return d.offset(t.Start.Position)
	case *ast.AliasNode:
		return d.offset(t.Start.Position)
	}
	return d.offset(n.GetToken().Position)
}

// end returns the byte offset just after node n; indent is the
// indentation of the line its key (or dash) is on, which bounds block
// scalars; inFlow says whether n is inside a flow collection.
func (d *yamlDoc) end(n ast.Node, indent int, inFlow bool) (int, error) {
	switch t := n.(type) {
	case *ast.MappingNode:
		if t.IsFlowStyle {
			return d.offset(t.End.Position) + 1, nil
		}
		if len(t.Values) == 0 {
			return d.start(t), nil
		}
		return d.end(t.Values[len(t.Values)-1], indent, inFlow)
	case *ast.MappingValueNode:
		v := unwrap(t.Value)
		if v == nil || isEmptyNull(v) {
			return d.offset(t.Start.Position) + 1, nil // after the ':'
		}
		return d.end(v, d.indentAt(d.start(t)), inFlow)
	case *ast.SequenceNode:
		if t.IsFlowStyle {
			return d.offset(t.End.Position) + 1, nil
		}
		if len(t.Values) == 0 {
			return d.start(t) + 1, nil
		}
		last := t.Values[len(t.Values)-1]
		if v := unwrap(last); v != nil {
			return d.end(v, d.indentAt(d.start(v)), false)
		}
		return d.lineEnd(d.start(t)), nil
	case *ast.AnchorNode:
		return d.end(t.Value, indent, inFlow)
	case *ast.TagNode:
		return d.end(t.Value, indent, inFlow)
	case *ast.LiteralNode:
		return d.blockEnd(d.start(t), indent), nil
	case *ast.AliasNode:
		return d.scalarEnd(d.start(t), indent, inFlow, ""), nil
	case *ast.CommentGroupNode:
		return d.start(t), nil
	}
	tk := n.GetToken()
	if tk == nil {
		return 0, errNotEditable
	}
	return d.scalarEnd(d.start(n), indent, inFlow, tk.Value), nil
}

func isEmptyNull(n ast.Node) bool {
	_, ok := n.(*ast.NullNode)
	return ok && (n.GetToken() == nil || n.GetToken().Value == "")
}

// blockEnd is the end of a | or > scalar starting at o: its content is
// every following line that is blank or indented deeper than indent; the
// end is after the last line with text.
func (d *yamlDoc) blockEnd(o, indent int) int {
	end := d.lineEnd(o)
	for l := d.lineOf(o) + 1; l < len(d.lines); l++ {
		s := d.lines[l]
		e := d.lineEnd(s)
		text := d.src[s:e]
		if strings.TrimSpace(text) == "" {
			continue
		}
		if len(text)-len(strings.TrimLeft(text, " ")) <= indent {
			break
		}
		end = e
	}
	return end
}

// scalarEnd is the end of a plain or quoted scalar starting at o.
func (d *yamlDoc) scalarEnd(o, indent int, inFlow bool, value string) int {
	s := d.src
	if o >= len(s) {
		return o
	}
	switch s[o] {
	case '"':
		for i := o + 1; i < len(s); i++ {
			switch s[i] {
			case '\\':
				i++
			case '"':
				return i + 1
			}
		}
		return len(s)
	case '\'':
		for i := o + 1; i < len(s); i++ {
			if s[i] == '\'' {
				if i+1 < len(s) && s[i+1] == '\'' {
					i++
					continue
				}
				return i + 1
			}
		}
		return len(s)
	}
	e := o
	for e < len(s) && s[e] != '\n' {
		if inFlow && strings.IndexByte(",]}", s[e]) >= 0 {
			break
		}
		if s[e] == '#' && e > o && (s[e-1] == ' ' || s[e-1] == '\t') {
			break
		}
		e++
	}
	for e > o && (s[e-1] == ' ' || s[e-1] == '\t' || s[e-1] == '\r') {
		e--
	}
	if inFlow || strings.TrimSpace(s[o:e]) == value {
		return e
	}
	// a plain scalar folded over several lines: the deeper-indented lines
	// that follow are its continuation
	for l := d.lineOf(o) + 1; l < len(d.lines); l++ {
		ls := d.lines[l]
		le := d.lineEnd(ls)
		text := d.src[ls:le]
		if strings.TrimSpace(text) == "" || len(text)-len(strings.TrimLeft(text, " ")) <= indent {
			break
		}
		e = le
		for e > ls && (s[e-1] == ' ' || s[e-1] == '\r') {
			e--
		}
	}
	return e
}

// step is one element of a path: a key (string) or an index (int).
type step = any

func pathString(p []step) string {
	var b strings.Builder
	for _, s := range p {
		switch t := s.(type) {
		case int:
			fmt.Fprintf(&b, "[%d]", t)
		default:
			if b.Len() > 0 {
				b.WriteByte('.')
			}
			fmt.Fprint(&b, t)
		}
	}
	return b.String()
}

// node returns the node at path (nil, false when some step is missing).
func (d *yamlDoc) node(path []step) (ast.Node, bool) {
	n := d.root
	for _, s := range path {
		n = unwrapAnchor(n)
		switch k := s.(type) {
		case string:
			ps, ok := pairs(n)
			if !ok {
				return nil, false
			}
			found := false
			for _, p := range ps {
				if keyOf(p) == k {
					n, found = unwrap(p.Value), true
					break
				}
			}
			if !found {
				return nil, false
			}
		case int:
			sq, ok := n.(*ast.SequenceNode)
			if !ok || k < 0 || k >= len(sq.Values) {
				return nil, false
			}
			n = unwrap(sq.Values[k])
		}
	}
	return n, true
}

func unwrapAnchor(n ast.Node) ast.Node {
	if a, ok := n.(*ast.AnchorNode); ok {
		return unwrap(a.Value)
	}
	return n
}

// edit is one change of the text: replace src[from:to] with text.
type edit struct {
	from, to int
	text     string
}

func (d *yamlDoc) apply(e edit) string {
	return d.src[:e.from] + e.text + d.src[e.to:]
}

// set returns the source with the value at path replaced by v (a scalar
// string, bool, nil, []any or *omap), adding the key (and the mappings
// leading to it) when missing.
func (d *yamlDoc) set(path []step, v any, s *schema) (string, error) {
	if len(path) == 0 {
		return "", errNotEditable
	}
	// the deepest existing ancestor
	k := len(path) - 1
	for ; k > 0; k-- {
		if _, ok := d.node(path[:k]); ok {
			break
		}
	}
	if k < len(path)-1 {
		// build the missing mappings around v
		for i := len(path) - 1; i > k; i-- {
			key, ok := path[i].(string)
			if !ok {
				return "", fmt.Errorf("%s: no such item", pathString(path[:i+1]))
			}
			m := &omap{}
			m.set(key, v)
			v = m
		}
		path = path[:k+1]
	}
	parent, ok := d.node(path[:len(path)-1])
	if !ok {
		return "", fmt.Errorf("%s: not found", pathString(path))
	}
	parent = unwrapAnchor(parent)
	last := path[len(path)-1]
	if d.root == nil && len(path) == 1 {
		m := &omap{}
		m.set(last.(string), v)
		return d.src + s.emitBlockMap(m, path[:0], 0), nil
	}
	switch key := last.(type) {
	case string:
		ps, ok := pairs(parent)
		if !ok {
			return "", fmt.Errorf("%s: not a mapping", pathString(path[:len(path)-1]))
		}
		for _, p := range ps {
			if keyOf(p) != key {
				continue
			}
			colon := d.offset(p.Start.Position) + 1
			end, err := d.end(p, 0, flow(parent))
			if err != nil {
				return "", err
			}
			indent := d.indentAt(d.start(p))
			if d.lineOf(d.start(p)) == d.lineOf(d.start(parent)) && !flow(parent) {
				indent = d.col(d.start(p)) // first key after "- "
			}
			return d.apply(edit{colon, end, s.emitAfterKey(v, path, indent, flow(parent))}), nil
		}
		// a new key: after the last one
		var text string
		var at int
		if flow(parent) {
			m := parent.(*ast.MappingNode)
			at = d.offset(m.End.Position)
			sep := ", "
			if len(ps) == 0 {
				sep = ""
			}
			text = sep + key + ":" + s.emitAfterKey(v, path, 0, true)
		} else {
			if len(ps) == 0 {
				return "", errNotEditable
			}
			lastEnd, err := d.end(ps[len(ps)-1], 0, false)
			if err != nil {
				return "", err
			}
			indent := d.col(d.start(ps[0]))
			at = d.lineEnd(lastEnd) // after a comment ending the line
			text = "\n" + strings.Repeat(" ", indent) + key + ":" + s.emitAfterKey(v, path, indent, false)
		}
		return d.apply(edit{at, at, text}), nil
	case int:
		sq, ok := parent.(*ast.SequenceNode)
		if !ok || key < 0 || key >= len(sq.Values) {
			return "", fmt.Errorf("%s: no such item", pathString(path))
		}
		item := unwrap(sq.Values[key])
		if item == nil {
			return "", errNotEditable
		}
		from := d.start(item)
		end, err := d.end(item, d.indentAt(from), sq.IsFlowStyle)
		if err != nil {
			return "", err
		}
		var text string
		if sq.IsFlowStyle {
			text = s.emitFlow(v, path)
		} else {
			text = strings.TrimPrefix(s.emitItem(v, path, d.col(from)), "- ")
		}
		return d.apply(edit{from, end, text}), nil
	}
	return "", errNotEditable
}

// col returns the 0-based column (in bytes of spaces, the indentation a
// nested line needs) of offset o.
func (d *yamlDoc) col(o int) int {
	return utf8.RuneCountInString(d.src[d.lines[d.lineOf(o)]:o])
}

// remove returns the source without the key or item at path.
func (d *yamlDoc) remove(path []step) (string, error) {
	if len(path) == 0 {
		return "", errNotEditable
	}
	parent, ok := d.node(path[:len(path)-1])
	if !ok {
		return d.src, nil
	}
	parent = unwrapAnchor(parent)
	switch key := path[len(path)-1].(type) {
	case string:
		ps, ok := pairs(parent)
		if !ok {
			return d.src, nil
		}
		for i, p := range ps {
			if keyOf(p) != key {
				continue
			}
			if len(ps) == 1 {
				return "", fmt.Errorf("%s: the only field here cannot be removed", pathString(path))
			}
			from := d.start(p)
			if i+1 < len(ps) {
				return d.apply(edit{from, d.start(ps[i+1]), ""}), nil
			}
			prevEnd, err := d.end(ps[i-1], 0, flow(parent))
			if err != nil {
				return "", err
			}
			end, err := d.end(p, 0, flow(parent))
			if err != nil {
				return "", err
			}
			if !flow(parent) {
				// whole lines: the comments ending them go with them
				prevEnd, end = d.lineEnd(prevEnd), d.lineEnd(end)
			}
			return d.apply(edit{prevEnd, end, ""}), nil
		}
		return d.src, nil
	case int:
		sq, ok := parent.(*ast.SequenceNode)
		if !ok || key < 0 || key >= len(sq.Values) {
			return d.src, nil
		}
		if len(sq.Values) == 1 {
			// the list's key goes with its only item
			if _, isKey := path[len(path)-2].(string); len(path) >= 2 && isKey {
				return d.remove(path[:len(path)-1])
			}
			return "", errNotEditable
		}
		chunks, err := d.chunks(sq)
		if err != nil {
			return "", err
		}
		c := chunks[key]
		if key == len(chunks)-1 {
			// the last: from the end of the one before
			prev := chunks[key-1]
			if sq.IsFlowStyle {
				return d.apply(edit{prev.bodyEnd, c.bodyEnd, ""}), nil
			}
			return d.apply(edit{d.lineEnd(prev.bodyEnd), d.lineEnd(c.bodyEnd), ""}), nil
		}
		return d.apply(edit{c.from, chunks[key+1].from, ""}), nil
	}
	return d.src, nil
}

// chunk is one item of a sequence in the source: lead (blank lines and
// comments before it, block style only), then its body.
type chunk struct {
	from      int // start of the lead (or of the body)
	bodyFrom  int // the "- " (block) or the value (flow)
	bodyEnd   int // after the value
	leadBlank string
}

// chunks splits a sequence into its items' text. In block style item i's
// lead is the lines after item i-1 ends up to its dash.
func (d *yamlDoc) chunks(sq *ast.SequenceNode) ([]chunk, error) {
	var cs []chunk
	for i, v := range sq.Values {
		v = unwrap(v)
		if v == nil {
			return nil, errNotEditable
		}
		var c chunk
		vs := d.start(v)
		end, err := d.end(v, d.indentAt(vs), sq.IsFlowStyle)
		if err != nil {
			return nil, err
		}
		c.bodyEnd = end
		if sq.IsFlowStyle {
			c.from, c.bodyFrom = vs, vs
		} else {
			dash := d.lines[d.lineOf(vs)] + strings.IndexByte(d.src[d.lines[d.lineOf(vs)]:], '-')
			if dash < d.lines[d.lineOf(vs)] || dash > vs {
				return nil, errNotEditable
			}
			c.bodyFrom = d.lines[d.lineOf(dash)]
			c.from = c.bodyFrom
			if i > 0 {
				c.from = d.lineEnd(cs[i-1].bodyEnd) + 1
				c.from = min(c.from, c.bodyFrom)
				// blank lines at the top of the lead stay in place
				lead := d.src[c.from:c.bodyFrom]
				blank := 0
				for _, l := range strings.SplitAfter(lead, "\n") {
					if strings.TrimSpace(l) != "" {
						break
					}
					blank += len(l)
				}
				c.leadBlank = lead[:blank]
			}
		}
		cs = append(cs, c)
	}
	return cs, nil
}

// insert returns the source with v added to the sequence at path before
// index at (at == length appends). A missing sequence is created.
func (d *yamlDoc) insert(path []step, at int, v any, s *schema) (string, error) {
	n, ok := d.node(path)
	if !ok || n == nil || isEmptyNull(n) {
		return d.set(path, []any{v}, s)
	}
	sq, ok := n.(*ast.SequenceNode)
	if !ok {
		return "", fmt.Errorf("%s: not a list", pathString(path))
	}
	item := append(append([]step{}, path...), at)
	if len(sq.Values) == 0 {
		return d.set(path, []any{v}, s)
	}
	at = max(0, min(at, len(sq.Values)))
	cs, err := d.chunks(sq)
	if err != nil {
		return "", err
	}
	if sq.IsFlowStyle {
		text := s.emitFlow(v, item)
		if at == len(cs) {
			return d.apply(edit{cs[at-1].bodyEnd, cs[at-1].bodyEnd, ", " + text}), nil
		}
		return d.apply(edit{cs[at].bodyFrom, cs[at].bodyFrom, text + ", "}), nil
	}
	first := unwrap(sq.Values[0])
	dashCol := strings.IndexByte(d.src[d.lines[d.lineOf(d.start(first))]:], '-')
	gap := ""
	if len(cs) > 1 {
		gap = cs[1].leadBlank
	}
	text := strings.Repeat(" ", dashCol) + s.emitItem(v, item, dashCol+2)
	if at == len(cs) {
		e := d.lineEnd(cs[at-1].bodyEnd)
		return d.apply(edit{e, e, "\n" + gap + text}), nil
	}
	b := cs[at].bodyFrom
	return d.apply(edit{b, b, text + "\n" + gap}), nil
}

// move returns the source with item from of the sequence at path moved to
// index to. Each item's text moves whole, with the comments above it.
func (d *yamlDoc) move(path []step, from, to int, s *schema) (string, error) {
	n, ok := d.node(path)
	sq, isSeq := n.(*ast.SequenceNode)
	if !ok || !isSeq || from < 0 || to < 0 || from >= len(sq.Values) || to >= len(sq.Values) {
		return "", fmt.Errorf("%s: no such items", pathString(path))
	}
	if from == to {
		return d.src, nil
	}
	cs, err := d.chunks(sq)
	if err != nil {
		return "", err
	}
	type piece struct{ lead, body string }
	var ps []piece
	for _, c := range cs {
		ps = append(ps, piece{d.src[c.from+len(c.leadBlank) : c.bodyFrom], d.src[c.bodyFrom:c.bodyEnd]})
	}
	p := ps[from]
	ps = append(ps[:from], ps[from+1:]...)
	ps = append(ps[:to], append([]piece{p}, ps[to:]...)...)
	var b strings.Builder
	for i, c := range cs {
		if sq.IsFlowStyle {
			if i > 0 {
				b.WriteString(d.src[cs[i-1].bodyEnd:c.bodyFrom])
			}
			b.WriteString(ps[i].body)
			continue
		}
		if i > 0 {
			b.WriteString(d.src[cs[i-1].bodyEnd:c.from]) // the newline
			b.WriteString(c.leadBlank)
		}
		b.WriteString(ps[i].lead)
		b.WriteString(ps[i].body)
	}
	return d.apply(edit{cs[0].bodyFrom, cs[len(cs)-1].bodyEnd, b.String()}), nil
}

// tree returns the document as plain values for the browser: *omap for
// mappings (keys in file order), []any, and strings for scalars as
// written (numbers keep their digits), bool, nil.
func (d *yamlDoc) tree() any { return toTree(d.root, 0) }

func toTree(n ast.Node, depth int) any {
	n = unwrap(n)
	if n == nil || depth > 50 {
		return nil
	}
	switch t := n.(type) {
	case *ast.AnchorNode:
		return toTree(t.Value, depth+1)
	case *ast.MappingNode, *ast.MappingValueNode:
		ps, _ := pairs(t)
		m := &omap{}
		for _, p := range ps {
			m.set(keyOf(p), toTree(p.Value, depth+1))
		}
		return m
	case *ast.SequenceNode:
		l := make([]any, 0, len(t.Values))
		for _, v := range t.Values {
			l = append(l, toTree(v, depth+1))
		}
		return l
	case *ast.LiteralNode:
		return t.Value.Value
	case *ast.BoolNode:
		return t.Value
	case *ast.NullNode:
		return nil
	case *ast.StringNode:
		return t.Value
	}
	if tk := n.GetToken(); tk != nil {
		return tk.Value
	}
	return nil
}

// ---- writing values ----

var (
	numberRE = regexp.MustCompile(`^-?(0|[1-9][0-9]*)(\.[0-9]+)?$`)
	// plain scalars that YAML would read as something other than text
	notText = regexp.MustCompile(`(?i)^(true|false|yes|no|on|off|null|~|y|n|[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|nan)|0x[0-9a-f]+|0o[0-7]+|\d{4}-\d\d-\d\d.*)$`)
)

// plain reports whether s can be written without quotes and read back as
// the same text, inside a flow collection when inFlow.
func plain(s string, inFlow bool) bool {
	if s == "" || s != strings.TrimSpace(s) || strings.ContainsAny(s, "\n\r\t\"\x00") {
		return false
	}
	if strings.ContainsRune("-?:,[]{}#&*!|>'%@`", rune(s[0])) {
		return false
	}
	if strings.Contains(s, ": ") || strings.Contains(s, " #") || strings.HasSuffix(s, ":") {
		return false
	}
	if inFlow && strings.ContainsAny(s, ",[]{}") {
		return false
	}
	for _, r := range s {
		if r < ' ' || r == 0x7f || r == 0xFEFF {
			return false
		}
	}
	return true
}

// quote writes s as a double-quoted YAML scalar.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '"':
			b.WriteString(`\"`)
		case '\\':
			b.WriteString(`\\`)
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		case '\r':
			b.WriteString(`\r`)
		default:
			if r < ' ' || r == 0x7f {
				fmt.Fprintf(&b, `\x%02x`, r)
			} else {
				b.WriteRune(r)
			}
		}
	}
	b.WriteByte('"')
	return b.String()
}

// scalar writes a one-line scalar of the field at path.
func (s *schema) scalar(v any, path []step, inFlow bool) string {
	switch t := v.(type) {
	case nil:
		return "null"
	case bool:
		return strconv.FormatBool(t)
	case string:
		t = strings.TrimSpace(t)
		switch s.typeAt(path) {
		case "number", "integer":
			if numberRE.MatchString(t) {
				return t
			}
		case "boolean":
			if t == "true" || t == "false" {
				return t
			}
		}
		// what was typed, as text; a number field then says why it is not one
		if plain(t, inFlow) && (!notText.MatchString(t) || s.typeAt(path) != "string") {
			return t
		}
		return quote(t)
	}
	return quote(fmt.Sprint(v))
}

// emitAfterKey writes v as it follows "key:" (the text starts with the
// space or newline after the colon); indent is the key's column.
func (s *schema) emitAfterKey(v any, path []step, indent int, inFlow bool) string {
	switch t := v.(type) {
	case string:
		if !inFlow && strings.Contains(t, "\n") {
			return " " + literal(t, indent+2)
		}
	case *omap:
		if inFlow || s.simple(t, path) {
			return " " + s.emitFlow(t, path)
		}
		return "\n" + strings.TrimSuffix(s.emitBlockMap(t, path, indent+2), "\n")
	case []any:
		if inFlow || s.allScalars(t) {
			return " " + s.emitFlow(t, path)
		}
		var b strings.Builder
		for i, it := range t {
			b.WriteString("\n" + strings.Repeat(" ", indent+2))
			b.WriteString(s.emitItem(it, append(append([]step{}, path...), i), indent+4))
		}
		return b.String()
	}
	return " " + s.scalar(v, path, inFlow)
}

// emitItem writes a block sequence item from its "- "; indent is the
// column of the item's content.
func (s *schema) emitItem(v any, path []step, indent int) string {
	if m, ok := v.(*omap); ok && !s.simple(m, path) {
		return "- " + strings.TrimSuffix(strings.TrimLeft(s.emitBlockMap(m, path, indent), " "), "\n")
	}
	switch v.(type) {
	case *omap, []any:
		return "- " + s.emitFlow(v, path)
	}
	if t, ok := v.(string); ok && strings.Contains(t, "\n") {
		return "- " + literal(t, indent)
	}
	return "- " + s.scalar(v, path, false)
}

// emitBlockMap writes a mapping as "key: value" lines at indent, keys in
// the order of the field table.
func (s *schema) emitBlockMap(m *omap, path []step, indent int) string {
	var b strings.Builder
	for _, k := range s.order(m, path) {
		p := append(append([]step{}, path...), k)
		b.WriteString(strings.Repeat(" ", indent) + k + ":" + s.emitAfterKey(m.get(k), p, indent, false) + "\n")
	}
	return b.String()
}

// emitFlow writes v in flow style: {k: v, …} or [a, b].
func (s *schema) emitFlow(v any, path []step) string {
	switch t := v.(type) {
	case *omap:
		var parts []string
		for _, k := range s.order(t, path) {
			parts = append(parts, k+": "+s.emitFlow(t.get(k), append(append([]step{}, path...), k)))
		}
		return "{" + strings.Join(parts, ", ") + "}"
	case []any:
		var parts []string
		for i, it := range t {
			parts = append(parts, s.emitFlow(it, append(append([]step{}, path...), i)))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return s.scalar(v, path, true)
}

// simple reports whether a mapping reads well on one line: only short
// scalars (a stat, a chart's data point).
func (s *schema) simple(m *omap, path []step) bool {
	if !s.row(path) {
		return false
	}
	n := 0
	for _, k := range m.keys {
		switch t := m.get(k).(type) {
		case *omap:
			if !s.simple(t, append(append([]step{}, path...), k)) {
				return false
			}
		case []any:
			if !s.allScalars(t) {
				return false
			}
		case string:
			if strings.Contains(t, "\n") {
				return false
			}
			n += utf8.RuneCountInString(t)
		}
		n += len(k) + 4
	}
	return n <= 70 && len(m.keys) <= 6
}

func (s *schema) allScalars(l []any) bool {
	for _, v := range l {
		switch t := v.(type) {
		case *omap, []any:
			return false
		case string:
			if strings.Contains(t, "\n") {
				return false
			}
		}
	}
	return true
}

// literal writes a multi-line string as a | block scalar whose lines are
// indented by indent.
func literal(s string, indent int) string {
	head := "|"
	switch {
	case strings.HasSuffix(s, "\n\n"):
		head = "|+"
	case !strings.HasSuffix(s, "\n"):
		head = "|-"
	}
	if strings.HasPrefix(s, " ") {
		head += "2"
	}
	pad := strings.Repeat(" ", indent)
	var b strings.Builder
	b.WriteString(head)
	for _, l := range strings.Split(strings.TrimSuffix(s, "\n"), "\n") {
		b.WriteByte('\n')
		if strings.TrimSpace(l) != "" {
			b.WriteString(pad + strings.TrimRight(l, " \t\r"))
		}
	}
	return b.String()
}
