package data

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"slices"
	"strings"
	"testing"

	yaml "github.com/goccy/go-yaml"
	"github.com/santhosh-tekuri/jsonschema/v6"
)

var update = flag.Bool("update", false, "rewrite data/schema.json from the field table")

// TestSchemaInSync keeps the committed data/schema.json equal to what
// Schema generates; run `go test ./data -update` after changing the format.
func TestSchemaInSync(t *testing.T) {
	got := Schema()
	if *update {
		if err := os.WriteFile("schema.json", got, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("data/schema.json is out of date; run: go test ./data -run TestSchemaInSync -update")
	}
}

// TestFieldTableCoversTypes checks the table against the Go types: every
// exported field of every type of the format is filled by exactly one key
// (or listed in notInYAML), and every key names a real field.
func TestFieldTableCoversTypes(t *testing.T) {
	for _, o := range objects {
		byGo := map[string]string{}
		for _, f := range o.fields {
			if _, ok := o.goType.FieldByName(f.goName); !ok {
				t.Errorf("%s: key %q names Go field %s, which does not exist", o.name, f.key, f.goName)
			}
			if k, dup := byGo[f.goName]; dup {
				t.Errorf("%s: keys %q and %q both fill %s", o.name, k, f.key, f.goName)
			}
			byGo[f.goName] = f.key
		}
		for i := 0; i < o.goType.NumField(); i++ {
			sf := o.goType.Field(i)
			if !sf.IsExported() || slices.Contains(notInYAML[o.goType], sf.Name) {
				continue
			}
			if _, ok := byGo[sf.Name]; !ok {
				t.Errorf("%s.%s has no YAML key in the field table (data/fields.go)", o.goType.Name(), sf.Name)
			}
		}
	}
}

func compile(t *testing.T) *jsonschema.Schema {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(Schema()))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	if err := c.AddResource("schema.json", doc); err != nil {
		t.Fatal(err)
	}
	s, err := c.Compile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func yamlInstance(t *testing.T, src []byte) any {
	t.Helper()
	js, err := yaml.YAMLToJSON(src)
	if err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestSampleMatchesSchema(t *testing.T) {
	s := compile(t)
	for _, file := range []string{"../examples/year-in-review-2020/report.yaml", "../examples/chart-gallery/report.yaml", "testdata/full.yaml"} {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		if err := s.Validate(yamlInstance(t, src)); err != nil {
			t.Errorf("%s does not match the schema: %v", file, err)
		}
	}
}

func TestSchemaRejects(t *testing.T) {
	s := compile(t)
	for _, src := range []string{
		"title: T\nsubtitel: x\nsections: [{title: a}]\n", // unknown key
		"title: T\n", // no sections
		"title: T\nsections: [{title: a, stats: [{value: \"12\"}]}]\n", // quoted number
		"title: T\nsections: [{title: a, charts: [{type: bars}]}]\n",   // unknown chart type
		"title: T\nsections: [{title: a, charts: [{type: bar}]}]\n",    // bar without data
		"title: T\nsections: [{title: a, charts: [{type: donut, value: 3}]}]\n",
		"title: T\nsections: [{title: a, charts: [{type: bar, better: lower, data: [{label: a, value: 1}]}]}]\n", // a field bar does not take
		"title: T\nsections: [{title: a, charts: [{type: pie, target: 3, data: [{label: a, value: 1}]}]}]\n",
		"title: T\ntheme: {primary: red}\nsections: [{title: a}]\n",
	} {
		if err := s.Validate(yamlInstance(t, []byte(src))); err == nil {
			t.Errorf("schema accepts:\n%s", src)
		}
	}
}

func TestSchemaIsJSON(t *testing.T) {
	var v map[string]any
	if err := json.Unmarshal(Schema(), &v); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(Schema()), `"additionalProperties": false`) {
		t.Error("schema allows unknown keys")
	}
}
