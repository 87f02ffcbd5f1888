package layout

import (
	"strings"
	"testing"
)

// TestCoverBandAdvice: a cover whose band overflows though the title is
// one short line (A5 landscape, a subtitle and a long organization) is
// refused with advice that can be followed — not "the title takes 1
// lines … shorten the title to about 10 characters" for a title of 9.
func TestCoverBandAdvice(t *testing.T) {
	// the Macao library's brief, with the subtitle its office wrote first
	r := load(t, "../examples/macao-library-brief/report.yaml")
	r.Subtitle = "2025年第三季度簡報"
	_, err := NewWith(r, Options{})
	if err == nil {
		t.Fatal("the band holds the title, subtitle and organization now: pick a longer case")
	}
	msg := err.Error()
	if !strings.Contains(msg, "coloured band") {
		t.Fatalf("not the cover's error: %v", err)
	}
	if strings.Contains(msg, "shorten the title") || strings.Contains(msg, "1 lines") {
		t.Errorf("advice that cannot be followed for a title of one short line: %v", err)
	}
	if !strings.Contains(msg, "subtitle") {
		t.Errorf("the advice does not name the subtitle: %v", err)
	}
}
