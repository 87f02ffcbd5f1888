package main

import (
	osexec "os/exec"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
	"time"
)

// BenchmarkProcess runs `brochure build` on the sample as a user does: a
// new process each time, startup and writing the file included; "first"
// with no font cache (the first build on a machine, or BROCHURE_CACHE=off),
// "again" with the fonts compressed by the run before (a rebuild after an
// edit that drew no new characters). ns/op is the mean wall time; the
// metrics add the median wall time, and the median of the processes' peak
// resident memory (getrusage).
func BenchmarkProcess(b *testing.B) {
	dir := b.TempDir()
	bin := filepath.Join(dir, "brochure")
	build := osexec.Command("go", "build", "-trimpath", "-o", bin, ".")
	build.Env = append(build.Environ(), "CGO_ENABLED=0") // as make build
	if out, err := build.CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	out := filepath.Join(dir, "sample.pdf")
	for _, run := range []struct{ name, cache string }{{"first", "off"}, {"again", filepath.Join(dir, "cache")}} {
		b.Run(run.name, func(b *testing.B) {
			var walls []time.Duration
			var rss []int64
			for range b.N {
				start := time.Now()
				cmd := osexec.Command(bin, "build", sample, "-o", out, "--quiet")
				cmd.Env = append(cmd.Environ(), "BROCHURE_CACHE="+run.cache)
				if o, err := cmd.CombinedOutput(); err != nil {
					b.Fatalf("brochure build: %v\n%s", err, o)
				}
				walls = append(walls, time.Since(start))
				rss = append(rss, cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss)
			}
			b.StopTimer()
			slices.Sort(walls)
			slices.Sort(rss)
			b.ReportMetric(float64(walls[len(walls)/2].Microseconds())/1000, "ms-median")
			b.ReportMetric(float64(rss[len(rss)/2])/1024, "MB-peak-RSS")
		})
	}
}
