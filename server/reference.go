package server

import (
	"fmt"
	"slices"
	"sort"
	"strings"
)

// The user guide and the man page list the commands and the default keys
// from the tables themselves (see docs_test.go), so they cannot drift.

// commandReference renders the command table: markdown for the guide, roff
// for the man page.
func commandReference(roff bool) string {
	var b strings.Builder
	for _, name := range commandNames() {
		c := commandTable[name]
		if roff {
			fmt.Fprintf(&b, ".TP\n.B %s %s\n%s\n", name, roffEscape(c.usage), roffEscape(c.help))
			continue
		}
		usage := name
		if c.usage != "" {
			usage += " " + c.usage
		}
		fmt.Fprintf(&b, "- `%s` — %s\n", usage, c.help)
	}
	return b.String()
}

// keyReference renders the default key bindings, grouped by command.
func keyReference(roff bool) string {
	byCmd := map[string][]string{}
	for k, line := range defaultBindings {
		key, _ := parseKey(k)
		byCmd[line] = append(byCmd[line], keyName(key))
	}
	// The command key's two, unless the table has them already.
	for cmd, k := range map[string]string{"other": "^A", "meta": "a"} {
		if !slices.Contains(byCmd[cmd], k) {
			byCmd[cmd] = append(byCmd[cmd], k)
		}
	}
	lines := make([]string, 0, len(byCmd))
	for cmd := range byCmd {
		lines = append(lines, cmd)
	}
	sort.Strings(lines)
	var b strings.Builder
	for _, cmd := range lines {
		keys := byCmd[cmd]
		sort.Strings(keys)
		if roff {
			fmt.Fprintf(&b, ".TP\n.B C-a %s\n%s\n", roffEscape(strings.Join(keys, ", C-a ")), roffEscape(cmd))
			continue
		}
		quoted := make([]string, len(keys))
		for i, k := range keys {
			quoted[i] = "`C-a " + strings.ReplaceAll(k, "`", "\\`") + "`"
		}
		fmt.Fprintf(&b, "- %s — `%s`\n", strings.Join(quoted, ", "), cmd)
	}
	return b.String()
}

func roffEscape(s string) string {
	s = strings.ReplaceAll(s, `\`, `\e`)
	s = strings.ReplaceAll(s, "-", `\-`)
	if strings.HasPrefix(s, ".") || strings.HasPrefix(s, "'") {
		s = `\&` + s
	}
	return s
}

// screenReference renders, for the guide's "Coming from screen", every
// screen 4.9 command and what gmux does with it.
func screenReference() string {
	var b strings.Builder
	b.WriteString("| screen command | in gmux |\n|---|---|\n")
	names := append([]string(nil), screenCommands...)
	sort.Strings(names)
	for _, name := range names {
		var what string
		if c, ok := commandTable[name]; ok {
			what = "yes: " + c.help
		} else if to, ok := screenAliases[name]; ok {
			what = "yes, as `" + to + "`"
		} else if reason, ok := screenNoEffect[name]; ok {
			what = "accepted, no effect: " + reason
		} else if family, ok := screenToCome[name]; ok {
			what = "not yet"
			if family != "screen" {
				what += " (comes with the " + family + " commands)"
			}
		} else {
			what = "**unknown**"
		}
		fmt.Fprintf(&b, "| `%s` | %s |\n", name, strings.ReplaceAll(what, "|", `\|`))
	}
	return b.String()
}
