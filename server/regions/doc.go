// Package regions is a split display's regions (split, C-a S and C-a |):
// the layout's geometry (server/layout) and the window each region shows,
// one focused, and their form in words for the next display and for a live
// upgrade (handover.Regions).
//
// It owns which window each region shows and keeps that true through
// splits, removals, resizes and windows that go. It must not know displays
// or the session: refitting windows and drawing are its owner's.
package regions
