// Package statusline lays out one status or caption line the way screen's
// string escapes ask: text and zero-width style markers in order, fills that
// share the room left (%=, like TeX's hfill), pads to a column (%50=),
// truncation points (%<) and the mark that truncation keeps in view (%50>).
// It knows nothing of windows or escapes; the session expands those and
// hands the pieces here.
//
// It also defines the markers' format (marks.go), which the status
// expander writes and the renderer reads.
package statusline
