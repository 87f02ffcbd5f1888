package data

import (
	"archive/zip"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/brochure-dev/brochure/internal/safefile"
)

// Charts may take their data from a spreadsheet: data: {file: traffic.csv}
// or {file: stats.xlsx, sheet: 交管, range: A1:B5}. The file's first column
// holds the labels, the next the values (grouped, and line and area with
// several value columns: one column a series). A first row whose value
// cells are not numbers is a header; for a grouped
// chart without "series:" it names the series.
//
// Cells are read as the spreadsheet shows them, not as stored: a cell
// formatted as 14.98% is 14.98 (with or without the sign), a cell showing
// 1,006 is 1006. That keeps the precision the press officer sees, which is
// the precision they mean.

// cell is one spreadsheet cell's text and where it is (1-based).
type cell struct {
	text     string
	row, col int
}

// filler fills a chart or a table from a spreadsheet's rows (where names
// them in messages), failing through fail: Chart.fromRows, Table.fromRows.
type filler func(rows [][]cell, where string, fail func(format string, args ...any) *Error) *Error

// loadSources reads the data of every chart and the rows of every table
// that names a file.
func (r *Report) loadSources() Errors {
	var errs Errors
	load := func(src *Source, path string, from filler) {
		if src == nil {
			return
		}
		if err := r.loadSource(src, path, from); err != nil {
			errs = append(errs, err)
			r.bad[path] = true
		}
	}
	for i := range r.Sections {
		for j := range r.Sections[i].Charts {
			c := &r.Sections[i].Charts[j]
			load(c.Source, fmt.Sprintf("sections[%d].charts[%d].data", i, j), c.fromRows)
		}
		for j := range r.Sections[i].Tables {
			t := &r.Sections[i].Tables[j]
			load(t.Source, fmt.Sprintf("sections[%d].tables[%d].rows", i, j), t.fromRows)
		}
	}
	return errs
}

// loadSource reads the spreadsheet src, named by the field at path, and
// gives its rows (and where they are, for messages) to fill: a chart's
// data or a table's rows.
func (r *Report) loadSource(src *Source, path string, fill filler) *Error {
	fail := func(sub, format string, args ...any) *Error {
		p := path
		if sub != "" {
			p += "." + sub
		}
		return &Error{Pos: r.near(p), Path: p, Msg: fmt.Sprintf(format, args...)}
	}
	if strings.TrimSpace(src.File) == "" {
		return fail("", `the data names no file; write data: {file: traffic.csv} (a .csv or .xlsx file beside the report) or list the data items`)
	}
	name := src.File
	if !filepath.IsAbs(name) {
		name = filepath.Join(r.Dir, name)
	}
	ext := strings.ToLower(filepath.Ext(name))
	if ext != ".csv" && ext != ".xlsx" {
		return fail("file", "%s is neither a .csv nor an .xlsx file; save the sheet as CSV or Excel workbook (.xlsx)", src.File)
	}
	if ext == ".csv" && (src.Sheet != "" || src.Range != "") {
		k := "sheet"
		if src.Sheet == "" {
			k = "range"
		}
		return fail(k, "a CSV file has no sheets or ranges; remove %q, or use the .xlsx workbook", k)
	}
	if ext == ".xlsx" && src.Encoding != "" {
		return fail("encoding", "an .xlsx file has no text encoding; remove the encoding line")
	}
	if msg := r.outside(src.File, "data file"); msg != "" {
		return fail("file", "%s", msg)
	}
	st, err := os.Stat(name)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return fail("file", "data file %s not found; put it there (paths are relative to the folder of the report) or fix the name", name)
	case err != nil:
		return fail("file", "cannot read data file %s: %v", name, unwrapPathErr(err))
	case st.IsDir():
		return fail("file", "%s is a folder; name the .csv or .xlsx file inside it", name)
	}
	var rows [][]cell
	where := filepath.Base(name)
	var e *Error
	if ext == ".csv" {
		rows, e = readCSV(name, src.Encoding, r.opts, fail)
	} else {
		rows, where, e = readXLSX(name, src, r.opts, fail)
	}
	if e != nil {
		return e
	}
	return fill(rows, where, func(format string, args ...any) *Error { return fail("", format, args...) })
}

func readCSV(name, enc string, o Options, fail func(sub, format string, args ...any) *Error) ([][]cell, *Error) {
	raw, err := safefile.ReadFile(name, o.maxData(), o.AllowOutside)
	var se *safefile.Error
	switch {
	case errors.As(err, &se) && errors.Is(err, safefile.ErrTooBig):
		return nil, fail("file", "data file %s is %s, the limit for a data file; a chart needs a few rows: name a smaller file, or raise the limit with --max-data-mb", name, se.Detail)
	case err != nil:
		return nil, fail("file", "cannot read data file %s: %v", name, unwrapPathErr(err))
	}
	base := filepath.Base(name)
	raw = bytes.TrimPrefix(raw, bom)
	switch strings.ToLower(strings.ReplaceAll(enc, "-", "")) {
	case "":
		if !utf8.Valid(raw) {
			// What Excel writes on Chinese Windows: GBK (GB18030 is its
			// superset and decodes all of it).
			dec, err := simplifiedchinese.GB18030.NewDecoder().Bytes(raw)
			if err != nil {
				return nil, fail("file", "%s is neither UTF-8 nor GBK text; save it as CSV UTF-8 and try again", base)
			}
			raw = dec
		}
	case "gbk", "gb2312", "gb18030":
		dec, err := simplifiedchinese.GB18030.NewDecoder().Bytes(raw)
		if err != nil {
			return nil, fail("encoding", "%s cannot be read as GBK: %v", base, err)
		}
		raw = dec
	case "utf8":
		if !utf8.Valid(raw) {
			line := 1 + bytes.Count(raw[:firstInvalid(raw)], []byte("\n"))
			return nil, fail("encoding", "%s, row %d: not UTF-8 text (perhaps GBK); write encoding: gbk or save the file as CSV UTF-8", base, line)
		}
	default:
		return nil, fail("encoding", "encoding %q is not supported; write utf-8 or gbk, or leave the line out to detect it", enc)
	}
	// Each field becomes a string and a cell: 32 MB of commas would be
	// 32 million of them. Counted before: every field ends at a comma or a
	// line's end (quoted commas count too, which only errs on the safe side).
	if n := bytes.Count(raw, []byte(",")) + bytes.Count(raw, []byte("\n")); n > maxDenseCells {
		return nil, fail("file", "%s has more than %d cells (%d commas and lines); a chart needs a few hundred: save only the table the chart shows", base, maxDenseCells, n)
	}
	rd := csv.NewReader(bytes.NewReader(raw))
	rd.FieldsPerRecord = -1
	rd.LazyQuotes = true
	recs, err := rd.ReadAll()
	if err != nil {
		var pe *csv.ParseError
		if errors.As(err, &pe) {
			return nil, fail("file", "%s, row %d, column %s: %v; check the quotes in that cell", base, pe.StartLine, colName(pe.Column), pe.Err)
		}
		return nil, fail("file", "%s: %v", base, err)
	}
	var rows [][]cell
	for i, rec := range recs {
		var row []cell
		for j, t := range rec {
			row = append(row, cell{text: t, row: i + 1, col: j + 1})
		}
		rows = append(rows, row)
	}
	return rows, nil
}

func firstInvalid(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			return i
		}
		i += n
	}
	return len(b)
}

var rangeRE = regexp.MustCompile(`^([A-Za-z]{1,3}[0-9]+):([A-Za-z]{1,3}[0-9]+)$`)

func readXLSX(name string, src *Source, o Options, fail func(sub, format string, args ...any) *Error) ([][]cell, string, *Error) {
	base := filepath.Base(name)
	raw, err := safefile.ReadFile(name, o.maxData(), o.AllowOutside)
	var se *safefile.Error
	switch {
	case errors.As(err, &se) && errors.Is(err, safefile.ErrTooBig):
		return nil, "", fail("file", "data file %s is %s, the limit for a data file; a chart needs a few rows: name a smaller file, or raise the limit with --max-data-mb", name, se.Detail)
	case err != nil:
		return nil, "", fail("file", "cannot read data file %s: %v", name, unwrapPathErr(err))
	}
	// Unzipped, the sheets must fit the same budget, in memory: with
	// UnzipXMLSizeLimit equal to UnzipSizeLimit excelize never spills a
	// sheet into a temporary file (which a kill would leave behind).
	f, err := excelize.OpenReader(bytes.NewReader(raw), excelize.Options{UnzipSizeLimit: o.maxData(), UnzipXMLSizeLimit: o.maxData()})
	if err != nil {
		if strings.Contains(err.Error(), "unzip size exceeds") {
			return nil, "", fail("file", "%s unzips to more than %s, the limit for a data file (a chart needs a few rows; this workbook may be made to exhaust memory): name a smaller file, or raise the limit with --max-data-mb", base, safefile.MB(o.maxData()))
		}
		return nil, "", fail("file", "%s cannot be opened as an Excel workbook (%v); save it again as .xlsx", base, err)
	}
	defer f.Close()
	if msg := denseCells(raw, o.maxData()); msg != "" {
		return nil, "", fail("file", "%s: %s", base, msg)
	}
	sheets := f.GetSheetList()
	sheet := src.Sheet
	if sheet == "" {
		if len(sheets) == 0 {
			return nil, "", fail("file", "%s has no sheets", base)
		}
		sheet = sheets[0]
	} else if !contains(sheets, sheet) {
		return nil, "", fail("sheet", "%s has no sheet %q%s; its sheets are: %s", base, sheet, Suggest(sheet, sheets), strings.Join(sheets, ", "))
	}
	where := fmt.Sprintf("%s, sheet %s", base, sheet)
	c0, r0, c1, r1 := 1, 1, 1<<20, 1<<22
	if src.Range != "" {
		m := rangeRE.FindStringSubmatch(strings.TrimSpace(src.Range))
		if m == nil {
			return nil, "", fail("range", "%q is not a cell range; write it like A1:B5", src.Range)
		}
		var e1, e2 error
		c0, r0, e1 = excelize.CellNameToCoordinates(m[1])
		c1, r1, e2 = excelize.CellNameToCoordinates(m[2])
		if e1 != nil || e2 != nil || c1 < c0 || r1 < r0 {
			return nil, "", fail("range", "%q is not a cell range from the top-left to the bottom-right cell; write it like A1:B5", src.Range)
		}
	}
	all, err := f.GetRows(sheet)
	if err != nil {
		return nil, "", fail("file", "%s: %v", where, err)
	}
	var rows [][]cell
	for i := r0; i <= r1 && i <= len(all); i++ {
		var row []cell
		for j := c0; j <= c1 && j <= len(all[i-1]); j++ {
			row = append(row, cell{text: asDisplayed(all[i-1][j-1]), row: i, col: j})
		}
		if src.Range != "" {
			for j := c0 + len(row); j <= c1; j++ {
				row = append(row, cell{row: i, col: j})
			}
		}
		rows = append(rows, row)
	}
	return rows, where, nil
}

// generalDigits is how many significant digits Excel shows of a number
// in the General format (a column of standard width holds 11 characters:
// 0.042, 318.5806452).
const generalDigits = 10

// asDisplayed is a cell's text as Excel shows it. excelize formats a cell
// that has a number format; a number in the General format it returns as
// stored, noise of binary fractions included (0.0419999999999999 for
// 0.042, 0.30000000000000004). Such a number is rounded to the digits
// General shows (generalDigits, never fewer than its whole part has) and
// written as the shortest decimal of that value; any other text, and a
// number of no more digits (1.50 as its format writes it), is kept.
func asDisplayed(text string) string {
	s := strings.TrimSpace(text)
	v, err := strconv.ParseFloat(s, 64)
	dot := strings.IndexByte(s, '.')
	if err != nil || dot < 0 || strings.ContainsAny(s, "eE+") || math.IsInf(v, 0) || math.IsNaN(v) {
		return text
	}
	digits := strings.TrimLeft(strings.Replace(strings.TrimPrefix(s, "-"), ".", "", 1), "0")
	whole := len(strings.TrimLeft(strings.TrimPrefix(s[:dot], "-"), "0"))
	if len(digits) <= max(generalDigits, whole) {
		return text
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(v, 'g', max(generalDigits, whole), 64), 64)
	return strconv.FormatFloat(r, 'f', -1, 64)
}

// maxDenseCells bounds a sheet as excelize holds it: every row filled out
// to its last cell. A cell in column XFD makes a row 16,384 cells, so
// that 20,000 such rows (a 166 KB file) took gigabytes; a chart's sheet
// has some hundreds of cells.
const maxDenseCells = 2_000_000

var cellRefRE = regexp.MustCompile(`<(row|c)\b[^>]*?\sr="([A-Z]{0,3})([0-9]{1,7})"`)

// denseCells returns why a workbook's sheets are too big once filled out
// (rows × last column), or "" if they fit. It reads the sheets' XML as
// text, before excelize builds anything from it.
func denseCells(raw []byte, limit int64) string {
	z, err := zip.NewReader(bytes.NewReader(raw), int64(len(raw)))
	if err != nil {
		return "" // excelize has opened it; let it say what is wrong
	}
	for _, zf := range z.File {
		if !strings.HasPrefix(zf.Name, "xl/worksheets/") || !strings.HasSuffix(zf.Name, ".xml") {
			continue
		}
		r, err := zf.Open()
		if err != nil {
			continue
		}
		xml, _ := io.ReadAll(io.LimitReader(r, limit+1))
		r.Close()
		total, rowMax := 0, 0
		for _, m := range cellRefRE.FindAllSubmatch(xml, -1) {
			if string(m[1]) == "row" {
				total += rowMax
				rowMax = 0
				continue
			}
			col, _ := excelize.ColumnNameToNumber(string(m[2]))
			rowMax = max(rowMax, col)
			if total+rowMax > maxDenseCells {
				return fmt.Sprintf("a sheet (%s) spans more than %d cells once its rows are filled out to their last cell (a cell as far out as column %s); a chart needs a few hundred: copy the table into a new workbook", zf.Name, maxDenseCells, string(m[2]))
			}
		}
	}
	return ""
}

// colName is the spreadsheet name of column n (1 → A).
func colName(n int) string {
	if s, err := excelize.ColumnNumberToName(max(n, 1)); err == nil {
		return s
	}
	return fmt.Sprint(n)
}

var groupedRE = regexp.MustCompile(`^[-+]?[0-9]{1,3}(,[0-9]{3})+(\.[0-9]+)?$`)

// cellNumber reads a number as a spreadsheet shows it: "1,006", "14.98%",
// " 3079.3 " are fine.
func cellNumber(s string) (*Number, bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(strings.TrimSuffix(s, "%"), "％")
	s = strings.TrimSpace(s)
	if groupedRE.MatchString(s) {
		s = strings.ReplaceAll(s, ",", "")
	}
	s = strings.TrimPrefix(s, "+")
	if !decimalRE.MatchString(s) {
		if p := plainDigits(s); p != "" {
			s = p
		} else {
			return nil, false
		}
	}
	n := parseNum(s)
	return n, n != nil
}

// fromRows turns spreadsheet rows into the chart's data.
func (c *Chart) fromRows(rows [][]cell, where string, fail func(format string, args ...any) *Error) *Error {
	nonEmpty := func(row []cell) bool {
		for _, x := range row {
			if strings.TrimSpace(x.text) != "" {
				return true
			}
		}
		return false
	}
	var body [][]cell
	for _, row := range rows {
		if nonEmpty(row) {
			body = append(body, row)
		}
	}
	if len(body) == 0 {
		return fail("%s holds no data; put the labels in the first column and the values in the next", where)
	}
	// One column a series: for a kind whose points always carry one value
	// per series (grouped), or that may (line, area) when series: is given
	// or the rows hold more than one value.
	k, _ := chartKindOf(c.Type)
	grouped := k.series || slices.Contains(k.takes, "series") && (len(c.Series) > 0 || len(body[0]) > 2)
	// A header: the first row's value cells are not numbers.
	head := body[0]
	isHeader := len(head) > 1
	for _, x := range head[min(1, len(head)):] {
		if _, ok := cellNumber(x.text); ok {
			isHeader = false
		}
	}
	if isHeader {
		if grouped && len(c.Series) == 0 {
			for _, x := range head[1:] {
				if t := strings.TrimSpace(x.text); t != "" {
					c.Series = append(c.Series, t)
				}
			}
		}
		body = body[1:]
	}
	if len(body) == 0 {
		return fail("%s has a header row but no data below it", where)
	}
	want := 1
	if grouped {
		want = max(1, len(c.Series))
	}
	for _, row := range body {
		at := fmt.Sprintf("%s, row %d", where, row[0].row)
		if len(row) < 1+want {
			col := colName(row[0].col + len(row))
			if len(row) > 0 {
				col = colName(row[len(row)-1].col + 1)
			}
			return fail("%s, column %s: no value; every row needs a label and %d value%s", at, col, want, plural(want))
		}
		p := Point{Label: strings.TrimSpace(row[0].text), From: at}
		if p.Label == "" {
			return fail("%s, column %s: the label is empty; write the category's name in the first column", at, colName(row[0].col))
		}
		for k := 1; k <= want; k++ {
			x := row[k]
			n, ok := cellNumber(x.text)
			if !ok {
				what := fmt.Sprintf("%q is not a number", x.text)
				if strings.TrimSpace(x.text) == "" {
					what = "the cell is empty"
				}
				return fail("%s, column %s: %s; write a plain number like 1006 or 14.98", at, colName(x.col), what)
			}
			if grouped {
				p.Values = append(p.Values, *n)
			} else {
				p.Value = *n
			}
		}
		c.Data = append(c.Data, p)
	}
	return nil
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}
