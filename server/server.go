// Package server is brochure's web app: an editor for one report.yaml in
// the browser (a form generated from the format's JSON Schema, grids that
// take a paste from a spreadsheet, photos dropped onto a section, the
// brochure's pages re-rendered beside the form after every edit) and a
// build API for publishing systems (POST a report, get the PDF or the
// problems as JSON).
//
// Every request needs the token (a cookie after the first visit, or
// "Authorization: Bearer"); the Host and, for changes, the Origin are
// checked; uploads are size-limited, sniffed, and written only inside the
// report's folder under names the server chooses. The package never
// prints: requests are logged through the slog.Logger it is given.
package server

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"runtime"
	"slices"
	"strings"
	"time"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/layout"
)

// Config is what a Server serves and how strictly.
type Config struct {
	// Report is the report.yaml the editor edits, as the user named it
	// (problems name it so, as the command line does). Empty: only the
	// build API is served.
	Report string
	// Token must be presented by every request. Required.
	Token string
	// Hosts are the Host header values accepted ("127.0.0.1:8080");
	// empty accepts any (a server on a public address behind a proxy).
	Hosts []string
	// Logger gets one line per request (method, path, status, ms); nil
	// logs nothing.
	Logger *slog.Logger

	Data   data.Options   // limits and permissions of reading a report
	Layout layout.Options // limits of a build

	MaxBody   int64         // bytes of one request (default 32 MB)
	MaxUpload int64         // bytes of one uploaded file (default 20 MB)
	Builds    int           // builds at once (default GOMAXPROCS)
	BuildTime time.Duration // longest a build may take (default 30 s)
	Queue     time.Duration // longest a request waits for a free build slot (default 10 s)
}

// Server is an http.Handler; make one with New.
type Server struct {
	cfg    Config
	log    *slog.Logger
	slots  chan struct{}
	schema *schema
	ed     *editor // nil without a report
	mux    *http.ServeMux
	cop    *http.CrossOriginProtection
	render *renderer
}

const cookieName = "brochure_session"

// New returns a server for cfg. With a Report it reads the file now, so a
// report that cannot be read is an error here, not in the browser.
func New(cfg Config) (*Server, error) {
	if len(cfg.Token) < 16 {
		return nil, errors.New("the token must have at least 16 characters")
	}
	if cfg.MaxBody <= 0 {
		cfg.MaxBody = 32 << 20
	}
	if cfg.MaxUpload <= 0 {
		cfg.MaxUpload = 20 << 20
	}
	if cfg.Builds <= 0 {
		cfg.Builds = runtime.GOMAXPROCS(0)
	}
	if cfg.BuildTime <= 0 {
		cfg.BuildTime = 30 * time.Second
	}
	if cfg.Queue <= 0 {
		cfg.Queue = 10 * time.Second
	}
	lg := cfg.Logger
	if lg == nil {
		lg = slog.New(slog.DiscardHandler)
	}
	sc, err := loadSchema()
	if err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, log: lg, slots: make(chan struct{}, cfg.Builds), schema: sc, mux: http.NewServeMux(),
		cop: http.NewCrossOriginProtection(), render: &renderer{}}
	if cfg.Report != "" {
		if s.ed, err = openEditor(s, cfg.Report); err != nil {
			return nil, err
		}
	}
	s.routes()
	return s, nil
}

// Warm starts what the first preview needs (PDFium) in the background, so
// that the first edit does not wait for it.
func (s *Server) Warm() {
	if s.ed != nil {
		go s.render.init()
	}
}

func (s *Server) routes() {
	m := s.mux
	m.HandleFunc("GET /api/health", s.health)
	m.HandleFunc("POST /api/build", s.apiBuild)
	m.HandleFunc("POST /api/validate", s.apiValidate)
	m.HandleFunc("GET /{$}", s.index)
	m.HandleFunc("GET /assets/{name}", s.asset)
	m.HandleFunc("GET /api/schema", s.schemaJSON)
	if s.ed != nil {
		m.HandleFunc("GET /api/doc", s.ed.getDoc)
		m.HandleFunc("POST /api/edit", s.ed.postEdit)
		m.HandleFunc("POST /api/undo", s.ed.postUndo)
		m.HandleFunc("POST /api/redo", s.ed.postRedo)
		m.HandleFunc("POST /api/save", s.ed.postSave)
		m.HandleFunc("POST /api/upload", s.ed.postUpload)
		m.HandleFunc("GET /api/page/{id}/{n}", s.ed.getPage)
		m.HandleFunc("GET /api/text/{id}/{n}", s.ed.getText)
	}
}

// ServeHTTP checks the request (Host, token, Origin), serves it and logs
// it.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	rw := &statusWriter{ResponseWriter: w, status: http.StatusOK}
	defer func() {
		// the path only: a query may hold the token
		s.log.Info("request", "method", r.Method, "path", r.URL.Path, "status", rw.status,
			"ms", float64(time.Since(start).Microseconds())/1000)
	}()
	h := rw.Header()
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("X-Frame-Options", "DENY")
	h.Set("Referrer-Policy", "no-referrer")
	h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' blob: data:; style-src 'self'; script-src 'self'; frame-ancestors 'none'")
	h.Set("Cache-Control", "no-store")
	if !s.hostOK(r.Host) {
		// DNS rebinding: a page of another site, its name pointed at
		// 127.0.0.1, still sends its own name as Host
		problem(rw, http.StatusMisdirectedRequest, "this server answers only to "+strings.Join(s.cfg.Hosts, ", ")+"; open the address brochure serve printed")
		return
	}
	// CSRF: a change must come from this server's own pages (or from a
	// client that is not a browser, which sends neither Sec-Fetch-Site
	// nor Origin)
	if err := s.cop.Check(r); err != nil {
		problem(rw, http.StatusForbidden, "a request from another site was refused (cross-origin)")
		return
	}
	if r.URL.Path == "/login" && r.Method == http.MethodPost {
		s.login(rw, r)
		return
	}
	if !s.authorized(r) {
		if r.Method == http.MethodGet && r.URL.Path == "/" {
			if t := r.URL.Query().Get("token"); t != "" && s.tokenOK(t) {
				// the token from the printed URL becomes a cookie, and
				// leaves the address bar (and the history) at once
				s.setCookie(rw, r)
				http.Redirect(rw, r, "/", http.StatusSeeOther)
				return
			}
			writeLogin(rw)
			return
		}
		rw.Header().Set("WWW-Authenticate", `Bearer realm="brochure"`)
		problem(rw, http.StatusUnauthorized, "this request needs the token: open the URL brochure serve printed, or send the header Authorization: Bearer TOKEN")
		return
	}
	r.Body = http.MaxBytesReader(rw, r.Body, s.cfg.MaxBody)
	s.mux.ServeHTTP(rw, r)
}

func (s *Server) hostOK(host string) bool {
	if len(s.cfg.Hosts) == 0 {
		return true
	}
	return slices.Contains(s.cfg.Hosts, strings.ToLower(host))
}

func (s *Server) tokenOK(t string) bool {
	return subtle.ConstantTimeCompare([]byte(t), []byte(s.cfg.Token)) == 1
}

// session is the cookie's value: derived from the token, so the cookie
// does not hold the token itself (it may be a password).
func (s *Server) session() string {
	m := hmac.New(sha256.New, []byte(s.cfg.Token))
	m.Write([]byte("brochure session cookie"))
	return hex.EncodeToString(m.Sum(nil))
}

func (s *Server) authorized(r *http.Request) bool {
	if a := r.Header.Get("Authorization"); a != "" {
		t, ok := strings.CutPrefix(a, "Bearer ")
		return ok && s.tokenOK(strings.TrimSpace(t))
	}
	c, err := r.Cookie(cookieName)
	return err == nil && subtle.ConstantTimeCompare([]byte(c.Value), []byte(s.session())) == 1
}

func (s *Server) setCookie(w http.ResponseWriter, r *http.Request) {
	http.SetCookie(w, &http.Cookie{Name: cookieName, Value: s.session(), Path: "/", HttpOnly: true,
		SameSite: http.SameSiteStrictMode, Secure: r.TLS != nil})
}

// login takes the token (or password) typed into the login page.
func (s *Server) login(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 4096)
	if err := r.ParseForm(); err != nil || !s.tokenOK(r.PostForm.Get("token")) {
		time.Sleep(500 * time.Millisecond) // slows guessing
		writeLogin(w)
		return
	}
	s.setCookie(w, r)
	http.Redirect(w, r, "/", http.StatusSeeOther)
}

func writeLogin(w http.ResponseWriter) {
	w.Header().Set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'")
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(http.StatusUnauthorized)
	io.WriteString(w, loginPage)
}

func (s *Server) health(w http.ResponseWriter, r *http.Request) {
	writeJSON(w, http.StatusOK, map[string]any{"ok": true, "builds": len(s.slots), "slots": cap(s.slots)})
}

// acquire waits for a build slot; false (and a 503 written) when none
// frees up in time.
func (s *Server) acquire(w http.ResponseWriter, r *http.Request) bool {
	t := time.NewTimer(s.cfg.Queue)
	defer t.Stop()
	select {
	case s.slots <- struct{}{}:
		return true
	case <-t.C:
	case <-r.Context().Done():
	}
	w.Header().Set("Retry-After", "1")
	problem(w, http.StatusServiceUnavailable, fmt.Sprintf("all %d build slots are busy; try again in a moment", cap(s.slots)))
	return false
}

func (s *Server) release() { <-s.slots }

// errTooSlow is a build that ran out of time.
var errTooSlow = errors.New("the build took too long")

// timed runs f, giving up after the build time. f keeps its slot until it
// really ends, so slow builds cannot pile up beyond the limit.
func (s *Server) timed(ctx context.Context, f func()) error {
	done := make(chan struct{})
	go func() {
		defer close(done)
		f()
	}()
	t := time.NewTimer(s.cfg.BuildTime)
	defer t.Stop()
	select {
	case <-done:
		return nil
	case <-t.C:
		return errTooSlow
	case <-ctx.Done():
		return ctx.Err()
	}
}

// statusWriter remembers the status for the log.
type statusWriter struct {
	http.ResponseWriter
	status int
	wrote  bool
}

func (w *statusWriter) WriteHeader(code int) {
	if !w.wrote {
		w.status, w.wrote = code, true
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	w.wrote = true
	return w.ResponseWriter.Write(b)
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(code)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.Encode(v)
}

// problem writes {"error": msg}.
func problem(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, map[string]string{"error": msg})
}

// LoopbackHosts are the Host values of a server listening on the loopback
// address addr ("127.0.0.1:8080"): the names a browser on this machine
// uses for it.
func LoopbackHosts(addr string) []string {
	_, port, err := net.SplitHostPort(addr)
	if err != nil {
		return nil
	}
	return []string{"127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port}
}
