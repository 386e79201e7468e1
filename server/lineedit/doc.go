// Package lineedit edits one line of text from keys, as screen's input line
// (C-a :, C-a A, copy mode's search) does: a cursor that moves, keys that
// delete around it, a history to walk and search, and Tab left to the
// caller to complete. It knows nothing of terminals or sessions: the server
// feeds it a display's keys and draws what View returns.
package lineedit
