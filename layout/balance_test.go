package layout

import (
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/theme"
)

// Headlines and titles break on word boundaries into lines of even
// length, never leave one word on the last line when another break
// exists, never end a line with an article or a preposition, and keep
// Chinese phrases whole.
func TestHeadlineBalance(t *testing.T) {
	for _, tt := range []struct {
		text  string
		width float64
		want  []string
	}{
		{"Ningbo Police in 2025", 480, []string{"Ningbo Police", "in 2025"}},
		{"5,200+ patrols and a safer city", 480, []string{"5,200+ patrols", "and a safer city"}},
		{"Reported crime fell 6.2% to its lowest level in a decade", 700, []string{"Reported crime fell 6.2%", "to its lowest level in a decade"}},
		{"全年接处警36.5万起，同比下降12%，群众满意度持续提升", 480, []string{"全年接处警36.5万起，", "同比下降12%，", "群众满意度持续提升"}},
	} {
		lines := Break([]Span{{Text: tt.text, Face: fonts.Black, Size: 46}}, tt.width, Setting{Align: Left, PhraseBreaks: true})
		var got []string
		for _, l := range lines {
			got = append(got, l.Text())
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q at %v: got %q, want %q", tt.text, tt.width, got, tt.want)
		}
	}
	// Korean is spaced into words, and balances as English does
	ko, err := fonts.Find("Noto Sans CJK KR", 900)
	if err != nil {
		return // fonts-noto-cjk is not installed
	}
	var got []string
	for _, l := range Break([]Span{{Text: "서울과 부산의 대표단이 함께 참석했습니다", Face: ko, Size: 46}}, 500, Setting{Align: Left, PhraseBreaks: true}) {
		got = append(got, l.Text())
	}
	if want := "서울과 부산의 대표단이|함께 참석했습니다"; strings.Join(got, "|") != want {
		t.Errorf("Korean headline: got %q, want %q", got, want)
	}
}

// A language span of the body is set in its language's face, and its
// glyphs carry its tag (for a tagged PDF's /Lang); the rest carries the
// report's. A tag that is no language, and a language whose faces are not
// installed, are problems at the body.
func TestLangSpans(t *testing.T) {
	if _, err := fonts.Find("Noto Sans CJK JP", 400); err != nil {
		t.Skip("fonts-noto-cjk is not installed")
	}
	r := load(t, "../examples/language-spans/report.yaml")
	d, err := New(r)
	if err != nil {
		t.Fatal(err)
	}
	langs := map[string]string{} // tag -> a face it is set in
	for _, p := range d.Pages {
		for _, pl := range p.Blocks {
			if f, ok := pl.Block.(*Flow); ok {
				for _, u := range f.units {
					for _, g := range u.line.Glyphs {
						if g.R != ' ' {
							langs[g.Lang] = g.Face.Family
						}
					}
				}
			}
		}
	}
	for tag, face := range map[string]string{"ja": "NotoSansCJKjp", "ko": "NotoSansCJKkr", "en": "NotoSansSC", "zh-Hans": "NotoSansSC"} {
		if !strings.HasPrefix(langs[tag], face) {
			t.Errorf("%s is set in %q, want %s", tag, langs[tag], face)
		}
	}
	if len(langs) != 4 {
		t.Errorf("languages %v", langs)
	}

	src := "title: 测试\nsections:\n  - title: 一\n    body: 他说[bonjour]{fr}，又说[x]{zz-99}。\n"
	r, err = data.Parse("r.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	_, err = New(r)
	if err == nil || !strings.Contains(err.Error(), `r.yaml:4:11: sections[0].body: [x]{zz-99}: "zz-99" is not a language tag`) || strings.Contains(err.Error(), "fr") {
		t.Errorf("bad tag: %v", err)
	}
	old := find
	defer func() { find = old }()
	find = func(string, int) (*fonts.Face, error) { return nil, fonts.ErrNotFound }
	r, _ = data.Parse("r.yaml", []byte("title: 测试\nsections:\n  - title: 一\n    body: 他说[ありがとう]{ja}。\n"))
	if _, err = New(r); err == nil || !strings.Contains(err.Error(), "text marked {ja} is set in the glyph forms of Japanese") || !strings.Contains(err.Error(), "apt-get install fonts-noto-cjk") {
		t.Errorf("missing face: %v", err)
	}
}

// A title breaks at its space or mark however unequal the lines (the
// Japanese title's space, not inside 市政), and the cover sets a title
// with neither (清江流域河湖长制工作年报) at the largest size that keeps it
// whole rather than break inside a word.
func TestTitleBreaks(t *testing.T) {
	jp, err := fonts.Find("Noto Sans CJK JP", 900)
	if err != nil {
		t.Skip("fonts-noto-cjk is not installed")
	}
	lines := Break([]Span{{Text: "みなと市 市政年次報告", Face: jp, Size: 54}}, 500, Setting{Align: Left, PhraseBreaks: true, Title: true})
	var got []string
	for _, l := range lines {
		got = append(got, strings.TrimSpace(l.Text()))
	}
	if strings.Join(got, "|") != "みなと市|市政年次報告" {
		t.Errorf("Japanese title: %q, want it broken at its space", got)
	}
	if midPhrase("みなと市 市政年次報告", lines) {
		t.Errorf("%q: a break at a space taken for one inside a phrase", got)
	}
	for _, style := range theme.Names() {
		for _, path := range []string{"../examples/river-basin-2025/report.yaml", "../examples/minato-city-2025/report.yaml"} {
			r := load(t, path)
			d, _ := buildExample(t, r, Options{Style: style}, false)
			for _, pl := range d.Pages[0].Blocks {
				if p, ok := pl.Block.(*Paragraph); ok && len(p.Spans) > 0 && p.Spans[0].Text == r.Title {
					var ls []string
					for _, l := range p.Lines(pl.W) {
						ls = append(ls, l.Text())
					}
					if midPhrase(r.Title, p.Lines(pl.W)) {
						t.Errorf("%s %s: the cover's title breaks inside a word: %q", style, r.Title, ls)
					}
				}
			}
		}
	}
}
