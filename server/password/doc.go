// Package password checks and makes the session password's hash, in the
// crypt(3) forms a .screenrc holds ($6$, $5$, $1$, bcrypt). It keeps no
// password; the lock screen (server/lock.go) asks for one and checks it off
// the loop.
package password
