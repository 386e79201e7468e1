package cli

import (
	"fmt"
	"os"
	"strings"
)

// Shell completion, as bash-completion has it for screen (`screen -r <Tab>`
// lists the sessions): gmux's options, session names after the flags that
// take one, and after -X or -Q the session's commands. The script asks
// `gmux -ls` for the sessions each time, so it follows GMUX_SOCKET_DIR.
// zsh runs the same function through bashcompinit.

// CommandNames are what -X completes: the server's commands and screen's
// aliases for them (the server's tests keep this list equal to its table).
var CommandNames = strings.Fields(`
` + commandNameList + `
`)

// completionOptions are the options offered after a lone -.
const completionOptions = "-c -d -D -dmS -e -h -l -L -ls -list -m -p -q -r -R -S -s -t -T -U -v -wipe -upgrade -x -X -Q --help --version -completion"

const bashCompletion = `# gmux's completion for bash: source <(gmux -completion bash)
_gmux_sessions() {
	gmux -ls 2>/dev/null | awk -F'\t' '/^\t[0-9]+\./ { n = $2; sub(/^[0-9]+\./, "", n); print n }'
}
# Session names are data: matched as strings and quoted for the command
# line, never given to compgen -W, which would expand a $(...) in a name.
_gmux_complete_sessions() {
	local name
	COMPREPLY=()
	while IFS= read -r name; do
		[[ $name == "$1"* ]] && COMPREPLY+=("$(printf '%%q' "$name")")
	done < <(_gmux_sessions)
}
_gmux() {
	local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} i
	# After -X or -Q (anywhere before): its command, then nothing known.
	for ((i = 1; i < COMP_CWORD; i++)); do
		case ${COMP_WORDS[i]} in
		-X|-Q)
			if ((i == COMP_CWORD - 1)); then
				COMPREPLY=($(compgen -W "%s" -- "$cur"))
			fi
			return
			;;
		esac
	done
	case $prev in
	-c) COMPREPLY=($(compgen -f -- "$cur")); return ;;
	-s) COMPREPLY=($(compgen -c -- "$cur")); return ;;
	-dmS|-e|-h|-p|-t|-T) return ;;
	-*[rRxdDS]|-ls|-list|-wipe|-upgrade|--upgrade)
		_gmux_complete_sessions "$cur"; return ;;
	-completion|--completion) COMPREPLY=($(compgen -W "bash zsh fish" -- "$cur")); return ;;
	esac
	if [[ $cur == -* ]]; then
		COMPREPLY=($(compgen -W "%s" -- "$cur"))
	else
		COMPREPLY=($(compgen -c -- "$cur")) # a program to run in the session
	fi
}
complete -F _gmux gmux
`

// fishCompletion is the same for fish: the options, the sessions after the
// flags that take one, -X's commands, a program to run otherwise. Session
// names come from gmux -ls as lines, which fish offers as they are (escaped
// when inserted), never evaluated.
const fishCompletion = `# gmux's completion for fish: gmux -completion fish | source
function __gmux_sessions
	gmux -ls 2>/dev/null | string replace -rf '^\t[0-9]+\.([^\t]+).*' '$1'
end
function __gmux_prev
	set -l toks (commandline -opc)
	test (count $toks) -ge 2; and echo -- $toks[-1]
end
# -X or -Q came before the word before this one: nothing more is known.
function __gmux_past_command
	set -l toks (commandline -opc)
	for t in $toks[2..-2]
		contains -- $t -X -Q; and return 0
	end
	return 1
end
function __gmux_state
	__gmux_past_command; and echo done; and return
	set -l prev (__gmux_prev)
	switch "$prev"
		case -X -Q
			echo command
		case -c
			echo file
		case -s
			echo program
		case -dmS -e -h -p -t -T
			echo done
		case -completion --completion
			echo shell
		case -ls -list -wipe -upgrade --upgrade
			echo session
		case '*'
			# fish's globs have no [classes]: -r, -dr, -x, -S and their kin.
			if string match -qr -- '^-[a-zA-Z]*[rRxdDS]$' "$prev"
				echo session
			else if string match -q -- '-*' (commandline -ct)
				echo option
			else
				echo program
			end
	end
end
complete -c gmux -e
complete -c gmux -f
complete -c gmux -n 'test (__gmux_state) = command' -a '%s'
complete -c gmux -n 'test (__gmux_state) = session' -a '(__gmux_sessions)'
complete -c gmux -n 'test (__gmux_state) = option' -a '%s'
complete -c gmux -n 'test (__gmux_state) = shell' -a 'bash zsh fish'
complete -c gmux -n 'test (__gmux_state) = file' -F
complete -c gmux -n 'test (__gmux_state) = program' -a '(__fish_complete_command)'
`

// printCompletion writes the completion script for shell.
func printCompletion(shell string) int {
	script := fmt.Sprintf(bashCompletion, strings.Join(CommandNames, " "), completionOptions)
	switch shell {
	case "bash":
	case "zsh":
		script = "# gmux's completion for zsh: source <(gmux -completion zsh)\nautoload -U +X bashcompinit && bashcompinit\n" + script
	case "fish":
		script = fmt.Sprintf(fishCompletion, strings.Join(CommandNames, " "), completionOptions)
	default:
		fmt.Fprintf(os.Stderr, "gmux: -completion knows bash, zsh and fish, not %q\n", shell)
		return 2
	}
	fmt.Print(script)
	return 0
}
