package fonts

import (
	"errors"
	"os"
	"strings"
	"testing"
	"time"
)

// Fonts found by family name come from the system's folders, in the
// region's face and the nearest weight; the index is kept in IndexDir so
// the second process does not read the font files again.
func TestFind(t *testing.T) {
	if _, err := os.Stat("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"); err != nil {
		t.Skip("fonts-noto-cjk is not installed")
	}
	IndexDir = t.TempDir()
	tests := []struct {
		family string
		weight int
		want   string // PostScript name
	}{
		{"Noto Sans CJK HK", 400, "NotoSansCJKhk-Regular"},
		{"noto sans cjk tc", 700, "NotoSansCJKtc-Bold"},
		{"Noto Sans CJK JP", 900, "NotoSansCJKjp-Bold"}, // no Black installed: the nearest
		{"Noto Serif CJK KR", 400, "NotoSerifCJKkr-Regular"},
		{"Noto Sans CJK SC", 500, "NotoSansCJKsc-Bold"},
	}
	start := time.Now()
	for _, tt := range tests {
		f, err := Find(tt.family, tt.weight)
		if err != nil {
			t.Fatalf("Find(%q): %v", tt.family, err)
		}
		if f.Family != tt.want {
			t.Errorf("Find(%q, %d) = %s, want %s", tt.family, tt.weight, f.Family, tt.want)
		}
		if !f.Has('骨') {
			t.Errorf("%s has no 骨", f.Family)
		}
	}
	t.Logf("first lookups: %v", time.Since(start))
	if _, err := Find("No Such Family", 400); !errors.Is(err, ErrNotFound) || !strings.Contains(err.Error(), "No Such Family") {
		t.Errorf("missing family: %v", err)
	}
	if ents, _ := os.ReadDir(IndexDir); len(ents) == 0 {
		t.Error("no index written to IndexDir")
	}
}
