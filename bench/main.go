// Command bench measures gmux beside tmux, GNU screen and a bare PTY, in one
// run on one machine: throughput of heavy output, keystroke echo latency,
// memory, idle cost and reattach time. It prints a table and writes JSON.
//
//	go run ./bench [-runs 3] [-size 64] [-json bench.json] [-only gmux,tmux] [-cases echo,idle]
//
// Two builds of gmux side by side (-gmux-b OLD, measured as gmux-b in the
// same run, in turns with the first in the echo, reattach and remote cases)
// is how a change is judged on a machine whose speed drifts between runs.
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"time"
)

var (
	runs    = flag.Int("runs", 3, "runs of each timed case; the median is reported")
	sizeMiB = flag.Int("size", 64, "MiB of text for the throughput case")
	jsonOut = flag.String("json", "bench.json", "where to write the results")
	only    = flag.String("only", "", "comma-separated subset: gmux,gmux-b,tmux,screen,direct")
	idleFor = flag.Duration("idle", 10*time.Second, "how long the idle case watches")
	gmuxBin = flag.String("gmux", "", "gmux binary, with gmux-server beside it (default: build both)")
	gmuxB   = flag.String("gmux-b", "", "a second gmux binary, measured as gmux-b beside the first: two builds compared in one run")
	cases   = flag.String("cases", "", "comma-separated subset: throughput,stalled,echo,idle,reattach,windows,upgrade,million,remote")
)

// want says whether case name is to be measured.
func want(name string) bool {
	return *cases == "" || strings.Contains(","+*cases+",", ","+name+",")
}

const cols, rows = 200, 50

// million is the file of a million lines for the million case.
var million string

// result is one multiplexer's figures.
type result struct {
	Name          string  `json:"name"`
	ThroughputMBs float64 `json:"throughput_mb_s"`
	StalledMBs    float64 `json:"throughput_with_stalled_client_mb_s,omitempty"`
	EchoP50us     float64 `json:"echo_p50_us"`
	EchoP99us     float64 `json:"echo_p99_us"`
	// context switches per echo (all threads); includes the sample loop's pauses
	EchoServerSwitches float64 `json:"echo_server_switches"`
	EchoClientSwitches float64 `json:"echo_client_switches"`
	// the server's CPU time per echo (all threads), the work each keystroke
	// costs it: steadier than latency on a machine whose speed drifts
	EchoServerCPUus  float64 `json:"echo_server_cpu_us"`
	RSSStartKiB      int     `json:"rss_start_kib,omitempty"`
	RSSAfterFloodKiB int     `json:"rss_after_flood_kib,omitempty"`
	RSS10WindowsKiB  int     `json:"rss_10_windows_kib,omitempty"`
	// RSS10WindowsTotalKiB adds the attached client's resident set.
	RSS10WindowsTotalKiB int `json:"rss_10_windows_with_client_kib,omitempty"`
	// Together10WindowsKiB is server and client with the pages they
	// share counted once (the sum of their PSS; proc.go).
	Together10WindowsKiB int `json:"memory_10_windows_server_and_client_kib,omitempty"`
	// One window holding a million lines (history limit 1,000,000):
	// server and client resident set, and the text it holds.
	RSSMillionKiB       int     `json:"rss_million_lines_kib,omitempty"`
	MillionTextBytes    int64   `json:"million_lines_text_bytes,omitempty"`
	MillionBytesPerByte float64 `json:"million_lines_rss_per_text_byte,omitempty"`
	// The same with shared pages counted once.
	MillionTogetherKiB          int     `json:"million_lines_server_and_client_kib,omitempty"`
	MillionTogetherBytesPerByte float64 `json:"million_lines_server_and_client_per_text_byte,omitempty"`
	IdleServerTicks             int     `json:"idle_server_cpu_ticks"`
	IdleClientTicks             int     `json:"idle_client_cpu_ticks"`
	IdleServerWakeups           int     `json:"idle_server_wakeups"`
	IdleClientWakeups           int     `json:"idle_client_wakeups"`
	ReattachMs                  float64 `json:"reattach_ms,omitempty"`
	// A live upgrade of the 10-window session to the same binary: the
	// hand-over (freeze to the new server answering, as the server
	// reports it) and the whole -X upgrade (with the trial run).
	UpgradeHandOverMs float64 `json:"upgrade_hand_over_ms,omitempty"`
	UpgradeTotalMs    float64 `json:"upgrade_total_ms,omitempty"`
	Err               string  `json:"error,omitempty"`
}

func main() {
	flag.Parse()
	work, err := os.MkdirTemp("", "gmux-bench")
	must(err)
	defer os.RemoveAll(work)
	if *gmuxBin == "" {
		*gmuxBin = filepath.Join(work, "gmux")
		// gmux and its server, side by side, static as make build and the
		// README install them.
		build := exec.Command("go", "build", "-o", work+"/", "./cmd/gmux", "./cmd/gmux-server")
		build.Env = append(os.Environ(), "CGO_ENABLED=0")
		out, err := build.CombinedOutput()
		if err != nil {
			fail("build gmux: %v\n%s", err, out)
		}
	}
	flood := filepath.Join(work, "flood.txt")
	must(writeFlood(flood, *sizeMiB<<20))
	wide := filepath.Join(work, "wide.txt")
	must(writeLines(wide, 10000, 97))
	million = filepath.Join(work, "million.txt")
	if want("million") {
		must(writeLines(million, 1000000, 102))
	}

	var muxes []*mux
	for _, m := range multiplexers(work) {
		if *only != "" && !strings.Contains(","+*only+",", ","+m.name+",") {
			continue
		}
		if m.missing() != "" {
			fmt.Fprintf(os.Stderr, "skip %s: %s\n", m.name, m.missing())
			continue
		}
		muxes = append(muxes, m)
	}
	results := make([]result, len(muxes))
	for i, m := range muxes {
		fmt.Fprintf(os.Stderr, "measuring %s…\n", m.name)
		results[i] = measure(m, flood, wide)
	}
	if want("echo") {
		fmt.Fprintf(os.Stderr, "measuring echo latency, side by side…\n")
		echoSideBySide(muxes, results)
	}
	if want("reattach") {
		fmt.Fprintf(os.Stderr, "measuring reattach, side by side…\n")
		reattachSideBySide(muxes, results)
	}
	for _, r := range results {
		if r.Err != "" {
			fmt.Fprintf(os.Stderr, "  %s: %s\n", r.Name, r.Err)
		}
	}
	out := map[string]any{
		"machine": machine(), "runs": *runs, "flood_mib": *sizeMiB, "size": fmt.Sprintf("%dx%d", cols, rows), "results": results,
	}
	var remote remoteResult
	if want("remote") && (*only == "" || strings.Contains(","+*only+",", ",gmux,")) {
		fmt.Fprintf(os.Stderr, "measuring gmux over ssh…\n")
		remote = remoteCase(work, flood)
		out["remote"] = remote
	}
	var floor startFloor
	if want("reattach") {
		fmt.Fprintf(os.Stderr, "measuring the start of a process…\n")
		var err error
		if floor, err = measureStartFloor(work); err != nil {
			fmt.Fprintf(os.Stderr, "  start floor: %v\n", err)
		}
		out["start_floor"] = floor
	}
	report(results)
	if floor.GoMs > 0 {
		fmt.Printf("a process started in a PTY until its first output, the floor under any reattach: Go hello world %.1f ms, C /bin/echo %.1f ms\n", floor.GoMs, floor.CMs)
	}
	if want("remote") {
		reportRemote(remote)
	}
	b, _ := json.MarshalIndent(out, "", "  ")
	must(os.WriteFile(*jsonOut, b, 0o644))
	fmt.Printf("\nwritten to %s\n", *jsonOut)
}

func measure(m *mux, flood, wide string) (r result) {
	r.Name = m.name
	defer func() {
		if p := recover(); p != nil {
			r.Err = fmt.Sprint(p)
		}
		m.stop()
	}()
	m.start()
	c := m.attach()
	defer func() { c.close() }() // the c of the end: reattach replaces it
	c.typeLine("export PS1='$ '; stty -echo")
	if m.name != "direct" {
		r.RSSStartKiB = rssKiB(m.serverPID())
	}
	// 1. throughput
	var tput []float64
	for i := range *runs {
		if !want("throughput") {
			break
		}
		start := time.Now()
		c.typeLine(fmt.Sprintf("cat %s; %s", flood, markerCmd(i)))
		c.waitFor(marker(i), 90*time.Second)
		tput = append(tput, float64(*sizeMiB<<20)/time.Since(start).Seconds()/1e6)
	}
	r.ThroughputMBs = median(tput)
	if m.name != "direct" && want("throughput") {
		r.RSSAfterFloodKiB = rssKiB(m.serverPID())
	}
	// 1b. with a stalled second client (one that never reads)
	if m.shared != nil && want("stalled") {
		stalled := m.shared()
		start := time.Now()
		c.typeLine(fmt.Sprintf("cat %s; %s", flood, markerCmd(10)))
		c.waitFor(marker(10), 90*time.Second)
		r.StalledMBs = float64(*sizeMiB<<20) / time.Since(start).Seconds() / 1e6
		stalled.close()
	}
	if want("idle") {
		r.IdleServerTicks, r.IdleServerWakeups, r.IdleClientTicks, r.IdleClientWakeups = idleCost(m, c)
	}
	if m.name == "direct" {
		return r
	}
	if want("windows") {
		r.RSS10WindowsKiB = tenWindows(m, c, wide)
		r.RSS10WindowsTotalKiB = r.RSS10WindowsKiB + rssKiB(c.pid())
		r.Together10WindowsKiB = pssKiB(m.serverPID()) + pssKiB(c.pid())
		if m.upgrade != nil && want("upgrade") {
			r.UpgradeHandOverMs, r.UpgradeTotalMs = upgradeTimes(m)
		}
	}
	if want("million") {
		c.close()
		m.stop()
		r.RSSMillionKiB, r.MillionTogetherKiB, r.MillionTextBytes = millionLines(m, million)
		r.MillionBytesPerByte = float64(r.RSSMillionKiB) * 1024 / float64(r.MillionTextBytes)
		r.MillionTogetherBytesPerByte = float64(r.MillionTogetherKiB) * 1024 / float64(r.MillionTextBytes)
		c = m.attach() // for the deferred close
	}
	return r
}

// millionLines starts m afresh with a history of a million lines, prints
// the file of a million lines in it, and returns the resident set of server
// and client once it is all in (summed, and with shared pages counted
// once), with the bytes of text printed.
func millionLines(m *mux, file string) (int, int, int64) {
	m.history = 1000000
	defer func() { m.history = 10000 }()
	m.start()
	c := m.attach()
	defer c.close()
	c.typeLine("export PS1='$ '; stty -echo")
	c.typeLine(fmt.Sprintf("cat %s; %s", file, markerCmd(60)))
	c.waitFor(marker(60), 10*time.Minute)
	atRest(m.serverPID()) // let the server finish with the last of it
	st, _ := os.Stat(file)
	return rssKiB(m.serverPID()) + rssKiB(c.pid()), pssKiB(m.serverPID()) + pssKiB(c.pid()), st.Size()
}

// atRest waits until process pid has used no CPU for a second (at least
// two seconds, at most a minute): memory is measured at rest, after the work
// a burst of output leaves behind (gmux repacks its history smaller then).
func atRest(pid int) {
	time.Sleep(time.Second)
	waitQuiet(pid, func(s procSample) int { return s.ticks }, time.Second, time.Minute)
}

// waitQuiet waits until of(pid's sample) has not moved for quiet, or until
// limit has passed, looking every 250 ms.
func waitQuiet(pid int, of func(procSample) int, quiet, limit time.Duration) {
	const step = 250 * time.Millisecond
	last, still := of(procStat(pid)), time.Duration(0)
	for deadline := time.Now().Add(limit); still < quiet && time.Now().Before(deadline); {
		time.Sleep(step)
		if now := of(procStat(pid)); now == last {
			still += step
		} else {
			last, still = now, 0
		}
	}
}

// echoSamples is the keystrokes timed per run of the echo case.
const echoSamples = 300

// echoSideBySide times keystroke echo through every multiplexer at once, in
// turns: one keystroke through each, then the next. Latency on a shared
// machine drifts by tens of percent from one second to the next; taking the
// samples interleaved puts every multiplexer under the same conditions, so
// the ratios hold even when the absolute figures move.
func echoSideBySide(muxes []*mux, results []result) {
	type probe struct {
		m      *mux
		r      *result
		c      *client
		srvPID int
		s0, c0 procSample
		lat    []float64
		p50    []float64
		p99    []float64
	}
	var probes []*probe
	defer func() {
		for _, p := range probes {
			p.c.close()
			p.m.stop()
		}
	}()
	for i, m := range muxes {
		p := &probe{m: m, r: &results[i]}
		var err string
		if p.c, err = startReady(m, 30); err != "" {
			p.r.Err = "echo: " + err
			continue
		}
		if m.serverPID != nil {
			p.srvPID = m.serverPID()
		}
		probes = append(probes, p)
	}
	for _, p := range probes {
		p.s0, p.c0 = procStat(p.srvPID), procStat(p.c.pid())
	}
	for range *runs {
		// dd copies byte by byte and stops after the samples (raw mode has no C-c).
		for _, p := range probes {
			p.c.typeLine(fmt.Sprintf("clear; stty raw -echo; dd bs=1 count=%d 2>/dev/null; stty sane -echo", echoSamples+2*(echoSamples/150)))
			p.lat = p.lat[:0]
		}
		time.Sleep(300 * time.Millisecond)
		for i := range echoSamples {
			ch := byte('a' + i%26)
			if i%150 == 149 {
				// A new line now and then keeps the echoed text off the
				// right margin.
				for _, p := range probes {
					p.c.send("\r\n")
				}
				time.Sleep(50 * time.Millisecond)
			}
			for _, p := range probes {
				if i%150 == 0 {
					p.c.drain()
				}
				start := time.Now()
				p.c.send(string(ch))
				p.c.waitByte(ch, 5*time.Second)
				p.lat = append(p.lat, float64(time.Since(start).Microseconds()))
			}
		}
		for _, p := range probes {
			sort.Float64s(p.lat)
			p.p50 = append(p.p50, p.lat[len(p.lat)/2])
			p.p99 = append(p.p99, p.lat[len(p.lat)*99/100])
			p.c.typeLine("clear")
		}
		time.Sleep(300 * time.Millisecond)
	}
	for _, p := range probes {
		s1, c1 := procStat(p.srvPID), procStat(p.c.pid())
		p.r.EchoP50us, p.r.EchoP99us = median(p.p50), median(p.p99)
		// Context switches per keystroke show how many hand-offs an echo takes.
		n := float64(echoSamples * *runs)
		p.r.EchoServerSwitches = float64(s1.switches-p.s0.switches) / n
		p.r.EchoClientSwitches = float64(c1.switches-p.c0.switches) / n
		p.r.EchoServerCPUus = float64(s1.cpuNs-p.s0.cpuNs) / 1000 / n
	}
}

// startReady starts m's session and attaches a client whose shell has a
// plain prompt and no echo, waiting until the shell has run that (typed
// ahead of a client still connecting — over ssh the terminal is cooked until
// then — it is echoed at once by the terminal). On failure it leaves nothing
// running and says why.
func startReady(m *mux, mark int) (c *client, err string) {
	if err = catch(func() {
		m.start()
		c = m.attach()
		c.typeLine("export PS1='$ '; stty -echo; " + markerCmd(mark))
		c.waitFor(marker(mark), time.Minute)
	}); err != "" {
		if c != nil {
			c.close()
		}
		m.stop()
		return nil, err
	}
	return c, ""
}

// catch runs f and returns the panic it raised, if any, as text.
func catch(f func()) (msg string) {
	defer func() {
		if p := recover(); p != nil {
			msg = fmt.Sprint(p)
		}
	}()
	f()
	return ""
}

// idleCost counts CPU ticks and context switches of server and client while
// attached and quiet.
func idleCost(m *mux, c *client) (srvTicks, srvWakeups, cliTicks, cliWakeups int) {
	// Settle first: the case before is a flood, and after one gmux narrows
	// back to one processor (server/procs.go) and, a second after the last
	// output, packs the newest history and returns the memory
	// (server/memory.go), a collection whose workers wake threads: one-offs,
	// not the periodic wake-ups this case looks for. So the count starts
	// once the server has not been woken for two seconds (at most twenty:
	// one that wakes all the time is counted as it is).
	time.Sleep(2 * time.Second)
	c.drain()
	var srvPID int
	if m.name != "direct" {
		srvPID = m.serverPID()
	}
	waitQuiet(srvPID, func(s procSample) int { return s.switches }, 2*time.Second, 20*time.Second)
	s0, c0 := procStat(srvPID), procStat(c.pid())
	time.Sleep(*idleFor)
	s1, c1 := procStat(srvPID), procStat(c.pid())
	return s1.ticks - s0.ticks, s1.switches - s0.switches, c1.ticks - c0.ticks, c1.switches - c0.switches
}

// reattachSideBySide times detaching and attaching again until a full 200x50
// screen is drawn, 3 x runs times per multiplexer, in turns as the echo case
// does (a few milliseconds each, on a machine whose speed drifts by more
// between seconds than the multiplexers differ); each result gets the median
// in ms.
func reattachSideBySide(muxes []*mux, results []result) {
	type probe struct {
		m      *mux
		r      *result
		c      *client
		re     []float64
		failed bool
	}
	var probes []*probe
	defer func() {
		for _, p := range probes {
			p.c.close()
			p.m.stop()
		}
	}()
	for i, m := range muxes {
		if m.name == "direct" {
			continue
		}
		p := &probe{m: m, r: &results[i]}
		var err string
		if p.c, err = startReady(m, 31); err != "" {
			p.r.Err = "reattach: " + err
			continue
		}
		probes = append(probes, p)
	}
	for i := range 3 * *runs {
		for _, p := range probes {
			if p.failed {
				continue // its timeouts would only slow the others
			}
			if err := catch(func() {
				p.c.typeLine(fmt.Sprintf("clear; seq -f '%%0199g' 1 60; %s", markerCmd(70+i)))
				p.c.waitFor(marker(70+i), time.Minute)
				p.c.close()
				p.m.detach()
				start := time.Now()
				p.c = p.m.attach()
				p.c.waitFor(marker(70+i), time.Minute)
				p.re = append(p.re, float64(time.Since(start).Microseconds())/1000)
			}); err != "" {
				p.r.Err, p.failed = "reattach: "+err, true
			}
		}
	}
	for _, p := range probes {
		p.r.ReattachMs = median(p.re)
	}
}

// tenWindows fills ten windows with 10,000 lines of 97 columns each and
// returns the server's resident set.
func tenWindows(m *mux, c *client, wide string) int {
	for w := range 10 {
		if w > 0 {
			m.newWindow()
			time.Sleep(300 * time.Millisecond)
		}
		c.typeLine(fmt.Sprintf("cat %s; %s", wide, markerCmd(40+w)))
		c.waitFor(marker(40+w), 2*time.Minute)
	}
	atRest(m.serverPID()) // what the server holds, not its last burst
	return rssKiB(m.serverPID())
}

// upgradeTimes upgrades m's session in place runs times and returns the
// median hand-over the server reports and the median of the whole command.
func upgradeTimes(m *mux) (handOver, total float64) {
	var h, t []float64
	for range *runs {
		start := time.Now()
		out := m.upgrade()
		t = append(t, float64(time.Since(start).Microseconds())/1000)
		_, after, ok := strings.Cut(out, "hand-over ")
		d, err := time.ParseDuration(strings.TrimSuffix(strings.TrimSpace(after), ")"))
		if !ok || err != nil {
			panic(fmt.Sprintf("upgrade said %q", out))
		}
		h = append(h, float64(d.Microseconds())/1000)
	}
	return median(h), median(t)
}

// marker is text that appears nowhere else: a renderer that sends only the
// cells that changed (all of them do) still sends all of it. markerCmd prints
// it without the typed command line containing it. The letters are Canadian
// syllabics, 640 assigned ones in a row: tmux does not draw an unassigned
// code point (the Runic block used before ran out at -runs 6).
func marker(i int) string { return strings.Repeat(string(rune(markerBase+i)), 6) }

const markerBase = 0x1401

func markerCmd(i int) string {
	return "printf '" + strings.Repeat(fmt.Sprintf("\\u%04x", markerBase+i), 6) + "\\n'"
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return 0
	}
	s := append([]float64(nil), v...)
	sort.Float64s(s)
	return s[len(s)/2]
}

func machine() string {
	host, _ := os.Hostname()
	cpu := ""
	if b, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(b), "\n") {
			if strings.HasPrefix(l, "model name") {
				cpu = strings.TrimSpace(strings.SplitN(l, ":", 2)[1])
				break
			}
		}
	}
	return fmt.Sprintf("%s, %d CPUs (%s), %s %s", host, runtime.NumCPU(), cpu, runtime.GOOS, runtime.GOARCH)
}

func must(err error) {
	if err != nil {
		fail("%v", err)
	}
}

func fail(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "bench: "+format+"\n", args...)
	os.Exit(1)
}
