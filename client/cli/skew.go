package cli

import (
	"errors"
	"fmt"
	"os"
	"strconv"

	"github.com/gmux/gmux/client"
	"github.com/gmux/gmux/proto"
)

// versionAdvice turns a protocol mismatch with session s into what to do
// about it: its server's own binary, /proc/PID/exe, is a gmux that speaks
// its protocol (it is the very file the server runs, even if the package
// upgrade replaced gmux on disk since), so the fix is to run that one.
// args are the rest of the command line to run it with. Other errors come
// back as they are.
func versionAdvice(err error, s client.Session, args ...string) error {
	var ve *proto.VersionError
	if !errors.As(err, &ve) {
		return err
	}
	who := "an older gmux"
	if ve.Peer > ve.Local {
		who = "a newer gmux"
	}
	exe := "the gmux that started it"
	if pid := s.PID(); pid > 0 {
		exe = "/proc/" + strconv.Itoa(pid) + "/exe"
		for _, a := range args {
			exe += " " + a
		}
	}
	advice := fmt.Errorf("session %s runs %s (protocol v%d; this gmux speaks v%d-v%d): use %s",
		proto.Printable(s.Name), who, ve.Peer, proto.MinVersion, proto.Version, exe)
	if self, err := os.Executable(); err == nil && ve.Peer < ve.Local && s.PID() > 0 {
		// Its own binary can also ask it to move to this one (-X upgrade).
		advice = fmt.Errorf("%w, or move it to this gmux: /proc/%d/exe -S %s -X upgrade %s",
			advice, s.PID(), proto.Printable(s.Name), self)
	}
	return advice
}
