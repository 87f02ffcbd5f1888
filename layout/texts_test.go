package layout

import (
	"strings"
	"testing"
	"unicode"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/internal/pdftest"
)

// TestPrintedTextsArePrinted holds the field table to what layout draws:
// every text it marks printed (Report.Texts, which the glyph check and the
// font subsets read) stands in the PDF.
func TestPrintedTextsArePrinted(t *testing.T) {
	r, err := data.Parse("r.yaml", []byte(`title: 印刷标题
subtitle: 印刷副题
organization: 印刷单位
byline: 印刷署名
date: 2021-01-18
sections:
  - title: 第一节标题
    headline: 导语文字
    stats:
      - {value: 500, prefix: 近, unit: 余场, label: 教育活动, note: 全年合计, source: 出处文字}
      - {value: 12, unit: 个, label: 支部}
    body: |
      正文第一段。
    charts:
      - {type: grouped, title: 分组图表, unit: 起, prefix: 约, series: [甲年, 乙年], data: [{label: 项目一, values: [1, 2]}, {label: 项目二, values: [3, 4]}]}
      - {type: bar, title: 柱状图表, data: [{label: 一季度, value: 5, unit: 次}, {label: 二季度, value: 6}]}
    photos:
      - {caption: 图片说明文字}
    tables:
      - {title: 表格标题, columns: [表列甲, {name: 表列乙, unit: 起}], rows: [[行名, 12]], note: 表下注}
    timeline:
      - {date: 2021-01-05, text: 大事记文字}
`))
	if err != nil {
		t.Fatal(err)
	}
	_, b := build(t, r, Options{Draft: true}) // a draft: the photo with no file is a frame with its caption
	squeeze := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) {
				return -1
			}
			return r
		}, s)
	}
	text := squeeze(pdftest.Open(t, b).AllText())
	n := 0
	for tx := range r.Texts() {
		n++
		if !strings.Contains(text, squeeze(tx.Value)) {
			t.Errorf("%s: %q is marked printed in the field table, but it is not in the PDF", tx.Path, tx.Value)
		}
	}
	if n < 20 {
		t.Errorf("only %d printed texts", n)
	}
}
