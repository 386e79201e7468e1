package server

import "github.com/gmux/gmux/server/window"

func init() {
	register(&command{
		name: "next", guest: true, help: "switch to the next window", maxArgs: 0,
		run: func(x *cmdContext, _ []string) (string, error) { return cycle(x, +1) },
	})
	register(&command{
		name: "prev", guest: true, help: "switch to the previous window", maxArgs: 0,
		run: func(x *cmdContext, _ []string) (string, error) { return cycle(x, -1) },
	})
}

func cycle(x *cmdContext, dir int) (string, error) {
	from := -1 // from the blank window (select -): the first, or the last
	if x.w != nil {
		from = x.w.Number
	}
	w := x.s.windows.after(from, dir)
	if w == nil {
		return "", nil
	}
	if w == x.w {
		return "This is the only window.", nil
	}
	return x.s.show(x, w)
}

// show makes w the window of the context's client (or, from -X, the
// session's current window).
func (s *session) show(x *cmdContext, w *window.Window) (string, error) {
	if x.c != nil {
		s.selectWindow(x.c, w)
	}
	s.setLastWin(w)
	x.w = w
	return "", nil
}
