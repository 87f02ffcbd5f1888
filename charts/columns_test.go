package charts

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/internal/draw"
)

func TestColumnsGutter(t *testing.T) {
	c := Columns{Width: 100, Gap: 20}
	for _, tc := range []struct {
		x    float64
		l, r float64
		ok   bool
	}{
		{0, 0, 0, false},   // a column's left edge
		{50, 0, 0, false},  // on column 1
		{100, 0, 0, false}, // its right edge
		{100.5, 100, 120, true},
		{119.5, 100, 120, true},
		{120, 0, 0, false},    // column 2's left edge
		{230, 220, 240, true}, // the second gutter
		{-5, 0, 0, false},     // left of the columns
	} {
		l, r, ok := c.Gutter(tc.x)
		if ok != tc.ok || ok && (l != tc.l || r != tc.r) {
			t.Errorf("Gutter(%g) = %g, %g, %v; want %g, %g, %v", tc.x, l, r, ok, tc.l, tc.r, tc.ok)
		}
	}
	if _, _, ok := (Columns{}).Gutter(150); ok {
		t.Error("no columns, yet a gutter")
	}
}

func TestColumnsOut(t *testing.T) {
	c := Columns{Width: 100, Gap: 20} // gutters 100–120, 220–240
	for _, tc := range []struct{ x0, x1, want float64 }{
		{50, 90, 0},    // on column 1
		{95, 110, 0},   // begins on column 1
		{110, 130, 0},  // ends on column 2
		{101, 110, -2}, // nearer column 1: begins a point onto it
		{108, 118, 3},  // nearer column 2: ends a point onto it
		{222, 230, -3}, // the second gutter
		{100.5, 119.5, -1.5},
	} {
		if got := c.Out(tc.x0, tc.x1); math.Abs(got-tc.want) > 1e-9 {
			t.Errorf("Out(%g, %g) = %g, want %g", tc.x0, tc.x1, got, tc.want)
		}
	}
	if got := (Columns{}).Out(101, 110); got != 0 {
		t.Errorf("no columns, yet a move of %g", got)
	}
}

// readTexts are the left and right ends of the texts drawn on page p as
// pdftotext reads them: the runs of a line that follow each other (a
// figure and its unit, in two faces) joined into one.
func readTexts(p *draw.Page) [][2]float64 {
	var ts [][2]float64
	var y float64
	for _, it := range p.Items {
		if it.Kind != draw.Text || it.Text == "" {
			continue
		}
		x0, x1 := it.X, it.X+it.Face.Width(it.Text, it.Size)
		if n := len(ts); n > 0 && it.Y == y && math.Abs(x0-ts[n-1][1]) < it.Size/2 {
			ts[n-1][1] = x1
			continue
		}
		ts, y = append(ts, [2]float64{x0, x1}), it.Y
	}
	return ts
}

// TestHBarValuesOffGutters: an hbar told the columns it stands on begins
// no value label inside a gutter between them (poppler would read the
// text above the chart across its columns: see Columns), and draws as it
// did when no label would.
func TestHBarValuesOffGutters(t *testing.T) {
	long := data.Chart{Type: "hbar", Title: "研发投入前十的企业", Unit: "亿元"}
	for i, v := range []string{"9.86", "6.42", "5.17", "4.35", "3.92", "3.18", "2.76", "2.41", "2.05", "1.87"} {
		long.Data = append(long.Data, pt("企业"+string(rune('甲'+i)), v))
	}
	mixed := data.Chart{Type: "hbar", Title: "增速", Unit: "%"}
	for _, v := range []string{"1.2", "-9.9", "-9.2", "-8.6", "-7.9", "-7.3", "-6.8", "-6.1", "-5.5", "-4.7", "-4.1", "-3.4"} {
		mixed.Data = append(mixed.Data, pt("区"+v, v))
	}
	for _, tc := range []struct {
		name string
		c    data.Chart
		cols Columns
		w    float64
	}{
		{"two columns", long, Columns{Width: 180, Gap: 20}, 380},
		{"three columns", long, Columns{Width: 120, Gap: 14}, 388},
		{"negative values", mixed, Columns{Width: 150, Gap: 20}, 320},
	} {
		t.Run(tc.name, func(t *testing.T) {
			draws := func(st Style) *draw.Page {
				d := newDoc(t)
				if err := Draw(d.canvas(), tc.c, 0, 0, tc.w, st.Height(tc.c, tc.w), st); err != nil {
					t.Fatal(err)
				}
				return d.cv.Page
			}
			in := func(p *draw.Page) (n int) {
				for _, x := range readTexts(p) {
					if _, _, ok := tc.cols.Gutter(x[0]); ok {
						n++
					}
				}
				return n
			}
			st := testStyle
			free := draws(st)
			if in(free) == 0 {
				t.Fatal("no label begins in a gutter when the chart is not told the columns: the case tests nothing")
			}
			st.Columns = tc.cols
			if n := in(draws(st)); n > 0 {
				t.Errorf("%d texts begin inside a gutter of the columns", n)
			}
			wide := tc.cols
			wide.Width = tc.w // one column as wide as the chart: no gutter in it
			st.Columns = wide
			if got := draws(st); len(got.Items) != len(free.Items) || !sameItems(got, free) {
				t.Error("with no gutter under it, the chart draws otherwise than when not told the columns")
			}
		})
	}
}

func sameItems(a, b *draw.Page) bool {
	for i := range a.Items {
		x, y := a.Items[i], b.Items[i]
		if x.Kind != y.Kind || x.X != y.X || x.Y != y.Y || x.Text != y.Text || x.Fill != y.Fill {
			return false
		}
	}
	return true
}

// TestThinnedLabelsOffGutters: a column chart of many bars told the
// columns it stands on sets none of its thinned category labels wholly
// inside a gutter (poppler would stretch both columns' boxes over each
// other: see Columns), still a label every so many bars at one step
// (or, when every start sets one inside, with that one left out); and
// draws as it did when none would stand inside one. The case: the
// market report's month of days at the newspaper's width, whose 16日
// stood inside the gutter.
func TestThinnedLabelsOffGutters(t *testing.T) {
	month := data.Chart{Type: "bar", Title: "11月每日受理投诉举报（件）", Unit: "件"}
	for i := 1; i <= 30; i++ {
		month.Data = append(month.Data, pt(strconv.Itoa(i)+"日", strconv.Itoa(600+37*(i%11))))
	}
	for _, tc := range []struct {
		name string
		cols Columns
		w    float64
		gone int // labels left out: every start sets one inside a gutter
	}{
		{"two columns", Columns{Width: 236.64, Gap: 26}, 499.28, 0},
		{"three columns", Columns{Width: 148, Gap: 26}, 496, 0},
		{"no start clear", Columns{Width: 213, Gap: 34}, 460, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			st := testStyle
			h := st.Height(month, tc.w)
			draws := func(st Style) (labels [][2]float64, texts []string) {
				d := newDoc(t)
				if err := Draw(d.canvas(), month, 0, 0, tc.w, h, st); err != nil {
					t.Fatal(err)
				}
				var y float64
				for _, it := range d.cv.Page.Items {
					if it.Kind != draw.Text || it.Y < h-20 {
						continue // not under the plot
					}
					x0, x1 := it.X, it.X+it.Face.Width(it.Text, it.Size)
					if n := len(labels); n > 0 && it.Y == y && math.Abs(x0-labels[n-1][1]) < it.Size/2 {
						labels[n-1][1], texts[n-1] = x1, texts[n-1]+it.Text // the day's figure and 日, in two faces
						continue
					}
					labels, texts, y = append(labels, [2]float64{x0, x1}), append(texts, it.Text), it.Y
				}
				for i := len(texts) - 1; i >= 0; i-- {
					if !strings.HasSuffix(texts[i], "日") { // the value axis's 0
						labels, texts = slices.Delete(labels, i, i+1), slices.Delete(texts, i, i+1)
					}
				}
				return labels, texts
			}
			inside := func(labels [][2]float64) (n int) {
				for _, x := range labels {
					if tc.cols.Inside(x[0], x[1]) {
						n++
					}
				}
				return n
			}
			free, freeTexts := draws(st)
			if inside(free) == 0 {
				t.Fatal("no label stands inside a gutter when the chart is not told the columns: the case tests nothing")
			}
			st.Columns = tc.cols
			got, texts := draws(st)
			if n := inside(got); n > 0 {
				t.Errorf("%d labels stand inside a gutter of the columns: %v %v (free %v)", n, texts, got, free)
			}
			if len(got) != len(free)-tc.gone {
				t.Fatalf("%d labels %v, not told the columns %d, want %d left out", len(got), texts, len(free), tc.gone)
			}
			for i := 2; i < len(texts) && tc.gone == 0; i++ {
				a, _ := strconv.Atoi(strings.TrimSuffix(texts[i-2], "日"))
				b, _ := strconv.Atoi(strings.TrimSuffix(texts[i-1], "日"))
				c, _ := strconv.Atoi(strings.TrimSuffix(texts[i], "日"))
				if b-a != c-b {
					t.Errorf("labels %v: not at one step", texts)
					break
				}
			}
			wide := tc.cols
			wide.Width = tc.w // one column as wide as the chart: no gutter in it
			st.Columns = wide
			if _, again := draws(st); !slices.Equal(again, freeTexts) {
				t.Errorf("with no gutter under it, the labels are %v, not %v", again, freeTexts)
			}
		})
	}
}

// TestValuesOffGutters: a grouped chart told the columns it stands on
// begins none of its value and category labels inside a gutter between
// them (poppler would read the text above the chart across its columns:
// see Columns), each still over its bar or under its group: the council
// review's, whose 2022/23 began in the poster look's gutter, at widths
// where some label does when the chart is not told the columns.
func TestValuesOffGutters(t *testing.T) {
	c := fromYAML(t, `{type: grouped, title: Affordable homes completed, unit: homes, series: [Social rent, Shared ownership], data: [{label: "2020/21", values: [64, 38]}, {label: "2021/22", values: [81, 45]}, {label: "2022/23", values: [92, 61]}, {label: "2023/24", values: [97, 71]}, {label: "2024/25", values: [138, 74]}]}`)
	inside := func(cols Columns, p *draw.Page) (n int) {
		for _, x := range readTexts(p) {
			if _, _, ok := cols.Gutter(x[0]); ok {
				n++
			}
		}
		return n
	}
	tested := 0
	for w := 300.0; w <= 560; w += 4 {
		cols := Columns{Width: (w - 20) / 2, Gap: 20}
		draws := func(st Style) *draw.Page {
			d := newDoc(t)
			if err := Draw(d.canvas(), c, 0, 0, w, st.Height(c, w), st); err != nil {
				t.Fatal(err)
			}
			return d.cv.Page
		}
		st := testStyle
		free := draws(st)
		if inside(cols, free) == 0 {
			continue
		}
		tested++
		st.Columns = cols
		got := draws(st)
		if n := inside(cols, got); n > 0 {
			t.Errorf("width %g: %d labels begin inside a gutter of the columns", w, n)
		}
		if a, b := readTexts(got), readTexts(free); len(a) != len(b) {
			t.Errorf("width %g: %d texts, %d when not told the columns", w, len(a), len(b))
		} else {
			for i := range a {
				if d := a[i][0] - b[i][0]; math.Abs(d) > 12 {
					t.Errorf("width %g: text %d moved %.1f pt, off its bar or group", w, i, d)
				}
			}
		}
	}
	if tested == 0 {
		t.Fatal("no label begins inside a gutter at any width when the chart is not told the columns: the case tests nothing")
	}
}

// weeks is the health bureau's bar chart of mosquito eggs by week: 26
// bars of two-digit labels, their values of two and three digits.
func weeks() data.Chart {
	c := data.Chart{Type: "bar", Title: "2025年各週誘卵桶埃及斑蚊卵數（港口鎮漁港，第23至48週）", Unit: "顆"}
	for i, v := range []int{42, 55, 61, 88, 104, 131, 167, 212, 246, 198, 175, 160, 183, 221, 190, 142, 118, 96, 87, 64, 51, 38, 27, 19, 12, 9} {
		c.Data = append(c.Data, pt(strconv.Itoa(23+i), strconv.Itoa(v)))
	}
	return c
}

// TestCategoryLabelsOffGutters: a column chart told the columns it
// stands on sets no category label wholly inside a gutter between them
// when the least move across the gutter's edge keeps its centre over its
// bar and it in its slot (the health bureau's poster: its week 35 stood
// wholly inside the gutter, and poppler read the text above the chart
// across its columns: see Columns), and moves no other: at widths where
// some label does stand inside when the chart is not told the columns.
func TestCategoryLabelsOffGutters(t *testing.T) {
	c := weeks()
	tested := 0
	for w := 300.0; w <= 560; w += 2 {
		cols := Columns{Width: (w - 24) / 2, Gap: 24}
		h := testStyle.Height(c, w)
		labels := func(st Style) (xs [][2]float64) {
			d := newDoc(t)
			if err := Draw(d.canvas(), c, 0, 0, w, h, st); err != nil {
				t.Fatal(err)
			}
			for _, it := range d.cv.Page.Items {
				if it.Kind == draw.Text && it.Y > h-12 && it.Text != "0" {
					xs = append(xs, [2]float64{it.X, it.X + it.Face.Width(it.Text, it.Size)})
				}
			}
			return xs
		}
		st := testStyle
		free := labels(st)
		if len(free) != len(c.Data) {
			continue // thinned (see TestThinnedLabelsOffGutters)
		}
		l := layoutBar(c, w, h-titleHeight(c.Title, w, st.resolve()), st.resolve())
		movable := func(x [2]float64) bool {
			return cols.Inside(x[0], x[1]) && math.Abs(cols.Out(x[0], x[1])) <= math.Min(float64(l.barW), float64(l.slot)-(x[1]-x[0]))/2
		}
		if !slices.ContainsFunc(free, movable) {
			continue
		}
		tested++
		st.Columns = cols
		got := labels(st)
		for i := range got {
			switch d := got[i][0] - free[i][0]; {
			case movable(free[i]) && math.Abs(d-cols.Out(free[i][0], free[i][1])) > 1e-6:
				t.Errorf("width %g: label %d at %.1f moved %.1f, not the %.1f that sets it across the gutter's edge", w, i, free[i][0], d, cols.Out(free[i][0], free[i][1]))
			case !movable(free[i]) && d != 0:
				t.Errorf("width %g: label %d at %.1f moved %.1f", w, i, free[i][0], d)
			}
		}
	}
	if tested == 0 {
		t.Fatal("no label stands inside a gutter at any width when the chart is not told the columns: the case tests nothing")
	}
}

// TestTitleOffGutters: told the columns it stands on, a chart's title
// ends no line inside a gutter between them (it would stretch the column
// before's text boxes into it, over a label that begins there: see
// titleLines), broken after its comma, where a phrase ends; with no
// gutter under it it stays one line.
func TestTitleOffGutters(t *testing.T) {
	c := weeks()
	cols, w := Columns{Width: 236.64, Gap: 26}, 499.28
	st := testStyle
	if got := titleLines(c.Title, w, st.resolve()); len(got) != 1 {
		t.Fatalf("not told the columns, the title is %q, want one line", got)
	} else if _, _, ok := cols.Gutter(textWidth(st.resolve().bold, got[0], titleSize)); !ok {
		t.Fatalf("the title ends at %.1f, inside no gutter: the case tests nothing", textWidth(st.resolve().bold, got[0], titleSize))
	}
	st.Columns = cols
	p := st.resolve()
	got := titleLines(c.Title, w, p)
	for _, l := range got {
		if _, _, ok := cols.Gutter(textWidth(p.bold, l, titleSize)); ok {
			t.Errorf("title line %q ends inside a gutter", l)
		}
	}
	if want := []string{"2025年各週誘卵桶埃及斑蚊卵數（港口鎮漁港，", "第23至48週）"}; !slices.Equal(got, want) {
		t.Errorf("title %q, want %q", got, want)
	}
	if h := st.Height(c, w); h <= testStyle.Height(c, w) {
		t.Errorf("height %.1f with its title on two lines, %.1f on one", h, testStyle.Height(c, w))
	}
	for _, tc := range []struct {
		title, head string
		w           float64
	}{
		{"Affordable homes completed in the borough since 2020 (all tenures)", "Affordable homes completed in the borough since 2020", 250},
		{"Affordable homes completed in the borough since 2020 (all tenures)", "Affordable homes completed in the borough since", 236},
		{"Homes (all tenures) completed in the borough since 2020", "Homes (all tenures) completed in the borough since", 236},
		{"住宅（全部）無斷句的標題無斷句的標題無斷句的標題無斷句的標題無斷句的標題無斷句", "", 236}, // its phrase ends under half the width
		{"無斷句的標題無斷句的標題無斷句的標題無斷句的標題無斷句的標題無斷句的標題無斷句", "", 236},
	} {
		n := phraseBreak(tc.title, tc.w, p.bold, titleSize)
		if strings.TrimSpace(tc.title[:n]) != tc.head {
			t.Errorf("phraseBreak(%q) heads %q, want %q", tc.title, tc.title[:n], tc.head)
		}
	}
}
