package layout

import (
	"fmt"
	"math"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/theme"
)

const samplePath = "../examples/year-in-review-2020/report.yaml"

func body(s string) []Span {
	return []Span{{Text: s, Face: fonts.Regular, Size: sizeBody}}
}

func strip(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// checkLines asserts the properties every set paragraph must have: nothing
// lost or duplicated, kinsoku, no overflow (but a hanging stop), justified lines flush at both
// edges.
func checkLines(t *testing.T, text string, lines []Line, width float64, set Setting) {
	t.Helper()
	var got strings.Builder
	for i, l := range lines {
		got.WriteString(l.Text())
		if len(l.Glyphs) == 0 {
			t.Errorf("line %d is empty", i)
			continue
		}
		first, last := l.Glyphs[0], l.Glyphs[len(l.Glyphs)-1]
		if strings.ContainsRune(noStart, first.R) && i > 0 {
			t.Errorf("line %d starts with %q: %s", i, first.R, l.Text())
		}
		if strings.ContainsRune(noEnd, last.R) && i < len(lines)-1 {
			t.Errorf("line %d ends with %q: %s", i, last.R, l.Text())
		}
		right := last.X + last.Adv
		if strings.ContainsRune(opening, last.R) {
			right = last.X + last.Face.Advance(last.R)*last.Size/1000
		}
		// a justified line's last stop may hang into the margin
		// (breaks.go, hangs), its ink only: it starts inside the measure
		hangs := set.Align == Justify && strings.ContainsRune("、，。．；：", last.R) && last.X <= width+0.01 && right > width+0.01
		if right > width+0.01 && !hangs {
			t.Errorf("line %d overflows: right edge %.2f > %.2f: %s", i, right, width, l.Text())
		}
		// a line with Latin and nowhere to stretch (a long word, a
		// figure) stays at its natural width: Latin is never letter-spaced
		latin := strings.ContainsFunc(l.Text(), func(r rune) bool { return r < 0x2E80 && r != ' ' })
		// no two Han characters further apart than text extractors read
		// as one word; a line of them with no word space that would
		// need more ends short instead, spread to the most
		// (but a few kana with no break opportunity between them are
		// spread evenly: nothing else fills the measure)
		// (the gaps beside a closing or opening mark take nothing:
		// evenly is every other gap)
		atMost, even := false, true
		var spread []float64
		for j := 1; j < len(l.Glyphs); j++ {
			if p, g := l.Glyphs[j-1], l.Glyphs[j]; !snugGlyphs(p, g) {
				spread = append(spread, g.X-p.X-p.Adv)
			}
		}
		for j := 1; j < len(spread); j++ {
			even = even && math.Abs(spread[j]-spread[j-1]) < 0.01
		}
		// tracked: every gap the same, the marks' too (evenGap)
		tracked := len(l.Glyphs) > 2
		for j := 2; j < len(l.Glyphs); j++ {
			a, b, c := l.Glyphs[j-2], l.Glyphs[j-1], l.Glyphs[j]
			tracked = tracked && math.Abs((c.X-b.X-b.Adv)-(b.X-a.X-a.Adv)) < 0.01
		}
		for j := 1; j < len(l.Glyphs); j++ {
			p, g := l.Glyphs[j-1], l.Glyphs[j]
			gap := g.X - (p.X + p.Adv)
			atMost = atMost || math.Abs(gap-maxHanGap*g.Size) < 0.01 || even && math.Abs(gap-minEvenGap*g.Size) < 0.01
			if !even && isHan(p.R) && isHan(g.R) && gap > maxHanGap*g.Size+0.01 {
				t.Errorf("line %d: %.2f em between %q and %q, which extractors read as a space: %s", i, gap/g.Size, p.R, g.R, l.Text())
			}
			// justification adds no space before a closing mark, nor
			// at a space before it, nor after an opening mark
			q := g
			if g.R == ' ' && j+1 < len(l.Glyphs) {
				q = l.Glyphs[j+1]
			}
			// (an opening mark that gives up part of its blank half is
			// drawn that much to the left)
			shifted := p.Face.Advance(p.R)*p.Size/1000 - p.Adv
			before := snugBefore(&item{r: q.R, adv: q.Adv, size: q.Size}) && gap > 0.01
			after := snugAfter(&item{r: p.R, adv: p.Face.Advance(p.R) * p.Size / 1000, size: p.Size}) && gap > shifted+0.01
			if (before || after) && !tracked {
				t.Errorf("line %d: %.2f pt added between %q and %q: %s", i, gap, p.R, g.R, l.Text())
			}
		}
		short := atMost && !strings.ContainsRune(l.Text(), ' ') || len(spread) == 0 || // "「ド": nowhere to stretch
			math.Abs(wordGapExtra(l)-maxWordStretch) < 0.01 // its word gaps took all they may

		if set.Align == Justify && !l.End && len(l.Glyphs) > 1 && math.Abs(right-width) > 0.1 && !(latin && math.Abs(right-l.Natural) < 0.1) && !short && !hangs {
			t.Errorf("line %d not flush right: %.2f of %.2f: %s", i, right, width, l.Text())
		}
		for j := 1; j < len(l.Glyphs); j++ {
			if l.Glyphs[j].X < l.Glyphs[j-1].X {
				t.Errorf("line %d: glyph %d (%q) left of the one before", i, j, l.Glyphs[j].R)
			}
		}
	}
	if strip(got.String()) != strip(text) {
		t.Errorf("characters lost or changed:\n got %s\nwant %s", strip(got.String()), strip(text))
	}
}

// snugGlyphs reports whether g is a closing mark (or ？！) or p an opening
// one, set full-width: justification puts nothing between them.
func snugGlyphs(p, g Glyph) bool {
	return snugBefore(&item{r: g.R, adv: g.Adv, size: g.Size}) || snugAfter(&item{r: p.R, adv: p.Adv, size: p.Size})
}

// corpus reads layout/testdata/corpus.txt: name → text.
func corpus(t testing.TB) (names []string, texts map[string]string) {
	raw, err := os.ReadFile("testdata/corpus.txt")
	if err != nil {
		t.Fatal(err)
	}
	texts = map[string]string{}
	name := ""
	for _, line := range strings.Split(string(raw), "\n") {
		switch {
		case strings.HasPrefix(line, "#"):
		case strings.HasPrefix(line, "== "):
			name = strings.TrimPrefix(line, "== ")
			names = append(names, name)
		case name != "":
			texts[name] += strings.ReplaceAll(strings.TrimSpace(line), `\n`, "\n")
		}
	}
	return names, texts
}

// figures are the number-and-unit groups that must stand on one line.
var figures = regexp.MustCompile(`[0-9][0-9.]*(%|万人次|亿元|余场|年[0-9]+月|[起件条个人次轮项场])?`)

func TestCorpus(t *testing.T) {
	names, texts := corpus(t)
	if len(names) < 8 {
		t.Fatalf("corpus has %d cases", len(names))
	}
	for _, name := range names {
		for _, width := range []float64{60, 95, 120, 180, 243} {
			t.Run(fmt.Sprintf("%s/%g", name, width), func(t *testing.T) {
				text := texts[name]
				set := Setting{Align: Justify, Indent: 2 * sizeBody}
				lines := Break(body(text), width, set)
				checkLines(t, text, lines, width, set)
				// line boundaries as offsets into the text without spaces
				var ends []int
				n := 0
				for _, l := range lines {
					n += len(strip(l.Text()))
					ends = append(ends, n)
				}
				flat := strip(text)
				for _, m := range figures.FindAllStringIndex(flat, -1) {
					if fonts.Regular.Width(flat[m[0]:m[1]], sizeBody)+sizeBody/4 > width-2*sizeBody {
						continue // wider than a line can hold: it must break
					}
					for _, e := range ends[:len(ends)-1] {
						if e > m[0] && e < m[1] {
							t.Errorf("figure %q split across lines", flat[m[0]:m[1]])
						}
					}
				}
			})
		}
	}
}

// FuzzBreak checks the breaker's promises on any text: nothing lost or
// added, glyphs in order, nothing wider than the measure (unless a single
// glyph is), and no panic.
func FuzzBreak(f *testing.F) {
	names, texts := corpus(f)
	for _, n := range names {
		f.Add(texts[n], uint8(120))
	}
	f.Add("，，，，，，，，，，，，，，，，，，，，“““““““““““", uint8(30))
	f.Add("Supercalifragilisticexpialidocious 3079.3万人次", uint8(20))
	f.Fuzz(func(t *testing.T, text string, w uint8) {
		if !utf8.ValidString(text) || len(text) > 4000 {
			t.Skip()
		}
		width := float64(w) + 12 // at least one em
		lines := Break(body(text), width, Setting{Align: Justify, Indent: 2 * sizeBody})
		var got strings.Builder
		for i, l := range lines {
			got.WriteString(l.Text())
			if len(l.Glyphs) > 1 {
				last := l.Glyphs[len(l.Glyphs)-1]
				if right := last.X + last.Adv; right > width+0.01 {
					t.Fatalf("line %d overflows (%.2f > %.2f): %q", i, right, width, l.Text())
				}
			}
		}
		// Break may drop only what a line break consumes: ASCII spaces at
		// the break and the newlines that force one (tabs and CR count as
		// spaces); an ideographic space or an NBSP must survive.
		drop := func(r rune) rune {
			if r == ' ' || r == '\n' || r == '\r' || r == '\t' {
				return -1
			}
			return r
		}
		want := strings.Map(drop, text)
		if g := strings.Map(drop, got.String()); g != want {
			t.Fatalf("characters lost or added:\n got %q\nwant %q", g, want)
		}
	})
}

// TestSampleParagraphs sets every paragraph of the sample at the width
// the brochure uses and checks nothing is lost and kinsoku holds.
func TestSampleParagraphs(t *testing.T) {
	r := load(t, samplePath)
	w := (&Flow{Columns: 2, Gutter: gutter}).colWidth(contentW)
	n := 0
	for _, s := range r.Sections {
		for _, para := range s.Paragraphs() {
			set := Setting{Align: Justify, Indent: 2 * sizeBody}
			checkLines(t, para, Break(body(para), w, set), w, set)
			n++
		}
	}
	if n < 10 {
		t.Errorf("only %d paragraphs in the sample", n)
	}
}

func TestPunctuationCompression(t *testing.T) {
	lines := Break(body("训词。”忠诚"), 500, Setting{Align: Left})
	g := lines[0].Glyphs
	// 。 followed by ” takes half an em
	if got, want := g[3].X-g[2].X, sizeBody/2; math.Abs(got-want) > 0.01 {
		t.Errorf("。” advance = %.2f, want %.2f", got, want)
	}
}

func TestCJKLatinSpacing(t *testing.T) {
	tests := []struct {
		text string
		at   int // index of the glyph after the gap
		gap  float64
	}{
		{"管4项", 1, sizeBody / 4},
		{"下降 14", 3, 0}, // the source's space, no extra
		{"量。5", 2, 0},   // punctuation between
	}
	for _, tt := range tests {
		g := Break(body(tt.text), 500, Setting{Align: Left})[0].Glyphs
		prev := g[tt.at-1]
		got := g[tt.at].X - prev.X - prev.Adv
		if math.Abs(got-tt.gap) > 0.01 {
			t.Errorf("%s: gap before %q = %.2f, want %.2f", tt.text, g[tt.at].R, got, tt.gap)
		}
	}
}

func TestHeadlineBreaksBetweenPhrases(t *testing.T) {
	h := "500余场教育活动，1006项个人集体荣誉"
	lines := Break(headlineSpans(h, defaultTheme()), 250, Setting{Align: Left, PhraseBreaks: true})
	if len(lines) != 2 || lines[0].Text() != "500余场教育活动，" {
		var got []string
		for _, l := range lines {
			got = append(got, l.Text())
		}
		t.Errorf("lines = %q, want a break after ，", got)
	}
}

// TestHeadlineNoLoneFigure: a headline's last line never holds its
// figure alone, nor does a break part a multiplier from its measure word
// (21.8万 / 件), at the poster look's A5 measure and narrower.
func TestHeadlineNoLoneFigure(t *testing.T) {
	look, err := theme.Look("poster")
	if err != nil {
		t.Fatal(err)
	}
	h := "96345热线全年受理诉求21.8万件，办结率99.8%"
	for _, w := range []float64{340, 368.73, 380} {
		var got []string
		for _, l := range Break(headlineSpans(h, Theme{look}), w, Setting{Align: Left, PhraseBreaks: true, TrimStart: true}) {
			got = append(got, l.Text())
		}
		if want := []string{"96345热线全年受理诉求", "21.8万件，办结率99.8%"}; !slices.Equal(got, want) {
			t.Errorf("%.0f pt: lines = %q, want %q", w, got, want)
		}
	}
}

// BenchmarkBreaker breaks and justifies about 100,000 characters of the
// sample's body text at a column width.
func BenchmarkBreaker(b *testing.B) {
	r := load(b, samplePath)
	var text strings.Builder
	for text.Len() < 300000 { // ≈100,000 characters
		for _, s := range r.Sections {
			text.WriteString(s.Body)
		}
	}
	spans := body(text.String())
	n := utf8.RuneCountInString(text.String())
	b.ResetTimer()
	for range b.N {
		Break(spans, 240, Setting{Align: Justify, Indent: 19})
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/char")
}

// TestNoLoneCharacter: a label or caption set ragged does not leave one
// character on its last line when the lines can be balanced (seen on an
// A5 stat card: “浙商”“甬商”品 / 牌).
func TestNoLoneCharacter(t *testing.T) {
	for _, text := range []string{"“浙商”“甬商”品牌", "督捕逃犯归案清零人数", "民警在重要交通路口指挥疏导交通"} {
		full := fonts.Regular.Width(text, sizeLabel)
		for w := full * 0.55; w < full; w += 0.5 {
			lines := Break([]Span{{Text: text, Face: fonts.Regular, Size: sizeLabel}}, w, Setting{Align: Left, TrimStart: true})
			if len(lines) < 2 {
				continue
			}
			if n := len([]rune(lines[len(lines)-1].Text())); n < 2 {
				var got []string
				for _, l := range lines {
					got = append(got, l.Text())
				}
				t.Errorf("%q at %.1f pt: lines %q, the last of one character", text, w, got)
			}
		}
	}
}
