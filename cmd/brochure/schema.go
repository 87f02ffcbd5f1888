package main

import (
	"fmt"
	"io"

	"github.com/brochure-dev/brochure/data"
)

// schemaCmd prints the JSON Schema of the report format.
func schemaCmd(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		return usageErr(stderr, "schema", fmt.Errorf("takes no arguments; write the schema to a file with: brochure schema > schema.json"))
	}
	stdout.Write(data.Schema())
	return exitOK
}
