package server

import (
	"github.com/gmux/gmux/server/status"
	"github.com/gmux/gmux/server/window"
)

// statusHost is the session as a status line sees it (status.Source).
type statusHost session

// statusSource is s as its status lines see it.
func (s *session) statusSource() *statusHost { return (*statusHost)(s) }

func (h *statusHost) Windows() []*window.Window { return h.windows }
func (h *statusHost) SessionName() string       { return h.opts.Name }
func (h *statusHost) Backtick(id int) string    { return h.backticks.value((*session)(h), id) }
func (h *statusHost) Renditions() (bell, monitor string) {
	return h.set.BellRendition, h.set.MonitorRendition
}

var _ status.Source = (*statusHost)(nil)
