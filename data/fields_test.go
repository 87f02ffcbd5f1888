package data

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// TestFieldTable is the guard of "a field is added in one place": for
// every field of the table it checks, on reports generated from the table
// itself, that the field is decoded into its Go field, that each rule the
// table states for it (required, enum, pattern, range, length, a file
// inside the report's folder) is
// enforced, that Diff reports a change of it exactly when the table marks
// it diffed, and that the glyph check reads it exactly when the table marks
// it printed. A field declared without saying whether it is printed and
// diffed fails here too.
func TestFieldTable(t *testing.T) {
	dir := t.TempDir() // the generated reports' folder: their photo "x1" is a JPEG there
	os.WriteFile(filepath.Join(dir, "x1"), append([]byte{0xFF, 0xD8, 0xFF}, make([]byte, 64)...), 0o644)
	reportName = filepath.Join(dir, "r.yaml")
	t.Run("declared", func(t *testing.T) {
		for _, o := range objects {
			for _, f := range o.fields {
				if !leaf(o, f) {
					continue
				}
				if f.diffed == unset {
					t.Errorf("%s.%s: say in data/fields.go whether diff reports it (diffed: yes or no)", o.name, f.key)
				}
				if textual(o, f) && f.printed == unset {
					t.Errorf("%s.%s: say in data/fields.go whether it is printed (printed: yes or no)", o.name, f.key)
				}
				if f.diffed == yes && f.name == "" && !slices.Contains(diffedByHand[o.name], f.key) {
					t.Errorf("%s.%s: a diffed field needs its Chinese name (name:), which diff prints", o.name, f.key)
				}
			}
		}
	})
	t.Run("decoded", func(t *testing.T) {
		for _, dataFile := range []bool{false, true} {
			r, _ := Parse("r.yaml", []byte(generate(nil, dataFile)))
			if r == nil {
				t.Fatal("the generated report does not parse")
			}
			eachField(reflect.ValueOf(r).Elem(), "", func(o *object, f *field, path string, v reflect.Value) {
				if v.IsZero() {
					t.Errorf("%s: written in the report but not decoded into %s.%s", path, o.goType.Name(), f.goName)
				}
			})
		}
	})
	t.Run("validated", func(t *testing.T) {
		for _, o := range objects {
			if o == &sourceObj {
				continue // its rules are checked as the file is read (source.go)
			}
			for i := range o.fields {
				f := &o.fields[i]
				for _, bad := range breaches(f) {
					path := pathOf(o, f.key)
					found := false
					for _, v := range variants(o, f.key) {
						if hasProblem(generate(&v, false), path, false) {
							continue // the field has a problem already
						}
						v.value, v.omitKey = bad, bad == ""
						if hasProblem(generate(&v, false), path, true) {
							found = true
							break
						}
					}
					if !found {
						t.Errorf("%s: the table's rule is not enforced: %s accepted", path, orOmitted(bad))
					}
				}
			}
		}
	})
	t.Run("diffed", func(t *testing.T) {
		for _, o := range objects {
			for i := range o.fields {
				f := &o.fields[i]
				if !leaf(o, *f) || o == &sourceObj {
					continue
				}
				reported := false
				for _, v := range variants(o, f.key) {
					if reported && f.diffed == yes {
						break
					}
					if f.diffed == no && v.omit != "" {
						continue // the full and the minimal chart say it
					}
					old, _ := Parse("old.yaml", []byte(generate(&v, false)))
					v.value = other(f)
					new, _ := Parse("new.yaml", []byte(generate(&v, false)))
					cs := Diff(old, new)
					reported = reported || len(cs) > 0
					if f.diffed == no && len(cs) > 0 {
						t.Errorf("%s.%s is marked not diffed, but Diff reports %+v", o.name, f.key, cs)
					}
				}
				if f.diffed == yes && !reported {
					t.Errorf("%s.%s is marked diffed, but Diff reports no change of it", o.name, f.key)
				}
			}
		}
	})
	t.Run("printed", func(t *testing.T) {
		for _, dataFile := range []bool{false, true} {
			r, _ := Parse("r.yaml", []byte(generate(nil, dataFile)))
			var paths []string
			for tx := range r.Texts() {
				paths = append(paths, tx.Path)
			}
			eachField(reflect.ValueOf(r).Elem(), "", func(o *object, f *field, path string, v reflect.Value) {
				if !textual(o, *f) {
					return
				}
				in := slices.ContainsFunc(paths, func(p string) bool { return p == path || strings.HasPrefix(p, path+"[") })
				if f.printed == yes && !in {
					t.Errorf("%s is marked printed, but the glyph check does not read it", path)
				}
				if f.printed == no && in {
					t.Errorf("%s is marked not printed, but the glyph check reads it", path)
				}
			})
		}
	})
}

// diffedByHand are the diffed fields diff.go compares with rules of their
// own, which name them without the table's name.
var diffedByHand = map[string][]string{
	"section": {"title", "headline", "body"},
	"stat":    {"value", "prefix", "unit", "label", "change"},
	"chart":   {"type", "title", "value", "total", "percent"},
	"point":   {"label", "value", "unit"},
	"photo":   {"file", "caption"},
}

// leaf reports whether f holds a value rather than mappings of the format.
func leaf(o *object, f field) bool {
	t := o.goType.FieldByIndex(f.at).Type
	for t.Kind() == reflect.Slice || t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return objectOf[t] == nil
}

// textual reports whether f holds text (or a list of texts).
func textual(o *object, f field) bool {
	t := o.goType.FieldByIndex(f.at).Type
	for t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	return t.Kind() == reflect.String
}

// eachField calls fn for every leaf field of the table found in val (a
// struct of the format at path).
func eachField(val reflect.Value, path string, fn func(o *object, f *field, path string, v reflect.Value)) {
	o := objectOf[val.Type()]
	for i := range o.fields {
		f := &o.fields[i]
		p, v := join(path, f.key), val.FieldByIndex(f.at)
		if f.alt != "" && v.Len() == 0 { // data given as a file
			eachField(val.FieldByName("Source").Elem(), p, fn)
			continue
		}
		if leaf(o, *f) {
			fn(o, f, p, v)
			continue
		}
		for v.Kind() == reflect.Pointer {
			v = v.Elem()
		}
		if v.Kind() == reflect.Slice {
			for k := range v.Len() {
				eachField(v.Index(k), fmt.Sprintf("%s[%d]", p, k), fn)
			}
		} else {
			eachField(v, p, fn)
		}
	}
}

// override changes the generated report: the first (only) mapping of
// object o gets value for key (or no key, with omitKey); its charts are
// of chartType.
type override struct {
	o         *object
	key       string
	value     string
	omitKey   bool
	chartType string
	minimal   bool   // the chart has only its required fields, data and key
	omit      string // a key the chart leaves out
}

// examples are values that match the table's patterns.
var examples = map[string]string{"date": "2021-01-18", "language": "en-GB", "paper": "A4", "primary": `"#112233"`, "accent": `"#112233"`, "bleed": "3mm", "range": "A1:B2", "profile": "press.icc", "url": "https://example.com/a"}

// generate writes a report, as YAML, that sets every field of the table
// once, with a valid value; with dataFile the chart's data is a file.
func generate(ov *override, dataFile bool) string {
	var obj func(o *object) string
	value := func(o *object, f field) string {
		t := o.goType.FieldByIndex(f.at).Type
		elem := t
		for elem.Kind() == reflect.Slice || elem.Kind() == reflect.Pointer {
			elem = elem.Elem()
		}
		switch {
		case f.alt != "" && dataFile:
			return obj(objects[slices.IndexFunc(objects, func(x *object) bool { return x.name == f.alt })])
		case objectOf[elem] != nil && t.Kind() == reflect.Slice:
			return "[" + obj(objectOf[elem]) + "]"
		case objectOf[elem] != nil:
			return obj(objectOf[elem])
		case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Slice:
			return "[[1]]" // a table of one cell, under a column of figures
		case examples[f.key] != "":
			return examples[f.key]
		case f.enum != nil:
			return f.enum[0]
		case elem.Kind() == reflect.String && t.Kind() == reflect.Slice:
			return `["x1"]`
		case elem.Kind() == reflect.String:
			return `"x1"`
		case elem.Kind() == reflect.Bool:
			return "true"
		case t.Kind() == reflect.Slice:
			return "[1, 1]"
		}
		return "1"
	}
	obj = func(o *object) string {
		var kv []string
		for _, f := range o.fields {
			v := value(o, f)
			if ov != nil && o == &chartObj && (f.key == ov.omit || ov.minimal && !f.required && f.alt == "" && f.key != ov.key) {
				continue
			}
			if ov != nil && ov.chartType != "" && o == &chartObj && f.key == "type" {
				v = ov.chartType
			}
			if ov != nil && ov.o == o && ov.key == f.key && ov.value != "" {
				v = ov.value
			}
			if ov != nil && ov.o == o && ov.key == f.key && ov.omitKey {
				continue
			}
			if f.key == "file" && o == &sourceObj {
				v = "data.csv"
			}
			kv = append(kv, f.key+": "+v)
		}
		return "{" + strings.Join(kv, ", ") + "}"
	}
	return obj(&reportObj) + "\n"
}

// reportName is the file name the generated reports are parsed as.
var reportName = "r.yaml"

// hasProblem reports whether the report has a problem at path (or, with
// in, at a field inside it).
func hasProblem(src, path string, in bool) bool {
	_, err := Parse(reportName, []byte(src))
	es, _ := err.(Errors)
	return slices.ContainsFunc(es, func(e *Error) bool { return e.Path == path || in && isUnder(e.Path, path) })
}

// pathOf is where the generated report holds field key of object o.
func pathOf(o *object, key string) string {
	return map[string]string{
		"report": "", "theme": "theme", "print": "print", "fonts": "theme.fonts",
		"section": "sections[0]", "stat": "sections[0].stats[0]", "chart": "sections[0].charts[0]",
		"point": "sections[0].charts[0].data[0]", "photo": "sections[0].photos[0]",
		"quote": "sections[0].quote", "qr": "qr", "logo": "logo",
		"table": "sections[0].tables[0]", "column": "sections[0].tables[0].columns[0]", "event": "sections[0].timeline[0]",
	}[o.name] + map[bool]string{true: "", false: "."}[o.name == "report"] + key
}

// breaches are values that break f's rules ("" for leaving it out).
func breaches(f *field) []string {
	var out []string
	if f.required {
		out = append(out, "")
	}
	if f.enum != nil || f.pattern != "" {
		out = append(out, "zz9")
	}
	if f.min != nil {
		out = append(out, list(f, fmt.Sprint(*f.min-1)))
	}
	if f.max != nil {
		out = append(out, list(f, fmt.Sprint(*f.max+1)))
	}
	if f.maxLen > 0 {
		out = append(out, strings.Repeat("长", f.maxLen+1))
	}
	if f.file != "" {
		out = append(out, "/etc/hosts") // outside the report's folder
	}
	return out
}

// list writes a number as f takes it: focus is a pair.
func list(f *field, n string) string {
	if f.key == "focus" {
		return "[" + n + ", " + n + "]"
	}
	return n
}

// other is a valid value of f that differs from the one generate writes.
func other(f *field) string {
	switch {
	case f.key == "date":
		return "2021-01-19"
	case f.key == "paper":
		return "A5"
	case f.key == "primary" || f.key == "accent":
		return `"#112234"`
	case f.key == "bleed":
		return "2mm"
	case f.key == "profile":
		return "other.icc"
	case f.key == "url":
		return "https://example.com/b"
	case f.enum != nil:
		return f.enum[1]
	case f.key == "focus":
		return "[0.5, 0.5]"
	case f.key == "values":
		return "[2, 2]"
	case f.key == "series":
		return `["x2"]`
	case f.key == "rows":
		return "[[2]]"
	case f.key == "sum":
		return "false"
	case f.key == "toc" || f.key == "marks" || f.key == "booklet":
		return "false"
	case f.min != nil || f.max != nil || f.key == "value" || f.key == "decimals":
		return "0"
	}
	return `"x2"`
}

// variants are the reports to try a rule of field key of o on: for a
// chart's field, each kind of chart, with every field, with only those it
// needs, and without each other one (some rules hold for one kind only, or
// when another field is absent: value and total when there is no percent).
func variants(o *object, key string) []override {
	if o != &chartObj && o != &pointObj {
		return []override{{o: o, key: key}}
	}
	var vs []override
	for _, kind := range chartTypes {
		vs = append(vs, override{o: o, key: key, chartType: kind}, override{o: o, key: key, chartType: kind, minimal: true})
		for _, f := range chartObj.fields {
			if f.key != key && !f.required && f.alt == "" {
				vs = append(vs, override{o: o, key: key, chartType: kind, omit: f.key})
			}
		}
	}
	return vs
}

func orOmitted(v string) string {
	if v == "" {
		return "leaving it out"
	}
	return v
}
