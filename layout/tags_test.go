package layout

import (
	"fmt"
	"slices"
	"testing"

	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/internal/structure"
)

// TestFindInlines: links (web and e-mail addresses) and phrases in
// another language than the document's are found in a paragraph's set
// lines, glyph by glyph, one broken over lines staying one.
func TestFindInlines(t *testing.T) {
	for _, tc := range []struct {
		text, lang string
		want       []string // each inline's glyphs (without spaces), then → its target or @ its language
	}{
		{"详情见https://www.gov.cn/a/b.html。", "zh-CN", []string{"https://www.gov.cn/a/b.html→https://www.gov.cn/a/b.html"}},
		{"来信请寄 office@police.gov.cn，谢谢", "zh-CN", []string{"office@police.gov.cn→mailto:office@police.gov.cn"}},
		{"网址 www.nbjiangbei.gov.cn 。", "zh-CN", []string{"www.nbjiangbei.gov.cn→https://www.nbjiangbei.gov.cn"}},
		{"人口750万。Hong Kong remains one of the most densely populated cities, with 7.5 million.", "zh-HK", []string{"HongKongremainsoneofthemostdenselypopulatedcities,with7.5million.@en"}},
		{"PM2.5 浓度下降", "zh-CN", nil}, // one Latin word is not a phrase
		{"The 警务处 Police Force works.", "en", []string{"警务处@zh"}},
	} {
		// 60 pt: the long ones break over lines
		lines := Break([]Span{{Text: tc.text, Face: fonts.Regular, Size: sizeBody}}, 60, Setting{Align: Left})
		text := map[int]string{}
		what := map[int]string{}
		var order []int
		for li, ins := range findInlines(tc.text, tc.lang, lines) {
			for _, in := range ins {
				if !slices.Contains(order, in.n) {
					order = append(order, in.n)
				}
				text[in.n] += Line{Glyphs: lines[li].Glyphs[in.from:in.to]}.Text()
				what[in.n] = "→" + in.uri
				if in.uri == "" {
					what[in.n] = "@" + in.lang
				}
			}
		}
		var got []string
		for _, n := range order {
			got = append(got, flat(text[n])+what[n])
		}
		if fmt.Sprint(got) != fmt.Sprint(tc.want) {
			t.Errorf("%q:\n found %q\n want  %q", tc.text, got, tc.want)
		}
	}
}

// TestMarkedLanguage: a span the writer marked ([text]{tag}) is a phrase
// of its language, broken over lines or not, and the guess of English
// phrases is off in its paragraph.
func TestMarkedLanguage(t *testing.T) {
	spans := []Span{
		{Text: "市长致辞：", Face: fonts.Regular, Size: sizeBody},
		{Text: "本日はお招きいただき、誠にありがとうございます。", Face: fonts.Regular, Size: sizeBody, Lang: "ja"},
		{Text: "The report covers policing and traffic.", Face: fonts.Regular, Size: sizeBody},
	}
	text := spansText(spans)
	lines := Break(spans, 60, Setting{Align: Left})
	got := map[string]string{}
	for li, ins := range findInlines(text, "zh-Hans", lines) {
		for _, in := range ins {
			got[in.lang] += Line{Glyphs: lines[li].Glyphs[in.from:in.to]}.Text()
		}
	}
	if got["ja"] != "本日はお招きいただき、誠にありがとうございます。" {
		t.Errorf("the Japanese span reads %q", got["ja"])
	}
	if _, ok := got["en"]; ok {
		t.Errorf("English guessed in a paragraph with a marked span: %q", got["en"])
	}
}

// A QR code's alt text is in the document's language: 二维码 in
// Simplified Chinese (and without a language), 二維碼 in Traditional,
// QRコード in Japanese, QR 코드 in Korean, "QR code" in English.
func TestQRAlt(t *testing.T) {
	const url = "https://a.cn/b"
	for _, tc := range []struct{ lang, want string }{
		{"", "二维码：" + url},
		{"zh-Hans", "二维码：" + url},
		{"zh-Hant-TW", "二維碼：" + url},
		{"zh-Hant-HK", "二維碼：" + url},
		{"ja", "QRコード：" + url},
		{"ko", "QR 코드: " + url},
		{"en", "QR code: " + url},
		{"en-GB", "QR code: " + url},
	} {
		root := structure.NewDocument()
		root.Lang = tc.lang
		b := &qrBlock{url: url, text: &Paragraph{}}
		b.tag(root.Add(structure.Sect))
		if b.elem.Alt != tc.want {
			t.Errorf("%q: alt %q, want %q", tc.lang, b.elem.Alt, tc.want)
		}
	}
}
