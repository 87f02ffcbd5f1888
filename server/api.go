package server

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/layout"
)

// Problem is one thing wrong with a report, as the API and the editor
// return it: the command line's message, split into its parts.
type Problem struct {
	File    string `json:"file"`
	Line    int    `json:"line"`
	Column  int    `json:"column"`
	Field   string `json:"field"`
	Message string `json:"message"`
	Warning bool   `json:"warning,omitempty"`
}

// problems converts the errors of a load or build; file replaces the
// name the report was read under (a temporary folder's, for the API).
func problems(err error, file string, warning bool) []Problem {
	var errs data.Errors
	var one *data.Error
	switch {
	case errors.As(err, &errs):
	case errors.As(err, &one):
		errs = data.Errors{one}
	case err != nil:
		return []Problem{{File: file, Message: err.Error(), Warning: warning}}
	}
	out := make([]Problem, 0, len(errs))
	for _, e := range errs {
		f := e.Pos.File
		if file != "" {
			f = file
		}
		out = append(out, Problem{File: f, Line: e.Pos.Line, Column: e.Pos.Col, Field: e.Path, Message: e.Msg, Warning: warning})
	}
	return out
}

// built is the result of one build.
type built struct {
	pdf      []byte
	pages    int
	problems []Problem // errors; the PDF is nil
	warnings []Problem
}

// build reads the report src (named name: its folder is where photos are
// read from) and lays it out; with write the PDF is written too. It is
// what `brochure build` does, in memory.
func (s *Server) build(name string, src []byte, file string, write bool) (b built, err error) {
	defer func() {
		if e := recover(); e != nil {
			err = fmt.Errorf("internal error (a bug in brochure; please report it with the report): %v", e)
		}
	}()
	r, err := data.ParseOptions(name, src, s.cfg.Data)
	if err != nil {
		b.problems = problems(err, file, false)
		return b, nil
	}
	doc, err := layout.NewWith(r, s.cfg.Layout)
	if err != nil {
		b.problems = problems(err, file, false)
		return b, nil
	}
	b.pages = len(doc.Pages)
	b.warnings = problems(append(r.Warnings(), doc.Warnings...), file, true)
	if len(b.warnings) == 0 {
		b.warnings = nil
	}
	if !write {
		return b, nil
	}
	var buf bytes.Buffer
	if err := doc.Write(&buf); err != nil {
		return b, err
	}
	b.pdf = buf.Bytes()
	return b, nil
}

// allowedFile is a name a request may give a data file or photo of a
// report: letters (any script), digits, "-", "_", "." in at most three
// folders, ending in one of the four extensions. Compiled when a request
// first needs it: its bounded repeats of Unicode classes take about 1.8 ms
// to compile, which every command paid at start-up.
var allowedFile = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^([\p{L}\p{N}_\-][\p{L}\p{N}_.\-]{0,99}/){0,3}[\p{L}\p{N}_\-][\p{L}\p{N}_.\- ]{0,99}\.(?i:jpe?g|png|csv|xlsx)$`)
})

// apiInput reads a build request into a fresh folder: the report (the
// body, or the multipart part "report") and, with multipart, its photos
// and data files (parts "file", named by their filename as the report
// names them). It returns the report's path; the caller removes dir.
func (s *Server) apiInput(r *http.Request) (dir, report string, status int, err error) {
	dir, err = os.MkdirTemp("", "brochure-api-*")
	if err != nil {
		return "", "", http.StatusInternalServerError, err
	}
	report = filepath.Join(dir, "report.yaml")
	mt, params, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	if mt != "multipart/form-data" {
		src, err := io.ReadAll(r.Body)
		if err != nil {
			return dir, "", tooLarge(err), err
		}
		return dir, report, 0, os.WriteFile(report, src, 0o600)
	}
	mr := multipart.NewReader(r.Body, params["boundary"])
	haveReport := false
	for {
		p, err := mr.NextPart()
		if err == io.EOF {
			break
		}
		if err != nil {
			return dir, "", tooLarge(err), fmt.Errorf("the multipart body cannot be read: %w", err)
		}
		switch p.FormName() {
		case "report":
			src, err := io.ReadAll(p)
			if err != nil {
				return dir, "", tooLarge(err), err
			}
			if err := os.WriteFile(report, src, 0o600); err != nil {
				return dir, "", http.StatusInternalServerError, err
			}
			haveReport = true
		case "file":
			// FileName would keep only the last element: the folder
			// (photos/) is part of the name the report uses
			_, cd, _ := mime.ParseMediaType(p.Header.Get("Content-Disposition"))
			name := path.Clean(strings.ReplaceAll(cd["filename"], `\`, "/"))
			// the name only chooses where under the fresh folder the file
			// goes; it is checked part by part and never leaves it
			if !allowedFile().MatchString(name) || strings.Contains(name, "..") {
				return dir, "", http.StatusBadRequest, fmt.Errorf("file name %q: give files as the report names them, e.g. photos/traffic.jpg (letters, digits, - _ . in at most three folders; .jpg .png .csv .xlsx)", cd["filename"])
			}
			body, err := io.ReadAll(io.LimitReader(p, s.cfg.MaxUpload+1))
			if err != nil {
				return dir, "", tooLarge(err), err
			}
			if int64(len(body)) > s.cfg.MaxUpload {
				return dir, "", http.StatusRequestEntityTooLarge, fmt.Errorf("%s is larger than %d MB", name, s.cfg.MaxUpload>>20)
			}
			if want, got := kindByName(name), sniff(body); want != got {
				return dir, "", http.StatusUnsupportedMediaType, fmt.Errorf("%s is not a %s file (%s)", name, want, describeKind(got, body))
			}
			dst := filepath.Join(dir, filepath.FromSlash(name))
			if rel, err := filepath.Rel(dir, dst); err != nil || strings.HasPrefix(rel, "..") {
				return dir, "", http.StatusBadRequest, fmt.Errorf("file name %q leaves the report's folder", name)
			}
			if err := os.MkdirAll(filepath.Dir(dst), 0o700); err != nil {
				return dir, "", http.StatusInternalServerError, err
			}
			if err := os.WriteFile(dst, body, 0o600); err != nil {
				return dir, "", http.StatusInternalServerError, err
			}
		default:
			return dir, "", http.StatusBadRequest, fmt.Errorf("unknown part %q: send the report as \"report\" and each photo or data file as \"file\"", p.FormName())
		}
	}
	if !haveReport {
		return dir, "", http.StatusBadRequest, errors.New(`no part "report": send the report.yaml as the part named report`)
	}
	return dir, report, 0, nil
}

func tooLarge(err error) int {
	var mbe *http.MaxBytesError
	if errors.As(err, &mbe) {
		return http.StatusRequestEntityTooLarge
	}
	return http.StatusBadRequest
}

func (s *Server) apiBuild(w http.ResponseWriter, r *http.Request)    { s.api(w, r, true) }
func (s *Server) apiValidate(w http.ResponseWriter, r *http.Request) { s.api(w, r, false) }

// api is POST /api/build and /api/validate.
func (s *Server) api(w http.ResponseWriter, r *http.Request, write bool) {
	dir, report, status, err := s.apiInput(r)
	if dir != "" {
		defer os.RemoveAll(dir)
	}
	if err != nil {
		if status == http.StatusRequestEntityTooLarge {
			err = fmt.Errorf("the request is larger than %d MB", s.cfg.MaxBody>>20)
		}
		problem(w, status, err.Error())
		return
	}
	src, err := os.ReadFile(report)
	if err != nil {
		problem(w, http.StatusInternalServerError, err.Error())
		return
	}
	if !s.acquire(w, r) {
		return
	}
	var b built
	var berr error
	err = s.timed(r.Context(), func() {
		defer s.release()
		b, berr = s.build(report, src, "report.yaml", write)
		// messages name files as the report does, not in the temporary folder
		for _, ps := range [][]Problem{b.problems, b.warnings} {
			for i := range ps {
				ps[i].Message = strings.ReplaceAll(ps[i].Message, dir+string(filepath.Separator), "")
			}
		}
	})
	switch {
	case errors.Is(err, errTooSlow):
		problem(w, http.StatusServiceUnavailable, fmt.Sprintf("the build took longer than %s and was given up; is the report very large?", s.cfg.BuildTime))
		return
	case err != nil:
		return // the client went away
	case berr != nil:
		problem(w, http.StatusInternalServerError, berr.Error())
		return
	case b.problems != nil:
		writeJSON(w, http.StatusUnprocessableEntity, map[string]any{"problems": b.problems})
		return
	}
	if !write {
		writeJSON(w, http.StatusOK, map[string]any{"ok": true, "pages": b.pages, "warnings": nonNil(b.warnings)})
		return
	}
	w.Header().Set("Content-Type", "application/pdf")
	w.Header().Set("Content-Length", fmt.Sprint(len(b.pdf)))
	w.Header().Set("Content-Disposition", `attachment; filename="report.pdf"`)
	w.Write(b.pdf)
}

func nonNil(p []Problem) []Problem {
	if p == nil {
		return []Problem{}
	}
	return p
}

// kinds of file a request may bring
const (
	kindJPEG = "JPEG"
	kindPNG  = "PNG"
	kindCSV  = "CSV"
	kindXLSX = "XLSX"
)

func kindByName(name string) string {
	switch strings.ToLower(path.Ext(name)) {
	case ".jpg", ".jpeg":
		return kindJPEG
	case ".png":
		return kindPNG
	case ".csv":
		return kindCSV
	case ".xlsx":
		return kindXLSX
	}
	return ""
}

// sniff tells the kind of a file from its bytes ("" for none of the four).
func sniff(b []byte) string {
	switch {
	case bytes.HasPrefix(b, []byte("\xff\xd8\xff")):
		return kindJPEG
	case bytes.HasPrefix(b, []byte("\x89PNG\r\n\x1a\n")):
		return kindPNG
	case bytes.HasPrefix(b, []byte("PK\x03\x04")) && bytes.Contains(b[:min(len(b), 4096)], []byte("[Content_Types].xml")):
		return kindXLSX
	case csvLike(b):
		return kindCSV // text: UTF-8 or GBK, the reader tells which
	}
	return ""
}

// csvLike: text with no NUL, not markup, whose first line has a comma,
// semicolon or tab.
func csvLike(b []byte) bool {
	head := bytes.TrimSpace(bytes.TrimPrefix(b[:min(len(b), 4096)], []byte("\xef\xbb\xbf")))
	if len(head) == 0 || bytes.ContainsRune(b, 0) || head[0] == '<' || bytes.HasPrefix(b, []byte("PK")) {
		return false
	}
	first, _, _ := bytes.Cut(head, []byte("\n"))
	return bytes.ContainsAny(first, ",;\t")
}

func describeKind(kind string, b []byte) string {
	if kind != "" {
		return "it is a " + kind + " file"
	}
	if len(b) == 0 {
		return "it is empty"
	}
	return "only JPEG, PNG, CSV and XLSX files are accepted"
}
