package layout

import (
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/fonts"
)

// Headlines and titles break on word boundaries into lines of even
// length, never leave one word on the last line when another break
// exists, never end a line with an article or a preposition, and keep
// Chinese phrases whole.
func TestHeadlineBalance(t *testing.T) {
	for _, tt := range []struct {
		text  string
		width float64
		want  []string
	}{
		{"Ningbo Police in 2025", 480, []string{"Ningbo Police", "in 2025"}},
		{"5,200+ patrols and a safer city", 480, []string{"5,200+ patrols", "and a safer city"}},
		{"Reported crime fell 6.2% to its lowest level in a decade", 700, []string{"Reported crime fell 6.2%", "to its lowest level in a decade"}},
		{"全年接处警36.5万起，同比下降12%，群众满意度持续提升", 480, []string{"全年接处警36.5万起，", "同比下降12%，", "群众满意度持续提升"}},
	} {
		lines := Break([]Span{{Text: tt.text, Face: fonts.Black, Size: 46}}, tt.width, Setting{Align: Left, PhraseBreaks: true})
		var got []string
		for _, l := range lines {
			got = append(got, l.Text())
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("%q at %v: got %q, want %q", tt.text, tt.width, got, tt.want)
		}
	}
}
