package locale

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/brochure-dev/brochure/number"
)

func TestParse(t *testing.T) {
	tests := []struct{ tag, want, keyFigures string }{
		{"", "zh-Hans", "年度关键数字"},
		{"zh-CN", "zh-Hans", "年度关键数字"},
		{"zh-cn", "zh-Hans", "年度关键数字"},
		{"zh-SG", "zh-Hans", "年度关键数字"},
		{"zh-Hans", "zh-Hans", "年度关键数字"},
		{"zh-Hant", "zh-Hant-TW", "年度關鍵數字"},
		{"zh-TW", "zh-Hant-TW", "年度關鍵數字"},
		{"zh-HK", "zh-Hant-HK", "年度關鍵數字"},
		{"zh-Hant-HK", "zh-Hant-HK", "年度關鍵數字"},
		{"zh-MO", "zh-Hant-HK", "年度關鍵數字"},
		{"ja", "ja", "年間の主要な数字"},
		{"ko-KR", "ko", "올해의 주요 수치"},
		{"en-GB", "en-GB", "Key figures of the year"},
		{"en", "en", "Key figures of the year"},
	}
	for _, tt := range tests {
		l, err := Parse(tt.tag)
		if err != nil {
			t.Errorf("Parse(%q): %v", tt.tag, err)
			continue
		}
		if l.Tag != tt.want || l.Labels.KeyFigures != tt.keyFigures {
			t.Errorf("Parse(%q) = %s %s, want %s %s", tt.tag, l.Tag, l.Labels.KeyFigures, tt.want, tt.keyFigures)
		}
	}
	for _, bad := range []string{"fr", "de-DE", "zh_HK!", "x"} {
		if _, err := Parse(bad); err == nil {
			t.Errorf("Parse(%q) accepted", bad)
		}
	}
	if hk := Must("zh-HK"); hk.Sans[0] != "Noto Sans CJK HK" {
		t.Errorf("a Hong Kong report looks first for %s", hk.Sans[0])
	}
}

func TestDates(t *testing.T) {
	d := time.Date(2026, 1, 12, 0, 0, 0, 0, time.UTC)
	for tag, want := range map[string]string{"zh-CN": "2026年1月12日", "zh-HK": "2026年1月12日", "ja": "2026年1月12日", "ko": "2026년 1월 12일", "en": "12 January 2026"} {
		if got := Must(tag).Date(d); got != want {
			t.Errorf("%s: %s, want %s", tag, got, want)
		}
	}
	if got := Must("en").Month(d); got != "January 2026" {
		t.Errorf("English month: %s", got)
	}
}

func TestFigure(t *testing.T) {
	tests := []struct {
		tag, prefix, figure, unit, style string
		want                             [3]string
	}{
		{"zh-CN", "近", "230000000000", "元", "", [3]string{"近", "230000000000", "元"}},
		{"en", "", "5200", "+", "", [3]string{"", "5,200", "+"}},
		{"en", "CNY", "230000000000", "", "", [3]string{"CNY ", "230", " billion"}},
		{"en", "", "3079300", "visitors", "", [3]string{"", "3.08", " million visitors"}},
		{"en", "", "30793000", "visits", "", [3]string{"", "30.8", " million visits"}},
		{"en", "", "30793000", "visits", "full", [3]string{"", "30,793,000", " visits"}},
		{"en", "", "14.98", "%", "", [3]string{"", "14.98", "%"}},
		{"zh-TW", "", "1046", "件", "", [3]string{"", "1,046", "件"}},
		{"zh-HK", "", "90412", "趟", "", [3]string{"", "90,412", "趟"}},
		{"zh-CN", "", "90412", "人次", "", [3]string{"", "90412", "人次"}},
		{"ja", "", "1046", "件", "", [3]string{"", "1,046", "件"}},
		{"zh-TW", "", "0800", "", "auto", [3]string{"", "0800", ""}},
		// scaled: the word goes small with the unit, rounded as an editor writes it
		{"zh-HK", "", "230000000000", "港元", "auto", [3]string{"", "2,300", "億港元"}},
		{"zh-HK", "", "30793000", "人次", "auto", [3]string{"", "3,079.3", "萬人次"}},
		{"zh-Hans", "", "230000000000", "元", "auto", [3]string{"", "2300", "亿元"}},
		{"zh-Hans", "", "30793000", "人次", "auto", [3]string{"", "3079.3", "万人次"}},
		{"zh-Hans", "", "123456789", "元", "auto", [3]string{"", "1.23", "亿元"}},
		{"zh-Hans", "", "30793000", "人次", "yi", [3]string{"", "0.31", "亿人次"}},
		{"zh-Hans", "", "8500", "人", "auto", [3]string{"", "8500", "人"}},
	}
	for _, tt := range tests {
		p, f, u := Must(tt.tag).Figure(tt.prefix, tt.figure, tt.unit, tt.style)
		if [3]string{p, f, u} != tt.want {
			t.Errorf("%s %q %q %q %q = %q %q %q, want %q", tt.tag, tt.prefix, tt.figure, tt.unit, tt.style, p, f, u, tt.want)
		}
	}
}

// A Simplified Chinese report that groups its figures in its own text
// (Group from number.Rule) has its stat figures grouped the same way.
func TestFigureFollowsTheText(t *testing.T) {
	l := Must("zh-Hans")
	l.Group = number.Rule(l.Tag, "全年罪案88,300宗，新招聘警员1500名")
	for figure, want := range map[string]string{"1120": "1120", "27900": "27,900"} {
		if _, got, _ := l.Figure("", figure, "宗", ""); got != want {
			t.Errorf("%s: %q, want %q", figure, got, want)
		}
	}
}

// Every language's table has every word brochure prints (English needs no
// YearOnYear), and the counts after the rest have one %d.
func TestLabels(t *testing.T) {
	for _, tag := range Supported {
		b := Must(tag).Labels
		v := reflect.ValueOf(b)
		for i := range v.NumField() {
			name := v.Type().Field(i).Name
			if v.Field(i).String() == "" && !(name == "YearOnYear" && Must(tag).English()) {
				t.Errorf("%s has no %s", tag, name)
			}
		}
		for _, f := range []string{b.Items, b.ItemsWith, b.Table} {
			if strings.Count(f, "%d") != 1 {
				t.Errorf("%s: %q wants one %%d", tag, f)
			}
		}
		if !IsRest(b.Rest) || !IsRest(b.Rest+fmt.Sprintf(b.Items, 3)) {
			t.Errorf("%s: %q is not recognised as the rest", tag, b.Rest)
		}
	}
	for tag, want := range map[string]string{"zh-CN": "同比上升", "zh-HK": "同比下降", "ja": "前年比増加", "ko": "전년 대비 감소", "en": "up"} {
		v := 1.0
		if strings.Contains(want, "降") || strings.Contains(want, "감") {
			v = -1
		}
		if got := Must(tag).Labels.Change(v); got != want {
			t.Errorf("%s: change %q, want %q", tag, got, want)
		}
	}
}
