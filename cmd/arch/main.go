// Command arch prints the figures "The server's third shape" is measured
// by (docs/design.md): the types with the most methods, the packages with
// the most files, the timer call sites in server code, the packages that
// import tcell, and per package the largest cycle of files and the files that
// reach into its largest struct. It reads the source only; `make arch` runs it.
package main

import (
	"fmt"
	"go/ast"
	"go/build"
	"go/parser"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

func main() {
	root := "."
	if len(os.Args) > 2 && os.Args[1] == "-uses" {
		printUses(os.Args[2]) // arch -uses server: what each file uses of the others
		return
	}
	if len(os.Args) > 1 {
		root = os.Args[1]
	}
	methods := map[string]int{}     // pkg.Type → methods
	files := map[string]int{}       // package dir → non-test files
	timers := []string{}            // time.AfterFunc / NewTimer / After call sites in server/
	tcellUsers := map[string]bool{} // package dirs importing tcell (not its terminfo)
	var drawFuncs []string          // functions in server/render named for drawing
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (strings.HasPrefix(d.Name(), ".") && path != root || d.Name() == "testdata") {
			return filepath.SkipDir
		}
		if d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		if ok, _ := build.Default.MatchFile(filepath.Dir(path), filepath.Base(path)); !ok {
			return nil // another platform's (or the portable build's) copy
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		dir := filepath.Dir(path)
		files[dir]++
		for _, imp := range f.Imports {
			if p := strings.Trim(imp.Path.Value, `"`); strings.HasPrefix(p, "github.com/gdamore/tcell") && !strings.Contains(p, "terminfo") {
				tcellUsers[dir] = true
			}
		}
		for _, decl := range f.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if ok && filepath.ToSlash(dir) == "server/render" {
				if n := strings.ToLower(fn.Name.Name); strings.Contains(n, "draw") || strings.Contains(n, "render") {
					drawFuncs = append(drawFuncs, fn.Name.Name)
				}
			}
			if !ok || fn.Recv == nil || len(fn.Recv.List) == 0 {
				continue
			}
			t := fn.Recv.List[0].Type
			if s, ok := t.(*ast.StarExpr); ok {
				t = s.X
			}
			if id, ok := t.(*ast.Ident); ok {
				methods[dir+"."+id.Name]++
			}
		}
		if strings.HasPrefix(filepath.ToSlash(dir), "server") {
			ast.Inspect(f, func(n ast.Node) bool {
				sel, ok := n.(*ast.SelectorExpr)
				if ok {
					if x, ok := sel.X.(*ast.Ident); ok && x.Name == "time" && (sel.Sel.Name == "AfterFunc" || sel.Sel.Name == "NewTimer" || sel.Sel.Name == "After") {
						timers = append(timers, fset.Position(sel.Pos()).String())
					}
				}
				return true
			})
		}
		return nil
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "arch:", err)
		os.Exit(1)
	}
	fmt.Println("types with the most methods (goal: at most 60):")
	for _, kv := range top(methods, 5) {
		fmt.Printf("\t%4d  %s\n", kv.n, kv.k)
	}
	fmt.Println("packages with the most files (goal: at most 60, server/vt aside):")
	for _, kv := range top(files, 5) {
		fmt.Printf("\t%4d  %s\n", kv.n, kv.k)
	}
	fmt.Printf("timer call sites in server code (goal: at most 2): %d\n", len(timers))
	for _, t := range timers {
		fmt.Printf("\t%s\n", t)
	}
	users := make([]string, 0, len(tcellUsers))
	for d := range tcellUsers {
		users = append(users, d)
	}
	sort.Strings(users)
	fmt.Printf("packages importing tcell (goal: one): %s\n", strings.Join(users, ", "))
	sort.Strings(drawFuncs)
	fmt.Printf("draw/render functions in server/render (goal: at most 12): %d: %s\n", len(drawFuncs), strings.Join(drawFuncs, " "))
	printGraphs(files)
}

// printGraphs prints, for each package of server/, its largest cycle of
// files using each other (goal: at most 12) and how many other files select
// the fields of its largest struct (goal: at most 15).
func printGraphs(files map[string]int) {
	fmt.Println("per package: largest cycle of files (goal: at most 12); files selecting its largest struct's fields (goal: at most 15):")
	var dirs []string
	for d := range files {
		if strings.HasPrefix(filepath.ToSlash(d), "server") {
			dirs = append(dirs, d)
		}
	}
	sort.Strings(dirs)
	for _, d := range dirs {
		g, err := packageGraph(d)
		if err != nil {
			fmt.Fprintln(os.Stderr, "arch:", err)
			os.Exit(1)
		}
		var most []string
		for _, kv := range top(g.fieldUsers, 3) {
			most = append(most, fmt.Sprintf("%s %d", kv.k, kv.n))
		}
		fmt.Printf("\t%-18s cycle %3d   largest struct %s: %d files   most reached: %s\n",
			d, len(g.largestCycle()), g.largestStruct, g.fieldUsers[g.largestStruct], strings.Join(most, ", "))
	}
}

type count struct {
	k string
	n int
}

func top(m map[string]int, n int) []count {
	var all []count
	for k, v := range m {
		all = append(all, count{k, v})
	}
	sort.Slice(all, func(i, j int) bool { return all[i].n > all[j].n || all[i].n == all[j].n && all[i].k < all[j].k })
	return all[:min(n, len(all))]
}

// printUses prints, for each file of the package in dir, the other files it
// uses: where to cut a package out.
func printUses(dir string) {
	g, err := packageGraph(dir)
	if err != nil {
		fmt.Fprintln(os.Stderr, "arch:", err)
		os.Exit(1)
	}
	var names []string
	for f := range g.edges {
		names = append(names, f)
	}
	sort.Strings(names)
	for _, f := range names {
		var to []string
		for t := range g.edges[f] {
			to = append(to, t)
		}
		sort.Strings(to)
		fmt.Printf("%s: %s\n", f, strings.Join(to, " "))
	}
}
