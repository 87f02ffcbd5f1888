package hostile

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
)

// WideXLSX is a workbook of rows rows, each with one cell in the last
// column (XFD): small unzipped, but a reader that fills each row out to
// its last cell makes 16,384 cells a row.
func WideXLSX(rows int) []byte {
	var sheet bytes.Buffer
	sheet.WriteString(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`)
	for r := 1; r <= rows; r++ {
		fmt.Fprintf(&sheet, `<row r="%d"><c r="A%d" t="inlineStr"><is><t>a</t></is></c><c r="XFD%d"><v>1</v></c></row>`, r, r, r)
	}
	sheet.WriteString(`</sheetData></worksheet>`)
	return workbook(sheet.Bytes())
}

// XLSX is a workbook whose one sheet unzips to about size bytes of rows
// (a "zip bomb" when size is large: 1.28 GB compress to some 4 MB).
func XLSX(size int) []byte {
	var sheet bytes.Buffer
	sheet.WriteString(`<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>a</t></is></c><c r="B1"><v>1</v></c></row>`)
	pad := bytes.Repeat([]byte(`<row><c><v>0</v></c></row>`), 1<<14)
	for n := 0; n < size; n += len(pad) {
		sheet.Write(pad)
	}
	sheet.WriteString(`</sheetData></worksheet>`)
	return workbook(sheet.Bytes())
}

// workbook zips one sheet into the smallest workbook Excel opens.
func workbook(sheet []byte) []byte {
	var b bytes.Buffer
	z := zip.NewWriter(&b)
	put := func(name, s string) {
		w, _ := z.Create(name)
		io.WriteString(w, s)
	}
	put("[Content_Types].xml", `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`)
	put("_rels/.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`)
	put("xl/workbook.xml", `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`)
	put("xl/_rels/workbook.xml.rels", `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`)
	w, _ := z.Create("xl/worksheets/sheet1.xml")
	w.Write(sheet)
	z.Close()
	return b.Bytes()
}
