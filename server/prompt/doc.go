// Package prompt is an input line a display shows on its last line (C-a :,
// C-a A, copy mode's searches, y/n questions): its label, the line being
// edited (server/lineedit), Tab's completion from candidates, and what it
// shows, with the cursor where the typing goes.
//
// It owns the line and its keys; what the answer does is its owner's (Done,
// OnKey, OnChange).
package prompt
