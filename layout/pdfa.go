package layout

import (
	_ "embed"
	"fmt"
	"html"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// sRGB2014.icc is the ICC's sRGB profile as fpdf ships it (icc/, with
// its licence, which allows redistribution unchanged).
//
//go:embed icc/sRGB2014.icc
var srgbICC []byte

// pdfa makes the document claim PDF/A-2b as far as fpdf allows: XMP
// metadata with the pdfaid part and conformance and the same title,
// author and dates as the Info dictionary, and an sRGB output intent (the
// document draws in DeviceRGB). Fonts are embedded already. PDF/A-2 allows
// transparency, so the soft masks of PNG photos with alpha are allowed.
// finish adds the file identifier; fpdf's second line, "%µ¶" in UTF-8,
// is the comment of four bytes above 127 PDF/A asks for. (No validator
// such as veraPDF is available here to confirm conformance.)
func (d *Document) pdfa(pdf *fpdf.Fpdf, title string, date time.Time) error {
	pdf.AddOutputIntent(fpdf.OutputIntentType{
		SubtypeIdent:              fpdf.OutputIntent_GTS_PDFA1,
		OutputConditionIdentifier: "sRGB IEC61966-2.1",
		Info:                      "sRGB IEC61966-2.1",
		ICCProfile:                srgbICC,
	})
	esc := html.EscapeString
	ts := date.UTC().Format("2006-01-02T15:04:05Z")
	xmp := fmt.Sprintf(`<?xpacket begin="%s" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<pdfaid:part>2</pdfaid:part>
<pdfaid:conformance>B</pdfaid:conformance>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:description>
<pdf:Keywords>%s</pdf:Keywords>
<pdf:Producer>%s</pdf:Producer>
<xmp:CreatorTool>%s</xmp:CreatorTool>
<xmp:CreateDate>%s</xmp:CreateDate>
<xmp:ModifyDate>%s</xmp:ModifyDate>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`, "\uFEFF", esc(title), esc(d.Report.Organization), esc(d.Report.Subtitle),
		esc(strings.Join(d.keywords(), "; ")), esc("brochure "+Version+" (fpdf)"), esc("brochure "+Version), ts, ts)
	pdf.SetXmpMetadata([]byte(xmp))
	return nil
}
