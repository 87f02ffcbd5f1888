package data

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"github.com/brochure-dev/brochure/internal/hostile"
)

// FuzzSource reads any bytes as a chart's CSV or XLSX data file (with a
// 1 MB budget): problems or data, never a panic; data read is what a chart
// can draw (a label on each item, finite values).
func FuzzSource(f *testing.F) {
	f.Add([]byte("类别,数量\n交通事故,683\n火灾,\"1,097\"\n"), false)
	f.Add([]byte("\xEF\xBB\xBF类别,2019年,2020年\n事故数,14.98%,15%\n"), false)
	f.Add([]byte("a,\"b\nc\",1\n"), false)
	x := excelize.NewFile()
	x.SetSheetRow("Sheet1", "A1", &[]any{"指标", "降幅"})
	x.SetSheetRow("Sheet1", "A2", &[]any{"事故数", 14.98})
	var b bytes.Buffer
	x.Write(&b)
	f.Add(b.Bytes(), true)
	f.Add(hostile.XLSX(1<<10), true)
	f.Fuzz(func(t *testing.T, file []byte, xlsx bool) {
		dir := t.TempDir()
		name := "d.csv"
		if xlsx {
			name = "d.xlsx"
		}
		os.WriteFile(filepath.Join(dir, name), file, 0o644)
		src := head + "    charts:\n      - {type: bar, data: {file: " + name + "}}\n"
		r, err := ParseOptions(filepath.Join(dir, "r.yaml"), []byte(src), Options{MaxDataBytes: 1 << 20})
		if err != nil {
			if strings.Contains(err.Error(), "runtime error") {
				t.Fatal(err)
			}
			return
		}
		for _, p := range r.Sections[0].Charts[0].Data {
			if strings.TrimSpace(p.Label) == "" || math.IsNaN(p.Value.Value) || math.IsInf(p.Value.Value, 0) {
				t.Fatalf("item %+v", p)
			}
		}
	})
}
