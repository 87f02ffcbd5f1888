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
	"strings"
	"sync"

	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/ink"
	"github.com/brochure-dev/brochure/locale"
)

// Theme is the look of a document. The palette and the faces are
// embedded, so th.Primary and th.Bold read as what they are.
type Theme struct {
	Name string // the look's name, as theme: {style: …} writes it
	// About says what the look is, in Chinese (the schema's text of
	// style:) and in English (--style's help).
	About [2]string
	Palette
	Faces
	Locale locale.Locale // the report's language: labels, dates, regional faces

	// Inks are the print values (CMYK) of the palette's colours, for a
	// PDF/X build; greys need none.
	Inks []ink.Colour
	// Contents sets a list of the sections, with their pages, before the
	// body (as toc: true does on pages of its own).
	Contents bool

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

// Role names a colour of the palette, so that a design follows a brand
// colour the report sets: "primary", "accent", "ink", "muted", "rule",
// "tint", or "paper" (white).
type Role string

// Of is the colour of role r; an unknown role is Ink.
func (p Palette) Of(r Role) string {
	switch r {
	case "primary":
		return p.Primary
	case "accent":
		return p.Accent
	case "muted":
		return p.Muted
	case "rule":
		return p.Rule
	case "tint":
		return p.Tint
	case "paper":
		return "#FFFFFF"
	}
	return p.Ink
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
	Figures             int     // charts to a row of two text columns: 2, or 1 (every chart the full width); photos are two to a row (three columns set every figure on them)
}

// Cover is the design of page 1: a band of Primary with the title, and
// the key figures below it.
type Cover struct {
	Fill                         Role      // the band's colour
	Text                         Role      // the colour of the text on the band
	Rule                         string    `theme:"optional"` // a rule under the band's text ("#RRGGBB"), "" none: the report look's official red
	Figures                      float64   // the key figures' size, a share of newspaper's
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
	// Kind is the opener's design: "rule" (a thick rule, a small number,
	// the headline, the title as its deck), "numeral" (a large number
	// beside the title, the headline under it) or "band" (a band of
	// Primary across the column with the number and the title in white).
	Kind      string
	Han       bool    `theme:"optional"` // numbers as 一、二、三 in a Chinese report
	Rule      float64 `theme:"optional"` // the rule above, pt
	Number    float64 // the number's size
	Format    string  // the number, as fmt writes it: "%02d"
	Underline float64 `theme:"optional"` // the rule under the title
}

// Card is the design of a stat card: a bar in the figure's colour down
// its left side, the figure, its unit smaller, the label below.
type Card struct {
	// Kind is the card's design: "bar" (unboxed, a bar down its left),
	// "box" (a hairline box) or "panel" (on a tint of Primary).
	Kind  string
	Pad   float64 `theme:"optional"` // inside a box or panel, above and below
	Band  Role    `theme:"optional"` // the band behind a section's many cards; "": none
	Bar   float64 `theme:"optional"` // the bar's width
	Inset float64 // from the bar to the text
	Unit  float64 // the unit's size, a share of the figure's
}

// Chart is the charts' styling that is not the palette's.
type Chart struct {
	Label float64 // the size of labels, ticks and legends
}

// Table is the design of tables.
type Table struct {
	Zebra bool       `theme:"optional"` // tinted alternate rows (else rules only)
	Rules [3]float64 `theme:"optional"` // top, under the header, bottom: pt, 0 for none
	Cell  float64    // the text's size
}

var looks = map[string]func() Theme{}

// register adds a look; each look's file calls it from init.
func register(name string, look func() Theme) {
	if _, dup := looks[name]; dup {
		panic("theme: look registered twice: " + name)
	}
	looks[name] = look
}

// press is a colour of a look's palette with the process values chosen
// for print (cyan, magenta, yellow, black: 0 to 1), for Theme.Inks.
func press(hex string, c, m, y, k float64) ink.Colour {
	col, err := ink.Parse(hex)
	if err != nil {
		panic("theme: " + err.Error())
	}
	return ink.Colour{RGB: col.RGB, CMYK: [4]float64{c, m, y, k}, Given: true}
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
	th.Faces = Faces{Regular: fonts.Regular, Bold: fonts.Bold, Black: fonts.Black}
	th.Locale = locale.Must("")
	return th, nil
}

// Described lists the looks in words, the default first, each with what
// it is (About): in Chinese, "newspaper（报纸数据版，默认）、poster（…）或
// report（…）" (the schema's text of style:); in English (en), "newspaper
// (a paper's data page), poster (…) or report (…)" (--style's help).
func Described(en bool) string {
	d := described()
	if en {
		return d[1]
	}
	return d[0]
}

// described is Described's two texts, Chinese and English, written once:
// each look is built (to read its About) on the first call only, after
// every look's init has registered it.
var described = sync.OnceValue(func() [2]string {
	names := slices.DeleteFunc(Names(), func(n string) bool { return n == Default })
	names = append([]string{Default}, names...)
	var zh, en []string
	for _, n := range names {
		a := looks[n]().About
		if n == Default {
			zh = append(zh, n+"（"+a[0]+"，默认）")
		} else {
			zh = append(zh, n+"（"+a[0]+"）")
		}
		en = append(en, n+" ("+a[1]+")")
	}
	return [2]string{either(zh, "、", "或 "), either(en, ", ", " or ")}
})

// either joins parts as "a, b or c", with sep between all but the last
// two and or before the last.
func either(parts []string, sep, or string) string {
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], sep) + or + parts[len(parts)-1]
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
