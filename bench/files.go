package main

import (
	"bufio"
	"fmt"
	"os"
	"strings"
)

// writeFlood writes size bytes of mixed terminal text: plain lines, SGR
// colours (16, 256, truecolor), and UTF-8 with wide characters.
func writeFlood(path string, size int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	n := 0
	for i := 0; n < size; i++ {
		var line string
		switch i % 4 {
		case 0:
			line = fmt.Sprintf("%08d plain: the quick brown fox jumps over the lazy dog, then does it again and again", i)
		case 1:
			line = fmt.Sprintf("\x1b[1;3%dm%08d\x1b[0m \x1b[38;5;%dmindexed colour\x1b[m \x1b[38;2;%d;120;40mtruecolor text\x1b[0m done", i%8, i, i%256, i%256)
		case 2:
			line = fmt.Sprintf("%08d utf-8: café naïve 中文字符 日本語のテキスト 한국어 😀 ✓ → ∑", i)
		case 3:
			line = fmt.Sprintf("%08d \x1b[4munderlined\x1b[24m \x1b[7mreverse\x1b[27m %s", i, strings.Repeat("-", 60))
		}
		k, _ := w.WriteString(line + "\n")
		n += k
	}
	return w.Flush()
}

// words are what the scrollback cases' lines are made of: text that
// compresses as real output does, not a letter repeated.
var words = strings.Fields(`the of and to in is was for on that with as by at from this are be or an
have it not had but were which they their one all been has more can its also who would will there
when into time after other some only out about two what over such then new first them than these
could may out up than most where between during through under while error warning info debug request
response server client session window buffer socket stream packet thread process kernel memory file
directory build test passed failed running started stopped connected closed timeout retry value
config option user host port status code line column index offset length width height total count`)

// writeLines writes n lines of about width bytes each (a number, then
// words), the same on every run.
func writeLines(path string, n, width int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	w := bufio.NewWriterSize(f, 1<<20)
	seed := uint32(1)
	var line []byte
	for i := range n {
		line = fmt.Appendf(line[:0], "%08d", i)
		for len(line) < width {
			seed = seed*1664525 + 1013904223
			line = append(line, ' ')
			line = append(line, words[int(seed>>16)%len(words)]...)
		}
		line = append(line[:width], '\n')
		if _, err := w.Write(line); err != nil {
			return err
		}
	}
	return w.Flush()
}
