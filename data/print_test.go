package data

import (
	"strings"
	"testing"
)

func TestPrintFields(t *testing.T) {
	src := "title: T\ntoc: true\ntheme: {paper: A5, orientation: landscape}\nprint: {bleed: 3mm, marks: true, booklet: true, quality: 80}\n" +
		"sections:\n  - title: a\n    photos:\n      - {caption: c, focus: [0.5, 0.25]}\n"
	r, err := Parse("r.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	if !r.TOC || r.Theme.Paper != "A5" || r.Theme.Orientation != "landscape" || !r.Print.Marks || !r.Print.Booklet || r.Print.BleedMM() != 3 || r.Print.Quality.Value != 80 {
		t.Errorf("got %+v %+v toc=%v", r.Theme, r.Print, r.TOC)
	}
	if f := r.Sections[0].Photos[0].Focus; len(f) != 2 || f[1].Value != 0.25 {
		t.Errorf("focus = %v", f)
	}
	for _, bad := range []struct{ yaml, want string }{
		{"print: {bleed: 3cm}", "not a length in mm"},
		{"print: {bleed: 12mm}", "more than 10 mm"},
		{"print: {marks: yes please}", "want true or false"},
		{"theme: {paper: 10x20}", "not supported"},
		{"theme: {orientation: sideways}", "not supported"},
	} {
		_, err := Parse("r.yaml", []byte("title: T\n"+bad.yaml+"\nsections: [{title: a}]\n"))
		if err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%s: got %v, want %q", bad.yaml, err, bad.want)
		}
	}
	for _, p := range []string{"A4", "A5", "B5", "Letter", "185x260", ""} {
		if _, _, ok := PaperMM(p); !ok {
			t.Errorf("PaperMM(%q) not ok", p)
		}
	}
}
