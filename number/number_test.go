package number

import (
	"math"
	"testing"
)

func TestText(t *testing.T) {
	tests := []struct {
		f    Format
		in   string
		want string
	}{
		{Plain, "14.98", "14.98"},
		{Plain, "3079.3", "3079.3"},
		{Plain, "1006", "1006"},
		{Format{Style: "wan", Decimals: -1}, "30793000", "3079.3万"},
		{Format{Style: "wan", Decimals: -1}, "30790000", "3079万"},
		{Format{Style: "wan", Decimals: 2}, "30793000", "3079.30万"},
		{Format{Style: "yi", Decimals: -1}, "101000000", "1.01亿"},
		{Format{Style: "yi", Decimals: -1}, "101500000", "1.02亿"},
		{Format{Style: "auto", Decimals: -1}, "1653", "1653"},
		{Format{Style: "auto", Decimals: -1}, "30793000", "3079.3万"},
		{Format{Style: "auto", Decimals: -1}, "250000000", "2.5亿"},
		{Format{Decimals: 1}, "14.98", "15.0"},
		{Format{Decimals: 2}, "14.985", "14.99"}, // half away from zero, on the digits
		{Format{Decimals: 2}, "-14.985", "-14.99"},
		{Format{Decimals: 0}, "9.5", "10"},
		{Format{Decimals: 0}, "99.5", "100"},
		{Format{Decimals: 3}, "7", "7.000"},
		{Format{Decimals: 0}, "-0.4", "0"},
		{Format{Decimals: -1, Lang: "en"}, "30793000", "30,793,000"},
		{Format{Decimals: -1, Lang: "en"}, "1653.25", "1,653.25"},
		{Format{Decimals: -1, Lang: "en"}, "-1653", "-1,653"},
		{Format{Decimals: -1, Lang: "en"}, "999", "999"},
		{Format{Decimals: -1}, "abc", "abc"},
	}
	for _, tt := range tests {
		if got := tt.f.Text(tt.in); got != tt.want {
			t.Errorf("%+v.Text(%q) = %q, want %q", tt.f, tt.in, got, tt.want)
		}
	}
}

func TestLabel(t *testing.T) {
	tests := []struct {
		f    Format
		in   string
		want string
	}{
		{Format{Decimals: -1, Unit: "起"}, "683", "683起"},
		{Format{Decimals: -1, Unit: "%"}, "14.98", "14.98%"},
		{Format{Decimals: -1, Unit: "%", Lang: "en"}, "14.98", "14.98%"},
		{Format{Decimals: -1, Unit: "cases", Lang: "en"}, "1653", "1,653 cases"},
		{Format{Decimals: -1, Prefix: "约", Unit: "人次", Style: "wan"}, "30793000", "约3079.3万人次"},
		{Format{Decimals: -1, Prefix: "about", Lang: "en"}, "50", "about 50"},
		{Format{Decimals: -1, Prefix: "$", Lang: "en"}, "50", "$50"},
	}
	for _, tt := range tests {
		if got := tt.f.Label(tt.in); got != tt.want {
			t.Errorf("Label(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestPercent(t *testing.T) {
	if got := Percent(376.0/1653, -1); got != "22.7%" {
		t.Errorf("got %q", got)
	}
	if got := Percent(0.12345, 2); got != "12.35%" {
		t.Errorf("got %q", got)
	}
	// a share too small to show is under the least shown, never 0.0%
	for _, tt := range []struct {
		share float64
		dec   int
		want  string
	}{{5.0 / 12618, 1, "<0.1%"}, {5.0 / 12618, 2, "0.04%"}, {0.00004, 2, "<0.01%"}, {0.004, 0, "<1%"}, {0, 1, "0.0%"}, {0.0005, 1, "0.1%"}} {
		if got := Percent(tt.share, tt.dec); got != tt.want {
			t.Errorf("Percent(%g, %d) = %q, want %q", tt.share, tt.dec, got, tt.want)
		}
	}
}

func TestTicks(t *testing.T) {
	tests := []struct {
		lo, hi float64
		n      int
		min    float64
		max    float64
		step   float64
	}{
		{0, 44.86, 4, 0, 60, 20}, // 1-2-5: 20, not 12.5 or 15
		{0, 44.86, 5, 0, 50, 10},
		{0, 683, 4, 0, 800, 200},
		{0, 3079.3, 4, 0, 4000, 1000},
		{-4.5, 12, 4, -5, 15, 5},
		{0, 0, 4, 0, 1, 0.5},
		{0, 0.37, 4, 0, 0.4, 0.1},
		{0, 1, 1, 0, 1, 1},
	}
	for _, tt := range tests {
		mn, mx, st := Ticks(tt.lo, tt.hi, tt.n)
		if mn != tt.min || mx != tt.max || st != tt.step {
			t.Errorf("Ticks(%v, %v, %d) = %v, %v, %v; want %v, %v, %v", tt.lo, tt.hi, tt.n, mn, mx, st, tt.min, tt.max, tt.step)
		}
		if (mx-mn)/st > float64(tt.n)+1e-9 {
			t.Errorf("Ticks(%v,%v,%d): %v intervals", tt.lo, tt.hi, tt.n, (mx-mn)/st)
		}
	}
	for _, raw := range []float64{0.013, 0.7, 1, 1.2, 3, 7, 42, 130, 2600} {
		s := NiceStep(raw)
		m := s / pow10floor(s)
		if (m != 1 && m != 2 && m != 5) || s < raw {
			t.Errorf("NiceStep(%v) = %v", raw, s)
		}
	}
}

func pow10floor(x float64) float64 {
	p := 1.0
	for p*10 <= x*(1+1e-9) {
		p *= 10
	}
	for p > x*(1+1e-9) {
		p /= 10
	}
	return p
}

func TestTick(t *testing.T) {
	for _, tt := range []struct {
		f       Format
		v, step float64
		want    string
	}{
		{Plain, 0.30000000000000004, 0.1, "0.3"},
		{Format{Lang: "en"}, 20000, 5000, "20,000"},
		{Format{Lang: "zh-TW"}, 2000, 500, "2,000"},
		{Format{Lang: "zh-Hans"}, 2000, 500, "2000"},
		{Format{Lang: "zh-Hans", Group: FromFive}, 2000, 500, "2000"},
		{Format{Lang: "zh-Hans", Group: FromFive}, 20000, 5000, "20,000"},
		{Plain, -1e-12, 5, "0"},
	} {
		if got := tt.f.Tick(tt.v, tt.step); got != tt.want {
			t.Errorf("%+v.Tick(%v, %v) = %q, want %q", tt.f, tt.v, tt.step, got, tt.want)
		}
	}
}

// The house rule: English, Traditional Chinese, Japanese and Korean
// group from four digits; Simplified Chinese as the report's own text
// writes its figures, else not at all.
func TestRule(t *testing.T) {
	for _, tt := range []struct {
		lang, text string
		want       Grouping
	}{
		{"en", "", FromFour},
		{"en-GB", "1046 cases", FromFour},
		{"zh-TW", "", FromFour},
		{"zh-Hant", "火災1046件", FromFour},
		{"zh-HK", "", FromFour},
		{"ja", "", FromFour},
		{"ko", "", FromFour},
		{"", "", Ungrouped},
		{"zh-CN", "破获刑事案件12860起，抓获7430名", Ungrouped},
		{"zh-Hans", "全年罪案88,300宗，新招聘警员1500名", FromFive},
		{"zh-Hans", "火灾1,046件", FromFour},
		{"zh-Hans", "共1,234,567人", FromFive},
		// the character after one figure is the one before the next
		{"zh", "分别为12,860、1,046人", FromFour},
		{"zh", "1,2345与1,046", FromFour},
		{"zh", "1,2345", Ungrouped},
		{"zh", "第1,2,3项；2019,2020年；GB 18918-2002；3.1,415", Ungrouped},
	} {
		if got := Rule(tt.lang, tt.text); got != tt.want {
			t.Errorf("Rule(%q, %q) = %v, want %v", tt.lang, tt.text, got, tt.want)
		}
	}
}

// A figure is grouped by its format's rule: the language's, or Group.
func TestGroup(t *testing.T) {
	for _, tt := range []struct {
		f        Format
		in, want string
	}{
		{Format{Decimals: -1, Lang: "zh-TW"}, "1046", "1,046"},
		{Format{Decimals: -1, Lang: "zh-Hant-TW"}, "90412", "90,412"},
		{Format{Decimals: -1, Lang: "zh-HK"}, "1046.5", "1,046.5"},
		{Format{Decimals: -1, Lang: "zh-Hans"}, "90412", "90412"},
		{Format{Decimals: -1, Lang: "zh-Hans", Group: FromFive}, "1046", "1046"},
		{Format{Decimals: -1, Lang: "zh-Hans", Group: FromFive}, "90412", "90,412"},
		{Format{Decimals: -1, Lang: "zh-Hans", Group: FromFour}, "1046", "1,046"},
		{Format{Decimals: -1, Lang: "en", Group: Ungrouped}, "1046", "1046"},
		{Format{Decimals: -1, Lang: "ja"}, "1046", "1,046"},
		{Format{Style: "wan", Decimals: -1, Lang: "zh-TW"}, "123456789", "12,345.68萬"},
	} {
		if got := tt.f.Text(tt.in); got != tt.want {
			t.Errorf("%+v.Text(%q) = %q, want %q", tt.f, tt.in, got, tt.want)
		}
	}
}

// TicksFrom covers the data without reaching down to zero, in round steps.
func TestTicksFrom(t *testing.T) {
	for _, tt := range []struct {
		lo, hi float64
		n      int
		min    float64 // the least acceptable axis minimum
	}{
		{44.8, 50.3, 4, 40},
		{5, 5, 4, 4},
		{6980, 9120, 5, 6000},
		{-12, -3, 3, -20},
		{0.031, 0.047, 4, 0.02},
	} {
		mn, mx, st := TicksFrom(tt.lo, tt.hi, tt.n)
		if mn > tt.lo || mx < tt.hi || mn < tt.min || int(math.Round((mx-mn)/st)) > tt.n {
			t.Errorf("TicksFrom(%v, %v, %d) = %v..%v step %v", tt.lo, tt.hi, tt.n, mn, mx, st)
		}
		if r := st / math.Pow(10, math.Floor(math.Log10(st))); math.Abs(r-1) > 1e-9 && math.Abs(r-2) > 1e-9 && math.Abs(r-5) > 1e-9 {
			t.Errorf("TicksFrom(%v, %v): step %v is not 1, 2 or 5 times a power of ten", tt.lo, tt.hi, st)
		}
	}
}

// The words for large numbers follow the language: 萬 and 億 in
// Traditional Chinese, million and billion in English.
func TestLanguageWords(t *testing.T) {
	tests := []struct {
		lang, style, text, want string
	}{
		{"zh-CN", "auto", "30793000", "3079.3万"},
		{"zh-HK", "auto", "30793000", "3,079.3萬"}, // grouped as Hong Kong writes figures
		{"zh-Hant-TW", "yi", "101000000", "1.01億"},
		{"ja", "yi", "101000000", "1.01億"},
		{"ko", "wan", "30000", "3만"},
		{"en", "auto", "230000000000", "230 billion"},
		{"en-GB", "wan", "30793000", "30.79 million"},
		{"en", "auto", "5200", "5,200"},
		{"en", "", "5200", "5,200"},
	}
	for _, tt := range tests {
		if got := (Format{Style: tt.style, Decimals: -1, Lang: tt.lang}).Text(tt.text); got != tt.want {
			t.Errorf("%s %s %s = %s, want %s", tt.lang, tt.style, tt.text, got, tt.want)
		}
	}
}

// Figures printed together are grouped alike: under FromFive a four-digit
// figure beside a five-digit one is grouped too.
func TestAlike(t *testing.T) {
	f := Format{Decimals: -1, Lang: "zh-Hans", Group: FromFive}
	if got := f.Alike("6100", "27900").Text("6100"); got != "6,100" {
		t.Errorf("6100 beside 27900: %q, want 6,100", got)
	}
	if got := f.Alike("6100", "1500").Text("6100"); got != "6100" {
		t.Errorf("6100 beside 1500: %q, want 6100", got)
	}
	if got := (Format{Style: "wan", Decimals: -1, Group: FromFive}).Alike("30793000").Text("30793000"); got != "3079.3万" {
		t.Errorf("30793000 in 万: %q, want 3079.3万 (four digits printed)", got)
	}
	if got := (Format{Decimals: -1, Lang: "en", Group: FromFour}).Alike("1").Text("6100"); got != "6,100" {
		t.Errorf("FromFour: %q", got)
	}
}

// Brief rounds a scaled figure as a headline writes it; Split gives the
// scale's word apart.
func TestBriefSplit(t *testing.T) {
	tests := []struct {
		lang, style, text string
		brief             bool
		figure, word      string
	}{
		{"zh-Hans", "auto", "30793000", true, "3079.3", "万"},
		{"zh-Hans", "auto", "30793456", true, "3079.3", "万"},
		{"zh-Hans", "auto", "30793456", false, "3079.35", "万"},
		{"zh-Hans", "auto", "123456789", true, "1.23", "亿"},
		{"zh-HK", "auto", "230000000000", true, "2,300", "億"},
		{"en", "auto", "30793000", true, "30.8", " million"},
		{"en", "auto", "30793000", false, "30.79", " million"},
		{"zh-Hans", "auto", "8500", true, "8500", ""},
		{"zh-Hans", "", "30793000", true, "30793000", ""},
	}
	for _, tt := range tests {
		f, w := Format{Style: tt.style, Decimals: -1, Lang: tt.lang, Brief: tt.brief}.Split(tt.text)
		if f != tt.figure || w != tt.word {
			t.Errorf("%s %s %s brief %v: %q %q, want %q %q", tt.lang, tt.style, tt.text, tt.brief, f, w, tt.figure, tt.word)
		}
	}
}

// A stat's figure is written in 万 or 亿 when the report's text writes it
// so, as a card would print it, and nowhere in full.
func TestWritten(t *testing.T) {
	for _, tt := range []struct {
		lang, text, value, unit, want string
	}{
		{"zh-Hans", "乡镇覆盖率100%，新增农村受益人口12.6万", "126000", "人", "wan"},
		{"zh-HK", "救護召喚86.4萬宗，每日平均2,367宗", "864000", "宗", "wan"},
		{"zh-HK", "全年處理來電225萬個", "2250000", "個", "wan"},
		{"zh-Hans", "全年供水4.99亿立方米", "499000000", "立方米", "yi"},
		{"zh-Hans", "受理诉求21.8万件", "218000", "件", "wan"},
		{"ja", "参加者は5万4,000人", "54000", "人", ""}, // the Japanese 万 with a remainder is the full figure written
		// written in full somewhere too: the exact figure
		{"zh-Hans", "五级河湖长1.26万名……设立五级河湖长12,618名", "12618", "名", ""},
		{"zh-MO", "接待夜讀讀者2.68萬人次；入館讀者26,800人次", "26800", "人次", ""},
		{"zh-Hans", "新增受益人口126000人", "126000", "人", ""},
		// another quantity, or not a whole figure
		{"zh-Hans", "投资12.6万元", "126000", "人", ""},
		{"zh-Hans", "累计112.6万人", "126000", "人", ""},
		{"zh-Hans", "共12.6万3千人", "126000", "人", ""},
		{"zh-Hans", "受益12.63万人", "126300", "人", ""}, // a card prints 12.6万: not as written
		// not a figure a card scales
		{"zh-Hans", "1.2万人", "12000.5", "人", ""},
		{"zh-Hans", "0.9万人", "9000", "人", ""},
		{"en", "12.6 thousand people", "12600", "people", ""},
		{"zh-Hans", "", "126000", "人", ""},
	} {
		if got := Written(tt.lang, tt.text, tt.value, tt.unit); got != tt.want {
			t.Errorf("Written(%q, %q, %s%s) = %q, want %q", tt.lang, tt.text, tt.value, tt.unit, got, tt.want)
		}
	}
}

func TestUngroup(t *testing.T) {
	for in, want := range map[string]string{
		"3,079.3萬": "3079.3萬", "1萬2,860格": "1萬2860格", "a, b": "a, b", "88,300宗、1,046件": "88300宗、1046件", ",5": ",5",
	} {
		if got := Ungroup(in); got != want {
			t.Errorf("Ungroup(%q) = %q, want %q", in, got, want)
		}
	}
}
