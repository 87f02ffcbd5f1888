package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	osexec "os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/brochure-dev/brochure/internal/hostile"
)

// The hostile corpus: inputs from the red-team list of issue 19, each run
// in a child process (this test binary, re-executed) with a deadline and
// its peak memory read back from the kernel. The bounds are the issue's —
// 20 s and 1 GiB — far from what a case takes (a second or two, some tens
// of MB), so that a slow machine does not make them flaky while a
// quadratic walk or an unbounded allocation still fails them.
const (
	hostileDeadline = 20 * time.Second
	hostileMemory   = 1 << 30
)

// init runs the child: BROCHURE_CHILD=run runs the command line in
// BROCHURE_ARGS (separated by the unit separator, 0x1F); =signal writes a PDF that never ends and
// waits for a signal (TestSignalRemovesTemp).
func init() {
	switch os.Getenv("BROCHURE_CHILD") {
	case "run":
		os.Exit(run(strings.Split(os.Getenv("BROCHURE_ARGS"), "\x1f"), os.Stdout, os.Stderr))
	case "signal":
		writeAtomic(os.Getenv("BROCHURE_OUT"), func(w io.Writer) error {
			io.WriteString(w, "%PDF-1.7 partial\n")
			fmt.Println("writing") // the parent may signal now
			select {}
		})
		os.Exit(0)
	}
}

// The catalogue's cases of issue 19 whose files cannot be committed:
// FIFOs, and PDFs made by hostile.
func init() {
	fifo := func(name string) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) {
			p := filepath.Join(dir, name)
			os.MkdirAll(filepath.Dir(p), 0o755)
			if err := syscall.Mkfifo(p, 0o644); err != nil {
				t.Skip(err)
			}
		}
	}
	pdf := func(name string, b []byte) func(t *testing.T, dir string) {
		return func(t *testing.T, dir string) { write(t, dir, name, b) }
	}
	badInputs["fifo-photo"] = fifo("photos/a.jpg")
	badInputs["fifo-data"] = fifo("data.csv")
	badInputs["preflight-boxes"] = pdf("boxes.pdf", hostile.Boxes("[0 0 420 595]", "[-1e30 -1e30 1e30 1e30]"))
	badInputs["impose-count"] = pdf("count.pdf", hostile.Count(2147483647))
}

// child runs args in a child process in dir; it returns the exit code,
// the output and the peak resident memory in bytes.
func child(t *testing.T, dir string, args ...string) (int, string, int64) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), hostileDeadline)
	defer cancel()
	cmd := osexec.CommandContext(ctx, os.Args[0], "-test.run=^$")
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "BROCHURE_CHILD=run", "BROCHURE_ARGS="+strings.Join(args, "\x1f"))
	out, err := cmd.CombinedOutput()
	if ctx.Err() != nil {
		t.Fatalf("brochure %s: still running after %v", strings.Join(args, " "), hostileDeadline)
	}
	code := 0
	var ee *osexec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	rss := int64(0)
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = ru.Maxrss << 10 // KB on Linux
	}
	return code, string(out), rss
}

// TestHostilePDFs: preflight and impose of each hostile PDF end in time
// and memory with exit 1 and a message naming the budget and its flag
// (or, where the file is merely unusual, a correct answer).
func TestHostilePDFs(t *testing.T) {
	if testing.Short() {
		t.Skip("generates 500 MB of content (compressed: 0.5 MB)")
	}
	dir := t.TempDir()
	write := func(name string, b []byte) string {
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o644); err != nil {
			t.Fatal(err)
		}
		return name
	}
	cases := []struct {
		name string
		pdf  []byte
		cmd  string
		code int
		want string
	}{
		{"count", hostile.Count(2147483647), "preflight", 0, "1 page"},
		{"count", hostile.Count(2147483647), "impose", 1, "1 page: a saddle-stitched booklet needs a multiple of 4"},
		{"xobject-fan", hostile.XObjectFan(9), "preflight", 1, "XObjects drawn (forms calling forms counted each time): more than 200000"},
		{"xobject-fan", hostile.XObjectFan(9), "preflight --max-xobjects 100", 1, "raise the limit with --max-xobjects"},
		{"shared-bomb", hostile.SharedBomb(), "preflight", 1, "one stream decompressed: more than 64 MB"},
		{"shared-bomb", hostile.SharedBomb(), "impose", 1, "raise the limit with --max-stream-mb"},
		{"shared-bomb", hostile.SharedBomb(), "preflight --max-stream-mb 600 --max-decoded-mb 100", 1, "all streams decompressed: more than 100 MB"},
		{"object-999999992", hostile.HugeObjectNumber(999999992), "impose", 0, "4 pages on 1 sheets"},
		{"object-999999992", hostile.HugeObjectNumber(999999992), "preflight", 0, "4 pages"},
		{"pages-10000", hostile.Pages(10000), "preflight", 0, "10000 pages"},
		{"pages-10000", hostile.Pages(10000), "impose", 0, "10000 pages on 2500 sheets"},
		{"pages-50", hostile.Pages(50), "preflight --max-pages 40", 1, "pages: more than 40, the limit for a PDF from an unknown source; if you trust the file, raise the limit with --max-pages"},
		{"trim-1e30", hostile.Boxes("[-1e30 -1e30 1e30 1e30]", "[-1e30 -1e30 1e30 1e30]"), "impose", 1, "a PDF page side is 3 to 14400 pt"},
		{"trim-1e30", hostile.Boxes("[0 0 420 595]", "[-1e30 -1e30 1e30 1e30]"), "preflight", 1, "the TrimBox [-1e+30 -1e+30 1e+30 1e+30] is 2e+30 × 2e+30 pt"},
		{"box-nan", hostile.Boxes("[0 0 420 595]", "[0 0 NaN 595]"), "preflight", 1, "the TrimBox [NaN 0 NaN 595] is NaN × 595.0 pt"},
		{"box-zero", hostile.Boxes("[0 0 0 0]", "[0 0 0 0]"), "preflight", 1, "the MediaBox [0 0 0 0] is 0.0 × 0.0 pt"},
	}
	for _, c := range cases {
		t.Run(c.name+"/"+strings.Fields(c.cmd)[0], func(t *testing.T) {
			f := write(c.name+".pdf", c.pdf)
			args := append(strings.Fields(c.cmd), f)
			if strings.HasPrefix(c.cmd, "impose") {
				args = append(args, "-o", c.name+"-imposed.pdf")
			}
			code, out, rss := child(t, dir, args...)
			if code != c.code || !strings.Contains(out, c.want) {
				t.Errorf("brochure %s: exit %d, want %d and %q:\n%s", strings.Join(args, " "), code, c.code, c.want, out)
			}
			if strings.Contains(out, "goroutine ") || strings.Contains(out, "runtime") {
				t.Errorf("a Go runtime error:\n%s", out)
			}
			if rss > hostileMemory {
				t.Errorf("peak memory %d MB, over %d MB", rss>>20, hostileMemory>>20)
			}
			t.Logf("exit %d, peak %d MB: %s", code, rss>>20, strings.TrimSpace(out)[:min(len(strings.TrimSpace(out)), 120)])
		})
	}
}

// TestSpecialFiles: a device or FIFO given to preflight or impose, or
// named as a report, is refused at once (exit 3), never read or waited on.
func TestSpecialFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "in.pdf")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip(err)
	}
	yfifo := filepath.Join(dir, "report.yaml")
	syscall.Mkfifo(yfifo, 0o644)
	for _, args := range [][]string{
		{"preflight", "/dev/zero"}, {"preflight", fifo}, {"impose", "/dev/zero", "-o", "x.pdf"}, {"impose", fifo, "-o", "x.pdf"},
		{"validate", yfifo}, {"build", yfifo, "-o", "x.pdf"}, {"validate", "/dev/zero"},
	} {
		code, out, rss := child(t, dir, args...)
		if code != exitIO || !strings.Contains(out, "not a") || rss > hostileMemory {
			t.Errorf("brochure %s: exit %d, %d MB:\n%s", strings.Join(args, " "), code, rss>>20, out)
		}
	}
	// a FIFO lying in a batch folder: refused, the other report built
	batch := filepath.Join(dir, "batch")
	os.Mkdir(batch, 0o755)
	os.WriteFile(filepath.Join(batch, "a.yaml"), []byte(small), 0o644)
	syscall.Mkfifo(filepath.Join(batch, "b.yaml"), 0o644)
	code, out, _ := child(t, dir, "build", "batch", "-o", "pdfs")
	if _, err := os.Stat(filepath.Join(dir, "pdfs", "a.pdf")); err != nil || code != exitIO || !strings.Contains(out, "b.yaml: a named pipe (FIFO)") {
		t.Errorf("build of a folder with a FIFO: exit %d, a.pdf %v:\n%s", code, err, out)
	}
}

// TestSignalRemovesTemp: SIGINT or SIGTERM while the PDF is being written
// removes the temporary file; the previous PDF is left; the exit code is
// the shell's for the signal.
func TestSignalRemovesTemp(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		dir := t.TempDir()
		out := filepath.Join(dir, "report.pdf")
		os.WriteFile(out, []byte(previousPDF), 0o644)
		ctx, cancel := context.WithTimeout(context.Background(), hostileDeadline)
		cmd := osexec.CommandContext(ctx, os.Args[0], "-test.run=^$")
		cmd.Env = append(os.Environ(), "BROCHURE_CHILD=signal", "BROCHURE_OUT="+out)
		stdout, _ := cmd.StdoutPipe()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		line, _ := bufio.NewReader(stdout).ReadString('\n')
		if line != "writing\n" {
			t.Fatalf("child said %q", line)
		}
		if tmp := findTemps(t, dir); len(tmp) != 1 {
			t.Fatalf("temporary files while writing: %v", tmp)
		}
		cmd.Process.Signal(sig)
		err := cmd.Wait()
		cancel()
		var ee *osexec.ExitError
		if want := 128 + int(sig); !errors.As(err, &ee) || ee.ExitCode() != want {
			t.Errorf("%v: %v, want exit %d", sig, err, want)
		}
		if tmp := findTemps(t, dir); len(tmp) > 0 {
			t.Errorf("%v: temporary files left: %v", sig, tmp)
		}
		if b, _ := os.ReadFile(out); !bytes.Equal(b, []byte(previousPDF)) {
			t.Errorf("%v: the previous PDF changed", sig)
		}
	}
}

// TestStaleTemps: a write removes temporary files of its own target older
// than a minute (left by a SIGKILL), and no others.
func TestStaleTemps(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, ".report.pdf.123.tmp")
	young := filepath.Join(dir, ".report.pdf.456.tmp")
	other := filepath.Join(dir, ".other.pdf.789.tmp")
	for _, f := range []string{old, young, other} {
		os.WriteFile(f, []byte("partial"), 0o644)
	}
	hour := time.Now().Add(-time.Hour)
	os.Chtimes(old, hour, hour)
	os.Chtimes(other, hour, hour)
	if err := writeBytes(filepath.Join(dir, "report.pdf"), []byte("%PDF-1.7\n%%EOF\n")); err != nil {
		t.Fatal(err)
	}
	var names []string // base names: the temporary folder's own name may hold "123"
	for _, f := range findTemps(t, dir) {
		names = append(names, filepath.Base(f))
	}
	got := strings.Join(names, " ")
	if strings.Contains(got, ".123.") || !strings.Contains(got, ".456.") || !strings.Contains(got, ".789.") {
		t.Errorf("temporary files after the write: %s; want the hour-old one of report.pdf gone, the others kept", got)
	}
}

// TestUnreadableReport: a report the user may not read is the file
// system's problem (exit 3), not the report's (exit 1).
func TestUnreadableReport(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root reads every file")
	}
	dir := t.TempDir()
	p := filepath.Join(dir, "report.yaml")
	os.WriteFile(p, []byte(small), 0o000)
	if code, _, errs := exec("validate", p); code != exitIO || !strings.Contains(errs, "you may not read this file") {
		t.Errorf("exit %d: %s", code, errs)
	}
}

// TestPDFBudgetFlags: a budget flag below 1 is a usage error (exit 2).
func TestPDFBudgetFlags(t *testing.T) {
	for _, args := range [][]string{{"preflight", "x.pdf", "--max-pages", "0"}, {"impose", "x.pdf", "--max-stream-mb", "-5"}} {
		if code, _, errs := exec(args...); code != exitUsage || !strings.Contains(errs, "give a whole number of 1 or more") {
			t.Errorf("brochure %s: exit %d: %s", strings.Join(args, " "), code, errs)
		}
	}
}
