package export

import (
	_ "embed"
	"fmt"

	"github.com/brochure-dev/brochure/ink"
	"github.com/brochure-dev/brochure/internal/pdffile"
)

// sRGB2014.icc is the ICC's sRGB profile as fpdf ships it (icc/, with
// its licence, which allows redistribution unchanged): PDF/A's output
// intent, and what DeviceRGB means in a PDF/X.
//
//go:embed icc/sRGB2014.icc
var srgbICC []byte

// fogra39 is the press profile of a PDF/X build when the user names none:
// coated offset (FOGRA39), computed with ArgyllCMS from freely licensed
// measurement data (icc/FOGRA39-brochure.txt says how).
//
//go:embed icc/FOGRA39-brochure.icc
var fogra39 []byte

// Press is what a print (PDF/X-4) build adds: the output intent (the
// press profile) in the catalog, /Trapped in the Info dictionary, and in
// the pages' resources the overprint graphics state the text uses and a
// DefaultRGB of sRGB (what DeviceRGB — photos without a profile, chart
// colours outside the palette — means, for the RIP to convert). The header
// says PDF 1.6, the least PDF/X-4 is.
type Press struct {
	Profile []byte // the press's CMYK output profile; nil: FOGRA39
	Name    string // its output condition
}

// apply adds the press's objects to pf, whose resource dictionary (the
// one all pages share) is object res.
func (x *Press) apply(pf *pdffile.File, res int) error {
	if pf.Info <= 0 {
		return fmt.Errorf("finish: PDF/X: no Info dictionary")
	}
	gs := pf.Add([]byte(ink.OverprintState + "\n"))
	srgb := pf.Add(pdffile.Stream("/N 3 /Alternate /DeviceRGB", srgbICC, true))
	defRGB := pf.Add(fmt.Appendf(nil, "[/ICCBased %d 0 R]\n", srgb))
	pf.InsertIn(res, "/ExtGState", fmt.Sprintf("%s %d 0 R\n", ink.Overprint, gs))
	pf.InsertIn(res, "/ColorSpace", fmt.Sprintf("/DefaultRGB %d 0 R\n", defRGB))

	profile := x.Profile
	name := x.Name
	if profile == nil {
		profile, name = fogra39, "FOGRA39"
	}
	if name == "" {
		name = "Custom"
	}
	dest := pf.Add(pdffile.Stream("/N 4 /Alternate /DeviceCMYK", profile, true))
	intent := pf.Add(fmt.Appendf(nil, "<</Type /OutputIntent /S /GTS_PDFX /OutputConditionIdentifier %s /RegistryName (http://www.color.org) /Info %s /DestOutputProfile %d 0 R>>\n",
		pdffile.Literal(name), pdffile.Text(name), dest))
	pf.Insert(pf.Root, fmt.Sprintf("/OutputIntents [%d 0 R]\n", intent))
	pf.Insert(pf.Info, "/Trapped /False\n/GTS_PDFXVersion (PDF/X-4)\n")
	pf.AtLeast("1.6")
	return nil
}
