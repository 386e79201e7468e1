// Package settings is what a session's user sets: the Settings struct (the
// config file, C-a : and -X change it; a live upgrade hands it over whole,
// by its JSON names), the table of its plain values (Table: one row each,
// server/options), and bindkey's keymap.
//
// It owns the settings' shape, names and values' rules. It must not know
// the session: what a change does beyond the value (a redraw, a refit) is
// the server's.
package settings
