package cli

import (
	"bufio"
	"fmt"
	"os"
	"strings"

	"github.com/gmux/gmux/client"
	"github.com/gmux/gmux/proto"
	"golang.org/x/term"
)

// offerUpgrade moves a session run by an older gmux to this binary before
// attaching to it, as the session's autoupgrade setting says: on, at once;
// ask (the default, and what a server too old to say means), if the user
// says yes at the terminal; off, never. Whatever happens, the attach goes
// on: an upgrade that fails leaves the session as it was, and says why.
func offerUpgrade(s client.Session) {
	if !s.Older() {
		return
	}
	mode := s.AutoUpgrade
	if mode == "" {
		mode = "ask"
	}
	self, err := client.ServerBinary()
	if mode == "off" || err != nil {
		return
	}
	running := "an older gmux"
	if s.Version != "" {
		running = "gmux " + proto.Printable(s.Version)
	}
	if mode == "ask" {
		if !term.IsTerminal(int(os.Stdin.Fd())) {
			return
		}
		fmt.Printf("Session %s runs %s; this is gmux %s. Move it to this gmux first, keeping everything? [y/N] ",
			proto.Printable(s.Name), running, proto.BuildVersion())
		answer, _ := bufio.NewReader(os.Stdin).ReadString('\n')
		if a := strings.ToLower(strings.TrimSpace(answer)); a != "y" && a != "yes" {
			return
		}
	}
	out, err := client.Command(s.Path, -1, []string{"upgrade", self})
	if err != nil {
		fmt.Fprintf(os.Stderr, "gmux: %s\n", proto.Printable(err.Error()))
		return
	}
	fmt.Println(proto.Printable(out))
}
