package layout

import (
	"fmt"
	"testing"
)

// TestCardsWithTheirSection lays out every report of examples/ in every
// look and checks the stat cards that pagination set after their
// section's text (cardsAfter): they come before every figure of their
// section (port-review-2025's report look set its first section's cards
// under its chart, carried to page 3 from the text), and cards that open
// a page have their section's reminder above them, as figures do.
func TestCardsWithTheirSection(t *testing.T) {
	eachLaidOut(t, func(t *testing.T, name string, d *Document) {
		if bad := cardsAway(d); len(bad) != cardsAllowed[name] {
			t.Errorf("%d stat card rows away from their section, %d allowed: %q", len(bad), cardsAllowed[name], bad)
		}
	})
}

// cardsAllowed are the stat card rows, by look and report, still away
// from their section: river-basin-2025's report look, a row of its cards
// opening a page without its section's reminder. (Its section 1's seven
// cards, four ending page 2 and three opening page 3, go on together
// since a section's card rows keep with each other.)
var cardsAllowed = map[string]int{
	"report/river-basin-2025": 1,
	// The third new user's water utility (A5 booklet), as built. Report,
	// page 6: section 3's card (106 项) under its waffle and progress
	// charts, its headline on page 5 with the first lines of text. (The
	// poster's section 8 card, 28 秒, under its hbar chart and text on
	// page 14, comes before it since the headline on page 13 sets its
	// figure on no line alone and holds a line less: the text and the card
	// begin there, the chart follows.)
	"report/jiangcheng-water-2025": 1,
}

// cardsAway lists the stat cards set after a figure of their section, or
// opening a page without their section's reminder. A booklet's padding
// (its key figures, under their head, and the pages after) is no
// section's.
func cardsAway(d *Document) []string {
	var bad []string
	section := -1
	figured := map[int]bool{} // sections a figure of which is set
	for _, p := range d.Pages[1:] {
		if p.Padding {
			break
		}
		var before []Block // the page's blocks so far
		for _, b := range p.Blocks {
			switch blk := b.Block.(type) {
			case *sectionHead:
				section = blk.n
			case Space:
				continue
			case *Paragraph:
				if p.Number == lastContent(d)+1 && len(blk.Spans) > 0 && blk.Spans[0].Text == d.Theme.Locale.Labels.KeyFigures {
					return bad // the padding's figures begin under the content
				}
			}
			if isFigure(b.Block) {
				figured[kickerSection(d, b.Block.(kickered).kicker())] = true
			}
			if statCards(b.Block) {
				if figured[section] {
					bad = append(bad, fmt.Sprintf("page %d: the stat cards of section %d after a figure of it", p.Number, section+1))
				}
				if len(before) == 0 {
					bad = append(bad, fmt.Sprintf("page %d: the stat cards of section %d open the page without its reminder", p.Number, section+1))
				}
			}
			before = append(before, b.Block)
		}
	}
	return bad
}
