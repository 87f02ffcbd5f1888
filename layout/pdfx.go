package layout

import (
	"bytes"
	_ "embed"
	"fmt"
	"strings"

	"codeberg.org/go-pdf/fpdf"

	"github.com/brochure-dev/brochure/ink"
	"github.com/brochure-dev/brochure/internal/pdffile"
)

// FOGRA39-brochure.icc is the press profile of a PDF/X build when the
// user names none: coated offset (FOGRA39), computed with ArgyllCMS from
// freely licensed measurement data (icc/FOGRA39-brochure.txt says how).
//
//go:embed icc/FOGRA39-brochure.icc
var fogra39ICC []byte

// DefaultProfileName is the output condition of the embedded profile.
const DefaultProfileName = "FOGRA39"

// CheckProfile reports whether icc is an ICC profile a PDF/X-4 for a CMYK
// press can carry as its output intent: an output (or colour space)
// profile of CMYK data. The error says what is wrong.
func CheckProfile(icc []byte) error {
	if len(icc) < 128 || string(icc[36:40]) != "acsp" {
		return fmt.Errorf("not an ICC profile (no 'acsp' signature at byte 36)")
	}
	if cs := string(icc[16:20]); cs != "CMYK" {
		return fmt.Errorf("a profile of %q data; PDF/X for a four-colour press needs a CMYK output profile (e.g. the shop's ISOcoated_v2 or PSOcoated_v3)", strings.TrimSpace(cs))
	}
	if class := string(icc[12:16]); class != "prtr" && class != "spac" {
		return fmt.Errorf("a profile of class %q; PDF/X needs an output (printer) profile", class)
	}
	return nil
}

// checkPress refuses what PDF/X-4 forbids before anything is laid out:
// PDF/A's sRGB output intent beside the press's CMYK one, a press profile
// that is not CMYK output.
func checkPress(opt Options) error {
	if !opt.PDFX {
		return nil
	}
	if opt.PDFA {
		return fmt.Errorf("PDF/X-4 and PDF/A: a file has one output intent, CMYK for the press or sRGB for the archive; build twice, once with --pdfx and once with --pdfa")
	}
	if opt.Profile != nil {
		if err := CheckProfile(opt.Profile); err != nil {
			return fmt.Errorf("the press profile is %w", err)
		}
	}
	return nil
}

// palette is the build's colours for the press (PDFX) or the screen.
func (d *Document) palette() *ink.Palette { return ink.NewPalette(d.opt.PDFX, d.inks...) }

// tint is c at share of its strength (a panel's background), with the
// screen value th already computed for it.
func tint(c ink.Colour, screen string, share float64) ink.Colour {
	t, _ := ink.Parse(screen)
	for i := range c.CMYK {
		c.CMYK[i] *= share
	}
	c.RGB, c.Spot = t.RGB, ""
	return c
}

// pdfx makes the document claim PDF/X-4 (ISO 15930-7): the XMP metadata
// has the pdfxid version and the xmpMM identifiers the standard asks for
// (see metadata); this adds the spot colours, and finish adds the output intent, /Trapped and the page resources (see
// press). PDF/X-4 allows transparency and ICC-tagged or sRGB (DefaultRGB)
// photos; what it forbids, checkPress refused. (No validator such as
// veraPDF or Acrobat's preflight is available here to confirm
// conformance.)
func (d *Document) pdfx(pdf *fpdf.Fpdf) error {
	for _, c := range d.inks {
		if c.Spot != "" {
			k := c.CMYK
			pdf.AddSpotColor(c.Spot, byte(k[0]*100+0.5), byte(k[1]*100+0.5), byte(k[2]*100+0.5), byte(k[3]*100+0.5))
		}
	}
	return nil
}

// press is what finish adds to a print build: the output intent (the
// press profile) in the catalog, /Trapped in the Info dictionary, and in
// the pages' resources the overprint graphics state the text uses and a
// DefaultRGB of sRGB (what DeviceRGB — photos without a profile, chart
// colours outside the palette — means, for the RIP to convert). The header
// says PDF 1.6, the least PDF/X-4 is.
type press struct {
	profile []byte
	name    string
}

func (x *press) apply(pf *pdffile.File) error {
	res := -1
	for n, o := range pf.Objects {
		if bytes.HasPrefix(o, []byte("<<\n/ProcSet [")) {
			res = n
			break
		}
	}
	if res < 0 || pf.Root <= 0 || pf.Info <= 0 {
		return fmt.Errorf("finish: PDF/X: no resource dictionary, catalog or Info")
	}
	gs := pf.Add([]byte(ink.OverprintState + "\n"))
	srgb := pf.Add(pdffile.Stream("/N 3 /Alternate /DeviceRGB", srgbICC, true))
	defRGB := pf.Add(fmt.Appendf(nil, "[/ICCBased %d 0 R]\n", srgb))
	pf.Objects[res] = addEntry(pf.Objects[res], "/ExtGState", fmt.Sprintf("%s %d 0 R", ink.Overprint, gs))
	pf.Objects[res] = addEntry(pf.Objects[res], "/ColorSpace", fmt.Sprintf("/DefaultRGB %d 0 R", defRGB))

	profile := x.profile
	name := x.name
	if profile == nil {
		profile, name = fogra39ICC, DefaultProfileName
	}
	if name == "" {
		name = "Custom"
	}
	dest := pf.Add(pdffile.Stream("/N 4 /Alternate /DeviceCMYK", profile, true))
	intent := pf.Add(fmt.Appendf(nil, "<</Type /OutputIntent /S /GTS_PDFX /OutputConditionIdentifier (%s) /RegistryName (http://www.color.org) /Info (%s) /DestOutputProfile %d 0 R>>\n",
		pdfString(name), pdfString(name), dest))
	pf.Objects[pf.Root] = beforeEnd(pf.Objects[pf.Root], fmt.Sprintf("/OutputIntents [%d 0 R]\n", intent))
	pf.Objects[pf.Info] = beforeEnd(pf.Objects[pf.Info], "/Trapped /False\n/GTS_PDFXVersion (PDF/X-4)\n")
	if i := bytes.Index(pf.Header, []byte("%PDF-1.")); i >= 0 && i+7 < len(pf.Header) && pf.Header[i+7] < '6' {
		pf.Header[i+7] = '6'
	}
	return nil
}

// addEntry adds "entry" to the sub-dictionary key of dictionary d
// (fpdf's resources: "/Key <<\n…\n>>\n"), making the sub-dictionary when
// d has none.
func addEntry(d []byte, key, entry string) []byte {
	open := []byte(key + " <<\n")
	if i := bytes.Index(d, open); i >= 0 {
		at := i + len(open)
		return append(d[:at:at], append([]byte(entry+"\n"), d[at:]...)...)
	}
	return beforeEnd(d, key+" <<\n"+entry+"\n>>\n")
}

// beforeEnd inserts s before the closing ">>" of dictionary d.
func beforeEnd(d []byte, s string) []byte {
	i := bytes.LastIndex(d, []byte(">>"))
	if i < 0 {
		return d
	}
	return append(d[:i:i], append([]byte(s), d[i:]...)...)
}

// pdfString escapes s for a PDF literal string.
func pdfString(s string) string {
	return strings.NewReplacer(`\`, `\\`, "(", `\(`, ")", `\)`, "\r", "", "\n", " ").Replace(s)
}
