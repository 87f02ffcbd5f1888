package layout

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/fonts"
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

// TestHanging: a paragraph of one line that is one stop too long, with
// everything compressed, hangs that stop into the margin rather than
// leave a line of slack beside a figure (issue 13); by no more than the
// stop's ink half, in justified text only, and never a line of a longer
// paragraph or one that ends with a mark that does not hang.
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
		hangs bool
	}{
		{"hangs", item, w - z - ink/2, Setting{Align: Justify}, 1, true},
		{"fits", item, w - z, Setting{Align: Justify}, 1, false},
		{"too long to hang", item, w - z - ink*1.5, Setting{Align: Justify}, 2, false},
		{"ragged", item, w - z - ink/2, Setting{Align: Left}, 2, false},
		{"not a hanging mark", strings.TrimSuffix(item, "；") + "）", w - z - ink/2, Setting{Align: Justify}, 2, false},
		{"inside a paragraph", item + "开展宣传活动", w - z - ink/2, Setting{Align: Justify}, 2, false},
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
			case c.hangs && i == len(lines)-1:
				if over < ink/4 || over > ink+1e-6 {
					t.Errorf("%s: %q ends %.2f pt past the measure, want a hanging ；(%.2f pt of ink)", c.name, l.Text(), over, ink)
				}
			case over > 1e-6:
				t.Errorf("%s: %q ends %.2f pt past the measure", c.name, l.Text(), over)
			}
		}
	}
}
