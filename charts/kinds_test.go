package charts

import (
	"bytes"
	"html"
	"image"
	"image/color"
	imgdraw "image/draw"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/wcharczuk/go-chart/v2/drawing"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/internal/draw"
	"github.com/brochure-dev/brochure/internal/export"
	"github.com/brochure-dev/brochure/internal/pdftest"
	"github.com/brochure-dev/brochure/locale"
)

// fromYAML loads one chart through the real report format.
func fromYAML(t testing.TB, chart string) data.Chart {
	t.Helper()
	src := "title: T\nsections:\n  - title: S\n    charts:\n      - " + strings.ReplaceAll(chart, "\n", "\n        ") + "\n"
	r, err := data.Parse(filepath.Join(t.TempDir(), "r.yaml"), []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return r.Sections[0].Charts[0]
}

var yamlKinds = []struct {
	name, yaml string
	want       []string // title, labels and value labels, as pdftotext finds them (spaces ignored)
}{
	{"bar", `{type: bar, title: 交管四项指数同比降幅, unit: "%", data: [{label: 事故数, value: 14.98}, {label: 死亡人数, value: 44.86}]}`,
		[]string{"交管四项指数同比降幅", "单位：%", "事故数", "死亡人数", "14.98%", "44.86%"}},
	{"bar-wan", `{type: bar, title: 接报警情, unit: 人次, format: wan, data: [{label: 2019年, value: 30793000}, {label: 2020年, value: 26418500}]}`,
		[]string{"接报警情", "单位：万人次", "3079.3万人次", "2641.85万人次", "2019年"}},
	{"hbar", `{type: hbar, title: 打击战果, unit: 起, data: [{label: 电信网络诈骗, value: 683}, {label: 网络赌博, value: 412}]}`,
		[]string{"打击战果", "电信网络诈骗", "683起", "412起"}},
	{"grouped", `{type: grouped, title: 事故数, series: [2019年, 2020年], data: [{label: 海曙区, values: [1203, 1021]}, {label: 江北区, values: [986, 842]}]}`,
		[]string{"事故数", "2019年", "2020年", "海曙区", "江北区", "1203", "1021", "986", "842"}},
	{"donut", `{type: donut, title: 零发案小区占比, value: 376, total: 1653, unit: 个}`,
		[]string{"零发案小区占比", "22.7%", "376/1653个"}},
	{"progress", `{type: progress, title: 建设进度, value: 49, total: 78, unit: 项}`,
		[]string{"建设进度", "62.8%", "49/78项"}},
	{"pie", `{type: pie, title: 资金分布, unit: 万元, data: [{label: 产业扶贫, value: 1260}, {label: 教育扶贫, value: 540}]}`,
		[]string{"资金分布", "产业扶贫", "1260万元", "（70.0%）", "540万元"}},
	{"stacked", `{type: stacked, title: 报警渠道, unit: "%", data: [{label: 110电话, value: 71.4}, {label: 微信报警, value: 28.6}]}`,
		[]string{"报警渠道", "110电话", "71.4%", "微信报警", "28.6%"}},
	{"change", `{type: change, title: 同比变化, better: lower, unit: "%", data: [{label: 事故数, value: -14.98}, {label: 电诈案件, value: 71.9}]}`,
		[]string{"同比变化", "事故数", "同比下降", "↓14.98%", "电诈案件", "同比上升", "↑71.9%"}},
	{"waffle", `{type: waffle, title: 零发案小区, value: 376, total: 1653, unit: 个}`,
		[]string{"零发案小区", "22.7%", "376/1653个"}},
	{"line", `{type: line, title: 刑事案件立案数, unit: 起, highlight: "2023", target: 40, data: [{label: "2021", value: 50.3}, {label: "2022", value: 46.1}, {label: "2023", value: 44.8}, {label: "2024", value: 41.2}, {label: "2025", value: 38.5}]}`,
		[]string{"刑事案件立案数", "单位：起", "38.5起", "44.8起", "目标40起", "2021", "2025"}},
	{"area", `{type: area, title: 两类案件, series: [刑事, 治安], data: [{label: "2021", values: [503, 1210]}, {label: "2022", values: [461, 1105]}, {label: "2023", values: [448, 1032]}]}`,
		[]string{"两类案件", "刑事", "治安", "448", "1032", "2021", "2023"}},
}

func TestKindsFromYAML(t *testing.T) {
	for _, k := range yamlKinds {
		t.Run(k.name, func(t *testing.T) {
			c := fromYAML(t, k.yaml)
			text := newDoc(t)
			if err := Draw(text.canvas(), c, 40, 40, 240, testStyle.Height(c, 240), testStyle); err != nil {
				t.Fatal(err)
			}
			b := output(t, text)
			doc := pdftest.Open(t, b)
			flat := strings.Join(strings.Fields(doc.AllText()), "")
			for _, w := range k.want {
				if !strings.Contains(flat, w) {
					t.Errorf("PDFium: %q missing in %q", w, flat)
				}
			}
			if _, err := os.Stat("/usr/bin/pdftotext"); err == nil {
				txt := strings.Join(strings.Fields(pdfText(t, b)), "")
				for _, w := range k.want {
					if !strings.Contains(txt, w) {
						t.Errorf("pdftotext: %q missing in %q", w, txt)
					}
				}
			}
		})
	}
}

// The waffle fills one cell a percent, rounded half away from zero.
func TestWaffleCells(t *testing.T) {
	for _, tt := range []struct {
		yaml string
		want int
	}{
		{`{type: waffle, value: 376, total: 1653}`, 23},
		{`{type: waffle, percent: 22.5}`, 23},
		{`{type: waffle, percent: 0.4}`, 0},
		{`{type: waffle, value: 5, total: 5}`, 100},
	} {
		if got := waffleCells(fromYAML(t, tt.yaml)); got != tt.want {
			t.Errorf("%s: %d cells, want %d", tt.yaml, got, tt.want)
		}
	}
}

// A chart of 12 long Chinese categories, drawn in a brochure column: every
// label character reaches the page, in order, and no two glyph boxes (as
// PDFium measures them) overlap, nor stick out of the chart's box.
func TestTwelveLongLabelsBoxes(t *testing.T) {
	for _, typ := range []string{"bar", "grouped", "hbar"} {
		t.Run(typ, func(t *testing.T) {
			c := longBar()
			c.Type = typ
			if typ == "grouped" {
				c.Series = []string{"2019年", "2020年"}
				for i := range c.Data {
					c.Data[i].Values = []data.Number{c.Data[i].Value, num("42")}
					c.Data[i].Value = data.Number{}
				}
			}
			words := newDoc(t)
			const x, y, w = 40.0, 40.0, 236.64
			h := testStyle.Height(c, w)
			if err := Draw(words.canvas(), c, x, y, w, h, testStyle); err != nil {
				t.Fatal(err)
			}
			doc := pdftest.Open(t, output(t, words))
			pg := doc.Pages[0]
			var chars []pdftest.Char
			for _, ch := range pg.Chars {
				if !ch.Generated && ch.R != ' ' && ch.Box.Right > ch.Box.Left {
					chars = append(chars, ch)
				}
			}
			if len(chars) < 12*8 {
				t.Fatalf("only %d characters measured", len(chars))
			}
			text := ""
			for _, ch := range chars {
				text += string(ch.R)
			}
			for _, d := range c.Data {
				// each label's characters appear in order (wrapping may
				// interleave neighbouring labels' lines in reading order)
				if !subsequence(text, d.Label) {
					t.Errorf("label %q not all on the page", d.Label)
				}
			}
			const eps = 0.05
			for i, a := range chars {
				top, bottom := pg.Height-y, pg.Height-(y+h)
				if a.Box.Left < x-eps || a.Box.Right > x+w+eps || a.Box.Top > top+eps || a.Box.Bottom < bottom-eps {
					t.Errorf("%q at %+v outside the chart box", a.R, a.Box)
				}
				for _, b := range chars[i+1:] {
					if a.Box.Left < b.Box.Right-eps && b.Box.Left < a.Box.Right-eps &&
						a.Box.Bottom < b.Box.Top-eps && b.Box.Bottom < a.Box.Top-eps {
						t.Errorf("%q %+v overlaps %q %+v", a.R, a.Box, b.R, b.Box)
					}
				}
			}
		})
	}
}

func subsequence(s, sub string) bool {
	rs := []rune(sub)
	i := 0
	for _, r := range s {
		if i < len(rs) && r == rs[i] {
			i++
		}
	}
	return i == len(rs)
}

// Every string a chart draws is reported by Strings (layout checks them
// against the fonts).
func TestStrings(t *testing.T) {
	c := fromYAML(t, yamlKinds[8].yaml) // change
	st := testStyle
	st.Lang = "zh-CN"
	all := strings.Join(st.Strings(c), "")
	for _, w := range []string{"同比下降", "↓", "14.98%", "同比上升"} {
		if !strings.Contains(all, w) {
			t.Errorf("Strings lacks %q: %q", w, all)
		}
	}
}

// Export writes the same chart as SVG (text as text, in Noto Sans SC), PNG
// at the asked resolution and PDF, byte-identically on every run.
func TestExport(t *testing.T) {
	c := fromYAML(t, yamlKinds[0].yaml)
	for _, f := range ExportFormats {
		a, err := Export(c, 236.64, testStyle, f, 150)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := Export(c, 236.64, testStyle, f, 150)
		if string(a) != string(b) {
			t.Errorf("%s: two exports differ", f)
		}
		switch f {
		case "svg":
			s := string(a)
			// every run keeps the PDF's width in any viewer's font
			runs := regexp.MustCompile(`<text x="[^"]*" y="[^"]*" textLength="([^"]*)" lengthAdjust="spacingAndGlyphs"[^>]*font-weight="(\d+)" font-size="([^"]*)"[^>]*>([^<]*)</text>`).FindAllStringSubmatch(s, -1)
			if len(runs) < 6 {
				t.Errorf("svg has %d text runs with their width", len(runs))
			}
			for _, m := range runs {
				face := map[string]*fonts.Face{"400": fonts.Regular, "700": fonts.Bold, "900": fonts.Black}[m[2]]
				size, _ := strconv.ParseFloat(m[3], 64)
				if want := f2(face.Width(html.UnescapeString(m[4]), size)); m[1] != want {
					t.Errorf("svg run %q: textLength %s, the PDF sets it %s wide", m[4], m[1], want)
				}
			}
			for _, w := range []string{"<svg", "<desc>柱状图：交管四项指数同比降幅，单位%。事故数14.98，死亡人数44.86。</desc>", `font-family="'Noto Sans SC'`, `font-weight="700"`, ">14.98%</text>", ">死亡人数</text>"} {
				if !strings.Contains(s, w) {
					t.Errorf("svg lacks %q", w)
				}
			}
		case "png":
			if !strings.HasPrefix(string(a), "\x89PNG") || !strings.Contains(string(a[:60]), "pHYs") {
				t.Errorf("not a PNG with pHYs")
			}
		case "pdf":
			txt := strings.Join(strings.Fields(pdftest.Open(t, a).AllText()), "")
			if !strings.Contains(txt, "44.86%") {
				t.Errorf("pdf text %q", txt)
			}
		}
	}
}

// BenchmarkChart draws each kind of chart once per iteration (and a bar
// chart of twelve long labels, which wrap), on a page that is renewed now
// and then so that it does not grow without bound.
func BenchmarkChart(b *testing.B) {
	type kind struct {
		name string
		c    data.Chart
	}
	var kinds []kind
	for _, k := range yamlKinds {
		kinds = append(kinds, kind{k.name, fromYAML(b, k.yaml)})
	}
	kinds = append(kinds, kind{"bar12", longBar()})
	for _, k := range kinds {
		b.Run(k.name, func(b *testing.B) {
			text := newDoc(b)
			h := testStyle.Height(k.c, 240)
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if i%200 == 199 {
					b.StopTimer()
					text = newDoc(b)
					b.StartTimer()
				}
				if err := Draw(text.canvas(), k.c, 40, 40, 240, h, testStyle); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// The kinds charts draw are the kinds the format knows (data's registry):
// a kind added to one and not the other fails here.
func TestKindsRegistered(t *testing.T) {
	var drawn []string
	for name := range kinds {
		drawn = append(drawn, name)
	}
	sort.Strings(drawn)
	if known := data.ChartKinds(); !slices.Equal(drawn, known) {
		t.Errorf("charts draws %v, the format knows %v", drawn, known)
	}
}

// An exported PNG looks like the PDF: every kind, exported as PNG and as
// PDF (which PDFium renders at the same resolution), puts its ink in the
// same places. A pixel of ink counts as matched when the other picture
// has ink within a pixel of it (anti-aliasing differs). With the
// rasteriser's text 12.5 % too large, as it was, up to 13 % went unmatched.
func TestExportPNGLooksLikePDF(t *testing.T) {
	const dpi = 150.0
	for _, k := range yamlKinds {
		t.Run(k.name, func(t *testing.T) {
			c := fromYAML(t, k.yaml)
			pngBytes, err := Export(c, 236.64, testStyle, "png", dpi)
			if err != nil {
				t.Fatal(err)
			}
			pdfBytes, err := Export(c, 236.64, testStyle, "pdf", dpi)
			if err != nil {
				t.Fatal(err)
			}
			got, _, err := image.Decode(bytes.NewReader(pngBytes))
			if err != nil {
				t.Fatal(err)
			}
			want := pdftest.Render(t, pdfBytes, 0, dpi)
			if miss := unmatchedInk(got, want); miss > 0.02 {
				t.Errorf("%.1f %% of the PNG's ink is not in the PDF's picture", 100*miss)
			}
			if miss := unmatchedInk(want, got); miss > 0.02 {
				t.Errorf("%.1f %% of the PDF's ink is not in the PNG", 100*miss)
			}
		})
	}
}

// unmatchedInk is the share of a's ink pixels (luma under 160) with no ink
// in b within one pixel.
func unmatchedInk(a, b image.Image) float64 {
	ink := func(m image.Image, x, y int) bool {
		if !(image.Point{x, y}.In(m.Bounds())) {
			return false
		}
		r, g, bl, _ := m.At(x, y).RGBA()
		return (299*r+587*g+114*bl)/1000 < 160*257
	}
	total, miss := 0, 0
	bb := a.Bounds()
	for y := bb.Min.Y; y < bb.Max.Y; y++ {
		for x := bb.Min.X; x < bb.Max.X; x++ {
			if !ink(a, x, y) {
				continue
			}
			total++
			found := false
			for dy := -1; dy <= 1 && !found; dy++ {
				for dx := -1; dx <= 1 && !found; dx++ {
					found = ink(b, x+dx, y+dy)
				}
			}
			if !found {
				miss++
			}
		}
	}
	if total == 0 {
		return 0
	}
	return float64(miss) / float64(total)
}

// Alt says every chart in words, from its data: its kind, its title and
// unit, every item, the largest and the smallest; in Simplified and
// Traditional Chinese and in English; alt: replaces it.
func TestAlt(t *testing.T) {
	for _, k := range yamlKinds {
		c := fromYAML(t, k.yaml)
		alt := Alt(c, "zh-CN")
		if !strings.Contains(alt, "："+c.Title) {
			t.Errorf("%s: %q lacks the title", k.name, alt)
		}
		for _, d := range c.Data {
			if !strings.Contains(alt, d.Label) {
				t.Errorf("%s: %q lacks %q", k.name, alt, d.Label)
			}
		}
	}
	c := fromYAML(t, `{type: bar, title: 交管四项指数同比降幅, unit: "%", data: [{label: 事故数, value: 14.98}, {label: 死亡人数, value: 44.86}, {label: 受伤人数, value: 10.99}, {label: 直接财产损失, value: 15.95}]}`)
	for _, tc := range []struct{ lang, want string }{
		{"zh-CN", "柱状图：交管四项指数同比降幅，单位%。事故数14.98，死亡人数44.86（最大），受伤人数10.99（最小），直接财产损失15.95。"},
		{"zh-Hant", "柱狀圖：交管四项指数同比降幅，單位%。事故数14.98，死亡人数44.86（最大），受伤人数10.99（最小），直接财产损失15.95。"},
		{"en", "Bar chart: 交管四项指数同比降幅, in %. 事故数 14.98, 死亡人数 44.86 (largest), 受伤人数 10.99 (smallest), 直接财产损失 15.95."},
	} {
		if got := Alt(c, tc.lang); got != tc.want {
			t.Errorf("Alt(%s) =\n %q, want\n %q", tc.lang, got, tc.want)
		}
	}
	c.Alt = "  四项指数全部下降，死亡人数降幅最大。 "
	if got := Alt(c, "zh-CN"); got != "四项指数全部下降，死亡人数降幅最大。" {
		t.Errorf("alt: gives %q", got)
	}
	for _, name := range data.ChartKinds() {
		if k := kinds[name]; k.alt == nil {
			t.Errorf("kind %s has no alt text", name)
		}
	}
}

// Every kind charts draws has a name in every language's alt words, and
// every name there is of a kind charts draws.
func TestAltKindNames(t *testing.T) {
	for _, tag := range locale.Supported {
		names := locale.Must(tag).Labels.Alt.Kinds
		for _, name := range data.ChartKinds() {
			if names[name] == "" {
				t.Errorf("%s: the %s chart has no name in locale.AltWords.Kinds", tag, name)
			}
		}
		for name := range names {
			if _, ok := kinds[name]; !ok {
				t.Errorf("%s: locale.AltWords.Kinds names %q, which is no kind of chart", tag, name)
			}
		}
	}
}

// A chart's alt text is in the words of the report's language: a Japanese
// or Korean report's reads no Chinese (图, 单位, 从), a Traditional one's
// no Simplified characters, and the Simplified and English ones read as
// they always have.
func TestAltLanguages(t *testing.T) {
	bar := `{type: bar, title: 事故, unit: "%", data: [{label: 北区, value: 14.98}, {label: 南区, value: 44.86}, {label: 中区, value: 10.99}]}`
	line := `{type: line, title: 件数, target: 40, data: [{label: "2021", value: 50.3}, {label: "2022", value: 46.1}, {label: "2023", value: 38.5}]}`
	change := `{type: change, title: 前年比, better: lower, unit: "%", data: [{label: 北区, value: -14.98}, {label: 南区, value: 71.9}, {label: 中区, value: 3}]}`
	donut := `{type: donut, title: 割合, value: 376, total: 1653}`
	for _, tc := range []struct{ lang, yaml, want string }{
		{"zh-CN", bar, "柱状图：事故，单位%。北区14.98，南区44.86（最大），中区10.99（最小）。"},
		{"zh-CN", line, "折线图：件数。2021 50.3（最大），2022 46.1，2023 38.5（最小），从2021到2023下降23.5%，目标40。"},
		{"zh-CN", change, "同比变化：前年比，单位%。北区同比下降14.98，南区同比上升71.9（最大），中区同比上升3（最小）。"},
		{"zh-CN", donut, "环形图：割合。22.7%（376 / 1653）。"},
		{"zh-TW", bar, "柱狀圖：事故，單位%。北区14.98，南区44.86（最大），中区10.99（最小）。"},
		{"zh-HK", line, "折線圖：件數。2021 50.3（最大），2022 46.1，2023 38.5（最小），從2021到2023下降23.5%，目標40。"},
		{"zh-MO", donut, "環形圖：割合。22.7%（376 / 1,653）。"},
		{"ja", bar, "棒グラフ：事故、単位%。北区14.98、南区44.86（最大）、中区10.99（最小）。"},
		{"ja", line, "折れ線グラフ：件数。2021 50.3（最大）、2022 46.1、2023 38.5（最小）、2021から2023まで23.5%減少、目標40。"},
		{"ja", change, "前年比の増減：前年比、単位%。北区前年比減少14.98、南区前年比増加71.9（最大）、中区前年比増加3（最小）。"},
		{"ja", donut, "ドーナツグラフ：割合。22.7%（376 / 1,653）。"},
		{"ko", bar, "막대그래프: 사고, 단위 %. 북구 14.98, 남구 44.86 (최대), 중구 10.99 (최소)."},
		{"ko", line, "꺾은선그래프: 건수. 2021 50.3 (최대), 2022 46.1, 2023 38.5 (최소), 2021부터 2023까지 23.5% 감소, 목표 40."},
		{"ko", change, "전년 대비 증감: 전년 대비, 단위 %. 북구 전년 대비 감소 14.98, 남구 전년 대비 증가 71.9 (최대), 중구 전년 대비 증가 3 (최소)."},
		{"ko", donut, "도넛 그래프: 비율. 22.7% (376 / 1,653)."},
		{"en", bar, "Bar chart: 事故, in %. 北区 14.98, 南区 44.86 (largest), 中区 10.99 (smallest)."},
		{"en", line, "Line chart: 件数. 2021 50.3 (largest), 2022 46.1, 2023 38.5 (smallest), from 2021 to 2023 down 23.5%, target 40."},
		{"en", change, "Year-on-year changes: 前年比, in %. 北区 down 14.98, 南区 up 71.9 (largest), 中区 up 3 (smallest)."},
		{"en", donut, "Donut chart: 割合. 22.7% (376 / 1,653)."},
	} {
		y := tc.yaml
		if tc.lang == "ko" { // a Korean report's own words
			y = strings.NewReplacer("事故", "사고", "件数", "건수", "前年比", "전년 대비", "割合", "비율", "北区", "북구", "南区", "남구", "中区", "중구").Replace(y)
		}
		if tc.lang == "zh-HK" {
			y = strings.ReplaceAll(y, "件数", "件數")
		}
		if got := Alt(fromYAML(t, y), tc.lang); got != tc.want {
			t.Errorf("Alt(%s) =\n %q, want\n %q", tc.lang, got, tc.want)
		}
	}
	// every kind, its own words aside (its title is T): Simplified words
	// only in Simplified, Traditional only in Traditional, neither's
	// forms in Japanese (図, 単, 従, 変, but 線 and 状 are Japanese too),
	// no Han at all in Korean and English.
	simplified := "图单从线组状条环饼进积变标较势"
	traditional := "圖單從線組狀條環餅進積變標較勢"
	japanese := "图单从线组环饼进积变标较势" + "圖單從狀條變"
	for _, tc := range []struct{ lang, not string }{
		{"zh-CN", traditional}, {"zh-Hant", simplified}, {"zh-HK", simplified}, {"zh-MO", simplified},
		{"ja", japanese}, {"ko", simplified + traditional}, {"en", simplified + traditional},
	} {
		w := locale.Must(tc.lang).Labels.Alt
		for _, k := range yamlKinds {
			c := fromYAML(t, k.yaml)
			c.Title = "T"
			alt := Alt(c, tc.lang)
			if head := w.Kinds[c.Type] + w.Colon + "T"; !strings.HasPrefix(alt, head) {
				t.Errorf("%s %s: %q does not begin %q", tc.lang, k.name, alt, head)
			}
			if i := strings.IndexAny(alt, tc.not); i >= 0 {
				t.Errorf("%s %s: %q has %q, not of the language", tc.lang, k.name, alt, []rune(alt[i:])[0])
			}
		}
	}
}

// Exported PNGs fill glyphs by the non-zero winding rule, as PDF viewers
// do: a heavy "4" (its stem and bar two overlapping contours in Noto Sans
// SC Black) and "A" were drawn with a hole where the contours overlap,
// by go-chart's even-odd default. Large, so that the hole would show.
func TestExportGlyphsHaveNoHoles(t *testing.T) {
	st := testStyle.resolve()
	var page draw.Page
	cv := &draw.Canvas{Page: &page}
	r := newRenderer(cv, 0, 0, st)
	r.textAt(st.black, 120, st.ink, "4A", 10, 120)
	const dpi = 72.0
	pdfBytes, err := export.Figure(page.Items, 200, 150, "4", "4")
	if err != nil {
		t.Fatal(err)
	}
	want := pdftest.Render(t, pdfBytes, 0, dpi)
	img := image.NewRGBA(want.Bounds())
	imgdraw.Draw(img, img.Bounds(), image.NewUniform(color.White), image.Point{}, imgdraw.Src)
	gc, err := drawing.NewRasterGraphicContext(img)
	if err != nil {
		t.Fatal(err)
	}
	gc.SetDPI(64)
	for i := range page.Items {
		if err := rasterItem(gc, dpi/72, &page.Items[i]); err != nil {
			t.Fatal(err)
		}
	}
	if miss := unmatchedInk(want, img); miss > 0.01 {
		t.Errorf("%.1f %% of the PDF's ink is not in the PNG (a hole in a glyph)", 100*miss)
	}
}
