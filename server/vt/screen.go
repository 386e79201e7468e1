package vt

import "unicode/utf8"

// Modes are the terminal modes a program sets that matter outside the screen
// grid: the renderer mirrors the input modes onto each client's terminal.
type Modes struct {
	AppCursor      bool // DECCKM: cursor keys send ESC O x
	AppKeypad      bool // DECKPAM
	Insert         bool // IRM
	Origin         bool // DECOM
	Autowrap       bool // DECAWM
	CursorVisible  bool // DECTCEM
	CursorBlink    bool // att610
	ReverseVideo   bool // DECSCNM
	BracketedPaste bool // 2004
	FocusEvents    bool // 1004
	NewlineMode    bool // LNM
	LRMargins      bool // DECLRMM: DECSLRM may set left and right margins (margins.go)
	ReverseWrap    bool // 45 (and 1045): BS at the left margin goes to the line above (margins.go)
	Mouse          int  // 0, 9, 1000, 1002 or 1003
	MouseEncoding  int  // 0 (X10), 1005, 1006 or 1015
	CursorStyle    int  // DECSCUSR parameter
}

// grid is a screen's rows, kept in a ring so that scrolling the whole screen
// moves top instead of copying rows.
type grid struct {
	lines []line
	top   int
}

func (g *grid) row(y int) *line {
	i := g.top + y
	if i >= len(g.lines) {
		i -= len(g.lines)
	}
	return &g.lines[i]
}

type cursor struct {
	x, y     int
	style    Style
	wrapNext bool    // pending wrap: the last column was written
	charsets [4]byte // G0-G3 designations: 'B' ASCII, '0' DEC graphics
	gl       int     // which of G0/G1 is invoked (SI/SO)
}

type savedCursor struct {
	cursor
	origin, set bool
}

// Screen is one window's terminal state.
type Screen struct {
	cols, rows  int
	main, alt   grid
	g           *grid // main or alt
	altActive   bool
	cur         cursor
	saved       [2]savedCursor // DECSC slots for the main and the alternate screen
	top, bot    int            // scroll region, inclusive
	left, right int            // left and right margins, inclusive (margins.go)
	tabs        []bool
	modes       Modes
	title       string
	titleStack  []string // XTPUSHTITLE (winops.go)
	sace        int      // DECSACE: 2, DECCARA/DECRARA act on the rectangle, else the stream (rect.go)
	level       int      // conformance level, 1 (VT100) to 5 (VT520): DECSCL (level.go)
	// noClearOnColumns is DECNCSM: DECCOLM leaves the screen as it is.
	noClearOnColumns bool
	savedModes       map[int]bool // XTSAVE (decrqm.go)
	// isoProtect: the protection in use came from SPA (ESC V), which ED, EL
	// and ECH honour, rather than DECSCA, which only the selective erases do.
	isoProtect bool
	// The colours OSC 10/11 queries are answered with (colors.go).
	fgColor, bgColor string
	pal              palette // colours the program set (palette.go)
	// Options screen users set (options.go).
	noBCE, noAltScreen bool
	// titleSearch and titleRow: screen's dynamic title (titlesearch.go).
	titleSearch string
	titleRow    int
	hist        *History
	packed      *packedCells // the grids' cells while at rest (gridpack.go)
	links       linkTable    // hyperlinks the cells name (hyperlink.go)
	clusters    []string
	clusterIdx  map[string]int
	// clusterWidths are the clusters' widths, as the renderer draws them.
	clusterWidths []int8
	lastRune      rune // for REP
	replies       []byte
	bells         int
	// italicIsStandout: SGR 3 means standout here (SetItalicIsStandout).
	italicIsStandout bool
	syncOutput       bool             // mode 2026: the program is drawing a frame (SyncOutput)
	clipboardOn      bool             // programs may use the clipboard (clipboard.go)
	clip             ClipboardRequest // what they asked of it, for the owner
	clipPass         []byte           // an OSC 52 coming in screen's passthrough, so far
	clipPassing      bool             // more of it is to come
	changed          bool
	gen              uint64 // the last row version given out (touch)
	p                parser
}

// A Screen's methods are in three sets over its one state, as tmux's screen,
// input.c and screen-write.c are: the Screen's own (its model and the
// owner's API), the interpreter's (what each escape sequence means:
// parser.go, csi.go and the queries and reports in their files) and the
// editor's (writing at the cursor, moving it, scrolling, inserting and
// erasing within the margins: edit.go, margins.go). The sets are types over
// the same struct, so a conversion costs nothing.
type (
	interp Screen
	editor Screen
)

func (s *Screen) in() *interp  { return (*interp)(s) }
func (s *Screen) ed() *editor  { return (*editor)(s) }
func (s *interp) ed() *editor  { return (*editor)(s) }
func (s *interp) scr() *Screen { return (*Screen)(s) }
func (s *editor) scr() *Screen { return (*Screen)(s) }

// New returns a cols×rows screen keeping up to historyLimit lines of scrollback.
func New(cols, rows, historyLimit int) *Screen {
	cols, rows = max(cols, 1), max(rows, 1)
	s := &Screen{hist: NewHistory(historyLimit), clusterIdx: map[string]int{}}
	s.cols, s.rows = cols, rows
	s.main = s.newGrid(cols, rows)
	s.g = &s.main
	s.reset()
	return s
}

func (s *Screen) newGrid(cols, rows int) grid {
	g := grid{lines: make([]line, rows)}
	cells := make([]Cell, cols*rows)
	for y := range g.lines {
		g.lines[y].cells = cells[y*cols : (y+1)*cols : (y+1)*cols]
		s.touch(&g.lines[y])
	}
	return g
}

// touch gives l's cells a new version. Every change to a line's cells must
// touch it, so that an unchanged version means unchanged cells.
func (s *Screen) touch(l *line) {
	s.gen++
	l.gen = s.gen
}

// RowVersion is the version of row y's cells. Versions are unique within a
// screen: whenever it is the same as when the row was last looked at, the row
// holds the same cells (it may also hold them under a new version). The
// renderer skips comparing such rows.
func (s *Screen) RowVersion(y int) uint64 { return s.g.row(y).gen }

// reset puts every mode and the cursor in their power-on state (RIS), keeping
// the history.
func (s *Screen) reset() {
	if s.altActive {
		// The alternate screen is cleared too, as xterm's RIS does: a
		// program that switches to it next must not find old text.
		s.ed().eraseAll()
		s.g, s.altActive = &s.main, false
	}
	s.titleStack = nil
	s.pal = palette{}
	s.sace = 0
	s.level = 5
	s.noClearOnColumns = false
	s.savedModes = nil
	s.isoProtect = false
	s.modes = Modes{Autowrap: true, CursorVisible: true}
	s.syncOutput = false
	s.cur = cursor{charsets: [4]byte{'B', 'B', 'B', 'B'}}
	s.saved = [2]savedCursor{}
	s.top, s.bot = 0, s.rows-1
	s.left, s.right = 0, s.cols-1
	s.resetTabs(0)
	s.title = ""
	for y := range s.rows {
		s.ed().clearCells(s.g.row(y), 0, s.cols, Style{})
		s.g.row(y).wrapped = false
	}
	s.changed = true
}

func (s *Screen) resetTabs(from int) {
	old := s.tabs
	s.tabs = make([]bool, s.cols)
	copy(s.tabs, old)
	for x := from; x < s.cols; x++ {
		s.tabs[x] = x%8 == 0 && x > 0
	}
}

// Size returns the screen's columns and rows.
func (s *Screen) Size() (cols, rows int) { return s.cols, s.rows }

// Cell returns the cell at column x, row y (0-based, on the visible screen).
func (s *Screen) Cell(x, y int) Cell {
	s.thaw()
	return s.g.row(y).cells[x]
}

// Row returns the cells of visible row y. The slice is the screen's own: read it
// before the next Write.
func (s *Screen) Row(y int) []Cell {
	s.thaw()
	return s.g.row(y).cells
}

// Text returns the characters of cell c: "" for an empty cell or a wide tail.
func (s *Screen) Text(c Cell) string {
	switch {
	case c.R > 0 && c.R < utf8.RuneSelf:
		return asciiText[c.R] // string(c.R) would allocate: once per cell of a frame
	case c.R > 0:
		return string(c.R)
	case c.R < wideTail && clusterIndex(c.R) < len(s.clusters):
		return s.clusters[clusterIndex(c.R)]
	}
	return ""
}

// asciiText holds a string of each ASCII character.
var asciiText = func() (t [utf8.RuneSelf]string) {
	for i := range t {
		t[i] = string(rune(i))
	}
	return t
}()

// Width returns the columns cell c's character takes (1 or 2; 0 for a tail).
func (s *Screen) Width(c Cell) int {
	switch {
	case c.R == wideTail:
		return 0
	case c.R >= 0 && c.R < 0x7f:
		return 1
	}
	if c.R < 0 && clusterIndex(c.R) < len(s.clusterWidths) {
		return int(s.clusterWidths[clusterIndex(c.R)])
	}
	return max(RuneWidth(firstRune(s.Text(c))), 1)
}

func firstRune(str string) rune {
	for _, r := range str {
		return r
	}
	return 0
}

// Cursor returns the cursor position; the column is cols-1 while a wrap is pending.
func (s *Screen) Cursor() (x, y int) { return s.cur.x, s.cur.y }

// Modes returns the terminal modes in effect.
func (s *Screen) Modes() Modes { return s.modes }

// SyncOutput reports whether the program is in the middle of a frame it
// asked to have shown whole (synchronized output, DEC private mode 2026:
// Neovim, Helix, btop and others bracket each redraw with it). The screen
// takes the output as ever; it is for the owner to hold what it draws from
// it until the mode ends (server/syncoutput.go).
func (s *Screen) SyncOutput() bool { return s.syncOutput }

// AltScreen reports whether the alternate screen is shown.
func (s *Screen) AltScreen() bool { return s.altActive }

// Title returns the title set by OSC 0 or 2.
func (s *Screen) Title() string { return s.title }

// History returns the scrollback.
func (s *Screen) History() *History { return s.hist }

// TakeReplies returns and forgets the answers to terminal queries (DA, DSR…),
// which belong on the program's input.
func (s *Screen) TakeReplies() []byte {
	r := s.replies
	s.replies = nil
	return r
}

// TakeBells returns and forgets the number of BEL characters received.
func (s *Screen) TakeBells() int {
	n := s.bells
	s.bells = 0
	return n
}

// TakeChanged reports whether anything visible changed since the last call.
func (s *Screen) TakeChanged() bool {
	c := s.changed
	s.changed = false
	return c
}

// LineText returns visible row y as text, trailing blanks removed.
func (s *Screen) LineText(y int) string {
	s.thaw()
	return cellsText(s, s.g.row(y).cells)
}

// String returns the visible screen as text, one line per row.
func (s *Screen) String() string {
	var b []byte
	for y := range s.rows {
		b = append(b, s.LineText(y)...)
		b = append(b, '\n')
	}
	return string(b)
}

func cellsText(s *Screen, cells []Cell) string {
	end := len(cells)
	for end > 0 && cells[end-1].R == 0 {
		end--
	}
	b := make([]byte, 0, end)
	for _, c := range cells[:end] {
		switch {
		case c.R == 0:
			b = append(b, ' ')
		case c.R == wideTail:
		case c.R < 0x80 && c.R > 0:
			b = append(b, byte(c.R))
		default:
			b = append(b, s.Text(c)...)
		}
	}
	return string(b)
}

// cluster returns the cell rune for a multi-rune grapheme cluster. The table is
// bounded; past its limit combining marks are dropped rather than stored.
func (s *Screen) cluster(str string) (rune, bool) {
	if i, ok := s.clusterIdx[str]; ok {
		return clusterRune(i), true
	}
	if len(s.clusters) >= maxClusters || len(str) > maxClusterBytes {
		return 0, false
	}
	s.clusterIdx[str] = len(s.clusters)
	s.clusters = append(s.clusters, str)
	s.clusterWidths = append(s.clusterWidths, int8(clusterWidth(str)))
	return clusterRune(len(s.clusters) - 1), true
}

const (
	maxClusters     = 1 << 16
	maxClusterBytes = 64 // the longest emoji ZWJ sequences take 35
)
