package layout

import (
	"fmt"
	"strings"

	"github.com/brochure-dev/brochure/ink"
)

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

// spots are the spot inks of a print build's palette (PDF/X-4, ISO
// 15930-7): each is written as a Separation colour space. The XMP
// metadata has the pdfxid version and the xmpMM identifiers the standard
// asks for (see metadata); export adds the output intent, /Trapped and the
// page resources (see export.Press). PDF/X-4 allows transparency and
// ICC-tagged or sRGB (DefaultRGB) photos; what it forbids, checkPress
// refused. (No validator such as veraPDF or Acrobat's preflight is
// available here to confirm conformance.)
func (d *Document) spots() []ink.Colour {
	if !d.opt.PDFX {
		return nil
	}
	var spots []ink.Colour
	for _, c := range d.inks {
		if c.Spot != "" {
			spots = append(spots, c)
		}
	}
	return spots
}
