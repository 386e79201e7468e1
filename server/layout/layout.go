package layout

import (
	"errors"
	"fmt"
)

// Dir is how a split places its children.
type Dir uint8

const (
	// Stacked children are one above the other (screen's split, C-a S).
	Stacked Dir = iota
	// SideBySide children are left to right, a border column between
	// (split -v, C-a |).
	SideBySide
)

// Rect is a region's place on the display, in cells.
type Rect struct{ X, Y, W, H int }

// Region is a leaf of the layout and where it is.
type Region struct {
	ID   int
	Rect Rect
}

// MinSize is the least a region may be in either direction.
const MinSize = 1

type node struct {
	parent *node
	dir    Dir     // of a split
	kids   []*node // nil for a region
	size   int     // along the parent's axis
	id     int     // of a region
}

func (n *node) leaf() bool { return n.kids == nil }

// Layout is a display's regions. The zero value is not usable: use New.
type Layout struct {
	root  *node
	w, h  int
	focus *node
	next  int
}

// New returns a layout of one region filling w×h.
func New(w, h int) *Layout {
	l := &Layout{w: max(w, MinSize), h: max(h, MinSize)}
	l.root = l.newRegion()
	l.focus = l.root
	return l
}

func (l *Layout) newRegion() *node {
	l.next++
	return &node{id: l.next}
}

// Size is the display's size.
func (l *Layout) Size() (w, h int) { return l.w, l.h }

// Focus is the focused region's ID.
func (l *Layout) Focus() int { return l.focus.id }

// SetFocus focuses region id; false if there is none.
func (l *Layout) SetFocus(id int) bool {
	if n := l.find(id); n != nil {
		l.focus = n
		return true
	}
	return false
}

// Len is the number of regions.
func (l *Layout) Len() int { return len(l.leaves()) }

// Regions lists the regions in order (top to bottom, left to right, as
// the tree holds them) with their places.
func (l *Layout) Regions() []Region {
	var out []Region
	l.place(l.root, Rect{0, 0, l.w, l.h}, func(n *node, r Rect) {
		if n.leaf() {
			out = append(out, Region{n.id, r})
		}
	})
	return out
}

// Rect is region id's place; ok false if there is none.
func (l *Layout) Rect(id int) (Rect, bool) {
	for _, r := range l.Regions() {
		if r.ID == id {
			return r.Rect, true
		}
	}
	return Rect{}, false
}

// place calls f for n and everything under it with their rectangles.
func (l *Layout) place(n *node, r Rect, f func(*node, Rect)) {
	f(n, r)
	if n.leaf() {
		return
	}
	pos := 0
	for _, k := range n.kids {
		kr := r
		if n.dir == Stacked {
			kr.Y, kr.H = r.Y+pos, k.size
		} else {
			kr.X, kr.W = r.X+pos, k.size
		}
		l.place(k, kr, f)
		pos += k.size
		if n.dir == SideBySide {
			pos++ // the border
		}
	}
}

func (l *Layout) leaves() []*node {
	var out []*node
	var walk func(*node)
	walk = func(n *node) {
		if n.leaf() {
			out = append(out, n)
			return
		}
		for _, k := range n.kids {
			walk(k)
		}
	}
	walk(l.root)
	return out
}

func (l *Layout) find(id int) *node {
	for _, n := range l.leaves() {
		if n.id == id {
			return n
		}
	}
	return nil
}

// extent is n's size along dir: its width for SideBySide, height for Stacked.
func (l *Layout) extent(n *node, dir Dir) int {
	var got int
	l.place(l.root, Rect{0, 0, l.w, l.h}, func(m *node, r Rect) {
		if m == n {
			got = r.H
			if dir == SideBySide {
				got = r.W
			}
		}
	})
	return got
}

// ErrTooSmall is returned when a region has no room to split.
var ErrTooSmall = errors.New("region too small to split")

// Split splits the focused region in two along dir, the new region after
// it (below, or to the right), and returns the new region's ID. The focus
// stays, as in screen.
func (l *Layout) Split(dir Dir) (int, error) {
	f := l.focus
	total := l.extent(f, dir)
	border := 0
	if dir == SideBySide {
		border = 1
	}
	if total-border < 2*MinSize {
		return 0, ErrTooSmall
	}
	// As screen: the new region gets the odd cell.
	first := (total - border) / 2
	second := total - border - first
	nr := l.newRegion()
	p := f.parent
	if p != nil && p.dir == dir {
		// Into the parent split: no new level.
		i := index(p.kids, f)
		f.size, nr.size = first, second
		nr.parent = p
		p.kids = append(p.kids[:i+1], append([]*node{nr}, p.kids[i+1:]...)...)
		l.fitAll(l.root, l.w, l.h)
		return nr.id, nil
	}
	s := &node{parent: p, dir: dir, size: f.size}
	if p == nil {
		l.root = s
	} else {
		p.kids[index(p.kids, f)] = s
	}
	f.parent, nr.parent = s, s
	f.size, nr.size = first, second
	s.kids = []*node{f, nr}
	l.fitAll(l.root, l.w, l.h)
	return nr.id, nil
}

func index(kids []*node, n *node) int {
	for i, k := range kids {
		if k == n {
			return i
		}
	}
	return -1
}

// ErrLastRegion is returned when removing the only region.
var ErrLastRegion = errors.New("the only region cannot be removed")

// Remove takes region id away; its room goes to its neighbour in the same
// split (the one before it, else after). The focus, if it was there, moves
// to that neighbour's nearest region.
func (l *Layout) Remove(id int) error {
	n := l.find(id)
	if n == nil {
		return fmt.Errorf("no region %d", id)
	}
	p := n.parent
	if p == nil {
		return ErrLastRegion
	}
	i := index(p.kids, n)
	gain := n.size
	if p.dir == SideBySide {
		gain++ // its border goes too
	}
	p.kids = append(p.kids[:i], p.kids[i+1:]...)
	heir := p.kids[max(i-1, 0)]
	heir.size += gain
	l.grow(heir, p.dir)
	if len(p.kids) == 1 {
		// A split of one is its child.
		only := p.kids[0]
		only.size, only.parent = p.size, p.parent
		if p.parent == nil {
			l.root = only
		} else {
			p.parent.kids[index(p.parent.kids, p)] = only
		}
		heir = only
	}
	if l.focus == n {
		for !heir.leaf() {
			if i > 0 {
				heir = heir.kids[len(heir.kids)-1]
			} else {
				heir = heir.kids[0]
			}
		}
		l.focus = heir
	}
	l.fitAll(l.root, l.w, l.h)
	return nil
}

// grow spreads a change of n's size along dir over n's children.
func (l *Layout) grow(n *node, dir Dir) {
	if n.leaf() || n.dir != dir {
		return
	}
	l.fit(n, n.size)
}

// Only keeps the focused region alone, filling the display.
func (l *Layout) Only() {
	l.root = l.focus
	l.focus.parent, l.focus.size = nil, 0
}

// Resize fits the layout to a display of w×h, each split keeping its
// children's proportions as far as the minimum size allows. Regions that
// cannot fit on a display that small are removed, the last first, as
// screen removes them.
func (l *Layout) Resize(w, h int) {
	l.w, l.h = max(w, MinSize), max(h, MinSize)
	for minExtent(l.root, SideBySide) > l.w || minExtent(l.root, Stacked) > l.h {
		ls := l.leaves()
		l.Remove(ls[len(ls)-1].id)
	}
	l.fitAll(l.root, l.w, l.h)
}

func (l *Layout) fitAll(n *node, w, h int) {
	if n.leaf() {
		return
	}
	extent := h
	if n.dir == SideBySide {
		extent = w
	}
	l.fit(n, extent)
	for _, k := range n.kids {
		if n.dir == SideBySide {
			l.fitAll(k, k.size, h)
		} else {
			l.fitAll(k, w, k.size)
		}
	}
}

// fit sets the sizes of split n's children to fill extent, in proportion to
// what they had, none below the least it can hold (minExtent).
func (l *Layout) fit(n *node, extent int) {
	border := 0
	if n.dir == SideBySide {
		border = len(n.kids) - 1
	}
	mins := make([]int, len(n.kids))
	need := 0
	for i, k := range n.kids {
		mins[i] = minExtent(k, n.dir)
		need += mins[i]
	}
	room := max(extent-border, need)
	old := 0
	for _, k := range n.kids {
		old += max(k.size, 0)
	}
	given := 0
	for i, k := range n.kids {
		need -= mins[i] // what the children after this one need
		if i == len(n.kids)-1 {
			k.size = room - given
			break
		}
		s := room / len(n.kids)
		if old > 0 {
			s = k.size * room / old
		}
		k.size = max(mins[i], min(s, room-given-need))
		given += k.size
	}
}

// minExtent is the least room n can be given along dir: a region's
// minimum, the sum of a split's children along its own direction (and
// their borders), the largest of them across it.
func minExtent(n *node, dir Dir) int {
	if n.leaf() {
		return MinSize
	}
	m := 0
	for _, k := range n.kids {
		if n.dir == dir {
			m += minExtent(k, dir)
		} else {
			m = max(m, minExtent(k, dir))
		}
	}
	if n.dir == dir && dir == SideBySide {
		m += len(n.kids) - 1
	}
	return m
}

// Equalize gives the children of every split equal room (resize =).
func (l *Layout) Equalize() {
	var walk func(*node)
	walk = func(n *node) {
		if n.leaf() {
			return
		}
		for _, k := range n.kids {
			k.size = 0
		}
		for _, k := range n.kids {
			walk(k)
		}
	}
	walk(l.root)
	l.fitAll(l.root, l.w, l.h)
}

// ResizeRegion changes region id's size along dir by delta cells (negative:
// smaller), taking the room from (or giving it to) its neighbours in the
// nearest split along dir. It returns the size the region ends with.
func (l *Layout) ResizeRegion(id int, dir Dir, delta int) (int, error) {
	n := l.find(id)
	if n == nil {
		return 0, fmt.Errorf("no region %d", id)
	}
	// The nearest ancestor (or itself) whose parent splits along dir.
	for n.parent != nil && n.parent.dir != dir {
		n = n.parent
	}
	if n.parent == nil {
		return l.extent(l.find(id), dir), nil // nothing to trade with
	}
	p := n.parent
	i := index(p.kids, n)
	// Room comes from the siblings after, then before.
	order := append(append([]*node{}, p.kids[i+1:]...), reverse(p.kids[:i])...)
	if delta > 0 {
		for _, s := range order {
			take := max(0, min(delta, s.size-minExtent(s, p.dir)))
			s.size -= take
			n.size += take
			delta -= take
			l.grow(s, p.dir)
			if delta == 0 {
				break
			}
		}
	} else if delta < 0 && len(order) > 0 {
		give := max(0, min(-delta, n.size-minExtent(n, p.dir)))
		n.size -= give
		order[0].size += give
		l.grow(order[0], p.dir)
	}
	l.grow(n, p.dir)
	l.fitAll(l.root, l.w, l.h)
	return l.extent(l.find(id), dir), nil
}

func reverse(kids []*node) []*node {
	out := make([]*node, len(kids))
	for i, k := range kids {
		out[len(kids)-1-i] = k
	}
	return out
}

// Side is a direction to move the focus.
type Side uint8

// Focus directions.
const (
	Up Side = iota
	Down
	Left
	Right
)

// Neighbour is the region next to region id on the given side: the one
// touching it there that overlaps the middle of id's edge most nearly;
// 0 if id is at the display's edge.
func (l *Layout) Neighbour(id int, side Side) int {
	regions := l.Regions()
	var from Rect
	for _, r := range regions {
		if r.ID == id {
			from = r.Rect
		}
	}
	best, bestDist := 0, 1<<30
	for _, r := range regions {
		if r.ID == id {
			continue
		}
		t := r.Rect
		var touches bool
		var dist int
		switch side {
		case Up:
			touches = t.Y+t.H == from.Y && overlap(t.X, t.W, from.X, from.W)
			dist = abs(t.X + t.W/2 - (from.X + from.W/2))
		case Down:
			touches = t.Y == from.Y+from.H && overlap(t.X, t.W, from.X, from.W)
			dist = abs(t.X + t.W/2 - (from.X + from.W/2))
		case Left:
			touches = t.X+t.W+1 == from.X && overlap(t.Y, t.H, from.Y, from.H)
			dist = abs(t.Y + t.H/2 - (from.Y + from.H/2))
		case Right:
			touches = t.X == from.X+from.W+1 && overlap(t.Y, t.H, from.Y, from.H)
			dist = abs(t.Y + t.H/2 - (from.Y + from.H/2))
		}
		if touches && dist < bestDist {
			best, bestDist = r.ID, dist
		}
	}
	return best
}

func overlap(a, aw, b, bw int) bool { return a < b+bw && b < a+aw }

func abs(v int) int {
	if v < 0 {
		return -v
	}
	return v
}

// Next is the region after id in order, wrapping; Prev the one before.
func (l *Layout) Next(id int) int { return l.step(id, 1) }

// Prev is the region before id in order, wrapping.
func (l *Layout) Prev(id int) int { return l.step(id, -1) }

func (l *Layout) step(id, d int) int {
	ls := l.leaves()
	for i, n := range ls {
		if n.id == id {
			return ls[(i+d+len(ls))%len(ls)].id
		}
	}
	return 0
}
