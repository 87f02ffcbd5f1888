package icons

import (
	"bufio"
	"os"
	"slices"
	"strings"
	"testing"
)

// TestSet: every curated name is in the set, with paths that are path
// data; and nothing else is.
func TestSet(t *testing.T) {
	f, err := os.Open("curated.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	want := map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line, _, _ := strings.Cut(sc.Text(), "#")
		for _, n := range strings.Fields(line) {
			want[n] = true
		}
	}
	if len(Names()) != len(want) || len(want) < 300 {
		t.Errorf("%d icons, curated.txt names %d: run go generate ./icons", len(Names()), len(want))
	}
	for n := range want {
		ic, ok := Get(n)
		if !ok {
			t.Errorf("%s: in curated.txt, not in tabler.txt: run go generate ./icons", n)
			continue
		}
		if len(ic.Paths) == 0 {
			t.Errorf("%s: no paths", n)
		}
		for _, p := range ic.Paths {
			if !strings.HasPrefix(strings.ToUpper(p.D), "M") || !p.Fill && !p.Stroke {
				t.Errorf("%s: path %+v", n, p)
			}
		}
	}
	if ic, _ := Get("shield"); len(ic.Paths) != 1 || !ic.Paths[0].Stroke || ic.Paths[0].Fill {
		t.Errorf("shield: %+v, want one stroked outline", ic)
	}
	if _, ok := Get("no-such-icon"); ok {
		t.Error("an unknown name was found")
	}
}

// TestNames: the names read without the paths are exactly the set's, in
// order.
func TestNames(t *testing.T) {
	var want []string
	for n := range set() {
		want = append(want, n)
	}
	slices.Sort(want)
	if got := Names(); !slices.Equal(got, want) {
		t.Errorf("Names gives %d names, the set has %d: %v…", len(got), len(want), got[:min(3, len(got))])
	}
}
