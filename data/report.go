// Package data is the report format: the Go types a report.yaml decodes
// into, Load (YAML with source positions) and Validate.
//
// Every value keeps where it was written, so that any later stage (a
// missing glyph found by layout, a bad chart value) can point the user at
// file:line:column. Positions are kept beside the plain Go values, keyed by
// the field path ("sections[2].body"), so the types stay easy to use.
package data

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// Report is one brochure's content: cover fields and the sections.
type Report struct {
	Title        string
	Subtitle     string
	Organization string
	Byline       string
	Summary      string // a few sentences on the cover, when few key figures leave it room
	Logo         *Logo  // the organization's emblem on the cover; nil for none
	Date         string // "YYYY-MM-DD" as written, or empty
	Language     string // a BCP 47 tag (see locale.Parse); "zh-CN" by default
	Theme        Theme
	Print        Print
	TOC          bool // a contents page after the cover
	QR           *QR  // a QR code on the back cover, or at the foot of the last page; optional
	Sections     []Section

	// File is the path the report was loaded from ("" for Parse with no
	// name); Dir is the directory relative paths in the report resolve
	// against.
	File string
	Dir  string

	pos   map[string]Pos  // field path -> where its value starts
	spans map[string]span // field path -> how a string value was written, for Locate
	bad   map[string]bool // field paths decoding already reported a problem at
	src   []string        // source lines, "\r" removed, for Locate
	loc   *locator        // Locate's last walk
	opts  Options         // the limits it was loaded with
}

// Logo is the organization's emblem: an SVG drawing (drawn as vector
// shapes) or a PNG or JPEG picture, relative to the report's folder. The
// cover carries it; with Header, the running head of every page too.
// Written as the file alone (logo: images/emblem.svg) or as a mapping
// (logo: {file: images/emblem.svg, header: true}).
type Logo struct {
	File   string
	Header bool
}

// Theme holds the optional look settings.
type Theme struct {
	Style       string  // the look: one of package theme's (theme.Names); empty: theme.Default
	Paper       string  // "A4" (default), "A5", "B5", "Letter" or "WxH" in mm
	Orientation string  // "portrait" (default) or "landscape"
	Primary     string  // "#RRGGBB"
	Accent      string  // "#RRGGBB"
	Indent      *Number // first-line indent of body paragraphs, in characters (default 2)
	Fonts       Fonts
}

// Print holds what the print shop needs: bleed, crop marks, a booklet
// (saddle stitch) and how far photos are downsampled.
type Print struct {
	Bleed   string  // "3mm" (or a number of mm); empty: no bleed
	Marks   bool    // crop and centre marks outside the bleed
	Booklet bool    // pad to a multiple of 4 pages (the key figures, a notes page when they run out) and a back cover
	Quality *Number // JPEG quality (1..100) of downsampled photos; default 85
	// Standard "pdf/x-4" builds for a CMYK press (as build --pdfx);
	// Profile is the press's CMYK .icc, relative to the report (default
	// FOGRA39).
	Standard, Profile string
}

// BleedMM returns the bleed in mm (0 when none or unreadable; Validate
// reports the latter).
func (p Print) BleedMM() float64 {
	s := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(p.Bleed), "mm"))
	if s == "" {
		return 0
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f < 0 || math.IsNaN(f) || math.IsInf(f, 0) {
		return 0
	}
	return f
}

// Fonts name the faces that replace the embedded Noto Sans SC (Regular,
// Bold, Black), set the body in a serif (Serif), or draw the characters
// the others lack (Fallback: several, separated by commas, tried in
// turn). Each is a font file relative to the report's folder (.ttf,
// .otf, .ttc with "#index" or "#name") or the family name of an installed
// font. Empty means the language's face.
type Fonts struct {
	Regular, Bold, Black, Serif, Fallback string
}

// Section is one part of the report: a headline of big numbers, a title,
// the figures as data, paragraphs, charts and photos.
type Section struct {
	Title    string
	Icon     string // the name of a bundled icon (package icons) set beside the section's number
	Headline string
	Stats    []Stat
	Body     string // paragraphs separated by blank lines, with the Markdown subset of Parts
	Charts   []Chart
	Photos   []Photo
	Quote    *Quote // a pull quote set in the text; optional
	QR       *QR    // a QR code at the section's end; optional
	Tables   []Table
	Timeline []Event
}

// Paragraphs returns the text of each part of Body (see Parts) without
// markup: paragraphs split at blank lines, list items and subheadings,
// each one's lines joined without a separator (Chinese text has no spaces
// between lines), with surrounding white space trimmed.
func (s Section) Paragraphs() []string { return paragraphs(s.Body) }

// Stat is one figure: prefix, value, unit and what it counts.
type Stat struct {
	Value  Number
	Prefix string // e.g. "近"
	Unit   string // e.g. "余场", "%", "万人次", "亿元"
	Label  string
	Change string // "", "up" or "down"
	Note   string // a line printed small under the label, e.g. "同比增长12%"
	Source string // where the figure comes from, printed small at the card's foot, e.g. "数据来源：市统计局"
	Icon   string // the name of a bundled icon (package icons) set above the figure
	Format string // "" (the card decides: see layout) | full | wan | yi | auto: see package number
}

// Number is a figure with the precision it was written with: 14.98 stays
// "14.98", 3079.3 stays "3079.3".
type Number struct {
	Value float64
	Text  string
}

// String returns the number as written.
func (n Number) String() string { return n.Text }

// Chart is one chart of a section. Which fields apply depends on Type:
// each kind is a file, chart_<type>.go, that says which fields it takes
// besides the common ones (type, title, unit, prefix, format, decimals,
// alt): a list of points (Data), points with a value a series (Series, and
// Values in Data), or one share (Value and Total, or Percent).
type Chart struct {
	Type    string // the kind (ChartKinds)
	Title   string
	Unit    string
	Data    []Point
	Value   *Number
	Total   *Number
	Percent *Number

	Prefix   string   // set before every value, e.g. "约"
	Format   string   // "" (as written) | wan | yi | auto: see package number
	Decimals *int     // fixed decimals for every value; nil: as written
	Better   string   // lower | higher: which direction is good news
	Series   []string // the series' names, in the order of each point's Values
	Source   *Source  // data: {file: ...}: Data was read from this file

	Highlight string  // the label of the point to stand out
	Target    *Number // a reference value, drawn as a dashed line
	Zero      *bool   // false lets the value axis start above zero; nil is true

	Note string // a small line under the chart, where its data comes from: "数据来源：市统计局"
	Alt  string // the chart in words for readers who cannot see it; "" writes it from the data (charts.Alt)
}

// Source is a spreadsheet a chart's data comes from.
type Source struct {
	File     string // as written, relative to the report's folder
	Sheet    string // xlsx: the sheet's name; default the first
	Range    string // xlsx: e.g. "A1:B5"; default the used area
	Encoding string // csv: "" (detect), "utf-8" or "gbk"
}

// Fraction returns the share a donut or progress chart shows, in 0..1.
func (c Chart) Fraction() float64 {
	if c.Percent != nil {
		return c.Percent.Value / 100
	}
	if c.Value != nil && c.Total != nil && c.Total.Value > 0 {
		return c.Value.Value / c.Total.Value
	}
	return 0
}

// Point is one bar or slice.
type Point struct {
	Label  string
	Value  Number
	Unit   string   // overrides the chart's unit for this point, optional
	Values []Number // grouped: one value per series

	// From says where a point read from a spreadsheet came from
	// ("traffic.csv row 3", "stats.xlsx sheet 交管 row 3"), for messages;
	// "" for points written in the report.
	From string
}

// Photo is a picture with its caption; with no File (a photo to come) it
// is left out, or set as a marked placeholder frame in a draft (see
// layout.Options.sets).
type Photo struct {
	File    string
	Caption string
	Focus   []Number // the point kept in view when cropping: [x, y], 0..1 from the top left; default [0.5, 1/3] (layout.focus)
	Fit     string   // "cover" (default): the photo fills a frame of its own shape; "contain": all of it shows in a 3:2 frame
	Alt     string   // what the photo shows, for readers who cannot see it (a tagged PDF's alternative text)
}

// Pos is a place in a source file. Line and Col count from 1; Col counts
// characters (runes), not bytes, the way editors show it.
type Pos struct {
	File string
	Line int
	Col  int
}

func (p Pos) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.File == "":
		return fmt.Sprintf("%d:%d", p.Line, p.Col)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}
