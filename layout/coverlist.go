package layout

import (
	"fmt"
	"math"

	"github.com/brochure-dev/brochure/internal/structure"
)

// coverEntry is a line of the cover's designed contents: the section's
// number set large in the primary colour, its title beside it and its
// headline under the title as a deck, a hairline under them; a link to
// the section, as a line of the contents is.
type coverEntry struct {
	n           int
	title, deck string
	size        float64 // the title's size
	numW        float64 // the numbers' column
	theme       Theme

	lbl, link *structure.Elem
}

// coverSizes are the title sizes of the cover's designed contents, on A4,
// largest first.
var coverSizes = []float64{34, 31, 28, 25, 22, 19, 16}

// designedContents is the cover's list of the sections (under heading)
// set large at the largest of coverSizes that fits h, one section a line
// with its headline: nil when none fits.
func (d *Document) designedContents(heading string, w, h float64) []Block {
	th, g := d.Theme, d.geo
	for _, s := range coverSizes {
		size := g.display(s)
		list := []Block{
			&Paragraph{Spans: []Span{th.span(heading, th.Black, th.Cover.Heading, th.Primary)}, Setting: Setting{Align: Left}, After: 6},
			Rule{Color: th.Primary, Thickness: th.Cover.HeadingRule, After: math.Round(size * 0.6)},
		}
		numW := 0.0
		for i := range d.Report.Sections {
			numW = max(numW, th.Black.Width(th.number(i), size*1.4))
		}
		numW += size * 0.6
		for i, s := range d.Report.Sections {
			list = append(list, &coverEntry{n: i, title: s.Title, deck: s.Headline, size: size, numW: numW, theme: th})
		}
		total := 0.0
		for _, b := range list {
			total += b.Measure(w)
		}
		if total <= h {
			return list
		}
	}
	return nil
}

func (e *coverEntry) paras() (title, deck *Paragraph) {
	th := e.theme
	title = &Paragraph{Spans: []Span{th.span(e.title, th.Bold, e.size, th.Ink)}, Setting: Setting{Align: Left, PhraseBreaks: true}, Leading: math.Round(e.size * 1.3)}
	if e.deck != "" {
		ds := max(math.Round(e.size*0.6*2)/2, th.Scale.Label)
		deck = &Paragraph{Spans: []Span{th.span(e.deck, th.Regular, ds, th.Muted)}, Setting: Setting{Align: Left, PhraseBreaks: true}, Leading: math.Round(ds * 1.5)}
	}
	return title, deck
}

// gap is the space under the entry, its hairline in the middle.
func (e *coverEntry) gap() float64 { return math.Round(e.size * 0.9) }

func (e *coverEntry) Measure(w float64) float64 {
	title, deck := e.paras()
	h := max(title.Measure(w-e.numW), e.size*1.4)
	if deck != nil {
		h += 2 + deck.Measure(w-e.numW)
	}
	return h + e.gap()
}

func (e *coverEntry) Split(w, h float64) (Block, Block) { return unparted(e, w, h) }

func (e *coverEntry) Draw(c *Canvas, x, y, w float64) error {
	th := e.theme
	title, deck := e.paras()
	big := e.size * 1.4
	// the number's baseline on the title's first
	base := y + baseline(e.size, title.Leading)
	c.Begin(e.lbl)
	c.Text(th.number(e.n), th.Black, big, th.Primary, x, base)
	c.End()
	c.Begin(e.link)
	if err := title.Draw(c, x+e.numW, y, w-e.numW); err != nil {
		return err
	}
	if deck != nil {
		if err := deck.Draw(c, x+e.numW, y+max(title.Measure(w-e.numW), e.size*1.4)+2, w-e.numW); err != nil {
			return err
		}
	}
	h := e.Measure(w)
	if to, ok := c.Dests[e.n]; ok && e.link != nil {
		to.Text = e.title
		c.Link(e.link, x, y, w, h-e.gap()/2, to)
	}
	c.End()
	c.Begin(nil)
	c.Line(x, y+h-e.gap()/2, x+w, y+h-e.gap()/2, 0.5, th.Rule)
	c.End()
	return nil
}

// tag implements tagger: as a line of the contents.
func (e *coverEntry) tag(parent *structure.Elem) {
	li := parent.Add(structure.LI)
	e.lbl = li.Add(structure.Lbl)
	e.link = li.Add(structure.LBody).Add(structure.Link)
}

// heroGap is the space under the cover's hero photos, pt on A4.
const heroGap = 18.0

// hero is a row of one to three of the report's photos (the first that
// print sharp at the row's width, section by section) to set under the
// cover's band, at most h tall: the row that shows the most of them, each
// frame between 2:1 and 2:3 and none printing under dpiWarn; nil when the
// report has no photo that fills a sixth of the page's height so.
func (d *Document) hero(w, h float64) Block {
	g := d.geo
	var photos []*photoBlock
	for i, s := range d.Report.Sections {
		for k, p := range s.Photos {
			if p.File == "" || p.Fit == "contain" {
				continue
			}
			if b, ok := d.photo(fmt.Sprintf("sections[%d].photos[%d]", i, k), p).(*photoBlock); ok && b.px > 0 {
				photos = append(photos, b)
			}
		}
	}
	var best []Block
	bestArea := 0.0
	for n := 1; n <= 3; n++ {
		cw := (w - g.Gutter*float64(n-1)) / float64(n)
		fh := min(h, 1.5*cw)
		var row []*photoBlock
		for _, p := range photos {
			if len(row) < n && float64(p.px)*72/cw >= dpiWarn {
				row = append(row, p)
				fh = min(fh, float64(p.py)*72/dpiWarn)
			}
		}
		if len(row) < n || fh < cw/2 || fh < g.H/6 {
			continue
		}
		if area := float64(n) * cw * fh; area > bestArea*1.1 {
			best, bestArea = nil, area
			for _, p := range row {
				c := *p
				c.ratio, c.bare = math.Floor(fh)/cw, true
				best = append(best, &c)
			}
		}
	}
	if best == nil {
		return nil
	}
	return &Row{Cells: best, Columns: len(best), Gutter: g.Gutter, After: g.display(heroGap)}
}
