package data

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

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

func (o Options) maxInput() int64 { return orDefault(o.MaxInputBytes, DefaultMaxInputBytes) }
func (o Options) maxItems() int   { return orDefault(o.MaxDataItems, DefaultMaxDataItems) }
func (o Options) maxData() int64  { return orDefault(o.MaxDataBytes, DefaultMaxDataBytes) }

// orDefault is a limit as given, or the default when it is not (0).
func orDefault[T int | int64](v, def T) T {
	if v > 0 {
		return v
	}
	return def
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

// limits checks what no single field's rule covers: the size of charts.
// (Lengths are the table's maxLen, files outside the folder its file.)
func (v *validator) limits() {
	r := v.r
	for i, s := range r.Sections {
		for j, c := range s.Charts {
			if n, most := len(c.Data), r.opts.maxItems(); n > most {
				v.add(fmt.Sprintf("sections[%d].charts[%d].data", i, j), "%d items, more than the %d a chart may have: a chart that dense cannot be read in print; group the items (by month instead of by day), or raise the limit with --max-bars", n, most)
			}
		}
	}
}

// outside returns why the file at p (as written in the report) may not be
// read, or "" if it may: a path that leaves the report's folder, directly
// or through a symlink, unless the options allow it, or a file that is no
// regular file (a FIFO, a device). safefile.Resolve decides; this words it.
//
// A font names a file or an installed family; a fallback list names
// several, separated by commas, and a collection's face follows "#"
// (file.ttc#2): each file is held to the folder.
func (r *Report) outside(p, what string) string {
	if what == "font" && (strings.Contains(p, ",") || strings.Contains(p, "#")) {
		for _, f := range strings.Split(p, ",") {
			f = strings.TrimSpace(f)
			if i := strings.LastIndexByte(f, '#'); i > 0 {
				if _, err := os.Stat(filepath.Join(r.Dir, f)); err != nil {
					f = f[:i]
				}
			}
			if msg := r.outside(f, what); msg != "" {
				return msg
			}
		}
		return ""
	}
	if p == "" {
		return ""
	}
	_, err := safefile.Resolve(r.Dir, p, r.opts.AllowOutside)
	var se *safefile.Error
	if !errors.As(err, &se) {
		return "" // fine, or missing: reported as such
	}
	folder := map[string]string{"photo": "photos", "font": "fonts", "data file": "data", "logo": "images"}[what]
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
		file := map[string]string{"photo": "photo file", "font": "font file", "data file": "data file", "logo": "logo file"}[what]
		return fmt.Sprintf("%s is %s, not a %s; name the %s itself", q, se.Detail, file, what)
	}
	return fmt.Sprintf("%s: %v", q, err)
}
