package layout

import (
	"fmt"
	"strings"
	"testing"

	"github.com/brochure-dev/brochure/data"
)

// TestTableSplitRows: a table split at any height leaves at least minRows
// of its rows on each side (the total is not a row of its own), or does
// not split: "（续）" over three rows and a total read as leftovers. (A
// table this long: a short one is kept whole, see TestTableKeptWhole.)
func TestTableSplitRows(t *testing.T) {
	var b strings.Builder
	b.WriteString("title: 表\ndate: 2025-12-31\nsections:\n  - title: 各单位\n    tables:\n      - title: 各单位数据\n        columns: [单位, 案件（起）]\n        total: true\n        rows:\n")
	for i := range 20 {
		fmt.Fprintf(&b, "          - [第%02d单位, %d]\n", i+1, 100+i*37)
	}
	r, err := data.Parse("t.yaml", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	d, _ := build(t, r, Options{})
	var tb *tableBlock
	var w float64
	for _, p := range d.Pages {
		for _, pl := range p.Blocks {
			if b, ok := pl.Block.(*tableBlock); ok {
				tb, w = b, pl.W
			}
		}
	}
	if tb == nil {
		t.Fatal("no table laid out")
	}
	full := tb.Measure(w)
	splits := 0
	for h := 20.0; h < full; h += 2 {
		head, tail := tb.Split(w, h)
		if head == nil || tail == nil {
			continue
		}
		splits++
		a, z := head.(*tableBlock), tail.(*tableBlock)
		if a.to-a.from < minRows || z.to-z.from < minRows {
			t.Fatalf("at %.0f pt: %d rows, then %d on the next page", h, a.to-a.from, z.to-z.from)
		}
	}
	if splits == 0 {
		t.Error("the table never split")
	}
}
