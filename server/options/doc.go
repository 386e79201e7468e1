// Package options is the table of a session's settings, as tmux's
// options-table.c is: each setting is one row (name, the values it takes,
// default reading, scope, help, and how it is read from and written to the
// settings struct), so that setting it from the config file, C-a : or -X,
// reading it (-Q name), listing them all (the options command), completing
// its values at the prompt, and the reference in the guide and man page all
// come from that one row.
//
// It owns parsing and checking values, and what a setting's name alone does
// (shows the value, toggles, or asks for one). It must not know the session:
// a row reaches only the settings struct it is given (T), and what else must
// happen when a setting changes (redraw, refit) is the caller's, told by the
// changed result.
package options
