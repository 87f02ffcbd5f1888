package layout

import (
	"math"
	"strings"
	"testing"
	"unicode"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/fonts"
)

const samplePath = "../examples/year-in-review-2020/report.yaml"

func body(s string) []Span {
	return []Span{{Text: s, Face: fonts.Regular, Size: sizeBody}}
}

func strip(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// checkLines asserts the properties every set paragraph must have: nothing
// lost or duplicated, kinsoku, no overflow, justified lines flush at both
// edges.
func checkLines(t *testing.T, text string, lines []Line, width float64, set Setting) {
	t.Helper()
	var got strings.Builder
	for i, l := range lines {
		got.WriteString(l.Text())
		if len(l.Glyphs) == 0 {
			t.Errorf("line %d is empty", i)
			continue
		}
		first, last := l.Glyphs[0], l.Glyphs[len(l.Glyphs)-1]
		if strings.ContainsRune(noStart, first.R) && i > 0 {
			t.Errorf("line %d starts with %q: %s", i, first.R, l.Text())
		}
		if strings.ContainsRune(noEnd, last.R) && i < len(lines)-1 {
			t.Errorf("line %d ends with %q: %s", i, last.R, l.Text())
		}
		right := last.X + last.Adv
		if strings.ContainsRune(opening, last.R) {
			right = last.X + last.Face.Advance(last.R)*last.Size/1000
		}
		if right > width+0.01 {
			t.Errorf("line %d overflows: right edge %.2f > %.2f: %s", i, right, width, l.Text())
		}
		if set.Align == Justify && i < len(lines)-1 && len(l.Glyphs) > 1 && math.Abs(right-width) > 0.1 {
			t.Errorf("line %d not flush right: %.2f of %.2f: %s", i, right, width, l.Text())
		}
		for j := 1; j < len(l.Glyphs); j++ {
			if l.Glyphs[j].X < l.Glyphs[j-1].X {
				t.Errorf("line %d: glyph %d (%q) left of the one before", i, j, l.Glyphs[j].R)
			}
		}
	}
	if strip(got.String()) != strip(text) {
		t.Errorf("characters lost or changed:\n got %s\nwant %s", strip(got.String()), strip(text))
	}
}

func TestBreak(t *testing.T) {
	tests := []struct {
		name  string
		text  string
		width float64
		keep  []string // must stand whole on one line
	}{
		{"plain", "坚持将学习贯彻习总书记在中国人民警察警旗授旗仪式上的重要训词和在浙江、宁波考察时的重要讲话精神作为首要政治任务。", 120, nil},
		{"dense punctuation", "“宁波当好浙江建设‘重要窗口’模范生”大学习大讨论、“高举旗帜，谨遵训词”忠诚教育等。（证明）《意见》“老潘警调中心”“海上矛盾调处中心”等品牌。", 95, nil},
		{"numbers and units", "44轮小周期滚动排查3079.3万人次，同比分别下降 14.98%、44.86%、10.99%、15.95%，追缴1.01亿元，2020年3月份以来。", 100, []string{"3079.3万人次", "14.98%", "44.86%", "1.01亿元", "2020年3月"}},
		{"dashes", "死亡人数降幅近50%——交管4项指数全面下降……继续推进", 80, []string{"——", "……"}},
		{"latin", "推进“互联网+”党建，使用 GPS 与 Wi-Fi 定位系统 and keeping words whole", 110, []string{"GPS", "Wi-Fi", "keeping"}},
		{"narrow", "报捕、起诉协同率均达100%；持续开展“枫桥式公安派出所”创建，出台《进一步深化全市城乡社区警务工作意见》；", 40, []string{"100%"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			set := Setting{Align: Justify, Indent: 2 * sizeBody}
			lines := Break(body(tt.text), tt.width, set)
			checkLines(t, tt.text, lines, tt.width, set)
			for _, k := range tt.keep {
				found := false
				for _, l := range lines {
					if strings.Contains(strip(l.Text()), k) {
						found = true
					}
				}
				if !found {
					t.Errorf("%q is split across lines", k)
				}
			}
		})
	}
}

// TestSampleParagraphs sets every paragraph of the sample at the width
// the brochure uses and checks nothing is lost and kinsoku holds.
func TestSampleParagraphs(t *testing.T) {
	r, err := data.Load(samplePath)
	if err != nil {
		t.Fatal(err)
	}
	p := &Paragraph{Columns: 2, Gutter: gutter}
	w := p.colWidth(contentW)
	n := 0
	for _, s := range r.Sections {
		for _, para := range s.Paragraphs() {
			set := Setting{Align: Justify, Indent: 2 * sizeBody}
			checkLines(t, para, Break(body(para), w, set), w, set)
			n++
		}
	}
	if n < 10 {
		t.Errorf("only %d paragraphs in the sample", n)
	}
}

func TestPunctuationCompression(t *testing.T) {
	lines := Break(body("训词。”忠诚"), 500, Setting{Align: Left})
	g := lines[0].Glyphs
	// 。 followed by ” takes half an em
	if got, want := g[3].X-g[2].X, sizeBody/2; math.Abs(got-want) > 0.01 {
		t.Errorf("。” advance = %.2f, want %.2f", got, want)
	}
}

func TestCJKLatinSpacing(t *testing.T) {
	tests := []struct {
		text string
		at   int // index of the glyph after the gap
		gap  float64
	}{
		{"管4项", 1, sizeBody / 4},
		{"下降 14", 3, 0}, // the source's space, no extra
		{"量。5", 2, 0},   // punctuation between
	}
	for _, tt := range tests {
		g := Break(body(tt.text), 500, Setting{Align: Left})[0].Glyphs
		prev := g[tt.at-1]
		got := g[tt.at].X - prev.X - prev.Adv
		if math.Abs(got-tt.gap) > 0.01 {
			t.Errorf("%s: gap before %q = %.2f, want %.2f", tt.text, g[tt.at].R, got, tt.gap)
		}
	}
}

func TestHeadlineBreaksBetweenPhrases(t *testing.T) {
	h := "500余场教育活动，1006项个人集体荣誉"
	lines := Break(headlineSpans(h, Theme{}), 250, Setting{Align: Left, PhraseBreaks: true})
	if len(lines) != 2 || lines[0].Text() != "500余场教育活动，" {
		var got []string
		for _, l := range lines {
			got = append(got, l.Text())
		}
		t.Errorf("lines = %q, want a break after ，", got)
	}
}

func BenchmarkBreak(b *testing.B) {
	r, err := data.Load(samplePath)
	if err != nil {
		b.Fatal(err)
	}
	var text strings.Builder
	for text.Len() < 300000 { // ≈100,000 characters
		for _, s := range r.Sections {
			text.WriteString(s.Body)
		}
	}
	spans := body(text.String())
	b.ResetTimer()
	for range b.N {
		Break(spans, 240, Setting{Align: Justify, Indent: 19})
	}
}
