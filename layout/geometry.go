package layout

import (
	"math"

	"github.com/brochure-dev/brochure/data"
	crop "github.com/brochure-dev/brochure/internal/marks"
	"github.com/brochure-dev/brochure/theme"
)

// mm is one millimetre in pt.
const mm = 72 / 25.4

// geometry is a document's page: the trim size and what scales with it
// (margins, gutter, the number of text columns, the cover's display
// sizes), and the print additions outside the trim (bleed, room for crop
// marks). Every position layout decides is relative to the trim's top-left
// corner; Write moves it by off() onto the larger sheet.
//
// What scales: margins and gutter scale with the page's short side (an A5
// page has A4's proportions at 0.71), the cover's display sizes with its
// square root. Text sizes do not: 9.5 pt body is the newspaper's size on
// any paper, and a smaller page gets narrower columns, not smaller type.
type geometry struct {
	W, H                             float64 // trim, pt
	MarginX, MarginTop, MarginBottom float64
	Gutter                           float64
	Columns                          int     // body text columns
	Scale                            float64 // short side / A4's short side
	Bleed                            float64 // pt, 0 when none
	Marks                            bool    // crop and centre marks outside the bleed
}

// The A4 page, pt: the reference the other sizes scale from.
const pageW, pageH = 595.28, 841.89

func newGeometry(r *data.Report, grid theme.Grid) geometry {
	wmm, hmm, ok := data.PaperMM(r.Theme.Paper)
	if !ok {
		wmm, hmm = 210, 297
	}
	w, h := wmm*mm, hmm*mm
	if (r.Theme.Orientation == "landscape") != (w > h) {
		w, h = h, w
	}
	s := math.Min(w, h) / pageW
	if math.Abs(w-pageW) < 0.5 && math.Abs(h-pageH) < 0.5 {
		w, h, s = pageW, pageH, 1 // the reference exactly
	}
	g := geometry{
		W: w, H: h, Scale: s,
		MarginX:      math.Round(grid.MarginX*s*10) / 10,
		MarginTop:    math.Round(grid.MarginTop*s*10) / 10,
		MarginBottom: math.Round(grid.MarginBottom*s*10) / 10,
		Gutter:       math.Round(grid.Gutter*s*10) / 10,
		Bleed:        r.Print.BleedMM() * mm,
		Marks:        r.Print.Marks,
	}
	switch cw := g.contentW(); {
	case cw >= grid.ThreeFrom:
		g.Columns = 3
	case cw >= grid.OneBelow:
		g.Columns = 2
	default:
		g.Columns = 1
	}
	return g
}

func (g geometry) contentW() float64 { return g.W - 2*g.MarginX }

// band is the height of the cover's coloured band, a4 pt on A4, in
// proportion on other papers.
func (g geometry) band(a4 float64) float64 { return math.Round(g.H * a4 / pageH) }

// figureW is the width of a chart or photo: one of the two of a row.
func (g geometry) figureW() float64 { return (g.contentW() - g.Gutter) / 2 }

// The folio stands folioDrop below the frame's foot (scaled by
// folioScale), the rule over it footRuleOver above it.
const (
	folioDrop    = 18.0
	footRuleOver = 6.0
)

// folioScale is how the folio's distance to the text scales with the
// page: less than the margins, since the folio keeps its size.
func (g geometry) folioScale() float64 { return (1 + g.Scale) / 2 }

// frame is where the body flows.
func (g geometry) frame() Frame {
	return Frame{X: g.MarginX, Y: g.MarginTop, W: g.contentW(), H: g.H - g.MarginTop - g.MarginBottom}
}

// off is the distance from the sheet's edge to the trim.
func (g geometry) off() float64 {
	if g.Marks {
		return crop.Room(g.Bleed)
	}
	return g.Bleed
}

// media is the sheet: trim, bleed and the room for marks.
func (g geometry) media() (float64, float64) { return g.W + 2*g.off(), g.H + 2*g.off() }

// display scales a cover size with the page.
func (g geometry) display(size float64) float64 { return math.Round(size*math.Sqrt(g.Scale)*2) / 2 }
