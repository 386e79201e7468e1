package window

// Attention, as screen has it: a bell or (with monitor on) output in a
// window no display shows marks the window in the lists (! and @) and tells
// every display; the marks go when a display shows the window.

// HiddenAttention handles output that changed w, which no display shows,
// and the bells it rang: w's flags, and the host is told.
func (w *Window) HiddenAttention(h Host, bells int) {
	switch {
	case bells > 0:
		w.Bell = true
		h.Attention(w, true)
	case w.Monitor && !w.Activity:
		w.Activity = true
		h.Attention(w, false)
	}
}

// Seen clears w's attention flags: a display shows it.
func (w *Window) Seen(h Host) {
	if w.Bell || w.Activity || w.Silent {
		w.Bell, w.Activity, w.Silent = false, false, false
		h.MarksChanged()
	}
}
