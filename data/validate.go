package data

import (
	"bytes"
	"fmt"
	"github.com/brochure-dev/brochure/locale"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

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
	colourRE = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)
	dateRE   = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
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
	if strings.TrimSpace(r.Title) == "" {
		v.add("title", `the report has no title; add a line like "title: 2020年度回顾" at the top of the file`)
	}
	if r.Date != "" {
		if !dateRE.MatchString(r.Date) {
			v.add("date", "%q is not a date in the form YYYY-MM-DD; write it like 2020-12-31", r.Date)
		} else if _, err := time.Parse("2006-01-02", r.Date); err != nil {
			v.add("date", "%q is not a real date; check the month and day", r.Date)
		}
	}
	if _, err := locale.Parse(r.Language); err != nil {
		v.add("language", "%s%s", err, suggest(r.Language, languages))
	}
	if _, _, ok := PaperMM(r.Theme.Paper); !ok {
		v.add("theme.paper", "paper size %q is not supported; write A4, A5, B5, Letter, or width x height in mm like 185x260 (each 50 to 1000 mm)%s", r.Theme.Paper, suggest(r.Theme.Paper, papers))
	}
	switch r.Theme.Orientation {
	case "", "portrait", "landscape":
	default:
		v.add("theme.orientation", "orientation %q is not supported; write portrait or landscape%s", r.Theme.Orientation, suggest(r.Theme.Orientation, orientations))
	}
	if b := strings.TrimSpace(r.Print.Bleed); b != "" && !bleedRE.MatchString(b) {
		v.add("print.bleed", "bleed %q is not a length in mm; write e.g. bleed: 3mm", r.Print.Bleed)
	} else if r.Print.BleedMM() > 10 {
		v.add("print.bleed", "bleed %s is more than 10 mm; print shops ask for 3 mm", r.Print.Bleed)
	}
	if q := r.Print.Quality; q != nil && v.finite("print.quality", *q, Point{}) && (q.Value < 1 || q.Value > 100) {
		v.add("print.quality", "quality %s is outside 1..100; write e.g. quality: 85", q.Text)
	}
	if n := r.Theme.Indent; n != nil && v.finite("theme.indent", *n, Point{}) && (n.Value < 0 || n.Value > 4) {
		v.add("theme.indent", "indent %s is outside 0..4 characters; write e.g. indent: 2", n.Text)
	}
	v.colour("theme.primary", r.Theme.Primary)
	v.colour("theme.accent", r.Theme.Accent)

	if len(r.Sections) == 0 {
		v.add("sections", `the report has no sections; add a "sections:" list with at least one "- title: ..." item`)
	}
	for i, s := range r.Sections {
		v.section(fmt.Sprintf("sections[%d]", i), s)
	}
	v.limits()
}

func (v *validator) colour(path, c string) {
	if c != "" && !colourRE.MatchString(c) {
		v.add(path, `colour %q is not in the form #RRGGBB; write six hex digits in quotes, e.g. "#C8102E"`, c)
	}
}

func (v *validator) section(path string, s Section) {
	if strings.TrimSpace(s.Title) == "" {
		v.add(path+".title", `this section has no title; add a "title:" line to it`)
	}
	for i, st := range s.Stats {
		p := fmt.Sprintf("%s.stats[%d]", path, i)
		if st.Value.Text == "" {
			v.add(p+".value", `this stat has no value; add a "value:" line with the number, e.g. value: 1006`)
		} else {
			v.finite(p+".value", st.Value, Point{})
			if st.Value.Value < 0 {
				v.add(p+".value", "%s is negative; write the size of the figure and show the direction with change: down", st.Value.Text)
			}
		}
		switch st.Change {
		case "", "up", "down":
		default:
			v.add(p+".change", "%q is not a change direction; write up or down, or leave the line out%s", st.Change, suggest(st.Change, changes))
		}
	}
	for i, c := range s.Charts {
		v.chart(fmt.Sprintf("%s.charts[%d]", path, i), c)
	}
	for i, ph := range s.Photos {
		v.photo(fmt.Sprintf("%s.photos[%d]", path, i), ph)
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

func countDecimals(text string) int {
	if i := strings.IndexByte(text, '.'); i >= 0 {
		return len(text) - i - 1
	}
	return 0
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
	if p.Fit != "" && !slices.Contains(fits, p.Fit) {
		v.add(path+".fit", "%q is not a way to fit a photo; write cover (fill its frame) or contain (show all of it)%s", p.Fit, suggest(p.Fit, fits))
	}
	if p.Focus != nil {
		if len(p.Focus) != 2 {
			v.add(path+".focus", "focus wants two numbers [x, y], got %d; write e.g. focus: [0.5, 0.3]", len(p.Focus))
		}
		for i, f := range p.Focus {
			if v.finite(fmt.Sprintf("%s.focus[%d]", path, i), f, Point{}) && (f.Value < 0 || f.Value > 1) {
				v.add(fmt.Sprintf("%s.focus[%d]", path, i), "%s is outside 0..1; 0 is the left (top) edge, 1 the right (bottom)", f.Text)
			}
		}
	}
	if p.File == "" {
		return // placeholder frame
	}
	name := p.File
	if !filepath.IsAbs(name) {
		name = filepath.Join(v.r.Dir, name)
	}
	fp := path + ".file"
	if msg := v.r.outside(p.File, "photo"); msg != "" {
		v.add(fp, "%s", msg)
		return
	}
	st, err := os.Stat(name)
	switch {
	case os.IsNotExist(err):
		v.add(fp, "photo %s not found; put the picture there (paths are relative to the folder of the report), fix the name, or remove the file: line to show a placeholder", name)
		return
	case err != nil:
		v.add(fp, "cannot read photo %s: %v", name, unwrapPathErr(err))
		return
	case st.IsDir():
		v.add(fp, "%s is a folder, not a picture; name a .jpg or .png file inside it", name)
		return
	}
	f, err := safefile.Open(name, v.r.opts.AllowOutside)
	if err != nil {
		v.add(fp, "cannot read photo %s: %v", name, unwrapPathErr(err))
		return
	}
	defer f.Close()
	head := make([]byte, 512)
	n, _ := io.ReadFull(f, head)
	head = head[:n]
	switch {
	case bytes.HasPrefix(head, []byte{0xFF, 0xD8, 0xFF}):
	case bytes.HasPrefix(head, []byte{0x89, 'P', 'N', 'G'}):
	default:
		v.add(fp, "%s is %s; save it as .jpg or .png (for example with Export in a picture editor) and name the new file here", name, imageKind(head))
	}
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

// suggest returns ` (did you mean "x"?)` for the closest of known to s, or
// "".
func suggest(s string, known []string) string {
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
