package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"time"
)

// startFloor is what a reattach cannot go below: a process started in a
// 200x50 PTY until its first output, as the reattach case times a client
// (there, to the screen drawn). Go: a static hello world built as gmux is
// (its runtime's start is in every gmux client); C: /bin/echo.
type startFloor struct {
	GoMs float64 `json:"go_hello_world_ms"`
	CMs  float64 `json:"c_echo_ms"`
}

func measureStartFloor(work string) (f startFloor, err error) {
	dir := filepath.Join(work, "hello")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return f, err
	}
	src := "package main\n\nimport \"os\"\n\nfunc main() { os.Stdout.WriteString(\"" + floorMarker + "\\n\") }\n"
	if err := os.WriteFile(filepath.Join(dir, "main.go"), []byte(src), 0o644); err != nil {
		return f, err
	}
	bin := filepath.Join(dir, "hello")
	build := exec.Command("go", "build", "-o", bin, "main.go")
	build.Dir = dir
	build.Env = append(os.Environ(), "CGO_ENABLED=0", "GO111MODULE=off")
	if out, err := build.CombinedOutput(); err != nil {
		return f, fmt.Errorf("build hello world: %v\n%s", err, out)
	}
	f.GoMs = timeToOutput(bin)
	f.CMs = timeToOutput("/bin/echo", floorMarker)
	return f, nil
}

const floorMarker = "floor-marker"

// timeToOutput is the median time from starting name until its output shows.
func timeToOutput(name string, args ...string) float64 {
	var v []float64
	for range 3 * *runs {
		start := time.Now()
		c := startClient(shellEnv, name, args...)
		c.waitFor(floorMarker, time.Minute)
		v = append(v, float64(time.Since(start).Microseconds())/1000)
		c.close()
	}
	return median(v)
}
