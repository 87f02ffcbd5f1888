package data

import (
	"bytes"
	"encoding/json"
	"fmt"
	"reflect"
)

// Schema returns the JSON Schema (draft-07) of the report format, for
// editors: with a first line
//
//	# yaml-language-server: $schema=schema.json
//
// VS Code (with the YAML extension) and other editors complete field names,
// show what each field means and mark wrong keys and values while typing.
// It is built from the field table (fields.go), the same one the decoder
// takes its keys from, and the JSON types come from the Go types by
// reflection, so the schema and the decoder cannot drift apart. The output
// is deterministic; data/schema.json is a copy kept in sync by a test.
//
// The schema checks less than Validate (photo files, glyphs, value ≤ total
// are not in it): it is an aid while typing, not the judge.
func Schema() []byte {
	defs := ordered{}
	for _, o := range objects[1:] {
		defs = append(defs, kv{o.name, objectSchema(*o)})
	}
	top := ordered{
		{"$schema", "http://json-schema.org/draft-07/schema#"},
		{"title", "brochure report (format v1)"},
	}
	top = append(top, objectSchema(reportObj)...)
	top = append(top, kv{"definitions", defs})
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(top); err != nil {
		panic(err) // only strings, numbers and bools: cannot fail
	}
	return b.Bytes()
}

func objectSchema(o object) ordered {
	props := ordered{}
	var required []string
	for _, f := range o.fields {
		sf, ok := o.goType.FieldByName(f.goName)
		if !ok {
			panic(fmt.Sprintf("data: field table: %s has no Go field %s", o.goType, f.goName))
		}
		if o.name == "chart" {
			f = withKinds(f)
		}
		props = append(props, kv{f.key, fieldSchema(f, sf.Type)})
		if f.required {
			required = append(required, f.key)
		}
	}
	s := ordered{
		{"description", o.doc},
		{"type", "object"},
		{"properties", props},
		{"additionalProperties", false},
	}
	if len(required) > 0 {
		s = append(s, kv{"required", required})
	}
	if o.name == "chart" {
		// which fields a chart needs depends on its kind
		s = append(s, kv{"allOf", chartNeeds()})
	}
	return s
}

var (
	numberType = reflect.TypeFor[Number]()
	defName    = map[reflect.Type]string{}
)

func init() {
	for _, o := range objects {
		defName[o.goType] = o.name
	}
}

// fieldSchema is the schema of one field, its JSON type from the Go type.
func fieldSchema(f field, t reflect.Type) ordered {
	s := ordered{{"description", f.doc}}
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t == numberType:
		s = append(s, kv{"type", "number"})
		if f.min != nil {
			s = append(s, kv{"minimum", *f.min})
		}
		if f.max != nil {
			s = append(s, kv{"maximum", *f.max})
		}
	case t.Kind() == reflect.String:
		if f.enum != nil || f.pattern != "" {
			s = append(s, kv{"type", "string"})
		} else {
			// the decoder takes a number or yes/no as the text written
			s = append(s, kv{"type", []string{"string", "number", "boolean"}})
		}
		if f.enum != nil {
			s = append(s, kv{"enum", f.enum})
		}
		if f.pattern != "" {
			s = append(s, kv{"pattern", f.pattern})
		}
		if f.examples != nil {
			s = append(s, kv{"examples", f.examples})
		}
		if f.maxLen > 0 {
			s = append(s, kv{"maxLength", f.maxLen})
		}
	case t.Kind() == reflect.Struct && defName[t] != "" && f.short:
		// written as its first field alone, or as a mapping
		s = append(s, kv{"oneOf", []any{ordered{{"type", "string"}}, ordered{{"$ref", "#/definitions/" + defName[t]}}}})
	case t.Kind() == reflect.Struct && defName[t] != "":
		s = append(s, kv{"$ref", "#/definitions/" + defName[t]})
	case t.Kind() == reflect.Bool:
		s = append(s, kv{"type", "boolean"})
		if f.def != nil {
			s = append(s, kv{"default", f.def})
		}
	case t.Kind() == reflect.Slice && t.Elem() == numberType:
		items := ordered{{"type", "number"}}
		if f.min != nil {
			items = append(items, kv{"minimum", *f.min})
		}
		if f.max != nil {
			items = append(items, kv{"maximum", *f.max})
		}
		s = append(s, kv{"type", "array"}, kv{"items", items}, kv{"minItems", 2}, kv{"maxItems", 2})
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Slice && t.Elem().Elem().Kind() == reflect.String:
		// a table's rows: lists of cells, or a file
		list := ordered{{"type", "array"}, {"items", ordered{{"type", "array"}, {"items", ordered{{"type", []string{"string", "number"}}}}}}}
		if f.alt != "" {
			s = append(s, kv{"oneOf", []any{list, ordered{{"$ref", "#/definitions/" + f.alt}}}})
		} else {
			s = append(s, list...)
		}
	case t.Kind() == reflect.Slice && defName[t.Elem()] != "":
		item := ordered{{"$ref", "#/definitions/" + defName[t.Elem()]}}
		if f.scalar { // or the item's first field alone
			item = ordered{{"oneOf", []any{ordered{{"type", []string{"string", "number"}}}, item}}}
		}
		list := ordered{{"type", "array"}, {"items", item}}
		if f.minItems > 0 {
			list = append(list, kv{"minItems", f.minItems})
		}
		if f.alt != "" {
			s = append(s, kv{"oneOf", []any{list, ordered{{"$ref", "#/definitions/" + f.alt}}}})
		} else {
			s = append(s, list...)
		}
	case t.Kind() == reflect.Int:
		s = append(s, kv{"type", "integer"})
		if f.min != nil {
			s = append(s, kv{"minimum", *f.min})
		}
		if f.max != nil {
			s = append(s, kv{"maximum", *f.max})
		}
	case t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.String:
		s = append(s, kv{"type", "array"}, kv{"items", ordered{{"type", []string{"string", "number"}}}})
	case t.Kind() == reflect.Slice && t.Elem() == numberType:
		s = append(s, kv{"type", "array"}, kv{"items", ordered{{"type", "number"}}})
	default:
		panic(fmt.Sprintf("data: field table: no schema for %s (Go type %s)", f.key, t))
	}
	return s
}

// ordered is a JSON object that keeps its keys in order.
type ordered []kv

type kv struct {
	k string
	v any
}

func (o ordered) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, p := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(p.k)
		b.Write(k)
		b.WriteByte(':')
		enc := json.NewEncoder(&b)
		enc.SetEscapeHTML(false)
		if err := enc.Encode(p.v); err != nil {
			return nil, err
		}
		b.Truncate(b.Len() - 1) // Encode's newline
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}
