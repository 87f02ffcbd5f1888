// Package theme holds the looks a brochure can take, as data: the palette,
// the faces by role, the type scale, the grid, and the design of the
// cover, the section opener, the stat card, the charts and the tables.
// Layout and charts take these from a Theme rather than from constants,
// so a new look is a new value, not new code: one file that registers it
// (see newspaper.go).
package theme

import (
	"fmt"
	"slices"

	"github.com/brochure-dev/brochure/charts"
	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/locale"
)

// Theme is the look of a document. The palette and the faces are
// embedded, so th.Primary and th.Bold read as what they are.
type Theme struct {
	Name string // the look's name, as theme: {style: …} writes it
	Palette
	Faces
	Locale locale.Locale // the report's language: labels, dates, regional faces

	Scale  Scale
	Grid   Grid
	Cover  Cover
	Opener Opener
	Card   Card
	Chart  Chart
	Table  Table
}

// Palette is a look's colours, "#RRGGBB".
type Palette struct {
	Primary string // brand: figures, rules, the cover's band
	Accent  string // falling figures, the second series
	Ink     string // text
	Muted   string // secondary text: labels, folios
	Rule    string // thin rules
	Tint    string // a light tint of Primary, for panels
	// Good and Bad are the colours of good and bad news: semantic, never
	// a brand colour.
	Good, Bad string
}

// Faces are the fonts by weight. Body text is set in Serif when there is
// one, else Regular; labels and bylines in Regular; headline words and
// units in Bold; figures, numbers and headings in Black.
type Faces struct {
	Regular, Bold, Black *fonts.Face
	Serif                *fonts.Face   // the body's face when set; nil: Regular
	Fallback             []*fonts.Face // draw, in turn, what the others lack
}

// Body is the face of body text.
func (f Faces) Body() *fonts.Face {
	if f.Serif != nil {
		return f.Serif
	}
	return f.Regular
}

// Scale is the type scale, pt. Text sizes do not scale with the paper:
// a smaller page gets narrower columns, not smaller type.
type Scale struct {
	Folio     float64 // running head, footer, captions' notes
	Label     float64 // stat labels, captions, chart labels
	Body      float64 // body text
	Lead      float64 // body line pitch: the page's grid
	Title     float64 // section titles, contents lines
	HeadWord  float64 // the words of a headline with figures
	HeadPlain float64 // a headline without figures
	HeadNum   float64 // the figures of a headline
	Stat      float64 // a stat card's figure
}

// Grid is the page's grid on A4 portrait, pt; margins and gutter scale
// with the paper's short side.
type Grid struct {
	MarginX, MarginTop, MarginBottom float64
	Gutter                           float64 // between text columns and figures
	// The body's text columns follow the width of the text: three from
	// ThreeFrom, one below OneBelow, else two.
	ThreeFrom, OneBelow float64
	SectionGap          float64 // after a section
	FigureGap           float64 // after a row of figures
	CardGap             float64 // after a row of stat cards
	TextGap             float64 // after a section's text
}

// Cover is the design of page 1: a band of Primary with the title, and
// the key figures below it.
type Cover struct {
	Band                         float64   // the band's height on A4
	TitleTop                     float64   // the title block's top on A4
	TitleSizes                   []float64 // the title's sizes, largest first; display sizes scale with the page
	Organization, Subtitle, Date float64   // sizes
	Summary                      float64   // the summary's size (display)
	Heading                      float64   // "key figures", "in this report"
	HeadingRule                  float64   // the rule under them
	PanelTop                     float64   // from the band's foot to the panel (display)
}

// Opener is the design of a section's head: a rule, the section's
// number, its headline and title, a thin rule.
type Opener struct {
	Rule      float64 // the rule above, pt
	Number    float64 // the number's size
	Format    string  // the number, as fmt writes it: "%02d"
	Underline float64 // the rule under the title
}

// Card is the design of a stat card: a bar in the figure's colour down
// its left side, the figure, its unit smaller, the label below.
type Card struct {
	Bar   float64 // the bar's width
	Inset float64 // from the bar to the text
	Unit  float64 // the unit's size, a share of the figure's
}

// Chart is the charts' styling that is not the palette's.
type Chart struct {
	Label float64 // the size of labels, ticks and legends
}

// Table is the design of tables.
type Table struct {
	Zebra bool       // tinted alternate rows (else rules only)
	Rules [3]float64 // top, under the header, bottom: pt, 0 for none
	Cell  float64    // the text's size
}

// Charts is the charts' Style in this look: its palette, faces and label
// size. lang is the language charts are told (see charts.Style.Lang).
func (th Theme) Charts(lang string) charts.Style {
	return charts.Style{Primary: th.Primary, Accent: th.Accent, Ink: th.Ink, Muted: th.Muted, Rule: th.Rule,
		Good: th.Good, Bad: th.Bad, Regular: th.Regular, Bold: th.Bold, Black: th.Black, FontSize: th.Chart.Label, Lang: lang}
}

var looks = map[string]func() Theme{}

// register adds a look; each look's file calls it from init.
func register(name string, look func() Theme) {
	if _, dup := looks[name]; dup {
		panic("theme: look registered twice: " + name)
	}
	looks[name] = look
}

// Default is the look of a report that names none.
const Default = "newspaper"

// Look returns the look called name, with the embedded faces and the
// Simplified Chinese locale: the caller sets the report's.
func Look(name string) (Theme, error) {
	look, ok := looks[name]
	if !ok {
		return Theme{}, fmt.Errorf("no look is called %q (there are %v)", name, Names())
	}
	th := look()
	th.Name = name
	return th, nil
}

// Names lists the looks, in alphabetical order.
func Names() []string {
	var names []string
	for n := range looks {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}
