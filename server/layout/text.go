package layout

import (
	"fmt"
	"strconv"
	"strings"
)

// The text form of a layout, for layout save and for carrying a display's
// layout in the session: a region is "r"; a split is "-" (stacked) or "|"
// (side by side) and its children in brackets, each with its size:
//
//	|[40:r,39:-[12:r,11:r]]
//
// is a region on the left 40 columns wide, a border, and on the right two
// regions one above the other, 12 and 11 rows high. Region IDs are not
// written: they are numbered 1, 2, … in order when the text is read.

// String is the layout's text form.
func (l *Layout) String() string {
	var b strings.Builder
	var write func(*node)
	write = func(n *node) {
		if n.leaf() {
			b.WriteByte('r')
			return
		}
		if n.dir == Stacked {
			b.WriteString("-[")
		} else {
			b.WriteString("|[")
		}
		for i, k := range n.kids {
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.Itoa(k.size))
			b.WriteByte(':')
			write(k)
		}
		b.WriteByte(']')
	}
	write(l.root)
	return b.String()
}

// maxDepth bounds nesting in text read from outside.
const maxDepth = 64

// Parse reads a layout's text form for a display of w×h, fitting its
// sizes to that display (a layout saved on another terminal keeps its
// proportions; regions a smaller display cannot hold are dropped, the last
// first). The first region has the focus.
func Parse(s string, w, h int) (*Layout, error) {
	l := &Layout{w: max(w, MinSize), h: max(h, MinSize)}
	p := parser{s: s, l: l}
	root, err := p.node(0)
	if err != nil {
		return nil, err
	}
	if p.i != len(s) {
		return nil, p.errorf("text after the layout")
	}
	l.root = root
	l.focus = l.leaves()[0]
	l.Resize(l.w, l.h) // fits the sizes; drops regions the display cannot hold
	return l, nil
}

type parser struct {
	s string
	i int
	l *Layout
}

func (p *parser) errorf(format string, args ...any) error {
	return fmt.Errorf("layout %q at %d: %s", p.s, p.i, fmt.Sprintf(format, args...))
}

func (p *parser) node(depth int) (*node, error) {
	if depth > maxDepth {
		return nil, p.errorf("nested too deep")
	}
	if p.i >= len(p.s) {
		return nil, p.errorf("ends early")
	}
	switch p.s[p.i] {
	case 'r':
		p.i++
		return p.l.newRegion(), nil
	case '-', '|':
		n := &node{dir: Stacked}
		if p.s[p.i] == '|' {
			n.dir = SideBySide
		}
		p.i++
		if p.i >= len(p.s) || p.s[p.i] != '[' {
			return nil, p.errorf("want [")
		}
		p.i++
		for {
			start := p.i
			for p.i < len(p.s) && p.s[p.i] >= '0' && p.s[p.i] <= '9' {
				p.i++
			}
			size, err := strconv.Atoi(p.s[start:p.i])
			if err != nil || size > 1<<16 || p.i >= len(p.s) || p.s[p.i] != ':' {
				return nil, p.errorf("want size:")
			}
			p.i++
			k, err := p.node(depth + 1)
			if err != nil {
				return nil, err
			}
			k.size, k.parent = size, n
			n.kids = append(n.kids, k)
			if p.i >= len(p.s) {
				return nil, p.errorf("ends early")
			}
			if p.s[p.i] == ']' {
				p.i++
				break
			}
			if p.s[p.i] != ',' {
				return nil, p.errorf("want , or ]")
			}
			p.i++
		}
		if len(n.kids) < 2 {
			return nil, p.errorf("a split needs two regions")
		}
		return n, nil
	}
	return nil, p.errorf("want r, - or |")
}
