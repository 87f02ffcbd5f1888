package data

import (
	"bytes"
	"fmt"
	"github.com/brochure-dev/brochure/locale"
	"github.com/brochure-dev/brochure/number"
	"io"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/brochure-dev/brochure/ink"
	"github.com/brochure-dev/brochure/internal/printable"
	"github.com/brochure-dev/brochure/internal/safefile"
)

var bleedRE = regexp.MustCompile(`^[0-9]+(\.[0-9]+)? ?(mm)?$`)

// PaperMM returns the portrait trim size of a paper name in mm: A4, A5,
// B5 (ISO, 176×250), Letter, or "WxH" in mm. Empty is A4.
func PaperMM(name string) (w, h float64, ok bool) {
	switch name {
	case "", "A4":
		return 210, 297, true
	case "A5":
		return 148, 210, true
	case "B5":
		return 176, 250, true
	case "Letter":
		return 215.9, 279.4, true
	}
	a, b, found := strings.Cut(name, "x")
	if !found {
		return 0, 0, false
	}
	w, err1 := strconv.ParseFloat(a, 64)
	h, err2 := strconv.ParseFloat(b, 64)
	if err1 != nil || err2 != nil || w < 50 || h < 50 || w > 1000 || h > 1000 {
		return 0, 0, false
	}
	return w, h, true
}

// Error is one problem in a report, with where it is.
type Error struct {
	Pos  Pos    // zero when the report did not come from a file
	Path string // field path, e.g. "sections[0].stats[1].value"; may be empty
	Msg  string // what is wrong and what to do about it
}

// Error returns "file:line:col: path: msg", leaving out the parts that are
// empty.
func (e *Error) Error() string {
	var parts []string
	if p := e.Pos.String(); p != "" {
		parts = append(parts, p)
	}
	if e.Path != "" {
		parts = append(parts, e.Path)
	}
	parts = append(parts, e.Msg)
	// what the report wrote (a key, a value, a path) may hold terminal
	// escapes or bidi controls: shown as \u escapes, never sent raw
	return printable.String(strings.Join(parts, ": "))
}

// Errors is every problem found in a report, sorted by position.
type Errors []*Error

// Error returns one problem a line.
func (es Errors) Error() string {
	s := make([]string, len(es))
	for i, e := range es {
		s[i] = e.Error()
	}
	return strings.Join(s, "\n")
}

func (es Errors) sort() {
	sort.SliceStable(es, func(i, j int) bool {
		a, b := es[i].Pos, es[j].Pos
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Col < b.Col
	})
}

// err returns nil for no errors, so that a nil Errors is never returned as
// a non-nil error interface.
func (es Errors) err() error {
	if len(es) == 0 {
		return nil
	}
	es.sort()
	return es
}

var (
	dateRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
	inkRE  = regexp.MustCompile(ink.Pattern)
)

// Validate checks what the YAML structure cannot: required fields, known
// chart types, numbers in range, colours, photo files. It returns an Errors
// with every problem, or nil. Problems that decoding already reported (a
// field of the wrong type) are not reported again.
func (r *Report) Validate() error {
	v := &validator{r: r}
	v.run()
	return v.errs.err()
}

type validator struct {
	r    *Report
	errs Errors
}

func (v *validator) add(path, format string, args ...any) {
	if v.r.hadError(path) {
		return
	}
	v.errs = append(v.errs, &Error{Pos: v.r.near(path), Path: path, Msg: fmt.Sprintf(format, args...)})
}

func (v *validator) run() {
	r := v.r
	v.object("", reflect.ValueOf(r).Elem())
	if r.Date != "" && dateRE.MatchString(r.Date) {
		if _, err := time.Parse("2006-01-02", r.Date); err != nil {
			v.add("date", "%q is not a real date; check the month and day", r.Date)
		}
	}
	if _, err := locale.Parse(r.Language); err != nil {
		v.add("language", "%s%s", err, Suggest(r.Language, languages))
	}
	if _, _, ok := PaperMM(r.Theme.Paper); !ok {
		v.add("theme.paper", "paper size %q is not supported; write A4, A5, B5, Letter, or width x height in mm like 185x260 (each 50 to 1000 mm)%s", r.Theme.Paper, Suggest(r.Theme.Paper, papers))
	}
	for _, c := range []struct{ path, colour string }{{"theme.primary", r.Theme.Primary}, {"theme.accent", r.Theme.Accent}} {
		if _, err := ink.Parse(c.colour); c.colour != "" && inkRE.MatchString(c.colour) && err != nil {
			v.add(c.path, "%s", err) // the pattern's form, out of range
		}
	}
	if b := strings.TrimSpace(r.Print.Bleed); b != "" && !bleedRE.MatchString(b) {
		v.add("print.bleed", "bleed %q is not a length in mm; write e.g. bleed: 3mm", r.Print.Bleed)
	} else if r.Print.BleedMM() > 10 {
		v.add("print.bleed", "bleed %s is more than 10 mm; print shops ask for 3 mm", r.Print.Bleed)
	}
	if r.Logo != nil {
		v.logo(r.Logo.File)
	}
	for i, s := range r.Sections {
		p := fmt.Sprintf("sections[%d]", i)
		for j, st := range s.Stats {
			v.ratio(fmt.Sprintf("%s.stats[%d]", p, j), st.Format, st.Unit)
		}
		for j, c := range s.Charts {
			v.chart(fmt.Sprintf("%s.charts[%d]", p, j), c)
		}
		for j, ph := range s.Photos {
			v.photo(fmt.Sprintf("%s.photos[%d]", p, j), ph)
		}
		for j, t := range s.Tables {
			v.table(fmt.Sprintf("%s.tables[%d]", p, j), t)
		}
		for j, e := range s.Timeline {
			v.event(fmt.Sprintf("%s.timeline[%d]", p, j), e)
		}
	}
	v.limits()
}

// ratio refuses format (of the stat or chart at path) that scales
// figures into 万 and 亿 (millions, billions) when unit makes them shares
// (number.Ratio): 230000000000% would print 2300亿%. Refused rather than
// quietly printed in full: the editor asked for a scale, and a share that
// large is a mistake in the value or the unit, which the message points
// at.
func (v *validator) ratio(path, format, unit string) {
	if format == "" || format == "full" || !number.Ratio(unit) {
		return
	}
	v.add(path+".format", "format %s writes figures in 万 and 亿 (millions, billions), but the unit %q makes them shares, which are never scaled (230000000000%% would print 2300亿%%); leave format out, or check the value and the unit", format, unit)
}

// object checks the fields of val, a struct of the format at path, and all
// it holds, by the field table: required fields are there, values are in
// their enum, pattern or range, texts fit where they are printed. Only a
// rule whose message is in the table is checked here; the others (charts,
// paper sizes, bleed) are checked by hand.
func (v *validator) object(path string, val reflect.Value) {
	o := objectOf[val.Type()]
	for i := range o.fields {
		f := &o.fields[i]
		v.field(join(path, f.key), f, val.FieldByIndex(f.at))
	}
}

// field checks one value; f holds its rules.
func (v *validator) field(path string, f *field, val reflect.Value) {
	if f.missing != "" && empty(val) {
		v.add(path, "%s", f.missing)
		return
	}
	if val.Kind() == reflect.Pointer {
		if val.IsNil() {
			return
		}
		val = val.Elem()
	}
	switch t := val.Type(); {
	case t == numberType:
		n := val.Interface().(Number)
		if f.bad == "" || n.Text == "" || !v.finite(path, n, Point{}) {
			return
		}
		if f.min != nil && n.Value < *f.min || f.max != nil && n.Value > *f.max {
			v.add(path, f.bad, n.Text)
		}
	case t.Kind() == reflect.String:
		s := val.String()
		switch {
		case s == "" || f.bad == "":
		case f.enum != nil && !slices.Contains(f.enum, s):
			v.add(path, f.bad+"%s", s, Suggest(s, f.enum))
		case f.pattern != "" && !patterns[f.pattern].MatchString(s):
			v.add(path, f.bad, s)
		}
		if f.file != "" {
			if msg := v.r.outside(s, f.file); msg != "" {
				v.add(path, "%s", msg)
			}
		}
		if c := utf8.RuneCountInString(s); f.maxLen > 0 && c > f.maxLen {
			v.add(path, "%d characters, more than the %d that fit where it is printed; shorten it%s", c, f.maxLen, f.long)
		}
	case t.Kind() == reflect.Struct:
		v.object(path, val)
	case t.Kind() == reflect.Slice:
		each := *f
		each.missing = ""
		for i := range val.Len() {
			v.field(fmt.Sprintf("%s[%d]", path, i), &each, val.Index(i))
		}
	}
}

// empty reports whether a required value is missing: zero, an empty list,
// or text of nothing but spaces.
func empty(val reflect.Value) bool {
	switch val.Kind() {
	case reflect.Slice:
		return val.Len() == 0
	case reflect.String:
		return strings.TrimSpace(val.String()) == ""
	}
	return val.IsZero()
}

// patterns are the table's regular expressions, compiled.
var patterns = map[string]*regexp.Regexp{}

func init() {
	for _, o := range objects {
		for _, f := range o.fields {
			if f.pattern != "" {
				patterns[f.pattern] = regexp.MustCompile(f.pattern)
			}
		}
	}
}

func (v *validator) finite(path string, n Number, p Point) bool {
	if math.IsNaN(n.Value) || math.IsInf(n.Value, 0) {
		v.add(path, "%s", at(p, fmt.Sprintf("%s is not a usable number; write a finite number", n.Text)))
		return false
	}
	return true
}

// at prefixes a message with where a spreadsheet point came from.
func at(p Point, msg string) string {
	if p.From != "" {
		return p.From + ": " + msg
	}
	return msg
}

func trimFloat(f float64) string {
	s := fmt.Sprintf("%.6f", f)
	s = strings.TrimRight(strings.TrimRight(s, "0"), ".")
	if s == "-0" {
		s = "0"
	}
	return s
}

func (v *validator) photo(path string, p Photo) {
	if p.Focus != nil {
		if len(p.Focus) != 2 {
			v.add(path+".focus", "focus wants two numbers [x, y], got %d; write e.g. focus: [0.5, 0.3]", len(p.Focus))
		}
	}
	if p.File == "" {
		return // a photo to come: layout leaves it out or, in a draft, sets a frame
	}
	name := p.File
	if !filepath.IsAbs(name) {
		name = filepath.Join(v.r.Dir, name)
	}
	fp := path + ".file"
	if v.r.outside(p.File, "photo") != "" {
		return // said by the table's file rule
	}
	head, ok := v.head(fp, name, "photo",
		"photo %s not found; put the picture there (paths are relative to the folder of the report), fix the name, or remove the file: line (the photo is then left out; --draft shows a placeholder frame)",
		"%s is a folder, not a picture; name a .jpg or .png file inside it")
	if !ok {
		return
	}
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xD8, 0xFF}):
	case bytes.HasPrefix(head, []byte{0x89, 'P', 'N', 'G'}):
	default:
		v.add(fp, "%s is %s; save it as .jpg or .png (for example with Export in a picture editor) and name the new file here", name, imageKind(head))
	}
}

// logo checks that the logo's file is there and is an SVG, PNG or JPEG
// (layout reads the SVG, and refuses what it must not draw).
func (v *validator) logo(file string) {
	const fp = "logo.file"
	if file == "" || v.r.outside(file, "logo") != "" {
		return // said by the table's rules
	}
	name := file
	if !filepath.IsAbs(name) {
		name = filepath.Join(v.r.Dir, name)
	}
	head, ok := v.head(fp, name, "the logo",
		"logo %s not found; put the file there (paths are relative to the folder of the report) or fix the name",
		"%s is a folder; name the logo's .svg, .png or .jpg file inside it")
	if !ok {
		return
	}
	switch kind := imageKind(head); {
	case bytes.HasPrefix(head, []byte{0xFF, 0xD8, 0xFF}), bytes.HasPrefix(head, []byte{0x89, 'P', 'N', 'G'}):
	case strings.HasPrefix(kind, "an SVG"):
	case strings.HasPrefix(kind, "a web page or XML") && strings.EqualFold(filepath.Ext(name), ".svg"):
		// an SVG with a long comment or DOCTYPE first: layout reads it
	default:
		v.add(fp, "%s is %s; a logo is an SVG drawing, or a PNG or JPEG picture", name, strings.TrimSuffix(strings.TrimSuffix(kind, " (export it as PNG)"), ", which the PDF writer cannot embed"))
	}
}

// head reads the first 512 bytes of the file name (a photo's, the
// logo's), to tell what it holds; when it cannot, it says why at fp:
// missing and folder (formats taking the name) when the file is not there
// or is a folder, else that what (a noun: "photo", "the logo") cannot be
// read.
func (v *validator) head(fp, name, what, missing, folder string) ([]byte, bool) {
	st, err := os.Stat(name)
	switch {
	case os.IsNotExist(err):
		v.add(fp, missing, name)
		return nil, false
	case err != nil:
		v.add(fp, "cannot read %s %s: %v", what, name, unwrapPathErr(err))
		return nil, false
	case st.IsDir():
		v.add(fp, folder, name)
		return nil, false
	}
	f, err := safefile.Open(name, v.r.opts.AllowOutside)
	if err != nil {
		v.add(fp, "cannot read %s %s: %v", what, name, unwrapPathErr(err))
		return nil, false
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	return head[:n], true
}

func unwrapPathErr(err error) error {
	if pe, ok := err.(*os.PathError); ok {
		return pe.Err
	}
	return err
}

// hadError reports whether decoding already reported a problem at path, at
// a field inside it, or at a field containing it.
func (r *Report) hadError(path string) bool {
	for p := range r.bad {
		if p == path || isUnder(path, p) || isUnder(p, path) {
			return true
		}
	}
	return false
}

// isUnder reports whether path is a field inside parent.
func isUnder(path, parent string) bool {
	if parent == "" {
		return true
	}
	return strings.HasPrefix(path, parent) && len(path) > len(parent) &&
		(path[len(parent)] == '.' || path[len(parent)] == '[')
}

// near returns the position of path, or of the closest containing field
// that has one.
func (r *Report) near(path string) Pos {
	for {
		if p, ok := r.pos[path]; ok {
			return p
		}
		i := strings.LastIndexAny(path, ".[")
		if i <= 0 {
			break
		}
		path = path[:i]
	}
	if p, ok := r.pos[""]; ok {
		return p
	}
	if r.File != "" {
		return Pos{File: r.File}
	}
	return Pos{}
}

// Suggest returns ` (did you mean "x"?)` for the closest of known to s, or
// "" (the format's messages, and a command's flags).
func Suggest(s string, known []string) string {
	if m := closest(s, known); m != "" {
		return fmt.Sprintf(" (did you mean %q?)", m)
	}
	return ""
}

// closest returns the entry of known equal to s but for case, or else the
// one within edit distance 2 (and shorter than itself), or "".
func closest(s string, known []string) string {
	for _, k := range known {
		if strings.EqualFold(s, k) {
			return k
		}
	}
	best, bestD := "", 3
	ls := strings.ToLower(s)
	for _, k := range known {
		d := editDistance(ls, strings.ToLower(k))
		if d < bestD && d < len([]rune(k)) {
			best, bestD = k, d
		}
	}
	return best
}

// editDistance is the optimal string alignment distance: insertions,
// deletions, substitutions and swaps of neighbours ("titel") count one.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}
