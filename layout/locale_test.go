package layout

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/fonts"
	"github.com/brochure-dev/brochure/internal/pdftest"
)

// The example reports in other languages build with the system's
// fonts-noto-cjk only, in the right regional faces (embedded, subset),
// with every paragraph's text extractable verbatim, no space read after
// "/" or "-", and the built-in words in the report's language.
func TestLanguageReports(t *testing.T) {
	if _, err := os.Stat("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"); err != nil {
		t.Skip("fonts-noto-cjk is not installed")
	}
	tests := []struct {
		dir   string
		fonts []string // PostScript names that must be embedded (and no others)
		want  []string // printed
		never []string // never printed
	}{
		{"hong-kong-2025", []string{"NotoSansCJKhk-Regular", "NotoSansCJKhk-Bold"},
			[]string{"年度關鍵數字", "2026年1月12日", "圖片佔位", "單位：宗"},
			[]string{"年度关键数字", "图片占位", "单位", "NotoSansSC"}},
		{"english-2025", []string{"NotoSansSC-Regular", "NotoSansSC-Bold", "NotoSansSC-Black"},
			[]string{"Key figures of the year", "12 January 2026", "5,200", "CNY 230 billion", "Photo to come", "Unit: cases", "2,960 cases"},
			[]string{"年", "图片占位", "单位"}},
		{"mixed-scripts", []string{"NotoSansSC-Regular", "NotoSansSC-Bold", "NotoSansSC-Black", "NotoSerifCJKsc-Regular", "NotoSansCJKkr-Regular"},
			[]string{"年度关键数字", "2026年1月12日", "안녕하세요", "ありがとうございます"},
			[]string{"年度關鍵數字"}},
		{"language-spans", []string{"NotoSansSC-Regular", "NotoSansSC-Bold", "NotoSansSC-Black", "NotoSansCJKjp-Regular", "NotoSansCJKkr-Regular"},
			[]string{"本日はお招きいただき", "두 도시의 우정이", "intergovernmental partnership"},
			[]string{"]{", "{ja}", "{en}"}},
	}
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			r := load(t, filepath.Join("..", "examples", tt.dir, "report.yaml"))
			_, pdf := build(t, r, Options{Draft: true}) // a proof: its photos to come are frames with their label
			path := filepath.Join(t.TempDir(), "r.pdf")
			os.WriteFile(path, pdf, 0o644)

			var got []string
			for _, f := range pdftest.Pdffonts(t, path) {
				name := f.Name[strings.IndexByte(f.Name, '+')+1:]
				got = append(got, name)
				if !f.Emb || !f.Sub || !f.Uni {
					t.Errorf("%s: embedded %v, subset %v, ToUnicode %v", f.Name, f.Emb, f.Sub, f.Uni)
				}
				if strings.HasPrefix(name, "NotoSansCJK") && f.Type != "CID Type 0C" {
					t.Errorf("%s is %s, want CID Type 0C", f.Name, f.Type)
				}
			}
			for _, w := range tt.fonts {
				if !strings.Contains(strings.Join(got, " "), w) {
					t.Errorf("fonts %v lack %s", got, w)
				}
			}
			if len(got) != len(tt.fonts) {
				t.Errorf("fonts %v, want %v", got, tt.fonts)
			}

			text := pdftest.Pdftotext(t, path)
			raw := pdftest.Pdftotext(t, path, "-raw")
			flat := flat(raw) // without spaces and the soft hyphens of hyphenated lines
			for _, s := range r.Sections {
				for _, p := range s.Paragraphs() {
					if !strings.Contains(flat, strings.Join(strings.Fields(p), "")) {
						t.Errorf("paragraph not extracted verbatim: %.40s…", p)
					}
					for _, w := range strings.Fields(p) {
						for k, c := range w[:len(w)-1] {
							if c == '/' || c == '-' {
								if bad := w[:k+1] + " " + w[k+1:]; strings.Contains(text, bad) {
									t.Errorf("a space is read after %q: %q", c, bad)
								}
							}
						}
					}
				}
			}
			squeezed := strings.Join(strings.Fields(text), " ")
			for _, w := range tt.want {
				if !strings.Contains(squeezed, w) && !strings.Contains(flat, strings.ReplaceAll(w, " ", "")) {
					t.Errorf("%q is not printed", w)
				}
			}
			for _, w := range tt.never {
				if strings.Contains(text, w) || strings.Contains(strings.Join(got, " "), w) {
					t.Errorf("%q is printed", w)
				}
			}
			if tt.dir == "english-2025" && strings.ContainsFunc(text, func(r rune) bool { return unicode.Is(unicode.Han, r) }) {
				t.Errorf("Chinese in the English report:\n%s", text)
			}
		})
	}
}

// Traditional characters in a Simplified report are one problem that
// says what to set, with the characters and the first places; a rare
// character or two stay one error each, as before.
func TestWrongScript(t *testing.T) {
	src := "title: 香港這一年\nsections:\n  - title: 社區\n    body: 警隊全年舉辦社區活動，深入屋邨、學校及商戶，聆聽市民意見。區內這們\n"
	r, err := data.Parse("r.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	_, err = New(r)
	var errs data.Errors
	if !errors.As(err, &errs) {
		t.Fatalf("err = %v, want data.Errors", err)
	}
	if len(errs) != 1 {
		t.Fatalf("%d problems, want 1:\n%v", len(errs), err)
	}
	msg := errs[0].Error()
	for _, want := range []string{"r.yaml:1:", "Traditional Chinese", "language: zh-Hant", "language: zh-HK", "這", "here and at r.yaml:"} {
		if !strings.Contains(msg, want) {
			t.Errorf("the problem does not say %q:\n%s", want, msg)
		}
	}
}

// A report whose language's faces are not installed stops with one
// problem that names the language, the families looked for and how to
// install them.
func TestMissingFaces(t *testing.T) {
	defer func(f func(string, int) (*fonts.Face, error)) { find = f }(find)
	find = func(family string, _ int) (*fonts.Face, error) {
		return nil, fmt.Errorf("%w: %s", fonts.ErrNotFound, family)
	}
	r, err := data.Parse("r.yaml", []byte("title: 香港\nlanguage: zh-HK\nsections:\n  - title: 社區\n"))
	if err != nil {
		t.Fatal(err)
	}
	_, err = New(r)
	var errs data.Errors
	if !errors.As(err, &errs) || len(errs) != 1 {
		t.Fatalf("err = %v, want one problem", err)
	}
	for _, want := range []string{"r.yaml:2:", "Traditional Chinese (Hong Kong)", "language: zh-HK", "Noto Sans CJK HK", "Source Han Sans HK", "apt-get install fonts-noto-cjk", "Windows and macOS"} {
		if !strings.Contains(errs[0].Error(), want) {
			t.Errorf("the problem does not say %q:\n%s", want, errs[0])
		}
	}
}
