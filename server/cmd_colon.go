package server

import (
	"slices"
	"strings"

	"github.com/gmux/gmux/server/prompt"
)

func init() {
	register(&command{
		name: "colon", guest: true, usage: "[prefix]", help: "enter a command on the prompt line (the line starts with prefix)", maxArgs: 1, needClient: true,
		run: func(x *cmdContext, args []string) (string, error) {
			c := x.c
			p := &prompt.Prompt{Label: ":", History: x.s.colonHistory, Candidates: colonCandidates}
			if len(args) == 1 {
				p.Text = args[0] // bind s colon "select ": the line is begun
			}
			p.Done = func(line string) {
				out, err := x.s.runLine(&cmdContext{s: x.s, c: c, w: c.win}, line)
				switch {
				case err != nil:
					c.showMessage(x.s, err.Error())
				case out != "":
					c.showMessage(x.s, out)
				}
			}
			c.openPrompt(p)
			return "", nil
		},
	})
}

// colonCandidates are what Tab completes at the C-a : prompt: a command's
// name in the first word (screen completes only that), and the words of a
// setting's first argument (on, off, auto…) in the second.
func colonCandidates(words []string, index int) []string {
	if index == 1 {
		return settingWords(words[0])
	}
	if index > 0 {
		return nil
	}
	names := commandNames()
	for alias := range screenAliases {
		names = append(names, alias)
	}
	slices.Sort(names)
	return slices.Compact(names)
}

// settingWords are the words a command's first argument is one of: a
// setting's own (options_table.go), or for a window's on|off commands (wrap,
// flow) read from their usage ("[on|off|auto]"); nil for any other.
func settingWords(name string) []string {
	if alias, ok := screenAliases[name]; ok {
		name = alias
	}
	cmd, ok := commandTable[name]
	if !ok {
		return nil
	}
	if cmd.setting != nil {
		return cmd.setting.Words()
	}
	first, _, _ := strings.Cut(cmd.usage, " ")
	words := strings.Split(strings.Trim(first, "[]"), "|")
	if !slices.Contains(words, "on") || !slices.Contains(words, "off") {
		return nil
	}
	return slices.DeleteFunc(words, func(w string) bool { return w == "seconds" }) // a number, not a word
}
