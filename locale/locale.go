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

// Labels are the words brochure prints itself.
type Labels struct {
	KeyFigures   string // the cover's heading over the figures: 年度关键数字
	Contents     string // 目录
	Notes        string // the booklet's notes page: 笔记
	Placeholder  string // the mark on a photo frame without a photo: 图片占位
	Continued    string // after a section title on its next page: （续）
	Unit         string // before a chart's unit: "单位："
	Dash         string // the dash before a section's deck
	InThisReport string // the cover's list of the sections' titles: 本册内容
}

// Supported lists the tags `language:` accepts, as documented.
var Supported = []string{"zh-Hans", "zh-CN", "zh-SG", "zh-Hant", "zh-TW", "zh-HK", "zh-MO", "ja", "ko", "en"}

var (
	hans = Locale{Tag: "zh-Hans", Name: "Simplified Chinese", Script: "Hans",
		Labels: Labels{"年度关键数字", "目录", "笔记", "图片占位", "（续）", "单位：", "——", "本册内容"},
		Serif:  []string{"Noto Serif CJK SC", "Source Han Serif SC", "Source Han Serif CN", "SimSun", "Songti SC"}}
	hant = Labels{"年度關鍵數字", "目錄", "筆記", "圖片佔位", "（續）", "單位：", "——", "本冊內容"}
	tw   = Locale{Tag: "zh-Hant-TW", Name: "Traditional Chinese (Taiwan)", Script: "Hant", Labels: hant,
		Sans:  []string{"Noto Sans CJK TC", "Source Han Sans TC", "Source Han Sans TW", "Microsoft JhengHei", "PingFang TC"},
		Serif: []string{"Noto Serif CJK TC", "Source Han Serif TC", "Source Han Serif TW", "PMingLiU", "Songti TC"}}
	hk = Locale{Tag: "zh-Hant-HK", Name: "Traditional Chinese (Hong Kong)", Script: "Hant", Labels: hant,
		Sans:  []string{"Noto Sans CJK HK", "Source Han Sans HK", "Source Han Sans HC", "PingFang HK", "Microsoft JhengHei"},
		Serif: []string{"Noto Serif CJK HK", "Source Han Serif HK", "Noto Serif CJK TC", "Source Han Serif TC", "MingLiU_HKSCS"}}
	ja = Locale{Tag: "ja", Name: "Japanese", Script: "Jpan",
		Labels: Labels{"年間の主要な数字", "目次", "メモ", "写真（仮）", "（続き）", "単位：", "——", "本書の内容"},
		Sans:   []string{"Noto Sans CJK JP", "Source Han Sans JP", "Source Han Sans", "Yu Gothic", "Hiragino Sans", "Hiragino Kaku Gothic ProN"},
		Serif:  []string{"Noto Serif CJK JP", "Source Han Serif JP", "Source Han Serif", "Yu Mincho", "Hiragino Mincho ProN"}}
	ko = Locale{Tag: "ko", Name: "Korean", Script: "Kore",
		Labels: Labels{"올해의 주요 수치", "목차", "메모", "사진 자리", " (계속)", "단위: ", "—", "이 보고서의 내용"},
		Sans:   []string{"Noto Sans CJK KR", "Source Han Sans KR", "Source Han Sans K", "Malgun Gothic", "Apple SD Gothic Neo"},
		Serif:  []string{"Noto Serif CJK KR", "Source Han Serif KR", "Source Han Serif K", "Batang", "AppleMyungjo"}}
	en = Locale{Tag: "en", Name: "English", Script: "Latn",
		Labels: Labels{"Key figures of the year", "Contents", "Notes", "Photo to come", " (continued)", "Unit: ", "—", "In this report"},
		Serif:  hans.Serif}
)

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
