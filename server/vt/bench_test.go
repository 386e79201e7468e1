package vt

import (
	"fmt"
	"strings"
	"testing"
)

func benchStream(b *testing.B, data []byte) {
	s := New(200, 50, 10000)
	b.SetBytes(int64(len(data)))
	b.ResetTimer()
	for range b.N {
		s.Write(data)
	}
}

func BenchmarkScrollASCII(b *testing.B) {
	var sb strings.Builder
	for i := range 2000 {
		fmt.Fprintf(&sb, "%06d the quick brown fox jumps over the lazy dog, again and again\r\n", i)
	}
	benchStream(b, []byte(sb.String()))
}

func BenchmarkSGRHeavy(b *testing.B) {
	var sb strings.Builder
	for i := range 2000 {
		fmt.Fprintf(&sb, "\x1b[1;3%dm%06d\x1b[0m \x1b[38;5;%dmcoloured\x1b[m \x1b[38;2;%d;100;50mtruecolor\x1b[0m text\r\n", i%8, i, i%256, i%256)
	}
	benchStream(b, []byte(sb.String()))
}

// BenchmarkHyperlinks is ls --hyperlink's output: every name a link of its
// own, the same names again each round (interned), into the history.
func BenchmarkHyperlinks(b *testing.B) {
	var sb strings.Builder
	for i := range 2000 {
		fmt.Fprintf(&sb, "-rw-r--r-- 1 user user 4096 Dec  2 \x1b]8;;file://host/home/user/src/file%06d.go\x1b\\file%06d.go\x1b]8;;\x1b\\\r\n", i, i)
	}
	benchStream(b, []byte(sb.String()))
}

func BenchmarkWideChars(b *testing.B) {
	var sb strings.Builder
	for i := range 2000 {
		fmt.Fprintf(&sb, "%06d 中文字符测试 日本語のテキスト 😀 café\r\n", i)
	}
	benchStream(b, []byte(sb.String()))
}

func BenchmarkFullScreenApp(b *testing.B) {
	var sb strings.Builder
	for i := range 50 {
		fmt.Fprintf(&sb, "\x1b[%d;1H\x1b[K\x1b[7m%3d\x1b[m %s", i+1, i, strings.Repeat("x", 150))
	}
	benchStream(b, []byte(sb.String()))
}

// BenchmarkReflow is one width change of a window with 10,000 lines of
// history (97-character lines, so about half wrap at 80 columns): the cost
// of a resize drag, step by step.
func BenchmarkReflow(b *testing.B) {
	s := New(120, 50, 10000)
	var sb strings.Builder
	for i := range 10050 {
		fmt.Fprintf(&sb, "%06d the quick brown fox jumps over the lazy dog, again and again and again, line %06d\r\n", i, i)
	}
	s.Write([]byte(sb.String()))
	widths := []int{80, 120}
	b.ResetTimer()
	for i := range b.N {
		s.Resize(widths[i%2], 50)
	}
}
