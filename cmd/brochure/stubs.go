package main

import (
	"fmt"
	"io"
)

// Commands announced in the usage and still being written on this branch.
func diffCmd(args []string, stdout, stderr io.Writer) int { return notYet("diff", stderr) }

func notYet(cmd string, stderr io.Writer) int {
	fmt.Fprintf(stderr, "brochure %s: not available yet in this build\n", cmd)
	return exitUsage
}
