// Package userfile reads and writes the files the server keeps for the
// user (hardcopy, logs, the exchange file, layouts) and reads rc files,
// safely where others may write: no symlink followed at the last
// component, only regular files the user owns written to, new ones created
// exclusively, and an rc that is not a regular file refused rather than
// waited on.
package userfile
