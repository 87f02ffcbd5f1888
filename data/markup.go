package data

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// A section's body is plain text with a small, documented Markdown subset
// (docs/format.md, "Body formatting"): **bold**, list items on lines that
// start with "- " or a number and ". " ("1. "), and "### " subheadings.
// Nothing else is markup: a lone "*", "_", "#" without its space, "1.5"
// and every other character stay as written. The subset is parsed here,
// not in layout, because it is part of the format: Paragraphs (which the
// diff and the text-layer tests read) gives the text the reader sees.
//
// Why by hand: a Markdown library (goldmark) parses all of CommonMark, and
// the press office's text would then lose characters to rules it never
// meant (a line "2025. 年" a list, "_x_" italics, "> " a quote); the
// subset is a few lines to parse and keeps everything else literal.

// PartKind says what a part of a body is.
type PartKind uint8

const (
	// Para is a paragraph.
	Para PartKind = iota
	// Item is one item of a list.
	Item
	// Heading is a subheading ("### ").
	Heading
)

// Part is one block of a section's body: a paragraph, a list item or a
// subheading, its text in runs of regular and bold.
type Part struct {
	Kind PartKind
	// Label is a numbered item's number as written ("3."); "" for a
	// bulleted item ("- ") and for paragraphs and subheadings.
	Label string
	Runs  []Run
}

// Run is text that is bold or not, in the report's language or, marked
// "[ありがとう]{ja}", another's (see SplitLang).
type Run struct {
	Text string
	Bold bool
	Lang string // a BCP 47 tag; "" for the report's language
}

// Text returns the part's text without markup.
func (p Part) Text() string {
	var b strings.Builder
	for _, r := range p.Runs {
		b.WriteString(r.Text)
	}
	return b.String()
}

// Parts returns the body's blocks in order. Paragraphs are separated by
// blank lines; a list item or a subheading starts on its line and ends
// the paragraph before it; an item goes on over the lines that follow it
// up to a blank line, another item or a subheading; a subheading is one
// line. Lines are joined as Paragraphs says.
func (s Section) Parts() []Part { return parts(s.Body) }

// parts parses body; see Section.Parts.
func parts(body string) []Part {
	var out []Part
	var cur strings.Builder // the open part's text; empty when none is open
	var kind PartKind
	var label string
	flush := func() {
		if cur.Len() > 0 {
			out = append(out, Part{Kind: kind, Label: label, Runs: runs(cur.String())})
		}
		cur.Reset()
		kind, label = Para, ""
	}
	for _, line := range strings.Split(body, "\n") {
		line = strings.TrimFunc(line, unicode.IsSpace)
		if line == "" {
			flush()
			continue
		}
		if rest, ok := strings.CutPrefix(line, "### "); ok && strings.TrimSpace(rest) != "" {
			flush()
			out = append(out, Part{Kind: Heading, Runs: runs(strings.TrimSpace(rest))})
			continue
		}
		if l, rest, ok := itemStart(line); ok {
			flush()
			kind, label = Item, l
			cur.WriteString(rest)
			continue
		}
		if cur.Len() > 0 {
			last, _ := utf8.DecodeLastRuneInString(cur.String())
			first, _ := utf8.DecodeRuneInString(line)
			if asciiJoin(last, first) {
				cur.WriteByte(' ')
			}
		}
		cur.WriteString(line)
	}
	flush()
	return out
}

// itemStart reports whether line starts a list item: "- " or one to
// three digits, ". " and text ("1. "). It returns the number's label
// ("1."; "" for "- ") and the item's text.
func itemStart(line string) (label, rest string, ok bool) {
	if r, ok := strings.CutPrefix(line, "- "); ok {
		r = strings.TrimSpace(r)
		return "", r, r != ""
	}
	n := 0
	for n < len(line) && n < 4 && line[n] >= '0' && line[n] <= '9' {
		n++
	}
	if n == 0 || n > 3 || !strings.HasPrefix(line[n:], ". ") {
		return "", "", false
	}
	r := strings.TrimSpace(line[n+2:])
	return line[:n+1], r, r != ""
}

// runs splits text at **bold** spans, and each at its language spans
// ("**[Hello]{en}**" is bold English).
func runs(text string) []Run {
	var out []Run
	for _, r := range boldRuns(text) {
		for _, ls := range SplitLang(r.Text) {
			if ls.Text != "" {
				out = append(out, Run{Text: ls.Text, Bold: r.Bold, Lang: ls.Lang})
			}
		}
	}
	return out
}

// boldRuns splits text at **bold** spans. A "**" opens a span only when a
// closing "**" follows with some text between, which neither starts nor
// ends with a space; anything else stays literal.
func boldRuns(text string) []Run {
	var out []Run
	add := func(s string, bold bool) {
		if s == "" {
			return
		}
		if n := len(out); n > 0 && out[n-1].Bold == bold {
			out[n-1].Text += s
			return
		}
		out = append(out, Run{Text: s, Bold: bold})
	}
	for {
		i := strings.Index(text, "**")
		if i < 0 {
			break
		}
		j := strings.Index(text[i+2:], "**")
		inner := ""
		if j >= 0 {
			inner = text[i+2 : i+2+j]
		}
		if j < 0 || inner == "" || strings.TrimSpace(inner) != inner || strings.HasPrefix(inner, "*") {
			// not a span: "**" stays, the search goes on after its first "*"
			add(text[:i+1], false)
			text = text[i+1:]
			continue
		}
		add(text[:i], false)
		add(inner, true)
		text = text[i+2+j+2:]
	}
	add(text, false)
	return out
}
