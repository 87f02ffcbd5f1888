package layout

import (
	"fmt"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/theme"
)

// TestTimelineType: a timeline's entries are set in the look's body size
// on its leading (not a size of their own, a seventh on the page), and a
// month of one entry takes at most two lines of the grid, so that a
// year of twelve months stands on one page rather than leaving a few
// entries alone on the next.
func TestTimelineType(t *testing.T) {
	var b strings.Builder
	b.WriteString("title: 大事记\ndate: 2025-12-31\nsections:\n  - title: 大事记\n    timeline:\n")
	for m := 1; m <= 12; m++ {
		fmt.Fprintf(&b, "      - {date: 2025-%02d-%02d, text: 第%d件事，全市公安机关开展专项行动。}\n", m, m+3, m)
	}
	r, err := data.Parse("timeline.yaml", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	for _, style := range theme.Names() {
		t.Run(style, func(t *testing.T) {
			d, _ := build(t, r, Options{Style: style})
			sc := d.Theme.Scale
			var tl *timelineBlock
			var w float64
			for _, p := range d.Pages {
				for _, pl := range p.Blocks {
					if b, ok := pl.Block.(*timelineBlock); ok {
						if tl != nil {
							t.Fatalf("page %d: the twelve months are split", p.Number)
						}
						tl, w = b, pl.W
					}
				}
			}
			if tl == nil {
				t.Fatal("no timeline laid out")
			}
			s := tl.layout(w)
			for i, ls := range s.text {
				for _, l := range ls {
					if l.Size != sc.Body {
						t.Errorf("entry %d: set in %.1f pt, the body is %.1f pt", i+1, l.Size, sc.Body)
					}
				}
			}
			tops, _ := tl.tops(s)
			for i := 1; i < len(tops); i++ {
				if pitch := tops[i] - tops[i-1]; pitch > 2*sc.Lead+0.01 {
					t.Errorf("month %d: %.1f pt below month %d, more than two lines of %.1f pt", i+1, pitch, i, sc.Lead)
				}
			}
		})
	}
}

// TestTimelineYears: a month's label with its year over it (the first
// month of a new year) never reaches into the label of the month above,
// even when that month has one entry of one line (minato's 11月 and 2025).
func TestTimelineYears(t *testing.T) {
	src := "title: 大事记\ndate: 2025-07-01\nlanguage: ja\nsections:\n  - title: 大事記\n    timeline:\n" +
		"      - {date: 2024-09-01, text: 総合防災訓練を実施。}\n" +
		"      - {date: 2024-11-03, text: 記念式典を開催。}\n" +
		"      - {date: 2025-01-17, text: 設置が完了。}\n" +
		"      - {date: 2025-03, text: 完成。}\n" +
		"      - {date: 2026-02-01, text: 開始。}\n"
	r, err := data.Parse("timeline.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, style := range theme.Names() {
		t.Run(style, func(t *testing.T) {
			d, _ := buildExample(t, r, Options{Style: style}, false)
			years := 0
			for _, p := range d.Pages {
				for _, pl := range p.Blocks {
					tl, ok := pl.Block.(*timelineBlock)
					if !ok {
						continue
					}
					tops, _ := tl.tops(tl.layout(pl.W))
					prev := -1
					for k, i := 0, tl.from; i < tl.to; k, i = k+1, i+1 {
						if !tl.opens(i) {
							continue
						}
						if prev >= 0 {
							_, bottom := tl.label(prev, tops[prev-tl.from])
							top, _ := tl.label(i, tops[k])
							if top < bottom {
								t.Errorf("%s's label (from %.1f) runs into the month's above (to %.1f)", tl.events[i].Date, top, bottom)
							}
							if tl.showsYear(i) {
								years++
							}
						}
						prev = i
					}
				}
			}
			if years < 2 {
				t.Errorf("%d new years checked, want 2", years)
			}
		})
	}
}

// timelineOf is the timeline of a report of one section whose entries
// are dated by dates ("2025-04", "2025-06-18"), each a short text, set in
// the default look, and the width of its frame.
func timelineOf(t *testing.T, lang string, dates ...string) (*timelineBlock, float64) {
	t.Helper()
	var b strings.Builder
	fmt.Fprintf(&b, "title: 大事记\ndate: 2025-12-31\nlanguage: %s\nsections:\n  - title: 大事记\n    timeline:\n", lang)
	for i, d := range dates {
		fmt.Fprintf(&b, "      - {date: %s, text: 第%d件事，全市开展专项行动。}\n", d, i+1)
	}
	d, blocks := endsBlocks(t, b.String())
	for _, x := range blocks {
		if tl, ok := x.(*timelineBlock); ok {
			return tl, d.geo.frame().W
		}
	}
	t.Fatal("no timeline")
	return nil, 0
}

// TestTimelineSplit: a timeline parts between entries, tlLeast at least
// on each side, at the best break of those that fit (the half-year, then
// a quarter's end, then a month's) unless it gives up more than
// tlBreakSlack lines of room; the part after carries its year as going
// on ("2025（续）").
func TestTimelineSplit(t *testing.T) {
	year := []string{"2025-01-10", "2025-02-10", "2025-03-10", "2025-04-10", "2025-05-10", "2025-06-10",
		"2025-07-10", "2025-08-10", "2025-09-10", "2025-10-10", "2025-11-10", "2025-12-10"}
	tl, w := timelineOf(t, "zh", year...)
	at := func(n int) float64 { // the height of the first n entries
		head := *tl
		head.to = n
		return head.Measure(w)
	}
	for _, c := range []struct {
		name string
		h    float64
		want int // the first entry of the part after; 0: none (no part fits)
	}{
		{"two entries fit: none of them set apart", at(2) + 1, 0},
		{"three fit: the least", at(3) + 1, 3},
		{"seven fit: the half-year, a line short", at(7) + 1, 6},
		{"nine fit: the quarter's end", at(9) + 1, 9},
		{"ten fit: the quarter's end, a line short", at(10) + 1, 9},
		{"eleven fit: nine left at most", at(11) + 1, 9},
		{"all fit: whole", at(12) + 1, 12},
	} {
		t.Run(c.name, func(t *testing.T) {
			head, tail := tl.Split(w, c.h)
			switch {
			case c.want == 0:
				if head != nil {
					t.Errorf("parted after %d entries, want it whole overleaf", head.(*timelineBlock).to)
				}
			case c.want == 12:
				if head != tl || tail != nil {
					t.Errorf("parted, want it whole")
				}
			case head == nil || tail == nil:
				t.Errorf("not parted, want %d entries before the break", c.want)
			default:
				if got := head.(*timelineBlock).to; got != c.want {
					t.Errorf("parted after %d entries (%s), want %d (%s)", got, year[got-1], c.want, year[c.want-1])
				}
				if from := tail.(*timelineBlock).from; from != head.(*timelineBlock).to {
					t.Errorf("the part after starts at entry %d, the part before ends at %d", from, head.(*timelineBlock).to)
				}
			}
		})
	}
	_, tail := tl.Split(w, at(7)+1)
	part := tail.(*timelineBlock)
	if got, want := flat(part.layout(w).cont[part.from].Text()), "2025（续）"; got != want {
		t.Errorf("the part after is labelled %q, want %q", got, want)
	}
}

// TestTimelineColumns: a timeline that does not fit where it begins is
// set whole in two columns, parted at its half-year, on a page wide
// enough for a column's text (a landscape page), and never on a narrow
// one; the month of an entry without a day is its date, its text where
// the day stands.
func TestTimelineColumns(t *testing.T) {
	dates := []string{"2025-01-10", "2025-02-10", "2025-03-10", "2025-04-10", "2025-05", "2025-06-10",
		"2025-07-10", "2025-08-10", "2025-09-10", "2025-10-10", "2025-11-10"}
	tl, w := timelineOf(t, "zh", dates...)
	if two := tl.twoColumns(w); two != nil {
		t.Errorf("two columns on a page %.0f pt wide: a column's text %.0f pt", w, (w-tl.theme.Grid.Gutter)/2-tl.textX())
	}
	wide := 2 * w
	two := tl.twoColumns(wide)
	if two == nil {
		t.Fatalf("no two columns on a page %.0f pt wide", wide)
	}
	if two.at != 6 {
		t.Errorf("the right column starts at %s, want 2025-07-10", dates[two.at])
	}
	if two.Measure(wide) >= tl.Measure(wide)*0.7 {
		t.Errorf("two columns %.0f pt tall, one %.0f pt", two.Measure(wide), tl.Measure(wide))
	}
	head, tail := tl.Split(wide, two.Measure(wide)+1)
	if tail != nil || head.(*timelineBlock).at != 6 {
		t.Errorf("where two columns fit, Split does not set them")
	}
	if got, want := tl.textAt(false), tl.textAt(true)-tlDayW; got != want {
		t.Errorf("the text of a month's entry at %.0f pt, want %.0f (where the day stands)", got, want)
	}
}

// TestTimelinesWhole: in every example, each part of a timeline parted
// across pages holds tlLeast entries at least, its first part ends its
// page and the others open theirs; a timeline of up to twelve entries is
// parted only in the builds listed in timelineParted (a timeline is one
// list: whole where it fits, whole overleaf unless that leaves a blank
// band, in two columns on a wide page).
func TestTimelinesWhole(t *testing.T) {
	eachLaidOut(t, func(t *testing.T, name string, d *Document) {
		parted := 0
		for i, p := range d.Pages {
			for k, pl := range p.Blocks {
				tl, ok := pl.Block.(*timelineBlock)
				if !ok || tl.to-tl.from == len(tl.events) {
					continue
				}
				if n := tl.to - tl.from; n < tlLeast {
					t.Errorf("page %d: %d entries of a timeline of %d (%s–%s), at least %d", i+1, n, len(tl.events), tl.events[tl.from].Date, tl.events[tl.to-1].Date, tlLeast)
				}
				if tl.from > 0 && k > 0 {
					if _, ok := p.Blocks[0].Block.(*timelineBlock); !ok {
						t.Errorf("page %d: a timeline's part after the first does not open the page", i+1)
					}
				}
				if tl.from == 0 && len(tl.events) <= 12 {
					parted++
				}
			}
		}
		if parted != timelineParted[name] {
			t.Errorf("%d timelines of up to twelve entries parted, %d allowed", parted, timelineParted[name])
		}
	})
}

// timelineParted are the builds, by look and report, whose timeline of
// up to twelve entries is parted across pages, and how many: each where
// setting it whole overleaf leaves a blank band over orderHole and the
// page is too narrow for two columns. The borough's (A5, English), in
// the newspaper and poster looks: page 3 holds the section's table, its
// timeline from 0.67 of the page, January to March (a quarter) there,
// April to December overleaf. The showcase's, poster: section 五 opens
// at the foot of page 5 with January to March. Set whole overleaf, each
// would leave its page blank from its foot up a third (the borough's,
// 36 % and 34 %) or more than a quarter (the showcase's, 27 %), more
// than justify's joints take; two columns need tlColumnEms of text a
// column, which neither A5 nor the poster's A4 leaves.
var timelineParted = map[string]int{
	"borough-tables-en":        1,
	"poster/borough-tables-en": 1,
	"poster/showcase-2025":     1,
}
