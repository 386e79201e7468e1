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

// writeWide writes n lines of 199 columns, to fill scrollback at 200 columns.
func writeWide(path string, n int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	w := bufio.NewWriter(f)
	for i := range n {
		fmt.Fprintf(w, "%08d %s\n", i, strings.Repeat(string(rune('a'+i%26)), 190))
	}
	return w.Flush()
}
