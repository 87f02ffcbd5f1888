package theme

import "github.com/brochure-dev/brochure/ink"

// report is a sober annual report (年度报告): a white cover on a pale tint
// with the title in navy over one red rule, the contents before the body,
// numbered sections opened by a large numeral beside their title,
// figures in hairline boxes, body type a size larger on a looser grid,
// and a restrained palette of navy, orange and greys (the UK Analysis
// Function's duo; the red only for the cover's rule).
//
// Learned on the pages: poppler reads two columns as one when the leading
// is over 1.5 times the body size (10.5 on 18, as the brief had it, read
// every example's columns interleaved), and at exactly 1.5 (10 on 15) it
// joins or parts two lines as rounding falls, so that a column's last
// line at a page's foot was read after the next column; and a column
// under about 23 characters has lines that a long figure (3079.3万人次)
// cannot fill, which the breaker sets a little short (spread wider,
// extractors would read them with spaces); hence 10 on 14.9 and a 22 pt
// gutter, and one column on A5. The headline's figures are 20 pt over
// 13 pt words: poppler parts a line where the size grows by more than 0.6
// of the size before, and a figure in 24 pt late in the headline ("… rises
// to 2.9 million tonnes a day") made a block of its own over column 2,
// which it read between the columns (this opener has no text under the
// headline that spans both columns, as newspaper's deck does).
func report() Theme {
	return Theme{
		About: [2]string{"年度报告：朴素、细线、编号章节、目录", "a sober annual report with contents and numbered sections"},
		Palette: Palette{Primary: "#12436D", Accent: "#C0501B", Ink: "#1A1A1A", Muted: "#5C5C5C", Rule: "#BFBFBF", Tint: "#EEF1F4",
			Good: "#12436D", Bad: "#B5121B"},
		Inks: []ink.Colour{
			press("#12436D", 0.83, 0.39, 0, 0.57),
			press("#C0501B", 0, 0.58, 0.86, 0.25),
			press("#EEF1F4", 0.06, 0.02, 0, 0.04),
			press("#C8161D", 0, 0.9, 0.85, 0.15),
		},
		Contents: true,
		Scale: Scale{Folio: 7.5, Label: 8.5, Body: 10, Lead: 14.9, Title: 13, HeadWord: 13, HeadPlain: 18, HeadNum: 20,
			Stat: 24},
		Grid: Grid{MarginX: 50, MarginTop: 64, MarginBottom: 62, Gutter: 22, ThreeFrom: 720, OneBelow: 360,
			SectionGap: 24, FigureGap: 18, CardGap: 12, TextGap: 18, Figures: 2},
		Cover: Cover{Fill: "tint", Text: "primary", Rule: "#C8161D", Figures: 0.85, Band: 330, TitleTop: 96,
			TitleSizes:   []float64{40, 36, 32, 28, 24},
			Organization: 12, Subtitle: 18, Date: 11, Summary: 13, Heading: 13, HeadingRule: 0.8, PanelTop: 34},
		Opener: Opener{Kind: "numeral", Han: true, Rule: 0.8, Number: 34, Format: "%02d", Underline: 0.5},
		Card:   Card{Kind: "box", Pad: 8, Band: "tint", Bar: 0.5, Inset: 9, Unit: 10.0 / 24}, // the unit in the body size
		Chart:  Chart{Label: 8},
		Table:  Table{Rules: [3]float64{0.8, 0.4, 0.8}, Cell: 8.5},
	}
}

func init() { register("report", report) }
