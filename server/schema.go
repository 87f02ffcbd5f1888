package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"strings"

	"github.com/brochure-dev/brochure/data"
)

// omap is a JSON object that keeps its keys in order: the report's keys
// as the file has them, the schema's properties as the field table does.
type omap struct {
	keys []string
	vals map[string]any
}

func (m *omap) set(k string, v any) {
	if m.vals == nil {
		m.vals = map[string]any{}
	}
	if _, ok := m.vals[k]; !ok {
		m.keys = append(m.keys, k)
	}
	m.vals[k] = v
}

func (m *omap) get(k string) any {
	if m == nil {
		return nil
	}
	return m.vals[k]
}

// MarshalJSON writes the keys in order.
func (m *omap) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range m.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, _ := json.Marshal(k)
		b.Write(kb)
		b.WriteByte(':')
		vb, err := json.Marshal(m.vals[k])
		if err != nil {
			return nil, err
		}
		b.Write(vb)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

// UnmarshalJSON reads an object keeping its keys' order; nested objects
// become *omap, numbers stay as their text.
func (m *omap) UnmarshalJSON(b []byte) error {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	v, err := decodeOrdered(dec, 0)
	if err != nil {
		return err
	}
	o, ok := v.(*omap)
	if !ok {
		return fmt.Errorf("want a JSON object")
	}
	*m = *o
	return nil
}

// decodeJSON decodes any JSON value the way omap does.
func decodeJSON(b []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.UseNumber()
	return decodeOrdered(dec, 0)
}

func decodeOrdered(dec *json.Decoder, depth int) (any, error) {
	if depth > 64 {
		return nil, fmt.Errorf("nested too deeply")
	}
	t, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch d := t.(type) {
	case json.Delim:
		switch d {
		case '{':
			m := &omap{}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				k, _ := kt.(string)
				v, err := decodeOrdered(dec, depth+1)
				if err != nil {
					return nil, err
				}
				m.set(k, v)
			}
			_, err := dec.Token()
			return m, err
		case '[':
			l := []any{}
			for dec.More() {
				v, err := decodeOrdered(dec, depth+1)
				if err != nil {
					return nil, err
				}
				l = append(l, v)
			}
			_, err := dec.Token()
			return l, err
		}
	case json.Number:
		return d.String(), nil
	}
	return t, nil
}

// schema is the report format's JSON Schema (data.Schema, built from the
// field table), used to write new values: which fields are numbers, the
// order keys are written in.
type schema struct {
	root *omap
	defs *omap
}

func loadSchema() (*schema, error) {
	var m omap
	if err := json.Unmarshal(data.Schema(), &m); err != nil {
		return nil, err
	}
	defs, _ := m.get("definitions").(*omap)
	return &schema{root: &m, defs: defs}, nil
}

// resolve follows $ref.
func (s *schema) resolve(n *omap) *omap {
	for i := 0; n != nil && i < 8; i++ {
		ref, ok := n.get("$ref").(string)
		if !ok {
			return n
		}
		n, _ = s.defs.get(strings.TrimPrefix(ref, "#/definitions/")).(*omap)
	}
	return n
}

// at returns the schema of the value at path (nil if the format has no
// such field).
func (s *schema) at(path []step) *omap {
	n := s.root
	for _, st := range path {
		n = s.resolve(n)
		if n == nil {
			return nil
		}
		if alts, ok := n.get("oneOf").([]any); ok {
			for _, a := range alts {
				a := s.resolve(a.(*omap))
				_, isIdx := st.(int)
				if isIdx && a.get("items") != nil || !isIdx && a.get("properties") != nil {
					n = a
					break
				}
			}
		}
		switch k := st.(type) {
		case string:
			props, _ := n.get("properties").(*omap)
			n, _ = props.get(k).(*omap)
		case int:
			n, _ = n.get("items").(*omap)
		}
	}
	return s.resolve(n)
}

// typeAt returns the JSON type of the field at path: "string", "number",
// "integer", "boolean", "array", "object", or "" when unknown. A field
// that takes text or a number is "string".
func (s *schema) typeAt(path []step) string {
	n := s.at(path)
	if n == nil {
		return ""
	}
	switch t := n.get("type").(type) {
	case string:
		return t
	case []any:
		if slices.Contains(t, any("string")) {
			return "string"
		}
	}
	if n.get("properties") != nil {
		return "object"
	}
	return ""
}

// order returns m's keys in the order of the format's field table, keys
// the format does not know last.
func (s *schema) order(m *omap, path []step) []string {
	n := s.at(path)
	var known []string
	if n != nil {
		if props, ok := n.get("properties").(*omap); ok {
			known = props.keys
		}
	}
	var out []string
	for _, k := range known {
		if _, ok := m.vals[k]; ok {
			out = append(out, k)
		}
	}
	for _, k := range m.keys {
		if !slices.Contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// row reports whether the mapping at path holds only scalars and short
// lists of them (a stat, a chart's data point, a photo, print settings),
// so that it is written on one line as {…}; a section or a chart is
// written as indented lines. A mapping the format does not know is a row.
func (s *schema) row(path []step) bool {
	n := s.at(path)
	if n == nil {
		return true
	}
	props, _ := n.get("properties").(*omap)
	if props == nil {
		return true
	}
	for _, k := range props.keys {
		f := s.resolve(props.get(k).(*omap))
		if f == nil || f.get("oneOf") != nil || f.get("properties") != nil {
			return false
		}
		if items, ok := f.get("items").(*omap); ok && (items.get("$ref") != nil || items.get("properties") != nil) {
			return false
		}
	}
	return true
}
