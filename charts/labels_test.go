package charts

import (
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/data"
)

// Labels too long for the label column are set smaller, down to the
// smallest size, all at one size; what still takes more than three lines
// is cut with "…", and the alt text keeps every label whole.
func TestLabelsShrinkThenCut(t *testing.T) {
	p := testStyle.resolve()
	const width = 60.0
	for _, tt := range []struct {
		name   string
		labels []string
		small  bool // set below the chart's size
		cut    bool // some label ends in "…"
	}{
		{"short", []string{"Haishu", "Jiangbei", "Yinzhou"}, false, false},
		{"two lines", []string{"Traffic accidents", "Fraud over the internet"}, false, false},
		{"shrinks", []string{"Qige Wastewater Treatment", "Xianlin"}, true, false},
		{"shrinks more", []string{"Sibao Environmental Infrastructure", "Xianlin"}, true, false},
		{"chinese shrinks", []string{"宁波杭州湾新区开发建设管理委员会", "江北区"}, true, false},
		{"cut", []string{"Ningbo Municipal Bureau of Natural Resources and Planning Field Office", "Xianlin"}, true, true},
	} {
		lines, size := setLabels(p.regular, tt.labels, p.fs, width)
		if (size < p.fs) != tt.small || size < minLabelSize(p.fs) {
			t.Errorf("%s: size %v (chart %v)", tt.name, size, p.fs)
		}
		cut := false
		for i, ls := range lines {
			if len(ls) > maxLabelLines {
				t.Errorf("%s: %q in %d lines", tt.name, tt.labels[i], len(ls))
			}
			for _, l := range ls {
				if w := textWidth(p.regular, l, size); w > width+0.01 {
					t.Errorf("%s: line %q is %.1f pt wide, more than %v", tt.name, l, w, width)
				}
			}
			last := ls[len(ls)-1]
			if strings.HasSuffix(last, "…") {
				cut = true
				start := strings.TrimSuffix(strings.Join(ls, " "), "…")
				if !strings.HasPrefix(tt.labels[i], strings.ReplaceAll(start, "- ", "")) {
					t.Errorf("%s: %q does not start %q", tt.name, start, tt.labels[i])
				}
			} else if got := strings.ReplaceAll(strings.Join(ls, " "), "- ", ""); got != tt.labels[i] && strings.ReplaceAll(got, " ", "") != tt.labels[i] {
				t.Errorf("%s: %q set as %q", tt.name, tt.labels[i], ls)
			}
		}
		if cut != tt.cut {
			t.Errorf("%s: cut %v, want %v: %q", tt.name, cut, tt.cut, lines)
		}
	}

	c := data.Chart{Type: "hbar", Title: "Plants"}
	long := "Ningbo Municipal Bureau of Natural Resources and Planning Field Office"
	c.Data = []data.Point{pt(long, "12"), pt("Xianlin", "8")}
	l := layoutHBar(c, 200, p) // a label column of 60 pt
	if got := strings.Join(l.rows[0], " "); !strings.HasSuffix(got, "…") {
		t.Errorf("hbar label not cut: %q", l.rows[0])
	}
	if alt := Alt(c, "en"); !strings.Contains(alt, long) {
		t.Errorf("alt text lacks the whole label: %s", alt)
	}
	if l.labelSize != minLabelSize(p.fs) || l.lineH != l.labelSize*1.2 {
		t.Errorf("hbar labels at %v pt, lines %v apart", l.labelSize, l.lineH)
	}
}

// A pie's legend shrinks the same way, and cuts a label, never its value.
func TestPieLegendShrinks(t *testing.T) {
	p := testStyle.resolve()
	long := "Ningbo Municipal Bureau of Natural Resources and Planning Field Office and its District Branches"
	c := data.Chart{Type: "pie", Title: "Shares"}
	c.Data = []data.Point{pt("Haishu", "40"), pt("Jiangbei", "35"), pt(long, "25")}
	l := layoutPie(c, 160, p)
	if l.fs != minLabelSize(p.fs) {
		t.Errorf("legend at %v pt", l.fs)
	}
	last := l.items[2]
	if len(last) > maxLabelLines || !strings.Contains(strings.Join(last, " "), "…") || !strings.HasSuffix(strings.Join(last, ""), "25（25.0%）") {
		t.Errorf("long item set as %q", last)
	}
	short := layoutPie(data.Chart{Type: "pie", Data: []data.Point{pt("Haishu", "40"), pt("Jiangbei", "60")}}, 160, p)
	if short.fs != p.fs {
		t.Errorf("a short legend is set at %v pt", short.fs)
	}
}
