package main

// The flags of each command, declared by its setup (see command), and the
// settings they fill.

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"syscall"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/internal/printable"
	"github.com/brochure-dev/brochure/layout"
	"github.com/brochure-dev/brochure/preflight"
	"github.com/brochure-dev/brochure/theme"
)

// buildSetup is `brochure build`: one report, or many in parallel.
func buildSetup(fs *flag.FlagSet) runner {
	out := fs.String("o", "", "output PDF (default: the report's name with .pdf, beside it); with several reports, a folder")
	asJSON := fs.Bool("json", false, "print the summary as JSON, one object per report (for scripts)")
	quiet := fs.Bool("quiet", false, "print nothing but problems")
	jobs := runtime.NumCPU()
	fs.Func("j", "how many reports to build at once (default: the number of CPU cores)", whole(&jobs))
	var cfg settings
	cfg.layoutFlags(fs)
	cfg.printFlags(fs)
	return func(paths []string, stdout, stderr io.Writer) int {
		if len(paths) == 0 {
			return usageErr(stderr, "build", fmt.Errorf("no report given"))
		}
		p := &printer{stdout: stdout, stderr: stderr, json: *asJSON, quiet: *quiet, color: colorOK(stdout)}
		inputs, many, err := expandInputs(paths)
		if err != nil {
			fmt.Fprintf(stderr, "brochure build: %s\n", printable.String(err.Error()))
			return exitIO
		}
		if !many {
			o := *out
			if o == "" {
				o = defaultOutput(inputs[0])
			} else if fi, err := os.Stat(o); err == nil && fi.IsDir() {
				o = filepath.Join(o, filepath.Base(defaultOutput(inputs[0])))
			}
			res := buildOne(inputs[0], o, cfg)
			p.result(res)
			return res.code
		}
		outs, err := batchOutputs(inputs, *out)
		if err != nil {
			fmt.Fprintf(stderr, "brochure build: %s\n", printable.String(err.Error()))
			return exitIO
		}
		return batch(inputs, outs, jobs, p, cfg)
	}
}

func validateSetup(fs *flag.FlagSet) runner {
	var cfg settings
	cfg.layoutFlags(fs)
	return func(operands []string, stdout, stderr io.Writer) int {
		path := operands[0]
		r, code := load(path, stderr, cfg)
		if r == nil {
			return code
		}
		if _, err := layout.NewWith(r, cfg.layoutOptions()); err != nil {
			return report(stderr, err)
		}
		fmt.Fprintf(stdout, "%s: ok (%d sections)\n", printable.String(path), len(r.Sections))
		return exitOK
	}
}

func watchSetup(fs *flag.FlagSet) runner {
	out := fs.String("o", "", "output PDF")
	var cfg settings
	cfg.layoutFlags(fs)
	cfg.printFlags(fs)
	return func(operands []string, stdout, stderr io.Writer) int {
		path, o := operands[0], *out
		if o == "" {
			o = defaultOutput(path)
		}
		if same(path, o) {
			return usageErr(stderr, "watch", fmt.Errorf("the output %s is the report itself; choose another -o", o))
		}
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		p := &printer{stdout: stdout, stderr: stderr, color: colorOK(stdout)}
		return watch(ctx, path, o, p, cfg)
	}
}

func initSetup(fset *flag.FlagSet) runner {
	tmpl := fset.String("template", "year-in-review", "starter content: year-in-review or blank")
	return func(operands []string, stdout, stderr io.Writer) int { return initCmd(operands, *tmpl, stdout, stderr) }
}

func chartsSetup(fs *flag.FlagSet) runner {
	out := fs.String("o", "", "folder to write the chart files into (created if missing)")
	format := fs.String("format", "svg", "file format: svg, png or pdf")
	dpi := fs.Float64("dpi", 300, "resolution of PNG files, dots per inch")
	alt := fs.Bool("alt", false, "print each chart's alternative text (what a screen reader says) instead of writing files")
	var cfg settings
	cfg.layoutFlags(fs)
	return func(operands []string, stdout, stderr io.Writer) int {
		if *alt {
			return chartsAlt(operands[0], cfg, stdout, stderr)
		}
		return chartsCmd(operands, *out, strings.ToLower(strings.TrimPrefix(*format, ".")), *dpi, cfg, stdout, stderr)
	}
}

func imposeSetup(fs *flag.FlagSet) runner {
	out := fs.String("o", "", "the imposed PDF (default: IN-imposed.pdf)")
	saddle := fs.Bool("saddle", true, "2-up saddle stitch (the only imposition so far)")
	return withPDFBudget(fs, "impose", func(operands []string, budget pdfBudget, stdout, stderr io.Writer) int {
		return imposeCmd(operands, *out, *saddle, budget, stdout, stderr)
	})
}

func preflightSetup(fs *flag.FlagSet) runner {
	bleed := fs.String("bleed", "", "bleed every page must have, e.g. 3mm (default: as much as any page of the file has)")
	asJSON := fs.Bool("json", false, "print the report as one JSON object (for scripts)")
	maxInk := fs.Float64("max-ink", preflight.MaxInk, "total area coverage allowed, per cent of the four inks")
	return withPDFBudget(fs, "preflight", func(operands []string, budget pdfBudget, stdout, stderr io.Writer) int {
		return preflightCmd(operands, *bleed, *maxInk, *asJSON, budget, stdout, stderr)
	})
}

// withPDFBudget declares the budgets of reading a PDF (pdfFlags) and runs
// cmd within them; one under 1 is a usage error of the command name.
func withPDFBudget(fs *flag.FlagSet, name string, cmd func(operands []string, budget pdfBudget, stdout, stderr io.Writer) int) runner {
	limits := pdfFlags(fs)
	return func(operands []string, stdout, stderr io.Writer) int {
		budget, err := limits()
		if err != nil {
			return usageErr(stderr, name, err)
		}
		return cmd(operands, budget, stdout, stderr)
	}
}

// settings are what the flags of a build path ask: limits and permissions
// (build, validate, watch, charts), proof or final (the same), and what to
// do with the written PDF (build, watch). The zero value is the defaults.
type settings struct {
	data   data.Options
	layout layout.Limits
	print  buildOpts
}

// layoutFlags adds the flags of every command that lays a report out:
// the limits, --draft and --final, and --style.
func (s *settings) layoutFlags(fs *flag.FlagSet) {
	s.limitFlags(fs)
	s.proofFlags(fs)
	s.styleFlag(fs)
}

// limitFlags adds the flags that bound what a report may make the build
// read or produce, and who may name which files.
func (s *settings) limitFlags(fs *flag.FlagSet) {
	fs.BoolVar(&s.data.AllowOutside, "allow-outside", false, "let photo, font and data file paths leave the report's folder (absolute paths, \"..\", symlinks, devices); only for reports you trust")
	fs.StringVar(&s.data.Encoding, "encoding", "utf-8", "the report file's encoding: utf-8, or gbk (GB18030) for a file saved by Chinese Windows")
	fs.Func("max-input-mb", fmt.Sprintf("refuse a report file larger than this, in MB (default %d)", data.DefaultMaxInputBytes>>20), positive(func(f float64) { s.data.MaxInputBytes = int64(f * (1 << 20)) }))
	fs.Func("max-data-mb", fmt.Sprintf("refuse a chart's data file larger than this, in MB (an .xlsx: its sheets unzipped) (default %d)", data.DefaultMaxDataBytes>>20), positive(func(f float64) { s.data.MaxDataBytes = int64(f * (1 << 20)) }))
	fs.Func("max-bars", fmt.Sprintf("refuse a chart with more data items (bars, slices) than this (default %d)", data.DefaultMaxDataItems), whole(&s.data.MaxDataItems))
	fs.Func("max-pages", fmt.Sprintf("refuse to make a brochure of more pages than this (default %d)", layout.DefaultMaxPages), whole(&s.layout.MaxPages))
	fs.Func("max-image-mp", fmt.Sprintf("refuse a photo of more pixels than this, in millions, checked before it is decoded (default %d)", layout.DefaultMaxPhotoPixels/1_000_000), positive(func(f float64) { s.layout.MaxPhotoPixels = int(f * 1e6) }))
	fs.Func("max-photo-mb", fmt.Sprintf("refuse a photo file larger than this, in MB, checked before it is read (default %d)", layout.DefaultMaxPhotoBytes>>20), positive(func(f float64) { s.layout.MaxPhotoBytes = int64(f * (1 << 20)) }))
}

// proofFlags add --draft and --final, which decide how strict the checks
// of photos are, to every command that lays a report out.
func (s *settings) proofFlags(fs *flag.FlagSet) {
	fs.BoolVar(&s.print.layout.Draft, "draft", false, "a proof: photos under 100 dpi are warnings, not errors; a photo with no file is a frame marked 图片占位")
	fs.BoolVar(&s.print.layout.Final, "final", false, "for print: a photo with no file is an error")
}

// styleFlag adds --style, the look in place of the report's theme:
// {style: …}, to every command that lays a report out.
func (s *settings) styleFlag(fs *flag.FlagSet) {
	fs.Func("style", "the look, in place of the report's theme: {style: …}: "+strings.Join(theme.Names(), ", "), func(v string) error {
		if _, err := theme.Look(v); err != nil {
			return fmt.Errorf("%q is not a look brochure has; write one of %s%s", v, strings.Join(theme.Names(), ", "), data.Suggest(v, theme.Names()))
		}
		s.print.layout.Style = v
		return nil
	})
}

// printFlags add what is done with a written brochure PDF.
func (s *settings) printFlags(fs *flag.FlagSet) {
	fs.BoolVar(&s.print.layout.PDFA, "pdfa", false, "PDF/A-2a (archival, tagged): pdfaid in the XMP metadata and an sRGB output intent")
	fs.BoolVar(&s.print.layout.PDFX, "pdfx", false, "PDF/X-4 for a CMYK press: text on the black plate, brand colours in CMYK, a FOGRA39 output intent")
	fs.Func("icc", "with --pdfx: the press's CMYK output profile (.icc) instead of FOGRA39", func(path string) error {
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if err := layout.CheckProfile(b); err != nil {
			return fmt.Errorf("%s is %w", path, err)
		}
		s.print.layout.PDFX, s.print.layout.Profile = true, b
		s.print.layout.ProfileName = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
		return nil
	})
	fs.StringVar(&s.print.impose, "impose", "", "saddle: also write the 2-up saddle-stitch imposition as NAME-imposed.pdf")
	fs.BoolVar(&s.print.preflight, "preflight", false, "check the written PDF as a print shop does; exit 1 if it would reject it")
	fs.BoolVar(&s.print.proof, "proof", false, "also write NAME-proof/: every page as PNG and separations.txt, the plates each page prints from")
}

// layoutOptions are the options layout is given.
func (s settings) layoutOptions() layout.Options {
	o := s.print.layout
	o.Limits = s.layout
	return o
}

// whole parses a flag's value into n: a whole number, 1 or more (a limit
// of 0 or less is a mistake, not "no limit").
func whole(n *int) func(string) error {
	return func(v string) error {
		i, err := strconv.Atoi(v)
		if err != nil || i < 1 {
			return fmt.Errorf("want a whole number, 1 or more")
		}
		*n = i
		return nil
	}
}

// positive parses a flag's value as a number above 0 and gives it to set.
func positive(set func(float64)) func(string) error {
	return func(v string) error {
		f, err := strconv.ParseFloat(v, 64)
		if err != nil || !(f > 0) || f > 1e9 {
			return fmt.Errorf("want a number above 0")
		}
		set(f)
		return nil
	}
}
