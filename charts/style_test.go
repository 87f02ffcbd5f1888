package charts

import (
	"fmt"
	"math"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/wcharczuk/go-chart/v2/drawing"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/internal/draw"
	"github.com/brochure-dev/brochure/internal/pdftest"
)

// words records the text a chart draws, with its face and colour.
type words struct {
	texts []drawnText
	fills []drawing.Color
}

type drawnText struct {
	face  *fonts.Face
	color drawing.Color
	s     string
	size  float64
	x, w  float64 // the left of the text and its width
}

func drawWords(t *testing.T, c data.Chart, st Style) *words {
	t.Helper()
	w, err := drawnWords(c, st, 240)
	if err != nil {
		t.Fatal(err)
	}
	return w
}

// drawnWords draws c at width w and records its words.
func drawnWords(c data.Chart, st Style, width float64) (*words, error) {
	var p draw.Page
	if err := Draw(&draw.Canvas{Page: &p}, c, 0, 0, width, st.Height(c, width), st); err != nil {
		return nil, err
	}
	var w words
	for _, it := range p.Items {
		switch {
		case it.Kind == draw.Text:
			w.texts = append(w.texts, drawnText{it.Face, rgba(it.Fill), it.Text, it.Size, it.X, textWidth(it.Face, it.Text, it.Size)})
		case it.Kind == draw.Path && it.Fill.A > 0:
			w.fills = append(w.fills, rgba(it.Fill))
		}
	}
	return &w, nil
}

// Series colours never repeat within a chart, whatever the brand colours
// (equal primary and accent, grey, green) and up to 30 series.
func TestSeriesColorsDistinct(t *testing.T) {
	for _, st := range []Style{
		testStyle,
		{Primary: "#2E7D32", Accent: "#2E7D32", Ink: "#1A1A1A", Muted: "#6B6B6B", Rule: "#D9D9D9"},
		{Primary: "#6B6B6B", Accent: "#1A1A1A", Ink: "#1A1A1A", Muted: "#6B6B6B", Rule: "#D9D9D9"},
		{Primary: "#FFFFFF", Accent: "#FFFFFF"},
	} {
		p := st.resolve()
		for n := 1; n <= 30; n++ {
			cols := seriesColors(p, n)
			if len(cols) != n {
				t.Fatalf("%v: %d colours for %d", st.Primary, len(cols), n)
			}
			for i := range cols {
				for j := range i {
					if cols[i] == cols[j] {
						t.Errorf("%s/%s, %d series: colours %d and %d are both %v", st.Primary, st.Accent, n, j, i, cols[i])
					}
				}
			}
		}
	}
}

// Pies and stacked bars of more than 8 items keep the 7 largest in their
// order and fold the rest into 其他 (Other, その他), which keeps the sum;
// the report's own rest, in any language, is not counted as an item.
func TestFoldShares(t *testing.T) {
	mkOwn := func(n int, own string) data.Chart {
		c := data.Chart{Type: "pie", Unit: "億円"}
		for i := range n {
			c.Data = append(c.Data, pt(string(rune('A'+i)), "9"))
		}
		c.Data = append(c.Data, pt(own, "6"))
		return c
	}
	mk := func(n int, other bool) data.Chart {
		c := data.Chart{Type: "pie", Unit: "起"}
		for i := range n {
			c.Data = append(c.Data, pt(string(rune('A'+i%26))+strings.Repeat("x", i/26), []string{"5", "40", "12.5", "3", "80"}[i%5]))
		}
		if other {
			c.Data = append(c.Data, pt("其他", "7"))
		}
		return c
	}
	tests := []struct {
		c         data.Chart
		lang      string
		n         int
		lastLabel string
	}{
		{mk(3, false), "zh-CN", 3, "C"},
		{mk(8, false), "zh-CN", 8, "H"},
		{mk(9, false), "zh-CN", 8, "其他（2项）"},
		{mk(30, false), "zh-CN", 8, "其他（23项）"},
		{mk(30, false), "en", 8, "Other (23)"},
		{mk(12, true), "zh-CN", 8, "其他（含5项）"},
		{mk(12, true), "en", 8, "Other (incl. 5)"},
		{mk(30, false), "zh-TW", 8, "其他（23項）"},
		{mkOwn(9, "その他"), "ja", 8, "その他（2項目を含む）"},
		{mkOwn(9, "기타"), "ko", 8, "기타 (2개 포함)"},
		{mkOwn(9, "Others"), "en", 8, "Other (incl. 2)"},
	}
	for _, tt := range tests {
		got := foldShares(tt.c, Style{Lang: tt.lang}.resolve())
		if len(got.Data) != tt.n || got.Data[len(got.Data)-1].Label != tt.lastLabel {
			var ls []string
			for _, d := range got.Data {
				ls = append(ls, d.Label)
			}
			t.Errorf("%d items (%s): got %v, want %d ending %q", len(tt.c.Data), tt.lang, ls, tt.n, tt.lastLabel)
		}
		if a, b := shareSum(tt.c), shareSum(got); a != b {
			t.Errorf("%d items: sum %g folded to %g", len(tt.c.Data), a, b)
		}
		if err := data.CheckChart(got); err != nil {
			t.Errorf("folded chart: %v", err)
		}
	}
}

// Good and bad news keep their semantic colours whatever the brand: a
// green brand colour does not make a rise in case-handling time green.
func TestChangeColoursAreSemantic(t *testing.T) {
	c := data.Chart{Type: "change", Better: "lower", Unit: "%", Data: []data.Point{pt("办案时长", "12.5"), pt("事故数", "-8")}}
	for _, st := range []Style{
		{Primary: "#2E7D32", Accent: "#2E7D32", Good: "#1F4E9A", Bad: "#B5121B", Regular: fonts.Regular, Bold: fonts.Bold, Black: fonts.Black},
		{Primary: "#1F4E9A", Accent: "#B5121B", Good: "#1F4E9A", Bad: "#B5121B", Regular: fonts.Regular, Bold: fonts.Bold, Black: fonts.Black},
	} {
		w := drawWords(t, c, st)
		colour := map[string]drawing.Color{}
		for _, x := range w.texts {
			colour[x.s] = x.color
		}
		good, _ := parseHex(st.Good)
		bad, _ := parseHex(st.Bad)
		if got := colour["↑12.5%"]; got != bad {
			t.Errorf("brand %s: a rise in a better-lower figure in %v, want the bad-news colour %v", st.Primary, got, bad)
		}
		if got := colour["↓8%"]; got != good {
			t.Errorf("brand %s: a fall in a better-lower figure in %v, want the good-news colour %v", st.Primary, got, good)
		}
	}
}

// Progress and donut charts show over-fulfilment: 65 of a target of 60
// prints 108.3 % and paints the part past the whole.
func TestOverFulfilment(t *testing.T) {
	for _, typ := range []string{"progress", "donut"} {
		under := drawWords(t, data.Chart{Type: typ, Value: nump("30"), Total: nump("60")}, testStyle)
		over := drawWords(t, data.Chart{Type: typ, Value: nump("65"), Total: nump("60"), Unit: "所"}, testStyle)
		var all []string
		for _, x := range over.texts {
			all = append(all, x.s)
		}
		if !strings.Contains(strings.Join(all, "|"), "108.3%") {
			t.Errorf("%s: 65 of 60 prints %q, want 108.3%%", typ, all)
		}
		p := testStyle.resolve()
		extra := func(w *words) bool {
			for _, c := range w.fills {
				if c != p.primary && c != p.rule {
					return true
				}
			}
			return false
		}
		if extra(under) || !extra(over) {
			t.Errorf("%s: the part past the whole is not painted in a colour of its own (fills %v)", typ, over.fills)
		}
	}
}

// A report's own fonts reach its charts: every chart text is set in the
// faces of the Style, none in the embedded ones.
func TestChartsUseTheStylesFaces(t *testing.T) {
	var own [3]*fonts.Face
	for i, f := range fonts.Faces() {
		face, err := fonts.Open(filepath.Join("..", "fonts", f.Family+".ttf")) // the embedded face's file, opened as a report's own
		if err != nil {
			t.Fatal(err)
		}
		face.Family = "Own" + f.Family // the name the PDF gives it, to tell it from the embedded face
		own[i] = face
	}
	st := testStyle
	st.Regular, st.Bold, st.Black = own[0], own[1], own[2]
	for _, k := range yamlKinds {
		c := fromYAML(t, k.yaml)
		text := newDoc(t)
		if err := Draw(text.canvas(), c, 40, 40, 240, st.Height(c, 240), st); err != nil {
			t.Fatal(err)
		}
		doc := pdftest.Open(t, output(t, text))
		for _, ch := range doc.Pages[0].Chars {
			if ch.Generated || ch.R == ' ' {
				continue
			}
			if _, family, _ := strings.Cut(ch.Font, "+"); !strings.HasPrefix(family, "Own") {
				t.Errorf("%s: %q set in %s, not in the style's faces", k.name, ch.R, ch.Font)
				break
			}
		}
	}
}

// Line and area charts of awkward data draw, and print their last value.
func TestTrendEdges(t *testing.T) {
	for _, tt := range []struct{ name, yaml, last string }{
		{"flat, not from zero", `{type: line, unit: 起, zero: false, data: [{label: a, value: 5}, {label: b, value: 5}]}`, "5起"},
		{"negative", `{type: area, unit: "%", data: [{label: a, value: -3.5}, {label: b, value: 2}, {label: c, value: -1.25}]}`, "-1.25%"},
		{"target far above", `{type: line, unit: 起, target: 1000, data: [{label: a, value: 5}, {label: b, value: 7}]}`, "7起"},
		{"target below, not from zero", `{type: line, unit: 起, zero: false, target: 1, data: [{label: a, value: 50}, {label: b, value: 52}]}`, "52起"},
		{"series, highlight first", `{type: area, unit: 起, highlight: a, series: [x, y], data: [{label: a, values: [1, 2]}, {label: b, values: [3, 4]}]}`, "4起"},
		{"wan", `{type: line, format: wan, unit: 人次, data: [{label: a, value: 30793000}, {label: b, value: 26418500}]}`, "2641.85万人次"},
	} {
		c := fromYAML(t, tt.yaml)
		for _, w := range []float64{120, 236.64, 480} {
			got, err := drawnWords(c, testStyle, w)
			if err != nil {
				t.Fatalf("%s at %g: %v", tt.name, w, err)
			}
			var all []string
			for _, x := range got.texts {
				all = append(all, x.s)
			}
			if !strings.Contains(strings.Join(all, ""), tt.last) {
				t.Errorf("%s at %g: the last value %q is not printed", tt.name, w, tt.last)
			}
		}
	}
}

// A bar chart of many items is set as rows in a column of the page, as
// columns at the full width when they fit there, and stretches only as
// columns.
func TestRows(t *testing.T) {
	for _, tt := range []struct {
		typ  string
		n    int
		w    float64
		rows bool
	}{
		{"bar", 4, 236.64, false},
		{"bar", 12, 236.64, true},
		{"bar", 12, 480, false},
		{"bar", 30, 480, true},
		{"grouped", 3, 236.64, false},
		{"grouped", 12, 236.64, true},
		{"line", 30, 236.64, false},
		{"pie", 30, 236.64, false},
	} {
		c := fitChart(tt.typ, tt.n, fitLabels[0].make)
		if got := testStyle.Rows(c, tt.w); got != tt.rows {
			t.Errorf("%s of %d at %g: Rows = %v, want %v", tt.typ, tt.n, tt.w, got, tt.rows)
		}
		if stretch := testStyle.Stretches(c, tt.w); stretch != (!tt.rows && tt.typ != "pie") {
			t.Errorf("%s of %d at %g: Stretches = %v", tt.typ, tt.n, tt.w, stretch)
		}
	}
}

// TestRestIsGrey: the rest of a pie or a stacked bar (a 20-slice pie's
// folded 其他（13项）, or an item written 其他 or Other) is drawn in a
// neutral grey that no other slice has; a pie without one has no grey
// beyond the series palette's.
func TestRestIsGrey(t *testing.T) {
	grey := func(c drawing.Color) bool { return c.R == c.G && c.G == c.B && c.R > 0x80 }
	many := data.Chart{Type: "pie", Title: "各学院经费"}
	for i := range 20 {
		many.Data = append(many.Data, pt(string(rune('甲'+i)), strconv.Itoa(40-i)))
	}
	for _, tt := range []struct {
		c    data.Chart
		lang string
		rest bool
	}{
		{many, "", true},
		{data.Chart{Type: "stacked", Data: []data.Point{pt("Cars", "50"), pt("Vans", "30"), pt("Other", "20")}}, "en", true},
		{data.Chart{Type: "pie", Data: []data.Point{pt("甲", "50"), pt("乙", "30"), pt("丙", "20")}}, "", false},
	} {
		st := testStyle
		st.Primary, st.Lang = "#5B2C83", tt.lang
		p := st.resolve()
		c := foldShares(tt.c, p)
		cols := shareColors(c, p)
		last := cols[len(cols)-1]
		if grey(last) != tt.rest {
			t.Errorf("%q: the last item's colour %v, grey %v, want %v", c.Data[len(c.Data)-1].Label, last, grey(last), tt.rest)
		}
		for i, a := range cols {
			for _, b := range cols[:i] {
				if colorDistance(a, b) < 20 {
					t.Errorf("%q: colours %v and %v too close", c.Data[i].Label, a, b)
				}
			}
		}
		w := drawWords(t, tt.c, st)
		if tt.rest && !slices.Contains(w.fills, last) {
			t.Errorf("%s: the rest's grey %v is not drawn", tt.c.Type, last)
		}
	}
}

// TestValueOffTarget: a line falling to just above its target does not
// set its last value across the dashed target line (it went below the
// point, where the line comes down, onto the dash).
func TestValueOffTarget(t *testing.T) {
	c := data.Chart{Type: "line", Unit: "kt", Target: nump("20"),
		Data: []data.Point{pt("2021", "61"), pt("2022", "48"), pt("2023", "36"), pt("2024", "29"), pt("2025", "25.3")}}
	st := testStyle
	st.Lang = "en"
	var pg draw.Page
	if err := Draw(&draw.Canvas{Page: &pg}, c, 0, 0, 240, st.Height(c, 240), st); err != nil {
		t.Fatal(err)
	}
	texts := map[string]float64{} // the baseline of each text
	for _, it := range pg.Items {
		if it.Kind == draw.Text {
			texts[it.Text] = it.Y
		}
	}
	label, ok := texts["25.3 kt"]
	target, ok2 := texts["Target 20 kt"]
	if !ok || !ok2 {
		t.Fatalf("no last value or target label: %v", texts)
	}
	// the target's label stands 3 pt over its line
	line, size := target+3, st.resolve().fs
	if label > line-1 && label-capHeightEm*size < line+1 {
		t.Errorf("the last value (baseline %.1f) is set across the target line at %.1f", label, line)
	}
}

// TestAxisFitsData: a value axis ends near the data, not two fifths of
// the plot above it: a 15-year line (its labels thinned, which gives the
// plot more height) at the heights a row gives it, and bars up to 61 on a
// short plot, reach 80, not 100.
func TestAxisFitsData(t *testing.T) {
	line := data.Chart{Type: "line", Unit: "kt", Target: nump("20")}
	for y := 2011; y <= 2025; y++ {
		line.Data = append(line.Data, pt(strconv.Itoa(y), strconv.FormatFloat(61.2-2.5*float64(y-2011), 'f', 1, 64)))
	}
	bars := data.Chart{Type: "bar", Data: []data.Point{pt("甲", "61.2"), pt("乙", "40"), pt("丙", "25")}}
	st := testStyle
	st.Lang = "en"
	p := st.resolve()
	for _, h := range []float64{0, 110, 130} {
		if l := layoutTrend(line, 170, h, p); l.axis.max*l.axis.div > 1.35*61.2 {
			t.Errorf("line at %.0f pt: the axis runs to %g for data up to 61.2", h, l.axis.max)
		}
		if h == 0 {
			continue
		}
		if l := layoutBar(bars, 170, h, p); l.axis.max*l.axis.div > 1.35*61.2 {
			t.Errorf("bars at %.0f pt: the axis runs to %g for data up to 61.2", h, l.axis.max)
		}
	}
}

// A bar chart prints exactly the value labels its layout measured: with
// the unit (few bars), the figure alone when the axis caption names the
// unit (30 days, wide), none when the axis carries the values (30 days in
// a column). The labels are made once, by the layout, and drawn as made.
func TestBarValuesAsLaidOut(t *testing.T) {
	days := data.Chart{Type: "bar", Title: "Vessel calls", Unit: "calls"}
	for i := 1; i <= 30; i++ {
		days.Data = append(days.Data, pt(strconv.Itoa(i), strconv.Itoa(11+i%9)))
	}
	few := data.Chart{Type: "bar", Title: "Calls", Unit: "calls", Data: []data.Point{pt("A", "1200"), pt("B", "900")}}
	st := testStyle
	st.Lang = "en"
	for _, tt := range []struct {
		c    data.Chart
		w    float64
		want []string
	}{
		{few, 240, []string{"1,200 calls", "900 calls"}},
		{days, 480, []string{"13", "17", "19"}},
		{days, 170, nil},
	} {
		l := layoutBar(tt.c, tt.w, 0, st.resolve())
		w, err := drawnWords(tt.c, st, tt.w)
		if err != nil {
			t.Fatal(err)
		}
		var drawn []string
		for _, d := range w.texts {
			drawn = append(drawn, d.s)
		}
		if tt.want == nil && (!l.omitted || l.valueLabels != nil) {
			t.Errorf("%s at %g: value labels %q, want none", tt.c.Title, tt.w, l.valueLabels)
		}
		for _, s := range tt.want {
			if !slices.Contains(l.valueLabels, s) || !slices.Contains(drawn, s) {
				t.Errorf("%s at %g: %q laid out %v, drawn %v", tt.c.Title, tt.w, s, slices.Contains(l.valueLabels, s), slices.Contains(drawn, s))
			}
		}
		for _, s := range l.valueLabels {
			if !slices.Contains(drawn, s) {
				t.Errorf("%s at %g: laid out %q is not drawn", tt.c.Title, tt.w, s)
			}
		}
	}
}

// No grid line runs through a value label: the line is broken where a
// label stands on it (the sample's 44.86% sat on the 50 line, 14.98% and
// 15.95% on the 20 line), in bar and grouped charts, at any width.
func TestGridBreaksAtValueLabels(t *testing.T) {
	bar := data.Chart{Type: "bar", Title: "交管四项指数同比降幅", Unit: "%", Data: []data.Point{
		pt("事故数", "14.98"), pt("死亡人数", "44.86"), pt("受伤人数", "10.99"), pt("直接财产损失", "15.95")}}
	grouped := fromYAML(t, `{type: grouped, title: 各区事故, series: [2019年, 2020年], data: [{label: 海曙区, values: [1203, 1021]}, {label: 江北区, values: [986, 842]}, {label: 鄞州区, values: [1530, 1297]}]}`)
	st := testStyle
	rule := rgba(draw.Colour{RGB: [3]uint8{0xD9, 0xD9, 0xD9}, A: 255})
	for _, c := range []data.Chart{bar, grouped} {
		for _, w := range []float64{180, 236.64, 300, 480} {
			var p draw.Page
			if err := Draw(&draw.Canvas{Page: &p}, c, 0, 0, w, st.Height(c, w), st); err != nil {
				t.Fatal(err)
			}
			var labels []box
			for _, it := range p.Items {
				if it.Kind == draw.Text && (strings.HasSuffix(it.Text, "%") || len(it.Text) == 4 && it.Text != "单位：") {
					tw := textWidth(it.Face, it.Text, it.Size)
					labels = append(labels, box{it.X, it.Y - capHeightEm*it.Size, it.X + tw, it.Y})
				}
			}
			if len(labels) == 0 {
				t.Fatalf("%s at %g: no value labels found", c.Title, w)
			}
			for _, it := range p.Items {
				if it.Kind != draw.Path || rgba(it.Stroke) != rule || len(it.Ops) != 2 || it.Ops[0].P[1] != it.Ops[1].P[1] {
					continue
				}
				y, x0, x1 := it.Ops[0].P[1], math.Min(it.Ops[0].P[0], it.Ops[1].P[0]), math.Max(it.Ops[0].P[0], it.Ops[1].P[0])
				for _, b := range labels {
					if y > b.t && y < b.b && x0 < b.r && x1 > b.l {
						t.Errorf("%s at %g: the grid line at y %.1f runs through a value label at %.1f–%.1f", c.Title, w, y, b.l, b.r)
					}
				}
			}
		}
	}
}

// A bar chart's values that would have to be set smaller to fit over their
// bars are set at full size without the unit the axis caption names
// (29.4, not a small 29.4亿元), never shrunk while the figures alone fit.
func TestBareValuesRatherThanSmall(t *testing.T) {
	c := data.Chart{Type: "bar", Title: "科研经费", Unit: "亿元", Data: []data.Point{
		pt("2021", "29.4"), pt("2022", "32.1"), pt("2023", "35.7"), pt("2024", "38.1"), pt("2025", "42.6")}}
	p := testStyle.resolve()
	bare := 0
	for w := 100.0; w <= 400; w += 5 {
		l := layoutBar(c, w, 0, p)
		if l.omitted || l.valRotated {
			continue
		}
		if strings.HasSuffix(l.valueLabels[0], "亿元") {
			if l.valSize < p.fs {
				t.Errorf("at %g pt: %q set at %g pt, smaller than %g, though the figures alone fit", w, l.valueLabels[0], l.valSize, p.fs)
			}
			continue
		}
		bare++
	}
	if bare == 0 {
		t.Error("no width sets the figures alone")
	}
	// grouped bars, as the tech park's three industries in two years
	g := data.Chart{Type: "grouped", Title: "三大主导产业产值", Unit: "亿元", Series: []string{"2024年", "2025年"}}
	for _, s := range []string{"集成电路", "生物医药", "智能装备", "其他产业"} {
		g.Data = append(g.Data, data.Point{Label: s, Values: []data.Number{num("528.6"), num("603.1")}})
	}
	bare = 0
	for w := 150.0; w <= 500; w += 10 {
		l := layoutGrouped(g, w, 0, p)
		if l.valRotated {
			continue
		}
		if strings.HasSuffix(l.valueLabels[0], "亿元") {
			if l.valSize < p.fs-1 {
				t.Errorf("grouped at %g pt: %q set at %g pt, though the figures alone fit", w, l.valueLabels[0], l.valSize)
			}
			continue
		}
		bare++
	}
	if bare == 0 {
		t.Error("grouped: no width sets the figures alone")
	}
}

// A bar chart of two bars in a wide box (a page's one column, a
// poster's full width) takes only the width its bars need, from the left,
// and the height that width gives: not two bars alone in a wide, tall
// plot of empty grid. Three bars and more in a column's width use it all.
// (One bar is one figure: TestOneBarIsAFigure.)
func TestFewBarsTakeTheirWidth(t *testing.T) {
	one := data.Chart{Type: "bar", Title: "Containers handled", Unit: "m TEU", Data: []data.Point{pt("2024", "1.73"), pt("2025", "1.84")}}
	four := data.Chart{Type: "bar", Title: "四项", Unit: "%", Data: []data.Point{pt("事故数", "14.98"), pt("死亡人数", "44.86"), pt("受伤人数", "10.99"), pt("直接财产损失", "15.95")}}
	st := testStyle
	for _, tt := range []struct {
		c        data.Chart
		w, right float64 // the rightmost ink at most (0: about w)
	}{
		{one, 340, 2*padOf(one, st) + 2*float64(barSlotMax(st.resolve()))},
		{one, 100, 0},
		{four, 236.64, 0},
	} {
		var p draw.Page
		if err := Draw(&draw.Canvas{Page: &p}, tt.c, 0, 0, tt.w, st.Height(tt.c, tt.w), st); err != nil {
			t.Fatal(err)
		}
		right := 0.0
		for _, it := range p.Items {
			if it.Kind == draw.Path {
				for _, op := range it.Ops {
					right = math.Max(right, op.P[0])
				}
			}
		}
		switch {
		case tt.right > 0 && right > tt.right:
			t.Errorf("%s at %g pt: drawn to %.0f pt, want at most %.0f", tt.c.Title, tt.w, right, tt.right)
		case tt.right == 0 && right < tt.w-8: // whole-point slots leave up to a point a bar
			t.Errorf("%s at %g pt: drawn to %.0f pt only", tt.c.Title, tt.w, right)
		}
	}
	if a, b := st.Height(one, 340), st.Height(one, 160); a > b+20 {
		t.Errorf("two bars: %.0f pt tall at 340 pt wide, %.0f at 160", a, b)
	}
}

// padOf is the width a bar chart's value axis takes at its left.
func padOf(c data.Chart, st Style) float64 { return layoutBar(c, 1000, 0, st.resolve()).padL }

// A pie's legend keeps each value whole on a line (Exports / 21.4
// million t / (51.9%), never 21.4 / million t), and an English legend
// puts its shares in ASCII brackets after a space.
func TestLegendKeepsValuesWhole(t *testing.T) {
	c := data.Chart{Type: "pie", Title: "Cargo by direction", Unit: "million t", Data: []data.Point{pt("Exports", "21.4"), pt("Imports", "19.8")}}
	st := testStyle
	st.Lang = "en"
	for _, w := range []float64{160, 175, 190, 236.64} {
		ws, err := drawnWords(c, st, w)
		if err != nil {
			t.Fatal(err)
		}
		var lines []string
		for _, d := range ws.texts {
			lines = append(lines, d.s)
		}
		for _, v := range []string{"21.4 million t", "19.8 million t"} {
			if !slices.ContainsFunc(lines, func(l string) bool { return strings.Contains(l, v) }) {
				t.Errorf("at %g pt: %q parted in the legend %q", w, v, lines)
			}
		}
		if all := strings.Join(lines, "|"); !strings.Contains(all, "(51.9%)") || strings.Contains(all, "（") {
			t.Errorf("at %g pt: the shares in %q, want (51.9%%)", w, all)
		}
	}
}

// A category label that ends in a bracketed part and takes two lines
// breaks before the bracket, not inside it.
func TestLabelBreaksBeforeBracket(t *testing.T) {
	for _, tt := range []struct {
		s    string
		want []string
	}{
		{"宁波保税区（出口加工区）", []string{"宁波保税区", "（出口加工区）"}},
		{"Port office (north quay)", []string{"Port office", "(north quay)"}},
	} {
		w := textWidth(fonts.Regular, tt.want[1], 8) + 1
		if got := balanceLines(fonts.Regular, tt.s, 8, w); !slices.Equal(got, tt.want) {
			t.Errorf("%s at %.0f pt: %q, want %q", tt.s, w, got, tt.want)
		}
	}
}

// A month's bars with thinned labels (2日, 4日 … 30日) print each label
// whole on one line, never one character a line in its narrow slot; and
// the grid ends with the last bar, not a slot's worth after it.
func TestThinnedLabelsWhole(t *testing.T) {
	c := data.Chart{Type: "bar", Title: "11月每日受理投诉举报", Unit: "件"}
	for i := 1; i <= 30; i++ {
		c.Data = append(c.Data, pt(strconv.Itoa(i)+"日", strconv.Itoa(600+37*(i%11))))
	}
	st := testStyle
	for _, w := range []float64{236.64, 480} {
		l := layoutBar(c, w, 0, st.resolve())
		if l.thinned < 2 {
			t.Fatalf("at %g pt: labels not thinned (every %d)", w, l.thinned)
		}
		var p draw.Page
		if err := Draw(&draw.Canvas{Page: &p}, c, 0, 0, w, st.Height(c, w), st); err != nil {
			t.Fatal(err)
		}
		baselines := map[float64]bool{}                  // of the text under the plot
		bottom := st.Height(c, w) - l.padB + xAxisMargin // under the axis and its ticks' labels
		right := 0.0
		for _, it := range p.Items {
			if it.Kind == draw.Text && it.Y > bottom {
				baselines[math.Round(it.Y)] = true
			}
			if it.Kind == draw.Path && len(it.Ops) == 2 && it.Ops[0].P[1] == it.Ops[1].P[1] {
				right = math.Max(right, math.Max(it.Ops[0].P[0], it.Ops[1].P[0]))
			}
		}
		if len(baselines) != 1 {
			t.Errorf("at %g pt: the day labels stand on %d baselines (%v), want one line", w, len(baselines), baselines)
		}
		if end := l.padL + float64(30*l.slot); right > end+0.5 {
			t.Errorf("at %g pt: the grid runs to %.1f, past the last bar's slot at %.1f", w, right, end)
		}
	}
}

// A target's label on an axis that does not start at zero stands clear of
// the broken-axis mark (//) at the foot of the axis: the NGO's "Target
// 90%" at the bottom of its 90–100 axis was set across it.
func TestTargetClearsAxisBreak(t *testing.T) {
	f := false
	for _, tt := range []struct {
		lang, target string
		values       []string
	}{
		{"en", "90", []string{"94.1", "95.8", "97.2", "98.0", "98.9", "99.5", "100"}},
		{"zh-CN", "60", []string{"61", "64", "70", "72"}},
		{"en", "95", []string{"94.1", "95.8", "97.2", "98.0"}},
	} {
		c := data.Chart{Type: "line", Unit: "%", Target: nump(tt.target), Zero: &f}
		for i, v := range tt.values {
			c.Data = append(c.Data, pt(fmt.Sprint(2019+i), v))
		}
		st := testStyle
		st.Lang = tt.lang
		for _, w := range []float64{180, 240, 360} {
			var pg draw.Page
			if err := Draw(&draw.Canvas{Page: &pg}, c, 0, 0, w, st.Height(c, w), st); err != nil {
				t.Fatal(err)
			}
			var label *box
			var slashes []box
			for _, it := range pg.Items {
				if it.Kind == draw.Text && strings.Contains(it.Text, tt.target+"%") && (strings.HasPrefix(it.Text, "Target") || strings.HasPrefix(it.Text, "目标")) {
					tw := textWidth(it.Face, it.Text, it.Size)
					label = &box{it.X, it.Y - capHeightEm*it.Size, it.X + tw, it.Y}
				}
				if it.Kind == draw.Path && len(it.Ops) == 2 && it.Ops[0].P[0] != it.Ops[1].P[0] && it.Ops[0].P[1] != it.Ops[1].P[1] && math.Abs(it.Ops[0].P[0]-it.Ops[1].P[0]) < 4 {
					a, b := it.Ops[0].P, it.Ops[1].P
					slashes = append(slashes, box{math.Min(a[0], b[0]), math.Min(a[1], b[1]), math.Max(a[0], b[0]), math.Max(a[1], b[1])})
				}
			}
			if label == nil || len(slashes) != 2 {
				t.Fatalf("%s at %g: target label %v, %d slashes", tt.lang, w, label, len(slashes))
			}
			for _, s := range slashes {
				s = box{s.l - 1, s.t - 1, s.r + 1, s.b + 1} // a point clear of it
				if label.overlaps(s) {
					t.Errorf("%s target %s at %g: its label %.1f–%.1f × %.1f–%.1f is set across the axis break at %.1f–%.1f × %.1f–%.1f", tt.lang, tt.target, w, label.l, label.r, label.t, label.b, s.l, s.r, s.t, s.b)
				}
			}
		}
	}
}

// A line's category labels, thinned where they would touch, are thinned
// at an even step counted back from the last: the tech park's 7—8月
// chart showed 7月1日, 7月8日, 7月15日, then 7月29日 (a week, a week, a
// fortnight apart).
func TestTrendLabelsEvenStep(t *testing.T) {
	days := []string{"7月1日", "7月8日", "7月15日", "7月22日", "7月29日", "8月5日", "8月12日", "8月19日", "8月26日"}
	c := data.Chart{Type: "line", Unit: "℃"}
	for i, d := range days {
		c.Data = append(c.Data, pt(d, fmt.Sprint(33+i%4)))
	}
	for w := 240.0; w <= 600; w += 10 { // one line each (narrower: two, 7月 over 1日)
		var pg draw.Page
		if err := Draw(&draw.Canvas{Page: &pg}, c, 0, 0, w, testStyle.Height(c, w), testStyle); err != nil {
			t.Fatal(err)
		}
		// the labels are the runs on the lowest baseline (7, 月, 1, 日),
		// one label after another
		base := 0.0
		for _, it := range pg.Items {
			if it.Kind == draw.Text {
				base = math.Max(base, it.Y)
			}
		}
		var shown []int
		label := ""
		for _, it := range pg.Items {
			if it.Kind != draw.Text || it.Y != base {
				continue
			}
			if label += it.Text; strings.HasSuffix(label, "日") {
				if k := slices.Index(days, label); k >= 0 {
					shown = append(shown, k)
				}
				label = ""
			}
		}
		slices.Sort(shown)
		if len(shown) < 2 || shown[len(shown)-1] != len(days)-1 {
			t.Errorf("at %g: labels %v, want the last and at least one more", w, shown)
			continue
		}
		for i := 2; i < len(shown); i++ {
			if shown[i]-shown[i-1] != shown[1]-shown[0] {
				t.Errorf("at %g: labels of days %v are not at an even step", w, shown)
				break
			}
		}
	}
}

// A line chart's value labels (the last point's, a highlighted one's) and
// its target's label break the grid lines they stand on, as bar charts'
// values do: a grid line is not drawn through a figure.
func TestLineGridBreaksAtLabels(t *testing.T) {
	rule := rgba(draw.Colour{RGB: [3]uint8{0xD9, 0xD9, 0xD9}, A: 255})
	for _, end := range []string{"35", "36", "37", "38", "38.5", "39", "41"} {
		for _, target := range []*data.Number{nil, nump("20")} {
			c := data.Chart{Type: "line", Unit: "%", Target: target, Highlight: "2022",
				Data: []data.Point{pt("2021", "12"), pt("2022", "27.5"), pt("2023", "31"), pt("2024", end)}}
			for _, w := range []float64{180, 240, 360} {
				var pg draw.Page
				if err := Draw(&draw.Canvas{Page: &pg}, c, 0, 0, w, testStyle.Height(c, w), testStyle); err != nil {
					t.Fatal(err)
				}
				var labels []box
				for _, it := range pg.Items {
					if it.Kind == draw.Text && (strings.HasSuffix(it.Text, "%") && it.Text != "单位：%") {
						tw := textWidth(it.Face, it.Text, it.Size)
						labels = append(labels, box{it.X, it.Y - capHeightEm*it.Size, it.X + tw, it.Y})
					}
				}
				if len(labels) < 2 {
					t.Fatalf("end %s at %g: %d value labels found", end, w, len(labels))
				}
				for _, it := range pg.Items {
					if it.Kind != draw.Path || rgba(it.Stroke) != rule || len(it.Ops) != 2 || it.Ops[0].P[1] != it.Ops[1].P[1] {
						continue
					}
					y, x0, x1 := it.Ops[0].P[1], math.Min(it.Ops[0].P[0], it.Ops[1].P[0]), math.Max(it.Ops[0].P[0], it.Ops[1].P[0])
					for _, b := range labels {
						if y > b.t && y < b.b && x0 < b.r && x1 > b.l {
							t.Errorf("end %s, target %v, at %g: the grid line at y %.1f runs through the label at %.1f–%.1f × %.1f–%.1f", end, target, w, y, b.l, b.r, b.t, b.b)
						}
					}
				}
			}
		}
	}
}

// A grouped chart whose labels would break inside a word in their slots
// (场（厂）内机动/车辆, 压力管道（公/里）: market-regulation's special
// equipment at the poster's full width) is set as rows, which have room
// for the labels whole; a row's own unit (812 公里 in a chart of 台) is
// printed in rows as in columns. breaksWord tells a break in a word from
// one at a space or before a bracket.
func TestLabelsBrokenInWordsAreRows(t *testing.T) {
	c := fromYAML(t, `{type: grouped, title: 各类特种设备数量（台）, series: [2024年, 2025年], unit: 台, data: [
		{label: 电梯, values: [54210, 58630]}, {label: 压力容器, values: [11870, 12420]},
		{label: 场（厂）内机动车辆, values: [4260, 4515]}, {label: 起重机械, values: [2635, 2702]},
		{label: 锅炉, values: [1208, 1163]}, {label: 压力管道（公里）, values: [812, 846], unit: 公里},
		{label: 大型游乐设施, values: [118, 126]}]}`)
	st := testStyle
	st.FontSize = 9 // the poster's
	for _, w := range []float64{236.64, 539} {
		if !st.Rows(c, w) {
			t.Errorf("at %g pt: set as columns, labels %q", w, layoutGrouped(c, w, 0, st.resolve()).labels)
		}
		ws, err := drawnWords(c, st, w)
		if err != nil {
			t.Fatal(err)
		}
		var all []string
		for _, x := range ws.texts {
			all = append(all, x.s)
		}
		got := strings.Join(all, "|")
		if !strings.Contains(got, "812|公里") || strings.Contains(got, "812|台") || w > 500 && !strings.Contains(got, "|场（厂）内机动车辆|") {
			t.Errorf("at %g pt: %s", w, got)
		}
	}
	for _, tt := range []struct {
		label string
		lines []string
		want  bool
	}{
		{"场（厂）内机动车辆", []string{"场（厂）内机动", "车辆"}, true},
		{"压力管道（公里）", []string{"压力管道（公", "里）"}, true},
		{"压力管道（公里）", []string{"压力管道", "（公里）"}, false},
		{"Port office (north quay)", []string{"Port office", "(north quay)"}, false},
		{"Girls enrolled", []string{"Girls", "enrolled"}, false},
		{"Chemical", []string{"Chemi-", "cal"}, true},
		{"well-known", []string{"well-", "known"}, false},
	} {
		if got := breaksWord(tt.label, tt.lines); got != tt.want {
			t.Errorf("breaksWord(%q, %q) = %v, want %v", tt.label, tt.lines, got, tt.want)
		}
	}
}

// A bar's thickness follows the type, not the space: four quarters across
// a poster's full width (county-police-annual) are bars at most barEms
// ems of the label size wide, not 64 pt slabs, at 8 and at 9 pt; and the
// chart takes only the width their slots need.
func TestBarThicknessFollowsType(t *testing.T) {
	c := fromYAML(t, `{type: bar, title: Reported crime by quarter, data: [{label: Q1, value: 10420}, {label: Q2, value: 10115}, {label: Q3, value: 9870}, {label: Q4, value: 9306}]}`)
	for _, fs := range []float64{8, 9} {
		st := testStyle
		st.FontSize = fs
		l := layoutBar(c, 539, 0, st.resolve())
		if float64(l.barW) > barEms*fs+0.5 {
			t.Errorf("at %g pt type: bars %d pt wide, want at most %g", fs, l.barW, barEms*fs)
		}
		if l.width >= 539 {
			t.Errorf("at %g pt type: four bars take the whole 539 pt", fs)
		}
	}
}

// A donut in a wide box (a poster's full width, a figure of a row) has
// its "376 / 1653家" beside the ring, as a pie has its legend and a waffle
// its figures, the ring at the left: not a ring alone in the middle with
// the box's sides empty; in a narrow box the caption stays under it.
func TestDonutCaptionBeside(t *testing.T) {
	for _, tt := range []struct {
		w      float64
		beside bool
	}{{539, true}, {236.64, true}, {150, false}} {
		var p draw.Page
		h := testStyle.Height(donutChart, tt.w)
		if err := Draw(&draw.Canvas{Page: &p}, donutChart, 0, 0, tt.w, h, testStyle); err != nil {
			t.Fatal(err)
		}
		var paths []draw.Item
		cx, cy := math.Inf(1), math.Inf(1) // the caption's first baseline's left end
		for _, it := range p.Items {
			switch {
			case it.Kind == draw.Path:
				paths = append(paths, it)
			case it.Kind == draw.Text && strings.Contains(it.Text, "/"):
				cx, cy = math.Min(cx, it.X), math.Min(cy, it.Y)
			}
		}
		ring := pathBounds(paths)
		beside := cx > ring.r && cy > ring.t && cy < ring.b
		if beside != tt.beside {
			t.Errorf("at %g pt: ring %+v, caption at (%.0f, %.0f): beside = %v, want %v", tt.w, ring, cx, cy, beside, tt.beside)
		}
		if tt.beside && ring.l > 6 {
			t.Errorf("at %g pt: the ring starts at %.0f, want the left", tt.w, ring.l)
		}
	}
}

// A pie's legend beside it sets each entry on one line where a narrower
// circle (down to pieLeast) leaves it room: Minato's その他（2 項目を含む）
// 33 億円（2.9%） in a figure of a row; where even that is too narrow the
// circle keeps pieLeast and the entry wraps.
func TestPieLegendOneLine(t *testing.T) {
	c := data.Chart{Type: "pie", Title: "一般会計歳出の内訳", Unit: "億円", Data: []data.Point{
		pt("民生費", "512"), pt("教育費", "148"), pt("土木費", "131"), pt("その他（2 項目を含む）", "33")}}
	st := testStyle
	st.Lang = "ja"
	p := st.resolve()
	for _, tt := range []struct {
		w     float64
		lines int
	}{{236.64, 1}, {260, 1}, {480, 1}, {160, 2}} {
		l := layoutPie(c, tt.w, p)
		most := 0
		for _, it := range l.items {
			most = max(most, len(it))
		}
		if most != tt.lines {
			t.Errorf("at %g pt: a legend entry takes %d lines (circle %.0f pt), want %d", tt.w, most, l.d, tt.lines)
		}
		if l.d < pieLeast && tt.w > 200 {
			t.Errorf("at %g pt: the circle is %.0f pt, under %g", tt.w, l.d, pieLeast)
		}
	}
}

// A bar chart of one item is one figure: its value big (1.84, larger than
// the labels), its unit and its label printed, no axis (no 0 tick), at a
// height of its own that does not stretch, far shorter than a plot; the
// figure steps down where the width does not hold it, never out of it.
func TestOneBarIsAFigure(t *testing.T) {
	c := data.Chart{Type: "bar", Title: "Containers handled in 2025", Unit: "m TEU", Data: []data.Point{pt("2025", "1.84")}}
	st := testStyle
	st.Lang = "en"
	for _, w := range []float64{80, 160, 340} {
		if st.Stretches(c, w) || st.Rows(c, w) || st.Crowded(c, w) {
			t.Errorf("at %g pt: one figure stretches, or is set as rows, or crowded", w)
		}
		if h := st.Height(c, w); h > 70 {
			t.Errorf("at %g pt: one figure %.0f pt tall", w, h)
		}
		ws, err := drawnWords(c, st, w)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, d := range ws.texts {
			got = append(got, d.s)
			if d.s == "1.84" && d.size <= st.FontSize+1 {
				t.Errorf("at %g pt: the figure set at %g pt", w, d.size)
			}
			if d.x+d.w > w+0.5 {
				t.Errorf("at %g pt: %q reaches %.1f pt", w, d.s, d.x+d.w)
			}
		}
		all := strings.Join(got, "|")
		for _, want := range []string{"1.84", "m TEU", "2025"} {
			if !strings.Contains(all, want) {
				t.Errorf("at %g pt: %q not printed in %q", w, want, all)
			}
		}
		if slices.Contains(got, "0") {
			t.Errorf("at %g pt: an axis printed: %q", w, all)
		}
	}
}

// TestHBarGrows: an hbar drawn in a box taller than it asks draws its
// bars and the gaps between them thicker, as much as the box allows, up
// to hbarMost, its labels at their size, and no taller than Largest
// says; in its own box, as it asks.
func TestHBarGrows(t *testing.T) {
	p := testStyle.resolve()
	const w = 300.0
	own := layoutHBar(hbarChart, w, p)
	most := testStyle.Largest(hbarChart, w) - titleHeight(hbarChart.Title, w, p)
	if most <= own.total {
		t.Fatalf("the largest %.1f pt, want more than its own %.1f", most, own.total)
	}
	for _, tt := range []struct {
		h, k float64 // the box, the bars' thickness as a share of their own (0: between 1 and hbarMost)
	}{
		{own.total, 1},
		{(own.total + most) / 2, 0},
		{most, hbarMost},
		{2 * most, hbarMost},
	} {
		l := layoutHBarIn(hbarChart, w, tt.h, p)
		k := l.barH / own.barH
		switch {
		case l.total > tt.h+1e-6:
			t.Errorf("in %.1f pt: %.1f pt tall, taller than its box", tt.h, l.total)
		case tt.k > 0 && math.Abs(k-tt.k) > 1e-3:
			t.Errorf("in %.1f pt: bars %.3f of their own, want %.3f", tt.h, k, tt.k)
		case tt.k == 0 && (k <= 1 || k >= hbarMost):
			t.Errorf("in %.1f pt: bars %.3f of their own, want between 1 and %.3f", tt.h, k, hbarMost)
		case math.Abs(l.gap/hbarGap-k) > 1e-9:
			t.Errorf("in %.1f pt: gaps %.3f of their own, bars %.3f", tt.h, l.gap/hbarGap, k)
		case l.labelSize != own.labelSize:
			t.Errorf("in %.1f pt: labels at %.1f pt, want %.1f", tt.h, l.labelSize, own.labelSize)
		}
	}
}

// TestHBarThins: an hbar drawn in a box shorter than it asks draws its
// bars and the gaps between them thinner, as little as the box needs,
// down to hbarLeast, its labels at their size; Smallest says how short
// that is, and a bar chart set as rows thins alike (as columns it
// stretches: Smallest is its Height).
func TestHBarThins(t *testing.T) {
	p := testStyle.resolve()
	rows := longBar()
	for _, tt := range []struct {
		c data.Chart
		w float64
	}{{hbarChart, 300}, {rows, 200}} {
		if tt.c.Type == "bar" && !testStyle.Rows(tt.c, tt.w) {
			t.Fatalf("%s at %g pt: columns, want rows", tt.c.Title, tt.w)
		}
		own := layoutHBar(tt.c, tt.w, p)
		least := testStyle.Smallest(tt.c, tt.w) - titleHeight(tt.c.Title, tt.w, p)
		if least >= own.total {
			t.Fatalf("%s: the smallest %.1f pt, want less than its own %.1f", tt.c.Title, least, own.total)
		}
		for _, b := range []struct {
			h, k float64 // the box, the bars' thickness as a share of their own (0: between hbarLeast and 1)
		}{
			{own.total, 1},
			{(own.total + least) / 2, 0},
			{least, hbarLeast},
			{least / 2, hbarLeast},
		} {
			l := layoutHBarIn(tt.c, tt.w, b.h, p)
			k := l.barH / own.barH
			switch {
			case l.total > max(b.h, least)+1e-6:
				t.Errorf("%s in %.1f pt: %.1f pt tall, taller than its box", tt.c.Title, b.h, l.total)
			case b.k > 0 && math.Abs(k-b.k) > 1e-3:
				t.Errorf("%s in %.1f pt: bars %.3f of their own, want %.3f", tt.c.Title, b.h, k, b.k)
			case b.k == 0 && (k <= hbarLeast || k >= 1):
				t.Errorf("%s in %.1f pt: bars %.3f of their own, want between %.3f and 1", tt.c.Title, b.h, k, hbarLeast)
			case math.Abs(l.gap/hbarGap-k) > 1e-9:
				t.Errorf("%s in %.1f pt: gaps %.3f of their own, bars %.3f", tt.c.Title, b.h, l.gap/hbarGap, k)
			case l.labelSize != own.labelSize:
				t.Errorf("%s in %.1f pt: labels at %.1f pt, want %.1f", tt.c.Title, b.h, l.labelSize, own.labelSize)
			}
		}
	}
	if cols := (data.Chart{Type: "bar", Title: "收入", Data: hbarChart.Data}); testStyle.Smallest(cols, 400) != testStyle.Height(cols, 400) {
		t.Errorf("bars set as columns: smallest %.1f pt, want their height %.1f (they stretch)", testStyle.Smallest(cols, 400), testStyle.Height(cols, 400))
	}
}

// TestDonutGrows: a donut drawn in a box taller than it asks draws its
// ring larger, as much as the box allows, up to donutMost of the width
// (its caption's room beside it kept) and no taller than Largest says; in
// its own box, at its own size; a kind that keeps its size is as large as
// it asks (Largest is its Height).
func TestDonutGrows(t *testing.T) {
	ring := func(w, h float64) float64 {
		var p draw.Page
		if err := Draw(&draw.Canvas{Page: &p}, donutChart, 0, 0, w, h, testStyle); err != nil {
			t.Fatal(err)
		}
		var paths []draw.Item
		for _, it := range p.Items {
			if it.Kind == draw.Path {
				paths = append(paths, it)
			}
		}
		b := pathBounds(paths)
		return b.b - b.t
	}
	for _, w := range []float64{150, 254, 539} {
		own := testStyle.Height(donutChart, w)
		most := testStyle.Largest(donutChart, w)
		d0 := ring(w, own)
		if most <= own {
			t.Errorf("at %g pt: the largest %.0f pt, want more than its own %.0f", w, most, own)
		}
		base := layoutDonut(donutChart, w, testStyle.resolve()).d
		for _, extra := range []float64{20, 1000} {
			// the ring as drawn (its bounds a little inside its
			// diameter), to scale with the diameter it is set at
			want := min(base+extra, base+most-own)
			if d := ring(w, own+extra) / d0 * base; math.Abs(d-want) > 1.5 {
				t.Errorf("at %g pt, a box %.0f pt taller: ring %.0f pt, want %.0f", w, extra, d, want)
			}
			if want > donutMost*w+1 {
				t.Errorf("at %g pt: ring %.0f pt, wider than %.2f of the width", w, want, donutMost)
			}
		}
	}
	if h, most := testStyle.Height(pieChart, 300), testStyle.Largest(pieChart, 300); h != most {
		t.Errorf("a pie: largest %.0f pt, want its height %.0f", most, h)
	}
}

// A chart focuses where its data says what is current: series that are
// periods set the latest in the first colour and the ones before in greys
// (older lighter); a bar or hbar chart's highlight sets that bar in the
// first colour and the rest grey. Series of equal weight, and charts with
// no highlight, keep the theme's colours.
func TestFocus(t *testing.T) {
	for _, tt := range []struct {
		s    string
		year int
		ok   bool
	}{
		{"2025", 2025, true}, {"2025年", 2025, true}, {"2024年度", 2024, true}, {"FY2023", 2023, true},
		{"2024/25", 2024, true}, {"2023–24", 2023, true}, {" 2025 ", 2025, true},
		{"刑事案件", 0, false}, {"2025年上半年", 0, false}, {"1850", 0, false}, {"20251", 0, false},
	} {
		if y, ok := period(tt.s); y != tt.year || ok != tt.ok {
			t.Errorf("period(%q) = %d, %v; want %d, %v", tt.s, y, ok, tt.year, tt.ok)
		}
	}

	st := testStyle
	p := st.resolve()
	grey := func(c drawing.Color) bool { return c.R == c.G && c.G == c.B }
	count := func(fills []drawing.Color, want func(drawing.Color) bool) int {
		n := 0
		for _, f := range fills {
			if want(f) {
				n++
			}
		}
		return n
	}
	is := func(c drawing.Color) func(drawing.Color) bool { return func(f drawing.Color) bool { return f == c } }
	grouped := func(series ...string) data.Chart {
		c := data.Chart{Type: "grouped", Series: series}
		for _, l := range []string{"东城", "西城", "南城"} {
			d := data.Point{Label: l}
			for i := range series {
				d.Values = append(d.Values, num(strconv.Itoa(10+i)))
			}
			c.Data = append(c.Data, d)
		}
		return c
	}
	bars := func(kind, highlight string) data.Chart {
		c := data.Chart{Type: kind, Highlight: highlight}
		for i, l := range []string{"东城", "西城", "南城", "北城"} {
			c.Data = append(c.Data, pt(l, strconv.Itoa(20+i)))
		}
		return c
	}
	for _, tt := range []struct {
		name          string
		c             data.Chart
		primary, grey int // bars (and legend swatches) drawn in each
	}{
		{"years", grouped("2024年", "2025年"), 3 + 1, 3 + 1},
		{"years reversed", grouped("2025", "2024"), 3 + 1, 3 + 1},
		{"three years", grouped("2023", "2024", "2025"), 3 + 1, 6 + 2},
		{"categories", grouped("刑事案件", "治安案件"), 3 + 1, 0},
		{"same year twice", grouped("2025", "2025年"), 3 + 1, 0},
		{"bar highlight", bars("bar", "西城"), 1, 3},
		{"bar", bars("bar", ""), 4, 0},
		{"hbar highlight", bars("hbar", "北城"), 1, 3},
	} {
		t.Run(tt.name, func(t *testing.T) {
			w := drawWords(t, tt.c, st)
			if n := count(w.fills, is(p.primary)); n != tt.primary {
				t.Errorf("%d fills in the first colour, want %d", n, tt.primary)
			}
			if n := count(w.fills, grey); n != tt.grey {
				t.Errorf("%d grey fills, want %d", n, tt.grey)
			}
		})
	}
}

// A chart's note (its source) is a small muted line under the plot, the
// last text it draws and the lowest, counted in its height, read in its
// alt text; a chart without one is as tall as before.
func TestChartNote(t *testing.T) {
	st := testStyle
	p := st.resolve()
	for _, c := range []data.Chart{
		{Type: "bar", Title: "全市接报警情总量", Data: []data.Point{pt("2019年", "3079"), pt("2020年", "2642")}},
		{Type: "donut", Title: "结案率", Value: nump("91"), Total: nump("100")},
		{Type: "hbar", Data: []data.Point{pt("电信网络诈骗", "683"), pt("网络赌博", "412")}},
	} {
		t.Run(c.Type, func(t *testing.T) {
			bare := st.Height(c, 240)
			c.Note = "数据来源：市统计局，2025年国民经济和社会发展统计公报（初步核算数，部分数据因四舍五入存在误差）"
			h := st.Height(c, 240)
			lines := noteLines(c.Note, 240, p)
			if len(lines) != 2 {
				t.Fatalf("the note wraps into %d lines at 240 pt, want 2", len(lines))
			}
			if want := bare + noteHeight(c.Note, 240, p); math.Abs(h-want) > 1e-9 || h <= bare {
				t.Errorf("height %.1f with the note, %.1f without: want %.1f", h, bare, want)
			}
			var pg draw.Page
			if err := Draw(&draw.Canvas{Page: &pg}, c, 0, 0, 240, h, st); err != nil {
				t.Fatal(err)
			}
			var texts []draw.Item
			for _, it := range pg.Items {
				if it.Kind == draw.Text {
					texts = append(texts, it)
				}
			}
			last := texts[len(texts)-1]
			if last.Text != lines[1] || rgba(last.Fill) != p.muted || last.Size >= p.fs {
				t.Errorf("last text %q in %v at %.1f pt, want the note's %q, muted, smaller than %.1f", last.Text, rgba(last.Fill), last.Size, lines[1], p.fs)
			}
			for _, it := range texts {
				if it.Y > last.Y+1e-6 || it.Y > h {
					t.Errorf("%q at y %.1f: below the note's last line (%.1f) or the box (%.1f)", it.Text, it.Y, last.Y, h)
				}
			}
			if alt := Alt(c, "zh-Hans"); !strings.HasSuffix(alt, c.Note) {
				t.Errorf("alt %q does not end with the note", alt)
			}
		})
	}
}
