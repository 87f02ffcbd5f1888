package layout

import (
	"slices"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/fonts"
)

// wordGaps returns the spaces between the words of the justified lines
// of every flow of d (a paragraph's last line is set unjustified and
// left out), in em of their type.
func wordGaps(d *Document) []float64 {
	var gaps []float64
	for _, p := range d.Pages {
		for _, pl := range p.Blocks {
			f, ok := pl.Block.(*Flow)
			if !ok {
				continue
			}
			for _, u := range f.units {
				if u.gap || u.trailer || u.line.End {
					continue
				}
				gaps = append(gaps, lineGaps(u.line)...)
			}
		}
	}
	slices.Sort(gaps)
	return gaps
}

// lineGaps is the space a line has between words, in em.
func lineGaps(l Line) []float64 {
	var gaps []float64
	gs := l.Glyphs
	for i := 1; i+1 < len(gs); i++ {
		if gs[i].R == ' ' && gs[i-1].R != ' ' && gs[i+1].R != ' ' {
			gaps = append(gaps, (gs[i+1].X-gs[i-1].X-gs[i-1].Adv)/gs[i].Size)
		}
	}
	return gaps
}

// Hyphenation evens out the word spaces of justified English: on the two
// English examples the widest space shrinks and the median does not grow.
func TestHyphenationEvensSpaces(t *testing.T) {
	for _, dir := range []string{"english-2025", "english-annual"} {
		r := load(t, "../examples/"+dir+"/report.yaml")
		hyphens = false
		d, err := New(r)
		hyphens = true
		if err != nil {
			t.Fatal(err)
		}
		before := wordGaps(d)
		r = load(t, "../examples/"+dir+"/report.yaml")
		d, err = New(r)
		if err != nil {
			t.Fatal(err)
		}
		after := wordGaps(d)
		hyphenated := 0
		for _, p := range d.Pages {
			for _, pl := range p.Blocks {
				if f, ok := pl.Block.(*Flow); ok {
					for _, u := range f.units {
						if gs := u.line.Glyphs; len(gs) > 0 && gs[len(gs)-1].Hyphen {
							hyphenated++
						}
					}
				}
			}
		}
		med := func(g []float64) float64 { return g[len(g)/2] }
		t.Logf("%s: word spaces before: max %.2f em, median %.2f em (%d); after: max %.2f em, median %.2f em (%d), %d lines hyphenated",
			dir, before[len(before)-1], med(before), len(before), after[len(after)-1], med(after), len(after), hyphenated)
		if hyphenated == 0 {
			t.Errorf("%s: no line is hyphenated", dir)
		}
		if after[len(after)-1] >= before[len(before)-1] || med(after) > med(before)+0.02 {
			t.Errorf("%s: hyphenation did not even the spaces", dir)
		}
	}
}

// The hyphen the breaker adds is drawn at the end of its line, after a
// word broken where the patterns allow, and is not in the line's text;
// URLs, addresses, acronyms and figures are never hyphenated, and no more
// than two lines in a row end with a hyphen.
func TestHyphenatedLines(t *testing.T) {
	sp := func(s string) []Span { return []Span{{Text: s, Face: fonts.Regular, Size: 9.5, Lang: "en"}} }
	text := "Comprehensive monitoring, stricter environmental enforcement and the accelerated electrification of public transportation brought the concentration of particulate matter down for the seventh consecutive year, and intergovernmental coordination remained indispensable."
	for _, w := range []float64{90, 110, 140, 170} {
		lines := Break(sp(text), w, Setting{Align: Justify})
		var words []string
		run := 0
		for _, l := range lines {
			gs := l.Glyphs
			if gs[len(gs)-1].Hyphen {
				run++
				if run > maxHyphens {
					t.Errorf("width %v: more than %d hyphenated lines in a row", w, maxHyphens)
				}
				if strings.ContainsRune(l.Text(), '\u00AD') || strings.HasSuffix(l.Text(), "-") {
					t.Errorf("width %v: the hyphen is in the text %q", w, l.Text())
				}
				last := strings.Fields(l.Text())
				words = append(words, last[len(last)-1])
				if end := gs[len(gs)-1]; end.X+end.Adv > w+0.01 {
					t.Errorf("width %v: the hyphen overhangs: %v", w, end.X+end.Adv)
				}
			} else {
				run = 0
			}
		}
		var all strings.Builder
		for _, l := range lines {
			all.WriteString(l.Text())
			if !l.Glyphs[len(l.Glyphs)-1].Hyphen {
				all.WriteByte(' ')
			}
		}
		if got := strings.TrimSpace(all.String()); got != text {
			t.Errorf("width %v: text changed:\n%s", w, got)
		}
		if w == 90 && len(words) == 0 {
			t.Errorf("width %v: nothing hyphenated", w)
		}
		for _, part := range words {
			if len(part) < 2 {
				t.Errorf("width %v: %q left before a hyphen", w, part)
			}
		}
	}
	for _, s := range []string{"https://www.nbjiangbei.gov.cn/col/col1229112345/index.html", "enquiries@ningbo.gov.cn",
		"INTERPOL", "McKinsey", "PM2.5", "GB18918-2002", "Jean-Baptiste"} {
		items := shape(sp(s), Setting{})
		for _, it := range items {
			if it.hyph {
				t.Errorf("%q is hyphenated", s)
				break
			}
		}
	}
	items := shape(sp("Responsibilities"), Setting{})
	var marked []int
	for i, it := range items {
		if it.hyph {
			marked = append(marked, i)
		}
	}
	if !slices.Equal(marked, []int{6, 8, 11, 12}) { // Respon-si-bil-i-ties
		t.Errorf("Responsibilities: hyphens before %v", marked)
	}
}
