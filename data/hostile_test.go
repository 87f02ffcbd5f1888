package data

import (
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"
)

// allocated runs f and returns the bytes it allocated (all of them, freed
// or not: a bound on the work, which no timing is).
func allocated(f func()) uint64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	f()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestHostileYAML: the shapes that made the YAML parser take gigabytes
// are refused by the line scan before it, with a message at the place,
// within a bounded allocation.
func TestHostileYAML(t *testing.T) {
	for _, c := range []struct {
		name, src, want string
	}{
		{"brackets", "title: x\nsections: " + strings.Repeat("[", 100_000) + "\n", "nested 41 levels deep"},
		{"flow maps", "title: x\nsections: " + strings.Repeat("{a: ", 100_000) + "\n", "nested 41 levels deep"},
		{"dashes", "title: x\nsections:\n  " + strings.Repeat("- ", 100_000) + "x\n", "nested 41 levels deep"},
		{"indented mappings", "title: x\n" + func() string {
			var b strings.Builder
			for i := range 60 {
				b.WriteString(strings.Repeat(" ", i) + "k:\n")
			}
			return b.String()
		}(), "nested 41 levels deep"},
		{"key", "title: x\n" + strings.Repeat("k", 5_000_000) + ": 1\nsections: []\n", "a field name of 5000000 bytes"},
		{"quoted key", "title: x\n\"" + strings.Repeat("k", 5_000_000) + "\": 1\n", "a field name of 5000002 bytes"},
		{"flow key", "title: x\nsections: [{" + strings.Repeat("k", 5_000) + ": 1}]\n", "a field name of 5000 bytes"},
		{"wide list", "title: x\nsections: [" + strings.Repeat("1,", 3_000_000) + "]\n", "more than 200000 list items"},
		{"long list", "title: x\nsections:\n" + strings.Repeat("  - 1\n", 1_000_000), "more than 200000 list items"},
	} {
		t.Run(c.name, func(t *testing.T) {
			var err error
			n := allocated(func() { _, err = ParseOptions("r.yaml", []byte(c.src), Options{}) })
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("got %v, want %q", err, c.want)
			}
			if n > 256<<20 {
				t.Errorf("%d MB allocated to refuse it", n>>20)
			}
		})
	}
}

// TestShapeLetsReportsThrough: the scan does not refuse what a report
// writes: block scalars holding brackets and dashes, quotes with colons,
// a deep but real report.
func TestShapeLetsReportsThrough(t *testing.T) {
	src := head + "    body: |\n" + strings.Repeat("      - - - - [[[[ {{{{ "+strings.Repeat("[", 50)+"\n", 3) +
		"    headline: \"a: [b, {c\"\n    stats:\n      - {label: '它''s [1]', value: 1}\n" +
		"    charts:\n      - type: grouped\n        series: [a, b]\n        data:\n          - {label: x, values: [1, 2]}\n"
	if _, err := Parse("r.yaml", []byte(src)); err != nil {
		t.Fatal(err)
	}
}

// TestLocateLinear: pointing at every character of a long quoted
// paragraph in turn (as the missing-glyph check does) is linear: before,
// each call walked from the start and made a rune slice of the line at
// every step (1,600 characters: 41 s).
func TestLocateLinear(t *testing.T) {
	body := strings.Repeat("𠮷字", 10_000)
	r, err := Parse("r.yaml", []byte(head+"    body: \""+body+"\"\n"))
	if err != nil {
		t.Fatal(err)
	}
	var last Pos
	n := allocated(func() {
		for off := range body {
			if utf8.RuneStart(body[off]) {
				last = r.Locate("sections[0].body", off)
			}
		}
	})
	// the body's first character is at column 12, after `    body: "`
	if want := 12 + utf8.RuneCountInString(body) - 1; last.Line != 4 || last.Col != want {
		t.Errorf("the last character at %v, want 4:%d", last, want)
	}
	if n > 16<<20 {
		t.Errorf("%d MB allocated locating %d characters", n>>20, utf8.RuneCountInString(body))
	}
}
