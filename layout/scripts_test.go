package layout

import (
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/internal/cjk"
	"github.com/brochure-dev/brochure/locale"
)

// Each language's line-breaking rules, at every width from two em to a
// column: where lines may end, what never splits, and that no space is
// added inside Latin (a reader copying the text would get it).
func TestScriptBreaks(t *testing.T) {
	korean := func(t *testing.T) []*fonts.Face {
		f, err := fonts.Find("Noto Sans CJK KR", 400)
		if err != nil {
			t.Skip("no Korean font installed (fonts-noto-cjk)")
		}
		return []*fonts.Face{f}
	}
	japanese := func(t *testing.T) []*fonts.Face {
		f, err := fonts.Find("Noto Sans CJK JP", 400)
		if err != nil {
			t.Skip("no Japanese font installed (fonts-noto-cjk)")
		}
		return []*fonts.Face{f}
	}
	tests := []struct {
		name     string
		text     string
		fallback func(*testing.T) []*fonts.Face
		// ok reports whether a line may end after before and start with after
		ok func(before, after string) bool
		// whole are strings that must never be split across lines
		whole []string
	}{
		{name: "Japanese kinsoku (JIS X 4051)", text: "ちょっとキャッシュをチェックしてください。ファイルは「ドキュメント」フォルダーにあります。", fallback: japanese,
			ok: func(_, after string) bool {
				r := []rune(after)[0]
				return !strings.ContainsRune(cjk.NoStart, r)
			}},
		{name: "Korean breaks at spaces (KLREQ)", text: "서울과 부산의 대표단이 함께 참석했습니다. 두 도시는 환경과 교통 분야에서 협력하기로 했습니다.", fallback: korean,
			ok: func(before, after string) bool {
				return strings.HasSuffix(before, " ") || strings.HasPrefix(after, " ")
			}},
		{name: "URL breaks only after / . @ ? &", text: "详细日程见https://www.nbjiangbei.gov.cn/col/col1229112345/index.html，或致信exchange-office@ningbo.gov.cn联系。",
			ok: func(before, after string) bool {
				b, a := []rune(before), []rune(after)
				last, next := b[len(b)-1], a[0]
				if last < 0x2E80 && last != ' ' && next < 0x2E80 && next != ' ' { // inside a Latin run
					return strings.ContainsRune("/.@?&", last) // never at exchange-office's hyphen
				}
				return true
			},
			whole: []string{"https:"}},
		{name: "units and codes never split", text: "路边站PM2.5年均浓度为24μg/m³，化学需氧量12mg/L，绿地3.5km²，执行GB 18918-2002标准，版本v3.2.1。",
			whole: []string{"PM2.5", "24μg/m³", "12mg/L", "3.5km²", "v3.2.1"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var fb []*fonts.Face
			if tt.fallback != nil {
				fb = tt.fallback(t)
			}
			spans := []Span{{Text: tt.text, Face: fonts.Regular, Size: sizeBody, Fallback: fb}}
			for _, r := range tt.text {
				if !fonts.Regular.Has(r) && (len(fb) == 0 || !fb[0].Has(r)) {
					t.Fatalf("no face has %q", r)
				}
			}
			for width := 3 * sizeBody; width <= 243; width += 7 {
				set := Setting{Align: Justify}
				lines := Break(spans, width, set)
				checkLines(t, tt.text, lines, width, set)
				// where each line starts in the text
				var ends []int
				flat := tt.text
				at := 0
				for _, l := range lines {
					s := strings.TrimSpace(l.Text())
					i := strings.Index(flat[at:], s)
					if i < 0 {
						t.Fatalf("line %q not found in the text", s)
					}
					at += i + len(s)
					ends = append(ends, at)
				}
				for _, e := range ends[:len(ends)-1] {
					if tt.ok != nil && width >= 110 && !tt.ok(flat[:e], flat[e:]) { // narrower, a segment may not fit
						t.Errorf("width %.0f: a line ends at %q|%q", width, tail(flat[:e]), head(flat[e:]))
					}
					for _, w := range tt.whole {
						if fonts.Regular.Width(w, sizeBody) > width-2*sizeBody {
							continue // wider than a line can hold: it must break
						}
						for i := strings.Index(flat, w); i >= 0; i = -1 {
							if e > i && e < i+len(w) {
								t.Errorf("width %.0f: %q split across lines", width, w)
							}
						}
					}
				}
				// no space added inside a Latin run: consecutive Latin
				// glyphs touch
				for _, l := range lines {
					for j := 1; j < len(l.Glyphs); j++ {
						p, g := l.Glyphs[j-1], l.Glyphs[j]
						if p.R < 0x2E80 && g.R < 0x2E80 && p.R != ' ' && g.R != ' ' && g.X-(p.X+p.Adv) > 0.01 {
							t.Errorf("width %.0f: %.2f pt added between %q and %q in %q", width, g.X-(p.X+p.Adv), p.R, g.R, l.Text())
						}
					}
				}
			}
		})
	}
}

func tail(s string) string { r := []rune(s); return string(r[max(0, len(r)-6):]) }
func head(s string) string { r := []rune(s); return string(r[:min(len(r), 6)]) }

// Headline figures are set big; names, codes and years are words.
func TestHeadlineFigures(t *testing.T) {
	en := defaultTheme()
	en.Locale = locale.Must("en")
	zhHK := defaultTheme()
	zhHK.Locale = locale.Must("zh-HK")
	tests := []struct {
		th       Theme
		headline string
		figures  []string
	}{
		{defaultTheme(), "500余场教育活动，1006项荣誉", []string{"500", "1006"}},
		{defaultTheme(), "PM2.5浓度下降14.98%", []string{"14.98%"}},
		{defaultTheme(), "执行GB 18918-2002标准，达标率100%", []string{"100%"}},
		{defaultTheme(), "系统升级到v3.2.1，响应快3倍", []string{"3"}},
		{defaultTheme(), "COVID-19疫情下的1,200场活动", []string{"1,200"}},
		{en, "5200+ patrols and a safer city", []string{"5,200"}},
		{en, "Reported crime fell 6.2% to its lowest level", []string{"6.2%"}},
		{en, "ISO 9001 kept for 12 years", []string{"12"}},
		// a year is a word: before 年, a capitalized word, a comma, the end
		{defaultTheme(), "2025年江北公安大事记", nil},
		{defaultTheme(), "2025年破案1200起", []string{"1200"}},
		{defaultTheme(), "全年受理2025起警情", []string{"2025"}},
		{en, "2025 Annual Review", nil},
		{en, "In 2025, crime fell 6.2%", []string{"6.2%"}},
		{en, "2025 cases closed", []string{"2,025"}},
		// a telephone number, a hotline, a postcode is a word
		{defaultTheme(), "96345热线全年受理诉求21.8万件，办结率99.8%", []string{"21.8", "99.8%"}},
		{defaultTheme(), "12345市民热线受理诉求3000件", []string{"3000"}},
		{defaultTheme(), "服务热线：96345，全年接听来电12000次", []string{"12000"}},
		{defaultTheme(), "拨打400-820-1234预约上门服务", nil},
		{defaultTheme(), "邮编310000以内的乡镇全部通水", nil},
		{defaultTheme(), "全年受理3000件热线来电", []string{"3000"}},
		{defaultTheme(), "开通热线12条", []string{"12"}},
		{defaultTheme(), "热线受理96,345件", []string{"96,345"}},
		{zhHK, "999緊急熱線全年接報86.4萬宗", []string{"86.4"}},
		{zhHK, "電話2735 3355全日開放", nil},
		{en, "Call 999 in an emergency", nil},
		{en, "Hotline 0800 123 456 answered 12,400 calls", []string{"12,400"}},
		{en, "Hotel stays rose to 1500", []string{"1,500"}},
		// a figure in 万 and its remainder as written: never 1萬2,860
		{zhHK, "新增路外停車位1萬2860格", []string{"1", "2860"}},
		{zhHK, "新增路外停車位1萬2,860格", []string{"1", "2,860"}},
		{zhHK, "新增路外停車位12860格", []string{"12,860"}},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range headlineSpans(tt.headline, tt.th) {
			if s.Size == sizeHeadNum {
				got = append(got, s.Text)
			}
		}
		if strings.Join(got, "|") != strings.Join(tt.figures, "|") {
			t.Errorf("%s: figures %q, want %q", tt.headline, got, tt.figures)
		}
	}
}

// Traditional Chinese sets ，。、；：！？ centred on a full em: they are
// never compressed, where Simplified Chinese gives up their blank half.
func TestCentredPunctuation(t *testing.T) {
	text := "市民滿意度上升。」「網上報案，。」"
	for _, centred := range []bool{false, true} {
		items := shape([]Span{{Text: text, Face: fonts.Regular, Size: 10, Centred: centred}}, Setting{})
		for _, it := range items {
			if !strings.ContainsRune("，。", it.r) {
				continue
			}
			if cut := it.cut > 0 || it.end > 0; cut == centred {
				t.Errorf("centred %v: %q cut %.1f end %.1f", centred, it.r, it.cut, it.end)
			}
		}
	}
}
