package main

import (
	"fmt"
	"io"
)

// The completion scripts: commands, their options, and .yaml files or
// folders where a report goes.

const bashCompletion = `# bash completion for brochure; load with: source <(brochure completion bash)
_brochure() {
    local cur prev cmd
    cur="${COMP_WORDS[COMP_CWORD]}"
    prev="${COMP_WORDS[COMP_CWORD-1]}"
    cmd="${COMP_WORDS[1]}"
    if [[ $COMP_CWORD -eq 1 ]]; then
        COMPREPLY=($(compgen -W "build watch validate charts impose preflight init diff schema completion version help" -- "$cur"))
        return
    fi
    case "$prev" in
        -o) COMPREPLY=($(compgen -f -- "$cur")); return ;;
        --template) COMPREPLY=($(compgen -W "year-in-review blank" -- "$cur")); return ;;
    esac
    if [[ "$cur" == -* ]]; then
        case "$cmd" in
            build) COMPREPLY=($(compgen -W "-o --json --quiet -j --draft --final --pdfa --impose --preflight --help" -- "$cur")) ;;
            watch) COMPREPLY=($(compgen -W "-o --help" -- "$cur")) ;;
            init) COMPREPLY=($(compgen -W "--template --help" -- "$cur")) ;;
            *) COMPREPLY=($(compgen -W "--help" -- "$cur")) ;;
        esac
        return
    fi
    case "$cmd" in
        completion) COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur")) ;;
        help) COMPREPLY=($(compgen -W "build watch validate charts impose preflight init diff schema completion version" -- "$cur")) ;;
        init) COMPREPLY=($(compgen -d -- "$cur")) ;;
        schema|version) ;;
        *) COMPREPLY=($(compgen -f -X '!*.@(yaml|yml)' -- "$cur") $(compgen -d -- "$cur")) ;;
    esac
}
shopt -s extglob
complete -o filenames -F _brochure brochure
`

const zshCompletion = `#compdef brochure
# zsh completion for brochure; put it in a folder of $fpath as _brochure
_brochure() {
    local -a commands
    commands=(
        'build:build the brochure PDF'
        'watch:rebuild on every save'
        'validate:check a report'
        'charts:every chart as its own SVG, PNG or PDF'
        'impose:2-up saddle-stitch sheets of a brochure PDF'
        'preflight:what a print shop checks in a PDF'
        'init:start a new report'
        'diff:what changed between two versions'
        'schema:print the JSON Schema'
        'completion:print a shell completion script'
        'version:print the version'
        'help:help on a command'
    )
    if (( CURRENT == 2 )); then
        _describe 'command' commands
        return
    fi
    case "$words[2]" in
        build)
            _arguments '-o[output PDF or folder]:file:_files' '--json[summary as JSON]' '--quiet[only problems]' '-j[parallel builds]:number:' '--help[help]' '*:report:_files -g "*.(yaml|yml)(-.)" -/' ;;
        watch)
            _arguments '-o[output PDF]:file:_files' '--help[help]' '*:report:_files -g "*.(yaml|yml)(-.)"' ;;
        init)
            _arguments '--template[starter content]:template:(year-in-review blank)' '--help[help]' '*:folder:_files -/' ;;
        validate|diff|charts)
            _arguments '--help[help]' '*:report:_files -g "*.(yaml|yml)(-.)"' ;;
        impose|preflight)
            _arguments '--help[help]' '*:pdf:_files -g "*.pdf(-.)"' ;;
        completion)
            _arguments '1:shell:(bash zsh fish)' ;;
        help)
            _describe 'command' commands ;;
    esac
}
_brochure "$@"
`

const fishCompletion = `# fish completion for brochure; put it in ~/.config/fish/completions/brochure.fish
set -l cmds build watch validate charts impose preflight init diff schema completion version help
complete -c brochure -f
complete -c brochure -n "not __fish_seen_subcommand_from $cmds" -a build -d 'build the brochure PDF'
complete -c brochure -n "not __fish_seen_subcommand_from $cmds" -a watch -d 'rebuild on every save'
complete -c brochure -n "not __fish_seen_subcommand_from $cmds" -a validate -d 'check a report'
complete -c brochure -n "not __fish_seen_subcommand_from $cmds" -a charts -d 'every chart as its own file'
complete -c brochure -n "not __fish_seen_subcommand_from $cmds" -a impose -d '2-up saddle-stitch sheets'
complete -c brochure -n "not __fish_seen_subcommand_from $cmds" -a preflight -d 'what a print shop checks'
complete -c brochure -n "not __fish_seen_subcommand_from $cmds" -a init -d 'start a new report'
complete -c brochure -n "not __fish_seen_subcommand_from $cmds" -a diff -d 'what changed between two versions'
complete -c brochure -n "not __fish_seen_subcommand_from $cmds" -a schema -d 'print the JSON Schema'
complete -c brochure -n "not __fish_seen_subcommand_from $cmds" -a completion -d 'print a shell completion script'
complete -c brochure -n "not __fish_seen_subcommand_from $cmds" -a version -d 'print the version'
complete -c brochure -n "not __fish_seen_subcommand_from $cmds" -a help -d 'help on a command'
complete -c brochure -n "__fish_seen_subcommand_from build watch validate diff charts" -a "(__fish_complete_suffix .yaml; __fish_complete_suffix .yml; __fish_complete_directories)"
complete -c brochure -n "__fish_seen_subcommand_from impose preflight" -a "(__fish_complete_suffix .pdf)"
complete -c brochure -n "__fish_seen_subcommand_from build watch" -s o -r -F -d 'output PDF (or folder)'
complete -c brochure -n "__fish_seen_subcommand_from build" -l json -d 'summary as JSON'
complete -c brochure -n "__fish_seen_subcommand_from build" -l quiet -d 'only problems'
complete -c brochure -n "__fish_seen_subcommand_from build" -s j -x -d 'parallel builds'
complete -c brochure -n "__fish_seen_subcommand_from init" -l template -x -a 'year-in-review blank' -d 'starter content'
complete -c brochure -n "__fish_seen_subcommand_from init" -a "(__fish_complete_directories)"
complete -c brochure -n "__fish_seen_subcommand_from completion" -a 'bash zsh fish'
complete -c brochure -l help -d 'help'
`

func completionCmd(args []string, stdout, stderr io.Writer) int {
	if len(args) != 1 {
		return usageErr(stderr, "completion", fmt.Errorf("name one shell: bash, zsh or fish"))
	}
	switch args[0] {
	case "bash":
		fmt.Fprint(stdout, bashCompletion)
	case "zsh":
		fmt.Fprint(stdout, zshCompletion)
	case "fish":
		fmt.Fprint(stdout, fishCompletion)
	default:
		return usageErr(stderr, "completion", fmt.Errorf("unknown shell %q; use bash, zsh or fish", args[0]))
	}
	return exitOK
}
