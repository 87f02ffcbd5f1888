package theme

import "github.com/brochure-dev/brochure/ink"

// newspaper is a police bureau's data page in a newspaper: a red band
// over the cover, body text in two justified columns on a 14 pt grid,
// section heads led by a thick red rule and their figures, unboxed stat
// cards with a bar on their left.
func newspaper() Theme {
	return Theme{
		About: [2]string{"报纸数据版", "a paper's data page"},
		Palette: Palette{Primary: "#B5121B", Accent: "#1F4E9A", Ink: "#1A1A1A", Muted: "#6B6B6B", Rule: "#D9D9D9", Tint: "#F7EDEE",
			Good: "#1F4E9A", Bad: "#B5121B"},
		Inks: []ink.Colour{
			press("#B5121B", 0, 1, 0.9, 0.2),
			press("#1F4E9A", 1, 0.7, 0, 0.1),
			press("#F7EDEE", 0, 0.08, 0.05, 0),
		},
		Scale: Scale{Folio: 7.5, Label: 8, Body: 9.5, Lead: 14, Title: 13, HeadWord: 15, HeadPlain: 20, HeadNum: 28,
			Stat: 22},
		Grid: Grid{MarginX: 48, MarginTop: 62, MarginBottom: 58, Gutter: 26, ThreeFrom: 680, OneBelow: 300,
			SectionGap: 18, FigureGap: 16, CardGap: 14, TextGap: 14, Figures: 2},
		Cover: Cover{Fill: "primary", Text: "paper", Figures: 1, Band: 300, TitleTop: 70, TitleSizes: []float64{46, 40, 34, 30, 26},
			Organization: 12, Subtitle: 20, Date: 10, Summary: 15, Heading: 14, HeadingRule: 1.2, PanelTop: 34},
		Opener: Opener{Kind: "rule", Rule: 2.5, Number: 11, Format: "%02d", Underline: 0.6},
		Card:   Card{Kind: "bar", Bar: 2, Inset: 8, Unit: 9.5 / 22}, // the unit in the body size
		Chart:  Chart{Label: 8},
		Table:  Table{Rules: [3]float64{1, 0.3, 1}, Cell: 8},
	}
}

func init() { register("newspaper", newspaper) }
