package cjk

import (
	"reflect"
	"strings"
	"testing"
	"unicode"
)

func TestRuns(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"683起", []string{"683", "起"}},
		{"14.98%", []string{"14.98%"}},
		{"同比下降14.98%", []string{"同比下降", "14.98%"}},
		{"2020年3月", []string{"2020", "年", "3", "月"}},
		{"下降 14", []string{"下降 14"}},
		{"", []string{""}},
	}
	for _, tt := range tests {
		if got := Runs(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Runs(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestWrap(t *testing.T) {
	w := func(s string) float64 { return float64(len([]rune(s))) }
	tests := []struct {
		in   string
		max  float64
		want []string
	}{
		{"朝阳区文化中心区", 2, []string{"朝阳", "区文", "化中", "心区"}},
		{"事故数（起）", 3, []string{"事故数", "（起）"}},
		{"事故数（起）", 2, []string{"事故", "数", "（起", "）"}},
		{"交通事故。处理", 4, []string{"交通事", "故。处理"}},
		{"2020年度", 3, []string{"202", "0年度"}},
		{"第2020年度", 3, []string{"第", "202", "0年度"}},
		{"ab", 0.5, []string{"a", "b"}},
	}
	for _, tt := range tests {
		if got := Wrap(tt.in, tt.max, w); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Wrap(%q, %v) = %q, want %q", tt.in, tt.max, got, tt.want)
		}
	}
}

// Latin labels break between words; a word wider than the label is split
// with a hyphen.
func TestWrapLatin(t *testing.T) {
	w := func(s string) float64 { return float64(len([]rune(s))) }
	tests := []struct {
		s    string
		max  float64
		want []string
	}{
		{"Chemical Oxygen Demand", 10, []string{"Chemical", "Oxygen", "Demand"}},
		{"Chemical Oxygen Demand", 16, []string{"Chemical Oxygen", "Demand"}},
		{"Internationalization", 10, []string{"Interna-", "tionaliza-", "tion"}},
		{"Chemical Oxygen", 6, []string{"Chemi-", "cal", "Oxygen"}},
		{"COD 化学需氧量", 6, []string{"COD 化学", "需氧量"}},
	}
	for _, tt := range tests {
		if got := Wrap(tt.s, tt.max, w); strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("Wrap(%q, %g) = %q, want %q", tt.s, tt.max, got, tt.want)
		}
	}
}

// TestIsHanShortcuts: the ranges IsHan answers without the Unicode tables
// agree with them, for every code point.
func TestIsHanShortcuts(t *testing.T) {
	for r := rune(0); r <= unicode.MaxRune; r++ {
		want := unicode.Is(unicode.Han, r) || unicode.In(r, unicode.Hiragana, unicode.Katakana)
		if IsHan(r) != want {
			t.Fatalf("IsHan(%U) = %v, the tables say %v", r, !want, want)
		}
	}
}
