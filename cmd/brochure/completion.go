package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/brochure-dev/brochure/theme"
)

// The completion scripts are written from the command table: each
// command, its flags (those that take a value complete one: a file, or one
// of choices), and its operands (.yaml files and folders, .pdf files, a
// folder, a shell, a command).

// choices are the values a flag takes, where they are a fixed set.
var choices = map[string]string{
	"template": "year-in-review blank",
	"format":   "svg png pdf",
	"impose":   "saddle",
	"encoding": "utf-8 gbk",
	"style":    strings.Join(theme.Names(), " "),
}

// flagInfo is one flag of a command, as the completions offer it.
type flagInfo struct {
	name, usage string
	value       bool // takes a value
}

// file reports whether the flag's value is a path (-o); other values are
// numbers or words, which are not completed.
func (f flagInfo) file() bool { return f.name == "o" }

// dash is the flag as written: -o, --json.
func (f flagInfo) dash() string {
	if len(f.name) == 1 {
		return "-" + f.name
	}
	return "--" + f.name
}

// flagsOf lists the flags a command declares, in the order of their names.
func flagsOf(c command) []flagInfo {
	fs, _ := c.flags()
	var out []flagInfo
	fs.VisitAll(func(f *flag.Flag) {
		b, ok := f.Value.(interface{ IsBoolFlag() bool })
		out = append(out, flagInfo{name: f.Name, usage: f.Usage, value: !ok || !b.IsBoolFlag()})
	})
	return out
}

func names() []string {
	var ns []string
	for _, c := range commands() {
		ns = append(ns, c.name)
	}
	return ns
}

// short is a flag's usage cut to its first clause, with no character a
// shell's quoting would trip on.
func short(s string) string {
	if i := strings.IndexAny(s, ";(:"); i > 0 {
		s = s[:i]
	}
	return strings.NewReplacer("'", "", "[", "", "]", "", "\"", "", "`", "", "$", "").Replace(strings.TrimSpace(s))
}

func bashCompletion() string {
	var b strings.Builder
	all := strings.Join(names(), " ")
	fmt.Fprintf(&b, `# bash completion for brochure; load with: source <(brochure completion bash)
_brochure() {
    local cur prev cmd
    cur="${COMP_WORDS[COMP_CWORD]}"
    prev="${COMP_WORDS[COMP_CWORD-1]}"
    cmd="${COMP_WORDS[1]}"
    if [[ $COMP_CWORD -eq 1 ]]; then
        COMPREPLY=($(compgen -W "%s" -- "$cur"))
        return
    fi
    case "$prev" in
`, all)
	seen := map[string]bool{}
	for _, c := range commands() {
		for _, f := range flagsOf(c) {
			if !f.value || seen[f.dash()] {
				continue
			}
			seen[f.dash()] = true
			switch ch, ok := choices[f.name]; {
			case ok:
				fmt.Fprintf(&b, "        %s) COMPREPLY=($(compgen -W \"%s\" -- \"$cur\")); return ;;\n", f.dash(), ch)
			case f.file():
				fmt.Fprintf(&b, "        %s) COMPREPLY=($(compgen -f -- \"$cur\")); return ;;\n", f.dash())
			default:
				fmt.Fprintf(&b, "        %s) return ;;\n", f.dash())
			}
		}
	}
	b.WriteString("    esac\n    if [[ \"$cur\" == -* ]]; then\n        case \"$cmd\" in\n")
	for _, c := range commands() {
		var fl []string
		for _, f := range flagsOf(c) {
			fl = append(fl, f.dash())
		}
		fmt.Fprintf(&b, "            %s) COMPREPLY=($(compgen -W \"%s\" -- \"$cur\")) ;;\n", c.name, strings.TrimSpace(strings.Join(fl, " ")+" --help"))
	}
	b.WriteString("        esac\n        return\n    fi\n    case \"$cmd\" in\n")
	for _, c := range commands() {
		var reply string
		switch c.operands {
		case "yaml":
			reply = `COMPREPLY=($(compgen -f -X '!*.@(yaml|yml)' -- "$cur") $(compgen -d -- "$cur"))`
		case "pdf":
			reply = `COMPREPLY=($(compgen -f -X '!*.pdf' -- "$cur") $(compgen -d -- "$cur"))`
		case "dir":
			reply = `COMPREPLY=($(compgen -d -- "$cur"))`
		case "shell":
			reply = `COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur"))`
		case "command":
			reply = fmt.Sprintf(`COMPREPLY=($(compgen -W "%s" -- "$cur"))`, all)
		default:
			continue
		}
		fmt.Fprintf(&b, "        %s) %s ;;\n", c.name, reply)
	}
	b.WriteString("    esac\n}\nshopt -s extglob\ncomplete -o filenames -F _brochure brochure\n")
	return b.String()
}

func zshCompletion() string {
	var b strings.Builder
	b.WriteString("#compdef brochure\n# zsh completion for brochure; put it in a folder of $fpath as _brochure\n_brochure() {\n    local -a commands\n    commands=(\n")
	for _, c := range commands() {
		fmt.Fprintf(&b, "        '%s:%s'\n", c.name, short(c.summary))
	}
	b.WriteString("    )\n    if (( CURRENT == 2 )); then\n        _describe 'command' commands\n        return\n    fi\n    case \"$words[2]\" in\n")
	for _, c := range commands() {
		var specs []string
		for _, f := range flagsOf(c) {
			spec := fmt.Sprintf("'%s[%s]", f.dash(), short(f.usage))
			if f.value {
				switch ch, ok := choices[f.name]; {
				case ok:
					spec += fmt.Sprintf(":%s:(%s)", f.name, ch)
				case f.file():
					spec += fmt.Sprintf(":%s:_files", f.name)
				default:
					spec += fmt.Sprintf(":%s: ", f.name)
				}
			}
			specs = append(specs, spec+"'")
		}
		specs = append(specs, "'--help[help]'")
		switch c.operands {
		case "yaml":
			specs = append(specs, `'*:report:_files -g "*.(yaml|yml)(-.)" -/'`)
		case "pdf":
			specs = append(specs, `'*:pdf:_files -g "*.pdf(-.)" -/'`)
		case "dir":
			specs = append(specs, `'*:folder:_files -/'`)
		case "shell":
			specs = append(specs, `'1:shell:(bash zsh fish)'`)
		case "command":
			specs = append(specs, fmt.Sprintf(`'1:command:(%s)'`, strings.Join(names(), " ")))
		}
		fmt.Fprintf(&b, "        %s)\n            _arguments %s ;;\n", c.name, strings.Join(specs, " "))
	}
	b.WriteString("    esac\n}\n_brochure \"$@\"\n")
	return b.String()
}

func fishCompletion() string {
	var b strings.Builder
	all := strings.Join(names(), " ")
	fmt.Fprintf(&b, "# fish completion for brochure; put it in ~/.config/fish/completions/brochure.fish\nset -l cmds %s\ncomplete -c brochure -f\n", all)
	for _, c := range commands() {
		fmt.Fprintf(&b, "complete -c brochure -n \"not __fish_seen_subcommand_from $cmds\" -a %s -d '%s'\n", c.name, short(c.summary))
	}
	for _, c := range commands() {
		cond := fmt.Sprintf("-n \"__fish_seen_subcommand_from %s\"", c.name)
		switch c.operands {
		case "yaml":
			fmt.Fprintf(&b, "complete -c brochure %s -a \"(__fish_complete_suffix .yaml; __fish_complete_suffix .yml; __fish_complete_directories)\"\n", cond)
		case "pdf":
			fmt.Fprintf(&b, "complete -c brochure %s -a \"(__fish_complete_suffix .pdf)\"\n", cond)
		case "dir":
			fmt.Fprintf(&b, "complete -c brochure %s -a \"(__fish_complete_directories)\"\n", cond)
		case "shell":
			fmt.Fprintf(&b, "complete -c brochure %s -a 'bash zsh fish'\n", cond)
		case "command":
			fmt.Fprintf(&b, "complete -c brochure %s -a '%s'\n", cond, all)
		}
		for _, f := range flagsOf(c) {
			opt := "-l " + f.name
			if len(f.name) == 1 {
				opt = "-s " + f.name
			}
			switch ch, ok := choices[f.name]; {
			case ok:
				opt += fmt.Sprintf(" -x -a '%s'", ch)
			case f.file():
				opt += " -r -F"
			case f.value:
				opt += " -x"
			}
			fmt.Fprintf(&b, "complete -c brochure %s %s -d '%s'\n", cond, opt, short(f.usage))
		}
	}
	b.WriteString("complete -c brochure -l help -d 'help'\n")
	return b.String()
}

func completionCmd(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		return usageErr(stderr, "completion", fmt.Errorf("name one shell: bash, zsh or fish"))
	}
	switch args[0] {
	case "bash":
		fmt.Fprint(stdout, bashCompletion())
	case "zsh":
		fmt.Fprint(stdout, zshCompletion())
	case "fish":
		fmt.Fprint(stdout, fishCompletion())
	default:
		return usageErr(stderr, "completion", fmt.Errorf("unknown shell %q; use bash, zsh or fish", args[0]))
	}
	return exitOK
}
