package server

import (
	"flag"
	"os"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the generated parts of docs/")

// TestDocsMatchTables checks that the guide and the man page list exactly the
// commands and keys in the tables; go test ./server -run Docs -update
// rewrites them.
func TestDocsMatchTables(t *testing.T) {
	for _, doc := range []struct {
		path string
		roff bool
	}{{"../docs/guide.md", false}, {"../docs/gmux.1", true}} {
		b, err := os.ReadFile(doc.path)
		if err != nil {
			t.Fatal(err)
		}
		text := string(b)
		parts := []struct{ name, want string }{
			{"commands", commandReference(doc.roff)},
			{"keys", keyReference(doc.roff)},
		}
		if !doc.roff {
			parts = append(parts, struct{ name, want string }{"screen", screenReference()})
		}
		for _, part := range parts {
			begin, end := marker(part.name+":begin", doc.roff), marker(part.name+":end", doc.roff)
			i, j := strings.Index(text, begin), strings.Index(text, end)
			if i < 0 || j < i {
				t.Fatalf("%s: markers %q … %q missing", doc.path, begin, end)
			}
			got := text[i+len(begin) : j]
			if got != part.want {
				if !*update {
					t.Errorf("%s: the %s list is stale; run go test ./server -run Docs -update", doc.path, part.name)
					continue
				}
				text = text[:i+len(begin)] + part.want + text[j:]
			}
		}
		if *update {
			if err := os.WriteFile(doc.path, []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
}

func marker(name string, roff bool) string {
	if roff {
		return `.\" ` + name + "\n"
	}
	return "<!-- " + name + " -->\n"
}
