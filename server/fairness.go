package server

// One window's flood must not delay another window's echo, nor a client's
// keys or a -X command. The loop takes its events from two lanes: events
// (keys, commands, timers, and the output of windows the loop keeps up with)
// and bulk (the output of a window the loop is behind on). The events lane
// comes first, so an echo waits behind at most the one chunk being
// processed, not behind a flood's backlog. A pane's reader chooses its lane
// (server/pane/lane.go).
//
// Measured before this (and before REP was bounded to a line), a flood of
// `A ESC[65535b` in one window made echo in another take 9-10 s and -X 17-19 s.

// bulkEvery lets one bulk event through after this many events in a row, so
// a stream of small events cannot starve a flood either.
const bulkEvery = 64

// next returns the loop's next event, events lane first.
func (s *session) next() func() {
	if s.eventRun < bulkEvery {
		select {
		case f := <-s.events:
			s.eventRun++
			return f
		default:
		}
	}
	select {
	case f := <-s.events:
		s.eventRun++
		return f
	case f := <-s.bulk:
		s.eventRun = 0
		return f
	}
}
