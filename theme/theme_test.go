package theme

import (
	"fmt"
	"math"
	"reflect"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/ink"
)

// Every look is complete: every colour a colour, every size given, the
// faces set. A look that forgets a field would set text at 0 pt or draw
// in black.
func TestLooksComplete(t *testing.T) {
	if len(Names()) == 0 {
		t.Fatal("no look is registered")
	}
	for _, name := range Names() {
		th, err := Look(name)
		if err != nil {
			t.Fatal(err)
		}
		if th.Name != name {
			t.Errorf("%s: Name %q", name, th.Name)
		}
		if th.About[0] == "" || th.About[1] == "" {
			t.Errorf("%s: About does not say what the look is in Chinese and English", name)
		}
		if th.Regular == nil || th.Bold == nil || th.Black == nil {
			t.Errorf("%s: a face is missing", name)
		}
		p := reflect.ValueOf(th.Palette)
		for i := range p.NumField() {
			if _, err := ink.Parse(p.Field(i).String()); err != nil || p.Field(i).String() == "" {
				t.Errorf("%s: Palette.%s = %q is not a colour", name, p.Type().Field(i).Name, p.Field(i).String())
			}
		}
		for _, part := range []any{th.Scale, th.Grid, th.Cover, th.Opener, th.Card, th.Chart, th.Table} {
			v := reflect.ValueOf(part)
			for i := range v.NumField() {
				if f := v.Field(i); f.IsZero() && !strings.HasPrefix(v.Type().Field(i).Tag.Get("theme"), "optional") {
					t.Errorf("%s: %s.%s is not set", name, v.Type().Name(), v.Type().Field(i).Name)
				}
			}
		}
	}
	if _, err := Look("nosuch"); err == nil {
		t.Error("an unknown look is not an error")
	}
}

// TestTypeForPoppler checks two sizes that poppler's pdftotext needs to
// read the columns in order. Every look's body leading is under 1.5 times
// its size by a margin that rounding cannot eat: poppler puts two lines in
// one block only when their baselines are at most 1.5 × the size apart,
// and at exactly 1.5 (report's 10 on 15) the comparison went either way
// line by line, so a column at a page's foot came apart into blocks that
// poppler read across the columns. And a look whose opener ends with the
// headline keeps the headline's figures under 1.6 times its words.
func TestTypeForPoppler(t *testing.T) {
	for _, name := range Names() {
		th, err := Look(name)
		if err != nil {
			t.Fatal(err)
		}
		if s := th.Scale; s.Lead > 1.5*s.Body-0.05 {
			t.Errorf("%s: body %g on %g: the leading is %.3f × the size, want under 1.5 by 0.05 pt", name, s.Body, s.Lead, s.Lead/s.Body)
		}
		// the numeral opener has no text under its headline that spans
		// both columns (as newspaper's deck does): a headline's line must
		// be one block to poppler, which parts words from a figure more
		// than 1.6 times their size
		if s := th.Scale; th.Opener.Kind == "numeral" && s.HeadNum >= 1.6*s.HeadWord {
			t.Errorf("%s: headline figures %g pt over %g pt words: poppler reads a late figure as a block of its own", name, s.HeadNum, s.HeadWord)
		}
	}
}

// TestDescribed: both texts name every look once with its About, the
// default first (marked 默认 in Chinese), the last after "或 " / " or ";
// and asking again gives the same text.
func TestDescribed(t *testing.T) {
	for _, tc := range []struct {
		en    bool
		entry string // a look's entry, from its name and About
		or    string
	}{
		{false, "%s（%s）", "或 "},
		{true, "%s (%s)", " or "},
	} {
		got := Described(tc.en)
		about := func(n string) string {
			th, err := Look(n)
			if err != nil {
				t.Fatal(err)
			}
			if tc.en {
				return th.About[1]
			}
			if n == Default {
				return th.About[0] + "，默认"
			}
			return th.About[0]
		}
		if first := fmt.Sprintf(tc.entry, Default, about(Default)); !strings.HasPrefix(got, first) {
			t.Errorf("%q does not start with the default look, %q", got, first)
		}
		for _, n := range Names() {
			if e := fmt.Sprintf(tc.entry, n, about(n)); strings.Count(got, e) != 1 {
				t.Errorf("%q names %s (%q) not once", got, n, e)
			}
		}
		if len(Names()) > 1 && strings.Count(got, tc.or) != 1 {
			t.Errorf("%q has not one %q", got, tc.or)
		}
		if again := Described(tc.en); again != got {
			t.Errorf("%q, then %q", got, again)
		}
	}
}

// TestSecondColour: in every look the second colour (a chart's second
// series, a falling figure) is of another hue than the primary, at least
// 60° around the colour wheel, so that two series are told apart by more
// than their lightness (the poster's navy beside its blue was 3° away and
// 1.7:1 in lightness); and, since it sets figures, it is dark enough to
// read as large text on white (3:1).
func TestSecondColour(t *testing.T) {
	for _, name := range Names() {
		th, err := Look(name)
		if err != nil {
			t.Fatal(err)
		}
		p, a := rgb(t, th.Primary), rgb(t, th.Accent)
		d := math.Abs(hue(p) - hue(a))
		if d > 180 {
			d = 360 - d
		}
		if d < 60 {
			t.Errorf("%s: primary %s and accent %s are %.0f° apart in hue", name, th.Primary, th.Accent, d)
		}
		if c := 1.05 / (luminance(a) + 0.05); c < 3 {
			t.Errorf("%s: accent %s is %.1f:1 on white", name, th.Accent, c)
		}
	}
}

func rgb(t *testing.T, hex string) [3]float64 {
	c, err := ink.Parse(hex)
	if err != nil {
		t.Fatal(err)
	}
	return [3]float64{float64(c.RGB[0]) / 255, float64(c.RGB[1]) / 255, float64(c.RGB[2]) / 255}
}

// hue is the colour's hue in degrees (HSL).
func hue(c [3]float64) float64 {
	r, g, b := c[0], c[1], c[2]
	hi, lo := max(r, g, b), min(r, g, b)
	if hi == lo {
		return 0
	}
	var h float64
	switch hi {
	case r:
		h = math.Mod((g-b)/(hi-lo), 6)
	case g:
		h = (b-r)/(hi-lo) + 2
	default:
		h = (r-g)/(hi-lo) + 4
	}
	return math.Mod(h*60+360, 360)
}

// luminance is WCAG's relative luminance.
func luminance(c [3]float64) float64 {
	lin := func(v float64) float64 {
		if v <= 0.03928 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c[0]) + 0.7152*lin(c[1]) + 0.0722*lin(c[2])
}

// TestUnitOnTheScale: a stat card's unit (起, %, 万人次) is set in a size
// of the look's scale (the body's or the titles'), not in one of its own
// a few tenths of a point from the body's (9.9 beside 9.5): a page keeps
// to a handful of sizes.
func TestUnitOnTheScale(t *testing.T) {
	for _, name := range Names() {
		th, err := Look(name)
		if err != nil {
			t.Fatal(err)
		}
		s := th.Scale
		unit := s.Stat * th.Card.Unit
		on := false
		for _, size := range []float64{s.Folio, s.Label, s.Body, s.Title, s.HeadWord} {
			on = on || math.Abs(unit-size) < 0.01
		}
		if !on {
			t.Errorf("%s: a card's unit is %.2f pt, not a size of the scale %+v", name, unit, s)
		}
	}
}
