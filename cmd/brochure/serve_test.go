package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"os"
	osexec "os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// startServe runs `brochure serve args…` until the test ends and returns
// the printed URL with its token.
func startServe(t *testing.T, args ...string) (url, token string, stderr *syncBuf) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	ready := make(chan string, 1)
	var out syncBuf
	stderr = &syncBuf{}
	done := make(chan int, 1)
	go func() { done <- serve(ctx, args, &out, stderr, ready) }()
	t.Cleanup(func() {
		cancel()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			t.Error("serve did not stop")
		}
	})
	select {
	case u := <-ready:
		base, tok, _ := strings.Cut(u, "?token=")
		if !strings.Contains(out.String(), "Editing") == strings.Contains(strings.Join(args, " "), "examples") {
			t.Errorf("the editor's line: %q", out.String())
		}
		if !strings.Contains(out.String(), base) {
			t.Errorf("the URL is not printed: %q", out.String())
		}
		return base, tok, stderr
	case code := <-done:
		t.Fatalf("serve exited %d: %s", code, stderr)
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not start")
	}
	return
}

// TestServeBuildSameBytes: the README's curl command gives the bytes
// `brochure build` writes.
func TestServeBuildSameBytes(t *testing.T) {
	want, err := os.ReadFile(buildSample(t))
	if err != nil {
		t.Fatal(err)
	}
	url, token, logs := startServe(t, filepath.Dir(sample), "--addr", "127.0.0.1:0", "--no-browser")
	src, _ := os.ReadFile(sample)
	req, _ := http.NewRequest("POST", url+"api/build", bytes.NewReader(src))
	req.Header.Set("Authorization", "Bearer "+token)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !bytes.Equal(got, want) {
		t.Errorf("POST /api/build: %d, %d bytes; brochure build wrote %d bytes (equal: %v)", resp.StatusCode, len(got), len(want), bytes.Equal(got, want))
	}
	if curl, err := osexec.LookPath("curl"); err == nil {
		out := filepath.Join(t.TempDir(), "r.pdf")
		cmd := osexec.Command(curl, "-sS", "-H", "Authorization: Bearer "+token, "--data-binary", "@"+sample, url+"api/build", "-o", out)
		if b, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("curl: %v %s", err, b)
		}
		if got, _ := os.ReadFile(out); !bytes.Equal(got, want) {
			t.Error("curl's PDF differs from brochure build's")
		}
	}
	// without the token: refused, and logged
	resp, err = http.Get(url + "api/health")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 401 {
		t.Errorf("no token: %d", resp.StatusCode)
	}
	if !strings.Contains(logs.String(), "path=/api/build status=200") || strings.Contains(logs.String(), token) {
		t.Errorf("the log: %s", logs)
	}
}

func TestServeUsage(t *testing.T) {
	dir := t.TempDir()
	short := filepath.Join(dir, "short.txt")
	os.WriteFile(short, []byte("abc\n"), 0o600)
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"serve", "--addr", "0.0.0.0:0"}, exitUsage, "--token-file"},
		{[]string{"serve", "--addr", "0.0.0.0:0", "--token-file", short}, exitUsage, "at least 16"},
		{[]string{"serve", dir}, exitIO, "has no report.yaml"},
		{[]string{"serve", "--addr", "nonsense"}, exitUsage, "HOST:PORT"},
	} {
		code, _, errs := exec(c.args...)
		if code != c.code || !strings.Contains(errs, c.want) {
			t.Errorf("%v: %d %q, want %d and %q", c.args, code, errs, c.code, c.want)
		}
	}
}

// TestServeTokenFile: a server on all addresses takes the token from the
// file.
func TestServeTokenFile(t *testing.T) {
	tf := filepath.Join(t.TempDir(), "token")
	os.WriteFile(tf, []byte("a-long-shared-secret-token\n"), 0o600)
	url, token, _ := startServe(t, "--addr", "0.0.0.0:0", "--token-file", tf, "--no-browser")
	if token != "a-long-shared-secret-token" {
		t.Errorf("token %q", token)
	}
	req, _ := http.NewRequest("GET", url+"api/health", nil)
	req.Header.Set("Authorization", "Bearer a-long-shared-secret-token")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("with the file's token: %d", resp.StatusCode)
	}
}
