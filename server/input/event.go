package input

// Kind says what an Event is.
type Kind uint8

const (
	// Text is a run of bytes that are neither ESC nor the tokenizer's Split
	// byte: printable characters (UTF-8, never cut inside one) and the other
	// control characters, each of them one key.
	Text Kind = iota
	// Key is one key sent as more than plain text: ESC alone, an escape
	// sequence (cursor and function keys, ESC+key for Alt), or the Split
	// byte alone.
	Key
	// Mouse is a mouse report, SGR (ESC [ < b;x;y M) or X10 (ESC [ M cb cx cy).
	Mouse
	// PasteStart and PasteEnd are the bracketed-paste marks
	// (ESC [ 200 ~, ESC [ 201 ~); the Paste events between them hold what
	// was pasted, never interpreted as keys.
	PasteStart
	Paste
	PasteEnd
	// Reply is a string a terminal sends in answer to a query (OSC, DCS,
	// APC, PM, SOS ... ST).
	Reply
)

func (k Kind) String() string {
	return [...]string{"text", "key", "mouse", "paste-start", "paste", "paste-end", "reply"}[k]
}

// Event is one thing the terminal sent. Bytes are as received (what a
// program gets when the event is passed on); they are valid only until the
// tokenizer is fed again.
type Event struct {
	Kind  Kind
	Bytes []byte
	Mouse MouseReport // for Mouse
}

// MouseReport is a decoded mouse report. X and Y are 0-based cells.
type MouseReport struct {
	Button  int  // the button code less the modifier and motion bits: 0-2 buttons, 3 release (X10), 64/65 wheel
	Shift   bool // modifier bits
	Meta    bool
	Control bool
	Motion  bool // the pointer moved with the button held
	Release bool // a button was let go
	X, Y    int
}
