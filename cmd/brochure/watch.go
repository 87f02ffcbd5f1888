package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/brochure-dev/brochure/data"
	"github.com/brochure-dev/brochure/internal/printable"
)

// debounce is how long watch waits after the last change before it
// rebuilds: editors save in bursts (write a temporary file and rename it,
// or truncate and write), and a build reads the report once, after the
// burst. Short enough that the PDF is rebuilt well within 300 ms of a save
// of the sample (whose build takes about 100 ms).
const debounce = 80 * time.Millisecond

// watch builds the report, then rebuilds it whenever the report or a file
// it names (a photo) is saved, until ctx is done. It watches the folders
// that hold those files rather than the files themselves, so that a file
// replaced by a rename, or deleted and written again, is still followed.
// A failed build prints its problems and leaves the last good PDF as it
// was (buildOne writes only complete PDFs).
func watch(ctx context.Context, path, out string, p *printer, cfg settings) int {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		fmt.Fprintf(p.stderr, "brochure watch: cannot watch files: %v\n", err)
		return exitIO
	}
	defer w.Close()

	deps := map[string]bool{} // absolute paths of the files a build reads
	dirs := map[string]bool{} // folders being watched
	follow := func() {
		files := dependencies(path)
		clear(deps)
		for _, f := range files {
			deps[f] = true
			d := filepath.Dir(f)
			if dirs[d] {
				continue
			}
			if err := w.Add(d); err == nil {
				dirs[d] = true
			}
		}
	}
	rebuild := func() {
		follow() // before building: a save during the build is not missed
		res := buildOne(path, out, cfg)
		p.result(res)
		if !res.OK {
			hint := "fix it and save again"
			if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
				hint = "waiting for " + path + " to be written again"
			}
			kept := ""
			if _, err := os.Stat(out); err == nil {
				kept = "; " + out + " is unchanged (the last good build)"
			}
			fmt.Fprintf(p.stderr, "%s %s%s; %s\n", stamp(), p.paint(red, "build failed"), kept, hint)
		}
	}

	follow()
	if len(dirs) == 0 {
		fmt.Fprintf(p.stderr, "brochure watch: cannot watch the folder of %s; check that it exists\n", printable.String(path))
		return exitIO
	}
	rebuild()
	others := ""
	if n := len(deps) - 1; n > 0 {
		others = fmt.Sprintf(" and %d photo%s", n, plural(n))
	}
	fmt.Fprintf(p.stdout, "%s watching %s%s; Ctrl-C stops\n", stamp(), printable.String(path), printable.String(others))

	var fire <-chan time.Time
	for {
		select {
		case <-ctx.Done():
			fmt.Fprintf(p.stdout, "%s stopped\n", stamp())
			return exitOK
		case ev, ok := <-w.Events:
			if !ok {
				return exitOK
			}
			abs, err := filepath.Abs(ev.Name)
			if err != nil {
				continue
			}
			if ev.Has(fsnotify.Create) && !dirs[abs] {
				if fi, err := os.Stat(abs); err == nil && fi.IsDir() {
					follow() // perhaps the missing photos/ folder
					for d := range deps {
						if filepath.Dir(d) == abs {
							fire = time.After(debounce)
						}
					}
				}
			}
			if deps[abs] && ev.Op != fsnotify.Chmod {
				fire = time.After(debounce)
			}
		case err, ok := <-w.Errors:
			if !ok {
				return exitOK
			}
			fmt.Fprintf(p.stderr, "brochure watch: %v (still watching)\n", err)
		case <-fire:
			fire = nil
			rebuild()
		}
	}
}

// dependencies returns the absolute paths of the report and of every file
// it names, read from the report as it is now, even if it has problems (so
// that adding a missing photo triggers a rebuild).
func dependencies(path string) []string {
	abs := func(p string) string {
		if a, err := filepath.Abs(p); err == nil {
			return a
		}
		return p
	}
	files := []string{abs(path)}
	r, _ := data.Load(path)
	if r == nil {
		return files
	}
	seen := map[string]bool{files[0]: true}
	var more []string
	add := func(f string) {
		if f == "" {
			return
		}
		if !filepath.IsAbs(f) {
			f = filepath.Join(r.Dir, f)
		}
		if f = abs(f); !seen[f] {
			seen[f] = true
			more = append(more, f)
		}
	}
	fs := r.Theme.Fonts
	for _, f := range []string{fs.Regular, fs.Bold, fs.Black, fs.Fallback} {
		add(f)
	}
	for _, s := range r.Sections {
		for _, ph := range s.Photos {
			add(ph.File)
		}
		for _, c := range s.Charts {
			if c.Source != nil {
				add(c.Source.File) // the chart's spreadsheet
			}
		}
	}
	sort.Strings(more)
	return append(files, more...)
}

func stamp() string { return time.Now().Format("15:04:05") }
