package link

import (
	"net"

	"golang.org/x/sys/unix"
)

// rightsReader reads a Unix connection with recvmsg so that descriptors
// passed with the hello are received rather than silently closed by the
// kernel: the client's terminal, or a proxy's stream (stream.go). At most
// maxPassed are kept, and only until the hello has been read; any other is
// closed at once. It belongs to the connection's reader goroutine.
type rightsReader struct {
	conn *net.UnixConn
	oob  []byte
	fds  []int // the descriptors passed with the hello
	open bool  // descriptors are still taken
}

// maxPassed: a terminal, or a stream's two ends.
const maxPassed = 2

func newRightsReader(conn *net.UnixConn) *rightsReader {
	return &rightsReader{conn: conn, oob: make([]byte, unix.CmsgSpace(4*4)), open: true}
}

func (r *rightsReader) Read(p []byte) (int, error) {
	n, oobn, _, _, err := r.conn.ReadMsgUnix(p, r.oob)
	if oobn > 0 {
		r.keep(r.oob[:oobn])
	}
	return max(n, 0), err // ReadMsgUnix says -1 with some errors; io.Reader must not
}

func (r *rightsReader) keep(oob []byte) {
	msgs, err := unix.ParseSocketControlMessage(oob)
	if err != nil {
		return
	}
	for _, m := range msgs {
		fds, err := unix.ParseUnixRights(&m)
		if err != nil {
			continue
		}
		for _, fd := range fds {
			if r.open && len(r.fds) < maxPassed {
				r.fds = append(r.fds, fd)
				continue
			}
			unix.Close(fd)
		}
	}
}

// take returns the descriptors passed with the hello and closes the door to
// any later one.
func (r *rightsReader) take() []int {
	fds := r.fds
	r.fds, r.open = nil, false
	return fds
}

// closeAll closes descriptors that are not used.
func closeAll(fds []int) {
	for _, fd := range fds {
		unix.Close(fd)
	}
}
