package main

import (
	"go/ast"
	"go/build"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// One file set and importer for every package: the importer keeps what it
// has type-checked, so shared dependencies are read once.
var (
	fset           = token.NewFileSet()
	sourceImporter = importer.ForCompiler(fset, "source", nil)
)

// fileGraph is how the files of one package use each other: an edge from a
// file to every other file that declares something it uses (a top-level
// name, a method, a field).
type fileGraph struct {
	dir   string
	edges map[string]map[string]bool
	// largestStruct is the package's struct with the most fields;
	// fieldUsers counts, for each struct, the other files that select its
	// fields.
	largestStruct string
	fieldUsers    map[string]int
}

// packageGraph type-checks the non-test files of dir from source.
func packageGraph(dir string) (*fileGraph, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	var files []*ast.File
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || !strings.HasSuffix(n, ".go") || strings.HasSuffix(n, "_test.go") {
			continue
		}
		if ok, _ := build.Default.MatchFile(dir, n); !ok {
			continue // another platform's copy: the host's build is measured
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, n), nil, parser.SkipObjectResolution)
		if err != nil {
			return nil, err
		}
		files = append(files, f)
	}
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}, Selections: map[*ast.SelectorExpr]*types.Selection{}, Defs: map[*ast.Ident]types.Object{}}
	conf := types.Config{Importer: sourceImporter, Error: func(error) {}}
	pkg, _ := conf.Check(dir, fset, files, info)
	g := &fileGraph{dir: dir, edges: map[string]map[string]bool{}}
	fileOf := func(p token.Pos) string { return filepath.Base(fset.Position(p).Filename) }
	local := func(o types.Object) bool { return o != nil && o.Pkg() == pkg && o.Pos().IsValid() }
	edge := func(from string, o types.Object) {
		to := fileOf(o.Pos())
		if from == to {
			return
		}
		if g.edges[from] == nil {
			g.edges[from] = map[string]bool{}
		}
		g.edges[from][to] = true
	}
	for id, o := range info.Uses {
		if !local(o) {
			continue
		}
		// Package-level names, and the fields and methods of its types.
		if o.Parent() == pkg.Scope() || isMember(o) {
			edge(fileOf(id.Pos()), o)
		}
	}
	// Which other files select each struct's fields. A struct is named by
	// the type that spells it out: a type defined over another's struct (a
	// facet, type windowHost session) adds methods, not fields.
	literal := map[string]bool{}
	for _, f := range files {
		ast.Inspect(f, func(n ast.Node) bool {
			if ts, ok := n.(*ast.TypeSpec); ok {
				_, literal[ts.Name.Name] = ts.Type.(*ast.StructType)
			}
			return true
		})
	}
	declared := map[*types.Struct]string{}
	var biggest *types.Struct
	for _, name := range pkg.Scope().Names() {
		tn, ok := pkg.Scope().Lookup(name).(*types.TypeName)
		if !ok {
			continue
		}
		if st, ok := tn.Type().Underlying().(*types.Struct); ok && literal[name] {
			declared[st] = name
			if biggest == nil || st.NumFields() > biggest.NumFields() {
				biggest, g.largestStruct = st, name
			}
		}
	}
	users := map[string]map[string]bool{}
	for sel, s := range info.Selections {
		if s.Kind() != types.FieldVal {
			continue
		}
		st, ok := deref(s.Recv()).Underlying().(*types.Struct)
		if !ok || declared[st] == "" {
			continue
		}
		name := declared[st]
		if f := fileOf(sel.Pos()); f != fileOf(pkg.Scope().Lookup(name).Pos()) {
			if users[name] == nil {
				users[name] = map[string]bool{}
			}
			users[name][f] = true
		}
	}
	g.fieldUsers = map[string]int{}
	for name, fs := range users {
		g.fieldUsers[name] = len(fs)
	}
	return g, nil
}

func isMember(o types.Object) bool {
	switch o := o.(type) {
	case *types.Var:
		return o.IsField()
	case *types.Func:
		return o.Type().(*types.Signature).Recv() != nil
	}
	return false
}

func deref(t types.Type) types.Type {
	if p, ok := t.(*types.Pointer); ok {
		return p.Elem()
	}
	return t
}

// largestCycle is the largest set of files that all reach each other
// (Tarjan's strongly connected components).
func (g *fileGraph) largestCycle() []string {
	index, low := map[string]int{}, map[string]int{}
	onStack := map[string]bool{}
	var stack, best []string
	next := 0
	var visit func(v string)
	visit = func(v string) {
		index[v], low[v] = next, next
		next++
		stack = append(stack, v)
		onStack[v] = true
		for w := range g.edges[v] {
			if _, seen := index[w]; !seen {
				visit(w)
				low[v] = min(low[v], low[w])
			} else if onStack[w] {
				low[v] = min(low[v], index[w])
			}
		}
		if low[v] == index[v] {
			var comp []string
			for {
				w := stack[len(stack)-1]
				stack = stack[:len(stack)-1]
				onStack[w] = false
				comp = append(comp, w)
				if w == v {
					break
				}
			}
			if len(comp) > len(best) {
				best = comp
			}
		}
	}
	var nodes []string
	for v := range g.edges {
		nodes = append(nodes, v)
	}
	sort.Strings(nodes)
	for _, v := range nodes {
		if _, seen := index[v]; !seen {
			visit(v)
		}
	}
	sort.Strings(best)
	return best
}
