package data

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// TestAliasBombIsFast: a billion laughs 30 levels deep (10^30 values if
// expanded) is refused at once, with one message, at the alias.
func TestAliasBombIsFast(t *testing.T) {
	var b strings.Builder
	b.WriteString("a0: &a0 [\"哈\",\"哈\",\"哈\",\"哈\",\"哈\",\"哈\",\"哈\",\"哈\",\"哈\",\"哈\"]\n")
	for i := 1; i < 30; i++ {
		fmt.Fprintf(&b, "a%d: &a%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*a%d,", i-1), 10), ","))
	}
	b.WriteString("title: T\nsections: *a29\n")
	start := time.Now()
	_, err := Parse("bomb.yaml", []byte(b.String()))
	if d := time.Since(start); d > time.Second {
		t.Errorf("took %v", d)
	}
	errs, ok := err.(Errors)
	if !ok || len(errs) != 1 || !strings.Contains(errs[0].Msg, "billion laughs") {
		t.Fatalf("err = %v", err)
	}
}

// TestOptionsLimits: the limits a command can raise.
func TestOptionsLimits(t *testing.T) {
	src := []byte("title: T\nsections:\n  - title: S\n    charts:\n      - {type: bar, data: [{label: a, value: 1}, {label: b, value: 2}, {label: c, value: 3}]}\n")
	if _, err := ParseOptions("r.yaml", src, Options{MaxDataItems: 2}); err == nil || !strings.Contains(err.Error(), "3 items, more than the 2") {
		t.Errorf("max items: %v", err)
	}
	if _, err := ParseOptions("r.yaml", src, Options{MaxDataItems: 3}); err != nil {
		t.Errorf("max items 3: %v", err)
	}
	if _, err := ParseOptions("r.yaml", src, Options{MaxInputBytes: 20}); err == nil || !strings.Contains(err.Error(), "--max-input-mb") {
		t.Errorf("max input: %v", err)
	}
}

// Each font of a fallback list, and a collection named with its face, is
// held to the report's folder like any other file.
func TestFontsOutside(t *testing.T) {
	for _, fonts := range []string{
		"{fallback: \"fonts/a.ttf, /usr/share/fonts/x.ttc\"}",
		"{regular: \"/usr/share/fonts/x.ttc#1\"}",
		"{bold: \"../x.otf#Noto Sans CJK HK\"}",
	} {
		_, err := Parse("r.yaml", []byte("title: T\ntheme: {fonts: "+fonts+"}\nsections: [{title: a}]\n"))
		if err == nil || !strings.Contains(err.Error(), "report's folder") {
			t.Errorf("%s: err = %v", fonts, err)
		}
	}
	if _, err := Parse("r.yaml", []byte("title: T\ntheme: {fonts: {regular: Noto Sans CJK HK, fallback: \"fonts/a.ttf, Noto Sans CJK KR\"}}\nsections: [{title: a}]\n")); err != nil {
		t.Errorf("family names: %v", err)
	}
}
