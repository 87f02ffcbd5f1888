package server

import (
	"bytes"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/layout"
)

const testToken = "test-token-0123456789abcdef"

const sample = "../examples/year-in-review-2020/report.yaml"

// folder copies the sample into a fresh folder and returns its report.
func folder(t testing.TB) string {
	t.Helper()
	dir := t.TempDir()
	b, err := os.ReadFile(sample)
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "report.yaml")
	if err := os.WriteFile(p, b, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

type logBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuf) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *logBuf) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func newServer(t testing.TB, cfg Config) (*Server, *logBuf) {
	t.Helper()
	if cfg.Token == "" {
		cfg.Token = testToken
	}
	lb := &logBuf{}
	cfg.Logger = slog.New(slog.NewTextHandler(lb, nil))
	s, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	return s, lb
}

// do sends a request with the token and Host 127.0.0.1:8080.
func do(s http.Handler, method, target string, body io.Reader, hdr ...string) *httptest.ResponseRecorder {
	r := httptest.NewRequest(method, target, body)
	r.Host = "127.0.0.1:8080"
	r.Header.Set("Authorization", "Bearer "+testToken)
	for i := 0; i+1 < len(hdr); i += 2 {
		if hdr[i+1] == "" {
			r.Header.Del(hdr[i])
		} else {
			r.Header.Set(hdr[i], hdr[i+1])
		}
	}
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	return w
}

// cliBuild is what `brochure build` writes for the report at path.
func cliBuild(t testing.TB, path string) []byte {
	t.Helper()
	r, err := data.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	d, err := layout.New(r)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := d.Write(&b); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestBuildAPI(t *testing.T) {
	s, logs := newServer(t, Config{Hosts: LoopbackHosts("127.0.0.1:8080")})
	src, _ := os.ReadFile(sample)
	w := do(s, "POST", "/api/build", bytes.NewReader(src))
	if w.Code != 200 || w.Header().Get("Content-Type") != "application/pdf" {
		t.Fatalf("build: %d %s", w.Code, w.Body.String())
	}
	if !bytes.Equal(w.Body.Bytes(), cliBuild(t, sample)) {
		t.Error("the API's PDF differs from the command line's")
	}
	if !strings.Contains(logs.String(), "method=POST path=/api/build status=200 ms=") {
		t.Errorf("the request is not logged: %s", logs)
	}

	bad := strings.Replace(string(src), "{value: 500, unit: 余场", "{value: abc, unit: 余场", 1)
	w = do(s, "POST", "/api/build", strings.NewReader(bad))
	var out struct{ Problems []Problem }
	if w.Code != 422 || json.Unmarshal(w.Body.Bytes(), &out) != nil || len(out.Problems) != 1 {
		t.Fatalf("bad report: %d %s", w.Code, w.Body.String())
	}
	want := Problem{File: "report.yaml", Line: 25, Column: 17, Field: "sections[0].stats[0].value", Message: `want a number, got the string "abc"`}
	if out.Problems[0] != want {
		t.Errorf("problem %+v, want %+v", out.Problems[0], want)
	}

	w = do(s, "POST", "/api/validate", bytes.NewReader(src))
	if w.Code != 200 || !strings.Contains(w.Body.String(), `"pages":6`) {
		t.Errorf("validate: %d %s", w.Code, w.Body.String())
	}
	w = do(s, "GET", "/api/health", nil)
	if w.Code != 200 || !strings.Contains(w.Body.String(), `"ok":true`) {
		t.Errorf("health: %d %s", w.Code, w.Body.String())
	}
}

func testPNG(t testing.TB, w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for i := range img.Pix {
		img.Pix[i] = byte(i * 7)
	}
	img.Set(0, 0, color.White)
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func multipartBody(t testing.TB, report string, files map[string][]byte) (io.Reader, string) {
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	fw, _ := mw.CreateFormFile("report", "report.yaml")
	io.WriteString(fw, report)
	for name, body := range files {
		fw, _ := mw.CreateFormFile("file", name)
		fw.Write(body)
	}
	mw.Close()
	return &b, mw.FormDataContentType()
}

func TestBuildAPIMultipart(t *testing.T) {
	s, _ := newServer(t, Config{})
	report := "title: 测试\nsections:\n  - title: 一节\n    photos:\n      - {file: photos/a.png, caption: 图}\n    charts:\n      - {type: bar, data: {file: d.csv}}\n"
	files := map[string][]byte{"photos/a.png": testPNG(t, 1200, 800), "d.csv": []byte("甲,1\n乙,2\n")}
	body, ct := multipartBody(t, report, files)
	w := do(s, "POST", "/api/build", body, "Content-Type", ct)
	if w.Code != 200 || !bytes.HasPrefix(w.Body.Bytes(), []byte("%PDF-")) {
		t.Fatalf("multipart build: %d %s", w.Code, w.Body.String())
	}
	// a name that climbs out, a file that is not what it says, a kind not accepted
	for _, c := range []struct {
		name string
		body []byte
		code int
	}{
		{"../escape.png", testPNG(t, 10, 10), 400},
		{"/etc/passwd.png", testPNG(t, 10, 10), 400},
		{"photos/a.png", []byte("GIF89a......"), 415},
		{"photos/a.gif", []byte("GIF89a......"), 400},
	} {
		body, ct := multipartBody(t, report, map[string][]byte{c.name: c.body})
		w := do(s, "POST", "/api/build", body, "Content-Type", ct)
		if w.Code != c.code {
			t.Errorf("%s: %d %s, want %d", c.name, w.Code, w.Body.String(), c.code)
		}
	}
}

// TestSecurity: each check, and that the request passes without the
// fault; removing a check makes its case fail.
func TestSecurity(t *testing.T) {
	s, _ := newServer(t, Config{Report: folder(t), Hosts: LoopbackHosts("127.0.0.1:8080"), MaxBody: 1 << 20})
	cases := []struct {
		name   string
		method string
		target string
		body   string
		hdr    []string
		code   int
	}{
		{"with the token", "GET", "/api/health", "", nil, 200},
		{"no token", "GET", "/api/health", "", []string{"Authorization", ""}, 401},
		{"wrong token", "GET", "/api/health", "", []string{"Authorization", "Bearer wrong-token-0123456789abc"}, 401},
		{"token in the query of an API call", "GET", "/api/health?token=" + testToken, "", []string{"Authorization", ""}, 401},
		{"no token, the page: the login form", "GET", "/", "", []string{"Authorization", ""}, 401},
		{"foreign Host (DNS rebinding)", "GET", "/api/health", "", []string{"Host", "evil.example:8080"}, 421},
		{"localhost is this machine", "GET", "/api/health", "", []string{"Host", "localhost:8080"}, 200},
		{"cross-site POST (CSRF)", "POST", "/api/validate", "title: x\nsections: [{title: y}]\n", []string{"Origin", "http://evil.example", "Sec-Fetch-Site", "cross-site"}, 403},
		{"foreign Origin without Sec-Fetch-Site", "POST", "/api/validate", "title: x\nsections: [{title: y}]\n", []string{"Origin", "http://evil.example"}, 403},
		{"cross-site without Origin", "POST", "/api/validate", "title: x\nsections: [{title: y}]\n", []string{"Sec-Fetch-Site", "cross-site"}, 403},
		{"a login form posted from another site", "POST", "/login", "token=" + testToken, []string{"Authorization", "", "Origin", "http://evil.example", "Content-Type", "application/x-www-form-urlencoded"}, 403},
		{"own Origin", "POST", "/api/validate", "title: x\nsections: [{title: y}]\n", []string{"Origin", "http://127.0.0.1:8080", "Sec-Fetch-Site", "same-origin"}, 200},
		{"request too large", "POST", "/api/validate", strings.Repeat("#", 2<<20), nil, 413},
		{"an asset by a path", "GET", "/assets/..%2fserver.go", "", nil, 404},
		{"an asset not in the list", "GET", "/assets/index.html", "", nil, 404},
		{"an asset", "GET", "/assets/app.js", "", nil, 200},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			r := httptest.NewRequest(c.method, c.target, strings.NewReader(c.body))
			r.Host = "127.0.0.1:8080"
			r.Header.Set("Authorization", "Bearer "+testToken)
			for i := 0; i+1 < len(c.hdr); i += 2 {
				switch {
				case c.hdr[i] == "Host":
					r.Host = c.hdr[i+1]
				case c.hdr[i+1] == "":
					r.Header.Del(c.hdr[i])
				default:
					r.Header.Set(c.hdr[i], c.hdr[i+1])
				}
			}
			w := httptest.NewRecorder()
			s.ServeHTTP(w, r)
			if w.Code != c.code {
				t.Errorf("%s %s: %d %s, want %d", c.method, c.target, w.Code, w.Body.String(), c.code)
			}
		})
	}
}

// TestCookie: the printed URL's token becomes a cookie (and leaves the
// address bar); the cookie then authorizes; it is not the token itself.
func TestCookie(t *testing.T) {
	s, _ := newServer(t, Config{Report: folder(t), Hosts: LoopbackHosts("127.0.0.1:8080")})
	w := do(s, "GET", "/?token="+testToken, nil, "Authorization", "")
	if w.Code != http.StatusSeeOther || w.Header().Get("Location") != "/" {
		t.Fatalf("first visit: %d %v", w.Code, w.Header())
	}
	cs := w.Result().Cookies()
	if len(cs) != 1 || !cs[0].HttpOnly || cs[0].SameSite != http.SameSiteStrictMode || cs[0].Value == testToken {
		t.Fatalf("cookie: %+v", cs)
	}
	r := httptest.NewRequest("GET", "/api/doc", nil)
	r.Host = "127.0.0.1:8080"
	r.AddCookie(cs[0])
	w = httptest.NewRecorder()
	s.ServeHTTP(w, r)
	if w.Code != 200 {
		t.Errorf("with the cookie: %d", w.Code)
	}
	r.Header.Set("Cookie", cookieName+"=forged")
	w = httptest.NewRecorder()
	s.ServeHTTP(w, r)
	if w.Code != 401 {
		t.Errorf("with a forged cookie: %d", w.Code)
	}
	// the login form takes the token too (a password on a shared server)
	r = httptest.NewRequest("POST", "/login", strings.NewReader("token="+testToken))
	r.Host = "127.0.0.1:8080"
	r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	w = httptest.NewRecorder()
	s.ServeHTTP(w, r)
	if w.Code != http.StatusSeeOther || len(w.Result().Cookies()) != 1 {
		t.Errorf("login: %d", w.Code)
	}
}

func TestNeedsToken(t *testing.T) {
	if _, err := New(Config{Token: "short"}); err == nil {
		t.Error("a short token was accepted")
	}
}

// TestUpload: only JPEG and PNG photos, under the size limit, written into
// the report's photos/ under a name the server chose.
func TestUpload(t *testing.T) {
	report := folder(t)
	dir := filepath.Dir(report)
	s, _ := newServer(t, Config{Report: report, MaxUpload: 1 << 20})
	pngBytes := testPNG(t, 900, 600)
	cases := []struct {
		name  string
		query string
		body  []byte
		code  int
	}{
		{"a GIF", "section=0", []byte("GIF89a\x01\x00\x01\x00"), 415},
		{"an HTML page", "section=0", []byte("<html><script>alert(1)</script>"), 415},
		{"too large", "section=0", append([]byte("\x89PNG\r\n\x1a\n"), make([]byte, 2<<20)...), 413},
		{"a truncated PNG", "section=0", pngBytes[:20], 415},
		{"a spreadsheet on a section", "section=0", []byte("a,1\n"), 415},
		{"a photo on a chart", "section=5&chart=0", pngBytes, 415},
		{"a web page on a chart", "section=5&chart=0", []byte("<html><body>a,1</body></html>\n"), 415},
		{"a spreadsheet on a chart", "section=5&chart=0", []byte("甲,1\n乙,2\n"), 200},
		{"a photo, with a path in the query", "section=0&name=../../evil.png", pngBytes, 200},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			w := do(s, "POST", "/api/upload?"+c.query, bytes.NewReader(c.body), "Content-Type", "application/octet-stream")
			if w.Code != c.code {
				t.Fatalf("%d %s, want %d", w.Code, w.Body.String(), c.code)
			}
		})
	}
	if ents, _ := os.ReadDir(filepath.Join(dir, "data")); len(ents) != 1 || !strings.HasSuffix(ents[0].Name(), ".csv") {
		t.Errorf("data/: %v", ents)
	}
	ents, _ := os.ReadDir(filepath.Join(dir, "photos"))
	if len(ents) != 1 || !strings.HasSuffix(ents[0].Name(), ".png") {
		t.Fatalf("photos/: %v", ents)
	}
	all, _ := filepath.Glob(filepath.Join(dir, "..", "*.png"))
	if len(all) != 0 {
		t.Errorf("a file was written outside the report's folder: %v", all)
	}
	// the draft names the photo in section 0
	w := do(s, "GET", "/api/doc", nil)
	if !strings.Contains(w.Body.String(), `"file":"photos/`+ents[0].Name()+`"`) {
		t.Errorf("the photo is not in the report: %s", w.Body.String()[:300])
	}
	// photos/ as a symlink to elsewhere is refused
	report2 := folder(t)
	out := t.TempDir()
	os.Symlink(out, filepath.Join(filepath.Dir(report2), "photos"))
	s2, _ := newServer(t, Config{Report: report2})
	w = do(s2, "POST", "/api/upload?section=0", bytes.NewReader(pngBytes))
	if w.Code == 200 {
		t.Error("a photo was written through a symlinked photos/")
	}
	if ents, _ := os.ReadDir(out); len(ents) != 0 {
		t.Errorf("written outside: %v", ents)
	}
}

// TestLimits: concurrent builds and time per build.
func TestLimits(t *testing.T) {
	src, _ := os.ReadFile(sample)
	t.Run("slots", func(t *testing.T) {
		s, _ := newServer(t, Config{Builds: 1, Queue: 50 * time.Millisecond})
		s.slots <- struct{}{} // a build in progress
		w := do(s, "POST", "/api/build", bytes.NewReader(src))
		if w.Code != 503 || w.Header().Get("Retry-After") == "" {
			t.Errorf("all slots busy: %d %s", w.Code, w.Body.String())
		}
		<-s.slots
		if w := do(s, "POST", "/api/build", bytes.NewReader(src)); w.Code != 200 {
			t.Errorf("a slot free: %d", w.Code)
		}
	})
	t.Run("time", func(t *testing.T) {
		s, _ := newServer(t, Config{BuildTime: time.Nanosecond})
		w := do(s, "POST", "/api/build", bytes.NewReader(src))
		if w.Code != 503 || !strings.Contains(w.Body.String(), "took longer") {
			t.Errorf("a build over time: %d %s", w.Code, w.Body.String())
		}
	})
}

// TestEditor: edit, invalid edit keeps the preview, save keeps comments,
// undo, a change on disk is reloaded.
func TestEditor(t *testing.T) {
	report := folder(t)
	s, _ := newServer(t, Config{Report: report})
	edit := func(ops string) map[string]any {
		t.Helper()
		w := do(s, "POST", "/api/edit", strings.NewReader(`{"ops":`+ops+`}`), "Content-Type", "application/json")
		var st map[string]any
		if err := json.Unmarshal(w.Body.Bytes(), &st); err != nil || w.Code != 200 {
			t.Fatalf("edit %s: %d %s", ops, w.Code, w.Body.String())
		}
		return st
	}
	st := edit(`[{"op":"set","path":["sections",0,"stats",0,"value"],"value":"600"}]`)
	good := st["preview"].(map[string]any)["id"]
	if len(st["problems"].([]any)) != 0 || st["dirty"] != true {
		t.Fatalf("after a good edit: %v", st["problems"])
	}
	w := do(s, "GET", fmt.Sprintf("/api/text/%v/1", good), nil)
	if !strings.Contains(w.Body.String(), "600") {
		t.Errorf("page 2 of the preview does not show 600: %q", w.Body.String())
	}
	if w := do(s, "GET", fmt.Sprintf("/api/page/%v/0", good), nil); w.Code != 200 || !bytes.HasPrefix(w.Body.Bytes(), []byte("\x89PNG")) {
		t.Errorf("page image: %d", w.Code)
	}
	st = edit(`[{"op":"set","path":["sections",0,"stats",0,"value"],"value":"5OO"}]`)
	ps := st["problems"].([]any)
	if len(ps) != 1 || ps[0].(map[string]any)["field"] != "sections[0].stats[0].value" {
		t.Errorf("invalid edit: %v", ps)
	}
	if st["preview"].(map[string]any)["id"] != good {
		t.Error("an invalid edit replaced the preview")
	}
	edit(`[{"op":"set","path":["sections",0,"stats",0,"value"],"value":"700"}]`)
	if w := do(s, "POST", "/api/save", nil); w.Code != 200 {
		t.Fatalf("save: %d", w.Code)
	}
	saved, _ := os.ReadFile(report)
	orig, _ := os.ReadFile(sample)
	if want := strings.Replace(string(orig), "{value: 500, unit: 余场", "{value: 700, unit: 余场", 1); string(saved) != want {
		t.Errorf("saved file differs from the original by more than the edit")
	}
	// undo goes back to 5OO
	w = do(s, "POST", "/api/undo", nil)
	if !strings.Contains(w.Body.String(), `"value":"5OO"`) {
		t.Errorf("undo: %s", w.Body.String()[:200])
	}
	// another program writes the file
	time.Sleep(10 * time.Millisecond)
	os.WriteFile(report, []byte(strings.Replace(string(orig), "title: 宁波公安这一年", "title: 外部修改", 1)), 0o644)
	w = do(s, "GET", "/api/doc?rev=0", nil)
	if !strings.Contains(w.Body.String(), "外部修改") || !strings.Contains(w.Body.String(), `"notice":"reloaded"`) {
		t.Errorf("a change on disk was not reloaded: %s", w.Body.String()[:300])
	}
}
