package charts

import (
	"bytes"
	"image"
	"image/color"
	_ "image/png"
	"math"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"testing"

	chart "github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/internal/draw"
	"github.com/brochure-dev/brochure/internal/export"
	"github.com/brochure-dev/brochure/internal/marks"
)

var testStyle = Style{Primary: "#B5121B", Accent: "#1F4E9A", Ink: "#1A1A1A", Muted: "#6B6B6B", Rule: "#D9D9D9", FontSize: 8,
	Regular: fonts.Regular, Bold: fonts.Bold, Black: fonts.Black}

func num(s string) data.Number {
	v, err := strconv.ParseFloat(s, 64)
	if err != nil {
		panic(err)
	}
	return data.Number{Value: v, Text: s}
}

func nump(s string) *data.Number { n := num(s); return &n }

func pt(label, v string) data.Point { return data.Point{Label: label, Value: num(v)} }

// doc is an A4 document charts draw on, page after page.
type doc struct {
	pages []draw.Page
	cv    draw.Canvas
}

func newDoc(t testing.TB) *doc {
	t.Helper()
	d := &doc{}
	d.AddPage()
	return d
}

// AddPage starts a new page; the canvas draws on it.
func (d *doc) AddPage() {
	d.pages = append(d.pages, draw.Page{Number: len(d.pages) + 1})
	d.cv.Page = &d.pages[len(d.pages)-1]
}

func (d *doc) canvas() *draw.Canvas { return &d.cv }

// output is the document as a PDF, as export writes a brochure's.
func output(t testing.TB, d *doc) []byte {
	t.Helper()
	w := export.NewWriter(&export.Document{Width: 595.28, Height: 841.89, Trim: marks.Rect{W: 595.28, H: 841.89}})
	for i := range d.pages {
		if err := w.Page(&d.pages[i]); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := w.Finish(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// pdfText extracts the text with pdftotext (skipping if it is missing).
func pdfText(t *testing.T, pdfBytes []byte) string {
	t.Helper()
	bin, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not on PATH")
	}
	cmd := exec.Command(bin, "-q", "-", "-")
	cmd.Stdin = bytes.NewReader(pdfBytes)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}

var (
	barChart = data.Chart{Type: "bar", Title: "各区增长率", Unit: "%", Data: []data.Point{
		pt("东城区", "14.98"), pt("西城区", "9.5"), pt("朝阳区", "21"), pt("海淀区", "3.07"), pt("丰台区", "0"),
	}}
	hbarChart = data.Chart{Type: "hbar", Title: "演出场次", Unit: "场", Data: []data.Point{
		{Label: "话剧", Value: num("683"), Unit: "起"}, pt("音乐会与独奏会", "412"), pt("戏曲", "97"),
	}}
	donutChart = data.Chart{Type: "donut", Title: "获奖企业占比", Unit: "家", Value: nump("376"), Total: nump("1653")}
	progChart  = data.Chart{Type: "progress", Title: "项目完成进度", Unit: "项", Value: nump("49"), Total: nump("78")}
	pieChart   = data.Chart{Type: "pie", Title: "资金来源", Unit: "亿元", Data: []data.Point{
		pt("财政拨款", "3079.3"), pt("社会资本", "1200"), pt("银行贷款", "640.5"), pt("其他", "88"),
	}}
)

func longBar() data.Chart {
	labels := []string{"朝阳区文化中心", "海淀区科技园区", "东城区历史街区", "西城区金融中心", "丰台区物流园区", "石景山区创意园",
		"通州区副中心区", "顺义区临空经济", "昌平区科学城区", "大兴区国际机场", "房山区生态新城", "门头沟区山水城"}
	c := data.Chart{Type: "bar", Title: "十二个区的长标签", Unit: "亿元"}
	for i, l := range labels {
		if len([]rune(l)) != 7 {
			panic(l)
		}
		l += "区" // 8 characters each
		c.Data = append(c.Data, pt(l, strconv.Itoa(100+i*37)))
	}
	return c
}

func TestDrawKinds(t *testing.T) {
	tests := []struct {
		name  string
		c     data.Chart
		width float64
		want  []string
	}{
		{"bar", barChart, 300, []string{"各区增长率", "东城区", "丰台区", "14.98%", "9.5%", "21%", "3.07%", "0%"}},
		{"bar-negative", data.Chart{Type: "bar", Title: "变化", Unit: "%", Data: []data.Point{pt("甲", "-4.5"), pt("乙", "7.25")}}, 200, []string{"变化", "-4.5%", "7.25%"}},
		{"hbar", hbarChart, 300, []string{"演出场次", "话剧", "683起", "412场", "97场", "戏曲"}},
		{"donut", donutChart, 200, []string{"获奖企业占比", "22.7%", "376 / 1653家"}},
		{"donut-percent", data.Chart{Type: "donut", Title: "覆盖率", Percent: nump("85.50")}, 160, []string{"覆盖率", "85.50%"}},
		{"progress", progChart, 260, []string{"项目完成进度", "62.8%", "49 / 78项"}},
		{"pie", pieChart, 300, []string{"资金来源", "财政拨款", "3079.3亿元", "1200亿元", "640.5亿元", "88亿元"}},
		{"pie-narrow", pieChart, 150, []string{"资金来源", "财政拨款", "3079.3亿元", "88亿元"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			text := newDoc(t)
			h := testStyle.Height(tt.c, tt.width)
			if h <= 0 || math.IsNaN(h) {
				t.Fatalf("Height = %v", h)
			}
			if err := Draw(text.canvas(), tt.c, 40, 40, tt.width, h, testStyle); err != nil {
				t.Fatal(err)
			}
			txt := pdfText(t, output(t, text))
			flat := strings.Join(strings.Fields(txt), "")
			for _, w := range tt.want {
				if !strings.Contains(flat, strings.ReplaceAll(w, " ", "")) {
					t.Errorf("text %q missing in:\n%s", w, txt)
				}
			}
		})
	}
}

// Every character of every long label must reach the page (go-chart's
// WrapFitRune would otherwise drop or overflow them).
func TestBarLongLabels(t *testing.T) {
	c := longBar()
	text := newDoc(t)
	const w = 240.0
	h := testStyle.Height(c, w)
	if err := Draw(text.canvas(), c, 40, 40, w, h, testStyle); err != nil {
		t.Fatal(err)
	}
	txt := pdfText(t, output(t, text))
	count := map[rune]int{}
	for _, r := range txt {
		count[r]++
	}
	need := map[rune]int{}
	for _, d := range c.Data {
		for _, r := range d.Label {
			need[r]++
		}
	}
	for _, r := range c.Title {
		need[r]++
	}
	for r, n := range need {
		if count[r] < n {
			t.Errorf("character %q appears %d times, want ≥ %d", r, count[r], n)
		}
	}
	for _, d := range c.Data {
		if !strings.Contains(strings.Join(strings.Fields(txt), ""), d.Value.Text+"亿元") {
			t.Errorf("value label %q missing", d.Value.Text+"亿元")
		}
	}
}

// Wrapped X labels must stay inside their slot: check the layout's own
// wrap against the slot width.
func TestBarLabelsFitSlots(t *testing.T) {
	c := longBar()
	p := testStyle.resolve()
	l := layoutBar(c, 240, 0, p)
	for i, d := range c.Data {
		lines := l.labels[i]
		got := strings.Join(lines, "")
		if got != d.Label {
			t.Errorf("wrap lost characters: %q -> %q", d.Label, lines)
		}
		for _, s := range lines {
			if len([]rune(s)) > 1 && math.Ceil(textWidth(fonts.Regular, s, p.fs)) >= float64(l.slot) {
				t.Errorf("line %q (%.1f pt) wider than slot %d", s, fonts.Regular.Width(s, p.fs), l.slot)
			}
		}
		if len(lines) > l.labelLines {
			t.Errorf("label %q needs %d lines, layout reserved %d", d.Label, len(lines), l.labelLines)
		}
	}
}

func TestDrawErrors(t *testing.T) {
	bad := []data.Chart{
		{Type: "bar", Title: "空"},
		{Type: "donut", Title: "缺总数", Value: nump("3")},
		{Type: "pie", Title: "负", Data: []data.Point{pt("a", "-1")}},
		{Type: "radar", Title: "未知"},
	}
	for _, c := range bad {
		text := newDoc(t)
		err := Draw(text.canvas(), c, 0, 0, 200, 100, testStyle)
		if err == nil || !strings.Contains(err.Error(), strconv.Quote(c.Title)) {
			t.Errorf("%s: err = %v, want error naming the chart", c.Type, err)
		}
	}
}

// recorder collects the renderer's buffered path instead of painting it.
func arcEnd(t *testing.T, cx, cy int, r, start, delta float64) (float64, float64) {
	t.Helper()
	text := newDoc(t)
	rr := newRenderer(text.canvas(), 0, 0, testStyle.resolve())
	rr.ArcTo(cx, cy, r, r, start, delta)
	if len(rr.path) == 0 {
		t.Fatal("no path")
	}
	return rr.cx, rr.cy
}

// go-chart's raster renderer (drawing.Path.ArcTo) ends an arc at
// (cx + r·cos(start+delta), cy + r·sin(start+delta)), y down.
func TestArcDirectionMatchesGoChart(t *testing.T) {
	cases := []struct{ start, delta float64 }{
		{0, math.Pi / 2}, {0, -math.Pi / 2}, {math.Pi / 4, math.Pi}, {-math.Pi / 2, 1.9 * math.Pi}, {1, -2.5},
	}
	for _, c := range cases {
		var p drawing.Path
		p.ArcTo(100, 100, 50, 50, c.start, c.delta)
		wx, wy := p.LastPoint()
		gx, gy := arcEnd(t, 100, 100, 50, c.start, c.delta)
		if math.Abs(gx-wx) > 1e-6 || math.Abs(gy-wy) > 1e-6 {
			t.Errorf("ArcTo(start %.2f, delta %.2f) ends at (%.3f,%.3f), go-chart at (%.3f,%.3f)", c.start, c.delta, gx, gy, wx, wy)
		}
	}
	// angle 0 sweep π/2 ends straight below the centre (y grows down).
	x, y := arcEnd(t, 100, 100, 50, 0, math.Pi/2)
	if math.Abs(x-100) > 1e-6 || math.Abs(y-150) > 1e-6 {
		t.Errorf("quarter arc ends at (%.2f,%.2f), want (100,150)", x, y)
	}
}

// The Bézier approximation stays on the circle (sampled midpoints).
func TestArcBezierAccuracy(t *testing.T) {
	text := newDoc(t)
	rr := newRenderer(text.canvas(), 0, 0, testStyle.resolve())
	rr.arcTo(0, 0, 100, 100, 0.3, 4)
	x0, y0 := rr.path[0].P[0], rr.path[0].P[1]
	for _, op := range rr.path[1:] {
		if op.Kind != draw.Cubic {
			t.Fatalf("unexpected op %v", op.Kind)
		}
		q := op.P
		for _, s := range []float64{0.25, 0.5, 0.75} {
			u := 1 - s
			x := u*u*u*x0 + 3*u*u*s*q[0] + 3*u*s*s*q[2] + s*s*s*q[4]
			y := u*u*u*y0 + 3*u*u*s*q[1] + 3*u*s*s*q[3] + s*s*s*q[5]
			if d := math.Abs(math.Hypot(x, y) - 100); d > 0.05 {
				t.Errorf("point off circle by %.3f", d)
			}
		}
		x0, y0 = q[4], q[5]
	}
}

// Filling a quarter-circle sector through the Renderer and rasterising the
// PDF shows ink in the quadrant go-chart's raster renderer fills.
func TestArcRenderedQuadrant(t *testing.T) {
	if _, err := exec.LookPath("pdftoppm"); err != nil {
		t.Skip("pdftoppm not on PATH")
	}
	text := newDoc(t)
	r := newRenderer(text.canvas(), 100, 100, testStyle.resolve())
	r.SetFillColor(drawing.ColorBlack)
	r.MoveTo(100, 100)
	r.ArcTo(100, 100, 80, 80, 0, math.Pi/2) // go-chart: from 3 o'clock clockwise to 6 o'clock
	r.Close()
	r.Fill()

	ref, _ := chart.PNG(300, 300)
	ref.SetFillColor(drawing.ColorBlack)
	ref.MoveTo(100, 100)
	ref.ArcTo(100, 100, 80, 80, 0, math.Pi/2)
	ref.Close()
	ref.Fill()
	var col chart.ImageWriter
	if err := ref.Save(&col); err != nil {
		t.Fatal(err)
	}
	refImg, _ := col.Image()

	dir := t.TempDir()
	if err := os.WriteFile(dir+"/a.pdf", output(t, text), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("pdftoppm", "-r", "72", "-gray", "-png", "-singlefile", dir+"/a.pdf", dir+"/a").CombinedOutput(); err != nil {
		t.Fatalf("pdftoppm: %v %s", err, out)
	}
	img := loadPNG(t, dir+"/a.png")
	dark := func(im image.Image, x, y int) bool {
		c := im.At(x, y)
		if _, _, _, a := c.RGBA(); a < 0x8000 {
			return false // unpainted raster pixel
		}
		g := color.GrayModel.Convert(c).(color.Gray)
		return g.Y < 128
	}
	// probe (in chart coordinates) the lower-right quadrant and the others
	for _, pr := range []struct {
		x, y int
		want bool
	}{{140, 140, true}, {60, 140, false}, {60, 60, false}, {140, 60, false}} {
		if got := dark(refImg, pr.x, pr.y); got != pr.want {
			t.Fatalf("reference raster at %v: %v", pr, got)
		}
		if got := dark(img, pr.x+100, pr.y+100); got != pr.want {
			t.Errorf("PDF at chart (%d,%d): ink %v, want %v", pr.x, pr.y, got, pr.want)
		}
	}
}

func loadPNG(t *testing.T, path string) image.Image {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	img, _, err := image.Decode(f)
	if err != nil {
		t.Fatal(err)
	}
	return img
}

func TestQuadCurveToCubic(t *testing.T) {
	text := newDoc(t)
	r := newRenderer(text.canvas(), 0, 0, testStyle.resolve())
	r.MoveTo(0, 0)
	r.QuadCurveTo(50, 100, 100, 0)
	q := r.path[1].P
	// quadratic midpoint (t=.5) = (50, 50); cubic midpoint must match
	x := 0.125*0 + 0.375*q[0] + 0.375*q[2] + 0.125*q[4]
	y := 0.125*0 + 0.375*q[1] + 0.375*q[3] + 0.125*q[5]
	if math.Abs(x-50) > 1e-9 || math.Abs(y-50) > 1e-9 {
		t.Errorf("cubic midpoint (%v,%v), want (50,50)", x, y)
	}
}

func TestHeightGrowsWithRows(t *testing.T) {
	small := testStyle.Height(hbarChart, 300)
	c := hbarChart
	c.Data = append(append([]data.Point{}, c.Data...), pt("新增", "5"), pt("另一个", "6"))
	if big := testStyle.Height(c, 300); big <= small {
		t.Errorf("hbar with more rows not taller: %v <= %v", big, small)
	}
}

// TestManyBars: a month's 30 days of bars, with a unit, stays a column
// chart where its columns have room: at a wide width each bar carries its
// figure without the unit the axis names (the values would otherwise have
// to turn); at a column's width, the values are left out, every third day
// labelled and the last, and the chart says it is crowded there (the
// layout gives it the full width) but not set as rows: it stays columns,
// which stretch to the height the layout gives. Thirty words are still
// set as rows.
func TestManyBars(t *testing.T) {
	days := data.Chart{Type: "bar", Title: "Vessel calls", Unit: "calls"}
	words := data.Chart{Type: "bar", Title: "Berths", Unit: "calls"}
	for i := 1; i <= 30; i++ {
		days.Data = append(days.Data, pt(strconv.Itoa(i), strconv.Itoa(5+i%9)))
		words.Data = append(words.Data, pt("Berth number "+strconv.Itoa(i), strconv.Itoa(5+i%9)))
	}
	st := testStyle
	st.Lang = "en"
	for _, tt := range []struct {
		c                   data.Chart
		w                   float64
		rows, crowd         bool
		values, unit, label []string // in the text; unit, label: not in it
	}{
		{c: days, w: 370, values: []string{"13", "5"}, unit: []string{"calls13", "13calls"}},
		{c: days, w: 170, crowd: true, values: []string{"30", "27", "3"}, label: []string{"29", "13"}},
		{c: words, w: 370, rows: true, crowd: true, values: []string{"Berthnumber30"}},
	} {
		if got := st.Crowded(tt.c, tt.w); got != tt.crowd {
			t.Errorf("%s at %.0f pt: crowded %v, want %v", tt.c.Title, tt.w, got, tt.crowd)
		}
		if got := st.Rows(tt.c, tt.w); got != tt.rows {
			t.Errorf("%s at %.0f pt: Rows %v, want %v", tt.c.Title, tt.w, got, tt.rows)
		}
		if got := st.Stretches(tt.c, tt.w); got != !tt.rows {
			t.Errorf("%s at %.0f pt: Stretches %v, want %v (columns stretch, rows do not)", tt.c.Title, tt.w, got, !tt.rows)
		}
		l := layoutBar(tt.c, tt.w, 0, st.resolve())
		if got := overflows(l); got != tt.rows {
			t.Errorf("%s at %.0f pt: set as rows %v, want %v", tt.c.Title, tt.w, got, tt.rows)
		}
		text := newDoc(t)
		if err := Draw(text.canvas(), tt.c, 20, 20, tt.w, st.Height(tt.c, tt.w), st); err != nil {
			t.Fatal(err)
		}
		txt := strings.Join(strings.Fields(pdfText(t, output(t, text))), "")
		for _, s := range tt.values {
			if !strings.Contains(txt, s) {
				t.Errorf("%s at %.0f pt: %q is not in the text %q", tt.c.Title, tt.w, s, txt)
			}
		}
		for _, s := range append(tt.unit, tt.label...) {
			if strings.Contains(txt, s) {
				t.Errorf("%s at %.0f pt: %q is in the text %q", tt.c.Title, tt.w, s, txt)
			}
		}
	}
}
