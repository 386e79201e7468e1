// Package menu is a list a display shows over its whole terminal or its
// focused region, to pick from (the window list) or to read (help, the
// displays): its items and selection, screen's keys and the mouse over it,
// its search, its scrolling, and its drawing on a render.Canvas.
//
// It owns the list's state and rules; what picking an item does, and the
// prompt its search asks with, are its owner's.
package menu
