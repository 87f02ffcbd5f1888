package server

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/data"
)

func sampleSrc(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../examples/year-in-review-2020/report.yaml")
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func mustSchema(t *testing.T) *schema {
	t.Helper()
	s, err := loadSchema()
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// lineDiff returns the lines of a that are not in b and those of b not in a.
func lineDiff(a, b string) (gone, added []string) {
	count := map[string]int{}
	for _, l := range strings.Split(a, "\n") {
		count[l]++
	}
	for _, l := range strings.Split(b, "\n") {
		if count[l] > 0 {
			count[l]--
		} else {
			added = append(added, l)
		}
	}
	for l, n := range count {
		for ; n > 0; n-- {
			gone = append(gone, l)
		}
	}
	return
}

func TestEdits(t *testing.T) {
	s := mustSchema(t)
	src := sampleSrc(t)
	stat := &omap{}
	stat.set("label", "新数字")
	stat.set("value", "12")
	sec := &omap{}
	sec.set("title", "新的一节")
	sec.set("stats", []any{stat})
	tests := []struct {
		name  string
		do    func(d *yamlDoc) (string, error)
		check func(r *data.Report) bool
		added []string // the lines that must be new
		gone  int      // how many lines disappear
	}{
		{"set a stat value in a flow mapping",
			func(d *yamlDoc) (string, error) { return d.set([]step{"sections", 0, "stats", 0, "value"}, "600", s) },
			func(r *data.Report) bool { return r.Sections[0].Stats[0].Value.Text == "600" },
			[]string{"      - {value: 600, unit: 余场, label: 教育活动}"}, 1},
		{"set a label that needs quotes in flow",
			func(d *yamlDoc) (string, error) {
				return d.set([]step{"sections", 0, "stats", 1, "label"}, "个人, 集体", s)
			},
			func(r *data.Report) bool { return r.Sections[0].Stats[1].Label == "个人, 集体" },
			[]string{`      - {value: 1006, unit: 项, label: "个人, 集体"}`}, 1},
		{"set a section title (first key after the dash)",
			func(d *yamlDoc) (string, error) { return d.set([]step{"sections", 0, "title"}, "新标题", s) },
			func(r *data.Report) bool { return r.Sections[0].Title == "新标题" },
			[]string{"  - title: 新标题"}, 1},
		{"set a body (block scalar)",
			func(d *yamlDoc) (string, error) {
				return d.set([]step{"sections", 0, "body"}, "第一段\n\n第二段\n", s)
			},
			func(r *data.Report) bool {
				return len(r.Sections[0].Paragraphs()) == 2 && r.Sections[0].Paragraphs()[1] == "第二段"
			},
			[]string{"      第一段", "      第二段"}, 1},
		{"add a key to a block mapping",
			func(d *yamlDoc) (string, error) { return d.set([]step{"toc"}, true, s) },
			func(r *data.Report) bool { return r.TOC },
			[]string{"toc: true"}, 0},
		{"add a key to a flow mapping",
			func(d *yamlDoc) (string, error) { return d.set([]step{"theme", "orientation"}, "landscape", s) },
			func(r *data.Report) bool { return r.Theme.Orientation == "landscape" },
			[]string{`theme: {paper: A4, primary: "#B5121B", accent: "#1F4E9A", orientation: landscape}`}, 1},
		{"add a missing mapping",
			func(d *yamlDoc) (string, error) { return d.set([]step{"print", "marks"}, true, s) },
			func(r *data.Report) bool { return r.Print.Marks },
			[]string{"print: {marks: true}"}, 0},
		{"remove a key",
			func(d *yamlDoc) (string, error) { return d.remove([]step{"subtitle"}) },
			func(r *data.Report) bool { return r.Subtitle == "" },
			nil, 1},
		{"remove a stat",
			func(d *yamlDoc) (string, error) { return d.remove([]step{"sections", 0, "stats", 3}) },
			func(r *data.Report) bool { return len(r.Sections[0].Stats) == 3 },
			nil, 1},
		{"append a stat",
			func(d *yamlDoc) (string, error) { return d.insert([]step{"sections", 0, "stats"}, 4, stat, s) },
			func(r *data.Report) bool {
				return len(r.Sections[0].Stats) == 5 && r.Sections[0].Stats[4].Label == "新数字"
			},
			[]string{"      - {value: 12, label: 新数字}"}, 0},
		{"append a section",
			func(d *yamlDoc) (string, error) { return d.insert([]step{"sections"}, 99, sec, s) },
			func(r *data.Report) bool { return r.Sections[len(r.Sections)-1].Title == "新的一节" },
			[]string{"  - title: 新的一节", "    stats:", "      - {value: 12, label: 新数字}"}, 0},
		{"move the first section last",
			func(d *yamlDoc) (string, error) { return d.move([]step{"sections"}, 0, 9, s) },
			func(r *data.Report) bool {
				return r.Sections[9].Title == "政治建警铸牢忠诚警魂" && r.Sections[0].Title == "聚焦素质打造“过硬铁警”"
			},
			nil, 0},
		{"replace a chart's data",
			func(d *yamlDoc) (string, error) {
				p1, p2 := &omap{}, &omap{}
				p1.set("label", "甲")
				p1.set("value", "1")
				p2.set("label", "乙")
				p2.set("value", "2.5")
				return d.set([]step{"sections", 2, "charts", 0}, func() *omap {
					c := &omap{}
					c.set("type", "bar")
					c.set("data", []any{p1, p2})
					return c
				}(), s)
			},
			func(r *data.Report) bool {
				return len(r.Sections[2].Charts[0].Data) == 2 && r.Sections[2].Charts[0].Data[1].Value.Text == "2.5"
			},
			nil, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d, err := parseYAML(src)
			if err != nil {
				t.Fatal(err)
			}
			out, err := tt.do(d)
			if err != nil {
				t.Fatal(err)
			}
			r, err := data.Parse("../examples/year-in-review-2020/report.yaml", []byte(out))
			if err != nil {
				t.Fatalf("%v\n%s", err, out)
			}
			if !tt.check(r) {
				t.Errorf("the edit did not happen:\n%s", out)
			}
			gone, added := lineDiff(src, out)
			if tt.added != nil {
				for _, a := range tt.added {
					found := false
					for _, l := range added {
						found = found || l == a
					}
					if !found {
						t.Errorf("missing new line %q; new lines: %q", a, added)
					}
				}
			}
			if tt.name != "move the first section last" && tt.name != "replace a chart's data" && len(gone) != tt.gone {
				t.Errorf("%d lines gone, want %d: %q", len(gone), tt.gone, gone)
			}
			if !strings.HasPrefix(out, "# 宁波公安这一年") {
				t.Error("the comments at the top are gone")
			}
		})
	}
}

// TestEditsKeepComments: a comment ending a line stays on its line when a
// key or item is added after it or removed before it.
func TestEditsKeepComments(t *testing.T) {
	s := mustSchema(t)
	src := "# top\ntitle: 标题  # the cover\nsubtitle: 副  # sub\nsections:  # list\n  - title: 一  # first\n    stats:\n      - {value: 1, label: 甲}  # a\n      - {value: 2, label: 乙}  # b\n"
	for _, c := range []struct {
		name string
		do   func(d *yamlDoc) (string, error)
		want string
	}{
		{"add a key after a commented line",
			func(d *yamlDoc) (string, error) { return d.set([]step{"sections", 0, "body"}, "正文\n", s) },
			"# top\ntitle: 标题  # the cover\nsubtitle: 副  # sub\nsections:  # list\n  - title: 一  # first\n    stats:\n      - {value: 1, label: 甲}  # a\n      - {value: 2, label: 乙}  # b\n    body: |\n      正文\n"},
		{"remove the last key",
			func(d *yamlDoc) (string, error) { return d.remove([]step{"sections", 0, "stats"}) },
			"# top\ntitle: 标题  # the cover\nsubtitle: 副  # sub\nsections:  # list\n  - title: 一  # first\n"},
		{"remove the last item",
			func(d *yamlDoc) (string, error) { return d.remove([]step{"sections", 0, "stats", 1}) },
			"# top\ntitle: 标题  # the cover\nsubtitle: 副  # sub\nsections:  # list\n  - title: 一  # first\n    stats:\n      - {value: 1, label: 甲}  # a\n"},
		{"append an item",
			func(d *yamlDoc) (string, error) {
				m := &omap{}
				m.set("value", "3")
				return d.insert([]step{"sections", 0, "stats"}, 2, m, s)
			},
			"# top\ntitle: 标题  # the cover\nsubtitle: 副  # sub\nsections:  # list\n  - title: 一  # first\n    stats:\n      - {value: 1, label: 甲}  # a\n      - {value: 2, label: 乙}  # b\n      - {value: 3}\n"},
		{"set a value before a comment",
			func(d *yamlDoc) (string, error) { return d.set([]step{"title"}, "新", s) },
			"# top\ntitle: 新  # the cover\nsubtitle: 副  # sub\nsections:  # list\n  - title: 一  # first\n    stats:\n      - {value: 1, label: 甲}  # a\n      - {value: 2, label: 乙}  # b\n"},
		{"remove a middle key",
			func(d *yamlDoc) (string, error) { return d.remove([]step{"subtitle"}) },
			"# top\ntitle: 标题  # the cover\nsections:  # list\n  - title: 一  # first\n    stats:\n      - {value: 1, label: 甲}  # a\n      - {value: 2, label: 乙}  # b\n"},
	} {
		t.Run(c.name, func(t *testing.T) {
			d, err := parseYAML(src)
			if err != nil {
				t.Fatal(err)
			}
			got, err := c.do(d)
			if err != nil {
				t.Fatal(err)
			}
			if got != c.want {
				t.Errorf("got\n%s\nwant\n%s", got, c.want)
			}
		})
	}
}

// leaves lists the paths of every scalar in a tree.
func leaves(v any, path []step, out *[][]step) {
	switch t := v.(type) {
	case *omap:
		for _, k := range t.keys {
			leaves(t.vals[k], append(append([]step{}, path...), k), out)
		}
	case []any:
		for i, x := range t {
			leaves(x, append(append([]step{}, path...), i), out)
		}
	default:
		*out = append(*out, path)
	}
}

func treeAt(v any, path []step) any {
	for _, s := range path {
		switch k := s.(type) {
		case string:
			v = v.(*omap).get(k)
		case int:
			v = v.([]any)[k]
		}
	}
	return v
}

// TestSetEveryValue sets every scalar of the two examples in turn and
// checks that exactly that value changed in the tree read back.
func TestSetEveryValue(t *testing.T) {
	s := mustSchema(t)
	for _, f := range []string{sample, "../examples/chart-gallery/report.yaml"} {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, err := parseYAML(string(b))
		if err != nil {
			t.Fatal(err)
		}
		before := d.tree()
		var paths [][]step
		leaves(before, nil, &paths)
		for _, p := range paths {
			old := treeAt(before, p)
			var v any = "改动的文字"
			switch s.typeAt(p) {
			case "number", "integer":
				v = "7"
			case "boolean":
				v = old != true
			}
			if str, ok := old.(string); ok && strings.Contains(str, "\n") {
				v = "第一段\n\n第二段\n"
			}
			out, err := d.set(p, v, s)
			if err != nil {
				t.Errorf("%s: set %s: %v", f, pathString(p), err)
				continue
			}
			d2, err := parseYAML(out)
			if err != nil {
				t.Errorf("%s: set %s: the file no longer parses: %v", f, pathString(p), err)
				continue
			}
			after := d2.tree()
			var ps2 [][]step
			leaves(after, nil, &ps2)
			if len(ps2) != len(paths) {
				t.Errorf("%s: set %s: %d values, want %d", f, pathString(p), len(ps2), len(paths))
				continue
			}
			for _, q := range paths {
				got, want := treeAt(after, q), treeAt(before, q)
				if pathString(q) == pathString(p) {
					want = v
				}
				if fmt.Sprint(got) != fmt.Sprint(want) {
					t.Errorf("%s: set %s: %s is %q, want %q", f, pathString(p), pathString(q), got, want)
				}
			}
		}
	}
}
