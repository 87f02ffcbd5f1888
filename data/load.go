package data

import (
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	yaml "github.com/goccy/go-yaml"
	"github.com/goccy/go-yaml/ast"
	"github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"
)

// Load reads the report at path. File is set to path and Dir to its
// directory, against which photo paths resolve. See Parse for the errors.
func Load(path string) (*Report, error) {
	return LoadOptions(path, Options{})
}

// readErr is the problem with a report that cannot be read.
func readErr(path string, err error) error {
	msg := fmt.Sprintf("cannot read the report: %v", unwrapPathErr(err))
	if st, serr := os.Stat(path); serr == nil && st.IsDir() {
		msg = "this is a folder; name the report.yaml file inside it"
	} else if errors.Is(err, os.ErrNotExist) {
		msg = "file not found; check the name, and run the command in the folder that holds the report or give its full path"
	}
	return Errors{{Pos: Pos{File: path}, Msg: msg}}
}

// Parse decodes a report from src; name is the file name used in positions
// (File is set to it, Dir to its directory). The report is validated.
//
// On problems the error is an Errors holding every problem found, sorted by
// position, and the returned Report holds what could be decoded (it may be
// nil after a syntax error); it must not be rendered.
func Parse(name string, src []byte) (r *Report, err error) {
	return ParseOptions(name, src, Options{})
}

func parse(name string, src []byte, o Options) (r *Report, err error) {
	d := &decoder{
		file:    name,
		opts:    o,
		anchors: map[string]ast.Node{},
		r: &Report{
			File:  name,
			pos:   map[string]Pos{},
			spans: map[string]span{},
			loc:   &locator{},
			bad:   map[string]bool{},
			opts:  o,
		},
	}
	if name != "" {
		d.r.Dir = filepath.Dir(name)
	}
	if !d.decode(src) {
		return nil, d.errs.err()
	}
	r = d.r
	d.errs = append(d.errs, r.loadSources()...)
	if verr := r.Validate(); verr != nil {
		d.errs = append(d.errs, verr.(Errors)...)
	}
	if r.Language == "" {
		r.Language = "zh-CN"
	}
	if r.Theme.Paper == "" {
		r.Theme.Paper = "A4"
	}
	return r, d.errs.err()
}

// Pos returns where the value at the field path starts, e.g. "title",
// "sections[2].body", "sections[0].stats[1].value"; the zero Pos if the
// report has no such field or was not parsed from source.
func (r *Report) Pos(path string) Pos {
	return r.pos[path]
}

// span is how a string value was written in the source.
type span struct {
	value  string
	block  bool // | or > block scalar
	line   int  // block: first content line; else the line the scalar starts
	col    int  // block: indentation of the content; else column the scalar starts (at the quote if quoted)
	quoted bool
}

// Locate returns the position of the byte at offset in the string value at
// path, for pointing at one character of a paragraph. It handles plain,
// quoted and block (| and >) scalars. If the value's source is unknown it
// returns Pos(path).
func (r *Report) Locate(path string, offset int) Pos {
	sp, ok := r.spans[path]
	if !ok {
		return r.Pos(path)
	}
	offset = max(0, min(offset, len(sp.value)))
	file := r.pos[path].File
	if sp.block {
		before := sp.value[:offset]
		nl := strings.LastIndexByte(before, '\n')
		return Pos{File: file, Line: sp.line + strings.Count(before, "\n"), Col: sp.col + utf8.RuneCountInString(before[nl+1:]) + 1}
	}
	// Plain and quoted scalars may be folded over lines and have escapes:
	// walk the value and the source together, matching each non-space
	// character with the next equal one in the source. The walk resumes
	// where the last call on the same path stopped, so that pointing at
	// every character of a paragraph in turn is linear, not quadratic.
	if r.loc == nil {
		return (&locator{}).walk(r, path, sp, offset)
	}
	return r.loc.walk(r, path, sp, offset)
}

// paragraphs is the text of each part of body (see parts), without
// markup. Inside a paragraph the lines are joined without a separator, as
// Chinese is written; but where a line ends and the next begins with ASCII
// text (both letters or digits, or a word after ASCII punctuation such as
// "." or ","), they are joined with one space. White space around lines is
// trimmed.
func paragraphs(body string) []string {
	var out []string
	for _, p := range parts(body) {
		out = append(out, p.Text())
	}
	return out
}

func isASCIIAlnum(r rune) bool {
	return r < utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// asciiJoin reports whether two lines of a paragraph ending with last and
// starting with first are English-like text that needs a space between.
func asciiJoin(last, first rune) bool {
	if !isASCIIAlnum(first) {
		return false
	}
	return isASCIIAlnum(last) || strings.ContainsRune(`.,;:!?)]}"'`, last)
}

// ---- decoding ----

type decoder struct {
	file    string
	r       *Report
	errs    Errors
	anchors map[string]ast.Node
	depth   int
	opts    Options
}

func (d *decoder) errAt(pos Pos, path, format string, args ...any) {
	d.errs = append(d.errs, &Error{Pos: pos, Path: path, Msg: fmt.Sprintf(format, args...)})
	if path != "" {
		d.r.bad[path] = true
	}
}

func (d *decoder) tokPos(tk *token.Token) Pos {
	if tk == nil || tk.Position == nil {
		return Pos{File: d.file}
	}
	return Pos{File: d.file, Line: tk.Position.Line, Col: max(tk.Position.Column, 1)}
}

func (d *decoder) nodePos(n ast.Node) Pos { return d.tokPos(startTok(n)) }

// startTok returns the token where n starts in the source.
func startTok(n ast.Node) (tk *token.Token) {
	if v := reflect.ValueOf(n); !v.IsValid() || v.Kind() == reflect.Pointer && v.IsNil() {
		return nil // a typed nil in the AST: its methods would panic
	}
	switch t := n.(type) {
	case nil:
		return nil
	case *ast.MappingNode:
		if !t.IsFlowStyle && len(t.Values) > 0 {
			return startTok(t.Values[0])
		}
		if t.Start != nil {
			return t.Start
		}
	case *ast.MappingValueNode:
		return startTok(t.Key)
	case *ast.SequenceNode:
		if t.Start != nil {
			return t.Start
		}
	case *ast.LiteralNode:
		return t.Start
	case *ast.TagNode:
		return t.Start
	case *ast.AnchorNode:
		return t.Start
	case *ast.AliasNode:
		return t.Start
	case *ast.MappingKeyNode:
		return t.Start
	}
	return n.GetToken()
}

var bom = []byte("\xEF\xBB\xBF")

// decode fills d.r from src; it returns false if the file could not be
// read as a report at all (syntax error, empty, not a mapping).
func (d *decoder) decode(src []byte) (ok bool) {
	top := Pos{File: d.file, Line: 1, Col: 1}
	src, ok = d.text(src)
	if !ok {
		return false
	}
	lines := strings.Split(string(src), "\n")
	for i := range lines {
		lines[i] = strings.TrimSuffix(lines[i], "\r")
	}
	d.r.src = lines
	if !d.shape(src) {
		return false
	}

	f, err := parseYAML(src)
	if err != nil {
		d.syntax(err)
		return false
	}
	var bodies []*ast.DocumentNode
	for _, doc := range f.Docs {
		if doc != nil && doc.Body != nil {
			bodies = append(bodies, doc)
		}
	}
	if len(bodies) == 0 {
		d.errAt(top, "", `the file is empty; a report needs at least a "title:" line and a "sections:" list`)
		return false
	}
	if len(bodies) > 1 {
		p := d.nodePos(bodies[1].Body)
		if bodies[1].Start != nil {
			p = d.tokPos(bodies[1].Start)
		}
		d.errAt(p, "", `the file holds more than one YAML document (separated by "---"); keep one report per file and remove this part or the "---" line`)
	}
	body := bodies[0].Body
	d.r.pos[""] = d.nodePos(body)
	d.collectAnchors(body, 0)
	if d.aliasBomb(body) {
		return false
	}
	switch n := d.resolve(body, "").(type) {
	case *ast.MappingNode, *ast.MappingValueNode:
		d.object(n, "", reflect.ValueOf(d.r).Elem())
		return true
	case *ast.SequenceNode:
		d.errAt(d.nodePos(n), "", `the file is a list, but a report is a set of fields; start with "title: ..." at the left edge, not with "- "`)
	default:
		d.errAt(d.nodePos(n), "", `this is not a report: the file should be fields like "title: ..." and "sections:", each at the start of a line`)
	}
	return false
}

// parseYAML runs the goccy parser, turning a panic in it into an error.
func parseYAML(src []byte) (f *ast.File, err error) {
	defer func() {
		if p := recover(); p != nil {
			f, err = nil, fmt.Errorf("the YAML parser failed (%v)", p)
		}
	}()
	return parser.ParseBytes(src, 0, parser.AllowDuplicateMapKey())
}

var (
	keyNoSpaceRE = regexp.MustCompile(`^\w+:\S`)
	// only a report that does not parse needs these two: compiled then,
	// not at the start of every command (a quarter of a millisecond)
	wideColonRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^\s*(?:-\s+)?[\p{L}_][\p{L}\p{N}_]*\s*：`)
	})
	noSpaceRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`^\s*(?:-\s+)?(` + strings.Join(allKeys(), "|") + `):[^\s]`)
	})
)

// syntax turns a goccy error into plain messages, first looking for the
// usual mistakes (tabs, full-width colons, no space after a colon) on every
// line so that all of them are reported at once.
func (d *decoder) syntax(err error) {
	var tk *token.Token
	msg := err.Error()
	var ye yaml.Error
	if errors.As(err, &ye) {
		tk, msg = ye.GetToken(), ye.GetMessage()
	}
	errLine := 0
	pos := Pos{File: d.file, Line: 1, Col: 1}
	if tk != nil && tk.Position != nil {
		pos = d.tokPos(tk)
		errLine = pos.Line
	}
	found := map[int]bool{}
	for i, l := range d.r.src {
		ln := i + 1
		indent := l[:len(l)-len(strings.TrimLeft(l, " \t"))]
		if t := strings.IndexByte(indent, '\t'); t >= 0 {
			d.errAt(Pos{File: d.file, Line: ln, Col: t + 1}, "", "tab character in the indentation; use spaces, not tabs, to indent (set your editor to insert spaces)")
			found[ln] = true
			continue
		}
		if loc := wideColonRE().FindStringIndex(l); loc != nil {
			col := utf8.RuneCountInString(l[:loc[1]]) // the colon is the last rune
			d.errAt(Pos{File: d.file, Line: ln, Col: col}, "", `full-width colon "："; after a field name write an ASCII colon and a space, e.g. "title: ..."`)
			found[ln] = true
			continue
		}
		if m := noSpaceRE().FindStringSubmatchIndex(l); m != nil {
			col := utf8.RuneCountInString(l[:m[3]]) + 1
			d.errAt(Pos{File: d.file, Line: ln, Col: col}, "", `no space after the colon; write "%s: ..." with a space after ":"`, l[m[2]:m[3]])
			found[ln] = true
		}
	}
	if found[errLine] {
		return
	}
	if errLine == 0 && len(found) > 0 {
		return
	}
	if strings.Contains(msg, "'\t'") {
		d.errAt(pos, "", "tab character; use spaces, not tabs")
		return
	}
	d.errAt(pos, "", "%s", friendlySyntax(msg))
}

func friendlySyntax(msg string) string {
	msg = strings.TrimSpace(strings.SplitN(msg, "\n", 2)[0])
	switch {
	case strings.Contains(msg, "end character of double-quoted"):
		return `this text starts with a quote (") but has no closing quote; add the closing " at the end of the text`
	case strings.Contains(msg, "end character of single-quoted"):
		return `this text starts with a quote (') but has no closing quote; add the closing ' at the end of the text`
	case strings.Contains(msg, "mapping value is not allowed"):
		return `unexpected ":"; if the text contains ": ", put the whole text in quotes; otherwise check the indentation of this line and the next`
	case strings.Contains(msg, "non-map value"):
		return `this line is not a "field: value" line; write the field name, an ASCII colon and a space (title: ...), or indent the line under the field it belongs to`
	case strings.Contains(msg, "']' not found"):
		return `a list opened with "[" is not closed; add the closing "]"`
	case strings.Contains(msg, "'}' not found") || strings.Contains(msg, "mapping end"):
		return `a group opened with "{" is not closed; add the closing "}"`
	case strings.Contains(msg, "map key-value is pre-defined"):
		return `a list item ("- ") is not expected here; check the indentation, and that the line above ends with ":" and nothing after it`
	case strings.Contains(msg, "cannot start any token"):
		return "YAML syntax error: " + msg + "; remove the character or put the text in quotes"
	}
	return "YAML syntax error: " + msg + "; check the indentation and the quotes here"
}

func (d *decoder) collectAnchors(n ast.Node, depth int) {
	if n == nil || depth > 200 {
		return
	}
	switch t := n.(type) {
	case *ast.AnchorNode:
		if t.Name != nil && t.Name.GetToken() != nil {
			d.anchors[t.Name.GetToken().Value] = t.Value
		}
		d.collectAnchors(t.Value, depth+1)
	case *ast.TagNode:
		d.collectAnchors(t.Value, depth+1)
	case *ast.MappingNode:
		for _, v := range t.Values {
			d.collectAnchors(v, depth+1)
		}
	case *ast.MappingValueNode:
		d.collectAnchors(t.Value, depth+1)
	case *ast.SequenceNode:
		for _, v := range t.Values {
			d.collectAnchors(v, depth+1)
		}
	}
}

// resolve follows tags, anchors and aliases to the value node.
func (d *decoder) resolve(n ast.Node, path string) ast.Node {
	for range 100 {
		switch t := n.(type) {
		case *ast.TagNode:
			n = t.Value
		case *ast.AnchorNode:
			n = t.Value
		case *ast.AliasNode:
			name := ""
			if t.Value != nil && t.Value.GetToken() != nil {
				name = t.Value.GetToken().Value
			}
			a, ok := d.anchors[name]
			if !ok {
				d.errAt(d.nodePos(t), path, "*%s refers to no anchor; define it first with &%s, or write the value out", name, name)
				return nil
			}
			n = a
		default:
			return n
		}
	}
	return nil
}

// ---- structure ----

// allKeys is every key of the format, each once.
func allKeys() []string {
	seen := map[string]bool{}
	var all []string
	for _, o := range objects {
		for _, f := range o.fields {
			if !seen[f.key] {
				seen[f.key] = true
				all = append(all, f.key)
			}
		}
	}
	return all
}

// where a field belongs, for "X belongs in ..." hints, in the order they
// are tried.
var belongs = []struct {
	o     *object
	where string
}{
	{&sectionObj, `a section (an item under "sections:")`},
	{&themeObj, `"theme:"`},
	{&printObj, `"print:"`},
	{&fontsObj, `"theme: fonts:"`},
	{&statObj, `a stat (an item under "stats:")`},
	{&chartObj, `a chart (an item under "charts:")`},
	{&photoObj, `a photo (an item under "photos:")`},
	{&sourceObj, `a chart's data file ("data: {file: traffic.csv}")`},
	{&logoObj, `"logo:" ("logo: {file: images/emblem.svg, header: true}")`},
	{&tableObj, `a table (an item under "tables:")`},
	{&columnObj, `a table's column (an item under "columns:", written {name: 同比, better: lower})`},
	{&eventObj, `a timeline entry (an item under "timeline:")`},
	{&reportObj, "the top level of the report (no indentation)"},
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// mapping decodes the fields of n, a mapping, calling set for each known
// key; what names it in messages ("a section").
func (d *decoder) mapping(n ast.Node, path, what string, keys []string, set func(key string, v ast.Node, path string)) {
	if !d.enter(n, path) {
		return
	}
	defer d.leave()
	orig := n
	n = d.resolve(n, path)
	var pairs []*ast.MappingValueNode
	switch t := n.(type) {
	case nil, *ast.NullNode:
		return
	case *ast.MappingNode:
		pairs = t.Values
	case *ast.MappingValueNode:
		pairs = []*ast.MappingValueNode{t}
	default:
		hint := fmt.Sprintf(`; write its fields (%s) as indented "key: value" lines`, strings.Join(keys, ", "))
		if s, ok := n.(*ast.StringNode); ok && (strings.ContainsRune(s.Value, '：') || keyNoSpaceRE.MatchString(s.Value)) {
			hint = `; write each field as "key: value", with an ASCII colon and a space after it`
		}
		d.errAt(d.nodePos(orig), path, "want %s, got %s%s", what, describe(n), hint)
		return
	}
	if path != "" {
		if _, ok := d.r.pos[path]; !ok {
			d.r.pos[path] = d.nodePos(orig)
		}
	}
	seen := map[string]Pos{}
	flow := false
	if m, ok := n.(*ast.MappingNode); ok {
		flow = m.IsFlowStyle
	}
	for i, mv := range pairs {
		if mv == nil {
			continue
		}
		kp := d.nodePos(mv.Key)
		if _, ok := mv.Key.(*ast.MergeKeyNode); ok {
			d.errAt(kp, path, `merge keys ("<<") are not supported; write the fields out`)
			continue
		}
		key := keyText(mv.Key)
		if first, dup := seen[key]; dup {
			d.errAt(kp, join(path, key), "%q is given twice (first at line %d); remove one of them", key, first.Line)
			continue
		}
		seen[key] = kp
		if !contains(keys, key) {
			if msg, rest := commaSplit(pairs, i, flow); msg != "" || rest {
				if msg != "" {
					d.errAt(kp, join(path, key), "%s", msg)
				}
				continue
			}
			d.errAt(kp, join(path, key), "%s", unknownKey(key, what, keys))
			continue
		}
		cp := join(path, key)
		d.r.pos[cp] = d.nodePos(mv.Value)
		if mv.Value == nil {
			continue
		}
		set(key, mv.Value, cp)
	}
}

func unknownKey(key, what string, keys []string) string {
	if m := closest(key, keys); m != "" {
		return fmt.Sprintf("unknown field %q in %s; did you mean %q?", key, what, m)
	}
	for _, b := range belongs {
		if contains(b.o.keys(), key) {
			return fmt.Sprintf("%q does not belong in %s; it is a field of %s: check its indentation", key, what, b.where)
		}
	}
	return fmt.Sprintf("unknown field %q in %s; the fields are: %s", key, what, strings.Join(keys, ", "))
}

func keyText(k ast.Node) string {
	if mk, ok := k.(*ast.MappingKeyNode); ok {
		k = mk.Value
	}
	switch t := k.(type) {
	case nil:
		return ""
	case *ast.StringNode:
		return t.Value
	}
	if tk := k.GetToken(); tk != nil {
		return tk.Value
	}
	return ""
}

// describe says what kind of value n is, for "got ..." in messages.
func describe(n ast.Node) string {
	switch t := n.(type) {
	case *ast.StringNode:
		v := t.Value
		if utf8.RuneCountInString(v) > 30 {
			v = string([]rune(v)[:30]) + "…"
		}
		return fmt.Sprintf("the string %q", v)
	case *ast.LiteralNode:
		return "a block of text"
	case *ast.IntegerNode, *ast.FloatNode, *ast.NanNode, *ast.InfinityNode:
		return "the number " + t.GetToken().Value
	case *ast.BoolNode:
		return fmt.Sprintf("the yes/no value %s", t.GetToken().Value)
	case *ast.NullNode, nil:
		return "nothing"
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a group of fields (key: value lines)"
	case *ast.SequenceNode:
		return "a list"
	}
	return "a " + n.Type().String()
}

// enter goes one level deeper into the report, refusing to go deeper
// than any report needs (an alias that refers to itself).
func (d *decoder) enter(n ast.Node, path string) bool {
	d.depth++
	if d.depth > 20 {
		d.depth--
		d.errAt(d.nodePos(n), path, "nested too deeply (is an alias referring to itself?)")
		return false
	}
	return true
}

func (d *decoder) leave() { d.depth-- }

// seq decodes a list, calling item for each element.
func (d *decoder) seq(n ast.Node, path, what string, item func(n ast.Node, path string)) {
	if !d.enter(n, path) {
		return
	}
	defer d.leave()
	orig := n
	switch t := d.resolve(n, path).(type) {
	case nil, *ast.NullNode:
	case *ast.SequenceNode:
		for i, v := range t.Values {
			ip := fmt.Sprintf("%s[%d]", path, i)
			d.r.pos[ip] = d.nodePos(v)
			item(v, ip)
		}
	case *ast.MappingNode, *ast.MappingValueNode:
		d.errAt(d.nodePos(orig), path, `want a list of %ss, got a single group of fields; start each %s with "- " (a dash and a space)`, what, what)
	default:
		d.errAt(d.nodePos(orig), path, `want a list of %ss, got %s; write each %s on its own line starting with "- "`, what, describe(t), what)
	}
}

// object decodes the mapping n into dst, a struct of the format, by the
// field table: each key's value by the Go type of its field, or by the
// decoder the table names for it.
func (d *decoder) object(n ast.Node, path string, dst reflect.Value) {
	o := objectOf[dst.Type()]
	d.mapping(n, path, o.what, o.keys(), func(key string, v ast.Node, p string) {
		f := o.field(key)
		if f.decode != "" {
			decoders[f.decode](d, v, p, f, dst)
			return
		}
		d.value(v, p, f, dst.FieldByIndex(f.at))
	})
}

var (
	numberPtrType = reflect.TypeFor[*Number]()
	boolPtrType   = reflect.TypeFor[*bool]()
)

// value decodes n into dst by dst's type: text, yes/no, a number, a
// mapping of the format, or a list of any of these.
func (d *decoder) value(n ast.Node, path string, f *field, dst reflect.Value) {
	switch t := dst.Type(); {
	case t == numberType:
		if x := d.num(n, path); x != nil {
			dst.Set(reflect.ValueOf(x).Elem())
		}
	case t == numberPtrType:
		dst.Set(reflect.ValueOf(d.num(n, path)))
	case t.Kind() == reflect.String:
		dst.SetString(d.str(n, path))
	case t.Kind() == reflect.Bool:
		dst.SetBool(d.boolean(n, path))
	case t == boolPtrType: // given or not: zero: false is not zero left out
		b := d.boolean(n, path)
		dst.Set(reflect.ValueOf(&b))
	case t.Kind() == reflect.Struct:
		if o := objectOf[t]; f.scalar && isScalar(d.resolve(n, path)) {
			first := &o.fields[0] // written as its first field alone
			p := join(path, first.key)
			d.r.pos[p] = d.nodePos(n)
			d.value(n, p, first, dst.FieldByIndex(first.at))
			return
		}
		d.object(n, path, dst)
	case t.Kind() == reflect.Pointer && t.Elem().Kind() == reflect.Struct: // an optional mapping (quote:, qr:)
		p := reflect.New(t.Elem())
		d.object(n, path, p.Elem())
		dst.Set(p)
	case t.Kind() == reflect.Slice:
		d.seq(n, path, f.item, func(n ast.Node, p string) {
			if t.Elem() == numberType {
				x := d.num(n, p)
				if x == nil && !f.holes {
					return
				}
				if x == nil {
					x = &Number{Value: math.NaN()}
				}
				grow(dst).Set(reflect.ValueOf(x).Elem())
				return
			}
			d.value(n, p, f, grow(dst)) // decoded in place
		})
	default:
		panic(fmt.Sprintf("data: field table: no decoder for %s (Go type %s)", path, t))
	}
}

// grow appends a zero item to the list dst and returns it.
func grow(dst reflect.Value) reflect.Value {
	n := dst.Len()
	dst.Grow(1)
	dst.SetLen(n + 1)
	return dst.Index(n)
}

// decoders are the fields written otherwise than their Go type says, by
// the name the table gives them; obj is the struct holding the field. (Set
// in init: they decode mappings, which may hold such fields.)
var decoders map[string]func(d *decoder, n ast.Node, path string, f *field, obj reflect.Value)

func init() {
	decoders = map[string]func(d *decoder, n ast.Node, path string, f *field, obj reflect.Value){
		// a date: a YAML timestamp is written back as YYYY-MM-DD
		"date": func(d *decoder, n ast.Node, path string, f *field, obj reflect.Value) {
			obj.FieldByIndex(f.at).SetString(normDate(d.str(n, path)))
		},
		// a whole number of decimals, 0 to 6
		"decimals": func(d *decoder, n ast.Node, path string, f *field, obj reflect.Value) {
			x := d.num(n, path)
			if x == nil {
				return
			}
			if v, err := strconv.Atoi(x.Text); err != nil || v < 0 || v > 6 {
				d.errAt(d.nodePos(n), path, "decimals must be a whole number from 0 to 6, not %s", x.Text)
			} else {
				obj.FieldByIndex(f.at).Set(reflect.ValueOf(&v))
			}
		},
		// a logo: its file alone, or a mapping with file and header
		"logo": func(d *decoder, n ast.Node, path string, f *field, obj reflect.Value) {
			logo := &Logo{}
			obj.FieldByIndex(f.at).Set(reflect.ValueOf(logo))
			switch d.resolve(n, path).(type) {
			case *ast.MappingNode, *ast.MappingValueNode:
				d.object(n, path, reflect.ValueOf(logo).Elem())
				return
			}
			logo.File = d.str(n, path)
			if sp, ok := d.r.spans[path]; ok {
				d.r.spans[path+".file"] = sp
			}
			d.r.pos[path+".file"] = d.nodePos(n)
		},
		// a chart's data: a list of items, or a spreadsheet ({file: …}) that
		// fills Source
		"data": func(d *decoder, n ast.Node, path string, f *field, obj reflect.Value) {
			switch d.resolve(n, path).(type) {
			case *ast.MappingNode, *ast.MappingValueNode:
				src := &Source{}
				d.object(n, path, reflect.ValueOf(src).Elem())
				obj.FieldByName("Source").Set(reflect.ValueOf(src))
				return
			}
			d.value(n, path, f, obj.FieldByIndex(f.at))
		},
		// a table's rows: a list of rows, each a list of cells (text as
		// written), or a spreadsheet ({file: …}) as a chart's data
		"rows": func(d *decoder, n ast.Node, path string, f *field, obj reflect.Value) {
			switch d.resolve(n, path).(type) {
			case *ast.MappingNode, *ast.MappingValueNode:
				decoders["data"](d, n, path, f, obj)
				return
			}
			var rows [][]string
			d.seq(n, path, "row", func(n ast.Node, p string) {
				var row []string
				switch t := d.resolve(n, p).(type) {
				case *ast.SequenceNode:
					for k, c := range t.Values {
						cp := fmt.Sprintf("%s[%d]", p, k)
						d.r.pos[cp] = d.nodePos(c)
						row = append(row, d.str(c, cp))
					}
				case nil, *ast.NullNode:
				default:
					d.errAt(d.nodePos(n), p, "want a row, a list of cells in brackets like [海曙区, 1234, -5.2%%], got %s", describe(t))
				}
				rows = append(rows, row)
			})
			obj.FieldByIndex(f.at).Set(reflect.ValueOf(rows))
		},
	}
}

// isScalar reports whether n is a single value (text, a number, yes/no).
func isScalar(n ast.Node) bool {
	switch n.(type) {
	case *ast.StringNode, *ast.LiteralNode, *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode:
		return true
	}
	return false
}

// ---- scalars ----

var dateLooseRE = regexp.MustCompile(`^(\d{4})-(\d{1,2})-(\d{1,2})(?:[Tt ].*)?$`)

// normDate writes a YAML timestamp as YYYY-MM-DD; anything else is kept as
// written for Validate to report.
func normDate(s string) string {
	m := dateLooseRE.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return s
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	da, _ := strconv.Atoi(m[3])
	return fmt.Sprintf("%04d-%02d-%02d", y, mo, da)
}

// commentValue reports a value that YAML read as empty because it starts
// with "#" right after the colon (an unquoted colour, "#1").
func (d *decoder) commentValue(n ast.Node, path string) {
	tk := n.GetToken()
	if tk == nil || tk.Position == nil || tk.Position.Line < 1 || tk.Position.Line > len(d.r.src) {
		return
	}
	rs := []rune(d.r.src[tk.Position.Line-1])
	c := max(tk.Position.Column-1, 0)
	for c < len(rs) && (rs[c] == ' ' || rs[c] == '\t') {
		c++
	}
	if c+1 < len(rs) && c > 0 && rs[c] == '#' && rs[c-1] != ':' && rs[c+1] != ' ' && rs[c+1] != '#' {
		word := strings.Fields(string(rs[c:]))[0]
		d.errAt(Pos{File: d.file, Line: tk.Position.Line, Col: c + 1}, path,
			`the value starts with "#", which YAML reads as a comment, so it is empty; put it in quotes: "%s"`, word)
	}
}

// str decodes a text field. Numbers and yes/no values are taken as written.
func (d *decoder) str(n ast.Node, path string) string {
	orig := n
	n = d.resolve(n, path)
	switch t := n.(type) {
	case nil:
		return ""
	case *ast.NullNode:
		d.commentValue(t, path)
		return ""
	case *ast.StringNode:
		tk := t.Token
		if tk != nil && tk.Position != nil {
			d.r.spans[path] = span{
				value:  t.Value,
				line:   tk.Position.Line,
				col:    tk.Position.Column,
				quoted: tk.Type == token.DoubleQuoteType || tk.Type == token.SingleQuoteType,
			}
		}
		return t.Value
	case *ast.LiteralNode:
		if t.Value == nil || t.Start == nil || t.Start.Position == nil {
			return ""
		}
		v := t.Value.Value
		header := t.Start.Value
		line := t.Start.Position.Line + 1
		indent := d.blockIndent(line)
		if strings.HasPrefix(header, ">") && strings.HasSuffix(path, ".body") {
			// keep the lines of a folded body as they are, so that
			// Paragraphs joins Chinese lines without spaces
			v = d.blockText(line, indent, header)
		}
		d.r.spans[path] = span{value: v, block: true, line: line, col: indent}
		return v
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.NanNode, *ast.InfinityNode:
		tk := t.GetToken()
		if tk.Position != nil {
			d.r.spans[path] = span{value: tk.Value, line: tk.Position.Line, col: tk.Position.Column}
		}
		return tk.Value
	case *ast.MappingNode, *ast.MappingValueNode:
		d.errAt(d.nodePos(orig), path, `want text, got %s; put the text on the same line after "%s:", and put it in quotes if it contains ": "`, describe(t), lastKey(path))
	default:
		d.errAt(d.nodePos(orig), path, `want text, got %s; write the text after "%s:"`, describe(t), lastKey(path))
	}
	return ""
}

// boolean decodes a yes/no field: true or false.
func (d *decoder) boolean(n ast.Node, path string) bool {
	orig := n
	switch t := d.resolve(n, path).(type) {
	case nil, *ast.NullNode:
		return false
	case *ast.BoolNode:
		return t.Value
	default:
		d.errAt(d.nodePos(orig), path, "want true or false, got %s", describe(t))
	}
	return false
}

func lastKey(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 {
		return path[i+1:]
	}
	return path
}

// blockIndent returns the indentation of the first non-blank line from
// line on (1-based).
func (d *decoder) blockIndent(line int) int {
	for i := line - 1; i >= 0 && i < len(d.r.src); i++ {
		l := d.r.src[i]
		t := strings.TrimLeft(l, " ")
		if strings.TrimSpace(t) != "" {
			return len(l) - len(t)
		}
	}
	return 0
}

// blockText returns the lines of a block scalar starting at line with the
// indentation removed and newlines kept (as | does), chomped as the
// header says.
func (d *decoder) blockText(line, indent int, header string) string {
	var out []string
	for i := line - 1; i >= 0 && i < len(d.r.src); i++ {
		l := d.r.src[i]
		if strings.TrimSpace(l) == "" {
			out = append(out, "")
			continue
		}
		if len(l)-len(strings.TrimLeft(l, " ")) < indent {
			break
		}
		out = append(out, l[indent:])
	}
	n := len(out)
	for n > 0 && out[n-1] == "" {
		n--
	}
	s := strings.Join(out[:n], "\n")
	switch {
	case strings.Contains(header, "-"):
	case strings.Contains(header, "+"):
		s += strings.Repeat("\n", len(out)-n+1)
	case n > 0:
		s += "\n"
	}
	return s
}

var (
	decimalRE = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)
	numLikeRE = regexp.MustCompile(`^[-+]?[0-9０-９][0-9０-９,，_ .．]*`)
	// ratioRE is a ratio written as the value: 1:7 (护病比), 1∶1.2
	ratioRE = regexp.MustCompile(`^([0-9]+(?:\.[0-9]+)?)\s*([:：∶])\s*([0-9]+(?:\.[0-9]+)?)$`)
)

// num decodes a number field; nil if empty or wrong.
func (d *decoder) num(n ast.Node, path string) *Number {
	orig := n
	n = d.resolve(n, path)
	pos := d.nodePos(orig)
	bad := func(format string, args ...any) *Number {
		d.errAt(pos, path, format, args...)
		return nil
	}
	// a plain decimal, unless it cannot be shown as written
	decimal := func(text string) *Number {
		if msg := numberProblem(text); msg != "" {
			return bad("%s", msg)
		}
		return parseNum(text)
	}
	switch t := n.(type) {
	case nil:
		return nil
	case *ast.NullNode:
		d.commentValue(t, path)
		return nil
	case *ast.NanNode, *ast.InfinityNode:
		return bad("%s is not a number that can be shown; write a finite number like 14.98", t.GetToken().Value)
	case *ast.IntegerNode, *ast.FloatNode:
		text := t.GetToken().Value
		if decimalRE.MatchString(text) {
			return decimal(text)
		}
		if msg := exponent(text); msg != "" {
			return bad("%s", msg)
		}
		if plain := plainDigits(text); plain != "" {
			return bad("write %s as %s: plain ASCII digits, with no separators", text, plain)
		}
		return bad("write %s as an ordinary decimal number, e.g. 1006 or 14.98", text)
	case *ast.StringNode:
		text := strings.TrimSpace(t.Value)
		quoted := t.Token != nil && (t.Token.Type == token.DoubleQuoteType || t.Token.Type == token.SingleQuoteType)
		if decimalRE.MatchString(text) {
			if quoted {
				return bad("write %s without quotes: a number in quotes is text", text)
			}
			return decimal(text)
		}
		if msg := exponent(text); msg != "" {
			return bad("%s", msg)
		}
		if digits := lookalikeDigits(text); digits != "" {
			return bad("%q has letters where digits belong (O for 0, l or I for 1); write %s", t.Value, digits)
		}
		if plain := plainDigits(text); plain != "" {
			return bad("%q: use plain ASCII digits without separators: write %s", t.Value, plain)
		}
		if m := ratioRE.FindStringSubmatch(text); m != nil && strings.HasSuffix(path, "].value") && strings.Contains(path, ".stats[") {
			return bad(`want a number, got the ratio %q; a figure is one number: write value: %s and prefix: "%s%s" (printed with it as one figure)`, t.Value, m[3], m[1], m[2])
		}
		if m := numLikeRE.FindString(text); m != "" {
			num := strings.TrimRight(m, ",，_ .．")
			rest := strings.TrimSpace(text[len(num):])
			if p := plainDigits(num); p != "" {
				num = p
			}
			if decimalRE.MatchString(num) && rest != "" {
				return bad(`want a number, got the string %q; write value: %s and put %q in "unit:"`, t.Value, num, rest)
			}
		}
		if f, err := strconv.ParseFloat(text, 64); err == nil && text != "" {
			return bad("write %s as an ordinary decimal number, e.g. %s", text, strconv.FormatFloat(f, 'f', -1, 64))
		}
		return bad("want a number, got %s", describe(t))
	default:
		return bad("want a number, got %s", describe(t))
	}
}

func parseNum(text string) *Number {
	f, err := strconv.ParseFloat(text, 64)
	if err != nil {
		return nil
	}
	return &Number{Value: f, Text: text}
}

// plainDigits returns s with full-width digits made ASCII and thousands
// separators removed, if that makes it a plain number different from s;
// else "".
func plainDigits(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= '０' && r <= '９':
			b.WriteRune('0' + r - '０')
		case r == '．':
			b.WriteByte('.')
		case r == ',' || r == '，' || r == '_' || r == ' ' || r == '\'':
		default:
			b.WriteRune(r)
		}
	}
	p := b.String()
	if p != s && decimalRE.MatchString(p) {
		return p
	}
	return ""
}
