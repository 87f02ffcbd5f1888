package data

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestLoadFull(t *testing.T) {
	r, err := Load("testdata/full.yaml")
	if err != nil {
		t.Fatalf("Load: %v", err)
	}
	if r.File != "testdata/full.yaml" || r.Dir != "testdata" {
		t.Errorf("File, Dir = %q, %q", r.File, r.Dir)
	}
	str := []struct{ got, want string }{
		{r.Title, "2020年度回顾"},
		{r.Subtitle, "不平凡的一年"},
		{r.Organization, "某某市文化馆"},
		{r.Byline, "宣传部 编"},
		{r.Date, "2020-12-31"},
		{r.Language, "zh-CN"},
		{r.Theme.Paper, "A4"},
		{r.Theme.Primary, "#C8102E"},
		{r.Theme.Accent, "#F2A900"},
	}
	for i, s := range str {
		if s.got != s.want {
			t.Errorf("field %d = %q, want %q", i, s.got, s.want)
		}
	}
	if len(r.Sections) != 2 {
		t.Fatalf("%d sections, want 2", len(r.Sections))
	}
	s := r.Sections[0]
	wantStats := []Stat{
		{Value: Number{1006, "1006"}, Unit: "场", Label: "演出"},
		{Value: Number{14.98, "14.98"}, Prefix: "近", Unit: "亿元", Label: "票房", Change: "up"},
	}
	if s.Title != "演出" || s.Headline != "全年演出近千场" || !reflect.DeepEqual(s.Stats, wantStats) {
		t.Errorf("section 0 = %+v", s)
	}
	if want := "全年共举办演出\n一千余场，观众 COVID\n19 万人次。\n\n第二段。\n"; s.Body != want {
		t.Errorf("body = %q, want %q", s.Body, want)
	}
	if got, want := s.Paragraphs(), []string{"全年共举办演出一千余场，观众 COVID 19 万人次。", "第二段。"}; !reflect.DeepEqual(got, want) {
		t.Errorf("Paragraphs = %q, want %q", got, want)
	}
	if len(s.Charts) != 4 {
		t.Fatalf("%d charts, want 4", len(s.Charts))
	}
	bar := s.Charts[0]
	if bar.Type != "bar" || bar.Title != "各季度场次" || bar.Unit != "场" ||
		!reflect.DeepEqual(bar.Data, []Point{{Label: "一季度", Value: Number{100, "100"}}, {Label: "二季度", Value: Number{3079.3, "3079.3"}, Unit: "次"}}) {
		t.Errorf("bar = %+v", bar)
	}
	if d := s.Charts[1]; d.Type != "donut" || d.Percent == nil || d.Percent.Text != "98.5" || d.Fraction() != 0.985 {
		t.Errorf("donut = %+v", d)
	}
	if p := s.Charts[2]; p.Value == nil || p.Total == nil || p.Fraction() != 0.75 {
		t.Errorf("progress = %+v", p)
	}
	if p := s.Charts[3]; p.Type != "pie" || len(p.Data) != 2 || p.Data[1].Value.Value != 2 {
		t.Errorf("pie = %+v", p)
	}
	if want := []Photo{{File: "photos/ok.jpg", Caption: "现场"}, {File: "photos/ok.png"}, {Caption: "待补"}}; !reflect.DeepEqual(s.Photos, want) {
		t.Errorf("photos = %+v", s.Photos)
	}
	// a folded body keeps its lines, so Chinese lines join without spaces
	if got, want := r.Sections[1].Paragraphs(), []string{"第一行第二行", "English text continues here."}; !reflect.DeepEqual(got, want) {
		t.Errorf("folded Paragraphs = %q, want %q", got, want)
	}

	f := "testdata/full.yaml"
	for _, c := range []struct {
		path      string
		line, col int
	}{
		{"title", 2, 8},
		{"theme.primary", 10, 12},
		{"sections", 13, 3},
		{"sections[0]", 13, 5},
		{"sections[0].stats[0].value", 16, 17},
		{"sections[0].stats[1].value", 17, 16},
		{"sections[0].stats[1].change", 21, 17},
		{"sections[0].body", 22, 11},
		{"sections[0].charts[0].data[1].label", 34, 21},
		{"sections[0].charts[1].percent", 35, 44},
		{"sections[1].title", 46, 12},
	} {
		if got, want := r.Pos(c.path), (Pos{f, c.line, c.col}); got != want {
			t.Errorf("Pos(%q) = %v, want %v", c.path, got, want)
		}
	}
	if got := r.Pos("sections[9].title"); got != (Pos{}) {
		t.Errorf("Pos of unknown path = %v, want zero", got)
	}

	for _, c := range []struct {
		path, at  string // at: the text whose first byte is located
		line, col int
	}{
		{"sections[0].body", "全", 23, 7},
		{"sections[0].body", "COVID", 24, 15},
		{"sections[0].body", "19", 25, 7},
		{"sections[0].body", "第二段", 27, 7},
		{"sections[1].body", "二行", 49, 8},
		{"sections[1].body", "continues", 52, 7},
		{"title", "年度", 2, 12},
		{"subtitle", "凡", 3, 14},
		{"sections[0].stats[0].label", "出", 16, 40},
	} {
		var v string
		switch c.path {
		case "sections[0].body":
			v = r.Sections[0].Body
		case "sections[1].body":
			v = r.Sections[1].Body
		case "title":
			v = r.Title
		case "subtitle":
			v = r.Subtitle
		default:
			v = r.Sections[0].Stats[0].Label
		}
		off := strings.Index(v, c.at)
		if off < 0 {
			t.Fatalf("%q not in %q", c.at, v)
		}
		if got, want := r.Locate(c.path, off), (Pos{f, c.line, c.col}); got != want {
			t.Errorf("Locate(%q, %d) [%s] = %v, want %v", c.path, off, c.at, got, want)
		}
	}
}

func TestLocateFolded(t *testing.T) {
	src := "title: 第一行\n  第二行 \"引\"\nsubtitle: \"a\\tb 中\n  文\"\nsections: [{title: x}]\n"
	r, err := Parse("f.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		path, at  string
		line, col int
	}{
		{"title", "第二", 2, 3},
		{"title", "引", 2, 8},
		{"subtitle", "中", 3, 17},
		{"subtitle", "文", 4, 3},
	} {
		v := map[string]string{"title": r.Title, "subtitle": r.Subtitle}[c.path]
		if got, want := r.Locate(c.path, strings.Index(v, c.at)), (Pos{"f.yaml", c.line, c.col}); got != want {
			t.Errorf("Locate(%q) [%s] in %q = %v, want %v", c.path, c.at, v, got, want)
		}
	}
}

func TestParagraphs(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{"", nil},
		{"\n \n", nil},
		{"一行", []string{"一行"}},
		{"第一行\n第二行", []string{"第一行第二行"}},
		{"  第一行  \n\t第二行\n\n\n第三段\n", []string{"第一行第二行", "第三段"}},
		{"COVID\n19", []string{"COVID 19"}},
		{"全年 2020\n年", []string{"全年 2020年"}},
		{"观众\nCOVID", []string{"观众COVID"}},
		{"It was a year.\nThe end", []string{"It was a year. The end"}},
		{"up 14.98\n%", []string{"up 14.98%"}},
		{"a\n \nb", []string{"a", "b"}},
		{"\u3000\u3000首行缩进\n续", []string{"首行缩进续"}},
		{"a\r\nb", []string{"a b"}},
	} {
		if got := paragraphs(c.in); !reflect.DeepEqual(got, c.want) {
			t.Errorf("paragraphs(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

// minimal valid surroundings for error cases
const head = "title: T\nsections:\n  - title: S\n" // the section's fields start on line 4, column 5

func TestErrors(t *testing.T) {
	for _, c := range []struct {
		name, src string
		line, col int
		want      string // substring of the message
	}{
		// structure
		{"empty", "", 1, 1, "the file is empty"},
		{"comments only", "# nothing\n\n# here\n", 1, 1, "the file is empty"},
		{"top-level list", "- title: x\n", 1, 1, "the file is a list"},
		{"top-level text", "hello\n", 1, 1, "this is not a report"},
		{"no title", "sections:\n  - title: S\n", 1, 1, `add a line like "title:`},
		{"empty title", "title: \" \"\nsections:\n  - title: S\n", 1, 8, "the report has no title"},
		{"no sections", "title: T\n", 1, 1, "the report has no sections"},
		{"empty sections", "title: T\nsections: []\n", 2, 11, "the report has no sections"},
		{"section no title", "title: T\nsections:\n  - body: x\n", 3, 5, `this section has no title; add a "title:" line`},
		{"sections mapping", "title: T\nsections:\n  title: S\n", 3, 3, `start each section with "- "`},
		{"sections string", "title: T\nsections: abc\n", 2, 11, `want a list of sections, got the string "abc"`},
		{"section is string", "title: T\nsections:\n  - abc\n", 3, 5, `want a section, got the string "abc"`},
		{"two documents", head + "---\ntitle: U\n", 4, 1, "more than one YAML document"},
		{"alias unknown", "title: *x\nsections: [{title: a}]\n", 1, 8, "refers to no anchor"},
		{"merge key", "title: T\nsections:\n  - <<: {title: a}\n", 3, 5, "merge keys"},
		{"not utf8", "title: \xb1\xa8\xb8\xe6\nsections: [{title: a}]\n", 1, 8, "saved as GBK/GB18030"},
		{"utf16", "\xff\xfet\x00", 1, 1, "UTF-16"},

		// a share is never scaled: 230000000000% is not 2300亿%
		{"scaled percent stat", head + "    stats:\n      - {value: 230000000000, unit: \"%\", format: auto, label: x}\n", 5, 50, `the unit "%" makes them shares`},
		{"scaled per-mille stat", head + "    stats:\n      - value: 5\n        unit: ‰\n        format: wan\n", 7, 17, "which are never scaled"},
		{"scaled percent chart", head + "    charts:\n      - {type: bar, unit: \"%\", format: yi, data: [{label: a, value: 1}]}\n", 5, 40, `the unit "%" makes them shares`},

		// keys
		{"typo", "title: T\nsubtitel: x\nsections: [{title: a}]\n", 2, 1, `did you mean "subtitle"?`},
		{"case", "title: T\nSubtitle: x\nsections: [{title: a}]\n", 2, 1, `did you mean "subtitle"?`},
		{"section typo", head + "    headlien: x\n", 4, 5, `unknown field "headlien" in a section; did you mean "headline"?`},
		{"stat typo", head + "    stats: [{valeu: 1}]\n", 4, 14, `did you mean "value"?`},
		{"chart typo", head + "    charts:\n      - {tpye: bar, data: [{label: a, value: 1}]}\n", 5, 10, `did you mean "type"?`},
		{"unknown lists keys", "title: T\nxyzzy: 1\nsections: [{title: a}]\n", 2, 1, "the fields are: title, subtitle, organization, logo, byline, summary, date, language, theme, print, toc, qr, sections"},
		{"wrong level", "title: T\nbody: x\nsections: [{title: a}]\n", 2, 1, `"body" does not belong in the report; it is a field of a section`},
		{"duplicate", "title: T\nsections: [{title: a}]\ntitle: U\n", 3, 1, `"title" is given twice (first at line 1)`},
		{"duplicate in flow", head + "    stats: [{value: 1, value: 2}]\n", 4, 24, `"value" is given twice`},

		// types
		{"number as string", head + "    stats:\n      - value: abc\n", 5, 16, `sections[0].stats[0].value: want a number, got the string "abc"`},
		{"quoted number", head + "    stats:\n      - value: \"14.98\"\n", 5, 16, "write 14.98 without quotes"},
		{"full-width digits", head + "    stats:\n      - value: １００６\n", 5, 16, "use plain ASCII digits without separators: write 1006"},
		{"thousands comma", head + "    stats:\n      - value: 1,006\n", 5, 16, "use plain ASCII digits without separators: write 1006"},
		{"underscore", head + "    stats:\n      - value: 1_006\n", 5, 16, "write 1_006 as 1006"},
		{"hex", head + "    stats:\n      - value: 0x10\n", 5, 16, "ordinary decimal number"},
		{"nan", head + "    stats:\n      - value: .nan\n", 5, 16, ".nan is not a number that can be shown"},
		{"inf", head + "    charts:\n      - {type: donut, percent: -.inf}\n", 5, 32, "-.inf is not a number"},
		{"unit in value", head + "    stats:\n      - value: 98%\n", 5, 16, `write value: 98 and put "%" in "unit:"`},
		{"ratio as value", head + "    stats:\n      - value: 1:7\n", 5, 16, `got the ratio "1:7"; a figure is one number: write value: 7 and prefix: "1:"`},
		{"number is list", head + "    stats:\n      - value: [1]\n", 5, 16, "want a number, got a list"},
		{"bool as number", head + "    stats:\n      - value: true\n", 5, 16, "want a number, got the yes/no value true"},
		{"text is mapping", "title:\n  subtitle: x\nsections: [{title: a}]\n", 2, 3, "want text, got a group of fields"},
		{"text is list", "title: [a, b]\nsections: [{title: a}]\n", 1, 8, "want text, got a list"},
		{"stats not list", head + "    stats: 5\n", 4, 12, "want a list of stats, got the number 5"},
		{"theme not mapping", "title: T\ntheme: red\nsections: [{title: a}]\n", 2, 8, `want "theme", got the string "red"`},

		// values
		{"no stat value", head + "    stats:\n      - label: x\n", 5, 9, "this stat has no value"},
		{"negative stat", head + "    stats:\n      - value: -3\n", 5, 16, "-3 is negative"},
		{"style", "title: T\ntheme: {style: postr}\nsections: [{title: a}]\n", 2, 16, `style "postr" is not a look brochure has; write newspaper, poster or report (did you mean "poster"?)`},
		{"change", head + "    stats:\n      - {value: 1, change: upp}\n", 5, 28, `"upp" is not a change direction; write up or down, or leave the line out (did you mean "up"?)`},
		{"chart type", head + "    charts:\n      - {type: barr, data: [{label: a, value: 1}]}\n", 5, 16, `unknown chart type "barr" (did you mean "bar"?); use one of area, bar, change, donut, grouped, hbar, line, pie, progress, stacked, waffle`},
		{"chart no type", head + "    charts:\n      - {title: x}\n", 5, 9, "this chart has no type"},
		{"bar no data", head + "    charts:\n      - type: bar\n", 5, 9, "a bar chart needs data"},
		{"bar no label", head + "    charts:\n      - type: hbar\n        data: [{value: 1}]\n", 6, 16, "this data item has no label"},
		{"bar no value", head + "    charts:\n      - type: hbar\n        data: [{label: a}]\n", 6, 16, "this data item has no value"},
		{"pie negative", head + "    charts:\n      - type: pie\n        data: [{label: a, value: -1}, {label: b, value: 2}]\n", 6, 34, "shares cannot be negative"},
		{"pie zero", head + "    charts:\n      - type: pie\n        data: [{label: a, value: 0}]\n", 6, 15, "add up to 0"},
		{"donut both", head + "    charts:\n      - {type: donut, percent: 50, value: 1, total: 2}\n", 5, 32, "not both"},
		{"waffle range", head + "    charts:\n      - {type: waffle, percent: 120}\n", 5, 33, "120 is outside 0..100"},
		{"donut far over", head + "    charts:\n      - {type: donut, percent: 1200}\n", 5, 32, "1200 is more than 3 times the whole"},
		{"donut nothing", head + "    charts:\n      - {type: donut}\n", 5, 9, `a donut chart needs "percent:" (0 to 100), or "value:" and "total:"`},
		{"waffle over", head + "    charts:\n      - {type: waffle, value: 5, total: 4}\n", 5, 31, "value 5 must be between 0 and the total 4"},
		{"progress zero total", head + "    charts:\n      - {type: progress, value: 0, total: 0}\n", 5, 43, "total must be greater than 0"},
		{"progress no total", head + "    charts:\n      - {type: progress, value: 1}\n", 5, 9, "has a value but no total"},
		{"date format", "title: T\ndate: 2020/12/31\nsections: [{title: a}]\n", 2, 7, "not a date in the form YYYY-MM-DD"},
		{"date impossible", "title: T\ndate: 2020-02-30\nsections: [{title: a}]\n", 2, 7, "not a real date"},
		{"language", "title: T\nlanguage: fr\nsections: [{title: a}]\n", 3 - 1, 11, "is not supported; use one of zh-Hans, zh-CN"},
		{"indent range", "title: T\ntheme: {indent: 9}\nsections: [{title: a}]\n", 2, 17, "outside 0..4 characters"},
		{"font key", "title: T\ntheme: {fonts: {fallbak: x.ttf}}\nsections: [{title: a}]\n", 2, 17, `did you mean "fallback"`},
		{"language tag", "title: T\nlanguage: zh_HK!\nsections: [{title: a}]\n", 2, 11, `is not a language tag`},
		{"paper", "title: T\ntheme: {paper: A3}\nsections: [{title: a}]\n", 2, 16, "write A4, A5, B5, Letter"},
		{"colour", "title: T\ntheme:\n  primary: red\nsections: [{title: a}]\n", 3, 12, `is not "#RRGGBB", "cmyk(c, m, y, k)"`},
		{"cmyk over 100", "title: T\ntheme:\n  primary: \"cmyk(0, 120, 0, 0)\"\nsections: [{title: a}]\n", 3, 12, `each ink is 0 to 100 per cent`},
		{"print standard", "title: T\nprint: {standard: pdf/x-1a}\nsections: [{title: a}]\n", 2, 19, `write pdf/x-4 (for the press)`},
		{"print profile", "title: T\nprint: {profile: press.pdf}\nsections: [{title: a}]\n", 2, 18, `is not an .icc file`},
		{"colour unquoted", "title: T\ntheme:\n  accent: #C8102E\nsections: [{title: a}]\n", 3, 11, `put it in quotes: "#C8102E"`},
		{"photo missing", head + "    photos:\n      - file: nope.jpg\n", 5, 15, "testdata/nope.jpg not found; put the picture there"},
		{"photo folder", head + "    photos:\n      - file: photos\n", 5, 15, "testdata/photos is a folder"},
		{"photo not jpeg", head + "    photos:\n      - file: photos/fake.jpg\n", 5, 15, "which the PDF writer cannot embed"},
		{"photo gif", head + "    photos:\n      - {file: photos/anim.gif, caption: x}\n", 5, 16, "is a GIF picture"},

		// syntax
		{"tab indent", "title: T\nsections:\n\t- title: S\n", 3, 1, "use spaces, not tabs"},
		{"tab indent deeper", head + "  \tbody: x\n", 4, 3, "use spaces, not tabs"},
		{"unclosed quote", "title: \"T\nsections: [{title: a}]\n", 1, 8, "has no closing quote"},
		{"unclosed bracket", "title: T\nsections: [{title: a}\n", 2, 11, `add the closing "]"`},
		{"colon in text", "title: 2020: 回顾\nsections: [{title: a}]\n", 1, 8, `put the whole text in quotes`},
		{"full-width colon", "title: T\nsubtitle：回顾\nsections: [{title: a}]\n", 2, 9, `full-width colon`},
		{"no space after colon", "title: T\nsubtitle:回顾\nsections: [{title: a}]\n", 2, 9, `write "subtitle: ..." with a space`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, err := Parse("testdata/r.yaml", []byte(c.src))
			var es Errors
			if !errors.As(err, &es) {
				t.Fatalf("err = %v (%T), want Errors", err, err)
			}
			for _, e := range es {
				if strings.Contains(e.Error(), c.want) {
					t.Log(e)
					if e.Pos.Line != c.line || e.Pos.Col != c.col {
						t.Errorf("%q at %d:%d, want %d:%d", e.Error(), e.Pos.Line, e.Pos.Col, c.line, c.col)
					}
					if e.Pos.File != "testdata/r.yaml" {
						t.Errorf("file = %q", e.Pos.File)
					}
					if strings.Contains(e.Msg, "\x1b") || strings.Contains(e.Msg, "\n") {
						t.Errorf("message has colour codes or several lines: %q", e.Msg)
					}
					return
				}
			}
			t.Errorf("no error containing %q in:\n%v", c.want, err)
		})
	}
}

func TestNoErrors(t *testing.T) {
	for _, c := range []struct{ name, src string }{
		{"minimal", "title: T\nsections: [{title: a}]\n"},
		{"number as text", head + "    stats: [{value: 5, unit: 5, label: 2020}]\n"},
		{"percent in full", head + "    stats: [{value: 230000000000, unit: \"%\", format: full, label: x}]\n"},
		{"nulls", "title: T\nsubtitle:\nbyline: ~\ntheme:\nsections:\n  - title: S\n    stats:\n    body:\n"},
		{"comment after value", "title: T # the title\nsubtitle:  # later\nsections: [{title: a}]\n"},
		{"anchors", "title: &t T\nsections:\n  - {title: *t}\n"},
		{"crlf bom", "\xEF\xBB\xBFtitle: T\r\nsections:\r\n  - title: S\r\n    body: |\r\n      a\r\n      b\r\n"},
		{"language en", "title: T\nlanguage: en\nsections: [{title: a}]\n"},
		{"language en-GB", "title: T\nlanguage: en-GB\nsections: [{title: a}]\n"},
		{"language zh-cn", "title: T\nlanguage: zh-cn\nsections: [{title: a}]\n"}, // BCP 47 ignores case
		{"language zh-HK", "title: T\nlanguage: zh-HK\nsections: [{title: a}]\n"},
		{"language zh-Hant-TW", "title: T\nlanguage: zh-Hant-TW\nsections: [{title: a}]\n"},
		{"language ja ko", "title: T\nlanguage: ko\nsections: [{title: a}]\n"},
		{"timestamp", "title: T\ndate: !!timestamp 2020-1-5\nsections: [{title: a}]\n"},
		{"donut value total", head + "    charts: [{type: donut, value: 3, total: 4}]\n"},
		{"placeholder photo", head + "    photos: [{caption: x}]\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			r, err := Parse("testdata/ok.yaml", []byte(c.src))
			if err != nil {
				t.Fatal(err)
			}
			if r.Title != "T" {
				t.Errorf("title = %q", r.Title)
			}
		})
	}
	r, _ := Parse("", []byte("title: T\ndate: 2020-1-5\nsections: [{title: a, stats: [{value: 1, unit: 5}]}]\n"))
	if r.Date != "2020-01-05" || r.Sections[0].Stats[0].Unit != "5" || r.Language != "zh-CN" || r.Theme.Paper != "A4" {
		t.Errorf("got %+v", r)
	}
}

func TestSeveralErrors(t *testing.T) {
	src := `title: T
subtitel: x
sections:
  - title: S
    stats:
      - value: abc
      - value: "3"
    charts:
      - type: barr
`
	_, err := Parse("r.yaml", []byte(src))
	var es Errors
	if !errors.As(err, &es) {
		t.Fatalf("err = %v", err)
	}
	want := []string{
		`r.yaml:2:1: subtitel: unknown field "subtitel" in the report; did you mean "subtitle"?`,
		`r.yaml:6:16: sections[0].stats[0].value: want a number, got the string "abc"`,
		`r.yaml:7:16: sections[0].stats[1].value: write 3 without quotes: a number in quotes is text`,
		`r.yaml:9:15: sections[0].charts[0].type: unknown chart type "barr" (did you mean "bar"?); use one of area, bar, change, donut, grouped, hbar, line, pie, progress, stacked, waffle`,
	}
	if got := strings.Split(err.Error(), "\n"); !reflect.DeepEqual(got, want) {
		t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func TestSeveralSyntaxErrors(t *testing.T) {
	src := "title: T\nsubtitle：x\nsections:\n\t- title: a\n"
	_, err := Parse("r.yaml", []byte(src))
	var es Errors
	if !errors.As(err, &es) || len(es) != 2 {
		t.Fatalf("err = %v, want 2 errors", err)
	}
	if es[0].Pos.Line != 2 || es[1].Pos.Line != 4 {
		t.Errorf("got %v", err)
	}
}

func TestErrorFormat(t *testing.T) {
	for _, c := range []struct {
		e    Error
		want string
	}{
		{Error{Pos{"r.yaml", 3, 5}, "title", "m"}, "r.yaml:3:5: title: m"},
		{Error{Pos{"", 3, 5}, "title", "m"}, "3:5: title: m"},
		{Error{Pos{"r.yaml", 0, 0}, "", "m"}, "r.yaml: m"},
		{Error{Pos{}, "title", "m"}, "title: m"},
		{Error{Pos{}, "", "m"}, "m"},
	} {
		if got := c.e.Error(); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
}

func TestValidateWithoutSource(t *testing.T) {
	r := &Report{Title: "T", Sections: []Section{{Title: "", Charts: []Chart{{Type: "pie"}}}}}
	err := r.Validate()
	want := "sections[0].title: this section has no title; add a \"title:\" line to it\n" +
		"sections[0].charts[0].data: a pie chart needs data; add a \"data:\" list of items like \"- {label: 产业扶贫, value: 1260}\", or data: {file: data.csv}"
	if err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
	if err := (&Report{Title: "T", Sections: []Section{{Title: "S"}}}).Validate(); err != nil {
		t.Errorf("valid report: %v", err)
	}
}

func TestLoadMissing(t *testing.T) {
	_, err := Load("testdata/none.yaml")
	if err == nil || !strings.Contains(err.Error(), "testdata/none.yaml: file not found") {
		t.Errorf("got %v", err)
	}
	_, err = Load("testdata")
	if err == nil || !strings.Contains(err.Error(), "is a folder") {
		t.Errorf("got %v", err)
	}
}

func TestSampleReport(t *testing.T) {
	path := filepath.Join("..", "examples", "year-in-review-2020", "report.yaml")
	if _, err := os.Stat(path); err != nil {
		t.Skip("sample report not there yet")
	}
	r, err := Load(path)
	if err != nil {
		t.Fatalf("Load(%s):\n%v", path, err)
	}
	if r.Title == "" || len(r.Sections) == 0 {
		t.Errorf("sample report has title %q and %d sections", r.Title, len(r.Sections))
	}
}

func FuzzParse(f *testing.F) {
	seeds := []string{
		"",
		head,
		"title: T\nsections:\n  - title: S\n    body: |\n      一\n\n      二\n    stats: [{value: 1.5, unit: '%'}]\n",
		"title: &a T\nsections: [{title: *a, charts: [{type: pie, data: [{label: a, value: 1}]}]}]\n",
		"a: &x [*x]\n",
		"title: \"x\nsections\n\t- :\n",
		"title: >-\n  a\n\n  b\nsections: {}\n",
		"--- \n...\n---\n- [{]}\n",
		"title: !!binary aGVsbG8=\n<<: {a: 1}\n? [x]\n: y\n",
	}
	if b, err := os.ReadFile("testdata/full.yaml"); err == nil {
		seeds = append(seeds, string(b))
	}
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		r, err := Parse("fuzz.yaml", src)
		if err == nil && r == nil {
			t.Fatal("nil report and no error")
		}
		if err != nil {
			_ = err.Error()
		}
		if r != nil {
			for p := range r.spans {
				r.Locate(p, 0)
				r.Locate(p, len(r.spans[p].value)/2)
				r.Locate(p, 1<<20)
			}
			for _, s := range r.Sections {
				s.Paragraphs()
			}
		}
	})
}

func TestWarnings(t *testing.T) {
	r, err := Parse("r.yaml", []byte("title: T\nsections:\n  - title: a\n    photos:\n      - {caption: 卡口}\n"))
	if err != nil {
		t.Fatal(err)
	}
	// the photo with no file is layout's to warn of (left out, or a frame
	// in a draft); a photo with a file and no alt is data's
	ws := r.Warnings()
	if len(ws) != 1 || !strings.Contains(ws[0].Error(), "no date") {
		t.Errorf("warnings = %v", ws)
	}
}

// TestOneBarWarning: a bar (or hbar) chart of one item is warned of at
// its data, with the stat to write instead; two bars, or a grouped chart
// of one item (a comparison of its series), are not.
func TestOneBarWarning(t *testing.T) {
	src := "title: T\ndate: 2025-01-01\nsections:\n  - title: a\n    charts:\n" +
		"      - {type: bar, title: Containers, unit: m TEU, data: [{label: \"2025\", value: 1.84}]}\n" +
		"      - {type: hbar, title: B, data: [{label: x, value: 3}]}\n" +
		"      - {type: bar, title: C, data: [{label: x, value: 3}, {label: y, value: 4}]}\n" +
		"      - {type: grouped, title: D, series: [a, b], data: [{label: x, values: [3, 4]}]}\n"
	r, err := Parse("r.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	ws := r.Warnings()
	if len(ws) != 2 {
		t.Fatalf("warnings = %v, want the bar's and the hbar's", ws)
	}
	want := `r.yaml:6:59: sections[0].charts[0].data: this bar chart of one bar says nothing a key figure would not: make it one (a stat: {value: 1.84, unit: m TEU, label: 2025}) and remove the chart`
	if ws[0].Error() != want {
		t.Errorf("got  %s\nwant %s", ws[0], want)
	}
	if !strings.HasPrefix(ws[1].Error(), "r.yaml:7:") || !strings.Contains(ws[1].Error(), "this hbar chart of one bar") {
		t.Errorf("the hbar's warning = %s", ws[1])
	}
}

// TestAreaZeroWarning: zero: false on an area chart is warned of at its
// line — its axis starts at 0 all the same — not refused: a report that
// wrote it still builds.
func TestAreaZeroWarning(t *testing.T) {
	src := "title: T\ndate: 2025-01-01\nsections:\n  - title: a\n    charts:\n" +
		"      - {type: area, title: A, zero: false, data: [{label: a, value: 5}, {label: b, value: 6}]}\n" +
		"      - {type: line, title: L, zero: false, data: [{label: a, value: 5}, {label: b, value: 6}]}\n"
	r, err := Parse("r.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	ws := r.Warnings()
	if len(ws) != 1 || !strings.HasPrefix(ws[0].Error(), "r.yaml:6:") || !strings.Contains(ws[0].Error(), "sections[0].charts[0].zero: an area chart's axis starts at 0") {
		t.Errorf("warnings = %v, want the area's zero: false (and not the line's)", ws)
	}
}

// TestIconAndLogo: an unknown icon is refused where it is written, with
// the nearest name; a logo is its file alone or a mapping; a logo that is
// no SVG, PNG or JPEG, or is missing, is refused at its file.
func TestIconAndLogo(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "e.svg"), []byte(`<svg viewBox="0 0 1 1"/>`), 0o644)
	os.WriteFile(filepath.Join(dir, "e.gif"), []byte("GIF89a...."), 0o644)
	name := filepath.Join(dir, "r.yaml")
	for _, c := range []struct{ src, want string }{
		{"title: x\nsections:\n  - title: a\n    icon: shild\n", `r.yaml:4:11: sections[0].icon: there is no icon "shild"; brochure icons lists the names (brochure icons --sheet icons.pdf draws them all) (did you mean "shield"?)`},
		{"title: x\nsections:\n  - title: a\n    stats:\n      - {value: 1, label: b, icon: polise-car}\n", `r.yaml:5:36: sections[0].stats[0].icon: there is no icon "polise-car"`},
		{"title: x\nlogo: e.gif\nsections:\n  - title: a\n", `r.yaml:2:7: logo.file: ` + filepath.Join(dir, "e.gif") + ` is a GIF picture; a logo is an SVG drawing, or a PNG or JPEG picture`},
		{"title: x\nlogo: {file: none.svg}\nsections:\n  - title: a\n", `r.yaml:2:14: logo.file: logo ` + filepath.Join(dir, "none.svg") + ` not found`},
		{"title: x\nlogo: {header: true}\nsections:\n  - title: a\n", `logo.file: the logo has no file`},
		{"title: x\nlogo: ../e.svg\nsections:\n  - title: a\n", `leads out of the report's folder`},
	} {
		_, err := Parse(name, []byte(c.src))
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q:\n got %v\nwant %s", c.src, err, c.want)
		}
	}
	for src, want := range map[string]Logo{
		"title: x\nlogo: e.svg\nsections:\n  - title: a\n":                           {File: "e.svg"},
		"title: x\nlogo: {file: e.svg, header: true}\nsections:\n  - title: a\n":     {File: "e.svg", Header: true},
		"title: x\nlogo:\n  file: e.svg\n  header: false\nsections:\n  - title: a\n": {File: "e.svg"},
	} {
		r, err := Parse(name, []byte(src))
		if err != nil || r.Logo == nil || *r.Logo != want {
			t.Errorf("%q: %+v, %v; want %+v", src, r.Logo, err, want)
		}
	}
}
