package main

import (
	"embed"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/brochure-dev/brochure/data"
)

//go:embed templates
var templates embed.FS

// schemaLine is the first line of a report that init writes: editors with
// the YAML language server (VS Code's YAML extension and others) read the
// schema beside the report, offline.
const schemaLine = "# yaml-language-server: $schema=schema.json\n"

func initCmd(operands []string, tmpl string, stdout, stderr io.Writer) int {
	dir := operands[0]
	report, err := templates.ReadFile("templates/" + tmpl + ".yaml")
	if err != nil || strings.ContainsAny(tmpl, `/\.`) {
		return usageErr(stderr, "init", fmt.Errorf("unknown template %q; use year-in-review or blank", tmpl))
	}
	readme, _ := templates.ReadFile("templates/README.md")
	files := []struct {
		name string
		data []byte
	}{
		{"report.yaml", append([]byte(schemaLine), report...)},
		{"schema.json", data.Schema()},
		{"README.md", readme},
	}
	// refuse before writing anything
	var exist []string
	for _, f := range files {
		if _, err := os.Lstat(filepath.Join(dir, f.name)); err == nil {
			exist = append(exist, filepath.Join(dir, f.name))
		}
	}
	if len(exist) > 0 {
		fmt.Fprintf(stderr, "brochure init: already there: %s; init never overwrites files, so nothing was written. Choose a new folder, or move those files away.\n",
			strings.Join(exist, ", "))
		return exitIO
	}
	if err := os.MkdirAll(filepath.Join(dir, "photos"), 0o755); err != nil {
		fmt.Fprintf(stderr, "brochure init: cannot make the folder: %v\n", err)
		return exitIO
	}
	for _, f := range files {
		if err := writeNew(filepath.Join(dir, f.name), f.data); err != nil {
			fmt.Fprintf(stderr, "brochure init: %v\n", err)
			return exitIO
		}
	}
	report0 := filepath.Join(dir, "report.yaml")
	fmt.Fprintf(stdout, `Made %s: report.yaml (%s template), schema.json, photos/, README.md.
Next:
  brochure watch %s    # then edit report.yaml; every save rebuilds %s
`, dir, tmpl, report0, defaultOutput(report0))
	return exitOK
}

// writeNew writes a file that must not exist yet (O_EXCL: a file made
// meanwhile is not overwritten either).
func writeNew(path string, b []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, os.ErrExist) {
		return fmt.Errorf("%s already exists; init never overwrites files", path)
	}
	if err != nil {
		return fmt.Errorf("cannot write %s: %v", path, err)
	}
	if _, err := f.Write(b); err != nil {
		f.Close()
		return fmt.Errorf("writing %s: %v", path, err)
	}
	return f.Close()
}
