package main

import (
	"fmt"
	"os"
	"text/tabwriter"
)

// perEcho formats context switches per keystroke. The count sums the
// process's live threads, so a thread that exited during the case makes it
// meaningless (shown as "?").
func perEcho(v float64) string {
	if v < 0 {
		return "?"
	}
	return fmt.Sprintf("%.1f", v)
}

// report prints the table and each figure as a ratio to tmux.
func report(results []result) {
	var tmux, direct *result
	for i := range results {
		switch results[i].Name {
		case "tmux":
			tmux = &results[i]
		case "direct":
			direct = &results[i]
		}
	}
	ratio := func(v, ref float64) string {
		if ref == 0 || v == 0 {
			return ""
		}
		return fmt.Sprintf(" (%.2fx)", v/ref)
	}
	w := tabwriter.NewWriter(os.Stdout, 2, 0, 2, ' ', 0)
	fmt.Fprintf(w, "\nmachine: %s\n", machine())
	fmt.Fprintln(w, "\t"+"throughput MB/s\tstalled-client MB/s\techo p50 µs\techo p99 µs\tswitches/echo srv/cli\tsrv CPU µs/echo\tRSS start KiB\tRSS flood KiB\tRSS 10 win KiB (+client) [together]\tRSS 1M lines KiB (per text byte) [together]\tidle ticks srv/cli\tidle wakeups srv/cli\treattach ms\t")
	for _, r := range results {
		var t result
		if tmux != nil {
			t = *tmux
		}
		fmt.Fprintf(w, "%s\t%.1f%s\t%.1f\t%.0f%s\t%.0f%s\t%s/%s\t%.0f\t%d\t%d\t%d%s (%d) [%d]\t%d (%.2f) [%d, %.2f]\t%d/%d\t%d/%d\t%.1f%s\t\n", r.Name,
			r.ThroughputMBs, ratio(r.ThroughputMBs, t.ThroughputMBs), r.StalledMBs,
			r.EchoP50us, ratio(r.EchoP50us, t.EchoP50us), r.EchoP99us, ratio(r.EchoP99us, t.EchoP99us), perEcho(r.EchoServerSwitches), perEcho(r.EchoClientSwitches), r.EchoServerCPUus,
			r.RSSStartKiB, r.RSSAfterFloodKiB, r.RSS10WindowsKiB, ratio(float64(r.RSS10WindowsKiB), float64(t.RSS10WindowsKiB)), r.RSS10WindowsTotalKiB, r.Together10WindowsKiB,
			r.RSSMillionKiB, r.MillionBytesPerByte, r.MillionTogetherKiB, r.MillionTogetherBytesPerByte,
			r.IdleServerTicks, r.IdleClientTicks, r.IdleServerWakeups, r.IdleClientWakeups,
			r.ReattachMs, ratio(r.ReattachMs, t.ReattachMs))
	}
	w.Flush()
	for _, r := range results {
		if r.UpgradeHandOverMs > 0 {
			fmt.Printf("%s live upgrade of the 10 windows × 10,000 lines: hand-over %.1f ms (goal < 200), whole -X upgrade with the trial run %.1f ms\n",
				r.Name, r.UpgradeHandOverMs, r.UpgradeTotalMs)
		}
	}
	if direct != nil && direct.ThroughputMBs > 0 {
		for _, r := range results {
			if r.Name != "direct" {
				fmt.Printf("%s throughput is %.0f%% of a direct PTY\n", r.Name, 100*r.ThroughputMBs/direct.ThroughputMBs)
			}
		}
	}
}
