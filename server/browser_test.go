package server

import (
	"context"
	"encoding/base64"
	"fmt"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	cdpruntime "github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// The editor in a real browser: Debian's chromium, driven by chromedp.
// Skipped when no chromium is installed (CI installs it).

const chromium = "/usr/bin/chromium"

// browser starts a headless chromium that resolves evil.test to this
// machine (a DNS rebinding attack's name), and returns a context for it.
func browser(t *testing.T) (context.Context, context.CancelFunc) {
	t.Helper()
	if _, err := os.Stat(chromium); err != nil {
		t.Skip("no chromium at " + chromium + " (apt-get install chromium)")
	}
	opts := append(slices.Clone(chromedp.DefaultExecAllocatorOptions[:]),
		chromedp.ExecPath(chromium),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.UserDataDir(profile(t)),
		chromedp.WindowSize(1400, 900),
		chromedp.Flag("host-resolver-rules", "MAP evil.test 127.0.0.1"),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelC := chromedp.NewContext(actx)
	ctx, cancelT := context.WithTimeout(ctx, 3*time.Minute)
	if err := chromedp.Run(ctx); err != nil {
		cancelT()
		cancelC()
		cancelA()
		t.Skipf("chromium does not start: %v", err)
	}
	return ctx, func() { cancelT(); cancelC(); cancelA() }
}

// profile is a fresh chromium profile folder, removed when the test ends
// (chromium may still be writing to it as it exits: t.TempDir's removal
// would fail the test).
func profile(t *testing.T) string {
	dir, err := os.MkdirTemp("", "brochure-chromium-*")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for range 20 {
			if os.RemoveAll(dir) == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	return dir
}

// live serves s's editor for report on a loopback port.
func live(t *testing.T, report string) (*Server, string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	s, logs := newServer(t, Config{Report: report, Hosts: LoopbackHosts(ln.Addr().String())})
	t.Cleanup(func() {
		if os.Getenv("BROCHURE_SERVE_LOG") != "" {
			t.Log(logs)
		}
	})
	hs := &httptest.Server{Listener: ln, Config: &http.Server{Handler: s}}
	hs.Start()
	t.Cleanup(hs.Close)
	return s, "http://" + ln.Addr().String()
}

// waitJS polls a JavaScript condition until it is true.
func waitJS(ctx context.Context, cond string) error {
	for {
		var ok bool
		if err := chromedp.Evaluate(cond, &ok).Do(ctx); err == nil && ok {
			return nil
		}
		select {
		case <-ctx.Done():
			return fmt.Errorf("waiting for %s: %w", cond, ctx.Err())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

func wait(cond string) chromedp.ActionFunc {
	return func(ctx context.Context) error {
		tctx, cancel := context.WithTimeout(ctx, 30*time.Second)
		defer cancel()
		return waitJS(tctx, cond)
	}
}

// typeInto replaces the text of the input with v, key by key.
func typeInto(sel, v string) chromedp.Tasks {
	return chromedp.Tasks{
		chromedp.Evaluate(fmt.Sprintf(`(()=>{const e=document.querySelector(%q); e.focus(); e.select(); return true})()`, sel), nil),
		chromedp.SendKeys(sel, v, chromedp.ByQuery),
	}
}

func q(path string) string { return fmt.Sprintf(`[data-input="%s"]`, path) }

func TestBrowser(t *testing.T) {
	ctx, cancel := browser(t)
	defer cancel()
	// run where the report is, as a user would (messages name report.yaml)
	t.Chdir(filepath.Dir(folder(t)))
	report := "report.yaml"
	_, base := live(t, report)
	shots := os.Getenv("BROCHURE_SCREENSHOTS") // a folder: the README's pictures

	pageText := `((document.querySelector('.page[data-n="0"] .pagetext')||{}).textContent||'')`
	statValue := q("sections[0].stats[0].value")

	// open with the token: the form and the first page
	if err := chromedp.Run(ctx,
		chromedp.Navigate(base+"/?token="+testToken),
		wait(`!!document.querySelector('`+statValue+`')`),
		wait(pageText+`.includes('500')`),
		// logo: (a file, or {file, header}) is a text field while absent
		wait(`(document.querySelector('`+q("logo")+`')||{}).tagName==='INPUT'`),
	); err != nil {
		t.Fatal(err)
	}
	var url string
	chromedp.Run(ctx, chromedp.Location(&url))
	if strings.Contains(url, "token") {
		t.Errorf("the token stays in the address bar: %s", url)
	}

	// edit a figure: the cover's first figure changes; measure the time
	// from the last keystroke to the new page
	var times []float64
	for i, v := range []string{"777", "778", "779", "780", "781", "782", "783", "784", "785"} {
		if err := chromedp.Run(ctx,
			typeInto(statValue, v),
			wait(pageText+`.includes('`+v+`')`),
			wait(fmt.Sprintf(`window.brochureTimings.length >= %d`, i+1)),
		); err != nil {
			t.Fatalf("edit %s: %v", v, err)
		}
	}
	var debounce int
	chromedp.Run(ctx, chromedp.Evaluate(`window.brochureTimings`, &times), chromedp.Evaluate(`window.brochureDebounce`, &debounce))
	var parts []map[string]float64
	chromedp.Run(ctx, chromedp.Evaluate(`window.brochureParts`, &parts))
	for _, p := range parts {
		t.Logf("  request sent %.0f ms, answered %.0f ms, page shown %.0f ms after the last keystroke", p["sent"], p["answered"], p["shown"])
	}
	slices.Sort(times)
	t.Logf("last keystroke to updated page: median %.0f ms (min %.0f, max %.0f, %d edits; debounce %d ms)",
		times[len(times)/2], times[0], times[len(times)-1], len(times), debounce)

	// paste a 3×2 block from a spreadsheet into a chart's grid
	cell := q("sections[5].charts[0].data[0].label")
	if err := chromedp.Run(ctx,
		chromedp.ScrollIntoView(cell, chromedp.ByQuery),
		chromedp.Evaluate(`(()=>{const dt=new DataTransfer(); dt.setData('text/plain','甲类\t11\r\n乙类\t22\r\n丙类\t33\r\n');
			document.querySelector('`+cell+`').dispatchEvent(new ClipboardEvent('paste',{clipboardData:dt,bubbles:true,cancelable:true})); return true})()`, nil),
		wait(`(document.querySelector('`+q("sections[5].charts[0].data[2].label")+`')||{}).value==='丙类'`),
		wait(`document.querySelector('`+q("sections[5].charts[0].data[2].value")+`').value==='33'`),
	); err != nil {
		t.Fatalf("paste: %v", err)
	}

	// drop a photo on a section
	photo := base64.StdEncoding.EncodeToString(testPNG(t, 1500, 1000))
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(`(()=>{const b=Uint8Array.from(atob('`+photo+`'),c=>c.charCodeAt(0));
			const dt=new DataTransfer(); dt.items.add(new File([b],'../../现场.png',{type:'image/png'}));
			document.querySelector('fieldset[data-section="1"]').dispatchEvent(new DragEvent('drop',{dataTransfer:dt,bubbles:true,cancelable:true})); return true})()`, nil),
		wait(`(document.querySelector('`+q("sections[1].photos[0].file")+`')||{}).value.startsWith('photos/')`),
	); err != nil {
		t.Fatalf("drop: %v", err)
	}
	if ents, _ := os.ReadDir(filepath.Join(filepath.Dir(report), "photos")); len(ents) != 1 {
		t.Errorf("photos/ holds %v", ents)
	}

	// add a section, move it up, undo the move
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(`[...document.querySelectorAll('#form > button')].find(b=>b.textContent.includes('新增一节')).click(); true`, nil),
		wait(`(document.querySelector('`+q("sections[10].title")+`')||{}).value==='新的一节'`),
		chromedp.Evaluate(`document.querySelector('fieldset[data-section="10"] legend button').click(); true`, nil),
		wait(`(document.querySelector('`+q("sections[9].title")+`')||{}).value==='新的一节'`),
		chromedp.Click("#undo", chromedp.ByQuery),
		wait(`(document.querySelector('`+q("sections[10].title")+`')||{}).value==='新的一节'`),
	); err != nil {
		t.Fatalf("sections: %v", err)
	}

	if shots != "" {
		chromedp.Run(ctx,
			chromedp.Evaluate(`document.querySelector('[data-path="sections[5].charts[0]"]').scrollIntoView(); document.querySelector('.page[data-n="4"]').scrollIntoView(); true`, nil),
			wait(`(f=>f.dataset.has===f.dataset.want)(document.querySelector('.page[data-n="4"]'))`),
			chromedp.Sleep(300*time.Millisecond))
		screenshot(t, ctx, filepath.Join(shots, "serve-editor.png"))
	}

	// an invalid value: the message beside the field, the preview stays
	var before, after string
	if err := chromedp.Run(ctx,
		chromedp.Evaluate(`document.querySelector('.page[data-n="0"]').dataset.has`, &before),
		typeInto(statValue, "abc"),
		wait(`document.querySelector('[data-path="sections[0].stats[0].value"] .msg').textContent.includes('want a number, got the string "abc"')`),
		chromedp.Evaluate(`document.querySelector('.page[data-n="0"]').dataset.has`, &after),
	); err != nil {
		t.Fatalf("invalid value: %v", err)
	}
	var msg, text string
	chromedp.Run(ctx,
		chromedp.Evaluate(`document.querySelector('[data-path="sections[0].stats[0].value"] .msg').textContent`, &msg),
		chromedp.Evaluate(pageText, &text))
	if !strings.HasPrefix(msg, "report.yaml:25:17: ") {
		t.Errorf("the message does not say where, as the command line does: %q", msg)
	}
	if before != after || !strings.Contains(text, "785") {
		t.Errorf("the preview changed on an invalid edit: %s → %s, text %q", before, after, text)
	}
	if shots != "" {
		chromedp.Run(ctx, chromedp.Evaluate(`document.querySelector('fieldset[data-section="0"]').scrollIntoView(); document.querySelector('.page[data-n="0"]').scrollIntoView(); true`, nil), chromedp.Sleep(300*time.Millisecond))
		screenshot(t, ctx, filepath.Join(shots, "serve-problem.png"))
	}

	// fix it and save: the comments are kept
	if err := chromedp.Run(ctx,
		typeInto(statValue, "600"),
		wait(pageText+`.includes('600')`),
		chromedp.Click("#save", chromedp.ByQuery),
		wait(`document.querySelector('#status').className===''`),
	); err != nil {
		t.Fatalf("save: %v", err)
	}
	saved, _ := os.ReadFile(report)
	for _, want := range []string{
		"# 宁波公安这一年 —— 2020年工作回顾（宁波市公安局年度回顾新闻版面）\n",
		"# - The publication date is not in the extracted text; it comes from the brief.\n",
		"      - {value: 600, unit: 余场, label: 教育活动}\n",
		"          - {label: 丙类, value: 33}\n",
		"    photos:\n      - {file: photos/",
		"\n\n  - title: 新的一节\n",
	} {
		if !strings.Contains(string(saved), want) {
			t.Errorf("report.yaml after saving lacks %q", want)
		}
	}

	// a change on disk: the page reloads it and says so
	os.WriteFile(report, []byte(strings.Replace(string(saved), "title: 宁波公安这一年", "title: 宁波公安这一年（修订）", 1)), 0o644)
	if err := chromedp.Run(ctx,
		wait(`document.querySelector('`+q("title")+`').value==='宁波公安这一年（修订）'`),
		wait(`!document.querySelector('#notice').hidden && document.querySelector('#notice').textContent.includes('已重新载入')`),
	); err != nil {
		t.Fatalf("reload: %v", err)
	}

	// without the token (a fresh browser profile), and under a foreign
	// name pointing here (DNS rebinding): refused
	var status int
	chromedp.Run(ctx, chromedp.Evaluate(`fetch('/api/doc',{credentials:'omit'}).then(r=>r.status)`, &status, func(p *cdpruntime.EvaluateParams) *cdpruntime.EvaluateParams { return p.WithAwaitPromise(true) }))
	if status != 401 {
		t.Errorf("a request without the cookie: %d, want 401", status)
	}
	nctx := ctx
	if err := chromedp.Run(ctx, network.ClearBrowserCookies()); err != nil {
		t.Fatal(err)
	}
	var body string
	if err := chromedp.Run(nctx, chromedp.Navigate(base+"/api/doc"), chromedp.Text("body", &body, chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(body, "needs the token") {
		t.Errorf("without the token: %q", body)
	}
	port := base[strings.LastIndex(base, ":")+1:]
	if err := chromedp.Run(nctx, chromedp.Navigate("http://evil.test:"+port+"/?token="+testToken), chromedp.Text("body", &body, chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(body, "answers only to") {
		t.Errorf("a foreign Host: %q", body)
	}
}

func screenshot(t *testing.T, ctx context.Context, path string) {
	var b []byte
	if err := chromedp.Run(ctx, chromedp.CaptureScreenshot(&b)); err != nil {
		t.Error(err)
		return
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Error(err)
	}
}
