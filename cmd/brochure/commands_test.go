package main

import (
	"os"
	osexec "os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestCommandTable: every command of the table answers X --help and
// help X with its help (an example included), is in the usage, and every
// flag it declares is named in its help and offered by each shell's
// completion for it; the scripts are valid for the shells installed here.
func TestCommandTable(t *testing.T) {
	_, u, _ := exec("help")
	scripts := map[string]string{}
	for _, sh := range []string{"bash", "zsh", "fish"} {
		code, out, _ := exec("completion", sh)
		if code != 0 {
			t.Fatalf("completion %s: exit %d", sh, code)
		}
		scripts[sh] = out
	}
	for _, c := range commands() {
		code, h, errs := exec(c.name, "--help")
		if code != 0 || !strings.Contains(h, "brochure "+c.name) || !strings.Contains(h, "Example") {
			t.Errorf("brochure %s --help: exit %d\n%s%s", c.name, code, h, errs)
		}
		if code, h2, _ := exec("help", c.name); code != 0 || h2 != h {
			t.Errorf("brochure help %s: exit %d, and not the same as --help", c.name, code)
		}
		if !strings.Contains(u, "brochure "+c.name) {
			t.Errorf("the usage lacks %s", c.name)
		}
		for sh, s := range scripts {
			if !strings.Contains(s, c.name) {
				t.Errorf("completion %s does not offer %s", sh, c.name)
			}
		}
		for _, f := range flagsOf(c) {
			if !strings.Contains(h, f.dash()) {
				t.Errorf("brochure %s --help does not name %s", c.name, f.dash())
			}
			want := map[string]string{"bash": f.dash(), "zsh": "'" + f.dash() + "[", "fish": "-l " + f.name}
			if len(f.name) == 1 {
				want["fish"] = "-s " + f.name
			}
			for sh, s := range scripts {
				if !strings.Contains(section(sh, s, c.name), want[sh]) {
					t.Errorf("completion %s does not offer %s for %s", sh, f.dash(), c.name)
				}
			}
		}
	}
	for sh, s := range scripts {
		if _, err := osexec.LookPath(sh); err != nil {
			continue // checked where the shell is installed
		}
		file := filepath.Join(t.TempDir(), "completion."+sh)
		os.WriteFile(file, []byte(s), 0o644)
		if out, err := osexec.Command(sh, "-n", file).CombinedOutput(); err != nil {
			t.Errorf("%s -n: the completion script does not parse: %v\n%s", sh, err, out)
		}
	}
	if code, _, _ := exec("completion", "powershell"); code != exitUsage {
		t.Errorf("unknown shell: exit %d", code)
	}
}

// section is the part of a completion script about one command.
func section(sh, script, name string) string {
	var lines []string
	for _, l := range strings.Split(script, "\n") {
		switch sh {
		case "bash", "zsh":
			if strings.Contains(l, " "+name+")") || strings.HasPrefix(strings.TrimSpace(l), name+")") {
				lines = append(lines, l)
			}
		case "fish":
			if strings.Contains(l, "__fish_seen_subcommand_from "+name+"\"") {
				lines = append(lines, l)
			}
		}
	}
	if sh == "zsh" { // the specs are on the line after "name)"
		all := strings.Split(script, "\n")
		for i, l := range all {
			if strings.TrimSpace(l) == name+")" && i+1 < len(all) {
				lines = append(lines, all[i+1])
			}
		}
	}
	return strings.Join(lines, "\n")
}

// TestFlagValues: a limit of zero or less, or a -j of 0, is a usage error
// (exit 2) naming the flag, not silently the default.
func TestFlagValues(t *testing.T) {
	for _, args := range [][]string{
		{"build", sample, "--max-pages", "-5"},
		{"build", sample, "-j", "0"},
		{"build", sample, "--max-bars", "0"},
		{"build", sample, "--max-input-mb", "-1"},
		{"build", sample, "--max-image-mp", "abc"},
		{"validate", sample, "--max-pages", "0"},
		{"watch", sample, "--max-bars", "-1"},
		{"charts", sample, "-o", "x", "--max-pages", "0"},
	} {
		code, _, errs := exec(args...)
		flag := args[len(args)-2]
		if code != exitUsage || !strings.Contains(errs, strings.TrimLeft(flag, "-")) || !strings.Contains(errs, "--help") {
			t.Errorf("%v: exit %d, %q", args, code, errs)
		}
	}
}

// TestDraftEverywhere: --draft turns a photo under 100 dpi from an error
// into a warning on every path that lays a report out: validate, charts,
// build of one report and of several at once.
func TestDraftEverywhere(t *testing.T) {
	yaml := photoSample(t, 40, 27) // some 20 dpi
	src, _ := os.ReadFile(yaml)
	second := filepath.Join(filepath.Dir(yaml), "second.yaml")
	os.WriteFile(second, src, 0o644)
	out := t.TempDir()
	for _, args := range [][]string{
		{"validate", yaml},
		{"charts", yaml, "-o", out},
		{"build", yaml, "-o", filepath.Join(out, "one.pdf"), "--quiet"},
		{"build", yaml, second, "-o", out, "--quiet"},
	} {
		if code, _, errs := exec(args...); code != exitInvalid || !strings.Contains(errs, "dpi") {
			t.Errorf("%v: exit %d, want 1 for the 20 dpi photo: %s", args, code, errs)
		}
		if code, _, errs := exec(append(args, "--draft")...); code != exitOK {
			t.Errorf("%v --draft: exit %d: %s", args, code, errs)
		}
	}
}
