package vt

import "strings"

// Hyperlinks, OSC 8 (ESC ] 8 ; params ; URI ST): text a program marks as a
// link (ls --hyperlink, gcc's diagnostics, systemctl, delta) is kept as a
// link in the cells it wrote, in the history with them, and drawn as one on
// terminals that take it. A cell holds a 16-bit index (Style.Link) into the
// screen's table of links, where equal links share one entry.
//
// The table is bounded: at most maxLinks entries and maxLinkBytes of ids
// and URIs a window. When it is full, entries nothing holds any more are
// given back: an entry is held by the grids, the pens (the cursor's and the
// saved ones), or the history while a line written with it is still there
// (each entry remembers the newest history line holding it, so no history
// is read to find out). A link that finds the table full of held entries is
// dropped: its text is written plain.

const (
	maxLinks     = 1<<16 - 1 // a Link is 16 bits, and 0 is none
	maxLinkBytes = 1 << 20
	// The longest URI and id taken (VTE's bounds); a longer link is
	// written as plain text.
	maxLinkURI = 2083
	maxLinkID  = 250
	// linkRetry is how many new links finding no room are dropped after a
	// collection that gave little back (under 1/16 of the entries), before
	// the next one is tried: a table kept full of held links does not cost
	// a collection per link.
	linkRetry = 1024
)

// Hyperlink is an OSC 8 link: where it points and, when the program named
// it, its id (cells of one id are one link to a terminal, however they are
// split across lines).
type Hyperlink struct {
	ID, URI string
}

type linkEntry struct {
	Hyperlink
	// lastLine is the newest history line holding the link, numbered as
	// History.added counts; -1: none has gone into the history.
	lastLine int64
}

type linkTable struct {
	entries []linkEntry // by Link; entries[0] is no link
	index   map[Hyperlink]uint16
	free    []uint16 // entries given back
	bytes   int      // of ids and URIs in entries
	// refused counts new links dropped since a collection that gave little
	// back (linkRetry); 0: the next link finding no room collects.
	refused int
}

// Hyperlink returns the link a cell's Style.Link names.
func (s *Screen) Hyperlink(link uint16) (Hyperlink, bool) {
	t := &s.links
	if link == 0 || int(link) >= len(t.entries) || t.entries[link].URI == "" {
		return Hyperlink{}, false
	}
	return t.entries[link].Hyperlink, true
}

// hyperlinkOSC acts on OSC 8's argument, "params;URI": an empty URI ends
// the link the pen writes with, another starts one.
func (s *interp) hyperlinkOSC(arg []byte) {
	params, uri, ok := cutByte(arg, ';')
	s.cur.style.Link = 0
	if !ok || len(uri) == 0 {
		return
	}
	var id string
	for p := range strings.SplitSeq(string(params), ":") {
		if v, ok := strings.CutPrefix(p, "id="); ok {
			id = v
		}
	}
	if len(uri) > maxLinkURI || len(id) > maxLinkID || !linkText(string(uri)) || !linkText(id) {
		return
	}
	s.cur.style.Link = s.scr().linkFor(Hyperlink{ID: id, URI: string(uri)})
}

// linkText reports whether v is what OSC 8 allows in a URI or id: bytes 32
// to 126. Anything else would be a control in the sequence gmux writes on.
func linkText(v string) bool {
	for i := range len(v) {
		if v[i] < 0x20 || v[i] > 0x7e {
			return false
		}
	}
	return true
}

// linkFor returns the table's index for h, adding it if it is new; 0 when
// the table has no room for it.
func (s *Screen) linkFor(h Hyperlink) uint16 {
	t := &s.links
	if i, ok := t.index[h]; ok {
		return i
	}
	size := len(h.ID) + len(h.URI)
	if !t.room(size) {
		if t.refused > 0 && t.refused <= linkRetry {
			t.refused++
			return 0
		}
		t.refused = 0
		if freed := s.collectLinks(); freed*16 < len(t.entries) {
			t.refused = 1
		}
		if !t.room(size) {
			return 0
		}
	}
	if t.index == nil {
		t.index = map[Hyperlink]uint16{}
		t.entries = append(t.entries, linkEntry{}) // 0: no link
	}
	e := linkEntry{Hyperlink: h, lastLine: -1}
	var i uint16
	if n := len(t.free); n > 0 {
		i = t.free[n-1]
		t.free = t.free[:n-1]
		t.entries[i] = e
	} else {
		i = uint16(len(t.entries))
		t.entries = append(t.entries, e)
	}
	t.index[h] = i
	t.bytes += size
	return i
}

// room reports whether a link of size bytes fits in the table.
func (t *linkTable) room(size int) bool {
	return t.bytes+size <= maxLinkBytes && (len(t.free) > 0 || len(t.entries) < maxLinks+1)
}

// collectLinks gives back the entries nothing holds any more and returns
// how many.
func (s *Screen) collectLinks() (freed int) {
	t := &s.links
	if len(t.entries) == 0 {
		return 0
	}
	held := make([]bool, len(t.entries))
	hold := func(st Style) {
		if int(st.Link) < len(held) {
			held[st.Link] = true
		}
	}
	s.thaw()
	for _, g := range []*grid{&s.main, &s.alt} {
		for i := range g.lines {
			for _, c := range g.lines[i].cells {
				hold(c.S)
			}
		}
	}
	hold(s.cur.style)
	for _, sv := range s.saved {
		hold(sv.style)
	}
	oldest := s.hist.added - int64(s.hist.n)
	for i := 1; i < len(t.entries); i++ {
		e := &t.entries[i]
		if e.URI == "" || held[i] || e.lastLine >= oldest {
			continue
		}
		delete(t.index, e.Hyperlink)
		t.bytes -= len(e.ID) + len(e.URI)
		*e = linkEntry{}
		t.free = append(t.free, uint16(i))
		freed++
	}
	return freed
}

// linksInHistory notes that history line number line (History.added's
// count) holds the links of runs.
func (s *Screen) linksInHistory(runs []styleRun, line int64) {
	for _, r := range runs {
		if l := int(r.style.Link); l != 0 && l < len(s.links.entries) {
			s.links.entries[l].lastLine = line
		}
	}
}

// linksReflowed is called when the history was rewritten (a resize's
// rewrap): where its lines went is no longer known, so every link counts
// as held by the newest line until as many lines have come after it.
func (s *Screen) linksReflowed() {
	for i := range s.links.entries {
		s.links.entries[i].lastLine = s.hist.added - 1
	}
}

// attrAndLink packs a style's attributes and link into one number for the
// history and snapshot formats: the link above the 16 bits of Attr, so
// lines stored before links were kept read back as they were.
func attrAndLink(st Style) uint64 { return uint64(st.Attr) | uint64(st.Link)<<16 }

func (st *Style) setAttrAndLink(v uint64) {
	st.Attr, st.Link = Attr(v), uint16(v>>16)
}
