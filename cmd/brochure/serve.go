package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	osexec "os/exec"
	"os/signal"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/brochure-dev/brochure/layout"
	"github.com/brochure-dev/brochure/server"
)

// serveHelp is `brochure serve --help`.
const serveHelp = `brochure serve — edit a report in the browser, with the brochure's pages beside the form; and a build API.

Usage:
  brochure serve [FOLDER|report.yaml] [--addr 127.0.0.1:8080] [--token-file FILE] [--no-browser]

Prints a URL with a token and opens it in the browser. The form has every field of the report;
figures and chart data are grids that take a paste from Excel/WPS; photos are added by dropping
them on a section; every edit rebuilds the preview; Save writes report.yaml keeping its comments.
Without a report (no argument and no report.yaml here) only the build API is served:
  POST /api/build      a report.yaml (body, or multipart: "report" and "file" parts) → the PDF,
                       or 422 with the problems as JSON
  POST /api/validate   the same, checking only
  GET  /api/health     for load balancers' probes
Every request needs the token: the browser gets a cookie from the printed URL; other clients send
"Authorization: Bearer TOKEN".

Options:
  --addr HOST:PORT     where to listen (default 127.0.0.1:8080; port 0 picks a free one)
  --token-file FILE    the token (or password) to require, from a file; required when --addr is not
                       a loopback address. Without it a new random token is made for this run
  --host NAME[:PORT]   also accept requests for this host name (behind a proxy); repeatable
  --no-browser         do not open the browser
  --max-builds N       builds at once (default: the number of CPU cores)
  --build-timeout D    the longest one build may take (default 30s)
  --max-request-mb N   the largest request (default 32)

` + limitsHelp + `

Examples:
  brochure serve 2021年度回顾
  T=$(cat token.txt); brochure serve --addr 0.0.0.0:8080 --token-file token.txt
  curl -H "Authorization: Bearer $T" --data-binary @report.yaml http://127.0.0.1:8080/api/build -o report.pdf
`

// serveOptions are serve's flags.
type serveOptions struct {
	addr, tokenFile string
	hosts           multiFlag
	noBrowser       bool
	builds          int
	timeout         time.Duration
	maxMB           int
	cfg             settings
}

func (o *serveOptions) flags(fs *flag.FlagSet) {
	fs.StringVar(&o.addr, "addr", "127.0.0.1:8080", "where to listen")
	fs.StringVar(&o.tokenFile, "token-file", "", "file holding the token or password")
	fs.Var(&o.hosts, "host", "another accepted host name")
	fs.BoolVar(&o.noBrowser, "no-browser", false, "do not open the browser")
	o.builds = runtime.NumCPU()
	fs.Func("max-builds", "builds at once (default: the number of CPU cores)", whole(&o.builds))
	fs.DurationVar(&o.timeout, "build-timeout", 30*time.Second, "longest build")
	o.maxMB = 32
	fs.Func("max-request-mb", "largest request in MB (default 32)", whole(&o.maxMB))
	o.cfg.limitFlags(fs)
}

// serveSetup is `brochure serve`; it runs until Ctrl-C (SIGINT) or SIGTERM.
func serveSetup(fs *flag.FlagSet) runner {
	var o serveOptions
	o.flags(fs)
	return func(operands []string, stdout, stderr io.Writer) int {
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		return o.serve(ctx, operands, stdout, stderr, nil)
	}
}

// serve parses args as the command line does and runs the server until
// ctx is done. ready, when not nil, gets the URL (with the token) once the
// server listens (for tests).
func serve(ctx context.Context, args []string, stdout, stderr io.Writer, ready chan<- string) int {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	var o serveOptions
	o.flags(fs)
	pos, err := parseOperands(fs, args)
	if err != nil {
		return usageErr(stderr, "serve", err)
	}
	return o.serve(ctx, pos, stdout, stderr, ready)
}

func (o *serveOptions) serve(ctx context.Context, pos []string, stdout, stderr io.Writer, ready chan<- string) int {
	if len(pos) > 1 {
		return usageErr(stderr, "serve", fmt.Errorf("give one folder or report.yaml, not %d", len(pos)))
	}
	report, err := reportPath(pos)
	if err != nil {
		fmt.Fprintf(stderr, "brochure serve: %v\n", err)
		return exitIO
	}
	host, port, err := net.SplitHostPort(o.addr)
	if err != nil {
		return usageErr(stderr, "serve", fmt.Errorf("--addr %q: want HOST:PORT, e.g. 127.0.0.1:8080", o.addr))
	}
	loopback := host == "localhost"
	if ip := net.ParseIP(host); ip != nil && ip.IsLoopback() {
		loopback = true
	}
	token := ""
	switch {
	case o.tokenFile != "":
		b, err := os.ReadFile(o.tokenFile)
		if err != nil {
			fmt.Fprintf(stderr, "brochure serve: --token-file: %v\n", err)
			return exitIO
		}
		token = strings.TrimSpace(string(b))
		if len(token) < 16 {
			fmt.Fprintf(stderr, "brochure serve: the token in %s has %d characters; use at least 16 (e.g. head -c 24 /dev/urandom | base64 > %s)\n", o.tokenFile, len(token), o.tokenFile)
			return exitUsage
		}
	case !loopback:
		return usageErr(stderr, "serve", fmt.Errorf("--addr %s is reachable from other machines: give the token (or password) they must present with --token-file FILE", o.addr))
	default:
		b := make([]byte, 16)
		rand.Read(b)
		token = hex.EncodeToString(b)
	}
	ln, err := net.Listen("tcp", o.addr)
	if err != nil {
		fmt.Fprintf(stderr, "brochure serve: cannot listen on %s: %v (is another brochure serve running? try --addr 127.0.0.1:0)\n", o.addr, err)
		return exitIO
	}
	defer ln.Close()
	if port == "0" {
		_, port, _ = net.SplitHostPort(ln.Addr().String())
	}
	var allowed []string
	if loopback {
		allowed = server.LoopbackHosts(net.JoinHostPort(host, port))
	}
	if len(allowed) > 0 || len(o.hosts) > 0 {
		for _, h := range o.hosts {
			allowed = append(allowed, strings.ToLower(h))
			if !strings.Contains(h, ":") {
				allowed = append(allowed, strings.ToLower(h)+":"+port)
			}
		}
	}
	cfg := o.cfg
	srv, err := server.New(server.Config{
		Report: report, Token: token, Hosts: allowed,
		Logger: slog.New(slog.NewTextHandler(stderr, nil)),
		Data:   cfg.data, Layout: layout.Options{Limits: cfg.layout},
		MaxBody: int64(o.maxMB) << 20, Builds: o.builds, BuildTime: o.timeout,
	})
	if err != nil {
		fmt.Fprintf(stderr, "brochure serve: %v\n", err)
		return exitIO
	}
	srv.Warm()
	shown := host
	if host == "" || host == "0.0.0.0" || host == "::" {
		shown = "127.0.0.1"
	}
	url := "http://" + net.JoinHostPort(shown, port) + "/"
	// a token from a file is a shared secret: it is not printed (logs of
	// containers are read by many)
	shownToken, link := token, url+"?token="+token
	if o.tokenFile != "" {
		shownToken, link = "$(cat "+o.tokenFile+")", url+" (enter the token from "+o.tokenFile+")"
	}
	if report != "" {
		fmt.Fprintf(stdout, "Editing %s. Open in the browser:\n  %s\n", report, link)
	} else {
		fmt.Fprintf(stdout, "No report.yaml here: serving only the build API at %sapi/build\n", url)
	}
	fmt.Fprintf(stdout, "Build API: curl -H \"Authorization: Bearer %s\" --data-binary @report.yaml %sapi/build -o report.pdf\nCtrl-C stops.\n", shownToken, url)
	if report != "" && !o.noBrowser && colorOK(stdout) && os.Getenv("CI") == "" {
		openBrowser(url + "?token=" + token)
	}
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute}
	done := make(chan error, 1)
	go func() { done <- hs.Serve(ln) }()
	if ready != nil {
		ready <- url + "?token=" + token
	}
	select {
	case err := <-done:
		if !errors.Is(err, http.ErrServerClosed) {
			fmt.Fprintf(stderr, "brochure serve: %v\n", err)
			return exitIO
		}
	case <-ctx.Done():
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		hs.Shutdown(sctx)
		fmt.Fprintln(stdout, "stopped")
	}
	return exitOK
}

// reportPath is the report a serve argument names: a report.yaml, or a
// folder holding one; no argument: ./report.yaml if there is one, else ""
// (the API only).
func reportPath(pos []string) (string, error) {
	if len(pos) == 0 {
		if _, err := os.Stat("report.yaml"); err == nil {
			return "report.yaml", nil
		}
		return "", nil
	}
	p := pos[0]
	fi, err := os.Stat(p)
	if err != nil {
		return "", fmt.Errorf("%s: not found; give a report.yaml or the folder that holds it", p)
	}
	if fi.IsDir() {
		p = filepath.Join(p, "report.yaml")
		if _, err := os.Stat(p); err != nil {
			return "", fmt.Errorf("%s has no report.yaml; start one with brochure init %s", pos[0], pos[0])
		}
	}
	return p, nil
}

// openBrowser opens url in the desktop's browser, when there is a desktop.
func openBrowser(url string) {
	var cmd *osexec.Cmd
	switch runtime.GOOS {
	case "darwin":
		cmd = osexec.Command("open", url)
	case "windows":
		cmd = osexec.Command("rundll32", "url.dll,FileProtocolHandler", url)
	default:
		if os.Getenv("DISPLAY") == "" && os.Getenv("WAYLAND_DISPLAY") == "" {
			return
		}
		cmd = osexec.Command("xdg-open", url)
	}
	if cmd.Start() == nil {
		go cmd.Wait()
	}
}

// multiFlag is a flag given several times.
type multiFlag []string

func (m *multiFlag) String() string     { return strings.Join(*m, ",") }
func (m *multiFlag) Set(v string) error { *m = append(*m, v); return nil }
