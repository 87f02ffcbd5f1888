package main

import (
	"strings"
	"unicode/utf8"

	"github.com/brochure-dev/brochure/theme"
)

// The --help of each command: what it does, its options, an example. Every
// flag a command declares is named in its help (TestCommandTable).

const limitsHelp = `Safety and limits:
  --allow-outside     let photo, font and data file paths leave the report's folder (trusted reports only)
  --encoding gbk      read a report saved as GBK/GB18030 (default utf-8)
  --max-input-mb N    largest report file (default 8)
  --max-bars N        most items in one chart (default 100)
  --max-pages N       most pages in the brochure (default 200)
  --max-image-mp N    most pixels in one photo, in millions (default 100)
  --max-photo-mb N    largest photo file (default 64)
  --max-data-mb N     largest chart data file, an .xlsx unzipped (default 32)
`

const pdfLimitsHelp = `Limits, for a PDF from an unknown source (also for impose); each exceeded is exit 1:
  --max-input-mb N     largest PDF file (default 256)
  --max-pages N        most pages (default 20000)
  --max-stream-mb N    largest stream, decompressed (default 64)
  --max-decoded-mb N   all streams decompressed (default 512)
  --max-xobjects N     XObjects drawn, forms within forms counted each time (default 200000)
  --max-operators N    content operators drawn (default 20000000)
`

const proofHelp = `  --draft           a proof: photos under 100 dpi are warnings, not errors, and a photo with no
                    file is a grey frame marked 图片占位 (without --draft it is left out, with a
                    warning)
  --final           a photo with no file is an error
`

// styleHelp is --style's help: the looks with what each is, from package
// theme, so a new look is in it by itself.
var styleHelp = "  --style LOOK      set the report in another look than its theme: {style: …} says:\n" +
	wrap(theme.Described(true), 20, 92)

// wrap breaks text at spaces into lines of at most width characters, each
// indented by indent spaces and ended by a newline.
func wrap(text string, indent, width int) string {
	var b strings.Builder
	line := strings.Repeat(" ", indent)
	for i, word := range strings.Fields(text) {
		if i > 0 && utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) > width {
			b.WriteString(line + "\n")
			line = strings.Repeat(" ", indent) + word
			continue
		}
		if i > 0 {
			line += " "
		}
		line += word
	}
	return b.String() + line + "\n"
}

const printHelp = `  --pdfa            PDF/A-2a (archival, tagged): pdfaid in the metadata, an sRGB output intent
  --pdfx            PDF/X-4 for a four-colour press: text and rules on the black plate (black text
                    overprints), brand colours in CMYK, a FOGRA39 (coated offset) output intent
  --icc FILE        with --pdfx: the shop's CMYK output profile instead of FOGRA39
  --impose saddle   also write NAME-imposed.pdf, the 2-up saddle-stitch imposition
  --preflight       read the written PDF back as a print shop checks it (see brochure preflight
                    --help); exit 1 if it finds something a shop would reject
  --proof           also write NAME-proof/: each page as PNG (100 dpi, rendered in process) and
                    separations.txt, the plates each page prints from and the most ink on it
`

var buildHelp = `brochure build — build the brochure PDF from a report.

Usage:
  brochure build report.yaml [-o report.pdf] [--json] [--quiet]
  brochure build a.yaml b.yaml …  [-o folder]     several reports, in parallel
  brochure build folder [-o folder]               every .yaml in the folder (and each subfolder's report.yaml)

Everything is checked first; on any problem every one is printed with file:line:column and the
previous PDF is left as it was. Then a summary: pages, size, fonts, charts, photos (those with no
file counted), warnings, time. With several reports, one failing does not stop the others.

Options:
  -o PATH     the PDF to write (default: beside the report, same name, .pdf);
              with several reports, the folder for the PDFs
  --json      print the summary as JSON, one object a line (for scripts)
  --quiet     print nothing but problems
  -j N        build at most N reports at once (default: the number of CPU cores)

For print:
` + proofHelp + styleHelp + printHelp + `
` + limitsHelp + `
Examples:
  brochure build report.yaml -o 年度回顾.pdf
  brochure build reports/ -o out/
`

const preflightHelp = `brochure preflight — check a finished PDF as a print shop does before printing.

Usage:
  brochure preflight out.pdf [--bleed 3mm] [--max-ink 300] [--json]

Prints the PDF version (and PDF/A claim), page count, file size; the page boxes (MediaBox,
TrimBox, BleedBox in mm) for each set of pages that share them; every font (embedded? subset?
type); every placed image with its pixels, colour space, placed size and effective dpi; the
colour spaces used and the output intent; character codes that have no glyph in their font.
Works on any PDF, not only brochure's; reads it with nothing but brochure itself.

Exit 1 (and PROBLEM lines) when a shop would reject the file: a font not embedded, an image
under 100 dpi, a character with no glyph, a page without TrimBox/BleedBox or with too little
bleed when bleed is expected (--bleed, or any page of the file has bleed), no pages, or not a
readable PDF; and what a shop's colour check rejects, each with its page and position in mm from
the trim's bottom left: black or grey text under 12 pt printed from more than one plate (rich
black, RGB grey), areas above the total ink limit (--max-ink, default 300 %), white set to
overprint, lines thinner than 0.25 pt, text within 3 mm of the trim, DeviceRGB in a PDF/X file
without a DefaultRGB. Warnings (images under 200 dpi, no TrimBox, RGB without output intent) do not
fail. Exit 3 when the file cannot be read.

Options:
  --bleed MM   the bleed every page must have (default: the most any page of the file has)
  --max-ink N  total area coverage allowed, per cent of the four inks (default 300)
  --json       the report as one JSON object (for scripts)

` + pdfLimitsHelp + `
Example:
  brochure preflight out/year-in-review-2020.pdf
`

var validateHelp = `brochure validate — check a report without building it.

Usage:
  brochure validate report.yaml

Prints every problem with file:line:column and what to do about it, and exits 1 if there is
any; prints "ok" otherwise. It checks what build checks, without writing the PDF.

Options:
` + proofHelp + styleHelp + `
` + limitsHelp + `
Example:
  brochure validate report.yaml
`

var watchHelp = `brochure watch — build, then rebuild every time the report or a photo is saved.

Usage:
  brochure watch report.yaml [-o report.pdf]

Keep it running in a terminal beside the editor and the PDF viewer. When a save has a
problem, it is printed and the last good PDF stays as it was. Ctrl-C stops.

Options:
  -o PATH           the PDF to write (default: beside the report, same name, .pdf)
` + proofHelp + styleHelp + printHelp + `
` + limitsHelp + `
Example:
  brochure watch report.yaml -o 年度回顾.pdf
`

const initHelp = `brochure init — start a new report in a new folder.

Usage:
  brochure init DIR [--template year-in-review|blank]

Writes DIR/report.yaml (every field explained in comments), DIR/schema.json (so that editors
complete and check fields, offline), DIR/photos/ and DIR/README.md (how to edit and build).
Never overwrites a file: if one exists, nothing is written.

Templates:
  year-in-review   three sections of a real year-in-review, with figures, charts and photos (default)
  blank            the smallest report that builds

Example:
  brochure init 2021年度回顾
  brochure build 2021年度回顾/report.yaml
`

const schemaHelp = `brochure schema — print the JSON Schema of the report format.

Usage:
  brochure schema > schema.json

Editors that know JSON Schema (VS Code with the YAML extension, JetBrains, …) complete field
names and mark mistakes while typing when the report's first line is
  # yaml-language-server: $schema=schema.json
(brochure init writes both).

Example:
  brochure schema > schema.json
`

const diffHelp = `brochure diff — what changed between two versions of a report.

Usage:
  brochure diff old.yaml new.yaml

Lists, section by section, the figures that changed (事故数 降幅 14.98% → 15.20%), sections added
or removed, titles and headlines changed, and paragraphs changed with an excerpt: a draft for the
release note. Exits 0 whether or not anything changed.

Example:
  brochure diff report-v1.yaml report.yaml
`

const completionHelp = `brochure completion — print a shell completion script.

Usage:
  brochure completion bash|zsh|fish

Examples:
  brochure completion bash > /etc/bash_completion.d/brochure
  brochure completion zsh > "${fpath[1]}/_brochure"
  brochure completion fish > ~/.config/fish/completions/brochure.fish
`

const versionHelp = `brochure version — print the version.

Usage:
  brochure version

Example:
  brochure version
`

var chartsHelp = `brochure charts — every chart of a report as its own file, for the web or slides.

Usage:
  brochure charts report.yaml -o DIR [--format svg|png|pdf] [--dpi 300]
  brochure charts report.yaml --alt

Each chart is drawn at the width and in the style it has in the brochure and written to DIR
(made if missing) as s02-c01-TITLE.svg: section and chart numbers, then the title. The report is
checked first, as build checks it.

Options:
  -o DIR            the folder to write the files into (required)
  --format F        svg (default), png or pdf
  --dpi N           resolution of PNG files, 72 to 1200 (default 300)
  --alt             print each chart's alternative text instead: what the tagged PDF gives a
                    screen reader (written from the data unless the chart has alt:), to check it
` + proofHelp + styleHelp + `
` + limitsHelp + `
Examples:
  brochure charts report.yaml -o charts/ --format png
  brochure charts report.yaml --alt
`

const imposeHelp = `brochure impose — 2-up saddle-stitch imposition of a booklet PDF, for a copy shop.

Usage:
  brochure impose in.pdf -o out.pdf --saddle

Each sheet side holds two pages cut to their trim, in the order that gives the right sequence
when the sheets are stacked, folded and stapled (n,1 / 2,n-1 …), with crop, fold and centre
marks outside the trims. The page count must be a multiple of four (build with
print: {booklet: true} to pad it). Works on any PDF.

Options:
  -o PATH     the imposed PDF (default: IN-imposed.pdf)
  --saddle    2-up saddle stitch (the default, and the only imposition so far)

` + pdfLimitsHelp + `
Example:
  brochure impose report.pdf -o report-imposed.pdf --saddle
`

const helpHelp = `brochure help — the commands, or one command's options and an example.

Usage:
  brochure help [COMMAND]

The same as brochure COMMAND --help.

Example:
  brochure help build
`
