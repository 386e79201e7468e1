// Package layout is the geometry of a display split into regions, as screen
// splits it (C-a S, C-a |): a tree of splits whose leaves are regions, each
// child of a split with its size along the split's axis. It knows nothing
// of windows, drawing or input: it splits, removes, resizes, fits a new
// display size, finds neighbours for focus moves, and writes itself as text
// so a layout can be saved and restored (layout save, a session's layouts
// surviving detach). The session maps regions to windows by their IDs.
//
// Regions side by side are separated by a one-column border, which belongs
// to the layout; regions one above the other are not (the caption line a
// region shows is the region's own last row, the caller's to draw).
package layout
