package server

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"image"
	_ "image/jpeg" // DecodeConfig of dropped photos
	_ "image/png"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"time"

	"github.com/brochure-dev/brochure/layout"
)

// editor is the state of the report being edited: the draft (the text
// report.yaml will have when saved), its undo history, and the last good
// preview. One person edits; the mutex keeps a second tab consistent.
type editor struct {
	s    *Server
	path string // report.yaml as the user named it

	mu        sync.Mutex
	text      string   // the draft
	saved     string   // the file's text when last read or written
	disk      diskStat // the file as last seen
	undo      []string // drafts before each change, the latest last
	redo      []string
	rev       int // counts changes of the draft
	notice    string
	noticeRev int
	problems  []Problem
	warnings  []Problem
	good      *preview // the last report that built
	previews  map[int]*preview
	nextID    int
}

type diskStat struct {
	size int64
	mod  time.Time
	sum  [32]byte
}

// preview is one build's PDF, its pages rendered as they are asked for.
type preview struct {
	id    int
	rev   int
	pdf   []byte
	sizes []pageSize
	mu    sync.Mutex
	pages map[int]rendered
}

const (
	historyDepth = 200
	previewDPI   = 72 // a page 595 px wide: the preview column's width, sharp on most screens
)

func openEditor(s *Server, path string) (*editor, error) {
	src, st, err := readDisk(path)
	if err != nil {
		return nil, err
	}
	e := &editor{s: s, path: path, text: src, saved: src, disk: st, previews: map[int]*preview{}}
	return e, nil
}

func readDisk(path string) (string, diskStat, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", diskStat{}, err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return "", diskStat{}, err
	}
	if fi.IsDir() {
		return "", diskStat{}, fmt.Errorf("%s is a folder; name the report.yaml in it", path)
	}
	b, err := io.ReadAll(io.LimitReader(f, 64<<20))
	if err != nil {
		return "", diskStat{}, err
	}
	return string(b), diskStat{size: fi.Size(), mod: fi.ModTime(), sum: sha256.Sum256(b)}, nil
}

// state is what the page needs after any change.
type state struct {
	Rev      int        `json:"rev"`
	File     string     `json:"file"`
	Doc      any        `json:"doc"`
	Problems []Problem  `json:"problems"`
	Warnings []Problem  `json:"warnings"`
	Preview  *prevState `json:"preview"`
	Dirty    bool       `json:"dirty"`
	Notice   string     `json:"notice,omitempty"` // "reloaded": the file changed on disk and was read again
	Undo     bool       `json:"undo"`
	Redo     bool       `json:"redo"`
	Language string     `json:"language"`
	Error    string     `json:"error,omitempty"`
}

type prevState struct {
	ID    int        `json:"id"`
	Rev   int        `json:"rev"` // the draft it shows; older than rev when the draft has problems
	Pages []pageSize `json:"pages"`
}

// stateLocked builds the state; e.mu is held.
func (e *editor) stateLocked() *state {
	st := &state{Rev: e.rev, File: e.path, Problems: nonNil(e.problems), Warnings: nonNil(e.warnings),
		Dirty: e.text != e.saved, Undo: len(e.undo) > 0, Redo: len(e.redo) > 0, Language: "zh-CN"}
	if e.noticeRev == e.rev {
		st.Notice = e.notice
	}
	if d, err := parseYAML(e.text); err == nil {
		st.Doc = d.tree()
		if m, ok := st.Doc.(*omap); ok {
			if l, ok := m.get("language").(string); ok && l != "" {
				st.Language = l
			}
		}
	} else {
		st.Doc = nil // a syntax error: its problem says where
	}
	if e.good != nil {
		st.Preview = &prevState{ID: e.good.id, Rev: e.good.rev, Pages: e.good.sizes}
	}
	return st
}

// change replaces the draft (keeping the old one for undo) and rebuilds.
func (e *editor) change(text string, view int, keepRedo bool) {
	if text == e.text {
		return
	}
	e.undo = append(e.undo, e.text)
	if len(e.undo) > historyDepth {
		e.undo = e.undo[len(e.undo)-historyDepth:]
	}
	if !keepRedo {
		e.redo = nil
	}
	e.text = text
	e.rev++
	e.rebuild(view)
}

// rebuild builds the draft; when it builds, it becomes the preview and
// the page in view is rendered at once. e.mu is held.
func (e *editor) rebuild(view int) {
	s := e.s
	s.slots <- struct{}{}
	b, err := s.build(e.path, []byte(e.text), "", true)
	s.release()
	e.warnings = b.warnings
	switch {
	case err != nil:
		e.problems = []Problem{{File: e.path, Message: err.Error()}}
		return
	case b.problems != nil:
		e.problems = b.problems
		return
	}
	e.problems = nil
	sizes, pages, err := s.render.open(b.pdf, []int{max(0, view)}, previewDPI)
	if err != nil {
		e.problems = []Problem{{File: e.path, Message: "the preview cannot be shown: " + err.Error(), Warning: true}}
		return
	}
	e.nextID++
	p := &preview{id: e.nextID, rev: e.rev, pdf: b.pdf, sizes: sizes, pages: pages}
	e.previews[p.id] = p
	e.good = p
	for id := range e.previews {
		if id < p.id-4 { // the page may still be loading the last few
			delete(e.previews, id)
		}
	}
}

// checkDisk reloads the report when another program changed it. e.mu is
// held.
func (e *editor) checkDisk() {
	fi, err := os.Stat(e.path)
	if err != nil || fi.Size() == e.disk.size && fi.ModTime().Equal(e.disk.mod) {
		return
	}
	src, st, err := readDisk(e.path)
	if err != nil {
		return
	}
	if st.sum == e.disk.sum {
		e.disk = st
		return
	}
	e.disk = st
	e.saved = src
	if src == e.text {
		return
	}
	msg := "reloaded" // the page says it in the report's language
	e.change(src, 0, false)
	e.notice, e.noticeRev = msg, e.rev
}

func (e *editor) respond(w http.ResponseWriter, st *state) {
	writeJSON(w, http.StatusOK, st)
}

// getDoc is GET /api/doc[?rev=N]: the state, after checking the disk; with
// rev, only {"rev"} when nothing changed since.
func (e *editor) getDoc(w http.ResponseWriter, r *http.Request) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.checkDisk()
	if e.good == nil && e.problems == nil {
		e.rebuild(0)
	}
	if q := r.URL.Query().Get("rev"); q != "" {
		if n, err := strconv.Atoi(q); err == nil && n == e.rev {
			writeJSON(w, http.StatusOK, map[string]int{"rev": e.rev})
			return
		}
	}
	e.respond(w, e.stateLocked())
}

// op is one change of the report, as the page sends it. Path is a field
// path as JSON: ["sections", 0, "stats", 1, "value"].
type op struct {
	Op    string          `json:"op"` // set, remove, insert, move
	Path  []any           `json:"path"`
	Value json.RawMessage `json:"value"`
	Index int             `json:"index"` // insert: before this item
	From  int             `json:"from"`  // move
	To    int             `json:"to"`
}

func (o op) steps() ([]step, error) {
	out := make([]step, len(o.Path))
	for i, p := range o.Path {
		switch t := p.(type) {
		case string:
			out[i] = t
		case float64:
			if t != float64(int(t)) || t < 0 {
				return nil, fmt.Errorf("bad index %v", t)
			}
			out[i] = int(t)
		default:
			return nil, fmt.Errorf("bad path element %v", p)
		}
	}
	return out, nil
}

// apply applies ops to text.
func (e *editor) apply(text string, ops []op) (string, error) {
	for _, o := range ops {
		d, err := parseYAML(text)
		if err != nil {
			return "", fmt.Errorf("report.yaml has a syntax error; fix it first (it is shown above the form)")
		}
		path, err := o.steps()
		if err != nil {
			return "", err
		}
		var v any
		if len(o.Value) > 0 {
			if v, err = decodeJSON(o.Value); err != nil {
				return "", err
			}
		}
		switch o.Op {
		case "set":
			text, err = d.set(path, v, e.s.schema)
		case "remove":
			text, err = d.remove(path)
		case "insert":
			text, err = d.insert(path, o.Index, v, e.s.schema)
		case "move":
			text, err = d.move(path, o.From, o.To, e.s.schema)
		default:
			err = fmt.Errorf("unknown op %q", o.Op)
		}
		if err != nil {
			return "", err
		}
	}
	return text, nil
}

// postEdit is POST /api/edit {"ops": [...], "view": page}.
func (e *editor) postEdit(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Ops  []op `json:"ops"`
		View int  `json:"view"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		problem(w, http.StatusBadRequest, "bad edit: "+err.Error())
		return
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	e.checkDisk()
	text, err := e.apply(e.text, req.Ops)
	if err != nil {
		st := e.stateLocked()
		st.Error = err.Error()
		writeJSON(w, http.StatusConflict, st)
		return
	}
	e.change(text, req.View, false)
	e.respond(w, e.stateLocked())
}

func (e *editor) postUndo(w http.ResponseWriter, r *http.Request) { e.step(w, r, true) }
func (e *editor) postRedo(w http.ResponseWriter, r *http.Request) { e.step(w, r, false) }

// step undoes or redoes one change.
func (e *editor) step(w http.ResponseWriter, r *http.Request, back bool) {
	view, _ := strconv.Atoi(r.URL.Query().Get("view"))
	e.mu.Lock()
	defer e.mu.Unlock()
	from, to := &e.undo, &e.redo
	if !back {
		from, to = to, from
	}
	if n := len(*from); n > 0 {
		text := (*from)[n-1]
		*from = (*from)[:n-1]
		*to = append(*to, e.text)
		e.text = text
		e.rev++
		e.rebuild(view)
	}
	e.respond(w, e.stateLocked())
}

// postSave is POST /api/save: the draft to report.yaml, atomically.
func (e *editor) postSave(w http.ResponseWriter, r *http.Request) {
	e.mu.Lock()
	defer e.mu.Unlock()
	e.checkDisk() // a change on disk is reloaded, not overwritten unseen
	if e.noticeRev == e.rev && e.notice != "" {
		e.respond(w, e.stateLocked())
		return
	}
	if err := writeFileAtomic(e.path, []byte(e.text)); err != nil {
		st := e.stateLocked()
		st.Error = "report.yaml cannot be saved: " + err.Error()
		writeJSON(w, http.StatusInternalServerError, st)
		return
	}
	_, st, err := readDisk(e.path)
	if err == nil {
		e.disk = st
	}
	e.saved = e.text
	e.respond(w, e.stateLocked())
}

// writeFileAtomic writes b to a temporary file beside path and renames it
// over path, keeping path's permissions: a crash leaves the old file or
// the new one, never half of one.
func writeFileAtomic(path string, b []byte) (err error) {
	mode := fs.FileMode(0o644)
	if fi, err := os.Stat(path); err == nil {
		mode = fi.Mode().Perm()
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if _, err = tmp.Write(b); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = os.Chmod(tmp.Name(), mode); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}

// getPage is GET /api/page/{id}/{n}: page n (from 0) of preview id as PNG.
func (e *editor) getPage(w http.ResponseWriter, r *http.Request) {
	p, n, ok := e.preview(w, r)
	if !ok {
		return
	}
	p.mu.Lock()
	pg, ok := p.pages[n]
	p.mu.Unlock()
	if !ok {
		_, pages, err := e.s.render.open(p.pdf, []int{n}, previewDPI)
		if err != nil {
			problem(w, http.StatusInternalServerError, err.Error())
			return
		}
		pg = pages[n]
		p.mu.Lock()
		p.pages[n] = pg
		p.mu.Unlock()
	}
	w.Header().Set("Content-Type", "image/png")
	w.Header().Set("Cache-Control", "private, max-age=3600, immutable") // a preview never changes
	w.Write(pg.png)
}

// getText is GET /api/text/{id}/{n}: the text of that page, as PDFium
// reads it from the PDF (for screen readers, and for finding a word).
func (e *editor) getText(w http.ResponseWriter, r *http.Request) {
	p, n, ok := e.preview(w, r)
	if !ok {
		return
	}
	p.mu.Lock()
	pg := p.pages[n]
	p.mu.Unlock()
	if !pg.haveText {
		t, err := e.s.render.text(p.pdf, n)
		if err != nil {
			problem(w, http.StatusInternalServerError, err.Error())
			return
		}
		p.mu.Lock()
		pg = p.pages[n]
		pg.text, pg.haveText = t, true
		p.pages[n] = pg
		p.mu.Unlock()
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	io.WriteString(w, pg.text)
}

// preview finds the preview and page a request names by number.
func (e *editor) preview(w http.ResponseWriter, r *http.Request) (*preview, int, bool) {
	id, err1 := strconv.Atoi(r.PathValue("id"))
	n, err2 := strconv.Atoi(r.PathValue("n"))
	e.mu.Lock()
	p := e.previews[id]
	e.mu.Unlock()
	if err1 != nil || err2 != nil || p == nil || n < 0 || n >= len(p.sizes) {
		problem(w, http.StatusNotFound, "no such page (the preview has moved on)")
		return nil, 0, false
	}
	return p, n, true
}

// postUpload is POST /api/upload?section=N[&chart=M]: a photo dropped on a
// section (JPEG or PNG, into photos/) or a spreadsheet dropped on a chart
// (CSV or XLSX, into data/). The body is the file. The name is chosen
// here, from the file's contents; nothing the request says names a path.
func (e *editor) postUpload(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	sec, err := strconv.Atoi(q.Get("section"))
	if err != nil || sec < 0 {
		problem(w, http.StatusBadRequest, "say which section: ?section=N")
		return
	}
	chart := -1
	if c := q.Get("chart"); c != "" {
		if chart, err = strconv.Atoi(c); err != nil || chart < 0 {
			problem(w, http.StatusBadRequest, "bad chart number")
			return
		}
	}
	body, err := io.ReadAll(io.LimitReader(r.Body, e.s.cfg.MaxUpload+1))
	if err != nil {
		problem(w, tooLarge(err), "the file cannot be read: "+err.Error())
		return
	}
	if int64(len(body)) > e.s.cfg.MaxUpload {
		problem(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("the file is larger than %d MB; make it smaller (a photo for print needs about 3000×2000 pixels)", e.s.cfg.MaxUpload>>20))
		return
	}
	kind := sniff(body)
	folder, ext := "photos", ""
	switch kind {
	case kindJPEG, kindPNG:
		if chart >= 0 {
			problem(w, http.StatusUnsupportedMediaType, "drop a photo on a section, a CSV or XLSX file on a chart")
			return
		}
		cfg, _, err := image.DecodeConfig(bytes.NewReader(body))
		if err != nil {
			problem(w, http.StatusUnsupportedMediaType, "the picture is damaged or cut short: "+err.Error())
			return
		}
		if most := e.maxPixels(); cfg.Width*cfg.Height > most {
			problem(w, http.StatusRequestEntityTooLarge, fmt.Sprintf("the picture has %d×%d pixels, more than %d million; make it smaller", cfg.Width, cfg.Height, most/1_000_000))
			return
		}
		ext = map[string]string{kindJPEG: ".jpg", kindPNG: ".png"}[kind]
	case kindCSV, kindXLSX:
		if chart < 0 {
			problem(w, http.StatusUnsupportedMediaType, "drop a spreadsheet (CSV, XLSX) on a chart, a photo on a section")
			return
		}
		folder, ext = "data", map[string]string{kindCSV: ".csv", kindXLSX: ".xlsx"}[kind]
	default:
		problem(w, http.StatusUnsupportedMediaType, "only JPEG and PNG photos, and CSV and XLSX spreadsheets, can be added; "+describeKind(kind, body))
		return
	}
	sum := sha256.Sum256(body)
	rel := folder + "/" + hex.EncodeToString(sum[:6]) + ext
	if err := e.store(rel, body); err != nil {
		problem(w, http.StatusInternalServerError, "the file cannot be written into the report's folder: "+err.Error())
		return
	}
	var o op
	if chart >= 0 {
		v, _ := json.Marshal(map[string]string{"file": rel})
		o = op{Op: "set", Path: []any{"sections", float64(sec), "charts", float64(chart), "data"}, Value: v}
	} else {
		v, _ := json.Marshal(map[string]string{"file": rel})
		o = op{Op: "insert", Path: []any{"sections", float64(sec), "photos"}, Index: 1 << 20, Value: v}
	}
	view, _ := strconv.Atoi(q.Get("view"))
	e.mu.Lock()
	defer e.mu.Unlock()
	text, err := e.apply(e.text, []op{o})
	if err != nil {
		st := e.stateLocked()
		st.Error = err.Error()
		writeJSON(w, http.StatusConflict, st)
		return
	}
	e.change(text, view, false)
	e.respond(w, e.stateLocked())
}

func (e *editor) maxPixels() int {
	if n := e.s.cfg.Layout.Limits.MaxPhotoPixels; n > 0 {
		return n
	}
	return layout.DefaultMaxPhotoPixels
}

// store writes an uploaded file at rel (chosen by postUpload) inside the
// report's folder. The folder it goes in must be a real folder there, not
// a symlink leading elsewhere.
func (e *editor) store(rel string, b []byte) error {
	root, err := filepath.Abs(filepath.Dir(e.path))
	if err != nil {
		return err
	}
	dir := filepath.Join(root, filepath.Dir(filepath.FromSlash(rel)))
	if fi, err := os.Lstat(dir); err == nil {
		if !fi.IsDir() {
			return fmt.Errorf("%s is not a folder", dir)
		}
	} else if errors.Is(err, fs.ErrNotExist) {
		if err := os.Mkdir(dir, 0o755); err != nil {
			return err
		}
	} else {
		return err
	}
	dst := filepath.Join(root, filepath.FromSlash(rel))
	if old, err := os.ReadFile(dst); err == nil && bytes.Equal(old, b) {
		return nil // the same photo dropped again
	}
	return writeFileAtomic(dst, b)
}
