package layout

import (
	"github.com/brochure-dev/brochure/theme"
	"math"
	"path/filepath"
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

// Hyphenation evens out the word spaces of justified English: on the
// English example whose report look sets most text in a column wide
// enough to justify (raggedMeasure; narrower ones are ragged-right) the
// 90th percentile shrinks and neither the widest space (a line before a
// name, which is not hyphenated) nor the median grows.
func TestHyphenationEvensSpaces(t *testing.T) {
	for _, dir := range []string{"port-review-2025"} {
		r := load(t, "../examples/"+dir+"/report.yaml")
		hyphens = false
		d, err := NewWith(r, Options{Style: "report"})
		hyphens = true
		if err != nil {
			t.Fatal(err)
		}
		before := wordGaps(d)
		r = load(t, "../examples/"+dir+"/report.yaml")
		d, err = NewWith(r, Options{Style: "report"})
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
		p90 := func(g []float64) float64 { return g[len(g)*9/10] }
		t.Logf("%s: word spaces before: max %.2f em, p90 %.2f em, median %.2f em (%d); after: max %.2f em, p90 %.2f em, median %.2f em (%d), %d lines hyphenated",
			dir, before[len(before)-1], p90(before), med(before), len(before), after[len(after)-1], p90(after), med(after), len(after), hyphenated)
		if hyphenated == 0 {
			t.Errorf("%s: no line is hyphenated", dir)
		}
		if after[len(after)-1] > before[len(before)-1] || p90(after) >= p90(before) || med(after) > med(before)+0.02 {
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
	if !slices.Equal(marked, []int{6, 8, 11, 12}) { // Respon-si-bil-i-ties: a sentence's first word, three letters before a hyphen
		t.Errorf("Responsibilities: hyphens before %v", marked)
	}
}

// A capitalised word inside a sentence is a name and is never
// hyphenated (Chicago Manual of Style); the first word of a sentence is
// capitalised for the sentence and hyphenates as any word.
func TestNamesNotHyphenated(t *testing.T) {
	for _, tt := range []struct {
		text, word string
		hyph       bool
	}{
		{"schools across Eastbrook and the Vale", "Eastbrook", false},
		{"the Responsibilities Act", "Responsibilities", false},
		{"the trust (Eastbrook) reads", "Eastbrook", false},
		{"Eastbrook reads", "Eastbrook", true}, // a paragraph's first word
		{"in ninety cases. Administrative penalties", "Administrative", true},
		{"Did they? \u201cAdministrative penalties", "Administrative", true},
		{"监测站全覆盖。Administrative penalties", "Administrative", true},
		{"in ninety cases; Administrative penalties", "Administrative", false},
		{"in ninety administrative cases", "administrative", true},
	} {
		items := shape([]Span{{Text: tt.text, Face: fonts.Regular, Size: 9.5, Lang: "en-GB"}}, Setting{})
		at := strings.Index(string([]rune(tt.text)), tt.word)
		at = len([]rune(tt.text[:at]))
		got := false
		for _, it := range items[at : at+len(tt.word)] {
			got = got || it.hyph
		}
		if got != tt.hyph {
			t.Errorf("%q: %s hyphenated %v, want %v", tt.text, tt.word, got, tt.hyph)
		}
	}
}

// spaceRatios are the narrowest and the widest word space of a line over
// the space's own width (1: as the face sets it).
func spaceRatios(l Line) (lo, hi float64) {
	lo = math.Inf(1)
	gs := l.Glyphs
	for i := 1; i+1 < len(gs); i++ {
		if g := gs[i]; g.R == ' ' && gs[i-1].R != ' ' && gs[i+1].R != ' ' {
			r := (gs[i+1].X - gs[i-1].X - gs[i-1].Adv) / (g.Face.Advance(' ') * g.Size / 1000)
			lo, hi = min(lo, r), max(hi, r)
		}
	}
	return lo, hi
}

// spaceRatio is the widest word space of a line over the space's own
// width (1: as the face sets it).
func spaceRatio(l Line) float64 {
	_, hi := spaceRatios(l)
	return hi
}

// English in a measure under raggedMeasure (27 em, about 57 characters)
// is set ragged-right, its word spaces as the face sets them or shrunk by
// wordShrink at most (justified, the A4 looks' 24–25 em columns had lines
// at 3.5 times the space, "Questions about any figure can be sent to"
// before an address, and the A5 looks' 17 em ones at 4–6); from
// raggedMeasure up it is justified, its spaces between 0.8 and (here)
// about 2 times their width; Chinese, and a paragraph mixing Chinese and English,
// is justified in any measure.
func TestNarrowEnglishRagged(t *testing.T) {
	const en = "None of this would have happened without the 1,260 people who work for the Authority, and the many more who work for our tenants, pilots, towage operators and hauliers. On behalf of the Board, I thank every one of them."
	const ngo = "This report follows the structure recommended by the International Aid Transparency Initiative and is accompanied by the full dataset, which can be downloaded from https://data.riverlands-trust.example.org/2025/impact-dataset.csv under an open licence. Questions about any figure can be sent to transparency@riverlands-trust.example.org, and every question we received last year was answered within fifteen working days. Unprecedented flooding across the lower delta displaced more than ninety thousand households."
	const zh = "全年共接报各类警情十二万余起，同比下降百分之五，其中刑事警情下降明显，群众安全感和满意度持续提升，连续三年位居全省前列。"
	sp := func(s, lang string) []Span { return []Span{{Text: s, Face: fonts.Regular, Size: sizeBody, Lang: lang}} }
	for _, c := range []struct {
		text, lang string
		em         float64 // the measure, in em
		ragged     bool
		most       float64 // the widest word space of a line but the last, times the space
	}{
		{en, "en-GB", 16.75, true, 1},
		{en, "en-GB", 19.5, true, 1},
		{en, "en-GB", 24, true, 1},
		{ngo, "en-GB", 23.7, true, 1},
		{ngo, "en", 25, true, 1},
		{en, "en-GB", 30, false, 2},
		{en, "en", 35, false, 2},
		// the first line can take nothing more: "Aid", a name, is not
		// hyphenated, and an earlier break leaves more slack
		{ngo, "en-GB", 35, false, 2.4},
		{zh, "", 16.75, false, 0},
		{"Hong Kong remains one of the most densely populated cities in the world, 香港", "", 16.75, false, 0},
	} {
		w := c.em * sizeBody
		lines := Break(sp(c.text, c.lang), w, Setting{Align: Justify, Indent: sizeBody})
		flush := 0
		for _, l := range lines[:len(lines)-1] {
			last := l.Glyphs[len(l.Glyphs)-1]
			if right := last.X + last.Adv; right > w+0.01 {
				t.Errorf("%.2f em: %q overflows: %.2f > %.2f", c.em, l.Text(), right, w)
			} else if w-right < 0.01 {
				flush++
			}
			if lo, hi := spaceRatios(l); c.most > 0 && (hi > c.most+0.001 || lo < 1-wordShrink-0.001) {
				t.Errorf("%.2f em: %q spaced %.2f to %.2f times, want %.1f to %.1f", c.em, l.Text(), lo, hi, 1-wordShrink, c.most)
			}
		}
		if ragged := flush < len(lines)-1; ragged != c.ragged {
			t.Errorf("%.2f em: %d of %d lines flush right, want ragged %v: %q", c.em, flush, len(lines)-1, c.ragged, texts1(lines))
		}
	}
}

// An address breaks after its / . - @ (at a price) rather than only
// after a slash, so that the lines before it do
// not spread (examples/english-2025: spaces at 7 times their width), and
// never at the first letters of its scheme.
func TestAddressBreaks(t *testing.T) {
	const text = "The bureau kept its routine: street patrols, school visits and open days at every station. Residents reported problems online at https://www.nbjiangbei.gov.cn/col/col1229112345/index.html or by e-mail to enquiries@ningbo.gov.cn, and most were answered within a day."
	for _, c := range []struct {
		width, size float64
		most        float64 // the widest word space, times the space
	}{
		{236.64, 10, 2.5},
		{249.64, 10.5, 2.5},
		{236.64, 9.5, 2.5},
	} {
		lines := Break([]Span{{Text: text, Face: fonts.Regular, Size: c.size, Lang: "en"}}, c.width, Setting{Align: Justify, Indent: c.size})
		for _, l := range lines {
			if r := spaceRatio(l); !l.End && r > c.most {
				t.Errorf("%.2f pt: %q spaced %.2f times", c.width, l.Text(), r)
			}
			if s := l.Text(); strings.HasSuffix(s, "h") || strings.HasSuffix(s, "https:") {
				t.Errorf("%.2f pt: the scheme is cut: %q", c.width, texts1(lines))
			}
		}
	}
}

// TestNoLetterSpacing: in every example, in every look, justification
// never puts space between two Latin letters, digits or marks (the
// slack of an English line goes to its word spaces, and a line with
// none is set short), and the space it puts between CJK characters is
// what extractors read as one word (TestExamples reads them back).
func TestNoLetterSpacing(t *testing.T) {
	paths, err := filepath.Glob("../examples/*/report.yaml")
	if err != nil || len(paths) < 10 {
		t.Fatalf("examples: %d reports, %v", len(paths), err)
	}
	checked := 0
	for _, style := range theme.Names() {
		for _, path := range paths {
			name := style + "/" + filepath.Base(filepath.Dir(path))
			d, err := NewWith(load(t, path), Options{Draft: true, Style: style})
			if err != nil {
				continue // TestExamples reports it (fonts missing, say)
			}
			checked++
			lines, pages := setLines(d)
			for i, l := range lines {
				for k := 1; k < len(l.Glyphs); k++ {
					p, g := l.Glyphs[k-1], l.Glyphs[k]
					gap := g.X - p.X - p.Adv
					// Latin by the face's advance, not the line's: a
					// full-width opening mark compressed mid-line (“ after
					// 举办, its blank left half cut, drawn further left)
					// takes less on the line but is no Latin letter
					latin := func(g Glyph) bool {
						adv := g.Adv
						if g.Face != nil {
							adv = g.Face.Advance(g.R) * g.Size / 1000
						}
						return g.R != ' ' && g.R < 0x2E80 && adv < 0.99*g.Size
					}
					switch {
					case latin(p) && latin(g) && !g.Hyphen && gap > 0.01:
						t.Errorf("%s page %d: %.2f pt between %q and %q: %s", name, pages[i], gap, p.R, g.R, l.Text())
					case isHan(p.R) && isHan(g.R) && gap > maxEvenGap*g.Size+0.01:
						t.Errorf("%s page %d: %.2f em between %q and %q: %s", name, pages[i], gap/g.Size, p.R, g.R, l.Text())
					}
				}
			}
		}
	}
	// the bundled Simplified Chinese faces build most examples anywhere;
	// a test that built none has checked nothing
	if checked < 10 {
		t.Fatalf("only %d builds checked", checked)
	}
}

// An address never breaks at its own hyphen ("exchange-/office@", which
// reads as a word hyphenated and loses the hyphen to whoever types the
// address in), at any width, in Chinese or English; a compound that is
// not an address still may ("Jean-/Baptiste").
func TestAddressHyphen(t *testing.T) {
	for _, c := range []struct {
		text, lang string
	}{
		{"详细日程见 https://www.nbjiangbei.gov.cn/col/col1229112345/index.html ，联系邮箱 exchange-office@ningbo.gov.cn 。合作项目 Jean-Baptiste Smart-City Initiative 的监测数据显示", ""},
		{"Questions about any figure can be sent to transparency@riverlands-trust.org.uk, and the full dataset can be downloaded from https://data.riverlands-trust.org.uk/impact-2025/ at any time.", "en"},
	} {
		split := false
		for w := 60.0; w <= 300; w += 1.5 {
			spans := []Span{{Text: c.text, Face: fonts.Regular, Size: sizeBody, Lang: c.lang}}
			lines := Break(spans, w, Setting{Align: Justify})
			for _, l := range lines[:len(lines)-1] {
				s := l.Text()
				switch {
				case strings.HasSuffix(s, "exchange-"), strings.HasSuffix(s, "riverlands-"):
					t.Errorf("width %.1f: an address broken at its hyphen: %q", w, texts1(lines))
				case strings.HasSuffix(s, "Jean-"), strings.HasSuffix(s, "Smart-"):
					split = true
				}
			}
		}
		if c.lang == "" && !split {
			t.Errorf("Jean-Baptiste and Smart-City never break at their hyphen")
		}
	}
}
