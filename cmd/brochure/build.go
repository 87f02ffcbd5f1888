package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/internal/printable"
	"github.com/brochure-dev/brochure/internal/safefile"
	"github.com/brochure-dev/brochure/layout"
	"github.com/brochure-dev/brochure/preflight"
)

// result is what building one report did, printed as the summary (or as
// one JSON object with --json).
type result struct {
	Input        string   `json:"input"`
	Output       string   `json:"output"`
	OK           bool     `json:"ok"`
	Pages        int      `json:"pages"`
	Bytes        int      `json:"bytes"`
	Fonts        []string `json:"fonts"`
	Charts       int      `json:"charts"`
	Photos       int      `json:"photos"`
	Placeholders int      `json:"placeholders"` // photos with no file, set as marked frames (--draft)
	LeftOut      int      `json:"left_out"`     // photos with no file, left out (not --draft)
	Warnings     []string `json:"warnings"`
	Errors       []string `json:"errors"`
	Millis       int64    `json:"ms"`
	// Preflight is the written PDF checked as a print shop does (--preflight).
	Preflight *preflight.Report `json:"preflight,omitempty"`
	// Proof is the pages as PNG and their separations (--proof).
	Proof *Proof `json:"proof,omitempty"`

	warns data.Errors  // the warnings
	code  int          // exit code
	log   bytes.Buffer // the problems, as printed on stderr
}

// untouched closes the problems of a build that stopped before writing.
const untouched = "Nothing was written; a PDF already there is as it was."

// buildOne builds the report at path into out, as the settings ask (limits,
// draft or final, PDF/A, imposition, preflight). It never prints: problems
// go to res.log, and out is only replaced (atomically) by a complete PDF.
func buildOne(path, out string, cfg settings) *result {
	bo := cfg.print
	start := time.Now()
	res := &result{Input: path, Output: out, Warnings: []string{}, Errors: []string{}}
	defer func() {
		if e := recover(); e != nil {
			// a bug below (e.g. fpdf panics on a truncated PNG): report it
			// and keep going, so that watch and the other builds of a batch
			// survive it
			fmt.Fprintf(&res.log, "brochure build: internal error building %s: %v\nThis is a bug; please report it with the report file. The previous PDF was left as it was.\n", printable.String(path), e)
			res.code, res.OK = exitInternal, false
		}
		res.Millis = time.Since(start).Milliseconds()
		for _, l := range strings.Split(strings.TrimSpace(res.log.String()), "\n") {
			if l != "" && !strings.HasSuffix(l, "was written.") && l != untouched {
				res.Errors = append(res.Errors, l)
			}
		}
	}()
	if same(path, out) {
		fmt.Fprintf(&res.log, "brochure build: the output %s is the report itself; choose another -o\n", printable.String(out))
		res.code = exitUsage
		return res
	}
	r, code := load(path, &res.log, cfg)
	if r == nil {
		res.code = code
		if code == exitInvalid {
			fmt.Fprintln(&res.log, untouched)
		}
		return res
	}
	opt := cfg.layoutOptions()
	if err := pressOptions(r, &opt, cfg.data.AllowOutside); err != nil {
		res.code = report(&res.log, err)
		fmt.Fprintln(&res.log, untouched)
		return res
	}
	doc, err := layout.NewWith(r, opt)
	if err != nil {
		res.code = report(&res.log, err)
		fmt.Fprintln(&res.log, untouched)
		return res
	}
	n, err := writeAtomic(out, doc.Write)
	if err != nil {
		var ioErr *ioError
		if errors.As(err, &ioErr) {
			fmt.Fprintf(&res.log, "%s\n", printable.String(err.Error()))
			res.code = exitIO
			return res
		}
		var bad *data.Error
		if errors.As(err, &bad) { // a photo found damaged when drawn
			res.code = report(&res.log, bad)
			fmt.Fprintln(&res.log, untouched)
			return res
		}
		fmt.Fprintf(&res.log, "brochure build: internal error: the PDF writer failed on %s: %v\nThis is a bug; please report it with the report file. The previous PDF was left as it was.\n", printable.String(path), err)
		res.code = exitInternal
		return res
	}
	if code := bo.after(out, &res.log); code != exitOK {
		res.code = code
		return res
	}
	if bo.preflight || bo.proof {
		pdf, err := os.ReadFile(out)
		if err != nil {
			fmt.Fprintf(&res.log, "brochure build: preflight: %s\n", printable.String(err.Error()))
			res.code = exitIO
			return res
		}
		rep, err := preflight.Check(pdf, preflight.Options{Bleed: r.Print.BleedMM()})
		if err != nil {
			fmt.Fprintf(&res.log, "brochure build: internal error: preflight cannot read the PDF just written: %v\n", err)
			res.code = exitInternal
			return res
		}
		if bo.preflight {
			res.Preflight = rep
			if !rep.OK() {
				res.code = exitInvalid // the PDF is written, but a print shop would reject it
			}
		}
		if bo.proof {
			if res.Proof, err = writeProof(out, pdf, rep); err != nil {
				fmt.Fprintf(&res.log, "brochure build: proof: %s\n", printable.String(err.Error()))
				res.code = exitIO
				return res
			}
		}
	}
	res.OK = true
	res.Pages = len(doc.Pages)
	res.Bytes = int(n)
	res.Fonts = doc.Fonts()
	for _, s := range r.Sections {
		res.Charts += len(s.Charts)
		res.Photos += len(s.Photos)
		for _, p := range s.Photos {
			switch {
			case p.File != "":
			case bo.layout.Draft:
				res.Placeholders++
			default:
				res.LeftOut++
			}
		}
	}
	res.warns = append(r.Warnings(), doc.Warnings...)
	for _, w := range res.warns {
		res.Warnings = append(res.Warnings, w.Error())
	}
	return res
}

// printer writes results the way the flags ask.
type printer struct {
	stdout, stderr io.Writer
	json, quiet    bool
	color          bool
}

func (p *printer) result(res *result) {
	if !res.OK {
		io.Copy(p.stderr, &res.log)
	}
	if p.json {
		b, _ := json.Marshal(res)
		fmt.Fprintf(p.stdout, "%s\n", printable.JSON(b))
		return
	}
	if p.quiet && res.Preflight != nil {
		for _, pr := range res.Preflight.Problems {
			fmt.Fprintf(p.stderr, "%s: preflight: %s\n", printable.String(res.Output), printable.String(pr))
		}
	}
	if p.quiet || !res.OK {
		return
	}
	for _, w := range res.warns {
		// Error() escapes what the report wrote; the colour goes in after
		msg := printable.String(w.Msg)
		fmt.Fprintln(p.stderr, strings.TrimSuffix(w.Error(), msg)+p.paint(yellow, "warning:")+" "+msg)
	}
	fmt.Fprintf(p.stdout, "%s: %d page%s, %s, %d ms\n", p.paint(green, printable.String(res.Output)), res.Pages, plural(res.Pages), size(res.Bytes), res.Millis)
	photos := fmt.Sprintf("%d photo%s", res.Photos, plural(res.Photos))
	if res.Placeholders > 0 {
		photos += fmt.Sprintf(" (%d placeholder%s)", res.Placeholders, plural(res.Placeholders))
	}
	if res.LeftOut > 0 {
		photos += fmt.Sprintf(" (%d left out: no file)", res.LeftOut)
	}
	warn := fmt.Sprintf("%d warning%s", len(res.Warnings), plural(len(res.Warnings)))
	if len(res.Warnings) > 0 {
		warn = p.paint(yellow, warn)
	}
	fmt.Fprintf(p.stdout, "  %d fonts embedded · %d chart%s · %s · %s\n", len(res.Fonts), res.Charts, plural(res.Charts), photos, warn)
	if res.Preflight != nil {
		fmt.Fprintln(p.stdout, "preflight:")
		printPreflight(p.stdout, res.Output, res.Preflight)
	}
	if pr := res.Proof; pr != nil {
		fmt.Fprintf(p.stdout, "proof: %s: %d page%s as PNG (%d dpi), separations.txt\n", printable.String(pr.Dir), len(pr.Pages), plural(len(pr.Pages)), proofDPI)
		printSeparations(p.stdout, &preflight.Report{Inks: pr.Inks})
	}
}

const (
	green  = "32"
	yellow = "33"
	red    = "31"
)

func (p *printer) paint(code, s string) string {
	if !p.color {
		return s
	}
	return "\x1b[" + code + "m" + s + "\x1b[0m"
}

func defaultOutput(path string) string {
	return strings.TrimSuffix(path, filepath.Ext(path)) + ".pdf"
}

// pressOptions applies the report's print.standard and print.profile
// (the flags --pdfx and --icc win): the profile is read like a photo,
// inside the report's folder unless outside paths are allowed, and must
// be a CMYK output profile.
func pressOptions(r *data.Report, opt *layout.Options, allowOutside bool) error {
	if strings.EqualFold(r.Print.Standard, "pdf/x-4") {
		opt.PDFX = true
	}
	if r.Print.Profile == "" || opt.Profile != nil {
		return nil
	}
	opt.PDFX = true
	fail := func(msg string) error {
		return data.Errors{&data.Error{Pos: r.Pos("print.profile"), Path: "print.profile", Msg: msg}}
	}
	path, err := safefile.Resolve(r.Dir, r.Print.Profile, allowOutside)
	if err != nil {
		return fail(err.Error())
	}
	b, err := safefile.ReadFile(path, 16<<20, false)
	if err != nil {
		return fail(err.Error())
	}
	if err := layout.CheckProfile(b); err != nil {
		return fail(fmt.Sprintf("%s is %v", r.Print.Profile, err))
	}
	opt.Profile = b
	opt.ProfileName = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	return nil
}
