package fonts

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzOpen reads any bytes as a user's font file: an error a user can act
// on, or a face that measures and subsets text without a panic.
func FuzzOpen(f *testing.F) {
	for _, p := range []string{"testdata/fallback.ttf", "testdata/small-cff.otf"} {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("ttcf\x00\x01\x00\x00"))
	f.Add([]byte("\x00\x01\x00\x00\x00\x00"))
	f.Fuzz(func(t *testing.T, ttf []byte) {
		path := filepath.Join(t.TempDir(), "f.ttf")
		os.WriteFile(path, ttf, 0o644)
		face, err := Open(path)
		if err != nil {
			return
		}
		text := "中文 abc 𠮷"
		for _, r := range text {
			face.Has(r)
		}
		face.Width(text, 12)
		face.Ascent()
		face.Descent()
		if _, err := face.Subset([]rune(text)); err != nil {
			return
		}
	})
}
