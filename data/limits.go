package data

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"

	"github.com/brochure-dev/brochure/internal/printable"
	"github.com/brochure-dev/brochure/internal/safefile"
)

// Options are the limits and permissions a report is loaded with. The
// zero value is the defaults; the command sets them from its flags.
type Options struct {
	// MaxInputBytes bounds the report file (default DefaultMaxInputBytes).
	MaxInputBytes int64
	// MaxDataItems bounds the items of one chart (default DefaultMaxDataItems).
	MaxDataItems int
	// MaxDataBytes bounds a chart's data file: a CSV's size, an XLSX's
	// sheets unzipped (default DefaultMaxDataBytes).
	MaxDataBytes int64
	// AllowOutside lets photo, font and data file paths leave the report's folder
	// (absolute paths, "..", symlinks pointing out). Off by default, so a
	// report someone emailed cannot make the brochure read other files.
	AllowOutside bool
	// Encoding of the file: "" or "utf-8" (the default; a UTF-8 BOM is
	// fine), or "gbk"/"gb18030" to convert a file saved by Chinese Windows.
	Encoding string
}

// The default limits. A report of a year's work is some 20 KB of YAML; a
// chart with more than a hundred bars cannot be read in print.
const (
	DefaultMaxInputBytes = 8 << 20
	DefaultMaxDataItems  = 100
	// DefaultMaxDataBytes bounds a data file: a chart's hundred rows are a
	// few KB, a workbook with other sheets some MB; a 3.7 MB XLSX whose
	// sheet unzips to 1.28 GB is refused.
	DefaultMaxDataBytes = 32 << 20
	// aliasLimit bounds what the YAML aliases of a report stand for, in
	// values: a "billion laughs" file is refused before it expands.
	aliasLimit = 10_000
)

func (o Options) maxInput() int64 {
	if o.MaxInputBytes > 0 {
		return o.MaxInputBytes
	}
	return DefaultMaxInputBytes
}

func (o Options) maxData() int64 {
	if o.MaxDataBytes > 0 {
		return o.MaxDataBytes
	}
	return DefaultMaxDataBytes
}

func (o Options) maxItems() int {
	if o.MaxDataItems > 0 {
		return o.MaxDataItems
	}
	return DefaultMaxDataItems
}

// maxRunes is how many characters a short text field may have: what fits
// the place it is printed in (a 46 pt cover title has room for about three
// lines; a chart title for two). The body has no limit.
var maxRunes = map[string]int{
	"title":        40,
	"subtitle":     60,
	"organization": 60,
	"byline":       100,
	"summary":      200,
	"title@s":      60,  // a section's title
	"headline":     80,  // a section's headline
	"prefix":       10,  // a stat's
	"unit":         10,  // a stat's, a chart's, a data item's
	"label":        40,  // a stat's, a data item's
	"title@c":      60,  // a chart's title
	"caption":      200, // a photo's
}

// LoadOptions is Load with limits and permissions other than the defaults.
func LoadOptions(path string, o Options) (*Report, error) {
	f, err := safefile.Open(path, false) // a FIFO must not hang the load
	if err != nil {
		return nil, readErr(path, err)
	}
	defer f.Close()
	st, err := f.Stat()
	if err == nil && st.IsDir() {
		return nil, readErr(path, err)
	}
	if err == nil && st.Mode().IsRegular() && st.Size() > o.maxInput() {
		return nil, tooBig(path, st.Size(), o)
	}
	src, err := io.ReadAll(io.LimitReader(f, o.maxInput()+1))
	if err != nil {
		return nil, readErr(path, err)
	}
	return ParseOptions(path, src, o)
}

// ParseOptions is Parse with limits and permissions other than the
// defaults.
func ParseOptions(name string, src []byte, o Options) (*Report, error) {
	if int64(len(src)) > o.maxInput() {
		return nil, tooBig(name, -1, o)
	}
	return parse(name, src, o)
}

func tooBig(name string, size int64, o Options) error {
	is := "larger than " + mb(o.maxInput())
	if size >= 0 {
		is = mb(size) + ", more than the " + mb(o.maxInput())
	}
	return Errors{{Pos: Pos{File: name}, Msg: fmt.Sprintf(
		"the file is %s a report may have; is it the right file? (photos are separate files, named in photos:) If it is, raise the limit with --max-input-mb", is)}}
}

func mb(n int64) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MB", n>>20)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
}

// aliasBomb reports an alias that stands for more values than a report can
// have (a "billion laughs": each alias a list of the one before). The
// expansion is counted, never done.
func (d *decoder) aliasBomb(root ast.Node) bool {
	memo := map[ast.Node]int{}
	var size func(n ast.Node, depth int) int
	size = func(n ast.Node, depth int) int {
		if n == nil || depth > 100 {
			return 1
		}
		if s, ok := memo[n]; ok {
			return s
		}
		memo[n] = aliasLimit + 1 // a cycle counts as too big
		s := 1
		switch t := n.(type) {
		case *ast.AliasNode:
			name := ""
			if t.Value != nil && t.Value.GetToken() != nil {
				name = t.Value.GetToken().Value
			}
			if a, ok := d.anchors[name]; ok {
				s = size(a, depth+1)
			}
			if s > aliasLimit {
				d.errAt(d.nodePos(t), "", "*%s stands for more than %d values (an alias repeating aliases, a \"billion laughs\"); a report never needs that: write the values out",
					name, aliasLimit)
			}
		case *ast.AnchorNode:
			s = size(t.Value, depth+1)
		case *ast.TagNode:
			s = size(t.Value, depth+1)
		case *ast.MappingNode:
			for _, v := range t.Values {
				s += size(v, depth+1)
			}
		case *ast.MappingValueNode:
			s += size(t.Value, depth+1)
		case *ast.SequenceNode:
			for _, v := range t.Values {
				s += size(v, depth+1)
			}
		}
		s = min(s, aliasLimit+1)
		memo[n] = s
		return s
	}
	before := len(d.errs)
	size(root, 0)
	if len(d.errs) > before+1 {
		d.errs = d.errs[:before+1] // the first is enough
	}
	return len(d.errs) > before
}

// limits checks what no single field's rule covers: lengths, chart sizes,
// the shares of a pie, paths that leave the report's folder.
func (v *validator) limits() {
	r := v.r
	long := func(path, key, s string) {
		n := maxRunes[key]
		if c := utf8.RuneCountInString(s); n > 0 && c > n {
			v.add(path, "%d characters, more than the %d that fit where it is printed; shorten it%s", c, n, longHint(key))
		}
	}
	long("title", "title", r.Title)
	long("subtitle", "subtitle", r.Subtitle)
	long("organization", "organization", r.Organization)
	long("byline", "byline", r.Byline)
	long("summary", "summary", r.Summary)
	for _, k := range []struct {
		key, path string
	}{{"regular", r.Theme.Fonts.Regular}, {"bold", r.Theme.Fonts.Bold}, {"black", r.Theme.Fonts.Black}, {"serif", r.Theme.Fonts.Serif}, {"fallback", r.Theme.Fonts.Fallback}} {
		// a fallback list names several; a collection's face follows "#"
		for _, f := range strings.Split(k.path, ",") {
			f = strings.TrimSpace(f)
			if i := strings.LastIndexByte(f, '#'); i > 0 {
				if _, err := os.Stat(filepath.Join(r.Dir, f)); err != nil {
					f = f[:i]
				}
			}
			if msg := r.outside(f, "font"); msg != "" {
				v.add("theme.fonts."+k.key, "%s", msg)
			}
		}
	}
	for i, s := range r.Sections {
		p := fmt.Sprintf("sections[%d]", i)
		long(p+".title", "title@s", s.Title)
		long(p+".headline", "headline", s.Headline)
		for j, st := range s.Stats {
			q := fmt.Sprintf("%s.stats[%d]", p, j)
			long(q+".prefix", "prefix", st.Prefix)
			long(q+".unit", "unit", st.Unit)
			long(q+".label", "label", st.Label)
		}
		for j, c := range s.Charts {
			q := fmt.Sprintf("%s.charts[%d]", p, j)
			long(q+".title", "title@c", c.Title)
			long(q+".unit", "unit", c.Unit)
			if n, most := len(c.Data), r.opts.maxItems(); n > most {
				v.add(q+".data", "%d items, more than the %d a chart may have: a chart that dense cannot be read in print; group the items (by month instead of by day), or raise the limit with --max-bars", n, most)
				continue
			}
			for k, pt := range c.Data {
				long(fmt.Sprintf("%s.data[%d].label", q, k), "label", pt.Label)
				long(fmt.Sprintf("%s.data[%d].unit", q, k), "unit", pt.Unit)
			}
		}
		for j, ph := range s.Photos {
			long(fmt.Sprintf("%s.photos[%d].caption", p, j), "caption", ph.Caption)
		}
	}
}

func longHint(key string) string {
	switch key {
	case "title":
		return " (the cover sets it in 46 pt); put the rest in subtitle:"
	case "title@s", "headline":
		return "; the text of the section belongs in body:"
	case "caption":
		return "; say more in the body"
	}
	return ""
}

// outside returns why the file at p (as written in the report) may not be
// read, or "" if it may: a path that leaves the report's folder, directly
// or through a symlink, unless the options allow it, or a file that is no
// regular file (a FIFO, a device). safefile.Resolve decides; this words it.
func (r *Report) outside(p, what string) string {
	if p == "" {
		return ""
	}
	_, err := safefile.Resolve(r.Dir, p, r.opts.AllowOutside)
	var se *safefile.Error
	if !errors.As(err, &se) {
		return "" // fine, or missing: reported as such
	}
	folder := map[string]string{"photo": "photos", "font": "fonts", "data file": "data"}[what]
	fix := fmt.Sprintf("copy the %s into the report's folder (e.g. %s/) and name it from there, or, if you trust this report, build with --allow-outside", what, folder)
	q := printable.String(p)
	switch {
	case errors.Is(err, safefile.ErrAbsolute):
		return fmt.Sprintf("%s is an absolute path; a report may only name files in its own folder: %s", q, fix)
	case errors.Is(err, safefile.ErrParent):
		return fmt.Sprintf("%s leads out of the report's folder; a report may only name files in its own folder: %s", q, fix)
	case errors.Is(err, safefile.ErrLinkOut):
		return fmt.Sprintf("%s is a link to a file outside the report's folder; a report may only name files in its own folder: %s", q, fix)
	case errors.Is(err, safefile.ErrNotRegular):
		file := map[string]string{"photo": "photo file", "font": "font file", "data file": "data file"}[what]
		return fmt.Sprintf("%s is %s, not a %s; name the %s itself", q, se.Detail, file, what)
	}
	return fmt.Sprintf("%s: %v", q, err)
}

func absOr(p string) string {
	if p == "" {
		p = "."
	}
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}
