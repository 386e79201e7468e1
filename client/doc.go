// Package client is the thin gmux client: it finds sessions in the socket
// directory, starts session servers, and attaches the user's terminal to one
// (raw mode, input and resize up, output down) until detach or exit.
package client
