// Package input turns the bytes a terminal sends into events — runs of text,
// keys, mouse reports, pasted text — whatever way the reads split them. It
// knows nothing of sessions or windows: the server feeds each display's
// bytes through a Tokenizer and hands the events to its layers.
package input
