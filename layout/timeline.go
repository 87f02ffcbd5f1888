package layout

import (
	"fmt"
	"math"
	"strings"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/internal/structure"
)

// A timeline (大事记): the entries down a vertical rule, each on a dot
// with its day before its text; the month stands large left of the rule
// where its first entry starts (its year over it when the year changes),
// and a larger dot marks it on the rule. It splits between entries, at
// the best break (see Split); the part on the next page starts with its
// month again, its year over it marked as going on ("2025（续）").

// timelineBlock is a timeline, or the part of one that a page holds.
type timelineBlock struct {
	events   []data.Event
	theme    Theme
	from, to int
	set      *timelineSet
	tags     *timelineTags // its elements in the structure tree (nil: untagged)
	// at is the first entry of the right column of a timeline set in two
	// (see twoColumns), 0 in one; side marks that column, whose first
	// year goes on from the left column's, not from a page before.
	at   int
	side bool
	cols *timelineSet // the entries set at a column's width (see columns)
}

// timelineSet is a timeline set at one width.
type timelineSet struct {
	w     float64
	day   []Line   // each entry's day ("23日"); Size 0 for a month
	text  [][]Line // each entry's text
	month []Line   // each entry's month label
	year  []Line   // each entry's year label
	cont  []Line   // each entry's year label on a part after the first: "2025（续）"
}

// The timeline's measures, pt.
const (
	tlMonthW   = 46.0 // the month column, left of the rule
	tlRuleGap  = 9.0  // from the month column to the rule
	tlTextGap  = 12.0 // from the rule to the day
	tlDayW     = 30.0 // the day column
	tlMonth    = 16.0 // the month's size
	tlEntryGap = 6.0  // between entries of a month
	tlGroupGap = 9.0  // before a new month: a month of one entry takes about two lines of the grid
	tlLabelGap = 3.0  // the least space between a month's label (its year over it) and the label above
	tlAfter    = 16.0
)

// The entries' text is the look's body text, on its leading: a timeline
// in a smaller size of its own added a seventh size to the page.
func (b *timelineBlock) size() float64 { return b.theme.Scale.Body }
func (b *timelineBlock) lead() float64 { return b.theme.Scale.Lead }

func (d *Document) timeline(events []data.Event) Block {
	return &timelineBlock{events: events, theme: d.Theme, to: len(events)}
}

func (b *timelineBlock) textX() float64 { return tlMonthW + tlRuleGap + tlTextGap + tlDayW }

// textAt is where an entry's text starts: after its day, or, for an
// entry of a whole month (no day), where the day would stand, so that no
// gap opens between its dot and its text (the month, left of the rule,
// is its date).
func (b *timelineBlock) textAt(day bool) float64 {
	if day {
		return b.textX()
	}
	return b.textX() - tlDayW
}

func (b *timelineBlock) layout(w float64) *timelineSet {
	if b.set != nil && b.set.w == w {
		return b.set
	}
	th := b.theme
	s := &timelineSet{w: w}
	one := func(text string, size float64, face bool, color string) Line {
		f := th.Bold
		if face {
			f = th.Black
		}
		ls := Break([]Span{th.span(text, f, size, color)}, 1e6, Setting{Align: Left})
		if len(ls) == 0 {
			return Line{}
		}
		return ls[0]
	}
	align := Justify
	if th.Locale.English() {
		align = Left // a narrow measure of English, justified, opens holes between words
	}
	for _, e := range b.events {
		t, day := e.Time()
		d := Line{}
		if day {
			d = one(th.Locale.DayOnly(t), b.size(), false, th.Primary)
		}
		s.day = append(s.day, d)
		s.month = append(s.month, one(th.Locale.MonthOnly(t), tlMonth, true, th.Primary))
		s.year = append(s.year, one(fmt.Sprint(t.Year()), th.Scale.Folio, false, th.Muted))
		s.cont = append(s.cont, one(fmt.Sprint(t.Year())+th.Locale.Labels.Continued, th.Scale.Folio, false, th.Muted))
		s.text = append(s.text, Break([]Span{th.span(strings.TrimSpace(e.Text), th.Body(), b.size(), th.Ink)}, w-b.textAt(day), Setting{Align: align, TrimStart: true}))
	}
	b.set = s
	return s
}

// opens reports whether entry i starts a month in this part.
func (b *timelineBlock) opens(i int) bool {
	if i == b.from {
		return true
	}
	a, _ := b.events[i-1].Time()
	t, _ := b.events[i].Time()
	return a.Year() != t.Year() || a.Month() != t.Month()
}

// showsYear reports whether entry i's month shows its year: the first
// month of the part, and a month of another year than the one before.
func (b *timelineBlock) showsYear(i int) bool {
	if i == b.from {
		return true
	}
	a, _ := b.events[i-1].Time()
	t, _ := b.events[i].Time()
	return a.Year() != t.Year()
}

// tops returns where each entry of the part starts below the part's top,
// and the part's height without the space after it. A month's entries
// take at least the height of its label, so that the next month's label
// does not run into it; a label with its year over it (a new year) starts
// tlLabelGap below the label above at least, the year included.
func (b *timelineBlock) tops(s *timelineSet) ([]float64, float64) {
	var tops []float64
	y, group := b.above(), 0.0 // group: where the month began
	for i := b.from; i < b.to; i++ {
		if b.opens(i) {
			if i > b.from {
				y = max(y, group+b.below()) + tlGroupGap
				if top, _ := b.label(i, y); top < group+b.below()+tlLabelGap {
					y += group + b.below() + tlLabelGap - top
				}
			}
			group = y
		} else {
			y += tlEntryGap
		}
		tops = append(tops, y)
		y += float64(max(1, len(s.text[i]))) * b.lead()
	}
	return tops, max(y, group+b.below())
}

// A month's label is centred on its first entry's first line: it and the
// year over it reach above that entry's top, and below it.
func (b *timelineBlock) above() float64 {
	return tlMonth*0.6 + b.theme.Scale.Folio*1.4 - b.lead()/2
}

func (b *timelineBlock) below() float64 { return b.lead()/2 + tlMonth*0.6 }

// label returns where entry i's month label (its year over it when it
// shows one) starts and ends, for the entry starting at top.
func (b *timelineBlock) label(i int, top float64) (float64, float64) {
	mid := top + b.lead()/2
	from := mid - tlMonth*0.6
	if b.showsYear(i) {
		from -= b.theme.Scale.Folio * 1.4
	}
	return from, mid + tlMonth*0.6
}

// Measure implements Block.
func (b *timelineBlock) Measure(w float64) float64 {
	if b.at > 0 {
		l, r, cw := b.columns(w)
		_, lh := l.tops(l.layout(cw))
		_, rh := r.tops(r.layout(cw))
		return max(lh, rh) + tlAfter
	}
	_, h := b.tops(b.layout(w))
	return h + tlAfter
}

// columns are the left and right columns of a timeline set in two, and
// their width.
func (b *timelineBlock) columns(w float64) (l, r *timelineBlock, cw float64) {
	cw = (w - b.theme.Grid.Gutter) / 2
	one := *b
	one.at, one.cols, one.set = 0, nil, b.cols
	s := one.layout(cw)
	b.cols = s
	l, r = &one, &timelineBlock{}
	*r = one
	l.to, r.from, r.side = b.at, b.at, true
	return l, r, cw
}

// twoColumns is the timeline, whole, set in two columns side by side
// (January to June, July to December), or nil where a column's text would
// be narrower than tlColumnEms of its size: a wide page's way to keep
// a timeline whole where it begins. The columns part at the break that
// sets them most nearly even, or at a better one (see breakRank) that
// makes them at most tlBreakSlack lines taller.
func (b *timelineBlock) twoColumns(w float64) *timelineBlock {
	if b.at > 0 || b.from > 0 || b.to-b.from < 2*tlLeast {
		return nil
	}
	if (w-b.theme.Grid.Gutter)/2-b.textX() < tlColumnEms*b.size() {
		return nil
	}
	two := *b
	defer func() { b.cols = two.cols }() // kept for the next page's try
	heights := map[int]float64{}         // by the right column's first entry
	least := math.Inf(1)
	for k := b.from + tlLeast; k <= b.to-tlLeast; k++ {
		two.at = k
		heights[k] = two.Measure(w)
		least = min(least, heights[k])
	}
	best := -1
	for k := b.from + tlLeast; k <= b.to-tlLeast; k++ {
		if heights[k] <= least+tlBreakSlack*b.lead()+1e-6 && (best < 0 || b.breakRank(k) > b.breakRank(best)) {
			best = k
		}
	}
	two.at = best
	return &two
}

// tlColumnEms is the narrowest measure, in ems of the text's size, of a
// timeline's text in a column of two: narrower, its entries run to more
// lines than two columns save.
const tlColumnEms = 24

// Split implements Block: between entries, tlLeast at least on each
// side, at the best break that fits (see breakRank): of the breaks whose
// part fits in h, the best ranked of those that leave at most
// tlBreakSlack lines more room than the latest, the latest of them.
// Whether a page may part a timeline at all is the page's to say (see
// how.split): a timeline is read as one list, kept whole but against a
// blank band.
func (b *timelineBlock) Split(w, h float64) (Block, Block) {
	if b.Measure(w) <= h+1e-6 {
		return b, nil
	}
	if b.at > 0 {
		one := *b
		one.at, one.cols = 0, nil
		return one.Split(w, h)
	}
	if two := b.twoColumns(w); two != nil && two.Measure(w) <= h+1e-6 {
		return two, nil // whole, in two columns
	}
	var fit []int // the breaks whose part fits, in order
	for k := b.from + tlLeast; k <= b.to-tlLeast; k++ {
		head := *b
		head.to = k
		if head.Measure(w) > h+1e-6 {
			break
		}
		fit = append(fit, k)
	}
	if len(fit) == 0 {
		return nil, b
	}
	head := *b
	head.to = fit[len(fit)-1]
	least := head.Measure(w) - tlBreakSlack*b.lead()
	best := -1
	for _, k := range fit {
		part := *b
		part.to = k
		if part.Measure(w) >= least-1e-6 && (best < 0 || b.breakRank(k) >= b.breakRank(best)) {
			best = k
		}
	}
	head.to = best
	tail := *b
	tail.from = best
	return &head, &tail
}

// tlLeast is the fewest entries a part of a parted timeline holds: two
// entries under a repeated year read as leftovers, not as a list.
const tlLeast = 3

// tlBreakSlack is how many lines of room a timeline's part may give up
// to end at a better break (see breakRank) than the latest that fits.
const tlBreakSlack = 3

// breakRank ranks the break before entry k, as a designer parts a year's
// list: at the year's change or its half (after June) 3, at a quarter's
// end 2, at a month's 1, within a month 0.
func (b *timelineBlock) breakRank(k int) int {
	a, _ := b.events[k-1].Time()
	t, _ := b.events[k].Time()
	switch {
	case a.Year() != t.Year() || (a.Month() <= 6) != (t.Month() <= 6):
		return 3
	case (a.Month()-1)/3 != (t.Month()-1)/3:
		return 2
	case a.Month() != t.Month():
		return 1
	}
	return 0
}

// Draw implements Block: the rule, then each entry (its month, its dot,
// its day, its text) from the top.
func (b *timelineBlock) Draw(c *Canvas, x, y, w float64) error {
	if b.at > 0 {
		l, r, cw := b.columns(w)
		if err := l.Draw(c, x, y, cw); err != nil {
			return err
		}
		return r.Draw(c, x+cw+b.theme.Grid.Gutter, y, cw)
	}
	s := b.layout(w)
	th := b.theme
	rx := x + tlMonthW + tlRuleGap
	tops, h := b.tops(s)
	c.FillRect(rx-0.5, y+tops[0]+b.lead()/2, 1, h-tops[0]-b.lead()/2, th.Rule)
	for k, i := 0, b.from; i < b.to; k, i = k+1, i+1 {
		top := y + tops[k]
		mid := top + b.lead()/2
		label, body := b.tags.entry(i)
		day := s.day[i]
		// the month and year are drawn once for a month's entries: the
		// label says the whole date (an event of a month has no day, so
		// its month is its label)
		var month *structure.Elem
		if len(day.Glyphs) == 0 {
			month = label
		}
		if b.opens(i) {
			yy, _ := b.label(i, top)
			c.Begin(month)
			if b.showsYear(i) {
				l := s.year[i]
				if i > 0 && i == b.from && !b.side {
					l = s.cont[i] // a part after the first: the year goes on
				}
				// flush right over the month, or from the column's left
				// when wider (the rule begins below it)
				c.TextLine(l, x+max(0, tlMonthW-l.Natural), yy+baseline(th.Scale.Folio, th.Scale.Folio*1.4))
			}
			l := s.month[i]
			c.TextLine(l, x+tlMonthW-l.Natural, mid-tlMonth*0.6+baseline(tlMonth, tlMonth*1.2))
			c.End()
			c.Dot(rx, mid, 4, th.Primary)
			c.Dot(rx, mid, 1.8, "#FFFFFF")
		} else {
			c.Dot(rx, mid, 2.6, th.Primary)
		}
		if len(day.Glyphs) > 0 {
			c.Begin(label)
			c.TextLine(day, rx+tlTextGap, top+baseline(b.size(), b.lead()))
			c.End()
		}
		c.Begin(body)
		for n, l := range s.text[i] {
			c.TextLine(l, x+b.textAt(len(day.Glyphs) > 0), top+float64(n)*b.lead()+baseline(b.size(), b.lead()))
		}
		c.End()
	}
	return nil
}
