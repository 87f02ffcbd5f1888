package server

import (
	"embed"
	"net/http"

	"github.com/brochure-dev/brochure/data"
)

// The editor's page: plain HTML, JavaScript and CSS, no build step.
//
//go:embed assets/index.html assets/app.js assets/style.css
var assets embed.FS

// assetTypes are the files served under /assets/, by name: a request
// names one of these or gets 404 (its path never reaches the file system).
var assetTypes = map[string]string{
	"app.js":    "text/javascript; charset=utf-8",
	"style.css": "text/css; charset=utf-8",
}

func (s *Server) asset(w http.ResponseWriter, r *http.Request) {
	name := r.PathValue("name")
	ct, ok := assetTypes[name]
	if !ok {
		http.NotFound(w, r)
		return
	}
	b, _ := assets.ReadFile("assets/" + name)
	w.Header().Set("Content-Type", ct)
	w.Write(b)
}

func (s *Server) index(w http.ResponseWriter, r *http.Request) {
	if s.ed == nil {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte("brochure build API: POST /api/build, POST /api/validate, GET /api/health (see the README)\n"))
		return
	}
	b, _ := assets.ReadFile("assets/index.html")
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(b)
}

func (s *Server) schemaJSON(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/schema+json")
	w.Write(data.Schema())
}

// loginPage asks for the token (or password) when a browser comes
// without it.
const loginPage = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>brochure</title>
<style>body{font:16px/1.6 system-ui,sans-serif;max-width:28em;margin:15vh auto;padding:0 1em}input{font:inherit;width:100%;box-sizing:border-box;margin:.5em 0;padding:.4em}</style></head>
<body><h1>brochure</h1>
<p>请打开 <code>brochure serve</code> 打印出的网址，或在下面输入口令。<br>Open the URL <code>brochure serve</code> printed, or enter the token.</p>
<form method="post" action="/login"><input type="password" name="token" autocomplete="current-password" autofocus aria-label="token"><button type="submit">进入 / Enter</button></form>
</body></html>
`
