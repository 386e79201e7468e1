package vt

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// The differential corpus: byte streams under testdata/corpus, fed to this
// emulator and compared cell by cell (text, colours, attributes, cursor) with
// the screen tmux shows for the same bytes, captured in .golden files by
// `make golden` (go test ./server/vt -run TestCorpus -golden).

var regenerate = flag.Bool("golden", false, "regenerate testdata/corpus/*.golden with tmux")

const corpusCols, corpusRows = 80, 24

// A stream may resize the terminal between its parts: the APC string
// ESC _ gmux:resize=COLSxROWS ESC \ is not fed to either terminal but
// resizes both there (reflow cases).
var resizeMarker = regexp.MustCompile(`\x1b_gmux:resize=(\d+)x(\d+)\x1b\\`)

// corpusPart is a piece of a stream and the size to resize to before it.
type corpusPart struct {
	data       []byte
	cols, rows int
}

// splitCorpus cuts a stream at its resize markers.
func splitCorpus(data []byte) []corpusPart {
	parts := []corpusPart{{cols: corpusCols, rows: corpusRows}}
	for {
		m := resizeMarker.FindSubmatchIndex(data)
		if m == nil {
			parts[len(parts)-1].data = data
			return parts
		}
		parts[len(parts)-1].data = data[:m[0]]
		c, _ := strconv.Atoi(string(data[m[2]:m[3]]))
		r, _ := strconv.Atoi(string(data[m[4]:m[5]]))
		parts = append(parts, corpusPart{cols: c, rows: r})
		data = data[m[1]:]
	}
}

func corpusCases(t *testing.T) []string {
	files, err := filepath.Glob("testdata/corpus/*.in")
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus: %v", err)
	}
	return files
}

// knownDifferences lists the cases where we differ from tmux on purpose, with
// the reason: testdata/known_differences.txt, "name: reason" per line.
func knownDifferences(t *testing.T) map[string]string {
	out := map[string]string{}
	f, err := os.Open("testdata/known_differences.txt")
	if err != nil {
		return out
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		name, reason, _ := strings.Cut(line, ":")
		out[strings.TrimSpace(name)] = strings.TrimSpace(reason)
	}
	return out
}

func TestCorpus(t *testing.T) {
	if *regenerate {
		if _, err := exec.LookPath("tmux"); err != nil {
			t.Fatal("-golden needs tmux")
		}
		for _, in := range corpusCases(t) {
			golden, err := tmuxReference(in, corpusCols, corpusRows)
			if err != nil {
				t.Fatalf("%s: %v", in, err)
			}
			if err := os.WriteFile(strings.TrimSuffix(in, ".in")+".golden", []byte(golden), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	known := knownDifferences(t)
	matched, total := 0, 0
	for _, in := range corpusCases(t) {
		name := strings.TrimSuffix(filepath.Base(in), ".in")
		golden, err := os.ReadFile(strings.TrimSuffix(in, ".in") + ".golden")
		if err != nil {
			t.Errorf("%s: no golden file (make golden): %v", name, err)
			continue
		}
		total++
		diff := compareWithGolden(t, in, string(golden))
		reason, isKnown := known[name]
		switch {
		case diff == "" && isKnown:
			t.Errorf("%s: listed as a known difference (%s) but matches tmux now: remove it", name, reason)
		case diff == "":
			matched++
		case isKnown:
			t.Logf("%s: known difference: %s", name, reason)
		default:
			t.Errorf("%s differs from tmux:\n%s", name, diff)
		}
	}
	t.Logf("corpus: %d of %d cases match tmux exactly", matched, total)
}

// TestCorpusGoldenCurrent checks the checked-in golden files against a live
// tmux, when one is installed.
func TestCorpusGoldenCurrent(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil || testing.Short() || *regenerate {
		t.Skip("needs tmux (and not -short)")
	}
	for _, in := range corpusCases(t) {
		golden, err := os.ReadFile(strings.TrimSuffix(in, ".in") + ".golden")
		if err != nil {
			continue
		}
		live, err := tmuxReference(in, corpusCols, corpusRows)
		if err != nil {
			t.Fatalf("%s: %v", in, err)
		}
		if live != string(golden) {
			t.Errorf("%s: tmux now shows something else than the golden file (make golden)", in)
		}
	}
}

// goldenCell is one cell as tmux reported it.
type goldenCell struct {
	text  string
	style Style
}

// compareWithGolden feeds the stream to a fresh screen and returns a
// description of the differences ("" if none).
func compareWithGolden(t *testing.T, in, golden string) string {
	data, err := os.ReadFile(in)
	if err != nil {
		t.Fatal(err)
	}
	s := New(corpusCols, corpusRows, 1000)
	for _, part := range splitCorpus(data) {
		s.Resize(part.cols, part.rows)
		s.Write(part.data)
	}
	cols, rows := s.Size()
	header, capture, _ := strings.Cut(golden, "\n")
	var gx, gy int
	fmt.Sscanf(header, "cursor %d,%d", &gx, &gy)
	gx = min(gx, cols-1) // tmux puts a pending wrap one column past the edge
	want := parseCapture(capture, cols, rows)
	var diffs []string
	for y := range rows {
		row := s.Row(y)
		for x := range cols {
			c := row[x]
			if c.IsWideTail() {
				continue
			}
			got := goldenCell{text: s.Text(c), style: c.S}
			if got.text == "" {
				got.text = " "
			}
			w := want[y][x]
			// tmux's capture gives line-drawing characters as the ASCII
			// letters that select them; compare them that way.
			if r := []rune(got.text); len(r) == 1 && w.text != got.text && decGraphics(rune(w.text[0])) == r[0] {
				got.text = w.text
			}
			if got != w {
				diffs = append(diffs, fmt.Sprintf("  (%d,%d): got %q %+v, tmux %q %+v", x, y, got.text, got.style, w.text, w.style))
			}
		}
	}
	if x, y := s.Cursor(); x != gx || y != gy {
		diffs = append(diffs, fmt.Sprintf("  cursor: got (%d,%d), tmux (%d,%d)", x, y, gx, gy))
	}
	if len(diffs) > 8 {
		diffs = append(diffs[:8], fmt.Sprintf("  … %d more", len(diffs)-8))
	}
	return strings.Join(diffs, "\n")
}

// parseCapture reads `tmux capture-pane -p -e -N` output: text with SGR
// sequences, one line per row. tmux emits each style change relative to the
// previous cell, across line ends, so the lines are read as one stream.
func parseCapture(capture string, cols, rows int) [][]goldenCell {
	out := make([][]goldenCell, rows)
	lines := strings.Split(strings.TrimSuffix(capture, "\n"), "\n")
	scr := New(cols, rows+1, 0)
	scr.Write([]byte("\x1b[?7l")) // a full line must not wrap
	for y := range min(rows, len(lines)) {
		scr.Write([]byte(fmt.Sprintf("\x1b[%d;1H", y+1)))
		scr.Write([]byte(lines[y]))
	}
	for y := range rows {
		out[y] = make([]goldenCell, cols)
		row := scr.Row(y)
		for x := range cols {
			c := row[x]
			text := scr.Text(c)
			if text == "" {
				text = " "
			}
			out[y][x] = goldenCell{text: text, style: c.S}
		}
	}
	return out
}

// tmuxReference runs the stream through a private tmux server's pane of the
// given size and returns "cursor X,Y" and the captured screen.
func tmuxReference(in string, cols, rows int) (string, error) {
	dir, err := os.MkdirTemp("", "gmux-golden")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(dir)
	abs, _ := filepath.Abs(in)
	conf := filepath.Join(dir, "tmux.conf")
	os.WriteFile(conf, []byte("set -g status off\nset -g history-limit 1000\n"), 0o644)
	done := filepath.Join(dir, "done")
	sock := "gmux-golden-" + strconv.Itoa(os.Getpid()) + "-" + filepath.Base(dir)
	tmux := func(args ...string) (string, error) {
		out, err := exec.Command("tmux", append([]string{"-L", sock, "-f", conf}, args...)...).CombinedOutput()
		return string(out), err
	}
	defer tmux("kill-server")
	data, err := os.ReadFile(abs)
	if err != nil {
		return "", err
	}
	// Each part is its own file; between parts the script waits for the
	// resize to be made.
	parts := splitCorpus(data)
	script := "stty raw -echo; "
	for i, part := range parts {
		f := filepath.Join(dir, fmt.Sprintf("part%d", i))
		if err := os.WriteFile(f, part.data, 0o644); err != nil {
			return "", err
		}
		if i > 0 {
			script += fmt.Sprintf("touch '%s/ready%d'; while [ ! -e '%s/go%d' ]; do sleep 0.02; done; ", dir, i, dir, i)
		}
		script += fmt.Sprintf("cat '%s'; ", f)
	}
	script += fmt.Sprintf("touch '%s'; exec sleep 1000", done)
	if out, err := tmux("new-session", "-d", "-x", strconv.Itoa(cols), "-y", strconv.Itoa(rows), script); err != nil {
		return "", fmt.Errorf("tmux: %v: %s", err, out)
	}
	deadline := time.Now().Add(10 * time.Second)
	for i, part := range parts[1:] {
		ready := filepath.Join(dir, fmt.Sprintf("ready%d", i+1))
		for {
			if _, err := os.Stat(ready); err == nil {
				break
			}
			if time.Now().After(deadline) {
				return "", fmt.Errorf("tmux did not reach part %d", i+1)
			}
			time.Sleep(10 * time.Millisecond)
		}
		// tmux reads the pane asynchronously: resize only once it has
		// taken in everything written before.
		if _, err := settledCapture(tmux, deadline); err != nil {
			return "", err
		}
		size := fmt.Sprintf("%dx%d", part.cols, part.rows)
		if out, err := tmux("resize-window", "-x", strconv.Itoa(part.cols), "-y", strconv.Itoa(part.rows)); err != nil {
			return "", fmt.Errorf("tmux resize: %v: %s", err, out)
		}
		for {
			out, _ := tmux("display", "-p", "#{pane_width}x#{pane_height}")
			if strings.TrimSpace(out) == size {
				break
			}
			if time.Now().After(deadline) {
				return "", fmt.Errorf("tmux did not resize to %s", size)
			}
			time.Sleep(10 * time.Millisecond)
		}
		os.WriteFile(filepath.Join(dir, fmt.Sprintf("go%d", i+1)), nil, 0o644)
	}
	for {
		if _, err := os.Stat(done); err == nil {
			break
		}
		if time.Now().After(deadline) {
			return "", fmt.Errorf("tmux did not finish the stream")
		}
		time.Sleep(10 * time.Millisecond)
	}
	return settledCapture(tmux, deadline)
}

// settledCapture returns tmux's cursor and screen once two captures in a
// row agree: tmux reads the pane asynchronously.
func settledCapture(tmux func(...string) (string, error), deadline time.Time) (string, error) {
	var last string
	for {
		cap, err := tmux("capture-pane", "-p", "-e", "-N")
		if err != nil {
			return "", err
		}
		cur, err := tmux("display", "-p", "#{cursor_x},#{cursor_y}")
		if err != nil {
			return "", err
		}
		snap := "cursor " + strings.TrimSpace(cur) + "\n" + cap
		if snap == last {
			return snap, nil
		}
		if time.Now().After(deadline) {
			return "", fmt.Errorf("tmux screen did not settle")
		}
		last = snap
		time.Sleep(50 * time.Millisecond)
	}
}
