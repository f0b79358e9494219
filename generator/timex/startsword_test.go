package timex

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"testing"
)

// TestStartsWord checks that startsWord lists exactly the words of the cases
// of atWord's switch on the word and of countAt's switch in its default
// case, read from words.go, so that a word given a rule there is not passed
// over by the scanner.
func TestStartsWord(t *testing.T) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "words.go", nil, 0)
	if err != nil {
		t.Fatal(err)
	}
	caseNames := func(sw *ast.SwitchStmt) []string {
		var names []string
		for _, st := range sw.Body.List {
			for _, e := range st.(*ast.CaseClause).List {
				if id, ok := e.(*ast.Ident); ok {
					names = append(names, id.Name)
				} else {
					t.Errorf("a case that is no word constant at %v", fset.Position(e.Pos()))
				}
			}
		}
		return names
	}
	var want, listed []string
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			switch d.Name.Name {
			case "atWord":
				// the switch on w := s.word(i)
				for _, st := range d.Body.List {
					if sw, ok := st.(*ast.SwitchStmt); ok {
						if id, ok := sw.Tag.(*ast.Ident); ok && id.Name == "w" {
							want = append(want, caseNames(sw)...)
						}
					}
				}
			case "countAt":
				// the switch on s.word(i) in the default case
				ast.Inspect(d.Body, func(n ast.Node) bool {
					if sw, ok := n.(*ast.SwitchStmt); ok {
						if c, ok := sw.Tag.(*ast.CallExpr); ok {
							if sel, ok := c.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "word" {
								if arg, ok := c.Args[0].(*ast.Ident); ok && arg.Name == "i" {
									want = append(want, caseNames(sw)...)
								}
							}
						}
					}
					return true
				})
			}
		case *ast.GenDecl:
			for _, sp := range d.Specs {
				if vs, ok := sp.(*ast.ValueSpec); ok && vs.Names[0].Name == "startsWord" {
					ast.Inspect(vs, func(n ast.Node) bool {
						if cl, ok := n.(*ast.CompositeLit); ok {
							if at, ok := cl.Type.(*ast.ArrayType); ok && at.Len != nil {
								if _, ok := at.Len.(*ast.Ellipsis); ok {
									for _, e := range cl.Elts {
										listed = append(listed, e.(*ast.Ident).Name)
									}
								}
							}
						}
						return true
					})
				}
			}
		}
	}
	slices.Sort(want)
	slices.Sort(listed)
	if len(want) < 40 || !slices.Equal(want, listed) {
		t.Errorf("startsWord lists %v,\nthe cases of atWord and countAt are %v", listed, want)
	}
	// and the table holds them
	n := 0
	for _, ok := range startsWord {
		if ok {
			n++
		}
	}
	if n != len(slices.Compact(listed)) {
		t.Errorf("startsWord marks %d words, lists %d", n, len(listed))
	}
}
