package theme

import "github.com/brochure-dev/brochure/ink"

// poster is the 一图读懂 style: one message a panel, read top to bottom.
// A deep band of blue over the cover with the title large and the key
// figures bigger; each section opened by a band of Primary across the
// page with its number and title in white; figures large on tinted
// panels; every chart and photo the full width; body text short, in a
// larger sans. Its second colour (a chart's second series, a falling
// figure) is a deep orange, Okabe–Ito's vermilion darkened to 4.5:1 on
// white: the navy it had was the blue's own hue, 1.7:1 apart, and a
// grouped bar chart's two years could not be told apart in print.
func poster() Theme {
	return Theme{
		About: [2]string{"一图读懂：大色块、大数字、通栏图表", "一图读懂: bands, big figures"},
		Palette: Palette{Primary: "#0067A5", Accent: "#C4540A", Ink: "#1A1A1A", Muted: "#555555", Rule: "#C9D6E0", Tint: "#E6F0F6",
			Good: "#0067A5", Bad: "#C8161D"},
		Inks: []ink.Colour{
			press("#0067A5", 1, 0.45, 0, 0.1),
			press("#C4540A", 0, 0.75, 1, 0.1),
			press("#E6F0F6", 0.1, 0.03, 0, 0),
		},
		Scale: Scale{Folio: 7.5, Label: 9, Body: 10.5, Lead: 15.5, Title: 14, HeadWord: 16, HeadPlain: 20, HeadNum: 34,
			Stat: 34},
		Grid: Grid{MarginX: 36, MarginTop: 56, MarginBottom: 52, Gutter: 24, ThreeFrom: 760, OneBelow: 300,
			SectionGap: 22, FigureGap: 16, CardGap: 12, TextGap: 14, Figures: 1},
		Cover: Cover{Fill: "primary", Text: "paper", Figures: 1.25, Band: 340, TitleTop: 64,
			TitleSizes:   []float64{54, 48, 42, 36, 30},
			Organization: 13, Subtitle: 22, Date: 11, Summary: 15, Heading: 16, HeadingRule: 3, PanelTop: 30},
		Opener: Opener{Kind: "band", Han: true, Rule: 0, Number: 20, Format: "%02d", Underline: 0},
		Card:   Card{Kind: "panel", Pad: 10, Bar: 0, Inset: 10, Unit: 14.0 / 34}, // the unit in the title size
		Chart:  Chart{Label: 9},
		Table:  Table{Zebra: true, Rules: [3]float64{0, 1.5, 0}, Cell: 9},
	}
}

func init() { register("poster", poster) }
