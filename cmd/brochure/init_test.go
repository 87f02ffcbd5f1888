package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	yaml "github.com/goccy/go-yaml"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/brochure-dev/brochure/data"
)

// TestInit: every template builds out of the box, matches the schema it
// is given, and init refuses to overwrite.
func TestInit(t *testing.T) {
	for _, tmpl := range []string{"year-in-review", "blank"} {
		t.Run(tmpl, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "2021年度回顾")
			code, out, errs := exec("init", dir, "--template", tmpl)
			if code != 0 {
				t.Fatalf("init: %d %s", code, errs)
			}
			if !strings.Contains(out, "brochure watch") {
				t.Errorf("init output: %s", out)
			}
			if fi, err := os.Stat(filepath.Join(dir, "photos")); err != nil || !fi.IsDir() {
				t.Error("no photos/ folder")
			}
			report, _ := os.ReadFile(filepath.Join(dir, "report.yaml"))
			if !bytes.HasPrefix(report, []byte("# yaml-language-server: $schema=schema.json\n")) {
				t.Errorf("report.yaml starts %.60q", report)
			}
			schema, _ := os.ReadFile(filepath.Join(dir, "schema.json"))
			if !bytes.Equal(schema, data.Schema()) {
				t.Error("schema.json is not the format's schema")
			}
			readme, _ := os.ReadFile(filepath.Join(dir, "README.md"))
			if !strings.Contains(string(readme), "brochure watch report.yaml") {
				t.Error("README lacks the commands")
			}
			if code, out, errs := exec("build", filepath.Join(dir, "report.yaml")); code != 0 {
				t.Fatalf("build of the %s template: %d\n%s%s", tmpl, code, out, errs)
			}
			validateSchema(t, schema, report)

			before := string(report)
			os.WriteFile(filepath.Join(dir, "README.md"), []byte("mine"), 0o644)
			code, _, errs = exec("init", dir)
			if code == 0 || !strings.Contains(errs, "never overwrites") {
				t.Errorf("second init: %d %s", code, errs)
			}
			if b, _ := os.ReadFile(filepath.Join(dir, "report.yaml")); string(b) != before {
				t.Error("second init changed report.yaml")
			}
			if b, _ := os.ReadFile(filepath.Join(dir, "README.md")); string(b) != "mine" {
				t.Error("second init changed README.md")
			}
		})
	}
	if code, _, errs := exec("init", t.TempDir(), "--template", "fancy"); code != exitUsage || !strings.Contains(errs, "year-in-review or blank") {
		t.Errorf("unknown template: %d %s", code, errs)
	}
}

func validateSchema(t *testing.T, schema, report []byte) {
	t.Helper()
	doc, err := jsonschema.UnmarshalJSON(bytes.NewReader(schema))
	if err != nil {
		t.Fatal(err)
	}
	c := jsonschema.NewCompiler()
	c.AddResource("schema.json", doc)
	s, err := c.Compile("schema.json")
	if err != nil {
		t.Fatal(err)
	}
	js, err := yaml.YAMLToJSON(report)
	if err != nil {
		t.Fatal(err)
	}
	v, err := jsonschema.UnmarshalJSON(bytes.NewReader(js))
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Validate(v); err != nil {
		t.Errorf("the report does not match its schema: %v", err)
	}
}

func TestSchemaCommand(t *testing.T) {
	code, out, _ := exec("schema")
	if code != 0 || out != string(data.Schema()) {
		t.Errorf("schema: %d", code)
	}
	committed, _ := os.ReadFile("../../data/schema.json")
	if out != string(committed) {
		t.Error("brochure schema differs from data/schema.json")
	}
}
