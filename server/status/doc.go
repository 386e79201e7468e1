// Package status expands screen's string escapes (%w, %n, %t, %h, %c, %`,
// %?...%?, %{...}, fills and truncations) for hardstatus and caption
// lines, window lists, messages and log time stamps; the line's layout is
// server/statusline's.
//
// It owns the escapes' meaning. It must not know the session: the windows,
// the session's name, backticks' values and the renditions come from the
// Source it is given.
package status
