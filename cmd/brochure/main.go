// Command brochure turns a report.yaml into a print-ready infographic
// brochure in PDF.
//
//	brochure build report.yaml [-o report.pdf]   build the PDF
//	brochure watch report.yaml                   rebuild on every save
//	brochure validate report.yaml                check only
//	brochure init DIR                            start a new report
//	brochure diff old.yaml new.yaml              what changed
//	brochure schema | completion SHELL | version
//
// Exit codes: 0 ok, 1 invalid input (fix the report), 2 usage, 3 I/O
// (files, disk), 4 internal error (a bug: please report it).
package main

import (
	"errors"
	"flag"
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
	if len(os.Args) > 1 && measuresText[os.Args[1]] {
		fonts.Preload() // while the report is read
	}
	if c := openCache(fonts.Programs); c != nil {
		fonts.Programs = c
		fonts.IndexDir = filepath.Dir(c.dir) // the system fonts' index, beside the programs
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// measuresText are the commands that check or measure text against the
// fonts, and so parse them.
var measuresText = map[string]bool{"build": true, "validate": true, "watch": true, "charts": true}

const usage = `brochure turns a report.yaml into a print-ready infographic brochure (PDF).

Usage:
  brochure build report.yaml [-o report.pdf]   build the brochure (several reports or a folder: in parallel)
  brochure watch report.yaml [-o report.pdf]   build, then rebuild on every save
  brochure validate report.yaml                check the report, print every problem
  brochure init DIR [--template year-in-review|blank]   start a new report
  brochure diff old.yaml new.yaml              what changed between two versions
  brochure impose in.pdf -o out.pdf --saddle   2-up saddle-stitch imposition of a booklet
  brochure preflight out.pdf                   check a PDF as a print shop does (fonts, boxes, image dpi)
  brochure schema                              print the JSON Schema of the format (for editors)
  brochure completion bash|zsh|fish            shell completion script
  brochure charts report.yaml -o DIR [--format svg|png|pdf] [--dpi 300]
                                               every chart as its own file
  brochure serve [FOLDER|report.yaml]          edit in the browser with a live preview; a build API
  brochure version                             print the version

brochure COMMAND --help shows a command's options and an example.

Example:
  brochure build examples/year-in-review-2020/report.yaml -o out/year-in-review-2020.pdf
`

func run(args []string, stdout, stderr io.Writer) int {
	layout.Version = version
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return exitUsage
	}
	if wantsHelp(args[1:]) {
		return help(args[0], stdout, stderr)
	}
	switch args[0] {
	case "build":
		return buildCmd(args[1:], stdout, stderr)
	case "validate":
		return validate(args[1:], stdout, stderr)
	case "watch":
		return watchCmd(args[1:], stdout, stderr)
	case "init":
		return initCmd(args[1:], stdout, stderr)
	case "schema":
		return schemaCmd(args[1:], stdout, stderr)
	case "diff":
		return diffCmd(args[1:], stdout, stderr)
	case "impose":
		return imposeCmd(args[1:], stdout, stderr)
	case "preflight":
		return preflightCmd(args[1:], stdout, stderr)
	case "completion":
		return completionCmd(args[1:], stdout, stderr)
	case "charts":
		return chartsCmd(args[1:], stdout, stderr)
	case "serve":
		return serveCmd(args[1:], stdout, stderr)
	case "version", "--version", "-version":
		fmt.Fprintln(stdout, "brochure", version)
		return exitOK
	case "help", "-h", "--help", "-help":
		if len(args) > 1 {
			return help(args[1], stdout, stderr)
		}
		fmt.Fprint(stdout, usage)
		return exitOK
	}
	fmt.Fprintf(stderr, "brochure: unknown command %q\n\n%s", args[0], usage)
	return exitUsage
}

// parseArgs parses flags that may come before or after the report path.
func parseArgs(fs *flag.FlagSet, args []string) (string, error) {
	var pos []string
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			return "", err
		}
		args = fs.Args()
		if len(args) > 0 {
			pos = append(pos, args[0])
			args = args[1:]
		}
	}
	if len(pos) != 1 {
		return "", fmt.Errorf("want exactly one report file, got %d", len(pos))
	}
	return pos[0], nil
}

func validate(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("validate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	limits := limitFlags(fs)
	path, err := parseArgs(fs, args)
	if err != nil {
		fmt.Fprintf(stderr, "brochure validate: %s\nusage: brochure validate report.yaml\n", printable.String(err.Error()))
		return exitUsage
	}
	cfg := limits()
	r, code := load(path, stderr, cfg)
	if r == nil {
		return code
	}
	if _, err := layout.NewWith(r, layout.Options{Limits: cfg.layout}); err != nil {
		return report(stderr, err)
	}
	fmt.Fprintf(stdout, "%s: ok (%d sections)\n", printable.String(path), len(r.Sections))
	return exitOK
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

// same reports whether two paths name the same file.
func same(a, b string) bool {
	aa, err1 := filepath.Abs(a)
	bb, err2 := filepath.Abs(b)
	if err1 == nil && err2 == nil && aa == bb {
		return true
	}
	sa, err1 := os.Stat(a)
	sb, err2 := os.Stat(b)
	return err1 == nil && err2 == nil && os.SameFile(sa, sb)
}
