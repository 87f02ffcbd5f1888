package server

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// TestLoad sends 200 builds of the sample, 8 at a time, to the API on
// loopback and reports throughput, latency and peak memory. It asserts
// only that every build succeeded with the same bytes (no timings: the
// numbers are for the README).
func TestLoad(t *testing.T) {
	n, conc := 200, 8
	if testing.Short() {
		n = 24
	}
	s, _ := newServer(t, Config{Builds: runtime.GOMAXPROCS(0)})
	hs := httptest.NewServer(s)
	defer hs.Close()
	src, _ := os.ReadFile(sample)
	want := cliBuild(t, sample)
	cl := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: conc}}

	var mu sync.Mutex
	var lat []time.Duration
	var failed []string
	jobs := make(chan int)
	var wg sync.WaitGroup
	stop := make(chan struct{})
	peak := make(chan uint64)
	go func() { // sample the heap while the builds run
		var m runtime.MemStats
		var hi uint64
		for {
			runtime.ReadMemStats(&m)
			hi = max(hi, m.HeapInuse+m.StackInuse)
			select {
			case <-stop:
				peak <- hi
				return
			case <-time.After(20 * time.Millisecond):
			}
		}
	}()
	start := time.Now()
	for range conc {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for range jobs {
				req, _ := http.NewRequest("POST", hs.URL+"/api/build", bytes.NewReader(src))
				req.Header.Set("Authorization", "Bearer "+testToken)
				t0 := time.Now()
				resp, err := cl.Do(req)
				var body []byte
				if err == nil {
					body, _ = io.ReadAll(resp.Body)
					resp.Body.Close()
				}
				d := time.Since(t0)
				mu.Lock()
				lat = append(lat, d)
				switch {
				case err != nil:
					failed = append(failed, err.Error())
				case resp.StatusCode != 200 || !bytes.Equal(body, want):
					failed = append(failed, strconv.Itoa(resp.StatusCode)+" "+string(body[:min(len(body), 100)]))
				}
				mu.Unlock()
			}
		}()
	}
	for i := range n {
		jobs <- i
	}
	close(jobs)
	wg.Wait()
	total := time.Since(start)
	close(stop)
	hi := <-peak
	if len(failed) > 0 {
		t.Fatalf("%d of %d builds failed: %s", len(failed), n, strings.Join(failed[:min(3, len(failed))], "; "))
	}
	slices.Sort(lat)
	pct := func(p float64) time.Duration { return lat[min(len(lat)-1, int(p*float64(len(lat))))] }
	rss := ""
	if b, err := os.ReadFile("/proc/self/status"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(l, "VmHWM:") {
				rss = ", process peak RSS " + strings.Join(strings.Fields(l)[1:], " ")
			}
		}
	}
	t.Logf("%d builds of the sample, %d at a time, %d build slots, GOMAXPROCS %d: %.1f builds/s, p50 %d ms, p99 %d ms, max %d ms; peak Go heap+stacks %.0f MB%s",
		n, conc, cap(s.slots), runtime.GOMAXPROCS(0), float64(n)/total.Seconds(),
		pct(0.50).Milliseconds(), pct(0.99).Milliseconds(), lat[len(lat)-1].Milliseconds(), float64(hi)/(1<<20), rss)
}
