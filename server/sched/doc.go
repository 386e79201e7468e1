// Package sched is the session loop's scheduler. The session's pending work
// in time — a frame to draw, a message to clear, a paste to send once the
// program is quiet, a silence to tell — is data: a deadline per kind and id
// (a display's, a window's), owned by the loop, behind one timer. Setting a
// deadline again moves it; nothing is posted to the loop until one is due,
// and then once for all that are. The clock is the scheduler's own, so that
// a test can move time instead of waiting.
//
// It owns the deadlines and the one timer; it must not know what they are
// for beyond their kinds: what runs is the caller's.
package sched
