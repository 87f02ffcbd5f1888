package main

import (
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/brochure-dev/brochure/internal/printable"
)

// command is one command of brochure. The table below is the one place a
// command is listed: the dispatcher, the usage, `X --help` and `help X`,
// and the bash, zsh and fish completions are all made from it, and its
// flags, declared by setup, are known to each of them. A new command is
// one entry (and its setup).
type command struct {
	name     string
	args     string // what follows the name in the usage: "report.yaml [-o report.pdf]"
	summary  string // one line, for the usage and the completions
	help     string // `brochure NAME --help`: what it does, its options, an example
	operands string // what its operands are, for completion: yaml, pdf, dir, shell, command or ""
	single   bool   // it takes exactly one operand (the dispatcher says so otherwise)
	text     bool   // it measures text, so the fonts are parsed while the report is read
	// setup declares the command's flags on fs and returns what runs
	// with the operands once fs has parsed the command line; nil for a
	// command without flags that takes args as they are.
	setup func(fs *flag.FlagSet) runner
	run   runner // for a command without setup
}

// runner runs a command with its operands (the arguments but the flags).
type runner func(args []string, stdout, stderr io.Writer) int

// commands is every command, in the order the usage lists them. (A
// function, as the entries refer to the table: help and completion.)
func commands() []command {
	return []command{
		{name: "build", args: "report.yaml [-o report.pdf]", summary: "build the brochure PDF (several reports or a folder: in parallel)", help: buildHelp, operands: "yaml", text: true, setup: buildSetup},
		{name: "watch", args: "report.yaml [-o report.pdf]", summary: "build, then rebuild on every save", help: watchHelp, operands: "yaml", single: true, text: true, setup: watchSetup},
		{name: "validate", args: "report.yaml", summary: "check the report, print every problem", help: validateHelp, operands: "yaml", single: true, text: true, setup: validateSetup},
		{name: "init", args: "DIR [--template year-in-review|blank]", summary: "start a new report", help: initHelp, operands: "dir", single: true, setup: initSetup},
		{name: "diff", args: "old.yaml new.yaml", summary: "what changed between two versions", help: diffHelp, operands: "yaml", run: diffCmd},
		{name: "charts", args: "report.yaml -o DIR", summary: "every chart as its own SVG, PNG or PDF file", help: chartsHelp, operands: "yaml", single: true, text: true, setup: chartsSetup},
		{name: "icons", args: "[--sheet icons.pdf]", summary: "the icons a report may name, or a PDF sheet of them", help: iconsHelp, setup: iconsSetup},
		{name: "impose", args: "in.pdf -o out.pdf --saddle", summary: "2-up saddle-stitch imposition of a booklet", help: imposeHelp, operands: "pdf", single: true, setup: imposeSetup},
		{name: "preflight", args: "out.pdf", summary: "check a PDF as a print shop does (fonts, boxes, image dpi)", help: preflightHelp, operands: "pdf", single: true, setup: preflightSetup},
		{name: "serve", args: "[FOLDER|report.yaml]", summary: "edit in the browser with a live preview; a build API", help: serveHelp, operands: "yaml", text: true, setup: serveSetup},
		{name: "schema", summary: "print the JSON Schema of the format (for editors)", help: schemaHelp, run: schemaCmd},
		{name: "completion", args: "bash|zsh|fish", summary: "print a shell completion script", help: completionHelp, operands: "shell", run: completionCmd},
		{name: "version", summary: "print the version", help: versionHelp, run: versionCmd},
		{name: "help", args: "[COMMAND]", summary: "help on a command", help: helpHelp, operands: "command", run: helpCmd},
	}
}

// lookup returns the command called name.
func lookup(name string) (command, bool) {
	cs := commands()
	i := slices.IndexFunc(cs, func(c command) bool { return c.name == name })
	if i < 0 {
		return command{}, false
	}
	return cs[i], true
}

// flags returns the command's flag set, and what runs after it parsed.
func (c command) flags() (*flag.FlagSet, runner) {
	fs := flag.NewFlagSet(c.name, flag.ContinueOnError)
	fs.SetOutput(io.Discard) // usageErr says what is wrong, with the usage
	if c.setup == nil {
		return fs, c.run
	}
	return fs, c.setup(fs)
}

// exec runs the command with its arguments: flags may come before, between
// or after the operands.
func (c command) exec(args []string, stdout, stderr io.Writer) int {
	if wantsHelp(args) {
		return help(c.name, stdout, stderr)
	}
	if c.setup == nil {
		return c.run(args, stdout, stderr)
	}
	fs, run := c.flags()
	operands, err := parseOperands(fs, args)
	if err != nil {
		return usageErr(stderr, c.name, err)
	}
	if c.single && len(operands) != 1 {
		noun := map[string]string{"yaml": "report file", "pdf": "PDF file", "dir": "folder to make the report in"}[c.operands]
		return usageErr(stderr, c.name, fmt.Errorf("want exactly one %s, got %d", noun, len(operands)))
	}
	return run(operands, stdout, stderr)
}

// parseOperands parses flags that may come before, between or after the
// operands, and returns the operands.
func parseOperands(fs *flag.FlagSet, args []string) ([]string, error) {
	var operands []string
	for len(args) > 0 {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) > 0 {
			operands = append(operands, args[0])
			args = args[1:]
		}
	}
	return operands, nil
}

// usage is what `brochure` and `brochure help` print: every command.
func usage() string {
	var b strings.Builder
	b.WriteString("brochure turns a report.yaml into a print-ready infographic brochure (PDF).\n\nUsage:\n")
	width := 0
	for _, c := range commands() {
		width = max(width, len("brochure "+c.name+" "+c.args))
	}
	for _, c := range commands() {
		fmt.Fprintf(&b, "  %-*s  %s\n", width, strings.TrimSpace("brochure "+c.name+" "+c.args), c.summary)
	}
	b.WriteString(`
brochure COMMAND --help (or brochure help COMMAND) shows a command's options and an example.

Example:
  brochure build examples/year-in-review-2020/report.yaml -o out/year-in-review-2020.pdf
`)
	return b.String()
}

func versionCmd(args []string, stdout, stderr io.Writer) int {
	if len(args) > 0 {
		return usageErr(stderr, "version", fmt.Errorf("takes no arguments"))
	}
	fmt.Fprintln(stdout, "brochure", version)
	return exitOK
}

func helpCmd(args []string, stdout, stderr io.Writer) int {
	switch len(args) {
	case 0:
		fmt.Fprint(stdout, usage())
		return exitOK
	case 1:
		return help(args[0], stdout, stderr)
	}
	return usageErr(stderr, "help", fmt.Errorf("name one command"))
}

// wantsHelp reports whether args ask for help.
func wantsHelp(args []string) bool {
	for _, a := range args {
		switch a {
		case "-h", "-help", "--help":
			return true
		case "--":
			return false
		}
	}
	return false
}

// help prints a command's help; for an unknown command, the usage.
func help(name string, stdout, stderr io.Writer) int {
	if c, ok := lookup(name); ok {
		fmt.Fprint(stdout, c.help)
		return exitOK
	}
	fmt.Fprintf(stderr, "brochure: unknown command %q\n\n%s", name, usage())
	return exitUsage
}

// usageErr prints a usage problem with the command's usage lines and
// returns exitUsage.
func usageErr(stderr io.Writer, name string, err error) int {
	c, _ := lookup(name)
	lines := ""
	if i := strings.Index(c.help, "Usage:\n"); i >= 0 {
		lines = c.help[i:]
		if j := strings.Index(lines, "\n\n"); j >= 0 {
			lines = lines[:j+1]
		}
	}
	fmt.Fprintf(stderr, "brochure %s: %s\n%s(brochure %s --help for more)\n", name, printable.String(err.Error()), lines, name)
	return exitUsage
}
