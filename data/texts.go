package data

import (
	"fmt"
	"iter"
	"reflect"
	"strings"
)

// Text is one text of a report that is printed, with its field path.
type Text struct {
	Path  string // e.g. "sections[0].stats[1].label"
	Value string

	// A text read from a spreadsheet has no place in the report: At is
	// the field path of the data: line that names the file and From its
	// cell ("traffic.csv row 3"); both are empty otherwise.
	At, From string
}

// Texts yields every text of the report that is printed, in the order of
// the field table: the fields marked printed, found by reflection, so that
// a field added to the table is glyph-checked and in the fonts' subsets
// without another list. Empty texts are left out. What charts add to their
// data (value labels, ticks, legends) is not here: see charts.Style.Strings.
func (r *Report) Texts() iter.Seq[Text] {
	return func(yield func(Text) bool) {
		texts(reflect.ValueOf(r).Elem(), "", nil, Text{}, yield)
	}
}

// texts yields the printed texts in val, the value of field f at path: a
// text if f is marked printed, or the texts of a list or a mapping of the
// format. from says where a spreadsheet's texts came from. It returns
// false when yield asked to stop.
func texts(val reflect.Value, path string, f *field, from Text, yield func(Text) bool) bool {
	switch val.Kind() {
	case reflect.Pointer:
		return val.IsNil() || texts(val.Elem(), path, f, from, yield)
	case reflect.String:
		s := val.String()
		return f.printed != yes || s == "" || yield(Text{Path: path, Value: s, At: from.At, From: from.From})
	case reflect.Slice:
		for k := range val.Len() {
			if !texts(val.Index(k), fmt.Sprintf("%s[%d]", path, k), f, from, yield) {
				return false
			}
		}
	case reflect.Struct:
		o := objectOf[val.Type()]
		if o == nil {
			return true
		}
		if o == &pointObj {
			if p := val.Addr().Interface().(*Point); p.From != "" {
				from = Text{At: path[:strings.LastIndexByte(path, '[')], From: p.From}
			}
		}
		if o == &tableObj {
			if t := val.Addr().Interface().(*Table); t.Source != nil {
				from = Text{At: path + ".rows", From: t.Source.File}
			}
		}
		for i := range o.fields {
			f := &o.fields[i]
			if f.printed != yes && !f.nested {
				continue
			}
			if !texts(val.FieldByIndex(f.at), join(path, f.key), f, from, yield) {
				return false
			}
		}
	}
	return true
}
