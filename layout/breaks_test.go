package layout

import (
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/internal/cjk"
)

// TestPruneChangesNoBreak: skipping the lines too loose to be chosen
// (prune) sets every paragraph exactly as trying every line does — the
// corpus, every section of the examples, and random mixes of its
// characters (spaces, figures, Latin words, marks, two sizes) at widths
// from a few characters to a page.
func TestPruneChangesNoBreak(t *testing.T) {
	names, texts := corpus(t)
	var paras [][]Span
	for _, n := range names {
		paras = append(paras, body(texts[n]))
	}
	for _, path := range []string{samplePath, "../examples/mixed-scripts/report.yaml", "../examples/english-2025/report.yaml"} {
		for _, s := range load(t, path).Sections {
			paras = append(paras, body(s.Body))
		}
	}
	rng := rand.New(rand.NewPCG(1, 2))
	pool := []string{"12345678.9万人次", "2020年3月", "14.98%", " ", " ", "international ", "hyphenation", "——", "……"}
	for _, r := range "全年拆除各类违法建筑面积，。、；：“”（）《》0123456789.%万人次亿元 the quick brown fox" {
		pool = append(pool, string(r), string(r), string(r))
	}
	for range 200 {
		var spans []Span
		for range 1 + rng.IntN(3) {
			n := 5 + rng.IntN(120)
			var rs strings.Builder
			for range n {
				rs.WriteString(pool[rng.IntN(len(pool))])
			}
			size := sizeBody
			if rng.IntN(3) == 0 {
				size *= 1.4
			}
			spans = append(spans, Span{Text: rs.String(), Face: fonts.Regular, Size: size})
		}
		paras = append(paras, spans)
	}
	defer func() { prune = true }()
	for i, spans := range paras {
		for _, width := range []float64{40, 95, 157, 243, 400} {
			for _, set := range []Setting{{Align: Justify, Indent: 2 * sizeBody}, {Align: Justify, TrimStart: true}} {
				prune = true
				got := Break(spans, width, set)
				prune = false
				want := Break(spans, width, set)
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("paragraph %d at %g pt, %+v: pruned lines differ\n got %q\nwant %q", i, width, set, texts1(got), texts1(want))
				}
			}
		}
	}
}

func texts1(lines []Line) []string {
	var s []string
	for _, l := range lines {
		s = append(s, l.Text())
	}
	return s
}

// TestHanging: a line that is one stop too long, with everything
// compressed, hangs that stop into the margin rather than leave a line of
// slack beside a figure (issue 13) — a paragraph's only line, and one
// inside a paragraph ("恢復率31.6%。" that cannot be split); by no more
// than the stop's ink half, in justified text only, and never a line that
// ends with a mark that does not hang.
func TestHanging(t *testing.T) {
	const item = "组建反诈宣传队伍126支，开展宣传活动3200余场；"
	items := shape(body(item), Setting{Align: Justify})
	m := newMeasure(items, Setting{Align: Justify})
	w, _, z := m.fit(0, len(items))
	ink := m.hang(0, len(items))
	if ink <= 0 {
		t.Fatalf("；at the paragraph's end may not hang")
	}
	for _, c := range []struct {
		name  string
		text  string
		width float64
		set   Setting
		lines int
		hangs int // the line that hangs its stop, or -1
	}{
		{"hangs", item, w - z - ink/2, Setting{Align: Justify}, 1, 0},
		{"fits", item, w - z, Setting{Align: Justify}, 1, -1},
		{"too long to hang", item, w - z - ink*1.5, Setting{Align: Justify}, 2, -1},
		{"ragged", item, w - z - ink/2, Setting{Align: Left}, 2, -1},
		{"not a hanging mark", strings.TrimSuffix(item, "；") + "）", w - z - ink/2, Setting{Align: Justify}, 2, -1},
		{"inside a paragraph", item + "开展宣传活动", w - z - ink/2, Setting{Align: Justify}, 2, 0},
	} {
		lines := Break(body(c.text), c.width, c.set)
		if len(lines) != c.lines {
			t.Errorf("%s: %d lines %q, want %d", c.name, len(lines), texts1(lines), c.lines)
			continue
		}
		for i, l := range lines {
			g := l.Glyphs[len(l.Glyphs)-1]
			over := g.X + g.Adv - c.width
			switch {
			case i == c.hangs:
				if over < ink/4 || over > ink+1e-6 {
					t.Errorf("%s: %q ends %.2f pt past the measure, want a hanging ；(%.2f pt of ink)", c.name, l.Text(), over, ink)
				}
			case over > 1e-6:
				t.Errorf("%s: %q ends %.2f pt past the measure", c.name, l.Text(), over)
			}
		}
	}
}

// TestEvenSpread: a justified line of CJK characters with no word space
// and more slack than maxHanGap between its break opportunities is
// spread evenly between every two characters, flush at both edges, when
// extractors read the gaps as letter-spacing (up to minEvenGap, and from
// lowEvenGap to maxEvenGap, see evenGap); in the band between, at
// minEvenGap, a little short; past maxEvenGap, and on a line with a
// figure or a compressed pair of marks, it keeps at most maxHanGap
// between Han characters and ends short (issue 13: "將持續推動分隊廳舍
// 汰舊換" and "動態現場勘查理念為指引，" were set short, read as ragged).
// Nothing is added before a closing mark or after an opening one while
// the other gaps can take the slack at up to minEvenGap; past that the
// line is tracked evenly, every gap the same, the marks' too (poppler
// reads unequal gaps past 0.1 em as spaces).
func TestEvenSpread(t *testing.T) {
	for _, c := range []struct {
		text  string
		gap   float64 // em between every two characters the slack asks for
		even  bool    // spread evenly
		flush bool    // flush right
	}{
		{"展望新的一年本局将持续推动分队厅舍汰旧换", 0.093, true, true},
		{"展望新的一年，本局将持续推动分队厅舍汰旧换", 0.088, true, true},
		{"展望新的一年，本局将持续推动分队厅舍汰旧换", 0.093, true, true}, // 0.098 over all gaps but ，'s: tracked
		{"以全时空全要素动态现场勘查理念为指引", 0.12, true, true},
		{"以全时空全要素动态现场勘查理念为指引", 0.139, true, true},
		{"以全时空全要素动态现场勘查理念为指引", 0.10, true, false},      // the band poppler reads either way
		{"以全时空全要素动态现场勘查理念为指引", 0.16, false, false},     // MuPDF reads spaces
		{"以全时空全要素动态现场勘查理念为指引，", 0.12, true, true},      // tracked, ，too
		{"经现场急救后恢复自发性循环者407例，恢复率", 0.12, false, false}, // a figure: its gaps take maxWordStretch more
		{"他说：“全年拆除各类。”面积超过一万平方米的", 0.12, false, false}, // 。” set in one em
	} {
		items := shape(body(c.text), Setting{Align: Justify})
		m := newMeasure(items, Setting{Align: Justify})
		w, _, _ := m.fit(0, len(items))
		meas := w + c.gap*sizeBody*float64(len(items)-1)
		l, _ := m.place(0, len(items), meas, false)
		last := l.Glyphs[len(l.Glyphs)-1]
		flush := math.Abs(last.X+last.Adv-meas) < 0.01
		lo, hi := math.Inf(1), 0.0
		for i := 1; i < len(l.Glyphs); i++ {
			p, g := l.Glyphs[i-1], l.Glyphs[i]
			gap := (g.X - p.X - p.Adv) / sizeBody
			if snugGlyphs(p, g) {
				if tracked := math.Abs(gap-c.gap) < 1e-6; gap > 1e-6 && !tracked {
					t.Errorf("%s at %.3f em: %.3f em before %c", c.text, c.gap, gap, g.R)
				}
				continue
			}
			lo, hi = min(lo, gap), max(hi, gap)
			if !c.even && isHan(p.R) && isHan(g.R) && gap > maxHanGap+1e-6 {
				t.Errorf("%s at %.3f em: %.3f em between %c and %c", c.text, c.gap, gap, p.R, g.R)
			}
		}
		// spread evenly: all gaps one width, past what any line takes
		// (maxHanGap) or flush
		if even := hi-lo < 1e-6 && (hi > maxHanGap+1e-6 || flush); even != c.even || flush != c.flush {
			t.Errorf("%s at %.3f em: gaps %.3f–%.3f em, flush %v; want even %v, flush %v", c.text, c.gap, lo, hi, flush, c.even, c.flush)
		}
	}
}

// TestFigureGapGrows: of two lines that both put more than maxFigureGap
// beside a figure, the breaker takes the one with the narrower gap (issue
// 13: the cost was capped, and "特種搜救隊全年執行山域救援  63  件、水域救"
// was set with 2.2 em beside 63 where "…水域救援" leaves 0.7 em).
func TestFigureGapGrows(t *testing.T) {
	for _, c := range []struct {
		text   string
		width  float64
		indent float64
		most   float64 // em beside a figure, at most
	}{
		{"特种搜救队全年执行山域救援63件、水域救援88件。队员完成绳索救援与急流救援复训，并引进两架热影像无人机，夜间搜寻范围扩大为原来的三倍。", 236.64, 19, 0.8},
	} {
		spans := body(c.text)
		spans[0].Centred = true // Traditional Chinese: its marks never shrink
		for _, l := range Break(spans, c.width, Setting{Align: Justify, Indent: c.indent}) {
			if g, s := wideGap(l); g > c.most {
				t.Errorf("%.2f em beside a figure: %s", g, s)
			}
		}
	}
	prev := 0.0
	for r := 1.01; r < 20; r *= 1.1 {
		b := figureBad(r)
		if b <= prev || b >= 3e4 {
			t.Errorf("figureBad(%.2f) = %.0f after %.0f: want growing, under 3e4", r, b, prev)
		}
		prev = b
	}
}

// TestDateParts: a date (2020年3月) breaks between its parts when the
// line before would otherwise be spread (issue 13: "…新模式。" and
// "2020年3月份以来" left two lines 2.7 em loose), never inside a part,
// and stays whole when it fits.
func TestDateParts(t *testing.T) {
	const text = "以全时空全要素动态现场勘查理念为指引，在全国首创涉网新型犯罪案件现场勘查新模式。2020年3月份以来，在全市范围内部署开展针对涉网新型犯罪案件的网络流勘查。"
	for _, c := range []struct {
		width float64
		split bool
	}{
		{236.64 * sizeBody / 10, true},
		{300, false},
		{180, false},
	} {
		lines := Break(body(text), c.width, Setting{Align: Justify, Indent: 2 * sizeBody})
		checkLines(t, text, lines, c.width, Setting{Align: Justify, Indent: 2 * sizeBody})
		split := false
		for _, l := range lines[:len(lines)-1] {
			s := l.Text()
			switch {
			case strings.HasSuffix(s, "2020年"):
				split = true
			case strings.HasSuffix(s, "2020"), strings.HasSuffix(s, "2020年3"), strings.HasSuffix(s, "202"):
				t.Errorf("width %.1f: the date breaks inside a part: %q", c.width, texts1(lines))
			}
		}
		if split != c.split {
			t.Errorf("width %.1f: date split %v, want %v: %q", c.width, split, c.split, texts1(lines))
		}
	}
}

// wordGapExtra is the most space justification added at a word gap of
// the line — a space, or the quarter em between Han and Latin — in em.
func wordGapExtra(l Line) float64 {
	worst := 0.0
	gs := l.Glyphs
	for k := 1; k < len(gs); k++ {
		p, g := gs[k-1], gs[k]
		switch {
		case g.R == ' ' && k+1 < len(gs):
			n := gs[k+1]
			worst = max(worst, (n.X-p.X-p.Adv-g.Face.Advance(' ')*g.Size/1000)/g.Size)
		case p.R != ' ' && g.R != ' ' && (isHan(p.R) && isLatin(g.R) || isLatin(p.R) && isHan(g.R)):
			worst = max(worst, (g.X-p.X-p.Adv)/g.Size-cjk.GapEm)
		}
	}
	return worst
}

// TestStretchSpread: a justified line of Chinese with a word gap (a
// space of the source, or the quarter em between Han and Latin) spreads
// its slack over all its gaps, the word gap taking only a little more
// than the gaps between characters, which may take no more than
// maxHanGap — the breaker counts a line by its widest gap — and nothing
// is added before a closing mark or after an opening one (the designer's
// findings: "index.html　，", "gov.cn　。", "合作项目　Jean-Baptiste",
// "網上報案平台　　https://", 0.7–2.2 em each).
func TestStretchSpread(t *testing.T) {
	const zh = "详细日程见 https://www.nbjiangbei.gov.cn/col/col1229112345/index.html ，联系邮箱 exchange-office@ningbo.gov.cn 。合作项目 Jean-Baptiste Smart-City Initiative 的监测数据显示，PM2.5 浓度为 24μg/m³，污水处理执行 GB 18918-2002 标准，水质 COD 为 12mg/L，绿地面积 3.5km²。"
	const hk = "警隊全年舉辦社區活動1200餘場，深入屋邨、學校及商戶，聆聽市民意見。網上報案平台 https://www.police.gov.hk/ppp_tc/ 全年處理個案逾三萬宗，市民亦可電郵至 enquiry@police.gov.hk 查詢。"
	for _, c := range []struct {
		text        string
		width, size float64
		centred     bool
	}{
		{zh, 236.64, 9.5, false},
		{zh, 236.64, 10, false},
		{zh, 249.64, 10.5, false},
		{hk, 236.64, 9.5, true},
		{hk, 236.64, 10, true},
		{hk, 249.64, 10.5, true},
	} {
		spans := []Span{{Text: c.text, Face: fonts.Regular, Size: c.size, Centred: c.centred}}
		set := Setting{Align: Justify, Indent: 2 * c.size}
		lines := Break(spans, c.width, set)
		checkLines(t, c.text, lines, c.width, set)
		for _, l := range lines {
			if g := wordGapExtra(l); !l.End && g > 0.5 {
				t.Errorf("%.2f pt at %g pt: %.2f em added at a word gap: %q", c.width, c.size, g, l.Text())
			}
		}
	}
}

// A short text of two lines is balanced: no line is left with a character
// or two, and the lines are of near-equal length (a card's label).
func TestBalanced(t *testing.T) {
	for _, c := range []struct {
		text, lang string
		w          float64
		want       []string
	}{
		{"捷運車站無障礙電梯設置率", "zh-TW", 95, []string{"捷運車站無障", "礙電梯設置率"}},
		{"捷運車站無障礙電梯設置率", "zh-TW", 105, []string{"捷運車站無障", "礙電梯設置率"}},
		{"市区公交准点率", "zh-CN", 95, []string{"市区公交准点率"}}, // one line stays one
		{"Children reading at the expected level", "en-GB", 150, []string{"Children reading at", "the expected level"}},
		// a narrower measure would break a word ("Volunte / er turns")
		{"義工參與 Volunteer turns", "zh-HK", 60, []string{"義工參與", "Volunteer", "turns"}},
	} {
		spans := []Span{{Text: c.text, Face: fonts.Regular, Size: 9, Lang: c.lang}}
		var got []string
		for _, l := range Balanced(spans, c.w, Setting{Align: Left, TrimStart: true}) {
			got = append(got, l.Text())
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("%q at %v pt: %q, want %q", c.text, c.w, got, c.want)
		}
	}
}
