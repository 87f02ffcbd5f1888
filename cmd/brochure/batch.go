package main

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"golang.org/x/term"

	"github.com/brochure-dev/brochure/internal/printable"
)

// expandInputs turns the command line's paths into report files: a folder
// stands for the .yaml/.yml files in it and the report.yaml of each of its
// subfolders (the layout `brochure init` makes). many is true when more
// than one report may come out, and -o then names a folder.
func expandInputs(paths []string) (inputs []string, many bool, err error) {
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil || !fi.IsDir() {
			inputs = append(inputs, p) // a missing file is reported by its build
			continue
		}
		many = true
		found, err := reportsIn(p)
		if err != nil {
			return nil, false, err
		}
		if len(found) == 0 {
			return nil, false, fmt.Errorf("no report (.yaml file) in the folder %s; give the report files, or the folder that holds them", p)
		}
		inputs = append(inputs, found...)
	}
	return inputs, many || len(inputs) > 1, nil
}

func reportsIn(dir string) ([]string, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, fmt.Errorf("cannot read the folder %s: %v", dir, err)
	}
	var out []string
	for _, e := range entries {
		name := e.Name()
		if strings.HasPrefix(name, ".") {
			continue
		}
		if e.IsDir() {
			for _, r := range []string{"report.yaml", "report.yml"} {
				if fi, err := os.Stat(filepath.Join(dir, name, r)); err == nil && !fi.IsDir() {
					out = append(out, filepath.Join(dir, name, r))
					break
				}
			}
			continue
		}
		if ext := strings.ToLower(filepath.Ext(name)); ext == ".yaml" || ext == ".yml" {
			out = append(out, filepath.Join(dir, name))
		}
	}
	sort.Strings(out)
	return out, nil
}

// batchOutputs names the PDF of each input: beside it, or in the folder
// dir (created if needed). Two reports that would get the same name in dir
// (two folders' report.yaml) are told apart by their folder's name.
func batchOutputs(inputs []string, dir string) ([]string, error) {
	outs := make([]string, len(inputs))
	if dir == "" {
		for i, in := range inputs {
			outs[i] = defaultOutput(in)
		}
		return outs, nil
	}
	if fi, err := os.Stat(dir); err == nil && !fi.IsDir() {
		return nil, fmt.Errorf("with several reports, -o names a folder for the PDFs, but %s is a file; give a folder name", dir)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("cannot make the output folder: %v", err)
	}
	count := map[string]int{}
	for _, in := range inputs {
		count[filepath.Base(defaultOutput(in))]++
	}
	seen := map[string]string{}
	for i, in := range inputs {
		name := filepath.Base(defaultOutput(in))
		if count[name] > 1 {
			parent := filepath.Base(filepath.Dir(absOr(in)))
			name = parent + "-" + name
		}
		if prev, dup := seen[name]; dup {
			return nil, fmt.Errorf("%s and %s would both be written to %s; build them separately with their own -o", prev, in, filepath.Join(dir, name))
		}
		seen[name] = in
		outs[i] = filepath.Join(dir, name)
	}
	return outs, nil
}

func absOr(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// batch builds the reports on a bounded pool of workers. A failure does not
// stop the others. Results are printed in the order of the inputs, each as
// soon as it and those before it are done, then a summary line; the exit
// code is the worst of them.
func batch(inputs, outs []string, workers int, p *printer, cfg settings) int {
	workers = max(1, min(workers, len(inputs)))
	done := make([]chan *result, len(inputs))
	for i := range done {
		done[i] = make(chan *result, 1)
	}
	next := make(chan int)
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for i := range next {
				done[i] <- buildOne(inputs[i], outs[i], cfg)
			}
		})
	}
	go func() {
		for i := range inputs {
			next <- i
		}
		close(next)
	}()
	code := exitOK
	var failed []string
	for i := range inputs {
		res := <-done[i]
		p.result(res)
		if !res.OK {
			failed = append(failed, res.Input)
			code = max(code, res.code)
		}
	}
	wg.Wait()
	if !p.json {
		built := len(inputs) - len(failed)
		if len(failed) == 0 {
			if !p.quiet {
				fmt.Fprintf(p.stdout, "%d reports built\n", built)
			}
		} else {
			fmt.Fprintf(p.stderr, "%d report%s built, %s: %s\n", built, plural(built),
				p.paint(red, fmt.Sprintf("%d failed", len(failed))), printable.String(strings.Join(failed, ", ")))
		}
	}
	return code
}

// colorOK reports whether w is a terminal that wants colours: not when
// NO_COLOR is set (https://no-color.org) or TERM is dumb.
func colorOK(w io.Writer) bool {
	if os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
