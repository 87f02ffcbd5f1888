package hyphen

import (
	"strings"
	"testing"
)

// TeX's own hyphenations of these words with hyph-en-us and hyph-en-gb,
// at TeX's lefthyphenmin of 2 (For keeps 3: TestFor).
func TestHyphenate(t *testing.T) {
	tex := map[string]*Patterns{"en": must(Parse(enUSPatterns, enUSExceptions)), "en-US": must(Parse(enUSPatterns, enUSExceptions)),
		"en-GB": must(Parse(enGBPatterns, enGBExceptions))}
	for _, p := range tex {
		p.Left = 2
	}
	for _, tt := range []struct{ tag, word, want string }{
		{"en", "hyphenation", "hy-phen-ation"},
		{"en", "computer", "com-puter"},
		{"en", "algorithm", "al-go-rithm"},
		{"en-US", "infrastructure", "in-fra-struc-ture"},
		{"en", "Responsibility", "Re-spon-si-bil-ity"},
		// patterns that start a word (".ach4", ".east5"): their digits
		// once stood a letter early ("Eas-t-brook", "Respon-")
		{"en", "achievement", "achieve-ment"},
		{"en-GB", "Eastbrook", "East-brook"},
		{"en-GB", "eastern", "east-ern"},
		{"en", "associate", "as-so-ciate"}, // an exception
		{"en", "project", "project"},       // an exception: never
		{"en", "table", "ta-ble"},
		{"en-GB", "hyphenation", "hy-phen-a-tion"},
		{"en-GB", "project", "pro-ject"},
		{"en-GB", "however", "how-ever"}, // a British exception
		{"en", "cat", "cat"},             // shorter than Left+Right
		{"en", "PM2.5", "PM2.5"},         // not a word of letters
		{"en", "café", "café"},
	} {
		if got := tex[tt.tag].Hyphenate(tt.word); got != tt.want {
			t.Errorf("%s %q: got %q, want %q", tt.tag, tt.word, got, tt.want)
		}
	}
}

// What the layout gets: three letters at least on either side of a
// hyphen, and the local exceptions over both pattern sets — the words a
// designer's review marked ("Unpre-/cedented" from hyph-en-gb's
// pre-ced-en-ted, "in-/stitutional", "es-/tablishments").
func TestForHyphenate(t *testing.T) {
	for _, tt := range []struct{ tag, word, want string }{
		{"en-GB", "Unprecedented", "Unprec-e-dented"},
		{"en", "unprecedented", "unprec-e-dented"},
		{"en-GB", "precedents", "prec-e-dents"},
		{"en-GB", "institutional", "insti-tu-tional"},
		{"en", "Institutional", "Insti-tu-tional"},
		{"en", "establishments", "estab-lish-ments"},
		{"en-GB", "unannounced", "unan-nounced"},
		{"en", "hyphenation", "hyphen-ation"},
		{"en-GB", "hyphenation", "hyphen-a-tion"},
		{"en", "table", "table"},
		{"en", "associate", "asso-ciate"}, // hyph-en-us's exception, cut to Left
		{"en-GB", "however", "how-ever"},
	} {
		if got := For(tt.tag).Hyphenate(tt.word); got != tt.want {
			t.Errorf("%s %q: got %q, want %q", tt.tag, tt.word, got, tt.want)
		}
	}
}

func TestPointsKeepEnds(t *testing.T) {
	p := For("en")
	for _, w := range []string{"international", "cooperation", "development", "typesetting", "community"} {
		n := len(w)
		for _, i := range p.Points(w) {
			if i < p.Left || n-i < p.Right {
				t.Errorf("%q: point %d leaves fewer than %d/%d letters", w, i, p.Left, p.Right)
			}
		}
		if len(p.Points(w)) == 0 {
			t.Errorf("%q: no points", w)
		}
	}
}

func TestFor(t *testing.T) {
	for _, tag := range []string{"zh-Hans", "ja", "", "de"} {
		if For(tag) != nil {
			t.Errorf("For(%q) has patterns", tag)
		}
	}
	if For("en-AU") != For("en-GB") || For("en-CA") != For("en") || For("en") == For("en-GB") {
		t.Error("regions map to the wrong patterns")
	}
}

func TestParse(t *testing.T) {
	p, err := Parse("% comment\n.ab1c 2b1d\n", "x-y-z")
	if err != nil {
		t.Fatal(err)
	}
	p.Left, p.Right = 1, 1
	if got := p.Hyphenate("abcd"); got != "ab-cd" {
		t.Errorf("got %q", got)
	}
	if got := p.Hyphenate("xyz"); got != "x-y-z" {
		t.Errorf("exception: got %q", got)
	}
	for _, bad := range []string{"a12b", "12"} {
		if _, err := Parse(bad, ""); err == nil || !strings.Contains(err.Error(), "line 1") {
			t.Errorf("Parse(%q): %v", bad, err)
		}
	}
}
