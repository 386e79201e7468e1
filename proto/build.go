package proto

import (
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"
)

// What a gmux binary is, so that sessions run by another one can be told
// apart (gmux -ls marks servers older than the client): a machine holds
// servers of many builds for as long as their sessions live.

// versionStamp, set at link time (-ldflags "-X
// github.com/gmux/gmux/proto.versionStamp=v1.2.3"), names the version of a
// build made outside the module system (a package, a test's second build).
var versionStamp string

var buildOnce = sync.OnceValues(func() (string, time.Time) {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "dev", time.Time{}
	}
	version := bi.Main.Version
	if versionStamp != "" {
		version = versionStamp
	}
	var rev string
	var when time.Time
	var dirty bool
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.time":
			when, _ = time.Parse(time.RFC3339, s.Value)
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if version == "" || version == "(devel)" {
		version = "dev"
		if rev != "" {
			version += "-" + rev[:min(12, len(rev))]
			if dirty {
				version += "-modified"
			}
		}
	}
	return version, when
})

// BuildVersion is this binary's version: the module version when installed
// with go install, else "dev" and the commit it was built from.
func BuildVersion() string { v, _ := buildOnce(); return v }

// BuildTime is the time of the commit this binary was built from (zero when
// unknown).
func BuildTime() time.Time { _, t := buildOnce(); return t }

// BuildDescription says what gmux -v says after the version: the commit
// built (and whether the tree had changes), its time — a build's own date,
// which a reproducible build cannot carry — and the Go it was built with.
func BuildDescription() string {
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "built without module information"
	}
	var rev, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = ", with uncommitted changes"
			}
		}
	}
	var b strings.Builder
	switch {
	case rev != "":
		b.WriteString("commit " + rev + modified)
	case bi.Main.Version != "" && bi.Main.Version != "(devel)":
		b.WriteString("module " + bi.Main.Path + "@" + bi.Main.Version)
	default:
		b.WriteString("commit unknown (built without version control information)")
	}
	if t := BuildTime(); !t.IsZero() {
		b.WriteString(", of " + t.UTC().Format("2006-01-02 15:04 UTC"))
	}
	b.WriteString("; " + bi.GoVersion + " " + runtimeTarget())
	return b.String()
}

// OlderBuild reports whether a server that reported version and commit time
// (Unix seconds; zero: unknown) is older than this binary. A server that
// reports no version at all predates versions being reported.
func OlderBuild(version string, built int64) bool {
	if version == "" {
		return true
	}
	if a, ok := semver(version); ok {
		if b, ok := semver(BuildVersion()); ok {
			return less(a, b)
		}
	}
	mine := BuildTime()
	return built != 0 && !mine.IsZero() && built < mine.Unix()
}

// semver reads vMAJOR.MINOR.PATCH (a pre-release or build suffix ignored).
func semver(v string) ([3]int, bool) {
	var out [3]int
	v, ok := strings.CutPrefix(v, "v")
	if !ok {
		return out, false
	}
	v, _, _ = strings.Cut(v, "-")
	v, _, _ = strings.Cut(v, "+")
	parts := strings.Split(v, ".")
	if len(parts) != 3 {
		return out, false
	}
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil {
			return out, false
		}
		out[i] = n
	}
	return out, true
}

func less(a, b [3]int) bool {
	for i := range a {
		if a[i] != b[i] {
			return a[i] < b[i]
		}
	}
	return false
}

// runtimeTarget is the platform the binary is for: linux/amd64.
func runtimeTarget() string { return runtime.GOOS + "/" + runtime.GOARCH }
