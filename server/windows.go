package server

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/gmux/gmux/server/settings"
	"github.com/gmux/gmux/server/window"
)

// windowList is the session's windows, sorted by number, and the ways to
// find one in it.
type windowList []*window.Window

// byNumber returns window n, or nil.
func (ws windowList) byNumber(n int) *window.Window {
	for _, w := range ws {
		if w.Number == n {
			return w
		}
	}
	return nil
}

// freeNumber returns the lowest unused window number, or -1 if all are taken.
func (ws windowList) freeNumber() int { return ws.freeNumberFrom(0) }

// freeNumberFrom returns the lowest unused window number from n on, or -1:
// screen's rule for `screen N` when N is taken.
func (ws windowList) freeNumberFrom(n int) int {
	for ; n < settings.MaxWindows; n++ {
		if ws.byNumber(n) == nil {
			return n
		}
	}
	return -1
}

// after returns the next (dir +1) or previous (-1) window from number n,
// wrapping around.
func (ws windowList) after(n, dir int) *window.Window {
	if len(ws) == 0 {
		return nil
	}
	if dir > 0 {
		for _, w := range ws {
			if w.Number > n {
				return w
			}
		}
		return ws[0]
	}
	for i := len(ws) - 1; i >= 0; i-- {
		if ws[i].Number < n {
			return ws[i]
		}
	}
	return ws[len(ws)-1]
}

// byID returns the window with id, or nil.
func (ws windowList) byID(id int) *window.Window {
	for _, w := range ws {
		if w.ID == id {
			return w
		}
	}
	return nil
}

// titles are what Tab completes at the select prompt: the windows'
// titles, as the first word.
func (ws windowList) titles(_ []string, index int) []string {
	if index > 0 {
		return nil
	}
	var titles []string
	for _, w := range ws {
		titles = append(titles, w.DisplayTitle())
	}
	slices.Sort(titles)
	return slices.Compact(titles)
}

// find finds a window by number, else by title (exact, then prefix).
func (ws windowList) find(name string) *window.Window {
	if n, err := strconv.Atoi(name); err == nil {
		return ws.byNumber(n)
	}
	for _, w := range ws {
		if w.DisplayTitle() == name {
			return w
		}
	}
	for _, w := range ws {
		if strings.HasPrefix(w.DisplayTitle(), name) {
			return w
		}
	}
	return nil
}

// matching is at's window identifier: a number, else the windows
// whose title starts with it; "" is every window.
func (ws windowList) matching(id string) ([]*window.Window, error) {
	if id == "" {
		return append([]*window.Window(nil), ws...), nil
	}
	if n, err := strconv.Atoi(id); err == nil {
		if w := ws.byNumber(n); w != nil {
			return []*window.Window{w}, nil
		}
		return nil, fmt.Errorf("at: no window %d", n)
	}
	var wins []*window.Window
	for _, w := range ws {
		if strings.HasPrefix(w.DisplayTitle(), id) {
			wins = append(wins, w)
		}
	}
	if len(wins) == 0 {
		return nil, fmt.Errorf("at: no window called %q", id)
	}
	return wins, nil
}
