package layout

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/internal/pdftest"
	"github.com/brochure-dev/brochure/locale"
	"github.com/brochure-dev/brochure/theme"
)

// TestWordsInTheReportsLanguage builds every example that is not in
// Simplified Chinese, in every look, and checks that no word brochure
// prints itself in Simplified Chinese (同比, 目标, 其他, 项, 续, 目录…: a
// label of locale's zh-Hans table that the report's language writes
// otherwise) is in the PDF's text, unless the report wrote it itself.
func TestWordsInTheReportsLanguage(t *testing.T) {
	paths, err := filepath.Glob("../examples/*/report.yaml")
	if err != nil || len(paths) < 8 {
		t.Fatalf("%d example reports (%v), want the corpus", len(paths), err)
	}
	hans := locale.Must("zh-Hans")
	n := 0
	for _, path := range paths {
		r := load(t, path)
		loc := locale.Must(r.Language)
		if loc.Tag == hans.Tag {
			continue
		}
		own := flat(ownText(r))
		var foreign []string // the Simplified words the report's language writes otherwise
		for _, w := range labelWords(hans.Labels) {
			if !strings.Contains(strings.Join(labelWords(loc.Labels), "|"), w) && !strings.Contains(own, w) {
				foreign = append(foreign, w)
			}
		}
		n++
		for _, style := range theme.Names() {
			name := style + "/" + filepath.Base(filepath.Dir(path))
			t.Run(name, func(t *testing.T) {
				_, pdf := buildExample(t, r, Options{Draft: true, Style: style}, false)
				doc := pdftest.Open(t, pdf)
				for i, p := range doc.Pages {
					text := flat(p.Text)
					for _, w := range foreign {
						if strings.Contains(text, w) {
							t.Errorf("%s (%s) page %d prints %q, a Simplified Chinese word the report does not write: …%s…", name, loc.Tag, i+1, w, around(text, w))
						}
					}
				}
			})
		}
	}
	if n < 4 {
		t.Fatalf("%d examples not in Simplified Chinese, want the corpus's Japanese, Traditional and English reports", n)
	}
}

// labelWords are the words of a table of labels, without their marks
// and counts: "（%d项）" gives 项, "单位：" 单位.
func labelWords(b locale.Labels) []string {
	var ws []string
	v := reflect.ValueOf(b)
	for i := range v.NumField() {
		s := strings.NewReplacer("%d", " ", "（", " ", "）", " ", "：", " ", "(", " ", ")", " ", "——", " ", "—", " ", "含", " ").Replace(v.Field(i).String())
		ws = append(ws, strings.Fields(s)...)
	}
	return ws
}

// around is the text near w's first place in s, for a message.
func around(s, w string) string {
	k := strings.Index(s, w)
	r := []rune(s[:k])
	from := max(0, len(r)-8)
	after := []rune(s[k:])
	return string(r[from:]) + string(after[:min(len(after), len([]rune(w))+8)])
}
