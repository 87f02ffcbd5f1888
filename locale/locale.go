// Package locale is what a report's language decides besides its own
// words: the words brochure prints itself (one table per language), how
// dates read, which regional faces draw the text, and how lines break.
//
// A report's `language:` is a BCP 47 tag. Chinese is told apart by script
// and region, because the same character has different glyph forms in
// mainland China, Taiwan and Hong Kong (骨, 直, 化): a Hong Kong report
// must be set in a Hong Kong face, never in Simplified glyphs.
package locale

import (
	"fmt"
	"strings"
	"time"

	"golang.org/x/text/language"

	"github.com/brochure-dev/brochure/number"
)

// Locale is a supported language with its region.
type Locale struct {
	Tag    string // the canonical tag: zh-Hans, zh-Hant-TW, zh-Hant-HK, ja, ko, en (en-GB, en-US… with a region)
	Name   string // in English, for messages: "Traditional Chinese (Hong Kong)"
	Script string // ISO 15924: Hans, Hant, Jpan, Kore, Latn
	Labels Labels

	// Group is where the report's figures separate thousands: the
	// language's rule (number.ByLanguage) unless the report's own text
	// decides it (number.Rule, which layout asks with the report's text).
	Group number.Grouping

	// Sans and Serif are the families of the system fonts that draw
	// this language's glyph forms, best first (regular, bold and black
	// weights of one of them are used). Empty Sans means the embedded
	// Noto Sans SC.
	Sans, Serif []string
}

// Labels are the words brochure prints itself, one table per language:
// every word layout and charts add to a report's own comes from here,
// the words of alt texts (Alt) for screen readers as well.
type Labels struct {
	KeyFigures   string // the cover's heading over the figures: 年度关键数字
	Contents     string // 目录
	Notes        string // the booklet's notes page: 笔记
	Placeholder  string // the mark on a photo frame without a photo: 图片占位
	Continued    string // after a section title on its next page: （续）
	Unit         string // before a chart's unit: "单位："
	Dash         string // the dash before a section's deck
	InThisReport string // the cover's list of the sections' titles: 本册内容

	// YearOnYear, then Up, Down or Flat, is a change chart's word before
	// its arrow: 同比上升, 前年比増加, "up" (English needs no YearOnYear).
	YearOnYear, Up, Down, Flat string
	Target                     string // a line chart's dashed target: 目标
	Total                      string // a table's total row: 合计
	Table                      string // a numbered table's label, %d its number: "表%d　"
	// Rest is the item that stands for the rest of a whole (a pie's
	// folded slices): 其他; Items and ItemsWith follow it with how many
	// it folds (%d), ItemsWith when it holds the report's own Rest too:
	// 其他（23项）, 其他（含5项）.
	Rest, Items, ItemsWith string

	// Alt is what a chart's alternative text is written with (charts.Alt).
	Alt AltWords
}

// AltWords are the words and marks of a chart's alternative text, the
// chart said in words for a screen reader (charts.Alt):
//
//	柱状图：交管四项指数同比降幅，单位%。事故数14.98，死亡人数44.86（最大）…
//	Bar chart: Road safety, in %. Accidents 14.98, Deaths 44.86 (largest)…
//
// They are here, in each language's table beside the words brochure
// prints, and not with the chart kinds, because they are a language's
// words: whoever adds or corrects a language finds all of it in one
// table, and no language borrows another's (a Japanese chart once read
// 柱状图…单位, Simplified Chinese). The kinds' names are keyed by the
// kind's type (bar, pie, …): charts' tests check that every kind it
// draws has a name in every language.
type AltWords struct {
	Colon string // after the kind, and after a series' name: "：", ": "
	Sep   string // between items, and between an item's notes: "，", "、", ", "
	Group string // between series: "；", "; "
	Stop  string // after the head and after the items: "。", "."
	Space string // between words (a label and its value): " " in English and Korean, "" in Chinese and Japanese
	// Open and Close bracket an item's notes: "（最大）", " (largest)".
	Open, Close string
	Unit        string // before the chart's unit in the head: 单位, "in "
	// Largest and Smallest mark the item with the largest (smallest)
	// value; Target begins a target's value: 目标80, "target 80".
	Largest, Smallest, Target string
	// Trend is a trend's change from its first item to its last:
	// %[1]s and %[2]s the first and the last label, %[3]s the word of
	// the change (Up, Down, Flat), %[4]s its size: 从2020到2024上升12.3%.
	Trend string
	// Kinds are the names of the kinds of chart, as the head of an alt
	// text begins: bar → 柱状图, Bar chart.
	Kinds map[string]string
	// QR begins a QR code's alt text, before Colon and its address:
	// 二维码：https://…
	QR string
}

// Supported lists the tags `language:` accepts, as documented.
var Supported = []string{"zh-Hans", "zh-CN", "zh-SG", "zh-Hant", "zh-TW", "zh-HK", "zh-MO", "ja", "ko", "en"}

var (
	hans = Locale{Tag: "zh-Hans", Name: "Simplified Chinese", Script: "Hans",
		Labels: Labels{KeyFigures: "年度关键数字", Contents: "目录", Notes: "笔记", Placeholder: "图片占位", Continued: "（续）", Unit: "单位：", Dash: "——", InThisReport: "本册内容",
			YearOnYear: "同比", Up: "上升", Down: "下降", Flat: "持平", Target: "目标", Total: "合计", Table: "表%d　",
			Rest: "其他", Items: "（%d项）", ItemsWith: "（含%d项）",
			Alt: AltWords{Colon: "：", Sep: "，", Group: "；", Stop: "。", Open: "（", Close: "）", Unit: "单位",
				Largest: "最大", Smallest: "最小", Target: "目标", Trend: "从%[1]s到%[2]s%[3]s%[4]s",
				Kinds: map[string]string{"bar": "柱状图", "grouped": "分组柱状图", "hbar": "条形图", "stacked": "百分比堆积条",
					"pie": "饼图", "donut": "环形图", "progress": "进度条", "waffle": "百格图", "line": "折线图", "area": "面积图",
					"change": "同比变化"}, QR: "二维码"}},
		Serif: []string{"Noto Serif CJK SC", "Source Han Serif SC", "Source Han Serif CN", "SimSun", "Songti SC"}}
	hant = Labels{KeyFigures: "年度關鍵數字", Contents: "目錄", Notes: "筆記", Placeholder: "圖片佔位", Continued: "（續）", Unit: "單位：", Dash: "——", InThisReport: "本冊內容",
		YearOnYear: "同比", Up: "上升", Down: "下降", Flat: "持平", Target: "目標", Total: "合計", Table: "表%d　",
		Rest: "其他", Items: "（%d項）", ItemsWith: "（含%d項）",
		Alt: AltWords{Colon: "：", Sep: "，", Group: "；", Stop: "。", Open: "（", Close: "）", Unit: "單位",
			Largest: "最大", Smallest: "最小", Target: "目標", Trend: "從%[1]s到%[2]s%[3]s%[4]s",
			Kinds: map[string]string{"bar": "柱狀圖", "grouped": "分組柱狀圖", "hbar": "條形圖", "stacked": "百分比堆積條",
				"pie": "餅圖", "donut": "環形圖", "progress": "進度條", "waffle": "百格圖", "line": "折線圖", "area": "面積圖",
				"change": "同比變化"}, QR: "二維碼"}}
	tw = Locale{Tag: "zh-Hant-TW", Name: "Traditional Chinese (Taiwan)", Script: "Hant", Labels: hant,
		Sans:  []string{"Noto Sans CJK TC", "Source Han Sans TC", "Source Han Sans TW", "Microsoft JhengHei", "PingFang TC"},
		Serif: []string{"Noto Serif CJK TC", "Source Han Serif TC", "Source Han Serif TW", "PMingLiU", "Songti TC"}}
	hk = Locale{Tag: "zh-Hant-HK", Name: "Traditional Chinese (Hong Kong)", Script: "Hant", Labels: hant,
		Sans:  []string{"Noto Sans CJK HK", "Source Han Sans HK", "Source Han Sans HC", "PingFang HK", "Microsoft JhengHei"},
		Serif: []string{"Noto Serif CJK HK", "Source Han Serif HK", "Noto Serif CJK TC", "Source Han Serif TC", "MingLiU_HKSCS"}}
	ja = Locale{Tag: "ja", Name: "Japanese", Script: "Jpan",
		Labels: Labels{KeyFigures: "年間の主要な数字", Contents: "目次", Notes: "メモ", Placeholder: "写真（仮）", Continued: "（続き）", Unit: "単位：", Dash: "——", InThisReport: "本書の内容",
			YearOnYear: "前年比", Up: "増加", Down: "減少", Flat: "横ばい", Target: "目標", Total: "合計", Table: "表%d　",
			Rest: "その他", Items: "（%d項目）", ItemsWith: "（%d項目を含む）",
			Alt: AltWords{Colon: "：", Sep: "、", Group: "。", Stop: "。", Open: "（", Close: "）", Unit: "単位",
				Largest: "最大", Smallest: "最小", Target: "目標", Trend: "%[1]sから%[2]sまで%[4]s%[3]s",
				Kinds: map[string]string{"bar": "棒グラフ", "grouped": "集合棒グラフ", "hbar": "横棒グラフ", "stacked": "帯グラフ",
					"pie": "円グラフ", "donut": "ドーナツグラフ", "progress": "進捗バー", "waffle": "ワッフルチャート", "line": "折れ線グラフ",
					"area": "面グラフ", "change": "前年比の増減"}, QR: "QRコード"}},
		Sans:  []string{"Noto Sans CJK JP", "Source Han Sans JP", "Source Han Sans", "Yu Gothic", "Hiragino Sans", "Hiragino Kaku Gothic ProN"},
		Serif: []string{"Noto Serif CJK JP", "Source Han Serif JP", "Source Han Serif", "Yu Mincho", "Hiragino Mincho ProN"}}
	ko = Locale{Tag: "ko", Name: "Korean", Script: "Kore",
		Labels: Labels{KeyFigures: "올해의 주요 수치", Contents: "목차", Notes: "메모", Placeholder: "사진 자리", Continued: " (계속)", Unit: "단위: ", Dash: "—", InThisReport: "이 보고서의 내용",
			YearOnYear: "전년 대비 ", Up: "증가", Down: "감소", Flat: "보합", Target: "목표", Total: "합계", Table: "표 %d. ",
			Rest: "기타", Items: " (%d개)", ItemsWith: " (%d개 포함)",
			Alt: AltWords{Colon: ": ", Sep: ", ", Group: "; ", Stop: ".", Space: " ", Open: " (", Close: ")", Unit: "단위 ",
				Largest: "최대", Smallest: "최소", Target: "목표 ", Trend: "%[1]s부터 %[2]s까지 %[4]s %[3]s",
				Kinds: map[string]string{"bar": "막대그래프", "grouped": "묶은 막대그래프", "hbar": "가로 막대그래프", "stacked": "띠그래프",
					"pie": "원그래프", "donut": "도넛 그래프", "progress": "진행 막대", "waffle": "와플 차트", "line": "꺾은선그래프",
					"area": "영역 그래프", "change": "전년 대비 증감"}, QR: "QR 코드"}},
		Sans:  []string{"Noto Sans CJK KR", "Source Han Sans KR", "Source Han Sans K", "Malgun Gothic", "Apple SD Gothic Neo"},
		Serif: []string{"Noto Serif CJK KR", "Source Han Serif KR", "Source Han Serif K", "Batang", "AppleMyungjo"}}
	en = Locale{Tag: "en", Name: "English", Script: "Latn",
		Labels: Labels{KeyFigures: "Key figures of the year", Contents: "Contents", Notes: "Notes", Placeholder: "Photo to come", Continued: " (continued)", Unit: "Unit: ", Dash: "—", InThisReport: "In this report",
			Up: "up", Down: "down", Flat: "unchanged", Target: "Target", Total: "Total", Table: "Table %d. ",
			Rest: "Other", Items: " (%d)", ItemsWith: " (incl. %d)",
			Alt: AltWords{Colon: ": ", Sep: ", ", Group: "; ", Stop: ".", Space: " ", Open: " (", Close: ")", Unit: "in ",
				Largest: "largest", Smallest: "smallest", Target: "target ", Trend: "from %[1]s to %[2]s %[3]s %[4]s",
				Kinds: map[string]string{"bar": "Bar chart", "grouped": "Grouped bar chart", "hbar": "Horizontal bar chart",
					"stacked": "Stacked bar", "pie": "Pie chart", "donut": "Donut chart", "progress": "Progress bar",
					"waffle": "Waffle chart", "line": "Line chart", "area": "Area chart", "change": "Year-on-year changes"}, QR: "QR code"}},
		Serif: hans.Serif}
)

// rests are the words for "the rest" a report may write as an item's
// label, in every language (其它 and Others as well).
var rests = []string{hans.Labels.Rest, "其它", ja.Labels.Rest, ko.Labels.Rest, en.Labels.Rest, "Others"}

// IsRest reports whether label names the rest of a whole, in any
// language: 其他, その他, 기타, Other, or one with a count after it as
// Labels.Items writes it (其他（13项）, Other (13)).
func IsRest(label string) bool {
	s := strings.TrimSpace(label)
	for _, w := range rests {
		if strings.EqualFold(s, w) || strings.HasPrefix(s, w+"（") || strings.HasPrefix(s, w+" (") {
			return true
		}
	}
	return false
}

// Parse returns the locale of a BCP 47 tag: zh-Hans, zh-CN and zh-SG are
// Simplified Chinese; zh-Hant and zh-TW Traditional Chinese as Taiwan
// writes it; zh-HK and zh-MO as Hong Kong writes it; ja, ko and en (any
// region). "" is Simplified Chinese, the default.
func Parse(tag string) (Locale, error) {
	if strings.TrimSpace(tag) == "" {
		return hans, nil
	}
	t, err := language.Parse(tag)
	if err != nil {
		return Locale{}, fmt.Errorf("%q is not a language tag; use one of %s", tag, strings.Join(Supported, ", "))
	}
	base, _ := t.Base()
	script, _ := t.Script()
	region, _ := t.Region()
	switch base.String() {
	case "zh":
		switch {
		case region.String() == "HK" || region.String() == "MO":
			return hk, nil
		case script.String() == "Hant" || region.String() == "TW":
			return tw, nil
		}
		return hans, nil
	case "ja":
		return ja, nil
	case "ko":
		return ko, nil
	case "en":
		l := en
		if r, conf := t.Region(); conf != language.Exact || !r.IsCountry() {
			return l, nil // no region written ("en" is not "en-US")
		}
		l.Tag = "en-" + region.String() // British English is hyphenated as Britain does
		return l, nil
	}
	return Locale{}, fmt.Errorf("%q is not supported; use one of %s", tag, strings.Join(Supported, ", "))
}

// Valid reports whether tag is a well-formed BCP 47 tag, supported or
// not ("fr" is; "french" is not).
func Valid(tag string) bool {
	_, err := language.Parse(tag)
	return err == nil
}

// Must is Parse for a tag known to be good (validated); an unknown tag
// gives Simplified Chinese.
func Must(tag string) Locale {
	l, err := Parse(tag)
	if err != nil {
		return hans
	}
	return l
}

// English reports whether the locale is English (figures grouped in
// thousands, million/billion, English dates).
func (l Locale) English() bool { return l.Script == "Latn" }

// Traditional reports whether the locale writes Traditional Chinese.
func (l Locale) Traditional() bool { return l.Script == "Hant" }

var months = [...]string{"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"}

// Date is a day as the language writes it: 2021年1月18日, 18 January 2021,
// 2021년 1월 18일.
func (l Locale) Date(t time.Time) string {
	switch l.Script {
	case "Latn":
		return fmt.Sprintf("%d %s %d", t.Day(), months[t.Month()-1], t.Year())
	case "Kore":
		return fmt.Sprintf("%d년 %d월 %d일", t.Year(), t.Month(), t.Day())
	}
	return fmt.Sprintf("%d年%d月%d日", t.Year(), t.Month(), t.Day())
}

// Month is a month as the language writes it: 2021年1月, January 2021.
func (l Locale) Month(t time.Time) string {
	switch l.Script {
	case "Latn":
		return fmt.Sprintf("%s %d", months[t.Month()-1], t.Year())
	case "Kore":
		return fmt.Sprintf("%d년 %d월", t.Year(), t.Month())
	}
	return fmt.Sprintf("%d年%d月", t.Year(), t.Month())
}

// MonthOnly is a month without its year, as a timeline heads its
// entries: 1月, 1월, Jan.
func (l Locale) MonthOnly(t time.Time) string {
	switch l.Script {
	case "Latn":
		return t.Month().String()[:3]
	case "Kore":
		return fmt.Sprintf("%d월", t.Month())
	}
	return fmt.Sprintf("%d月", t.Month())
}

// DayOnly is a day of the month without month and year: 23日, 23일, 23.
func (l Locale) DayOnly(t time.Time) string {
	switch l.Script {
	case "Latn":
		return fmt.Sprint(t.Day())
	case "Kore":
		return fmt.Sprintf("%d일", t.Day())
	}
	return fmt.Sprintf("%d日", t.Day())
}

// Change is the word for a change of sign v, before its arrow and
// figure: 同比上升, 前年比減少, "unchanged".
func (b Labels) Change(v float64) string {
	switch {
	case v > 0:
		return b.YearOnYear + b.Up
	case v < 0:
		return b.YearOnYear + b.Down
	}
	return b.YearOnYear + b.Flat
}

// Figure is a stat's prefix, figure and unit as the language prints
// them, the figure scaled by style (number.Styles; "" the language's
// default: English counts in million and billion, the others print the
// figure in full) and its thousands separated as Number says. A scale's
// word goes with the unit, which is set small (2,300 | 億港元; 230 |
// billion HKD), and is rounded as an editor writes a big figure
// (number.Format.Brief: 3079.3萬, 30.8 million). English spaces a Latin
// word from the figure (CNY 230 billion).
func (l Locale) Figure(prefix, figure, unit, style string) (string, string, string) {
	if style == "" && l.English() {
		style = "auto"
	}
	if l.English() {
		unit = spaced(unit)
	}
	if style == "" || style == "full" || len(figure) > 1 && figure[0] == '0' && figure[1] != '.' {
		figure = l.Number(figure)
	} else {
		var word string
		figure, word = number.Format{Style: style, Decimals: -1, Lang: l.Tag, Group: l.Group, Brief: true}.Split(figure)
		unit = word + unit
	}
	if l.English() {
		if prefix != "" && isLatinLetter(prefix[len(prefix)-1]) {
			prefix += " "
		}
	}
	return prefix, figure, unit
}

// Number is a figure written as a plain decimal (a stat's value, digits in
// a headline) with its thousands separated by the house rule (Group, see
// number.Rule): 1046 is 1,046 in English and Traditional Chinese. Any
// other text, and a figure with a leading zero (an 0800 number), is
// returned as written.
func (l Locale) Number(figure string) string {
	if len(figure) > 1 && figure[0] == '0' && figure[1] != '.' {
		return figure
	}
	return number.Format{Decimals: -1, Lang: l.Tag, Group: l.Group}.Text(figure)
}

// spaced puts a space before a unit that starts with a Latin letter.
func spaced(unit string) string {
	if unit != "" && isLatinLetter(unit[0]) {
		return " " + unit
	}
	return unit
}

func isLatinLetter(b byte) bool { return b >= 'A' && b <= 'Z' || b >= 'a' && b <= 'z' }

// Printed is every character the labels and dates of all languages may
// print, for the PDF's alphabet.
func (l Locale) Printed() string {
	b := l.Labels
	return b.KeyFigures + b.Contents + b.Notes + b.Placeholder + b.Continued + b.Unit + b.Dash + b.InThisReport +
		"0123456789年月日년월일 " + strings.Join(months[:], "")
}

// Install says how to install the fonts of the locale on each system.
func (l Locale) Install() string {
	return "install them: on Debian/Ubuntu `sudo apt-get install fonts-noto-cjk`; on Windows and macOS download Noto Sans CJK " +
		"(https://github.com/notofonts/noto-cjk/releases) and open each .otf/.ttc to install it; or name a font file in theme: fonts"
}
