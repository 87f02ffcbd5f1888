package marks

import (
	"strconv"
	"strings"
	"testing"
)

// TestPathOutsideBleed: every point of every mark lies outside the bleed
// (at least max(bleed, Gap) beyond the trim) and inside the room the
// media keeps for the marks; a fold gets its dashed marks and no target.
func TestPathOutsideBleed(t *testing.T) {
	trim := Rect{X: 30, Y: 30, W: 420, H: 595}
	for _, tc := range []struct {
		bleed float64
		folds []float64
	}{{0, nil}, {3 * mm, nil}, {5 * mm, nil}, {3 * mm, []float64{240}}} {
		p := Path(trim, tc.bleed, tc.folds...)
		room, gap := Room(tc.bleed), max(tc.bleed, Gap)
		if strings.Contains(p, "d\n") != (len(tc.folds) > 0) {
			t.Errorf("bleed %g, folds %v: dashes %v", tc.bleed, tc.folds, strings.Contains(p, "d\n"))
		}
		targets := 4 // a centre mark on each side; folds take the top and bottom ones' place
		if len(tc.folds) > 0 {
			targets = 2
		}
		if n := strings.Count(p, " c\n") / 4; n != targets {
			t.Errorf("bleed %g, folds %v: %d centre marks, want %d", tc.bleed, tc.folds, n, targets)
		}
		points := 0
		for _, line := range strings.Split(p, "\n") {
			f := strings.Fields(line)
			if len(f) < 3 || strings.HasSuffix(line, " d") {
				continue
			}
			for i := 0; i+1 < len(f); i += 2 {
				x, err1 := strconv.ParseFloat(f[i], 64)
				y, err2 := strconv.ParseFloat(f[i+1], 64)
				if err1 != nil || err2 != nil {
					break
				}
				points++
				out := max(trim.X-x, x-(trim.X+trim.W), trim.Y-y, y-(trim.Y+trim.H))
				if out < gap-0.01 || out > room-2+0.01 {
					t.Errorf("bleed %g: point (%g, %g) is %g pt outside the trim; want %g to %g", tc.bleed, x, y, out, gap, room-2)
				}
			}
		}
		if points < 16 {
			t.Errorf("bleed %g: %d points", tc.bleed, points)
		}
	}
}
