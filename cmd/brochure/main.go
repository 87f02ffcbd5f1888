// Command brochure turns a report.yaml into a print-ready infographic
// brochure in PDF.
//
//	brochure build report.yaml [-o report.pdf]
//
// The commands are the table in commands.go: `brochure help` lists them
// and `brochure help X` explains one.
//
// Exit codes: 0 ok, 1 invalid input (fix the report), 2 usage, 3 I/O
// (files, disk), 4 internal error (a bug: please report it).
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/internal/printable"
	"github.com/brochure-dev/brochure/internal/safefile"
	"github.com/brochure-dev/brochure/layout"
)

// version is set at link time (-ldflags "-X main.version=…").
var version = "0.1.0-dev"

const (
	exitOK       = 0
	exitInvalid  = 1
	exitUsage    = 2
	exitIO       = 3
	exitInternal = 4
)

func main() {
	// A build allocates about 15 MB and lives for 40 ms: collecting at
	// the default 100 % growth runs a dozen cycles while the heap grows
	// to its working size, a fifth of the process's time. At 400 % peak
	// memory stays near 32 MB for the sample (watch and batch builds keep
	// collecting). GOGC, when set, still decides.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(400)
	}
	if len(os.Args) > 1 {
		if c, ok := lookup(os.Args[1]); ok && c.text {
			fonts.Preload() // while the report is read
		}
	}
	if c := openCache(fonts.Programs); c != nil {
		fonts.Programs = c
		fonts.IndexDir = filepath.Dir(c.dir) // the system fonts' index, beside the programs
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	layout.Version = version
	if len(args) == 0 {
		fmt.Fprint(stderr, usage())
		return exitUsage
	}
	switch args[0] {
	case "--version", "-version":
		args[0] = "version"
	case "-h", "--help", "-help":
		args[0] = "help"
	}
	c, ok := lookup(args[0])
	if !ok {
		fmt.Fprintf(stderr, "brochure: unknown command %q\n\n%s", args[0], usage())
		return exitUsage
	}
	return c.exec(args[1:], stdout, stderr)
}

// load reads and validates a report; on failure it prints every problem
// and returns nil with the exit code.
func load(path string, stderr io.Writer, cfg settings) (*data.Report, int) {
	if fi, err := os.Stat(path); err != nil || fi.IsDir() {
		msg := fmt.Sprintf("cannot read the report: %v", err)
		switch {
		case err == nil:
			msg = "this is a folder; give the report's .yaml file inside it"
		case errors.Is(err, os.ErrNotExist):
			msg = "file not found; check the name, and run the command in the folder that holds the report or give its full path"
		case errors.Is(err, os.ErrPermission):
			msg = "you may not read this file; check its permissions, or copy it somewhere you can read it"
		}
		fmt.Fprintf(stderr, "%s: %s\n", printable.String(path), msg)
		return nil, exitIO
	}
	// unreadable (permissions) or not a file (a FIFO would hang, a device
	// never end): the file system's problem, exit 3
	if f, err := safefile.Open(path, false); err != nil {
		msg := fmt.Sprintf("cannot read the report: %v", err)
		var se *safefile.Error
		switch {
		case errors.As(err, &se):
			msg = se.Detail + ", not a report file; name the report's .yaml file"
		case errors.Is(err, os.ErrPermission):
			msg = "you may not read this file; check its permissions, or copy it somewhere you can read it"
		}
		fmt.Fprintf(stderr, "%s: %s\n", printable.String(path), printable.String(msg))
		return nil, exitIO
	} else {
		f.Close()
	}
	r, err := data.LoadOptions(path, cfg.data)
	if err != nil {
		return nil, report(stderr, err)
	}
	return r, exitOK
}

// maxPrinted is how many problems report prints of a report.
const maxPrinted = 200

// report prints an error (each problem on its own line) and returns the
// exit code for it.
func report(stderr io.Writer, err error) int {
	var errs data.Errors
	var one *data.Error
	var pathErr *os.PathError
	switch {
	case errors.As(err, &errs):
		for i, e := range errs {
			if i == maxPrinted {
				// a file of 100,000 unknown keys is not 100,000 lines
				fmt.Fprintf(stderr, "… and %d more; fix these first\n", len(errs)-maxPrinted)
				break
			}
			fmt.Fprintln(stderr, e)
		}
		fmt.Fprintf(stderr, "%d problem%s.\n", len(errs), plural(len(errs)))
		return exitInvalid
	case errors.As(err, &one):
		fmt.Fprintln(stderr, one)
		return exitInvalid
	case errors.As(err, &pathErr):
		fmt.Fprintf(stderr, "brochure: %s\n", printable.String(err.Error()))
		return exitIO
	}
	fmt.Fprintf(stderr, "brochure: %s\n", printable.String(err.Error()))
	return exitInvalid
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

func size(n int) string {
	if n >= 1<<20 {
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	}
	return fmt.Sprintf("%d KB", (n+1023)/1024)
}
