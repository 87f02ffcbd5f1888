package layout

import (
	"crypto/md5"
	"fmt"
	"html"
	"strings"
	"time"
)

// The PDF/A-2a claim (ISO 19005-2, level A: tagged, with Unicode for
// every glyph) is the pdfaid part and conformance in the metadata (below)
// and export's sRGB output intent (the document draws in DeviceRGB).
// Fonts are embedded, the structure tree and the file identifier are
// written by export. PDF/A-2 allows transparency, so the soft masks of PNG
// photos with alpha are allowed; fpdf's second line, "%µ¶" in UTF-8, is
// the comment of four bytes above 127 PDF/A asks for. (No validator such
// as veraPDF is available here to confirm conformance.)

// metadata is the document's XMP metadata: the same title, author,
// subject, keywords, tools and dates as the Info dictionary, its language,
// the PDF/UA-1 identifier (pdfuaid, ISO 14289-1 §5), and with PDF/A its
// pdfaid and the extension schema PDF/A asks for pdfuaid, with PDF/X its
// pdfxid and the xmpMM identifiers.
func (d *Document) metadata(title string, date time.Time) []byte {
	esc := html.EscapeString
	r := d.Report
	ts := date.UTC().Format("2006-01-02T15:04:05Z")
	var b strings.Builder
	b.WriteString("<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n" +
		"<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n" +
		`<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/"`)
	if d.opt.PDFA {
		b.WriteString(` xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"`)
	}
	if d.opt.PDFX {
		b.WriteString(` xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/" xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"`)
	}
	b.WriteString(">\n<pdfuaid:part>1</pdfuaid:part>\n")
	if d.opt.PDFA {
		b.WriteString("<pdfaid:part>2</pdfaid:part>\n<pdfaid:conformance>A</pdfaid:conformance>\n")
	}
	if d.opt.PDFX {
		b.WriteString("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>\n")
	}
	fmt.Fprintf(&b, "<dc:format>application/pdf</dc:format>\n<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:title>\n", esc(title))
	fmt.Fprintf(&b, "<dc:language><rdf:Bag><rdf:li>%s</rdf:li></rdf:Bag></dc:language>\n", esc(d.lang()))
	if r.Organization != "" {
		fmt.Fprintf(&b, "<dc:creator><rdf:Seq><rdf:li>%s</rdf:li></rdf:Seq></dc:creator>\n", esc(r.Organization))
	}
	if r.Subtitle != "" {
		fmt.Fprintf(&b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">%s</rdf:li></rdf:Alt></dc:description>\n", esc(r.Subtitle))
	}
	if kw := d.keywords(); len(kw) > 0 {
		fmt.Fprintf(&b, "<pdf:Keywords>%s</pdf:Keywords>\n", esc(strings.Join(kw, "; ")))
	}
	fmt.Fprintf(&b, "<pdf:Producer>%s</pdf:Producer>\n<xmp:CreatorTool>%s</xmp:CreatorTool>\n<xmp:CreateDate>%s</xmp:CreateDate>\n<xmp:ModifyDate>%s</xmp:ModifyDate>\n",
		esc("brochure "+Version+" (fpdf)"), esc("brochure "+Version), ts, ts)
	if d.opt.PDFX {
		sum := md5.Sum([]byte(title + "\x00" + ts + "\x00" + r.Organization))
		uuid := fmt.Sprintf("uuid:%x-%x-%x-%x-%x", sum[0:4], sum[4:6], sum[6:8], sum[8:10], sum[10:16])
		fmt.Fprintf(&b, "<pdf:Trapped>False</pdf:Trapped>\n<xmp:MetadataDate>%s</xmp:MetadataDate>\n<xmpMM:DocumentID>%s</xmpMM:DocumentID>\n<xmpMM:InstanceID>%s</xmpMM:InstanceID>\n<xmpMM:VersionID>1</xmpMM:VersionID>\n<xmpMM:RenditionClass>default</xmpMM:RenditionClass>\n",
			ts, uuid, uuid)
	}
	b.WriteString("</rdf:Description>\n")
	if d.opt.PDFA {
		// PDF/A-2 §6.6.2.3: a schema outside XMP's own is declared
		b.WriteString(`<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
`)
	}
	b.WriteString("</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>")
	return []byte(b.String())
}
