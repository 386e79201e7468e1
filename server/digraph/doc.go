// Package digraph is screen's digraphs (C-a C-v, vim's C-k): two keys for a
// character the keyboard lacks, in RFC 1345's mnemonics, or a character by
// its number. Pure data and lookup; the session holds the user's own.
package digraph
