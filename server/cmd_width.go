package server

import (
	"fmt"
	"strconv"
)

// width and height set the window's size, as screen's do with -w (the
// window alone). gmux cannot change the terminal's own size (screen's Z0/Z1
// switch to 132 columns): -d says so. With windowsize other than manual the
// window goes back to its display's size when that changes; set it to
// manual to keep the size given.
func init() {
	for _, name := range []string{"width", "height"} {
		register(&command{
			name: name, usage: "[-w|-d] [cols [lines]]", maxArgs: 3,
			help: "set the window's " + name + " (screen's -w: the window only); no size toggles 80/132 columns or 24/42 lines",
			run: func(x *cmdContext, args []string) (string, error) {
				w := x.w
				if x.c != nil && x.c.win != nil {
					w = x.c.win
				}
				if w == nil || w.Exited {
					return "", fmt.Errorf("%s: no window", name)
				}
				if len(args) > 0 && (args[0] == "-w" || args[0] == "-d") {
					if args[0] == "-d" {
						return "", fmt.Errorf("%s -d: gmux does not change the terminal's own size; -w sets the window's", name)
					}
					args = args[1:]
				}
				cols, rows := w.Screen.Size()
				first, second := &cols, &rows
				if name == "height" {
					first, second = &rows, &cols
				}
				if len(args) == 0 {
					*first = toggleSize(name, *first)
				}
				for i, a := range args {
					n, err := strconv.Atoi(a)
					if err != nil || n < 1 {
						return "", fmt.Errorf("%s: %q is not a size", name, a)
					}
					if i == 0 {
						*first = n
					} else {
						*second = n
					}
				}
				cols, rows = clampSize(cols, rows)
				w.Resize(cols, rows)
				x.s.redrawWindow(w)
				return "", nil
			},
		})
	}
}

// toggleSize is screen's width/height without a size: 80↔132, 24↔42.
func toggleSize(name string, cur int) int {
	if name == "width" {
		if cur == 132 {
			return 80
		}
		return 132
	}
	if cur == 42 {
		return 24
	}
	return 42
}
