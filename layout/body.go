package layout

import (
	"github.com/brochure-dev/brochure/data"
)

// The sizes of the body's blocks follow the look's scale: a subheading
// two points under a section's title (11 pt in the newspaper look, a step
// above the body that still stands on its grid), a pull quote at the
// title's size.
func subheadSize(th Theme) float64 { return th.Scale.Title - 2 }

func quoteSize(th Theme) float64 { return th.Scale.Title }

// textFlow is section i's text as one Flow: its body's paragraphs, list
// items and subheadings (data.Section.Parts), its pull quote, and closing
// the last section the byline. The quote ends the text: set inside it, a
// block of larger type in the first column made poppler's pdftotext read
// the top of the second column next, in the middle of the first. It is nil when the section
// has no text. A section whose only text is its quote sets it across the
// full width.
func (d *Document) textFlow(i int, s data.Section) *Flow {
	th := d.Theme
	f := &Flow{
		Setting: Setting{Align: Justify, Indent: d.indent() * th.Scale.Body},
		Columns: d.geo.Columns, Gutter: d.geo.Gutter, Leading: th.Scale.Lead, After: th.Grid.TextGap, FloatGap: th.Grid.TextGap, Mark: th.Primary,
	}
	parts := s.Parts()
	for _, p := range parts {
		f.Paras = append(f.Paras, d.para(p))
	}
	if q := s.Quote; q != nil {
		qp := Para{Kind: PullQuote, Spans: []Span{th.span(quoted(q.Text, th.Locale), th.Bold, quoteSize(th), th.Ink)}}
		if th.Locale.English() || latin(q.Text) {
			qp.Align = Left // ragged, as English sets a quote: justified, its few words a line spread apart
		}
		if q.By != "" {
			dash := th.Locale.Labels.Dash
			if th.Locale.English() {
				dash += " "
			}
			qp.By = []Span{th.span(dash+q.By, th.Regular, th.Scale.Label+0.5, th.Muted)}
		}
		f.Paras = append(f.Paras, qp)
		if len(parts) == 0 {
			f.Columns = 1
		}
	}
	if i == len(d.Report.Sections)-1 && d.Report.Byline != "" {
		// the byline closes the text, as in a newspaper, and stays with
		// its last lines
		f.Trailer = []Span{th.span(d.Report.Byline, th.Regular, th.Scale.Body, th.Muted)}
	}
	if len(f.Paras) == 0 && f.Trailer == nil {
		return nil
	}
	return f
}

// para is one part of a body as the flow sets it: bold runs in the bold
// face (clreq's emphasis by a heavier face, 黑体 in 宋体 text; its
// fallback faces draw what it lacks), a subheading all bold and larger,
// a list item's number in the bold face and the primary colour.
func (d *Document) para(p data.Part) Para {
	th := d.Theme
	out := Para{Kind: Plain}
	size, regular := th.Scale.Body, th.Body()
	switch p.Kind {
	case data.Item:
		out.Kind = ListItem
		if p.Label != "" {
			out.Label = []Span{th.span(p.Label, th.Bold, th.Scale.Body, th.Primary)}
		}
	case data.Heading:
		out.Kind = Subhead
		size, regular = subheadSize(th), th.Bold
	}
	for _, r := range p.Runs {
		face := regular
		if r.Bold {
			face = th.Bold
		}
		sp := th.span(r.Text, face, size, th.Ink)
		if r.Lang != "" {
			sp = th.inLang(sp, r.Lang) // "[ありがとう]{ja}": its language's face and rules
		}
		out.Spans = append(out.Spans, sp)
	}
	return out
}
