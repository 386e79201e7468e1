// Package copymode is screen's copy mode as a model: a cursor over a frozen
// document (vt.Document: a window's history and screen) moved by screen's and
// vi's keys, marks and block selections, searches, and the text a copy
// takes, joined as screen's J says, and how the mode draws itself on a
// render.Canvas. Key returns what a key did; the server acts on it (the
// paste buffer, prompts for a search, messages) and knows which window it is
// a copy of. Pure, tested alone.
package copymode
