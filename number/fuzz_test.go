package number

import (
	"math"
	"strconv"
	"strings"
	"testing"
)

// FuzzFormat feeds the formatter any text and settings: it must never
// panic, and for a plain decimal printed as written (no style, no
// decimals, Chinese) it must give back the same value.
func FuzzFormat(f *testing.F) {
	for _, s := range []string{"14.98", "3079.3", "30793000", "0", "0.000001", "-12.5", "1e32", "", "abc", "100", "99999999999999999999"} {
		f.Add(s, "wan", int8(-1), "zh-CN", 100.0)
	}
	f.Fuzz(func(t *testing.T, text, style string, decimals int8, lang string, v float64) {
		fm := Format{Style: style, Decimals: int(decimals) % 8, Lang: lang, Unit: "万人次", Prefix: "约"}
		_ = fm.Text(text)
		_ = fm.Label(text)
		_ = fm.Float(v)
		_, _ = fm.Scale(v)
		_ = Percent(v, int(decimals)%8)
		if !math.IsNaN(v) && !math.IsInf(v, 0) && math.Abs(v) < 1e15 {
			lo, hi, step := Ticks(0, v, 6)
			if step > 0 && (hi-lo)/step > 100 {
				t.Fatalf("Ticks(0, %g) = %g..%g step %g: too many ticks", v, lo, hi, step)
			}
		}
		if _, err := strconv.ParseFloat(text, 64); err == nil && !strings.ContainsAny(text, "eE+_xXpPiInN") {
			got := Plain.Text(text)
			a, _ := strconv.ParseFloat(strings.ReplaceAll(got, ",", ""), 64)
			b, _ := strconv.ParseFloat(text, 64)
			if a != b {
				t.Fatalf("Plain.Text(%q) = %q", text, got)
			}
		}
	})
}
