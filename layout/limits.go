package layout

import (
	"errors"
	"fmt"
	"unicode/utf8"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/fonts"
)

// Limits bound what a build may produce or read; the zero value is the
// defaults. The command sets them from its flags.
type Limits struct {
	MaxPages       int   // pages of the brochure, the cover included (default DefaultMaxPages)
	MaxPhotoPixels int   // pixels of one photo, checked before it is decoded (default DefaultMaxPhotoPixels)
	MaxPhotoBytes  int64 // bytes of one photo file, checked before it is read (default DefaultMaxPhotoBytes)
}

// The default limits: a year-in-review brochure has 4–20 pages; a 100
// million pixel photo (a 12 000 × 8 000 scan) is 400 MB decoded; a phone
// photo is 2–12 MB, a camera's largest JPEG about 30 MB.
const (
	DefaultMaxPages       = 200
	DefaultMaxPhotoPixels = 100_000_000
	DefaultMaxPhotoBytes  = 64 << 20
)

func (l Limits) pages() int {
	if l.MaxPages > 0 {
		return l.MaxPages
	}
	return DefaultMaxPages
}

func (l Limits) pixels() int {
	if l.MaxPhotoPixels > 0 {
		return l.MaxPhotoPixels
	}
	return DefaultMaxPhotoPixels
}

func (l Limits) photoBytes() int64 {
	if l.MaxPhotoBytes > 0 {
		return l.MaxPhotoBytes
	}
	return DefaultMaxPhotoBytes
}

// tooTall is a block that does not fit an empty page.
type tooTall struct {
	h, frame float64
	b        Block
}

func (e *tooTall) Error() string {
	return fmt.Sprintf("a block of %.0f pt does not fit a page frame of %.0f pt", e.h, e.frame)
}

// checkFit finds what cannot be set in the space it is printed in, before
// pagination would fail without saying where: a cover title that runs out
// of the coloured band, a chart taller than a page.
func (d *Document) checkFit(cover Page) error {
	r := d.Report
	var errs data.Errors
	add := func(path, format string, args ...any) {
		errs = append(errs, &data.Error{Pos: r.Pos(path), Path: path, Msg: fmt.Sprintf(format, args...)})
	}
	g := d.geo
	band := g.band(d.Theme.Cover.Band)
	if len(cover.Blocks) > 0 {
		band = cover.Blocks[0].H - g.Bleed // the band as set: it grows on a cover with little to show, and what it says goes down with it
	}
	bottom := 0.0
	for _, p := range cover.Blocks {
		if _, ok := p.Block.(*Paragraph); ok && p.Y < band {
			bottom = max(bottom, p.Y+p.H)
		}
	}
	if bottom > band-12 {
		lines := len(d.coverTitle(g.display(d.Theme.Cover.TitleSizes[0]), "").Lines(g.contentW()))
		if n := utf8.RuneCountInString(r.Title); lines > 1 && n > 10 {
			add("title", "the title takes %d lines on the cover, and with the subtitle, organization and date it runs out of the cover's coloured band; shorten the title to about %d characters and put the rest in subtitle:",
				lines, max(10, n*2/(lines+1)))
		} else {
			// a title of one line, or already short: shortening it does
			// not help, what stands under it must go
			add("title", "the title, subtitle, organization and date run out of the cover's coloured band on this paper; the title is already short: leave out the subtitle (or say it in summary:) or shorten the organization")
		}
	}
	frame := g.frame().H
	for i, s := range r.Sections {
		for j, c := range s.Charts {
			if h := (&chartBlock{chart: c, style: d.chartStyle()}).Measure(d.rowWidth(c)); h > frame {
				add(fmt.Sprintf("sections[%d].charts[%d]", i, j), "this %s chart is %.0f pt tall, more than a page holds (%.0f pt); give it fewer items (it has %d) or shorter labels, or split it into two charts",
					c.Type, h, frame, len(c.Data))
			}
		}
	}
	if len(errs) > 0 {
		return errs
	}
	return nil
}

// paginateErr turns a failure of pagination into a problem a user can act
// on.
func paginateErr(r *data.Report, err error) error {
	var tt *tooTall
	if !errors.As(err, &tt) {
		return err
	}
	if ph := firstPhoto(tt.b); ph != nil {
		return data.Errors{{Pos: ph.pos, Path: ph.key, Msg: fmt.Sprintf(
			"this photo is set %.0f pt tall with its caption, more than a page holds (%.0f pt), and cannot be split: its caption leaves the photo too little room; shorten the caption", tt.h, tt.frame)}}
	}
	return data.Errors{{Pos: data.Pos{File: r.File}, Msg: fmt.Sprintf(
		"something in the report is %.0f pt tall, more than a page holds (%.0f pt), and cannot be split; shorten the longest title, headline, label or caption, or give the largest chart fewer items", tt.h, tt.frame)}}
}

// firstPhoto is the photo b is or holds (in a row or stack), nil when none.
func firstPhoto(b Block) *photoBlock {
	switch b := b.(type) {
	case *photoBlock:
		return b
	case *Row:
		for _, c := range b.Cells {
			if p := firstPhoto(c); p != nil {
				return p
			}
		}
	case *Stack:
		for _, c := range b.Blocks {
			if p := firstPhoto(c); p != nil {
				return p
			}
		}
	}
	return nil
}

// checkPages refuses a brochure longer than the limit.
func checkPages(r *data.Report, n int, l Limits) error {
	if n <= l.pages() {
		return nil
	}
	return data.Errors{{Pos: data.Pos{File: r.File}, Msg: fmt.Sprintf(
		"the brochure would have %d pages, more than the limit of %d; is a body pasted twice, or a chart far too long? Shorten the report, or raise the limit with --max-pages %d",
		n, l.pages(), n)}}
}

// runningHead is the title (and subtitle, if there is room) as set at the
// top of every page, beside the organization: always one line, cut with
// "…" rather than run into the organization or over the body.
func (d *Document) runningHead() string {
	r, th := d.Report, d.Theme
	width := func(s string, f *fonts.Face) float64 {
		w := 0.0
		for _, ch := range s {
			w += f.Advance(ch) * th.Scale.Folio / 1000
		}
		return w
	}
	_, mark := d.headLogo(0, 0)
	room := d.geo.contentW() - width(r.Organization, th.Regular) - 2*th.Scale.Folio - mark
	head := r.Title
	if r.Subtitle != "" {
		head += " · " + r.Subtitle
	}
	if width(head, th.Bold) <= room {
		return head
	}
	if width(r.Title, th.Bold) <= room {
		return r.Title
	}
	rs := []rune(r.Title)
	for len(rs) > 0 && width(string(rs)+"…", th.Bold) > room {
		rs = rs[:len(rs)-1]
	}
	return string(rs) + "…"
}
